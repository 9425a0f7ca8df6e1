/*
 * mojibake.h -- undo Meta's export encoding: Facebook, Instagram and
 * Threads write each byte of UTF-8 text as its own \u00XX escape, so a
 * JSON parser yields "cafÃ©" for "café".  See formats/facebook.md.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_MOJIBAKE_H
#define MOSAIC_MOJIBAKE_H

#include <jansson.h>
#include <stddef.h>

/*
 * Repair one decoded string s[0..len) (UTF-8, as a JSON parser gives it).
 * When every code point is <= U+00FF, at least one is >= U+0080, and the
 * code points taken as Latin-1 bytes form valid UTF-8, those bytes are
 * written to out (room for len + 1 bytes; NUL-terminated), *out_len is
 * set, and 1 is returned.  Otherwise 0 and out is untouched: plain
 * ASCII, text with characters past U+00FF, and genuine Latin-1 text
 * that is not mojibake are left as they are.
 */
int mojibake_repair(const char *s, size_t len, char *out, size_t *out_len);

/*
 * Repair every string of a parsed JSON value in place, object keys
 * included.  0, or MOSAIC_ENOMEM.
 */
int mojibake_repair_json(json_t *value);

#endif
