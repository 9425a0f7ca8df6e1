/* test_population.c -- the population model on hand-made tables whose
 * answers are worked out by hand: a village of 4,500 in a county of
 * 1.2 M, an occupation of 3,000 in a nation of 60 M. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "mosaic.h"
#include "population.h"

static char dir[] = "/tmp/mosaic-pop-XXXXXX";

static void put(const char *name, const char *text)
{
    char path[256];
    FILE *f;

    snprintf(path, sizeof(path), "%s/refdata/%s", dir, name);
    f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Testby (4,500) and Bigtown (1,195,500) 11 km apart make Testshire's
 * 1.2 M; Farton (58.8 M) is 222 km south.  UK: 60 M. */
static void write_tables(void)
{
    put("places.tsv",
        "name\talt_names\tlat\tlon\tpopulation\tdistrict\tcounty\tregion\tnation\n"
        "Testby\tTest Village\t53.0\t-2.0\t4500\tVale\tTestshire\tNorth\tEngland\n"
        "Bigtown\t\t53.1\t-2.0\t1195500\tCity\tTestshire\tNorth\tEngland\n"
        "Farton\t\t51.0\t-2.0\t58800000\tFar\tFarshire\tSouth\tEngland\n");
    put("place_sections.tsv", "name\tlat\tlon\tpopulation\n");
    put("totals.tsv", "key\tvalue\tsource\nuk_population\t60000000\tt\n"
                      "in_employment\t30000000\tt\n");
    /* ages 0-49: 15 M men, 15 M women; 50-99: 14 M men, 16 M women */
    put("age_sex.tsv", "age_from\tage_to\tmale\tfemale\tsource\n"
                       "0\t49\t15000000\t15000000\tbands\n"
                       "50\t99\t14000000\t16000000\tbands\n");
    put("occupations.tsv",
        "title\talt_titles\tmajor\tcount\tof\tfemale_share\tsource\n"
        "smith\tblacksmith\t5\t3000\t60000000\t0.1\tsmiths\n"
        "unemployed\tjobseeker\t0\t1200000\t60000000\t\tno group\n"
        "cook\t\t5\t60000\t60000000\t\tcooks\n");
    put("occupation_groups.tsv", "major\ttitle\tshare_of_employed\tsource\n"
                                 "5\tskilled trades\t0.1\tgroups\n");
    put("base_rates.tsv", "category\tvalue\talt_values\tshare\tunit\tsource\n"
                          "FAMILY\twidowed\twidow\t0.05\tperson\twidows\n"
                          "ORG\t*\t\t0.01\tperson\tprior\n"
                          "ORG\tsecondary school\thigh|academy\t1000\t"
                          "members\tschools\n");
    put("life_stage.tsv",
        "word\talt_words\tage_from\tage_to\tshare_in_ages\tsource\n"
        "retired\tpensioner\t60\t99\t0.8\tretirement\n");
}

static int setup(void **state)
{
    char sub[300];
    population *pop;

    assert_non_null(mkdtemp(dir));
    snprintf(sub, sizeof(sub), "%s/refdata", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    write_tables();
    assert_int_equal(population_open(&pop, dir), 0);
    *state = pop;
    return 0;
}

static int teardown(void **state)
{
    char cmd[300];

    population_close(*state);
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void catchment_sums_places_in_radius(void **state)
{
    catchment c;

    assert_int_equal(population_catchment(*state, "testby", 25, &c), 0);
    assert_true(c.known);
    assert_float_equal(c.people, 1200000, 0.5);
    assert_int_equal(population_catchment(*state, "Test Village", 5, &c), 0);
    assert_float_equal(c.people, 4500, 0.5); /* Bigtown is 11 km off */
    assert_int_equal(population_catchment(*state, "Nowhere", 25, &c), 0);
    assert_false(c.known);
    assert_float_equal(c.people, 60e6, 0.5);
    assert_int_equal(population_catchment(*state, NULL, 25, &c), 0);
    assert_false(c.known);
}

static void village_share_and_ladder(void **state)
{
    catchment c;
    score_attr a;
    suggest_ladder l;
    const char *src;

    population_catchment(*state, "Testby", 25, &c);
    assert_int_equal(population_price(*state, &c, "PLACE", "Testby", &a, &l,
                                      &src), 0);
    assert_float_equal(a.share, 4500 / 1.2e6, 1e-12); /* 0.00375 */
    assert_true(a.is_place);
    assert_int_equal(l.levels, 4); /* Vale, Testshire, North, England */
    assert_string_equal(l.label[0], "Vale");
    assert_float_equal(l.share[0], 4500 / 1.2e6, 1e-12);
    assert_string_equal(l.label[1], "Testshire");
    assert_float_equal(l.share[1], 1.0, 1e-12);
    /* not in the gazetteer: share 0, reported by the caller */
    assert_int_equal(population_price(*state, &c, "PLACE", "Atlantis", &a,
                                      &l, &src), 0);
    assert_true(a.share == 0);
    assert_null(src);
}

static void ages_and_occupations(void **state)
{
    catchment c;
    score_attr a;
    suggest_ladder l;
    const char *src;

    population_catchment(*state, NULL, 25, &c);
    /* 50-59: 10/50 of 30 M = 6 M of 60 M */
    population_price(*state, &c, "AGE", "50-59", &a, &l, &src);
    assert_float_equal(a.share, 0.1, 1e-12);
    population_price(*state, &c, "AGE", "in her fifties", &a, &l, &src);
    assert_float_equal(a.share, 0.1, 1e-12);
    population_price(*state, &c, "AGE", "52", &a, &l, &src);
    assert_float_equal(a.share, 0.01, 1e-12);
    assert_string_equal(l.label[0], "in their fifties");
    assert_float_equal(l.share[0], 0.1, 1e-12);
    /* retired: 60-99 is 24 M of 60 M, 80 % retired: 0.32 */
    population_price(*state, &c, "AGE", "Pensioner", &a, &l, &src);
    assert_float_equal(a.share, 0.32, 1e-12);
    /* smith: 3,000 of 60 M; the major group: 10 % of 30 M of 60 M */
    population_price(*state, &c, "OCCUPATION", "Blacksmith", &a, &l, &src);
    assert_float_equal(a.share, 5e-5, 1e-15);
    assert_float_equal(a.count, 3000, 0);
    assert_float_equal(l.share[0], 0.05, 1e-12);
    /* a rewrite's words, not the group's title ("skilled trades") */
    assert_string_equal(l.label[0], "tradesperson");
    /* not an occupation (major 0): priced, but no major group to widen to */
    population_price(*state, &c, "OCCUPATION", "jobseeker", &a, &l, &src);
    assert_float_equal(a.share, 0.02, 1e-12);
    assert_int_equal(l.levels, 0);
    assert_string_equal(src, "no group");
    population_price(*state, &c, "GENDER", "she", &a, &l, &src);
    assert_float_equal(a.share, 31.0 / 60, 1e-12);
    population_price(*state, &c, "FAMILY", "widow", &a, &l, &src);
    assert_float_equal(a.share, 0.05, 1e-12);
    population_price(*state, &c, "NAME", "Jo", &a, &l, &src);
    assert_true(a.direct);
    /* an organisation: 1 % of the catchment (60 M: 600,000 people); a
     * named school no more than its 1,000 pupils, by its last words */
    population_price(*state, &c, "ORG", "Acme Ltd", &a, &l, &src);
    assert_float_equal(a.share, 0.01, 1e-12);
    population_price(*state, &c, "ORG", "Calder High", &a, &l, &src);
    assert_float_equal(a.share, 1000 / 60e6, 1e-15);
    assert_string_equal(src, "schools");
    population_price(*state, &c, "ORG", "St Anne's Academy", &a, &l, &src);
    assert_float_equal(a.share, 1000 / 60e6, 1e-15);
    population_price(*state, &c, "ORG", "High Court", &a, &l, &src);
    assert_float_equal(a.share, 0.01, 1e-12);
    /* in a village of 4,500 the prior (45 people) is the smaller */
    population_catchment(*state, "Testby", 5, &c);
    population_price(*state, &c, "ORG", "Calder High", &a, &l, &src);
    assert_float_equal(a.share, 0.01, 1e-12);
    population_catchment(*state, NULL, 25, &c);
    /* a day narrows an event to 1/365; a duration ("for 30 years")
     * says how long, not when: no narrowing */
    population_price(*state, &c, "DATE", "2024-03-05/2024-03-05", &a, &l,
                     &src);
    assert_float_equal(a.share, 1 / 365.25, 1e-12);
    population_price(*state, &c, "DATE", "P30Y", &a, &l, &src);
    assert_float_equal(a.share, 1, 0);
    population_price(*state, &c, "DATE", "PT2H", &a, &l, &src);
    assert_float_equal(a.share, 1, 0);
    assert_int_equal(population_price(*state, &c, "HOBBY", "x", &a, &l, &src),
                     MOSAIC_EFORMAT);
}

static mosaic_population *mp;

static void assess(const mosaic_quasi *q, size_t n, const char *location,
                   mosaic_assessment *r)
{
    mosaic_setting s = MOSAIC_SETTING_INIT;

    s.location = location;
    assert_int_equal(mosaic_assess(mp, &s, q, n, r), 0);
}

/* p = 4500/1.2e6 * 3000/60e6 = 1.875e-7; k = 1 + 1199999 p = 1.225 */
static void village_smith_combination(void **state)
{
    mosaic_quasi q[] = { { "place", "Testby" }, { "occupation", "smith" } };
    mosaic_assessment r;

    (void)state;
    assess(q, 2, "Testby", &r);
    assert_float_equal(r.catchment, 1.2e6, 0.5);
    assert_float_equal(r.p, 1.875e-7, 1e-15);
    assert_float_equal(r.k_public, 1 + 1199999 * 1.875e-7, 1e-9);
    assert_string_equal(r.verdict, "HIGH");
    assert_true(r.suggestion_found);
    assert_true(r.k_after >= 10);
    mosaic_assessment_free(&r);
}

/* smith alone, UK: k = 1 + (60e6 - 1) 5e-5 = 3000.99995, safe in public;
 * but k_insider = 1 + 29 * 5e-5 < 2: an insider could tell (MEDIUM) */
static void occupation_nationally(void **state)
{
    mosaic_quasi q[] = { { "OCCUPATION", "smith" } };
    mosaic_assessment r;

    (void)state;
    assess(q, 1, NULL, &r);
    assert_null(r.catchment_place);
    assert_float_equal(r.k_public, 3000.99995, 1e-6);
    assert_true(r.k_public_safe < r.k_public); /* the interval's low end */
    assert_true(r.k_public_safe > 2800);
    assert_float_equal(r.k_insider, 1 + 29 * 5e-5, 1e-4);
    assert_string_equal(r.verdict, "MEDIUM");
    mosaic_assessment_free(&r);
}

static void edge_cases(void **state)
{
    mosaic_quasi unknown[] = { { "PLACE", "Atlantis" } };
    mosaic_quasi everyone[] = { { "AGE", "0-99" } };
    mosaic_quasi tiny[] = { { "OCCUPATION", "smith" }, { "OCCUPATION", "smith" },
                            { "OCCUPATION", "smith" }, { "OCCUPATION", "smith" },
                            { "OCCUPATION", "smith" }, { "OCCUPATION", "smith" },
                            { "OCCUPATION", "smith" }, { "OCCUPATION", "smith" } };
    mosaic_assessment r;

    (void)state;
    /* p = 0: unknown, reported, and it says nothing: k = N */
    assess(unknown, 1, NULL, &r);
    assert_false(r.attributes[0].known);
    assert_float_equal(r.k_public, 60e6, 1);
    mosaic_assessment_free(&r);
    /* p = 1 */
    assess(everyone, 1, NULL, &r);
    assert_float_equal(r.p, 1, 1e-12);
    assert_float_equal(r.p_unique, 0, 1e-12);
    mosaic_assessment_free(&r);
    /* p = 5e-5^8 = 3.9e-35: no underflow to NaN; k = 1, unique */
    assess(tiny, 8, NULL, &r);
    assert_true(r.p > 0 && r.p < 1e-30);
    assert_float_equal(r.k_public, 1, 1e-12);
    assert_float_equal(r.p_unique, 1, 1e-12);
    mosaic_assessment_free(&r);
    /* N = 1 */
    assert_float_equal(score_k(1, 0.5), 1, 0);
    assert_float_equal(score_p_unique(1, 0.5), 1, 0);
}

static void dependence_and_contradiction(void **state)
{
    mosaic_quasi smith_woman[] = { { "OCCUPATION", "smith" },
                                   { "GENDER", "female" } };
    mosaic_quasi both_sexes[] = { { "GENDER", "female" }, { "GENDER", "male" } };
    mosaic_quasi young_retired[] = { { "AGE", "15" }, { "AGE", "retired" } };
    mosaic_quasi old_retired[] = { { "AGE", "60-99" }, { "AGE", "retired" } };
    mosaic_assessment r;

    (void)state;
    assess(smith_woman, 2, NULL, &r); /* 10 % of smiths are women */
    assert_float_equal(r.attributes[1].p, 0.1, 1e-12);
    assert_non_null(r.attributes[1].note);
    mosaic_assessment_free(&r);
    assess(both_sexes, 2, NULL, &r);
    assert_true(r.attributes[0].known);
    assert_false(r.attributes[1].known);
    assert_non_null(r.attributes[1].note);
    mosaic_assessment_free(&r);
    assess(young_retired, 2, NULL, &r);
    assert_false(r.attributes[1].known);
    mosaic_assessment_free(&r);
    /* retired within 60-99: 0.8 (not 0.32): p = 0.4 * 0.8 */
    assess(old_retired, 2, NULL, &r);
    assert_float_equal(r.p, 0.4 * 0.8, 1e-12);
    mosaic_assessment_free(&r);
}

static void bad_table_is_named(void **state)
{
    population *bad;

    (void)state;
    put("occupations.tsv",
        "title\talt_titles\tmajor\tcount\tof\tfemale_share\tsource\n"
        "smith\t\t5\tmany\t60000000\t0.1\tsmiths\n");
    assert_int_equal(population_open(&bad, dir), MOSAIC_EFORMAT);
    assert_non_null(strstr(mosaic_error_last()->message, "occupations.tsv: line 2"));
    write_tables();
    put("base_rates.tsv", "category\tvalue\talt_values\tshare\tunit\tsource\n"
                          "ORG\tschool\t\t280\tpupils\tschools\n");
    assert_int_equal(population_open(&bad, dir), MOSAIC_EFORMAT);
    assert_non_null(strstr(mosaic_error_last()->message,
                           "base_rates.tsv: line 2: unit 'pupils'"));
    write_tables();
}

/* The data folder is found beside the program (build/share/mosaic). */
static void finds_build_data(void **state)
{
    population *pop;

    (void)state;
    assert_int_equal(population_open(&pop, NULL), 0);
    assert_true(population_of_place(pop, "Hebden Bridge") > 1000);
    /* GeoNames alternative names that are common words are left out
     * ("Ask people" is not Usk); a place's own word stays ("Hull") */
    assert_true(population_of_place(pop, "Usk") > 0);
    assert_true(population_of_place(pop, "Ask") == 0);
    assert_true(population_of_place(pop, "From") == 0);
    assert_true(population_of_place(pop, "Headquarters") == 0);
    assert_true(population_of_place(pop, "Hull") > 100000);
    population_close(pop);
}

/* The extractor's words for a thing are priced by the row for it, and a
 * thing no row holds by its category's stated default, never left out
 * (that would overstate k: the unsafe side). */
static void lexicon_values_price(void **state)
{
    static const struct {
        const char *category, *value, *same_as;
        double share; /* when same_as is NULL */
        double members; /* or: its size, a share of the UK's people */
    } cases[] = {
        { "FAMILY", "twin", "twins", 0, 0 },
        { "FAMILY", "parent of three", "mum of three", 0, 0 },
        { "LIFE_EVENT", "birth", "new baby", 0, 0 },
        { "LIFE_EVENT", "job loss", "redundancy", 0, 0 },
        { "HEALTH", "complex ptsd", "ptsd", 0, 0 },
        { "HEALTH", "panic disorder", "anxiety", 0, 0 },
        { "NATIONALITY", "scotland", NULL, 0.081, 0 },
        { "FAMILY", "mother", NULL, 0.8, 0 },
        { "HEALTH", "epilepsy", NULL, 0.009, 0 },
        { "HEALTH", "some rare syndrome", NULL, 0.01, 0 },
        { "LIFE_EVENT", "some rare event", NULL, 0.005, 0 },
        { "LANGUAGE", "hindi", NULL, 0.001, 0 },
        { "NATIONALITY", "france", NULL, 0.002, 0 },
        { "RELIGION", "christian (quaker)", NULL, 0.01, 0 },
        /* a named university or GP surgery: its size, UK-wide */
        { "ORG", "leeds uni", NULL, 0, 17500 },
        { "ORG", "elland surgery", NULL, 0, 10000 },
        { "ORG", "imperial college london", NULL, 0, 17500 },
        { "ORG", "royal holloway university of london", NULL, 0, 17500 },
        { "ORG", "brighouse counselling practice", NULL, 0.01, 0 },
    };
    population *pop;
    catchment c;
    score_attr a, b;
    const char *src;

    (void)state;
    assert_int_equal(population_open(&pop, NULL), 0);
    population_catchment(pop, NULL, 25, &c);
    for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
        assert_int_equal(population_price(pop, &c, cases[i].category,
                                          cases[i].value, &a, NULL, &src),
                         0);
        if (cases[i].same_as) {
            population_price(pop, &c, cases[i].category, cases[i].same_as,
                             &b, NULL, &src);
            if (a.share != b.share)
                fail_msg("%s %s: %g, want %g as %s", cases[i].category,
                         cases[i].value, a.share, b.share, cases[i].same_as);
        } else {
            double want = cases[i].members ? cases[i].members / c.people
                                           : cases[i].share;
            if (a.share != want)
                fail_msg("%s %s: %g, want %g", cases[i].category,
                         cases[i].value, a.share, want);
        }
    }
    population_close(pop);
}

/* An occupation whose female share is not known (an empty field) leaves
 * the sex priced within the ages or the population, not within the job. */
static void occupation_without_sex_split(void **state)
{
    catchment c;
    score_attr a;
    suggest_ladder l;
    const char *src;
    population_facts f;

    population_catchment(*state, NULL, 25, &c);
    population_price_facts(*state, &c, "OCCUPATION", "cook", &a, &l, &src, &f);
    assert_float_equal(a.share, 1e-3, 1e-15);
    assert_true(f.female_share < 0);
    assert_int_equal(l.levels, 1); /* cook -> skilled trades */
}

static int mp_setup(void **state)
{
    setup(state);
    return mosaic_population_open(&mp, dir);
}

static int mp_teardown(void **state)
{
    mosaic_population_close(mp);
    return teardown(state);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(catchment_sums_places_in_radius),
        cmocka_unit_test(village_share_and_ladder),
        cmocka_unit_test(ages_and_occupations),
        cmocka_unit_test(village_smith_combination),
        cmocka_unit_test(occupation_nationally),
        cmocka_unit_test(edge_cases),
        cmocka_unit_test(dependence_and_contradiction),
        cmocka_unit_test(bad_table_is_named),
        cmocka_unit_test(finds_build_data),
        cmocka_unit_test(lexicon_values_price),
        cmocka_unit_test(occupation_without_sex_split),
    };

    return cmocka_run_group_tests(tests, mp_setup, mp_teardown);
}
