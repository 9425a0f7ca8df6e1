/*
 * mentions.c -- the client mentions of a history, in time order, each
 * attribute priced against the catchment: what the linker and the
 * scorer work on.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyse.h"
#include "error.h"
#include "extract_table.h"
#include "timefmt.h"

/* realloc that leaves *v alone on failure. */
static int resize(void **v, size_t count, size_t size)
{
    void *p = realloc(*v, count * size);

    if (p == NULL)
        return mosaic__error_oom();
    *v = p;
    return 0;
}

/* Room for mention n (and first[n + 1]). */
static int grow_mentions(mention_set *set)
{
    size_t cap = set->cap ? 2 * set->cap : 64;
    int rc;

    if (set->n < set->cap)
        return 0;
    if ((rc = resize((void **)&set->posts, cap, sizeof(*set->posts))) < 0 ||
        (rc = resize((void **)&set->links, cap, sizeof(*set->links))) < 0 ||
        (rc = resize((void **)&set->first, cap + 1,
                     sizeof(*set->first))) < 0)
        return rc;
    set->cap = cap;
    return 0;
}

static int grow_attrs(mention_set *set)
{
    size_t cap = set->attr_cap ? 2 * set->attr_cap : 256;
    int rc;

    if (set->nattrs < set->attr_cap)
        return 0;
    if ((rc = resize((void **)&set->attrs, cap, sizeof(*set->attrs))) < 0 ||
        (rc = resize((void **)&set->link_attrs, cap,
                     sizeof(*set->link_attrs))) < 0)
        return rc;
    set->attr_cap = cap;
    return 0;
}

static int start_mention(mention_set *set, const mention_post *post)
{
    mention_post *p;
    int64_t when = 0;
    int rc;

    if ((rc = grow_mentions(set)) < 0)
        return rc;
    p = &set->posts[set->n];
    *p = *post;
    p->platform = arena_strdup(&set->mem, post->platform);
    p->native_id = arena_strdup(&set->mem, post->native_id);
    p->created_at = arena_strdup(&set->mem, post->created_at);
    p->thread = arena_strdup(&set->mem, post->thread);
    p->text = arena_strdup(&set->mem, post->text);
    if ((post->platform && !p->platform) || (post->text && !p->text))
        return mosaic__error_oom();
    if (post->created_at)
        time_parse(post->created_at, &when);
    set->links[set->n] = (link_mention){ when, p->thread,
                                         post->back_reference, NULL, 0,
                                         post->cluster };
    set->first[set->n] = set->nattrs;
    set->n++;
    set->first[set->n] = set->nattrs;
    return 0;
}

static int add_attr(mention_set *set, mosaic_analyser *an,
                    const mention_span *s)
{
    mention_attr *a;
    int rc;

    if ((rc = grow_attrs(set)) < 0)
        return rc;
    a = &set->attrs[set->nattrs];
    memset(a, 0, sizeof(*a));
    a->span = *s;
    a->span.category = arena_strdup(&set->mem, s->category);
    a->span.value = arena_strdup(&set->mem, s->value ? s->value : s->text);
    a->span.text = arena_strdup(&set->mem, s->text);
    if (!a->span.category || !a->span.value || !a->span.text)
        return mosaic__error_oom();
    if ((rc = population_price_facts(an->pop, &an->area, a->span.category,
                                     a->span.value, &a->item.attr,
                                     &a->item.ladder, &a->item.source,
                                     &a->item.facts)) < 0)
        return rc;
    a->item.attr.category = a->span.category;
    a->item.attr.value = a->span.value;
    set->link_attrs[set->nattrs] =
        (link_attr){ a->span.category, a->span.value, a->item.attr.share,
                     s->age_low, s->age_high };
    set->nattrs++;
    set->first[set->n] = set->nattrs;
    return 0;
}

int mentions_add(mention_set *set, mosaic_analyser *an,
                 const mention_post *post, const mention_span *spans,
                 size_t n)
{
    int rc = start_mention(set, post);

    for (size_t i = 0; i < n && rc == 0; i++)
        rc = add_attr(set, an, &spans[i]);
    return rc;
}

struct loading {
    mention_set *set;
    mosaic_analyser *an;
    int64_t last_post;
    int keep_clusters; /* a check keeps the scan's clusters, a scan not */
};

static int load_span(const mention_post *post, const mention_span *span,
                     void *ctx)
{
    struct loading *l = ctx;
    int rc;

    if (l->set->n == 0 || post->post_id != l->last_post) {
        mention_post p = *post;
        p.cluster = l->keep_clusters ? p.cluster : 0;
        if ((rc = start_mention(l->set, &p)) < 0)
            return rc;
        l->last_post = post->post_id;
    }
    return add_attr(l->set, l->an, span);
}

int mentions_load(mention_set *set, mosaic_analyser *an)
{
    struct loading l = { set, an, 0, 0 };

    return store_each_mention(an->store, load_span, &l);
}

/* Values a check looks up: rare enough to carry a link (ages and sex
 * never block, as in the linker), and only the rarest few: a link needs
 * evidence a common value alone cannot give, so the rarest value the
 * draft shares with a cluster finds it. */
#define NEAR_SHARE 0.05
#define NEAR_VALUES 2

int mentions_load_near(mention_set *set, mosaic_analyser *an,
                       const mention_span *spans, size_t n,
                       int back_reference)
{
    struct loading l = { set, an, 0, 1 };
    const char *category[NEAR_VALUES], *value[NEAR_VALUES];
    double share[NEAR_VALUES];
    size_t k = 0;

    for (size_t i = 0; i < n; i++) {
        score_attr attr;
        const char *source;
        double p;
        size_t at;
        if (strcmp(spans[i].category, "AGE") == 0 ||
            strcmp(spans[i].category, "GENDER") == 0 ||
            population_price(an->pop, &an->area, spans[i].category,
                             spans[i].value, &attr, NULL, &source) < 0)
            continue;
        p = attr.direct ? 0 : attr.share;
        if (!attr.direct && !(p > 0 && p < NEAR_SHARE))
            continue;
        /* keep the NEAR_VALUES rarest, rarest first */
        for (at = k; at > 0 && share[at - 1] > p; at--)
            if (at < NEAR_VALUES) {
                share[at] = share[at - 1];
                category[at] = category[at - 1];
                value[at] = value[at - 1];
            }
        if (at < NEAR_VALUES) {
            share[at] = p;
            category[at] = spans[i].category;
            value[at] = spans[i].value;
            k += k < NEAR_VALUES;
        }
    }
    return store_each_mention_near(an->store, category, value, k,
                                   back_reference ? LINK_BLOCK_BACK : 0,
                                   load_span, &l);
}

/* How often each value comes up among this history's client mentions:
 * a grief counsellor's clients nearly all mention grief, so agreeing on
 * it says little about being the same client, whatever the population
 * share.  The linker weighs the commoner of the two. */
int mentions_weigh_by_history(mention_set *set)
{
    xtable seen = { 0 }; /* "category\x1fvalue" -> its first attribute */
    size_t *count = calloc(set->nattrs + 1, sizeof(*count));
    size_t *first = calloc(set->nattrs + 1, sizeof(*first));
    int rc = count && first ? 0 : mosaic__error_oom();

    for (size_t i = 0; i < set->nattrs && rc == 0; i++) {
        const mention_attr *a = &set->attrs[i];
        char key[512];
        int n = snprintf(key, sizeof(key), "%s\x1f%s", a->span.category,
                         a->span.value);
        xslot *s;
        first[i] = i; /* a key too long to index counts alone */
        if (n > 0 && (size_t)n < sizeof(key)) {
            if ((rc = xtable_put(&seen, key, (size_t)n, (uint32_t)i)) < 0)
                break;
            rc = 0;
            if ((s = xtable_find(&seen, key, (size_t)n)) != NULL)
                first[i] = s->val;
        }
        count[first[i]]++;
    }
    for (size_t i = 0; i < set->nattrs && rc == 0; i++) {
        double freq = (double)count[first[i]] / (double)set->n;
        if (freq > set->link_attrs[i].share)
            set->link_attrs[i].share = freq;
    }
    xtable_dispose(&seen);
    free(count);
    free(first);
    return rc;
}

void mentions_seal(mention_set *set)
{
    for (size_t i = 0; i < set->n; i++) {
        set->links[i].nattrs = set->first[i + 1] - set->first[i];
        /* no attribute at all: no array to point into (NULL + 0 is UB) */
        set->links[i].attrs =
            set->link_attrs ? set->link_attrs + set->first[i] : NULL;
    }
}

void mentions_dispose(mention_set *set)
{
    arena_dispose(&set->mem);
    free(set->posts);
    free(set->links);
    free(set->first);
    free(set->attrs);
    free(set->link_attrs);
    memset(set, 0, sizeof(*set));
}
