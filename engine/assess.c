/*
 * assess.c -- score a combination of quasi-identifiers against the
 * population model: price each, correct for the dependences the tables
 * know (sex within an occupation or an age band; overlapping ages), score
 * it, and search the cheapest edits to LOW.  One call for scan, check
 * and score.
 * SPDX-License-Identifier: MIT
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "population.h"

#define ASSESS_MAX 32

struct mosaic_population {
    population *pop;
    catchment last; /* the last catchment asked for, reused */
    char last_location[256];
};

int mosaic_population_open(mosaic_population **out, const char *data_dir)
{
    mosaic_population *mp;
    int rc;

    *out = NULL;
    if (!(mp = calloc(1, sizeof(*mp))))
        return mosaic__error_oom();
    if ((rc = population_open(&mp->pop, data_dir)) < 0) {
        free(mp);
        return rc;
    }
    mp->last.radius_km = -1;
    *out = mp;
    return 0;
}

void mosaic_population_close(mosaic_population *mp)
{
    if (mp) {
        population_close(mp->pop);
        free(mp);
    }
}

static const catchment *catchment_of(mosaic_population *mp,
                                     const mosaic_setting *s)
{
    const char *loc = s->location ? s->location : "";

    if (mp->last.radius_km != s->radius_km ||
        strcmp(mp->last_location, loc) != 0) {
        population_catchment(mp->pop, s->location, s->radius_km, &mp->last);
        snprintf(mp->last_location, sizeof(mp->last_location), "%s", loc);
    }
    return &mp->last;
}

struct work {
    score_attr attr[ASSESS_MAX];
    suggest_ladder ladder[ASSESS_MAX];
    population_facts facts[ASSESS_MAX];
    const char *source[ASSESS_MAX], *note[ASSESS_MAX];
    size_t n;
};

static void contradicts(struct work *w, size_t i)
{
    w->attr[i].share = 0;
    w->note[i] = "contradicts an attribute above: left out";
}

/* Ages: later ones are priced within the ages already given. */
static void correct_ages(population *pop, struct work *w)
{
    int from = -1, to = -1;

    for (size_t i = 0; i < w->n; i++) {
        population_facts *f = &w->facts[i];
        if (f->age_from < 0 || !(w->attr[i].share > 0))
            continue;
        if (from < 0) {
            from = f->age_from;
            to = f->age_to;
            continue;
        }
        int lo = f->age_from > from ? f->age_from : from;
        int hi = f->age_to < to ? f->age_to : to;
        if (lo > hi) {
            contradicts(w, i);
            continue;
        }
        double within = population_age_share(pop, lo, hi, 0) /
                        population_age_share(pop, from, to, 0);
        w->attr[i].share = within * (f->in_ages > 0 ? f->in_ages : 1);
        w->note[i] = "priced within the ages above (age and life stage)";
        from = lo;
        to = hi;
    }
}

/* Sex: within an occupation's workforce if the table has its split,
 * else within the ages given; a second, different sex contradicts. */
static void correct_sex(population *pop, struct work *w)
{
    int sex = 0, from = -1, to = -1;
    double women = -1, count = 0;

    for (size_t i = 0; i < w->n; i++) {
        if (!(w->attr[i].share > 0))
            continue;
        if (w->facts[i].female_share >= 0 && women < 0) {
            women = w->facts[i].female_share;
            count = w->attr[i].count;
        }
        if (w->facts[i].age_from >= 0 && from < 0) {
            from = w->facts[i].age_from;
            to = w->facts[i].age_to;
        }
    }
    for (size_t i = 0; i < w->n; i++) {
        int s = w->facts[i].sex;
        if (!s || !(w->attr[i].share > 0))
            continue;
        if (sex && s != sex) {
            contradicts(w, i);
        } else if (sex) {
            w->attr[i].share = 1;
            w->note[i] = "the same sex as above";
        } else if (women >= 0) {
            double p = s == 'F' ? women : 1 - women, floor = 0.5 / count;
            w->attr[i].share = p > floor ? p : floor;
            w->note[i] = "share of this sex within the occupation";
        } else if (from >= 0) {
            w->attr[i].share = population_age_share(pop, from, to, s) /
                               population_age_share(pop, from, to, 0);
            w->note[i] = "share of this sex within the ages given";
        }
        sex = s;
    }
}

static int price_all(mosaic_population *mp, const catchment *c,
                     const mosaic_quasi *q, size_t n, struct work *w)
{
    char cat[32];
    int rc;

    if (n > ASSESS_MAX)
        return mosaic__error_set(MOSAIC_ETOOBIG,
                                 "%zu attributes: at most %d at once", n,
                                 ASSESS_MAX);
    for (w->n = 0; w->n < n; w->n++) {
        size_t i = w->n, k;
        const char *in = q[i].category ? q[i].category : "";
        for (k = 0; in[k] && k + 1 < sizeof(cat); k++)
            cat[k] = (char)toupper((unsigned char)in[k]);
        cat[k] = '\0';
        w->note[i] = NULL;
        if ((rc = population_price_facts(mp->pop, c, cat, q[i].value,
                                         &w->attr[i], &w->ladder[i],
                                         &w->source[i], &w->facts[i])) < 0)
            return rc;
    }
    correct_ages(mp->pop, w);
    correct_sex(mp->pop, w);
    return 0;
}

static int fill(mosaic_assessment *out, const struct work *w,
                const score_result *r, const suggest_plan *plan, int found)
{
    out->p = r->share;
    out->k_public = r->k_public;
    out->k_public_safe = r->k_public_safe;
    out->p_unique = r->p_unique_safe;
    out->k_insider = r->k_insider_safe;
    out->direct = r->direct;
    out->self_recognition = r->self_recognition;
    out->verdict = score_verdict_name(r->verdict);
    out->attributes = calloc(w->n ? w->n : 1, sizeof(*out->attributes));
    out->suggestions = calloc(plan->n ? plan->n : 1,
                              sizeof(*out->suggestions));
    if (!out->attributes || !out->suggestions)
        return mosaic__error_oom();
    out->n_attributes = w->n;
    for (size_t i = 0; i < w->n; i++) {
        mosaic_attribute *a = &out->attributes[i];
        a->category = w->attr[i].category;
        a->value = w->attr[i].value;
        a->p = w->attr[i].share > 0 ? w->attr[i].share : 0;
        a->source = w->source[i];
        a->note = w->note[i];
        a->known = w->attr[i].share > 0;
    }
    out->suggestion_found = found;
    out->n_suggestions = found ? plan->n : 0;
    for (size_t i = 0; i < out->n_suggestions; i++) {
        const suggest_edit *e = &plan->edits[i];
        out->suggestions[i].attribute = e->attr;
        out->suggestions[i].replacement =
            e->level > 0 ? w->ladder[e->attr].label[e->level - 1] : NULL;
    }
    out->k_after = found ? plan->after.k_public_safe : r->k_public_safe;
    out->verdict_after = score_verdict_name(found ? plan->after.verdict
                                                  : r->verdict);
    return 0;
}

int mosaic_assess(mosaic_population *mp, const mosaic_setting *setting,
                  const mosaic_quasi *quasi, size_t n, mosaic_assessment *out)
{
    struct work *w;
    score_setting s = SCORE_SETTING_DEFAULT;
    score_result r;
    suggest_plan plan;
    const catchment *c = catchment_of(mp, setting);
    int rc, found = 0;

    memset(out, 0, sizeof(*out));
    if (!(w = calloc(1, sizeof(*w))))
        return mosaic__error_oom();
    if ((rc = price_all(mp, c, quasi, n, w)) < 0)
        goto done;
    s.catchment = c->people;
    s.caseload = setting->caseload > 0 ? setting->caseload : 30;
    s.k_min = setting->k_min > 0 ? setting->k_min : 10;
    score_combination(&r, w->attr, w->n, &s);
    memset(&plan, 0, sizeof(plan));
    if (r.verdict != VERDICT_LOW)
        found = suggest_plan_find(&plan, w->attr, w->ladder, w->n, &s);
    out->catchment = c->people;
    out->catchment_place = c->known ? c->place : NULL;
    if ((rc = fill(out, w, &r, &plan, found)) < 0)
        mosaic_assessment_free(out);
done:
    free(w);
    return rc;
}

void mosaic_assessment_free(mosaic_assessment *a)
{
    if (!a)
        return;
    free(a->attributes);
    free(a->suggestions);
    a->attributes = NULL;
    a->suggestions = NULL;
    a->n_attributes = a->n_suggestions = 0;
}
