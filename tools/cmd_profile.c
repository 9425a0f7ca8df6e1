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

static const struct cli_opt profile_opts[] = {
    CLI_DB_OPT,
    { "json", 'j', NULL, "print the profiles as one JSON array" },
    CLI_HELP_OPT,
    CLI_OPT_END,
};

static const struct cli_spec profile_spec = {
    "profile", "[options]",
    "Show the profile each imported archive carried: handle, display\n"
    "name, bio and location.  ('mosaic profile set' comes with the scorer\n"
    "and is not implemented yet.)",
    profile_opts,
};

struct profile_args {
    const char *db;
    int json;
    json_t *all;
    size_t shown; /* profiles printed as text */
};

static int profile_opt(int key, const char *arg, void *ctx)
{
    struct profile_args *a = ctx;

    if (key == 'd')
        a->db = arg;
    else if (key == 'j')
        a->json = 1;
    return 0;
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
    struct profile_args a = { NULL, 0, NULL, 0 };
    mosaic_store *store = NULL;
    int first, status, rc;

    if ((status = cli_parse(&profile_spec, argc, argv, profile_opt, &a,
                            &first)) >= 0)
        return status;
    if (first < argc && strcmp(argv[first], "set") == 0) {
        fprintf(stderr, "mosaic: 'profile set' is not implemented yet (it "
                        "comes with the scorer)\n");
        return EXIT_FAIL;
    }
    if (first != argc)
        return cli_error("profile: unexpected argument '%s'", argv[first]);
    if (cli_store_open(&store, a.db) < 0)
        return cli_fail();
    a.all = json_array();
    rc = mosaic_store_foreach_profile(store, profile_add, &a);
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
