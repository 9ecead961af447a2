/*
 * Routes made by ICMP (bsd_rtdyn.c): the redirect and path-MTU timers,
 * and the high/low watermarks on their numbers.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <errno.h>
#include <string.h>

#include "kern_fixture.h"

/* An off-link destination per n, all through the default route. */
static uint32_t
dst_n(int n)
{

	/* 198.18.x.y: the benchmarking block (RFC 2544) */
	return bsd_htonl(198u << 24 | 18u << 16 | (uint32_t)(n & 0xffff));
}

static int
redirect_n(struct fx *fx, int n)
{

	return bsd_icmp_redirect(fx->k, dst_n(n), fx_ip("10.0.0.253"),
	    fx_ip("10.0.0.254"));
}

static void
test_redirect_expires_at_600(void **state)
{
	struct fx *fx = fx_new("netbsd-2");

	(void)state;
	fx_advance_s(fx, 10);
	assert_int_equal(redirect_n(fx, 1), 0);
	/* rt_timer: (rtt_time + 600) < time_uptime, checked each second */
	fx_advance_s(fx, 600);
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_REDIRECT), 1);
	fx_advance_s(fx, 1);
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_REDIRECT), 0);
	fx_free(fx);
}

/*
 * A redirect route made with the budget's last bytes gets no timer: it
 * stays, on no queue, and the failure is logged as NetBSD's icmp_input
 * logs it.
 */
static void
test_redirect_timer_failure_logged(void **state)
{
	struct fx *fx = fx_new("netbsd-2");
	struct bsd_membudget *mb = &fx->k->k_mem;

	(void)state;
	/* Room for one more route (rtentry + key/gateway) but no timer. */
	mb->mb_limit = mb->mb_used + BSD_MEMCOST_RTENTRY + BSD_MEMCOST_RTKEYGW;
	assert_int_equal(redirect_n(fx, 1), 0);
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_REDIRECT), 1);
	assert_int_equal(fx->nlogs, 1);
	assert_non_null(strstr(fx->lastlog, "redirect failed to register "
	    "timeout for route to 198.18.0.1"));
	/* On no queue, it outlives the 600 s timer. */
	fx_advance_s(fx, 700);
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_REDIRECT), 1);
	fx_free(fx);
}

static void
test_redirtimeout_settable(void **state)
{
	struct fx *fx = fx_new("netbsd-2");

	(void)state;
	assert_int_equal(bsd_rtdyn_set_redirtimeout(fx->k, -1), EINVAL);
	assert_int_equal(bsd_rtdyn_set_redirtimeout(fx->k, 60), 0);
	assert_int_equal(redirect_n(fx, 1), 0);
	fx_advance_s(fx, 60);
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_REDIRECT), 1);
	fx_advance_s(fx, 2);
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_REDIRECT), 0);
	/* 0 destroys the queue, running its callouts: all go at once. */
	assert_int_equal(redirect_n(fx, 2), 0);
	assert_int_equal(redirect_n(fx, 3), 0);
	assert_int_equal(bsd_rtdyn_set_redirtimeout(fx->k, 0), 0);
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_REDIRECT), 0);
	/* ... and later redirect routes never time out. */
	assert_int_equal(redirect_n(fx, 4), 0);
	fx_advance_s(fx, 100000);
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_REDIRECT), 1);
	fx_free(fx);
}

static void
test_modified_route_outlives_timer(void **state)
{
	struct fx *fx = fx_new("netbsd-2");
	struct bsd_rtentry *rt;

	(void)state;
	assert_int_equal(fx_add(fx, "198.18.0.1", 32, "10.0.0.254",
	    BSD_RTF_GATEWAY | BSD_RTF_STATIC), 0);
	assert_int_equal(bsd_icmp_redirect(fx->k, fx_ip("198.18.0.1"),
	    fx_ip("10.0.0.253"), fx_ip("10.0.0.254")), 0);
	rt = fx_lookup(fx, "198.18.0.1", 32);
	assert_true(rt->rt_flags & BSD_RTF_MODIFIED);
	fx_advance_s(fx, 700);
	/* icmp_redirect_timeout deletes only RTF_DYNAMIC|RTF_HOST. */
	assert_ptr_equal(fx_lookup(fx, "198.18.0.1", 32), rt);
	assert_int_equal(rt->rt_gw.sin.sin_addr, fx_ip("10.0.0.253"));
	fx_free(fx);
}

static void
test_redirect_hiwat_refuses(void **state)
{
	struct bsd_personality p = *bsd_personality_find("netbsd-2");
	struct fx *fx;
	int n, refused = 0;

	(void)state;
	p.p_tun.redirect_hiwat = 100;
	p.p_tun.redirect_lowat = 50;
	fx = fx_new_pers(&p);
	for (n = 1; n <= 500; n++)
		if (redirect_n(fx, n) == ENOBUFS)
			refused++;
	/* KAME: past hiwat (count > hiwat) new routes are refused. */
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_REDIRECT), 101);
	assert_int_equal(refused, 399);
	assert_int_equal(fx->k->k_rtdyn.rd_redir_wmdrop, 399);
	/* They age out; then new ones are taken again. */
	fx_advance_s(fx, 602);
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_REDIRECT), 0);
	assert_int_equal(redirect_n(fx, 1000), 0);
	fx_free(fx);
}

static void
test_redirect_watermarks_evict(void **state)
{
	struct bsd_personality p = *bsd_personality_find("netbsd-2");
	struct fx *fx;
	uint64_t c, max = 0;
	int n;

	(void)state;
	p.p_tun.redirect_hiwat = 100;
	p.p_tun.redirect_lowat = 50;
	p.p_tun.wm_policy = BSD_WM_EVICT;
	fx = fx_new_pers(&p);
	for (n = 1; n <= 500; n++) {
		assert_int_equal(redirect_n(fx, n), 0);
		c = bsd_rt_count(fx->k, BSD_RTK_REDIRECT);
		if (c > max)
			max = c;
		if (n > 100)
			assert_in_range(c, 51, 100);
	}
	assert_int_equal(max, 100);
	/* The newest stay: the last one is there, the first long gone. */
	assert_non_null(bsd_rtlookup(fx->k, dst_n(500), 32));
	assert_null(bsd_rtlookup(fx->k, dst_n(1), 32));
	assert_true(fx->k->k_rtdyn.rd_evicted > 0);
	fx_free(fx);
}

static void
test_mtudisc_route_and_timer(void **state)
{
	struct fx *fx = fx_new("netbsd-2");
	struct bsd_rtentry *rt;

	(void)state;
	assert_int_equal(bsd_icmp_mtudisc(fx->k, dst_n(1), 1280, 1500, 1), 0);
	rt = bsd_rtlookup(fx->k, dst_n(1), 32);
	assert_non_null(rt);
	assert_int_equal(rt->rt_flags & (BSD_RTF_GATEWAY | BSD_RTF_HOST |
	    BSD_RTF_DYNAMIC), BSD_RTF_GATEWAY | BSD_RTF_HOST |
	    BSD_RTF_DYNAMIC);
	assert_int_equal(rt->rt_rmx.rmx_mtu, 1280);
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_PMTU), 1);
	/* A larger report does not raise it. */
	assert_int_equal(bsd_icmp_mtudisc(fx->k, dst_n(1), 1400, 1500, 1), 0);
	assert_int_equal(rt->rt_rmx.rmx_mtu, 1280);
	assert_int_equal(rt->rt_rmx.rmx_locks & BSD_RTV_MTU, 0);
	/*
	 * One below 296 is not believed, and (NetBSD's icmp_mtudisc) locks
	 * RTV_MTU: later reports, even plausible ones, change nothing.
	 */
	assert_int_equal(bsd_icmp_mtudisc(fx->k, dst_n(1), 100, 1500, 1), 0);
	assert_int_equal(rt->rt_rmx.rmx_mtu, 1280);
	assert_int_equal(rt->rt_rmx.rmx_locks & BSD_RTV_MTU, BSD_RTV_MTU);
	assert_int_equal(bsd_icmp_mtudisc(fx->k, dst_n(1), 576, 1500, 1), 0);
	assert_int_equal(rt->rt_rmx.rmx_mtu, 1280);
	/* Above the interface's MTU (1500): locked too; equal to it: taken. */
	assert_int_equal(bsd_icmp_mtudisc(fx->k, dst_n(3), 9000, 1500, 1), 0);
	assert_int_equal(bsd_rtlookup(fx->k, dst_n(3), 32)->rt_rmx.rmx_locks &
	    BSD_RTV_MTU, BSD_RTV_MTU);
	assert_int_equal(bsd_icmp_mtudisc(fx->k, dst_n(4), 1500, 1500, 1), 0);
	assert_int_equal(bsd_rtlookup(fx->k, dst_n(4), 32)->rt_rmx.rmx_mtu,
	    1500);
	/* No MTU in the report: the next plateau below the packet. */
	assert_int_equal(bsd_icmp_mtudisc(fx->k, dst_n(2), 0, 1500, 1), 0);
	assert_int_equal(bsd_rtlookup(fx->k, dst_n(2), 32)->rt_rmx.rmx_mtu,
	    1492);
	fx_advance_s(fx, 602);
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_PMTU), 0);
	fx_free(fx);
}

static void
test_mtudisc_watermarks(void **state)
{
	struct bsd_personality p = *bsd_personality_find("netbsd-2");
	struct fx *fx;
	int n;

	(void)state;
	/* KAME's IPv6 values. */
	p.p_tun.mtudisc_hiwat = 1280;
	p.p_tun.mtudisc_lowat = 256;
	fx = fx_new_pers(&p);
	/* Unvalidated reports stop at lowat ... */
	for (n = 1; n <= 1000; n++)
		(void)bsd_icmp_mtudisc(fx->k, dst_n(n), 1280, 1500, 0);
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_PMTU), 257);
	/* ... validated ones at hiwat. */
	for (n = 1001; n <= 3000; n++)
		(void)bsd_icmp_mtudisc(fx->k, dst_n(n), 1280, 1500, 1);
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_PMTU), 1281);
	assert_int_equal(fx->k->k_rtdyn.rd_mtudisc_wmdrop, 743 + 976);
	fx_free(fx);
}

static void
test_rediraccept_off(void **state)
{
	struct bsd_personality p = *bsd_personality_find("netbsd-2");
	struct fx *fx;

	(void)state;
	p.p_tun.rediraccept = 0;
	fx = fx_new_pers(&p);
	assert_int_equal(redirect_n(fx, 1), 0);
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_REDIRECT), 0);
	assert_int_equal(fx->k->k_rtdyn.rd_redir_ignored, 1);
	fx_free(fx);
}

/*
 * The edges of NetBSD's icmp_mtudisc: 296 (an RFC 1191 plateau) is the
 * smallest MTU believed, 295 locks RTV_MTU; with no MTU in the report, a
 * quoted ip_len of exactly 508 guesses the plateau below it, 296, and
 * 509 guesses 508 ("mtu_table[i] < ip_len").
 */
/* Report mtu (ip_len quoted) about destination n; its host route. */
static struct bsd_rtentry *
mtudisc_route(struct fx *fx, int n, uint32_t mtu, uint32_t ip_len)
{
	struct bsd_rtentry *rt;

	assert_int_equal(bsd_icmp_mtudisc(fx->k, dst_n(n), mtu, ip_len, 1), 0);
	rt = bsd_rtlookup(fx->k, dst_n(n), 32);
	assert_non_null(rt);
	return rt;
}

static void
test_mtudisc_296_boundary(void **state)
{
	struct fx *fx = fx_keep(fx_new("netbsd-2"));
	struct bsd_rtentry *rt;

	(void)state;
	rt = mtudisc_route(fx, 1, 296, 1500);
	assert_int_equal(rt->rt_rmx.rmx_mtu, 296);
	assert_int_equal(rt->rt_rmx.rmx_locks & BSD_RTV_MTU, 0);
	rt = mtudisc_route(fx, 2, 295, 1500);
	assert_int_equal(rt->rt_rmx.rmx_mtu, 0);
	assert_int_equal(rt->rt_rmx.rmx_locks & BSD_RTV_MTU, BSD_RTV_MTU);
	rt = mtudisc_route(fx, 3, 0, 508);
	assert_int_equal(rt->rt_rmx.rmx_mtu, 296);
	assert_int_equal(rt->rt_rmx.rmx_locks & BSD_RTV_MTU, 0);
	assert_int_equal(mtudisc_route(fx, 4, 0, 509)->rt_rmx.rmx_mtu, 508);
	/* Below the last plateau but one: 296 < 297, 68 is never guessed. */
	assert_int_equal(mtudisc_route(fx, 5, 0, 297)->rt_rmx.rmx_mtu, 296);
}

/*
 * NetBSD 1.5 (ip_icmp.c 1.44): icmp_input calls rtredirect() and arms
 * no timer; the redirect route stays until something deletes it.
 */
static void
test_netbsd15_redirect_never_expires(void **state)
{
	struct fx *fx = fx_keep(fx_new("netbsd-1.5"));

	(void)state;
	assert_int_equal(fx->k->k_pers.p_tun.redirtimeout, 0);
	assert_null(fx->k->k_rtdyn.rd_redirq);
	assert_int_equal(redirect_n(fx, 1), 0);
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_REDIRECT), 1);
	fx_advance_s(fx, 86400);
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_REDIRECT), 1);
	/* Path-MTU routes do have their queue in 1.44. */
	assert_non_null(fx->k->k_rtdyn.rd_mtudiscq);
}

/*
 * icmp_mtudisc arms the timer on every report (rt_timer_add re-arms a
 * timer of the same function): reports every 400 s keep a path-MTU
 * route past 600 s; once they stop it goes 600 s after the last.
 */
static void
test_mtudisc_report_rearms(void **state)
{
	struct fx *fx = fx_keep(fx_new("netbsd-2"));
	int i;

	(void)state;
	for (i = 0; i < 4; i++) {
		assert_int_equal(bsd_icmp_mtudisc(fx->k, dst_n(1), 1280, 1500,
		    1), 0);
		fx_advance_s(fx, 400);
		assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_PMTU), 1);
	}
	/* Last report at t = 1200: still there at 1800, gone by 1802. */
	fx_advance_s(fx, 200);
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_PMTU), 1);
	fx_advance_s(fx, 2);
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_PMTU), 0);
}

/*
 * A report about a destination that has a host route already (here a
 * static one) lowers its MTU and arms the mtudisc timer on it; at the
 * timeout icmp_mtudisc_timeout forgets the MTU (rmx_mtu = 0) but leaves
 * the route, which is not RTF_DYNAMIC.
 */
static void
test_mtudisc_existing_host_route_reset(void **state)
{
	struct fx *fx = fx_keep(fx_new("netbsd-2"));
	struct bsd_rtentry *rt;

	(void)state;
	assert_int_equal(fx_add(fx, "198.18.0.1", 32, "10.0.0.253",
	    BSD_RTF_GATEWAY | BSD_RTF_STATIC), 0);
	assert_int_equal(bsd_icmp_mtudisc(fx->k, dst_n(1), 1280, 1500, 1), 0);
	rt = bsd_rtlookup(fx->k, dst_n(1), 32);
	assert_non_null(rt);
	assert_int_equal(rt->rt_rmx.rmx_mtu, 1280);
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_PMTU), 0);
	fx_advance_s(fx, 602);
	assert_ptr_equal(bsd_rtlookup(fx->k, dst_n(1), 32), rt);
	assert_int_equal(rt->rt_rmx.rmx_mtu, 0);
}

/* The new route takes its parent's metrics ("nrt->rt_rmx = rt->rt_rmx"). */
static void
test_mtudisc_route_copies_parent_metrics(void **state)
{
	struct fx *fx = fx_keep(fx_new("netbsd-2"));
	struct bsd_rtentry *def, *rt;

	(void)state;
	def = fx_lookup(fx, "0.0.0.0", 0);
	assert_non_null(def);
	def->rt_rmx.rmx_mtu = 1400;
	assert_int_equal(bsd_icmp_mtudisc(fx->k, dst_n(1), 1280, 1500, 1), 0);
	rt = bsd_rtlookup(fx->k, dst_n(1), 32);
	assert_non_null(rt);
	assert_int_equal(rt->rt_rmx.rmx_mtu, 1280);
	/* A report above the copied 1400 does not raise it. */
	assert_int_equal(bsd_icmp_mtudisc(fx->k, dst_n(2), 1450, 1500, 1), 0);
	assert_int_equal(bsd_rtlookup(fx->k, dst_n(2), 32)->rt_rmx.rmx_mtu,
	    1400);
}

/*
 * FreeBSD 4 (and BSD/OS, as assumed): need-frag never makes a route.
 * It lowers the MTU of a host route that exists (a clone connect()
 * made, which in_addroute gave the interface's 1500), guesses the
 * plateau below it when the report has none, and locks below 296.
 */
static void
test_freebsd_needfrag_updates_only(void **state)
{
	static const char *const pers[] = { "freebsd-4", "bsdos-4" };
	struct bsd_sockaddr_in d1;
	struct bsd_rtentry *rt;
	uint64_t total;
	size_t i;

	(void)state;
	for (i = 0; i < 2; i++) {
		struct fx *fx = fx_keep(fx_new(pers[i]));

		print_message("personality %s\n", pers[i]);
		total = bsd_rt_total(fx->k);
		assert_int_equal(bsd_icmp_mtudisc(fx->k, dst_n(1), 1280, 1500,
		    1), 0);
		assert_int_equal(bsd_rt_total(fx->k), total);
		assert_null(bsd_rtlookup(fx->k, dst_n(1), 32));
		assert_int_equal(fx->k->k_rtdyn.rd_mtudisc_nohost, 1);
		/* connect(): the clone, then the report lowers it. */
		bsd_sin_init(&d1, dst_n(1));
		rt = bsd_rtalloc_local(fx->k, (struct bsd_sockaddr *)&d1);
		assert_non_null(rt);
		bsd_rtfree(fx->k, rt);
		/* FreeBSD's in_addroute set 1500; BSD/OS's 0 counts as it. */
		assert_int_equal(rt->rt_rmx.rmx_mtu, i == 0 ? 1500 : 0);
		assert_int_equal(bsd_icmp_mtudisc(fx->k, dst_n(1), 1280, 1500,
		    1), 0);
		assert_int_equal(rt->rt_rmx.rmx_mtu, 1280);
		assert_int_equal(bsd_rt_total(fx->k), total + 1);
		/* No MTU given: the plateau below 1280 is 1006. */
		assert_int_equal(bsd_icmp_mtudisc(fx->k, dst_n(1), 0, 1500, 1),
		    0);
		assert_int_equal(rt->rt_rmx.rmx_mtu, 1006);
		/* Higher reports never raise it; no timer resets it. */
		assert_int_equal(bsd_icmp_mtudisc(fx->k, dst_n(1), 1400, 1500,
		    1), 0);
		assert_int_equal(rt->rt_rmx.rmx_mtu, 1006);
		assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_PMTU), 0);
		/* 296 is believed, 295 locks. */
		assert_int_equal(bsd_icmp_mtudisc(fx->k, dst_n(1), 296, 1500,
		    1), 0);
		assert_int_equal(rt->rt_rmx.rmx_mtu, 296);
		assert_int_equal(rt->rt_rmx.rmx_locks & BSD_RTV_MTU, 0);
		assert_int_equal(bsd_icmp_mtudisc(fx->k, dst_n(1), 295, 1500,
		    1), 0);
		assert_int_equal(rt->rt_rmx.rmx_locks & BSD_RTV_MTU,
		    BSD_RTV_MTU);
		assert_int_equal(rt->rt_rmx.rmx_mtu, 296);
	}
}

/*
 * BSD/OS: redirect routes on an rt_timer queue of their own
 * (icmp_redirtimeout, as KAME's and NRL's BSD/OS code has it), not on
 * the clones' inactivity timer: use does not keep them, and the knob
 * sets their lifetime.
 */
static void
test_bsdos_redirect_queue(void **state)
{
	struct fx *fx = fx_keep(fx_new("bsdos-4"));
	struct bsd_sockaddr_in d;
	struct bsd_rtentry *rt;
	int i;

	(void)state;
	assert_non_null(fx->k->k_rtdyn.rd_redirq);
	assert_int_equal(bsd_rtdyn_set_redirtimeout(fx->k, 100), 0);
	assert_int_equal(redirect_n(fx, 1), 0);
	bsd_sin_init(&d, dst_n(1));
	for (i = 0; i < 10; i++) {
		fx_advance_s(fx, 10);
		rt = bsd_rtalloc1(fx->k, (struct bsd_sockaddr *)&d, 1, 0);
		assert_true(rt->rt_flags & BSD_RTF_DYNAMIC);
		bsd_rt_used(fx->k, rt);
		bsd_rtfree(fx->k, rt);
	}
	/* Used every 10 s, still gone at the first tick past 100 s. */
	fx_advance_s(fx, 2);
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_REDIRECT), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_redirect_expires_at_600),
		cmocka_unit_test(test_redirect_timer_failure_logged),
		cmocka_unit_test(test_redirtimeout_settable),
		cmocka_unit_test(test_modified_route_outlives_timer),
		cmocka_unit_test(test_redirect_hiwat_refuses),
		cmocka_unit_test(test_redirect_watermarks_evict),
		cmocka_unit_test(test_mtudisc_route_and_timer),
		cmocka_unit_test(test_mtudisc_watermarks),
		cmocka_unit_test(test_rediraccept_off),
		FX_TEST(test_mtudisc_296_boundary),
		FX_TEST(test_netbsd15_redirect_never_expires),
	FX_TEST(test_mtudisc_report_rearms),
	FX_TEST(test_mtudisc_existing_host_route_reset),
	FX_TEST(test_mtudisc_route_copies_parent_metrics),
	FX_TEST(test_freebsd_needfrag_updates_only),
		FX_TEST(test_bsdos_redirect_queue),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
