/*
 * report_text.c -- the report in plain English for a therapist: most
 * serious first; per finding the posts with the words that leak
 * highlighted, what they reveal together, how many people match, and
 * what to change.
 * SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <string.h>

#include "report_out.h"

#define SNIPPET_CONTEXT 60 /* bytes shown either side of a leaking span */

static const char *const tone[] = { "\033[32m", "\033[33m", "\033[1;31m" };

int report_is_time(const char *category)
{
    return strcmp(category, "DATE") == 0 || strcmp(category, "TIME") == 0 ||
           strcmp(category, "SESSION") == 0;
}

void report_write_catchment(FILE *out, const mosaic_report *r)
{
    const char *place;
    double radius, people;

    mosaic_report_catchment(r, &place, &radius, &people);
    if (place)
        fprintf(out, "Your practice area: within %.0f km of %s, about %.0f "
                     "people.\n",
                radius, place, people);
    else
        fprintf(out, "Your practice area is not known: scored against the "
                     "whole UK (about %.0f people); set it with `mosaic "
                     "scan --location PLACE`.\n",
                people);
}

void report_k_words(char *out, size_t size, double k, int would)
{
    const char *verb = would ? "would match" : "match";

    if (!isfinite(k) || k >= 1e6)
        snprintf(out, size, "more than a million people in your area %s",
                 verb);
    else if (k < 1.5)
        snprintf(out, size, "nobody in your area but the client %s",
                 would ? "would match" : "matches");
    else
        snprintf(out, size, "about %.0f people in your area %s",
                 k < 100 ? k : round(k / 10) * 10, verb);
}

/* Is byte i of the post inside a span of this finding's attributes? */
static const mosaic_finding_attr *span_at(const mosaic_finding *f,
                                          size_t post, size_t i)
{
    for (size_t a = 0; a < f->nattrs; a++)
        if (f->attrs[a].post == post && i >= f->attrs[a].byte_start &&
            i < f->attrs[a].byte_end)
            return &f->attrs[a];
    return NULL;
}

/* Near a span: shown; long stretches far from every span are elided. */
static int near_span(const mosaic_finding *f, size_t post, size_t i)
{
    for (size_t a = 0; a < f->nattrs; a++) {
        const mosaic_finding_attr *at = &f->attrs[a];
        if (at->post == post && i + SNIPPET_CONTEXT >= at->byte_start &&
            i < at->byte_end + SNIPPET_CONTEXT)
            return 1;
    }
    return 0;
}

/* The post on one line: spans in [brackets] (or bold), newlines as
 * spaces, far-away text elided at character boundaries. */
static void write_post_text(FILE *out, const mosaic_finding *f, size_t post,
                            const report_style *st)
{
    const char *t = f->posts[post].text ? f->posts[post].text : "";
    size_t len = strlen(t);
    int inside = 0, elided = 0;

    for (size_t i = 0; i < len; i++) {
        int in = span_at(f, post, i) != NULL;
        int cont = ((unsigned char)t[i] & 0xC0) == 0x80;
        if (len > 2 * SNIPPET_CONTEXT + 80 && !near_span(f, post, i) && !in) {
            if (!elided && !cont)
                fputs(" … ", out);
            elided = elided || !cont;
            if (inside)
                fputs(st->color ? "\033[0m" : "]", out), inside = 0;
            continue;
        }
        if (cont && elided)
            continue;
        elided = 0;
        if (in != inside && !cont) {
            fputs(in ? (st->color ? "\033[1;4m" : "[")
                     : (st->color ? "\033[0m" : "]"),
                  out);
            inside = in;
        }
        fputc(t[i] == '\n' || t[i] == '\r' || t[i] == '\t' ? ' ' : t[i],
              out);
    }
    if (inside)
        fputs(st->color ? "\033[0m" : "]", out);
}

static void write_posts(FILE *out, const mosaic_finding *f,
                        const report_style *st)
{
    fprintf(out, "   Posts it draws on:\n");
    for (size_t i = 0; i < f->nposts; i++) {
        const mosaic_finding_post *p = &f->posts[i];
        fprintf(out, "     %.10s  %s %s\n       \"",
                p->created_at ? p->created_at : "(undated) ",
                p->platform ? p->platform : "", p->native_id ? p->native_id
                                                             : "");
        write_post_text(out, f, i, st);
        fputs("\"\n", out);
    }
}

static void write_reveals(FILE *out, const mosaic_finding *f,
                          const report_style *st)
{
    fprintf(out, "   Together they reveal:\n");
    for (size_t i = 0; i < f->nattrs; i++) {
        const mosaic_finding_attr *a = &f->attrs[i];
        fprintf(out, "     - %-11s \"%s\"", a->category, a->text);
        if (a->direct)
            fprintf(out, " (identifies someone on its own)");
        else if (report_is_time(a->category))
            fprintf(out, " (a time: dates an event, or lets the client "
                         "recognise the session)");
        else if (a->share > 0)
            fprintf(out, " (about 1 in %.0f people)", 1.0 / a->share);
        else
            fprintf(out, " (not in the reference data: left out of k)");
        if (st->verbose && a->source)
            fprintf(out, " [%s]", a->source);
        fputc('\n', out);
    }
}

static void write_edits(FILE *out, const mosaic_finding *f)
{
    char words[96];

    if (f->nedits == 0) {
        fprintf(out, "   What to change: delete or rewrite these posts; no "
                     "small edit makes them safe.\n");
        return;
    }
    fprintf(out, "   What to change:\n");
    for (size_t i = 0; i < f->nedits; i++) {
        const mosaic_edit *e = &f->edits[i];
        const mosaic_finding_post *p = report_attr_post(f, e->attr);
        if (report_edit_repeats(f, i))
            continue;
        fprintf(out, "     - in the post of %.10s (%s): ",
                p && p->created_at ? p->created_at : "(undated)",
                p ? p->platform : "");
        if (e->replace)
            fprintf(out, "write \"%s\" instead of \"%s\"\n", e->replace,
                    f->attrs[e->attr].text);
        else
            fprintf(out, "remove \"%s\"\n", f->attrs[e->attr].text);
    }
    report_k_words(words, sizeof(words), f->k_after, 1);
    fprintf(out, "     After these edits: %s.\n", words);
}

static void write_finding(FILE *out, size_t n, const mosaic_finding *f,
                          const report_style *st)
{
    char words[96];

    report_k_words(words, sizeof(words), f->k_public, 0);
    fprintf(out, "\n%zu. %s%s%s", n, st->color ? tone[f->verdict] : "",
            mosaic_verdict_name(f->verdict), st->color ? "\033[0m" : "");
    if (f->direct)
        fprintf(out, " - a name or contact detail identifies someone\n");
    else
        fprintf(out, " - %s (k = %.1f of %.0f; chance "
                     "the client is the only one: %.0f%%)\n",
                words, f->k_public, f->catchment, 100 * f->p_unique);
    if (f->summary)
        fprintf(out, "   In short: %s\n", f->summary);
    if (f->k_insider < 2)
        fprintf(out, "   Someone who knows the client sees you (a partner, "
                     "a colleague) could tell it is them "
                     "(k among your clients = %.1f).\n",
                f->k_insider);
    if (f->self_recognition)
        fprintf(out, "   The session timing lets the client recognise "
                     "themselves.\n");
    write_posts(out, f, st);
    write_reveals(out, f, st);
    write_edits(out, f);
}

int report_write_text(FILE *out, const mosaic_report *r,
                      const report_style *st)
{
    size_t n = mosaic_report_count(r), by[3] = { 0 };
    long posts, client_posts;

    mosaic_report_totals(r, &posts, &client_posts);
    for (size_t i = 0; i < n; i++)
        by[mosaic_report_finding(r, i)->verdict]++;
    fprintf(out, "%s\n\n", REPORT_CONFIDENTIAL);
    fprintf(out, "Scanned %ld posts; %ld mention a client.\n", posts,
            client_posts);
    report_write_catchment(out, r);
    if (n == 0) {
        fprintf(out, "No combination of posts was found that could "
                     "identify a client.\n");
        return 0;
    }
    fprintf(out, "%zu finding%s: %zu HIGH, %zu MEDIUM, %zu LOW.\n", n,
            n == 1 ? "" : "s", by[2], by[1], by[0]);
    for (size_t i = 0; i < n; i++)
        write_finding(out, i + 1, mosaic_report_finding(r, i), st);
    return ferror(out) ? -1 : 0;
}
