/*
 * import_mastodon.c -- Mastodon account archives (zip from 4.1, tar.gz
 * before): the activities of outbox.json streamed one at a time (every
 * copy of a duplicated "orderedItems"), then the profile in actor.json.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "error.h"
#include "import.h"
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

/* ---- small JSON readers that name what is wrong ---- */

/* A string member: 0 with *out NULL when absent or null, <0 when some
 * other type. */
static int opt_str(struct outbox *ob, const json_t *o, const char *key,
                   const char **out)
{
    json_t *v = json_object_get(o, key);

    *out = NULL;
    if (v == NULL || json_is_null(v))
        return 0;
    if (!json_is_string(v))
        return mosaic__error_set(MOSAIC_EFORMAT, "%s: \"%s\" is not a string",
                                 ob->where, key);
    *out = json_string_value(v);
    return 0;
}

/* Does an audience (a URI or an array of URIs) hold `uri`, or with
 * `suffix` set, a URI ending in it? */
static int audience_has(const json_t *aud, const char *uri, const char *suffix)
{
    size_t i, n = json_is_array(aud) ? json_array_size(aud) : 1;

    for (i = 0; i < n; i++) {
        const char *s = json_string_value(json_is_array(aud)
                                              ? json_array_get(aud, i)
                                              : aud);
        size_t sl = s ? strlen(s) : 0, xl = suffix ? strlen(suffix) : 0;
        if (s == NULL)
            continue;
        if (uri && (strcmp(s, uri) == 0 || strcmp(s, "as:Public") == 0 ||
                    strcmp(s, "Public") == 0))
            return 1;
        if (suffix && sl >= xl && strcmp(s + sl - xl, suffix) == 0)
            return 1;
    }
    return 0;
}

/* Mastodon's four visibilities, read back from to/cc. */
static const char *mastodon_visibility(const json_t *o)
{
    const json_t *to = json_object_get(o, "to"), *cc = json_object_get(o, "cc");

    if (audience_has(to, AS_PUBLIC, NULL))
        return "public";
    if (audience_has(cc, AS_PUBLIC, NULL))
        return "unlisted";
    if (audience_has(to, NULL, "/followers"))
        return "private";
    return "direct";
}

/* The post's date: the object's "published", else the activity's. */
static int mastodon_date(struct outbox *ob, const json_t *obj,
                         const json_t *act, char *out)
{
    const char *when;
    int rc;

    if ((rc = opt_str(ob, obj, "published", &when)) < 0)
        return rc;
    if (when == NULL && (rc = opt_str(ob, act, "published", &when)) < 0)
        return rc;
    if (when == NULL)
        return mosaic__error_set(MOSAIC_EFORMAT, "%s: no \"published\" date",
                                 ob->where);
    if (time_normalise(when, out) < 0)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: \"published\" '%.40s' is not a date",
                                 ob->where, when);
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
static int mastodon_alt_texts(struct outbox *ob, const json_t *obj,
                              const char **out)
{
    json_t *media = json_object_get(obj, "attachment"), *alts = NULL, *m;
    size_t i;
    char *dump;
    int rc = 0;

    *out = NULL;
    if (media == NULL || json_is_null(media))
        return 0;
    if (!json_is_array(media))
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: \"attachment\" is not an array",
                                 ob->where);
    json_array_foreach(media, i, m) {
        const char *name = json_str(m, "name");
        if (name == NULL || name[0] == '\0')
            continue;
        if ((alts == NULL && (alts = json_array()) == NULL) ||
            json_array_append_new(alts, json_string(name)) < 0) {
            rc = mosaic__error_oom();
            goto done;
        }
    }
    if (alts == NULL)
        goto done;
    if ((dump = json_dumps(alts, JSON_COMPACT)) == NULL) {
        rc = mosaic__error_oom();
        goto done;
    }
    strbuf_clear(&ob->alts);
    rc = strbuf_puts(&ob->alts, dump);
    free(dump);
    if (rc == 0)
        *out = strbuf_str(&ob->alts);
done:
    json_decref(alts);
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
static int mastodon_create(struct outbox *ob, const json_t *act)
{
    const json_t *obj = json_object_get(act, "object");
    mosaic_post p = { 0 };
    const char *html, *type, *cw;
    char when[TIME_ISO_LEN];
    int rc;

    if (!json_is_object(obj))
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: a Create whose \"object\" is not an "
                                 "object", ob->where);
    if ((rc = opt_str(ob, obj, "id", &p.native_id)) < 0 ||
        (rc = opt_str(ob, obj, "type", &type)) < 0 ||
        (rc = opt_str(ob, obj, "content", &html)) < 0 ||
        (rc = opt_str(ob, obj, "summary", &cw)) < 0 ||
        (rc = opt_str(ob, obj, "inReplyTo", &p.reply_to)) < 0 ||
        (rc = opt_str(ob, obj, "quote", &p.quote_of)) < 0 ||
        (rc = mastodon_date(ob, obj, act, when)) < 0 ||
        (rc = mastodon_alt_texts(ob, obj, &p.alt_texts)) < 0)
        return rc;
    if (p.quote_of == NULL && (rc = opt_str(ob, obj, "quoteUri", &p.quote_of)) < 0)
        return rc;
    if (p.quote_of == NULL &&
        (rc = opt_str(ob, obj, "_misskey_quote", &p.quote_of)) < 0)
        return rc;
    if ((rc = mastodon_text(ob, html ? html : "")) < 0)
        return rc;
    p.platform = MASTODON;
    p.created_at = when;
    p.own = 1;
    p.visibility = mastodon_visibility(obj);
    p.kind = mastodon_kind(p.visibility, type, &p);
    p.text = strbuf_str(&ob->text);
    p.thread_root = p.reply_to;
    p.content_warning = cw && cw[0] ? cw : NULL;
    p.edited = json_is_string(json_object_get(obj, "updated"));
    return sink_post(ob->sink, &p, ob->where);
}

/* An Announce: a boost of someone's post, not the user's words. */
static int mastodon_announce(struct outbox *ob, const json_t *act)
{
    const json_t *obj = json_object_get(act, "object");
    mosaic_post p = { 0 };
    char when[TIME_ISO_LEN];
    int rc;

    if ((rc = opt_str(ob, act, "id", &p.native_id)) < 0 ||
        (rc = mastodon_date(ob, act, act, when)) < 0)
        return rc;
    p.boost_of = json_is_object(obj) ? json_str(obj, "id") : json_string_value(obj);
    if (p.boost_of == NULL)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: an Announce without the boosted post",
                                 ob->where);
    p.platform = MASTODON;
    p.created_at = when;
    p.kind = "repost";
    p.visibility = mastodon_visibility(act);
    return sink_post(ob->sink, &p, ob->where);
}

static int mastodon_item(json_t *act, size_t index, void *ctx)
{
    struct outbox *ob = ctx;
    const char *type;
    int rc;

    snprintf(ob->where, sizeof(ob->where), "%s: element %zu", ob->member,
             index + 1);
    if (!json_is_object(act))
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: not an activity (a JSON %s)", ob->where,
                                 json_is_array(act) ? "array" : "scalar");
    if ((rc = opt_str(ob, act, "type", &type)) < 0)
        return rc;
    if (type && strcmp(type, "Create") == 0)
        return mastodon_create(ob, act);
    if (type && strcmp(type, "Announce") == 0)
        return mastodon_announce(ob, act);
    sink_skip(ob->sink);
    return 0;
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
    n = json_each(in, "orderedItems", MASTODON_ITEM_MAX, mastodon_item, &ob);
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
