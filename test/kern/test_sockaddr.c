/*
 * Tests for sockaddrs (bsd_sockaddr.c): masks, dotted quads, link_ntoa.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "kern_fixture.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* Host-order value of a network-order address, without <arpa/inet.h>. */
static uint32_t
hval(uint32_t net)
{
	const uint8_t *p = (const uint8_t *)&net;

	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

/* A netmask sockaddr with the four given octets and sa_len len. */
static struct bsd_sockaddr_in
rawmask(uint8_t a, uint8_t b, uint8_t c, uint8_t d, uint8_t len)
{
	struct bsd_sockaddr_in m;
	uint8_t *p;

	bsd_sin_init(&m, 0);
	p = (uint8_t *)&m.sin_addr;
	p[0] = a;
	p[1] = b;
	p[2] = c;
	p[3] = d;
	m.sin_len = len;
	return m;
}

static void
test_sin_init_layout(void **state)
{
	struct bsd_sockaddr_in sin;
	unsigned i;

	(void)state;
	memset(&sin, 0xa5, sizeof(sin));
	bsd_sin_init(&sin, fx_ip("192.0.2.7"));
	assert_int_equal(sin.sin_len, 16);
	assert_int_equal(sizeof(sin), 16);
	assert_int_equal(sin.sin_family, BSD_AF_INET);
	assert_int_equal(sin.sin_port, 0);
	assert_int_equal(hval(sin.sin_addr), 0xc0000207);
	assert_int_equal(sin.sin_other, 0);
	for (i = 0; i < sizeof(sin.sin_zero); i++)
		assert_int_equal(sin.sin_zero[i], 0);
}

static void
test_sin_mask_every_length(void **state)
{
	struct bsd_sockaddr_in m;
	uint32_t want;
	unsigned plen;

	(void)state;
	for (plen = 0; plen <= 32; plen++) {
		bsd_sin_mask(&m, plen);
		want = plen == 0 ? 0 : UINT32_MAX << (32 - plen);
		if (hval(m.sin_addr) != want)
			fail_msg("sin_mask(%u) = 0x%08x, want 0x%08x", plen,
			    hval(m.sin_addr), want);
		assert_int_equal(m.sin_len, 16);
		assert_int_equal(m.sin_family, BSD_AF_INET);
		/* ... and bsd_mask_plen reads back what sin_mask made. */
		if (bsd_mask_plen((struct bsd_sockaddr *)&m) != (int)plen)
			fail_msg("mask_plen(sin_mask(%u)) = %d", plen,
			    bsd_mask_plen((struct bsd_sockaddr *)&m));
	}
}

static void
test_mask_plen_noncontiguous(void **state)
{
	struct bsd_sockaddr_in m;

	(void)state;
	m = rawmask(255, 0, 255, 0, 16);
	assert_int_equal(bsd_mask_plen((struct bsd_sockaddr *)&m), -1);
	/* A zero octet, then ones again. */
	m = rawmask(255, 255, 0, 255, 16);
	assert_int_equal(bsd_mask_plen((struct bsd_sockaddr *)&m), -1);
	/* A hole inside an octet: 0xfd = 11111101. */
	m = rawmask(255, 253, 0, 0, 16);
	assert_int_equal(bsd_mask_plen((struct bsd_sockaddr *)&m), -1);
	/* Ones that do not start at the top bit. */
	m = rawmask(0, 255, 0, 0, 16);
	assert_int_equal(bsd_mask_plen((struct bsd_sockaddr *)&m), -1);
	m = rawmask(127, 0, 0, 0, 16);
	assert_int_equal(bsd_mask_plen((struct bsd_sockaddr *)&m), -1);
	/* Contiguous ones inside an octet are fine: 0xfe = /15. */
	m = rawmask(255, 254, 0, 0, 16);
	assert_int_equal(bsd_mask_plen((struct bsd_sockaddr *)&m), 15);
}

static void
test_mask_plen_trimmed_sa_len(void **state)
{
	struct bsd_sockaddr_in m;

	(void)state;
	/* radix.c trimmed trailing zero octets; what is missing is zero. */
	m = rawmask(255, 255, 0, 0, 6);
	assert_int_equal(bsd_mask_plen((struct bsd_sockaddr *)&m), 16);
	m = rawmask(255, 0, 0, 0, 5);
	assert_int_equal(bsd_mask_plen((struct bsd_sockaddr *)&m), 8);
	/* Octets past sa_len are not part of the mask. */
	m = rawmask(255, 255, 255, 255, 6);
	assert_int_equal(bsd_mask_plen((struct bsd_sockaddr *)&m), 16);
	/* The zero-length mask of a default route. */
	m = rawmask(0, 0, 0, 0, 0);
	assert_int_equal(bsd_mask_plen((struct bsd_sockaddr *)&m), 0);
	/* AF_UNSPEC masks are read like AF_INET ones. */
	m = rawmask(255, 255, 255, 0, 16);
	m.sin_family = BSD_AF_UNSPEC;
	assert_int_equal(bsd_mask_plen((struct bsd_sockaddr *)&m), 24);
}

static void
test_mask_plen_wrong_family(void **state)
{
	struct bsd_sockaddr_dl sdl;

	(void)state;
	bsd_sdl_init(&sdl, 1, BSD_IFT_ETHER, NULL, 0);
	assert_int_equal(bsd_mask_plen((struct bsd_sockaddr *)&sdl), -1);
}

static void
test_inet_roundtrip(void **state)
{
	static const char *const quads[] = {
		"0.0.0.0", "10.0.0.1", "127.0.0.1", "192.168.255.254",
		"255.255.255.255", "1.2.3.4", "224.0.0.251"
	};
	char buf[16];
	uint32_t a;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(quads) / sizeof(quads[0]); i++) {
		assert_int_equal(bsd_inet_aton(quads[i], &a), 0);
		assert_string_equal(bsd_inet_ntoa(a, buf), quads[i]);
	}
	/* Network order: the first octet comes first in memory. */
	assert_int_equal(bsd_inet_aton("10.1.2.3", &a), 0);
	assert_int_equal(hval(a), 0x0a010203);
	/* ntoa returns the buffer it was given. */
	assert_ptr_equal(bsd_inet_ntoa(a, buf), buf);
}

static void
test_inet_aton_rejects_malformed(void **state)
{
	static const char *const bad[] = {
		"1.2.3", "256.1.1.1", "1.2.3.4x", "1.2.3.4.5", "", "1..2.3",
		"1.2.3.256", "a.b.c.d", "1.2.3.", ".1.2.3"
	};
	uint32_t a;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (bsd_inet_aton(bad[i], &a) != EINVAL)
			fail_msg("inet_aton(\"%s\") accepted", bad[i]);
}

/*
 * BUG (bsd_sockaddr.c, bsd_inet_aton): an octet too large for an
 * unsigned int wraps in sscanf("%u") (undefined in C; glibc keeps the
 * low 32 bits), so "4294967297.1.1.1" is taken as 1.1.1.1.  Every BSD
 * inet_aton refuses an octet over 255.
 */
static void
test_inet_aton_rejects_wrapped_octet(void **state)
{
	uint32_t a = 0;

	(void)state;
	if (bsd_inet_aton("4294967297.1.1.1", &a) != EINVAL)
		fail_msg("inet_aton(\"4294967297.1.1.1\") accepted as 0x%08x",
		    hval(a));
	assert_int_equal(bsd_inet_aton("4294967551.1.1.1", &a), EINVAL);
}

/*
 * BUG (bsd_sockaddr.c, bsd_inet_aton): sscanf's %u skips blanks and
 * takes a sign, so " 1.2.3.4", "+1.2.3.4" and "1.2.3.-0" parse.  BSD's
 * inet_aton wants a digit at the start of every part and refuses all
 * three.
 */
static void
test_inet_aton_rejects_signs_and_blanks(void **state)
{
	static const char *const bad[] = {
		" 1.2.3.4", "+1.2.3.4", "1.2.3.-0", "1. 2.3.4", "1.+2.3.4"
	};
	uint32_t a;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (bsd_inet_aton(bad[i], &a) != EINVAL)
			fail_msg("inet_aton(\"%s\") accepted", bad[i]);
}

/*
 * BUG (bsd_sockaddr.c, bsd_inet_aton): on a bad octet the octets
 * before it have already been stored, so "1.2.300.4" fails but leaves
 * 1.2.x.x in *addr.  inet_aton stores only on success.
 */
static void
test_inet_aton_failure_leaves_addr(void **state)
{
	uint32_t a = 0x11111111;

	(void)state;
	assert_int_equal(bsd_inet_aton("1.2.300.4", &a), EINVAL);
	if (a != 0x11111111)
		fail_msg("a failed inet_aton(\"1.2.300.4\") stored 0x%08x",
		    hval(a));
}

static void
test_link_ntoa_ethernet(void **state)
{
	static const uint8_t mac[6] = { 0x08, 0x00, 0x2b, 0x00, 0x49, 0xa4 };
	struct bsd_sockaddr_dl sdl;
	char buf[40];

	(void)state;
	bsd_sdl_init(&sdl, 1, BSD_IFT_ETHER, mac, 6);
	/* BSD prints each octet in hex without leading zeros. */
	assert_string_equal(bsd_link_ntoa(&sdl, buf, sizeof(buf)),
	    "8:0:2b:0:49:a4");
	assert_ptr_equal(bsd_link_ntoa(&sdl, buf, sizeof(buf)), buf);
}

static void
test_link_ntoa_arcnet_one_octet(void **state)
{
	static const uint8_t sid[1] = { 0x2a };
	struct bsd_sockaddr_dl sdl;
	char buf[40];

	(void)state;
	bsd_sdl_init(&sdl, 3, BSD_IFT_ARCNET, sid, 1);
	assert_string_equal(bsd_link_ntoa(&sdl, buf, sizeof(buf)), "2a");
}

static void
test_link_ntoa_ax25_seven_octets(void **state)
{
	/* "N0CALL" shifted left one bit, then SSID 0 with the E bit. */
	static const uint8_t call[7] = {
		0x9c, 0x60, 0x86, 0x82, 0x98, 0x98, 0x61
	};
	struct bsd_sockaddr_dl sdl;
	char buf[40];

	(void)state;
	bsd_sdl_init(&sdl, 2, BSD_IFT_AX25, call, 7);
	assert_string_equal(bsd_link_ntoa(&sdl, buf, sizeof(buf)),
	    "9c:60:86:82:98:98:61");
}

static void
test_link_ntoa_empty_and_short_buffer(void **state)
{
	static const uint8_t mac[6] = { 0x08, 0x00, 0x2b, 0x00, 0x49, 0xa4 };
	struct bsd_sockaddr_dl sdl;
	char buf[40];

	(void)state;
	bsd_sdl_init(&sdl, 1, BSD_IFT_ETHER, NULL, 0);
	assert_string_equal(bsd_link_ntoa(&sdl, buf, sizeof(buf)), "");
	/* A short buffer gets a terminated prefix, never an overrun. */
	bsd_sdl_init(&sdl, 1, BSD_IFT_ETHER, mac, 6);
	memset(buf, 'z', sizeof(buf));
	bsd_link_ntoa(&sdl, buf, 6);
	assert_true(strlen(buf) < 6);
	assert_memory_equal(buf, "8:0:2b:0:49:a4", strlen(buf));
	assert_int_equal(buf[6], 'z');
}

static void
test_sdl_init_fields(void **state)
{
	static const uint8_t mac[6] = { 0x00, 0x0c, 0x29, 0x01, 0x02, 0x03 };
	struct bsd_sockaddr_dl sdl;
	unsigned i;

	(void)state;
	memset(&sdl, 0xa5, sizeof(sdl));
	bsd_sdl_init(&sdl, 7, BSD_IFT_ETHER, mac, 6);
	assert_int_equal(sdl.sdl_len, sizeof(sdl));
	assert_int_equal(sdl.sdl_family, BSD_AF_LINK);
	assert_int_equal(sdl.sdl_index, 7);
	assert_int_equal(sdl.sdl_type, BSD_IFT_ETHER);
	assert_int_equal(sdl.sdl_nlen, 0);
	assert_int_equal(sdl.sdl_alen, 6);
	assert_int_equal(sdl.sdl_slen, 0);
	assert_ptr_equal(BSD_LLADDR(&sdl), sdl.sdl_data);
	assert_memory_equal(BSD_LLADDR(&sdl), mac, 6);
	for (i = 6; i < sizeof(sdl.sdl_data); i++)
		assert_int_equal(sdl.sdl_data[i], 0);
	/* No address: alen 0, "unresolved" as ARP uses it. */
	bsd_sdl_init(&sdl, 7, BSD_IFT_ETHER, NULL, 0);
	assert_int_equal(sdl.sdl_alen, 0);
	for (i = 0; i < sizeof(sdl.sdl_data); i++)
		assert_int_equal(sdl.sdl_data[i], 0);
}

static void
test_sdl_init_truncates_to_max(void **state)
{
	static const uint8_t nine[9] = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
	struct bsd_sockaddr_dl sdl;

	(void)state;
	/* Longer than BSD_LL_MAXADDRLEN: the first 8 octets are kept. */
	bsd_sdl_init(&sdl, 1, BSD_IFT_OTHER, nine, 9);
	assert_int_equal(BSD_LL_MAXADDRLEN, 8);
	assert_int_equal(sdl.sdl_alen, BSD_LL_MAXADDRLEN);
	assert_memory_equal(BSD_LLADDR(&sdl), nine, BSD_LL_MAXADDRLEN);
	assert_int_equal(sdl.sdl_data[BSD_LL_MAXADDRLEN], 0);
	/* Exactly the maximum is not truncated. */
	bsd_sdl_init(&sdl, 1, BSD_IFT_OTHER, nine, 8);
	assert_int_equal(sdl.sdl_alen, 8);
}

static void
test_sa_equal(void **state)
{
	struct bsd_sockaddr_in a, b;

	(void)state;
	a = fx_sin("10.0.0.1");
	b = fx_sin("10.0.0.1");
	assert_true(bsd_sa_equal((struct bsd_sockaddr *)&a,
	    (struct bsd_sockaddr *)&b));
	b = fx_sin("10.0.0.2");
	assert_false(bsd_sa_equal((struct bsd_sockaddr *)&a,
	    (struct bsd_sockaddr *)&b));
	/* Every octet within sa_len counts, as BSD's bcmp-based equal(). */
	b = fx_sin("10.0.0.1");
	b.sin_other = BSD_SIN_PROXY;
	assert_false(bsd_sa_equal((struct bsd_sockaddr *)&a,
	    (struct bsd_sockaddr *)&b));
	b = fx_sin("10.0.0.1");
	b.sin_port = 1;
	assert_false(bsd_sa_equal((struct bsd_sockaddr *)&a,
	    (struct bsd_sockaddr *)&b));
	/* Different lengths are different addresses. */
	b = fx_sin("10.0.0.1");
	b.sin_len = 8;
	assert_false(bsd_sa_equal((struct bsd_sockaddr *)&a,
	    (struct bsd_sockaddr *)&b));
}

static void
test_sa_copy(void **state)
{
	union bsd_sockunion su;
	struct bsd_sockaddr_in sin;
	uint8_t big[sizeof(union bsd_sockunion) + 1];
	unsigned i;

	(void)state;
	sin = fx_sin("10.9.8.7");
	memset(&su, 0xa5, sizeof(su));
	assert_int_equal(bsd_sa_copy(&su, (struct bsd_sockaddr *)&sin), 0);
	assert_memory_equal(&su.sin, &sin, sizeof(sin));
	/* The rest of the union is zeroed. */
	for (i = sizeof(sin); i < sizeof(su); i++)
		assert_int_equal(((uint8_t *)&su)[i], 0);

	/* sa_len 0 and 1 cannot hold even the family: EINVAL. */
	memset(&su, 0xa5, sizeof(su));
	sin.sin_len = 0;
	assert_int_equal(bsd_sa_copy(&su, (struct bsd_sockaddr *)&sin),
	    EINVAL);
	sin.sin_len = 1;
	assert_int_equal(bsd_sa_copy(&su, (struct bsd_sockaddr *)&sin),
	    EINVAL);
	/* A refused copy leaves the destination alone. */
	assert_int_equal(((uint8_t *)&su)[0], 0xa5);

	/* Longer than the union: EINVAL; exactly its size: fine. */
	memset(big, 0, sizeof(big));
	big[0] = (uint8_t)sizeof(big);
	big[1] = BSD_AF_LINK;
	assert_int_equal(bsd_sa_copy(&su, (struct bsd_sockaddr *)big),
	    EINVAL);
	big[0] = (uint8_t)sizeof(union bsd_sockunion);
	assert_int_equal(bsd_sa_copy(&su, (struct bsd_sockaddr *)big), 0);
	assert_int_equal(su.sa.sa_len, sizeof(union bsd_sockunion));
}

/*
 * A routing-socket request's sockaddr_dl may claim a name and address
 * longer than sdl_data: only what it holds is printed (found by
 * fuzz_rtsock: index 18 of sdl_data[12]).
 */
static void
test_link_ntoa_claims_past_sdl_data(void **state)
{
	struct bsd_sockaddr_dl sdl[2];
	char buf[64];

	(void)state;
	memset(sdl, 0xab, sizeof(sdl));
	sdl[0].sdl_len = 20;
	sdl[0].sdl_family = BSD_AF_LINK;
	sdl[0].sdl_nlen = 10;
	sdl[0].sdl_alen = 6;
	assert_string_equal(bsd_link_ntoa(&sdl[0], buf, sizeof(buf)),
	    "ab:ab");
	sdl[0].sdl_nlen = 12;
	assert_string_equal(bsd_link_ntoa(&sdl[0], buf, sizeof(buf)), "");
	sdl[0].sdl_nlen = 200;
	sdl[0].sdl_alen = 255;
	assert_string_equal(bsd_link_ntoa(&sdl[0], buf, sizeof(buf)), "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sin_init_layout),
		cmocka_unit_test(test_link_ntoa_claims_past_sdl_data),
		cmocka_unit_test(test_sin_mask_every_length),
		cmocka_unit_test(test_mask_plen_noncontiguous),
		cmocka_unit_test(test_mask_plen_trimmed_sa_len),
		cmocka_unit_test(test_mask_plen_wrong_family),
		cmocka_unit_test(test_inet_roundtrip),
		cmocka_unit_test(test_inet_aton_rejects_malformed),
		cmocka_unit_test(test_inet_aton_rejects_wrapped_octet),
		cmocka_unit_test(test_inet_aton_rejects_signs_and_blanks),
		cmocka_unit_test(test_inet_aton_failure_leaves_addr),
		cmocka_unit_test(test_link_ntoa_ethernet),
		cmocka_unit_test(test_link_ntoa_arcnet_one_octet),
		cmocka_unit_test(test_link_ntoa_ax25_seven_octets),
		cmocka_unit_test(test_link_ntoa_empty_and_short_buffer),
		cmocka_unit_test(test_sdl_init_fields),
		cmocka_unit_test(test_sdl_init_truncates_to_max),
		cmocka_unit_test(test_sa_equal),
		cmocka_unit_test(test_sa_copy),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
