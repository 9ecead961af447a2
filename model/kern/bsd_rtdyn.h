/*
 * Dynamic routes: the host routes ICMP makes, redirects and path-MTU
 * (netinet/ip_icmp.c), with their timers and the high/low watermarks
 * KAME put on them in IPv6 (netinet6/icmp6.c).
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_RTDYN_H
#define BSD_RTDYN_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct bsd_kernel;
struct bsd_rttimer_queue;

struct bsd_rtdyn_state {
	struct bsd_rttimer_queue *rd_redirq;	/* icmp_redirect_timeout_q */
	struct bsd_rttimer_queue *rd_mtudiscq;	/* ip_mtudisc_timeout_q */
	uint64_t	rd_redir_wmdrop;	/* redirects refused past hiwat */
	uint64_t	rd_mtudisc_wmdrop;	/* need-frags refused past a mark */
	uint64_t	rd_evicted;		/* victims nuked (BSD_WM_EVICT) */
	uint64_t	rd_redir_ignored;	/* rediraccept == 0 */
	uint64_t	rd_mtudisc_nohost;	/* need-frags with no host route
						   to lower (pmtuadd == 0) */
};

/*
 * An ICMP redirect from src (IPv4, network order): dst is better reached
 * through gw.  Checks the watermarks, calls rtredirect() and arms the
 * redirect timer.  Returns 0 or the errno rtredirect() gave.
 */
int	bsd_icmp_redirect(struct bsd_kernel *k, uint32_t dst, uint32_t gw,
	    uint32_t src);
/*
 * A need-fragmentation report for dst with next-hop mtu (0: unknown).
 * With pmtuadd (NetBSD icmp_mtudisc) a dynamic host route is added if
 * none matches, the mtudisc timer is (re)armed, and an unknown MTU is
 * the plateau below ip_len; without (FreeBSD), only an existing host
 * route's MTU is lowered, an unknown one to the plateau below it.
 * validated: it matched one of our sockets (KAME's distinction).
 * Returns 0 or an errno.
 */
int	bsd_icmp_mtudisc(struct bsd_kernel *k, uint32_t dst, uint32_t mtu,
	    uint32_t ip_len, int validated);
/* sysctl net.inet.icmp.redirtimeout: negative EINVAL, 0 flushes. */
int	bsd_rtdyn_set_redirtimeout(struct bsd_kernel *k, int32_t secs);
/* sysctl net.inet.ip.mtudisc_timeout. */
int	bsd_rtdyn_set_mtudisc_timeout(struct bsd_kernel *k, int32_t secs);

void	bsd_rtdyn_init(struct bsd_kernel *k);
void	bsd_rtdyn_destroy(struct bsd_kernel *k);

#ifdef __cplusplus
}
#endif

#endif /* BSD_RTDYN_H */
