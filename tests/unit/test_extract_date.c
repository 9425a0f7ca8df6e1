/* test_extract_date.c -- dates resolved against the post's own date. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "extract_fixture.h"

#define THU "2024-03-14T10:00:00Z" /* a Thursday */
#define NOV "2026-11-26T10:00:00Z" /* a Thursday in November */
#define U -1

static const struct span_case date_cases[] = {
    /* a word holding "something" keeps the year it holds */
    { "in 2019\xC5\xBFomething", THU, "DATE", "2019", 1,
      "2019-01-01/2019-12-31", U },
    { "SOMETHING\xE6\x97\xA5" "2024-02-29", THU, "DATE", "2024-02-29", 1,
      "2024-02-29/2024-02-29", U },
    { "on 1/2/2024", THU, "DATE", "1/2/2024", 1, "2024-02-01/2024-02-01", U },
    { "I saw her yesterday", THU, "DATE", "yesterday", 1,
      "2024-03-13/2024-03-13", U },
    { "Last Tuesday was hard", THU, "DATE", "Last Tuesday", 1,
      "2024-03-12/2024-03-12", U },
    { "last Thursday she cried", THU, "DATE", "last Thursday", 1,
      "2024-03-07/2024-03-07", U },
    { "on Thursday we met", THU, "DATE", "on Thursday", 1,
      "2024-03-14/2024-03-14", U },

    { "a fortnight ago", THU, "DATE", "a fortnight ago", 1,
      "2024-02-26/2024-03-03", U },
    { "3 days ago", THU, "DATE", "3 days ago", 1, "2024-03-11/2024-03-11", U },
    { "a couple of weeks back", THU, "DATE", "a couple of weeks back", 1,
      NULL, U },
    { "my back hurts", THU, "DATE", NULL, 0, NULL, U },
    /* a month in lower case, but not the verbs */
    { "in october she left", THU, "DATE", "october", 1,
      "2023-10-01/2023-10-31", U },
    { "we may march in may", THU, "DATE", NULL, 0, NULL, U },
    { "the other day she said", THU, "DATE", "the other day", 1,
      "2024-03-07/2024-03-13", U },
    { "last week", THU, "DATE", "last week", 1, "2024-03-04/2024-03-10", U },
    { "last month", THU, "DATE", "last month", 1, "2024-02-01/2024-02-29",
      U },
    { "on Boxing Day", THU, "DATE", "Boxing Day", 1, "2023-12-26/2023-12-26",
      U },
    { "Christmas Day 2019", THU, "DATE", "Christmas Day 2019", 1,
      "2019-12-25/2019-12-25", U },
    { "over the bank holiday", THU, "DATE", "bank holiday", 1,
      "2024-03-29/2024-03-29", U },
    { "on Good Friday", THU, "DATE", "Good Friday", 1,
      "2024-03-29/2024-03-29", U },
    /* each holiday phrase still triggers its pattern */
    { "on May Day", THU, "DATE", "May Day", 1, NULL, U },
    { "see you on new years eve", THU, "DATE", "new years eve", 1, NULL, U },
    { "new years day walk", THU, "DATE", "new years day", 1, NULL, U },
    { "guy fawkes night", THU, "DATE", "guy fawkes night", 1, NULL, U },
    { "St Patrick's Day", THU, "DATE", "St Patrick's Day", 1, NULL, U },
    { "since 1998 she", THU, "DATE", "1998", 1, NULL, U },
    { "March 5th", THU, "DATE", "March 5th", 1, NULL, U },
    { "on 5 March 2024", THU, "DATE", "5 March 2024", 1,
      "2024-03-05/2024-03-05", U },
    { "on March 5th", THU, "DATE", "March 5th", 1, "2024-03-05/2024-03-05",
      U },
    { "05/03/2024", THU, "DATE", "05/03/2024", 1, "2024-03-05/2024-03-05", U },
    { "2024-03-05", THU, "DATE", "2024-03-05", 1, "2024-03-05/2024-03-05", U },
    { "she died in March", THU, "DATE", "March", 1, "2024-03-01/2024-03-31",
      U },
    { "it was last May", THU, "DATE", "May", 1, "2023-05-01/2023-05-31", U },
    { "back in 2019", THU, "DATE", "2019", 1, "2019-01-01/2019-12-31", U },
    /* a date told from another one: no interval */
    { "Three months later the decision was served", THU, "DATE",
      "Three months later", 1, NULL, U },
    { "two years earlier he had moved", THU, "DATE", "two years earlier", 1,
      NULL, U },
    { "see you later", THU, "DATE", NULL, 0, NULL, U },
    /* ranges of years, eras, a season's year */
    { "between 1993 and 1995 she", THU, "DATE", "between 1993 and 1995", 1,
      "1993-01-01/1995-12-31", U },
    { "from 1993 to 1995", THU, "DATE", "from 1993 to 1995", 1,
      "1993-01-01/1995-12-31", U },
    { "the 2019-20 season", THU, "DATE", "2019-20", 1,
      "2019-01-01/2020-12-31", U },
    { "on 1993-12-01", THU, "DATE", "1993-12-01", 1, "1993-12-01/1993-12-01",
      U },
    { "in 1993 and 1995", THU, "DATE", "1993", 1, "1993-01-01/1993-12-31",
      U },
    { "in the early 1990s he", THU, "DATE", "the early 1990s", 1,
      "1990-01-01/1993-12-31", U },
    { "the mid-1980s", THU, "DATE", "the mid-1980s", 1,
      "1983-01-01/1986-12-31", U },
    { "music of the 1970's", THU, "DATE", "the 1970's", 1,
      "1970-01-01/1979-12-31", U },
    { "she is in her 70s", THU, "DATE", NULL, 0, NULL, U },
    { "in autumn 2000", THU, "DATE", "2000", 1, "2000-01-01/2000-12-31", U },
    { "born in 1949 and 1955 respectively", THU, "DATE", "1955", 1,
      "1955-01-01/1955-12-31", U },
    { "I have 100 and 2000 followers", THU, "DATE", NULL, 0, NULL, U },
    { "sentenced them to six months' imprisonment", THU, "DATE",
      "six months", 1, "P6M", U },
    { "married for three years", THU, "DATE", "three years", 1, "P3Y", U },
    { "she spent six weeks in hospital", THU, "DATE", "six weeks", 1, "P6W",
      U },
    { "he was sentenced to three months", THU, "DATE", "three months", 1,
      "P3M", U },
    { "for a fortnight", THU, "DATE", "a fortnight", 1, "P2W", U },
    /* a month or a day without a year: on the side its sentence's tense
     * says, else the nearest */
    { "She lost her husband in March", NOV, "DATE", "March", 1,
      "2026-03-01/2026-03-31", U },
    { "she's been off work since March", NOV, "DATE", "March", 1,
      "2026-03-01/2026-03-31", U },
    { "She is moving to Leeds in March", NOV, "DATE", "March", 1,
      "2027-03-01/2027-03-31", U },
    /* a plan outweighs an "-ed" word that may be an adjective */
    { "He is moving up in March and terrified", NOV, "DATE", "March", 1,
      "2027-03-01/2027-03-31", U },
    { "He moved up in March and is settling", NOV, "DATE", "March", 1,
      "2026-03-01/2026-03-31", U },
    /* the verb nearest before the date in its clause */
    { "She lost her husband in March and is moving in April", NOV, "DATE",
      "April", 1, "2027-04-01/2027-04-30", U },
    { "She lost her husband in March and is moving in April", NOV, "DATE",
      "March", 1, "2026-03-01/2026-03-31", U },
    { "She told me she's leaving at Easter", NOV, "DATE", "Easter", 1,
      "2027-03-28/2027-03-28", U },
    { "She said she will start in May after she moved in October", NOV,
      "DATE", "October", 1, "2026-10-01/2026-10-31", U },
    { "In March, she lost her husband", NOV, "DATE", "March", 1,
      "2026-03-01/2026-03-31", U },
    { "My daughter starts uni in September", NOV, "DATE", "September", 1,
      "2027-09-01/2027-09-30", U },
    { "He retires in October", NOV, "DATE", "October", 1,
      "2027-10-01/2027-10-31", U },
    { "they're getting married in March", NOV, "DATE", "March", 1,
      "2027-03-01/2027-03-31", U },
    { "she starts college in March", NOV, "DATE", "March", 1,
      "2027-03-01/2027-03-31", U },
    { "her divorce came through on 3 March", NOV, "DATE", "3 March", 1,
      "2026-03-03/2026-03-03", U },
    { "we begin EMDR on 3 March", NOV, "DATE", "3 March", 1,
      "2027-03-03/2027-03-03", U },
    { "She will be back in September", NOV, "DATE", "September", 1,
      "2027-09-01/2027-09-30", U },
    { "her house flooded again on Boxing Day", NOV, "DATE", "Boxing Day", 1,
      "2025-12-26/2025-12-26", U },
    { "we are closed on Boxing Day", NOV, "DATE", "Boxing Day", 1,
      "2026-12-26/2026-12-26", U },
    { "she came out to her parents this weekend", NOV, "DATE",
      "this weekend", 1, "2026-11-21/2026-11-22", U },
    { "we are off to Whitby this weekend", NOV, "DATE", "this weekend", 1,
      "2026-11-28/2026-11-29", U },
    { "I saw her on Monday", NOV, "DATE", "on Monday", 1,
      "2026-11-23/2026-11-23", U },
    { "I am seeing her on Monday", NOV, "DATE", "on Monday", 1,
      "2026-11-30/2026-11-30", U },
    { "She'll ring on Friday", NOV, "DATE", "on Friday", 1,
      "2026-11-27/2026-11-27", U },
    { "she's worried she'll relapse in November", NOV, "DATE", "November", 1,
      "2026-11-01/2026-11-30", U },
    /* not dates */
    { "I may go", THU, "DATE", NULL, 0, NULL, U },
    { "May I ask something?", THU, "DATE", NULL, 0, NULL, U },
    { "we will march on", THU, "DATE", NULL, 0, NULL, U },
    { "she is 3 years old", THU, "DATE", NULL, 0, NULL, U },
    { "page 12 of 40", THU, "DATE", NULL, 0, NULL, U },
};

static void test_extract_date_cases(void **state)
{
    (void)state;
    check_span_cases(date_cases, ARRAY_SIZE(date_cases));
}

/* Without the post's date a relative date is found but not resolved. */
static void test_extract_date_without_anchor(void **state)
{
    mosaic_extractor *ext = NULL;
    const mosaic_extraction *x;
    const mosaic_span *s;

    (void)state;
    assert_int_equal(fixture_open(&ext), 0);
    assert_int_equal(mosaic_extract(&x, ext, "yesterday", 9, NULL), 0);
    assert_non_null(s = find_span(x, "DATE", "yesterday"));
    assert_null(s->value);
    assert_int_equal(mosaic_extract(&x, ext, "x", 1, "not a date"),
                     MOSAIC_EFORMAT);
    mosaic_extractor_close(ext);
}

/* A weekly day ("she walks on a Thursday") is found with no date (the
 * day the author sees someone is a SESSION: test_extract.c). */
static void test_extract_date_weekly(void **state)
{
    static const char *const texts[] = { "she walks on a Thursday",
                                         "every Monday she calls",
                                         "on Tuesdays we walk" };
    mosaic_extractor *ext = NULL;
    const mosaic_extraction *x;

    (void)state;
    assert_int_equal(fixture_open(&ext), 0);
    for (size_t i = 0; i < ARRAY_SIZE(texts); i++) {
        assert_int_equal(mosaic_extract(&x, ext, texts[i], strlen(texts[i]),
                                        THU), 0);
        assert_int_equal(x->n > 0, 1);
        if (find_span(x, "DATE", NULL) == NULL ||
            find_span(x, "DATE", NULL)->value != NULL)
            fail_msg("\"%s\": want a DATE without a date", texts[i]);
    }
    mosaic_extractor_close(ext);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_extract_date_cases),
        cmocka_unit_test(test_extract_date_without_anchor),
        cmocka_unit_test(test_extract_date_weekly),
    };
    int rc = cmocka_run_group_tests_name("extract_date", tests, NULL, NULL);

    fixture_cleanup();
    return rc;
}
