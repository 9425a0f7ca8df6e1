/*
 * json_stream.h -- stream the elements of a large JSON array without
 * holding the document: each element is cut out of the byte stream and
 * parsed alone by jansson, so memory stays bounded by one element.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_JSON_STREAM_H
#define MOSAIC_JSON_STREAM_H

#include <jansson.h>
#include <stddef.h>

#include "instream.h"
#include "json_scan.h"

/* Called per element (borrowed: decref'd after the call); <0 stops. */
typedef int (*json_element_cb)(json_t *elem, size_t index, void *ctx);

/*
 * key NULL: the elements of the first array in the stream; anything
 * before its '[' is skipped (X's "window.YTD.tweets.part0 = ").
 * key set: the elements of every array that is the value of `key` in the
 * top-level object, in order (a duplicated key yields both copies).
 * `elem_max` caps one element's bytes (MOSAIC_ETOOBIG past it).
 * Returns the number of elements, or <0 with the error naming the stream
 * and element.
 */
long json_each(instream *in, const char *key, size_t elem_max,
               json_element_cb cb, void *ctx);

/* Like json_each, but each element is handed over unparsed: buf[0..len)
 * with white space outside strings removed, NUL-terminated, writable
 * until the callback returns (see json_scan.h).  For hot paths. */
typedef int (*json_raw_cb)(char *buf, size_t len, size_t index, void *ctx);
long json_each_raw(instream *in, const char *key, size_t elem_max,
                   json_raw_cb cb, void *ctx);

/*
 * Like json_each_raw, but an element that starts with '{' or '[' is
 * parsed where it lies in the read buffer, before anything has looked
 * for its end (that pass was a tenth of an X import): buf[0..len) starts
 * with it and may run on past it (whole 0), or holds just the element as
 * json_each_raw cuts it out (whole 1).  The callback sets *used to the
 * element's length and returns 0; JSON_SCAN_SHORT, only when whole is 0
 * and before changing a byte of buf, to have it cut out and handed over
 * whole (it runs on past len, or does not parse as it lies: the cut-out
 * copy drops white space, such as between a sign and its digits); or <0
 * to stop.
 */
typedef int (*json_value_cb)(char *buf, size_t len, int whole, size_t index,
                             void *ctx, size_t *used);
long json_each_value(instream *in, const char *key, size_t elem_max,
                     json_value_cb cb, void *ctx);

/* Parse a whole small document (<= max bytes) from a stream. */
int json_load_stream(json_t **out, instream *in, size_t max);

/* Borrowed string member, or NULL when absent or not a string. */
const char *json_str(const json_t *obj, const char *key);

#endif
