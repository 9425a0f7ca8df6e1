/*
 * import_instagram.c -- Instagram's "Download your information" zip
 * (JSON), with the Threads posts it carries: posts, comments, DMs,
 * Threads posts and replies, and the profiles.  Root folder prefix and
 * three posts paths by year.  See formats/instagram-threads.md.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "import_meta.h"

#define IG "instagram"
#define THREADS "threads"

struct ig_ctx {
    import_sink *sink;
    char *owner;                 /* display name: whose DMs are own */
    const char *ig_visibility;   /* "private" for a private account */
    const char *threads_visibility;
};

/* 1 if the member's folder (the path part before the base name) ends
 * in "/<dir>/" or is "<dir>/". */
static int ig_in_dir(const char *m, const char *dir)
{
    const char *base = meta_basename(m);
    size_t n = strlen(dir), have = (size_t)(base - m);

    if (have < n + 1 || strncmp(base - n - 1, dir, n) != 0 ||
        base[-1] != '/')
        return 0;
    return have == n + 1 || *(base - n - 2) == '/';
}

static int ig_is_posts(const char *m)
{
    return meta_is_part(m, "posts") &&
           (ig_in_dir(m, "content") || ig_in_dir(m, "media"));
}

static int ig_is_comments(const char *m)
{
    const char *base = meta_basename(m);

    return ig_in_dir(m, "comments") &&
           (meta_is_part(m, "post_comments") ||
            strcmp(base, "post_comments.json") == 0 ||
            strcmp(base, "reels_comments.json") == 0);
}

static int ig_is_threads(const char *m)
{
    return ig_in_dir(m, "threads") &&
           strcmp(meta_basename(m), "threads_and_replies.json") == 0;
}

static int ig_detect(source *src)
{
    for (size_t i = 0; i < source_member_count(src); i++) {
        const char *m = source_member_name(src, i);
        if (meta_is_junk(m))
            continue;
        if (strstr(m, "your_instagram_activity/") || ig_is_posts(m) ||
            ig_is_threads(m) ||
            strstr(m, "personal_information/personal_information/"
                      "personal_information.json"))
            return 1;
    }
    return 0;
}

/* string_map_data["<label>"].value */
static int ig_label(const json_t *map, const char *label, const char **out,
                    const char *where)
{
    json_t *entry;
    int rc;

    *out = NULL;
    if (map == NULL ||
        (rc = meta_object(map, label, &entry, where)) < 0 || entry == NULL)
        return map == NULL ? 0 : rc;
    return meta_string(entry, "value", out, where);
}

/* The first media[] entry: where Instagram and Threads keep the time,
 * the uri and (mostly) the text. */
static int ig_first_media(const json_t *post, json_t **first, size_t *count,
                          const char *where)
{
    json_t *media;
    int rc;

    *first = NULL;
    *count = 0;
    if ((rc = meta_array(post, "media", &media, where)) < 0 || media == NULL)
        return rc;
    *count = json_array_size(media);
    *first = json_array_get(media, 0);
    if (*first && (rc = meta_need_object(*first, where)) < 0)
        return rc;
    return 0;
}

/* Text: the outer title when it has words (carousels, cross-posts),
 * else media[0].title.  Time: media[0].creation_timestamp, else the
 * outer one. */
static int ig_text_and_time(const json_t *post, const json_t *first,
                            meta_item *item, const char *where)
{
    const char *outer, *inner = NULL;
    int rc, have = 0;

    if ((rc = meta_string(post, "title", &outer, where)) < 0 ||
        (first && (rc = meta_string(first, "title", &inner, where)) < 0))
        return rc;
    item->text = outer && outer[0] ? outer : inner;
    if (first && (have = meta_seconds(first, "creation_timestamp", 0,
                                      &item->seconds, where)) < 0)
        return have;
    if (have == 0 && (have = meta_seconds(post, "creation_timestamp", 0,
                                          &item->seconds, where)) < 0)
        return have;
    if (have == 0)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: no \"creation_timestamp\"", where);
    return 0;
}

static int ig_post(json_t *post, const char *where, void *ctx)
{
    struct ig_ctx *c = ctx;
    meta_item item = { IG, "ig", "post", c->ig_visibility, NULL, NULL,
                       0, 1, NULL };
    json_t *first;
    size_t count;
    int rc;

    if ((rc = meta_need_object(post, where)) < 0 ||
        (rc = ig_first_media(post, &first, &count, where)) < 0 ||
        (rc = ig_text_and_time(post, first, &item, where)) < 0 ||
        (first && (rc = meta_string(first, "uri", &item.native_id,
                                    where)) < 0))
        return rc;
    if (count > 1)
        item.kind = "carousel";
    return meta_store(c->sink, &item, where);
}

/* post_comments_N.json: {"string_map_data": {"Comment": {"value"},
 * "Time": {"timestamp"}}}; not linked to the post commented on. */
static int ig_comment(json_t *elem, const char *where, void *ctx)
{
    struct ig_ctx *c = ctx;
    meta_item item = { IG, "igc", "comment", c->ig_visibility, NULL, NULL,
                       0, 1, NULL };
    json_t *map, *time = NULL;
    int rc;

    if ((rc = meta_need_object(elem, where)) < 0 ||
        (rc = meta_object(elem, "string_map_data", &map, where)) < 0 ||
        (rc = ig_label(map, "Comment", &item.text, where)) < 0 ||
        (map && (rc = meta_object(map, "Time", &time, where)) < 0))
        return rc;
    if (item.text == NULL || item.text[0] == '\0') {
        sink_skip(c->sink);
        return 0;
    }
    if (time == NULL ||
        (rc = meta_seconds(time, "timestamp", 0, &item.seconds, where)) <= 0)
        return rc < 0 ? rc
                      : mosaic__error_set(MOSAIC_EFORMAT,
                                          "%s: no \"Time\" timestamp", where);
    return meta_store(c->sink, &item, where);
}

/* text_post_app_text_posts[]: text and time in media[0]; a reply is a
 * flag only (no parent, no author). */
static int ig_thread_post(json_t *post, const char *where, void *ctx)
{
    struct ig_ctx *c = ctx;
    meta_item item = { THREADS, "threads", "post", c->threads_visibility,
                       NULL, NULL, 0, 1, NULL };
    json_t *first, *app = NULL, *reply = NULL;
    size_t count;
    int rc;

    if ((rc = meta_need_object(post, where)) < 0 ||
        (rc = ig_first_media(post, &first, &count, where)) < 0 ||
        (rc = ig_text_and_time(post, first, &item, where)) < 0 ||
        (first && (rc = meta_object(first, "text_app_post", &app,
                                    where)) < 0))
        return rc;
    if (app)
        reply = json_object_get(app, "is_reply");
    if (reply && !json_is_boolean(reply) && !json_is_null(reply))
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: \"is_reply\" is not true or false",
                                 where);
    if (json_is_true(reply))
        item.kind = "reply";
    return meta_store(c->sink, &item, where);
}

/* The three profile files, loaded together: their strings are borrowed
 * until the profile is stored. */
struct ig_profile_docs {
    json_t *account, *based_in, *threads;
    json_t *account_map, *based_in_map, *threads_map;
};

/* Load `name` if present and find doc[key][0].string_map_data. */
static int ig_profile_map(source *src, const char *name, const char *key,
                          json_t **doc, json_t **map)
{
    const char *member = source_find(src, name);
    char where[META_WHERE_MAX];
    json_t *first;
    int rc;

    *doc = NULL;
    *map = NULL;
    if (member == NULL)
        return 0;
    if ((rc = meta_load(src, member, doc)) < 0)
        return rc;
    snprintf(where, sizeof(where), "%s:%s", source_path(src), member);
    first = json_array_get(json_object_get(*doc, key), 0);
    if (!json_is_object(first))
        return mosaic__error_set(MOSAIC_EFORMAT, "%s: no \"%s\" record",
                                 where, key);
    return meta_object(first, "string_map_data", map, where);
}

static int ig_extra_set(json_t *extra, const char *key, const char *value)
{
    if (value == NULL || value[0] == '\0')
        return 0;
    if (json_object_set_new(extra, key, json_string(value)) < 0)
        return mosaic__error_oom();
    return 0;
}

/* Private flags, Meta's inferred city and the Threads profile go into
 * `extra`; the Threads bio is a second self-description. */
static int ig_profile_extra(const struct ig_profile_docs *d, json_t *extra,
                            const char *where)
{
    static const struct {
        int threads;
        const char *label, *key;
    } fields[] = {
        { 0, "Private Account", "private_account" },
        { 1, "Username", "threads_handle" },
        { 1, "Name", "threads_display_name" },
        { 1, "Bio", "threads_bio" },
        { 1, "Private Account", "threads_private_account" },
    };
    const char *v;
    int rc;

    for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
        const json_t *map = fields[i].threads ? d->threads_map
                                              : d->account_map;
        if ((rc = ig_label(map, fields[i].label, &v, where)) < 0 ||
            (rc = ig_extra_set(extra, fields[i].key, v)) < 0)
            return rc;
    }
    if (d->based_in_map &&
        (rc = ig_extra_set(extra, "location_source", "inferred by Meta")) < 0)
        return rc;
    return 0;
}

static const char *ig_visibility(const char *private_flag)
{
    return private_flag && strcmp(private_flag, "True") == 0 ? "private"
                                                             : "public";
}

static int ig_profile_store(struct ig_ctx *c, struct ig_profile_docs *d,
                            const char *where)
{
    mosaic_profile p = { IG, NULL, NULL, NULL, NULL, NULL };
    json_t *extra = json_object();
    const char *flag;
    char *dumped = NULL;
    int rc;

    if (extra == NULL)
        return mosaic__error_oom();
    if ((rc = ig_label(d->account_map, "Username", &p.handle, where)) < 0 ||
        (rc = ig_label(d->account_map, "Name", &p.display_name, where)) < 0 ||
        (rc = ig_label(d->account_map, "Bio", &p.bio, where)) < 0 ||
        (rc = ig_label(d->based_in_map, "City Name", &p.location, where)) < 0 ||
        (rc = ig_profile_extra(d, extra, where)) < 0)
        goto done;
    if ((rc = ig_label(d->account_map, "Private Account", &flag, where)) < 0)
        goto done;
    c->ig_visibility = ig_visibility(flag);
    if ((rc = ig_label(d->threads_map, "Private Account", &flag, where)) < 0)
        goto done;
    c->threads_visibility = ig_visibility(flag);
    if (p.display_name && p.display_name[0] &&
        (c->owner = strdup(p.display_name)) == NULL) {
        rc = mosaic__error_oom();
        goto done;
    }
    if ((p.extra = dumped = json_dumps(extra, JSON_COMPACT)) == NULL) {
        rc = mosaic__error_oom();
        goto done;
    }
    rc = sink_profile(c->sink, &p);
done:
    free(dumped);
    json_decref(extra);
    return rc;
}

static int ig_profile(source *src, struct ig_ctx *c)
{
    struct ig_profile_docs d = { 0 };
    char where[META_WHERE_MAX];
    int rc;

    if ((rc = ig_profile_map(src,
                             "personal_information/personal_information.json",
                             "profile_user", &d.account,
                             &d.account_map)) < 0 ||
        (rc = ig_profile_map(src, "profile_based_in.json",
                             "inferred_data_primary_location", &d.based_in,
                             &d.based_in_map)) < 0 ||
        (rc = ig_profile_map(src, "threads/personal_information.json",
                             "text_post_app_text_post_app_profile",
                             &d.threads, &d.threads_map)) < 0)
        goto done;
    if (d.account || d.based_in || d.threads) {
        snprintf(where, sizeof(where), "%s: profile", source_path(src));
        rc = ig_profile_store(c, &d, where);
    }
done:
    json_decref(d.account);
    json_decref(d.based_in);
    json_decref(d.threads);
    return rc;
}

static int ig_read(source *src, import_sink *sink)
{
    struct ig_ctx c = { sink, NULL, "public", "public" };
    int rc;

    if ((rc = ig_profile(src, &c)) < 0)
        goto done;
    for (size_t i = 0; i < source_member_count(src) && rc == 0; i++) {
        const char *m = source_member_name(src, i);
        if (meta_is_junk(m))
            continue;
        if (ig_is_posts(m))
            rc = meta_each(src, m, NULL, ig_post, &c);
        else if (ig_is_comments(m))
            rc = meta_each(src, m, NULL, ig_comment, &c);
        else if (ig_is_threads(m))
            rc = meta_each(src, m, NULL, ig_thread_post, &c);
        else if (meta_is_thread(m))
            rc = meta_read_thread(src, m, IG, "igm", c.owner, sink);
    }
done:
    free(c.owner);
    return rc;
}

const struct importer importer_instagram = {
    "instagram",
    "Instagram \"Download your information\" zip (JSON): posts, comments, "
    "DMs, Threads posts, profile",
    ig_detect, ig_read,
};
