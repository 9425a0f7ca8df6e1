/*
 * xml_reader.c -- libxml2's streaming reader fed from an instream.  The
 * prolog (before the root element) is checked as it streams past: a
 * DOCTYPE is refused before libxml2 parses a byte of it.
 * SPDX-License-Identifier: MIT
 */
#include <libxml/parserInternals.h>
#include <libxml/xmlreader.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "xml_reader.h"

/* Where the prolog check is: skipping white space, inside "<?...?>" or
 * "<!--...-->", or done once the root element starts. */
enum prolog { P_TEXT, P_LT, P_PI, P_BANG, P_COMMENT, P_DONE };

struct xml_reader {
    xmlTextReaderPtr tr;
    instream *in;
    enum prolog prolog;
    char last[2];     /* the prolog's last two bytes, for "?>" and "-->" */
    long prolog_line; /* lines seen in the prolog */
    int io_rc;        /* our own error from the read callback */
    char error[256];  /* the parser's first fatal error */
    long error_line;
    int too_big;      /* the error was libxml2's size limit on one text */
    char where[600];
};

/* Feed one byte of the prolog to the check; <0 on a DOCTYPE. */
static int prolog_byte(xml_reader *r, char c)
{
    if (c == '\n')
        r->prolog_line++;
    switch (r->prolog) {
    case P_TEXT:
        if (c == '<')
            r->prolog = P_LT;
        break;
    case P_LT:
        r->prolog = c == '?' ? P_PI : c == '!' ? P_BANG : P_DONE;
        break;
    case P_PI:
        if (r->last[1] == '?' && c == '>')
            r->prolog = P_TEXT;
        break;
    case P_BANG:
        if (c != '-')
            return mosaic__error_set(MOSAIC_EFORMAT,
                                     "%s:%ld: has a DOCTYPE; exports have "
                                     "none, and its entities could expand "
                                     "without bound (refused)",
                                     instream_name(r->in),
                                     r->prolog_line + 1);
        r->prolog = P_COMMENT;
        r->last[0] = r->last[1] = '\0';
        return 0;
    case P_COMMENT:
        if (r->last[0] == '-' && r->last[1] == '-' && c == '>')
            r->prolog = P_TEXT;
        break;
    case P_DONE:
        break;
    }
    r->last[0] = r->last[1];
    r->last[1] = c;
    return 0;
}

static int xml_io_read(void *ctx, char *buf, int len)
{
    xml_reader *r = ctx;
    ssize_t n;

    if (r->io_rc < 0)
        return -1;
    if ((n = instream_read(r->in, buf, (size_t)len)) < 0) {
        r->io_rc = (int)n;
        return -1;
    }
    for (ssize_t i = 0; i < n && r->prolog != P_DONE; i++)
        if ((r->io_rc = prolog_byte(r, buf[i])) < 0)
            return -1;
    return (int)n;
}

static int xml_io_close(void *ctx)
{
    (void)ctx;
    return 0;
}

/* Keep the first fatal error (a namespace error is not one: parsing
 * goes on); libxml2 would print them all otherwise. */
#if LIBXML_VERSION >= 21200
static void xml_error(void *ctx, const xmlError *e)
#else
static void xml_error(void *ctx, xmlErrorPtr e)
#endif
{
    xml_reader *r = ctx;
    size_t len;

    if (e == NULL || e->level != XML_ERR_FATAL || r->error[0] != '\0')
        return;
    snprintf(r->error, sizeof(r->error), "%s",
             e->message ? e->message : "not well-formed");
    r->too_big = strstr(r->error, "Huge input lookup") != NULL;
    len = strlen(r->error);
    while (len > 0 && (r->error[len - 1] == '\n' || r->error[len - 1] == ' '))
        r->error[--len] = '\0';
    r->error_line = e->line;
}

int xml_reader_open(xml_reader **out, instream *in)
{
    xml_reader *r = calloc(1, sizeof(*r));

    *out = NULL;
    if (r == NULL)
        return mosaic__error_oom();
    r->in = in;
    /* No XML_PARSE_NOENT, DTDLOAD, XINCLUDE or HUGE: entities stay
     * unexpanded, nothing is fetched, libxml2's size limits hold. */
    r->tr = xmlReaderForIO(xml_io_read, xml_io_close, r, NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOCDATA);
    if (r->tr == NULL) {
        free(r);
        return mosaic__error_oom();
    }
    xmlTextReaderSetStructuredErrorHandler(r->tr, xml_error, r);
    *out = r;
    return 0;
}

void xml_reader_close(xml_reader *r)
{
    if (r == NULL)
        return;
    xmlFreeTextReader(r->tr);
    free(r);
}

const char *xml_reader_where(xml_reader *r)
{
    snprintf(r->where, sizeof(r->where), "%s:%d", instream_name(r->in),
             xmlTextReaderGetParserLineNumber(r->tr));
    return r->where;
}

/* The reader failed: our own error, or the parser's with its line. */
static int xml_failed(xml_reader *r)
{
    if (r->io_rc < 0)
        return r->io_rc;
    if (r->too_big)
        return mosaic__error_set(MOSAIC_ETOOBIG,
                                 "%s:%ld: a text longer than the XML "
                                 "parser's limit of %d bytes (a post this "
                                 "long is refused)", instream_name(r->in),
                                 r->error_line, XML_MAX_TEXT_LENGTH);
    if (r->error[0])
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s:%ld: not well-formed XML: %s",
                                 instream_name(r->in), r->error_line,
                                 r->error);
    return mosaic__error_set(MOSAIC_EFORMAT, "%s: not well-formed XML",
                             xml_reader_where(r));
}

/* One step of the underlying reader: 1, 0 at the end, <0 error. */
static int xml_step(xml_reader *r)
{
    int rc = xmlTextReaderRead(r->tr);

    if (rc < 0 || r->io_rc < 0)
        return xml_failed(r);
    if (rc == 0 && r->error[0])
        return xml_failed(r);
    if (rc == 1 && xmlTextReaderNodeType(r->tr) ==
                       XML_READER_TYPE_DOCUMENT_TYPE)
        return mosaic__error_set(MOSAIC_EFORMAT, "%s: has a DOCTYPE (refused)",
                                 xml_reader_where(r));
    return rc;
}

int xml_reader_next(xml_reader *r)
{
    int rc, type;

    while ((rc = xml_step(r)) == 1) {
        type = xmlTextReaderNodeType(r->tr);
        if (type == XML_READER_TYPE_ELEMENT ||
            type == XML_READER_TYPE_END_ELEMENT)
            return 1;
    }
    return rc;
}

int xml_reader_is_start(const xml_reader *r)
{
    return xmlTextReaderNodeType(r->tr) == XML_READER_TYPE_ELEMENT;
}

int xml_reader_depth(const xml_reader *r)
{
    return xmlTextReaderDepth(r->tr);
}

const char *xml_reader_name(const xml_reader *r)
{
    const xmlChar *s = xmlTextReaderConstLocalName(r->tr);
    return s ? (const char *)s : "";
}

const char *xml_reader_ns(const xml_reader *r)
{
    const xmlChar *s = xmlTextReaderConstNamespaceUri(r->tr);
    return s ? (const char *)s : "";
}

static int xml_put(xml_reader *r, strbuf *out, const char *s)
{
    if (strbuf_puts(out, s) == 0)
        return 0;
    if (mosaic_error_last()->code != MOSAIC_ETOOBIG)
        return mosaic_error_last()->code;
    return mosaic__error_set(MOSAIC_ETOOBIG,
                             "%s: <%s> holds more than %zu bytes",
                             xml_reader_where(r), xml_reader_name(r),
                             out->max);
}

int xml_reader_text(xml_reader *r, strbuf *out)
{
    int depth = xmlTextReaderDepth(r->tr), rc, type;

    if (xmlTextReaderIsEmptyElement(r->tr))
        return 0;
    while ((rc = xml_step(r)) == 1) {
        type = xmlTextReaderNodeType(r->tr);
        if (type == XML_READER_TYPE_END_ELEMENT &&
            xmlTextReaderDepth(r->tr) == depth)
            return 0;
        if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
            type == XML_READER_TYPE_WHITESPACE ||
            type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
            const xmlChar *v = xmlTextReaderConstValue(r->tr);
            if (v && (rc = xml_put(r, out, (const char *)v)) < 0)
                return rc;
        }
    }
    return rc < 0 ? rc : mosaic__error_set(MOSAIC_EFORMAT,
                                           "%s: the document ends inside "
                                           "an element",
                                           xml_reader_where(r));
}

int xml_reader_attr(xml_reader *r, const char *name, strbuf *out)
{
    xmlChar *v = xmlTextReaderGetAttribute(r->tr, (const xmlChar *)name);
    int rc;

    strbuf_clear(out);
    if (v == NULL)
        return 0;
    rc = xml_put(r, out, (const char *)v);
    xmlFree(v);
    return rc < 0 ? rc : 1;
}
