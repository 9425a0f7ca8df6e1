/*
 * fuzz_archive.c -- libFuzzer target for the archive layer (source.c):
 * each input is written to a file and opened as an export; every
 * regular member is listed, its head read for detection, and streamed
 * to the end, as the importers do.
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "source.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char input[64];

static void remove_input(void)
{
    remove(input);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    snprintf(input, sizeof(input), "/tmp/mosaic-fuzz-%d.in", (int)getpid());
    atexit(remove_input);
    return 0;
}

static void read_member(source *src, const char *member)
{
    static char buf[16384];
    const char *head;
    instream *in = NULL;
    size_t len;

    (void)source_head(src, member, &head, &len);
    if (source_open_stream(src, member, &in) < 0)
        return;
    while (instream_read(in, buf, sizeof(buf)) > 0)
        ;
    instream_close(in);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = fopen(input, "wb");
    source *src = NULL;
    const char *head;
    size_t len;

    if (f == NULL)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    if (source_open(&src, input) < 0)
        return 0;
    (void)source_find(src, "outbox.json");
    if (source_plain_head(src, &head, &len) == 0)
        for (size_t i = 0; i < source_member_count(src) && i < 64; i++)
            read_member(src, source_member_name(src, i));
    source_close(src);
    return 0;
}
