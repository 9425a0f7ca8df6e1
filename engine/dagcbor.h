/*
 * dagcbor.h -- DAG-CBOR, the encoding of Bluesky's repository blocks,
 * decoded with libcbor after a check that keeps hostile blocks from
 * reaching it: one item, definite lengths, tag 42 only, bounded nesting,
 * no count larger than the bytes left.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_DAGCBOR_H
#define MOSAIC_DAGCBOR_H

#include <cbor.h>
#include <stddef.h>

#define DAGCBOR_DEPTH_MAX 32 /* atproto records nest far less */
#define DAGCBOR_TAG_CID 42

/*
 * Decode data[0..len) as exactly one DAG-CBOR item.  *out is owned by
 * the caller (cbor_decref).  MOSAIC_EFORMAT naming `where` otherwise.
 */
int dagcbor_load(cbor_item_t **out, const unsigned char *data, size_t len,
                 const char *where);

/* The value under text key `key` of a map; NULL if absent or no map. */
cbor_item_t *dagcbor_get(const cbor_item_t *map, const char *key);

/* dagcbor_get down a NULL-terminated list of keys. */
cbor_item_t *dagcbor_path(const cbor_item_t *map, const char *const *keys);

/*
 * A text value: 1 with *out a NUL-terminated copy (free()), 0 with *out
 * NULL when the item is absent or null, MOSAIC_EFORMAT naming `where`
 * and `field` when it is not valid UTF-8 text.
 */
int dagcbor_text(char **out, const cbor_item_t *item, const char *where,
                 const char *field);

/* 1 if the item is null (safe on floats, where libcbor's asserts). */
int dagcbor_is_null(const cbor_item_t *item);

/* 1 if the item is the text `s`. */
int dagcbor_text_is(const cbor_item_t *item, const char *s);

#endif
