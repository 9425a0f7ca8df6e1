/*
 * store_mentions.c -- the analysed and mentions tables (see mention.h).
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "mention.h"
#include "store.h"

static const char *col(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

/* Columns 0..7 of a post row as the analysis sees it. */
#define MENTION_POST_COLUMNS                                               \
    "p.id, p.platform, p.native_id, p.created_at, p.text, "              \
    "coalesce(p.thread_root, p.reply_to)"

static void read_mention_post(sqlite3_stmt *st, mention_post *p)
{
    p->post_id = sqlite3_column_int64(st, 0);
    p->platform = col(st, 1);
    p->native_id = col(st, 2);
    p->created_at = col(st, 3);
    p->text = col(st, 4);
    p->thread = col(st, 5);
}

struct post_walk {
    mention_post_cb cb;
    void *ctx;
};

static int unanalysed_row(sqlite3_stmt *st, void *ctx)
{
    struct post_walk *w = ctx;
    mention_post p = { 0 };

    read_mention_post(st, &p);
    return w->cb(&p, w->ctx);
}

int store_each_unanalysed(mosaic_store *store, const char *extractor,
                          mention_post_cb cb, void *ctx)
{
    struct post_walk w = { cb, ctx };
    char *sql = sqlite3_mprintf(
        "SELECT " MENTION_POST_COLUMNS " FROM posts p WHERE p.own AND "
        "p.text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM analysed a "
        "WHERE a.post_id = p.id AND a.extractor = %Q) ORDER BY p.id",
        extractor);
    int rc;

    if (sql == NULL)
        return mosaic__error_oom();
    rc = store_each_row(store, sql, "reading posts to analyse",
                        unanalysed_row, &w);
    sqlite3_free(sql);
    return rc;
}

static int cue_row(sqlite3_stmt *st, void *ctx)
{
    struct post_walk *w = ctx;
    mention_post p = { 0 };

    p.platform = col(st, 0);
    p.native_id = col(st, 1);
    p.client_cue = 1;
    return w->cb(&p, w->ctx);
}

int store_each_client_cue(mosaic_store *store, const char *extractor,
                          mention_post_cb cb, void *ctx)
{
    struct post_walk w = { cb, ctx };
    char *sql = sqlite3_mprintf(
        "SELECT p.platform, p.native_id FROM analysed a JOIN posts p ON "
        "p.id = a.post_id WHERE a.client_cue AND a.extractor = %Q",
        extractor);
    int rc;

    if (sql == NULL)
        return mosaic__error_oom();
    rc = store_each_row(store, sql, "reading client posts", cue_row, &w);
    sqlite3_free(sql);
    return rc;
}

static int step_done(mosaic_store *store, sqlite3_stmt *st, const char *what)
{
    int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : store_error(store, what);

    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc;
}

static int prepare(mosaic_store *store, sqlite3_stmt **st, const char *sql)
{
    if (*st == NULL &&
        sqlite3_prepare_v3(store->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st,
                           NULL) != SQLITE_OK)
        return store_error(store, "preparing the analysis");
    return 0;
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    if (s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

static int put_span(mosaic_store *store, int64_t post_id,
                    const mention_span *s)
{
    sqlite3_stmt *st;
    int rc;

    if ((rc = prepare(store, &store->insert_mention,
                      "INSERT INTO mentions (post_id, category, value, text, "
                      "start, end, byte_start, byte_end, age_low, age_high, "
                      "about) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) < 0)
        return rc;
    st = store->insert_mention;
    sqlite3_bind_int64(st, 1, post_id);
    bind_text(st, 2, s->category);
    bind_text(st, 3, s->value);
    bind_text(st, 4, s->text ? s->text : "");
    sqlite3_bind_int64(st, 5, (sqlite3_int64)s->start);
    sqlite3_bind_int64(st, 6, (sqlite3_int64)s->end);
    sqlite3_bind_int64(st, 7, (sqlite3_int64)s->byte_start);
    sqlite3_bind_int64(st, 8, (sqlite3_int64)s->byte_end);
    sqlite3_bind_int(st, 9, s->age_low);
    sqlite3_bind_int(st, 10, s->age_high);
    sqlite3_bind_int(st, 11, s->about);
    return step_done(store, st, "storing a mention");
}

int store_put_analysis(mosaic_store *store, const mention_post *post,
                       const char *extractor, const mention_span *spans,
                       size_t n)
{
    sqlite3_stmt *st;
    int rc;

    /* an older analysis goes first, its mentions with it (the cascade);
     * then a plain insert: INSERT OR REPLACE made every post's insert
     * keep a statement journal of the pages it changed */
    if ((rc = prepare(store, &store->delete_analysed,
                      "DELETE FROM analysed WHERE post_id = ?")) < 0)
        return rc;
    sqlite3_bind_int64(store->delete_analysed, 1, post->post_id);
    if ((rc = step_done(store, store->delete_analysed,
                        "replacing an analysis")) < 0 ||
        (rc = prepare(store, &store->insert_analysed,
                      "INSERT INTO analysed (post_id, extractor, "
                      "client_cue, back_reference, session_timing) VALUES "
                      "(?, ?, ?, ?, ?)")) < 0)
        return rc;
    st = store->insert_analysed;
    sqlite3_bind_int64(st, 1, post->post_id);
    bind_text(st, 2, extractor);
    sqlite3_bind_int(st, 3, post->client_cue);
    sqlite3_bind_int(st, 4, post->back_reference);
    sqlite3_bind_int(st, 5, post->session_timing);
    if ((rc = step_done(store, st, "storing the analysis")) < 0)
        return rc;
    for (size_t i = 0; i < n && rc == 0; i++)
        rc = put_span(store, post->post_id, &spans[i]);
    return rc;
}

struct span_walk {
    mention_span_cb cb;
    void *ctx;
};

static int mention_row(sqlite3_stmt *st, void *ctx)
{
    struct span_walk *w = ctx;
    mention_post p = { 0 };
    mention_span s;

    read_mention_post(st, &p);
    p.client_cue = sqlite3_column_int(st, 6);
    p.back_reference = sqlite3_column_int(st, 7);
    p.session_timing = sqlite3_column_int(st, 8);
    s.category = col(st, 9);
    s.value = col(st, 10);
    s.text = col(st, 11);
    s.start = (size_t)sqlite3_column_int64(st, 12);
    s.end = (size_t)sqlite3_column_int64(st, 13);
    s.byte_start = (size_t)sqlite3_column_int64(st, 14);
    s.byte_end = (size_t)sqlite3_column_int64(st, 15);
    s.age_low = sqlite3_column_int(st, 16);
    s.age_high = sqlite3_column_int(st, 17);
    s.about = sqlite3_column_int(st, 18);
    p.cluster = sqlite3_column_int64(st, 19);
    return w->cb(&p, &s, w->ctx);
}

/* The text is not read here: only the posts of findings need it. */
#define MENTION_COLUMNS                                                    \
    "SELECT p.id, p.platform, p.native_id, p.created_at, NULL, "          \
    "coalesce(p.thread_root, p.reply_to), a.client_cue, "                 \
    "a.back_reference, a.session_timing, m.category, m.value, m.text, "   \
    "m.start, m.end, m.byte_start, m.byte_end, m.age_low, m.age_high, "   \
    "m.about, a.cluster "
#define MENTION_JOINS                                                      \
    "JOIN analysed a ON a.post_id = m.post_id JOIN posts p ON p.id = "    \
    "m.post_id "
#define MENTION_SELECT MENTION_COLUMNS "FROM mentions m " MENTION_JOINS
#define MENTION_ORDER                                                      \
    " ORDER BY p.created_at IS NULL, p.created_at, p.id, m.start"

int store_each_mention(mosaic_store *store, mention_span_cb cb, void *ctx)
{
    struct span_walk w = { cb, ctx };

    return store_each_row(store, MENTION_SELECT MENTION_ORDER,
                          "reading mentions", mention_row, &w);
}

/* A post's cluster key: its scan cluster, else the post alone. */
#define CLUSTER_KEY "coalesce(a.cluster, -a.post_id)"

/* The draft's rare values as an SQL table, "(VALUES ('PLACE','hexham'),
 * ...)": a literal the planner reads from first, where a temporary table
 * without statistics made it scan every mention. */
static char *near_values(const char *const *category,
                         const char *const *value, size_t n)
{
    char *sql = sqlite3_mprintf("SELECT NULL, NULL WHERE 0"), *more;

    for (size_t i = 0; i < n && sql; i++, sql = more) {
        more = sqlite3_mprintf("%s UNION ALL SELECT %Q, %Q", sql, category[i],
                               value[i]);
        sqlite3_free(sql);
    }
    return sql;
}

int store_each_mention_near(mosaic_store *store, const char *const *category,
                            const char *const *value, size_t n, int recent,
                            mention_span_cb cb, void *ctx)
{
    struct span_walk w = { cb, ctx };
    char *sql, *near, recent_sql[256];
    int rc;

    /* after a back-reference: the clusters of the latest client posts */
    snprintf(recent_sql, sizeof(recent_sql),
             " UNION SELECT * FROM (SELECT " CLUSTER_KEY " FROM analysed a "
             "JOIN posts p ON p.id = a.post_id WHERE a.client_cue ORDER BY "
             "p.created_at DESC LIMIT %d)",
             recent);

    if (n == 0 && recent <= 0)
        return 0; /* nothing the draft could link through */
    if ((near = near_values(category, value, n)) == NULL)
        return mosaic__error_oom();
    /* cluster keys first (by the value index), then their members (by
     * the cluster index): no pass over the whole history */
    sql = sqlite3_mprintf(
        "WITH near(category, value) AS (%s), "
        "keys(k) AS (SELECT DISTINCT " CLUSTER_KEY " FROM near v CROSS "
        "JOIN mentions m ON m.category = v.category AND m.value = v.value "
        "JOIN analysed a ON a.post_id = m.post_id%s), "
        "members(post_id) AS (SELECT v.post_id FROM keys CROSS JOIN "
        "cluster_values v ON v.cluster = keys.k UNION SELECT -k FROM keys "
        "WHERE k < 0) "
        /* CROSS JOIN: from the few members to their posts and mentions,
         * never a scan of every mention */
        MENTION_COLUMNS "FROM members CROSS JOIN analysed a ON a.post_id = "
        "members.post_id CROSS JOIN posts p ON p.id = a.post_id CROSS JOIN "
        "mentions m ON m.post_id = a.post_id" MENTION_ORDER,
        near, recent > 0 ? recent_sql : "");
    sqlite3_free(near);
    if (sql == NULL)
        return mosaic__error_oom();
    rc = store_each_row(store, sql, "reading mentions", mention_row, &w);
    sqlite3_free(sql);
    return rc;
}

int store_set_cluster(mosaic_store *store, int64_t post_id, int64_t cluster)
{
    int rc;

    if ((rc = prepare(store, &store->set_cluster,
                      "UPDATE analysed SET cluster = ? WHERE post_id = ?")) <
        0)
        return rc;
    sqlite3_bind_int64(store->set_cluster, 1, cluster);
    sqlite3_bind_int64(store->set_cluster, 2, post_id);
    return step_done(store, store->set_cluster, "keeping a cluster");
}

int store_forget_cluster_values(mosaic_store *store)
{
    return store_exec(store, "DELETE FROM cluster_values",
                      "forgetting clusters");
}

int store_keep_cluster_value(mosaic_store *store, int64_t cluster,
                             const char *category, const char *value,
                             int64_t post_id)
{
    int rc;

    if ((rc = prepare(store, &store->keep_value,
                      "INSERT OR IGNORE INTO cluster_values VALUES "
                      "(?, ?, ?, ?)")) < 0)
        return rc;
    sqlite3_bind_int64(store->keep_value, 1, cluster);
    bind_text(store->keep_value, 2, category);
    bind_text(store->keep_value, 3, value);
    sqlite3_bind_int64(store->keep_value, 4, post_id);
    return step_done(store, store->keep_value, "keeping a cluster");
}

int store_analysis_current(mosaic_store *store, const char *extractor,
                           long *posts)
{
    sqlite3_stmt *st = NULL;
    int rc;

    *posts = -1;
    if (sqlite3_prepare_v2(store->db,
                           "SELECT coalesce(posts, -1) FROM analysis_state "
                           "WHERE extractor = ? AND max_post_id = (SELECT "
                           "coalesce(max(id), 0) FROM posts)",
                           -1, &st, NULL) != SQLITE_OK)
        return store_error(store, "reading the analysis state");
    sqlite3_bind_text(st, 1, extractor, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *posts = (long)sqlite3_column_int64(st, 0);
    rc = rc == SQLITE_ROW    ? 1
         : rc == SQLITE_DONE ? 0
                             : store_error(store, "reading the analysis state");
    sqlite3_finalize(st);
    return rc;
}

int store_analysis_done(mosaic_store *store, const char *extractor)
{
    char *sql = sqlite3_mprintf(
        "DELETE FROM analysis_state; INSERT INTO analysis_state SELECT %Q, "
        "coalesce(max(id), 0), count(*) FROM posts",
        extractor);
    int rc;

    if (sql == NULL)
        return mosaic__error_oom();
    rc = store_exec(store, sql, "keeping the analysis state");
    sqlite3_free(sql);
    return rc;
}

int store_post_text(mosaic_store *store, int64_t post_id, const char **out)
{
    int rc;

    *out = NULL;
    if ((rc = prepare(store, &store->select_text,
                      "SELECT text FROM posts WHERE id = ?")) < 0)
        return rc;
    sqlite3_reset(store->select_text);
    sqlite3_bind_int64(store->select_text, 1, post_id);
    rc = sqlite3_step(store->select_text);
    if (rc == SQLITE_ROW) {
        *out = col(store->select_text, 0);
        return 0;
    }
    if (rc == SQLITE_DONE)
        return mosaic__error_set(MOSAIC_ENOTFOUND, "post %lld is not stored",
                                 (long long)post_id);
    return store_error(store, "reading a post");
}
