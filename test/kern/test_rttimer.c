/*
 * Tests for rt_timer queues (bsd_rttimer.c): firing, re-arm, queues, cost.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "kern_fixture.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#define NS(s)	((int64_t)(s) * BSD_NSEC_PER_SEC)

/*
 * The running test's fixtures, freed by its teardown even when an
 * assertion fails, so that a failure is not buried under leak reports.
 */
/* What the custom timer functions saw. */
static struct calls {
	int			n;
	struct bsd_rtentry	*rt[16];
	int64_t			uptime[16];
	int			which[16];
	struct bsd_kernel	*k;
} calls;

static int
cleanup(void **state)
{
	(void)fx_cleanup(state);
	memset(&calls, 0, sizeof(calls));
	return 0;
}

#define T(f)	cmocka_unit_test_teardown(f, cleanup)

static void
note(struct bsd_kernel *k, struct bsd_rtentry *rt, int which)
{

	calls.k = k;
	if (calls.n < 16) {
		calls.rt[calls.n] = rt;
		calls.uptime[calls.n] = bsd_time_uptime(k);
		calls.which[calls.n] = which;
	}
	calls.n++;
}

/* A timer function that only takes note (the route stays). */
static void
func_a(struct bsd_kernel *k, struct bsd_rtentry *rt, struct bsd_rttimer *r)
{

	assert_ptr_equal(r->rtt_rt, rt);
	note(k, rt, 1);
}

/* Another, so a route can carry two timers. */
static void
func_b(struct bsd_kernel *k, struct bsd_rtentry *rt, struct bsd_rttimer *r)
{

	(void)r;
	note(k, rt, 2);
}

/* netbsd-2 with a host route through the default; returns the route. */
static struct fx *
setup_host(const char *dst, struct bsd_rtentry **rtp)
{
	struct fx *fx = fx_keep(fx_new("netbsd-2"));

	assert_int_equal(fx_add(fx, dst, 32, "10.0.0.254", BSD_RTF_GATEWAY),
	    0);
	*rtp = fx_lookup(fx, dst, 32);
	assert_non_null(*rtp);
	return fx;
}

static struct bsd_rtentry *
add_host(struct fx *fx, const char *dst)
{

	assert_int_equal(fx_add(fx, dst, 32, "10.0.0.254", BSD_RTF_GATEWAY),
	    0);
	return fx_lookup(fx, dst, 32);
}

static int
on_queue(const struct bsd_rttimer_queue *q, const struct bsd_rtentry *rt)
{
	const struct bsd_rttimer *r;

	BSD_TAILQ_FOREACH(r, &q->rtq_head, rtt_next)
		if (r->rtt_rt == rt)
			return 1;
	return 0;
}

static void
test_tick_every_second(void **state)
{
	struct fx *fx = fx_keep(fx_new("netbsd-2"));
	struct bsd_callout *tick = &fx->k->k_rttimer_ch;

	(void)state;
	/* netbsd-2 makes its ICMP queues at boot, so the tick runs. */
	assert_int_equal(fx->k->k_rttimer_running, 1);
	assert_int_equal(tick->c_pending, 1);
	assert_int_equal(tick->c_time, NS(1));
	fx_advance_s(fx, 1);
	assert_int_equal(tick->c_time, NS(2));
	fx_advance_s(fx, 10);
	assert_int_equal(tick->c_time, NS(12));
}

static void
test_fires_first_tick_past_timeout(void **state)
{
	struct bsd_rttimer_queue *q;
	struct bsd_rtentry *rt;
	struct fx *fx = setup_host("192.168.9.9", &rt);

	(void)state;
	q = bsd_rt_timer_queue_create(fx->k, 600, "test");
	assert_non_null(q);
	assert_int_equal(q->rtq_timeout, 600);
	assert_int_equal(bsd_rt_timer_add(fx->k, rt, NULL, q), 0);
	assert_int_equal(bsd_rt_timer_count(q), 1);
	assert_int_equal(BSD_TAILQ_FIRST(&q->rtq_head)->rtt_time, 0);
	/* (rtt_time + rtq_timeout) < time_uptime: not at 600 ... */
	fx_advance_s(fx, 600);
	if (fx_lookup(fx, "192.168.9.9", 32) == NULL)
		fail_msg("a 600 s timer armed at 0 fired by 600 s");
	assert_int_equal(bsd_rt_timer_count(q), 1);
	/* ... but at the first tick after, 601 s. */
	fx_advance_s(fx, 1);
	if (fx_lookup(fx, "192.168.9.9", 32) != NULL)
		fail_msg("a 600 s timer armed at 0 still pending at 601 s");
	assert_int_equal(bsd_rt_timer_count(q), 0);
}

static void
test_custom_func_gets_route(void **state)
{
	struct bsd_rttimer_queue *q;
	struct bsd_rtentry *rt;
	struct fx *fx = setup_host("192.168.9.9", &rt);

	(void)state;
	q = bsd_rt_timer_queue_create(fx->k, 30, "test");
	fx_advance_s(fx, 5);
	assert_int_equal(bsd_rt_timer_add(fx->k, rt, func_a, q), 0);
	fx_advance_s(fx, 30);
	assert_int_equal(calls.n, 0);
	fx_advance_s(fx, 1);
	assert_int_equal(calls.n, 1);
	assert_ptr_equal(calls.rt[0], rt);
	assert_ptr_equal(calls.k, fx->k);
	assert_int_equal(calls.uptime[0], 36);
	/* The function decides: this one left the route alone. */
	assert_ptr_equal(fx_lookup(fx, "192.168.9.9", 32), rt);
	assert_true(BSD_LIST_EMPTY(&rt->rt_timer));
	assert_int_equal(bsd_rt_timer_count(q), 0);
	/* Once only. */
	fx_advance_s(fx, 100);
	assert_int_equal(calls.n, 1);
}

static void
test_null_func_deletes_quietly(void **state)
{
	struct bsd_rttimer_queue *q;
	struct bsd_rtentry *rt;
	struct fx *fx = setup_host("192.168.9.9", &rt);
	unsigned dels = fx_nmsgs(fx, BSD_RTM_DELETE);
	uint64_t total = bsd_rt_total(fx->k);

	(void)state;
	q = bsd_rt_timer_queue_create(fx->k, 2, "test");
	assert_int_equal(bsd_rt_timer_add(fx->k, rt, NULL, q), 0);
	fx_advance_s(fx, 3);
	assert_null(fx_lookup(fx, "192.168.9.9", 32));
	assert_int_equal(bsd_rt_total(fx->k), total - 1);
	/* rtrequest(RTM_DELETE) from the callout says nothing. */
	assert_int_equal(fx_nmsgs(fx, BSD_RTM_DELETE), dels);
}

static void
test_rearm_same_func_moves_to_tail(void **state)
{
	struct bsd_rttimer_queue *q;
	struct bsd_rtentry *a, *b;
	struct fx *fx = setup_host("192.168.9.1", &a);
	struct bsd_rttimer *r;

	(void)state;
	b = add_host(fx, "192.168.9.2");
	q = bsd_rt_timer_queue_create(fx->k, 600, "test");
	fx_advance_s(fx, 5);
	assert_int_equal(bsd_rt_timer_add(fx->k, a, func_a, q), 0);
	fx_advance_s(fx, 10);
	assert_int_equal(bsd_rt_timer_add(fx->k, b, func_a, q), 0);
	fx_advance_s(fx, 10);
	/* Re-arming a's timer: same entry, now at the tail, from 25 s. */
	r = BSD_LIST_FIRST(&a->rt_timer);
	assert_int_equal(r->rtt_time, 5);
	assert_int_equal(bsd_rt_timer_add(fx->k, a, func_a, q), 0);
	assert_ptr_equal(BSD_LIST_FIRST(&a->rt_timer), r);
	assert_null(BSD_LIST_NEXT(r, rtt_link));
	assert_int_equal(bsd_rt_timer_count(q), 2);
	assert_ptr_equal(BSD_TAILQ_FIRST(&q->rtq_head)->rtt_rt, b);
	assert_ptr_equal(r->rtt_rt, a);
	assert_int_equal(r->rtt_time, 25);
	assert_null(BSD_TAILQ_NEXT(r, rtt_next));
	/* b (armed at 15) fires at 616; a, re-armed at 25, at 626. */
	fx_advance_s(fx, 616 - 25);
	assert_int_equal(calls.n, 1);
	assert_ptr_equal(calls.rt[0], b);
	assert_int_equal(calls.uptime[0], 616);
	fx_advance_s(fx, 9);
	assert_int_equal(calls.n, 1);
	fx_advance_s(fx, 1);
	assert_int_equal(calls.n, 2);
	assert_ptr_equal(calls.rt[1], a);
	assert_int_equal(calls.uptime[1], 626);
}

static void
test_rearm_moves_between_queues(void **state)
{
	struct bsd_rttimer_queue *q1, *q2;
	struct bsd_rtentry *rt;
	struct fx *fx = setup_host("192.168.9.9", &rt);

	(void)state;
	q1 = bsd_rt_timer_queue_create(fx->k, 600, "q1");
	q2 = bsd_rt_timer_queue_create(fx->k, 5, "q2");
	assert_int_equal(bsd_rt_timer_add(fx->k, rt, func_a, q1), 0);
	assert_int_equal(bsd_rt_timer_add(fx->k, rt, func_a, q2), 0);
	assert_int_equal(bsd_rt_timer_count(q1), 0);
	assert_int_equal(bsd_rt_timer_count(q2), 1);
	fx_advance_s(fx, 6);
	assert_int_equal(calls.n, 1);
}

static void
test_two_funcs_two_timers(void **state)
{
	struct bsd_rttimer_queue *q;
	struct bsd_rtentry *rt;
	struct fx *fx = setup_host("192.168.9.9", &rt);

	(void)state;
	q = bsd_rt_timer_queue_create(fx->k, 10, "test");
	assert_int_equal(bsd_rt_timer_add(fx->k, rt, func_a, q), 0);
	assert_int_equal(bsd_rt_timer_add(fx->k, rt, func_b, q), 0);
	assert_int_equal(bsd_rt_timer_count(q), 2);
	fx_advance_s(fx, 11);
	assert_int_equal(calls.n, 2);
	/* FIFO: the first armed fires first. */
	assert_int_equal(calls.which[0], 1);
	assert_int_equal(calls.which[1], 2);
}

static void
test_count(void **state)
{
	struct bsd_rttimer_queue *q;
	struct bsd_rtentry *rt;
	struct fx *fx = setup_host("192.168.9.1", &rt);
	char a[32];
	unsigned i;

	(void)state;
	q = bsd_rt_timer_queue_create(fx->k, 100, "test");
	assert_int_equal(bsd_rt_timer_count(q), 0);
	assert_int_equal(bsd_rt_timer_count(NULL), 0);
	for (i = 1; i <= 5; i++) {
		snprintf(a, sizeof(a), "192.168.8.%u", i);
		assert_int_equal(bsd_rt_timer_add(fx->k, add_host(fx, a),
		    func_a, q), 0);
		assert_int_equal(bsd_rt_timer_count(q), i);
	}
	/* Re-arming does not count twice. */
	assert_int_equal(bsd_rt_timer_add(fx->k, fx_lookup(fx, "192.168.8.1",
	    32), func_a, q), 0);
	assert_int_equal(bsd_rt_timer_count(q), 5);
	assert_int_equal(q->rtq_count, 5);
}

static void
test_queue_change(void **state)
{
	struct bsd_rttimer_queue *q;
	struct bsd_rtentry *rt;
	struct fx *fx = setup_host("192.168.9.9", &rt);

	(void)state;
	q = bsd_rt_timer_queue_create(fx->k, 600, "test");
	assert_int_equal(bsd_rt_timer_add(fx->k, rt, func_a, q), 0);
	fx_advance_s(fx, 5);
	/* Entries keep their arming time: armed at 0, now a 10 s queue. */
	bsd_rt_timer_queue_change(fx->k, q, 10);
	assert_int_equal(q->rtq_timeout, 10);
	fx_advance_s(fx, 5);
	assert_int_equal(calls.n, 0);
	fx_advance_s(fx, 1);
	assert_int_equal(calls.n, 1);
	assert_int_equal(calls.uptime[0], 11);
}

static void
test_remove_all_with_destroy_runs_funcs(void **state)
{
	struct bsd_rttimer_queue *q;
	struct bsd_rtentry *rt[3];
	struct fx *fx = setup_host("192.168.9.1", &rt[0]);
	uint64_t before = fx->k->k_mem.mb_bytype[BSD_M_RTTIMER];
	unsigned i;

	(void)state;
	rt[1] = add_host(fx, "192.168.9.2");
	rt[2] = add_host(fx, "192.168.9.3");
	q = bsd_rt_timer_queue_create(fx->k, 600, "test");
	for (i = 0; i < 3; i++)
		assert_int_equal(bsd_rt_timer_add(fx->k, rt[i], func_a, q), 0);
	bsd_rt_timer_queue_remove_all(fx->k, q, 1);
	assert_int_equal(calls.n, 3);
	for (i = 0; i < 3; i++) {
		assert_ptr_equal(calls.rt[i], rt[i]);
		assert_true(BSD_LIST_EMPTY(&rt[i]->rt_timer));
	}
	assert_int_equal(bsd_rt_timer_count(q), 0);
	assert_true(BSD_TAILQ_EMPTY(&q->rtq_head));
	assert_int_equal(fx->k->k_mem.mb_bytype[BSD_M_RTTIMER], before);
	/* The queue itself stays and takes new entries. */
	assert_int_equal(bsd_rt_timer_add(fx->k, rt[0], func_a, q), 0);
	assert_int_equal(bsd_rt_timer_count(q), 1);
}

static void
test_remove_all_without_destroy(void **state)
{
	struct bsd_rttimer_queue *q;
	struct bsd_rtentry *rt;
	struct fx *fx = setup_host("192.168.9.9", &rt);

	(void)state;
	q = bsd_rt_timer_queue_create(fx->k, 5, "test");
	assert_int_equal(bsd_rt_timer_add(fx->k, rt, NULL, q), 0);
	bsd_rt_timer_queue_remove_all(fx->k, q, 0);
	assert_int_equal(bsd_rt_timer_count(q), 0);
	assert_true(BSD_LIST_EMPTY(&rt->rt_timer));
	fx_advance_s(fx, 60);
	/* Nothing ran: the route is still there. */
	assert_ptr_equal(fx_lookup(fx, "192.168.9.9", 32), rt);
}

static void
test_queue_destroy(void **state)
{
	struct bsd_rttimer_queue *q, *p;
	struct bsd_rtentry *a, *b;
	struct fx *fx = setup_host("192.168.9.1", &a);
	uint64_t before = fx->k->k_mem.mb_bytype[BSD_M_RTTIMER];

	(void)state;
	b = add_host(fx, "192.168.9.2");
	q = bsd_rt_timer_queue_create(fx->k, 5, "gone");
	assert_int_equal(bsd_rt_timer_add(fx->k, a, func_a, q), 0);
	assert_int_equal(bsd_rt_timer_add(fx->k, b, func_b, q), 0);
	bsd_rt_timer_queue_destroy(fx->k, q, 1);
	assert_int_equal(calls.n, 2);
	BSD_LIST_FOREACH(p, &fx->k->k_rttimer_queues, rtq_link)
		assert_ptr_not_equal(p, q);
	assert_true(BSD_LIST_EMPTY(&a->rt_timer));
	assert_int_equal(fx->k->k_mem.mb_bytype[BSD_M_RTTIMER], before);

	/* Without destroy nothing runs, then or later. */
	q = bsd_rt_timer_queue_create(fx->k, 5, "gone too");
	assert_int_equal(bsd_rt_timer_add(fx->k, a, func_a, q), 0);
	bsd_rt_timer_queue_destroy(fx->k, q, 0);
	fx_advance_s(fx, 60);
	assert_int_equal(calls.n, 2);
	assert_true(BSD_LIST_EMPTY(&a->rt_timer));
}

static void
test_route_delete_removes_timers(void **state)
{
	struct bsd_rttimer_queue *q, *q2;
	struct bsd_rtentry *rt;
	struct fx *fx = setup_host("192.168.9.9", &rt);
	uint64_t before = fx->k->k_mem.mb_bytype[BSD_M_RTTIMER];

	(void)state;
	q = bsd_rt_timer_queue_create(fx->k, 10, "test");
	q2 = bsd_rt_timer_queue_create(fx->k, 20, "test2");
	assert_int_equal(bsd_rt_timer_add(fx->k, rt, func_a, q), 0);
	assert_int_equal(bsd_rt_timer_add(fx->k, rt, func_b, q2), 0);
	assert_int_equal(bsd_rtdeletemsg(fx->k, rt), 0);
	assert_int_equal(bsd_rt_timer_count(q), 0);
	assert_int_equal(bsd_rt_timer_count(q2), 0);
	assert_int_equal(fx->k->k_mem.mb_bytype[BSD_M_RTTIMER], before);
	/* A new route under the same key is not touched by the old timers. */
	rt = add_host(fx, "192.168.9.9");
	fx_advance_s(fx, 100);
	assert_int_equal(calls.n, 0);
	assert_ptr_equal(fx_lookup(fx, "192.168.9.9", 32), rt);
}

static void
test_held_route_delete_removes_timers(void **state)
{
	struct bsd_rttimer_queue *q;
	struct bsd_rtentry *rt, *held;
	struct bsd_sockaddr_in dst = fx_sin("192.168.9.9");
	struct fx *fx = setup_host("192.168.9.9", &rt);

	(void)state;
	/* Deleted while someone holds it: its timer must not fire later. */
	q = bsd_rt_timer_queue_create(fx->k, 10, "test");
	held = bsd_rtalloc1(fx->k, (struct bsd_sockaddr *)&dst, 0, 0);
	assert_ptr_equal(held, rt);
	assert_int_equal(bsd_rt_timer_add(fx->k, rt, func_a, q), 0);
	assert_int_equal(bsd_rtdeletemsg(fx->k, rt), 0);
	assert_int_equal(bsd_rt_timer_count(q), 0);
	fx_advance_s(fx, 30);
	assert_int_equal(calls.n, 0);
	bsd_rtfree(fx->k, held);
}

static void
test_route_remove_all(void **state)
{
	struct bsd_rttimer_queue *q, *q2;
	struct bsd_rtentry *rt;
	struct fx *fx = setup_host("192.168.9.9", &rt);

	(void)state;
	q = bsd_rt_timer_queue_create(fx->k, 10, "test");
	q2 = bsd_rt_timer_queue_create(fx->k, 20, "test2");
	assert_int_equal(bsd_rt_timer_add(fx->k, rt, func_a, q), 0);
	assert_int_equal(bsd_rt_timer_add(fx->k, rt, func_b, q2), 0);
	bsd_rt_timer_remove_all(fx->k, rt, 1);
	assert_int_equal(calls.n, 2);
	assert_int_equal(bsd_rt_timer_count(q), 0);
	assert_int_equal(bsd_rt_timer_count(q2), 0);
	assert_true(BSD_LIST_EMPTY(&rt->rt_timer));
	/* Without destroy: gone, silently. */
	assert_int_equal(bsd_rt_timer_add(fx->k, rt, func_a, q), 0);
	bsd_rt_timer_remove_all(fx->k, rt, 0);
	assert_int_equal(calls.n, 2);
	assert_int_equal(bsd_rt_timer_count(q), 0);
	assert_false(on_queue(q, rt));
}

static void
test_timer_costs_memory(void **state)
{
	struct bsd_rttimer_queue *q;
	struct bsd_rtentry *rt;
	struct fx *fx = setup_host("192.168.9.9", &rt);
	struct bsd_membudget *mb = &fx->k->k_mem;
	uint64_t used = mb->mb_used;

	(void)state;
	q = bsd_rt_timer_queue_create(fx->k, 3, "test");
	assert_int_equal(bsd_rt_timer_add(fx->k, rt, func_a, q), 0);
	assert_int_equal(mb->mb_used, used + BSD_MEMCOST_RTTIMER);
	assert_int_equal(mb->mb_bytype[BSD_M_RTTIMER], BSD_MEMCOST_RTTIMER);
	/* Re-arming reuses the entry: no second charge. */
	assert_int_equal(bsd_rt_timer_add(fx->k, rt, func_a, q), 0);
	assert_int_equal(mb->mb_used, used + BSD_MEMCOST_RTTIMER);
	fx_advance_s(fx, 4);
	assert_int_equal(calls.n, 1);
	assert_int_equal(mb->mb_used, used);
	assert_int_equal(mb->mb_bytype[BSD_M_RTTIMER], 0);
}

static void
test_enobufs_without_budget(void **state)
{
	struct bsd_rttimer_queue *q;
	struct bsd_rtentry *rt;
	struct fx *fx = setup_host("192.168.9.9", &rt);
	struct bsd_membudget *mb = &fx->k->k_mem;

	(void)state;
	q = bsd_rt_timer_queue_create(fx->k, 10, "test");
	mb->mb_limit = mb->mb_used + BSD_MEMCOST_RTTIMER - 1;
	assert_int_equal(bsd_rt_timer_add(fx->k, rt, func_a, q), ENOBUFS);
	assert_int_equal(bsd_rt_timer_count(q), 0);
	assert_true(BSD_LIST_EMPTY(&rt->rt_timer));
	assert_int_equal(mb->mb_fail, 1);
	assert_int_equal(fx->traces[BSD_TR_ENOBUFS], 1);
	/* Exactly enough room: it fits, and the budget is now full ... */
	mb->mb_limit++;
	assert_int_equal(bsd_rt_timer_add(fx->k, rt, func_a, q), 0);
	assert_int_equal(mb->mb_used, mb->mb_limit);
	/* ... which does not stop a re-arm, but does a second timer. */
	assert_int_equal(bsd_rt_timer_add(fx->k, rt, func_a, q), 0);
	assert_int_equal(bsd_rt_timer_add(fx->k, rt, func_b, q), ENOBUFS);
	assert_int_equal(bsd_rt_timer_count(q), 1);
	assert_int_equal(mb->mb_fail, 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_tick_every_second),
		T(test_fires_first_tick_past_timeout),
		T(test_custom_func_gets_route),
		T(test_null_func_deletes_quietly),
		T(test_rearm_same_func_moves_to_tail),
		T(test_rearm_moves_between_queues),
		T(test_two_funcs_two_timers),
		T(test_count),
		T(test_queue_change),
		T(test_remove_all_with_destroy_runs_funcs),
		T(test_remove_all_without_destroy),
		T(test_queue_destroy),
		T(test_route_delete_removes_timers),
		T(test_held_route_delete_removes_timers),
		T(test_route_remove_all),
		T(test_timer_costs_memory),
		T(test_enobufs_without_budget),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
