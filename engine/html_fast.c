/*
 * html_fast.c -- HTML to text without a parser for the fragments
 * Mastodon writes: <p> paragraphs holding text, the five XML entities,
 * &nbsp;, character references, <br>, and <a>/<span> with quoted
 * attributes.  Anything else -- another tag, a comment, an unclosed or
 * misnested element, text outside a paragraph, bytes that are not
 * clean UTF-8 -- is left to libxml2 (html.c), so the text is the same
 * byte for byte either way (tests/unit/test_html.c compares the two).
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "html_walk.h"

#define FAST_DEPTH_MAX 32

enum fast_tag { TAG_NONE, TAG_P, TAG_A, TAG_SPAN, TAG_BR };

typedef struct {
    const char *p, *end;
    char open[FAST_DEPTH_MAX]; /* enum fast_tag of each open element */
    int depth, links, paragraphs;
} fast;

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':';
}

/* The length of one well-formed UTF-8 character at s that libxml2
 * takes as it is (an XML Char, no control other than tab and line
 * breaks, no C1 control), or 0. */
static size_t clean_char(const unsigned char *s, const unsigned char *end)
{
    unsigned long cp;
    size_t n, i;

    if (s[0] < 0x80)
        return s[0] >= 0x20 || s[0] == '\t' || s[0] == '\n' || s[0] == '\r'
                   ? 1 : 0;
    if (s[0] >= 0xC2 && s[0] <= 0xDF)
        n = 2, cp = s[0] & 0x1Fu;
    else if (s[0] >= 0xE0 && s[0] <= 0xEF)
        n = 3, cp = s[0] & 0x0Fu;
    else if (s[0] >= 0xF0 && s[0] <= 0xF4)
        n = 4, cp = s[0] & 0x07u;
    else
        return 0;
    if ((size_t)(end - s) < n)
        return 0;
    for (i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3Fu);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF ||
        cp < 0xA0)
        return 0;
    return n;
}

static size_t put_utf8(char *o, unsigned long cp)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* "&#39;", "&#x27;": the code point, or 0 when not one we take as is. */
static unsigned long char_ref(const char *s, size_t n)
{
    int hex = n > 0 && (s[0] == 'x' || s[0] == 'X');
    unsigned long cp = 0;
    size_t i = (size_t)hex;

    if (n == (size_t)hex || n - (size_t)hex > (hex ? 6u : 7u))
        return 0;
    for (; i < n; i++) {
        char c = s[i];
        unsigned d;
        if (c >= '0' && c <= '9')
            d = (unsigned)(c - '0');
        else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f')
            d = (unsigned)((c | 0x20) - 'a' + 10);
        else
            return 0;
        cp = cp * (hex ? 16u : 10u) + d;
    }
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF)
        return 0;
    return cp;
}

/* At '&': write the character it stands for; 0, or -1 if not simple. */
static int fast_entity(fast *f, html_walk *w)
{
    static const struct { const char *name; const char *text; } named[] = {
        { "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" },
        { "apos", "'" }, { "nbsp", "\xC2\xA0" },
    };
    const char *s = f->p + 1, *semi;
    size_t n, i;
    char buf[4];

    for (semi = s; semi < f->end && semi - s <= 8 && *semi != ';'; semi++)
        ;
    if (semi >= f->end || *semi != ';')
        return -1;
    n = (size_t)(semi - s);
    f->p = semi + 1;
    if (n > 0 && s[0] == '#') {
        unsigned long cp = char_ref(s + 1, n - 1);
        if (cp == 0)
            return -1;
        html_walk_text(w, buf, put_utf8(buf, cp));
        return 0;
    }
    for (i = 0; i < sizeof(named) / sizeof(named[0]); i++)
        if (strlen(named[i].name) == n && memcmp(named[i].name, s, n) == 0) {
            html_walk_text(w, named[i].text, strlen(named[i].text));
            return 0;
        }
    return -1;
}

/* Text up to the next '<' or '&'; -1 if a byte is not clean. */
static int fast_text(fast *f, html_walk *w)
{
    const char *s = f->p;
    size_t n;

    while (f->p < f->end && *f->p != '<' && *f->p != '&') {
        if ((n = clean_char((const unsigned char *)f->p,
                            (const unsigned char *)f->end)) == 0)
            return -1;
        f->p += n;
    }
    html_walk_text(w, s, (size_t)(f->p - s));
    return 0;
}

/* Attributes up to '>': name="value" pairs, double quotes only, the
 * values clean UTF-8 (libxml2 reads a document with a bad byte anywhere
 * as Latin-1). */
static int fast_attributes(fast *f)
{
    for (;;) {
        const char *name;
        if (f->p < f->end && *f->p == '>') {
            f->p++;
            return 0;
        }
        if (f->p >= f->end || !is_space(*f->p))
            return -1;
        while (f->p < f->end && is_space(*f->p))
            f->p++;
        if (f->p < f->end && *f->p == '>')
            continue;
        for (name = f->p; f->p < f->end && is_name_char(*f->p); f->p++)
            ;
        if (f->p == name || f->p >= f->end)
            return -1;
        if (*f->p != '=')
            continue;
        if (++f->p >= f->end || *f->p != '"')
            return -1;
        for (f->p++; f->p < f->end && *f->p != '"' && *f->p != '<';) {
            size_t n = clean_char((const unsigned char *)f->p,
                                  (const unsigned char *)f->end);
            if (n == 0)
                return -1;
            f->p += n;
        }
        if (f->p >= f->end || *f->p != '"')
            return -1;
        f->p++;
    }
}

static enum fast_tag tag_named(const char *s, size_t n)
{
    if (n == 1 && s[0] == 'p')
        return TAG_P;
    if (n == 1 && s[0] == 'a')
        return TAG_A;
    if (n == 4 && memcmp(s, "span", 4) == 0)
        return TAG_SPAN;
    if (n == 2 && memcmp(s, "br", 2) == 0)
        return TAG_BR;
    return TAG_NONE;
}

/* At "</": the element on top must be the one closed. */
static int fast_end_tag(fast *f, html_walk *w)
{
    const char *name = f->p + 2, *e = name;
    enum fast_tag tag;

    while (e < f->end && *e >= 'a' && *e <= 'z')
        e++;
    tag = tag_named(name, (size_t)(e - name));
    if (e >= f->end || *e != '>' || tag == TAG_NONE || tag == TAG_BR ||
        f->depth == 0 || f->open[f->depth - 1] != (char)tag)
        return -1;
    f->p = e + 1;
    f->depth--;
    if (tag == TAG_A)
        f->links--;
    if (tag == TAG_P)
        html_walk_block(w);
    return 0;
}

/* At '<': a tag we know, in a place it may stand. */
static int fast_tag(fast *f, html_walk *w)
{
    const char *name = f->p + 1, *e = name;
    enum fast_tag tag;

    if (name < f->end && *name == '/')
        return fast_end_tag(f, w);
    while (e < f->end && *e >= 'a' && *e <= 'z')
        e++;
    tag = tag_named(name, (size_t)(e - name));
    f->p = e;
    if (tag == TAG_BR) {
        while (f->p < f->end && is_space(*f->p))
            f->p++;
        if (f->p < f->end && *f->p == '/')
            f->p++;
        if (f->p >= f->end || *f->p != '>' || f->depth == 0)
            return -1;
        f->p++;
        html_walk_br(w);
        return 0;
    }
    if (tag == TAG_NONE || (tag == TAG_P) != (f->depth == 0) ||
        (tag == TAG_A && f->links > 0) || f->depth == FAST_DEPTH_MAX ||
        fast_attributes(f) < 0)
        return -1;
    f->open[f->depth++] = (char)tag;
    if (tag == TAG_A)
        f->links++;
    if (tag == TAG_P) {
        f->paragraphs++;
        html_walk_block(w);
    }
    return 0;
}

int html_fast(html_walk *w, const char *html, size_t len)
{
    fast f = { html, html + len, { 0 }, 0, 0, 0 };
    size_t start = w->out->len;
    int rc = 0;

    while (rc == 0 && w->rc == 0 && f.p < f.end) {
        if (*f.p == '<')
            rc = fast_tag(&f, w);
        else if (f.depth == 0)
            rc = is_space(*f.p) ? (f.p++, 0) : -1;
        else if (*f.p == '&')
            rc = fast_entity(&f, w);
        else
            rc = fast_text(&f, w);
    }
    if (w->rc < 0)
        return w->rc;
    if (rc == 0 && f.depth == 0 && f.paragraphs > 0)
        return 1;
    w->out->len = start;
    if (w->out->ptr)
        w->out->ptr[start] = '\0';
    w->pending = w->space = 0;
    return 0;
}
