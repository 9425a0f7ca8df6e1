/*
 * strmap.h -- a string to int hash map.  Keys are borrowed: they must
 * outlive the map.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_STRMAP_H
#define MOSAIC_STRMAP_H

#include <stddef.h>

typedef struct {
    const char **keys;
    int *vals;
    size_t cap, used;
} strmap;

#define STRMAP_INIT { NULL, NULL, 0, 0 }

/* Add key (the first value put for a key stays); MOSAIC_ENOMEM. */
int strmap_put(strmap *m, const char *key, int val);
/* The value of key, or -1. */
int strmap_get(const strmap *m, const char *key);
void strmap_free(strmap *m);

#endif
