/*
 * FreeBSD's aging of cloned routes (netinet/in_rmx.c): a clone nobody
 * references is marked RTPRF_OURS and expires rtq_reallyold seconds
 * later; while more than rtq_toomany such routes survive a pass, the
 * timeout shrinks by a third, at most once per rtq_timeout, to a floor.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_IN_RMX_H
#define BSD_IN_RMX_H

#include <stdint.h>

#include "bsd_callout.h"
#include "bsd_queue.h"

#ifdef __cplusplus
extern "C" {
#endif

struct bsd_kernel;
struct bsd_rtentry;

struct bsd_in_rmx_state {
	int64_t		rq_reallyold;		/* current timeout, s */
	int64_t		rq_last_adjusted;	/* time_second of the last cut */
	uint64_t	rq_ours;		/* RTPRF_OURS entries */
	uint64_t	rq_killed;		/* expired so far */
	uint64_t	rq_cuts;		/* adaptive reductions so far */
	struct bsd_callout rq_callout;
	BSD_TAILQ_HEAD(, bsd_rtentry) rq_list;	/* RTPRF_OURS entries */
};

/* in_clsroute(): the last reference to rt went away. */
void	bsd_in_clsroute(struct bsd_kernel *k, struct bsd_rtentry *rt);
/* in_matroute(): a lookup found rt, so it is in use again. */
void	bsd_in_matroute(struct bsd_kernel *k, struct bsd_rtentry *rt);
/* rt leaves the table; forget it. */
void	bsd_in_rmx_forget(struct bsd_kernel *k, struct bsd_rtentry *rt);
/* in_rtqdrain(): delete every aging clone now. */
void	bsd_in_rtqdrain(struct bsd_kernel *k);

void	bsd_in_rmx_init(struct bsd_kernel *k);

#ifdef __cplusplus
}
#endif

#endif /* BSD_IN_RMX_H */
