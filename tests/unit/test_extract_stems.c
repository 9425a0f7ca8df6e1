/* test_extract_stems.c -- the lexicon's stem filters (a word whose stem
 * cannot begin or go on with a lexicon phrase is not stemmed) never
 * change what extraction finds: every phrase of the stemmed lexicons,
 * each of its words in many inflected forms, gives the same spans as an
 * extractor that stems every word (ext->stem_all). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "extract.h"
#include "extract_fixture.h"

/* The lexicons matched on stems (extract_load.c's TO_LEXICON files). */
static const char *const lexicons[] = {
    "clientcues", "not_findings", "gender",    "family",   "life_events",
    "health",     "occupations",  "nationality", "ethnicity", "religion",
    "languages",  "sexuality",    "distinctive", "orgs",
};

/* Endings Snowball English takes off or changes (and the words made by
 * them): appended to a word, to a word less its last 'e' or 'y', or
 * after its last letter doubled. */
static const char *const endings[] = {
    "", "s", "es", "'s", "ed", "ing", "er", "ers", "est", "ly", "ness",
    "ful", "fully", "ment", "ments", "ation", "ations", "ational",
    "ism", "ist", "ists", "ive", "ity", "ities", "able", "ible", "al",
    "ally", "ous", "ize", "ized", "ise", "ised", "ance", "ence", "ant",
    "ent", "y", "ies", "ied", "ily", "iness", "ier", "i",
};

struct pair {
    mosaic_extractor *fast, *full;
};


/* The same spans from both extractors, or fail naming the text. */
static void same_spans(struct pair *p, const char *text)
{
    char fast[2048], full[2048];
    const mosaic_extraction *x;

    assert_int_equal(mosaic_extract(&x, p->fast, text, strlen(text), NULL),
                     0);
    describe_spans(x, fast, sizeof(fast));
    assert_int_equal(mosaic_extract(&x, p->full, text, strlen(text), NULL),
                     0);
    describe_spans(x, full, sizeof(full));
    if (strcmp(fast, full) != 0)
        fail_msg("\"%s\": filtered %s, every word stemmed %s", text, fast,
                 full);
}

/* Word k of phrase (words split at spaces) in each inflected form. */
static long each_form(struct pair *p, char *const *words, size_t n,
                      size_t k)
{
    const char *w = words[k];
    size_t len = strlen(w);
    long tried = 0;

    for (size_t e = 0; e < ARRAY_SIZE(endings); e++)
        for (int how = 0; how < 3; how++) {
            char form[96], text[512];
            size_t o = 0;
            if (how == 0)
                snprintf(form, sizeof(form), "%s%s", w, endings[e]);
            else if (how == 1 && len > 2 &&
                     (w[len - 1] == 'e' || w[len - 1] == 'y'))
                snprintf(form, sizeof(form), "%.*s%s", (int)(len - 1), w,
                         endings[e]);
            else if (how == 2 && len > 2 && endings[e][0] != '\0')
                snprintf(form, sizeof(form), "%s%c%s", w, w[len - 1],
                         endings[e]);
            else
                continue;
            o = (size_t)snprintf(text, sizeof(text), "my client is a");
            for (size_t i = 0; i < n && o < sizeof(text); i++)
                o += (size_t)snprintf(text + o, sizeof(text) - o, " %s",
                                      i == k ? form : words[i]);
            same_spans(p, text);
            tried++;
        }
    return tried;
}

/* Every phrase line of one lexicon file. */
static long each_phrase(struct pair *p, const char *path)
{
    char line[512];
    FILE *f = fopen(path, "r");
    long tried = 0;

    assert_non_null(f);
    while (fgets(line, sizeof(line), f)) {
        char *words[16];
        size_t n = 0;
        line[strcspn(line, "\t\r\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        for (char *w = strtok(line, " "); w && n < ARRAY_SIZE(words);
             w = strtok(NULL, " "))
            words[n++] = w;
        for (size_t k = 0; k < n; k++)
            tried += each_form(p, words, n, k);
    }
    fclose(f);
    return tried;
}

/* Forms whose stem changes a letter the filters look at. */
static const struct span_case changed_letters[] = {
    { "a client whose mother is dying", NULL, "LIFE_EVENT", "dying", 1,
      "bereavement", -1 },
    { "my client's stepdaughters", NULL, "FAMILY", "stepdaughters", 1,
      "stepchild", -1 },
    { "the nurses", NULL, "OCCUPATION", "nurses", 1, "nurse", -1 },
};

static void test_stem_filters_keep_changed_letters(void **state)
{
    (void)state;
    check_span_cases(changed_letters, ARRAY_SIZE(changed_letters));
}

static void test_stem_filters_change_nothing(void **state)
{
    struct pair p;
    char top[PATH_MAX], path[PATH_MAX + 64];
    long tried = 0;

    (void)state;
    assert_int_equal(fixture_open(&p.fast), 0);
    assert_int_equal(fixture_open(&p.full), 0);
    p.full->stem_all = 1; /* before it has seen a word */
    assert_int_equal(fixture_top(top, sizeof(top)), 0);
    for (size_t i = 0; i < ARRAY_SIZE(lexicons); i++) {
        snprintf(path, sizeof(path), "%s/corpus/lexicon/%s.txt", top,
                 lexicons[i]);
        tried += each_phrase(&p, path);
    }
    assert_true(tried > 10000); /* the lexicons were read */
    mosaic_extractor_close(p.fast);
    mosaic_extractor_close(p.full);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stem_filters_keep_changed_letters),
        cmocka_unit_test(test_stem_filters_change_nothing),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);

    fixture_cleanup();
    return failed;
}
