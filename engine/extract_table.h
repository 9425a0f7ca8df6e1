/*
 * extract_table.h -- string-keyed hash tables for the extraction stage:
 * an open-addressing set/map with its keys in one arena, and a lexicon
 * (phrase keys -> entries) built on it for multi-word matching.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_EXTRACT_TABLE_H
#define MOSAIC_EXTRACT_TABLE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct {
    uint32_t hash, key, klen, val; /* key: offset in arena; klen 0: empty */
} xslot;

#define XTABLE_BLOOM_BITS 65536 /* 8 KB: absent keys mostly never probe */

typedef struct {
    xslot *slots;
    size_t nslots, count;
    uint64_t *bloom; /* one bit per hash's upper 16 bits */
    char *arena; /* keys (and interned strings), NUL-terminated each */
    size_t arena_len, arena_cap;
    int borrowed; /* slots, bloom, arena in a mapped image: read-only */
} xtable;

/* Insert key -> val; an existing key keeps its value.  Returns 1 if the
 * key was new, 0 if it existed, <0 on error. */
int xtable_put(xtable *t, const char *key, size_t len, uint32_t val);
/* Each word of a space-separated list as a key, its value ORed with
 * bits (a new key gets bits).  Returns 0 or <0. */
int xtable_put_words(xtable *t, const char *words, uint32_t bits);
/* The slot of key, or NULL when absent. */
xslot *xtable_find(const xtable *t, const char *key, size_t len);
/* The same with the key's hash known (xtable_hash); hashing once per
 * token serves every table.  Inline: extraction calls it per token. */
#define XTABLE_BLOOM_BIT(h) ((h) >> 16)
static inline xslot *xtable_find_hashed(const xtable *t, const char *key,
                                        size_t len, uint32_t hash)
{
    size_t mask = t->nslots - 1, i = hash & mask;

    if (t->nslots == 0 || len == 0 ||
        !(t->bloom[XTABLE_BLOOM_BIT(hash) / 64] >>
              (XTABLE_BLOOM_BIT(hash) % 64) & 1))
        return NULL;
    for (;; i = (i + 1) & mask) {
        xslot *s = &t->slots[i];
        if (s->klen == 0)
            return NULL;
        if (s->hash == hash && s->klen == len &&
            memcmp(t->arena + s->key, key, len) == 0)
            return s;
    }
}
/* FNV-1a of key, and its continuation over more bytes. */
#define XTABLE_HASH_INIT 2166136261u
#define XTABLE_HASH_STEP(h, c) (((h) ^ (c)) * 16777619u)
uint32_t xtable_hash_more(uint32_t h, const char *s, size_t len);
#define xtable_hash(s, len) xtable_hash_more(XTABLE_HASH_INIT, (s), (len))
/* Copy a string into the arena; its offset, or <0 on error. */
int64_t xtable_intern(xtable *t, const char *s, size_t len);
#define XTABLE_STR(t, off) ((t)->arena + (off))
/* Empty the table, keeping its memory. */
void xtable_clear(xtable *t);
void xtable_dispose(xtable *t);

/* Entry flags. */
#define XE_FULL 0x01   /* a whole phrase ends here */
#define XE_PREFIX 0x02 /* a longer phrase continues */
#define XE_AMBIG 0x04  /* also a common word: needs evidence */
#define XE_WORD 0x08   /* a place name that is also an English word: a
                          capital at a sentence start is no evidence */
#define XE_PREP 0x10   /* with XE_AMBIG: only a place preposition is
                          evidence, not a hashtag ("#Spring") */
/* Bits 8-15: the word form a lexicon entry's last word asks of the
 * text's word (extract_lexicon.c: "accountant" is not "account"). */
#define XE_FORM_SHIFT 8
#define XE_FORM_MASK 0xFF00

#define XCATEGORY_NONE UINT32_MAX

/* As the reference image stores it too: a loaded lexicon's entries are
 * used where they are mapped. */
typedef struct {
    uint32_t category; /* an index of xcategory_names, or XCATEGORY_NONE */
    uint32_t value;    /* offset of the canonical value in keys.arena */
    uint16_t flags, nwords;
} xentry;

/* Every category a lexicon entry can have. */
extern const char *const xcategory_names[];
#define XCATEGORY_CUE 0 /* CAT_CUE: xcategory_names' first */
#define XCATEGORY_NOT 18 /* "NOT": xcategory_names' last */
extern const size_t xcategory_count;
/* The entry's category name, or NULL. */
static inline const char *xentry_category(const xentry *e)
{
    return e->category < xcategory_count ? xcategory_names[e->category]
                                         : NULL;
}

typedef struct {
    xtable keys; /* phrase key ("junior doctor") -> entry index */
    xentry *e;
    size_t n, cap;
    int borrowed; /* e is mapped from the reference image */
} xlexicon;

/* Add a phrase (its words' keys joined by single spaces, nwords words):
 * marks every shorter prefix XE_PREFIX.  The first phrase added wins a
 * clash.  value NULL: the key itself; category one of xcategory_names
 * (or NULL). */
int xlexicon_add(xlexicon *lx, const char *key, size_t len, int nwords,
                 const char *category, const char *value, int flags);
/* The entry for key, or NULL. */
xentry *xlexicon_find(const xlexicon *lx, const char *key, size_t len);
xentry *xlexicon_find_hashed(const xlexicon *lx, const char *key,
                             size_t len, uint32_t hash);
#define XLEX_VALUE(lx, ent) XTABLE_STR(&(lx)->keys, (ent)->value)
void xlexicon_dispose(xlexicon *lx);

#endif
