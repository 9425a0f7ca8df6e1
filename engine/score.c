/*
 * score.c -- combine attribute shares in log space, carry the count
 * uncertainty as Beta intervals, and judge on the conservative end.
 * SPDX-License-Identifier: MIT
 */
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "score.h"
#include "text.h"

double score_k(double population, double share)
{
    if (population <= 1 || share <= 0)
        return 1;
    return 1 + (population - 1) * (share > 1 ? 1 : share);
}

double score_p_unique(double population, double share)
{
    if (population <= 1 || share <= 0)
        return 1;
    if (share >= 1)
        return 0;
    return exp((population - 1) * log1p(-share));
}

/* The q-quantile of Gamma(a, 1).  GSL's inverse does not converge for
 * a in the hundreds of thousands (a national workforce); there the
 * Wilson-Hilferty cube-root normal approximation is good to ~1/a. */
static double gamma_quantile(double q, double a)
{
    double x = gsl_cdf_gamma_Pinv(q, a, 1), c = 1 / (9 * a);

    if (isfinite(x))
        return x;
    x = 1 - c + gsl_cdf_ugaussian_Pinv(q) * sqrt(c);
    return a * x * x * x;
}

/* The q-quantile of Beta(a, b).  GSL's inverse does not converge for
 * the huge b of national counts; there Beta(a, b) ~ Gamma(a, 1)/(a + b),
 * a relative error of order a/b. */
static double beta_quantile(double q, double a, double b)
{
    double x;

    if (a + b < 1e5) {
        x = gsl_cdf_beta_Pinv(q, a, b);
        if (isfinite(x))
            return x;
    }
    if (a <= b)
        return gamma_quantile(q, a) / (a + b);
    return 1 - gamma_quantile(1 - q, b) / (a + b);
}

/* The quantiles cost tens of microseconds and the same few counts come
 * back at every step of a suggestion search: remember recent ones. */
#define INTERVAL_MEMO 1024

struct interval_memo {
    double count, of, confidence, low, high;
};

static _Thread_local struct interval_memo memo[INTERVAL_MEMO];

static struct interval_memo *memo_slot(double count, double of,
                                       double confidence)
{
    uint64_t h = text_hash64(&count, sizeof(count), 0);

    h = text_hash64(&of, sizeof(of), h);
    h = text_hash64(&confidence, sizeof(confidence), h);
    return &memo[h % INTERVAL_MEMO];
}

void score_share_interval(double count, double of, double confidence,
                          double *low, double *high)
{
    double tail = (1 - confidence) / 2;
    struct interval_memo *m;

    if (of <= 0 || count < 0 || count > of) {
        *low = *high = -1; /* exact, or not a count: keep the share */
        return;
    }
    m = memo_slot(count, of, confidence);
    if (m->of == of && m->count == count && m->confidence == confidence) {
        *low = m->low;
        *high = m->high;
        return;
    }
    gsl_set_error_handler_off(); /* a library must never abort */
    *low = beta_quantile(tail, count + 0.5, of - count + 0.5);
    *high = beta_quantile(1 - tail, count + 0.5, of - count + 0.5);
    *m = (struct interval_memo){ count, of, confidence, *low, *high };
}

/* log p over the priced attributes; insider leaves out place. */
struct logs {
    double mid, low, high, insider, insider_low;
};

static void add_attr(struct logs *l, const score_attr *a, double confidence)
{
    double lo, hi, p = a->share > 1 ? 1 : a->share;

    score_share_interval(a->count, a->of, confidence, &lo, &hi);
    if (lo < 0)
        lo = hi = p;
    if (lo <= 0)
        lo = p * 1e-3; /* a zero count: still possible, just rare */
    l->mid += log(p);
    l->low += log(lo);
    l->high += log(hi > 1 ? 1 : hi);
    if (!a->is_place) {
        l->insider += log(p);
        l->insider_low += log(lo);
    }
}

static verdict judge(const score_result *r, const score_setting *s)
{
    if (r->direct || r->k_public_safe < s->k_min)
        return VERDICT_HIGH;
    if (r->k_insider_safe < 2 || r->self_recognition)
        return VERDICT_MEDIUM;
    return VERDICT_LOW;
}

void score_combination(score_result *out, const score_attr *attrs,
                       size_t n, const score_setting *setting)
{
    struct logs l = { 0, 0, 0, 0, 0 };
    double N = setting->catchment, C = setting->caseload;

    memset(out, 0, sizeof(*out));
    for (size_t i = 0; i < n; i++) {
        const score_attr *a = &attrs[i];
        out->direct |= a->direct;
        out->self_recognition |= a->session_timing;
        if (a->direct || a->session_timing)
            continue; /* they act on the verdict, not on p */
        if (!(a->share > 0)) {
            out->unknown++;
            continue;
        }
        add_attr(&l, a, setting->confidence);
        out->used++;
    }
    out->share = exp(l.mid);
    out->share_low = exp(l.low);
    out->share_high = exp(l.high);
    out->k_public = out->direct ? 1 : score_k(N, out->share);
    out->k_public_safe = out->direct ? 1 : score_k(N, out->share_low);
    out->p_unique = out->direct ? 1 : score_p_unique(N, out->share);
    out->p_unique_safe = out->direct ? 1 : score_p_unique(N, out->share_low);
    out->k_insider = out->direct ? 1 : score_k(C, exp(l.insider));
    out->k_insider_safe = out->direct ? 1 : score_k(C, exp(l.insider_low));
    out->verdict = judge(out, setting);
}

const char *score_verdict_name(verdict v)
{
    return v == VERDICT_HIGH ? "HIGH" : v == VERDICT_MEDIUM ? "MEDIUM" : "LOW";
}
