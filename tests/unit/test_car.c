/* test_car.c -- the Bluesky CAR reader: varints, CIDs, DAG-CBOR shape
 * checks, and hostile repositories (truncated, flipped, huge lengths,
 * wrong field types): each one an error, never a crash, in bounded time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "car.h"
#include "dagcbor.h"
#include "mosaic.h"
#include "sha256.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define SAMPLE "tests/fixtures/archives/bluesky-sample.car"

static char dir[] = "/tmp/mosaic-test-car-XXXXXX";
static char car_path[256], db_path[256];
static mosaic_store *store;
static unsigned char *sample;
static size_t sample_len;

static unsigned char *slurp(const char *p, size_t *len)
{
    FILE *f = fopen(p, "rb");
    unsigned char *buf = NULL;
    long n;

    if (f == NULL)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) > 0 &&
        fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n)) != NULL &&
        fread(buf, 1, (size_t)n, f) == (size_t)n)
        *len = (size_t)n;
    fclose(f);
    return buf;
}

static int sandbox_up(void **state)
{
    char alt[512];

    (void)state;
    if (mkdtemp(dir) == NULL)
        return -1;
    snprintf(car_path, sizeof(car_path), "%s/repo.car", dir);
    snprintf(db_path, sizeof(db_path), "%s/history.db", dir);
    /* run from the top of the tree, or find it from this file's path */
    snprintf(alt, sizeof(alt), "%.*s/" SAMPLE,
             (int)(strlen(__FILE__) - strlen("/tests/unit/test_car.c")),
             __FILE__);
    if ((sample = slurp(SAMPLE, &sample_len)) == NULL &&
        (sample = slurp(alt, &sample_len)) == NULL)
        return -1;
    return mosaic_store_open(&store, db_path);
}

static int sandbox_down(void **state)
{
    char cmd[300];

    (void)state;
    mosaic_store_close(store);
    free(sample);
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    return system(cmd);
}

static void write_bytes(const void *data, size_t len)
{
    FILE *f = fopen(car_path, "wb");

    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
}

/* Import car_path; the return code (the store is left unchanged on
 * failure, so every case starts from the same store). */
static int import_car(mosaic_import_stats *st)
{
    static const mosaic_import_options bsky = { MOSAIC_IMPORT_OPTIONS_VERSION,
                                                "bluesky", 0 };
    return mosaic_import(st, store, car_path, &bsky);
}

/* ---- varints and CIDs ---- */

static const struct {
    const char *name;
    const char *bytes;
    size_t len;
    int rc;
    uint64_t value;
    size_t used;
} varints[] = {
    { "zero", "\x00", 1, 1, 0, 1 },
    { "one byte", "\x7f", 1, 1, 127, 1 },
    { "two bytes", "\xac\x02", 2, 1, 300, 2 },
    { "stops at the end bit", "\x01\xff", 2, 1, 1, 1 },
    { "nine bytes, the largest",
      "\xff\xff\xff\xff\xff\xff\xff\xff\x7f", 9, 1, 0x7fffffffffffffffULL, 9 },
    { "ten bytes", "\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", 10, -1, 0, 0 },
    { "padded, not minimal", "\x80\x00", 2, -1, 0, 0 },
    { "cut short", "\x80\x80", 2, 0, 0, 0 },
    { "empty", "", 0, 0, 0, 0 },
};

static void test_car_varint_cases(void **state)
{
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(varints); i++) {
        uint64_t v = 0;
        size_t used = 0;
        int rc = car_varint(&v, &used,
                            (const unsigned char *)varints[i].bytes,
                            varints[i].len);
        if (rc != varints[i].rc)
            fail_msg("%s: returned %d, want %d", varints[i].name, rc,
                     varints[i].rc);
        if (rc == 1 && (v != varints[i].value || used != varints[i].used))
            fail_msg("%s: read %llu in %zu bytes, want %llu in %zu",
                     varints[i].name, (unsigned long long)v, used,
                     (unsigned long long)varints[i].value, varints[i].used);
    }
}

#define DIGEST "0123456789abcdef0123456789abcdef"

static const struct {
    const char *name;
    const char *bytes;
    size_t len;
    int ok;
} cids[] = {
    { "CIDv1 dag-cbor sha2-256", "\x01\x71\x12\x20" DIGEST, 36, 1 },
    { "CIDv1 raw (a blob)", "\x01\x55\x12\x20" DIGEST, 36, 1 },
    { "CIDv0", "\x12\x20" DIGEST, 34, 0 },
    { "version 2", "\x02\x71\x12\x20" DIGEST, 36, 0 },
    { "dag-pb codec", "\x01\x70\x12\x20" DIGEST, 36, 0 },
    { "sha1", "\x01\x71\x11\x14" DIGEST, 24, 0 },
    { "short digest length", "\x01\x71\x12\x10" DIGEST, 20, 0 },
    { "digest cut short", "\x01\x71\x12\x20" "0123", 8, 0 },
    { "codec varint cut short", "\x01\xf1", 2, 0 },
    { "empty", "", 0, 0 },
};

static void test_car_cid_cases(void **state)
{
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cids); i++) {
        car_cid c;
        size_t used = 0;
        const char *why = car_cid_parse(
            &c, &used, (const unsigned char *)cids[i].bytes, cids[i].len);
        if (cids[i].ok && (why || used != 36 ||
                           memcmp(c.digest, DIGEST, 32) != 0))
            fail_msg("%s: refused (%s)", cids[i].name, why ? why : "-");
        if (!cids[i].ok && why == NULL)
            fail_msg("%s: accepted", cids[i].name);
    }
}

/* ---- DAG-CBOR shape ---- */

static const struct {
    const char *name;
    const char *bytes;
    size_t len;
    int ok;
} shapes[] = {
    { "a map", "\xa1\x61k\x01", 4, 1 },
    { "a CID link", "\xd8\x2a\x42\x00\x01", 5, 1 },
    { "a float64", "\xfb\x3f\xf0\0\0\0\0\0\0", 9, 1 },
    { "empty", "", 0, 0 },
    { "two items", "\x01\x02", 2, 0 },
    { "indefinite array", "\x9f\x01\xff", 3, 0 },
    { "indefinite text", "\x7f\x61k\xff", 4, 0 },
    { "tag other than 42", "\xc0\x61k", 3, 0 },
    { "half float", "\xf9\x3c\x00", 3, 0 },
    { "undefined", "\xf7", 1, 0 },
    { "array of 2^64-1 items", "\x9b\xff\xff\xff\xff\xff\xff\xff\xff\x01",
      10, 0 },
    { "map of 2^32 pairs", "\xbb\x00\x00\x00\x01\x00\x00\x00\x00", 9, 0 },
    { "array of 5, 1 given", "\x85\x01", 2, 0 },
    { "text past the end", "\x78\xff" "abc", 5, 0 },
    { "cut inside a map", "\xa2\x61k\x01\x61j", 5, 0 },
    { "not CBOR (reserved)", "\x1c", 1, 0 },
};

static void test_dagcbor_shape_cases(void **state)
{
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(shapes); i++) {
        cbor_item_t *item = NULL;
        int rc = dagcbor_load(&item, (const unsigned char *)shapes[i].bytes,
                              shapes[i].len, shapes[i].name);
        if (item)
            cbor_decref(&item);
        if (shapes[i].ok && rc != 0)
            fail_msg("%s: refused: %s", shapes[i].name,
                     mosaic_error_last()->message);
        if (!shapes[i].ok && rc != MOSAIC_EFORMAT)
            fail_msg("%s: returned %d, want MOSAIC_EFORMAT", shapes[i].name,
                     rc);
    }
}

static void test_dagcbor_deep_nesting_refused(void **state)
{
    unsigned char deep[100000];
    cbor_item_t *item = NULL;

    (void)state;
    memset(deep, 0x81, sizeof(deep)); /* [[[[...]]]] */
    deep[sizeof(deep) - 1] = 0x00;
    assert_int_equal(dagcbor_load(&item, deep, sizeof(deep), "deep"),
                     MOSAIC_EFORMAT);
    assert_null(item);
    assert_non_null(strstr(mosaic_error_last()->message, "nested"));
}

/* ---- the sample, cut and flipped ---- */

static void test_car_sample_imports(void **state)
{
    mosaic_import_stats st;

    (void)state;
    write_bytes(sample, sample_len);
    assert_int_equal(import_car(&st), 0);
    assert_int_equal(st.seen, 6);      /* five posts and a repost */
    assert_int_equal(st.skipped, 2);   /* a like and a follow */
    assert_int_equal(st.profile, 1);
}

static void test_car_truncated_anywhere_is_an_error(void **state)
{
    clock_t start = clock();

    (void)state;
    for (size_t cut = 0; cut < sample_len; cut++) {
        write_bytes(sample, cut);
        if (import_car(NULL) >= 0)
            fail_msg("cut at %zu of %zu: imported", cut, sample_len);
    }
    assert_true((clock() - start) / CLOCKS_PER_SEC < 60);
}

static void test_car_flipped_byte_is_an_error(void **state)
{
    unsigned char *copy = malloc(sample_len);

    (void)state;
    assert_non_null(copy);
    for (size_t at = 0; at < sample_len; at++) {
        memcpy(copy, sample, sample_len);
        copy[at] ^= 0xff;
        write_bytes(copy, sample_len);
        if (import_car(NULL) >= 0)
            fail_msg("byte %zu flipped: imported", at);
    }
    free(copy);
}

/* The sample's header, then `tail` in place of its blocks. */
static void write_header_then(const char *tail, size_t tlen)
{
    unsigned char buf[256];
    size_t hlen = (size_t)sample[0] + 1; /* one-byte varint: 58 */

    assert_true(hlen + tlen <= sizeof(buf));
    memcpy(buf, sample, hlen);
    memcpy(buf + hlen, tail, tlen);
    write_bytes(buf, hlen + tlen);
}

static const struct {
    const char *name;
    const char *tail;
    size_t len;
    int rc;
} bad_blocks[] = {
    { "length 2^62", "\x80\x80\x80\x80\x80\x80\x80\x80\x40", 9,
      MOSAIC_ETOOBIG },
    { "length just over the cap", "\x81\x80\x80\x02", 4, MOSAIC_ETOOBIG },
    { "ten-byte length", "\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", 10,
      MOSAIC_EFORMAT },
    { "length past the end", "\xe8\x07\x01\x71\x12\x20" DIGEST, 38,
      MOSAIC_EFORMAT },
    { "length zero", "\x00", 1, MOSAIC_EFORMAT },
    { "CID of unknown codec", "\x26\x01\x70\x12\x20" DIGEST "ab", 39,
      MOSAIC_EFORMAT },
    { "CIDv0", "\x24\x12\x20" DIGEST "ab", 37, MOSAIC_EFORMAT },
    { "data not matching the CID", "\x26\x01\x71\x12\x20" DIGEST "ab", 39,
      MOSAIC_EFORMAT },
    { "no blocks at all", "", 0, MOSAIC_EFORMAT },
};

static void test_car_bad_block_cases(void **state)
{
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(bad_blocks); i++) {
        int rc;
        write_header_then(bad_blocks[i].tail, bad_blocks[i].len);
        rc = import_car(NULL);
        if (rc != bad_blocks[i].rc)
            fail_msg("%s: returned %d, want %d (%s)", bad_blocks[i].name, rc,
                     bad_blocks[i].rc, mosaic_error_last()->message);
        if (strstr(mosaic_error_last()->message, car_path) == NULL)
            fail_msg("%s: the error does not name the file: %s",
                     bad_blocks[i].name, mosaic_error_last()->message);
    }
}

/* ---- a repository built here, with one record ---- */

struct car_out {
    unsigned char buf[8192];
    size_t len;
};

static void put_varint(struct car_out *o, uint64_t v)
{
    do {
        o->buf[o->len++] = (unsigned char)((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
        v >>= 7;
    } while (v);
}

/* Append `item` as a block; *cid names it. */
static void put_block(struct car_out *o, cbor_item_t *item, car_cid *cid)
{
    unsigned char *data = NULL;
    size_t size = 0, len = cbor_serialize_alloc(item, &data, &size);

    assert_true(len > 0 && o->len + len + 50 < sizeof(o->buf));
    cid->codec = CAR_CODEC_DAG_CBOR;
    sha256(cid->digest, data, len);
    put_varint(o, len + 36);
    memcpy(o->buf + o->len, "\x01\x71\x12\x20", 4);
    memcpy(o->buf + o->len + 4, cid->digest, 32);
    memcpy(o->buf + o->len + 36, data, len);
    o->len += 36 + len;
    free(data);
    cbor_decref(&item);
}

static cbor_item_t *text(const char *s)
{
    return cbor_move(cbor_build_string(s));
}

static void put(cbor_item_t *map, const char *key, cbor_item_t *value)
{
    assert_true(cbor_map_add(map, (struct cbor_pair){ text(key), value }));
}

static cbor_item_t *link_to(const car_cid *cid)
{
    unsigned char b[37] = { 0x00, 0x01, CAR_CODEC_DAG_CBOR, 0x12, 0x20 };

    memcpy(b + 5, cid->digest, 32);
    return cbor_move(
        cbor_build_tag(42, cbor_move(cbor_build_bytestring(b, sizeof(b)))));
}

static void append(struct car_out *o, const struct car_out *part)
{
    assert_true(o->len + part->len <= sizeof(o->buf));
    memcpy(o->buf + o->len, part->buf, part->len);
    o->len += part->len;
}

/* How write_tree departs from a sound repository. */
struct tree_shape {
    const char *name;
    int omit;          /* 1: leave out the record block, 2: the node */
    unsigned p2;       /* a second entry: prefix length... */
    const char *k2;    /* ...and key suffix (NULL: none) */
};

static cbor_item_t *mst_entry(unsigned p, const char *k, const car_cid *v)
{
    cbor_item_t *entry = cbor_new_definite_map(4);

    put(entry, "k", cbor_move(cbor_build_bytestring(
                        (const unsigned char *)k, strlen(k))));
    put(entry, "p", cbor_move(cbor_build_uint8((uint8_t)p)));
    put(entry, "t", cbor_move(cbor_new_null()));
    put(entry, "v", link_to(v));
    return cbor_move(entry);
}

static void write_tree(cbor_item_t *record, const char *path,
                       const struct tree_shape *shape);

/* Write a CAR: commit, one MST node, the record (owned) at `path`. */
static void write_repo(cbor_item_t *record, const char *path)
{
    static const struct tree_shape sound = { "sound", 0, 0, NULL };

    write_tree(record, path, &sound);
}

static void write_tree(cbor_item_t *record, const char *path,
                       const struct tree_shape *shape)
{
    static struct car_out out, rec_block, node_block, commit_block;
    cbor_item_t *node = cbor_new_definite_map(2), *list, *commit;
    cbor_item_t *header = cbor_new_definite_map(2), *roots;
    car_cid rec, tree, root;
    unsigned char *h = NULL;
    size_t hsize = 0, hlen;

    out.len = rec_block.len = node_block.len = commit_block.len = 0;
    put_block(&rec_block, record, &rec);
    list = cbor_new_definite_array(2);
    assert_true(cbor_array_push(list, mst_entry(0, path, &rec)));
    if (shape->k2)
        assert_true(cbor_array_push(list, mst_entry(shape->p2, shape->k2,
                                                    &rec)));
    put(node, "e", cbor_move(list));
    put(node, "l", cbor_move(cbor_new_null()));
    put_block(&node_block, node, &tree);
    commit = cbor_new_definite_map(3);
    put(commit, "did", text("did:plc:test"));
    put(commit, "version", cbor_move(cbor_build_uint8(3)));
    put(commit, "data", link_to(&tree));
    put_block(&commit_block, commit, &root);
    roots = cbor_new_definite_array(1);
    assert_true(cbor_array_push(roots, link_to(&root)));
    put(header, "roots", cbor_move(roots));
    put(header, "version", cbor_move(cbor_build_uint8(1)));
    hlen = cbor_serialize_alloc(header, &h, &hsize);
    cbor_decref(&header);
    put_varint(&out, hlen);
    memcpy(out.buf + out.len, h, hlen);
    out.len += hlen;
    free(h);
    append(&out, &commit_block);
    if (shape->omit != 2)
        append(&out, &node_block);
    if (shape->omit != 1)
        append(&out, &rec_block);
    write_bytes(out.buf, out.len);
}

/* A post record with field `bad` replaced by `value` (NULL: left out). */
static cbor_item_t *post_with(const char *bad, cbor_item_t *value)
{
    static const char *const fields[] = { "text", "createdAt", "reply",
                                          "embed" };
    cbor_item_t *rec = cbor_new_definite_map(5);

    put(rec, "$type", text("app.bsky.feed.post"));
    for (size_t i = 0; i < ARRAY_SIZE(fields); i++) {
        if (bad && strcmp(fields[i], bad) == 0) {
            if (value)
                put(rec, fields[i], value);
        } else if (i == 0) {
            put(rec, "text", text("a heron on the same stone"));
        } else if (i == 1) {
            put(rec, "createdAt", text("2024-03-01T08:00:00.000Z"));
        }
    }
    return rec;
}

static cbor_item_t *nested(int depth)
{
    cbor_item_t *v = cbor_move(cbor_build_uint8(1));

    for (int i = 0; i < depth; i++) {
        cbor_item_t *a = cbor_new_definite_array(1);
        assert_true(cbor_array_push(a, v));
        v = cbor_move(a);
    }
    return v;
}

static cbor_item_t *reply_with_number(void)
{
    cbor_item_t *parent = cbor_new_definite_map(1), *reply;

    put(parent, "uri", cbor_move(cbor_build_uint8(7)));
    reply = cbor_new_definite_map(1);
    put(reply, "parent", cbor_move(parent));
    return cbor_move(reply);
}

static cbor_item_t *images_with_number_alt(void)
{
    cbor_item_t *img = cbor_new_definite_map(1), *list, *embed;

    put(img, "alt", cbor_move(cbor_build_uint8(3)));
    list = cbor_new_definite_array(1);
    assert_true(cbor_array_push(list, cbor_move(img)));
    embed = cbor_new_definite_map(2);
    put(embed, "$type", text("app.bsky.embed.images"));
    put(embed, "images", cbor_move(list));
    return cbor_move(embed);
}

static void test_car_built_repo_imports(void **state)
{
    mosaic_import_stats st;

    (void)state;
    write_repo(post_with(NULL, NULL), "app.bsky.feed.post/3kmmn3nllyk2b");
    assert_int_equal(import_car(&st), 0);
    assert_int_equal(st.seen, 1);
    write_repo(post_with(NULL, NULL), "app.bsky.feed.like/3kmmn3nllyk2b");
    assert_int_equal(import_car(&st), MOSAIC_EFORMAT); /* nothing to read */
}

static void test_car_bad_record_cases(void **state)
{
    static const char *const names[] = {
        "text is a number", "text is missing", "text is not UTF-8",
        "createdAt is not a date", "createdAt is a list",
        "text nested 40 deep", "reply parent uri is a number",
        "image alt is a number", "text is a float (libcbor asserted)",
        "createdAt is a float",
    };
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
        cbor_item_t *rec = NULL;
        int rc;
        switch (i) {
        case 0: rec = post_with("text", cbor_move(cbor_build_uint8(5))); break;
        case 1: rec = post_with("text", NULL); break;
        case 2: rec = post_with("text", text("bad \xc3\x28 utf-8")); break;
        case 3: rec = post_with("createdAt", text("last Tuesday")); break;
        case 4: rec = post_with("createdAt", nested(1)); break;
        case 5: rec = post_with("text", nested(40)); break;
        case 6: rec = post_with("reply", reply_with_number()); break;
        case 7: rec = post_with("embed", images_with_number_alt()); break;
        case 8: rec = post_with("text", cbor_move(cbor_build_float8(1.5)));
            break;
        default:
            rec = post_with("createdAt", cbor_move(cbor_build_float8(2)));
            break;
        }
        write_repo(rec, "app.bsky.feed.post/3kmmn3nllyk2b");
        rc = import_car(NULL);
        if (rc != MOSAIC_EFORMAT)
            fail_msg("%s: returned %d, want MOSAIC_EFORMAT", names[i], rc);
        if (strstr(mosaic_error_last()->message, "offset") == NULL)
            fail_msg("%s: the error names no block offset: %s", names[i],
                     mosaic_error_last()->message);
    }
}

static const struct tree_shape bad_trees[] = {
    { "the record block missing", 1, 0, NULL },
    { "the tree's root node missing", 2, 0, NULL },
    { "keys out of order", 0, 0, "app.bsky.feed.post/2aaaaaaaaaaaa" },
    { "the same key twice", 0, 0, "app.bsky.feed.post/3kmmn3nllyk2b" },
    { "a prefix longer than the last key", 0, 200, "x" },
    { "a key without a collection", 0, 0, "zzz" },
    { "a key with a space", 0, 19, "3kmmn3nllyk2c x" },
};

static void test_car_bad_tree_cases(void **state)
{
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(bad_trees); i++) {
        int rc;
        write_tree(post_with(NULL, NULL), "app.bsky.feed.post/3kmmn3nllyk2b",
                   &bad_trees[i]);
        rc = import_car(NULL);
        if (rc != MOSAIC_EFORMAT)
            fail_msg("%s: returned %d, want MOSAIC_EFORMAT",
                     bad_trees[i].name, rc);
        if (strstr(mosaic_error_last()->message, car_path) == NULL)
            fail_msg("%s: the error does not name the file: %s",
                     bad_trees[i].name, mosaic_error_last()->message);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_car_varint_cases),
        cmocka_unit_test(test_car_cid_cases),
        cmocka_unit_test(test_dagcbor_shape_cases),
        cmocka_unit_test(test_dagcbor_deep_nesting_refused),
        cmocka_unit_test(test_car_sample_imports),
        cmocka_unit_test(test_car_truncated_anywhere_is_an_error),
        cmocka_unit_test(test_car_flipped_byte_is_an_error),
        cmocka_unit_test(test_car_bad_block_cases),
        cmocka_unit_test(test_car_built_repo_imports),
        cmocka_unit_test(test_car_bad_record_cases),
        cmocka_unit_test(test_car_bad_tree_cases),
    };
    return cmocka_run_group_tests_name("car", tests, sandbox_up,
                                       sandbox_down);
}
