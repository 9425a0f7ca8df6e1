/*
 * population.c -- a synthetic population drawn place by place from the
 * reference marginals (age x sex, occupation given sex, base rates), and
 * exact counts of who matches a leaked combination.
 * SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "synth.h"

#define EARTH_RADIUS_KM 6371.0088 /* mean radius (IUGG) */

/* Share of people of the rate's sex and age range. */
static double eligible_share(const synth_refdata *rd, const synth_rate *rt)
{
    double in = 0, all = 0;

    for (int s = 0; s < 2; s++)
        for (int a = 0; a <= SYNTH_AGE_MAX; a++) {
            all += rd->age_sex[s][a];
            if ((rt->sex < 0 || rt->sex == s) && a >= rt->age_min &&
                a <= rt->age_max)
                in += rd->age_sex[s][a];
        }
    return all > 0 ? in / all : 0;
}

static int eligible(const synth_rate *rt, const synth_person *p)
{
    return (rt->sex < 0 || rt->sex == p->sex) && p->age >= rt->age_min &&
           p->age <= rt->age_max;
}

/* Each base rate: the share of the whole population the table gives,
 * carried by eligible people only (so rate / eligible share of them).
 * Geometric gaps, so a rare attribute costs next to nothing. */
static void draw_flags(synth_population *pop, const synth_refdata *rd,
                       gsl_rng *r)
{
    for (size_t j = 0; j < rd->nrates; j++) {
        const synth_rate *rt = &rd->rates[j];
        double share = eligible_share(rd, rt);
        double p = share > 0 ? rt->rate / share : 0;
        size_t pos;

        if (p <= 0)
            continue;
        if (p >= 1)
            p = 1;
        for (pos = gsl_ran_geometric(r, p) - 1; pos < pop->npeople;
             pos += gsl_ran_geometric(r, p)) {
            if (eligible(rt, &pop->people[pos]))
                pop->people[pos].flags[j / 64] |= UINT64_C(1) << (j % 64);
        }
    }
}

static int make_tables(gsl_ran_discrete_t **agesex, gsl_ran_discrete_t **occ,
                       const synth_refdata *rd)
{
    double w[2 * (SYNTH_AGE_MAX + 1)];
    double *ow = calloc(rd->nocc + 1, sizeof(*ow));

    if (ow == NULL)
        return mosaic__error_oom();
    for (int s = 0; s < 2; s++)
        for (int a = 0; a <= SYNTH_AGE_MAX; a++)
            w[s * (SYNTH_AGE_MAX + 1) + a] = rd->age_sex[s][a];
    agesex[0] = gsl_ran_discrete_preproc(2 * (SYNTH_AGE_MAX + 1), w);
    for (int s = 0; s < 2; s++) {
        double sum = 0;
        for (size_t i = 0; i < rd->nocc; i++)
            sum += ow[i] = rd->occ[i].share[s];
        ow[rd->nocc] = sum < 1 ? 1 - sum : 0; /* not in work */
        occ[s] = gsl_ran_discrete_preproc(rd->nocc + 1, ow);
    }
    free(ow);
    if (agesex[0] == NULL || occ[0] == NULL || occ[1] == NULL)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "reference data: age x sex or occupation "
                                 "table has no positive counts");
    return 0;
}

static void draw_person(synth_person *p, uint32_t place,
                        gsl_ran_discrete_t *agesex, gsl_ran_discrete_t **occ,
                        const synth_refdata *rd, const synth_model *m,
                        gsl_rng *r)
{
    size_t k = gsl_ran_discrete(r, agesex);

    memset(p, 0, sizeof(*p));
    p->place = place;
    p->sex = (uint8_t)(k / (SYNTH_AGE_MAX + 1));
    p->age = (uint8_t)(k % (SYNTH_AGE_MAX + 1));
    p->occ = SYNTH_NO_OCC;
    if (p->age >= m->work_age_min && p->age <= m->work_age_max) {
        size_t o = gsl_ran_discrete(r, occ[p->sex]);
        if (o < rd->nocc)
            p->occ = (uint16_t)o;
    }
}

/* Order a place's people by occupation (a counting sort), so a count
 * for one occupation reads only its run. */
static int sort_by_occupation(synth_person *people, size_t n, size_t nocc,
                              synth_person *tmp, size_t *bucket)
{
    memset(bucket, 0, (nocc + 2) * sizeof(*bucket));
    for (size_t i = 0; i < n; i++)
        bucket[(people[i].occ == SYNTH_NO_OCC ? nocc : people[i].occ) + 1]++;
    for (size_t k = 1; k <= nocc + 1; k++)
        bucket[k] += bucket[k - 1];
    for (size_t i = 0; i < n; i++)
        tmp[bucket[people[i].occ == SYNTH_NO_OCC ? nocc : people[i].occ]++] =
            people[i];
    memcpy(people, tmp, n * sizeof(*people));
    return 0;
}

/* Indexes for counting: who carries each flag, and age x sex per place. */
static int build_indexes(synth_population *pop, const synth_refdata *rd)
{
    for (size_t i = 0; i < pop->npeople; i++)
        for (size_t j = 0; j < rd->nrates; j++)
            pop->flag_count[j] += pop->people[i].flags[j / 64] >> (j % 64) & 1;
    for (size_t j = 0; j < rd->nrates; j++) {
        pop->flag_people[j] = malloc((pop->flag_count[j] + 1) *
                                     sizeof(uint32_t));
        if (pop->flag_people[j] == NULL)
            return mosaic__error_oom();
        pop->flag_count[j] = 0;
    }
    pop->age_sex = calloc(rd->nplaces + 1, sizeof(*pop->age_sex));
    if (pop->age_sex == NULL)
        return mosaic__error_oom();
    for (size_t i = 0; i < pop->npeople; i++) {
        const synth_person *p = &pop->people[i];

        pop->age_sex[p->place][p->sex][p->age]++;
        if (!(p->flags[0] | p->flags[1]))
            continue;
        for (size_t j = 0; j < rd->nrates; j++)
            if (p->flags[j / 64] >> (j % 64) & 1)
                pop->flag_people[j][pop->flag_count[j]++] = (uint32_t)i;
    }
    return 0;
}

int population_draw(synth_population *pop, const synth_refdata *rd,
                    const synth_model *m, gsl_rng *r)
{
    gsl_ran_discrete_t *agesex[1] = {NULL}, *occ[2] = {NULL, NULL};
    synth_person *tmp = NULL;
    size_t at = 0, *bucket = NULL, biggest = 0;
    int error;

    memset(pop, 0, sizeof(*pop));
    if ((error = make_tables(agesex, occ, rd)) < 0)
        goto done;
    pop->npeople = rd->region_population;
    if (pop->npeople >= UINT32_MAX)
        return mosaic__error_set(MOSAIC_ETOOBIG, "region '%s': more than "
                                 "4 billion people", rd->region);
    for (size_t i = 0; i < rd->nplaces; i++)
        if (rd->places[i].population > biggest)
            biggest = rd->places[i].population;
    pop->people = malloc((pop->npeople + 1) * sizeof(*pop->people));
    pop->place_start = malloc((rd->nplaces + 1) * sizeof(size_t));
    tmp = malloc((biggest + 1) * sizeof(*tmp));
    bucket = malloc((rd->nocc + 2) * sizeof(*bucket));
    if (pop->people == NULL || pop->place_start == NULL || tmp == NULL ||
        bucket == NULL) {
        error = mosaic__error_oom();
        goto done;
    }
    for (size_t i = 0; i < rd->nplaces; i++) {
        pop->place_start[i] = at;
        for (uint32_t k = 0; k < rd->places[i].population; k++)
            draw_person(&pop->people[at++], (uint32_t)i, agesex[0], occ, rd,
                        m, r);
        sort_by_occupation(pop->people + pop->place_start[i],
                           at - pop->place_start[i], rd->nocc, tmp, bucket);
    }
    pop->place_start[rd->nplaces] = at;
    draw_flags(pop, rd, r);
    error = build_indexes(pop, rd);
done:
    free(tmp);
    free(bucket);
    if (agesex[0])
        gsl_ran_discrete_free(agesex[0]);
    for (int s = 0; s < 2; s++)
        if (occ[s])
            gsl_ran_discrete_free(occ[s]);
    if (error < 0)
        population_free(pop);
    return error;
}

void population_free(synth_population *pop)
{
    for (size_t j = 0; j < SYNTH_MAX_FLAGS; j++)
        free(pop->flag_people[j]);
    free(pop->age_sex);
    free(pop->people);
    free(pop->place_start);
    memset(pop, 0, sizeof(*pop));
}

void query_init(synth_query *q)
{
    memset(q, 0, sizeof(*q));
    q->place_lo = 0;
    q->place_hi = UINT32_MAX;
    q->age_lo = 0;
    q->age_hi = SYNTH_AGE_MAX;
    q->sex = -1;
    q->occ = -1;
}

int query_matches(const synth_query *q, const synth_person *p, int use_place)
{
    if (use_place && (p->place < q->place_lo || p->place >= q->place_hi))
        return 0;
    return p->age >= q->age_lo && p->age <= q->age_hi &&
           (q->sex < 0 || q->sex == p->sex) &&
           (q->occ < 0 || q->occ == p->occ) &&
           (p->flags[0] & q->flags[0]) == q->flags[0] &&
           (p->flags[1] & q->flags[1]) == q->flags[1];
}

double place_distance_km(const synth_place *a, const synth_place *b)
{
    double rad = M_PI / 180, dlat = (b->lat - a->lat) * rad,
           dlon = (b->lon - a->lon) * rad;
    double h = sin(dlat / 2) * sin(dlat / 2) +
               cos(a->lat * rad) * cos(b->lat * rad) * sin(dlon / 2) *
                   sin(dlon / 2);

    return 2 * EARTH_RADIUS_KM * asin(sqrt(h < 1 ? h : 1));
}

int catchment_places(uint32_t **out, size_t *n, const synth_refdata *rd,
                     uint32_t centre, double radius_km)
{
    uint32_t *list = malloc((rd->nplaces + 1) * sizeof(*list));

    *n = 0;
    if ((*out = list) == NULL)
        return mosaic__error_oom();
    for (size_t i = 0; i < rd->nplaces; i++)
        if (place_distance_km(&rd->places[centre], &rd->places[i]) <=
            radius_km)
            list[(*n)++] = (uint32_t)i;
    return 0;
}

/* First index in [lo, hi) whose occupation is >= occ. */
static size_t occ_lower(const synth_population *pop, size_t lo, size_t hi,
                        unsigned occ)
{
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        unsigned o = pop->people[mid].occ;

        if (o < occ)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* First position in a sorted index list whose value is >= v. */
static size_t list_lower(const uint32_t *list, size_t n, size_t v)
{
    size_t lo = 0, hi = n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (list[mid] < v)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The query's rarest flag, or -1. */
static int rarest_flag(const synth_population *pop, const synth_query *q)
{
    int best = -1;

    for (int j = 0; j < SYNTH_MAX_FLAGS; j++)
        if ((q->flags[j / 64] >> (j % 64) & 1) &&
            (best < 0 || pop->flag_count[j] < pop->flag_count[best]))
            best = j;
    return best;
}

/* Matches among the people of one place, reading as few as the query
 * allows: its occupation's run, its rarest flag's list, or the age x sex
 * table when only age and sex are asked. */
static uint64_t count_place(const synth_population *pop, uint32_t pl,
                            const synth_query *q, int flag)
{
    size_t lo = pop->place_start[pl], hi = pop->place_start[pl + 1];
    uint64_t k = 0;

    if (q->occ >= 0) {
        size_t a = occ_lower(pop, lo, hi, (unsigned)q->occ),
               b = occ_lower(pop, a, hi, (unsigned)q->occ + 1);
        for (size_t i = a; i < b; i++)
            k += (uint64_t)query_matches(q, &pop->people[i], 0);
    } else if (flag >= 0) {
        const uint32_t *list = pop->flag_people[flag];
        size_t n = pop->flag_count[flag];
        for (size_t i = list_lower(list, n, lo); i < n && list[i] < hi; i++)
            k += (uint64_t)query_matches(q, &pop->people[list[i]], 0);
    } else {
        for (int s = 0; s < 2; s++)
            if (q->sex < 0 || q->sex == s)
                for (int a = q->age_lo; a <= q->age_hi; a++)
                    k += pop->age_sex[pl][s][a];
    }
    return k;
}

uint64_t population_count(const synth_population *pop,
                          const uint32_t *places, size_t nplaces,
                          const synth_query *q)
{
    int flag = rarest_flag(pop, q);
    uint64_t k = 0;

    for (size_t i = 0; i < nplaces; i++)
        if (places[i] >= q->place_lo && places[i] < q->place_hi)
            k += count_place(pop, places[i], q, flag);
    return k;
}

uint64_t population_count_slow(const synth_population *pop,
                               const uint32_t *places, size_t nplaces,
                               const synth_query *q)
{
    uint64_t k = 0;

    for (size_t i = 0; i < nplaces; i++)
        for (size_t j = pop->place_start[places[i]];
             j < pop->place_start[places[i] + 1]; j++)
            k += (uint64_t)query_matches(q, &pop->people[j], 1);
    return k;
}
