/*
 * Interfaces and their addresses (net/if.c, netinet/in.c).
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bsd_kernel.h"

struct bsd_ifnet *
bsd_if_attach(struct bsd_kernel *k, const char *name, uint8_t type,
    const uint8_t *lladdr, unsigned alen, uint32_t mtu, uint32_t flags)
{
	struct bsd_ifnet *ifp;
	struct bsd_ifaddr *ifa;

	if (alen > BSD_LL_MAXADDRLEN)
		return NULL;
	if ((ifp = calloc(1, sizeof(*ifp))) == NULL)
		return NULL;
	if ((ifa = calloc(1, sizeof(*ifa))) == NULL) {
		free(ifp);
		return NULL;
	}
	snprintf(ifp->if_xname, sizeof(ifp->if_xname), "%s", name);
	ifp->if_index = ++k->k_if_index;
	ifp->if_type = type;
	ifp->if_addrlen = (uint8_t)alen;
	ifp->if_mtu = mtu;
	ifp->if_flags = flags;
	BSD_TAILQ_INIT(&ifp->if_addrlist);
	/* if_attach(): the link address is the first on the list. */
	bsd_sdl_init(&ifa->ifa_addru.sdl, ifp->if_index, type, lladdr, alen);
	ifa->ifa_ifp = ifp;
	ifa->ifa_refcnt = 1;
	ifa->ifa_onlist = 1;
	BSD_TAILQ_INSERT_TAIL(&ifp->if_addrlist, ifa, ifa_list);
	ifp->if_lladdr = ifa;
	ifp->if_sadl = &ifa->ifa_addru.sdl;
	BSD_TAILQ_INSERT_TAIL(&k->k_ifnet, ifp, if_list);
	return ifp;
}

struct if_rtcollect {
	struct bsd_ifnet	*ifp;
	struct bsd_rtentry	**v;
	size_t			n, cap;
};

static int
if_rtcollect1(struct bsd_rtentry *rt, void *arg)
{
	struct if_rtcollect *c = arg;
	struct bsd_rtentry **nv;

	if (rt->rt_ifp != c->ifp)
		return 0;
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 16;
		if ((nv = realloc(c->v, c->cap * sizeof(*nv))) == NULL)
			return ENOMEM;
		c->v = nv;
	}
	rt->rt_refcnt++;
	c->v[c->n++] = rt;
	return 0;
}

void
bsd_if_detach(struct bsd_kernel *k, struct bsd_ifnet *ifp)
{
	struct if_rtcollect c = { ifp, NULL, 0, 0 };
	struct bsd_ifaddr *ifa;
	size_t i;

	while ((ifa = bsd_ifa_inet(ifp)) != NULL)
		(void)bsd_in_ifaddr_delete(k, ifp, ifa->ifa_addru.sin.sin_addr);
	/*
	 * rt_if_remove(): every route left through ifp goes.  Collected
	 * first, held, then deleted, since deleting one may flush others.
	 */
	(void)bsd_rt_walk(k, if_rtcollect1, &c);
	for (i = 0; i < c.n; i++) {
		if (c.v[i]->rt_flags & BSD_RTF_UP)
			(void)bsd_rtdeletemsg(k, c.v[i]);
		bsd_rtfree(k, c.v[i]);
	}
	free(c.v);
	BSD_TAILQ_REMOVE(&k->k_ifnet, ifp, if_list);
	while ((ifa = BSD_TAILQ_FIRST(&ifp->if_addrlist)) != NULL) {
		BSD_TAILQ_REMOVE(&ifp->if_addrlist, ifa, ifa_list);
		ifa->ifa_onlist = 0;
		bsd_ifafree(k, ifa);
	}
	free(ifp->if_mdstate);
	free(ifp);
}

/* if_slowtimo(): once a second, each medium's own sweep. */
static void
if_slowtimo(struct bsd_kernel *k, void *arg)
{
	struct bsd_ifnet *ifp;

	(void)arg;
	BSD_TAILQ_FOREACH(ifp, &k->k_ifnet, if_list)
		if (ifp->if_media != NULL && ifp->if_media->md_slowtimo != NULL)
			ifp->if_media->md_slowtimo(ifp->if_mdstate, bsd_now(k),
			    &ifp->if_stat.ifs_mddrop[BSD_MD_FRAGDROP]);
	bsd_callout_reset(k, &k->k_if_slowtimo, BSD_NSEC_PER_SEC, if_slowtimo,
	    NULL);
}

struct bsd_ifnet *
bsd_if_attach_media(struct bsd_kernel *k, const char *name,
    const struct bsd_media *md, const uint8_t *lladdr, uint32_t mdflags,
    uint32_t flags)
{
	struct bsd_ifnet *ifp;
	void *st;

	if ((st = calloc(1, md->md_statesize ? md->md_statesize : 1)) == NULL)
		return NULL;
	md->md_init(st, mdflags);
	ifp = bsd_if_attach(k, name, md->md_iftype, lladdr, md->md_addrlen,
	    md->md_ipmtu(st), flags | BSD_IFF_BROADCAST);
	if (ifp == NULL) {
		free(st);
		return NULL;
	}
	ifp->if_media = md;
	ifp->if_mdstate = st;
	ifp->if_rtrequest = bsd_arp_rtrequest;
	/* Only kernels with such a medium pay for the tick. */
	if (md->md_slowtimo != NULL && !k->k_if_slowtimo.c_pending)
		bsd_callout_reset(k, &k->k_if_slowtimo, BSD_NSEC_PER_SEC,
		    if_slowtimo, NULL);
	ifp->if_hdrlen = (uint8_t)md->md_hdrlen;
	return ifp;
}

struct bsd_ifnet *
bsd_if_byindex(struct bsd_kernel *k, unsigned index)
{
	struct bsd_ifnet *ifp;

	BSD_TAILQ_FOREACH(ifp, &k->k_ifnet, if_list)
		if (ifp->if_index == index)
			return ifp;
	return NULL;
}

void
bsd_ifaref(struct bsd_ifaddr *ifa)
{

	ifa->ifa_refcnt++;
}

void
bsd_ifafree(struct bsd_kernel *k, struct bsd_ifaddr *ifa)
{

	if (--ifa->ifa_refcnt > 0) {
		/* Off its interface but still referenced by a route. */
		if (ifa->ifa_onlist == 0) {
			ifa->ifa_onlist = 2;
			BSD_TAILQ_INSERT_TAIL(&k->k_ifa_gone, ifa, ifa_list);
		}
		return;
	}
	if (ifa->ifa_onlist == 2)
		BSD_TAILQ_REMOVE(&k->k_ifa_gone, ifa, ifa_list);
	free(ifa);
}

struct bsd_ifaddr *
bsd_ifa_inet(struct bsd_ifnet *ifp)
{
	struct bsd_ifaddr *ifa;

	BSD_TAILQ_FOREACH(ifa, &ifp->if_addrlist, ifa_list)
		if (ifa->ifa_addr.sa_family == BSD_AF_INET)
			return ifa;
	return NULL;
}

static inline uint32_t
sin_addr(const struct bsd_sockaddr *sa)
{

	return ((const struct bsd_sockaddr_in *)sa)->sin_addr;
}

struct bsd_ifaddr *
bsd_ifa_ifwithaddr(struct bsd_kernel *k, const struct bsd_sockaddr *addr)
{
	struct bsd_ifnet *ifp;
	struct bsd_ifaddr *ifa;

	if (addr->sa_family != BSD_AF_INET)
		return NULL;
	BSD_TAILQ_FOREACH(ifp, &k->k_ifnet, if_list)
		BSD_TAILQ_FOREACH(ifa, &ifp->if_addrlist, ifa_list)
			if (ifa->ifa_addr.sa_family == BSD_AF_INET &&
			    sin_addr(&ifa->ifa_addr) == sin_addr(addr))
				return ifa;
	return NULL;
}

struct bsd_ifaddr *
bsd_ifa_ifwithnet(struct bsd_kernel *k, const struct bsd_sockaddr *addr)
{
	struct bsd_ifnet *ifp;
	struct bsd_ifaddr *ifa, *best = NULL;
	uint32_t m;

	if (addr->sa_family != BSD_AF_INET)
		return NULL;
	/* The most specific subnet wins, as ifa_ifwithnet() prefers. */
	BSD_TAILQ_FOREACH(ifp, &k->k_ifnet, if_list)
		BSD_TAILQ_FOREACH(ifa, &ifp->if_addrlist, ifa_list) {
			if (ifa->ifa_addr.sa_family != BSD_AF_INET)
				continue;
			m = sin_addr(&ifa->ifa_netmask);
			if (((sin_addr(&ifa->ifa_addr) ^ sin_addr(addr)) & m)
			    != 0)
				continue;
			if (best == NULL || ifa->ifa_plen > best->ifa_plen)
				best = ifa;
		}
	return best;
}

struct bsd_ifaddr *
bsd_ifa_ifwithroute(struct bsd_kernel *k, uint32_t flags,
    const struct bsd_sockaddr *dst, const struct bsd_sockaddr *gateway)
{
	struct bsd_ifaddr *ifa;
	struct bsd_rtentry *rt;

	if ((flags & BSD_RTF_GATEWAY) == 0) {
		/*
		 * A route to one of our own addresses or subnets, or an
		 * AF_LINK "gateway" naming the interface outright.
		 */
		if (gateway->sa_family == BSD_AF_LINK) {
			const struct bsd_sockaddr_dl *sdl =
			    (const struct bsd_sockaddr_dl *)gateway;
			struct bsd_ifnet *ifp = bsd_if_byindex(k,
			    sdl->sdl_index);

			if (ifp == NULL)
				return NULL;
			if ((ifa = bsd_ifa_inet(ifp)) == NULL)
				ifa = ifp->if_lladdr;
			return ifa;
		}
		if ((ifa = bsd_ifa_ifwithaddr(k, gateway)) != NULL)
			return ifa;
		return bsd_ifa_ifwithnet(k, gateway);
	}
	if ((ifa = bsd_ifa_ifwithnet(k, gateway)) != NULL)
		return ifa;
	/* A gateway reachable through another route: use that one's ifa. */
	(void)dst;
	rt = bsd_rtalloc1(k, gateway, 0, 0);
	if (rt == NULL)
		return NULL;
	ifa = (rt->rt_flags & BSD_RTF_GATEWAY) ? NULL : rt->rt_ifa;
	bsd_rtfree(k, rt);
	return ifa;
}

int
bsd_in_broadcast(struct bsd_ifnet *ifp, uint32_t dst)
{
	struct bsd_ifaddr *ifa;

	if (dst == 0xffffffffu)
		return 1;
	/* The subnet's broadcast address, or its all-zeros (4.2BSD) form. */
	BSD_TAILQ_FOREACH(ifa, &ifp->if_addrlist, ifa_list)
		if (ifa->ifa_addr.sa_family == BSD_AF_INET &&
		    ifa->ifa_plen < 31 &&
		    (ifa->ifa_broadu.sin.sin_addr == dst ||
		    (ifa->ifa_addru.sin.sin_addr &
		    ifa->ifa_netmasku.sin.sin_addr) == dst))
			return 1;
	return 0;
}

int
bsd_in_ifaddr_add(struct bsd_kernel *k, struct bsd_ifnet *ifp, uint32_t addr,
    unsigned plen)
{
	struct bsd_sockaddr_in net;
	struct bsd_ifaddr *ifa;
	struct bsd_rt_addrinfo info;
	struct bsd_rtentry *rt = NULL;
	uint32_t flags;
	int error;

	if (plen > 32)
		return EINVAL;
	if (bsd_ifa_ifwithaddr(k, (const struct bsd_sockaddr *)&(struct
	    bsd_sockaddr_in){ .sin_len = 16, .sin_family = BSD_AF_INET,
	    .sin_addr = addr }) != NULL)
		return EEXIST;
	if ((ifa = calloc(1, sizeof(*ifa))) == NULL)
		return ENOBUFS;
	bsd_sin_init(&ifa->ifa_addru.sin, addr);
	bsd_sin_mask(&ifa->ifa_netmasku.sin, plen);
	bsd_sin_init(&ifa->ifa_broadu.sin,
	    addr | ~ifa->ifa_netmasku.sin.sin_addr);
	ifa->ifa_plen = (uint8_t)plen;
	ifa->ifa_ifp = ifp;
	ifa->ifa_refcnt = 1;
	ifa->ifa_onlist = 1;
	/*
	 * arp_ifinit(): on an interface that resolves addresses, the
	 * subnet route clones a host route per neighbour, and the link
	 * layer is told about each one.
	 */
	if ((ifp->if_flags & (BSD_IFF_BROADCAST | BSD_IFF_NOARP)) ==
	    BSD_IFF_BROADCAST) {
		ifa->ifa_flags |= BSD_RTF_CLONING;
		ifa->ifa_rtrequest = ifp->if_rtrequest != NULL ?
		    ifp->if_rtrequest : k->k_ll_rtrequest;
	}
	BSD_TAILQ_INSERT_TAIL(&ifp->if_addrlist, ifa, ifa_list);

	/* rtinit(ifa, RTM_ADD, RTF_UP): the interface route. */
	bsd_sin_init(&net, addr & ifa->ifa_netmasku.sin.sin_addr);
	flags = ifa->ifa_flags | (plen == 32 ? BSD_RTF_HOST : 0);
	memset(&info, 0, sizeof(info));
	info.rti_info[BSD_RTAX_DST] = (const struct bsd_sockaddr *)&net;
	info.rti_info[BSD_RTAX_GATEWAY] = &ifa->ifa_addr;
	info.rti_info[BSD_RTAX_NETMASK] = &ifa->ifa_netmask;
	info.rti_flags = flags;
	info.rti_ifa = ifa;
	info.rti_ifp = ifp;
	info.rti_kind = BSD_RTK_IFACE;
	error = bsd_rtrequest1(k, BSD_RTM_ADD, &info, &rt);
	if (error != 0) {
		BSD_TAILQ_REMOVE(&ifp->if_addrlist, ifa, ifa_list);
		ifa->ifa_onlist = 0;
		bsd_ifafree(k, ifa);
		return error;
	}
	/* rt_newaddrmsg(RTM_ADD): the address first, then its route. */
	memset(&info, 0, sizeof(info));
	info.rti_info[BSD_RTAX_IFA] = &ifa->ifa_addr;
	info.rti_info[BSD_RTAX_NETMASK] = &ifa->ifa_netmask;
	info.rti_info[BSD_RTAX_BRD] = &ifa->ifa_broadu.sa;
	info.rti_ifp = ifp;
	bsd_rt_missmsg(k, BSD_RTM_NEWADDR, &info, 0, 0);
	bsd_rt_msg_route(k, BSD_RTM_ADD, rt, 0);
	bsd_rtfree(k, rt);
	if (ifp->if_media != NULL &&
	    (ifp->if_flags & BSD_IFF_NOARP) == 0)
		bsd_arp_ifinit(k, ifp, ifa);
	return 0;
}

int
bsd_in_ifaddr_delete(struct bsd_kernel *k, struct bsd_ifnet *ifp,
    uint32_t addr)
{
	struct bsd_sockaddr_in net;
	struct bsd_rt_addrinfo info;
	struct bsd_ifaddr *ifa;
	struct bsd_rtentry *rt;

	BSD_TAILQ_FOREACH(ifa, &ifp->if_addrlist, ifa_list)
		if (ifa->ifa_addr.sa_family == BSD_AF_INET &&
		    ifa->ifa_addru.sin.sin_addr == addr)
			break;
	if (ifa == NULL)
		return EADDRNOTAVAIL;
	/* in_ifscrub(): rtinit(ifa, RTM_DELETE), if the route is ours. */
	bsd_sin_init(&net, addr & ifa->ifa_netmasku.sin.sin_addr);
	rt = bsd_rtlookup(k, net.sin_addr, ifa->ifa_plen);
	if (rt != NULL && rt->rt_ifa == ifa)
		(void)bsd_rtdeletemsg(k, rt);
	memset(&info, 0, sizeof(info));
	info.rti_info[BSD_RTAX_IFA] = &ifa->ifa_addr;
	info.rti_info[BSD_RTAX_NETMASK] = &ifa->ifa_netmask;
	info.rti_addrs = BSD_RTA(BSD_RTAX_IFA) | BSD_RTA(BSD_RTAX_NETMASK);
	info.rti_ifp = ifp;
	bsd_rt_missmsg(k, BSD_RTM_DELADDR, &info, 0, 0);
	BSD_TAILQ_REMOVE(&ifp->if_addrlist, ifa, ifa_list);
	ifa->ifa_onlist = 0;
	bsd_ifafree(k, ifa);
	return 0;
}
