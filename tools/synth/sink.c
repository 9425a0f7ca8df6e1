/*
 * sink.c -- a platform-neutral front for the archive writers.
 * SPDX-License-Identifier: MIT
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "sink.h"

#define RECORD_MAX (1u << 20)

size_t sink_hashtags(const char *text, size_t len, sink_tag *tags,
                     size_t max)
{
    size_t n = 0;

    for (size_t i = 0; i < len && n < max; i++) {
        size_t j = i + 1;

        if (text[i] != '#' ||
            (i > 0 && (isalnum((unsigned char)text[i - 1]) ||
                       text[i - 1] == '&' || text[i - 1] == '_')))
            continue;
        while (j < len && (isalnum((unsigned char)text[j]) || text[j] == '_'))
            j++;
        if (j > i + 1 && !isdigit((unsigned char)text[i + 1])) {
            tags[n].start = i;
            tags[n++].end = j;
        }
        i = j - 1;
    }
    return n;
}

int sink_new(synth_sink **out, int platform, const char *tmpdir,
             const char *handle)
{
    synth_sink *s = calloc(1, sizeof(*s));
    int error;

    *out = NULL;
    if (s == NULL)
        return mosaic__error_oom();
    s->platform = platform;
    snprintf(s->me, sizeof(s->me), "%s", handle);
    s->rec = (strbuf)STRBUF_INIT(RECORD_MAX);
    if ((error = spool_open(&s->spool, tmpdir)) < 0) {
        free(s);
        return error;
    }
    *out = s;
    return 0;
}

int sink_x_open(synth_sink **out, const char *tmpdir, const char *handle)
{
    return sink_new(out, SINK_X, tmpdir, handle);
}

int sink_mastodon_open(synth_sink **out, const char *tmpdir,
                       const char *handle)
{
    return sink_new(out, SINK_MASTODON, tmpdir, handle);
}

int sink_post(synth_sink *s, const synth_out_post *p)
{
    int error;

    strbuf_clear(&s->rec);
    error = s->platform == SINK_X ? sink_x_record(s, p)
                                  : sink_mastodon_record(s, p);
    if (error == 0)
        error = spool_add(&s->spool, strbuf_str(&s->rec), s->rec.len);
    if (s->spool.n == 1)
        s->first_at = p->at;
    s->last_at = p->at;
    return error;
}

uint64_t sink_count(const synth_sink *s)
{
    return s->spool.n;
}

int sink_finish(synth_sink *s, const char *path, const synth_account *a)
{
    int error = s->platform == SINK_X ? sink_x_write(s, path, a)
                                      : sink_mastodon_write(s, path, a);
    sink_free(s);
    return error;
}

void sink_free(synth_sink *s)
{
    if (s == NULL)
        return;
    spool_close(&s->spool);
    strbuf_dispose(&s->rec);
    free(s);
}
