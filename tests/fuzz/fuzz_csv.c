/*
 * fuzz_csv.c -- libFuzzer target for the streaming CSV reader.  The
 * first byte picks the delimiter and a record cap (small caps reach
 * the "record too long" paths); the rest is the file, read in memory.
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char delims[] = { ',', '\t', ';', '|' };
    instream *in = NULL;
    csv_reader r;
    size_t max;

    if (size < 1)
        return 0;
    max = (data[0] & 0x10) ? 64 : (1 << 16);
    if (instream_open_memory(&in, "fuzz.csv", data + 1, size - 1) < 0)
        return 0;
    csv_init(&r, in, delims[data[0] & 3], max);
    if (csv_next(&r) > 0) {
        (void)csv_column(&r, "Date");
        while (csv_next(&r) > 0)
            for (size_t i = 0; i < r.nfields + 1; i++)
                (void)strlen(csv_field(&r, i));
    }
    csv_dispose(&r);
    instream_close(in);
    return 0;
}
