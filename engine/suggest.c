/*
 * suggest.c -- iterative deepening over the cost of edits: try every
 * plan of cost 1, then 2, ... and keep the best that reaches LOW.  The
 * search is exponential in the number of attributes, so it has a budget
 * of scorings; past it, edits are chosen greedily (most k gained per
 * unit of cost) and the plan says it is not proven the cheapest.
 * SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "suggest.h"

#define SUGGEST_ATTRS_MAX 32
#define SUGGEST_COST_MAX 12
#define SUGGEST_SCORINGS_MAX 4000 /* exhaustive search budget */

struct search {
    const score_attr *attrs;
    const suggest_ladder *ladders;
    size_t n;
    const score_setting *setting;
    score_attr work[SUGGEST_ATTRS_MAX];
    int level[SUGGEST_ATTRS_MAX]; /* -1 as is, 0 dropped, k generalised */
    suggest_plan best;
    int found;
    long scorings;
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

    s->scorings++;
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
    if (s->scorings > SUGGEST_SCORINGS_MAX)
        return;
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

/* One greedy step: the edit of an untouched attribute that gains the
 * most log k per unit of cost.  0 when none is left. */
static int greedy_step(struct search *s, int *cost)
{
    double best_gain = -1, base;
    size_t best_i = 0;
    int best_level = -1;
    score_result r;

    score_combination(&r, s->work, s->n, s->setting);
    base = log(r.k_public_safe) + log(r.k_insider_safe);
    for (size_t i = 0; i < s->n; i++) {
        if (s->level[i] >= 0)
            continue;
        for (int level = 0; level <= (int)levels_of(s, i); level++) {
            apply(s, i, level);
            score_combination(&r, s->work, s->n, s->setting);
            double gain = (log(r.k_public_safe) + log(r.k_insider_safe) -
                           base + (r.verdict == VERDICT_LOW ? 1e6 : 0)) /
                          edit_cost(s, i, level);
            if (gain > best_gain) {
                best_gain = gain;
                best_i = i;
                best_level = level;
            }
            apply(s, i, -1);
        }
    }
    if (best_level < 0)
        return 0;
    apply(s, best_i, best_level);
    *cost += edit_cost(s, best_i, best_level);
    return 1;
}

static void greedy(struct search *s)
{
    int cost = 0;
    size_t edits = 0;

    for (size_t i = 0; i < s->n; i++)
        apply(s, i, -1);
    while (edits < SUGGEST_EDITS_MAX && greedy_step(s, &cost)) {
        edits++;
        consider(s, cost);
        if (s->found)
            return;
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
    for (int budget = 0; budget <= SUGGEST_COST_MAX && !s->found &&
                         s->scorings <= SUGGEST_SCORINGS_MAX;
         budget++)
        explore(s, 0, budget, 0);
    if (!s->found && s->scorings > SUGGEST_SCORINGS_MAX)
        greedy(s);
    s->best.proven = s->scorings <= SUGGEST_SCORINGS_MAX;
    found = s->found;
    if (found)
        *out = s->best;
    free(s);
    return found;
}
