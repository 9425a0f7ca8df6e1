/*
 * score.h -- k-anonymity-style scoring of one combination of attributes
 * (DESIGN.md, "Scoring"): how many people in the catchment match, how
 * likely the client is unique, what an insider could tell, the verdict.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_SCORE_H
#define MOSAIC_SCORE_H

#include <stddef.h>

typedef enum { VERDICT_LOW = 0, VERDICT_MEDIUM = 1, VERDICT_HIGH = 2 } verdict;

/* One quasi-identifier as the population model priced it. */
typedef struct {
    const char *category; /* "PLACE", "OCCUPATION", ... */
    const char *value;    /* normalised value ("Hebden Bridge", "farrier") */
    double share;         /* share of the catchment with it, (0, 1]; <= 0
                             means unknown: left out and reported */
    double count, of;     /* share came from count of `of` (0: exact) */
    int direct;           /* a direct identifier: name, contact, address */
    int is_place;         /* left out of k_insider (the caseload is local) */
    int session_timing;   /* a session-timing cue: self-recognition */
} score_attr;

/* The therapist's setting. */
typedef struct {
    double catchment;  /* N: people within the practice radius */
    double caseload;   /* C: clients on the books (default 30) */
    double k_min;      /* HIGH below this k_public (default 10) */
    double confidence; /* two-sided level of the count interval (0.90) */
} score_setting;

#define SCORE_SETTING_DEFAULT { 0, 30, 10, 0.90 }

/* What one combination scores; the *_safe values are taken on the
 * conservative end of the interval, and the verdict on them. */
typedef struct {
    double share, share_low, share_high; /* combined share p */
    double k_public, k_public_safe;      /* 1 + (N - 1) p */
    double p_unique, p_unique_safe;      /* (1 - p)^(N - 1) */
    double k_insider, k_insider_safe;    /* 1 + (C - 1) p', no place */
    int direct, self_recognition;
    size_t used, unknown;                /* attributes priced / not */
    verdict verdict;
} score_result;

/* Score `n` attributes in `setting`.  Never fails on extreme values: p
 * is combined in log space, so no underflow; N <= 1 gives k = 1. */
void score_combination(score_result *out, const score_attr *attrs,
                       size_t n, const score_setting *setting);

/* The interval [low, high] on a share estimated as count / of: the
 * Jeffreys Beta(count + 1/2, of - count + 1/2) quantiles at the given
 * two-sided level (GSL).  of <= 0: the share is exact. */
void score_share_interval(double count, double of, double confidence,
                          double *low, double *high);

/* k = 1 + (N - 1) p and P(unique) = exp((N - 1) log1p(-p)), both safe
 * for p in [0, 1] and any N >= 0. */
double score_k(double population, double share);
double score_p_unique(double population, double share);

const char *score_verdict_name(verdict v);

#endif
