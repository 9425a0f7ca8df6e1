/*
 * extract.h -- the extraction stage's private parts: the extractor, the
 * token stream of one post, candidate spans, and the recognisers that
 * add them (one extract_<kind>.c each).
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_EXTRACT_H
#define MOSAIC_EXTRACT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "extract_table.h"
#include "mosaic.h"
#include "regex.h"

struct sb_stemmer;
struct refimage;
struct refimage_buf;

/* Token kinds. */
enum { TOK_WORD, TOK_NUMBER, TOK_HANDLE, TOK_URL, TOK_EMAIL, TOK_HYPHEN,
       TOK_PUNCT, TOK_OTHER };

/* Token flags. */
#define TOK_CAP 0x01        /* first letter upper case */
#define TOK_UPPER 0x02      /* two or more letters, all upper case */
#define TOK_SENT_START 0x04 /* first token of a sentence */
#define TOK_HASHTAG 0x08    /* a word of a hashtag */
#define TOK_TAG_FIRST 0x10  /* the first word of a hashtag (starts at #) */
#define TOK_CUE 0x20        /* in a phrase that points at one client */
#define TOK_BACK 0x40       /* in a phrase that refers to an earlier post */
#define TOK_IN_CUE 0x80     /* inside a client-cue span (attribution) */
#define TOK_CUE_END 0x100   /* ends a client-cue phrase of the lexicon
                               ("someone I see"): a person before an age
                               or a name (extract_lexicons) */
#define TOK_PERSON_END 0x200 /* ends a job or family finding of the
                                lexicon ("a nurse", "a young carer") */
#define TOK_GENDER_END 0x400 /* ends a gender finding of the lexicon */

/* Word roles (extract_roles.c): grammar words and pattern triggers. */
#define ROLE_FIRST 0x1u       /* first person: I, my, we */
#define ROLE_THIRD 0x2u       /* she, he, they */
#define ROLE_TITLE 0x4u       /* Mr, Mrs, Dr */
#define ROLE_NAMER 0x8u       /* called, named */
#define ROLE_PLACE_PREP 0x10u /* in, from, near, at */
#define ROLE_ORG_HEAD 0x20u   /* school, hospital, council */
#define TRIG_DIGIT 0x40u      /* a token holding a digit */
#define TRIG_AT 0x80u         /* an @handle or e-mail */
#define TRIG_MONTH 0x100u
#define TRIG_WEEKDAY 0x200u
#define TRIG_RELDAY 0x400u
#define TRIG_AGO 0x800u
#define TRIG_UNIT 0x1000u
#define TRIG_HOLIDAY 0x2000u
#define TRIG_DURATION 0x4000u
#define TRIG_CLOCK 0x8000u
#define TRIG_MY 0x10000u
#define TRIG_SESSION 0x20000u
#define TRIG_MODALITY 0x40000u
#define TRIG_AGE 0x80000u
#define TRIG_AGE_WORD 0x100000u
#define TRIG_UPPER 0x200000u  /* a token with a capital letter */
#define ROLE_DET 0x400000u    /* the, a, this, that */
#define ROLE_TOLD 0x800000u   /* mentioned, posted, wrote */
#define ROLE_SEE 0x1000000u   /* see, work, support */
#define ROLE_AUX 0x2000000u   /* am, been, have: "I've been seeing" */
#define ROLE_PERSON 0x4000000u /* client, person, kid: a person noun */
#define ROLE_UPDATE 0x8000000u /* update, following */
#define TRIG_NUMWORD 0x10000000u /* one ... ninety */
#define TRIG_FOR 0x20000000u  /* for, over, nearly: a duration's first word */
#define TRIG_AGED 0x40000000u /* aged, turns, now ("is now"): before an age */
#define ROLE_LANDMARK_HEAD 0x80000000u /* street, park, bridge, tower */
/* Post-level triggers (bits 32 and up of extract_post_triggers()): a
 * pattern whose match needs two things runs only when both are there. */
#define TRIG_MONTH_DIGIT (1ull << 32) /* a month name and a digit */
#define TRIG_THIRD_NUM (1ull << 33)   /* she/he/they and a number */
#define TRIG_YEAR (1ull << 34)        /* a number 1900-2099 */
#define TRIG_DECADE (1ull << 35)      /* "twenties", "70s" */
/* From the bytes of a post with a digit (every match of the pattern
 * holds them, so without them it is not run): */
#define TRIG_UPPER_DIGIT (1ull << 36) /* \b[A-Z]{1,2}[0-9]: postcodes */
#define TRIG_DIGIT_SEP (1ull << 37)   /* [0-9][/.:][0-9]: dates, 14:30 */
#define TRIG_AMPM (1ull << 38)        /* a digit, then a/p in 2 bytes */
#define TRIG_PHONE (1ull << 39)       /* nine digits or more */
#define TRIG_SCHOOL_YEAR (1ull << 40) /* "Year", spaces, a digit, and an
                                         age word */
#define TRIG_SOMETHING (1ull << 41)   /* a word holding "something" */
#define TRIG_EMAIL (1ull << 42)       /* "x@y": '@' between address
                                         characters */
#define TRIG_YEAR_WORD (1ull << 43)   /* a year after a word and spaces
                                         ("in 2019") */
#define TRIG_BIRTHDAY (1ull << 44)    /* a word "birthday...", TRIG_AGE */
#define TRIG_MY_DIGIT (1ull << 45)    /* "my" and a digit */
#define TRIG_LONG_NUMBER (1ull << 46) /* five digits or more in a row, a
                                         space, '/' or '-' between two */
#define TRIG_ALWAYS 0u
/* The token triggers of the RX_NEAR_TRIGGER patterns: the tokens with
 * any of them are listed in ext->near, so a pattern visits only those. */
#define TRIG_NEAR_ANY                                                     \
    (TRIG_MONTH | TRIG_WEEKDAY | TRIG_RELDAY | TRIG_AGO | TRIG_UNIT |     \
     TRIG_HOLIDAY | TRIG_DURATION | TRIG_AGE_WORD | TRIG_AGE | TRIG_AGED | \
     TRIG_DIGIT | TRIG_MY | TRIG_AT | TRIG_MODALITY | TRIG_SESSION |      \
     ROLE_THIRD)

typedef struct {
    size_t start, end;  /* bytes in the cleaned text */
    uint32_t fold;      /* offset of the case-folded form in ext->folds */
    uint32_t fold_len;
    uint32_t stem;      /* an empty word's: offset of the stem in
                           ext->folds; UINT32_MAX until asked for (a
                           word's stem is kept with its xword) */
    uint32_t stem_len;
    uint32_t hash;      /* xtable_hash of the folded form */
    uint32_t stem_hash; /* of the stem, once asked for */
    uint32_t tag_end;   /* hashtag words: token index past the hashtag */
    uint32_t word;      /* 1 + its index in ext->words; 0 until asked */
    uint16_t kind, flags;
    uint32_t sentence;
    uint32_t roles;     /* ROLE_* and TRIG_* of the folded word */
} xtoken;

/* A token where a lexicon phrase, a place or a name may start: made
 * while tokenising from what is known of its word then, a superset of
 * the tokens each recogniser's own test lets through (a word known to
 * start no entry stays so), so the recognisers visit only these. */
#define CAND_LEXICON 0x1u
#define CAND_PLACE 0x2u
#define CAND_NAME 0x4u
typedef struct {
    uint32_t tok;  /* index in ext->toks */
    uint32_t what; /* CAND_* */
} xcand;

/* What is known of one distinct folded word, across posts: its stem and
 * whether it starts an entry of each lexicon (the tables never change,
 * so each is looked up once per word, not once per token). */
enum { FIRST_LEXICON, FIRST_PLACES, FIRST_NAMES, FIRST_SQUASHED, FIRST_N };
#define FIRST_UNKNOWN (-2) /* not looked up yet */
#define FIRST_NONE (-1)
#define WORD_INLINE 24 /* a word this long or shorter is kept in its record */
typedef struct {
    uint32_t stem;      /* offset in ext->word_arena; UINT32_MAX until
                           asked for */
    uint32_t stem_len, stem_hash;
    uint32_t roles;     /* ROLE_* and TRIG_* of the word (extract_roles_of) */
    int32_t first[FIRST_N]; /* entry of the word (stem for the lexicon)
                               alone, FIRST_NONE or FIRST_UNKNOWN */
    uint32_t trig_hi;   /* the post triggers any token of the word gives
                           (token_triggers, when it holds no digit), >> 32:
                           TRIG_SOMETHING, TRIG_BIRTHDAY, TRIG_DECADE */
    uint32_t len;       /* the folded word's bytes */
    char key[WORD_INLINE]; /* the folded word (no NUL), or when longer its
                              offset in ext->word_arena (a uint32_t) */
} xword;

/* The fold of a short token that is not ASCII (an emoji, a dash, "é"),
 * remembered by its bytes so utf8proc is asked once per distinct one. */
#define FOLD_MEMO 256 /* slots, direct-mapped */
typedef struct {
    uint32_t key;  /* the token's 1-4 bytes (never NUL), 0 when empty */
    uint8_t len;   /* of the fold */
    char fold[11];
} xfold_memo;
/* Which words' first three and four bytes (5 bits each) begin a word
 * of a table, a bit each. */
typedef struct {
    uint64_t three[(1u << 15) / 64];
    uint64_t four[(1u << 20) / 64];
} xstarts;

/* Two-word lookups remembered: (first word, second word, table) ->
 * entry or FIRST_NONE; direct-mapped, forgotten with the words.  65536
 * entries: the word pairs of a real history (tens of thousands of
 * words) mostly stay, where 4096 entries were evicted before their
 * reuse.  8 bytes each (512 KB, a lookup mostly met in the cache): the
 * slot holds the first word's low 16 bits, the tag the rest, so words
 * numbered below 2^20 are kept (all but those of a giant post). */
#define PAIR_BITS 16
#define PAIR_CACHE (1u << PAIR_BITS)
#define PAIR_WORD_BITS 20
typedef struct {
    uint32_t tag; /* 0: empty */
    int32_t entry;
} xpair;

/* Longer lookups remembered: (the entry of a phrase's first words, the
 * next word, table) -> the entry with it or FIRST_NONE, direct-mapped
 * and forgotten with the words as the pairs are ("a young person i ..."
 * is looked up word by word without building its key again). */
#define CONT_BITS 12
typedef struct {
    uint64_t tag; /* 0: empty */
    int32_t entry;
} xcont;

/* A candidate span, in bytes of the cleaned text. */
typedef struct {
    size_t start, end;
    const char *category; /* one of the public names, or an internal one */
    char value[48];       /* "" when none */
    int about;            /* -1: decided by attribution */
    int age_low, age_high;
    int priority;         /* wins overlaps of the same extent */
    unsigned kind;        /* SPAN_* bits, set by extract_add */
    size_t tok;           /* its first token (set by attribution) */
} xspan;

#define SPAN_CUE 0x1u      /* a client cue (incl. "my 4pm") */
#define SPAN_HYPO 0x2u
#define SPAN_AGG 0x4u
#define SPAN_BACK 0x8u
#define SPAN_INTERNAL 0x10u /* never output */
#define SPAN_GENDER 0x20u
#define SPAN_TIMING 0x40u   /* SESSION or TIME */

/* Internal (never output) kinds from the lexicons. */
#define CAT_CUE "CUE"           /* a client cue: "a client" */
#define CAT_AGGREGATE "CUE_AGG" /* clients in general: "many clients" */
#define CAT_HYPO "CUE_HYPO"     /* a hypothetical: "imagine a client" */
#define CAT_BACKREF "CUE_BACK"  /* "the client I mentioned" */
#define CAT_NOT "NOT" /* a phrase that is no finding: the shorter entries
                         inside it do not match ("in the police station") */

/* Priorities for overlap resolution (higher wins at the same extent). */
enum { PRI_WEAK = 1, PRI_LEXICON = 3, PRI_PATTERN = 5, PRI_DIRECT = 8 };
/* A gazetteer name with its evidence beats a lexicon word at the same
 * extent: "Pickering" is a town, not a "picker". */
#define PRI_PLACE (PRI_LEXICON + 1)

/* extract_word_is's memo of word lists: a list's address and a filter
 * of its words, bit (hash >> 24) of each word's xtable_hash set (all
 * bits when it holds an empty word).  WORDSETS slots, open
 * addressing by address; a list is a string literal or a static array,
 * so its address names its words for the extractor's life. */
#define WORDSETS 256
typedef struct {
    size_t n; /* slots used; at most WORDSETS / 2 */
    struct {
        const char *words; /* NULL: an empty slot */
        uint64_t bits[4];
    } slot[WORDSETS];
} xwordsets;

struct mosaic_extractor {
    /* reference data */
    xlexicon lexicon; /* stem sequences -> lexicon entries */
    xlexicon places;  /* folded word sequences -> gazetteer names */
    xlexicon squashed; /* names without spaces (#hashtags) */
    xlexicon names;   /* folded first names */
    xtable common;   /* folded common English words */
    xtable place_words; /* place names that are also English words */
    xtable tense;       /* words that tell a sentence's time */
    xtable people;      /* person and kin words: WORD_PERSON, WORD_KIN */
    xtable sport;       /* words of a sentence about sport (a place
                           named there is a team) and extract_place.c's
                           other long word lists, a bit each */
    uint64_t data_print; /* the reference data's fingerprint: FNV-1a
                            over the lines loaded (extract_load.c) */
    xtable given;       /* given names: a place right after one is a
                           surname ("Clint Eastwood") */
    xtable roles;    /* grammar and trigger words -> ROLE_*|TRIG_* */
    struct sb_stemmer *stemmer;
    struct sb_stemmer *stemmer_ascii; /* the same English stemmer for
                                         ISO-8859-1: on ASCII words it
                                         gives the same stems, faster */
    struct extract_patterns *patterns;
    struct refimage *image; /* the tables above are mapped from it */

    /* per-post working memory, reused */
    char *clean;
    size_t clean_len, clean_cap;
    int clean_ascii; /* every byte < 0x80: code points are bytes */
    xtoken *toks;
    size_t ntoks, toks_cap;
    size_t toks_room; /* tokens toks, near and cands all have room for */
    uint32_t tense_sentence; /* 1 + the sentence tense_known is of; 0 */
    int tense_known;
    uint32_t *near;  /* indices of the tokens with a TRIG_NEAR_ANY role */
    size_t nnear, near_cap;
    uint32_t *by_role; /* the same per role bit: role_n[b] tokens with
                          bit b from by_role[role_at[b]] */
    size_t by_role_cap;
    uint32_t role_at[32], role_n[32];
    uint32_t roles_listed; /* the bits of the tokens listed */
    xcand *cands;    /* the tokens a phrase, place or name may start at */
    size_t ncands, cands_cap;
    char *folds;
    size_t folds_len, folds_cap;
    int32_t *cps;
    size_t cps_cap;
    xfold_memo fold_memo[FOLD_MEMO];
    xspan *spans;
    size_t nspans, spans_cap;
    mosaic_span *out;
    size_t out_cap;
    char *strings;
    size_t strings_cap;
    /* folded word -> index in words, across posts (bounded): open
     * addressing, each slot the word's hash << 32 | 1 + its index (0:
     * empty), so a lookup reads the slot and the word's record only */
    uint64_t *memo;
    size_t memo_slots;
    xword *words;
    size_t nwords, words_cap;
    char *word_arena; /* stems and words longer than WORD_INLINE */
    size_t word_arena_len, word_arena_cap;
    xpair pairs[PAIR_CACHE];
    xcont conts[1u << CONT_BITS];
    /* the first three and four bytes of the lexicon's first words and
     * of its later words (see extract_lexicon_starts): a word without
     * them is not stemmed to start or go on with a phrase */
    xstarts lexicon_first, lexicon_later;
    xwordsets *wordsets; /* see extract_word_is; a pointer, so writable
                            through a const extractor */
    size_t invalid;
    uint32_t tok_sentence; /* tokenising: the current sentence */
    int tok_brk;           /* tokenising: the next token opens one */
    size_t spaced_at;      /* 1 + the first token "@" before a space
                              ("@ X"), or 0 */
    uint32_t post_roles; /* the OR of every token's roles */
    uint64_t post_trig;  /* post_roles and the post-level TRIG_* bits */
    char anchor_text[40]; /* created_at of the last post, to reuse */
    int have_anchor;
    int64_t anchor_day; /* days since 1970-01-01 of created_at */
    int anchor_y, anchor_m, anchor_d; /* its date, for the date patterns */
    int exhaustive; /* tests: every pattern at every token, no triggers */
    int stem_all;   /* tests: every word stemmed, no stem filters */
    mosaic_extraction result;
};

/* extract_text.c: clean, tokenise and fold one post. */
int extract_clean(mosaic_extractor *ext, const char *text, size_t len);
int extract_tokenise(mosaic_extractor *ext);
/* The folded form of a token (NUL-terminated). */
#define TOK_FOLD(ext, t) ((ext)->folds + (t)->fold)
/* What is known of a token's folded word (made on first use); NULL on
 * failure. */
xword *extract_word(mosaic_extractor *ext, xtoken *t);
/* Forget the words remembered and their stems, keeping the memory;
 * extract_memo_free at close. */
void extract_memo_clear(mosaic_extractor *ext);
void extract_memo_free(mosaic_extractor *ext);
/* The tokens of this post with the role bit `bit` (a TRIG_NEAR_ANY bit),
 * as extract_index_near listed them: *n of them, and NULL when none (no
 * arithmetic on a list no post has made yet). */
static inline const uint32_t *extract_role_list(const mosaic_extractor *ext,
                                                uint32_t bit, uint32_t *n)
{
    int b = __builtin_ctz(bit);

    *n = ext->roles_listed & bit ? ext->role_n[b] : 0; /* else an earlier
                                                          post's count */
    return *n ? ext->by_role + ext->role_at[b] : NULL;
}

/* The same without a call for a token whose word is known. */
static inline xword *extract_word_of(mosaic_extractor *ext, xtoken *t)
{
    return t->word ? &ext->words[t->word - 1] : extract_word(ext, t);
}
/* The form (XE_FORM_MASK bits) a lexicon phrase just keyed by extract_phrase_key
 * asks of its last word ("accountant": an agent noun). */
int extract_entry_form(mosaic_extractor *ext);
/* The stem of a word token (computed on first use); NULL on failure. */
const char *extract_stem_made(mosaic_extractor *ext, xtoken *t,
                              size_t *len);
/* The same without a call for a token whose word has its stem (a token
 * with a word has a fold: extract_stem_made reads the same). */
static inline const char *extract_stem(mosaic_extractor *ext, xtoken *t,
                                       size_t *len)
{
    const xword *w = t->word ? &ext->words[t->word - 1] : NULL;

    if (w == NULL || w->stem == UINT32_MAX)
        return extract_stem_made(ext, t, len);
    t->stem_len = w->stem_len;
    t->stem_hash = w->stem_hash;
    *len = w->stem_len;
    return ext->word_arena + w->stem;
}
/* Fold a phrase the way tokens are folded, word by word, into out
 * (words joined by one space); stems instead when stem is set. */
int extract_phrase_key(mosaic_extractor *ext, const char *phrase, int stem,
                       char *out, size_t size, int *nwords);
/* Split a hashtag body ("HebdenBridge") into word boundaries; returns
 * the number of words, their byte lengths in lens[]. */
size_t extract_hashtag_split(const char *s, size_t len, size_t *lens,
                             size_t max);

/* extract.c: add a candidate span (copies value, may be NULL). */
int extract_add(mosaic_extractor *ext, size_t start, size_t end,
                const char *category, const char *value, int priority);
/* The last span added (to set ages or about). */
#define EXTRACT_LAST(ext) (&(ext)->spans[(ext)->nspans - 1])
/* The index of the token holding byte offset `at`, or ntoks. */
size_t extract_token_at(const mosaic_extractor *ext, size_t at);

/* The time the sentence holding byte `at` tells of (extract_tense.c),
 * remembered for the post's other dates in that sentence; its words
 * into ext->tense at open. */
enum { TENSE_UNKNOWN, TENSE_PAST, TENSE_FUTURE };
int extract_tense_at(mosaic_extractor *ext, size_t at);
int extract_tense_load(mosaic_extractor *ext);

/* extract_pattern.c: list the trigger words of the post by role, for
 * the patterns that run near them (after tokenising). */
int extract_index_near(mosaic_extractor *ext);

/* Recognisers: each adds its candidate spans for the current post. */
int extract_patterns_new(struct extract_patterns **out);
void extract_patterns_free(struct extract_patterns *p);
int extract_dates(mosaic_extractor *ext);
int extract_times(mosaic_extractor *ext);
int extract_ages(mosaic_extractor *ext);
int extract_contacts(mosaic_extractor *ext);
int extract_only_one(mosaic_extractor *ext); /* extract_only.c */
int extract_apposed_ages(mosaic_extractor *ext); /* extract_age.c */
int extract_lexicons(mosaic_extractor *ext);
int extract_places(mosaic_extractor *ext);
/* The sport words and the other place word lists into ext->sport (at
 * open). */
int extract_sport_load(mosaic_extractor *ext);
int extract_names(mosaic_extractor *ext);
int extract_orgs(mosaic_extractor *ext);

/* extract_lexicon.c: the longest phrase of lx starting at token i, keyed
 * by stems (by_stem) or folded words; returns the token index past the
 * match (0 when none) and the entry in *ent. */
size_t extract_match_at(mosaic_extractor *ext, const xlexicon *lx, size_t i,
                        int by_stem, const xentry **ent);
/* Note the first bytes of the lexicon's first words (at open). */
void extract_lexicon_starts(mosaic_extractor *ext);
/* 0 when token t's word is known to start no entry of the table whose
 * remembered first entries are xword.first[slot] (FIRST_*): no need to
 * call extract_match_at. */
static inline int extract_may_start(const mosaic_extractor *ext,
                                    const xtoken *t, int slot)
{
    return t->word == 0 || ext->words[t->word - 1].first[slot] != FIRST_NONE;
}
/* The next word token after i in the same phrase: hyphens are skipped,
 * anything else (punctuation, a sentence end, leaving a hashtag) stops;
 * ntoks when none. */
static inline size_t extract_next_word(const mosaic_extractor *ext,
                                       size_t i)
{
    const xtoken *a = &ext->toks[i];
    size_t j = i + 1;
    unsigned k;

    if (j < ext->ntoks && ext->toks[j].kind == TOK_HYPHEN &&
        ext->toks[j].start == a->end)
        j++;
    if (j >= ext->ntoks ||
        ((k = ext->toks[j].kind) != TOK_WORD && k != TOK_NUMBER))
        return ext->ntoks;
    if (ext->toks[j].sentence != a->sentence ||
        ((ext->toks[j].flags ^ a->flags) & TOK_HASHTAG) ||
        (ext->toks[j].flags & TOK_TAG_FIRST))
        return ext->ntoks;
    return j;
}

/* The remembered two-word lookup of tokens a, b (both with their word
 * known) in table slot: its place in ext->pairs and its tag there (never
 * 0), or NULL when the words are numbered too high to be kept. */
static inline xpair *extract_pair(mosaic_extractor *ext, const xtoken *a,
                                  const xtoken *b, int slot, int by_stem,
                                  uint32_t *tag)
{
    uint32_t fl = (uint32_t)(by_stem && b->kind == TOK_WORD) << 2 |
                  (uint32_t)slot;

    if ((a->word | b->word) >> PAIR_WORD_BITS)
        return NULL;
    *tag = b->word | fl << PAIR_WORD_BITS | (a->word >> PAIR_BITS)
                                                << (PAIR_WORD_BITS + 3);
    return &ext->pairs[(a->word ^ (((b->word << 3 | fl) * 0x9E3779B1u) >>
                                   (32 - PAIR_BITS))) &
                       (PAIR_CACHE - 1)];
}

/* extract_match_at without the call when token i's word answers alone:
 * its first entry in slot (the FIRST_* extract_match_at would use for
 * lx) is known, and no longer phrase continues it, or the next word is
 * none or is remembered to make no entry with it. */
static inline size_t extract_match(mosaic_extractor *ext, const xlexicon *lx,
                                   size_t i, int by_stem, int slot,
                                   const xentry **ent)
{
    const xtoken *t = &ext->toks[i];

    if (t->word != 0 && (!by_stem || t->kind == TOK_WORD)) {
        int32_t f = ext->words[t->word - 1].first[slot];
        int alone = 0;
        if (f == FIRST_NONE) {
            *ent = NULL;
            return 0;
        }
        if (f >= 0 && !(lx->e[f].flags & XE_PREFIX)) {
            alone = 1;
        } else if (f >= 0) {
            size_t j = extract_next_word(ext, i);
            const xpair *p;
            uint32_t tag;
            if (j == ext->ntoks) {
                alone = 1;
            } else if (ext->toks[j].word != 0 &&
                       (p = extract_pair(ext, t, &ext->toks[j], slot,
                                         by_stem, &tag)) != NULL) {
                alone = p->tag == tag && p->entry == FIRST_NONE;
            }
        }
        if (alone) {
            *ent = lx->e[f].flags & XE_FULL ? &lx->e[f] : NULL;
            return *ent ? i + 1 : 0;
        }
    }
    return extract_match_at(ext, lx, i, by_stem, ent);
}
/* strncasecmp(s, lit, n) == 0 without the call (the C locale's case:
 * ASCII letters only). */
static inline int extract_iprefix(const char *s, const char *lit, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned a = (unsigned char)s[i], b = (unsigned char)lit[i];
        if ((a - 'A' < 26 ? a | 0x20 : a) != (b - 'A' < 26 ? b | 0x20 : b))
            return 0;
        if (a == 0)
            return 1;
    }
    return 1;
}

/* The filter of words (a list with static storage) for extract_word_is,
 * made on its first use (all bits if the memo is full). */
const uint64_t *extract_wordset_add(const mosaic_extractor *ext,
                                    const char *words);
static inline const uint64_t *extract_wordset(const mosaic_extractor *ext,
                                              const char *words)
{
    size_t i = (size_t)(((uint64_t)(uintptr_t)words *
                         0x9E3779B97F4A7C15u) >> 56) & (WORDSETS - 1);

    for (;; i = (i + 1) & (WORDSETS - 1)) {
        if (ext->wordsets->slot[i].words == words)
            return ext->wordsets->slot[i].bits;
        if (ext->wordsets->slot[i].words == NULL)
            return extract_wordset_add(ext, words);
    }
}

/* 1 if token k's folded word is one of words (space-separated): "v vs";
 * words must be a literal or a static array (its address keys a memo).
 * Almost every call answers no, and scanning the list byte by byte for
 * that cost ~100 instructions a call: the list's filter of its words'
 * hashes (memoised by address) rejects most tokens with one probe and
 * the token's own hash (xtable_hash of its fold, as every table lookup
 * assumes); the rest compare each listed word as it is walked. */
static inline int extract_word_is(const mosaic_extractor *ext, size_t k,
                                  const char *words)
{
    const char *f;
    size_t n;
    uint32_t h;

    if (k >= ext->ntoks)
        return 0;
    h = ext->toks[k].hash >> 24;
    if (!(extract_wordset(ext, words)[h >> 6] >> (h & 63) & 1))
        return 0;
    f = TOK_FOLD(ext, &ext->toks[k]);
    n = ext->toks[k].fold_len;
    for (const char *w = words; *w;) {
        size_t i = 0;
        while (i < n && w[i] == f[i] && w[i] != ' ' && w[i] != '\0')
            i++;
        if (i == n && (w[i] == ' ' || w[i] == '\0'))
            return 1;
        while (w[i] != ' ' && w[i] != '\0')
            i++;
        w += i + (w[i] == ' ');
    }
    return 0;
}

/* 1 if token i, a word in lower case, may still start a place name:
 * right after "in", "from", "near"... in its sentence, and neither a
 * determiner ("in the") nor in a hashtag ("moved to leeds"). */
static inline int extract_lower_place(const mosaic_extractor *ext, size_t i)
{
    const xtoken *t = &ext->toks[i], *p = t - 1;

    return i > 0 && p->sentence == t->sentence &&
           (p->roles & ROLE_PLACE_PREP) &&
           !(t->roles & ROLE_DET) && !(t->flags & TOK_HASHTAG);
}

/* The first candidate from c on with any of the CAND_* bits what, or
 * ncands: a tight loop, for a recogniser whose candidates are few. */
static inline size_t extract_next_cand(const mosaic_extractor *ext, size_t c,
                                       uint32_t what)
{
    while (c < ext->ncands && !(ext->cands[c].what & what))
        c++;
    return c;
}

/* 1 if token i is a word (or number) a phrase may use. */
static inline int extract_is_word(const mosaic_extractor *ext, size_t i)
{
    unsigned k = ext->toks[i].kind;

    return k == TOK_WORD || k == TOK_NUMBER;
}

/* extract_roles.c */
int extract_roles_load(mosaic_extractor *ext);
/* Words for a person ("lad", "gentleman", "widow": what an age or a
 * place may follow) and for a relative ("mum", "kids"), into
 * ext->people at open; extract_people_at says which token k's word is. */
#define WORD_PERSON 0x1u
#define WORD_KIN 0x2u
int extract_people_load(mosaic_extractor *ext);
static inline unsigned extract_people_at(const mosaic_extractor *ext,
                                         size_t k)
{
    const xtoken *t;
    const xslot *s;

    if (k >= ext->ntoks || (t = &ext->toks[k])->kind != TOK_WORD)
        return 0;
    s = xtable_find_hashed(&ext->people, TOK_FOLD(ext, t), t->fold_len,
                           t->hash);
    return s ? s->val : 0;
}
/* The word a folded word unknown to the roles was meant to be, when it
 * is a slip of the keys one edit from "client(s)" ("cleint", "cliennts",
 * not the name "Clint"), or NULL. */
const char *extract_misspelt(const char *w, size_t n);
uint32_t extract_roles_of(const mosaic_extractor *ext, const char *w,
                          size_t n, uint32_t hash);

/* extract_load.c: the reference data; its fingerprint in ext->data_print
 * (the same from the sources and from the image made of them). */
int extract_load(mosaic_extractor *ext, const char *dir);
uint64_t extract_data_print(const mosaic_extractor *ext);

/* extract.c: open with the reference data of data_dir (NULL: found),
 * parsed from the sources when `parse` is set, else from the reference
 * image when it is there and fresh (refimage.h). */
int extract_open(mosaic_extractor **out, const char *data_dir, int parse);

/* extract_image.c: the tables as a section of the reference image. */
int extract_image_save(const mosaic_extractor *ext, struct refimage_buf *b);
int extract_image_load(mosaic_extractor *ext, struct refimage *im);

/* The span holding byte `at` once spans are settled (sorted, disjoint),
 * or NULL. */
const xspan *extract_span_at(const mosaic_extractor *ext, size_t at);

/* extract_cues.c: mark the tokens of phrases that point at one client
 * ("the midwife I mentioned", "the lad I see", "update on the nurse");
 * 1 if it marked any. */
int extract_phrase_cues(mosaic_extractor *ext);

/* extract_about.c: post-level cues and who each span describes. */
void extract_attribute(mosaic_extractor *ext);

/* extract_date.c helpers, also used by tests through the engine. */
void date_civil_from_days(int64_t z, int *y, int *m, int *d);
int date_weekday(int64_t day); /* 0 = Monday ... 6 = Sunday */
int64_t date_easter(int year);

#endif
