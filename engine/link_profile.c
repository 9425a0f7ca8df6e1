/*
 * link_profile.c -- settled clusters as client profiles (link_profile.h):
 * members grouped by cluster, their values gathered once each.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "link_profile.h"

struct member {
    int64_t cluster;
    size_t mention;
};

static int by_cluster(const void *x, const void *y)
{
    const struct member *a = x, *b = y;

    if (a->cluster != b->cluster)
        return a->cluster < b->cluster ? -1 : 1;
    return a->mention < b->mention ? -1 : a->mention > b->mention;
}

static int said(const link_mention *profile, const link_attr *a)
{
    for (size_t k = 0; k < profile->nattrs; k++)
        if (strcmp(profile->attrs[k].category, a->category) == 0 &&
            strcmp(profile->attrs[k].value, a->value) == 0)
            return 1;
    return 0;
}

/* Members[0..n) of one cluster: its profile gets each value once. */
static void gather(link_profiles *p, link_mention *profile, link_attr *at,
                   const link_mention *m, const struct member *members,
                   size_t n)
{
    *profile = (link_mention){ 0, NULL, 0, at, 0, members[0].cluster };
    for (size_t k = 0; k < n; k++) {
        const link_mention *x = &m[members[k].mention];
        p->of[members[k].mention] = (size_t)(profile - p->profile);
        p->leader[members[k].mention] = members[0].mention;
        for (size_t a = 0; a < x->nattrs; a++)
            if (!said(profile, &x->attrs[a]))
                at[profile->nattrs++] = x->attrs[a];
    }
}

int link_profiles_build(link_profiles *p, const link_mention *m, size_t n)
{
    struct member *members;
    size_t k = 0, values = 0, groups = 0;

    memset(p, 0, sizeof(*p));
    while (k < n && !m[k].settled)
        k++;
    if (k == n)
        return 0; /* a scan: nothing settled, no profiles */
    k = 0;
    members = malloc((n ? n : 1) * sizeof(*members));
    p->of = malloc((n ? n : 1) * sizeof(*p->of));
    p->leader = malloc((n ? n : 1) * sizeof(*p->leader));
    for (size_t i = 0; i < n && members; i++)
        if (m[i].settled) {
            members[k++] = (struct member){ m[i].settled, i };
            values += m[i].nattrs;
        }
    p->profile = malloc((k ? k : 1) * sizeof(*p->profile));
    p->values = malloc((values ? values : 1) * sizeof(*p->values));
    if (!members || !p->of || !p->leader || !p->profile || !p->values) {
        free(members);
        link_profiles_dispose(p);
        return mosaic__error_oom();
    }
    for (size_t i = 0; i < n; i++)
        p->of[i] = p->leader[i] = SIZE_MAX;
    qsort(members, k, sizeof(*members), by_cluster);
    values = 0;
    for (size_t start = 0, end; start < k; start = end, groups++) {
        for (end = start + 1;
             end < k && members[end].cluster == members[start].cluster;)
            end++;
        gather(p, &p->profile[groups], p->values + values, m,
               members + start, end - start);
        values += p->profile[groups].nattrs;
    }
    free(members);
    return 0;
}

const link_mention *link_profile_at(const link_profiles *p,
                                    const link_mention *m, size_t i,
                                    link_mention *scratch)
{
    if (p->of[i] == SIZE_MAX)
        return NULL;
    *scratch = p->profile[p->of[i]];
    scratch->when = m[i].when;
    scratch->thread = m[i].thread;
    scratch->back_reference = m[i].back_reference;
    return scratch;
}

void link_profiles_dispose(link_profiles *p)
{
    free(p->profile);
    free(p->values);
    free(p->of);
    free(p->leader);
    memset(p, 0, sizeof(*p));
}
