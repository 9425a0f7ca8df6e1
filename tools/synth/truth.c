/*
 * truth.c -- one post's ground truth as JSON: where it lives (platform
 * and native id) and its spans in code points, end exclusive.
 * SPDX-License-Identifier: MIT
 */
#include <inttypes.h>
#include <string.h>

#include "therapist.h"

static int put_span(strbuf *out, const synth_post *p, const synth_span *s)
{
    int error = strbuf_printf(out, "{\"category\":\"%s\",\"value\":",
                              synth_category_name(s->category));

    if (error == 0)
        error = json_put_string(out, s->value, strlen(s->value));
    if (error == 0)
        error = strbuf_printf(out, ",\"start\":%zu,\"end\":%zu,\"text\":",
                              s->cp_start, s->cp_end);
    if (error == 0)
        error = json_put_string(out, p->text.ptr + s->start,
                                s->end - s->start);
    if (error == 0)
        error = strbuf_printf(out, ",\"style\":\"%s\"}", s->style);
    return error;
}

int truth_post(strbuf *out, const synth_post *p, int platform, uint64_t id,
               int64_t at, int kind, int negatives)
{
    char when[32];
    size_t n = 0;
    int error;

    fmt_iso_time(when, sizeof(when), at);
    error = strbuf_printf(out,
                          "{\"platform\":\"%s\",\"native_id\":\"%" PRIu64
                          "\",\"created_at\":\"%s\",\"kind\":\"%s\",\"%s\":[",
                          platform ? "mastodon" : "x", id, when,
                          post_kind_name(kind),
                          negatives ? "negatives" : "leaks");
    for (size_t i = 0; i < p->nspans && error == 0; i++) {
        if (p->spans[i].negative != negatives)
            continue;
        if (n++ && (error = strbuf_putc(out, ',')) < 0)
            break;
        error = put_span(out, p, &p->spans[i]);
    }
    return error < 0 ? error : strbuf_puts(out, "]}");
}
