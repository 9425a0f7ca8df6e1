/*
 * population_tables.h -- the loaded reference tables, shared by the
 * loader (population_load.c) and the pricing (population.c).
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_POPULATION_TABLES_H
#define MOSAIC_POPULATION_TABLES_H

#include <stddef.h>

#include "population.h"

enum { AREA_DISTRICT, AREA_COUNTY, AREA_REGION, AREA_NATION, AREA_LEVELS };

struct pop_place {
    const char *name;
    double lat, lon, people;
    int area[AREA_LEVELS]; /* index into pop->areas */
    int section;           /* part of a larger place: not summed */
};

struct pop_area {
    const char *name;
    int level;
    double people; /* summed over its places */
};

struct pop_rate { /* base_rates.tsv, occupations.tsv, life_stage.tsv */
    const char *category, *value, *source;
    double share, count, of, female_share;
    int per_year, major, age_from, age_to;
};

struct pop_band {
    int from, to;
    double male, female;
    const char *source;
};

/* Lower-cased names -> index, open addressing. */
struct pop_index {
    const char **keys;
    int *vals;
    size_t cap, used;
};

struct population {
    char *text; /* every string points into these loaded files */
    char **files;
    size_t nfiles;
    struct pop_place *places;
    size_t nplaces;
    struct pop_area *areas;
    size_t nareas;
    struct pop_rate *rates;
    size_t nrates;
    struct pop_band bands[16];
    size_t nbands;
    double group_share[10]; /* SOC major group share of the employed */
    const char *group_title[10], *group_source[10];
    double uk_people, employed;
    const char *uk_source;
    struct pop_index place_ix, area_ix, rate_ix;
};

/* Index helpers (population_index.c). */
int pop_index_put(struct pop_index *ix, const char *key, int val);
int pop_index_get(const struct pop_index *ix, const char *key);
void pop_index_free(struct pop_index *ix);
/* Lower-case, trim and collapse spaces into out; 0, or -1 if too long. */
int pop_normalise(char *out, size_t size, const char *in);

#endif
