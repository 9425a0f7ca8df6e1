/*
 * population.c -- the catchment around a practice and the price of one
 * attribute: its share of the catchment and how it can be generalised.
 * SPDX-License-Identifier: MIT
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "population_tables.h"

#define EARTH_KM 6371.0
#define DEG (M_PI / 180)

static double distance_km(double lat1, double lon1, double lat2, double lon2)
{
    double a = sin((lat2 - lat1) * DEG / 2), b = sin((lon2 - lon1) * DEG / 2);
    double h = a * a + cos(lat1 * DEG) * cos(lat2 * DEG) * b * b;

    return 2 * EARTH_KM * asin(sqrt(h > 1 ? 1 : h));
}

static int find_place(const population *pop, const char *name)
{
    char key[256];

    if (!name || pop_normalise(key, sizeof(key), name) < 0)
        return -1;
    return pop_index_get(&pop->place_ix, key);
}

static int find_area(const population *pop, const char *name)
{
    char key[256];

    if (!name || pop_normalise(key, sizeof(key), name) < 0)
        return -1;
    return pop_index_get(&pop->area_ix, key);
}

double population_of_place(population *pop, const char *name)
{
    int i = find_place(pop, name);

    if (i >= 0)
        return pop->places[i].people;
    i = find_area(pop, name);
    return i >= 0 ? pop->areas[i].people : 0;
}

/* A place in what a profile says: "Hexham, Northumberland", "Leeds /
 * online", "Bath (UK)": the whole, else the first part the gazetteer
 * knows. */
static int find_location(const population *pop, const char *location)
{
    char part[256];
    const char *p = location;
    int at;

    if (location == NULL || (at = find_place(pop, location)) >= 0)
        return location ? at : -1;
    while (*p) {
        size_t n = strcspn(p, ",/|;()+&");
        if (n > 0 && n < sizeof(part)) {
            memcpy(part, p, n);
            part[n] = '\0';
            if ((at = find_place(pop, part)) >= 0)
                return at;
        }
        p += n;
        p += strspn(p, ",/|;()+&");
    }
    return -1;
}

int population_catchment(population *pop, const char *location,
                         double radius_km, catchment *out)
{
    int at = find_location(pop, location);

    memset(out, 0, sizeof(*out));
    out->people = pop->uk_people;
    out->radius_km = radius_km;
    if (at < 0 || !(radius_km > 0))
        return 0;
    const struct pop_place *c = &pop->places[at];
    double sum = 0;
    for (size_t i = 0; i < pop->nplaces; i++) {
        const struct pop_place *p = &pop->places[i];
        if (!p->section && fabs(p->lat - c->lat) * 111.2 <= radius_km &&
            distance_km(c->lat, c->lon, p->lat, p->lon) <= radius_km)
            sum += p->people;
    }
    out->people = sum > c->people ? sum : c->people;
    out->place = c->name;
    out->lat = c->lat;
    out->lon = c->lon;
    out->known = 1;
    return 0;
}

double population_age_share(const population *pop, int from, int to, int sex)
{
    double in = 0, all = 0;

    for (size_t i = 0; i < pop->nbands; i++) {
        const struct pop_band *b = &pop->bands[i];
        double people = sex == 'F' ? b->female : sex == 'M' ? b->male
                                                            : b->male + b->female;
        int lo = from > b->from ? from : b->from, hi = to < b->to ? to : b->to;
        all += b->male + b->female;
        if (lo <= hi)
            in += people * (hi - lo + 1) / (b->to - b->from + 1);
    }
    return all > 0 ? in / all : 0;
}

/* The share of the catchment living in a place of `people`: exact
 * counts, capped at the whole catchment. */
static double place_share(const catchment *c, double people)
{
    return people >= c->people ? 1 : people / c->people;
}

static void ladder_add(suggest_ladder *l, double share, const char *label)
{
    if (!l || l->levels == SUGGEST_LEVELS_MAX)
        return;
    if (l->levels && strcmp(l->label[l->levels - 1], label) == 0)
        return;
    l->share[l->levels] = share;
    l->label[l->levels++] = label;
}

static int price_place(population *pop, const catchment *c, const char *value,
                       score_attr *a, suggest_ladder *l, const char **source)
{
    int i = find_place(pop, value), from = 0;
    const int *areas;

    a->is_place = 1;
    if (i >= 0) {
        a->share = place_share(c, pop->places[i].people);
        areas = pop->places[i].area;
        *source = "places.tsv (GeoNames cities500, CC BY 4.0)";
    } else if ((i = find_area(pop, value)) >= 0) {
        a->share = place_share(c, pop->areas[i].people);
        from = pop->areas[i].level + 1;
        areas = NULL;
        *source = "places.tsv (summed over the area's places)";
        /* climb from the area: find a place inside it for its parents */
        for (size_t p = 0; p < pop->nplaces && !areas; p++)
            if (pop->places[p].area[pop->areas[i].level] == i)
                areas = pop->places[p].area;
    } else {
        return 0; /* not in the gazetteer: unknown, reported */
    }
    for (int lv = from; areas && lv < AREA_LEVELS; lv++)
        ladder_add(l, place_share(c, pop->areas[areas[lv]].people),
                   pop->areas[areas[lv]].name);
    return 0;
}

static const char *const decade_label[] = {
    "a child",       "in their teens",   "in their twenties",
    "in their thirties", "in their forties", "in their fifties",
    "in their sixties", "in their seventies", "in their eighties",
    "in their nineties", "over 100",
};

static const struct { const char *word; int from, to; } decade_words[] = {
    { "teens", 13, 19 },    { "twenties", 20, 29 }, { "thirties", 30, 39 },
    { "forties", 40, 49 },  { "fifties", 50, 59 },  { "sixties", 60, 69 },
    { "seventies", 70, 79 }, { "eighties", 80, 89 }, { "nineties", 90, 99 },
};

/* "52", "50-59", "50s", "in her fifties", "Year 11", "15-year-old". */
static int parse_age(const char *v, int *from, int *to, int *school)
{
    int a, b, n = 0;

    *school = 0;
    if (sscanf(v, "year %d%n", &a, &n) == 1 && !v[n] && a >= 1 && a <= 13) {
        *from = a + 4; /* Year N in England: ages N+4 to N+5 */
        *to = a + 5;
        *school = 1;
        return 1;
    }
    if (sscanf(v, "%d-%d%n", &a, &b, &n) == 2 && !v[n] && a <= b) {
        *from = a;
        *to = b;
        return a >= 0 && b <= 110;
    }
    if (sscanf(v, "%ds%n", &a, &n) == 1 && !v[n] && a % 10 == 0) {
        *from = a;
        *to = a + 9;
        return a >= 0 && a <= 100;
    }
    if (sscanf(v, "%d%n", &a, &n) == 1 &&
        (!v[n] || !strcmp(v + n, "-year-old") || !strcmp(v + n, " year old") ||
         !strcmp(v + n, " years old"))) {
        *from = *to = a;
        return a >= 0 && a <= 110;
    }
    for (size_t i = 0; i < sizeof(decade_words) / sizeof(*decade_words); i++)
        if (strstr(v, decade_words[i].word)) {
            *from = decade_words[i].from;
            *to = decade_words[i].to;
            return 1;
        }
    return 0;
}

static const struct pop_rate *find_rate(const population *pop,
                                        const char *category, const char *v)
{
    char key[300];
    int i;

    snprintf(key, sizeof(key), "%s:%s", category, v);
    if (pop_normalise(key, sizeof(key), key) < 0)
        return NULL;
    if ((i = pop_index_get(&pop->rate_ix, key)) < 0) {
        snprintf(key, sizeof(key), "%s:*", category);
        pop_normalise(key, sizeof(key), key);
        i = pop_index_get(&pop->rate_ix, key);
    }
    return i >= 0 ? &pop->rates[i] : NULL;
}

static int price_age(population *pop, const char *v, score_attr *a,
                     suggest_ladder *l, const char **source,
                     population_facts *f)
{
    int from, to, school;
    const struct pop_rate *r;

    if (parse_age(v, &from, &to, &school)) {
        a->share = population_age_share(pop, from, to, 0);
        if (school)
            a->share *= 0.95; /* default: most of the age cohort at school */
        *source = pop->bands[0].source;
    } else if ((r = find_rate(pop, "AGE", v)) && r->age_from >= 0) {
        from = r->age_from;
        to = r->age_to;
        a->share = population_age_share(pop, from, to, 0) * r->share;
        f->in_ages = r->share;
        *source = r->source;
    } else {
        return 0;
    }
    f->age_from = from;
    f->age_to = to;
    if (to - from < 9 || from / 10 != to / 10) {
        int d = from / 10 > 10 ? 10 : from / 10;
        if (to / 10 == from / 10)
            ladder_add(l, population_age_share(pop, d * 10, d * 10 + 9, 0),
                       decade_label[d]);
    }
    if (from >= 18)
        ladder_add(l, population_age_share(pop, 18, 110, 0), "an adult");
    else
        ladder_add(l, population_age_share(pop, 0, 17, 0), "a young person");
    return 0;
}

static const char *const female_words[] = {
    "female", "woman", "she", "her", "girl", "mother", "mum", "wife",
    "daughter", "sister", "lady", "f",
};
static const char *const male_words[] = {
    "male", "man", "he", "him", "his", "boy", "father", "dad", "husband",
    "son", "brother", "gentleman", "m",
};

static int in_list(const char *v, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(v, list[i]) == 0)
            return 1;
    return 0;
}

static int price_gender(population *pop, const char *v, score_attr *a,
                        const char **source, population_facts *f)
{
    const struct pop_rate *r;

    if (in_list(v, female_words, sizeof(female_words) / sizeof(*female_words)))
        f->sex = 'F';
    else if (in_list(v, male_words, sizeof(male_words) / sizeof(*male_words)))
        f->sex = 'M';
    if (f->sex) {
        a->share = population_age_share(pop, 0, 110, f->sex);
        *source = pop->bands[0].source;
    } else if ((r = find_rate(pop, "GENDER", v))) {
        a->share = r->share;
        *source = r->source;
    }
    return 0;
}

/* The words a rewrite puts in place of a job, by SOC 2020 major group
 * ("a Polish nurse" -> "a Polish professional"; the groups' own titles,
 * "professional occupations", do not fit a sentence). */
static const char *const group_words[10] = {
    NULL,
    "manager",
    "professional",
    "skilled professional",
    "office worker",
    "tradesperson",
    "care or service worker",
    "sales or customer service worker",
    "machine operative or driver",
    "manual worker",
};

static int price_occupation(population *pop, const char *v, score_attr *a,
                            suggest_ladder *l, const char **source,
                            population_facts *f)
{
    const struct pop_rate *r = find_rate(pop, "OCCUPATION", v);

    if (!r || !(r->of > 0))
        return 0;
    a->share = r->share;
    a->count = r->count;
    a->of = r->of;
    f->female_share = r->female_share;
    *source = r->source;
    if (r->major >= 1 && r->major <= 9) /* to its SOC major group */
        ladder_add(l, pop->group_share[r->major] * pop->employed /
                          pop->uk_people,
                   group_words[r->major]);
    return 0;
}

/* "5 March", "March", "last Tuesday": a day, a month, a week. */
static int price_date(const char *v, score_attr *a, suggest_ladder *l,
                      const char **source)
{
    static const char *const months[] = {
        "jan", "feb", "mar", "apr", "may", "jun",
        "jul", "aug", "sep", "oct", "nov", "dec",
    };
    int day = 0, month = 0;

    if ((v[0] == 'p' || v[0] == 'P') &&
        (isdigit((unsigned char)v[1]) || v[1] == 't' || v[1] == 'T')) {
        a->share = 1; /* "P30Y": how long, not when */
        *source = "a duration: says how long, not when";
        return 0;
    }
    for (const char *s = v; *s; s++)
        if (isdigit((unsigned char)*s))
            day = 1;
    for (size_t i = 0; i < 12; i++)
        if (strstr(v, months[i]))
            month = 1;
    a->share = day ? 1 / 365.25 : month ? 1 / 12.0 : 1 / 52.0;
    *source = "calendar: a day 1/365, a month 1/12, otherwise a week 1/52";
    if (day)
        ladder_add(l, 1 / 12.0, "that month");
    ladder_add(l, 1 / 4.0, "recently");
    return 0;
}

static int price_rate(population *pop, const char *category, const char *v,
                      score_attr *a, const char **source,
                      population_facts *f)
{
    const struct pop_rate *r = find_rate(pop, category, v);

    if (r) {
        a->share = r->share; /* per year: a window of one year */
        *source = r->source;
        f->per_year = r->per_year;
    }
    return 0;
}

/* The kind of a named organisation from its last words ("calder
 * high", "st mary's primary school"): a base-rates row sized in members,
 * or NULL. */
static const struct pop_rate *org_kind(const population *pop, const char *v)
{
    char key[300];
    int i;

    for (const char *w = v; w; w = strchr(w, ' ')) {
        w += *w == ' ';
        snprintf(key, sizeof(key), "ORG:%s", w);
        if (pop_normalise(key, sizeof(key), key) < 0)
            continue;
        if ((i = pop_index_get(&pop->rate_ix, key)) >= 0 &&
            pop->rates[i].count > 0)
            return &pop->rates[i];
    }
    return NULL;
}

/* An organisation: the default prior, a share of the catchment; a named
 * school, university or GP surgery is no bigger than one such however
 * big the catchment ("Year 11 at Calder High" with no practice setting
 * is not 1% of the UK). */
static int price_org(population *pop, const catchment *c, const char *v,
                     score_attr *a, const char **source, population_facts *f)
{
    const struct pop_rate *kind = org_kind(pop, v), *d;

    if (!kind)
        return price_rate(pop, "ORG", v, a, source, f);
    if ((d = find_rate(pop, "ORG", "*")) != NULL && d->count == 0) {
        a->share = d->share;
        *source = d->source;
    }
    if (c->people > 0 &&
        (!(a->share > 0) || kind->count / c->people < a->share)) {
        a->share = kind->count / c->people;
        *source = kind->source;
    }
    return 0;
}

static const char *const categories[] = {
    "PLACE", "AGE", "GENDER", "OCCUPATION", "FAMILY", "HEALTH",
    "LIFE_EVENT", "ETHNICITY", "NATIONALITY", "RELIGION", "SEXUALITY",
    "LANGUAGE", "DISTINCTIVE", "ORG", "DATE", "TIME", "SESSION", "NAME",
    "CONTACT",
};

int population_price_facts(population *pop, const catchment *c,
                           const char *category, const char *value,
                           score_attr *attr, suggest_ladder *ladder,
                           const char **source, population_facts *facts)
{
    char v[256];
    const char *cat = NULL;

    for (size_t i = 0; i < sizeof(categories) / sizeof(*categories); i++)
        if (strcmp(category, categories[i]) == 0)
            cat = categories[i];
    if (!cat)
        return mosaic__error_set(MOSAIC_EFORMAT, "unknown category '%.40s'",
                                 category);
    memset(attr, 0, sizeof(*attr));
    memset(facts, 0, sizeof(*facts));
    facts->age_from = facts->age_to = -1;
    facts->female_share = -1;
    if (ladder)
        ladder->levels = 0;
    *source = NULL;
    attr->category = cat;
    attr->value = value;
    if (pop_normalise(v, sizeof(v), value ? value : "") < 0 || !v[0])
        return 0; /* nothing or too long to be a value: unknown */
    if (!strcmp(cat, "NAME") || !strcmp(cat, "CONTACT")) {
        attr->direct = 1;
        attr->share = 1;
        *source = "direct identifier: k = 1";
    } else if (!strcmp(cat, "TIME") || !strcmp(cat, "SESSION")) {
        attr->session_timing = 1;
        attr->share = 1;
        *source = "session timing: the client can recognise the post";
    } else if (!strcmp(cat, "PLACE")) {
        return price_place(pop, c, value, attr, ladder, source);
    } else if (!strcmp(cat, "AGE")) {
        return price_age(pop, v, attr, ladder, source, facts);
    } else if (!strcmp(cat, "GENDER")) {
        return price_gender(pop, v, attr, source, facts);
    } else if (!strcmp(cat, "OCCUPATION")) {
        return price_occupation(pop, v, attr, ladder, source, facts);
    } else if (!strcmp(cat, "ORG")) {
        return price_org(pop, c, v, attr, source, facts);
    } else if (!strcmp(cat, "DATE")) {
        return price_date(v, attr, ladder, source);
    } else {
        return price_rate(pop, cat, v, attr, source, facts);
    }
    return 0;
}

int population_price(population *pop, const catchment *c,
                     const char *category, const char *value,
                     score_attr *attr, suggest_ladder *ladder,
                     const char **source)
{
    population_facts f;

    return population_price_facts(pop, c, category, value, attr, ladder,
                                  source, &f);
}
