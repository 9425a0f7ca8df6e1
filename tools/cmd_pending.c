/*
 * cmd_pending.c -- the commands whose engine stages are not built yet.
 * Each has its help, and otherwise says plainly that it is not
 * implemented (exit 3): never a made-up result.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>

#include "cli.h"
#include "commands.h"

static const struct cli_opt pending_opts[] = {
    CLI_HELP_OPT,
    CLI_OPT_END,
};

static int no_opt(int key, const char *arg, void *ctx)
{
    (void)key, (void)arg, (void)ctx;
    return 0;
}

static int pending(const struct cli_spec *spec, int argc, char **argv)
{
    int first, status;

    if ((status = cli_parse(spec, argc, argv, no_opt, NULL, &first)) >= 0)
        return status;
    fprintf(stderr, "mosaic: '%s' is not implemented yet\n", spec->name);
    return EXIT_FAIL;
}

#define PENDING(fn, name, synopsis, about)                                 \
    int fn(int argc, char **argv)                                         \
    {                                                                     \
        static const struct cli_spec spec = {                             \
            name, synopsis, about "\n\nNot implemented yet.",             \
            pending_opts,                                                 \
        };                                                                \
        return pending(&spec, argc, argv);                                \
    }

PENDING(cmd_scan, "scan", "[options] ARCHIVE...",
        "Import the archives, find the posts that describe the same client,\n"
        "estimate how many people match, and report what to change.")
PENDING(cmd_check, "check", "[options] [--file DRAFT]",
        "Judge a draft (standard input) together with the stored history.")
PENDING(cmd_extract, "extract", "[options] [FILE]",
        "Print the quasi-identifiers found in text.")
