/* bench_score_driver.c -- microseconds per scored combination
 * (mosaic_assess: pricing, dependence corrections, score, suggestion
 * search) and the time to load the reference tables.
 * Usage: bench_score_driver [ROUNDS] */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "mosaic.h"

static double now(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    static const mosaic_quasi risky[] = {
        { "PLACE", "Hebden Bridge" }, { "OCCUPATION", "farrier" },
        { "GENDER", "female" }, { "AGE", "50-59" },
    };
    static const mosaic_quasi common[] = {
        { "GENDER", "female" }, { "RELIGION", "christian" },
    };
    long rounds = argc > 1 ? atol(argv[1]) : 100000;
    mosaic_setting s = MOSAIC_SETTING_INIT;
    mosaic_population *pop;
    mosaic_assessment r;
    double t0 = now(), t1, t2, t3;

    if (mosaic_population_open(&pop, NULL) < 0) {
        fprintf(stderr, "bench: %s\n", mosaic_error_last()->message);
        return 2;
    }
    t1 = now();
    s.location = "Halifax";
    for (long i = 0; i < rounds; i++) {
        if (mosaic_assess(pop, &s, risky, 4, &r) < 0)
            return 2;
        mosaic_assessment_free(&r);
    }
    t2 = now();
    for (long i = 0; i < rounds; i++) {
        if (mosaic_assess(pop, &s, common, 2, &r) < 0)
            return 2;
        mosaic_assessment_free(&r);
    }
    t3 = now();
    printf("{\"load_ms\": %.2f, \"risky_us\": %.3f, \"low_us\": %.3f, "
           "\"rounds\": %ld}\n", (t1 - t0) * 1e3, (t2 - t1) * 1e6 / rounds,
           (t3 - t2) * 1e6 / rounds, rounds);
    mosaic_population_close(pop);
    return 0;
}
