/*
 * import_wordpress.c -- WordPress exports (WXR, Tools -> Export): one
 * RSS file of items (posts, pages, attachments...) with their comments,
 * streamed item by item.  Published posts and pages by default; private
 * posts and drafts with include_drafts; the author's own comments too.
 * SPDX-License-Identifier: MIT
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "import.h"
#include "text.h"
#include "timefmt.h"
#include "xml_reader.h"

#define WORDPRESS "wordpress"
#define WXR_NS "http://wordpress.org/export/"
#define WXR_FIELD_MAX 1024              /* ids, dates, statuses */
#define WXR_AUTHORS_MAX 256
#define WXR_COMMENTS_MAX (4 * IMPORT_POST_MAX) /* own comments on one item */

/* The item fields read, by prefixed name (prefixes fixed by namespace). */
enum { I_TITLE, I_CONTENT, I_ID, I_TYPE, I_STATUS, I_DATE, I_DATE_GMT,
       I_MODIFIED, I_MODIFIED_GMT, I_PUBDATE, N_ITEM };
static const char *const item_fields[N_ITEM] = {
    "title", "content:encoded", "wp:post_id", "wp:post_type", "wp:status",
    "wp:post_date", "wp:post_date_gmt", "wp:post_modified",
    "wp:post_modified_gmt", "pubDate",
};

enum { C_ID, C_DATE, C_DATE_GMT, C_CONTENT, C_APPROVED, C_TYPE, C_PARENT,
       C_USER, N_COMMENT };
static const char *const comment_fields[N_COMMENT] = {
    "wp:comment_id", "wp:comment_date", "wp:comment_date_gmt",
    "wp:comment_content", "wp:comment_approved", "wp:comment_type",
    "wp:comment_parent", "wp:comment_user_id",
};

enum { A_ID, A_LOGIN, A_NAME, N_AUTHOR };
static const char *const author_fields[N_AUTHOR] = {
    "wp:author_id", "wp:author_login", "wp:author_display_name",
};

enum { S_TITLE, S_LINK, S_DESCRIPTION, S_BASE_URL, N_SITE };
static const char *const site_fields[N_SITE] = {
    "title", "link", "description", "wp:base_site_url",
};

/* One of the author's comments, kept until its item is decided. */
struct wxr_comment {
    char *id, *parent, *text;
    char created[TIME_ISO_LEN];
};

struct wxr {
    import_sink *sink;
    xml_reader *xr;
    const char *file;
    strbuf item[N_ITEM], comment[N_COMMENT], author[N_AUTHOR], site[N_SITE];
    strbuf text, scratch, name, login;
    long authors[WXR_AUTHORS_MAX];
    size_t n_authors;
    struct wxr_comment *comments;
    size_t n_comments, comment_bytes;
    char where[640];
};

/* ---- detection ---- */

static int wxr_head_is(const char *head, size_t len)
{
    size_t nl = strlen(WXR_NS);

    for (size_t i = 0; i + nl <= len; i++)
        if (memcmp(head + i, WXR_NS, nl) == 0)
            return 1;
    return 0;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t sl = strlen(s), xl = strlen(suffix);
    return sl >= xl && strcmp(s + sl - xl, suffix) == 0;
}

/* The next WXR member from index *i on (WordPress.com zips them, split
 * into several files for a large site); NULL when none is left. */
static const char *wxr_next_member(source *src, size_t *i, int *rc)
{
    const char *head;
    size_t len;

    *rc = 0;
    for (; *i < source_member_count(src); (*i)++) {
        const char *m = source_member_name(src, *i);
        if (!ends_with(m, ".xml"))
            continue;
        if ((*rc = source_head(src, m, &head, &len)) < 0)
            return NULL;
        if (wxr_head_is(head, len)) {
            (*i)++;
            return m;
        }
    }
    return NULL;
}

static int wordpress_detect(source *src)
{
    const char *head;
    size_t len, i = 0;
    int rc;

    if (source_is_archive(src))
        return wxr_next_member(src, &i, &rc) != NULL ? 1 : rc;
    if ((rc = source_plain_head(src, &head, &len)) <= 0)
        return rc;
    return wxr_head_is(head, len);
}

/* ---- fields ---- */

/* The element's name with a fixed prefix per namespace ("wp:status"). */
static void wxr_qname(const xml_reader *xr, char *out, size_t size)
{
    const char *ns = xml_reader_ns(xr), *prefix = "other:";

    if (ns[0] == '\0')
        prefix = "";
    else if (strncmp(ns, WXR_NS, strlen(WXR_NS)) == 0)
        prefix = strstr(ns, "excerpt") ? "excerpt:" : "wp:";
    else if (strcmp(ns, "http://purl.org/rss/1.0/modules/content/") == 0)
        prefix = "content:";
    snprintf(out, size, "%s%s", prefix, xml_reader_name(xr));
}

/* If `qname` is one of `names`, read its text into the matching buffer:
 * 1 read, 0 not one of them, <0 error. */
static int wxr_field(struct wxr *w, const char *qname,
                     const char *const *names, strbuf *bufs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (strcmp(qname, names[i]) != 0)
            continue;
        strbuf_clear(&bufs[i]);
        return xml_reader_text(w->xr, &bufs[i]) < 0 ? -1 : 1;
    }
    return 0;
}

static void clear_all(strbuf *bufs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        strbuf_clear(&bufs[i]);
}

static const char *val(const strbuf *sb)
{
    return strbuf_str(sb);
}

/* ---- text ---- */

/* Classic-editor text: paragraphs are blank lines, line breaks newlines
 * (what WordPress's wpautop renders); as HTML for text_from_html. */
static int wxr_autop(strbuf *out, const char *s)
{
    int rc = strbuf_puts(out, "<p>");

    for (const char *p = s; *p && rc == 0; p++) {
        const char *q = p + 1;
        if (*p != '\n') {
            rc = strbuf_putc(out, *p);
            continue;
        }
        while (*q == ' ' || *q == '\t' || *q == '\r')
            q++;
        if (*q == '\n') {
            while (*q && strchr(" \t\r\n", *q))
                q++;
            rc = strbuf_puts(out, "</p>\n<p>");
            p = q - 1;
        } else {
            rc = strbuf_puts(out, p > s && p[-1] == '>' ? "\n" : "<br>\n");
        }
    }
    return rc ? rc : strbuf_puts(out, "</p>");
}

/* The plain text of a post body or a comment into w->scratch. */
static int wxr_body(struct wxr *w, const char *body, int autop)
{
    strbuf html = STRBUF_INIT(2 * IMPORT_POST_MAX);
    int rc;

    strbuf_clear(&w->scratch);
    if (autop) {
        if ((rc = wxr_autop(&html, body)) == 0)
            rc = text_from_html(&w->scratch, strbuf_str(&html), html.len);
    } else {
        rc = text_from_html(&w->scratch, body, strlen(body));
    }
    strbuf_dispose(&html);
    if (rc < 0) {
        char why[256];
        snprintf(why, sizeof(why), "%s", mosaic_error_last()->message);
        return mosaic__error_set(rc, "%s: %s", w->where, why);
    }
    return 0;
}

/* Title, a blank line, then the body: into w->text. */
static int wxr_post_text(struct wxr *w)
{
    const char *body = val(&w->item[I_CONTENT]);
    int rc;

    strbuf_clear(&w->text);
    if ((rc = text_decode_entities(&w->text, val(&w->item[I_TITLE]))) < 0 ||
        (rc = wxr_body(w, body, strstr(body, "<!-- wp:") == NULL)) < 0)
        return rc;
    if (w->text.len > 0 && w->scratch.len > 0)
        rc = strbuf_puts(&w->text, "\n\n");
    return rc ? rc : strbuf_put(&w->text, w->scratch.ptr ? w->scratch.ptr : "",
                                w->scratch.len);
}

/* ---- dates ---- */

/* A WordPress date, or -1 for empty, "0000-00-00 00:00:00" or garbage
 * (old exporters wrote 1970 or year -1 for drafts' pubDate). */
static int wxr_time(const char *s, int64_t *t)
{
    if (s[0] == '\0' || strncmp(s, "0000", 4) == 0 || time_parse(s, t) < 0)
        return -1;
    return *t > 86400 ? 0 : -1;
}

/* When the post was made, in UTC: the GMT date; for a draft never
 * published (zero GMT date) the pubDate, else the local date shifted by
 * the site's offset as the modified pair shows it. */
static int wxr_created(struct wxr *w, int64_t *out)
{
    int64_t local, mod, mod_gmt;

    if (wxr_time(val(&w->item[I_DATE_GMT]), out) == 0 ||
        wxr_time(val(&w->item[I_PUBDATE]), out) == 0)
        return 0;
    if (wxr_time(val(&w->item[I_DATE]), &local) < 0)
        return mosaic__error_set(MOSAIC_EFORMAT, "%s: no readable date",
                                 w->where);
    *out = local;
    if (wxr_time(val(&w->item[I_MODIFIED]), &mod) == 0 &&
        wxr_time(val(&w->item[I_MODIFIED_GMT]), &mod_gmt) == 0)
        *out -= mod - mod_gmt;
    return 0;
}

/* ---- items ---- */

/* A status's visibility; NULL for statuses never imported. */
static const char *wxr_visibility(const char *status)
{
    if (strcmp(status, "publish") == 0)
        return "public";
    if (strcmp(status, "private") == 0)
        return "private";
    if (strcmp(status, "draft") == 0 || strcmp(status, "pending") == 0 ||
        strcmp(status, "future") == 0)
        return "draft";
    return NULL; /* trash, inherit (attachments), auto-draft */
}

static void wxr_comments_free(struct wxr *w)
{
    for (size_t i = 0; i < w->n_comments; i++) {
        free(w->comments[i].id);
        free(w->comments[i].parent);
        free(w->comments[i].text);
    }
    free(w->comments);
    w->comments = NULL;
    w->n_comments = w->comment_bytes = 0;
}

static int wxr_emit_comments(struct wxr *w, const char *post_id,
                             const char *visibility)
{
    char id[64], parent[64];
    int rc = 0;

    for (size_t i = 0; i < w->n_comments && rc == 0; i++) {
        struct wxr_comment *c = &w->comments[i];
        mosaic_post p = { 0 };
        snprintf(id, sizeof(id), "comment-%.50s", c->id);
        snprintf(parent, sizeof(parent), "comment-%.50s", c->parent);
        p.platform = WORDPRESS;
        p.native_id = id;
        p.created_at = c->created;
        p.own = 1;
        p.kind = "comment";
        p.visibility = visibility;
        p.text = c->text;
        p.reply_to = strcmp(c->parent, "0") && c->parent[0] ? parent : post_id;
        p.thread_root = post_id;
        rc = sink_post(w->sink, &p, w->where);
    }
    return rc;
}

static int wxr_item_end(struct wxr *w)
{
    const char *type = val(&w->item[I_TYPE]), *id = val(&w->item[I_ID]);
    const char *visibility = wxr_visibility(val(&w->item[I_STATUS]));
    mosaic_post p = { 0 };
    char when[TIME_ISO_LEN];
    int64_t created, modified;
    int rc;

    snprintf(w->where, sizeof(w->where), "%s: item %.40s", w->file, id);
    if (strcmp(type, "post") != 0 && strcmp(type, "page") != 0)
        visibility = NULL; /* attachments, menus, blocks, custom types */
    if (visibility && strcmp(visibility, "public") != 0 &&
        !sink_options(w->sink)->include_drafts)
        visibility = NULL;
    if (visibility == NULL) {
        for (size_t i = 0; i <= w->n_comments; i++)
            sink_skip(w->sink);
        return 0;
    }
    if (id[0] == '\0')
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: an item without wp:post_id", w->file);
    if ((rc = wxr_created(w, &created)) < 0 || (rc = wxr_post_text(w)) < 0)
        return rc;
    time_format(created, when);
    p.platform = WORDPRESS;
    p.native_id = id;
    p.created_at = when;
    p.own = 1;
    p.kind = type;
    p.visibility = visibility;
    p.text = strbuf_str(&w->text);
    p.edited = wxr_time(val(&w->item[I_MODIFIED_GMT]), &modified) == 0 &&
               modified > created;
    if ((rc = sink_post(w->sink, &p, w->where)) < 0)
        return rc;
    return wxr_emit_comments(w, id, visibility);
}

/* Is `user_id` one of the site's authors (so the comment is theirs)? */
static int wxr_is_author(const struct wxr *w, const char *user_id)
{
    long id = strtol(user_id, NULL, 10);

    for (size_t i = 0; i < w->n_authors && id > 0; i++)
        if (w->authors[i] == id)
            return 1;
    return 0;
}

/* A comment ends: keep it if the author wrote it, else count it. */
static int wxr_comment_end(struct wxr *w)
{
    const char *type = val(&w->comment[C_TYPE]);
    const char *approved = val(&w->comment[C_APPROVED]);
    struct wxr_comment *c, *grown;
    int64_t t;
    int rc;

    snprintf(w->where, sizeof(w->where), "%s: comment %.40s", w->file,
             val(&w->comment[C_ID]));
    if (!wxr_is_author(w, val(&w->comment[C_USER])) ||
        (type[0] && strcmp(type, "comment") != 0) ||
        strcmp(approved, "spam") == 0 || strcmp(approved, "trash") == 0) {
        sink_skip(w->sink);
        return 0;
    }
    if (wxr_time(val(&w->comment[C_DATE_GMT]), &t) < 0 &&
        wxr_time(val(&w->comment[C_DATE]), &t) < 0)
        return mosaic__error_set(MOSAIC_EFORMAT, "%s: no readable date",
                                 w->where);
    if ((rc = wxr_body(w, val(&w->comment[C_CONTENT]), 1)) < 0)
        return rc;
    w->comment_bytes += w->scratch.len + 128;
    if (w->comment_bytes > WXR_COMMENTS_MAX)
        return mosaic__error_set(MOSAIC_ETOOBIG,
                                 "%s: the author's comments on one item pass "
                                 "%u bytes", w->where, WXR_COMMENTS_MAX);
    grown = realloc(w->comments, (w->n_comments + 1) * sizeof(*grown));
    if (grown == NULL)
        return mosaic__error_oom();
    w->comments = grown;
    c = &w->comments[w->n_comments];
    c->id = strdup(val(&w->comment[C_ID]));
    c->parent = strdup(val(&w->comment[C_PARENT]));
    c->text = strdup(strbuf_str(&w->scratch));
    w->n_comments++;
    time_format(t, c->created);
    if (c->id == NULL || c->parent == NULL || c->text == NULL)
        return mosaic__error_oom();
    if (c->id[0] == '\0')
        return mosaic__error_set(MOSAIC_EFORMAT, "%s: a comment without an id",
                                 w->file);
    return 0;
}

static int wxr_author_end(struct wxr *w)
{
    if (w->n_authors < WXR_AUTHORS_MAX)
        w->authors[w->n_authors++] = strtol(val(&w->author[A_ID]), NULL, 10);
    if (w->name.len > 0 || w->login.len > 0)
        return 0;
    if (strbuf_puts(&w->name, val(&w->author[A_NAME])) < 0 ||
        strbuf_puts(&w->login, val(&w->author[A_LOGIN])) < 0)
        return mosaic_error_last()->code;
    return 0;
}

/* ---- the walk ---- */

/* Where the walk is: the item (and comment) or author being read. */
struct wxr_at {
    int item, comment, author; /* depth of each, -1 when outside */
};

static int wxr_start(struct wxr *w, struct wxr_at *at, const char *q,
                     int depth)
{
    if (at->item < 0 && strcmp(q, "item") == 0) {
        at->item = depth;
        clear_all(w->item, N_ITEM);
        wxr_comments_free(w);
        return 0;
    }
    if (at->item >= 0 && at->comment < 0 && depth == at->item + 1 &&
        strcmp(q, "wp:comment") == 0) {
        at->comment = depth;
        clear_all(w->comment, N_COMMENT);
        return 0;
    }
    if (at->comment >= 0 && depth == at->comment + 1)
        return wxr_field(w, q, comment_fields, w->comment, N_COMMENT);
    if (at->item >= 0 && at->comment < 0 && depth == at->item + 1)
        return wxr_field(w, q, item_fields, w->item, N_ITEM);
    if (at->item < 0 && at->author < 0 && strcmp(q, "wp:author") == 0) {
        at->author = depth;
        clear_all(w->author, N_AUTHOR);
        return 0;
    }
    if (at->author >= 0 && depth == at->author + 1)
        return wxr_field(w, q, author_fields, w->author, N_AUTHOR);
    if (at->item < 0 && at->author < 0 && depth == 2)
        return wxr_field(w, q, site_fields, w->site, N_SITE);
    return 0;
}

static int wxr_end(struct wxr *w, struct wxr_at *at, int depth)
{
    if (depth == at->comment) {
        at->comment = -1;
        return wxr_comment_end(w);
    }
    if (depth == at->item) {
        at->item = -1;
        return wxr_item_end(w);
    }
    if (depth == at->author) {
        at->author = -1;
        return wxr_author_end(w);
    }
    return 0;
}

static int wxr_walk(struct wxr *w)
{
    struct wxr_at at = { -1, -1, -1 };
    char q[128];
    int rc;

    while ((rc = xml_reader_next(w->xr)) == 1) {
        int depth = xml_reader_depth(w->xr);
        wxr_qname(w->xr, q, sizeof(q));
        rc = xml_reader_is_start(w->xr) ? wxr_start(w, &at, q, depth)
                                        : wxr_end(w, &at, depth);
        if (rc < 0)
            return mosaic_error_last()->code;
    }
    return rc;
}

/* The site's tagline as the bio, its author's name, its address. */
static int wxr_profile(struct wxr *w)
{
    mosaic_profile pr = { 0 };
    strbuf bio = STRBUF_INIT(IMPORT_POST_MAX);
    json_t *extra = json_object();
    char *dump = NULL;
    const char *site = w->site[S_LINK].len ? val(&w->site[S_LINK])
                                           : val(&w->site[S_BASE_URL]);
    int rc;

    if (extra == NULL)
        return mosaic__error_oom();
    if (site[0])
        json_object_set_new(extra, "site", json_string(site));
    if (w->site[S_TITLE].len)
        json_object_set_new(extra, "title", json_string(val(&w->site[S_TITLE])));
    if ((rc = text_decode_entities(&bio, val(&w->site[S_DESCRIPTION]))) < 0)
        goto done;
    if ((dump = json_dumps(extra, JSON_COMPACT)) == NULL) {
        rc = mosaic__error_oom();
        goto done;
    }
    pr.platform = WORDPRESS;
    pr.handle = w->login.len ? val(&w->login) : NULL;
    pr.display_name = w->name.len ? val(&w->name) : NULL;
    pr.bio = bio.len ? val(&bio) : NULL;
    pr.extra = dump;
    if (pr.handle || pr.display_name || pr.bio || site[0])
        rc = sink_profile(w->sink, &pr);
done:
    free(dump);
    json_decref(extra);
    strbuf_dispose(&bio);
    return rc;
}

static void wxr_init(struct wxr *w, import_sink *sink)
{
    memset(w, 0, sizeof(*w));
    w->sink = sink;
    for (size_t i = 0; i < N_ITEM; i++)
        w->item[i] = (strbuf)STRBUF_INIT(i == I_TITLE || i == I_CONTENT
                                             ? IMPORT_POST_MAX
                                             : WXR_FIELD_MAX);
    for (size_t i = 0; i < N_COMMENT; i++)
        w->comment[i] = (strbuf)STRBUF_INIT(i == C_CONTENT ? IMPORT_POST_MAX
                                                           : WXR_FIELD_MAX);
    for (size_t i = 0; i < N_AUTHOR; i++)
        w->author[i] = (strbuf)STRBUF_INIT(WXR_FIELD_MAX);
    for (size_t i = 0; i < N_SITE; i++)
        w->site[i] = (strbuf)STRBUF_INIT(i == S_DESCRIPTION ? IMPORT_POST_MAX
                                                            : WXR_FIELD_MAX);
    w->text = (strbuf)STRBUF_INIT(IMPORT_POST_MAX);
    w->scratch = (strbuf)STRBUF_INIT(IMPORT_POST_MAX);
    w->name = (strbuf)STRBUF_INIT(WXR_FIELD_MAX);
    w->login = (strbuf)STRBUF_INIT(WXR_FIELD_MAX);
}

static void wxr_dispose(struct wxr *w)
{
    strbuf *groups[] = { w->item, w->comment, w->author, w->site };
    size_t sizes[] = { N_ITEM, N_COMMENT, N_AUTHOR, N_SITE };

    for (size_t g = 0; g < 4; g++)
        for (size_t i = 0; i < sizes[g]; i++)
            strbuf_dispose(&groups[g][i]);
    strbuf_dispose(&w->text);
    strbuf_dispose(&w->scratch);
    strbuf_dispose(&w->name);
    strbuf_dispose(&w->login);
    wxr_comments_free(w);
}

/* Stream one WXR file (member NULL: the plain file). */
static int wxr_file(struct wxr *w, source *src, const char *member)
{
    instream *in = NULL;
    int rc;

    if ((rc = source_open_stream(src, member, &in)) < 0)
        return rc;
    w->file = instream_name(in);
    if ((rc = xml_reader_open(&w->xr, in)) == 0)
        rc = wxr_walk(w);
    xml_reader_close(w->xr);
    w->xr = NULL;
    instream_close(in);
    return rc;
}

static int wordpress_read(source *src, import_sink *sink)
{
    struct wxr w;
    const char *member;
    size_t i = 0;
    int rc = 0;

    wxr_init(&w, sink);
    if (!source_is_archive(src)) {
        rc = wxr_file(&w, src, NULL);
    } else {
        while (rc == 0 && (member = wxr_next_member(src, &i, &rc)) != NULL)
            rc = wxr_file(&w, src, member);
    }
    if (rc == 0)
        rc = wxr_profile(&w);
    wxr_dispose(&w);
    return rc;
}

const struct importer importer_wordpress = {
    WORDPRESS, "WordPress export (WXR .xml, Tools -> Export; or zipped)",
    wordpress_detect, wordpress_read,
};
