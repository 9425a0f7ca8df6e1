/* test_store.c -- the history store: file modes, refusal of foreign and
 * newer files, idempotent posts, forgetting for good, and analyses
 * stored without a statement journal. */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include <sqlite3.h>

#include "mention.h"
#include "mosaic.h"
#include "store.h"

static char dir[] = "/tmp/mosaic-test-store-XXXXXX";
static char path[256];

static int sandbox_up(void **state)
{
    (void)state;
    if (mkdtemp(dir) == NULL)
        return -1;
    snprintf(path, sizeof(path), "%s/history.db", dir);
    return 0;
}

static int sandbox_down(void **state)
{
    char cmd[300];

    (void)state;
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    return system(cmd);
}

static void write_file(const char *p, const char *data)
{
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs(data, f);
    fclose(f);
}

static void test_store_new_file_is_private(void **state)
{
    mosaic_store *s = NULL;
    struct stat st;
    mode_t old = umask(0);

    (void)state;
    unlink(path);
    assert_int_equal(mosaic_store_open(&s, path), 0);
    umask(old);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal(mosaic_store_count_posts(s), 0);
    mosaic_store_close(s);
}

static const struct {
    const char *name;
    const char *sql;      /* run on a fresh SQLite file, or NULL */
    const char *contents; /* or the raw bytes of the file */
    int want;
} refused[] = {
    { "not sqlite", NULL, "this is a text file, not a database\n",
      MOSAIC_EFORMAT },
    { "another app's sqlite", "CREATE TABLE notes (x)", NULL,
      MOSAIC_EFORMAT },
    { "newer schema",
      "CREATE TABLE schema_version (version INTEGER, migrated_at TEXT);"
      "INSERT INTO schema_version VALUES (999, 'x')",
      NULL, MOSAIC_EVERSION },
};

static void test_store_refuses_cases(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
        char p[300], before[4096], after[4096];
        mosaic_store *s = NULL;
        FILE *f;
        size_t nb, na;

        snprintf(p, sizeof(p), "%s/refused-%zu.db", dir, i);
        if (refused[i].contents) {
            write_file(p, refused[i].contents);
        } else {
            sqlite3 *db;
            sqlite3_open(p, &db);
            sqlite3_exec(db, refused[i].sql, NULL, NULL, NULL);
            sqlite3_close(db);
        }
        f = fopen(p, "rb");
        nb = fread(before, 1, sizeof(before), f);
        fclose(f);
        if (mosaic_store_open(&s, p) != refused[i].want)
            fail_msg("%s: opened or wrong code: %s", refused[i].name,
                     mosaic_error_last()->message);
        if (strstr(mosaic_error_last()->message, p) == NULL)
            fail_msg("%s: message does not name the file: %s",
                     refused[i].name, mosaic_error_last()->message);
        f = fopen(p, "rb");
        na = fread(after, 1, sizeof(after), f);
        fclose(f);
        if (na != nb || memcmp(before, after, nb) != 0)
            fail_msg("%s: the file was changed", refused[i].name);
        assert_null(s);
    }
}

static void test_store_missing_folder(void **state)
{
    char p[300];
    mosaic_store *s = NULL;

    (void)state;
    snprintf(p, sizeof(p), "%s/no/such/folder/h.db", dir);
    assert_int_equal(mosaic_store_open(&s, p), MOSAIC_ENOTFOUND);
    assert_non_null(strstr(mosaic_error_last()->message, "folder"));
}

static void test_store_default_path_from_xdg(void **state)
{
    char *p = NULL;

    (void)state;
    setenv("XDG_DATA_HOME", "/x/data", 1);
    assert_int_equal(mosaic_store_default_path(&p), 0);
    assert_string_equal(p, "/x/data/mosaic/history.db");
    free(p);
    unsetenv("XDG_DATA_HOME");
    setenv("HOME", "/home/t", 1);
    assert_int_equal(mosaic_store_default_path(&p), 0);
    assert_string_equal(p, "/home/t/.local/share/mosaic/history.db");
    free(p);
}

static void test_store_posts_are_idempotent(void **state)
{
    mosaic_post p = { 0 };
    mosaic_store *s = NULL;
    int added, updated;

    (void)state;
    assert_int_equal(mosaic_store_open(&s, path), 0);
    p.platform = "x";
    p.native_id = "1";
    p.created_at = "2024-01-01T00:00:00Z";
    p.own = 1;
    p.text = "first words";
    assert_int_equal(store_put_post(s, &p, &added, &updated), 0);
    assert_true(added && !updated);
    assert_int_equal(store_put_post(s, &p, &added, &updated), 0);
    assert_true(!added && !updated);
    p.text = "edited words";
    assert_int_equal(store_put_post(s, &p, &added, &updated), 0);
    assert_true(!added && updated);
    assert_int_equal(mosaic_store_count_posts(s), 1);
    mosaic_store_close(s);
}

static int file_contains(const char *p, const char *needle)
{
    FILE *f = fopen(p, "rb");
    size_t n = strlen(needle), got;
    char *buf = malloc(1 << 22);
    int found = 0;

    got = fread(buf, 1, 1 << 22, f);
    fclose(f);
    for (size_t i = 0; i + n <= got && !found; i++)
        found = memcmp(buf + i, needle, n) == 0;
    free(buf);
    return found;
}

static void test_store_forget_leaves_no_text(void **state)
{
    mosaic_post p = { 0 };
    mosaic_store *s = NULL;
    int added, updated;

    (void)state;
    assert_int_equal(mosaic_store_open(&s, path), 0);
    p.platform = "x";
    p.native_id = "secret";
    p.own = 1;
    p.text = "the farrier from Hebden Bridge";
    assert_int_equal(store_begin(s), 0);
    assert_int_equal(store_put_post(s, &p, &added, &updated), 0);
    assert_int_equal(store_commit(s), 0);
    mosaic_store_close(s);
    assert_int_equal(mosaic_store_open(&s, path), 0);
    assert_int_equal(mosaic_store_forget(s), 0);
    mosaic_store_close(s);
    assert_false(file_contains(path, "farrier from Hebden"));
}

static long long query_int(mosaic_store *s, const char *sql)
{
    sqlite3_stmt *st = NULL;
    long long v = -1;

    assert_int_equal(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL),
                     SQLITE_OK);
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static long long time_index_count(mosaic_store *s)
{
    return query_int(s, "SELECT count(*) FROM sqlite_schema WHERE "
                        "type='index' AND name='posts_by_time'");
}

static void put_numbered(mosaic_store *s, int from, int to)
{
    mosaic_post p = { 0 };
    char id[16];
    int added, updated;

    p.platform = "x";
    p.created_at = "2024-01-01T00:00:00Z";
    p.own = 1;
    p.text = "a day of supervision";
    for (int i = from; i < to; i++) {
        snprintf(id, sizeof(id), "%d", i);
        p.native_id = id;
        assert_int_equal(store_put_post(s, &p, &added, &updated), 0);
    }
}

/* Into an empty history the time index is built at commit: a rolled
 * back import leaves it as it was, a committed one has it, and the page
 * cache comes back to its size either way. */
static void test_store_import_keeps_the_time_index(void **state)
{
    char p2[300];
    mosaic_store *s = NULL;
    long long cache;

    (void)state;
    snprintf(p2, sizeof(p2), "%s/import.db", dir);
    assert_int_equal(mosaic_store_open(&s, p2), 0);
    cache = query_int(s, "PRAGMA cache_size");
    assert_int_equal(store_import_begin(s), 0);
    assert_int_equal(time_index_count(s), 0); /* dropped for the inserts */
    put_numbered(s, 0, 100);
    store_import_rollback(s);
    assert_int_equal(time_index_count(s), 1);
    assert_int_equal(mosaic_store_count_posts(s), 0);
    assert_int_equal(query_int(s, "PRAGMA cache_size"), cache);

    assert_int_equal(store_import_begin(s), 0);
    put_numbered(s, 0, 100);
    assert_int_equal(store_import_commit(s), 0);
    assert_int_equal(time_index_count(s), 1);
    assert_int_equal(query_int(s, "PRAGMA cache_size"), cache);
    assert_int_equal(query_int(s, "SELECT count(*) FROM posts INDEXED BY "
                                  "posts_by_time WHERE created_at > ''"),
                     100);

    /* a history that has posts keeps its index throughout */
    assert_int_equal(store_import_begin(s), 0);
    assert_int_equal(time_index_count(s), 1);
    put_numbered(s, 50, 150);
    assert_int_equal(store_import_commit(s), 0);
    assert_int_equal(mosaic_store_count_posts(s), 150);
    assert_int_equal(query_int(s, "SELECT count(*) FROM "
                                  "pragma_integrity_check WHERE "
                                  "integrity_check = 'ok'"),
                     1);
    mosaic_store_close(s);
}

/* Bytes this process has written so far (Linux: wchar of /proc/self/io,
 * every write call, the page cache included). */
static long long bytes_written(void)
{
    FILE *f = fopen("/proc/self/io", "r");
    char line[128];
    long long n = -1;

    assert_non_null(f);
    while (fgets(line, sizeof(line), f))
        if (sscanf(line, "wchar: %lld", &n) == 1)
            break;
    fclose(f);
    return n;
}

/* Storing a history's analysis writes nothing until the commit: INSERT
 * OR REPLACE kept a statement journal of every page each post's insert
 * changed, written to a temporary file once one statement had spilled
 * (3 GB of writes for 100,000 posts).  Analysing a post again still
 * replaces its mentions. */
static void test_store_analysis_writes_at_commit(void **state)
{
    char p2[300];
    mosaic_store *s = NULL;
    mention_span spans[3] = {
        { "PLACE", "hebden bridge", "Hebden Bridge", 0, 13, 0, 13, 0, 0, 0 },
        { "OCCUPATION", "farrier", "farrier", 20, 27, 20, 27, 0, 0, 0 },
        { "AGE", "15", "15", 30, 32, 30, 32, 15, 15, 0 },
    };
    mention_span many[1000];
    mention_post post = { 0 };
    long long before;

    (void)state;
    for (size_t i = 0; i < 1000; i++)
        many[i] = spans[i % 3];
    snprintf(p2, sizeof(p2), "%s/analysis.db", dir);
    assert_int_equal(mosaic_store_open(&s, p2), 0);
    assert_int_equal(store_begin(s), 0);
    put_numbered(s, 1, 2002);
    post.post_id = 1;
    assert_int_equal(store_put_analysis(s, &post, "x-1", many, 1000), 0);
    assert_int_equal(store_commit(s), 0);

    assert_int_equal(store_begin(s), 0);
    /* a newer extractor's analysis of post 1 replaces the old one: a
     * statement that changes many pages (its journal spills) */
    assert_int_equal(store_put_analysis(s, &post, "x-2", spans, 1), 0);
    before = bytes_written();
    for (int i = 2; i <= 2001; i++) {
        post.post_id = i;
        assert_int_equal(store_put_analysis(s, &post, "x-2", spans, 3), 0);
    }
    assert_in_range(bytes_written() - before, 0, 1 << 20);
    assert_int_equal(store_commit(s), 0);
    assert_int_equal(query_int(s, "SELECT count(*) FROM mentions WHERE "
                                  "post_id = 1"),
                     1);
    assert_int_equal(query_int(s, "SELECT count(*) FROM analysed WHERE "
                                  "extractor = 'x-2'"),
                     2001);
    assert_int_equal(query_int(s, "SELECT count(*) FROM mentions"), 6001);
    mosaic_store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_store_new_file_is_private),
        cmocka_unit_test(test_store_refuses_cases),
        cmocka_unit_test(test_store_missing_folder),
        cmocka_unit_test(test_store_default_path_from_xdg),
        cmocka_unit_test(test_store_posts_are_idempotent),
        cmocka_unit_test(test_store_forget_leaves_no_text),
        cmocka_unit_test(test_store_import_keeps_the_time_index),
        cmocka_unit_test(test_store_analysis_writes_at_commit),
    };
    return cmocka_run_group_tests_name("store", tests, sandbox_up,
                                       sandbox_down);
}
