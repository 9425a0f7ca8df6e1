/*
 * source.h -- one input named on the command line: a plain file (or
 * standard input) or an archive (zip, tar, tar.gz...) read in place
 * through libarchive, never unpacked to disk.  Importers look at member
 * names and first bytes to detect their format, then stream members.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_SOURCE_H
#define MOSAIC_SOURCE_H

#include <stddef.h>

#include "instream.h"

typedef struct source source;

/* Limits against hostile archives (see README "Limits"). */
#define SOURCE_MEMBERS_MAX 200000          /* members listed */
#define SOURCE_MEMBER_MAX (8ULL << 30)     /* expanded bytes of one member */
#define SOURCE_BOMB_FLOOR (64ULL << 20)    /* ratio checked past this */
#define SOURCE_BOMB_RATIO 200              /* expanded / archive size */
#define SOURCE_HEAD_MAX 4096               /* bytes kept for detection */

int source_open(source **out, const char *path);
void source_close(source *src);

/* The path as given, for messages ("<stdin>" for "-"). */
const char *source_path(const source *src);
/* 1 for an archive, 0 for a plain file. */
int source_is_archive(const source *src);

/* The archive's regular-file members, in archive order. */
size_t source_member_count(const source *src);
const char *source_member_name(const source *src, size_t i);
/* Members passed over as not regular files (symlinks, devices...). */
size_t source_skipped_members(const source *src);

/* The first member whose path is `name` or ends in "/name"; NULL if none. */
const char *source_find(const source *src, const char *name);

/* Up to SOURCE_HEAD_MAX first bytes of a member (NULL: the plain file).
 * Borrowed until the next call. */
int source_head(source *src, const char *member, const char **out,
                size_t *len);

/* For detecting a plain-file format: 1 with the file's head, 0 if the
 * source is an archive, <0 on a read error. */
int source_plain_head(source *src, const char **out, size_t *len);

/* Stream a member (NULL: the plain file, once for standard input). */
int source_open_stream(source *src, const char *member, instream **out);

/* For source_each_member: 1 to read the member, 0 to pass it by. */
typedef int (*source_want_fn)(const char *member, void *ctx);
/* Called with the member's stream, borrowed for the call; <0 stops. */
typedef int (*source_member_fn)(instream *in, const char *member, void *ctx);

/*
 * Stream every wanted member of an archive in one pass, in archive order
 * (opening members one by one re-reads the archive up to each: slow for
 * exports with thousands of members).  0, or the first <0.
 */
int source_each_member(source *src, source_want_fn want,
                       source_member_fn fn, void *ctx);

#endif
