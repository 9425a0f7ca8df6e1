/*
 * zip_fast.c -- a zip member inflated by ISA-L; see zip_fast.h.  The
 * central directory is read from the end of the file (zip64 too), the
 * member's local header checked against it, and its bytes streamed
 * 64 KiB at a time: memory stays bounded whatever the member's size.
 * SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <fcntl.h>
#include <isa-l/crc.h>
#include <isa-l/igzip_lib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "zip_fast.h"

#define ZIP_EOCD_SIZE 22
#define ZIP_TAIL_MAX (ZIP_EOCD_SIZE + 65535) /* the record and a comment */
#define ZIP_CD_MAX (16U << 20) /* a larger directory: left to libarchive */
#define ZIP_IN_BUF (64 * 1024)

#define SIG_EOCD 0x06054b50u
#define SIG_EOCD64 0x06064b50u
#define SIG_LOCATOR64 0x07064b50u
#define SIG_CENTRAL 0x02014b50u
#define SIG_LOCAL 0x04034b50u

struct zip_fast {
    int fd;
    int method;                /* 0 stored, 8 deflated */
    uint32_t crc_want, crc;    /* stored members' CRC, computed here */
    uint64_t size_want, out;   /* inflated bytes promised, handed out */
    uint64_t pos, end;         /* compressed bytes left: [pos, end) */
    int done;
    struct inflate_state st;
    unsigned char in[ZIP_IN_BUF];
};

/* The directory entry of the member. */
typedef struct {
    uint32_t crc;
    uint64_t csize, usize, local;
    int method, flags, disk;
} zip_entry;

static uint16_t le16(const unsigned char *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

static uint64_t le64(const unsigned char *p)
{
    return (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32;
}

/* Exactly n bytes at off, or -1. */
static int read_at(int fd, void *buf, size_t n, uint64_t off)
{
    size_t got = 0;

    while (got < n) {
        ssize_t r = pread(fd, (char *)buf + got, n - got, (off_t)(off + got));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return -1;
        got += (size_t)r;
    }
    return 0;
}

/* The zip64 end record the locator before `eocd` points to: 1 read,
 * 0 not usable. */
static int zip_eocd64(int fd, uint64_t eocd, uint64_t *entries,
                      uint64_t *cd_size, uint64_t *cd_off)
{
    unsigned char loc[20], rec[56];
    uint64_t at;

    if (eocd < sizeof(loc) ||
        read_at(fd, loc, sizeof(loc), eocd - sizeof(loc)) < 0 ||
        le32(loc) != SIG_LOCATOR64 || le32(loc + 4) != 0 ||
        le32(loc + 16) > 1)
        return 0;
    at = le64(loc + 8);
    if (at > eocd - sizeof(loc) || eocd - sizeof(loc) - at < sizeof(rec) ||
        read_at(fd, rec, sizeof(rec), at) < 0 || le32(rec) != SIG_EOCD64 ||
        le32(rec + 16) != 0 || le32(rec + 20) != 0 ||
        le64(rec + 24) != le64(rec + 32))
        return 0;
    *entries = le64(rec + 32);
    *cd_size = le64(rec + 40);
    *cd_off = le64(rec + 48);
    return 1;
}

/* Where the central directory lies: 1 found, 0 not a plain zip. */
static int zip_find_directory(int fd, uint64_t file_size, uint64_t *entries,
                              uint64_t *cd_size, uint64_t *cd_off)
{
    size_t tail = file_size < ZIP_TAIL_MAX ? (size_t)file_size : ZIP_TAIL_MAX;
    unsigned char *buf;
    uint64_t eocd = 0;
    int found = 0, rc = 0;

    if (tail < ZIP_EOCD_SIZE || (buf = malloc(tail)) == NULL)
        return 0;
    if (read_at(fd, buf, tail, file_size - tail) < 0)
        goto done;
    for (size_t i = tail - ZIP_EOCD_SIZE + 1; i-- > 0 && !found;) {
        const unsigned char *e = buf + i;
        if (le32(e) != SIG_EOCD ||
            i + ZIP_EOCD_SIZE + le16(e + 20) != tail)
            continue;
        found = 1;
        eocd = file_size - tail + i;
        if (le16(e + 4) != 0 || le16(e + 6) != 0 ||
            le16(e + 8) != le16(e + 10))
            goto done; /* spans disks */
        *entries = le16(e + 10);
        *cd_size = le32(e + 12);
        *cd_off = le32(e + 16);
        if ((*entries == 0xFFFF || *cd_size == 0xFFFFFFFFu ||
             *cd_off == 0xFFFFFFFFu) &&
            !zip_eocd64(fd, eocd, entries, cd_size, cd_off))
            goto done;
    }
    rc = found && *cd_off <= eocd && eocd - *cd_off >= *cd_size &&
         *cd_size <= ZIP_CD_MAX;
done:
    free(buf);
    return rc;
}

/* The zip64 extra field's values for the fields that overflowed. */
static int zip_entry64(zip_entry *z, const unsigned char *extra, size_t len)
{
    while (len >= 4) {
        size_t id = le16(extra), n = le16(extra + 2), i = 0;
        const unsigned char *v = extra + 4;
        if (n > len - 4)
            return 0;
        if (id == 0x0001) {
            uint64_t *f[] = { &z->usize, &z->csize, &z->local };
            for (size_t k = 0; k < 3; k++) {
                if (*f[k] != 0xFFFFFFFFu)
                    continue;
                if (i + 8 > n)
                    return 0;
                *f[k] = le64(v + i);
                i += 8;
            }
            return 1;
        }
        extra += 4 + n;
        len -= 4 + n;
    }
    return 0;
}

/* The one directory entry named `member`: 1 found, 0 not plainly so. */
static int zip_find_entry(const unsigned char *cd, uint64_t size,
                          uint64_t entries, const char *member,
                          zip_entry *out)
{
    size_t mlen = strlen(member), p = 0;
    int matches = 0;

    for (uint64_t k = 0; k < entries; k++) {
        size_t nlen, elen, clen;
        if (size - p < 46 || le32(cd + p) != SIG_CENTRAL)
            return 0;
        nlen = le16(cd + p + 28), elen = le16(cd + p + 30);
        clen = le16(cd + p + 32);
        if (size - p - 46 < nlen + elen + clen)
            return 0;
        if (nlen == mlen && memcmp(cd + p + 46, member, mlen) == 0) {
            zip_entry z;
            z.flags = le16(cd + p + 8), z.method = le16(cd + p + 10);
            z.crc = le32(cd + p + 16);
            z.csize = le32(cd + p + 20), z.usize = le32(cd + p + 24);
            z.disk = le16(cd + p + 34), z.local = le32(cd + p + 42);
            if ((z.csize == 0xFFFFFFFFu || z.usize == 0xFFFFFFFFu ||
                 z.local == 0xFFFFFFFFu) &&
                !zip_entry64(&z, cd + p + 46 + nlen, elen))
                return 0;
            *out = z;
            matches++;
        }
        p += 46 + nlen + elen + clen;
    }
    return matches == 1;
}

/* Past the local header to the member's bytes: 1, or 0 if the header
 * does not agree with the directory. */
static int zip_locate_data(zip_fast *z, const zip_entry *e,
                           const char *member, uint64_t limit)
{
    unsigned char h[30];
    size_t mlen = strlen(member), nlen, elen;
    char *name;
    int same;

    if (e->local > limit || limit - e->local < sizeof(h) ||
        read_at(z->fd, h, sizeof(h), e->local) < 0 || le32(h) != SIG_LOCAL)
        return 0;
    nlen = le16(h + 26), elen = le16(h + 28);
    if (nlen != mlen || (name = malloc(nlen + 1)) == NULL)
        return 0;
    same = read_at(z->fd, name, nlen, e->local + sizeof(h)) == 0 &&
           memcmp(name, member, nlen) == 0;
    free(name);
    z->pos = e->local + sizeof(h) + nlen + elen;
    if (!same || z->pos > limit || limit - z->pos < e->csize)
        return 0;
    z->end = z->pos + e->csize;
    return 1;
}

/* 1 ready, 0 leave it to libarchive. */
static int zip_fast_prepare(zip_fast *z, const char *member)
{
    struct stat st;
    uint64_t entries, cd_size, cd_off;
    unsigned char *cd;
    zip_entry e = { 0, 0, 0, 0, 0, 0, 0 };
    int found;

    if (fstat(z->fd, &st) < 0 || !S_ISREG(st.st_mode) ||
        !zip_find_directory(z->fd, (uint64_t)st.st_size, &entries, &cd_size,
                            &cd_off) ||
        (cd = malloc(cd_size ? cd_size : 1)) == NULL)
        return 0;
    found = read_at(z->fd, cd, cd_size, cd_off) == 0 &&
            zip_find_entry(cd, cd_size, entries, member, &e);
    free(cd);
    if (!found || (e.flags & 0x41) != 0 || e.disk != 0 ||
        (e.method != 0 && e.method != 8) ||
        (e.method == 0 && e.csize != e.usize) ||
        !zip_locate_data(z, &e, member, cd_off))
        return 0;
    z->method = e.method;
    z->crc_want = e.crc;
    z->size_want = e.usize;
    isal_inflate_init(&z->st);
    z->st.crc_flag = ISAL_GZIP_NO_HDR; /* raw deflate, CRC-32 kept */
    return 1;
}

int zip_fast_open(zip_fast **out, const char *path, const char *member)
{
    zip_fast *z = malloc(sizeof(*z));
    int rc;

    *out = NULL;
    if (z == NULL)
        return mosaic__error_oom();
    memset(z, 0, offsetof(zip_fast, st));
    if ((z->fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
        free(z);
        return 0; /* libarchive says why */
    }
    if ((rc = zip_fast_prepare(z, member)) <= 0) {
        zip_fast_close(z);
        return rc;
    }
    *out = z;
    return 1;
}

static ssize_t zip_damaged(const char *name, const char *why)
{
    return mosaic__error_set(MOSAIC_EFORMAT, "%s: cannot read: %s", name,
                             why);
}

/* At the end: the size and CRC-32 the directory promised. */
static ssize_t zip_fast_finish(zip_fast *z, const char *name)
{
    uint32_t crc = z->method == 0 ? z->crc : z->st.crc;

    if (z->out != z->size_want)
        return zip_damaged(name, "the member's size is not the one its "
                                 "header gives");
    if (crc != z->crc_want)
        return zip_damaged(name, "CRC-32 mismatch (a damaged archive?)");
    z->done = 1;
    return 0;
}

static ssize_t zip_read_stored(zip_fast *z, void *buf, size_t n,
                               const char *name)
{
    uint64_t left = z->end - z->pos;
    size_t want = n < left ? n : (size_t)left;

    if (want == 0)
        return zip_fast_finish(z, name);
    if (read_at(z->fd, buf, want, z->pos) < 0)
        return zip_damaged(name, "the archive ends inside the member");
    z->crc = crc32_gzip_refl(z->crc, buf, want);
    z->pos += want;
    z->out += want;
    return (ssize_t)want;
}

ssize_t zip_fast_read(zip_fast *z, void *buf, size_t n, const char *name)
{
    size_t got;

    if (z->done || n == 0)
        return 0;
    if (z->method == 0)
        return zip_read_stored(z, buf, n, name);
    z->st.next_out = buf;
    z->st.avail_out = (uint32_t)(n > UINT32_MAX ? UINT32_MAX : n);
    got = z->st.avail_out;
    while (z->st.block_state != ISAL_BLOCK_FINISH &&
           z->st.avail_out == got) {
        uint32_t had;
        if (z->st.avail_in == 0 && z->pos < z->end) {
            uint64_t left = z->end - z->pos;
            size_t take = left < ZIP_IN_BUF ? (size_t)left : ZIP_IN_BUF;
            if (read_at(z->fd, z->in, take, z->pos) < 0)
                return zip_damaged(name, "the archive ends inside the "
                                         "member");
            z->pos += take;
            z->st.next_in = z->in;
            z->st.avail_in = (uint32_t)take;
        }
        had = z->st.avail_in;
        if (isal_inflate(&z->st) < 0)
            return zip_damaged(name, "damaged deflate data");
        /* no output and no input taken: it wants bytes there are not */
        if (z->st.avail_out == got && z->st.avail_in == had &&
            z->st.block_state != ISAL_BLOCK_FINISH)
            return zip_damaged(name, "the deflate data ends early");
    }
    got -= z->st.avail_out;
    z->out += got;
    if (z->out > z->size_want)
        return zip_damaged(name, "the member is larger than its header "
                                 "says");
    if (got == 0)
        return zip_fast_finish(z, name);
    return (ssize_t)got;
}

void zip_fast_close(zip_fast *z)
{
    if (z == NULL)
        return;
    if (z->fd >= 0)
        close(z->fd);
    free(z);
}
