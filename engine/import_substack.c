/*
 * import_substack.c -- Substack's export (a zip): posts.csv lists the
 * posts, posts/<post_id>.html holds each body as an HTML fragment.
 * Drafts only on request; the subscriber list (email_list.*.csv) and
 * the per-post opens/delivers files are other people's data and are
 * never opened.
 * SPDX-License-Identifier: MIT
 */
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "error.h"
#include "export_csv.h"
#include "html.h"
#include "import.h"
#include "text.h"
#include "timefmt.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

enum {
    SU_ID,
    SU_DATE,
    SU_PUBLISHED,
    SU_TYPE,
    SU_AUDIENCE,
    SU_TITLE,
    SU_SUBTITLE
};
static const export_column post_cols[] = {
    {"post_id", 1},  {"post_date", 1}, {"is_published", 1}, {"type", 0},
    {"audience", 0}, {"title", 1},     {"subtitle", 0},
};

static int substack_detect(source *src)
{
    static const export_column marks[] = {
        {"post_id", 1},
        {"is_published", 1},
    };

    if (!source_is_archive(src))
        return 0;
    return export_csv_header_has(src, source_find(src, "posts.csv"), marks,
                                 ARRAY_SIZE(marks));
}

/* Who may read it: "everyone", the paid tiers, free subscribers. */
static const char *audience_visibility(const char *audience)
{
    if (audience[0] == '\0' || strcasecmp(audience, "everyone") == 0)
        return "public";
    if (strcasecmp(audience, "only_paid") == 0 ||
        strcasecmp(audience, "founding") == 0)
        return "paid";
    if (strcasecmp(audience, "only_free") == 0)
        return "community";
    return "private"; /* an audience not known here: assume a narrow one */
}

/* Substack's own furniture in a body: subscribe boxes and buttons. */
static int is_widget(xmlNode *node)
{
    static const char *const widgets[] = {
        "subscription-widget",
        "button-wrapper",
        "subscribe-widget",
    };
    xmlChar *cls = xmlGetProp(node, (const xmlChar *)"class");
    int found = 0;

    for (const char *p = (const char *)cls; p && *p && !found;) {
        size_t n = strcspn(p, " \t\n");
        for (size_t i = 0; i < ARRAY_SIZE(widgets) && !found; i++)
            found = n >= strlen(widgets[i]) &&
                    strncmp(p, widgets[i], strlen(widgets[i])) == 0;
        p += n;
        p += strspn(p, " \t\n");
    }
    xmlFree(cls);
    return found;
}

static void drop_widgets(xmlNode *node, int depth)
{
    while (node) {
        xmlNode *next = node->next;
        if (node->type == XML_ELEMENT_NODE && is_widget(node)) {
            xmlUnlinkNode(node);
            xmlFreeNode(node);
        } else if (depth < 256) {
            drop_widgets(node->children, depth + 1);
        }
        node = next;
    }
}

/* The body's plain text without widgets: parsed, pruned, written back
 * as HTML and read by text_from_html (one HTML-to-text rule for all). */
static int body_text(strbuf *out, const char *html, size_t len,
                     const char *where)
{
    htmlDocPtr doc;
    xmlBufferPtr pruned = NULL;
    int rc = 0;

    if ((rc = html_read(&doc, html, len)) < 0) {
        char why[256];
        snprintf(why, sizeof(why), "%s", mosaic_error_last()->message);
        return mosaic__error_set(rc, "%s: %s", where, why);
    }
    if (doc == NULL)
        return len == 0 ? 0
                        : mosaic__error_set(MOSAIC_EFORMAT,
                                            "%s: HTML that libxml2 cannot "
                                            "read",
                                            where);
    drop_widgets(doc->children, 0);
    if ((pruned = xmlBufferCreate()) == NULL) {
        rc = mosaic__error_oom();
        goto done;
    }
    for (xmlNode *n = doc->children; n && rc == 0; n = n->next)
        if (htmlNodeDump(pruned, doc, n) < 0)
            rc = mosaic__error_oom();
    if (rc == 0)
        rc = text_from_html(out, (const char *)xmlBufferContent(pruned),
                            (size_t)xmlBufferLength(pruned));
done:
    xmlBufferFree(pruned);
    xmlFreeDoc(doc);
    return rc;
}

/* The plain text of posts/<post_id>.html into `body` ("" if the export
 * has none). */
static int read_body(source *src, const char *post_id, strbuf *body)
{
    strbuf html = STRBUF_INIT(IMPORT_POST_MAX);
    char name[512], buf[16384];
    const char *member;
    instream *in = NULL;
    ssize_t n;
    int rc = 0;

    strbuf_clear(body);
    snprintf(name, sizeof(name), "posts/%s.html", post_id);
    if ((member = source_find(src, name)) == NULL)
        return 0;
    if ((rc = source_open_stream(src, member, &in)) < 0)
        goto done;
    while ((n = instream_read(in, buf, sizeof(buf))) > 0)
        if ((rc = strbuf_put(&html, buf, (size_t)n)) < 0) {
            rc = mosaic__error_set(MOSAIC_ETOOBIG, "%s: over %u bytes",
                                   instream_name(in), IMPORT_POST_MAX);
            goto done;
        }
    if ((rc = (int)n) < 0)
        goto done;
    if (!text_is_utf8(strbuf_str(&html), html.len)) {
        rc = mosaic__error_set(MOSAIC_EFORMAT, "%s: not valid UTF-8",
                               instream_name(in));
        goto done;
    }
    rc = body_text(body, strbuf_str(&html), html.len, instream_name(in));
done:
    instream_close(in);
    strbuf_dispose(&html);
    return rc;
}

/* Append `part` after a blank line (nothing for an empty part). */
static int add_part(strbuf *text, const char *part)
{
    int rc = 0;

    if (part[0] == '\0')
        return 0;
    if (text->len)
        rc = strbuf_puts(text, "\n\n");
    return rc < 0 ? rc : strbuf_puts(text, part);
}

/* Title, subtitle and body, blank lines between. */
static int post_text(source *src, const export_csv *f, const char *id,
                     strbuf *text, strbuf *body)
{
    int rc;

    strbuf_clear(text);
    if ((rc = add_part(text, export_csv_get(f, SU_TITLE))) < 0 ||
        (rc = add_part(text, export_csv_get(f, SU_SUBTITLE))) < 0 ||
        (rc = read_body(src, id, body)) < 0)
        return rc;
    return add_part(text, strbuf_str(body));
}

static int store_post(source *src, import_sink *sink, export_csv *f,
                      strbuf *text, strbuf *body)
{
    mosaic_post p = {0};
    const char *id = export_csv_get(f, SU_ID),
               *date = export_csv_get(f, SU_DATE);
    int published = strcasecmp(export_csv_get(f, SU_PUBLISHED), "true") == 0;
    char when[TIME_ISO_LEN], native[128];
    int rc;

    if (!published && !sink_options(sink)->include_drafts) {
        sink_skip(sink);
        return 0;
    }
    if (id[0] == '\0' || strcspn(id, "/\\") != strlen(id))
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: post_id '%.40s' is "
                                 "not a Substack post id",
                                 f->where, id);
    if (date[0] && time_normalise_written(date, when) < 0)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: post_date '%.40s' is "
                                 "not a date mosaic reads",
                                 f->where, date);
    if ((rc = post_text(src, f, id, text, body)) < 0)
        return rc;
    /* "141872233.what-the-hills-hold": the number is the id. */
    snprintf(native, sizeof(native), "%.*s", (int)strcspn(id, "."), id);
    p.platform = "substack";
    p.native_id = native;
    p.created_at = date[0] ? when : NULL;
    p.own = 1;
    p.kind =
        strcasecmp(export_csv_get(f, SU_TYPE), "page") == 0 ? "page" : "post";
    p.visibility = published
                       ? audience_visibility(export_csv_get(f, SU_AUDIENCE))
                       : "draft";
    p.text = strbuf_str(text);
    return sink_post(sink, &p, f->where);
}

static int substack_read(source *src, import_sink *sink)
{
    const char *member = source_find(src, "posts.csv");
    strbuf text = STRBUF_INIT(2 * IMPORT_POST_MAX);
    strbuf body = STRBUF_INIT(IMPORT_POST_MAX);
    export_csv f;
    int rc;

    if (member == NULL)
        return 0;
    if ((rc = export_csv_open(&f, src, member, post_cols,
                              ARRAY_SIZE(post_cols))) == 0)
        while ((rc = export_csv_next(&f)) > 0 &&
               (rc = store_post(src, sink, &f, &text, &body)) == 0)
            ;
    export_csv_close(&f);
    strbuf_dispose(&text);
    strbuf_dispose(&body);
    return rc < 0 ? rc : 0;
}

const struct importer importer_substack = {
    "substack",
    "Substack export (zip): posts.csv and posts/*.html",
    substack_detect,
    substack_read,
};
