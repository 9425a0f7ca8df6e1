/*
 * datadir.h -- where the reference data lives (lexicons, gazetteer,
 * population tables): an explicit folder, $MOSAIC_DATA, the build tree
 * beside the running program, or the installed PREFIX/share/mosaic.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_DATADIR_H
#define MOSAIC_DATADIR_H

#include <stddef.h>

/*
 * Resolve the data folder into out (size bytes): `explicit_dir` when not
 * NULL, else $MOSAIC_DATA, else share/mosaic beside or above the running
 * program (build/share/mosaic for build/mosaic and build/tests/...),
 * else the compiled-in MOSAIC_SHARE_DIR.  A candidate counts when it
 * holds the file `probe` (e.g. "lexicon/clientcues.txt").
 * Returns 0, or MOSAIC_ENOTFOUND naming the folders tried.
 */
int datadir_find(char *out, size_t size, const char *explicit_dir,
                 const char *probe);

/* Join the data folder and a relative name into out. */
int datadir_path(char *out, size_t size, const char *dir, const char *name);

#endif
