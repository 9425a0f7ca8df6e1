/*
 * extract_only.c -- "the only one in their group" (DISTINCTIVE): "the
 * only Black kid in his year", "the only girl on the team", "the only
 * one at her school" (not "not the only one in the class").  A group
 * of one is a population of one.
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "extract.h"

#define ONLY_WORDS 3 /* words between "only" and "in" */

/* The group noun's token after "only" at token i ("the only [Black kid]
 * in his year"), or 0. */
static size_t group_of_one(const mosaic_extractor *ext, size_t i)
{
    static const char groups[] =
        "year class school team village street ward office unit "
        "department squad band choir club college uni university form "
        "estate church mosque congregation";
    uint32_t sent = ext->toks[i].sentence;

    for (size_t k = i + 1; k <= i + ONLY_WORDS + 1 && k + 2 < ext->ntoks;
         k++) {
        if (ext->toks[k].sentence != sent || !extract_is_word(ext, k))
            return 0;
        if (k > i + 1 && extract_word_is(ext, k, "in at on") &&
            extract_word_is(ext, k + 1, "his her their the my our") &&
            ext->toks[k + 2].sentence == sent &&
            extract_word_is(ext, k + 2, groups))
            return k + 2;
    }
    return 0;
}

/* 1 if a token of the post is the word "only": its folded words, each
 * ending in a NUL, searched for "y" with memchr (most posts have none;
 * cheaper than a look at every token). */
static int has_only(const mosaic_extractor *ext)
{
    const char *f = ext->folds, *end;

    if (f == NULL || ext->folds_len < 5) /* (nothing folded yet) */
        return 0;
    end = f + ext->folds_len;
    for (const char *p = f + 3; p < end &&
                                (p = memchr(p, 'y', (size_t)(end - p))) != NULL;
         p++)
        if (p + 1 < end && p[1] == '\0' && memcmp(p - 3, "only", 4) == 0 &&
            (p - 3 == f || p[-4] == '\0'))
            return 1;
    return 0;
}

int extract_only_one(mosaic_extractor *ext)
{
    if (!has_only(ext))
        return 0;
    for (size_t i = 1; i < ext->ntoks; i++) {
        size_t g;
        int rc;
        if (ext->toks[i].fold_len != 4 || !extract_word_is(ext, i, "only") ||
            !extract_word_is(ext, i - 1, "the") ||
            (i > 1 && extract_word_is(ext, i - 2, "not")) ||
            (g = group_of_one(ext, i)) == 0)
            continue;
        if ((rc = extract_add(ext, ext->toks[i].start, ext->toks[g].end,
                              "DISTINCTIVE", "the only one in their group",
                              PRI_LEXICON)) < 0)
            return rc;
        i = g;
    }
    return 0;
}
