/*
 * cmd_check.c -- `mosaic check`: the pre-post check.  A draft on
 * standard input (or --file) is judged together with everything already
 * posted; the verdict goes to stdout, the exit status to the script.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analysis_cli.h"
#include "commands.h"
#include "draft.h"
#include "report_out.h"

enum { OPT_FILE = 400, OPT_JSON, OPT_RECORD, OPT_AT };

static const struct cli_opt check_opts[] = {
    CLI_DB_OPT,
    { "file", OPT_FILE, "DRAFT", "read the draft from DRAFT ('-': stdin)" },
    { "json", OPT_JSON, NULL, "print the verdict and findings as JSON" },
    { "quiet", 'q', NULL, "print nothing; the exit status says it all" },
    { "record", OPT_RECORD, NULL,
      "when the draft passes (exit 0), add it to the history as posted" },
    { "at", OPT_AT, "DATE", "when the draft will be posted (default now)" },
    ANALYSIS_CLI_OPTS,
    CLI_HELP_OPT,
    CLI_OPT_END,
};

static const struct cli_spec check_spec = {
    "check", "[options] [--file DRAFT]",
    "Judge a draft together with everything already posted: does it\n"
    "complete a combination that could identify a client?\n"
    "Verdicts: OK, CAUTION (an insider or the client could recognise\n"
    "it), STOP (few people match, or a name or contact detail).\n"
    "Exit status: 0 OK (or an empty draft, which is said), 1 a verdict\n"
    "at or above --fail-on (default: CAUTION), 2 error.\n"
    "  draft | mosaic check && post-it",
    check_opts,
};

struct check_args {
    const char *db, *file, *at;
    int json, quiet, record;
    struct analysis_args analysis;
};

static int check_opt(int key, const char *arg, void *ctx)
{
    struct check_args *a = ctx;
    int rc = analysis_opt(&a->analysis, key, arg);

    if (rc != 1)
        return rc;
    switch (key) {
    case 'd': a->db = arg; break;
    case 'q': a->quiet = 1; break;
    case OPT_FILE: a->file = arg; break;
    case OPT_JSON: a->json = 1; break;
    case OPT_RECORD: a->record = 1; break;
    case OPT_AT: a->at = arg; break;
    }
    return 0;
}

static const char *verdict_word(mosaic_verdict v)
{
    static const char *const words[] = { "OK", "CAUTION", "STOP" };

    return words[v];
}

/* "2024-03-05 (x: "A client from…")" */
static void write_earlier(FILE *out, const mosaic_finding_post *p)
{
    const char *t = p->text ? p->text : "";
    size_t n = 0, shown = 0;

    fprintf(out, "%.10s (%s: \"", p->created_at ? p->created_at : "undated",
            p->platform);
    while (t[n] && shown < 40) {
        if (((unsigned char)t[n] & 0xC0) != 0x80)
            shown++;
        fputc(t[n] == '\n' ? ' ' : t[n], out);
        n++;
    }
    while (t[n] && ((unsigned char)t[n] & 0xC0) == 0x80)
        fputc(t[n++], out);
    fprintf(out, "%s\")", t[n] ? "…" : "");
}

static void write_rewrite(FILE *out, const mosaic_finding *f)
{
    int any = 0;

    for (size_t i = 0; i < f->nedits; i++) {
        const mosaic_edit *e = &f->edits[i];
        const mosaic_finding_post *p = report_attr_post(f, e->attr);
        if (p == NULL || strcmp(p->platform, "draft") != 0 ||
            report_edit_repeats(f, i))
            continue;
        fprintf(out, "%s", any ? "; " : " Suggested rewrite of the draft: ");
        if (e->replace)
            fprintf(out, "write \"%s\" instead of \"%s\"", e->replace,
                    f->attrs[e->attr].text);
        else
            fprintf(out, "remove \"%s\"", f->attrs[e->attr].text);
        any = 1;
    }
    if (any)
        fputc('.', out);
    else if (f->nedits == 0)
        fprintf(out, " No small edit of the draft makes it safe.");
    else
        fprintf(out, " Editing the earlier posts listed is what helps.");
}

static void write_reason(FILE *out, const mosaic_finding *f)
{
    char words[96];
    size_t earlier = 0;

    for (size_t i = 0; i < f->nposts; i++)
        earlier += strcmp(f->posts[i].platform, "draft") != 0;
    fprintf(out, "\n- %s: ", verdict_word(f->verdict));
    if (earlier) {
        fprintf(out, "together with your post%s of ", earlier > 1 ? "s" : "");
        for (size_t i = 0, k = 0; i < f->nposts; i++)
            if (strcmp(f->posts[i].platform, "draft") != 0) {
                fprintf(out, "%s", k++ ? (k == earlier ? " and " : ", ")
                                       : "");
                write_earlier(out, &f->posts[i]);
            }
        fprintf(out, ", the draft reveals: %s.", f->summary);
    } else {
        fprintf(out, "the draft on its own reveals: %s.", f->summary);
    }
    report_k_words(words, sizeof(words), f->k_public, 0);
    if (f->direct)
        fprintf(out, " It names or gives a contact detail of someone.");
    else
        fprintf(out, " Estimated: %s (k = %.1f).",
                words, f->k_public);
    if (f->self_recognition)
        fprintf(out, " The session timing lets the client recognise "
                     "themselves.");
    write_rewrite(out, f);
    fputc('\n', out);
}

static void write_text(const mosaic_report *r, mosaic_verdict v,
                       long history)
{
    size_t n = mosaic_report_count(r);

    printf("%s", verdict_word(v));
    if (v == MOSAIC_LOW)
        printf(": nothing in this draft combines into something that could "
               "identify a client.\n");
    else
        printf(": this draft could help identify a client.\n");
    if (history == 0)
        printf("Your history is empty: the draft was checked on its "
               "own.\n");
    for (size_t i = 0; i < n; i++)
        write_reason(stdout, mosaic_report_finding(r, i));
}

static int write_json(const mosaic_report *r, mosaic_verdict v, long history)
{
    json_t *doc = json_pack("{s:s, s:I, s:o}", "verdict", verdict_word(v),
                            "history_posts", (json_int_t)history, "findings",
                            report_findings_json(r));
    int rc = doc ? json_dumpf(doc, stdout, JSON_INDENT(2)) : -1;

    putchar('\n');
    json_decref(doc);
    return rc;
}

static int blank(const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!strchr(" \t\r\n", text[i]) || text[i] == '\0')
            return 0;
    return 1;
}

static int judge(const struct check_args *a, mosaic_store *store,
                 const char *text, size_t len)
{
    mosaic_analyser *an = NULL;
    mosaic_report *r = NULL;
    mosaic_verdict v;
    long history;
    int status;

    if (mosaic_analyser_open(&an, store, &a->analysis.opts) < 0 ||
        mosaic_check_draft(&r, &v, an, text, len, a->at) < 0) {
        status = cli_fail_on(a->file && strcmp(a->file, "-") ? a->file
                                                             : "<stdin>");
        goto done;
    }
    mosaic_report_totals(r, &history, NULL);
    status = v >= a->analysis.fail_on ? EXIT_RISK : EXIT_OK;
    if (a->quiet)
        ;
    else if (a->json)
        write_json(r, v, history);
    else
        write_text(r, v, history);
    if (status == EXIT_OK && a->record &&
        mosaic_record(NULL, store, text, len, a->at) < 0)
        status = cli_fail();
done:
    mosaic_report_free(r);
    mosaic_analyser_close(an);
    return status;
}

int cmd_check(int argc, char **argv)
{
    struct check_args a = { NULL, NULL, NULL, 0, 0, 0, ANALYSIS_ARGS_INIT };
    mosaic_store *store = NULL;
    char *text = NULL;
    size_t len;
    int first, status;

    if ((status = cli_parse(&check_spec, argc, argv, check_opt, &a,
                            &first)) >= 0)
        return status;
    if (first != argc)
        return cli_error("check: unexpected argument '%s' (the draft comes "
                         "on stdin or with --file)",
                         argv[first]);
    if ((status = draft_read(&text, &len, a.file)) != 0)
        return status;
    if (blank(text, len)) {
        if (!a.quiet)
            printf("The draft is empty: nothing to check.\n");
        free(text);
        return EXIT_OK;
    }
    if (cli_store_open(&store, a.db) < 0)
        status = cli_fail();
    else
        status = judge(&a, store, text, len);
    mosaic_store_close(store);
    free(text);
    return status;
}
