/*
 * extract_image.c -- the extractor's reference tables as the "extractor"
 * section of the reference image: the common and place words, and the
 * lexicon, gazetteer, squashed-name and first-name lexicons, stemmed
 * and indexed at build time.  Loading maps the tables and copies only
 * the entries (their category is a pointer).
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "extract.h"
#include "refimage.h"

/* Every category the loader gives a lexicon entry (extract_load.c). */
static const char *const categories[] = {
    CAT_CUE,     CAT_AGGREGATE, CAT_HYPO,   CAT_BACKREF,  "GENDER",
    "FAMILY",    "LIFE_EVENT",  "HEALTH",   "OCCUPATION", "NATIONALITY",
    "ETHNICITY", "RELIGION",    "LANGUAGE", "SEXUALITY",  "DISTINCTIVE",
    "ORG",       "NAME",        "PLACE",
};
#define NCATEGORIES (sizeof(categories) / sizeof(*categories))

struct img_entry {
    uint32_t category, value;
    uint16_t flags, nwords;
};

static int save_lexicon(refimage_buf *b, const xlexicon *lx)
{
    uint64_t n = lx->n;
    struct img_entry *e = calloc(lx->n + 1, sizeof(*e));
    int rc = 0;

    if (e == NULL)
        return mosaic__error_oom();
    for (size_t i = 0; i < lx->n && rc == 0; i++) {
        size_t c = 0;
        const char *cat = lx->e[i].category;
        while (cat && c < NCATEGORIES && strcmp(categories[c], cat) != 0)
            c++;
        if (cat && c == NCATEGORIES)
            rc = mosaic__error_set(MOSAIC_ERROR,
                                   "category %s is not in "
                                   "extract_image.c's list",
                                   cat);
        e[i] =
            (struct img_entry){cat ? (uint32_t)c : REFIMAGE_NONE,
                               lx->e[i].value, lx->e[i].flags, lx->e[i].nwords};
    }
    if (rc == 0 && (rc = refimage_put(b, &n, sizeof(n))) == 0 &&
        (rc = refimage_put(b, e, lx->n * sizeof(*e))) == 0)
        rc = refimage_put_xtable(b, &lx->keys);
    free(e);
    return rc;
}

int extract_image_save(const mosaic_extractor *ext, refimage_buf *b)
{
    int rc;

    if ((rc = refimage_put_xtable(b, &ext->common)) < 0 ||
        (rc = refimage_put_xtable(b, &ext->place_words)) < 0 ||
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

static int load_lexicon(refimage_cur *c, xlexicon *lx)
{
    const uint64_t *n = refimage_take(c, sizeof(*n));
    const struct img_entry *e;
    int rc;

    if (n == NULL)
        return MOSAIC_EFORMAT;
    if (*n > (1u << 26))
        return bad(c);
    if ((e = refimage_take(c, (size_t)*n * sizeof(*e))) == NULL ||
        (rc = refimage_xtable(c, &lx->keys)) < 0)
        return MOSAIC_EFORMAT;
    if ((lx->e = calloc((size_t)*n + 1, sizeof(*lx->e))) == NULL)
        return mosaic__error_oom();
    lx->n = lx->cap = (size_t)*n;
    for (size_t i = 0; i < lx->n; i++) {
        if ((e[i].category >= NCATEGORIES && e[i].category != REFIMAGE_NONE) ||
            e[i].value >= lx->keys.arena_len)
            return bad(c);
        lx->e[i] = (xentry){
            e[i].category == REFIMAGE_NONE ? NULL : categories[e[i].category],
            e[i].value, e[i].flags, e[i].nwords};
    }
    for (size_t i = 0; i < lx->keys.nslots; i++)
        if (lx->keys.slots[i].klen && lx->keys.slots[i].val >= lx->n)
            return bad(c);
    return 0;
}

int extract_image_load(mosaic_extractor *ext, refimage *im)
{
    refimage_cur c;
    int rc;

    if ((rc = refimage_section(im, "extractor", &c)) < 0 ||
        (rc = refimage_xtable(&c, &ext->common)) < 0 ||
        (rc = refimage_xtable(&c, &ext->place_words)) < 0 ||
        (rc = load_lexicon(&c, &ext->lexicon)) < 0 ||
        (rc = load_lexicon(&c, &ext->places)) < 0 ||
        (rc = load_lexicon(&c, &ext->squashed)) < 0 ||
        (rc = load_lexicon(&c, &ext->names)) < 0)
        return rc;
    return extract_roles_load(ext);
}
