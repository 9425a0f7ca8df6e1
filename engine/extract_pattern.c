/*
 * extract_pattern.c -- compile and run the recognisers' pattern tables;
 * read numbers written in words.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "error.h"
#include "extract_pattern.h"

int extract_patterns_new(struct extract_patterns **out)
{
    struct extract_patterns *p = calloc(1, sizeof(*p));
    int rc;

    *out = NULL;
    if (p == NULL)
        return mosaic__error_oom();
    if ((rc = extract_dates_compile(p)) < 0 ||
        (rc = extract_times_compile(p)) < 0 ||
        (rc = extract_ages_compile(p)) < 0 ||
        (rc = extract_contacts_compile(p)) < 0 ||
        (rc = extract_shapes_compile(p)) < 0) {
        extract_patterns_free(p);
        return rc;
    }
    *out = p;
    return 0;
}

void extract_patterns_free(struct extract_patterns *p)
{
    if (p == NULL)
        return;
    for (size_t i = 0; i < RX_MAX; i++) {
        regex_free(p->re[i]);
        free(p->starts[i]);
    }
    free(p);
}

static int rx_space(unsigned c) /* a pattern's \s (no PCRE2_UCP) */
{
    return c == ' ' || c - '\t' <= '\r' - '\t';
}

/* The classes of the bytes of a starts list: letters caseless, '#' each
 * digit, every space one class.  Returns their count. */
static unsigned starts_classes(uint8_t *class_of, const char *list)
{
    unsigned n = 3;

    for (unsigned c = 0x80; c < 256; c++)
        class_of[c] = 1;
    for (unsigned c = 0; c < 0x80; c++)
        if (rx_space(c))
            class_of[c] = 2;
    for (const char *p = list; *p; p++) {
        unsigned c = (unsigned char)*p;
        if (c == '|' || c == ' ' || (c != '#' && class_of[c]))
            continue;
        for (unsigned d = c == '#' ? '0' : c; d <= (c == '#' ? '9' : c); d++)
            if (!class_of[d]) {
                class_of[d] = (uint8_t)n;
                class_of[d - 'a' < 26 ? d - 0x20 : d] = (uint8_t)n++;
            }
    }
    return n;
}

/* A new node, reached by a space when `space`; 0 when the trie is full. */
static unsigned starts_node(struct rx_starts *st, unsigned *nodes, int space)
{
    uint8_t *row;

    if (*nodes + 1 >= STARTS_MAY)
        return 0;
    row = &st->step[++*nodes * st->nclass];
    row[1] = STARTS_MAY;
    if (space) /* ' ' is one space or more */
        row[2] = (uint8_t)*nodes;
    return *nodes;
}

/* Where all ten digits lead from node, or -1 when they differ. */
static int starts_digits_to(const struct rx_starts *st, unsigned node)
{
    const uint8_t *row = &st->step[node * st->nclass];
    int to = row[st->class_of['0']];

    for (unsigned d = '1'; d <= '9'; d++)
        if (row[st->class_of[d]] != to)
            return -1;
    return to;
}

/* Add prefix p[j..len) below node; 0, or -1 when the trie is full.  A
 * '#' where no digit goes yet makes one node the ten digits share ("##a"
 * is 3 nodes, not 111); a digit may not then go into it (-1). */
static int starts_add(struct rx_starts *st, unsigned *nodes, unsigned node,
                      const char *p, size_t j, size_t len)
{
    unsigned c = (unsigned char)p[j];
    int to = j + 1 < len ? starts_digits_to(st, node) : -1;
    int shared = to > STARTS_NO && to < STARTS_MAY;

    if (c == '#' && (to == STARTS_NO || shared)) {
        uint8_t *row = &st->step[node * st->nclass];
        if (to == STARTS_NO && (to = (int)starts_node(st, nodes, 0)) == 0)
            return -1;
        for (unsigned d = '0'; d <= '9'; d++)
            row[st->class_of[d]] = (uint8_t)to;
        return starts_add(st, nodes, (unsigned)to, p, j + 1, len);
    }
    if (c - '0' < 10 && shared)
        return -1;
    for (unsigned d = c == '#' ? '0' : c; d <= (c == '#' ? '9' : c); d++) {
        uint8_t *next = &st->step[node * st->nclass + st->class_of[d]];
        if (j + 1 == len) { /* a prefix ends: a match may start */
            *next = STARTS_MAY;
            continue;
        }
        if (*next == STARTS_MAY)
            continue; /* a shorter prefix is there already */
        if (*next == STARTS_NO &&
            (*next = (uint8_t)starts_node(st, nodes, d == ' ')) == 0)
            return -1;
        if (starts_add(st, nodes, *next, p, j + 1, len) < 0)
            return -1;
    }
    return 0;
}

/* 1 if prefix w (len bytes) can go in a starts trie: ASCII, no capital,
 * no space but ' ', not first, not two in a row. */
static int starts_ok(const char *w, size_t len)
{
    if (len == 0 || w[0] == ' ')
        return 0;
    for (size_t j = 0; j < len; j++) {
        unsigned c = (unsigned char)w[j];
        if (c >= 0x80 || c - 'A' < 26 || (rx_space(c) && c != ' ') ||
            (c == ' ' && w[j - 1] == ' '))
            return 0;
    }
    return 1;
}

/* A row's `starts` ("in |early|#0s") as a trie. */
static int starts_new(struct rx_starts **out, const char *name,
                      const char *list)
{
    struct rx_starts *st;
    uint8_t class_of[256] = { 0 };
    unsigned nclass, nodes = STARTS_ROOT;

    *out = NULL;
    if (list == NULL)
        return 0;
    nclass = starts_classes(class_of, list);
    if ((st = calloc(1, sizeof(*st) + STARTS_MAY * nclass)) == NULL)
        return mosaic__error_oom();
    memcpy(st->class_of, class_of, sizeof(class_of));
    st->nclass = nclass;
    st->step[STARTS_ROOT * nclass + 1] = STARTS_MAY;
    for (const char *w = list; *w;) {
        size_t len = strcspn(w, "|");
        if (!starts_ok(w, len) ||
            starts_add(st, &nodes, STARTS_ROOT, w, 0, len) < 0) {
            free(st);
            return mosaic__error_set(MOSAIC_ERROR, "pattern %s: bad starts "
                                     "list", name);
        }
        w += len + (w[len] == '|');
    }
    for (unsigned c = 0; c < 256; c++)
        if (st->step[STARTS_ROOT * nclass + class_of[c]] != STARTS_NO)
            st->first[c / 8] |= (unsigned char)(1u << c % 8);
    *out = st;
    return 0;
}

int extract_rx_compile(struct extract_patterns *p, int base,
                       const struct rx_row *rows, size_t n)
{
    struct rx_rows_of *ro = &p->rows_of[base / 8];
    int rc;

    for (size_t i = 0; i < n; i++) {
        /* a row's starts test its first byte, and more */
        int flags = rows[i].flags | (rows[i].starts ? REGEX_OWN_STARTS : 0);
        if ((rc = regex_new(&p->re[base + (int)i], rows[i].name,
                            rows[i].pattern, flags)) < 0 ||
            (rc = starts_new(&p->starts[base + (int)i], rows[i].name,
                             rows[i].starts)) < 0)
            return rc;
        ro->any |= rows[i].need;
        if (rows[i].need == 0)
            ro->always |= 1u << i;
        for (uint64_t b = rows[i].need; b; b &= b - 1)
            ro->of[__builtin_ctzll(b)] |= 1u << i;
    }
    return 0;
}

/* One pass: the words of role bit b go to the b-th stretch of nnear
 * slots, so no counting pass is needed to place them. */
int extract_index_near(mosaic_extractor *ext)
{
    size_t stride = ext->nnear;
    uint32_t present = 0;

    if (stride * 32 > ext->by_role_cap) {
        uint32_t *p = realloc(ext->by_role, stride * 32 * sizeof(*p));
        if (p == NULL)
            return mosaic__error_oom();
        ext->by_role = p;
        ext->by_role_cap = stride * 32;
    }
    memset(ext->role_n, 0, sizeof(ext->role_n));
    for (size_t q = 0; q < ext->nnear; q++) {
        uint32_t r = ext->toks[ext->near[q]].roles & TRIG_NEAR_ANY;
        present |= r;
        for (; r; r &= r - 1) {
            int b = __builtin_ctz(r);
            ext->by_role[b * stride + ext->role_n[b]++] = ext->near[q];
        }
    }
    for (uint32_t r = present; r; r &= r - 1) {
        int b = __builtin_ctz(r);
        ext->role_at[b] = (uint32_t)(b * stride);
    }
    ext->roles_listed = present;
    return 0;
}

/* Where a pattern may start in a token: a hashtag's first word after
 * its '#' ("#Easter"). */
static size_t word_start(const xtoken *t)
{
    return t->start + ((t->flags & TOK_TAG_FIRST) != 0);
}

/* 1 if a match may start at t[at] by the row's starts (NULL: any): one
 * of them is there, ASCII letters caseless, '#' a digit, ' ' one or more
 * spaces; or the text leaves ASCII before it fails one. */
static int may_start(const struct rx_starts *st, const char *t, size_t n,
                     size_t at)
{
    unsigned node = STARTS_ROOT;

    if (st == NULL)
        return 1;
    for (size_t i = at; i < n; i++) {
        node = st->step[node * st->nclass +
                        st->class_of[(unsigned char)t[i]]];
        if (node == STARTS_NO || node == STARTS_MAY)
            return node == STARTS_MAY;
    }
    return 0;
}

/* Where the near-trigger tries of one row stand in the post. */
struct near_run {
    regex *re;
    const struct rx_row *row;
    const struct rx_starts *starts;
    const unsigned char *first; /* bytes a match can start with */
    size_t tried;               /* tokens before it were tried */
    size_t done;                /* bytes before it are in a match */
};

/* Anchored tries at each word from w tokens before trigger word k to
 * the word, matches not overlapping. */
static inline __attribute__((always_inline)) int
try_near(mosaic_extractor *ext, struct near_run *nr, size_t k)
{
    size_t w = RX_WINDOW(nr->row->flags), end;
    size_t s = k > w ? k - w : 0;
    int for_only = (nr->row->flags & RX_STARTS_FOR) != 0, rc;

    for (s = s > nr->tried ? s : nr->tried; s <= k; s++) {
        size_t at = word_start(&ext->toks[s]);
        if (at < nr->done)
            continue;
        nr->tried = s + 1;
        if ((for_only && !(ext->toks[s].roles & TRIG_FOR)) ||
            !REGEX_MAY_START(nr->first, ext->clean[at]) ||
            !may_start(nr->starts, ext->clean, ext->clean_len, at))
            continue; /* no match can start here */
        if ((rc = regex_here(nr->re, ext->clean, ext->clean_len, at, &end,
                             nr->row->fn, ext)) < 0)
            return rc;
        if (rc > 0)
            nr->done = end > at ? end : at + 1;
    }
    return 0;
}

/* An RX_NEAR_TRIGGER row: tries near each trigger word.  Such a pattern
 * matches only where a word starts, not inside a URL.  The words of a
 * one-role trigger are listed (extract_index_near); others are found in
 * the list of all trigger words, or among all tokens. */
static int run_near_triggers(mosaic_extractor *ext, int slot,
                             const struct rx_row *row)
{
    regex *re = ext->patterns->re[slot];
    struct near_run nr = { re, row, ext->patterns->starts[slot], NULL, 0,
                           0 };
    uint32_t need = row->near ? row->near : (uint32_t)row->need;
    int rc;

    /* (all bytes until the pattern's first try compiles it: regex_here
     * tests the byte again then) */
    nr.first = nr.starts ? nr.starts->first : regex_first_bytes(re);
    if ((need & (need - 1)) == 0 && (need & TRIG_NEAR_ANY)) {
        uint32_t n;
        const uint32_t *k = extract_role_list(ext, need, &n);
        for (uint32_t q = 0; q < n; q++)
            if ((rc = try_near(ext, &nr, k[q])) < 0)
                return rc;
        return 0;
    }
    if ((need & ~(uint32_t)TRIG_NEAR_ANY) == 0) {
        for (size_t q = 0; q < ext->nnear; q++)
            if ((ext->toks[ext->near[q]].roles & need) &&
                (rc = try_near(ext, &nr, ext->near[q])) < 0)
                return rc;
        return 0;
    }
    for (size_t k = 0; k < ext->ntoks; k++)
        if ((ext->toks[k].roles & need) && (rc = try_near(ext, &nr, k)) < 0)
            return rc;
    return 0;
}

/* The reference the triggers must not change (ext->exhaustive, for
 * tests): an anchored try at every word of the post. */
static int run_at_every_word(mosaic_extractor *ext, regex *re,
                             const struct rx_row *row)
{
    size_t done = 0, end;
    int rc;

    for (size_t s = 0; s < ext->ntoks; s++) {
        size_t at = word_start(&ext->toks[s]);
        if (at < done)
            continue;
        if ((rc = regex_here(re, ext->clean, ext->clean_len, at, &end,
                             row->fn, ext)) < 0)
            return rc;
        if (rc > 0)
            done = end > at ? end : at + 1;
    }
    return 0;
}

/* The rows of a table the post's triggers let run, one bit each: made
 * from the few trigger bits the post has, not tested row by row (most
 * rows are skipped, unpredictably). */
static uint32_t rows_to_run(const mosaic_extractor *ext, int base,
                            size_t n)
{
    const struct rx_rows_of *ro = &ext->patterns->rows_of[base / 8];
    uint32_t run = ro->always;

    if (ext->exhaustive)
        return (uint32_t)((1ull << n) - 1);
    for (uint64_t b = ext->post_trig & ro->any; b; b &= b - 1)
        run |= ro->of[__builtin_ctzll(b)];
    return run;
}

/* The rows `run` (one bit each) of a table, in order.  Out of line: most
 * posts run no row of most tables, and skip its register saving. */
static __attribute__((noinline)) int
run_rows(mosaic_extractor *ext, int base, const struct rx_row *rows,
         uint32_t run)
{
    int rc = 0;

    for (; run && rc >= 0; run &= run - 1) {
        int i = __builtin_ctz(run);
        regex *re = ext->patterns->re[base + i];
        if (!(rows[i].flags & REGEX_ANCHORED))
            rc = regex_each(re, ext->clean, ext->clean_len, rows[i].fn, ext);
        else if (ext->exhaustive)
            rc = run_at_every_word(ext, re, &rows[i]);
        else
            rc = run_near_triggers(ext, base + i, &rows[i]);
    }
    return rc < 0 ? rc : 0;
}

int extract_rx_run(mosaic_extractor *ext, int base,
                   const struct rx_row *rows, size_t n)
{
    uint32_t run = rows_to_run(ext, base, n);

    return run ? run_rows(ext, base, rows, run) : 0;
}

static const char *const units[] = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
    "sixteen", "seventeen", "eighteen", "nineteen",
};
static const char *const tens[] = { "twenty", "thirty", "forty", "fifty",
                                    "sixty", "seventy", "eighty",
                                    "ninety" };

static int word_number(const char *s, size_t len)
{
    for (size_t i = 0; i < 20; i++)
        if (strlen(units[i]) == len && strncasecmp(s, units[i], len) == 0)
            return (int)i;
    for (size_t i = 0; i < 8; i++) {
        size_t tl = strlen(tens[i]);
        if (len >= tl && strncasecmp(s, tens[i], tl) == 0) {
            int u;
            if (len == tl)
                return 20 + 10 * (int)i;
            if (s[tl] != '-' && s[tl] != ' ')
                return -1;
            u = word_number(s + tl + 1, len - tl - 1);
            return u >= 1 && u <= 9 ? 20 + 10 * (int)i + u : -1;
        }
    }
    if ((len == 1 && (s[0] | 0x20) == 'a') ||
        (len == 2 && strncasecmp(s, "an", 2) == 0))
        return 1;
    return -1;
}

int extract_number(const char *s, size_t len)
{
    int v = 0;

    if (len == 0)
        return -1;
    if ((unsigned)s[0] - '0' >= 10)
        return word_number(s, len);
    for (size_t i = 0; i < len && i < 6; i++) {
        if ((unsigned)s[i] - '0' >= 10)
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}
