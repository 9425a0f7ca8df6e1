/*
 * cli.c -- option tables to getopt_long and help, errors, store opening.
 * SPDX-License-Identifier: MIT
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define CLI_OPTS_MAX 32

void cli_usage(const struct cli_spec *spec, FILE *out)
{
    fprintf(out, "usage: mosaic %s %s\n\n%s\n", spec->name, spec->synopsis,
            spec->about);
    if (spec->opts[0].name)
        fprintf(out, "\noptions:\n");
    for (const struct cli_opt *o = spec->opts; o->name; o++) {
        char left[64];
        if (o->key < 256)
            snprintf(left, sizeof(left), "-%c, --%s%s%s", o->key, o->name,
                     o->arg ? " " : "", o->arg ? o->arg : "");
        else
            snprintf(left, sizeof(left), "    --%s%s%s", o->name,
                     o->arg ? " " : "", o->arg ? o->arg : "");
        fprintf(out, "  %-24s %s\n", left, o->help);
    }
}

/* Build getopt_long's tables from the spec. */
static void cli_tables(const struct cli_spec *spec, struct option *longs,
                       char *shorts)
{
    size_t n = 0, s = 0;

    shorts[s++] = ':'; /* report a missing value as ':' */
    for (const struct cli_opt *o = spec->opts; o->name && n < CLI_OPTS_MAX;
         o++, n++) {
        longs[n].name = o->name;
        longs[n].has_arg = o->arg ? required_argument : no_argument;
        longs[n].flag = NULL;
        longs[n].val = o->key;
        if (o->key < 256) {
            shorts[s++] = (char)o->key;
            if (o->arg)
                shorts[s++] = ':';
        }
    }
    memset(&longs[n], 0, sizeof(longs[n]));
    shorts[s] = '\0';
}

int cli_parse(const struct cli_spec *spec, int argc, char **argv,
              cli_opt_fn fn, void *ctx, int *first)
{
    struct option longs[CLI_OPTS_MAX + 1];
    char shorts[3 * CLI_OPTS_MAX + 2];
    int c, rc;

    cli_tables(spec, longs, shorts);
    optind = 0; /* glibc: a full reset before each command parses */
    opterr = 0;
    while ((c = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
        if (c == 'h') {
            cli_usage(spec, stdout);
            return EXIT_OK;
        }
        if (c == '?' || c == ':') {
            const char *bad = argv[optind - 1];
            fprintf(stderr, "mosaic %s: %s '%s'\n\n", spec->name,
                    c == ':' ? "missing value for" : "unknown option",
                    bad ? bad : "?");
            cli_usage(spec, stderr);
            return EXIT_USAGE;
        }
        if ((rc = fn(c, optarg, ctx)) != 0)
            return rc;
    }
    *first = optind;
    return -1;
}

/* EXIT_FAIL for what is mosaic's fault, EXIT_USAGE for the input's. */
static int cli_status_of(int code)
{
    return code == MOSAIC_ENOMEM || code == MOSAIC_ERROR ? EXIT_FAIL
                                                         : EXIT_USAGE;
}

int cli_fail(void)
{
    const mosaic_error *e = mosaic_error_last();

    fprintf(stderr, "mosaic: %s\n", e->message[0] ? e->message : "failed");
    return cli_status_of(e->code);
}

int cli_fail_on(const char *name)
{
    const mosaic_error *e = mosaic_error_last();

    fprintf(stderr, "mosaic: %s: %s\n", name,
            e->message[0] ? e->message : "failed");
    return cli_status_of(e->code);
}

int cli_error(const char *fmt, ...)
{
    va_list ap;

    fputs("mosaic: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return EXIT_USAGE;
}

int cli_store_open(mosaic_store **out, const char *db)
{
    if (db == NULL || db[0] == '\0')
        db = getenv("MOSAIC_DB");
    if (db != NULL && db[0] == '\0')
        db = NULL;
    return mosaic_store_open(out, db);
}
