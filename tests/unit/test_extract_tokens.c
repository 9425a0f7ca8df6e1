/* test_extract_tokens.c -- the token stream of texts at the edges of the
 * tokeniser's fast paths (plain ASCII words and one-byte punctuation)
 * and its general path (apostrophes, non-ASCII letters, addresses,
 * hashtags, URLs, bad bytes): kinds, case flags, sentences, triggers
 * and folds, as the tokeniser made them before the fast paths. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "extract_fixture.h"
#include "extract.h"

struct token_case {
    const char *text;
    size_t len;         /* 0: strlen(text) */
    const char *tokens; /* as render() writes them */
};

/* Each token as fold/kind+flags+triggers, tokens joined by spaces, a
 * sentence break as " |". */
static void render(const mosaic_extractor *ext, char *out, size_t size)
{
    static const char kinds[] = "WN@LE-PO";
    size_t o = 0;

    out[0] = '\0';
    for (size_t i = 0; i < ext->ntoks && o + 64 < size; i++) {
        const xtoken *t = &ext->toks[i];
        if (i > 0 && t->sentence != ext->toks[i - 1].sentence)
            o += (size_t)snprintf(out + o, size - o, " |");
        o += (size_t)snprintf(
            out + o, size - o, "%s%.*s/%c%s%s%s%s%s%s%s", i ? " " : "",
            (int)(t->fold_len < 24 ? t->fold_len : 24), TOK_FOLD(ext, t),
            kinds[t->kind], t->flags & TOK_CAP ? "C" : "",
            t->flags & TOK_UPPER ? "U" : "",
            t->flags & TOK_HASHTAG ? "H" : "",
            t->flags & TOK_TAG_FIRST ? "T" : "",
            t->roles & TRIG_DIGIT ? "d" : "",
            t->roles & TRIG_UPPER ? "u" : "", t->roles & TRIG_AT ? "a" : "");
    }
}

static const struct token_case token_cases[] = {
    { "Mum\xE2\x80\x99s caf\xC3\xA9: \xC3\x89" "COLE in Z\xC3\xBCrich.", 0,
      "mum's/WCu cafe/W :/P ecole/WCUu in/W zurich/WCu ./P" },
    { "don't x' 'y o'clock rock'n'roll it's_", 0,
      "don't/W x/W '/P '/P y/W o'clock/W rock'n'roll/W it's/W _/W" },
    { "jo@example.com said hi@ to @jo_smith, x@y", 0,
      "jo@example.com/Ea said/W hi/W @/P to/W @jo_smith/@a ,/P x@y"
      "/Ea" },
    { "#HebdenBridge #a_b #_x #NHSWorkers #2024goals", 0,
      "hebden/WCHTu bridge/WCHu a/WHT b/WH x/WH nhs/WCUHTu workers"
      "/WCHu 2024/WHTd goals/WH" },
    { "Mr. Smith met J. Jones... Then stop! Really? Yes; ok", 0,
      "mr/WCu ./P smith/WCu met/W j/WCu ./P jones/WCu ./P | ./P | "
      "./P | then/WCu stop/W !/P | really/WCu ?/P | yes/WCu ;/P | "
      "ok/W" },
    { "HTTP://x.org https://x.org/a). www.example.com wwwhat hthere", 0,
      "http/WCUu :/P //P //P x/W ./P | org/W https://x.org/a/L )/P"
      " ./P | www.example.com/L wwwhat/W hthere/W" },
    { "abc123 123abc 42 4pm 15-year-old a_b __ x\xC2\xA0y", 0,
      "abc123/Wd 123abc/Wd 42/Nd 4pm/Wd 15/Nd -/- year/W -/- old/W"
      " a/W _/W b/W _/W _/W x/W y/W" },
    { "WHO IS A A1 I\xE2\x80\x99m Zo\xC3\xAB ZO\xC3\x8B", 0,
      "who/WCUu is/WCUu a/WCu a1/WCdu i'm/WCu zoe/WCu zoe/WCUu" },
    { "line one\nline two \xE2\x80\xA6 three \xE2\x80\x93 four \xE2\x80\x94 "
      "five",
      0,
      "line/W one/W | line/W two/W \xE2\x80\xA6/O | three/W \xE2\x80\x93/"
      "- four/W \xE2\x80\x94/O five/W" },
    { "a\0b \xFF" "c\xC3", 7,
      "a/W b/W \xEF\xBF\xBD/O c/W \xEF\xBF\xBD/O" },
    { "na\xC3\xAFve \xEF\xAC\x81ne \xC3\x9F e\xCC\x81t\xC3\xA9 \xF0\x9F\x98\x85"
      "ok",
      0,
      "naive/W fine/W ss/W ete/W \xF0\x9F\x98\x85/O ok/W" },
    /* the last bytes of a text: plain, after a letter that is not
     * ASCII; a NUL among them */
    { "\xC3\xA9" "abcdefghijk", 0, "eabcdefghijk/W" },
    { "hello world\0x", 13, "hello/W world/W x/W" },
    /* a short token met again takes its fold from the memo */
    { "\xC3\x89 \xC3\x89 \xC3\x9F \xC3\x9F \xEF\xAC\x81 \xEF\xAC\x81 "
      "\xF0\x9F\x98\x85 \xF0\x9F\x98\x85",
      0,
      "e/WC e/WC ss/W ss/W fi/W fi/W \xF0\x9F\x98\x85/O \xF0\x9F\x98\x85/O" },
};

/* Spans over the same edges: a shouted word, words after a curly
 * apostrophe, an initial (the candidates the recognisers visit). */
static const struct span_case edge_spans[] = {
    { "Saw a client today who is a FARRIER.", NULL, "OCCUPATION", "FARRIER",
      1, "farrier", MOSAIC_ABOUT_CLIENT },
    { "She\xE2\x80\x99s a nurse, aged 15.", NULL, "GENDER",
      "She\xE2\x80\x99s", 1, "female", -1 },
    { "She\xE2\x80\x99s a nurse, aged 15.", NULL, "OCCUPATION", "nurse", 1,
      "nurse", -1 },
    { "my client\xE2\x80\x99s husband, a firefighter", NULL, "FAMILY",
      "husband", 1, "husband", MOSAIC_ABOUT_CLIENT },
    { "a walk with J. today", NULL, "NAME", "J.", 1, NULL, -1 },
    { "a walk with j. today", NULL, "NAME", NULL, 0, NULL, -1 },
};

static void test_extract_edge_spans(void **state)
{
    (void)state;
    check_span_cases(edge_spans, ARRAY_SIZE(edge_spans));
}

static void test_extract_token_stream(void **state)
{
    mosaic_extractor *ext = NULL;
    const mosaic_extraction *x;
    char got[2048];

    (void)state;
    if (fixture_open(&ext) < 0)
        fail_msg("extractor: %s", mosaic_error_last()->message);
    for (size_t i = 0; i < ARRAY_SIZE(token_cases); i++) {
        const struct token_case *c = &token_cases[i];
        size_t len = c->len ? c->len : strlen(c->text);
        if (mosaic_extract(&x, ext, c->text, len, NULL) < 0)
            fail_msg("case %zu: %s", i, mosaic_error_last()->message);
        render(ext, got, sizeof(got));
        if (strcmp(got, c->tokens) != 0)
            fail_msg("case %zu:\n got  %s\n want %s", i, got, c->tokens);
    }
    mosaic_extractor_close(ext);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_extract_token_stream),
        cmocka_unit_test(test_extract_edge_spans),
    };
    int rc = cmocka_run_group_tests_name("extract_tokens", tests, NULL, NULL);

    fixture_cleanup();
    return rc;
}
