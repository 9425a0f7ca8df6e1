/*
 * population_index.c -- a small open-addressing map from normalised
 * names ("hebden bridge", "farrier") to table rows.
 * SPDX-License-Identifier: MIT
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "population_tables.h"

int pop_normalise(char *out, size_t size, const char *in)
{
    size_t n = 0;
    int space = 0;

    while (*in && isspace((unsigned char)*in))
        in++;
    for (; *in; in++) {
        unsigned char c = (unsigned char)*in;
        if (isspace(c) || c == '_') {
            space = 1;
            continue;
        }
        if (space && n > 0) {
            if (n + 1 >= size)
                return -1;
            out[n++] = ' ';
        }
        space = 0;
        if (n + 1 >= size)
            return -1;
        out[n++] = (char)tolower(c);
    }
    out[n] = '\0';
    return 0;
}

static uint32_t hash(const char *s)
{
    uint32_t h = 2166136261u;

    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static int grow(struct pop_index *ix)
{
    struct pop_index big = { NULL, NULL, ix->cap ? ix->cap * 2 : 256, 0 };

    big.keys = calloc(big.cap, sizeof(*big.keys));
    big.vals = calloc(big.cap, sizeof(*big.vals));
    if (!big.keys || !big.vals) {
        free(big.keys);
        free(big.vals);
        return mosaic__error_oom();
    }
    for (size_t i = 0; i < ix->cap; i++)
        if (ix->keys[i])
            pop_index_put(&big, ix->keys[i], ix->vals[i]);
    pop_index_free(ix);
    *ix = big;
    return 0;
}

/* Keys are stored as given (already normalised, owned by the caller);
 * the first value put for a key stays. */
int pop_index_put(struct pop_index *ix, const char *key, int val)
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

int pop_index_get(const struct pop_index *ix, const char *key)
{
    if (!ix->cap)
        return -1;
    for (size_t i = hash(key) & (ix->cap - 1); ix->keys[i];
         i = (i + 1) & (ix->cap - 1))
        if (strcmp(ix->keys[i], key) == 0)
            return ix->vals[i];
    return -1;
}

void pop_index_free(struct pop_index *ix)
{
    free(ix->keys);
    free(ix->vals);
    ix->keys = NULL;
    ix->vals = NULL;
    ix->cap = ix->used = 0;
}
