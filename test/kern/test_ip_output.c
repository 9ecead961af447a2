/*
 * IP output (bsd_ip_output.c): fragmentation to the route's MTU on
 * Ethernet, ARCnet and AX.25, DF, local delivery, no route.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <errno.h>
#include <string.h>

#include "net_fixture.h"

#define MS	INT64_C(1000000)
#define SEC	INT64_C(1000000000)

static struct bsd_kernel *
K(struct net *n, int h)
{

	return n->n_host[h].h_k;
}

/* Hosts 0 (10.0.0.1) and 1 (10.0.0.2) on segment 0 of md. */
static struct net *
pair(const struct bsd_media *md, uint32_t mdflags)
{
	struct net *n = net_new();

	assert_int_equal(net_add_host(n, "netbsd-2"), 0);
	assert_int_equal(net_add_host(n, "netbsd-2"), 1);
	(void)net_attach(n, 0, 0, md, NULL, "10.0.0.1/24", mdflags);
	(void)net_attach(n, 1, 0, md, NULL, "10.0.0.2/24", mdflags);
	net_run(n, MS);
	return n;
}

/* A static default route via gw. */
static void
default_route(struct bsd_kernel *k, const char *gw)
{
	struct bsd_sockaddr_in d = fx_sin("0.0.0.0"), g = fx_sin(gw), m;

	bsd_sin_mask(&m, 0);
	assert_int_equal(bsd_rtrequest(k, BSD_RTM_ADD,
	    (struct bsd_sockaddr *)&d, (struct bsd_sockaddr *)&g,
	    (struct bsd_sockaddr *)&m, BSD_RTF_GATEWAY | BSD_RTF_STATIC,
	    NULL), 0);
}

/* Resolve host 1 on host 0 with a ping, so later packets go at once. */
static void
resolve(struct net *n)
{

	assert_int_equal(bsd_icmp_echo(K(n, 0), fx_ip("10.0.0.2"), 1, 1, 8),
	    0);
	net_run(n, 20 * MS);
	assert_int_equal(n->n_host[0].h_nnotice, 1);
	n->n_host[0].h_nnotice = 0;
}

/* Offset of the IP packet in a frame of md carrying IP, or 0. */
static size_t
ip_offset(const struct bsd_media *md, const struct net_frame *f)
{

	if (md == &bsd_media_ether)
		return f->f_len > 14 && f->f_data[12] == 0x08 &&
		    f->f_data[13] == 0x00 ? 14 : 0;
	if (md == &bsd_media_ax25)
		return f->f_len > 16 && f->f_data[15] == 0xcc ? 16 : 0;
	if (md == &bsd_media_arcnet)	/* RFC 1051 frames only */
		return f->f_len > 3 && f->f_data[2] == 240 ? 3 : 0;
	return 0;
}

struct frag {
	uint16_t	len;		/* ip_len */
	uint16_t	off;		/* in 8-octet units */
	int		mf;
	uint16_t	id;
};

/*
 * The IP packets of protocol p host h sent on seg of md from frame
 * `from` on, into fr[]; returns how many.
 */
static unsigned
ip_packets(const struct net *n, const struct bsd_media *md, int seg, int h,
    unsigned from, int p, struct frag *fr, unsigned max)
{
	const struct net_frame *f;
	const uint8_t *ip;
	unsigned i, c = 0;
	size_t o;

	for (i = from; i < net_nframes(n, seg); i++) {
		f = net_frame(n, seg, i);
		if (f->f_host != h || (o = ip_offset(md, f)) == 0)
			continue;
		ip = f->f_data + o;
		if (ip[9] != p)
			continue;
		/* Every fragment has a header of its own, checksummed. */
		assert_int_equal(bsd_in_cksum(ip, (size_t)(ip[0] & 0xf) << 2),
		    0);
		if (c < max) {
			fr[c].len = bsd_be16dec(ip + 2);
			fr[c].off = bsd_be16dec(ip + 6) & BSD_IP_OFFMASK;
			fr[c].mf = (bsd_be16dec(ip + 6) & BSD_IP_MF) != 0;
			fr[c].id = bsd_be16dec(ip + 4);
			/* The frame carries the fragment and no more. */
			assert_true(f->f_len - o >= fr[c].len);
		}
		c++;
	}
	return c;
}

/* A UDP socket on host h that sends len octets to dst:port. */
static int
udp_send(struct net *n, int h, const char *dst, uint16_t port, size_t len)
{
	static uint8_t data[8192];
	struct bsd_inpcb *inp;
	size_t i;

	assert_true(len <= sizeof(data));
	for (i = 0; i < len; i++)
		data[i] = (uint8_t)(i * 7);
	inp = bsd_udp_socket(K(n, h), NULL, NULL);
	assert_non_null(inp);
	return bsd_udp_sendto(K(n, h), inp, data, len, fx_ip(dst),
	    bsd_htons(port));
}

static void
test_fragments_3000_over_ether(void **state)
{
	struct net *n = pair(&bsd_media_ether, 0);
	struct frag fr[8];
	unsigned f0, c;

	(void)state;
	(void)net_udp_sink(n, 1, 9);
	resolve(n);
	f0 = net_nframes(n, 0);
	assert_int_equal(udp_send(n, 0, "10.0.0.2", 9, 3000), 0);
	net_run(n, 20 * MS);
	/* 8 + 3000 octets of UDP: 1480 + 1480 + 48 */
	c = ip_packets(n, &bsd_media_ether, 0, 0, f0, BSD_IPPROTO_UDP, fr, 8);
	assert_int_equal(c, 3);
	assert_int_equal(fr[0].len, 1500);
	assert_int_equal(fr[0].off, 0);
	assert_true(fr[0].mf);
	assert_int_equal(fr[1].len, 1500);
	assert_int_equal(fr[1].off, 1480 / 8);
	assert_true(fr[1].mf);
	assert_int_equal(fr[2].len, 20 + 48);
	assert_int_equal(fr[2].off, 2960 / 8);
	assert_false(fr[2].mf);
	assert_int_equal(fr[0].id, fr[1].id);
	assert_int_equal(fr[0].id, fr[2].id);
	assert_int_equal(K(n, 0)->k_ip.is_stat.ips_fragmented, 1);
	assert_int_equal(K(n, 0)->k_ip.is_stat.ips_ofragments, 3);
	/* One datagram of the right length at the other end. */
	assert_int_equal(n->n_host[1].h_udprecv, 1);
	assert_int_equal(n->n_host[1].h_udplast, 3000);
	assert_int_equal(K(n, 1)->k_ip.is_stat.ips_fragments, 3);
	assert_int_equal(K(n, 1)->k_ip.is_stat.ips_reassembled, 1);
	assert_int_equal(bsd_ip_reass_count(K(n, 1)), 0);
	net_free(n);
}

/* A route's rmx_mtu (the path MTU) wins over the interface's. */
static void
test_route_mtu_used(void **state)
{
	struct net *n = pair(&bsd_media_ether, 0);
	struct bsd_rtentry *rt;
	struct frag fr[8];
	unsigned f0, c, i;

	(void)state;
	(void)net_udp_sink(n, 1, 9);
	resolve(n);
	rt = bsd_rtlookup(K(n, 0), fx_ip("10.0.0.2"), 32);
	assert_non_null(rt);
	rt->rt_rmx.rmx_mtu = 576;
	f0 = net_nframes(n, 0);
	assert_int_equal(udp_send(n, 0, "10.0.0.2", 9, 1000), 0);
	net_run(n, 20 * MS);
	/* 1008 octets in pieces of (576 - 20) & ~7 = 552 */
	c = ip_packets(n, &bsd_media_ether, 0, 0, f0, BSD_IPPROTO_UDP, fr, 8);
	assert_int_equal(c, 2);
	for (i = 0; i < c; i++)
		assert_true(fr[i].len <= 576);
	assert_int_equal(fr[0].len, 20 + 552);
	assert_int_equal(fr[1].off, 552 / 8);
	assert_int_equal(fr[1].len, 20 + 1008 - 552);
	assert_int_equal(n->n_host[1].h_udprecv, 1);
	assert_int_equal(n->n_host[1].h_udplast, 1000);
	/* Under the route's MTU, one packet. */
	f0 = net_nframes(n, 0);
	assert_int_equal(udp_send(n, 0, "10.0.0.2", 9, 500), 0);
	net_run(n, 20 * MS);
	assert_int_equal(ip_packets(n, &bsd_media_ether, 0, 0, f0,
	    BSD_IPPROTO_UDP, fr, 8), 1);
	net_free(n);
}

/* A hand-made local packet of len octets to dst with ip_off off. */
static struct bsd_mbuf *
raw_packet(uint32_t dst, size_t len, uint16_t off)
{
	struct bsd_mbuf *m = bsd_m_get((uint32_t)len);
	struct bsd_ip ip;

	assert_non_null(m);
	memset(m->m_data, 0, len);
	memset(&ip, 0, sizeof(ip));
	ip.ip_vhl = 0x45;
	ip.ip_len = bsd_htons((uint16_t)len);
	ip.ip_off = bsd_htons(off);
	ip.ip_p = 253;		/* RFC 3692 experimentation */
	ip.ip_dst = dst;
	memcpy(m->m_data, &ip, sizeof(ip));
	return m;
}

static void
test_df_too_big_emsgsize(void **state)
{
	struct net *n = pair(&bsd_media_ether, 0);
	struct frag fr[4];
	unsigned f0;

	(void)state;
	resolve(n);
	f0 = net_nframes(n, 0);
	assert_int_equal(bsd_ip_output(K(n, 0), raw_packet(fx_ip("10.0.0.2"),
	    1501, BSD_IP_DF), NULL, 0), EMSGSIZE);
	assert_int_equal(K(n, 0)->k_ip.is_stat.ips_cantfrag, 1);
	assert_int_equal(K(n, 0)->k_ip.is_stat.ips_fragmented, 0);
	net_run(n, 10 * MS);
	assert_int_equal(ip_packets(n, &bsd_media_ether, 0, 0, f0, 253, fr, 4),
	    0);
	/* At the MTU exactly, DF is no obstacle. */
	assert_int_equal(bsd_ip_output(K(n, 0), raw_packet(fx_ip("10.0.0.2"),
	    1500, BSD_IP_DF), NULL, 0), 0);
	net_run(n, 10 * MS);
	assert_int_equal(ip_packets(n, &bsd_media_ether, 0, 0, f0, 253, fr, 4),
	    1);
	assert_int_equal(fr[0].len, 1500);
	net_free(n);
}

/*
 * A (0) 10.0.1.1 on Ethernet segment 0; router R (1) 10.0.1.254 there
 * and 10.0.2.254 on segment 1 of md; B (2) 10.0.2.2 on segment 1.
 */
static struct net *
two_media(const struct bsd_media *md, uint32_t mdflags)
{
	struct net *n = net_new();

	assert_int_equal(net_add_host(n, "netbsd-2"), 0);
	assert_int_equal(net_add_host(n, "netbsd-2"), 1);
	assert_int_equal(net_add_host(n, "netbsd-2"), 2);
	(void)net_attach(n, 0, 0, &bsd_media_ether, NULL, "10.0.1.1/24", 0);
	(void)net_attach(n, 1, 0, &bsd_media_ether, NULL, "10.0.1.254/24", 0);
	(void)net_attach(n, 1, 1, md, NULL, "10.0.2.254/24", mdflags);
	(void)net_attach(n, 2, 1, md, NULL, "10.0.2.2/24", mdflags);
	K(n, 1)->k_ip.is_forwarding = 1;
	default_route(K(n, 0), "10.0.1.254");
	default_route(K(n, 2), "10.0.2.254");
	net_run(n, MS);
	/* Resolve both hops: each holds only the last packet. */
	assert_int_equal(bsd_icmp_echo(K(n, 0), fx_ip("10.0.2.2"), 1, 1, 8),
	    0);
	net_run(n, 50 * MS);
	assert_int_equal(n->n_host[0].h_nnotice, 1);
	n->n_host[0].h_nnotice = 0;
	return n;
}

/* The next-hop MTU in the need-frag R sent on segment 0, or -1. */
static int
needfrag_mtu(const struct net *n)
{
	const struct net_frame *f;
	const uint8_t *icp;
	unsigned i;

	for (i = 0; i < net_nframes(n, 0); i++) {
		f = net_frame(n, 0, i);
		if (f->f_host != 1 || ip_offset(&bsd_media_ether, f) == 0 ||
		    f->f_data[14 + 9] != BSD_IPPROTO_ICMP)
			continue;
		icp = f->f_data + 14 + BSD_IP_HLEN;
		if (icp[0] == BSD_ICMP_UNREACH &&
		    icp[1] == BSD_ICMP_UNREACH_NEEDFRAG)
			return bsd_be16dec(icp + 6);
	}
	return -1;
}

/*
 * A router between Ethernet and RFC 1051 ARCnet (MTU 507) cannot
 * forward a DF packet of 600 octets: it says so with the next hop's
 * MTU (RFC 1191), the sender takes that as the path MTU and fragments
 * what it sends next to fit.
 */
static void
test_df_forwarded_needfrag(void **state)
{
	struct net *n = two_media(&bsd_media_arcnet, BSD_MDF_ARC_RFC1051);
	const struct bsd_icmp_notice *no;
	struct bsd_rtentry *rt;
	struct frag fr[8];
	unsigned f0;

	(void)state;
	(void)net_udp_sink(n, 2, 9);
	assert_int_equal(bsd_ip_output(K(n, 0), raw_packet(fx_ip("10.0.2.2"),
	    600, BSD_IP_DF), NULL, 0), 0);
	net_run(n, 20 * MS);
	assert_int_equal(K(n, 1)->k_ip.is_stat.ips_cantforward, 1);
	assert_int_equal(needfrag_mtu(n), 507);
	assert_int_equal(n->n_host[0].h_nnotice, 1);
	no = &n->n_host[0].h_notice[0];
	assert_int_equal(no->in_type, BSD_ICMP_UNREACH);
	assert_int_equal(no->in_code, BSD_ICMP_UNREACH_NEEDFRAG);
	assert_int_equal(no->in_quoted_dst, fx_ip("10.0.2.2"));
	rt = bsd_rtlookup(K(n, 0), fx_ip("10.0.2.2"), 32);
	assert_non_null(rt);
	assert_int_equal(rt->rt_rmx.rmx_mtu, 507);
	/* 600 octets again, without DF: A fragments to 507 itself. */
	f0 = net_nframes(n, 0);
	assert_int_equal(udp_send(n, 0, "10.0.2.2", 9, 572), 0);
	net_run(n, 20 * MS);
	assert_int_equal(ip_packets(n, &bsd_media_ether, 0, 0, f0,
	    BSD_IPPROTO_UDP, fr, 8), 2);
	assert_int_equal(fr[0].len, 20 + 480);
	assert_int_equal(fr[1].len, 20 + 100);
	assert_int_equal(n->n_host[2].h_udprecv, 1);
	assert_int_equal(n->n_host[2].h_udplast, 572);
	net_free(n);
}

/*
 * AX.25 (MTU 256): the router reports 256, but NetBSD's icmp_mtudisc()
 * believes no MTU below 296, so the sender's path MTU is left alone.
 */
static void
test_needfrag_below_296_ignored(void **state)
{
	struct net *n = two_media(&bsd_media_ax25, 0);
	struct bsd_rtentry *rt;

	(void)state;
	assert_int_equal(bsd_ip_output(K(n, 0), raw_packet(fx_ip("10.0.2.2"),
	    600, BSD_IP_DF), NULL, 0), 0);
	net_run(n, 20 * MS);
	assert_int_equal(needfrag_mtu(n), 256);
	assert_int_equal(n->n_host[0].h_nnotice, 1);
	/* The host route is made first, as NetBSD did; its MTU is not. */
	rt = bsd_rtlookup(K(n, 0), fx_ip("10.0.2.2"), 32);
	assert_non_null(rt);
	assert_int_equal(rt->rt_rmx.rmx_mtu, 0);
	net_free(n);
}

/* To one of our own addresses: delivered here, nothing on the wire. */
static void
test_own_address_local(void **state)
{
	struct net *n = pair(&bsd_media_ether, 0);
	unsigned f0;

	(void)state;
	(void)net_udp_sink(n, 0, 9);
	f0 = net_nframes(n, 0);
	assert_int_equal(udp_send(n, 0, "10.0.0.1", 9, 100), 0);
	net_run(n, 10 * MS);
	assert_int_equal(n->n_host[0].h_udprecv, 1);
	assert_int_equal(n->n_host[0].h_udplast, 100);
	assert_int_equal(K(n, 0)->k_ip.is_stat.ips_badsum, 0);
	/* A ping to ourselves is answered by ourselves. */
	assert_int_equal(bsd_icmp_echo(K(n, 0), fx_ip("10.0.0.1"), 3, 4, 16),
	    0);
	net_run(n, 10 * MS);
	assert_int_equal(n->n_host[0].h_nnotice, 1);
	assert_int_equal(n->n_host[0].h_notice[0].in_type,
	    BSD_ICMP_ECHOREPLY);
	assert_int_equal(n->n_host[0].h_notice[0].in_seq, 4);
	assert_int_equal(net_nframes(n, 0), f0);
	net_free(n);
}

/* With no default route, an off-net destination has no route at all. */
static void
test_no_route_ehostunreach(void **state)
{
	struct net *n = pair(&bsd_media_ether, 0);
	unsigned f0 = net_nframes(n, 0);

	(void)state;
	assert_int_equal(bsd_icmp_echo(K(n, 0), fx_ip("192.168.1.1"), 1, 1, 8),
	    EHOSTUNREACH);
	assert_int_equal(bsd_ip_output(K(n, 0), raw_packet(fx_ip("192.0.2.1"),
	    100, 0), NULL, 0), EHOSTUNREACH);
	assert_int_equal(K(n, 0)->k_ip.is_stat.ips_noroute, 2);
	net_run(n, 10 * MS);
	assert_int_equal(net_nframes(n, 0), f0);
	net_free(n);
}

/* ARCnet frames from host h with IP (RFC 1201 code 212), from `from`. */
static unsigned
arc_ip_frames(const struct net *n, int h, unsigned from, uint8_t *flags,
    size_t *dlen, unsigned max)
{
	const struct net_frame *f;
	unsigned i, c = 0;
	size_t hl;

	for (i = from; i < net_nframes(n, 0); i++) {
		f = net_frame(n, 0, i);
		if (f->f_host != h || f->f_len < 6 || f->f_data[2] != 212)
			continue;
		hl = f->f_data[3] == 0xff ? 10 : 6;
		if (c < max) {
			flags[c] = f->f_data[hl - 3];
			dlen[c] = f->f_len - hl;
		}
		c++;
	}
	return c;
}

/*
 * RFC 1201: a 1500-octet IP packet crosses ARCnet as one packet split
 * into three link frames (504 + 504 + 492), not as IP fragments.
 */
static void
test_arcnet_split_ping(void **state)
{
	struct net *n = pair(&bsd_media_arcnet, 0);
	uint8_t flags[8];
	size_t dlen[8];
	unsigned f0;

	(void)state;
	assert_int_equal(n->n_host[0].h_ifp[0]->if_mtu, 1500);
	resolve(n);
	f0 = net_nframes(n, 0);
	assert_int_equal(bsd_icmp_echo(K(n, 0), fx_ip("10.0.0.2"), 5, 6, 1472),
	    0);
	net_run(n, 20 * MS);
	assert_int_equal(arc_ip_frames(n, 0, f0, flags, dlen, 8), 3);
	/* First flag 2 * 3 - 3 = 3, then 2, 4. */
	assert_int_equal(flags[0], 3);
	assert_int_equal(flags[1], 2);
	assert_int_equal(flags[2], 4);
	assert_int_equal(dlen[0], 504);
	assert_int_equal(dlen[1], 504);
	assert_int_equal(dlen[2], 1500 - 2 * 504);
	/* No IP fragmentation: one IP packet. */
	assert_int_equal(K(n, 0)->k_ip.is_stat.ips_fragmented, 0);
	/* The reply came back the same way. */
	assert_int_equal(arc_ip_frames(n, 1, f0, flags, dlen, 8), 3);
	assert_int_equal(n->n_host[0].h_nnotice, 1);
	assert_int_equal(n->n_host[0].h_notice[0].in_type,
	    BSD_ICMP_ECHOREPLY);
	assert_int_equal(n->n_host[0].h_notice[0].in_seq, 6);
	assert_int_equal(n->n_host[0].h_notice[0].in_len, 1480);
	net_free(n);
}

/* AX.25's 256-octet MTU: a 600-octet datagram goes as IP fragments. */
static void
test_ax25_fragments_600(void **state)
{
	struct net *n = pair(&bsd_media_ax25, 0);
	struct frag fr[8];
	unsigned f0;

	(void)state;
	assert_int_equal(n->n_host[0].h_ifp[0]->if_mtu, 256);
	(void)net_udp_sink(n, 1, 9);
	resolve(n);
	f0 = net_nframes(n, 0);
	/* 572 + 8 + 20 = 600 octets: 232 + 232 + 116 of data */
	assert_int_equal(udp_send(n, 0, "10.0.0.2", 9, 572), 0);
	net_run(n, 50 * MS);
	assert_int_equal(ip_packets(n, &bsd_media_ax25, 0, 0, f0,
	    BSD_IPPROTO_UDP, fr, 8), 3);
	assert_int_equal(fr[0].len, 252);
	assert_int_equal(fr[0].off, 0);
	assert_true(fr[0].mf);
	assert_int_equal(fr[1].len, 252);
	assert_int_equal(fr[1].off, 29);
	assert_true(fr[1].mf);
	assert_int_equal(fr[2].len, 20 + 116);
	assert_int_equal(fr[2].off, 58);
	assert_false(fr[2].mf);
	assert_int_equal(n->n_host[1].h_udprecv, 1);
	assert_int_equal(n->n_host[1].h_udplast, 572);
	assert_int_equal(K(n, 1)->k_ip.is_stat.ips_reassembled, 1);
	net_free(n);
}

/*
 * A router refragments a fragment for a smaller MTU: the pieces of a
 * piece keep their place in the original datagram (ip_fragment adds
 * to the fragment's own offset), and the far end reassembles it.
 */
static void
test_refragment_keeps_offsets(void **state)
{
	struct net *n = two_media(&bsd_media_ax25, 0);
	struct frag fr[16];
	unsigned c, i;

	(void)state;
	(void)net_udp_sink(n, 2, 9);
	/* 2000 octets: two Ethernet fragments, each split again for AX.25 */
	assert_int_equal(udp_send(n, 0, "10.0.2.2", 9, 2000), 0);
	net_run(n, 100 * MS);
	c = ip_packets(n, &bsd_media_ax25, 1, 1, 0, BSD_IPPROTO_UDP, fr, 16);
	/* 1480 = 6 * 232 + 88 and 528 = 2 * 232 + 64: 7 + 3 pieces */
	assert_int_equal(c, 10);
	for (i = 0; i < c; i++) {
		assert_true(fr[i].len <= 256);
		/* Offsets run on without a gap or a jump. */
		if (i > 0)
			assert_int_equal(fr[i].off, fr[i - 1].off +
			    (fr[i - 1].len - 20) / 8);
		assert_int_equal(fr[i].mf, i + 1 < c);
	}
	assert_int_equal(n->n_host[2].h_udprecv, 1);
	assert_int_equal(n->n_host[2].h_udplast, 2000);
	net_free(n);
}

/*
 * RFC 1201's exception frames seen from ip_output: IP packets of 250,
 * 251 and 252 octets leave in the 10-octet exception header (flag 0xff),
 * 249 and 253 in the short one, and each still arrives whole (the reply
 * comes back the same way).
 */
static void
test_arcnet_exception_sizes(void **state)
{
	struct net *n = pair(&bsd_media_arcnet, 0);
	const struct net_frame *f;
	unsigned f0, i, c;
	uint16_t iplen;

	(void)state;
	resolve(n);
	for (iplen = 249; iplen <= 253; iplen++) {
		f0 = net_nframes(n, 0);
		n->n_host[0].h_nnotice = 0;
		assert_int_equal(bsd_icmp_echo(K(n, 0), fx_ip("10.0.0.2"), 7,
		    iplen, (uint16_t)(iplen - 28)), 0);
		net_run(n, 20 * MS);
		for (c = 0, i = f0; i < net_nframes(n, 0); i++) {
			f = net_frame(n, 0, i);
			if (f->f_host != 0 || f->f_data[2] != 212)
				continue;
			c++;
			if (iplen >= 250 && iplen <= 252) {
				assert_int_equal(f->f_data[3], 0xff);
				assert_int_equal(f->f_len, 10 + iplen);
			} else {
				assert_int_not_equal(f->f_data[3], 0xff);
				assert_int_equal(f->f_len, 6 + iplen);
			}
		}
		assert_int_equal(c, 1);
		assert_int_equal(n->n_host[0].h_nnotice, 1);
		assert_int_equal(n->n_host[0].h_notice[0].in_type,
		    BSD_ICMP_ECHOREPLY);
		assert_int_equal(n->n_host[0].h_notice[0].in_len, iplen - 20);
	}
	net_free(n);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fragments_3000_over_ether),
		cmocka_unit_test(test_route_mtu_used),
		cmocka_unit_test(test_df_too_big_emsgsize),
		cmocka_unit_test(test_df_forwarded_needfrag),
		cmocka_unit_test(test_needfrag_below_296_ignored),
		cmocka_unit_test(test_own_address_local),
		cmocka_unit_test(test_no_route_ehostunreach),
		cmocka_unit_test(test_arcnet_split_ping),
		cmocka_unit_test(test_ax25_fragments_600),
		cmocka_unit_test(test_refragment_keeps_offsets),
		cmocka_unit_test(test_arcnet_exception_sizes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
