/*
 * import_csv.c -- generic CSV with a header naming at least id,
 * created_at and text (reply_to and platform optional).
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <string.h>

#include "csv.h"
#include "error.h"
#include "import_generic.h"

enum { COL_ID, COL_CREATED, COL_TEXT, COL_REPLY, COL_PLATFORM, N_COLS };

static const char *const col_names[N_COLS] = {
    "id", "created_at", "text", "reply_to", "platform",
};

/* The header's first line, lower-cased names split on commas. */
static int csv_header_has(const char *head, size_t len, const char *name)
{
    const char *end = memchr(head, '\n', len);
    size_t n = strlen(name), line = end ? (size_t)(end - head) : len;

    for (size_t i = 0; i + n <= line; i++) {
        int starts = i == 0 || head[i - 1] == ',' || head[i - 1] == '"';
        int ends = i + n == line || strchr(",\"\r", head[i + n]);
        if (starts && ends && memcmp(head + i, name, n) == 0)
            return 1;
    }
    return 0;
}

static int csv_detect(source *src)
{
    const char *head;
    size_t len;
    int rc;

    if ((rc = source_plain_head(src, &head, &len)) <= 0)
        return rc;
    return csv_header_has(head, len, "id") &&
           csv_header_has(head, len, "created_at") &&
           csv_header_has(head, len, "text");
}

static const char *csv_get(const csv_reader *r, const int *cols, int c)
{
    return cols[c] < 0 ? NULL : csv_field(r, (size_t)cols[c]);
}

static int csv_read(source *src, import_sink *sink)
{
    csv_reader r;
    instream *in = NULL;
    int cols[N_COLS], rc;
    char where[512];

    if ((rc = source_open_stream(src, NULL, &in)) < 0)
        return rc;
    csv_init(&r, in, ',', 2 * IMPORT_POST_MAX);
    if ((rc = csv_next(&r)) <= 0)
        goto done;
    for (int c = 0; c < N_COLS; c++)
        cols[c] = csv_column(&r, col_names[c]);
    while ((rc = csv_next(&r)) > 0) {
        generic_post g = {
            csv_get(&r, cols, COL_PLATFORM), csv_get(&r, cols, COL_ID),
            csv_get(&r, cols, COL_CREATED), csv_get(&r, cols, COL_TEXT),
            csv_get(&r, cols, COL_REPLY),
        };
        snprintf(where, sizeof(where), "%s:%zu", instream_name(in), r.line);
        if ((rc = generic_post_store(sink, &g, where)) < 0)
            break;
    }
done:
    csv_dispose(&r);
    instream_close(in);
    return rc < 0 ? rc : 0;
}

const struct importer importer_csv = {
    "csv", "CSV with a header: id, created_at, text (reply_to optional)",
    csv_detect, csv_read,
};
