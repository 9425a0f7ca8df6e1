/*
 * store_import.c -- the write transaction of an import.  Into an empty
 * history, the time index is dropped for the inserts and built once at
 * the end, inside the same transaction: posts come newest first, and
 * keeping the index up to date row by row cost a tenth of a large
 * import and left its pages half full.  A crash rolls the drop back with
 * everything else; readers see the old snapshot, index and all.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "store.h"

/* Page cache while rows go in (KiB): the rows are appended and written
 * out anyway, a larger cache only held them longer; the index build
 * that follows gets the cache's size as its sort memory. */
#define IMPORT_CACHE_KIB 16384
#define IMPORT_TIME_INDEX "posts_by_time"

/* One integer from a query, or `fallback`. */
static long long store_query_int(mosaic_store *store, const char *sql,
                                 long long fallback)
{
    sqlite3_stmt *st = NULL;
    long long v = fallback;

    if (sqlite3_prepare_v2(store->db, sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* The CREATE statement of the time index, to run again at the end. */
static int store_index_sql(mosaic_store *store, char **out)
{
    sqlite3_stmt *st = NULL;
    int rc = 0;

    *out = NULL;
    if (sqlite3_prepare_v2(store->db,
                           "SELECT sql FROM sqlite_schema WHERE type='index' "
                           "AND name='" IMPORT_TIME_INDEX "'",
                           -1, &st, NULL) != SQLITE_OK)
        return store_error(store, "reading the schema");
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) &&
        (*out = strdup((const char *)sqlite3_column_text(st, 0))) == NULL)
        rc = mosaic__error_oom();
    sqlite3_finalize(st);
    return rc;
}

static void store_set_cache(mosaic_store *store, long long kib)
{
    char sql[64];

    snprintf(sql, sizeof(sql), "PRAGMA cache_size=-%lld", kib);
    sqlite3_exec(store->db, sql, NULL, NULL, NULL);
}

int store_import_begin(mosaic_store *store)
{
    int rc;

    if ((rc = store_begin(store)) < 0)
        return rc;
    if (store_query_int(store, "SELECT EXISTS (SELECT 1 FROM posts)", 1))
        return 0;
    if ((rc = store_index_sql(store, &store->deferred_index)) < 0 ||
        store->deferred_index == NULL)
        goto fail;
    if ((rc = store_exec(store, "DROP INDEX " IMPORT_TIME_INDEX,
                         "starting an import")) < 0)
        goto fail;
    store->cache_kib = -store_query_int(store, "PRAGMA cache_size", -2000);
    store_set_cache(store, IMPORT_CACHE_KIB);
    return 0;
fail:
    store_import_rollback(store);
    return rc;
}

int store_import_commit(mosaic_store *store)
{
    int rc;

    if (store->deferred_index) {
        store_set_cache(store, store->cache_kib);
        if ((rc = store_exec(store, store->deferred_index,
                             "indexing the posts by time")) < 0) {
            store_import_rollback(store);
            return rc;
        }
        free(store->deferred_index);
        store->deferred_index = NULL;
    }
    if ((rc = store_commit(store)) < 0)
        store_import_rollback(store);
    return rc;
}

void store_import_rollback(mosaic_store *store)
{
    store_rollback(store);
    if (store->deferred_index) {
        store_set_cache(store, store->cache_kib);
        free(store->deferred_index);
        store->deferred_index = NULL;
    }
}
