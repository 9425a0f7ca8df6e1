/*
 * history.c -- one therapist: practice and catchment, caseload, and a
 * posting history of ordinary and client posts spread over months or
 * years, written to the archives as it is made; the truth at the end.
 * SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "error.h"
#include "therapist.h"

#define DAY 86400
#define X_EPOCH_MS INT64_C(1288834974657)
#define NEGATIVES_MAX (1u << 30)

static const char *pick_line(gsl_rng *r, const synth_templates *t)
{
    return t->lines[gsl_rng_uniform_int(r, (unsigned long)t->n)];
}

/* The practice: a place drawn by population. */
static uint32_t draw_practice(const synth_refdata *rd, gsl_rng *r)
{
    uint64_t k = (uint64_t)(gsl_rng_uniform(r) *
                            (double)rd->region_population);

    for (size_t i = 0; i < rd->nplaces; i++) {
        if (k < rd->places[i].population)
            return (uint32_t)i;
        k -= rd->places[i].population;
    }
    return (uint32_t)(rd->nplaces - 1);
}

static void name_therapist(synth_therapist *t, const synth_world *w)
{
    const char *first = pick_line(t->r, &w->pb->names[t->sex]);
    const char *sur = pick_line(t->r, &w->pb->surnames);
    const synth_place *pl = &w->rd->places[t->practice];
    size_t n = 0;

    snprintf(t->display, sizeof(t->display), "%s %s", first, sur);
    for (const char *s = first; *s && n < 20; s++)
        if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'))
            t->handle[n++] = (char)(*s | 0x20);
    t->handle[n++] = '_';
    for (const char *s = sur; *s && n < 40; s++)
        if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'))
            t->handle[n++] = (char)(*s | 0x20);
    snprintf(t->handle + n, sizeof(t->handle) - n, "%u", t->index + 1);
    snprintf(t->email, sizeof(t->email), "%s@example.org", t->handle);
    snprintf(t->location, sizeof(t->location), "%s, %s", pl->name,
             w->rd->names[pl->county]);
}

static int setup(synth_therapist *t, const synth_world *w, unsigned index)
{
    const synth_model *m = w->m;
    int64_t end = parse_date(m->end_date);
    int error;

    memset(t, 0, sizeof(*t));
    t->index = index;
    t->negatives = (strbuf)STRBUF_INIT(NEGATIVES_MAX);
    if ((t->r = gsl_rng_alloc(gsl_rng_mt19937)) == NULL)
        return mosaic__error_oom();
    gsl_rng_set(t->r, (unsigned long)synth_mix64(w->seed ^
                                                 synth_mix64(index + 1)));
    snprintf(t->id, sizeof(t->id), "t%04u", index + 1);
    t->sex = gsl_rng_uniform(t->r) < 0.8 ? SEX_FEMALE : SEX_MALE;
    t->young = gsl_rng_uniform(t->r) < m->young_share;
    t->practice = draw_practice(w->rd, t->r);
    name_therapist(t, w);
    if ((error = catchment_places(&t->catchment, &t->ncatchment, w->rd,
                                  t->practice, m->radius_km)) < 0)
        return error;
    for (size_t i = 0; i < t->ncatchment; i++)
        t->catchment_population += w->rd->places[t->catchment[i]].population;
    t->end = end - (int64_t)gsl_rng_uniform_int(t->r, 60) * DAY;
    t->start = t->end - (int64_t)(m->history_days_min +
                                  (int)gsl_rng_uniform_int(
                                      t->r, (unsigned long)(m->history_days_max -
                                                            m->history_days_min +
                                                            1))) * DAY;
    t->created = t->start - (int64_t)gsl_rng_uniform_int(t->r, 400) * DAY;
    t->account_id = (uint64_t)1000000000000000000ull +
                    (uint64_t)(gsl_rng_uniform(t->r) * 8e17);
    t->x_share = !w->want_mastodon ? 1 : !w->want_x ? 0
                 : m->x_share_min + gsl_rng_uniform(t->r) *
                                        (m->x_share_max - m->x_share_min);
    return clients_schedule(t, w);
}

static void teardown(synth_therapist *t)
{
    sink_free(t->sink[0]);
    sink_free(t->sink[1]);
    clients_free(t);
    free(t->catchment);
    strbuf_dispose(&t->negatives);
    if (t->r)
        gsl_rng_free(t->r);
}

static int draw_kind(const synth_model *m, gsl_rng *r)
{
    double total = 0, x;

    for (int k = 0; k < KIND_COUNT; k++)
        if (k != KIND_FOLLOWUP)
            total += m->kind_share[k];
    x = gsl_rng_uniform(r) * total;
    for (int k = 0; k < KIND_COUNT; k++)
        if (k != KIND_FOLLOWUP && (x -= m->kind_share[k]) < 0)
            return k;
    return KIND_REFLECTION;
}

static int cmp_time(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* Post times: uniform over the history, sorted, mostly in waking hours. */
static int post_times(int64_t **out, const synth_therapist *t, uint64_t n)
{
    int64_t *at = malloc((n + 1) * sizeof(*at));
    uint64_t days = (uint64_t)((t->end - t->start) / DAY);

    if ((*out = at) == NULL)
        return mosaic__error_oom();
    for (uint64_t i = 0; i < n; i++) {
        uint64_t d = gsl_rng_uniform_int(t->r, (unsigned long)days);
        at[i] = t->start + (int64_t)d * DAY + 7 * 3600 +
                (int64_t)gsl_rng_uniform_int(t->r, 16 * 3600);
    }
    qsort(at, n, sizeof(*at), cmp_time);
    return 0;
}

typedef struct {
    synth_post post;
    uint64_t last_id[2];
    char reply_handle[64];
} history_state;

static uint64_t next_id(history_state *hs, int platform, int64_t at,
                        gsl_rng *r)
{
    int64_t ms = at * 1000 + (int64_t)gsl_rng_uniform_int(r, 1000);
    uint64_t id = platform == 0
                      ? ((uint64_t)(ms - X_EPOCH_MS) << 22) |
                            (uint64_t)gsl_rng_uniform_int(r, 1u << 22)
                      : ((uint64_t)ms << 16) |
                            (uint64_t)gsl_rng_uniform_int(r, 1u << 16);

    if (id <= hs->last_id[platform])
        id = hs->last_id[platform] + 1;
    return hs->last_id[platform] = id;
}

/* The id of someone else's post an hour earlier. */
static uint64_t other_id(int platform, int64_t at, gsl_rng *r)
{
    int64_t ms = at * 1000;

    return platform == 0 ? ((uint64_t)(ms - X_EPOCH_MS) << 22) |
                               (uint64_t)gsl_rng_uniform_int(r, 1u << 22)
                         : ((uint64_t)ms << 16) |
                               (uint64_t)gsl_rng_uniform_int(r, 1u << 16);
}

/* One post: compose, pick platform and thread, write, record truth. */
static int one_post(synth_therapist *t, const synth_world *w,
                    history_state *hs, int64_t at)
{
    synth_compose c;
    synth_client *client = NULL;
    synth_out_post out;
    int kind = draw_kind(w->m, t->r), platform, error;

    memset(&c, 0, sizeof(c));
    memset(&out, 0, sizeof(out));
    if (kind == KIND_CLIENT && (client = clients_pick(t, at)) == NULL)
        kind = KIND_REFLECTION;
    if (client && client->nposts > 0 && gsl_rng_uniform(t->r) < 0.35)
        kind = KIND_FOLLOWUP;
    platform = gsl_rng_uniform(t->r) < t->x_share ? 0 : 1;
    if (kind == KIND_FOLLOWUP && client->last_id &&
        gsl_rng_uniform(t->r) < w->m->thread_share) {
        platform = client->last_platform;
        out.reply_to = client->last_id;
        out.reply_handle = t->handle;
        out.reply_user = t->account_id;
    }
    if (kind == KIND_REPLY) {
        snprintf(hs->reply_handle, sizeof(hs->reply_handle), "%s",
                 pick_line(t->r, &w->pb->handles));
        c.mention = out.reply_handle = hs->reply_handle;
        out.mention = 1;
        out.reply_user = synth_mix64(gsl_rng_get(t->r)) >> 4;
        out.reply_to = other_id(platform, at - 3600, t->r);
    }
    c.pb = w->pb;
    c.rd = w->rd;
    c.m = w->m;
    c.job_of = w->job_of;
    c.attr_of = w->attr_of;
    c.r = t->r;
    c.subject = client ? &client->subject : NULL;
    c.mytown = t->practice;
    c.my_sex = t->sex;
    c.at = at;
    c.kind = kind;
    if ((error = compose_post(&hs->post, &c)) < 0)
        return error;
    out.id = next_id(hs, platform, at, t->r);
    out.at = at;
    out.text = strbuf_str(&hs->post.text);
    out.len = hs->post.text.len;
    if ((error = sink_post(t->sink[platform], &out)) < 0)
        return error;
    t->count[platform]++;
    if (client) {
        if (client->nposts && (error = strbuf_putc(&client->posts, ',')) < 0)
            return error;
        client->nposts++;
        client->last_id = out.id;
        client->last_platform = platform;
        clients_absorb(client, &hs->post);
        return truth_post(&client->posts, &hs->post, platform, out.id, at,
                          kind, 0);
    }
    for (size_t i = 0; i < hs->post.nspans; i++) {
        if (!hs->post.spans[i].negative)
            continue;
        if (t->negatives.len && (error = strbuf_putc(&t->negatives, ',')) < 0)
            return error;
        return truth_post(&t->negatives, &hs->post, platform, out.id, at,
                          kind, 1);
    }
    return 0;
}

static void make_bio(synth_therapist *t, const synth_world *w)
{
    const char *b = pick_line(t->r, &w->pb->bios);
    const char *town = w->rd->places[t->practice].name;
    const char *slot = strstr(b, "{town}");

    if (slot)
        snprintf(t->bio, sizeof(t->bio), "%.*s%s%s", (int)(slot - b), b,
                 town, slot + 6);
    else
        snprintf(t->bio, sizeof(t->bio), "%s", b);
}

static int open_sinks(synth_therapist *t, const synth_world *w)
{
    char dir[1024];
    int error;

    snprintf(dir, sizeof(dir), "%s/%s", w->outdir, t->id);
    if (mkdir(dir, 0755) < 0 && errno != EEXIST)
        return mosaic__error_set(MOSAIC_ERROR, "%s: %s", dir,
                                 strerror(errno));
    if ((error = sink_x_open(&t->sink[0], w->outdir, t->handle)) < 0 ||
        (error = sink_mastodon_open(&t->sink[1], w->outdir, t->handle)) < 0)
        return error;
    return 0;
}

static int finish_sinks(synth_therapist *t, const synth_world *w)
{
    synth_account a = {t->handle, t->display, t->bio, t->location, t->email,
                       t->account_id, t->created, t->end + DAY};
    char path[1024], day[16], stamp[32];
    uint64_t h = synth_mix64(w->seed ^ t->account_id);
    int error = 0;

    fmt_iso_time(stamp, sizeof(stamp), a.generated);
    snprintf(day, sizeof(day), "%.10s", stamp);
    snprintf(t->archive[0], sizeof(t->archive[0]),
             "%s/twitter-%s-%016" PRIx64 ".zip", t->id, day, h);
    snprintf(t->archive[1], sizeof(t->archive[1]),
             "%s/archive-%.4s%.2s%.2s%.2s%.2s%.2s-%016" PRIx64 "%016" PRIx64
             ".tar.gz", t->id, stamp, stamp + 5, stamp + 8, stamp + 11,
             stamp + 14, stamp + 17, h, synth_mix64(h));
    for (int p = 0; p < 2; p++) {
        synth_sink *s = t->sink[p];
        int want = p == 0 ? w->want_x : w->want_mastodon;

        t->sink[p] = NULL;
        if (!want) {
            sink_free(s);
            t->archive[p][0] = '\0';
            continue;
        }
        snprintf(path, sizeof(path), "%s/%s", w->outdir, t->archive[p]);
        if (error == 0)
            error = sink_finish(s, path, &a);
        else
            sink_free(s);
    }
    return error;
}

static int therapist_truth(strbuf *out, const synth_therapist *t,
                           const synth_world *w)
{
    const synth_place *pl = &w->rd->places[t->practice];
    int error = strbuf_printf(out, "{\"id\":\"%s\",\"handle\":\"%s\","
                                   "\"display_name\":", t->id, t->handle);

    if (error == 0)
        error = json_put_string(out, t->display, strlen(t->display));
    if (error == 0)
        error = strbuf_puts(out, ",\"practice\":{\"place\":");
    if (error == 0)
        error = json_put_string(out, pl->name, strlen(pl->name));
    if (error == 0)
        error = strbuf_puts(out, ",\"location\":");
    if (error == 0)
        error = json_put_string(out, t->location, strlen(t->location));
    if (error == 0)
        error = strbuf_printf(out,
                              ",\"lat\":%.5f,\"lon\":%.5f},\"radius_km\":%g,"
                              "\"catchment_population\":%" PRIu64 ","
                              "\"sees\":\"%s\",\"archives\":{", pl->lat,
                              pl->lon, w->m->radius_km,
                              t->catchment_population,
                              t->young ? "young people" : "adults");
    for (int p = 0, n = 0; p < 2 && error == 0; p++) {
        if (!t->archive[p][0])
            continue;
        error = strbuf_printf(out, "%s\"%s\":{\"path\":\"%s\",\"posts\":%"
                                   PRIu64 "}", n++ ? "," : "",
                              p ? "mastodon" : "x", t->archive[p],
                              t->count[p]);
    }
    if (error == 0)
        error = strbuf_puts(out, "},\n");
    if (error == 0)
        error = clients_truth(out, t, w);
    if (error == 0)
        error = strbuf_puts(out, ",\n\"negatives\":[");
    if (error == 0)
        error = strbuf_put(out, strbuf_str(&t->negatives), t->negatives.len);
    return error < 0 ? error : strbuf_puts(out, "]}");
}

int history_generate(const synth_world *w, unsigned index, uint64_t nposts,
                     strbuf *truth, uint64_t *clients_out)
{
    synth_therapist t;
    history_state hs;
    int64_t *times = NULL;
    int error;

    memset(&hs, 0, sizeof(hs));
    post_init(&hs.post);
    if ((error = setup(&t, w, index)) < 0 ||
        (error = post_times(&times, &t, nposts)) < 0 ||
        (error = open_sinks(&t, w)) < 0)
        goto done;
    make_bio(&t, w);
    for (uint64_t i = 0; i < nposts && error == 0; i++)
        error = one_post(&t, w, &hs, times[i]);
    if (error < 0 || (error = finish_sinks(&t, w)) < 0 ||
        (error = therapist_truth(truth, &t, w)) < 0)
        goto done;
    *clients_out = 0;
    for (size_t i = 0; i < t.nclients; i++)
        *clients_out += t.clients[i].nposts > 0;
done:
    free(times);
    post_dispose(&hs.post);
    teardown(&t);
    return error;
}
