/*
 * util.c -- small helpers: timestamps in the platforms' formats, a seed
 * mixer, JSON and HTML escaping, code-point counting.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "error.h"
#include "synth.h"

void fmt_x_time(char *out, size_t n, int64_t t)
{
    time_t tt = (time_t)t;
    struct tm tm;

    gmtime_r(&tt, &tm);
    strftime(out, n, "%a %b %d %H:%M:%S +0000 %Y", &tm);
}

void fmt_iso_time(char *out, size_t n, int64_t t)
{
    time_t tt = (time_t)t;
    struct tm tm;

    gmtime_r(&tt, &tm);
    strftime(out, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int64_t parse_date(const char *ymd)
{
    struct tm tm;
    int y, mo, d;
    char extra;

    if (sscanf(ymd, "%4d-%2d-%2d%c", &y, &mo, &d, &extra) != 3 ||
        mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1970)
        return -1;
    memset(&tm, 0, sizeof(tm));
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    return (int64_t)timegm(&tm);
}

/* splitmix64's finaliser: distinct inputs give unrelated seeds. */
uint64_t synth_mix64(uint64_t x)
{
    x += UINT64_C(0x9e3779b97f4a7c15);
    x = (x ^ (x >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    x = (x ^ (x >> 27)) * UINT64_C(0x94d049bb133111eb);
    return x ^ (x >> 31);
}

size_t utf8_count(const char *s, size_t len)
{
    size_t n = 0;

    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xc0) != 0x80;
    return n;
}

int json_put_string(strbuf *sb, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    size_t run = 0;
    int error;

    if ((error = strbuf_putc(sb, '"')) < 0)
        return error;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        char esc[7] = {'\\', 0, 0, 0, 0, 0, 0};
        size_t elen = 2;

        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        if ((error = strbuf_put(sb, s + run, i - run)) < 0)
            return error;
        run = i + 1;
        switch (c) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\n': esc[1] = 'n'; break;
        case '\t': esc[1] = 't'; break;
        case '\r': esc[1] = 'r'; break;
        default:
            memcpy(esc + 1, "u00", 3);
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            elen = 6;
        }
        if ((error = strbuf_put(sb, esc, elen)) < 0)
            return error;
    }
    if ((error = strbuf_put(sb, s + run, len - run)) < 0)
        return error;
    return strbuf_putc(sb, '"');
}

int json_fput_string(FILE *f, const char *s)
{
    strbuf sb = STRBUF_INIT(1u << 20);
    int error = json_put_string(&sb, s, strlen(s));

    if (error == 0 && fwrite(strbuf_str(&sb), 1, sb.len, f) != sb.len)
        error = mosaic__error_set(MOSAIC_ERROR, "write failed");
    strbuf_dispose(&sb);
    return error;
}

int html_put_escaped(strbuf *sb, const char *s, size_t len)
{
    size_t run = 0;
    int error;

    for (size_t i = 0; i < len; i++) {
        const char *e = s[i] == '&' ? "&amp;" : s[i] == '<' ? "&lt;"
                      : s[i] == '>' ? "&gt;" : NULL;
        if (e == NULL)
            continue;
        if ((error = strbuf_put(sb, s + run, i - run)) < 0 ||
            (error = strbuf_puts(sb, e)) < 0)
            return error;
        run = i + 1;
    }
    return strbuf_put(sb, s + run, len - run);
}
