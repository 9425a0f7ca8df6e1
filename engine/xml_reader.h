/*
 * xml_reader.h -- a streaming XML reader for the blog exports (WXR,
 * Blogger Atom): libxml2's xmlTextReader over an instream, so memory is
 * bounded by one element, with the dangerous features off -- no network,
 * no DTD, no entity expansion beyond XML's five predefined ones.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_XML_READER_H
#define MOSAIC_XML_READER_H

#include "instream.h"
#include "strbuf.h"

typedef struct xml_reader xml_reader;

/*
 * Read `in` (borrowed: it must outlive the reader).  A document with a
 * DOCTYPE is refused before the parser sees it: exports have none, and
 * its entity declarations are how an XML bomb expands.
 */
int xml_reader_open(xml_reader **out, instream *in);
void xml_reader_close(xml_reader *r);

/* Move to the next element start or end: 1, 0 at the end of the
 * document, <0 with the error naming the file and line. */
int xml_reader_next(xml_reader *r);

/* The current node: an element start (1) or end (0). */
int xml_reader_is_start(const xml_reader *r);
/* Its depth (the root element is 0). */
int xml_reader_depth(const xml_reader *r);
/* Its local name and namespace URI ("" when none); borrowed. */
const char *xml_reader_name(const xml_reader *r);
const char *xml_reader_ns(const xml_reader *r);

/* At an element start: append its text (text and CDATA of it and its
 * children, entities decoded) to `out`, leaving the reader at its end.
 * <0 if the document breaks or `out` would pass its cap. */
int xml_reader_text(xml_reader *r, strbuf *out);

/* At an element start: its attribute `name` into `out` (cleared first);
 * 1 if present, 0 if not, <0 on error. */
int xml_reader_attr(xml_reader *r, const char *name, strbuf *out);

/* "file:line" of the current node, for messages; borrowed. */
const char *xml_reader_where(xml_reader *r);

#endif
