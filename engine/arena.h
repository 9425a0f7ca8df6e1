/*
 * arena.h -- memory freed all at once: the strings and arrays of one
 * analysis or one report.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_ARENA_H
#define MOSAIC_ARENA_H

#include <stddef.h>

typedef struct arena_chunk arena_chunk;
typedef struct {
    arena_chunk *head;
} arena;

#define ARENA_INIT { NULL }

/* Zeroed memory living until arena_dispose; NULL when out of memory. */
void *arena_alloc(arena *a, size_t size);
/* n bytes of s and a NUL; NULL for a NULL s or out of memory. */
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_strdup(arena *a, const char *s);
void arena_dispose(arena *a);

#endif
