/*
 * Host routes made by ICMP: redirects and path-MTU discovery
 * (NetBSD netinet/ip_icmp.c 1.147), with KAME's watermarks
 * (netinet6/icmp6.c) available on both, off by default as in IPv4.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <errno.h>
#include <string.h>

#include "bsd_kernel.h"

/* RFC 1191 plateaus, as ip_icmp.c's mtu_table. */
static const uint32_t mtu_plateaus[] = {
	65535, 65280, 32000, 17914, 9180, 8166, 4352, 2002, 1492, 1006, 508,
	296, 68, 0
};

#define IP_MINMTU	296	/* below this a report is not believed */

/*
 * Who has a redirect rt_timer queue: NetBSD (ip_icmp.c 1.147), and
 * BSD/OS, assumed: issue 14's audit reports an icmp_redirtimeout of its
 * own in KAME and NRL code for BSD/OS, which we did not read (the
 * rt_timer API is BSDI's).  FreeBSD 4 ages no redirect route.
 */
static int
redirq_aging(const struct bsd_kernel *k)
{

	return k->k_pers.p_aging == BSD_AGE_RTTIMER ||
	    k->k_pers.p_aging == BSD_AGE_IDLE;
}

static void
icmp_redirect_timeout(struct bsd_kernel *k, struct bsd_rtentry *rt,
    struct bsd_rttimer *r)
{

	(void)r;
	/* Only routes the redirect created go; modified ones stay. */
	if ((rt->rt_flags & (BSD_RTF_DYNAMIC | BSD_RTF_HOST)) ==
	    (BSD_RTF_DYNAMIC | BSD_RTF_HOST))
		bsd_rtdelete(k, rt);
}

static void
icmp_mtudisc_timeout(struct bsd_kernel *k, struct bsd_rtentry *rt,
    struct bsd_rttimer *r)
{

	(void)r;
	if ((rt->rt_flags & (BSD_RTF_DYNAMIC | BSD_RTF_HOST)) ==
	    (BSD_RTF_DYNAMIC | BSD_RTF_HOST))
		bsd_rtdelete(k, rt);
	else if ((rt->rt_rmx.rmx_locks & BSD_RTV_MTU) == 0)
		rt->rt_rmx.rmx_mtu = 0;
}

/*
 * May one more route of kind be installed?  KAME's rule: past hiwat,
 * no; an unvalidated report, past lowat, no.  Its lowat branch for
 * validated reports ("XXX nuke a victim") was empty; BSD_WM_EVICT fills
 * it: at hiwat the oldest routes of the kind go until lowat remain.
 */
static int
wm_admit(struct bsd_kernel *k, enum bsd_rtkind kind, int32_t hiwat,
    int32_t lowat, int validated)
{
	uint64_t count = bsd_rt_count(k, kind);
	struct bsd_rtentry *victim;
	uint64_t keep;

	if (!validated && lowat >= 0 && count > (uint64_t)lowat)
		return 0;
	if (hiwat < 0)
		return 1;
	if (k->k_pers.p_tun.wm_policy != BSD_WM_EVICT)
		return count <= (uint64_t)hiwat;
	if (count < (uint64_t)hiwat)
		return 1;
	keep = lowat >= 0 && lowat < hiwat ? (uint64_t)lowat : 0;
	while (bsd_rt_count(k, kind) > keep &&
	    (victim = bsd_rt_oldest(k, kind)) != NULL) {
		k->k_rtdyn.rd_evicted++;
		(void)bsd_rtdeletemsg(k, victim);
	}
	return 1;
}

int
bsd_icmp_redirect(struct bsd_kernel *k, uint32_t dst, uint32_t gw,
    uint32_t src)
{
	const struct bsd_tunables *tun = &k->k_pers.p_tun;
	struct bsd_rtdyn_state *rd = &k->k_rtdyn;
	struct bsd_sockaddr_in sdst, sgw, ssrc;
	struct bsd_rtentry *rt = NULL;
	int error, terr;

	if (!tun->rediraccept) {
		rd->rd_redir_ignored++;
		return 0;
	}
	if (!wm_admit(k, BSD_RTK_REDIRECT, tun->redirect_hiwat,
	    tun->redirect_lowat, 1)) {
		rd->rd_redir_wmdrop++;
		return ENOBUFS;
	}
	bsd_sin_init(&sdst, dst);
	bsd_sin_init(&sgw, gw);
	bsd_sin_init(&ssrc, src);
	/* icmp_input: network redirects are treated as host redirects. */
	error = bsd_rtredirect(k, (struct bsd_sockaddr *)&sdst,
	    (struct bsd_sockaddr *)&sgw, NULL,
	    BSD_RTF_GATEWAY | BSD_RTF_HOST, (struct bsd_sockaddr *)&ssrc, &rt);
	if (rt == NULL)
		return error;
	/*
	 * As NetBSD's icmp_input: a route whose timer cannot be had (no
	 * memory) stays, on no queue, and the failure is only logged.
	 */
	if (rd->rd_redirq != NULL &&
	    (terr = bsd_rt_timer_add(k, rt, icmp_redirect_timeout,
	    rd->rd_redirq)) != 0) {
		const uint8_t *a = (const uint8_t *)&dst;

		bsd_log(k, BSD_LOG_ERR, "ICMP:  redirect failed to register "
		    "timeout for route to %u.%u.%u.%u, code %d",
		    a[0], a[1], a[2], a[3], terr);
	}
	bsd_rtfree(k, rt);
	return error;
}

/*
 * FreeBSD's ip_next_mtu(mtu, 1): the plateau below mtu (ip_icmp.c; its
 * table is NetBSD's without 65280 and 9180).
 */
static uint32_t
ip_next_mtu_down(uint32_t mtu)
{
	static const uint32_t tab[] = {
		65535, 32000, 17914, 8166, 4352, 2002, 1492, 1006, 508, 296,
		68, 0
	};
	size_t i;

	for (i = 0; tab[i] != 0; i++)
		if (mtu >= tab[i])
			break;
	if (tab[i] == 0)
		return 0;
	return mtu > tab[i] ? tab[i] : tab[i + 1];
}

/*
 * FreeBSD 4 icmp_input, PRC_MSGSIZE (ip_icmp.c, RELENG_4; the block is
 * unchanged since 1.22): rtalloc1(dst, 0, RTF_CLONING|RTF_PRCLONING)
 * never clones, and only a host route that exists already (a clone
 * made by in_pcbconnect, an ARP entry) has its MTU lowered.  Seed 004
 * (5) says BSD/OS validates need-frag the same way, by the clone.
 */
static int
mtudisc_update_host(struct bsd_kernel *k, const struct bsd_sockaddr_in *dst,
    uint32_t mtu)
{
	struct bsd_rtentry *rt;
	uint32_t cur;

	rt = bsd_rtalloc1(k, (const struct bsd_sockaddr *)dst, 0, 0);
	if (rt == NULL)
		return EHOSTUNREACH;
	if ((rt->rt_flags & BSD_RTF_HOST) == 0) {
		k->k_rtdyn.rd_mtudisc_nohost++;
		bsd_rtfree(k, rt);
		return 0;
	}
	/*
	 * FreeBSD's in_addroute gave every route the interface's MTU; a
	 * route without one (BSD/OS, as assumed) counts as having it.
	 */
	cur = rt->rt_rmx.rmx_mtu;
	if (cur == 0 && rt->rt_ifp != NULL)
		cur = rt->rt_ifp->if_mtu;
	if ((rt->rt_rmx.rmx_locks & BSD_RTV_MTU) == 0) {
		if (mtu == 0)
			mtu = ip_next_mtu_down(cur);
		if (mtu < IP_MINMTU)
			rt->rt_rmx.rmx_locks |= BSD_RTV_MTU;
		else if (cur > mtu) {
			rt->rt_rmx.rmx_mtu = mtu;
			bsd_trace(k, BSD_TR_RTCHANGE, rt, 0);
		}
	}
	bsd_rtfree(k, rt);
	return 0;
}

int
bsd_icmp_mtudisc(struct bsd_kernel *k, uint32_t dst, uint32_t mtu,
    uint32_t ip_len, int validated)
{
	const struct bsd_tunables *tun = &k->k_pers.p_tun;
	struct bsd_rtdyn_state *rd = &k->k_rtdyn;
	struct bsd_sockaddr_in sdst;
	struct bsd_rtentry *rt, *nrt = NULL;
	uint32_t ifmtu;
	size_t i;
	int error;

	bsd_sin_init(&sdst, dst);
	if (!k->k_pers.p_pmtuadd)
		return mtudisc_update_host(k, &sdst, mtu);
	/* NetBSD icmp_mtudisc (ip_icmp.c 1.44, 1.147): rtalloc1(dst, 1) */
	rt = bsd_rtalloc1(k, (struct bsd_sockaddr *)&sdst, 1, 0);
	if (rt == NULL)
		return EHOSTUNREACH;
	if ((rt->rt_flags & BSD_RTF_HOST) == 0) {
		struct bsd_rt_addrinfo info;

		if (!wm_admit(k, BSD_RTK_PMTU, tun->mtudisc_hiwat,
		    tun->mtudisc_lowat, validated)) {
			rd->rd_mtudisc_wmdrop++;
			bsd_rtfree(k, rt);
			return ENOBUFS;
		}
		/* A new dynamic host route through the same gateway. */
		memset(&info, 0, sizeof(info));
		info.rti_info[BSD_RTAX_DST] = (struct bsd_sockaddr *)&sdst;
		info.rti_info[BSD_RTAX_GATEWAY] = bsd_rt_gateway(rt);
		info.rti_flags = BSD_RTF_GATEWAY | BSD_RTF_HOST |
		    BSD_RTF_DYNAMIC;
		info.rti_ifa = rt->rt_ifa;
		info.rti_kind = BSD_RTK_PMTU;
		error = bsd_rtrequest1(k, BSD_RTM_ADD, &info, &nrt);
		if (error != 0) {
			bsd_rtfree(k, rt);
			return error;
		}
		/* "nrt->rt_rmx = rt->rt_rmx": the parent's metrics. */
		nrt->rt_rmx = rt->rt_rmx;
		bsd_rtfree(k, rt);
		rt = nrt;
	}
	/*
	 * Every report (re)arms the route's mtudisc timer, a new route or
	 * one that was there (an ARP entry, a clone): repeated reports keep
	 * it, and a lowered MTU on a lasting route is forgotten after the
	 * timeout.  No timer, no update ("if (error) { rtfree; return; }").
	 */
	if (rd->rd_mtudiscq != NULL) {
		if (bsd_rt_timer_add(k, rt, icmp_mtudisc_timeout,
		    rd->rd_mtudiscq) != 0) {
			bsd_rtfree(k, rt);
			return ENOBUFS;
		}
	} else if ((rt->rt_flags & (BSD_RTF_DYNAMIC | BSD_RTF_HOST)) ==
	    (BSD_RTF_DYNAMIC | BSD_RTF_HOST) && rt->rt_kind == BSD_RTK_PMTU &&
	    k->k_pers.p_aging == BSD_AGE_IDLE && k->k_idleq != NULL &&
	    (rt->rt_kflags & BSD_RTK_F_IDLETIMER) == 0 &&
	    bsd_rt_timer_add(k, rt, NULL, k->k_idleq) == 0)
		/* pmtuadd set on BSD/OS: its inactivity timer ages it. */
		rt->rt_kflags |= BSD_RTK_F_IDLETIMER;
	ifmtu = rt->rt_ifp != NULL ? rt->rt_ifp->if_mtu : 0;
	if (mtu == 0) {
		/*
		 * An old router: the next plateau below the quoted ip_len,
		 * or below the route's (or interface's) MTU if none.
		 */
		mtu = ip_len;
		if (mtu == 0)
			mtu = rt->rt_rmx.rmx_mtu != 0 ? rt->rt_rmx.rmx_mtu :
			    ifmtu;
		for (i = 0; mtu_plateaus[i] != 0; i++)
			if (mtu_plateaus[i] < mtu)
				break;
		mtu = mtu_plateaus[i];
	}
	/*
	 * NetBSD's icmp_mtudisc: an implausible MTU (below 296, or above
	 * the interface's) locks RTV_MTU, so that path-MTU discovery stops
	 * for the route ("a serious problem with PMTU on a route").
	 */
	if ((rt->rt_rmx.rmx_locks & BSD_RTV_MTU) == 0) {
		if (mtu < IP_MINMTU || (ifmtu != 0 && mtu > ifmtu))
			rt->rt_rmx.rmx_locks |= BSD_RTV_MTU;
		else if (rt->rt_rmx.rmx_mtu == 0 || mtu < rt->rt_rmx.rmx_mtu) {
			rt->rt_rmx.rmx_mtu = mtu;
			bsd_trace(k, BSD_TR_RTCHANGE, rt, 0);
		}
	}
	bsd_rtfree(k, rt);
	return 0;
}

int
bsd_rtdyn_set_redirtimeout(struct bsd_kernel *k, int32_t secs)
{
	struct bsd_rtdyn_state *rd = &k->k_rtdyn;

	if (secs < 0)
		return EINVAL;
	k->k_pers.p_tun.redirtimeout = secs;
	if (!redirq_aging(k))
		return 0;
	if (secs == 0) {
		/* sysctl: 0 destroys the queue, running its callouts. */
		if (rd->rd_redirq != NULL) {
			bsd_rt_timer_queue_destroy(k, rd->rd_redirq, 1);
			rd->rd_redirq = NULL;
		}
	} else if (rd->rd_redirq != NULL)
		bsd_rt_timer_queue_change(k, rd->rd_redirq, secs);
	else
		rd->rd_redirq = bsd_rt_timer_queue_create(k, secs, "redirect");
	return 0;
}

int
bsd_rtdyn_set_mtudisc_timeout(struct bsd_kernel *k, int32_t secs)
{
	struct bsd_rtdyn_state *rd = &k->k_rtdyn;

	if (secs < 0)
		return EINVAL;
	k->k_pers.p_tun.mtudisc_timeout = secs;
	if (rd->rd_mtudiscq != NULL)
		bsd_rt_timer_queue_change(k, rd->rd_mtudiscq, secs);
	return 0;
}

void
bsd_rtdyn_init(struct bsd_kernel *k)
{
	const struct bsd_tunables *tun = &k->k_pers.p_tun;
	struct bsd_rtdyn_state *rd = &k->k_rtdyn;

	memset(rd, 0, sizeof(*rd));
	if (redirq_aging(k) && tun->redirtimeout > 0)
		rd->rd_redirq = bsd_rt_timer_queue_create(k,
		    tun->redirtimeout, "redirect");
	/* Only NetBSD's rt_timer aging has a path-MTU queue. */
	if (k->k_pers.p_aging != BSD_AGE_RTTIMER)
		return;
	rd->rd_mtudiscq = bsd_rt_timer_queue_create(k, tun->mtudisc_timeout,
	    "mtudisc");
}

void
bsd_rtdyn_destroy(struct bsd_kernel *k)
{

	/* The queues go with bsd_rt_timer_destroy(). */
	memset(&k->k_rtdyn, 0, sizeof(k->k_rtdyn));
}
