/*
 * extract_image.c -- the extractor's reference tables as the "extractor"
 * section of the reference image: the reference data's fingerprint, the
 * common and place words, and the lexicon, gazetteer, squashed-name and
 * first-name lexicons, stemmed and indexed at build time.  Loading maps
 * the tables and entries and checks every index in them.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "extract.h"
#include "refimage.h"

static int save_lexicon(refimage_buf *b, const xlexicon *lx)
{
    uint64_t n = lx->n;
    int rc;

    if ((rc = refimage_put(b, &n, sizeof(n))) < 0 ||
        (rc = refimage_put(b, lx->e, lx->n * sizeof(*lx->e))) < 0)
        return rc;
    return refimage_put_xtable(b, &lx->keys);
}

int extract_image_save(const mosaic_extractor *ext, refimage_buf *b)
{
    int rc;

    if ((rc = refimage_put(b, &ext->data_print, sizeof(ext->data_print))) <
            0 ||
        (rc = refimage_put_xtable(b, &ext->common)) < 0 ||
        (rc = refimage_put_xtable(b, &ext->place_words)) < 0 ||
        (rc = refimage_put_xtable(b, &ext->given)) < 0 ||
        (rc = save_lexicon(b, &ext->lexicon)) < 0 ||
        (rc = save_lexicon(b, &ext->places)) < 0 ||
        (rc = save_lexicon(b, &ext->squashed)) < 0)
        return rc;
    return save_lexicon(b, &ext->names);
}

static int bad(const refimage_cur *c)
{
    return mosaic__error_set(MOSAIC_EFORMAT,
                             "%s: damaged reference image (extractor "
                             "lexicon)",
                             c->what);
}

/* The entries are used where they are mapped, once checked. */
static int load_lexicon(refimage_cur *c, xlexicon *lx)
{
    const uint64_t *n = refimage_take(c, sizeof(*n));
    const xentry *e;
    int rc;

    if (n == NULL)
        return MOSAIC_EFORMAT;
    if (*n > (1u << 26))
        return bad(c);
    if ((e = refimage_take(c, (size_t)*n * sizeof(*e))) == NULL ||
        (rc = refimage_xtable(c, &lx->keys)) < 0)
        return MOSAIC_EFORMAT;
    lx->e = (xentry *)(uintptr_t)e;
    lx->n = lx->cap = (size_t)*n;
    lx->borrowed = 1;
    for (size_t i = 0; i < lx->n; i++)
        if ((e[i].category >= xcategory_count &&
             e[i].category != XCATEGORY_NONE) ||
            e[i].value >= lx->keys.arena_len)
            return bad(c);
    for (size_t i = 0; i < lx->keys.nslots; i++)
        if (lx->keys.slots[i].klen && lx->keys.slots[i].val >= lx->n)
            return bad(c);
    return 0;
}

int extract_image_load(mosaic_extractor *ext, refimage *im)
{
    const uint64_t *print;
    refimage_cur c;
    int rc;

    if ((rc = refimage_section(im, "extractor", &c)) < 0)
        return rc;
    if ((print = refimage_take(&c, sizeof(*print))) == NULL)
        return MOSAIC_EFORMAT;
    ext->data_print = *print;
    if ((rc = refimage_xtable(&c, &ext->common)) < 0 ||
        (rc = refimage_xtable(&c, &ext->place_words)) < 0 ||
        (rc = refimage_xtable(&c, &ext->given)) < 0 ||
        (rc = load_lexicon(&c, &ext->lexicon)) < 0 ||
        (rc = load_lexicon(&c, &ext->places)) < 0 ||
        (rc = load_lexicon(&c, &ext->squashed)) < 0 ||
        (rc = load_lexicon(&c, &ext->names)) < 0)
        return rc;
    return extract_roles_load(ext);
}
