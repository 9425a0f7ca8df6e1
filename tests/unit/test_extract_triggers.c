/* test_extract_triggers.c -- the trigger prefilters (a pattern runs only
 * when its trigger words are in the post, and near them) never change
 * what extraction finds: every phrase the patterns know, in several
 * settings, gives the same spans as the exhaustive run (every pattern at
 * every word), and the phrases the triggers once missed are found. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "extract.h"
#include "extract_fixture.h"

#define U -1

/* Phrases the patterns know: each family's pieces, crossed. */
static const char *const numbers[] = {
    "5", "15", "103", "fifteen", "twenty-one", "twenty one", "a", "an",
    "several", "a couple of", "a few",
};
static const char *const age_ends[] = {
    " years old", "-year-old", " year old", " yrs old", "-yr-old", "yo",
    " yo", " y/o", "y/o", " y.o.", "y.o.", "yearsold",
};
static const char *const weekdays[] = {
    "mon", "tue", "tues", "wed", "wednes", "thu", "thurs", "fri", "sat",
    "satur", "sun",
};
static const char *const weekday_forms[] = {
    "%sday", "last %sday", "this past %sdays", "on %sday's", "my %sday lady",
    "next %sday morning", "%sday's session", "my %sday 4pm client",
};
static const char *const months[] = {
    "jan", "January", "FEB", "mar", "March", "apr", "may", "May", "jun",
    "June", "jul", "aug", "August", "sep", "Sept.", "sept", "September",
    "Sepember", "oct", "october", "nov", "November", "dec", "December",
};
static const char *const month_forms[] = {
    "3 %s", "3rd of %s", "%s 3rd", "%s 3, 2021", "3 %s 2019", "in %s",
    "since %s", "mid-%s", "the start of %s", "the beginning of %s",
    "%s 2020",
};
static const char *const units[] = {
    "day", "days", "week", "weeks", "fortnight", "month", "months", "year",
    "years", "decade", "decades", "hour", "hours",
};
static const char *const unit_forms[] = {
    "%s %s ago", "for %s %s", "over %s %s", "nearly %s more %s",
    "more than %s %s", "less than %s more %s", "within %s %s",
};
static const char *const phrases[] = {
    "the day before yesterday", "Yesterday", "tonight", "this afternoon",
    "last night", "earlier today", "last weekend", "this term",
    "next summer", "past fortnight", "Christmas Day", "christmas eve",
    "Xmas", "Boxing Day", "New Year's Day", "new years eve", "new year day",
    "New Year’s Eve", "Good Friday", "Easter Monday", "easter weekend",
    "early May bank holiday", "August Bank Holiday Monday", "May Day",
    "bank holiday weekend", "Valentine's Day", "valentines day",
    "Bonfire Night", "Guy Fawkes night", "Halloween", "Hallowe’en",
    "Mother's Day", "Mothering Sunday", "Fathers Day", "Remembrance Sunday",
    "Shrove Tuesday", "Pancake Day", "Hogmanay", "Burns Night",
    "St Patrick's Day", "st. patricks day", "Christmas 2023", "in 1999",
    "since 2005", "circa 2024", "c. 2010", "2024-03-05", "5/3/2024",
    "5.3.24", "4pm", "4 pm", "4.30pm", "4:30 pm", "10 a.m.", "12 PM",
    "16:30", "noon", "midnight", "3 o'clock", "3 o’clock", "three o clock",
    "3oclock", "3o'clock", "my 4pm", "my 4pm client", "my 9 cancelled",
    "today's session", "our 12th session", "a zoom session",
    "our couples session", "in session", "in session this afternoon",
    "EMDR", "CBT", "sand tray", "sandtray", "play therapy", "walk and talk",
    "walk & talk", "walk-and-talk", "over Zoom", "on Teams", "via skype",
    "in our session this afternoon", "in this morning's session",
    "in her seventies", "in his 70s", "early 20s",
    "mid-70s", "late twenties", "teens", "’80s", "thirty-something",
    "thirtysomething", "50something", "in Year 11", "Year  7 girl",
    "sixth form", "sixth-former", "sixthformer", "a teenager", "pre-teen",
    "preteen", "preteens", "OAP", "a pensioner", "retired", "school girl",
    "schoolkid", "undergrad", "middle-aged", "middle aged", "mid-career",
    "elderly", "in her retirement", "at uni", "at university",
    "a couple of weeks back", "the other day", "aged 42", "age 7", "turned 40",
    "turning 30", "is now 15", "is now fifteen", "she's 15",
    "they are 15 and", "she was twenty-one", "her 30th birthday",
    "call 01422 123456", "+44 (0)1422 123 456", "07700 900123",
    "jo.bloggs@example.co.uk", "@someone", "HX7 5AB", "M1 1AA",
    /* the postcode and "year" triggers' edges */
    "SW1A 1AA", "B338TH", "in LS6", "W1", "t.co/B3xYz", "t.co/aB3 4CD",
    "ABC1 2DE", "x.in 2019", "(by 1999)", "after\t2001", "Xin 2019",
    "around 2005-2006", "c.  1900", "of 2019s",
    "application no. 40593/04", "NHS number 943 476 5919",
    "NI number QQ 12 34 56 C", "ref 1234 5678",
    /* the start words of the near-trigger rows (rx_row.starts): case,
     * runs of spaces, a letter PCRE2 folds beyond ASCII (U+017F) */
    "THE OTHER DAY", "the\tother  day", "this  Evening", "LAST\tnight",
    "thi\xC5\xbf morning", "Earlier  today", "Last   Tuesday",
    "Our  12th session", "IN  HER SEVENTIES", "At\tUni", "Mid-Career",
    "Sixth Form", "SHE IS 15 now", "He\xE2\x80\x99s 15.", "Aged  42",
    "Year\t11", "TWENTY-ONE YEARS OLD", "Over Zoom", "in  march",
    "Till June", "by  may", "Next  Week",
};
/* The settings a phrase is put in. */
static const char *const settings[] = {
    "%s", "She said %s was hard.", "Saw a client %s, #therapy", "(%s)",
    "#tbt #%s 😅", "Met him %s…", "it was %s—really",
    /* digits past the eight-byte skips of the digit triggers */
    "Looking back over all of it, %s", "all of it, %s, and all of it",
};

/* form with each "%s" replaced by the next of a, b. */
static void fill(char *out, size_t size, const char *form, const char *a,
                 const char *b)
{
    size_t o = 0;

    for (const char *f = form; *f && o + 1 < size; f++) {
        if (f[0] == '%' && f[1] == 's') {
            const char *v = a ? a : "";
            size_t n = strlen(v);
            if (o + n >= size)
                n = size - o - 1;
            memcpy(out + o, v, n);
            o += n;
            a = b, b = NULL, f++;
        } else {
            out[o++] = *f;
        }
    }
    out[o] = '\0';
}


/* The same spans with and without the triggers. */
static void check_text(mosaic_extractor *ext, const char *text)
{
    char fast[4096], full[4096];
    const mosaic_extraction *x;

    ext->exhaustive = 0;
    assert_int_equal(mosaic_extract(&x, ext, text, strlen(text),
                                     "2024-03-14T10:00:00Z"), 0);
    describe_spans(x, fast, sizeof(fast));
    ext->exhaustive = 1;
    assert_int_equal(mosaic_extract(&x, ext, text, strlen(text),
                                     "2024-03-14T10:00:00Z"), 0);
    describe_spans(x, full, sizeof(full));
    if (strcmp(fast, full) != 0)
        fail_msg("\"%s\": with triggers %s, without %s", text, fast, full);
}

/* check_text in every setting. */
static void check_phrase(mosaic_extractor *ext, const char *phrase)
{
    char text[256], tag[128];

    for (size_t i = 0; i < ARRAY_SIZE(settings); i++) {
        const char *p = phrase;
        if (strstr(settings[i], "#%s")) { /* a hashtag: no spaces */
            size_t o = 0;
            for (const char *c = phrase; *c && o + 1 < sizeof(tag); c++)
                if (*c != ' ')
                    tag[o++] = *c;
            tag[o] = '\0';
            p = tag;
        }
        fill(text, sizeof(text), settings[i], p, NULL);
        check_text(ext, text);
    }
}

static void test_triggers_change_nothing(void **state)
{
    mosaic_extractor *ext = NULL;
    char phrase[128];

    (void)state;
    assert_int_equal(fixture_open(&ext), 0);
    for (size_t i = 0; i < ARRAY_SIZE(numbers); i++)
        for (size_t j = 0; j < ARRAY_SIZE(age_ends); j++) {
            fill(phrase, sizeof(phrase), "%s%s", numbers[i], age_ends[j]);
            check_phrase(ext, phrase);
        }
    for (size_t i = 0; i < ARRAY_SIZE(weekdays); i++)
        for (size_t j = 0; j < ARRAY_SIZE(weekday_forms); j++) {
            fill(phrase, sizeof(phrase), weekday_forms[j], weekdays[i], NULL);
            check_phrase(ext, phrase);
        }
    for (size_t i = 0; i < ARRAY_SIZE(months); i++)
        for (size_t j = 0; j < ARRAY_SIZE(month_forms); j++) {
            fill(phrase, sizeof(phrase), month_forms[j], months[i], NULL);
            check_phrase(ext, phrase);
        }
    for (size_t i = 0; i < ARRAY_SIZE(numbers); i++)
        for (size_t j = 0; j < ARRAY_SIZE(units); j++)
            for (size_t k = 0; k < ARRAY_SIZE(unit_forms); k++) {
                fill(phrase, sizeof(phrase), unit_forms[k], numbers[i],
                     units[j]);
                check_phrase(ext, phrase);
            }
    for (size_t i = 0; i < ARRAY_SIZE(phrases); i++)
        check_phrase(ext, phrases[i]);
    mosaic_extractor_close(ext);
}

/* The posts of a synthetic therapist history, with its typos and
 * shorthand: the same spans with and without the triggers. */
static void test_triggers_synthetic_posts(void **state)
{
    char top[PATH_MAX], path[PATH_MAX + 64], line[4096];
    mosaic_extractor *ext = NULL;
    FILE *f;
    size_t n = 0;

    (void)state;
    assert_int_equal(fixture_top(top, sizeof(top)), 0);
    snprintf(path, sizeof(path), "%s/tests/fixtures/extract/synth_posts.txt",
             top);
    assert_non_null(f = fopen(path, "r"));
    assert_int_equal(fixture_open(&ext), 0);
    while (fgets(line, sizeof(line), f)) {
        line[strcspn(line, "\n")] = '\0';
        check_text(ext, line);
        n++;
    }
    fclose(f);
    mosaic_extractor_close(ext);
    assert_true(n > 1000);
}

/* Phrases whose trigger word no list held: each was missed. */
static const struct span_case once_missed[] = {
    { "my client is 5 y/o", NULL, "AGE", "5 y/o", 1, "5", U },
    { "a client, 19 y.o., said", NULL, "AGE", "19 y.o.", 1, "19", U },
    { "a 15yo girl", NULL, "AGE", "15yo", 1, "15", U },
    { "she is now 15.", NULL, "AGE", "is now 15", 1, "15", U },
    { "Best Tueday in a while", "2024-03-14T10:00:00Z", "DATE", "Tueday", 1,
      NULL, U },
    { "on 3 Sepember 2019", NULL, "DATE", "3 Sepember 2019", 1, NULL, U },
    { "a thirtysomething dad", NULL, "AGE", "thirtysomething", 1, "30-39",
      U },
    { "a preteen", NULL, "AGE", "preteen", 1, NULL, U },
    { "#Easter plans", "2024-03-14T10:00:00Z", "DATE", "Easter", 1, NULL,
      U },
    { "New Year Day 2023", NULL, "DATE", "New Year Day 2023", 1,
      "2023-01-01/2023-01-01", U },
    { "at 3o'clock", NULL, "TIME", "3o'clock", 1, "03:00", U },
};

static void test_triggers_once_missed(void **state)
{
    (void)state;
    check_span_cases(once_missed, ARRAY_SIZE(once_missed));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_triggers_change_nothing),
        cmocka_unit_test(test_triggers_synthetic_posts),
        cmocka_unit_test(test_triggers_once_missed),
    };
    int rc = cmocka_run_group_tests_name("extract_triggers", tests, NULL,
                                         NULL);

    fixture_cleanup();
    return rc;
}
