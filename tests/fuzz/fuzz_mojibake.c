/*
 * fuzz_mojibake.c -- libFuzzer target for the repair of Meta's
 * Latin-1-decoded UTF-8: on raw strings (any bytes) and on every
 * string of a parsed JSON document, keys included.
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mojibake.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size ? size : 1), *out = malloc(size + 1);
    size_t n = 0;
    json_t *doc;

    if (s && out) {
        memcpy(s, data, size);
        if (mojibake_repair(s, size, out, &n) == 1 &&
            (n > size || !text_is_utf8(out, n) || out[n] != '\0'))
            abort(); /* a repair is valid UTF-8, never longer */
    }
    free(s);
    free(out);
    doc = json_loadb((const char *)data, size,
                     JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
    if (doc) {
        (void)mojibake_repair_json(doc);
        json_decref(doc);
    }
    return 0;
}
