/*
 * html_walk.h -- the text an HTML fragment becomes, built from events
 * (text, <br>, block edges) so that libxml2's tree walk (html.c) and the
 * fast path for simple fragments (html_fast.c) write the same bytes.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_HTML_WALK_H
#define MOSAIC_HTML_WALK_H

#include "strbuf.h"

typedef struct {
    strbuf *out;
    int pending;  /* line breaks owed before the next text: 0, 1 or 2 */
    int space;    /* a collapsed space is owed before the next text */
    int rc;
} html_walk;

/* Text s[0..n), its white space collapsed as a browser would. */
void html_walk_text(html_walk *w, const char *s, size_t n);
/* A <br>. */
void html_walk_br(html_walk *w);
/* The start or end of a block element (<p>, <div>...). */
void html_walk_block(html_walk *w);

/*
 * The fast path: fragments made only of <p> elements holding text,
 * entities, <br>, <a> and <span> (what Mastodon writes) are turned into
 * events without a parser.  1 if done, 0 if the fragment is anything
 * else (w->out is then as it was), <0 on a write error.
 */
int html_fast(html_walk *w, const char *html, size_t len);

/* text_from_html without the fast path: libxml2 for everything. */
int html_libxml_text(strbuf *out, const char *html, size_t len);

#endif
