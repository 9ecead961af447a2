/*
 * Link-level output and input, the same for every medium.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <errno.h>
#include <string.h>

#include "bsd_kernel.h"

struct ll_emit {
	struct bsd_kernel	*k;
	struct bsd_ifnet	*ifp;
};

static void
ll_emit(void *arg, const uint8_t *frame, size_t len)
{
	struct ll_emit *e = arg;

	e->ifp->if_stat.ifs_opackets++;
	e->ifp->if_stat.ifs_obytes += len;
	if (e->k->k_hooks.h_transmit != NULL)
		e->k->k_hooks.h_transmit(e->k->k_hooks.h_ctx, e->ifp, frame,
		    len);
}

int
bsd_if_output(struct bsd_kernel *k, struct bsd_ifnet *ifp, struct bsd_mbuf *m,
    const struct bsd_sockaddr *dst, struct bsd_rtentry *rt)
{
	const struct bsd_media *md = ifp->if_media;
	struct ll_emit e = { k, ifp };
	uint8_t edst[BSD_LL_MAXADDRLEN], *ar;
	struct bsd_rtentry *rt0 = rt;
	int proto, error;

	if (md == NULL || (ifp->if_flags & BSD_IFF_UP) == 0) {
		error = ENETDOWN;
		goto bad;
	}
	switch (dst->sa_family) {
	case BSD_AF_INET:
		if (rt != NULL && (rt->rt_flags & BSD_RTF_GATEWAY)) {
			/* The gateway's own entry, held by the route. */
			if ((rt = bsd_rt_gwroute(k, rt)) == NULL) {
				error = EHOSTUNREACH;
				goto bad;
			}
		}
		if (rt != NULL && (rt->rt_flags & BSD_RTF_REJECT) &&
		    (rt->rt_rmx.rmx_expire == 0 ||
		    bsd_time_second(k) < rt->rt_rmx.rmx_expire)) {
			k->k_arp.ar_stat.as_rejected++;
			bsd_trace(k, BSD_TR_DROP, rt, BSD_DROP_ARP_REJECT);
			error = rt == rt0 ? EHOSTDOWN : EHOSTUNREACH;
			goto bad;
		}
		if ((error = bsd_arpresolve(k, ifp, rt, m, dst, edst)) != 0)
			/* held, or freed by arpresolve */
			return error == BSD_EJUSTRETURN ? 0 : error;
		proto = BSD_LLPROTO_IP;
		break;
	case BSD_AF_ARP:
		/*
		 * The paper's AF_ARP: the driver takes the addressing from
		 * the ARP packet, and fills in its own hardware type (and,
		 * for AX.25, the PID Linux puts in ar_pro).
		 */
		ar = m->m_data;
		/* The addressing comes from the packet: it must fit the medium. */
		if (m->m_len < BSD_ARPHDR_LEN || bsd_ar_hln(ar) != md->md_addrlen ||
		    m->m_len < (uint32_t)BSD_ARP_LEN(bsd_ar_hln(ar),
		    bsd_ar_pln(ar))) {
			error = EINVAL;
			goto bad;
		}
		bsd_be16enc(ar, md->md_arphrd);
		bsd_be16enc(ar + 2, md->md_arppro);
		if ((m->m_flags & BSD_M_BCAST) ||
		    bsd_ar_op(ar) == BSD_ARPOP_REQUEST)
			memcpy(edst, md->md_broadcast, md->md_addrlen);
		else
			memcpy(edst, bsd_ar_tha(ar), md->md_addrlen);
		proto = BSD_LLPROTO_ARP;
		break;
	default:
		error = EAFNOSUPPORT;
		goto bad;
	}
	if (rt0 != NULL)
		bsd_rt_used(k, rt0);
	error = md->md_output(ifp->if_mdstate, BSD_LLADDR(ifp->if_sadl), edst,
	    proto, m->m_data, m->m_len, ll_emit, &e);
	if (error != 0)
		ifp->if_stat.ifs_oerrors++;
	bsd_m_freem(k, m);
	return error;
bad:
	bsd_m_freem(k, m);
	return error;
}

void
bsd_if_input(struct bsd_kernel *k, struct bsd_ifnet *ifp, const uint8_t *frame,
    size_t len)
{
	const struct bsd_media *md = ifp->if_media;
	struct bsd_ifstat *st = &ifp->if_stat;
	struct bsd_llframe lf;
	int r;

	st->ifs_ipackets++;
	st->ifs_ibytes += len;
	if (md == NULL || (ifp->if_flags & BSD_IFF_UP) == 0)
		return;
	r = md->md_input(ifp->if_mdstate, bsd_now(k), frame, len, &lf);
	if (r != BSD_MD_OK) {
		st->ifs_mddrop[r < BSD_MD_NRESULTS ? r : BSD_MD_BADHDR]++;
		if (r == BSD_MD_UNKPROTO)
			st->ifs_noproto++;
		else if (r != BSD_MD_FRAGHELD) {
			st->ifs_ierrors++;
			bsd_trace(k, BSD_TR_DROP, NULL, BSD_DROP_LL_MALFORMED);
		}
		return;
	}
	/* Not for us and not broadcast: a promiscuous copy; not ours. */
	if (!lf.lf_bcast &&
	    memcmp(lf.lf_dst, BSD_LLADDR(ifp->if_sadl), ifp->if_addrlen) != 0)
		return;
	switch (lf.lf_proto) {
	case BSD_LLPROTO_IP:
		bsd_ip_input(k, ifp, lf.lf_payload, lf.lf_paylen,
		    lf.lf_bcast ? BSD_M_BCAST : 0);
		break;
	case BSD_LLPROTO_ARP:
		bsd_arpinput(k, ifp, lf.lf_payload, lf.lf_paylen);
		break;
	default:
		st->ifs_noproto++;
		break;
	}
}
