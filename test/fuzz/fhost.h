/*
 * What the fuzz targets share: a kernel on the fuzzer's clock, whose
 * transmit hook checks every frame the core built, and the usual host
 * (ether0 10.0.0.1/24, a static default route via 10.0.0.254).
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef FHOST_H
#define FHOST_H

#include <stdint.h>

#include "bsd_kernel.h"

struct fhost {
	struct bsd_kernel	*k;
	struct bsd_ifnet	*eth;		/* ether0 */
	int64_t			deadline;	/* the kernel's next callout */
};

/* The fuzzer's clock, ns; each target moves it. */
extern int64_t	fh_now;

/* Hooks for h: the clock, its deadline, a transmit that checks frames. */
void	fhost_hooks(struct fhost *h, struct bsd_hooks *hk);
/* a.b.c.d in network order. */
uint32_t fh_ip4(unsigned a, unsigned b, unsigned c, unsigned d);
/* A pers kernel with ether0 10.0.0.1/24 and default via 10.0.0.254. */
void	fhost_build(struct fhost *h, const char *pers);
/* Run the callouts that are due, as the host would. */
void	fhost_run_timers(struct fhost *h);

#endif /* FHOST_H */
