/*
 * extract_lexicon.c -- the lexicon categories (occupations, family, life
 * events, health, religion, ethnicity, nationality, language, sexuality,
 * gender, distinctive traits, organisations) and client cues, matched as
 * the longest phrase of Snowball stems ("widowed" meets "widow"), where
 * the last word's form agrees ("accountant" does not meet "account").
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "error.h"
#include "extract.h"

#define PHRASE_WORDS_MAX 8
#define PHRASE_KEY_MAX 512

/* Which of the word's remembered first entries (xword.first) a search
 * of lx from token t uses, or -1 when none is kept for it. */
static int first_slot(const mosaic_extractor *ext, const xlexicon *lx,
                      const xtoken *t, int by_stem)
{
    if (t->fold_len == 0)
        return -1;
    if (lx == &ext->lexicon)
        return by_stem && t->kind == TOK_WORD ? FIRST_LEXICON : -1;
    if (by_stem)
        return -1;
    return lx == &ext->places ? FIRST_PLACES
           : lx == &ext->names ? FIRST_NAMES : -1;
}

/* The remembered two-word lookup of tokens a, b in table slot, or NULL
 * when it cannot be kept (b has no word). */
static xpair *pair_of(mosaic_extractor *ext, const xtoken *a, xtoken *b,
                      int slot, int by_stem)
{
    uint32_t tag;
    xpair *p;

    if (b->fold_len == 0 || extract_word_of(ext, b) == NULL ||
        (p = extract_pair(ext, a, b, slot, by_stem, &tag)) == NULL)
        return NULL;
    if (p->tag != tag) {
        p->tag = tag;
        p->entry = FIRST_UNKNOWN;
    }
    return p;
}

/* The remembered lookup of entry `prev` (of table slot) followed by
 * token b, or NULL when it cannot be kept (b has no word). */
static xcont *cont_of(mosaic_extractor *ext, int32_t prev, xtoken *b,
                      int slot, int by_stem)
{
    uint64_t tag;
    xcont *c;

    if (b->fold_len == 0 || extract_word_of(ext, b) == NULL ||
        (b->word >> 28) != 0)
        return NULL;
    tag = (uint64_t)(uint32_t)prev << 32 | (uint64_t)b->word << 4 |
          (uint64_t)(by_stem && b->kind == TOK_WORD) << 3 | (uint64_t)slot;
    c = &ext->conts[(tag * 0x9E3779B97F4A7C15ull) >> (64 - CONT_BITS)];
    if (c->tag != tag) {
        c->tag = tag;
        c->entry = FIRST_UNKNOWN;
    }
    return c;
}

/* Append token t's key (its stem when by_stem and a word, else its
 * folded form) to the phrase key; 0, or -1 when it does not fit. */
static int key_add(mosaic_extractor *ext, xtoken *t, int by_stem, char *key,
                   size_t *klen, uint32_t *h)
{
    const char *k = TOK_FOLD(ext, t);
    size_t kl = t->fold_len;
    uint32_t wh = t->hash; /* the word's own hash, for a first word */

    if (by_stem && t->kind == TOK_WORD) {
        if ((k = extract_stem(ext, t, &kl)) == NULL)
            return -1;
        wh = t->stem_hash;
    }
    if (*klen + kl + 2 > PHRASE_KEY_MAX)
        return -1;
    if (*klen == 0) {
        memcpy(key, k, kl);
        *klen = kl;
        *h = wh;
        return 0;
    }
    /* a later word: copied and hashed in one pass, without a call */
    key[(*klen)++] = ' ';
    *h = XTABLE_HASH_STEP(*h, ' ');
    for (size_t i = 0; i < kl; i++) {
        key[*klen + i] = k[i];
        *h = XTABLE_HASH_STEP(*h, (unsigned char)k[i]);
    }
    *klen += kl;
    return 0;
}

/* The bit of the first n bytes of b in an xstarts filter. */
static unsigned start_bit(const unsigned char *b, size_t n)
{
    unsigned x = 0;

    for (size_t i = 0; i < n; i++)
        x = x << 5 | (b[i] & 31u);
    return x;
}

static int start_is(const uint64_t *bits, unsigned x)
{
    return bits[x / 64] >> x % 64 & 1;
}

/* Mark the words whose first n bytes start with the m bytes k (m <= n). */
static void starts_range(uint64_t *bits, size_t n, const unsigned char *k,
                         size_t m)
{
    unsigned count = 1u << 5 * (n - m); /* 1, 32, 1024 ... bits, aligned */
    unsigned x = start_bit(k, m) << 5 * (n - m);

    if (count < 64)
        bits[x / 64] |= ((1ull << count) - 1) << x % 64;
    else
        memset(bits + x / 64, 0xFF, count / 8);
}

/* Mark the first n bytes of a word of w bytes (a stem); a shorter
 * word's followed by the bytes a word that stems to it can have next: an
 * apostrophe ("a's"), an ending dropped ("-ed", "-ing", "-s", "-ied",
 * "-li", "-ful", "-ness"; "-ed" after an 'e' added: "ated" is "ate"), a
 * doubled letter undone ("abb-ing") or, for "idly", a 'y'. */
static void starts_mark(uint64_t *bits, size_t n, const unsigned char *k,
                        size_t w)
{
    unsigned char next[4];
    const char *after = w == 1 ? "'ei" : w == 2 ? "'defilns" : "'defilnsy";

    if (w >= n) {
        starts_range(bits, n, k, n);
        return;
    }
    memcpy(next, k, w);
    for (const char *c = after; *c; c++) {
        next[w] = (unsigned char)*c;
        starts_range(bits, n, next, w + 1);
    }
    if (w > 1) { /* the doubled letter */
        next[w] = k[w - 1];
        starts_range(bits, n, next, w + 1);
    }
}

void extract_lexicon_starts(mosaic_extractor *ext)
{
    const xtable *t = &ext->lexicon.keys;

    memset(&ext->lexicon_first, 0, sizeof(ext->lexicon_first));
    memset(&ext->lexicon_later, 0, sizeof(ext->lexicon_later));
    for (size_t i = 0; i < t->nslots; i++) {
        const unsigned char *k =
            (const unsigned char *)t->arena + t->slots[i].key;
        size_t len = t->slots[i].klen;
        for (size_t at = 0, w; at < len; at += w + 1) {
            xstarts *st = at ? &ext->lexicon_later : &ext->lexicon_first;
            for (w = 0; at + w < len && k[at + w] != ' '; w++)
                ;
            if (w == 0)
                continue; /* (no empty word in a key) */
            starts_mark(st->three, 3, k + at, w);
            starts_mark(st->four, 4, k + at, w);
        }
    }
}

/* The bytes a stem may have where its word has c, at the third (at 2)
 * or fourth byte: Snowball English changes a word from its third letter
 * on only to an 'i' or 'y' there: 'i' to 'e' ("icing": "ice"), to 'y'
 * ("skies": "sky") or to 'l' ("abilities": "abl"), 'y' to 'i' ("cry":
 * "cri"); else it keeps c or ends before it. */
static const char *stem_bytes(unsigned char c, int at, char *one)
{
    if (c == 'i')
        return at == 2 ? "iey" : "iel";
    if (c == 'y')
        return "yi";
    one[0] = (char)c;
    one[1] = '\0';
    return one;
}

/* 0 when the stem of word t's fold cannot be a word of st: its first
 * three and four bytes are the fold's, but for the changes stem_bytes
 * allows, or it is shorter and the fold's start (all but a second 'y',
 * "dying": "die", and a leading apostrophe, which are let through). */
static int may_stem_to(const xstarts *st, const xtoken *t, const char *fold)
{
    const unsigned char *f = (const unsigned char *)fold;
    size_t n = t->fold_len;
    char one2[2], one3[2];
    const char *third, *fourth;
    unsigned x;
    int may = 0;

    if (n < 3 || f[0] == '\'' || f[1] == 'y')
        return 1;
    third = stem_bytes(f[2], 2, one2);
    for (const char *c = third; *c && !may; c++)
        may = start_is(st->three, start_bit(f, 2) << 5 | (*c & 31u));
    if (!may || n < 4)
        return may;
    fourth = stem_bytes(f[3], 3, one3);
    for (const char *c = third; *c; c++) {
        x = (start_bit(f, 2) << 5 | (*c & 31u)) << 5;
        for (const char *d = fourth; *d; d++)
            if (start_is(st->four, x | (*d & 31u)))
                return 1;
    }
    return 0;
}

/* 0 when word token t, its stem not yet made, cannot be a word of st
 * (a slip of the keys has the stem of the word meant already); always 1
 * for the reference the filters must not change (ext->stem_all). */
static int may_be_word(mosaic_extractor *ext, const xstarts *st, xtoken *t)
{
    const xword *w;

    if (ext->stem_all || t->kind != TOK_WORD || t->fold_len == 0 ||
        (w = extract_word_of(ext, t)) == NULL || w->stem != UINT32_MAX)
        return 1;
    return may_stem_to(st, t, TOK_FOLD(ext, t));
}

size_t extract_match_at(mosaic_extractor *ext, const xlexicon *lx, size_t i,
                        int by_stem, const xentry **ent)
{
    char key[PHRASE_KEY_MAX];
    size_t klen = 0, best = 0, j = i, toks[PHRASE_WORDS_MAX], built = 0;
    uint32_t h = XTABLE_HASH_INIT;
    int slot = first_slot(ext, lx, &ext->toks[i], by_stem);
    int32_t prev = FIRST_NONE; /* the entry of the words before j */
    xword *word = NULL;

    *ent = NULL;
    if (slot >= 0 &&
        (word = extract_word_of(ext, &ext->toks[i])) != NULL &&
        word->first[slot] == FIRST_NONE)
        return 0; /* the word starts no entry */
    if (slot == FIRST_LEXICON && word != NULL &&
        word->first[slot] == FIRST_UNKNOWN &&
        !may_be_word(ext, &ext->lexicon_first, &ext->toks[i])) {
        word->first[slot] = FIRST_NONE; /* known without the stem */
        return 0;
    }
    for (int w = 0; w < PHRASE_WORDS_MAX && j < ext->ntoks; w++) {
        const xentry *e = NULL;
        xpair *pair = NULL;
        xcont *cont = NULL;
        int32_t known = FIRST_UNKNOWN;
        toks[w] = j;
        /* the first word alone, the first two, and each longer phrase
         * from the one before are remembered */
        if (w == 0 && word != NULL) {
            known = word->first[slot];
        } else if (w == 1 && word != NULL &&
                   (pair = pair_of(ext, &ext->toks[i], &ext->toks[j], slot,
                                   by_stem)) != NULL) {
            known = pair->entry;
        } else if (w > 1 && word != NULL &&
                   (cont = cont_of(ext, prev, &ext->toks[j], slot,
                                   by_stem)) != NULL) {
            known = cont->entry;
        }
        if (known == FIRST_NONE)
            break;
        if (known >= 0) {
            e = &lx->e[known];
        } else {
            /* the key is built only when a lookup needs it, and a word
             * is not stemmed when no phrase goes on with it */
            if (w > 0 && lx == &ext->lexicon && by_stem &&
                !may_be_word(ext, &ext->lexicon_later, &ext->toks[j])) {
                if (pair != NULL)
                    pair->entry = FIRST_NONE;
                if (cont != NULL)
                    cont->entry = FIRST_NONE;
                break;
            }
            for (; built <= (size_t)w; built++)
                if (key_add(ext, &ext->toks[toks[built]], by_stem, key,
                            &klen, &h) < 0)
                    return best;
            e = xlexicon_find_hashed(lx, key, klen, h);
            if (w == 0 && word != NULL) /* (no word was added since) */
                word->first[slot] = e ? (int32_t)(e - lx->e) : FIRST_NONE;
            if (pair != NULL)
                pair->entry = e ? (int32_t)(e - lx->e) : FIRST_NONE;
            if (cont != NULL)
                cont->entry = e ? (int32_t)(e - lx->e) : FIRST_NONE;
            if (e == NULL)
                break;
        }
        prev = (int32_t)(e - lx->e);
        if (e->flags & XE_FULL) {
            *ent = e;
            best = j + 1;
        }
        if (!(e->flags & XE_PREFIX))
            break;
        j = extract_next_word(ext, j);
    }
    return best;
}

/* What an entry's last word asks of a word with the same stem: any
 * form; a base form ("director", "author") is not met by a derived word
 * ("directorate", "authority"); an agent noun keeps its ending
 * ("accountants", "composer": not "account", "composed"). */
enum { FORM_ANY, FORM_BASE, FORM_AGENT };

static const char *const base_endings[] = { "", "e", "s", "es", NULL };
static const char *const derived_endings[] = {
    "ity", "ities", "ate", "ates", "ation", "ations", "ion", "ions",
    "ment", "ments", NULL,
};
static const char *const agent_endings[] = {
    "er", "ers", "ler", "ator", "ant", "ants", "eer", "or", "ors", "ist",
    "ists", "ent", "ate", NULL,
};

/* The index of the ending in list, or -1. */
static int ending_in(const char *const *list, const char *rest, size_t len)
{
    unsigned first = len ? (unsigned char)rest[0] : 0;

    for (int k = 0; list[k]; k++) { /* (a fold holds no NUL) */
        size_t i = 0;
        if ((unsigned char)list[k][0] != first)
            continue; /* (most endings: no loop) */
        while (i < len && list[k][i] == rest[i])
            i++;
        if (i == len && list[k][len] == '\0')
            return k;
    }
    return -1;
}

/* Word t's ending after its stem in *rest; 0 when the stem is not a
 * prefix of the word ("happi" of "happy"), so nothing can be said. */
static int ending_of(mosaic_extractor *ext, xtoken *t, const char **rest,
                     size_t *len)
{
    const char *stem;
    size_t sl;

    if (t->kind != TOK_WORD || (stem = extract_stem(ext, t, &sl)) == NULL ||
        t->fold_len < sl || memcmp(TOK_FOLD(ext, t), stem, sl) != 0)
        return 0;
    *rest = TOK_FOLD(ext, t) + sl;
    *len = t->fold_len - sl;
    return 1;
}

int extract_entry_form(mosaic_extractor *ext)
{
    const char *rest;
    size_t len;
    int k;

    for (size_t i = ext->ntoks; i-- > 0;) {
        if (ext->toks[i].kind != TOK_WORD)
            continue;
        if (!ending_of(ext, &ext->toks[i], &rest, &len))
            return FORM_ANY;
        if (ending_in(base_endings, rest, len) >= 0)
            return FORM_BASE;
        k = ending_in(agent_endings, rest, len);
        return k >= 0 ? FORM_AGENT + k : FORM_ANY;
    }
    return FORM_ANY;
}

/* Whether word t (the last of a match) has the form entry e asks. */
static int form_agrees(mosaic_extractor *ext, const xentry *e, xtoken *t)
{
    unsigned form = (e->flags & XE_FORM_MASK) >> XE_FORM_SHIFT;
    const char *rest, *want;
    size_t len;

    if (form == FORM_ANY || !ending_of(ext, t, &rest, &len))
        return 1;
    /* an agent noun and "-ing" is another word ("pickering", not
     * "picker") */
    if (len >= 3 && memcmp(rest, "ing", 3) == 0 &&
        rest - 2 >= TOK_FOLD(ext, t) && memcmp(rest - 2, "er", 2) == 0)
        return 0;
    if (form == FORM_BASE) /* (every derived ending has 3 letters or more) */
        return len < 3 || ending_in(derived_endings, rest, len) < 0;
    want = agent_endings[form - FORM_AGENT];
    return len >= strlen(want) && memcmp(rest, want, strlen(want)) == 0;
}

/* What the last token of a match of e is: the end of a client cue, of a
 * job or family word, of a gender word, or none of them. */
static unsigned end_flags(const xentry *e)
{
    const char *c = xentry_category(e);

    if (e->category == XCATEGORY_CUE)
        return TOK_CUE_END;
    switch (c ? c[0] : 0) { /* most categories need no comparison */
    case 'G': return strcmp(c, "GENDER") == 0 ? TOK_GENDER_END : 0;
    case 'F': return strcmp(c, "FAMILY") == 0 ? TOK_PERSON_END : 0;
    case 'O': return strcmp(c, "OCCUPATION") == 0 ? TOK_PERSON_END : 0;
    }
    return 0;
}

int extract_lexicons(mosaic_extractor *ext)
{
    size_t next = 0; /* past the last match */

    for (size_t c = 0; c < ext->ncands; c++) {
        size_t i = ext->cands[c].tok, end;
        const xentry *e;
        int rc;
        if (i < next || !(ext->cands[c].what & CAND_LEXICON) ||
            !extract_is_word(ext, i) ||
            (ext->toks[i].kind == TOK_WORD &&
             !extract_may_start(ext, &ext->toks[i], FIRST_LEXICON)) ||
            (end = extract_match(ext, &ext->lexicon, i, 1, FIRST_LEXICON,
                                 &e)) == 0 ||
            !form_agrees(ext, e, &ext->toks[end - 1]))
            continue;
        next = end;
        if (e->category == XCATEGORY_NOT)
            continue; /* "in the police station": no job */
        ext->toks[end - 1].flags |= (uint16_t)end_flags(e);
        if ((rc = extract_add(ext, ext->toks[i].start, ext->toks[end - 1].end,
                              xentry_category(e),
                              XLEX_VALUE(&ext->lexicon, e),
                              PRI_LEXICON)) < 0)
            return rc;
    }
    return 0;
}
