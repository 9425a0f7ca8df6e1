/*
 * store_posts.c -- posts and profiles in the store: idempotent writes
 * keyed by (platform, native_id), and read-back in time order.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "error.h"
#include "store.h"

#define POST_COLUMNS                                                         \
    "platform, native_id, created_at, own, kind, visibility, text, "        \
    "reply_to, thread_root, content_warning, alt_texts, place, boost_of, " \
    "quote_of, edited, deleted"

/* imported_at is bound, not left to its DEFAULT: strftime per row was
 * a twentieth of an import's time. */
static const char sql_insert[] =
    "INSERT INTO posts (" POST_COLUMNS ", imported_at) VALUES "
    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
    "?17) ON CONFLICT (platform, native_id) DO NOTHING";

/* Re-import: take the newer export's content, but only count a change. */
static const char sql_update[] =
    "UPDATE posts SET created_at=?3, own=?4, kind=?5, visibility=?6, "
    "text=?7, reply_to=?8, thread_root=?9, content_warning=?10, "
    "alt_texts=?11, place=?12, boost_of=?13, quote_of=?14, edited=?15, "
    "deleted=?16 WHERE platform=?1 AND native_id=?2 AND ("
    "created_at IS NOT ?3 OR own IS NOT ?4 OR kind IS NOT ?5 OR "
    "visibility IS NOT ?6 OR text IS NOT ?7 OR reply_to IS NOT ?8 OR "
    "thread_root IS NOT ?9 OR content_warning IS NOT ?10 OR "
    "alt_texts IS NOT ?11 OR place IS NOT ?12 OR boost_of IS NOT ?13 OR "
    "quote_of IS NOT ?14 OR edited IS NOT ?15 OR deleted IS NOT ?16)";

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    if (s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

static void bind_post(sqlite3_stmt *st, const mosaic_post *p)
{
    bind_text(st, 1, p->platform);
    bind_text(st, 2, p->native_id);
    bind_text(st, 3, p->created_at);
    sqlite3_bind_int(st, 4, p->own != 0);
    bind_text(st, 5, p->kind ? p->kind : "post");
    bind_text(st, 6, p->visibility);
    bind_text(st, 7, p->text);
    bind_text(st, 8, p->reply_to);
    bind_text(st, 9, p->thread_root);
    bind_text(st, 10, p->content_warning);
    bind_text(st, 11, p->alt_texts);
    bind_text(st, 12, p->place);
    bind_text(st, 13, p->boost_of);
    bind_text(st, 14, p->quote_of);
    sqlite3_bind_int(st, 15, p->edited != 0);
    sqlite3_bind_int(st, 16, p->deleted != 0);
}

/* The current second as the schema's DEFAULT writes it, formatted once
 * a second. */
static const char *import_stamp(mosaic_store *store)
{
    time_t now = time(NULL);
    struct tm tm;

    if ((long long)now != store->stamp_second || store->stamp[0] == '\0') {
        if (gmtime_r(&now, &tm) == NULL ||
            strftime(store->stamp, sizeof(store->stamp), "%Y-%m-%dT%H:%M:%SZ",
                     &tm) == 0)
            return NULL;
        store->stamp_second = (long long)now;
    }
    return store->stamp;
}

static int run_post(mosaic_store *store, sqlite3_stmt **st, const char *sql,
                    const mosaic_post *p, int *changed)
{
    if (*st == NULL &&
        sqlite3_prepare_v3(store->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st,
                           NULL) != SQLITE_OK)
        return store_error(store, "preparing");
    bind_post(*st, p);
    if (sql == sql_insert) {
        const char *stamp = import_stamp(store);
        if (stamp == NULL)
            return mosaic__error_set(MOSAIC_ERROR, "the clock cannot be read");
        sqlite3_bind_text(*st, 17, stamp, -1, SQLITE_STATIC);
    }
    if (sqlite3_step(*st) != SQLITE_DONE) {
        int rc = store_error(store, "storing a post");
        sqlite3_reset(*st);
        return rc;
    }
    sqlite3_reset(*st);
    *changed = sqlite3_changes(store->db) > 0;
    return 0;
}

int store_put_post(mosaic_store *store, const mosaic_post *post, int *added,
                   int *updated)
{
    int rc;

    *updated = 0;
    if ((rc = run_post(store, &store->insert_post, sql_insert, post,
                       added)) < 0 ||
        *added)
        return rc;
    return run_post(store, &store->update_post, sql_update, post, updated);
}

int store_put_profile(mosaic_store *store, const mosaic_profile *p)
{
    sqlite3_stmt *st = NULL;
    int rc = 0;

    if (sqlite3_prepare_v2(store->db,
                           "INSERT OR REPLACE INTO profiles (platform, "
                           "handle, display_name, bio, location, extra) "
                           "VALUES (?, ?, ?, ?, ?, ?)",
                           -1, &st, NULL) != SQLITE_OK)
        return store_error(store, "preparing");
    bind_text(st, 1, p->platform);
    bind_text(st, 2, p->handle);
    bind_text(st, 3, p->display_name);
    bind_text(st, 4, p->bio);
    bind_text(st, 5, p->location);
    bind_text(st, 6, p->extra);
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = store_error(store, "storing the profile");
    sqlite3_finalize(st);
    return rc;
}

static const char *col(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

static void read_post(sqlite3_stmt *st, mosaic_post *p)
{
    p->platform = col(st, 0);
    p->native_id = col(st, 1);
    p->created_at = col(st, 2);
    p->own = sqlite3_column_int(st, 3);
    p->kind = col(st, 4);
    p->visibility = col(st, 5);
    p->text = col(st, 6);
    p->reply_to = col(st, 7);
    p->thread_root = col(st, 8);
    p->content_warning = col(st, 9);
    p->alt_texts = col(st, 10);
    p->place = col(st, 11);
    p->boost_of = col(st, 12);
    p->quote_of = col(st, 13);
    p->edited = sqlite3_column_int(st, 14);
    p->deleted = sqlite3_column_int(st, 15);
}

int store_each_row(mosaic_store *store, const char *sql, const char *what,
                   store_row_fn fn, void *ctx)
{
    sqlite3_stmt *st = NULL;
    int rc, stop = 0;

    if (sqlite3_prepare_v2(store->db, sql, -1, &st, NULL) != SQLITE_OK)
        return store_error(store, what);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if ((stop = fn(st, ctx)) != 0)
            break;
    if (!stop && rc != SQLITE_DONE) {
        int err = store_error(store, what);
        sqlite3_finalize(st);
        return err;
    }
    sqlite3_finalize(st);
    return stop;
}

struct post_walk {
    mosaic_post_cb cb;
    void *ctx;
};

static int post_row(sqlite3_stmt *st, void *ctx)
{
    struct post_walk *w = ctx;
    mosaic_post p;
    int stop;

    read_post(st, &p);
    stop = w->cb(&p, w->ctx);
    return stop < 0 ? -stop : stop; /* the caller's stop: positive */
}

int mosaic_store_foreach_post(mosaic_store *store, mosaic_post_cb cb,
                              void *ctx)
{
    struct post_walk w = { cb, ctx };

    return store_each_row(store,
                          "SELECT " POST_COLUMNS " FROM posts ORDER BY "
                          "created_at IS NULL, created_at, platform, id",
                          "reading posts", post_row, &w);
}

long mosaic_store_count_posts(mosaic_store *store)
{
    sqlite3_stmt *st = NULL;
    long n = 0;

    if (sqlite3_prepare_v2(store->db, "SELECT count(*) FROM posts", -1, &st,
                           NULL) != SQLITE_OK)
        return store_error(store, "counting posts");
    if (sqlite3_step(st) == SQLITE_ROW)
        n = (long)sqlite3_column_int64(st, 0);
    else
        n = store_error(store, "counting posts");
    sqlite3_finalize(st);
    return n;
}

struct profile_walk {
    mosaic_profile_cb cb;
    void *ctx;
};

static int profile_row(sqlite3_stmt *st, void *ctx)
{
    struct profile_walk *w = ctx;
    mosaic_profile p = { col(st, 0), col(st, 1), col(st, 2),
                         col(st, 3), col(st, 4), col(st, 5) };
    int stop = w->cb(&p, w->ctx);

    return stop < 0 ? -stop : stop; /* the caller's stop: positive */
}

int mosaic_store_foreach_profile(mosaic_store *store, mosaic_profile_cb cb,
                                 void *ctx)
{
    struct profile_walk w = { cb, ctx };

    return store_each_row(store,
                          "SELECT platform, handle, display_name, bio, "
                          "location, extra FROM profiles ORDER BY platform",
                          "reading profiles", profile_row, &w);
}
