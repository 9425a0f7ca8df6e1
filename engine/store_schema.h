/*
 * store_schema.h -- the store's migrations, oldest first.  Migration i
 * takes the schema from version i to version i + 1.  Never edit a
 * shipped migration: add a new one.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_STORE_SCHEMA_H
#define MOSAIC_STORE_SCHEMA_H

static const char *const store_migrations[] = {
    /* 0 -> 1: posts and profiles */
    "CREATE TABLE posts ("
    "  id INTEGER PRIMARY KEY,"
    "  platform TEXT NOT NULL,"
    "  native_id TEXT NOT NULL,"
    "  created_at TEXT,"
    "  own INTEGER NOT NULL DEFAULT 1,"
    "  kind TEXT NOT NULL DEFAULT 'post',"
    "  visibility TEXT,"
    "  text TEXT,"
    "  reply_to TEXT,"
    "  thread_root TEXT,"
    "  content_warning TEXT,"
    "  alt_texts TEXT,"
    "  place TEXT,"
    "  boost_of TEXT,"
    "  quote_of TEXT,"
    "  edited INTEGER NOT NULL DEFAULT 0,"
    "  deleted INTEGER NOT NULL DEFAULT 0,"
    "  imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ')),"
    "  UNIQUE (platform, native_id)"
    ");"
    "CREATE INDEX posts_by_time ON posts (created_at);"
    "CREATE TABLE profiles ("
    "  platform TEXT PRIMARY KEY,"
    "  handle TEXT, display_name TEXT, bio TEXT, location TEXT, extra TEXT"
    ");",
};

#define STORE_SCHEMA_VERSION \
    ((int)(sizeof(store_migrations) / sizeof(store_migrations[0])))

#endif
