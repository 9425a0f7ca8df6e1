/*
 * store_settings.c -- the practice setting kept in the store.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "store.h"

static const char *const setting_names[] = { "location", "radius_km",
                                             "caseload", "k_min" };

static int known_setting(const char *name)
{
    for (size_t i = 0; i < sizeof(setting_names) / sizeof(*setting_names);
         i++)
        if (name && strcmp(name, setting_names[i]) == 0)
            return 0;
    return mosaic__error_set(MOSAIC_EFORMAT,
                             "'%s' is not a practice setting (location, "
                             "radius_km, caseload, k_min)",
                             name ? name : "");
}

int mosaic_store_set_setting(mosaic_store *store, const char *name,
                             const char *value)
{
    sqlite3_stmt *st = NULL;
    int rc;

    if ((rc = known_setting(name)) < 0)
        return rc;
    if (sqlite3_prepare_v2(store->db,
                           value ? "INSERT OR REPLACE INTO settings VALUES "
                                   "(?1, ?2)"
                                 : "DELETE FROM settings WHERE name = ?1",
                           -1, &st, NULL) != SQLITE_OK)
        return store_error(store, "saving a setting");
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    if (value)
        sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
    rc = sqlite3_step(st) == SQLITE_DONE ? 0
                                         : store_error(store, "saving a setting");
    sqlite3_finalize(st);
    return rc;
}

int mosaic_store_setting(mosaic_store *store, const char *name, char **out)
{
    sqlite3_stmt *st = NULL;
    int rc;

    *out = NULL;
    if ((rc = known_setting(name)) < 0)
        return rc;
    if (sqlite3_prepare_v2(store->db,
                           "SELECT value FROM settings WHERE name = ?1", -1,
                           &st, NULL) != SQLITE_OK)
        return store_error(store, "reading a setting");
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *v = (const char *)sqlite3_column_text(st, 0);
        rc = (*out = strdup(v ? v : "")) ? 0 : mosaic__error_oom();
    } else {
        rc = rc == SQLITE_DONE ? 0 : store_error(store, "reading a setting");
    }
    sqlite3_finalize(st);
    return rc;
}
