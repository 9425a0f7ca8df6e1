/*
 * sha256.h -- SHA-256 (FIPS 180-4), for checking that a content-addressed
 * block (a Bluesky CAR) holds the bytes its CID names.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_SHA256_H
#define MOSAIC_SHA256_H

#include <stddef.h>

#define SHA256_LEN 32

/* out[SHA256_LEN] = SHA-256 of data[0..len). */
void sha256(unsigned char out[SHA256_LEN], const void *data, size_t len);

#endif
