/*
 * extract_age.c -- ages and age phrases: "15-year-old", "aged 15",
 * "in her seventies", "late twenties", "Year 11", "teenager", "retired";
 * each with the years it allows (value "15" or "70-79").
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract_pattern.h"

#define NUM "(\\d{1,3}|" RX_NUMWORD ")"
#define DECADE "(" RX_DECADE_WORD "|[1-9]0" RX_APOS "?s|" RX_APOS "[1-9]0s)"

/* The decimal digits of v (0-999) at o; the end. */
static char *put_age(char *o, int v)
{
    if (v >= 100)
        *o++ = (char)('0' + v / 100);
    if (v >= 10)
        *o++ = (char)('0' + v / 10 % 10);
    *o++ = (char)('0' + v % 10);
    return o;
}

static int add_age(mosaic_extractor *ext, size_t s, size_t e, int lo, int hi)
{
    char v[32], *o;
    int rc;

    if (lo < 0 || hi > 120 || lo > hi)
        return 0;
    o = put_age(v, lo); /* "%d" or "%d-%d", without snprintf's cost */
    if (hi != lo) {
        *o++ = '-';
        o = put_age(o, hi);
    }
    *o = '\0';
    if ((rc = extract_add(ext, s, e, "AGE", v, PRI_PATTERN)) < 0)
        return rc;
    EXTRACT_LAST(ext)->age_low = lo;
    EXTRACT_LAST(ext)->age_high = hi;
    return 0;
}

static int on_years_old(const char *t, const size_t *ov, int n, void *ctx)
{
    int a = extract_number(t + ov[2], GROUP_LEN(ov, 1));

    (void)n;
    return a > 0 ? add_age(ctx, ov[0], ov[1], a, a) : 0;
}

/* "she's 41 now": the age is the number (the pronoun stays GENDER). */
/* 1 if the match at byte `at` follows "when", "since", "until", "till",
 * "before" or "after" (and a possessive): an age then, not now ("when
 * she was 12", "since her teens"). */
static int age_then(mosaic_extractor *ext, size_t at)
{
    size_t i = extract_token_at(ext, at), k = i - 1;

    if (i == 0 || i >= ext->ntoks)
        return 0;
    if (k > 0 && extract_word_is(ext, k, "her his their my your our"))
        k--;
    return ext->toks[k].sentence == ext->toks[i].sentence &&
           extract_word_is(ext, k, "when since until till before after");
}

static int on_pronoun_age(const char *t, const size_t *ov, int n, void *ctx)
{
    int a = extract_number(t + ov[2], GROUP_LEN(ov, 1));

    (void)n;
    if (a <= 0 || age_then(ctx, ov[0]))
        return 0;
    return add_age(ctx, ov[2], ov[3], a, a);
}

/* The first year of a decade word: "twenties" 20, "70s" 70, "teens" 13. */
static int decade_start(const char *d)
{
    static const char *const w[] = { "teen", "twen", "thir", "fort", "fift",
                                     "sixt", "seve", "eigh", "nine" };

    if ((unsigned char)*d >= 0x80)
        d += 3; /* U+2019 */
    if (*d == '\'')
        d++;
    if ((unsigned)*d - '0' < 10)
        return (*d - '0') * 10;
    for (int i = 0; i < 9; i++)
        if (extract_iprefix(d, w[i], 4))
            return i == 0 ? 13 : (i + 1) * 10;
    return -1;
}

/* "in her late seventies": the age is "late seventies" ("her" stays a
 * GENDER span).  A decade alone ("the seventies were fun") is an era,
 * not an age: kept only with a person ("in her") or a qualifier. */
static int on_decade(const char *t, const size_t *ov, int n, void *ctx)
{
    int lo = decade_start(t + ov[4]), hi = lo == 13 ? 19 : lo + 9;
    size_t from = GROUP_SET(ov, 1) ? ov[2] : ov[4];

    (void)n;
    if (lo < 0 || (from == ov[0] && !GROUP_SET(ov, 1)) || age_then(ctx, from))
        return 0;
    if (GROUP_SET(ov, 1)) {
        char q = (char)(t[ov[2]] | 0x20);
        if (lo == 13)
            hi = q == 'e' ? 15 : q == 'm' ? 16 : 19, lo = q == 'l' ? 17 : lo;
        else if (q == 'e')
            hi = lo + 3;
        else if (q == 'm')
            lo += 3, hi = lo + 3;
        else
            lo += 7;
    }
    return add_age(ctx, from, ov[1], lo, hi);
}

static int on_something(const char *t, const size_t *ov, int n, void *ctx)
{
    int lo = extract_number(t + ov[2], GROUP_LEN(ov, 1));

    (void)n;
    return add_age(ctx, ov[0], ov[1], lo, lo + 9);
}

static int on_school_year(const char *t, const size_t *ov, int n, void *ctx)
{
    int y = atoi(t + ov[2]);

    (void)n;
    return add_age(ctx, ov[0], ov[1], y + 4, y + 5);
}

/* 1 if the plural life stage at `at` (length len) is someone's
 * children, not the person's age: "has twin toddlers", "fosters
 * teenagers", "a mum of two teens" (not "in his teens"). */
static int children_of(mosaic_extractor *ext, size_t at, size_t len)
{
    size_t k = extract_token_at(ext, at);

    if (len < 2 || (ext->clean[at + len - 1] | 0x20) != 's' || k == 0 ||
        ext->toks[k - 1].sentence != ext->toks[k].sentence)
        return 0;
    return extract_word_is(ext, k - 1,
                           "has have had having with fosters fostered "
                           "fostering raising parenting twin two three "
                           "four five six both");
}

static int on_life_stage(const char *t, const size_t *ov, int n, void *ctx)
{
    static const struct {
        const char *prefix;
        int lo, hi;
    } stages[] = {
        { "sixth", 16, 18 },    { "teen", 13, 19 },  { "adolescen", 12, 18 },
        { "toddler", 1, 3 },    { "pre", 3, 12 },    { "tween", 10, 12 },
        { "pensioner", 66, 100 }, { "oap", 66, 100 }, { "octo", 80, 89 },
        { "nona", 90, 99 },     { "cente", 100, 110 }, { "retire", 55, 100 },
        { "infant", 0, 1 },     { "newborn", 0, 0 },  { "school", 5, 16 },
        { "undergrad", 18, 22 }, { "student", 16, 25 },
        { "middle", 45, 64 },   { "elderly", 70, 100 }, { "at s", 5, 18 },
        { "at", 18, 22 },
        { "mid", 30, 55 },
    };
    const char *w = t + ov[0];

    (void)n;
    if (children_of(ctx, ov[0], ov[1] - ov[0]) || age_then(ctx, ov[0]))
        return 0;
    for (size_t i = 0; i < sizeof(stages) / sizeof(*stages); i++)
        if (extract_iprefix(w, stages[i].prefix, strlen(stages[i].prefix)))
            return add_age(ctx, ov[0], ov[1], stages[i].lo, stages[i].hi);
    return 0;
}

static const struct rx_row rows[] = {
    { "years old", "\\b" NUM "(?:[\\s-]*(?:years?|yrs?)[\\s-]*old\\b|\\s?(?:yo\\b|"
      "y/o\\b|y\\.o\\b\\.?))", REGEX_CASELESS | RX_NEAR_TRIGGER(6),
      on_years_old , TRIG_AGE, 0,
      "#|one|tw|thr|four|fort|fi|six|seven|eigh|nin|ten|eleven|thir" },
    { "aged", "\\b(?:aged|age|ages|turn(?:ed|s|ing)|is\\s+now)\\s+" NUM
      "\\b(?!\\s*(?:%|percent|minutes|mins|hours|days|weeks|months|pm|am))",
      REGEX_CASELESS | RX_NEAR_TRIGGER(1), on_years_old , TRIG_AGED, 0,
      "age|turn|is " },
    { "is n", "\\b(?:she|he|they)(?:" RX_APOS "s|" RX_APOS "re|\\s+(?:is|are|was|"
      "were))\\s+(?:(?:only|just|nearly|almost|barely)\\s+)?" NUM
      "(?=\\s*(?:now|today|this|next|and|but|[,.!?;:)]|$))",
      REGEX_CASELESS | RX_NEAR_TRIGGER(0), on_pronoun_age , TRIG_THIRD_NUM,
      ROLE_THIRD,
      "she'|she i|she a|she w|he'|he i|he a|he w|they'|they i|they a|"
      "they w" },
    { "birthday", "\\b(\\d{1,3})(?:st|nd|rd|th)\\s+birthday\\b",
      REGEX_CASELESS, on_years_old , TRIG_BIRTHDAY, 0,
      NULL },
    { "decade", "\\b(?:in\\s+(?:her|his|their|my|our|your|the)\\s+)?"
      "(?:(early|mid|late)[\\s-]*)?" DECADE "\\b(?<=\\w)",
      REGEX_CASELESS | RX_NEAR_TRIGGER(4), on_decade , TRIG_DECADE,
      TRIG_AGE_WORD | TRIG_DIGIT,
      "in |early|mid|late|teens|twent|thirt|fort|fift|sixt|sevent|eight|"
      "ninet|#0s|'" },
    { "something", "\\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|"
      "[2-9]0)[\\s-]?something\\b", REGEX_CASELESS, on_something ,
      TRIG_SOMETHING, 0,
      NULL },
    { "school year", "\\b(?-i:Year)\\s+([1-9]|1[0-3])\\b",
      RX_NEAR_TRIGGER(0), on_school_year , TRIG_SCHOOL_YEAR, TRIG_AGE_WORD,
      "year " },
    { "life stage", "\\b(?:sixth[\\s-]?form(?:er)?|teenager|teen|"
      "adolescents?|toddler|pre-?schooler|pre-?teen|tween|pensioner|"
      "(?-i:OAP)|octogenarian|nonagenarian|centenarian|retiree|retired|"
      "infant|newborn|school\\s?(?:girl|boy|kid|child)|undergrad(?:uate)?|"
      "student|middle[\\s-]aged|elderly|mid[\\s-]career|(?<=in her |in his |"
      "in their )retirement|at\\s+uni(?:versity)?(?!\\s+(?:of|college))|"
      "(?<=still )at\\s+school)s?\\b",
      REGEX_CASELESS | RX_NEAR_TRIGGER(2), on_life_stage, TRIG_AGE_WORD, 0,
      "sixth|teen|adolescent|toddler|pre|tween|pensioner|oap|"
      "octogenarian|nonagenarian|centenarian|retire|infant|newborn|"
      "school|undergrad|student|elderly|mid|at " },
};

int extract_ages_compile(struct extract_patterns *p)
{
    return extract_rx_compile(p, RX_AGES, rows, sizeof(rows) / sizeof(*rows));
}

/* 1 if the tokens before the comma at token c, back to a "(", hold no
 * number or ")": c is inside a bracketed list ("(she/her, autistic, "). */
static int in_bracket_list(const mosaic_extractor *ext, size_t c)
{
    for (size_t k = c, n = 0; k > 0 && n < 12; n++) {
        const xtoken *t = &ext->toks[--k];
        if (t->sentence != ext->toks[c].sentence || t->kind == TOK_NUMBER ||
            extract_word_is(ext, k, ")"))
            return 0;
        if (extract_word_is(ext, k, "("))
            return k + 1 < c;
    }
    return 0;
}

/* 1 if token k is a person: a person word ("lad", "client") or the end
 * of a job, family or gender finding ("a nurse", "a young carer") or of
 * a client cue ("someone I see"). */
static int person_at(const mosaic_extractor *ext, size_t k)
{
    return (ext->toks[k].roles & ROLE_PERSON) ||
           (ext->toks[k].flags &
            (TOK_CUE_END | TOK_PERSON_END | TOK_GENDER_END)) ||
           (extract_people_at(ext, k) & WORD_PERSON);
}

/* 1 if token k is a person word ("man", "client") or ends a client cue
 * ("someone I see"): not a pronoun or a possessive ("her score"). */
static int person_word_at(const mosaic_extractor *ext, size_t k)
{
    return (ext->toks[k].roles & ROLE_PERSON) ||
           (ext->toks[k].flags & TOK_CUE_END) ||
           (extract_people_at(ext, k) & WORD_PERSON);
}

/* The token of a person among the `reach` before token j in its
 * sentence, or SIZE_MAX. */
static size_t person_within(const mosaic_extractor *ext, size_t j,
                            size_t reach)
{
    for (size_t k = j; k > 0 && j - k < reach; k--)
        if (ext->toks[k - 1].sentence == ext->toks[j].sentence &&
            person_at(ext, k - 1))
            return k - 1;
    return SIZE_MAX;
}

/* The token of a person among the few before token j ("a little boy I
 * see (7)", "a young mum I see, 19"), or SIZE_MAX. */
static size_t person_just_before(const mosaic_extractor *ext, size_t j)
{
    return person_within(ext, j, 4);
}

/* 1 if the number at token j is an age set off by an em dash after a
 * person: "Someone I see on a Thursday -- only 20, Scarborough -- told
 * me" (the dashes U+2014). */
static int dashed_age(const mosaic_extractor *ext, size_t j, size_t *who)
{
    size_t d = j - 1;

    if (ext->toks[d].kind == TOK_WORD && d > 0 &&
        ext->toks[d - 1].kind == TOK_OTHER &&
        extract_word_is(ext, d, "just only nearly almost barely"))
        d--;
    if (d == 0 || ext->toks[d].kind != TOK_OTHER ||
        !extract_word_is(ext, d, "\xE2\x80\x94") ||
        j + 1 >= ext->ntoks || !extract_word_is(ext, j + 1, ", \xE2\x80\x94"))
        return 0;
    return (*who = person_within(ext, d, 8)) != SIZE_MAX;
}

/* 1 if token k is a name given after a person ("my client Sarah"). */
static int named_person(const mosaic_extractor *ext, size_t k)
{
    return k > 0 && ext->toks[k].kind == TOK_WORD &&
           (ext->toks[k].flags & TOK_CAP) &&
           ext->toks[k - 1].sentence == ext->toks[k].sentence &&
           person_at(ext, k - 1);
}

/* The token before a bracketed aside that ends at token p ("Sarah (not
 * her real name)"), or p when p closes none. */
static size_t before_aside(const mosaic_extractor *ext, size_t p)
{
    if (!extract_word_is(ext, p, ")"))
        return p;
    for (size_t b = p; b > 0 && p - b < 8; b--)
        if (extract_word_is(ext, b - 1, "("))
            return b >= 2 ? b - 2 : p;
    return p;
}

/* 1 if the number at token j says a person's age after "is": "my
 * youngest client is only 8", "the lad's 15" (not "the time is 10"). */
static int client_is(const mosaic_extractor *ext, size_t j)
{
    size_t k = j - 1, p;
    int only = 0;

    if (extract_word_is(ext, k, "only just nearly almost barely"))
        k--, only = 1;
    if (k == 0 || !extract_word_is(ext, k, "is 's"))
        return 0;
    p = before_aside(ext, k - 1);
    if (ext->toks[p].sentence != ext->toks[j].sentence)
        return 0;
    if (person_at(ext, p) || named_person(ext, p))
        return 1;
    /* "only" says it of a person a few words back: "a man who is only
     * 12", "The client I mentioned last month is only 22" (not past
     * another noun's determiner: "my client said her dog is only 4") */
    for (size_t b = k; only && b > 0 && k - b < 8 &&
                       ext->toks[b - 1].sentence == ext->toks[j].sentence;
         b--) {
        if (person_word_at(ext, b - 1))
            return 1;
        if ((ext->toks[b - 1].roles & ROLE_DET) ||
            extract_word_is(ext, b - 1, "her his their my our your its"))
            return 0;
    }
    return 0;
}

/* 1 if the number at token j is an age set off by commas or brackets,
 * as notes and the news give it: "a man, 34, from Leeds", "my client
 * (19)", "a boy I see (7)", "(she/her, autistic, 19)", "a lad of 15",
 * "a client of mine, just 18,";
 * not "2 men, 30 chairs", "5.5 ft", "a mum of 3". */
static int apposed_age(const mosaic_extractor *ext, size_t j, size_t *who)
{
    const xtoken *t = &ext->toks[j];
    const char *d = ext->clean + t->start;
    size_t digits = t->end - t->start;

    if (t->kind != TOK_NUMBER || digits > 2 || d[0] == '0' || j < 2)
        return 0;
    if (client_is(ext, j))
        return j + 1 >= ext->ntoks ||
               extract_word_is(ext, j + 1, ", ; ) . ! and but now today");
    if (dashed_age(ext, j, who))
        return 1;
    if (extract_word_is(ext, j - 1, "just only nearly almost barely") &&
        extract_word_is(ext, j - 2, ",") && j + 1 < ext->ntoks &&
        extract_word_is(ext, j + 1, ", ; ) ."))
        return (*who = person_just_before(ext, j - 2)) != SIZE_MAX;
    if (j + 1 >= ext->ntoks || !extract_word_is(ext, j - 1, ", ( of"))
        return 0;
    if (extract_word_is(ext, j + 1, ".") && j + 2 < ext->ntoks &&
        ext->toks[j + 2].kind == TOK_NUMBER &&
        ext->toks[j + 2].start == ext->toks[j + 1].end)
        return 0; /* a decimal */
    if (extract_word_is(ext, j - 1, "of")) /* "a lad of 15", not "a mum of 3" */
        return digits == 2 && extract_word_is(ext, j + 1, ", ; ) . and who") &&
               (extract_people_at(ext, j - 2) & WORD_PERSON) &&
               !extract_word_is(ext, j - 2, "mum dad mother father");
    if (extract_word_is(ext, j - 1, "(") && extract_word_is(ext, j + 1, ")"))
        return (*who = person_just_before(ext, j - 1)) != SIZE_MAX; /* (7) */
    if (digits != 2 || !extract_word_is(ext, j + 1, ", ; ) . and"))
        return 0;
    if ((*who = person_just_before(ext, j - 1)) != SIZE_MAX)
        return 1; /* "a nurse, 40," */
    return extract_word_is(ext, j - 1, ",") &&
           !extract_word_is(ext, j + 1, "and") && in_bracket_list(ext, j - 1);
}

/* 1 if the number at token j opens its sentence as an age: "58 and
 * terrified.", "19, pregnant and scared" (not "50 and over", "12, 13
 * and 14", "20 and counting"). */
static int opening_age(const mosaic_extractor *ext, size_t j)
{
    const xtoken *t = &ext->toks[j];

    if (!(t->flags & TOK_SENT_START) || t->end - t->start != 2 ||
        ext->clean[t->start] == '0' || j + 2 >= ext->ntoks ||
        !extract_word_is(ext, j + 1, "and ,"))
        return 0;
    return ext->toks[j + 2].kind == TOK_WORD &&
           ext->toks[j + 2].sentence == t->sentence &&
           !extract_word_is(ext, j + 2, "over under above below up older "
                                        "younger counting more less odd");
}

int extract_ages(mosaic_extractor *ext)
{
    return extract_rx_run(ext, RX_AGES, rows, sizeof(rows) / sizeof(*rows));
}

/* 1 if token k is someone's relative: a kin word after a possessive or
 * a count, an adjective apart ("her elderly mum, 67", "2 kids, 12 and
 * 14"; not "a young mum I see, 19", who is the client). */
static int relative_at(const mosaic_extractor *ext, size_t k)
{
    static const char owners[] = "her his their my our your two three four";

    if (!(extract_people_at(ext, k) & WORD_KIN))
        return 0;
    for (size_t b = k; b > 0 && k - b < 2; b--) {
        const xtoken *t = &ext->toks[b - 1];
        const char *w = TOK_FOLD(ext, t);
        if (t->sentence != ext->toks[k].sentence)
            return 0;
        if (t->kind == TOK_NUMBER || extract_word_is(ext, b - 1, owners) ||
            (t->fold_len > 2 && !memcmp(w + t->fold_len - 2, "'s", 2)))
            return 1;
    }
    return 0;
}

/* After the lexicons: an age set off next to the person it belongs to
 * ("a nurse, 40,", "a young carer (14)") reads their findings. */
int extract_apposed_ages(mosaic_extractor *ext)
{
    /* the numbers only, not every token: each has TRIG_DIGIT, so is
     * listed by it (extract_index_near) */
    uint32_t n;
    const uint32_t *digits = extract_role_list(ext, TRIG_DIGIT, &n);
    int rc;

    for (uint32_t q = 0; q < n; q++) {
        size_t j = digits[q], who = SIZE_MAX;
        const xtoken *t = &ext->toks[j];
        int age;
        if (t->kind != TOK_NUMBER ||
            !(apposed_age(ext, j, &who) || opening_age(ext, j)))
            continue;
        age = atoi(ext->clean + t->start);
        if ((rc = add_age(ext, t->start, t->end, age, age)) < 0)
            return rc;
        if (who != SIZE_MAX && relative_at(ext, who))
            EXTRACT_LAST(ext)->about = MOSAIC_ABOUT_OTHER;
    }
    return 0;
}
