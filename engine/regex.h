/*
 * regex.h -- PCRE2 behind a small private wrapper: compile once with JIT,
 * then visit every match in a text.  PCRE2 types stay in regex.c.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_REGEX_H
#define MOSAIC_REGEX_H

#include <stddef.h>

typedef struct regex regex;

#define REGEX_CASELESS 1
#define REGEX_ANCHORED 2 /* match only where the search starts (\\G) */
/* With REGEX_ANCHORED: the caller tests where a match may start itself,
 * so the first bytes are not worked out (a second compile). */
#define REGEX_OWN_STARTS 4

/* A pattern (UTF-8 mode) to compile on its first match; `name` is for
 * the error message.  Copies both strings. */
int regex_new(regex **out, const char *name, const char *pattern,
              int flags);
/* Compile now (done by the first match anyway); 0, or MOSAIC_ERROR
 * naming the pattern. */
int regex_compile(regex *re);
void regex_free(regex *re);

/* Called per match: ov[2k], ov[2k+1] are the byte offsets of group k
 * (SIZE_MAX for an unset group); return <0 to stop with that code. */
typedef int (*regex_match_fn)(const char *text, const size_t *ov,
                              int ngroups, void *ctx);

/* Visit every non-overlapping match in text[0..len), which must be valid
 * UTF-8.  Returns 0, the callback's negative code, or a match error. */
int regex_each(regex *re, const char *text, size_t len, regex_match_fn fn,
               void *ctx);

/* The bytes a match can start with, 256 bits (all set when unknown, and
 * until regex_compile, which fills in this same map). */
const unsigned char *regex_first_bytes(const regex *re);
#define REGEX_MAY_START(map, c) ((map)[(unsigned char)(c) / 8] >>          \
                                 ((unsigned char)(c) % 8) & 1)

/* One match starting exactly at `at` (a REGEX_ANCHORED pattern): calls
 * fn (unless NULL) and sets *end when there is one.  Returns 1, 0
 * (none), or <0. */
int regex_here(regex *re, const char *text, size_t len, size_t at,
               size_t *end, regex_match_fn fn, void *ctx);

#endif
