/*
 * extract_name.c -- people's names: first names from the list
 * (capitalised; names that are also words, like Hope or Will, only with
 * evidence), any capitalised word after "called", "named", "let's call
 * her", or a title ("Mrs Patel"), and initials ("J.", "client J").
 * A pseudonym is still a NAME finding.
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "extract.h"

/* The word before token i in its sentence (k = 1, 2), or NULL at the
 * start; "Mr. Smith": the word before the full stop. */
static inline const xtoken *before(const mosaic_extractor *ext, size_t i,
                                   size_t k)
{
    const xtoken *t = &ext->toks[i], *b;

    if (i < k || ext->toks[i - k].sentence != t->sentence)
        return NULL;
    b = &ext->toks[i - k];
    if (b->kind == TOK_PUNCT && b->fold_len == 1 &&
        TOK_FOLD(ext, b)[0] == '.' && k == 1 && i >= 2)
        return &ext->toks[i - 2];
    return b;
}

static int is_word(const mosaic_extractor *ext, const xtoken *t,
                   const char *w)
{
    size_t n = strlen(w);

    return t != NULL && t->fold_len == n &&
           memcmp(TOK_FOLD(ext, t), w, n) == 0;
}

/* A title ("Mrs", "Dr") or a namer ("called", "aka") before the word
 * name; a title in capitals only before a name in capitals ("MRS
 * SMITH", not "diagnosed with MS. Life goes on"). */
static int introduces_name(const xtoken *t, const xtoken *name)
{
    return t != NULL && (t->roles & (ROLE_TITLE | ROLE_NAMER)) &&
           (!(t->roles & ROLE_TITLE) || !(t->flags & TOK_UPPER) ||
            (name->flags & TOK_UPPER));
}

/* Evidence that a capitalised word at i, after b1 (before(ext, i, 1)),
 * is a name whatever it is. */
static int named_by_context(const mosaic_extractor *ext, size_t i,
                            const xtoken *b1)
{
    const xtoken *b2;

    if (b1 == NULL)
        return 0;
    if (introduces_name(b1, &ext->toks[i]))
        return 1;
    if (b1->fold_len > 4)
        return 0; /* none of the words below */
    b2 = before(ext, i, 2);
    if ((is_word(ext, b1, "her") || is_word(ext, b1, "him") ||
         is_word(ext, b1, "them") || is_word(ext, b1, "is")) &&
        (is_word(ext, b2, "call") || is_word(ext, b2, "name")))
        return 1;
    return is_word(ext, b1, "as") && is_word(ext, b2, "known");
}

/* 1 if a comma comes right after token i. */
static int comma_after(const mosaic_extractor *ext, size_t i)
{
    return i + 1 < ext->ntoks && ext->toks[i + 1].fold_len == 1 &&
           TOK_FOLD(ext, &ext->toks[i + 1])[0] == ',';
}

/* 1 if the capitalised word at i opens its sentence (b1, the word
 * before it, NULL) before a comma and a person ("Mark, one of my
 * clients, said", "Jamal, a client I see"): named in apposition, if it
 * is a given name at all (listed: a first name, even one that is a
 * word). */
static int named_in_apposition(const mosaic_extractor *ext, size_t i,
                               const xtoken *b1, int listed)
{
    const xtoken *t = &ext->toks[i];

    if (i + 2 >= ext->ntoks || !comma_after(ext, i) || b1 != NULL ||
        !(listed || xtable_find_hashed(&ext->given, TOK_FOLD(ext, t),
                                       t->fold_len, t->hash)))
        return 0;
    for (size_t j = i + 2; j < i + 7 && j < ext->ntoks; j++) {
        if (ext->toks[j].sentence != t->sentence ||
            is_word(ext, &ext->toks[j], ","))
            return 0;
        if ((ext->toks[j].roles & ROLE_PERSON) ||
            extract_word_is(ext, j, "clients someone somebody"))
            return 1; /* "one of my clients", "someone I see" */
    }
    return 0;
}

/* 1 if a person noun b1 comes right before a word: evidence that a
 * first name that is also a word is a name ("my client Mark", "the lad
 * Will"). */
static int after_person(const xtoken *b1)
{
    return b1 != NULL && b1->kind == TOK_WORD && (b1->roles & ROLE_PERSON);
}

/* 1 if token p ends a client cue ("someone I see") or the clause after
 * one ("a client I've just started working with"). */
static int ends_cue(const mosaic_extractor *ext, size_t p)
{
    if (ext->toks[p].flags & TOK_CUE_END)
        return 1;
    if (!extract_word_is(ext, p, "with see seeing support"))
        return 0;
    for (size_t k = p; k > 0 && p - k < 8 &&
                       ext->toks[k - 1].sentence == ext->toks[p].sentence;
         k--)
        if (ext->toks[k - 1].flags & TOK_CUE_END)
            return 1;
    return 0;
}

/* 1 if the word at i is set off by commas right after a person word or
 * a client cue ("My client, Mark, gave me", "a client i've just started
 * working with, ellie, said"): a name in apposition. */
static int named_after_person(const mosaic_extractor *ext, size_t i,
                              const xtoken *b1)
{
    if (!is_word(ext, b1, ",") || i < 2 || i + 1 >= ext->ntoks ||
        !extract_word_is(ext, i + 1, ", \xE2\x80\x94 )"))
        return 0;
    return (ext->toks[i - 2].roles & ROLE_PERSON) || ends_cue(ext, i - 2);
}

/* "client J", "Mrs J."; "J. came in today"; "a client (J.) said". */
static int is_initial(const mosaic_extractor *ext, size_t i)
{
    const xtoken *t = &ext->toks[i], *b1;
    const char *w = ext->clean + t->start;
    int dot;

    if (t->end - t->start != 1 || !(t->flags & TOK_CAP) || *w == 'I' ||
        (t->flags & TOK_HASHTAG))
        return 0;
    dot = i + 1 < ext->ntoks && ext->clean[t->end] == '.';
    b1 = before(ext, i, 1);
    if (is_word(ext, b1, "client") || introduces_name(b1, t))
        return 1;
    if (!dot || *w == 'A')
        return 0;
    if (is_word(ext, b1, "(") && i + 2 < ext->ntoks &&
        is_word(ext, &ext->toks[i + 2], ")"))
        return before(ext, i, 2) != NULL &&
               before(ext, i, 2)->kind == TOK_WORD; /* not "(B.) run" */
    /* "J. came in today": the next word is lower case */
    return i + 2 < ext->ntoks && ext->toks[i + 2].kind == TOK_WORD &&
           !(ext->toks[i + 2].flags & (TOK_CAP | TOK_UPPER)) &&
           ext->toks[i + 2].sentence == t->sentence;
}

static int add_name(mosaic_extractor *ext, size_t i, size_t end, int pri)
{
    size_t s = ext->toks[i].start, e = ext->toks[end - 1].end;

    if (end - i == 1 && e - s == 1 && ext->clean[e] == '.')
        e++; /* the initial's full stop */
    return extract_add(ext, s, e, "NAME", NULL, pri);
}

/* A post in small letters only ("jake, a client of mine, said", "a
 * client of mine, ellie, said"): a word in apposition to a person is a
 * name (at a sentence's start, or a listed first name). */
static int lower_case_names(mosaic_extractor *ext)
{
    for (size_t i = 0; i < ext->ntoks; i++) {
        const xtoken *t = &ext->toks[i], *b1;
        const xentry *e = NULL;
        int rc, listed, first;
        if (t->kind != TOK_WORD || (t->flags & TOK_HASHTAG) ||
            !comma_after(ext, i))
            continue; /* (the comma first: the cheapest test) */
        b1 = before(ext, i, 1);
        first = b1 == NULL;
        if (!first && !named_after_person(ext, i, b1))
            continue;
        listed = extract_may_start(ext, t, FIRST_NAMES) &&
                 extract_match(ext, &ext->names, i, 0, FIRST_NAMES, &e) != 0;
        if ((first ? named_in_apposition(ext, i, b1, listed) : listed) &&
            (rc = add_name(ext, i, i + 1, PRI_PATTERN)) < 0)
            return rc;
    }
    return 0;
}

int extract_names(mosaic_extractor *ext)
{
    if (!(ext->post_roles & TRIG_UPPER))
        return lower_case_names(ext);
    /* every name starts at a capital (an initial too): a candidate */
    for (size_t c = extract_next_cand(ext, 0, CAND_NAME); c < ext->ncands;
         c = extract_next_cand(ext, c + 1, CAND_NAME)) {
        size_t i = ext->cands[c].tok;
        const xtoken *t = &ext->toks[i];
        const xentry *e = NULL;
        size_t end = 0;
        int rc = 0;
        if (t->kind != TOK_WORD || (t->flags & TOK_HASHTAG))
            continue;
        if (is_initial(ext, i)) {
            rc = add_name(ext, i, i + 1, PRI_PATTERN);
        } else if (t->flags & TOK_CAP) {
            const xtoken *b1 = before(ext, i, 1);
            int listed =
                extract_may_start(ext, t, FIRST_NAMES) &&
                (end = extract_match(ext, &ext->names, i, 0, FIRST_NAMES,
                                     &e)) != 0;
            /* (the comma first: most words have none after them) */
            if (named_by_context(ext, i, b1) ||
                (comma_after(ext, i) &&
                 named_in_apposition(ext, i, b1, listed)) ||
                (listed &&
                 (after_person(b1) || named_after_person(ext, i, b1))))
                rc = add_name(ext, i, i + 1, PRI_PATTERN);
            else if (listed && !(e->flags & XE_AMBIG) &&
                     !(t->flags & TOK_UPPER))
                rc = add_name(ext, i, end, PRI_LEXICON - 1);
        }
        if (rc < 0)
            return rc;
    }
    return 0;
}
