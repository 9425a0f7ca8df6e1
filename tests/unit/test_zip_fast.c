/* test_zip_fast.c -- zip members inflated by ISA-L: the same bytes as
 * written (deflated, stored, zip64), damage refused with a message, and
 * anything unusual (a name listed twice, not a zip) left to libarchive. */
#include <archive.h>
#include <archive_entry.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "mosaic.h"
#include "zip_fast.h"

static char dir[] = "/tmp/mosaic-test-zipfast-XXXXXX";

static int sandbox_up(void **state)
{
    (void)state;
    return mkdtemp(dir) ? 0 : -1;
}

static int sandbox_down(void **state)
{
    char cmd[300];

    (void)state;
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    return system(cmd);
}

/* 3 MiB of text that deflates, but not to nothing. */
static char *sample(size_t *len)
{
    size_t n = 3u << 20;
    char *s = malloc(n);
    uint32_t x = 12345;

    for (size_t i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        s[i] = (char)(x >> 16) % 7 == 0 ? ' ' : (char)('a' + (x >> 20) % 26);
    }
    *len = n;
    return s;
}

/* A zip of the members (name, data) under `options` for the writer. */
static void write_zip(const char *path, const char *options,
                      const char *const *names, const char *data,
                      size_t len, size_t count)
{
    struct archive *a = archive_write_new();
    struct archive_entry *e = archive_entry_new();

    assert_int_equal(archive_write_set_format_zip(a), ARCHIVE_OK);
    if (options)
        assert_int_equal(archive_write_set_options(a, options), ARCHIVE_OK);
    assert_int_equal(archive_write_open_filename(a, path), ARCHIVE_OK);
    for (size_t i = 0; i < count; i++) {
        archive_entry_clear(e);
        archive_entry_set_pathname(e, names[i]);
        archive_entry_set_filetype(e, AE_IFREG);
        archive_entry_set_perm(e, 0644);
        archive_entry_set_size(e, (la_int64_t)len);
        assert_int_equal(archive_write_header(a, e), ARCHIVE_OK);
        assert_int_equal(archive_write_data(a, data, len), (ssize_t)len);
    }
    archive_entry_free(e);
    assert_int_equal(archive_write_close(a), ARCHIVE_OK);
    archive_write_free(a);
}

/* The whole member through zip_fast: its length, or <0. */
static long long read_all(const char *path, const char *member,
                          const char *want, size_t want_len, int *opened)
{
    zip_fast *z = NULL;
    char buf[10000]; /* not a power of two: reads end mid-block */
    long long total = 0;
    ssize_t n;

    *opened = zip_fast_open(&z, path, member);
    if (*opened <= 0)
        return *opened;
    int same = 1;

    while ((n = zip_fast_read(z, buf, sizeof(buf), "t.zip:m")) > 0) {
        same = same && (size_t)total + (size_t)n <= want_len &&
               memcmp(buf, want + total, (size_t)n) == 0;
        total += n;
    }
    zip_fast_close(z);
    if (n < 0)
        return n;
    return same ? total : -1000; /* read to the end, but other bytes */
}

static void test_zip_fast_reads_what_was_written(void **state)
{
    static const struct {
        const char *name, *options;
    } cases[] = {
        { "deflated.zip", "zip:compression=deflate" },
        { "stored.zip", "zip:compression=store" },
        { "zip64.zip", "zip:compression=deflate,zip:zip64" },
    };
    const char *names[] = { "data/tweets.js", "data/like.js" };
    size_t len;
    char *data = sample(&len), path[400];

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        int opened;
        snprintf(path, sizeof(path), "%s/%s", dir, cases[i].name);
        write_zip(path, cases[i].options, names, data, len, 2);
        for (size_t k = 0; k < 2; k++) {
            long long got = read_all(path, names[k], data, len, &opened);
            if (opened != 1 || got != (long long)len)
                fail_msg("%s %s: opened %d, read %lld of %zu",
                         cases[i].name, names[k], opened, got, len);
        }
        assert_int_equal(read_all(path, "data/missing.js", data, len,
                                  &opened), 0);
    }
    free(data);
}

/* A byte flipped inside the member's data: the read ends in an error
 * naming it (the CRC-32 catches what inflating does not), never in a
 * clean end. */
static void test_zip_fast_refuses_damage(void **state)
{
    const char *names[] = { "data/tweets.js" };
    size_t len, size;
    char *data = sample(&len), path[400], *raw;
    FILE *f;
    int opened;
    long long got;

    (void)state;
    snprintf(path, sizeof(path), "%s/damaged.zip", dir);
    write_zip(path, "zip:compression=deflate", names, data, len, 1);
    f = fopen(path, "r+b");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    size = (size_t)ftell(f);
    raw = malloc(size);
    fseek(f, 0, SEEK_SET);
    assert_int_equal(fread(raw, 1, size, f), size);
    raw[size / 3] ^= 0x55;
    fseek(f, 0, SEEK_SET);
    assert_int_equal(fwrite(raw, 1, size, f), size);
    fclose(f);
    got = read_all(path, names[0], data, len, &opened);
    assert_int_equal(opened, 1);
    assert_true(got < 0 && got != -1000);
    assert_non_null(strstr(mosaic_error_last()->message, "t.zip:m"));
    free(raw);
    free(data);
}

/* A name listed twice, or a tar: libarchive's to read. */
static void test_zip_fast_leaves_the_unusual(void **state)
{
    const char *names[] = { "outbox.json", "outbox.json" };
    char path[400], data[] = "[1, 2, 3]";
    struct archive *a;
    struct archive_entry *e;
    int opened;

    (void)state;
    snprintf(path, sizeof(path), "%s/twice.zip", dir);
    write_zip(path, NULL, names, data, strlen(data), 2);
    assert_int_equal(read_all(path, "outbox.json", data, strlen(data),
                              &opened), 0);
    snprintf(path, sizeof(path), "%s/plain.tar", dir);
    a = archive_write_new();
    e = archive_entry_new();
    archive_write_set_format_pax_restricted(a);
    archive_write_open_filename(a, path);
    archive_entry_set_pathname(e, "outbox.json");
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_size(e, (la_int64_t)strlen(data));
    archive_write_header(a, e);
    archive_write_data(a, data, strlen(data));
    archive_entry_free(e);
    archive_write_close(a);
    archive_write_free(a);
    assert_int_equal(read_all(path, "outbox.json", data, strlen(data),
                              &opened), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_zip_fast_reads_what_was_written),
        cmocka_unit_test(test_zip_fast_refuses_damage),
        cmocka_unit_test(test_zip_fast_leaves_the_unusual),
    };
    return cmocka_run_group_tests_name("zip_fast", tests, sandbox_up,
                                       sandbox_down);
}
