/*
 * One simulated BSD host: every piece of its network state, and the few
 * hooks through which it reaches the world (clock, timer deadline,
 * transmit, trace and log).  Many kernels live in one process; nothing
 * here is global.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_KERNEL_H
#define BSD_KERNEL_H

#include <stdint.h>

#include "bsd_callout.h"
#include "bsd_icmp.h"
#include "bsd_if.h"
#include "bsd_if_arp.h"
#include "bsd_in_rmx.h"
#include "bsd_ip.h"
#include "bsd_llsubr.h"
#include "bsd_mbuf.h"
#include "bsd_mem.h"
#include "bsd_personality.h"
#include "bsd_radix.h"
#include "bsd_route.h"
#include "bsd_rtdyn.h"
#include "bsd_rtsock.h"
#include "bsd_rttimer.h"
#include "bsd_udp.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What the trace hook reports. */
enum bsd_trace_type {
	BSD_TR_RTADD,		/* rt entered the table (not by cloning) */
	BSD_TR_RTCLONE,		/* rt was cloned from rt_parent */
	BSD_TR_RTDELETE,	/* rt left the table */
	BSD_TR_RTCHANGE,	/* rt's gateway or metrics changed */
	BSD_TR_ENOBUFS,		/* a request failed for want of memory */
	BSD_TR_DROP,		/* a packet was dropped; tr_arg: enum bsd_drop */
	BSD_TR_ARPREQUEST,	/* an ARP request went out */
	BSD_TR_ARPREPLY,	/* an ARP reply went out */
	BSD_TR_ARPRESOLVED,	/* tr_rt learned its link address */
	BSD_TR_NTYPES
};

/* Why a packet was dropped (BSD_TR_DROP); counters say more. */
enum bsd_drop {
	BSD_DROP_LL_MALFORMED,	/* the medium's checks failed */
	BSD_DROP_IP_HEADER,	/* version or length */
	BSD_DROP_IP_CKSUM,	/* header checksum */
	BSD_DROP_IP_NOTFORUS,	/* not ours and not forwarding */
	BSD_DROP_IP_NOROUTE,	/* no route to the destination */
	BSD_DROP_IP_TTL,	/* TTL exceeded in forwarding */
	BSD_DROP_IP_CANTFRAG,	/* too big and DF set */
	BSD_DROP_IP_FRAG,	/* reassembly gave up (time, bounds) */
	BSD_DROP_ARP_REPLACED,	/* held packet replaced by a newer one */
	BSD_DROP_ARP_REJECT,	/* destination rejected (RTF_REJECT) */
	BSD_DROP_ARP_NOLLINFO,	/* no ARP entry could be made (memory) */
	BSD_DROP_UDP_NOPORT,	/* no socket on that port */
	BSD_DROP_UDP_BAD,	/* length or checksum */
	BSD_DROP_ICMP_BAD,	/* length, checksum or code */
	BSD_DROP_NREASONS
};

/* Short name of a drop reason ("ip-noroute", ...). */
const char *bsd_drop_name(int reason);

struct bsd_trace {
	int			tr_type;	/* enum bsd_trace_type */
	const struct bsd_rtentry *tr_rt;	/* may be NULL */
	int			tr_arg;		/* per type: memtype, ... */
};

struct bsd_hooks {
	void	*h_ctx;
	/* Current time, ns since the simulation began (monotonic). */
	int64_t	(*h_now)(void *ctx);
	/* The earliest callout is now at ns when (BSD_NEVER: none). */
	void	(*h_deadline)(void *ctx, int64_t when);
	/* Put a frame on ifp's medium (the core framed it). */
	void	(*h_transmit)(void *ctx, struct bsd_ifnet *ifp,
		    const uint8_t *frame, size_t len);
	/* Something happened (optional). */
	void	(*h_trace)(void *ctx, const struct bsd_trace *tr);
	/* A kernel log(9) line (optional). */
	void	(*h_log)(void *ctx, int pri, const char *msg);
};

#define BSD_LOG_ERR	3
#define BSD_LOG_WARNING	4
#define BSD_LOG_NOTICE	5
#define BSD_LOG_INFO	6
#define BSD_LOG_DEBUG	7

struct bsd_kernel {
	struct bsd_hooks	k_hooks;
	struct bsd_personality	k_pers;		/* a copy: switches may change */
	int64_t			k_boottime;	/* time_second at time 0 */
	int64_t			k_deadline;	/* last told to the host */

	/* memory */
	struct bsd_membudget	k_mem;
	struct bsd_pool		k_rtpool;	/* struct bsd_rtentry */
	struct bsd_pool		k_rttpool;	/* struct bsd_rttimer */

	/* routing table */
	struct bsd_radix_head	k_rtable;	/* AF_INET */
	struct bsd_rtstat	k_rtstat;
	uint64_t		k_rtkinds[BSD_RTK_NKINDS];
	BSD_TAILQ_HEAD(bsd_rtkindq, bsd_rtentry) k_kindq[BSD_RTK_NKINDS];
	struct bsd_rttimer_queue *k_idleq;	/* BSD/OS inactivity timer */

	/* timers */
	struct bsd_callout_list	k_callouts;
	struct bsd_callout_list	k_callouts_due;	/* being run now */
	struct bsd_callout	k_rttimer_ch;	/* the 1 s rt_timer tick */
	struct bsd_callout	k_if_slowtimo;	/* media sweeps, 1 s */
	int			k_rttimer_running;
	BSD_LIST_HEAD(, bsd_rttimer_queue) k_rttimer_queues;

	struct bsd_in_rmx_state	k_inrmx;
	struct bsd_rtdyn_state	k_rtdyn;
	struct bsd_rtsock_state	k_rtsock;

	/* interfaces */
	struct bsd_ifnet_list	k_ifnet;
	uint16_t		k_if_index;	/* last given */
	BSD_TAILQ_HEAD(, bsd_ifaddr) k_ifa_gone; /* removed, still referenced */
	bsd_ifa_rtrequest_fn	*k_ll_rtrequest; /* for plain interfaces (tests) */

	/* protocols */
	struct bsd_arp_state	k_arp;
	struct bsd_ip_state	k_ip;
	struct bsd_icmp_state	k_icmp;
	struct bsd_udp_state	k_udp;
};

/*
 * A new kernel behaving as pers (copied), reaching the world through
 * hooks (copied; h_now is required).  NULL if out of memory.
 */
struct bsd_kernel *bsd_kernel_create(const struct bsd_personality *pers,
	    const struct bsd_hooks *hooks);
/* Free the kernel and everything it holds. */
void	bsd_kernel_destroy(struct bsd_kernel *k);
/* Run the callouts that are due; the host calls this at each deadline. */
void	bsd_kernel_timers(struct bsd_kernel *k);
/* Tell the host the earliest deadline if it changed. */
void	bsd_kernel_deadline(struct bsd_kernel *k);

/* Now in ns. */
static inline int64_t
bsd_now(const struct bsd_kernel *k)
{

	return k->k_hooks.h_now(k->k_hooks.h_ctx);
}

/* time_uptime: whole seconds since boot. */
static inline int64_t
bsd_time_uptime(const struct bsd_kernel *k)
{

	return bsd_now(k) / BSD_NSEC_PER_SEC;
}

/* time_second: the wall clock in seconds, never 0 (0 means "no expiry"). */
static inline int64_t
bsd_time_second(const struct bsd_kernel *k)
{

	return k->k_boottime + bsd_time_uptime(k);
}

/* log(9): format and hand a line to the host. */
void	bsd_log(struct bsd_kernel *k, int pri, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* Report an event to the host's trace hook, if any. */
void	bsd_trace(struct bsd_kernel *k, int type, const struct bsd_rtentry *rt,
	    int arg);

#ifdef __cplusplus
}
#endif

#endif /* BSD_KERNEL_H */
