/*
 * extract_time.c -- times of day ("4pm", "16:30", "noon") and session
 * cues: slots ("my 4pm", "my Thursday lady"), numbered or dated sessions
 * ("our 12th session", "Tuesday's session"), "in session", modalities.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract_pattern.h"

#define PEOPLE                                                            \
    "client|lady|man|gentleman|guy|girl|boy|woman|chap|lad|lass|fella|"   \
    "young\\s+person|teen|kid|couple|family"

/* "4", "30", "pm" -> "16:30"; hour 0 when unreadable. */
static void clock_value(char *v, size_t size, int h, int m, const char *ap)
{
    if (ap && (ap[0] | 0x20) == 'p' && h < 12)
        h += 12;
    if (ap && (ap[0] | 0x20) == 'a' && h == 12)
        h = 0;
    h %= 24;
    m %= 60;
    if (size >= 6 && h >= 0 && m >= 0) { /* "%02d:%02d" */
        v[0] = (char)('0' + h / 10);
        v[1] = (char)('0' + h % 10);
        v[2] = ':';
        v[3] = (char)('0' + m / 10);
        v[4] = (char)('0' + m % 10);
        v[5] = '\0';
    } else {
        snprintf(v, size, "%02d:%02d", h, m);
    }
}

static int on_ampm(const char *t, const size_t *ov, int n, void *ctx)
{
    char v[16];
    int h = atoi(t + ov[2]), m = GROUP_SET(ov, 2) ? atoi(t + ov[4]) : 0;

    (void)n;
    if (h < 1 || h > 12)
        return 0;
    clock_value(v, sizeof(v), h, m, t + ov[6]);
    return extract_add(ctx, ov[0], ov[1], "TIME", v, PRI_PATTERN);
}

static int on_clock(const char *t, const size_t *ov, int n, void *ctx)
{
    char v[16];

    (void)n;
    clock_value(v, sizeof(v), atoi(t + ov[2]), atoi(t + ov[4]), NULL);
    return extract_add(ctx, ov[0], ov[1], "TIME", v, PRI_PATTERN);
}

static int on_named_time(const char *t, const size_t *ov, int n, void *ctx)
{
    char v[16];
    int h;

    (void)n;
    if (GROUP_SET(ov, 1))
        h = (t[ov[2]] | 0x20) == 'n' && (t[ov[2] + 1] | 0x20) == 'o' ? 12
            : (t[ov[2]] | 0x20) == 'm' && (t[ov[2] + 3] | 0x20) == 'd' ? 12
            : 0;
    else
        h = extract_number(t + ov[4], GROUP_LEN(ov, 2));
    if (h < 0 || h > 12)
        return 0;
    clock_value(v, sizeof(v), h, 0, NULL);
    return extract_add(ctx, ov[0], ov[1], "TIME", v, PRI_PATTERN);
}

/* "my 4pm", "my Tuesday 10am client": a client named by their slot. */
static int on_slot(const char *t, const size_t *ov, int n, void *ctx)
{
    char v[32];
    int h = atoi(t + ov[4]);
    const char *ap = NULL;

    (void)n;
    for (size_t i = ov[4]; i < ov[5]; i++)
        if ((t[i] | 0x20) == 'a' || (t[i] | 0x20) == 'p') {
            ap = t + i;
            break;
        }
    if (ap == NULL && h >= 1 && h <= 7)
        ap = "pm"; /* "my 4" is an afternoon client */
    memcpy(v, "slot ", 5);
    clock_value(v + 5, sizeof(v) - 5, h, 0, ap);
    return extract_add(ctx, ov[0], ov[1], "SESSION", v, PRI_PATTERN + 1);
}

static int on_weekday_client(const char *t, const size_t *ov, int n,
                             void *ctx)
{
    (void)t, (void)n;
    return extract_add(ctx, ov[0], ov[1], "SESSION", "slot client",
                       PRI_PATTERN + 1);
}

static int on_session(const char *t, const size_t *ov, int n, void *ctx)
{
    char v[32] = "session";

    (void)n;
    if (GROUP_SET(ov, 1))
        snprintf(v, sizeof(v), "session %d", atoi(t + ov[2]));
    return extract_add(ctx, ov[0], ov[1], "SESSION", v, PRI_PATTERN);
}

static int on_in_session(const char *t, const size_t *ov, int n, void *ctx)
{
    (void)t, (void)n;
    return extract_add(ctx, ov[0], ov[1], "SESSION", "in session",
                       PRI_PATTERN + 1);
}

/* "modality emdr"; one value for the ways of writing walk and talk
 * and for a session over video ("over Zoom", "on Teams"). */
static int on_modality(const char *t, const size_t *ov, int n, void *ctx)
{
    char v[40] = "modality ";
    size_t len = ov[1] - ov[0], o = strlen(v);
    char c = (char)(t[ov[0]] | 0x20);

    (void)n;
    if (c == 'w' || ((c == 'o' || c == 'v') && len > 6))
        return extract_add(ctx, ov[0], ov[1], "SESSION",
                           c == 'w' ? "modality walk and talk"
                                    : "modality online", PRI_PATTERN);
    for (size_t i = 0; i < len && o + 1 < sizeof(v); i++)
        v[o++] = (char)((unsigned)t[ov[0] + i] - 'A' < 26
                            ? t[ov[0] + i] | 0x20 : t[ov[0] + i]);
    v[o] = '\0';
    return extract_add(ctx, ov[0], ov[1], "SESSION", v, PRI_PATTERN);
}

static const struct rx_row rows[] = {
    { "am/pm", "\\b(\\d{1,2})(?:[:.](\\d\\d))?\\s?(am|pm|a\\.m\\.|p\\.m\\.)"
      "(?![a-z])", REGEX_CASELESS | RX_NEAR_TRIGGER(0), on_ampm , TRIG_AMPM,
      TRIG_DIGIT,
      "#a|#p|# a|# p|#:|#.|##a|##p|## a|## p|##:|##." },
    { "clock", "\\b([01]?\\d|2[0-3]):([0-5]\\d)\\b(?!\\s?(?:am|pm|:))", 0,
      on_clock , TRIG_DIGIT_SEP, 0,
      NULL },
    { "named time", "\\b(?:(noon|midday|midnight)|(\\d{1,2}|" RX_NUMWORD
      ")\\s*o" RX_APOS "?\\s?clock)\\b", REGEX_CASELESS, on_named_time , TRIG_CLOCK, 0,
      NULL },
    { "slot", "\\bmy\\s+(?:(" RX_WEEKDAY ")\\s+)?(\\d{1,2}(?:[:.]\\d\\d)?\\s?"
      "(?:am|pm)|\\d{1,2}\\s*o" RX_APOS "?\\s?clock|\\d{1,2}(?=\\s+(?:"
      PEOPLE "|appointment|session|slot|cancell?ed|didn|dna|no[\\s-]show)))"
      "(?:\\s+(?:" PEOPLE "|appointment|session|slot))?\\b",
      REGEX_CASELESS | RX_NEAR_TRIGGER(0), on_slot , TRIG_MY_DIGIT,
      TRIG_MY,
      "my #|my mo|my tu|my we|my th|my fr|my sa|my su" },
    { "weekday client", "\\bmy\\s+(?:" RX_WEEKDAY "(?:\\s+(?:morning|"
      "afternoon|evening|night|lunchtime))?|morning|afternoon|evening|first|"
      "last|early|late|final)\\s+(?:" PEOPLE ")\\b",
      REGEX_CASELESS | RX_NEAR_TRIGGER(0), on_weekday_client , TRIG_MY, 0,
      "my mo|my tu|my we|my th|my fr|my sa|my su|my af|my ev|my fi|my la|"
      "my ea" },
    { "session", "\\b(?:(?:" RX_WEEKDAY "|today|tonight|this\\s+morning|"
      "yesterday)" RX_APOS "s\\s+|(?:our|my|their|her|his|the|a)\\s+"
      "(?:(\\d{1,3})(?:st|nd|rd|th)\\s+|(?:first|second|third|fourth|fifth|"
      "sixth|last|final|ending|closing|assessment|intake|online|telephone|"
      "phone|video|zoom|teams|face[\\s-]to[\\s-]face|in[\\s-]person|"
      "emdr|couples?|family|ending)\\s+))sessions?\\b",
      REGEX_CASELESS | RX_NEAR_TRIGGER(6), on_session , TRIG_SESSION, 0,
      "mon|tue|wed|thu|fri|sat|sun|to|th|yesterday|our |my |her |his |a " },
    { "in session", "\\bin\\s+(?:(?:our|my|today" RX_APOS "s|this\\s+(?:morning|"
      "afternoon|evening)" RX_APOS "s)\\s+)?session(?:\\s+(?:today|this\\s+"
      "morning|this\\s+afternoon|this\\s+evening|tonight|yesterday|"
      "earlier))?\\b",
      REGEX_CASELESS | RX_NEAR_TRIGGER(3), on_in_session , TRIG_SESSION, 0,
      "in " },
    { "modality", "\\b(?:(?-i:IFS)|emdr|cbt|dbt|sand\\s?tray|play\\s+therapy|"
      "art\\s+therapy|drama\\s+therapy|walk[\\s-]+(?:and|&)[\\s-]+talk|"
      "walk\\s*&\\s*talk|(?:over|on|via)\\s+(?:zoom|facetime|skype|"
      "(?-i:Teams)))\\b",
      REGEX_CASELESS | RX_NEAR_TRIGGER(1), on_modality ,
      TRIG_MODALITY, 0,
      "ifs|emdr|cbt|dbt|sand|play |art |drama |walk|over |on |via " },
};

int extract_times_compile(struct extract_patterns *p)
{
    return extract_rx_compile(p, RX_TIMES, rows, sizeof(rows) / sizeof(*rows));
}

int extract_times(mosaic_extractor *ext)
{
    return extract_rx_run(ext, RX_TIMES, rows, sizeof(rows) / sizeof(*rows));
}
