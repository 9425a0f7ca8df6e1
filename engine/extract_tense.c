/*
 * extract_tense.c -- whether a sentence tells of the past or the future,
 * so that a month or a day without a year is placed on the right side of
 * the post: "she lost her husband in March", posted in November, is the
 * March before; "she is moving in March" the March after.
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "extract.h"

/* Words that put a sentence in the future, whatever else it holds
 * ("going" is a plan only after "is": present_plan). */
static const char future_words[] = "will wont won't shall gonna upcoming";

/* Auxiliaries and markers of the past. */
static const char past_aux[] = "was were had did been ago since";

/* Common irregular past forms ("she lost", "he left"). */
static const char past_verbs[] =
    "lost died went left got came began broke split gave took made said "
    "told found fell felt became ran saw met wrote sold bought paid spent "
    "fought won quit";

/* Words before which an "-ed" word is an adjective, not a past verb
 * ("she's worried", "so tired"). */
static const char state_before[] =
    "is are am be being so very really too feel feels feeling get gets "
    "getting seem seems look looks she's he's they're i'm we're you're";

/* The present, as a verb or its auxiliary: with an "-ing" word after it
 * a plan ("she is moving in March", "they're getting married"). */
static const char present_aux[] =
    "is are am she's he's they're i'm we're you're";

static int ends_with(const char *f, size_t n, const char *tail)
{
    size_t k = strlen(tail);

    return n >= k && memcmp(f + n - k, tail, k) == 0;
}

/* 1 if token j is a regular past verb: five letters or more ending in
 * "-ed" ("divorced", "passed"), not "-eed" ("need") or "hundred", and not
 * an adjective after "is", "so", "feel"... */
static int regular_past(const mosaic_extractor *ext, size_t j)
{
    const xtoken *t = &ext->toks[j];
    const char *f = TOK_FOLD(ext, t);

    if (t->kind != TOK_WORD || t->fold_len < 5 ||
        !ends_with(f, t->fold_len, "ed") || ends_with(f, t->fold_len, "eed") ||
        extract_word_is(ext, j, "hundred sacred naked wicked kindred"))
        return 0;
    return j == 0 || ext->toks[j - 1].sentence != t->sentence ||
           !extract_word_is(ext, j - 1, state_before);
}

/* 1 if token j, an auxiliary of the present, has an "-ing" word right
 * after it, or after "still", "now", "also", "just" or "not". */
static int present_plan(const mosaic_extractor *ext, size_t j)
{
    size_t k = j + 1;
    const xtoken *t;

    if (!extract_word_is(ext, j, present_aux))
        return 0;
    if (extract_word_is(ext, k, "still now also just not"))
        k++;
    if (k >= ext->ntoks)
        return 0;
    t = &ext->toks[k];
    return t->sentence == ext->toks[j].sentence && t->kind == TOK_WORD &&
           t->fold_len >= 5 && ends_with(TOK_FOLD(ext, t), t->fold_len, "ing") &&
           !extract_word_is(ext, k, "being");
}

int extract_tense_at(const mosaic_extractor *ext, size_t at)
{
    size_t i = extract_token_at(ext, at), first = i;
    int past = 0, plan = 0;

    if (i >= ext->ntoks)
        return TENSE_UNKNOWN;
    while (first > 0 && ext->toks[first - 1].sentence == ext->toks[i].sentence)
        first--;
    for (size_t j = first;
         j < ext->ntoks && ext->toks[j].sentence == ext->toks[i].sentence; j++) {
        const xtoken *t = &ext->toks[j];
        if (t->kind != TOK_WORD)
            continue;
        if (extract_word_is(ext, j, future_words) ||
            ends_with(TOK_FOLD(ext, t), t->fold_len, "'ll"))
            return TENSE_FUTURE;
        past |= extract_word_is(ext, j, past_aux) ||
                extract_word_is(ext, j, past_verbs) || regular_past(ext, j);
        plan |= present_plan(ext, j);
    }
    if (past)
        return TENSE_PAST;
    return plan ? TENSE_FUTURE : TENSE_UNKNOWN;
}
