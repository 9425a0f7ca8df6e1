/*
 * store.h -- the engine's private view of the history store: the SQLite
 * handle, transactions, and the writes an import makes.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_STORE_H
#define MOSAIC_STORE_H

#include <sqlite3.h>

#include "mosaic.h"

struct mosaic_store {
    sqlite3 *db;
    char *path;
    sqlite3_stmt *insert_post, *update_post;
    sqlite3_stmt *insert_analysed, *delete_analysed, *insert_mention,
        *select_text;
    sqlite3_stmt *set_cluster, *keep_value;
    char *deferred_index;   /* an import's index to build at commit */
    long long cache_kib;    /* the page cache to restore after it */
    long long stamp_second; /* when `stamp` was written (time_t) */
    char stamp[24];         /* that second, as imported_at holds it */
};

/* Start, commit or roll back the one write transaction of a batch. */
int store_begin(mosaic_store *store);
int store_commit(mosaic_store *store);
void store_rollback(mosaic_store *store);

/* The same for an import: into an empty history, the posts' time index
 * is built once at commit instead of row by row.  A failed commit rolls
 * back. */
int store_import_begin(mosaic_store *store);
int store_import_commit(mosaic_store *store);
void store_import_rollback(mosaic_store *store);

/* Store one post; *added and *updated say what happened.  Idempotent on
 * (platform, native_id). */
int store_put_post(mosaic_store *store, const mosaic_post *post,
                   int *added, int *updated);

/* Store (replace) the profile exported for one platform. */
int store_put_profile(mosaic_store *store, const mosaic_profile *profile);

/* Run a query and hand each row to fn; fn's non-zero stops the walk
 * (returned as a positive number). */
typedef int (*store_row_fn)(sqlite3_stmt *st, void *ctx);
int store_each_row(mosaic_store *store, const char *sql, const char *what,
                   store_row_fn fn, void *ctx);

/* Run SQL without results; the error names `what` failed. */
int store_exec(mosaic_store *store, const char *sql, const char *what);

/* Fail with the store's message: "PATH: what: sqlite's message". */
int store_error(mosaic_store *store, const char *what);

#endif
