/*
 * import_x_tweets.c -- tweets into posts: HTML entities decoded, long
 * posts expanded from note-tweet.js, edit chains collapsed to their last
 * version, thread roots found through the user's own replies.
 *
 * Archives list tweets newest first, so a thread's replies come before
 * the posts they answer.  Every reply's parent is remembered (16 bytes a
 * reply); only the user's replies to themselves -- threads, whose root
 * is not known until their first post is read -- and edit chains are
 * held back in memory until the end.
 * SPDX-License-Identifier: MIT
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "error.h"
#include "import_x.h"
#include "strbuf.h"
#include "text.h"

/* X ids are snowflakes: milliseconds since this epoch in the top bits. */
#define X_SNOWFLAKE_EPOCH_MS 1288834974657LL
#define X_THREAD_DEPTH_MAX 100000

/* A long post's full text, keyed by its creation second. */
typedef struct {
    char when[TIME_ISO_LEN];
    char *text;
} x_note;

/* A post held back until every tweet is read. */
typedef struct {
    uint64_t num;       /* numeric id, to order an edit chain */
    char *id, *initial; /* initial: the edit chain's first id, or NULL */
    char *created_at, *text, *reply_to, *where;
    const char *kind, *visibility;
    int own, edited, deleted, self_reply;
} x_held;

struct x_import {
    import_sink *sink;
    char *account_id, *handle;
    x_note *notes;
    size_t nnotes, notes_cap;
    int notes_sorted;
    uint64_t *parent_keys, *parent_vals; /* open addressing; key 0 free */
    size_t parents, parents_cap;
    x_held *held;
    size_t nheld, held_cap;
    arena held_strings; /* a held post's strings: no malloc each */
    strbuf text; /* the decoded text of the tweet at hand */
};

static uint64_t id_number(const char *s)
{
    uint64_t v = 0;

    if (s == NULL || *s == '\0')
        return 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || v > (UINT64_MAX - 9) / 10)
            return 0;
        v = v * 10 + (uint64_t)(*s - '0');
    }
    return v;
}

int x_import_new(x_import **out, import_sink *sink)
{
    x_import *x = calloc(1, sizeof(*x));

    *out = NULL;
    if (x == NULL)
        return mosaic__error_oom();
    x->sink = sink;
    x->text = (strbuf)STRBUF_INIT(2 * IMPORT_POST_MAX);
    *out = x;
    return 0;
}

void x_import_free(x_import *x)
{
    if (x == NULL)
        return;
    for (size_t i = 0; i < x->nnotes; i++)
        free(x->notes[i].text);
    arena_dispose(&x->held_strings);
    free(x->notes);
    free(x->held);
    free(x->parent_keys);
    free(x->parent_vals);
    free(x->account_id);
    free(x->handle);
    strbuf_dispose(&x->text);
    free(x);
}

int x_import_owner(x_import *x, const char *account_id, const char *handle)
{
    if (account_id && !x->account_id &&
        (x->account_id = strdup(account_id)) == NULL)
        return mosaic__error_oom();
    if (handle && !x->handle && (x->handle = strdup(handle)) == NULL)
        return mosaic__error_oom();
    return 0;
}

const char *x_import_account(const x_import *x)
{
    return x->account_id;
}

/* ---- time ---- */

static int two_digits(const char *p)
{
    return isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1])
               ? (p[0] - '0') * 10 + (p[1] - '0')
               : -1;
}

/* A separator and two digits. */
static void put2(char *out, char sep, int v)
{
    out[0] = sep;
    out[1] = (char)('0' + v / 10);
    out[2] = (char)('0' + v % 10);
}

/* The common case without sscanf: "Wed Oct 10 20:19:24 +0000 2018". */
static int x_time_fast(const char *s, char out[TIME_ISO_LEN])
{
    static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    const char *m;
    int d, h, mi, sec, year;

    if (strlen(s) != 30 || s[3] != ' ' || s[7] != ' ' || s[10] != ' ' ||
        memcmp(s + 19, " +0000 ", 7) != 0 ||
        (m = strstr(months, (char[4]){ s[4], s[5], s[6], 0 })) == NULL ||
        (m - months) % 3 != 0)
        return -1;
    d = two_digits(s + 8), h = two_digits(s + 11);
    mi = two_digits(s + 14), sec = two_digits(s + 17);
    if (d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 ||
        sec < 0 || sec > 60 || s[13] != ':' || s[16] != ':' ||
        two_digits(s + 26) < 0 || two_digits(s + 28) < 0)
        return -1;
    year = two_digits(s + 26) * 100 + two_digits(s + 28);
    if (d > time_days_in_month(year, (int)(m - months) / 3 + 1))
        return -1;
    memcpy(out, s + 26, 4);
    put2(out + 4, '-', (int)(m - months) / 3 + 1);
    put2(out + 7, '-', d);
    put2(out + 10, 'T', h);
    put2(out + 13, ':', mi);
    put2(out + 16, ':', sec);
    memcpy(out + 19, "Z", 2);
    return 0;
}

int x_time(const char *s, char out[TIME_ISO_LEN])
{
    if (x_time_fast(s, out) == 0)
        return 0;
    return time_normalise(s, out);
}

/* ---- long posts ---- */

int x_import_note(x_import *x, const char *created_at, const char *text,
                  const char *where)
{
    x_note *n;

    if (created_at == NULL || text == NULL)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: a note without createdAt or "
                                 "core.text",
                                 where);
    if (x->nnotes == x->notes_cap) {
        size_t cap = x->notes_cap ? 2 * x->notes_cap : 16;
        if ((n = realloc(x->notes, cap * sizeof(*n))) == NULL)
            return mosaic__error_oom();
        x->notes = n;
        x->notes_cap = cap;
    }
    n = &x->notes[x->nnotes];
    if (x_time(created_at, n->when) < 0)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: createdAt '%.40s' is not a date",
                                 where, created_at);
    if ((n->text = strdup(text)) == NULL)
        return mosaic__error_oom();
    x->nnotes++;
    x->notes_sorted = 0;
    return 0;
}

static int note_cmp(const void *a, const void *b)
{
    return strcmp(((const x_note *)a)->when, ((const x_note *)b)->when);
}

/* The full text of a truncated long post: the note written that second
 * whose text the tweet's starts with (the only one if just one). */
static const char *note_for(x_import *x, const char *when,
                            const char *tweet_text)
{
    x_note key, *n;
    size_t lo, hi, prefix;

    if (x->nnotes == 0)
        return NULL;
    if (!x->notes_sorted) {
        qsort(x->notes, x->nnotes, sizeof(*x->notes), note_cmp);
        x->notes_sorted = 1;
    }
    memcpy(key.when, when, TIME_ISO_LEN);
    if ((n = bsearch(&key, x->notes, x->nnotes, sizeof(*n), note_cmp)) ==
        NULL)
        return NULL;
    lo = hi = (size_t)(n - x->notes);
    while (lo > 0 && strcmp(x->notes[lo - 1].when, when) == 0)
        lo--;
    while (hi + 1 < x->nnotes && strcmp(x->notes[hi + 1].when, when) == 0)
        hi++;
    if (lo == hi)
        return n->text;
    prefix = strnlen(tweet_text, 40);
    for (size_t i = lo; i <= hi; i++)
        if (strncmp(x->notes[i].text, tweet_text, prefix) == 0)
            return x->notes[i].text;
    return NULL;
}

/* ---- who replied to what ---- */

static int parents_grow(x_import *x)
{
    size_t cap = x->parents_cap ? 2 * x->parents_cap : 1024;
    uint64_t *k = calloc(cap, sizeof(*k)), *v = calloc(cap, sizeof(*v));
    uint64_t *ok = x->parent_keys, *ov = x->parent_vals;
    size_t ocap = x->parents_cap;

    if (k == NULL || v == NULL) {
        free(k);
        free(v);
        return mosaic__error_oom();
    }
    x->parent_keys = k, x->parent_vals = v, x->parents_cap = cap;
    for (size_t i = 0; i < ocap; i++) {
        if (ok[i] == 0)
            continue;
        size_t j = (size_t)(ok[i] * 0x9E3779B97F4A7C15ULL) & (cap - 1);
        while (k[j])
            j = (j + 1) & (cap - 1);
        k[j] = ok[i], v[j] = ov[i];
    }
    free(ok);
    free(ov);
    return 0;
}

static int parent_set(x_import *x, uint64_t id, uint64_t parent)
{
    size_t j;
    int rc;

    if (id == 0 || parent == 0)
        return 0;
    if (2 * (x->parents + 1) > x->parents_cap && (rc = parents_grow(x)) < 0)
        return rc;
    j = (size_t)(id * 0x9E3779B97F4A7C15ULL) & (x->parents_cap - 1);
    while (x->parent_keys[j] && x->parent_keys[j] != id)
        j = (j + 1) & (x->parents_cap - 1);
    if (x->parent_keys[j] == 0)
        x->parents++;
    x->parent_keys[j] = id, x->parent_vals[j] = parent;
    return 0;
}

static uint64_t parent_of(const x_import *x, uint64_t id)
{
    size_t j;

    if (x->parents_cap == 0)
        return 0;
    j = (size_t)(id * 0x9E3779B97F4A7C15ULL) & (x->parents_cap - 1);
    while (x->parent_keys[j]) {
        if (x->parent_keys[j] == id)
            return x->parent_vals[j];
        j = (j + 1) & (x->parents_cap - 1);
    }
    return 0;
}

/* The first post of the thread `reply_to` belongs to, as far as the
 * archive shows it. */
static void thread_root(const x_import *x, const char *reply_to,
                        char out[24])
{
    uint64_t at = id_number(reply_to), up;

    if (at == 0) {
        snprintf(out, 24, "%.23s", reply_to);
        return;
    }
    for (int i = 0; i < X_THREAD_DEPTH_MAX && (up = parent_of(x, at)); i++)
        at = up;
    snprintf(out, 24, "%" PRIu64, at);
}

/* ---- tweets ---- */

static int is_self_reply(const x_import *x, const x_tweet *t)
{
    if (x->account_id && t->reply_user)
        return strcmp(x->account_id, t->reply_user) == 0;
    if (x->handle && t->reply_handle)
        return strcasecmp(x->handle, t->reply_handle) == 0;
    return 1; /* not known: hold it back to be safe */
}

static int is_edit_chain(const x_tweet *t)
{
    return t->edit_initial &&
           (t->edit_versions > 1 || strcmp(t->edit_initial, t->id) != 0);
}

static const char *tweet_kind(const x_tweet *t)
{
    if (t->repost)
        return "repost";
    if (t->reply_to)
        return "reply";
    return t->quote ? "quote" : "post";
}

static int held_add(x_import *x, const mosaic_post *p, const x_tweet *t,
                    const char *where)
{
    arena *a = &x->held_strings;
    x_held *h;

    if (x->nheld == x->held_cap) {
        size_t cap = x->held_cap ? 2 * x->held_cap : 64;
        if ((h = realloc(x->held, cap * sizeof(*h))) == NULL)
            return mosaic__error_oom();
        x->held = h;
        x->held_cap = cap;
    }
    h = &x->held[x->nheld];
    memset(h, 0, sizeof(*h));
    h->num = id_number(p->native_id);
    h->kind = p->kind, h->visibility = p->visibility;
    h->own = p->own, h->edited = t->edit_versions > 1;
    h->deleted = p->deleted;
    h->self_reply = p->reply_to && is_self_reply(x, t);
    if ((h->id = arena_strdup(a, p->native_id)) == NULL ||
        (h->created_at = arena_strdup(a, p->created_at)) == NULL ||
        (p->text && (h->text = arena_strdup(a, p->text)) == NULL) ||
        (p->reply_to &&
         (h->reply_to = arena_strdup(a, p->reply_to)) == NULL) ||
        (is_edit_chain(t) &&
         (h->initial = arena_strdup(a, t->edit_initial)) == NULL) ||
        (h->where = arena_strdup(a, where)) == NULL)
        return mosaic__error_oom();
    x->nheld++;
    return 0;
}

/* The text to store: entities decoded, a truncated long post expanded. */
static int tweet_text(x_import *x, const x_tweet *t, const char *when,
                      const char **out)
{
    const char *note;
    int rc;

    strbuf_clear(&x->text);
    if (strchr(t->text, '&') == NULL) {
        *out = t->text;
    } else {
        if ((rc = text_decode_entities(&x->text, t->text)) < 0)
            return rc;
        *out = strbuf_str(&x->text);
    }
    if (!t->repost && (note = note_for(x, when, *out)) != NULL)
        *out = note;
    return 0;
}

int x_import_tweet(x_import *x, const x_tweet *t, const char *where)
{
    mosaic_post p = { 0 };
    char when[TIME_ISO_LEN];
    int rc;

    if (t->id == NULL || t->id[0] == '\0')
        return mosaic__error_set(MOSAIC_EFORMAT, "%s: a tweet without an id",
                                 where);
    if (t->created_at == NULL || x_time(t->created_at, when) < 0)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: tweet %s: created_at '%.40s' is not a "
                                 "date",
                                 where, t->id,
                                 t->created_at ? t->created_at : "");
    if (t->text == NULL)
        return mosaic__error_set(MOSAIC_EFORMAT, "%s: tweet %s has no text",
                                 where, t->id);
    if (t->reply_to && t->reply_to[0] &&
        ((rc = parent_set(x, id_number(t->id), id_number(t->reply_to))) < 0 ||
         (t->edit_initial &&
          (rc = parent_set(x, id_number(t->edit_initial),
                           id_number(t->reply_to))) < 0)))
        return rc;
    p.platform = X_PLATFORM;
    p.native_id = t->id;
    p.created_at = when;
    p.own = !t->repost;
    p.kind = tweet_kind(t);
    p.visibility = t->community ? "community" : "public";
    p.reply_to = t->reply_to && t->reply_to[0] ? t->reply_to : NULL;
    p.thread_root = p.reply_to;
    p.deleted = t->deleted;
    if ((rc = tweet_text(x, t, when, &p.text)) < 0)
        return rc;
    if (is_edit_chain(t) || (p.reply_to && is_self_reply(x, t)))
        return held_add(x, &p, t, where);
    return sink_post(x->sink, &p, where);
}

/* ---- the end: edit chains and threads ---- */

static int held_cmp(const void *a, const void *b)
{
    const x_held *p = a, *q = b;
    int c = strcmp(p->initial ? p->initial : p->id,
                   q->initial ? q->initial : q->id);

    if (c)
        return c;
    return (p->num > q->num) - (p->num < q->num);
}

/* When the first version of a chain is missing: its id's own time. */
static void snowflake_time(const char *id, char out[TIME_ISO_LEN])
{
    uint64_t n = id_number(id);

    time_format((int64_t)((n >> 22) + X_SNOWFLAKE_EPOCH_MS) / 1000, out);
}

/* Store held[lo..hi] (one post, or one edit chain in id order). */
static int held_store(x_import *x, size_t lo, size_t hi)
{
    const x_held *last = &x->held[hi], *first = &x->held[lo];
    char root[24], when[TIME_ISO_LEN];
    mosaic_post p = { 0 };

    p.platform = X_PLATFORM;
    p.native_id = last->initial ? last->initial : last->id;
    if (strcmp(first->id, p.native_id) == 0)
        p.created_at = first->created_at;
    else
        snowflake_time(p.native_id, when), p.created_at = when;
    p.own = last->own;
    p.kind = last->kind;
    p.visibility = last->visibility;
    p.text = last->text;
    p.reply_to = last->reply_to;
    p.edited = hi > lo || last->edited;
    p.deleted = last->deleted;
    if (p.reply_to) {
        if (last->self_reply)
            thread_root(x, p.reply_to, root), p.thread_root = root;
        else
            p.thread_root = p.reply_to;
    }
    return sink_post(x->sink, &p, last->where);
}

int x_import_finish(x_import *x)
{
    size_t lo = 0;
    int rc;

    if (x->nheld)
        qsort(x->held, x->nheld, sizeof(*x->held), held_cmp);
    while (lo < x->nheld) {
        size_t hi = lo;
        const char *key = x->held[lo].initial;
        while (key && hi + 1 < x->nheld && x->held[hi + 1].initial &&
               strcmp(x->held[hi + 1].initial, key) == 0)
            hi++;
        if ((rc = held_store(x, lo, hi)) < 0)
            return rc;
        lo = hi + 1;
    }
    return 0;
}
