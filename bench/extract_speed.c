/*
 * extract_speed.c -- extraction throughput over tweet-sized synthetic
 * posts, beside the floor of one PCRE2 JIT pass over the same text.
 * usage: extract_speed DATA_DIR [N_POSTS [POSTS_FILE]]
 * POSTS_FILE holds posts separated by NUL bytes (a real corpus), taken
 * in turn until N_POSTS; without it the posts are made from the pieces
 * below.  Prints one JSON object.
 * SPDX-License-Identifier: MIT
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mosaic.h"

static const char *const pieces[] = {
    "Saw a lovely client today", "who is a farrier", "from Hebden Bridge",
    "she lost her husband in March", "my 4pm cancelled again",
    "feeling tired after a long day", "in her seventies",
    "a 15-year-old in Year 11", "#mentalhealth #therapy",
    "so proud of the work we do", "last Tuesday was Boxing Day chaos",
    "my husband is a firefighter", "coffee first", "reading a great book",
    "on sale at the market", "I hope the weather holds",
    "supervision this afternoon", "@colleague thanks!",
    "https://example.org/blog/post", "what a week \xF0\x9F\x98\x85",
    "many clients struggle with grief", "nurse by day, runner by night",
};

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* one core: CPU time */
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* n posts of about 140 bytes, '\0'-separated, from a fixed seed. */
static char *make_posts(size_t n, size_t **offs, size_t *total)
{
    size_t cap = n * 200, len = 0;
    char *buf = malloc(cap);
    unsigned seed = 12345;

    *offs = malloc((n + 1) * sizeof(size_t));
    for (size_t i = 0; i < n; i++) {
        (*offs)[i] = len;
        while (len - (*offs)[i] < 120) {
            const char *p;
            seed = seed * 1103515245u + 12345u;
            p = pieces[(seed >> 8) % (sizeof(pieces) / sizeof(*pieces))];
            len += (size_t)sprintf(buf + len, "%s%s",
                                   len > (*offs)[i] ? ", " : "", p);
        }
        buf[len++] = '.';
        buf[len++] = '\0';
    }
    (*offs)[n] = len;
    *total = len;
    return buf;
}

/* The whole of a file, NUL-terminated posts, or exit. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    size_t cap = 1 << 20, got;
    char *s = malloc(cap);

    *len = 0;
    while (f && s && (got = fread(s + *len, 1, cap - *len, f)) > 0)
        if ((*len += got) == cap)
            s = realloc(s, cap *= 2);
    if (f == NULL || s == NULL || *len == 0 || s[*len - 1] != '\0') {
        fprintf(stderr, "extract_speed: %s: not NUL-separated posts\n",
                path);
        exit(2);
    }
    fclose(f);
    return s;
}

/* n posts taken in turn from a file of NUL-separated posts. */
static char *read_posts(const char *path, size_t n, size_t **offs,
                        size_t *total)
{
    size_t flen, len = 0, at = 0;
    char *file = slurp(path, &flen), *buf;

    for (size_t i = 0; i < n; i++) { /* the size first */
        size_t k = strlen(file + at) + 1;
        len += k;
        at = at + k < flen ? at + k : 0;
    }
    buf = malloc(len);
    *offs = malloc((n + 1) * sizeof(size_t));
    len = at = 0;
    for (size_t i = 0; i < n; i++) {
        size_t k = strlen(file + at) + 1;
        (*offs)[i] = len;
        memcpy(buf + len, file + at, k);
        len += k;
        at = at + k < flen ? at + k : 0;
    }
    (*offs)[n] = len;
    *total = len;
    free(file);
    return buf;
}

static double pcre_floor(const char *buf, const size_t *offs, size_t n)
{
    int err;
    PCRE2_SIZE at;
    pcre2_code *re = pcre2_compile(
        (PCRE2_SPTR) "\\b\\d{1,2}(?:am|pm)\\b", PCRE2_ZERO_TERMINATED,
        PCRE2_UTF | PCRE2_CASELESS, &err, &at, NULL);
    pcre2_match_data *md = pcre2_match_data_create(4, NULL);
    double t0;
    long hits = 0;

    pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
    t0 = now();
    for (size_t i = 0; i < n; i++) {
        size_t len = offs[i + 1] - offs[i] - 1;
        PCRE2_SIZE from = 0;
        while (pcre2_jit_match(re, (PCRE2_SPTR)buf + offs[i], len, from, 0,
                               md, NULL) > 0) {
            hits++;
            from = pcre2_get_ovector_pointer(md)[1];
        }
    }
    t0 = now() - t0;
    pcre2_match_data_free(md);
    pcre2_code_free(re);
    return hits >= 0 ? t0 : t0;
}

int main(int argc, char **argv)
{
    size_t n = argc > 2 ? (size_t)atol(argv[2]) : 200000, total, text;
    size_t *offs;
    mosaic_extractor *ext;
    const mosaic_extraction *x;
    char *buf;
    double t0, t_extract, t_floor, spans = 0;

    if (argc < 2 || mosaic_extractor_open(&ext, argv[1]) < 0) {
        fprintf(stderr, "extract_speed: %s\n", mosaic_error_last()->message);
        return 2;
    }
    buf = argc > 3 ? read_posts(argv[3], n, &offs, &total)
                   : make_posts(n, &offs, &total);
    text = total - n; /* the bytes of the posts, not their separators */
    for (size_t i = 0; i < n / 10; i++) /* warm the stem memo */
        mosaic_extract(&x, ext, buf + offs[i], offs[i + 1] - offs[i] - 1,
                       "2024-03-14T10:00:00Z");
    t0 = now();
    for (size_t i = 0; i < n; i++) {
        if (mosaic_extract(&x, ext, buf + offs[i], offs[i + 1] - offs[i] - 1,
                           "2024-03-14T10:00:00Z") < 0)
            return 3;
        spans += (double)x->n;
    }
    t_extract = now() - t0;
    t_floor = pcre_floor(buf, offs, n);
    printf("{\"posts\": %zu, \"bytes\": %zu, \"bytes_per_post\": %.1f, "
           "\"spans_per_post\": %.2f, \"extract_seconds\": %.3f, "
           "\"extract_mb_s\": %.1f, \"extract_posts_s\": %.0f, "
           "\"pcre2_floor_mb_s\": %.1f}\n",
           n, text, (double)text / (double)n, spans / (double)n, t_extract,
           (double)text / t_extract / 1e6, (double)n / t_extract,
           (double)text / t_floor / 1e6);
    mosaic_extractor_close(ext);
    free(buf);
    free(offs);
    return 0;
}
