/*
 * html.c -- HTML fragments (Mastodon content, blog bodies) to plain text
 * with libxml2's HTML parser: paragraphs become blank lines, <br> a line
 * break, white space collapsed as a browser would, entities decoded.
 * SPDX-License-Identifier: MIT
 */
#include <libxml/HTMLparser.h>
#include <string.h>

#include "error.h"
#include "html.h"
#include "text.h"

struct html_walk {
    strbuf *out;
    int pending;  /* line breaks owed before the next text: 0, 1 or 2 */
    int space;    /* a collapsed space is owed before the next text */
    int rc;
};

static const char *const block_tags[] = {
    "p", "div", "blockquote", "li", "ul", "ol", "h1", "h2", "h3", "h4",
    "h5", "h6", "pre", "figure", "figcaption", "table", "tr", "section",
    "article", "header", "footer", "hr", "dl", "dt", "dd", "aside",
};

static int is_block(const char *name)
{
    for (size_t i = 0; i < sizeof(block_tags) / sizeof(block_tags[0]); i++)
        if (strcmp(name, block_tags[i]) == 0)
            return 1;
    return 0;
}

static void owe_break(struct html_walk *w, int n)
{
    if (w->out->len > 0 && w->pending < n)
        w->pending = n;
    w->space = 0;
}

static void put_text(struct html_walk *w, const char *s)
{
    for (; *s && w->rc == 0; s++) {
        if (strchr(" \t\r\n\f", *s)) {
            w->space = 1;
            continue;
        }
        if (w->pending) {
            w->rc = strbuf_puts(w->out, w->pending == 2 ? "\n\n" : "\n");
            w->pending = 0;
            w->space = 0;
        } else if (w->space && w->out->len > 0 &&
                   w->out->ptr[w->out->len - 1] != '\n') {
            w->rc = strbuf_putc(w->out, ' ');
        }
        w->space = 0;
        if (w->rc == 0)
            w->rc = strbuf_putc(w->out, *s);
    }
}

static void walk(struct html_walk *w, xmlNode *node, int depth)
{
    for (; node && w->rc == 0; node = node->next) {
        const char *name = (const char *)node->name;

        if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
            put_text(w, (const char *)node->content);
            continue;
        }
        if (node->type != XML_ELEMENT_NODE)
            continue;
        if (strcmp(name, "script") == 0 || strcmp(name, "style") == 0)
            continue;
        if (strcmp(name, "br") == 0) {
            if (w->pending < 2)
                w->rc = strbuf_puts(w->out, w->pending ? "\n\n" : "\n");
            w->pending = 0;
            w->space = 0;
            continue;
        }
        if (is_block(name))
            owe_break(w, 2);
        if (depth < 256)
            walk(w, node->children, depth + 1);
        if (is_block(name))
            owe_break(w, 2);
    }
}

int html_read(htmlDocPtr *out, const char *html, size_t len)
{
    htmlParserCtxtPtr ctxt;
    int halted;

    *out = NULL;
    if (len > (size_t)INT32_MAX)
        return mosaic__error_set(MOSAIC_ETOOBIG, "HTML fragment too large");
    if ((ctxt = htmlNewParserCtxt()) == NULL)
        return mosaic__error_oom();
    *out = htmlCtxtReadMemory(ctxt, html, (int)len, NULL, "UTF-8",
                              HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                  HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED);
    halted = ctxt->disableSAX != 0; /* xmlHaltParser: the rest unread */
    htmlFreeParserCtxt(ctxt);
    if (*out && halted) {
        xmlFreeDoc(*out);
        *out = NULL;
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "HTML nested deeper than %d elements",
                                 HTML_DEPTH_MAX);
    }
    if (*out == NULL && len > 0)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "HTML that libxml2 cannot read");
    return 0;
}

int text_from_html(strbuf *out, const char *html, size_t len)
{
    struct html_walk w = { out, 0, 0, 0 };
    htmlDocPtr doc;
    xmlNode *root;
    size_t start = out->len;
    int rc;

    if ((rc = html_read(&doc, html, len)) < 0 || doc == NULL)
        return rc;
    root = xmlDocGetRootElement(doc);
    if (root)
        walk(&w, root, 0);
    for (xmlNode *n = doc->children; n && root == NULL; n = n->next)
        walk(&w, n, 0);
    xmlFreeDoc(doc);
    if (w.rc == 0 && out->len > start)
        text_rtrim(out);
    return w.rc;
}
