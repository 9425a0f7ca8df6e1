/*
 * cmd_scan.c -- `mosaic scan ARCHIVE...`: the main job.  Import the
 * archives (idempotently), analyse the whole history, report.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analysis_cli.h"
#include "commands.h"
#include "report_out.h"

enum { OPT_FORMAT = 400, OPT_DRAFTS, OPT_ALL, OPT_VERBOSE };

static const struct cli_opt scan_opts[] = {
    CLI_DB_OPT,
    { "format", OPT_FORMAT, "FMT", "text (default), json or html" },
    { "output", 'o', "FILE", "write the report to FILE (created 0600)" },
    { "all", OPT_ALL, NULL, "also list LOW findings" },
    { "drafts", OPT_DRAFTS, NULL, "also import drafts and private posts" },
    { "verbose", OPT_VERBOSE, NULL, "show the reference row of each figure" },
    ANALYSIS_CLI_OPTS,
    CLI_HELP_OPT,
    CLI_OPT_END,
};

static const struct cli_spec scan_spec = {
    "scan", "[options] [ARCHIVE...]",
    "Import each ARCHIVE (any format `mosaic import` reads; again is\n"
    "harmless), then analyse the whole history: find the posts that\n"
    "describe the same client, estimate how many people in your area\n"
    "match what they reveal together, and say what to change.  With no\n"
    "ARCHIVE, the stored history is analysed.\n"
    "Exit status: 0 no finding at or above --fail-on, 1 findings, 2 error.\n"
    "The report quotes your posts: keep it private.",
    scan_opts,
};

struct scan_args {
    const char *db, *output, *format;
    int verbose;
    mosaic_import_options import;
    struct analysis_args analysis;
};

static int scan_opt(int key, const char *arg, void *ctx)
{
    struct scan_args *a = ctx;
    int rc = analysis_opt(&a->analysis, key, arg);

    if (rc != 1)
        return rc;
    switch (key) {
    case 'd': a->db = arg; break;
    case 'o': a->output = arg; break;
    case OPT_FORMAT:
        if (strcmp(arg, "text") && strcmp(arg, "json") && strcmp(arg, "html"))
            return cli_error("--format wants text, json or html, not '%s'",
                             arg);
        a->format = arg;
        break;
    case OPT_ALL: a->analysis.opts.report_floor = MOSAIC_LOW; break;
    case OPT_DRAFTS: a->import.include_drafts = 1; break;
    case OPT_VERBOSE: a->verbose = 1; break;
    }
    return 0;
}

static int import_all(mosaic_store *store, char **files, int n,
                      const mosaic_import_options *opts)
{
    mosaic_import_stats s;

    for (int i = 0; i < n; i++) {
        if (mosaic_import(&s, store, files[i], opts) < 0)
            return cli_fail();
        fprintf(stderr, "%s: %s: %ld posts, %ld new\n", files[i], s.format,
                s.seen, s.added);
    }
    return EXIT_OK;
}

static int write_report(const struct scan_args *a, const mosaic_report *r,
                        FILE *out)
{
    report_style style = { 0, a->verbose };

    if (strcmp(a->format, "json") == 0)
        return report_write_json(out, r);
    if (strcmp(a->format, "html") == 0)
        return report_write_html(out, r);
    style.color = out == stdout && isatty(STDOUT_FILENO) &&
                  getenv("NO_COLOR") == NULL;
    return report_write_text(out, r, &style);
}

static int worst_at_least(const mosaic_report *r, mosaic_verdict level)
{
    for (size_t i = 0; i < mosaic_report_count(r); i++)
        if (mosaic_report_finding(r, i)->verdict >= level)
            return 1;
    return 0;
}

int cmd_scan(int argc, char **argv)
{
    struct scan_args a = { NULL, NULL, "text", 0, MOSAIC_IMPORT_OPTIONS_INIT,
                           ANALYSIS_ARGS_INIT };
    mosaic_store *store = NULL;
    mosaic_analyser *an = NULL;
    mosaic_report *r = NULL;
    FILE *out = NULL;
    int first, status;

    if ((status = cli_parse(&scan_spec, argc, argv, scan_opt, &a, &first)) >=
        0)
        return status;
    a.analysis.opts.progress = analysis_progress;
    if (cli_store_open(&store, a.db) < 0)
        return cli_fail();
    if ((status = import_all(store, argv + first, argc - first, &a.import)) !=
        EXIT_OK)
        goto done;
    if (mosaic_analyser_open(&an, store, &a.analysis.opts) < 0 ||
        mosaic_scan_history(&r, an) < 0) {
        analysis_progress_end();
        status = cli_fail();
        goto done;
    }
    analysis_progress_end();
    if ((out = analysis_output(a.output)) == NULL) {
        status = EXIT_USAGE;
        goto done;
    }
    if (write_report(&a, r, out) < 0 || fflush(out) != 0)
        status = cli_error("%s: writing the report failed",
                           a.output ? a.output : "<stdout>");
    else
        status = worst_at_least(r, a.analysis.fail_on) ? EXIT_RISK : EXIT_OK;
    if (out != stdout && fclose(out) != 0)
        status = cli_error("%s: writing the report failed", a.output);
done:
    mosaic_report_free(r);
    mosaic_analyser_close(an);
    mosaic_store_close(store);
    return status;
}
