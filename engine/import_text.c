/*
 * import_text.c -- plain UTF-8 text: one post per block of lines, blocks
 * separated by blank lines.  Ids are derived from the text, so importing
 * the same file twice stores each post once.
 * SPDX-License-Identifier: MIT
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "import_generic.h"
#include "text.h"

static int text_detect(source *src)
{
    const char *head;
    size_t len;
    int rc;

    if ((rc = source_plain_head(src, &head, &len)) <= 0)
        return rc;
    return memchr(head, '\0', len) == NULL; /* binary files have NULs */
}

static int text_flush(import_sink *sink, strbuf *block, const char *name,
                      size_t first_line)
{
    generic_post g = { 0 };
    char id[32], where[512];

    text_rtrim(block);
    if (block->len == 0)
        return 0;
    snprintf(where, sizeof(where), "%s:%zu", name, first_line);
    if (!text_is_utf8(block->ptr, block->len))
        return mosaic__error_set(MOSAIC_EFORMAT, "%s: not valid UTF-8",
                                 where);
    if (memchr(block->ptr, '\0', block->len))
        return mosaic__error_set(MOSAIC_EFORMAT, "%s: contains a NUL byte",
                                 where);
    snprintf(id, sizeof(id), "text:%016" PRIx64,
             text_hash64(block->ptr, block->len, 0));
    g.id = id;
    g.text = block->ptr;
    return generic_post_store(sink, &g, where);
}

static int text_read(source *src, import_sink *sink)
{
    strbuf line = STRBUF_INIT(IMPORT_POST_MAX);
    strbuf block = STRBUF_INIT(IMPORT_POST_MAX);
    instream *in = NULL;
    size_t first = 0;
    int rc;

    if ((rc = source_open_stream(src, NULL, &in)) < 0)
        return rc;
    while ((rc = instream_getline(in, &line)) > 0) {
        if (line.len == strspn(line.ptr, " \t")) {
            if ((rc = text_flush(sink, &block, instream_name(in), first)) < 0)
                break;
            strbuf_clear(&block);
            continue;
        }
        if (block.len == 0)
            first = instream_lineno(in);
        if (block.len + line.len + 1 > IMPORT_POST_MAX) {
            rc = mosaic__error_set(MOSAIC_ETOOBIG,
                                   "%s:%zu: a post longer than %u bytes",
                                   instream_name(in), first,
                                   IMPORT_POST_MAX);
            break;
        }
        if ((block.len && (rc = strbuf_putc(&block, '\n')) < 0) ||
            (rc = strbuf_put(&block, line.ptr, line.len)) < 0)
            break;
    }
    if (rc == 0)
        rc = text_flush(sink, &block, instream_name(in), first);
    instream_close(in);
    strbuf_dispose(&line);
    strbuf_dispose(&block);
    return rc < 0 ? rc : 0;
}

const struct importer importer_text = {
    "text", "plain UTF-8 text: one post per blank-line-separated block",
    text_detect, text_read,
};
