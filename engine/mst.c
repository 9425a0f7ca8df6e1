/*
 * mst.c -- the record paths of a repository: MST nodes noted as they
 * stream past (prefix-compressed keys expanded, order checked), then a
 * walk from the root marks the live ones.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "mst.h"
#include "strbuf.h"

struct mst_node {
    car_cid cid;
    size_t first_child, nchildren; /* in ix->children */
    size_t first_leaf, nleaves;    /* in ix->leaves */
    int reached;
};

#define MST_NOT_KEPT ((size_t)-1)

struct mst_leaf {
    car_cid cid;   /* the record block */
    size_t key;    /* offset of the key in ix->keys, or MST_NOT_KEPT */
    int emitted;   /* handed out by mst_index_next_path */
};

struct mst_index {
    mst_keep_fn keep;
    struct mst_node *nodes;
    size_t nnodes, cnodes;
    car_cid *children;
    size_t nchildren, cchildren;
    struct mst_leaf *leaves; /* the entries of every node noted */
    size_t nleaves, cleaves;
    struct mst_leaf *live; /* those of reached nodes, sorted by CID */
    size_t nlive;
    strbuf keys;
    size_t entries;
};

/* Make room for one more element of `size` bytes in *arr. */
static int grow(void *arr, size_t *cap, size_t n, size_t size)
{
    void **p = arr, *np;
    size_t ncap = *cap ? *cap * 2 : 64;

    if (n < *cap)
        return 0;
    if ((np = realloc(*p, ncap * size)) == NULL)
        return mosaic__error_oom();
    *p = np;
    *cap = ncap;
    return 0;
}

int mst_index_new(mst_index **out, mst_keep_fn keep)
{
    mst_index *ix = calloc(1, sizeof(*ix));

    *out = NULL;
    if (ix == NULL)
        return mosaic__error_oom();
    ix->keep = keep;
    ix->keys = (strbuf)STRBUF_INIT(MST_KEYS_MAX);
    *out = ix;
    return 0;
}

void mst_index_free(mst_index *ix)
{
    if (ix == NULL)
        return;
    free(ix->nodes);
    free(ix->children);
    free(ix->leaves);
    free(ix->live);
    strbuf_dispose(&ix->keys);
    free(ix);
}

int mst_is_node(const cbor_item_t *item)
{
    return item && cbor_isa_map(item) && cbor_map_size(item) == 2 &&
           dagcbor_get(item, "l") != NULL && dagcbor_get(item, "e") != NULL;
}

static int add_child(mst_index *ix, const car_cid *cid)
{
    int rc = grow(&ix->children, &ix->cchildren, ix->nchildren,
                  sizeof(car_cid));

    if (rc == 0)
        ix->children[ix->nchildren++] = *cid;
    return rc;
}

static int add_leaf(mst_index *ix, const car_cid *cid, const char *key,
                    size_t len)
{
    size_t at = ix->keys.len;
    int rc;

    if ((rc = grow(&ix->leaves, &ix->cleaves, ix->nleaves,
                   sizeof(struct mst_leaf))) < 0)
        return rc;
    if (!ix->keep(key, len))
        at = MST_NOT_KEPT;
    else if ((rc = strbuf_put(&ix->keys, key, len)) < 0 ||
        (rc = strbuf_putc(&ix->keys, '\0')) < 0)
        return rc == MOSAIC_ETOOBIG
                   ? mosaic__error_set(MOSAIC_ETOOBIG,
                                       "the repository's record paths pass "
                                       "%u bytes (refused)", MST_KEYS_MAX)
                   : rc;
    ix->leaves[ix->nleaves].cid = *cid;
    ix->leaves[ix->nleaves].key = at;
    ix->leaves[ix->nleaves].emitted = 0;
    ix->nleaves++;
    return 0;
}

/* A key is printable ASCII with a '/' between collection and rkey. */
static int key_ok(const char *key, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (key[i] <= 0x20 || key[i] >= 0x7f)
            return 0;
    return len > 2 && memchr(key, '/', len) != NULL;
}

/* Expand entry i's key into `key` (holding the previous key). */
static int entry_key(char *key, size_t *klen, const cbor_item_t *e,
                     const char *where)
{
    cbor_item_t *p = dagcbor_get(e, "p"), *k = dagcbor_get(e, "k");
    uint64_t prefix;
    size_t suffix;

    if (p == NULL || !cbor_isa_uint(p) || k == NULL ||
        !cbor_isa_bytestring(k) || !cbor_bytestring_is_definite(k))
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: an MST entry without 'p' and 'k'",
                                 where);
    prefix = cbor_get_int(p);
    suffix = cbor_bytestring_length(k);
    if (prefix > *klen || suffix > MST_KEY_MAX - prefix)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: an MST key with a bad prefix or "
                                 "length", where);
    if (suffix > 0)
        memcpy(key + prefix, cbor_bytestring_handle(k), suffix);
    *klen = (size_t)prefix + suffix;
    if (!key_ok(key, *klen))
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: an MST key that is not a record path",
                                 where);
    return 0;
}

/* Compare two keys as the MST orders them (bytewise). */
static int key_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
    int c = memcmp(a, b, alen < blen ? alen : blen);

    return c ? c : (alen > blen) - (alen < blen);
}

static int add_entry(mst_index *ix, const cbor_item_t *e, char *key,
                     size_t *klen, const char *where)
{
    car_cid v, t;
    char prev[MST_KEY_MAX];
    size_t plen = *klen;
    int rc;

    if (++ix->entries > MST_ENTRIES_MAX)
        return mosaic__error_set(MOSAIC_ETOOBIG,
                                 "%s: the repository has more than %u "
                                 "records and tree nodes (refused)", where,
                                 MST_ENTRIES_MAX);
    memcpy(prev, key, plen);
    if ((rc = entry_key(key, klen, e, where)) < 0)
        return rc;
    if (plen > 0 && key_cmp(key, *klen, prev, plen) <= 0)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: MST keys out of order", where);
    if ((rc = car_link(&v, dagcbor_get(e, "v"), where, "MST entry 'v'")) <
        0)
        return rc;
    if (rc == 0)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: an MST entry without a record", where);
    if ((rc = car_link(&t, dagcbor_get(e, "t"), where, "MST entry 't'")) <
            0 ||
        (rc == 1 && (rc = add_child(ix, &t)) < 0))
        return rc;
    return add_leaf(ix, &v, key, *klen);
}

int mst_index_add(mst_index *ix, const car_cid *cid, const cbor_item_t *node,
                  const char *where)
{
    cbor_item_t *e = dagcbor_get(node, "e");
    struct mst_node *n;
    char key[MST_KEY_MAX];
    size_t klen = 0;
    car_cid l;
    int rc;

    if (e == NULL || !cbor_isa_array(e))
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: MST node 'e' is not a list", where);
    if (++ix->entries > MST_ENTRIES_MAX) /* nodes count too: empty ones */
        return mosaic__error_set(MOSAIC_ETOOBIG,
                                 "%s: the repository has more than %u "
                                 "records and tree nodes (refused)", where,
                                 MST_ENTRIES_MAX);
    if ((rc = grow(&ix->nodes, &ix->cnodes, ix->nnodes,
                   sizeof(struct mst_node))) < 0)
        return rc;
    n = &ix->nodes[ix->nnodes];
    n->cid = *cid;
    n->first_child = ix->nchildren;
    n->first_leaf = ix->nleaves;
    n->reached = 0;
    if ((rc = car_link(&l, dagcbor_get(node, "l"), where, "MST node 'l'")) <
            0 ||
        (rc == 1 && (rc = add_child(ix, &l)) < 0))
        return rc;
    for (size_t i = 0; i < cbor_array_size(e); i++)
        if ((rc = add_entry(ix, cbor_array_handle(e)[i], key, &klen,
                            where)) < 0)
            return rc;
    n->nchildren = ix->nchildren - n->first_child;
    n->nleaves = ix->nleaves - n->first_leaf;
    ix->nnodes++;
    return 0;
}

static int cid_cmp(const car_cid *a, const car_cid *b)
{
    int c = memcmp(a->digest, b->digest, SHA256_LEN);

    return c ? c : (a->codec > b->codec) - (a->codec < b->codec);
}

static int node_cmp(const void *a, const void *b)
{
    return cid_cmp(&((const struct mst_node *)a)->cid,
                   &((const struct mst_node *)b)->cid);
}

static int leaf_cmp(const void *a, const void *b)
{
    const struct mst_leaf *x = a, *y = b;
    int c = cid_cmp(&x->cid, &y->cid);

    return c ? c : (x->key > y->key) - (x->key < y->key);
}

static struct mst_node *node_find(mst_index *ix, const car_cid *cid)
{
    struct mst_node want;

    if (ix->nnodes == 0)
        return NULL;
    want.cid = *cid;
    return bsearch(&want, ix->nodes, ix->nnodes, sizeof(*ix->nodes),
                   node_cmp);
}

/* Mark the nodes reachable from `root`; *stack holds one slot a node. */
static void walk_marks(mst_index *ix, struct mst_node *root, size_t *stack,
                       mst_walk_stats *st)
{
    size_t depth = 0;

    root->reached = 1;
    stack[depth++] = (size_t)(root - ix->nodes);
    while (depth > 0) {
        struct mst_node *n = &ix->nodes[stack[--depth]];
        st->nodes++;
        st->records += n->nleaves;
        for (size_t i = 0; i < n->nchildren; i++) {
            struct mst_node *c =
                node_find(ix, &ix->children[n->first_child + i]);
            if (c == NULL)
                st->missing++;
            else if (!c->reached) {
                c->reached = 1;
                stack[depth++] = (size_t)(c - ix->nodes);
            }
        }
    }
}

/* Sort the nodes by CID, dropping duplicated blocks (the same bytes). */
static void nodes_sort(mst_index *ix)
{
    size_t n = 0;

    if (ix->nnodes == 0)
        return;
    qsort(ix->nodes, ix->nnodes, sizeof(*ix->nodes), node_cmp);
    for (size_t i = 0; i < ix->nnodes; i++)
        if (n == 0 || node_cmp(&ix->nodes[n - 1], &ix->nodes[i]) != 0)
            ix->nodes[n++] = ix->nodes[i];
    ix->nnodes = n;
}

int mst_index_walk(mst_index *ix, const car_cid *root, mst_walk_stats *out)
{
    struct mst_node *r;
    size_t *stack = NULL;

    memset(out, 0, sizeof(*out));
    nodes_sort(ix);
    if ((r = node_find(ix, root)) == NULL) {
        out->missing = 1;
        return 0;
    }
    if ((stack = malloc(ix->nnodes * sizeof(*stack))) == NULL ||
        (ix->live = malloc((ix->nleaves + 1) * sizeof(*ix->live))) == NULL) {
        free(stack);
        return mosaic__error_oom();
    }
    walk_marks(ix, r, stack, out);
    free(stack);
    for (size_t i = 0; i < ix->nnodes; i++) {
        struct mst_node *n = &ix->nodes[i];
        if (n->reached && n->nleaves > 0) {
            memcpy(ix->live + ix->nlive, ix->leaves + n->first_leaf,
                   n->nleaves * sizeof(*ix->live));
            ix->nlive += n->nleaves;
        }
    }
    qsort(ix->live, ix->nlive, sizeof(*ix->live), leaf_cmp);
    for (size_t i = 0; i < ix->nlive; i++)
        out->kept += ix->live[i].key != MST_NOT_KEPT;
    return 0;
}

int mst_index_next_path(mst_index *ix, const car_cid *cid, const char **path)
{
    size_t lo = 0, hi = ix->nlive;

    *path = NULL;
    while (lo < hi) { /* the first leaf not below cid */
        size_t mid = lo + (hi - lo) / 2;
        if (cid_cmp(&ix->live[mid].cid, cid) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < ix->nlive && cid_cmp(&ix->live[lo].cid, cid) == 0; lo++) {
        if (!ix->live[lo].emitted) {
            ix->live[lo].emitted = 1;
            if (ix->live[lo].key != MST_NOT_KEPT)
                *path = ix->keys.ptr + ix->live[lo].key;
            return 1;
        }
    }
    return 0;
}

size_t mst_index_unread(const mst_index *ix)
{
    size_t n = 0;

    for (size_t i = 0; i < ix->nlive; i++)
        n += !ix->live[i].emitted;
    return n;
}
