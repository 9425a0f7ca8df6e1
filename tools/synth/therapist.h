/*
 * therapist.h -- one therapist while their history is generated: the
 * practice, the catchment, the clients (with what has leaked about each
 * so far) and the open archive writers.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_SYNTH_THERAPIST_H
#define MOSAIC_SYNTH_THERAPIST_H

#include "synth.h"

typedef struct {
    synth_subject subject;
    synth_person person;
    int64_t start, end;     /* in therapy */
    double weight;          /* how often the therapist posts about them */
    synth_query leaked;     /* everything leaked so far, combined */
    char place_value[SYNTH_VALUE_MAX]; /* the narrowest place leaked */
    uint32_t leaked_cats;   /* bit per category leaked */
    int direct, self_recognition;
    uint32_t nposts;
    uint64_t last_id;       /* latest post about them, for threads */
    int last_platform;
    strbuf posts;           /* their posts' truth, JSON objects */
} synth_client;

typedef struct {
    unsigned index;
    char id[16], handle[64], display[96], email[128], bio[512],
        location[256];
    int sex, young;
    uint32_t practice;
    uint32_t *catchment;
    size_t ncatchment;
    uint64_t catchment_population;
    synth_client *clients;
    size_t nclients;
    uint64_t account_id;
    int64_t start, end, created;
    double x_share;
    synth_sink *sink[2];    /* 0 = X, 1 = Mastodon */
    char archive[2][256];   /* file names under the output folder */
    uint64_t count[2];
    strbuf negatives;       /* hard negatives' truth, JSON objects */
    gsl_rng *r;
} synth_therapist;

/* clients.c */
int clients_schedule(synth_therapist *t, const synth_world *w);
void clients_free(synth_therapist *t);
/* Pick a client in therapy at time at (weighted), or NULL. */
synth_client *clients_pick(synth_therapist *t, int64_t at);
/* Record what a post leaked about c (its non-negative spans). */
void clients_absorb(synth_client *c, const synth_post *p);
/* Append the therapist's clients' truth (those with posts). */
int clients_truth(strbuf *out, const synth_therapist *t,
                  const synth_world *w);

/* truth.c */
int truth_post(strbuf *out, const synth_post *p, int platform, uint64_t id,
               int64_t at, int kind, int negatives);

#endif
