/* test_timefmt.c -- every timestamp shape the exports use reads to UTC. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "mosaic.h"
#include "timefmt.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static const struct {
    const char *in;
    const char *want; /* NULL: must be refused */
} cases[] = {
    { "2024-03-05T20:33:12Z", "2024-03-05T20:33:12Z" },
    { "2024-03-05T20:33:12.183Z", "2024-03-05T20:33:12Z" },
    { "2024-03-05T21:33:12+01:00", "2024-03-05T20:33:12Z" },
    { "2024-03-05T15:33:12-0500", "2024-03-05T20:33:12Z" },
    { "2024-03-05 20:33:12", "2024-03-05T20:33:12Z" },
    { "2024-03-05 20:33", "2024-03-05T20:33:00Z" },
    { "2024-03-05", "2024-03-05T00:00:00Z" },
    { "Sat Dec 06 18:20:30 +0000 2025", "2025-12-06T18:20:30Z" },
    { "Tue, 10 Oct 2023 20:19:24 +0000", "2023-10-10T20:19:24Z" },
    { "Tue, 10 Oct 2023 21:19:24 +0100", "2023-10-10T20:19:24Z" },
    { "1725300251", "2024-09-02T18:04:11Z" },
    { "1725300251000", "2024-09-02T18:04:11Z" },
    { "2024-02-29T23:59:59Z", "2024-02-29T23:59:59Z" },
    { "1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z" },
    { "2000-12-31T23:00:00-02:00", "2001-01-01T01:00:00Z" },
    { "0000-00-00 00:00:00", NULL }, /* WordPress drafts' zero date */
    { "2024-13-01", NULL },
    { "yesterday", NULL },
    { "", NULL },
    { "2024-03-05T20:33:12 PST", NULL },
    /* one digit of seconds at the very end: read, not read past (fuzz) */
    { "2024-01-01T00:00:0", "2024-01-01T00:00:00Z" },
    { "2024-01-01T00:00:123", NULL },
};

static void test_timefmt_normalise_cases(void **state)
{
    char got[TIME_ISO_LEN];

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        /* a heap copy of the exact size: ASan sees any read past it */
        char *in = strdup(cases[i].in);
        int rc;
        assert_non_null(in);
        rc = time_normalise(in, got);
        free(in);
        if (cases[i].want == NULL && rc == 0)
            fail_msg("'%s': read as %s, want refused", cases[i].in, got);
        if (cases[i].want && (rc != 0 || strcmp(got, cases[i].want) != 0))
            fail_msg("'%s': got %s (%d), want %s", cases[i].in,
                     rc ? "-" : got, rc, cases[i].want);
    }
}

static void test_timefmt_round_trip_over_centuries(void **state)
{
    char iso[TIME_ISO_LEN];
    int64_t back;

    (void)state;
    for (int64_t t = -2208988800LL; t < 7258118400LL; t += 86399 * 37) {
        time_format(t, iso);
        if (time_parse(iso, &back) != 0 || back != t)
            fail_msg("%lld -> %s -> %lld", (long long)t, iso,
                     (long long)back);
    }
}

/* Exports that write their dates out (Reddit, LinkedIn, Substack,
 * Blogger): a bare number there is a wrong type, not a Unix time. */
static void test_timefmt_written_refuses_numbers(void **state)
{
    static const struct {
        const char *in, *want; /* want NULL: refused */
    } written[] = {
        { "2024-01-22 20:15:03 UTC", "2024-01-22T20:15:03Z" },
        { "2024-04-04T07:00:00.000Z", "2024-04-04T07:00:00Z" },
        { "42", NULL },
        { " 1725300251", NULL },
        { "1725300251000", NULL },
        { "17.5", NULL },
    };
    char iso[TIME_ISO_LEN];

    (void)state;
    for (size_t i = 0; i < sizeof(written) / sizeof(written[0]); i++) {
        int rc = time_normalise_written(written[i].in, iso);
        if (written[i].want == NULL) {
            if (rc != MOSAIC_EFORMAT)
                fail_msg("'%s' read as %s", written[i].in, iso);
        } else {
            assert_int_equal(rc, 0);
            assert_string_equal(iso, written[i].want);
        }
    }
}

/* Date values as a report says them. */
static void test_timefmt_value_words(void **state)
{
    static const struct {
        const char *in, *want;
    } words[] = {
        { "2026-03-01/2026-03-31", "March 2026" },
        { "2024-02-01/2024-02-29", "February 2024" },
        { "2024-02-01/2024-02-28", "1-28 February 2024" },
        { "2026-11-26/2026-11-26", "26 November 2026" },
        { "2025-01-01/2025-12-31", "2025" },
        { "2026-11-23/2026-11-29", "23-29 November 2026" },
        { "2026-11-30/2026-12-06", "30 November - 6 December 2026" },
        { "2025-12-29/2026-01-04", "29 December 2025 - 4 January 2026" },
        { "P3Y", "3 years" },
        { "P1W", "1 week" },
        { "PT2H", "2 hours" },
        { "P3Y2", "P3Y2" },
        { "2026-13-01/2026-13-31", "2026-13-01/2026-13-31" },
        { "session 12", "session 12" },
        { "", "" },
    };
    char out[64];

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(words); i++) {
        time_value_words(words[i].in, out, sizeof(out));
        if (strcmp(out, words[i].want) != 0)
            fail_msg("'%s' -> '%s', want '%s'", words[i].in, out,
                     words[i].want);
    }
    time_value_words("2026-03-01/2026-03-31", out, 6); /* truncated */
    assert_string_equal(out, "March");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_timefmt_normalise_cases),
        cmocka_unit_test(test_timefmt_round_trip_over_centuries),
        cmocka_unit_test(test_timefmt_written_refuses_numbers),
        cmocka_unit_test(test_timefmt_value_words),
    };
    return cmocka_run_group_tests_name("timefmt", tests, NULL, NULL);
}
