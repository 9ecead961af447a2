/*
 * IP reassembly (ip_reass in netinet/ip_input.c), bounded in datagrams
 * (ip_maxfragpackets) and in memory (the kernel budget), with the
 * IPFRAGTTL timer.  Overlapping fragments drop the whole datagram,
 * rather than being trimmed as BSD did: the classic overlap attacks
 * then have nothing to work on.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <stdlib.h>
#include <string.h>

#include "bsd_kernel.h"

struct bsd_ipq_frag {
	struct bsd_ipq_frag	*f_next;
	uint32_t		f_off;		/* octets into the data */
	uint32_t		f_len;
	int			f_more;		/* IP_MF */
	struct bsd_mbuf		*f_m;		/* the fragment, header first */
	uint32_t		f_hlen;
};

static void
ipq_free(struct bsd_kernel *k, struct bsd_ipq *q)
{
	struct bsd_ipq_frag *f, *next;

	for (f = q->ipq_frags; f != NULL; f = next) {
		next = f->f_next;
		bsd_m_freem(k, f->f_m);
		free(f);
	}
	BSD_TAILQ_REMOVE(&k->k_ip.is_ipq, q, ipq_list);
	k->k_ip.is_nipq--;
	free(q);
}

static void
ipq_drop(struct bsd_kernel *k, struct bsd_ipq *q)
{

	k->k_ip.is_stat.ips_fragdropped += q->ipq_nfrags;
	bsd_trace(k, BSD_TR_DROP, NULL, BSD_DROP_IP_FRAG);
	ipq_free(k, q);
}

uint32_t
bsd_ip_reass_count(const struct bsd_kernel *k)
{

	return k->k_ip.is_nipq;
}

/* The datagram is whole: join the pieces behind the first header. */
static struct bsd_mbuf *
ipq_join(struct bsd_kernel *k, struct bsd_ipq *q, uint32_t total)
{
	struct bsd_ipq_frag *f = q->ipq_frags;
	struct bsd_mbuf *m;
	struct bsd_ip ip;
	uint32_t hlen = f->f_hlen;

	if ((m = bsd_m_get(hlen + total)) == NULL) {
		ipq_drop(k, q);
		return NULL;
	}
	memcpy(m->m_data, f->f_m->m_data, hlen);
	for (; f != NULL; f = f->f_next)
		memcpy(m->m_data + hlen + f->f_off,
		    f->f_m->m_data + f->f_hlen, f->f_len);
	memcpy(&ip, m->m_data, sizeof(ip));
	ip.ip_len = bsd_htons((uint16_t)(hlen + total));
	ip.ip_off = 0;
	memcpy(m->m_data, &ip, sizeof(ip));
	m->m_rcvif = q->ipq_frags->f_m->m_rcvif;
	m->m_flags = q->ipq_frags->f_m->m_flags;
	ipq_free(k, q);
	return m;
}

struct bsd_mbuf *
bsd_ip_reass(struct bsd_kernel *k, struct bsd_mbuf *m)
{
	struct bsd_ip_state *is = &k->k_ip;
	struct bsd_ipq_frag *f, **pp, *nf;
	struct bsd_ipq *q;
	struct bsd_ip ip;
	uint32_t hlen, off, len, end, total;
	uint16_t ipoff;

	memcpy(&ip, m->m_data, sizeof(ip));
	hlen = (uint32_t)(ip.ip_vhl & 0xf) << 2;
	ipoff = bsd_ntohs(ip.ip_off);
	off = (uint32_t)(ipoff & BSD_IP_OFFMASK) * 8;
	len = m->m_len - hlen;
	/* All but the last fragment carry a multiple of 8 octets. */
	if (((ipoff & BSD_IP_MF) && (len == 0 || (len & 7) != 0)) ||
	    off + len > BSD_IP_MAXPACKET - hlen) {
		is->is_stat.ips_badlen++;
		is->is_stat.ips_fragdropped++;
		bsd_m_freem(k, m);
		return NULL;
	}
	BSD_TAILQ_FOREACH(q, &is->is_ipq, ipq_list)
		if (q->ipq_id == ip.ip_id && q->ipq_src == ip.ip_src &&
		    q->ipq_dst == ip.ip_dst && q->ipq_p == ip.ip_p)
			break;
	if (q == NULL) {
		if (is->is_nipq >= (uint32_t)is->is_maxfragpackets) {
			is->is_stat.ips_fragdropped++;
			bsd_m_freem(k, m);
			return NULL;
		}
		if ((q = calloc(1, sizeof(*q))) == NULL) {
			bsd_m_freem(k, m);
			return NULL;
		}
		q->ipq_id = ip.ip_id;
		q->ipq_src = ip.ip_src;
		q->ipq_dst = ip.ip_dst;
		q->ipq_p = ip.ip_p;
		q->ipq_expire = bsd_now(k) +
		    (int64_t)is->is_fragttl * BSD_NSEC_PER_SEC;
		BSD_TAILQ_INSERT_TAIL(&is->is_ipq, q, ipq_list);
		is->is_nipq++;
	}
	if (bsd_m_charge(k, m) != 0 || (nf = calloc(1, sizeof(*nf))) == NULL) {
		bsd_m_freem(k, m);
		ipq_drop(k, q);
		is->is_stat.ips_fragdropped++;
		return NULL;
	}
	nf->f_off = off;
	nf->f_len = len;
	nf->f_more = (ipoff & BSD_IP_MF) != 0;
	nf->f_m = m;
	nf->f_hlen = hlen;
	/* Insert by offset; any overlap condemns the datagram. */
	for (pp = &q->ipq_frags; *pp != NULL && (*pp)->f_off < off;
	    pp = &(*pp)->f_next)
		;
	end = off + len;
	if (*pp != NULL && (*pp)->f_off < end) {
		free(nf);
		bsd_m_freem(k, m);
		ipq_drop(k, q);
		is->is_stat.ips_fragdropped++;
		return NULL;
	}
	for (f = q->ipq_frags; f != NULL && f != *pp; f = f->f_next)
		if (f->f_off + f->f_len > off) {
			free(nf);
			bsd_m_freem(k, m);
			ipq_drop(k, q);
			is->is_stat.ips_fragdropped++;
			return NULL;
		}
	nf->f_next = *pp;
	*pp = nf;
	q->ipq_nfrags++;
	/* Whole: starts at 0, no holes, and the last has no IP_MF. */
	total = 0;
	for (f = q->ipq_frags; f != NULL; f = f->f_next) {
		if (f->f_off != total)
			return NULL;
		total += f->f_len;
		if (!f->f_more)
			return f->f_next == NULL ? ipq_join(k, q, total) : NULL;
	}
	return NULL;
}

void
bsd_ip_reass_timeout(struct bsd_kernel *k)
{
	struct bsd_ipq *q, *next;
	int64_t now = bsd_now(k);

	BSD_TAILQ_FOREACH_SAFE(q, &k->k_ip.is_ipq, ipq_list, next) {
		if (q->ipq_expire <= now) {
			k->k_ip.is_stat.ips_fragtimeout += q->ipq_nfrags;
			bsd_trace(k, BSD_TR_DROP, NULL, BSD_DROP_IP_FRAG);
			ipq_free(k, q);
		}
	}
}

void
bsd_ip_destroy(struct bsd_kernel *k)
{
	struct bsd_ipq *q;

	while ((q = BSD_TAILQ_FIRST(&k->k_ip.is_ipq)) != NULL)
		ipq_free(k, q);
	bsd_route_release(k, &k->k_ip.is_fwdroute);
}
