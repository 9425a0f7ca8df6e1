/*
 * import_generic.c -- the checks every generic format shares: an id, a
 * readable timestamp, text present.
 * SPDX-License-Identifier: MIT
 */
#include "error.h"
#include "import_generic.h"

int generic_post_store(import_sink *sink, const generic_post *g,
                       const char *where)
{
    mosaic_post p = { 0 };
    char when[TIME_ISO_LEN];

    if (g->id == NULL || g->id[0] == '\0')
        return mosaic__error_set(MOSAIC_EFORMAT, "%s: the post has no id",
                                 where);
    if (g->text == NULL)
        return mosaic__error_set(MOSAIC_EFORMAT, "%s: the post has no text",
                                 where);
    if (g->created_at && g->created_at[0]) {
        if (time_normalise(g->created_at, when) < 0)
            return mosaic__error_set(MOSAIC_EFORMAT,
                                     "%s: created_at '%.40s' is not a date "
                                     "mosaic reads",
                                     where, g->created_at);
        p.created_at = when;
    }
    p.platform = g->platform && g->platform[0] ? g->platform
                                               : GENERIC_PLATFORM;
    p.native_id = g->id;
    p.own = 1;
    p.kind = g->reply_to && g->reply_to[0] ? "reply" : "post";
    p.visibility = "public";
    p.text = g->text;
    p.reply_to = g->reply_to && g->reply_to[0] ? g->reply_to : NULL;
    return sink_post(sink, &p, where);
}
