/*
 * libFuzzer target for ARP input: the input is an ARP packet, given to
 * bsd_arpinput() on each of a host's four interfaces, one per medium
 * (Ethernet 10.0.0.1/24, FDDI 10.0.1.1/24, ARCnet 10.0.2.1/24, AX.25
 * 10.0.3.1/24), so the same octets meet hardware addresses of 6, 6, 1
 * and 7 octets.  The host (netbsd-2) has a permanent entry, a published
 * (proxy) one and a packet waiting on an unresolved neighbour, so
 * replies, overwrite refusals and the held packet's release are all
 * reachable.  Every input is in a buffer of its own exact size, so ASan
 * sees a read past its end.
 *
 * The clock moves 2 s per input, so ARP's sweeps and rejects run; the
 * host is rebuilt every REBUILD inputs, or when its table passes 10000
 * routes (each new sender that asks for us adds one), so memory stays
 * flat.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fhost.h"

#define REBUILD		4096
#define MAXROUTES	10000
#define STEP_NS		(2 * BSD_NSEC_PER_SEC)

static const struct bsd_media *const media[] = {
	&bsd_media_ether, &bsd_media_fddi, &bsd_media_arcnet, &bsd_media_ax25
};
#define NMEDIA	(sizeof(media) / sizeof(media[0]))

static unsigned			inputs;
static struct fhost		host;	/* its eth is unused: ifs[] */
static struct bsd_kernel	*k;	/* host.k */
static struct bsd_ifnet		*ifs[NMEDIA];

/* Link address i of medium md (i = 1: ours). */
static void
lladdr(const struct bsd_media *md, unsigned i, uint8_t *ll)
{

	if (md->md_addrlen == 1)
		ll[0] = (uint8_t)i;
	else if (md->md_addrlen == 7) {
		if (md->md_aton(i == 1 ? "N0AAA" : "N0BBB-3", ll) != 0)
			abort();
	} else {
		memcpy(ll, "\x02\x00\x5e\x00\x00", 5);
		ll[5] = (uint8_t)i;
	}
}

static void
build(void)
{
	struct bsd_hooks hk;
	uint8_t ll[BSD_LL_MAXADDRLEN];
	size_t i;

	fhost_hooks(&host, &hk);
	k = host.k = bsd_kernel_create(bsd_personality_find("netbsd-2"), &hk);
	if (k == NULL)
		abort();
	for (i = 0; i < NMEDIA; i++) {
		lladdr(media[i], 1, ll);
		ifs[i] = bsd_if_attach_media(k, media[i]->md_name, media[i], ll,
		    0, BSD_IFF_UP | BSD_IFF_RUNNING);
		if (ifs[i] == NULL || bsd_in_ifaddr_add(k, ifs[i],
		    fh_ip4(10, 0, (unsigned)i, 1), 24) != 0)
			abort();
		lladdr(media[i], 2, ll);
		/* permanent: overwrite refused; published: proxy replies */
		if (bsd_arp_set(k, fh_ip4(10, 0, (unsigned)i, 2), ll,
		    media[i]->md_addrlen, BSD_ATF_PERM) != 0 ||
		    bsd_arp_set(k, fh_ip4(10, 0, (unsigned)i, 3), ll,
		    media[i]->md_addrlen, BSD_ATF_PUBL) != 0)
			abort();
		/* an unresolved neighbour with a packet held for it */
		(void)bsd_icmp_echo(k, fh_ip4(10, 0, (unsigned)i, 4), 1, 1, 8);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *pkt;
	size_t i;

	if (size > 4096)
		return 0;
	if (k == NULL || inputs++ % REBUILD == 0 ||
	    bsd_rt_total(k) > MAXROUTES) {
		bsd_kernel_destroy(k);
		build();
	}
	if ((pkt = malloc(size ? size : 1)) == NULL)
		abort();
	memcpy(pkt, data, size);
	for (i = 0; i < NMEDIA; i++)
		bsd_arpinput(k, ifs[i], pkt, size);
	free(pkt);
	/* Each entry is counted once, as an ARP entry or not at all. */
	if (bsd_rt_count(k, BSD_RTK_ARP) > bsd_rt_total(k) ||
	    k->k_arp.ar_inuse > bsd_rt_total(k))
		abort();
	fh_now += STEP_NS;
	fhost_run_timers(&host);
	return 0;
}
