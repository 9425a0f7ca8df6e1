/*
 * extract_about.c -- attribution: does the post refer to one client (a
 * cue outside hypotheticals and aggregates), and whom does each span
 * describe -- the client, the author (first person: "I", "my husband"),
 * or someone else.  The nearest person word before a span decides;
 * without one, a sentence with a client cue is about the client.
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

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

/* 1 if token k is the "me" of "told me": the one told, not the one
 * the span after it describes ("she told me today"). */
static int told_me(const mosaic_extractor *ext, size_t k)
{
    return k > 0 && (ext->toks[k - 1].roles & ROLE_TOLD) &&
           strcmp(TOK_FOLD(ext, &ext->toks[k]), "me") == 0;
}

/* 1 if the first-person subject at token k opens a cue's relative
 * clause: "a client I've just started working with, middle-aged"
 * describes the client, not the author ("a client my 40th" does not). */
static int cue_clause(const mosaic_extractor *ext, size_t k)
{
    return k > 0 && ext->toks[k - 1].sentence == ext->toks[k].sentence &&
           (ext->toks[k - 1].flags & (TOK_CUE | TOK_IN_CUE)) &&
           extract_word_is(ext, k, "i i've i'm i'd we we've we're");
}

/* 1 if token k is the "our" of a session ("in our 12th session who is
 * on antidepressants"): the author and the client, not the author. */
static int our_session(const mosaic_extractor *ext, size_t k)
{
    if (!extract_word_is(ext, k, "our"))
        return 0;
    for (size_t j = k + 1; j < ext->ntoks && j <= k + 3; j++)
        if (extract_word_is(ext, j, "session sessions"))
            return 1;
    return 0;
}

/* The nearest person word or cue before span s, in its sentence. */
static int nearest_person(const mosaic_extractor *ext, size_t tok)
{
    uint32_t sent = ext->toks[tok].sentence;
    size_t stop = tok > LOOK_BACK ? tok - LOOK_BACK : 0;

    while (tok > stop) {
        const xtoken *t = &ext->toks[--tok];
        int w;
        if (t->sentence != sent)
            break;
        /* (one test for the many tokens that are neither) */
        if (!(t->flags & (TOK_CUE | TOK_IN_CUE)) &&
            !(t->roles & (ROLE_FIRST | ROLE_THIRD)))
            continue;
        if (t->flags & (TOK_CUE | TOK_IN_CUE))
            return WHO_CLIENT;
        if ((w = who_word(t)) != WHO_NONE && !told_me(ext, tok) &&
            !our_session(ext, tok))
            return w == WHO_AUTHOR && cue_clause(ext, tok) ? WHO_CLIENT : w;
    }
    return WHO_NONE;
}

struct sentence {
    uint32_t index;
    int cue, hypo, aggregate, first_person;
};

/* The tokens of the sentence of token tok; *from: a token at or before
 * the sentence's first (sentences are met in order), moved on.  Without
 * cues in the post (`cues` 0) the first first-person word ends it. */
static void sentence_scan(const mosaic_extractor *ext, size_t tok,
                          int cues, size_t *from, struct sentence *st)
{
    uint32_t sent = ext->toks[tok].sentence;
    size_t i = *from;

    memset(st, 0, sizeof(*st));
    st->index = sent;
    if (!cues && !(ext->post_roles & ROLE_FIRST))
        return; /* no word of the post can set a flag */
    while (ext->toks[i].sentence < sent)
        i++;
    if (!cues) { /* no TOK_CUE: the first first-person word is all */
        while (i < ext->ntoks && ext->toks[i].sentence == sent &&
               !(ext->toks[i].roles & ROLE_FIRST))
            i++;
        st->first_person = i < ext->ntoks && ext->toks[i].sentence == sent;
        *from = i;
        return;
    }
    for (; i < ext->ntoks && ext->toks[i].sentence == sent; i++) {
        const xtoken *t = &ext->toks[i];
        st->first_person |= (t->roles & ROLE_FIRST) && !(t->flags & TOK_CUE);
        st->cue |= (t->flags & TOK_CUE) != 0;
    }
    *from = i;
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

/* 1 if the word w (len bytes, lower case) is at s[i..n), caseless. */
static int word_at(const char *s, size_t n, size_t i, const char *w,
                   size_t len)
{
    return i + len <= n && extract_iprefix(s + i, w, len);
}

/* 1 if a DATE's text holds "today", "tonight", "this morning", "this
 * afternoon", "this evening", "yesterday", "last night" or "day" and it
 * is not a duration (in its first 63 bytes, before any NUL). */
static int date_says_when(const mosaic_extractor *ext, const xspan *s)
{
    const char *t = ext->clean + s->start;
    size_t n = s->end - s->start < 63 ? s->end - s->start : 63;

    if (s->value[0] == 'P')
        return 0; /* a duration ("for 3 days"): no need to look */
    /* one pass by first letter, not a search per phrase; "day" covers
     * "today" and "yesterday" */
    for (size_t i = 0; i < n && t[i]; i++) {
        unsigned c = (unsigned char)t[i] | 0x20;
        if (c != 'd' && c != 'l' && c != 't')
            continue; /* (most bytes) */
        if (c == 'd'   ? word_at(t, n, i, "day", 3)
            : c == 'l' ? word_at(t, n, i, "last night", 10)
                       : word_at(t, n, i, "tonight", 7) ||
                             (word_at(t, n, i, "this ", 5) &&
                              (word_at(t, n, i + 5, "morning", 7) ||
                               word_at(t, n, i + 5, "afternoon", 9) ||
                               word_at(t, n, i + 5, "evening", 7))))
            return 1;
    }
    return 0;
}

/* 1 if a span says when a session was: SESSION or TIME, or such a DATE
 * (date_says_when); the cheap tests inline, as most spans are neither. */
static inline int timing_words(const mosaic_extractor *ext, const xspan *s)
{
    const char *c = s->category; /* "DATE", without a call to strcmp */

    if (s->kind & SPAN_TIMING)
        return 1;
    return c[0] == 'D' && c[1] == 'A' && c[2] == 'T' && c[3] == 'E' &&
           c[4] == '\0' &&
           date_says_when(ext, s);
}

/* 1 if span s describes the relative named right after it ("her
 * disabled mum", "his Polish wife", "an alcoholic dad"): someone else.
 * (A gender, a family word or an event stays: "her brother", "her
 * abusive partner" say something of her.) */
static int describes_relative(const mosaic_extractor *ext, const xspan *s)
{
    const char *kind;
    size_t k;

    switch (s->category[0]) { /* the kinds differ in their first letter */
    case 'H': kind = "HEALTH"; break;
    case 'N': kind = "NATIONALITY"; break;
    case 'A': kind = "AGE"; break;
    case 'O': kind = "OCCUPATION"; break;
    case 'E': kind = "ETHNICITY"; break;
    case 'R': kind = "RELIGION"; break;
    case 'S': kind = "SEXUALITY"; break;
    default: kind = NULL;
    }
    if (kind == NULL || strcmp(s->category, kind) != 0)
        return 0; /* "her brother", "her abusive partner": hers */
    for (k = s->tok; k < ext->ntoks && ext->toks[k].end <= s->end; k++)
        ; /* the token after the span */
    return k < ext->ntoks &&
           ext->toks[k].start == s->end + 1 &&
           ext->toks[k].sentence == ext->toks[s->tok].sentence &&
           (extract_people_at(ext, k) & WORD_KIN);
}

/* 1 if span s is a job in a hashtag ("#counsellor", "#TherapistsConnect"):
 * a topic or the author's own trade, not the client's (unless it stands
 * for a word: "a #nurse from Leeds"). */
static int job_tag(const mosaic_extractor *ext, const xspan *s)
{
    size_t t = s->tok;

    return (ext->toks[t].flags & TOK_HASHTAG) &&
           strcmp(s->category, "OCCUPATION") == 0 &&
           !(t > 0 && ext->toks[t - 1].sentence == ext->toks[t].sentence &&
             extract_word_is(ext, t - 1, "a an the as my"));
}

/* 1 if span s is a job or family word in the plural ("carers", "nurses"
 * for "carer", "nurse"). */
static int plural_people(const mosaic_extractor *ext, const xspan *s)
{
    size_t vl;

    if (s->end == 0 || ext->clean[s->end - 1] != 's')
        return 0; /* (the cheapest test first) */
    vl = strlen(s->value);
    return vl > 0 && s->value[vl - 1] != 's' &&
           (strcmp(s->category, "OCCUPATION") == 0 ||
            strcmp(s->category, "FAMILY") == 0);
}

/* 1 if span s is a plural job or family word opening its sentence:
 * people in general ("Carers need carers.", "Nurses are amazing"). */
static int plural_subject(const mosaic_extractor *ext, const xspan *s)
{
    return (ext->toks[s->tok].flags & TOK_SENT_START) &&
           plural_people(ext, s);
}

static int decide(const mosaic_extractor *ext, const xspan *s, size_t tok,
                  const struct sentence *st, int client_cue)
{
    int who;

    if (st->hypo || (st->aggregate && !st->cue))
        return MOSAIC_ABOUT_OTHER;
    if (describes_relative(ext, s) || job_tag(ext, s) ||
        plural_subject(ext, s))
        return MOSAIC_ABOUT_OTHER;
    if (st->cue && timing_words(ext, s)) /* when the session was */
        return MOSAIC_ABOUT_CLIENT;
    who = s->kind & SPAN_GENDER ? WHO_THIRD
                                             : nearest_person(ext, tok);
    switch (who) {
    case WHO_CLIENT: return MOSAIC_ABOUT_CLIENT;
    case WHO_AUTHOR: return MOSAIC_ABOUT_AUTHOR;
    case WHO_THIRD:
        return client_cue ? MOSAIC_ABOUT_CLIENT : MOSAIC_ABOUT_OTHER;
    }
    if (!st->cue && plural_people(ext, s))
        return MOSAIC_ABOUT_OTHER; /* "... need carers": no one's */
    if (st->cue || (client_cue && !st->first_person))
        return MOSAIC_ABOUT_CLIENT;
    return MOSAIC_ABOUT_UNKNOWN;
}

/* 1 if a span in tokens [a, b) is a hypothetical; spans from *from on
 * (sorted), *from advanced past the tokens. */
static int hypothetical_in(const mosaic_extractor *ext, size_t a, size_t b,
                           size_t *from)
{
    int hypo = 0;

    while (*from < ext->nspans &&
           ext->spans[*from].start < ext->toks[b - 1].end) {
        const xspan *s = &ext->spans[(*from)++];
        hypo |= s->end > ext->toks[a].start && (s->kind & SPAN_HYPO);
    }
    return hypo;
}

/* Post flags from the phrase cues (extract_cues.c), one sentence at a
 * time: a cue in a hypothetical does not count. */
static void phrase_cue_flags(mosaic_extractor *ext)
{
    mosaic_extraction *r = &ext->result;
    size_t from = 0;

    for (size_t a = 0, b; a < ext->ntoks; a = b) {
        unsigned fl = 0;
        for (b = a; b < ext->ntoks && ext->toks[b].sentence ==
                                          ext->toks[a].sentence;
             b++)
            fl |= ext->toks[b].flags;
        if ((fl & TOK_CUE) && !hypothetical_in(ext, a, b, &from)) {
            r->client_cue = 1;
            r->back_reference |= (fl & TOK_BACK) != 0;
        }
    }
}

/* A reply's leading @handles are the people it addresses. */
static void addressees(mosaic_extractor *ext)
{
    size_t lead = 0;

    while (lead < ext->ntoks && ext->toks[lead].kind == TOK_HANDLE)
        lead++;
    if (lead == 0)
        return;
    for (size_t i = 0; i < ext->nspans; i++) {
        xspan *s = &ext->spans[i];
        if (s->start >= ext->toks[lead - 1].end)
            break;
        if (strcmp(s->category, "CONTACT") == 0)
            s->about = MOSAIC_ABOUT_OTHER;
    }
}

/* Each span's first token (spans and tokens are both in order), and
 * TOK_IN_CUE on the tokens of client-cue spans. */
static void span_tokens(mosaic_extractor *ext)
{
    size_t t = 0;

    for (size_t i = 0; i < ext->nspans; i++) {
        xspan *s = &ext->spans[i];
        while (t < ext->ntoks && ext->toks[t].end <= s->start)
            t++;
        s->tok = t < ext->ntoks ? t : ext->ntoks - 1;
        for (size_t k = t; is_cue(s) && k < ext->ntoks &&
                           ext->toks[k].start < s->end;
             k++)
            ext->toks[k].flags |= TOK_IN_CUE;
    }
}

/* The first token of the post's closing run of hashtags (and emoji and
 * punctuation between them), or ntoks. */
static size_t closing_tags(const mosaic_extractor *ext)
{
    size_t i = ext->ntoks;

    while (i > 0 && ((ext->toks[i - 1].flags & TOK_HASHTAG) ||
                     ext->toks[i - 1].kind == TOK_OTHER ||
                     ext->toks[i - 1].kind == TOK_PUNCT))
        i--;
    return i;
}

/* A closing hashtag naming a topic ("#grief", "#counsellor", "#carers")
 * files the post under it: it describes nobody.  Places stay. */
static void topic_tags(mosaic_extractor *ext)
{
    static const char *const topics[] = { "HEALTH", "LIFE_EVENT",
                                          "OCCUPATION", "FAMILY" };
    size_t from = closing_tags(ext);

    /* the spans from the last back, as their first tokens rise */
    for (size_t i = ext->nspans; i > 0 && ext->spans[i - 1].tok >= from;
         i--) {
        xspan *s = &ext->spans[i - 1];
        if (!(ext->toks[s->tok].flags & TOK_HASHTAG))
            continue;
        for (size_t k = 0; k < sizeof(topics) / sizeof(*topics); k++)
            if (strcmp(s->category, topics[k]) == 0)
                s->about = MOSAIC_ABOUT_OTHER;
    }
}

/* The spans from i on in span i's sentence, [i, g->end), with that
 * sentence's flags; *from as sentence_scan's. */
struct group {
    size_t end;
    struct sentence st;
};
static void sentence_group(const mosaic_extractor *ext, size_t i, int cues,
                           size_t *from, struct group *g)
{
    size_t j = i + 1; /* span i is in its own sentence */

    sentence_scan(ext, ext->spans[i].tok, cues, from, &g->st);
    while (j < ext->nspans &&
           ext->toks[ext->spans[j].tok].sentence == g->st.index)
        j++;
    sentence_cues(ext, i, j, &g->st);
    g->end = j;
}

/* The post flags span s sets, in a sentence with flags st. */
static void post_flags(mosaic_extractor *ext, const xspan *s,
                       const struct sentence *st, int *back_client)
{
    mosaic_extraction *r = &ext->result;

    r->client_cue |= is_cue(s) && !st->hypo;
    r->back_reference |= (s->kind & SPAN_BACK) != 0;
    /* "More on this: he's 22" is the client's; "Update on my husband:
     * he ..." is not */
    *back_client |= (s->kind & SPAN_BACK) && !st->hypo && !st->first_person;
    if (!r->session_timing) /* else no need to look */
        r->session_timing = timing_words(ext, s);
}

/* Walk the spans one sentence at a time: post flags, then each span.
 * The first pass keeps what it found of the first SENTENCES_KEPT
 * sentences for the second, which rescans only the rest. */
#define SENTENCES_KEPT 32
void extract_attribute(mosaic_extractor *ext)
{
    struct group kept[SENTENCES_KEPT], grp;
    int back_client = 0; /* a back-reference to a client */
    int cues, client;
    size_t from = 0, i, g;

    if (ext->ntoks == 0)
        return;
    span_tokens(ext);
    if ((cues = extract_phrase_cues(ext))) /* else no token has TOK_CUE */
        phrase_cue_flags(ext);
    if (ext->nspans == 0)
        return; /* the post flags are all there is */
    addressees(ext);
    topic_tags(ext);
    for (i = 0, g = 0; i < ext->nspans; i = grp.end, g++) {
        sentence_group(ext, i, cues, &from, &grp);
        if (g < SENTENCES_KEPT)
            kept[g] = grp;
        for (size_t k = i; k < grp.end; k++)
            post_flags(ext, &ext->spans[k], &grp.st, &back_client);
    }
    client = ext->result.client_cue || back_client;
    for (i = 0, g = 0, from = 0; i < ext->nspans; i = grp.end, g++) {
        if (g < SENTENCES_KEPT)
            grp = kept[g];
        else
            sentence_group(ext, i, cues, &from, &grp);
        for (size_t k = i; k < grp.end; k++) {
            xspan *s = &ext->spans[k];
            /* (a cue is never output: whom it is about is moot) */
            if (s->about < 0 && !(s->kind & SPAN_INTERNAL))
                s->about = decide(ext, s, s->tok, &grp.st, client);
        }
    }
}
