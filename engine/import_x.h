/*
 * import_x.h -- what the X (Twitter) importer's files share: one tweet as
 * read from any archive generation, and the state of one import that
 * turns tweets into posts (edit chains collapsed, long posts expanded,
 * thread roots found by walking the user's own replies).
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_IMPORT_X_H
#define MOSAIC_IMPORT_X_H

#include "import.h"
#include "timefmt.h"

#define X_PLATFORM "x"

/* One tweet as exported; strings borrowed for the call. */
typedef struct {
    const char *id;           /* id_str */
    const char *created_at;   /* as exported (any format time_parse reads) */
    const char *text;         /* HTML-escaped, as exported */
    const char *reply_to;     /* in_reply_to_status_id_str */
    const char *reply_user;   /* in_reply_to_user_id_str */
    const char *reply_handle; /* in_reply_to_screen_name */
    const char *edit_initial; /* first id of its edit chain, NULL if none */
    int edit_versions;        /* ids the chain lists (1: never edited) */
    int quote;                /* links to a post on X: a quote */
    int repost;               /* a retweet: someone else's words */
    int deleted;              /* from deleted-tweets.js */
    int community;            /* from community-tweet.js */
} x_tweet;

typedef struct x_import x_import;

int x_import_new(x_import **out, import_sink *sink);
void x_import_free(x_import *x);

/* Who the archive belongs to, to tell threads from replies to others and
 * sent from received messages (either may be NULL). */
int x_import_owner(x_import *x, const char *account_id, const char *handle);
/* The account id set by x_import_owner, or NULL. */
const char *x_import_account(const x_import *x);

/* A long post's full text (note-tweet.js), matched to its truncated
 * tweet by creation time to the second. */
int x_import_note(x_import *x, const char *created_at, const char *text,
                  const char *where);

/* Take one tweet: stored now, or held back until x_import_finish when
 * it belongs to an edit chain or a thread.  `where` names member and
 * element for errors. */
int x_import_tweet(x_import *x, const x_tweet *t, const char *where);

/* Store what was held back: edit chains as their last version, thread
 * replies with their roots. */
int x_import_finish(x_import *x);

/* "YYYY-MM-DDTHH:MM:SSZ" from X's "Wed Oct 10 20:19:24 +0000 2018" or
 * anything time_parse reads; MOSAIC_EFORMAT if unreadable. */
int x_time(const char *s, char out[TIME_ISO_LEN]);

/* Classic (2012-2018) archives: tweets.csv and user_details.js. */
int x_read_classic(source *src, import_sink *sink, const char *csv_member);

#endif
