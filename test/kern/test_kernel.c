/*
 * Tests for the kernel object (bsd_kernel.c): create, time, hooks, destroy.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "kern_fixture.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NS(s)	((int64_t)(s) * BSD_NSEC_PER_SEC)

/*
 * The running test's fixtures (and kernel of its own), freed by its
 * teardown even when an assertion fails, so that a failure is not
 * buried under leak reports.
 */
static struct bsd_kernel *livek;
static int
cleanup(void **state)
{
	(void)fx_cleanup(state);
	bsd_kernel_destroy(livek);
	livek = NULL;
	return 0;
}

#define T(f)	cmocka_unit_test_teardown(f, cleanup)

/* A host of our own, for the hooks the fixture does not show. */
struct host {
	int64_t		now;
	int		ndeadline;
	int64_t		deadline;
	int		nlog;
	int		pri;
	char		line[512];
	int		ntrace;
	struct bsd_trace tr;
	int		nmsgs;
};

static int64_t
host_now(void *ctx)
{

	return ((struct host *)ctx)->now;
}

static void
host_deadline(void *ctx, int64_t when)
{
	struct host *h = ctx;

	h->ndeadline++;
	h->deadline = when;
}

static void
host_log(void *ctx, int pri, const char *msg)
{
	struct host *h = ctx;

	h->nlog++;
	h->pri = pri;
	strncpy(h->line, msg, sizeof(h->line) - 1);
}

static void
host_trace(void *ctx, const struct bsd_trace *tr)
{
	struct host *h = ctx;

	h->ntrace++;
	h->tr = *tr;
}

static void
host_msg(void *arg, const struct bsd_rt_msg *m)
{

	(void)m;
	((struct host *)arg)->nmsgs++;
}

static struct bsd_hooks
host_hooks(struct host *h)
{
	struct bsd_hooks hk;

	memset(h, 0, sizeof(*h));
	memset(&hk, 0, sizeof(hk));
	hk.h_ctx = h;
	hk.h_now = host_now;
	hk.h_deadline = host_deadline;
	hk.h_log = host_log;
	hk.h_trace = host_trace;
	return hk;
}

/* A kernel on our own host, freed by cleanup unless the test does. */
static struct bsd_kernel *
own_kernel(struct host *h, const char *pers)
{
	struct bsd_hooks hk = host_hooks(h);

	assert_null(livek);
	livek = bsd_kernel_create(bsd_personality_find(pers), &hk);
	assert_non_null(livek);
	return livek;
}

static void
test_create_refuses_missing_arguments(void **state)
{
	const struct bsd_personality *p = bsd_personality_find("netbsd-2");
	struct bsd_hooks hk;
	struct host h;

	(void)state;
	hk = host_hooks(&h);
	hk.h_now = NULL;
	assert_null(bsd_kernel_create(p, &hk));
	hk.h_now = host_now;
	assert_null(bsd_kernel_create(NULL, &hk));
	assert_null(bsd_kernel_create(p, NULL));
	/* Only h_now is required. */
	hk.h_deadline = NULL;
	hk.h_log = NULL;
	hk.h_trace = NULL;
	livek = bsd_kernel_create(p, &hk);
	assert_non_null(livek);
}

static void
test_create_copies_personality_and_hooks(void **state)
{
	struct bsd_personality p = *bsd_personality_find("netbsd-2");
	struct bsd_kernel *k;
	struct bsd_hooks hk;
	struct host h;

	(void)state;
	hk = host_hooks(&h);
	p.p_tun.mem_limit = 12345;
	k = livek = bsd_kernel_create(&p, &hk);
	assert_non_null(k);
	assert_int_equal(k->k_mem.mb_limit, 12345);
	/* Later changes to the caller's copies do not reach the kernel. */
	p.p_flushclones = 0;
	p.p_tun.redirtimeout = 1;
	hk.h_now = NULL;
	assert_int_equal(k->k_pers.p_flushclones, 1);
	assert_int_equal(k->k_pers.p_tun.redirtimeout, 600);
	assert_string_equal(k->k_pers.p_name, "netbsd-2");
	h.now = NS(7);
	assert_int_equal(bsd_now(k), NS(7));
}

static void
test_time_second_never_zero_at_boot(void **state)
{
	struct fx *fx = fx_keep(fx_new("netbsd-2"));

	(void)state;
	assert_int_equal(fx->now, 0);
	assert_int_equal(bsd_time_uptime(fx->k), 0);
	/* 0 means "never expires" in rmx_expire: time_second must not be 0. */
	assert_true(bsd_time_second(fx->k) > 0);
	assert_int_equal(bsd_time_second(fx->k), fx->k->k_boottime);
}

static void
test_time_follows_the_clock(void **state)
{
	struct fx *fx = fx_keep(fx_new("netbsd-2"));
	int64_t boot = bsd_time_second(fx->k);

	(void)state;
	/* Whole seconds: just short of one second is still 0. */
	fx_advance(fx, NS(1) - 1);
	assert_int_equal(bsd_time_uptime(fx->k), 0);
	assert_int_equal(bsd_time_second(fx->k), boot);
	fx_advance(fx, 1);
	assert_int_equal(bsd_time_uptime(fx->k), 1);
	assert_int_equal(bsd_time_second(fx->k), boot + 1);
	fx_advance(fx, NS(3600) + NS(1) / 2);
	assert_int_equal(bsd_time_uptime(fx->k), 3601);
	assert_int_equal(bsd_time_second(fx->k), boot + 3601);
	assert_int_equal(bsd_now(fx->k), NS(3601) + NS(1) / 2);
}

static void
nop(struct bsd_kernel *k, void *arg)
{

	(void)k;
	(void)arg;
}

static void
test_deadline_hook_only_on_change(void **state)
{
	struct bsd_callout a, b, *c;
	struct bsd_kernel *k;
	struct host h;
	int n;

	(void)state;
	k = own_kernel(&h, "netbsd-2");
	/* The hook was told the earliest of the boot-time callouts. */
	assert_true(h.ndeadline >= 1);
	assert_int_equal(h.deadline, bsd_callout_next(k));
	while ((c = BSD_TAILQ_FIRST(&k->k_callouts)) != NULL)
		bsd_callout_stop(k, c);
	assert_int_equal(h.deadline, BSD_NEVER);
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));

	n = h.ndeadline;
	bsd_callout_reset(k, &a, NS(5), nop, NULL);
	assert_int_equal(h.ndeadline, n + 1);
	assert_int_equal(h.deadline, NS(5));
	/* Neither a later callout nor asking again changes the earliest. */
	bsd_callout_reset(k, &b, NS(7), nop, NULL);
	bsd_kernel_deadline(k);
	bsd_kernel_timers(k);
	bsd_callout_stop(k, &b);
	assert_int_equal(h.ndeadline, n + 1);
	/* Running the earliest does. */
	bsd_callout_reset(k, &b, NS(7), nop, NULL);
	h.now = NS(5);
	bsd_kernel_timers(k);
	assert_int_equal(h.ndeadline, n + 2);
	assert_int_equal(h.deadline, NS(7));
	bsd_callout_stop(k, &b);
	assert_int_equal(h.ndeadline, n + 3);
	assert_int_equal(h.deadline, BSD_NEVER);
}

static void
test_timers_runs_only_what_is_due(void **state)
{
	struct fx *fx = fx_keep(fx_new("netbsd-2"));
	struct bsd_rttimer_queue *q;
	struct bsd_rtentry *rt;

	(void)state;
	q = bsd_rt_timer_queue_create(fx->k, 1, "t");
	assert_non_null(q);
	assert_int_equal(fx_add(fx, "192.168.9.9", 32, "10.0.0.254",
	    BSD_RTF_GATEWAY), 0);
	rt = fx_lookup(fx, "192.168.9.9", 32);
	assert_int_equal(bsd_rt_timer_add(fx->k, rt, NULL, q), 0);
	/* Called early (the host may be late, never early): nothing. */
	fx->now = NS(1) + NS(1) / 2;
	bsd_kernel_timers(fx->k);	/* tick at 1 s: 0 + 1 < 1 is false */
	assert_non_null(fx_lookup(fx, "192.168.9.9", 32));
	/* A late call runs the one tick that is due, not the missed ones. */
	fx->now = NS(5);
	bsd_kernel_timers(fx->k);
	assert_null(fx_lookup(fx, "192.168.9.9", 32));
	assert_int_equal(fx->k->k_rttimer_ch.c_time, NS(6));
	assert_int_equal(fx->deadline, bsd_callout_next(fx->k));
}

static void
test_log_hook(void **state)
{
	struct bsd_kernel *k;
	struct host h;
	char big[400];

	(void)state;
	k = own_kernel(&h, "netbsd-2");
	bsd_log(k, BSD_LOG_INFO, "arp: %s moved from %d", "10.0.0.9", 7);
	assert_int_equal(h.nlog, 1);
	assert_int_equal(h.pri, BSD_LOG_INFO);
	assert_string_equal(h.line, "arp: 10.0.0.9 moved from 7");
	/* A long line is cut, never overrun. */
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	bsd_log(k, BSD_LOG_ERR, "%s", big);
	assert_int_equal(h.nlog, 2);
	assert_int_equal(h.pri, BSD_LOG_ERR);
	assert_true(strlen(h.line) > 0 && strlen(h.line) < sizeof(big) - 1);
	assert_memory_equal(h.line, big, strlen(h.line));
	/* Without a hook, log(9) goes nowhere. */
	k->k_hooks.h_log = NULL;
	bsd_log(k, BSD_LOG_ERR, "dropped");
	assert_int_equal(h.nlog, 2);
}

static void
test_trace_hook(void **state)
{
	struct bsd_kernel *k;
	struct host h;
	struct bsd_rtentry dummy;

	(void)state;
	k = own_kernel(&h, "netbsd-2");
	memset(&dummy, 0, sizeof(dummy));
	bsd_trace(k, BSD_TR_ENOBUFS, &dummy, BSD_M_RTTIMER);
	assert_int_equal(h.ntrace, 1);
	assert_int_equal(h.tr.tr_type, BSD_TR_ENOBUFS);
	assert_ptr_equal(h.tr.tr_rt, &dummy);
	assert_int_equal(h.tr.tr_arg, BSD_M_RTTIMER);
	k->k_hooks.h_trace = NULL;
	bsd_trace(k, BSD_TR_RTADD, NULL, 0);
	assert_int_equal(h.ntrace, 1);
}

static void
test_destroy_null(void **state)
{

	(void)state;
	bsd_kernel_destroy(NULL);
}

/* Fill a kernel with everything destroy must free. */
static void
make_busy(struct fx *fx, struct bsd_rtentry **held)
{
	static const uint8_t mac2[6] = { 0x08, 0x00, 0x2b, 0x00, 0x49, 0xa5 };
	struct bsd_kernel *k = fx->k;
	struct bsd_rttimer_queue *q;
	struct bsd_sockaddr_in dst;
	struct bsd_ifnet *ifp2;
	struct bsd_rtentry *rt, *gone;
	char a[32];
	unsigned i;

	for (i = 2; i < 40; i++) {
		snprintf(a, sizeof(a), "10.0.0.%u", i);
		(void)fx_touch(fx, a);
		snprintf(a, sizeof(a), "172.16.%u.1", i);
		dst = fx_sin(a);
		rt = bsd_rtalloc_local(k, (struct bsd_sockaddr *)&dst);
		bsd_rtfree(k, rt);
	}
	assert_int_equal(fx_add(fx, "192.168.0.0", 16, "10.0.0.254",
	    BSD_RTF_GATEWAY | BSD_RTF_STATIC), 0);
	(void)bsd_icmp_redirect(k, fx_ip("192.168.7.7"), fx_ip("10.0.0.253"),
	    fx_ip("10.0.0.254"));
	(void)bsd_icmp_mtudisc(k, fx_ip("172.20.0.1"), 1400, 1500, 1);
	q = bsd_rt_timer_queue_create(k, 60, "busy");
	assert_non_null(q);
	assert_int_equal(bsd_rt_timer_add(k, fx_lookup(fx, "192.168.0.0", 16),
	    NULL, q), 0);

	/* A referenced route, and a deleted one still referenced. */
	dst = fx_sin("192.168.1.1");
	*held = bsd_rtalloc1(k, (struct bsd_sockaddr *)&dst, 0, 0);
	assert_non_null(*held);
	assert_int_equal(fx_add(fx, "192.169.0.0", 16, "10.0.0.254",
	    BSD_RTF_GATEWAY | BSD_RTF_STATIC), 0);
	dst = fx_sin("192.169.1.1");
	gone = bsd_rtalloc1(k, (struct bsd_sockaddr *)&dst, 0, 0);
	assert_non_null(gone);
	assert_int_equal(bsd_rtdeletemsg(k, gone), 0);
	assert_int_equal(gone->rt_flags & BSD_RTF_UP, 0);

	/* A second interface, its address gone, a route through it held. */
	ifp2 = bsd_if_attach(k, "eth1", BSD_IFT_ETHER, mac2, 6, 1500,
	    BSD_IFF_UP | BSD_IFF_BROADCAST | BSD_IFF_RUNNING);
	assert_non_null(ifp2);
	assert_int_equal(bsd_in_ifaddr_add(k, ifp2, fx_ip("10.9.0.1"), 24), 0);
	assert_int_equal(fx_add(fx, "10.10.0.0", 16, "10.9.0.254",
	    BSD_RTF_GATEWAY | BSD_RTF_STATIC), 0);
	dst = fx_sin("10.10.0.1");
	rt = bsd_rtalloc1(k, (struct bsd_sockaddr *)&dst, 0, 0);
	assert_non_null(rt);
	assert_int_equal(bsd_in_ifaddr_delete(k, ifp2, fx_ip("10.9.0.1")), 0);
	assert_false(BSD_TAILQ_EMPTY(&k->k_ifa_gone));
	fx_advance_s(fx, 30);
}

static void
test_destroy_busy_kernel_leaks_nothing(void **state)
{
	struct bsd_rtentry *held;
	unsigned i;

	(void)state;
	/*
	 * Every personality, with clones, timers, held and lingering
	 * routes and a referenced ifaddr off its interface.  The sanitizer
	 * build (LSan) fails this test if destroy leaks any of it.
	 */
	for (i = 0; i < bsd_personality_count(); i++) {
		struct fx *fx = fx_keep(fx_new_pers(bsd_personality_at(i)));

		make_busy(fx, &held);
		assert_true(held->rt_refcnt > 0);
		assert_true(fx->k->k_rtstat.rts_trash >= 1);
		fx_drop(fx);
	}
}

static void
test_destroy_is_silent(void **state)
{
	struct fx *fx = fx_keep(fx_new("netbsd-2"));
	struct bsd_rtentry *held;
	struct host h;
	unsigned nmsgs;

	(void)state;
	memset(&h, 0, sizeof(h));
	assert_int_equal(bsd_rtsock_subscribe(fx->k, host_msg, &h), 0);
	make_busy(fx, &held);
	nmsgs = h.nmsgs;
	assert_true(nmsgs > 0);
	/* fx->msgs lives in fx, freed with it; h outlives the kernel. */
	bsd_kernel_destroy(fx->k);
	fx->k = NULL;
	assert_int_equal(h.nmsgs, nmsgs);
	fx_drop(fx);
}

static void
test_two_kernels_share_nothing(void **state)
{
	struct fx *a = fx_keep(fx_new("netbsd-2"));
	struct fx *b = fx_keep(fx_new("freebsd-4"));
	unsigned bmsgs;

	(void)state;
	/* Each kernel numbers its own interfaces and messages. */
	assert_int_equal(a->ifp->if_index, 1);
	assert_int_equal(b->ifp->if_index, 1);
	assert_int_equal(fx_add(a, "172.16.0.0", 16, "10.0.0.254",
	    BSD_RTF_GATEWAY | BSD_RTF_STATIC), 0);
	assert_non_null(fx_lookup(a, "172.16.0.0", 16));
	assert_null(fx_lookup(b, "172.16.0.0", 16));
	assert_int_equal(bsd_rt_total(a->k), 3);
	assert_int_equal(bsd_rt_total(b->k), 2);

	bmsgs = b->nmsgs;
	(void)fx_touch(a, "10.0.0.5");
	assert_int_equal(b->nmsgs, bmsgs);
	assert_null(fx_lookup(b, "10.0.0.5", 32));
	assert_int_equal(a->msgs[a->nmsgs - 1].rtm_seq,
	    a->k->k_rtsock.rs_seq);
	assert_int_not_equal(a->k->k_rtsock.rs_seq, b->k->k_rtsock.rs_seq);

	/* Each runs on its own clock. */
	fx_advance_s(a, 100);
	assert_int_equal(bsd_time_uptime(a->k), 100);
	assert_int_equal(bsd_time_uptime(b->k), 0);

	/* Each has its own budget. */
	b->k->k_mem.mb_limit = b->k->k_mem.mb_used;
	assert_int_equal(fx_add(a, "172.17.0.0", 16, "10.0.0.254",
	    BSD_RTF_GATEWAY | BSD_RTF_STATIC), 0);
	assert_int_equal(fx_add(b, "172.17.0.0", 16, "10.0.0.254",
	    BSD_RTF_GATEWAY | BSD_RTF_STATIC), ENOBUFS);

	/* And one going away leaves the other whole. */
	fx_drop(b);
	assert_non_null(fx_touch(a, "10.0.0.6"));
	assert_int_equal(bsd_rt_total(a->k), 6);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_create_refuses_missing_arguments),
		T(test_create_copies_personality_and_hooks),
		T(test_time_second_never_zero_at_boot),
		T(test_time_follows_the_clock),
		T(test_deadline_hook_only_on_change),
		T(test_timers_runs_only_what_is_due),
		T(test_log_hook),
		T(test_trace_hook),
		T(test_destroy_null),
		T(test_destroy_busy_kernel_leaks_nothing),
		T(test_destroy_is_silent),
		T(test_two_kernels_share_nothing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
