/*
 * out_x.c -- an X/Twitter archive (2022+ layout): data/tweets.js as
 * `window.YTD.tweets.part0 = [...]` in the archive's own printer, newest
 * first, plus account.js, profile.js (the practice location) and the
 * manifest.  See shared/formats/twitter.md.
 * SPDX-License-Identifier: MIT
 */
#include <archive.h>
#include <inttypes.h>
#include <string.h>

#include "error.h"
#include "sink.h"

#define MAX_TAGS 32

static int put_indices(strbuf *sb, size_t from, size_t to, const char *ind)
{
    return strbuf_printf(sb,
                         "%s\"indices\" : [\n%s  \"%zu\",\n%s  \"%zu\"\n"
                         "%s]\n", ind, ind, from, ind, to, ind);
}

static int put_hashtags(strbuf *sb, const synth_out_post *p)
{
    sink_tag tags[MAX_TAGS];
    size_t n = sink_hashtags(p->text, p->len, tags, MAX_TAGS);
    int error = 0;

    if (n == 0)
        return strbuf_puts(sb, "        \"hashtags\" : [ ],\n");
    error = strbuf_puts(sb, "        \"hashtags\" : [\n");
    for (size_t i = 0; i < n && error == 0; i++) {
        size_t a = utf8_count(p->text, tags[i].start);
        size_t b = a + utf8_count(p->text + tags[i].start,
                                  tags[i].end - tags[i].start);

        if ((error = strbuf_puts(sb, "          {\n            \"text\" : ")) <
                0 ||
            (error = json_put_string(sb, p->text + tags[i].start + 1,
                                     tags[i].end - tags[i].start - 1)) < 0 ||
            (error = strbuf_puts(sb, ",\n")) < 0 ||
            (error = put_indices(sb, a, b, "            ")) < 0)
            break;
        error = strbuf_puts(sb, i + 1 < n ? "          },\n"
                                          : "          }\n");
    }
    return error < 0 ? error : strbuf_puts(sb, "        ],\n");
}

static int put_mentions(strbuf *sb, const synth_out_post *p)
{
    size_t hl;

    if (!p->mention)
        return strbuf_puts(sb, "        \"user_mentions\" : [ ],\n");
    hl = strlen(p->reply_handle);
    return strbuf_printf(sb,
                         "        \"user_mentions\" : [\n          {\n"
                         "            \"name\" : \"%s\",\n"
                         "            \"screen_name\" : \"%s\",\n"
                         "            \"indices\" : [\n"
                         "              \"0\",\n              \"%zu\"\n"
                         "            ],\n"
                         "            \"id_str\" : \"%" PRIu64 "\",\n"
                         "            \"id\" : \"%" PRIu64 "\"\n"
                         "          }\n        ],\n",
                         p->reply_handle, p->reply_handle, hl + 1,
                         p->reply_user, p->reply_user);
}

static int put_reply(strbuf *sb, const synth_out_post *p, uint64_t user,
                     const char *screen)
{
    if (p->reply_to == 0)
        return 0;
    return strbuf_printf(sb,
                         "      \"in_reply_to_status_id_str\" : \"%" PRIu64
                         "\",\n      \"in_reply_to_user_id\" : \"%" PRIu64
                         "\",\n      \"in_reply_to_status_id\" : \"%" PRIu64
                         "\",\n      \"in_reply_to_screen_name\" : \"%s\",\n"
                         "      \"in_reply_to_user_id_str\" : \"%" PRIu64
                         "\",\n", p->reply_to, user, p->reply_to, screen,
                         user);
}

int sink_x_record(synth_sink *s, const synth_out_post *p)
{
    strbuf *sb = &s->rec;
    char created[64], until[64];
    strbuf text = STRBUF_INIT(1u << 20);
    int error;

    fmt_x_time(created, sizeof(created), p->at);
    fmt_iso_time(until, sizeof(until), p->at + 3600);
    memcpy(until + 19, ".000Z", 6);
    if ((error = html_put_escaped(&text, p->text, p->len)) < 0 ||
        (error = strbuf_printf(sb,
             "  {\n    \"tweet\" : {\n      \"edit_info\" : {\n"
             "        \"initial\" : {\n          \"editTweetIds\" : [\n"
             "            \"%" PRIu64 "\"\n          ],\n"
             "          \"editableUntil\" : \"%s\",\n"
             "          \"editsRemaining\" : \"5\",\n"
             "          \"isEditEligible\" : false\n        }\n      },\n"
             "      \"retweeted\" : false,\n"
             "      \"source\" : \"<a href=\\\"https://mobile.twitter.com\\\" "
             "rel=\\\"nofollow\\\">Twitter Web App</a>\",\n"
             "      \"entities\" : {\n", p->id, until)) < 0 ||
        (error = put_hashtags(sb, p)) < 0 ||
        (error = strbuf_puts(sb, "        \"symbols\" : [ ],\n")) < 0 ||
        (error = put_mentions(sb, p)) < 0 ||
        (error = strbuf_printf(sb,
             "        \"urls\" : [ ]\n      },\n"
             "      \"display_text_range\" : [\n        \"0\",\n"
             "        \"%zu\"\n      ],\n      \"favorite_count\" : \"0\",\n",
             utf8_count(p->text, p->len))) < 0)
        goto done;
    if (p->reply_handle)
        error = put_reply(sb, p, p->reply_user, p->reply_handle);
    if (error < 0 ||
        (error = strbuf_printf(sb,
             "      \"id_str\" : \"%" PRIu64 "\",\n"
             "      \"truncated\" : false,\n      \"retweet_count\" : \"0\",\n"
             "      \"id\" : \"%" PRIu64 "\",\n"
             "      \"created_at\" : \"%s\",\n      \"favorited\" : false,\n"
             "      \"full_text\" : ", p->id, p->id, created)) < 0 ||
        (error = json_put_string(sb, strbuf_str(&text), text.len)) < 0 ||
        (error = strbuf_puts(sb, ",\n      \"lang\" : \"en\"\n    }\n  }")) < 0)
        goto done;
done:
    strbuf_dispose(&text);
    return error;
}

static int small_files(struct archive *a, const synth_sink *s,
                       const synth_account *ac, int64_t mt)
{
    strbuf sb = STRBUF_INIT(1u << 20);
    char created[64];
    int error;

    fmt_iso_time(created, sizeof(created), ac->created);
    memcpy(created + 19, ".000Z", 6);
    if ((error = strbuf_printf(&sb,
             "window.__THAR_CONFIG = {\n  \"userInfo\" : {\n"
             "    \"accountId\" : \"%" PRIu64 "\",\n    \"userName\" : \"%s\",\n"
             "    \"displayName\" : ", ac->account_id, ac->handle)) < 0 ||
        (error = json_put_string(&sb, ac->display_name,
                                 strlen(ac->display_name))) < 0 ||
        (error = strbuf_printf(&sb,
             "\n  },\n  \"dataTypes\" : {\n    \"account\" : {\n"
             "      \"files\" : [ {\n        \"fileName\" : \"data/account.js\",\n"
             "        \"globalName\" : \"YTD.account.part0\",\n"
             "        \"count\" : \"1\"\n      } ]\n    },\n"
             "    \"profile\" : {\n      \"files\" : [ {\n"
             "        \"fileName\" : \"data/profile.js\",\n"
             "        \"globalName\" : \"YTD.profile.part0\",\n"
             "        \"count\" : \"1\"\n      } ]\n    },\n"
             "    \"tweets\" : {\n      \"files\" : [ {\n"
             "        \"fileName\" : \"data/tweets.js\",\n"
             "        \"globalName\" : \"YTD.tweets.part0\",\n"
             "        \"count\" : \"%zu\"\n      } ]\n    }\n  }\n}",
             s->spool.n)) < 0 ||
        (error = member_write(a, "data/manifest.js", mt, 0644,
                              strbuf_str(&sb), sb.len)) < 0)
        goto done;
    strbuf_clear(&sb);
    if ((error = strbuf_printf(&sb,
             "window.YTD.account.part0 = [\n  {\n    \"account\" : {\n"
             "      \"email\" : \"%s\",\n      \"createdVia\" : \"web\",\n"
             "      \"username\" : \"%s\",\n      \"accountId\" : \"%" PRIu64
             "\",\n      \"createdAt\" : \"%s\",\n"
             "      \"accountDisplayName\" : ", ac->email, ac->handle,
             ac->account_id, created)) < 0 ||
        (error = json_put_string(&sb, ac->display_name,
                                 strlen(ac->display_name))) < 0 ||
        (error = strbuf_puts(&sb, "\n    }\n  }\n]")) < 0 ||
        (error = member_write(a, "data/account.js", mt, 0644,
                              strbuf_str(&sb), sb.len)) < 0)
        goto done;
    strbuf_clear(&sb);
    if ((error = strbuf_puts(&sb,
             "window.YTD.profile.part0 = [\n  {\n    \"profile\" : {\n"
             "      \"description\" : {\n        \"bio\" : ")) < 0 ||
        (error = json_put_string(&sb, ac->bio, strlen(ac->bio))) < 0 ||
        (error = strbuf_puts(&sb, ",\n        \"website\" : \"\",\n"
                                  "        \"location\" : ")) < 0 ||
        (error = json_put_string(&sb, ac->location,
                                 strlen(ac->location))) < 0 ||
        (error = strbuf_puts(&sb, "\n      }\n    }\n  }\n]")) < 0 ||
        (error = member_write(a, "data/profile.js", mt, 0644,
                              strbuf_str(&sb), sb.len)) < 0)
        goto done;
done:
    strbuf_dispose(&sb);
    return error;
}

int sink_x_write(synth_sink *s, const char *path, const synth_account *ac)
{
    struct archive *a = archive_write_new();
    int64_t mt = ac->generated;
    int error = 0;

    if (a == NULL)
        return mosaic__error_oom();
    if (archive_write_set_format_zip(a) != ARCHIVE_OK ||
        (archive_write_set_format_option(a, "zip", "compression-level", "1"),
         archive_write_open_filename(a, path)) != ARCHIVE_OK) {
        error = mosaic__error_set(MOSAIC_ERROR, "%s: %s", path,
                                  archive_error_string(a));
        goto done;
    }
    if ((error = small_files(a, s, ac, mt)) < 0 ||
        (error = member_write_spool(a, "data/tweets.js", mt, 0644,
                                    "window.YTD.tweets.part0 = [\n",
                                    &s->spool, ",\n", 1, "\n]")) < 0)
        goto done;
    if (archive_write_close(a) != ARCHIVE_OK)
        error = mosaic__error_set(MOSAIC_ERROR, "%s: %s", path,
                                  archive_error_string(a));
done:
    archive_write_free(a);
    return error;
}
