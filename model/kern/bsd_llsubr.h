/*
 * The link-level subroutines every medium shares (net/if_ethersubr.c,
 * if_arcsubr.c, if_fddisubr.c in one): resolve, frame, hand the frame to
 * the host; and on input, unframe and dispatch to ARP or IP.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_LLSUBR_H
#define BSD_LLSUBR_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct bsd_kernel;
struct bsd_ifnet;
struct bsd_mbuf;
struct bsd_rtentry;
struct bsd_sockaddr;

/*
 * if_output(): send m (an IP packet, or an ARP packet when dst is
 * AF_ARP) towards next hop dst through route rt (may be NULL).  Always
 * consumes m (sent, held for ARP, or freed).  Returns 0, EWOULDBLOCK if
 * held for resolution, or the errno of the drop.
 */
int	bsd_if_output(struct bsd_kernel *k, struct bsd_ifnet *ifp,
	    struct bsd_mbuf *m, const struct bsd_sockaddr *dst,
	    struct bsd_rtentry *rt);
/*
 * A frame arrived on ifp (the host calls this).  Malformed frames are
 * counted in ifp->if_stat and dropped; nothing in frame is trusted.
 */
void	bsd_if_input(struct bsd_kernel *k, struct bsd_ifnet *ifp,
	    const uint8_t *frame, size_t len);

#ifdef __cplusplus
}
#endif

#endif /* BSD_LLSUBR_H */
