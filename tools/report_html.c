/*
 * report_html.c -- the report as one self-contained HTML page: summary,
 * findings with the leaking words marked, a timeline of each mosaic's
 * posts and a k gauge.  No script, no network, no external assets.
 * SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <string.h>

#include "report_out.h"

static const char page_style[] =
    "body{font:15px/1.45 system-ui,sans-serif;max-width:60em;margin:2em "
    "auto;padding:0 1em;color:#222}"
    ".confidential{background:#fee;border:1px solid #c33;padding:.5em 1em}"
    ".finding{border:1px solid #ccc;border-radius:6px;margin:1.5em 0;"
    "padding:0 1em 1em}"
    ".HIGH h2 .v{background:#c22}.MEDIUM h2 .v{background:#d80}"
    ".LOW h2 .v{background:#393}"
    "h2 .v{color:#fff;padding:0 .4em;border-radius:4px;margin-right:.4em}"
    "mark{background:#fd3;font-weight:600}"
    ".post{margin:.5em 0;padding:.4em .8em;background:#f6f6f6;"
    "white-space:pre-wrap}"
    ".meta{color:#666;font-size:.85em}table{border-collapse:collapse}"
    "td,th{padding:.2em .6em;border-bottom:1px solid #ddd;text-align:left}";

static void esc(FILE *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n && s[i]; i++) {
        switch (s[i]) {
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '&': fputs("&amp;", out); break;
        case '"': fputs("&quot;", out); break;
        default: fputc(s[i], out);
        }
    }
}

static void esc_str(FILE *out, const char *s)
{
    if (s)
        esc(out, s, strlen(s));
}

/* The post's text with every span of this finding in <mark>. */
static void write_marked(FILE *out, const mosaic_finding *f, size_t post)
{
    const char *t = f->posts[post].text ? f->posts[post].text : "";
    size_t len = strlen(t), at = 0;

    while (at < len) {
        size_t next = len;
        const mosaic_finding_attr *hit = NULL;
        for (size_t a = 0; a < f->nattrs; a++) {
            const mosaic_finding_attr *x = &f->attrs[a];
            if (x->post != post || x->byte_end <= at || x->byte_end > len)
                continue;
            if (x->byte_start <= at) {
                hit = x;
                break;
            }
            if (x->byte_start < next)
                next = x->byte_start;
        }
        if (hit) {
            fprintf(out, "<mark title=\"%s\">", hit->category);
            esc(out, t + at, hit->byte_end - at);
            fputs("</mark>", out);
            at = hit->byte_end;
        } else {
            esc(out, t + at, next - at);
            at = next;
        }
    }
}

/* A log-scale bar from k = 1 to a million, the k_min mark at 10. */
static void write_gauge(FILE *out, double k)
{
    double x = isfinite(k) && k > 1 ? fmin(log10(k) / 6.0, 1.0) : 0;

    fprintf(out,
            "<svg class=\"gauge\" width=\"320\" height=\"34\" role=\"img\" "
            "aria-label=\"k gauge\"><rect x=\"0\" y=\"4\" width=\"300\" "
            "height=\"14\" fill=\"#eee\"/><rect x=\"0\" y=\"4\" "
            "width=\"%.0f\" height=\"14\" fill=\"%s\"/><line x1=\"50\" "
            "x2=\"50\" y1=\"0\" y2=\"22\" stroke=\"#000\"/><text x=\"0\" "
            "y=\"32\" font-size=\"10\">1</text><text x=\"44\" y=\"32\" "
            "font-size=\"10\">10</text><text x=\"270\" y=\"32\" "
            "font-size=\"10\">10⁶</text></svg>",
            300 * x, x < 1.0 / 6 ? "#c22" : x < 0.5 ? "#d80" : "#393");
}

/* Days since 1970 of an ISO 8601 date (H. Hinnant's days_from_civil);
 * -1 when it does not start with YYYY-MM-DD. */
static int post_day(const char *iso, long *out)
{
    int y, m, d;

    if (iso == NULL || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
        return -1;
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    *out = era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
    return 0;
}

/* The posts as dots along their time span. */
static void write_timeline(FILE *out, const mosaic_finding *f)
{
    long lo = 0, hi = 0, t;
    int have = 0;

    for (size_t i = 0; i < f->nposts; i++) {
        if (post_day(f->posts[i].created_at, &t) < 0)
            continue;
        lo = have && lo < t ? lo : t;
        hi = have && hi > t ? hi : t;
        have = 1;
    }
    if (!have)
        return;
    fputs("<svg class=\"timeline\" width=\"620\" height=\"40\" role=\"img\" "
          "aria-label=\"timeline\"><line x1=\"10\" x2=\"610\" y1=\"15\" "
          "y2=\"15\" stroke=\"#999\"/>",
          out);
    for (size_t i = 0; i < f->nposts; i++) {
        double x = 10;
        if (post_day(f->posts[i].created_at, &t) < 0)
            continue;
        if (hi > lo)
            x += 600.0 * (double)(t - lo) / (double)(hi - lo);
        fprintf(out, "<circle cx=\"%.0f\" cy=\"15\" r=\"6\" fill=\"#c22\">"
                     "<title>%.10s</title></circle>",
                x, f->posts[i].created_at);
    }
    fprintf(out, "<text x=\"10\" y=\"36\" font-size=\"11\">%.10s</text>"
                 "<text x=\"540\" y=\"36\" font-size=\"11\">%.10s</text>"
                 "</svg>",
            f->posts[0].created_at ? f->posts[0].created_at : "",
            f->posts[f->nposts - 1].created_at
                ? f->posts[f->nposts - 1].created_at
                : "");
}

static void write_edits(FILE *out, const mosaic_finding *f)
{
    if (f->nedits == 0) {
        fputs("<p>No small edit makes these posts safe: delete or rewrite "
              "them.</p>",
              out);
        return;
    }
    fputs("<h3>What to change</h3><ul>", out);
    for (size_t i = 0; i < f->nedits; i++) {
        const mosaic_edit *e = &f->edits[i];
        const mosaic_finding_post *p = report_attr_post(f, e->attr);
        if (report_edit_repeats(f, i))
            continue;
        fprintf(out, "<li>In the post of %.10s (", p && p->created_at
                                                      ? p->created_at
                                                      : "?");
        esc_str(out, p ? p->platform : "");
        fputs("): ", out);
        if (e->replace) {
            fputs("write “", out);
            esc_str(out, e->replace);
            fputs("” instead of “", out);
        } else {
            fputs("remove “", out);
        }
        esc_str(out, f->attrs[e->attr].text);
        fputs("”</li>", out);
    }
    fputs("</ul>", out);
}

static void write_finding(FILE *out, size_t n, const mosaic_finding *f)
{
    char words[96];

    report_k_words(words, sizeof(words), f->k_public, 0);
    fprintf(out, "<section class=\"finding %s\"><h2><span class=\"v\">%s"
                 "</span>Finding %zu: %s</h2>",
            mosaic_verdict_name(f->verdict), mosaic_verdict_name(f->verdict),
            n, f->direct ? "a name or contact detail identifies someone" : words);
    if (f->summary) {
        fputs("<p>", out);
        esc_str(out, f->summary);
        fputs("</p>", out);
    }
    write_gauge(out, f->k_public);
    fprintf(out, "<p class=\"meta\">k_public %.1f in a catchment of %.0f; "
                 "P(unique) %.2f; k among your clients %.1f</p>",
            f->k_public, f->catchment, f->p_unique, f->k_insider);
    write_timeline(out, f);
    for (size_t i = 0; i < f->nposts; i++) {
        fprintf(out, "<div class=\"post\"><div class=\"meta\">%.10s · ",
                f->posts[i].created_at ? f->posts[i].created_at : "");
        esc_str(out, f->posts[i].platform);
        fputs(" · ", out);
        esc_str(out, f->posts[i].native_id);
        fputs("</div>", out);
        write_marked(out, f, i);
        fputs("</div>", out);
    }
    fputs("<table><tr><th>category</th><th>words</th><th>1 in</th></tr>",
          out);
    for (size_t i = 0; i < f->nattrs; i++) {
        fprintf(out, "<tr><td>%s</td><td>", f->attrs[i].category);
        esc_str(out, f->attrs[i].text);
        if (report_is_time(f->attrs[i].category))
            fputs("</td><td>a time</td></tr>", out);
        else if (f->attrs[i].share > 0)
            fprintf(out, "</td><td>%.0f</td></tr>", 1 / f->attrs[i].share);
        else
            fprintf(out, "</td><td>%s</td></tr>",
                    f->attrs[i].direct ? "direct" : "unknown");
    }
    fputs("</table>", out);
    write_edits(out, f);
    fputs("</section>\n", out);
}

static void write_catchment(FILE *out, const mosaic_report *r)
{
    const char *place;
    double radius, people;

    mosaic_report_catchment(r, &place, &radius, &people);
    fputs("<p id=\"catchment\">", out);
    if (place) {
        fprintf(out, "Your practice area: within %.0f km of ", radius);
        esc_str(out, place);
        fprintf(out, ", about %.0f people.</p>\n", people);
    } else {
        fprintf(out, "Your practice area is not known: scored against the "
                     "whole UK (about %.0f people).</p>\n",
                people);
    }
}

int report_write_html(FILE *out, const mosaic_report *r)
{
    size_t n = mosaic_report_count(r);
    long posts, client_posts;

    mosaic_report_totals(r, &posts, &client_posts);
    fprintf(out, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta "
                 "charset=\"utf-8\"><meta name=\"referrer\" "
                 "content=\"no-referrer\"><title>mosaic report</title>"
                 "<style>%s</style></head><body>\n"
                 "<p class=\"confidential\">%s</p><h1>mosaic report</h1>"
                 "<p id=\"summary\">Scanned %ld posts; %ld mention a client; "
                 "%zu finding%s.</p>\n",
            page_style, REPORT_CONFIDENTIAL, posts, client_posts, n,
            n == 1 ? "" : "s");
    write_catchment(out, r);
    for (size_t i = 0; i < n; i++)
        write_finding(out, i + 1, mosaic_report_finding(r, i));
    fputs("</body></html>\n", out);
    return ferror(out) ? -1 : 0;
}
