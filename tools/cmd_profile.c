/*
 * cmd_profile.c -- `mosaic profile`: the profiles imported with the
 * archives (the scorer takes the practice catchment from their location).
 * SPDX-License-Identifier: MIT
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

enum { OPT_LOCATION = 300, OPT_RADIUS, OPT_CASELOAD, OPT_KMIN, OPT_DATA };

static const struct cli_opt profile_opts[] = {
    CLI_DB_OPT,
    { "json", 'j', NULL, "print the profiles as one JSON array" },
    { "location", OPT_LOCATION, "PLACE", "set: where you practise" },
    { "radius", OPT_RADIUS, "KM", "set: catchment radius (25)" },
    { "caseload", OPT_CASELOAD, "N", "set: clients on your books (30)" },
    { "k-min", OPT_KMIN, "K", "set: HIGH when fewer than K match (10)" },
    { "data", OPT_DATA, "DIR", "set: the reference data folder" },
    CLI_HELP_OPT,
    CLI_OPT_END,
};

static const struct cli_spec profile_spec = {
    "profile", "[options] [set --location PLACE ...]",
    "Show the profile each imported archive carried (handle, display name,\n"
    "bio, location) and your practice setting.\n"
    "'mosaic profile set' stores the practice setting that scan and check\n"
    "use: --location (a UK place; otherwise the imported profile's\n"
    "location, else the whole UK), --radius, --caseload, --k-min.",
    profile_opts,
};

/* The practice setting: option values, stored under these names. */
static const struct {
    int key;
    const char *name;
} setting_opts[] = {
    { OPT_LOCATION, "location" },
    { OPT_RADIUS, "radius_km" },
    { OPT_CASELOAD, "caseload" },
    { OPT_KMIN, "k_min" },
};

#define N_SETTINGS (sizeof(setting_opts) / sizeof(*setting_opts))

struct profile_args {
    const char *db, *data;
    int json;
    json_t *all;
    size_t shown; /* profiles printed as text */
    const char *setting[N_SETTINGS];
};

static int profile_opt(int key, const char *arg, void *ctx)
{
    struct profile_args *a = ctx;

    if (key == 'd')
        a->db = arg;
    else if (key == 'j')
        a->json = 1;
    else if (key == OPT_DATA)
        a->data = arg;
    for (size_t i = 0; i < N_SETTINGS; i++)
        if (setting_opts[i].key == key)
            a->setting[i] = arg;
    return 0;
}

static int check_number(const char *name, const char *value)
{
    char *end;
    double v = strtod(value, &end);

    if (end == value || *end != '\0' || !(v > 0) || v > 1e9)
        return cli_error("profile set: %s wants a positive number, not '%s'",
                         name, value);
    return 0;
}

/* The location must be a place the gazetteer knows. */
static int check_location(const char *data, const char *location)
{
    mosaic_population *pop = NULL;
    mosaic_setting setting = MOSAIC_SETTING_INIT;
    mosaic_assessment a;
    int status = 0;

    memset(&a, 0, sizeof(a));
    setting.location = location;
    if (mosaic_population_open(&pop, data) < 0 ||
        mosaic_assess(pop, &setting, NULL, 0, &a) < 0)
        status = cli_fail();
    else if (a.catchment_place == NULL)
        status = cli_error("profile set: '%s' is not a UK place mosaic "
                           "knows",
                           location);
    else
        printf("practice: %s, about %.0f people within %.0f km\n",
               a.catchment_place, a.catchment, setting.radius_km);
    mosaic_assessment_free(&a); /* also after an unknown place */
    mosaic_population_close(pop);
    return status;
}

static int profile_set(struct profile_args *a)
{
    mosaic_store *store = NULL;
    int status = 0, any = 0;

    for (size_t i = 0; i < N_SETTINGS && status == 0; i++) {
        if (a->setting[i] == NULL)
            continue;
        any = 1;
        status = setting_opts[i].key == OPT_LOCATION
                     ? check_location(a->data, a->setting[i])
                     : check_number(setting_opts[i].name, a->setting[i]);
    }
    if (status != 0)
        return status;
    if (!any)
        return cli_error("profile set: give --location, --radius, "
                         "--caseload or --k-min");
    if (cli_store_open(&store, a->db) < 0)
        return cli_fail();
    for (size_t i = 0; i < N_SETTINGS && status == 0; i++)
        if (a->setting[i] &&
            mosaic_store_set_setting(store, setting_opts[i].name,
                                     a->setting[i]) < 0)
            status = cli_fail();
    mosaic_store_close(store);
    return status;
}

static void print_settings(mosaic_store *store)
{
    char *v;

    for (size_t i = 0; i < N_SETTINGS; i++)
        if (mosaic_store_setting(store, setting_opts[i].name, &v) == 0 &&
            v) {
            printf("setting  %-10s %s\n", setting_opts[i].name, v);
            free(v);
        }
}

static void field(const char *label, const char *value)
{
    if (value && value[0])
        printf("  %-13s %s\n", label, value);
}

static int profile_add(const mosaic_profile *p, void *ctx)
{
    struct profile_args *a = ctx;
    json_t *o;

    if (!a->json) {
        printf("%s\n", p->platform);
        field("handle", p->handle);
        field("display name", p->display_name);
        field("bio", p->bio);
        field("location", p->location);
        field("other", p->extra);
        a->shown++;
        return 0;
    }
    o = json_pack("{s:s, s:s?, s:s?, s:s?, s:s?}", "platform", p->platform,
                  "handle", p->handle, "display_name", p->display_name,
                  "bio", p->bio, "location", p->location);
    if (o && p->extra)
        json_object_set_new(o, "extra", json_loads(p->extra, 0, NULL));
    return o ? json_array_append_new(a->all, o) : -1;
}

int cmd_profile(int argc, char **argv)
{
    struct profile_args a = { 0 };
    mosaic_store *store = NULL;
    int first, status, rc;

    if ((status = cli_parse(&profile_spec, argc, argv, profile_opt, &a,
                            &first)) >= 0)
        return status;
    if (first < argc && strcmp(argv[first], "set") == 0) {
        if (first + 1 != argc)
            return cli_error("profile set: unexpected argument '%s'",
                             argv[first + 1]);
        return profile_set(&a);
    }
    if (first != argc)
        return cli_error("profile: unexpected argument '%s'", argv[first]);
    if (cli_store_open(&store, a.db) < 0)
        return cli_fail();
    a.all = json_array();
    rc = mosaic_store_foreach_profile(store, profile_add, &a);
    if (rc == 0 && !a.json)
        print_settings(store);
    mosaic_store_close(store);
    if (rc == 0 && a.json) {
        json_dumpf(a.all, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        putchar('\n');
    } else if (rc == 0 && a.shown == 0 && !a.json) {
        printf("(no profile imported yet)\n");
    }
    json_decref(a.all);
    return rc < 0 ? cli_fail() : EXIT_OK;
}
