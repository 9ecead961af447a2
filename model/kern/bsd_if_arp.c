/*
 * ARP, independent of the link: NetBSD netinet/if_arp.c 1.106 as
 * bsd-facts.md section 3 describes it.  Log lines are NetBSD's.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "bsd_kernel.h"

static void	arptimer(struct bsd_kernel *, void *);

static const struct bsd_sockaddr arp_dst = { 2, BSD_AF_ARP, { 0 } };

static inline const struct bsd_sockaddr_dl *
rt_sdl(const struct bsd_rtentry *rt)
{

	return &rt->rt_gw.sdl;
}

static inline uint32_t
get32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return v;
}

static char *
lltext(const struct bsd_ifnet *ifp, const uint8_t *a, unsigned alen,
    char *buf, size_t len)
{
	struct bsd_sockaddr_dl sdl;

	if (ifp->if_media != NULL && alen == ifp->if_media->md_addrlen)
		return ifp->if_media->md_ntoa(a, buf, len);
	bsd_sdl_init(&sdl, 0, 0, a, alen);
	return bsd_link_ntoa(&sdl, buf, len);
}

/*
 * The sender address of a request about rt's destination: the address
 * of the subnet whose route cloned it, rt->rt_ifa->ifa_addr (NetBSD
 * if_arp.c 1.106 arpresolve and arptimer, FreeBSD if_ether.c 1.64.2.x
 * arpresolve), not the interface's first address.
 */
static uint32_t
arp_srcaddr(struct bsd_ifnet *ifp, const struct bsd_rtentry *rt)
{
	struct bsd_ifaddr *ifa;

	if (rt != NULL && (ifa = rt->rt_ifa) != NULL &&
	    ifa->ifa_addr.sa_family == BSD_AF_INET)
		return ifa->ifa_addru.sin.sin_addr;
	ifa = bsd_ifa_inet(ifp);
	return ifa != NULL ? ifa->ifa_addru.sin.sin_addr : 0;
}

/* Hand an ARP packet to the driver: AF_ARP, addressing in the packet. */
static void
arp_output(struct bsd_kernel *k, struct bsd_ifnet *ifp, struct bsd_mbuf *m)
{

	k->k_arp.ar_stat.as_sndtotal++;
	(void)bsd_if_output(k, ifp, m, &arp_dst, NULL);
}

void
bsd_arprequest(struct bsd_kernel *k, struct bsd_ifnet *ifp, uint32_t sip,
    uint32_t tip, const uint8_t *enaddr)
{
	unsigned hln = ifp->if_addrlen;
	struct bsd_mbuf *m;
	uint8_t *ar;

	if ((m = bsd_m_get(BSD_ARP_LEN(hln, 4))) == NULL)
		return;
	ar = m->m_data;
	memset(ar, 0, m->m_len);
	/* ar_hrd (and ar_pro) are the driver's to fill in. */
	bsd_be16enc(ar + 2, BSD_ETHERTYPE_IP);
	ar[4] = (uint8_t)hln;
	ar[5] = 4;
	bsd_be16enc(ar + 6, BSD_ARPOP_REQUEST);
	memcpy(bsd_ar_sha(ar), enaddr, hln);
	memcpy(bsd_ar_spa(ar), &sip, 4);
	memcpy(bsd_ar_tpa(ar), &tip, 4);
	m->m_flags |= BSD_M_BCAST;
	k->k_arp.ar_stat.as_sndrequest++;
	bsd_trace(k, BSD_TR_ARPREQUEST, NULL, 0);
	arp_output(k, ifp, m);
}

/* Send the packet held for la, now that its address is known. */
static void
arp_sendhold(struct bsd_kernel *k, struct bsd_llinfo_arp *la)
{
	struct bsd_rtentry *rt = la->la_rt;
	struct bsd_mbuf *m = la->la_hold;

	if (m == NULL)
		return;
	la->la_hold = NULL;
	k->k_arp.ar_stat.as_dfrsent++;
	(void)bsd_if_output(k, rt->rt_ifp, m, bsd_rt_key(rt), rt);
}

static void
arp_starttimer(struct bsd_kernel *k)
{

	if (k->k_arp.ar_timer_running)
		return;
	k->k_arp.ar_timer_running = 1;
	bsd_callout_reset(k, &k->k_arp.ar_timer, BSD_NSEC_PER_SEC, arptimer,
	    NULL);
}

void
bsd_arp_rtrequest(struct bsd_kernel *k, int req, struct bsd_rtentry *rt,
    const struct bsd_rt_addrinfo *info)
{
	struct bsd_arp_state *as = &k->k_arp;
	struct bsd_llinfo_arp *la = rt->rt_llinfo;
	struct bsd_ifaddr *ifa;
	struct bsd_sockaddr_dl null_sdl;

	(void)info;
	arp_starttimer(k);
	/* Routes through a gateway only clamp their MTU (ours is the if's). */
	if (rt->rt_flags & BSD_RTF_GATEWAY)
		return;
	switch (req) {
	case BSD_RTM_ADD:
		if ((rt->rt_flags & BSD_RTF_HOST) == 0 && rt->rt_plen != 32)
			rt->rt_flags |= BSD_RTF_CLONING;
		if (rt->rt_flags & BSD_RTF_CLONING) {
			/* Case 1: an interface route; its clones resolve. */
			bsd_sdl_init(&null_sdl, rt->rt_ifp->if_index,
			    rt->rt_ifp->if_type, NULL, 0);
			(void)bsd_rt_setgate(k, rt,
			    (struct bsd_sockaddr *)&null_sdl);
			/*
			 * Give this route an expiration time, even though
			 * it's a permanent route, so that routes cloned
			 * from it do not need their expiration time set.
			 */
			rt->rt_rmx.rmx_expire = bsd_time_second(k);
			break;
		}
		/* Announce a new entry if requested. */
		if ((rt->rt_flags & BSD_RTF_ANNOUNCE) &&
		    rt->rt_gw.sa.sa_family == BSD_AF_LINK)
			bsd_arprequest(k, rt->rt_ifp, rt->rt_dst.sin_addr,
			    rt->rt_dst.sin_addr, BSD_LLADDR(rt_sdl(rt)));
		/* FALLTHROUGH */
	case BSD_RTM_RESOLVE:
		if (rt->rt_gw.sa.sa_family != BSD_AF_LINK ||
		    rt->rt_gw.sa.sa_len < sizeof(struct bsd_sockaddr_dl)) {
			bsd_log(k, BSD_LOG_DEBUG, "arp_rtrequest: bad gateway value");
			break;
		}
		if (la != NULL) {
			/*
			 * route_output's RTM_CHANGE calls us with RTM_ADD:
			 * a user-level resolver (RTF_XRESOLVE) has filled
			 * in the address.  Treat it as a reply would be.
			 */
			if (rt_sdl(rt)->sdl_alen != 0) {
				if (rt->rt_rmx.rmx_expire != 0)
					rt->rt_rmx.rmx_expire =
					    bsd_time_second(k) +
					    k->k_pers.p_tun.arpt_keep;
				rt->rt_flags &= ~BSD_RTF_REJECT;
				la->la_asked = 0;
				if (rt->rt_flags & BSD_RTF_XRESOLVE)
					as->ar_stat.as_xresolved++;
				arp_sendhold(k, la);
			}
			break;
		}
		if (bsd_mem_charge(&k->k_mem, BSD_M_LLINFO,
		    BSD_MEMCOST_LLINFO) == 0 &&
		    (la = bsd_pool_get(&as->ar_pool)) == NULL)
			bsd_mem_uncharge(&k->k_mem, BSD_M_LLINFO,
			    BSD_MEMCOST_LLINFO);
		if (la == NULL) {
			as->ar_stat.as_allocfail++;
			bsd_trace(k, BSD_TR_ENOBUFS, rt, BSD_M_LLINFO);
			bsd_log(k, BSD_LOG_DEBUG, "arp_rtrequest: malloc failed");
			break;
		}
		as->ar_inuse++;
		as->ar_allocated++;
		la->la_rt = rt;
		/* Onto the tail of the table's ARP list (k_kindq). */
		rt->rt_kflags |= BSD_RTK_F_ARP;
		bsd_rt_setllinfo(k, rt, la);
		/* Our own address on this interface: permanent, our LL. */
		BSD_TAILQ_FOREACH(ifa, &rt->rt_ifp->if_addrlist, ifa_list) {
			if (ifa->ifa_addr.sa_family == BSD_AF_INET &&
			    ifa->ifa_addru.sin.sin_addr == rt->rt_dst.sin_addr)
				break;
		}
		if (ifa != NULL) {
			rt->rt_rmx.rmx_expire = 0;
			rt->rt_gw.sdl.sdl_alen = rt->rt_ifp->if_addrlen;
			memcpy(BSD_LLADDR(&rt->rt_gw.sdl),
			    BSD_LLADDR(rt->rt_ifp->if_sadl),
			    rt->rt_ifp->if_addrlen);
		}
		break;
	case BSD_RTM_DELETE:
		if (la == NULL)
			break;
		as->ar_inuse--;
		rt->rt_kflags &= ~BSD_RTK_F_ARP;
		bsd_rt_setllinfo(k, rt, NULL);
		rt->rt_flags &= ~BSD_RTF_LLINFO;
		bsd_m_freem(k, la->la_hold);
		bsd_pool_put(&as->ar_pool, la);
		bsd_mem_uncharge(&k->k_mem, BSD_M_LLINFO, BSD_MEMCOST_LLINFO);
		break;
	}
}

/*
 * Look up (and with create, clone) the ARP entry for addr.  Returns its
 * llinfo or NULL; the route is not referenced for the caller.
 */
static struct bsd_llinfo_arp *
arplookup(struct bsd_kernel *k, struct bsd_ifnet *ifp, uint32_t addr,
    int create)
{
	struct bsd_sockaddr_in sin;
	struct bsd_rtentry *rt;
	const char *why;
	char ip[16];

	bsd_sin_init(&sin, addr);
	rt = bsd_rtalloc1(k, (struct bsd_sockaddr *)&sin, create, 0);
	if (rt == NULL)
		return NULL;
	rt->rt_refcnt--;
	if ((rt->rt_flags & (BSD_RTF_GATEWAY | BSD_RTF_LLINFO)) ==
	    BSD_RTF_LLINFO && rt->rt_gw.sa.sa_family == BSD_AF_LINK &&
	    rt->rt_plen == 32)
		return rt->rt_llinfo;
	if (create) {
		if (rt->rt_flags & BSD_RTF_GATEWAY)
			why = "host is not on local network";
		else if ((rt->rt_flags & BSD_RTF_LLINFO) == 0) {
			k->k_arp.ar_stat.as_allocfail++;
			why = "could not allocate llinfo";
		} else
			why = "gateway route is not ours";
		bsd_log(k, BSD_LOG_DEBUG,
		    "arplookup: unable to enter address for %s@%s on %s (%s)",
		    bsd_inet_ntoa(addr, ip), "", ifp->if_xname, why);
		/*
		 * The clone rtalloc1() just made is of no use to ARP: a
		 * clone of a gateway route (FreeBSD's RTF_PRCLONING default
		 * route), or one without llinfo.  Unreferenced, nothing
		 * else will ever free it: FreeBSD if_ether.c to RELENG_4
		 * 1.64.2.23 left it there (FreeBSD-SA-03:14.arp); the fix
		 * of 2003-09-24, and NetBSD if_arp.c 1.106, delete it.
		 */
		if (k->k_pers.p_arp_sa0314_fix && rt->rt_refcnt <= 0 &&
		    rt->rt_plen == 32 && rt->rt_parent != NULL)
			bsd_rtdelete(k, rt);
	}
	return NULL;
}

int
bsd_arpresolve(struct bsd_kernel *k, struct bsd_ifnet *ifp,
    struct bsd_rtentry *rt, struct bsd_mbuf *m,
    const struct bsd_sockaddr *dst, uint8_t *desten)
{
	const struct bsd_tunables *tun = &k->k_pers.p_tun;
	struct bsd_arp_state *as = &k->k_arp;
	struct bsd_llinfo_arp *la = NULL;
	const struct bsd_sockaddr_dl *sdl;
	int64_t now = bsd_time_second(k);
	uint32_t dstip = ((const struct bsd_sockaddr_in *)dst)->sin_addr;
	char ip[16];

	if (m->m_flags & BSD_M_BCAST) {
		memcpy(desten, ifp->if_media->md_broadcast, ifp->if_addrlen);
		return 0;
	}
	if (rt != NULL && (rt->rt_flags & BSD_RTF_LLINFO))
		la = rt->rt_llinfo;
	else if ((la = arplookup(k, ifp, dstip, 1)) != NULL)
		rt = la->la_rt;
	if (la == NULL || rt == NULL) {
		bsd_log(k, BSD_LOG_DEBUG,
		    "arpresolve: can't allocate llinfo for %s",
		    bsd_inet_ntoa(dstip, ip));
		bsd_trace(k, BSD_TR_DROP, NULL, BSD_DROP_ARP_NOLLINFO);
		/* Logged and dropped; the sender is not told (returns 0). */
		bsd_m_freem(k, m);
		return BSD_EJUSTRETURN;
	}
	sdl = rt_sdl(rt);
	/* Check the address family and length is valid, the address is resolved. */
	if ((rt->rt_rmx.rmx_expire == 0 || rt->rt_rmx.rmx_expire > now) &&
	    sdl->sdl_family == BSD_AF_LINK && sdl->sdl_alen != 0) {
		memcpy(desten, BSD_LLADDR(sdl), sdl->sdl_alen);
		rt->rt_rmx.rmx_pksent = now;
		return 0;
	}
	/*
	 * There is an arptab entry, but no link address response yet.
	 * Replace the held mbuf with this latest one.
	 */
	if (la->la_hold != NULL) {
		as->ar_stat.as_dfrdropped++;
		bsd_trace(k, BSD_TR_DROP, rt, BSD_DROP_ARP_REPLACED);
		bsd_m_freem(k, la->la_hold);
	}
	la->la_hold = NULL;
	if (bsd_m_charge(k, m) != 0) {
		bsd_m_freem(k, m);
		return ENOBUFS;
	}
	la->la_hold = m;
	as->ar_stat.as_dfrtotal++;
	/* A user-level resolver was told by RTM_RESOLVE; no request from us. */
	if (rt->rt_flags & BSD_RTF_XRESOLVE)
		return EWOULDBLOCK;
	/* Re-send the ARP request when appropriate: at most once a second. */
	if (rt->rt_rmx.rmx_expire != 0) {
		rt->rt_flags &= ~BSD_RTF_REJECT;
		if (la->la_asked == 0 || rt->rt_rmx.rmx_expire != now) {
			rt->rt_rmx.rmx_expire = now;
			if (la->la_asked++ < tun->arp_maxtries)
				bsd_arprequest(k, ifp, arp_srcaddr(ifp, rt),
				    dstip, BSD_LLADDR(ifp->if_sadl));
			else {
				rt->rt_flags |= BSD_RTF_REJECT;
				rt->rt_rmx.rmx_expire += tun->arpt_down;
				la->la_asked = 0;
			}
		}
	}
	return EWOULDBLOCK;
}

static void
arpreply(struct bsd_kernel *k, struct bsd_ifnet *ifp, const uint8_t *req,
    const uint8_t *sha, uint32_t spa)
{
	unsigned hln = bsd_ar_hln(req), pln = bsd_ar_pln(req);
	struct bsd_mbuf *m;
	uint8_t *ar;

	if ((m = bsd_m_copy(req, BSD_ARP_LEN(hln, pln))) == NULL)
		return;
	ar = m->m_data;
	/* tha := sha, sha := ours (or the published one), tpa := spa. */
	memcpy(bsd_ar_tha(ar), bsd_ar_sha(req), hln);
	memcpy(bsd_ar_sha(ar), sha, hln);
	memcpy(bsd_ar_tpa(ar), bsd_ar_spa(req), pln);
	memcpy(bsd_ar_spa(ar), &spa, 4);
	bsd_be16enc(ar + 6, BSD_ARPOP_REPLY);
	bsd_be16enc(ar + 2, BSD_ETHERTYPE_IP);
	k->k_arp.ar_stat.as_sndreply++;
	bsd_trace(k, BSD_TR_ARPREPLY, NULL, 0);
	arp_output(k, ifp, m);
}

/* in_arpinput(): checks in the order of NetBSD 1.106. */
static void
in_arpinput(struct bsd_kernel *k, struct bsd_ifnet *ifp, const uint8_t *ar)
{
	struct bsd_arpstat *st = &k->k_arp.ar_stat;
	const unsigned hln = bsd_ar_hln(ar);
	struct bsd_ifaddr *ifa, *mine = NULL, *same_spa = NULL;
	struct bsd_llinfo_arp *la;
	struct bsd_rtentry *rt;
	struct bsd_sockaddr_dl *sdl;
	uint32_t isaddr = get32(bsd_ar_spa(ar)), itaddr = get32(bsd_ar_tpa(ar));
	uint32_t myaddr;
	int op = bsd_ar_op(ar);
	char a1[16], a2[40];

	if (itaddr == 0) {
		st->as_rcvzerotpa++;
		return;
	}
	if (isaddr == 0) {
		st->as_rcvzerospa++;
		return;
	}
	/* myaddr: the target on this interface, else the sender's, else any. */
	BSD_TAILQ_FOREACH(ifa, &ifp->if_addrlist, ifa_list) {
		if (ifa->ifa_addr.sa_family != BSD_AF_INET)
			continue;
		if (ifa->ifa_addru.sin.sin_addr == itaddr) {
			mine = ifa;
			break;
		}
		if (ifa->ifa_addru.sin.sin_addr == isaddr && same_spa == NULL)
			same_spa = ifa;
	}
	if (mine == NULL)
		mine = same_spa;
	if (mine == NULL)
		mine = bsd_ifa_inet(ifp);
	if (mine == NULL) {
		st->as_rcvnoint++;
		return;
	}
	myaddr = mine->ifa_addru.sin.sin_addr;
	/* Over the interface's length: ar_hln is the sender's word. */
	if (memcmp(bsd_ar_sha(ar), BSD_LLADDR(ifp->if_sadl), ifp->if_addrlen) ==
	    0) {
		st->as_rcvlocalsha++;
		return;		/* it's from me, ignore it. */
	}
	if (memcmp(bsd_ar_sha(ar), ifp->if_media->md_broadcast,
	    ifp->if_addrlen) == 0) {
		st->as_rcvbcastsha++;
		bsd_log(k, BSD_LOG_ERR,
		    "%s: arp: link address is broadcast for IP address %s!",
		    ifp->if_xname, bsd_inet_ntoa(isaddr, a1));
		return;
	}
	if (isaddr == myaddr) {
		st->as_rcvlocalspa++;
		bsd_log(k, BSD_LOG_ERR,
		    "duplicate IP address %s sent from link address %s",
		    bsd_inet_ntoa(isaddr, a1),
		    lltext(ifp, bsd_ar_sha(ar), hln, a2, sizeof(a2)));
		itaddr = myaddr;
		goto reply;
	}
	/* RFC 826: a new entry only when we are the target. */
	la = arplookup(k, ifp, isaddr, itaddr == myaddr);
	if (la != NULL && (rt = la->la_rt) != NULL) {
		sdl = &rt->rt_gw.sdl;
		if (sdl->sdl_alen != 0 &&
		    memcmp(bsd_ar_sha(ar), BSD_LLADDR(sdl), sdl->sdl_alen)) {
			if (rt->rt_flags & BSD_RTF_STATIC) {
				st->as_rcvoverperm++;
				bsd_log(k, BSD_LOG_INFO,
				    "%s tried to overwrite permanent arp "
				    "info for %s",
				    lltext(ifp, bsd_ar_sha(ar), hln, a2,
				    sizeof(a2)), bsd_inet_ntoa(isaddr, a1));
				return;
			} else if (rt->rt_ifp != ifp) {
				st->as_rcvoverint++;
				bsd_log(k, BSD_LOG_INFO,
				    "%s on %s tried to overwrite arp info "
				    "for %s on %s",
				    lltext(ifp, bsd_ar_sha(ar), hln, a2,
				    sizeof(a2)), ifp->if_xname,
				    bsd_inet_ntoa(isaddr, a1),
				    rt->rt_ifp->if_xname);
				return;
			}
			st->as_rcvover++;
			bsd_log(k, BSD_LOG_INFO,
			    "arp info overwritten for %s by %s",
			    bsd_inet_ntoa(isaddr, a1),
			    lltext(ifp, bsd_ar_sha(ar), hln, a2, sizeof(a2)));
		}
		if (sdl->sdl_alen != 0 && sdl->sdl_alen != hln) {
			st->as_rcvlenchg++;
			bsd_log(k, BSD_LOG_WARNING,
			    "arp from %s: new addr len %u, was %u",
			    bsd_inet_ntoa(isaddr, a1), hln, sdl->sdl_alen);
		}
		if (ifp->if_addrlen != hln) {
			st->as_rcvbadlen++;
			bsd_log(k, BSD_LOG_WARNING,
			    "arp from %s: addr len: new %u, i/f %u (ignored)",
			    bsd_inet_ntoa(isaddr, a1), hln, ifp->if_addrlen);
			goto reply;
		}
		memcpy(BSD_LLADDR(sdl), bsd_ar_sha(ar), hln);
		sdl->sdl_alen = (uint8_t)hln;
		if (rt->rt_rmx.rmx_expire != 0)
			rt->rt_rmx.rmx_expire = bsd_time_second(k) +
			    k->k_pers.p_tun.arpt_keep;
		rt->rt_flags &= ~BSD_RTF_REJECT;
		la->la_asked = 0;
		bsd_trace(k, BSD_TR_ARPRESOLVED, rt, 0);
		arp_sendhold(k, la);
	}
reply:
	if (op != BSD_ARPOP_REQUEST)
		return;
	if (itaddr == myaddr) {
		/* I am the target. */
		arpreply(k, ifp, ar, BSD_LLADDR(ifp->if_sadl), itaddr);
		return;
	}
	/*
	 * Proxy: a published entry for the target, arplookup(itaddr, 0,
	 * SIN_PROXY) in NetBSD; here a /32 with RTF_ANNOUNCE.
	 */
	rt = bsd_rtlookup(k, itaddr, 32);
	if (rt == NULL || (rt->rt_flags & (BSD_RTF_LLINFO | BSD_RTF_ANNOUNCE |
	    BSD_RTF_GATEWAY)) != (BSD_RTF_LLINFO | BSD_RTF_ANNOUNCE) ||
	    rt->rt_gw.sa.sa_family != BSD_AF_LINK ||
	    rt->rt_gw.sdl.sdl_alen != hln)
		return;
	arpreply(k, ifp, ar, BSD_LLADDR(&rt->rt_gw.sdl), itaddr);
}

void
bsd_arpinput(struct bsd_kernel *k, struct bsd_ifnet *ifp, const uint8_t *pkt,
    size_t len)
{
	struct bsd_arpstat *st = &k->k_arp.ar_stat;
	unsigned hrd, pro;

	st->as_rcvtotal++;
	if (len < BSD_ARPHDR_LEN ||
	    len < (size_t)BSD_ARP_LEN(bsd_ar_hln(pkt), bsd_ar_pln(pkt))) {
		st->as_rcvbadlen++;
		return;
	}
	/*
	 * NetBSD does not check ar_hrd (XXX in arpintr).  FreeBSD 4's
	 * arpintr (if_ether.c 1.64.2.x) takes ETHER or IEEE802 only, and
	 * its in_arpinput reads a struct ether_arp: 6-octet addresses.
	 */
	hrd = bsd_ar_hrd(pkt);
	if (k->k_pers.p_arp_hrdcheck && ((hrd != BSD_ARPHRD_ETHER &&
	    hrd != BSD_ARPHRD_IEEE802) || bsd_ar_hln(pkt) != 6)) {
		st->as_rcvbadproto++;
		bsd_log(k, BSD_LOG_ERR,
		    "arp: unknown hardware address format (0x%02x%02x)",
		    pkt[0], pkt[1]);
		return;
	}
	/* ar_pro must be IP. */
	pro = bsd_ar_pro(pkt);
	if ((pro != BSD_ETHERTYPE_IP && pro != BSD_ETHERTYPE_TRAIL &&
	    pro != BSD_AX25_P_IP) || bsd_ar_pln(pkt) != 4) {
		st->as_rcvbadproto++;
		return;
	}
	if (bsd_ar_hln(pkt) == 0 || bsd_ar_hln(pkt) > BSD_LL_MAXADDRLEN) {
		st->as_rcvbadlen++;
		return;
	}
	switch (bsd_ar_op(pkt)) {
	case BSD_ARPOP_REQUEST:
		st->as_rcvrequest++;
		break;
	case BSD_ARPOP_REPLY:
		st->as_rcvreply++;
		break;
	}
	in_arpinput(k, ifp, pkt);
}

/* Free an entry: invalidate it if still referenced, else delete it. */
static void
arptfree(struct bsd_kernel *k, struct bsd_llinfo_arp *la)
{
	struct bsd_rtentry *rt = la->la_rt;

	if (rt->rt_refcnt > 0) {
		rt->rt_gw.sdl.sdl_alen = 0;
		la->la_asked = 0;
		rt->rt_flags &= ~BSD_RTF_REJECT;
		return;
	}
	bsd_rtdelete(k, rt);
}

/* Every arpt_prune seconds: refresh entries in use, free expired ones. */
static void
arptimer(struct bsd_kernel *k, void *arg)
{
	const struct bsd_tunables *tun = &k->k_pers.p_tun;
	struct bsd_llinfo_arp *la;
	struct bsd_rtentry *rt, *next;
	int64_t now = bsd_time_second(k);

	(void)arg;
	bsd_callout_reset(k, &k->k_arp.ar_timer,
	    (int64_t)tun->arpt_prune * BSD_NSEC_PER_SEC, arptimer, NULL);
	/* Newest first, as NetBSD's LIST_INSERT_HEAD list had them. */
	BSD_TAILQ_FOREACH_REVERSE_SAFE(rt, &k->k_kindq[BSD_RTK_ARP],
	    bsd_rtkindq, rt_kindq, next) {
		la = rt->rt_llinfo;
		if (!(rt->rt_kflags & BSD_RTK_F_ARP) ||
		    rt->rt_rmx.rmx_expire == 0)
			continue;
		/*
		 * NetBSD 1.106: an entry used within arpt_keep with less than
		 * arpt_refresh left (expired or not) is asked for again and
		 * not freed.  FreeBSD 4 (1.64.2.x) has no refresh: it frees.
		 */
		if (k->k_pers.p_arp_refresh &&
		    rt->rt_rmx.rmx_expire - now < tun->arpt_refresh &&
		    rt->rt_rmx.rmx_pksent > now - tun->arpt_keep)
			bsd_arprequest(k, rt->rt_ifp,
			    arp_srcaddr(rt->rt_ifp, rt), rt->rt_dst.sin_addr,
			    BSD_LLADDR(rt->rt_ifp->if_sadl));
		else if (rt->rt_rmx.rmx_expire <= now)
			arptfree(k, la);
	}
}

int
bsd_arp_set(struct bsd_kernel *k, uint32_t ip, const uint8_t *ll,
    unsigned alen, int flags)
{
	struct bsd_sockaddr_in dst;
	struct bsd_sockaddr_dl sdl;
	struct bsd_ifaddr *ifa;
	struct bsd_rtentry *rt = NULL;
	int error;

	bsd_sin_init(&dst, ip);
	if ((ifa = bsd_ifa_ifwithnet(k, (struct bsd_sockaddr *)&dst)) == NULL)
		return ENETUNREACH;
	if (alen != ifa->ifa_ifp->if_addrlen)
		return EINVAL;
	/*
	 * A published entry is a route too: NetBSD's arp -s ... pub adds
	 * it through the routing socket with RTF_ANNOUNCE, so netstat shows
	 * it, it costs routing memory, and arp_rtrequest announces it with
	 * a gratuitous request from the published address.  NetBSD keys it
	 * by a sockaddr_inarp (SIN_PROXY) or a /32 mask; bsdnet's table has
	 * one /32 per address, and RTF_ANNOUNCE marks it published.
	 */
	bsd_sdl_init(&sdl, ifa->ifa_ifp->if_index, ifa->ifa_ifp->if_type, ll,
	    alen);
	error = bsd_rtrequest(k, BSD_RTM_ADD, (struct bsd_sockaddr *)&dst,
	    (struct bsd_sockaddr *)&sdl, NULL,
	    BSD_RTF_HOST | BSD_RTF_STATIC | BSD_RTF_LLINFO |
	    ((flags & BSD_ATF_PUBL) ? BSD_RTF_ANNOUNCE : 0), &rt);
	if (error != 0)
		return error;
	rt->rt_rmx.rmx_expire = (flags & BSD_ATF_PERM) ? 0 :
	    bsd_time_second(k) + k->k_pers.p_tun.arpt_keep;
	bsd_rtfree(k, rt);
	return 0;
}

int
bsd_arp_delete(struct bsd_kernel *k, uint32_t ip)
{
	struct bsd_rtentry *rt = bsd_rtlookup(k, ip, 32);

	if (rt == NULL || !(rt->rt_flags & BSD_RTF_LLINFO))
		return ESRCH;
	return bsd_rtdeletemsg(k, rt);
}

int
bsd_arp_xresolve(struct bsd_kernel *k, uint32_t ip, const uint8_t *ll,
    unsigned alen)
{
	struct bsd_rtentry *rt = bsd_rtlookup(k, ip, 32);
	struct bsd_rt_msg req;

	if (rt == NULL || !(rt->rt_flags & BSD_RTF_LLINFO) ||
	    alen != rt->rt_ifp->if_addrlen)
		return ESRCH;
	/* What the daemon writes: RTM_CHANGE dst with an AF_LINK gateway. */
	memset(&req, 0, sizeof(req));
	req.rtm_type = BSD_RTM_CHANGE;
	req.rtm_flags = BSD_RTF_HOST;
	bsd_sin_init(&req.rtm_sa[BSD_RTAX_DST].sin, ip);
	bsd_sdl_init(&req.rtm_sa[BSD_RTAX_GATEWAY].sdl, rt->rt_ifp->if_index,
	    rt->rt_ifp->if_type, ll, alen);
	req.rtm_addrs = BSD_RTA(BSD_RTAX_DST) | BSD_RTA(BSD_RTAX_GATEWAY);
	return bsd_rtsock_request(k, &req);
}

void
bsd_arp_ifinit(struct bsd_kernel *k, struct bsd_ifnet *ifp,
    struct bsd_ifaddr *ifa)
{
	uint32_t ip = ifa->ifa_addru.sin.sin_addr;

	/* A gratuitous request: who has my address?  Nobody, I hope. */
	if (ip != 0 && ifp->if_media != NULL)
		bsd_arprequest(k, ifp, ip, ip, BSD_LLADDR(ifp->if_sadl));
}

void
bsd_arp_init(struct bsd_kernel *k)
{

	bsd_pool_init(&k->k_arp.ar_pool, sizeof(struct bsd_llinfo_arp));
}

void
bsd_arp_destroy(struct bsd_kernel *k)
{
	struct bsd_llinfo_arp *la;
	struct bsd_rtentry *rt;

	BSD_TAILQ_FOREACH(rt, &k->k_kindq[BSD_RTK_ARP], rt_kindq)
		if ((rt->rt_kflags & BSD_RTK_F_ARP) &&
		    (la = rt->rt_llinfo) != NULL)
			bsd_m_freem(k, la->la_hold);
	bsd_pool_destroy(&k->k_arp.ar_pool);
}
