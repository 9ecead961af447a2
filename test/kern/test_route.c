/*
 * The routing table (bsd_route.c): lookups, cloning, deletion with
 * references, rtredirect()'s checks, gateway routes and per-kind counts.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <errno.h>
#include <string.h>

#include "kern_fixture.h"

#define SA(x)	((struct bsd_sockaddr *)&(x))

static void
test_longest_match(void **state)
{
	struct fx *fx = fx_new("netbsd-2");
	struct bsd_sockaddr_in d = fx_sin("192.0.2.77");
	struct bsd_rtentry *rt;

	(void)state;
	assert_int_equal(fx_add(fx, "192.0.2.0", 24, "10.0.0.250",
	    BSD_RTF_GATEWAY | BSD_RTF_STATIC), 0);
	assert_int_equal(fx_add(fx, "192.0.2.64", 26, "10.0.0.251",
	    BSD_RTF_GATEWAY | BSD_RTF_STATIC), 0);
	rt = bsd_rtalloc1(fx->k, SA(d), 1, 0);
	assert_int_equal(rt->rt_plen, 26);
	assert_int_equal(rt->rt_refcnt, 1);
	assert_int_equal(rt->rt_gw.sin.sin_addr, fx_ip("10.0.0.251"));
	bsd_rtfree(fx->k, rt);
	assert_int_equal(rt->rt_refcnt, 0);
	/* Same key, other mask: both live; same key and mask: EEXIST. */
	assert_int_equal(fx_add(fx, "192.0.2.0", 25, "10.0.0.252",
	    BSD_RTF_GATEWAY), 0);
	assert_int_equal(fx_add(fx, "192.0.2.0", 24, "10.0.0.252",
	    BSD_RTF_GATEWAY), EEXIST);
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_STATIC), 3);
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_IFACE), 2);
	fx_free(fx);
}

static void
test_noncontiguous_mask_refused(void **state)
{
	struct fx *fx = fx_new("netbsd-2");
	struct bsd_sockaddr_in d = fx_sin("192.0.2.0"), g = fx_sin("10.0.0.2"),
	    m = fx_sin("255.0.255.0");
	uint64_t before = bsd_rt_total(fx->k);

	(void)state;
	assert_int_equal(bsd_rtrequest(fx->k, BSD_RTM_ADD, SA(d), SA(g), SA(m),
	    BSD_RTF_GATEWAY, NULL), EINVAL);
	assert_int_equal(bsd_rt_total(fx->k), before);
	assert_int_equal(fx->k->k_mem.mb_used, before *
	    (BSD_MEMCOST_RTENTRY + BSD_MEMCOST_RTKEYGW));
	fx_free(fx);
}

static void
test_miss_message(void **state)
{
	struct fx *fx = fx_new_bare(bsd_personality_find("netbsd-2"));
	struct bsd_sockaddr_in d = fx_sin("192.0.2.1");

	(void)state;
	assert_null(bsd_rtalloc1(fx->k, SA(d), 1, 0));
	assert_int_equal(fx_nmsgs(fx, BSD_RTM_MISS), 1);
	assert_int_equal(fx->k->k_rtstat.rts_unreach, 1);
	/* Without report, no message. */
	assert_null(bsd_rtalloc1(fx->k, SA(d), 0, 0));
	assert_int_equal(fx_nmsgs(fx, BSD_RTM_MISS), 1);
	fx_free(fx);
}

static void
test_clone_inherits(void **state)
{
	struct fx *fx = fx_new_ll(bsd_personality_find("netbsd-2"));
	struct bsd_rtentry *parent = fx_lookup(fx, "10.0.0.0", 24), *rt;
	unsigned adds = fx_nmsgs(fx, BSD_RTM_ADD);

	(void)state;
	parent->rt_rmx.rmx_expire = 12345;
	parent->rt_rmx.rmx_mtu = 1400;
	rt = fx_touch(fx, "10.0.0.9");
	/* rt_rmx is copied whole, rmx_expire included (route.c). */
	assert_int_equal(rt->rt_rmx.rmx_expire, 12345);
	assert_int_equal(rt->rt_rmx.rmx_mtu, 1400);
	assert_ptr_equal(rt->rt_parent, parent);
	assert_ptr_equal(rt->rt_ifa, parent->rt_ifa);
	assert_int_equal(rt->rt_gw.sa.sa_family, BSD_AF_LINK);
	assert_int_equal(fx_nmsgs(fx, BSD_RTM_ADD), adds + 1);
	assert_int_equal(fx->k->k_rtstat.rts_clones, 1);
	/* A second lookup finds the clone; nothing new. */
	assert_ptr_equal(fx_touch(fx, "10.0.0.9"), rt);
	assert_int_equal(fx->k->k_rtstat.rts_clones, 1);
	fx_free(fx);
}

static void
test_genmask_clone(void **state)
{
	struct fx *fx = fx_new("netbsd-2");
	struct bsd_sockaddr_in d = fx_sin("172.16.0.0"), g = fx_sin("10.0.0.2"),
	    m, gm, x = fx_sin("172.16.5.6");
	struct bsd_rt_addrinfo info;
	struct bsd_rtentry *rt;

	(void)state;
	bsd_sin_mask(&m, 12);
	bsd_sin_mask(&gm, 24);
	memset(&info, 0, sizeof(info));
	info.rti_info[BSD_RTAX_DST] = SA(d);
	info.rti_info[BSD_RTAX_GATEWAY] = SA(g);
	info.rti_info[BSD_RTAX_NETMASK] = SA(m);
	info.rti_info[BSD_RTAX_GENMASK] = SA(gm);
	info.rti_flags = BSD_RTF_GATEWAY | BSD_RTF_CLONING;
	info.rti_kind = -1;
	assert_int_equal(bsd_rtrequest1(fx->k, BSD_RTM_ADD, &info, NULL), 0);
	rt = bsd_rtalloc1(fx->k, SA(x), 1, 0);
	/* A clone takes the parent's genmask, and is no host route. */
	assert_int_equal(rt->rt_plen, 24);
	assert_false(rt->rt_flags & BSD_RTF_HOST);
	assert_int_equal(rt->rt_dst.sin_addr, fx_ip("172.16.5.0"));
	bsd_rtfree(fx->k, rt);
	fx_free(fx);
}

static void
test_delete_while_referenced(void **state)
{
	struct fx *fx = fx_new("netbsd-2");
	struct bsd_sockaddr_in d = fx_sin("192.0.2.1");
	struct bsd_rtentry *rt;
	uint64_t used;

	(void)state;
	assert_int_equal(fx_add(fx, "192.0.2.0", 24, "10.0.0.250",
	    BSD_RTF_GATEWAY | BSD_RTF_STATIC), 0);
	used = fx->k->k_mem.mb_used;
	rt = bsd_rtalloc1(fx->k, SA(d), 1, 0);
	assert_int_equal(bsd_rtdeletemsg(fx->k, rt), 0);
	/* Off the table, not UP, but still ours until rtfree. */
	assert_null(fx_lookup(fx, "192.0.2.0", 24));
	assert_false(rt->rt_flags & BSD_RTF_UP);
	assert_int_equal(fx->k->k_rtstat.rts_trash, 1);
	assert_int_equal(fx->k->k_mem.mb_used, used);
	bsd_rtfree(fx->k, rt);
	assert_int_equal(fx->k->k_mem.mb_used,
	    used - BSD_MEMCOST_RTENTRY - BSD_MEMCOST_RTKEYGW);
	assert_int_equal(fx_nmsgs(fx, BSD_RTM_DELETE), 1);
	assert_int_equal(bsd_rtrequest(fx->k, BSD_RTM_DELETE, SA(d), NULL,
	    NULL, BSD_RTF_HOST, NULL), ESRCH);
	fx_free(fx);
}

/* rtredirect()'s checks, in bsd-facts.md section 1 order. */
static void
test_redirect_checks(void **state)
{
	struct fx *fx = fx_new("netbsd-2");
	struct bsd_rtentry *rt;

	(void)state;
	/* 1. gateway not on a connected net */
	assert_int_equal(bsd_icmp_redirect(fx->k, fx_ip("192.0.2.7"),
	    fx_ip("172.16.0.1"), fx_ip("10.0.0.254")), ENETUNREACH);
	/* 3. not from the current first hop */
	assert_int_equal(bsd_icmp_redirect(fx->k, fx_ip("192.0.2.7"),
	    fx_ip("10.0.0.253"), fx_ip("10.0.0.99")), EINVAL);
	/* 4. to one of our own addresses */
	assert_int_equal(bsd_icmp_redirect(fx->k, fx_ip("192.0.2.7"),
	    fx_ip("10.0.0.1"), fx_ip("10.0.0.254")), EHOSTUNREACH);
	/*
	 * 7. for a destination on an interface route (its gateway is our
	 * own address until a link layer makes it link#1)
	 */
	assert_int_equal(bsd_icmp_redirect(fx->k, fx_ip("10.0.0.77"),
	    fx_ip("10.0.0.253"), fx_ip("10.0.0.1")), EHOSTUNREACH);
	assert_int_equal(fx->k->k_rtstat.rts_badredirect, 4);
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_REDIRECT), 0);
	/* 5. the wildcard route matched: create a host route */
	assert_int_equal(bsd_icmp_redirect(fx->k, fx_ip("192.0.2.7"),
	    fx_ip("10.0.0.253"), fx_ip("10.0.0.254")), 0);
	rt = fx_lookup(fx, "192.0.2.7", 32);
	assert_non_null(rt);
	assert_int_equal(rt->rt_flags & (BSD_RTF_GATEWAY | BSD_RTF_HOST |
	    BSD_RTF_DYNAMIC), BSD_RTF_GATEWAY | BSD_RTF_HOST | BSD_RTF_DYNAMIC);
	assert_int_equal(fx->k->k_rtstat.rts_dynamic, 1);
	/* 6. a host gateway route now: changed in place, from the new hop */
	assert_int_equal(bsd_icmp_redirect(fx->k, fx_ip("192.0.2.7"),
	    fx_ip("10.0.0.252"), fx_ip("10.0.0.254")), EINVAL);
	assert_int_equal(bsd_icmp_redirect(fx->k, fx_ip("192.0.2.7"),
	    fx_ip("10.0.0.252"), fx_ip("10.0.0.253")), 0);
	assert_ptr_equal(fx_lookup(fx, "192.0.2.7", 32), rt);
	assert_true(rt->rt_flags & BSD_RTF_MODIFIED);
	assert_int_equal(rt->rt_gw.sin.sin_addr, fx_ip("10.0.0.252"));
	assert_int_equal(fx->k->k_rtstat.rts_newgateway, 1);
	/* 9. an RTM_REDIRECT for every one of them, good or bad */
	assert_int_equal(fx_nmsgs(fx, BSD_RTM_REDIRECT), 7);
	fx_free(fx);
}

static void
test_redirect_net_route_to_host(void **state)
{
	struct fx *fx = fx_new("netbsd-2");
	struct bsd_rtentry *rt;

	(void)state;
	assert_int_equal(fx_add(fx, "192.0.2.0", 24, "10.0.0.250",
	    BSD_RTF_GATEWAY | BSD_RTF_STATIC), 0);
	/* A net route via a gateway: host redirect makes a new host route. */
	assert_int_equal(bsd_icmp_redirect(fx->k, fx_ip("192.0.2.9"),
	    fx_ip("10.0.0.253"), fx_ip("10.0.0.250")), 0);
	rt = fx_lookup(fx, "192.0.2.9", 32);
	assert_non_null(rt);
	assert_true(rt->rt_flags & BSD_RTF_DYNAMIC);
	assert_null(fx_lookup(fx, "192.0.2.0", 24)->rt_flags &
	    BSD_RTF_MODIFIED ? (void *)1 : NULL);
	fx_free(fx);
}

static void
test_gwroute_holds_arp_entry(void **state)
{
	struct fx *fx = fx_new_ll(bsd_personality_find("netbsd-2"));
	struct bsd_rtentry *def = fx_lookup(fx, "0.0.0.0", 0), *gw;
	struct bsd_sockaddr_in g = fx_sin("10.0.0.253");

	(void)state;
	/* ether_output: the gateway's ARP entry, cloned on first use, held. */
	gw = bsd_rt_gwroute(fx->k, def);
	assert_non_null(gw);
	assert_ptr_equal(gw, fx_lookup(fx, "10.0.0.254", 32));
	assert_true(gw->rt_flags & BSD_RTF_LLINFO);
	assert_int_equal(gw->rt_refcnt, 1);
	assert_ptr_equal(bsd_rt_gwroute(fx->k, def), gw);
	assert_int_equal(gw->rt_refcnt, 1);
	/* A referenced ARP entry deleted lingers until the route lets go. */
	assert_int_equal(bsd_rtdeletemsg(fx->k, gw), 0);
	assert_int_equal(fx->k->k_rtstat.rts_trash, 1);
	/* Re-pointing the route drops the old one and finds the new. */
	assert_int_equal(bsd_rt_setgate(fx->k, def, SA(g)), 0);
	assert_null(def->rt_gwroute);
	gw = bsd_rt_gwroute(fx->k, def);
	assert_ptr_equal(gw, fx_lookup(fx, "10.0.0.253", 32));
	fx_free(fx);
}

static void
test_kinds_sum_to_total(void **state)
{
	struct fx *fx = fx_new_ll(bsd_personality_find("freebsd-4"));
	struct bsd_sockaddr_in d;
	struct bsd_rtentry *rt;
	uint64_t sum;
	int i;

	(void)state;
	for (i = 2; i < 50; i++) {
		bsd_sin_init(&d, bsd_htonl(10u << 24 | (uint32_t)i));
		rt = bsd_rtalloc1(fx->k, SA(d), 1, 0);
		bsd_rtfree(fx->k, rt);
		bsd_sin_init(&d, bsd_htonl(198u << 24 | 51u << 16 |
		    100u << 8 | (uint32_t)i));
		rt = bsd_rtalloc_local(fx->k, SA(d));
		bsd_rtfree(fx->k, rt);
	}
	(void)bsd_icmp_redirect(fx->k, fx_ip("192.0.2.7"), fx_ip("10.0.0.253"),
	    fx_ip("10.0.0.254"));
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_ARP), 48);
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_CLONED), 48);
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_REDIRECT), 1);
	for (sum = 0, i = 0; i < BSD_RTK_NKINDS; i++)
		sum += bsd_rt_count(fx->k, (enum bsd_rtkind)i);
	assert_int_equal(sum, bsd_rt_total(fx->k));
	/* The oldest ARP entry is the first made. */
	assert_ptr_equal(bsd_rt_oldest(fx->k, BSD_RTK_ARP),
	    fx_lookup(fx, "10.0.0.2", 32));
	fx_free(fx);
}

static void
test_losing_deletes_dynamic(void **state)
{
	struct fx *fx = fx_new("netbsd-2");
	struct bsd_rtentry *rt;

	(void)state;
	(void)bsd_icmp_redirect(fx->k, fx_ip("192.0.2.7"), fx_ip("10.0.0.253"),
	    fx_ip("10.0.0.254"));
	rt = fx_lookup(fx, "192.0.2.7", 32);
	bsd_rt_losing(fx->k, rt);
	assert_null(fx_lookup(fx, "192.0.2.7", 32));
	assert_int_equal(fx_nmsgs(fx, BSD_RTM_LOSING), 1);
	/* A static route is only reported. */
	rt = fx_lookup(fx, "0.0.0.0", 0);
	bsd_rt_losing(fx->k, rt);
	assert_non_null(fx_lookup(fx, "0.0.0.0", 0));
	fx_free(fx);
}

/*
 * BSD/OS clones every connected destination (rtcalloc()), but a host
 * route is never a cloning parent: asking again for a destination that
 * has its clone finds the clone, tries no second clone (no EEXIST, no
 * rts_clonefail), and sends no RTM_MISS and no RTM_ADD.
 */
static void
test_bsdos_no_clone_of_clone(void **state)
{
	struct fx *fx = fx_keep(fx_new("bsdos-4"));
	struct bsd_sockaddr_in d = fx_sin("198.18.0.7");
	struct bsd_rtentry *rt, *again;
	unsigned adds;
	uint64_t used, peak;
	int i;

	(void)state;
	rt = bsd_rtalloc_local(fx->k, SA(d));
	assert_non_null(rt);
	assert_true(rt->rt_flags & BSD_RTF_HOST);
	assert_int_equal(fx->k->k_rtstat.rts_clones, 1);
	adds = fx_nmsgs(fx, BSD_RTM_ADD);
	used = fx->k->k_mem.mb_used;
	peak = fx->k->k_mem.mb_peak;
	for (i = 0; i < 3; i++) {
		again = bsd_rtalloc_local(fx->k, SA(d));
		assert_ptr_equal(again, rt);
		bsd_rtfree(fx->k, again);
		/* Through rtalloc() too, as ip_output would ask. */
		again = bsd_rtalloc1(fx->k, SA(d), 1, 0);
		assert_ptr_equal(again, rt);
		bsd_rtfree(fx->k, again);
	}
	assert_int_equal(fx->k->k_rtstat.rts_clonefail, 0);
	assert_int_equal(fx->k->k_rtstat.rts_clones, 1);
	assert_int_equal(fx_nmsgs(fx, BSD_RTM_MISS), 0);
	assert_int_equal(fx_nmsgs(fx, BSD_RTM_ADD), adds);
	assert_int_equal(fx->k->k_mem.mb_used, used);
	/* A clone tried and refused would have raised the peak. */
	assert_int_equal(fx->k->k_mem.mb_peak, peak);
	bsd_rtfree(fx->k, rt);
}

/*
 * Seed 004 (2), from the routing socket's side: deleting a cloning
 * parent with RTM_DELETE takes its clones along exactly when the
 * personality's switch says so (netbsd-1.5 orphans them), and the switch
 * alone decides it (netbsd-2 with it off keeps them too).
 */
static unsigned
clones_left_after_parent_delete(const struct bsd_personality *p)
{
	struct fx *fx = fx_keep(fx_new_ll(p));
	struct bsd_sockaddr_in net = fx_sin("10.0.0.0"), m;
	unsigned left = 0;
	const char *h[] = { "10.0.0.5", "10.0.0.6", "10.0.0.7" };
	size_t i;

	for (i = 0; i < 3; i++)
		(void)fx_touch(fx, h[i]);
	assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_ARP) +
	    bsd_rt_count(fx->k, BSD_RTK_CLONED), 3);
	bsd_sin_mask(&m, 24);
	assert_int_equal(bsd_rtrequest(fx->k, BSD_RTM_DELETE, SA(net), NULL,
	    SA(m), 0, NULL), 0);
	assert_null(fx_lookup(fx, "10.0.0.0", 24));
	for (i = 0; i < 3; i++)
		if (fx_lookup(fx, h[i], 32) != NULL)
			left++;
	fx_drop(fx);
	return left;
}

static void
test_parent_delete_per_switch(void **state)
{
	struct bsd_personality p = *bsd_personality_find("netbsd-2");

	(void)state;
	assert_int_equal(clones_left_after_parent_delete(
	    bsd_personality_find("netbsd-1.5")), 3);
	assert_int_equal(clones_left_after_parent_delete(
	    bsd_personality_find("netbsd-2")), 0);
	assert_int_equal(clones_left_after_parent_delete(
	    bsd_personality_find("freebsd-4")), 0);
	assert_int_equal(clones_left_after_parent_delete(
	    bsd_personality_find("bsdos-4")), 0);
	p.p_flushclones = 0;
	assert_int_equal(clones_left_after_parent_delete(&p), 3);
}

/*
 * 4.4BSD rtalloc1 on an RTF_XRESOLVE clone: "rt_missmsg(RTM_RESOLVE,
 * &info, 0, err)" with only RTAX_DST in info: no gateway, flags
 * RTF_DONE alone (rt_missmsg adds it), no error.
 */
static void
test_resolve_message_dst_only(void **state)
{
	struct fx *fx = fx_keep(fx_new_ll(bsd_personality_find("netbsd-2")));
	struct bsd_rtentry *parent = fx_lookup(fx, "10.0.0.0", 24);
	const struct bsd_rt_msg *m = NULL;
	unsigned i;

	(void)state;
	parent->rt_flags |= BSD_RTF_XRESOLVE;
	(void)fx_touch(fx, "10.0.0.9");
	assert_int_equal(fx_nmsgs(fx, BSD_RTM_RESOLVE), 1);
	for (i = 0; i < fx->nmsgs; i++)
		if (fx->msgs[i].rtm_type == BSD_RTM_RESOLVE)
			m = &fx->msgs[i];
	assert_non_null(m);
	assert_int_equal(m->rtm_addrs, BSD_RTA(BSD_RTAX_DST));
	assert_int_equal(m->rtm_flags, BSD_RTF_DONE);
	assert_int_equal(m->rtm_errno, 0);
	assert_int_equal(m->rtm_sa[BSD_RTAX_DST].sin.sin_addr,
	    fx_ip("10.0.0.9"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_longest_match),
		cmocka_unit_test(test_noncontiguous_mask_refused),
		cmocka_unit_test(test_miss_message),
		cmocka_unit_test(test_clone_inherits),
		cmocka_unit_test(test_genmask_clone),
		cmocka_unit_test(test_delete_while_referenced),
		cmocka_unit_test(test_redirect_checks),
		cmocka_unit_test(test_redirect_net_route_to_host),
		cmocka_unit_test(test_gwroute_holds_arp_entry),
		cmocka_unit_test(test_kinds_sum_to_total),
		cmocka_unit_test(test_losing_deletes_dynamic),
		FX_TEST(test_bsdos_no_clone_of_clone),
		FX_TEST(test_parent_delete_per_switch),
		FX_TEST(test_resolve_message_dst_only),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
