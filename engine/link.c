/*
 * link.c -- candidate pairs by blocking (shared rare values, threads,
 * back-references, all within a time window), Fellegi-Sunter evidence
 * per pair, then greedy contradiction-free clustering, best pairs first.
 * SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "link.h"
#include "link_profile.h"
#include "text.h"

#define LINK_UNKNOWN_SHARE 0.1 /* an agreeing value with no share */
#define LINK_OTHER_PLACE 2.0   /* evidence lost to two different places */

static int is(const link_attr *a, const char *category)
{
    return strcmp(a->category, category) == 0;
}

static int attrs_conflict(const link_attr *x, const link_attr *y)
{
    if (strcmp(x->category, y->category) != 0)
        return 0;
    if (is(x, "AGE"))
        return x->age_high < y->age_low || y->age_high < x->age_low;
    if (is(x, "GENDER") || is(x, "OCCUPATION") || is(x, "NAME"))
        return x->value[0] && y->value[0] && strcmp(x->value, y->value) != 0;
    return 0;
}

int link_contradicts(const link_mention *a, const link_mention *b)
{
    for (size_t i = 0; i < a->nattrs; i++)
        for (size_t j = 0; j < b->nattrs; j++)
            if (attrs_conflict(&a->attrs[i], &b->attrs[j]))
                return 1;
    return 0;
}

static int attrs_agree(const link_attr *x, const link_attr *y)
{
    if (strcmp(x->category, y->category) != 0 || x->value[0] == '\0')
        return 0;
    if (is(x, "AGE"))
        return !(x->age_high < y->age_low || y->age_high < x->age_low);
    return strcmp(x->value, y->value) == 0;
}

/* Attribute i of m repeats an earlier one ("she ... she"). */
static int repeats(const link_mention *m, size_t i)
{
    for (size_t k = 0; k < i; k++)
        if (strcmp(m->attrs[k].category, m->attrs[i].category) == 0 &&
            strcmp(m->attrs[k].value, m->attrs[i].value) == 0)
            return 1;
    return 0;
}

/* Each value agreed on counts once, rarer ones more (-log p); two
 * different places count against (a client has one home). */
double link_evidence(const link_mention *a, const link_mention *b,
                     const link_setting *s)
{
    double w = 0, years = fabs((double)(b->when - a->when)) / 31557600.0;

    for (size_t i = 0; i < a->nattrs; i++) {
        int agreed = 0, other_place = 0;
        if (repeats(a, i))
            continue;
        for (size_t j = 0; j < b->nattrs && !agreed; j++) {
            agreed = attrs_agree(&a->attrs[i], &b->attrs[j]);
            other_place |= is(&a->attrs[i], "PLACE") &&
                           is(&b->attrs[j], "PLACE");
        }
        if (agreed) {
            double p = a->attrs[i].share > 0 ? a->attrs[i].share
                                             : LINK_UNKNOWN_SHARE;
            w += -log(p < 1 ? p : 1);
        } else if (other_place) {
            w -= LINK_OTHER_PLACE;
        }
    }
    if ((a->when <= b->when && b->back_reference) ||
        (b->when <= a->when && a->back_reference))
        w += s->back_reference;
    if (a->thread && b->thread && strcmp(a->thread, b->thread) == 0)
        w += s->same_thread;
    return w - s->gap_per_year * years;
}

/* ---- candidate pairs ---- */

struct block_key {
    uint64_t hash;
    size_t mention;
};

struct pair {
    size_t a, b;
    double evidence;
};

struct pairs {
    struct pair *v;
    size_t n, cap;
};

static int pairs_add(struct pairs *p, size_t a, size_t b, double w)
{
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 256;
        struct pair *v = realloc(p->v, cap * sizeof(*v));
        if (v == NULL)
            return mosaic__error_oom();
        p->v = v;
        p->cap = cap;
    }
    p->v[p->n++] = (struct pair){ a, b, w };
    return 0;
}

static int by_hash(const void *x, const void *y)
{
    const struct block_key *a = x, *b = y;

    if (a->hash != b->hash)
        return a->hash < b->hash ? -1 : 1;
    return a->mention < b->mention ? -1 : a->mention > b->mention;
}

static uint64_t attr_key(const link_attr *a)
{
    uint64_t h = text_hash64(a->category, strlen(a->category), 0);
    return text_hash64(a->value, strlen(a->value), h);
}

/* What the candidate pairs are drawn from and gathered in. */
struct linking {
    const link_mention *m;
    const link_profiles *profiles;
    const link_setting *s;
    struct pairs out;
};

/* Try pair (i, j), i < j, and keep it if it is evidence of one client.
 * Two settled mentions were judged by the scan already; a new one meets
 * a settled one's whole profile, its own values first. */
static int try_pair(struct linking *l, size_t i, size_t j)
{
    const link_mention *m = l->m, *a = &m[i], *b = &m[j];
    link_mention profile;
    double w;

    if (m[i].settled && m[j].settled)
        return 0;
    if ((double)(m[j].when - m[i].when) > l->s->window_days * 86400.0)
        return 0;
    if (m[i].settled)
        a = &m[j], b = link_profile_at(l->profiles, m, i, &profile);
    else if (m[j].settled)
        b = link_profile_at(l->profiles, m, j, &profile);
    if (link_contradicts(a, b))
        return 0;
    w = link_evidence(a, b, l->s);
    return w >= l->s->threshold ? pairs_add(&l->out, i, j, w) : 0;
}

/* Block on rare values: each mention meets the previous few sharing one. */
static int pairs_by_value(struct linking *l, size_t n)
{
    const link_mention *m = l->m;
    struct block_key *keys = NULL;
    size_t nkeys = 0, total = 0;
    int rc = 0;

    for (size_t i = 0; i < n; i++)
        total += m[i].nattrs;
    if (total && (keys = malloc(total * sizeof(*keys))) == NULL)
        return mosaic__error_oom();
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < m[i].nattrs; k++)
            if (m[i].attrs[k].share < LINK_BLOCK_SHARE &&
                !is(&m[i].attrs[k], "AGE"))
                keys[nkeys++] = (struct block_key){ attr_key(&m[i].attrs[k]),
                                                    i };
    if (nkeys)
        qsort(keys, nkeys, sizeof(*keys), by_hash);
    for (size_t x = 0; x < nkeys && rc == 0; x++)
        for (size_t y = x; y-- > 0 && x - y <= LINK_BLOCK_BACK && rc == 0;) {
            if (keys[y].hash != keys[x].hash)
                break;
            if (keys[y].mention != keys[x].mention)
                rc = try_pair(l, keys[y].mention, keys[x].mention);
        }
    free(keys);
    return rc;
}

/* Threads and back-references look at the mentions just before. */
static int pairs_by_context(struct linking *l, size_t n)
{
    const link_mention *m = l->m;
    int rc = 0;

    for (size_t j = 0; j < n && rc == 0; j++) {
        if (!m[j].back_reference && !m[j].thread)
            continue;
        for (size_t i = j; i-- > 0 && j - i <= LINK_BLOCK_BACK && rc == 0;)
            if (m[j].back_reference ||
                (m[i].thread && strcmp(m[i].thread, m[j].thread) == 0))
                rc = try_pair(l, i, j);
    }
    return rc;
}

/* ---- greedy clustering ---- */

/* What a cluster says about its client, to keep it contradiction-free. */
struct summary {
    const char *gender, *occupation, *place, *name;
    int age_low, age_high;
};

static void summary_of(struct summary *s, const link_mention *m)
{
    *s = (struct summary){ NULL, NULL, NULL, NULL, 0, 200 };
    for (size_t k = 0; k < m->nattrs; k++) {
        const link_attr *a = &m->attrs[k];
        if (is(a, "GENDER"))
            s->gender = a->value;
        else if (is(a, "OCCUPATION"))
            s->occupation = a->value;
        else if (is(a, "PLACE") && s->place == NULL)
            s->place = a->value;
        else if (is(a, "NAME") && a->value[0] && s->name == NULL)
            s->name = a->value;
        else if (is(a, "AGE")) {
            s->age_low = a->age_low > s->age_low ? a->age_low : s->age_low;
            s->age_high = a->age_high < s->age_high ? a->age_high
                                                    : s->age_high;
        }
    }
}

static int differ(const char *x, const char *y)
{
    return x && y && strcmp(x, y) != 0;
}

/* Merge b into a; 0 if they contradict (then a is unchanged). */
static int summary_merge(struct summary *a, const struct summary *b)
{
    int low = a->age_low > b->age_low ? a->age_low : b->age_low;
    int high = a->age_high < b->age_high ? a->age_high : b->age_high;

    if (differ(a->gender, b->gender) ||
        differ(a->occupation, b->occupation) || differ(a->place, b->place) ||
        differ(a->name, b->name) || low > high)
        return 0;
    a->name = a->name ? a->name : b->name;
    a->gender = a->gender ? a->gender : b->gender;
    a->occupation = a->occupation ? a->occupation : b->occupation;
    a->place = a->place ? a->place : b->place;
    a->age_low = low;
    a->age_high = high;
    return 1;
}

static size_t find_root(size_t *parent, size_t i)
{
    while (parent[i] != i)
        i = parent[i] = parent[parent[i]];
    return i;
}

static int by_evidence(const void *x, const void *y)
{
    const struct pair *a = x, *b = y;

    if (a->evidence != b->evidence)
        return a->evidence > b->evidence ? -1 : 1;
    if (a->a != b->a)
        return a->a < b->a ? -1 : 1;
    return a->b < b->b ? -1 : a->b > b->b;
}

/* Join the clusters of a and b, the earlier root staying root; 0 if
 * their clients contradict (unless forced). */
static int join(size_t *parent, struct summary *sum, size_t a, size_t b,
                int force)
{
    size_t ra = find_root(parent, a), rb = find_root(parent, b);

    if (ra == rb)
        return 1;
    if (rb < ra) {
        size_t t = ra;
        ra = rb;
        rb = t;
    }
    if (!summary_merge(&sum[ra], &sum[rb]) && !force)
        return 0;
    parent[rb] = ra;
    return 1;
}

static void grow_clusters(size_t *parent, struct summary *sum,
                          const struct pairs *p)
{
    for (size_t k = 0; k < p->n; k++)
        join(parent, sum, p->v[k].a, p->v[k].b, 0);
}

/* The clusters an earlier scan found, joined as they were. */
static void keep_settled(size_t *parent, struct summary *sum,
                         const link_profiles *profiles, size_t n)
{
    for (size_t i = 0; i < n && profiles->leader; i++)
        if (profiles->leader[i] != SIZE_MAX)
            join(parent, sum, profiles->leader[i], i, 1);
}

long link_cluster(size_t *cluster_of, const link_mention *m, size_t n,
                  const link_setting *s)
{
    link_profiles profiles = { 0 };
    struct linking l = { m, &profiles, s, { NULL, 0, 0 } };
    size_t *parent = malloc((n ? n : 1) * sizeof(*parent));
    struct summary *sum = malloc((n ? n : 1) * sizeof(*sum));
    long clusters = 0;
    int rc;

    if (parent == NULL || sum == NULL) {
        rc = mosaic__error_oom();
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        parent[i] = i;
        summary_of(&sum[i], &m[i]);
    }
    if ((rc = link_profiles_build(&profiles, m, n)) < 0)
        goto done;
    keep_settled(parent, sum, &profiles, n);
    if ((rc = pairs_by_value(&l, n)) < 0 ||
        (rc = pairs_by_context(&l, n)) < 0)
        goto done;
    if (l.out.n)
        qsort(l.out.v, l.out.n, sizeof(*l.out.v), by_evidence);
    grow_clusters(parent, sum, &l.out);
    for (size_t i = 0; i < n; i++) {
        size_t r = find_root(parent, i);
        cluster_of[i] = r == i ? (size_t)clusters++ : cluster_of[r];
    }
done:
    free(l.out.v);
    link_profiles_dispose(&profiles);
    free(parent);
    free(sum);
    return rc < 0 ? rc : clusters;
}
