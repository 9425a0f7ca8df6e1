/*
 * mst.h -- the record paths of a Bluesky repository, from its Merkle
 * Search Tree: every MST node block is noted as it streams past, then
 * the tree is walked from the commit's root so only live records count.
 * Keys are "<collection>/<rkey>"; a caller's filter says which to keep.
 *
 * Memory is bounded: at most MST_ENTRIES_MAX entries and nodes (records
 * of every collection) and MST_KEYS_MAX bytes of kept keys; past them the import
 * is refused with MOSAIC_ETOOBIG.  Per record 48 bytes, plus its key if
 * kept; per node link 36 bytes (about 200 MiB at the limit).  Lookups are sorted arrays and binary
 * search, so crafted CIDs cannot make them slow.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_MST_H
#define MOSAIC_MST_H

#include <stddef.h>

#include "car.h"

#define MST_ENTRIES_MAX 4000000U
#define MST_KEYS_MAX (256U << 20)
#define MST_KEY_MAX 1024 /* atproto: NSID 317 + "/" + rkey 512 */

typedef struct mst_index mst_index;

/* Keep the records whose key passes `keep` (key[len] is not NUL). */
typedef int (*mst_keep_fn)(const char *key, size_t len);

int mst_index_new(mst_index **out, mst_keep_fn keep);
void mst_index_free(mst_index *ix);

/* 1 if a decoded block has the shape of an MST node ({"e": [...], "l"}). */
int mst_is_node(const cbor_item_t *item);

/* Note one MST node (the block `cid`); MOSAIC_EFORMAT naming `where`. */
int mst_index_add(mst_index *ix, const car_cid *cid, const cbor_item_t *node,
                  const char *where);

/* What a walk found. */
typedef struct {
    size_t nodes;   /* MST nodes reached */
    size_t missing; /* links to nodes the CAR lacks (the root included) */
    size_t records; /* entries of the nodes reached, kept or not */
    size_t kept;    /* of those, the ones `keep` accepted */
} mst_walk_stats;

/*
 * Walk from the tree's root (the commit's "data"), keeping the records
 * of nodes reached.  Nodes the CAR lacks are passed over (the spec
 * tolerates dangling links) and counted.
 */
int mst_index_walk(mst_index *ix, const car_cid *root, mst_walk_stats *out);

/*
 * The next path of the record block `cid`: 1 with *path (borrowed,
 * NUL-terminated; NULL for a record `keep` refused), 0 when none is
 * left.  Each path is handed out once, so a duplicated block is not read
 * twice.
 */
int mst_index_next_path(mst_index *ix, const car_cid *cid, const char **path);

/* Live records whose block was never handed out (missing from the CAR). */
size_t mst_index_unread(const mst_index *ix);

#endif
