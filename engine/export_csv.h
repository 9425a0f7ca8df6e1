/*
 * export_csv.h -- one CSV file inside a platform's export archive, as the
 * LinkedIn, Reddit and Substack importers read it: encoding (UTF-8, or
 * UTF-16LE with its BOM) and delimiter (comma or tab) sniffed, the header
 * row mapped to columns by name, every record checked to be UTF-8.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_EXPORT_CSV_H
#define MOSAIC_EXPORT_CSV_H

#include "csv.h"
#include "source.h"

/* A column the importer wants: its names across export versions
 * ("ShareLink|Share Link"), and whether the file is unusable without it. */
typedef struct {
    const char *names;
    int required;
} export_column;

typedef struct {
    instream *in;
    csv_reader csv;
    int cols[16];    /* field index per wanted column, -1 if absent */
    char where[512]; /* "archive:member:LINE" of the current record */
} export_csv;

/*
 * 1 if `member` starts with a header row holding every name in `names`
 * (each with its "A|B" alternatives); 0 if not or unreadable as CSV;
 * <0 when the archive cannot be read.
 */
int export_csv_header_has(source *src, const char *member,
                          const export_column *names, size_t n);

/*
 * Open `member` and read its header, mapping `want` (n <= 16) to fields.
 * A required column missing is MOSAIC_EFORMAT naming the member and the
 * column.  Close with export_csv_close(), also after a failure.
 */
int export_csv_open(export_csv *f, source *src, const char *member,
                    const export_column *want, size_t n);

/* The next record: 1, 0 at the end, <0 on error (member and line named). */
int export_csv_next(export_csv *f);

/* Wanted column c of the current record; "" when absent or short. */
const char *export_csv_get(const export_csv *f, size_t c);

void export_csv_close(export_csv *f);

#endif
