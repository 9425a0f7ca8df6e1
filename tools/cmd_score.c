/*
 * cmd_score.c -- `mosaic score CATEGORY=VALUE...`: score a combination
 * of quasi-identifiers given by hand, with the engine call that serves
 * scan and check.
 * SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

enum { OPT_RADIUS = 256, OPT_CASELOAD, OPT_KMIN, OPT_DATA };

static const struct cli_opt score_opts[] = {
    { "location", 'l', "PLACE", "the practice location (default: the UK)" },
    { "radius", OPT_RADIUS, "KM", "catchment radius around it (default 25)" },
    { "caseload", OPT_CASELOAD, "N", "clients on the books (default 30)" },
    { "k-min", OPT_KMIN, "K", "HIGH below this many matches (default 10)" },
    { "data", OPT_DATA, "DIR", "the reference data folder" },
    { "json", 'j', NULL, "print the result as JSON" },
    CLI_HELP_OPT,
    CLI_OPT_END,
};

static const struct cli_spec score_spec = {
    "score", "[options] CATEGORY=VALUE...",
    "Estimate how many people in the practice catchment match a combination\n"
    "of quasi-identifiers, e.g.\n"
    "  mosaic score --location Halifax place=\"Hebden Bridge\" "
    "occupation=farrier gender=female age=50-59\n"
    "Categories: place age gender occupation family health life_event\n"
    "ethnicity nationality religion sexuality language distinctive org date\n"
    "time session name contact.  Values not in the reference data are\n"
    "reported as unknown and left out.  Exit status: 0 LOW, 1 MEDIUM or\n"
    "HIGH, 2 bad input.",
    score_opts,
};

struct score_args {
    mosaic_setting setting;
    const char *data;
    int json, bad;
};

static int positive(const char *arg, const char *name, double *out)
{
    char *end;
    double v;

    errno = 0;
    v = strtod(arg, &end);
    if (end == arg || *end || errno || !(v > 0) || v > 1e9)
        return cli_error("score: --%s wants a positive number, not '%s'",
                         name, arg);
    *out = v;
    return 0;
}

static int score_opt(int key, const char *arg, void *ctx)
{
    struct score_args *a = ctx;
    mosaic_setting *s = &a->setting;

    switch (key) {
    case 'l': s->location = arg; return 0;
    case 'j': a->json = 1; return 0;
    case OPT_DATA: a->data = arg; return 0;
    case OPT_RADIUS: return positive(arg, "radius", &s->radius_km);
    case OPT_CASELOAD: return positive(arg, "caseload", &s->caseload);
    case OPT_KMIN: return positive(arg, "k-min", &s->k_min);
    }
    return 0;
}

/* Split CATEGORY=VALUE operands in place. */
static int parse_quasi(int argc, char **argv, mosaic_quasi *q)
{
    for (int i = 0; i < argc; i++) {
        char *eq = strchr(argv[i], '=');
        if (!eq || eq == argv[i] || !eq[1])
            return cli_error("score: '%s' is not CATEGORY=VALUE", argv[i]);
        *eq = '\0';
        q[i].category = argv[i];
        q[i].value = eq + 1;
    }
    return 0;
}

static void print_text(const mosaic_assessment *r, const mosaic_setting *s)
{
    printf("CONFIDENTIAL: describes a possible client\n");
    if (r->catchment_place)
        printf("catchment: %.0f people within %g km of %s\n", r->catchment,
               s->radius_km, r->catchment_place);
    else
        printf("catchment: the UK, %.0f people (no practice location)\n",
               r->catchment);
    for (size_t i = 0; i < r->n_attributes; i++) {
        const mosaic_attribute *a = &r->attributes[i];
        if (a->known)
            printf("  %-11s %-20s p = %-10.3g %s\n", a->category, a->value,
                   a->p, a->source ? a->source : "");
        else
            printf("  %-11s %-20s unknown: left out\n", a->category,
                   a->value);
        if (a->note)
            printf("  %-11s %-20s (%s)\n", "", "", a->note);
    }
    printf("k_public %.1f (conservative %.1f), P(unique) %.3f, "
           "k_insider %.1f\n", r->k_public, r->k_public_safe, r->p_unique,
           r->k_insider);
    printf("verdict: %s%s%s\n", r->verdict,
           r->direct ? " (a direct identifier)" : "",
           r->self_recognition ? " (the client could recognise it)" : "");
    for (size_t i = 0; i < r->n_suggestions; i++) {
        const mosaic_suggestion *g = &r->suggestions[i];
        const mosaic_attribute *a = &r->attributes[g->attribute];
        if (g->replacement)
            printf("suggest: write \"%s\" instead of \"%s\"\n",
                   g->replacement, a->value);
        else
            printf("suggest: leave out \"%s\" (%s)\n", a->value,
                   a->category);
    }
    if (r->n_suggestions)
        printf("after: k_public %.1f, verdict %s\n", r->k_after,
               r->verdict_after);
    else if (strcmp(r->verdict, "LOW") != 0)
        printf("suggest: no small edit brings this to LOW\n");
}

static int print_json(const mosaic_assessment *r)
{
    json_t *o, *attrs = json_array(), *sugg = json_array();

    for (size_t i = 0; i < r->n_attributes; i++) {
        const mosaic_attribute *a = &r->attributes[i];
        json_array_append_new(
            attrs, json_pack("{s:s, s:s, s:f, s:s?, s:b, s:s?}", "category",
                             a->category, "value", a->value, "p", a->p,
                             "source", a->source, "known", a->known, "note",
                             a->note));
    }
    for (size_t i = 0; i < r->n_suggestions; i++) {
        const mosaic_suggestion *g = &r->suggestions[i];
        json_array_append_new(
            sugg, json_pack("{s:I, s:s, s:s, s:s?}", "attribute",
                            (json_int_t)g->attribute, "action",
                            g->replacement ? "generalise" : "drop", "value",
                            r->attributes[g->attribute].value, "replacement",
                            g->replacement));
    }
    o = json_pack("{s:f, s:s?, s:f, s:f, s:f, s:f, s:f, s:s, s:b, s:b, "
                  "s:o, s:o, s:f, s:s}",
                  "catchment", r->catchment, "catchment_place",
                  r->catchment_place, "p", r->p, "k_public", r->k_public,
                  "k_public_safe", r->k_public_safe, "p_unique", r->p_unique,
                  "k_insider", r->k_insider, "verdict", r->verdict, "direct",
                  r->direct, "self_recognition", r->self_recognition,
                  "attributes", attrs, "suggestions", sugg, "k_after",
                  r->k_after, "verdict_after", r->verdict_after);
    if (!o)
        return EXIT_FAIL;
    json_dumpf(o, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    putchar('\n');
    json_decref(o);
    return 0;
}

int cmd_score(int argc, char **argv)
{
    struct score_args a = { MOSAIC_SETTING_INIT, NULL, 0, 0 };
    mosaic_population *pop = NULL;
    mosaic_assessment r;
    mosaic_quasi *q = NULL;
    int first, status, n;

    if ((status = cli_parse(&score_spec, argc, argv, score_opt, &a,
                            &first)) >= 0)
        return status;
    if ((n = argc - first) == 0) {
        cli_usage(&score_spec, stderr);
        return EXIT_USAGE;
    }
    if (!(q = calloc((size_t)n, sizeof(*q))))
        return EXIT_FAIL;
    if (parse_quasi(n, argv + first, q) != 0) {
        free(q);
        return EXIT_USAGE;
    }
    if (mosaic_population_open(&pop, a.data) < 0) {
        free(q);
        return cli_fail();
    }
    if (mosaic_assess(pop, &a.setting, q, (size_t)n, &r) < 0) {
        status = cli_fail();
    } else if (a.setting.location && !r.catchment_place) {
        status = cli_error("score: --location: '%s' is not a place in the "
                           "gazetteer", a.setting.location);
        mosaic_assessment_free(&r);
    } else {
        status = a.json ? print_json(&r) : (print_text(&r, &a.setting), 0);
        if (status == 0)
            status = strcmp(r.verdict, "LOW") ? EXIT_RISK : EXIT_OK;
        mosaic_assessment_free(&r);
    }
    mosaic_population_close(pop);
    free(q);
    return status;
}
