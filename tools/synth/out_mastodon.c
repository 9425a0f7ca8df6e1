/*
 * out_mastodon.c -- a Mastodon account archive in the tar.gz shape
 * (Mastodon <= 4.0): outbox.json, an ActivityStreams OrderedCollection
 * of Create activities with HTML content, oldest first; likes.json,
 * bookmarks.json and, last, actor.json with the practice location in a
 * profile field.  See shared/formats/mastodon.md.
 * SPDX-License-Identifier: MIT
 */
#include <archive.h>
#include <ctype.h>
#include <inttypes.h>
#include <string.h>

#include "error.h"
#include "sink.h"

#define HOST "social.example"
#define PEER_HOST "therapists.example"
#define PUBLIC "https://www.w3.org/ns/activitystreams#Public"
#define MAX_TAGS 32

static const char context[] =
    "[\"https://www.w3.org/ns/activitystreams\","
    "\"https://w3id.org/security/v1\",{\"manuallyApprovesFollowers\":"
    "\"as:manuallyApprovesFollowers\",\"sensitive\":\"as:sensitive\","
    "\"Hashtag\":\"as:Hashtag\",\"toot\":\"http://joinmastodon.org/ns#\","
    "\"Emoji\":\"toot:Emoji\",\"schema\":\"http://schema.org#\","
    "\"PropertyValue\":\"schema:PropertyValue\",\"value\":\"schema:value\","
    "\"ostatus\":\"http://ostatus.org#\",\"atomUri\":\"ostatus:atomUri\","
    "\"inReplyToAtomUri\":\"ostatus:inReplyToAtomUri\",\"conversation\":"
    "\"ostatus:conversation\",\"blurhash\":\"toot:blurhash\","
    "\"discoverable\":\"toot:discoverable\"}]";

/* Rails' html_escape: & < > " ' */
static int put_html_text(strbuf *sb, const char *s, size_t len)
{
    size_t run = 0;
    int error = 0;

    for (size_t i = 0; i < len && error == 0; i++) {
        const char *e = NULL;

        switch (s[i]) {
        case '&': e = "&amp;"; break;
        case '<': e = "&lt;"; break;
        case '>': e = "&gt;"; break;
        case '"': e = "&quot;"; break;
        case '\'': e = "&#39;"; break;
        case '\n': e = i + 1 < len && s[i + 1] == '\n' ? "</p><p>"
                                                       : "<br />"; break;
        default: continue;
        }
        if ((error = strbuf_put(sb, s + run, i - run)) == 0)
            error = strbuf_puts(sb, e);
        if (e[1] == '/' && e[2] == 'p')
            i++; /* the paragraph break ate both newlines */
        run = i + 1;
    }
    return error < 0 ? error : strbuf_put(sb, s + run, len - run);
}

static int put_lower(strbuf *sb, const char *s, size_t len)
{
    int error = 0;

    for (size_t i = 0; i < len && error == 0; i++)
        error = strbuf_putc(sb, (char)tolower((unsigned char)s[i]));
    return error;
}

/* The post as Mastodon renders it: paragraphs, a mention, hashtag links. */
static int put_content(strbuf *sb, const synth_out_post *p)
{
    sink_tag tags[MAX_TAGS];
    size_t n = sink_hashtags(p->text, p->len, tags, MAX_TAGS), at = 0;
    int error = strbuf_puts(sb, "<p>");

    if (error == 0 && p->mention) {
        size_t hl = strlen(p->reply_handle);
        error = strbuf_printf(sb,
                              "<span class=\"h-card\" translate=\"no\"><a "
                              "href=\"https://" PEER_HOST "/@%s\" class=\"u-url "
                              "mention\">@<span>%s</span></a></span>",
                              p->reply_handle, p->reply_handle);
        at = hl + 1 < p->len ? hl + 1 : p->len;
    }
    for (size_t i = 0; i < n && error == 0; i++) {
        const char *t = p->text + tags[i].start + 1;
        size_t tl = tags[i].end - tags[i].start - 1;

        if (tags[i].start < at)
            continue;
        if ((error = put_html_text(sb, p->text + at, tags[i].start - at)) <
                0 ||
            (error = strbuf_puts(sb, "<a href=\"https://" HOST "/tags/")) < 0 ||
            (error = put_lower(sb, t, tl)) < 0 ||
            (error = strbuf_puts(sb, "\" class=\"mention hashtag\" "
                                     "rel=\"tag\">#<span>")) < 0 ||
            (error = strbuf_put(sb, t, tl)) < 0 ||
            (error = strbuf_puts(sb, "</span></a>")) < 0)
            break;
        at = tags[i].end;
    }
    if (error == 0)
        error = put_html_text(sb, p->text + at, p->len - at);
    return error < 0 ? error : strbuf_puts(sb, "</p>");
}

static int put_tags(strbuf *sb, const synth_out_post *p)
{
    sink_tag tags[MAX_TAGS];
    size_t n = sink_hashtags(p->text, p->len, tags, MAX_TAGS);
    int error = strbuf_puts(sb, "\"tag\":[");

    if (error == 0 && p->mention)
        error = strbuf_printf(sb,
                              "{\"type\":\"Mention\",\"href\":\"https://"
                              PEER_HOST "/users/%s\",\"name\":\"@%s@"
                              PEER_HOST "\"}%s", p->reply_handle,
                              p->reply_handle, n ? "," : "");
    for (size_t i = 0; i < n && error == 0; i++) {
        const char *t = p->text + tags[i].start + 1;
        size_t tl = tags[i].end - tags[i].start - 1;

        if ((error = strbuf_puts(sb, "{\"type\":\"Hashtag\",\"href\":"
                                     "\"https://" HOST "/tags/")) < 0 ||
            (error = put_lower(sb, t, tl)) < 0 ||
            (error = strbuf_puts(sb, "\",\"name\":\"#")) < 0 ||
            (error = put_lower(sb, t, tl)) < 0)
            break;
        error = strbuf_puts(sb, i + 1 < n ? "\"}," : "\"}");
    }
    return error < 0 ? error : strbuf_puts(sb, "],");
}

static int put_reply_to(strbuf *sb, const synth_out_post *p, const char *me,
                        const char *key)
{
    if (p->reply_to == 0)
        return strbuf_printf(sb, "\"%s\":null,", key);
    if (p->mention)
        return strbuf_printf(sb,
                             "\"%s\":\"https://" PEER_HOST "/users/%s/"
                             "statuses/%" PRIu64 "\",", key, p->reply_handle,
                             p->reply_to);
    return strbuf_printf(sb,
                         "\"%s\":\"https://" HOST "/users/%s/statuses/%" PRIu64
                         "\",", key, me, p->reply_to);
}

int sink_mastodon_record(synth_sink *s, const synth_out_post *p)
{
    strbuf *sb = &s->rec;
    strbuf html = STRBUF_INIT(1u << 20);
    char when[32], cc[256];
    int error;

    fmt_iso_time(when, sizeof(when), p->at);
    snprintf(cc, sizeof(cc), "\"https://" HOST "/users/%s/followers\"%s%s%s",
             s->me, p->mention ? ",\"https://" PEER_HOST "/users/" : "",
             p->mention ? p->reply_handle : "", p->mention ? "\"" : "");
    if ((error = put_content(&html, p)) < 0 ||
        (error = strbuf_printf(sb,
             "{\"id\":\"https://" HOST "/users/%s/statuses/%" PRIu64
             "/activity\",\"type\":\"Create\",\"actor\":\"https://" HOST
             "/users/%s\",\"published\":\"%s\",\"to\":[\"" PUBLIC "\"],"
             "\"cc\":[%s],\"object\":{\"id\":\"https://" HOST "/users/%s/"
             "statuses/%" PRIu64 "\",\"type\":\"Note\",\"summary\":null,",
             s->me, p->id, s->me, when, cc, s->me, p->id)) < 0 ||
        (error = put_reply_to(sb, p, s->me, "inReplyTo")) < 0 ||
        (error = strbuf_printf(sb,
             "\"published\":\"%s\",\"url\":\"https://" HOST "/@%s/%" PRIu64
             "\",\"attributedTo\":\"https://" HOST "/users/%s\",\"to\":[\""
             PUBLIC "\"],\"cc\":[%s],\"sensitive\":false,\"atomUri\":"
             "\"https://" HOST "/users/%s/statuses/%" PRIu64 "\",",
             when, s->me, p->id, s->me, cc, s->me, p->id)) < 0 ||
        (error = put_reply_to(sb, p, s->me, "inReplyToAtomUri")) < 0 ||
        (error = strbuf_printf(sb,
             "\"conversation\":\"tag:" HOST ",%.10s:objectId=%" PRIu64
             ":objectType=Conversation\",\"content\":", when,
             (p->id >> 16) % 100000000)) < 0 ||
        (error = json_put_string(sb, strbuf_str(&html), html.len)) < 0 ||
        (error = strbuf_puts(sb, ",\"contentMap\":{\"en\":")) < 0 ||
        (error = json_put_string(sb, strbuf_str(&html), html.len)) < 0 ||
        (error = strbuf_puts(sb, "},\"attachment\":[],")) < 0 ||
        (error = put_tags(sb, p)) < 0 ||
        (error = strbuf_printf(sb,
             "\"replies\":{\"id\":\"https://" HOST "/users/%s/statuses/%"
             PRIu64 "/replies\",\"type\":\"Collection\",\"first\":{\"type\":"
             "\"CollectionPage\",\"partOf\":\"https://" HOST "/users/%s/"
             "statuses/%" PRIu64 "/replies\",\"items\":[]}}}}", s->me, p->id,
             s->me, p->id)) < 0)
        goto done;
done:
    strbuf_dispose(&html);
    return error;
}

static int put_actor(strbuf *sb, const synth_sink *s, const synth_account *ac)
{
    char created[32];
    int error;

    fmt_iso_time(created, sizeof(created), ac->created);
    if ((error = strbuf_printf(sb,
             "{\"@context\":%s,\"id\":\"https://" HOST "/users/%s\","
             "\"type\":\"Person\",\"following\":\"https://" HOST "/users/%s/"
             "following\",\"followers\":\"https://" HOST "/users/%s/followers"
             "\",\"inbox\":\"https://" HOST "/users/%s/inbox\",\"outbox\":"
             "\"outbox.json\",\"preferredUsername\":\"%s\",\"name\":",
             context, s->me, s->me, s->me, s->me, s->me)) < 0 ||
        (error = json_put_string(sb, ac->display_name,
                                 strlen(ac->display_name))) < 0 ||
        (error = strbuf_puts(sb, ",\"summary\":\"<p>")) < 0 ||
        (error = put_html_text(sb, ac->bio, strlen(ac->bio))) < 0 ||
        (error = strbuf_printf(sb,
             "</p>\",\"url\":\"https://" HOST "/@%s\",\"manuallyApproves"
             "Followers\":false,\"discoverable\":true,\"published\":\"%s\","
             "\"tag\":[],\"attachment\":[{\"type\":\"PropertyValue\","
             "\"name\":\"Location\",\"value\":", s->me, created)) < 0 ||
        (error = json_put_string(sb, ac->location, strlen(ac->location))) <
            0 ||
        (error = strbuf_puts(sb, "}],\"icon\":null,\"likes\":\"likes.json\","
                                 "\"bookmarks\":\"bookmarks.json\"}")) < 0)
        return error;
    return 0;
}

static int small_member(struct archive *a, const char *name, int64_t mt,
                        const char *what)
{
    char buf[256];

    snprintf(buf, sizeof(buf),
             "{\"@context\":\"https://www.w3.org/ns/activitystreams\","
             "\"id\":\"%s\",\"type\":\"OrderedCollection\",\"totalItems\":0,"
             "\"orderedItems\":[]}", what);
    return member_write(a, name, mt, 0444, buf, strlen(buf));
}

int sink_mastodon_write(synth_sink *s, const char *path,
                        const synth_account *ac)
{
    struct archive *a = archive_write_new();
    strbuf sb = STRBUF_INIT(1u << 20);
    char head[2048];
    int64_t mt = ac->generated;
    int error = 0;

    if (a == NULL)
        return mosaic__error_oom();
    if (archive_write_set_format_ustar(a) != ARCHIVE_OK ||
        archive_write_add_filter_gzip(a) != ARCHIVE_OK ||
        (archive_write_set_filter_option(a, "gzip", "compression-level",
                                         "1"),
         archive_write_set_filter_option(a, "gzip", "timestamp", NULL),
         archive_write_open_filename(a, path)) != ARCHIVE_OK) {
        error = mosaic__error_set(MOSAIC_ERROR, "%s: %s", path,
                                  archive_error_string(a));
        goto done;
    }
    snprintf(head, sizeof(head),
             "{\"@context\":%s,\"id\":\"outbox.json\",\"type\":"
             "\"OrderedCollection\",\"totalItems\":%zu,\"orderedItems\":[",
             context, s->spool.n);
    if ((error = member_write_spool(a, "outbox.json", mt, 0444, head,
                                    &s->spool, ",", 0, "]}")) < 0 ||
        (error = small_member(a, "likes.json", mt, "likes.json")) < 0 ||
        (error = small_member(a, "bookmarks.json", mt, "bookmarks.json")) <
            0 ||
        (error = put_actor(&sb, s, ac)) < 0 ||
        (error = member_write(a, "actor.json", mt, 0444, strbuf_str(&sb),
                              sb.len)) < 0)
        goto done;
    if (archive_write_close(a) != ARCHIVE_OK)
        error = mosaic__error_set(MOSAIC_ERROR, "%s: %s", path,
                                  archive_error_string(a));
done:
    strbuf_dispose(&sb);
    archive_write_free(a);
    return error;
}
