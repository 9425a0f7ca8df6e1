/*
 * extract_pattern.h -- the pattern-driven recognisers' shared runner:
 * each recogniser file holds a table of rows (PCRE2 pattern + handler),
 * compiled once into its own slots of the extractor's pattern set.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_EXTRACT_PATTERN_H
#define MOSAIC_EXTRACT_PATTERN_H

#include "extract.h"
#include "regex.h"

/* Slot bases, one block per recogniser file. */
enum { RX_DATES = 0, RX_TIMES = 16, RX_AGES = 32, RX_CONTACTS = 48,
       RX_SHAPES = 56, RX_MAX = 64 };

/* Which rows of one table (block of slots) the post's triggers let
 * run: those that need none, and those each trigger bit lets. */
struct rx_rows_of {
    uint64_t any;    /* the bits any row of the table needs */
    uint32_t always; /* rows that need none, one bit each */
    uint32_t of[64]; /* rows whose need holds bit b */
};

/* A row's `starts` as a trie walked byte by byte: step[node * nclass +
 * class of byte] is the next node, STARTS_NO (no prefix is there) or
 * STARTS_MAY (a prefix is, or a byte beyond ASCII: PCRE2 may fold it,
 * "\u017F" is a caseless 's').  Node 1 is the root. */
enum { STARTS_NO = 0, STARTS_ROOT = 1, STARTS_MAY = 255 };
struct rx_starts {
    /* The bytes a match may start with, as a 256-bit map (as
     * regex_first_bytes'), for the cheap first test. */
    unsigned char first[32];
    uint8_t class_of[256]; /* 0 no prefix has it, 1 beyond ASCII, 2 a
                              space, then one per byte the prefixes hold */
    unsigned nclass;
    uint8_t step[]; /* 255 nodes by nclass, the first (0) unused */
};

struct extract_patterns {
    regex *re[RX_MAX];
    struct rx_starts *starts[RX_MAX]; /* NULL: the row has none */
    struct rx_rows_of rows_of[RX_MAX / 8]; /* by slot base / 8 */
};

/* A handler gets the extractor as ctx (see regex_match_fn). */
struct rx_row {
    const char *name;
    const char *pattern;
    int flags; /* REGEX_CASELESS, RX_NEAR_TRIGGER(w) */
    regex_match_fn fn;
    uint64_t need; /* TRIG_* of which one must be in the post (0: any) */
    uint32_t near; /* RX_NEAR_TRIGGER: the roles of the words a match is
                      near (0: need's) */
    const char *starts; /* RX_NEAR_TRIGGER: what every match starts with,
                           '|'-separated caseless prefixes ('#' a digit,
                           ' ' spaces), so a word without one is not
                           tried; NULL: anything */
};

/* Try the pattern only at the trigger words (tokens with a `need` role)
 * and the w tokens before each, not over the whole post: for patterns
 * that start at most w tokens before a trigger word. */
#define RX_NEAR_TRIGGER(w) (REGEX_ANCHORED | ((w) << 8))
#define RX_WINDOW(flags) ((size_t)(flags) >> 8 & 0xF)
/* With RX_NEAR_TRIGGER: every match starts with a TRIG_FOR word followed
 * by a space, so only such tokens are tried. */
#define RX_STARTS_FOR 0x1000

int extract_rx_compile(struct extract_patterns *p, int base,
                       const struct rx_row *rows, size_t n);
int extract_rx_run(mosaic_extractor *ext, int base,
                   const struct rx_row *rows, size_t n);

/* Compile hooks, one per recogniser file. */
int extract_dates_compile(struct extract_patterns *p);
int extract_times_compile(struct extract_patterns *p);
int extract_ages_compile(struct extract_patterns *p);
int extract_contacts_compile(struct extract_patterns *p);
int extract_shapes_compile(struct extract_patterns *p);

/* A number written as digits or words ("fifteen", "twenty-one", "a"),
 * or -1. */
int extract_number(const char *s, size_t len);

/* Group k of a match: its offsets, and whether it is set. */
#define GROUP_SET(ov, k) ((ov)[2 * (k)] != (size_t)-1)
#define GROUP_LEN(ov, k) ((ov)[2 * (k) + 1] - (ov)[2 * (k)])

/* Patterns shared by several recognisers. */
#define RX_NUMWORD                                                        \
    "(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"        \
    "(?:[\\s-](?:one|two|three|four|five|six|seven|eight|nine))?|"        \
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"     \
    "thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
#define RX_WEEKDAY                                                        \
    "(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)day"
#define RX_APOS "(?:'|\xE2\x80\x99)"
#define RX_DECADE_WORD                                                    \
    "(?:teens|twenties|thirties|forties|fifties|sixties|seventies|"        \
    "eighties|nineties)"
#define RX_MONTH                                                          \
    "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|"      \
    "july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|"       \
    "dec(?:ember)?)"

#endif
