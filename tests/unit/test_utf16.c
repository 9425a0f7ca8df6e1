/* test_utf16.c -- the UTF-16LE stream: BOM dropped, surrogate pairs
 * joined, long input across buffer edges, every kind of bad input an
 * error naming the byte. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "mosaic.h"
#include "utf16.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static const struct {
    const char *name;
    const char *in; /* UTF-16LE bytes */
    size_t len;
    const char *want;  /* UTF-8 read, or NULL for an error */
    const char *error; /* part of the error message */
} cases[] = {
    { "bom dropped", "\xFF\xFE" "a\0b\0", 6, "ab", NULL },
    { "no bom", "a\0", 2, "a", NULL },
    { "empty", "", 0, "", NULL },
    { "two-byte", "\xE9\0", 2, "\xC3\xA9", NULL },
    { "three-byte", "\x14\x20", 2, "\xE2\x80\x94", NULL },
    { "surrogate pair", "\x3C\xD8\x3F\xDF", 4, "\xF0\x9F\x8C\xBF", NULL },
    { "bom later kept", "a\0\xFF\xFE", 4, "a\xEF\xBB\xBF", NULL },
    { "odd length", "a\0b", 3, NULL, "ends in the middle of a character (byte 2)" },
    { "lone low surrogate", "a\0\x00\xDC", 4, NULL, "unpaired surrogate at byte 2" },
    { "high then letter", "b\0\x3C\xD8" "a\0", 6, NULL, "unpaired surrogate at byte 2" },
    { "high at end", "a\0\x3C\xD8", 4, NULL, "unpaired surrogate at byte 2" },
    { "NUL", "a\0\0\0", 4, NULL, "a NUL character at byte 2" },
};

/* Read the whole stream with reads of `step` bytes. */
static int read_all(instream *in, char *out, size_t size, size_t step)
{
    size_t used = 0;
    ssize_t n;

    while (used < size && (n = instream_read(in, out + used,
                                             step < size - used
                                                 ? step
                                                 : size - used)) > 0)
        used += (size_t)n;
    if (n < 0)
        return (int)n;
    out[used] = '\0';
    return (int)used;
}

static void test_utf16_cases(void **state)
{
    char got[64];

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        for (size_t step = 1; step <= 64; step += 63) {
            instream *raw = NULL, *in = NULL;
            int rc;
            assert_int_equal(instream_open_memory(&raw, "s.csv", cases[i].in,
                                                  cases[i].len), 0);
            assert_int_equal(instream_open_utf16le(&in, raw), 0);
            rc = read_all(in, got, sizeof(got) - 1, step);
            instream_close(in);
            if (cases[i].want && (rc < 0 || strcmp(got, cases[i].want) != 0))
                fail_msg("%s: got %d \"%s\"", cases[i].name, rc,
                         rc < 0 ? mosaic_error_last()->message : got);
            if (cases[i].error &&
                (rc >= 0 ||
                 strstr(mosaic_error_last()->message, cases[i].error) ==
                     NULL ||
                 strstr(mosaic_error_last()->message, "s.csv") == NULL))
                fail_msg("%s: got %d \"%s\"", cases[i].name, rc,
                         mosaic_error_last()->message);
        }
    }
}

/* 4-byte characters across the stream's 64 KiB buffer edges. */
static void test_utf16_long_input(void **state)
{
    enum { N = 40000 };
    unsigned char *in16 = malloc(2 + 4 * N);
    char *got = malloc(4 * N + 16);
    instream *raw = NULL, *in = NULL;

    (void)state;
    in16[0] = 0xFF;
    in16[1] = 0xFE;
    for (size_t i = 0; i < N; i++)
        memcpy(in16 + 2 + 4 * i, "\x3C\xD8\x3F\xDF", 4);
    assert_int_equal(instream_open_memory(&raw, "big", in16, 2 + 4 * N), 0);
    assert_int_equal(instream_open_utf16le(&in, raw), 0);
    assert_int_equal(read_all(in, got, 4 * N + 15, 65536), 4 * N);
    for (size_t i = 0; i < N; i++)
        assert_memory_equal(got + 4 * i, "\xF0\x9F\x8C\xBF", 4);
    instream_close(in);
    free(got);
    free(in16);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf16_cases),
        cmocka_unit_test(test_utf16_long_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
