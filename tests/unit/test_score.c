/* test_score.c -- the scorer against values worked out by hand. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "score.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define UK 67000000.0

/* A village of 4,500 in a county catchment of 1.2 M; farriers: 3,000 in
 * the UK; women 51 %; aged 50-59 13.5 %.
 *   p = 4500/1.2e6 * 3000/67e6 * 0.51 * 0.135 = 1.15606e-8
 *   k = 1 + (1.2e6 - 1) p = 1.013873
 *   P(unique) = exp(-(1.2e6 - 1) p) = 0.986223
 *   k_insider = 1 + 29 * (3000/67e6 * 0.51 * 0.135) = 1.0000894 */
static const score_attr village_farrier[] = {
    { "PLACE", "village", 4500 / 1.2e6, 0, 0, 0, 1, 0 },
    { "OCCUPATION", "farrier", 3000 / UK, 0, 0, 0, 0, 0 },
    { "GENDER", "female", 0.51, 0, 0, 0, 0, 0 },
    { "AGE", "50-59", 0.135, 0, 0, 0, 0, 0 },
};
static const score_attr woman_only[] = {
    { "GENDER", "female", 0.51, 0, 0, 0, 0, 0 },
};
static const score_attr county_only[] = {
    { "PLACE", "county", 1.0, 0, 0, 0, 1, 0 },
};
static const score_attr with_name[] = {
    { "GENDER", "female", 0.51, 0, 0, 0, 0, 0 },
    { "NAME", "Sarah", 0, 0, 0, 1, 0, 0 },
};
static const score_attr unknown_place[] = {
    { "PLACE", "Nowhereton", 0, 0, 0, 0, 1, 0 },
    { "GENDER", "female", 0.51, 0, 0, 0, 0, 0 },
};
static const score_attr tiny[] = {
    { "DISTINCTIVE", "a", 1e-200, 0, 0, 0, 0, 0 },
    { "DISTINCTIVE", "b", 1e-200, 0, 0, 0, 0, 0 },
};
static const score_attr session_slot[] = {
    { "GENDER", "female", 0.51, 0, 0, 0, 0, 0 },
    { "SESSION", "my 4pm", 0, 0, 0, 0, 0, 1 },
};

static const struct {
    const char *name;
    const score_attr *attrs;
    size_t n;
    double N;
    double k, p_unique, k_insider;
    verdict want;
    size_t unknown;
} cases[] = {
    { "village farrier", village_farrier, 4, 1.2e6, 1.013873, 0.986223,
      1.0000894, VERDICT_HIGH, 0 },
    { "a woman in a county", woman_only, 1, 1.2e6, 612000.49, 0, 15.79,
      VERDICT_LOW, 0 },
    { "p = 1", county_only, 1, 1.2e6, 1.2e6, 0, 30, VERDICT_LOW, 0 },
    { "N = 1", woman_only, 1, 1, 1, 1, 15.79, VERDICT_HIGH, 0 },
    { "direct identifier", with_name, 2, 1.2e6, 1, 1, 1, VERDICT_HIGH, 0 },
    { "p = 0 is unknown, not used", unknown_place, 2, 1.2e6, 612000.49, 0,
      15.79, VERDICT_LOW, 1 },
    { "no underflow", tiny, 2, UK, 1, 1, 1, VERDICT_HIGH, 0 },
    { "session slot: self-recognition", session_slot, 2, 1.2e6, 612000.49,
      0, 15.79, VERDICT_MEDIUM, 0 },
};

static int near(double got, double want)
{
    return fabs(got - want) <= 1e-5 * fmax(1, fabs(want));
}

static void test_score_hand_worked_cases(void **state)
{
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        score_setting s = SCORE_SETTING_DEFAULT;
        score_result r;

        s.catchment = cases[i].N;
        score_combination(&r, cases[i].attrs, cases[i].n, &s);
        if (!near(r.k_public, cases[i].k) ||
            !near(r.p_unique, cases[i].p_unique) ||
            !near(r.k_insider, cases[i].k_insider) ||
            r.verdict != cases[i].want || r.unknown != cases[i].unknown)
            fail_msg("%s: k %.7g P(unique) %.7g k_insider %.7g %s "
                     "unknown %zu; want %.7g %.7g %.7g %s %zu",
                     cases[i].name, r.k_public, r.p_unique, r.k_insider,
                     score_verdict_name(r.verdict), r.unknown, cases[i].k,
                     cases[i].p_unique, cases[i].k_insider,
                     score_verdict_name(cases[i].want), cases[i].unknown);
        if (isnan(r.k_public) || isnan(r.p_unique) || isnan(r.k_insider))
            fail_msg("%s: NaN", cases[i].name);
    }
}

/* 3,000 farriers counted among 67 M: the interval brackets the share and
 * the verdict is taken on its low end (fewer matching people). */
static void test_score_interval_is_conservative(void **state)
{
    score_attr a = { "OCCUPATION", "farrier", 3000 / UK, 3000, UK, 0, 0, 0 };
    score_setting s = SCORE_SETTING_DEFAULT;
    double lo, hi;
    score_result r;

    (void)state;
    score_share_interval(3000, UK, 0.90, &lo, &hi);
    assert_true(lo < 3000 / UK && 3000 / UK < hi);
    /* normal approximation: sd = sqrt(p(1-p)/n) = 8.175e-7, z = 1.645 */
    assert_true(fabs(lo - (3000 / UK - 1.645 * 8.175e-7)) < 2e-8);
    s.catchment = UK;
    score_combination(&r, &a, 1, &s);
    assert_true(r.k_public_safe < r.k_public);
    assert_true(r.share_low < r.share && r.share < r.share_high);
}

/* A national workforce (320,000 doctors, 788,000 nurses): GSL's gamma
 * inverse gives up there; the interval must still bracket the share
 * (it was NaN, and so were k_public_safe and k_insider). */
static void test_score_interval_large_counts(void **state)
{
    static const double counts[] = { 1e5, 320000, 788000, 1e7 };
    score_setting s = SCORE_SETTING_DEFAULT;
    score_result r;
    double lo, hi;

    (void)state;
    s.catchment = UK;
    for (size_t i = 0; i < sizeof(counts) / sizeof(*counts); i++) {
        double c = counts[i], p = c / UK, sd = sqrt(p * (1 - p) / UK);
        score_attr a = { "OCCUPATION", "doctor", p, c, UK, 0, 0, 0 };
        score_share_interval(c, UK, 0.90, &lo, &hi);
        assert_true(lo < p && p < hi);
        assert_true(fabs(lo - (p - 1.645 * sd)) < 0.2 * sd); /* ~ p/N apart */
        score_combination(&r, &a, 1, &s);
        assert_false(isnan(r.k_public_safe) || isnan(r.k_insider) ||
                     isnan(r.p_unique));
    }
}

/* A count of zero is not "impossible": the share stays positive. */
static void test_score_zero_count(void **state)
{
    score_attr a = { "HEALTH", "rare", 1e-6, 0, 1000, 0, 0, 0 };
    score_setting s = SCORE_SETTING_DEFAULT;
    score_result r;

    (void)state;
    s.catchment = 1e6;
    score_combination(&r, &a, 1, &s);
    assert_true(r.share_low > 0 && r.k_public_safe >= 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_score_hand_worked_cases),
        cmocka_unit_test(test_score_interval_is_conservative),
        cmocka_unit_test(test_score_interval_large_counts),
        cmocka_unit_test(test_score_zero_count),
    };
    return cmocka_run_group_tests_name("score", tests, NULL, NULL);
}
