/*
 * import_bluesky.c -- a Bluesky repository export (a CAR file, see
 * formats/bluesky.md).  Read twice as a stream: the first pass notes the
 * commit and the MST nodes, the walk from the commit's tree root gives
 * each live record its path, the second pass turns the records into
 * posts (app.bsky.feed.post), reposts and the profile.  Likes, follows
 * and other records are counted as skipped.
 * SPDX-License-Identifier: MIT
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "car.h"
#include "error.h"
#include "import.h"
#include "mst.h"
#include "timefmt.h"

#define BSKY_POST "app.bsky.feed.post/"
#define BSKY_REPOST "app.bsky.feed.repost/"
#define BSKY_PROFILE "app.bsky.actor.profile/self"

struct bsky {
    source *src;
    import_sink *sink;
    mst_index *index;
    car_cid root;       /* the commit */
    car_cid data;       /* the MST root the commit names */
    int have_commit;
    char *did;          /* the account, from the commit */
};

static int starts(const char *s, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);

    return len >= n && memcmp(s, prefix, n) == 0;
}

/* The records this importer reads; the rest are counted as skipped. */
static int bsky_keep(const char *key, size_t len)
{
    return starts(key, len, BSKY_POST) || starts(key, len, BSKY_REPOST) ||
           (len == strlen(BSKY_PROFILE) && starts(key, len, BSKY_PROFILE));
}

static int bsky_detect(source *src)
{
    const char *head;
    size_t len;
    int rc;

    if ((rc = source_plain_head(src, &head, &len)) <= 0)
        return rc;
    return car_sniff((const unsigned char *)head, len);
}

/* The commit: {did, version: 3, data: CID (the MST root), ...}. */
static int bsky_commit(struct bsky *b, const cbor_item_t *c,
                       const char *where)
{
    cbor_item_t *version = dagcbor_get(c, "version");
    int rc;

    if (version == NULL || !cbor_isa_uint(version) ||
        cbor_get_int(version) < 2 || cbor_get_int(version) > 3)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: the root is not a repository commit "
                                 "(version 2 or 3)", where);
    free(b->did);
    if ((rc = dagcbor_text(&b->did, dagcbor_get(c, "did"), where,
                           "the commit's 'did'")) < 0)
        return rc;
    if (rc == 0 || strncmp(b->did, "did:", 4) != 0)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: the commit names no account (did)",
                                 where);
    if ((rc = car_link(&b->data, dagcbor_get(c, "data"), where,
                       "the commit's 'data'")) < 0)
        return rc;
    if (rc == 0)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: the commit names no record tree", where);
    b->have_commit = 1;
    return 0;
}

/* "FILE: block at offset N" for messages. */
static void block_where(char *where, size_t size, const car_reader *r,
                        const car_block *blk)
{
    snprintf(where, size, "%s: block at offset %llu", car_name(r),
             blk->offset);
}

/* First pass: one block; only the commit and MST nodes are decoded. */
static int index_block(struct bsky *b, const car_reader *r,
                       const car_block *blk)
{
    static const unsigned char node_head[] = { 0xa2, 0x61, 'e' };
    cbor_item_t *item = NULL;
    char where[600];
    int is_root = car_cid_equal(&blk->cid, &b->root), rc;

    if (blk->cid.codec != CAR_CODEC_DAG_CBOR)
        return 0;
    if (!is_root && (blk->len < sizeof(node_head) ||
                     memcmp(blk->data, node_head, sizeof(node_head)) != 0))
        return 0; /* a record: read in the second pass */
    block_where(where, sizeof(where), r, blk);
    if ((rc = dagcbor_load(&item, blk->data, blk->len, where)) < 0)
        return rc;
    if (is_root)
        rc = bsky_commit(b, item, where);
    else if (mst_is_node(item))
        rc = mst_index_add(b->index, &blk->cid, item, where);
    cbor_decref(&item);
    return rc;
}

static int bsky_open(struct bsky *b, car_reader **out)
{
    instream *in = NULL;
    int rc;

    if ((rc = source_open_stream(b->src, NULL, &in)) < 0 ||
        (rc = car_open(out, in)) < 0)
        return rc;
    if (b->have_commit && !car_cid_equal(car_root(*out), &b->root)) {
        car_close(*out);
        *out = NULL;
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: changed while being read",
                                 source_path(b->src));
    }
    b->root = *car_root(*out);
    return 0;
}

static int bsky_index(struct bsky *b)
{
    car_reader *r = NULL;
    car_block blk;
    mst_walk_stats st;
    int rc;

    if ((rc = bsky_open(b, &r)) < 0)
        return rc;
    while ((rc = car_next(r, &blk)) > 0)
        if ((rc = index_block(b, r, &blk)) < 0)
            break;
    car_close(r);
    if (rc < 0)
        return rc;
    if (!b->have_commit)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: the commit the header names is not in "
                                 "the file", source_path(b->src));
    if ((rc = mst_index_walk(b->index, &b->data, &st)) < 0)
        return rc;
    if (st.missing > 0)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: %zu nodes of the record tree are not "
                                 "in the file (truncated?)",
                                 source_path(b->src), st.missing);
    return 0;
}

/* The strings a record's post holds, freed together. */
struct bsky_strings {
    char *s[8];
    size_t n;
};

static void strings_free(struct bsky_strings *ss)
{
    for (size_t i = 0; i < ss->n; i++)
        free(ss->s[i]);
}

/* A text field at `keys` under `rec`: 0 (*out may be NULL) or <0. */
static int field(const char **out, struct bsky_strings *ss,
                 const cbor_item_t *rec, const char *const *keys,
                 const char *where)
{
    char name[128] = "", *s = NULL;
    int rc;

    for (size_t i = 0; keys[i]; i++) /* "reply.parent.uri" */
        snprintf(name + strlen(name), sizeof(name) - strlen(name), "%s%s",
                 i ? "." : "", keys[i]);
    rc = dagcbor_text(&s, dagcbor_path(rec, keys), where, name);

    *out = s;
    if (s)
        ss->s[ss->n++] = s;
    return rc < 0 ? rc : 0;
}

static int created_at(char *when, const cbor_item_t *rec, const char *where)
{
    static const char *const k[] = { "createdAt", NULL };
    struct bsky_strings ss = { { 0 }, 0 };
    const char *s;
    int rc;

    if ((rc = field(&s, &ss, rec, k, where)) < 0)
        goto done;
    if (s == NULL || time_normalise(s, when) < 0)
        rc = mosaic__error_set(MOSAIC_EFORMAT,
                               "%s: createdAt is missing or not a date",
                               where);
done:
    strings_free(&ss);
    return rc;
}

/* Append the non-empty alt text of one image (or video) to `alts`. */
static int alt_add(json_t *alts, const cbor_item_t *image, const char *where)
{
    char *alt = NULL;
    int rc = dagcbor_text(&alt, dagcbor_get(image, "alt"), where, "alt");

    if (rc > 0 && alt[0] && json_array_append_new(alts, json_string(alt)))
        rc = mosaic__error_oom();
    free(alt);
    return rc < 0 ? rc : 0;
}

/* The alt texts of an embed's media as a JSON array (NULL if none). */
static int alt_texts(char **out, const cbor_item_t *media, const char *where)
{
    cbor_item_t *images = dagcbor_get(media, "images");
    json_t *alts = json_array();
    int rc = 0;

    *out = NULL;
    if (alts == NULL)
        return mosaic__error_oom();
    if (images && cbor_isa_array(images)) {
        for (size_t i = 0; i < cbor_array_size(images) && rc == 0; i++)
            rc = alt_add(alts, cbor_array_handle(images)[i], where);
    } else if (dagcbor_get(media, "video")) {
        rc = alt_add(alts, media, where);
    }
    if (rc == 0 && json_array_size(alts) > 0 &&
        (*out = json_dumps(alts, JSON_COMPACT)) == NULL)
        rc = mosaic__error_oom();
    json_decref(alts);
    return rc;
}

/* The quoted post and the media of a post's embed. */
static int post_embed(mosaic_post *p, struct bsky_strings *ss,
                      const cbor_item_t *rec, const char *where)
{
    static const char *const quote[] = { "record", "uri", NULL };
    static const char *const quote_media[] = { "record", "record", "uri",
                                               NULL };
    cbor_item_t *embed = dagcbor_get(rec, "embed");
    cbor_item_t *type = dagcbor_get(embed, "$type");
    const cbor_item_t *media = embed;
    char *alts = NULL;
    int rc = 0;

    if (embed == NULL)
        return 0;
    if (dagcbor_text_is(type, "app.bsky.embed.record")) {
        rc = field(&p->quote_of, ss, embed, quote, where);
        media = NULL;
    } else if (dagcbor_text_is(type, "app.bsky.embed.recordWithMedia")) {
        rc = field(&p->quote_of, ss, embed, quote_media, where);
        media = dagcbor_get(embed, "media");
    }
    if (rc == 0 && media && (rc = alt_texts(&alts, media, where)) == 0 &&
        alts) {
        p->alt_texts = alts;
        ss->s[ss->n++] = alts;
    }
    return rc;
}

static int bsky_post(struct bsky *b, const char *id, const cbor_item_t *rec,
                     const char *where)
{
    static const char *const text[] = { "text", NULL };
    static const char *const parent[] = { "reply", "parent", "uri", NULL };
    static const char *const root[] = { "reply", "root", "uri", NULL };
    struct bsky_strings ss = { { 0 }, 0 };
    mosaic_post p = { 0 };
    char when[TIME_ISO_LEN];
    int rc;

    p.platform = "bluesky";
    p.native_id = id;
    p.own = 1;
    p.visibility = "public";
    if ((rc = created_at(when, rec, where)) < 0 ||
        (rc = field(&p.text, &ss, rec, text, where)) < 0 ||
        (rc = field(&p.reply_to, &ss, rec, parent, where)) < 0 ||
        (rc = field(&p.thread_root, &ss, rec, root, where)) < 0 ||
        (rc = post_embed(&p, &ss, rec, where)) < 0)
        goto done;
    if (p.text == NULL) {
        rc = mosaic__error_set(MOSAIC_EFORMAT, "%s: a post without text",
                               where);
        goto done;
    }
    p.created_at = when;
    p.kind = p.reply_to ? "reply" : p.quote_of ? "quote" : "post";
    rc = sink_post(b->sink, &p, where);
done:
    strings_free(&ss);
    return rc;
}

/*
 * A repost: not the user's words, no text.  The reposted post's URI
 * (subject.uri) is checked but not stored as boost_of: the sample's
 * .expected.json (shared fixtures) records Bluesky reposts without it.
 */
static int bsky_repost(struct bsky *b, const char *id,
                       const cbor_item_t *rec, const char *where)
{
    static const char *const subject[] = { "subject", "uri", NULL };
    struct bsky_strings ss = { { 0 }, 0 };
    mosaic_post p = { 0 };
    const char *original;
    char when[TIME_ISO_LEN];
    int rc;

    p.platform = "bluesky";
    p.native_id = id;
    p.kind = "repost";
    p.visibility = "public";
    if ((rc = created_at(when, rec, where)) < 0 ||
        (rc = field(&original, &ss, rec, subject, where)) < 0)
        goto done;
    if (original == NULL) {
        rc = mosaic__error_set(MOSAIC_EFORMAT,
                               "%s: a repost without a subject", where);
        goto done;
    }
    p.created_at = when;
    rc = sink_post(b->sink, &p, where);
done:
    strings_free(&ss);
    return rc;
}

/* Put a text field of the profile record into `extra` as `name`. */
static int extra_add(json_t *extra, const char *name, const cbor_item_t *rec,
                     const char *const *keys, const char *where)
{
    struct bsky_strings ss = { { 0 }, 0 };
    const char *s;
    int rc = field(&s, &ss, rec, keys, where);

    if (rc == 0 && s && json_object_set_new(extra, name, json_string(s)))
        rc = mosaic__error_oom();
    strings_free(&ss);
    return rc;
}

static int bsky_profile(struct bsky *b, const cbor_item_t *rec,
                        const char *where)
{
    static const char *const name[] = { "displayName", NULL };
    static const char *const bio[] = { "description", NULL };
    static const char *const since[] = { "createdAt", NULL };
    static const char *const pinned[] = { "pinnedPost", "uri", NULL };
    struct bsky_strings ss = { { 0 }, 0 };
    mosaic_profile p = { 0 };
    json_t *extra = json_object();
    char *extra_text = NULL;
    int rc;

    if (extra == NULL)
        return mosaic__error_oom();
    p.platform = "bluesky";
    if ((rc = field(&p.display_name, &ss, rec, name, where)) < 0 ||
        (rc = field(&p.bio, &ss, rec, bio, where)) < 0 ||
        (rc = extra_add(extra, "created_at", rec, since, where)) < 0 ||
        (rc = extra_add(extra, "pinned_post", rec, pinned, where)) < 0)
        goto done;
    if (json_object_set_new(extra, "did", json_string(b->did)) ||
        (extra_text = json_dumps(extra, JSON_COMPACT)) == NULL) {
        rc = mosaic__error_oom();
        goto done;
    }
    p.extra = extra_text;
    rc = sink_profile(b->sink, &p);
done:
    free(extra_text);
    json_decref(extra);
    strings_free(&ss);
    return rc;
}

/* One record at `path` ("app.bsky.feed.post/3kd7452m4hc2b"). */
static int bsky_record(struct bsky *b, const char *path,
                       const cbor_item_t *rec, const char *block)
{
    char where[1200], *id = NULL;
    int rc;

    snprintf(where, sizeof(where), "%s (%s)", block, path);
    if (!cbor_isa_map(rec))
        return mosaic__error_set(MOSAIC_EFORMAT, "%s: not a record", where);
    if (strcmp(path, BSKY_PROFILE) == 0)
        return bsky_profile(b, rec, where);
    if ((id = malloc(strlen(b->did) + strlen(path) + 7)) == NULL)
        return mosaic__error_oom();
    sprintf(id, "at://%s/%s", b->did, path);
    rc = strncmp(path, BSKY_POST, strlen(BSKY_POST)) == 0
             ? bsky_post(b, id, rec, where)
             : bsky_repost(b, id, rec, where);
    free(id);
    return rc;
}

/* Second pass: one block; records with a kept path are read. */
static int read_block(struct bsky *b, const car_reader *r,
                      const car_block *blk)
{
    cbor_item_t *rec = NULL;
    const char *path;
    char where[600];
    int rc = 0;

    if (blk->cid.codec != CAR_CODEC_DAG_CBOR)
        return 0;
    block_where(where, sizeof(where), r, blk);
    while (rc == 0 && mst_index_next_path(b->index, &blk->cid, &path)) {
        if (path == NULL) {
            sink_skip(b->sink); /* a like, a follow, a block, a list... */
            continue;
        }
        if (rec == NULL &&
            (rc = dagcbor_load(&rec, blk->data, blk->len, where)) < 0)
            break;
        rc = bsky_record(b, path, rec, where);
    }
    if (rec)
        cbor_decref(&rec);
    return rc;
}

static int bsky_records(struct bsky *b)
{
    car_reader *r = NULL;
    car_block blk;
    int rc;

    if ((rc = bsky_open(b, &r)) < 0)
        return rc;
    while ((rc = car_next(r, &blk)) > 0)
        if ((rc = read_block(b, r, &blk)) < 0)
            break;
    car_close(r);
    if (rc == 0 && mst_index_unread(b->index) > 0)
        rc = mosaic__error_set(MOSAIC_EFORMAT,
                               "%s: %zu records the tree names are not in "
                               "the file (truncated?)",
                               source_path(b->src),
                               mst_index_unread(b->index));
    return rc;
}

static int bsky_read(source *src, import_sink *sink)
{
    struct bsky b = { .src = src, .sink = sink };
    int rc;

    if (strcmp(source_path(src), "<stdin>") == 0)
        return mosaic__error_set(MOSAIC_ERROR,
                                 "<stdin>: a Bluesky CAR is read twice; "
                                 "save it to a file and import that");
    if ((rc = mst_index_new(&b.index, bsky_keep)) < 0 ||
        (rc = bsky_index(&b)) < 0 || (rc = bsky_records(&b)) < 0)
        goto done;
done:
    mst_index_free(b.index);
    free(b.did);
    return rc;
}

const struct importer importer_bluesky = {
    "bluesky", "Bluesky repository export (.car, CAR v1)", bsky_detect,
    bsky_read,
};
