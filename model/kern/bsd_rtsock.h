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

#define BSD_RTSOCK_MAXSUBS	8

struct bsd_rtsock_state {
	bsd_rtsock_fn	*rs_fn[BSD_RTSOCK_MAXSUBS];
	void		*rs_arg[BSD_RTSOCK_MAXSUBS];
	unsigned	rs_nsubs;
	uint32_t	rs_seq;
	uint64_t	rs_msgs[0x20];	/* messages sent, by type */
};

/* Subscribe fn(arg, msg) to every message; returns 0 or ENOSPC. */
int	bsd_rtsock_subscribe(struct bsd_kernel *k, bsd_rtsock_fn *fn,
	    void *arg);
/* Withdraw a subscription. */
void	bsd_rtsock_unsubscribe(struct bsd_kernel *k, bsd_rtsock_fn *fn,
	    void *arg);
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
