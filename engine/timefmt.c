/*
 * timefmt.c -- timestamp parsing without locale or time zone state.
 * SPDX-License-Identifier: MIT
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "error.h"
#include "timefmt.h"

/* ---- the proleptic Gregorian calendar (H. Hinnant's algorithms) ---- */

int64_t time_days_from_civil(int64_t y, int m, int d)
{
    int64_t era, yoe, doy, doe;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The same in unsigned 32 bits, for days from 0000-03-01 on (any date
 * a post holds): its divisions are cheaper. */
static void civil_from_days_u32(uint32_t z, int64_t *y, int *m, int *d)
{
    uint32_t era = z / 146097, doe = z - era * 146097;
    uint32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    uint32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    uint32_t mp = (5 * doy + 2) / 153;

    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int64_t)yoe + (int64_t)era * 400 + (*m <= 2);
}

void time_civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
    int64_t era, doe, yoe, doy, mp;

    if (z >= -719468 && z < (int64_t)UINT32_MAX - 719468) {
        civil_from_days_u32((uint32_t)(z + 719468), y, m, d);
        return;
    }
    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

int time_days_in_month(int64_t y, int m)
{
    return (int)(time_days_from_civil(m == 12 ? y + 1 : y, m % 12 + 1, 1) -
                 time_days_from_civil(y, m, 1));
}

void time_format(int64_t t, char *out)
{
    int64_t z = (t >= 0 ? t : t - 86399) / 86400, secs = t - z * 86400;
    int64_t y;
    int m, d;

    time_civil_from_days(z, &y, &m, &d);
    unsigned hh = (unsigned)(secs / 3600) % 24u;
    unsigned mi = (unsigned)(secs / 60 % 60), ss = (unsigned)(secs % 60);

    snprintf(out, TIME_ISO_LEN, "%04u-%02u-%02uT%02u:%02u:%02uZ",
             (unsigned)(y % 10000 + 10000) % 10000u, (unsigned)m % 13u,
             (unsigned)d % 32u, hh,
             mi, ss);
}

static int valid_ymdhms(int y, int mo, int d, int h, int mi, int s)
{
    return y >= 1900 && y <= 9999 && mo >= 1 && mo <= 12 && d >= 1 &&
           d <= 31 && h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && s >= 0 &&
           s <= 60;
}

/* "+0000", "+00:00", "Z", "GMT", "UTC" or nothing -> offset seconds. */
static int parse_zone(const char *p, int *offset)
{
    int hh, mm;

    while (*p == ' ')
        p++;
    *offset = 0;
    if (*p == '\0' || strcmp(p, "Z") == 0 || strcmp(p, "z") == 0 ||
        strcmp(p, "GMT") == 0 || strcmp(p, "UTC") == 0)
        return 0;
    if ((*p == '+' || *p == '-') &&
        (sscanf(p + 1, "%2d:%2d", &hh, &mm) == 2 ||
         sscanf(p + 1, "%2d%2d", &hh, &mm) == 2) &&
        hh <= 23 && mm <= 59) {
        *offset = (hh * 3600 + mm * 60) * (*p == '-' ? -1 : 1);
        return 0;
    }
    return MOSAIC_EFORMAT;
}

static int64_t to_epoch(int y, int mo, int d, int h, int mi, int s, int off)
{
    return time_days_from_civil(y, mo, d) * 86400 +
           h * 3600 + mi * 60 + s - off;
}

/* n ASCII digits at s as a number in *out; 0 if some byte is not one. */
static int digits(const char *s, int n, int *out)
{
    int v = 0;

    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 1;
}

/* Plain digits are read directly (sscanf was a twentieth of a Mastodon
 * import); sscanf takes the rest, as before. */
static int parse_iso(const char *s, int64_t *out)
{
    int y, mo, d, h = 0, mi = 0, sec = 0, n = 0, off;
    const char *p;

    if (digits(s, 4, &y) && s[4] == '-' && digits(s + 5, 2, &mo) &&
        s[7] == '-' && digits(s + 8, 2, &d))
        n = 10;
    else if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3 || n != 10)
        return MOSAIC_EFORMAT;
    p = s + n;
    if (*p == 'T' || *p == 't' || *p == ' ') {
        int k = 0;
        if (digits(p + 1, 2, &h) && p[3] == ':' && digits(p + 4, 2, &mi))
            k = 5;
        else if (sscanf(p + 1, "%2d:%2d%n", &h, &mi, &k) != 2 || k != 5)
            return MOSAIC_EFORMAT;
        p += 1 + k;
        if (*p == ':' && isdigit((unsigned char)p[1])) { /* one or two */
            sec = p[1] - '0';
            p += 2;
            if (isdigit((unsigned char)*p))
                sec = 10 * sec + (*p++ - '0');
        }
        if (*p == '.' || *p == ',')
            for (p++; isdigit((unsigned char)*p); p++)
                ;
    }
    if (!valid_ymdhms(y, mo, d, h, mi, sec) || parse_zone(p, &off) < 0)
        return MOSAIC_EFORMAT;
    *out = to_epoch(y, mo, d, h, mi, sec, off);
    return 0;
}

static int month_index(const char *m)
{
    static const char names[] = "JanFebMarAprMayJunJulAugSepOctNovDec";

    for (int i = 0; i < 12; i++)
        if (strncasecmp(m, names + 3 * i, 3) == 0)
            return i + 1;
    return 0;
}

/* "Sat Dec 06 18:20:30 +0000 2025" or "Tue, 10 Oct 2023 20:19:24 +0000" */
static int parse_named_month(const char *s, int64_t *out)
{
    char wd[8], mon[8], zone[8] = "";
    int y, d, h, mi, sec, mo, off;

    if (sscanf(s, "%3s %3s %d %d:%d:%d %7s %d", wd, mon, &d, &h, &mi, &sec,
               zone, &y) == 8) {
    } else if (sscanf(s, "%7s %d %3s %d %d:%d:%d %7s", wd, &d, mon, &y, &h,
                      &mi, &sec, zone) >= 7) {
    } else {
        return MOSAIC_EFORMAT;
    }
    mo = month_index(mon);
    if (mo == 0 || !valid_ymdhms(y, mo, d, h, mi, sec) ||
        parse_zone(zone, &off) < 0)
        return MOSAIC_EFORMAT;
    *out = to_epoch(y, mo, d, h, mi, sec, off);
    return 0;
}

static int parse_epoch(const char *s, int64_t *out)
{
    char *end;
    long long v;

    if (!isdigit((unsigned char)s[0]))
        return MOSAIC_EFORMAT;
    v = strtoll(s, &end, 10);
    if (*end == '.')
        for (end++; isdigit((unsigned char)*end); end++)
            ;
    if (*end != '\0' || v < 0)
        return MOSAIC_EFORMAT;
    *out = v > 100000000000LL ? v / 1000 : v;
    return 0;
}

int time_parse(const char *s, int64_t *out)
{
    while (*s == ' ')
        s++;
    if (parse_iso(s, out) == 0 || parse_named_month(s, out) == 0 ||
        parse_epoch(s, out) == 0)
        return 0;
    return MOSAIC_EFORMAT;
}

int time_normalise(const char *s, char *out)
{
    int64_t t;

    if (time_parse(s, &t) < 0)
        return MOSAIC_EFORMAT;
    time_format(t, out);
    return 0;
}

int time_normalise_written(const char *s, char *out)
{
    int64_t t;

    while (*s == ' ')
        s++;
    if (parse_epoch(s, &t) == 0)
        return MOSAIC_EFORMAT;
    return time_normalise(s, out);
}
