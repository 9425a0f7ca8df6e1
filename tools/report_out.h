/*
 * report_out.h -- the three ways a report is written: plain English for
 * a therapist on a terminal, JSON for programs (schema in README), and a
 * self-contained HTML page.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_REPORT_OUT_H
#define MOSAIC_REPORT_OUT_H

#include <jansson.h>
#include <stdio.h>

#include "mosaic.h"

/* The first line of every report, whatever its format. */
#define REPORT_CONFIDENTIAL                                                \
    "CONFIDENTIAL: this report quotes posts that may identify clients. "  \
    "Keep it private; delete it when done."

typedef struct {
    int color;   /* ANSI colour and bold (a terminal, no NO_COLOR) */
    int verbose; /* show every attribute's source row */
} report_style;

/* Plain English, most serious first. */
int report_write_text(FILE *out, const mosaic_report *r,
                      const report_style *style);

/* The findings as a JSON array (the schema in README.md). */
json_t *report_findings_json(const mosaic_report *r);

/* {"confidential", "posts_scanned", "client_posts", "findings"}. */
int report_write_json(FILE *out, const mosaic_report *r);

/* One self-contained page: no network, no external assets. */
int report_write_html(FILE *out, const mosaic_report *r);

/* DATE, TIME, SESSION: not a share of people (they date an event or
 * mark a session). */
int report_is_time(const char *category);

/* "Your practice area: within 25 km of Hexham, about 152824 people." */
void report_write_catchment(FILE *out, const mosaic_report *r);

/* "about 2 people in your area match", "nobody in your area but the
 * client matches"; `would` for after the edits. */
void report_k_words(char *out, size_t size, double k, int would);

/* Where one attribute was said: the finding's post of attribute i. */
const mosaic_finding_post *report_attr_post(const mosaic_finding *f,
                                            size_t i);

/* 1 if an edit before edits[i] says the same of the same post ("remove
 * "Dave"" for each time a post names him): the readers' lists say it
 * once. */
int report_edit_repeats(const mosaic_finding *f, size_t i);

#endif
