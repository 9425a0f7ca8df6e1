/*
 * extract_load.c -- read the extraction's reference data: the lexicons
 * (one phrase a line, optionally TAB and a canonical value), the first
 * names, the common words, and the gazetteers (lexicon/places_world.txt,
 * refdata/places.tsv when present, then lexicon/places_geonames.txt: the
 * UK's names win a clash).  At start-up these tables
 * usually come from the reference image instead (extract_image.c): a
 * table added here must be saved and loaded there too.
 * SPDX-License-Identifier: MIT
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datadir.h"
#include "error.h"
#include "extract.h"

#define KEY_MAX 512

enum { TO_LEXICON, TO_NAMES, TO_COMMON, TO_PLACE_WORDS, TO_GIVEN,
       TO_PLACES };

struct source {
    const char *file;
    const char *category; /* NULL: the value column names the kind */
    int to;
    int optional;
};

/* Earlier files win a clash ("polish": nationality before language). */
static const struct source sources[] = {
    { "lexicon/common_words.txt", NULL, TO_COMMON, 0 },
    { "lexicon/place_words.txt", NULL, TO_PLACE_WORDS, 0 },
    { "lexicon/given_names.txt", NULL, TO_GIVEN, 0 },
    { "lexicon/clientcues.txt", NULL, TO_LEXICON, 0 },
    { "lexicon/not_findings.txt", "NOT", TO_LEXICON, 0 },
    { "lexicon/gender.txt", "GENDER", TO_LEXICON, 0 },
    { "lexicon/family.txt", "FAMILY", TO_LEXICON, 0 },
    { "lexicon/life_events.txt", "LIFE_EVENT", TO_LEXICON, 0 },
    { "lexicon/health.txt", "HEALTH", TO_LEXICON, 0 },
    { "lexicon/occupations.txt", "OCCUPATION", TO_LEXICON, 0 },
    { "lexicon/nationality.txt", "NATIONALITY", TO_LEXICON, 0 },
    { "lexicon/ethnicity.txt", "ETHNICITY", TO_LEXICON, 0 },
    { "lexicon/religion.txt", "RELIGION", TO_LEXICON, 0 },
    { "lexicon/languages.txt", "LANGUAGE", TO_LEXICON, 0 },
    { "lexicon/sexuality.txt", "SEXUALITY", TO_LEXICON, 0 },
    { "lexicon/distinctive.txt", "DISTINCTIVE", TO_LEXICON, 0 },
    { "lexicon/orgs.txt", "ORG", TO_LEXICON, 0 },
    { "lexicon/firstnames.txt", "NAME", TO_NAMES, 0 },
    { "lexicon/places_world.txt", "PLACE", TO_PLACES, 0 },
};
/* loaded after the UK gazetteer */
static const struct source geonames = {
    "lexicon/places_geonames.txt", "PLACE", TO_PLACES, 0
};

static const char *cue_kind(const char *v)
{
    if (v == NULL || strcmp(v, "cue") == 0)
        return CAT_CUE;
    if (strcmp(v, "aggregate") == 0)
        return CAT_AGGREGATE;
    if (strcmp(v, "hypothetical") == 0)
        return CAT_HYPO;
    if (strcmp(v, "backref") == 0)
        return CAT_BACKREF;
    return NULL;
}

/* Lower-case ASCII copy without spaces, hyphens, apostrophes, dots. */
static size_t squash(const char *key, char *out, size_t size)
{
    size_t o = 0;

    for (; *key && o + 1 < size; key++)
        if (!strchr(" -'.", *key))
            out[o++] = *key;
    out[o] = '\0';
    return o;
}

/* How a gazetteer names a place: its main name, an alternative name,
 * or a name the list says needs a place preposition ("in Victoria"). */
enum { PLACE_MAIN, PLACE_ALT, PLACE_EVIDENCE };

/* How much evidence a one-word name needs: a common word (or an
 * alternative name that is an English word: "Ask" for Usk) needs a place
 * preposition or a hashtag; another English word ("Hull") a capital that
 * is not just the start of a sentence. */
static int place_flags(const mosaic_extractor *ext, const char *key,
                       size_t len, int how)
{
    int word = xtable_find(&ext->place_words, key, len) != NULL;

    if (xtable_find(&ext->common, key, len) || (how == PLACE_ALT && word))
        return XE_AMBIG;
    return word ? XE_WORD : 0;
}

static int add_place(mosaic_extractor *ext, const char *phrase,
                     const char *value, int how)
{
    char key[KEY_MAX], sq[KEY_MAX];
    int n, len, flags = 0;
    size_t sl;

    len = extract_phrase_key(ext, phrase, 0, key, sizeof(key), &n);
    if (len == MOSAIC_EFORMAT || len == MOSAIC_ETOOBIG || len == 0)
        return 0; /* "Bishop's Itchington (village)": not matchable */
    if (len < 0)
        return len;
    if (n == 1)
        flags = place_flags(ext, key, (size_t)len, how);
    if (how == PLACE_EVIDENCE)
        flags |= XE_AMBIG | XE_PREP;
    if ((n = xlexicon_add(&ext->places, key, (size_t)len, n, "PLACE", value,
                          flags)) < 0)
        return n;
    sl = squash(key, sq, sizeof(sq));
    return xlexicon_add(&ext->squashed, sq, sl, 1, "PLACE", value, flags);
}

/* A world place: "name", "name<TAB>canonical" or, from
 * places_geonames.txt, "name<TAB>canonical<TAB>alone|evidence". */
static int add_world_place(mosaic_extractor *ext, const char *name,
                           char *value)
{
    char *how = value ? strchr(value, '\t') : NULL;

    if (how)
        *how++ = '\0';
    if (how && strcmp(how, "alone") && strcmp(how, "evidence"))
        return mosaic__error_set(MOSAIC_EFORMAT, "expected alone or evidence");
    return add_place(ext, name, value ? value : name,
                     how && !strcmp(how, "evidence") ? PLACE_EVIDENCE
                                                     : PLACE_MAIN);
}

/* One line of a lexicon file: "phrase" or "phrase<TAB>value". */
static int add_line(mosaic_extractor *ext, const struct source *src,
                    char *line)
{
    char key[KEY_MAX], *tab = strchr(line, '\t'), *value = NULL;
    const char *cat = src->category;
    int n, len;

    if (tab) {
        *tab = '\0';
        value = tab + 1;
    }
    if (src->to == TO_LEXICON && cat == NULL &&
        (cat = cue_kind(value)) == NULL)
        return mosaic__error_set(MOSAIC_EFORMAT, "unknown cue kind");
    if (src->to == TO_PLACES)
        return add_world_place(ext, line, value);
    len = extract_phrase_key(ext, line, src->to == TO_LEXICON, key,
                             sizeof(key), &n);
    if (len <= 0)
        return len < 0 ? len : mosaic__error_set(MOSAIC_EFORMAT, "empty");
    if (src->to == TO_COMMON || src->to == TO_PLACE_WORDS ||
        src->to == TO_GIVEN)
        return xtable_put(src->to == TO_COMMON       ? &ext->common
                          : src->to == TO_GIVEN      ? &ext->given
                                                     : &ext->place_words,
                          key, (size_t)len, 0) < 0 ? -1 : 0;
    if (src->to == TO_NAMES)
        return xlexicon_add(&ext->names, key, (size_t)len, n, "NAME", line,
                            xtable_find(&ext->common, key, (size_t)len)
                                ? XE_AMBIG : 0);
    if (src->category == NULL)
        value = NULL;
    if (value == NULL) { /* canonical: the phrase, lower case */
        for (char *p = line; *p; p++)
            *p = (char)((unsigned)*p - 'A' < 26 ? *p | 0x20 : *p);
        value = line;
    }
    return xlexicon_add(&ext->lexicon, key, (size_t)len, n, cat, value,
                        extract_entry_form(ext) << XE_FORM_SHIFT);
}

static void chomp(char *line)
{
    size_t n = strlen(line);

    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r' ||
                     line[n - 1] == ' '))
        line[--n] = '\0';
}

/* Hand each line of a data file to fn (chomped; blank lines and, with
 * comments set, "#" lines skipped; `header` first lines skipped).  A
 * missing file is 0 when optional.  Errors name FILE:LINE. */
typedef int (*line_fn)(mosaic_extractor *ext, const void *ctx, char *line);

#define PRINT_BASIS 14695981039346656037ull /* 64-bit FNV-1a */
#define PRINT_PRIME 1099511628211ull

/* Fold n bytes and a separator into the data's fingerprint. */
static void print_add(mosaic_extractor *ext, const char *s, size_t n)
{
    uint64_t h = ext->data_print;

    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * PRINT_PRIME;
    ext->data_print = (h ^ 0xFFu) * PRINT_PRIME;
}

uint64_t extract_data_print(const mosaic_extractor *ext)
{
    return ext->data_print;
}

static int each_line(mosaic_extractor *ext, const char *dir, const char *file,
                     int optional, int header, int comments, line_fn fn,
                     const void *ctx)
{
    char path[PATH_MAX], *line = NULL;
    size_t cap = 0, lineno = 0;
    FILE *f;
    int error;

    if ((error = datadir_path(path, sizeof(path), dir, file)) < 0)
        return error;
    if ((f = fopen(path, "r")) == NULL)
        return optional ? 0
                        : mosaic__error_set(MOSAIC_ENOTFOUND,
                                            "%s: cannot open", path);
    print_add(ext, file, strlen(file));
    while (getline(&line, &cap, f) > 0) {
        if (++lineno <= (size_t)header)
            continue;
        chomp(line);
        if (line[0] == '\0' || (comments && line[0] == '#'))
            continue;
        print_add(ext, line, strlen(line));
        if (fn(ext, ctx, line) < 0) {
            char why[256];
            snprintf(why, sizeof(why), "%s", mosaic_error_last()->message);
            error = mosaic__error_set(MOSAIC_EFORMAT, "%s:%zu: %s", path,
                                      lineno, why);
            break;
        }
    }
    free(line);
    fclose(f);
    return error;
}

static int lexicon_line(mosaic_extractor *ext, const void *src, char *line)
{
    return add_line(ext, src, line);
}

/* The areas a place is in (columns 6-9: district, county, region,
 * nation) are places too ("North Yorkshire"); the first add of a name
 * wins, so each is added once. */
static int add_areas(mosaic_extractor *ext, char *rest)
{
    char *f = rest;
    int rc;

    for (int col = 2; col < 9 && f; col++) { /* rest starts at lat */
        char *next = strchr(f, '\t');
        if (next)
            *next++ = '\0';
        if (col >= 5 && f[0] && (rc = add_place(ext, f, f, PLACE_MAIN)) < 0)
            return rc;
        f = next;
    }
    return 0;
}

/* How a gazetteer's main name is matched: one that is also a given name
 * ("Barry", "Leigh", "Martin") needs a place preposition unless the town is a city
 * of 100,000 people or more ("Preston"). */
static int main_name_how(mosaic_extractor *ext, const char *name,
                         const char *rest)
{
    const char *pop = rest;
    const xentry *e;
    char key[KEY_MAX];
    int n, len;

    for (int col = 2; col < 4 && pop; col++) /* rest starts at lat */
        if ((pop = strchr(pop, '\t')) != NULL)
            pop++;
    if (pop == NULL || strtol(pop, NULL, 10) >= 100000)
        return PLACE_MAIN;
    len = extract_phrase_key(ext, name, 0, key, sizeof(key), &n);
    return len > 0 && n == 1 &&
                   (xtable_find(&ext->given, key, (size_t)len) ||
                    ((e = xlexicon_find(&ext->names, key, (size_t)len)) &&
                     !(e->flags & XE_AMBIG)))
               ? PLACE_EVIDENCE
               : PLACE_MAIN;
}

/* refdata/places.tsv: name, alt_names (|), lat, lon, population,
 * district, county, region, nation. */
static int gazetteer_line(mosaic_extractor *ext, const void *ctx,
                          char *line)
{
    char *name = line, *alts = strchr(line, '\t'), *end, *rest = NULL;
    int rc;

    (void)ctx;
    if (alts == NULL)
        return mosaic__error_set(MOSAIC_EFORMAT, "expected tab-separated "
                                 "columns");
    *alts++ = '\0';
    if ((end = strchr(alts, '\t')) != NULL)
        *end = '\0', rest = end + 1;
    if (name[0] == '\0')
        return mosaic__error_set(MOSAIC_EFORMAT, "empty name");
    if ((rc = add_place(ext, name, name,
                        main_name_how(ext, name, rest))) < 0)
        return rc;
    for (char *a = strtok(alts, "|"); a; a = strtok(NULL, "|"))
        if (a[0] && (rc = add_place(ext, a, name, PLACE_ALT)) < 0)
            return rc;
    return rest ? add_areas(ext, rest) : 0;
}

int extract_load(mosaic_extractor *ext, const char *dir)
{
    int rc;

    ext->data_print = PRINT_BASIS;
    if ((rc = extract_roles_load(ext)) < 0)
        return rc;
    for (size_t i = 0; i < sizeof(sources) / sizeof(*sources); i++)
        if ((rc = each_line(ext, dir, sources[i].file, sources[i].optional,
                            0, 1, lexicon_line, &sources[i])) < 0)
            return rc;
    /* the gazetteer may not be built yet: world places only */
    if ((rc = each_line(ext, dir, "refdata/places.tsv", 1, 1, 0,
                        gazetteer_line, NULL)) < 0)
        return rc;
    return each_line(ext, dir, geonames.file, 0, 0, 1, lexicon_line,
                     &geonames);
}
