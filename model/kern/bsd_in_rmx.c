/*
 * FreeBSD's in_rmx.c aging of cloned routes (4.x logic, 1.37.2.x).
 *
 * FreeBSD walks the whole tree on every pass; only RTPRF_OURS entries
 * matter to the walk, so we keep those on a list and walk it instead.
 * The result is the same, without a million-entry walk per pass.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "bsd_kernel.h"

static void	in_rtqtimo(struct bsd_kernel *, void *);

static void
rmx_unlist(struct bsd_kernel *k, struct bsd_rtentry *rt)
{
	struct bsd_in_rmx_state *rq = &k->k_inrmx;

	if ((rt->rt_kflags & BSD_RTK_F_RMXQ) == 0)
		return;
	BSD_TAILQ_REMOVE(&rq->rq_list, rt, rt_rmxq);
	rt->rt_kflags &= ~BSD_RTK_F_RMXQ;
	rq->rq_ours--;
}

void
bsd_in_clsroute(struct bsd_kernel *k, struct bsd_rtentry *rt)
{
	struct bsd_in_rmx_state *rq = &k->k_inrmx;
	uint32_t mark = k->k_pers.p_clonemark;

	if ((rt->rt_flags & BSD_RTF_UP) == 0 ||
	    (rt->rt_flags & (BSD_RTF_LLINFO | BSD_RTF_HOST)) != BSD_RTF_HOST)
		return;
	/* Only clones, and only once. */
	if (mark == 0 || (rt->rt_flags & (mark | BSD_RTPRF_OURS)) != mark)
		return;
	if (rq->rq_reallyold != 0) {
		rt->rt_flags |= BSD_RTPRF_OURS;
		rt->rt_rmx.rmx_expire = bsd_time_second(k) + rq->rq_reallyold;
		BSD_TAILQ_INSERT_TAIL(&rq->rq_list, rt, rt_rmxq);
		rt->rt_kflags |= BSD_RTK_F_RMXQ;
		rq->rq_ours++;
	} else {
		/* "As requested by David Greenman": go at once. */
		bsd_rtdelete(k, rt);
	}
}

void
bsd_in_matroute(struct bsd_kernel *k, struct bsd_rtentry *rt)
{

	/* Called with the new reference taken: it was idle until now. */
	if (rt->rt_refcnt != 1)
		return;
	rt->rt_flags &= ~BSD_RTPRF_OURS;
	rt->rt_rmx.rmx_expire = 0;
	rmx_unlist(k, rt);
}

void
bsd_in_rmx_forget(struct bsd_kernel *k, struct bsd_rtentry *rt)
{

	rmx_unlist(k, rt);
}

/* in_rtqkill over the list; returns the earliest expiry left. */
static int64_t
in_rtqkill(struct bsd_kernel *k, int updating, int draining,
    uint64_t *found, uint64_t *killed)
{
	struct bsd_in_rmx_state *rq = &k->k_inrmx;
	struct bsd_rtentry *rt, *next;
	int64_t now = bsd_time_second(k);
	int64_t nextstop = now + k->k_pers.p_tun.rtq_timeout;

	BSD_TAILQ_FOREACH_SAFE(rt, &rq->rq_list, rt_rmxq, next) {
		(*found)++;
		if (draining || rt->rt_rmx.rmx_expire <= now) {
			if (rt->rt_refcnt > 0)
				continue;	/* "no route to kill" */
			(*killed)++;
			rq->rq_killed++;
			bsd_rtdelete(k, rt);
			continue;
		}
		if (updating &&
		    rt->rt_rmx.rmx_expire - now > rq->rq_reallyold)
			rt->rt_rmx.rmx_expire = now + rq->rq_reallyold;
		if (rt->rt_rmx.rmx_expire < nextstop)
			nextstop = rt->rt_rmx.rmx_expire;
	}
	return nextstop;
}

static void
in_rtqtimo(struct bsd_kernel *k, void *arg)
{
	struct bsd_in_rmx_state *rq = &k->k_inrmx;
	const struct bsd_tunables *tun = &k->k_pers.p_tun;
	uint64_t found = 0, killed = 0;
	int64_t now = bsd_time_second(k), nextstop;

	(void)arg;
	nextstop = in_rtqkill(k, 0, 0, &found, &killed);
	/*
	 * Too many survivors: the timeout is too long for this load.
	 * Cut it by a third, at most once per rtq_timeout, to the floor.
	 */
	if (found - killed > (uint64_t)tun->rtq_toomany &&
	    now - rq->rq_last_adjusted >= tun->rtq_timeout &&
	    rq->rq_reallyold > tun->rtq_minreallyold) {
		rq->rq_reallyold = 2 * rq->rq_reallyold / 3;
		if (rq->rq_reallyold < tun->rtq_minreallyold)
			rq->rq_reallyold = tun->rtq_minreallyold;
		rq->rq_last_adjusted = now;
		rq->rq_cuts++;
		bsd_log(k, BSD_LOG_DEBUG,
		    "in_rtqtimo: adjusted rtq_reallyold to %lld",
		    (long long)rq->rq_reallyold);
		found = killed = 0;
		nextstop = in_rtqkill(k, 1, 0, &found, &killed);
	}
	bsd_callout_reset(k, &rq->rq_callout,
	    (nextstop - now) * BSD_NSEC_PER_SEC, in_rtqtimo, NULL);
}

void
bsd_in_rtqdrain(struct bsd_kernel *k)
{
	uint64_t found = 0, killed = 0;

	(void)in_rtqkill(k, 0, 1, &found, &killed);
}

void
bsd_in_rmx_init(struct bsd_kernel *k)
{
	struct bsd_in_rmx_state *rq = &k->k_inrmx;

	BSD_TAILQ_INIT(&rq->rq_list);
	rq->rq_reallyold = k->k_pers.p_tun.rtq_reallyold;
	rq->rq_last_adjusted = 0;
	if (k->k_pers.p_aging != BSD_AGE_INRMX)
		return;
	/* in_inithead(): the first pass runs at once. */
	bsd_callout_reset(k, &rq->rq_callout, 0, in_rtqtimo, NULL);
}
