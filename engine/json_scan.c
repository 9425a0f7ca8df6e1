/*
 * json_scan.c -- a strict JSON walker with a visitor; see json_scan.h.
 * Recursive descent with a depth cap; RFC 8259 grammar.
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <string.h>

#include "json_scan.h"
#include "mosaic.h"

typedef struct {
    char *p, *end, *start;
    jscan_visit visit;
    void *ctx;
    jscan_step path[JSON_SCAN_DEPTH_MAX + 1];
    const char *why;
    int ran_out; /* failed for want of bytes past the end */
} scanner;

static int fail(scanner *s, const char *why)
{
    if (s->why == NULL)
        s->why = why;
    return MOSAIC_EFORMAT;
}

/* A failure at the end of the buffer: more bytes might have mended it. */
static int fail_end(scanner *s, const char *why)
{
    s->ran_out = 1;
    return fail(s, why);
}

static void skip_space(scanner *s)
{
    while (s->p < s->end &&
           (*s->p == ' ' || *s->p == '\n' || *s->p == '\r' || *s->p == '\t'))
        s->p++;
}

static int hex4(const char *p)
{
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
              (c >= 'A' && c <= 'F')))
            return 0;
    }
    return 1;
}

/* At the opening quote: move past the closing one; the content in
 * *raw, *len. */
/* 1 if one of the 8 bytes in v is '"', '\\' or a control character. */
static int word_has_special(uint64_t v)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    uint64_t q = v ^ (ones * '"'), b = v ^ (ones * '\\');

    return (((q - ones) & ~q) | ((b - ones) & ~b) | ((v - ones * 0x20) & ~v)) &
           highs ? 1 : 0;
}

static int scan_string(scanner *s, char **raw, size_t *len)
{
    char *p = ++s->p;

    for (;;) {
        uint64_t v;
        while (s->end - p >= 8 && (memcpy(&v, p, 8), !word_has_special(v)))
            p += 8;
        while (p < s->end && *p != '"' && *p != '\\' &&
               (unsigned char)*p >= 0x20)
            p++;
        if (p >= s->end)
            return fail_end(s, "unterminated string");
        if (*p == '"')
            break;
        if ((unsigned char)*p < 0x20)
            return fail(s, "control character in a string");
        if (p + 1 >= s->end)
            return fail_end(s, "unterminated string");
        if (p[1] == 'u') {
            if (s->end - p < 6)
                return fail_end(s, "bad \\u escape");
            if (!hex4(p + 2))
                return fail(s, "bad \\u escape");
            p += 6;
        } else if (strchr("\"\\/bfnrt", p[1]) && p[1] != '\0') {
            p += 2;
        } else {
            return fail(s, "bad escape in a string");
        }
    }
    *raw = s->p;
    *len = (size_t)(p - s->p);
    s->p = p + 1;
    return 0;
}

static int scan_number(scanner *s)
{
    char *p = s->p;

    if (p < s->end && *p == '-')
        p++;
    if (p < s->end && *p == '0') {
        p++;
    } else if (p < s->end && *p >= '1' && *p <= '9') {
        while (p < s->end && *p >= '0' && *p <= '9')
            p++;
    } else {
        return (p >= s->end ? fail_end : fail)(s, "unexpected character");
    }
    if (p < s->end && *p == '.') {
        if (++p >= s->end)
            return fail_end(s, "bad number");
        if (*p < '0' || *p > '9')
            return fail(s, "bad number");
        while (p < s->end && *p >= '0' && *p <= '9')
            p++;
    }
    if (p < s->end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < s->end && (*p == '+' || *p == '-'))
            p++;
        if (p >= s->end)
            return fail_end(s, "bad number");
        if (*p < '0' || *p > '9')
            return fail(s, "bad number");
        while (p < s->end && *p >= '0' && *p <= '9')
            p++;
    }
    s->p = p;
    return 0;
}

static int scan_value(scanner *s, int depth);

static int visit(scanner *s, int depth, jscan_type t, char *raw, size_t len)
{
    if (depth == 0)
        return 0;
    return s->visit(s->ctx, s->path, depth, t, raw, len);
}

static int scan_container(scanner *s, int depth, int object)
{
    char close = object ? '}' : ']';
    int rc;

    if (depth >= JSON_SCAN_DEPTH_MAX)
        return fail(s, "nested too deeply");
    if ((rc = visit(s, depth, object ? JSCAN_OBJECT : JSCAN_ARRAY, s->p,
                    1)) != 0)
        return rc;
    s->p++;
    skip_space(s);
    if (s->p < s->end && *s->p == close) {
        s->p++;
        return 0;
    }
    for (;;) {
        jscan_step *step = &s->path[depth];
        step->key = NULL, step->len = 0;
        if (object) {
            char *key;
            skip_space(s);
            if (s->p >= s->end)
                return fail_end(s, "expected a key");
            if (*s->p != '"')
                return fail(s, "expected a key");
            if ((rc = scan_string(s, &key, &step->len)) != 0)
                return rc;
            step->key = key;
            skip_space(s);
            if (s->p >= s->end)
                return fail_end(s, "expected ':'");
            if (*s->p != ':')
                return fail(s, "expected ':'");
            s->p++;
        }
        if ((rc = scan_value(s, depth + 1)) != 0)
            return rc;
        skip_space(s);
        if (s->p < s->end && *s->p == ',') {
            s->p++;
            continue;
        }
        if (s->p < s->end && *s->p == close) {
            s->p++;
            return 0;
        }
        return (s->p >= s->end ? fail_end : fail)(
            s, object ? "expected ',' or '}'" : "expected ',' or ']'");
    }
}

static int scan_literal(scanner *s, const char *word, size_t n)
{
    if ((size_t)(s->end - s->p) < n)
        return fail_end(s, "unexpected character");
    if (memcmp(s->p, word, n) != 0)
        return fail(s, "unexpected character");
    s->p += n;
    return 0;
}

static int scan_value(scanner *s, int depth)
{
    char *raw = s->p;
    size_t len;
    int rc;

    skip_space(s);
    if (s->p >= s->end)
        return fail_end(s, "unexpected end");
    raw = s->p;
    switch (*s->p) {
    case '{':
        return scan_container(s, depth, 1);
    case '[':
        return scan_container(s, depth, 0);
    case '"':
        if ((rc = scan_string(s, &raw, &len)) != 0)
            return rc;
        return visit(s, depth, JSCAN_STRING, raw, len);
    case 't':
        if ((rc = scan_literal(s, "true", 4)) != 0)
            return rc;
        return visit(s, depth, JSCAN_TRUE, raw, 4);
    case 'f':
        if ((rc = scan_literal(s, "false", 5)) != 0)
            return rc;
        return visit(s, depth, JSCAN_FALSE, raw, 5);
    case 'n':
        if ((rc = scan_literal(s, "null", 4)) != 0)
            return rc;
        return visit(s, depth, JSCAN_NULL, raw, 4);
    default:
        if ((rc = scan_number(s)) != 0)
            return rc;
        return visit(s, depth, JSCAN_NUMBER, raw, (size_t)(s->p - raw));
    }
}

static void scanner_init(scanner *s, char *buf, size_t len,
                         jscan_visit visit_fn, void *ctx)
{
    memset(s, 0, sizeof(*s));
    s->p = s->start = buf, s->end = buf + len;
    s->visit = visit_fn, s->ctx = ctx;
}

int json_scan(char *buf, size_t len, jscan_visit visit_fn, void *ctx,
              const char **why, size_t *at)
{
    scanner s;
    int rc;

    scanner_init(&s, buf, len, visit_fn, ctx);
    rc = scan_value(&s, 0);
    if (rc == 0) {
        skip_space(&s);
        if (s.p != s.end)
            rc = fail(&s, "text after the value");
    }
    *why = s.why;
    *at = (size_t)(s.p - s.start);
    return rc;
}

int json_scan_prefix(char *buf, size_t len, jscan_visit visit_fn, void *ctx,
                     const char **why, size_t *used)
{
    scanner s;
    int rc;

    scanner_init(&s, buf, len, visit_fn, ctx);
    if (len == 0 || (buf[0] != '{' && buf[0] != '['))
        return JSON_SCAN_SHORT; /* a bare word could go on past len */
    rc = scan_value(&s, 0);
    *why = s.why;
    *used = (size_t)(s.p - s.start);
    return rc == MOSAIC_EFORMAT && s.ran_out ? JSON_SCAN_SHORT : rc;
}

static unsigned hex_value(const char *p)
{
    unsigned v = 0;

    for (int i = 0; i < 4; i++) {
        char c = p[i];
        v = v * 16 + (unsigned)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    return v;
}

static char *put_utf8(char *o, unsigned long cp)
{
    if (cp < 0x80) {
        *o++ = (char)cp;
    } else if (cp < 0x800) {
        *o++ = (char)(0xC0 | (cp >> 6));
        *o++ = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *o++ = (char)(0xE0 | (cp >> 12));
        *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *o++ = (char)(0x80 | (cp & 0x3F));
    } else {
        *o++ = (char)(0xF0 | (cp >> 18));
        *o++ = (char)(0x80 | ((cp >> 12) & 0x3F));
        *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *o++ = (char)(0x80 | (cp & 0x3F));
    }
    return o;
}

char *json_scan_string(char *raw, size_t len)
{
    char *in = memchr(raw, '\\', len), *out, *end = raw + len;

    if (in == NULL) {
        raw[len] = '\0'; /* the closing quote: already scanned */
        return raw;
    }
    for (out = in; in < end;) {
        unsigned long cp;
        if (*in != '\\') {
            *out++ = *in++;
            continue;
        }
        switch (in[1]) {
        case 'b': *out++ = '\b'; in += 2; continue;
        case 'f': *out++ = '\f'; in += 2; continue;
        case 'n': *out++ = '\n'; in += 2; continue;
        case 'r': *out++ = '\r'; in += 2; continue;
        case 't': *out++ = '\t'; in += 2; continue;
        case 'u': break;
        default: *out++ = in[1]; in += 2; continue;
        }
        cp = hex_value(in + 2);
        in += 6;
        if (cp >= 0xDC00 && cp <= 0xDFFF)
            return NULL;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            unsigned lo;
            if (end - in < 6 || in[0] != '\\' || in[1] != 'u' ||
                (lo = hex_value(in + 2)) < 0xDC00 || lo > 0xDFFF)
                return NULL;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            in += 6;
        }
        if (cp == 0)
            return NULL;
        out = put_utf8(out, cp);
    }
    *out = '\0';
    return raw;
}
