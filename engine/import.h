/*
 * import.h -- the importer table: one row per export format, each in its
 * own import_<format>.c.  An importer recognises its format from the
 * content of a source and streams the posts it finds into a sink.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_IMPORT_H
#define MOSAIC_IMPORT_H

#include "mosaic.h"
#include "source.h"

/* The most text one post may carry; past it the import fails. */
#define IMPORT_POST_MAX (4U << 20)

typedef struct import_sink import_sink;

struct importer {
    const char *name;    /* "x", "mastodon", "jsonl"... (--format NAME) */
    const char *summary; /* one line for `mosaic import --help` */
    /* 1 if the source holds this format, 0 if not, <0 on a read error. */
    int (*detect)(source *src);
    /* Stream every item into the sink; <0 (error set) aborts the import. */
    int (*read)(source *src, import_sink *sink);
};

/* The rows, defined in each importer's file. */
extern const struct importer importer_x;
extern const struct importer importer_mastodon;
extern const struct importer importer_wordpress;
extern const struct importer importer_blogger;
extern const struct importer importer_facebook;
extern const struct importer importer_instagram;
extern const struct importer importer_linkedin;
extern const struct importer importer_reddit;
extern const struct importer importer_substack;
extern const struct importer importer_bluesky;
extern const struct importer importer_jsonl;
extern const struct importer importer_csv;
extern const struct importer importer_text;

/*
 * Store one post.  Checks what every importer must guarantee (platform,
 * native id, valid UTF-8, text within IMPORT_POST_MAX); `where` names the
 * member and position for the error ("tweets.js: element 12").
 */
int sink_post(import_sink *sink, const mosaic_post *post, const char *where);

/* Store the profile the export carries. */
int sink_profile(import_sink *sink, const mosaic_profile *profile);

/* Count an item passed over on purpose (a like, a draft...). */
void sink_skip(import_sink *sink);

/* The import's options (never NULL). */
const mosaic_import_options *sink_options(const import_sink *sink);

#endif
