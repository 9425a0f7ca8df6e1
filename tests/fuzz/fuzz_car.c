/*
 * fuzz_car.c -- libFuzzer target for the Bluesky repository reader: the
 * CAR v1 framing, each DAG-CBOR block, the MST nodes and the walk from
 * the commit, as import_bluesky.c uses them (input in memory).
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdlib.h>

#include "car.h"
#include "dagcbor.h"
#include "mst.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int keep_posts(const char *key, size_t len)
{
    (void)key;
    return len > 0;
}

static void read_block(mst_index *ix, const car_block *blk, car_cid *data)
{
    static const char *const text[] = { "text", NULL };
    cbor_item_t *item = NULL;
    char *s = NULL;

    if (blk->cid.codec != CAR_CODEC_DAG_CBOR ||
        dagcbor_load(&item, blk->data, blk->len, "fuzz") < 0)
        return;
    if (mst_is_node(item))
        (void)mst_index_add(ix, &blk->cid, item, "fuzz");
    else if (car_link(data, dagcbor_get(item, "data"), "fuzz", "data") < 0)
        ; /* a bad link is an error, nothing more */
    if (dagcbor_text(&s, dagcbor_path(item, text), "fuzz", "text") > 0)
        free(s);
    (void)dagcbor_text_is(dagcbor_get(item, "$type"), "app.bsky.feed.post");
    cbor_decref(&item);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    instream *in = NULL;
    car_reader *r = NULL;
    mst_index *ix = NULL;
    car_block blk;
    car_cid root = { 0, { 0 } };
    mst_walk_stats st;
    const char *path;

    (void)car_sniff(data, size);
    if (mst_index_new(&ix, keep_posts) < 0)
        return 0;
    if (instream_open_memory(&in, "fuzz", data, size) < 0 ||
        car_open(&r, in) < 0)
        goto done;
    while (car_next(r, &blk) > 0)
        read_block(ix, &blk, &root);
    car_close(r);
    r = NULL;
    if (mst_index_walk(ix, &root, &st) == 0) {
        in = NULL;
        if (instream_open_memory(&in, "fuzz", data, size) < 0 ||
            car_open(&r, in) < 0)
            goto done;
        while (car_next(r, &blk) > 0)
            while (mst_index_next_path(ix, &blk.cid, &path) > 0)
                ;
        (void)mst_index_unread(ix);
    }
done:
    if (r)
        car_close(r);
    mst_index_free(ix);
    return 0;
}
