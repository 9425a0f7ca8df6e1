/*
 * car.c -- the CAR v1 reader: varints, CIDs, the header, then blocks one
 * at a time, each length bounded and each hash checked.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "car.h"
#include "error.h"

struct car_reader {
    instream *in;
    car_cid root;
    unsigned long long offset; /* bytes consumed so far */
    unsigned char *buf;        /* the current block */
    size_t cap;
};

int car_varint(uint64_t *out, size_t *used, const unsigned char *p,
               size_t len)
{
    uint64_t v = 0;

    for (size_t i = 0; i < CAR_VARINT_MAX; i++) {
        if (i == len)
            return 0;
        v |= (uint64_t)(p[i] & 0x7f) << (7 * i);
        if ((p[i] & 0x80) == 0) {
            if (i > 0 && p[i] == 0)
                return -1; /* a padded, non-minimal encoding */
            *out = v;
            *used = i + 1;
            return 1;
        }
    }
    return -1;
}

/* One varint field of a CID; NULL or what is wrong. */
static const char *cid_varint(uint64_t *v, size_t *at, const unsigned char *p,
                              size_t len)
{
    size_t n;
    int rc = car_varint(v, &n, p + *at, len - *at);

    if (rc == 0)
        return "a CID cut short";
    if (rc < 0)
        return "a CID with a bad varint";
    *at += n;
    return NULL;
}

const char *car_cid_parse(car_cid *out, size_t *used, const unsigned char *p,
                          size_t len)
{
    uint64_t version, codec, hash, hlen;
    size_t at = 0;
    const char *why;

    if (len >= 2 && p[0] == 0x12 && p[1] == 0x20)
        return "a CIDv0 (atproto writes CIDv1)";
    if ((why = cid_varint(&version, &at, p, len)) ||
        (why = cid_varint(&codec, &at, p, len)) ||
        (why = cid_varint(&hash, &at, p, len)) ||
        (why = cid_varint(&hlen, &at, p, len)))
        return why;
    if (version != 1)
        return "a CID of an unknown version";
    if (codec != CAR_CODEC_DAG_CBOR && codec != CAR_CODEC_RAW)
        return "a CID with an unknown codec";
    if (hash != 0x12 || hlen != SHA256_LEN)
        return "a CID with a hash other than SHA-256";
    if (len - at < SHA256_LEN)
        return "a CID cut short";
    out->codec = (unsigned)codec;
    memcpy(out->digest, p + at, SHA256_LEN);
    *used = at + SHA256_LEN;
    return NULL;
}

int car_cid_equal(const car_cid *a, const car_cid *b)
{
    return a->codec == b->codec &&
           memcmp(a->digest, b->digest, SHA256_LEN) == 0;
}

int car_link(car_cid *out, const cbor_item_t *item, const char *where,
             const char *field)
{
    cbor_item_t *bytes;
    const unsigned char *p;
    const char *why = "is not a CID link";
    size_t len, used;

    if (item == NULL || dagcbor_is_null(item))
        return 0;
    if (!cbor_isa_tag(item) || cbor_tag_value(item) != DAGCBOR_TAG_CID)
        goto bad;
    bytes = cbor_tag_item(item); /* a new reference */
    if (!cbor_isa_bytestring(bytes) || !cbor_bytestring_is_definite(bytes)) {
        cbor_decref(&bytes);
        goto bad;
    }
    p = cbor_bytestring_handle(bytes);
    len = cbor_bytestring_length(bytes);
    cbor_decref(&bytes); /* the tag still holds it */
    if (len < 1 || p[0] != 0x00)
        goto bad;
    if ((why = car_cid_parse(out, &used, p + 1, len - 1)) == NULL &&
        used == len - 1)
        return 1;
    if (why == NULL)
        why = "has bytes after its CID";
bad:
    return mosaic__error_set(MOSAIC_EFORMAT, "%s: %s %s", where, field, why);
}

/* The header's root: {"version": 1, "roots": [CID, ...]}. */
static int car_header_parse(car_cid *root, const unsigned char *p,
                            size_t len, const char *where)
{
    cbor_item_t *h = NULL, *version, *roots;
    int rc;

    if ((rc = dagcbor_load(&h, p, len, where)) < 0)
        return rc;
    version = dagcbor_get(h, "version");
    roots = dagcbor_get(h, "roots");
    if (version == NULL || !cbor_isa_uint(version) ||
        cbor_get_int(version) != 1)
        rc = mosaic__error_set(MOSAIC_EFORMAT, "%s: not a CAR version 1",
                               where);
    else if (roots == NULL || !cbor_isa_array(roots) ||
             cbor_array_size(roots) == 0)
        rc = mosaic__error_set(MOSAIC_EFORMAT, "%s: the header names no root",
                               where);
    else if ((rc = car_link(root, cbor_array_handle(roots)[0], where,
                            "the root")) == 1)
        rc = 0;
    cbor_decref(&h);
    return rc;
}

int car_sniff(const unsigned char *p, size_t len)
{
    static const char start[] = "\xa2\x65roots"; /* DAG-CBOR key order */
    car_cid root;
    uint64_t hlen;
    size_t used, n;

    if (car_varint(&hlen, &used, p, len) != 1 || hlen == 0 ||
        hlen > CAR_HEADER_MAX)
        return 0;
    if (hlen <= len - used)
        return car_header_parse(&root, p + used, (size_t)hlen,
                                "CAR header") == 0;
    /* a header cut short: recognised, so reading it says so */
    n = len - used < sizeof(start) - 1 ? len - used : sizeof(start) - 1;
    return n > 0 && memcmp(p + used, start, n) == 0;
}

/* Read exactly n bytes; 0 or an error naming what (starting at byte
 * `at`) was cut short. */
static int car_read_all(car_reader *r, void *buf, size_t n, const char *what,
                        unsigned long long at)
{
    size_t got = 0;

    while (got < n) {
        ssize_t k = instream_read(r->in, (char *)buf + got, n - got);
        if (k < 0)
            return (int)k;
        if (k == 0)
            return mosaic__error_set(MOSAIC_EFORMAT,
                                     "%s: %s at offset %llu is cut short "
                                     "(the file is truncated)",
                                     instream_name(r->in), what, at);
        got += (size_t)k;
    }
    return 0;
}

/* A length varint: 1 with *out, 0 at a clean end, <0 on error. */
static int car_read_length(car_reader *r, uint64_t *out, const char *what)
{
    unsigned char b[CAR_VARINT_MAX];
    size_t n = 0, used;
    ssize_t k;
    int rc;

    for (;;) {
        if ((k = instream_read(r->in, b + n, 1)) < 0)
            return (int)k;
        if (k == 0 && n == 0)
            return 0;
        if (k == 0)
            return mosaic__error_set(MOSAIC_EFORMAT,
                                     "%s: %s length at offset %llu is cut "
                                     "short (the file is truncated)",
                                     instream_name(r->in), what, r->offset);
        n++;
        if ((rc = car_varint(out, &used, b, n)) == 1)
            break;
        if (rc < 0)
            return mosaic__error_set(MOSAIC_EFORMAT,
                                     "%s: %s length at offset %llu is not "
                                     "a valid varint",
                                     instream_name(r->in), what, r->offset);
    }
    r->offset += n;
    return 1;
}

static int car_buffer(car_reader *r, size_t n)
{
    unsigned char *p;

    if (n <= r->cap)
        return 0;
    if ((p = realloc(r->buf, n)) == NULL)
        return mosaic__error_oom();
    r->buf = p;
    r->cap = n;
    return 0;
}

int car_open(car_reader **out, instream *in)
{
    car_reader *r = NULL;
    uint64_t hlen = 0;
    char where[512];
    int rc;

    *out = NULL;
    if ((r = calloc(1, sizeof(*r))) == NULL) {
        instream_close(in);
        return mosaic__error_oom();
    }
    r->in = in;
    snprintf(where, sizeof(where), "%s: CAR header", instream_name(in));
    if ((rc = car_read_length(r, &hlen, "the CAR header")) < 0)
        goto done;
    if (rc == 0 || hlen == 0 || hlen > CAR_HEADER_MAX) {
        rc = mosaic__error_set(MOSAIC_EFORMAT, "%s: not a CAR file (header "
                               "length %llu)", instream_name(in),
                               (unsigned long long)hlen);
        goto done;
    }
    if ((rc = car_buffer(r, (size_t)hlen)) < 0 ||
        (rc = car_read_all(r, r->buf, (size_t)hlen, "the CAR header",
                            0)) < 0 ||
        (rc = car_header_parse(&r->root, r->buf, (size_t)hlen, where)) < 0)
        goto done;
    r->offset += hlen;
    *out = r;
    r = NULL;
done:
    car_close(r);
    return rc < 0 ? rc : 0;
}

const car_cid *car_root(const car_reader *r)
{
    return &r->root;
}

const char *car_name(const car_reader *r)
{
    return instream_name(r->in);
}

int car_next(car_reader *r, car_block *out)
{
    unsigned long long at = r->offset;
    unsigned char digest[SHA256_LEN];
    const char *why;
    uint64_t len;
    size_t used;
    int rc;

    if ((rc = car_read_length(r, &len, "block")) <= 0)
        return rc;
    if (len == 0 || len > CAR_BLOCK_MAX)
        return mosaic__error_set(len ? MOSAIC_ETOOBIG : MOSAIC_EFORMAT,
                                 "%s: block at offset %llu has length %llu "
                                 "(1 to %u bytes allowed)",
                                 car_name(r), at, (unsigned long long)len,
                                 CAR_BLOCK_MAX);
    if ((rc = car_buffer(r, (size_t)len)) < 0 ||
        (rc = car_read_all(r, r->buf, (size_t)len, "block", at)) < 0)
        return rc;
    r->offset += len;
    if ((why = car_cid_parse(&out->cid, &used, r->buf, (size_t)len)))
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: block at offset %llu starts with %s",
                                 car_name(r), at, why);
    out->data = r->buf + used;
    out->len = (size_t)len - used;
    out->offset = at;
    sha256(digest, out->data, out->len);
    if (memcmp(digest, out->cid.digest, SHA256_LEN) != 0)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: block at offset %llu does not match "
                                 "its CID (corrupt)",
                                 car_name(r), at);
    return 1;
}

void car_close(car_reader *r)
{
    if (r == NULL)
        return;
    instream_close(r->in);
    free(r->buf);
    free(r);
}
