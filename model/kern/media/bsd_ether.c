/*
 * Ethernet II framing (net/if_ethersubr.c): dst(6) src(6) type(2).
 *
 * Output pads a frame to the 60-octet minimum (64 with the FCS the
 * hardware adds) with zeros, as an Ethernet controller puts it on the
 * wire and as ns-3's CsmaNetDevice does; input takes padded and short
 * frames alike and leaves the padding in the payload, which IP trims by
 * ip_len and ARP never reads, as in BSD.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "../bsd_if.h"
#include "bsd_media.h"

#define ETHER_ADDR_LEN	6
#define ETHER_TYPE_LEN	2
#define ETHER_HDR_LEN	(2 * ETHER_ADDR_LEN + ETHER_TYPE_LEN)
#define ETHER_CRC_LEN	4
#define ETHER_MIN_LEN	64	/* on the wire, FCS included */
#define ETHERMTU	1500

#define ETHERTYPE_IP	0x0800
#define ETHERTYPE_ARP	0x0806

/* Ethernet keeps nothing per interface but its options. */
struct ether_state {
	uint32_t	es_flags;
};

static const uint8_t ether_bcast[ETHER_ADDR_LEN] = {
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff
};

static void
ether_init(void *state, uint32_t flags)
{
	struct ether_state *es = state;

	es->es_flags = flags;
}

static uint32_t
ether_ipmtu(const void *state)
{

	(void)state;
	return ETHERMTU;
}

static int
ether_output(void *state, const uint8_t *src, const uint8_t *dst, int proto,
    const uint8_t *payload, size_t len, bsd_frame_emit_fn *emit, void *arg)
{
	uint8_t frame[ETHER_HDR_LEN + ETHERMTU];
	uint16_t type;
	size_t flen;

	(void)state;
	switch (proto) {
	case BSD_LLPROTO_IP:
		type = ETHERTYPE_IP;
		break;
	case BSD_LLPROTO_ARP:
		type = ETHERTYPE_ARP;
		break;
	default:
		return EPROTONOSUPPORT;
	}
	if (len > ETHERMTU)
		return EMSGSIZE;
	memcpy(frame, dst, ETHER_ADDR_LEN);
	memcpy(frame + ETHER_ADDR_LEN, src, ETHER_ADDR_LEN);
	frame[12] = (uint8_t)(type >> 8);
	frame[13] = (uint8_t)type;
	if (len > 0)
		memcpy(frame + ETHER_HDR_LEN, payload, len);
	flen = ETHER_HDR_LEN + len;
	if (flen < ETHER_MIN_LEN - ETHER_CRC_LEN) {
		memset(frame + flen, 0, ETHER_MIN_LEN - ETHER_CRC_LEN - flen);
		flen = ETHER_MIN_LEN - ETHER_CRC_LEN;
	}
	emit(arg, frame, flen);
	return 0;
}

static int
ether_input(void *state, int64_t now, const uint8_t *frame, size_t len,
    struct bsd_llframe *out)
{
	uint16_t type;

	(void)state;
	(void)now;
	memset(out, 0, sizeof(*out));
	if (len < ETHER_HDR_LEN)
		return BSD_MD_SHORT;
	memcpy(out->lf_dst, frame, ETHER_ADDR_LEN);
	memcpy(out->lf_src, frame + ETHER_ADDR_LEN, ETHER_ADDR_LEN);
	out->lf_bcast = memcmp(frame, ether_bcast, ETHER_ADDR_LEN) == 0;
	/* A giant: no controller would have passed it up (ether_input). */
	if (len - ETHER_HDR_LEN > ETHERMTU)
		return BSD_MD_BADHDR;
	type = (uint16_t)(frame[12] << 8 | frame[13]);
	switch (type) {
	case ETHERTYPE_IP:
		out->lf_proto = BSD_LLPROTO_IP;
		break;
	case ETHERTYPE_ARP:
		out->lf_proto = BSD_LLPROTO_ARP;
		break;
	default:
		/* Other types, and 802.3 length fields (< 0x600). */
		return BSD_MD_UNKPROTO;
	}
	out->lf_payload = frame + ETHER_HDR_LEN;
	out->lf_paylen = len - ETHER_HDR_LEN;
	return BSD_MD_OK;
}

/*
 * "08:00:2b:00:49:a4": always two lower-case digits, unlike BSD's
 * link_ntoa ("8:0:2b:0:49:a4"); FDDI shares this form.
 */
static char *
ether_ntoa(const uint8_t *a, char *buf, size_t len)
{

	if (len > 0)
		snprintf(buf, len, "%02x:%02x:%02x:%02x:%02x:%02x",
		    a[0], a[1], a[2], a[3], a[4], a[5]);
	return buf;
}

static int
hexdigit(char c)
{

	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Only the form ether_ntoa writes: six pairs of lower-case digits. */
static int
ether_aton(const char *s, uint8_t *addr)
{
	uint8_t a[ETHER_ADDR_LEN];
	int i, hi, lo;

	for (i = 0; i < ETHER_ADDR_LEN; i++) {
		if ((hi = hexdigit(s[0])) < 0 || (lo = hexdigit(s[1])) < 0)
			return EINVAL;
		a[i] = (uint8_t)(hi << 4 | lo);
		if (s[2] != (i < ETHER_ADDR_LEN - 1 ? ':' : '\0'))
			return EINVAL;
		s += 3;
	}
	memcpy(addr, a, ETHER_ADDR_LEN);
	return 0;
}

const struct bsd_media bsd_media_ether = {
	.md_name = "ether",
	.md_iftype = BSD_IFT_ETHER,
	.md_addrlen = ETHER_ADDR_LEN,
	.md_arphrd = 1,			/* ARPHRD_ETHER */
	.md_arppro = ETHERTYPE_IP,
	.md_hdrlen = ETHER_HDR_LEN,
	.md_dlt = 1,			/* DLT_EN10MB */
	.md_broadcast = ether_bcast,
	.md_statesize = sizeof(struct ether_state),
	.md_init = ether_init,
	.md_ipmtu = ether_ipmtu,
	.md_output = ether_output,
	.md_input = ether_input,
	.md_ntoa = ether_ntoa,
	.md_aton = ether_aton,
};
