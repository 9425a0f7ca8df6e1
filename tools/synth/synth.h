/*
 * synth.h -- mosaic-synth, the synthetic corpus generator: a population
 * drawn from the reference marginals, therapists with caseloads, their
 * posting histories as real export archives, and the ground truth.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_SYNTH_H
#define MOSAIC_SYNTH_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "strbuf.h"

#define SYNTH_MAX_FLAGS 128 /* base-rate attributes a person can carry */
#define SYNTH_AGE_MAX 100   /* ages run 0..SYNTH_AGE_MAX */
#define SYNTH_NO_OCC 0xffff /* not in work */

enum synth_sex { SEX_FEMALE = 0, SEX_MALE = 1 };

/* Quasi-identifier categories, named as in DESIGN.md. */
enum synth_category {
    CAT_PLACE,
    CAT_AGE,
    CAT_GENDER,
    CAT_OCCUPATION,
    CAT_FAMILY,
    CAT_HEALTH,
    CAT_LIFE_EVENT,
    CAT_DATE,
    CAT_SESSION,
    CAT_NAME,
    CAT_COUNT
};
const char *synth_category_name(int cat);
int synth_category_parse(const char *name); /* -1 when unknown */

/* ---- tsv.c: tab-separated tables with a header line ---- */

typedef struct {
    char *buf;      /* the whole file, cut into fields in place */
    char ***rows;   /* rows[i][j]: field j of data row i */
    size_t nrows;
    char **header;
    size_t ncols;
    char path[512];
} tsv_table;

/* Read a table; comment lines ("# ...") and blank lines are skipped.  With
 * `has_header` 0 every line is data and header is NULL. */
int tsv_load(tsv_table *t, const char *path, int has_header);
void tsv_free(tsv_table *t);
/* The column named by the first of the '|'-separated aliases present,
 * or -1. */
int tsv_column(const tsv_table *t, const char *aliases);
/* Field j of row i, "" when the row is short (fields may be cut up in
 * place by the table's owner). */
char *tsv_get(const tsv_table *t, size_t i, int j);

/* ---- refdata.c: the real marginals (corpus/refdata) ---- */

typedef struct {
    char *name;
    char *alt;   /* first alternative name, or NULL */
    double lat, lon;
    uint32_t population;
    uint32_t district, county; /* indices into refdata.names */
} synth_place;

typedef struct {
    char *name;
    double share[2]; /* P(this occupation | sex, working age) */
} synth_occupation;

typedef struct {
    int category;
    char *value;
    double rate;     /* probability per person (per year for events) */
    int sex;         /* -1 any */
    int age_min, age_max;
} synth_rate;

typedef struct {
    synth_place *places; /* the region's, sorted by county, district */
    size_t nplaces;
    char **names;        /* district and county names */
    size_t nnames;
    synth_occupation *occ;
    size_t nocc;
    double age_sex[2][SYNTH_AGE_MAX + 1]; /* people of each sex and age */
    synth_rate *rates;
    size_t nrates;
    char region[128];
    uint64_t region_population;
} synth_refdata;

struct synth_model;
int refdata_load(synth_refdata *rd, const char *dir, const char *region,
                 const struct synth_model *m);
void refdata_free(synth_refdata *rd);

/* ---- model.c: the generator's parameters (corpus/synth/model.txt) ---- */

enum post_kind {
    KIND_CLIENT,
    KIND_FOLLOWUP,
    KIND_CPD,
    KIND_SELFCARE,
    KIND_REFLECTION,
    KIND_OWN_LIFE,
    KIND_REPLY,
    KIND_PLACEWORD,
    KIND_AGGREGATE,
    KIND_HYPOTHETICAL,
    KIND_COUNT
};
const char *post_kind_name(int kind);

typedef struct synth_model {
    double kind_share[KIND_COUNT]; /* share of posts of each kind */
    double radius_km;
    int k_min;
    int caseload;
    int work_age_min, work_age_max;
    int history_days_min, history_days_max;
    int therapy_weeks_min, therapy_weeks_max;
    double young_share;      /* therapists who see young people */
    int young_age_min, young_age_max, adult_age_min;
    double lowercase_share, typo_share, emoji_share, hashtag_share;
    double placetag_share, thread_share, x_share_min, x_share_max;
    int posts_per_therapist;
    char end_date[16];       /* histories end on or before this date */
} synth_model;

int model_load(synth_model *m, const char *path);

/* ---- population.c: people drawn from the marginals ---- */

typedef struct {
    uint32_t place;
    uint16_t occ;
    uint8_t age;
    uint8_t sex;
    uint64_t flags[2];
} synth_person;

typedef struct {
    synth_person *people;   /* by place, then by occupation within it */
    size_t npeople;
    size_t *place_start; /* people of place i: [place_start[i], [i+1]) */
    uint32_t *flag_people[SYNTH_MAX_FLAGS]; /* who carries flag j, sorted */
    size_t flag_count[SYNTH_MAX_FLAGS];
    uint32_t (*age_sex)[2][SYNTH_AGE_MAX + 1]; /* per place */
} synth_population;

int population_draw(synth_population *pop, const synth_refdata *rd,
                    const synth_model *m, gsl_rng *r);
void population_free(synth_population *pop);

/* Who matches a leaked combination (every field optional). */
typedef struct {
    uint32_t place_lo, place_hi; /* place range; 0, UINT32_MAX for any */
    int age_lo, age_hi;
    int sex;                     /* -1 any */
    int occ;                     /* -1 any */
    uint64_t flags[2];           /* all of these */
} synth_query;

void query_init(synth_query *q);
int query_matches(const synth_query *q, const synth_person *p, int use_place);

/* Places within radius_km of place `centre`; *out is malloc'd. */
int catchment_places(uint32_t **out, size_t *n, const synth_refdata *rd,
                     uint32_t centre, double radius_km);
/* People in the catchment places matching q, by a scan of them all. */
uint64_t population_count_slow(const synth_population *pop,
                               const uint32_t *places, size_t nplaces,
                               const synth_query *q);
/* People in the catchment places matching q. */
uint64_t population_count(const synth_population *pop,
                          const uint32_t *places, size_t nplaces,
                          const synth_query *q);
double place_distance_km(const synth_place *a, const synth_place *b);

/* ---- phrasebook.c: the phrasing material (corpus/synth) ---- */

typedef struct {
    char **lines;
    size_t n;
    uint32_t *needs; /* per template: bit per NEED_* it requires */
    tsv_table table;
} synth_templates;

enum {
    NEED_JOB = 1u << 0,
    NEED_JOBDOES = 1u << 1,
    NEED_AGE = 1u << 2,
    NEED_FAMILY = 1u << 3,
    NEED_HEALTH = 1u << 4,
    NEED_EVENT = 1u << 5,
    NEED_PLACE = 1u << 6,
    NEED_NAME = 1u << 7
};

typedef struct {
    char *key;        /* refdata occupation name it belongs to */
    char *a_job;      /* "a firefighter" */
    char **does;      /* indirect: "drives the school bus" */
    size_t ndoes;
} synth_job_phrase;

typedef struct {
    int kind;        /* 0 exact ("{n}"), 1 decade, 2 range */
    int lo, hi;
    char *phrase;
} synth_age_phrase;

typedef struct {
    synth_templates kinds[KIND_COUNT];
    synth_templates cues_adult, cues_young, hashtags, emoji, surnames;
    synth_templates names[2];   /* first names by sex */
    synth_templates handles;    /* other accounts for replies */
    synth_templates bios;       /* profile bios; {town} is the practice */
    tsv_table gender;           /* slot  female  male */
    tsv_table when;             /* phrase  unit  amount */
    tsv_table session;          /* phrase  timing */
    tsv_table attr;             /* category value sex age_min age_max phrases */
    synth_job_phrase *jobs;
    size_t njobs;
    synth_age_phrase *ages;
    size_t nages;
    char *decade[11];           /* "twenties" for 2 */
    tsv_table job_table, age_table;
} synth_phrasebook;

int phrasebook_load(synth_phrasebook *pb, const char *dir);
void phrasebook_free(synth_phrasebook *pb);
/* Bind refdata values to their phrasings: job index per occupation
 * (-1 none) and attr row per rate (-1 none), and the rates' eligibility. */
int phrasebook_bind(synth_phrasebook *pb, synth_refdata *rd, int **job_of,
                    int **attr_of);
/* The '|'-separated phrasings of attribute row `row`. */
size_t phrasebook_attr_phrases(const synth_phrasebook *pb, size_t row,
                               const char **out, size_t max);

/* ---- compose.c: one post's text from a template, with its spans ---- */

#define SYNTH_MAX_SPANS 48
#define SYNTH_VALUE_MAX 96

typedef struct {
    int category;
    int negative;               /* a hard negative, not a client leak */
    const char *style;          /* how it leaks: "direct", "hashtag", ... */
    char value[SYNTH_VALUE_MAX];
    size_t start, end;          /* bytes into the text while composing */
    size_t cp_start, cp_end;    /* code points, end exclusive, at the end */
    /* what the value means for counting (PLACE, AGE, OCCUPATION, flags) */
    uint32_t place_lo, place_hi;
    int age_lo, age_hi, occ, flag;
} synth_span;

typedef struct {
    strbuf text;
    synth_span spans[SYNTH_MAX_SPANS];
    size_t nspans;
    int self_recognition; /* a session-timing cue */
    int direct;           /* a name: a direct identifier */
    int overflow;         /* spans past SYNTH_MAX_SPANS were dropped */
} synth_post;

/* The person a client post is about, with the phrasings it can use. */
typedef struct {
    const synth_person *person;
    int job;                 /* phrasebook job index, -1 none */
    uint32_t can;            /* NEED_* bits this client can fill */
    char name[32];
    char initial[4];
} synth_subject;

typedef struct {
    const synth_phrasebook *pb;
    const synth_refdata *rd;
    const synth_model *m;
    const int *job_of, *attr_of;
    gsl_rng *r;
    const synth_subject *subject; /* NULL for ordinary posts */
    uint32_t mytown;              /* the therapist's own town */
    int my_sex;
    int64_t at;                   /* the post's time (Unix seconds) */
    int kind;
    const char *mention;          /* reply: the text starts "@mention " */
} synth_compose;

void post_init(synth_post *p);
void post_dispose(synth_post *p);
/* Compose a post of ctx->kind into p (cleared first). */
int compose_post(synth_post *p, const synth_compose *ctx);
/* The NEED_* bits of one template line. */
uint32_t compose_needs(const char *tmpl);

/* ---- jsonw.c ---- */
/* Append s as a JSON string (quotes included); non-ASCII raw UTF-8. */
int json_put_string(strbuf *sb, const char *s, size_t len);
int json_fput_string(FILE *f, const char *s);
/* HTML-escape &, < and > (the X archive's full_text). */
int html_put_escaped(strbuf *sb, const char *s, size_t len);

/* ---- out_x.c, out_mastodon.c: the archives ---- */

typedef struct {
    const char *handle, *display_name, *bio, *location, *email;
    uint64_t account_id;
    int64_t created;       /* account creation (Unix seconds) */
    int64_t generated;     /* archive date */
} synth_account;

typedef struct {
    uint64_t id;
    int64_t at;
    const char *text;      /* plain UTF-8 */
    size_t len;
    uint64_t reply_to;     /* the post replied to, 0 none */
    const char *reply_handle; /* the account replied to (own for threads) */
    uint64_t reply_user;   /* its id (X) */
    int mention;           /* the text starts "@reply_handle " */
} synth_out_post;

typedef struct synth_sink synth_sink;
int sink_x_open(synth_sink **out, const char *tmpdir, const char *handle);
int sink_mastodon_open(synth_sink **out, const char *tmpdir,
                       const char *handle);
int sink_post(synth_sink *s, const synth_out_post *p);
/* Write the archive to path and free the sink (also on failure). */
int sink_finish(synth_sink *s, const char *path, const synth_account *a);
void sink_free(synth_sink *s);
uint64_t sink_count(const synth_sink *s);

/* ---- spool.c: a temporary file of records, copied into an archive ---- */

typedef struct {
    FILE *f;
    uint64_t *offsets;     /* start of each record */
    size_t n, cap;
    uint64_t size;
} synth_spool;

int spool_open(synth_spool *s, const char *dir);
int spool_add(synth_spool *s, const char *data, size_t len);
void spool_close(synth_spool *s);

struct archive;
/* Write an archive member from memory. */
int member_write(struct archive *a, const char *name, int64_t mtime,
                 int mode, const char *data, size_t len);
/* Write a member: head, the records joined by sep (newest first when
 * reverse), then tail. */
int member_write_spool(struct archive *a, const char *name, int64_t mtime,
                       int mode, const char *head, synth_spool *s,
                       const char *sep, int reverse, const char *tail);

/* ---- timefmt helpers (util.c) ---- */
void fmt_x_time(char *out, size_t n, int64_t t);   /* Sat Dec 06 ... */
void fmt_iso_time(char *out, size_t n, int64_t t); /* 2024-11-02T..Z */
int64_t parse_date(const char *ymd);               /* -1 if bad */
uint64_t synth_mix64(uint64_t x);
size_t utf8_count(const char *s, size_t len);

/* ---- history.c: one therapist's clients and posts, and their truth ---- */

typedef struct {
    const synth_refdata *rd;
    const synth_model *m;
    const synth_phrasebook *pb;
    const synth_population *pop;
    const int *job_of, *attr_of;
    const char *outdir;
    int want_x, want_mastodon;
    uint64_t seed;
    int verify;     /* recount every k by brute force and compare */
} synth_world;

/* Generate therapist number `index` with `nposts` posts: its archives
 * under outdir and its truth object appended to truth (JSON). */
int history_generate(const synth_world *w, unsigned index, uint64_t nposts,
                     strbuf *truth, uint64_t *clients_out);

#endif
