/*
 * regex.c -- PCRE2 JIT compile and match loop; see regex.h.
 * SPDX-License-Identifier: MIT
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "regex.h"

#define REGEX_GROUPS_MAX 16

struct regex {
    pcre2_code *code;
    pcre2_match_data *match;
    int jit;
};

int regex_new(regex **out, const char *name, const char *pattern, int flags)
{
    regex *re = NULL;
    uint32_t opts = PCRE2_UTF | PCRE2_NO_UTF_CHECK;
    PCRE2_SIZE at;
    int rc, error = 0;

    *out = NULL;
    if ((re = calloc(1, sizeof(*re))) == NULL)
        return mosaic__error_oom();
    if (flags & REGEX_CASELESS)
        opts |= PCRE2_CASELESS;
    if (flags & REGEX_ANCHORED) {
        /* \G: JIT treats the pattern as anchored, so a search tries one
         * place (PCRE2_ANCHORED at match time would leave the JIT) */
        size_t n = strlen(pattern) + 8;
        char *g = malloc(n);
        if (g == NULL) {
            error = mosaic__error_oom();
            goto done;
        }
        snprintf(g, n, "\\G(?:%s)", pattern);
        re->code = pcre2_compile((PCRE2_SPTR)g, PCRE2_ZERO_TERMINATED, opts,
                                 &rc, &at, NULL);
        free(g);
    } else {
        re->code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                                 opts, &rc, &at, NULL);
    }
    if (re->code == NULL) {
        PCRE2_UCHAR why[128];
        pcre2_get_error_message(rc, why, sizeof(why));
        error = mosaic__error_set(MOSAIC_ERROR, "pattern %s: %s at %zu",
                                  name, (const char *)why, (size_t)at);
        goto done;
    }
    re->jit = pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE) == 0;
    re->match = pcre2_match_data_create(REGEX_GROUPS_MAX, NULL);
    if (re->match == NULL) {
        error = mosaic__error_oom();
        goto done;
    }
    *out = re;
    re = NULL;
done:
    regex_free(re);
    return error;
}

void regex_free(regex *re)
{
    if (re == NULL)
        return;
    pcre2_match_data_free(re->match);
    pcre2_code_free(re->code);
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

static void copy_groups(regex *re, int n, size_t *ov)
{
    PCRE2_SIZE *v = pcre2_get_ovector_pointer(re->match);

    if (n == 0)
        n = REGEX_GROUPS_MAX;
    for (int k = 0; k < 2 * REGEX_GROUPS_MAX; k++)
        ov[k] = k >= 2 * n || v[k] == PCRE2_UNSET ? SIZE_MAX : (size_t)v[k];
}

int regex_here(regex *re, const char *text, size_t len, size_t at,
               size_t *end, regex_match_fn fn, void *ctx)
{
    size_t ov[2 * REGEX_GROUPS_MAX];
    int n = regex_match_at(re, text, len, at), rc;

    if (n == PCRE2_ERROR_NOMATCH)
        return 0;
    if (n < 0)
        return mosaic__error_set(MOSAIC_ERROR, "pattern match failed (%d)",
                                 n);
    copy_groups(re, n, ov);
    if ((rc = fn(text, ov, n ? n : REGEX_GROUPS_MAX, ctx)) < 0)
        return rc;
    *end = ov[1];
    return 1;
}

int regex_each(regex *re, const char *text, size_t len, regex_match_fn fn,
               void *ctx)
{
    size_t at = 0, ov[2 * REGEX_GROUPS_MAX];

    while (at <= len) {
        int n = regex_match_at(re, text, len, at), rc;
        PCRE2_SIZE *v;

        if (n == PCRE2_ERROR_NOMATCH)
            return 0;
        if (n < 0)
            return mosaic__error_set(MOSAIC_ERROR, "pattern match failed "
                                     "(%d)", n);
        if (n == 0)
            n = REGEX_GROUPS_MAX;
        v = pcre2_get_ovector_pointer(re->match);
        for (int k = 0; k < 2 * REGEX_GROUPS_MAX; k++)
            ov[k] = k >= 2 * n || v[k] == PCRE2_UNSET ? SIZE_MAX
                                                      : (size_t)v[k];
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
