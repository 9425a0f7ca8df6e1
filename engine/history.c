/*
 * history.c -- the extract stage over the stored history: every own
 * post not yet analysed goes through the extractor once, and what it
 * says about a client is kept in the store (analysed, mentions).
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "analyse.h"
#include "error.h"
#include "store.h"

#define HISTORY_SPANS_MAX 256     /* client spans kept per post */
#define HISTORY_PROGRESS_EVERY 2000

/* A name or contact detail identifies someone on its own: it counts
 * only when the extractor tied it to the client (a reply's @handle is the
 * person addressed, not the client). */
static int identifies_alone(const char *category)
{
    return strcmp(category, "NAME") == 0 || strcmp(category, "CONTACT") == 0;
}

/* The @handles a reply opens with name the people addressed. */
static int is_addressee(const char *text, const mosaic_span *s)
{
    size_t i = 0;

    if (text == NULL || s->text == NULL || s->text[0] != '@')
        return 0;
    while (i < s->byte_start) {
        if (strchr(" \t\r\n", text[i])) {
            i++;
        } else if (text[i] == '@') {
            i += strcspn(text + i, " \t\r\n");
        } else {
            return 0;
        }
    }
    return i == s->byte_start;
}

static int is_client_span(const mosaic_span *s, const char *text,
                          int client_cue)
{
    if (is_addressee(text, s))
        return 0;
    if (s->about == MOSAIC_ABOUT_CLIENT)
        return 1;
    return client_cue && s->about == MOSAIC_ABOUT_UNKNOWN &&
           !identifies_alone(s->category);
}

size_t mention_client_spans(mention_span *out, size_t max,
                            const mosaic_extraction *x, const char *text)
{
    size_t n = 0;

    for (size_t i = 0; i < x->n && n < max; i++) {
        const mosaic_span *s = &x->spans[i];
        if (!is_client_span(s, text, x->client_cue))
            continue;
        out[n++] = (mention_span){ s->category, s->value, s->text,
                                   s->start, s->end, s->byte_start,
                                   s->byte_end, s->age_low, s->age_high,
                                   (int)s->about };
    }
    return n;
}

struct pending {
    mosaic_analyser *an;
    long done, total;
    mention_span spans[HISTORY_SPANS_MAX];
};

static int analyse_post(const mention_post *post, void *ctx)
{
    struct pending *p = ctx;
    const mosaic_extraction *x;
    mention_post flagged = *post;
    size_t n;
    int rc;

    if ((rc = mosaic_extract(&x, p->an->ext, post->text, strlen(post->text),
                             post->created_at)) < 0)
        return rc;
    flagged.client_cue = x->client_cue;
    flagged.back_reference = x->back_reference;
    flagged.session_timing = x->session_timing;
    n = mention_client_spans(p->spans, HISTORY_SPANS_MAX, x, post->text);
    if ((rc = store_put_analysis(p->an->store, &flagged,
                                 ANALYSE_EXTRACTOR_ID, p->spans, n)) < 0)
        return rc;
    if (p->an->progress && ++p->done % HISTORY_PROGRESS_EVERY == 0)
        p->an->progress("extracting", p->done, p->total,
                        p->an->progress_ctx);
    return 0;
}

int history_extract_pending(mosaic_analyser *an)
{
    struct pending p = { an, 0, 0, { { 0 } } };
    int rc;

    p.total = mosaic_store_count_posts(an->store);
    if ((rc = store_begin(an->store)) < 0)
        return rc;
    rc = store_each_unanalysed(an->store, ANALYSE_EXTRACTOR_ID, analyse_post,
                               &p);
    if (rc < 0) {
        store_rollback(an->store);
        return rc;
    }
    return store_commit(an->store);
}
