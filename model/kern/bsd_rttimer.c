/*
 * rt_timer queues (NetBSD route.c 1.88.2.1).
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <errno.h>
#include <stdlib.h>

#include "bsd_kernel.h"

static void	rt_timer_timer(struct bsd_kernel *, void *);

static void
rt_timer_free(struct bsd_kernel *k, struct bsd_rttimer *r)
{

	bsd_mem_uncharge(&k->k_mem, BSD_M_RTTIMER, BSD_MEMCOST_RTTIMER);
	bsd_pool_put(&k->k_rttpool, r);
}

/* Unlink r from its queue and route, then run its function (RTTIMER_CALLOUT). */
static void
rt_timer_fire(struct bsd_kernel *k, struct bsd_rttimer *r)
{
	struct bsd_rtentry *rt = r->rtt_rt;
	bsd_rttimer_fn *func = r->rtt_func;

	BSD_TAILQ_REMOVE(&r->rtt_queue->rtq_head, r, rtt_next);
	r->rtt_queue->rtq_count--;
	BSD_LIST_REMOVE(r, rtt_link);
	if (func != NULL)
		func(k, rt, r);
	else
		bsd_rtdelete(k, rt);
	rt_timer_free(k, r);
}

void
bsd_rt_timer_init(struct bsd_kernel *k)
{

	bsd_pool_init(&k->k_rttpool, sizeof(struct bsd_rttimer));
	BSD_LIST_INIT(&k->k_rttimer_queues);
}

struct bsd_rttimer_queue *
bsd_rt_timer_queue_create(struct bsd_kernel *k, int64_t timeout,
    const char *name)
{
	struct bsd_rttimer_queue *q;

	/* The tick starts with the first queue, one second later. */
	if (!k->k_rttimer_running) {
		k->k_rttimer_running = 1;
		bsd_callout_reset(k, &k->k_rttimer_ch, BSD_NSEC_PER_SEC,
		    rt_timer_timer, NULL);
	}
	if ((q = calloc(1, sizeof(*q))) == NULL)
		return NULL;
	q->rtq_timeout = timeout;
	q->rtq_name = name;
	BSD_TAILQ_INIT(&q->rtq_head);
	BSD_LIST_INSERT_HEAD(&k->k_rttimer_queues, q, rtq_link);
	return q;
}

void
bsd_rt_timer_queue_change(struct bsd_kernel *k, struct bsd_rttimer_queue *q,
    int64_t timeout)
{

	(void)k;
	q->rtq_timeout = timeout;
}

void
bsd_rt_timer_queue_remove_all(struct bsd_kernel *k,
    struct bsd_rttimer_queue *q, int destroy)
{
	struct bsd_rttimer *r;

	while ((r = BSD_TAILQ_FIRST(&q->rtq_head)) != NULL) {
		if (destroy)
			rt_timer_fire(k, r);
		else {
			BSD_TAILQ_REMOVE(&q->rtq_head, r, rtt_next);
			q->rtq_count--;
			BSD_LIST_REMOVE(r, rtt_link);
			rt_timer_free(k, r);
		}
	}
}

void
bsd_rt_timer_queue_destroy(struct bsd_kernel *k, struct bsd_rttimer_queue *q,
    int destroy)
{

	bsd_rt_timer_queue_remove_all(k, q, destroy);
	BSD_LIST_REMOVE(q, rtq_link);
	free(q);
}

uint64_t
bsd_rt_timer_count(const struct bsd_rttimer_queue *q)
{

	return q != NULL ? q->rtq_count : 0;
}

void
bsd_rt_timer_remove_all(struct bsd_kernel *k, struct bsd_rtentry *rt,
    int destroy)
{
	struct bsd_rttimer *r;

	while ((r = BSD_LIST_FIRST(&rt->rt_timer)) != NULL) {
		if (destroy)
			rt_timer_fire(k, r);
		else {
			BSD_LIST_REMOVE(r, rtt_link);
			BSD_TAILQ_REMOVE(&r->rtt_queue->rtq_head, r, rtt_next);
			r->rtt_queue->rtq_count--;
			rt_timer_free(k, r);
		}
	}
}

int
bsd_rt_timer_add(struct bsd_kernel *k, struct bsd_rtentry *rt,
    bsd_rttimer_fn *func, struct bsd_rttimer_queue *q)
{
	struct bsd_rttimer *r;

	/*
	 * If there's already a timer with this action, reuse it: the
	 * entry moves to the tail of q with the current time.
	 */
	BSD_LIST_FOREACH(r, &rt->rt_timer, rtt_link) {
		if (r->rtt_func == func) {
			BSD_LIST_REMOVE(r, rtt_link);
			BSD_TAILQ_REMOVE(&r->rtt_queue->rtq_head, r, rtt_next);
			r->rtt_queue->rtq_count--;
			break;
		}
	}
	if (r == NULL) {
		if (bsd_mem_charge(&k->k_mem, BSD_M_RTTIMER,
		    BSD_MEMCOST_RTTIMER) != 0) {
			bsd_trace(k, BSD_TR_ENOBUFS, rt, BSD_M_RTTIMER);
			return ENOBUFS;
		}
		if ((r = bsd_pool_get(&k->k_rttpool)) == NULL) {
			bsd_mem_uncharge(&k->k_mem, BSD_M_RTTIMER,
			    BSD_MEMCOST_RTTIMER);
			return ENOBUFS;
		}
	}
	r->rtt_rt = rt;
	r->rtt_time = bsd_time_uptime(k);
	r->rtt_func = func;
	r->rtt_queue = q;
	BSD_LIST_INSERT_HEAD(&rt->rt_timer, r, rtt_link);
	BSD_TAILQ_INSERT_TAIL(&q->rtq_head, r, rtt_next);
	q->rtq_count++;
	return 0;
}

/* Once a second: fire every entry whose time has passed, oldest first. */
static void
rt_timer_timer(struct bsd_kernel *k, void *arg)
{
	struct bsd_rttimer_queue *q;
	struct bsd_rttimer *r;
	int64_t uptime = bsd_time_uptime(k);

	(void)arg;
	BSD_LIST_FOREACH(q, &k->k_rttimer_queues, rtq_link) {
		while ((r = BSD_TAILQ_FIRST(&q->rtq_head)) != NULL &&
		    r->rtt_time + q->rtq_timeout < uptime)
			rt_timer_fire(k, r);
	}
	bsd_callout_reset(k, &k->k_rttimer_ch, BSD_NSEC_PER_SEC,
	    rt_timer_timer, NULL);
}

void
bsd_rt_timer_destroy(struct bsd_kernel *k)
{
	struct bsd_rttimer_queue *q;

	while ((q = BSD_LIST_FIRST(&k->k_rttimer_queues)) != NULL) {
		BSD_LIST_REMOVE(q, rtq_link);
		free(q);
	}
	bsd_pool_destroy(&k->k_rttpool);
}
