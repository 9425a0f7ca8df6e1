/* test_json_scan.c -- the strict walker agrees with JSON: valid documents
 * pass, broken ones fail with a reason, strings decode in place. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "json_scan.h"
#include "mosaic.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static int count_values(void *ctx, const jscan_step *path, int depth,
                        jscan_type type, char *raw, size_t len)
{
    (void)path, (void)depth, (void)type, (void)raw, (void)len;
    (*(int *)ctx)++;
    return 0;
}

static const struct {
    const char *doc;
    int ok, values;
} cases[] = {
    { "{}", 1, 0 },
    { "{\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":\"x\"}}", 1, 7 },
    { "[-0.5e+3, 0, 12]", 1, 3 },
    { " {\"a\" : \"\\u00e9\\n\\\"\"} ", 1, 1 },
    { "{\"a\":1,}", 0, 0 },
    { "{\"a\" 1}", 0, 0 },
    { "[01]", 0, 0 },
    { "[1.]", 0, 0 },
    { "[tru]", 0, 0 },
    { "[\"a\tb\"]", 0, 0 },
    { "[\"\\x\"]", 0, 0 },
    { "[\"\\u12\"]", 0, 0 },
    { "[\"open]", 0, 0 },
    { "[1] 2", 0, 0 },
    { "{\"a\":[", 0, 0 },
    { "", 0, 0 },
};

static void test_json_scan_grammar(void **state)
{
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        char *doc = strdup(cases[i].doc);
        const char *why = NULL;
        size_t at;
        int n = 0, rc = json_scan(doc, strlen(doc), count_values, &n, &why,
                                  &at);
        if ((rc == 0) != cases[i].ok)
            fail_msg("'%s': rc %d (%s)", cases[i].doc, rc, why ? why : "");
        if (rc == 0 && n != cases[i].values)
            fail_msg("'%s': %d values, want %d", cases[i].doc, n,
                     cases[i].values);
        if (rc != 0)
            assert_non_null(why);
        free(doc);
    }
}

/* A value at the start of a buffer that may end mid-way: short where
 * more bytes could mend it, an error where none could. */
static const struct {
    const char *doc;
    int rc;      /* 0, JSON_SCAN_SHORT or MOSAIC_EFORMAT */
    size_t used; /* when 0 */
} prefix_cases[] = {
    { "{\"a\":1} ,{\"b\"", 0, 7 },
    { "[1,2],", 0, 5 },
    { "{\"a\":1", JSON_SCAN_SHORT, 0 },
    { "{\"a\":1 ", JSON_SCAN_SHORT, 0 },
    { "{\"a\":\"x", JSON_SCAN_SHORT, 0 },
    { "{\"a\":\"x\\", JSON_SCAN_SHORT, 0 },
    { "{\"a\":\"\\u00", JSON_SCAN_SHORT, 0 },
    { "{\"a\":tr", JSON_SCAN_SHORT, 0 },
    { "{\"a\":-", JSON_SCAN_SHORT, 0 },
    { "{\"a\":1.", JSON_SCAN_SHORT, 0 },
    { "{\"a\":1e+", JSON_SCAN_SHORT, 0 },
    { "{\"a\" ", JSON_SCAN_SHORT, 0 },
    { "{\"a\":", JSON_SCAN_SHORT, 0 },
    { "{", JSON_SCAN_SHORT, 0 },
    { "12", JSON_SCAN_SHORT, 0 }, /* not a container: 123 might follow */
    { "{\"a\":x}", MOSAIC_EFORMAT, 0 },
    { "{\"a\":\"\\q\"}", MOSAIC_EFORMAT, 0 },
    { "{\"a\":trux", MOSAIC_EFORMAT, 0 },
    { "{\"a\" 1", MOSAIC_EFORMAT, 0 },
    { "[1 2", MOSAIC_EFORMAT, 0 },
};

static void test_json_scan_prefix(void **state)
{
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(prefix_cases); i++) {
        char *doc = strdup(prefix_cases[i].doc);
        const char *why = NULL;
        size_t used = 0;
        int n = 0, rc = json_scan_prefix(doc, strlen(doc), count_values, &n,
                                         &why, &used);
        if (rc != prefix_cases[i].rc)
            fail_msg("'%s': rc %d (%s), want %d", prefix_cases[i].doc, rc,
                     why ? why : "", prefix_cases[i].rc);
        if (rc == 0 && used != prefix_cases[i].used)
            fail_msg("'%s': used %zu, want %zu", prefix_cases[i].doc, used,
                     prefix_cases[i].used);
        free(doc);
    }
}

static void test_json_scan_deep_nesting_is_refused(void **state)
{
    char doc[2 * (JSON_SCAN_DEPTH_MAX + 10) + 1];
    const char *why = NULL;
    size_t at, d = JSON_SCAN_DEPTH_MAX + 10;
    int n = 0;

    (void)state;
    memset(doc, '[', d);
    memset(doc + d, ']', d);
    doc[2 * d] = '\0';
    assert_int_equal(json_scan(doc, 2 * d, count_values, &n, &why, &at),
                     MOSAIC_EFORMAT);
    assert_string_equal(why, "nested too deeply");
}

static void test_json_scan_string_decodes(void **state)
{
    static const struct {
        const char *raw, *want;
    } s[] = {
        { "plain", "plain" },
        { "a\\nb\\t\\\"c\\\\\\/", "a\nb\t\"c\\/" },
        { "caf\\u00e9", "caf\xc3\xa9" },
        { "\\ud83d\\ude00!", "\xf0\x9f\x98\x80!" },
        { "\\u0000", NULL },
        { "\\ude00", NULL },
        { "\\ud83dx", NULL },
    };

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(s); i++) {
        char buf[64];
        const char *got;
        snprintf(buf, sizeof(buf), "%s\"", s[i].raw);
        got = json_scan_string(buf, strlen(s[i].raw));
        if (s[i].want == NULL)
            assert_null(got);
        else
            assert_string_equal(got, s[i].want);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_scan_grammar),
        cmocka_unit_test(test_json_scan_prefix),
        cmocka_unit_test(test_json_scan_deep_nesting_is_refused),
        cmocka_unit_test(test_json_scan_string_decodes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
