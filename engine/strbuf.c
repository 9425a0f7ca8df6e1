/*
 * strbuf.c -- capped growable buffer; see strbuf.h.
 * SPDX-License-Identifier: MIT
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "strbuf.h"

int strbuf_grow(strbuf *sb, size_t extra)
{
    size_t want, cap;
    char *p;

    if (extra > sb->max || sb->len > sb->max - extra)
        return mosaic__error_set(MOSAIC_ETOOBIG,
                                 "text exceeds the limit of %zu bytes",
                                 sb->max);
    want = sb->len + extra + 1;
    if (want <= sb->cap)
        return 0;
    cap = sb->cap ? sb->cap : 64;
    while (cap < want)
        cap = cap > ((size_t)-1) / 2 ? want : cap * 2;
    if ((p = realloc(sb->ptr, cap)) == NULL)
        return mosaic__error_oom();
    sb->ptr = p;
    sb->cap = cap;
    return 0;
}

int strbuf_put(strbuf *sb, const void *data, size_t len)
{
    int rc;

    if ((rc = strbuf_grow(sb, len)) < 0)
        return rc;
    if (len)
        memcpy(sb->ptr + sb->len, data, len);
    sb->len += len;
    sb->ptr[sb->len] = '\0';
    return 0;
}

int strbuf_puts(strbuf *sb, const char *s)
{
    return strbuf_put(sb, s, strlen(s));
}

int strbuf_putc(strbuf *sb, char c)
{
    return strbuf_put(sb, &c, 1);
}

int strbuf_printf(strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    int n, rc;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return mosaic__error_set(MOSAIC_ERROR, "bad format string");
    if ((rc = strbuf_grow(sb, (size_t)n)) < 0)
        return rc;
    va_start(ap, fmt);
    vsnprintf(sb->ptr + sb->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb->len += (size_t)n;
    return 0;
}

void strbuf_clear(strbuf *sb)
{
    sb->len = 0;
    if (sb->ptr)
        sb->ptr[0] = '\0';
}

const char *strbuf_str(const strbuf *sb)
{
    return sb->ptr ? sb->ptr : "";
}

char *strbuf_detach(strbuf *sb)
{
    char *p = sb->ptr ? sb->ptr : strdup("");

    sb->ptr = NULL;
    sb->len = sb->cap = 0;
    return p;
}

void strbuf_dispose(strbuf *sb)
{
    free(sb->ptr);
    sb->ptr = NULL;
    sb->len = sb->cap = 0;
}
