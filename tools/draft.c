/*
 * draft.c -- a draft's text from a file or standard input, capped at
 * MOSAIC_DRAFT_MAX so a stray binary cannot fill memory.
 * SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "draft.h"

int draft_read(char **text, size_t *len, const char *path)
{
    int stdin_ = path == NULL || strcmp(path, "-") == 0;
    const char *name = stdin_ ? "<stdin>" : path;
    FILE *f = stdin_ ? stdin : fopen(path, "rb");
    size_t cap = MOSAIC_DRAFT_MAX + 1, n;
    char *buf;

    *text = NULL;
    *len = 0;
    if (f == NULL)
        return cli_error("%s: %s", name, strerror(errno));
    if ((buf = malloc(cap + 1)) == NULL) {
        if (!stdin_)
            fclose(f);
        return cli_error("%s: out of memory", name);
    }
    n = fread(buf, 1, cap, f);
    if (ferror(f) || n == cap) {
        int too_big = n == cap;
        if (!stdin_)
            fclose(f);
        free(buf);
        return too_big ? cli_error("%s: the draft is larger than %d bytes",
                                   name, MOSAIC_DRAFT_MAX)
                       : cli_error("%s: cannot read", name);
    }
    if (!stdin_)
        fclose(f);
    buf[n] = '\0';
    *text = buf;
    *len = n;
    return 0;
}
