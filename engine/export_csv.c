/*
 * export_csv.c -- CSV files of platform exports; see export_csv.h.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "export_csv.h"
#include "import.h"
#include "text.h"
#include "utf16.h"

#define EXPORT_CSV_COLS (sizeof(((export_csv *)0)->cols) / sizeof(int))

/* Field index of a column under any of its "A|B" names, or -1. */
static int column_index(const csv_reader *r, const char *names)
{
    char name[128];

    while (*names) {
        size_t n = strcspn(names, "|");
        if (n < sizeof(name)) {
            memcpy(name, names, n);
            name[n] = '\0';
            int i = csv_column(r, name);
            if (i >= 0)
                return i;
        }
        names += n + (names[n] == '|');
    }
    return -1;
}

/* The header line's length in UTF-16LE bytes, its line feed included:
 * detection never decodes past it. */
static size_t utf16le_first_line(const char *p, size_t len)
{
    for (size_t i = 0; i + 1 < len; i += 2)
        if (p[i] == '\n' && p[i + 1] == '\0')
            return i + 2;
    return len & ~(size_t)1;
}

/* Tab-separated if the first line has tabs and no commas. */
static int sniff_delimiter(instream *in, char *delim)
{
    const char *p, *nl;
    size_t got, line;
    int rc;

    if ((rc = instream_peek(in, &p, SOURCE_HEAD_MAX, &got)) < 0)
        return rc;
    nl = memchr(p, '\n', got);
    line = nl ? (size_t)(nl - p) : got;
    *delim = memchr(p, '\t', line) && !memchr(p, ',', line) ? '\t' : ',';
    return 0;
}

/* Take over `raw`, decode UTF-16LE if it says so, read the header. */
static int export_csv_start(export_csv *f, instream *raw, size_t max)
{
    const char *p;
    size_t got;
    char delim;
    int rc;

    f->in = raw;
    if ((rc = instream_peek(raw, &p, 2, &got)) < 0)
        return rc;
    if (utf16le_has_bom(p, got)) {
        f->in = NULL;
        if ((rc = instream_open_utf16le(&f->in, raw)) < 0)
            return rc;
    }
    if ((rc = sniff_delimiter(f->in, &delim)) < 0)
        return rc;
    csv_init(&f->csv, f->in, delim, max);
    if ((rc = csv_next(&f->csv)) < 0)
        return rc;
    if (rc == 0)
        return mosaic__error_set(MOSAIC_EFORMAT, "%s: empty, no header row",
                                 instream_name(f->in));
    return 0;
}

int export_csv_header_has(source *src, const char *member,
                          const export_column *names, size_t n)
{
    export_csv f = {0};
    instream *raw = NULL;
    const char *head;
    size_t len;
    int rc;

    if (member == NULL)
        return 0;
    if ((rc = source_head(src, member, &head, &len)) < 0)
        return rc;
    if (utf16le_has_bom(head, len))
        len = utf16le_first_line(head, len);
    if ((rc = instream_open_memory(&raw, member, head, len)) < 0)
        return rc;
    rc = export_csv_start(&f, raw, SOURCE_HEAD_MAX) < 0 ? 0 : 1;
    for (size_t i = 0; rc == 1 && i < n; i++)
        if (column_index(&f.csv, names[i].names) < 0)
            rc = 0;
    export_csv_close(&f);
    mosaic_error_clear();
    return rc;
}

int export_csv_open(export_csv *f, source *src, const char *member,
                    const export_column *want, size_t n)
{
    instream *raw = NULL;
    int rc;

    memset(f, 0, sizeof(*f));
    if (n > EXPORT_CSV_COLS)
        return mosaic__error_set(MOSAIC_ERROR, "%s: too many columns wanted",
                                 member);
    if ((rc = source_open_stream(src, member, &raw)) < 0 ||
        (rc = export_csv_start(f, raw, 2 * IMPORT_POST_MAX)) < 0)
        return rc;
    for (size_t c = 0; c < n; c++) {
        f->cols[c] = column_index(&f->csv, want[c].names);
        if (f->cols[c] < 0 && want[c].required)
            return mosaic__error_set(
                MOSAIC_EFORMAT, "%s: no '%.*s' column in the header",
                instream_name(f->in), (int)strcspn(want[c].names, "|"),
                want[c].names);
    }
    for (size_t c = n; c < EXPORT_CSV_COLS; c++)
        f->cols[c] = -1;
    return 0;
}

int export_csv_next(export_csv *f)
{
    int rc = csv_next(&f->csv);

    if (rc <= 0)
        return rc;
    snprintf(f->where, sizeof(f->where), "%s:%zu", instream_name(f->in),
             f->csv.line);
    for (size_t i = 0; i < f->csv.nfields; i++) {
        const char *s = csv_field(&f->csv, i);
        if (!text_is_utf8(s, strlen(s)))
            return mosaic__error_set(MOSAIC_EFORMAT,
                                     "%s: field %zu is not valid UTF-8",
                                     f->where, i + 1);
    }
    return 1;
}

const char *export_csv_get(const export_csv *f, size_t c)
{
    if (c >= EXPORT_CSV_COLS || f->cols[c] < 0)
        return "";
    return csv_field(&f->csv, (size_t)f->cols[c]);
}

void export_csv_close(export_csv *f)
{
    csv_dispose(&f->csv);
    instream_close(f->in);
    f->in = NULL;
}
