/* test_mojibake.c -- Meta's byte-per-escape UTF-8 comes back as text;
 * everything that is not mojibake is left exactly as it was. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "mojibake.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static const struct {
    const char *name;
    const char *json; /* a JSON string literal, escapes as Meta writes them */
    const char *want; /* the text after repair */
} cases[] = {
    { "accent", "\"Caf\\u00c3\\u00a9 soon?\"", "Caf\xC3\xA9 soon?" },
    { "two accents", "\"Zo\\u00c3\\u00ab and L\\u00c3\\u00aa\"",
      "Zo\xC3\xAB and L\xC3\xAA" },
    { "curly apostrophe", "\"don\\u00e2\\u0080\\u0099t\"",
      "don\xE2\x80\x99t" },
    { "emoji", "\"cake \\u00f0\\u009f\\u008e\\u0082\"",
      "cake \xF0\x9F\x8E\x82" },
    { "vietnamese", "\"L\\u00c3\\u00aa Huy\\u00e1\\u00bb\\u0081n\"",
      "L\xC3\xAA Huy\xE1\xBB\x81n" },
    { "plain ascii", "\"Hexham Abbey, 10am\"", "Hexham Abbey, 10am" },
    { "empty", "\"\"", "" },
    { "genuine latin-1 e-acute", "\"Caf\\u00e9\"", "Caf\xC3\xA9" },
    { "genuine latin-1 pound", "\"\\u00a310 a session\"",
      "\xC2\xA3" "10 a session" },
    { "truncated sequence", "\"Caf\\u00c3\"", "Caf\xC3\x83" },
    { "already utf-8 (past U+00FF)", "\"don\\u2019t Caf\\u00c3\\u00a9\"",
      "don\xE2\x80\x99t Caf\xC3\x83\xC2\xA9" },
    { "mixed ascii, accent and emoji",
      "\"Open Monday \\u00f0\\u009f\\u008c\\u00bf \\u00e2\\u0080\\u0094 "
      "caf\\u00c3\\u00a9\"",
      "Open Monday \xF0\x9F\x8C\xBF \xE2\x80\x94 caf\xC3\xA9" },
    { "overlong stays", "\"\\u00c0\\u00af\"", "\xC3\x80\xC2\xAF" },
    { "surrogate bytes stay", "\"\\u00ed\\u00a0\\u0080\"",
      "\xC3\xAD\xC2\xA0\xC2\x80" },
};

static void test_mojibake_repair_json_strings(void **state)
{
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        json_error_t err;
        json_t *v = json_loads(cases[i].json, JSON_DECODE_ANY, &err);

        if (v == NULL)
            fail_msg("%s: does not parse: %s", cases[i].name, err.text);
        assert_int_equal(mojibake_repair_json(v), 0);
        if (strcmp(json_string_value(v), cases[i].want) != 0)
            fail_msg("%s: got \"%s\", want \"%s\"", cases[i].name,
                     json_string_value(v), cases[i].want);
        json_decref(v);
    }
}

static void test_mojibake_repair_reports_change(void **state)
{
    char out[16];
    size_t len = 99;

    (void)state;
    assert_int_equal(mojibake_repair("abc", 3, out, &len), 0);
    assert_int_equal(len, 99);
    assert_int_equal(mojibake_repair("\xC3\x83\xC2\xA9", 4, out, &len), 1);
    assert_int_equal(len, 2);
    assert_string_equal(out, "\xC3\xA9");
}

static void test_mojibake_repair_keys_and_nesting(void **state)
{
    json_t *v = json_loads("{\"Nom d\\u00e2\\u0080\\u0099utilisateur\": "
                           "[{\"value\": \"Ren\\u00c3\\u00a9e\"}], "
                           "\"n\": 3}",
                           0, NULL);

    (void)state;
    assert_non_null(v);
    assert_int_equal(mojibake_repair_json(v), 0);
    assert_int_equal(json_object_size(v), 2);
    json_t *arr = json_object_get(v, "Nom d\xE2\x80\x99utilisateur");
    assert_non_null(arr);
    assert_string_equal(json_string_value(json_object_get(
                            json_array_get(arr, 0), "value")),
                        "Ren\xC3\xA9" "e");
    assert_int_equal(json_integer_value(json_object_get(v, "n")), 3);
    json_decref(v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mojibake_repair_json_strings),
        cmocka_unit_test(test_mojibake_repair_reports_change),
        cmocka_unit_test(test_mojibake_repair_keys_and_nesting),
    };
    return cmocka_run_group_tests_name("mojibake", tests, NULL, NULL);
}
