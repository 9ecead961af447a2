/*
 * IP output (netinet/ip_output.c): route, source address, fragment to
 * the route's MTU, hand to the interface.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <errno.h>
#include <string.h>

#include "bsd_kernel.h"

void
bsd_route_release(struct bsd_kernel *k, struct bsd_route *ro)
{

	if (ro->ro_rt != NULL) {
		bsd_rtfree(k, ro->ro_rt);
		ro->ro_rt = NULL;
	}
}

uint32_t
bsd_ip_srcaddr(struct bsd_kernel *k, uint32_t dst)
{
	struct bsd_sockaddr_in sin;
	struct bsd_rtentry *rt;
	struct bsd_ifaddr *ifa;
	uint32_t src = 0;

	bsd_sin_init(&sin, dst);
	if ((rt = bsd_rtalloc1(k, (struct bsd_sockaddr *)&sin, 0, 0)) == NULL)
		return 0;
	ifa = rt->rt_ifa;
	if (ifa == NULL || ifa->ifa_addr.sa_family != BSD_AF_INET)
		ifa = rt->rt_ifp != NULL ? bsd_ifa_inet(rt->rt_ifp) : NULL;
	if (ifa != NULL)
		src = ifa->ifa_addru.sin.sin_addr;
	bsd_rtfree(k, rt);
	return src;
}

static void
ip_setsum(struct bsd_mbuf *m)
{
	uint16_t sum;

	memset(m->m_data + 10, 0, 2);
	sum = bsd_htons(bsd_in_cksum(m->m_data,
	    (size_t)(m->m_data[0] & 0xf) << 2));
	memcpy(m->m_data + 10, &sum, 2);
}

static int
ip_send(struct bsd_kernel *k, struct bsd_ifnet *ifp, struct bsd_mbuf *m,
    const struct bsd_sockaddr *nexthop, struct bsd_rtentry *rt)
{

	ip_setsum(m);
	return bsd_if_output(k, ifp, m, nexthop, rt);
}

/* ip_fragment(): split m for mtu; each piece goes out on its own. */
static int
ip_fragment(struct bsd_kernel *k, struct bsd_ifnet *ifp, struct bsd_mbuf *m,
    const struct bsd_sockaddr *nexthop, struct bsd_rtentry *rt, uint32_t mtu)
{
	struct bsd_ipstat *st = &k->k_ip.is_stat;
	struct bsd_ip ip, fip;
	struct bsd_mbuf *f;
	uint32_t hlen, datalen, off, chunk, len;
	uint16_t ipoff;
	int error = 0;

	memcpy(&ip, m->m_data, sizeof(ip));
	hlen = (uint32_t)(ip.ip_vhl & 0xf) << 2;
	datalen = m->m_len - hlen;
	chunk = (mtu - hlen) & ~7u;
	if (chunk < 8) {
		bsd_m_freem(k, m);
		return EMSGSIZE;
	}
	ipoff = bsd_ntohs(ip.ip_off);
	for (off = 0; off < datalen; off += chunk) {
		len = datalen - off < chunk ? datalen - off : chunk;
		if ((f = bsd_m_get(hlen + len)) == NULL) {
			error = ENOBUFS;
			break;
		}
		fip = ip;
		fip.ip_len = bsd_htons(hlen + len);
		fip.ip_off = bsd_htons((ipoff & ~(BSD_IP_MF | BSD_IP_OFFMASK)) |
		    ((ipoff & BSD_IP_OFFMASK) + off / 8) |
		    (off + len < datalen || (ipoff & BSD_IP_MF) ?
		    BSD_IP_MF : 0));
		memcpy(f->m_data, &fip, sizeof(fip));
		memcpy(f->m_data + sizeof(fip), m->m_data + sizeof(fip),
		    hlen - sizeof(fip));
		memcpy(f->m_data + hlen, m->m_data + hlen + off, len);
		f->m_flags = m->m_flags;
		st->ips_ofragments++;
		error = ip_send(k, ifp, f, nexthop, rt);
		if (error != 0 && error != EWOULDBLOCK)
			break;
	}
	st->ips_fragmented++;
	bsd_m_freem(k, m);
	return error == EWOULDBLOCK ? 0 : error;
}

int
bsd_ip_output(struct bsd_kernel *k, struct bsd_mbuf *m, struct bsd_route *ro,
    int flags)
{
	struct bsd_ip_state *is = &k->k_ip;
	struct bsd_route iproute = { NULL, 0 };
	struct bsd_sockaddr_in dst, gw;
	const struct bsd_sockaddr *nexthop;
	struct bsd_rtentry *rt;
	struct bsd_ifnet *ifp;
	struct bsd_ifaddr *ifa;
	struct bsd_ip ip;
	uint32_t mtu, len;
	int error;

	if (m->m_len < BSD_IP_HLEN) {
		bsd_m_freem(k, m);
		return EINVAL;
	}
	memcpy(&ip, m->m_data, sizeof(ip));
	if ((flags & BSD_IP_FORWARDING) == 0) {
		ip.ip_vhl = 0x45;
		ip.ip_id = bsd_htons(is->is_id);
		is->is_id++;
		ip.ip_off &= bsd_htons(BSD_IP_DF);
		if (ip.ip_ttl == 0)
			ip.ip_ttl = (uint8_t)is->is_defttl;
		is->is_stat.ips_localout++;
	}
	len = bsd_ntohs(ip.ip_len);
	if (ro == NULL)
		ro = &iproute;
	/* A cached route that went down, or was for elsewhere, is let go. */
	if (ro->ro_rt != NULL && ((ro->ro_rt->rt_flags & BSD_RTF_UP) == 0 ||
	    ro->ro_dst != ip.ip_dst))
		bsd_route_release(k, ro);
	bsd_sin_init(&dst, ip.ip_dst);
	if (ro->ro_rt == NULL) {
		if (flags & BSD_IP_FORWARDING)
			rt = bsd_rtalloc_forward(k, (struct bsd_sockaddr *)&dst);
		else if (flags & BSD_IP_LOCALROUTE)
			rt = bsd_rtalloc_local(k, (struct bsd_sockaddr *)&dst);
		else
			rt = bsd_rtalloc1(k, (struct bsd_sockaddr *)&dst, 1, 0);
		ro->ro_rt = rt;
		ro->ro_dst = ip.ip_dst;
	}
	if ((rt = ro->ro_rt) == NULL || rt->rt_ifp == NULL) {
		is->is_stat.ips_noroute++;
		bsd_trace(k, BSD_TR_DROP, NULL, BSD_DROP_IP_NOROUTE);
		error = EHOSTUNREACH;
		goto bad;
	}
	if (rt->rt_flags & BSD_RTF_BLACKHOLE) {
		error = 0;
		goto bad;
	}
	ifp = rt->rt_ifp;
	if (ip.ip_src == 0) {
		ifa = rt->rt_ifa;
		if (ifa == NULL || ifa->ifa_addr.sa_family != BSD_AF_INET)
			ifa = bsd_ifa_inet(ifp);
		ip.ip_src = ifa != NULL ? ifa->ifa_addru.sin.sin_addr : 0;
	}
	memcpy(m->m_data, &ip, sizeof(ip));
	/* To ourselves: straight back in (the loopback interface's job). */
	if (bsd_ifa_ifwithaddr(k, (struct bsd_sockaddr *)&dst) != NULL) {
		ip_setsum(m);
		bsd_ip_input(k, ifp, m->m_data, m->m_len, 0);
		bsd_m_freem(k, m);
		bsd_route_release(k, &iproute);
		return 0;
	}
	if (bsd_in_broadcast(ifp, ip.ip_dst)) {
		if ((flags & BSD_IP_ALLOWBROADCAST) == 0) {
			error = EACCES;
			goto bad;
		}
		m->m_flags |= BSD_M_BCAST;
	}
	if (rt->rt_flags & BSD_RTF_GATEWAY) {
		gw = rt->rt_gw.sin;
		nexthop = (struct bsd_sockaddr *)&gw;
	} else
		nexthop = (struct bsd_sockaddr *)&dst;
	mtu = rt->rt_rmx.rmx_mtu != 0 ? rt->rt_rmx.rmx_mtu : ifp->if_mtu;
	if (len <= mtu) {
		error = ip_send(k, ifp, m, nexthop, rt);
		if (error == EWOULDBLOCK) {
			is->is_stat.ips_held++;
			error = 0;
		}
	} else if (ip.ip_off & bsd_htons(BSD_IP_DF)) {
		is->is_stat.ips_cantfrag++;
		bsd_trace(k, BSD_TR_DROP, NULL, BSD_DROP_IP_CANTFRAG);
		error = EMSGSIZE;
		goto bad;
	} else
		error = ip_fragment(k, ifp, m, nexthop, rt, mtu);
	if (error != 0)
		is->is_stat.ips_odropped++;
	bsd_route_release(k, &iproute);
	return error;
bad:
	is->is_stat.ips_odropped++;
	bsd_m_freem(k, m);
	bsd_route_release(k, &iproute);
	return error;
}
