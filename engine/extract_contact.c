/*
 * extract_contact.c -- direct identifiers written as patterns: e-mail
 * addresses, UK phone numbers, @handles, full UK postcodes ("HX7 5AB"),
 * reference numbers ("case no. 40593/04"), NHS numbers (checked) and
 * National Insurance numbers (CONTACT); and postcode districts ("HX7",
 * PLACE).
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "extract_pattern.h"

/* The UK's postcode areas. */
static const char *const areas[] = {
    "AB", "AL", "B",  "BA", "BB", "BD", "BH", "BL", "BN", "BR", "BS", "BT",
    "CA", "CB", "CF", "CH", "CM", "CO", "CR", "CT", "CV", "CW", "DA", "DD",
    "DE", "DG", "DH", "DL", "DN", "DT", "DY", "E",  "EC", "EH", "EN", "EX",
    "FK", "FY", "G",  "GL", "GU", "GY", "HA", "HD", "HG", "HP", "HR", "HS",
    "HU", "HX", "IG", "IM", "IP", "IV", "JE", "KA", "KT", "KW", "KY", "L",
    "LA", "LD", "LE", "LL", "LN", "LS", "LU", "M",  "ME", "MK", "ML", "N",
    "NE", "NG", "NN", "NP", "NR", "NW", "OL", "OX", "PA", "PE", "PH", "PL",
    "PO", "PR", "RG", "RH", "RM", "S",  "SA", "SE", "SG", "SK", "SL", "SM",
    "SN", "SO", "SP", "SR", "SS", "ST", "SW", "SY", "TA", "TD", "TF", "TN",
    "TQ", "TR", "TS", "TW", "UB", "W",  "WA", "WC", "WD", "WF", "WN", "WR",
    "WS", "WV", "YO", "ZE",
};

/* Look-alikes that are not postcodes: gases, vitamins, motorways. */
static const char *const not_districts[] = { "CO2", "SO2", "B12", "B6",
                                             "M1", "M4", "M5", "M6",
                                             "M25", "M62", "A1", "E10" };

static int postcode_area(const char *s, size_t len)
{
    size_t n = (unsigned)s[1] - 'A' < 26 ? 2 : 1;

    if (len < 2)
        return 0;
    for (size_t i = 0; i < sizeof(areas) / sizeof(*areas); i++)
        if (strlen(areas[i]) == n && strncmp(s, areas[i], n) == 0)
            return (int)n;
    return 0;
}

static int on_email(const char *t, const size_t *ov, int n, void *ctx)
{
    (void)t, (void)n;
    return extract_add(ctx, ov[0], ov[1], "CONTACT", "email", PRI_DIRECT);
}

static int on_phone(const char *t, const size_t *ov, int n, void *ctx)
{
    int digits = 0;

    (void)n;
    for (size_t i = ov[0]; i < ov[1]; i++)
        digits += (unsigned)t[i] - '0' < 10;
    if (t[ov[0]] == '+')
        digits -= 2; /* 44 */
    if (digits < 10 || digits > 11)
        return 0;
    return extract_add(ctx, ov[0], ov[1], "CONTACT", "phone", PRI_DIRECT);
}

/* 1 if a word has a handle's shape, not a word's: an underscore, a
 * digit after letters, or a capital inside a word with small letters
 * ("SonyCentreTO", "amnesia_ibiza", "Hot975Vegas"; not "home", "BBC"). */
static int handle_shaped(const char *s, size_t n)
{
    int lower = 0, inner_upper = 0, digit = 0;

    for (size_t i = 0; i < n; i++) {
        if (s[i] == '_')
            return 1;
        lower |= (unsigned)s[i] - 'a' < 26;
        inner_upper |= i > 0 && (unsigned)s[i] - 'A' < 26;
        digit |= i > 1 && (unsigned)s[i] - '0' < 10;
    }
    return lower && (inner_upper || ((unsigned)s[0] - '0' >= 10 && digit));
}

static int on_handle(const char *t, const size_t *ov, int n, void *ctx)
{
    (void)t, (void)n;
    return extract_add(ctx, ov[0], ov[1], "CONTACT", "handle", PRI_DIRECT);
}

static int on_postcode(const char *t, const size_t *ov, int n, void *ctx)
{
    char v[16];

    (void)n;
    if (!postcode_area(t + ov[2], GROUP_LEN(ov, 1)))
        return 0;
    snprintf(v, sizeof(v), "%.*s %.*s", (int)GROUP_LEN(ov, 1), t + ov[2],
             (int)GROUP_LEN(ov, 2), t + ov[4]);
    return extract_add(ctx, ov[0], ov[1], "CONTACT", v, PRI_DIRECT);
}

/* "no. 40593/04", "ref: AB12345": the number itself, of five digits or
 * more ("number 10" is none). */
static int on_reference(const char *t, const size_t *ov, int n, void *ctx)
{
    int digits = 0;

    (void)n;
    for (size_t i = ov[2]; i < ov[3]; i++)
        digits += (unsigned)t[i] - '0' < 10;
    if (digits < 5)
        return 0;
    return extract_add(ctx, ov[2], ov[3], "CONTACT", "reference number",
                       PRI_DIRECT);
}

/* Ten digits in threes and four whose last is the NHS number's modulus
 * 11 check digit. */
static int on_nhs_number(const char *t, const size_t *ov, int n, void *ctx)
{
    int d[10], k = 0, sum = 0, check;

    (void)n;
    for (size_t i = ov[0]; i < ov[1] && k < 10; i++)
        if ((unsigned)t[i] - '0' < 10)
            d[k++] = t[i] - '0';
    if (k != 10)
        return 0;
    for (int i = 0; i < 9; i++)
        sum += d[i] * (10 - i);
    check = (11 - sum % 11) % 11;
    if (check == 10 || check != d[9])
        return 0;
    return extract_add(ctx, ov[0], ov[1], "CONTACT", "NHS number",
                       PRI_DIRECT);
}

static int on_ni_number(const char *t, const size_t *ov, int n, void *ctx)
{
    (void)t, (void)n;
    return extract_add(ctx, ov[0], ov[1], "CONTACT",
                       "National Insurance number", PRI_DIRECT);
}

/* A district alone: a two-letter area, or a preposition before it. */
static int on_district(const char *t, const size_t *ov, int n, void *ctx)
{
    static const char *const preps[] = { "in ", "near ", "from ", "at ",
                                         "around ", "postcode ", "of " };
    size_t len = ov[1] - ov[0];
    int area = postcode_area(t + ov[0], len), evidence = 0;
    char v[16];

    (void)n;
    if (!area || len >= sizeof(v))
        return 0;
    snprintf(v, sizeof(v), "%.*s", (int)len, t + ov[0]);
    for (size_t i = 0; i < sizeof(not_districts) / sizeof(*not_districts); i++)
        if (strcmp(v, not_districts[i]) == 0)
            return 0;
    for (size_t i = 0; i < sizeof(preps) / sizeof(*preps); i++) {
        size_t pl = strlen(preps[i]);
        if (ov[0] >= pl && strncasecmp(t + ov[0] - pl, preps[i], pl) == 0)
            evidence = 1;
    }
    if (area == 1 && !evidence)
        return 0;
    return extract_add(ctx, ov[0], ov[1], "PLACE", v, PRI_PATTERN);
}

static const struct rx_row rows[] = {
    { "email", "\\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*"
      "\\.[A-Za-z]{2,}\\b", 0, on_email , TRIG_EMAIL, 0,
      NULL },
    { "phone", "(?<![\\w+])(?:\\+44\\s?(?:\\(0\\)\\s?)?|\\(?0)\\d{2,4}\\)?"
      "[\\s-]?\\d{3,4}[\\s-]?\\d{3,4}\\b", 0, on_phone , TRIG_PHONE, 0,
      NULL },
    { "handle", "(?<![\\w@.])@[A-Za-z0-9_]{1,30}\\b", RX_NEAR_TRIGGER(0),
      on_handle , TRIG_AT, 0,
      NULL },
    { "postcode", "\\b([A-Z]{1,2}[0-9][A-Z0-9]?)\\s?([0-9][ABD-HJLNP-UW-Z]"
      "{2})\\b", 0, on_postcode , TRIG_UPPER_DIGIT, 0,
      NULL },
    { "district", "\\b[A-Z]{1,2}[0-9][A-Z0-9]?\\b(?![\\s-]?[0-9])", 0,
      on_district , TRIG_UPPER_DIGIT, 0,
      NULL },
    { "reference", "\\b(?:no|nos|number|ref|reference)\\b\\.?\\s?[:#]?\\s?"
      "([A-Z]{0,3}[0-9]+(?:[/-][0-9]+)*)\\b", REGEX_CASELESS, on_reference,
      TRIG_LONG_NUMBER, 0,
      NULL },
    { "nhs number", "(?<![\\w+])[1-9][0-9]{2}[ -][0-9]{3}[ -][0-9]{4}\\b", 0,
      on_nhs_number, TRIG_LONG_NUMBER, 0,
      NULL },
    { "ni number", "\\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z]"
      "[A-CEGHJ-NPR-TW-Z] ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D]\\b", 0,
      on_ni_number, TRIG_LONG_NUMBER, 0,
      NULL },
};

int extract_contacts_compile(struct extract_patterns *p)
{
    return extract_rx_compile(p, RX_CONTACTS, rows,
                              sizeof(rows) / sizeof(*rows));
}

static int handle_char(unsigned char c)
{
    return (unsigned)(c | 0x20) - 'a' < 26 || (unsigned)c - '0' < 10 ||
           c == '_';
}

/* "@ SonyCentreTO": a handle as tokenised text writes it, with a space
 * after the "@" (the pattern's handle, when the word has a handle's
 * shape). */
static int spaced_handles(mosaic_extractor *ext)
{
    const char *t = ext->clean;

    for (size_t i = ext->spaced_at - 1; i + 1 < ext->ntoks; i++) {
        const xtoken *at = &ext->toks[i];
        size_t s = at->end + 1, e = s;
        int rc;
        if (at->kind != TOK_PUNCT || t[at->start] != '@' ||
            (at->start > 0 && (handle_char((unsigned char)t[at->start - 1]) ||
                               t[at->start - 1] == '.' ||
                               t[at->start - 1] == '@')) ||
            ext->toks[i + 1].start != s)
            continue;
        while (e < ext->clean_len && e - s < 31 &&
               handle_char((unsigned char)t[e]))
            e++;
        if (e - s > 30 || !handle_shaped(t + s, e - s))
            continue;
        if ((rc = extract_add(ext, at->start, e, "CONTACT", "handle",
                              PRI_DIRECT)) < 0)
            return rc;
    }
    return 0;
}

int extract_contacts(mosaic_extractor *ext)
{
    int rc = extract_rx_run(ext, RX_CONTACTS, rows,
                            sizeof(rows) / sizeof(*rows));

    return rc < 0 || !ext->spaced_at ? rc : spaced_handles(ext);
}
