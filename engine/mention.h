/*
 * mention.h -- client mentions: the attributes extraction found about a
 * client in one post, as the store keeps them (so a check does not
 * re-extract the history) and as the analysis reads them back.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_MENTION_H
#define MOSAIC_MENTION_H

#include <stddef.h>
#include <stdint.h>

#include "mosaic.h"

/* One attribute said about the client, with where it was said. */
typedef struct {
    const char *category, *value, *text;
    size_t start, end;           /* code points */
    size_t byte_start, byte_end; /* bytes */
    int age_low, age_high;
    int about;                   /* a mosaic_about */
} mention_span;

/* A post as the analysis sees it. */
typedef struct {
    int64_t post_id;             /* the store's row id; 0 for a draft */
    const char *platform, *native_id, *created_at, *text;
    const char *thread;          /* thread root, else the post replied to */
    int client_cue, back_reference, session_timing;
    int64_t cluster;             /* the last scan's cluster (its first
                                    post's id), 0 if none */
} mention_post;

/* Called per post (with its text); <0 stops with that error. */
typedef int (*mention_post_cb)(const mention_post *post, void *ctx);

/* Called per stored span of a client post, posts in time order. */
typedef int (*mention_span_cb)(const mention_post *post,
                               const mention_span *span, void *ctx);

/* The user's own posts with text not yet analysed by `extractor`. */
int store_each_unanalysed(mosaic_store *store, const char *extractor,
                          mention_post_cb cb, void *ctx);

/* The posts already analysed by `extractor` that refer to a client
 * (platform and native_id set). */
int store_each_client_cue(mosaic_store *store, const char *extractor,
                          mention_post_cb cb, void *ctx);

/* Record what extraction found in one post (its client spans only). */
int store_put_analysis(mosaic_store *store, const mention_post *post,
                       const char *extractor, const mention_span *spans,
                       size_t n);

/* Every stored client span, post by post in time order. */
int store_each_mention(mosaic_store *store, mention_span_cb cb, void *ctx);

/* Only the mentions of the posts in the clusters (or unclustered posts)
 * holding one of the n (category, value) pairs, plus, when `recent` > 0,
 * the clusters of the `recent` latest client posts. */
int store_each_mention_near(mosaic_store *store, const char *const *category,
                            const char *const *value, size_t n, int recent,
                            mention_span_cb cb, void *ctx);

/* Keep the cluster a scan put a client post in. */
int store_set_cluster(mosaic_store *store, int64_t post_id, int64_t cluster);
/* Forget every cluster's values (a scan is about to keep new ones). */
int store_forget_cluster_values(mosaic_store *store);
/* Keep one value of a cluster with a post that said it; the first post
 * given is kept (a scan gives the latest first). */
int store_keep_cluster_value(mosaic_store *store, int64_t cluster,
                             const char *category, const char *value,
                             int64_t post_id);

/* 1 when every stored post has been analysed by `extractor`; *posts is
 * then how many posts are stored (-1 if a store from before schema 5
 * did not keep it). */
int store_analysis_current(mosaic_store *store, const char *extractor,
                           long *posts);
/* Note that every stored post now is. */
int store_analysis_done(mosaic_store *store, const char *extractor);

/* One stored post's text by row id (borrowed until the next call). */
int store_post_text(mosaic_store *store, int64_t post_id, const char **out);

#endif
