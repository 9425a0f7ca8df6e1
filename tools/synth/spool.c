/*
 * spool.c -- posts are written once, as records in an unlinked temporary
 * file, then copied into the archive member (whose size a tar header
 * needs up front), newest first where the platform wants that.  Memory
 * holds one offset per record, never the posts.
 * SPDX-License-Identifier: MIT
 */
#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "synth.h"

#define COPY_CHUNK (256u << 10)

int spool_open(synth_spool *s, const char *dir)
{
    char path[1024];
    int fd;

    memset(s, 0, sizeof(*s));
    snprintf(path, sizeof(path), "%s/.mosaic-synth-XXXXXX", dir);
    if ((fd = mkstemp(path)) < 0)
        return mosaic__error_set(MOSAIC_ERROR, "%s: %s", dir,
                                 strerror(errno));
    unlink(path);
    if ((s->f = fdopen(fd, "w+b")) == NULL) {
        close(fd);
        return mosaic__error_oom();
    }
    return 0;
}

int spool_add(synth_spool *s, const char *data, size_t len)
{
    if (s->n == s->cap) {
        size_t ncap = s->cap ? s->cap * 2 : 1024;
        uint64_t *o = realloc(s->offsets, ncap * sizeof(*o));

        if (o == NULL)
            return mosaic__error_oom();
        s->offsets = o;
        s->cap = ncap;
    }
    s->offsets[s->n++] = s->size;
    if (fwrite(data, 1, len, s->f) != len)
        return mosaic__error_set(MOSAIC_ERROR, "temporary file: %s",
                                 strerror(errno));
    s->size += len;
    return 0;
}

void spool_close(synth_spool *s)
{
    if (s->f)
        fclose(s->f);
    free(s->offsets);
    memset(s, 0, sizeof(*s));
}

static int arch_error(struct archive *a, const char *name)
{
    return mosaic__error_set(MOSAIC_ERROR, "%s: %s", name,
                             archive_error_string(a));
}

static int begin_member(struct archive *a, const char *name, int64_t mtime,
                        int mode, uint64_t size)
{
    struct archive_entry *e = archive_entry_new();
    int rc;

    if (e == NULL)
        return mosaic__error_oom();
    archive_entry_set_pathname(e, name);
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, (mode_t)mode);
    archive_entry_set_size(e, (la_int64_t)size);
    archive_entry_set_mtime(e, (time_t)mtime, 0);
    archive_entry_set_uname(e, "wheel");
    archive_entry_set_gname(e, "wheel");
    rc = archive_write_header(a, e);
    archive_entry_free(e);
    return rc == ARCHIVE_OK ? 0 : arch_error(a, name);
}

static int put(struct archive *a, const char *name, const void *d, size_t n)
{
    if (n > 0 && archive_write_data(a, d, n) != (la_ssize_t)n)
        return arch_error(a, name);
    return 0;
}

int member_write(struct archive *a, const char *name, int64_t mtime,
                 int mode, const char *data, size_t len)
{
    int error = begin_member(a, name, mtime, mode, len);

    return error < 0 ? error : put(a, name, data, len);
}

/* Copy bytes [from, from + len) of the spool into the member. */
static int copy_range(struct archive *a, const char *name, synth_spool *s,
                      char *buf, uint64_t from, uint64_t len)
{
    int error = 0;

    if (fseeko(s->f, (off_t)from, SEEK_SET) != 0)
        return mosaic__error_set(MOSAIC_ERROR, "temporary file: seek");
    while (len > 0 && error == 0) {
        size_t n = len < COPY_CHUNK ? (size_t)len : COPY_CHUNK;

        if (fread(buf, 1, n, s->f) != n)
            return mosaic__error_set(MOSAIC_ERROR, "temporary file: read");
        error = put(a, name, buf, n);
        len -= n;
    }
    return error;
}

int member_write_spool(struct archive *a, const char *name, int64_t mtime,
                       int mode, const char *head, synth_spool *s,
                       const char *sep, int reverse, const char *tail)
{
    uint64_t size = strlen(head) + s->size + strlen(tail) +
                    (s->n ? (s->n - 1) * strlen(sep) : 0);
    char *buf = NULL;
    int error;

    if ((error = begin_member(a, name, mtime, mode, size)) < 0 ||
        (error = put(a, name, head, strlen(head))) < 0)
        return error;
    if (fflush(s->f) != 0)
        return mosaic__error_set(MOSAIC_ERROR, "temporary file: flush");
    if ((buf = malloc(COPY_CHUNK)) == NULL)
        return mosaic__error_oom();
    for (size_t k = 0; k < s->n && error == 0; k++) {
        size_t i = reverse ? s->n - 1 - k : k;
        uint64_t end = i + 1 < s->n ? s->offsets[i + 1] : s->size;

        if (k > 0)
            error = put(a, name, sep, strlen(sep));
        if (error == 0)
            error = copy_range(a, name, s, buf, s->offsets[i],
                               end - s->offsets[i]);
    }
    free(buf);
    return error < 0 ? error : put(a, name, tail, strlen(tail));
}
