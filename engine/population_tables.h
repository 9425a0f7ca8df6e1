/*
 * population_tables.h -- the loaded reference tables, shared by the
 * loader (population_load.c) and the pricing (population.c).
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_POPULATION_TABLES_H
#define MOSAIC_POPULATION_TABLES_H

#include <stddef.h>

#include "population.h"
#include "extract_table.h"

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

struct refimage;

struct population {
    char **files; /* every string points into these loaded files... */
    size_t nfiles;
    struct refimage *image; /* ...or into this mapped reference image */
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
    xtable place_ix, area_ix, rate_ix; /* normalised name -> row */
};

/* Index helpers (population_index.c). */
/* Lower-case, trim and collapse spaces into out; 0, or -1 if too long. */
int pop_normalise(char *out, size_t size, const char *in);
/* The row of a normalised name in an index, or -1. */
int pop_index_get(const xtable *ix, const char *key);

/* The tables parsed from corpus/refdata's TSVs in dir (a data folder),
 * never from the reference image: what mosaic-mkimage compiles. */
int population_parse(population **out, const char *dir);

/* population_image.c: the tables as a section of the reference image
 * (refimage.h).  save appends them to b; load points pop at the mapped
 * section (0), or returns MOSAIC_EFORMAT naming what is wrong. */
struct refimage_buf;
int population_image_save(const population *pop, struct refimage_buf *b);
int population_image_load(population *pop, struct refimage *im);

#endif
