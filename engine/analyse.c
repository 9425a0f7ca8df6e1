/*
 * analyse.c -- the analyser (extractor, population model, setting) and
 * the two jobs built on it: scan the whole history, check a draft
 * against it.  The stages live in history.c, mentions.c and finding.c.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analyse.h"
#include "error.h"
#include "extract.h"
#include "report.h"
#include "store.h"
#include "text.h"
#include "timefmt.h"

#define DEFAULT_RADIUS_KM 25.0
#define NEVER_REPORTED ((mosaic_verdict)(MOSAIC_HIGH + 1))

struct place_search {
    mosaic_analyser *an;
    double radius;
    int found;
};

/* The first imported profile whose location the gazetteer knows. */
static int try_profile(const mosaic_profile *p, void *ctx)
{
    struct place_search *s = ctx;
    catchment c;

    if (p->location == NULL || p->location[0] == '\0')
        return 0;
    if (population_catchment(s->an->pop, p->location, s->radius, &c) < 0 ||
        !c.known)
        return 0;
    s->an->area = c;
    s->found = 1;
    return 1;
}

static int settle_catchment(mosaic_analyser *an,
                            const mosaic_analysis_options *o)
{
    struct place_search s = { an, o->radius_km > 0 ? o->radius_km
                                                   : DEFAULT_RADIUS_KM, 0 };
    int rc;

    if (o->location) {
        if ((rc = population_catchment(an->pop, o->location, s.radius,
                                       &an->area)) < 0)
            return rc;
        if (!an->area.known)
            return mosaic__error_set(MOSAIC_ENOTFOUND,
                                     "'%s' is not a place mosaic knows",
                                     o->location);
    } else {
        if ((rc = mosaic_store_foreach_profile(an->store, try_profile, &s)) <
            0)
            return rc;
        if (!s.found && (rc = population_catchment(an->pop, NULL, s.radius,
                                                   &an->area)) < 0)
            return rc;
    }
    an->setting.catchment = an->area.people;
    return 0;
}

/* A number the user stored with `mosaic profile set`, unless given. */
static int stored_number(mosaic_store *store, const char *name, double *v)
{
    char *text = NULL, *end;
    double d;
    int rc;

    if (*v > 0)
        return 0;
    if ((rc = mosaic_store_setting(store, name, &text)) < 0 || text == NULL)
        return rc;
    d = strtod(text, &end);
    if (end != text && *end == '\0' && d > 0)
        *v = d;
    free(text);
    return 0;
}

/* Options first, then what `mosaic profile set` stored. */
static int complete_options(mosaic_analysis_options *o, mosaic_store *store,
                            char **location)
{
    int rc;

    *location = NULL;
    if (o->location == NULL) {
        if ((rc = mosaic_store_setting(store, "location", location)) < 0)
            return rc;
        o->location = *location;
    }
    if ((rc = stored_number(store, "radius_km", &o->radius_km)) < 0 ||
        (rc = stored_number(store, "caseload", &o->caseload)) < 0)
        return rc;
    return stored_number(store, "k_min", &o->k_min);
}

int mosaic_analyser_open(mosaic_analyser **out, mosaic_store *store,
                         const mosaic_analysis_options *opts)
{
    static const mosaic_analysis_options defaults =
        MOSAIC_ANALYSIS_OPTIONS_INIT;
    mosaic_analysis_options given = opts ? *opts : defaults, *o = &given;
    char *stored_location = NULL;
    score_setting setting = SCORE_SETTING_DEFAULT;
    link_setting linking = LINK_SETTING_DEFAULT;
    mosaic_analyser *an;
    int rc;

    *out = NULL;
    if ((rc = complete_options(o, store, &stored_location)) < 0)
        return rc;
    if ((an = calloc(1, sizeof(*an))) == NULL) {
        free(stored_location);
        return mosaic__error_oom();
    }
    an->store = store;
    an->setting = setting;
    an->linking = linking;
    if (o->caseload > 0)
        an->setting.caseload = o->caseload;
    if (o->k_min > 0)
        an->setting.k_min = o->k_min;
    an->floor = o->report_floor;
    an->progress = o->progress;
    an->progress_ctx = o->progress_ctx;
    if ((rc = mosaic_extractor_open(&an->ext, o->data_dir)) < 0 ||
        (rc = population_open(&an->pop, o->data_dir)) < 0 ||
        (rc = settle_catchment(an, o)) < 0) {
        free(stored_location);
        mosaic_analyser_close(an);
        return rc;
    }
    snprintf(an->extractor_id, sizeof(an->extractor_id), "%s+%016llx",
             ANALYSE_EXTRACTOR_ID,
             (unsigned long long)extract_data_print(an->ext));
    free(stored_location);
    *out = an;
    return 0;
}

void mosaic_analyser_close(mosaic_analyser *an)
{
    if (an == NULL)
        return;
    mosaic_extractor_close(an->ext);
    population_close(an->pop);
    free(an);
}

void mosaic_analyser_catchment(const mosaic_analyser *an, const char **place,
                               double *radius_km, double *people)
{
    if (place)
        *place = an->area.known && an->area.place ? an->area.place
                                                  : "the UK";
    if (radius_km)
        *radius_km = an->area.radius_km;
    if (people)
        *people = an->area.people;
}

/* Members of every cluster, cluster by cluster, each in time order:
 * order[start[c] .. start[c + 1]) are the mentions of cluster c. */
static int group_clusters(size_t **order, size_t **start,
                          const size_t *cluster_of, size_t n, size_t k)
{
    size_t *o = malloc((n ? n : 1) * sizeof(*o));
    size_t *s = calloc(k + 2, sizeof(*s));

    if (o == NULL || s == NULL) {
        free(o);
        free(s);
        return mosaic__error_oom();
    }
    for (size_t i = 0; i < n; i++)
        s[cluster_of[i] + 2]++;
    for (size_t c = 2; c < k + 2; c++)
        s[c] += s[c - 1];
    for (size_t i = 0; i < n; i++)
        o[s[cluster_of[i] + 1]++] = i;
    *order = o;
    *start = s;
    return 0;
}

/* Link the mentions; clusters come back grouped (see group_clusters). */
static long link_mentions(mosaic_analyser *an, mention_set *set,
                          size_t **order, size_t **start)
{
    size_t *cluster_of = malloc((set->n ? set->n : 1) * sizeof(*cluster_of));
    long k;
    int rc;

    if (cluster_of == NULL)
        return mosaic__error_oom();
    mentions_seal(set);
    if (an->progress)
        an->progress("linking", 0, (long)set->n, an->progress_ctx);
    k = link_cluster(cluster_of, set->links, set->n, &an->linking);
    if (k >= 0 &&
        (rc = group_clusters(order, start, cluster_of, set->n, (size_t)k)) <
            0)
        k = rc;
    free(cluster_of);
    return k;
}

#define KEEP_SEEN 256 /* values a cluster's latest posts are checked for */

/* The values a cluster's later posts said already. */
struct seen {
    const mention_span *v[KEEP_SEEN];
    size_t n;
};

static int seen_before(struct seen *s, const mention_span *a)
{
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->v[i]->value, a->value) == 0 &&
            strcmp(s->v[i]->category, a->category) == 0)
            return 1;
    if (s->n < KEEP_SEEN)
        s->v[s->n++] = a;
    return 0; /* past KEEP_SEEN the store keeps the latest anyway */
}

/* One cluster's posts (latest first) and each value with the latest
 * post that said it. */
static int keep_cluster(mosaic_store *store, const mention_set *set,
                        const size_t *members, size_t n)
{
    int64_t cluster = set->posts[members[0]].post_id;
    struct seen seen = { { NULL }, 0 };
    int rc = 0;

    for (size_t k = n; k-- > 0 && rc == 0;) {
        int64_t post = set->posts[members[k]].post_id;
        rc = store_set_cluster(store, post, cluster);
        for (size_t j = set->first[members[k]];
             j < set->first[members[k] + 1] && rc == 0; j++)
            if (!seen_before(&seen, &set->attrs[j].span))
                rc = store_keep_cluster_value(store, cluster,
                                              set->attrs[j].span.category,
                                              set->attrs[j].span.value,
                                              post);
    }
    return rc;
}

/* Keep each client post's cluster (named by its first post) and each
 * cluster's values, so that a check reads only the profiles of the
 * clients its draft could be about. */
static int keep_clusters(mosaic_analyser *an, const mention_set *set,
                         const size_t *order, const size_t *start, size_t k)
{
    int rc;

    if ((rc = store_begin(an->store)) < 0)
        return rc;
    rc = store_forget_cluster_values(an->store);
    for (size_t c = 0; c < k && rc == 0; c++)
        rc = keep_cluster(an->store, set, order + start[c],
                          start[c + 1] - start[c]);
    if (rc < 0) {
        store_rollback(an->store);
        return rc;
    }
    return store_commit(an->store);
}

int mosaic_scan_history(mosaic_report **out, mosaic_analyser *an)
{
    mention_set set = { 0 };
    mosaic_report *r = NULL;
    size_t *order = NULL, *start = NULL;
    mosaic_verdict v;
    long k, posts;
    int rc;

    *out = NULL;
    if ((rc = history_extract_pending(an)) < 0 ||
        (rc = mentions_load(&set, an)) < 0 ||
        (rc = mentions_weigh_by_history(&set)) < 0 ||
        (rc = report_new(&r)) < 0)
        goto done;
    if ((k = link_mentions(an, &set, &order, &start)) < 0) {
        rc = (int)k;
        goto done;
    }
    if ((rc = keep_clusters(an, &set, order, start, (size_t)k)) < 0)
        goto done;
    for (long c = 0; c < k && rc == 0; c++)
        rc = finding_add(r, an, &set, order + start[c],
                         start[c + 1] - start[c], an->floor, &v);
    if (rc < 0)
        goto done;
    posts = an->history_posts;
    report_set_totals(r, posts < 0 ? 0 : posts, (long)set.n);
    report_set_catchment(r, an->area.known ? an->area.place : NULL,
                         an->area.radius_km, an->area.people);
    report_sort(r, an->floor);
    *out = r;
    r = NULL;
done:
    free(order);
    free(start);
    mentions_dispose(&set);
    mosaic_report_free(r);
    return rc;
}

/* The draft: its client spans (strings borrowed from the extractor until
 * the draft is added) and flags. */
struct draft {
    mention_post post;
    mention_span spans[256];
    size_t n;
};

static int extract_draft(struct draft *d, mosaic_analyser *an,
                         const char *text, size_t len, const char *created_at)
{
    const mosaic_extraction *x;
    int rc;

    if ((rc = mosaic_extract(&x, an->ext, text, len, created_at)) < 0)
        return rc;
    d->post = (mention_post){ 0, "draft", "draft", created_at, text, NULL,
                              x->client_cue, x->back_reference,
                              x->session_timing, 0 };
    d->n = mention_client_spans(d->spans, 256, x, text, 0);
    return 0;
}

/* The findings the draft takes part in: with the posts it links to,
 * and on its own. */
static int judge_draft(mosaic_report *r, mosaic_analyser *an,
                       mention_set *set, mosaic_verdict *worst)
{
    size_t *order = NULL, *start = NULL, draft = set->n - 1;
    long k = link_mentions(an, set, &order, &start);
    mosaic_verdict v = MOSAIC_LOW;
    int rc = 0;

    *worst = MOSAIC_LOW;
    if (k < 0)
        return (int)k;
    size_t before = mosaic_report_count(r);

    for (long c = 0; c < k; c++) {
        size_t n = start[c + 1] - start[c];
        if (order[start[c] + n - 1] != draft || n < 2)
            continue;
        rc = finding_add(r, an, set, order + start[c], n, an->floor, &v);
        *worst = v > *worst ? v : *worst;
    }
    /* The draft alone counts too; it is reported only when it linked to
     * nothing (otherwise the finding above already shows it). */
    if (rc == 0 &&
        (rc = finding_add(r, an, set, &draft, 1,
                          mosaic_report_count(r) > before ? NEVER_REPORTED
                                                          : an->floor,
                          &v)) == 0)
        *worst = v > *worst ? v : *worst;
    free(order);
    free(start);
    return rc;
}

int mosaic_check_draft(mosaic_report **out, mosaic_verdict *worst,
                       mosaic_analyser *an, const char *text, size_t len,
                       const char *created_at)
{
    mention_set set = { 0 };
    mosaic_report *r = NULL;
    struct draft *d = NULL;
    char now[TIME_ISO_LEN], *copy = NULL;
    int rc;

    *out = NULL;
    *worst = MOSAIC_LOW;
    if ((rc = text_check_post(text, len)) < 0)
        return rc;
    if (created_at == NULL) {
        time_format((int64_t)time(NULL), now);
        created_at = now;
    }
    if ((d = calloc(1, sizeof(*d))) == NULL ||
        (copy = strndup(text, len)) == NULL) {
        rc = mosaic__error_oom();
        goto done;
    }
    if ((rc = history_extract_pending(an)) < 0 ||
        (rc = extract_draft(d, an, copy, len, created_at)) < 0 ||
        (rc = mentions_load_near(&set, an, d->spans, d->n,
                                 d->post.back_reference)) < 0 ||
        (rc = mentions_add(&set, an, &d->post, d->spans, d->n)) < 0 ||
        (rc = report_new(&r)) < 0 ||
        (rc = judge_draft(r, an, &set, worst)) < 0)
        goto done;
    report_set_totals(r, an->history_posts, (long)set.n);
    report_set_catchment(r, an->area.known ? an->area.place : NULL,
                         an->area.radius_km, an->area.people);
    report_sort(r, an->floor);
    *out = r;
    r = NULL;
done:
    mentions_dispose(&set);
    mosaic_report_free(r);
    free(copy);
    free(d);
    return rc;
}
