/*
 * analysis_cli.h -- the options `scan`, `check` share: the practice
 * setting, the reference data, the --fail-on level, where the report
 * goes, and the progress line.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_ANALYSIS_CLI_H
#define MOSAIC_ANALYSIS_CLI_H

#include <stdio.h>

#include "cli.h"

enum {
    OPT_LOCATION = 300, OPT_RADIUS, OPT_CASELOAD, OPT_KMIN, OPT_DATA,
    OPT_FAIL_ON
};

#define ANALYSIS_CLI_OPTS                                                  \
    { "location", OPT_LOCATION, "PLACE",                                   \
      "the practice location (default: `mosaic profile set`, then the "    \
      "imported profile, else the whole UK)" },                            \
    { "radius", OPT_RADIUS, "KM", "catchment radius around it (25)" },     \
    { "caseload", OPT_CASELOAD, "N", "clients on your books (30)" },       \
    { "k-min", OPT_KMIN, "K", "HIGH when fewer than K people match (10)" }, \
    { "fail-on", OPT_FAIL_ON, "LEVEL",                                     \
      "exit 1 for findings at or above LEVEL: high, medium (default) or "  \
      "low" },                                                             \
    { "data", OPT_DATA, "DIR", "the reference data folder" }

struct analysis_args {
    mosaic_analysis_options opts;
    mosaic_verdict fail_on;
};

#define ANALYSIS_ARGS_INIT { MOSAIC_ANALYSIS_OPTIONS_INIT, MOSAIC_MEDIUM }

/* Handle one of ANALYSIS_CLI_OPTS: 0 done, 1 not one of them, or an
 * exit status for a bad value. */
int analysis_opt(struct analysis_args *a, int key, const char *arg);

/* A progress line on stderr when it is a terminal. */
void analysis_progress(const char *stage, long done, long total, void *ctx);
void analysis_progress_end(void);

/* Open the report destination ("-" or NULL: stdout), created 0600. */
FILE *analysis_output(const char *path);

#endif
