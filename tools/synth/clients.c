/*
 * clients.c -- a therapist's caseload over their history: who is in
 * therapy when (drawn from the catchment's people), what has leaked about
 * each, and at the end the true k of each leaked combination, counted in
 * the synthetic population, with the verdict DESIGN.md gives it.
 * SPDX-License-Identifier: MIT
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "therapist.h"

#define WEEK (7 * 86400)
#define CLIENT_TRUTH_MAX (256u << 20)

/* A person from the catchment, uniformly, of the therapist's age group. */
static uint32_t draw_person(const synth_therapist *t, const synth_world *w)
{
    const synth_model *m = w->m;
    size_t idx = 0;

    for (int tries = 0; tries < 200; tries++) {
        uint64_t k = (uint64_t)(gsl_rng_uniform(t->r) *
                                (double)t->catchment_population);
        for (size_t i = 0; i < t->ncatchment; i++) {
            uint32_t pl = t->catchment[i];
            uint64_t n = w->rd->places[pl].population;

            if (k < n) {
                idx = w->pop->place_start[pl] + k;
                break;
            }
            k -= n;
        }
        int age = w->pop->people[idx].age;
        if (t->young ? age >= m->young_age_min && age <= m->young_age_max
                     : age >= m->adult_age_min)
            break;
    }
    return (uint32_t)idx;
}

static void name_subject(synth_client *c, const synth_therapist *t,
                         const synth_world *w, size_t k)
{
    const synth_templates *names = &w->pb->names[c->person.sex];
    const char *name = names->lines[gsl_rng_uniform_int(t->r, names->n)];

    snprintf(c->subject.name, sizeof(c->subject.name), "%s", name);
    snprintf(c->subject.initial, sizeof(c->subject.initial), "%c.", name[0]);
    (void)k;
}

static uint32_t subject_can(const synth_client *c, const synth_world *w)
{
    const synth_person *p = &c->person;
    uint32_t can = NEED_PLACE | NEED_NAME | NEED_AGE;

    if (c->subject.job >= 0) {
        can |= NEED_JOB;
        if (w->pb->jobs[c->subject.job].ndoes)
            can |= NEED_JOBDOES;
    }
    for (size_t j = 0; j < w->rd->nrates; j++) {
        if (w->attr_of[j] < 0 || !(p->flags[j / 64] >> (j % 64) & 1))
            continue;
        can |= w->rd->rates[j].category == CAT_FAMILY   ? NEED_FAMILY
               : w->rd->rates[j].category == CAT_HEALTH ? NEED_HEALTH
                                                        : NEED_EVENT;
    }
    return can;
}

static int add_client(synth_therapist *t, const synth_world *w, int64_t start,
                      int64_t end, size_t *cap)
{
    synth_client *c;

    if (t->nclients == *cap) {
        size_t ncap = *cap ? *cap * 2 : 64;
        synth_client *n = realloc(t->clients, ncap * sizeof(*n));
        if (n == NULL)
            return mosaic__error_oom();
        t->clients = n;
        *cap = ncap;
    }
    c = &t->clients[t->nclients++];
    memset(c, 0, sizeof(*c));
    c->person = w->pop->people[draw_person(t, w)];
    c->subject.person = &c->person;
    c->subject.job = c->person.occ == SYNTH_NO_OCC ? -1
                                                   : w->job_of[c->person.occ];
    c->start = start;
    c->end = end;
    c->weight = gsl_ran_gamma(t->r, 0.6, 1.0); /* a few clients stay with us */
    query_init(&c->leaked);
    c->posts = (strbuf)STRBUF_INIT(CLIENT_TRUTH_MAX);
    name_subject(c, t, w, t->nclients);
    c->subject.can = subject_can(c, w);
    return 0;
}

int clients_schedule(synth_therapist *t, const synth_world *w)
{
    const synth_model *m = w->m;
    size_t cap = 0;
    int error = 0;

    /* caseload slots, each a run of clients one after another */
    for (int slot = 0; slot < m->caseload && error == 0; slot++) {
        int64_t at = t->start - (int64_t)(gsl_rng_uniform(t->r) *
                                          m->therapy_weeks_max * WEEK);
        while (at < t->end && error == 0) {
            int weeks = m->therapy_weeks_min +
                        (int)gsl_rng_uniform_int(
                            t->r, (unsigned long)(m->therapy_weeks_max -
                                                  m->therapy_weeks_min + 1));
            int64_t end = at + (int64_t)weeks * WEEK;

            error = add_client(t, w, at, end, &cap);
            at = end + (int64_t)(gsl_rng_uniform(t->r) * 2 * WEEK);
        }
    }
    for (size_t i = 0; i < t->nclients; i++) /* the array has moved */
        t->clients[i].subject.person = &t->clients[i].person;
    return error;
}

void clients_free(synth_therapist *t)
{
    for (size_t i = 0; i < t->nclients; i++)
        strbuf_dispose(&t->clients[i].posts);
    free(t->clients);
    t->clients = NULL;
    t->nclients = 0;
}

synth_client *clients_pick(synth_therapist *t, int64_t at)
{
    double total = 0, x;

    for (size_t i = 0; i < t->nclients; i++)
        if (t->clients[i].start <= at && at <= t->clients[i].end + 2 * WEEK)
            total += t->clients[i].weight;
    if (total <= 0)
        return NULL;
    x = gsl_rng_uniform(t->r) * total;
    for (size_t i = 0; i < t->nclients; i++) {
        synth_client *c = &t->clients[i];
        if (c->start <= at && at <= c->end + 2 * WEEK && (x -= c->weight) < 0)
            return c;
    }
    return NULL;
}

void clients_absorb(synth_client *c, const synth_post *p)
{
    synth_query *q = &c->leaked;

    for (size_t i = 0; i < p->nspans; i++) {
        const synth_span *s = &p->spans[i];

        if (s->negative)
            continue;
        c->leaked_cats |= 1u << s->category;
        switch (s->category) {
        case CAT_PLACE:
            if (!c->place_value[0] ||
                s->place_hi - s->place_lo < q->place_hi - q->place_lo)
                snprintf(c->place_value, sizeof(c->place_value), "%s",
                         s->value);
            q->place_lo = s->place_lo > q->place_lo ? s->place_lo
                                                    : q->place_lo;
            q->place_hi = s->place_hi < q->place_hi ? s->place_hi
                                                    : q->place_hi;
            break;
        case CAT_AGE:
            q->age_lo = s->age_lo > q->age_lo ? s->age_lo : q->age_lo;
            q->age_hi = s->age_hi < q->age_hi ? s->age_hi : q->age_hi;
            break;
        case CAT_GENDER: q->sex = c->person.sex; break;
        case CAT_OCCUPATION: q->occ = s->occ; break;
        case CAT_FAMILY:
        case CAT_HEALTH:
        case CAT_LIFE_EVENT:
            if (s->flag >= 0)
                q->flags[s->flag / 64] |= UINT64_C(1) << (s->flag % 64);
            break;
        default: break;
        }
    }
    c->direct |= p->direct;
    c->self_recognition |= p->self_recognition;
}

static int put_leaked(strbuf *out, const synth_client *c,
                      const synth_world *w)
{
    const synth_query *q = &c->leaked;
    int error = strbuf_puts(out, "\"leaked\":[");
    const char *sep = "";

#define ITEM(cat, val)                                                     \
    do {                                                                   \
        if (error == 0 &&                                                  \
            (error = strbuf_printf(out, "%s{\"category\":\"%s\",\"value\":", \
                                   sep, cat)) == 0 &&                      \
            (error = json_put_string(out, val, strlen(val))) == 0)         \
            error = strbuf_putc(out, '}');                                 \
        sep = ",";                                                         \
    } while (0)
    char age[32];
    if (c->leaked_cats & 1u << CAT_PLACE)
        ITEM("PLACE", c->place_value);
    if (c->leaked_cats & 1u << CAT_AGE) {
        snprintf(age, sizeof(age), "%d-%d", q->age_lo, q->age_hi);
        ITEM("AGE", age);
    }
    if (q->sex >= 0)
        ITEM("GENDER", q->sex == SEX_MALE ? "male" : "female");
    if (q->occ >= 0)
        ITEM("OCCUPATION", w->rd->occ[q->occ].name);
    for (size_t j = 0; j < w->rd->nrates; j++)
        if (q->flags[j / 64] >> (j % 64) & 1)
            ITEM(synth_category_name(w->rd->rates[j].category),
                 w->rd->rates[j].value);
    if (c->direct)
        ITEM("NAME", c->subject.name);
#undef ITEM
    return error < 0 ? error : strbuf_puts(out, "],");
}

static int put_true(strbuf *out, const synth_client *c, const synth_world *w)
{
    const synth_person *p = &c->person;
    int error = strbuf_printf(out, "\"true\":{\"sex\":\"%s\",\"age\":%d,"
                                   "\"place\":",
                              p->sex == SEX_MALE ? "male" : "female", p->age);
    const char *place = w->rd->places[p->place].name;

    if (error == 0)
        error = json_put_string(out, place, strlen(place));
    if (error == 0)
        error = strbuf_puts(out, ",\"occupation\":");
    if (error == 0 && p->occ == SYNTH_NO_OCC)
        error = strbuf_puts(out, "null");
    else if (error == 0)
        error = json_put_string(out, w->rd->occ[p->occ].name,
                                strlen(w->rd->occ[p->occ].name));
    if (error == 0)
        error = strbuf_puts(out, ",\"attributes\":[");
    for (size_t j = 0, n = 0; j < w->rd->nrates && error == 0; j++) {
        if (!(p->flags[j / 64] >> (j % 64) & 1))
            continue;
        if (n++ && (error = strbuf_putc(out, ',')) < 0)
            break;
        error = json_put_string(out, w->rd->rates[j].value,
                                strlen(w->rd->rates[j].value));
    }
    return error < 0 ? error : strbuf_puts(out, "]},");
}

/* Clients in therapy at the same time as c who match its leaks
 * without place: who a spouse or colleague could confuse it with. */
static uint64_t insider_count(const synth_therapist *t,
                              const synth_client *c)
{
    uint64_t k = 0;

    for (size_t i = 0; i < t->nclients; i++) {
        const synth_client *o = &t->clients[i];
        if (o->start <= c->end && c->start <= o->end &&
            query_matches(&c->leaked, &o->person, 0))
            k++;
    }
    return k;
}

static int client_truth(strbuf *out, const synth_therapist *t,
                        const synth_client *c, size_t i,
                        const synth_world *w)
{
    uint64_t k = population_count(w->pop, t->catchment, t->ncatchment,
                                   &c->leaked);
    uint64_t ki = insider_count(t, c);
    const char *verdict =
        k < (uint64_t)w->m->k_min || c->direct     ? "HIGH"
        : ki < 2 || c->self_recognition            ? "MEDIUM"
                                                   : "LOW";
    char from[32], to[32];
    int error;

    if (k == 0)
        return mosaic__error_set(MOSAIC_ERROR,
                                 "internal: client %s-c%04zu does not "
                                 "match its own leaks", t->id, i);
    if (w->verify && k != population_count_slow(w->pop, t->catchment,
                                                t->ncatchment, &c->leaked))
        return mosaic__error_set(MOSAIC_ERROR,
                                 "internal: client %s-c%04zu: indexed count "
                                 "%" PRIu64 " differs from a full scan", t->id,
                                 i, k);
    fmt_iso_time(from, sizeof(from), c->start);
    fmt_iso_time(to, sizeof(to), c->end);
    if ((error = strbuf_printf(out, "{\"id\":\"%s-c%04zu\",", t->id, i)) < 0 ||
        (error = put_true(out, c, w)) < 0 ||
        (error = strbuf_printf(out, "\"therapy\":{\"start\":\"%s\",\"end\":"
                                    "\"%s\"},\"posts\":[", from, to)) < 0 ||
        (error = strbuf_put(out, strbuf_str(&c->posts), c->posts.len)) < 0 ||
        (error = strbuf_puts(out, "],")) < 0 ||
        (error = put_leaked(out, c, w)) < 0)
        return error;
    return strbuf_printf(out,
                         "\"k_true\":%" PRIu64 ",\"k_insider\":%" PRIu64
                         ",\"direct_identifier\":%s,\"self_recognition\":%s,"
                         "\"verdict\":\"%s\"}",
                         k, ki, c->direct ? "true" : "false",
                         c->self_recognition ? "true" : "false", verdict);
}

int clients_truth(strbuf *out, const synth_therapist *t,
                  const synth_world *w)
{
    int error = strbuf_puts(out, "\"clients\":[");
    size_t n = 0;

    for (size_t i = 0; i < t->nclients && error == 0; i++) {
        if (t->clients[i].nposts == 0)
            continue;
        if (n++ && (error = strbuf_puts(out, ",\n")) < 0)
            break;
        error = client_truth(out, t, &t->clients[i], i, w);
    }
    return error < 0 ? error : strbuf_puts(out, "]");
}
