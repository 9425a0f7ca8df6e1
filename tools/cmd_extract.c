/*
 * cmd_extract.c -- `mosaic extract`: the quasi-identifiers in text, as
 * readable lines, or as JSON Lines for evaluation and batch pipelines
 * ({"id","text","created_at"?} in, {"id","client_cue","spans"} out).
 * SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

#define EXTRACT_TEXT_MAX (64u * 1024 * 1024) /* one post or one line */

enum { OPT_SKIP_BAD = 256, OPT_DATA, OPT_DATE };

static const struct cli_opt extract_opts[] = {
    { "file", 'f', "FILE", "read FILE instead of standard input" },
    { "jsonl", 'j', NULL, "input and output are JSON Lines: one "
                          "{\"id\",\"text\",\"created_at\"} a line" },
    { "skip-bad", OPT_SKIP_BAD, NULL, "with --jsonl: pass over lines that "
                                      "do not parse, and count them" },
    { "date", OPT_DATE, "WHEN", "the text's date (ISO 8601), to resolve "
                                "\"yesterday\" and \"last Tuesday\"" },
    { "data", OPT_DATA, "DIR", "the reference data folder (default: found "
                               "beside the program, or $MOSAIC_DATA)" },
    CLI_HELP_OPT,
    CLI_OPT_END,
};

static const struct cli_spec extract_spec = {
    "extract", "[options] [--file FILE]",
    "Print the quasi-identifiers found in text (standard input or FILE):\n"
    "places, dates, ages, occupations, names and the rest, each with the\n"
    "person it describes (the client, you, or someone else).\n"
    "With --jsonl, each input line {\"id\",\"text\",\"created_at\"} gives\n"
    "one output line {\"id\",\"client_cue\",\"spans\":[{\"start\",\"end\",\n"
    "\"category\",\"text\",\"value\",\"about\"}]}, offsets in Unicode code\n"
    "points (end exclusive).  A line that does not parse stops mosaic\n"
    "with FILE:LINE (exit 2) unless --skip-bad.",
    extract_opts,
};

struct extract_args {
    const char *file, *data, *date;
    int jsonl, skip_bad;
};

static int extract_opt(int key, const char *arg, void *ctx)
{
    struct extract_args *a = ctx;

    switch (key) {
    case 'f': a->file = arg; break;
    case 'j': a->jsonl = 1; break;
    case OPT_SKIP_BAD: a->skip_bad = 1; break;
    case OPT_DATA: a->data = arg; break;
    case OPT_DATE: a->date = arg; break;
    }
    return 0;
}

static void put_json_string(FILE *out, const char *s)
{
    putc('"', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", out);
        else if (c == '\t')
            fputs("\\t", out);
        else if (c < 0x20)
            fprintf(out, "\\u%04x", c);
        else
            putc(c, out);
    }
    putc('"', out);
}

static void print_jsonl(FILE *out, const char *id_json,
                        const mosaic_extraction *x)
{
    fprintf(out, "{\"id\":%s,\"client_cue\":%s,\"spans\":[", id_json,
            x->client_cue ? "true" : "false");
    for (size_t i = 0; i < x->n; i++) {
        const mosaic_span *s = &x->spans[i];
        fprintf(out, "%s{\"start\":%zu,\"end\":%zu,\"category\":",
                i ? "," : "", s->start, s->end);
        put_json_string(out, s->category);
        fputs(",\"text\":", out);
        put_json_string(out, s->text);
        fputs(",\"value\":", out);
        if (s->value)
            put_json_string(out, s->value);
        else
            fputs("null", out);
        fprintf(out, ",\"about\":\"%s\"}", mosaic_about_name(s->about));
    }
    fputs("]}\n", out);
}

static void print_readable(FILE *out, const mosaic_extraction *x)
{
    printf("client cue: %s%s%s\n", x->client_cue ? "yes" : "no",
           x->back_reference ? "; refers back to an earlier post" : "",
           x->session_timing ? "; says when a session was" : "");
    for (size_t i = 0; i < x->n; i++) {
        const mosaic_span *s = &x->spans[i];
        fprintf(out, "%5zu-%-5zu %-11s %-7s \"%s\"", s->start, s->end,
                s->category, mosaic_about_name(s->about), s->text);
        if (s->value)
            fprintf(out, " = %s", s->value);
        putc('\n', out);
    }
    if (x->invalid_utf8)
        fprintf(stderr, "mosaic: %zu invalid UTF-8 sequences replaced\n",
                x->invalid_utf8);
}

static FILE *open_input(const char *file)
{
    FILE *in = file && strcmp(file, "-") ? fopen(file, "rb") : stdin;

    if (in == NULL)
        cli_error("%s: %s", file, strerror(errno));
    return in;
}

static int extract_plain(mosaic_extractor *ext, FILE *in, const char *name,
                         const char *date)
{
    char *buf = NULL;
    size_t len = 0, cap = 0, n;
    const mosaic_extraction *x;
    int status = EXIT_OK;

    do {
        if (len == cap) {
            char *p;
            cap = cap ? cap * 2 : 65536;
            if (cap > EXTRACT_TEXT_MAX + 1 || (p = realloc(buf, cap)) == NULL) {
                free(buf);
                return cli_error("%s: text too large (over %u bytes)", name,
                                 EXTRACT_TEXT_MAX);
            }
            buf = p;
        }
        n = fread(buf + len, 1, cap - len, in);
        len += n;
    } while (n > 0);
    if (ferror(in))
        status = cli_error("%s: read error", name);
    else if (mosaic_extract(&x, ext, buf, len, date) < 0)
        status = cli_fail_on(name);
    else
        print_readable(stdout, x);
    free(buf);
    return status;
}

/* One JSONL line: 0 done, 1 a bad line (message in why). */
static int extract_line(mosaic_extractor *ext, const char *line, size_t len,
                        char *why, size_t whylen)
{
    json_error_t jerr;
    json_t *doc = json_loadb(line, len, JSON_DECODE_ANY, &jerr);
    json_t *id, *text, *date;
    const mosaic_extraction *x;
    char *id_json = NULL;
    int rc = 1;

    if (doc == NULL || !json_is_object(doc)) {
        snprintf(why, whylen, doc ? "not a JSON object" : "not JSON: %s",
                 jerr.text);
        goto done;
    }
    id = json_object_get(doc, "id");
    text = json_object_get(doc, "text");
    date = json_object_get(doc, "created_at");
    if (id == NULL || !(json_is_string(id) || json_is_integer(id))) {
        snprintf(why, whylen, "no \"id\" (a string or integer)");
        goto done;
    }
    if (!json_is_string(text)) {
        snprintf(why, whylen, "no \"text\" string");
        goto done;
    }
    if (date && !json_is_null(date) && !json_is_string(date)) {
        snprintf(why, whylen, "\"created_at\" is not a string");
        goto done;
    }
    if (mosaic_extract(&x, ext, json_string_value(text),
                       json_string_length(text),
                       json_is_string(date) ? json_string_value(date)
                                            : NULL) < 0) {
        snprintf(why, whylen, "%s", mosaic_error_last()->message);
        rc = mosaic_error_last()->code == MOSAIC_EFORMAT ? 1 : -1;
        goto done;
    }
    if ((id_json = json_dumps(id, JSON_ENCODE_ANY)) == NULL) {
        snprintf(why, whylen, "out of memory");
        rc = -1;
        goto done;
    }
    print_jsonl(stdout, id_json, x);
    rc = 0;
done:
    free(id_json);
    json_decref(doc);
    return rc;
}

static int extract_jsonl(mosaic_extractor *ext, FILE *in, const char *name,
                         int skip_bad)
{
    char *line = NULL, why[256];
    size_t cap = 0, lineno = 0, bad = 0;
    ssize_t n;
    int status = EXIT_OK, rc;

    while ((n = getline(&line, &cap, in)) >= 0) {
        lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            n--;
        if (n == 0)
            continue;
        if ((size_t)n > EXTRACT_TEXT_MAX) {
            snprintf(why, sizeof(why), "line longer than %u bytes",
                     EXTRACT_TEXT_MAX);
            rc = 1;
        } else {
            rc = extract_line(ext, line, (size_t)n, why, sizeof(why));
        }
        if (rc < 0) {
            status = cli_error("%s:%zu: %s", name, lineno, why);
            status = EXIT_FAIL;
            break;
        }
        if (rc > 0 && !skip_bad) {
            status = cli_error("%s:%zu: %s", name, lineno, why);
            break;
        }
        bad += rc > 0;
    }
    if (status == EXIT_OK && ferror(in))
        status = cli_error("%s: read error", name);
    if (bad)
        fprintf(stderr, "mosaic: %s: %zu bad lines skipped\n", name, bad);
    free(line);
    return status;
}

int cmd_extract(int argc, char **argv)
{
    struct extract_args a = { NULL, NULL, NULL, 0, 0 };
    mosaic_extractor *ext = NULL;
    const char *name;
    FILE *in;
    int first, status;

    if ((status = cli_parse(&extract_spec, argc, argv, extract_opt, &a,
                            &first)) >= 0)
        return status;
    if (first < argc) {
        if (a.file || first + 1 < argc) {
            cli_usage(&extract_spec, stderr);
            return EXIT_USAGE;
        }
        a.file = argv[first];
    }
    name = a.file && strcmp(a.file, "-") ? a.file : "<stdin>";
    if ((in = open_input(a.file)) == NULL)
        return EXIT_USAGE;
    if (mosaic_extractor_open(&ext, a.data) < 0)
        status = cli_fail();
    else if (a.jsonl)
        status = extract_jsonl(ext, in, name, a.skip_bad);
    else
        status = extract_plain(ext, in, name, a.date);
    mosaic_extractor_close(ext);
    if (in != stdin)
        fclose(in);
    if (fflush(stdout) != 0 && status == EXIT_OK)
        status = cli_error("writing the output failed");
    return status;
}
