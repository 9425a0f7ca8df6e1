/*
 * import_meta.c -- helpers shared by the Facebook and Instagram/Threads
 * importers; see import_meta.h.
 * SPDX-License-Identifier: MIT
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "import_meta.h"
#include "json_stream.h"
#include "mojibake.h"
#include "text.h"

#define META_ELEM_MAX (2 * IMPORT_POST_MAX)    /* one post with its media */
#define META_DOC_MAX (4U << 20)                /* a profile file */
#define META_SECONDS_MAX INT64_C(253402300799) /* 9999-12-31T23:59:59Z */

struct each_ctx {
    instream *in;
    meta_item_cb cb;
    void *ctx;
};

static int each_element(json_t *elem, size_t index, void *ctx)
{
    struct each_ctx *e = ctx;
    char where[META_WHERE_MAX];
    int rc;

    snprintf(where, sizeof(where), "%s: element %zu", instream_name(e->in),
             index + 1);
    if ((rc = mojibake_repair_json(elem)) < 0)
        return rc;
    return e->cb(elem, where, e->ctx);
}

int meta_each_stream(instream *in, const char *key, meta_item_cb cb, void *ctx)
{
    struct each_ctx e = {in, cb, ctx};
    long n = json_each(in, key, META_ELEM_MAX, each_element, &e);

    return n < 0 ? (int)n : 0;
}

int meta_each(source *src, const char *member, const char *key, meta_item_cb cb,
              void *ctx)
{
    instream *in = NULL;
    int rc;

    if ((rc = source_open_stream(src, member, &in)) < 0)
        return rc;
    rc = meta_each_stream(in, key, cb, ctx);
    instream_close(in);
    return rc;
}

int meta_load(source *src, const char *member, json_t **out)
{
    instream *in = NULL;
    int rc;

    *out = NULL;
    if ((rc = source_open_stream(src, member, &in)) < 0)
        return rc;
    if ((rc = json_load_stream(out, in, META_DOC_MAX)) == 0 &&
        !json_is_object(*out))
        rc = mosaic__error_set(MOSAIC_EFORMAT, "%s: not a JSON object",
                               instream_name(in));
    if (rc == 0)
        rc = mojibake_repair_json(*out);
    if (rc < 0) {
        json_decref(*out);
        *out = NULL;
    }
    instream_close(in);
    return rc;
}

static int wrong_type(const char *where, const char *field, const char *want)
{
    return mosaic__error_set(MOSAIC_EFORMAT, "%s: \"%s\" is not %s", where,
                             field, want);
}

int meta_string(const json_t *obj, const char *field, const char **out,
                const char *where)
{
    json_t *v = json_object_get(obj, field);

    *out = NULL;
    if (v == NULL || json_is_null(v))
        return 0;
    if (!json_is_string(v))
        return wrong_type(where, field, "a string");
    *out = json_string_value(v);
    return 0;
}

int meta_array(const json_t *obj, const char *field, json_t **out,
               const char *where)
{
    json_t *v = json_object_get(obj, field);

    *out = NULL;
    if (v == NULL || json_is_null(v))
        return 0;
    if (!json_is_array(v))
        return wrong_type(where, field, "an array");
    *out = v;
    return 0;
}

int meta_object(const json_t *obj, const char *field, json_t **out,
                const char *where)
{
    json_t *v = json_object_get(obj, field);

    *out = NULL;
    if (v == NULL || json_is_null(v))
        return 0;
    if (!json_is_object(v))
        return wrong_type(where, field, "an object");
    *out = v;
    return 0;
}

int meta_seconds(const json_t *obj, const char *field, int ms, int64_t *out,
                 const char *where)
{
    json_t *v = json_object_get(obj, field);
    int64_t t;

    *out = 0;
    if (v == NULL || json_is_null(v))
        return 0;
    if (!json_is_integer(v))
        return wrong_type(where, field, "a Unix time (a whole number)");
    t = (int64_t)json_integer_value(v);
    if (ms)
        t = t >= 0 ? t / 1000 : -1;
    if (t < 0 || t > META_SECONDS_MAX)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: \"%s\" is out of range for a date", where,
                                 field);
    *out = t;
    return 1;
}

int meta_need_object(const json_t *item, const char *where)
{
    if (json_is_object(item))
        return 0;
    return mosaic__error_set(MOSAIC_EFORMAT, "%s: not a JSON object", where);
}

static uint64_t hash_str(const char *s, uint64_t seed)
{
    /* The NUL is hashed too, so ("ab", "c") and ("a", "bc") differ. */
    return text_hash64(s ? s : "", s ? strlen(s) + 1 : 1, seed);
}

void meta_key(char out[META_KEY_MAX], const char *prefix, const char *platform,
              int64_t seconds, const char *kind, const char *text)
{
    char when[32];
    uint64_t h;

    snprintf(when, sizeof(when), "%" PRId64, seconds);
    h = hash_str(platform, 0);
    h = hash_str(when, h);
    h = hash_str(kind, h);
    h = hash_str(text, h);
    snprintf(out, META_KEY_MAX, "%s:%s:%016" PRIx64, prefix, when, h);
}

/* The store keeps a place as JSON text: here a JSON string. */
static int place_json(char **out, const char *name)
{
    json_t *v;

    *out = NULL;
    if (name == NULL)
        return 0;
    if ((v = json_string(name)) == NULL ||
        (*out = json_dumps(v, JSON_ENCODE_ANY)) == NULL) {
        json_decref(v);
        return mosaic__error_oom();
    }
    json_decref(v);
    return 0;
}

int meta_store(import_sink *sink, const meta_item *item, const char *where)
{
    mosaic_post p = {0};
    char key[META_KEY_MAX], when[TIME_ISO_LEN];
    char *place = NULL;
    int rc;

    meta_key(key, item->key_prefix, item->platform, item->seconds, item->kind,
             item->text);
    time_format(item->seconds, when);
    p.platform = item->platform;
    p.native_id = item->native_id && item->native_id[0] ? item->native_id : key;
    p.created_at = when;
    p.own = item->own;
    p.kind = item->kind;
    p.visibility = item->visibility ? item->visibility : "public";
    p.text = item->text ? item->text : "";
    if ((rc = place_json(&place, item->place)) < 0)
        return rc;
    p.place = place;
    rc = sink_post(sink, &p, where);
    free(place);
    return rc;
}

const char *meta_basename(const char *path)
{
    const char *slash = strrchr(path, '/');

    return slash ? slash + 1 : path;
}

int meta_is_part(const char *member, const char *stem)
{
    const char *base = meta_basename(member);
    size_t n = strlen(stem), digits;

    if (strncmp(base, stem, n) != 0 || base[n] != '_')
        return 0;
    digits = strspn(base + n + 1, "0123456789");
    return digits > 0 && strcmp(base + n + 1 + digits, ".json") == 0;
}

int meta_is_junk(const char *member)
{
    return strncmp(member, "__MACOSX/", 9) == 0 ||
           strstr(member, "/__MACOSX/") != NULL ||
           strncmp(meta_basename(member), "._", 2) == 0;
}

/* The path component ending just before `end` (which points at a '/'). */
static const char *component_before(const char *path, const char *end,
                                    size_t *len)
{
    const char *start = end;

    while (start > path && start[-1] != '/')
        start--;
    *len = (size_t)(end - start);
    return start;
}

int meta_is_thread(const char *member)
{
    static const char *const folders[] = {"inbox", "archived_threads",
                                          "filtered_threads",
                                          "message_requests", "e2ee_cutover"};
    const char *base = meta_basename(member), *thread, *folder, *above;
    size_t tlen, flen, alen;

    if (meta_is_junk(member) || !meta_is_part(member, "message") ||
        base - member < 2)
        return 0;
    thread = component_before(member, base - 1, &tlen);
    if (tlen == 0 || thread - member < 2)
        return 0;
    folder = component_before(member, thread - 1, &flen);
    if (folder - member < 2)
        return 0;
    above = component_before(member, folder - 1, &alen);
    if (alen != 8 || strncmp(above, "messages", 8) != 0)
        return 0;
    for (size_t i = 0; i < sizeof(folders) / sizeof(folders[0]); i++)
        if (strlen(folders[i]) == flen &&
            strncmp(folder, folders[i], flen) == 0)
            return 1;
    return 0;
}
