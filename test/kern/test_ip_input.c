/*
 * IP input (bsd_ip_input.c): header checks counted by reason, and
 * ip_forward() on a router: TTL, time exceeded, host redirects.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
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

/*
 * An IPv4 header of hlen octets (options zeroed) at p, with a correct
 * checksum; every address and field in network order where it should.
 */
static void
ip_build(uint8_t *p, size_t hlen, uint16_t totlen, uint16_t id, uint16_t off,
    uint8_t ttl, uint8_t proto, uint32_t src, uint32_t dst)
{
	struct bsd_ip ip;
	uint16_t sum;

	memset(p, 0, hlen);
	memset(&ip, 0, sizeof(ip));
	ip.ip_vhl = (uint8_t)(0x40 | (hlen >> 2));
	ip.ip_len = bsd_htons(totlen);
	ip.ip_id = bsd_htons(id);
	ip.ip_off = bsd_htons(off);
	ip.ip_ttl = ttl;
	ip.ip_p = proto;
	ip.ip_src = src;
	ip.ip_dst = dst;
	memcpy(p, &ip, sizeof(ip));
	sum = bsd_htons(bsd_in_cksum(p, hlen));
	memcpy(p + 10, &sum, 2);
}

/* Recompute the header checksum after a field was changed. */
static void
ip_resum(uint8_t *p)
{
	uint16_t sum = 0;

	memcpy(p + 10, &sum, 2);
	sum = bsd_htons(bsd_in_cksum(p, (size_t)(p[0] & 0xf) << 2));
	memcpy(p + 10, &sum, 2);
}

/* A UDP datagram (checksum 0: none) of dlen octets to port 7 at p. */
static size_t
udp_packet(uint8_t *p, size_t dlen, uint32_t src, uint32_t dst)
{
	size_t len = BSD_IP_HLEN + BSD_UDP_HLEN + dlen;

	ip_build(p, BSD_IP_HLEN, (uint16_t)len, 1, 0, 64, BSD_IPPROTO_UDP,
	    src, dst);
	bsd_be16enc(p + 20, 1234);
	bsd_be16enc(p + 22, 7);
	bsd_be16enc(p + 24, (uint16_t)(BSD_UDP_HLEN + dlen));
	p[26] = p[27] = 0;
	memset(p + 28, 0xa5, dlen);
	return len;
}

/* What a test's UDP socket heard. */
struct heard {
	unsigned	n;
	size_t		len;
};

static void
heard_upcall(void *arg, struct bsd_inpcb *inp, const uint8_t *data,
    size_t len, uint32_t faddr, uint16_t fport)
{
	struct heard *h = arg;

	(void)inp;
	(void)data;
	(void)faddr;
	(void)fport;
	h->n++;
	h->len = len;
}

/* A kernel (eth0 10.0.0.1/24) with a UDP socket on port 7. */
static struct fx *
listener(struct heard *h)
{
	struct fx *fx = fx_new("netbsd-2");
	struct bsd_inpcb *inp;

	memset(h, 0, sizeof(*h));
	inp = bsd_udp_socket(fx->k, heard_upcall, h);
	assert_non_null(inp);
	assert_int_equal(bsd_udp_bind(fx->k, inp, 0, bsd_htons(7)), 0);
	return fx;
}

static void
feed(struct fx *fx, const uint8_t *pkt, size_t len)
{

	bsd_ip_input(fx->k, fx->ifp, pkt, len, 0);
}

/* The sound packet is delivered: the checks below fail on one fault. */
static void
test_good_packet_delivered(void **state)
{
	struct bsd_ipstat *st;
	struct heard h;
	struct fx *fx = listener(&h);
	uint8_t pkt[128];
	size_t len;

	(void)state;
	st = &fx->k->k_ip.is_stat;
	len = udp_packet(pkt, 40, fx_ip("10.0.0.9"), fx_ip("10.0.0.1"));
	feed(fx, pkt, len);
	assert_int_equal(h.n, 1);
	assert_int_equal(h.len, 40);
	assert_int_equal(st->ips_total, 1);
	assert_int_equal(st->ips_delivered, 1);
	/* Link padding behind ip_len is trimmed, not taken as data. */
	memset(pkt + len, 0, 20);
	feed(fx, pkt, len + 20);
	assert_int_equal(h.n, 2);
	assert_int_equal(h.len, 40);
	fx_free(fx);
}

static void
test_toosmall(void **state)
{
	struct heard h;
	struct fx *fx = listener(&h);
	uint8_t pkt[128];

	(void)state;
	(void)udp_packet(pkt, 40, fx_ip("10.0.0.9"), fx_ip("10.0.0.1"));
	feed(fx, pkt, BSD_IP_HLEN - 1);
	feed(fx, pkt, 0);
	assert_int_equal(fx->k->k_ip.is_stat.ips_toosmall, 2);
	assert_int_equal(fx->k->k_ip.is_stat.ips_delivered, 0);
	assert_int_equal(h.n, 0);
	fx_free(fx);
}

static void
test_badvers(void **state)
{
	struct heard h;
	struct fx *fx = listener(&h);
	uint8_t pkt[128];
	size_t len;

	(void)state;
	len = udp_packet(pkt, 40, fx_ip("10.0.0.9"), fx_ip("10.0.0.1"));
	pkt[0] = 0x65;		/* version 6 */
	ip_resum(pkt);
	feed(fx, pkt, len);
	assert_int_equal(fx->k->k_ip.is_stat.ips_badvers, 1);
	assert_int_equal(fx->k->k_ip.is_stat.ips_delivered, 0);
	assert_int_equal(h.n, 0);
	fx_free(fx);
}

static void
test_badhlen(void **state)
{
	struct heard h;
	struct fx *fx = listener(&h);
	uint8_t pkt[128];
	size_t len;

	(void)state;
	/* A header length below 20 octets. */
	len = udp_packet(pkt, 40, fx_ip("10.0.0.9"), fx_ip("10.0.0.1"));
	pkt[0] = 0x44;
	ip_resum(pkt);
	feed(fx, pkt, len);
	assert_int_equal(fx->k->k_ip.is_stat.ips_badhlen, 1);
	/* A 60-octet header in a 40-octet packet. */
	len = udp_packet(pkt, 12, fx_ip("10.0.0.9"), fx_ip("10.0.0.1"));
	pkt[0] = 0x4f;
	feed(fx, pkt, len);
	assert_int_equal(fx->k->k_ip.is_stat.ips_badhlen, 2);
	assert_int_equal(fx->k->k_ip.is_stat.ips_delivered, 0);
	assert_int_equal(h.n, 0);
	fx_free(fx);
}

static void
test_badsum(void **state)
{
	struct heard h;
	struct fx *fx = listener(&h);
	uint8_t pkt[128];
	size_t len;

	(void)state;
	len = udp_packet(pkt, 40, fx_ip("10.0.0.9"), fx_ip("10.0.0.1"));
	pkt[10] ^= 0x01;
	feed(fx, pkt, len);
	/* A header field changed under a good checksum. */
	len = udp_packet(pkt, 40, fx_ip("10.0.0.9"), fx_ip("10.0.0.1"));
	pkt[8] = 3;
	feed(fx, pkt, len);
	assert_int_equal(fx->k->k_ip.is_stat.ips_badsum, 2);
	assert_int_equal(fx->k->k_ip.is_stat.ips_delivered, 0);
	assert_int_equal(h.n, 0);
	/* Traced as a checksum drop, not as a malformed header. */
	assert_int_equal(fx->drops[BSD_DROP_IP_CKSUM], 2);
	assert_int_equal(fx->drops[BSD_DROP_IP_HEADER], 0);
	assert_string_equal(bsd_drop_name(BSD_DROP_IP_CKSUM), "ip-cksum");
	assert_string_equal(bsd_drop_name(BSD_DROP_IP_HEADER), "ip-header");
	fx_free(fx);
}

static void
test_badlen(void **state)
{
	struct heard h;
	struct fx *fx = listener(&h);
	uint8_t pkt[128];
	size_t len;

	(void)state;
	/* ip_len shorter than the header itself. */
	len = udp_packet(pkt, 40, fx_ip("10.0.0.9"), fx_ip("10.0.0.1"));
	bsd_be16enc(pkt + 2, 19);
	ip_resum(pkt);
	feed(fx, pkt, len);
	assert_int_equal(fx->k->k_ip.is_stat.ips_badlen, 1);
	assert_int_equal(fx->k->k_ip.is_stat.ips_delivered, 0);
	assert_int_equal(h.n, 0);
	fx_free(fx);
}

static void
test_tooshort(void **state)
{
	struct heard h;
	struct fx *fx = listener(&h);
	uint8_t pkt[128];
	size_t len;

	(void)state;
	/* ip_len says more than arrived. */
	len = udp_packet(pkt, 40, fx_ip("10.0.0.9"), fx_ip("10.0.0.1"));
	feed(fx, pkt, len - 1);
	assert_int_equal(fx->k->k_ip.is_stat.ips_tooshort, 1);
	assert_int_equal(fx->k->k_ip.is_stat.ips_delivered, 0);
	assert_int_equal(h.n, 0);
	fx_free(fx);
}

/*
 * A datagram to the subnet's broadcast address, 10.0.0.255, is ours
 * (ip_input: ia_broadaddr), as is one to 255.255.255.255; so is the
 * 4.2BSD all-zeros broadcast 10.0.0.0 (ia_subnet).
 */
static void
test_broadcast_addresses_are_ours(void **state)
{
	static const char *const dsts[] = {
		"255.255.255.255", "10.0.0.255", "10.0.0.0"
	};
	struct heard h;
	struct fx *fx = listener(&h);
	uint8_t pkt[128];
	size_t i, len;

	(void)state;
	for (i = 0; i < sizeof(dsts) / sizeof(dsts[0]); i++) {
		print_message("to %s\n", dsts[i]);
		len = udp_packet(pkt, 40, fx_ip("10.0.0.9"), fx_ip(dsts[i]));
		bsd_ip_input(fx->k, fx->ifp, pkt, len, BSD_M_BCAST);
		assert_int_equal(fx->k->k_ip.is_stat.ips_notforus, 0);
		assert_int_equal(h.n, i + 1);
	}
	fx_free(fx);
}

/* Only our addresses and broadcasts are ours: not 1.0.0.0, nor 0.0.0.1. */
static void
test_only_our_addresses_are_ours(void **state)
{
	static const char *const dsts[] = {
		"1.0.0.0", "0.0.0.1", "10.0.0.2", "10.0.1.255"
	};
	struct heard h;
	struct fx *fx = listener(&h);
	uint8_t pkt[128];
	size_t i, len;

	(void)state;
	for (i = 0; i < sizeof(dsts) / sizeof(dsts[0]); i++) {
		print_message("to %s\n", dsts[i]);
		len = udp_packet(pkt, 40, fx_ip("10.0.0.9"), fx_ip(dsts[i]));
		feed(fx, pkt, len);
		assert_int_equal(h.n, 0);
		assert_int_equal(fx->k->k_ip.is_stat.ips_notforus, i + 1);
	}
	fx_free(fx);
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

/* The same checks on packets that arrive as frames from the wire. */
static void
test_checks_on_frames(void **state)
{
	struct net *n = pair();
	struct bsd_ipstat *st = &K(n, 1)->k_ip.is_stat;
	uint8_t pkt[128], frame[256];
	size_t len, flen;
	unsigned f0;

	(void)state;
	(void)net_udp_sink(n, 1, 7);
	f0 = net_nframes(n, 0);
	len = udp_packet(pkt, 40, fx_ip("10.0.0.1"), fx_ip("10.0.0.2"));
	/* bad version */
	pkt[0] = 0x55;
	ip_resum(pkt);
	flen = eth_frame(frame, 1, 0, pkt, len);
	net_inject(n, 0, 0, frame, flen);
	/* bad header length */
	pkt[0] = 0x43;
	ip_resum(pkt);
	flen = eth_frame(frame, 1, 0, pkt, len);
	net_inject(n, 0, 0, frame, flen);
	/* bad checksum */
	pkt[0] = 0x45;
	ip_resum(pkt);
	pkt[11] ^= 0x80;
	flen = eth_frame(frame, 1, 0, pkt, len);
	net_inject(n, 0, 0, frame, flen);
	/* ip_len below the header */
	pkt[11] ^= 0x80;
	bsd_be16enc(pkt + 2, 12);
	ip_resum(pkt);
	flen = eth_frame(frame, 1, 0, pkt, len);
	net_inject(n, 0, 0, frame, flen);
	/* ip_len past the frame (no Ethernet padding to hide it) */
	bsd_be16enc(pkt + 2, (uint16_t)(len + 100));
	ip_resum(pkt);
	flen = eth_frame(frame, 1, 0, pkt, len);
	net_inject(n, 0, 0, frame, flen);
	/* a frame too short for an IP header */
	flen = eth_frame(frame, 1, 0, pkt, 10);
	net_inject(n, 0, 0, frame, flen);
	net_run(n, 10 * MS);
	assert_int_equal(st->ips_badvers, 1);
	assert_int_equal(st->ips_badhlen, 1);
	assert_int_equal(st->ips_badsum, 1);
	assert_int_equal(st->ips_badlen, 1);
	assert_int_equal(st->ips_tooshort, 1);
	assert_int_equal(st->ips_toosmall, 1);
	assert_int_equal(st->ips_delivered, 0);
	assert_int_equal(n->n_host[1].h_udprecv, 0);
	/* Nothing was answered: no ICMP, no ARP for the claimed source. */
	assert_int_equal(net_nframes(n, 0), f0);
	net_free(n);
}

/* Add dst/plen via gw to k as a static route. */
static void
route_add(struct bsd_kernel *k, const char *dst, unsigned plen,
    const char *gw)
{
	struct bsd_sockaddr_in d = fx_sin(dst), g = fx_sin(gw), m;
	uint32_t flags = BSD_RTF_GATEWAY | BSD_RTF_STATIC;

	bsd_sin_mask(&m, plen);
	if (plen == 32)
		flags |= BSD_RTF_HOST;
	assert_int_equal(bsd_rtrequest(k, BSD_RTM_ADD,
	    (struct bsd_sockaddr *)&d, (struct bsd_sockaddr *)&g,
	    plen == 32 ? NULL : (struct bsd_sockaddr *)&m, flags, NULL), 0);
}

/*
 * A (0) 10.0.1.1 on segment 0, router R (1) 10.0.1.254 on 0 and
 * 10.0.2.254 on 1, B (2) 10.0.2.2 on segment 1; A and B route by R.
 */
static struct net *
routed(void)
{
	struct net *n = net_new();

	assert_int_equal(net_add_host(n, "netbsd-2"), 0);
	assert_int_equal(net_add_host(n, "netbsd-2"), 1);
	assert_int_equal(net_add_host(n, "netbsd-2"), 2);
	(void)net_attach(n, 0, 0, &bsd_media_ether, NULL, "10.0.1.1/24", 0);
	(void)net_attach(n, 1, 0, &bsd_media_ether, NULL, "10.0.1.254/24", 0);
	(void)net_attach(n, 1, 1, &bsd_media_ether, NULL, "10.0.2.254/24", 0);
	(void)net_attach(n, 2, 1, &bsd_media_ether, NULL, "10.0.2.2/24", 0);
	K(n, 1)->k_ip.is_forwarding = 1;
	route_add(K(n, 0), "0.0.0.0", 0, "10.0.1.254");
	route_add(K(n, 2), "0.0.0.0", 0, "10.0.2.254");
	net_run(n, MS);
	return n;
}

/* The IP packet in Ethernet frame f, or NULL. */
static const uint8_t *
frame_ip(const struct net_frame *f)
{

	if (f->f_len < ETHER_HDR + BSD_IP_HLEN || f->f_data[12] != 0x08 ||
	    f->f_data[13] != 0x00)
		return NULL;
	return f->f_data + ETHER_HDR;
}

/*
 * The i-th (from 0) ICMP message of type sent on seg by host h, from
 * frame `from` on; NULL if there is none.
 */
static const uint8_t *
find_icmp(const struct net *n, int seg, int h, unsigned from, int type,
    unsigned i)
{
	const struct net_frame *f;
	const uint8_t *ip;
	unsigned j;

	for (j = from; j < net_nframes(n, seg); j++) {
		f = net_frame(n, seg, j);
		if (f->f_host != h || (ip = frame_ip(f)) == NULL ||
		    ip[9] != BSD_IPPROTO_ICMP)
			continue;
		if (ip[((ip[0] & 0xf) << 2)] != type)
			continue;
		if (i-- == 0)
			return ip;
	}
	return NULL;
}

static void
test_router_forwards_ping(void **state)
{
	struct net *n = routed();
	const uint8_t *in, *out;

	(void)state;
	assert_int_equal(bsd_icmp_echo(K(n, 0), fx_ip("10.0.2.2"), 9, 1, 56),
	    0);
	net_run(n, 50 * MS);
	/* The reply came back through the router. */
	assert_int_equal(n->n_host[0].h_nnotice, 1);
	assert_int_equal(n->n_host[0].h_notice[0].in_type, BSD_ICMP_ECHOREPLY);
	assert_int_equal(n->n_host[0].h_notice[0].in_from, fx_ip("10.0.2.2"));
	assert_int_equal(n->n_host[0].h_notice[0].in_seq, 1);
	/* Request and reply, each forwarded once. */
	assert_int_equal(K(n, 1)->k_ip.is_stat.ips_forward, 2);
	assert_int_equal(K(n, 1)->k_ip.is_stat.ips_cantforward, 0);
	assert_int_equal(K(n, 1)->k_ip.is_stat.ips_delivered, 0);
	/* TTL one less on the far side, header checksum still right. */
	in = find_icmp(n, 0, 0, 0, BSD_ICMP_ECHO, 0);
	out = find_icmp(n, 1, 1, 0, BSD_ICMP_ECHO, 0);
	assert_non_null(in);
	assert_non_null(out);
	assert_int_equal(in[8], 64);
	assert_int_equal(out[8], 63);
	assert_int_equal(bsd_in_cksum(out, BSD_IP_HLEN), 0);
	assert_memory_equal(in + 12, out + 12, 8);	/* src, dst */
	net_free(n);
}

static void
test_ttl_one_time_exceeded(void **state)
{
	struct net *n = routed();
	const struct bsd_icmp_notice *no;

	(void)state;
	K(n, 0)->k_ip.is_defttl = 1;
	assert_int_equal(bsd_icmp_echo(K(n, 0), fx_ip("10.0.2.2"), 9, 1, 56),
	    0);
	net_run(n, 50 * MS);
	assert_int_equal(K(n, 1)->k_ip.is_stat.ips_cantforward, 1);
	assert_int_equal(K(n, 1)->k_ip.is_stat.ips_forward, 0);
	/* Nothing went out on the far side, B heard nothing. */
	assert_null(find_icmp(n, 1, 1, 0, BSD_ICMP_ECHO, 0));
	assert_int_equal(K(n, 2)->k_icmp.ic_stat.icps_inhist[BSD_ICMP_ECHO], 0);
	/* A heard of it: time exceeded in transit, about its packet to B. */
	assert_int_equal(n->n_host[0].h_nnotice, 1);
	no = &n->n_host[0].h_notice[0];
	assert_int_equal(no->in_type, BSD_ICMP_TIMXCEED);
	assert_int_equal(no->in_code, 0);
	assert_int_equal(no->in_from, fx_ip("10.0.1.254"));
	assert_int_equal(no->in_quoted_dst, fx_ip("10.0.2.2"));
	net_free(n);
}

static void
test_notforus_on_host(void **state)
{
	struct net *n = routed();
	uint8_t pkt[128], frame[256];
	size_t len, flen;
	unsigned f1;

	(void)state;
	(void)net_udp_sink(n, 2, 7);
	/* To B's link address, but for an IP address B does not have. */
	len = udp_packet(pkt, 40, fx_ip("10.0.2.254"), fx_ip("10.0.2.77"));
	flen = eth_frame(frame, 2, 1, pkt, len);
	f1 = net_nframes(n, 1);
	net_inject(n, 1, 1, frame, flen);
	net_run(n, 10 * MS);
	assert_int_equal(K(n, 2)->k_ip.is_stat.ips_notforus, 1);
	assert_int_equal(K(n, 2)->k_ip.is_stat.ips_forward, 0);
	assert_int_equal(K(n, 2)->k_ip.is_stat.ips_delivered, 0);
	assert_int_equal(n->n_host[2].h_udprecv, 0);
	/* A host neither forwards it nor complains. */
	assert_int_equal(net_nframes(n, 1), f1);
	net_free(n);
}

/* A router forwards no link-level broadcast (ip_forward: M_BCAST). */
static void
test_router_ignores_link_broadcast(void **state)
{
	struct net *n = routed();
	uint8_t pkt[128], frame[256];
	size_t len, flen;
	unsigned f1;

	(void)state;
	(void)net_udp_sink(n, 2, 7);
	len = udp_packet(pkt, 40, fx_ip("10.0.1.1"), fx_ip("10.0.2.2"));
	flen = eth_frame(frame, -1, 0, pkt, len);
	f1 = net_nframes(n, 1);
	net_inject(n, 0, 0, frame, flen);
	net_run(n, 10 * MS);
	assert_int_equal(K(n, 1)->k_ip.is_stat.ips_forward, 0);
	assert_int_equal(net_nframes(n, 1), f1);
	assert_int_equal(n->n_host[2].h_udprecv, 0);
	net_free(n);
}

/*
 * Segment 0: A (0) 10.0.0.1, default via R; R (1) 10.0.0.254, reaching
 * 192.168.9/24 via R2; R2 (2) 10.0.0.253 and 192.168.9.254 on segment
 * 1, where F (3) 192.168.9.9 lives.
 */
static struct net *
redirect_net(void)
{
	struct net *n = net_new();

	assert_int_equal(net_add_host(n, "netbsd-2"), 0);
	assert_int_equal(net_add_host(n, "netbsd-2"), 1);
	assert_int_equal(net_add_host(n, "netbsd-2"), 2);
	assert_int_equal(net_add_host(n, "netbsd-2"), 3);
	(void)net_attach(n, 0, 0, &bsd_media_ether, NULL, "10.0.0.1/24", 0);
	(void)net_attach(n, 1, 0, &bsd_media_ether, NULL, "10.0.0.254/24", 0);
	(void)net_attach(n, 2, 0, &bsd_media_ether, NULL, "10.0.0.253/24", 0);
	(void)net_attach(n, 2, 1, &bsd_media_ether, NULL,
	    "192.168.9.254/24", 0);
	(void)net_attach(n, 3, 1, &bsd_media_ether, NULL, "192.168.9.9/24",
	    0);
	K(n, 1)->k_ip.is_forwarding = 1;
	K(n, 2)->k_ip.is_forwarding = 1;
	route_add(K(n, 0), "0.0.0.0", 0, "10.0.0.254");
	route_add(K(n, 1), "192.168.9.0", 24, "10.0.0.253");
	route_add(K(n, 3), "0.0.0.0", 0, "192.168.9.254");
	net_run(n, MS);
	return n;
}

static void
test_redirect_end_to_end(void **state)
{
	struct net *n = redirect_net();
	const uint8_t *ip, *icp;
	struct bsd_rtentry *rt;
	uint32_t gw = fx_ip("10.0.0.253"), a = fx_ip("10.0.0.1");
	uint32_t f = fx_ip("192.168.9.9");
	uint64_t fwd;
	unsigned i, f0;
	uint8_t r2mac[6];

	(void)state;
	assert_int_equal(bsd_icmp_echo(K(n, 0), fx_ip("192.168.9.9"), 9, 1,
	    56), 0);
	net_run(n, 50 * MS);
	/* R forwarded it to R2 and told A of the better first hop. */
	assert_int_equal(K(n, 1)->k_ip.is_stat.ips_forward, 1);
	assert_int_equal(K(n, 1)->k_ip.is_stat.ips_redirectsent, 1);
	ip = find_icmp(n, 0, 1, 0, BSD_ICMP_REDIRECT, 0);
	assert_non_null(ip);
	icp = ip + BSD_IP_HLEN;
	assert_int_equal(icp[1], BSD_ICMP_REDIRECT_HOST);	/* RFC 1812 */
	assert_memory_equal(icp + 4, &gw, 4);
	assert_memory_equal(ip + 16, &a, 4);
	/* The quoted packet is A's own, to F. */
	assert_memory_equal(icp + 8 + 12, &a, 4);
	assert_memory_equal(icp + 8 + 16, &f, 4);
	/* The ping was answered all the same. */
	for (i = 0; i < n->n_host[0].h_nnotice; i++)
		if (n->n_host[0].h_notice[i].in_type == BSD_ICMP_ECHOREPLY)
			break;
	assert_true(i < n->n_host[0].h_nnotice);
	/* A took it: a dynamic host route to F via R2, UGHD. */
	rt = bsd_rtlookup(K(n, 0), fx_ip("192.168.9.9"), 32);
	assert_non_null(rt);
	assert_int_equal(rt->rt_flags & (BSD_RTF_UP | BSD_RTF_GATEWAY |
	    BSD_RTF_HOST | BSD_RTF_DYNAMIC), BSD_RTF_UP | BSD_RTF_GATEWAY |
	    BSD_RTF_HOST | BSD_RTF_DYNAMIC);
	assert_int_equal(rt->rt_gw.sa.sa_family, BSD_AF_INET);
	assert_int_equal(rt->rt_gw.sin.sin_addr, gw);
	assert_int_equal(rt->rt_kind, BSD_RTK_REDIRECT);
	assert_int_equal(K(n, 0)->k_rtstat.rts_dynamic, 1);
	assert_int_equal(K(n, 0)->k_rtstat.rts_badredirect, 0);
	/* The next ping goes straight to R2; R forwards nothing more. */
	fwd = K(n, 1)->k_ip.is_stat.ips_forward;
	f0 = net_nframes(n, 0);
	assert_int_equal(bsd_icmp_echo(K(n, 0), fx_ip("192.168.9.9"), 9, 2,
	    56), 0);
	net_run(n, 50 * MS);
	assert_int_equal(K(n, 1)->k_ip.is_stat.ips_forward, fwd);
	assert_int_equal(K(n, 1)->k_ip.is_stat.ips_redirectsent, 1);
	ip = find_icmp(n, 0, 0, f0, BSD_ICMP_ECHO, 0);
	assert_non_null(ip);
	net_lladdr(&bsd_media_ether, 2, r2mac);
	assert_memory_equal(ip - ETHER_HDR, r2mac, 6);
	net_free(n);
}

/* No redirect to a sender that is not on the subnet (RFC 1812). */
static void
test_no_redirect_offsubnet_source(void **state)
{
	struct net *n = redirect_net();
	uint8_t pkt[128], frame[256];
	size_t len, flen;

	(void)state;
	/* Resolve R2 on R first, so the forwarded packet goes at once. */
	assert_int_equal(bsd_icmp_echo(K(n, 1), fx_ip("10.0.0.253"), 1, 1, 8),
	    0);
	net_run(n, 10 * MS);
	len = udp_packet(pkt, 40, fx_ip("172.16.0.1"), fx_ip("192.168.9.9"));
	flen = eth_frame(frame, 1, 0, pkt, len);
	net_inject(n, 0, 0, frame, flen);
	net_run(n, 10 * MS);
	assert_int_equal(K(n, 1)->k_ip.is_stat.ips_forward, 1);
	assert_int_equal(K(n, 1)->k_ip.is_stat.ips_redirectsent, 0);
	assert_null(find_icmp(n, 0, 1, 0, BSD_ICMP_REDIRECT, 0));
	net_free(n);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_packet_delivered),
		cmocka_unit_test(test_toosmall),
		cmocka_unit_test(test_badvers),
		cmocka_unit_test(test_badhlen),
		cmocka_unit_test(test_badsum),
		cmocka_unit_test(test_badlen),
		cmocka_unit_test(test_tooshort),
		cmocka_unit_test(test_checks_on_frames),
		cmocka_unit_test(test_broadcast_addresses_are_ours),
		cmocka_unit_test(test_only_our_addresses_are_ours),
		cmocka_unit_test(test_router_forwards_ping),
		cmocka_unit_test(test_ttl_one_time_exceeded),
		cmocka_unit_test(test_notforus_on_host),
		cmocka_unit_test(test_router_ignores_link_broadcast),
		cmocka_unit_test(test_redirect_end_to_end),
		cmocka_unit_test(test_no_redirect_offsubnet_source),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
