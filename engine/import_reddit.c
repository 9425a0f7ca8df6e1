/*
 * import_reddit.c -- Reddit's data request export (a zip of CSV files):
 * posts.csv and comments.csv (Markdown kept as written), the account
 * name from statistics.csv.  Votes, saved and hidden items are not the
 * user's words and are left alone.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "export_csv.h"
#include "import.h"
#include "timefmt.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define REDDIT_ID_MAX 64

enum { PO_ID, PO_DATE, PO_TITLE, PO_URL, PO_BODY, PO_PERMALINK, PO_SUB };
static const export_column post_cols[] = {
    {"id", 1},   {"date", 1},      {"title", 1},     {"url", 0},
    {"body", 0}, {"permalink", 0}, {"subreddit", 0},
};

enum { CO_ID, CO_DATE, CO_LINK, CO_PARENT, CO_BODY, CO_PERMALINK, CO_SUB };
static const export_column comment_cols[] = {
    {"id", 1},   {"date", 1},      {"link", 1},      {"parent", 1},
    {"body", 1}, {"permalink", 0}, {"subreddit", 0},
};

enum { ST_NAME, ST_VALUE };
static const export_column statistic_cols[] = {
    {"statistic", 1},
    {"value", 1},
};

/* posts.csv or comments.csv by their headers (YouTube also ships a
 * comments.csv). */
static int reddit_detect(source *src)
{
    int rc;

    if (!source_is_archive(src))
        return 0;
    rc = export_csv_header_has(src, source_find(src, "posts.csv"),
                               post_cols + PO_PERMALINK, 2);
    if (rc == 0)
        rc = export_csv_header_has(src, source_find(src, "comments.csv"),
                                   comment_cols + CO_PERMALINK, 2);
    return rc;
}

static int reddit_time(const char *s, char *out, const char *where)
{
    if (time_normalise_written(s, out) < 0)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: date '%.40s' is not a date mosaic "
                                 "reads",
                                 where, s);
    return 0;
}

/* Reddit's "fullname": a bare base36 id with its kind prefix. */
static int fullname(char *out, const char *kind, const char *id, size_t len,
                    const char *where)
{
    if (len == 0 || len + 4 > REDDIT_ID_MAX)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: id '%.*s' is not a "
                                 "Reddit id",
                                 where, (int)(len > 40 ? 40 : len), id);
    if (len > 3 && id[0] == 't' && id[2] == '_')
        snprintf(out, REDDIT_ID_MAX, "%.*s", (int)len, id);
    else
        snprintf(out, REDDIT_ID_MAX, "%s_%.*s", kind, (int)len, id);
    return 0;
}

/* The post id in ".../comments/<id>/slug/": its length, 0 if none. */
static size_t post_id_in_url(const char *url, const char **id)
{
    const char *p = strstr(url, "/comments/");

    if (p == NULL)
        return 0;
    *id = p + strlen("/comments/");
    return strcspn(*id, "/?#");
}

static int store_post(import_sink *sink, export_csv *f, strbuf *text)
{
    mosaic_post p = {0};
    char when[TIME_ISO_LEN], id[REDDIT_ID_MAX];
    const char *raw = export_csv_get(f, PO_ID),
               *url = export_csv_get(f, PO_URL);
    const char *in_url = NULL;
    size_t in_len = post_id_in_url(url, &in_url);
    int rc;

    if ((rc = fullname(id, "t3", raw, strlen(raw), f->where)) < 0 ||
        (rc = reddit_time(export_csv_get(f, PO_DATE), when, f->where)) < 0)
        return rc;
    strbuf_clear(text);
    if ((rc = strbuf_puts(text, export_csv_get(f, PO_TITLE))) < 0 ||
        (export_csv_get(f, PO_BODY)[0] &&
         ((rc = strbuf_puts(text, "\n\n")) < 0 ||
          (rc = strbuf_puts(text, export_csv_get(f, PO_BODY))) < 0)))
        return rc;
    p.platform = "reddit";
    p.native_id = id;
    p.created_at = when;
    p.own = 1;
    /* A self post's url is its own comments page; anything else a link. */
    p.kind = url[0] == '\0' || (in_len == strlen(raw) &&
                                strncmp(in_url, raw, in_len) == 0)
                 ? "post"
                 : "link";
    p.visibility = "public";
    p.text = strbuf_str(text);
    return sink_post(sink, &p, f->where);
}

static int store_comment(import_sink *sink, export_csv *f)
{
    mosaic_post p = {0};
    char when[TIME_ISO_LEN], id[REDDIT_ID_MAX], root[REDDIT_ID_MAX],
        parent[REDDIT_ID_MAX];
    const char *raw = export_csv_get(f, CO_ID),
               *up = export_csv_get(f, CO_PARENT);
    const char *post = NULL;
    size_t post_len = post_id_in_url(export_csv_get(f, CO_LINK), &post);
    int rc;

    if (export_csv_get(f, CO_BODY)[0] == '\0') {
        sink_skip(sink);
        return 0;
    }
    if ((rc = fullname(id, "t1", raw, strlen(raw), f->where)) < 0 ||
        (rc = reddit_time(export_csv_get(f, CO_DATE), when, f->where)) < 0 ||
        (post_len && (rc = fullname(root, "t3", post, post_len, f->where)) < 0))
        return rc;
    /* The parent is a bare comment id; empty (or the post's id) at the
     * top level. */
    if (up[0] &&
        !(post_len == strlen(up) && strncmp(up, post, post_len) == 0)) {
        if ((rc = fullname(parent, "t1", up, strlen(up), f->where)) < 0)
            return rc;
        p.reply_to = parent;
    } else {
        p.reply_to = post_len ? root : NULL;
    }
    p.platform = "reddit";
    p.native_id = id;
    p.created_at = when;
    p.own = 1;
    p.kind = "comment";
    p.visibility = "public";
    p.text = export_csv_get(f, CO_BODY);
    p.thread_root = post_len ? root : NULL;
    return sink_post(sink, &p, f->where);
}

static int read_posts(source *src, import_sink *sink, const char *member)
{
    export_csv f;
    strbuf text = STRBUF_INIT(IMPORT_POST_MAX + 8);
    int rc;

    if ((rc = export_csv_open(&f, src, member, post_cols,
                              ARRAY_SIZE(post_cols))) == 0)
        while ((rc = export_csv_next(&f)) > 0 &&
               (rc = store_post(sink, &f, &text)) == 0)
            ;
    export_csv_close(&f);
    strbuf_dispose(&text);
    return rc;
}

static int read_comments(source *src, import_sink *sink, const char *member)
{
    export_csv f;
    int rc;

    if ((rc = export_csv_open(&f, src, member, comment_cols,
                              ARRAY_SIZE(comment_cols))) == 0)
        while ((rc = export_csv_next(&f)) > 0 &&
               (rc = store_comment(sink, &f)) == 0)
            ;
    export_csv_close(&f);
    return rc;
}

/* statistics.csv: only the account name, as the profile's handle. */
static int read_statistics(source *src, import_sink *sink, const char *member)
{
    mosaic_profile pr = {"reddit", NULL, NULL, NULL, NULL, NULL};
    char handle[256] = "";
    export_csv f;
    int rc;

    if ((rc = export_csv_open(&f, src, member, statistic_cols,
                              ARRAY_SIZE(statistic_cols))) == 0)
        while ((rc = export_csv_next(&f)) > 0)
            if (strcmp(export_csv_get(&f, ST_NAME), "account name") == 0)
                snprintf(handle, sizeof(handle), "%s",
                         export_csv_get(&f, ST_VALUE));
    export_csv_close(&f);
    if (rc < 0 || handle[0] == '\0')
        return rc;
    pr.handle = handle;
    return sink_profile(sink, &pr);
}

static int reddit_read(source *src, import_sink *sink)
{
    const char *posts = source_find(src, "posts.csv");
    const char *comments = source_find(src, "comments.csv");
    const char *stats = source_find(src, "statistics.csv");
    int rc = 0;

    if ((posts && (rc = read_posts(src, sink, posts)) < 0) ||
        (comments && (rc = read_comments(src, sink, comments)) < 0) ||
        (stats && (rc = read_statistics(src, sink, stats)) < 0))
        return rc;
    return 0;
}

const struct importer importer_reddit = {
    "reddit",
    "Reddit data request export (zip): posts, comments",
    reddit_detect,
    reddit_read,
};
