/*
 * json_scan.h -- a strict, allocation-free JSON walker for hot paths:
 * it checks one document's syntax and shows every value with its path
 * to a visitor, which picks the few fields it needs.  Strings are handed
 * over raw and decoded in place on demand.  For everything else, jansson.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_JSON_SCAN_H
#define MOSAIC_JSON_SCAN_H

#include <stddef.h>
#include <string.h>

#define JSON_SCAN_DEPTH_MAX 64

typedef enum {
    JSCAN_STRING, JSCAN_NUMBER, JSCAN_TRUE, JSCAN_FALSE, JSCAN_NULL,
    JSCAN_OBJECT, JSCAN_ARRAY
} jscan_type;

/* One step of a value's path: an object key (raw, not NUL-terminated)
 * or, inside an array, key NULL. */
typedef struct {
    const char *key;
    size_t len;
} jscan_step;

/*
 * Called for every value below the top one: path[0..depth) leads to it.
 * For strings, raw[0..len) is the text between the quotes, still
 * escaped; for containers raw points at '{' or '['.  Non-zero stops the
 * scan and is returned.
 */
typedef int (*jscan_visit)(void *ctx, const jscan_step *path, int depth,
                           jscan_type type, char *raw, size_t len);

/* Walk buf[0..len): 0, the visitor's non-zero value, or MOSAIC_EFORMAT
 * with *why saying what is wrong (a static string) and *at the offset. */
int json_scan(char *buf, size_t len, jscan_visit visit, void *ctx,
              const char **why, size_t *at);

/*
 * The one object or array at the start of buf[0..len), followed by
 * anything: 0 with *used its length, JSON_SCAN_SHORT if it may go on
 * past len (or does not start with '{' or '['), or as json_scan.  The
 * visitor may have seen part of a value that came back short.
 */
#define JSON_SCAN_SHORT 1
int json_scan_prefix(char *buf, size_t len, jscan_visit visit, void *ctx,
                     const char **why, size_t *used);

/* Decode a raw string value in place and NUL-terminate it (the result
 * is never longer).  NULL if it holds \u0000 or a broken surrogate. */
char *json_scan_string(char *raw, size_t len);

/* 1 if a path step is the key `name` (inline: visitors ask it of every
 * value; the first byte settles most). */
static inline int jscan_is(const jscan_step *step, const char *name)
{
    return step->key && step->len > 0 && step->key[0] == name[0] &&
           strlen(name) == step->len && memcmp(step->key, name, step->len) == 0;
}

#endif
