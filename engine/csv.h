/*
 * csv.h -- a streaming RFC 4180 reader: quoted fields spanning lines,
 * doubled quotes, CRLF or LF, a leading UTF-8 BOM, any one-byte
 * delimiter.  Every field and record is capped.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_CSV_H
#define MOSAIC_CSV_H

#include <stddef.h>

#include "instream.h"
#include "strbuf.h"

#define CSV_FIELDS_MAX 1024

typedef struct {
    instream *in;
    char delim;
    strbuf record;              /* the fields, NUL-separated */
    size_t offsets[CSV_FIELDS_MAX];
    size_t nfields;
    size_t line;                /* line the current record started on */
    size_t next_line;
    int started;
} csv_reader;

/* Start reading `in` (borrowed); `max` caps one record's bytes. */
void csv_init(csv_reader *r, instream *in, char delim, size_t max);
void csv_dispose(csv_reader *r);

/* Read the next record: 1 read, 0 at the end, <0 error (names the
 * stream and line).  Blank lines are skipped. */
int csv_next(csv_reader *r);

/* Field i of the current record ("" when the record is shorter). */
const char *csv_field(const csv_reader *r, size_t i);

/* Index of the header field named `name` in the current record, or -1. */
int csv_column(const csv_reader *r, const char *name);

#endif
