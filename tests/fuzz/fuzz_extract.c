/*
 * fuzz_extract.c -- libFuzzer target for the extractor: any bytes as a
 * post (invalid UTF-8, NULs, huge tokens), with and without a timestamp.
 * Spans must stay inside the text and in order.
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "mosaic.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static mosaic_extractor *ext;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const mosaic_extraction *x;

    if (ext == NULL && mosaic_extractor_open(&ext, NULL) < 0) {
        fprintf(stderr, "fuzz_extract: %s\n", mosaic_error_last()->message);
        abort();
    }
    if (mosaic_extract(&x, ext, (const char *)data, size,
                       size % 2 ? "2024-03-05T10:00:00Z" : NULL) < 0)
        return 0;
    for (size_t i = 0; i < x->n; i++) {
        const mosaic_span *s = &x->spans[i];
        if (s->start >= s->end || s->byte_end > size + 3 * size ||
            (i && s->start < x->spans[i - 1].start))
            abort(); /* spans inside the (repaired) text, in order */
    }
    return 0;
}
