/*
 * cmd_import.c -- `mosaic import FILE...`: read exports into the store.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

enum { OPT_DRAFTS = 256, OPT_FORMATS };

static const struct cli_opt import_opts[] = {
    CLI_DB_OPT,
    { "format", 'f', "NAME", "read every FILE as this format (default: "
                             "detect from the content)" },
    { "drafts", OPT_DRAFTS, NULL, "also import drafts and private posts" },
    { "formats", OPT_FORMATS, NULL, "list the formats mosaic reads and exit" },
    { "quiet", 'q', NULL, "print nothing on success" },
    CLI_HELP_OPT,
    CLI_OPT_END,
};

static const struct cli_spec import_spec = {
    "import", "[options] FILE...",
    "Read each FILE (an export archive, JSON Lines, CSV or text; '-' is\n"
    "standard input) into the history store.  Each FILE is imported in one\n"
    "transaction: all of its posts or none.  Importing a file again adds\n"
    "only what is new.  On the first FILE that fails, mosaic stops with a\n"
    "one-line error (exit 2); FILEs before it stay imported.\n"
    "Post text is never printed.",
    import_opts,
};

struct import_args {
    const char *db;
    int quiet, list;
    mosaic_import_options opts;
};

static int import_opt(int key, const char *arg, void *ctx)
{
    struct import_args *a = ctx;

    switch (key) {
    case 'd': a->db = arg; break;
    case 'f': a->opts.format = arg; break;
    case 'q': a->quiet = 1; break;
    case OPT_DRAFTS: a->opts.include_drafts = 1; break;
    case OPT_FORMATS: a->list = 1; break;
    }
    return 0;
}

static void print_format(const char *name, const char *summary, void *ctx)
{
    (void)ctx;
    printf("%-10s %s\n", name, summary);
}

static void print_stats(const char *file, const mosaic_import_stats *s)
{
    printf("%s: %s: %ld posts read, %ld new, %ld changed", file, s->format,
           s->seen, s->added, s->updated);
    if (s->skipped)
        printf(", %ld passed over", s->skipped);
    printf("%s\n", s->profile ? "; profile read" : "");
}

int cmd_import(int argc, char **argv)
{
    struct import_args a = { NULL, 0, 0, MOSAIC_IMPORT_OPTIONS_INIT };
    mosaic_store *store = NULL;
    mosaic_import_stats stats;
    int first, status;

    if ((status = cli_parse(&import_spec, argc, argv, import_opt, &a,
                            &first)) >= 0)
        return status;
    if (a.list) {
        mosaic_import_formats(print_format, NULL);
        return EXIT_OK;
    }
    if (first == argc) {
        cli_usage(&import_spec, stderr);
        return EXIT_USAGE;
    }
    if (cli_store_open(&store, a.db) < 0)
        return cli_fail();
    status = EXIT_OK;
    for (int i = first; i < argc && status == EXIT_OK; i++) {
        if (mosaic_import(&stats, store, argv[i], &a.opts) < 0)
            status = cli_fail();
        else if (!a.quiet)
            print_stats(strcmp(argv[i], "-") ? argv[i] : "<stdin>", &stats);
    }
    mosaic_store_close(store);
    return status;
}
