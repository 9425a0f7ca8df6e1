/*
 * extract_place.c -- places from the gazetteers: UK places (with their
 * alternative names) and world countries and cities, multi-word names,
 * and hashtags ("#HebdenBridge", "#hebdenbridge").  A name that is also
 * a common word (Reading, Bath, Sale, March, Hope, Street, Wells, Bury)
 * needs evidence: capitalised after "in/from/near/at/...", or a
 * capitalised hashtag; so does an alternative name that is an English
 * word ("Ask" for Usk).  Another English word ("Hull") needs a capital
 * that is not just the start of a sentence.  A world town's name that is
 * a word or a first name ("Nice", "Victoria") needs the preposition.  A
 * place name right after a given name is a surname ("Willie Nelson"); a
 * one-word town that is a given name before a surname is a person ("Roy
 * Hodgson").  A place name names a team (ORG) next to "vs" or a score
 * ("Leeds 2 - 1 Hull"), after "Real", "AC", "Team", before "fans", "XI"
 * or a plural verb ("Leeds are top"), or in a sentence about sport
 * without a place preposition ("Fulham sack their manager").  Capitalised
 * words no list knows after "in", "at", "near" ("in Lochee") are a
 * place, weakly.
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "extract.h"

#define SQUASH_MAX 256

/* Words that make a sentence one about sport ("Fulham sack their boss",
 * "England fans", "Honduras scored"): a place name there without a place
 * preposition names a team. */
static const char sport_words[] =
    "fans fan xi boss manager gaffer sack sacks sacked striker strikers "
    "midfielder defender goalkeeper squad lineup kickoff fixture fixtures "
    "scored scores scoring goal goals beat beats beaten thrashed defeat "
    "defeats defeated match league cup ht ft penalty "
    "penalties qualifier derby relegation relegated promoted promotion "
    "playoff playoffs innings wicket wickets batting bowling tries "
    "footie football soccer rugby cricket hockey baseball";

/* The capitalised word before a place that makes it a club ("Real
 * Madrid", "AC Milan", "Team GB"). */
static const char club_before[] =
    "real ac inter borussia atletico bayern sporting olympique dynamo "
    "dinamo team";

/* The capitalised word after a place that, in a sentence about sport,
 * is part of the club's name ("Hull City fans"). */
static const char club_after[] = "city town county";

/* The word right after a club's name that makes it one even after a
 * place preposition ("changes to Hull starting XI", "England fans"). */
static const char club_next[] = "xi fans boss manager squad striker";

/* A plural verb right after a place's name: its team ("Leeds are top",
 * "Fulham were relegated"); a town takes a singular one. */
static const char plural_verb[] = "are were";

/* Words that tell a place ("a Hamilton man", "the Reading woman"). */
static const char residents[] =
    "man woman men women boy girl teen teenager pensioner mum dad "
    "couple resident residents";

/* Before a one-word town, a preposition that makes it the town, not a
 * person's given name ("in Paris Hilton..."). */
static const char strong_prep[] =
    "in from near at to into towards outside around";

/* Words that go on a place's name ("York Minster", "Leicester City"). */
static const char place_after[] = "city town county minster borough district";

/* "to" before a place the gazetteers lack only after going somewhere
 * ("came to Dingle", not "a photo to Facebook"). */
static const char motion[] =
    "go goes going gone went come comes coming came travel travelled "
    "traveling travelling flew fly flying drove drive driving trip "
    "return returned returning back headed heading way";

/* The long lists above, a bit each in ext->sport: a token is looked up
 * once (a hash probe), not compared word by word with each list (short
 * lists are, with extract_word_is). */
enum {
    PL_SPORT = 1 << 0,       PL_CLUB_BEFORE = 1 << 1, PL_CLUB_AFTER = 1 << 2,
    PL_CLUB_NEXT = 1 << 3,   PL_RESIDENT = 1 << 4,    PL_MOTION = 1 << 5,
    PL_STRONG_PREP = 1 << 6, PL_PLACE_AFTER = 1 << 7
};
static const struct {
    const char *words;
    uint32_t bit;
} lists[] = {
    { sport_words, PL_SPORT },       { club_before, PL_CLUB_BEFORE },
    { club_after, PL_CLUB_AFTER },   { club_next, PL_CLUB_NEXT },
    { residents, PL_RESIDENT },      { motion, PL_MOTION },
    { strong_prep, PL_STRONG_PREP }, { place_after, PL_PLACE_AFTER },
};

/* 1 if token j's word is on one of the lists in bits. */
static inline int in_list(const mosaic_extractor *ext, size_t j,
                          uint32_t bits)
{
    const xtoken *t;
    const xslot *s;

    if (j >= ext->ntoks)
        return 0;
    t = &ext->toks[j];
    s = xtable_find_hashed(&ext->sport, TOK_FOLD(ext, t), t->fold_len,
                           t->hash);
    return s != NULL && (s->val & bits) != 0;
}

/* 1 if token i opens its sentence: nothing but handles, punctuation or
 * emoji before it ("Ask people.", "@jo Ask her"). */
static int sentence_initial(const mosaic_extractor *ext, size_t i)
{
    uint32_t sent = ext->toks[i].sentence;

    while (i > 0 && ext->toks[i - 1].sentence == sent) {
        unsigned k = ext->toks[--i].kind;
        if (k == TOK_WORD || k == TOK_NUMBER)
            return 0;
    }
    return 1;
}

/* 1 if a place preposition comes right before token i in its sentence,
 * or before "the" there ("in the US", "to the Gambia"). */
static int after_place_prep(const mosaic_extractor *ext, size_t i)
{
    uint32_t sent = ext->toks[i].sentence;

    if (i > 1 && extract_word_is(ext, i - 1, "the"))
        i--;
    return i > 0 && ext->toks[i - 1].sentence == sent &&
           (ext->toks[i - 1].roles & ROLE_PLACE_PREP);
}

/* 1 if token i ends a title's "X of": no evidence for a name that needs
 * a preposition ("The Wizard of Oz"; but "the will of the Aust people",
 * "back to Oz"). */
static int in_title_of(const mosaic_extractor *ext, size_t i)
{
    if (i > 1 && extract_word_is(ext, i - 1, "the"))
        i--;
    return i > 1 && extract_word_is(ext, i - 1, "of") &&
           ext->toks[i - 2].kind == TOK_WORD &&
           (ext->toks[i - 2].flags & TOK_CAP) &&
           ext->toks[i - 2].sentence == ext->toks[i].sentence;
}

/* 1 if token i is a short name a common word shares ("US", not "us")
 * written in capitals in a sentence that is not shouted: a word next to
 * it has a small letter. */
static int written_as_abbreviation(const mosaic_extractor *ext, size_t i,
                                   const xentry *e)
{
    const xtoken *t = &ext->toks[i];

    if (!(t->flags & TOK_UPPER) || t->fold_len > 3 || (e->flags & XE_PREP))
        return 0;
    for (int d = -1; d <= 1; d += 2) {
        const xtoken *n = t + d;
        if ((d < 0 ? i > 0 : i + 1 < ext->ntoks) &&
            n->sentence == t->sentence && n->kind == TOK_WORD &&
            !(n->flags & (TOK_UPPER | TOK_HASHTAG)))
            return 1;
    }
    return 0;
}

/* 1 if a person the news names by their town follows token i, not at
 * the start of a sentence ("a Hamilton man", "the Reading woman"; not
 * "Same man as before"). */
static int resident_after(const mosaic_extractor *ext, size_t i)
{
    return i + 1 < ext->ntoks &&
           ext->toks[i + 1].sentence == ext->toks[i].sentence &&
           in_list(ext, i + 1, PL_RESIDENT) &&
           !sentence_initial(ext, i);
}

/* 1 if token i follows an age and a comma in a note ("a client of mine
 * -- in her late thirties, scarborough -- told me", "in his sixties,
 * Beverley"): a place may start there as after "in". */
static int place_in_note(const mosaic_extractor *ext, size_t i)
{
    const xtoken *a;

    if (i < 2 || ext->toks[i].kind != TOK_WORD ||
        !extract_word_is(ext, i - 1, ","))
        return 0;
    a = &ext->toks[i - 2];
    if (a->sentence != ext->toks[i].sentence)
        return 0;
    return a->kind == TOK_NUMBER || (a->roles & TRIG_DIGIT) || /* "30s" */
           extract_word_is(ext, i - 2, "old yo teens twenties thirties "
                                       "forties fifties sixties seventies "
                                       "eighties nineties");
}

/* 1 if token i, a word in lower case, may start a place name. */
static int lower_place(const mosaic_extractor *ext, size_t i)
{
    return extract_lower_place(ext, i) || place_in_note(ext, i);
}

/* 1 if the name at token i is in a note after an age and a comma and is
 * no English word ("in his sixties, Beverley"; not "17, March is"). */
static int named_in_note(const mosaic_extractor *ext, size_t i,
                         const xentry *e)
{
    const xtoken *t = &ext->toks[i];

    return !(e->flags & XE_WORD) &&
           !xtable_find_hashed(&ext->common, TOK_FOLD(ext, t),
                               t->fold_len, t->hash) &&
           place_in_note(ext, i);
}

/* Whether the match at token i shows it is a place name. */
static int place_evidence(const mosaic_extractor *ext, size_t i,
                          const xentry *e)
{
    const xtoken *t = &ext->toks[i];
    int cap = (t->flags & (TOK_CAP | TOK_UPPER)) != 0;

    if (!cap) /* "moved to leeds", not "reading" or "leeds united fan" */
        return !(e->flags & XE_WORD) &&
               (!(e->flags & XE_AMBIG) || (e->flags & XE_PREP)) &&
               lower_place(ext, i);
    if (!(e->flags & (XE_AMBIG | XE_WORD)))
        return 1;
    if (t->flags & TOK_HASHTAG)
        return (t->flags & TOK_TAG_FIRST) && !(e->flags & XE_PREP);
    if ((after_place_prep(ext, i) &&
         !((e->flags & XE_PREP) && in_title_of(ext, i))) ||
        written_as_abbreviation(ext, i, e) || resident_after(ext, i) ||
        named_in_note(ext, i, e))
        return 1;
    /* an English word: a capital counts unless the sentence (or
     * shouting) put it there */
    return !(e->flags & XE_AMBIG) && !(t->flags & TOK_UPPER) &&
           !sentence_initial(ext, i);
}

/* 1 if the place name at token i follows a capitalised given name in
 * its sentence: a surname ("Clint Eastwood", "Willie Nelson"). */
static int after_given_name(const mosaic_extractor *ext, size_t i)
{
    const xtoken *p = &ext->toks[i - (i > 0)];

    return i > 0 && p->sentence == ext->toks[i].sentence &&
           p->kind == TOK_WORD && (p->flags & TOK_CAP) &&
           !(ext->toks[i].flags & TOK_HASHTAG) &&
           xtable_find_hashed(&ext->given, TOK_FOLD(ext, p), p->fold_len,
                              p->hash);
}

/* Token j is one of words, in sentence sent. */
static int word_at(const mosaic_extractor *ext, size_t j, uint32_t sent,
                   const char *words)
{
    return extract_word_is(ext, j, words) && ext->toks[j].sentence == sent;
}

/* 1 if token j is a goal count: one or two digits, in sentence sent. */
static int goals_at(const mosaic_extractor *ext, size_t j, uint32_t sent)
{
    const xtoken *t = &ext->toks[j];

    return j < ext->ntoks && t->kind == TOK_NUMBER && t->sentence == sent &&
           t->end - t->start <= 2;
}

/* 1 if token j starts a capitalised place name. */
static int place_at(mosaic_extractor *ext, size_t j)
{
    const xentry *e;

    return j < ext->ntoks && ext->toks[j].kind == TOK_WORD &&
           (ext->toks[j].flags & (TOK_CAP | TOK_UPPER)) &&
           extract_may_start(ext, &ext->toks[j], FIRST_PLACES) &&
           extract_match(ext, &ext->places, j, 0, FIRST_PLACES, &e) > 0;
}

/* 1 if the place name on tokens [i, end) is one side of a score line
 * ("Nigeria 1 Bosnia 0", "Leeds 2 Hull 1"; not "from Leeds 2 Hull"). */
static int score_line(mosaic_extractor *ext, size_t i, size_t end)
{
    uint32_t sent = ext->toks[i].sentence;

    return (goals_at(ext, end, sent) && end + 1 < ext->ntoks &&
            ext->toks[end + 1].sentence == sent && place_at(ext, end + 1) &&
            !after_place_prep(ext, i)) ||
           (i > 1 && goals_at(ext, i - 1, sent) &&
            ext->toks[i - 2].sentence == sent && place_at(ext, i - 2) &&
            !after_place_prep(ext, i - 2));
}

/* 1 if the place name on tokens [i, end) names a team: next to "v",
 * "vs" or a score ("Brazil vs Croatia", "Everton 4 - 1 Wolfsburg"). */
static int names_a_team(mosaic_extractor *ext, size_t i, size_t end)
{
    static const char versus[] = "v vs versus", dash[] = "- :";
    uint32_t sent = ext->toks[i].sentence;

    if (word_at(ext, end, sent, versus) ||
        (i > 0 && word_at(ext, i - 1, sent, versus)))
        return 1;
    if (score_line(ext, i, end))
        return 1;
    if (i > 2 && word_at(ext, i - 1, sent, "to") &&
        ext->toks[i - 2].kind == TOK_NUMBER && word_at(ext, i - 3, sent, dash))
        return 1; /* "makes it 4 - 1 to Everton" */
    return (end + 1 < ext->ntoks && ext->toks[end].kind == TOK_NUMBER &&
            word_at(ext, end + 1, sent, dash)) ||
           (i > 1 && ext->toks[i - 1].kind == TOK_NUMBER &&
            word_at(ext, i - 2, sent, dash));
}

int extract_sport_load(mosaic_extractor *ext)
{
    for (size_t i = 0; i < sizeof(lists) / sizeof(*lists); i++) {
        int rc = xtable_put_words(&ext->sport, lists[i].words,
                                  lists[i].bit);
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* 1 if a word of token i's sentence is about sport (a hash probe per
 * word: a list compared word by word cost a tenth of extraction). */
static int sport_sentence(const mosaic_extractor *ext, size_t i)
{
    uint32_t sent = ext->toks[i].sentence;
    size_t j = i;

    while (j > 0 && ext->toks[j - 1].sentence == sent)
        j--;
    for (; j < ext->ntoks && ext->toks[j].sentence == sent; j++) {
        const xtoken *t = &ext->toks[j];
        if (t->kind == TOK_WORD && in_list(ext, j, PL_SPORT))
            return 1;
    }
    return 0;
}

/* 1 if token j is capitalised, in sentence sent, and on the list. */
static int cap_word_at(const mosaic_extractor *ext, size_t j, uint32_t sent,
                       uint32_t list)
{
    return j < ext->ntoks &&
           (ext->toks[j].flags & (TOK_CAP | TOK_UPPER)) &&
           !(ext->toks[j].flags & TOK_HASHTAG) && in_list(ext, j, list) &&
           ext->toks[j].sentence == sent;
}

/* The team the place name on tokens [*first, *end) names, widened to the
 * club's whole name: 1 if it names one. */
static int team_name(mosaic_extractor *ext, size_t *first, size_t *end)
{
    size_t i = *first, n = 0;
    uint32_t sent = ext->toks[i].sentence;

    if (i > 0 && cap_word_at(ext, i - 1, sent, PL_CLUB_BEFORE)) {
        *first = i - 1;
        return 1;
    }
    if (names_a_team(ext, i, *end))
        return 1;
    while (cap_word_at(ext, *end + n, sent, PL_CLUB_AFTER))
        n++;
    if (in_list(ext, *end + n, PL_CLUB_NEXT) &&
        ext->toks[*end + n].sentence == sent) {
        *end += n;
        return 1;
    }
    if (after_place_prep(ext, i))
        return 0;
    if (!(word_at(ext, *end + n, sent, plural_verb) &&
          !(i > 0 && word_at(ext, i - 1, sent, "and & , the"))) &&
        !sport_sentence(ext, i))
        return 0;
    *end += n;
    return 1;
}

/* 1 if token t's word is a first name (the given-name list or NAME's). */
static int first_name(const mosaic_extractor *ext, const xtoken *t)
{
    return xtable_find_hashed(&ext->given, TOK_FOLD(ext, t), t->fold_len,
                              t->hash) ||
           xlexicon_find_hashed(&ext->names, TOK_FOLD(ext, t), t->fold_len,
                                t->hash);
}

/* 1 if the one-word place name at token i is the given name of a person
 * named by the capitalised word after it ("Paris Hilton", "Roy Hodgson"):
 * a given name, then a word that is no grammar word, no head of a
 * landmark or organisation and starts no place ("Sydney Harbour",
 * "Austin Texas" are places), unless "in", "from"... come before. */
static int given_name_of_person(mosaic_extractor *ext, size_t i, size_t end)
{
    const xtoken *t = &ext->toks[i], *n = t + 1;
    const xentry *e;

    if (end != i + 1 || end >= ext->ntoks || n->kind != TOK_WORD ||
        n->sentence != t->sentence || !(n->flags & TOK_CAP) ||
        ((n->flags | t->flags) & (TOK_HASHTAG | TOK_UPPER)) ||
        (n->roles & ~TRIG_UPPER) ||
        !first_name(ext, t))
        return 0;
    if ((i > 0 && ext->toks[i - 1].sentence == t->sentence &&
         in_list(ext, i - 1, PL_STRONG_PREP)) ||
        in_list(ext, end, PL_PLACE_AFTER))
        return 0;
    return !(extract_may_start(ext, n, FIRST_PLACES) &&
             extract_match(ext, &ext->places, end, 0, FIRST_PLACES, &e));
}

/* The name without spaces token t's word alone is, or NULL: looked up
 * once per word (most hashtags are one word). */
static const xentry *squashed_word(mosaic_extractor *ext, xtoken *t)
{
    xword *w = extract_word_of(ext, t);
    const xentry *e;

    if (w != NULL && w->first[FIRST_SQUASHED] != FIRST_UNKNOWN)
        return w->first[FIRST_SQUASHED] >= 0
                   ? &ext->squashed.e[w->first[FIRST_SQUASHED]]
                   : NULL;
    e = xlexicon_find_hashed(&ext->squashed, TOK_FOLD(ext, t), t->fold_len,
                             t->hash);
    if (w != NULL)
        w->first[FIRST_SQUASHED] =
            e ? (int32_t)(e - ext->squashed.e) : FIRST_NONE;
    return e;
}

/* A whole hashtag ("#hebdenbridge") against the names without spaces. */
static int hashtag_place(mosaic_extractor *ext, size_t i, size_t *end)
{
    char sq[SQUASH_MAX];
    size_t n = 0, last = ext->toks[i].tag_end;
    const xentry *e;

    for (size_t j = i; j < last; j++) {
        const xtoken *t = &ext->toks[j];
        if (n + t->fold_len + 1 > sizeof(sq))
            return 0;
        if (last > i + 1) /* (one word is looked up as it is) */
            memcpy(sq + n, TOK_FOLD(ext, t), t->fold_len);
        n += t->fold_len;
    }
    e = last == i + 1 ? squashed_word(ext, &ext->toks[i])
                      : xlexicon_find(&ext->squashed, sq, n);
    if (e == NULL)
        return 0;
    if ((e->flags & XE_PREP) ||
        ((e->flags & (XE_AMBIG | XE_WORD)) && !(ext->toks[i].flags & TOK_CAP)))
        return 0;
    *end = last;
    return extract_add(ext, ext->toks[i].start, ext->toks[last - 1].end,
                       "PLACE", XLEX_VALUE(&ext->squashed, e),
                       PRI_PLACE) < 0 ? -1 : 1;
}

/* 1 if the folded word f of n letters is a misspelt month ("Septmeber",
 * "Feburary"): a month's first three letters and last three. */
static int misspelt_month(const char *f, size_t n)
{
    static const char *const months[] = { "january", "february", "april",
                                          "august", "september", "october",
                                          "november", "december" };

    for (size_t m = 0; m < sizeof(months) / sizeof(*months); m++) {
        size_t k = strlen(months[m]);
        if (n >= 6 && n <= k + 2 && memcmp(f, months[m], 3) == 0 &&
            memcmp(f + n - 3, months[m] + k - 3, 3) == 0)
            return 1;
    }
    return 0;
}

/* 1 if token j may be a word of an unknown place's name: capitalised,
 * no grammar or trigger word; the first word also no common word, first
 * name or misspelt month ("Maida Vale": the second may be a word). */
static int unknown_name_word(mosaic_extractor *ext, size_t j, uint32_t sent,
                             int first)
{
    const xtoken *t = &ext->toks[j];

    if (j >= ext->ntoks || t->kind != TOK_WORD || t->sentence != sent ||
        !(t->flags & TOK_CAP) || (t->flags & (TOK_UPPER | TOK_HASHTAG)) ||
        (t->roles & ~TRIG_UPPER))
        return 0;
    return !first ||
          (!xtable_find_hashed(&ext->common, TOK_FOLD(ext, t), t->fold_len,
                               t->hash) &&
           !first_name(ext, t) &&
           !misspelt_month(TOK_FOLD(ext, t), t->fold_len));
}

/* 1 if token k is a person: a person word ("lad", "client") or the end
 * of a job, family or gender finding ("a retired midwife"). */
static int person_ends_at(const mosaic_extractor *ext, size_t k)
{
    return (ext->toks[k].roles & ROLE_PERSON) ||
           (ext->toks[k].flags & TOK_PERSON_END) ||
           (extract_people_at(ext, k) & WORD_PERSON);
}

/* 1 if token i is "of" after a settlement in small letters: "the
 * village of", "the municipality of" (not a title: "City of God"). */
static int after_settlement(const mosaic_extractor *ext, size_t i)
{
    static const char kinds[] = "village town city hamlet municipality "
                                "district region province county suburb "
                                "borough parish commune";
    const xtoken *t = &ext->toks[i], *k = t - 1;

    return t->fold_len == 2 && memcmp(TOK_FOLD(ext, t), "of", 2) == 0 &&
           k->sentence == t->sentence && k->kind == TOK_WORD &&
           !(k->flags & (TOK_CAP | TOK_UPPER)) &&
           extract_word_is(ext, i - 1, kinds);
}

/* Capitalised words no list knows right after "in", "at" or "near" ("a
 * client in Lochee"), "from" after a person ("a midwife from Hebden") or
 * "the village of" ("the village of Kowalewo"): a place the gazetteers
 * lack, weakly (any other finding of the same words wins).  Not in title
 * case ("Fall in Love"): the word before the preposition has a small
 * letter; not a title ("in Game of Thrones"), a reference ("in Rule
 * 52") or a short word ("in Out"). */
static int unknown_places(mosaic_extractor *ext)
{
    static const char preps[] = "in at near to from";
    size_t next = 1; /* the first preposition not in a place found */

    if (!(ext->post_roles & ROLE_PLACE_PREP) || ext->ntoks < 3)
        return 0;
    /* the name's first word, a capitalised word, is a name candidate
     * (extract_text.c's candidate()): only those are visited */
    for (size_t c = extract_next_cand(ext, 0, CAND_NAME); c < ext->ncands;
         c = extract_next_cand(ext, c + 1, CAND_NAME)) {
        size_t end = ext->cands[c].tok, i = end - 1; /* the preposition */
        const xtoken *p;
        uint32_t sent;
        if (end <= next)
            continue; /* at the start, or in a place found */
        p = &ext->toks[i];
        sent = p->sentence;
        /* cheap tests first: a capital after a preposition */
        if (!(p->roles & ROLE_PLACE_PREP) || p->fold_len > 4 ||
            (p[1].flags & (TOK_CAP | TOK_UPPER | TOK_HASHTAG)) != TOK_CAP ||
            !(extract_word_is(ext, i, preps) || after_settlement(ext, i)) ||
            !unknown_name_word(ext, i + 1, sent, 1))
            continue;
        if (ext->toks[i - 1].sentence == sent &&
            (ext->toks[i - 1].flags & (TOK_CAP | TOK_UPPER)) &&
            !(ext->toks[i - 1].flags & TOK_HASHTAG))
            continue;
        if (extract_word_is(ext, i, "to") &&
            !(ext->toks[i - 1].sentence == sent &&
              in_list(ext, i - 1, PL_MOTION)))
            continue;
        if (extract_word_is(ext, i, "from") &&
            !(ext->toks[i - 1].sentence == sent && person_ends_at(ext, i - 1)))
            continue;
        while (end - i < 3 && unknown_name_word(ext, end, sent, 0))
            end++;
        /* a title ("in Game of Thrones"), a reference ("in Rule 52") or
         * a short word ("in Out") */
        if (extract_word_is(ext, end, "of") || ext->toks[i + 1].fold_len < 4 ||
            (end < ext->ntoks && ext->toks[end].kind == TOK_NUMBER))
            continue;
        if (extract_add(ext, ext->toks[i + 1].start, ext->toks[end - 1].end,
                        "PLACE", NULL, PRI_WEAK) < 0)
            return -1;
        next = end;
    }
    return 0;
}

/* 1 if token j joins the names of a list in sentence sent: ",", "&",
 * "/", "and". */
static int list_joint(const mosaic_extractor *ext, size_t j, uint32_t sent)
{
    return j < ext->ntoks && ext->toks[j].sentence == sent &&
           extract_word_is(ext, j, ", & / and");
}

/* 1 if the list of capitalised names holding token i comes after a
 * place preposition ("at Barnham / Eastergate", "in Tugun & Coolangatta",
 * not "Chester & Aluko"). */
static int list_after_prep(const mosaic_extractor *ext, size_t i)
{
    uint32_t sent = ext->toks[i].sentence;

    while (i > 1 && list_joint(ext, i - 1, sent) &&
           (ext->toks[i - 2].flags & TOK_CAP) &&
           ext->toks[i - 2].sentence == sent)
        i -= 2;
    return after_place_prep(ext, i);
}

/* An unknown name in a list of places after a place preposition is a
 * place, weakly ("at Barnham / Eastergate , Arun", "in Glasgow
 * Anniesland , Cathcart & Shettleston"): one capitalised word no list
 * knows, each after a joint, going right from the place on tokens
 * [i, end) (and the words of its name after it), or the one before it
 * ("in Tugun & Coolangatta"). */
static int listed_places(mosaic_extractor *ext, size_t i, size_t end)
{
    uint32_t sent = ext->toks[i].sentence;

    if (!list_after_prep(ext, i))
        return 0;
    if (i > 1 && list_joint(ext, i - 1, sent) &&
        unknown_name_word(ext, i - 2, sent, 1) &&
        (i < 3 || !unknown_name_word(ext, i - 3, sent, 0)) &&
        extract_add(ext, ext->toks[i - 2].start, ext->toks[i - 2].end,
                    "PLACE", NULL, PRI_WEAK) < 0)
        return -1;
    for (size_t n = 0; n < 2 && unknown_name_word(ext, end, sent, 0); n++)
        end++;
    while (list_joint(ext, end, sent) &&
           unknown_name_word(ext, end + 1, sent, 1) &&
           !unknown_name_word(ext, end + 2, sent, 0)) {
        if (extract_add(ext, ext->toks[end + 1].start, ext->toks[end + 1].end,
                        "PLACE", NULL, PRI_WEAK) < 0)
            return -1;
        end += 2;
    }
    return 0;
}

int extract_places(mosaic_extractor *ext)
{
    size_t next = 0; /* past the last match */

    for (size_t c = extract_next_cand(ext, 0, CAND_PLACE); c < ext->ncands;
         c = extract_next_cand(ext, c + 1, CAND_PLACE)) {
        size_t i = ext->cands[c].tok, end = 0, first;
        const xentry *e;
        int rc;
        if (i < next || !extract_is_word(ext, i))
            continue;
        if (ext->toks[i].flags & TOK_TAG_FIRST) {
            if ((rc = hashtag_place(ext, i, &end)) < 0)
                return rc;
            if (rc > 0) {
                next = end;
                continue;
            }
        }
        /* without a capital, place_evidence says no to any match but
         * one lower_place allows */
        if (!(ext->toks[i].flags & (TOK_CAP | TOK_UPPER)) &&
            !lower_place(ext, i))
            continue;
        end = extract_may_start(ext, &ext->toks[i], FIRST_PLACES)
                  ? extract_match(ext, &ext->places, i, 0, FIRST_PLACES, &e)
                  : 0;
        if (end == 0 || !place_evidence(ext, i, e) ||
            after_given_name(ext, i) || given_name_of_person(ext, i, end))
            continue;
        first = i;
        if (team_name(ext, &first, &end))
            rc = extract_add(ext, ext->toks[first].start,
                             ext->toks[end - 1].end, "ORG", NULL, PRI_PLACE);
        else if ((rc = extract_add(ext, ext->toks[i].start,
                                   ext->toks[end - 1].end, "PLACE",
                                   XLEX_VALUE(&ext->places, e),
                                   PRI_PLACE)) == 0)
            rc = listed_places(ext, i, end);
        if (rc < 0)
            return rc;
        next = end;
    }
    return unknown_places(ext);
}
