/*
 * libFuzzer target for ICMP input: the input is an ICMP message, put
 * behind a valid IP header (protocol 1, to 10.0.0.1) with its ICMP
 * checksum made right, so every input reaches the parser: echo,
 * errors, redirects (rtredirect) and need-fragmentation (path MTU).
 *
 * One host per personality (netbsd-1.5, bsdos-4, freebsd-4, netbsd-2),
 * each with ether0 10.0.0.1/24 and a default route via 10.0.0.254,
 * hears every input.  Most come from that gateway, so redirects are
 * believed; an input whose length is 3 mod 4 comes from 10.0.0.99, one
 * whose length is a multiple of 7 as a link-level broadcast.  The clock
 * moves a second per input, so the 600 s redirect and path-MTU timers
 * fire in a long run; the hosts are rebuilt every REBUILD inputs, or
 * when a table passes 10000 routes, so memory stays flat.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fhost.h"

#define REBUILD		4096
#define MAXROUTES	10000
#define STEP_NS		BSD_NSEC_PER_SEC
#define IP_MINMTU	296		/* what icmp_mtudisc() believes */

static const char *const pers[] = {
	"netbsd-1.5", "bsdos-4", "freebsd-4", "netbsd-2"
};
#define NHOSTS	(sizeof(pers) / sizeof(pers[0]))

static unsigned		inputs;
static struct fhost	hosts[NHOSTS];

static void
build(struct fhost *h, const char *name)
{

	fhost_build(h, name);
	/* The gateway resolved, so replies and errors go out at once. */
	(void)bsd_arp_set(h->k, fh_ip4(10, 0, 0, 254),
	    (const uint8_t *)"\x02\x00\x5e\x00\x00\xfe", 6, BSD_ATF_PERM);
}

static void
rebuild(void)
{
	size_t i;

	for (i = 0; i < NHOSTS; i++) {
		bsd_kernel_destroy(hosts[i].k);
		build(&hosts[i], pers[i]);
	}
}

/*
 * A path MTU the code installed must be one it would believe (on
 * Ethernet no other route carries an MTU).
 */
static int
check_mtu(struct bsd_rtentry *rt, void *arg)
{

	(void)arg;
	if (rt->rt_rmx.rmx_mtu != 0 && (rt->rt_rmx.rmx_mtu < IP_MINMTU ||
	    (rt->rt_ifp != NULL && rt->rt_rmx.rmx_mtu > rt->rt_ifp->if_mtu)))
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bsd_ip ip;
	uint8_t *pkt;
	uint32_t mflags;
	uint16_t sum;
	size_t i, len;

	if (size > 65535 - BSD_IP_HLEN)
		return 0;
	if (hosts[0].k == NULL || inputs++ % REBUILD == 0)
		rebuild();
	for (i = 0; i < NHOSTS; i++)
		if (bsd_rt_total(hosts[i].k) > MAXROUTES) {
			rebuild();
			break;
		}
	len = BSD_IP_HLEN + size;
	if ((pkt = malloc(len)) == NULL)
		abort();
	memset(&ip, 0, sizeof(ip));
	ip.ip_vhl = 0x45;
	ip.ip_len = bsd_htons((uint16_t)len);
	ip.ip_id = bsd_htons((uint16_t)inputs);
	ip.ip_ttl = 64;
	ip.ip_p = BSD_IPPROTO_ICMP;
	ip.ip_src = (size & 3) == 3 ? fh_ip4(10, 0, 0, 99) :
	    fh_ip4(10, 0, 0, 254);
	ip.ip_dst = fh_ip4(10, 0, 0, 1);
	memcpy(pkt, &ip, sizeof(ip));
	sum = bsd_htons(bsd_in_cksum(pkt, BSD_IP_HLEN));
	memcpy(pkt + 10, &sum, 2);
	memcpy(pkt + BSD_IP_HLEN, data, size);
	if (size >= 4) {
		pkt[BSD_IP_HLEN + 2] = pkt[BSD_IP_HLEN + 3] = 0;
		sum = bsd_htons(bsd_in_cksum(pkt + BSD_IP_HLEN, size));
		memcpy(pkt + BSD_IP_HLEN + 2, &sum, 2);
	}
	mflags = size % 7 == 0 ? BSD_M_BCAST : 0;
	for (i = 0; i < NHOSTS; i++) {
		bsd_ip_input(hosts[i].k, hosts[i].eth, pkt, len, mflags);
		/* The walk costs; a need-frag is what can set an MTU. */
		if (size >= 2 && data[0] == BSD_ICMP_UNREACH &&
		    data[1] == BSD_ICMP_UNREACH_NEEDFRAG)
			(void)bsd_rt_walk(hosts[i].k, check_mtu, NULL);
	}
	free(pkt);
	fh_now += STEP_NS;
	for (i = 0; i < NHOSTS; i++)
		fhost_run_timers(&hosts[i]);
	return 0;
}
