/* test_json_stream.c -- array elements cut from a stream: X's JS prefix,
 * Mastodon's duplicated key, nesting, strings with brackets, caps. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "json_stream.h"
#include "mosaic.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static const struct {
    const char *name;
    const char *in;
    const char *key;
    const char *want; /* elements dumped compactly, joined by ' ' */
    long count;       /* or the negative error expected */
} cases[] = {
    { "bare array", "[1, \"two\", {\"a\": [3]}]", NULL,
      "1 \"two\" {\"a\":[3]}", 3 },
    { "X prefix", "window.YTD.tweets.part0 = [ {\n \"tweet\" : { } } ]", NULL,
      "{\"tweet\":{}}", 1 },
    { "empty array", "window.YTD.note_tweet.part0 = [ ]", NULL, "", 0 },
    { "brackets in strings", "[\"a]b\", \"c\\\"]\", \"[\"]", NULL,
      "\"a]b\" \"c\\\"]\" \"[\"", 3 },
    { "trailing semicolon", "[1,2];\n", NULL, "1 2", 2 },
    { "key", "{\"type\":\"OrderedCollection\",\"orderedItems\":[1,2]}",
      "orderedItems", "1 2", 2 },
    { "duplicated key", "{\"orderedItems\":[],\"x\":[9],\"orderedItems\":[{}]}",
      "orderedItems", "{}", 1 },
    { "key nested deeper is not it",
      "{\"a\":{\"orderedItems\":[5]},\"orderedItems\":[6]}", "orderedItems",
      "6", 1 },
    { "key as a value is not it", "{\"k\":\"orderedItems\",\"v\":[1]}",
      "orderedItems", "", MOSAIC_EFORMAT },
    { "no array", "window.x = {}", NULL, "", MOSAIC_EFORMAT },
    { "truncated", "[{\"a\":1},{\"b\":", NULL, "{\"a\":1}", MOSAIC_EFORMAT },
    { "element does not parse", "[1, {bad}]", NULL, "1", MOSAIC_EFORMAT },
    { "white space between words is kept", "[1 2]", NULL, "", MOSAIC_EFORMAT },
    { "pretty printer's white space", "[ {\n  \"a\" : [\n \"0\",\n 1\n ] } ,\n true ]",
      NULL, "{\"a\":[\"0\",1]} true", 2 },
    { "a sign parted from its digits", "[- 1, {\"a\": - 2}]", NULL,
      "-1 {\"a\":-2}", 2 },
    { "elements without a comma", "[{\"a\":1}{\"b\":[2]}[3]]", NULL,
      "{\"a\":1} {\"b\":[2]} [3]", 3 },
    { "escaped quotes and backslashes", "[\"\\\\\", \"\\\\\\\"]\"]", NULL,
      "\"\\\\\" \"\\\\\\\"]\"", 2 },
    { "empty elements", "[1,,2,]", NULL, "1 2", 2 },
};

static int count_any(void *ctx, const jscan_step *path, int depth,
                     jscan_type type, char *raw, size_t len)
{
    (void)path, (void)depth, (void)type, (void)raw, (void)len;
    (*(int *)ctx)++;
    return 0;
}

struct joined {
    char buf[256];
    size_t used;
};

static int join(json_t *elem, size_t index, void *ctx)
{
    struct joined *j = ctx;
    char *s = json_dumps(elem, JSON_COMPACT | JSON_ENCODE_ANY);

    j->used += (size_t)snprintf(j->buf + j->used, sizeof(j->buf) - j->used,
                                "%s%s", index ? " " : "", s);
    free(s);
    return 0;
}

static void test_json_each_cases(void **state)
{
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        struct joined j = { "", 0 };
        instream *in = NULL;
        long n;

        instream_open_memory(&in, cases[i].name, cases[i].in,
                             strlen(cases[i].in));
        n = json_each(in, cases[i].key, 1024, join, &j);
        instream_close(in);
        if (n != cases[i].count || strcmp(j.buf, cases[i].want) != 0)
            fail_msg("%s: got %ld \"%s\", want %ld \"%s\"", cases[i].name, n,
                     j.buf, cases[i].count, cases[i].want);
    }
}

/* json_each_value: an element parsed where it lies, or cut out first
 * when it runs past a read; each element is parsed by jansson from the
 * bytes it said it used. */
static int join_value(char *buf, size_t len, int whole, size_t index,
                      void *ctx, size_t *used)
{
    const char *why;
    json_error_t err;
    json_t *v;
    int n = 0, rc;

    (void)index;
    rc = whole ? json_scan(buf, len, count_any, &n, &why, used)
               : json_scan_prefix(buf, len, count_any, &n, &why, used);
    if (rc != 0)
        return whole ? MOSAIC_EFORMAT : JSON_SCAN_SHORT;
    if ((v = json_loadb(buf, *used, JSON_DECODE_ANY, &err)) == NULL)
        return MOSAIC_EFORMAT;
    rc = join(v, index, ctx);
    json_decref(v);
    return rc;
}

/* The elements of `text` after `pad` spaces (so that a read ends where
 * the test wants), by json_each or, by_value, json_each_value. */
static long each_padded(const char *name, const char *text, size_t pad,
                        int by_value, struct joined *j)
{
    size_t len = strlen(text);
    char *doc = malloc(pad + len + 1);
    instream *in = NULL;
    long n;

    memset(doc, ' ', pad);
    memcpy(doc + pad, text, len + 1);
    instream_open_memory(&in, name, doc, pad + len);
    n = by_value ? json_each_value(in, NULL, 1024, join_value, j)
                 : json_each(in, NULL, 1024, join, j);
    instream_close(in);
    free(doc);
    return n;
}

/* Elements are cut the same wherever the stream's 64 KiB reads fall:
 * every case again, with white space before it moving each byte of it
 * across a read's end. */
static void test_json_each_same_across_reads(void **state)
{
    const size_t chunk = 64 * 1024 - 1;

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        size_t len = strlen(cases[i].in);
        if (cases[i].key)
            continue;
        for (size_t shift = 1; shift <= len; shift++) {
            struct joined j = { "", 0 };
            long n = each_padded(cases[i].name, cases[i].in, chunk - shift,
                                 0, &j);
            if (n != cases[i].count || strcmp(j.buf, cases[i].want) != 0)
                fail_msg("%s, %zu bytes before a read's end: got %ld \"%s\"",
                         cases[i].name, shift, n, j.buf);
        }
    }
}

/* The same elements as json_each, wherever the reads end. */
static void test_json_each_value_across_reads(void **state)
{
    const size_t chunk = 64 * 1024 - 1;

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        size_t len = strlen(cases[i].in);
        if (cases[i].key || cases[i].count < 0)
            continue;
        for (size_t shift = 0; shift <= len; shift++) {
            struct joined j = { "", 0 };
            long n = each_padded(cases[i].name, cases[i].in,
                                 shift ? chunk - shift : 0, 1, &j);
            if (n != cases[i].count || strcmp(j.buf, cases[i].want) != 0)
                fail_msg("%s, %zu bytes before a read's end: got %ld \"%s\"",
                         cases[i].name, shift, n, j.buf);
        }
    }
}

static void test_json_each_deep_nesting_is_refused(void **state)
{
    size_t depth = 100000;
    char *doc = malloc(2 * depth + 3);
    instream *in = NULL;
    struct joined j = { "", 0 };

    (void)state;
    doc[0] = '[';
    memset(doc + 1, '[', depth);
    memset(doc + 1 + depth, ']', depth);
    strcpy(doc + 1 + 2 * depth, "]");
    instream_open_memory(&in, "deep.js", doc, strlen(doc));
    assert_true(json_each(in, NULL, 1 << 20, join, &j) < 0);
    assert_non_null(strstr(mosaic_error_last()->message, "deep.js"));
    instream_close(in);
    free(doc);
}

/* A long run of white space inside an element costs no memory (a zip
 * bomb of spaces must reach the archive's expansion check). */
static void test_json_each_space_run_is_not_kept(void **state)
{
    size_t n = 1 << 20;
    char *doc = malloc(n + 16);
    instream *in = NULL;
    struct joined j = { "", 0 };

    (void)state;
    strcpy(doc, "[{\"a\":");
    memset(doc + 6, ' ', n);
    strcpy(doc + 6 + n, "1}]");
    instream_open_memory(&in, "spaces.js", doc, strlen(doc));
    assert_int_equal(json_each(in, NULL, 64, join, &j), 1);
    assert_string_equal(j.buf, "{\"a\":1}");
    instream_close(in);
    free(doc);
}

static void test_json_each_element_cap(void **state)
{
    const char *doc = "[\"0123456789012345678901234567890123456789\"]";
    instream *in = NULL;
    struct joined j = { "", 0 };

    (void)state;
    instream_open_memory(&in, "big.js", doc, strlen(doc));
    assert_int_equal(json_each(in, NULL, 16, join, &j), MOSAIC_ETOOBIG);
    assert_non_null(strstr(mosaic_error_last()->message, "element 1"));
    instream_close(in);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_each_cases),
        cmocka_unit_test(test_json_each_same_across_reads),
        cmocka_unit_test(test_json_each_value_across_reads),
        cmocka_unit_test(test_json_each_deep_nesting_is_refused),
        cmocka_unit_test(test_json_each_element_cap),
        cmocka_unit_test(test_json_each_space_run_is_not_kept),
    };
    return cmocka_run_group_tests_name("json_stream", tests, NULL, NULL);
}
