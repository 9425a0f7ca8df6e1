/*
 * regex.c -- PCRE2 JIT compile (on first use) and match loop; see
 * regex.h.
 * SPDX-License-Identifier: MIT
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <valgrind/valgrind.h>

#include "error.h"
#include "regex.h"

#define REGEX_GROUPS_MAX 16

struct regex {
    char *name, *pattern; /* kept until the first match compiles it */
    uint32_t opts;
    pcre2_code *code;
    pcre2_match_data *match;
    int jit;
    int anchored;
    int own_starts; /* REGEX_OWN_STARTS: `first` stays all bytes */
    uint8_t first[32]; /* bytes a match can start with (all when unknown) */
};

/* Patterns are compiled (and JIT-compiled) on their first match: most
 * posts trigger few of them, and a process that checks one draft pays
 * only for the patterns it runs. */
int regex_new(regex **out, const char *name, const char *pattern, int flags)
{
    regex *re = NULL;
    size_t n = strlen(pattern) + 8;
    int error = 0;

    *out = NULL;
    if ((re = calloc(1, sizeof(*re))) == NULL ||
        (re->name = strdup(name)) == NULL ||
        (re->pattern = malloc(n)) == NULL) {
        error = mosaic__error_oom();
        goto done;
    }
    re->opts = PCRE2_UTF | PCRE2_NO_UTF_CHECK;
    if (flags & REGEX_CASELESS)
        re->opts |= PCRE2_CASELESS;
    /* \G: JIT treats the pattern as anchored, so a search tries one
     * place (PCRE2_ANCHORED at match time would leave the JIT) */
    snprintf(re->pattern, n, flags & REGEX_ANCHORED ? "\\G(?:%s)" : "%s",
             pattern);
    re->anchored = (flags & REGEX_ANCHORED) != 0;
    re->own_starts = (flags & REGEX_OWN_STARTS) != 0;
    memset(re->first, 0xFF, sizeof(re->first));
    *out = re;
    re = NULL;
done:
    regex_free(re);
    return error;
}

/* An anchored pattern's possible first bytes: PCRE2's start bitmap of
 * the pattern without its \G (the one an unanchored search uses to
 * skip ahead), so a try where no match can start is never made. */
static void first_bytes(regex *re)
{
    const uint8_t *map = NULL;
    pcre2_code *plain;
    PCRE2_SIZE at;
    int rc;

    plain = pcre2_compile((PCRE2_SPTR)re->pattern + 5,
                          strlen(re->pattern) - 6, re->opts, &rc, &at, NULL);
    if (plain && pcre2_pattern_info(plain, PCRE2_INFO_FIRSTBITMAP, &map) ==
                     0 && map != NULL)
        memcpy(re->first, map, sizeof(re->first));
    pcre2_code_free(plain);
}

int regex_compile(regex *re)
{
    PCRE2_SIZE at;
    int rc;

    if (re->code != NULL)
        return 0;
    re->code = pcre2_compile((PCRE2_SPTR)re->pattern, PCRE2_ZERO_TERMINATED,
                             re->opts, &rc, &at, NULL);
    if (re->code == NULL) {
        PCRE2_UCHAR why[128];
        pcre2_get_error_message(rc, why, sizeof(why));
        return mosaic__error_set(MOSAIC_ERROR, "pattern %s: %s at %zu",
                                 re->name, (const char *)why, (size_t)at);
    }
    /* JIT code is opaque to valgrind (false "uninitialised" reports):
     * under valgrind the interpreter matches the same. */
    if (re->anchored && !re->own_starts)
        first_bytes(re);
    re->jit = !RUNNING_ON_VALGRIND &&
              pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE) == 0;
    if ((re->match = pcre2_match_data_create(REGEX_GROUPS_MAX, NULL)) ==
        NULL) {
        pcre2_code_free(re->code);
        re->code = NULL;
        return mosaic__error_oom();
    }
    memset(pcre2_get_ovector_pointer(re->match), 0xFF, /* all unset */
           2 * REGEX_GROUPS_MAX * sizeof(PCRE2_SIZE));
    return 0;
}

const unsigned char *regex_first_bytes(const regex *re)
{
    return re->first;
}

void regex_free(regex *re)
{
    if (re == NULL)
        return;
    pcre2_match_data_free(re->match);
    pcre2_code_free(re->code);
    free(re->name);
    free(re->pattern);
    free(re);
}

static int regex_match_at(regex *re, const char *text, size_t len,
                          size_t at)
{
    if (re->jit)
        return pcre2_jit_match(re->code, (PCRE2_SPTR)text, len, at, 0,
                               re->match, NULL);
    return pcre2_match(re->code, (PCRE2_SPTR)text, len, at,
                       PCRE2_NO_UTF_CHECK, re->match, NULL);
}

/* PCRE2 marks an unset group with PCRE2_UNSET: the same SIZE_MAX. */
_Static_assert(sizeof(PCRE2_SIZE) == sizeof(size_t) &&
                   PCRE2_UNSET == SIZE_MAX,
               "PCRE2 offsets are size_t");

/* The groups of the last match, PCRE2's own offsets: it sets every group
 * of the pattern (unset ones PCRE2_UNSET) and never touches the pairs
 * beyond, which regex_compile left unset.  *n becomes the count of
 * groups a callback may read. */
static const size_t *match_groups(regex *re, int *n)
{
    if (*n == 0 || *n > REGEX_GROUPS_MAX)
        *n = REGEX_GROUPS_MAX;
    return pcre2_get_ovector_pointer(re->match);
}

int regex_here(regex *re, const char *text, size_t len, size_t at,
               size_t *end, regex_match_fn fn, void *ctx)
{
    const size_t *ov;
    int n, rc;

    /* (compiled on the first try: no call on the many after) */
    if (re->code == NULL && (rc = regex_compile(re)) < 0)
        return rc;
    if (at < len && !(re->first[(unsigned char)text[at] / 8] >>
                      ((unsigned char)text[at] % 8) & 1))
        return 0; /* no match starts with this byte */
    n = regex_match_at(re, text, len, at);

    if (n == PCRE2_ERROR_NOMATCH)
        return 0;
    if (n < 0)
        return mosaic__error_set(MOSAIC_ERROR, "pattern match failed (%d)",
                                 n);
    ov = match_groups(re, &n);
    if (fn && (rc = fn(text, ov, n, ctx)) < 0)
        return rc;
    *end = ov[1];
    return 1;
}

int regex_each(regex *re, const char *text, size_t len, regex_match_fn fn,
               void *ctx)
{
    size_t at = 0;
    int error;

    if ((error = regex_compile(re)) < 0)
        return error;
    while (at <= len) {
        int n = regex_match_at(re, text, len, at), rc;
        const size_t *ov;

        if (n == PCRE2_ERROR_NOMATCH)
            return 0;
        if (n < 0)
            return mosaic__error_set(MOSAIC_ERROR, "pattern match failed "
                                     "(%d)", n);
        ov = match_groups(re, &n);
        if ((rc = fn(text, ov, n, ctx)) < 0)
            return rc;
        if (ov[1] > ov[0]) {
            at = ov[1];
        } else {
            at = ov[1] + 1;
            while (at < len && ((unsigned char)text[at] & 0xC0) == 0x80)
                at++;
        }
    }
    return 0;
}
