/*
 * IP input and forwarding (netinet/ip_input.c): header checks with
 * drops counted by reason, delivery, and ip_forward() with the redirect
 * rules a router follows (RFC 1812 5.2.7.2, as BSD coded them).
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <errno.h>
#include <string.h>

#include "bsd_kernel.h"

/* Is dst ours: one of our addresses, or a broadcast on ifp? */
static int
ip_ours(struct bsd_kernel *k, struct bsd_ifnet *ifp, uint32_t dst)
{
	struct bsd_sockaddr_in sin;

	bsd_sin_init(&sin, dst);
	return bsd_ifa_ifwithaddr(k, (struct bsd_sockaddr *)&sin) != NULL ||
	    bsd_in_broadcast(ifp, dst);
}

static void
ip_forward(struct bsd_kernel *k, struct bsd_mbuf *m)
{
	struct bsd_ip_state *is = &k->k_ip;
	struct bsd_ip ip;
	struct bsd_rtentry *rt;
	struct bsd_ifaddr *ifa;
	uint8_t orig[BSD_IP_HLEN + 60 + 8];
	size_t olen;
	uint32_t dest = 0, mask;
	int type = 0, code = 0, error;

	memcpy(&ip, m->m_data, sizeof(ip));
	olen = m->m_len < sizeof(orig) ? m->m_len : sizeof(orig);
	memcpy(orig, m->m_data, olen);
	if (ip.ip_ttl <= 1) {
		is->is_stat.ips_cantforward++;
		bsd_trace(k, BSD_TR_DROP, NULL, BSD_DROP_IP_TTL);
		bsd_icmp_error(k, orig, olen, BSD_ICMP_TIMXCEED, 0, 0, 0, 0);
		bsd_m_freem(k, m);
		return;
	}
	ip.ip_ttl--;
	memcpy(m->m_data, &ip, sizeof(ip));
	/* ip_forward's cached route; forwarded traffic never PRCLONEs. */
	if (is->is_fwdroute.ro_rt != NULL &&
	    ((is->is_fwdroute.ro_rt->rt_flags & BSD_RTF_UP) == 0 ||
	    is->is_fwdroute.ro_dst != ip.ip_dst))
		bsd_route_release(k, &is->is_fwdroute);
	if (is->is_fwdroute.ro_rt == NULL) {
		struct bsd_sockaddr_in dst;

		bsd_sin_init(&dst, ip.ip_dst);
		is->is_fwdroute.ro_rt = bsd_rtalloc_forward(k,
		    (struct bsd_sockaddr *)&dst);
		is->is_fwdroute.ro_dst = ip.ip_dst;
	}
	if ((rt = is->is_fwdroute.ro_rt) == NULL) {
		is->is_stat.ips_noroute++;
		is->is_stat.ips_cantforward++;
		bsd_icmp_error(k, orig, olen, BSD_ICMP_UNREACH,
		    BSD_ICMP_UNREACH_HOST, 0, 0, 0);
		bsd_m_freem(k, m);
		return;
	}
	/*
	 * Going back out the interface it came in on, by a route that is
	 * not itself a redirect's or the default: tell the sender of the
	 * better first hop, if the sender is on that subnet.
	 */
	ifa = rt->rt_ifa;
	if (rt->rt_ifp == m->m_rcvif && is->is_sendredirects &&
	    (rt->rt_flags & (BSD_RTF_DYNAMIC | BSD_RTF_MODIFIED)) == 0 &&
	    rt->rt_plen != 0 && ifa != NULL &&
	    ifa->ifa_addr.sa_family == BSD_AF_INET) {
		mask = ifa->ifa_netmasku.sin.sin_addr;
		if ((ip.ip_src & mask) == (ifa->ifa_addru.sin.sin_addr & mask)) {
			dest = (rt->rt_flags & BSD_RTF_GATEWAY) ?
			    rt->rt_gw.sin.sin_addr : ip.ip_dst;
			/* RFC 1812: routers send host redirects only. */
			type = BSD_ICMP_REDIRECT;
			code = BSD_ICMP_REDIRECT_HOST;
		}
	}
	error = bsd_ip_output(k, m, &is->is_fwdroute, BSD_IP_FORWARDING);
	if (error == 0) {
		is->is_stat.ips_forward++;
		if (type == 0)
			return;
		is->is_stat.ips_redirectsent++;
	} else {
		is->is_stat.ips_cantforward++;
		switch (error) {
		case EMSGSIZE:
			type = BSD_ICMP_UNREACH;
			code = BSD_ICMP_UNREACH_NEEDFRAG;
			break;
		case ENETUNREACH:
		case EHOSTUNREACH:
		case EHOSTDOWN:
		case ENETDOWN:
			type = BSD_ICMP_UNREACH;
			code = BSD_ICMP_UNREACH_HOST;
			break;
		default:
			return;
		}
	}
	bsd_icmp_error(k, orig, olen, type, code, dest,
	    rt->rt_rmx.rmx_mtu ? rt->rt_rmx.rmx_mtu :
	    (rt->rt_ifp ? rt->rt_ifp->if_mtu : 0), 0);
}

void
bsd_ip_input(struct bsd_kernel *k, struct bsd_ifnet *ifp, const uint8_t *pkt,
    size_t len, uint32_t mflags)
{
	struct bsd_ipstat *st = &k->k_ip.is_stat;
	struct bsd_mbuf *m;
	struct bsd_ip ip;
	size_t hlen, iplen;

	st->ips_total++;
	if (len < BSD_IP_HLEN) {
		st->ips_toosmall++;
		bsd_trace(k, BSD_TR_DROP, NULL, BSD_DROP_IP_HEADER);
		return;
	}
	memcpy(&ip, pkt, sizeof(ip));
	if ((ip.ip_vhl >> 4) != 4) {
		st->ips_badvers++;
		bsd_trace(k, BSD_TR_DROP, NULL, BSD_DROP_IP_HEADER);
		return;
	}
	hlen = (size_t)(ip.ip_vhl & 0xf) << 2;
	if (hlen < BSD_IP_HLEN || hlen > len) {
		st->ips_badhlen++;
		bsd_trace(k, BSD_TR_DROP, NULL, BSD_DROP_IP_HEADER);
		return;
	}
	if (bsd_in_cksum(pkt, hlen) != 0) {
		st->ips_badsum++;
		bsd_trace(k, BSD_TR_DROP, NULL, BSD_DROP_IP_CKSUM);
		return;
	}
	iplen = bsd_ntohs(ip.ip_len);
	if (iplen < hlen) {
		st->ips_badlen++;
		bsd_trace(k, BSD_TR_DROP, NULL, BSD_DROP_IP_HEADER);
		return;
	}
	if (len < iplen) {
		st->ips_tooshort++;
		bsd_trace(k, BSD_TR_DROP, NULL, BSD_DROP_IP_HEADER);
		return;
	}
	/* Options are accepted and ignored (no source routes here). */
	if ((m = bsd_m_copy(pkt, (uint32_t)iplen)) == NULL) {
		st->ips_odropped++;
		return;
	}
	m->m_rcvif = ifp;
	m->m_flags = mflags;
	if (!ip_ours(k, ifp, ip.ip_dst)) {
		if (!k->k_ip.is_forwarding || (mflags & BSD_M_BCAST)) {
			st->ips_notforus++;
			bsd_trace(k, BSD_TR_DROP, NULL, BSD_DROP_IP_NOTFORUS);
			bsd_m_freem(k, m);
			return;
		}
		ip_forward(k, m);
		return;
	}
	/* An IP broadcast is a broadcast, whatever the frame said (RFC 1122). */
	if (bsd_in_broadcast(ifp, ip.ip_dst))
		m->m_flags |= BSD_M_BCAST;
	mflags = m->m_flags;
	if (ip.ip_off & bsd_htons(BSD_IP_MF | BSD_IP_OFFMASK)) {
		st->ips_fragments++;
		if ((m = bsd_ip_reass(k, m)) == NULL)
			return;
		st->ips_reassembled++;
		memcpy(&ip, m->m_data, sizeof(ip));
		hlen = (size_t)(ip.ip_vhl & 0xf) << 2;
	}
	st->ips_delivered++;
	switch (ip.ip_p) {
	case BSD_IPPROTO_ICMP:
		bsd_icmp_input(k, m, hlen, mflags);
		break;
	case BSD_IPPROTO_UDP:
		bsd_udp_input(k, m, hlen, mflags);
		break;
	default:
		st->ips_noproto++;
		st->ips_delivered--;
		bsd_icmp_error(k, m->m_data, m->m_len, BSD_ICMP_UNREACH,
		    BSD_ICMP_UNREACH_PROTOCOL, 0, 0, mflags);
		bsd_m_freem(k, m);
		break;
	}
}

static void
ip_slowtimo(struct bsd_kernel *k, void *arg)
{

	(void)arg;
	bsd_ip_reass_timeout(k);
	/* The protocol slow timeout: twice a second (PR_SLOWHZ). */
	bsd_callout_reset(k, &k->k_ip.is_slowtimo, BSD_NSEC_PER_SEC / 2,
	    ip_slowtimo, NULL);
}

void
bsd_ip_init(struct bsd_kernel *k)
{
	struct bsd_ip_state *is = &k->k_ip;

	memset(is, 0, sizeof(*is));
	BSD_TAILQ_INIT(&is->is_ipq);
	is->is_id = 1;
	is->is_sendredirects = 1;
	is->is_defttl = 64;		/* IPDEFTTL */
	is->is_maxfragpackets = 200;
	is->is_fragttl = 30;		/* IPFRAGTTL 60 slow ticks */
	bsd_callout_reset(k, &is->is_slowtimo, BSD_NSEC_PER_SEC / 2,
	    ip_slowtimo, NULL);
}
