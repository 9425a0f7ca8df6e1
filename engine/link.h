/*
 * link.h -- which client mentions plausibly describe the same client
 * (DESIGN.md, "Linking"): Fellegi-Sunter style evidence per pair, rare
 * agreements weighing more, contradictions forbidding a link, clusters
 * grown greedily and kept contradiction-free, candidate pairs found by
 * blocking on attribute values, threads and time so cost stays
 * near-linear.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_LINK_H
#define MOSAIC_LINK_H

#include <stddef.h>
#include <stdint.h>

#define LINK_BLOCK_SHARE 0.2 /* values commoner than this do not block */
#define LINK_BLOCK_BACK 32    /* earlier mentions compared per block */

/* One attribute of a client mention. */
typedef struct {
    const char *category; /* "GENDER", "AGE", "OCCUPATION", "PLACE"... */
    const char *value;    /* normalised: "female", "farrier" */
    double share;         /* population share, (0, 1]; 0 if unknown */
    int age_low, age_high; /* AGE only: the years it allows */
} link_attr;

/* A post (or sentence) that refers to one client. */
typedef struct {
    int64_t when;          /* the post's time, Unix seconds */
    const char *thread;    /* thread root or conversation id, or NULL */
    int back_reference;    /* "the client I mentioned", "update on..." */
    const link_attr *attrs;
    size_t nattrs;
    int64_t settled;       /* nonzero: a cluster an earlier scan found; its
                              members stay together and are not re-linked
                              among themselves or to other settled ones */
} link_mention;

typedef struct {
    double threshold;      /* link when the evidence reaches this (nats) */
    double back_reference; /* evidence from an explicit back-reference */
    double same_thread;    /* evidence from the same thread */
    double window_days;    /* pairs further apart are not tried (10 years:
                              long therapies span years) */
    double gap_per_year;   /* evidence lost per year between the posts */
} link_setting;

#define LINK_SETTING_DEFAULT { 6.0, 4.0, 8.0, 3652.5, 1.0 }

/* 1 if the two mentions cannot be the same person (different sex,
 * disjoint ages, different occupation). */
int link_contradicts(const link_mention *a, const link_mention *b);

/* The evidence (log-likelihood ratio, nats) that a and b are one client. */
double link_evidence(const link_mention *a, const link_mention *b,
                     const link_setting *s);

/*
 * Cluster n mentions (sorted by time): cluster_of[i] receives the
 * cluster number of mention i, clusters numbered 0.. in order of first
 * mention.  Settled mentions keep their clusters; only pairs with an
 * unsettled mention (a draft, a post recorded since the scan) are tried.
 * Returns the number of clusters, or a negative MOSAIC_E* code.
 */
long link_cluster(size_t *cluster_of, const link_mention *m, size_t n,
                  const link_setting *s);

#endif
