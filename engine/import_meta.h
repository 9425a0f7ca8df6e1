/*
 * import_meta.h -- what the Facebook and Instagram/Threads importers
 * share: members read with Meta's mojibake repaired, type-checked field
 * readers, stand-in ids for items the exports give no id, and the
 * Messenger-style message_N.json threads both exports carry.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_IMPORT_META_H
#define MOSAIC_IMPORT_META_H

#include <jansson.h>
#include <stdint.h>

#include "import.h"
#include "timefmt.h"

/* The longest "where" an item's error names ("a.zip:member: element 3"). */
#define META_WHERE_MAX 1024
/* The longest stand-in id meta_key writes. */
#define META_KEY_MAX 512

/* Called per array element, repaired; `where` names member and element. */
typedef int (*meta_item_cb)(json_t *item, const char *where, void *ctx);

/*
 * Stream the elements of the array under the top-level `key` of a
 * member, or with key NULL of its first array (the bare top-level array,
 * or the only one, as under "comments_v2"), each with its mojibake
 * repaired.  <0 with the error naming the member when it does not parse
 * or the callback fails.
 */
int meta_each(source *src, const char *member, const char *key, meta_item_cb cb,
              void *ctx);

/* The same over a member already open (source_each_member). */
int meta_each_stream(instream *in, const char *key, meta_item_cb cb, void *ctx);

/* Load a small member (a profile) whole, repaired; *out owned. */
int meta_load(source *src, const char *member, json_t **out);

/*
 * Field readers: 0 with *out NULL when the field is absent or null, 0
 * with the value when it has the right type, MOSAIC_EFORMAT naming
 * `where` and the field when it has another type.
 */
int meta_string(const json_t *obj, const char *field, const char **out,
                const char *where);
int meta_array(const json_t *obj, const char *field, json_t **out,
               const char *where);
int meta_object(const json_t *obj, const char *field, json_t **out,
                const char *where);

/*
 * Read a Unix time field (seconds, or milliseconds with `ms`) into
 * whole seconds: 1 if present, 0 if absent or null, MOSAIC_EFORMAT if
 * it is not a whole number in the years 1970-9999.
 */
int meta_seconds(const json_t *obj, const char *field, int ms, int64_t *out,
                 const char *where);

/* An element that must be an object: MOSAIC_EFORMAT naming where. */
int meta_need_object(const json_t *item, const char *where);

/*
 * A stable stand-in id for an item the export gives no id:
 * "<prefix>:<seconds>:<16 hex digits>", the digits hashing the platform,
 * seconds, kind and text, so importing the same export twice (or two
 * overlapping exports) stores each item once.
 */
void meta_key(char out[META_KEY_MAX], const char *prefix, const char *platform,
              int64_t seconds, const char *kind, const char *text);

/* One item to store: keyed by native_id when the export has one (an
 * Instagram media uri), else by meta_key; visibility NULL is public. */
typedef struct {
    const char *platform, *key_prefix, *kind, *visibility, *text, *place;
    int64_t seconds;
    int own;
    const char *native_id;
} meta_item;

int meta_store(import_sink *sink, const meta_item *item, const char *where);

/* The part of a path after its last '/'. */
const char *meta_basename(const char *path);

/* 1 if the member's base name is "<stem>_<digits>.json". */
int meta_is_part(const char *member, const char *stem);

/* 1 for members a macOS re-pack adds (__MACOSX/, ._*): never read. */
int meta_is_junk(const char *member);

/*
 * 1 if the member is a message thread file:
 * ".../messages/<folder>/<thread>/message_N.json", folder one of inbox,
 * archived_threads, filtered_threads, message_requests, e2ee_cutover.
 */
int meta_is_thread(const char *member);

/*
 * Store the messages of one message_N.json as kind "dm", visibility
 * "direct"; own when the sender is `owner` (the account's name, or NULL
 * if unknown).  Ids: "<key_prefix>:<thread folder>:<ms>:<hash>".
 * Messages without text (photos, unsent) are counted as skipped.
 */
int meta_read_thread(instream *in, const char *member, const char *platform,
                     const char *key_prefix, const char *owner,
                     import_sink *sink);

#endif
