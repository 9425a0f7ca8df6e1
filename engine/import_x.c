/*
 * import_x.c -- X (Twitter) "Download an archive of your data" zips:
 * the 2019+ layout (data/tweets.js and its parts, or data/tweet.js) and
 * the classic 2012-2018 one (tweets.csv).  See shared/formats/twitter.md.
 *
 * Read, in order: the profile (account.js, profile.js, manifest.js), long
 * posts (note-tweet.js), tweets (tweets.js + parts, deleted-tweets.js,
 * community-tweet.js), direct messages (own and received), and likes,
 * which are other people's words: counted as skipped.
 * SPDX-License-Identifier: MIT
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "import_x.h"
#include "json_scan.h"
#include "json_stream.h"
#include "source.h"

#define X_PARTS_MAX 1000
#define X_SMALL_MAX (16U << 20)  /* account, profile, manifest */
#define X_DM_MAX (256U << 20)    /* one whole conversation */

/* The data files of the 2019+ layout, by the name of their first part. */
enum x_file { X_TWEETS, X_TWEET, X_DELETED, X_COMMUNITY, X_NOTES, X_DMS,
              X_DM_GROUPS, X_LIKES, X_ACCOUNT, X_PROFILE, N_X_FILES };

static const char *const x_file_names[N_X_FILES] = {
    "tweets", "tweet", "deleted-tweets", "community-tweet", "note-tweet",
    "direct-messages", "direct-messages-group", "like", "account", "profile",
};

/* One read of the archive. */
typedef struct {
    source *src;
    import_sink *sink;
    x_import *x;
    char dir[512];            /* "data/" or "" */
    const char *member;       /* the member being read, for messages */
    int deleted, community;   /* flags of the tweets file being read */
    char where[768];
    const char *where_of;     /* the member where[] names */
    size_t where_len;         /* the length of its prefix */
    strbuf scratch;           /* a tweet's URL, decoded */
} x_read;

/* ---- finding the files ---- */

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');

    return slash ? slash + 1 : path;
}

/* "tweets.js" -> 0, "tweets-part3.js" -> 3, anything else -> -1. */
static int part_number(const char *base, const char *name)
{
    size_t n = strlen(name);
    char *end;
    long part;

    if (strncmp(base, name, n) != 0)
        return -1;
    base += n;
    if (strcmp(base, ".js") == 0)
        return 0;
    if (strncmp(base, "-part", 5) != 0 || base[5] < '1' || base[5] > '9')
        return -1;
    part = strtol(base + 5, &end, 10);
    return strcmp(end, ".js") == 0 && part < X_PARTS_MAX ? (int)part : -1;
}

/* The member `dir` + name + part, or NULL. */
static const char *x_member(const x_read *r, enum x_file f, int part)
{
    char want[600];

    if (part == 0)
        snprintf(want, sizeof(want), "%s%s.js", r->dir, x_file_names[f]);
    else
        snprintf(want, sizeof(want), "%s%s-part%d.js", r->dir,
                 x_file_names[f], part);
    for (size_t i = 0; i < source_member_count(r->src); i++)
        if (strcmp(source_member_name(r->src, i), want) == 0)
            return source_member_name(r->src, i);
    return NULL;
}

/* Parts are numbered without gaps from the first: a missing one means
 * an incomplete download, refused rather than read as a short history. */
static int x_parts(const x_read *r, enum x_file f, int *count)
{
    int last = -1;

    for (size_t i = 0; i < source_member_count(r->src); i++) {
        const char *m = source_member_name(r->src, i);
        size_t dl = strlen(r->dir);
        int part;
        if (strncmp(m, r->dir, dl) != 0 || strchr(m + dl, '/'))
            continue;
        if ((part = part_number(m + dl, x_file_names[f])) > last)
            last = part;
    }
    for (int p = 0; p <= last; p++)
        if (x_member(r, f, p) == NULL)
            return mosaic__error_set(MOSAIC_EFORMAT,
                                     "%s: %s%s-part%d.js is there but "
                                     "%s%s%s%.0d.js is missing (an "
                                     "incomplete archive?)",
                                     source_path(r->src), r->dir,
                                     x_file_names[f], last, r->dir,
                                     x_file_names[f], p ? "-part" : "", p);
    *count = last + 1;
    return 0;
}

/* A member that starts like an X data file: "window.YTD.". */
static int looks_like_ytd(source *src, const char *member)
{
    const char *head;
    size_t len, i = 0;
    int rc;

    if ((rc = source_head(src, member, &head, &len)) < 0)
        return rc;
    if (len >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && strchr(" \t\r\n", head[i]))
        i++;
    return len - i >= 11 && memcmp(head + i, "window.YTD.", 11) == 0;
}

static int looks_like_classic_csv(source *src, const char *member)
{
    static const char header[] = "\"tweet_id\",\"in_reply_to_status_id\"";
    const char *head;
    size_t len;
    int rc;

    if ((rc = source_head(src, member, &head, &len)) < 0)
        return rc;
    return len >= sizeof(header) - 1 &&
           memcmp(head, header, sizeof(header) - 1) == 0;
}

/* The first member that holds tweets: 2019+ (*out_classic 0) or classic
 * tweets.csv (1).  1 if found, 0 if not, <0 on a read error. */
static int x_find(source *src, const char **out, int *out_classic)
{
    static const char *const tweet_files[] = { "tweets", "tweet" };
    int rc;

    for (size_t i = 0; i < source_member_count(src); i++) {
        const char *m = source_member_name(src, i), *b = base_name(m);
        for (size_t k = 0; k < 2; k++) {
            if (part_number(b, tweet_files[k]) < 0)
                continue;
            if ((rc = looks_like_ytd(src, m)) != 0) {
                *out = m, *out_classic = 0;
                return rc;
            }
        }
        if (strcmp(b, "tweets.csv") == 0 &&
            (rc = looks_like_classic_csv(src, m)) != 0) {
            *out = m, *out_classic = 1;
            return rc;
        }
    }
    return 0;
}

static int x_detect(source *src)
{
    const char *m;
    int classic;

    if (!source_is_archive(src))
        return 0;
    return x_find(src, &m, &classic);
}

/* ---- reading JSON fields, with errors that name member and element ---- */

/* A string member: absent is NULL, present but not a string is an error. */
static int get_str(const json_t *o, const char *key, const char *where,
                   const char **out)
{
    json_t *v = json_object_get(o, key);

    *out = NULL;
    if (v == NULL || json_is_null(v))
        return 0;
    if (!json_is_string(v))
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: \"%s\" is not a string", where, key);
    *out = json_string_value(v);
    return 0;
}

/* An object member: absent is NULL, another type is an error. */
static int get_obj(const json_t *o, const char *key, const char *where,
                   json_t **out)
{
    json_t *v = json_object_get(o, key);

    *out = NULL;
    if (v == NULL || json_is_null(v))
        return 0;
    if (!json_is_object(v))
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: \"%s\" is not an object", where, key);
    *out = v;
    return 0;
}

/* The element's wrapper object ({"tweet": {...}}) or the element itself
 * when the wrapper is absent (some 2019-2021 archives). */
static int unwrap(json_t *elem, const char *key, const char *where,
                  json_t **out)
{
    int rc;

    if (!json_is_object(elem))
        return mosaic__error_set(MOSAIC_EFORMAT, "%s: not a JSON object",
                                 where);
    if ((rc = get_obj(elem, key, where, out)) < 0)
        return rc;
    if (*out == NULL)
        *out = elem;
    return 0;
}

/* "archive:member: element N"; the prefix is formatted once a member
 * (a snprintf per tweet was a fiftieth of an import). */
static const char *x_where(x_read *r, size_t index)
{
    char digits[24], *d = digits + sizeof(digits);
    size_t n = index + 1, len;

    if (r->where_of != r->member) {
        snprintf(r->where, sizeof(r->where), "%s:%s: element ",
                 source_path(r->src), r->member);
        r->where_of = r->member;
        r->where_len = strlen(r->where);
    }
    *--d = '\0';
    do
        *--d = (char)('0' + n % 10);
    while ((n /= 10) > 0);
    len = (size_t)(digits + sizeof(digits) - d);
    if (r->where_len + len > sizeof(r->where))
        len = sizeof(r->where) - r->where_len; /* cut, still terminated */
    memcpy(r->where + r->where_len, d, len);
    r->where[sizeof(r->where) - 1] = '\0';
    return r->where;
}

/* A link to a post on X (https://twitter.com/<user>/status/<id>). */
static int is_status_link(const char *url)
{
    static const char *const hosts[] = {
        "https://twitter.com/", "https://x.com/", "https://mobile.twitter.com/",
        "http://twitter.com/", "https://www.twitter.com/",
    };
    const char *p = NULL;

    for (size_t i = 0; i < sizeof(hosts) / sizeof(hosts[0]) && !p; i++)
        if (strncmp(url, hosts[i], strlen(hosts[i])) == 0)
            p = url + strlen(hosts[i]);
    if (p == NULL || (p = strchr(p, '/')) == NULL)
        return 0;
    return strncmp(p, "/status/", 8) == 0 && p[8] >= '0' && p[8] <= '9';
}

/* Tweets are the bulk of an archive: read by json_scan, without jansson
 * and without allocating, where they lie in the read buffer.  Fields of
 * a bare tweet go to [0], those under "tweet" to [1]. */
enum { F_ID, F_CREATED_AT, F_TEXT, F_TEXT2, F_REPLY_TO, F_REPLY_USER,
       F_REPLY_HANDLE, F_EDIT_INITIAL, N_FIELDS };

/* A string field as scanned, still escaped: decoded only once the whole
 * tweet has parsed, as a tweet that runs past the buffer is scanned
 * again from the same bytes. */
typedef struct {
    char *raw;
    size_t len;
    jscan_step key; /* for messages: keys are never rewritten */
    int seen;
} x_field;

typedef struct {
    const char *where;
    strbuf *scratch;             /* a URL decoded here, not in place */
    x_field f[2][N_FIELDS];
    x_tweet t[2];
    int initial_form[2];         /* edit_info.initial: the chain's first */
} tweet_scan;

static int scan_type_error(const tweet_scan *ts, const jscan_step *step,
                           const char *what)
{
    return mosaic__error_set(MOSAIC_EFORMAT, "%s: \"%.*s\" is not %s",
                             ts->where, (int)step->len, step->key, what);
}

static int scan_bad_string(const tweet_scan *ts, const jscan_step *step)
{
    return mosaic__error_set(MOSAIC_EFORMAT,
                             "%s: \"%.*s\" holds \\u0000 or a broken "
                             "surrogate",
                             ts->where, (int)step->len, step->key);
}

/* Note a string field for decoding later; null leaves it as it was. */
static int scan_field(const tweet_scan *ts, const jscan_step *step,
                      jscan_type type, char *raw, size_t len, x_field *out)
{
    if (type == JSCAN_NULL)
        return 0;
    if (type != JSCAN_STRING)
        return scan_type_error(ts, step, "a string");
    out->raw = raw, out->len = len;
    out->key = *step;
    out->seen = 1;
    return 0;
}

/* Fields one level into the tweet. */
static int scan_top(tweet_scan *ts, int b, const jscan_step *k,
                    jscan_type type, char *raw, size_t len)
{
    static const struct {
        const char *name;
        int field;
    } names[] = {
        { "id_str", F_ID },
        { "created_at", F_CREATED_AT },
        { "full_text", F_TEXT },
        { "text", F_TEXT2 },
        { "in_reply_to_status_id_str", F_REPLY_TO },
        { "in_reply_to_user_id_str", F_REPLY_USER },
        { "in_reply_to_screen_name", F_REPLY_HANDLE },
    };
    x_field *f = ts->f[b];

    if (jscan_is(k, "edit_info") || jscan_is(k, "entities"))
        return type == JSCAN_OBJECT || type == JSCAN_NULL
                   ? 0
                   : scan_type_error(ts, k, "an object");
    if (jscan_is(k, "id")) /* the same as id_str; a number in old files */
        return type == JSCAN_STRING && !f[F_ID].seen
                   ? scan_field(ts, k, type, raw, len, &f[F_ID])
                   : 0;
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (jscan_is(k, names[i].name))
            return scan_field(ts, k, type, raw, len, &f[names[i].field]);
    return 0;
}

/* An entities URL: decoded in a copy, the tweet's bytes left as read. */
static int scan_url(tweet_scan *ts, int b, const jscan_step *k,
                    jscan_type type, char *raw, size_t len)
{
    char *url;

    if (type == JSCAN_NULL)
        return 0;
    if (type != JSCAN_STRING)
        return scan_type_error(ts, k, "a string");
    strbuf_clear(ts->scratch);
    if (strbuf_put(ts->scratch, raw, len) < 0)
        return mosaic__error_oom();
    if ((url = json_scan_string(ts->scratch->ptr, len)) == NULL)
        return scan_bad_string(ts, k);
    if (is_status_link(url))
        ts->t[b].quote = 1;
    return 0;
}

static int tweet_visit(void *ctx, const jscan_step *path, int depth,
                       jscan_type type, char *raw, size_t len)
{
    tweet_scan *ts = ctx;
    int b = jscan_is(&path[0], "tweet");
    const jscan_step *k = path + b;
    int rel = depth - b;
    x_tweet *t = &ts->t[b];

    if (rel == 0)
        return type == JSCAN_OBJECT ? 0
                                    : scan_type_error(ts, path, "an object");
    if (rel == 1)
        return scan_top(ts, b, k, type, raw, len);
    if (jscan_is(&k[0], "edit_info")) {
        if (rel == 2 && jscan_is(&k[1], "initial"))
            ts->initial_form[b] = 1;
        if (rel == 3 && jscan_is(&k[1], "edit") &&
            jscan_is(&k[2], "initialTweetId"))
            return scan_field(ts, &k[2], type, raw, len,
                              &ts->f[b][F_EDIT_INITIAL]);
        if ((rel == 4 && jscan_is(&k[1], "initial") &&
             jscan_is(&k[2], "editTweetIds")) ||
            (rel == 5 && jscan_is(&k[1], "edit") &&
             jscan_is(&k[3], "editTweetIds")))
            t->edit_versions++;
        return 0;
    }
    if (rel == 4 && jscan_is(&k[0], "entities") && jscan_is(&k[1], "urls") &&
        jscan_is(&k[3], "expanded_url"))
        return scan_url(ts, b, &k[3], type, raw, len);
    return 0;
}

/* The fields noted by the scan, decoded in place. */
static int tweet_decode(tweet_scan *ts)
{
    for (int b = 0; b < 2; b++) {
        x_tweet *t = &ts->t[b];
        const char **slots[N_FIELDS] = {
            &t->id, &t->created_at, &t->text, NULL, &t->reply_to,
            &t->reply_user, &t->reply_handle, &t->edit_initial,
        };
        const char *text2 = NULL;
        slots[F_TEXT2] = &text2;
        for (int i = 0; i < N_FIELDS; i++) {
            x_field *f = &ts->f[b][i];
            if (!f->seen)
                continue;
            if ((*slots[i] = json_scan_string(f->raw, f->len)) == NULL)
                return scan_bad_string(ts, &f->key);
        }
        if (t->text == NULL)
            t->text = text2;
    }
    return 0;
}

static int tweet_value(char *buf, size_t len, int whole, size_t index,
                       void *ctx, size_t *used)
{
    x_read *r = ctx;
    tweet_scan ts;
    const char *why;
    x_tweet *t;
    int rc, b;

    memset(&ts, 0, sizeof(ts));
    ts.scratch = &r->scratch;
    ts.where = x_where(r, index);
    if (buf[0] != '{')
        return mosaic__error_set(MOSAIC_EFORMAT, "%s: not a JSON object",
                                 ts.where);
    if (whole) {
        rc = json_scan(buf, len, tweet_visit, &ts, &why, used);
    } else {
        rc = json_scan_prefix(buf, len, tweet_visit, &ts, &why, used);
        if (rc != 0) /* runs on past len, or is odd: cut out, the verdict */
            return JSON_SCAN_SHORT;
    }
    if (rc != 0)
        return why ? mosaic__error_set(MOSAIC_EFORMAT,
                                       "%s: does not parse: %s", ts.where,
                                       why)
                   : rc;
    if ((rc = tweet_decode(&ts)) < 0)
        return rc;
    b = ts.t[1].id || ts.t[1].created_at || !ts.t[0].id;
    t = &ts.t[b];
    if (t->id == NULL)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: a tweet without \"id_str\"", ts.where);
    if (ts.initial_form[b] && !t->edit_initial)
        t->edit_initial = t->id;
    if (t->edit_initial && t->edit_versions == 0)
        t->edit_versions = 1;
    t->repost = t->text && strncmp(t->text, "RT @", 4) == 0;
    t->deleted = r->deleted;
    t->community = r->community;
    return x_import_tweet(r->x, t, ts.where);
}

static int note_element(json_t *elem, size_t index, void *ctx)
{
    x_read *r = ctx;
    const char *where = x_where(r, index), *when, *text;
    json_t *note, *core;
    int rc;

    if ((rc = unwrap(elem, "noteTweet", where, &note)) < 0 ||
        (rc = get_str(note, "createdAt", where, &when)) < 0 ||
        (rc = get_obj(note, "core", where, &core)) < 0 ||
        (rc = get_str(core, "text", where, &text)) < 0)
        return rc;
    return x_import_note(r->x, when, text, where);
}

static int dm_message(x_read *r, json_t *msg, const char *where)
{
    const char *id, *sender, *text, *when, *me = x_import_account(r->x);
    char iso[TIME_ISO_LEN];
    mosaic_post p = { 0 };
    json_t *mc;
    int rc;

    if ((rc = get_obj(msg, "messageCreate", where, &mc)) < 0)
        return rc;
    if (mc == NULL) { /* someone joined, left, renamed the group... */
        sink_skip(r->sink);
        return 0;
    }
    if ((rc = get_str(mc, "id", where, &id)) < 0 ||
        (rc = get_str(mc, "senderId", where, &sender)) < 0 ||
        (rc = get_str(mc, "text", where, &text)) < 0 ||
        (rc = get_str(mc, "createdAt", where, &when)) < 0)
        return rc;
    if (when == NULL || x_time(when, iso) < 0)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: message %s: createdAt is not a date",
                                 where, id ? id : "?");
    p.platform = X_PLATFORM;
    p.native_id = id;
    p.created_at = iso;
    p.own = me && sender && strcmp(me, sender) == 0;
    p.kind = "dm";
    p.visibility = "direct";
    p.text = text;
    return sink_post(r->sink, &p, where);
}

static int dm_element(json_t *elem, size_t index, void *ctx)
{
    x_read *r = ctx;
    const char *where = x_where(r, index);
    json_t *conv, *msgs, *m;
    size_t i;
    int rc;

    if ((rc = unwrap(elem, "dmConversation", where, &conv)) < 0)
        return rc;
    msgs = json_object_get(conv, "messages");
    if (msgs && !json_is_array(msgs))
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: \"messages\" is not an array", where);
    json_array_foreach(msgs, i, m) {
        char w[900];
        snprintf(w, sizeof(w), "%s, message %zu", where, i + 1);
        if (!json_is_object(m))
            return mosaic__error_set(MOSAIC_EFORMAT,
                                     "%s: not a JSON object", w);
        if ((rc = dm_message(r, m, w)) < 0)
            return rc;
    }
    return 0;
}

static int like_element(json_t *elem, size_t index, void *ctx)
{
    x_read *r = ctx;

    (void)elem, (void)index;
    sink_skip(r->sink);
    return 0;
}

/* Stream every part of one data file through `cb`. */
static int x_each(x_read *r, enum x_file f, size_t elem_max,
                  json_element_cb cb)
{
    int parts, rc = 0;

    if ((rc = x_parts(r, f, &parts)) < 0)
        return rc;
    for (int p = 0; p < parts && rc >= 0; p++) {
        instream *in = NULL;
        r->member = x_member(r, f, p);
        if ((rc = source_open_stream(r->src, r->member, &in)) < 0)
            break;
        long n = json_each(in, NULL, elem_max, cb, r);
        rc = n < 0 ? (int)n : 0;
        instream_close(in);
    }
    return rc;
}

/* The same for the tweets files, each element parsed by `cb`. */
static int x_each_value(x_read *r, enum x_file f, json_value_cb cb)
{
    int parts, rc = 0;

    if ((rc = x_parts(r, f, &parts)) < 0)
        return rc;
    for (int p = 0; p < parts && rc >= 0; p++) {
        instream *in = NULL;
        r->member = x_member(r, f, p);
        if ((rc = source_open_stream(r->src, r->member, &in)) < 0)
            break;
        long n = json_each_value(in, NULL, 2 * IMPORT_POST_MAX, cb, r);
        rc = n < 0 ? (int)n : 0;
        instream_close(in);
    }
    return rc;
}

/* ---- the profile ---- */

typedef struct {
    json_t *first; /* the first element, kept */
} x_first;

static int keep_first(json_t *elem, size_t index, void *ctx)
{
    x_first *f = ctx;

    if (index == 0)
        f->first = json_incref(elem);
    return 0;
}

/* The inner object of a one-element file (account.js, profile.js). */
static int x_single(x_read *r, enum x_file f, const char *key, json_t **out)
{
    x_first first = { NULL };
    instream *in = NULL;
    const char *where;
    long n;
    int rc;

    *out = NULL;
    if ((r->member = x_member(r, f, 0)) == NULL)
        return 0;
    if ((rc = source_open_stream(r->src, r->member, &in)) < 0)
        return rc;
    n = json_each(in, NULL, X_SMALL_MAX, keep_first, &first);
    instream_close(in);
    if (n < 0) {
        json_decref(first.first); /* a later element did not parse */
        return (int)n;
    }
    if (first.first == NULL)
        return 0;
    where = x_where(r, 0);
    if ((rc = unwrap(first.first, key, where, out)) < 0) {
        json_decref(first.first);
        return rc;
    }
    json_incref(*out);
    json_decref(first.first);
    return 0;
}

static int x_profile(x_read *r)
{
    json_t *acct = NULL, *prof = NULL, *desc = NULL, *extra = NULL;
    const char *id = NULL, *website = NULL;
    mosaic_profile p = { 0 };
    char *extra_json = NULL;
    int rc;

    if ((rc = x_single(r, X_ACCOUNT, "account", &acct)) < 0)
        goto done;
    if (acct &&
        ((rc = get_str(acct, "accountId", x_where(r, 0), &id)) < 0 ||
         (rc = get_str(acct, "username", r->where, &p.handle)) < 0 ||
         (rc = get_str(acct, "accountDisplayName", r->where,
                       &p.display_name)) < 0))
        goto done;
    if ((rc = x_single(r, X_PROFILE, "profile", &prof)) < 0)
        goto done;
    if (prof &&
        ((rc = get_obj(prof, "description", x_where(r, 0), &desc)) < 0 ||
         (desc && ((rc = get_str(desc, "bio", r->where, &p.bio)) < 0 ||
                   (rc = get_str(desc, "location", r->where,
                                 &p.location)) < 0 ||
                   (rc = get_str(desc, "website", r->where, &website)) < 0))))
        goto done;
    if ((rc = x_import_owner(r->x, id, p.handle)) < 0)
        goto done;
    if (acct == NULL && prof == NULL)
        goto done;
    if (website && website[0]) {
        if ((extra = json_pack("{ss}", "website", website)) == NULL ||
            (extra_json = json_dumps(extra, JSON_COMPACT)) == NULL) {
            rc = mosaic__error_oom();
            goto done;
        }
    }
    p.platform = X_PLATFORM;
    p.extra = extra_json;
    rc = sink_profile(r->sink, &p);
done:
    free(extra_json);
    json_decref(extra);
    json_decref(acct);
    json_decref(prof);
    return rc;
}

/* ---- the whole archive ---- */

static int x_read_tweets(x_read *r)
{
    static const enum x_file files[] = { X_TWEETS, X_TWEET, X_DELETED,
                                         X_COMMUNITY };
    int rc;

    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        r->deleted = files[i] == X_DELETED;
        r->community = files[i] == X_COMMUNITY;
        if ((rc = x_each_value(r, files[i], tweet_value)) < 0)
            return rc;
    }
    r->deleted = r->community = 0;
    return x_import_finish(r->x);
}

static int x_read_archive(source *src, import_sink *sink)
{
    x_read r = { src, sink, NULL, "", NULL, 0, 0, "", NULL, 0,
                 STRBUF_INIT(2 * IMPORT_POST_MAX) };
    const char *first;
    int classic, rc;

    if ((rc = x_find(src, &first, &classic)) <= 0)
        return rc < 0 ? rc
                      : mosaic__error_set(MOSAIC_EFORMAT,
                                          "%s: no tweets file in the archive",
                                          source_path(src));
    if (classic)
        return x_read_classic(src, sink, first);
    snprintf(r.dir, sizeof(r.dir), "%.*s", (int)(base_name(first) - first),
             first);
    if ((rc = x_import_new(&r.x, sink)) < 0)
        return rc;
    if ((rc = x_profile(&r)) < 0 ||
        (rc = x_each(&r, X_NOTES, 2 * IMPORT_POST_MAX, note_element)) < 0 ||
        (rc = x_read_tweets(&r)) < 0 ||
        (rc = x_each(&r, X_DMS, X_DM_MAX, dm_element)) < 0 ||
        (rc = x_each(&r, X_DM_GROUPS, X_DM_MAX, dm_element)) < 0 ||
        (rc = x_each(&r, X_LIKES, 2 * IMPORT_POST_MAX, like_element)) < 0)
        goto done;
done:
    x_import_free(r.x);
    strbuf_dispose(&r.scratch);
    return rc;
}

const struct importer importer_x = {
    "x", "X (Twitter) archive: data/tweets.js, DMs, profile; classic "
         "tweets.csv",
    x_detect, x_read_archive,
};
