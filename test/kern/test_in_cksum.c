/*
 * The Internet checksum (bsd_in_cksum.c): RFC 1071's example, odd
 * lengths, incremental sums, and a header that carries its checksum.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <string.h>

#include "kern_fixture.h"

/* A plain reference: 16-bit big-endian words, carries folded at the end. */
static uint16_t
ref_cksum(const uint8_t *p, size_t len)
{
	uint64_t sum = 0;
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		sum += (uint64_t)p[i] << 8 | p[i + 1];
	if (len & 1)
		sum += (uint64_t)p[len - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

/* RFC 1071 section 3: 00 01 f2 03 f4 f5 f6 f7 sums to ddf2. */
static void
test_rfc1071_example(void **state)
{
	static const uint8_t b[8] = {
		0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7
	};
	uint8_t c[10];
	uint16_t sum;

	(void)state;
	assert_int_equal(bsd_in_cksum_add(0, b, sizeof(b)), 0x2ddf0);
	assert_int_equal(bsd_in_cksum(b, sizeof(b)), (uint16_t)~0xddf2);
	/* With its checksum appended, the whole sums to zero. */
	memcpy(c, b, sizeof(b));
	sum = bsd_htons(bsd_in_cksum(b, sizeof(b)));
	memcpy(c + 8, &sum, 2);
	assert_int_equal(bsd_in_cksum(c, sizeof(c)), 0);
}

/* An odd last octet counts as the high half of a word (RFC 1071). */
static void
test_odd_lengths(void **state)
{
	static const uint8_t b[3] = { 0xab, 0xcd, 0xef };
	static const uint8_t one[1] = { 0x01 };

	(void)state;
	assert_int_equal(bsd_in_cksum(one, 1), 0xfeff);
	/* abcd + ef00 = 19acd -> 9ace -> 6531 */
	assert_int_equal(bsd_in_cksum(b, 3), 0x6531);
	assert_int_equal(bsd_in_cksum(b, 0), 0xffff);
}

/* Sums may be taken in even-sized pieces: pseudo-headers rely on it. */
static void
test_incremental(void **state)
{
	static uint8_t buf[1501];
	uint32_t x = 12345, sum;
	size_t i, len, cut;

	(void)state;
	for (i = 0; i < sizeof(buf); i++) {
		x = x * 1103515245u + 12345u;
		buf[i] = (uint8_t)(x >> 16);
	}
	for (len = 0; len <= sizeof(buf); len += 37) {
		assert_int_equal(bsd_in_cksum(buf, len), ref_cksum(buf, len));
		for (cut = 0; cut <= len; cut += 2 * (1 + len / 10)) {
			sum = bsd_in_cksum_add(0, buf, cut);
			sum = bsd_in_cksum_add(sum, buf + cut, len - cut);
			assert_int_equal(bsd_in_cksum_fold(sum),
			    ref_cksum(buf, len));
		}
	}
}

/* Carries out of the high half fold back in, for the longest packet. */
static void
test_all_ones_long(void **state)
{
	static uint8_t buf[65535];

	(void)state;
	memset(buf, 0xff, sizeof(buf));
	assert_int_equal(bsd_in_cksum(buf, sizeof(buf)),
	    ref_cksum(buf, sizeof(buf)));
	assert_int_equal(bsd_in_cksum(buf, 2), 0x0000);
	memset(buf, 0, 64);
	assert_int_equal(bsd_in_cksum(buf, 64), 0xffff);
}

/*
 * An IPv4 header (192.168.0.1 -> 192.168.0.199, UDP): its checksum is
 * b861, and with that in place the header sums to 0, as ip_input checks.
 */
static void
test_header_sums_to_zero(void **state)
{
	uint8_t h[20] = {
		0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00,
		0x40, 0x11, 0x00, 0x00, 0xc0, 0xa8, 0x00, 0x01,
		0xc0, 0xa8, 0x00, 0xc7
	};
	uint16_t sum;

	(void)state;
	assert_int_equal(bsd_in_cksum(h, sizeof(h)), 0xb861);
	sum = bsd_htons(0xb861);
	memcpy(h + 10, &sum, 2);
	assert_int_equal(h[10], 0xb8);
	assert_int_equal(h[11], 0x61);
	assert_int_equal(bsd_in_cksum(h, sizeof(h)), 0);
	/* One bit changed anywhere, and it no longer does. */
	h[15] ^= 0x02;
	assert_int_not_equal(bsd_in_cksum(h, sizeof(h)), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc1071_example),
		cmocka_unit_test(test_odd_lengths),
		cmocka_unit_test(test_incremental),
		cmocka_unit_test(test_all_ones_long),
		cmocka_unit_test(test_header_sums_to_zero),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
