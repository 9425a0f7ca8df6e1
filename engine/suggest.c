/*
 * suggest.c -- iterative deepening over the cost of edits: try every
 * plan of cost 1, then 2, ... and keep the best that reaches LOW.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "suggest.h"

#define SUGGEST_ATTRS_MAX 32
#define SUGGEST_COST_MAX 12

struct search {
    const score_attr *attrs;
    const suggest_ladder *ladders;
    size_t n;
    const score_setting *setting;
    score_attr work[SUGGEST_ATTRS_MAX];
    int level[SUGGEST_ATTRS_MAX]; /* -1 as is, 0 dropped, k generalised */
    suggest_plan best;
    int found;
};

static size_t levels_of(const struct search *s, size_t i)
{
    return s->ladders ? s->ladders[i].levels : 0;
}

/* The cost of moving attribute i to `level` (0 = drop). */
static int edit_cost(const struct search *s, size_t i, int level)
{
    if (level == 0 && s->ladders && s->ladders[i].drop_cost > 0)
        return s->ladders[i].drop_cost;
    return level == 0 ? (int)levels_of(s, i) + 1 : level;
}

static void apply(struct search *s, size_t i, int level)
{
    s->work[i] = s->attrs[i];
    s->level[i] = level;
    if (level == 0) {
        s->work[i].share = 1; /* says nothing any more */
        s->work[i].count = s->work[i].of = 0;
        s->work[i].direct = s->work[i].session_timing = 0;
    } else if (level > 0) {
        s->work[i].share = s->ladders[i].share[level - 1];
        s->work[i].count = s->work[i].of = 0;
        s->work[i].direct = 0;
    }
}

static void consider(struct search *s, int cost)
{
    score_result r;
    size_t edits = 0;

    score_combination(&r, s->work, s->n, s->setting);
    if (r.verdict != VERDICT_LOW)
        return;
    if (s->found && (cost > s->best.cost ||
                     (cost == s->best.cost &&
                      r.k_public_safe <= s->best.after.k_public_safe)))
        return;
    for (size_t i = 0; i < s->n; i++)
        if (s->level[i] >= 0 && edits < SUGGEST_EDITS_MAX) {
            s->best.edits[edits].attr = i;
            s->best.edits[edits++].level = s->level[i];
        }
    s->best.n = edits;
    s->best.cost = cost;
    s->best.after = r;
    s->found = 1;
}

/* Spend exactly `budget` on attributes from `from` onwards. */
static void explore(struct search *s, size_t from, int budget, int cost)
{
    if (budget == 0) {
        consider(s, cost);
        return;
    }
    for (size_t i = from; i < s->n; i++) {
        for (int level = 0; level <= (int)levels_of(s, i); level++) {
            int c = edit_cost(s, i, level);
            if (c > budget)
                continue;
            apply(s, i, level);
            explore(s, i + 1, budget - c, cost + c);
            apply(s, i, -1);
        }
    }
}

int suggest_plan_find(suggest_plan *out, const score_attr *attrs,
                      const suggest_ladder *ladders, size_t n,
                      const score_setting *setting)
{
    struct search *s = calloc(1, sizeof(*s));
    int found;

    memset(out, 0, sizeof(*out));
    if (s == NULL || n > SUGGEST_ATTRS_MAX) {
        free(s);
        return 0;
    }
    s->attrs = attrs;
    s->ladders = ladders;
    s->n = n;
    s->setting = setting;
    for (size_t i = 0; i < n; i++)
        apply(s, i, -1);
    for (int budget = 0; budget <= SUGGEST_COST_MAX && !s->found; budget++)
        explore(s, 0, budget, 0);
    found = s->found;
    if (found)
        *out = s->best;
    free(s);
    return found;
}
