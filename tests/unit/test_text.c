/* test_text.c -- UTF-8 checks, entity decoding and HTML to plain text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "mosaic.h"
#include "text.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static const struct {
    const char *name;
    const char *in;
    int valid;
} utf8_cases[] = {
    { "ascii", "hello", 1 },
    { "accent", "caf\xC3\xA9", 1 },
    { "emoji", "\xF0\x9F\x8C\xBF", 1 },
    { "lone continuation", "\x80", 0 },
    { "overlong slash", "\xC0\xAF", 0 },
    { "overlong 3-byte", "\xE0\x80\xAF", 0 },
    { "surrogate", "\xED\xA0\x80", 0 },
    { "past U+10FFFF", "\xF4\x90\x80\x80", 0 },
    { "truncated", "caf\xC3", 0 },
    { "latin-1 byte", "caf\xE9", 0 },
    /* past the 8-byte ASCII runs */
    { "long ascii", "a day of supervision, CPD and tea", 1 },
    { "bad after a run", "a day of supervision\xC3(", 0 },
    { "bad in a run", "abcdefgh\xFFijklmnopq", 0 },
    { "truncated after a run", "abcdefghijklmnop\xE2\x98", 0 },
    { "accent after a run", "abcdefghijklmnop caf\xC3\xA9 abcdefgh", 1 },
};

static void test_text_is_utf8_cases(void **state)
{
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(utf8_cases); i++)
        if (text_is_utf8(utf8_cases[i].in, strlen(utf8_cases[i].in)) !=
            utf8_cases[i].valid)
            fail_msg("%s: want %s", utf8_cases[i].name,
                     utf8_cases[i].valid ? "valid" : "invalid");
}

static const struct {
    const char *in, *want;
} entity_cases[] = {
    { "Tea &amp; biscuits", "Tea & biscuits" },
    { "&lt;3 &gt; 2", "<3 > 2" },
    { "it&#39;s &#x2615;", "it's \xE2\x98\x95" },
    { "AT&T and & alone", "AT&T and & alone" },
    { "&unknown; stays", "&unknown; stays" },
    { "&#0; is not NUL", "\xEF\xBF\xBD is not NUL" },
    { "&#xD800; surrogate", "\xEF\xBF\xBD surrogate" },
    { "trailing &", "trailing &" },
};

static void test_text_decode_entities_cases(void **state)
{
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(entity_cases); i++) {
        strbuf out = STRBUF_INIT(1024);
        assert_int_equal(text_decode_entities(&out, entity_cases[i].in), 0);
        if (strcmp(strbuf_str(&out), entity_cases[i].want) != 0)
            fail_msg("'%s': got '%s', want '%s'", entity_cases[i].in,
                     strbuf_str(&out), entity_cases[i].want);
        strbuf_dispose(&out);
    }
}

static const struct {
    const char *name, *in, *want;
} html_cases[] = {
    { "paragraphs", "<p>One.</p><p>Two.</p>", "One.\n\nTwo." },
    { "br", "<p>line 1<br>line 2<br/>line 3</p>", "line 1\nline 2\nline 3" },
    { "entities", "<p>Tea &amp; cake &#x1F370;</p>",
      "Tea & cake \xF0\x9F\x8D\xB0" },
    { "links keep text",
      "<p>See <a href=\"https://x.example\"><span>x.example</span></a></p>",
      "See x.example" },
    { "whitespace collapses", "<p>a\n   b\t c</p>", "a b c" },
    { "script dropped", "<p>hi</p><script>alert(1)</script>", "hi" },
    { "bare text", "just text", "just text" },
    { "empty", "", "" },
    { "mention span",
      "<p><span class=\"h-card\"><a href=\"#\">@<span>ana</span></a></span> "
      "thanks</p>",
      "@ana thanks" },
};

static void test_text_from_html_cases(void **state)
{
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(html_cases); i++) {
        strbuf out = STRBUF_INIT(1024);
        int rc = text_from_html(&out, html_cases[i].in,
                                strlen(html_cases[i].in));
        if (rc != 0 || strcmp(strbuf_str(&out), html_cases[i].want) != 0)
            fail_msg("%s: got '%s' (%d), want '%s'", html_cases[i].name,
                     strbuf_str(&out), rc, html_cases[i].want);
        strbuf_dispose(&out);
    }
}

static void test_text_hash64_is_stable(void **state)
{
    (void)state;
    /* FNV-1a 64 of "a": a published test vector */
    assert_true(text_hash64("a", 1, 0) == 0xaf63dc4c8601ec8cULL);
    assert_true(text_hash64("a", 1, 1) != text_hash64("a", 1, 0));
}

/* HTML nested past libxml2's 256 levels stops the parser: the text
 * after that point would be lost, so it is an error, not a short post. */
static void test_text_from_html_too_deep(void **state)
{
    static const struct {
        int depth, ok;
    } cases[] = { { 200, 1 }, { 300, 0 }, { 100000, 0 } };

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        strbuf html = STRBUF_INIT(1 << 20), out = STRBUF_INIT(1 << 20);
        int rc = 0;
        for (int d = 0; d < cases[i].depth && rc == 0; d++)
            rc = strbuf_puts(&html, "<div>");
        assert_int_equal(strbuf_puts(&html, "kept"), 0);
        rc = text_from_html(&out, html.ptr, html.len);
        if (cases[i].ok) {
            assert_int_equal(rc, 0);
            assert_string_equal(strbuf_str(&out), "kept");
        } else {
            assert_int_equal(rc, MOSAIC_EFORMAT);
            assert_non_null(strstr(mosaic_error_last()->message,
                                   "nested deeper than"));
        }
        strbuf_dispose(&html);
        strbuf_dispose(&out);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_is_utf8_cases),
        cmocka_unit_test(test_text_decode_entities_cases),
        cmocka_unit_test(test_text_from_html_cases),
        cmocka_unit_test(test_text_from_html_too_deep),
        cmocka_unit_test(test_text_hash64_is_stable),
    };
    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
