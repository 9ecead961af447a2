/*
 * ICMP (netinet/ip_icmp.c 1.147): input, errors, echo.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <errno.h>
#include <string.h>

#include "bsd_kernel.h"

#define ICMP_RETURNDATABYTES	8	/* icmpreturndatabytes */

/* Types that are not errors: an error about these is allowed. */
static int
icmp_infotype(int type)
{

	return type == BSD_ICMP_ECHOREPLY || type == BSD_ICMP_ECHO ||
	    (type >= 13 && type <= 18) || type == 9 || type == 10;
}

static uint32_t
get32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return v;
}

void
bsd_icmp_set_upcall(struct bsd_kernel *k, bsd_icmp_upcall_fn *fn, void *arg)
{

	k->k_icmp.ic_upcall = fn;
	k->k_icmp.ic_upcallarg = arg;
}

static void
icmp_notify(struct bsd_kernel *k, const struct bsd_icmp_notice *n)
{

	if (k->k_icmp.ic_upcall != NULL)
		k->k_icmp.ic_upcall(k->k_icmp.ic_upcallarg, n);
}

/* Checksum the ICMP part of m and send it from src to dst. */
static int
icmp_send(struct bsd_kernel *k, struct bsd_mbuf *m, uint32_t src, uint32_t dst,
    int type)
{
	struct bsd_ip ip;
	uint8_t *icp = m->m_data + BSD_IP_HLEN;
	uint16_t sum;

	memset(&ip, 0, sizeof(ip));
	ip.ip_vhl = 0x45;
	ip.ip_len = bsd_htons((uint16_t)m->m_len);
	ip.ip_p = BSD_IPPROTO_ICMP;
	ip.ip_src = src;
	ip.ip_dst = dst;
	memcpy(m->m_data, &ip, sizeof(ip));
	icp[2] = icp[3] = 0;
	sum = bsd_htons(bsd_in_cksum(icp, m->m_len - BSD_IP_HLEN));
	memcpy(icp + 2, &sum, 2);
	k->k_icmp.ic_stat.icps_outhist[type]++;
	return bsd_ip_output(k, m, NULL, 0);
}

/* ppsratecheck(): at most ic_errppslim errors a second. */
static int
icmp_ratelimit(struct bsd_kernel *k)
{
	struct bsd_icmp_state *ic = &k->k_icmp;
	int64_t sec = bsd_time_uptime(k);

	if (ic->ic_errppslim < 0)
		return 0;
	if (sec != ic->ic_errsec) {
		ic->ic_errsec = sec;
		ic->ic_errcount = 0;
	}
	if (ic->ic_errcount >= ic->ic_errppslim)
		return 1;
	ic->ic_errcount++;
	return 0;
}

void
bsd_icmp_error(struct bsd_kernel *k, const uint8_t *orig, size_t len, int type,
    int code, uint32_t dest, uint32_t mtu, uint32_t mflags)
{
	struct bsd_icmpstat *st = &k->k_icmp.ic_stat;
	struct bsd_sockaddr_in sin;
	struct bsd_mbuf *m;
	struct bsd_ip oip;
	size_t ohlen, qlen;
	uint8_t *icp;
	uint32_t src;

	st->icps_error++;
	if (len < BSD_IP_HLEN)
		return;
	memcpy(&oip, orig, sizeof(oip));
	ohlen = (size_t)(oip.ip_vhl & 0xf) << 2;
	if (ohlen < BSD_IP_HLEN || ohlen > len)
		return;
	/* Only the first fragment; never about an ICMP error. */
	if (oip.ip_off & bsd_htons(BSD_IP_OFFMASK))
		return;
	if (oip.ip_p == BSD_IPPROTO_ICMP && type != BSD_ICMP_REDIRECT &&
	    (len < ohlen + 1 || !icmp_infotype(orig[ohlen]))) {
		st->icps_oldicmp++;
		return;
	}
	/* Not to a broadcast, nor from nowhere. */
	if ((mflags & (BSD_M_BCAST | BSD_M_MCAST)) || oip.ip_src == 0 ||
	    oip.ip_src == BSD_INADDR_BROADCAST)
		return;
	if (icmp_ratelimit(k)) {
		st->icps_ratelimited++;
		return;
	}
	qlen = ohlen + ICMP_RETURNDATABYTES;
	if (qlen > len)
		qlen = len;
	if ((m = bsd_m_get((uint32_t)(BSD_IP_HLEN + 8 + qlen))) == NULL)
		return;
	icp = m->m_data + BSD_IP_HLEN;
	memset(icp, 0, 8);
	icp[0] = (uint8_t)type;
	icp[1] = (uint8_t)code;
	if (type == BSD_ICMP_REDIRECT)
		memcpy(icp + 4, &dest, 4);
	else if (type == BSD_ICMP_UNREACH && code == BSD_ICMP_UNREACH_NEEDFRAG)
		bsd_be16enc(icp + 6, (uint16_t)mtu);
	memcpy(icp + 8, orig, qlen);
	/* The source: whatever address we would send to them from. */
	bsd_sin_init(&sin, oip.ip_dst);
	src = bsd_ifa_ifwithaddr(k, (struct bsd_sockaddr *)&sin) != NULL ?
	    oip.ip_dst : bsd_ip_srcaddr(k, oip.ip_src);
	(void)icmp_send(k, m, src, oip.ip_src, type);
}

int
bsd_icmp_echo(struct bsd_kernel *k, uint32_t dst, uint16_t id, uint16_t seq,
    size_t datalen)
{
	struct bsd_mbuf *m;
	uint8_t *icp;
	size_t i;

	if (datalen > BSD_IP_MAXPACKET - BSD_IP_HLEN - 8)
		return EMSGSIZE;
	if ((m = bsd_m_get((uint32_t)(BSD_IP_HLEN + 8 + datalen))) == NULL)
		return ENOBUFS;
	icp = m->m_data + BSD_IP_HLEN;
	icp[0] = BSD_ICMP_ECHO;
	icp[1] = 0;
	bsd_be16enc(icp + 4, id);
	bsd_be16enc(icp + 6, seq);
	for (i = 0; i < datalen; i++)
		icp[8 + i] = (uint8_t)i;
	return icmp_send(k, m, 0, dst, BSD_ICMP_ECHO);
}

void
bsd_icmp_input(struct bsd_kernel *k, struct bsd_mbuf *m, size_t hlen,
    uint32_t mflags)
{
	struct bsd_icmpstat *st = &k->k_icmp.ic_stat;
	struct bsd_icmp_notice n;
	struct bsd_ip ip, qip;
	const uint8_t *icp = m->m_data + hlen;
	size_t icmplen = m->m_len - hlen, qhlen;
	struct bsd_mbuf *r;
	int type, code;

	memcpy(&ip, m->m_data, sizeof(ip));
	if (icmplen < BSD_ICMP_MINLEN) {
		st->icps_tooshort++;
		goto out;
	}
	if (bsd_in_cksum(icp, icmplen) != 0) {
		st->icps_checksum++;
		bsd_trace(k, BSD_TR_DROP, NULL, BSD_DROP_ICMP_BAD);
		goto out;
	}
	type = icp[0];
	code = icp[1];
	if (type <= BSD_ICMP_MAXTYPE)
		st->icps_inhist[type]++;
	memset(&n, 0, sizeof(n));
	n.in_type = type;
	n.in_code = code;
	n.in_from = ip.ip_src;
	n.in_len = icmplen;
	switch (type) {
	case BSD_ICMP_ECHO:
		if (mflags & (BSD_M_BCAST | BSD_M_MCAST)) {
			st->icps_bmcastecho++;
			goto out;
		}
		/* icmp_reflect(): the same message back, as a reply. */
		if ((r = bsd_m_get((uint32_t)(BSD_IP_HLEN + icmplen))) == NULL)
			goto out;
		memcpy(r->m_data + BSD_IP_HLEN, icp, icmplen);
		r->m_data[BSD_IP_HLEN] = BSD_ICMP_ECHOREPLY;
		st->icps_reflect++;
		(void)icmp_send(k, r, ip.ip_dst, ip.ip_src,
		    BSD_ICMP_ECHOREPLY);
		goto out;
	case BSD_ICMP_ECHOREPLY:
		n.in_id = bsd_be16dec(icp + 4);
		n.in_seq = bsd_be16dec(icp + 6);
		icmp_notify(k, &n);
		goto out;
	case BSD_ICMP_UNREACH:
	case BSD_ICMP_TIMXCEED:
	case BSD_ICMP_REDIRECT:
		break;
	default:
		goto out;
	}
	/* An error or redirect: it quotes the IP header it is about. */
	if (icmplen < BSD_ICMP_ADVLENMIN) {
		st->icps_badlen++;
		goto out;
	}
	memcpy(&qip, icp + 8, sizeof(qip));
	qhlen = (size_t)(qip.ip_vhl & 0xf) << 2;
	if (qhlen < BSD_IP_HLEN || icmplen < 8 + qhlen + 8) {
		st->icps_badlen++;
		goto out;
	}
	n.in_quoted_dst = qip.ip_dst;
	switch (type) {
	case BSD_ICMP_REDIRECT:
		if (code > 3) {
			st->icps_badcode++;
			goto out;
		}
		/* Network redirects are taken as host redirects. */
		(void)bsd_icmp_redirect(k, qip.ip_dst, get32(icp + 4),
		    ip.ip_src);
		break;
	case BSD_ICMP_UNREACH:
		if (code == BSD_ICMP_UNREACH_NEEDFRAG) {
			struct bsd_sockaddr_in s;

			/* Validated: it quotes a packet we sent. */
			bsd_sin_init(&s, qip.ip_src);
			(void)bsd_icmp_mtudisc(k, qip.ip_dst,
			    bsd_be16dec(icp + 6), bsd_ntohs(qip.ip_len),
			    bsd_ifa_ifwithaddr(k, (struct bsd_sockaddr *)&s)
			    != NULL);
		}
		break;
	}
	icmp_notify(k, &n);
out:
	bsd_m_freem(k, m);
}

void
bsd_icmp_init(struct bsd_kernel *k)
{

	memset(&k->k_icmp, 0, sizeof(k->k_icmp));
	k->k_icmp.ic_errppslim = 100;	/* icmperrppslim */
	k->k_icmp.ic_errsec = -1;
}
