/* test_link.c -- linking client mentions: contradictions, evidence, and
 * greedy contradiction-free clusters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "link.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define DAY 86400

static const link_attr woman = { "GENDER", "female", 0.51, 0, 0 };
static const link_attr man = { "GENDER", "male", 0.49, 0, 0 };
static const link_attr fifties = { "AGE", "50-59", 0.135, 50, 59 };
static const link_attr mid_forties = { "AGE", "44-46", 0.04, 44, 46 };
static const link_attr late_forties = { "AGE", "47-49", 0.04, 47, 49 };
static const link_attr forties = { "AGE", "40-49", 0.13, 40, 49 };
static const link_attr farrier = { "OCCUPATION", "farrier", 4.5e-5, 0, 0 };
static const link_attr midwife = { "OCCUPATION", "midwife", 6e-4, 0, 0 };
static const link_attr hebden = { "PLACE", "Hebden Bridge", 0.01, 0, 0 };
static const link_attr sarah = { "NAME", "Sarah", 0.005, 0, 0 };
static const link_attr jess = { "NAME", "Jess", 0.005, 0, 0 };

static const struct {
    const char *name;
    link_attr a[2], b[2];
    int contradicts;
} pairs[] = {
    { "woman vs man", { woman, farrier }, { man, farrier }, 1 },
    { "fifties vs mid-forties", { woman, fifties }, { woman, mid_forties }, 1 },
    { "forties vs mid-forties", { woman, forties }, { woman, mid_forties }, 0 },
    { "mid vs late forties", { mid_forties, woman }, { late_forties, woman },
      1 },
    { "farrier vs midwife", { farrier, woman }, { midwife, woman }, 1 },
    { "place vs occupation", { hebden, woman }, { farrier, woman }, 0 },
    { "Sarah vs Jess", { sarah, woman }, { jess, woman }, 1 },
    { "Sarah vs Sarah", { sarah, woman }, { sarah, farrier }, 0 },
};

/* "She ... she ... she" is one agreement, not nine; two different home
 * places count against a link. */
static void test_link_evidence_counts_values_once(void **state)
{
    static const link_attr hexham = { "PLACE", "Hexham", 0.08, 0, 0 };
    static const link_attr she3[] = { woman, woman, woman };
    static const link_attr she1[] = { woman };
    static const link_attr here[] = { woman, hebden };
    static const link_attr there[] = { woman, hexham };
    link_setting s = LINK_SETTING_DEFAULT;
    link_mention a = { 0, NULL, 0, she3, 3, 0 }, b = { 0, NULL, 0, she3, 3, 0 };
    link_mention c = { 0, NULL, 0, she1, 1, 0 }, d = { 0, NULL, 0, she1, 1, 0 };
    link_mention e = { 0, NULL, 0, here, 2, 0 }, f = { 0, NULL, 0, there, 2, 0 };

    (void)state;
    assert_float_equal(link_evidence(&a, &b, &s), link_evidence(&c, &d, &s),
                       1e-9);
    assert_true(link_evidence(&e, &f, &s) < link_evidence(&c, &d, &s));
}

/* An empty value (an initial the extractor could not name) agrees with
 * nothing. */
static void test_link_empty_values_never_agree(void **state)
{
    static const link_attr initial = { "NAME", "", 0.001, 0, 0 };
    link_setting s = LINK_SETTING_DEFAULT;
    link_mention a = { 0, NULL, 0, &initial, 1, 0 }, b = { 0, NULL, 0, &initial, 1, 0 };

    (void)state;
    assert_float_equal(link_evidence(&a, &b, &s), 0, 1e-9);
}

static void test_link_contradiction_cases(void **state)
{
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(pairs); i++) {
        link_mention a = { 0, NULL, 0, pairs[i].a, 2, 0 };
        link_mention b = { 0, NULL, 0, pairs[i].b, 2, 0 };
        if (link_contradicts(&a, &b) != pairs[i].contradicts)
            fail_msg("%s: want %s", pairs[i].name,
                     pairs[i].contradicts ? "a contradiction" : "none");
    }
}

static void test_link_evidence_weighs_rarity_time_and_context(void **state)
{
    static const link_attr fw[] = { farrier, woman }, hw[] = { hebden, woman };
    link_setting s = LINK_SETTING_DEFAULT;
    link_mention a = { 0, NULL, 0, fw, 2, 0 }, b = { 30 * DAY, NULL, 0, fw, 2, 0 };
    link_mention c = { 0, NULL, 0, hw, 2, 0 }, d = { 30 * DAY, NULL, 0, hw, 2, 0 };
    double rare, common, later;

    (void)state;
    rare = link_evidence(&a, &b, &s);
    common = link_evidence(&c, &d, &s);
    assert_true(rare > common);
    assert_true(rare >= s.threshold && common < s.threshold);
    b.when = 700 * DAY;
    later = link_evidence(&a, &b, &s);
    assert_true(later < rare);
    d.back_reference = 1;
    assert_true(link_evidence(&c, &d, &s) >= common + s.back_reference - 1e-9);
}

/* Three mentions of a farrier: the woman and the unsexed one join; the
 * man would contradict the woman, so he stays apart. */
static void test_link_clusters_stay_contradiction_free(void **state)
{
    static const link_attr a1[] = { farrier, woman }, a2[] = { farrier },
                           a3[] = { farrier, man }, a4[] = { midwife, woman };
    const link_mention m[] = {
        { 0, NULL, 0, a1, 2, 0 },
        { 40 * DAY, NULL, 0, a2, 1, 0 },
        { 80 * DAY, NULL, 0, a3, 2, 0 },
        { 90 * DAY, NULL, 0, a4, 2, 0 },
    };
    link_setting s = LINK_SETTING_DEFAULT;
    size_t c[4];

    (void)state;
    assert_int_equal(link_cluster(c, m, 4, &s), 3);
    assert_int_equal(c[0], 0);
    assert_int_equal(c[1], 0);
    assert_int_equal(c[2], 1);
    assert_int_equal(c[3], 2);
}

/* Two homes never end up in one cluster, even through a third mention
 * that shares a rare value with each. */
static void test_link_clusters_keep_one_place(void **state)
{
    static const link_attr hexham = { "PLACE", "Hexham", 0.08, 0, 0 };
    static const link_attr a1[] = { farrier, hebden }, a2[] = { farrier },
                           a3[] = { farrier, hexham };
    const link_mention m[] = {
        { 0, NULL, 0, a1, 2, 0 },
        { 10 * DAY, NULL, 0, a2, 1, 0 },
        { 20 * DAY, NULL, 0, a3, 2, 0 },
    };
    link_setting s = LINK_SETTING_DEFAULT;
    size_t c[3];

    (void)state;
    assert_int_equal(link_cluster(c, m, 3, &s), 2);
    assert_int_not_equal(c[0], c[2]);
}

/* A thread ties its posts together even without shared values. */
static void test_link_threads_and_back_references(void **state)
{
    static const link_attr a1[] = { woman }, a2[] = { midwife };
    const link_mention m[] = {
        { 0, "t1", 0, a1, 1, 0 },
        { 60, "t1", 0, a2, 1, 0 },
        { 10 * DAY, NULL, 1, a2, 1, 0 }, /* "update on the client I
                                            mentioned" */
    };
    link_setting s = LINK_SETTING_DEFAULT;
    size_t c[3];

    (void)state;
    assert_int_equal(link_cluster(c, m, 3, &s), 1);
}

/* A check keeps the scan's clusters: settled mentions stay as they were
 * (together, or apart though they share a rare value), and a new
 * mention (the draft) joins the cluster it has evidence for. */
static void test_link_keeps_settled_clusters(void **state)
{
    static const link_attr a1[] = { farrier, woman }, a2[] = { farrier, man },
                           a3[] = { hebden }, a4[] = { farrier, woman };
    const link_mention m[] = {
        { 0, NULL, 0, a1, 2, 101 },
        { 10 * DAY, NULL, 0, a2, 2, 102 }, /* the scan kept him apart */
        { 20 * DAY, NULL, 0, a3, 1, 101 }, /* nothing shared, same client */
        { 30 * DAY, NULL, 0, a4, 2, 0 },   /* the draft */
    };
    link_setting s = LINK_SETTING_DEFAULT;
    size_t c[4];

    (void)state;
    assert_int_equal(link_cluster(c, m, 4, &s), 2);
    assert_int_equal(c[0], c[2]);
    assert_int_not_equal(c[0], c[1]);
    assert_int_equal(c[3], c[0]); /* the stronger link: farrier + woman */
}

/* A settled cluster is one client: a draft agreeing with values its
 * posts said apart (neither enough alone) joins it. */
static void test_link_draft_meets_the_whole_profile(void **state)
{
    static const link_attr nurse = { "OCCUPATION", "nurse", 0.01, 0, 0 };
    static const link_attr leeds = { "PLACE", "Leeds", 0.01, 0, 0 };
    static const link_attr a1[] = { nurse }, a2[] = { leeds },
                           draft[] = { nurse, leeds };
    link_mention m[] = {
        { 0, NULL, 0, a1, 1, 7 },
        { 10 * DAY, NULL, 0, a2, 1, 7 },
        { 20 * DAY, NULL, 0, draft, 2, 0 },
    };
    link_setting s = LINK_SETTING_DEFAULT;
    size_t c[3];

    (void)state;
    assert_true(link_evidence(&m[2], &m[0], &s) < s.threshold);
    assert_int_equal(link_cluster(c, m, 3, &s), 1);
    m[0].settled = m[1].settled = 0; /* post by post: no link */
    assert_int_equal(link_cluster(c, m, 3, &s), 3);
}

/* Many mentions: completes, and common values alone never link. */
static void test_link_many_mentions(void **state)
{
    enum { N = 20000 };
    static const link_attr pool[][1] = { { woman }, { man }, { forties } };
    link_mention *m = calloc(N, sizeof(*m));
    size_t *c = calloc(N, sizeof(*c));
    link_setting s = LINK_SETTING_DEFAULT;

    (void)state;
    for (size_t i = 0; i < N; i++)
        m[i] = (link_mention){ (int64_t)i * 3600, NULL, 0, pool[i % 3], 1, 0 };
    assert_int_equal(link_cluster(c, m, N, &s), N);
    free(m);
    free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_link_contradiction_cases),
        cmocka_unit_test(test_link_evidence_weighs_rarity_time_and_context),
        cmocka_unit_test(test_link_evidence_counts_values_once),
        cmocka_unit_test(test_link_empty_values_never_agree),
        cmocka_unit_test(test_link_clusters_stay_contradiction_free),
        cmocka_unit_test(test_link_clusters_keep_one_place),
        cmocka_unit_test(test_link_threads_and_back_references),
        cmocka_unit_test(test_link_keeps_settled_clusters),
        cmocka_unit_test(test_link_draft_meets_the_whole_profile),
        cmocka_unit_test(test_link_many_mentions),
    };
    return cmocka_run_group_tests_name("link", tests, NULL, NULL);
}
