/*
 * IP reassembly (bsd_ip_reass.c): order, timeout, overlap, the bound on
 * datagrams in reassembly, and malformed fragments.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <string.h>

#include "kern_fixture.h"

#define MS	INT64_C(1000000)
#define SEC	INT64_C(1000000000)

#define DLEN	3000		/* UDP data in the test datagram */
#define PLEN	(BSD_UDP_HLEN + DLEN)	/* IP payload: 3008 octets */

/* What the UDP socket on port 7 heard. */
struct heard {
	unsigned	n;
	size_t		len;
	uint8_t		data[DLEN];
};

static struct heard heard;

static void
heard_upcall(void *arg, struct bsd_inpcb *inp, const uint8_t *data,
    size_t len, uint32_t faddr, uint16_t fport)
{

	(void)arg;
	(void)inp;
	(void)faddr;
	(void)fport;
	heard.n++;
	heard.len = len;
	if (len <= sizeof(heard.data))
		memcpy(heard.data, data, len);
}

/* A kernel (eth0 10.0.0.1/24) with a UDP socket on port 7. */
static struct fx *
listener(void)
{
	struct fx *fx = fx_new("netbsd-2");
	struct bsd_inpcb *inp;

	memset(&heard, 0, sizeof(heard));
	inp = bsd_udp_socket(fx->k, heard_upcall, NULL);
	assert_non_null(inp);
	assert_int_equal(bsd_udp_bind(fx->k, inp, 0, bsd_htons(7)), 0);
	return fx;
}

/* A datagram being cut up: the unfragmented packet, built once. */
struct dgram {
	uint8_t		pkt[BSD_IP_HLEN + PLEN];
	uint32_t	src, dst;
	uint16_t	id;
};

/* The UDP datagram with a real checksum, so misplaced data shows. */
static void
dgram_init(struct dgram *d, const char *src, uint16_t id)
{
	uint8_t *uh = d->pkt + BSD_IP_HLEN, pseudo[12];
	uint16_t sum;
	size_t i;

	memset(d, 0, sizeof(*d));
	d->src = fx_ip(src);
	d->dst = fx_ip("10.0.0.1");
	d->id = id;
	bsd_be16enc(uh, 5000);
	bsd_be16enc(uh + 2, 7);
	bsd_be16enc(uh + 4, PLEN);
	for (i = 0; i < DLEN; i++)
		uh[BSD_UDP_HLEN + i] = (uint8_t)(i * 13 + i / 256);
	memcpy(pseudo, &d->src, 4);
	memcpy(pseudo + 4, &d->dst, 4);
	pseudo[8] = 0;
	pseudo[9] = BSD_IPPROTO_UDP;
	bsd_be16enc(pseudo + 10, PLEN);
	sum = bsd_in_cksum_fold(bsd_in_cksum_add(bsd_in_cksum_add(0, pseudo,
	    sizeof(pseudo)), uh, PLEN));
	bsd_be16enc(uh + 6, sum == 0 ? 0xffff : sum);
}

/* Feed the fragment holding payload octets [off, off + len) of d. */
static void
frag(struct fx *fx, const struct dgram *d, size_t off, size_t len, int mf)
{
	uint8_t p[BSD_IP_HLEN + PLEN];
	struct bsd_ip ip;
	uint16_t sum;

	assert_true(off + len <= PLEN);
	memset(&ip, 0, sizeof(ip));
	ip.ip_vhl = 0x45;
	ip.ip_len = bsd_htons((uint16_t)(BSD_IP_HLEN + len));
	ip.ip_id = bsd_htons(d->id);
	ip.ip_off = bsd_htons((uint16_t)((off / 8) | (mf ? BSD_IP_MF : 0)));
	ip.ip_ttl = 64;
	ip.ip_p = BSD_IPPROTO_UDP;
	ip.ip_src = d->src;
	ip.ip_dst = d->dst;
	memcpy(p, &ip, sizeof(ip));
	sum = bsd_htons(bsd_in_cksum(p, BSD_IP_HLEN));
	memcpy(p + 10, &sum, 2);
	memcpy(p + BSD_IP_HLEN, d->pkt + BSD_IP_HLEN + off, len);
	bsd_ip_input(fx->k, fx->ifp, p, BSD_IP_HLEN + len, 0);
}

/* The three Ethernet-sized fragments of d: 1480, 1480, 48. */
static void
frag_n(struct fx *fx, const struct dgram *d, int i)
{

	switch (i) {
	case 0:
		frag(fx, d, 0, 1480, 1);
		break;
	case 1:
		frag(fx, d, 1480, 1480, 1);
		break;
	default:
		frag(fx, d, 2960, PLEN - 2960, 0);
		break;
	}
}

/* Exactly one datagram arrived, whole and in order. */
static void
assert_whole(const struct dgram *d)
{

	assert_int_equal(heard.n, 1);
	assert_int_equal(heard.len, DLEN);
	assert_memory_equal(heard.data, d->pkt + BSD_IP_HLEN + BSD_UDP_HLEN,
	    DLEN);
}

static void
test_in_order(void **state)
{
	struct fx *fx = listener();
	struct bsd_ipstat *st = &fx->k->k_ip.is_stat;
	struct dgram d;

	(void)state;
	dgram_init(&d, "10.0.0.9", 100);
	frag_n(fx, &d, 0);
	frag_n(fx, &d, 1);
	assert_int_equal(heard.n, 0);
	assert_int_equal(bsd_ip_reass_count(fx->k), 1);
	frag_n(fx, &d, 2);
	assert_whole(&d);
	assert_int_equal(st->ips_fragments, 3);
	assert_int_equal(st->ips_reassembled, 1);
	assert_int_equal(st->ips_delivered, 1);
	assert_int_equal(fx->k->k_udp.us_stat.udps_badsum, 0);
	assert_int_equal(bsd_ip_reass_count(fx->k), 0);
	fx_free(fx);
}

static void
test_out_of_order(void **state)
{
	static const int orders[][3] = {
		{ 2, 0, 1 }, { 1, 2, 0 }, { 2, 1, 0 }, { 0, 2, 1 }
	};
	struct dgram d;
	size_t i;
	int j;

	(void)state;
	for (i = 0; i < sizeof(orders) / sizeof(orders[0]); i++) {
		struct fx *fx = listener();

		dgram_init(&d, "10.0.0.9", (uint16_t)(200 + i));
		for (j = 0; j < 3; j++) {
			assert_int_equal(heard.n, 0);
			frag_n(fx, &d, orders[i][j]);
		}
		assert_whole(&d);
		assert_int_equal(fx->k->k_ip.is_stat.ips_reassembled, 1);
		assert_int_equal(bsd_ip_reass_count(fx->k), 0);
		fx_free(fx);
	}
}

/* Fragments of equal id from different sources are kept apart. */
static void
test_sources_kept_apart(void **state)
{
	struct fx *fx = listener();
	struct dgram a, b;

	(void)state;
	dgram_init(&a, "10.0.0.9", 300);
	dgram_init(&b, "10.0.0.10", 300);
	frag_n(fx, &a, 0);
	frag_n(fx, &b, 1);
	frag_n(fx, &a, 2);
	assert_int_equal(heard.n, 0);
	assert_int_equal(bsd_ip_reass_count(fx->k), 2);
	frag_n(fx, &a, 1);
	assert_whole(&a);
	assert_int_equal(bsd_ip_reass_count(fx->k), 1);
	fx_free(fx);
}

/*
 * A fragment lost: nothing is delivered, and IPFRAGTTL (60 ticks of
 * the 0.5 s slow timer: 30 s) later the datagram is dropped with the
 * memory it held.
 */
static void
test_missing_fragment_times_out(void **state)
{
	struct fx *fx = listener();
	struct bsd_membudget *mb = &fx->k->k_mem;
	struct bsd_ipstat *st = &fx->k->k_ip.is_stat;
	struct dgram d;

	(void)state;
	assert_int_equal(fx->k->k_ip.is_fragttl, 30);
	dgram_init(&d, "10.0.0.9", 400);
	fx_advance(fx, 200 * MS);
	frag_n(fx, &d, 0);
	frag_n(fx, &d, 2);
	assert_int_equal(bsd_ip_reass_count(fx->k), 1);
	assert_true(mb->mb_bytype[BSD_M_MBUF] > 0);
	fx_advance(fx, 29400 * MS);
	assert_int_equal(bsd_ip_reass_count(fx->k), 1);
	assert_int_equal(st->ips_fragtimeout, 0);
	fx_advance(fx, 1100 * MS);
	assert_int_equal(bsd_ip_reass_count(fx->k), 0);
	assert_true(st->ips_fragtimeout > 0);
	assert_int_equal(mb->mb_bytype[BSD_M_MBUF], 0);
	assert_int_equal(heard.n, 0);
	/* The straggler alone completes nothing. */
	frag_n(fx, &d, 1);
	assert_int_equal(heard.n, 0);
	assert_int_equal(st->ips_reassembled, 0);
	fx_free(fx);
}

/* Overlapping fragments condemn the datagram (the model's rule). */
static void
test_overlap_drops(void **state)
{
	struct fx *fx = listener();
	struct bsd_ipstat *st = &fx->k->k_ip.is_stat;
	struct dgram d;

	(void)state;
	dgram_init(&d, "10.0.0.9", 500);
	/* A later fragment reaching into the one before it. */
	frag_n(fx, &d, 0);
	frag(fx, &d, 1400, 1560, 1);
	assert_int_equal(bsd_ip_reass_count(fx->k), 0);
	assert_true(st->ips_fragdropped >= 2);
	frag_n(fx, &d, 2);
	assert_int_equal(heard.n, 0);
	fx_free(fx);

	/* An earlier fragment reaching into the one after it. */
	fx = listener();
	st = &fx->k->k_ip.is_stat;
	frag_n(fx, &d, 1);
	frag(fx, &d, 0, 1488, 1);
	assert_int_equal(bsd_ip_reass_count(fx->k), 0);
	frag_n(fx, &d, 2);
	assert_int_equal(heard.n, 0);
	assert_int_equal(st->ips_reassembled, 0);
	/* Whatever was held is given back. */
	fx_free(fx);
}

/* ip_maxfragpackets bounds the datagrams in reassembly. */
static void
test_maxfragpackets(void **state)
{
	struct fx *fx = listener();
	struct bsd_ipstat *st = &fx->k->k_ip.is_stat;
	struct dgram d[5];
	uint64_t dropped;
	int i;

	(void)state;
	/* NetBSD's default. */
	assert_int_equal(fx->k->k_ip.is_maxfragpackets, 200);
	fx->k->k_ip.is_maxfragpackets = 3;
	for (i = 0; i < 5; i++) {
		dgram_init(&d[i], "10.0.0.9", (uint16_t)(600 + i));
		frag_n(fx, &d[i], 0);
	}
	assert_int_equal(bsd_ip_reass_count(fx->k), 3);
	assert_int_equal(st->ips_fragdropped, 2);
	/* The admitted ones still complete. */
	frag_n(fx, &d[0], 1);
	frag_n(fx, &d[0], 2);
	assert_whole(&d[0]);
	assert_int_equal(bsd_ip_reass_count(fx->k), 2);
	/* A refused first fragment is gone: its datagram never completes. */
	dropped = st->ips_fragdropped;
	frag_n(fx, &d[4], 1);
	frag_n(fx, &d[4], 2);
	assert_int_equal(heard.n, 1);
	assert_int_equal(bsd_ip_reass_count(fx->k), 3);
	/* At the bound again: a new datagram's fragment is refused. */
	frag_n(fx, &d[3], 2);
	assert_int_equal(bsd_ip_reass_count(fx->k), 3);
	assert_int_equal(st->ips_fragdropped, dropped + 1);
	fx_free(fx);
}

/* A fragment with IP_MF must carry a multiple of 8 octets. */
static void
test_nonmultiple_of_8_refused(void **state)
{
	struct fx *fx = listener();
	struct bsd_ipstat *st = &fx->k->k_ip.is_stat;
	struct dgram d;

	(void)state;
	dgram_init(&d, "10.0.0.9", 700);
	frag(fx, &d, 0, 1480, 1);
	/* 1476 octets with MF: refused, the datagram left as it was. */
	frag(fx, &d, 1480, 1476, 1);
	assert_int_equal(bsd_ip_reass_count(fx->k), 1);
	assert_int_equal(fx->k->k_mem.mb_bytype[BSD_M_MBUF], 128 + 2048);
	frag(fx, &d, 2956, PLEN - 2956, 0);
	assert_int_equal(heard.n, 0);
	assert_int_equal(st->ips_reassembled, 0);
	assert_true(st->ips_fragdropped >= 1);
	/* An empty fragment with MF is refused too. */
	frag(fx, &d, 8, 0, 1);
	assert_int_equal(heard.n, 0);
	fx_free(fx);
}

/* A fragment of d of len octets at offset off8 * 8, data zero, no MF. */
static void
frag_raw(struct fx *fx, const struct dgram *d, uint16_t off8, size_t len)
{
	uint8_t p[BSD_IP_HLEN + 256];
	struct bsd_ip ip;
	uint16_t sum;

	assert_true(len <= 256);
	memset(p, 0, sizeof(p));
	memset(&ip, 0, sizeof(ip));
	ip.ip_vhl = 0x45;
	ip.ip_len = bsd_htons((uint16_t)(BSD_IP_HLEN + len));
	ip.ip_id = bsd_htons(d->id);
	ip.ip_off = bsd_htons(off8);
	ip.ip_ttl = 64;
	ip.ip_p = BSD_IPPROTO_UDP;
	ip.ip_src = d->src;
	ip.ip_dst = d->dst;
	memcpy(p, &ip, sizeof(ip));
	sum = bsd_htons(bsd_in_cksum(p, BSD_IP_HLEN));
	memcpy(p + 10, &sum, 2);
	bsd_ip_input(fx->k, fx->ifp, p, BSD_IP_HLEN + len, 0);
}

/* No datagram may grow past 65535 octets (the ping of death). */
static void
test_past_65535_refused(void **state)
{
	struct fx *fx = listener();
	struct dgram d;

	(void)state;
	dgram_init(&d, "10.0.0.9", 800);
	frag_n(fx, &d, 0);
	/* Offset 8189 * 8 = 65512, 100 octets: 20 + 65612 in all. */
	frag_raw(fx, &d, 8189, 100);
	assert_int_equal(heard.n, 0);
	assert_int_equal(fx->k->k_ip.is_stat.ips_reassembled, 0);
	/* Only the first fragment is held. */
	assert_int_equal(fx->k->k_mem.mb_bytype[BSD_M_MBUF], 128 + 2048);
	/* Ending exactly at 65535 (20 + 65512 + 3) is allowed. */
	frag_raw(fx, &d, 8189, 3);
	assert_int_equal(fx->k->k_mem.mb_bytype[BSD_M_MBUF],
	    128 + 2048 + 128);
	fx_free(fx);
}

/* Reassembly gives back every octet it charged for its fragments. */
static void
test_memory_returned(void **state)
{
	struct fx *fx = listener();
	struct bsd_membudget *mb = &fx->k->k_mem;
	uint64_t used = mb->mb_used;
	struct dgram d;

	(void)state;
	dgram_init(&d, "10.0.0.9", 900);
	frag_n(fx, &d, 2);
	frag_n(fx, &d, 0);
	/* 48 octets in an mbuf, 1480 in an mbuf and a cluster */
	assert_int_equal(mb->mb_bytype[BSD_M_MBUF], 128 + 128 + 2048);
	frag_n(fx, &d, 1);
	assert_whole(&d);
	assert_int_equal(mb->mb_bytype[BSD_M_MBUF], 0);
	assert_int_equal(mb->mb_bytype[BSD_M_IPQ], 0);
	assert_int_equal(mb->mb_used, used);
	fx_free(fx);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_in_order),
		cmocka_unit_test(test_out_of_order),
		cmocka_unit_test(test_sources_kept_apart),
		cmocka_unit_test(test_missing_fragment_times_out),
		cmocka_unit_test(test_overlap_drops),
		cmocka_unit_test(test_maxfragpackets),
		cmocka_unit_test(test_nonmultiple_of_8_refused),
		cmocka_unit_test(test_past_65535_refused),
		cmocka_unit_test(test_memory_returned),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
