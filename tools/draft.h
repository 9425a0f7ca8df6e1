/*
 * draft.h -- read the text of a draft (check, record) from a file or
 * standard input, refusing what is not a post before anything else runs.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_DRAFT_H
#define MOSAIC_DRAFT_H

#include <stddef.h>

/* Read `path` ("-" or NULL: standard input) whole.  On success *text is
 * NUL-terminated (free()) and *len its length.  Returns 0, or an exit
 * status (2) after printing one line naming the input. */
int draft_read(char **text, size_t *len, const char *path);

#endif
