/*
 * extract_fixture.h -- shared by the extraction tests: an extractor over
 * the source tree's lexicons and the test gazetteer
 * (tests/fixtures/gazetteer/places.tsv), and a table-driven span check.
 */
#ifndef EXTRACT_FIXTURE_H
#define EXTRACT_FIXTURE_H

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mosaic.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* One expectation: in `text`, a span of `category` whose words are
 * `words` (present = 1) or none (present = 0); value and about checked
 * when not NULL / not -1. */
struct span_case {
    const char *text;
    const char *created_at;
    const char *category;
    const char *words;
    int present;
    const char *value;
    int about;
};

static char fixture_dir[PATH_MAX];

/* The source tree: walk up from the test program to find corpus/. */
static int fixture_top(char *top, size_t size)
{
    char probe[PATH_MAX + 64];
    ssize_t n = readlink("/proc/self/exe", top, size - 1);

    if (n <= 0)
        return -1;
    top[n] = '\0';
    for (int up = 0; up < 6; up++) {
        char *slash = strrchr(top, '/');
        if (slash == NULL)
            return -1;
        *slash = '\0';
        snprintf(probe, sizeof(probe), "%s/corpus/lexicon/clientcues.txt",
                 top);
        if (access(probe, R_OK) == 0)
            return 0;
    }
    return -1;
}

static int fixture_open(mosaic_extractor **out)
{
    char top[PATH_MAX], a[PATH_MAX + 64], b[PATH_MAX + 64];

    if (fixture_dir[0] == '\0') {
        snprintf(fixture_dir, sizeof(fixture_dir), "/tmp/mosaic-xtest-XXXXXX");
        if (fixture_top(top, sizeof(top)) < 0 || mkdtemp(fixture_dir) == NULL)
            return -1;
        snprintf(a, sizeof(a), "%s/corpus/lexicon", top);
        snprintf(b, sizeof(b), "%s/lexicon", fixture_dir);
        if (symlink(a, b) < 0)
            return -1;
        snprintf(b, sizeof(b), "%s/refdata", fixture_dir);
        if (mkdir(b, 0700) < 0)
            return -1;
        snprintf(a, sizeof(a), "%s/tests/fixtures/gazetteer/places.tsv", top);
        snprintf(b, sizeof(b), "%s/refdata/places.tsv", fixture_dir);
        if (symlink(a, b) < 0)
            return -1;
    }
    return mosaic_extractor_open(out, fixture_dir);
}

static void fixture_cleanup(void)
{
    char p[PATH_MAX + 64];

    if (fixture_dir[0] == '\0')
        return;
    snprintf(p, sizeof(p), "%s/lexicon", fixture_dir);
    unlink(p);
    snprintf(p, sizeof(p), "%s/refdata/places.tsv", fixture_dir);
    unlink(p);
    snprintf(p, sizeof(p), "%s/refdata", fixture_dir);
    rmdir(p);
    rmdir(fixture_dir);
    fixture_dir[0] = '\0';
}

/* The spans of one extraction, as text (to compare two runs). */
static inline void describe_spans(const mosaic_extraction *x, char *out,
                                  size_t size)
{
    size_t o = 0;

    out[0] = '\0';
    for (size_t i = 0; i < x->n && o < size; i++) {
        const mosaic_span *s = &x->spans[i];
        o += (size_t)snprintf(out + o, size - o, "[%zu-%zu %s %s %d]",
                              s->start, s->end, s->category,
                              s->value ? s->value : "", (int)s->about);
    }
}

static const mosaic_span *find_span(const mosaic_extraction *x,
                                    const char *category, const char *words)
{
    for (size_t i = 0; i < x->n; i++)
        if (strcmp(x->spans[i].category, category) == 0 &&
            (words == NULL || strcmp(x->spans[i].text, words) == 0))
            return &x->spans[i];
    return NULL;
}

/* Check every case; the failure names the case. */
static void check_span_cases(const struct span_case *cases, size_t n)
{
    mosaic_extractor *ext = NULL;
    const mosaic_extraction *x;

    if (fixture_open(&ext) < 0)
        fail_msg("extractor: %s", mosaic_error_last()->message);
    for (size_t i = 0; i < n; i++) {
        const struct span_case *c = &cases[i];
        const mosaic_span *s;
        if (mosaic_extract(&x, ext, c->text, strlen(c->text), c->created_at) <
            0)
            fail_msg("\"%s\": %s", c->text, mosaic_error_last()->message);
        s = find_span(x, c->category, c->words);
        if (c->present && s == NULL)
            fail_msg("\"%s\": no %s \"%s\"", c->text, c->category, c->words);
        if (!c->present && s != NULL)
            fail_msg("\"%s\": unwanted %s \"%s\"", c->text, c->category,
                     s->text);
        if (s && c->value && (s->value == NULL || strcmp(s->value, c->value)))
            fail_msg("\"%s\": %s value \"%s\", want \"%s\"", c->text,
                     c->category, s->value ? s->value : "(null)", c->value);
        if (s && c->about >= 0 && (int)s->about != c->about)
            fail_msg("\"%s\": %s about %s, want %s", c->text, c->category,
                     mosaic_about_name(s->about),
                     mosaic_about_name((mosaic_about)c->about));
    }
    mosaic_extractor_close(ext);
}

#endif
