/*
 * report.h -- the findings container behind mosaic_report: an arena
 * that owns every string and array of the findings, so that the
 * analysis fills findings without tracking their memory.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_REPORT_H
#define MOSAIC_REPORT_H

#include "mosaic.h"

int report_new(mosaic_report **out);

/* Memory that lives as long as the report (zeroed); NULL on failure. */
void *report_alloc(mosaic_report *r, size_t size);
/* A copy of n bytes of s plus a NUL, owned by the report. */
char *report_strndup(mosaic_report *r, const char *s, size_t n);
char *report_strdup(mosaic_report *r, const char *s);

/* A new, zeroed finding at the end of the report; NULL on failure. */
mosaic_finding *report_add_finding(mosaic_report *r);

/* Keep findings at or above `floor`, most serious first: verdict, then
 * smaller k_public, then more posts. */
void report_sort(mosaic_report *r, mosaic_verdict floor);

/* The practice area the findings were scored against. */
void report_set_catchment(mosaic_report *r, const char *place,
                          double radius_km, double people);

void report_set_totals(mosaic_report *r, long posts, long client_posts);

#endif
