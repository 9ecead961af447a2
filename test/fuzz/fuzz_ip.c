/*
 * libFuzzer target for IP input: the input is an IP packet, given to
 * bsd_ip_input() of a host and of a router, and again inside an
 * Ethernet frame to bsd_if_input() of each.
 *
 * The frame carries the packet with its header checksum made right
 * (where the header length allows), so mutations get past that check
 * and on into forwarding, reassembly, ICMP and UDP.
 *
 * The host (netbsd-2) has ether0 10.0.0.1/24 and a default route via
 * 10.0.0.254.  The router (freebsd-4, forwarding) has the same and an
 * AX.25 interface 10.0.1.1/24 (MTU 256), so forwarded packets are
 * fragmented, redirected and answered with ICMP errors.  Every input
 * is in a buffer of its own exact size, so ASan sees a read past its
 * end.  The clock moves 50 ms per input and callouts run, so
 * reassembly and ARP timers fire; the kernels are rebuilt every
 * REBUILD inputs, or when a table passes 10000 routes, so memory stays
 * flat however long the run.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fhost.h"

#define REBUILD		4096
#define MAXROUTES	10000
#define STEP_NS		INT64_C(50000000)	/* 50 ms per input */
#define ETHER_HDR	14

static unsigned		inputs;
static struct fhost	hosts[2];

static void
build(struct fhost *h, const char *pers, int router)
{
	uint8_t call[7];
	struct bsd_ifnet *ax;

	fhost_build(h, pers);
	if (!router)
		return;
	h->k->k_ip.is_forwarding = 1;
	if (bsd_media_ax25.md_aton("N0CALL", call) != 0)
		abort();
	ax = bsd_if_attach_media(h->k, "ax0", &bsd_media_ax25, call, 0,
	    BSD_IFF_UP | BSD_IFF_RUNNING);
	if (ax == NULL ||
	    bsd_in_ifaddr_add(h->k, ax, fh_ip4(10, 0, 1, 1), 24) != 0)
		abort();
	/* A static neighbour on each side, so some packets go out at once. */
	(void)bsd_arp_set(h->k, fh_ip4(10, 0, 0, 254),
	    (const uint8_t *)"\x02\x00\x5e\x00\x00\xfe", 6, BSD_ATF_PERM);
	(void)bsd_arp_set(h->k, fh_ip4(10, 0, 1, 2), call, 7, BSD_ATF_PERM);
}

static void
rebuild(void)
{
	size_t i;

	for (i = 0; i < 2; i++)
		bsd_kernel_destroy(hosts[i].k);
	build(&hosts[0], "netbsd-2", 0);
	build(&hosts[1], "freebsd-4", 1);
}

/* Make the header checksum of the packet at p (len octets) right. */
static void
fix_cksum(uint8_t *p, size_t len)
{
	size_t hlen;
	uint16_t sum;

	if (len < BSD_IP_HLEN)
		return;
	hlen = (size_t)(p[0] & 0xf) << 2;
	if (hlen < BSD_IP_HLEN || hlen > len)
		return;
	p[10] = p[11] = 0;
	sum = bsd_htons(bsd_in_cksum(p, hlen));
	memcpy(p + 10, &sum, 2);
}

static void
check(const struct fhost *h)
{

	if (bsd_ip_reass_count(h->k) >
	    (uint32_t)h->k->k_ip.is_maxfragpackets)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *pkt, *frame;
	size_t i;

	if (size > 65535 + 64)
		return 0;
	if (hosts[0].k == NULL || inputs++ % REBUILD == 0 ||
	    bsd_rt_total(hosts[0].k) > MAXROUTES ||
	    bsd_rt_total(hosts[1].k) > MAXROUTES)
		rebuild();
	pkt = malloc(size ? size : 1);
	frame = malloc(ETHER_HDR + size);
	if (pkt == NULL || frame == NULL)
		abort();
	memcpy(pkt, data, size);
	for (i = 0; i < 2; i++) {
		struct fhost *h = &hosts[i];

		bsd_ip_input(h->k, h->eth, pkt, size, 0);
		check(h);
		/* The same as a frame: to us, or broadcast (size odd). */
		if (size & 1)
			memset(frame, 0xff, 6);
		else
			memcpy(frame, BSD_LLADDR(h->eth->if_sadl), 6);
		memcpy(frame + 6, "\x02\x00\x5e\x00\x00\xfe", 6);
		frame[12] = 0x08;
		frame[13] = 0x00;
		memcpy(frame + ETHER_HDR, data, size);
		fix_cksum(frame + ETHER_HDR, size);
		bsd_if_input(h->k, h->eth, frame, ETHER_HDR + size);
		check(h);
	}
	free(pkt);
	free(frame);
	fh_now += STEP_NS;
	for (i = 0; i < 2; i++)
		fhost_run_timers(&hosts[i]);
	return 0;
}
