/* test_calibration.c -- draw a synthetic population of 1,000,000 from the
 * reference marginals (GSL's generator, fixed seed), pick attribute
 * combinations of real people in it, count the true matches, and check
 * the scorer's k = 1 + (N - 1) p is within a factor of 2 for >= 90 %
 * under independence.  Then make occupation depend on sex and print how
 * far off the naive product is, and the corrected one. */
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include "mosaic.h"
#include "population.h"

#define PEOPLE 1000000
#define COMBOS 400
#define KINDS 5
#define MAXV 12

/* Each kind: its category and priced values; the last slot is "none of
 * these" (not priced, never part of a combination). */
static const char *const cat[KINDS] = { "PLACE", "AGE", "GENDER", "RELIGION",
                                        "OCCUPATION" };
static const char *const val[KINDS][MAXV] = {
    { "Leeds", "Halifax", "Hebden Bridge", "Manchester", "Cardiff", "Glasgow",
      "Bristol", "York", "Norwich", "Bath", NULL },
    { "0-9", "10-19", "20-29", "30-39", "40-49", "50-59", "60-69", "70-79",
      "80-89", "90-110", NULL },
    { "female", "male", NULL },
    { "christian", "no religion", "muslim", "hindu", "sikh", "jewish",
      "buddhist", NULL },
    { "nurse", "teacher", "police officer", "firefighter", "farrier", NULL },
};

struct model {
    int nv[KINDS];
    double p[KINDS][MAXV + 1]; /* shares, then the rest */
    gsl_ran_discrete_t *draw[KINDS];
};

static unsigned char person[PEOPLE][KINDS];

static void build(population *pop, struct model *m)
{
    catchment c;
    score_attr a;
    const char *src;

    population_catchment(pop, NULL, 25, &c);
    for (int k = 0; k < KINDS; k++) {
        double rest = 1;
        for (m->nv[k] = 0; val[k][m->nv[k]]; m->nv[k]++) {
            assert_int_equal(population_price(pop, &c, cat[k], val[k][m->nv[k]],
                                              &a, NULL, &src), 0);
            assert_true(a.share > 0);
            m->p[k][m->nv[k]] = a.share;
            rest -= a.share;
        }
        m->p[k][m->nv[k]] = rest > 0 ? rest : 0;
        m->draw[k] = gsl_ran_discrete_preproc((size_t)m->nv[k] + 1, m->p[k]);
    }
}

/* Draw everyone; with `sex_by_job`, sex follows the occupation's share
 * of women (a dependence the naive product ignores). */
static void draw(gsl_rng *r, const struct model *m, population *pop,
                 int sex_by_job)
{
    double women[MAXV];
    catchment c;
    score_attr a;
    const char *src;
    population_facts f;

    population_catchment(pop, NULL, 25, &c);
    for (int j = 0; j < m->nv[4]; j++) {
        population_price_facts(pop, &c, "OCCUPATION", val[4][j], &a, NULL,
                               &src, &f);
        women[j] = f.female_share;
    }
    for (long i = 0; i < PEOPLE; i++) {
        for (int k = 0; k < KINDS; k++)
            person[i][k] = (unsigned char)gsl_ran_discrete(r, m->draw[k]);
        if (sex_by_job && person[i][4] < m->nv[4])
            person[i][2] = gsl_rng_uniform(r) < women[person[i][4]] ? 0 : 1;
    }
}

struct tally {
    int within, total;
    double sum_abs_log2;
};

static void combos(gsl_rng *r, const struct model *m, mosaic_population *mp,
                   int need_job_and_sex, struct tally *naive,
                   struct tally *corrected)
{
    while (naive->total < COMBOS) {
        long who = (long)gsl_rng_uniform_int(r, PEOPLE);
        int use[KINDS], n = 0;
        mosaic_quasi q[KINDS];
        double p = 1;
        for (int k = 0; k < KINDS; k++) {
            use[k] = person[who][k] < m->nv[k] && gsl_rng_uniform(r) < 0.6;
            if (need_job_and_sex && (k == 2 || k == 4))
                use[k] = person[who][k] < m->nv[k];
        }
        if (need_job_and_sex && !(use[2] && use[4]))
            continue;
        for (int k = 0; k < KINDS; k++)
            if (use[k]) {
                p *= m->p[k][person[who][k]];
                q[n].category = cat[k];
                q[n++].value = val[k][person[who][k]];
            }
        if (n < 2)
            continue;
        long truth = 0;
        for (long i = 0; i < PEOPLE; i++) {
            int same = 1;
            for (int k = 0; k < KINDS && same; k++)
                same = !use[k] || person[i][k] == person[who][k];
            truth += same;
        }
        double k_naive = score_k(PEOPLE, p), err = log2(k_naive / truth);
        naive->total++;
        naive->within += fabs(err) <= 1;
        naive->sum_abs_log2 += fabs(err);
        if (corrected) {
            mosaic_setting s = MOSAIC_SETTING_INIT;
            mosaic_assessment a;
            assert_int_equal(mosaic_assess(mp, &s, q, (size_t)n, &a), 0);
            err = log2(score_k(PEOPLE, a.p) / truth);
            corrected->total++;
            corrected->within += fabs(err) <= 1;
            corrected->sum_abs_log2 += fabs(err);
            mosaic_assessment_free(&a);
        }
    }
}

static void calibration(void **state)
{
    population *pop;
    mosaic_population *mp;
    struct model m;
    struct tally ind = { 0, 0, 0 }, naive = { 0, 0, 0 }, fixed = { 0, 0, 0 };
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);

    (void)state;
    gsl_rng_set(r, 20240605);
    assert_int_equal(population_open(&pop, NULL), 0);
    assert_int_equal(mosaic_population_open(&mp, NULL), 0);
    build(pop, &m);

    draw(r, &m, pop, 0);
    combos(r, &m, mp, 0, &ind, NULL);
    printf("# independent: %d/%d combinations within a factor 2 (%.1f%%), "
           "mean |log2(k/true)| %.3f\n", ind.within, ind.total,
           100.0 * ind.within / ind.total, ind.sum_abs_log2 / ind.total);
    assert_true(ind.within * 10 >= ind.total * 9);

    draw(r, &m, pop, 1);
    combos(r, &m, mp, 1, &naive, &fixed);
    printf("# sex depends on occupation: naive product %.1f%% within a "
           "factor 2 (mean |log2| %.3f); with the occupation x sex "
           "correction %.1f%% (mean |log2| %.3f)\n",
           100.0 * naive.within / naive.total, naive.sum_abs_log2 / naive.total,
           100.0 * fixed.within / fixed.total, fixed.sum_abs_log2 / fixed.total);
    assert_true(fixed.within >= naive.within);

    for (int k = 0; k < KINDS; k++)
        gsl_ran_discrete_free(m.draw[k]);
    gsl_rng_free(r);
    mosaic_population_close(mp);
    population_close(pop);
}

int main(void)
{
    const struct CMUnitTest tests[] = { cmocka_unit_test(calibration) };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
