/*
 * model.c -- the generator's parameters, read from corpus/synth/model.txt
 * ("key<TAB>value" lines), so no figure lives in the C.
 * SPDX-License-Identifier: MIT
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "synth.h"

static const char *const kind_names[KIND_COUNT] = {
    "client", "followup", "cpd", "selfcare", "reflection",
    "own_life", "reply", "placeword", "aggregate", "hypothetical",
};

const char *post_kind_name(int kind)
{
    return kind >= 0 && kind < KIND_COUNT ? kind_names[kind] : "?";
}

static const char *const category_names[CAT_COUNT] = {
    "PLACE", "AGE", "GENDER", "OCCUPATION", "FAMILY",
    "HEALTH", "LIFE_EVENT", "DATE", "SESSION", "NAME",
};

const char *synth_category_name(int cat)
{
    return cat >= 0 && cat < CAT_COUNT ? category_names[cat] : "?";
}

int synth_category_parse(const char *name)
{
    for (int i = 0; i < CAT_COUNT; i++)
        if (strcmp(category_names[i], name) == 0)
            return i;
    return -1;
}

enum { T_INT, T_DOUBLE, T_DATE };

#define F(name, type) { #name, type, offsetof(synth_model, name) }
static const struct {
    const char *key;
    int type;
    size_t offset;
} fields[] = {
    F(radius_km, T_DOUBLE), F(k_min, T_INT), F(caseload, T_INT),
    F(work_age_min, T_INT), F(work_age_max, T_INT),
    F(history_days_min, T_INT), F(history_days_max, T_INT),
    F(therapy_weeks_min, T_INT), F(therapy_weeks_max, T_INT),
    F(young_share, T_DOUBLE), F(young_age_min, T_INT),
    F(young_age_max, T_INT), F(adult_age_min, T_INT),
    F(lowercase_share, T_DOUBLE), F(typo_share, T_DOUBLE),
    F(emoji_share, T_DOUBLE), F(hashtag_share, T_DOUBLE),
    F(placetag_share, T_DOUBLE), F(thread_share, T_DOUBLE),
    F(x_share_min, T_DOUBLE), F(x_share_max, T_DOUBLE),
    F(posts_per_therapist, T_INT), F(end_date, T_DATE),
};
#undef F

static int set_field(synth_model *m, const char *key, const char *val,
                     const char *path)
{
    char *end;

    for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
        char *dst = (char *)m + fields[i].offset;

        if (strcmp(fields[i].key, key) != 0)
            continue;
        if (fields[i].type == T_DATE) {
            if (parse_date(val) < 0)
                break;
            snprintf(dst, sizeof(m->end_date), "%s", val);
            return 0;
        }
        double d = strtod(val, &end);
        if (end == val || *end != '\0')
            break;
        if (fields[i].type == T_INT)
            *(int *)(void *)dst = (int)d;
        else
            *(double *)(void *)dst = d;
        return 0;
    }
    for (int k = 0; k < KIND_COUNT; k++) {
        char name[64];

        snprintf(name, sizeof(name), "share_%s", kind_names[k]);
        if (strcmp(name, key) == 0) {
            m->kind_share[k] = strtod(val, &end);
            if (end != val && *end == '\0' && m->kind_share[k] >= 0)
                return 0;
        }
    }
    return mosaic__error_set(MOSAIC_EFORMAT, "%s: bad setting '%s'", path,
                             key);
}

int model_load(synth_model *m, const char *path)
{
    tsv_table t;
    int error;

    memset(m, 0, sizeof(*m));
    if ((error = tsv_load(&t, path, 0)) < 0)
        return error;
    for (size_t i = 0; i < t.nrows && error == 0; i++)
        error = set_field(m, tsv_get(&t, i, 0), tsv_get(&t, i, 1), path);
    tsv_free(&t);
    if (error == 0 && (m->radius_km <= 0 || m->caseload < 1 ||
                       m->work_age_max < m->work_age_min ||
                       m->history_days_max < m->history_days_min ||
                       m->history_days_min < 1 ||
                       m->therapy_weeks_max < m->therapy_weeks_min ||
                       m->therapy_weeks_min < 1 ||
                       m->posts_per_therapist < 1 || !m->end_date[0]))
        error = mosaic__error_set(MOSAIC_EFORMAT,
                                  "%s: a setting is missing or out of range",
                                  path);
    return error;
}
