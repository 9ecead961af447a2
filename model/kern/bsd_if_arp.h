/*
 * ARP, independent of the link (NetBSD netinet/if_arp.c, seed 002).
 *
 * An ARP entry is a cloned host route with RTF_LLINFO whose gateway is
 * an AF_LINK sockaddr of whatever length the medium uses; the packet's
 * variable fields are reached only through the ar_sha/ar_spa/ar_tha/
 * ar_tpa accessors, so a 1-octet ARCnet, 6-octet Ethernet and 7-octet
 * AX.25 address go through the same code.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_IF_ARP_H
#define BSD_IF_ARP_H

#include <stddef.h>
#include <stdint.h>

#include "bsd_callout.h"
#include "bsd_mem.h"
#include "bsd_queue.h"

#ifdef __cplusplus
extern "C" {
#endif

struct bsd_kernel;
struct bsd_ifnet;
struct bsd_ifaddr;
struct bsd_mbuf;
struct bsd_rtentry;
struct bsd_rt_addrinfo;
struct bsd_sockaddr;

#define BSD_ARPHRD_ETHER	1
#define BSD_ARPHRD_AX25		3
#define BSD_ARPHRD_IEEE802	6
#define BSD_ARPHRD_ARCNET	7
#define BSD_ARPOP_REQUEST	1
#define BSD_ARPOP_REPLY		2
#define BSD_ETHERTYPE_IP	0x0800
#define BSD_ETHERTYPE_ARP	0x0806
#define BSD_ETHERTYPE_TRAIL	0x1000
#define BSD_AX25_P_IP		0x00cc	/* Linux: AX.25 ARP carries the PID */

/* The fixed part; the addresses follow, of ar_hln and ar_pln octets. */
#define BSD_ARPHDR_LEN		8
#define BSD_ARP_LEN(hln, pln)	(BSD_ARPHDR_LEN + 2 * (hln) + 2 * (pln))

#define bsd_ar_hrd(ar)	bsd_be16dec(ar)
#define bsd_ar_pro(ar)	bsd_be16dec((ar) + 2)
#define bsd_ar_hln(ar)	((ar)[4])
#define bsd_ar_pln(ar)	((ar)[5])
#define bsd_ar_op(ar)	bsd_be16dec((ar) + 6)
/* The paper's accessors: each takes the first octet of the ARP packet. */
#define bsd_ar_sha(ar)	((ar) + BSD_ARPHDR_LEN)
#define bsd_ar_spa(ar)	(bsd_ar_sha(ar) + bsd_ar_hln(ar))
#define bsd_ar_tha(ar)	(bsd_ar_spa(ar) + bsd_ar_pln(ar))
#define bsd_ar_tpa(ar)	(bsd_ar_tha(ar) + bsd_ar_hln(ar))

/*
 * The states of an ARP entry, a cloned RTF_LLINFO host route (the
 * manual's "ARP entries and their states" has the same table).  gw is
 * rt_gw.sdl, expire rt_rmx.rmx_expire, now bsd_time_second().
 *
 * state       netstat  recognised by
 * incomplete  UHL      gw sdl_alen 0 ("link#N"); expire = last request
 * resolved    UHL      gw sdl_alen != 0; expire = resolved + arpt_keep
 * rejected    UHLR     RTF_REJECT; expire = last request + arpt_down
 * static      UHLS     RTF_STATIC; expire 0 if permanent, else as resolved
 * xresolve    UHLX     clone of an RTF_XRESOLVE parent; gw sdl_alen 0
 *
 * from        event                                        to
 * -           a packet for dst: bsd_arpresolve clones the  incomplete
 *             entry, holds the packet (la_hold), asks
 * -           an ARP request from dst naming us (RFC 826)  resolved
 * -           bsd_arp_set (arp -s); our own address        static
 * -           a packet, RTF_XRESOLVE parent: RTM_RESOLVE   xresolve
 *             to the routing socket, packet held, no ask
 * incomplete  another packet: it replaces the held one     incomplete
 *             (arp-replaced); asks again, once a second
 * incomplete  a reply, or a request, from dst: la_hold     resolved
 *             sent
 * incomplete  la_asked reaches arp_maxtries                rejected
 * rejected    a packet before expire: dropped (EHOSTDOWN,  rejected
 *             EHOSTUNREACH through a gateway; arp-reject)
 * rejected    a packet after expire: RTF_REJECT cleared,   incomplete
 *             asks again
 * rejected    a reply, or a request, from dst              resolved
 * resolved    a reply with another address: overwritten    resolved
 *             (logged; refused if static: as_rcvoverperm)
 * resolved    arptimer, in use, within arpt_refresh of     resolved
 *             expire: asks again before it expires
 * resolved    a packet after expire: held, asks again      incomplete
 * xresolve    bsd_arp_xresolve (RTM_CHANGE): la_hold sent  resolved
 * expire != 0 arptimer (every arpt_prune) finds            freed
 *             expire <= now
 * any         bsd_arp_delete; its parent removed (where    freed
 *             the personality flushes clones)
 *
 * Published (proxy) entries are no routes: ar_pub, answered by
 * in_arpinput.
 *
 * Link-level info of an ARP entry (netinet/if_inarp.h).  NetBSD also
 * chained them on a list of their own (la_list) for arptimer; the
 * table's list of entries with link info (k_kindq[BSD_RTK_ARP]) holds
 * the same entries in the same order, so we walk that (those of them
 * marked BSD_RTK_F_ARP: another link layer may hang its own info on a
 * route) and save the octets.
 */
struct bsd_llinfo_arp {
	struct bsd_rtentry	*la_rt;
	struct bsd_mbuf		*la_hold;	/* last packet until resolved */
	int32_t			la_asked;	/* requests sent since */
};

/* NetBSD struct arpstat, plus the user-level resolver's counters. */
struct bsd_arpstat {
	uint64_t	as_sndtotal, as_sndreply, as_sndrequest;
	uint64_t	as_rcvtotal, as_rcvrequest, as_rcvreply, as_rcvmcast;
	uint64_t	as_rcvbadproto, as_rcvbadlen, as_rcvzerotpa;
	uint64_t	as_rcvzerospa, as_rcvnoint, as_rcvlocalsha;
	uint64_t	as_rcvbcastsha, as_rcvlocalspa, as_rcvoverperm;
	uint64_t	as_rcvoverint, as_rcvover, as_rcvlenchg;
	uint64_t	as_dfrtotal, as_dfrsent, as_dfrdropped;
	uint64_t	as_allocfail;
	uint64_t	as_rejected;	/* packets refused by RTF_REJECT */
	uint64_t	as_xresolved;	/* answers from a user-level resolver */
};

struct bsd_arp_state {
	struct bsd_arpstat	ar_stat;
	struct bsd_callout	ar_timer;
	int			ar_timer_running;
	uint64_t		ar_inuse;	/* entries */
	uint64_t		ar_allocated;	/* ever */
	struct bsd_pool		ar_pool;
};

/* bsd_arp_set flags (ATF_*) */
#define BSD_ATF_PERM	0x04	/* permanent: no expiry */
#define BSD_ATF_PUBL	0x08	/* publish: a route with RTF_ANNOUNCE (proxy ARP) */

/* arpresolve took the packet and dropped it; the caller returns 0. */
#define BSD_EJUSTRETURN		(-2)

/*
 * Find the link address for dst (AF_INET) through route rt (may be
 * NULL): 0 with desten filled, or the packet is kept (EWOULDBLOCK, a
 * request is sent when due) or dropped (m freed): BSD_EJUSTRETURN when
 * no entry could be made, as BSD's arpresolve returned 0 then.
 */
int	bsd_arpresolve(struct bsd_kernel *k, struct bsd_ifnet *ifp,
	    struct bsd_rtentry *rt, struct bsd_mbuf *m,
	    const struct bsd_sockaddr *dst, uint8_t *desten);
/* A received ARP packet (the frame's payload) on ifp. */
void	bsd_arpinput(struct bsd_kernel *k, struct bsd_ifnet *ifp,
	    const uint8_t *pkt, size_t len);
/* Broadcast a request for tip from sip (network order). */
void	bsd_arprequest(struct bsd_kernel *k, struct bsd_ifnet *ifp,
	    uint32_t sip, uint32_t tip, const uint8_t *enaddr);
/* arp -s: a static entry for ip, with BSD_ATF_* flags; 0 or an errno. */
int	bsd_arp_set(struct bsd_kernel *k, uint32_t ip, const uint8_t *ll,
	    unsigned alen, int flags);
/* arp -d. */
int	bsd_arp_delete(struct bsd_kernel *k, uint32_t ip);
/*
 * A user-level resolver's answer for an RTF_XRESOLVE clone (seeds 000,
 * 001): fill in the link address, as RTM_CHANGE would, and send the
 * held packet.  0, ESRCH if no such entry.
 */
int	bsd_arp_xresolve(struct bsd_kernel *k, uint32_t ip, const uint8_t *ll,
	    unsigned alen);
/* arp_rtrequest(): ARP's part in adding, cloning and deleting routes. */
void	bsd_arp_rtrequest(struct bsd_kernel *k, int req, struct bsd_rtentry *rt,
	    const struct bsd_rt_addrinfo *info);
/* arp_ifinit(): an address came up on ifp; announce it. */
void	bsd_arp_ifinit(struct bsd_kernel *k, struct bsd_ifnet *ifp,
	    struct bsd_ifaddr *ifa);

void	bsd_arp_init(struct bsd_kernel *k);
void	bsd_arp_destroy(struct bsd_kernel *k);

#ifdef __cplusplus
}
#endif

#endif /* BSD_IF_ARP_H */
