/*
 * extract.c -- the extraction stage: run the text layer and every
 * recogniser over one post, settle overlapping candidates, attribute
 * each span, and hand out the result with code-point offsets.
 * SPDX-License-Identifier: MIT
 */
#include <libstemmer.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "datadir.h"
#include "error.h"
#include "extract.h"
#include "refimage.h"
#include "timefmt.h"

#define EXTRACT_PROBE "lexicon/clientcues.txt"

int extract_open(mosaic_extractor **out, const char *data_dir, int parse)
{
    mosaic_extractor *ext = NULL;
    char dir[PATH_MAX];
    int error;

    *out = NULL;
    if ((error = datadir_find(dir, sizeof(dir), data_dir, EXTRACT_PROBE)) <
        0)
        return error;
    if ((ext = calloc(1, sizeof(*ext))) == NULL)
        return mosaic__error_oom();
    if ((ext->wordsets = calloc(1, sizeof(*ext->wordsets))) == NULL) {
        error = mosaic__error_oom();
        goto done;
    }
    if ((ext->stemmer = sb_stemmer_new("english", "UTF_8")) == NULL ||
        (ext->stemmer_ascii = sb_stemmer_new("english", "ISO_8859_1")) ==
            NULL) {
        error = mosaic__error_set(MOSAIC_ERROR, "no English stemmer");
        goto done;
    }
    if ((error = extract_patterns_new(&ext->patterns)) < 0 ||
        (!parse && (error = refimage_open(&ext->image, dir)) < 0))
        goto done;
    error = ext->image ? extract_image_load(ext, ext->image)
                       : extract_load(ext, dir);
    if (error < 0 || (error = extract_sport_load(ext)) < 0 ||
        (error = extract_people_load(ext)) < 0 ||
        (error = extract_tense_load(ext)) < 0)
        goto done;
    extract_lexicon_starts(ext);
    /* words met while loading were remembered before all tables were */
    extract_memo_clear(ext);
    *out = ext;
    ext = NULL;
done:
    mosaic_extractor_close(ext);
    return error;
}

int mosaic_extractor_open(mosaic_extractor **out, const char *data_dir)
{
    return extract_open(out, data_dir, 0);
}

void mosaic_extractor_close(mosaic_extractor *ext)
{
    if (ext == NULL)
        return;
    xlexicon_dispose(&ext->lexicon);
    xlexicon_dispose(&ext->places);
    xlexicon_dispose(&ext->squashed);
    xlexicon_dispose(&ext->names);
    xtable_dispose(&ext->common);
    xtable_dispose(&ext->place_words);
    xtable_dispose(&ext->given);
    xtable_dispose(&ext->sport);
    xtable_dispose(&ext->people);
    xtable_dispose(&ext->tense);
    xtable_dispose(&ext->roles);
    extract_memo_free(ext);
    refimage_close(ext->image); /* after the tables it holds */
    if (ext->stemmer)
        sb_stemmer_delete(ext->stemmer);
    if (ext->stemmer_ascii)
        sb_stemmer_delete(ext->stemmer_ascii);
    extract_patterns_free(ext->patterns);
    free(ext->clean);
    free(ext->toks);
    free(ext->near);
    free(ext->by_role);
    free(ext->cands);
    free(ext->folds);
    free(ext->cps);
    free(ext->spans);
    free(ext->out);
    free(ext->strings);
    free(ext->wordsets);
    free(ext);
}

const uint64_t *extract_wordset_add(const mosaic_extractor *ext,
                                    const char *words)
{
    static const uint64_t all[4] = { ~(uint64_t)0, ~(uint64_t)0,
                                     ~(uint64_t)0, ~(uint64_t)0 };
    size_t i = (size_t)(((uint64_t)(uintptr_t)words *
                         0x9E3779B97F4A7C15u) >> 56) & (WORDSETS - 1);
    xwordsets *ws = ext->wordsets;
    uint64_t bits[4] = { 0 };

    /* the words as extract_word_is walks them: an empty one (a leading
     * or doubled space) matches an empty token, whatever its hash */
    for (const char *w = words; *w;) {
        size_t len = strcspn(w, " ");
        uint32_t h = xtable_hash(w, len) >> 24;
        if (len == 0)
            return all;
        bits[h >> 6] |= (uint64_t)1 << (h & 63);
        w += len + (w[len] == ' ');
    }
    if (ws->n >= WORDSETS / 2)
        return all; /* full (never, with ~90 lists): no memo */
    while (ws->slot[i].words != NULL)
        i = (i + 1) & (WORDSETS - 1);
    ws->slot[i].words = words;
    memcpy(ws->slot[i].bits, bits, sizeof(bits));
    ws->n++;
    return ws->slot[i].bits;
}

const char *mosaic_about_name(mosaic_about about)
{
    switch (about) {
    case MOSAIC_ABOUT_CLIENT: return "client";
    case MOSAIC_ABOUT_AUTHOR: return "author";
    case MOSAIC_ABOUT_OTHER: return "other";
    default: return "unknown";
    }
}

static unsigned span_kind(const xspan *s)
{
    const char *c = s->category;

    switch (c[0]) { /* most categories need no comparison */
    case 'C':
        if (c[1] != 'U' || c[2] != 'E')
            return 0; /* "CONTACT": none of the cues, all "CUE..." */
        if (strcmp(c, CAT_CUE) == 0)
            return SPAN_CUE | SPAN_INTERNAL;
        if (strcmp(c, CAT_HYPO) == 0)
            return SPAN_HYPO | SPAN_INTERNAL;
        if (strcmp(c, CAT_AGGREGATE) == 0)
            return SPAN_AGG | SPAN_INTERNAL;
        if (strcmp(c, CAT_BACKREF) == 0)
            return SPAN_BACK | SPAN_INTERNAL |
                   (strstr(s->value, "client") ? SPAN_CUE : 0);
        return 0;
    case 'G':
        return strcmp(c, "GENDER") == 0 ? SPAN_GENDER : 0;
    case 'T':
        return strcmp(c, "TIME") == 0 ? SPAN_TIMING : 0;
    case 'S':
        if (strcmp(c, "SESSION") != 0)
            return 0;
        return SPAN_TIMING | (strncmp(s->value, "slot", 4) == 0 ||
                                      strcmp(s->value, "in session") == 0
                                  ? SPAN_CUE : 0);
    }
    return 0;
}

int extract_add(mosaic_extractor *ext, size_t start, size_t end,
                const char *category, const char *value, int priority)
{
    xspan *s;

    if (ext->nspans == ext->spans_cap) {
        size_t cap = ext->spans_cap ? ext->spans_cap * 2 : 64;
        xspan *p = realloc(ext->spans, cap * sizeof(*p));
        if (p == NULL)
            return mosaic__error_oom();
        ext->spans = p;
        ext->spans_cap = cap;
    }
    s = &ext->spans[ext->nspans++];
    memset(s, 0, sizeof(*s));
    s->start = start;
    s->end = end;
    s->category = category;
    s->priority = priority;
    s->about = -1;
    if (value) {
        size_t n = strnlen(value, sizeof(s->value) - 1);
        memcpy(s->value, value, n);
        s->value[n] = '\0';
    }
    s->kind = span_kind(s);
    return 0;
}

size_t extract_token_at(const mosaic_extractor *ext, size_t at)
{
    size_t lo = 0, hi = ext->ntoks;

    while (lo < hi) { /* first token ending after `at` */
        size_t mid = (lo + hi) / 2;
        if (ext->toks[mid].end <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

const xspan *extract_span_at(const mosaic_extractor *ext, size_t at)
{
    size_t lo = 0, hi = ext->nspans;

    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (ext->spans[mid].end <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < ext->nspans && ext->spans[lo].start <= at ? &ext->spans[lo]
                                                          : NULL;
}

static int span_order(const void *a, const void *b)
{
    const xspan *x = a, *y = b;

    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;
    return y->priority - x->priority;
}

/* Keep the best of overlapping candidates: the longer, then the higher
 * priority; a strictly higher priority inside a longer weak span wins. */
static void settle_overlaps(mosaic_extractor *ext)
{
    size_t kept = 0;

    /* few candidates: a stable insertion sort (ties keep the order the
     * recognisers added them in, as glibc's merge sort does) */
    if (ext->nspans > 24)
        qsort(ext->spans, ext->nspans, sizeof(xspan), span_order);
    for (size_t i = 1; ext->nspans <= 24 && i < ext->nspans; i++) {
        xspan s;
        size_t j = i - 1;
        if (span_order(&ext->spans[j], &ext->spans[i]) <= 0)
            continue; /* in order already: nothing moves */
        s = ext->spans[i];
        for (; j > 0 && span_order(&ext->spans[j - 1], &s) > 0; j--)
            ext->spans[j + 1] = ext->spans[j];
        ext->spans[j + 1] = ext->spans[j];
        ext->spans[j] = s;
    }
    for (size_t i = 0; i < ext->nspans; i++) {
        xspan *s = &ext->spans[i];
        xspan *k = kept > 0 ? &ext->spans[kept - 1] : NULL;
        /* a cue phrase keeps the finding inside it ("a client today"):
         * the cue, never output, ends where the finding starts */
        if (k && s->start < k->end && (k->kind & SPAN_INTERNAL) &&
            !(s->kind & SPAN_INTERNAL) && s->start > k->start)
            k->end = s->start;
        if (k && s->start < k->end) {
            if (s->priority > k->priority && k->priority <= PRI_WEAK)
                *k = *s;
            continue;
        }
        if (kept++ != i)
            ext->spans[kept - 1] = *s;
    }
    ext->nspans = kept;
}

/* The code points in bytes [from, to) of valid UTF-8: the bytes that
 * are not continuation bytes (10xxxxxx), eight at a time. */
static size_t code_points(const unsigned char *t, size_t from, size_t to)
{
    const uint64_t high = 0x8080808080808080ull;
    size_t n = to - from;
    uint64_t x, cont;

    for (; from + 8 <= to; from += 8) {
        memcpy(&x, t + from, 8);
        cont = x & ~(x << 1) & high;
        n -= (size_t)(((cont >> 7) * 0x0101010101010101ull) >> 56);
    }
    for (; from < to; from++)
        n -= (t[from] & 0xC0) == 0x80;
    return n;
}

static int build_output(mosaic_extractor *ext)
{
    size_t need = 0, n = 0, cp = 0, at = 0, o = 0;
    const unsigned char *t = (const unsigned char *)ext->clean;

    for (size_t i = 0; i < ext->nspans; i++) /* values: their most */
        need += ext->spans[i].end - ext->spans[i].start + 1 +
                sizeof(ext->spans[i].value);
    if (need > ext->strings_cap) {
        char *p = realloc(ext->strings, need);
        if (p == NULL)
            return mosaic__error_oom();
        ext->strings = p;
        ext->strings_cap = need;
    }
    if (ext->nspans > ext->out_cap) {
        mosaic_span *p = realloc(ext->out, ext->nspans * sizeof(*p));
        if (p == NULL)
            return mosaic__error_oom();
        ext->out = p;
        ext->out_cap = ext->nspans;
    }
    for (size_t i = 0; i < ext->nspans; i++) {
        const xspan *s = &ext->spans[i];
        mosaic_span *m;
        size_t len = s->end - s->start;
        if (s->kind & SPAN_INTERNAL)
            continue;
        m = &ext->out[n++];
        if (ext->clean_ascii) {
            m->start = s->start;
            m->end = s->end;
        } else {
            if (at < s->start) { /* spans are in order */
                cp += code_points(t, at, s->start);
                at = s->start;
            }
            m->start = cp;
            m->end = cp + code_points(t, s->start, s->end);
        }
        m->byte_start = s->start;
        m->byte_end = s->end;
        m->category = s->category;
        memcpy(ext->strings + o, ext->clean + s->start, len);
        ext->strings[o + len] = '\0';
        m->text = ext->strings + o;
        o += len + 1;
        if (s->value[0]) {
            size_t vl = strlen(s->value);
            memcpy(ext->strings + o, s->value, vl + 1);
            m->value = ext->strings + o;
            o += vl + 1;
        } else {
            m->value = NULL;
        }
        m->about = s->about < 0 ? MOSAIC_ABOUT_UNKNOWN : (mosaic_about)s->about;
        m->age_low = s->age_low;
        m->age_high = s->age_high;
    }
    ext->result.n = n;
    ext->result.spans = ext->out;
    ext->result.invalid_utf8 = ext->invalid;
    return 0;
}

static int set_anchor(mosaic_extractor *ext, const char *created_at)
{
    int64_t t;

    if (created_at == NULL || created_at[0] == '\0') {
        ext->have_anchor = 0;
        return 0;
    }
    if (ext->have_anchor && strcmp(created_at, ext->anchor_text) == 0)
        return 0; /* the same date as the last post */
    ext->have_anchor = 0;
    if (time_parse(created_at, &t) < 0)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "created_at: not a date and time");
    ext->anchor_day = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
    date_civil_from_days(ext->anchor_day, &ext->anchor_y, &ext->anchor_m,
                         &ext->anchor_d);
    ext->have_anchor = strlen(created_at) < sizeof(ext->anchor_text);
    if (ext->have_anchor)
        strcpy(ext->anchor_text, created_at);
    else
        ext->have_anchor = 1, ext->anchor_text[0] = '\0';
    return 0;
}

/* Every recogniser, in order (direct calls: one per post each). */
static int recognise(mosaic_extractor *ext)
{
    int rc;

    if ((rc = extract_contacts(ext)) < 0 || (rc = extract_dates(ext)) < 0 ||
        (rc = extract_times(ext)) < 0 || (rc = extract_ages(ext)) < 0 ||
        (rc = extract_lexicons(ext)) < 0 ||
        (rc = extract_apposed_ages(ext)) < 0 ||
        (rc = extract_places(ext)) < 0 || (rc = extract_names(ext)) < 0 ||
        (rc = extract_orgs(ext)) < 0 || (rc = extract_only_one(ext)) < 0)
        return rc;
    return 0;
}

int mosaic_extract(const mosaic_extraction **out, mosaic_extractor *ext,
                   const char *text, size_t len, const char *created_at)
{
    int rc;

    *out = NULL;
    memset(&ext->result, 0, sizeof(ext->result));
    ext->nspans = 0;
    ext->tense_sentence = 0;
    if (text == NULL)
        len = 0;
    if ((rc = set_anchor(ext, created_at)) < 0 ||
        (rc = extract_clean(ext, text ? text : "", len)) < 0 ||
        (rc = extract_tokenise(ext)) < 0)
        return rc;
    if ((rc = extract_index_near(ext)) < 0 || (rc = recognise(ext)) < 0)
        return rc;
    settle_overlaps(ext);
    extract_attribute(ext);
    if ((rc = build_output(ext)) < 0)
        return rc;
    *out = &ext->result;
    return 0;
}
