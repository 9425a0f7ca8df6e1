/*
 * refimage_format.h -- the on-disk records of the reference image,
 * shared by its reader (refimage.c) and writer (refimage_write.c).
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_REFIMAGE_FORMAT_H
#define MOSAIC_REFIMAGE_FORMAT_H

#include <stdint.h>

#define REFIMAGE_SECTIONS_MAX 16

struct refimage_header {
    char magic[8];
    uint32_t version, nsections;
    uint64_t size;     /* of the whole file */
    uint64_t checksum; /* refimage_checksum of the section table */
};

struct refimage_section {
    char name[16];
    uint64_t offset, size;
    uint64_t checksum; /* of the section's bytes: checked when read, so
                          each opener pays only for its own section */
};

struct refimage_source {
    char path[56]; /* relative to the data folder */
    uint64_t size;
};

struct refimage_xtable {
    uint64_t nslots, count, arena_len, bloom;
};

uint64_t refimage_checksum(const void *data, size_t n);

#endif
