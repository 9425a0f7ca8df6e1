/*
 * error.h -- the engine's side of the one error convention: set the
 * thread-local message and return the code in one step.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_ERROR_H
#define MOSAIC_ERROR_H

#include "mosaic.h"

#if defined(__GNUC__)
#define MOSAIC__PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define MOSAIC__PRINTF(f, a)
#endif

/* Set the last error and return `code` (negative), for `return` chains. */
int mosaic__error_set(int code, const char *fmt, ...) MOSAIC__PRINTF(2, 3);

/* Record an out-of-memory failure; returns MOSAIC_ENOMEM. */
int mosaic__error_oom(void);

#endif
