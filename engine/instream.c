/*
 * instream.c -- buffered byte streams with peek and capped lines.
 * SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "instream.h"

#define INSTREAM_BUF (64 * 1024)

struct instream {
    char *name;
    instream_fill_fn fill;
    instream_close_fn close;
    void *ctx;
    char buf[INSTREAM_BUF];
    size_t pos, end; /* unread bytes are buf[pos..end) */
    int eof;
    size_t lineno;
};

int instream_new(instream **out, const char *name, instream_fill_fn fill,
                 instream_close_fn close, void *ctx)
{
    instream *s;

    *out = NULL;
    if ((s = calloc(1, sizeof(*s))) == NULL ||
        (s->name = strdup(name)) == NULL) {
        free(s);
        return mosaic__error_oom();
    }
    s->fill = fill;
    s->close = close;
    s->ctx = ctx;
    *out = s;
    return 0;
}

void instream_close(instream *s)
{
    if (s == NULL)
        return;
    if (s->close)
        s->close(s->ctx);
    free(s->name);
    free(s);
}

const char *instream_name(const instream *s)
{
    return s->name;
}

/* Top up the buffer; returns bytes available, or <0 on error. */
static ssize_t instream_refill(instream *s)
{
    ssize_t n;

    if (s->pos > 0 && s->pos < s->end)
        memmove(s->buf, s->buf + s->pos, s->end - s->pos);
    s->end -= s->pos;
    s->pos = 0;
    while (!s->eof && s->end < sizeof(s->buf)) {
        n = s->fill(s->ctx, s->buf + s->end, sizeof(s->buf) - s->end);
        if (n < 0)
            return n;
        if (n == 0)
            s->eof = 1;
        s->end += (size_t)n;
        if (n > 0)
            break;
    }
    return (ssize_t)s->end;
}

ssize_t instream_read(instream *s, void *buf, size_t n)
{
    size_t have = s->end - s->pos;

    if (have == 0) {
        ssize_t rc;
        if (n >= sizeof(s->buf) && !s->eof) {
            rc = s->fill(s->ctx, buf, n); /* large reads bypass the buffer */
            if (rc == 0)
                s->eof = 1;
            return rc;
        }
        if ((rc = instream_refill(s)) <= 0)
            return rc;
        have = s->end - s->pos;
    }
    if (n > have)
        n = have;
    memcpy(buf, s->buf + s->pos, n);
    s->pos += n;
    return (ssize_t)n;
}

int instream_peek(instream *s, const char **out, size_t n, size_t *got)
{
    if (n > sizeof(s->buf))
        n = sizeof(s->buf);
    while (s->end - s->pos < n && !s->eof) {
        ssize_t rc = instream_refill(s);
        if (rc < 0)
            return (int)rc;
    }
    *out = s->buf + s->pos;
    *got = s->end - s->pos < n ? s->end - s->pos : n;
    return 0;
}

int instream_getline(instream *s, strbuf *line)
{
    int rc;

    strbuf_clear(line);
    for (;;) {
        char *nl;
        size_t have = s->end - s->pos;

        if (have == 0) {
            ssize_t n = instream_refill(s);
            if (n < 0)
                return (int)n;
            if (n == 0)
                break;
            continue;
        }
        nl = memchr(s->buf + s->pos, '\n', have);
        if (nl != NULL) {
            size_t len = (size_t)(nl - (s->buf + s->pos));
            if ((rc = strbuf_put(line, s->buf + s->pos, len)) < 0)
                goto toolong;
            s->pos += len + 1;
            s->lineno++;
            if (line->len && line->ptr[line->len - 1] == '\r')
                line->ptr[--line->len] = '\0';
            return 1;
        }
        if ((rc = strbuf_put(line, s->buf + s->pos, have)) < 0)
            goto toolong;
        s->pos += have;
    }
    if (line->len == 0)
        return 0;
    s->lineno++;
    if (line->ptr[line->len - 1] == '\r')
        line->ptr[--line->len] = '\0';
    return 1;
toolong:
    if (rc != MOSAIC_ETOOBIG)
        return rc;
    return mosaic__error_set(MOSAIC_ETOOBIG,
                             "%s:%zu: line longer than %zu bytes", s->name,
                             s->lineno + 1, line->max);
}

size_t instream_lineno(const instream *s)
{
    return s->lineno;
}

/* ---- plain files ---- */

struct file_ctx {
    int fd;
    char *path;
};

static ssize_t file_fill(void *ctx, void *buf, size_t n)
{
    struct file_ctx *f = ctx;
    ssize_t got;

    do
        got = read(f->fd, buf, n);
    while (got < 0 && errno == EINTR);
    if (got < 0)
        return mosaic__error_set(MOSAIC_EIO, "%s: %s", f->path,
                                 strerror(errno));
    return got;
}

static void file_close(void *ctx)
{
    struct file_ctx *f = ctx;

    if (f->fd > 0)
        close(f->fd);
    free(f->path);
    free(f);
}

int instream_open_file(instream **out, const char *path)
{
    struct file_ctx *f;
    int stdin_ = strcmp(path, "-") == 0;
    const char *name = stdin_ ? "<stdin>" : path;
    int rc;

    *out = NULL;
    if ((f = calloc(1, sizeof(*f))) == NULL ||
        (f->path = strdup(name)) == NULL) {
        free(f);
        return mosaic__error_oom();
    }
    f->fd = stdin_ ? 0 : open(path, O_RDONLY | O_CLOEXEC);
    if (f->fd < 0) {
        int e = errno;
        free(f->path);
        free(f);
        return mosaic__error_set(e == ENOENT ? MOSAIC_ENOTFOUND : MOSAIC_EIO,
                                 "%s: %s", path, strerror(e));
    }
    if ((rc = instream_new(out, name, file_fill, file_close, f)) < 0)
        file_close(f);
    return rc;
}

/* ---- memory ---- */

struct mem_ctx {
    const char *p;
    size_t left;
};

static ssize_t mem_fill(void *ctx, void *buf, size_t n)
{
    struct mem_ctx *m = ctx;

    if (n > m->left)
        n = m->left;
    memcpy(buf, m->p, n);
    m->p += n;
    m->left -= n;
    return (ssize_t)n;
}

int instream_open_memory(instream **out, const char *name, const void *data,
                         size_t len)
{
    struct mem_ctx *m = malloc(sizeof(*m));
    int rc;

    *out = NULL;
    if (m == NULL)
        return mosaic__error_oom();
    m->p = data;
    m->left = len;
    if ((rc = instream_new(out, name, mem_fill, free, m)) < 0)
        free(m);
    return rc;
}
