/*
 * The routing table (net/route.c): adding, deleting and cloning entries,
 * lookups, redirects.  Follows NetBSD route.c 1.88.2.1; where the
 * personality says so, the BSD/OS and FreeBSD variants of seed 004.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "bsd_kernel.h"

static int	rt_addentry(struct bsd_kernel *, int,
		    struct bsd_rt_addrinfo *, struct bsd_rtentry *,
		    struct bsd_rtentry **);
static void	rt_flushclone(struct bsd_kernel *, struct bsd_rtentry *);
static void	rt_orphan(struct bsd_rtentry *, struct bsd_rtentry *);
static int	rt_delete(struct bsd_kernel *, struct bsd_rtentry *,
		    const struct bsd_rt_addrinfo *);

static const char *const rtkind_names[BSD_RTK_NKINDS] = {
	"iface", "static", "cloned", "arp", "redirect", "pmtu"
};

const char *
bsd_rtkind_name(enum bsd_rtkind kind)
{

	return (unsigned)kind < BSD_RTK_NKINDS ? rtkind_names[kind] : "?";
}

static const uint8_t *
sin_key(const struct bsd_sockaddr *sa)
{

	return (const uint8_t *)&((const struct bsd_sockaddr_in *)sa)->sin_addr;
}

/* The kind rt counts as: link info wins, else what created it. */
static enum bsd_rtkind
rt_kindof(const struct bsd_rtentry *rt)
{

	if (rt->rt_flags & BSD_RTF_LLINFO)
		return BSD_RTK_ARP;
	return (enum bsd_rtkind)rt->rt_origin;
}

static void
rt_kind_enter(struct bsd_kernel *k, struct bsd_rtentry *rt)
{

	k->k_rtkinds[rt->rt_kind]++;
	BSD_TAILQ_INSERT_TAIL(&k->k_kindq[rt->rt_kind], rt, rt_kindq);
}

static void
rt_kind_leave(struct bsd_kernel *k, struct bsd_rtentry *rt)
{

	k->k_rtkinds[rt->rt_kind]--;
	BSD_TAILQ_REMOVE(&k->k_kindq[rt->rt_kind], rt, rt_kindq);
}

static void
rt_rekind(struct bsd_kernel *k, struct bsd_rtentry *rt)
{
	enum bsd_rtkind nk = rt_kindof(rt);

	if (nk == rt->rt_kind)
		return;
	rt_kind_leave(k, rt);
	rt->rt_kind = (uint8_t)nk;
	rt_kind_enter(k, rt);
}

uint64_t
bsd_rt_count(const struct bsd_kernel *k, enum bsd_rtkind kind)
{

	return (unsigned)kind < BSD_RTK_NKINDS ? k->k_rtkinds[kind] : 0;
}

struct bsd_rtentry *
bsd_rt_oldest(struct bsd_kernel *k, enum bsd_rtkind kind)
{

	return (unsigned)kind < BSD_RTK_NKINDS ?
	    BSD_TAILQ_FIRST(&k->k_kindq[kind]) : NULL;
}

uint64_t
bsd_rt_total(const struct bsd_kernel *k)
{

	return k->k_rtable.rnh_count;
}

/*
 * The personality's clone bit: 4.4BSD and NetBSD 1.5 do not mark clones
 * (seed 004 (1)); then the table cannot tell a clone from a manual host
 * route, and neither can (2) and (3).
 */
static inline uint32_t
rt_clonemark(const struct bsd_kernel *k)
{

	return k->k_pers.p_clonemark;
}

static inline int
rt_isclone(const struct bsd_kernel *k, const struct bsd_rtentry *rt)
{

	return rt_clonemark(k) != 0 && (rt->rt_flags & rt_clonemark(k)) != 0;
}

/* Bits that make a parent clone on lookup under this personality. */
static inline uint32_t
rt_cloneflags(const struct bsd_kernel *k)
{

	return BSD_RTF_CLONING |
	    (k->k_pers.p_prcloning ? BSD_RTF_PRCLONING : 0);
}

static void
rt_free(struct bsd_kernel *k, struct bsd_rtentry *rt)
{

	bsd_rt_timer_remove_all(k, rt, 0);
	if (rt->rt_ifa != NULL)
		bsd_ifafree(k, rt->rt_ifa);
	bsd_mem_uncharge(&k->k_mem, BSD_M_RTABLE,
	    BSD_MEMCOST_RTENTRY + BSD_MEMCOST_RTKEYGW);
	bsd_pool_put(&k->k_rtpool, rt);
}

void
bsd_rtfree(struct bsd_kernel *k, struct bsd_rtentry *rt)
{

	if (rt == NULL)
		return;
	rt->rt_refcnt--;
	if (rt->rt_refcnt <= 0) {
		if ((rt->rt_flags & BSD_RTF_UP) == 0) {
			rt_free(k, rt);
			return;
		}
		/* FreeBSD's rnh_close: the route is idle from now on. */
		if (k->k_pers.p_aging == BSD_AGE_INRMX)
			bsd_in_clsroute(k, rt);
	}
}

struct bsd_rtentry *
bsd_rtlookup(struct bsd_kernel *k, uint32_t dst, unsigned plen)
{

	return bsd_rn_lookup(&k->k_rtable, (const uint8_t *)&dst, plen);
}

/* The hit path every lookup shares: reference, and note the use. */
static inline struct bsd_rtentry *
rt_hold(struct bsd_kernel *k, struct bsd_rtentry *rt)
{

	rt->rt_refcnt++;
	if (rt->rt_flags & BSD_RTPRF_OURS)
		bsd_in_matroute(k, rt);
	return rt;
}

/*
 * rtalloc1() with the cloning decision made by the caller: clone when
 * (flags of the match & clonebits) != 0.
 */
static struct bsd_rtentry *
rtalloc_clone(struct bsd_kernel *k, const struct bsd_sockaddr *dst,
    int report, uint32_t clonebits, int kind)
{
	struct bsd_rtentry *rt, *newrt;
	struct bsd_rt_addrinfo info;
	int error;

	rt = bsd_rn_match(&k->k_rtable, sin_key(dst));
	if (rt == NULL) {
		k->k_rtstat.rts_unreach++;
		if (report) {
			memset(&info, 0, sizeof(info));
			info.rti_info[BSD_RTAX_DST] = dst;
			info.rti_addrs = BSD_RTA(BSD_RTAX_DST);
			bsd_rt_missmsg(k, BSD_RTM_MISS, &info, 0, 0);
		}
		return NULL;
	}
	if (rt->rt_plen == 0)
		k->k_rtstat.rts_wildcard++;
	if (!report || (rt->rt_flags & clonebits) == 0 ||
	    (rt->rt_flags & BSD_RTF_HOST))
		return rt_hold(k, rt);

	memset(&info, 0, sizeof(info));
	info.rti_info[BSD_RTAX_DST] = dst;
	info.rti_addrs = BSD_RTA(BSD_RTAX_DST);
	info.rti_kind = kind;
	error = rt_addentry(k, BSD_RTM_RESOLVE, &info, rt, &newrt);
	if (error != 0) {
		/* As 4.4BSD: fall back on the parent and say why. */
		k->k_rtstat.rts_clonefail++;
		bsd_rt_missmsg(k, BSD_RTM_MISS, &info, 0, error);
		return rt_hold(k, rt);
	}
	if (newrt->rt_flags & BSD_RTF_XRESOLVE) {
		/*
		 * A user-level resolver is to fill in the link address:
		 * 4.4BSD rtalloc1's "rt_missmsg(msgtype, &info, 0, err)"
		 * with only RTAX_DST in info, flags 0.
		 */
		bsd_rt_missmsg(k, BSD_RTM_RESOLVE, &info, 0, 0);
	} else
		bsd_rt_msg_route(k, BSD_RTM_ADD, newrt, 0);
	return newrt;
}

struct bsd_rtentry *
bsd_rtalloc1(struct bsd_kernel *k, const struct bsd_sockaddr *dst, int report,
    uint32_t ignflags)
{

	return rtalloc_clone(k, dst, report, rt_cloneflags(k) & ~ignflags, -1);
}

struct bsd_rtentry *
bsd_rtcalloc(struct bsd_kernel *k, const struct bsd_sockaddr *dst)
{

	/* Only BSD/OS had the call; elsewhere it is plain rtalloc(). */
	if (k->k_pers.p_cloneapi != BSD_CAPI_RTCALLOC)
		return bsd_rtalloc1(k, dst, 1, 0);
	return rtalloc_clone(k, dst, 1, ~(uint32_t)0, BSD_RTK_CLONED);
}

struct bsd_rtentry *
bsd_rtalloc_local(struct bsd_kernel *k, const struct bsd_sockaddr *dst)
{

	/*
	 * Seed 004 (5): BSD/OS and FreeBSD clone a host route for every
	 * connected destination, NetBSD does not.  FreeBSD does it through
	 * RTF_PRCLONING on every net route, BSD/OS through rtcalloc().
	 */
	if (!k->k_pers.p_pcbclone)
		return bsd_rtalloc1(k, dst, 1, 0);
	if (k->k_pers.p_prcloning)
		return rtalloc_clone(k, dst, 1, rt_cloneflags(k),
		    BSD_RTK_CLONED);
	return rtalloc_clone(k, dst, 1, ~(uint32_t)0, BSD_RTK_CLONED);
}

struct bsd_rtentry *
bsd_rtalloc_forward(struct bsd_kernel *k, const struct bsd_sockaddr *dst)
{

	/* FreeBSD ip_forward: rtalloc_ign(&ro, RTF_PRCLONING). */
	return bsd_rtalloc1(k, dst, 1, BSD_RTF_PRCLONING);
}

void
bsd_rt_used(struct bsd_kernel *k, struct bsd_rtentry *rt)
{

	rt->rt_use++;
	rt->rt_rmx.rmx_pksent = bsd_time_second(k);
	/* BSD/OS: inactivity means no use; a use moves it to the tail. */
	if (rt->rt_kflags & BSD_RTK_F_IDLETIMER)
		(void)bsd_rt_timer_add(k, rt, NULL, k->k_idleq);
}

int
bsd_rt_setgate(struct bsd_kernel *k, struct bsd_rtentry *rt,
    const struct bsd_sockaddr *gate)
{
	union bsd_sockunion su;
	int error;

	if ((error = bsd_sa_copy(&su, gate)) != 0)
		return error;
	rt->rt_gw = su;
	if (rt->rt_gwroute != NULL) {
		bsd_rtfree(k, rt->rt_gwroute);
		rt->rt_gwroute = NULL;
	}
	return 0;
}

struct bsd_rtentry *
bsd_rt_gwroute(struct bsd_kernel *k, struct bsd_rtentry *rt)
{
	struct bsd_rtentry *gw = rt->rt_gwroute;

	if ((rt->rt_flags & BSD_RTF_GATEWAY) == 0)
		return rt;
	if (gw != NULL && (gw->rt_flags & BSD_RTF_UP) == 0) {
		bsd_rtfree(k, gw);
		rt->rt_gwroute = gw = NULL;
	}
	if (gw == NULL && rt->rt_gw.sa.sa_family == BSD_AF_INET) {
		/* ether_output: the gateway's own (ARP) route, cloned now. */
		gw = bsd_rtalloc1(k, bsd_rt_gateway(rt), 1, 0);
		if (gw == rt) {
			/* A route through itself: no way out. */
			bsd_rtfree(k, gw);
			return NULL;
		}
		rt->rt_gwroute = gw;
	}
	return gw;
}

void
bsd_rt_setllinfo(struct bsd_kernel *k, struct bsd_rtentry *rt, void *la)
{

	rt->rt_llinfo = la;
	if (la != NULL)
		rt->rt_flags |= BSD_RTF_LLINFO;
	else
		rt->rt_flags &= ~BSD_RTF_LLINFO;
	if (rt->rt_flags & BSD_RTF_UP)
		rt_rekind(k, rt);
}

/* May a manual add replace existing entry old (seed 004 (3))? */
static int
rt_overwritable(const struct bsd_kernel *k, const struct bsd_rtentry *old)
{

	switch (k->k_pers.p_overwrite) {
	case BSD_OVW_CLONED:
		return rt_isclone(k, old);
	case BSD_OVW_CLONED_DYNAMIC:
		return rt_isclone(k, old) || (old->rt_flags & BSD_RTF_DYNAMIC);
	case BSD_OVW_LLINFO:
		/*
		 * FreeBSD 4 rtrequest RTM_ADD: "rt2 = rtalloc1(dst, 0,
		 * RTF_PRCLONING); if (rt2 && rt2->rt_parent)" delete it and
		 * retry: any clone, protocol clones included; and in_addroute
		 * deletes an ARP entry in the way of a host route.
		 */
		return old->rt_parent != NULL ||
		    ((old->rt_flags & (BSD_RTF_LLINFO | BSD_RTF_HOST)) ==
		    (BSD_RTF_LLINFO | BSD_RTF_HOST) &&
		    old->rt_gw.sa.sa_family == BSD_AF_LINK);
	default:
		return 0;
	}
}

static int
rt_delete(struct bsd_kernel *k, struct bsd_rtentry *rt,
    const struct bsd_rt_addrinfo *info)
{
	struct bsd_rtentry *child, *next;

	/* Seed 004 (2): clones go with their parent, or are orphaned. */
	if (rt->rt_flags & rt_cloneflags(k)) {
		if (k->k_pers.p_flushclones)
			rt_flushclone(k, rt);
		BSD_LIST_FOREACH_SAFE(child, &rt->rt_children, rt_sibling,
		    next)
			rt_orphan(rt, child);
	}
	(void)bsd_rn_delete(&k->k_rtable, sin_key(bsd_rt_key(rt)), rt->rt_plen);
	rt_kind_leave(k, rt);
	if (rt->rt_gwroute != NULL) {
		bsd_rtfree(k, rt->rt_gwroute);
		rt->rt_gwroute = NULL;
	}
	if (rt->rt_parent != NULL) {
		BSD_LIST_REMOVE(rt, rt_sibling);
		if (rt->rt_kflags & BSD_RTK_F_TIED)
			rt->rt_parent->rt_refcnt--;
		rt->rt_parent = NULL;
	}
	rt->rt_flags &= ~BSD_RTF_UP;
	/*
	 * NetBSD leaves timers to rtfree(); a referenced corpse's timer
	 * could then delete a newer entry under the same key, so we stop
	 * them here.
	 */
	bsd_rt_timer_remove_all(k, rt, 0);
	bsd_in_rmx_forget(k, rt);
	if (rt->rt_ifa != NULL && rt->rt_ifa->ifa_rtrequest != NULL)
		rt->rt_ifa->ifa_rtrequest(k, BSD_RTM_DELETE, rt, info);
	if (rt->rt_refcnt > 0)
		k->k_rtstat.rts_trash++;
	bsd_trace(k, BSD_TR_RTDELETE, rt, 0);
	return 0;
}

static void
rt_orphan(struct bsd_rtentry *parent, struct bsd_rtentry *child)
{

	BSD_LIST_REMOVE(child, rt_sibling);
	child->rt_parent = NULL;
	if (child->rt_kflags & BSD_RTK_F_TIED) {
		child->rt_kflags &= ~BSD_RTK_F_TIED;
		parent->rt_refcnt--;
	}
}

static void
rt_flushclone(struct bsd_kernel *k, struct bsd_rtentry *parent)
{
	struct bsd_rtentry *child;

	/*
	 * NetBSD walks the whole tree for RTF_CLONED entries whose
	 * rt_parent is this one; the children list finds the same set.
	 */
	while ((child = BSD_LIST_FIRST(&parent->rt_children)) != NULL) {
		if (!rt_isclone(k, child)) {
			rt_orphan(parent, child);
			continue;
		}
		/* NetBSD rtflushclone1: rtdeletemsg(), an RTM_DELETE each. */
		if (k->k_pers.p_flushmsg)
			(void)bsd_rtdeletemsg(k, child);
		else
			bsd_rtdelete(k, child);
	}
}

/*
 * The "makeroute" path shared by RTM_ADD and RTM_RESOLVE.  For a
 * resolve, parent is the entry being cloned.
 */
static int
rt_addentry(struct bsd_kernel *k, int req, struct bsd_rt_addrinfo *info,
    struct bsd_rtentry *parent, struct bsd_rtentry **ret)
{
	const struct bsd_sockaddr *dst = info->rti_info[BSD_RTAX_DST];
	const struct bsd_sockaddr *gateway = info->rti_info[BSD_RTAX_GATEWAY];
	const struct bsd_sockaddr *netmask = info->rti_info[BSD_RTAX_NETMASK];
	struct bsd_ifaddr *ifa = info->rti_ifa;
	struct bsd_rtentry *rt, *old;
	uint32_t flags = info->rti_flags;
	int plen, genplen = -1, kind, error, retried = 0;

	if (dst == NULL || dst->sa_family != BSD_AF_INET ||
	    dst->sa_len < sizeof(struct bsd_sockaddr_in))
		return EAFNOSUPPORT;
	if (req == BSD_RTM_RESOLVE) {
		flags = parent->rt_flags & ~(BSD_RTF_CLONING |
		    BSD_RTF_PRCLONING | BSD_RTF_STATIC);
		flags |= rt_clonemark(k);
		gateway = bsd_rt_gateway(parent);
		ifa = parent->rt_ifa;
		plen = parent->rt_genplen;
		if (plen < 0) {
			plen = 32;
			flags |= BSD_RTF_HOST;
		}
		/* An ARP clone counts as ARP once the link layer attaches. */
		kind = info->rti_kind >= 0 ? info->rti_kind : BSD_RTK_CLONED;
	} else {
		if (gateway == NULL)
			return EINVAL;
		if (flags & BSD_RTF_HOST)
			plen = 32;
		else if (netmask == NULL)
			plen = 32, flags |= BSD_RTF_HOST;
		else if ((plen = bsd_mask_plen(netmask)) < 0)
			return EINVAL;	/* non-contiguous: see bsd_radix.h */
		if (plen == 32)
			flags |= BSD_RTF_HOST;
		if (info->rti_info[BSD_RTAX_GENMASK] != NULL &&
		    (genplen = bsd_mask_plen(
		    info->rti_info[BSD_RTAX_GENMASK])) < 0)
			return EINVAL;
		if (ifa == NULL &&
		    (ifa = bsd_ifa_ifwithroute(k, flags, dst, gateway)) == NULL)
			return ENETUNREACH;
		if (info->rti_kind >= 0)
			kind = info->rti_kind;
		else
			kind = flags & BSD_RTF_STATIC ? BSD_RTK_STATIC :
			    BSD_RTK_IFACE;
		/* FreeBSD in_addroute: every unicast net route protocol-clones. */
		if (k->k_pers.p_prcloning &&
		    (flags & (BSD_RTF_HOST | BSD_RTF_CLONING)) == 0)
			flags |= BSD_RTF_PRCLONING;
		if (flags & BSD_RTF_HOST)
			flags &= ~(BSD_RTF_CLONING | BSD_RTF_PRCLONING);
	}

	if ((error = bsd_mem_charge(&k->k_mem, BSD_M_RTABLE,
	    BSD_MEMCOST_RTENTRY + BSD_MEMCOST_RTKEYGW)) != 0) {
		bsd_trace(k, BSD_TR_ENOBUFS, NULL, BSD_M_RTABLE);
		return error;
	}
	if ((rt = bsd_pool_get(&k->k_rtpool)) == NULL) {
		bsd_mem_uncharge(&k->k_mem, BSD_M_RTABLE,
		    BSD_MEMCOST_RTENTRY + BSD_MEMCOST_RTKEYGW);
		return ENOBUFS;
	}
	rt->rt_flags = BSD_RTF_UP | flags;
	rt->rt_plen = (uint8_t)plen;
	rt->rt_genplen = (int8_t)genplen;
	rt->rt_origin = rt->rt_kind = (uint8_t)kind;
	BSD_LIST_INIT(&rt->rt_children);
	BSD_LIST_INIT(&rt->rt_timer);
	if ((error = bsd_sa_copy(&rt->rt_gw, gateway)) != 0) {
		bsd_mem_uncharge(&k->k_mem, BSD_M_RTABLE,
		    BSD_MEMCOST_RTENTRY + BSD_MEMCOST_RTKEYGW);
		bsd_pool_put(&k->k_rtpool, rt);
		return error;
	}
	bsd_sin_init(&rt->rt_dst, ((const struct bsd_sockaddr_in *)dst)->sin_addr);
	if (plen < 32) {
		struct bsd_sockaddr_in m;

		bsd_sin_mask(&m, (unsigned)plen);
		rt->rt_dst.sin_addr &= m.sin_addr;
	}
	bsd_ifaref(ifa);
	rt->rt_ifa = ifa;
	rt->rt_ifp = ifa->ifa_ifp;
	if (req == BSD_RTM_RESOLVE)
		rt->rt_rmx = parent->rt_rmx;	/* including rmx_expire */
	/*
	 * FreeBSD in_addroute (in_rmx.c): every route starts with the
	 * interface's MTU unless one is set or locked; icmp_input lowers
	 * it from there ("rt->rt_rmx.rmx_mtu > mtu").
	 */
	if (k->k_pers.p_prcloning && rt->rt_rmx.rmx_mtu == 0 &&
	    (rt->rt_rmx.rmx_locks & BSD_RTV_MTU) == 0 && rt->rt_ifp != NULL)
		rt->rt_rmx.rmx_mtu = rt->rt_ifp->if_mtu;

again:
	error = bsd_rn_addaddr(&k->k_rtable, sin_key(bsd_rt_key(rt)),
	    (unsigned)plen, rt);
	if (error == EEXIST && !retried && req == BSD_RTM_ADD &&
	    (old = bsd_rtlookup(k, rt->rt_dst.sin_addr, (unsigned)plen)) !=
	    NULL && rt_overwritable(k, old)) {
		/*
		 * Seed 004 (3): the manual route wins over the clone.
		 * NetBSD's rtrequest1 says so (rtdeletemsg); FreeBSD's
		 * rtrequest(RTM_DELETE) and in_addroute do it quietly.
		 */
		retried = 1;
		if (k->k_pers.p_overwrite == BSD_OVW_LLINFO)
			bsd_rtdelete(k, old);
		else
			(void)bsd_rtdeletemsg(k, old);
		goto again;
	}
	if (error != 0) {
		rt->rt_flags &= ~BSD_RTF_UP;
		rt_free(k, rt);
		return error;
	}
	rt_kind_enter(k, rt);

	if (req == BSD_RTM_RESOLVE) {
		rt->rt_parent = parent;
		BSD_LIST_INSERT_HEAD(&parent->rt_children, rt, rt_sibling);
		/* Proposal (1): a tied clone holds its parent. */
		if (k->k_pers.p_flushclones) {
			parent->rt_refcnt++;
			rt->rt_kflags |= BSD_RTK_F_TIED;
		}
		k->k_rtstat.rts_clones++;
	}
	if (ifa->ifa_rtrequest != NULL)
		ifa->ifa_rtrequest(k, req, rt, info);
	/* BSD/OS: sys/net ages every clone by inactivity. */
	if (req == BSD_RTM_RESOLVE && k->k_pers.p_aging == BSD_AGE_IDLE &&
	    k->k_idleq != NULL &&
	    bsd_rt_timer_add(k, rt, NULL, k->k_idleq) == 0)
		rt->rt_kflags |= BSD_RTK_F_IDLETIMER;
	bsd_trace(k, req == BSD_RTM_RESOLVE ? BSD_TR_RTCLONE : BSD_TR_RTADD,
	    rt, 0);
	if (ret != NULL) {
		*ret = rt;
		rt->rt_refcnt++;
	}
	return 0;
}

int
bsd_rtrequest1(struct bsd_kernel *k, int req, struct bsd_rt_addrinfo *info,
    struct bsd_rtentry **ret)
{
	const struct bsd_sockaddr *dst = info->rti_info[BSD_RTAX_DST];
	const struct bsd_sockaddr *netmask = info->rti_info[BSD_RTAX_NETMASK];
	struct bsd_rtentry *rt, *parent;
	int plen;

	switch (req) {
	case BSD_RTM_DELETE:
		if (dst == NULL || dst->sa_family != BSD_AF_INET)
			return EAFNOSUPPORT;
		plen = 32;
		if (netmask != NULL && !(info->rti_flags & BSD_RTF_HOST) &&
		    (plen = bsd_mask_plen(netmask)) < 0)
			return EINVAL;
		rt = bsd_rn_lookup(&k->k_rtable, sin_key(dst), (unsigned)plen);
		if (rt == NULL)
			return ESRCH;
		rt_delete(k, rt, info);
		if (ret != NULL) {
			/* The caller takes over our reference. */
			*ret = rt;
			rt->rt_refcnt++;
		} else if (rt->rt_refcnt <= 0) {
			rt->rt_refcnt++;
			bsd_rtfree(k, rt);
		}
		return 0;
	case BSD_RTM_RESOLVE:
		if (ret == NULL || (parent = *ret) == NULL)
			return EINVAL;
		if ((parent->rt_flags & rt_cloneflags(k)) == 0)
			return EINVAL;
		return rt_addentry(k, req, info, parent, ret);
	case BSD_RTM_ADD:
		return rt_addentry(k, req, info, NULL, ret);
	default:
		return EOPNOTSUPP;
	}
}

int
bsd_rtrequest(struct bsd_kernel *k, int req, const struct bsd_sockaddr *dst,
    const struct bsd_sockaddr *gateway, const struct bsd_sockaddr *netmask,
    uint32_t flags, struct bsd_rtentry **ret)
{
	struct bsd_rt_addrinfo info;

	memset(&info, 0, sizeof(info));
	info.rti_flags = flags;
	info.rti_info[BSD_RTAX_DST] = dst;
	info.rti_info[BSD_RTAX_GATEWAY] = gateway;
	info.rti_info[BSD_RTAX_NETMASK] = netmask;
	info.rti_kind = -1;
	return bsd_rtrequest1(k, req, &info, ret);
}

int
bsd_rtdeletemsg(struct bsd_kernel *k, struct bsd_rtentry *rt)
{
	struct bsd_sockaddr_in mask;
	int error;

	bsd_sin_mask(&mask, rt->rt_plen);
	rt->rt_refcnt++;	/* keep it to report on */
	error = bsd_rtrequest(k, BSD_RTM_DELETE, bsd_rt_key(rt), NULL,
	    (const struct bsd_sockaddr *)&mask, rt->rt_flags, NULL);
	bsd_rt_msg_route(k, BSD_RTM_DELETE, rt, error);
	bsd_rtfree(k, rt);
	return error;
}

void
bsd_rtdelete(struct bsd_kernel *k, struct bsd_rtentry *rt)
{

	if ((rt->rt_flags & BSD_RTF_UP) == 0)
		return;
	rt_delete(k, rt, NULL);
	if (rt->rt_refcnt <= 0) {
		rt->rt_refcnt++;
		bsd_rtfree(k, rt);
	}
}

void
bsd_rt_losing(struct bsd_kernel *k, struct bsd_rtentry *rt)
{

	bsd_rt_msg_route(k, BSD_RTM_LOSING, rt, 0);
	if (rt->rt_flags & BSD_RTF_DYNAMIC)
		(void)bsd_rtdeletemsg(k, rt);
}

int
bsd_rtchange(struct bsd_kernel *k, struct bsd_rtentry *rt,
    const struct bsd_sockaddr *gateway, const struct bsd_rt_metrics *rmx,
    uint32_t inits)
{
	int error;

	if (gateway != NULL && (error = bsd_rt_setgate(k, rt, gateway)) != 0)
		return error;
	if (rmx != NULL) {
		if (inits & BSD_RTV_MTU)
			rt->rt_rmx.rmx_mtu = rmx->rmx_mtu;
		if (inits & BSD_RTV_EXPIRE)
			rt->rt_rmx.rmx_expire = rmx->rmx_expire;
	}
	/* route_output: the link layer hears of the change as an add. */
	if (gateway != NULL && rt->rt_ifa != NULL &&
	    rt->rt_ifa->ifa_rtrequest != NULL)
		rt->rt_ifa->ifa_rtrequest(k, BSD_RTM_ADD, rt, NULL);
	bsd_trace(k, BSD_TR_RTCHANGE, rt, 0);
	return 0;
}

int
bsd_rtredirect(struct bsd_kernel *k, const struct bsd_sockaddr *dst,
    const struct bsd_sockaddr *gateway, const struct bsd_sockaddr *netmask,
    uint32_t flags, const struct bsd_sockaddr *src, struct bsd_rtentry **rtp)
{
	struct bsd_rtentry *rt = NULL;
	struct bsd_rt_addrinfo info;
	struct bsd_ifaddr *ifa;
	int error = 0;

	/* The new gateway must be on a network we are directly on. */
	if ((ifa = bsd_ifa_ifwithnet(k, gateway)) == NULL) {
		error = ENETUNREACH;
		goto out;
	}
	rt = bsd_rtalloc1(k, dst, 0, 0);
	/*
	 * If the redirect isn't from our current router for this dst,
	 * it's either old or wrong.  If it redirects us to ourselves,
	 * we have a routing loop, perhaps as a result of an interface
	 * going down recently.
	 */
	if (!(flags & BSD_RTF_DONE) && rt != NULL &&
	    (!bsd_sa_equal(src, bsd_rt_gateway(rt)) || rt->rt_ifa != ifa))
		error = EINVAL;
	else if (bsd_ifa_ifwithaddr(k, gateway) != NULL)
		error = EHOSTUNREACH;
	if (error != 0)
		goto done;
	if (rt == NULL || rt->rt_plen == 0)
		goto create;
	if (rt->rt_flags & BSD_RTF_GATEWAY) {
		if ((rt->rt_flags & BSD_RTF_HOST) == 0 &&
		    (flags & BSD_RTF_HOST)) {
			/* Changing from a network route to a host route. */
create:
			if (rt != NULL)
				bsd_rtfree(k, rt);
			rt = NULL;
			flags |= BSD_RTF_GATEWAY | BSD_RTF_DYNAMIC;
			memset(&info, 0, sizeof(info));
			info.rti_info[BSD_RTAX_DST] = dst;
			info.rti_info[BSD_RTAX_GATEWAY] = gateway;
			info.rti_info[BSD_RTAX_NETMASK] = netmask;
			info.rti_ifa = ifa;
			info.rti_flags = flags;
			info.rti_kind = BSD_RTK_REDIRECT;
			error = bsd_rtrequest1(k, BSD_RTM_ADD, &info, &rt);
			if (error == 0) {
				flags = rt->rt_flags;
				k->k_rtstat.rts_dynamic++;
			}
		} else {
			/* Smash the current notion of the gateway. */
			rt->rt_flags |= BSD_RTF_MODIFIED;
			flags |= BSD_RTF_MODIFIED;
			k->k_rtstat.rts_newgateway++;
			error = bsd_rt_setgate(k, rt, gateway);
			bsd_trace(k, BSD_TR_RTCHANGE, rt, 0);
		}
	} else
		error = EHOSTUNREACH;
done:
	if (rt != NULL) {
		if (rtp != NULL && error == 0)
			*rtp = rt;
		else
			bsd_rtfree(k, rt);
	}
out:
	if (error != 0)
		k->k_rtstat.rts_badredirect++;
	memset(&info, 0, sizeof(info));
	info.rti_info[BSD_RTAX_DST] = dst;
	info.rti_info[BSD_RTAX_GATEWAY] = gateway;
	info.rti_info[BSD_RTAX_NETMASK] = netmask;
	info.rti_info[BSD_RTAX_AUTHOR] = src;
	info.rti_addrs = BSD_RTA(BSD_RTAX_DST) | BSD_RTA(BSD_RTAX_GATEWAY) |
	    BSD_RTA(BSD_RTAX_AUTHOR) |
	    (netmask != NULL ? BSD_RTA(BSD_RTAX_NETMASK) : 0);
	bsd_rt_missmsg(k, BSD_RTM_REDIRECT, &info, flags, error);
	return error;
}

struct rt_walkarg {
	int	(*f)(struct bsd_rtentry *, void *);
	void	*arg;
};

static int
rt_walk1(void *leaf, void *arg)
{
	struct rt_walkarg *w = arg;

	return w->f(leaf, w->arg);
}

int
bsd_rt_walk(struct bsd_kernel *k, int (*f)(struct bsd_rtentry *, void *),
    void *arg)
{
	struct rt_walkarg w = { f, arg };

	return bsd_rn_walktree(&k->k_rtable, rt_walk1, &w);
}

void
bsd_route_init(struct bsd_kernel *k)
{

	int i;

	for (i = 0; i < BSD_RTK_NKINDS; i++)
		BSD_TAILQ_INIT(&k->k_kindq[i]);
	bsd_pool_init(&k->k_rtpool, sizeof(struct bsd_rtentry));
	bsd_rn_inithead(&k->k_rtable, 4);
	/* Host routes (clones, ARP entries) in a hash: see bsd_radix.h. */
	(void)bsd_rn_sethash(&k->k_rtable,
	    offsetof(struct bsd_rtentry, rt_dst.sin_addr),
	    offsetof(struct bsd_rtentry, rt_hnext));
	if (k->k_pers.p_aging == BSD_AGE_IDLE)
		k->k_idleq = bsd_rt_timer_queue_create(k,
		    k->k_pers.p_tun.clone_idle, "idle");
}

void
bsd_route_destroy(struct bsd_kernel *k)
{

	/* Entries live in the pool and go with it; no messages, no hooks. */
	bsd_rn_destroyhead(&k->k_rtable);
	bsd_pool_destroy(&k->k_rtpool);
}
