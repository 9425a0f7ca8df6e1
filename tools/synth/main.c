/*
 * main.c -- mosaic-synth: write a synthetic corpus with known ground
 * truth: per therapist an X archive and a Mastodon archive, and
 * truth.json.  Same seed, same bytes.
 * SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "datadir.h"
#include "error.h"
#include "synth.h"

#define TRUTH_CHUNK_MAX (UINT64_C(4) << 30)

enum { EXIT_OK = 0, EXIT_USAGE = 2, EXIT_FAIL = 3 };

typedef struct {
    uint64_t posts, seed, therapists;
    const char *out, *region, *data;
    int want_x, want_mastodon, verify;
} synth_args;

static const char usage_text[] =
    "usage: mosaic-synth --posts N --out DIR [--seed S] [--therapists T]\n"
    "                    [--region NAME] [--formats x,mastodon] [--data DIR]\n"
    "                    [--verify-counts]\n"
    "Write a synthetic corpus: per therapist an X/Twitter zip and a\n"
    "Mastodon tar.gz under DIR/tNNNN/, and DIR/truth.json with every\n"
    "client's leaks, spans, true k and expected verdict.\n"
    "--data DIR holds refdata/ and synth/ (default: the installed data);\n"
    "--verify-counts recounts every k by a full scan (slow; for tests).\n";

static int usage_error(const char *fmt, ...) MOSAIC__PRINTF(1, 2);

static int usage_error(const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "mosaic-synth: ");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n");
    return EXIT_USAGE;
}

static int parse_count(uint64_t *out, const char *flag, const char *s,
                       int zero_ok)
{
    char *end;
    unsigned long long v;

    errno = 0;
    v = strtoull(s, &end, 10);
    if (s[0] == '-' || !s[0] || *end || errno || (!zero_ok && v == 0) ||
        v > UINT64_C(1) << 40)
        return usage_error("--%s: '%s' is not a positive whole number", flag,
                           s);
    *out = v;
    return 0;
}

static int parse_formats(synth_args *a, const char *s)
{
    char buf[128];

    a->want_x = a->want_mastodon = 0;
    snprintf(buf, sizeof(buf), "%s", s);
    for (char *f = strtok(buf, ","); f; f = strtok(NULL, ",")) {
        if (strcmp(f, "x") == 0 || strcmp(f, "twitter") == 0)
            a->want_x = 1;
        else if (strcmp(f, "mastodon") == 0)
            a->want_mastodon = 1;
        else
            return usage_error("--formats: '%s' is not a format (x, "
                               "mastodon)", f);
    }
    if (!a->want_x && !a->want_mastodon)
        return usage_error("--formats: no format given");
    return 0;
}

static int parse_args(synth_args *a, int argc, char **argv)
{
    static const struct option opts[] = {
        {"posts", required_argument, NULL, 'n'},
        {"seed", required_argument, NULL, 's'},
        {"out", required_argument, NULL, 'o'},
        {"therapists", required_argument, NULL, 't'},
        {"region", required_argument, NULL, 'r'},
        {"formats", required_argument, NULL, 'f'},
        {"data", required_argument, NULL, 'd'},
        {"verify-counts", no_argument, NULL, 'V'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int c, rc = 0;

    memset(a, 0, sizeof(*a));
    a->seed = 1;
    a->want_x = a->want_mastodon = 1;
    opterr = 0;
    while (rc == 0 && (c = getopt_long(argc, argv, ":n:s:o:t:r:f:d:hV", opts,
                                       NULL)) != -1) {
        switch (c) {
        case 'n': rc = parse_count(&a->posts, "posts", optarg, 0); break;
        case 's': rc = parse_count(&a->seed, "seed", optarg, 1); break;
        case 't': rc = parse_count(&a->therapists, "therapists", optarg, 0);
            break;
        case 'o': a->out = optarg; break;
        case 'r': a->region = optarg; break;
        case 'd': a->data = optarg; break;
        case 'f': rc = parse_formats(a, optarg); break;
        case 'V': a->verify = 1; break;
        case 'h': fputs(usage_text, stdout); return -1;
        case ':':
            return usage_error("%s needs a value", argv[optind - 1]);
        default:
            return usage_error("unknown option '%s'; see --help",
                               argv[optind - 1]);
        }
    }
    if (rc)
        return rc;
    if (optind < argc)
        return usage_error("unexpected argument '%s'", argv[optind]);
    if (a->posts == 0)
        return usage_error("--posts N is required");
    if (a->out == NULL || !a->out[0])
        return usage_error("--out DIR is required");
    return 0;
}

typedef struct {
    synth_model model;
    synth_refdata rd;
    synth_phrasebook pb;
    synth_population pop;
    int *job_of, *attr_of;
} synth_inputs;

static int load_inputs(synth_inputs *in, const synth_args *a)
{
    char dir[PATH_MAX], path[PATH_MAX];
    gsl_rng *r;
    int error;

    if ((error = datadir_find(dir, sizeof(dir), a->data,
                              "synth/model.txt")) < 0 ||
        (error = datadir_path(path, sizeof(path), dir, "synth/model.txt")) <
            0 ||
        (error = model_load(&in->model, path)) < 0 ||
        (error = refdata_load(&in->rd, dir, a->region, &in->model)) < 0 ||
        (error = phrasebook_load(&in->pb, dir)) < 0 ||
        (error = phrasebook_bind(&in->pb, &in->rd, &in->job_of,
                                 &in->attr_of)) < 0)
        return error;
    if ((r = gsl_rng_alloc(gsl_rng_mt19937)) == NULL)
        return mosaic__error_oom();
    gsl_rng_set(r, (unsigned long)synth_mix64(a->seed));
    error = population_draw(&in->pop, &in->rd, &in->model, r);
    gsl_rng_free(r);
    return error;
}

static void free_inputs(synth_inputs *in)
{
    population_free(&in->pop);
    phrasebook_free(&in->pb);
    refdata_free(&in->rd);
    free(in->job_of);
    free(in->attr_of);
}

static int write_head(FILE *f, const synth_args *a, const synth_inputs *in,
                      uint64_t therapists)
{
    fprintf(f, "{\"generator\":\"mosaic-synth\",\"version\":1,\"seed\":%" PRIu64
               ",\"posts\":%" PRIu64 ",\"therapists_count\":%" PRIu64
               ",\"region\":", a->seed, a->posts, therapists);
    json_fput_string(f, in->rd.region);
    fprintf(f, ",\"population\":%zu,\"places\":%zu,\"radius_km\":%g,"
               "\"k_min\":%d,\"spans\":\"code points, end exclusive, in the "
               "post's plain text\",\n\"therapists\":[\n",
            in->pop.npeople, in->rd.nplaces, in->model.radius_km,
            in->model.k_min);
    return ferror(f) ? -1 : 0;
}

static int generate(const synth_args *a, synth_inputs *in, FILE *truth,
                    uint64_t *clients)
{
    synth_world w = {&in->rd, &in->model, &in->pb, &in->pop, in->job_of,
                     in->attr_of, a->out, a->want_x, a->want_mastodon,
                     a->seed, a->verify};
    uint64_t t = a->therapists, per, extra;
    strbuf sb = STRBUF_INIT(TRUTH_CHUNK_MAX);
    int error = 0;

    if (t == 0)
        t = (a->posts + (uint64_t)in->model.posts_per_therapist - 1) /
            (uint64_t)in->model.posts_per_therapist;
    if (t > a->posts)
        t = a->posts;
    per = a->posts / t;
    extra = a->posts % t;
    if (write_head(truth, a, in, t) < 0)
        return mosaic__error_set(MOSAIC_ERROR, "truth.json: write failed");
    for (uint64_t i = 0; i < t && error == 0; i++) {
        uint64_t n = 0;

        strbuf_clear(&sb);
        if (i > 0)
            error = strbuf_puts(&sb, ",\n");
        if (error == 0)
            error = history_generate(&w, (unsigned)i, per + (i < extra), &sb,
                                     &n);
        *clients += n;
        if (error == 0 && fwrite(strbuf_str(&sb), 1, sb.len, truth) != sb.len)
            error = mosaic__error_set(MOSAIC_ERROR, "truth.json: %s",
                                      strerror(errno));
    }
    strbuf_dispose(&sb);
    if (error == 0 && fputs("\n]}\n", truth) < 0)
        error = mosaic__error_set(MOSAIC_ERROR, "truth.json: write failed");
    return error;
}

static double now_s(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    synth_args a;
    synth_inputs in;
    char path[PATH_MAX];
    FILE *truth = NULL;
    uint64_t clients = 0;
    double t0 = now_s(), t1;
    int rc = parse_args(&a, argc, argv), error;

    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    memset(&in, 0, sizeof(in));
    if (mkdir(a.out, 0755) < 0 && errno != EEXIST) {
        fprintf(stderr, "mosaic-synth: %s: %s\n", a.out, strerror(errno));
        return EXIT_FAIL;
    }
    if ((error = load_inputs(&in, &a)) < 0)
        goto done;
    t1 = now_s();
    snprintf(path, sizeof(path), "%s/truth.json", a.out);
    if ((truth = fopen(path, "wb")) == NULL) {
        error = mosaic__error_set(MOSAIC_ERROR, "%s: %s", path,
                                  strerror(errno));
        goto done;
    }
    if ((error = generate(&a, &in, truth, &clients)) < 0)
        goto done;
    if (fclose(truth) != 0)
        error = mosaic__error_set(MOSAIC_ERROR, "%s: write failed", path);
    truth = NULL;
    if (error == 0)
        fprintf(stderr,
                "mosaic-synth: %" PRIu64 " posts, %zu people in %s, %" PRIu64
                " clients with posts; population %.2f s, posts %.2f s\n",
                a.posts, in.pop.npeople, in.rd.region, clients, t1 - t0,
                now_s() - t1);
done:
    if (truth)
        fclose(truth);
    free_inputs(&in);
    if (error < 0) {
        fprintf(stderr, "mosaic-synth: %s\n", mosaic_error_last()->message);
        return error == MOSAIC_EFORMAT || error == MOSAIC_ENOTFOUND
                   ? EXIT_USAGE
                   : EXIT_FAIL;
    }
    return EXIT_OK;
}
