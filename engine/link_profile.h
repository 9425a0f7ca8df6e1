/*
 * link_profile.h -- a cluster an earlier scan settled, judged as one
 * client: every value its posts said.  A check's draft agreeing with two
 * of them agrees with the client, though no single post said both.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_LINK_PROFILE_H
#define MOSAIC_LINK_PROFILE_H

#include "link.h"

typedef struct {
    link_mention *profile; /* per settled cluster */
    link_attr *values;     /* the profiles' values, each once */
    size_t *of;            /* per mention: its profile, or SIZE_MAX */
    size_t *leader;        /* per mention: its cluster's first mention */
} link_profiles;

/* Profiles of the settled mentions among m[0..n); none settled: every
 * pointer NULL. */
int link_profiles_build(link_profiles *p, const link_mention *m, size_t n);

/* Mention i's profile as seen from another mention: its cluster's
 * values, with i's own time, thread and back-reference; NULL when i is
 * not settled. */
const link_mention *link_profile_at(const link_profiles *p,
                                    const link_mention *m, size_t i,
                                    link_mention *scratch);

void link_profiles_dispose(link_profiles *p);

#endif
