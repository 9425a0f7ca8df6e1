/*
 * json_stream.c -- cut array elements out of a JSON byte stream; see
 * json_stream.h.  A small state machine tracks strings and depth only.
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <string.h>

#include "error.h"
#include "json_stream.h"
#include "strbuf.h"

#define JSON_KEY_MAX 256

struct json_cut {
    instream *in;
    const char *key;
    json_element_cb cb;
    json_raw_cb raw_cb; /* instead of cb: the element's bytes */
    json_value_cb value_cb; /* instead of both: parses where it lies */
    void *ctx;
    long depth;
    int in_str, esc;
    long target;   /* depth inside the array being emitted, 0 if none */
    int found, key_match, collecting_key;
    strbuf elem, keybuf;
    size_t index;
};

/* Hand one element's bytes, buf[0..len) with buf[len] NUL, to the
 * callback. */
static int cut_hand_over(struct json_cut *j, char *buf, size_t len)
{
    json_error_t err;
    json_t *v;
    size_t used;
    int rc;

    if (j->value_cb) {
        rc = j->value_cb(buf, len, 1, j->index, j->ctx, &used);
        j->index++;
        return rc < 0 ? rc : 0;
    }
    if (j->raw_cb) {
        rc = j->raw_cb(buf, len, j->index, j->ctx);
        j->index++;
        return rc < 0 ? rc : 0;
    }
    v = json_loadb(buf, len, JSON_DECODE_ANY, &err);
    if (v == NULL)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: element %zu does not parse: %s",
                                 instream_name(j->in), j->index + 1,
                                 err.text);
    rc = j->cb(v, j->index, j->ctx);
    json_decref(v);
    j->index++;
    return rc < 0 ? rc : 0;
}

static int cut_emit(struct json_cut *j)
{
    int rc;

    if (j->elem.len == 0)
        return 0;
    rc = cut_hand_over(j, j->elem.ptr, j->elem.len);
    strbuf_clear(&j->elem);
    return rc;
}

static int cut_too_big(struct json_cut *j)
{
    if (mosaic_error_last()->code != MOSAIC_ETOOBIG)
        return mosaic_error_last()->code;
    return mosaic__error_set(MOSAIC_ETOOBIG,
                             "%s: element %zu is larger than %zu bytes",
                             instream_name(j->in), j->index + 1,
                             j->elem.max);
}

static int cut_put(struct json_cut *j, const char *p, size_t n)
{
    if (n == 0)
        return 0;
    if (j->elem.len + n < j->elem.cap && j->elem.len + n <= j->elem.max) {
        memcpy(j->elem.ptr + j->elem.len, p, n);
        j->elem.len += n;
        j->elem.ptr[j->elem.len] = '\0';
        return 0;
    }
    return strbuf_put(&j->elem, p, n) == 0 ? 0 : cut_too_big(j);
}

/* Inside a string: copy up to the closing quote; returns bytes used. */
static size_t cut_string(struct json_cut *j, const char *p, size_t n,
                         int *rc)
{
    size_t i = 0;

    while (i < n) {
        if (j->esc) {
            j->esc = 0;
            i++;
            continue;
        }
        const char *q = memchr(p + i, '"', n - i);
        const char *b = memchr(p + i, '\\', (q ? (size_t)(q - p) : n) - i);
        if (b)
            q = b;
        if (q == NULL) {
            i = n;
            break;
        }
        i = (size_t)(q - p);
        if (p[i] == '\\') {
            j->esc = 1;
            i++;
            continue;
        }
        j->in_str = 0;
        i++;
        break;
    }
    if (j->target)
        *rc = cut_put(j, p, i);
    else if (j->collecting_key && j->keybuf.len + i < JSON_KEY_MAX)
        *rc = strbuf_put(&j->keybuf, p, j->in_str ? i : i - 1); /* no '"' */
    return i;
}

static int is_json_space(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

static int ends_word(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z') || c == '.';
}

/* 1 if one of the 8 bytes in v is '"' or '\\'. */
static int word_has_quote(uint64_t v)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    uint64_t q = v ^ (ones * '"'), b = v ^ (ones * '\\');

    return (((q - ones) & ~q) | ((b - ones) & ~b)) & highs ? 1 : 0;
}

/* Past the string that starts at p[0] ('"'): the index after its
 * closing quote, or n if it does not end before p[n]. */
static size_t skip_string(const char *p, size_t n)
{
    size_t i = 1;

    for (;;) {
        uint64_t v;
        while (n - i >= 8 && (memcpy(&v, p + i, 8), !word_has_quote(v)))
            i += 8;
        while (i < n && p[i] != '"' && p[i] != '\\')
            i++;
        if (i >= n)
            return n;
        if (p[i] == '"')
            return i + 1;
        if ((i += 2) >= n) /* past the escaped byte */
            return n;
    }
}

/* The bytes cut_in_place stops at: all others are passed over. */
static const unsigned char structural[256] = {
    ['"'] = 1, ['{'] = 1, ['['] = 1, ['}'] = 1, [']'] = 1, [','] = 1,
    ['-'] = 1, ['+'] = 1,
};

/*
 * Between two elements: an element that ends within this chunk is
 * handed over where it lies, white space and all, without a copy.  It
 * ends where cut_in_target would end it: at the '}' or ']' closing it,
 * or for a bare word before the next ',' or ']'.  Returns the bytes
 * used, or 0 to leave it to cut_in_target (it goes on past the chunk, is
 * over the cap, has a sign that white space parts from its digits).
 */
static size_t cut_in_place(struct json_cut *j, char *p, size_t n, int *rc)
{
    size_t i = 0, start, end;
    long depth = 0;
    int closed = 0;
    char save;

    while (i < n && is_json_space(p[i]))
        i++;
    if (j->value_cb && i < n && (p[i] == '{' || p[i] == '[')) {
        size_t used = 0, len = n - i < j->elem.max ? n - i : j->elem.max;
        int r = j->value_cb(p + i, len, 0, j->index, j->ctx, &used);
        if (r == JSON_SCAN_SHORT)
            return 0; /* it goes on past the chunk: cut it out first */
        j->index++;
        *rc = r < 0 ? r : 0;
        return i + used;
    }
    for (start = i; i < n && !closed; i++) {
        char c;
        while (i < n && !structural[(unsigned char)p[i]])
            i++;
        if (i >= n)
            break;
        c = p[i];
        if (c == '"') {
            i += skip_string(p + i, n - i) - 1;
        } else if (c == '{' || c == '[') {
            depth++;
        } else if (c == '}' || c == ']') {
            if (depth == 0)
                break;
            closed = --depth == 0;
        } else if (c == ',' && depth == 0) {
            break;
        } else if ((c == '-' || c == '+') && i + 1 < n &&
                   is_json_space(p[i + 1])) {
            return 0;
        }
    }
    if ((!closed && i >= n) || (!closed && p[i] == '}'))
        return 0;
    end = i; /* closed: just past the bracket; else at ',' or ']' */
    while (!closed && end > start && is_json_space(p[end - 1]))
        end--;
    if (end - start > j->elem.max)
        return 0;
    if (end > start) {
        save = p[end];
        p[end] = '\0';
        *rc = cut_hand_over(j, p + start, end - start);
        p[end] = save;
    }
    if (closed)
        return i;
    if (p[i] == ']') {
        j->depth--;
        j->target = 0;
    }
    return i + 1;
}

/* Inside the emitted array, outside strings: copy bytes up to the next
 * string, dropping white space (pretty printers double an element's
 * size with it, and a run of it must not grow the element); an element
 * ends at a ',' or ']' at the array's own depth.  Returns bytes used. */
static size_t cut_in_target(struct json_cut *j, const char *p, size_t n,
                            int *rc)
{
    size_t i = 0, run = 0;

    *rc = 0;
    for (; i < n; i++) {
        char c = p[i];
        if (is_json_space(c)) {
            if ((*rc = cut_put(j, p + run, i - run)) < 0)
                return i;
            run = i + 1;
            /* keep one space after a bare word: "[1 2]" stays invalid */
            if (j->elem.len && ends_word(j->elem.ptr[j->elem.len - 1]) &&
                (*rc = cut_put(j, " ", 1)) < 0)
                return i;
            continue;
        }
        if (j->depth == j->target && (c == ',' || c == ']')) {
            if ((*rc = cut_put(j, p + run, i - run)) < 0)
                return i;
            if (c == ']') {
                j->depth--;
                j->target = 0;
            }
            *rc = cut_emit(j);
            return i + 1;
        }
        if (c == '"') {
            j->in_str = 1;
            *rc = cut_put(j, p + run, i + 1 - run);
            return i + 1;
        }
        if (c == '{' || c == '[') {
            j->depth++;
        } else if (c == '}' || c == ']') {
            if (--j->depth == j->target) {
                if ((*rc = cut_put(j, p + run, i + 1 - run)) < 0)
                    return i + 1;
                *rc = cut_emit(j);
                return i + 1;
            }
        }
    }
    *rc = cut_put(j, p + run, i - run);
    return i;
}

/* One structural byte outside it: find the array to emit. */
static void cut_outside(struct json_cut *j, char c)
{
    switch (c) {
    case '"':
        if (j->key == NULL && !j->found)
            break; /* a prefix before the array is not JSON */
        j->in_str = 1;
        j->collecting_key = j->depth == 1;
        strbuf_clear(&j->keybuf);
        break;
    case ':':
        if (j->depth == 1 && j->key)
            j->key_match = strcmp(strbuf_str(&j->keybuf), j->key) == 0;
        break;
    case '[':
        j->depth++;
        if ((j->key == NULL && !j->found) ||
            (j->key && j->depth == 2 && j->key_match)) {
            j->target = j->depth;
            j->found = 1;
        }
        j->key_match = 0;
        break;
    case '{':
        j->depth++;
        j->key_match = 0;
        break;
    case '}':
    case ']':
        j->depth--;
        break;
    case ',':
        j->key_match = 0;
        break;
    default:
        break;
    }
}

static int cut_chunk(struct json_cut *j, char *p, size_t n)
{
    int rc = 0;

    for (size_t i = 0; i < n && rc == 0;) {
        size_t used;
        if (j->in_str) {
            i += cut_string(j, p + i, n - i, &rc);
            continue;
        }
        if (j->target && j->elem.len == 0 && j->depth == j->target &&
            (used = cut_in_place(j, p + i, n - i, &rc)) > 0) {
            i += used;
            continue;
        }
        if (j->target) {
            i += cut_in_target(j, p + i, n - i, &rc);
            continue;
        }
        if (j->key == NULL && j->found)
            return 0; /* after the array: a trailing ';' and such */
        cut_outside(j, p[i]);
        i++;
    }
    return rc;
}

static long cut_all(instream *in, const char *key, size_t elem_max,
                    json_element_cb cb, json_raw_cb raw_cb,
                    json_value_cb value_cb, void *ctx)
{
    struct json_cut j = { in, key, cb, raw_cb, value_cb, ctx, 0, 0, 0, 0,
                          0, 0, 0,
                          STRBUF_INIT(elem_max), STRBUF_INIT(JSON_KEY_MAX),
                          0 };
    char buf[64 * 1024];
    ssize_t n;
    int rc = 0;

    while (rc == 0 && (n = instream_read(in, buf, sizeof(buf) - 1)) > 0)
        rc = cut_chunk(&j, buf, (size_t)n);
    if (rc == 0 && n < 0)
        rc = (int)n;
    if (rc == 0 && j.target)
        rc = mosaic__error_set(MOSAIC_EFORMAT,
                               "%s: ends in the middle of element %zu "
                               "(truncated?)",
                               instream_name(in), j.index + 1);
    if (rc == 0 && !j.found)
        rc = mosaic__error_set(MOSAIC_EFORMAT, "%s: no JSON array%s%s found",
                               instream_name(in), key ? " named " : "",
                               key ? key : "");
    strbuf_dispose(&j.elem);
    strbuf_dispose(&j.keybuf);
    return rc < 0 ? rc : (long)j.index;
}

long json_each(instream *in, const char *key, size_t elem_max,
               json_element_cb cb, void *ctx)
{
    return cut_all(in, key, elem_max, cb, NULL, NULL, ctx);
}

long json_each_raw(instream *in, const char *key, size_t elem_max,
                   json_raw_cb cb, void *ctx)
{
    return cut_all(in, key, elem_max, NULL, cb, NULL, ctx);
}

long json_each_value(instream *in, const char *key, size_t elem_max,
                     json_value_cb cb, void *ctx)
{
    return cut_all(in, key, elem_max, NULL, NULL, cb, ctx);
}

int json_load_stream(json_t **out, instream *in, size_t max)
{
    strbuf sb = STRBUF_INIT(max);
    json_error_t err;
    char buf[64 * 1024];
    ssize_t n;
    int rc = 0;

    *out = NULL;
    while ((n = instream_read(in, buf, sizeof(buf))) > 0)
        if ((rc = strbuf_put(&sb, buf, (size_t)n)) < 0)
            break;
    if (rc == MOSAIC_ETOOBIG)
        rc = mosaic__error_set(MOSAIC_ETOOBIG, "%s: larger than %zu bytes",
                               instream_name(in), max);
    else if (rc == 0 && n < 0)
        rc = (int)n;
    if (rc == 0 &&
        (*out = json_loadb(sb.ptr ? sb.ptr : "", sb.len, 0, &err)) == NULL)
        rc = mosaic__error_set(MOSAIC_EFORMAT,
                               "%s: line %d: does not parse: %s",
                               instream_name(in), err.line, err.text);
    strbuf_dispose(&sb);
    return rc;
}

const char *json_str(const json_t *obj, const char *key)
{
    return json_string_value(json_object_get(obj, key));
}
