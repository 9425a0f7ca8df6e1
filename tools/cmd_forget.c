/*
 * cmd_forget.c -- `mosaic forget --yes`: erase the history for good.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>

#include "cli.h"
#include "commands.h"

static const struct cli_opt forget_opts[] = {
    CLI_DB_OPT,
    { "yes", 'y', NULL, "really erase (required)" },
    CLI_HELP_OPT,
    CLI_OPT_END,
};

static const struct cli_spec forget_spec = {
    "forget", "--yes [options]",
    "Erase every stored post, profile and finding.  Deleted pages are\n"
    "overwritten (SQLite secure_delete) and the file is vacuumed, so the\n"
    "old text is gone from the file's bytes.",
    forget_opts,
};

struct forget_args {
    const char *db;
    int yes;
};

static int forget_opt(int key, const char *arg, void *ctx)
{
    struct forget_args *a = ctx;

    if (key == 'd')
        a->db = arg;
    else if (key == 'y')
        a->yes = 1;
    return 0;
}

int cmd_forget(int argc, char **argv)
{
    struct forget_args a = { NULL, 0 };
    mosaic_store *store = NULL;
    int first, status;
    long n;

    if ((status = cli_parse(&forget_spec, argc, argv, forget_opt, &a,
                            &first)) >= 0)
        return status;
    if (first != argc)
        return cli_error("forget: unexpected argument '%s'", argv[first]);
    if (!a.yes)
        return cli_error("forget: this erases your whole history; add --yes "
                         "to confirm");
    if (cli_store_open(&store, a.db) < 0)
        return cli_fail();
    n = mosaic_store_count_posts(store);
    if (n < 0 || mosaic_store_forget(store) < 0) {
        mosaic_store_close(store);
        return cli_fail();
    }
    printf("erased %ld posts from %s\n", n, mosaic_store_path(store));
    mosaic_store_close(store);
    return EXIT_OK;
}
