/*
 * rt_timer: per-route timers in FIFO queues, checked by a 1 s tick
 * (NetBSD route.c, from BSDI).  A queue has one timeout; entries join at
 * the tail with the current time_uptime, so the head is always the next
 * to expire and a tick looks at nothing else.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_RTTIMER_H
#define BSD_RTTIMER_H

#include <stdint.h>

#include "bsd_queue.h"

#ifdef __cplusplus
extern "C" {
#endif

struct bsd_kernel;
struct bsd_rtentry;
struct bsd_rttimer;

typedef void bsd_rttimer_fn(struct bsd_kernel *, struct bsd_rtentry *,
    struct bsd_rttimer *);

struct bsd_rttimer_queue {
	int64_t			rtq_timeout;	/* s */
	uint64_t		rtq_count;
	BSD_TAILQ_HEAD(, bsd_rttimer) rtq_head;
	BSD_LIST_ENTRY(bsd_rttimer_queue) rtq_link;
	const char		*rtq_name;
};

struct bsd_rttimer {
	BSD_TAILQ_ENTRY(bsd_rttimer) rtt_next;	/* on the queue */
	BSD_LIST_ENTRY(bsd_rttimer) rtt_link;	/* on the route */
	struct bsd_rttimer_queue *rtt_queue;
	struct bsd_rtentry	*rtt_rt;
	bsd_rttimer_fn		*rtt_func;	/* NULL: delete the route */
	int64_t			rtt_time;	/* time_uptime when armed */
};

/* A new queue with timeout seconds; starts the 1 s tick on first use. */
struct bsd_rttimer_queue *bsd_rt_timer_queue_create(struct bsd_kernel *k,
	    int64_t timeout, const char *name);
/* Change a queue's timeout; entries keep their arming time. */
void	bsd_rt_timer_queue_change(struct bsd_kernel *k,
	    struct bsd_rttimer_queue *q, int64_t timeout);
/* Empty a queue; with destroy, run each entry's function first. */
void	bsd_rt_timer_queue_remove_all(struct bsd_kernel *k,
	    struct bsd_rttimer_queue *q, int destroy);
/* Empty and free a queue. */
void	bsd_rt_timer_queue_destroy(struct bsd_kernel *k,
	    struct bsd_rttimer_queue *q, int destroy);
/* Entries on q. */
uint64_t bsd_rt_timer_count(const struct bsd_rttimer_queue *q);
/*
 * Arm (or re-arm, if rt has a timer with the same func) a timer for rt
 * on q from now.  Returns 0 or ENOBUFS.
 */
int	bsd_rt_timer_add(struct bsd_kernel *k, struct bsd_rtentry *rt,
	    bsd_rttimer_fn *func, struct bsd_rttimer_queue *q);
/* Remove every timer of rt; with destroy, run their functions. */
void	bsd_rt_timer_remove_all(struct bsd_kernel *k, struct bsd_rtentry *rt,
	    int destroy);

void	bsd_rt_timer_init(struct bsd_kernel *k);
void	bsd_rt_timer_destroy(struct bsd_kernel *k);

#ifdef __cplusplus
}
#endif

#endif /* BSD_RTTIMER_H */
