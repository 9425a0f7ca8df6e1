/* test_refimage.c -- the reference image: built from a copy of the data
 * folder, it gives the same tables and extractions as the sources; a
 * stale or other-version image is ignored; the data's fingerprint is the
 * same from both and follows the sources; a damaged one (truncated,
 * bit flip, bad magic, bounds forged under a valid checksum) is a clear
 * error naming the file, never a crash. */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "datadir.h"
#include "extract.h"
#include "mosaic.h"
#include "population_tables.h"
#include "refimage.h"
#include "refimage_format.h"

static char dir[] = "/tmp/mosaic-img-XXXXXX";
static char img[300], saved[300];

static void build_image(void)
{
    static const char *const names[] = { "population", "extractor" };
    refimage_buf parts[2] = { { NULL, 0, 0 }, { NULL, 0, 0 } };
    population *pop = NULL;
    mosaic_extractor *ext = NULL;

    assert_int_equal(population_parse(&pop, dir), 0);
    assert_int_equal(extract_open(&ext, dir, 1), 0);
    assert_int_equal(population_image_save(pop, &parts[0]), 0);
    assert_int_equal(extract_image_save(ext, &parts[1]), 0);
    assert_int_equal(refimage_write(img, dir, names, parts, 2), 0);
    refimage_buf_free(&parts[0]);
    refimage_buf_free(&parts[1]);
    population_close(pop);
    mosaic_extractor_close(ext);
}

static int setup(void **state)
{
    char src[4096], cmd[9000];

    (void)state;
    if (!mkdtemp(dir) ||
        datadir_find(src, sizeof(src), NULL, "refdata/places.tsv") < 0)
        return -1;
    snprintf(cmd, sizeof(cmd), "cp -R '%s/lexicon' '%s/refdata' '%s/'", src,
             src, dir);
    if (system(cmd) != 0)
        return -1;
    snprintf(img, sizeof(img), "%s/%s", dir, REFIMAGE_FILE);
    snprintf(saved, sizeof(saved), "%s/saved.img", dir);
    build_image();
    snprintf(cmd, sizeof(cmd), "cp -p '%s' '%s'", img, saved);
    return system(cmd) == 0 ? 0 : -1;
}

static int teardown(void **state)
{
    char cmd[300];

    (void)state;
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Put the good image back (keeping its time: newer than the sources). */
static void restore(void)
{
    char cmd[700];

    snprintf(cmd, sizeof(cmd), "cp -p '%s' '%s'", saved, img);
    assert_int_equal(system(cmd), 0);
}

static const char *const texts[] = {
    "I'm a farrier in Hebden Bridge, my client is 52.",
    "She's a nurse from Leeds, aged 34; saw her on 5 March at 4pm "
    "#HebdenBridge",
    "my Thursday lady, a Polish widow, works at the Royal Infirmary",
    "a junior doctor in her twenties, recently divorced, from Hexham",
    "the lad I mentioned is autistic and goes to Holmfirth High School",
};

static void same_extractions(mosaic_extractor *a, mosaic_extractor *b)
{
    for (size_t t = 0; t < sizeof(texts) / sizeof(*texts); t++) {
        const mosaic_extraction *x, *y;
        size_t n;
        assert_int_equal(mosaic_extract(&x, a, texts[t], strlen(texts[t]),
                                        NULL), 0);
        n = x->n;
        assert_true(n > 0);
        assert_int_equal(mosaic_extract(&y, b, texts[t], strlen(texts[t]),
                                        NULL), 0);
        assert_int_equal(y->n, n);
        assert_int_equal(x->client_cue, y->client_cue);
        for (size_t i = 0; i < n; i++) {
            assert_int_equal(x->spans[i].start, y->spans[i].start);
            assert_int_equal(x->spans[i].end, y->spans[i].end);
            assert_string_equal(x->spans[i].category, y->spans[i].category);
            assert_true((x->spans[i].value == NULL) ==
                        (y->spans[i].value == NULL));
            if (x->spans[i].value)
                assert_string_equal(x->spans[i].value, y->spans[i].value);
            assert_int_equal(x->spans[i].about, y->spans[i].about);
        }
    }
}

static void same_prices(population *a, population *b)
{
    static const char *const q[][2] = {
        { "OCCUPATION", "farrier" }, { "OCCUPATION", "junior doctor" },
        { "PLACE", "Hebden Bridge" }, { "PLACE", "West Yorkshire" },
        { "AGE", "teenager" }, { "AGE", "52" }, { "RELIGION", "muslim" },
        { "HEALTH", "autism" }, { "PLACE", "Nowhereville" },
    };
    catchment ca, cb;

    assert_int_equal(population_catchment(a, "Hebden Bridge", 20, &ca), 0);
    assert_int_equal(population_catchment(b, "Hebden Bridge", 20, &cb), 0);
    assert_true(ca.known && ca.people == cb.people);
    for (size_t i = 0; i < sizeof(q) / sizeof(*q); i++) {
        score_attr x, y;
        suggest_ladder lx, ly;
        const char *sx, *sy;
        assert_int_equal(population_price(a, &ca, q[i][0], q[i][1], &x, &lx,
                                          &sx), 0);
        assert_int_equal(population_price(b, &cb, q[i][0], q[i][1], &y, &ly,
                                          &sy), 0);
        assert_true(x.share == y.share && x.count == y.count);
        assert_int_equal(lx.levels, ly.levels);
        for (size_t l = 0; l < lx.levels; l++) {
            assert_true(lx.share[l] == ly.share[l]);
            assert_string_equal(lx.label[l], ly.label[l]);
        }
        assert_true((sx == NULL) == (sy == NULL));
        if (sx)
            assert_string_equal(sx, sy);
    }
}

static void image_matches_sources(void **state)
{
    population *mapped, *parsed;
    mosaic_extractor *em, *ep;

    (void)state;
    restore();
    assert_int_equal(population_open(&mapped, dir), 0);
    assert_non_null(mapped->image);
    assert_int_equal(population_parse(&parsed, dir), 0);
    assert_int_equal(mapped->nplaces, parsed->nplaces);
    assert_int_equal(mapped->nareas, parsed->nareas);
    assert_int_equal(mapped->nrates, parsed->nrates);
    for (size_t i = 0; i < parsed->nplaces; i++) {
        assert_string_equal(mapped->places[i].name, parsed->places[i].name);
        assert_true(mapped->places[i].people == parsed->places[i].people);
        assert_int_equal(mapped->places[i].section,
                         parsed->places[i].section);
    }
    same_prices(mapped, parsed);
    population_close(mapped);
    population_close(parsed);

    assert_int_equal(extract_open(&em, dir, 0), 0);
    assert_non_null(em->image);
    assert_int_equal(extract_open(&ep, dir, 1), 0);
    assert_null(ep->image);
    same_extractions(em, ep);
    assert_true(em->data_print == ep->data_print);
    mosaic_extractor_close(em);
    mosaic_extractor_close(ep);
}

/* The fingerprint of the reference data parsed from dir. */
static uint64_t print_of_sources(void)
{
    mosaic_extractor *ext;
    uint64_t print;

    assert_int_equal(extract_open(&ext, dir, 1), 0);
    print = ext->data_print;
    mosaic_extractor_close(ext);
    return print;
}

/* The fingerprint kept with stored analyses follows the lexicons: a new
 * line changes it, a comment does not. */
static void data_print_follows_the_sources(void **state)
{
    static const char *const added[] = { "# a comment\n",
                                         "zorbling\tzorbling\n" };
    char path[400], *before;
    uint64_t base;
    long size;
    FILE *f;

    (void)state;
    snprintf(path, sizeof(path), "%s/lexicon/distinctive.txt", dir);
    assert_non_null(f = fopen(path, "rb"));
    fseek(f, 0, SEEK_END);
    size = ftell(f);
    rewind(f);
    assert_non_null(before = malloc((size_t)size));
    assert_int_equal(fread(before, 1, (size_t)size, f), (size_t)size);
    fclose(f);
    base = print_of_sources();
    assert_true(base == print_of_sources()); /* deterministic */
    for (int k = 0; k < 2; k++) {
        assert_non_null(f = fopen(path, "a"));
        fputs(added[k], f);
        fclose(f);
        if ((print_of_sources() == base) != (k == 0))
            fail_msg("%s changed the print: %d", added[k], k == 1);
        assert_non_null(f = fopen(path, "wb")); /* as it was */
        assert_int_equal(fwrite(before, 1, (size_t)size, f), (size_t)size);
        fclose(f);
    }
    free(before);
    restore();
}

/* Damage the image in place. */
typedef void (*damage_fn)(unsigned char *data, size_t size);

static void truncate_half(unsigned char *d, size_t n)
{
    (void)d;
    assert_int_equal(truncate(img, (off_t)(n / 2)), 0);
}
static void flip_byte(unsigned char *d, size_t n) { d[n / 2 + 3] ^= 0x40; }
static void bad_magic(unsigned char *d, size_t n) { (void)n; d[0] = 'X'; }
static void empty(unsigned char *d, size_t n)
{
    (void)d;
    (void)n;
    assert_int_equal(truncate(img, 0), 0);
}

/* Checksums made right again after a forgery. */
static void reseal(unsigned char *d, size_t n)
{
    struct refimage_header h;
    struct refimage_section *s = (void *)(d + sizeof(h));

    memcpy(&h, d, sizeof(h));
    for (uint32_t i = 0; i < h.nsections; i++)
        if (s[i].offset <= n && s[i].size <= n - s[i].offset)
            s[i].checksum = refimage_checksum(d + s[i].offset, s[i].size);
    h.checksum = refimage_checksum(s, h.nsections * sizeof(*s));
    memcpy(d, &h, sizeof(h));
}

static struct refimage_section *section(unsigned char *d, const char *name)
{
    struct refimage_header h;
    struct refimage_section *s = (void *)(d + sizeof(h));

    memcpy(&h, d, sizeof(h));
    for (uint32_t i = 0; i < h.nsections; i++)
        if (strcmp(s[i].name, name) == 0)
            return &s[i];
    fail();
    return NULL;
}

/* A section past the end of the file, under a valid checksum. */
static void forged_bounds(unsigned char *d, size_t n)
{
    section(d, "extractor")->size = n;
    reseal(d, n);
}

/* The first table of the extractor (after the data's fingerprint). */
static struct refimage_xtable *first_table(unsigned char *d)
{
    return (void *)(d + section(d, "extractor")->offset + sizeof(uint64_t));
}

/* The first table of the extractor: slot counts that are not a power
 * of two, or a key outside its arena, under a valid checksum. */
static void forged_slots(unsigned char *d, size_t n)
{
    struct refimage_xtable *t = first_table(d);

    t->nslots = 3;
    reseal(d, n);
}

static void forged_key(unsigned char *d, size_t n)
{
    struct refimage_xtable *t = first_table(d);
    xslot *slot = (void *)(t + 1);

    while (slot->klen == 0)
        slot++;
    slot->key = 0xFFFFFF00u;
    reseal(d, n);
}

static void forged_place_area(unsigned char *d, size_t n)
{
    /* the first place row follows the population head (see
     * population_image.c); its first area index is at byte 24 */
    unsigned char *row = d + section(d, "population")->offset + 224;
    int32_t big = 1 << 30;

    memcpy(row + 24, &big, sizeof(big));
    reseal(d, n);
}

static void damage(damage_fn fn)
{
    FILE *f = fopen(img, "r+b");
    unsigned char *data;
    long n;

    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    rewind(f);
    data = malloc((size_t)n);
    assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
    fn(data, (size_t)n);
    rewind(f);
    if (fn != truncate_half && fn != empty)
        assert_int_equal(fwrite(data, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    free(data);
}

static void damaged_images_are_errors(void **state)
{
    static const struct {
        damage_fn fn;
        const char *why;
    } cases[] = {
        { truncate_half, "truncated" },
        { empty, "truncated" },
        { flip_byte, "checksum" },
        { bad_magic, "not a mosaic reference image" },
        { forged_bounds, "section bounds" },
        { forged_slots, "table size" },
        { forged_key, "table key" },
        { forged_place_area, "population rows" },
    };

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
        population *pop = NULL;
        mosaic_extractor *ext = NULL;
        int pop_rc, ext_rc;
        restore();
        damage(cases[i].fn);
        pop_rc = population_open(&pop, dir);
        if (pop_rc == 0) { /* extractor-only damage */
            population_close(pop);
            pop = NULL;
        } else {
            assert_int_equal(pop_rc, MOSAIC_EFORMAT);
            assert_non_null(strstr(mosaic_error_last()->message, img));
            assert_non_null(strstr(mosaic_error_last()->message,
                                   cases[i].why));
        }
        ext_rc = mosaic_extractor_open(&ext, dir);
        if (ext_rc == 0) { /* population-only damage */
            mosaic_extractor_close(ext);
            ext = NULL;
        } else {
            assert_int_equal(ext_rc, MOSAIC_EFORMAT);
            assert_non_null(strstr(mosaic_error_last()->message,
                                   cases[i].why));
        }
        assert_true(pop_rc < 0 || ext_rc < 0);
        assert_null(pop);
        assert_null(ext);
    }
    restore();
}

static void other_version(unsigned char *d, size_t n)
{
    struct refimage_header h;

    (void)n;
    memcpy(&h, d, sizeof(h));
    h.version++;
    memcpy(d, &h, sizeof(h));
}

/* Sources changed after the build, or an image of another format: the
 * sources are parsed and give the same answers. */
static void stale_images_are_ignored(void **state)
{
    char path[400];
    FILE *f;
    population *pop;
    mosaic_extractor *ext;

    (void)state;
    for (int k = 0; k < 3; k++) {
        restore();
        snprintf(path, sizeof(path), "%s/lexicon/orgs.txt", dir);
        if (k == 0) {
            damage(other_version);
        } else if (k == 1) { /* a source touched after the image */
            struct timespec t[2] = { { 0, UTIME_NOW }, { 0, UTIME_NOW } };
            assert_int_equal(utimensat(AT_FDCWD, path, t, 0), 0);
        } else { /* same time, other size */
            struct stat st;
            struct timespec t[2];
            assert_int_equal(stat(path, &st), 0);
            t[0] = st.st_atim;
            t[1] = st.st_mtim;
            assert_non_null(f = fopen(path, "a"));
            fputs("# a comment\n", f);
            fclose(f);
            assert_int_equal(utimensat(AT_FDCWD, path, t, 0), 0);
        }
        assert_int_equal(population_open(&pop, dir), 0);
        assert_null(pop->image);
        population_close(pop);
        assert_int_equal(mosaic_extractor_open(&ext, dir), 0);
        assert_null(ext->image);
        mosaic_extractor_close(ext);
    }
    build_image(); /* fresh again: mapped */
    assert_int_equal(population_open(&pop, dir), 0);
    assert_non_null(pop->image);
    population_close(pop);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(image_matches_sources),
        cmocka_unit_test(data_print_follows_the_sources),
        cmocka_unit_test(damaged_images_are_errors),
        cmocka_unit_test(stale_images_are_ignored),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}
