/*
 * population_index.c -- a small open-addressing map from normalised
 * names ("hebden bridge", "farrier") to table rows.
 * SPDX-License-Identifier: MIT
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "population_tables.h"

int pop_normalise(char *out, size_t size, const char *in)
{
    size_t n = 0;
    int space = 0;

    while (*in && isspace((unsigned char)*in))
        in++;
    for (; *in; in++) {
        unsigned char c = (unsigned char)*in;
        if (isspace(c) || c == '_') {
            space = 1;
            continue;
        }
        if (space && n > 0) {
            if (n + 1 >= size)
                return -1;
            out[n++] = ' ';
        }
        space = 0;
        if (n + 1 >= size)
            return -1;
        out[n++] = (char)tolower(c);
    }
    out[n] = '\0';
    return 0;
}

int pop_index_get(const xtable *ix, const char *key)
{
    const xslot *s = xtable_find(ix, key, strlen(key));

    return s ? (int)s->val : -1;
}
