/*
 * finding.c -- one cluster of client mentions scored as one client: the
 * worst consistent combination of what the posts reveal, its k, the
 * smallest edits that make it safe, and the finding the report shows.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <string.h>

#include "analyse.h"
#include "error.h"
#include "report.h"
#include "timefmt.h"

/* Rewriting every pronoun of a post is a large edit: suggested only when
 * nothing smaller makes the combination safe. */
#define GENDER_DROP_COST 4


/* Categories where a person has one value: the rarest one said counts
 * (a village implies its county). */
static int one_value_per_person(const char *category)
{
    static const char *const single[] = {
        "PLACE", "AGE", "GENDER", "OCCUPATION", "ETHNICITY", "NATIONALITY",
        "RELIGION", "SEXUALITY", "LANGUAGE", "ORG",
    };

    for (size_t i = 0; i < sizeof(single) / sizeof(*single); i++)
        if (strcmp(category, single[i]) == 0)
            return 1;
    return 0;
}

/* Rarer for the adversary: a known share below the other's, or known
 * against unknown. */
static int rarer(const mention_attr *a, const mention_attr *b)
{
    if (a->item.attr.direct != b->item.attr.direct)
        return a->item.attr.direct;
    if (a->item.attr.share <= 0 || b->item.attr.share <= 0)
        return a->item.attr.share > 0;
    return a->item.attr.share < b->item.attr.share;
}

typedef struct {
    const mention_attr *pick[ASSESS_MAX];
    size_t n;
} combination;

static void combine(combination *c, const mention_attr *a)
{
    for (size_t i = 0; i < c->n; i++) {
        const mention_attr *b = c->pick[i];
        if (strcmp(a->span.category, b->span.category) != 0)
            continue;
        if (one_value_per_person(a->span.category)) {
            if (rarer(a, b))
                c->pick[i] = a;
            return;
        }
        if (strcmp(a->span.value, b->span.value) == 0)
            return;
    }
    if (c->n < ASSESS_MAX)
        c->pick[c->n++] = a;
}

static int is_category(const mention_attr *a, const char *category)
{
    return strcmp(a->span.category, category) == 0;
}

/* A date says when something happened, not who it happened to: it
 * narrows a yearly life event ("the crash in May") and is otherwise left
 * out (not "abuse", a share of people, not of a year). */
static void combine_cluster(combination *c, const mention_set *set,
                            const size_t *members, size_t n)
{
    int has_event = 0;

    for (size_t k = 0; k < n; k++)
        for (size_t j = set->first[members[k]];
             j < set->first[members[k] + 1]; j++)
            has_event |= is_category(&set->attrs[j], "LIFE_EVENT") &&
                         set->attrs[j].item.facts.per_year;
    c->n = 0;
    for (size_t k = 0; k < n; k++)
        for (size_t j = set->first[members[k]];
             j < set->first[members[k] + 1]; j++)
            if (has_event || !is_category(&set->attrs[j], "DATE"))
                combine(c, &set->attrs[j]);
}

/* The share of a year a DATE interval "YYYY-MM-DD/YYYY-MM-DD" covers:
 * the chance a yearly event fell in it.  1 when it is not an interval. */
static double date_window(const char *value)
{
    int y1, m1, d1, y2, m2, d2;
    double days;

    if (sscanf(value, "%d-%d-%d/%d-%d-%d", &y1, &m1, &d1, &y2, &m2, &d2) !=
        6)
        return 1;
    days = (y2 - y1) * 365.0 + (m2 - m1) * 30.44 + (d2 - d1) + 1;
    return days >= 365 ? 1 : days < 1 ? 1 / 365.0 : days / 365.0;
}

/* A value as the summary says it: "March 2026" for a month's interval,
 * "the 16:00 session" for a slot; else the value (words: scratch). */
static const char *value_words(const char *category, const char *v,
                               char *words, size_t size)
{
    if (strcmp(category, "DATE") == 0) {
        time_value_words(v, words, size);
        return words;
    }
    if (strcmp(v, "slot client") == 0)
        return "known by their session slot"; /* "my Thursday lady" */
    if (strncmp(v, "slot ", 5) != 0)
        return v;
    snprintf(words, size, "the %.8s session", v + 5);
    return words;
}

/* "farrier, female, 50-59, Hebden Bridge, March 2026" */
static const char *summary_of(mosaic_report *r, const combination *c)
{
    char buf[512], words[64];
    size_t len = 0;

    buf[0] = '\0';
    for (size_t i = 0; i < c->n && len < sizeof(buf) - 1; i++) {
        int w = snprintf(buf + len, sizeof(buf) - len, "%s%s", i ? ", " : "",
                         value_words(c->pick[i]->span.category,
                                     c->pick[i]->span.value, words,
                                     sizeof(words)));
        if (w < 0)
            break;
        len += (size_t)w < sizeof(buf) - len ? (size_t)w
                                              : sizeof(buf) - len - 1;
    }
    return report_strdup(r, buf);
}

static int fill_posts(mosaic_report *r, mosaic_analyser *an,
                      mosaic_finding *f, const mention_set *set,
                      const size_t *members, size_t n)
{
    mosaic_finding_post *posts = report_alloc(r, n * sizeof(*posts));
    int rc;

    if (posts == NULL)
        return mosaic__error_oom();
    for (size_t k = 0; k < n; k++) {
        const mention_post *p = &set->posts[members[k]];
        const char *text = p->text;
        if (text == NULL &&
            (rc = store_post_text(an->store, p->post_id, &text)) < 0)
            return rc;
        posts[k] = (mosaic_finding_post){ report_strdup(r, p->platform),
                                          report_strdup(r, p->native_id),
                                          report_strdup(r, p->created_at),
                                          report_strdup(r, text) };
    }
    f->posts = posts;
    f->nposts = n;
    return 0;
}

static int fill_attrs(mosaic_report *r, mosaic_finding *f,
                      const mention_set *set, const size_t *members,
                      size_t n)
{
    size_t total = 0, at = 0;
    mosaic_finding_attr *attrs;

    for (size_t k = 0; k < n; k++)
        total += set->first[members[k] + 1] - set->first[members[k]];
    if ((attrs = report_alloc(r, (total ? total : 1) * sizeof(*attrs))) ==
        NULL)
        return mosaic__error_oom();
    for (size_t k = 0; k < n; k++)
        for (size_t j = set->first[members[k]];
             j < set->first[members[k] + 1]; j++) {
            const mention_attr *a = &set->attrs[j];
            attrs[at++] = (mosaic_finding_attr){
                report_strdup(r, a->span.category),
                report_strdup(r, a->span.text),
                report_strdup(r, a->span.value),
                k, a->span.start, a->span.end, a->span.byte_start,
                a->span.byte_end, a->item.attr.share,
                report_strdup(r, a->item.source), a->item.attr.direct };
        }
    f->attrs = attrs;
    f->nattrs = total;
    return 0;
}

/* Each edit of the plan applies to every place its attribute was said. */
static int fill_edits(mosaic_report *r, mosaic_finding *f,
                      const combination *c, const suggest_plan *plan)
{
    mosaic_edit *edits = report_alloc(r, (f->nattrs ? f->nattrs : 1) *
                                             sizeof(*edits));
    size_t n = 0;

    if (edits == NULL)
        return mosaic__error_oom();
    for (size_t e = 0; e < plan->n; e++) {
        const mention_attr *a = c->pick[plan->edits[e].attr];
        int level = plan->edits[e].level;
        const char *to = level > 0 ? a->item.ladder.label[level - 1] : NULL;
        for (size_t i = 0; i < f->nattrs && n < f->nattrs; i++)
            if (strcmp(f->attrs[i].category, a->span.category) == 0 &&
                strcmp(f->attrs[i].value, a->span.value) == 0)
                edits[n++] = (mosaic_edit){ i, report_strdup(r, to) };
    }
    f->edits = edits;
    f->nedits = n;
    f->k_after = plan->after.k_public_safe;
    return 0;
}

int finding_add(mosaic_report *r, mosaic_analyser *an,
                const mention_set *set, const size_t *members, size_t n,
                mosaic_verdict floor, mosaic_verdict *got)
{
    combination c;
    assess_item items[ASSESS_MAX];
    score_result res;
    suggest_plan plan;
    mosaic_finding *f;
    int rc, planned;

    combine_cluster(&c, set, members, n);
    for (size_t i = 0; i < c.n; i++) {
        items[i] = c.pick[i]->item;
        if (is_category(c.pick[i], "GENDER"))
            items[i].ladder.drop_cost = GENDER_DROP_COST;
        if (is_category(c.pick[i], "DATE")) {
            items[i].attr.share = date_window(c.pick[i]->span.value);
            items[i].attr.count = items[i].attr.of = 0;
        }
    }
    if ((planned = assess_items(an->pop, &an->setting, items, c.n, &res,
                                &plan)) < 0)
        return planned;
    *got = (mosaic_verdict)res.verdict;
    if (*got < floor)
        return 0;
    if ((f = report_add_finding(r)) == NULL)
        return mosaic__error_oom();
    f->verdict = *got;
    f->k_public = res.k_public_safe;
    f->p_unique = res.p_unique_safe;
    f->k_insider = res.k_insider_safe;
    f->catchment = an->setting.catchment;
    f->direct = res.direct;
    f->self_recognition = res.self_recognition;
    f->summary = summary_of(r, &c);
    if ((rc = fill_posts(r, an, f, set, members, n)) < 0 ||
        (rc = fill_attrs(r, f, set, members, n)) < 0)
        return rc;
    if (!planned)
        return 0; /* nothing small enough: the report says rewrite */
    return fill_edits(r, f, &c, &plan);
}
