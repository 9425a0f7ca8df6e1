/*
 * dagcbor.c -- check a DAG-CBOR block's shape with libcbor's streaming
 * decoder (no allocation), then build the item tree with cbor_load.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "dagcbor.h"
#include "error.h"
#include "text.h"

/* What the shape check has open: items still due in each container. */
struct shape {
    size_t due[DAGCBOR_DEPTH_MAX];
    int depth;
    size_t left;     /* bytes from the current item's header on */
    int items;       /* top-level items seen */
    const char *why; /* set on the first problem */
};

static void shape_fail(struct shape *s, const char *why)
{
    if (s->why == NULL)
        s->why = why;
}

/* One item ended: it fills a slot of the container it sits in. */
static void shape_item(struct shape *s)
{
    if (s->depth == 0) {
        s->items++;
        return;
    }
    s->due[s->depth - 1]--;
    while (s->depth > 0 && s->due[s->depth - 1] == 0) {
        s->depth--;
        if (s->depth == 0)
            s->items++;
        else
            s->due[s->depth - 1]--;
    }
}

/* A container of `n` items opened (tags count as one item). */
static void shape_open(struct shape *s, size_t n)
{
    if (n > s->left) {
        shape_fail(s, "a count larger than the bytes left");
        return;
    }
    if (n == 0) {
        shape_item(s);
        return;
    }
    if (s->depth == DAGCBOR_DEPTH_MAX) {
        shape_fail(s, "nested too deeply");
        return;
    }
    s->due[s->depth++] = n;
}

static void on_scalar(void *ctx)
{
    shape_item(ctx);
}
static void on_u8(void *ctx, uint8_t v)
{
    (void)v;
    shape_item(ctx);
}
static void on_u16(void *ctx, uint16_t v)
{
    (void)v;
    shape_item(ctx);
}
static void on_u32(void *ctx, uint32_t v)
{
    (void)v;
    shape_item(ctx);
}
static void on_u64(void *ctx, uint64_t v)
{
    (void)v;
    shape_item(ctx);
}
static void on_string(void *ctx, cbor_data d, size_t n)
{
    (void)d;
    (void)n;
    shape_item(ctx);
}
static void on_double(void *ctx, double v)
{
    (void)v;
    shape_item(ctx);
}
static void on_bool(void *ctx, bool v)
{
    (void)v;
    shape_item(ctx);
}
static void on_array(void *ctx, size_t n)
{
    shape_open(ctx, n);
}
static void on_map(void *ctx, size_t n)
{
    struct shape *s = ctx;

    if (n > s->left / 2)
        shape_fail(s, "a count larger than the bytes left");
    else
        shape_open(s, 2 * n);
}
static void on_tag(void *ctx, uint64_t tag)
{
    if (tag != DAGCBOR_TAG_CID)
        shape_fail(ctx, "a tag other than 42 (CID)");
    else
        shape_open(ctx, 1);
}
static void on_indefinite(void *ctx)
{
    shape_fail(ctx, "an indefinite-length item");
}
static void on_float(void *ctx, float v)
{
    (void)v;
    shape_fail(ctx, "a half or single float");
}
static void on_undefined(void *ctx)
{
    shape_fail(ctx, "'undefined'");
}

static const struct cbor_callbacks shape_callbacks = {
    .uint8 = on_u8, .uint16 = on_u16, .uint32 = on_u32, .uint64 = on_u64,
    .negint8 = on_u8, .negint16 = on_u16, .negint32 = on_u32,
    .negint64 = on_u64, .byte_string_start = on_indefinite,
    .byte_string = on_string, .string = on_string,
    .string_start = on_indefinite, .indef_array_start = on_indefinite,
    .array_start = on_array, .indef_map_start = on_indefinite,
    .map_start = on_map, .tag = on_tag, .float2 = on_float,
    .float4 = on_float, .float8 = on_double, .undefined = on_undefined,
    .null = on_scalar, .boolean = on_bool, .indef_break = on_indefinite,
};

/* NULL if data[0..len) is one well-shaped item, else what is wrong. */
static const char *dagcbor_shape(const unsigned char *data, size_t len)
{
    struct shape s = { .depth = 0 };
    size_t pos = 0;

    while (pos < len && s.items == 0 && s.why == NULL) {
        struct cbor_decoder_result r;
        s.left = len - pos;
        r = cbor_stream_decode(data + pos, len - pos, &shape_callbacks, &s);
        if (r.status == CBOR_DECODER_NEDATA)
            return "cut short";
        if (r.status != CBOR_DECODER_FINISHED || r.read == 0)
            return "not CBOR";
        pos += r.read;
    }
    if (s.why)
        return s.why;
    if (s.items == 0)
        return len == 0 ? "empty" : "cut short";
    if (pos != len)
        return "bytes after the item";
    return NULL;
}

int dagcbor_load(cbor_item_t **out, const unsigned char *data, size_t len,
                 const char *where)
{
    struct cbor_load_result res;
    const char *why;

    *out = NULL;
    if ((why = dagcbor_shape(data, len)) != NULL)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: not DAG-CBOR (%s)", where, why);
    if ((*out = cbor_load(data, len, &res)) == NULL) {
        if (res.error.code == CBOR_ERR_MEMERROR)
            return mosaic__error_oom();
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: not DAG-CBOR (%s)", where,
                                 res.error.code == CBOR_ERR_SYNTAXERROR
                                     ? "text that is not UTF-8"
                                     : "malformed");
    }
    return 0;
}

int dagcbor_is_null(const cbor_item_t *item)
{
    return cbor_isa_float_ctrl(item) &&
           cbor_float_get_width(item) == CBOR_FLOAT_0 &&
           cbor_ctrl_value(item) == CBOR_CTRL_NULL;
}

int dagcbor_text_is(const cbor_item_t *item, const char *s)
{
    size_t n = strlen(s);

    return item && cbor_isa_string(item) && cbor_string_is_definite(item) &&
           cbor_string_length(item) == n &&
           memcmp(cbor_string_handle(item), s, n) == 0;
}

cbor_item_t *dagcbor_get(const cbor_item_t *map, const char *key)
{
    struct cbor_pair *pairs;

    if (map == NULL || !cbor_isa_map(map) || !cbor_map_is_definite(map))
        return NULL;
    pairs = cbor_map_handle(map);
    for (size_t i = 0; i < cbor_map_size(map); i++)
        if (dagcbor_text_is(pairs[i].key, key))
            return pairs[i].value;
    return NULL;
}

cbor_item_t *dagcbor_path(const cbor_item_t *map, const char *const *keys)
{
    cbor_item_t *at = (cbor_item_t *)(uintptr_t)map;

    for (size_t i = 0; keys[i] && at; i++)
        at = dagcbor_get(at, keys[i]);
    return at;
}

int dagcbor_text(char **out, const cbor_item_t *item, const char *where,
                 const char *field)
{
    size_t n;

    *out = NULL;
    if (item == NULL || dagcbor_is_null(item))
        return 0;
    if (!cbor_isa_string(item) || !cbor_string_is_definite(item))
        return mosaic__error_set(MOSAIC_EFORMAT, "%s: %s is not text", where,
                                 field);
    n = cbor_string_length(item);
    if (n > 0 && (memchr(cbor_string_handle(item), '\0', n) ||
        !text_is_utf8((const char *)cbor_string_handle(item), n)))
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: %s is not valid UTF-8 text", where,
                                 field);
    if ((*out = malloc(n + 1)) == NULL)
        return mosaic__error_oom();
    if (n > 0)
        memcpy(*out, cbor_string_handle(item), n);
    (*out)[n] = '\0';
    return 1;
}
