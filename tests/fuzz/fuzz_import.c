/*
 * fuzz_import.c -- libFuzzer target for whole imports: each input is
 * written to a file and imported, format detected or forced with
 * $MOSAIC_FUZZ_FORMAT, into a store kept for the run.
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mosaic.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static mosaic_store *store;
static char input[64], db[64];
static mosaic_import_options opts = MOSAIC_IMPORT_OPTIONS_INIT;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    snprintf(input, sizeof(input), "/tmp/mosaic-fuzz-%d.in", (int)getpid());
    snprintf(db, sizeof(db), "/tmp/mosaic-fuzz-%d.db", (int)getpid());
    opts.format = getenv("MOSAIC_FUZZ_FORMAT");
    if (opts.format && opts.format[0] == '\0')
        opts.format = NULL; /* empty: the format is detected */
    opts.include_drafts = 1;
    if (mosaic_store_open(&store, db) < 0) {
        fprintf(stderr, "fuzz: %s\n", mosaic_error_last()->message);
        exit(1); /* the harness, not the library */
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = fopen(input, "wb");
    mosaic_import_stats stats;

    if (f == NULL)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    (void)mosaic_import(&stats, store, input, &opts);
    return 0;
}
