/*
 * fuzz_xml.c -- libFuzzer target for the streaming XML reader of the
 * blog exports (WXR, Blogger Atom): every element visited, the text
 * and an attribute of each read, with a small cap on text.
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xml_reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    instream *in = NULL;
    xml_reader *r = NULL;
    strbuf text = STRBUF_INIT(4096), attr = STRBUF_INIT(4096);
    int rc, n = 0;

    if (instream_open_memory(&in, "fuzz.xml", data, size) < 0)
        return 0;
    if (xml_reader_open(&r, in) < 0)
        goto done;
    while ((rc = xml_reader_next(r)) > 0 && n++ < 100000) {
        (void)xml_reader_where(r);
        (void)xml_reader_ns(r);
        if (!xml_reader_is_start(r))
            continue;
        (void)xml_reader_attr(r, "href", &attr);
        if (xml_reader_depth(r) % 2 == 1 &&
            strcmp(xml_reader_name(r), "entry") != 0) {
            strbuf_clear(&text);
            if (xml_reader_text(r, &text) < 0)
                break;
        }
    }
    xml_reader_close(r);
done:
    strbuf_dispose(&text);
    strbuf_dispose(&attr);
    instream_close(in);
    return 0;
}
