/*
 * fuzz_utf16.c -- libFuzzer target for the UTF-16LE stream (LinkedIn's
 * 2018 CSVs): decoded with reads of a size the first byte picks, the
 * output checked to be UTF-8, then once more through the CSV reader.
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "text.h"
#include "utf16.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void decode(const uint8_t *p, size_t n, size_t step)
{
    instream *raw = NULL, *in = NULL;
    strbuf all = STRBUF_INIT(4u << 20);
    char buf[4096];
    ssize_t got;

    if (instream_open_memory(&raw, "fuzz", p, n) < 0 ||
        instream_open_utf16le(&in, raw) < 0)
        return; /* raw is closed by a failed open */
    while ((got = instream_read(in, buf, step)) > 0)
        if (strbuf_put(&all, buf, (size_t)got) < 0)
            break;
    if (got == 0 && all.len && !text_is_utf8(all.ptr, all.len))
        abort(); /* decoded text is UTF-8 or an error */
    strbuf_dispose(&all);
    instream_close(in);
}

static void decode_csv(const uint8_t *p, size_t n)
{
    instream *raw = NULL, *in = NULL;
    csv_reader r;

    if (instream_open_memory(&raw, "fuzz", p, n) < 0 ||
        instream_open_utf16le(&in, raw) < 0)
        return;
    csv_init(&r, in, ',', 1 << 16);
    while (csv_next(&r) > 0)
        ;
    csv_dispose(&r);
    instream_close(in);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    (void)utf16le_has_bom((const char *)data + 1, size - 1);
    decode(data + 1, size - 1, (size_t)(data[0] % 16) + 1);
    decode_csv(data + 1, size - 1);
    return 0;
}
