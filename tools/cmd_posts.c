/*
 * cmd_posts.c -- `mosaic posts`: what the store holds, so a therapist
 * (and the tests) can see exactly what mosaic read.
 * SPDX-License-Identifier: MIT
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

static const struct cli_opt posts_opts[] = {
    CLI_DB_OPT,
    { "jsonl", 'j', NULL, "one JSON object per post (keys as in README)" },
    CLI_HELP_OPT,
    CLI_OPT_END,
};

static const struct cli_spec posts_spec = {
    "posts", "[options]",
    "List every stored post, oldest first: date, platform, id, kind,\n"
    "visibility, and the text (this prints your posts' words).",
    posts_opts,
};

struct posts_args {
    const char *db;
    int jsonl;
};

static int posts_opt(int key, const char *arg, void *ctx)
{
    struct posts_args *a = ctx;

    if (key == 'd')
        a->db = arg;
    else if (key == 'j')
        a->jsonl = 1;
    return 0;
}

static void set_str(json_t *o, const char *key, const char *v)
{
    if (v)
        json_object_set_new(o, key, json_string(v));
}

static json_t *post_json(const mosaic_post *p)
{
    json_t *o = json_object();

    set_str(o, "platform", p->platform);
    set_str(o, "native_id", p->native_id);
    json_object_set_new(o, "created_at",
                        p->created_at ? json_string(p->created_at)
                                      : json_null());
    json_object_set_new(o, "own", json_boolean(p->own));
    set_str(o, "kind", p->kind);
    set_str(o, "visibility", p->visibility);
    json_object_set_new(o, "text", p->text ? json_string(p->text)
                                           : json_null());
    set_str(o, "reply_to", p->reply_to);
    set_str(o, "thread_root", p->thread_root);
    set_str(o, "content_warning", p->content_warning);
    if (p->alt_texts)
        json_object_set_new(o, "alt_texts", json_loads(p->alt_texts, 0, NULL));
    if (p->place)
        json_object_set_new(o, "place", json_loads(p->place, JSON_DECODE_ANY,
                                                   NULL));
    set_str(o, "boost_of", p->boost_of);
    set_str(o, "quote_of", p->quote_of);
    if (p->edited)
        json_object_set_new(o, "edited", json_true());
    if (p->deleted)
        json_object_set_new(o, "deleted", json_true());
    return o;
}

static int print_jsonl(const mosaic_post *p, void *ctx)
{
    json_t *o = post_json(p);
    char *line = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);

    (void)ctx;
    json_decref(o);
    if (line == NULL)
        return -1;
    puts(line);
    free(line);
    return ferror(stdout) ? -1 : 0;
}

static int print_line(const mosaic_post *p, void *ctx)
{
    const char *t = p->text ? p->text : "(no text)";

    (void)ctx;
    printf("%-20s  %-9s %-20s %-8s %-8s %s  ",
           p->created_at ? p->created_at : "(no date)", p->platform,
           p->native_id, p->kind, p->visibility ? p->visibility : "-",
           p->own ? "own" : "not-own");
    for (; *t; t++)
        putchar(*t == '\n' ? ' ' : *t);
    putchar('\n');
    return ferror(stdout) ? -1 : 0;
}

int cmd_posts(int argc, char **argv)
{
    struct posts_args a = { NULL, 0 };
    mosaic_store *store = NULL;
    int first, status, rc;

    if ((status = cli_parse(&posts_spec, argc, argv, posts_opt, &a,
                            &first)) >= 0)
        return status;
    if (first != argc)
        return cli_error("posts: unexpected argument '%s'", argv[first]);
    if (cli_store_open(&store, a.db) < 0)
        return cli_fail();
    rc = mosaic_store_foreach_post(store, a.jsonl ? print_jsonl : print_line,
                                   NULL);
    mosaic_store_close(store);
    if (rc < 0)
        return cli_fail();
    if (rc > 0)
        return cli_error("posts: cannot write the listing");
    return EXIT_OK;
}
