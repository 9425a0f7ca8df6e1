/*
 * sink.h -- what the archive writers share: a spool of posts, and the
 * hashtags found in a post's text.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_SYNTH_SINK_H
#define MOSAIC_SYNTH_SINK_H

#include "synth.h"

enum { SINK_X, SINK_MASTODON };

struct synth_sink {
    int platform;
    synth_spool spool;
    strbuf rec;             /* the record being built */
    int64_t first_at, last_at;
    char me[64];            /* the account's handle */
};

typedef struct {
    size_t start, end;      /* bytes, '#' included */
} sink_tag;

/* Hashtags in text ('#' then letters, digits or '_'), up to max. */
size_t sink_hashtags(const char *text, size_t len, sink_tag *tags,
                     size_t max);
int sink_new(synth_sink **out, int platform, const char *tmpdir,
             const char *handle);
int sink_x_write(synth_sink *s, const char *path, const synth_account *a);
int sink_mastodon_write(synth_sink *s, const char *path,
                        const synth_account *a);
int sink_x_record(synth_sink *s, const synth_out_post *p);
int sink_mastodon_record(synth_sink *s, const synth_out_post *p);

#endif
