/*
 * population.h -- the population model (DESIGN.md, "Population model"):
 * the reference tables of corpus/refdata (places with an admin
 * hierarchy, age x sex, occupations, base rates), the practice catchment,
 * and the price of one attribute: its share of the catchment, where the
 * figure came from, and how it can be generalised.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_POPULATION_H
#define MOSAIC_POPULATION_H

#include "score.h"
#include "suggest.h"

typedef struct population population;

/* Load the tables from data_dir (NULL: datadir_find).  Returns 0, or a
 * negative MOSAIC_E* code naming the file and line that is wrong. */
int population_open(population **out, const char *data_dir);
void population_close(population *pop);

/* The people a therapist's clients are drawn from. */
typedef struct {
    double people;    /* N */
    const char *place; /* the place it is centred on (NULL: the UK) */
    double lat, lon, radius_km;
    int known;        /* 0: location NULL or not in the gazetteer */
} catchment;

/* location NULL or unknown -> the UK total, known = 0. */
int population_catchment(population *pop, const char *location,
                         double radius_km, catchment *out);

/* The gazetteer's population of a place, district, county, region or
 * nation by name; 0 when it is not known. */
double population_of_place(population *pop, const char *name);

/*
 * Price one attribute (category upper case as in DESIGN.md; value the
 * words a post would have).  Fills *attr (share within the catchment,
 * count/of for the interval, direct, is_place, session_timing), *ladder
 * (may be NULL) and *source (the table row).  An unknown value gives
 * attr->share = 0 and returns 0: the caller reports it.  An unknown
 * category returns MOSAIC_EFORMAT.
 */
int population_price(population *pop, const catchment *c,
                     const char *category, const char *value,
                     score_attr *attr, suggest_ladder *ladder,
                     const char **source);

/* What pricing an attribute learnt beyond its share, for the dependence
 * corrections of a combination. */
typedef struct {
    int age_from, age_to;  /* AGE: the ages it implies (-1: none) */
    double in_ages;        /* AGE life stage: share within those ages */
    int sex;               /* GENDER: 'F', 'M' or 0 */
    double female_share;   /* OCCUPATION: share of women (-1: unknown) */
    int per_year;          /* a yearly rate: a date narrows it */
} population_facts;

int population_price_facts(population *pop, const catchment *c,
                           const char *category, const char *value,
                           score_attr *attr, suggest_ladder *ladder,
                           const char **source, population_facts *facts);

#define ASSESS_MAX 32 /* attributes scored together */

/* One attribute of a combination as priced, with what its dependence
 * corrections need; note says what a correction did. */
typedef struct {
    score_attr attr;
    suggest_ladder ladder;
    population_facts facts;
    const char *source, *note;
} assess_item;

/*
 * The one scoring call behind score, scan and check: correct the shares
 * for the dependences the tables know (ages and life stages; sex within
 * an occupation or age band; contradictions left out), score, and when
 * not LOW search the cheapest edits.  Returns 1 with *plan when a plan
 * of few edits reaches LOW, 0 when none does (or already LOW), or a
 * negative code.
 */
int assess_items(population *pop, const score_setting *s, assess_item *items,
                 size_t n, score_result *r, suggest_plan *plan);

/* Share of all people aged from..to (inclusive) of sex 'F', 'M' or 0. */
double population_age_share(const population *pop, int from, int to,
                            int sex);

#endif
