/*
 * utf16.h -- a stream that reads UTF-16LE (LinkedIn's 2018 CSVs) and
 * yields UTF-8, decoded on the fly; bad input is an error, never replaced.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_UTF16_H
#define MOSAIC_UTF16_H

#include "instream.h"

/* 1 if the bytes start with the UTF-16LE byte order mark FF FE. */
int utf16le_has_bom(const char *p, size_t len);

/*
 * Wrap `inner` (taken over: closed with the new stream, also on failure)
 * as UTF-8.  A leading BOM is dropped.  An unpaired surrogate, a NUL
 * character or an odd byte at the end fail the read, naming the byte.
 */
int instream_open_utf16le(instream **out, instream *inner);

#endif
