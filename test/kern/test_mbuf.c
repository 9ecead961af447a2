/*
 * Packets (bsd_mbuf.c): headroom, prepend and adj bounds, and the
 * budget a kept packet is charged and gives back.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <errno.h>
#include <string.h>

#include "kern_fixture.h"

static void
test_get_and_copy(void **state)
{
	struct bsd_mbuf *m;

	(void)state;
	m = bsd_m_get(100);
	assert_non_null(m);
	assert_int_equal(m->m_len, 100);
	assert_int_equal(m->m_data - m->m_buf, BSD_M_LEADINGSPACE);
	assert_int_equal(m->m_size, BSD_M_LEADINGSPACE + 100);
	assert_int_equal(m->m_charged, 0);
	assert_int_equal(m->m_flags, 0);
	assert_null(m->m_rcvif);
	bsd_m_freem(NULL, m);
	m = bsd_m_copy("abcdef", 6);
	assert_non_null(m);
	assert_int_equal(m->m_len, 6);
	assert_memory_equal(m->m_data, "abcdef", 6);
	bsd_m_freem(NULL, m);
	/* Empty packets are packets too. */
	m = bsd_m_copy(NULL, 0);
	assert_non_null(m);
	assert_int_equal(m->m_len, 0);
	bsd_m_freem(NULL, m);
	bsd_m_freem(NULL, NULL);
}

/* Headers go in front, within the headroom and never past it. */
static void
test_prepend_bounds(void **state)
{
	struct bsd_mbuf *m = bsd_m_copy("payload", 7);
	uint8_t *p;

	(void)state;
	assert_non_null(m);
	p = bsd_m_prepend(m, 14);
	assert_non_null(p);
	assert_ptr_equal(p, m->m_data);
	assert_int_equal(m->m_len, 21);
	memcpy(p, "ethernet-head:", 14);
	assert_memory_equal(m->m_data + 14, "payload", 7);
	/* Exactly the rest of the headroom fits ... */
	p = bsd_m_prepend(m, BSD_M_LEADINGSPACE - 14);
	assert_non_null(p);
	assert_ptr_equal(m->m_data, m->m_buf);
	assert_int_equal(m->m_len, BSD_M_LEADINGSPACE + 7);
	/* ... one octet more does not, and changes nothing. */
	assert_null(bsd_m_prepend(m, 1));
	assert_ptr_equal(m->m_data, m->m_buf);
	assert_int_equal(m->m_len, BSD_M_LEADINGSPACE + 7);
	assert_null(bsd_m_prepend(m, UINT32_MAX));
	assert_int_equal(m->m_len, BSD_M_LEADINGSPACE + 7);
	bsd_m_freem(NULL, m);
}

/* m_adj: n > 0 from the front, n < 0 from the back, never past the end. */
static void
test_adj_bounds(void **state)
{
	struct bsd_mbuf *m = bsd_m_copy("0123456789", 10);
	uint8_t *data;

	(void)state;
	assert_non_null(m);
	data = m->m_data;
	bsd_m_adj(m, 3);
	assert_ptr_equal(m->m_data, data + 3);
	assert_int_equal(m->m_len, 7);
	assert_memory_equal(m->m_data, "3456789", 7);
	bsd_m_adj(m, -2);
	assert_ptr_equal(m->m_data, data + 3);
	assert_int_equal(m->m_len, 5);
	assert_memory_equal(m->m_data, "34567", 5);
	bsd_m_adj(m, 0);
	assert_int_equal(m->m_len, 5);
	/* Too much from the back: empty, still in place. */
	bsd_m_adj(m, -100);
	assert_int_equal(m->m_len, 0);
	assert_ptr_equal(m->m_data, data + 3);
	bsd_m_freem(NULL, m);
	/* Too much from the front: empty, data at the end. */
	m = bsd_m_copy("0123456789", 10);
	assert_non_null(m);
	data = m->m_data;
	bsd_m_adj(m, 100);
	assert_int_equal(m->m_len, 0);
	assert_ptr_equal(m->m_data, data + 10);
	/* What adj took from the front, prepend can give back. */
	assert_non_null(bsd_m_prepend(m, 10));
	assert_ptr_equal(m->m_data, data);
	bsd_m_freem(NULL, m);
}

/*
 * A kept packet costs what i386 NetBSD paid: one mbuf (128) for up to
 * 100 octets, an mbuf and a 2048-octet cluster beyond; freeing it
 * gives exactly that back.  Packets are counted (BSD_M_MBUF) apart
 * from the routing memory in mb_used.
 */
static void
test_charge_and_free(void **state)
{
	const struct bsd_personality *p = bsd_personality_find("netbsd-2");
	struct bsd_membudget *mb;
	struct bsd_mbuf *small, *big;
	struct fx *fx;

	(void)state;
	assert_non_null(p);
	fx = fx_new_bare(p);
	mb = &fx->k->k_mem;
	small = bsd_m_get(100);
	big = bsd_m_get(101);
	assert_non_null(small);
	assert_non_null(big);
	assert_int_equal(bsd_m_charge(fx->k, small), 0);
	assert_int_equal(small->m_charged, 128);
	assert_int_equal(mb->mb_bytype[BSD_M_MBUF], 128);
	assert_int_equal(bsd_m_charge(fx->k, big), 0);
	assert_int_equal(big->m_charged, 128 + 2048);
	assert_int_equal(mb->mb_bytype[BSD_M_MBUF], 128 + 128 + 2048);
	assert_int_equal(mb->mb_used, 0);
	/* Charging twice charges once. */
	assert_int_equal(bsd_m_charge(fx->k, big), 0);
	assert_int_equal(mb->mb_bytype[BSD_M_MBUF], 128 + 128 + 2048);
	bsd_m_freem(fx->k, big);
	assert_int_equal(mb->mb_bytype[BSD_M_MBUF], 128);
	bsd_m_freem(fx->k, small);
	assert_int_equal(mb->mb_bytype[BSD_M_MBUF], 0);
	assert_int_equal(mb->mb_used, 0);
	fx_free(fx);
}

/*
 * Packets come from the mbuf pool, not the routing table's malloc: a
 * limit that refuses routes does not refuse them.
 */
static void
test_charge_outside_route_limit(void **state)
{
	const struct bsd_personality *p = bsd_personality_find("netbsd-2");
	struct bsd_membudget *mb;
	struct bsd_mbuf *a, *b;
	struct fx *fx;

	(void)state;
	assert_non_null(p);
	fx = fx_new_bare(p);
	mb = &fx->k->k_mem;
	mb->mb_limit = mb->mb_used + 1;
	a = bsd_m_get(10);
	b = bsd_m_get(1000);
	assert_non_null(a);
	assert_non_null(b);
	assert_int_equal(bsd_m_charge(fx->k, a), 0);
	assert_int_equal(bsd_m_charge(fx->k, b), 0);
	assert_int_equal(mb->mb_bytype[BSD_M_MBUF], 128 + 128 + 2048);
	assert_int_equal(mb->mb_fail, 0);
	assert_true(mb->mb_used <= mb->mb_limit);
	bsd_m_freem(fx->k, b);
	bsd_m_freem(fx->k, a);
	assert_int_equal(mb->mb_bytype[BSD_M_MBUF], 0);
	/* An uncharged packet frees without touching the count. */
	a = bsd_m_get(10);
	assert_non_null(a);
	bsd_m_freem(fx->k, a);
	assert_int_equal(mb->mb_bytype[BSD_M_MBUF], 0);
	fx_free(fx);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_get_and_copy),
		cmocka_unit_test(test_prepend_bounds),
		cmocka_unit_test(test_adj_bounds),
		cmocka_unit_test(test_charge_and_free),
		cmocka_unit_test(test_charge_outside_route_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
