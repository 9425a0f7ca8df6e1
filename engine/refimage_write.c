/*
 * refimage_write.c -- build the reference image: section buffers, table
 * images, the list of sources, and the file itself (see refimage.h).
 * SPDX-License-Identifier: MIT
 */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "datadir.h"
#include "error.h"
#include "refimage.h"
#include "refimage_format.h"

#define IMAGE_MAX ((size_t)1 << 30)

int refimage_put(refimage_buf *b, const void *p, size_t n)
{
    size_t padded = (n + 7) & ~(size_t)7;

    if (padded > IMAGE_MAX - b->len)
        return mosaic__error_set(MOSAIC_ETOOBIG, "reference image too big");
    if (b->len + padded > b->cap) {
        size_t cap = b->cap ? b->cap : 65536;
        char *grown;
        while (cap < b->len + padded)
            cap *= 2;
        if ((grown = realloc(b->data, cap)) == NULL)
            return mosaic__error_oom();
        b->data = grown;
        b->cap = cap;
    }
    memset(b->data + b->len, 0, padded);
    if (p)
        memcpy(b->data + b->len, p, n);
    b->len += padded;
    return 0;
}

int refimage_put_xtable(refimage_buf *b, const xtable *t)
{
    struct refimage_xtable h = {t->nslots, t->count, t->arena_len,
                                t->bloom != NULL};
    int rc;

    if ((rc = refimage_put(b, &h, sizeof(h))) < 0 ||
        (rc = refimage_put(b, t->slots, t->nslots * sizeof(xslot))) < 0 ||
        (t->bloom &&
         (rc = refimage_put(b, t->bloom, XTABLE_BLOOM_BITS / 8)) < 0))
        return rc;
    return refimage_put(b, t->arena, t->arena_len);
}

void refimage_buf_free(refimage_buf *b)
{
    free(b->data);
    memset(b, 0, sizeof(*b));
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const struct refimage_source *)a)->path,
                  ((const struct refimage_source *)b)->path);
}

/* Every file of dir/lexicon and dir/refdata, sorted, with its size. */
static int list_sources(refimage_buf *b, const char *dir)
{
    static const char *const folders[] = {"lexicon", "refdata"};
    char path[PATH_MAX];
    int rc = 0;

    for (size_t f = 0; f < 2 && rc == 0; f++) {
        size_t first = b->len;
        struct dirent *e;
        DIR *d;
        if ((rc = datadir_path(path, sizeof(path), dir, folders[f])) < 0)
            return rc;
        if ((d = opendir(path)) == NULL)
            continue; /* optional: the loaders say what is missing */
        while (rc == 0 && (e = readdir(d)) != NULL) {
            struct refimage_source src = {{0}, 0};
            struct stat st;
            int n = snprintf(src.path, sizeof(src.path), "%s/%s", folders[f],
                             e->d_name);
            if (n < 0 || (size_t)n >= sizeof(src.path))
                rc = mosaic__error_set(MOSAIC_ETOOBIG,
                                       "%s/%s: name too "
                                       "long",
                                       folders[f], e->d_name);
            else if (datadir_path(path, sizeof(path), dir, src.path) == 0 &&
                     stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
                src.size = (uint64_t)st.st_size;
                rc = refimage_put(b, &src, sizeof(src));
            }
        }
        closedir(d);
        qsort(b->data + first,
              (b->len - first) / sizeof(struct refimage_source),
              sizeof(struct refimage_source), by_name);
    }
    return rc;
}

static int write_file(const char *path, const refimage_buf *out)
{
    char tmp[PATH_MAX];
    FILE *f;
    int ok;

    if (snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= (int)sizeof(tmp))
        return mosaic__error_set(MOSAIC_ETOOBIG, "%s: path too long", path);
    if ((f = fopen(tmp, "wb")) == NULL)
        return mosaic__error_set(MOSAIC_EIO, "%s: cannot create", tmp);
    ok = fwrite(out->data, 1, out->len, f) == out->len;
    ok = fclose(f) == 0 && ok;
    if (!ok || rename(tmp, path) != 0) {
        remove(tmp);
        return mosaic__error_set(MOSAIC_EIO, "%s: cannot write", path);
    }
    return 0;
}

int refimage_write(const char *path, const char *dir, const char *const *names,
                   const refimage_buf *sections, size_t n)
{
    struct refimage_header h = {REFIMAGE_MAGIC, REFIMAGE_VERSION,
                                (uint32_t)n + 1, 0, 0};
    struct refimage_section sec[REFIMAGE_SECTIONS_MAX];
    refimage_buf sources = {NULL, 0, 0}, out = {NULL, 0, 0};
    size_t at;
    int rc;

    memset(sec, 0, sizeof(sec));
    if (n + 1 > REFIMAGE_SECTIONS_MAX)
        return mosaic__error_set(MOSAIC_ETOOBIG, "too many sections");
    if ((rc = list_sources(&sources, dir)) < 0)
        goto done;
    at = sizeof(h) + (n + 1) * sizeof(*sec);
    for (size_t i = 0; i <= n; i++) {
        const refimage_buf *b = i < n ? &sections[i] : &sources;
        snprintf(sec[i].name, sizeof(sec[i].name), "%s",
                 i < n ? names[i] : "sources");
        sec[i].offset = at;
        sec[i].size = b->len;
        sec[i].checksum = refimage_checksum(b->data, b->len);
        at += b->len;
    }
    h.size = at;
    h.checksum = refimage_checksum(sec, (n + 1) * sizeof(*sec));
    if ((rc = refimage_put(&out, &h, sizeof(h))) < 0 ||
        (rc = refimage_put(&out, sec, (n + 1) * sizeof(*sec))) < 0)
        goto done;
    for (size_t i = 0; i <= n; i++)
        if ((rc = refimage_put(&out, i < n ? sections[i].data : sources.data,
                               i < n ? sections[i].len : sources.len)) < 0)
            goto done;
    rc = write_file(path, &out);
done:
    refimage_buf_free(&sources);
    refimage_buf_free(&out);
    return rc;
}
