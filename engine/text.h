/*
 * text.h -- small text helpers every importer needs: UTF-8 checks,
 * stable derived keys, HTML entities and HTML-to-text.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_TEXT_H
#define MOSAIC_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

/* 1 if s[0..len) is well-formed UTF-8 (no overlongs, no surrogates). */
int text_is_utf8(const char *s, size_t len);

/* 64-bit FNV-1a of s[0..len): a stable key for posts without ids. */
uint64_t text_hash64(const void *s, size_t len, uint64_t seed);

/* Append s with HTML character references decoded (&amp; &#39; &#x1F600;
 * and the named entities posts use). */
int text_decode_entities(strbuf *out, const char *s);

/* Append the plain text of an HTML fragment: paragraphs and block
 * elements become blank lines, <br> a newline, entities decoded, leading
 * and trailing white space trimmed.  Parsed by libxml2, never fetched. */
int text_from_html(strbuf *out, const char *html, size_t len);

/* Trim trailing white space (spaces, tabs, newlines) in place. */
void text_rtrim(strbuf *sb);

/* A post or draft mosaic accepts: not empty, at most MOSAIC_DRAFT_MAX
 * bytes, no NUL, valid UTF-8.  0, or MOSAIC_EFORMAT / MOSAIC_ETOOBIG
 * with the reason. */
int text_check_post(const char *text, size_t len);

#endif
