/*
 * datadir.c -- find the reference data folder (see datadir.h).
 * SPDX-License-Identifier: MIT
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "datadir.h"
#include "error.h"

#ifndef MOSAIC_SHARE_DIR
#define MOSAIC_SHARE_DIR "/usr/local/share/mosaic"
#endif

int datadir_path(char *out, size_t size, const char *dir, const char *name)
{
    int n = snprintf(out, size, "%s/%s", dir, name);

    if (n < 0 || (size_t)n >= size)
        return mosaic__error_set(MOSAIC_ETOOBIG, "data path too long: %s/%s",
                                 dir, name);
    return 0;
}

static int holds(const char *dir, const char *probe)
{
    char path[PATH_MAX];

    return datadir_path(path, sizeof(path), dir, probe) == 0 &&
           access(path, R_OK) == 0;
}

/* The folder of the running program, or "" when unknown. */
static void program_dir(char *out, size_t size)
{
    ssize_t n;
    char *slash;

    out[0] = '\0'; /* before readlink: clearing it after lost the path */
    n = readlink("/proc/self/exe", out, size - 1);
    if (n <= 0)
        return;
    out[n] = '\0';
    if ((slash = strrchr(out, '/')) != NULL)
        *slash = '\0';
}

static int take(char *out, size_t size, const char *dir)
{
    if (strlen(dir) >= size)
        return mosaic__error_set(MOSAIC_ETOOBIG, "data folder path too long");
    strcpy(out, dir);
    return 0;
}

int datadir_find(char *out, size_t size, const char *explicit_dir,
                 const char *probe)
{
    char exe[PATH_MAX], cand[PATH_MAX + 32];
    const char *env = getenv("MOSAIC_DATA");
    static const char *const beside[] = { "share/mosaic", "../share/mosaic" };

    if (explicit_dir || (env && env[0])) {
        const char *dir = explicit_dir ? explicit_dir : env;
        if (!holds(dir, probe))
            return mosaic__error_set(MOSAIC_ENOTFOUND,
                                     "%s: not a mosaic data folder (no %s)",
                                     dir, probe);
        return take(out, size, dir);
    }
    program_dir(exe, sizeof(exe));
    for (size_t i = 0; exe[0] && i < sizeof(beside) / sizeof(*beside); i++) {
        snprintf(cand, sizeof(cand), "%s/%s", exe, beside[i]);
        if (holds(cand, probe))
            return take(out, size, cand);
    }
    if (holds(MOSAIC_SHARE_DIR, probe))
        return take(out, size, MOSAIC_SHARE_DIR);
    return mosaic__error_set(MOSAIC_ENOTFOUND,
                             "reference data not found (looked beside the "
                             "program and in %s; set MOSAIC_DATA)",
                             MOSAIC_SHARE_DIR);
}
