/*
 * source.c -- plain files and archives behind one interface; archive
 * members are streamed through libarchive with caps on expansion (a zip's
 * plain members through zip_fast, which inflates them faster).
 * SPDX-License-Identifier: MIT
 */
#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "error.h"
#include "source.h"
#include "zip_fast.h"

struct source {
    char *path;
    int is_archive;
    unsigned long long file_size;
    char **members;
    size_t nmembers, skipped;
    instream *plain; /* plain files: opened once, peeked for detection */
    char head[SOURCE_HEAD_MAX];
};

const char *source_path(const source *src) { return src->path; }
int source_is_archive(const source *src) { return src->is_archive; }
size_t source_member_count(const source *src) { return src->nmembers; }
size_t source_skipped_members(const source *src) { return src->skipped; }

const char *source_member_name(const source *src, size_t i)
{
    return i < src->nmembers ? src->members[i] : NULL;
}

static struct archive *archive_reader_new(void)
{
    struct archive *a = archive_read_new();

    if (a == NULL)
        return NULL;
    archive_read_support_filter_all(a);
    archive_read_support_format_zip(a);
    archive_read_support_format_tar(a);
    archive_read_support_format_gnutar(a);
    return a;
}

/* A member name that could escape a folder if it were ever unpacked. */
static int member_name_unsafe(const char *name)
{
    const char *p = name;

    if (name[0] == '/' || name[0] == '\\')
        return 1;
    while (*p) {
        size_t n = strcspn(p, "/\\");
        if (n == 2 && p[0] == '.' && p[1] == '.')
            return 1;
        p += n;
        if (*p)
            p++;
    }
    return 0;
}

static int source_add_member(source *src, const char *name)
{
    char **m;

    if (src->nmembers == SOURCE_MEMBERS_MAX)
        return mosaic__error_set(MOSAIC_ETOOBIG,
                                 "%s: more than %d members in the archive",
                                 src->path, SOURCE_MEMBERS_MAX);
    if ((src->nmembers & (src->nmembers - 1)) == 0) {
        size_t cap = src->nmembers ? src->nmembers * 2 : 16;
        if ((m = realloc(src->members, cap * sizeof(*m))) == NULL)
            return mosaic__error_oom();
        src->members = m;
    }
    if ((src->members[src->nmembers] = strdup(name)) == NULL)
        return mosaic__error_oom();
    src->nmembers++;
    return 0;
}

/* List the members of an archive; 1 if it is one, 0 if not, <0 error. */
static int source_list(source *src)
{
    struct archive *a = archive_reader_new();
    struct archive_entry *e;
    int r, rc = 0, first = 1;

    if (a == NULL)
        return mosaic__error_oom();
    if (archive_read_open_filename(a, src->path, 64 * 1024) != ARCHIVE_OK)
        goto done;
    while ((r = archive_read_next_header(a, &e)) == ARCHIVE_OK ||
           r == ARCHIVE_WARN) {
        const char *name = archive_entry_pathname(e);
        first = 0;
        src->is_archive = 1;
        if (name == NULL || member_name_unsafe(name)) {
            rc = mosaic__error_set(MOSAIC_EFORMAT,
                                   "%s: member '%s' has an unsafe path "
                                   "(absolute or with '..'); refusing the "
                                   "archive", src->path, name ? name : "?");
            goto done;
        }
        if (archive_entry_filetype(e) == AE_IFREG) {
            if ((rc = source_add_member(src, name)) < 0)
                goto done;
        } else if (archive_entry_filetype(e) != AE_IFDIR) {
            src->skipped++;
        }
    }
    if (r != ARCHIVE_EOF && !first)
        rc = mosaic__error_set(MOSAIC_EFORMAT,
                               "%s: archive is truncated or corrupt: %s",
                               src->path, archive_error_string(a));
done:
    archive_read_free(a);
    return rc < 0 ? rc : src->is_archive;
}

int source_open(source **out, const char *path)
{
    source *src = NULL;
    struct stat st;
    int rc = 0, stdin_ = strcmp(path, "-") == 0;

    *out = NULL;
    if (!stdin_) {
        if (stat(path, &st) < 0)
            return mosaic__error_set(
                errno == ENOENT ? MOSAIC_ENOTFOUND : MOSAIC_EIO, "%s: %s",
                path, strerror(errno));
        if (S_ISDIR(st.st_mode))
            return mosaic__error_set(MOSAIC_EFORMAT,
                                     "%s: is a folder, not an export file",
                                     path);
    }
    if ((src = calloc(1, sizeof(*src))) == NULL ||
        (src->path = strdup(stdin_ ? "<stdin>" : path)) == NULL) {
        rc = mosaic__error_oom();
        goto done;
    }
    if (!stdin_) {
        src->file_size = (unsigned long long)st.st_size;
        if ((rc = source_list(src)) < 0)
            goto done;
    }
    if (!src->is_archive && (rc = instream_open_file(&src->plain, path)) < 0)
        goto done;
    *out = src;
    src = NULL;
    rc = 0;
done:
    source_close(src);
    return rc;
}

void source_close(source *src)
{
    if (src == NULL)
        return;
    for (size_t i = 0; i < src->nmembers; i++)
        free(src->members[i]);
    free(src->members);
    instream_close(src->plain);
    free(src->path);
    free(src);
}

const char *source_find(const source *src, const char *name)
{
    size_t nl = strlen(name);

    for (size_t i = 0; i < src->nmembers; i++) {
        const char *m = src->members[i];
        size_t ml = strlen(m);
        if (strcmp(m, name) == 0 ||
            (ml > nl && m[ml - nl - 1] == '/' && strcmp(m + ml - nl, name) == 0))
            return m;
    }
    return NULL;
}

/* ---- streaming one member ---- */

struct member_ctx {
    struct archive *a;
    zip_fast *fast; /* instead of a: the member inflated by ISA-L */
    char *name; /* "archive:member", for messages */
    unsigned long long expanded, file_size;
};

static ssize_t member_fill(void *ctx, void *buf, size_t n)
{
    struct member_ctx *m = ctx;
    la_ssize_t got = m->fast ? zip_fast_read(m->fast, buf, n, m->name)
                             : archive_read_data(m->a, buf, n);

    if (got < 0 && m->fast)
        return (ssize_t)got; /* the message names the member */
    if (got < 0)
        return mosaic__error_set(MOSAIC_EFORMAT, "%s: cannot read: %s",
                                 m->name, archive_error_string(m->a));
    m->expanded += (unsigned long long)got;
    if (m->expanded > SOURCE_MEMBER_MAX)
        return mosaic__error_set(MOSAIC_ETOOBIG,
                                 "%s: member expands past %llu bytes",
                                 m->name, SOURCE_MEMBER_MAX);
    if (m->expanded > SOURCE_BOMB_FLOOR &&
        m->expanded / (m->file_size + 1) > SOURCE_BOMB_RATIO)
        return mosaic__error_set(MOSAIC_ETOOBIG,
                                 "%s: member expands more than %d times the "
                                 "archive's size (a zip bomb?)",
                                 m->name, SOURCE_BOMB_RATIO);
    return got;
}

static void member_close(void *ctx)
{
    struct member_ctx *m = ctx;

    archive_read_free(m->a);
    zip_fast_close(m->fast);
    free(m->name);
    free(m);
}

static int member_seek(struct member_ctx *m, const char *path,
                       const char *member)
{
    struct archive_entry *e;
    int r;

    if (archive_read_open_filename(m->a, path, 64 * 1024) != ARCHIVE_OK)
        return mosaic__error_set(MOSAIC_EIO, "%s: %s", path,
                                 archive_error_string(m->a));
    while ((r = archive_read_next_header(m->a, &e)) == ARCHIVE_OK ||
           r == ARCHIVE_WARN) {
        const char *name = archive_entry_pathname(e);
        if (name && strcmp(name, member) == 0 &&
            archive_entry_filetype(e) == AE_IFREG)
            return 0;
    }
    return mosaic__error_set(MOSAIC_EFORMAT, "%s: member '%s' vanished: %s",
                             path, member, archive_error_string(m->a));
}

int source_open_stream(source *src, const char *member, instream **out)
{
    struct member_ctx *m = NULL;
    int rc;

    *out = NULL;
    if (member == NULL) {
        if (src->plain == NULL) {
            if (strcmp(src->path, "<stdin>") == 0)
                return mosaic__error_set(MOSAIC_ERROR,
                                         "<stdin>: already read");
            return instream_open_file(out, src->path);
        }
        *out = src->plain;
        src->plain = NULL;
        return 0;
    }
    if ((m = calloc(1, sizeof(*m))) == NULL ||
        (m->a = archive_reader_new()) == NULL) {
        rc = mosaic__error_oom();
        goto fail;
    }
    m->file_size = src->file_size;
    if ((m->name = malloc(strlen(src->path) + strlen(member) + 2)) == NULL) {
        rc = mosaic__error_oom();
        goto fail;
    }
    sprintf(m->name, "%s:%s", src->path, member);
    if ((rc = zip_fast_open(&m->fast, src->path, member)) < 0 ||
        (rc == 0 && (rc = member_seek(m, src->path, member)) < 0))
        goto fail;
    if ((rc = instream_new(out, m->name, member_fill, member_close, m)) < 0)
        goto fail;
    return 0;
fail:
    if (m)
        member_close(m);
    return rc;
}

int source_head(source *src, const char *member, const char **out,
                size_t *len)
{
    instream *s = NULL;
    const char *p;
    int rc;

    *out = NULL;
    *len = 0;
    if (member == NULL) {
        if (src->plain == NULL)
            return mosaic__error_set(MOSAIC_ERROR, "%s: already read",
                                     src->path);
        return instream_peek(src->plain, out, SOURCE_HEAD_MAX, len);
    }
    if ((rc = source_open_stream(src, member, &s)) < 0)
        return rc;
    if ((rc = instream_peek(s, &p, SOURCE_HEAD_MAX, len)) == 0) {
        memcpy(src->head, p, *len);
        *out = src->head;
    }
    instream_close(s);
    return rc;
}

int source_plain_head(source *src, const char **out, size_t *len)
{
    int rc;

    if (src->is_archive)
        return 0;
    if ((rc = source_head(src, NULL, out, len)) < 0)
        return rc;
    return 1;
}

/* ---- every wanted member in one pass ---- */

static void member_close_shared(void *ctx)
{
    struct member_ctx *m = ctx;

    free(m->name); /* the archive belongs to source_each_member */
    free(m);
}

static int each_member_open(source *src, struct archive *a,
                            const char *member, instream **out)
{
    struct member_ctx *m = calloc(1, sizeof(*m));
    int rc;

    *out = NULL;
    if (m == NULL ||
        (m->name = malloc(strlen(src->path) + strlen(member) + 2)) == NULL) {
        free(m);
        return mosaic__error_oom();
    }
    m->a = a;
    m->file_size = src->file_size;
    sprintf(m->name, "%s:%s", src->path, member);
    if ((rc = instream_new(out, m->name, member_fill, member_close_shared,
                           m)) < 0)
        member_close_shared(m);
    return rc;
}

int source_each_member(source *src, source_want_fn want,
                       source_member_fn fn, void *ctx)
{
    struct archive *a;
    struct archive_entry *e;
    int r = ARCHIVE_EOF, rc = 0;

    if (!src->is_archive)
        return mosaic__error_set(MOSAIC_ERROR, "%s: not an archive",
                                 src->path);
    if ((a = archive_reader_new()) == NULL)
        return mosaic__error_oom();
    if (archive_read_open_filename(a, src->path, 64 * 1024) != ARCHIVE_OK) {
        rc = mosaic__error_set(MOSAIC_EIO, "%s: %s", src->path,
                               archive_error_string(a));
        goto done;
    }
    while (rc == 0 && ((r = archive_read_next_header(a, &e)) == ARCHIVE_OK ||
                       r == ARCHIVE_WARN)) {
        const char *name = archive_entry_pathname(e);
        instream *in = NULL;

        if (name == NULL || archive_entry_filetype(e) != AE_IFREG ||
            !want(name, ctx))
            continue;
        if ((rc = each_member_open(src, a, name, &in)) == 0)
            rc = fn(in, name, ctx);
        instream_close(in);
    }
    if (rc == 0 && r != ARCHIVE_EOF)
        rc = mosaic__error_set(MOSAIC_EFORMAT,
                               "%s: archive is truncated or corrupt: %s",
                               src->path, archive_error_string(a));
done:
    archive_read_free(a);
    return rc;
}
