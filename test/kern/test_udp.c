/*
 * UDP and its pcbs (bsd_udp.c): bind and ephemeral ports, connect and
 * the route it holds, checksums, and seed 004 point (5): the host
 * routes in_pcbconnect() clones on BSD/OS and FreeBSD but not NetBSD.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <errno.h>
#include <stdio.h>
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

/* What a socket heard last. */
struct heard {
	unsigned	n;
	size_t		len;
	uint8_t		data[256];
	uint32_t	faddr;
	uint16_t	fport;
};

static void
heard_upcall(void *arg, struct bsd_inpcb *inp, const uint8_t *data,
    size_t len, uint32_t faddr, uint16_t fport)
{
	struct heard *h = arg;

	(void)inp;
	h->n++;
	h->len = len;
	memcpy(h->data, data, len < sizeof(h->data) ? len : sizeof(h->data));
	h->faddr = faddr;
	h->fport = fport;
}

static void
test_bind_ephemeral(void **state)
{
	struct fx *fx = fx_new("netbsd-2");
	struct bsd_inpcb *inp[3];
	uint16_t port[3];
	int i;

	(void)state;
	for (i = 0; i < 3; i++) {
		inp[i] = bsd_udp_socket(fx->k, NULL, NULL);
		assert_non_null(inp[i]);
		assert_int_equal(bsd_udp_bind(fx->k, inp[i], 0, 0), 0);
		port[i] = bsd_ntohs(inp[i]->inp_lport);
		/* IANA's dynamic range, NetBSD's anonportmin..anonportmax. */
		assert_true(port[i] >= 49152);
		assert_true(port[i] <= 65535);
	}
	assert_int_not_equal(port[0], port[1]);
	assert_int_not_equal(port[1], port[2]);
	assert_int_not_equal(port[0], port[2]);
	/* A socket is bound once. */
	assert_int_equal(bsd_udp_bind(fx->k, inp[0], 0, bsd_htons(53)),
	    EINVAL);
	/* A connect on an unbound socket binds it, ephemerally. */
	{
		struct bsd_inpcb *c = bsd_udp_socket(fx->k, NULL, NULL);

		assert_non_null(c);
		assert_int_equal(bsd_udp_connect(fx->k, c, fx_ip("10.0.0.2"),
		    bsd_htons(9)), 0);
		assert_true(bsd_ntohs(c->inp_lport) >= 49152);
		bsd_udp_close(fx->k, c);
	}
	for (i = 0; i < 3; i++)
		bsd_udp_close(fx->k, inp[i]);
	fx_free(fx);
}

static void
test_bind_in_use(void **state)
{
	struct fx *fx = fx_new("netbsd-2");
	struct bsd_inpcb *a, *b, *c;

	(void)state;
	a = bsd_udp_socket(fx->k, NULL, NULL);
	b = bsd_udp_socket(fx->k, NULL, NULL);
	c = bsd_udp_socket(fx->k, NULL, NULL);
	assert_non_null(a);
	assert_non_null(b);
	assert_non_null(c);
	assert_int_equal(bsd_udp_bind(fx->k, a, 0, bsd_htons(53)), 0);
	assert_int_equal(bsd_udp_bind(fx->k, b, 0, bsd_htons(53)),
	    EADDRINUSE);
	/* Without SO_REUSEADDR a specific address clashes with the wildcard. */
	assert_int_equal(bsd_udp_bind(fx->k, b, fx_ip("10.0.0.1"),
	    bsd_htons(53)), EADDRINUSE);
	/* An address that is not ours. */
	assert_int_equal(bsd_udp_bind(fx->k, b, fx_ip("10.0.0.2"),
	    bsd_htons(54)), EADDRNOTAVAIL);
	/* Another port is free; the failed binds left b unbound. */
	assert_int_equal(bsd_udp_bind(fx->k, b, fx_ip("10.0.0.1"),
	    bsd_htons(54)), 0);
	assert_int_equal(bsd_udp_bind(fx->k, c, 0, bsd_htons(54)),
	    EADDRINUSE);
	/* Closed, the port is free again. */
	bsd_udp_close(fx->k, a);
	assert_int_equal(bsd_udp_bind(fx->k, c, 0, bsd_htons(53)), 0);
	bsd_udp_close(fx->k, b);
	bsd_udp_close(fx->k, c);
	fx_free(fx);
}

/* in_pcbconnect() takes a referenced route and keeps it till disconnect. */
static void
test_connect_holds_route(void **state)
{
	struct fx *fx = fx_new("netbsd-2");
	struct bsd_inpcb *inp;
	struct bsd_rtentry *rt;
	int32_t ref;

	(void)state;
	inp = bsd_udp_socket(fx->k, NULL, NULL);
	assert_non_null(inp);
	rt = fx_lookup(fx, "0.0.0.0", 0);
	assert_non_null(rt);
	ref = rt->rt_refcnt;
	assert_int_equal(bsd_udp_connect(fx->k, inp, fx_ip("192.168.1.1"),
	    bsd_htons(9)), 0);
	assert_ptr_equal(inp->inp_route.ro_rt, rt);
	assert_int_equal(rt->rt_refcnt, ref + 1);
	assert_int_equal(inp->inp_faddr, fx_ip("192.168.1.1"));
	assert_int_equal(inp->inp_fport, bsd_htons(9));
	/* Connected once: connect again is EISCONN, sendto too. */
	assert_int_equal(bsd_udp_connect(fx->k, inp, fx_ip("192.168.1.2"),
	    bsd_htons(9)), EISCONN);
	assert_int_equal(bsd_udp_sendto(fx->k, inp, "x", 1,
	    fx_ip("192.168.1.2"), bsd_htons(9)), EISCONN);
	bsd_udp_disconnect(fx->k, inp);
	assert_null(inp->inp_route.ro_rt);
	assert_int_equal(rt->rt_refcnt, ref);
	assert_int_equal(bsd_udp_send(fx->k, inp, "x", 1), ENOTCONN);
	/* Closing a connected socket lets go of the route too. */
	assert_int_equal(bsd_udp_connect(fx->k, inp, fx_ip("192.168.1.1"),
	    bsd_htons(9)), 0);
	assert_int_equal(rt->rt_refcnt, ref + 1);
	bsd_udp_close(fx->k, inp);
	assert_int_equal(rt->rt_refcnt, ref);
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

/* The last UDP datagram host h sent on segment 0, as an IP packet. */
static const uint8_t *
last_udp(const struct net *n, int h)
{
	const struct net_frame *f;
	const uint8_t *ip = NULL;
	unsigned i;

	for (i = 0; i < net_nframes(n, 0); i++) {
		f = net_frame(n, 0, i);
		if (f->f_host == h && f->f_data[12] == 0x08 &&
		    f->f_data[13] == 0x00 &&
		    f->f_data[ETHER_HDR + 9] == BSD_IPPROTO_UDP)
			ip = f->f_data + ETHER_HDR;
	}
	return ip;
}

/* The UDP checksum of the datagram in ip, with its pseudo-header. */
static uint16_t
udp_sum(const uint8_t *ip)
{
	uint8_t pseudo[12];
	uint16_t ulen = bsd_be16dec(ip + BSD_IP_HLEN + 4);

	memcpy(pseudo, ip + 12, 8);
	pseudo[8] = 0;
	pseudo[9] = BSD_IPPROTO_UDP;
	bsd_be16enc(pseudo + 10, ulen);
	return bsd_in_cksum_fold(bsd_in_cksum_add(bsd_in_cksum_add(0, pseudo,
	    sizeof(pseudo)), ip + BSD_IP_HLEN, ulen));
}

static void
test_round_trip(void **state)
{
	struct net *n = pair();
	struct heard ha, hb;
	struct bsd_inpcb *a, *b;
	const uint8_t *ip;

	(void)state;
	memset(&ha, 0, sizeof(ha));
	memset(&hb, 0, sizeof(hb));
	a = bsd_udp_socket(K(n, 0), heard_upcall, &ha);
	b = bsd_udp_socket(K(n, 1), heard_upcall, &hb);
	assert_non_null(a);
	assert_non_null(b);
	assert_int_equal(bsd_udp_bind(K(n, 1), b, 0, bsd_htons(7)), 0);
	assert_int_equal(bsd_udp_connect(K(n, 0), a, fx_ip("10.0.0.2"),
	    bsd_htons(7)), 0);
	assert_int_equal(bsd_udp_send(K(n, 0), a, "hello, world", 12), 0);
	net_run(n, 20 * MS);
	assert_int_equal(hb.n, 1);
	assert_int_equal(hb.len, 12);
	assert_memory_equal(hb.data, "hello, world", 12);
	assert_int_equal(hb.faddr, fx_ip("10.0.0.1"));
	assert_int_equal(hb.fport, a->inp_lport);
	/* On the wire with a checksum that sums right (udpcksum 1). */
	ip = last_udp(n, 0);
	assert_non_null(ip);
	assert_int_not_equal(bsd_be16dec(ip + BSD_IP_HLEN + 6), 0);
	assert_int_equal(udp_sum(ip), 0);
	assert_int_equal(K(n, 0)->k_udp.us_stat.udps_opackets, 1);
	assert_int_equal(K(n, 1)->k_udp.us_stat.udps_ipackets, 1);
	/* And back, to the port B heard it from. */
	assert_int_equal(bsd_udp_sendto(K(n, 1), b, "pong", 4, hb.faddr,
	    hb.fport), 0);
	net_run(n, 20 * MS);
	assert_int_equal(ha.n, 1);
	assert_memory_equal(ha.data, "pong", 4);
	assert_int_equal(ha.fport, bsd_htons(7));
	/* sendto left b unconnected. */
	assert_int_equal(b->inp_faddr, 0);
	net_free(n);
}

/* A connected socket hears only its peer. */
static void
test_connected_hears_peer_only(void **state)
{
	struct net *n = pair();
	struct heard h;
	struct bsd_inpcb *b, *a1, *a2;

	(void)state;
	memset(&h, 0, sizeof(h));
	b = bsd_udp_socket(K(n, 1), heard_upcall, &h);
	a1 = bsd_udp_socket(K(n, 0), NULL, NULL);
	a2 = bsd_udp_socket(K(n, 0), NULL, NULL);
	assert_int_equal(bsd_udp_bind(K(n, 1), b, 0, bsd_htons(7)), 0);
	assert_int_equal(bsd_udp_bind(K(n, 0), a1, 0, bsd_htons(1001)), 0);
	assert_int_equal(bsd_udp_bind(K(n, 0), a2, 0, bsd_htons(1002)), 0);
	assert_int_equal(bsd_udp_connect(K(n, 1), b, fx_ip("10.0.0.1"),
	    bsd_htons(1001)), 0);
	assert_int_equal(bsd_udp_sendto(K(n, 0), a2, "no", 2,
	    fx_ip("10.0.0.2"), bsd_htons(7)), 0);
	net_run(n, 20 * MS);
	assert_int_equal(h.n, 0);
	assert_int_equal(K(n, 1)->k_udp.us_stat.udps_noport, 1);
	assert_int_equal(bsd_udp_sendto(K(n, 0), a1, "yes", 3,
	    fx_ip("10.0.0.2"), bsd_htons(7)), 0);
	net_run(n, 20 * MS);
	assert_int_equal(h.n, 1);
	assert_memory_equal(h.data, "yes", 3);
	net_free(n);
}

/* A datagram in a frame from host 0 to host 1. */
static void
inject_udp(struct net *n, const uint8_t *ip, size_t len)
{
	uint8_t frame[256];

	net_lladdr(&bsd_media_ether, 1, frame);
	net_lladdr(&bsd_media_ether, 0, frame + 6);
	frame[12] = 0x08;
	frame[13] = 0x00;
	memcpy(frame + ETHER_HDR, ip, len);
	net_inject(n, 0, 0, frame, ETHER_HDR + len);
}

static void
test_bad_checksum_dropped(void **state)
{
	struct net *n = pair();
	struct heard h;
	struct bsd_inpcb *b;
	uint8_t pkt[128];
	const uint8_t *ip;
	size_t len;

	(void)state;
	memset(&h, 0, sizeof(h));
	b = bsd_udp_socket(K(n, 1), heard_upcall, &h);
	assert_int_equal(bsd_udp_bind(K(n, 1), b, 0, bsd_htons(7)), 0);
	/* Take a good datagram off the wire. */
	{
		struct bsd_inpcb *a = bsd_udp_socket(K(n, 0), NULL, NULL);

		assert_int_equal(bsd_udp_sendto(K(n, 0), a, "checksummed", 11,
		    fx_ip("10.0.0.2"), bsd_htons(7)), 0);
	}
	net_run(n, 20 * MS);
	assert_int_equal(h.n, 1);
	ip = last_udp(n, 0);
	assert_non_null(ip);
	len = bsd_be16dec(ip + 2);
	memcpy(pkt, ip, len);
	/* One octet of data changed: the checksum no longer sums. */
	pkt[len - 1] ^= 0x20;
	inject_udp(n, pkt, len);
	net_run(n, 20 * MS);
	assert_int_equal(h.n, 1);
	assert_int_equal(K(n, 1)->k_udp.us_stat.udps_badsum, 1);
	/* Checksum 0 means none was computed: taken as it is. */
	pkt[BSD_IP_HLEN + 6] = pkt[BSD_IP_HLEN + 7] = 0;
	inject_udp(n, pkt, len);
	net_run(n, 20 * MS);
	assert_int_equal(h.n, 2);
	assert_int_equal(K(n, 1)->k_udp.us_stat.udps_badsum, 1);
	/* A UDP length past the IP payload: udps_badlen. */
	bsd_be16enc(pkt + BSD_IP_HLEN + 4, (uint16_t)(len - BSD_IP_HLEN + 1));
	inject_udp(n, pkt, len);
	net_run(n, 20 * MS);
	assert_int_equal(h.n, 2);
	assert_int_equal(K(n, 1)->k_udp.us_stat.udps_badlen, 1);
	net_free(n);
}

/*
 * No route: the socket still connects (in_pcbconnect falls back on the
 * first address, as in_selectsrc() did) and sending fails in
 * ip_output() with EHOSTUNREACH, ips_noroute counted.
 */
static void
test_no_route_ehostunreach(void **state)
{
	struct net *n = pair();
	struct bsd_inpcb *a;

	(void)state;
	a = bsd_udp_socket(K(n, 0), NULL, NULL);
	assert_non_null(a);
	assert_int_equal(bsd_udp_sendto(K(n, 0), a, "x", 1,
	    fx_ip("192.168.1.1"), bsd_htons(9)), EHOSTUNREACH);
	assert_int_equal(K(n, 0)->k_ip.is_stat.ips_noroute, 1);
	assert_int_equal(bsd_udp_connect(K(n, 0), a, fx_ip("192.168.1.1"),
	    bsd_htons(9)), 0);
	assert_int_equal(bsd_udp_send(K(n, 0), a, "x", 1), EHOSTUNREACH);
	assert_int_equal(K(n, 0)->k_ip.is_stat.ips_noroute, 2);
	net_free(n);
}

/* Host routes in the table that cloning made for no link layer. */
static uint64_t
pcb_clones(struct fx *fx)
{

	return bsd_rt_count(fx->k, BSD_RTK_CLONED);
}

#define NDST	16

/* N sockets connected to N off-link destinations via the default route. */
static void
connect_n(struct fx *fx, struct bsd_inpcb **inp)
{
	char dst[32];
	int i;

	for (i = 0; i < NDST; i++) {
		inp[i] = bsd_udp_socket(fx->k, NULL, NULL);
		assert_non_null(inp[i]);
		snprintf(dst, sizeof(dst), "192.168.%d.%d", 1 + i / 8,
		    1 + i % 8);
		assert_int_equal(bsd_udp_connect(fx->k, inp[i], fx_ip(dst),
		    bsd_htons(9)), 0);
	}
}

/*
 * Seed 004 point (5): connecting to N distinct off-link destinations
 * adds N cloned host routes under BSD/OS and FreeBSD, none under
 * NetBSD, whose in_pcbconnect() uses the default route as it is.
 */
static void
test_seed004_point5_pcb_clones(void **state)
{
	static const struct {
		const char	*pers;
		uint64_t	clones;
	} cases[] = {
		{ "netbsd-1.5", 0 },
		{ "netbsd-2", 0 },
		{ "bsdos-4", NDST },
		{ "freebsd-4", NDST },
	};
	struct bsd_inpcb *inp[NDST];
	struct bsd_rtentry *rt;
	uint64_t total;
	size_t c;
	int i;

	(void)state;
	for (c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		struct fx *fx = fx_new(cases[c].pers);

		print_message("%s\n", cases[c].pers);
		total = bsd_rt_total(fx->k);
		connect_n(fx, inp);
		assert_int_equal(pcb_clones(fx), cases[c].clones);
		assert_int_equal(bsd_rt_total(fx->k), total + cases[c].clones);
		if (cases[c].clones != 0) {
			/* Each pcb holds its own host route, through R. */
			rt = inp[0]->inp_route.ro_rt;
			assert_non_null(rt);
			assert_true(rt->rt_flags & BSD_RTF_HOST);
			assert_int_equal(rt->rt_plen, 32);
			assert_int_equal(rt->rt_dst.sin_addr,
			    fx_ip("192.168.1.1"));
			assert_true(rt->rt_refcnt >= 1);
		} else {
			/* All share the default route. */
			rt = fx_lookup(fx, "0.0.0.0", 0);
			for (i = 0; i < NDST; i++)
				assert_ptr_equal(inp[i]->inp_route.ro_rt, rt);
		}
		for (i = 0; i < NDST; i++)
			bsd_udp_close(fx->k, inp[i]);
		fx_free(fx);
	}
}

/*
 * FreeBSD: while a socket holds its clone it never ages; closed, in_rmx
 * marks it and deletes it rtq_reallyold (3600 s) later, at a pass.
 */
static void
test_freebsd_clones_age_after_close(void **state)
{
	struct fx *fx = fx_new("freebsd-4");
	struct bsd_inpcb *inp[NDST];
	int i;

	(void)state;
	connect_n(fx, inp);
	assert_int_equal(pcb_clones(fx), NDST);
	/* Held: two hours change nothing. */
	fx_advance_s(fx, 7200);
	assert_int_equal(pcb_clones(fx), NDST);
	for (i = 0; i < NDST; i++)
		bsd_udp_close(fx->k, inp[i]);
	assert_int_equal(fx->k->k_inrmx.rq_ours, NDST);
	fx_advance_s(fx, 3590);
	assert_int_equal(pcb_clones(fx), NDST);
	/* rtq_reallyold and at most one rtq_timeout (600 s) pass later. */
	fx_advance_s(fx, 10 + 600 + 1);
	assert_int_equal(pcb_clones(fx), 0);
	assert_int_equal(fx->k->k_inrmx.rq_ours, 0);
	fx_free(fx);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bind_ephemeral),
		cmocka_unit_test(test_bind_in_use),
		cmocka_unit_test(test_connect_holds_route),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_connected_hears_peer_only),
		cmocka_unit_test(test_bad_checksum_dropped),
		cmocka_unit_test(test_no_route_ehostunreach),
		cmocka_unit_test(test_seed004_point5_pcb_clones),
		cmocka_unit_test(test_freebsd_clones_age_after_close),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
