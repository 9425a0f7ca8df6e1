/*
 * cli.h -- what every command shares: exit statuses, one declarative
 * option table per command driving both getopt_long and --help, the
 * store the user named, and the one-line error format.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_CLI_H
#define MOSAIC_CLI_H

#include <stdio.h>

#include "mosaic.h"

/* Exit statuses, like diff(1); documented in README and `mosaic --help`. */
enum {
    EXIT_OK = 0,    /* nothing found, or the command succeeded */
    EXIT_RISK = 1,  /* a risk at or above the --fail-on level was found */
    EXIT_USAGE = 2, /* bad usage or bad input: the message says which */
    EXIT_FAIL = 3   /* an internal failure (out of memory, a bug) */
};

struct cli_opt {
    const char *name; /* long name, without "--" */
    int key;          /* short letter, or a value >= 256 for long-only */
    const char *arg;  /* argument name for the help, NULL for a flag */
    const char *help;
};

struct cli_spec {
    const char *name;     /* the command */
    const char *synopsis; /* "[options] FILE..." */
    const char *about;    /* a paragraph for --help */
    const struct cli_opt *opts;
};

#define CLI_OPT_END { NULL, 0, NULL, NULL }
#define CLI_HELP_OPT { "help", 'h', NULL, "show this help and exit" }
#define CLI_DB_OPT                                                        \
    { "db", 'd', "PATH",                                                  \
      "the history store (default $MOSAIC_DB, else "                      \
      "$XDG_DATA_HOME/mosaic/history.db)" }

/* Called per option parsed; return 0 to go on, or an exit status. */
typedef int (*cli_opt_fn)(int key, const char *arg, void *ctx);

/* Parse argv against spec.  Returns -1 when parsing succeeded (operands
 * start at *first), or the exit status to return at once (--help: 0;
 * a usage error: 2, with the usage on stderr). */
int cli_parse(const struct cli_spec *spec, int argc, char **argv,
              cli_opt_fn fn, void *ctx, int *first);

void cli_usage(const struct cli_spec *spec, FILE *out);

/* "mosaic: " + the library's last error; returns the matching status. */
int cli_fail(void);

/* "mosaic: NAME: " + the library's last error (for inputs the library
 * did not name, such as standard input). */
int cli_fail_on(const char *name);

/* Print "mosaic: <fmt>" on stderr and return EXIT_USAGE. */
int cli_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* Open the store named by --db, $MOSAIC_DB or the default. */
int cli_store_open(mosaic_store **out, const char *db);

#endif
