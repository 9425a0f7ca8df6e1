/*
 * history.c -- the extract stage over the stored history: every own
 * post not yet analysed goes through the extractor once, and what it
 * says about a client is kept in the store (analysed, mentions).
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyse.h"
#include "error.h"
#include "extract_table.h"
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

/* A therapist's posts name their own profession all the time ("as a
 * counsellor...", "my therapist friend"): never taken as the client's
 * (a client who is a counsellor is missed: the rarer mistake). */
static int practitioner_word(const mosaic_span *s)
{
    static const char *const own[] = { "counsellor", "counselor",
                                       "therapist", "psychotherapist",
                                       "psychologist", "supervisor" };

    if (strcmp(s->category, "OCCUPATION") != 0 || s->value == NULL)
        return 0;
    for (size_t i = 0; i < sizeof(own) / sizeof(*own); i++)
        if (strcmp(s->value, own[i]) == 0)
            return 1;
    return 0;
}

/* In a post that continues a thread about a client ("2/ She's a
 * midwife..."), the third person is the client. */
static int is_client_span(const mosaic_span *s, const char *text,
                          int client_cue, int continues_client)
{
    if (is_addressee(text, s) || s->about == MOSAIC_ABOUT_AUTHOR ||
        practitioner_word(s))
        return 0;
    if (s->about == MOSAIC_ABOUT_CLIENT)
        return 1;
    if (identifies_alone(s->category))
        return 0;
    if (continues_client)
        return 1;
    return client_cue && s->about == MOSAIC_ABOUT_UNKNOWN;
}

size_t mention_client_spans(mention_span *out, size_t max,
                            const mosaic_extraction *x, const char *text,
                            int continues_client)
{
    size_t n = 0;

    for (size_t i = 0; i < x->n && n < max; i++) {
        const mosaic_span *s = &x->spans[i];
        if (!is_client_span(s, text, x->client_cue, continues_client))
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
    xtable client_posts; /* "platform\x1fnative_id" of client posts */
    mention_span spans[HISTORY_SPANS_MAX];
};

/* "platform\x1fid", the key of a post in client_posts; 0 if too long. */
static size_t post_key(char *out, size_t size, const char *platform,
                       const char *id)
{
    int n = snprintf(out, size, "%s\x1f%s", platform, id);

    return n > 0 && (size_t)n < size ? (size_t)n : 0;
}

static int remember_client_post(struct pending *p, const mention_post *post)
{
    char key[512];
    size_t len = post_key(key, sizeof(key), post->platform, post->native_id);
    int rc = len ? xtable_put(&p->client_posts, key, len, 1) : 0;

    return rc < 0 ? rc : 0;
}

static int continues_client(struct pending *p, const mention_post *post)
{
    char key[512];
    size_t len = post->thread ? post_key(key, sizeof(key), post->platform,
                                         post->thread)
                              : 0;

    return len && xtable_find(&p->client_posts, key, len) != NULL;
}

static int load_client_post(const mention_post *post, void *ctx)
{
    return remember_client_post(ctx, post);
}

static int analyse_post(const mention_post *post, void *ctx)
{
    struct pending *p = ctx;
    const mosaic_extraction *x;
    mention_post flagged = *post;
    int inherited = continues_client(p, post);
    size_t n;
    int rc;

    if ((rc = mosaic_extract(&x, p->an->ext, post->text, strlen(post->text),
                             post->created_at)) < 0)
        return rc;
    flagged.client_cue = x->client_cue || inherited;
    flagged.back_reference = x->back_reference || inherited;
    flagged.session_timing = x->session_timing;
    if (flagged.client_cue && (rc = remember_client_post(p, post)) < 0)
        return rc;
    n = mention_client_spans(p->spans, HISTORY_SPANS_MAX, x, post->text,
                             inherited);
    if ((rc = store_put_analysis(p->an->store, &flagged,
                                 p->an->extractor_id, p->spans, n)) < 0)
        return rc;
    if (p->an->progress && ++p->done % HISTORY_PROGRESS_EVERY == 0)
        p->an->progress("extracting", p->done, p->total,
                        p->an->progress_ctx);
    return 0;
}

int history_extract_pending(mosaic_analyser *an)
{
    struct pending *p = calloc(1, sizeof(*p));
    int rc;

    if (p == NULL)
        return mosaic__error_oom();
    if ((rc = store_analysis_current(an->store, an->extractor_id,
                                     &an->history_posts)) != 0) {
        free(p);
        if (rc > 0 && an->history_posts < 0)
            an->history_posts = mosaic_store_count_posts(an->store);
        return rc < 0 ? rc : 0; /* nothing new since the last pass */
    }
    p->an = an;
    p->total = an->history_posts = mosaic_store_count_posts(an->store);
    if ((rc = store_begin(an->store)) < 0)
        goto done;
    if ((rc = store_each_client_cue(an->store, an->extractor_id,
                                    load_client_post, p)) < 0 ||
        (rc = store_each_unanalysed(an->store, an->extractor_id,
                                    analyse_post, p)) < 0) {
        store_rollback(an->store);
        goto done;
    }
    if ((rc = store_analysis_done(an->store, an->extractor_id)) < 0) {
        store_rollback(an->store);
        goto done;
    }
    rc = store_commit(an->store);
done:
    xtable_dispose(&p->client_posts);
    free(p);
    return rc;
}
