/*
 * timewords.c -- the date values extraction writes ("YYYY-MM-DD/YYYY-MM-DD"
 * intervals, ISO 8601 durations) as a therapist reads them in a report.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <string.h>

#include "timefmt.h"

static const char *const month_names[12] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December",
};

/* "P3Y" -> "3 years", "P1W" -> "1 week", "PT2H" -> "2 hours"; 0 when
 * the value is no such duration. */
static int duration_words(const char *v, char *out, size_t size)
{
    static const char units[] = "YMWDH";
    static const char *const names[] = { "year", "month", "week", "day",
                                         "hour" };
    long n;
    char unit, rest;
    const char *u;

    if (sscanf(v, strncmp(v, "PT", 2) == 0 ? "PT%ld%c%c" : "P%ld%c%c", &n,
               &unit, &rest) != 2 ||
        n < 0 || unit == '\0' || (u = strchr(units, unit)) == NULL)
        return 0;
    snprintf(out, size, "%ld %s%s", n, names[u - units], n == 1 ? "" : "s");
    return 1;
}

/* "YYYY-MM-DD/YYYY-MM-DD" as words; 0 when the value is no interval. */
static int interval_words(const char *v, char *out, size_t size)
{
    int y1, m1, d1, y2, m2, d2;
    char rest;

    if (sscanf(v, "%4d-%2d-%2d/%4d-%2d-%2d%c", &y1, &m1, &d1, &y2, &m2, &d2,
               &rest) != 6 ||
        m1 < 1 || m1 > 12 || m2 < 1 || m2 > 12)
        return 0;
    if (y1 == y2 && m1 == m2 && d1 == d2)
        snprintf(out, size, "%d %s %d", d1, month_names[m1 - 1], y1);
    else if (y1 == y2 && m1 == 1 && d1 == 1 && m2 == 12 && d2 == 31)
        snprintf(out, size, "%d", y1);
    else if (y1 == y2 && m1 == m2 && d1 == 1 &&
             d2 == time_days_in_month(y2, m2))
        snprintf(out, size, "%s %d", month_names[m1 - 1], y1);
    else if (y1 == y2 && m1 == m2)
        snprintf(out, size, "%d-%d %s %d", d1, d2, month_names[m1 - 1], y1);
    else if (y1 == y2)
        snprintf(out, size, "%d %s - %d %s %d", d1, month_names[m1 - 1], d2,
                 month_names[m2 - 1], y1);
    else
        snprintf(out, size, "%d %s %d - %d %s %d", d1, month_names[m1 - 1],
                 y1, d2, month_names[m2 - 1], y2);
    return 1;
}

void time_value_words(const char *value, char *out, size_t size)
{
    if (size == 0)
        return;
    if (value == NULL)
        value = "";
    if (!interval_words(value, out, size) &&
        !duration_words(value, out, size))
        snprintf(out, size, "%s", value);
}
