/*
 * A kernel on the fuzzer's clock (fhost.h).
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <stdlib.h>
#include <string.h>

#include "fhost.h"

int64_t	fh_now;

static int64_t
f_now(void *ctx)
{

	(void)ctx;
	return fh_now;
}

static void
f_deadline(void *ctx, int64_t when)
{

	((struct fhost *)ctx)->deadline = when;
}

static void
f_transmit(void *ctx, struct bsd_ifnet *ifp, const uint8_t *frame,
    size_t len)
{

	(void)ctx;
	(void)frame;
	/* The core framed it: never empty, never past the medium's MTU. */
	if (len == 0 || len > ifp->if_mtu + 64u)
		abort();
}

void
fhost_hooks(struct fhost *h, struct bsd_hooks *hk)
{

	memset(hk, 0, sizeof(*hk));
	hk->h_ctx = h;
	hk->h_now = f_now;
	hk->h_deadline = f_deadline;
	hk->h_transmit = f_transmit;
	h->deadline = BSD_NEVER;
}

uint32_t
fh_ip4(unsigned a, unsigned b, unsigned c, unsigned d)
{

	return bsd_htonl((uint32_t)a << 24 | (uint32_t)b << 16 |
	    (uint32_t)c << 8 | d);
}

void
fhost_build(struct fhost *h, const char *pers)
{
	static const uint8_t mac[6] = { 0x02, 0x00, 0x5e, 0x00, 0x00, 0x01 };
	struct bsd_sockaddr_in dst, gw, mask;
	struct bsd_hooks hk;

	fhost_hooks(h, &hk);
	h->k = bsd_kernel_create(bsd_personality_find(pers), &hk);
	if (h->k == NULL)
		abort();
	h->eth = bsd_if_attach_media(h->k, "ether0", &bsd_media_ether, mac, 0,
	    BSD_IFF_UP | BSD_IFF_RUNNING);
	if (h->eth == NULL ||
	    bsd_in_ifaddr_add(h->k, h->eth, fh_ip4(10, 0, 0, 1), 24) != 0)
		abort();
	bsd_sin_init(&dst, 0);
	bsd_sin_init(&gw, fh_ip4(10, 0, 0, 254));
	bsd_sin_mask(&mask, 0);
	if (bsd_rtrequest(h->k, BSD_RTM_ADD, (struct bsd_sockaddr *)&dst,
	    (struct bsd_sockaddr *)&gw, (struct bsd_sockaddr *)&mask,
	    BSD_RTF_GATEWAY | BSD_RTF_STATIC, NULL) != 0)
		abort();
}

void
fhost_run_timers(struct fhost *h)
{
	int guard;

	for (guard = 0; h->deadline <= fh_now && guard < 1000; guard++)
		bsd_kernel_timers(h->k);
	if (h->deadline <= fh_now)
		abort();		/* a callout re-arms itself for now */
}
