/*
 * The routing socket: messages the kernel sends about its table
 * (net/rtsock.c), delivered in the kernel's order to every subscriber,
 * and requests a user-level process writes (route(8), a resolver daemon).
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_RTSOCK_H
#define BSD_RTSOCK_H

#include <stddef.h>
#include <stdint.h>

#include "bsd_route.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One message as route monitor would decode it. */
struct bsd_rt_msg {
	uint8_t			rtm_type;	/* BSD_RTM_* */
	int			rtm_errno;
	uint32_t		rtm_flags;
	uint16_t		rtm_index;	/* interface index */
	int			rtm_addrs;	/* RTA_* present */
	uint32_t		rtm_seq;	/* kernel's message counter */
	int64_t			rtm_time;	/* ns, when sent */
	struct bsd_rt_metrics	rtm_rmx;
	union bsd_sockunion	rtm_sa[BSD_RTAX_MAX];
};

typedef void bsd_rtsock_fn(void *arg, const struct bsd_rt_msg *msg);
/* Told, when its reader next reads, how many messages were dropped. */
typedef void bsd_rtsock_drop_fn(void *arg, uint64_t ndropped);

#define BSD_RTSOCK_MAXSUBS	8

/*
 * Sizes as an LP32 (i386) kernel had them: struct rt_msghdr with its
 * rt_metrics, sockaddrs rounded to sizeof(long), and the 2-octet
 * route_src address sbappendaddr() queues before each message.
 */
#define BSD_RTM_HDRLEN		92
#define BSD_RTM_SRCLEN		2
/* A raw socket's receive space (net/raw_cb.h RAWRCVQ, 4.4BSD, NetBSD 1.x). */
#define BSD_RAWRCVQ		8192

/*
 * A subscriber's receive buffer (so_rcv), counted in bytes only (no
 * mbuf accounting).  Its reader wakes every sb_period ns and reads all
 * that is queued; between wakeups a message that does not fit in
 * sb_hiwat is dropped, as raw_input() drops what sbappendaddr() refuses.
 */
struct bsd_rtsock_sb {
	uint32_t	sb_hiwat;	/* 0: no buffer, the reader keeps up */
	uint32_t	sb_cc;		/* queued since the reader last woke */
	int64_t		sb_period;	/* ns between the reader's wakeups */
	int64_t		sb_wake;	/* last wakeup, n * sb_period */
	uint64_t	sb_pending;	/* dropped, not yet reported */
	uint64_t	sb_drops;	/* dropped in all */
	bsd_rtsock_drop_fn *sb_dropfn;
};

struct bsd_rtsock_state {
	bsd_rtsock_fn	*rs_fn[BSD_RTSOCK_MAXSUBS];
	void		*rs_arg[BSD_RTSOCK_MAXSUBS];
	struct bsd_rtsock_sb rs_sb[BSD_RTSOCK_MAXSUBS];
	unsigned	rs_nsubs;
	uint32_t	rs_seq;
	uint64_t	rs_msgs[0x20];	/* messages sent, by type */
	uint64_t	rs_drops;	/* rts_drops: all subscribers' drops */
};

/* Subscribe fn(arg, msg) to every message; returns 0 or ENOSPC. */
int	bsd_rtsock_subscribe(struct bsd_kernel *k, bsd_rtsock_fn *fn,
	    void *arg);
/* Withdraw a subscription. */
void	bsd_rtsock_unsubscribe(struct bsd_kernel *k, bsd_rtsock_fn *fn,
	    void *arg);
/*
 * Give the subscription fn(arg) a receive buffer of hiwat bytes whose
 * reader wakes every period ns (hiwat 0: none, every message delivered);
 * drop(arg, n), if not NULL, reports drops.  Returns 0, ENOENT if there
 * is no such subscription, or EINVAL for a period not above 0.
 */
int	bsd_rtsock_setbuf(struct bsd_kernel *k, bsd_rtsock_fn *fn, void *arg,
	    uint32_t hiwat, int64_t period, bsd_rtsock_drop_fn *drop);
/* Report drops not yet reported now, as if every reader woke (run's end). */
void	bsd_rtsock_flush(struct bsd_kernel *k);
/* Messages dropped for want of receive buffer space, all subscribers. */
uint64_t bsd_rtsock_drops(const struct bsd_kernel *k);
/* The length of msg on an LP32 kernel's routing socket, rt_msghdr on. */
size_t	bsd_rtm_msglen(const struct bsd_rt_msg *msg);
/* rt_missmsg(): send type about the addresses in info, with flags and error. */
void	bsd_rt_missmsg(struct bsd_kernel *k, int type,
	    const struct bsd_rt_addrinfo *info, uint32_t flags, int error);
/* rt_newmsg()-like: send type about rt (its destination, gateway, mask). */
void	bsd_rt_msg_route(struct bsd_kernel *k, int type,
	    const struct bsd_rtentry *rt, int error);
/*
 * route_output(): act on a request as route(8) writes it (ADD, DELETE,
 * CHANGE, GET, LOCK).  For GET, *reply receives the entry.  Returns 0
 * or an errno, and echoes the request to subscribers as BSD did.
 */
int	bsd_rtsock_request(struct bsd_kernel *k, struct bsd_rt_msg *req);
/* "RTM_ADD" ... for a message type. */
const char *bsd_rtm_name(int type);
/* netstat's flag letters for flags; returns buf. */
char	*bsd_rtflags_letters(uint32_t flags, char *buf, size_t len);
/* One line per message, as route monitor prints; returns buf. */
char	*bsd_rtsock_format(const struct bsd_rt_msg *msg, char *buf, size_t len);

#ifdef __cplusplus
}
#endif

#endif /* BSD_RTSOCK_H */
