/*
 * extract_roles.c -- the grammar words extraction cares about, each with
 * its roles: person words for attribution, titles and "called" for names,
 * place prepositions, organisation heads, and the trigger words that let
 * a pattern recogniser skip a post that cannot hold its matches.
 * One hash lookup per token replaces many string comparisons.
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "extract_pattern.h"

static const struct {
    const char *words; /* space-separated */
    uint32_t roles;
} role_words[] = {
    { "i i'm i've i'd i'll me my mine myself we our us we're we've ours "
      "im ive", ROLE_FIRST },
    { "she he her his him hers herself himself they their them she's he's "
      "they're theirs", ROLE_THIRD },
    { "mr mrs ms miss mx dr prof sir dame auntie uncle", ROLE_TITLE },
    { "called named calls nicknamed pseudonym alias aka", ROLE_NAMER },
    { "in from near at to around outside into via visiting visit towards "
      "nr of round moved live lives living based born grew", ROLE_PLACE_PREP },
    { "school academy college high grammar primary comprehensive university "
      "uni hospital infirmary church chapel council surgery practice trust "
      "prison fc mosque synagogue temple gurdwara club ltd plc group bank "
      "hospice nursery centre center police constabulary service charity "
      "foundation institute society association partnership cathedral "
      "parish station barracks works mill court tribunal directorate united "
      "rovers wanderers athletic utd albion hotspur times post news herald "
      "gazette telegraph chronicle tribune echo airlines airways brigade",
      ROLE_ORG_HEAD },
    { "street road lane avenue way drive crescent terrace square park "
      "gardens bridge tower castle palace island beach bay lake loch river "
      "hill moor pier market stadium arena museum gallery theatre theater "
      "airport harbour marina reservoir woods forest valley falls canal "
      "mall house hall zoo plaza coast mount mt", ROLE_LANDMARK_HEAD },
    { "january february march april may june july august september october "
      "november december jan feb mar apr jun jul aug sep sept oct nov dec",
      TRIG_MONTH },
    { "monday tuesday wednesday thursday friday saturday sunday mondays "
      "tuesdays wednesdays thursdays fridays saturdays sundays monday's "
      "tuesday's wednesday's thursday's friday's saturday's sunday's tues "
      "thurs weds", TRIG_WEEKDAY },
    { "yesterday today tonight tomorrow morning afternoon evening night "
      "today's tonight's day", TRIG_RELDAY },
    { "ago back later earlier afterwards", TRIG_AGO },
    { "last this next past", TRIG_UNIT },
    /* a word every holiday phrase holds, at most two words after its
     * start ("new year's eve": year's; "May Day": may) */
    { "christmas xmas boxing year's years eve easter friday holiday "
      "valentine valentine's valentines bonfire fawkes hallowe'en halloween mother's "
      "mothers mothering father's fathers remembrance shrove pancake "
      "hogmanay burns patrick's patricks year hallowe may", TRIG_HOLIDAY },
    { "hour hours day days week weeks fortnight fortnights month months "
      "year years decade decades", TRIG_DURATION },
    { "noon midday midnight o'clock oclock clock", TRIG_CLOCK },
    { "my", TRIG_MY },
    { "the a an this that one", ROLE_DET },
    { "mentioned mention posted wrote written blogged tweeted told talked "
      "spoke", ROLE_TOLD },
    { "see seeing saw seen work working worked support supporting supported "
      "counsel counselling counselled treat treating sat sitting", ROLE_SEE },
    { "am been have was", ROLE_AUX },
    { "client client's patient person kid child youngster teen couple family "
      "supervisee student", ROLE_PERSON },
    { "update updates following", ROLE_UPDATE },
    { "one two three four five six seven eight nine ten eleven twelve "
      "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty "
      "thirty forty fifty sixty seventy eighty ninety", TRIG_NUMWORD },
    { "session sessions", TRIG_SESSION },
    /* the words before an age in the "aged" pattern */
    { "aged age ages turned turns turning now", TRIG_AGED },
    /* every word the duration pattern can start with */
    { "for over after nearly almost about around within more less spent "
      "served lasted sentenced", TRIG_FOR },
    { "emdr cbt dbt ifs sandtray sand therapy walk zoom facetime skype "
      "teams", TRIG_MODALITY },
    { "old yo aged age ages turn turned turns turning birthday", TRIG_AGE },
    { "teens twenties thirties forties fifties sixties seventies eighties "
      "nineties something year sixth teenager teenagers teen teens "
      "adolescent adolescents toddler toddlers preschooler pre tween "
      "tweens pensioner pensioners oap octogenarian nonagenarian "
      "centenarian retiree retirees retired infant infants newborn "
      "schoolgirl schoolboy school undergrad undergraduate student "
      "students schoolgirls schoolboys schoolkid schoolkids schoolchild "
      "undergrads undergraduates newborns octogenarians nonagenarians "
      "centenarians oaps preschoolers sixthform sixthforms sixthformer "
      "sixthformers preteen preteens aged elderly career retirement uni "
      "university", TRIG_AGE_WORD },
};

/* Word shapes: the trigger of a word that no list can hold, from the
 * same pieces as the patterns that need it ("tueday", "15yo", "y/o",
 * "3o'clock", "Sepember").  A folded word whose start matches gets the
 * roles; a shape may admit more words than its pattern, never fewer. */
static const struct rx_row shapes[] = {
    { "weekday word", RX_WEEKDAY,
      REGEX_ANCHORED, NULL, TRIG_WEEKDAY, 0, NULL },
    { "month word", RX_MONTH "\\z",
      REGEX_ANCHORED, NULL, TRIG_MONTH, 0, NULL },
    /* the last word of "15 years old", "15yo", "5 y/o", "fifteenyo" */
    { "age word", "(?:\\d{1,3}|" RX_NUMWORD ")?(?:(?:years?|yrs?)?old|yo|y)"
      "\\z", REGEX_ANCHORED, NULL, TRIG_AGE, 0, NULL },
    { "decade word", "(?:early|mid|late)?" RX_DECADE_WORD "\\z",
      REGEX_ANCHORED, NULL, TRIG_AGE_WORD, 0, NULL },
    { "clock word", ".*clock\\z", REGEX_ANCHORED, NULL, TRIG_CLOCK, 0, NULL },
};

/* 1 if the n bytes at w end with the string s. */
static int ends_with(const char *w, size_t n, const char *s)
{
    size_t k = strlen(s);

    return n >= k && memcmp(w + n - k, s, k) == 0;
}

/* What every match of each shape holds, tested before its regex: most
 * new words fail them all, and a regex run costs far more. */
static int may_weekday(const char *w, size_t n)
{
    for (size_t k = 3; k <= 6 && k + 3 <= n; k++) /* "day" after its start */
        if (memcmp(w + k, "day", 3) == 0)
            return 1;
    return 0;
}

static int may_month(const char *w, size_t n)
{
    static const char starts[][4] = { "jan", "feb", "mar", "apr",
                                      "may", "jun", "jul", "aug",
                                      "sep", "oct", "nov", "dec" };

    if (n < 3 || n > 9)
        return 0;
    for (size_t i = 0; i < sizeof(starts) / sizeof(*starts); i++)
        if (memcmp(w, starts[i], 3) == 0)
            return 1;
    return 0;
}

/* 1 if the k bytes before an age word's ending can be what the shape
 * puts there: nothing, or a number's last digit or letter (also). */
static int age_before(const char *w, size_t k, const char *also)
{
    return k == 0 || (unsigned)w[k - 1] - '0' < 10 ||
           strchr(also, w[k - 1]) != NULL;
}

static int may_age(const char *w, size_t n)
{
    /* "fifteen", "twenty", "two"...: e, y, o, n, r, x, t; "years", "yr" */
    return (ends_with(w, n, "old") && age_before(w, n - 3, "eyonrxts")) ||
           (ends_with(w, n, "yo") && age_before(w, n - 2, "eyonrxt")) ||
           (ends_with(w, n, "y") && age_before(w, n - 1, "eyonrxt"));
}

static int may_decade(const char *w, size_t n)
{
    return ends_with(w, n, "ties") || ends_with(w, n, "teens");
}

static int may_clock(const char *w, size_t n)
{
    return ends_with(w, n, "clock");
}

static int (*const shape_may[])(const char *, size_t) = {
    may_weekday, may_month, may_age, may_decade, may_clock,
};
_Static_assert(sizeof(shape_may) / sizeof(*shape_may) ==
                   sizeof(shapes) / sizeof(*shapes),
               "a shape without its test");

int extract_shapes_compile(struct extract_patterns *p)
{
    return extract_rx_compile(p, RX_SHAPES, shapes,
                              sizeof(shapes) / sizeof(*shapes));
}

/* The roles of a word's shape (once per distinct word, so a pattern
 * match is cheap enough). */
static uint32_t shape_roles(const mosaic_extractor *ext, const char *w,
                            size_t n)
{
    uint32_t roles = 0;
    size_t end;

    for (size_t i = 0; i < sizeof(shapes) / sizeof(*shapes); i++)
        if (shape_may[i](w, n) &&
            regex_here(ext->patterns->re[RX_SHAPES + (int)i], w, n, 0, &end,
                       NULL, NULL) > 0)
            roles |= (uint32_t)shapes[i].need;
    return roles;
}

int extract_roles_load(mosaic_extractor *ext)
{
    int rc;

    for (size_t i = 0; i < sizeof(role_words) / sizeof(*role_words); i++)
        if ((rc = xtable_put_words(&ext->roles, role_words[i].words,
                                   role_words[i].roles)) < 0)
            return rc;
    return 0;
}

uint32_t extract_roles_of(const mosaic_extractor *ext, const char *w,
                          size_t n, uint32_t hash)
{
    xslot *s = xtable_find_hashed(&ext->roles, w, n, hash);

    return (s ? s->val : 0) | shape_roles(ext, w, n);
}

/* 1 if a and b (lengths na, nb) are one edit apart: a letter changed,
 * added, dropped, or two swapped. */
static int one_edit(const char *a, size_t na, const char *b, size_t nb)
{
    size_t i = 0;

    if (na + 1 < nb || nb + 1 < na)
        return 0;
    while (i < na && i < nb && a[i] == b[i])
        i++;
    if (na == nb)
        return i < na &&
               (!memcmp(a + i + 1, b + i + 1, na - i - 1) || /* changed */
               (i + 1 < na && a[i] == b[i + 1] && a[i + 1] == b[i] &&
                !memcmp(a + i + 2, b + i + 2, na - i - 2))); /* swapped */
    return na > nb ? !memcmp(a + i + 1, b + i, na - i - 1)  /* added */
                   : !memcmp(a + i, b + i + 1, nb - i - 1); /* dropped */
}

const char *extract_misspelt(const char *w, size_t n)
{
    /* the words of client cues (six letters or more: a shorter word is
     * one edit from too many others) */
    static const struct {
        const char *w;
        size_t n;
    } meant[] = { { "client", 6 },   { "clients", 7 },   { "someone", 7 },
                  { "somebody", 8 }, { "following", 9 }, { "update", 6 },
                  { "mentioned", 9 }, { "patient", 7 },  { "imagine", 7 } };

    if (n < 5 || n > 10 || (n == 5 && !memcmp(w, "clint", 5)) ||
        (n == 6 && !memcmp(w, "clints", 6)))
        return NULL; /* a name */
    for (size_t k = 0; k < sizeof(meant) / sizeof(*meant); k++) {
        const char *m = meant[k].w;
        size_t mn = meant[k].n;
        /* (one edit leaves one of the first two letters where it was,
         * or moves it by one) */
        if (n + 1 < mn || mn + 1 < n ||
            (w[0] != m[0] && w[1] != m[1] && w[0] != m[1] && w[1] != m[0]))
            continue;
        if (n == mn && !memcmp(w, m, n))
            return NULL; /* spelt right */
        if (n == mn + 1 && !memcmp(w, m, mn))
            continue; /* an ending added: another form ("updated") */
        if (one_edit(w, n, m, mn))
            return m;
    }
    return NULL;
}

static const char person_words[] =
    "man men woman women boy girl lad lass guy bloke chap gentleman lady "
    "client patient person mum dad mother father son daughter husband wife "
    "partner widow widower teen teenager";

static const char kin_words[] =
    "mum mother dad father husband wife partner son daughter brother "
    "sister gran nan grandma grandad grandmother grandfather aunt uncle "
    "cousin boyfriend girlfriend kids children child baby ex stepdad "
    "stepmum sons daughters brothers sisters";

int extract_people_load(mosaic_extractor *ext)
{
    int rc = xtable_put_words(&ext->people, person_words, WORD_PERSON);

    return rc < 0 ? rc : xtable_put_words(&ext->people, kin_words, WORD_KIN);
}
