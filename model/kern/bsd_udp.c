/*
 * UDP and its protocol control blocks (netinet/udp_usrreq.c, in_pcb.c).
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "bsd_kernel.h"

#define IPPORT_ANONMIN	49152
#define IPPORT_ANONMAX	65535

struct bsd_inpcb *
bsd_udp_socket(struct bsd_kernel *k, bsd_udp_upcall_fn *fn, void *arg)
{
	struct bsd_inpcb *inp;

	if ((inp = calloc(1, sizeof(*inp))) == NULL)
		return NULL;
	inp->inp_upcall = fn;
	inp->inp_upcallarg = arg;
	BSD_LIST_INSERT_HEAD(&k->k_udp.us_pcbs, inp, inp_list);
	return inp;
}

static struct bsd_inpcb *
in_pcblookup(struct bsd_kernel *k, uint32_t laddr, uint16_t lport,
    uint32_t faddr, uint16_t fport, int wildcard)
{
	struct bsd_inpcb *inp, *match = NULL;
	int wild, best = 3;

	BSD_LIST_FOREACH(inp, &k->k_udp.us_pcbs, inp_list) {
		if (inp->inp_lport != lport)
			continue;
		wild = 0;
		if (inp->inp_laddr != laddr) {
			if (inp->inp_laddr != 0 && laddr != 0)
				continue;
			wild++;
		}
		if (inp->inp_faddr != faddr || inp->inp_fport != fport) {
			if (inp->inp_faddr != 0)
				continue;
			wild++;
		}
		if (wild > 0 && !wildcard)
			continue;
		if (wild < best) {
			best = wild;
			match = inp;
			if (wild == 0)
				break;
		}
	}
	return match;
}

int
bsd_udp_bind(struct bsd_kernel *k, struct bsd_inpcb *inp, uint32_t laddr,
    uint16_t lport)
{
	struct bsd_udp_state *us = &k->k_udp;
	struct bsd_sockaddr_in sin;
	int tries;

	if (inp->inp_lport != 0)
		return EINVAL;
	if (laddr != 0) {
		bsd_sin_init(&sin, laddr);
		if (bsd_ifa_ifwithaddr(k, (struct bsd_sockaddr *)&sin) == NULL)
			return EADDRNOTAVAIL;
	}
	if (lport == 0) {
		/* An ephemeral port, the next free one. */
		for (tries = 0; tries < IPPORT_ANONMAX - IPPORT_ANONMIN + 1;
		    tries++) {
			if (us->us_lastport < IPPORT_ANONMIN ||
			    us->us_lastport == IPPORT_ANONMAX)
				us->us_lastport = IPPORT_ANONMIN;
			else
				us->us_lastport++;
			lport = bsd_htons(us->us_lastport);
			if (in_pcblookup(k, laddr, lport, 0, 0, 1) == NULL)
				break;
		}
		if (tries > IPPORT_ANONMAX - IPPORT_ANONMIN)
			return EADDRINUSE;
	} else if (in_pcblookup(k, laddr, lport, 0, 0, 1) != NULL)
		return EADDRINUSE;
	inp->inp_laddr = laddr;
	inp->inp_lport = lport;
	return 0;
}

/*
 * in_pcbconnect(): the route is looked up now, to choose the source
 * address, in the personality's way (seed 004 (5)), and kept.
 */
static int
in_pcbconnect(struct bsd_kernel *k, struct bsd_inpcb *inp, uint32_t faddr,
    uint16_t fport)
{
	struct bsd_sockaddr_in sin;
	struct bsd_rtentry *rt;
	struct bsd_ifaddr *ifa;
	int error;

	if (fport == 0 || faddr == 0)
		return EADDRNOTAVAIL;
	if (inp->inp_route.ro_rt != NULL && inp->inp_route.ro_dst != faddr)
		bsd_route_release(k, &inp->inp_route);
	if (inp->inp_route.ro_rt == NULL) {
		bsd_sin_init(&sin, faddr);
		inp->inp_route.ro_rt = bsd_rtalloc_local(k,
		    (struct bsd_sockaddr *)&sin);
		inp->inp_route.ro_dst = faddr;
	}
	if ((rt = inp->inp_route.ro_rt) == NULL) {
		/*
		 * 4.4BSD: no route, yet connect succeeds with the first
		 * interface's address; sending then fails in ip_output.
		 */
		struct bsd_ifnet *ifp = BSD_TAILQ_FIRST(&k->k_ifnet);

		for (ifa = NULL; ifp != NULL && ifa == NULL;
		    ifp = BSD_TAILQ_NEXT(ifp, if_list))
			ifa = bsd_ifa_inet(ifp);
		if (ifa == NULL)
			return EADDRNOTAVAIL;
		if (inp->inp_lport == 0 &&
		    (error = bsd_udp_bind(k, inp, inp->inp_laddr, 0)) != 0)
			return error;
		inp->inp_faddr = faddr;
		inp->inp_fport = fport;
		return 0;
	}
	if (inp->inp_laddr == 0) {
		ifa = rt->rt_ifa;
		if (ifa == NULL || ifa->ifa_addr.sa_family != BSD_AF_INET)
			ifa = rt->rt_ifp ? bsd_ifa_inet(rt->rt_ifp) : NULL;
		if (ifa == NULL)
			return EADDRNOTAVAIL;
		if (inp->inp_lport == 0 &&
		    (error = bsd_udp_bind(k, inp, 0, 0)) != 0)
			return error;
		/* The source address is chosen, not bound. */
		inp->inp_faddr = faddr;
		inp->inp_fport = fport;
		return 0;
	}
	if (inp->inp_lport == 0 &&
	    (error = bsd_udp_bind(k, inp, inp->inp_laddr, 0)) != 0)
		return error;
	inp->inp_faddr = faddr;
	inp->inp_fport = fport;
	return 0;
}

int
bsd_udp_connect(struct bsd_kernel *k, struct bsd_inpcb *inp, uint32_t faddr,
    uint16_t fport)
{

	if (inp->inp_faddr != 0)
		return EISCONN;
	return in_pcbconnect(k, inp, faddr, fport);
}

void
bsd_udp_disconnect(struct bsd_kernel *k, struct bsd_inpcb *inp)
{

	inp->inp_faddr = 0;
	inp->inp_fport = 0;
	bsd_route_release(k, &inp->inp_route);
}

static int
udp_output(struct bsd_kernel *k, struct bsd_inpcb *inp, const void *data,
    size_t len)
{
	struct bsd_udp_state *us = &k->k_udp;
	struct bsd_mbuf *m;
	struct bsd_ip ip;
	uint8_t *uh, pseudo[12];
	uint32_t src;
	uint16_t sum;
	int error;

	if (len > BSD_IP_MAXPACKET - BSD_IP_HLEN - BSD_UDP_HLEN)
		return EMSGSIZE;
	if ((m = bsd_m_get((uint32_t)(BSD_IP_HLEN + BSD_UDP_HLEN + len))) ==
	    NULL)
		return ENOBUFS;
	src = inp->inp_laddr;
	if (src == 0 && inp->inp_route.ro_rt != NULL &&
	    inp->inp_route.ro_rt->rt_ifa != NULL &&
	    inp->inp_route.ro_rt->rt_ifa->ifa_addr.sa_family == BSD_AF_INET)
		src = inp->inp_route.ro_rt->rt_ifa->ifa_addru.sin.sin_addr;
	if (src == 0)
		src = bsd_ip_srcaddr(k, inp->inp_faddr);
	memset(&ip, 0, sizeof(ip));
	ip.ip_len = bsd_htons((uint16_t)m->m_len);
	ip.ip_p = BSD_IPPROTO_UDP;
	ip.ip_src = src;
	ip.ip_dst = inp->inp_faddr;
	memcpy(m->m_data, &ip, sizeof(ip));
	uh = m->m_data + BSD_IP_HLEN;
	memcpy(uh, &inp->inp_lport, 2);
	memcpy(uh + 2, &inp->inp_fport, 2);
	bsd_be16enc(uh + 4, (uint16_t)(BSD_UDP_HLEN + len));
	uh[6] = uh[7] = 0;
	if (len > 0)
		memcpy(uh + BSD_UDP_HLEN, data, len);
	if (us->us_cksum) {
		memcpy(pseudo, &src, 4);
		memcpy(pseudo + 4, &inp->inp_faddr, 4);
		pseudo[8] = 0;
		pseudo[9] = BSD_IPPROTO_UDP;
		bsd_be16enc(pseudo + 10, (uint16_t)(BSD_UDP_HLEN + len));
		sum = bsd_in_cksum_fold(bsd_in_cksum_add(bsd_in_cksum_add(0,
		    pseudo, sizeof(pseudo)), uh, BSD_UDP_HLEN + len));
		if (sum == 0)
			sum = 0xffff;
		bsd_be16enc(uh + 6, sum);
	}
	us->us_stat.udps_opackets++;
	inp->inp_sent++;
	error = bsd_ip_output(k, m, &inp->inp_route,
	    BSD_IP_LOCALROUTE | BSD_IP_ALLOWBROADCAST);
	if (error != 0) {
		us->us_stat.udps_odropped++;
		inp->inp_dropped++;
	}
	return error;
}

int
bsd_udp_send(struct bsd_kernel *k, struct bsd_inpcb *inp, const void *data,
    size_t len)
{

	if (inp->inp_faddr == 0)
		return ENOTCONN;
	return udp_output(k, inp, data, len);
}

int
bsd_udp_sendto(struct bsd_kernel *k, struct bsd_inpcb *inp, const void *data,
    size_t len, uint32_t faddr, uint16_t fport)
{
	uint32_t laddr = inp->inp_laddr;
	int error;

	if (inp->inp_faddr != 0)
		return EISCONN;
	/* udp_output(): connect for this datagram, then disconnect. */
	if ((error = in_pcbconnect(k, inp, faddr, fport)) != 0)
		return error;
	error = udp_output(k, inp, data, len);
	/* The route stays cached in the pcb, as in BSD, until replaced. */
	inp->inp_faddr = 0;
	inp->inp_fport = 0;
	inp->inp_laddr = laddr;
	return error;
}

void
bsd_udp_close(struct bsd_kernel *k, struct bsd_inpcb *inp)
{

	bsd_route_release(k, &inp->inp_route);
	BSD_LIST_REMOVE(inp, inp_list);
	free(inp);
}

void
bsd_udp_input(struct bsd_kernel *k, struct bsd_mbuf *m, size_t hlen,
    uint32_t mflags)
{
	struct bsd_udpstat *st = &k->k_udp.us_stat;
	const uint8_t *uh = m->m_data + hlen;
	struct bsd_inpcb *inp;
	struct bsd_ip ip;
	size_t len = m->m_len - hlen, ulen;
	uint8_t pseudo[12];
	uint16_t sport, dport, sum;

	st->udps_ipackets++;
	if (len < BSD_UDP_HLEN) {
		st->udps_hdrops++;
		goto out;
	}
	memcpy(&ip, m->m_data, sizeof(ip));
	ulen = bsd_be16dec(uh + 4);
	if (ulen < BSD_UDP_HLEN || ulen > len) {
		st->udps_badlen++;
		goto out;
	}
	if (uh[6] != 0 || uh[7] != 0) {
		memcpy(pseudo, &ip.ip_src, 4);
		memcpy(pseudo + 4, &ip.ip_dst, 4);
		pseudo[8] = 0;
		pseudo[9] = BSD_IPPROTO_UDP;
		bsd_be16enc(pseudo + 10, (uint16_t)ulen);
		sum = bsd_in_cksum_fold(bsd_in_cksum_add(bsd_in_cksum_add(0,
		    pseudo, sizeof(pseudo)), uh, ulen));
		if (sum != 0) {
			st->udps_badsum++;
			bsd_trace(k, BSD_TR_DROP, NULL, BSD_DROP_UDP_BAD);
			goto out;
		}
	}
	memcpy(&sport, uh, 2);
	memcpy(&dport, uh + 2, 2);
	inp = in_pcblookup(k, ip.ip_dst, dport, ip.ip_src, sport, 1);
	if (inp == NULL) {
		if (mflags & (BSD_M_BCAST | BSD_M_MCAST)) {
			st->udps_noportbcast++;
			goto out;
		}
		st->udps_noport++;
		bsd_trace(k, BSD_TR_DROP, NULL, BSD_DROP_UDP_NOPORT);
		bsd_icmp_error(k, m->m_data, m->m_len, BSD_ICMP_UNREACH,
		    BSD_ICMP_UNREACH_PORT, 0, 0, mflags);
		goto out;
	}
	if (inp->inp_upcall != NULL)
		inp->inp_upcall(inp->inp_upcallarg, inp, uh + BSD_UDP_HLEN,
		    ulen - BSD_UDP_HLEN, ip.ip_src, sport);
out:
	bsd_m_freem(k, m);
}

void
bsd_udp_init(struct bsd_kernel *k)
{

	memset(&k->k_udp, 0, sizeof(k->k_udp));
	BSD_LIST_INIT(&k->k_udp.us_pcbs);
	k->k_udp.us_cksum = 1;
}

void
bsd_udp_destroy(struct bsd_kernel *k)
{
	struct bsd_inpcb *inp;

	while ((inp = BSD_LIST_FIRST(&k->k_udp.us_pcbs)) != NULL) {
		BSD_LIST_REMOVE(inp, inp_list);
		free(inp);
	}
}
