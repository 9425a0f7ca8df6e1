/* test_html_fast.c -- the HTML fast path writes what libxml2 writes:
 * table cases, then many fragments put together from pieces, simple and
 * hostile, each compared byte for byte with html_libxml_text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "html_walk.h"
#include "mosaic.h"
#include "text.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* 1 if html gives the same result both ways; *fast says which way
 * text_from_html went. */
static int same_both_ways(const char *html, int *fast)
{
    strbuf a = STRBUF_INIT(1U << 20), b = STRBUF_INIT(1U << 20),
           c = STRBUF_INIT(1U << 20);
    html_walk w = { &c, 0, 0, 0 };
    size_t len = strlen(html);
    int ra = text_from_html(&a, html, len);
    int rb = html_libxml_text(&b, html, len);
    int same = ra == rb && strcmp(strbuf_str(&a), strbuf_str(&b)) == 0;

    *fast = html_fast(&w, html, len) == 1;
    if (!same)
        print_error("differs: [%s]\n fast: rc %d [%s]\n libxml2: rc %d [%s]\n",
                    html, ra, strbuf_str(&a), rb, strbuf_str(&b));
    strbuf_dispose(&a);
    strbuf_dispose(&b);
    strbuf_dispose(&c);
    return same;
}

static const struct {
    const char *html;
    int fast; /* the fast path takes it */
} cases[] = {
    { "<p>There is no hierarchy of pain.</p>", 1 },
    { "<p>a</p><p>b</p>", 1 },
    { "<p>a</p>\n<p>b</p>\n", 1 },
    { "<p>one<br>two<br/>three<br />four</p>", 1 },
    { "<p>a<br><br><br>b</p>", 1 },
    { "<p><br>a</p><p><br> <span>x</span></p>", 1 },
    { "<p>  lots   of\n\tspace  </p>", 1 },
    { "<p>new book: &quot;the body&quot; &amp; Couldn&#39;t &#x27;x&#X27; "
      "&lt;3 &gt; &apos; a&nbsp;b &#233; &#x1F33F;</p>", 1 },
    { "<p><span class=\"h-card\" translate=\"no\"><a href=\"https://t.example/"
      "@kind\" class=\"u-url mention\">@<span>kind</span></a></span> Couldn&#39;t "
      "agree more. <a href=\"https://s.example/tags/x\" class=\"mention hashtag\" "
      "rel=\"tag\">#<span>x</span></a> \xF0\x9F\x99\x8F</p>", 1 },
    { "<p><a href=\"https://e.example/abc\" target=\"_blank\" rel=\"nofollow "
      "noopener noreferrer\"><span class=\"invisible\">https://</span><span "
      "class=\"ellipsis\">e.example/a</span><span class=\"invisible\">bc</span>"
      "</a></p>", 1 },
    { "<p class=\"quote-inline\">RE: x</p><p>So true &amp; kind</p>", 1 },
    { "<p></p>", 1 },
    { "<p a b=\"1\" c>x</p>", 1 },
    /* left to libxml2 */
    { "", 0 },
    { "   ", 0 },
    { "plain text", 0 },
    { "text<p>then a paragraph</p>", 0 },
    { "<p>a</p>tail", 0 },
    { "<p>unclosed", 0 },
    { "<p>a<p>b</p>", 0 },
    { "<p><a href=\"x\">a<a href=\"y\">b</a></a></p>", 0 },
    { "<p><b>bold</b></p>", 0 },
    { "<p>a</span></p>", 0 },
    { "<p>&amp without semicolon</p>", 0 },
    { "<p>&eacute;</p>", 0 },
    { "<p>&#0;&#1;</p>", 0 },
    { "<p>&#128;</p>", 0 },
    { "<p>&#xD800;</p>", 0 },
    { "<p>&#99999999;</p>", 0 },
    { "<p>caf\xE9</p>", 0 },
    { "<p>\xEF\xBF\xBE</p>", 0 },
    { "<p>a\x01</p>", 0 },
    { "<p>x<!-- c -->y</p>", 0 },
    { "<p><script>bad()</script>ok</p>", 0 },
    { "<P>upper</P>", 0 },
    { "<p class='single'>x</p>", 0 },
    { "<p class=bare>x</p>", 0 },
    { "<p/>x", 0 },
    { "<br>x", 0 },
    { "<p>a < b</p>", 0 },
    { "<p>x</p >", 0 },
    { "\xEF\xBB\xBF<p>bom</p>", 0 },
};

static void test_html_fast_cases(void **state)
{
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        int fast;
        if (!same_both_ways(cases[i].html, &fast))
            fail_msg("case %zu differs", i);
        if (fast != cases[i].fast)
            fail_msg("case %zu [%s]: fast path %s", i, cases[i].html,
                     fast ? "taken" : "not taken");
    }
}

/* Inline pieces of Mastodon HTML, then pieces that break it. */
static const char *const inline_pieces[] = {
    "word", "words ", " ", "  ", "\n", "\t", "\r\n", "&amp;", "&lt;", "&gt;",
    "&quot;", "&#39;", "&apos;", "&nbsp;", "&#x1F600;", "&#233;", "&#32;",
    "&#x20;", "caf\xC3\xA9", "\xE2\x80\x94", "\xF0\x9F\x99\x8F", "@", "x",
    "<br>", "<br />", "<br/>", ">", "\"", "'",
};
static const char *const hostile_pieces[] = {
    "<b>", "</b>", "<i>", "<div>", "</div>", "&", "&#;", "&bogus;", "<",
    "<!-- c -->", "\xC3", "\x7F", "\xC2\x85", "<em>", "<p/>", "</br>",
    "<script>", "</script>", "<li>", "<p>", "</p>", "</a>", "</span>", "<a>",
    "text", "&#10;", "&#9;", " ", "\n", "&#13;", "\f",
};

static uint32_t next_random(uint32_t *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return *seed >> 8;
}

typedef struct {
    char buf[4096];
    size_t len;
    uint32_t seed;
} fragment;

static void put(fragment *f, const char *s)
{
    size_t n = strlen(s);

    if (f->len + n < sizeof(f->buf)) {
        memcpy(f->buf + f->len, s, n);
        f->len += n;
    }
}

static void put_inline(fragment *f, int depth, int in_link)
{
    size_t n = next_random(&f->seed) % 6;

    for (size_t i = 0; i < n; i++) {
        uint32_t r = next_random(&f->seed) % 10;
        if (r < 2 && depth < 4) {
            int link = r == 0 && !in_link;
            put(f, link ? "<a href=\"https://x.example/?a=1&amp;b\" rel=\"tag\">"
                        : "<span class=\"invisible\">");
            put_inline(f, depth + 1, in_link || link);
            put(f, link ? "</a>" : "</span>");
        } else {
            put(f, inline_pieces[next_random(&f->seed) %
                                 ARRAY_SIZE(inline_pieces)]);
        }
    }
}

/* One to three paragraphs; now and then a hostile piece spliced in. */
static void make_fragment(fragment *f)
{
    size_t paragraphs = 1 + next_random(&f->seed) % 3;

    f->len = 0;
    for (size_t i = 0; i < paragraphs; i++) {
        put(f, next_random(&f->seed) % 4 ? "<p>" : "<p class=\"quote-inline\">");
        put_inline(f, 0, 0);
        put(f, "</p>");
        if (next_random(&f->seed) % 4 == 0)
            put(f, "\n");
    }
    if (next_random(&f->seed) % 3 == 0) {
        const char *h = hostile_pieces[next_random(&f->seed) %
                                       ARRAY_SIZE(hostile_pieces)];
        size_t at = next_random(&f->seed) % (f->len + 1), n = strlen(h);
        if (f->len + n < sizeof(f->buf)) {
            memmove(f->buf + at + n, f->buf + at, f->len - at);
            memcpy(f->buf + at, h, n);
            f->len += n;
        }
    }
    f->buf[f->len] = '\0';
}

static void test_html_fast_matches_libxml2_on_mixtures(void **state)
{
    fragment f = { "", 0, 7 };
    size_t fast_count = 0, total = 60000;

    (void)state;
    for (size_t i = 0; i < total; i++) {
        int fast;
        make_fragment(&f);
        if (!same_both_ways(f.buf, &fast))
            fail_msg("mixture %zu differs", i);
        fast_count += (size_t)fast;
    }
    if (fast_count < total / 2 || fast_count == total)
        fail_msg("the fast path took %zu of %zu", fast_count, total);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_html_fast_cases),
        cmocka_unit_test(test_html_fast_matches_libxml2_on_mixtures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
