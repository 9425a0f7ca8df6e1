/*
 * strbuf.h -- a growable byte buffer with a hard cap, so hostile input
 * cannot make the tool swallow the machine (MOSAIC_ETOOBIG past it).
 * The contents are always NUL-terminated.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_STRBUF_H
#define MOSAIC_STRBUF_H

#include <stddef.h>

typedef struct {
    char *ptr;  /* NUL-terminated contents, or NULL before the first put */
    size_t len; /* bytes in use, excluding the NUL */
    size_t cap; /* bytes allocated */
    size_t max; /* the most len may ever reach */
} strbuf;

#define STRBUF_INIT(maxlen) { NULL, 0, 0, (maxlen) }

int strbuf_put(strbuf *sb, const void *data, size_t len);
int strbuf_puts(strbuf *sb, const char *s);
int strbuf_putc(strbuf *sb, char c);
int strbuf_printf(strbuf *sb, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Make room for `extra` more bytes without writing them. */
int strbuf_grow(strbuf *sb, size_t extra);
/* Forget the contents but keep the memory. */
void strbuf_clear(strbuf *sb);
/* The contents ("" when empty); borrowed. */
const char *strbuf_str(const strbuf *sb);
/* Hand the contents to the caller (free()) and reset the buffer. */
char *strbuf_detach(strbuf *sb);
void strbuf_dispose(strbuf *sb);

#endif
