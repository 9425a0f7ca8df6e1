/*
 * report.c -- the findings container (see report.h).
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "error.h"
#include "report.h"

struct mosaic_report {
    arena mem;
    mosaic_finding **findings;
    size_t n, cap;
    long posts, client_posts;
    const char *place;
    double radius_km, people;
};

int report_new(mosaic_report **out)
{
    if ((*out = calloc(1, sizeof(**out))) == NULL)
        return mosaic__error_oom();
    return 0;
}

void *report_alloc(mosaic_report *r, size_t size)
{
    return arena_alloc(&r->mem, size);
}

char *report_strndup(mosaic_report *r, const char *s, size_t n)
{
    return arena_strndup(&r->mem, s, n);
}

char *report_strdup(mosaic_report *r, const char *s)
{
    return arena_strdup(&r->mem, s);
}

mosaic_finding *report_add_finding(mosaic_report *r)
{
    mosaic_finding *f;

    if (r->n == r->cap) {
        size_t cap = r->cap ? 2 * r->cap : 16;
        mosaic_finding **grown = realloc(r->findings, cap * sizeof(*grown));
        if (grown == NULL)
            return NULL;
        r->findings = grown;
        r->cap = cap;
    }
    if ((f = report_alloc(r, sizeof(*f))) == NULL)
        return NULL;
    r->findings[r->n++] = f;
    return f;
}

static int more_serious_first(const void *a, const void *b)
{
    const mosaic_finding *x = *(mosaic_finding *const *)a;
    const mosaic_finding *y = *(mosaic_finding *const *)b;

    if (x->verdict != y->verdict)
        return x->verdict > y->verdict ? -1 : 1;
    if (x->k_public != y->k_public)
        return x->k_public < y->k_public ? -1 : 1;
    if (x->nposts != y->nposts)
        return x->nposts > y->nposts ? -1 : 1;
    return 0;
}

void report_sort(mosaic_report *r, mosaic_verdict floor)
{
    size_t kept = 0;

    for (size_t i = 0; i < r->n; i++)
        if (r->findings[i]->verdict >= floor)
            r->findings[kept++] = r->findings[i];
    r->n = kept;
    if (r->n > 1)
        qsort(r->findings, r->n, sizeof(*r->findings), more_serious_first);
}

void report_set_totals(mosaic_report *r, long posts, long client_posts)
{
    r->posts = posts;
    r->client_posts = client_posts;
}

void report_set_catchment(mosaic_report *r, const char *place,
                          double radius_km, double people)
{
    r->place = report_strdup(r, place);
    r->radius_km = radius_km;
    r->people = people;
}

void mosaic_report_catchment(const mosaic_report *report, const char **place,
                             double *radius_km, double *people)
{
    if (place)
        *place = report ? report->place : NULL;
    if (radius_km)
        *radius_km = report ? report->radius_km : 0;
    if (people)
        *people = report ? report->people : 0;
}

size_t mosaic_report_count(const mosaic_report *report)
{
    return report ? report->n : 0;
}

const mosaic_finding *mosaic_report_finding(const mosaic_report *report,
                                            size_t i)
{
    return report && i < report->n ? report->findings[i] : NULL;
}

void mosaic_report_totals(const mosaic_report *report, long *posts,
                          long *client_posts)
{
    if (posts)
        *posts = report ? report->posts : 0;
    if (client_posts)
        *client_posts = report ? report->client_posts : 0;
}

const char *mosaic_verdict_name(mosaic_verdict v)
{
    static const char *const names[] = { "LOW", "MEDIUM", "HIGH" };

    return (unsigned)v < 3 ? names[v] : "LOW";
}

void mosaic_report_free(mosaic_report *report)
{
    if (report == NULL)
        return;
    arena_dispose(&report->mem);
    free(report->findings);
    free(report);
}
