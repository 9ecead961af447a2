/*
 * Network interfaces and their addresses (net/if.c, netinet/in.c).
 *
 * An interface's link-level address is an AF_LINK ifaddr on its own
 * address list, reached directly through if_sadl (seed 002), whatever
 * its length.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_IF_H
#define BSD_IF_H

#include <stdint.h>

#include "bsd_queue.h"
#include "bsd_sockaddr.h"
#include "media/bsd_media.h"

#ifdef __cplusplus
extern "C" {
#endif

struct bsd_kernel;
struct bsd_rtentry;
struct bsd_rt_addrinfo;

/* if_type, IANA ifType numbers as net/if_types.h has them */
#define BSD_IFT_OTHER		0x01
#define BSD_IFT_ETHER		0x06
#define BSD_IFT_FDDI		0x0f
#define BSD_IFT_LOOP		0x18
#define BSD_IFT_ARCNET		0x23
#define BSD_IFT_AX25		0xf8	/* no BSD had one; private value */

/* if_flags */
#define BSD_IFF_UP		0x1
#define BSD_IFF_BROADCAST	0x2
#define BSD_IFF_LOOPBACK	0x8
#define BSD_IFF_POINTOPOINT	0x10
#define BSD_IFF_RUNNING		0x40
#define BSD_IFF_NOARP		0x80
#define BSD_IFF_LINK0		0x1000
#define BSD_IFF_LINK1		0x2000
#define BSD_IFF_LINK2		0x4000
#define BSD_IFF_MULTICAST	0x8000

typedef void bsd_ifa_rtrequest_fn(struct bsd_kernel *, int,
    struct bsd_rtentry *, const struct bsd_rt_addrinfo *);

struct bsd_ifaddr {
	union bsd_sockunion	ifa_addru;
	union bsd_sockunion	ifa_netmasku;
	union bsd_sockunion	ifa_broadu;
	struct bsd_ifnet	*ifa_ifp;
	uint32_t		ifa_flags;	/* RTF_* for routes through it */
	int32_t			ifa_refcnt;
	uint8_t			ifa_plen;
	uint8_t			ifa_onlist;
	bsd_ifa_rtrequest_fn	*ifa_rtrequest;	/* link layer's, e.g. ARP */
	BSD_TAILQ_ENTRY(bsd_ifaddr) ifa_list;
};
#define ifa_addr	ifa_addru.sa
#define ifa_netmask	ifa_netmasku.sa

/* Per-interface counters (if_data, with drops by reason). */
struct bsd_ifstat {
	uint64_t	ifs_ipackets;	/* frames received */
	uint64_t	ifs_opackets;	/* frames sent */
	uint64_t	ifs_ibytes;
	uint64_t	ifs_obytes;
	uint64_t	ifs_ierrors;	/* frames dropped by the medium's checks */
	uint64_t	ifs_noproto;	/* frames of a protocol we do not speak */
	uint64_t	ifs_oerrors;	/* packets the medium could not frame */
	uint64_t	ifs_mddrop[BSD_MD_NRESULTS]; /* by md_input result */
};

struct bsd_ifnet {
	char			if_xname[16];
	uint16_t		if_index;
	uint8_t			if_type;
	uint8_t			if_addrlen;
	uint8_t			if_hdrlen;
	uint32_t		if_mtu;
	uint32_t		if_flags;
	struct bsd_sockaddr_dl	*if_sadl;	/* our link address */
	struct bsd_ifaddr	*if_lladdr;	/* the ifaddr holding it */
	void			*if_softc;	/* the host's device */
	const struct bsd_media	*if_media;	/* framing, or NULL */
	bsd_ifa_rtrequest_fn	*if_rtrequest;	/* its link layer's (ARP) */
	void			*if_mdstate;	/* the medium's per-interface state */
	struct bsd_ifstat	if_stat;
	BSD_TAILQ_HEAD(, bsd_ifaddr) if_addrlist;
	BSD_TAILQ_ENTRY(bsd_ifnet) if_list;
};

BSD_TAILQ_HEAD(bsd_ifnet_list, bsd_ifnet);

/*
 * Attach an interface: name, type, link address of alen octets, MTU
 * and flags.  Returns it, or NULL if out of memory or alen is too long.
 */
struct bsd_ifnet *bsd_if_attach(struct bsd_kernel *k, const char *name,
	    uint8_t type, const uint8_t *lladdr, unsigned alen, uint32_t mtu,
	    uint32_t flags);
/*
 * Attach an interface on medium md (type, address length, MTU from md)
 * with BSD_MDF_* options; broadcast media get IFF_BROADCAST.
 */
struct bsd_ifnet *bsd_if_attach_media(struct bsd_kernel *k, const char *name,
	    const struct bsd_media *md, const uint8_t *lladdr, uint32_t mdflags,
	    uint32_t flags);
/* Remove its addresses (and their routes) and free it. */
void	bsd_if_detach(struct bsd_kernel *k, struct bsd_ifnet *ifp);
/* The interface with this index, or NULL. */
struct bsd_ifnet *bsd_if_byindex(struct bsd_kernel *k, unsigned index);
/* The address of ours equal to addr, or NULL (not referenced). */
struct bsd_ifaddr *bsd_ifa_ifwithaddr(struct bsd_kernel *k,
	    const struct bsd_sockaddr *addr);
/* An address of ours on the same subnet as addr, or NULL. */
struct bsd_ifaddr *bsd_ifa_ifwithnet(struct bsd_kernel *k,
	    const struct bsd_sockaddr *addr);
/* The address to use for a route to dst through gateway (route.c). */
struct bsd_ifaddr *bsd_ifa_ifwithroute(struct bsd_kernel *k, uint32_t flags,
	    const struct bsd_sockaddr *dst, const struct bsd_sockaddr *gateway);
/* The first AF_INET address of ifp, or NULL. */
struct bsd_ifaddr *bsd_ifa_inet(struct bsd_ifnet *ifp);
/* Take and drop a reference on an ifaddr; the last drop frees it. */
void	bsd_ifaref(struct bsd_ifaddr *ifa);
void	bsd_ifafree(struct bsd_kernel *k, struct bsd_ifaddr *ifa);

/* in_broadcast(): is dst (network order) a broadcast address on ifp? */
int	bsd_in_broadcast(struct bsd_ifnet *ifp, uint32_t dst);
/*
 * ifconfig alias: add addr/plen (network order) to ifp and install its
 * interface route; on a broadcast interface that route is a cloning
 * parent, as arp_ifinit() made it.  Returns 0 or an errno.
 */
int	bsd_in_ifaddr_add(struct bsd_kernel *k, struct bsd_ifnet *ifp,
	    uint32_t addr, unsigned plen);
/* ifconfig -alias: remove addr and its interface route. */
int	bsd_in_ifaddr_delete(struct bsd_kernel *k, struct bsd_ifnet *ifp,
	    uint32_t addr);

#ifdef __cplusplus
}
#endif

#endif /* BSD_IF_H */
