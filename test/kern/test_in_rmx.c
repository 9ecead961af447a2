/*
 * FreeBSD's aging of cloned routes (bsd_in_rmx.c): RTPRF_OURS on the
 * last release, expiry after rtq_reallyold, and the adaptive cut by a
 * third at most once per rtq_timeout while too many survive.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "kern_fixture.h"

/* connect() to n distinct off-link hosts and let go of each. */
static void
connect_n(struct fx *fx, int n)
{
	struct bsd_sockaddr_in d;
	struct bsd_rtentry *rt;
	int i;

	for (i = 1; i <= n; i++) {
		bsd_sin_init(&d, bsd_htonl(198u << 24 | 18u << 16 |
		    (uint32_t)i));
		rt = bsd_rtalloc_local(fx->k, (struct bsd_sockaddr *)&d);
		assert_non_null(rt);
		bsd_rtfree(fx->k, rt);
	}
}

static void
test_idle_clone_marked_ours(void **state)
{
	struct fx *fx = fx_new("freebsd-4");
	struct bsd_sockaddr_in d = fx_sin("198.18.0.1");
	struct bsd_rtentry *rt;

	(void)state;
	rt = bsd_rtalloc_local(fx->k, (struct bsd_sockaddr *)&d);
	/* Referenced: not aging. */
	assert_false(rt->rt_flags & BSD_RTPRF_OURS);
	assert_int_equal(rt->rt_rmx.rmx_expire, 0);
	bsd_rtfree(fx->k, rt);
	assert_true(rt->rt_flags & BSD_RTPRF_OURS);
	assert_int_equal(rt->rt_rmx.rmx_expire,
	    bsd_time_second(fx->k) + 3600);
	/* in_matroute: a new reference stops the clock ... */
	fx_advance_s(fx, 100);
	rt = bsd_rtalloc_local(fx->k, (struct bsd_sockaddr *)&d);
	assert_false(rt->rt_flags & BSD_RTPRF_OURS);
	assert_int_equal(rt->rt_rmx.rmx_expire, 0);
	/* ... and the release restarts it from now. */
	bsd_rtfree(fx->k, rt);
	assert_int_equal(rt->rt_rmx.rmx_expire,
	    bsd_time_second(fx->k) + 3600);
	assert_int_equal(fx->k->k_inrmx.rq_ours, 1);
	fx_free(fx);
}

static void
test_arp_entries_not_aged_here(void **state)
{
	struct fx *fx = fx_new_ll(bsd_personality_find("freebsd-4"));
	struct bsd_rtentry *rt = fx_touch(fx, "10.0.0.5");

	(void)state;
	/* (flags & (RTF_LLINFO|RTF_HOST)) must be RTF_HOST: ARP ages its own. */
	assert_false(rt->rt_flags & BSD_RTPRF_OURS);
	assert_int_equal(fx->k->k_inrmx.rq_ours, 0);
	fx_free(fx);
}

static void
test_adaptive_cut(void **state)
{
	struct fx *fx = fx_new("freebsd-4");
	struct bsd_in_rmx_state *rq = &fx->k->k_inrmx;

	(void)state;
	fx_advance_s(fx, 1);
	connect_n(fx, 200);		/* > rtq_toomany (128) */
	assert_int_equal(rq->rq_ours, 200);
	/* Passes every 600 s; each sees 200 > 128 and cuts by a third. */
	fx_advance_s(fx, 599);
	assert_int_equal(rq->rq_reallyold, 2400);
	fx_advance_s(fx, 600);
	assert_int_equal(rq->rq_reallyold, 1600);
	fx_advance_s(fx, 600);
	assert_int_equal(rq->rq_reallyold, 1066);
	/* Clamped to 1200 + 1600 = 2800 at the second cut. */
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_CLONED), 200);
	fx_advance_s(fx, 2799 - 1800);
	assert_int_equal(rq->rq_reallyold, 710);
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_CLONED), 200);
	fx_advance_s(fx, 1);
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_CLONED), 0);
	assert_int_equal(rq->rq_killed, 200);
	assert_int_equal(rq->rq_cuts, 4);
	/* It never grows back by itself. */
	fx_advance_s(fx, 10000);
	assert_int_equal(rq->rq_reallyold, 710);
	fx_free(fx);
}

static void
test_no_cut_below_toomany(void **state)
{
	struct fx *fx = fx_new("freebsd-4");

	(void)state;
	connect_n(fx, 100);
	fx_advance_s(fx, 3599);
	assert_int_equal(fx->k->k_inrmx.rq_reallyold, 3600);
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_CLONED), 100);
	fx_advance_s(fx, 2);
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_CLONED), 0);
	fx_free(fx);
}

static void
test_floor(void **state)
{
	struct bsd_personality p = *bsd_personality_find("freebsd-4");
	struct fx *fx;

	(void)state;
	p.p_tun.rtq_reallyold = 12;
	p.p_tun.rtq_timeout = 1;
	p.p_tun.rtq_toomany = 0;
	fx = fx_new_pers(&p);
	connect_n(fx, 5);
	fx_advance_s(fx, 3);
	assert_int_equal(fx->k->k_inrmx.rq_reallyold, 10);
	fx_free(fx);
}

static void
test_reallyold_zero_deletes_at_once(void **state)
{
	struct bsd_personality p = *bsd_personality_find("freebsd-4");
	struct fx *fx;

	(void)state;
	p.p_tun.rtq_reallyold = 0;
	fx = fx_new_pers(&p);
	connect_n(fx, 10);
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_CLONED), 0);
	fx_free(fx);
}

static void
test_drain(void **state)
{
	struct fx *fx = fx_new("freebsd-4");

	(void)state;
	connect_n(fx, 50);
	bsd_in_rtqdrain(fx->k);
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_CLONED), 0);
	assert_int_equal(fx->k->k_inrmx.rq_ours, 0);
	fx_free(fx);
}

/*
 * rtq_toomany is a strict bound (in_rtqtimo: "if (arg.found -
 * arg.killed > rtq_toomany)"): 128 survivors are tolerated, 129 are not.
 */
static void
toomany_pass(int survivors, int32_t want_reallyold, uint64_t want_cuts)
{
	struct fx *fx = fx_keep(fx_new("freebsd-4"));
	struct bsd_in_rmx_state *rq = &fx->k->k_inrmx;

	assert_int_equal(fx->k->k_pers.p_tun.rtq_toomany, 128);
	fx_advance_s(fx, 1);
	connect_n(fx, survivors);
	/* The pass at t = 600 finds them all alive (expiry 3601). */
	fx_advance_s(fx, 599);
	assert_int_equal(rq->rq_cuts, want_cuts);
	assert_int_equal(rq->rq_reallyold, want_reallyold);
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_CLONED), survivors);
	fx_drop(fx);
}

static void
test_toomany_boundary(void **state)
{

	(void)state;
	toomany_pass(128, 3600, 0);
	toomany_pass(129, 2400, 1);
}

/*
 * At most one cut per rtq_timeout ("if ((now - last_adjusted_timeout)
 * >= rtq_timeout)"), even when a pass runs sooner because an entry is
 * due.  reallyold 100, rtq_timeout 1000, toomany 0: a clone released at
 * t = 950 makes the t = 1000 pass cut to 66; one released at 1040 is
 * alive at the t = 1050 pass (which A's expiry brings forward), but that
 * pass is only 50 s after the cut, so the expiry stays 66.
 */
static void
test_one_cut_per_timeout(void **state)
{
	struct bsd_personality p = *bsd_personality_find("freebsd-4");
	struct bsd_in_rmx_state *rq;
	struct bsd_sockaddr_in a = fx_sin("198.18.0.1");
	struct bsd_sockaddr_in b = fx_sin("198.18.0.2");
	struct bsd_rtentry *rt;
	struct fx *fx;
	int64_t t0;

	(void)state;
	p.p_tun.rtq_reallyold = 100;
	p.p_tun.rtq_timeout = 1000;
	p.p_tun.rtq_toomany = 0;
	fx = fx_keep(fx_new_pers(&p));
	rq = &fx->k->k_inrmx;
	fx_advance_s(fx, 950);
	rt = bsd_rtalloc_local(fx->k, (struct bsd_sockaddr *)&a);
	assert_non_null(rt);
	bsd_rtfree(fx->k, rt);
	t0 = bsd_time_second(fx->k) - 950;	/* time_second at boot */
	assert_int_equal(rt->rt_rmx.rmx_expire, t0 + 1050);
	fx_advance_s(fx, 50);			/* t = 1000: the cut */
	assert_int_equal(rq->rq_reallyold, 66);
	assert_int_equal(rq->rq_cuts, 1);
	fx_advance_s(fx, 40);			/* t = 1040 */
	rt = bsd_rtalloc_local(fx->k, (struct bsd_sockaddr *)&b);
	assert_non_null(rt);
	bsd_rtfree(fx->k, rt);
	assert_int_equal(rt->rt_rmx.rmx_expire, t0 + 1040 + 66);
	fx_advance_s(fx, 10);			/* t = 1050: A goes, B survives */
	assert_int_equal(rq->rq_killed, 1);
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_CLONED), 1);
	assert_int_equal(rq->rq_reallyold, 66);
	assert_int_equal(rq->rq_cuts, 1);
	assert_int_equal(rt->rt_rmx.rmx_expire, t0 + 1106);
	fx_advance_s(fx, 56);			/* t = 1106: B goes on time */
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_CLONED), 0);
	assert_int_equal(rq->rq_cuts, 1);
}

/*
 * The floor from the other side: 15 s cuts to exactly 10 (2 * 15 / 3),
 * and a floor already reached is not cut again (no more rq_cuts), however
 * many survive.
 */
static void
test_floor_reached_exactly(void **state)
{
	struct bsd_personality p = *bsd_personality_find("freebsd-4");
	struct fx *fx;

	(void)state;
	p.p_tun.rtq_reallyold = 15;
	p.p_tun.rtq_timeout = 1;
	p.p_tun.rtq_toomany = 0;
	fx = fx_keep(fx_new_pers(&p));
	assert_int_equal(p.p_tun.rtq_minreallyold, 10);
	fx_advance_s(fx, 1);
	connect_n(fx, 3);
	fx_advance_s(fx, 1);
	assert_int_equal(fx->k->k_inrmx.rq_reallyold, 10);
	assert_int_equal(fx->k->k_inrmx.rq_cuts, 1);
	fx_advance_s(fx, 5);
	assert_int_equal(fx->k->k_inrmx.rq_reallyold, 10);
	assert_int_equal(fx->k->k_inrmx.rq_cuts, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_idle_clone_marked_ours),
		cmocka_unit_test(test_arp_entries_not_aged_here),
		cmocka_unit_test(test_adaptive_cut),
		cmocka_unit_test(test_no_cut_below_toomany),
		cmocka_unit_test(test_floor),
		cmocka_unit_test(test_reallyold_zero_deletes_at_once),
		cmocka_unit_test(test_drain),
		FX_TEST(test_toomany_boundary),
		FX_TEST(test_one_cut_per_timeout),
		FX_TEST(test_floor_reached_exactly),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
