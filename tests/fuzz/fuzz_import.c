/*
 * fuzz_import.c -- libFuzzer target for whole imports: each input is
 * written to a file and imported, format detected or forced with
 * $MOSAIC_FUZZ_FORMAT, into a store kept for the run.
 *
 * With $MOSAIC_FUZZ_MEMBER (say "outbox.json"), the input is instead the
 * content of that one member of a zip made for it, so the mutations
 * reach a platform's JSON, CSV or XML rather than its compressed bytes.
 * SPDX-License-Identifier: MIT
 */
#include <archive.h>
#include <archive_entry.h>
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
static const char *member;
static mosaic_import_options opts = MOSAIC_IMPORT_OPTIONS_INIT;

/* At exit (the end of -max_total_time): this process's files only. */
static void remove_files(void)
{
    static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
    char path[80];

    mosaic_store_close(store);
    store = NULL;
    remove(input);
    for (size_t i = 0; i < sizeof(suffix) / sizeof(suffix[0]); i++) {
        snprintf(path, sizeof(path), "%s%s", db, suffix[i]);
        remove(path);
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    snprintf(input, sizeof(input), "/tmp/mosaic-fuzz-%d.in", (int)getpid());
    snprintf(db, sizeof(db), "/tmp/mosaic-fuzz-%d.db", (int)getpid());
    opts.format = getenv("MOSAIC_FUZZ_FORMAT");
    if (opts.format && opts.format[0] == '\0')
        opts.format = NULL; /* empty: the format is detected */
    member = getenv("MOSAIC_FUZZ_MEMBER");
    if (member && member[0] == '\0')
        member = NULL;
    opts.include_drafts = 1;
    if (mosaic_store_open(&store, db) < 0) {
        fprintf(stderr, "fuzz: %s\n", mosaic_error_last()->message);
        exit(1); /* the harness, not the library */
    }
    atexit(remove_files);
    return 0;
}

/* The input as the only member of a stored (uncompressed) zip. */
static int write_zip(const uint8_t *data, size_t size)
{
    struct archive *a = archive_write_new();
    struct archive_entry *e = archive_entry_new();
    int ok = a && e && archive_write_set_format_zip(a) == ARCHIVE_OK &&
             archive_write_zip_set_compression_store(a) == ARCHIVE_OK &&
             archive_write_open_filename(a, input) == ARCHIVE_OK;

    if (ok) {
        archive_entry_set_pathname(e, member);
        archive_entry_set_filetype(e, AE_IFREG);
        archive_entry_set_perm(e, 0644);
        archive_entry_set_size(e, (la_int64_t)size);
        ok = archive_write_header(a, e) == ARCHIVE_OK &&
             (size == 0 || archive_write_data(a, data, size) ==
                               (la_ssize_t)size) &&
             archive_write_close(a) == ARCHIVE_OK;
    }
    archive_entry_free(e);
    archive_write_free(a);
    return ok ? 0 : -1;
}

static int write_plain(const uint8_t *data, size_t size)
{
    FILE *f = fopen(input, "wb");

    if (f == NULL)
        return -1;
    fwrite(data, 1, size, f);
    return fclose(f) == 0 ? 0 : -1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    mosaic_import_stats stats;

    if ((member ? write_zip(data, size) : write_plain(data, size)) < 0)
        return 0;
    (void)mosaic_import(&stats, store, input, &opts);
    return 0;
}
