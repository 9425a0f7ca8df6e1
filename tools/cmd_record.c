/*
 * cmd_record.c -- `mosaic record`: add a published post to the history
 * so that later checks judge drafts together with it.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "draft.h"

enum { OPT_AT = 256 };

static const struct cli_opt record_opts[] = {
    CLI_DB_OPT,
    { "file", 'f', "PATH", "read the post from PATH ('-': standard input)" },
    { "at", OPT_AT, "TIME", "when it was posted (ISO 8601; default now)" },
    { "quiet", 'q', NULL, "print nothing on success" },
    CLI_HELP_OPT,
    CLI_OPT_END,
};

static const struct cli_spec record_spec = {
    "record", "[options] [--file POST]",
    "Add a post you have just published (standard input, or --file) to\n"
    "the history, so that later 'mosaic check' runs judge drafts together\n"
    "with it.  Recording the same post twice stores it once.",
    record_opts,
};

struct record_args {
    const char *db, *file, *at;
    int quiet;
};

static int record_opt(int key, const char *arg, void *ctx)
{
    struct record_args *a = ctx;

    switch (key) {
    case 'd': a->db = arg; break;
    case 'f': a->file = arg; break;
    case OPT_AT: a->at = arg; break;
    case 'q': a->quiet = 1; break;
    }
    return 0;
}

int cmd_record(int argc, char **argv)
{
    struct record_args a = { NULL, NULL, NULL, 0 };
    mosaic_store *store = NULL;
    char *text = NULL, *id = NULL;
    size_t len;
    int first, status;

    if ((status = cli_parse(&record_spec, argc, argv, record_opt, &a,
                            &first)) >= 0)
        return status;
    if (first != argc)
        return cli_error("record: unexpected argument '%s'", argv[first]);
    if ((status = draft_read(&text, &len, a.file)) != 0)
        return status;
    if (cli_store_open(&store, a.db) < 0)
        status = cli_fail();
    else if (mosaic_record(&id, store, text, len, a.at) < 0)
        status = cli_fail_on(a.file && strcmp(a.file, "-") ? a.file
                                                           : "<stdin>");
    else if (!a.quiet)
        printf("recorded as %s\n", id);
    mosaic_store_close(store);
    free(text);
    free(id);
    return status;
}
