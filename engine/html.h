/*
 * html.h -- parse an HTML fragment with libxml2, never fetching, and
 * refuse one the parser gave up on part-way (nested past its depth
 * limit), whose text after that point would otherwise be lost unseen.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_HTML_H
#define MOSAIC_HTML_H

#include <libxml/HTMLparser.h>
#include <stddef.h>

#define HTML_DEPTH_MAX 256 /* libxml2's limit without XML_PARSE_HUGE */

/*
 * Parse html[0..len): 0 with *out (xmlFreeDoc; NULL for empty input),
 * or MOSAIC_EFORMAT / MOSAIC_ETOOBIG saying what is wrong (no file name:
 * the caller adds it).
 */
int html_read(htmlDocPtr *out, const char *html, size_t len);

#endif
