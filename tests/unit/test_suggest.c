/* test_suggest.c -- the cheapest edits that bring a combination to LOW. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "suggest.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Village of 4,500 in a catchment of 1.2 M; a farrier; a woman in her
 * fifties.  k = 1.01: HIGH.  Generalising the village to its county
 * (share 1) alone leaves k = 1 + 1.2e6 * 3.08e-6 = 4.7: still HIGH, and
 * the insider k = 1.0001.  Dropping the occupation instead gives k =
 * 1 + 1.2e6 * 0.00375 * 0.51 * 0.135 = 310.8 and k_insider = 1 + 29 *
 * 0.069 = 3.0: LOW at the cost of one drop (occupation has one level:
 * "farrier" -> "works with animals" (share 0.004), cost 1, which gives
 * k = 1 + 1.2e6 * 0.00375 * 0.004 * 0.0689 = 2.24: not enough). */
static const score_attr attrs[] = {
    { "PLACE", "village", 4500 / 1.2e6, 0, 0, 0, 1, 0 },
    { "OCCUPATION", "farrier", 3000 / 67e6, 0, 0, 0, 0, 0 },
    { "GENDER", "female", 0.51, 0, 0, 0, 0, 0 },
    { "AGE", "50-59", 0.135, 0, 0, 0, 0, 0 },
};
static const suggest_ladder ladders[] = {
    { 2, { 60000 / 1.2e6, 1 }, { "the district", "the county" }, 0 },
    { 1, { 0.004 }, { "works with animals" }, 0 },
    { 0, { 0 }, { NULL }, 0 },
    { 1, { 0.45 }, { "middle-aged" }, 0 },
};

static void test_suggest_village_farrier(void **state)
{
    score_setting s = SCORE_SETTING_DEFAULT;
    suggest_plan plan;
    score_result before;

    (void)state;
    s.catchment = 1.2e6;
    score_combination(&before, attrs, ARRAY_SIZE(attrs), &s);
    assert_int_equal(before.verdict, VERDICT_HIGH);
    assert_int_equal(suggest_plan_find(&plan, attrs, ladders,
                                       ARRAY_SIZE(attrs), &s), 1);
    assert_int_equal(plan.after.verdict, VERDICT_LOW);
    /* the cheapest: drop the occupation (cost 2) */
    if (plan.n != 1 || plan.edits[0].attr != 1 || plan.edits[0].level != 0)
        fail_msg("plan: %zu edits, first attr %zu level %d, cost %d",
                 plan.n, plan.n ? plan.edits[0].attr : 99,
                 plan.n ? plan.edits[0].level : 99, plan.cost);
    assert_int_equal(plan.cost, 2);
    assert_int_equal(plan.proven, 1);
}

/* An attribute costly to drop (pronouns) is left alone when another
 * edit of the same size will do. */
static void test_suggest_drop_cost_steers_the_plan(void **state)
{
    static const score_attr pair[] = {
        { "GENDER", "female", 0.05, 0, 0, 0, 0, 0 },
        { "OCCUPATION", "farrier", 0.5, 0, 0, 0, 0, 0 },
    };
    suggest_ladder costly[] = { { 0, { 0 }, { NULL }, 0 },
                                { 0, { 0 }, { NULL }, 0 } };
    score_setting s = SCORE_SETTING_DEFAULT;
    suggest_plan plan;

    (void)state;
    s.catchment = 1e6; /* k_insider 1.7: MEDIUM until one goes */
    assert_int_equal(suggest_plan_find(&plan, pair, costly, 2, &s), 1);
    assert_int_equal(plan.n, 1);
    assert_int_equal(plan.edits[0].attr, 0); /* same cost: larger k left */
    costly[0].drop_cost = 4;
    assert_int_equal(suggest_plan_find(&plan, pair, costly, 2, &s), 1);
    assert_int_equal(plan.n, 1);
    assert_int_equal(plan.edits[0].attr, 1);
}

/* Thirty attributes needing four drops: past the search budget; the plan
 * comes from the greedy fallback and says so. */
static void test_suggest_many_attributes_stay_bounded(void **state)
{
    score_attr many[30];
    score_setting s = SCORE_SETTING_DEFAULT;
    suggest_plan plan;

    (void)state;
    for (size_t i = 0; i < 30; i++)
        many[i] = (score_attr){ "HEALTH", "x", 0.88, 0, 0, 0, 0, 0 };
    s.catchment = 1e6;
    assert_int_equal(suggest_plan_find(&plan, many, NULL, 30, &s), 1);
    assert_int_equal(plan.proven, 0);
    assert_int_equal(plan.after.verdict, VERDICT_LOW);
    assert_true(plan.n >= 1 && plan.n <= SUGGEST_EDITS_MAX);
}

static void test_suggest_direct_identifier_must_go(void **state)
{
    static const score_attr named[] = {
        { "NAME", "Sarah", 0, 0, 0, 1, 0, 0 },
        { "GENDER", "female", 0.51, 0, 0, 0, 0, 0 },
    };
    score_setting s = SCORE_SETTING_DEFAULT;
    suggest_plan plan;

    (void)state;
    s.catchment = 1e5;
    assert_int_equal(suggest_plan_find(&plan, named, NULL, 2, &s), 1);
    assert_int_equal(plan.n, 1);
    assert_int_equal(plan.edits[0].attr, 0);
    assert_int_equal(plan.edits[0].level, 0);
}

static void test_suggest_already_low(void **state)
{
    static const score_attr woman[] = {
        { "GENDER", "female", 0.51, 0, 0, 0, 0, 0 },
    };
    score_setting s = SCORE_SETTING_DEFAULT;
    suggest_plan plan;

    (void)state;
    s.catchment = 1e6;
    assert_int_equal(suggest_plan_find(&plan, woman, NULL, 1, &s), 1);
    assert_int_equal(plan.n, 0);
    assert_int_equal(plan.cost, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_suggest_village_farrier),
        cmocka_unit_test(test_suggest_drop_cost_steers_the_plan),
        cmocka_unit_test(test_suggest_many_attributes_stay_bounded),
        cmocka_unit_test(test_suggest_direct_identifier_must_go),
        cmocka_unit_test(test_suggest_already_low),
    };
    return cmocka_run_group_tests_name("suggest", tests, NULL, NULL);
}
