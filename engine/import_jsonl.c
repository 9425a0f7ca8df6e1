/*
 * import_jsonl.c -- generic JSON Lines: one {"id", "created_at", "text",
 * "reply_to"?, "platform"?} object per line.
 * SPDX-License-Identifier: MIT
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "import_generic.h"
#include "json_stream.h"

static int jsonl_detect(source *src)
{
    const char *head;
    size_t len, i = 0;
    int rc;

    if ((rc = source_plain_head(src, &head, &len)) <= 0)
        return rc;
    if (len >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && strchr(" \t\r\n", head[i]))
        i++;
    return i < len && head[i] == '{';
}

/* An id may be a JSON string or integer; `buf` holds the integer's text. */
static const char *jsonl_id(json_t *v, char *buf, size_t size)
{
    if (json_is_integer(v)) {
        snprintf(buf, size, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        return buf;
    }
    return json_string_value(v);
}

static int jsonl_line(import_sink *sink, const char *line, size_t len,
                      const char *where)
{
    json_error_t err;
    json_t *o = json_loadb(line, len, 0, &err);
    generic_post g = { 0 };
    char idbuf[32], replybuf[32], epoch[32];
    json_t *when;
    int rc;

    if (o == NULL)
        return mosaic__error_set(MOSAIC_EFORMAT, "%s: does not parse: %s",
                                 where, err.text);
    if (!json_is_object(o)) {
        json_decref(o);
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: not a JSON object", where);
    }
    g.platform = json_str(o, "platform");
    g.id = jsonl_id(json_object_get(o, "id"), idbuf, sizeof(idbuf));
    g.text = json_str(o, "text");
    g.reply_to = jsonl_id(json_object_get(o, "reply_to"), replybuf,
                          sizeof(replybuf));
    when = json_object_get(o, "created_at");
    if (json_is_integer(when)) {
        snprintf(epoch, sizeof(epoch), "%" JSON_INTEGER_FORMAT,
                 json_integer_value(when));
        g.created_at = epoch;
    } else {
        g.created_at = json_string_value(when);
    }
    rc = generic_post_store(sink, &g, where);
    json_decref(o);
    return rc;
}

static int jsonl_read(source *src, import_sink *sink)
{
    strbuf line = STRBUF_INIT(2 * IMPORT_POST_MAX);
    instream *in = NULL;
    char where[512];
    int rc;

    if ((rc = source_open_stream(src, NULL, &in)) < 0)
        return rc;
    while ((rc = instream_getline(in, &line)) > 0) {
        size_t i = strspn(strbuf_str(&line), " \t");
        if (line.len == i)
            continue;
        if (instream_lineno(in) == 1 && line.len >= 3 &&
            memcmp(line.ptr, "\xEF\xBB\xBF", 3) == 0)
            i = 3;
        snprintf(where, sizeof(where), "%s:%zu", instream_name(in),
                 instream_lineno(in));
        if ((rc = jsonl_line(sink, line.ptr + i, line.len - i, where)) < 0)
            break;
    }
    instream_close(in);
    strbuf_dispose(&line);
    return rc < 0 ? rc : 0;
}

const struct importer importer_jsonl = {
    "jsonl", "JSON Lines: {\"id\", \"created_at\", \"text\", \"reply_to\"?}",
    jsonl_detect, jsonl_read,
};
