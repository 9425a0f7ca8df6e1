/*
 * instream.h -- a byte stream read by the importers: a plain file,
 * standard input, or one member of an archive read in place.  Buffered,
 * with peek, line reading and hard caps.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_INSTREAM_H
#define MOSAIC_INSTREAM_H

#include <stddef.h>
#include <sys/types.h>

#include "strbuf.h"

typedef struct instream instream;

/* The refill function behind a stream: >0 bytes, 0 at the end, <0 error
 * (the error already set, naming the stream). */
typedef ssize_t (*instream_fill_fn)(void *ctx, void *buf, size_t n);
typedef void (*instream_close_fn)(void *ctx);

int instream_new(instream **out, const char *name, instream_fill_fn fill,
                 instream_close_fn close, void *ctx);
void instream_close(instream *s);

/* "export.zip:data/tweets.js" or the file's path: for messages. */
const char *instream_name(const instream *s);

/* Read up to n bytes: >0 bytes read, 0 at the end, <0 error. */
ssize_t instream_read(instream *s, void *buf, size_t n);

/* Look at up to n bytes without consuming them (n <= 64 KiB).  *got is
 * less than n only at the end of the stream. */
int instream_peek(instream *s, const char **out, size_t n, size_t *got);

/* Read one line into `line` (without its "\n" or "\r\n").  Returns 1 for
 * a line, 0 at the end, <0 on error or when a line exceeds line->max. */
int instream_getline(instream *s, strbuf *line);

/* Lines read so far by instream_getline (1-based number of the last). */
size_t instream_lineno(const instream *s);

/* Open a plain file ("-" is standard input). */
int instream_open_file(instream **out, const char *path);

/* Read `len` bytes of memory (borrowed: must outlive the stream). */
int instream_open_memory(instream **out, const char *name, const void *data,
                         size_t len);

#endif
