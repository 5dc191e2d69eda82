/* recording.h - record files (--record, --replay): the settings a run
 * starts from, then every key and click with the training position it
 * was applied at, so that a replay reaches the same weights bit for bit
 * whatever its speed. The format, one item per line:
 *
 *   descent-record 1                      first line, the version
 *   # text                                a comment (also blank lines)
 *   data -|PATH    x COL    y COL    label COL    class-a NAME
 *   class-b NAME   standardize on|off    activation NAME   loss NAME
 *   lr X   batch N|full   shuffle on|off   init zeros|uniform   seed N
 *   start X,Y   epochs N   lesson NAME|-  caption-1 TEXT  caption-2 TEXT
 *   explicit N                            the settings, each once, all
 *                                         of them, before any event
 *                                         (explicit: the options given on
 *                                         the command line, options.c's
 *                                         bits, which L's lessons keep)
 *   key E K MS LABEL                      a key: its key-table label, or
 *                                         its decimal code when unbound
 *                                         (a key that closed the help)
 *   click-bowl E K MS X Y                 a click on the bowl at the
 *                                         plane point (X, Y)
 *   click-cost E K MS EPOCH               a click on the cost plot
 *   click-off E K MS                      a click elsewhere
 *   end E K MS W1 W2 B                    the position and weights when
 *                                         the recording stopped (last)
 *
 * E is the number of finished epochs and K the samples already trained
 * in the next one (minibatch steps) when the event was applied; MS the
 * milliseconds since the recording began. Values run to the end of the
 * line (names may hold spaces); numbers are written with %.17g so they
 * read back to the same bits. */
#ifndef DESCENT_RECORDING_H
#define DESCENT_RECORDING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "options.h"

enum record_kind {
    RECORD_KEY,
    RECORD_CLICK_BOWL,
    RECORD_CLICK_COST,
    RECORD_CLICK_OFF,
    RECORD_END
};

struct record_event {
    enum record_kind kind;
    size_t epoch, next;    /* the training position it was applied at */
    double ms;             /* since the recording began */
    int key;               /* RECORD_KEY */
    double x, y;           /* RECORD_CLICK_BOWL: the plane point */
    size_t picked;         /* RECORD_CLICK_COST: the epoch */
    double w1, w2, b;      /* RECORD_END: the weights */
    unsigned line;         /* where it was read (messages) */
};

/* A record file read back. */
struct recording {
    char *path;
    char *text[6];         /* data, x, y, label, class-a, class-b */
    bool builtin_data;     /* data - */
    bool standardize;
    struct train_config train;
    double start_x, start_y;
    size_t epochs;
    char lesson_name[64];  /* "" for none */
    char caption[2][200];
    uint64_t explicit_options;
    struct record_event *events;  /* without the end line */
    size_t count;
    bool has_end;
    struct record_event end;
};

/* Reads and checks a whole record file. false with err "FILE:LINE:
 * reason" (or "FILE: reason") on anything wrong; free with recording_free
 * either way. */
bool recording_load(const char *path, struct recording *r, char *err,
                    size_t errlen);
void recording_free(struct recording *r);

/* Replaces the run's settings in o with the recorded ones (data,
 * selection, training, bowl start, epoch limit, lesson name, caption,
 * which options were explicit); the display options
 * (speed, ASCII, colour) stay. o points into r afterwards. */
void recording_apply(const struct recording *r, struct options *o);

/* An open record file being written. */
struct recorder {
    FILE *file;
    char *path;
    double t0;             /* when it began (CLOCK_MONOTONIC, ms) */
    bool failed;           /* a write failed: see recorder_close */
};

/* Creates path and writes the version and o's settings (o must be what
 * the run starts from). false with err "FILE: reason". */
bool recorder_open(struct recorder *rec, const char *path,
                   const struct options *o, char *err, size_t errlen);

/* Appends one event (its ms is filled in from the clock); each line is
 * flushed so that a killed program leaves a usable file. */
void recorder_event(struct recorder *rec, struct record_event *e);

/* Closes the file (NULL file: nothing to do). false with err "FILE:
 * reason" when any write failed. */
bool recorder_close(struct recorder *rec, char *err, size_t errlen);

#endif
