/*
 * import_facebook.c -- Facebook's "Download your information" zip (JSON):
 * posts, comments, Messenger threads and profile_v2, in the three folder
 * layouts (matched by file name).  See formats/facebook.md.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "import_meta.h"

#define FB "facebook"

struct fb_ctx {
    import_sink *sink;
    char *owner; /* the account's full name: whose messages are own */
    const char *visibility; /* "community" inside groups, else "public" */
};

/* What a post's attachments say about it. */
struct fb_attach {
    const char *place;       /* a check-in's place name */
    const char *description; /* a photo's caption */
    int media, link;
};

static int fb_is_posts(const char *m)
{
    return meta_is_part(m, "your_posts") ||
           meta_is_part(m, "your_posts__check_ins__photos_and_videos") ||
           meta_is_part(m, "profile_posts");
}

/* groups/group_posts_and_comments.json {"group_posts_v2": [posts]} and
 * groups/your_comments_in_groups.json {"group_comments_v2": [comments]}:
 * the same shapes, seen by a group's members. */
static int fb_is_group_posts(const char *m)
{
    return strcmp(meta_basename(m), "group_posts_and_comments.json") == 0;
}

static int fb_is_group_comments(const char *m)
{
    return strcmp(meta_basename(m), "your_comments_in_groups.json") == 0;
}

static int fb_is_comments(const char *m)
{
    const char *base = meta_basename(m);
    size_t dir = (size_t)(base - m);

    return strcmp(base, "comments.json") == 0 &&
           ((dir >= 9 && strncmp(base - 9, "comments/", 9) == 0) ||
            (dir >= 23 &&
             strncmp(base - 23, "comments_and_reactions/", 23) == 0));
}

static int fb_detect(source *src)
{
    for (size_t i = 0; i < source_member_count(src); i++) {
        const char *m = source_member_name(src, i);
        if (meta_is_junk(m))
            continue;
        if (fb_is_posts(m) || fb_is_comments(m) ||
            strstr(m, "your_facebook_activity/") ||
            strstr(m, "your_activity_across_facebook/") ||
            strstr(m, "profile_information/profile_information.json"))
            return 1;
    }
    return 0;
}

/* One attachments[].data[] entry: a place, a photo or a link. */
static int fb_attach_entry(const json_t *entry, struct fb_attach *a,
                           const char *where)
{
    json_t *place, *media, *link;
    const char *s;
    int rc;

    if ((rc = meta_need_object(entry, where)) < 0 ||
        (rc = meta_object(entry, "place", &place, where)) < 0 ||
        (rc = meta_object(entry, "media", &media, where)) < 0 ||
        (rc = meta_object(entry, "external_context", &link, where)) < 0)
        return rc;
    if (place && (rc = meta_string(place, "name", &s, where)) < 0)
        return rc;
    if (place && s && s[0] && a->place == NULL)
        a->place = s;
    if (media && (rc = meta_string(media, "description", &s, where)) < 0)
        return rc;
    if (media && s && s[0] && a->description == NULL)
        a->description = s;
    a->media |= media != NULL;
    a->link |= link != NULL;
    return 0;
}

static int fb_attachments(const json_t *post, struct fb_attach *a,
                          const char *where)
{
    json_t *list, *att, *data, *entry;
    size_t i, j;
    int rc;

    if ((rc = meta_array(post, "attachments", &list, where)) < 0)
        return rc;
    json_array_foreach(list, i, att)
    {
        if ((rc = meta_need_object(att, where)) < 0 ||
            (rc = meta_array(att, "data", &data, where)) < 0)
            return rc;
        json_array_foreach(data, j, entry)
        {
            if ((rc = fb_attach_entry(entry, a, where)) < 0)
                return rc;
        }
    }
    return 0;
}

/* The post's own words: the first data[].post. */
static int fb_post_text(const json_t *post, const char **text,
                        const char *where)
{
    json_t *data, *entry;
    size_t i;
    int rc;

    *text = NULL;
    if ((rc = meta_array(post, "data", &data, where)) < 0)
        return rc;
    json_array_foreach(data, i, entry)
    {
        const char *s;
        if ((rc = meta_need_object(entry, where)) < 0 ||
            (rc = meta_string(entry, "post", &s, where)) < 0)
            return rc;
        if (s && *text == NULL)
            *text = s;
    }
    return 0;
}

/* Check-ins carry a place even without words; the generated title
 * ("X wrote on Y's timeline.", in the account's language) is the only
 * sign of a wall post. */
static const char *fb_kind(const char *text, const char *title,
                           const struct fb_attach *a)
{
    if (a->place)
        return "checkin";
    if (text == NULL || text[0] == '\0')
        return "no_text";
    if (title && strstr(title, " wrote on "))
        return "wall_post";
    if (a->media)
        return "photo";
    if (a->link)
        return "link";
    return "post";
}

static int fb_post(json_t *post, const char *where, void *ctx)
{
    struct fb_ctx *c = ctx;
    struct fb_attach a = {NULL, NULL, 0, 0};
    meta_item item = {FB, "fb", NULL, c->visibility, NULL, NULL, 0, 1, NULL};
    const char *title;
    int rc;

    if ((rc = meta_need_object(post, where)) < 0 ||
        (rc = meta_seconds(post, "timestamp", 0, &item.seconds, where)) < 0)
        return rc;
    if (rc == 0)
        return mosaic__error_set(MOSAIC_EFORMAT, "%s: no \"timestamp\"", where);
    if ((rc = meta_string(post, "title", &title, where)) < 0 ||
        (rc = fb_post_text(post, &item.text, where)) < 0 ||
        (rc = fb_attachments(post, &a, where)) < 0)
        return rc;
    if (item.text == NULL || item.text[0] == '\0')
        item.text = a.description; /* a photo's caption */
    item.kind = fb_kind(item.text, title, &a);
    item.place = a.place;
    return meta_store(c->sink, &item, where);
}

/* comments_v2[]: {timestamp, data: [{comment: {timestamp, comment,
 * author}}], title}.  Comments by someone else (a Page the user ran)
 * are stored as not own. */
static int fb_comment(json_t *elem, const char *where, void *ctx)
{
    struct fb_ctx *c = ctx;
    meta_item item = {FB,   "fbc", "comment", c->visibility, NULL,
                      NULL, 0,     1,         NULL};
    json_t *data, *entry, *comment = NULL;
    const char *author = NULL;
    size_t i;
    int rc;

    if ((rc = meta_need_object(elem, where)) < 0 ||
        (rc = meta_seconds(elem, "timestamp", 0, &item.seconds, where)) < 0 ||
        (rc = meta_array(elem, "data", &data, where)) < 0)
        return rc;
    json_array_foreach(data, i, entry)
    {
        if ((rc = meta_need_object(entry, where)) < 0 ||
            (comment == NULL &&
             (rc = meta_object(entry, "comment", &comment, where)) < 0))
            return rc;
    }
    if (comment &&
        ((rc = meta_string(comment, "comment", &item.text, where)) < 0 ||
         (rc = meta_string(comment, "author", &author, where)) < 0 ||
         (rc = meta_seconds(comment, "timestamp", 0, &item.seconds, where)) <
             0))
        return rc;
    if (item.text == NULL || item.text[0] == '\0') {
        sink_skip(c->sink); /* a sticker or photo comment */
        return 0;
    }
    if (item.seconds == 0)
        item.seconds = json_integer_value(json_object_get(elem, "timestamp"));
    if (item.seconds == 0)
        return mosaic__error_set(MOSAIC_EFORMAT, "%s: no \"timestamp\"", where);
    item.own =
        author == NULL || c->owner == NULL || strcmp(author, c->owner) == 0;
    return meta_store(c->sink, &item, where);
}

/* Append "a, b, c" (the non-empty strings) to a "; "-separated list. */
static int fb_join(strbuf *out, const char *const *parts, size_t n)
{
    int rc = 0, first = 1;

    if (out->len > 0)
        rc = strbuf_puts(out, "; ");
    for (size_t i = 0; i < n && rc == 0; i++) {
        if (parts[i] == NULL || parts[i][0] == '\0')
            continue;
        if (!first)
            rc = strbuf_puts(out, ", ");
        if (rc == 0)
            rc = strbuf_puts(out, parts[i]);
        first = 0;
    }
    return rc;
}

/* work_experiences[] as "title, employer, location; ...". */
static int fb_work(const json_t *prof, strbuf *out, const char *where)
{
    json_t *list, *job;
    size_t i;
    int rc;

    if ((rc = meta_array(prof, "work_experiences", &list, where)) < 0)
        return rc;
    json_array_foreach(list, i, job)
    {
        const char *part[3];
        if ((rc = meta_need_object(job, where)) < 0 ||
            (rc = meta_string(job, "title", &part[0], where)) < 0 ||
            (rc = meta_string(job, "employer", &part[1], where)) < 0 ||
            (rc = meta_string(job, "location", &part[2], where)) < 0 ||
            (rc = fb_join(out, part, 3)) < 0)
            return rc;
    }
    return 0;
}

/* education_experiences[] as "school; school". */
static int fb_education(const json_t *prof, strbuf *out, const char *where)
{
    json_t *list, *school;
    size_t i;
    int rc;

    if ((rc = meta_array(prof, "education_experiences", &list, where)) < 0)
        return rc;
    json_array_foreach(list, i, school)
    {
        const char *name;
        if ((rc = meta_need_object(school, where)) < 0 ||
            (rc = meta_string(school, "name", &name, where)) < 0 ||
            (rc = fb_join(out, &name, 1)) < 0)
            return rc;
    }
    return 0;
}

/* The "name" of an object field such as current_city or hometown. */
static int fb_named(const json_t *prof, const char *field, const char **out,
                    const char *where)
{
    json_t *o;
    int rc;

    *out = NULL;
    if ((rc = meta_object(prof, field, &o, where)) < 0 || o == NULL)
        return rc;
    return meta_string(o, "name", out, where);
}

static int fb_extra_set(json_t *extra, const char *key, const char *value)
{
    if (value == NULL || value[0] == '\0')
        return 0;
    if (json_object_set_new(extra, key, json_string(value)) < 0)
        return mosaic__error_oom();
    return 0;
}

/* Hometown, work and schools: quasi-identifiers kept in `extra`. */
static int fb_profile_extra(const json_t *prof, char **out, const char *where)
{
    strbuf work = STRBUF_INIT(64 * 1024), school = STRBUF_INIT(64 * 1024);
    json_t *extra = json_object();
    const char *hometown;
    int rc;

    *out = NULL;
    if (extra == NULL)
        return mosaic__error_oom();
    if ((rc = fb_named(prof, "hometown", &hometown, where)) < 0 ||
        (rc = fb_work(prof, &work, where)) < 0 ||
        (rc = fb_education(prof, &school, where)) < 0 ||
        (rc = fb_extra_set(extra, "hometown", hometown)) < 0 ||
        (rc = fb_extra_set(extra, "work", strbuf_str(&work))) < 0 ||
        (rc = fb_extra_set(extra, "education", strbuf_str(&school))) < 0)
        goto done;
    if ((*out = json_dumps(extra, JSON_COMPACT)) == NULL)
        rc = mosaic__error_oom();
done:
    json_decref(extra);
    strbuf_dispose(&work);
    strbuf_dispose(&school);
    return rc;
}

static int fb_profile_store(struct fb_ctx *c, const json_t *prof,
                            const char *where)
{
    mosaic_profile p = {FB, NULL, NULL, NULL, NULL, NULL};
    json_t *name;
    const char *hometown;
    char *extra = NULL;
    int rc;

    if ((rc = meta_object(prof, "name", &name, where)) < 0 ||
        (name &&
         (rc = meta_string(name, "full_name", &p.display_name, where)) < 0) ||
        (rc = meta_string(prof, "username", &p.handle, where)) < 0 ||
        (rc = fb_named(prof, "current_city", &p.location, where)) < 0 ||
        (rc = fb_named(prof, "hometown", &hometown, where)) < 0 ||
        (rc = fb_profile_extra(prof, &extra, where)) < 0)
        goto done;
    if (p.location == NULL || p.location[0] == '\0')
        p.location = hometown; /* the catchment's next best */
    p.extra = extra;
    if (p.display_name && p.display_name[0] &&
        (c->owner = strdup(p.display_name)) == NULL) {
        rc = mosaic__error_oom();
        goto done;
    }
    rc = sink_profile(c->sink, &p);
done:
    free(extra);
    return rc;
}

/* profile_information.json: {"profile_v2": {...}} (2022+) or
 * {"profile": {...}} (older). */
static int fb_profile(source *src, struct fb_ctx *c)
{
    const char *member = source_find(src, "profile_information.json");
    char where[META_WHERE_MAX];
    json_t *doc = NULL, *prof;
    int rc;

    if (member == NULL)
        return 0;
    if ((rc = meta_load(src, member, &doc)) < 0)
        return rc;
    snprintf(where, sizeof(where), "%s:%s", source_path(src), member);
    prof = json_object_get(doc, "profile_v2");
    if (prof == NULL)
        prof = json_object_get(doc, "profile");
    if (!json_is_object(prof))
        rc = mosaic__error_set(MOSAIC_EFORMAT, "%s: no \"profile_v2\" object",
                               where);
    else
        rc = fb_profile_store(c, prof, where);
    json_decref(doc);
    return rc;
}

static int fb_wants(const char *m, void *ctx)
{
    (void)ctx;
    return !meta_is_junk(m) &&
           (fb_is_posts(m) || fb_is_comments(m) || fb_is_group_posts(m) ||
            fb_is_group_comments(m) || meta_is_thread(m));
}

static int fb_member(instream *in, const char *m, void *ctx)
{
    struct fb_ctx *c = ctx;

    c->visibility = fb_is_group_posts(m) || fb_is_group_comments(m)
                        ? "community"
                        : "public";
    if (fb_is_posts(m) || fb_is_group_posts(m))
        return meta_each_stream(in, NULL, fb_post, c);
    if (fb_is_comments(m) || fb_is_group_comments(m))
        return meta_each_stream(in, NULL, fb_comment, c);
    return meta_read_thread(in, m, FB, "fbm", c->owner, c->sink);
}

/* The profile first: its name says whose messages are own. */
static int fb_read(source *src, import_sink *sink)
{
    struct fb_ctx c = {sink, NULL, "public"};
    int rc;

    if ((rc = fb_profile(src, &c)) == 0)
        rc = source_each_member(src, fb_wants, fb_member, &c);
    free(c.owner);
    return rc;
}

const struct importer importer_facebook = {
    "facebook",
    "Facebook \"Download your information\" zip (JSON): posts, comments, "
    "Messenger, profile",
    fb_detect,
    fb_read,
};
