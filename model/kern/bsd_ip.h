/*
 * IPv4: input with header checks, output through the routing table
 * (cloning where the personality does), forwarding with the router's
 * redirect rules, fragmentation and reassembly (netinet/ip_*.c).
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_IP_H
#define BSD_IP_H

#include <stddef.h>
#include <stdint.h>

#include "bsd_callout.h"
#include "bsd_queue.h"

#ifdef __cplusplus
extern "C" {
#endif

struct bsd_kernel;
struct bsd_ifnet;
struct bsd_mbuf;
struct bsd_rtentry;

/* The IPv4 header as it is on the wire; read it with memcpy. */
struct bsd_ip {
	uint8_t		ip_vhl;		/* version << 4 | header length >> 2 */
	uint8_t		ip_tos;
	uint16_t	ip_len;		/* network order, as every field */
	uint16_t	ip_id;
	uint16_t	ip_off;
	uint8_t		ip_ttl;
	uint8_t		ip_p;
	uint16_t	ip_sum;
	uint32_t	ip_src;
	uint32_t	ip_dst;
};
#define BSD_IP_HLEN		20
#define BSD_IP_RF		0x8000
#define BSD_IP_DF		0x4000
#define BSD_IP_MF		0x2000
#define BSD_IP_OFFMASK		0x1fff
#define BSD_IP_MAXPACKET	65535
#define BSD_IPPROTO_ICMP	1
#define BSD_IPPROTO_UDP		17
#define BSD_INADDR_BROADCAST	0xffffffffu

/* ip_output flags */
#define BSD_IP_FORWARDING	0x1	/* most of the header exists */
#define BSD_IP_ALLOWBROADCAST	0x2
#define BSD_IP_LOCALROUTE	0x4	/* ro is a pcb's: in_pcbconnect rules */

/* netinet/ip_var.h struct ipstat (the counters a study reads). */
struct bsd_ipstat {
	uint64_t	ips_total, ips_badsum, ips_tooshort, ips_toosmall;
	uint64_t	ips_badhlen, ips_badlen, ips_badvers, ips_badoptions;
	uint64_t	ips_fragments, ips_fragdropped, ips_fragtimeout;
	uint64_t	ips_reassembled, ips_forward, ips_cantforward;
	uint64_t	ips_redirectsent, ips_noproto, ips_delivered;
	uint64_t	ips_localout, ips_odropped, ips_fragmented;
	uint64_t	ips_ofragments, ips_cantfrag, ips_noroute;
	uint64_t	ips_notforus, ips_held;
};

/* A route cached by its user (struct route): pcb or forwarding. */
struct bsd_route {
	struct bsd_rtentry	*ro_rt;
	uint32_t		ro_dst;
};

/* One datagram being reassembled (struct ipq). */
struct bsd_ipq_frag;
struct bsd_ipq {
	BSD_TAILQ_ENTRY(bsd_ipq) ipq_list;
	uint32_t		ipq_src, ipq_dst;
	uint16_t		ipq_id;
	uint8_t			ipq_p;
	int64_t			ipq_expire;	/* ns */
	uint32_t		ipq_nfrags;
	uint32_t		ipq_bytes;	/* charged to the budget */
	struct bsd_ipq_frag	*ipq_frags;	/* by offset */
};

struct bsd_ip_state {
	struct bsd_ipstat	is_stat;
	uint16_t		is_id;		/* next ip_id */
	int32_t			is_forwarding;	/* net.inet.ip.forwarding */
	int32_t			is_sendredirects;
	int32_t			is_defttl;
	int32_t			is_maxfragpackets; /* datagrams in reassembly */
	int32_t			is_fragttl;	/* s a datagram may take */
	uint32_t		is_nipq;
	BSD_TAILQ_HEAD(, bsd_ipq) is_ipq;
	struct bsd_callout	is_slowtimo;
	struct bsd_route	is_fwdroute;	/* ip_forward's cached route */
};

/*
 * IP checksum of len octets, as a number (store it with bsd_htons); over
 * a header that carries a correct checksum it is 0.
 */
uint16_t bsd_in_cksum(const void *p, size_t len);
/* Sum of len octets into a running 32-bit sum, for pseudo-headers. */
uint32_t bsd_in_cksum_add(uint32_t sum, const void *p, size_t len);
/* Fold a running sum into a checksum. */
uint16_t bsd_in_cksum_fold(uint32_t sum);

/* A packet (the frame's payload) arrived on ifp; m_flags BSD_M_BCAST. */
void	bsd_ip_input(struct bsd_kernel *k, struct bsd_ifnet *ifp,
	    const uint8_t *pkt, size_t len, uint32_t mflags);
/*
 * Send m, an IP packet with its header (for a local packet ip_len,
 * ip_p, ip_src, ip_dst set; the rest is filled in).  ro caches the
 * route (NULL: look one up for this packet only).  Consumes m.
 * Returns 0, EWOULDBLOCK if held for ARP, or the errno of the drop.
 */
int	bsd_ip_output(struct bsd_kernel *k, struct bsd_mbuf *m,
	    struct bsd_route *ro, int flags);
/* A local source address for dst: the interface its route leaves by. */
uint32_t bsd_ip_srcaddr(struct bsd_kernel *k, uint32_t dst);
/* Release a cached route. */
void	bsd_route_release(struct bsd_kernel *k, struct bsd_route *ro);
/* ip_reass(): add fragment m; returns the whole datagram or NULL. */
struct bsd_mbuf *bsd_ip_reass(struct bsd_kernel *k, struct bsd_mbuf *m);
/* Drop reassemblies older than their time (ip_slowtimo). */
void	bsd_ip_reass_timeout(struct bsd_kernel *k);
/* Number of datagrams in reassembly. */
uint32_t bsd_ip_reass_count(const struct bsd_kernel *k);

void	bsd_ip_init(struct bsd_kernel *k);
void	bsd_ip_destroy(struct bsd_kernel *k);

#ifdef __cplusplus
}
#endif

#endif /* BSD_IP_H */
