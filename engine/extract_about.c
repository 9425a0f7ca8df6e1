/*
 * extract_about.c -- attribution: does the post refer to one client (a
 * cue outside hypotheticals and aggregates), and whom does each span
 * describe -- the client, the author (first person: "I", "my husband"),
 * or someone else.  The nearest person word before a span decides;
 * without one, a sentence with a client cue is about the client.
 * SPDX-License-Identifier: MIT
 */
#include <string.h>
#include <strings.h>

#include "extract.h"

#define LOOK_BACK 8 /* tokens scanned back for a person word */

enum { WHO_NONE, WHO_CLIENT, WHO_AUTHOR, WHO_THIRD };

static int who_word(const xtoken *t)
{
    return t->roles & ROLE_FIRST ? WHO_AUTHOR
           : t->roles & ROLE_THIRD ? WHO_THIRD : WHO_NONE;
}

static int is_cue(const xspan *s)
{
    return (s->kind & SPAN_CUE) != 0;
}

/* The span holding byte `at`, or NULL (spans are sorted, disjoint). */
static const xspan *span_at(const mosaic_extractor *ext, size_t at)
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

/* The nearest person word or cue before span s, in its sentence. */
static int nearest_person(const mosaic_extractor *ext, const xspan *s,
                          size_t tok)
{
    uint32_t sent = ext->toks[tok].sentence;

    for (size_t k = 0; k < LOOK_BACK && tok > 0; k++) {
        const xtoken *t = &ext->toks[--tok];
        const xspan *in;
        int w;
        if (t->sentence != sent)
            break;
        if ((in = span_at(ext, t->start)) != NULL && in != s && is_cue(in))
            return WHO_CLIENT;
        if ((w = who_word(t)) != WHO_NONE)
            return w;
    }
    return WHO_NONE;
}

struct sentence {
    uint32_t index;
    int cue, hypo, aggregate, first_person;
};

static void sentence_scan(const mosaic_extractor *ext, size_t tok,
                          struct sentence *st)
{
    uint32_t sent = ext->toks[tok].sentence;
    size_t a = tok, b = tok;

    while (a > 0 && ext->toks[a - 1].sentence == sent)
        a--;
    while (b < ext->ntoks && ext->toks[b].sentence == sent)
        b++;
    memset(st, 0, sizeof(*st));
    st->index = sent;
    for (size_t i = a; i < b; i++)
        st->first_person |= (ext->toks[i].roles & ROLE_FIRST) != 0;
}

/* Cue flags of the spans [from, to) that share one sentence. */
static void sentence_cues(const mosaic_extractor *ext, size_t from,
                          size_t to, struct sentence *st)
{
    for (size_t i = from; i < to; i++) {
        const xspan *s = &ext->spans[i];
        st->cue |= is_cue(s);
        st->hypo |= (s->kind & SPAN_HYPO) != 0;
        st->aggregate |= (s->kind & SPAN_AGG) != 0;
    }
}

/* 1 if s holds w, ignoring ASCII case. */
static int holds_word(const char *s, const char *w)
{
    size_t n = strlen(w);

    for (; *s; s++)
        if (strncasecmp(s, w, n) == 0)
            return 1;
    return 0;
}

static int timing_words(const mosaic_extractor *ext, const xspan *s)
{
    static const char *const words[] = { "today", "tonight", "this morning",
                                         "this afternoon", "this evening",
                                         "yesterday", "last night", "day" };
    char buf[64];
    size_t n = s->end - s->start < sizeof(buf) - 1 ? s->end - s->start
                                                   : sizeof(buf) - 1;

    if (s->kind & SPAN_TIMING)
        return 1;
    if (s->category[0] != 'D' || strcmp(s->category, "DATE") != 0)
        return 0;
    memcpy(buf, ext->clean + s->start, n);
    buf[n] = '\0';
    for (size_t i = 0; i < sizeof(words) / sizeof(*words); i++)
        if (holds_word(buf, words[i]))
            return s->value[0] != 'P'; /* not a duration "for 3 days" */
    return 0;
}

static int decide(const mosaic_extractor *ext, const xspan *s, size_t tok,
                  const struct sentence *st, int client_cue)
{
    int who;

    if (st->hypo || (st->aggregate && !st->cue))
        return MOSAIC_ABOUT_OTHER;
    who = s->kind & SPAN_GENDER ? WHO_THIRD
                                             : nearest_person(ext, s, tok);
    switch (who) {
    case WHO_CLIENT: return MOSAIC_ABOUT_CLIENT;
    case WHO_AUTHOR: return MOSAIC_ABOUT_AUTHOR;
    case WHO_THIRD:
        return client_cue ? MOSAIC_ABOUT_CLIENT : MOSAIC_ABOUT_OTHER;
    }
    if (st->cue || (client_cue && !st->first_person))
        return MOSAIC_ABOUT_CLIENT;
    return MOSAIC_ABOUT_UNKNOWN;
}

/* Walk the spans one sentence at a time: post flags, then each span. */
void extract_attribute(mosaic_extractor *ext)
{
    mosaic_extraction *r = &ext->result;
    struct sentence st;

    if (ext->ntoks == 0)
        return;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < ext->nspans;) {
            size_t tok = extract_token_at(ext, ext->spans[i].start), j = i;
            if (tok >= ext->ntoks)
                tok = ext->ntoks - 1;
            sentence_scan(ext, tok, &st);
            while (j < ext->nspans &&
                   ext->toks[extract_token_at(ext, ext->spans[j].start) <
                                     ext->ntoks
                                 ? extract_token_at(ext, ext->spans[j].start)
                                 : ext->ntoks - 1]
                           .sentence == st.index)
                j++;
            sentence_cues(ext, i, j, &st);
            for (size_t k = i; k < j; k++) {
                xspan *s = &ext->spans[k];
                if (pass == 0) {
                    r->client_cue |= is_cue(s) && !st.hypo;
                    r->back_reference |= (s->kind & SPAN_BACK) != 0;
                    r->session_timing |= timing_words(ext, s);
                } else if (s->about < 0) {
                    s->about = decide(ext, s,
                                      extract_token_at(ext, s->start), &st,
                                      r->client_cue);
                }
            }
            i = j > i ? j : i + 1;
        }
    }
}
