/*
 * compose.c -- one post from a template: slots filled from the client's
 * true attributes (each fill recorded as a leak span), from the
 * therapist's own life or from random values (recorded as hard
 * negatives), then the noise real posts have: hashtags, emoji, lower
 * case, typos.
 * SPDX-License-Identifier: MIT
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "error.h"
#include "synth.h"

#define POST_MAX (64u << 10)
#define DEPTH_MAX 4

static const char *const weekdays[7] = {
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday",
};
static const char *const months[12] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
};

void post_init(synth_post *p)
{
    memset(p, 0, sizeof(*p));
    p->text = (strbuf)STRBUF_INIT(POST_MAX);
}

void post_dispose(synth_post *p)
{
    strbuf_dispose(&p->text);
}

static size_t pick(gsl_rng *r, size_t n)
{
    return n ? (size_t)gsl_rng_uniform_int(r, (unsigned long)n) : 0;
}

static synth_span *span_open(synth_post *p, int cat, int negative,
                             const char *style)
{
    synth_span *s;

    if (p->nspans == SYNTH_MAX_SPANS) {
        p->overflow = 1;
        return NULL;
    }
    s = &p->spans[p->nspans++];
    memset(s, 0, sizeof(*s));
    s->category = cat;
    s->negative = negative;
    s->style = style;
    s->start = p->text.len;
    s->place_lo = 0;
    s->place_hi = UINT32_MAX;
    s->age_lo = 0;
    s->age_hi = SYNTH_AGE_MAX;
    s->occ = -1;
    s->flag = -1;
    return s;
}

static void span_close(synth_post *p, synth_span *s)
{
    if (s)
        s->end = p->text.len;
}

static int expand(synth_post *p, const synth_compose *c, const char *t,
                  int depth);

/* Expand a phrase inside a span of category cat. */
static int put_span(synth_post *p, const synth_compose *c, int cat,
                    int negative, const char *style, const char *phrase,
                    const char *value, synth_span **out)
{
    synth_span *s = span_open(p, cat, negative, style);
    int error = expand(p, c, phrase, DEPTH_MAX - 1);

    if (s)
        snprintf(s->value, sizeof(s->value), "%s", value);
    span_close(p, s);
    if (out)
        *out = s;
    return error;
}

/* ---- the client's attributes ---- */

static int slot_gender(synth_post *p, const synth_compose *c, int row,
                       int sex, int negative)
{
    const tsv_table *g = &c->pb->gender;
    const char *word = tsv_get(g, (size_t)row, sex == SEX_MALE ? 2 : 1);
    synth_span *s = span_open(p, CAT_GENDER, negative, "pronoun");
    int error = strbuf_puts(&p->text, word);

    if (s)
        snprintf(s->value, sizeof(s->value), "%s",
                 sex == SEX_MALE ? "male" : "female");
    span_close(p, s);
    return error;
}

static int gender_row(const synth_compose *c, const char *name)
{
    for (size_t i = 0; i < c->pb->gender.nrows; i++)
        if (strcmp(tsv_get(&c->pb->gender, i, 0), name) == 0)
            return (int)i;
    return -1;
}

/* Place range of a district or county: places are sorted by them. */
static void area_range(const synth_refdata *rd, uint32_t place, int county,
                       uint32_t *lo, uint32_t *hi)
{
    const synth_place *pl = rd->places;
    uint32_t key = county ? pl[place].county : pl[place].district;

    *lo = *hi = place;
    while (*lo > 0 && (county ? pl[*lo - 1].county : pl[*lo - 1].district) ==
                          key && pl[*lo - 1].county == pl[place].county)
        (*lo)--;
    while (*hi < rd->nplaces &&
           (county ? pl[*hi].county : pl[*hi].district) == key &&
           pl[*hi].county == pl[place].county)
        (*hi)++;
}

/* "Hebden Bridge" -> "#HebdenBridge" */
static int put_tag(strbuf *sb, const char *name)
{
    int error = strbuf_putc(sb, '#');

    for (const char *s = name; *s && error == 0; s++)
        if (isalnum((unsigned char)*s) || ((unsigned char)*s & 0x80))
            error = strbuf_putc(sb, *s);
    return error;
}

static int slot_place(synth_post *p, const synth_compose *c, uint32_t place,
                      const char *style, int negative)
{
    const synth_place *pl = &c->rd->places[place];
    synth_span *s = span_open(p, CAT_PLACE, negative, style);
    int error;

    if (strcmp(style, "hashtag") == 0)
        error = put_tag(&p->text, pl->name);
    else if (strcmp(style, "area") == 0) {
        int county = pl->district == pl->county ||
                     strcmp(c->rd->names[pl->district], pl->name) == 0 ||
                     gsl_rng_uniform(c->r) < 0.3;
        uint32_t key = county ? pl->county : pl->district;

        error = strbuf_puts(&p->text, c->rd->names[key]);
        if (s) {
            snprintf(s->value, sizeof(s->value), "%s", c->rd->names[key]);
            area_range(c->rd, place, county, &s->place_lo, &s->place_hi);
        }
        span_close(p, s);
        return error;
    } else if (pl->alt && gsl_rng_uniform(c->r) < 0.1) {
        error = strbuf_puts(&p->text, pl->alt);
        if (s)
            s->style = "alt_name";
    } else
        error = strbuf_puts(&p->text, pl->name);
    if (s) {
        snprintf(s->value, sizeof(s->value), "%s", pl->name);
        s->place_lo = place;
        s->place_hi = place + 1;
    }
    span_close(p, s);
    return error;
}

static int slot_job(synth_post *p, const synth_compose *c, int job, int occ,
                    int article, int negative)
{
    const synth_job_phrase *j = &c->pb->jobs[job];
    const char *text = j->a_job;
    synth_span *s;
    int error;

    if (!article) { /* "a nurse" -> "nurse" */
        const char *sp = strchr(text, ' ');
        if (sp && (strncmp(text, "a ", 2) == 0 || strncmp(text, "an ", 3) == 0))
            text = sp + 1;
    }
    s = span_open(p, CAT_OCCUPATION, negative, "direct");
    error = strbuf_puts(&p->text, text);
    if (s) {
        snprintf(s->value, sizeof(s->value), "%s",
                 occ >= 0 ? c->rd->occ[occ].name : j->key);
        s->occ = occ;
    }
    span_close(p, s);
    return error;
}

static int slot_jobdoes(synth_post *p, const synth_compose *c)
{
    const synth_subject *sub = c->subject;
    const synth_job_phrase *j = &c->pb->jobs[sub->job];
    synth_span *s = NULL;
    int error = put_span(p, c, CAT_OCCUPATION, 0, "indirect",
                         j->does[pick(c->r, j->ndoes)],
                         c->rd->occ[sub->person->occ].name, &s);

    if (s)
        s->occ = sub->person->occ;
    return error;
}

/* Age phrases that are true of age. */
static size_t age_choices(const synth_compose *c, int age, size_t *out,
                          size_t max)
{
    size_t n = 0;

    for (size_t i = 0; i < c->pb->nages && n < max; i++) {
        const synth_age_phrase *a = &c->pb->ages[i];

        if (age < a->lo || age > a->hi)
            continue;
        if (a->kind == 1 && (age / 10 > 10 || !c->pb->decade[age / 10]))
            continue;
        out[n++] = i;
    }
    return n;
}

static int slot_age(synth_post *p, const synth_compose *c, int age,
                    int negative)
{
    size_t choice[256], n = age_choices(c, age, choice, 256);
    const synth_age_phrase *a;
    char phrase[256], num[16];
    synth_span *s;
    int error;

    if (n == 0)
        return 0;
    a = &c->pb->ages[choice[pick(c->r, n)]];
    snprintf(phrase, sizeof(phrase), "%s", a->phrase);
    s = span_open(p, CAT_AGE, negative, a->kind == 0 ? "exact"
                                        : a->kind == 1 ? "decade" : "band");
    /* {n} and {decade} are filled here; gender slots by expand() */
    for (const char *t = phrase; *t;) {
        if (strncmp(t, "{n}", 3) == 0) {
            snprintf(num, sizeof(num), "%d", age);
            error = strbuf_puts(&p->text, num);
            t += 3;
        } else if (strncmp(t, "{decade}", 8) == 0) {
            error = strbuf_puts(&p->text, c->pb->decade[age / 10]);
            t += 8;
        } else {
            size_t len = strcspn(t + 1, "{") + 1;
            char part[256];

            snprintf(part, sizeof(part), "%.*s", (int)len, t);
            error = expand(p, c, part, DEPTH_MAX - 1);
            t += len;
        }
        if (error < 0)
            return error;
    }
    if (s) {
        s->age_lo = a->kind == 0 ? age : a->kind == 1 ? age / 10 * 10 : a->lo;
        s->age_hi = a->kind == 0 ? age : a->kind == 1 ? age / 10 * 10 + 9
                                                      : a->hi;
        snprintf(s->value, sizeof(s->value), "%d-%d", s->age_lo, s->age_hi);
    }
    span_close(p, s);
    return 0;
}

/* One of the client's base-rate attributes of category cat. */
static int slot_attr(synth_post *p, const synth_compose *c, int cat)
{
    const synth_person *per = c->subject->person;
    const char *phrases[32];
    size_t have[SYNTH_MAX_FLAGS], n = 0, k;
    char phrase[512];
    synth_span *s = NULL;
    int error;

    for (size_t j = 0; j < c->rd->nrates; j++)
        if (c->rd->rates[j].category == cat && c->attr_of[j] >= 0 &&
            (per->flags[j / 64] >> (j % 64) & 1))
            have[n++] = j;
    if (n == 0)
        return 0;
    k = have[pick(c->r, n)];
    n = phrasebook_attr_phrases(c->pb, (size_t)c->attr_of[k], phrases, 32);
    if (n == 0)
        return 0;
    snprintf(phrase, sizeof(phrase), "%s", phrases[pick(c->r, n)]);
    error = put_span(p, c, cat, 0, "direct", phrase, c->rd->rates[k].value,
                     &s);
    if (s)
        s->flag = (int)k;
    return error;
}

/* ---- time words ---- */

static void ymd(char *out, size_t n, int64_t t, int day)
{
    time_t tt = (time_t)t;
    struct tm tm;

    gmtime_r(&tt, &tm);
    strftime(out, n, day ? "%Y-%m-%d" : "%Y-%m", &tm);
}

static int slot_when(synth_post *p, const synth_compose *c, int negative)
{
    const tsv_table *w = &c->pb->when;
    size_t row = pick(c->r, w->nrows);
    const char *phrase = tsv_get(w, row, 0), *unit = tsv_get(w, row, 1);
    int amount = atoi(tsv_get(w, row, 2)), wd = (int)pick(c->r, 7);
    int mo = (int)pick(c->r, 12), day = 1;
    time_t now = (time_t)c->at;
    struct tm tm;
    int64_t t = c->at;
    synth_span *s;
    int error = 0;

    gmtime_r(&now, &tm);
    if (strcmp(unit, "weekday") == 0) {
        int back = (tm.tm_wday - wd + 7) % 7;
        t -= (int64_t)(back ? back : 7) * 86400;
    } else if (strcmp(unit, "day") == 0)
        t += (int64_t)amount * 86400;
    else if (strcmp(unit, "week") == 0)
        t += (int64_t)amount * 7 * 86400;
    else if (strcmp(unit, "month") == 0) {
        int back = (tm.tm_mon - mo + 12) % 12;
        t -= (int64_t)back * 30 * 86400;
        day = 0;
    } else if (strcmp(unit, "fixed") == 0) {
        int fm = 1, fd = 1;
        if (sscanf(tsv_get(w, row, 2), "%d-%d", &fm, &fd) == 2) {
            struct tm f = tm;
            f.tm_mon = fm - 1;
            f.tm_mday = fd;
            f.tm_hour = 12;
            if (timegm(&f) > c->at)
                f.tm_year--;
            t = (int64_t)timegm(&f);
        }
    }
    s = span_open(p, CAT_DATE, negative, unit);
    for (const char *q = phrase; *q && error == 0;) {
        if (strncmp(q, "{weekday}", 9) == 0)
            error = strbuf_puts(&p->text, weekdays[wd]), q += 9;
        else if (strncmp(q, "{month}", 7) == 0)
            error = strbuf_puts(&p->text, months[mo]), q += 7;
        else
            error = strbuf_putc(&p->text, *q++);
    }
    if (s)
        ymd(s->value, sizeof(s->value), t, day);
    span_close(p, s);
    if (!negative && atoi(tsv_get(w, row, 3)))
        p->self_recognition = 1;
    return error;
}

static int slot_session(synth_post *p, const synth_compose *c)
{
    const tsv_table *ss = &c->pb->session;
    size_t row = pick(c->r, ss->nrows);
    synth_span *s = span_open(p, CAT_SESSION, 0, "session");
    char hour[16];
    int error = 0;

    snprintf(hour, sizeof(hour), "%dpm", 1 + (int)pick(c->r, 7));
    for (const char *q = tsv_get(ss, row, 0); *q && error == 0;) {
        if (strncmp(q, "{hour}", 6) == 0)
            error = strbuf_puts(&p->text, hour), q += 6;
        else
            error = strbuf_putc(&p->text, *q++);
    }
    if (s)
        snprintf(s->value, sizeof(s->value), "%.*s",
                 (int)(p->text.len - s->start), p->text.ptr + s->start);
    span_close(p, s);
    if (atoi(tsv_get(ss, row, 1)))
        p->self_recognition = 1;
    return error;
}

static int slot_name(synth_post *p, const synth_compose *c, int initial)
{
    const synth_subject *sub = c->subject;
    synth_span *s = span_open(p, CAT_NAME, 0, initial ? "initial" : "name");
    int error = strbuf_puts(&p->text, initial ? sub->initial : sub->name);

    if (s)
        snprintf(s->value, sizeof(s->value), "%s", sub->name);
    span_close(p, s);
    p->direct = 1;
    return error;
}

/* ---- dispatch ---- */

static int random_job(const synth_compose *c, int *occ)
{
    *occ = -1;
    for (int tries = 0; tries < 8; tries++) {
        size_t o = pick(c->r, c->rd->nocc);
        if (c->job_of[o] >= 0) {
            *occ = (int)o;
            return c->job_of[o];
        }
    }
    return (int)pick(c->r, c->pb->njobs);
}

static const char *cue_line(const synth_compose *c)
{
    const synth_templates *t =
        c->subject && c->subject->person->age < c->m->adult_age_min
            ? &c->pb->cues_young
            : &c->pb->cues_adult;
    return t->lines[pick(c->r, t->n)];
}

/* Fill one {slot}; name is the slot without braces, lower-cased. */
static int fill(synth_post *p, const synth_compose *c, const char *name,
                int depth)
{
    const synth_subject *sub = c->subject;
    int neg = sub == NULL, g, occ;
    int sex = sub ? sub->person->sex : (int)pick(c->r, 2);

    if ((g = gender_row(c, name)) >= 0)
        return slot_gender(p, c, g, sex, neg);
    if (strcmp(name, "cue") == 0)
        return expand(p, c, cue_line(c), depth + 1);
    if (strcmp(name, "mytown") == 0)
        return slot_place(p, c, c->mytown, "own", 1);
    if (strcmp(name, "rplace") == 0)
        return slot_place(p, c, (uint32_t)pick(c->r, c->rd->nplaces), "name",
                          1);
    if (strcmp(name, "a_rjob") == 0 || strcmp(name, "rjob") == 0) {
        int j = random_job(c, &occ);
        return slot_job(p, c, j, occ, name[0] == 'a', 1);
    }
    if (strcmp(name, "rage") == 0)
        return slot_age(p, c, c->m->adult_age_min + (int)pick(c->r, 60), 1);
    if (strcmp(name, "when") == 0)
        return slot_when(p, c, neg);
    if (strcmp(name, "tag") == 0)
        return strbuf_puts(&p->text,
                           c->pb->hashtags.lines[pick(c->r, c->pb->hashtags.n)]);
    if (strcmp(name, "emoji") == 0)
        return strbuf_puts(&p->text,
                           c->pb->emoji.lines[pick(c->r, c->pb->emoji.n)]);
    if (sub == NULL)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "synth templates: {%s} in a %s post", name,
                                 post_kind_name(c->kind));
    if (strcmp(name, "place") == 0)
        return slot_place(p, c, sub->person->place, "name", 0);
    if (strcmp(name, "placetag") == 0)
        return slot_place(p, c, sub->person->place, "hashtag", 0);
    if (strcmp(name, "area") == 0)
        return slot_place(p, c, sub->person->place, "area", 0);
    if (strcmp(name, "a_job") == 0 || strcmp(name, "job") == 0)
        return sub->job < 0 ? 0 : slot_job(p, c, sub->job, sub->person->occ,
                                           name[0] == 'a', 0);
    if (strcmp(name, "jobdoes") == 0)
        return sub->job < 0 ? 0 : slot_jobdoes(p, c);
    if (strcmp(name, "age") == 0)
        return slot_age(p, c, sub->person->age, 0);
    if (strcmp(name, "family") == 0)
        return slot_attr(p, c, CAT_FAMILY);
    if (strcmp(name, "health") == 0)
        return slot_attr(p, c, CAT_HEALTH);
    if (strcmp(name, "event") == 0)
        return slot_attr(p, c, CAT_LIFE_EVENT);
    if (strcmp(name, "session") == 0)
        return slot_session(p, c);
    if (strcmp(name, "name") == 0 || strcmp(name, "initial") == 0)
        return slot_name(p, c, name[0] == 'i');
    return mosaic__error_set(MOSAIC_EFORMAT, "synth templates: unknown {%s}",
                             name);
}

/* [[CATEGORY:words]]: a decoy the therapist wrote that is not a leak. */
static int decoy(synth_post *p, const char *t, size_t len)
{
    const char *colon = memchr(t, ':', len);
    char cat[32];
    synth_span *s;
    int error;

    if (colon == NULL || (size_t)(colon - t) >= sizeof(cat))
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "synth templates: [[%.*s]] wants CATEGORY:",
                                 (int)len, t);
    snprintf(cat, sizeof(cat), "%.*s", (int)(colon - t), t);
    if (synth_category_parse(cat) < 0)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "synth templates: unknown category %s", cat);
    s = span_open(p, synth_category_parse(cat), 1, "decoy");
    error = strbuf_put(&p->text, colon + 1, len - (size_t)(colon - t) - 1);
    if (s)
        snprintf(s->value, sizeof(s->value), "%.*s",
                 (int)(len - (size_t)(colon - t) - 1), colon + 1);
    span_close(p, s);
    return error;
}

static int expand(synth_post *p, const synth_compose *c, const char *t,
                  int depth)
{
    int error = 0;

    if (depth >= DEPTH_MAX)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "synth templates: slots nested too deep");
    while (*t && error == 0) {
        const char *end;

        if (t[0] == '[' && t[1] == '[' && (end = strstr(t, "]]")) != NULL) {
            error = decoy(p, t + 2, (size_t)(end - t - 2));
            t = end + 2;
        } else if (t[0] == '{' && (end = strchr(t, '}')) != NULL &&
                   end - t < 32) {
            char name[32];
            size_t at = p->text.len;

            snprintf(name, sizeof(name), "%.*s", (int)(end - t - 1), t + 1);
            int cap = isupper((unsigned char)name[0]);
            name[0] = (char)tolower((unsigned char)name[0]);
            error = fill(p, c, name, depth);
            if (cap && p->text.len > at)
                p->text.ptr[at] = (char)toupper((unsigned char)p->text.ptr[at]);
            t = end + 1;
        } else {
            size_t len = strcspn(t + 1, "{[") + 1;
            error = strbuf_put(&p->text, t, len);
            t += len;
        }
    }
    return error;
}

uint32_t compose_needs(const char *t)
{
    static const struct {
        const char *slot;
        uint32_t need;
    } table[] = {
        {"{a_job}", NEED_JOB},      {"{A_job}", NEED_JOB},
        {"{job}", NEED_JOB},        {"{jobdoes}", NEED_JOBDOES},
        {"{age}", NEED_AGE},        {"{Age}", NEED_AGE},
        {"{family}", NEED_FAMILY},  {"{health}", NEED_HEALTH},
        {"{event}", NEED_EVENT},    {"{name}", NEED_NAME},
        {"{initial}", NEED_NAME},   {"{Name}", NEED_NAME},
        {"{place}", NEED_PLACE},    {"{placetag}", NEED_PLACE},
        {"{area}", NEED_PLACE},
    };
    uint32_t need = 0;

    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
        if (strstr(t, table[i].slot))
            need |= table[i].need;
    return need;
}

static int inside_span(const synth_post *p, size_t at)
{
    for (size_t i = 0; i < p->nspans; i++)
        if (at >= p->spans[i].start && at < p->spans[i].end + 1)
            return 1;
    return 0;
}

static void shift_spans(synth_post *p, size_t at, int delta)
{
    for (size_t i = 0; i < p->nspans; i++) {
        if (p->spans[i].start >= at)
            p->spans[i].start = (size_t)((long)p->spans[i].start + delta);
        if (p->spans[i].end >= at)
            p->spans[i].end = (size_t)((long)p->spans[i].end + delta);
    }
}

/* A slip of the thumb in a word no span touches: two letters swapped,
 * one dropped or one doubled. */
static int add_typo(synth_post *p, gsl_rng *r)
{
    char *s = p->text.ptr;

    for (int tries = 0; tries < 16; tries++) {
        size_t at = pick(r, p->text.len), op = pick(r, 3);

        if (at + 2 >= p->text.len || !isalpha((unsigned char)s[at]) ||
            !isalpha((unsigned char)s[at + 1]) ||
            !isalpha((unsigned char)s[at + 2]) || inside_span(p, at) ||
            inside_span(p, at + 2))
            continue;
        if (op == 0) {
            char tmp = s[at];
            s[at] = s[at + 1];
            s[at + 1] = tmp;
        } else if (op == 1) {
            memmove(s + at, s + at + 1, p->text.len - at);
            p->text.len--;
            shift_spans(p, at + 1, -1);
        } else {
            int error = strbuf_putc(&p->text, '\0'); /* room for one more */
            if (error < 0)
                return error;
            s = p->text.ptr;
            p->text.len--;
            memmove(s + at + 1, s + at, p->text.len - at + 1);
            p->text.len++;
            shift_spans(p, at + 1, 1);
        }
        return 0;
    }
    return 0;
}

static void to_code_points(synth_post *p)
{
    for (size_t i = 0; i < p->nspans; i++) {
        synth_span *s = &p->spans[i];

        s->cp_start = utf8_count(p->text.ptr, s->start);
        s->cp_end = s->cp_start + utf8_count(p->text.ptr + s->start,
                                             s->end - s->start);
    }
}

static size_t choose_template(const synth_compose *c,
                              const synth_templates *t)
{
    uint32_t can = c->subject ? c->subject->can : 0;

    for (int tries = 0; tries < 64; tries++) {
        size_t i = pick(c->r, t->n);
        if ((t->needs[i] & ~can) == 0)
            return i;
    }
    for (size_t i = 0; i < t->n; i++)
        if ((t->needs[i] & ~can) == 0)
            return i;
    return SIZE_MAX;
}

static int add_suffixes(synth_post *p, const synth_compose *c)
{
    const synth_model *m = c->m;
    int has_place = 0, error = 0;

    for (size_t i = 0; i < p->nspans; i++)
        has_place |= p->spans[i].category == CAT_PLACE;
    if (c->subject && !has_place && gsl_rng_uniform(c->r) < m->placetag_share)
        error = expand(p, c, " {placetag}", 0);
    if (error == 0 && gsl_rng_uniform(c->r) < m->hashtag_share)
        error = expand(p, c, " {tag}", 0);
    if (error == 0 && gsl_rng_uniform(c->r) < m->emoji_share)
        error = expand(p, c, " {emoji}", 0);
    return error;
}

int compose_post(synth_post *p, const synth_compose *c)
{
    const synth_templates *t = &c->pb->kinds[c->kind];
    size_t line = choose_template(c, t);
    int error;

    strbuf_clear(&p->text);
    p->nspans = 0;
    p->self_recognition = p->direct = p->overflow = 0;
    if (line == SIZE_MAX)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "synth templates: every %s template needs "
                                 "more than a client can give",
                                 post_kind_name(c->kind));
    if (c->mention && (error = strbuf_printf(&p->text, "@%s ", c->mention)) <
                          0)
        return error;
    if ((error = expand(p, c, t->lines[line], 0)) < 0 ||
        (error = add_suffixes(p, c)) < 0)
        return error;
    if (gsl_rng_uniform(c->r) < c->m->typo_share &&
        (error = add_typo(p, c->r)) < 0)
        return error;
    if (gsl_rng_uniform(c->r) < c->m->lowercase_share)
        for (size_t i = 0; i < p->text.len; i++)
            p->text.ptr[i] = (char)tolower((unsigned char)p->text.ptr[i]);
    to_code_points(p);
    return 0;
}
