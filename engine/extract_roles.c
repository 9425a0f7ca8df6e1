/*
 * extract_roles.c -- the grammar words extraction cares about, each with
 * its roles: person words for attribution, titles and "called" for names,
 * place prepositions, organisation heads, and the trigger words that let
 * a pattern recogniser skip a post that cannot hold its matches.
 * One hash lookup per token replaces many string comparisons.
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "extract.h"

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
    { "school academy college university hospital infirmary church chapel "
      "council surgery practice trust prison fc mosque synagogue temple "
      "gurdwara club ltd plc group bank hospice nursery centre center "
      "police constabulary service charity foundation institute society "
      "association partnership cathedral parish station barracks works mill",
      ROLE_ORG_HEAD },
    { "january february march april may june july august september october "
      "november december jan feb mar apr jun jul aug sep sept oct nov dec",
      TRIG_MONTH },
    { "monday tuesday wednesday thursday friday saturday sunday mondays "
      "tuesdays wednesdays thursdays fridays saturdays sundays monday's "
      "tuesday's wednesday's thursday's friday's saturday's sunday's tues "
      "thurs weds", TRIG_WEEKDAY },
    { "yesterday today tonight tomorrow morning afternoon evening night "
      "today's tonight's", TRIG_RELDAY },
    { "ago", TRIG_AGO },
    { "last this next past", TRIG_UNIT },
    /* a word every holiday phrase holds ("new year's eve": eve; "May
     * Day": the month, a trigger of the holiday pattern too) */
    { "christmas xmas boxing year's years eve easter friday holiday "
      "valentine valentine's valentines bonfire fawkes hallowe'en halloween mother's "
      "mothers mothering father's fathers remembrance shrove pancake "
      "hogmanay burns patrick's patricks", TRIG_HOLIDAY },
    { "hour hours day days week weeks fortnight fortnights month months "
      "year years decade decades", TRIG_DURATION },
    { "noon midday midnight o'clock oclock clock", TRIG_CLOCK },
    { "my", TRIG_MY },
    { "the a an this that one", ROLE_DET },
    { "mentioned mention posted wrote written blogged tweeted told talked "
      "spoke", ROLE_TOLD },
    { "see seeing work working worked support supporting supported "
      "counsel counselling counselled treat treating", ROLE_SEE },
    { "am been have was", ROLE_AUX },
    { "client patient person kid child youngster teen couple family "
      "supervisee student", ROLE_PERSON },
    { "update updates following", ROLE_UPDATE },
    { "one two three four five six seven eight nine ten eleven twelve "
      "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty "
      "thirty forty fifty sixty seventy eighty ninety", TRIG_NUMWORD },
    { "session sessions", TRIG_SESSION },
    /* the words before an age in the "aged" pattern */
    { "aged age ages turned turns turning now", TRIG_AGED },
    /* every word the duration pattern can start with */
    { "for over after nearly almost about around within more less",
      TRIG_FOR },
    { "emdr cbt dbt ifs sandtray sand therapy walk", TRIG_MODALITY },
    { "old yo aged age ages turn turned turns turning birthday", TRIG_AGE },
    { "teens twenties thirties forties fifties sixties seventies eighties "
      "nineties something year sixth teenager teenagers teen teens "
      "adolescent adolescents toddler toddlers preschooler pre tween "
      "tweens pensioner pensioners oap octogenarian nonagenarian "
      "centenarian retiree retirees retired infant infants newborn "
      "schoolgirl schoolboy school undergrad undergraduate student "
      "students schoolgirls schoolboys schoolkid schoolkids schoolchild "
      "undergrads undergraduates newborns octogenarians nonagenarians "
      "centenarians oaps preschoolers", TRIG_AGE_WORD },
};

int extract_roles_load(mosaic_extractor *ext)
{
    for (size_t i = 0; i < sizeof(role_words) / sizeof(*role_words); i++) {
        const char *w = role_words[i].words;
        while (*w) {
            size_t n = strcspn(w, " ");
            xslot *s = xtable_find(&ext->roles, w, n);
            if (s)
                s->val |= role_words[i].roles;
            else if (xtable_put(&ext->roles, w, n, role_words[i].roles) < 0)
                return -1;
            w += n;
            w += *w == ' ';
        }
    }
    return 0;
}

uint32_t extract_roles_of(const mosaic_extractor *ext, const char *w,
                          size_t n, uint32_t hash)
{
    xslot *s = xtable_find_hashed(&ext->roles, w, n, hash);

    return s ? s->val : 0;
}
