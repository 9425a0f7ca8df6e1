/*
 * import_mastodon.c -- Mastodon account archives (zip from 4.1, tar.gz
 * before): the activities of outbox.json streamed one at a time (every
 * copy of a duplicated "orderedItems"), then the profile in actor.json.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "error.h"
#include "import.h"
#include "json_scan.h"
#include "json_stream.h"
#include "text.h"
#include "timefmt.h"

#define MASTODON "mastodon"
#define AS_PUBLIC "https://www.w3.org/ns/activitystreams#Public"
/* One activity holds its HTML twice (content, contentMap) plus media. */
#define MASTODON_ITEM_MAX (4 * IMPORT_POST_MAX)
#define MASTODON_ACTOR_MAX (1U << 20)

/* What the reader keeps while it walks the outbox. */
struct outbox {
    import_sink *sink;
    const char *member; /* "archive.zip:outbox.json" */
    strbuf text, alts;
    char where[512];
};

static int mastodon_detect(source *src)
{
    const char *outbox, *head;
    size_t len;
    int rc;

    if (!source_is_archive(src) || (outbox = source_find(src, "outbox.json")) == NULL)
        return 0;
    if ((rc = source_head(src, outbox, &head, &len)) < 0)
        return rc;
    for (size_t i = 0; i + 17 <= len; i++)
        if (memcmp(head + i, "OrderedCollection", 17) == 0)
            return 1;
    return 0;
}

/* ---- one activity, read by json_scan (no jansson, no allocation) ----
 * Like jansson, a duplicated key counts once, with its last value. */

/* A value as the scan last saw it. */
typedef struct {
    jscan_type type;
    char *raw;
    size_t len;
    int seen;
    const char *text; /* the string, once decoded in place */
} scan_field;

/* Who an audience ("to", "cc": a URI or an array of them) reaches. */
typedef struct {
    int public, followers;
} audience;

enum { A_ID, A_TYPE, A_PUBLISHED, N_ACT_FIELDS };
enum { O_ID, O_TYPE, O_CONTENT, O_SUMMARY, O_REPLY, O_QUOTE, O_QUOTE_URI,
       O_MISSKEY_QUOTE, O_PUBLISHED, O_UPDATED, N_OBJ_FIELDS };

static const char *const act_keys[N_ACT_FIELDS] = { "id", "type",
                                                    "published" };
static const char *const obj_keys[N_OBJ_FIELDS] = {
    "id", "type", "content", "summary", "inReplyTo", "quote", "quoteUri",
    "_misskey_quote", "published", "updated",
};

typedef struct {
    struct outbox *ob;
    scan_field act[N_ACT_FIELDS], obj[N_OBJ_FIELDS];
    scan_field object;     /* the activity's "object" */
    scan_field attachment; /* the object's "attachment" */
    scan_field name;       /* "name" of the attachment being read */
    audience act_to, act_cc, obj_to, obj_cc;
    json_t *alts;          /* the attachments' descriptions so far */
} activity;

static int not_parsed(const activity *a, const char *why)
{
    return mosaic__error_set(MOSAIC_EFORMAT, "%s does not parse: %s",
                             a->ob->where, why);
}

/* A string value decoded in place: NULL if it cannot be (\u0000, a
 * broken surrogate, not UTF-8: jansson refuses those too). */
static const char *scan_text(char *raw, size_t len)
{
    const char *s = json_scan_string(raw, len);

    return s && text_is_utf8(s, strlen(s)) ? s : NULL;
}

static void set_field(scan_field *f, jscan_type type, char *raw, size_t len)
{
    f->type = type, f->raw = raw, f->len = len, f->seen = 1, f->text = NULL;
}

static void keyed_field(scan_field *fields, const char *const *keys,
                        size_t n, const jscan_step *step, jscan_type type,
                        char *raw, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (jscan_is(step, keys[i])) {
            set_field(&fields[i], type, raw, len);
            return;
        }
}

/* One URI of an audience. */
static int audience_add(activity *a, audience *aud, jscan_type type,
                        char *raw, size_t len)
{
    const char *s;
    size_t n;

    if (type != JSCAN_STRING)
        return 0;
    if ((s = scan_text(raw, len)) == NULL)
        return not_parsed(a, "a bad string in \"to\" or \"cc\"");
    n = strlen(s);
    if (strcmp(s, AS_PUBLIC) == 0 || strcmp(s, "as:Public") == 0 ||
        strcmp(s, "Public") == 0)
        aud->public = 1;
    if (n >= 10 && strcmp(s + n - 10, "/followers") == 0)
        aud->followers = 1;
    return 0;
}

/* "to" or "cc" itself: a URI, or an array whose URIs come next. */
static int audience_start(activity *a, audience *aud, jscan_type type,
                          char *raw, size_t len)
{
    aud->public = aud->followers = 0;
    return audience_add(a, aud, type, raw, len);
}

/* The description of the attachment read last, if it has one. */
static int flush_alt_text(activity *a)
{
    const char *name;
    json_t *s;

    if (!a->name.seen || a->name.type != JSCAN_STRING)
        return a->name.seen = 0;
    a->name.seen = 0;
    if ((name = scan_text(a->name.raw, a->name.len)) == NULL)
        return not_parsed(a, "a bad string in an attachment's \"name\"");
    if (name[0] == '\0')
        return 0;
    if ((a->alts == NULL && (a->alts = json_array()) == NULL) ||
        (s = json_string(name)) == NULL || json_array_append_new(a->alts, s) < 0)
        return mosaic__error_oom();
    return 0;
}

/* Under the activity's "object", when that is an object. */
static int object_visit(activity *a, const jscan_step *path, int depth,
                        jscan_type type, char *raw, size_t len)
{
    int to = jscan_is(&path[1], "to"), cc = jscan_is(&path[1], "cc");
    int attachment = jscan_is(&path[1], "attachment");

    if (depth == 2) {
        if (to || cc)
            return audience_start(a, to ? &a->obj_to : &a->obj_cc, type, raw,
                                  len);
        if (attachment) {
            if (a->alts)
                json_array_clear(a->alts);
            a->name.seen = 0;
            set_field(&a->attachment, type, raw, len);
        }
        keyed_field(a->obj, obj_keys, N_OBJ_FIELDS, &path[1], type, raw, len);
        return 0;
    }
    if (depth == 3 && path[2].key == NULL && (to || cc))
        return audience_add(a, to ? &a->obj_to : &a->obj_cc, type, raw, len);
    if (depth == 3 && attachment && path[2].key == NULL)
        return flush_alt_text(a);
    if (depth == 4 && attachment && path[2].key == NULL &&
        jscan_is(&path[3], "name"))
        set_field(&a->name, type, raw, len);
    return 0;
}

static int activity_visit(void *ctx, const jscan_step *path, int depth,
                          jscan_type type, char *raw, size_t len)
{
    activity *a = ctx;
    int to = jscan_is(&path[0], "to"), cc = jscan_is(&path[0], "cc");

    if (depth == 1) {
        if (jscan_is(&path[0], "object")) {
            memset(a->obj, 0, sizeof(a->obj));
            memset(&a->obj_to, 0, sizeof(a->obj_to));
            memset(&a->obj_cc, 0, sizeof(a->obj_cc));
            memset(&a->attachment, 0, sizeof(a->attachment));
            a->name.seen = 0;
            if (a->alts)
                json_array_clear(a->alts);
            set_field(&a->object, type, raw, len);
            return 0;
        }
        if (to || cc)
            return audience_start(a, to ? &a->act_to : &a->act_cc, type, raw,
                                  len);
        keyed_field(a->act, act_keys, N_ACT_FIELDS, &path[0], type, raw, len);
        return 0;
    }
    if (depth == 2 && path[1].key == NULL && (to || cc))
        return audience_add(a, to ? &a->act_to : &a->act_cc, type, raw, len);
    if (jscan_is(&path[0], "object") && a->object.type == JSCAN_OBJECT)
        return object_visit(a, path, depth, type, raw, len);
    return 0;
}

/* A string field: NULL when absent or null, <0 when some other type. */
static int field_str(activity *a, scan_field *f, const char *key,
                     const char **out)
{
    *out = NULL;
    if (!f->seen || f->type == JSCAN_NULL)
        return 0;
    if (f->type != JSCAN_STRING)
        return mosaic__error_set(MOSAIC_EFORMAT, "%s: \"%s\" is not a string",
                                 a->ob->where, key);
    if (f->text == NULL && (f->text = scan_text(f->raw, f->len)) == NULL)
        return not_parsed(a, "a bad string");
    *out = f->text;
    return 0;
}

/* Mastodon's four visibilities, read back from to/cc. */
static const char *mastodon_visibility(const audience *to, const audience *cc)
{
    if (to->public)
        return "public";
    if (cc->public)
        return "unlisted";
    if (to->followers)
        return "private";
    return "direct";
}

/* The post's date: the object's "published" (`own`), else the
 * activity's. */
static int mastodon_date(activity *a, scan_field *own, char *out)
{
    const char *when;
    int rc;

    if ((rc = field_str(a, own, "published", &when)) < 0)
        return rc;
    if (when == NULL &&
        (rc = field_str(a, &a->act[A_PUBLISHED], "published", &when)) < 0)
        return rc;
    if (when == NULL)
        return mosaic__error_set(MOSAIC_EFORMAT, "%s: no \"published\" date",
                                 a->ob->where);
    if (time_normalise(when, out) < 0)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: \"published\" '%.40s' is not a date",
                                 a->ob->where, when);
    return 0;
}

/* ---- one post ---- */

/* The text of the post's HTML without the 2026 export's
 * <p class="quote-inline">RE: url</p>, which the user did not write. */
static int mastodon_text(struct outbox *ob, const char *html)
{
    static const char quote_open[] = "<p class=\"quote-inline\">";
    const char *q = strstr(html, quote_open), *end;
    int rc;

    strbuf_clear(&ob->text);
    if (q && (end = strstr(q, "</p>")) != NULL) {
        strbuf head = STRBUF_INIT(IMPORT_POST_MAX);
        if ((rc = strbuf_put(&head, html, (size_t)(q - html))) == 0 &&
            (rc = strbuf_puts(&head, end + 4)) == 0)
            rc = text_from_html(&ob->text, strbuf_str(&head), head.len);
        strbuf_dispose(&head);
    } else {
        rc = text_from_html(&ob->text, html, strlen(html));
    }
    if (rc < 0) {
        char why[256];
        snprintf(why, sizeof(why), "%s", mosaic_error_last()->message);
        return mosaic__error_set(rc, "%s: %s", ob->where, why);
    }
    return 0;
}

/* The attachments' descriptions (alt texts) as a JSON array, or NULL. */
static int mastodon_alt_texts(activity *a, const char **out)
{
    char *dump;
    int rc;

    *out = NULL;
    if (!a->attachment.seen || a->attachment.type == JSCAN_NULL)
        return 0;
    if (a->attachment.type != JSCAN_ARRAY)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: \"attachment\" is not an array",
                                 a->ob->where);
    if (a->alts == NULL || json_array_size(a->alts) == 0)
        return 0;
    if ((dump = json_dumps(a->alts, JSON_COMPACT)) == NULL)
        return mosaic__error_oom();
    strbuf_clear(&a->ob->alts);
    rc = strbuf_puts(&a->ob->alts, dump);
    free(dump);
    if (rc == 0)
        *out = strbuf_str(&a->ob->alts);
    return rc;
}

static const char *mastodon_kind(const char *visibility, const char *type,
                                 const mosaic_post *p)
{
    if (strcmp(visibility, "direct") == 0)
        return "dm";
    if (type && strcmp(type, "Question") == 0)
        return "poll";
    if (p->quote_of)
        return "quote";
    return p->reply_to ? "reply" : "post";
}

/* A Create: the user's own post (a Note, or a Question for a poll). */
static int mastodon_create(activity *a)
{
    struct outbox *ob = a->ob;
    scan_field *o = a->obj;
    mosaic_post p = { 0 };
    const char *html, *type, *cw;
    char when[TIME_ISO_LEN];
    int rc;

    if (a->object.type != JSCAN_OBJECT)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: a Create whose \"object\" is not an "
                                 "object", ob->where);
    if ((rc = field_str(a, &o[O_ID], "id", &p.native_id)) < 0 ||
        (rc = field_str(a, &o[O_TYPE], "type", &type)) < 0 ||
        (rc = field_str(a, &o[O_CONTENT], "content", &html)) < 0 ||
        (rc = field_str(a, &o[O_SUMMARY], "summary", &cw)) < 0 ||
        (rc = field_str(a, &o[O_REPLY], "inReplyTo", &p.reply_to)) < 0 ||
        (rc = field_str(a, &o[O_QUOTE], "quote", &p.quote_of)) < 0 ||
        (rc = mastodon_date(a, &o[O_PUBLISHED], when)) < 0 ||
        (rc = mastodon_alt_texts(a, &p.alt_texts)) < 0)
        return rc;
    if (p.quote_of == NULL &&
        (rc = field_str(a, &o[O_QUOTE_URI], "quoteUri", &p.quote_of)) < 0)
        return rc;
    if (p.quote_of == NULL &&
        (rc = field_str(a, &o[O_MISSKEY_QUOTE], "_misskey_quote",
                        &p.quote_of)) < 0)
        return rc;
    if ((rc = mastodon_text(ob, html ? html : "")) < 0)
        return rc;
    p.platform = MASTODON;
    p.created_at = when;
    p.own = 1;
    p.visibility = mastodon_visibility(&a->obj_to, &a->obj_cc);
    p.kind = mastodon_kind(p.visibility, type, &p);
    p.text = strbuf_str(&ob->text);
    p.thread_root = p.reply_to;
    p.content_warning = cw && cw[0] ? cw : NULL;
    p.edited = o[O_UPDATED].seen && o[O_UPDATED].type == JSCAN_STRING;
    return sink_post(ob->sink, &p, ob->where);
}

/* An Announce: a boost of someone's post, not the user's words. */
static int mastodon_announce(activity *a)
{
    mosaic_post p = { 0 };
    char when[TIME_ISO_LEN];
    scan_field *boosted = a->object.type == JSCAN_OBJECT ? &a->obj[O_ID]
                                                         : &a->object;
    int rc;

    if ((rc = field_str(a, &a->act[A_ID], "id", &p.native_id)) < 0 ||
        (rc = mastodon_date(a, &a->act[A_PUBLISHED], when)) < 0)
        return rc;
    if (boosted->seen && boosted->type == JSCAN_STRING &&
        (rc = field_str(a, boosted, "object", &p.boost_of)) < 0)
        return rc;
    if (p.boost_of == NULL)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: an Announce without the boosted post",
                                 a->ob->where);
    p.platform = MASTODON;
    p.created_at = when;
    p.kind = "repost";
    p.visibility = mastodon_visibility(&a->act_to, &a->act_cc);
    return sink_post(a->ob->sink, &p, a->ob->where);
}

static int mastodon_activity(activity *a, char *buf, size_t len,
                             size_t index)
{
    struct outbox *ob = a->ob;
    const char *type, *why;
    size_t at;
    int rc;

    if ((rc = json_scan(buf, len, activity_visit, a, &why, &at)) != 0)
        return why ? mosaic__error_set(MOSAIC_EFORMAT,
                                       "%s: element %zu does not parse: %s",
                                       ob->member, index + 1, why)
                   : rc;
    if (buf[0] != '{')
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: not an activity (a JSON %s)", ob->where,
                                 buf[0] == '[' ? "array" : "scalar");
    if ((rc = flush_alt_text(a)) < 0 ||
        (rc = field_str(a, &a->act[A_TYPE], "type", &type)) < 0)
        return rc;
    if (type && strcmp(type, "Create") == 0)
        return mastodon_create(a);
    if (type && strcmp(type, "Announce") == 0)
        return mastodon_announce(a);
    sink_skip(ob->sink);
    return 0;
}

static int mastodon_item(char *buf, size_t len, size_t index, void *ctx)
{
    struct outbox *ob = ctx;
    activity a;
    int rc;

    memset(&a, 0, sizeof(a));
    a.ob = ob;
    snprintf(ob->where, sizeof(ob->where), "%s: element %zu", ob->member,
             index + 1);
    rc = mastodon_activity(&a, buf, len, index);
    json_decref(a.alts);
    return rc;
}

static int mastodon_outbox(source *src, import_sink *sink)
{
    struct outbox ob = { sink, NULL, STRBUF_INIT(IMPORT_POST_MAX),
                         STRBUF_INIT(IMPORT_POST_MAX), "" };
    instream *in = NULL;
    long n;

    if ((n = source_open_stream(src, source_find(src, "outbox.json"), &in)) < 0)
        return (int)n;
    ob.member = instream_name(in);
    n = json_each_raw(in, "orderedItems", MASTODON_ITEM_MAX, mastodon_item,
                      &ob);
    instream_close(in);
    strbuf_dispose(&ob.text);
    strbuf_dispose(&ob.alts);
    return n < 0 ? (int)n : 0;
}

/* ---- the profile ---- */

/* Profile field labels people use for where they are. */
static int is_location_label(const char *name)
{
    static const char *const labels[] = {
        "location", "based in", "where", "lives in", "town", "city",
        "area", "region", "home", "located in",
    };
    for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
        if (strcasecmp(name, labels[i]) == 0)
            return 1;
    return 0;
}

/* HTML (a bio, a field's value) to a new JSON string of its text. */
static json_t *html_string(const char *html)
{
    strbuf sb = STRBUF_INIT(IMPORT_POST_MAX);
    json_t *s = NULL;

    if (text_from_html(&sb, html, strlen(html)) == 0)
        s = json_string(strbuf_str(&sb));
    strbuf_dispose(&sb);
    return s;
}

/* "user@host" from the actor's id URL and preferredUsername. */
static void mastodon_handle(const json_t *actor, char *out, size_t size)
{
    const char *user = json_str(actor, "preferredUsername");
    const char *id = json_str(actor, "id"), *host, *end;

    out[0] = '\0';
    if (json_str(actor, "webfinger")) {
        snprintf(out, size, "%s", json_str(actor, "webfinger"));
        return;
    }
    if (user == NULL)
        return;
    if (id == NULL || (host = strstr(id, "://")) == NULL) {
        snprintf(out, size, "%s", user);
        return;
    }
    host += 3;
    end = host + strcspn(host, "/:");
    snprintf(out, size, "%s@%.*s", user, (int)(end - host), host);
}

static int mastodon_profile_store(import_sink *sink, const json_t *actor,
                                  const char *member)
{
    json_t *fields = json_object(), *extra = json_object(), *bio = NULL, *f;
    mosaic_profile pr = { 0 };
    const char *location = NULL;
    char handle[512], *dump = NULL;
    size_t i;
    int rc = 0;

    if (fields == NULL || extra == NULL) {
        rc = mosaic__error_oom();
        goto done;
    }
    json_array_foreach(json_object_get(actor, "attachment"), i, f) {
        const char *name = json_str(f, "name"), *value = json_str(f, "value");
        json_t *text;
        if (name == NULL || value == NULL)
            continue;
        if ((text = html_string(value)) == NULL) {
            rc = mosaic__error_set(MOSAIC_EFORMAT,
                                   "%s: profile field %zu cannot be read",
                                   member, i + 1);
            goto done;
        }
        json_object_set_new(fields, name, text);
        if (location == NULL && is_location_label(name))
            location = json_string_value(text);
    }
    json_object_set(extra, "fields", fields);
    if (json_str(actor, "url"))
        json_object_set_new(extra, "url", json_string(json_str(actor, "url")));
    if (json_str(actor, "summary") &&
        (bio = html_string(json_str(actor, "summary"))) == NULL) {
        rc = mosaic__error_set(MOSAIC_EFORMAT, "%s: the bio cannot be read",
                               member);
        goto done;
    }
    if ((dump = json_dumps(extra, JSON_COMPACT)) == NULL) {
        rc = mosaic__error_oom();
        goto done;
    }
    mastodon_handle(actor, handle, sizeof(handle));
    pr.platform = MASTODON;
    pr.handle = handle[0] ? handle : NULL;
    pr.display_name = json_str(actor, "name");
    pr.bio = json_string_value(bio);
    pr.location = location;
    pr.extra = dump;
    rc = sink_profile(sink, &pr);
done:
    free(dump);
    json_decref(bio);
    json_decref(fields);
    json_decref(extra);
    return rc;
}

static int mastodon_profile(source *src, import_sink *sink)
{
    const char *member = source_find(src, "actor.json");
    instream *in = NULL;
    json_t *actor = NULL;
    int rc;

    if (member == NULL)
        return 0;
    if ((rc = source_open_stream(src, member, &in)) < 0 ||
        (rc = json_load_stream(&actor, in, MASTODON_ACTOR_MAX)) < 0)
        goto done;
    if (!json_is_object(actor)) {
        rc = mosaic__error_set(MOSAIC_EFORMAT, "%s: not a JSON object",
                               instream_name(in));
        goto done;
    }
    rc = mastodon_profile_store(sink, actor, instream_name(in));
done:
    json_decref(actor);
    instream_close(in);
    return rc;
}

static int mastodon_read(source *src, import_sink *sink)
{
    int rc;

    if ((rc = mastodon_outbox(src, sink)) < 0)
        return rc;
    return mastodon_profile(src, sink);
}

const struct importer importer_mastodon = {
    MASTODON, "Mastodon archive (zip or tar.gz with outbox.json, actor.json)",
    mastodon_detect, mastodon_read,
};
