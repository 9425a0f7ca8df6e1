/*
 * extract_cues.c -- client cues that a fixed phrase list cannot hold:
 * a person described and then pinned to the author's caseload or to an
 * earlier post.  "the midwife I mentioned", "the lad I see", "a woman
 * I've been seeing" (the person: a lexicon span such as OCCUPATION or
 * GENDER, or a person noun such as "client", "kid"), "working with a
 * young person", a note opening "Client this morning", and "update on
 * the nurse".  Their tokens get TOK_CUE (and TOK_BACK for a reference to
 * an earlier post); attribution reads them.
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "extract.h"

#define PERSON_WORDS 4 /* words between "the" and "I" */
#define UPDATE_WORDS 3 /* words after "update on the" */

static int same_sentence(const mosaic_extractor *ext, size_t a, size_t b)
{
    return ext->toks[a].sentence == ext->toks[b].sentence;
}

/* Token k names a person: a person noun, or a span describing one. */
static int person_at(const mosaic_extractor *ext, size_t k)
{
    static const char *const kinds[] = { "OCCUPATION", "GENDER", "FAMILY",
                                         "AGE", "NATIONALITY", "ETHNICITY",
                                         "RELIGION" };
    const xspan *s;

    if (ext->toks[k].roles & ROLE_PERSON)
        return 1;
    if ((s = extract_span_at(ext, ext->toks[k].start)) == NULL)
        return 0;
    for (size_t i = 0; i < sizeof(kinds) / sizeof(*kinds); i++)
        if (strcmp(s->category, kinds[i]) == 0)
            return 1;
    return 0;
}

static void mark(mosaic_extractor *ext, size_t from, size_t to, int back)
{
    for (size_t k = from; k <= to; k++)
        ext->toks[k].flags |= TOK_CUE | (back ? TOK_BACK : 0);
}

/* "I" at token i: the verb after it ("mentioned", "see", "'ve been
 * seeing"), or 0. */
static size_t verb_after(const mosaic_extractor *ext, size_t i)
{
    const xtoken *t = &ext->toks[i];
    size_t j = i + 1;

    if (!(t->roles & ROLE_FIRST) || t->kind != TOK_WORD ||
        strchr("iw", TOK_FOLD(ext, t)[0]) == NULL) /* I, I've, we */
        return 0;
    for (int aux = 0; aux < 2 && j < ext->ntoks &&
                      (ext->toks[j].roles & ROLE_AUX); aux++)
        j++;
    if (j < ext->ntoks && same_sentence(ext, i, j) &&
        (ext->toks[j].roles & (ROLE_TOLD | ROLE_SEE)))
        return j;
    return 0;
}

/* "the <person> I <verb>", a note's "Gentleman I see on Mondays" (the
 * person opening the sentence), or "@handle who I see": the
 * determiner's token (the person's, the handle's), or SIZE_MAX. */
static size_t person_before(const mosaic_extractor *ext, size_t i)
{
    int person = 0, clause = 0;

    for (size_t k = i, n = 0; n <= PERSON_WORDS; n++) {
        const xtoken *t;
        if (k == 0 || !same_sentence(ext, k - 1, i)) /* it opens on it */
            return person && !clause ? k : SIZE_MAX;
        t = &ext->toks[--k];
        if (t->kind == TOK_HYPHEN && k > 0) /* "12-year-old": one word */
            t = &ext->toks[--k];
        if (t->kind == TOK_HANDLE) /* "@sarah_runs who I've been seeing" */
            return k + 1 < i && extract_word_is(ext, k + 1, "who whom that")
                       ? k : SIZE_MAX;
        if (t->kind != TOK_WORD && t->kind != TOK_NUMBER &&
            t->kind != TOK_HYPHEN)
            return SIZE_MAX;
        if ((t->roles & ROLE_DET) && k + 1 < i)
            return person ? k : SIZE_MAX;
        person |= person_at(ext, k);
        /* "She told me I see...": a clause of its own, no person named;
         * "Many of the men I see": clients in general */
        clause |= (t->roles & (ROLE_FIRST | ROLE_THIRD | ROLE_TOLD |
                               ROLE_SEE)) != 0 ||
                  extract_word_is(ext, k, "many most some all several few "
                                          "lots");
    }
    return SIZE_MAX;
}

/* "update on the <person>", "following up on the ...", "following up on
 * my post about the ...": the person's token, or 0. */
static size_t update_on(const mosaic_extractor *ext, size_t u)
{
    size_t j = u + 1;

    if (!(ext->toks[u].roles & ROLE_UPDATE))
        return 0;
    if (extract_word_is(ext, j, "up"))
        j++;
    if (extract_word_is(ext, j, "on") && extract_word_is(ext, j + 1, "my") &&
        extract_word_is(ext, j + 2, "post tweet thread toot update blog") &&
        extract_word_is(ext, j + 3, "about on re"))
        j += 3; /* "on my post about": "about" stands for "on" */
    if (j + 1 >= ext->ntoks || !extract_word_is(ext, j, "on about") ||
        !(ext->toks[j + 1].roles & ROLE_DET) ||
        (ext->toks[j + 1].fold_len == 1)) /* "on a" is not a reference */
        return 0;
    for (size_t k = j + 2; k < ext->ntoks && k <= j + 1 + UPDATE_WORDS &&
                           same_sentence(ext, u, k) &&
                           ext->toks[k].kind == TOK_WORD;
         k++)
        if (person_at(ext, k))
            return k;
    return 0;
}

/* A person described after a determiner at token j ("a young person",
 * "this nurse"), in token v's sentence: the person's token, or 0. */
static size_t person_after(const mosaic_extractor *ext, size_t v, size_t j)
{
    if (j >= ext->ntoks || !same_sentence(ext, v, j) ||
        !(ext->toks[j].roles & ROLE_DET))
        return 0;
    for (size_t k = j + 1; k < ext->ntoks && k <= j + PERSON_WORDS &&
                           same_sentence(ext, v, k) &&
                           (ext->toks[k].kind == TOK_WORD ||
                            ext->toks[k].kind == TOK_NUMBER ||
                            ext->toks[k].kind == TOK_HYPHEN);
         k++)
        if (person_at(ext, k))
            return k;
    return 0;
}

/* 1 if the author is the subject of the verb at token v: "I", "we"
 * (with "'ve been", "am", "are"... between) or no subject at all, the
 * verb opening its sentence ("Working with a teen who..."); not "my
 * husband works with a nurse". */
static int author_subject(const mosaic_extractor *ext, size_t v)
{
    size_t k = v;
    const xtoken *t;

    while (k > 0 && same_sentence(ext, k - 1, v) &&
           ((ext->toks[k - 1].roles & ROLE_AUX) ||
            extract_word_is(ext, k - 1, "are is currently still also really")))
        k--;
    while (k > 0 && same_sentence(ext, k - 1, v) &&
           ext->toks[k - 1].kind != TOK_WORD &&
           ext->toks[k - 1].kind != TOK_NUMBER) {
        if (extract_word_is(ext, k - 1, ": - ( \xe2\x80\x93"))
            return 1; /* "Reflection: supporting a nurse..." */
        k--; /* handles, emoji, other punctuation */
    }
    if (k == 0 || !same_sentence(ext, k - 1, v))
        return 1;
    if (k > 1 && extract_word_is(ext, k - 1, "to") &&
        extract_word_is(ext, k - 2,
                        "privilege honour honor pleasure lovely great "
                        "amazing wonderful joy lucky humbling get"))
        return 1; /* "such a privilege to work with a young carer" */
    t = &ext->toks[k - 1];
    return (t->roles & ROLE_FIRST) && t->kind == TOK_WORD &&
           strchr("iw", TOK_FOLD(ext, t)[0]) != NULL; /* I, I'm, we */
}

/* "Saw a teenage lad today", "seeing a new client tomorrow": "see"
 * only with when after the person (not "I see a man walking his dog");
 * the person's token, or 0. */
static size_t seen_when(const mosaic_extractor *ext, size_t v)
{
    size_t p;

    if (!author_subject(ext, v) || (p = person_after(ext, v, v + 1)) == 0)
        return 0;
    for (size_t k = p + 1; k <= p + 2 && k < ext->ntoks; k++)
        if (same_sentence(ext, v, k) &&
            (ext->toks[k].roles & (TRIG_RELDAY | TRIG_WEEKDAY)))
            return p;
    return 0;
}

/* "working with a young person who...", "I'm supporting a teen", "sat
 * with a dad", "been counselling a nurse": the person's token, or 0.
 * Not "see" ("I see a man walking his dog"); "work" and "sit" only with
 * "with". */
static size_t works_with(const mosaic_extractor *ext, size_t v)
{
    size_t j = v + 1;

    if (!(ext->toks[v].roles & ROLE_SEE))
        return 0;
    if (extract_word_is(ext, v, "see seeing saw seen"))
        return seen_when(ext, v);
    if (extract_word_is(ext, v, "work working worked sat sitting") &&
        !extract_word_is(ext, j++, "with"))
        return 0;
    if (!author_subject(ext, v))
        return 0;
    return person_after(ext, v, j);
}

/* "a session with a lovely lady", "session went well w/ the
 * firefighter", "Today's session: a teen boy": the person's token, or
 * 0. */
static size_t session_with(const mosaic_extractor *ext, size_t v)
{
    if (!(ext->toks[v].roles & (TRIG_SESSION | TRIG_MODALITY)) ||
        !extract_word_is(ext, v, "session therapy emdr cbt"))
        return 0; /* "session with", "play therapy today with" */
    /* "session with", "session today with", "session went well w/" */
    for (size_t k = v + 1; k <= v + 4 && k + 1 < ext->ntoks &&
                           same_sentence(ext, v, k);
         k++) {
        if (extract_word_is(ext, k, "w") && extract_word_is(ext, k + 1, "/"))
            return person_after(ext, v, k + 2);
        if (extract_word_is(ext, k, "with") ||
            (k == v + 1 && extract_word_is(ext, k, ":")))
            return person_after(ext, v, k + 1);
        if (ext->toks[k].kind != TOK_WORD)
            return 0;
    }
    return 0;
}

/* 1 if "client" at token i follows a sentence's opening "New" or
 * "Another" ("New client today: ..."). */
static int new_client(const mosaic_extractor *ext, size_t i)
{
    return i > 0 && (ext->toks[i - 1].flags & TOK_SENT_START) &&
           same_sentence(ext, i - 1, i) &&
           extract_word_is(ext, i - 1, "new another");
}

/* "Client this morning (late 60s...)", "Client: a nurse", "Client's
 * wedding", "New client this week:", "Client, 29, nurse": a note that
 * opens on a client's or on "client" and when it was, "update", a colon
 * or an age (not "Client confidentiality matters"). */
static int bare_client(const mosaic_extractor *ext, size_t i)
{
    const xtoken *t = &ext->toks[i];

    if (t->kind != TOK_WORD ||
        !((t->flags & TOK_SENT_START) || new_client(ext, i)))
        return 0;
    if (extract_word_is(ext, i, "client's"))
        return 1; /* "Client's wedding was today" */
    if (strcmp(TOK_FOLD(ext, t), "client") != 0 || i + 1 >= ext->ntoks ||
        !same_sentence(ext, i, i + 1))
        return 0;
    return (t[1].roles & (TRIG_RELDAY | TRIG_WEEKDAY | TRIG_UNIT |
                          ROLE_UPDATE)) ||
           extract_word_is(ext, i + 1, ": ( -") ||
           (extract_word_is(ext, i + 1, ",") && i + 2 < ext->ntoks &&
            t[2].kind == TOK_NUMBER) || /* "Client, 29, Keighley" */
           (t[1].kind == TOK_WORD && t[1].end == t[1].start + 1 &&
            (t[1].flags & TOK_CAP)); /* "Client J (mid 30s)" */
}

/* 1 if token k's word is a possessive ("sister's"). */
static int possessive(const mosaic_extractor *ext, size_t k)
{
    const char *w = TOK_FOLD(ext, &ext->toks[k]);
    size_t n = ext->toks[k].fold_len;

    return (n > 2 && memcmp(w + n - 2, "'s", 2) == 0) ||
           (n > 4 && memcmp(w + n - 4, "\xE2\x80\x99s", 4) == 0);
}

/* 1 if token k may stand between a determiner and a client: a word, a
 * number or a hyphen describing ("lovely", "80-year-old"), not a person
 * word, a preposition or a possessive ("my sister's client"). */
static int describes(const mosaic_extractor *ext, size_t k)
{
    const xtoken *t = &ext->toks[k];

    return (t->kind <= TOK_NUMBER || t->kind == TOK_HYPHEN) &&
           !(t->roles & (ROLE_FIRST | ROLE_DET | ROLE_THIRD |
                         ROLE_PLACE_PREP)) &&
           !(t->kind == TOK_WORD && possessive(ext, k));
}

/* The last token of a described client at token n: "of mine" or "of
 * ours" after it is the cue's ("a Jewish client of mine who is a
 * barrister": not the author's). */
static size_t of_mine(const mosaic_extractor *ext, size_t n)
{
    return n + 2 < ext->ntoks && same_sentence(ext, n, n + 2) &&
                   extract_word_is(ext, n + 1, "of") &&
                   extract_word_is(ext, n + 2, "mine ours")
               ? n + 2
               : n;
}

/* "my lovely 80-year-old client", "a new young patient", "one of my
 * young clients": from the client's token n back over words describing
 * to a determiner; the determiner's token, or SIZE_MAX (a bare "my
 * client" is the phrase list's; not "a friend of a client"). */
static size_t described_client(const mosaic_extractor *ext, size_t n)
{
    const char *f = TOK_FOLD(ext, &ext->toks[n]);
    size_t len = ext->toks[n].fold_len;
    int plural;

    /* (one compare for the word's length: no list walked per token) */
    if (!((len == 6 && !memcmp(f, "client", 6)) ||
          (len == 7 &&
           (!memcmp(f, "patient", 7) || !memcmp(f, "clients", 7))) ||
          (len == 8 && !memcmp(f, "patients", 8)) ||
          (len == 10 && !memcmp(f, "supervisee", 10))))
        return SIZE_MAX;
    plural = f[len - 1] == 's';
    for (size_t k = n; k > 0 && n - k < 7 && same_sentence(ext, k - 1, n);
         k--) {
        size_t d = k - 1;
        if (!(ext->toks[d].fold_len <= 3 &&
              extract_word_is(ext, d, "my our a an"))) {
            if (!describes(ext, d))
                return SIZE_MAX;
            continue;
        }
        if (k == n) /* a bare "my client" */
            return SIZE_MAX;
        if (plural && !(d > 1 && extract_word_is(ext, d - 2, "one") &&
                        extract_word_is(ext, d - 1, "of")))
            return SIZE_MAX; /* "my young clients": clients in general */
        return d;
    }
    return SIZE_MAX;
}

/* The first token from i on a cue may be found at, or ntoks: one with
 * a role of a cue's first word, or of seven or eight letters ("clients",
 * "patients"); a tight loop, as most words are neither. */
static size_t cue_word(const mosaic_extractor *ext, size_t i)
{
    while (i < ext->ntoks &&
           !(ext->toks[i].roles & (ROLE_UPDATE | ROLE_FIRST | ROLE_SEE |
                                   TRIG_SESSION | TRIG_MODALITY |
                                   ROLE_PERSON)) &&
           ext->toks[i].fold_len - 7u > 1u)
        i++;
    return i;
}

int extract_phrase_cues(mosaic_extractor *ext)
{
    int found = 0;

    if (!(ext->post_roles & (ROLE_TOLD | ROLE_SEE | ROLE_UPDATE |
                             TRIG_SESSION | TRIG_MODALITY | ROLE_PERSON |
                             TRIG_MY)))
        return 0; /* (TRIG_MY: "one of my young clients") */
    for (size_t i = cue_word(ext, 0); i < ext->ntoks;
         i = cue_word(ext, i + 1)) {
        const xtoken *t = &ext->toks[i];
        size_t v, d;
        /* only a token some phrase starts at (cheap tests first); a
         * determiner only a described client ("a new young patient") */
        if (!(t->roles & (ROLE_UPDATE | ROLE_FIRST | ROLE_SEE |
                          TRIG_SESSION | TRIG_MODALITY)) &&
            !((t->flags & TOK_SENT_START) && (t->roles & ROLE_PERSON))) {
            /* a client described after its determiner, found at the
             * noun: "my lovely 80-year-old client" */
            if (((t->roles & ROLE_PERSON) ||
                 ((t->fold_len == 7 || t->fold_len == 8) &&
                  TOK_FOLD(ext, t)[t->fold_len - 1] == 's')) &&
                (d = described_client(ext, i)) != SIZE_MAX) {
                mark(ext, d, of_mine(ext, i), 0);
                found = 1;
            } else if ((t->roles & ROLE_PERSON) && bare_client(ext, i)) {
                mark(ext, i - 1, i, 0); /* "New client: ..." */
                found = 1;
            }
            continue;
        }
        if ((v = update_on(ext, i)) > 0) {
            mark(ext, i, v, 1);
            i = v;
            found = 1;
        } else if ((v = verb_after(ext, i)) > 0 &&
                   (d = person_before(ext, i)) != SIZE_MAX) {
            mark(ext, d, v, (ext->toks[v].roles & ROLE_TOLD) != 0);
            i = v;
            found = 1;
        } else if ((v = works_with(ext, i)) > 0 ||
                   (v = session_with(ext, i)) > 0) {
            mark(ext, i, v, 0);
            i = v;
            found = 1;
        } else if (bare_client(ext, i)) {
            mark(ext, i, i, 0);
            found = 1;
        } else if ((d = described_client(ext, i)) != SIZE_MAX) {
            mark(ext, d, of_mine(ext, i), 0);
            found = 1;
        }
    }
    return found;
}
