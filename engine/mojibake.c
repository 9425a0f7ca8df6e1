/*
 * mojibake.c -- re-read Meta's Latin-1-decoded UTF-8 as UTF-8; see
 * mojibake.h.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "mojibake.h"
#include "text.h"

/* Latin-1 code points as one- or two-byte UTF-8: c2/c3 lead bytes only. */
int mojibake_repair(const char *s, size_t len, char *out, size_t *out_len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, n = 0;
    int high = 0;

    while (i < len) {
        if (p[i] < 0x80) {
            i++;
        } else if ((p[i] == 0xC2 || p[i] == 0xC3) && i + 1 < len &&
                   (p[i + 1] & 0xC0) == 0x80) {
            high = 1;
            i += 2;
        } else {
            return 0; /* a character past U+00FF: not mojibake */
        }
        n++;
    }
    if (!high)
        return 0;
    for (i = 0, n = 0; i < len; n++) {
        if (p[i] < 0x80) {
            out[n] = (char)p[i++];
        } else {
            out[n] = (char)(((p[i] & 0x03) << 6) | (p[i + 1] & 0x3F));
            i += 2;
        }
    }
    if (!text_is_utf8(out, n))
        return 0; /* genuine Latin-1 text: keep it */
    out[n] = '\0';
    *out_len = n;
    return 1;
}

/* A repaired copy of s (caller frees), or NULL when s needs no repair;
 * *rc is MOSAIC_ENOMEM when the copy could not be made. */
static char *repaired_copy(const char *s, size_t len, size_t *out_len, int *rc)
{
    char *buf;

    *rc = 0;
    if ((buf = malloc(len + 1)) == NULL) {
        *rc = mosaic__error_oom();
        return NULL;
    }
    if (mojibake_repair(s, len, buf, out_len))
        return buf;
    free(buf);
    return NULL;
}

static int repair_string(json_t *v)
{
    size_t len;
    int rc;
    char *fixed =
        repaired_copy(json_string_value(v), json_string_length(v), &len, &rc);

    if (fixed == NULL)
        return rc;
    if (json_string_setn_nocheck(v, fixed, len) < 0)
        rc = mosaic__error_oom();
    free(fixed);
    return rc;
}

/* Rename the keys that are mojibake.  The old keys are listed first:
 * an object must not grow while it is iterated. */
static int repair_keys(json_t *obj)
{
    json_t *old = json_array();
    const char *key;
    json_t *v;
    size_t i;
    int rc = 0;

    if (old == NULL)
        return mosaic__error_oom();
    json_object_foreach(obj, key, v)
    {
        size_t len;
        char *fixed = repaired_copy(key, strlen(key), &len, &rc);

        if (fixed == NULL && rc < 0)
            goto done;
        free(fixed);
        if (fixed && json_array_append_new(old, json_string(key)) < 0) {
            rc = mosaic__error_oom();
            goto done;
        }
    }
    json_array_foreach(old, i, v)
    {
        size_t len;
        const char *was = json_string_value(v);
        char *fixed = repaired_copy(was, strlen(was), &len, &rc);

        if (fixed == NULL) /* out of memory: was repairable above */
            goto done;
        if (json_object_set_nocheck(obj, fixed, json_object_get(obj, was)) <
                0 ||
            json_object_del(obj, was) < 0)
            rc = mosaic__error_oom();
        free(fixed);
        if (rc < 0)
            goto done;
    }
done:
    json_decref(old);
    return rc;
}

int mojibake_repair_json(json_t *value)
{
    const char *key;
    json_t *v;
    size_t i;
    int rc;

    if (json_is_string(value))
        return repair_string(value);
    if (json_is_array(value)) {
        json_array_foreach(value, i, v)
        {
            if ((rc = mojibake_repair_json(v)) < 0)
                return rc;
        }
        return 0;
    }
    if (!json_is_object(value))
        return 0;
    if ((rc = repair_keys(value)) < 0)
        return rc;
    json_object_foreach(value, key, v)
    {
        if ((rc = mojibake_repair_json(v)) < 0)
            return rc;
    }
    return 0;
}
