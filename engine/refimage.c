/*
 * refimage.c -- map the reference image and check it before anything
 * reads it: magic, version, size, checksum, section bounds, freshness
 * against the sources (see refimage.h).
 * SPDX-License-Identifier: MIT
 */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "datadir.h"
#include "error.h"
#include "refimage.h"
#include "refimage_format.h"

struct refimage {
    const char *base;
    size_t size;
    char path[PATH_MAX];
};

/* Eight independent lanes of (h ^ word) * odd: each step is a bijection,
 * so any one changed word changes the sum; ~0.1 ms for 2 MB. */
uint64_t refimage_checksum(const void *data, size_t n)
{
    const unsigned char *p = data;
    uint64_t h[8], sum = n;
    size_t i = 0;

    for (int k = 0; k < 8; k++)
        h[k] = 0x9E3779B97F4A7C15u * (uint64_t)(k + 1);
    for (; i + 64 <= n; i += 64)
        for (int k = 0; k < 8; k++) {
            uint64_t w;
            memcpy(&w, p + i + 8 * k, 8);
            h[k] = (h[k] ^ w) * 0x100000001B3u;
        }
    for (; i < n; i++)
        h[0] = (h[0] ^ p[i]) * 0x100000001B3u;
    for (int k = 0; k < 8; k++)
        sum = (sum ^ h[k]) * 0xC2B2AE3D27D4EB4Fu;
    return sum;
}

static int damaged(const refimage *im, const char *why)
{
    return mosaic__error_set(MOSAIC_EFORMAT,
                             "%s: damaged reference image (%s); rebuild it "
                             "with make or delete it",
                             im->path, why);
}

/* 1 when every source recorded is still there, of the same size and
 * not newer than the image. */
static int fresh(const refimage *im, const char *dir, const struct stat *st)
{
    refimage_cur c;
    const struct refimage_source *src;
    char path[PATH_MAX];
    struct stat s;

    if (refimage_section(im, "sources", &c) < 0)
        return -1;
    while (c.p < c.end) {
        if ((src = refimage_take(&c, sizeof(*src))) == NULL)
            return -1;
        if (memchr(src->path, '\0', sizeof(src->path)) == NULL)
            return damaged(im, "source name");
        if (datadir_path(path, sizeof(path), dir, src->path) < 0 ||
            stat(path, &s) != 0 || (uint64_t)s.st_size != src->size ||
            s.st_mtim.tv_sec > st->st_mtim.tv_sec ||
            (s.st_mtim.tv_sec == st->st_mtim.tv_sec &&
             s.st_mtim.tv_nsec > st->st_mtim.tv_nsec))
            return 0;
    }
    return 1;
}

static int check(refimage *im)
{
    const struct refimage_header *h = (const void *)im->base;
    const struct refimage_section *sec;

    if (im->size < sizeof(*h) ||
        memcmp(h->magic, REFIMAGE_MAGIC, sizeof(h->magic)) != 0)
        return damaged(im, "not a mosaic reference image");
    if (h->version != REFIMAGE_VERSION)
        return 0; /* another build's format: parse the sources */
    if (h->size != im->size)
        return damaged(im, "truncated or extended");
    if (h->nsections > REFIMAGE_SECTIONS_MAX ||
        sizeof(*h) + h->nsections * sizeof(*sec) > im->size)
        return damaged(im, "section table");
    sec = (const void *)(im->base + sizeof(*h));
    if (refimage_checksum(sec, h->nsections * sizeof(*sec)) != h->checksum)
        return damaged(im, "checksum");
    for (uint32_t i = 0; i < h->nsections; i++)
        if (sec[i].offset % 8 || sec[i].offset > im->size ||
            sec[i].size > im->size - sec[i].offset ||
            memchr(sec[i].name, '\0', sizeof(sec[i].name)) == NULL)
            return damaged(im, "section bounds");
    return 1;
}

int refimage_open(refimage **out, const char *dir)
{
    refimage *im = NULL;
    struct stat st;
    void *base;
    int fd = -1, rc = 0;

    *out = NULL;
    if ((im = calloc(1, sizeof(*im))) == NULL)
        return mosaic__error_oom();
    if ((rc = datadir_path(im->path, sizeof(im->path), dir, REFIMAGE_FILE)) <
            0 ||
        (fd = open(im->path, O_RDONLY | O_CLOEXEC)) < 0)
        goto done; /* none: the sources are parsed */
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
        (uint64_t)st.st_size > SIZE_MAX / 2) {
        rc = damaged(im, "not a regular file");
        goto done;
    }
    if (st.st_size < (off_t)sizeof(struct refimage_header)) {
        rc = damaged(im, "truncated or extended");
        goto done;
    }
    im->size = (size_t)st.st_size;
    if ((base = mmap(NULL, im->size, PROT_READ, MAP_PRIVATE, fd, 0)) ==
        MAP_FAILED) {
        rc = mosaic__error_set(MOSAIC_EIO, "%s: cannot map", im->path);
        goto done;
    }
    im->base = base;
    if ((rc = check(im)) <= 0 || (rc = fresh(im, dir, &st)) <= 0)
        goto done;
    *out = im;
    im = NULL;
    rc = 0;
done:
    if (fd >= 0)
        close(fd);
    refimage_close(im);
    return rc;
}

void refimage_close(refimage *im)
{
    if (im == NULL)
        return;
    if (im->base)
        munmap((void *)(uintptr_t)im->base, im->size);
    free(im);
}

int refimage_section(const refimage *im, const char *name, refimage_cur *c)
{
    const struct refimage_header *h = (const void *)im->base;
    const struct refimage_section *sec = (const void *)(im->base + sizeof(*h));

    for (uint32_t i = 0; i < h->nsections; i++)
        if (strcmp(sec[i].name, name) == 0) {
            c->p = im->base + sec[i].offset;
            c->end = c->p + sec[i].size;
            c->what = im->path;
            if (refimage_checksum(c->p, (size_t)sec[i].size) != sec[i].checksum)
                return damaged(im, "checksum");
            return 0;
        }
    return mosaic__error_set(MOSAIC_EFORMAT,
                             "%s: damaged reference image (no %s section)",
                             im->path, name);
}

const void *refimage_take(refimage_cur *c, size_t n)
{
    const char *at = c->p;
    size_t padded = (n + 7) & ~(size_t)7;

    if (padded < n || padded > (size_t)(c->end - c->p)) {
        mosaic__error_set(MOSAIC_EFORMAT,
                          "%s: damaged reference image (a table runs past "
                          "its section)",
                          c->what);
        return NULL;
    }
    c->p += padded;
    return at;
}

static int bad_table(const refimage_cur *c, const char *why)
{
    return mosaic__error_set(
        MOSAIC_EFORMAT, "%s: damaged reference image (table %s)", c->what, why);
}

int refimage_xtable(refimage_cur *c, xtable *t)
{
    const struct refimage_xtable *h = refimage_take(c, sizeof(*h));
    const xslot *slots;
    size_t empty = 0;

    memset(t, 0, sizeof(*t));
    t->borrowed = 1; /* from here on: never freed, even half set */
    if (h == NULL)
        return MOSAIC_EFORMAT;
    if (h->nslots == 0 ? h->count != 0
                       : (h->nslots & (h->nslots - 1)) != 0 ||
                             h->nslots > (1u << 28) || h->count >= h->nslots)
        return bad_table(c, "size");
    if ((slots = refimage_take(c, h->nslots * sizeof(xslot))) == NULL ||
        (h->bloom && (t->bloom = (uint64_t *)(uintptr_t)refimage_take(
                          c, XTABLE_BLOOM_BITS / 8)) == NULL) ||
        h->arena_len > (uint64_t)(c->end - c->p) ||
        (t->arena =
             (char *)(uintptr_t)refimage_take(c, (size_t)h->arena_len)) == NULL)
        return MOSAIC_EFORMAT;
    if (h->nslots &&
        (!h->bloom || h->arena_len == 0 || t->arena[h->arena_len - 1] != '\0'))
        return bad_table(c, "arena");
    for (size_t i = 0; i < h->nslots; i++) /* every probe ends in bounds */
        if (slots[i].klen == 0)
            empty++;
        else if (slots[i].key >= h->arena_len ||
                 slots[i].klen >= h->arena_len - slots[i].key)
            return bad_table(c, "key");
    if (h->nslots && empty == 0)
        return bad_table(c, "full");
    t->slots = (xslot *)(uintptr_t)slots;
    t->nslots = (size_t)h->nslots;
    t->count = (size_t)h->count;
    t->arena_len = (size_t)h->arena_len;
    return 0;
}

const char *refimage_str(const char *pool, size_t len, uint32_t off, int *bad)
{
    if (off == REFIMAGE_NONE)
        return NULL;
    if (off >= len) {
        *bad = 1;
        return "";
    }
    return pool + off;
}
