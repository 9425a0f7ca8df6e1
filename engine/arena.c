/*
 * arena.c -- memory freed all at once (see arena.h).
 * SPDX-License-Identifier: MIT
 */
#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

struct arena_chunk {
    arena_chunk *next;
    size_t used, size;
    max_align_t data[];
};

#define ARENA_CHUNK (64 * 1024)

void *arena_alloc(arena *a, size_t size)
{
    size_t align = alignof(max_align_t);
    size_t need = (size + align - 1) / align * align;
    arena_chunk *c = a->head;
    void *p;

    if (c == NULL || c->size - c->used < need) {
        size_t room = need > ARENA_CHUNK ? need : ARENA_CHUNK;
        if ((c = malloc(sizeof(*c) + room)) == NULL)
            return NULL;
        c->next = a->head;
        c->used = 0;
        c->size = room;
        a->head = c;
    }
    p = (char *)c->data + c->used;
    c->used += need;
    return memset(p, 0, size);
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    char *p;

    if (s == NULL || (p = arena_alloc(a, n + 1)) == NULL)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_strdup(arena *a, const char *s)
{
    return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

void arena_dispose(arena *a)
{
    while (a->head) {
        arena_chunk *next = a->head->next;
        free(a->head);
        a->head = next;
    }
}
