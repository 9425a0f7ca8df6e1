/*
 * report_json.c -- the report as JSON (schema in README.md, "Report
 * JSON").  Offsets are Unicode code points, end exclusive.
 * SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <string.h>

#include "report_out.h"

const mosaic_finding_post *report_attr_post(const mosaic_finding *f,
                                            size_t i)
{
    size_t p = f->attrs[i].post;

    return p < f->nposts ? &f->posts[p] : NULL;
}

int report_edit_repeats(const mosaic_finding *f, size_t i)
{
    const mosaic_edit *e = &f->edits[i];

    for (size_t j = 0; j < i; j++) {
        const mosaic_edit *d = &f->edits[j];
        if (report_attr_post(f, d->attr) == report_attr_post(f, e->attr) &&
            strcmp(f->attrs[d->attr].text, f->attrs[e->attr].text) == 0 &&
            (d->replace == NULL) == (e->replace == NULL) &&
            (d->replace == NULL || strcmp(d->replace, e->replace) == 0))
            return 1;
    }
    return 0;
}

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

/* JSON has no infinity: large finite k stay numbers, the rest null. */
static json_t *number(double v)
{
    return isfinite(v) ? json_real(v) : json_null();
}

static json_t *post_json(const mosaic_finding_post *p)
{
    return json_pack("{s:o, s:o, s:o, s:o}", "id", str_or_null(p->native_id),
                     "platform", str_or_null(p->platform), "created_at",
                     str_or_null(p->created_at), "text",
                     str_or_null(p->text));
}

static json_t *attr_json(const mosaic_finding *f, size_t i)
{
    const mosaic_finding_attr *a = &f->attrs[i];
    const mosaic_finding_post *p = report_attr_post(f, i);

    return json_pack("{s:s, s:o, s:o, s:o, s:o, s:I, s:I, s:o, s:o, s:b}",
                     "category", a->category, "text", str_or_null(a->text),
                     "value", str_or_null(a->value), "post",
                     str_or_null(p ? p->native_id : NULL), "platform",
                     str_or_null(p ? p->platform : NULL), "start",
                     (json_int_t)a->start, "end", (json_int_t)a->end,
                     "share", a->share > 0 ? number(a->share) : json_null(),
                     "source", str_or_null(a->source), "direct", a->direct);
}

static json_t *edit_json(const mosaic_finding *f, const mosaic_edit *e)
{
    const mosaic_finding_attr *a = &f->attrs[e->attr];
    const mosaic_finding_post *p = report_attr_post(f, e->attr);

    return json_pack("{s:o, s:o, s:s, s:o, s:o, s:I, s:I}", "post",
                     str_or_null(p ? p->native_id : NULL), "platform",
                     str_or_null(p ? p->platform : NULL), "action",
                     e->replace ? "generalise" : "remove", "text",
                     str_or_null(a->text), "replace",
                     str_or_null(e->replace), "start", (json_int_t)a->start,
                     "end", (json_int_t)a->end);
}

static json_t *finding_json(const mosaic_finding *f)
{
    json_t *posts = json_array(), *attrs = json_array(),
           *edits = json_array();

    for (size_t i = 0; i < f->nposts; i++)
        json_array_append_new(posts, post_json(&f->posts[i]));
    for (size_t i = 0; i < f->nattrs; i++)
        json_array_append_new(attrs, attr_json(f, i));
    for (size_t i = 0; i < f->nedits; i++)
        json_array_append_new(edits, edit_json(f, &f->edits[i]));
    return json_pack("{s:s, s:o, s:o, s:o, s:o, s:b, s:b, s:o, s:o, s:o, "
                     "s:o, s:o}",
                     "verdict", mosaic_verdict_name(f->verdict), "k_public",
                     number(f->k_public), "p_unique", number(f->p_unique),
                     "k_insider", number(f->k_insider), "catchment",
                     number(f->catchment), "direct", f->direct,
                     "self_recognition", f->self_recognition, "summary",
                     str_or_null(f->summary), "posts", posts, "attributes",
                     attrs, "suggestions", edits, "k_after",
                     f->nedits ? number(f->k_after) : json_null());
}

json_t *report_findings_json(const mosaic_report *r)
{
    json_t *all = json_array();

    for (size_t i = 0; i < mosaic_report_count(r); i++)
        json_array_append_new(all, finding_json(mosaic_report_finding(r, i)));
    return all;
}

int report_write_json(FILE *out, const mosaic_report *r)
{
    long posts, client_posts;
    json_t *doc;
    int rc;

    mosaic_report_totals(r, &posts, &client_posts);
    doc = json_pack("{s:s, s:I, s:I, s:o}", "confidential",
                    REPORT_CONFIDENTIAL, "posts_scanned", (json_int_t)posts,
                    "client_posts", (json_int_t)client_posts, "findings",
                    report_findings_json(r));
    if (doc == NULL)
        return -1;
    rc = json_dumpf(doc, out, JSON_INDENT(2));
    fputc('\n', out);
    json_decref(doc);
    return rc;
}
