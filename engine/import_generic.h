/*
 * import_generic.h -- what the generic formats (JSON Lines, CSV, text)
 * share: the platform name and a post's fields checked the same way.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_IMPORT_GENERIC_H
#define MOSAIC_IMPORT_GENERIC_H

#include "import.h"
#include "timefmt.h"

#define GENERIC_PLATFORM "generic"

/* One generic post as read; strings borrowed from the reader. */
typedef struct {
    const char *platform, *id, *created_at, *text, *reply_to;
} generic_post;

/* Check and store one post; `where` is "FILE:LINE" for errors. */
int generic_post_store(import_sink *sink, const generic_post *g,
                       const char *where);

#endif
