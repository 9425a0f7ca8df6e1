/*
 * extract_org.c -- organisations: the ORG lexicon's employers and bodies
 * are matched with the other lexicons; here, capitalised names ending in
 * an organisation word ("St Mary's Primary School", "Leeds General
 * Infirmary", "Calderdale Council") or "University of X".
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "extract.h"

#define ORG_WORDS_MAX 5

static int capitalised(const mosaic_extractor *ext, size_t j, uint32_t sent)
{
    const xtoken *t = &ext->toks[j];

    return t->kind == TOK_WORD && t->sentence == sent &&
           (t->flags & (TOK_CAP | TOK_UPPER)) && !(t->flags & TOK_HASHTAG);
}

int extract_orgs(mosaic_extractor *ext)
{
    if (!(ext->post_roles & ROLE_ORG_HEAD))
        return 0; /* no organisation word */
    for (size_t i = 0; i < ext->ntoks; i++) {
        const xtoken *h = &ext->toks[i];
        size_t first = i, end = i + 1;
        if (!(h->roles & ROLE_ORG_HEAD) || !capitalised(ext, i, h->sentence))
            continue;
        while (first > 0 && i - first < ORG_WORDS_MAX &&
               capitalised(ext, first - 1, h->sentence))
            first--;
        /* "University of Leeds" */
        if (end + 1 < ext->ntoks && strcmp(TOK_FOLD(ext, &ext->toks[end]),
                                           "of") == 0 &&
            capitalised(ext, end + 1, h->sentence))
            end += 2;
        if (first == i && end == i + 1)
            continue;
        if (extract_add(ext, ext->toks[first].start, ext->toks[end - 1].end,
                        "ORG", NULL, PRI_LEXICON + 1) < 0)
            return -1;
        i = end - 1;
    }
    return 0;
}
