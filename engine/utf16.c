/*
 * utf16.c -- UTF-16LE to UTF-8 as a stream; see utf16.h.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "utf16.h"

struct utf16_ctx {
    instream *inner;
    unsigned long long offset; /* bytes of UTF-16 read so far */
    unsigned char carry[4];    /* UTF-8 bytes that did not fit last time */
    size_t ncarry;
};

int utf16le_has_bom(const char *p, size_t len)
{
    return len >= 2 && (unsigned char)p[0] == 0xFF &&
           (unsigned char)p[1] == 0xFE;
}

/* One 16-bit unit: 1, 0 at the end, <0 on error. */
static int read_unit(struct utf16_ctx *c, unsigned *unit)
{
    unsigned char b[2];
    size_t got = 0;
    ssize_t n;

    while (got < 2 && (n = instream_read(c->inner, b + got, 2 - got)) > 0)
        got += (size_t)n;
    if (got < 2 && n < 0)
        return (int)n;
    if (got == 1)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: invalid UTF-16: ends in the middle of "
                                 "a character (byte %llu)",
                                 instream_name(c->inner), c->offset);
    if (got == 0)
        return 0;
    c->offset += 2;
    *unit = b[0] | (unsigned)b[1] << 8;
    return 1;
}

/* The next code point: 1, 0 at the end, <0 on error. */
static int read_code_point(struct utf16_ctx *c, unsigned long *cp)
{
    unsigned long long at = c->offset;
    unsigned hi, lo;
    int rc;

    if ((rc = read_unit(c, &hi)) <= 0)
        return rc;
    if (hi >= 0xDC00 && hi <= 0xDFFF)
        goto unpaired;
    if (hi < 0xD800 || hi > 0xDBFF) {
        *cp = hi;
        return 1;
    }
    if ((rc = read_unit(c, &lo)) < 0)
        return rc;
    if (rc == 0 || lo < 0xDC00 || lo > 0xDFFF)
        goto unpaired;
    *cp = 0x10000 + ((unsigned long)(hi - 0xD800) << 10) + (lo - 0xDC00);
    return 1;
unpaired:
    return mosaic__error_set(MOSAIC_EFORMAT,
                             "%s: invalid UTF-16: unpaired surrogate at "
                             "byte %llu",
                             instream_name(c->inner), at);
}

static size_t put_utf8(unsigned char *o, unsigned long cp)
{
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | cp >> 6);
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | cp >> 12);
        o[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | cp >> 18);
    o[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
    o[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Fills any n >= 1: bytes that do not fit wait in the carry. */
static ssize_t utf16_fill(void *ctx, void *buf, size_t n)
{
    struct utf16_ctx *c = ctx;
    unsigned char *o = buf, u[4];
    size_t used = 0, len;
    unsigned long cp = 0;
    int rc;

    while (used < n && c->ncarry > 0) {
        o[used++] = c->carry[0];
        memmove(c->carry, c->carry + 1, --c->ncarry);
    }
    while (used < n) {
        if ((rc = read_code_point(c, &cp)) < 0)
            return rc;
        if (rc == 0)
            break;
        if (cp == 0xFEFF && c->offset == 2)
            continue; /* the byte order mark */
        if (cp == 0)
            return mosaic__error_set(MOSAIC_EFORMAT,
                                     "%s: a NUL character at byte %llu",
                                     instream_name(c->inner), c->offset - 2);
        len = put_utf8(u, cp);
        for (size_t i = 0; i < len; i++) {
            if (used < n)
                o[used++] = u[i];
            else
                c->carry[c->ncarry++] = u[i];
        }
    }
    return (ssize_t)used;
}

static void utf16_close(void *ctx)
{
    struct utf16_ctx *c = ctx;

    instream_close(c->inner);
    free(c);
}

int instream_open_utf16le(instream **out, instream *inner)
{
    struct utf16_ctx *c;
    int rc;

    *out = NULL;
    if ((c = calloc(1, sizeof(*c))) == NULL) {
        instream_close(inner);
        return mosaic__error_oom();
    }
    c->inner = inner;
    if ((rc = instream_new(out, instream_name(inner), utf16_fill, utf16_close,
                           c)) < 0)
        utf16_close(c);
    return rc;
}
