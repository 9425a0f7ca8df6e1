/*
 * tsv.c -- read the small tab-separated tables of corpus/: a header
 * line, '#' comments, fields cut in place.
 * SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "error.h"
#include "synth.h"

#define TSV_MAX_BYTES (256u << 20) /* a table this big is not ours */

static int read_all(char **out, const char *path)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long size;
    int error = 0;

    *out = NULL;
    if (f == NULL)
        return mosaic__error_set(MOSAIC_ENOTFOUND, "%s: %s", path,
                                 strerror(errno));
    if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
        fseek(f, 0, SEEK_SET) != 0) {
        error = mosaic__error_set(MOSAIC_ERROR, "%s: cannot read", path);
        goto done;
    }
    if ((unsigned long)size > TSV_MAX_BYTES) {
        error = mosaic__error_set(MOSAIC_ETOOBIG, "%s: too large", path);
        goto done;
    }
    if ((buf = malloc((size_t)size + 1)) == NULL) {
        error = mosaic__error_oom();
        goto done;
    }
    if (fread(buf, 1, (size_t)size, f) != (size_t)size) {
        error = mosaic__error_set(MOSAIC_ERROR, "%s: short read", path);
        goto done;
    }
    buf[size] = '\0';
    *out = buf;
    buf = NULL;
done:
    free(buf);
    fclose(f);
    return error;
}

/* Split one line at tabs into a NULL-terminated field array. */
static char **split_line(char *line, size_t *nfields)
{
    size_t n = 1;
    char **fields;

    for (char *c = line; *c; c++)
        n += *c == '\t';
    if ((fields = calloc(n + 1, sizeof(*fields))) == NULL)
        return NULL;
    n = 0;
    fields[n++] = line;
    for (char *c = line; *c; c++) {
        if (*c == '\t') {
            *c = '\0';
            fields[n++] = c + 1;
        }
    }
    *nfields = n;
    return fields;
}

static int add_row(tsv_table *t, char **fields, size_t *cap)
{
    if (t->nrows == *cap) {
        size_t ncap = *cap ? *cap * 2 : 64;
        char ***rows = realloc(t->rows, ncap * sizeof(*rows));

        if (rows == NULL)
            return mosaic__error_oom();
        t->rows = rows;
        *cap = ncap;
    }
    t->rows[t->nrows++] = fields;
    return 0;
}

int tsv_load(tsv_table *t, const char *path, int has_header)
{
    size_t cap = 0, nf;
    char *line, *next;
    int error;

    memset(t, 0, sizeof(*t));
    snprintf(t->path, sizeof(t->path), "%s", path);
    if ((error = read_all(&t->buf, path)) < 0)
        return error;
    if (strncmp(t->buf, "\xef\xbb\xbf", 3) == 0)
        memset(t->buf, ' ', 3);
    for (line = t->buf; line != NULL && *line; line = next) {
        char **fields;

        if ((next = strchr(line, '\n')) != NULL)
            *next++ = '\0';
        line[strcspn(line, "\r")] = '\0';
        if ((line[0] == '#' && (line[1] == ' ' || line[1] == '\0')) ||
            line[strspn(line, " ")] == '\0')
            continue;
        if ((fields = split_line(line, &nf)) == NULL) {
            tsv_free(t);
            return mosaic__error_oom();
        }
        if (has_header && t->header == NULL) {
            t->header = fields;
            t->ncols = nf;
        } else if ((error = add_row(t, fields, &cap)) < 0) {
            free(fields);
            tsv_free(t);
            return error;
        }
    }
    if (has_header && t->header == NULL) {
        tsv_free(t);
        return mosaic__error_set(MOSAIC_EFORMAT, "%s: no header line", path);
    }
    return 0;
}

void tsv_free(tsv_table *t)
{
    for (size_t i = 0; i < t->nrows; i++)
        free(t->rows[i]);
    free(t->rows);
    free(t->header);
    free(t->buf);
    t->rows = NULL;
    t->header = NULL;
    t->buf = NULL;
    t->nrows = t->ncols = 0;
}

int tsv_column(const tsv_table *t, const char *aliases)
{
    char want[64];
    const char *a = aliases;

    while (*a) {
        size_t len = strcspn(a, "|");

        if (len < sizeof(want)) {
            memcpy(want, a, len);
            want[len] = '\0';
            for (size_t j = 0; j < t->ncols; j++)
                if (strcasecmp(t->header[j], want) == 0)
                    return (int)j;
        }
        a += len + (a[len] == '|');
    }
    return -1;
}

char *tsv_get(const tsv_table *t, size_t i, int j)
{
    static char empty[1]; /* never written: callers only split fields */
    char **row = t->rows[i];

    if (j < 0)
        return empty;
    for (int k = 0; k < j; k++)
        if (row[k] == NULL)
            return empty;
    return row[j] ? row[j] : empty;
}
