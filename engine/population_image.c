/*
 * population_image.c -- the population tables as the "population"
 * section of the reference image: fixed-width rows with string offsets
 * into one pool, and the three name indexes as table images.  Loading
 * copies the rows (a few hundred KB) and maps the indexes.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "population_tables.h"
#include "refimage.h"

struct img_head {
    uint64_t nplaces, nareas, nrates, nbands, pool_len;
    double uk_people, employed;
    double group_share[10];
    uint32_t group_title[10], group_source[10];
    uint32_t uk_source, pad;
};

struct img_place {
    double lat, lon, people;
    int32_t area[AREA_LEVELS];
    uint32_t name;
    int32_t section;
};

struct img_area {
    double people;
    uint32_t name;
    int32_t level;
};

struct img_rate {
    double share, count, of, female_share;
    uint32_t category, value, source;
    int32_t per_year, major, age_from, age_to, pad;
};

struct img_band {
    double male, female;
    int32_t from, to;
    uint32_t source, pad;
};

/* Strings pooled once each: the pool is a table's arena, opening with
 * "" at offset 0. */
static uint32_t pooled(xtable *pool, const char *s, int *rc)
{
    int r;

    if (s == NULL || *rc < 0)
        return REFIMAGE_NONE;
    if (!*s)
        return 0;
    if ((r = xtable_put(pool, s, strlen(s), 0)) < 0) {
        *rc = r;
        return REFIMAGE_NONE;
    }
    return xtable_find(pool, s, strlen(s))->key;
}

int population_image_save(const population *pop, refimage_buf *b)
{
    xtable pool = {0};
    struct img_head h;
    struct img_place *places = calloc(pop->nplaces + 1, sizeof(*places));
    struct img_area *areas = calloc(pop->nareas + 1, sizeof(*areas));
    struct img_rate *rates = calloc(pop->nrates + 1, sizeof(*rates));
    struct img_band bands[16];
    int rc = 0;

    memset(&h, 0, sizeof(h));
    memset(bands, 0, sizeof(bands));
    if (!places || !areas || !rates || xtable_intern(&pool, "", 0) != 0) {
        rc = mosaic__error_oom();
        goto done;
    }
    for (size_t i = 0; i < pop->nplaces; i++) {
        const struct pop_place *p = &pop->places[i];
        places[i] = (struct img_place){
            p->lat,    p->lon, p->people, {0}, pooled(&pool, p->name, &rc),
            p->section};
        for (int l = 0; l < AREA_LEVELS; l++)
            places[i].area[l] = p->area[l];
    }
    for (size_t i = 0; i < pop->nareas; i++)
        areas[i] = (struct img_area){
            pop->areas[i].people,
            pooled(&pool, pop->areas[i].name, &rc),
            pop->areas[i].level,
        };
    for (size_t i = 0; i < pop->nrates; i++) {
        const struct pop_rate *r = &pop->rates[i];
        rates[i] = (struct img_rate){r->share,
                                     r->count,
                                     r->of,
                                     r->female_share,
                                     pooled(&pool, r->category, &rc),
                                     pooled(&pool, r->value, &rc),
                                     pooled(&pool, r->source, &rc),
                                     r->per_year,
                                     r->major,
                                     r->age_from,
                                     r->age_to,
                                     0};
    }
    for (size_t i = 0; i < pop->nbands; i++)
        bands[i] = (struct img_band){pop->bands[i].male,
                                     pop->bands[i].female,
                                     pop->bands[i].from,
                                     pop->bands[i].to,
                                     pooled(&pool, pop->bands[i].source, &rc),
                                     0};
    for (int g = 0; g < 10; g++) {
        h.group_share[g] = pop->group_share[g];
        h.group_title[g] = pooled(&pool, pop->group_title[g], &rc);
        h.group_source[g] = pooled(&pool, pop->group_source[g], &rc);
    }
    h.uk_source = pooled(&pool, pop->uk_source, &rc);
    if (rc < 0)
        goto done;
    h.nplaces = pop->nplaces;
    h.nareas = pop->nareas;
    h.nrates = pop->nrates;
    h.nbands = pop->nbands;
    h.pool_len = pool.arena_len;
    h.uk_people = pop->uk_people;
    h.employed = pop->employed;
    if ((rc = refimage_put(b, &h, sizeof(h))) < 0 ||
        (rc = refimage_put(b, places, pop->nplaces * sizeof(*places))) < 0 ||
        (rc = refimage_put(b, areas, pop->nareas * sizeof(*areas))) < 0 ||
        (rc = refimage_put(b, rates, pop->nrates * sizeof(*rates))) < 0 ||
        (rc = refimage_put(b, bands, pop->nbands * sizeof(*bands))) < 0 ||
        (rc = refimage_put(b, pool.arena, pool.arena_len)) < 0 ||
        (rc = refimage_put_xtable(b, &pop->place_ix)) < 0 ||
        (rc = refimage_put_xtable(b, &pop->area_ix)) < 0 ||
        (rc = refimage_put_xtable(b, &pop->rate_ix)) < 0)
        goto done;
done:
    xtable_dispose(&pool);
    free(places);
    free(areas);
    free(rates);
    return rc;
}

static int bad(const refimage_cur *c, const char *why)
{
    return mosaic__error_set(MOSAIC_EFORMAT,
                             "%s: damaged reference image (population %s)",
                             c->what, why);
}

/* Every index value names a row of its table. */
static int rows_ok(const xtable *ix, size_t rows)
{
    for (size_t i = 0; i < ix->nslots; i++)
        if (ix->slots[i].klen && ix->slots[i].val >= rows)
            return 0;
    return 1;
}

static int load_rows(population *pop, refimage_cur *c, const struct img_head *h)
{
    const struct img_place *pl;
    const struct img_area *ar;
    const struct img_rate *ra;
    const struct img_band *ba;
    const char *pool;
    size_t n = (size_t)h->pool_len;
    int wrong = 0;

    if (h->nplaces > (1u << 24) || h->nareas > (1u << 24) ||
        h->nrates > (1u << 24) || h->nbands > 16 || h->pool_len == 0 ||
        h->pool_len > (1u << 30))
        return bad(c, "counts");
    if (!(pl = refimage_take(c, h->nplaces * sizeof(*pl))) ||
        !(ar = refimage_take(c, h->nareas * sizeof(*ar))) ||
        !(ra = refimage_take(c, h->nrates * sizeof(*ra))) ||
        !(ba = refimage_take(c, h->nbands * sizeof(*ba))) ||
        !(pool = refimage_take(c, n)))
        return MOSAIC_EFORMAT;
    if (pool[n - 1] != '\0')
        return bad(c, "strings");
    pop->places = calloc(h->nplaces + 1, sizeof(*pop->places));
    pop->areas = calloc(h->nareas + 1, sizeof(*pop->areas));
    pop->rates = calloc(h->nrates + 1, sizeof(*pop->rates));
    if (!pop->places || !pop->areas || !pop->rates)
        return mosaic__error_oom();
    for (size_t i = 0; i < h->nplaces; i++) {
        struct pop_place *p = &pop->places[i];
        *p = (struct pop_place){refimage_str(pool, n, pl[i].name, &wrong),
                                pl[i].lat,
                                pl[i].lon,
                                pl[i].people,
                                {0},
                                pl[i].section};
        for (int l = 0; l < AREA_LEVELS; l++) {
            p->area[l] = pl[i].area[l];
            wrong |= p->area[l] < 0 || (uint64_t)p->area[l] >= h->nareas;
        }
        wrong |= p->name == NULL;
    }
    for (size_t i = 0; i < h->nareas; i++) {
        pop->areas[i] =
            (struct pop_area){refimage_str(pool, n, ar[i].name, &wrong),
                              ar[i].level, ar[i].people};
        wrong |= pop->areas[i].name == NULL || ar[i].level < 0 ||
                 ar[i].level >= AREA_LEVELS;
    }
    for (size_t i = 0; i < h->nrates; i++) {
        const struct img_rate *r = &ra[i];
        pop->rates[i] =
            (struct pop_rate){refimage_str(pool, n, r->category, &wrong),
                              refimage_str(pool, n, r->value, &wrong),
                              refimage_str(pool, n, r->source, &wrong),
                              r->share,
                              r->count,
                              r->of,
                              r->female_share,
                              r->per_year,
                              r->major,
                              r->age_from,
                              r->age_to};
        wrong |= !pop->rates[i].category || !pop->rates[i].value ||
                 r->major < 0 || r->major > 9;
    }
    for (size_t i = 0; i < h->nbands; i++) {
        pop->bands[i] =
            (struct pop_band){ba[i].from, ba[i].to, ba[i].male, ba[i].female,
                              refimage_str(pool, n, ba[i].source, &wrong)};
        wrong |= ba[i].to < ba[i].from;
    }
    for (int g = 0; g < 10; g++) {
        pop->group_share[g] = h->group_share[g];
        pop->group_title[g] = refimage_str(pool, n, h->group_title[g], &wrong);
        pop->group_source[g] =
            refimage_str(pool, n, h->group_source[g], &wrong);
    }
    pop->uk_source = refimage_str(pool, n, h->uk_source, &wrong);
    pop->nplaces = (size_t)h->nplaces;
    pop->nareas = (size_t)h->nareas;
    pop->nrates = (size_t)h->nrates;
    pop->nbands = (size_t)h->nbands;
    pop->uk_people = h->uk_people;
    pop->employed = h->employed;
    return wrong || !pop->nbands ? bad(c, "rows") : 0;
}

int population_image_load(population *pop, refimage *im)
{
    refimage_cur c;
    const struct img_head *h;
    int rc;

    if ((rc = refimage_section(im, "population", &c)) < 0)
        return rc;
    if ((h = refimage_take(&c, sizeof(*h))) == NULL)
        return MOSAIC_EFORMAT;
    if ((rc = load_rows(pop, &c, h)) < 0 ||
        (rc = refimage_xtable(&c, &pop->place_ix)) < 0 ||
        (rc = refimage_xtable(&c, &pop->area_ix)) < 0 ||
        (rc = refimage_xtable(&c, &pop->rate_ix)) < 0)
        return rc;
    if (!rows_ok(&pop->place_ix, pop->nplaces) ||
        !rows_ok(&pop->area_ix, pop->nareas) ||
        !rows_ok(&pop->rate_ix, pop->nrates))
        return bad(&c, "index");
    return 0;
}
