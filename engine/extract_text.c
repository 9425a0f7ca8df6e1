/*
 * extract_text.c -- the text layer of extraction: repair UTF-8, cut the
 * post into tokens (words, numbers, hashtag words, @handles, URLs,
 * e-mails, punctuation, emoji) and sentences, and case-fold each word
 * with utf8proc (accents stripped, so "Café" and "cafe" meet).
 * SPDX-License-Identifier: MIT
 */
#include <ctype.h>
#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "error.h"
#include "extract.h"

#define MEMO_MAX 200000 /* words remembered with their stems */
#define FOLD_OPTS                                                         \
    (UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |             \
     UTF8PROC_STRIPMARK | UTF8PROC_IGNORE)

static int grow_to(void **p, size_t *cap, size_t want, size_t elem)
{
    size_t n = *cap ? *cap : 64;
    void *q;

    while (n < want)
        n *= 2;
    if ((q = realloc(*p, n * elem)) == NULL)
        return mosaic__error_oom();
    *p = q;
    *cap = n;
    return 0;
}

/* Make room for want elements (the common case inline). */
static inline int grow(void **p, size_t *cap, size_t want, size_t elem)
{
    return want <= *cap ? 0 : grow_to(p, cap, want, elem);
}

/* grow() for the word records, 64-byte aligned: a record then sits in
 * one cache line (its key, roles and first entries are read together
 * for every token). */
static int grow_words(mosaic_extractor *ext, size_t want)
{
    size_t n = ext->words_cap ? ext->words_cap : 64;
    xword *q;

    _Static_assert(64 % sizeof(xword) == 0, "a word record splits lines");
    if (want <= ext->words_cap)
        return 0;
    while (n < want)
        n *= 2;
    if ((q = aligned_alloc(64, n * sizeof(xword))) == NULL)
        return mosaic__error_oom();
    if (ext->nwords)
        memcpy(q, ext->words, ext->nwords * sizeof(xword));
    free(ext->words);
    ext->words = q;
    ext->words_cap = n;
    return 0;
}

/* Length of the well-formed UTF-8 sequence at s (n bytes left), or 0. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;

    if (c < 0xC2 || c > 0xF4 || n < want)
        return 0;
    for (size_t i = 1; i < want; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F) ||
        (c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] > 0x8F))
        return 0;
    return want;
}

#define ASCII_ONES 0x0101010101010101ull
#define ASCII_HIGH 0x8080808080808080ull

/* The high bit of each of the eight bytes at s that is ASCII, not NUL. */
static inline uint64_t plain_bytes(const unsigned char *s)
{
    uint64_t x;

    memcpy(&x, s, 8);
    return ((x | ASCII_HIGH) - ASCII_ONES) & ~x & ASCII_HIGH;
}

int extract_clean(mosaic_extractor *ext, const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    char *o;
    int rc;

    if (len > ((size_t)-1 - 1) / 3)
        return mosaic__error_set(MOSAIC_ETOOBIG, "post too large");
    /* (8 bytes more: a word's last bytes are compared 8 at a time) */
    if ((rc = grow((void **)&ext->clean, &ext->clean_cap, 3 * len + 9, 1)) <
        0)
        return rc;
    o = ext->clean;
    ext->invalid = 0;
    ext->clean_ascii = 1;
    for (size_t i = 0; i < len;) {
        size_t k;
        uint64_t x;
        /* sixteen, then eight bytes at a time while they are ASCII and
         * not NUL (one test for sixteen: fewer turns of the loop) */
        for (; len - i >= 16 && (plain_bytes(s + i) &
                                 plain_bytes(s + i + 8)) == ASCII_HIGH;
             i += 16, o += 16)
            memcpy(o, s + i, 16);
        for (; len - i >= 8; i += 8, o += 8) {
            memcpy(&x, s + i, 8);
            if ((((x | ASCII_HIGH) - ASCII_ONES) & ~x & ASCII_HIGH) !=
                ASCII_HIGH)
                break;
            memcpy(o, &x, 8);
        }
        if (i >= len)
            break;
        if (len - i < 8 && len >= 8 &&
            plain_bytes(s + len - 8) == ASCII_HIGH) {
            /* the last (< 8) bytes are plain: copied as the eight that
             * end the text, whose first ones, plain too, were copied as
             * they are just before o */
            memcpy(o - (i - (len - 8)), s + len - 8, 8);
            o += len - i;
            break;
        }
        if (s[i] < 0x80) {
            *o++ = s[i] ? (char)s[i] : ' ';
            i++;
        } else if ((k = utf8_seq(s + i, len - i)) > 0) {
            ext->clean_ascii = 0;
            memcpy(o, s + i, k);
            o += k;
            i += k;
        } else {
            memcpy(o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
            ext->invalid++;
            ext->clean_ascii = 0;
        }
    }
    *o = '\0';
    ext->clean_len = (size_t)(o - ext->clean);
    return 0;
}

/* ------------------------------------------------------------------ */

/* 1 for each byte that is an ASCII letter or digit: one load where the
 * tokeniser tests every token's first byte. */
#define ALNUM(c)                                                          \
    (((c) | 0x20u) - 'a' < 26u || (c) - (unsigned)'0' < 10u)
#define ALNUM16(b)                                                        \
    ALNUM(b##u), ALNUM(b##u + 1), ALNUM(b##u + 2), ALNUM(b##u + 3),       \
        ALNUM(b##u + 4), ALNUM(b##u + 5), ALNUM(b##u + 6),                \
        ALNUM(b##u + 7), ALNUM(b##u + 8), ALNUM(b##u + 9),                \
        ALNUM(b##u + 10), ALNUM(b##u + 11), ALNUM(b##u + 12),             \
        ALNUM(b##u + 13), ALNUM(b##u + 14), ALNUM(b##u + 15)
static const unsigned char alnum_ascii[256] = {
    ALNUM16(0x00), ALNUM16(0x10), ALNUM16(0x20), ALNUM16(0x30),
    ALNUM16(0x40), ALNUM16(0x50), ALNUM16(0x60), ALNUM16(0x70),
    ALNUM16(0x80), ALNUM16(0x90), ALNUM16(0xA0), ALNUM16(0xB0),
    ALNUM16(0xC0), ALNUM16(0xD0), ALNUM16(0xE0), ALNUM16(0xF0),
};
#undef ALNUM16
#undef ALNUM

/* c: a byte. */
static inline int is_alnum_ascii(unsigned c)
{
    return alnum_ascii[c & 0xFF];
}

/* Decode the code point at s (valid UTF-8); its length in *n. */
static int32_t cp_at(const char *s, size_t *n)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, 4,
                                          &cp);
    *n = k > 0 ? (size_t)k : 1;
    return k > 0 ? cp : 0xFFFD;
}

/* 1 if the character at s is a letter or digit (any script). */
static int is_word_char_cp(const char *s, size_t *n)
{
    int32_t cp;
    utf8proc_category_t cat;

    cp = cp_at(s, n);
    cat = utf8proc_category(cp);
    return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_MN) ||
           cat == UTF8PROC_CATEGORY_MC || cat == UTF8PROC_CATEGORY_ND;
}

static inline int is_word_char(const char *s, size_t *n)
{
    unsigned c = (unsigned char)s[0];

    if (c < 0x80) {
        *n = 1;
        return is_alnum_ascii(c) || c == '_';
    }
    return is_word_char_cp(s, n);
}

static inline int is_space(const char *s, size_t *n)
{
    unsigned c = (unsigned char)s[0];

    *n = 1;
    if (c < 0x80)
        return c == ' ' || (c >= '\t' && c <= '\r');
    if (c == 0xC2 && (unsigned char)s[1] == 0xA0) {
        *n = 2;
        return 1;
    }
    if (c == 0xE2 && (unsigned char)s[1] == 0x80 &&
        ((unsigned char)s[2] <= 0x8B || (unsigned char)s[2] == 0xAF)) {
        *n = 3;
        return 1;
    }
    return 0;
}

/* An apostrophe inside a word: ' or U+2019. */
static size_t apostrophe(const char *s)
{
    if (s[0] == '\'')
        return 1;
    if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
        (unsigned char)s[2] == 0x99)
        return 3;
    return 0;
}

/* End of a word starting at p (letters, digits, inner apostrophes). */
static size_t word_end(const char *t, size_t p, size_t len)
{
    size_t n, a;

    while (p < len) {
        unsigned c = (unsigned char)t[p];
        if (c < 0x80 ? is_alnum_ascii(c) : is_word_char_cp(t + p, &n)) {
            p += c < 0x80 ? 1 : n;
        } else if ((a = apostrophe(t + p)) && p + a < len &&
                   is_word_char(t + p + a, &n) && t[p + a] != '_') {
            p += a;
        } else {
            break;
        }
    }
    return p;
}

/* The memo slot of a token of len bytes (not ASCII), or NULL when it
 * is too long to be kept; *key its bytes as a number. */
static xfold_memo *fold_memo_of(mosaic_extractor *ext, const char *s,
                                size_t len, uint32_t *key)
{
    if (len > 4)
        return NULL;
    *key = 0;
    memcpy(key, s, len); /* (no NUL in a token: distinct per length) */
    return &ext->fold_memo[(*key * 2654435761u) >> 24 & (FOLD_MEMO - 1)];
}

/* utf8proc's fold of the len bytes at s into ext->folds at `at` (room
 * for 4 * len bytes), its length in *flen. */
static int fold_utf8(mosaic_extractor *ext, const char *s, size_t len,
                     size_t at, size_t *flen)
{
    utf8proc_ssize_t n;
    size_t k = 0;
    int rc;

    if ((rc = grow((void **)&ext->cps, &ext->cps_cap, 4 * len + 8,
                   sizeof(int32_t))) < 0)
        return rc;
    n = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
                           ext->cps, (utf8proc_ssize_t)ext->cps_cap,
                           FOLD_OPTS);
    if (n < 0 || (size_t)n > ext->cps_cap)
        n = 0;
    n = n ? utf8proc_reencode(ext->cps, n, FOLD_OPTS) : 0;
    if (n < 0)
        n = 0;
    /* U+2019 becomes ' so "mum’s" meets "mum's" */
    for (utf8proc_ssize_t i = 0; i < n; i++) {
        const char *c = (const char *)ext->cps + i;
        if (i + 2 < n && apostrophe(c) == 3) {
            ext->folds[at + k++] = '\'';
            i += 2;
        } else {
            ext->folds[at + k++] = *c;
        }
    }
    *flen = k;
    return 0;
}

static int fold_into(mosaic_extractor *ext, const char *s, size_t len,
                     uint32_t *off, uint32_t *flen)
{
    int ascii = 1, rc;
    size_t at = ext->folds_len;

    for (size_t i = 0; i < len; i++)
        ascii &= (unsigned char)s[i] < 0x80;
    if ((rc = grow((void **)&ext->folds, &ext->folds_cap,
                   at + 4 * len + 8, 1)) < 0)
        return rc;
    if (ascii) {
        for (size_t i = 0; i < len; i++) {
            unsigned c = (unsigned char)s[i];
            ext->folds[at + i] = (char)(c - 'A' < 26 ? c | 0x20 : c);
        }
        *flen = (uint32_t)len;
    } else {
        uint32_t key;
        xfold_memo *m = fold_memo_of(ext, s, len, &key);
        size_t k;
        if (m != NULL && m->key == key) {
            memcpy(ext->folds + at, m->fold, m->len);
            k = m->len;
        } else if ((rc = fold_utf8(ext, s, len, at, &k)) < 0) {
            return rc;
        } else if (m != NULL && k <= sizeof(m->fold)) {
            m->key = key;
            m->len = (uint8_t)k;
            memcpy(m->fold, ext->folds + at, k);
        }
        *flen = (uint32_t)k;
    }
    ext->folds[at + *flen] = '\0';
    *off = (uint32_t)at;
    ext->folds_len = at + *flen + 1;
    return 0;
}

static int letter_case(const char *s, size_t len, uint16_t *flags)
{
    size_t n, letters = 0, upper = 0;
    int first = 1;

    for (size_t i = 0; i < len; i += n) {
        int32_t cp = cp_at(s + i, &n);
        utf8proc_category_t c;
        if (cp < 0x80) {
            int up = cp >= 'A' && cp <= 'Z', lo = cp >= 'a' && cp <= 'z';
            c = up ? UTF8PROC_CATEGORY_LU
                   : lo ? UTF8PROC_CATEGORY_LL : UTF8PROC_CATEGORY_ND;
        } else {
            c = utf8proc_category(cp);
        }
        if (c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL) {
            letters++;
            upper += c == UTF8PROC_CATEGORY_LU;
            if (first && c == UTF8PROC_CATEGORY_LU)
                *flags |= TOK_CAP;
            first = 0;
        }
    }
    if (letters >= 2 && upper == letters)
        *flags |= TOK_UPPER;
    return 0;
}

/* 1 if text [s, e) holds a year 1900-2099 not glued to a letter or digit
 * before it ("2024", "b'2005-05-26"). */
static int holds_year(const char *t, size_t s, size_t e)
{
    for (size_t i = s; i + 4 <= e; i++)
        if (((t[i] == '1' && t[i + 1] == '9') ||
             (t[i] == '2' && t[i + 1] == '0')) &&
            (unsigned)t[i + 2] - '0' < 10 && (unsigned)t[i + 3] - '0' < 10 &&
            (i == s || !isalnum((unsigned char)t[i - 1])))
            return 1;
    return 0;
}

/* 1 if a fold of n bytes holds "something" (what strstr finds: a fold
 * holds no NUL), without a call per long word. */
static inline int holds_something(const char *f, size_t n)
{
    for (size_t i = 0; i + 9 <= n; i++)
        if (f[i] == 's' && memcmp(f + i, "something", 9) == 0)
            return 1;
    return 0;
}

/* The post-level triggers of a folded word without a digit, roles its
 * own: "something", "birthday", a decade. */
static uint64_t word_triggers(const char *f, size_t n, uint32_t roles)
{
    /* "birthday" kept only with an age word (post_triggers) */
    uint64_t trig = (holds_something(f, n) ? TRIG_SOMETHING : 0) |
                    (n >= 8 && memcmp(f, "birthday", 8) == 0 ? TRIG_BIRTHDAY
                                                             : 0);

    if ((roles & TRIG_AGE_WORD) && n >= 5 &&
        (memcmp(f + n - 3, "ies", 3) == 0 || memcmp(f + n - 5, "teens", 5) == 0))
        trig |= TRIG_DECADE;
    return trig;
}
/* (a word keeps these in 32 bits: xword.trig_hi) */
_Static_assert(((TRIG_SOMETHING | TRIG_BIRTHDAY | TRIG_DECADE) >> 32) << 32 ==
                   (TRIG_SOMETHING | TRIG_BIRTHDAY | TRIG_DECADE),
               "a word's triggers are above bit 31");

/* The post-level triggers one token gives: a year, a decade. */
static uint64_t token_triggers(const mosaic_extractor *ext, const xtoken *t)
{
    const char *f = TOK_FOLD(ext, t);

    if (!(t->roles & TRIG_DIGIT))
        return word_triggers(f, t->fold_len, t->roles);
    return word_triggers(f, t->fold_len, 0) |
           (holds_year(ext->clean, t->start, t->end) ? TRIG_YEAR : 0);
}

/* An ASCII token's fold, hash, letter case and digit/capital triggers
 * in one pass (the same results as fold_into, letter_case and the loop
 * in push_token, without utf8proc); 0 when the token is not ASCII. */
static int fold_ascii(mosaic_extractor *ext, xtoken *t, size_t from,
                      unsigned kind)
{
    const unsigned char *s = (const unsigned char *)ext->clean + from;
    size_t len = t->end - from, at = ext->folds_len, letters = 0, upper = 0;
    uint32_t h = XTABLE_HASH_INIT, roles = 0;
    unsigned any = 0, first_upper = 0;
    char *o;

    if (grow((void **)&ext->folds, &ext->folds_cap, at + len + 8, 1) < 0)
        return 0; /* the general path reports a failed grow */
    o = ext->folds + at;
    for (size_t i = 0; i < len; i++) {
        unsigned c = s[i], f = c;
        any |= c;
        if (c - 'a' < 26) { /* (the common byte first: one test) */
            letters++;
        } else if (c - 'A' < 26) {
            f = c | 0x20;
            first_upper |= letters++ == 0;
            upper++;
        } else if (c - '0' < 10) {
            roles |= TRIG_DIGIT;
        }
        o[i] = (char)f;
        h = XTABLE_HASH_STEP(h, f);
    }
    if (any >= 0x80)
        return 0; /* not ASCII: fold_into writes over it */
    o[len] = '\0';
    if (kind == TOK_WORD && first_upper)
        t->flags |= TOK_CAP;
    if (kind == TOK_WORD && letters >= 2 && upper == letters)
        t->flags |= TOK_UPPER;
    if (upper && kind != TOK_PUNCT)
        roles |= TRIG_UPPER;
    t->fold = (uint32_t)at;
    t->fold_len = (uint32_t)len;
    t->hash = h;
    t->roles = kind == TOK_PUNCT ? 0 : roles;
    ext->folds_len = at + len + 1;
    return 1;
}

/* Room for one more token in the list of tokens, and so in the lists of
 * candidates and of near-trigger tokens, which hold one per token at
 * most (token_done adds to them without a test of its own). */
static __attribute__((noinline)) int tokens_grow(mosaic_extractor *ext)
{
    int rc;

    if ((rc = grow((void **)&ext->toks, &ext->toks_cap, ext->ntoks + 1,
                   sizeof(xtoken))) < 0 ||
        (rc = grow((void **)&ext->cands, &ext->cands_cap, ext->toks_cap,
                   sizeof(*ext->cands))) < 0 ||
        (rc = grow((void **)&ext->near, &ext->near_cap, ext->toks_cap,
                   sizeof(*ext->near))) < 0)
        return rc;
    ext->toks_room = ext->toks_cap;
    return 0;
}

static inline int token_room(mosaic_extractor *ext)
{
    return ext->ntoks < ext->toks_room ? 0 : tokens_grow(ext);
}

/* The sentence of the next token: the first after a break opens one
 * (TOK_SENT_START in *flags). */
static inline uint32_t sentence_of(mosaic_extractor *ext, unsigned *flags)
{
    if (ext->tok_brk) {
        *flags |= TOK_SENT_START;
        ext->tok_sentence += ext->ntoks > 0;
        ext->tok_brk = 0;
    }
    return ext->tok_sentence;
}

/* 1 if the token before the one being made is a comma. */
static inline int after_comma(const mosaic_extractor *ext)
{
    const xtoken *p;

    if (ext->ntoks == 0)
        return 0;
    p = &ext->toks[ext->ntoks - 1];
    return p->kind == TOK_PUNCT && ext->folds[p->fold] == ',';
}

/* What token t (ext->toks[ext->ntoks], being pushed) may start
 * (CAND_*), from what is known of its word.  (Always inlined: in
 * push_plain_word the tests of a token's kind and hashtag flags fold
 * away, and the call is saved per token.) */
static inline __attribute__((always_inline)) unsigned
candidate(const mosaic_extractor *ext, const xtoken *t)
{
    const int32_t *first;
    unsigned what = 0;

    if (t->kind != TOK_WORD && t->kind != TOK_NUMBER)
        return 0;
    first = t->word ? ext->words[t->word - 1].first : NULL;
    if (t->kind == TOK_NUMBER || first == NULL ||
        first[FIRST_LEXICON] != FIRST_NONE)
        what |= CAND_LEXICON;
    /* (a place needs a capital or a place preposition or a comma before
     * it, but in a hashtag: extract_places) */
    if ((t->flags & TOK_TAG_FIRST) ||
        ((first == NULL || first[FIRST_PLACES] != FIRST_NONE) &&
         ((t->flags & (TOK_CAP | TOK_UPPER)) ||
          extract_lower_place(ext, ext->ntoks) || after_comma(ext))))
        what |= CAND_PLACE;
    /* every capitalised word outside a hashtag: names, unknown places
     * and organisation heads visit only these */
    if (t->kind == TOK_WORD && (t->flags & TOK_CAP) &&
        !(t->flags & TOK_HASHTAG))
        what |= CAND_NAME;
    return what;
}

/* Token t, complete, counts: the post's roles and triggers, the lists
 * of tokens with a near trigger and of candidates (which have room for
 * it: token_room).  (Always inlined: in push_plain_word, the common
 * caller, the call is saved per word.) */
static inline __attribute__((always_inline)) void
token_done(mosaic_extractor *ext, const xtoken *t)
{
    unsigned what = candidate(ext, t);

    if (what)
        ext->cands[ext->ncands++] = (xcand){ (uint32_t)ext->ntoks, what };
    ext->post_roles |= t->roles;
    /* (a short word without a digit or an age word triggers nothing) */
    if (t->fold_len >= 8 || (t->roles & (TRIG_DIGIT | TRIG_AGE_WORD)))
        ext->post_trig |= t->word && !(t->roles & TRIG_DIGIT)
                              ? (uint64_t)ext->words[t->word - 1].trig_hi
                                    << 32 /* its word's, made once */
                              : token_triggers(ext, t);
    if (t->roles & TRIG_NEAR_ANY)
        ext->near[ext->nnear++] = (uint32_t)ext->ntoks;
    ext->ntoks++;
}

static int64_t word_index(mosaic_extractor *ext, const char *fold,
                          uint32_t len, uint32_t hash);

/* A token's sentence, roles and triggers once it is folded: the last
 * step of pushing it. */
static int finish_token(mosaic_extractor *ext, xtoken *t)
{
    unsigned flags = t->flags;

    t->sentence = sentence_of(ext, &flags);
    t->flags = (uint16_t)flags;
    /* only words have roles (every role word has a letter): looked up
     * once per distinct word */
    if (t->kind == TOK_WORD && t->fold_len > 0) {
        const xword *w = extract_word(ext, t);
        if (w == NULL)
            return mosaic__error_oom();
        t->roles |= w->roles;
    }
    if (t->kind == TOK_NUMBER)
        t->roles |= TRIG_DIGIT;
    if (t->kind == TOK_HANDLE || t->kind == TOK_EMAIL)
        t->roles |= TRIG_AT;
    token_done(ext, t);
    return 0;
}

static int push_token(mosaic_extractor *ext, size_t start, size_t end,
                      size_t fold_start, unsigned kind, unsigned flags)
{
    xtoken *t;
    int rc;

    if ((rc = token_room(ext)) < 0)
        return rc;
    t = &ext->toks[ext->ntoks];
    memset(t, 0, sizeof(*t));
    t->start = start;
    t->end = end;
    t->kind = (uint16_t)kind;
    t->flags = (uint16_t)flags;
    t->stem = UINT32_MAX;
    if (!fold_ascii(ext, t, fold_start, kind)) {
        if ((rc = fold_into(ext, ext->clean + fold_start, end - fold_start,
                            &t->fold, &t->fold_len)) < 0)
            return rc;
        if (kind == TOK_WORD)
            letter_case(ext->clean + fold_start, end - fold_start,
                        &t->flags);
        t->hash = xtable_hash(ext->folds + t->fold, t->fold_len);
        for (size_t i = start; i < end && kind != TOK_PUNCT; i++) {
            unsigned c = (unsigned char)ext->clean[i];
            if (c - '0' < 10)
                t->roles |= TRIG_DIGIT;
            else if (c - 'A' < 26)
                t->roles |= TRIG_UPPER;
        }
    }
    return finish_token(ext, t);
}

/* memcmp(a, b, n) == 0 for a word's few bytes, without a call. */
static inline int same_bytes(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

/* The bytes of a remembered word. */
static inline const char *word_key(const mosaic_extractor *ext,
                                   const xword *w)
{
    uint32_t off;

    if (w->len <= WORD_INLINE)
        return w->key;
    memcpy(&off, w->key, sizeof(off));
    return ext->word_arena + off;
}

/* 1 if the n bytes of word key a (WORD_INLINE bytes readable) are
 * those at b, which has 8 bytes readable past them: 8 at a time. */
static inline int same_short(const char *a, const char *b, size_t n)
{
    uint64_t x, y;

    for (size_t i = 0;; i += 8) {
        memcpy(&x, a + i, 8);
        memcpy(&y, b + i, 8);
        if (n - i <= 8) {
            uint64_t d = x ^ y;
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            d <<= 8 * (8 - (n - i)); /* only the bytes that belong */
#else
            d >>= 8 * (8 - (n - i));
#endif
            return d == 0;
        }
        if (x != y)
            return 0;
    }
}

/* 1 if memo slot s holds the word key (len bytes, hash). */
static inline int memo_is(const mosaic_extractor *ext, uint64_t s,
                          const char *key, size_t len, uint32_t hash,
                          int padded)
{
    const xword *w;

    if ((uint32_t)(s >> 32) != hash)
        return 0;
    w = &ext->words[(uint32_t)s - 1];
    if (w->len != len)
        return 0;
    return padded && len <= WORD_INLINE
               ? same_short(w->key, key, len)
               : same_bytes(word_key(ext, w), key, len);
}

/* memo_find past slot i, the word's first: the rarer collisions. */
static __attribute__((noinline)) int64_t
memo_chain(const mosaic_extractor *ext, const char *key, size_t len,
           uint32_t hash, int padded, size_t i)
{
    size_t mask = ext->memo_slots - 1;

    for (i = (i + 1) & mask;; i = (i + 1) & mask) {
        uint64_t s = ext->memo[i];
        if (s == 0)
            return -1;
        if (memo_is(ext, s, key, len, hash, padded))
            return (uint32_t)s - 1;
    }
}

/* The index in ext->words of a word already in the memo, or -1 (inline:
 * called per word; only the word's first slot, for fewer registers held
 * in the tokeniser's loop).  padded: key has 8 bytes readable past its
 * end.  The memo is made before a first token (extract_tokenise). */
static inline int64_t memo_find(const mosaic_extractor *ext,
                                const char *key, size_t len, uint32_t hash,
                                int padded)
{
    size_t i;
    uint64_t s;

    i = hash & (ext->memo_slots - 1);
    if ((s = ext->memo[i]) == 0)
        return -1;
    if (memo_is(ext, s, key, len, hash, padded))
        return (uint32_t)s - 1;
    return memo_chain(ext, key, len, hash, padded, i);
}

/* 1 if s starts a URL (http://, https://, www.). */
static inline int starts_url(const char *s)
{
    if (!(s[0] == 'h' && s[1] == 't') && !(s[0] == 'w' && s[1] == 'w'))
        return 0; /* most words: no comparison */
    return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0 ||
           strncmp(s, "www.", 4) == 0;
}

/* A word or number of ASCII letters and digits at p, met in one pass
 * that finds its end and folds, hashes and classifies it (what
 * word_end, next_token's digit test and fold_ascii do over three).
 * Returns 1 when pushed, with its end in *endp; 0 when the word may go
 * on past ASCII (an apostrophe, a non-ASCII letter), be an address
 * ('@') or start a URL: next_token's general path takes it. */
static inline __attribute__((always_inline)) int
push_plain_word(mosaic_extractor *ext, size_t p, size_t *endp)
{
    const unsigned char *s = (const unsigned char *)ext->clean;
    size_t e = p, at = ext->folds_len;
    uint32_t h = XTABLE_HASH_INIT, roles, word = 0, sentence;
    unsigned letters, digits = 0, upper = 0, first = 0, c, f, kind,
             flags = 0;
    char *o;
    xtoken *t;
    int rc;

    /* the text ends in a NUL, which stops the loop; the folds have room
     * for it and 8 bytes more (folds_room) */
    o = ext->folds + at - p;
    for (;; e++) {
        c = s[e];
        if (c - 'a' < 26) { /* (the common byte first: one test) */
            f = c;
        } else if (c - 'A' < 26) {
            f = c | 0x20;
            upper++;
        } else if (c - '0' < 10) {
            f = c;
            digits++;
        } else {
            break;
        }
        o[e] = (char)f;
        h = XTABLE_HASH_STEP(h, f);
    }
    /* (' ': most; a URL's first word stops at its ':' or '.') */
    if (c != ' ' && (c >= 0x80 || c == '\'' || c == '@' ||
                     ((c == ':' || c == '.') && starts_url(ext->clean + p))))
        return 0;
    letters = (unsigned)(e - p) - digits;
    if ((rc = token_room(ext)) < 0)
        return rc;
    o[e] = '\0';
    if (letters) {
        /* without a capital the fold is the text itself, which is read
         * back faster than the bytes just stored */
        int64_t w = memo_find(ext, upper ? o + p : ext->clean + p, e - p,
                              h, 1);
        if (w < 0)
            w = word_index(ext, upper ? o + p : ext->clean + p,
                           (uint32_t)(e - p), h);
        if (w < 0)
            return (int)w;
        kind = TOK_WORD;
        word = (uint32_t)w + 1;
        roles = ext->words[w].roles;
        if (upper | digits) { /* (most words: small letters only) */
            for (size_t i = p; !first; i++) /* its first letter */
                if (s[i] - '0' >= 10)
                    first = s[i];
            flags = (first - 'A' < 26 ? TOK_CAP : 0) |
                    (letters >= 2 && upper == letters ? TOK_UPPER : 0);
            roles |= (digits ? TRIG_DIGIT : 0) | (upper ? TRIG_UPPER : 0);
        }
    } else {
        kind = TOK_NUMBER;
        roles = TRIG_DIGIT;
    }
    sentence = sentence_of(ext, &flags);
    t = &ext->toks[ext->ntoks];
    *t = (xtoken){ .start = p, .end = e, .fold = (uint32_t)at,
                   .fold_len = (uint32_t)(e - p), .stem = UINT32_MAX,
                   .hash = h, .word = word, .kind = (uint16_t)kind,
                   .flags = (uint16_t)flags, .sentence = sentence,
                   .roles = roles };
    ext->folds_len = at + (e - p) + 1;
    *endp = e;
    token_done(ext, t);
    return 1;
}

/* One ASCII byte of punctuation at p (what push_token makes of it: its
 * own fold, no roles), without the general path's passes. */
static int push_mark(mosaic_extractor *ext, size_t p, unsigned kind)
{
    size_t at = ext->folds_len;
    unsigned c = (unsigned char)ext->clean[p], flags = 0;
    uint32_t sentence;
    xtoken *t;
    int rc;

    if ((rc = token_room(ext)) < 0 ||
        (rc = grow((void **)&ext->folds, &ext->folds_cap, at + 9, 1)) < 0)
        return rc;
    ext->folds[at] = (char)c;
    ext->folds[at + 1] = '\0';
    ext->folds_len = at + 2;
    sentence = sentence_of(ext, &flags);
    t = &ext->toks[ext->ntoks];
    *t = (xtoken){ .start = p, .end = p + 1, .fold = (uint32_t)at,
                   .fold_len = 1, .stem = UINT32_MAX,
                   .hash = XTABLE_HASH_STEP(XTABLE_HASH_INIT, c),
                   .kind = (uint16_t)kind, .flags = (uint16_t)flags,
                   .sentence = sentence };
    /* "@ SonyCentreTO", a handle as tokenised text writes it
     * (extract_contacts), or after a word, "at" ("visits @ Taupo"; not a
     * reply's "@ Reading ...") */
    if (c == '@' && p + 2 < ext->clean_len && ext->clean[p + 1] == ' ') {
        if (!ext->spaced_at)
            ext->spaced_at = ext->ntoks + 1;
        if (ext->ntoks > 0 && t[-1].kind <= TOK_NUMBER) {
            t->roles = ROLE_PLACE_PREP;
            token_done(ext, t);
            return 0;
        }
    }
    /* no other roles, no trigger, no candidate: token_done would only
     * count it */
    ext->ntoks++;
    return 0;
}

size_t extract_hashtag_split(const char *s, size_t len, size_t *lens,
                             size_t max)
{
    size_t n = 0, from = 0;

#define CLS(c)                                                            \
    ((unsigned)(c) - '0' < 10 ? 2 : (unsigned)(c) - 'A' < 26 ? 1 : 0)
    for (size_t i = 1; i < len && n + 1 < max; i++) {
        int a, b, cut;
        if ((unsigned)(unsigned char)s[i] - 'a' < 26 &&
            (unsigned)(unsigned char)s[i - 1] - 'a' < 26)
            continue; /* inside a word of small letters: no cut */
        a = CLS((unsigned char)s[i - 1]);
        b = CLS((unsigned char)s[i]);
        cut = (a == 0 && b == 1) || (a == 2) != (b == 2);
        /* "NHSWorkers": cut before the last capital of a run */
        if (a == 1 && b == 1 && i + 1 < len &&
            CLS((unsigned char)s[i + 1]) == 0 &&
            (unsigned char)s[i + 1] >= 'a')
            cut = 1;
        if (s[i] == '_' || s[i - 1] == '_')
            cut = s[i] != '_' && i > from;
        if (cut && i > from) {
            lens[n++] = i - from;
            from = i;
        }
    }
#undef CLS
    lens[n++] = len - from;
    return n;
}

/* A hashtag "#HebdenBridge" at p: one TOK_WORD per part. */
static int push_hashtag(mosaic_extractor *ext, size_t p, size_t end)
{
    size_t lens[16], n, at = p + 1, first = ext->ntoks;
    int rc;

    n = extract_hashtag_split(ext->clean + at, end - at, lens, 16);
    for (size_t i = 0; i < n; i++) {
        unsigned fl = TOK_HASHTAG | (i == 0 ? TOK_TAG_FIRST : 0);
        size_t w = lens[i];
        while (w > 0 && ext->clean[at + w - 1] == '_') /* #a_b */
            w--;
        if (w > 0 && (rc = push_token(ext, i == 0 ? p : at, at + w, at,
                                      TOK_WORD, fl)) < 0)
            return rc;
        at += lens[i];
    }
    for (size_t i = first; i < ext->ntoks; i++)
        ext->toks[i].tag_end = (uint32_t)ext->ntoks;
    return 0;
}

static size_t to_space(const char *t, size_t p, size_t len)
{
    size_t n;

    while (p < len) {
        unsigned c = (unsigned char)t[p];
        if (c > ' ' && c < 0x80) /* (most bytes: never a space) */
            n = 1;
        else if (is_space(t + p, &n))
            break;
        p += n;
    }
    /* a URL or address does not end in sentence punctuation */
    while (p > 0 && strchr(".,;:!?)\"'", t[p - 1]) != NULL)
        p--;
    return p;
}

/* "Mr.", "Dr.", "St.", an initial "J.": a full stop that ends nothing. */
static int abbreviation(const mosaic_extractor *ext)
{
    static const char abbr[][7] = { "mr", "mrs", "ms", "dr", "st",
                                    "prof", "rev", "mt", "no", "vs",
                                    "etc", "approx", "e.g", "i.e" };
    const xtoken *t;
    const char *f;

    if (ext->ntoks == 0)
        return 0;
    t = &ext->toks[ext->ntoks - 1];
    if (t->kind != TOK_WORD)
        return 0;
    if (t->fold_len == 1 && (t->flags & TOK_CAP))
        return 1;
    if (t->fold_len > 6) /* longer than "approx" */
        return 0;
    f = TOK_FOLD(ext, t);
    for (size_t i = 0; i < sizeof(abbr) / sizeof(*abbr); i++)
        if (abbr[i][0] == f[0] && abbr[i][t->fold_len] == '\0' &&
            memcmp(f, abbr[i], t->fold_len) == 0)
            return 1;
    return 0;
}

/* One token at p, other than the plain word push_plain_word took
 * (extract_tokenise tried it first); returns its end.  *brk set for a
 * sentence end. */
static int next_token(mosaic_extractor *ext, size_t p, size_t *endp,
                      int *brk)
{
    const char *t = ext->clean;
    size_t len = ext->clean_len, n, e;
    unsigned c = (unsigned char)t[p];

    /* ASCII punctuation, the most common token here, skips the tests
     * below: no URL, word, handle or hashtag starts with it */
    if (c >= 0x80 || is_alnum_ascii(c) || c == '_' || c == '#' || c == '@') {
        if (starts_url(t + p)) {
            e = to_space(t, p, len);
            *endp = e > p ? e : p + 1;
            return push_token(ext, p, *endp, p, TOK_URL, 0);
        }
        if ((c == '#' || c == '@') && p + 1 < len &&
            is_word_char(t + p + 1, &n) &&
            (p == 0 || !is_word_char(t + p - 1, &n))) {
            e = p + 1;
            while (e < len && is_word_char(t + e, &n))
                e += n;
            *endp = e;
            if (c == '#')
                return push_hashtag(ext, p, e);
            return push_token(ext, p, e, p, TOK_HANDLE, 0);
        }
        if (is_word_char(t + p, &n)) {
            e = word_end(t, p, len);
            if (e == p)
                e = p + n; /* a lone underscore */
            if (e + 1 < len && t[e] == '@' && is_word_char(t + e + 1, &n)) {
                *endp = to_space(t, p, len);
                return push_token(ext, p, *endp, p, TOK_EMAIL, 0);
            }
            *endp = e;
            {
                size_t i = p;
                while (i < e && (unsigned)t[i] - '0' < 10)
                    i++;
                return push_token(ext, p, e, p, i == e ? TOK_NUMBER : TOK_WORD,
                                  0);
            }
        }
        if (c >= 0x80) {
            cp_at(t + p, &n);
            *endp = p + n;
            /* U+2026 ellipsis, U+2013/2014 dashes */
            if (memcmp(t + p, "\xE2\x80\xA6", 3) == 0)
                *brk = 1;
            return push_token(ext, p, p + n, p,
                              memcmp(t + p, "\xE2\x80\x93", 3) == 0 ? TOK_HYPHEN
                                                                    : TOK_OTHER,
                              0);
        }
    }
    *endp = p + 1;
    if (c == '.' || c == '!' || c == '?' || c == ';')
        *brk = !(c == '.' && abbreviation(ext));
    return push_mark(ext, p, c == '-' ? TOK_HYPHEN : TOK_PUNCT);
}

/* \s of a pattern (not UCP): ASCII white space. */
static int is_ascii_space(unsigned c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* An e-mail address character before its '@' (the pattern's class). */
static int is_email_char(unsigned c)
{
    return is_alnum_ascii(c) || (c != 0 && strchr("._%+-", (int)c) != NULL);
}

/* 1 if an '@' has address characters either side ("x@y"). */
static int email_at(const char *t, size_t len)
{
    for (const char *a = memchr(t, '@', len); a != NULL;
         a = memchr(a + 1, '@', len - (size_t)(a + 1 - t))) {
        unsigned after = a + 1 < t + len ? (unsigned char)a[1] : 0;
        if (a > t && is_email_char((unsigned char)a[-1]) &&
            (is_alnum_ascii(after) || after == '-'))
            return 1;
    }
    return 0;
}

/* The index of the first ASCII digit in t[i, len), or len: eight bytes
 * at a time, where XOR '0' makes a digit a byte below 10 (the
 * has-less-than word trick; its lowest flag is always a true one). */
static inline size_t next_digit(const char *t, size_t i, size_t len)
{
    for (; len - i >= 8; i += 8) {
        uint64_t x;
        memcpy(&x, t + i, 8);
        x ^= 0x3030303030303030ull;
        x = (x - 0x0A0A0A0A0A0A0A0Aull) & ~x & ASCII_HIGH;
        if (x != 0)
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            return i + (size_t)__builtin_ctzll(x) / 8;
#else
            break; /* (the byte loop below finds it) */
#endif
    }
    while (i < len && (unsigned)t[i] - '0' >= 10)
        i++;
    return i;
}

/* 1 if the digit at i can start a postcode's or district's number
 * (their patterns' \b[A-Z]{1,2}[0-9], then [A-Z0-9], space or a word's
 * end): one or two capitals after a word boundary before it, and no
 * lowercase letter or '_' after it ("t.co/B3xY" is no postcode). */
static int postcode_digit(const char *t, size_t i, size_t len)
{
    size_t j = i;
    unsigned next = i + 1 < len ? (unsigned char)t[i + 1] : 0, before;

    while (j > 0 && i - j < 2 &&
           (unsigned)(unsigned char)t[j - 1] - 'A' < 26)
        j--;
    before = j > 0 ? (unsigned char)t[j - 1] : ' ';
    return j < i && !is_alnum_ascii(before) && before != '_' &&
           next - 'a' >= 26 && next != '_';
}

/* 1 if the digit at i starts a year (19|20)\d\d that ends a word and
 * follows spaces after a byte the "year" pattern's word can end with
 * ("in 2019", "c. 1900": extract_date.c), the pattern's start. */
static int year_after_word(const char *t, size_t i, size_t len)
{
    size_t j = i;
    unsigned end, before;

    if (len - i < 4 || !((t[i] == '1' && t[i + 1] == '9') ||
                         (t[i] == '2' && t[i + 1] == '0')) ||
        (unsigned)t[i + 2] - '0' >= 10 || (unsigned)t[i + 3] - '0' >= 10)
        return 0;
    end = len - i > 4 ? (unsigned char)t[i + 4] : ' ';
    if (is_alnum_ascii(end) || end == '_')
        return 0;
    while (j > 0 && is_ascii_space((unsigned char)t[j - 1]))
        j--;
    if (j == i || j == 0)
        return 0;
    before = (unsigned char)t[j - 1];
    if (before >= 0x80 || before == '.') /* (not ASCII: caseless) */
        return 1;
    switch (before | 0x20) { /* in, since, during, from, till, by, of... */
    case 'a': case 'd': case 'e': case 'f': case 'g': case 'l': case 'm':
    case 'n': case 'r': case 'y':
        return 1;
    }
    return 0;
}

/* The byte-level triggers of a post that holds a digit. */
static uint64_t digit_triggers(const char *t, size_t len)
{
    uint64_t trig = 0;
    size_t digits = 0, run = 0;

    for (size_t i = 0; i < len; i++) {
        unsigned c, n1, n2;
        if (run == 0) /* nothing to do between numbers */
            i = next_digit(t, i, len);
        if (i >= len)
            break;
        c = (unsigned char)t[i];
        if (c - '0' >= 10) {
            if (run && !((c == ' ' || c == '/' || c == '-') && i + 1 < len &&
                         (unsigned)t[i + 1] - '0' < 10))
                run = 0; /* not one separator between digits */
            continue;
        }
        digits++;
        if (i > 0 && is_ascii_space((unsigned char)t[i - 1]) &&
            year_after_word(t, i, len))
            trig |= TRIG_YEAR_WORD;
        if (++run >= 5)
            trig |= TRIG_LONG_NUMBER;
        n1 = i + 1 < len ? (unsigned char)t[i + 1] : 0;
        n2 = i + 2 < len ? (unsigned char)t[i + 2] : 0;
        if (i > 0 && (unsigned)(unsigned char)t[i - 1] - 'A' < 26 &&
            postcode_digit(t, i, len))
            trig |= TRIG_UPPER_DIGIT;
        if ((n1 == '/' || n1 == '.' || n1 == ':') && n2 - '0' < 10)
            trig |= TRIG_DIGIT_SEP;
        if (c != '0' && n1 == '0' &&
            ((n2 | 0x20) == 's' || (n2 == '\'' && i + 3 < len &&
                                     (t[i + 3] | 0x20) == 's')))
            trig |= TRIG_DECADE; /* "70s", "70's" */
        if ((n1 | 0x20) == 'a' || (n1 | 0x20) == 'p' || (n2 | 0x20) == 'a' ||
            (n2 | 0x20) == 'p')
            trig |= TRIG_AMPM;
        if (i > 0 && is_ascii_space((unsigned char)t[i - 1])) {
            size_t j = i - 1;
            while (j > 0 && is_ascii_space((unsigned char)t[j - 1]))
                j--;
            if (j >= 4 && memcmp(t + j - 4, "Year", 4) == 0)
                trig |= TRIG_SCHOOL_YEAR;
        }
    }
    return trig | (digits >= 9 ? TRIG_PHONE : 0);
}

/* Triggers that need two things in the post. */
static void post_triggers(mosaic_extractor *ext)
{
    uint32_t r = ext->post_roles;

    if (r & TRIG_DIGIT)
        ext->post_trig |= digit_triggers(ext->clean, ext->clean_len);
    if (!(r & TRIG_AGE_WORD))
        ext->post_trig &= ~TRIG_SCHOOL_YEAR;
    if (!(r & TRIG_AGE))
        ext->post_trig &= ~TRIG_BIRTHDAY;
    if ((r & TRIG_MY) && (r & TRIG_DIGIT))
        ext->post_trig |= TRIG_MY_DIGIT;
    if ((r & TRIG_AT) && email_at(ext->clean, ext->clean_len))
        ext->post_trig |= TRIG_EMAIL;

    ext->post_trig |= r;
    if ((r & TRIG_MONTH) && (r & TRIG_DIGIT))
        ext->post_trig |= TRIG_MONTH_DIGIT;
    if ((r & ROLE_THIRD) && (r & (TRIG_DIGIT | TRIG_NUMWORD)))
        ext->post_trig |= TRIG_THIRD_NUM;
}

static int memo_grow(mosaic_extractor *ext);

/* Room in the folds for two bytes per byte of text from p on, and 8
 * more: push_plain_word needs no test of its own, as a word of n bytes
 * (n >= 1) takes n + 1 and passes n.  Made again after any other token,
 * which may take more (a fold that is not ASCII grows). */
static inline int folds_room(mosaic_extractor *ext, size_t p)
{
    return grow((void **)&ext->folds, &ext->folds_cap,
                ext->folds_len + 2 * (ext->clean_len - p) + 9, 1);
}

int extract_tokenise(mosaic_extractor *ext)
{
    const char *t = ext->clean;
    size_t len = ext->clean_len, p = 0, n;
    int rc;

    /* forgotten before the post: its tokens hold indices of words */
    if (ext->nwords > MEMO_MAX) {
        extract_memo_clear(ext);
        memset(ext->pairs, 0, sizeof(ext->pairs));
        memset(ext->conts, 0, sizeof(ext->conts));
    }
    /* made before the first post, so memo_find need not ask per word */
    if (ext->memo_slots == 0 && (rc = memo_grow(ext)) < 0)
        return rc;
    ext->ntoks = 0;
    ext->nnear = 0;
    ext->ncands = 0;
    ext->folds_len = 0;
    ext->post_roles = 0;
    ext->post_trig = 0;
    ext->tok_sentence = 0;
    ext->tok_brk = 1;
    ext->spaced_at = 0;
    if ((rc = folds_room(ext, 0)) < 0)
        return rc;
    while (p < len) {
        size_t e = p + 1;
        unsigned c = (unsigned char)t[p];
        int b = 0;
        if (c == ' ') {
            p++;
            continue;
        }
        /* the common token, a word of ASCII letters and digits (not a
         * URL), without next_token's other tests */
        if (is_alnum_ascii(c)) {
            if ((rc = push_plain_word(ext, p, &e)) < 0)
                return rc;
            if (rc > 0) {
                p = e + (t[e] == ' '); /* its space: not a turn of the loop */
                continue;
            }
        }
        if (is_space(t + p, &n)) {
            if (t[p] == '\n')
                ext->tok_brk = 1;
            p += n;
            continue;
        }
        if ((rc = next_token(ext, p, &e, &b)) < 0 ||
            (rc = folds_room(ext, e)) < 0)
            return rc;
        ext->tok_brk |= b;
        p = e;
    }
    post_triggers(ext);
    return 0;
}

/* Copy s into the word arena; its offset, or <0 on error. */
static int64_t arena_put(mosaic_extractor *ext, const char *s, size_t len)
{
    size_t at = ext->word_arena_len;
    int rc;

    if (len + 1 > UINT32_MAX - 1 - at)
        return mosaic__error_set(MOSAIC_ETOOBIG, "too many words");
    if ((rc = grow((void **)&ext->word_arena, &ext->word_arena_cap,
                   at + len + 1, 1)) < 0)
        return rc;
    memcpy(ext->word_arena + at, s, len);
    ext->word_arena[at + len] = '\0';
    ext->word_arena_len = at + len + 1;
    return (int64_t)at;
}

/* Put memo entry s (the word's hash << 32 | 1 + its index) in its slot
 * (the memo has a free one). */
static void memo_put(mosaic_extractor *ext, uint64_t s)
{
    size_t mask = ext->memo_slots - 1, i = (uint32_t)(s >> 32) & mask;

    while (ext->memo[i] != 0)
        i = (i + 1) & mask;
    ext->memo[i] = s;
}

/* Room in the memo for one more word: at most half its slots full. */
static int memo_grow(mosaic_extractor *ext)
{
    size_t n = ext->memo_slots ? ext->memo_slots * 2 : 1024,
           old_slots = ext->memo_slots;
    uint64_t *m, *old = ext->memo;

    if ((ext->nwords + 1) * 2 <= ext->memo_slots)
        return 0;
    if (ext->nwords + 1 >= UINT32_MAX)
        return mosaic__error_set(MOSAIC_ETOOBIG, "too many words");
    if ((m = calloc(n, sizeof(*m))) == NULL)
        return mosaic__error_oom();
    ext->memo = m;
    ext->memo_slots = n;
    for (size_t i = 0; i < old_slots; i++)
        if (old[i] != 0)
            memo_put(ext, old[i]);
    free(old);
    return 0;
}

void extract_memo_clear(mosaic_extractor *ext)
{
    if (ext->memo)
        memset(ext->memo, 0, ext->memo_slots * sizeof(*ext->memo));
    ext->nwords = 0;
    ext->word_arena_len = 0;
}

void extract_memo_free(mosaic_extractor *ext)
{
    free(ext->memo);
    free(ext->words);
    free(ext->word_arena);
}

/* The stemmer for a word: an ASCII word takes the ISO-8859-1 build of
 * the English stemmer, which reads its bytes as the UTF-8 build does
 * (ASCII is both) without decoding each one. */
static struct sb_stemmer *stemmer_for(const mosaic_extractor *ext,
                                      const char *fold, uint32_t len)
{
    for (uint32_t i = 0; i < len; i++)
        if ((unsigned char)fold[i] >= 0x80)
            return ext->stemmer;
    return ext->stemmer_ascii;
}

/* The stem of a word, made on its first use and kept with it. */
static int word_stem(mosaic_extractor *ext, xword *w, const char *fold,
                     uint32_t len)
{
    struct sb_stemmer *stemmer = stemmer_for(ext, fold, len);
    const char *st = (const char *)sb_stemmer_stem(
        stemmer, (const sb_symbol *)fold, (int)len);
    uint32_t sl;
    int64_t off;

    if (st == NULL)
        return mosaic__error_oom();
    sl = (uint32_t)sb_stemmer_length(stemmer);
    if ((off = arena_put(ext, st, sl)) < 0)
        return (int)off;
    w->stem = (uint32_t)off;
    w->stem_len = sl;
    w->stem_hash = xtable_hash(st, sl);
    return 0;
}

/* A slip of the keys ("cleint") is read as the word meant: its roles
 * and its stem. */
static int misspelt_word(mosaic_extractor *ext, xword *w, const char *fold,
                         uint32_t len)
{
    const char *meant = extract_misspelt(fold, len);
    uint32_t n;

    if (meant == NULL)
        return 0;
    n = (uint32_t)strlen(meant);
    w->roles = extract_roles_of(ext, meant, n, xtable_hash(meant, n));
    return word_stem(ext, w, meant, n);
}

/* The index in ext->words of a folded word, made on first use; <0 on
 * failure. */
static int64_t word_index(mosaic_extractor *ext, const char *fold,
                          uint32_t len, uint32_t hash)
{
    int64_t found, off;
    xword *w;
    int rc;

    if (ext->memo_slots && (found = memo_find(ext, fold, len, hash, 0)) >= 0)
        return found;
    if ((rc = grow_words(ext, ext->nwords + 1)) < 0 ||
        (rc = memo_grow(ext)) < 0)
        return rc;
    w = &ext->words[ext->nwords];
    w->stem = UINT32_MAX;
    w->stem_len = w->stem_hash = 0;
    w->roles = extract_roles_of(ext, fold, len, hash);
    for (int k = 0; k < FIRST_N; k++)
        w->first[k] = FIRST_UNKNOWN;
    w->len = len;
    memset(w->key, 0, sizeof(w->key));
    if (len <= WORD_INLINE) {
        memcpy(w->key, fold, len);
    } else {
        uint32_t at;
        if ((off = arena_put(ext, fold, len)) < 0)
            return off;
        at = (uint32_t)off;
        memcpy(w->key, &at, sizeof(at));
    }
    memo_put(ext, (uint64_t)hash << 32 | (ext->nwords + 1));
    if (w->roles == 0 && (rc = misspelt_word(ext, w, fold, len)) < 0)
        return rc;
    w->trig_hi = (uint32_t)(word_triggers(fold, len, w->roles) >> 32);
    return (int64_t)ext->nwords++;
}

xword *extract_word(mosaic_extractor *ext, xtoken *t)
{
    int64_t w;

    if (t->word)
        return &ext->words[t->word - 1];
    if (t->fold_len == 0) /* not a key of any table */
        return NULL;
    if ((w = word_index(ext, TOK_FOLD(ext, t), t->fold_len, t->hash)) < 0)
        return NULL;
    t->word = (uint32_t)w + 1;
    return &ext->words[w];
}

/* Copy a stem into the post's folds as token t's. */
static int set_stem(mosaic_extractor *ext, xtoken *t, const char *st,
                    uint32_t len, uint32_t hash)
{
    if (grow((void **)&ext->folds, &ext->folds_cap,
             ext->folds_len + len + 1, 1) < 0)
        return -1;
    memcpy(ext->folds + ext->folds_len, st, len);
    ext->folds[ext->folds_len + len] = '\0';
    t->stem = (uint32_t)ext->folds_len;
    t->stem_len = len;
    t->stem_hash = hash;
    ext->folds_len += len + 1;
    return 0;
}

const char *extract_stem_made(mosaic_extractor *ext, xtoken *t,
                              size_t *len)
{
    xword *w;

    if (t->fold_len == 0) { /* an empty word: nothing to remember */
        if (t->stem == UINT32_MAX) {
            const char *st = (const char *)sb_stemmer_stem(
                ext->stemmer, (const sb_symbol *)TOK_FOLD(ext, t), 0);
            uint32_t sl;
            if (st == NULL)
                return NULL;
            sl = (uint32_t)sb_stemmer_length(ext->stemmer);
            if (set_stem(ext, t, st, sl, xtable_hash(st, sl)) < 0)
                return NULL;
        }
        *len = t->stem_len;
        return ext->folds + t->stem;
    }
    if ((w = extract_word_of(ext, t)) == NULL ||
        (w->stem == UINT32_MAX &&
         word_stem(ext, w, TOK_FOLD(ext, t), t->fold_len) < 0))
        return NULL;
    /* read where the word keeps it, not copied per token (callers use
     * it before another word is made) */
    t->stem_len = w->stem_len;
    t->stem_hash = w->stem_hash;
    *len = w->stem_len;
    return ext->word_arena + w->stem;
}

int extract_phrase_key(mosaic_extractor *ext, const char *phrase, int stem,
                       char *out, size_t size, int *nwords)
{
    size_t o = 0;
    int rc;

    *nwords = 0;
    if ((rc = extract_clean(ext, phrase, strlen(phrase))) < 0 ||
        (rc = extract_tokenise(ext)) < 0)
        return rc;
    for (size_t i = 0; i < ext->ntoks; i++) {
        xtoken *t = &ext->toks[i];
        const char *w = TOK_FOLD(ext, t);
        size_t wl = t->fold_len;
        if (t->kind == TOK_HYPHEN || (t->kind == TOK_PUNCT && *w == '.'))
            continue;
        if (t->kind == TOK_PUNCT || t->kind == TOK_OTHER)
            return mosaic__error_set(MOSAIC_EFORMAT,
                                     "punctuation inside a phrase");
        if (stem && t->kind == TOK_WORD &&
            (w = extract_stem(ext, t, &wl)) == NULL)
            return mosaic__error_oom();
        if (o + wl + 2 > size)
            return mosaic__error_set(MOSAIC_ETOOBIG, "phrase too long");
        if (o)
            out[o++] = ' ';
        memcpy(out + o, w, wl);
        o += wl;
        (*nwords)++;
    }
    out[o] = '\0';
    return (int)o;
}
