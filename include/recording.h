/* recording.h - record files (--record, --replay): the settings a run
 * starts from, then every key and click with the training position it
 * was applied at, so that a replay reaches the same weights bit for bit
 * whatever its speed. The format, one item per line:
 *
 *   descent-record 2                      first line, the version
 *   # text                                a comment (also blank lines)
 *   set NAME VALUE                        a setting by its option name
 *                                         (settings.h rows that record
 *                                         files store), the value as the
 *                                         command line takes it; one
 *                                         missing takes its default
 *   lesson-name NAME|-                    the lesson, its caption lines,
 *   caption-1 TEXT   caption-2 TEXT       and the options given on the
 *   explicit NAME,NAME,...|-              command line (which L's
 *                                         lessons keep), each at most
 *                                         once, all before any event
 *   key E K MS LABEL                      a key: its key-table label, or
 *                                         its decimal code when unbound
 *                                         (a key that closed the help)
 *   click-bowl E K MS X Y                 a click on the bowl at the
 *                                         plane point (X, Y)
 *   click-landscape E K MS X Y            a click on the cost landscape:
 *                                         its pair of parameters (w1, w2
 *                                         unless w changed it) set to X, Y
 *   click-cost E K MS EPOCH               a click on the cost plot
 *   click-off E K MS                      a click elsewhere
 *   end E K MS W1 .. WN B                 the position and all P
 *                                         parameters when the recording
 *                                         stopped (last)
 *
 * E is the number of finished epochs and K the samples already trained
 * in the next one (minibatch steps) when the event was applied; MS the
 * milliseconds since the recording began. Values run to the end of the
 * line (names may hold spaces); numbers are written with %.17g so they
 * read back to the same bits. E and K are at most 2^48 (--epochs'
 * largest), E at most the run's epochs setting when that is not 0.
 * Version 1 files (settings by position) are refused with a message. */
#ifndef DESCENT_RECORDING_H
#define DESCENT_RECORDING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "options.h"

/* The most parameters an end line holds (a network's). */
#define RECORD_PARAMS_MAX NETWORK_PARAMS_MAX

enum record_kind {
    RECORD_KEY,
    RECORD_CLICK_BOWL,
    RECORD_CLICK_COST,
    RECORD_CLICK_OFF,
    RECORD_CLICK_LANDSCAPE,
    RECORD_END
};

struct record_event {
    enum record_kind kind;
    size_t epoch, next;    /* the training position it was applied at */
    double ms;             /* since the recording began */
    int key;               /* RECORD_KEY */
    double x, y;           /* RECORD_CLICK_BOWL: the plane point;
                              RECORD_CLICK_LANDSCAPE: the pair's values */
    size_t picked;         /* RECORD_CLICK_COST: the epoch */
    size_t nparams;        /* RECORD_END: how many parameters */
    const double *params;  /* RECORD_END: the P parameters in their order
                              (network.h), held by the writer or by the
                              recording's end_params */
    unsigned line;         /* where it was read (messages) */
};

/* A record file read back. */
struct recording {
    char *path;
    struct options settings;      /* the defaults with the file's settings,
                                     lesson, caption and explicit marks */
    struct record_event *events;  /* without the end line */
    size_t count;
    bool has_end;
    struct record_event end;
    double end_params[RECORD_PARAMS_MAX]; /* what end.params points to */
};

/* Reads and checks a record file from its text (len bytes, not
 * necessarily NUL-terminated); source names it in messages. false with
 * err "SOURCE:LINE: reason" on anything wrong; free with recording_free
 * either way. */
bool recording_parse(const char *text, size_t len, const char *source,
                     struct recording *r, char *err, size_t errlen);

/* Reads the file at path and parses it (recording_parse). false with err
 * "FILE:LINE: reason" (or "FILE: reason" when it cannot be read); free
 * with recording_free either way. */
bool recording_load(const char *path, struct recording *r, char *err,
                    size_t errlen);
void recording_free(struct recording *r);

/* Replaces the run's settings in o with the recorded ones (the rows
 * record files store, lesson name, caption, which options were
 * explicit); the others (speed, view, ASCII, colour) stay. o points
 * into r afterwards. */
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
