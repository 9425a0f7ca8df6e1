/*
 * zip_fast.h -- one member of a zip file inflated by ISA-L instead of
 * libarchive's zlib: three times the speed on the tweets files that are
 * most of an X import.  Only the plain case is taken (one disk, deflated
 * or stored, not encrypted, the name listed once); anything else is left
 * to libarchive, which listed the members in the first place.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_ZIP_FAST_H
#define MOSAIC_ZIP_FAST_H

#include <stddef.h>
#include <sys/types.h>

typedef struct zip_fast zip_fast;

/* 1 with *out open on `member` of the zip at `path`; 0 to leave it to
 * libarchive; <0 on an error (out of memory). */
int zip_fast_open(zip_fast **out, const char *path, const char *member);

/* Up to n inflated bytes; 0 at the member's end, once its size and
 * CRC-32 have been checked; <0 with the error naming `name`. */
ssize_t zip_fast_read(zip_fast *z, void *buf, size_t n, const char *name);

void zip_fast_close(zip_fast *z);

#endif
