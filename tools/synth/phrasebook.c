/*
 * phrasebook.c -- the generator's phrasing material from corpus/synth:
 * post templates per kind, client cues, pronouns, ages, jobs, attribute
 * phrasings, relative dates, session cues, names and hashtags.
 * SPDX-License-Identifier: MIT
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "datadir.h"
#include "error.h"
#include "synth.h"

static int load_lines(synth_templates *t, const char *dir, const char *name,
                      int needs)
{
    char path[1024];
    int error;

    memset(t, 0, sizeof(*t));
    if ((error = datadir_path(path, sizeof(path), dir, name)) < 0 ||
        (error = tsv_load(&t->table, path, 0)) < 0)
        return error;
    if (t->table.nrows == 0)
        return mosaic__error_set(MOSAIC_EFORMAT, "%s: no lines", path);
    t->n = t->table.nrows;
    t->lines = calloc(t->n, sizeof(*t->lines));
    t->needs = calloc(t->n, sizeof(*t->needs));
    if (t->lines == NULL || t->needs == NULL)
        return mosaic__error_oom();
    for (size_t i = 0; i < t->n; i++) {
        t->lines[i] = t->table.rows[i][0];
        /* a template line may hold a tab only by mistake: keep it whole */
        for (char **f = t->table.rows[i] + 1; *f; f++)
            (*f)[-1] = ' ';
        if (needs)
            t->needs[i] = compose_needs(t->lines[i]);
    }
    return 0;
}

static void free_lines(synth_templates *t)
{
    free(t->lines);
    free(t->needs);
    tsv_free(&t->table);
}

static int load_tsv(tsv_table *t, const char *dir, const char *name,
                    const char *cols)
{
    char path[1024];
    int error;

    if ((error = datadir_path(path, sizeof(path), dir, name)) < 0 ||
        (error = tsv_load(t, path, 1)) < 0)
        return error;
    for (const char *c = cols; *c;) { /* every named column must exist */
        size_t len = strcspn(c, ",");
        char want[64];

        snprintf(want, sizeof(want), "%.*s", (int)len, c);
        if (tsv_column(t, want) < 0)
            return mosaic__error_set(MOSAIC_EFORMAT, "%s: no column '%s'",
                                     path, want);
        c += len + (c[len] == ',');
    }
    return 0;
}

static int load_jobs(synth_phrasebook *pb, const char *dir)
{
    tsv_table *t = &pb->job_table;
    int c_occ, c_a, c_does, error;

    if ((error = load_tsv(t, dir, "synth/jobs.tsv", "occupation,a_job,does")) <
        0)
        return error;
    c_occ = tsv_column(t, "occupation");
    c_a = tsv_column(t, "a_job");
    c_does = tsv_column(t, "does");
    if ((pb->jobs = calloc(t->nrows + 1, sizeof(*pb->jobs))) == NULL)
        return mosaic__error_oom();
    for (size_t i = 0; i < t->nrows; i++) {
        synth_job_phrase *j = &pb->jobs[pb->njobs++];
        char *does = tsv_get(t, i, c_does);
        size_t n = 0;

        j->key = tsv_get(t, i, c_occ);
        j->a_job = tsv_get(t, i, c_a);
        if (!does[0])
            continue;
        for (char *c = does; *c; c++)
            n += *c == '|';
        if ((j->does = calloc(n + 2, sizeof(char *))) == NULL)
            return mosaic__error_oom();
        for (char *c = does, *bar; c; c = bar) {
            if ((bar = strchr(c, '|')) != NULL)
                *bar++ = '\0';
            if (*c)
                j->does[j->ndoes++] = c;
        }
    }
    return 0;
}

static int load_ages(synth_phrasebook *pb, const char *dir)
{
    tsv_table *t = &pb->age_table;
    int c_kind, c_lo, c_hi, c_ph, error;

    if ((error = load_tsv(t, dir, "synth/ages.tsv", "kind,lo,hi,phrase")) < 0)
        return error;
    c_kind = tsv_column(t, "kind");
    c_lo = tsv_column(t, "lo");
    c_hi = tsv_column(t, "hi");
    c_ph = tsv_column(t, "phrase");
    if ((pb->ages = calloc(t->nrows + 1, sizeof(*pb->ages))) == NULL)
        return mosaic__error_oom();
    for (size_t i = 0; i < t->nrows; i++) {
        const char *kind = tsv_get(t, i, c_kind);
        int lo = atoi(tsv_get(t, i, c_lo)), hi = atoi(tsv_get(t, i, c_hi));
        char *ph = tsv_get(t, i, c_ph);

        if (strcmp(kind, "decadeword") == 0) {
            if (lo >= 0 && lo <= 10)
                pb->decade[lo] = ph;
            continue;
        }
        synth_age_phrase *a = &pb->ages[pb->nages++];
        a->kind = strcmp(kind, "exact") == 0    ? 0
                  : strcmp(kind, "decade") == 0 ? 1
                                                : 2;
        a->lo = lo;
        a->hi = hi;
        a->phrase = ph;
        if (hi < lo || !ph[0] || (strcmp(kind, "range") && a->kind == 2))
            return mosaic__error_set(MOSAIC_EFORMAT,
                                     "%s: line %zu: bad age phrase", t->path,
                                     i + 2);
    }
    return 0;
}

static const struct {
    int kind;
    const char *file;
} kind_files[] = {
    {KIND_CLIENT, "synth/client.txt"},
    {KIND_FOLLOWUP, "synth/followup.txt"},
    {KIND_CPD, "synth/cpd.txt"},
    {KIND_SELFCARE, "synth/selfcare.txt"},
    {KIND_REFLECTION, "synth/reflection.txt"},
    {KIND_OWN_LIFE, "synth/own_life.txt"},
    {KIND_REPLY, "synth/reply.txt"},
    {KIND_PLACEWORD, "synth/placeword.txt"},
    {KIND_AGGREGATE, "synth/aggregate.txt"},
    {KIND_HYPOTHETICAL, "synth/hypothetical.txt"},
};

int phrasebook_load(synth_phrasebook *pb, const char *dir)
{
    int error = 0;

    memset(pb, 0, sizeof(*pb));
    for (size_t i = 0; i < KIND_COUNT && error == 0; i++)
        error = load_lines(&pb->kinds[kind_files[i].kind], dir,
                           kind_files[i].file, 1);
    if (error < 0 ||
        (error = load_lines(&pb->cues_adult, dir, "synth/cues_adult.txt",
                            0)) < 0 ||
        (error = load_lines(&pb->cues_young, dir, "synth/cues_young.txt",
                            0)) < 0 ||
        (error = load_lines(&pb->hashtags, dir, "synth/hashtags.txt", 0)) <
            0 ||
        (error = load_lines(&pb->emoji, dir, "synth/emoji.txt", 0)) < 0 ||
        (error = load_lines(&pb->surnames, dir, "synth/surnames.txt", 0)) <
            0 ||
        (error = load_lines(&pb->names[SEX_FEMALE], dir,
                            "synth/names_female.txt", 0)) < 0 ||
        (error = load_lines(&pb->names[SEX_MALE], dir,
                            "synth/names_male.txt", 0)) < 0 ||
        (error = load_lines(&pb->handles, dir, "synth/handles.txt", 0)) < 0 ||
        (error = load_lines(&pb->bios, dir, "synth/bios.txt", 0)) < 0 ||
        (error = load_tsv(&pb->gender, dir, "synth/gender.tsv",
                          "slot,female,male")) < 0 ||
        (error = load_tsv(&pb->when, dir, "synth/when.tsv",
                          "phrase,unit,amount,timing")) < 0 ||
        (error = load_tsv(&pb->session, dir, "synth/session.tsv",
                          "phrase,timing")) < 0 ||
        (error = load_tsv(&pb->attr, dir, "synth/attributes.tsv",
                          "category,value,sex,age_min,age_max,phrases")) < 0 ||
        (error = load_jobs(pb, dir)) < 0 || (error = load_ages(pb, dir)) < 0)
        phrasebook_free(pb);
    return error;
}

void phrasebook_free(synth_phrasebook *pb)
{
    for (int k = 0; k < KIND_COUNT; k++)
        free_lines(&pb->kinds[k]);
    free_lines(&pb->cues_adult);
    free_lines(&pb->cues_young);
    free_lines(&pb->hashtags);
    free_lines(&pb->emoji);
    free_lines(&pb->surnames);
    free_lines(&pb->names[0]);
    free_lines(&pb->names[1]);
    free_lines(&pb->handles);
    free_lines(&pb->bios);
    tsv_free(&pb->gender);
    tsv_free(&pb->when);
    tsv_free(&pb->session);
    tsv_free(&pb->attr);
    for (size_t i = 0; i < pb->njobs; i++)
        free(pb->jobs[i].does);
    free(pb->jobs);
    free(pb->ages);
    tsv_free(&pb->job_table);
    tsv_free(&pb->age_table);
    memset(pb, 0, sizeof(*pb));
}

/* "Nurses" and "nurse", "Bus drivers" and "bus driver" are one job. */
static int same_name(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);

    if (la > 1 && tolower((unsigned char)a[la - 1]) == 's')
        la--;
    if (lb > 1 && tolower((unsigned char)b[lb - 1]) == 's')
        lb--;
    return la == lb && strncasecmp(a, b, la) == 0;
}

int phrasebook_bind(synth_phrasebook *pb, synth_refdata *rd, int **job_of,
                    int **attr_of)
{
    int c_cat = tsv_column(&pb->attr, "category"),
        c_val = tsv_column(&pb->attr, "value"),
        c_sex = tsv_column(&pb->attr, "sex"),
        c_lo = tsv_column(&pb->attr, "age_min"),
        c_hi = tsv_column(&pb->attr, "age_max");

    *job_of = calloc(rd->nocc + 1, sizeof(int));
    *attr_of = calloc(rd->nrates + 1, sizeof(int));
    if (*job_of == NULL || *attr_of == NULL)
        return mosaic__error_oom();
    for (size_t o = 0; o < rd->nocc; o++) {
        (*job_of)[o] = -1;
        for (size_t j = 0; j < pb->njobs && (*job_of)[o] < 0; j++)
            if (same_name(pb->jobs[j].key, rd->occ[o].name))
                (*job_of)[o] = (int)j;
    }
    for (size_t r = 0; r < rd->nrates; r++) {
        synth_rate *rt = &rd->rates[r];

        (*attr_of)[r] = -1;
        for (size_t i = 0; i < pb->attr.nrows; i++) {
            const char *sex = tsv_get(&pb->attr, i, c_sex);

            if (synth_category_parse(tsv_get(&pb->attr, i, c_cat)) !=
                    rt->category ||
                strcasecmp(tsv_get(&pb->attr, i, c_val), rt->value) != 0)
                continue;
            (*attr_of)[r] = (int)i;
            rt->sex = sex[0] == 'f' ? SEX_FEMALE
                      : sex[0] == 'm' ? SEX_MALE
                                      : -1;
            rt->age_min = atoi(tsv_get(&pb->attr, i, c_lo));
            rt->age_max = atoi(tsv_get(&pb->attr, i, c_hi));
            if (rt->age_max <= 0 || rt->age_max > SYNTH_AGE_MAX)
                rt->age_max = SYNTH_AGE_MAX;
            break;
        }
    }
    return 0;
}

size_t phrasebook_attr_phrases(const synth_phrasebook *pb, size_t row,
                               const char **out, size_t max)
{
    static _Thread_local char copy[4096];
    const char *all = tsv_get(&pb->attr, row, tsv_column(&pb->attr,
                                                         "phrases"));
    size_t n = 0;

    snprintf(copy, sizeof(copy), "%s", all);
    for (char *c = copy, *bar; c && n < max; c = bar) {
        if ((bar = strchr(c, '|')) != NULL)
            *bar++ = '\0';
        if (*c)
            out[n++] = c;
    }
    return n;
}
