/*
 * refdata.c -- load the real marginals from corpus/refdata: the
 * gazetteer (one region of it), age x sex, occupations and base rates.
 * Columns are found by name, so the tables may grow columns freely.
 * SPDX-License-Identifier: MIT
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "datadir.h"
#include "error.h"
#include "synth.h"

/* Open the first of several '|'-separated file names that exists. */
static int load_table(tsv_table *t, const char *dir, const char *names)
{
    char path[1024], first[1024] = "";
    const char *n = names;
    int error = MOSAIC_ENOTFOUND;

    while (*n) {
        size_t len = strcspn(n, "|");
        char name[128];

        snprintf(name, sizeof(name), "%.*s", (int)len, n);
        if (datadir_path(path, sizeof(path), dir, name) < 0)
            return MOSAIC_ETOOBIG;
        if (!first[0])
            snprintf(first, sizeof(first), "%s", path);
        if ((error = tsv_load(t, path, 1)) != MOSAIC_ENOTFOUND)
            return error;
        n += len + (n[len] == '|');
    }
    return mosaic__error_set(MOSAIC_ENOTFOUND, "%s: missing", first);
}

static int intern(synth_refdata *rd, const char *name, uint32_t *id)
{
    for (size_t i = 0; i < rd->nnames; i++) {
        if (strcmp(rd->names[i], name) == 0) {
            *id = (uint32_t)i;
            return 0;
        }
    }
    if ((rd->nnames & 63) == 0) {
        char **n = realloc(rd->names, (rd->nnames + 64) * sizeof(*n));
        if (n == NULL)
            return mosaic__error_oom();
        rd->names = n;
    }
    if ((rd->names[rd->nnames] = strdup(name)) == NULL)
        return mosaic__error_oom();
    *id = (uint32_t)rd->nnames++;
    return 0;
}

static const synth_refdata *sort_rd; /* qsort has no context argument */

static int place_order(const void *a, const void *b)
{
    const synth_place *p = a, *q = b;
    int c = strcmp(sort_rd->names[p->county], sort_rd->names[q->county]);

    if (c == 0)
        c = strcmp(sort_rd->names[p->district], sort_rd->names[q->district]);
    return c ? c : strcmp(p->name, q->name);
}

/* The default region: the one whose population is the median. */
static int pick_region(const tsv_table *t, int col_region, int col_pop,
                       char *out, size_t size)
{
    struct { const char *name; double pop; } r[256];
    size_t n = 0;

    for (size_t i = 0; i < t->nrows; i++) {
        const char *name = tsv_get(t, i, col_region);
        size_t j;

        for (j = 0; j < n && strcmp(r[j].name, name) != 0; j++)
            ;
        if (j == n && n < 256)
            r[n++].name = name, r[j].pop = 0;
        if (j < n)
            r[j].pop += atof(tsv_get(t, i, col_pop));
    }
    if (n == 0)
        return mosaic__error_set(MOSAIC_EFORMAT, "%s: no places", t->path);
    for (size_t i = 1; i < n; i++) /* insertion sort by population */
        for (size_t j = i; j > 0 && r[j].pop < r[j - 1].pop; j--) {
            const char *sn = r[j].name;
            double sp = r[j].pop;
            r[j] = r[j - 1];
            r[j - 1].name = sn, r[j - 1].pop = sp;
        }
    snprintf(out, size, "%s", r[n / 2].name);
    return 0;
}

static int add_place(synth_refdata *rd, const tsv_table *t, size_t i,
                     const int *col)
{
    synth_place *p = &rd->places[rd->nplaces];
    const char *alt = tsv_get(t, i, col[1]);
    char *end;
    int error;

    memset(p, 0, sizeof(*p));
    p->lat = strtod(tsv_get(t, i, col[2]), &end);
    p->lon = strtod(tsv_get(t, i, col[3]), &end);
    p->population = (uint32_t)strtoul(tsv_get(t, i, col[4]), &end, 10);
    if (p->population == 0)
        return 0; /* no people to draw */
    if ((p->name = strdup(tsv_get(t, i, col[0]))) == NULL)
        return mosaic__error_oom();
    if (alt[0]) {
        size_t len = strcspn(alt, ";|,");
        if (len > 0 && (p->alt = strndup(alt, len)) == NULL)
            return mosaic__error_oom();
    }
    if ((error = intern(rd, tsv_get(t, i, col[5]), &p->district)) < 0 ||
        (error = intern(rd, tsv_get(t, i, col[6]), &p->county)) < 0)
        return error;
    rd->region_population += p->population;
    rd->nplaces++;
    return 0;
}

static int load_places(synth_refdata *rd, const char *dir, const char *want)
{
    static const char *const cols[] = {
        "name", "alt_names|alt_name|alternatives", "lat|latitude",
        "lon|lng|longitude", "population|pop", "district", "county",
        "region",
    };
    int col[8];
    tsv_table t;
    int error;

    if ((error = load_table(&t, dir, "refdata/places.tsv")) < 0)
        return error;
    for (int c = 0; c < 8; c++) {
        if ((col[c] = tsv_column(&t, cols[c])) < 0 && c != 1) {
            error = mosaic__error_set(MOSAIC_EFORMAT, "%s: no column '%s'",
                                      t.path, cols[c]);
            goto done;
        }
    }
    if (want && want[0])
        snprintf(rd->region, sizeof(rd->region), "%s", want);
    else if ((error = pick_region(&t, col[7], col[4], rd->region,
                                  sizeof(rd->region))) < 0)
        goto done;
    if ((rd->places = calloc(t.nrows + 1, sizeof(*rd->places))) == NULL) {
        error = mosaic__error_oom();
        goto done;
    }
    for (size_t i = 0; i < t.nrows && error == 0; i++)
        if (strcasecmp(tsv_get(&t, i, col[7]), rd->region) == 0 ||
            strcasecmp(tsv_get(&t, i, col[6]), rd->region) == 0)
            error = add_place(rd, &t, i, col);
    if (error == 0 && rd->nplaces == 0)
        error = mosaic__error_set(MOSAIC_ENOTFOUND,
                                  "%s: no places in region '%s'", t.path,
                                  rd->region);
    sort_rd = rd;
    if (error == 0)
        qsort(rd->places, rd->nplaces, sizeof(*rd->places), place_order);
done:
    tsv_free(&t);
    return error;
}

/* "0-4", "85+", "90 and over", "7": the band's first and last year. */
static int parse_band(const char *s, int *lo, int *hi)
{
    char *end;

    while (*s && !isdigit((unsigned char)*s))
        s++;
    if (!*s)
        return -1;
    *lo = (int)strtol(s, &end, 10);
    *hi = *lo;
    if (strchr(end, '+') || strstr(end, "over") || strstr(end, "plus"))
        *hi = SYNTH_AGE_MAX;
    else {
        while (*end && !isdigit((unsigned char)*end))
            end++;
        if (*end)
            *hi = (int)strtol(end, NULL, 10);
    }
    if (*lo < 0 || *lo > SYNTH_AGE_MAX || *hi < *lo)
        return -1;
    if (*hi > SYNTH_AGE_MAX)
        *hi = SYNTH_AGE_MAX;
    return 0;
}

static int sex_of(const char *s)
{
    if (strncasecmp(s, "f", 1) == 0 || strncasecmp(s, "w", 1) == 0)
        return SEX_FEMALE;
    if (strncasecmp(s, "m", 1) == 0)
        return SEX_MALE;
    return -1;
}

static int load_ages(synth_refdata *rd, const char *dir)
{
    int c_age, c_from, c_to, c_m, c_f, c_sex, c_n, lo, hi, error;
    tsv_table t;

    if ((error = load_table(&t, dir, "refdata/age_sex.tsv|refdata/"
                                     "agesex.tsv|refdata/age-sex.tsv")) < 0)
        return error;
    c_age = tsv_column(&t, "age|age_band|band|ages");
    c_from = tsv_column(&t, "age_from|from|age_min");
    c_to = tsv_column(&t, "age_to|to|age_max");
    c_m = tsv_column(&t, "male|males|men");
    c_f = tsv_column(&t, "female|females|women");
    c_sex = tsv_column(&t, "sex|gender");
    c_n = tsv_column(&t, "count|people|population|persons|n");
    if ((c_age < 0 && (c_from < 0 || c_to < 0)) ||
        ((c_m < 0 || c_f < 0) && (c_sex < 0 || c_n < 0))) {
        error = mosaic__error_set(MOSAIC_EFORMAT,
                                  "%s: want columns age and male/female "
                                  "(or sex and count)", t.path);
        goto done;
    }
    for (size_t i = 0; i < t.nrows; i++) {
        double n[2] = {0, 0};

        if (c_age < 0) {
            char band[64];
            snprintf(band, sizeof(band), "%s-%s", tsv_get(&t, i, c_from),
                     tsv_get(&t, i, c_to));
            if (!tsv_get(&t, i, c_to)[0])
                snprintf(band, sizeof(band), "%s+", tsv_get(&t, i, c_from));
            if (parse_band(band, &lo, &hi) < 0)
                continue;
        } else if (parse_band(tsv_get(&t, i, c_age), &lo, &hi) < 0)
            continue; /* a total row */
        if (c_m >= 0 && c_f >= 0) {
            n[SEX_MALE] = atof(tsv_get(&t, i, c_m));
            n[SEX_FEMALE] = atof(tsv_get(&t, i, c_f));
        } else if (sex_of(tsv_get(&t, i, c_sex)) >= 0) {
            n[sex_of(tsv_get(&t, i, c_sex))] = atof(tsv_get(&t, i, c_n));
        }
        for (int a = lo; a <= hi; a++)
            for (int s = 0; s < 2; s++)
                rd->age_sex[s][a] += n[s] / (hi - lo + 1);
    }
done:
    tsv_free(&t);
    return error;
}

static double work_population(const synth_refdata *rd, int sex,
                              const synth_model *m)
{
    double n = 0;

    for (int a = m->work_age_min; a <= m->work_age_max && a <= SYNTH_AGE_MAX;
         a++)
        n += rd->age_sex[sex][a];
    return n;
}

static int load_occupations(synth_refdata *rd, const char *dir,
                            const synth_model *m)
{
    int c_name, c_n, c_m, c_f, c_fs, error;
    double sum[2] = {0, 0}, work[2];
    tsv_table t;

    if ((error = load_table(&t, dir, "refdata/occupations.tsv")) < 0)
        return error;
    c_name = tsv_column(&t, "title|occupation|name|job");
    c_n = tsv_column(&t, "count|people|population|persons|total|n");
    c_m = tsv_column(&t, "male|males|men");
    c_f = tsv_column(&t, "female|females|women");
    c_fs = tsv_column(&t, "female_share|share_female");
    if (c_name < 0 || (c_n < 0 && (c_m < 0 || c_f < 0))) {
        error = mosaic__error_set(MOSAIC_EFORMAT,
                                  "%s: want columns title and count",
                                  t.path);
        goto done;
    }
    work[0] = work_population(rd, 0, m);
    work[1] = work_population(rd, 1, m);
    if ((rd->occ = calloc(t.nrows + 1, sizeof(*rd->occ))) == NULL) {
        error = mosaic__error_oom();
        goto done;
    }
    for (size_t i = 0; i < t.nrows && rd->nocc < SYNTH_NO_OCC; i++) {
        synth_occupation *o = &rd->occ[rd->nocc];
        double n[2];

        if (c_m >= 0 && c_f >= 0) {
            n[SEX_MALE] = atof(tsv_get(&t, i, c_m));
            n[SEX_FEMALE] = atof(tsv_get(&t, i, c_f));
        } else if (c_fs >= 0 && tsv_get(&t, i, c_fs)[0]) {
            double all = atof(tsv_get(&t, i, c_n)),
                   fs = atof(tsv_get(&t, i, c_fs));
            n[SEX_FEMALE] = all * fs;
            n[SEX_MALE] = all * (1 - fs);
        } else { /* no split: the same share for both sexes */
            double all = atof(tsv_get(&t, i, c_n));
            n[0] = all * work[0] / (work[0] + work[1]);
            n[1] = all * work[1] / (work[0] + work[1]);
        }
        if (n[0] + n[1] <= 0)
            continue;
        if ((o->name = strdup(tsv_get(&t, i, c_name))) == NULL) {
            error = mosaic__error_oom();
            goto done;
        }
        for (int s = 0; s < 2; s++) {
            o->share[s] = work[s] > 0 ? n[s] / work[s] : 0;
            sum[s] += o->share[s];
        }
        rd->nocc++;
    }
    for (size_t i = 0; i < rd->nocc; i++) /* never more than everyone */
        for (int s = 0; s < 2; s++)
            if (sum[s] > 1)
                rd->occ[i].share[s] /= sum[s];
done:
    tsv_free(&t);
    return error;
}

/* A rate as a probability: "12.5%", or a number with a unit column
 * saying "per 1,000" or "per 100,000". */
static double parse_rate(const char *rate, const char *unit)
{
    char *end;
    double r = strtod(rate, &end);
    char digits[32];
    size_t n = 0;

    if (*end == '%')
        return r / 100;
    for (const char *u = unit; *u && n + 1 < sizeof(digits); u++)
        if (isdigit((unsigned char)*u))
            digits[n++] = *u;
    digits[n] = '\0';
    if (strchr(unit, '%'))
        return r / 100;
    if (n > 0 && atof(digits) > 1)
        return r / atof(digits);
    return r;
}

static int load_rates(synth_refdata *rd, const char *dir)
{
    int c_cat, c_val, c_rate, c_unit, error;
    tsv_table t;

    if ((error = load_table(&t, dir, "refdata/base_rates.tsv|refdata/"
                                     "baserates.tsv")) < 0)
        return error;
    c_cat = tsv_column(&t, "category");
    c_val = tsv_column(&t, "value|name|attribute|term");
    c_rate = tsv_column(&t, "rate|p|share|probability|figure");
    c_unit = tsv_column(&t, "unit|per");
    if (c_cat < 0 || c_val < 0 || c_rate < 0) {
        error = mosaic__error_set(MOSAIC_EFORMAT,
                                  "%s: want columns category, value, rate",
                                  t.path);
        goto done;
    }
    if ((rd->rates = calloc(t.nrows + 1, sizeof(*rd->rates))) == NULL) {
        error = mosaic__error_oom();
        goto done;
    }
    for (size_t i = 0; i < t.nrows && rd->nrates < SYNTH_MAX_FLAGS; i++) {
        synth_rate *r = &rd->rates[rd->nrates];
        int cat = synth_category_parse(tsv_get(&t, i, c_cat));

        if (cat != CAT_FAMILY && cat != CAT_HEALTH && cat != CAT_LIFE_EVENT)
            continue; /* categories the population does not model */
        r->category = cat;
        r->rate = parse_rate(tsv_get(&t, i, c_rate), tsv_get(&t, i, c_unit));
        r->sex = -1;
        r->age_min = 0;
        r->age_max = SYNTH_AGE_MAX;
        if (!(r->rate > 0 && r->rate < 1))
            continue;
        if ((r->value = strdup(tsv_get(&t, i, c_val))) == NULL) {
            error = mosaic__error_oom();
            goto done;
        }
        rd->nrates++;
    }
done:
    tsv_free(&t);
    return error;
}

int refdata_load(synth_refdata *rd, const char *dir, const char *region,
                 const synth_model *m)
{
    int error;

    memset(rd, 0, sizeof(*rd));
    if ((error = load_places(rd, dir, region)) < 0 ||
        (error = load_ages(rd, dir)) < 0 ||
        (error = load_occupations(rd, dir, m)) < 0 ||
        (error = load_rates(rd, dir)) < 0)
        refdata_free(rd);
    return error;
}

void refdata_free(synth_refdata *rd)
{
    for (size_t i = 0; i < rd->nplaces; i++) {
        free(rd->places[i].name);
        free(rd->places[i].alt);
    }
    for (size_t i = 0; i < rd->nnames; i++)
        free(rd->names[i]);
    for (size_t i = 0; i < rd->nocc; i++)
        free(rd->occ[i].name);
    for (size_t i = 0; i < rd->nrates; i++)
        free(rd->rates[i].value);
    free(rd->places);
    free(rd->names);
    free(rd->occ);
    free(rd->rates);
    memset(rd, 0, sizeof(*rd));
}
