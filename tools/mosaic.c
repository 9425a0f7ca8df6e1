/*
 * mosaic.c -- the `mosaic` program: a table of commands, each a thin
 * layer over include/mosaic.h.
 * SPDX-License-Identifier: MIT
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

static int cmd_help(int argc, char **argv);

struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary; /* one line for `mosaic --help` */
};

static const struct command commands[] = {
    { "scan", cmd_scan, "import archives and report risky combinations" },
    { "check", cmd_check, "judge a draft on stdin against the history" },
    { "record", cmd_record, "add a posted draft to the history" },
    { "import", cmd_import, "read export archives into the history store" },
    { "posts", cmd_posts, "list the posts the store holds" },
    { "profile", cmd_profile, "show or set the practice profile" },
    { "extract", cmd_extract, "print the quasi-identifiers in text" },
    { "score", cmd_score, "score a combination of attributes by hand" },
    { "forget", cmd_forget, "erase the stored history for good" },
    { "help", cmd_help, "show help for a command" },
};

#define N_COMMANDS (sizeof(commands) / sizeof(commands[0]))

static const struct command *find_command(const char *name)
{
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

static int usage(FILE *out, int status)
{
    fprintf(out,
            "usage: mosaic [--version] [--help] COMMAND [OPTIONS] [ARGS]\n\n"
            "Find posts that together could identify a client.\n\n"
            "commands:\n");
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(out, "  %-8s  %s\n", commands[i].name, commands[i].summary);
    fprintf(out,
            "\n'mosaic COMMAND --help' describes a command.\n\n"
            "exit status: 0 nothing found or success; 1 a risk was found;\n"
            "2 bad usage or bad input; 3 an internal failure.\n");
    return status;
}

static int cmd_help(int argc, char **argv)
{
    const struct command *cmd;
    char *help_argv[] = { NULL, "--help", NULL };

    if (argc < 2 || strcmp(argv[1], "help") == 0 ||
        strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
        return usage(stdout, EXIT_OK);
    if ((cmd = find_command(argv[1])) == NULL)
        return cli_error("'%s' is not a command; see 'mosaic --help'",
                         argv[1]);
    help_argv[0] = argv[1];
    return cmd->run(2, help_argv);
}

int main(int argc, char **argv)
{
    static const struct option opts[] = {
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, 'V' },
        { NULL, 0, NULL, 0 },
    };
    const struct command *cmd;
    int c;

    opterr = 0;
    /* '+': stop at the first non-option, which is the command name. */
    while ((c = getopt_long(argc, argv, "+hV", opts, NULL)) != -1) {
        switch (c) {
        case 'h':
            return usage(stdout, EXIT_OK);
        case 'V':
            printf("mosaic %s (store schema %d)\n", MOSAIC_VERSION,
                   mosaic_store_schema_version());
            return EXIT_OK;
        default:
            fprintf(stderr, "mosaic: unknown option '%s'\n\n",
                    argv[optind - 1]);
            return usage(stderr, EXIT_USAGE);
        }
    }
    if (optind == argc)
        return usage(stderr, EXIT_USAGE);
    if ((cmd = find_command(argv[optind])) == NULL) {
        fprintf(stderr, "mosaic: '%s' is not a command\n\n", argv[optind]);
        return usage(stderr, EXIT_USAGE);
    }
    return cmd->run(argc - optind, argv + optind);
}
