/*
 * text.c -- UTF-8 validation, derived keys and HTML entity decoding.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "text.h"

int text_is_utf8(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str, *end = s + len;

    while (s < end) {
        unsigned c = *s;
        size_t n;
        unsigned cp, min;

        if (c < 0x80) {
            uint64_t v; /* ASCII runs: 8 bytes at a time */
            s++;
            while (end - s >= 8 &&
                   (memcpy(&v, s, 8), (v & 0x8080808080808080ULL) == 0))
                s += 8;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF)
            n = 1, cp = c & 0x1F, min = 0x80;
        else if (c >= 0xE0 && c <= 0xEF)
            n = 2, cp = c & 0x0F, min = 0x800;
        else if (c >= 0xF0 && c <= 0xF4)
            n = 3, cp = c & 0x07, min = 0x10000;
        else
            return 0;
        if ((size_t)(end - s) <= n)
            return 0;
        for (size_t i = 1; i <= n; i++) {
            if ((s[i] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (s[i] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        s += n + 1;
    }
    return 1;
}

uint64_t text_hash64(const void *data, size_t len, uint64_t seed)
{
    const unsigned char *p = data;
    uint64_t h = 0xcbf29ce484222325ULL ^ seed; /* FNV offset basis */

    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL; /* FNV prime */
    }
    return h;
}

static int put_utf8(strbuf *out, unsigned long cp)
{
    char b[4];
    size_t n;

    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80)
        b[0] = (char)cp, n = 1;
    else if (cp < 0x800)
        b[0] = (char)(0xC0 | (cp >> 6)), b[1] = (char)(0x80 | (cp & 0x3F)),
        n = 2;
    else if (cp < 0x10000)
        b[0] = (char)(0xE0 | (cp >> 12)),
        b[1] = (char)(0x80 | ((cp >> 6) & 0x3F)),
        b[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
    else
        b[0] = (char)(0xF0 | (cp >> 18)),
        b[1] = (char)(0x80 | ((cp >> 12) & 0x3F)),
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3F)),
        b[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
    return strbuf_put(out, b, n);
}

static const struct {
    const char *name;
    unsigned long cp;
} entities[] = {
    { "amp", '&' },      { "lt", '<' },        { "gt", '>' },
    { "quot", '"' },     { "apos", '\'' },     { "nbsp", 0xA0 },
    { "hellip", 0x2026 }, { "mdash", 0x2014 }, { "ndash", 0x2013 },
    { "lsquo", 0x2018 }, { "rsquo", 0x2019 },  { "ldquo", 0x201C },
    { "rdquo", 0x201D }, { "pound", 0xA3 },    { "euro", 0x20AC },
    { "copy", 0xA9 },    { "eacute", 0xE9 },   { "middot", 0xB7 },
};

/* Decode one reference at s (just past '&'); 0 if it is not one. */
static size_t decode_ref(const char *s, unsigned long *cp)
{
    const char *semi = memchr(s, ';', strnlen(s, 12));
    size_t n;

    if (semi == NULL || semi == s)
        return 0;
    n = (size_t)(semi - s);
    if (s[0] == '#') {
        char *end;
        int hex = s[1] == 'x' || s[1] == 'X';
        *cp = strtoul(s + 1 + hex, &end, hex ? 16 : 10);
        return end == semi && n > 1u + (unsigned)hex ? n + 1 : 0;
    }
    for (size_t i = 0; i < sizeof(entities) / sizeof(entities[0]); i++)
        if (strlen(entities[i].name) == n &&
            memcmp(entities[i].name, s, n) == 0) {
            *cp = entities[i].cp;
            return n + 1;
        }
    return 0;
}

int text_decode_entities(strbuf *out, const char *s)
{
    int rc;

    for (;;) {
        const char *amp = strchr(s, '&');
        unsigned long cp;
        size_t used;

        if (amp == NULL)
            return strbuf_puts(out, s);
        if ((rc = strbuf_put(out, s, (size_t)(amp - s))) < 0)
            return rc;
        if ((used = decode_ref(amp + 1, &cp)) > 0) {
            if ((rc = put_utf8(out, cp)) < 0)
                return rc;
            s = amp + 1 + used;
        } else {
            if ((rc = strbuf_putc(out, '&')) < 0)
                return rc;
            s = amp + 1;
        }
    }
}

void text_rtrim(strbuf *sb)
{
    while (sb->len > 0 && strchr(" \t\r\n", sb->ptr[sb->len - 1]))
        sb->ptr[--sb->len] = '\0';
}

/* Empty, too big, not UTF-8 or holding NUL: refused before any write. */
int text_check_post(const char *text, size_t len)
{
    size_t i = 0;

    while (i < len && strchr(" \t\r\n", text[i]) && text[i])
        i++;
    if (i == len)
        return mosaic__error_set(MOSAIC_EFORMAT, "the post is empty");
    if (len > MOSAIC_DRAFT_MAX)
        return mosaic__error_set(MOSAIC_ETOOBIG,
                                 "the post is %zu bytes, over the limit of "
                                 "%d", len, MOSAIC_DRAFT_MAX);
    if (memchr(text, '\0', len))
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "the post holds NUL bytes (binary data?)");
    if (!text_is_utf8(text, len))
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "the post is not valid UTF-8");
    return 0;
}
