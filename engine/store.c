/*
 * store.c -- the history store: one SQLite file (WAL, foreign keys,
 * secure_delete), created 0600 in a 0700 folder, migrated in place.
 * SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "store.h"
#include "store_schema.h"

#define STORE_BUSY_MS 30000 /* a scan's import may hold the write lock */

int store_error(mosaic_store *store, const char *what)
{
    int code = sqlite3_errcode(store->db);
    int rc = code == SQLITE_BUSY || code == SQLITE_LOCKED ? MOSAIC_EBUSY
             : code == SQLITE_NOTADB                      ? MOSAIC_EFORMAT
             : code == SQLITE_FULL || code == SQLITE_IOERR ||
                     code == SQLITE_READONLY || code == SQLITE_CANTOPEN
                 ? MOSAIC_EIO
                 : MOSAIC_ERROR;

    return mosaic__error_set(rc, "%s: %s: %s", store->path, what,
                             sqlite3_errmsg(store->db));
}

int mosaic_store_schema_version(void)
{
    return STORE_SCHEMA_VERSION;
}

const char *mosaic_store_path(const mosaic_store *store)
{
    return store->path;
}

int mosaic_store_default_path(char **out)
{
    const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
    const char *tail = "/mosaic/history.db";
    char *p;

    *out = NULL;
    if (xdg && xdg[0] == '/') {
        if ((p = malloc(strlen(xdg) + strlen(tail) + 1)) == NULL)
            return mosaic__error_oom();
        sprintf(p, "%s%s", xdg, tail);
    } else if (home && home[0]) {
        if ((p = malloc(strlen(home) + strlen(tail) + 16)) == NULL)
            return mosaic__error_oom();
        sprintf(p, "%s/.local/share%s", home, tail);
    } else {
        return mosaic__error_set(MOSAIC_ENOTFOUND,
                                 "no store path: set HOME or XDG_DATA_HOME, "
                                 "or give --db PATH");
    }
    *out = p;
    return 0;
}

/* mkdir -p for the default path's folders; new folders are 0700. */
static int store_make_folders(const char *path)
{
    char *dir = strdup(path), *p;

    if (dir == NULL)
        return mosaic__error_oom();
    for (p = dir + 1; (p = strchr(p, '/')) != NULL; p++) {
        *p = '\0';
        if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
            int rc = mosaic__error_set(MOSAIC_EIO, "%s: cannot create: %s",
                                       dir, strerror(errno));
            free(dir);
            return rc;
        }
        *p = '/';
    }
    free(dir);
    return 0;
}

/* Create the file 0600 if missing; *created says whether it did. */
static int store_create_file(const char *path, int *created)
{
    char *copy = strdup(path);
    struct stat st;
    int fd, rc = 0;

    *created = 0;
    if (copy == NULL)
        return mosaic__error_oom();
    if (stat(dirname(copy), &st) < 0 || !S_ISDIR(st.st_mode)) {
        rc = mosaic__error_set(MOSAIC_ENOTFOUND,
                               "%s: the folder does not exist", path);
        goto done;
    }
    fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
        *created = 1;
        if (fchmod(fd, 0600) < 0)
            rc = mosaic__error_set(MOSAIC_EIO, "%s: %s", path,
                                   strerror(errno));
        close(fd);
    } else if (errno != EEXIST) {
        rc = mosaic__error_set(MOSAIC_EIO, "%s: cannot create the store: %s",
                               path, strerror(errno));
    } else if (stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
               (st.st_mode & 077) != 0 && st.st_uid == geteuid()) {
        (void)chmod(path, 0600); /* tighten a store others could read */
    }
done:
    free(copy);
    return rc;
}

int store_exec(mosaic_store *store, const char *sql, const char *what)
{
    if (sqlite3_exec(store->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return store_error(store, what);
    return 0;
}

/* The schema version stored, 0 for an empty file; EFORMAT for a SQLite
 * file that is not a mosaic store. */
static int store_read_version(mosaic_store *store, int *version)
{
    sqlite3_stmt *st = NULL;
    int rc, tables = 0, has_version = 0;

    *version = 0;
    rc = sqlite3_prepare_v2(store->db,
                            "SELECT name FROM sqlite_schema WHERE type='table'",
                            -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_error(store, "not a mosaic store");
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tables++;
        if (strcmp((const char *)sqlite3_column_text(st, 0),
                   "schema_version") == 0)
            has_version = 1;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return store_error(store, "not a mosaic store");
    if (tables > 0 && !has_version)
        return mosaic__error_set(MOSAIC_EFORMAT,
                                 "%s: not a mosaic store (a SQLite file "
                                 "with other tables)", store->path);
    if (!has_version)
        return 0;
    if (sqlite3_prepare_v2(store->db,
                           "SELECT max(version) FROM schema_version", -1, &st,
                           NULL) != SQLITE_OK)
        return store_error(store, "reading the schema version");
    if (sqlite3_step(st) == SQLITE_ROW)
        *version = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return 0;
}

static int store_too_new(mosaic_store *store, int version)
{
    return mosaic__error_set(MOSAIC_EVERSION,
                             "%s: written by a newer mosaic (schema %d; "
                             "this one reads up to %d)",
                             store->path, version, STORE_SCHEMA_VERSION);
}

static int store_migrate(mosaic_store *store)
{
    int version, rc;
    char sql[128];

    if ((rc = store_exec(store, "BEGIN IMMEDIATE", "locking")) < 0)
        return rc;
    if ((rc = store_read_version(store, &version)) < 0)
        goto fail;
    if (version > STORE_SCHEMA_VERSION) {
        rc = store_too_new(store, version);
        goto fail;
    }
    if (version == 0 &&
        (rc = store_exec(store, "CREATE TABLE schema_version (version "
                                "INTEGER NOT NULL, migrated_at TEXT NOT NULL)",
                         "creating the schema")) < 0)
        goto fail;
    for (; version < STORE_SCHEMA_VERSION; version++) {
        if ((rc = store_exec(store, store_migrations[version],
                             "migrating the schema")) < 0)
            goto fail;
        snprintf(sql, sizeof(sql),
                 "INSERT INTO schema_version VALUES (%d, "
                 "strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ'))", version + 1);
        if ((rc = store_exec(store, sql, "migrating the schema")) < 0)
            goto fail;
    }
    return store_exec(store, "COMMIT", "migrating the schema");
fail:
    sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

static int store_configure(mosaic_store *store)
{
    int rc, version;

    sqlite3_busy_timeout(store->db, STORE_BUSY_MS);
    /* refuse a foreign or newer file before anything writes to it */
    if ((rc = store_read_version(store, &version)) < 0)
        return rc;
    if (version > STORE_SCHEMA_VERSION)
        return store_too_new(store, version);
    /* a new store's pages: 16 KiB (SQLite's 4 KiB made a large import
     * write and checkpoint four times as many WAL frames); an existing
     * store keeps its own */
    if ((rc = store_exec(store, "PRAGMA page_size=16384", "opening")) < 0 ||
        (rc = store_exec(store, "PRAGMA journal_mode=WAL", "opening")) < 0 ||
        (rc = store_exec(store, "PRAGMA foreign_keys=ON", "opening")) < 0 ||
        (rc = store_exec(store, "PRAGMA secure_delete=ON", "opening")) < 0 ||
        (rc = store_exec(store, "PRAGMA synchronous=NORMAL", "opening")) < 0 ||
        /* up to 64 MiB of pages: a large import's transaction is not
         * spilled to the WAL and read back page by page */
        (rc = store_exec(store, "PRAGMA cache_size=-65536", "opening")) < 0 ||
        /* reads map the file instead of copying it page by page: a
         * check touches scattered pages of a large history */
        (rc = store_exec(store, "PRAGMA mmap_size=268435456", "opening")) < 0)
        return rc;
    /* a current store needs no write lock to open (a check during a
     * scan's transaction does not wait here) */
    return version == STORE_SCHEMA_VERSION ? 0 : store_migrate(store);
}

int mosaic_store_open(mosaic_store **out, const char *path)
{
    mosaic_store *store = NULL;
    char *default_path = NULL;
    int rc, created = 0;

    *out = NULL;
    if (path == NULL) {
        if ((rc = mosaic_store_default_path(&default_path)) < 0 ||
            (rc = store_make_folders(default_path)) < 0)
            goto done;
        path = default_path;
    }
    if ((rc = store_create_file(path, &created)) < 0)
        goto done;
    if ((store = calloc(1, sizeof(*store))) == NULL ||
        (store->path = strdup(path)) == NULL) {
        rc = mosaic__error_oom();
        goto done;
    }
    if (sqlite3_open_v2(path, &store->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                        NULL) != SQLITE_OK) {
        rc = store_error(store, "cannot open");
        goto done;
    }
    if ((rc = store_configure(store)) < 0)
        goto done;
    *out = store;
    store = NULL;
done:
    mosaic_store_close(store);
    if (rc < 0 && created)
        unlink(path); /* leave nothing behind from a failed first open */
    free(default_path);
    return rc;
}

void mosaic_store_close(mosaic_store *store)
{
    if (store == NULL)
        return;
    sqlite3_finalize(store->insert_post);
    sqlite3_finalize(store->update_post);
    sqlite3_finalize(store->insert_analysed);
    sqlite3_finalize(store->delete_analysed);
    sqlite3_finalize(store->insert_mention);
    sqlite3_finalize(store->select_text);
    sqlite3_finalize(store->set_cluster);
    sqlite3_finalize(store->keep_value);
    sqlite3_close(store->db);
    free(store->deferred_index);
    free(store->path);
    free(store);
}

int store_begin(mosaic_store *store)
{
    return store_exec(store, "BEGIN IMMEDIATE", "starting an import");
}

int store_commit(mosaic_store *store)
{
    return store_exec(store, "COMMIT", "committing");
}

void store_rollback(mosaic_store *store)
{
    sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
}

int mosaic_store_forget(mosaic_store *store)
{
    int rc;

    if ((rc = store_begin(store)) < 0)
        return rc;
    if ((rc = store_exec(store, "DELETE FROM cluster_values; "
                         "DELETE FROM mentions; DELETE FROM analysed; "
                         "DELETE FROM settings; DELETE FROM analysis_state; "
                         "DELETE FROM posts; DELETE FROM profiles",
                         "erasing")) < 0) {
        store_rollback(store);
        return rc;
    }
    if ((rc = store_commit(store)) < 0)
        return rc;
    if ((rc = store_exec(store, "VACUUM", "vacuuming")) < 0)
        return rc;
    return store_exec(store, "PRAGMA wal_checkpoint(TRUNCATE)",
                      "checkpointing");
}
