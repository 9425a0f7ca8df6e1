/*
 * strmap.c -- a string to int hash map (open addressing, FNV-1a): the
 * gazetteer's name index, the analysis's sets of post ids.
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "strmap.h"

static uint32_t hash(const char *s)
{
    uint32_t h = 2166136261u;

    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static int grow(strmap *ix)
{
    strmap big = { NULL, NULL, ix->cap ? ix->cap * 2 : 256, 0 };

    big.keys = calloc(big.cap, sizeof(*big.keys));
    big.vals = calloc(big.cap, sizeof(*big.vals));
    if (!big.keys || !big.vals) {
        free(big.keys);
        free(big.vals);
        return mosaic__error_oom();
    }
    for (size_t i = 0; i < ix->cap; i++)
        if (ix->keys[i])
            strmap_put(&big, ix->keys[i], ix->vals[i]);
    strmap_free(ix);
    *ix = big;
    return 0;
}

/* Keys are stored as given (already normalised, owned by the caller);
 * the first value put for a key stays. */
int strmap_put(strmap *ix, const char *key, int val)
{
    size_t i;

    if ((ix->used + 1) * 2 > ix->cap && grow(ix) < 0)
        return MOSAIC_ENOMEM;
    for (i = hash(key) & (ix->cap - 1); ix->keys[i];
         i = (i + 1) & (ix->cap - 1))
        if (strcmp(ix->keys[i], key) == 0)
            return 0;
    ix->keys[i] = key;
    ix->vals[i] = val;
    ix->used++;
    return 0;
}

int strmap_get(const strmap *ix, const char *key)
{
    if (!ix->cap)
        return -1;
    for (size_t i = hash(key) & (ix->cap - 1); ix->keys[i];
         i = (i + 1) & (ix->cap - 1))
        if (strcmp(ix->keys[i], key) == 0)
            return ix->vals[i];
    return -1;
}

void strmap_free(strmap *ix)
{
    free(ix->keys);
    free(ix->vals);
    ix->keys = NULL;
    ix->vals = NULL;
    ix->cap = ix->used = 0;
}
