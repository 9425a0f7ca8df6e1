/*
 * csv.c -- streaming CSV records; see csv.h.
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "csv.h"
#include "error.h"

void csv_init(csv_reader *r, instream *in, char delim, size_t max)
{
    memset(r, 0, sizeof(*r));
    r->in = in;
    r->delim = delim;
    r->record.max = max;
    r->next_line = 1;
}

void csv_dispose(csv_reader *r)
{
    strbuf_dispose(&r->record);
}

/* One byte: 1, 0 at the end, <0 on error. */
static int csv_getc(csv_reader *r, char *c)
{
    return (int)instream_read(r->in, c, 1);
}

static int csv_store(csv_reader *r, char c)
{
    if (strbuf_putc(&r->record, c) == 0)
        return 0;
    if (mosaic_error_last()->code != MOSAIC_ETOOBIG)
        return mosaic_error_last()->code;
    return mosaic__error_set(MOSAIC_ETOOBIG,
                             "%s:%zu: record longer than %zu bytes",
                             instream_name(r->in), r->line, r->record.max);
}

/* One byte of a field.  A NUL byte is refused: fields are stored
 * NUL-terminated, so it would silently cut the rest of a post. */
static int csv_put(csv_reader *r, char c)
{
    if (c == '\0')
        return mosaic__error_set(MOSAIC_EFORMAT, "%s:%zu: a NUL byte",
                                 instream_name(r->in), r->next_line);
    return csv_store(r, c);
}

static int csv_end_field(csv_reader *r)
{
    int rc;

    if (r->nfields == CSV_FIELDS_MAX)
        return mosaic__error_set(MOSAIC_ETOOBIG,
                                 "%s:%zu: more than %d fields",
                                 instream_name(r->in), r->line,
                                 CSV_FIELDS_MAX);
    if ((rc = csv_store(r, '\0')) < 0)
        return rc;
    r->offsets[++r->nfields] = r->record.len;
    return 0;
}

/* Skip the UTF-8 byte order mark some exporters write. */
static int csv_skip_bom(csv_reader *r)
{
    const char *p;
    size_t got;
    int rc;

    r->started = 1;
    if ((rc = instream_peek(r->in, &p, 3, &got)) < 0)
        return rc;
    if (got == 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
        char skip[3];
        return instream_read(r->in, skip, 3) < 0 ? MOSAIC_EIO : 0;
    }
    return 0;
}

int csv_next(csv_reader *r)
{
    int quoted = 0, any = 0, rc;
    char c;

    if (!r->started && (rc = csv_skip_bom(r)) < 0)
        return rc;
    strbuf_clear(&r->record);
    r->nfields = 0;
    r->offsets[0] = 0;
    r->line = r->next_line;
    while ((rc = csv_getc(r, &c)) > 0) {
        if (c == '\n')
            r->next_line++;
        if (quoted) {
            if (c != '"') {
                rc = csv_put(r, c);
            } else if ((rc = csv_getc(r, &c)) > 0 && c == '"') {
                rc = csv_put(r, '"');
            } else {
                quoted = 0;
                if (rc <= 0)
                    break;
                goto unquoted; /* the byte after a closing quote */
            }
            if (rc < 0)
                goto fail;
            continue;
        }
    unquoted:
        if (c == '\n') {
            if (r->nfields == 0 && r->record.len == 0 && !any) {
                r->line = r->next_line; /* blank line */
                continue;
            }
            break;
        }
        any = 1;
        if (c == '"') {
            quoted = 1;
            continue;
        }
        if (c == r->delim)
            rc = csv_end_field(r);
        else if (c != '\r')
            rc = csv_put(r, c);
        if (rc < 0)
            goto fail;
    }
    if (rc < 0)
        goto fail;
    if (quoted)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s:%zu: a quoted field never ends",
                                 instream_name(r->in), r->line);
    if (!any && r->record.len == 0 && r->nfields == 0)
        return 0;
    if ((rc = csv_end_field(r)) < 0)
        goto fail;
    return 1;
fail:
    return rc;
}

const char *csv_field(const csv_reader *r, size_t i)
{
    if (i >= r->nfields || r->record.ptr == NULL)
        return "";
    return r->record.ptr + r->offsets[i];
}

int csv_column(const csv_reader *r, const char *name)
{
    for (size_t i = 0; i < r->nfields; i++)
        if (strcmp(csv_field(r, i), name) == 0)
            return (int)i;
    return -1;
}
