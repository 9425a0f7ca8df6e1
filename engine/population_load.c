/*
 * population_load.c -- read corpus/refdata's tab-separated tables into
 * memory and index their names (~10 ms for the ~5,000-row gazetteer),
 * or map them from the reference image that mosaic-mkimage compiled from
 * the same TSVs (refimage.h).
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datadir.h"
#include "error.h"
#include "population_tables.h"
#include "refimage.h"

#define MAX_FIELDS 12
#define TABLE_MAX (16L << 20)

/* One table being read: its fields split in place. */
struct table {
    const char *name;
    char *next;
    char *field[MAX_FIELDS];
    int nfields, line;
};

static int keep(population *pop, char *s)
{
    char **grown = realloc(pop->files, (pop->nfiles + 1) * sizeof(*grown));

    if (!grown) {
        free(s);
        return mosaic__error_oom();
    }
    pop->files = grown;
    pop->files[pop->nfiles++] = s;
    return 0;
}

static int table_open(population *pop, struct table *t, const char *dir,
                      const char *name, const char *header)
{
    char path[4096];
    FILE *f;
    long size;
    char *text;
    size_t got;
    int rc;

    memset(t, 0, sizeof(*t));
    t->name = name;
    if ((rc = datadir_path(path, sizeof(path), dir, name)) < 0)
        return rc;
    if (!(f = fopen(path, "rb")))
        return mosaic__error_set(MOSAIC_ENOTFOUND, "%s: cannot open", path);
    if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
        size > TABLE_MAX || fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        return mosaic__error_set(MOSAIC_EIO, "%s: unreadable or too big",
                                 path);
    }
    if (!(text = malloc((size_t)size + 1))) {
        fclose(f);
        return mosaic__error_oom();
    }
    got = fread(text, 1, (size_t)size, f);
    fclose(f);
    text[got] = '\0';
    if ((rc = keep(pop, text)) < 0)
        return rc;
    t->next = text;
    if (strncmp(text, header, strlen(header)) != 0 ||
        (text[strlen(header)] != '\n' && text[strlen(header)] != '\r'))
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: header is not '%s'", name, header);
    return 0;
}

/* Split the next non-empty line into fields; 1, 0 at the end, or <0
 * when it has not `want` fields.  The header is the first line. */
static int table_row(struct table *t, int want)
{
    char *line, *end;

    do {
        if (!t->next || !*t->next)
            return 0;
        line = t->next;
        end = strchr(line, '\n');
        t->next = end ? end + 1 : NULL;
        if (end)
            *end = '\0';
        if (end && end > line && end[-1] == '\r')
            end[-1] = '\0';
        t->line++;
    } while (!*line);
    t->nfields = 0;
    for (char *f = line;; ) {
        char *tab = strchr(f, '\t');
        if (t->nfields == MAX_FIELDS)
            break;
        t->field[t->nfields++] = f;
        if (!tab)
            break;
        *tab = '\0';
        f = tab + 1;
    }
    if (t->nfields != want)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: line %d: %d fields, want %d", t->name,
                                 t->line, t->nfields, want);
    return 1;
}

static int number(struct table *t, int i, double lo, double hi, double *out)
{
    char *end;
    double v = strtod(t->field[i], &end);

    if (end == t->field[i] || *end || !(v >= lo && v <= hi))
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: line %d: field %d is not a number in "
                                 "[%g, %g]", t->name, t->line, i + 1, lo, hi);
    *out = v;
    return 0;
}

/* Index `name` (normalised into a kept copy) -> val. */
static int index_name(xtable *ix, const char *name, int val)
{
    char key[256];
    int rc;

    if (pop_normalise(key, sizeof(key), name) < 0 || !key[0])
        return 0; /* too long or empty: not a name a post would use */
    rc = xtable_put(ix, key, strlen(key), (uint32_t)val); /* first stays */
    return rc < 0 ? rc : 0;
}

/* Index every '|'-separated alternative of `list`. */
static int index_list(xtable *ix, char *list, int val)
{
    int rc = 0;

    for (char *s = list, *bar; s && *s && rc == 0; s = bar ? bar + 1 : NULL) {
        if ((bar = strchr(s, '|')))
            *bar = '\0';
        rc = index_name(ix, s, val);
    }
    return rc;
}

#define GROW(arr, n, cap)                                                 \
    ((n) < (cap) ? 0                                                      \
                 : ((cap) = (cap) ? (cap) * 2 : 64,                       \
                    grow_array((void **)&(arr), (cap), sizeof(*(arr)))))

static int grow_array(void **arr, size_t cap, size_t size)
{
    void *p = realloc(*arr, cap * size);

    if (!p)
        return mosaic__error_oom();
    *arr = p;
    return 0;
}

static int area_of(population *pop, size_t *cap, const char *name, int level)
{
    char key[256];
    int i;

    if (pop_normalise(key, sizeof(key), name) == 0 &&
        (i = pop_index_get(&pop->area_ix, key)) >= 0 &&
        pop->areas[i].level == level)
        return i;
    if (GROW(pop->areas, pop->nareas, *cap) < 0)
        return MOSAIC_ENOMEM;
    pop->areas[pop->nareas] = (struct pop_area){ name, level, 0 };
    if (index_name(&pop->area_ix, name, (int)pop->nareas) < 0)
        return MOSAIC_ENOMEM;
    return (int)pop->nareas++;
}

static int load_places(population *pop, const char *dir)
{
    struct table t;
    size_t cap = 0, acap = 0;
    int rc;

    if ((rc = table_open(pop, &t, dir, "refdata/places.tsv",
                         "name\talt_names\tlat\tlon\tpopulation\tdistrict\t"
                         "county\tregion\tnation")) < 0 ||
        (rc = table_row(&t, 9)) < 0)
        return rc;
    while ((rc = table_row(&t, 9)) > 0) {
        struct pop_place p = { t.field[0], 0, 0, 0, { 0 }, 0 };
        if (number(&t, 2, -90, 90, &p.lat) < 0 ||
            number(&t, 3, -180, 180, &p.lon) < 0 ||
            number(&t, 4, 0, 1e9, &p.people) < 0)
            return MOSAIC_EFORMAT;
        for (int l = 0; l < AREA_LEVELS; l++) {
            if ((p.area[l] = area_of(pop, &acap, t.field[5 + l], l)) < 0)
                return p.area[l];
            pop->areas[p.area[l]].people += p.people;
        }
        if (GROW(pop->places, pop->nplaces, cap) < 0 ||
            index_name(&pop->place_ix, p.name, (int)pop->nplaces) < 0 ||
            index_list(&pop->place_ix, t.field[1], (int)pop->nplaces) < 0)
            return MOSAIC_ENOMEM;
        pop->places[pop->nplaces++] = p;
    }
    return rc;
}

/* Sections of larger places: counted in their place already. */
static int load_sections(population *pop, const char *dir)
{
    struct table t;
    int rc;

    if ((rc = table_open(pop, &t, dir, "refdata/place_sections.tsv",
                         "name\tlat\tlon\tpopulation")) < 0 ||
        (rc = table_row(&t, 4)) < 0)
        return rc;
    while ((rc = table_row(&t, 4)) > 0) {
        double lat, lon;
        if (number(&t, 1, -90, 90, &lat) < 0 ||
            number(&t, 2, -180, 180, &lon) < 0)
            return MOSAIC_EFORMAT;
        for (size_t i = 0; i < pop->nplaces; i++) {
            struct pop_place *p = &pop->places[i];
            if (p->lat == lat && p->lon == lon &&
                strcmp(p->name, t.field[0]) == 0 && !p->section) {
                p->section = 1;
                for (int l = 0; l < AREA_LEVELS; l++)
                    pop->areas[p->area[l]].people -= p->people;
            }
        }
    }
    return rc;
}

/* Rates are indexed as "category:word", so that "indian" can be an
 * ethnicity and a nationality. */
static int rate_key(population *pop, const char *category, const char *word,
                    int id)
{
    char key[300];

    snprintf(key, sizeof(key), "%s:%s", category, word);
    return index_name(&pop->rate_ix, key, id);
}

static int add_rate(population *pop, size_t *cap, const struct pop_rate *r,
                    char *alts)
{
    int id = (int)pop->nrates, rc;

    if (GROW(pop->rates, pop->nrates, *cap) < 0)
        return MOSAIC_ENOMEM;
    pop->rates[pop->nrates++] = *r;
    if ((rc = rate_key(pop, r->category, r->value, id)) < 0)
        return rc;
    for (char *s = alts, *bar; s && *s; s = bar ? bar + 1 : NULL) {
        if ((bar = strchr(s, '|')))
            *bar = '\0';
        if ((rc = rate_key(pop, r->category, s, id)) < 0)
            return rc;
    }
    return 0;
}

static int load_base_rates(population *pop, const char *dir, size_t *cap)
{
    struct table t;
    int rc;

    if ((rc = table_open(pop, &t, dir, "refdata/base_rates.tsv",
                         "category\tvalue\talt_values\tshare\tunit\tsource"))
            < 0 ||
        (rc = table_row(&t, 6)) < 0)
        return rc;
    while ((rc = table_row(&t, 6)) > 0) {
        struct pop_rate r = { t.field[0], t.field[1], t.field[5], 0, 0, 0,
                              -1, 0, 0, -1, -1 };
        const char *unit = t.field[4];
        if (strcmp(unit, "person") && strcmp(unit, "year") &&
            strcmp(unit, "members"))
            return mosaic__error_set(MOSAIC_EFORMAT,
                                     "%s: line %d: unit '%.20s' is not "
                                     "person, year or members",
                                     t.name, t.line, unit);
        /* unit members: the size of one such organisation (a count) */
        if (strcmp(unit, "members") == 0 ? number(&t, 3, 1, 1e8, &r.count)
                                          : number(&t, 3, 0, 1, &r.share))
            return MOSAIC_EFORMAT;
        r.per_year = strcmp(unit, "year") == 0;
        if ((rc = add_rate(pop, cap, &r, t.field[2])) < 0)
            return rc;
    }
    return rc;
}

static int load_occupations(population *pop, const char *dir, size_t *cap)
{
    struct table t;
    double major;
    int rc;

    if ((rc = table_open(pop, &t, dir, "refdata/occupations.tsv",
                         "title\talt_titles\tmajor\tcount\tof\tfemale_share\t"
                         "source")) < 0 ||
        (rc = table_row(&t, 7)) < 0)
        return rc;
    while ((rc = table_row(&t, 7)) > 0) {
        struct pop_rate r = { "OCCUPATION", t.field[0], t.field[6], 0, 0, 0,
                              -1, 0, 0, -1, -1 };
        /* major 0: not an occupation (retired, student...); an empty
         * female_share: the split is not known */
        if (number(&t, 2, 0, 9, &major) < 0 ||
            number(&t, 3, 1, 1e9, &r.count) < 0 ||
            number(&t, 4, r.count, 1e10, &r.of) < 0 ||
            (*t.field[5] && number(&t, 5, 0, 1, &r.female_share) < 0))
            return MOSAIC_EFORMAT;
        r.major = (int)major;
        r.share = r.count / r.of;
        if ((rc = add_rate(pop, cap, &r, t.field[1])) < 0)
            return rc;
    }
    return rc;
}

static int load_life_stages(population *pop, const char *dir, size_t *cap)
{
    struct table t;
    double from, to;
    int rc;

    if ((rc = table_open(pop, &t, dir, "refdata/life_stage.tsv",
                         "word\talt_words\tage_from\tage_to\tshare_in_ages\t"
                         "source")) < 0 ||
        (rc = table_row(&t, 6)) < 0)
        return rc;
    while ((rc = table_row(&t, 6)) > 0) {
        struct pop_rate r = { "AGE", t.field[0], t.field[5], 0, 0, 0,
                              -1, 0, 0, -1, -1 };
        if (number(&t, 2, 0, 110, &from) < 0 ||
            number(&t, 3, from, 110, &to) < 0 ||
            number(&t, 4, 0, 1, &r.share) < 0)
            return MOSAIC_EFORMAT;
        r.age_from = (int)from;
        r.age_to = (int)to;
        if ((rc = add_rate(pop, cap, &r, t.field[1])) < 0)
            return rc;
    }
    return rc;
}

static int load_age_sex(population *pop, const char *dir)
{
    struct table t;
    double from, to;
    int rc;

    if ((rc = table_open(pop, &t, dir, "refdata/age_sex.tsv",
                         "age_from\tage_to\tmale\tfemale\tsource")) < 0 ||
        (rc = table_row(&t, 5)) < 0)
        return rc;
    while ((rc = table_row(&t, 5)) > 0) {
        struct pop_band *b = &pop->bands[pop->nbands];
        if (pop->nbands == sizeof(pop->bands) / sizeof(pop->bands[0]))
            return mosaic__error_set(MOSAIC_EFORMAT,
                                     "%s: too many bands", t.name);
        if (number(&t, 0, 0, 110, &from) < 0 ||
            number(&t, 1, from, 110, &to) < 0 ||
            number(&t, 2, 0, 1e9, &b->male) < 0 ||
            number(&t, 3, 0, 1e9, &b->female) < 0)
            return MOSAIC_EFORMAT;
        b->from = (int)from;
        b->to = (int)to;
        b->source = t.field[4];
        pop->nbands++;
    }
    return rc;
}

static int load_groups(population *pop, const char *dir)
{
    struct table t;
    double major;
    int rc;

    if ((rc = table_open(pop, &t, dir, "refdata/occupation_groups.tsv",
                         "major\ttitle\tshare_of_employed\tsource")) < 0 ||
        (rc = table_row(&t, 4)) < 0)
        return rc;
    while ((rc = table_row(&t, 4)) > 0) {
        if (number(&t, 0, 1, 9, &major) < 0 ||
            number(&t, 2, 0, 1, &pop->group_share[(int)major]) < 0)
            return MOSAIC_EFORMAT;
        pop->group_title[(int)major] = t.field[1];
        pop->group_source[(int)major] = t.field[3];
    }
    return rc;
}

static int load_totals(population *pop, const char *dir)
{
    struct table t;
    int rc;

    if ((rc = table_open(pop, &t, dir, "refdata/totals.tsv",
                         "key\tvalue\tsource")) < 0 ||
        (rc = table_row(&t, 3)) < 0)
        return rc;
    while ((rc = table_row(&t, 3)) > 0) {
        if (strcmp(t.field[0], "uk_population") == 0) {
            if (number(&t, 1, 1, 1e10, &pop->uk_people) < 0)
                return MOSAIC_EFORMAT;
            pop->uk_source = t.field[2];
        } else if (strcmp(t.field[0], "in_employment") == 0 &&
                   number(&t, 1, 1, 1e10, &pop->employed) < 0) {
            return MOSAIC_EFORMAT;
        }
    }
    if (rc == 0 && (!pop->uk_people || !pop->employed || !pop->nbands))
        return mosaic__error_set(MOSAIC_EFORMAT, "refdata: uk_population, "
                                 "in_employment or age bands missing");
    return rc;
}

int population_parse(population **out, const char *dir)
{
    population *pop;
    size_t cap = 0;
    int rc;

    *out = NULL;
    if (!(pop = calloc(1, sizeof(*pop))))
        return mosaic__error_oom();
    if ((rc = load_places(pop, dir)) < 0 || (rc = load_sections(pop, dir)) < 0 ||
        (rc = load_base_rates(pop, dir, &cap)) < 0 ||
        (rc = load_occupations(pop, dir, &cap)) < 0 ||
        (rc = load_life_stages(pop, dir, &cap)) < 0 ||
        (rc = load_age_sex(pop, dir)) < 0 || (rc = load_groups(pop, dir)) < 0 ||
        (rc = load_totals(pop, dir)) < 0) {
        population_close(pop);
        return rc;
    }
    *out = pop;
    return 0;
}

/* The compiled reference image when the folder has a fresh one (no
 * parsing: a fraction of a millisecond), else the TSVs. */
int population_open(population **out, const char *data_dir)
{
    char dir[4096];
    population *pop = NULL;
    refimage *im = NULL;
    int rc;

    *out = NULL;
    if ((rc = datadir_find(dir, sizeof(dir), data_dir,
                           "refdata/places.tsv")) < 0 ||
        (rc = refimage_open(&im, dir)) < 0)
        return rc;
    if (im == NULL)
        return population_parse(out, dir);
    if (!(pop = calloc(1, sizeof(*pop)))) {
        refimage_close(im);
        return mosaic__error_oom();
    }
    pop->image = im;
    if ((rc = population_image_load(pop, im)) < 0) {
        population_close(pop);
        return rc;
    }
    *out = pop;
    return 0;
}

void population_close(population *pop)
{
    if (!pop)
        return;
    for (size_t i = 0; i < pop->nfiles; i++)
        free(pop->files[i]);
    free(pop->files);
    free(pop->places);
    free(pop->areas);
    free(pop->rates);
    xtable_dispose(&pop->place_ix);
    xtable_dispose(&pop->area_ix);
    xtable_dispose(&pop->rate_ix);
    refimage_close(pop->image);
    free(pop);
}
