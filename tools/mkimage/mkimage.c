/*
 * mkimage.c -- mosaic-mkimage DATA_DIR [OUT]: compile a data folder's
 * corpus/refdata tables and lexicons into the reference image
 * (refimage.h) that `mosaic` maps at start-up instead of parsing them.
 * Run by make for build/share/mosaic and build/asan/share/mosaic.
 * SPDX-License-Identifier: MIT
 */
#include <limits.h>
#include <stdio.h>

#include "datadir.h"
#include "error.h"
#include "extract.h"
#include "population_tables.h"
#include "refimage.h"

int main(int argc, char **argv)
{
    static const char *const names[] = {"population", "extractor"};
    refimage_buf parts[2] = {{NULL, 0, 0}, {NULL, 0, 0}};
    char out[PATH_MAX];
    population *pop = NULL;
    mosaic_extractor *ext = NULL;
    int rc;

    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: mosaic-mkimage DATA_DIR [OUT]\n");
        return 2;
    }
    if (argc == 3)
        rc = snprintf(out, sizeof(out), "%s", argv[2]) < (int)sizeof(out)
                 ? 0
                 : MOSAIC_ETOOBIG;
    else
        rc = datadir_path(out, sizeof(out), argv[1], REFIMAGE_FILE);
    if (rc == 0 && (rc = population_parse(&pop, argv[1])) == 0 &&
        (rc = extract_open(&ext, argv[1], 1)) == 0 &&
        (rc = population_image_save(pop, &parts[0])) == 0 &&
        (rc = extract_image_save(ext, &parts[1])) == 0)
        rc = refimage_write(out, argv[1], names, parts, 2);
    if (rc < 0)
        fprintf(stderr, "mosaic-mkimage: %s\n", mosaic_error_last()->message);
    refimage_buf_free(&parts[0]);
    refimage_buf_free(&parts[1]);
    population_close(pop);
    mosaic_extractor_close(ext);
    return rc < 0 ? 3 : 0;
}
