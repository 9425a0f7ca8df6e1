/*
 * import.c -- the import driver: detect the format of a source, then
 * stream its posts into the store inside one transaction.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "import.h"
#include "store.h"
#include "text.h"

/* Detection order: platform archives first, generic text formats last. */
static const struct importer *const importers[] = {
    &importer_x,
    &importer_mastodon,
    &importer_wordpress,
    &importer_blogger,
    &importer_facebook,
    &importer_instagram,
    &importer_linkedin,
    &importer_reddit,
    &importer_substack,
    &importer_bluesky,
    &importer_jsonl,
    &importer_csv,
    &importer_text,
};

#define N_IMPORTERS (sizeof(importers) / sizeof(importers[0]))

struct import_sink {
    mosaic_store *store;
    const mosaic_import_options *opts;
    mosaic_import_stats stats;
};

void mosaic_import_formats(mosaic_format_cb cb, void *ctx)
{
    for (size_t i = 0; i < N_IMPORTERS; i++)
        cb(importers[i]->name, importers[i]->summary, ctx);
}

const mosaic_import_options *sink_options(const import_sink *sink)
{
    return sink->opts;
}

void sink_skip(import_sink *sink)
{
    sink->stats.skipped++;
}

/* The name of a field of the post that is not valid UTF-8, or NULL. */
static const char *post_bad_utf8(const mosaic_post *p)
{
    const struct {
        const char *name, *value;
    } f[] = {
        { "id", p->native_id }, { "date", p->created_at },
        { "kind", p->kind }, { "visibility", p->visibility },
        { "reply_to", p->reply_to }, { "thread_root", p->thread_root },
        { "content warning", p->content_warning },
        { "alt texts", p->alt_texts }, { "place", p->place },
        { "boost_of", p->boost_of }, { "quote_of", p->quote_of },
    };

    for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++)
        if (f[i].value && !text_is_utf8(f[i].value, strlen(f[i].value)))
            return f[i].name;
    return NULL;
}

int sink_post(import_sink *sink, const mosaic_post *post, const char *where)
{
    const char *bad;
    int added = 0, updated = 0, rc;

    if (post->platform == NULL || post->native_id == NULL ||
        post->native_id[0] == '\0')
        return mosaic__error_set(MOSAIC_EFORMAT, "%s: a post without an id",
                                 where);
    if ((bad = post_bad_utf8(post)) != NULL) /* the id may be the bad one */
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: a post's %s is not valid UTF-8", where,
                                 bad);
    if (post->text) {
        size_t len = strlen(post->text);
        if (len > IMPORT_POST_MAX)
            return mosaic__error_set(MOSAIC_ETOOBIG,
                                     "%s: post %s is %zu bytes, over the "
                                     "limit of %u",
                                     where, post->native_id, len,
                                     IMPORT_POST_MAX);
        if (!text_is_utf8(post->text, len))
            return mosaic__error_set(MOSAIC_EFORMAT,
                                     "%s: post %s: text is not valid UTF-8",
                                     where, post->native_id);
    }
    if ((rc = store_put_post(sink->store, post, &added, &updated)) < 0)
        return rc;
    sink->stats.seen++;
    sink->stats.added += added;
    sink->stats.updated += updated;
    return 0;
}

int sink_profile(import_sink *sink, const mosaic_profile *profile)
{
    int rc = store_put_profile(sink->store, profile);

    if (rc == 0)
        sink->stats.profile = 1;
    return rc;
}

static const struct importer *importer_named(const char *name)
{
    for (size_t i = 0; i < N_IMPORTERS; i++)
        if (strcmp(importers[i]->name, name) == 0)
            return importers[i];
    return NULL;
}

static int import_detect(const struct importer **out, source *src,
                         const mosaic_import_options *opts)
{
    int rc;

    *out = NULL;
    if (opts->format != NULL) {
        if ((*out = importer_named(opts->format)) == NULL)
            return mosaic__error_set(MOSAIC_ENOTFOUND,
                                     "'%s' is not a format mosaic reads "
                                     "(see 'mosaic import --help')",
                                     opts->format);
        return 0;
    }
    for (size_t i = 0; i < N_IMPORTERS; i++) {
        if ((rc = importers[i]->detect(src)) < 0)
            return rc;
        if (rc > 0) {
            *out = importers[i];
            return 0;
        }
    }
    return mosaic__error_set(MOSAIC_EFORMAT,
                             "%s: not an export mosaic can read (%s)",
                             source_path(src),
                             source_is_archive(src)
                                 ? "no known platform's files inside"
                                 : "not JSON Lines, CSV or UTF-8 text");
}

int mosaic_import(mosaic_import_stats *stats, mosaic_store *store,
                  const char *path, const mosaic_import_options *opts)
{
    static const mosaic_import_options defaults = MOSAIC_IMPORT_OPTIONS_INIT;
    import_sink sink = { store, opts ? opts : &defaults, { 0 } };
    const struct importer *imp = NULL;
    source *src = NULL;
    int rc, in_txn = 0;

    if (stats)
        memset(stats, 0, sizeof(*stats));
    if ((rc = source_open(&src, path)) < 0 ||
        (rc = import_detect(&imp, src, sink.opts)) < 0)
        goto done;
    sink.stats.format = imp->name;
    sink.stats.skipped = (long)source_skipped_members(src);
    if ((rc = store_import_begin(store)) < 0)
        goto done;
    in_txn = 1;
    if ((rc = imp->read(src, &sink)) < 0)
        goto done;
    if (sink.stats.seen == 0 && !sink.stats.profile) {
        rc = mosaic__error_set(MOSAIC_EFORMAT, "%s: no posts found",
                               source_path(src));
        goto done;
    }
    in_txn = 0; /* a failed commit rolls back */
    if ((rc = store_import_commit(store)) < 0)
        goto done;
    if (stats)
        *stats = sink.stats;
done:
    if (in_txn)
        store_import_rollback(store);
    source_close(src);
    return rc;
}
