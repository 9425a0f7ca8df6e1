/*
 * car.h -- CAR v1, the container of a Bluesky repository export: a
 * varint-framed DAG-CBOR header naming the root, then blocks of
 * varint(length) ‖ CID ‖ bytes, each checked against its SHA-256 CID.
 * Read as a stream: one block in memory at a time.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_CAR_H
#define MOSAIC_CAR_H

#include <stddef.h>
#include <stdint.h>

#include "dagcbor.h"
#include "instream.h"
#include "sha256.h"

#define CAR_BLOCK_MAX (4U << 20)  /* one block (atproto records: 1 MiB) */
#define CAR_HEADER_MAX (64U << 10) /* the header: a root or a few */
#define CAR_VARINT_MAX 9           /* bytes (multiformats unsigned-varint) */
#define CAR_CODEC_DAG_CBOR 0x71
#define CAR_CODEC_RAW 0x55 /* blobs (images), never records */

/* A CIDv1 with a SHA-256 multihash, the only form atproto writes. */
typedef struct {
    unsigned codec; /* CAR_CODEC_DAG_CBOR or CAR_CODEC_RAW */
    unsigned char digest[SHA256_LEN];
} car_cid;

/*
 * Read an unsigned LEB128 varint from p[0..len): 1 with *out and *used,
 * 0 if cut short, -1 if longer than CAR_VARINT_MAX bytes or not minimal.
 */
int car_varint(uint64_t *out, size_t *used, const unsigned char *p,
               size_t len);

/* Parse a binary CID from p[0..len): NULL with *out and *used, else a
 * phrase saying what is wrong ("an unknown codec"...). */
const char *car_cid_parse(car_cid *out, size_t *used, const unsigned char *p,
                          size_t len);

/* 1 if a and b name the same block. */
int car_cid_equal(const car_cid *a, const car_cid *b);

/*
 * A link in a DAG-CBOR item (tag 42 over 0x00 ‖ CID): 1 with *out, 0 if
 * the item is absent or null, MOSAIC_EFORMAT naming `where` and `field`.
 */
int car_link(car_cid *out, const cbor_item_t *item, const char *where,
             const char *field);

/* 1 if p[0..len) starts with a whole CAR v1 header (or the start of
 * one, when the file ends inside it), 0 if not. */
int car_sniff(const unsigned char *p, size_t len);

typedef struct car_reader car_reader;

/* One block: data borrowed until the next car_next or car_close. */
typedef struct {
    car_cid cid;
    const unsigned char *data;
    size_t len;
    unsigned long long offset; /* of the block's length in the file */
} car_block;

/* Read the header from `in`, which the reader then owns. */
int car_open(car_reader **out, instream *in);
/* The first root named by the header (a repository's commit). */
const car_cid *car_root(const car_reader *r);
/* The stream's name, for messages. */
const char *car_name(const car_reader *r);
/* The next block: 1, 0 at the end, <0 (error set) on a bad block. */
int car_next(car_reader *r, car_block *out);
void car_close(car_reader *r);

#endif
