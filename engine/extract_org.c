/*
 * extract_org.c -- names built on a head word: organisations, capitalised
 * names ending in an organisation word ("St Mary's Primary School",
 * "Leeds General Infirmary", "Calderdale Council") or "University of X";
 * and landmarks, streets and venues, PLACE ("Shibden Park", "Kitchener
 * Way", "Tower of London", "Lake Lyndon"; "Leeds Town Hall" has Leeds for
 * value).  The ORG lexicon's employers and bodies are matched with the
 * other lexicons.
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "extract.h"

#define NAME_WORDS_MAX 5

/* A word of the name: capitalised, and no grammar word ("By The Way"). */
static int capitalised(const mosaic_extractor *ext, size_t j, uint32_t sent)
{
    const xtoken *t = &ext->toks[j];

    return t->kind == TOK_WORD && t->sentence == sent &&
           (t->flags & (TOK_CAP | TOK_UPPER)) && !(t->flags & TOK_HASHTAG) &&
           !(t->roles & (ROLE_DET | ROLE_FIRST | ROLE_THIRD |
                         ROLE_PLACE_PREP));
}

/* The gazetteer place a landmark's name starts with ("Leeds" of "Leeds
 * Town Hall"), or NULL. */
static const char *place_within(mosaic_extractor *ext, size_t first,
                                size_t end)
{
    const xentry *e;
    size_t stop = extract_match_at(ext, &ext->places, first, 0, &e);

    return stop > first && stop < end && e ? XLEX_VALUE(&ext->places, e)
                                            : NULL;
}

/* The end of a landmark named after its head ("Lake Lyndon", "Mt Yale",
 * "River Calder"): capitalised words after a head that leads; i + 1 when
 * none follow or the head is not one that leads. */
static size_t after_leading_head(const mosaic_extractor *ext, size_t i)
{
    static const char leads[] = "lake loch river mount mt";
    size_t end = i + 1;

    if (!extract_word_is(ext, i, leads))
        return end;
    while (end < ext->ntoks && end - i <= NAME_WORDS_MAX &&
           capitalised(ext, end, ext->toks[i].sentence) &&
           !(ext->toks[end].roles & ROLE_LANDMARK_HEAD))
        end++;
    return end;
}

/* Names ending in a head word with role: category at priority. */
static int head_names(mosaic_extractor *ext, uint32_t role,
                      const char *category, int priority)
{
    size_t next = 0; /* past the last name found */

    if (!(ext->post_roles & role))
        return 0; /* no head word */
    /* a capitalised word (all capitals too) is a name candidate
     * (extract_text.c's candidate()): only those are visited */
    for (size_t c = extract_next_cand(ext, 0, CAND_NAME); c < ext->ncands;
         c = extract_next_cand(ext, c + 1, CAND_NAME)) {
        size_t i = ext->cands[c].tok, first = i, end = i + 1;
        const xtoken *h = &ext->toks[i];
        if (i < next || !(h->roles & role) ||
            !capitalised(ext, i, h->sentence))
            continue;
        while (first > 0 && i - first < NAME_WORDS_MAX &&
               capitalised(ext, first - 1, h->sentence))
            first--;
        /* "University of Leeds" */
        if (end + 1 < ext->ntoks && strcmp(TOK_FOLD(ext, &ext->toks[end]),
                                           "of") == 0 &&
            capitalised(ext, end + 1, h->sentence))
            end += 2;
        if (first == i && end == i + 1 && role == ROLE_LANDMARK_HEAD)
            end = after_leading_head(ext, i);
        if (first == i && end == i + 1)
            continue;
        if (extract_add(ext, ext->toks[first].start, ext->toks[end - 1].end,
                        category,
                        role == ROLE_LANDMARK_HEAD ? place_within(ext, first,
                                                                  end)
                                                   : NULL,
                        priority) < 0)
            return -1;
        next = end;
    }
    return 0;
}

int extract_orgs(mosaic_extractor *ext)
{
    /* a gazetteer place of the same extent wins ("Hebden Bridge") */
    if (head_names(ext, ROLE_ORG_HEAD, "ORG", PRI_LEXICON + 1) < 0 ||
        head_names(ext, ROLE_LANDMARK_HEAD, "PLACE", PRI_LEXICON) < 0)
        return -1;
    return 0;
}
