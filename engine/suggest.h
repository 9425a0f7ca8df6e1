/*
 * suggest.h -- the smallest edits that bring a risky combination to LOW
 * (DESIGN.md, "Suggestions"): drop an attribute, or generalise it along
 * its hierarchy (village -> district -> county; age -> decade; job ->
 * sector; date -> month), keeping as much of the posts' meaning as can be.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_SUGGEST_H
#define MOSAIC_SUGGEST_H

#include "score.h"

#define SUGGEST_LEVELS_MAX 4
#define SUGGEST_EDITS_MAX 8

/* How one attribute can be made more general: level 1 is one step up
 * the hierarchy, and so on; dropping it is always possible. */
typedef struct {
    size_t levels;
    double share[SUGGEST_LEVELS_MAX];     /* share at each level */
    const char *label[SUGGEST_LEVELS_MAX]; /* words to write instead */
    int drop_cost; /* what dropping it costs; 0: levels + 1 */
} suggest_ladder;

typedef struct {
    size_t attr; /* index into the attributes */
    int level;   /* 1..levels: generalise to that level; 0: drop */
} suggest_edit;

/* The plan found: the edits, what it costs in meaning, what it scores. */
typedef struct {
    suggest_edit edits[SUGGEST_EDITS_MAX];
    size_t n;
    int cost;           /* steps up the ladders; a drop costs levels + 1 */
    score_result after; /* the combination once edited */
    int proven;         /* 0: found greedily, past the search budget */
} suggest_plan;

/*
 * Find the cheapest set of edits that brings the combination to LOW; on
 * a tie, the one leaving the larger k.  ladders may be NULL (drops only).
 * Returns 1 and fills *out when one exists within SUGGEST_EDITS_MAX
 * edits, else 0 (already LOW: 1 with no edits).
 */
int suggest_plan_find(suggest_plan *out, const score_attr *attrs,
                      const suggest_ladder *ladders, size_t n,
                      const score_setting *setting);

#endif
