/* test_csv.c -- CSV records as exporters write them: quoted fields over
 * several lines, doubled quotes, CRLF, BOM, tabs, caps. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "csv.h"
#include "mosaic.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static const struct {
    const char *name;
    const char *in;
    char delim;
    const char *want; /* records joined: fields by '|', records by '/' */
} cases[] = {
    { "plain", "a,b,c\n1,2,3\n", ',', "a|b|c/1|2|3" },
    { "crlf", "a,b\r\n1,2\r\n", ',', "a|b/1|2" },
    { "no final newline", "a,b\n1,2", ',', "a|b/1|2" },
    { "bom", "\xEF\xBB\xBF" "id,text\n1,x\n", ',', "id|text/1|x" },
    { "quoted comma", "\"a,b\",c\n", ',', "a,b|c" },
    { "doubled quote", "\"say \"\"hi\"\"\",x\n", ',', "say \"hi\"|x" },
    { "multi-line field", "\"line 1\nline 2\",x\n", ',', "line 1\nline 2|x" },
    { "blank lines skipped", "a\n\n\nb\n", ',', "a/b" },
    { "empty fields", ",,\n", ',', "||" },
    { "tabs", "a\tb\n1\t2\n", '\t', "a|b/1|2" },
    { "crlf inside quotes kept", "\"x\r\ny\",z\r\n", ',', "x\r\ny|z" },
};

static void join_records(csv_reader *r, char *out, size_t size)
{
    size_t used = 0;
    int rc, first = 1;

    out[0] = '\0';
    while ((rc = csv_next(r)) > 0) {
        if (!first)
            used += (size_t)snprintf(out + used, size - used, "/");
        first = 0;
        for (size_t i = 0; i < r->nfields; i++)
            used += (size_t)snprintf(out + used, size - used, "%s%s",
                                     i ? "|" : "", csv_field(r, i));
    }
    assert_int_equal(rc, 0);
}

static void test_csv_records_cases(void **state)
{
    char got[256];

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        instream *in = NULL;
        csv_reader r;
        assert_int_equal(instream_open_memory(&in, cases[i].name, cases[i].in,
                                              strlen(cases[i].in)), 0);
        csv_init(&r, in, cases[i].delim, 1024);
        join_records(&r, got, sizeof(got));
        csv_dispose(&r);
        instream_close(in);
        if (strcmp(got, cases[i].want) != 0)
            fail_msg("%s: got \"%s\", want \"%s\"", cases[i].name, got,
                     cases[i].want);
    }
}

static void test_csv_unterminated_quote_names_line(void **state)
{
    const char *text = "a,b\n1,\"never closed\n";
    instream *in = NULL;
    csv_reader r;

    (void)state;
    instream_open_memory(&in, "posts.csv", text, strlen(text));
    csv_init(&r, in, ',', 1024);
    assert_int_equal(csv_next(&r), 1);
    assert_int_equal(csv_next(&r), MOSAIC_EFORMAT);
    assert_non_null(strstr(mosaic_error_last()->message, "posts.csv:2"));
    csv_dispose(&r);
    instream_close(in);
}

static void test_csv_record_cap(void **state)
{
    char big[300];
    instream *in = NULL;
    csv_reader r;

    (void)state;
    memset(big, 'x', sizeof(big));
    instream_open_memory(&in, "big.csv", big, sizeof(big));
    csv_init(&r, in, ',', 100);
    assert_int_equal(csv_next(&r), MOSAIC_ETOOBIG);
    assert_non_null(strstr(mosaic_error_last()->message, "big.csv:1"));
    csv_dispose(&r);
    instream_close(in);
}

/* A NUL byte would end the field early (fields are NUL-separated) and
 * lose the rest of a post: it is an error naming the line, quoted or not. */
static void test_csv_nul_byte_refused(void **state)
{
    static const struct {
        const char *in;
        size_t len;
    } nul[] = {
        { "id,text\n1,a\0b\n", 14 },
        { "id,text\n1,\"a\0b\"\n", 16 },
        { "id,text\n1,\"a\"\0\n", 15 },
    };

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(nul); i++) {
        instream *in = NULL;
        csv_reader r;
        instream_open_memory(&in, "nul.csv", nul[i].in, nul[i].len);
        csv_init(&r, in, ',', 1024);
        assert_int_equal(csv_next(&r), 1);
        assert_int_equal(csv_next(&r), MOSAIC_EFORMAT);
        assert_non_null(strstr(mosaic_error_last()->message,
                               "nul.csv:2: a NUL byte"));
        csv_dispose(&r);
        instream_close(in);
    }
}

static void test_csv_column_lookup(void **state)
{
    const char *text = "id,created_at,text\n";
    instream *in = NULL;
    csv_reader r;

    (void)state;
    instream_open_memory(&in, "h.csv", text, strlen(text));
    csv_init(&r, in, ',', 1024);
    assert_int_equal(csv_next(&r), 1);
    assert_int_equal(csv_column(&r, "text"), 2);
    assert_int_equal(csv_column(&r, "nope"), -1);
    assert_string_equal(csv_field(&r, 7), "");
    csv_dispose(&r);
    instream_close(in);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csv_records_cases),
        cmocka_unit_test(test_csv_unterminated_quote_names_line),
        cmocka_unit_test(test_csv_record_cap),
        cmocka_unit_test(test_csv_nul_byte_refused),
        cmocka_unit_test(test_csv_column_lookup),
    };
    return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
