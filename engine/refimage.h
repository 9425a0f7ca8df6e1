/*
 * refimage.h -- the reference image: corpus/refdata and corpus/lexicon
 * compiled at build time (mosaic-mkimage) into one file,
 * share/mosaic/reference.img, that the population model and the
 * extractor map read-only at open instead of parsing the sources.
 *
 * Layout (native byte order, every part 8-byte aligned):
 *   header   magic "MOSAICRI", version, section count, file size,
 *            checksum of the section table
 *   sections name[16] + offset + size + checksum each (a section's
 *            checksum is checked when it is first read)
 *   "sources"     what it was compiled from: path + size per file
 *   "population"  population_image.c     "extractor"  extract_image.c
 * A table inside a section is an xtable image: nslots, count, arena
 * length, bloom flag, then slots, bloom and arena as they are in memory.
 *
 * The TSVs and lexicons stay the source of truth: an image that is
 * missing, from another format version, or older than (or a different
 * size from) any source file is ignored and the sources are parsed.  A
 * damaged image (bad magic, truncated, checksum or bounds wrong) is an
 * error naming the file, never a crash.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_REFIMAGE_H
#define MOSAIC_REFIMAGE_H

#include <stddef.h>
#include <stdint.h>

#include "extract_table.h"

#define REFIMAGE_FILE "reference.img"
#define REFIMAGE_MAGIC "MOSAICRI"
/* Bump on any change to a layout in refimage, population_image.c or
 * extract_image.c. */
#define REFIMAGE_VERSION 4u
#define REFIMAGE_NONE UINT32_MAX /* a string offset standing for NULL */

typedef struct refimage refimage;

/*
 * Map dir/reference.img.  *out is NULL (and 0 returned) when there is
 * none, it is of another version, or a source under dir is newer or of
 * another size: the caller parses the sources.  MOSAIC_EFORMAT naming
 * the file when it is damaged.
 */
int refimage_open(refimage **out, const char *dir);
void refimage_close(refimage *im);

/* A reader over one section; every take is bounds-checked. */
typedef struct {
    const char *p, *end;
    const char *what; /* for messages: "reference.img population" */
} refimage_cur;

/* The named section, its checksum checked; MOSAIC_EFORMAT when absent
 * or damaged. */
int refimage_section(const refimage *im, const char *name, refimage_cur *c);
/* The next n bytes (then skip to 8-byte alignment), or NULL past the
 * end (the error is set). */
const void *refimage_take(refimage_cur *c, size_t n);
/* Point t at a table image (borrowed: never put into, never freed),
 * checking every slot lies in its arena.  0 or MOSAIC_EFORMAT. */
int refimage_xtable(refimage_cur *c, xtable *t);
/* A string of a pool: NULL for REFIMAGE_NONE; *bad set when off is past
 * the pool. */
const char *refimage_str(const char *pool, size_t len, uint32_t off, int *bad);

/* Writing (mosaic-mkimage): a growing section buffer. */
typedef struct refimage_buf {
    char *data;
    size_t len, cap;
} refimage_buf;

/* Append n bytes (NULL: zeros), padded to 8; 0 or MOSAIC_ENOMEM. */
int refimage_put(refimage_buf *b, const void *p, size_t n);
int refimage_put_xtable(refimage_buf *b, const xtable *t);
void refimage_buf_free(refimage_buf *b);

/* Write the image of dir's sources with these sections to path
 * (through a temporary file renamed into place). */
int refimage_write(const char *path, const char *dir, const char *const *names,
                   const refimage_buf *sections, size_t n);

#endif
