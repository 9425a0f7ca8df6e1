/*
 * extract_tense.c -- whether a sentence tells of the past or the future,
 * so that a month or a day without a year is placed on the right side of
 * the post: "she lost her husband in March", posted in November, is the
 * March before; "she is moving in March" the March after.  The verb
 * nearest before the date in its clause says it; else the sentence.
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "extract.h"

/* What a word says of its sentence's time (bits of ext->tense). */
enum {
    TW_FUTURE = 1,  /* "will", "gonna": the future whatever else */
    TW_PAST = 2,    /* "was", "had", "ago", "lost", "left" */
    TW_STATE = 4,   /* an "-ed" word after it is an adjective ("so tired") */
    TW_PRESENT = 8, /* with an "-ing" word after it, a plan ("is moving") */
    TW_BETWEEN = 16, /* may stand between those two ("is still moving") */
    TW_SCHEDULE = 32 /* a timetabled present: "starts uni in September" */
};

static const struct {
    const char *words;
    uint32_t bits;
} tense_words[] = {
    /* "going" is a plan only after "is": TW_PRESENT */
    { "will wont won't shall gonna upcoming", TW_FUTURE },
    { "was were had did been ago since", TW_PAST },
    /* common irregular past forms */
    { "lost died went left got came began broke split gave took made said "
      "told found fell felt became ran saw met wrote sold bought paid spent "
      "fought won quit", TW_PAST },
    { "is are am be being so very really too feel feels feeling get gets "
      "getting seem seems look looks", TW_STATE },
    { "she's he's they're i'm we're you're", TW_STATE | TW_PRESENT },
    { "is are am", TW_PRESENT },
    { "still now also just not", TW_BETWEEN },
    { "starts begins finishes graduates retires returns", TW_SCHEDULE },
};

int extract_tense_load(mosaic_extractor *ext)
{
    for (size_t i = 0; i < sizeof(tense_words) / sizeof(*tense_words); i++) {
        int rc = xtable_put_words(&ext->tense, tense_words[i].words,
                                  tense_words[i].bits);
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* The TW_* bits of token j's word, 0 for no word. */
static inline uint32_t bits_of(const mosaic_extractor *ext, size_t j)
{
    const xtoken *t = &ext->toks[j];
    const xslot *s;

    if (j >= ext->ntoks || t->kind != TOK_WORD)
        return 0;
    s = xtable_find_hashed(&ext->tense, TOK_FOLD(ext, t), t->fold_len,
                           t->hash);
    return s ? s->val : 0;
}

static int ends_with(const xtoken *t, const char *f, const char *tail,
                     size_t k)
{
    return t->fold_len >= k && memcmp(f + t->fold_len - k, tail, k) == 0;
}

/* 1 if token j is a regular past verb: five letters or more ending in
 * "-ed" ("divorced", "passed"), not "-eed" ("need") or "hundred", and not
 * an adjective after "is", "so", "feel"... */
static int regular_past(const mosaic_extractor *ext, size_t j)
{
    const xtoken *t = &ext->toks[j];
    const char *f = TOK_FOLD(ext, t);

    if (t->fold_len < 5 || !ends_with(t, f, "ed", 2) ||
        ends_with(t, f, "eed", 3) ||
        extract_word_is(ext, j, "hundred sacred naked wicked kindred"))
        return 0;
    return j == 0 || ext->toks[j - 1].sentence != t->sentence ||
           !(bits_of(ext, j - 1) & TW_STATE);
}

/* 1 if token j, an auxiliary of the present, has an "-ing" word right
 * after it, or after "still", "now", "also", "just" or "not". */
static int present_plan(const mosaic_extractor *ext, size_t j)
{
    size_t k = j + 1;
    const xtoken *t;

    if (bits_of(ext, k) & TW_BETWEEN)
        k++;
    if (k >= ext->ntoks)
        return 0;
    t = &ext->toks[k];
    return t->sentence == ext->toks[j].sentence && t->kind == TOK_WORD &&
           t->fold_len >= 5 && ends_with(t, TOK_FOLD(ext, t), "ing", 3) &&
           !extract_word_is(ext, k, "being");
}

/* The tense of the sentence from token first on. */
static int sentence_tense(const mosaic_extractor *ext, size_t first)
{
    uint32_t sent = ext->toks[first].sentence;
    int past = 0, ed = 0, plan = 0;

    for (size_t j = first; j < ext->ntoks && ext->toks[j].sentence == sent;
         j++) {
        const xtoken *t = &ext->toks[j];
        uint32_t b;
        if (t->kind != TOK_WORD)
            continue;
        b = bits_of(ext, j);
        if ((b & TW_FUTURE) || ends_with(t, TOK_FOLD(ext, t), "'ll", 3))
            return TENSE_FUTURE;
        if (past)
            continue; /* only the future can change it now */
        if ((b & TW_PAST) || (regular_past(ext, j) && j > first &&
                              (ext->toks[j - 1].roles &
                               (ROLE_THIRD | ROLE_FIRST))))
            past = 1; /* an "-ed" after "he", "she", "I": a verb */
        else if (regular_past(ext, j))
            ed = 1;
        plan |= (b & TW_PRESENT) && present_plan(ext, j);
    }
    /* a plan outweighs an "-ed" word that may be an adjective ("is
     * moving up in September and terrified") */
    if (past || (ed && !plan))
        return TENSE_PAST;
    return plan ? TENSE_FUTURE : TENSE_UNKNOWN;
}

/* 1 if token j ends a clause looking back: a comma, a semicolon, a
 * colon, "and", "but". */
static int clause_break(const mosaic_extractor *ext, size_t j)
{
    const xtoken *t = &ext->toks[j];

    if (t->kind == TOK_PUNCT)
        return strchr(",;:", TOK_FOLD(ext, t)[0]) != NULL;
    return t->kind == TOK_WORD && t->fold_len <= 3 &&
           extract_word_is(ext, j, "and but");
}

/* The tense of the verb nearest before token i in its clause ("she lost
 * her husband in March and is moving in April": April is a plan; "told
 * me she's leaving at Easter": the next Easter); TENSE_UNKNOWN when the
 * clause says none before it. */
static int clause_tense(const mosaic_extractor *ext, size_t i)
{
    uint32_t sent = ext->toks[i].sentence;

    for (size_t j = i; j-- > 0 && ext->toks[j].sentence == sent &&
                       !clause_break(ext, j);) {
        const xtoken *t = &ext->toks[j];
        uint32_t b;
        if (t->kind != TOK_WORD)
            continue;
        b = bits_of(ext, j);
        if ((b & (TW_FUTURE | TW_SCHEDULE)) ||
            ends_with(t, TOK_FOLD(ext, t), "'ll", 3) ||
            ((b & TW_PRESENT) && present_plan(ext, j)))
            return TENSE_FUTURE;
        if ((b & TW_PAST) ||
            (regular_past(ext, j) && j > 0 &&
             ext->toks[j - 1].sentence == sent &&
             (ext->toks[j - 1].roles & (ROLE_THIRD | ROLE_FIRST))))
            return TENSE_PAST;
    }
    return TENSE_UNKNOWN;
}

int extract_tense_at(mosaic_extractor *ext, size_t at)
{
    size_t i = extract_token_at(ext, at), first = i;
    int near;

    if (i >= ext->ntoks)
        return TENSE_UNKNOWN;
    if ((near = clause_tense(ext, i)) != TENSE_UNKNOWN)
        return near;
    if (ext->tense_sentence == ext->toks[i].sentence + 1)
        return ext->tense_known; /* another date of the same sentence */
    while (first > 0 && ext->toks[first - 1].sentence == ext->toks[i].sentence)
        first--;
    ext->tense_known = sentence_tense(ext, first);
    ext->tense_sentence = ext->toks[i].sentence + 1;
    return ext->tense_known;
}
