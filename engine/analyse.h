/*
 * analyse.h -- the analysis stages behind mosaic_scan_history and
 * mosaic_check_draft, one file each:
 *
 *   history.c   extract the posts not yet analysed, keep the mentions
 *   mentions.c  load client mentions, price each attribute
 *   finding.c   score a cluster of mentions and write its finding
 *   analyse.c   the analyser, scan and check
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_ANALYSE_H
#define MOSAIC_ANALYSE_H

#include "arena.h"
#include "link.h"
#include "mention.h"
#include "population.h"
#include "score.h"
#include "suggest.h"

/* The extractor's version: with the reference data's fingerprint, the
 * identity kept with each analysed post (a post whose stored analysis
 * came from another version or other data is analysed again). */
#define ANALYSE_EXTRACTOR_ID "mosaic-extract-13"

struct mosaic_analyser {
    mosaic_store *store; /* borrowed */
    mosaic_extractor *ext;
    char extractor_id[48]; /* ANALYSE_EXTRACTOR_ID "+" the data's print */
    population *pop;
    catchment area;
    score_setting setting;
    link_setting linking;
    mosaic_verdict floor;
    mosaic_progress_cb progress;
    void *progress_ctx;
    long history_posts; /* posts stored, as of history_extract_pending */
};

/* One priced attribute of a client mention. */
typedef struct {
    mention_span span; /* strings in the mention set's arena */
    assess_item item;  /* its price, ladder and facts */
} mention_attr;

/* Client mentions in time order, with their attributes. */
typedef struct {
    arena mem;
    mention_post *posts;    /* one per mention */
    link_mention *links;    /* parallel to posts */
    size_t n, cap;
    mention_attr *attrs;    /* grouped by mention */
    link_attr *link_attrs;  /* parallel to attrs */
    size_t *first;          /* first attribute of mention i */
    size_t nattrs, attr_cap;
} mention_set;

/* Extract every own post not yet analysed; store what was found. */
int history_extract_pending(mosaic_analyser *an);

/* Keep the spans of an extraction (of `text`) that describe the client;
 * continues_client: the post goes on a thread about a client. */
size_t mention_client_spans(mention_span *out, size_t max,
                            const mosaic_extraction *x, const char *text,
                            int continues_client);

/* Load the stored mentions and price them. */
int mentions_load(mention_set *set, mosaic_analyser *an);
/* Load only the clusters a draft's rare values (or, after a
 * back-reference, the latest client posts) could link to. */
int mentions_load_near(mention_set *set, mosaic_analyser *an,
                       const mention_span *spans, size_t n,
                       int back_reference);
/* Append one mention (a draft): its spans are copied and priced. */
int mentions_add(mention_set *set, mosaic_analyser *an,
                 const mention_post *post, const mention_span *spans,
                 size_t n);
/* Weigh agreement by how common each value is in this history too. */
int mentions_weigh_by_history(mention_set *set);
/* Point the link views at the attributes (after the last add). */
void mentions_seal(mention_set *set);
void mentions_dispose(mention_set *set);

/* Score the mentions in `members` (indexes into set, time order) as one
 * client; add a finding to the report when at or above `floor`.
 * *got receives the verdict either way. */
int finding_add(mosaic_report *r, mosaic_analyser *an,
                const mention_set *set, const size_t *members, size_t n,
                mosaic_verdict floor, mosaic_verdict *got);

#endif
