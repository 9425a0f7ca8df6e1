/* test_import_x.c -- X's timestamps read without sscanf on the common
 * path, and the same answer as time_normalise everywhere else. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "import_x.h"
#include "mosaic.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static const struct {
    const char *in, *want; /* want NULL: refused */
} cases[] = {
    { "Wed Oct 10 20:19:24 +0000 2018", "2018-10-10T20:19:24Z" },
    { "Sat Dec 06 18:20:30 +0000 2025", "2025-12-06T18:20:30Z" },
    { "Thu Feb 29 23:59:59 +0000 2024", "2024-02-29T23:59:59Z" },
    { "Tue Jan 01 00:00:00 +0000 2019", "2019-01-01T00:00:00Z" },
    { "Mon Dec 31 23:59:59 +0000 2018", "2018-12-31T23:59:59Z" },
    { "Wed Oct 10 20:19:24 +0200 2018", "2018-10-10T18:19:24Z" },
    { "2014-08-28 00:54:46 +0000", "2014-08-28T00:54:46Z" },
    { "2024-04-02T19:12:40.512Z", "2024-04-02T19:12:40Z" },
    { "Wed Oct 31 20:19:24 +0000 2018", "2018-10-31T20:19:24Z" },
    /* days 29-31 on the fast path: month lengths and leap years */
    { "Thu Jan 31 10:00:00 +0000 2019", "2019-01-31T10:00:00Z" },
    { "Tue Apr 30 10:00:00 +0000 2024", "2024-04-30T10:00:00Z" },
    { "Tue Feb 29 10:00:00 +0000 2000", "2000-02-29T10:00:00Z" },
    { "Fri Feb 29 10:00:00 +0000 2019", "2019-03-01T10:00:00Z" },
    { "Thu Feb 29 10:00:00 +0000 1900", "1900-03-01T10:00:00Z" },
    { "Mon Apr 31 10:00:00 +0000 2024", "2024-05-01T10:00:00Z" },
    { "Wed Foo 10 20:19:24 +0000 2018", NULL },
    { "Wed Oct 10 25:19:24 +0000 2018", NULL },
    { "yesterday", NULL },
    { "", NULL },
};

static void test_x_time(void **state)
{
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        char got[TIME_ISO_LEN] = "", ref[TIME_ISO_LEN] = "";
        int rc = x_time(cases[i].in, got);
        if (cases[i].want == NULL) {
            if (rc == 0)
                fail_msg("'%s': read as %s, want refused", cases[i].in, got);
            continue;
        }
        if (rc != 0 || strcmp(got, cases[i].want) != 0)
            fail_msg("'%s': got %d %s, want %s", cases[i].in, rc, got,
                     cases[i].want);
        /* the fast path agrees with the general parser */
        assert_int_equal(time_normalise(cases[i].in, ref), 0);
        assert_string_equal(got, ref);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_x_time),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
