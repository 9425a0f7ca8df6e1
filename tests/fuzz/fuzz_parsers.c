/*
 * fuzz_parsers.c -- libFuzzer target for the byte-level parsers: the JSON
 * element cutter, Meta's mojibake repair, CSV, HTML to text, entities,
 * UTF-8 and timestamps.
 * The first byte picks the parser; the rest is its input.
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "json_stream.h"
#include "mojibake.h"
#include "text.h"
#include "timefmt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int count(json_t *elem, size_t index, void *ctx)
{
    (void)index;
    (void)mojibake_repair_json(elem);
    ++*(size_t *)ctx;
    return 0;
}

static void fuzz_json(const char *p, size_t n, const char *key)
{
    instream *in = NULL;
    size_t seen = 0;

    if (instream_open_memory(&in, "fuzz", p, n) == 0)
        (void)json_each(in, key, 1 << 16, count, &seen);
    instream_close(in);
}

static void fuzz_csv(const char *p, size_t n, char delim)
{
    instream *in = NULL;
    csv_reader r;

    if (instream_open_memory(&in, "fuzz", p, n) < 0)
        return;
    csv_init(&r, in, delim, 1 << 16);
    while (csv_next(&r) > 0)
        (void)csv_field(&r, 3);
    csv_dispose(&r);
    instream_close(in);
}

static void fuzz_strings(const char *s, size_t n)
{
    strbuf out = STRBUF_INIT(1 << 20);
    char iso[TIME_ISO_LEN], *fixed = malloc(n + 1);
    size_t fixed_len;

    if (fixed)
        (void)mojibake_repair(s, n, fixed, &fixed_len);
    free(fixed);
    (void)text_is_utf8(s, n);
    (void)text_decode_entities(&out, s);
    strbuf_clear(&out);
    (void)text_from_html(&out, s, strlen(s));
    (void)time_normalise(s, iso);
    strbuf_dispose(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s;

    if (size < 1 || (s = malloc(size)) == NULL)
        return 0;
    memcpy(s, data + 1, size - 1);
    s[size - 1] = '\0'; /* C-string parsers get a terminated copy */
    switch (data[0] % 5) {
    case 0: fuzz_json(s, size - 1, NULL); break;
    case 1: fuzz_json(s, size - 1, "orderedItems"); break;
    case 2: fuzz_csv(s, size - 1, ','); break;
    case 3: fuzz_csv(s, size - 1, '\t'); break;
    default: fuzz_strings(s, size - 1); break;
    }
    free(s);
    return 0;
}
