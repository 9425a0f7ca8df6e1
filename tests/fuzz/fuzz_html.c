/*
 * fuzz_html.c -- libFuzzer target for the HTML-to-text step every
 * HTML-bearing importer (Mastodon, WordPress, Blogger, Substack) shares,
 * and the entity decoder.  The input is HTML as-is, not NUL-terminated.
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    strbuf out = STRBUF_INIT(1 << 20);
    char *html = malloc(size ? size : 1), *s;

    if (html == NULL)
        return 0;
    memcpy(html, data, size); /* exact size: over-reads are caught */
    if (text_from_html(&out, html, size) == 0 && out.ptr &&
        !text_is_utf8(out.ptr, out.len) && text_is_utf8(html, size))
        abort(); /* UTF-8 HTML must give UTF-8 text */
    free(html);
    strbuf_clear(&out);
    if ((s = malloc(size + 1)) != NULL) {
        memcpy(s, data, size);
        s[size] = '\0';
        (void)text_decode_entities(&out, s);
        free(s);
    }
    strbuf_dispose(&out);
    return 0;
}
