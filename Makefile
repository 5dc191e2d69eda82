# descent - build, run, test, benchmark. Plain and strict: see README.md.
#   make            build build/descent
#   make run        install missing packages, build, start the TUI
#   make test       install missing packages, build, run every test
#   make check      the tests again under AddressSanitizer + UBSan
#   make bench      throughput and screen timings
#   make fuzz       libFuzzer harnesses (clang); FUZZ_SECONDS=N runs each N s
#   make golden     regenerate tests/golden/*.txt on purpose
#   make install    PREFIX=/usr/local DESTDIR=

CC      ?= cc
CFLAGS  ?= -O2 -g
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
PKG_CONFIG ?= pkg-config

# Clang's objects go to build/clang, so that `make CC=clang test` never
# mixes them with GCC's. GCC's loop vectoriser needs asking at -O2; Clang
# vectorises by default and knows neither flag.
CC_IS_CLANG := $(shell $(CC) --version 2>/dev/null | grep -q clang && echo yes)
ifeq ($(CC_IS_CLANG),yes)
BUILD   ?= build/clang
VECTORIZE = -fno-trapping-math
SCALAR  = -fno-slp-vectorize
else
BUILD   ?= build
VECTORIZE = -ftree-loop-vectorize -fvect-cost-model=dynamic -fno-trapping-math
SCALAR  = -fno-tree-slp-vectorize
endif

# Every object is compiled without FMA contraction (after the user's CFLAGS,
# so it always holds): a*b+c fused in one file and not in another, or by one
# compiler and not another, would change the bits of a run.
EXACT   = -ffp-contract=off
WARN    = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
          -Wformat=2 -Wpointer-arith -Wcast-qual -Wundef
CURSES_CFLAGS := $(filter-out -D_XOPEN_SOURCE%,$(shell $(PKG_CONFIG) --cflags ncursesw 2>/dev/null))
CURSES_LIBS   := $(shell $(PKG_CONFIG) --libs ncursesw 2>/dev/null || echo -lncursesw)
ALL_CFLAGS = -std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE $(WARN) -Iinclude \
             -MMD -MP $(CFLAGS) $(EXACT)
LIBS    = -lcsv $(CURSES_LIBS) -lm

SRCS    := $(wildcard src/*.c)
# The built-in lessons, in the order --lesson list and the L key show them
# (each is assets/lessons/NAME.lesson), and the small built-in tables.
LESSONS := bowl-smooth bowl-one-step bowl-oscillates bowl-diverges \
           init-zeros init-random minibatch-noise unscaled-slow \
           standardized-fast mse-settles mae-jitters step-cannot-learn \
           dead-relu xor-impossible stretched-zigzag stretched-momentum \
           wells-trapped wells-escape rosenbrock-adam step-schedule \
           xor-term circle-squares iris-four line-fit spiral-overfit \
           sigmoid-saturates linear-diverges lr-range-test
LESSONS += xor-by-inspection xor-one-unit xor-two-units xor-four-units \
           hidden-zeros circle-three-units spiral-eight-units spiral-overfits
LESSON_FILES := $(LESSONS:%=assets/lessons/%.lesson)
TABLE_FILES  := data/and.csv data/or.csv data/xor.csv
OBJS    := $(SRCS:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/iris_data.o \
           $(BUILD)/obj/lessons_data.o $(BUILD)/obj/tables_data.o
LIBOBJS := $(filter-out $(BUILD)/obj/main.o,$(OBJS))
LIB     := $(BUILD)/libdescent.a
TESTS   := $(patsubst tests/%.c,$(BUILD)/tests/%,$(wildcard tests/test_*.c))
BIN     := $(BUILD)/descent

.PHONY: all run test check bench golden install uninstall clean deps deps-test deps-bench \
        lib fuzz fuzz-build deps-fuzz

all: $(BIN)

$(BIN): $(OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(LIBS)

$(BUILD)/obj/term.o: src/term.c | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) $(CURSES_CFLAGS) -c -o $@ $<

# The exponential and the neuron's batch sums are vectorised (no FMA
# contraction, as everywhere), so the same bits come out in scalar and
# vector code.
$(BUILD)/obj/vexp.o $(BUILD)/obj/neuron.o $(BUILD)/obj/neuron_lanes.o: $(BUILD)/obj/%.o: src/%.c | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) $(VECTORIZE) -c -o $@ $<

# So is the hidden layer's batch loop (the same bits: no reassociation).
$(BUILD)/obj/network.o: src/network.c | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) $(VECTORIZE) -c -o $@ $<

# The batch-1 loop waits on each update's result: pairs of scalars packed
# into vectors would only add shuffles to that wait.
$(BUILD)/obj/trainer_fast.o: src/trainer_fast.c | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) $(SCALAR) -c -o $@ $<

# Every object but main.o, for the tests, the bench and the fuzz harnesses.
lib: $(LIB)

$(LIB): $(LIBOBJS)
	rm -f $@
	$(AR) rcs $@ $(LIBOBJS)

$(BUILD)/obj/%.o: src/%.c | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The Iris table is compiled into the binary as a C string.
$(BUILD)/iris_data.c: data/iris.csv scripts/embed.sh | $(BUILD)/obj
	sh scripts/embed.sh iris_csv $< > $@

$(BUILD)/obj/iris_data.o: $(BUILD)/iris_data.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# So are the lessons and the small tables (include/builtin.h), so that
# lessons run from any directory.
$(BUILD)/lessons_data.c: $(LESSON_FILES) scripts/embed.sh scripts/embed_set.sh | $(BUILD)/obj
	sh scripts/embed_set.sh builtin_lessons $(LESSON_FILES) > $@.tmp && mv $@.tmp $@

$(BUILD)/tables_data.c: $(TABLE_FILES) scripts/embed.sh scripts/embed_set.sh | $(BUILD)/obj
	sh scripts/embed_set.sh builtin_tables $(TABLE_FILES) > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/lessons_data.o: $(BUILD)/lessons_data.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/obj/tables_data.o: $(BUILD)/tables_data.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/%.c $(LIB) | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) -lcmocka $(LIBS)

$(BUILD)/obj $(BUILD)/tests:
	mkdir -p $@

deps:
	@sh scripts/deps.sh run
deps-bench:
	@sh scripts/deps.sh bench
deps-test:
	@sh scripts/deps.sh test

run: deps
	@$(MAKE) --no-print-directory all
	./$(BIN)

# TEST_RESULTS: files of "ok/not ok/skip NAME" lines from earlier steps
# (CI's fuzz smoke), counted in the summary.
test: deps-test
	@$(MAKE) --no-print-directory all tests
	@sh tests/run.sh $(BUILD) $(TEST_RESULTS)

tests: $(BIN) $(TESTS)

check: deps-test
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/san \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  LDFLAGS="-fsanitize=address,undefined" all tests
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 sh tests/run.sh $(BUILD)/san

bench: deps-bench
	@$(MAKE) --no-print-directory all $(BUILD)/bench_frame
	@sh bench/bench.sh $(BUILD)

# In-process frame timings (views at 200x60, the landscape's recomputes).
$(BUILD)/bench_frame: bench/bench_frame.c $(LIB)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LIBS)

# Fuzzing: every fuzz/fuzz_NAME.c is a libFuzzer harness, built by clang
# with ASan+UBSan into build/fuzz/fuzz_NAME against a library built the
# same way; `make fuzz FUZZ_SECONDS=N` runs each N seconds on a scratch
# copy of fuzz/corpus/NAME/ (see fuzz/run.sh).
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 10
FUZZ_BUILD   := build/fuzz
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all \
                -fno-omit-frame-pointer
FUZZ_NAMES   := $(patsubst fuzz/fuzz_%.c,%,$(wildcard fuzz/fuzz_*.c))
FUZZERS      := $(FUZZ_NAMES:%=$(FUZZ_BUILD)/fuzz_%)

deps-fuzz:
	@sh scripts/deps.sh fuzz

fuzz: deps-fuzz
	@$(MAKE) --no-print-directory fuzz-build
	@sh fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_NAMES)

fuzz-build:
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=$(FUZZ_CC) \
	  CFLAGS="-O1 -g $(FUZZ_SAN) -fsanitize=fuzzer-no-link" $(FUZZERS)

$(FUZZ_BUILD)/fuzz_%: fuzz/fuzz_%.c $(FUZZ_BUILD)/libdescent.a
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_BUILD)/libdescent.a $(LIBS)

-include $(FUZZERS:=.d)

golden: $(BIN) $(TESTS)
	@sh tests/golden.sh $(BUILD) regenerate

clean:
	rm -rf build

-include $(OBJS:.o=.d) $(TESTS:=.d) $(BUILD)/bench_frame.d

# ---------------------------------------------------------------------
# Release: the version, install, the Debian package, the source tarball.
#   make install    PREFIX=/usr/local DESTDIR=  (make uninstall: exactly those)
#   make deb        $(BUILD)/descent_VERSION_ARCH.deb (scripts/mkdeb.sh)
#   make dist       $(BUILD)/descent-VERSION.tar.gz, reproducible (scripts/mkdist.sh)
#   make distcheck  unpack that tarball outside git and run make test there

# The version lives in the file VERSION; the commit comes from git, or
# from the file COMMIT in a release tarball (scripts/version.sh).
VERSION := $(shell cat VERSION)

$(BUILD)/version.h: FORCE | $(BUILD)/obj
	@sh scripts/version.sh >$@.tmp && \
	  if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi
$(BUILD)/obj/main.o: $(BUILD)/version.h
$(BUILD)/obj/main.o: ALL_CFLAGS += -I$(BUILD)

MANDIR      ?= $(PREFIX)/share/man
DATADIR     ?= $(PREFIX)/share/descent
DOCDIR      ?= $(PREFIX)/share/doc/descent
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/site-functions
DATA_FILES  := data/iris.csv $(TABLE_FILES)

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	  $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(DOCDIR) \
	  $(DESTDIR)$(DATADIR)/lessons
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/descent
	install -m 644 doc/descent.1 $(DESTDIR)$(MANDIR)/man1/descent.1
	install -m 644 completions/descent.bash $(DESTDIR)$(BASHCOMPDIR)/descent
	install -m 644 completions/_descent $(DESTDIR)$(ZSHCOMPDIR)/_descent
	install -m 644 README.md CHANGELOG.md $(DESTDIR)$(DOCDIR)
	install -m 644 assets/lessons/README $(DESTDIR)$(DOCDIR)/README.lessons
	install -m 644 $(DATA_FILES) $(DESTDIR)$(DATADIR)
	install -m 644 $(LESSON_FILES) $(DESTDIR)$(DATADIR)/lessons

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/descent $(DESTDIR)$(MANDIR)/man1/descent.1 \
	  $(DESTDIR)$(BASHCOMPDIR)/descent $(DESTDIR)$(ZSHCOMPDIR)/_descent
	rm -f $(DESTDIR)$(DOCDIR)/README.md $(DESTDIR)$(DOCDIR)/CHANGELOG.md \
	  $(DESTDIR)$(DOCDIR)/README.lessons
	rm -f $(DATA_FILES:data/%=$(DESTDIR)$(DATADIR)/%) \
	  $(LESSON_FILES:assets/lessons/%=$(DESTDIR)$(DATADIR)/lessons/%)
	-rmdir $(DESTDIR)$(DATADIR)/lessons $(DESTDIR)$(DATADIR) $(DESTDIR)$(DOCDIR)

deb:
	@sh scripts/deps.sh deb
	@sh scripts/mkdeb.sh $(BUILD) $(VERSION)

dist:
	@sh scripts/mkdist.sh $(BUILD) $(VERSION)

distcheck: dist
	@sh scripts/distcheck.sh $(BUILD)/descent-$(VERSION).tar.gz

.PHONY: deb dist distcheck FORCE
FORCE:
