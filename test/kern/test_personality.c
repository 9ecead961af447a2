/*
 * The behaviour table of seed 004: for each personality, each of the six
 * cloned-route behaviours is exercised and checked against what the
 * seed (and bsd-facts.md) says that system does.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "kern_fixture.h"

/* What each system does, one column per behaviour of seed 004. */
struct expect {
	const char	*name;
	uint32_t	mark;		/* (1) flag on clones; parent linked */
	int		survive;	/* (2) clones outlive their parent */
	int		ovw_clone;	/* (3) RTM_ADD over an ARP clone: errno */
	int		ovw_dynamic;	/* (3) RTM_ADD over a redirect route */
	int		ovw_msg;	/* (3) RTM_DELETEs for what it replaced */
	int64_t		redir_life;	/* (4) s a redirect route lives idle, 0: forever */
	int64_t		clone_life;	/* (4) s an idle off-link clone lives */
	int		pcbclone;	/* (5) connect clones a host route */
	int		rtcalloc;	/* (6) a forced clone off a non-cloning route */
};

static const struct expect table[] = {
	/*
	 * netbsd-1.5's redirect routes never time out: ip_icmp.c 1.44
	 * calls rtredirect() and arms no timer.  FreeBSD replaces a clone
	 * quietly (rtrequest(RTM_DELETE), no routing message).
	 */
	/*                   mark              surv  (3)clone (3)dyn msg redir  clone pcb calloc */
	{ "netbsd-1.5", 0,                  1, EEXIST, EEXIST, 0, 0,      0,    0, 0 },
	{ "bsdos-4",    BSD_RTF_CLONED,     0, 0,      0,      1, 3600,   3600, 1, 1 },
	{ "freebsd-4",  BSD_RTF_WASCLONED,  0, 0,      EEXIST, 0, 0,      3600, 1, 1 },
	{ "netbsd-2",   BSD_RTF_CLONED,     0, 0,      EEXIST, 1, 600,    0,    0, 0 },
};
#define NTABLE	(sizeof(table) / sizeof(table[0]))

static struct fx *
newfx(const struct expect *e)
{
	const struct bsd_personality *p = bsd_personality_find(e->name);

	assert_non_null(p);
	print_message("personality %s\n", e->name);
	return fx_new_ll(p);
}

static void
test_all_four_present(void **state)
{
	size_t i;

	(void)state;
	assert_int_equal(bsd_personality_count(), NTABLE);
	for (i = 0; i < NTABLE; i++)
		assert_string_equal(bsd_personality_at((unsigned)i)->p_name,
		    table[i].name);
}

/* (1) How clones are marked, and whether they know their parent. */
static void
test_b1_clone_marking(void **state)
{
	struct bsd_rtentry *rt, *parent;
	size_t i;

	(void)state;
	for (i = 0; i < NTABLE; i++) {
		struct fx *fx = newfx(&table[i]);

		parent = fx_lookup(fx, "10.0.0.0", 24);
		assert_non_null(parent);
		assert_true(parent->rt_flags & BSD_RTF_CLONING);
		assert_non_null(rt = fx_touch(fx, "10.0.0.5"));
		assert_ptr_equal(fx_lookup(fx, "10.0.0.5", 32), rt);
		assert_int_equal(rt->rt_flags &
		    (BSD_RTF_CLONED | BSD_RTF_WASCLONED), table[i].mark);
		assert_true(rt->rt_flags & BSD_RTF_HOST);
		assert_false(rt->rt_flags & BSD_RTF_CLONING);
		/* The clone is an ARP entry (link layer attached). */
		assert_true(rt->rt_flags & BSD_RTF_LLINFO);
		/* Marked clones hold their parent (proposal (1)). */
		if (table[i].mark != 0)
			assert_int_equal(parent->rt_refcnt, 1);
		else
			assert_int_equal(parent->rt_refcnt, 0);
		fx_free(fx);
	}
}

/* (2) ifconfig -alias: do the clones go with the interface route? */
static void
test_b2_parent_removal(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < NTABLE; i++) {
		struct fx *fx = newfx(&table[i]);

		(void)fx_touch(fx, "10.0.0.5");
		(void)fx_touch(fx, "10.0.0.6");
		(void)fx_touch(fx, "10.0.0.7");
		assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_ARP), 3);
		assert_int_equal(bsd_in_ifaddr_delete(fx->k, fx->ifp,
		    fx_ip("10.0.0.1")), 0);
		assert_null(fx_lookup(fx, "10.0.0.0", 24));
		assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_ARP),
		    table[i].survive ? 3 : 0);
		if (table[i].survive) {
			/* Orphans: no parent to point at any more. */
			assert_null(fx_lookup(fx, "10.0.0.6", 32)->rt_parent);
		}
		fx_free(fx);
	}
}

/* (3) A manual host route where an incomplete ARP entry stands. */
static void
test_b3_manual_add_over_clone(void **state)
{
	struct bsd_rtentry *rt;
	size_t i;

	(void)state;
	for (i = 0; i < NTABLE; i++) {
		struct fx *fx = newfx(&table[i]);

		(void)fx_touch(fx, "10.0.0.5");
		assert_int_equal(fx_add(fx, "10.0.0.5", 32, "10.0.0.254",
		    BSD_RTF_GATEWAY | BSD_RTF_STATIC), table[i].ovw_clone);
		rt = fx_lookup(fx, "10.0.0.5", 32);
		assert_non_null(rt);
		if (table[i].ovw_clone == 0) {
			assert_true(rt->rt_flags & BSD_RTF_STATIC);
			assert_false(rt->rt_flags & BSD_RTF_LLINFO);
			assert_int_equal(fx_nmsgs(fx, BSD_RTM_DELETE),
			    table[i].ovw_msg);
		} else
			assert_true(rt->rt_flags & BSD_RTF_LLINFO);
		fx_free(fx);
	}
}

/*
 * (3) FreeBSD 4's rtrequest(RTM_ADD) replaces any clone in the way
 * ("if (rt2 && rt2->rt_parent)"), a protocol clone made by connect()
 * too, not only an ARP entry, and says nothing on the routing socket.
 * NetBSD 2 replaces its marked clones with an RTM_DELETE; BSD/OS, as
 * we assume, the same; NetBSD 1.5 refuses.
 */
static void
test_b3_manual_add_over_pcb_clone(void **state)
{
	struct bsd_sockaddr_in d = fx_sin("198.51.100.9");
	struct bsd_rtentry *rt;
	size_t i;

	(void)state;
	for (i = 0; i < NTABLE; i++) {
		struct fx *fx;
		unsigned dels;

		if (!table[i].pcbclone)
			continue;
		fx = fx_keep(newfx(&table[i]));
		rt = bsd_rtalloc_local(fx->k, (struct bsd_sockaddr *)&d);
		assert_non_null(rt);
		assert_true(rt->rt_flags & BSD_RTF_HOST);
		assert_non_null(rt->rt_parent);
		bsd_rtfree(fx->k, rt);
		dels = fx_nmsgs(fx, BSD_RTM_DELETE);
		assert_int_equal(fx_add(fx, "198.51.100.9", 32, "10.0.0.253",
		    BSD_RTF_GATEWAY | BSD_RTF_STATIC), 0);
		rt = fx_lookup(fx, "198.51.100.9", 32);
		assert_non_null(rt);
		assert_true(rt->rt_flags & BSD_RTF_STATIC);
		assert_null(rt->rt_parent);
		assert_int_equal(fx_nmsgs(fx, BSD_RTM_DELETE) - dels,
		    table[i].ovw_msg);
		fx_drop(fx);
	}
}

/* (3) The same over a route an ICMP redirect created (BSD/OS only). */
static void
test_b3_manual_add_over_redirect(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < NTABLE; i++) {
		struct fx *fx = newfx(&table[i]);

		assert_int_equal(bsd_icmp_redirect(fx->k, fx_ip("192.0.2.7"),
		    fx_ip("10.0.0.253"), fx_ip("10.0.0.254")), 0);
		assert_true(fx_lookup(fx, "192.0.2.7", 32)->rt_flags &
		    BSD_RTF_DYNAMIC);
		assert_int_equal(fx_add(fx, "192.0.2.7", 32, "10.0.0.252",
		    BSD_RTF_GATEWAY | BSD_RTF_STATIC), table[i].ovw_dynamic);
		fx_free(fx);
	}
}

/* (4) Inactivity timers: how long an idle redirect route lives. */
static void
test_b4_redirect_lifetime(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < NTABLE; i++) {
		struct fx *fx = newfx(&table[i]);
		int64_t life = table[i].redir_life;

		assert_int_equal(bsd_icmp_redirect(fx->k, fx_ip("192.0.2.7"),
		    fx_ip("10.0.0.253"), fx_ip("10.0.0.254")), 0);
		assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_REDIRECT), 1);
		if (life == 0) {
			/* FreeBSD 4, NetBSD 1.5: no timer for them. */
			fx_advance_s(fx, 86400);
			assert_int_equal(bsd_rt_count(fx->k,
			    BSD_RTK_REDIRECT), 1);
		} else {
			/* rt_timer: gone at the first tick past life. */
			fx_advance_s(fx, life);
			assert_int_equal(bsd_rt_count(fx->k,
			    BSD_RTK_REDIRECT), 1);
			fx_advance_s(fx, 2);
			assert_int_equal(bsd_rt_count(fx->k,
			    BSD_RTK_REDIRECT), 0);
		}
		fx_free(fx);
	}
}

/* (4) and (5): an idle clone made by connect() ages out, if made. */
static void
test_b4_clone_lifetime(void **state)
{
	struct bsd_sockaddr_in dst = fx_sin("198.51.100.1");
	struct bsd_rtentry *rt;
	size_t i;

	(void)state;
	for (i = 0; i < NTABLE; i++) {
		struct fx *fx = newfx(&table[i]);
		int64_t life = table[i].clone_life;

		rt = bsd_rtalloc_local(fx->k, (struct bsd_sockaddr *)&dst);
		assert_non_null(rt);
		bsd_rtfree(fx->k, rt);
		assert_int_equal(bsd_rt_count(fx->k, BSD_RTK_CLONED),
		    life != 0);
		if (life != 0) {
			fx_advance_s(fx, life - 1);
			assert_int_equal(bsd_rt_count(fx->k,
			    BSD_RTK_CLONED), 1);
			fx_advance_s(fx, 3);
			assert_int_equal(bsd_rt_count(fx->k,
			    BSD_RTK_CLONED), 0);
		}
		fx_free(fx);
	}
}

/* (5) in_pcbconnect(): the local DoS of filling the table by sendto(2). */
static void
test_b5_pcbconnect_clones(void **state)
{
	struct bsd_sockaddr_in dst;
	struct bsd_rtentry *rt;
	uint64_t before;
	size_t i;
	int n;

	(void)state;
	for (i = 0; i < NTABLE; i++) {
		struct fx *fx = newfx(&table[i]);

		before = bsd_rt_total(fx->k);
		for (n = 0; n < 1000; n++) {
			/* 1000 distinct off-link hosts: 100.0.0.1 to 199.9.0.1 */
			bsd_sin_init(&dst, bsd_htonl(
			    (uint32_t)(100 + n % 100) << 24 |
			    (uint32_t)(n / 100) << 16 | 1));
			rt = bsd_rtalloc_local(fx->k,
			    (struct bsd_sockaddr *)&dst);
			assert_non_null(rt);
			bsd_rtfree(fx->k, rt);
		}
		assert_int_equal(bsd_rt_total(fx->k) - before,
		    table[i].pcbclone ? 1000 : 0);
		fx_free(fx);
	}
}

/* (6) The cloning API: forcing a clone, and ip_forward's lookup. */
static void
test_b6_clone_api(void **state)
{
	struct bsd_sockaddr_in dst = fx_sin("198.51.100.9");
	struct bsd_rtentry *rt;
	size_t i;

	(void)state;
	for (i = 0; i < NTABLE; i++) {
		struct fx *fx = newfx(&table[i]);

		/* Forwarded traffic never clones off the default route. */
		rt = bsd_rtalloc_forward(fx->k, (struct bsd_sockaddr *)&dst);
		assert_non_null(rt);
		assert_int_equal(rt->rt_plen, 0);
		bsd_rtfree(fx->k, rt);
		/* rtcalloc(): BSD/OS clones whatever the parent's flags. */
		rt = bsd_rtcalloc(fx->k, (struct bsd_sockaddr *)&dst);
		assert_non_null(rt);
		assert_int_equal(rt->rt_plen == 32, table[i].rtcalloc);
		bsd_rtfree(fx->k, rt);
		fx_free(fx);
	}
}

/* Every switch can be set on its own, and bad values change nothing. */
static void
test_knobs(void **state)
{
	struct bsd_personality p = *bsd_personality_find("netbsd-1.5");
	struct bsd_personality before;
	const char *why = NULL;

	(void)state;
	assert_int_equal(bsd_personality_set(&p, "pcbclone", "1", &why), 0);
	assert_int_equal(p.p_pcbclone, 1);
	assert_int_equal(bsd_personality_set(&p, "redirtimeout", "60", &why),
	    0);
	assert_int_equal(p.p_tun.redirtimeout, 60);
	assert_int_equal(bsd_personality_set(&p, "mem_limit", "1048576",
	    &why), 0);
	assert_int_equal(p.p_tun.mem_limit, 1048576);
	before = p;
	assert_int_equal(bsd_personality_set(&p, "flushclones", "2", &why),
	    ERANGE);
	assert_string_equal(why, "0 or 1");
	assert_int_equal(bsd_personality_set(&p, "clonemark", "4", &why),
	    ERANGE);
	assert_int_equal(bsd_personality_set(&p, "redirtimeout", "ten",
	    &why), EINVAL);
	assert_int_equal(bsd_personality_set(&p, "nosuch", "1", &why),
	    ENOENT);
	assert_memory_equal(&p, &before, sizeof(p));
}

/* A knob's range, as bsd_personality_set checks and reports it. */
static void
test_knob_range(void **state)
{
	struct bsd_personality p = *bsd_personality_find("netbsd-1.5");
	const char *range = NULL, *why = NULL;
	long long min = 0, max = 0;

	(void)state;
	assert_int_equal(bsd_personality_range("clone_idle", &min, &max,
	    &range), 0);
	assert_true(min == 1 && max == 2147483647LL);
	assert_string_equal(range, "1 to 2147483647 s");
	assert_int_equal(bsd_personality_set(&p, "clone_idle", "0", &why),
	    ERANGE);
	assert_string_equal(why, range);
	assert_int_equal(bsd_personality_range("mem_limit", &min, NULL,
	    NULL), 0);
	assert_true(min == 0);
	assert_int_equal(bsd_personality_range("nosuch", &min, &max, &range),
	    ENOENT);
}

/* One switch alone: netbsd-1.5 with only (5) turned on clones on connect. */
static void
test_one_switch_alone(void **state)
{
	struct bsd_personality p = *bsd_personality_find("netbsd-1.5");
	struct bsd_sockaddr_in dst = fx_sin("198.51.100.1");
	struct bsd_rtentry *rt;
	struct fx *fx;

	(void)state;
	p.p_pcbclone = 1;
	fx = fx_new_ll(&p);
	rt = bsd_rtalloc_local(fx->k, (struct bsd_sockaddr *)&dst);
	assert_int_equal(rt->rt_plen, 32);
	/* Unmarked, as netbsd-1.5 marks nothing. */
	assert_int_equal(rt->rt_flags & (BSD_RTF_CLONED | BSD_RTF_WASCLONED),
	    0);
	bsd_rtfree(fx->k, rt);
	fx_free(fx);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_all_four_present),
		cmocka_unit_test(test_b1_clone_marking),
		cmocka_unit_test(test_b2_parent_removal),
		cmocka_unit_test(test_b3_manual_add_over_clone),
		cmocka_unit_test(test_b3_manual_add_over_redirect),
		cmocka_unit_test(test_b4_redirect_lifetime),
		cmocka_unit_test(test_b4_clone_lifetime),
		cmocka_unit_test(test_b5_pcbconnect_clones),
		cmocka_unit_test(test_b6_clone_api),
		cmocka_unit_test(test_knobs),
		cmocka_unit_test(test_knob_range),
		cmocka_unit_test(test_one_switch_alone),
		FX_TEST(test_b3_manual_add_over_pcb_clone),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
