/*
 * The Internet checksum (RFC 1071).
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "bsd_ip.h"

uint32_t
bsd_in_cksum_add(uint32_t sum, const void *p, size_t len)
{
	const uint8_t *b = p;

	/* Octet pairs in network order; an odd last octet is padded. */
	for (; len >= 2; b += 2, len -= 2)
		sum += (uint32_t)(b[0] << 8 | b[1]);
	if (len)
		sum += (uint32_t)(b[0] << 8);
	return sum;
}

uint16_t
bsd_in_cksum_fold(uint32_t sum)
{

	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

uint16_t
bsd_in_cksum(const void *p, size_t len)
{

	return bsd_in_cksum_fold(bsd_in_cksum_add(0, p, len));
}
