/*
 * Callouts: the kernel's timed calls (kern_timeout.c in spirit).
 *
 * A kernel has a handful of periodic callouts (the 1 s rt_timer tick,
 * the ARP sweep, in_rmx, IP reassembly), never one per entry: entries
 * are aged by those sweeps at the cadence the real kernel used.  The
 * host is told the earliest pending deadline and calls bsd_kernel_timers()
 * when it comes.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_CALLOUT_H
#define BSD_CALLOUT_H

#include <stdint.h>

#include "bsd_queue.h"

#ifdef __cplusplus
extern "C" {
#endif

struct bsd_kernel;

#define BSD_NSEC_PER_SEC	INT64_C(1000000000)
#define BSD_NEVER		INT64_MAX

typedef void bsd_callout_fn(struct bsd_kernel *, void *);

struct bsd_callout {
	int64_t			c_time;		/* ns when due */
	bsd_callout_fn		*c_func;
	void			*c_arg;
	int			c_pending;	/* CALLOUT_PENDING or _DUE */
	BSD_TAILQ_ENTRY(bsd_callout) c_link;
};

BSD_TAILQ_HEAD(bsd_callout_list, bsd_callout);

#define BSD_CALLOUT_PENDING	1	/* on the kernel's list */
#define BSD_CALLOUT_DUE		2	/* taken by the run under way */

/* (Re)arm c to call fn(k, arg) delay ns from now. */
void	bsd_callout_reset(struct bsd_kernel *k, struct bsd_callout *c,
	    int64_t delay, bsd_callout_fn *fn, void *arg);
/* Disarm c if pending. */
void	bsd_callout_stop(struct bsd_kernel *k, struct bsd_callout *c);
/* Run every callout due by now; returns how many ran. */
int	bsd_callout_run(struct bsd_kernel *k);
/* Earliest pending deadline, or BSD_NEVER. */
int64_t	bsd_callout_next(const struct bsd_kernel *k);

#ifdef __cplusplus
}
#endif

#endif /* BSD_CALLOUT_H */
