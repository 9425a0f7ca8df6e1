/*
 * fuzz_check.c -- libFuzzer target for the `check` input path: any bytes
 * as a draft, judged against a small stored history (the X sample
 * archive, imported once into a temporary store).
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mosaic.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static mosaic_store *store;
static mosaic_analyser *an;
static char path[64];

static void forget_store(void)
{
    char wal[80];

    mosaic_analyser_close(an);
    mosaic_store_close(store);
    unlink(path);
    snprintf(wal, sizeof(wal), "%s-wal", path);
    unlink(wal);
    snprintf(wal, sizeof(wal), "%s-shm", path);
    unlink(wal);
}

static void open_history(void)
{
    const char *sample = getenv("MOSAIC_FUZZ_HISTORY");

    snprintf(path, sizeof(path), "/tmp/mosaic-fuzz-check-%d.db", (int)getpid());
    if (mosaic_store_open(&store, path) < 0 ||
        (sample && mosaic_import(NULL, store, sample, NULL) < 0) ||
        mosaic_analyser_open(&an, store, NULL) < 0) {
        fprintf(stderr, "fuzz_check: %s\n", mosaic_error_last()->message);
        abort();
    }
    atexit(forget_store);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    mosaic_report *r = NULL;
    mosaic_verdict v;

    if (an == NULL)
        open_history();
    if (mosaic_check_draft(&r, &v, an, (const char *)data, size,
                           "2024-09-01T10:00:00Z") == 0) {
        if ((unsigned)v > MOSAIC_HIGH)
            abort();
        for (size_t i = 0; i < mosaic_report_count(r); i++)
            if (mosaic_report_finding(r, i)->nposts == 0)
                abort(); /* a finding always shows its posts */
    }
    mosaic_report_free(r);
    return 0;
}
