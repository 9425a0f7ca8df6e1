/*
 * record.c -- add a just-published post to the history (`mosaic record`,
 * `check --record`), keyed so that recording it twice stores it once.
 * SPDX-License-Identifier: MIT
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "error.h"
#include "store.h"
#include "text.h"
#include "timefmt.h"

#define RECORD_PLATFORM "recorded"

int mosaic_record(char **out, mosaic_store *store, const char *text,
                  size_t len, const char *created_at)
{
    mosaic_post p = { 0 };
    char when[TIME_ISO_LEN], id[48], *copy = NULL;
    int rc, added, updated;

    if (out)
        *out = NULL;
    if ((rc = text_check_post(text, len)) < 0)
        return rc;
    if (created_at == NULL)
        time_format((int64_t)time(NULL), when);
    else if (time_normalise(created_at, when) < 0)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "'%.40s' is not a date mosaic reads",
                                 created_at);
    if ((copy = malloc(len + 1)) == NULL)
        return mosaic__error_oom();
    memcpy(copy, text, len);
    while (len > 0 && strchr(" \t\r\n", copy[len - 1]))
        len--; /* the newline an editor or echo adds is not the post's */
    copy[len] = '\0';
    snprintf(id, sizeof(id), "rec:%.10s:%016" PRIx64, when,
             text_hash64(copy, len, 0));
    p = (mosaic_post){ .platform = RECORD_PLATFORM, .native_id = id,
                       .created_at = when, .own = 1, .kind = "post",
                       .visibility = "public", .text = copy };
    if ((rc = store_begin(store)) == 0 &&
        (rc = store_put_post(store, &p, &added, &updated)) == 0)
        rc = store_commit(store);
    else
        store_rollback(store);
    free(copy);
    if (rc == 0 && out && (*out = strdup(id)) == NULL)
        rc = mosaic__error_oom();
    return rc;
}
