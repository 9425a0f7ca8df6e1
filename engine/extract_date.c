/*
 * extract_date.c -- dates: absolute ("5 March 2024", "05/03/2024"),
 * years and their ranges ("between 1993 and 1995"), eras ("the early
 * 1990s"), weekdays, relative ("yesterday", "last Tuesday", "a fortnight ago"),
 * UK holidays ("Boxing Day", "bank holiday") and durations ("for three
 * years"), each resolved against the post's created_at into an ISO 8601
 * interval "YYYY-MM-DD/YYYY-MM-DD" (durations: "P3Y").
 * SPDX-License-Identifier: MIT
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract_pattern.h"
#include "timefmt.h"

/* A month named in full: "May" and "March" only with their capital
 * (the verbs), the others in any case ("in october"). */
#define MONTH_FULL                                                        \
    "(?:(?-i:March|May)|(?i:January|February|April|June|July|August|"     \
    "September|October|November|December))"
#define DAY "(0?[1-9]|[12]\\d|3[01])"
#define YEAR "((?:19|20)\\d\\d)"
#define QUANT "(" RX_NUMWORD "|a|an|a\\s+couple\\s+of|a\\s+few|few|several|\\d{1,3})"
/* What a QUANT starts with (an RX_NEAR_TRIGGER row's `starts`). */
#define QUANT_STARTS                                                      \
    "#|a|one|tw|thr|four|fort|fi|six|seven|eigh|nin|ten|eleven|thir|few|" \
    "several"

/* ---- civil calendar (H. Hinnant's algorithms) ---------------------- */

/* The calendar is timefmt.c's; extraction works in int years. */
void date_civil_from_days(int64_t z, int *y, int *m, int *d)
{
    int64_t year;

    time_civil_from_days(z, &year, m, d);
    *y = (int)year;
}

int date_weekday(int64_t day)
{
    int64_t w = (day + 3) % 7; /* 1970-01-01 was a Thursday */

    return (int)(w < 0 ? w + 7 : w);
}

int64_t date_easter(int year) /* anonymous Gregorian algorithm */
{
    int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
    int f = (b + 8) / 25, g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31;

    return time_days_from_civil(year, month, day + 1);
}

/* The n-th (1-based; -1 the last) weekday wd of a month. */
static int64_t nth_weekday(int y, int m, int wd, int n)
{
    int64_t first = time_days_from_civil(y, m, 1), d;

    if (n > 0) {
        d = first + (wd - date_weekday(first) + 7) % 7;
        return d + 7 * (n - 1);
    }
    d = first + time_days_in_month(y, m) - 1;
    return d - (date_weekday(d) - wd + 7) % 7;
}

/* ---- spans --------------------------------------------------------- */

/* n (0-99) in two digits at o, from a table: no divisions. */
static void put_2digits(char *o, int n)
{
    static const char two[] =
        "00010203040506070809101112131415161718192021222324252627282930"
        "31323334353637383940414243444546474849505152535455565758596061"
        "6263646566676869707172737475767778798081828384858687888990919293"
        "949596979899";

    memcpy(o, two + 2 * n, 2);
}

/* "YYYY-MM-DD" at o (a year 0-9999; snprintf's "%04d-%02d-%02d"
 * without its cost). */
static char *put_day(char *o, int y, int m, int d)
{
    put_2digits(o, y / 100);
    put_2digits(o + 2, y % 100);
    o[4] = '-';
    put_2digits(o + 5, m);
    o[7] = '-';
    put_2digits(o + 8, d);
    return o + 10;
}

static int add_interval(mosaic_extractor *ext, size_t s, size_t e,
                        int64_t lo, int64_t hi)
{
    char v[48];
    int y1, m1, d1, y2, m2, d2;

    date_civil_from_days(lo, &y1, &m1, &d1);
    if (hi == lo) /* one day (most): its date once */
        y2 = y1, m2 = m1, d2 = d1;
    else
        date_civil_from_days(hi, &y2, &m2, &d2);
    if (y1 >= 0 && y1 <= 9999 && y2 >= 0 && y2 <= 9999) {
        char *o = put_day(v, y1, m1, d1);
        *o++ = '/';
        *put_day(o, y2, m2, d2) = '\0';
    } else {
        snprintf(v, sizeof(v), "%04d-%02d-%02d/%04d-%02d-%02d", y1, m1, d1,
                 y2, m2, d2);
    }
    return extract_add(ext, s, e, "DATE", v, PRI_PATTERN);
}

/* A relative date: resolved only when the post has a date. */
static int add_relative(mosaic_extractor *ext, size_t s, size_t e,
                        int64_t lo_off, int64_t hi_off)
{
    if (!ext->have_anchor)
        return extract_add(ext, s, e, "DATE", NULL, PRI_PATTERN);
    return add_interval(ext, s, e, ext->anchor_day + lo_off,
                        ext->anchor_day + hi_off);
}

static int month_number(const char *s)
{
    static const char *const m[] = { "jan", "feb", "mar", "apr",
                                     "may", "jun", "jul", "aug",
                                     "sep", "oct", "nov", "dec" };

    for (int i = 0; i < 12; i++)
        if (extract_iprefix(s, m[i], 3))
            return i + 1;
    return 0;
}

static int weekday_number(const char *s)
{
    static const char *const w[] = { "mo", "tu", "we", "th",
                                     "fr", "sa", "su" };

    for (int i = 0; i < 7; i++)
        if (extract_iprefix(s, w[i], 2))
            return i;
    return 0;
}

static int anchor_year(const mosaic_extractor *ext)
{
    return ext->have_anchor ? ext->anchor_y : 0;
}

static int group_int(const char *t, const size_t *ov, int k)
{
    return GROUP_SET(ov, k) ? atoi(t + ov[2 * k]) : 0;
}

/* 1 if day c may be the one a sentence in tense means, the post being
 * on day a: on or before it for the past, on or after for the future. */
static int on_tense_side(int tense, int64_t c, int64_t a)
{
    return tense == TENSE_PAST ? c <= a : tense == TENSE_FUTURE ? c >= a : 1;
}

/* Of a yearly day's occurrences in the years around the post's, c[3],
 * the nearest the post on the side the tense of the sentence at byte
 * `at` says ("she left on 3 March", "flooded on Boxing Day", posted in
 * November: the ones before). */
static int64_t nearest_occurrence(mosaic_extractor *ext, size_t at,
                                  const int64_t c[3])
{
    int64_t best = c[1], dist = -1, a = ext->anchor_day;
    int tense = extract_tense_at(ext, at);

    for (int k = 0; k < 3; k++)
        if (on_tense_side(tense, c[k], a) &&
            (dist < 0 || llabs(c[k] - a) < dist))
            best = c[k], dist = llabs(c[k] - a);
    return best;
}

/* A day and month without a year: the occurrence nearest the post on the
 * side its sentence's tense says ("she left on 3 March", posted in
 * November: the March before). */
static int add_day_month(mosaic_extractor *ext, size_t s, size_t e, int y,
                         int m, int d)
{
    int64_t day;

    if (d > time_days_in_month(y ? y : 2000, m))
        return 0;
    if (y == 0) {
        int64_t c[3];
        if (!ext->have_anchor)
            return extract_add(ext, s, e, "DATE", NULL, PRI_PATTERN);
        for (int k = 0; k < 3; k++)
            c[k] = time_days_from_civil(anchor_year(ext) + k - 1, m, d);
        day = nearest_occurrence(ext, s, c);
        return add_interval(ext, s, e, day, day);
    }
    day = time_days_from_civil(y, m, d);
    return add_interval(ext, s, e, day, day);
}

static int on_iso(const char *t, const size_t *ov, int n, void *ctx)
{
    (void)n;
    return add_day_month(ctx, ov[0], ov[1], group_int(t, ov, 1),
                         group_int(t, ov, 2), group_int(t, ov, 3));
}

static int on_numeric(const char *t, const size_t *ov, int n, void *ctx)
{
    int y = group_int(t, ov, 3);

    (void)n;
    if (GROUP_LEN(ov, 3) == 2)
        y += 2000;
    return add_day_month(ctx, ov[0], ov[1], y, group_int(t, ov, 2),
                         group_int(t, ov, 1));
}

static int on_day_month(const char *t, const size_t *ov, int n, void *ctx)
{
    (void)n;
    return add_day_month(ctx, ov[0], ov[1], group_int(t, ov, 3),
                         month_number(t + ov[4]), group_int(t, ov, 1));
}

static int on_month_day(const char *t, const size_t *ov, int n, void *ctx)
{
    (void)n;
    return add_day_month(ctx, ov[0], ov[1], group_int(t, ov, 3),
                         month_number(t + ov[2]), group_int(t, ov, 2));
}

static int add_month(mosaic_extractor *ext, size_t s, size_t e, int y, int m)
{
    return add_interval(ext, s, e, time_days_from_civil(y, m, 1),
                        time_days_from_civil(y, m, time_days_in_month(y, m)));
}

static int on_month_year(const char *t, const size_t *ov, int n, void *ctx)
{
    (void)n;
    return add_month(ctx, ov[0], ov[1], group_int(t, ov, 2),
                     month_number(t + ov[2]));
}

/* "in March", "last May": the month nearest the post (last: before;
 * next: after), or on the side its sentence's tense says ("she lost her
 * husband in March", "she is moving in March"). */
static int on_prep_month(const char *t, const size_t *ov, int n, void *ctx)
{
    mosaic_extractor *ext = ctx;
    int m = month_number(t + ov[4]), y = anchor_year(ext), am;
    int last = extract_iprefix(t + ov[2], "last", 4);
    int next = extract_iprefix(t + ov[2], "next", 4);

    (void)n;
    if (!ext->have_anchor)
        return extract_add(ext, ov[4], ov[5], "DATE", NULL, PRI_PATTERN);
    am = ext->anchor_m;
    if (!last && !next && m != am) { /* the month of the post is itself */
        int tense = extract_tense_at(ext, ov[4]);
        last = tense == TENSE_PAST;
        next = tense == TENSE_FUTURE;
    }
    if (last && m >= am)
        y--;
    else if (next && m <= am)
        y++;
    else if (!last && !next && m - am > 6)
        y--;
    else if (!last && !next && am - m > 6)
        y++;
    return add_month(ext, ov[4], ov[5], y, m);
}

static int on_relative_day(const char *t, const size_t *ov, int n, void *ctx)
{
    const char *w = t + ov[0];
    int off = 0;

    (void)n;
    if (extract_iprefix(w, "yesterday", 9) ||
        extract_iprefix(w, "last night", 10))
        off = -1;
    else if (extract_iprefix(w, "the day before", 14))
        off = -2;
    else if (extract_iprefix(w, "tomorrow", 8))
        off = 1;
    else if (extract_iprefix(w, "the other", 9)) /* within the week */
        return add_relative(ctx, ov[0], ov[1], -7, -1);
    return add_relative(ctx, ov[0], ov[1], off, off);
}

/* 1 if the weekday at `at` follows "a", "every" or "each": a weekly
 * day ("someone I see on a Thursday"), not a date. */
static int weekly(const char *t, size_t at)
{
    static const char *const before[] = { "a ", "every ", "each " };

    for (size_t i = 0; i < sizeof(before) / sizeof(*before); i++) {
        size_t n = strlen(before[i]);
        if (at >= n && extract_iprefix(t + at - n, before[i], n) &&
            (at == n || !isalnum((unsigned char)t[at - n - 1])))
            return 1;
    }
    return 0;
}

/* 1 if the recurring weekday at `at` is when the author sees someone
 * ("someone I see on a Thursday", "a lady I've been seeing every
 * Monday", "a man I work with on Tuesdays"): a session's day. */
static int seen_weekly(const mosaic_extractor *ext, size_t at)
{
    size_t k = extract_token_at(ext, at);
    uint32_t sent = k < ext->ntoks ? ext->toks[k].sentence : 0;

    for (int back = 0; back < 5 && k > 0; back++) {
        const xtoken *t = &ext->toks[--k];
        if (t->sentence != sent)
            return 0;
        if (t->roles & ROLE_SEE)
            return (k > 0 && (ext->toks[k - 1].roles & ROLE_FIRST)) ||
                   (k > 1 && (ext->toks[k - 2].roles & ROLE_FIRST) &&
                    (ext->toks[k - 1].roles & ROLE_AUX));
    }
    return 0;
}

static int on_weekday(const char *t, const size_t *ov, int n, void *ctx)
{
    mosaic_extractor *ext = ctx;
    int wd = weekday_number(t + ov[4]), today;
    int64_t off;

    (void)n;
    /* "on Tuesdays", "on a Tuesday": recurring, no date; a session's
     * day when the author sees someone then */
    if (GROUP_SET(ov, 3) || weekly(t, ov[0])) {
        if (seen_weekly(ext, ov[0]))
            return extract_add(ext, ov[0], ov[1], "SESSION", NULL,
                               PRI_PATTERN);
        return extract_add(ext, ov[0], ov[1], "DATE", NULL, PRI_PATTERN);
    }
    if (!ext->have_anchor)
        return extract_add(ext, ov[0], ov[1], "DATE", NULL, PRI_PATTERN);
    today = date_weekday(ext->anchor_day);
    off = -((today - wd + 7) % 7); /* on or before the post */
    if ((!GROUP_SET(ov, 1) || extract_iprefix(t + ov[2], "on", 2)) &&
        extract_tense_at(ext, ov[0]) == TENSE_FUTURE)
        off = (wd - today + 7) % 7; /* "she is starting on Monday" */
    if (GROUP_SET(ov, 1)) {
        const char *q = t + ov[2];
        if (extract_iprefix(q, "last", 4) && off == 0)
            off = -7;
        else if (extract_iprefix(q, "next", 4))
            off = (wd - today + 7) % 7 ? (wd - today + 7) % 7 : 7;
        else if (extract_iprefix(q, "this", 4) &&
                 !extract_iprefix(q, "this past", 9))
            off = wd - today; /* the same Monday-to-Sunday week */
    }
    return add_relative(ext, ov[0], ov[1], off, off);
}

static int quantity(const char *t, const size_t *ov, int k, int *lo, int *hi)
{
    const char *q = t + ov[2 * k];
    size_t len = GROUP_LEN(ov, k);

    *lo = *hi = extract_number(q, len);
    if (*lo >= 0)
        return 0;
    if (extract_iprefix(q, "a couple", 8))
        *lo = *hi = 2;
    else if (extract_iprefix(q, "a few", 5) || extract_iprefix(q, "few", 3))
        *lo = 2, *hi = 4;
    else
        *lo = 3, *hi = 7; /* several */
    return 0;
}

static int unit_days(const char *u)
{
    switch (u[0] | 0x20) {
    case 'd': return u[1] == 'e' || u[1] == 'E' ? 3652 : 1;
    case 'w': return 7;
    case 'f': return 14;
    case 'm': return 30;
    case 'y': return 365;
    default: return 0; /* hours */
    }
}

static int on_ago(const char *t, const size_t *ov, int n, void *ctx)
{
    int lo, hi, u = unit_days(t + ov[4]);
    int64_t slack = u >= 30 ? u / 2 : u >= 7 ? 3 : 0;

    (void)n;
    quantity(t, ov, 1, &lo, &hi);
    return add_relative(ctx, ov[0], ov[1], -(int64_t)hi * u - slack,
                        -(int64_t)lo * u + slack);
}

/* "three months later", "two years earlier": a date told from another
 * one, not from the post's, so without an interval. */
static int on_later(const char *t, const size_t *ov, int n, void *ctx)
{
    (void)t;
    (void)n;
    return extract_add(ctx, ov[0], ov[1], "DATE", NULL, PRI_PATTERN);
}

/* "last week" (Monday to Sunday), "this month", "last summer", ... */
static int on_unit(const char *t, const size_t *ov, int n, void *ctx)
{
    mosaic_extractor *ext = ctx;
    const char *q = t + ov[2], *u = t + ov[4];
    int dir = extract_iprefix(q, "last", 4) || extract_iprefix(q, "past", 4)
                  ? -1 : extract_iprefix(q, "next", 4) ? 1 : 0;
    int y, m;
    int64_t a, lo, hi;

    (void)n;
    if (!ext->have_anchor)
        return extract_add(ext, ov[0], ov[1], "DATE", NULL, PRI_PATTERN);
    a = ext->anchor_day;
    y = ext->anchor_y, m = ext->anchor_m;
    if (extract_iprefix(u, "weekend", 7)) {
        lo = a - date_weekday(a) + 5 + 7 * dir;
        /* "came out this weekend", posted on a Thursday: the one gone */
        if (dir == 0 && lo > a && extract_tense_at(ext, ov[0]) == TENSE_PAST)
            lo -= 7;
        hi = lo + 1;
    } else if (extract_iprefix(u, "week", 4)) {
        lo = a - date_weekday(a) + 7 * dir;
        hi = lo + 6;
    } else if (extract_iprefix(u, "fortnight", 9)) {
        lo = dir < 0 ? a - 14 : a;
        hi = dir < 0 ? a : a + 14;
    } else if (extract_iprefix(u, "month", 5)) {
        m += dir;
        if (m < 1)
            m = 12, y--;
        if (m > 12)
            m = 1, y++;
        return add_month(ext, ov[0], ov[1], y, m);
    } else if (extract_iprefix(u, "year", 4) ||
               extract_iprefix(u, "term", 4)) {
        lo = time_days_from_civil(y + dir, 1, 1);
        hi = time_days_from_civil(y + dir, 12, 31);
    } else { /* a season: spring Mar-May ... winter Dec-Feb */
        int first = (u[0] | 0x20) == 's' ? ((u[1] | 0x20) == 'p' ? 3 : 6)
                    : (u[0] | 0x20) == 'a' ? 9 : 12;
        int sy = y + dir;
        if (first == 12 && m <= 2)
            sy--;
        lo = time_days_from_civil(sy, first, 1);
        hi = time_days_from_civil(first == 12 ? sy + 1 : sy,
                                  first == 12 ? 2 : first + 2, 1);
        hi += time_days_in_month(first == 12 ? sy + 1 : sy,
                                 first == 12 ? 2 : first + 2) - 1;
    }
    return add_interval(ext, ov[0], ov[1], lo, hi);
}

/* The holidays by the first words of their names: a fixed date, days
 * from Easter Sunday, or the n-th (-1: last) weekday of a month. */
enum { ON_DATE, ON_EASTER, ON_WEEKDAY };
static const struct holiday_rule {
    const char *prefix;
    int rule;
    int month, day; /* ON_DATE; ON_WEEKDAY: the weekday, n in nth */
    int nth;        /* ON_EASTER: days after Easter Sunday */
} holidays[] = {
    { "christmas eve", ON_DATE, 12, 24, 0 },
    { "christmas", ON_DATE, 12, 25, 0 }, { "xmas", ON_DATE, 12, 25, 0 },
    { "boxing", ON_DATE, 12, 26, 0 }, { "new year's eve", ON_DATE, 12, 31, 0 },
    { "new years eve", ON_DATE, 12, 31, 0 }, { "new year", ON_DATE, 1, 1, 0 },
    { "valentine", ON_DATE, 2, 14, 0 }, { "bonfire", ON_DATE, 11, 5, 0 },
    { "guy fawkes", ON_DATE, 11, 5, 0 }, { "hallowe", ON_DATE, 10, 31, 0 },
    { "hogmanay", ON_DATE, 12, 31, 0 }, { "burns", ON_DATE, 1, 25, 0 },
    { "st", ON_DATE, 3, 17, 0 }, { "good friday", ON_EASTER, 0, 0, -2 },
    { "easter monday", ON_EASTER, 0, 0, 1 }, { "easter", ON_EASTER, 0, 0, 0 },
    { "mother", ON_EASTER, 0, 0, -21 }, { "shrove", ON_EASTER, 0, 0, -47 },
    { "pancake", ON_EASTER, 0, 0, -47 }, { "father", ON_WEEKDAY, 6, 6, 3 },
    { "remembrance", ON_WEEKDAY, 11, 6, 2 },
    { "early may", ON_WEEKDAY, 5, 0, 1 }, { "may day", ON_WEEKDAY, 5, 0, 1 },
    { "spring", ON_WEEKDAY, 5, 0, -1 }, { "summer", ON_WEEKDAY, 8, 0, -1 },
    { "august", ON_WEEKDAY, 8, 0, -1 },
};

/* The rule of the holiday named h, or NULL when we have none. */
static const struct holiday_rule *holiday_rule(const char *h)
{
    char low[32];
    size_t i;

    for (i = 0; i < sizeof(low) - 1 && h[i]; i++)
        low[i] = (char)((unsigned)h[i] - 'A' < 26 ? h[i] | 0x20 : h[i]);
    low[i] = '\0';
    for (char *p = low; *p; p++) /* U+2019 was cut to its lead byte */
        if ((unsigned char)*p >= 0x80)
            *p = '\'';
    for (i = 0; i < sizeof(holidays) / sizeof(*holidays); i++)
        if (strncmp(low, holidays[i].prefix, strlen(holidays[i].prefix)) == 0)
            return &holidays[i];
    return NULL;
}

/* A holiday's date in year y, or 0 when it has none we can compute. */
static int64_t holiday(const struct holiday_rule *r, int y)
{
    if (r == NULL)
        return 0;
    switch (r->rule) {
    case ON_DATE: return time_days_from_civil(y, r->month, r->day);
    case ON_EASTER: return date_easter(y) + r->nth;
    default: return nth_weekday(y, r->month, r->day, r->nth);
    }
}

/* "bank holiday": the England and Wales bank holiday nearest the post. */
static int64_t nearest_bank_holiday(int64_t a, int y)
{
    int64_t best = 0, dist = -1;

    for (int yy = y - 1; yy <= y + 1; yy++) {
        int64_t c[8] = {
            time_days_from_civil(yy, 1, 1), date_easter(yy) - 2,
            date_easter(yy) + 1,            nth_weekday(yy, 5, 0, 1),
            nth_weekday(yy, 5, 0, -1),      nth_weekday(yy, 8, 0, -1),
            time_days_from_civil(yy, 12, 25), time_days_from_civil(yy, 12, 26),
        };
        for (int i = 0; i < 8; i++)
            if (dist < 0 || llabs(c[i] - a) < dist)
                best = c[i], dist = llabs(c[i] - a);
    }
    return best;
}

static int on_holiday(const char *t, const size_t *ov, int n, void *ctx)
{
    mosaic_extractor *ext = ctx;
    char h[32];
    size_t len = GROUP_LEN(ov, 1) < sizeof(h) - 1 ? GROUP_LEN(ov, 1)
                                                   : sizeof(h) - 1;
    int y = group_int(t, ov, 2), ay = anchor_year(ext);
    int64_t best, c[3];
    const struct holiday_rule *rule;

    (void)n;
    memcpy(h, t + ov[2], len);
    h[len] = '\0';
    if (y == 0 && !ext->have_anchor)
        return extract_add(ext, ov[0], ov[1], "DATE", NULL, PRI_PATTERN);
    if (extract_iprefix(h, "bank", 4)) {
        best = nearest_bank_holiday(ext->anchor_day, ay);
        return add_interval(ext, ov[0], ov[1], best, best);
    }
    rule = holiday_rule(h); /* once, for the years around the post */
    if (y) {
        best = holiday(rule, y);
        return add_interval(ext, ov[0], ov[1], best, best);
    }
    for (int k = 0; k < 3; k++)
        c[k] = holiday(rule, ay + k - 1);
    best = nearest_occurrence(ext, ov[0], c);
    return add_interval(ext, ov[0], ov[1], best, best);
}

static int on_year(const char *t, const size_t *ov, int n, void *ctx)
{
    int y = group_int(t, ov, 1);

    (void)n;
    return add_interval(ctx, ov[2], ov[3], time_days_from_civil(y, 1, 1),
                        time_days_from_civil(y, 12, 31));
}

/* "between 1993 and 1995", "from 1993 to 1995", "1993-95": the years
 * from the first to the last (a later year than the first, or none). */
static int on_year_range(const char *t, const size_t *ov, int n, void *ctx)
{
    int g = ov[2] != (size_t)-1 ? 1 : 3; /* "between ... and" or the rest */
    int y1 = group_int(t, ov, g), y2 = group_int(t, ov, g + 1);

    (void)n;
    if (y2 < 100) /* "1993-95" */
        y2 += y1 - y1 % 100;
    if (y2 <= y1)
        return 0;
    return add_interval(ctx, ov[0], ov[1], time_days_from_civil(y1, 1, 1),
                        time_days_from_civil(y2, 12, 31));
}

/* "the 1990s", "the early 1990s", "the mid-1980s": an era's years. */
static int on_era(const char *t, const size_t *ov, int n, void *ctx)
{
    int y = group_int(t, ov, 2), lo = 0, hi = 9;

    (void)n;
    if (ov[2] != (size_t)-1)
        switch (t[ov[2]] | 0x20) { /* early, mid, late */
        case 'e': hi = 3; break;
        case 'm': lo = 3, hi = 6; break;
        default: lo = 7; break;
        }
    return add_interval(ctx, ov[0], ov[1], time_days_from_civil(y + lo, 1, 1),
                        time_days_from_civil(y + hi, 12, 31));
}

/* "for three years" -> "P3Y"; "a fortnight" -> "P2W"; "2 hours" -> "PT2H". */
static int on_duration(const char *t, const size_t *ov, int n, void *ctx)
{
    const char *u = t + ov[6];
    char v[24] = "";
    int lo, hi, mult = 1;
    char unit = (char)(u[0] & ~0x20);

    (void)n;
    quantity(t, ov, 2, &lo, &hi);
    if (unit == 'F')
        unit = 'W', mult = 2;
    else if (unit == 'D' && (u[1] | 0x20) == 'e')
        unit = 'Y', mult = 10;
    if (lo == hi && unit == 'H')
        snprintf(v, sizeof(v), "PT%dH", lo);
    else if (lo == hi)
        snprintf(v, sizeof(v), "P%d%c", lo * mult, unit);
    return extract_add(ctx, ov[4], ov[7], "DATE", v[0] ? v : NULL,
                       PRI_PATTERN - 1);
}

/* The starts of "unit" to its unit's first two letters: most "last",
 * "this" ("this afternoon", "last Tuesday") are no unit, so not tried. */
#define UNIT_STARTS(w)                                                    \
    w " we|" w " fo|" w " mo|" w " ye|" w " te|" w " sp|" w " su|"        \
    w " au|" w " wi"

/* The starts of "month day": each way RX_MONTH writes a month, then an
 * optional '.', spaces and a digit (most months named are not dates). */
#define DAY_AFTER(m) m " #|" m ". #"

static const struct rx_row rows[] = {
    { "iso date", "\\b((?:19|20)\\d\\d)-(0?[1-9]|1[0-2])-" DAY "\\b", 0,
      on_iso , TRIG_YEAR, 0,
      NULL },
    { "numeric date", "\\b" DAY "[/.](0?[1-9]|1[0-2])[/.]((?:19|20)?\\d\\d)\\b",
      0, on_numeric , TRIG_DIGIT_SEP, 0,
      NULL },
    { "day month", "\\b" DAY "(?:st|nd|rd|th)?(?:\\s+of)?\\s+(" RX_MONTH
      ")\\b\\.?(?:,?\\s+" YEAR "\\b)?", REGEX_CASELESS | RX_NEAR_TRIGGER(2),
      on_day_month , TRIG_MONTH_DIGIT, TRIG_MONTH,
      "#" },
    { "month day", "\\b(" RX_MONTH ")\\.?\\s+" DAY "(?:st|nd|rd|th)?\\b"
      "(?!\\s*(?:[:.]\\d|am|pm|years?|yrs?|weeks?|days?|months?|hours?|"
      "mins?|minutes?|percent|%))(?:,?\\s+" YEAR "\\b)?",
      REGEX_CASELESS | RX_NEAR_TRIGGER(0), on_month_day , TRIG_MONTH_DIGIT,
      TRIG_MONTH,
      DAY_AFTER("jan") "|" DAY_AFTER("january") "|" DAY_AFTER("feb") "|"
      DAY_AFTER("february") "|" DAY_AFTER("mar") "|" DAY_AFTER("march") "|"
      DAY_AFTER("apr") "|" DAY_AFTER("april") "|" DAY_AFTER("may") "|"
      DAY_AFTER("jun") "|" DAY_AFTER("june") "|" DAY_AFTER("jul") "|"
      DAY_AFTER("july") "|" DAY_AFTER("aug") "|" DAY_AFTER("august") "|"
      DAY_AFTER("sep") "|" DAY_AFTER("sept") "|" DAY_AFTER("sepember") "|"
      DAY_AFTER("september") "|" DAY_AFTER("oct") "|" DAY_AFTER("october") "|"
      DAY_AFTER("nov") "|" DAY_AFTER("november") "|" DAY_AFTER("dec") "|"
      DAY_AFTER("december") },
    { "month year", "\\b(" MONTH_FULL ")\\s+" YEAR "\\b", RX_NEAR_TRIGGER(0),
      on_month_year , TRIG_MONTH_DIGIT, TRIG_MONTH,
      "january #|february #|march #|april #|may #|june #|july #|august #|"
      "september #|october #|november #|december #" },
    { "month", "\\b(in|during|since|until|till|through|throughout|last|"
      "this|next|early|mid|late|(?:the\\s+)?(?:start|end|beginning|middle)"
      "\\s+of|from|by|before|after)[\\s-]+(" MONTH_FULL ")\\b(?!\\s+\\d)",
      REGEX_CASELESS | RX_NEAR_TRIGGER(3), on_prep_month , TRIG_MONTH, 0,
      "in|during|since|until|till|th|last|next|early|mid|late|start|end|"
      "be|by|from|after" },
    { "relative day", "\\b(?:the\\s+day\\s+before\\s+yesterday|the\\s+other\\s+"
      "day|yesterday|"
      "today|tonight|tomorrow|this\\s+(?:morning|afternoon|evening)|"
      "last\\s+night|earlier\\s+today)\\b", REGEX_CASELESS | RX_NEAR_TRIGGER(3),
      on_relative_day , TRIG_RELDAY, 0,
      "the |this |yesterday|today|tonight|tomorrow|last |earlier " },
    { "weekday", "\\b(?:(last|this\\s+past|this|next|on)\\s+)?(" RX_WEEKDAY
      ")(s\\b)?(?:\\s+(?:morning|afternoon|evening|night))?\\b",
      REGEX_CASELESS | RX_NEAR_TRIGGER(2), on_weekday , TRIG_WEEKDAY, 0,
      "last |this |next |on |mon|tue|wed|thu|fri|sat|sun" },
    { "ago", "\\b" QUANT "\\s+(days?|weeks?|fortnights?|months?|years?)"
      "\\s+(?:ago|back)\\b", REGEX_CASELESS | RX_NEAR_TRIGGER(4), on_ago , TRIG_AGO,
      0, QUANT_STARTS },
    { "later", "\\b" QUANT "\\s+(days?|weeks?|fortnights?|months?|years?)"
      "\\s+(?:later|earlier|afterwards)\\b",
      REGEX_CASELESS | RX_NEAR_TRIGGER(4), on_later, TRIG_AGO, 0,
      QUANT_STARTS },
    { "unit", "\\b(last|this|next|past)\\s+(weekend|week|fortnight|month|"
      "year|term|spring|summer|autumn|winter)\\b", REGEX_CASELESS | RX_NEAR_TRIGGER(0), on_unit , TRIG_UNIT, 0,
      UNIT_STARTS("last") "|" UNIT_STARTS("this") "|" UNIT_STARTS("next") "|"
      UNIT_STARTS("past") },
    { "holiday", "\\b(christmas\\s+(?:day|eve)|christmas|xmas|boxing\\s+day|"
      "new\\s+year" RX_APOS "?s?\\s+(?:day|eve)|good\\s+friday|"
      "easter\\s+(?:sunday|monday|day|weekend)|easter|"
      "(?:early\\s+may|spring|summer|august)\\s+bank\\s+holiday"
      "(?:\\s+monday)?|may\\s+day|bank\\s+holiday(?:\\s+(?:monday|weekend))?"
      "|valentine" RX_APOS "?s\\s+day|bonfire\\s+night|guy\\s+fawkes\\s+"
      "night|hallowe" RX_APOS "?en|mother" RX_APOS "?s\\s+day|mothering\\s+"
      "sunday|father" RX_APOS "?s\\s+day|remembrance\\s+sunday|shrove\\s+"
      "tuesday|pancake\\s+day|hogmanay|burns\\s+night|st\\.?\\s+patrick"
      RX_APOS "?s\\s+day)\\b(?:\\s+" YEAR "\\b)?", REGEX_CASELESS | RX_NEAR_TRIGGER(2),
      on_holiday , TRIG_HOLIDAY, 0,
      "christmas|xmas|boxing|new|good|easter|early|spring|summer|august|"
      "may|bank|valentine|bonfire|guy|hallowe|mother|father|remembrance|"
      "shrove|pancake|hogmanay|burns|st" },
    { "year", "\\b(?:in|since|during|from|until|till|by|of|before|after|"
      "around|circa|c\\.|spring|summer|autumn|winter|"
      "(?<=\\d\\d\\d\\d\\s)(?:and|or))\\s+"
      "((?:19|20)\\d\\d)"
      "\\b(?!\\s*(?:-|\xE2\x80\x93|to)\\s*\\d)",
      REGEX_CASELESS, on_year , TRIG_YEAR_WORD, 0,
      NULL },
    { "year range", "\\b(?:between\\s+" YEAR "\\s+and\\s+" YEAR "|(?:from\\s+)?"
      YEAR "\\s*(?:-|\xE2\x80\x93|to|until|till)\\s*((?:19|20)?\\d\\d))\\b(?!-)",
      REGEX_CASELESS | RX_NEAR_TRIGGER(2), on_year_range, TRIG_YEAR_WORD,
      TRIG_DIGIT, "between |from |19|20" },
    { "era", "\\b(?:the\\s+)?(?:(early|mid|late)[\\s-]*)?((?:19|20)\\d0)"
      RX_APOS "?s\\b", REGEX_CASELESS | RX_NEAR_TRIGGER(4), on_era,
      TRIG_DECADE, TRIG_DIGIT, "the |early|mid|late|19|20" },
    { "duration", "\\b(for|over|after|nearly|almost|about|around|within|"
      "(?:more|less)\\s+than|spent|served|lasted|sentenced\\s+"
      "(?:(?:him|her|them|me|us|you)\\s+)?to)\\s+"
      QUANT "\\s+(?:more\\s+)?(hours?|days?|"
      "weeks?|fortnights?|months?|years?|decades?)\\b",
      REGEX_CASELESS | RX_NEAR_TRIGGER(6) | RX_STARTS_FOR, on_duration ,
      TRIG_DURATION, 0,
      NULL },
};

int extract_dates_compile(struct extract_patterns *p)
{
    return extract_rx_compile(p, RX_DATES, rows, sizeof(rows) / sizeof(*rows));
}

int extract_dates(mosaic_extractor *ext)
{
    return extract_rx_run(ext, RX_DATES, rows, sizeof(rows) / sizeof(*rows));
}
