/*
 * ICMP (bsd_icmp.c): echo, errors and their limits (rate, never about
 * errors or broadcasts), redirect and need-fragmentation input.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <errno.h>
#include <string.h>

#include "net_fixture.h"

#define MS	INT64_C(1000000)
#define SEC	INT64_C(1000000000)

#define ETHER_HDR	14

static struct bsd_kernel *
K(struct net *n, int h)
{

	return n->n_host[h].h_k;
}

/* Hosts 0 (10.0.0.1) and 1 (10.0.0.2) on an Ethernet segment 0. */
static struct net *
pair(void)
{
	struct net *n = net_new();

	assert_int_equal(net_add_host(n, "netbsd-2"), 0);
	assert_int_equal(net_add_host(n, "netbsd-2"), 1);
	(void)net_attach(n, 0, 0, &bsd_media_ether, NULL, "10.0.0.1/24", 0);
	(void)net_attach(n, 1, 0, &bsd_media_ether, NULL, "10.0.0.2/24", 0);
	net_run(n, MS);
	return n;
}

/* Host 0 pings host 1, so each knows the other's link address. */
static void
resolve(struct net *n)
{

	assert_int_equal(bsd_icmp_echo(K(n, 0), fx_ip("10.0.0.2"), 1, 1, 8),
	    0);
	net_run(n, 20 * MS);
	assert_int_equal(n->n_host[0].h_nnotice, 1);
	n->n_host[0].h_nnotice = 0;
}

/* An IPv4 header (20 octets) at p with a correct checksum. */
static void
ip_build(uint8_t *p, uint16_t totlen, uint16_t off, uint8_t proto,
    uint32_t src, uint32_t dst)
{
	struct bsd_ip ip;
	uint16_t sum;

	memset(&ip, 0, sizeof(ip));
	ip.ip_vhl = 0x45;
	ip.ip_len = bsd_htons(totlen);
	ip.ip_id = bsd_htons(0x1234);
	ip.ip_off = bsd_htons(off);
	ip.ip_ttl = 64;
	ip.ip_p = proto;
	ip.ip_src = src;
	ip.ip_dst = dst;
	memcpy(p, &ip, sizeof(ip));
	sum = bsd_htons(bsd_in_cksum(p, BSD_IP_HLEN));
	memcpy(p + 10, &sum, 2);
}

/*
 * An ICMP message in an IP packet at p: type, code, the 4-octet word,
 * then body (blen octets); the ICMP checksum right.  Returns its length.
 */
static size_t
icmp_build(uint8_t *p, uint32_t src, uint32_t dst, int type, int code,
    const uint8_t *word, const uint8_t *body, size_t blen)
{
	uint8_t *icp = p + BSD_IP_HLEN;
	size_t len = BSD_IP_HLEN + 8 + blen;
	uint16_t sum;

	ip_build(p, (uint16_t)len, 0, BSD_IPPROTO_ICMP, src, dst);
	icp[0] = (uint8_t)type;
	icp[1] = (uint8_t)code;
	icp[2] = icp[3] = 0;
	if (word != NULL)
		memcpy(icp + 4, word, 4);
	else
		memset(icp + 4, 0, 4);
	if (blen > 0)
		memcpy(icp + 8, body, blen);
	sum = bsd_htons(bsd_in_cksum(icp, 8 + blen));
	memcpy(icp + 2, &sum, 2);
	return len;
}

/* The quoted part of an error: an IP header and 8 octets of UDP. */
static size_t
quote_udp(uint8_t *q, uint16_t iplen, uint32_t src, uint32_t dst)
{

	ip_build(q, iplen, 0, BSD_IPPROTO_UDP, src, dst);
	bsd_be16enc(q + 20, 49152);
	bsd_be16enc(q + 22, 9);
	bsd_be16enc(q + 24, (uint16_t)(iplen - BSD_IP_HLEN));
	bsd_be16enc(q + 26, 0);
	return BSD_IP_HLEN + 8;
}

/* An Ethernet frame from host `from` to host `to` (-1: broadcast). */
static size_t
eth_frame(uint8_t *frame, int to, int from, const uint8_t *pkt, size_t len)
{

	if (to < 0)
		memset(frame, 0xff, 6);
	else
		net_lladdr(&bsd_media_ether, to, frame);
	net_lladdr(&bsd_media_ether, from, frame + 6);
	frame[12] = 0x08;
	frame[13] = 0x00;
	memcpy(frame + ETHER_HDR, pkt, len);
	return ETHER_HDR + len;
}

/* Send pkt to host `to` on segment 0 as host `from` would. */
static void
inject(struct net *n, int to, int from, const uint8_t *pkt, size_t len)
{
	uint8_t frame[NET_FRAMEMAX];

	net_inject(n, 0, from, frame, eth_frame(frame, to, from, pkt, len));
}

/* ICMP messages of type host h sent on segment 0 from frame `from` on. */
static unsigned
icmp_sent(const struct net *n, int h, unsigned from, int type,
    const uint8_t **last)
{
	const struct net_frame *f;
	const uint8_t *ip;
	unsigned i, c = 0;

	for (i = from; i < net_nframes(n, 0); i++) {
		f = net_frame(n, 0, i);
		ip = f->f_data + ETHER_HDR;
		if (f->f_host != h || f->f_data[12] != 0x08 ||
		    f->f_data[13] != 0x00 || ip[9] != BSD_IPPROTO_ICMP ||
		    ip[BSD_IP_HLEN] != type)
			continue;
		if (last != NULL)
			*last = ip;
		c++;
	}
	return c;
}

/* Frames host h sent on segment 0 from frame `from` on. */
static unsigned
frames_from(const struct net *n, int h, unsigned from)
{
	unsigned i, c = 0;

	for (i = from; i < net_nframes(n, 0); i++)
		if (net_frame(n, 0, i)->f_host == h)
			c++;
	return c;
}

static void
test_echo_reply(void **state)
{
	struct net *n = pair();
	const struct bsd_icmp_notice *no;
	const uint8_t *req = NULL, *rep = NULL;

	(void)state;
	assert_int_equal(bsd_icmp_echo(K(n, 0), fx_ip("10.0.0.2"), 7, 3, 56),
	    0);
	net_run(n, 20 * MS);
	assert_int_equal(n->n_host[0].h_nnotice, 1);
	no = &n->n_host[0].h_notice[0];
	assert_int_equal(no->in_type, BSD_ICMP_ECHOREPLY);
	assert_int_equal(no->in_id, 7);
	assert_int_equal(no->in_seq, 3);
	assert_int_equal(no->in_from, fx_ip("10.0.0.2"));
	assert_int_equal(no->in_len, 8 + 56);
	assert_int_equal(K(n, 1)->k_icmp.ic_stat.icps_inhist[BSD_ICMP_ECHO], 1);
	assert_int_equal(K(n, 1)->k_icmp.ic_stat.icps_reflect, 1);
	assert_int_equal(
	    K(n, 1)->k_icmp.ic_stat.icps_outhist[BSD_ICMP_ECHOREPLY], 1);
	assert_int_equal(
	    K(n, 0)->k_icmp.ic_stat.icps_inhist[BSD_ICMP_ECHOREPLY], 1);
	/* The reply carries the request's id, sequence and data back. */
	assert_int_equal(icmp_sent(n, 0, 0, BSD_ICMP_ECHO, &req), 1);
	assert_int_equal(icmp_sent(n, 1, 0, BSD_ICMP_ECHOREPLY, &rep), 1);
	assert_memory_equal(req + BSD_IP_HLEN + 4, rep + BSD_IP_HLEN + 4,
	    4 + 56);
	assert_memory_equal(req + 12, rep + 16, 4);
	assert_memory_equal(req + 16, rep + 12, 4);
	assert_int_equal(bsd_in_cksum(rep + BSD_IP_HLEN, 8 + 56), 0);
	net_free(n);
}

/* UDP to a closed port: port unreachable, quoting the datagram. */
static void
test_port_unreachable(void **state)
{
	struct net *n = pair();
	const struct bsd_icmp_notice *no;
	const uint8_t *err = NULL;
	struct bsd_inpcb *inp;
	unsigned f0;

	(void)state;
	resolve(n);
	f0 = net_nframes(n, 0);
	inp = bsd_udp_socket(K(n, 0), NULL, NULL);
	assert_non_null(inp);
	assert_int_equal(bsd_udp_sendto(K(n, 0), inp, "abcdefghijkl", 12,
	    fx_ip("10.0.0.2"), bsd_htons(9)), 0);
	net_run(n, 20 * MS);
	assert_int_equal(K(n, 1)->k_udp.us_stat.udps_noport, 1);
	assert_int_equal(n->n_host[0].h_nnotice, 1);
	no = &n->n_host[0].h_notice[0];
	assert_int_equal(no->in_type, BSD_ICMP_UNREACH);
	assert_int_equal(no->in_code, BSD_ICMP_UNREACH_PORT);
	assert_int_equal(no->in_from, fx_ip("10.0.0.2"));
	assert_int_equal(no->in_quoted_dst, fx_ip("10.0.0.2"));
	/* icmpreturndatabytes 8: the header and the UDP header. */
	assert_int_equal(icmp_sent(n, 1, f0, BSD_ICMP_UNREACH, &err), 1);
	assert_int_equal(bsd_be16dec(err + 2), BSD_IP_HLEN + 8 + 20 + 8);
	assert_int_equal(err[BSD_IP_HLEN + 8 + 9], BSD_IPPROTO_UDP);
	assert_memory_equal(err + BSD_IP_HLEN + 8 + 20 + 2, "\0\11", 2);
	assert_int_equal(bsd_in_cksum(err + BSD_IP_HLEN, 8 + 28), 0);
	net_free(n);
}

/* ppsratecheck: at most ic_errppslim errors a second. */
static void
test_error_rate_limit(void **state)
{
	struct net *n = pair();
	struct bsd_icmpstat *st = &K(n, 1)->k_icmp.ic_stat;
	struct bsd_inpcb *inp;
	int i;

	(void)state;
	/* NetBSD's icmperrppslim. */
	assert_int_equal(K(n, 1)->k_icmp.ic_errppslim, 100);
	K(n, 1)->k_icmp.ic_errppslim = 5;
	resolve(n);
	inp = bsd_udp_socket(K(n, 0), NULL, NULL);
	assert_non_null(inp);
	for (i = 0; i < 20; i++)
		assert_int_equal(bsd_udp_sendto(K(n, 0), inp, "x", 1,
		    fx_ip("10.0.0.2"), bsd_htons(9)), 0);
	net_run(n, 20 * MS);
	assert_int_equal(K(n, 1)->k_udp.us_stat.udps_noport, 20);
	assert_int_equal(n->n_host[0].h_nnotice, 5);
	assert_int_equal(st->icps_ratelimited, 15);
	assert_int_equal(st->icps_outhist[BSD_ICMP_UNREACH], 5);
	/* A second later the budget is back. */
	net_run(n, SEC);
	for (i = 0; i < 20; i++)
		(void)bsd_udp_sendto(K(n, 0), inp, "x", 1, fx_ip("10.0.0.2"),
		    bsd_htons(9));
	net_run(n, 20 * MS);
	assert_int_equal(n->n_host[0].h_nnotice, 10);
	assert_int_equal(st->icps_ratelimited, 30);
	/* A negative limit turns the limit off. */
	K(n, 1)->k_icmp.ic_errppslim = -1;
	for (i = 0; i < 20; i++)
		(void)bsd_udp_sendto(K(n, 0), inp, "x", 1, fx_ip("10.0.0.2"),
		    bsd_htons(9));
	net_run(n, 20 * MS);
	assert_int_equal(n->n_host[0].h_nnotice, 30);
	assert_int_equal(st->icps_ratelimited, 30);
	net_free(n);
}

/* Never an error about an ICMP error, nor about a later fragment. */
static void
test_no_error_about_error(void **state)
{
	struct net *n = pair();
	struct bsd_icmpstat *st = &K(n, 0)->k_icmp.ic_stat;
	uint8_t orig[128], q[64];
	size_t len;
	unsigned f0;

	(void)state;
	resolve(n);
	f0 = net_nframes(n, 0);
	/* An ICMP port unreachable B sent us ... */
	len = icmp_build(orig, fx_ip("10.0.0.2"), fx_ip("10.0.0.1"),
	    BSD_ICMP_UNREACH, BSD_ICMP_UNREACH_PORT, NULL, q,
	    quote_udp(q, 40, fx_ip("10.0.0.1"), fx_ip("10.0.0.2")));
	bsd_icmp_error(K(n, 0), orig, len, BSD_ICMP_UNREACH,
	    BSD_ICMP_UNREACH_PROTOCOL, 0, 0, 0);
	assert_int_equal(st->icps_oldicmp, 1);
	/* ... and a time exceeded are errors: nothing goes back. */
	orig[BSD_IP_HLEN] = BSD_ICMP_TIMXCEED;
	bsd_icmp_error(K(n, 0), orig, len, BSD_ICMP_UNREACH,
	    BSD_ICMP_UNREACH_PROTOCOL, 0, 0, 0);
	assert_int_equal(st->icps_oldicmp, 2);
	/* A UDP fragment other than the first: nothing either. */
	len = quote_udp(orig, 100, fx_ip("10.0.0.2"), fx_ip("10.0.0.1"));
	ip_build(orig, 100, 185, BSD_IPPROTO_UDP, fx_ip("10.0.0.2"),
	    fx_ip("10.0.0.1"));
	bsd_icmp_error(K(n, 0), orig, len, BSD_ICMP_UNREACH,
	    BSD_ICMP_UNREACH_PORT, 0, 0, 0);
	net_run(n, 20 * MS);
	assert_int_equal(frames_from(n, 0, f0), 0);
	assert_int_equal(st->icps_outhist[BSD_ICMP_UNREACH], 0);
	/* An echo request is no error: an error about it is sent. */
	len = icmp_build(orig, fx_ip("10.0.0.2"), fx_ip("10.0.0.1"),
	    BSD_ICMP_ECHO, 0, NULL, NULL, 0);
	bsd_icmp_error(K(n, 0), orig, len, BSD_ICMP_UNREACH,
	    BSD_ICMP_UNREACH_PROTOCOL, 0, 0, 0);
	net_run(n, 20 * MS);
	assert_int_equal(st->icps_oldicmp, 2);
	assert_int_equal(icmp_sent(n, 0, f0, BSD_ICMP_UNREACH, NULL), 1);
	assert_int_equal(n->n_host[1].h_nnotice, 1);
	assert_int_equal(n->n_host[1].h_notice[0].in_code,
	    BSD_ICMP_UNREACH_PROTOCOL);
	net_free(n);
}

/*
 * RFC 1122 3.2.2: no error about a link-level broadcast, a datagram
 * to an IP broadcast address, or one whose source is no single host.
 * 4.4BSD's udp_input counts udps_noportbcast for the broadcasts.
 */
static void
test_no_error_about_broadcast(void **state)
{
	struct net *n = pair();
	struct bsd_udpstat *us = &K(n, 1)->k_udp.us_stat;
	uint8_t pkt[128], frame[256];
	size_t len;
	unsigned f0;

	(void)state;
	resolve(n);
	f0 = net_nframes(n, 0);
	/* To B's address, in a link-level broadcast. */
	len = quote_udp(pkt, 30, fx_ip("10.0.0.1"), fx_ip("10.0.0.2"));
	memset(pkt + len, 'x', 2);
	net_inject(n, 0, 0, frame, eth_frame(frame, -1, 0, pkt, len + 2));
	net_run(n, 20 * MS);
	assert_int_equal(frames_from(n, 1, f0), 0);
	assert_int_equal(us->udps_noportbcast, 1);
	/* To 255.255.255.255, in a link-level broadcast. */
	(void)quote_udp(pkt, 30, fx_ip("10.0.0.1"), BSD_INADDR_BROADCAST);
	net_inject(n, 0, 0, frame, eth_frame(frame, -1, 0, pkt, len + 2));
	net_run(n, 20 * MS);
	assert_int_equal(frames_from(n, 1, f0), 0);
	assert_int_equal(us->udps_noportbcast, 2);
	/* From 0.0.0.0, which is no host to answer. */
	(void)quote_udp(pkt, 30, 0, fx_ip("10.0.0.2"));
	inject(n, 1, 0, pkt, len + 2);
	net_run(n, 20 * MS);
	assert_int_equal(frames_from(n, 1, f0), 0);
	/* Direct: no error about a packet that came as a broadcast. */
	(void)quote_udp(pkt, 28, fx_ip("10.0.0.1"), fx_ip("10.0.0.2"));
	bsd_icmp_error(K(n, 1), pkt, 28, BSD_ICMP_UNREACH,
	    BSD_ICMP_UNREACH_PORT, 0, 0, BSD_M_BCAST);
	net_run(n, 20 * MS);
	assert_int_equal(frames_from(n, 1, f0), 0);
	/*
	 * To the IP broadcast address in a frame unicast to B: the
	 * destination alone makes it a broadcast (in_broadcast()).
	 */
	(void)quote_udp(pkt, 30, fx_ip("10.0.0.1"), BSD_INADDR_BROADCAST);
	inject(n, 1, 0, pkt, len + 2);
	net_run(n, 20 * MS);
	assert_int_equal(n->n_host[0].h_nnotice, 0);
	assert_int_equal(frames_from(n, 1, f0), 0);
	assert_int_equal(us->udps_noportbcast, 3);
	net_free(n);
}

/* An echo request sent as a broadcast is not answered (icmpbmcastecho 0). */
static void
test_broadcast_echo_ignored(void **state)
{
	struct net *n = pair();
	uint8_t pkt[128];
	uint8_t frame[256];
	size_t len;
	unsigned f0 = net_nframes(n, 0);

	(void)state;
	len = icmp_build(pkt, fx_ip("10.0.0.1"), BSD_INADDR_BROADCAST,
	    BSD_ICMP_ECHO, 0, (const uint8_t *)"\0\1\0\1", NULL, 0);
	net_inject(n, 0, 0, frame, eth_frame(frame, -1, 0, pkt, len));
	net_run(n, 20 * MS);
	assert_int_equal(K(n, 1)->k_icmp.ic_stat.icps_bmcastecho, 1);
	assert_int_equal(K(n, 1)->k_icmp.ic_stat.icps_reflect, 0);
	assert_int_equal(frames_from(n, 1, f0), 0);
	net_free(n);
}

static void
test_checksum_and_short(void **state)
{
	struct net *n = pair();
	struct bsd_icmpstat *st = &K(n, 1)->k_icmp.ic_stat;
	uint8_t pkt[128];
	size_t len;
	unsigned f0;

	(void)state;
	resolve(n);
	assert_int_equal(st->icps_reflect, 1);
	f0 = net_nframes(n, 0);
	len = icmp_build(pkt, fx_ip("10.0.0.1"), fx_ip("10.0.0.2"),
	    BSD_ICMP_ECHO, 0, (const uint8_t *)"\0\1\0\1", NULL, 0);
	pkt[BSD_IP_HLEN + 7] ^= 0x40;	/* the sequence, under the sum */
	inject(n, 1, 0, pkt, len);
	net_run(n, 20 * MS);
	assert_int_equal(st->icps_checksum, 1);
	assert_int_equal(st->icps_reflect, 1);
	assert_int_equal(st->icps_inhist[BSD_ICMP_ECHO], 1);	/* resolve() */
	/* Four octets of ICMP: shorter than any message. */
	ip_build(pkt, BSD_IP_HLEN + 4, 0, BSD_IPPROTO_ICMP, fx_ip("10.0.0.1"),
	    fx_ip("10.0.0.2"));
	memset(pkt + BSD_IP_HLEN, 0, 4);
	inject(n, 1, 0, pkt, BSD_IP_HLEN + 4);
	net_run(n, 20 * MS);
	assert_int_equal(st->icps_tooshort, 1);
	assert_int_equal(frames_from(n, 1, f0), 0);
	net_free(n);
}

/*
 * A redirect from gw_from, telling us to reach qdst through newgw, as
 * it arrives on fx's eth0; icmplen cut to cut octets if nonzero.
 */
static void
redirect_in(struct fx *fx, int code, const char *gw_from, const char *newgw,
    const char *qdst, size_t cut)
{
	uint8_t pkt[128], q[64];
	uint32_t gw = fx_ip(newgw);
	size_t len, ql;

	ql = quote_udp(q, 100, fx_ip("10.0.0.1"), fx_ip(qdst));
	len = icmp_build(pkt, fx_ip(gw_from), fx_ip("10.0.0.1"),
	    BSD_ICMP_REDIRECT, code, (const uint8_t *)&gw, q, ql);
	if (cut != 0) {
		uint16_t sum = 0;

		len = BSD_IP_HLEN + cut;
		ip_build(pkt, (uint16_t)len, 0, BSD_IPPROTO_ICMP,
		    fx_ip(gw_from), fx_ip("10.0.0.1"));
		memcpy(pkt + BSD_IP_HLEN + 2, &sum, 2);
		sum = bsd_htons(bsd_in_cksum(pkt + BSD_IP_HLEN, cut));
		memcpy(pkt + BSD_IP_HLEN + 2, &sum, 2);
	}
	bsd_ip_input(fx->k, fx->ifp, pkt, len, 0);
}

static void
test_redirect_input(void **state)
{
	struct fx *fx = fx_new("netbsd-2");
	struct bsd_icmpstat *st = &fx->k->k_icmp.ic_stat;
	struct bsd_rtentry *rt;
	uint64_t total;

	(void)state;
	total = bsd_rt_total(fx->k);
	/* Code 4 is no redirect. */
	redirect_in(fx, 4, "10.0.0.254", "10.0.0.253", "192.168.5.5", 0);
	assert_int_equal(st->icps_badcode, 1);
	/* Too short to quote a header and 8 octets (ICMP_ADVLENMIN 36). */
	redirect_in(fx, BSD_ICMP_REDIRECT_HOST, "10.0.0.254", "10.0.0.253",
	    "192.168.5.5", 8 + 20 + 4);
	assert_int_equal(st->icps_badlen, 1);
	assert_int_equal(bsd_rt_total(fx->k), total);
	assert_null(fx_lookup(fx, "192.168.5.5", 32));
	/* From our current first hop: a dynamic host route, UGHD. */
	redirect_in(fx, BSD_ICMP_REDIRECT_HOST, "10.0.0.254", "10.0.0.253",
	    "192.168.5.5", 0);
	rt = fx_lookup(fx, "192.168.5.5", 32);
	assert_non_null(rt);
	assert_int_equal(rt->rt_flags & (BSD_RTF_UP | BSD_RTF_GATEWAY |
	    BSD_RTF_HOST | BSD_RTF_DYNAMIC), BSD_RTF_UP | BSD_RTF_GATEWAY |
	    BSD_RTF_HOST | BSD_RTF_DYNAMIC);
	assert_int_equal(rt->rt_gw.sin.sin_addr, fx_ip("10.0.0.253"));
	assert_int_equal(rt->rt_kind, BSD_RTK_REDIRECT);
	assert_int_equal(fx->k->k_rtstat.rts_dynamic, 1);
	assert_int_equal(fx_nmsgs(fx, BSD_RTM_REDIRECT), 1);
	/* From anyone else: refused (rtredirect's first-hop check). */
	redirect_in(fx, BSD_ICMP_REDIRECT_HOST, "10.0.0.99", "10.0.0.253",
	    "192.168.6.6", 0);
	assert_null(fx_lookup(fx, "192.168.6.6", 32));
	assert_int_equal(fx->k->k_rtstat.rts_badredirect, 1);
	/* To a gateway we cannot reach directly: refused. */
	redirect_in(fx, BSD_ICMP_REDIRECT_HOST, "10.0.0.254", "172.16.0.1",
	    "192.168.6.6", 0);
	assert_null(fx_lookup(fx, "192.168.6.6", 32));
	assert_int_equal(fx->k->k_rtstat.rts_badredirect, 2);
	/* To ourselves: a loop, refused. */
	redirect_in(fx, BSD_ICMP_REDIRECT_HOST, "10.0.0.254", "10.0.0.1",
	    "192.168.6.6", 0);
	assert_null(fx_lookup(fx, "192.168.6.6", 32));
	assert_int_equal(fx->k->k_rtstat.rts_badredirect, 3);
	/* A network redirect makes a host route (RFC 1122 3.3.1.2). */
	redirect_in(fx, BSD_ICMP_REDIRECT_NET, "10.0.0.254", "10.0.0.253",
	    "192.168.7.7", 0);
	assert_non_null(fx_lookup(fx, "192.168.7.7", 32));
	assert_null(fx_lookup(fx, "192.168.7.0", 24));
	assert_int_equal(fx->k->k_rtstat.rts_dynamic, 2);
	assert_int_equal(st->icps_inhist[BSD_ICMP_REDIRECT], 7);
	fx_free(fx);
}

/*
 * A (0) 10.0.0.1 with a default route via R (1) 10.0.0.254; R answers
 * ARP but routes nothing.
 */
static struct net *
with_router(void)
{
	struct net *n = net_new();
	struct bsd_sockaddr_in d = fx_sin("0.0.0.0"), g = fx_sin("10.0.0.254");
	struct bsd_sockaddr_in m;

	assert_int_equal(net_add_host(n, "netbsd-2"), 0);
	assert_int_equal(net_add_host(n, "netbsd-2"), 1);
	(void)net_attach(n, 0, 0, &bsd_media_ether, NULL, "10.0.0.1/24", 0);
	(void)net_attach(n, 1, 0, &bsd_media_ether, NULL, "10.0.0.254/24", 0);
	bsd_sin_mask(&m, 0);
	assert_int_equal(bsd_rtrequest(K(n, 0), BSD_RTM_ADD,
	    (struct bsd_sockaddr *)&d, (struct bsd_sockaddr *)&g,
	    (struct bsd_sockaddr *)&m, BSD_RTF_GATEWAY | BSD_RTF_STATIC,
	    NULL), 0);
	net_run(n, MS);
	assert_int_equal(bsd_icmp_echo(K(n, 0), fx_ip("10.0.0.254"), 1, 1, 8),
	    0);
	net_run(n, 20 * MS);
	return n;
}

/* R tells A that its 1500-octet packet to dst needs a next hop of mtu. */
static void
needfrag_in(struct net *n, const char *dst, uint16_t mtu)
{
	uint8_t pkt[128], q[64], word[4] = { 0, 0, 0, 0 };
	size_t len;

	bsd_be16enc(word + 2, mtu);
	len = icmp_build(pkt, fx_ip("10.0.0.254"), fx_ip("10.0.0.1"),
	    BSD_ICMP_UNREACH, BSD_ICMP_UNREACH_NEEDFRAG, word, q,
	    quote_udp(q, 1500, fx_ip("10.0.0.1"), fx_ip(dst)));
	inject(n, 0, 1, pkt, len);
	net_run(n, MS);
}

static void
test_needfrag_input(void **state)
{
	struct net *n = with_router();
	struct bsd_rtentry *rt;
	struct bsd_inpcb *inp;
	static uint8_t data[1400];
	const struct net_frame *f;
	unsigned f0, i, c;

	(void)state;
	needfrag_in(n, "192.168.5.5", 1280);
	rt = bsd_rtlookup(K(n, 0), fx_ip("192.168.5.5"), 32);
	assert_non_null(rt);
	assert_int_equal(rt->rt_kind, BSD_RTK_PMTU);
	assert_int_equal(rt->rt_rmx.rmx_mtu, 1280);
	assert_int_equal(rt->rt_flags & (BSD_RTF_GATEWAY | BSD_RTF_HOST |
	    BSD_RTF_DYNAMIC), BSD_RTF_GATEWAY | BSD_RTF_HOST |
	    BSD_RTF_DYNAMIC);
	assert_int_equal(rt->rt_gw.sin.sin_addr, fx_ip("10.0.0.254"));
	assert_int_equal(n->n_host[0].h_notice[n->n_host[0].h_nnotice - 1].
	    in_code, BSD_ICMP_UNREACH_NEEDFRAG);
	/* What A sends there next is cut to 1280. */
	f0 = net_nframes(n, 0);
	inp = bsd_udp_socket(K(n, 0), NULL, NULL);
	assert_non_null(inp);
	assert_int_equal(bsd_udp_sendto(K(n, 0), inp, data, sizeof(data),
	    fx_ip("192.168.5.5"), bsd_htons(9)), 0);
	net_run(n, 20 * MS);
	for (i = f0, c = 0; i < net_nframes(n, 0); i++) {
		f = net_frame(n, 0, i);
		if (f->f_host != 0 || f->f_data[ETHER_HDR + 9] !=
		    BSD_IPPROTO_UDP)
			continue;
		assert_true(bsd_be16dec(f->f_data + ETHER_HDR + 2) <= 1280);
		if (c++ == 0)
			assert_int_equal(bsd_be16dec(f->f_data + ETHER_HDR +
			    2), 20 + 1256);
	}
	assert_int_equal(c, 2);
	/* An old router gives no MTU: the plateau below 1500, 1492. */
	needfrag_in(n, "192.168.5.6", 0);
	rt = bsd_rtlookup(K(n, 0), fx_ip("192.168.5.6"), 32);
	assert_non_null(rt);
	assert_int_equal(rt->rt_rmx.rmx_mtu, 1492);
	/* More than the interface's MTU is not believed. */
	needfrag_in(n, "192.168.5.7", 9000);
	rt = bsd_rtlookup(K(n, 0), fx_ip("192.168.5.7"), 32);
	assert_non_null(rt);
	assert_int_equal(rt->rt_rmx.rmx_mtu, 0);
	net_free(n);
}

/*
 * rtredirect()'s first check at the netmask's edge: a new gateway must
 * be on a directly connected net (ifa_ifwithnet).  10.0.0.2 is, on our
 * 10.0.0.0/24; 10.0.1.1, one past the mask, is not (ENETUNREACH, counted
 * in rts_badredirect, no route).
 */
static void
test_redirect_gateway_at_mask_edge(void **state)
{
	struct fx *fx = fx_keep(fx_new("netbsd-2"));

	(void)state;
	redirect_in(fx, BSD_ICMP_REDIRECT_HOST, "10.0.0.254", "10.0.1.1",
	    "192.168.8.8", 0);
	assert_null(fx_lookup(fx, "192.168.8.8", 32));
	assert_int_equal(fx->k->k_rtstat.rts_badredirect, 1);
	assert_int_equal(fx->k->k_rtstat.rts_dynamic, 0);
	/* The routing socket hears why: ENETUNREACH, not the first-hop EINVAL. */
	assert_true(fx->nmsgs > 0);
	assert_int_equal(fx->msgs[fx->nmsgs - 1].rtm_type, BSD_RTM_REDIRECT);
	assert_int_equal(fx->msgs[fx->nmsgs - 1].rtm_errno, ENETUNREACH);
	redirect_in(fx, BSD_ICMP_REDIRECT_HOST, "10.0.0.254", "10.0.0.2",
	    "192.168.8.8", 0);
	assert_non_null(fx_lookup(fx, "192.168.8.8", 32));
	assert_int_equal(fx->k->k_rtstat.rts_badredirect, 1);
	assert_int_equal(fx->k->k_rtstat.rts_dynamic, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_echo_reply),
		cmocka_unit_test(test_port_unreachable),
		cmocka_unit_test(test_error_rate_limit),
		cmocka_unit_test(test_no_error_about_error),
		cmocka_unit_test(test_no_error_about_broadcast),
		cmocka_unit_test(test_broadcast_echo_ignored),
		cmocka_unit_test(test_checksum_and_short),
		cmocka_unit_test(test_redirect_input),
		cmocka_unit_test(test_needfrag_input),
		FX_TEST(test_redirect_gateway_at_mask_edge),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
