# descent - build, run, test, benchmark. Plain and strict: see README.md.
#   make            build build/descent
#   make run        install missing packages, build, start the TUI
#   make test       install missing packages, build, run every test
#   make check      the tests again under AddressSanitizer + UBSan
#   make bench      throughput and screen timings
#   make golden     regenerate tests/golden/*.txt on purpose
#   make install    PREFIX=/usr/local DESTDIR=

CC      ?= cc
CFLAGS  ?= -O2 -g
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
BUILD   ?= build
PKG_CONFIG ?= pkg-config

WARN    = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
          -Wformat=2 -Wpointer-arith -Wcast-qual -Wundef
CURSES_CFLAGS := $(filter-out -D_XOPEN_SOURCE%,$(shell $(PKG_CONFIG) --cflags ncursesw 2>/dev/null))
CURSES_LIBS   := $(shell $(PKG_CONFIG) --libs ncursesw 2>/dev/null || echo -lncursesw)
ALL_CFLAGS = -std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE $(WARN) -Iinclude \
             -MMD -MP $(CFLAGS)
LIBS    = -lcsv $(CURSES_LIBS) -lm

SRCS    := $(wildcard src/*.c)
# The built-in lessons, in the order --lesson list and the L key show them
# (each is assets/lessons/NAME.lesson), and the small built-in tables.
LESSONS := bowl-smooth bowl-one-step bowl-oscillates bowl-diverges \
           init-zeros init-random minibatch-noise unscaled-slow \
           standardized-fast mse-settles mae-jitters step-cannot-learn \
           dead-relu xor-impossible
LESSON_FILES := $(LESSONS:%=assets/lessons/%.lesson)
TABLE_FILES  := data/and.csv data/or.csv data/xor.csv
OBJS    := $(SRCS:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/iris_data.o \
           $(BUILD)/obj/lessons_data.o $(BUILD)/obj/tables_data.o
LIBOBJS := $(filter-out $(BUILD)/obj/main.o,$(OBJS))
TESTS   := $(patsubst tests/%.c,$(BUILD)/tests/%,$(wildcard tests/test_*.c))
BIN     := $(BUILD)/descent

.PHONY: all run test check bench golden install uninstall clean deps deps-test deps-bench

all: $(BIN)

$(BIN): $(OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(LIBS)

$(BUILD)/obj/term.o: src/term.c | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) $(CURSES_CFLAGS) -c -o $@ $<

# The exponential is vectorised; no FMA contraction, so the same bits
# come out on every machine and in scalar and vector code.
$(BUILD)/obj/vexp.o: src/vexp.c | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) -ftree-loop-vectorize -fvect-cost-model=dynamic \
	  -fno-trapping-math -ffp-contract=off -c -o $@ $<

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

$(BUILD)/tests/%: tests/%.c $(LIBOBJS) | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIBOBJS) -lcmocka $(LIBS)

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

test: deps-test
	@$(MAKE) --no-print-directory all tests
	@sh tests/run.sh $(BUILD)

tests: $(BIN) $(TESTS)

check: deps-test
	@$(MAKE) --no-print-directory BUILD=build/san \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  LDFLAGS="-fsanitize=address,undefined" all tests
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 sh tests/run.sh build/san

bench: deps-bench
	@$(MAKE) --no-print-directory all $(BUILD)/bench_frame
	@sh bench/bench.sh $(BUILD)

# In-process frame timings (views at 200x60, the landscape's recomputes).
$(BUILD)/bench_frame: bench/bench_frame.c $(LIBOBJS)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIBOBJS) $(LIBS)

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
