/*
 * extract_table.c -- open-addressing string tables and lexicons; see
 * extract_table.h.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "extract.h"
#include "extract_table.h"

#define ARENA_MAX ((size_t)UINT32_MAX - 1)

uint32_t xtable_hash_more(uint32_t h, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        h = XTABLE_HASH_STEP(h, (unsigned char)s[i]);
    return h;
}

#define hash_key(s, len) xtable_hash(s, len)

int64_t xtable_intern(xtable *t, const char *s, size_t len)
{
    size_t at = t->arena_len;

    if (t->borrowed)
        return mosaic__error_set(MOSAIC_ERROR, "a mapped table is read-only");
    if (len + 1 > ARENA_MAX - t->arena_len)
        return mosaic__error_set(MOSAIC_ETOOBIG, "lexicon too large");
    if (t->arena_len + len + 1 > t->arena_cap) {
        size_t cap = t->arena_cap ? t->arena_cap : 4096;
        char *p;
        while (cap < t->arena_len + len + 1)
            cap *= 2;
        if ((p = realloc(t->arena, cap)) == NULL)
            return mosaic__error_oom();
        t->arena = p;
        t->arena_cap = cap;
    }
    memcpy(t->arena + at, s, len);
    t->arena[at + len] = '\0';
    t->arena_len += len + 1;
    return (int64_t)at;
}

static xslot *probe(xslot *slots, size_t nslots, const char *arena,
                    uint32_t h, const char *key, size_t len)
{
    size_t mask = nslots - 1, i = h & mask;

    for (;; i = (i + 1) & mask) {
        xslot *s = &slots[i];
        if (s->klen == 0)
            return s;
        if (s->hash == h && s->klen == len &&
            memcmp(arena + s->key, key, len) == 0)
            return s;
    }
}

static int rehash(xtable *t)
{
    size_t n = t->nslots ? t->nslots * 2 : 256;
    xslot *slots = calloc(n, sizeof(*slots));

    if (slots == NULL)
        return mosaic__error_oom();
    for (size_t i = 0; i < t->nslots; i++) {
        xslot *old = &t->slots[i];
        if (old->klen)
            *probe(slots, n, t->arena, old->hash, t->arena + old->key,
                   old->klen) = *old;
    }
    free(t->slots);
    t->slots = slots;
    t->nslots = n;
    return 0;
}


xslot *xtable_find(const xtable *t, const char *key, size_t len)
{
    return xtable_find_hashed(t, key, len, hash_key(key, len));
}

int xtable_put(xtable *t, const char *key, size_t len, uint32_t val)
{
    uint32_t h = hash_key(key, len);
    int64_t off;
    xslot *s;
    int rc;

    if (len == 0)
        return 0;
    if (t->borrowed)
        return mosaic__error_set(MOSAIC_ERROR, "a mapped table is read-only");
    if (t->bloom == NULL &&
        (t->bloom = calloc(XTABLE_BLOOM_BITS / 64, sizeof(uint64_t))) ==
            NULL)
        return mosaic__error_oom();
    if ((t->count + 1) * 2 > t->nslots && (rc = rehash(t)) < 0)
        return rc;
    s = probe(t->slots, t->nslots, t->arena, h, key, len);
    if (s->klen)
        return 0;
    if ((off = xtable_intern(t, key, len)) < 0)
        return (int)off;
    /* the arena may have moved, but slots hold offsets: still valid */
    s->hash = h;
    s->key = (uint32_t)off;
    s->klen = (uint32_t)len;
    s->val = val;
    t->bloom[XTABLE_BLOOM_BIT(h) / 64] |= 1ull << (XTABLE_BLOOM_BIT(h) % 64);
    t->count++;
    return 1;
}

int xtable_put_words(xtable *t, const char *words, uint32_t bits)
{
    int rc;

    for (const char *w = words; *w; w += *w == ' ') {
        size_t n = strcspn(w, " ");
        xslot *s = xtable_find(t, w, n);
        if (s)
            s->val |= bits;
        else if ((rc = xtable_put(t, w, n, bits)) < 0)
            return rc;
        w += n;
    }
    return 0;
}

void xtable_clear(xtable *t)
{
    if (t->slots)
        memset(t->slots, 0, t->nslots * sizeof(*t->slots));
    if (t->bloom)
        memset(t->bloom, 0, XTABLE_BLOOM_BITS / 8);
    t->count = 0;
    t->arena_len = 0;
}

void xtable_dispose(xtable *t)
{
    if (t->borrowed) {
        memset(t, 0, sizeof(*t));
        return;
    }
    free(t->slots);
    free(t->arena);
    free(t->bloom);
    memset(t, 0, sizeof(*t));
}

const char *const xcategory_names[] = {
    CAT_CUE,     CAT_AGGREGATE, CAT_HYPO,   CAT_BACKREF,  "GENDER",
    "FAMILY",    "LIFE_EVENT",  "HEALTH",   "OCCUPATION", "NATIONALITY",
    "ETHNICITY", "RELIGION",    "LANGUAGE", "SEXUALITY",  "DISTINCTIVE",
    "ORG",       "NAME",        "PLACE",    "NOT",
};
_Static_assert(sizeof(xcategory_names) / sizeof(*xcategory_names) ==
                   XCATEGORY_NOT + 1,
               "NOT is the last category");
const size_t xcategory_count =
    sizeof(xcategory_names) / sizeof(*xcategory_names);

static int category_index(const char *name, uint32_t *index)
{
    *index = XCATEGORY_NONE;
    for (size_t i = 0; name && i < xcategory_count; i++)
        if (strcmp(xcategory_names[i], name) == 0)
            *index = (uint32_t)i;
    if (name && *index == XCATEGORY_NONE)
        return mosaic__error_set(MOSAIC_ERROR,
                                 "category %s is not in extract_table.c's "
                                 "list",
                                 name);
    return 0;
}

static int64_t lexicon_entry(xlexicon *lx, const char *key, size_t len)
{
    xslot *s = xtable_find(&lx->keys, key, len);
    int rc;

    if (s)
        return s->val;
    if (lx->n == lx->cap) {
        size_t cap = lx->cap ? lx->cap * 2 : 256;
        xentry *e = realloc(lx->e, cap * sizeof(*e));
        if (e == NULL)
            return mosaic__error_oom();
        lx->e = e;
        lx->cap = cap;
    }
    lx->e[lx->n] = (xentry){ XCATEGORY_NONE, 0, 0, 0 };
    if ((rc = xtable_put(&lx->keys, key, len, (uint32_t)lx->n)) < 0)
        return rc;
    return (int64_t)lx->n++;
}

int xlexicon_add(xlexicon *lx, const char *key, size_t len, int nwords,
                 const char *category, const char *value, int flags)
{
    int64_t i;
    int64_t voff;
    uint32_t cat;
    int rc;

    if ((rc = category_index(category, &cat)) < 0)
        return rc;
    for (size_t k = 0; k < len; k++) { /* every shorter prefix */
        if (key[k] != ' ')
            continue;
        if ((i = lexicon_entry(lx, key, k)) < 0)
            return (int)i;
        lx->e[i].flags |= XE_PREFIX;
    }
    if ((i = lexicon_entry(lx, key, len)) < 0)
        return (int)i;
    if (lx->e[i].flags & XE_FULL) { /* the first phrase wins */
        if ((lx->e[i].flags ^ flags) & XE_FORM_MASK) /* both forms */
            lx->e[i].flags &= (uint16_t)~XE_FORM_MASK;
        return 0;
    }
    voff = value ? xtable_intern(&lx->keys, value, strlen(value))
                 : (int64_t)xtable_find(&lx->keys, key, len)->key;
    if (voff < 0)
        return (int)voff;
    lx->e[i].category = cat;
    lx->e[i].value = (uint32_t)voff;
    lx->e[i].flags |= (uint16_t)(XE_FULL | flags);
    lx->e[i].nwords = (uint16_t)nwords;
    return 0;
}

xentry *xlexicon_find_hashed(const xlexicon *lx, const char *key,
                             size_t len, uint32_t hash)
{
    xslot *s = xtable_find_hashed(&lx->keys, key, len, hash);

    return s ? &lx->e[s->val] : NULL;
}

xentry *xlexicon_find(const xlexicon *lx, const char *key, size_t len)
{
    xslot *s = xtable_find(&lx->keys, key, len);

    return s ? &lx->e[s->val] : NULL;
}

void xlexicon_dispose(xlexicon *lx)
{
    xtable_dispose(&lx->keys);
    if (!lx->borrowed)
        free(lx->e);
    memset(lx, 0, sizeof(*lx));
}
