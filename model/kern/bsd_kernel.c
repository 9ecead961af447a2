/*
 * Creating and destroying a simulated kernel; time, log and trace.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bsd_kernel.h"

/*
 * time_second at simulated time 0: 2001-01-27, the date of seed 004.
 * Never 0, because rmx_expire == 0 means "permanent" and ARP clones
 * inherit their parent's rmx_expire (arp_rtrequest sets it to now).
 */
#define BSD_BOOTTIME	980553600

struct bsd_kernel *
bsd_kernel_create(const struct bsd_personality *pers,
    const struct bsd_hooks *hooks)
{
	struct bsd_kernel *k;

	if (pers == NULL || hooks == NULL || hooks->h_now == NULL)
		return NULL;
	if ((k = calloc(1, sizeof(*k))) == NULL)
		return NULL;
	k->k_hooks = *hooks;
	k->k_pers = *pers;
	k->k_boottime = BSD_BOOTTIME;
	k->k_deadline = BSD_NEVER;
	k->k_mem.mb_limit = pers->p_tun.mem_limit;
	BSD_TAILQ_INIT(&k->k_callouts);
	BSD_TAILQ_INIT(&k->k_callouts_due);
	BSD_TAILQ_INIT(&k->k_ifnet);
	BSD_TAILQ_INIT(&k->k_ifa_gone);
	bsd_rt_timer_init(k);
	bsd_route_init(k);
	bsd_rtdyn_init(k);
	bsd_in_rmx_init(k);
	bsd_arp_init(k);
	bsd_ip_init(k);
	bsd_icmp_init(k);
	bsd_udp_init(k);
	return k;
}

void
bsd_kernel_destroy(struct bsd_kernel *k)
{
	struct bsd_ifnet *ifp;
	struct bsd_ifaddr *ifa;

	if (k == NULL)
		return;
	/* Pools free routes and timers wholesale; no messages on the way. */
	k->k_rtsock.rs_nsubs = 0;
	k->k_hooks.h_trace = NULL;
	k->k_hooks.h_deadline = NULL;
	bsd_udp_destroy(k);
	bsd_ip_destroy(k);
	bsd_arp_destroy(k);
	bsd_rtdyn_destroy(k);
	bsd_route_destroy(k);
	bsd_rt_timer_destroy(k);
	while ((ifp = BSD_TAILQ_FIRST(&k->k_ifnet)) != NULL) {
		while ((ifa = BSD_TAILQ_FIRST(&ifp->if_addrlist)) != NULL) {
			BSD_TAILQ_REMOVE(&ifp->if_addrlist, ifa, ifa_list);
			free(ifa);
		}
		BSD_TAILQ_REMOVE(&k->k_ifnet, ifp, if_list);
		free(ifp->if_mdstate);
		free(ifp);
	}
	while ((ifa = BSD_TAILQ_FIRST(&k->k_ifa_gone)) != NULL) {
		BSD_TAILQ_REMOVE(&k->k_ifa_gone, ifa, ifa_list);
		free(ifa);
	}
	free(k);
}

void
bsd_kernel_deadline(struct bsd_kernel *k)
{
	int64_t next = bsd_callout_next(k);

	if (next == k->k_deadline)
		return;
	k->k_deadline = next;
	if (k->k_hooks.h_deadline != NULL)
		k->k_hooks.h_deadline(k->k_hooks.h_ctx, next);
}

void
bsd_kernel_timers(struct bsd_kernel *k)
{

	(void)bsd_callout_run(k);
	bsd_kernel_deadline(k);
}

void
bsd_log(struct bsd_kernel *k, int pri, const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	if (k->k_hooks.h_log == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	k->k_hooks.h_log(k->k_hooks.h_ctx, pri, buf);
}

void
bsd_trace(struct bsd_kernel *k, int type, const struct bsd_rtentry *rt,
    int arg)
{
	struct bsd_trace tr;

	if (k->k_hooks.h_trace == NULL)
		return;
	tr.tr_type = type;
	tr.tr_rt = rt;
	tr.tr_arg = arg;
	k->k_hooks.h_trace(k->k_hooks.h_ctx, &tr);
}

static const char *const drop_names[BSD_DROP_NREASONS] = {
	"ll-malformed", "ip-header", "ip-cksum", "ip-notforus", "ip-noroute",
	"ip-ttl", "ip-cantfrag", "ip-frag", "arp-replaced", "arp-reject",
	"arp-nollinfo", "udp-noport", "udp-bad", "icmp-bad"
};

const char *
bsd_drop_name(int reason)
{

	return reason >= 0 && reason < BSD_DROP_NREASONS ?
	    drop_names[reason] : "?";
}
