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
    /* 1 -> 2: what extraction found, so a check need not re-extract */
    "CREATE TABLE analysed ("
    "  post_id INTEGER PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,"
    "  extractor TEXT NOT NULL,"
    "  client_cue INTEGER NOT NULL,"
    "  back_reference INTEGER NOT NULL,"
    "  session_timing INTEGER NOT NULL"
    ");"
    "CREATE TABLE mentions ("
    "  post_id INTEGER NOT NULL REFERENCES analysed (post_id)"
    "    ON DELETE CASCADE,"
    "  category TEXT NOT NULL, value TEXT, text TEXT NOT NULL,"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL,"
    "  byte_start INTEGER NOT NULL, byte_end INTEGER NOT NULL,"
    "  age_low INTEGER NOT NULL DEFAULT 0, age_high INTEGER NOT NULL DEFAULT 0,"
    "  about INTEGER NOT NULL"
    ");"
    "CREATE INDEX mentions_by_post ON mentions (post_id);"
    /* a post whose text changes is analysed again */
    "CREATE TRIGGER posts_text_changed AFTER UPDATE OF text ON posts "
    "BEGIN DELETE FROM analysed WHERE post_id = NEW.id; END;",
    /* 2 -> 3: the practice setting (`mosaic profile set`) */
    "CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);",
    /* 3 -> 4: the clusters a scan found and what was analysed, so that a
     * check reads only the mentions its draft could link to */
    "ALTER TABLE analysed ADD COLUMN cluster INTEGER;"
    "CREATE INDEX analysed_by_cluster ON analysed (cluster);"
    "CREATE INDEX mentions_by_value ON mentions (category, value);"
    "CREATE TABLE analysis_state (extractor TEXT NOT NULL,"
    "  max_post_id INTEGER NOT NULL);"
    "CREATE TRIGGER posts_text_changed_state AFTER UPDATE OF text ON posts "
    "BEGIN DELETE FROM analysis_state; END;",
    /* 4 -> 5: how many posts were stored when the analysis was done (a
     * count of a large history costs a check more than its judging);
     * each cluster's values, each with the latest post that said it, so
     * a check reads a client's profile, not every post of a long
     * therapy (clusters from before are forgotten until the next scan) */
    "ALTER TABLE analysis_state ADD COLUMN posts INTEGER;"
    /* (no foreign key: each scan rewrites the table, and a post analysed
     * again since is read as it now is) */
    "CREATE TABLE cluster_values (cluster INTEGER NOT NULL,"
    "  category TEXT NOT NULL, value TEXT NOT NULL,"
    "  post_id INTEGER NOT NULL,"
    "  PRIMARY KEY (cluster, category, value)) WITHOUT ROWID;"
    "UPDATE analysed SET cluster = NULL;",
};

#define STORE_SCHEMA_VERSION \
    ((int)(sizeof(store_migrations) / sizeof(store_migrations[0])))

#endif
