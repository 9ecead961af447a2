/*
 * Tests for kernel memory (bsd_mem.c): budget, limit, pools, clone ENOBUFS.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "kern_fixture.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RTCOST	(BSD_MEMCOST_RTENTRY + BSD_MEMCOST_RTKEYGW)

#define T(f)	FX_TEST(f)

static void
test_charge_uncharge_counters(void **state)
{
	struct bsd_membudget mb;

	(void)state;
	memset(&mb, 0, sizeof(mb));
	assert_int_equal(bsd_mem_charge(&mb, BSD_M_RTABLE, 192), 0);
	assert_int_equal(bsd_mem_charge(&mb, BSD_M_LLINFO, 32), 0);
	assert_int_equal(mb.mb_used, 224);
	assert_int_equal(mb.mb_peak, 224);
	assert_int_equal(mb.mb_bytype[BSD_M_RTABLE], 192);
	assert_int_equal(mb.mb_bytype[BSD_M_LLINFO], 32);
	assert_int_equal(mb.mb_bytype[BSD_M_RTTIMER], 0);
	bsd_mem_uncharge(&mb, BSD_M_RTABLE, 192);
	assert_int_equal(mb.mb_used, 32);
	assert_int_equal(mb.mb_bytype[BSD_M_RTABLE], 0);
	/* The peak is a high-water mark: it stays. */
	assert_int_equal(mb.mb_peak, 224);
	assert_int_equal(bsd_mem_charge(&mb, BSD_M_RTTIMER, 100), 0);
	assert_int_equal(mb.mb_peak, 224);
	assert_int_equal(bsd_mem_charge(&mb, BSD_M_RTTIMER, 100), 0);
	assert_int_equal(mb.mb_peak, 232);
	assert_int_equal(mb.mb_fail, 0);
	/* Packets are mbufs: counted by type, outside the limited total. */
	mb.mb_limit = mb.mb_used;
	assert_int_equal(bsd_mem_charge(&mb, BSD_M_MBUF, 2176), 0);
	assert_int_equal(bsd_mem_charge(&mb, BSD_M_IPQ, 2176), 0);
	assert_int_equal(mb.mb_used, 232);
	assert_int_equal(mb.mb_bytype[BSD_M_MBUF], 2176);
	bsd_mem_uncharge(&mb, BSD_M_MBUF, 2176);
	assert_int_equal(mb.mb_bytype[BSD_M_MBUF], 0);
	assert_int_equal(mb.mb_used, 232);
	assert_int_equal(mb.mb_fail, 0);
}

static void
test_no_limit_never_fails(void **state)
{
	struct bsd_membudget mb;

	(void)state;
	memset(&mb, 0, sizeof(mb));
	assert_int_equal(bsd_mem_charge(&mb, BSD_M_RTABLE,
	    UINT64_C(1) << 40), 0);
	assert_int_equal(bsd_mem_charge(&mb, BSD_M_RTABLE,
	    UINT64_C(1) << 40), 0);
	assert_int_equal(mb.mb_used, UINT64_C(1) << 41);
	assert_int_equal(mb.mb_fail, 0);
}

static void
test_limit_exact_boundary(void **state)
{
	struct bsd_membudget mb;

	(void)state;
	memset(&mb, 0, sizeof(mb));
	mb.mb_limit = 1000;
	assert_int_equal(bsd_mem_charge(&mb, BSD_M_RTABLE, 600), 0);
	/* Up to exactly the limit is allowed ... */
	assert_int_equal(bsd_mem_charge(&mb, BSD_M_LLINFO, 400), 0);
	assert_int_equal(mb.mb_used, 1000);
	/* ... one byte more is not, and charges nothing. */
	assert_int_equal(bsd_mem_charge(&mb, BSD_M_RTTIMER, 1), ENOBUFS);
	assert_int_equal(mb.mb_used, 1000);
	assert_int_equal(mb.mb_peak, 1000);
	assert_int_equal(mb.mb_bytype[BSD_M_RTTIMER], 0);
	assert_int_equal(mb.mb_fail, 1);
	/* Room again after an uncharge. */
	bsd_mem_uncharge(&mb, BSD_M_LLINFO, 32);
	assert_int_equal(bsd_mem_charge(&mb, BSD_M_RTTIMER, 32), 0);
	assert_int_equal(bsd_mem_charge(&mb, BSD_M_RTTIMER, 1), ENOBUFS);
	assert_int_equal(mb.mb_fail, 2);
	assert_int_equal(mb.mb_bytype[BSD_M_RTTIMER], 32);
}

static void
test_refused_charge_changes_nothing(void **state)
{
	struct bsd_membudget mb, before;

	(void)state;
	memset(&mb, 0, sizeof(mb));
	mb.mb_limit = 1000;
	assert_int_equal(bsd_mem_charge(&mb, BSD_M_RTABLE, 900), 0);
	before = mb;
	assert_int_equal(bsd_mem_charge(&mb, BSD_M_RTABLE, 101), ENOBUFS);
	assert_int_equal(mb.mb_used, before.mb_used);
	assert_int_equal(mb.mb_peak, before.mb_peak);
	assert_memory_equal(mb.mb_bytype, before.mb_bytype,
	    sizeof(mb.mb_bytype));
	assert_int_equal(mb.mb_fail, before.mb_fail + 1);
}

static void
test_pool_item_size(void **state)
{
	struct bsd_pool pp;

	(void)state;
	/* Rounded to 8, and never smaller than the free-list link. */
	bsd_pool_init(&pp, 1);
	assert_int_equal(pp.pr_size, sizeof(void *) > 8 ? sizeof(void *) : 8);
	bsd_pool_init(&pp, 13);
	assert_int_equal(pp.pr_size, 16);
	bsd_pool_init(&pp, 24);
	assert_int_equal(pp.pr_size, 24);
	assert_int_equal(pp.pr_nout, 0);
	assert_null(pp.pr_free);
	bsd_pool_destroy(&pp);
}

static void
test_pool_get_put_reuse_zeroed(void **state)
{
	struct bsd_pool pp;
	unsigned char *a, *b;
	size_t i;

	(void)state;
	bsd_pool_init(&pp, 40);
	a = bsd_pool_get(&pp);
	assert_non_null(a);
	for (i = 0; i < 40; i++)
		assert_int_equal(a[i], 0);
	assert_int_equal(pp.pr_nout, 1);
	memset(a, 0xa5, 40);
	bsd_pool_put(&pp, a);
	assert_int_equal(pp.pr_nout, 0);
	/* The item just returned is the next handed out, zeroed again. */
	b = bsd_pool_get(&pp);
	assert_ptr_equal(b, a);
	for (i = 0; i < 40; i++)
		if (b[i] != 0)
			fail_msg("reused item not zeroed at octet %zu", i);
	assert_int_equal(pp.pr_nout, 1);
	bsd_pool_put(&pp, b);
	bsd_pool_destroy(&pp);
}

static int
cmp_ptr(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;

	return x < y ? -1 : x > y;
}

static void
test_pool_many_items_distinct(void **state)
{
	enum { N = 300 };
	struct bsd_pool pp;
	char **v;
	size_t i;

	(void)state;
	bsd_pool_init(&pp, 24);
	v = calloc(N, sizeof(*v));
	assert_non_null(v);
	/* Several chunks' worth; every item whole and apart from the rest. */
	for (i = 0; i < N; i++) {
		v[i] = bsd_pool_get(&pp);
		assert_non_null(v[i]);
		memset(v[i], (int)(i & 0xff), 24);
	}
	assert_int_equal(pp.pr_nout, N);
	assert_true(pp.pr_bytes >= (uint64_t)N * 24);
	for (i = 0; i < N; i++)
		assert_int_equal((unsigned char)v[i][23], i & 0xff);
	qsort(v, N, sizeof(*v), cmp_ptr);
	for (i = 1; i < N; i++)
		if (v[i] - v[i - 1] < 24)
			fail_msg("pool items %zu and %zu overlap", i - 1, i);
	for (i = 0; i < N; i++)
		bsd_pool_put(&pp, v[i]);
	assert_int_equal(pp.pr_nout, 0);
	/* Returned items are reused before any new chunk is taken. */
	{
		uint64_t bytes = pp.pr_bytes;

		for (i = 0; i < N; i++)
			v[i] = bsd_pool_get(&pp);
		assert_int_equal(pp.pr_bytes, bytes);
	}
	free(v);
	bsd_pool_destroy(&pp);
}

static void
test_pool_destroy_resets(void **state)
{
	struct bsd_pool pp;

	(void)state;
	bsd_pool_init(&pp, 16);
	assert_non_null(bsd_pool_get(&pp));
	assert_non_null(bsd_pool_get(&pp));
	bsd_pool_destroy(&pp);
	assert_int_equal(pp.pr_nout, 0);
	assert_int_equal(pp.pr_bytes, 0);
	assert_null(pp.pr_free);
	assert_null(pp.pr_chunks);
	/* Usable again after init. */
	bsd_pool_init(&pp, 16);
	assert_non_null(bsd_pool_get(&pp));
	bsd_pool_destroy(&pp);
}

static void
test_limit_from_personality(void **state)
{
	struct bsd_personality p = *bsd_personality_find("netbsd-2");
	struct fx *fx;

	(void)state;
	assert_int_equal(bsd_personality_set(&p, "mem_limit", "4096", NULL),
	    0);
	fx = fx_keep(fx_new_bare(&p));
	assert_int_equal(fx->k->k_mem.mb_limit, 4096);
	assert_int_equal(fx->k->k_mem.mb_used, 0);
}

static void
test_route_charges_its_cost(void **state)
{
	struct fx *fx = fx_keep(fx_new("netbsd-2"));
	struct bsd_membudget *mb = &fx->k->k_mem;
	uint64_t used = mb->mb_used;

	(void)state;
	/* The fixture's two routes, and nothing else. */
	assert_int_equal(used, 2 * RTCOST);
	assert_int_equal(RTCOST, 192);
	assert_int_equal(fx_add(fx, "172.16.0.0", 16, "10.0.0.254",
	    BSD_RTF_GATEWAY | BSD_RTF_STATIC), 0);
	assert_int_equal(mb->mb_used, used + RTCOST);
	assert_int_equal(mb->mb_bytype[BSD_M_RTABLE], used + RTCOST);
	assert_int_equal(bsd_rtdeletemsg(fx->k, fx_lookup(fx, "172.16.0.0",
	    16)), 0);
	assert_int_equal(mb->mb_used, used);
}

static void
test_route_add_refused_at_limit(void **state)
{
	struct fx *fx = fx_keep(fx_new("netbsd-2"));
	struct bsd_membudget *mb = &fx->k->k_mem;
	uint64_t total = bsd_rt_total(fx->k);

	(void)state;
	mb->mb_limit = mb->mb_used + RTCOST - 1;
	assert_int_equal(fx_add(fx, "172.16.0.0", 16, "10.0.0.254",
	    BSD_RTF_GATEWAY | BSD_RTF_STATIC), ENOBUFS);
	assert_null(fx_lookup(fx, "172.16.0.0", 16));
	assert_int_equal(bsd_rt_total(fx->k), total);
	assert_int_equal(mb->mb_fail, 1);
	assert_int_equal(fx->traces[BSD_TR_ENOBUFS], 1);
	/* One byte more and it fits exactly. */
	mb->mb_limit++;
	assert_int_equal(fx_add(fx, "172.16.0.0", 16, "10.0.0.254",
	    BSD_RTF_GATEWAY | BSD_RTF_STATIC), 0);
	assert_int_equal(mb->mb_used, mb->mb_limit);
}

static void
test_clones_stop_at_limit(void **state)
{
	enum { N = 5 };
	struct fx *fx = fx_keep(fx_new("netbsd-2"));
	struct bsd_kernel *k = fx->k;
	struct bsd_membudget *mb = &k->k_mem;
	struct bsd_rtentry *rt, *parent;
	struct bsd_sockaddr_in dst;
	const struct bsd_rt_msg *m;
	uint64_t used = mb->mb_used, total;
	unsigned misses, i;
	char a[32];

	(void)state;
	parent = fx_lookup(fx, "10.0.0.0", 24);
	assert_non_null(parent);
	mb->mb_limit = used + N * RTCOST;

	/* Room for exactly N clones. */
	for (i = 0; i < N; i++) {
		snprintf(a, sizeof(a), "10.0.0.%u", 10 + i);
		rt = fx_touch(fx, a);
		if (rt == NULL || rt == parent || rt->rt_plen != 32)
			fail_msg("clone %u (%s) was not made", i, a);
	}
	assert_int_equal(mb->mb_used, used + N * RTCOST);
	assert_int_equal(mb->mb_fail, 0);
	total = bsd_rt_total(k);
	assert_int_equal(total, 2 + N);
	misses = fx_nmsgs(fx, BSD_RTM_MISS);

	/* The next lookup falls back on the parent and says why. */
	dst = fx_sin("10.0.0.99");
	rt = bsd_rtalloc1(k, (struct bsd_sockaddr *)&dst, 1, 0);
	assert_ptr_equal(rt, parent);
	bsd_rtfree(k, rt);
	assert_null(fx_lookup(fx, "10.0.0.99", 32));
	assert_int_equal(bsd_rt_total(k), total);
	assert_int_equal(mb->mb_used, used + N * RTCOST);
	assert_int_equal(mb->mb_fail, 1);
	assert_int_equal(fx->traces[BSD_TR_ENOBUFS], 1);
	assert_int_equal(k->k_rtstat.rts_clonefail, 1);
	assert_int_equal(fx_nmsgs(fx, BSD_RTM_MISS), misses + 1);
	m = &fx->msgs[fx->nmsgs - 1];
	assert_int_equal(m->rtm_type, BSD_RTM_MISS);
	assert_int_equal(m->rtm_errno, ENOBUFS);
	assert_true(m->rtm_addrs & BSD_RTA(BSD_RTAX_DST));
	assert_int_equal(m->rtm_sa[BSD_RTAX_DST].sin.sin_addr, dst.sin_addr);

	/* Deleting the clones gives back every byte. */
	for (i = 0; i < N; i++) {
		snprintf(a, sizeof(a), "10.0.0.%u", 10 + i);
		rt = fx_lookup(fx, a, 32);
		assert_non_null(rt);
		assert_int_equal(bsd_rtdeletemsg(k, rt), 0);
	}
	assert_int_equal(bsd_rt_total(k), 2);
	assert_int_equal(mb->mb_used, used);
	assert_int_equal(mb->mb_bytype[BSD_M_RTABLE], used);
	/* ... so there is room to clone again. */
	rt = fx_touch(fx, "10.0.0.99");
	assert_non_null(rt);
	assert_int_equal(rt->rt_plen, 32);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_charge_uncharge_counters),
		T(test_no_limit_never_fails),
		T(test_limit_exact_boundary),
		T(test_refused_charge_changes_nothing),
		T(test_pool_item_size),
		T(test_pool_get_put_reuse_zeroed),
		T(test_pool_many_items_distinct),
		T(test_pool_destroy_resets),
		T(test_limit_from_personality),
		T(test_route_charges_its_cost),
		T(test_route_add_refused_at_limit),
		T(test_clones_stop_at_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
