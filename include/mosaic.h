/*
 * mosaic.h -- the public interface of libmosaic.
 *
 * mosaic finds the "mosaic effect" in a therapist's posting history:
 * separate posts that together could identify a client.  Data flows
 *
 *   archive -> import -> posts -> extract -> link -> score -> report
 *
 * Conventions (see README.md, "Library conventions"):
 *  - functions return int: 0 (MOSAIC_OK) on success, a negative
 *    MOSAIC_E* code on failure; mosaic_error_last() explains the failure
 *    in one line that names the file and what is wrong;
 *  - whatever comes back through an `out` parameter belongs to the caller;
 *    pointers returned as values are borrowed from their parent;
 *  - every _free / _close accepts NULL.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_H
#define MOSAIC_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define MOSAIC_EXTERN(type) __attribute__((visibility("default"))) type
#else
#define MOSAIC_EXTERN(type) type
#endif

/** The library's version, "MAJOR.MINOR.PATCH". */
#define MOSAIC_VERSION "0.1.0"

/** Return codes. Zero is success; every failure is negative. */
typedef enum {
    MOSAIC_OK = 0,
    MOSAIC_ERROR = -1,     /**< Generic failure; see mosaic_error_last(). */
    MOSAIC_ENOTFOUND = -2, /**< No such file, post or profile. */
    MOSAIC_EFORMAT = -3,   /**< Input is not in the format it claims. */
    MOSAIC_ETOOBIG = -4,   /**< Input exceeds a size limit; refused. */
    MOSAIC_ENOMEM = -5,    /**< Out of memory; nothing was changed. */
    MOSAIC_EIO = -6,       /**< Reading or writing a file failed. */
    MOSAIC_EVERSION = -7,  /**< Store written by a newer mosaic. */
    MOSAIC_EBUSY = -8      /**< Store locked by another process too long. */
} mosaic_error_code;

/** The last error on this thread. Owned by the library; never NULL. */
typedef struct {
    int code;            /**< The mosaic_error_code that was returned. */
    const char *message; /**< One line; names the file and what is wrong. */
} mosaic_error;

/** The last error raised on the calling thread (code 0 if none). */
MOSAIC_EXTERN(const mosaic_error *) mosaic_error_last(void);

/** Forget the last error on the calling thread. */
MOSAIC_EXTERN(void) mosaic_error_clear(void);

/* ------------------------------------------------------------------ */
/* The history store                                                  */
/* ------------------------------------------------------------------ */

/**
 * An open history store: one SQLite file holding imported posts, the
 * therapist's profile and everything derived from them.  Opaque; close
 * with mosaic_store_close().  One thread at a time per handle; several
 * processes may open the same file (a `check` while a `scan` writes).
 */
typedef struct mosaic_store mosaic_store;

/**
 * The default store path: $XDG_DATA_HOME/mosaic/history.db, falling back
 * to $HOME/.local/share/mosaic/history.db.
 *
 * @param[out] out  a newly allocated path (free with free()).
 * @return MOSAIC_OK; MOSAIC_ENOTFOUND when neither variable is set.
 */
MOSAIC_EXTERN(int) mosaic_store_default_path(char **out);

/**
 * Open the history store at `path`, creating and migrating it as needed.
 *
 * With path NULL the default path is used and its folders are created
 * (mode 0700).  An explicit path's folder must exist.  A new store file
 * is created with mode 0600 whatever the umask.
 *
 * @param[out] out  the open store, owned by the caller; NULL on failure.
 * @param path      the store file, or NULL for the default.
 * @return MOSAIC_OK; MOSAIC_EFORMAT if the file is not a mosaic store;
 *         MOSAIC_EVERSION if a newer mosaic wrote it; another negative
 *         code on any other failure.  On failure nothing is changed.
 */
MOSAIC_EXTERN(int) mosaic_store_open(mosaic_store **out, const char *path);

/** Close a store and release everything it holds. NULL is a no-op. */
MOSAIC_EXTERN(void) mosaic_store_close(mosaic_store *store);

/** The path of the open store's file. Borrowed from the store. */
MOSAIC_EXTERN(const char *) mosaic_store_path(const mosaic_store *store);

/** The schema version this library writes. */
MOSAIC_EXTERN(int) mosaic_store_schema_version(void);

/**
 * Erase the whole history: posts, profiles and everything derived, with
 * SQLite's secure_delete on, then VACUUM so the old text is gone from
 * the file's bytes.
 *
 * @return MOSAIC_OK or a negative code; on failure nothing is erased.
 */
MOSAIC_EXTERN(int) mosaic_store_forget(mosaic_store *store);

/* ------------------------------------------------------------------ */
/* Posts                                                              */
/* ------------------------------------------------------------------ */

/**
 * One post as stored.  A view: every string is borrowed and lives only
 * for the callback it is passed to.  Optional fields are NULL (strings)
 * or 0 (flags) when absent.
 */
typedef struct {
    const char *platform;   /**< "x", "mastodon", "generic", ... */
    const char *native_id;  /**< the platform's own id (or a stable key) */
    const char *created_at; /**< UTC, ISO 8601 "YYYY-MM-DDTHH:MM:SSZ" */
    int own;                /**< 1 if these are the user's own words */
    const char *kind;       /**< "post", "reply", "repost", "dm", ... */
    const char *visibility; /**< "public", "private", "direct", ... */
    const char *text;       /**< plain text, NULL when there is none */
    const char *reply_to;        /**< id of the post replied to */
    const char *thread_root;     /**< id of the thread's first post */
    const char *content_warning; /**< a content warning (own words) */
    const char *alt_texts;  /**< JSON array of image descriptions */
    const char *place;      /**< a place attached by the platform */
    const char *boost_of;   /**< for reposts: the original's id/URL */
    const char *quote_of;   /**< for quotes: the quoted post's id/URL */
    int edited;             /**< 1 if the post was edited */
    int deleted;            /**< 1 if the user deleted it */
} mosaic_post;

/** Called once per post; return non-zero to stop the iteration. */
typedef int (*mosaic_post_cb)(const mosaic_post *post, void *ctx);

/**
 * Visit every stored post, oldest first (posts without a date last).
 *
 * @return MOSAIC_OK; the callback's non-zero value if it stopped early
 *         (as a positive number); a negative code on failure.
 */
MOSAIC_EXTERN(int)
mosaic_store_foreach_post(mosaic_store *store, mosaic_post_cb cb, void *ctx);

/** The number of stored posts, or a negative code. */
MOSAIC_EXTERN(long) mosaic_store_count_posts(mosaic_store *store);

/* ------------------------------------------------------------------ */
/* The therapist's profile                                            */
/* ------------------------------------------------------------------ */

/**
 * A profile as an archive exported it (one per platform).  A view: the
 * strings are borrowed for the duration of the callback.
 */
typedef struct {
    const char *platform;
    const char *handle;
    const char *display_name;
    const char *bio;
    const char *location; /**< where the therapist says they are */
    const char *extra;    /**< JSON object of anything else exported */
} mosaic_profile;

/** Called once per stored profile; non-zero stops the iteration. */
typedef int (*mosaic_profile_cb)(const mosaic_profile *profile, void *ctx);

/** Visit every stored profile, by platform name. */
MOSAIC_EXTERN(int)
mosaic_store_foreach_profile(mosaic_store *store, mosaic_profile_cb cb,
                             void *ctx);

/* ------------------------------------------------------------------ */
/* Import                                                             */
/* ------------------------------------------------------------------ */

/** What one import did. */
typedef struct {
    const char *format; /**< the detected format, e.g. "x", "jsonl" */
    long seen;          /**< posts read from the input */
    long added;         /**< posts new to the store */
    long updated;       /**< posts already stored whose content changed */
    long skipped;       /**< items counted and passed over (see docs) */
    int profile;        /**< 1 if a profile was read */
} mosaic_import_stats;

/** Options for mosaic_import(). */
typedef struct {
    int version;          /**< MOSAIC_IMPORT_OPTIONS_VERSION */
    const char *format;   /**< force a format by name; NULL detects */
    int include_drafts;   /**< also import drafts and private posts */
} mosaic_import_options;

#define MOSAIC_IMPORT_OPTIONS_VERSION 1
#define MOSAIC_IMPORT_OPTIONS_INIT { MOSAIC_IMPORT_OPTIONS_VERSION, NULL, 0 }

/**
 * Import one file ("-" for standard input) into the store, in one
 * transaction: either every post of the file is stored or none is.
 * Posts already stored (same platform and native id) are not duplicated.
 * The format is detected from the content, never from the file name.
 *
 * @param[out] stats  what the import did; may be NULL.
 * @param store       the open store.
 * @param path        an archive or export file, or "-".
 * @param opts        options, or NULL for the defaults.
 * @return MOSAIC_OK; MOSAIC_ENOTFOUND if the file does not exist;
 *         MOSAIC_EFORMAT if it is not a format mosaic reads or does not
 *         parse; MOSAIC_ETOOBIG past a size limit; another negative code
 *         on any other failure.  On failure the store is unchanged.
 */
MOSAIC_EXTERN(int)
mosaic_import(mosaic_import_stats *stats, mosaic_store *store,
              const char *path, const mosaic_import_options *opts);

/** The most text mosaic_record() accepts, and a draft may hold. */
#define MOSAIC_DRAFT_MAX (1024 * 1024)

/**
 * Add a post the user has just published (a checked draft) to the
 * history, so later checks see it.  Stored with platform "recorded" and
 * an id derived from its time and text: recording it twice stores it once.
 *
 * @param[out] out   the stored post's native id (free with free()); may be
 *                   NULL.
 * @param store      the open store.
 * @param text       UTF-8 text, no NUL bytes, at most MOSAIC_DRAFT_MAX.
 * @param len        its length in bytes.
 * @param created_at when it was posted (ISO 8601), or NULL for now.
 * @return MOSAIC_OK; MOSAIC_EFORMAT for empty, non-UTF-8 or NUL-holding
 *         text or an unreadable date; MOSAIC_ETOOBIG past the limit.
 */
MOSAIC_EXTERN(int)
mosaic_record(char **out, mosaic_store *store, const char *text, size_t len,
              const char *created_at);

/** Called once per importable format: its name and one-line summary. */
typedef void (*mosaic_format_cb)(const char *name, const char *summary,
                                 void *ctx);

/** List the formats mosaic_import() reads, in detection order. */
MOSAIC_EXTERN(void) mosaic_import_formats(mosaic_format_cb cb, void *ctx);

/* ------------------------------------------------------------------ */
/* Population model and scoring (DESIGN.md, "Scoring")                 */

/** The reference tables: places, age x sex, occupations, base rates. */
typedef struct mosaic_population mosaic_population;

/**
 * Load the reference data.
 * @param data_dir the data folder, or NULL to look in $MOSAIC_DATA, the
 *        build tree and PREFIX/share/mosaic.
 * @return MOSAIC_OK; MOSAIC_ENOTFOUND if no data folder is found;
 *         MOSAIC_EFORMAT if a table is malformed (the error names it).
 */
MOSAIC_EXTERN(int)
mosaic_population_open(mosaic_population **out, const char *data_dir);

/** Free the tables (NULL is fine). */
MOSAIC_EXTERN(void) mosaic_population_close(mosaic_population *pop);

/** The therapist's setting; MOSAIC_SETTING_INIT gives the defaults. */
typedef struct {
    const char *location; /**< practice place; NULL or unknown: the UK */
    double radius_km;     /**< catchment radius (default 25) */
    double caseload;      /**< clients on the books (default 30) */
    double k_min;         /**< HIGH below this k_public (default 10) */
} mosaic_setting;

#define MOSAIC_SETTING_INIT { NULL, 25, 30, 10 }

/** One quasi-identifier: a category ("PLACE", "AGE", "GENDER",
 *  "OCCUPATION", "FAMILY", "HEALTH", "LIFE_EVENT", "ETHNICITY",
 *  "NATIONALITY", "RELIGION", "SEXUALITY", "LANGUAGE", "DISTINCTIVE",
 *  "ORG", "DATE", "TIME", "SESSION", "NAME", "CONTACT"; any case) and
 *  the words a post used ("Hebden Bridge", "farrier", "50-59"). */
typedef struct {
    const char *category;
    const char *value;
} mosaic_quasi;

/** How one attribute was priced. */
typedef struct {
    const char *category; /**< upper case */
    const char *value;    /**< as given */
    double p;             /**< share of the catchment with it (0: unknown) */
    const char *source;   /**< the table row it came from, or NULL */
    const char *note;     /**< a dependence correction or contradiction */
    int known;            /**< 0: not in the reference data, left out */
} mosaic_attribute;

/** One edit of the cheapest plan that brings the verdict to LOW. */
typedef struct {
    size_t attribute;        /**< index into attributes */
    const char *replacement; /**< words to write instead; NULL: leave out */
} mosaic_suggestion;

/** What a combination scores; strings live as long as the population
 *  and the inputs, the arrays until mosaic_assessment_free(). */
typedef struct {
    double catchment;            /**< N: people in the practice area */
    const char *catchment_place; /**< NULL: the UK (location unknown) */
    double p;                    /**< combined share */
    double k_public;             /**< expected matches in the catchment */
    double k_public_safe;        /**< on the interval's conservative end */
    double p_unique;             /**< probability the client is unique */
    double k_insider;            /**< matches within the caseload */
    int direct;                  /**< a direct identifier is present */
    int self_recognition;        /**< a session-timing cue is present */
    const char *verdict;         /**< "LOW", "MEDIUM" or "HIGH" */
    mosaic_attribute *attributes;
    size_t n_attributes;
    mosaic_suggestion *suggestions;
    size_t n_suggestions;
    int suggestion_found; /**< 0: no plan of few edits reaches LOW */
    double k_after;       /**< k_public once the suggestions are applied */
    const char *verdict_after;
} mosaic_assessment;

/**
 * Score a combination of quasi-identifiers that may describe one client.
 * Unknown values are reported (known = 0) and left out, never guessed.
 * @return MOSAIC_OK; MOSAIC_EFORMAT for an unknown category;
 *         MOSAIC_ENOMEM.
 */
MOSAIC_EXTERN(int)
mosaic_assess(mosaic_population *pop, const mosaic_setting *setting,
              const mosaic_quasi *quasi, size_t n, mosaic_assessment *out);

/** Free what mosaic_assess() allocated (the struct itself is the
 *  caller's). */
MOSAIC_EXTERN(void) mosaic_assessment_free(mosaic_assessment *a);

#ifdef __cplusplus
}
#endif

#endif /* MOSAIC_H */
