/*
 * import_x_classic.c -- the classic (2012-2018) X archive: tweets.csv at
 * the root (the monthly data/js/tweets/YYYY_MM.js files hold the same tweets)
 * and data/js/user_details.js for the profile.
 * SPDX-License-Identifier: MIT
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "csv.h"
#include "error.h"
#include "import_x.h"
#include "json_stream.h"
#include "source.h"

#define X_USER_DETAILS_MAX (1U << 20)

enum { C_ID, C_REPLY, C_REPLY_USER, C_TIME, C_TEXT, C_RETWEET, N_C };

static const char *const classic_columns[N_C] = {
    "tweet_id", "in_reply_to_status_id", "in_reply_to_user_id",
    "timestamp", "text", "retweeted_status_id",
};

static const char *nonempty(const char *s)
{
    return s && s[0] ? s : NULL;
}

/* `var user_details = {...}`: the object after the assignment. */
static int classic_profile(source *src, import_sink *sink, x_import *x,
                           const char *member)
{
    strbuf sb = STRBUF_INIT(X_USER_DETAILS_MAX);
    mosaic_profile p = { 0 };
    instream *in = NULL;
    json_error_t err;
    json_t *o = NULL;
    const char *brace, *id;
    char buf[16384];
    ssize_t n;
    int rc;

    if ((rc = source_open_stream(src, member, &in)) < 0)
        return rc;
    while ((n = instream_read(in, buf, sizeof(buf))) > 0)
        if ((rc = strbuf_put(&sb, buf, (size_t)n)) < 0)
            goto done;
    if ((rc = (int)n) < 0)
        goto done;
    if ((brace = strchr(strbuf_str(&sb), '{')) == NULL ||
        (o = json_loads(brace, JSON_DISABLE_EOF_CHECK, &err)) == NULL ||
        !json_is_object(o)) {
        rc = mosaic__error_set(MOSAIC_EFORMAT,
                               "%s: not a user_details object%s%s",
                               instream_name(in), o ? "" : ": ",
                               o ? "" : err.text);
        goto done;
    }
    p.platform = X_PLATFORM;
    p.handle = json_str(o, "screen_name");
    p.display_name = json_str(o, "full_name");
    p.bio = json_str(o, "bio");
    p.location = json_str(o, "location");
    id = json_str(o, "id");
    if ((rc = x_import_owner(x, id, p.handle)) == 0)
        rc = sink_profile(sink, &p);
done:
    json_decref(o);
    instream_close(in);
    strbuf_dispose(&sb);
    return rc;
}

static int classic_tweets(source *src, x_import *x, const char *member)
{
    csv_reader r;
    instream *in = NULL;
    int cols[N_C], rc;
    char where[768];

    if ((rc = source_open_stream(src, member, &in)) < 0)
        return rc;
    csv_init(&r, in, ',', 2 * IMPORT_POST_MAX);
    if ((rc = csv_next(&r)) <= 0)
        goto done;
    for (int c = 0; c < N_C; c++)
        if ((cols[c] = csv_column(&r, classic_columns[c])) < 0) {
            rc = mosaic__error_set(MOSAIC_EFORMAT,
                                   "%s: no \"%s\" column in the header",
                                   instream_name(in), classic_columns[c]);
            goto done;
        }
    while ((rc = csv_next(&r)) > 0) {
        x_tweet t = { 0 };
        t.id = csv_field(&r, (size_t)cols[C_ID]);
        t.created_at = csv_field(&r, (size_t)cols[C_TIME]);
        t.text = csv_field(&r, (size_t)cols[C_TEXT]);
        t.reply_to = nonempty(csv_field(&r, (size_t)cols[C_REPLY]));
        t.reply_user = nonempty(csv_field(&r, (size_t)cols[C_REPLY_USER]));
        t.repost = nonempty(csv_field(&r, (size_t)cols[C_RETWEET])) != NULL;
        snprintf(where, sizeof(where), "%s:%zu", instream_name(in), r.line);
        if ((rc = x_import_tweet(x, &t, where)) < 0)
            break;
    }
    if (rc == 0)
        rc = x_import_finish(x);
done:
    csv_dispose(&r);
    instream_close(in);
    return rc < 0 ? rc : 0;
}

int x_read_classic(source *src, import_sink *sink, const char *csv_member)
{
    const char *details = source_find(src, "data/js/user_details.js");
    x_import *x = NULL;
    int rc;

    if ((rc = x_import_new(&x, sink)) < 0)
        return rc;
    if ((!details || (rc = classic_profile(src, sink, x, details)) == 0))
        rc = classic_tweets(src, x, csv_member);
    x_import_free(x);
    return rc;
}
