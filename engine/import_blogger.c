/*
 * import_blogger.c -- Blogger: the Atom feed.atom of each blog in a
 * Google Takeout zip (blogger:type, blogger:status, blogger:location), or
 * an older "Back up content" Atom file (kind categories, app:draft).
 * Live posts are imported; drafts, pages, comments and trash are not.
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

#define BLOGGER "blogger"
#define BLOGGER_FIELD_MAX 1024

/* Entry fields by prefixed name, and how deep under <entry> each sits
 * (an <author> has its own <name> and blogger:type, a <source> its <id>). */
enum { E_ID, E_TITLE, E_CONTENT, E_PUBLISHED, E_UPDATED, E_TYPE, E_STATUS,
       E_CREATED, E_FEATURE, E_POINT, E_PLACE, E_LAT, E_LON, E_DRAFT,
       N_ENTRY };
static const struct {
    const char *name;
    int depth;
} entry_fields[N_ENTRY] = {
    { "id", 1 }, { "title", 1 }, { "content", 1 }, { "published", 1 },
    { "updated", 1 }, { "blogger:type", 1 }, { "blogger:status", 1 },
    { "blogger:created", 1 }, { "georss:featurename", 1 },
    { "georss:point", 1 },
    /* <blogger:location> and <app:control> hold these */
    { "blogger:name", 2 }, { "blogger:latitude", 2 },
    { "blogger:longitude", 2 }, { "app:draft", 2 },
};

struct blog {
    import_sink *sink;
    xml_reader *xr;
    const char *file;
    strbuf f[N_ENTRY], kind, attr, text, body;
    char where[640];
};

/* ---- detection ---- */

static int has(const char *head, size_t len, const char *what)
{
    size_t n = strlen(what);

    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(head + i, what, n) == 0)
            return 1;
    return 0;
}

static int blogger_head_is(const char *head, size_t len)
{
    return has(head, len, "<feed") &&
           (has(head, len, "schemas.google.com/blogger") ||
            has(head, len, "tag:blogger.com,"));
}

/* The next feed.atom member from index *i on; NULL when none is left. */
static const char *blogger_next_member(source *src, size_t *i, int *rc)
{
    const char *head;
    size_t len;

    *rc = 0;
    for (; *i < source_member_count(src); (*i)++) {
        const char *m = source_member_name(src, *i);
        size_t ml = strlen(m);
        if (ml < 9 || strcmp(m + ml - 9, "feed.atom") != 0 ||
            (ml > 9 && m[ml - 10] != '/'))
            continue;
        if ((*rc = source_head(src, m, &head, &len)) < 0)
            return NULL;
        if (blogger_head_is(head, len)) {
            (*i)++;
            return m;
        }
    }
    return NULL;
}

static int blogger_detect(source *src)
{
    const char *head;
    size_t len, i = 0;
    int rc;

    if (source_is_archive(src))
        return blogger_next_member(src, &i, &rc) != NULL ? 1 : rc;
    if ((rc = source_plain_head(src, &head, &len)) <= 0)
        return rc;
    return blogger_head_is(head, len);
}

/* ---- one entry ---- */

static const char *val(const struct blog *b, int field)
{
    return strbuf_str(&b->f[field]);
}

/* The element's name with a fixed prefix per namespace. */
static void blogger_qname(const xml_reader *xr, char *out, size_t size)
{
    const char *ns = xml_reader_ns(xr), *prefix = "other:";

    if (ns[0] == '\0' || strcmp(ns, "http://www.w3.org/2005/Atom") == 0)
        prefix = "";
    else if (strncmp(ns, "http://schemas.google.com/blogger/", 34) == 0)
        prefix = "blogger:";
    else if (strcmp(ns, "http://purl.org/atom/app#") == 0 ||
             strcmp(ns, "http://www.w3.org/2007/app") == 0)
        prefix = "app:";
    else if (strcmp(ns, "http://www.georss.org/georss") == 0)
        prefix = "georss:";
    snprintf(out, size, "%s%s", prefix, xml_reader_name(xr));
}

/* Old backups mark the kind with <category scheme="...#kind"
 * term="http://schemas.google.com/blogger/2008/kind#post"/>. */
static int blogger_category(struct blog *b)
{
    const char *term, *hash;
    int rc;

    if ((rc = xml_reader_attr(b->xr, "scheme", &b->attr)) <= 0)
        return rc;
    hash = strrchr(strbuf_str(&b->attr), '#');
    if (hash == NULL || strcmp(hash, "#kind") != 0)
        return 0;
    if ((rc = xml_reader_attr(b->xr, "term", &b->attr)) <= 0)
        return rc;
    term = strbuf_str(&b->attr);
    hash = strrchr(term, '#');
    strbuf_clear(&b->kind);
    return strbuf_puts(&b->kind, hash ? hash + 1 : term);
}

/* POST, PAGE, COMMENT...: blogger:type, or the old kind category. */
static int blogger_is_live_post(const struct blog *b)
{
    const char *type = val(b, E_TYPE), *status = val(b, E_STATUS);

    if (type[0] == '\0')
        type = strcmp(strbuf_str(&b->kind), "post") == 0 ? "POST" : "";
    if (status[0] == '\0')
        status = strcmp(val(b, E_DRAFT), "yes") == 0 ? "DRAFT" : "LIVE";
    return strcmp(type, "POST") == 0 && strcmp(status, "LIVE") == 0;
}

/* A geotag as the store keeps places (JSON): its name, else its
 * coordinates; NULL if none.  Free with free(). */
static char *blogger_place(struct blog *b)
{
    char coords[96];
    const char *place = NULL;
    json_t *s;
    char *dump;

    if (b->f[E_PLACE].len)
        place = val(b, E_PLACE);
    else if (b->f[E_FEATURE].len)
        place = val(b, E_FEATURE);
    else if (b->f[E_LAT].len && b->f[E_LON].len) {
        snprintf(coords, sizeof(coords), "%.40s,%.40s", val(b, E_LAT),
                 val(b, E_LON));
        place = coords;
    } else if (b->f[E_POINT].len)
        place = val(b, E_POINT);
    if (place == NULL || (s = json_string(place)) == NULL)
        return NULL;
    dump = json_dumps(s, JSON_ENCODE_ANY);
    json_decref(s);
    return dump;
}

/* Title, a blank line, the body's text: into b->text. */
static int blogger_text(struct blog *b)
{
    int rc;

    strbuf_clear(&b->text);
    strbuf_clear(&b->body);
    if ((rc = text_decode_entities(&b->text, val(b, E_TITLE))) < 0 ||
        (rc = text_from_html(&b->body, val(b, E_CONTENT),
                             b->f[E_CONTENT].len)) < 0) {
        char why[256];
        snprintf(why, sizeof(why), "%s", mosaic_error_last()->message);
        return mosaic__error_set(rc, "%s: %s", b->where, why);
    }
    if (b->text.len && b->body.len && (rc = strbuf_puts(&b->text, "\n\n")) < 0)
        return rc;
    return strbuf_puts(&b->text, strbuf_str(&b->body));
}

static int blogger_entry_end(struct blog *b)
{
    mosaic_post p = { 0 };
    char when[TIME_ISO_LEN], *place = NULL;
    const char *created = val(b, E_PUBLISHED);
    int64_t published, updated;
    int rc;

    snprintf(b->where, sizeof(b->where), "%s: entry %.100s", b->file,
             val(b, E_ID));
    if (!blogger_is_live_post(b)) {
        sink_skip(b->sink);
        return 0;
    }
    if (created[0] == '\0')
        created = b->f[E_CREATED].len ? val(b, E_CREATED) : val(b, E_UPDATED);
    if (time_normalise_written(created, when) < 0)
        return mosaic__error_set(MOSAIC_EFORMAT, "%s: no readable date",
                                 b->where);
    if ((rc = blogger_text(b)) < 0)
        return rc;
    p.platform = BLOGGER;
    p.native_id = val(b, E_ID);
    p.created_at = when;
    p.own = 1;
    p.kind = "post";
    p.visibility = "public";
    p.text = strbuf_str(&b->text);
    p.place = place = blogger_place(b);
    p.edited = time_parse(val(b, E_PUBLISHED), &published) == 0 &&
               time_parse(val(b, E_UPDATED), &updated) == 0 &&
               updated > published;
    rc = sink_post(b->sink, &p, b->where);
    free(place);
    return rc;
}

/* An element starts inside an entry at depth `entry`. */
static int blogger_field(struct blog *b, const char *q, int depth, int entry)
{
    if (depth == entry + 1 && strcmp(q, "category") == 0)
        return blogger_category(b);
    for (int i = 0; i < N_ENTRY; i++) {
        if (strcmp(q, entry_fields[i].name) != 0 ||
            depth != entry + entry_fields[i].depth)
            continue;
        strbuf_clear(&b->f[i]);
        return xml_reader_text(b->xr, &b->f[i]);
    }
    return 0;
}

static int blogger_walk(struct blog *b)
{
    int entry = -1, rc;
    char q[128];

    while ((rc = xml_reader_next(b->xr)) == 1) {
        int depth = xml_reader_depth(b->xr);
        blogger_qname(b->xr, q, sizeof(q));
        if (!xml_reader_is_start(b->xr)) {
            if (depth == entry) {
                entry = -1;
                rc = blogger_entry_end(b);
            }
        } else if (entry < 0 && strcmp(q, "entry") == 0) {
            entry = depth;
            for (int i = 0; i < N_ENTRY; i++)
                strbuf_clear(&b->f[i]);
            strbuf_clear(&b->kind);
        } else if (entry >= 0) {
            rc = blogger_field(b, q, depth, entry);
        }
        if (rc < 0)
            return rc;
    }
    return rc;
}

static int blogger_file(struct blog *b, source *src, const char *member)
{
    instream *in = NULL;
    int rc;

    if ((rc = source_open_stream(src, member, &in)) < 0)
        return rc;
    b->file = instream_name(in);
    if ((rc = xml_reader_open(&b->xr, in)) == 0)
        rc = blogger_walk(b);
    xml_reader_close(b->xr);
    b->xr = NULL;
    instream_close(in);
    return rc;
}

static int blogger_read(source *src, import_sink *sink)
{
    struct blog b = { 0 };
    const char *member;
    size_t i = 0;
    int rc = 0;

    b.sink = sink;
    for (int f = 0; f < N_ENTRY; f++)
        b.f[f] = (strbuf)STRBUF_INIT(f == E_TITLE || f == E_CONTENT
                                         ? IMPORT_POST_MAX
                                         : BLOGGER_FIELD_MAX);
    b.kind = (strbuf)STRBUF_INIT(BLOGGER_FIELD_MAX);
    b.attr = (strbuf)STRBUF_INIT(BLOGGER_FIELD_MAX);
    b.text = (strbuf)STRBUF_INIT(IMPORT_POST_MAX);
    b.body = (strbuf)STRBUF_INIT(IMPORT_POST_MAX);
    if (!source_is_archive(src))
        rc = blogger_file(&b, src, NULL);
    else
        while (rc == 0 && (member = blogger_next_member(src, &i, &rc)) != NULL)
            rc = blogger_file(&b, src, member);
    for (int f = 0; f < N_ENTRY; f++)
        strbuf_dispose(&b.f[f]);
    strbuf_dispose(&b.kind);
    strbuf_dispose(&b.attr);
    strbuf_dispose(&b.text);
    strbuf_dispose(&b.body);
    return rc;
}

const struct importer importer_blogger = {
    BLOGGER, "Blogger (Google Takeout zip with feed.atom, or an Atom backup)",
    blogger_detect, blogger_read,
};
