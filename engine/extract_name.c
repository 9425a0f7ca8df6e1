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

static int in_list(const char *w, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(w, list[i]) == 0)
            return 1;
    return 0;
}

static const char *const titles[] = { "mr", "mrs", "ms", "miss", "mx", "dr",
                                      "prof", "sir", "dame", "auntie",
                                      "uncle" };
static const char *const namers[] = { "called", "named", "calls", "nicknamed",
                                      "pseudonym", "alias", "aka" };

#define N_OF(a) (sizeof(a) / sizeof(*(a)))

/* The word before token i in its sentence, folded ("" at the start). */
static const char *before(const mosaic_extractor *ext, size_t i, size_t k)
{
    const xtoken *t = &ext->toks[i];

    if (i < k || ext->toks[i - k].sentence != t->sentence)
        return "";
    if (ext->toks[i - k].kind == TOK_PUNCT &&
        strcmp(TOK_FOLD(ext, &ext->toks[i - k]), ".") == 0 && k == 1 &&
        i >= 2)
        return TOK_FOLD(ext, &ext->toks[i - 2]); /* "Mr. Smith" */
    return TOK_FOLD(ext, &ext->toks[i - k]);
}

/* Evidence that a capitalised word at i is a name whatever it is. */
static int named_by_context(const mosaic_extractor *ext, size_t i)
{
    const char *b1 = before(ext, i, 1), *b2 = before(ext, i, 2);

    if (in_list(b1, titles, N_OF(titles)) || in_list(b1, namers, N_OF(namers)))
        return 1;
    if ((strcmp(b1, "her") == 0 || strcmp(b1, "him") == 0 ||
         strcmp(b1, "them") == 0 || strcmp(b1, "is") == 0) &&
        (strcmp(b2, "call") == 0 || strcmp(b2, "name") == 0))
        return 1;
    return strcmp(b1, "as") == 0 && strcmp(b2, "known") == 0;
}

static int is_initial(const mosaic_extractor *ext, size_t i)
{
    const xtoken *t = &ext->toks[i];
    const char *w = ext->clean + t->start;
    int dot = i + 1 < ext->ntoks && ext->clean[t->end] == '.';
    const char *b1 = before(ext, i, 1);

    if (t->end - t->start != 1 || !(t->flags & TOK_CAP) || *w == 'I' ||
        (t->flags & TOK_HASHTAG))
        return 0;
    if (strcmp(b1, "client") == 0 || in_list(b1, titles, N_OF(titles)) ||
        in_list(b1, namers, N_OF(namers)))
        return 1;
    if (!dot || *w == 'A')
        return 0;
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

int extract_names(mosaic_extractor *ext)
{
    for (size_t i = 0; i < ext->ntoks; i++) {
        const xtoken *t = &ext->toks[i];
        const xentry *e = NULL;
        size_t end;
        int rc = 0;
        if (t->kind != TOK_WORD || (t->flags & TOK_HASHTAG))
            continue;
        if (is_initial(ext, i)) {
            rc = add_name(ext, i, i + 1, PRI_PATTERN);
        } else if (t->flags & TOK_CAP) {
            int listed = (end = extract_match_at(ext, &ext->names, i, 0, &e));
            if (named_by_context(ext, i))
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
