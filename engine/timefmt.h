/*
 * timefmt.h -- the timestamp formats exports use, read into UTC seconds
 * and written back as ISO 8601 "YYYY-MM-DDTHH:MM:SSZ".
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_TIMEFMT_H
#define MOSAIC_TIMEFMT_H

#include <stddef.h>
#include <stdint.h>

#define TIME_ISO_LEN 21 /* "2024-03-05T20:33:12Z" and its NUL */

/*
 * Read a timestamp: ISO 8601 / RFC 3339 with or without a zone (none is
 * UTC) and fractions, "YYYY-MM-DD HH:MM[:SS]", a bare date, X's
 * "Sat Dec 06 18:20:30 +0000 2025", RFC 2822 "Tue, 10 Oct 2023 20:19:24
 * +0000", or Unix seconds (milliseconds past 1e11).  0 or MOSAIC_EFORMAT.
 */
int time_parse(const char *s, int64_t *out);

/* The proleptic Gregorian calendar: days since 1970-01-01 of a date
 * (month 1-12), the date of such a day, and a month's length. */
int64_t time_days_from_civil(int64_t y, int m, int d);
void time_civil_from_days(int64_t days, int64_t *y, int *m, int *d);
int time_days_in_month(int64_t y, int m);

/* Write UTC seconds as ISO 8601 into out[TIME_ISO_LEN]. */
void time_format(int64_t t, char *out);

/* time_parse then time_format; MOSAIC_EFORMAT if unreadable. */
int time_normalise(const char *s, char *out);

/* time_normalise for exports that always write dates out: a bare number
 * (which time_parse reads as Unix time) is MOSAIC_EFORMAT, not 1970. */
int time_normalise_written(const char *s, char *out);

/* A date value as a reader says it: "2026-03-01/2026-03-31" -> "March
 * 2026", "2026-11-26/2026-11-26" -> "26 November 2026", a whole year ->
 * "2025", "P3Y" -> "3 years"; anything else copied (timewords.c). */
void time_value_words(const char *value, char *out, size_t size);

#endif
