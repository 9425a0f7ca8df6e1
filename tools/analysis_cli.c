/*
 * analysis_cli.c -- what `scan` and `check` share (see analysis_cli.h).
 * SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analysis_cli.h"

static int positive(const char *arg, const char *name, double *out)
{
    char *end;
    double v = strtod(arg, &end);

    if (end == arg || *end != '\0' || !(v > 0) || v > 1e9)
        return cli_error("--%s wants a positive number, not '%s'", name,
                         arg);
    *out = v;
    return 0;
}

static int level(const char *arg, mosaic_verdict *out)
{
    static const char *const names[] = { "low", "medium", "high" };

    for (int i = 0; i < 3; i++)
        if (strcasecmp(arg, names[i]) == 0) {
            *out = (mosaic_verdict)i;
            return 0;
        }
    return cli_error("--fail-on wants high, medium or low, not '%s'", arg);
}

int analysis_opt(struct analysis_args *a, int key, const char *arg)
{
    switch (key) {
    case OPT_LOCATION: a->opts.location = arg; return 0;
    case OPT_DATA: a->opts.data_dir = arg; return 0;
    case OPT_RADIUS: return positive(arg, "radius", &a->opts.radius_km);
    case OPT_CASELOAD: return positive(arg, "caseload", &a->opts.caseload);
    case OPT_KMIN: return positive(arg, "k-min", &a->opts.k_min);
    case OPT_FAIL_ON: return level(arg, &a->fail_on);
    }
    return 1;
}

static int progress_shown;

void analysis_progress(const char *stage, long done, long total, void *ctx)
{
    (void)ctx;
    if (!isatty(STDERR_FILENO))
        return;
    if (total > 0)
        fprintf(stderr, "\r%-10s %3ld%% (%ld of %ld posts)", stage,
                done * 100 / total, done, total);
    else
        fprintf(stderr, "\r%-10s ...%30s", stage, "");
    progress_shown = 1;
}

void analysis_progress_end(void)
{
    if (progress_shown)
        fprintf(stderr, "\r%60s\r", "");
    progress_shown = 0;
}

FILE *analysis_output(const char *path)
{
    int fd;
    FILE *f;

    if (path == NULL || strcmp(path, "-") == 0)
        return stdout;
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0 || fchmod(fd, 0600) < 0 || (f = fdopen(fd, "w")) == NULL) {
        cli_error("%s: cannot write the report: %s", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return NULL;
    }
    return f;
}
