/*
 * import_linkedin.c -- LinkedIn's data export (a zip of CSV files):
 * Shares.csv (posts and reshares), Comments.csv, Profile.csv and
 * Positions.csv (headline, summary, place, current job).  The 2018
 * export's UTF-16LE, tab-separated Shares.csv is read too.
 * SPDX-License-Identifier: MIT
 */
#include <ctype.h>
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "export_csv.h"
#include "import.h"
#include "text.h"
#include "timefmt.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

enum { SH_DATE, SH_LINK, SH_TEXT, SH_VISIBILITY };
static const export_column share_cols[] = {
    {"Date", 1},
    {"ShareLink|Share Link", 1},
    {"ShareCommentary|Share Commentary", 1},
    {"Visibility", 0},
};

enum { CM_DATE, CM_LINK, CM_MESSAGE };
static const export_column comment_cols[] = {
    {"Date", 1},
    {"Link", 1},
    {"Message", 1},
};

enum { PR_FIRST, PR_LAST, PR_HEADLINE, PR_SUMMARY, PR_GEO, PR_INDUSTRY };
static const export_column profile_cols[] = {
    {"First Name", 1}, {"Last Name", 0},    {"Headline", 1},
    {"Summary", 0},    {"Geo Location", 0}, {"Industry", 0},
};

enum { PO_COMPANY, PO_TITLE, PO_LOCATION, PO_FINISHED };
static const export_column position_cols[] = {
    {"Company Name", 1},
    {"Title", 1},
    {"Location", 0},
    {"Finished On", 0},
};

/* Shares.csv, or Shares_<memberid>.csv in some Complete exports. */
static int is_shares_member(const char *path)
{
    const char *base = strrchr(path, '/');
    size_t len;

    base = base ? base + 1 : path;
    len = strlen(base);
    return strcmp(base, "Shares.csv") == 0 ||
           (strncmp(base, "Shares_", 7) == 0 && len > 11 &&
            strcmp(base + len - 4, ".csv") == 0);
}

static int linkedin_detect(source *src)
{
    int rc = 0;

    if (!source_is_archive(src))
        return 0;
    for (size_t i = 0; rc == 0 && i < source_member_count(src); i++)
        if (is_shares_member(source_member_name(src, i)))
            rc = export_csv_header_has(src, source_member_name(src, i),
                                       share_cols + SH_TEXT, 1);
    if (rc == 0)
        rc = export_csv_header_has(src, source_find(src, "Comments.csv"),
                                   comment_cols, ARRAY_SIZE(comment_cols));
    if (rc == 0)
        rc = export_csv_header_has(src, source_find(src, "Profile.csv"),
                                   profile_cols + PR_HEADLINE, 1);
    return rc;
}

/* "2024-10-01 08:15:00", or 2018's "2017/06/08 08:15:44 UTC". */
static int linkedin_time(const char *s, char *out, const char *where)
{
    char copy[64];

    snprintf(copy, sizeof(copy), "%s", s);
    if (strlen(copy) > 7 && copy[4] == '/' && copy[7] == '/')
        copy[4] = copy[7] = '-';
    if (time_normalise_written(copy, out) < 0)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: date '%.40s' is not a date mosaic "
                                 "reads",
                                 where, s);
    return 0;
}

/*
 * LinkedIn wraps every line of a multi-line post in quote marks, so the
 * decoded field reads `one"\n""\n"three`: copy `s` into `out` without a
 * quote on either side of each line break.
 */
static int remove_line_quotes(strbuf *out, const char *s)
{
    int rc = 0;

    strbuf_clear(out);
    while (*s && rc == 0) {
        if (s[0] == '"' && s[1] == '\n' && s[2] == '"') {
            rc = strbuf_putc(out, '\n');
            s += 3;
        } else if (s[0] == '"' && s[1] == '\r' && s[2] == '\n' && s[3] == '"') {
            rc = strbuf_puts(out, "\r\n");
            s += 4;
        } else {
            rc = strbuf_putc(out, *s++);
        }
    }
    return rc;
}

/* "MEMBER_NETWORK" -> "member_network"; empty -> "public". */
static const char *visibility_of(const char *v, char *buf, size_t size)
{
    size_t i = 0;

    if (v[0] == '\0')
        return "public";
    for (; v[i] && i + 1 < size; i++)
        buf[i] = (char)tolower((unsigned char)v[i]);
    buf[i] = '\0';
    return buf;
}

static int store_share(import_sink *sink, export_csv *f, strbuf *buf)
{
    mosaic_post p = {0};
    char when[TIME_ISO_LEN], vis[64];
    const char *text;
    int rc;

    if ((rc = linkedin_time(export_csv_get(f, SH_DATE), when, f->where)) < 0 ||
        (rc = remove_line_quotes(buf, export_csv_get(f, SH_TEXT))) < 0)
        return rc;
    text = strbuf_str(buf);
    p.platform = "linkedin";
    p.native_id = export_csv_get(f, SH_LINK);
    p.created_at = when;
    p.text = text;
    p.own = text[0] != '\0';
    p.kind = p.own ? "post" : "repost";
    /* A reshare without commentary shows only the shared item, which its
     * author published; the share's audience setting covers no own words. */
    p.visibility = p.own ? visibility_of(export_csv_get(f, SH_VISIBILITY), vis,
                                         sizeof(vis))
                         : "public";
    return sink_post(sink, &p, f->where);
}

static int read_shares(source *src, import_sink *sink, const char *member)
{
    export_csv f;
    strbuf text = STRBUF_INIT(2 * IMPORT_POST_MAX);
    int rc;

    if ((rc = export_csv_open(&f, src, member, share_cols,
                              ARRAY_SIZE(share_cols))) == 0)
        while ((rc = export_csv_next(&f)) > 0 &&
               (rc = store_share(sink, &f, &text)) == 0)
            ;
    export_csv_close(&f);
    strbuf_dispose(&text);
    return rc;
}

/* ---- comments: "<link>#comment", the second on one post dated ---- */

typedef struct {
    uint64_t *slots; /* hashes of links seen; 0 is empty */
    size_t cap, used;
} link_set;

/* 1 if the hash was already there, 0 if added, <0 on no memory. */
static int link_set_add(link_set *s, uint64_t h)
{
    size_t i;

    h |= 1; /* never 0 */
    if (2 * (s->used + 1) > s->cap) {
        link_set bigger = {NULL, s->cap ? 2 * s->cap : 256, 0};
        if ((bigger.slots = calloc(bigger.cap, sizeof(uint64_t))) == NULL)
            return mosaic__error_oom();
        for (i = 0; i < s->cap; i++)
            if (s->slots[i])
                link_set_add(&bigger, s->slots[i]);
        free(s->slots);
        *s = bigger;
    }
    for (i = h % s->cap; s->slots[i]; i = (i + 1) % s->cap)
        if (s->slots[i] == h)
            return 1;
    s->slots[i] = h;
    s->used++;
    return 0;
}

static int store_comment(import_sink *sink, export_csv *f, link_set *seen,
                         strbuf *id)
{
    mosaic_post p = {0};
    const char *link = export_csv_get(f, CM_LINK);
    char when[TIME_ISO_LEN];
    int rc, again;

    if (export_csv_get(f, CM_MESSAGE)[0] == '\0') {
        sink_skip(sink);
        return 0;
    }
    if (link[0] == '\0')
        return mosaic__error_set(MOSAIC_EFORMAT, "%s: a comment without a link",
                                 f->where);
    if ((rc = linkedin_time(export_csv_get(f, CM_DATE), when, f->where)) < 0 ||
        (again = link_set_add(seen, text_hash64(link, strlen(link), 0))) < 0)
        return rc < 0 ? rc : again;
    strbuf_clear(id);
    if ((rc = strbuf_printf(id, "%s#comment%s%s", link, again ? "-" : "",
                            again ? when : "")) < 0)
        return rc;
    p.platform = "linkedin";
    p.native_id = strbuf_str(id);
    p.created_at = when;
    p.own = 1;
    p.kind = "comment";
    p.visibility = "public";
    p.text = export_csv_get(f, CM_MESSAGE);
    return sink_post(sink, &p, f->where);
}

static int read_comments(source *src, import_sink *sink, const char *member)
{
    export_csv f;
    link_set seen = {NULL, 0, 0};
    strbuf id = STRBUF_INIT(64 * 1024);
    int rc;

    if ((rc = export_csv_open(&f, src, member, comment_cols,
                              ARRAY_SIZE(comment_cols))) == 0)
        while ((rc = export_csv_next(&f)) > 0 &&
               (rc = store_comment(sink, &f, &seen, &id)) == 0)
            ;
    export_csv_close(&f);
    strbuf_dispose(&id);
    free(seen.slots);
    return rc;
}

/* ---- profile ---- */

/* Append `s` after `sep` (nothing for an empty s). */
static int join(strbuf *sb, const char *sep, const char *s)
{
    if (s[0] == '\0')
        return 0;
    if (sb->len > 0 && strbuf_puts(sb, sep) < 0)
        return MOSAIC_ETOOBIG;
    return strbuf_puts(sb, s);
}

/* The current job ("Title, Company") and its place into `extra`. */
static int read_positions(source *src, const char *member, json_t *extra)
{
    export_csv f;
    strbuf job = STRBUF_INIT(64 * 1024);
    int rc;

    if ((rc = export_csv_open(&f, src, member, position_cols,
                              ARRAY_SIZE(position_cols))) < 0)
        goto done;
    while ((rc = export_csv_next(&f)) > 0) {
        if (export_csv_get(&f, PO_FINISHED)[0] != '\0')
            continue;
        if ((rc = join(&job, "", export_csv_get(&f, PO_TITLE))) < 0 ||
            (rc = join(&job, ", ", export_csv_get(&f, PO_COMPANY))) < 0)
            goto done;
        if (job.len)
            json_object_set_new(extra, "occupation",
                                json_string(strbuf_str(&job)));
        if (export_csv_get(&f, PO_LOCATION)[0])
            json_object_set_new(extra, "work_location",
                                json_string(export_csv_get(&f, PO_LOCATION)));
        break;
    }
done:
    export_csv_close(&f);
    strbuf_dispose(&job);
    return rc < 0 ? rc : 0;
}

static int read_profile(source *src, import_sink *sink)
{
    const char *member = source_find(src, "Profile.csv");
    const char *positions = source_find(src, "Positions.csv");
    mosaic_profile pr = {"linkedin", NULL, NULL, NULL, NULL, NULL};
    strbuf name = STRBUF_INIT(4096), bio = STRBUF_INIT(IMPORT_POST_MAX);
    json_t *extra = json_object();
    char *extra_text = NULL;
    export_csv f = {0};
    int rc = 0;

    if (extra == NULL)
        return mosaic__error_oom();
    if (member &&
        (rc = export_csv_open(&f, src, member, profile_cols,
                              ARRAY_SIZE(profile_cols))) == 0 &&
        (rc = export_csv_next(&f)) > 0) {
        if ((rc = join(&name, "", export_csv_get(&f, PR_FIRST))) < 0 ||
            (rc = join(&name, " ", export_csv_get(&f, PR_LAST))) < 0 ||
            (rc = join(&bio, "", export_csv_get(&f, PR_HEADLINE))) < 0 ||
            (rc = join(&bio, "\n", export_csv_get(&f, PR_SUMMARY))) < 0)
            goto done;
        pr.display_name = name.len ? strbuf_str(&name) : NULL;
        pr.bio = bio.len ? strbuf_str(&bio) : NULL;
        pr.location =
            export_csv_get(&f, PR_GEO)[0] ? export_csv_get(&f, PR_GEO) : NULL;
        if (export_csv_get(&f, PR_INDUSTRY)[0])
            json_object_set_new(extra, "industry",
                                json_string(export_csv_get(&f, PR_INDUSTRY)));
    }
    if (rc < 0 ||
        (positions && (rc = read_positions(src, positions, extra)) < 0))
        goto done;
    if (member == NULL && json_object_size(extra) == 0)
        goto done;
    if ((extra_text = json_dumps(extra, JSON_COMPACT | JSON_SORT_KEYS)) ==
        NULL) {
        rc = mosaic__error_oom();
        goto done;
    }
    pr.extra = extra_text;
    rc = sink_profile(sink, &pr);
done:
    export_csv_close(&f);
    strbuf_dispose(&name);
    strbuf_dispose(&bio);
    json_decref(extra);
    free(extra_text);
    return rc < 0 ? rc : 0;
}

static int linkedin_read(source *src, import_sink *sink)
{
    const char *comments = source_find(src, "Comments.csv");
    int rc;

    if ((rc = read_profile(src, sink)) < 0)
        return rc;
    for (size_t i = 0; i < source_member_count(src); i++)
        if (is_shares_member(source_member_name(src, i)) &&
            (rc = read_shares(src, sink, source_member_name(src, i))) < 0)
            return rc;
    if (comments && (rc = read_comments(src, sink, comments)) < 0)
        return rc;
    return 0;
}

const struct importer importer_linkedin = {
    "linkedin",
    "LinkedIn data export (zip): Shares, Comments, Profile",
    linkedin_detect,
    linkedin_read,
};
