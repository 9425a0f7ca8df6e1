/*
 * import_meta_messages.c -- Messenger-style message threads
 * (".../messages/inbox/<thread>/message_N.json"), the same shape in the
 * Facebook and Instagram exports: names, not ids; milliseconds.
 * SPDX-License-Identifier: MIT
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "import_meta.h"
#include "text.h"

struct thread_ctx {
    import_sink *sink;
    const char *platform, *key_prefix, *owner;
    char thread[256];
};

/* "<prefix>:<thread>:<ms>:<hash of sender and text>": two messages in
 * the same millisecond stay apart, a repeated part-zip does not. */
static void message_key(char out[META_KEY_MAX], const struct thread_ctx *t,
                        json_int_t ms, const char *sender, const char *text)
{
    uint64_t h = text_hash64(sender, strlen(sender) + 1, 0);

    h = text_hash64(text, strlen(text), h);
    snprintf(out, META_KEY_MAX, "%s:%s:%" JSON_INTEGER_FORMAT ":%08" PRIx64,
             t->key_prefix, t->thread, ms, h >> 32);
}

static int thread_message(json_t *msg, const char *where, void *ctx)
{
    struct thread_ctx *t = ctx;
    mosaic_post p = {0};
    const char *sender, *text;
    char key[META_KEY_MAX], when[TIME_ISO_LEN];
    int64_t seconds;
    int rc;

    if ((rc = meta_need_object(msg, where)) < 0 ||
        (rc = meta_string(msg, "sender_name", &sender, where)) < 0 ||
        (rc = meta_string(msg, "content", &text, where)) < 0 ||
        (rc = meta_seconds(msg, "timestamp_ms", 1, &seconds, where)) < 0)
        return rc;
    if (rc == 0)
        return mosaic__error_set(MOSAIC_EFORMAT, "%s: no \"timestamp_ms\"",
                                 where);
    if (text == NULL || text[0] == '\0') {
        sink_skip(t->sink); /* a photo, a sticker, an unsent message */
        return 0;
    }
    if (sender == NULL)
        sender = "";
    message_key(key, t,
                json_integer_value(json_object_get(msg, "timestamp_ms")),
                sender, text);
    time_format(seconds, when);
    p.platform = t->platform;
    p.native_id = key;
    p.created_at = when;
    p.own = t->owner != NULL && strcmp(sender, t->owner) == 0;
    p.kind = "dm";
    p.visibility = "direct";
    p.text = text;
    return sink_post(t->sink, &p, where);
}

int meta_read_thread(instream *in, const char *member, const char *platform,
                     const char *key_prefix, const char *owner,
                     import_sink *sink)
{
    struct thread_ctx t = {sink, platform, key_prefix, owner, ""};
    const char *base = meta_basename(member), *start = base;

    /* The thread's folder name: "<name>_<id>" before "/message_N.json". */
    if (start > member) {
        start--;
        while (start > member && start[-1] != '/')
            start--;
    }
    snprintf(t.thread, sizeof(t.thread), "%.*s",
             (int)(base > start ? base - 1 - start : 0), start);
    return meta_each_stream(in, "messages", thread_message, &t);
}
