/*
 * Media framing (model/kern/media): exact headers, round trips, address
 * text, truncated frames, ARCnet split packets and AX.25 digipeaters.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "bsd_if.h"
#include "media/bsd_arcnet.h"
#include "media/bsd_media.h"

#define SEC		INT64_C(1000000000)
#define CAP_FRAMES	8
#define CAP_FRAMELEN	4600

/* Frames md_output emitted, copied. */
struct cap {
	int	n;
	size_t	len[CAP_FRAMES];
	uint8_t	buf[CAP_FRAMES][CAP_FRAMELEN];
};

static void
cap_emit(void *arg, const uint8_t *frame, size_t len)
{
	struct cap *c = arg;

	assert_true(c->n < CAP_FRAMES);
	assert_true(len <= CAP_FRAMELEN);
	memcpy(c->buf[c->n], frame, len);
	c->len[c->n++] = len;
}

static struct cap *
cap_new(void)
{
	struct cap *c = calloc(1, sizeof(*c));

	assert_non_null(c);
	return c;
}

static void *
md_new(const struct bsd_media *md, uint32_t flags)
{
	void *st = calloc(1, md->md_statesize);

	assert_non_null(st);
	md->md_init(st, flags);
	return st;
}

static void
fill(uint8_t *p, size_t len, unsigned seed)
{
	size_t i;

	for (i = 0; i < len; i++)
		p[i] = (uint8_t)(seed + i * 7 + (i >> 8));
}

/* One address of each medium for sender and receiver. */
static const uint8_t mac_a[6] = { 0x08, 0x00, 0x2b, 0x00, 0x49, 0xa4 };
static const uint8_t mac_b[6] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x01 };
static const uint8_t arc_a[1] = { 0x01 };
static const uint8_t arc_b[1] = { 0x2a };
/* N0CALL-7 and QST-0, canonical */
static const uint8_t ax_n0call7[7] = {
	'N' << 1, '0' << 1, 'C' << 1, 'A' << 1, 'L' << 1, 'L' << 1, 0x6e
};
static const uint8_t ax_qst[7] = {
	'Q' << 1, 'S' << 1, 'T' << 1, 0x40, 0x40, 0x40, 0x60
};
static const uint8_t ax_k1abc[7] = {
	'K' << 1, '1' << 1, 'A' << 1, 'B' << 1, 'C' << 1, 0x40, 0x62
};

struct medium_case {
	const struct bsd_media	*md;
	uint32_t		flags;
	const uint8_t		*src;
	const uint8_t		*dst;	/* unicast */
};

static struct medium_case
mcase(int i)
{
	struct medium_case c;

	memset(&c, 0, sizeof(c));
	switch (i) {
	case 0:
		c.md = &bsd_media_ether;
		c.src = mac_a;
		c.dst = mac_b;
		break;
	case 1:
		c.md = &bsd_media_fddi;
		c.src = mac_a;
		c.dst = mac_b;
		break;
	case 2:
		c.md = &bsd_media_arcnet;
		c.src = arc_a;
		c.dst = arc_b;
		break;
	case 3:
		c.md = &bsd_media_arcnet;
		c.flags = BSD_MDF_ARC_RFC1051;
		c.src = arc_a;
		c.dst = arc_b;
		break;
	default:
		c.md = &bsd_media_ax25;
		c.src = ax_n0call7;
		c.dst = ax_k1abc;
		break;
	}
	return c;
}
#define NCASES	5

/* Feed every frame of c to a fresh receiver; the result of the last. */
static int
deliver(const struct bsd_media *md, void *rx, const struct cap *c,
    int64_t now, struct bsd_llframe *lf)
{
	int i, r = -1;

	for (i = 0; i < c->n; i++) {
		r = md->md_input(rx, now, c->buf[i], c->len[i], lf);
		if (i < c->n - 1)
			assert_int_equal(r, BSD_MD_FRAGHELD);
	}
	return r;
}

/* --- the table ---------------------------------------------------- */

static void
test_find_and_bytype(void **state)
{

	(void)state;
	assert_ptr_equal(bsd_media_find("ether"), &bsd_media_ether);
	assert_ptr_equal(bsd_media_find("fddi"), &bsd_media_fddi);
	assert_ptr_equal(bsd_media_find("arcnet"), &bsd_media_arcnet);
	assert_ptr_equal(bsd_media_find("ax25"), &bsd_media_ax25);
	assert_null(bsd_media_find("tokenring"));
	assert_null(bsd_media_find(NULL));
	assert_ptr_equal(bsd_media_bytype(BSD_IFT_ETHER), &bsd_media_ether);
	assert_ptr_equal(bsd_media_bytype(BSD_IFT_FDDI), &bsd_media_fddi);
	assert_ptr_equal(bsd_media_bytype(BSD_IFT_ARCNET), &bsd_media_arcnet);
	assert_ptr_equal(bsd_media_bytype(BSD_IFT_AX25), &bsd_media_ax25);
	assert_null(bsd_media_bytype(BSD_IFT_LOOP));
	assert_string_equal(bsd_md_result_name(BSD_MD_OK), "ok");
	assert_string_equal(bsd_md_result_name(BSD_MD_SHORT), "short");
	assert_string_equal(bsd_md_result_name(BSD_MD_BADHDR), "badhdr");
	assert_string_equal(bsd_md_result_name(BSD_MD_UNKPROTO), "unkproto");
	assert_string_equal(bsd_md_result_name(BSD_MD_FRAGHELD), "fragheld");
	assert_string_equal(bsd_md_result_name(BSD_MD_FRAGDROP), "fragdrop");
	assert_string_equal(bsd_md_result_name(BSD_MD_NRESULTS), "unknown");
	assert_string_equal(bsd_md_result_name(-1), "unknown");
}

static void
test_constants(void **state)
{
	static const struct {
		const struct bsd_media *md;
		uint32_t flags;
		uint8_t iftype, addrlen;
		uint16_t arphrd, arppro, hdrlen;
		int dlt;
		uint32_t ipmtu;
	} t[] = {
		{ &bsd_media_ether, 0, BSD_IFT_ETHER, 6, 1, 0x0800, 14, 1,
		    1500 },
		{ &bsd_media_fddi, 0, BSD_IFT_FDDI, 6, 1, 0x0800, 21, 10,
		    4352 },
		{ &bsd_media_arcnet, 0, BSD_IFT_ARCNET, 1, 7, 0x0800, 6, 7,
		    1500 },
		{ &bsd_media_arcnet, BSD_MDF_ARC_RFC1051, BSD_IFT_ARCNET, 1,
		    7, 0x0800, 6, 7, 507 },
		{ &bsd_media_ax25, 0, BSD_IFT_AX25, 7, 3, 0xcc, 16, 3, 256 },
	};
	static const uint8_t ff6[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	size_t i;
	void *st;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		const struct bsd_media *md = t[i].md;

		assert_int_equal(md->md_iftype, t[i].iftype);
		assert_int_equal(md->md_addrlen, t[i].addrlen);
		assert_int_equal(md->md_arphrd, t[i].arphrd);
		assert_int_equal(md->md_arppro, t[i].arppro);
		assert_int_equal(md->md_hdrlen, t[i].hdrlen);
		assert_int_equal(md->md_dlt, t[i].dlt);
		assert_true(md->md_addrlen <= BSD_LL_MAXADDRLEN);
		st = md_new(md, t[i].flags);
		assert_int_equal(md->md_ipmtu(st), t[i].ipmtu);
		free(st);
	}
	assert_memory_equal(bsd_media_ether.md_broadcast, ff6, 6);
	assert_memory_equal(bsd_media_fddi.md_broadcast, ff6, 6);
	assert_int_equal(bsd_media_arcnet.md_broadcast[0], 0);
	assert_memory_equal(bsd_media_ax25.md_broadcast, ax_qst, 7);
}

/* --- every medium: round trips, MTU, protocols, broadcast ------------ */

static void
roundtrip_one(const struct medium_case *mc, int proto, size_t len,
    const uint8_t *dst, int bcast)
{
	const struct bsd_media *md = mc->md;
	void *tx = md_new(md, mc->flags), *rx = md_new(md, mc->flags);
	struct cap *c = cap_new();
	struct bsd_llframe lf;
	uint8_t *pkt = malloc(len + 1);
	size_t i;

	assert_non_null(pkt);
	fill(pkt, len, (unsigned)len);
	assert_int_equal(md->md_output(tx, mc->src, dst, proto, pkt, len,
	    cap_emit, c), 0);
	assert_true(c->n >= 1);
	assert_int_equal(deliver(md, rx, c, 0, &lf), BSD_MD_OK);
	assert_int_equal(lf.lf_proto, proto);
	assert_int_equal(lf.lf_bcast, bcast);
	assert_memory_equal(lf.lf_src, mc->src, md->md_addrlen);
	assert_memory_equal(lf.lf_dst, dst, md->md_addrlen);
	if (md == &bsd_media_ether) {
		/* Padded to 60 octets: the pad is zeros after the packet. */
		assert_true(lf.lf_paylen >= len);
		assert_true(lf.lf_paylen >= 46);
		for (i = len; i < lf.lf_paylen; i++)
			assert_int_equal(lf.lf_payload[i], 0);
	} else
		assert_int_equal(lf.lf_paylen, len);
	if (len > 0)
		assert_memory_equal(lf.lf_payload, pkt, len);
	free(pkt);
	free(c);
	free(tx);
	free(rx);
}

static void
test_roundtrip_all(void **state)
{
	static const size_t sizes[] = { 0, 1, 28, 60, 249, 250, 251, 252,
	    253, 256, 503, 504, 505, 507, 754, 1007, 1008, 1009, 1258, 1260,
	    1500, 4352 };
	int i, p;
	size_t s;
	void *st;

	(void)state;
	for (i = 0; i < NCASES; i++) {
		struct medium_case mc = mcase(i);

		st = md_new(mc.md, mc.flags);
		for (p = BSD_LLPROTO_IP; p <= BSD_LLPROTO_ARP; p++)
			for (s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
				if (sizes[s] > mc.md->md_ipmtu(st))
					continue;
				roundtrip_one(&mc, p, sizes[s], mc.dst, 0);
				roundtrip_one(&mc, p, sizes[s],
				    mc.md->md_broadcast, 1);
			}
		free(st);
	}
}

static void
test_output_mtu_and_proto(void **state)
{
	static uint8_t big[5000];
	struct cap *c = cap_new();
	uint32_t mtu;
	void *st;
	int i;

	(void)state;
	for (i = 0; i < NCASES; i++) {
		struct medium_case mc = mcase(i);

		st = md_new(mc.md, mc.flags);
		mtu = mc.md->md_ipmtu(st);
		c->n = 0;
		assert_int_equal(mc.md->md_output(st, mc.src, mc.dst,
		    BSD_LLPROTO_IP, big, mtu + 1, cap_emit, c), EMSGSIZE);
		assert_int_equal(mc.md->md_output(st, mc.src, mc.dst,
		    BSD_LLPROTO_ARP, big, mtu + 1, cap_emit, c), EMSGSIZE);
		assert_int_equal(mc.md->md_output(st, mc.src, mc.dst,
		    BSD_LLPROTO_NONE, big, 20, cap_emit, c), EPROTONOSUPPORT);
		assert_int_equal(mc.md->md_output(st, mc.src, mc.dst, 99,
		    big, 20, cap_emit, c), EPROTONOSUPPORT);
		assert_int_equal(c->n, 0);
		assert_int_equal(mc.md->md_output(st, mc.src, mc.dst,
		    BSD_LLPROTO_IP, big, mtu, cap_emit, c), 0);
		assert_true(c->n >= 1);
		free(st);
	}
	free(c);
}

/*
 * Every truncation of a valid frame, each in a buffer of exactly that
 * size so ASan sees any read past it.  Cuts into the header are
 * rejected; a cut in the data (no medium here has a length field) may
 * pass, with the payload inside the cut frame.
 */
static void
truncations(const struct bsd_media *md, uint32_t flags, const uint8_t *frame,
    size_t len, size_t hdrlen)
{
	struct bsd_llframe lf;
	uint8_t *b;
	size_t k;
	void *st;
	int r;

	for (k = 0; k < len; k++) {
		st = md_new(md, flags);
		b = malloc(k ? k : 1);
		assert_non_null(b);
		memcpy(b, frame, k);
		r = md->md_input(st, 0, b, k, &lf);
		if (k < hdrlen)
			assert_int_not_equal(r, BSD_MD_OK);
		if (r == BSD_MD_OK) {
			assert_true(lf.lf_payload >= b);
			assert_true(lf.lf_payload + lf.lf_paylen <= b + k);
			assert_int_equal(lf.lf_paylen, k - hdrlen);
		}
		free(b);
		free(st);
	}
}

static void
test_truncations(void **state)
{
	uint8_t pkt[1500];
	struct cap *c = cap_new();
	int i, f;

	(void)state;
	fill(pkt, sizeof(pkt), 3);
	for (i = 0; i < NCASES; i++) {
		struct medium_case mc = mcase(i);
		void *st = md_new(mc.md, mc.flags);
		size_t sizes[] = { 40, 251, 1200 };
		unsigned s;

		for (s = 0; s < 3; s++) {
			if (sizes[s] > mc.md->md_ipmtu(st))
				continue;
			c->n = 0;
			assert_int_equal(mc.md->md_output(st, mc.src, mc.dst,
			    BSD_LLPROTO_IP, pkt, sizes[s], cap_emit, c), 0);
			for (f = 0; f < c->n; f++)
				truncations(mc.md, mc.flags, c->buf[f],
				    c->len[f], c->len[f] == 261 ? 10 :
				    mc.md == &bsd_media_arcnet &&
				    mc.flags ? 3 : mc.md->md_hdrlen);
		}
		free(st);
	}
	free(c);
}

/* --- Ethernet ------------------------------------------------------ */

static void
test_ether_header_bytes(void **state)
{
	static const uint8_t want_arp[60] = {
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0x08, 0x00, 0x2b, 0x00, 0x49, 0xa4,
		0x08, 0x06,
		0x00, 0x01, 0x08, 0x00, 0x06, 0x04, 0x00, 0x01,
		/* sha, spa, tha, tpa, then 18 octets of zero pad */
		0x08, 0x00, 0x2b, 0x00, 0x49, 0xa4, 10, 0, 0, 1,
		0, 0, 0, 0, 0, 0, 10, 0, 0, 2,
	};
	static const uint8_t want_ip_hdr[14] = {
		0x02, 0x00, 0x00, 0x00, 0x00, 0x01,
		0x08, 0x00, 0x2b, 0x00, 0x49, 0xa4,
		0x08, 0x00,
	};
	uint8_t pkt[100];
	struct cap *c = cap_new();
	void *st = md_new(&bsd_media_ether, 0);

	(void)state;
	assert_int_equal(bsd_media_ether.md_output(st, mac_a,
	    bsd_media_ether.md_broadcast, BSD_LLPROTO_ARP, want_arp + 14, 28,
	    cap_emit, c), 0);
	assert_int_equal(c->n, 1);
	assert_int_equal(c->len[0], 60);
	assert_memory_equal(c->buf[0], want_arp, 60);
	fill(pkt, sizeof(pkt), 9);
	assert_int_equal(bsd_media_ether.md_output(st, mac_a, mac_b,
	    BSD_LLPROTO_IP, pkt, sizeof(pkt), cap_emit, c), 0);
	assert_int_equal(c->len[1], 114);	/* no pad above 46 */
	assert_memory_equal(c->buf[1], want_ip_hdr, 14);
	assert_memory_equal(c->buf[1] + 14, pkt, sizeof(pkt));
	free(st);
	free(c);
}

static void
test_ether_input(void **state)
{
	uint8_t f[80];
	struct bsd_llframe lf;
	void *st = md_new(&bsd_media_ether, 0);
	static uint8_t giant[1515];

	(void)state;
	memcpy(f, mac_b, 6);
	memcpy(f + 6, mac_a, 6);
	f[12] = 0x08;
	f[13] = 0x00;
	fill(f + 14, sizeof(f) - 14, 1);
	/* Short frames (no pad) are taken as they are. */
	assert_int_equal(bsd_media_ether.md_input(st, 0, f, 34, &lf),
	    BSD_MD_OK);
	assert_int_equal(lf.lf_paylen, 20);
	assert_ptr_equal(lf.lf_payload, f + 14);
	assert_false(lf.lf_bcast);
	f[12] = 0x86;
	f[13] = 0xdd;			/* IPv6 */
	assert_int_equal(bsd_media_ether.md_input(st, 0, f, sizeof(f), &lf),
	    BSD_MD_UNKPROTO);
	f[12] = 0x00;
	f[13] = 0x40;			/* an 802.3 length */
	assert_int_equal(bsd_media_ether.md_input(st, 0, f, sizeof(f), &lf),
	    BSD_MD_UNKPROTO);
	f[12] = 0x08;
	f[13] = 0x06;
	assert_int_equal(bsd_media_ether.md_input(st, 0, f, sizeof(f), &lf),
	    BSD_MD_OK);
	assert_int_equal(lf.lf_proto, BSD_LLPROTO_ARP);
	memcpy(giant, f, 14);
	assert_int_equal(bsd_media_ether.md_input(st, 0, giant, 1514, &lf),
	    BSD_MD_OK);
	assert_int_equal(bsd_media_ether.md_input(st, 0, giant, 1515, &lf),
	    BSD_MD_BADHDR);
	free(st);
}

/* --- address text ---------------------------------------------------- */

static void
text_roundtrip(const struct bsd_media *md, const char *s, const uint8_t *want)
{
	uint8_t a[BSD_LL_MAXADDRLEN];
	char buf[32];

	assert_int_equal(md->md_aton(s, a), 0);
	if (want != NULL)
		assert_memory_equal(a, want, md->md_addrlen);
	assert_string_equal(md->md_ntoa(a, buf, sizeof(buf)), s);
}

static void
text_bad(const struct bsd_media *md, const char *s)
{
	uint8_t a[BSD_LL_MAXADDRLEN];

	memset(a, 0x5a, sizeof(a));
	assert_int_equal(md->md_aton(s, a), EINVAL);
	assert_int_equal(a[0], 0x5a);		/* untouched */
}

static void
test_text_ether_fddi(void **state)
{
	static const char *bad[] = { "", "8:0:2b:0:49:a4", "08:00:2B:00:49:A4",
	    "08:00:2b:00:49", "08:00:2b:00:49:a4:", "08:00:2b:00:49:a4:00",
	    "08-00-2b-00-49-a4", "08:00:2b:00:49:a", "0800.2b00.49a4",
	    "08:00:2b:00:49:g4", " 08:00:2b:00:49:a4" };
	static const uint8_t ff6[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	char small[6];
	size_t i;

	(void)state;
	text_roundtrip(&bsd_media_ether, "08:00:2b:00:49:a4", mac_a);
	text_roundtrip(&bsd_media_ether, "ff:ff:ff:ff:ff:ff", ff6);
	text_roundtrip(&bsd_media_fddi, "08:00:2b:00:49:a4", mac_a);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		text_bad(&bsd_media_ether, bad[i]);
		text_bad(&bsd_media_fddi, bad[i]);
	}
	/* A short buffer truncates, terminated. */
	assert_string_equal(bsd_media_ether.md_ntoa(mac_a, small,
	    sizeof(small)), "08:00");
}

static void
test_text_arcnet(void **state)
{
	static const char *bad[] = { "", "0x", "0x100", "0x2g", "256",
	    "1000", "-1", "x2a", "0x2a ", "2a", "0x02a" };
	uint8_t a[1];
	char buf[8];
	size_t i;

	(void)state;
	text_roundtrip(&bsd_media_arcnet, "0x2a", arc_b);
	text_roundtrip(&bsd_media_arcnet, "0x00",
	    bsd_media_arcnet.md_broadcast);
	text_roundtrip(&bsd_media_arcnet, "0xff", NULL);
	assert_int_equal(bsd_media_arcnet.md_aton("42", a), 0);
	assert_int_equal(a[0], 42);
	assert_int_equal(bsd_media_arcnet.md_aton("255", a), 0);
	assert_int_equal(a[0], 255);
	assert_int_equal(bsd_media_arcnet.md_aton("0", a), 0);
	assert_int_equal(a[0], 0);
	assert_int_equal(bsd_media_arcnet.md_aton("0X2A", a), 0);
	assert_int_equal(a[0], 0x2a);
	assert_int_equal(bsd_media_arcnet.md_aton("0x7", a), 0);
	assert_string_equal(bsd_media_arcnet.md_ntoa(a, buf, sizeof(buf)),
	    "0x07");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		text_bad(&bsd_media_arcnet, bad[i]);
}

static void
test_text_ax25(void **state)
{
	static const char *bad[] = { "", "-7", "N0CALL-", "N0CALL-16",
	    "N0CALL-100", "N0CALLX", "N0CALL-7-1", "N0 CALL", "N0CALL-a",
	    "N0CALL-+1", "N0/CALL", "QST-" };
	uint8_t a[7];
	char buf[16];
	size_t i;

	(void)state;
	text_roundtrip(&bsd_media_ax25, "N0CALL-7", ax_n0call7);
	text_roundtrip(&bsd_media_ax25, "QST", ax_qst);
	text_roundtrip(&bsd_media_ax25, "K1ABC-1", ax_k1abc);
	text_roundtrip(&bsd_media_ax25, "A-15", NULL);
	/* Any case in, upper case out; "-0" is not written. */
	assert_int_equal(bsd_media_ax25.md_aton("n0call-7", a), 0);
	assert_memory_equal(a, ax_n0call7, 7);
	assert_int_equal(bsd_media_ax25.md_aton("qst-0", a), 0);
	assert_memory_equal(a, ax_qst, 7);
	assert_string_equal(bsd_media_ax25.md_ntoa(a, buf, sizeof(buf)),
	    "QST");
	assert_int_equal(bsd_media_ax25.md_aton("N0CALL-07", a), 0);
	assert_memory_equal(a, ax_n0call7, 7);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		text_bad(&bsd_media_ax25, bad[i]);
}

/* --- FDDI ------------------------------------------------------------ */

static void
test_fddi_header_bytes(void **state)
{
	static const uint8_t want[21] = {
		0x54,
		0x02, 0x00, 0x00, 0x00, 0x00, 0x01,
		0x08, 0x00, 0x2b, 0x00, 0x49, 0xa4,
		0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00, 0x08, 0x00,
	};
	uint8_t pkt[40];
	struct cap *c = cap_new();
	void *st = md_new(&bsd_media_fddi, 0);

	(void)state;
	fill(pkt, sizeof(pkt), 5);
	assert_int_equal(bsd_media_fddi.md_output(st, mac_a, mac_b,
	    BSD_LLPROTO_IP, pkt, sizeof(pkt), cap_emit, c), 0);
	assert_int_equal(c->n, 1);
	assert_int_equal(c->len[0], 21 + sizeof(pkt));	/* no padding */
	assert_memory_equal(c->buf[0], want, 21);
	assert_memory_equal(c->buf[0] + 21, pkt, sizeof(pkt));
	assert_int_equal(bsd_media_fddi.md_output(st, mac_a, mac_b,
	    BSD_LLPROTO_ARP, pkt, 28, cap_emit, c), 0);
	assert_int_equal(c->buf[1][19], 0x08);
	assert_int_equal(c->buf[1][20], 0x06);
	free(st);
	free(c);
}

static void
test_fddi_llc(void **state)
{
	uint8_t f[60];
	struct bsd_llframe lf;
	void *st = md_new(&bsd_media_fddi, 0);
	struct cap *c = cap_new();
	uint8_t pkt[39];

	(void)state;
	fill(pkt, sizeof(pkt), 1);
	assert_int_equal(bsd_media_fddi.md_output(st, mac_a, mac_b,
	    BSD_LLPROTO_IP, pkt, sizeof(pkt), cap_emit, c), 0);
	memcpy(f, c->buf[0], sizeof(f));
	assert_int_equal(bsd_media_fddi.md_input(st, 0, f, sizeof(f), &lf),
	    BSD_MD_OK);
	/* Any LLC async priority will do. */
	f[0] = 0x50;
	assert_int_equal(bsd_media_fddi.md_input(st, 0, f, sizeof(f), &lf),
	    BSD_MD_OK);
	f[0] = 0x57;
	assert_int_equal(bsd_media_fddi.md_input(st, 0, f, sizeof(f), &lf),
	    BSD_MD_OK);
	/* SMT, MAC and synchronous frames are not ours. */
	f[0] = 0x41;
	assert_int_equal(bsd_media_fddi.md_input(st, 0, f, sizeof(f), &lf),
	    BSD_MD_UNKPROTO);
	f[0] = 0xc2;
	assert_int_equal(bsd_media_fddi.md_input(st, 0, f, sizeof(f), &lf),
	    BSD_MD_UNKPROTO);
	f[0] = 0xd0;
	assert_int_equal(bsd_media_fddi.md_input(st, 0, f, sizeof(f), &lf),
	    BSD_MD_UNKPROTO);
	f[0] = 0x54;
	/* Non-SNAP LLC (NetBIOS, 802.1D) */
	f[13] = f[14] = 0xf0;
	assert_int_equal(bsd_media_fddi.md_input(st, 0, f, sizeof(f), &lf),
	    BSD_MD_UNKPROTO);
	f[13] = f[14] = 0x42;
	f[15] = 0x03;
	assert_int_equal(bsd_media_fddi.md_input(st, 0, f, sizeof(f), &lf),
	    BSD_MD_UNKPROTO);
	/* SNAP but a different SSAP, control or OUI */
	memcpy(f, c->buf[0], sizeof(f));
	f[14] = 0xab;
	assert_int_equal(bsd_media_fddi.md_input(st, 0, f, sizeof(f), &lf),
	    BSD_MD_BADHDR);
	f[14] = 0xaa;
	f[15] = 0x13;
	assert_int_equal(bsd_media_fddi.md_input(st, 0, f, sizeof(f), &lf),
	    BSD_MD_BADHDR);
	f[15] = 0x03;
	f[18] = 0xf8;			/* OUI 00-00-f8: 802.1H */
	assert_int_equal(bsd_media_fddi.md_input(st, 0, f, sizeof(f), &lf),
	    BSD_MD_BADHDR);
	f[18] = 0x00;
	f[19] = 0x81;
	f[20] = 0x37;			/* IPX */
	assert_int_equal(bsd_media_fddi.md_input(st, 0, f, sizeof(f), &lf),
	    BSD_MD_UNKPROTO);
	/* Longer than 4352 octets of IP */
	{
		static uint8_t g[21 + 4353];

		memcpy(g, c->buf[0], 21);
		assert_int_equal(bsd_media_fddi.md_input(st, 0, g, 21 + 4352,
		    &lf), BSD_MD_OK);
		assert_int_equal(bsd_media_fddi.md_input(st, 0, g, sizeof(g),
		    &lf), BSD_MD_BADHDR);
	}
	free(c);
	free(st);
}

/* --- ARCnet ------------------------------------------------------------ */

static uint16_t
seqid_of(const uint8_t *f)
{

	return (uint16_t)(f[4] << 8 | f[5]);
}

static void
test_arc_header_bytes(void **state)
{
	static const uint8_t want1201[6] = {
		0x01, 0x2a, 0xd4, 0x00, 0x00, 0x01
	};
	static const uint8_t want1051[3] = { 0x01, 0x2a, 0xf0 };
	uint8_t pkt[20];
	struct cap *c = cap_new();
	void *st = md_new(&bsd_media_arcnet, 0);
	void *old = md_new(&bsd_media_arcnet, BSD_MDF_ARC_RFC1051);

	(void)state;
	fill(pkt, sizeof(pkt), 2);
	assert_int_equal(bsd_media_arcnet.md_output(st, arc_a, arc_b,
	    BSD_LLPROTO_IP, pkt, sizeof(pkt), cap_emit, c), 0);
	assert_int_equal(c->n, 1);
	assert_int_equal(c->len[0], 26);
	assert_memory_equal(c->buf[0], want1201, 6);
	assert_memory_equal(c->buf[0] + 6, pkt, sizeof(pkt));
	/* ARP: 213; the seqid goes up by one a packet. */
	assert_int_equal(bsd_media_arcnet.md_output(st, arc_a, arc_b,
	    BSD_LLPROTO_ARP, pkt, 18, cap_emit, c), 0);
	assert_int_equal(c->buf[1][2], 213);
	assert_int_equal(c->buf[1][3], 0);
	assert_int_equal(seqid_of(c->buf[1]), 2);
	/* RFC 1051: three octets, codes 240 and 241 */
	assert_int_equal(bsd_media_arcnet.md_output(old, arc_a, arc_b,
	    BSD_LLPROTO_IP, pkt, sizeof(pkt), cap_emit, c), 0);
	assert_int_equal(c->len[2], 23);
	assert_memory_equal(c->buf[2], want1051, 3);
	assert_memory_equal(c->buf[2] + 3, pkt, sizeof(pkt));
	assert_int_equal(bsd_media_arcnet.md_output(old, arc_a, arc_b,
	    BSD_LLPROTO_ARP, pkt, 18, cap_emit, c), 0);
	assert_int_equal(c->buf[3][2], 241);
	free(st);
	free(old);
	free(c);
}

static void
test_arc_split_1500(void **state)
{
	static const uint8_t flags[3] = { 3, 2, 4 };
	static const size_t dlen[3] = { 504, 504, 492 };
	uint8_t pkt[1500];
	struct cap *c = cap_new();
	struct bsd_llframe lf;
	void *tx = md_new(&bsd_media_arcnet, 0);
	void *rx = md_new(&bsd_media_arcnet, 0);
	size_t off = 0;
	int i;

	(void)state;
	fill(pkt, sizeof(pkt), 77);
	assert_int_equal(bsd_media_arcnet.md_output(tx, arc_a, arc_b,
	    BSD_LLPROTO_IP, pkt, sizeof(pkt), cap_emit, c), 0);
	assert_int_equal(c->n, 3);
	for (i = 0; i < 3; i++) {
		assert_int_equal(c->len[i], 6 + dlen[i]);
		assert_int_equal(c->buf[i][0], 0x01);
		assert_int_equal(c->buf[i][1], 0x2a);
		assert_int_equal(c->buf[i][2], 212);
		assert_int_equal(c->buf[i][3], flags[i]);
		assert_int_equal(seqid_of(c->buf[i]), 1);
		assert_memory_equal(c->buf[i] + 6, pkt + off, dlen[i]);
		off += dlen[i];
	}
	assert_int_equal(bsd_media_arcnet.md_input(rx, 0, c->buf[0],
	    c->len[0], &lf), BSD_MD_FRAGHELD);
	assert_int_equal(bsd_media_arcnet.md_input(rx, 0, c->buf[1],
	    c->len[1], &lf), BSD_MD_FRAGHELD);
	assert_int_equal(bsd_media_arcnet.md_input(rx, 0, c->buf[2],
	    c->len[2], &lf), BSD_MD_OK);
	assert_int_equal(lf.lf_proto, BSD_LLPROTO_IP);
	assert_int_equal(lf.lf_src[0], 0x01);
	assert_int_equal(lf.lf_dst[0], 0x2a);
	assert_false(lf.lf_bcast);
	assert_int_equal(lf.lf_paylen, 1500);
	assert_memory_equal(lf.lf_payload, pkt, 1500);
	/* The next packet has the next seqid, in every fragment. */
	c->n = 0;
	assert_int_equal(bsd_media_arcnet.md_output(tx, arc_a, arc_b,
	    BSD_LLPROTO_IP, pkt, 600, cap_emit, c), 0);
	assert_int_equal(c->n, 2);
	assert_int_equal(c->buf[0][3], 1);
	assert_int_equal(c->buf[1][3], 2);
	assert_int_equal(seqid_of(c->buf[0]), 2);
	assert_int_equal(seqid_of(c->buf[1]), 2);
	free(tx);
	free(rx);
	free(c);
}

/* Fragments of one 1500-octet packet from a to b, seqid 1. */
static struct cap *
arc_three(uint8_t *pkt)
{
	struct cap *c = cap_new();
	void *tx = md_new(&bsd_media_arcnet, 0);

	fill(pkt, 1500, 11);
	assert_int_equal(bsd_media_arcnet.md_output(tx, arc_a, arc_b,
	    BSD_LLPROTO_IP, pkt, 1500, cap_emit, c), 0);
	assert_int_equal(c->n, 3);
	free(tx);
	return c;
}

static int
arc_in(void *rx, int64_t now, const struct cap *c, int i,
    struct bsd_llframe *lf)
{

	return bsd_media_arcnet.md_input(rx, now, c->buf[i], c->len[i], lf);
}

static void
test_arc_out_of_order(void **state)
{
	uint8_t pkt[1500];
	struct cap *c = arc_three(pkt);
	struct bsd_llframe lf;
	void *rx = md_new(&bsd_media_arcnet, 0);
	uint64_t dropped = 0;

	(void)state;
	assert_int_equal(arc_in(rx, 0, c, 0, &lf), BSD_MD_FRAGHELD);
	assert_int_equal(arc_in(rx, 0, c, 2, &lf), BSD_MD_FRAGDROP);
	assert_int_equal(arc_in(rx, 0, c, 1, &lf), BSD_MD_FRAGDROP);
	/* A continuation without its start */
	assert_int_equal(arc_in(rx, 0, c, 2, &lf), BSD_MD_FRAGDROP);
	bsd_arc_reass_expire(rx, 100 * SEC, &dropped);
	assert_int_equal(dropped, 0);	/* each loss was reported once */
	/* Sent again in order, it arrives. */
	assert_int_equal(arc_in(rx, 0, c, 0, &lf), BSD_MD_FRAGHELD);
	assert_int_equal(arc_in(rx, 0, c, 1, &lf), BSD_MD_FRAGHELD);
	assert_int_equal(arc_in(rx, 0, c, 2, &lf), BSD_MD_OK);
	assert_memory_equal(lf.lf_payload, pkt, 1500);
	free(rx);
	free(c);
}

static void
test_arc_duplicate(void **state)
{
	uint8_t pkt[1500];
	struct cap *c = arc_three(pkt);
	struct bsd_llframe lf;
	void *rx = md_new(&bsd_media_arcnet, 0);
	uint64_t dropped = 0;

	(void)state;
	assert_int_equal(arc_in(rx, 0, c, 0, &lf), BSD_MD_FRAGHELD);
	/* The first fragment again: the packet starts over, no loss. */
	assert_int_equal(arc_in(rx, 0, c, 0, &lf), BSD_MD_FRAGHELD);
	assert_int_equal(arc_in(rx, 0, c, 1, &lf), BSD_MD_FRAGHELD);
	assert_int_equal(arc_in(rx, 0, c, 1, &lf), BSD_MD_FRAGHELD);
	assert_int_equal(arc_in(rx, 0, c, 2, &lf), BSD_MD_OK);
	assert_int_equal(lf.lf_paylen, 1500);
	assert_memory_equal(lf.lf_payload, pkt, 1500);
	bsd_arc_reass_expire(rx, 100 * SEC, &dropped);
	assert_int_equal(dropped, 0);
	free(rx);
	free(c);
}

static void
test_arc_mismatch(void **state)
{
	uint8_t pkt[1500];
	struct cap *c = arc_three(pkt);
	struct bsd_llframe lf;
	void *rx = md_new(&bsd_media_arcnet, 0);

	(void)state;
	/* Another seqid */
	assert_int_equal(arc_in(rx, 0, c, 0, &lf), BSD_MD_FRAGHELD);
	c->buf[1][5] ^= 1;
	assert_int_equal(arc_in(rx, 0, c, 1, &lf), BSD_MD_FRAGDROP);
	c->buf[1][5] ^= 1;
	/* Another type */
	assert_int_equal(arc_in(rx, 0, c, 0, &lf), BSD_MD_FRAGHELD);
	c->buf[1][2] = 213;
	assert_int_equal(arc_in(rx, 0, c, 1, &lf), BSD_MD_FRAGDROP);
	c->buf[1][2] = 212;
	/* Another destination */
	assert_int_equal(arc_in(rx, 0, c, 0, &lf), BSD_MD_FRAGHELD);
	c->buf[1][1] = 0;
	assert_int_equal(arc_in(rx, 0, c, 1, &lf), BSD_MD_FRAGDROP);
	free(rx);
	free(c);
}

static void
test_arc_missing_and_timeout(void **state)
{
	uint8_t pkt[1500];
	struct cap *c = arc_three(pkt);
	struct bsd_llframe lf;
	void *rx = md_new(&bsd_media_arcnet, 0);
	uint64_t dropped = 0;
	int64_t t0 = 5 * SEC;

	(void)state;
	/* The last fragment never comes. */
	assert_int_equal(arc_in(rx, t0, c, 0, &lf), BSD_MD_FRAGHELD);
	assert_int_equal(arc_in(rx, t0 + SEC, c, 1, &lf), BSD_MD_FRAGHELD);
	bsd_arc_reass_expire(rx, t0 + ARC_REASS_TIMEOUT, &dropped);
	assert_int_equal(dropped, 0);
	bsd_arc_reass_expire(rx, t0 + ARC_REASS_TIMEOUT + 1, &dropped);
	assert_int_equal(dropped, 1);
	bsd_arc_reass_expire(rx, t0 + 100 * SEC, &dropped);
	assert_int_equal(dropped, 1);
	/* Too late now for the last fragment. */
	assert_int_equal(arc_in(rx, t0 + 11 * SEC, c, 2, &lf),
	    BSD_MD_FRAGDROP);

	/* With no sweep, the next frame from that station drops it ... */
	dropped = 0;
	assert_int_equal(arc_in(rx, 0, c, 0, &lf), BSD_MD_FRAGHELD);
	assert_int_equal(arc_in(rx, 11 * SEC, c, 1, &lf), BSD_MD_FRAGDROP);
	bsd_arc_reass_expire(rx, 11 * SEC, &dropped);
	assert_int_equal(dropped, 0);	/* the FRAGDROP counted it */
	/* ... and if that frame starts a packet, the sweep counts it. */
	assert_int_equal(arc_in(rx, 0, c, 0, &lf), BSD_MD_FRAGHELD);
	assert_int_equal(arc_in(rx, 11 * SEC, c, 0, &lf), BSD_MD_FRAGHELD);
	assert_int_equal(arc_in(rx, 11 * SEC, c, 1, &lf), BSD_MD_FRAGHELD);
	assert_int_equal(arc_in(rx, 11 * SEC, c, 2, &lf), BSD_MD_OK);
	assert_memory_equal(lf.lf_payload, pkt, 1500);
	bsd_arc_reass_expire(rx, 11 * SEC, &dropped);
	assert_int_equal(dropped, 1);
	/* A new packet replacing a partial one loses the old one. */
	dropped = 0;
	assert_int_equal(arc_in(rx, 0, c, 0, &lf), BSD_MD_FRAGHELD);
	c->buf[0][5]++;				/* the next seqid */
	assert_int_equal(arc_in(rx, 0, c, 0, &lf), BSD_MD_FRAGHELD);
	bsd_arc_reass_expire(rx, 0, &dropped);
	assert_int_equal(dropped, 1);
	bsd_arc_reass_expire(rx, 0, NULL);
	free(rx);
	free(c);
}

static void
test_arc_per_source(void **state)
{
	uint8_t pkt[1500], pkt2[1000];
	static const uint8_t other[1] = { 0x07 };
	struct cap *c = arc_three(pkt), *c2 = cap_new();
	struct bsd_llframe lf;
	void *tx = md_new(&bsd_media_arcnet, 0);
	void *rx = md_new(&bsd_media_arcnet, 0);

	(void)state;
	fill(pkt2, sizeof(pkt2), 99);
	assert_int_equal(bsd_media_arcnet.md_output(tx, other, arc_b,
	    BSD_LLPROTO_ARP, pkt2, sizeof(pkt2), cap_emit, c2), 0);
	assert_int_equal(c2->n, 2);
	/* Same seqid (1) from both stations, interleaved */
	assert_int_equal(arc_in(rx, 0, c, 0, &lf), BSD_MD_FRAGHELD);
	assert_int_equal(arc_in(rx, 0, c2, 0, &lf), BSD_MD_FRAGHELD);
	assert_int_equal(arc_in(rx, 0, c, 1, &lf), BSD_MD_FRAGHELD);
	assert_int_equal(arc_in(rx, 0, c2, 1, &lf), BSD_MD_OK);
	assert_int_equal(lf.lf_proto, BSD_LLPROTO_ARP);
	assert_int_equal(lf.lf_src[0], 0x07);
	assert_int_equal(lf.lf_paylen, sizeof(pkt2));
	assert_memory_equal(lf.lf_payload, pkt2, sizeof(pkt2));
	assert_int_equal(arc_in(rx, 0, c, 2, &lf), BSD_MD_OK);
	assert_int_equal(lf.lf_src[0], 0x01);
	assert_memory_equal(lf.lf_payload, pkt, 1500);
	free(tx);
	free(rx);
	free(c);
	free(c2);
}

static void
test_arc_exception(void **state)
{
	static const uint8_t want[10] = {
		0x01, 0x2a, 0xd4, 0xff, 0xff, 0xff, 0xd4, 0x00, 0x00, 0x01
	};
	uint8_t pkt[1500];
	struct cap *c = cap_new();
	struct bsd_llframe lf;
	void *tx = md_new(&bsd_media_arcnet, 0);
	void *rx = md_new(&bsd_media_arcnet, 0);
	size_t len;

	(void)state;
	fill(pkt, sizeof(pkt), 4);
	/* 249 and 253 octets are ordinary frames, 250..252 exceptions. */
	for (len = 249; len <= 253; len++) {
		c->n = 0;
		assert_int_equal(bsd_media_arcnet.md_output(tx, arc_a, arc_b,
		    BSD_LLPROTO_IP, pkt, len, cap_emit, c), 0);
		assert_int_equal(c->n, 1);
		if (len == 249 || len == 253) {
			assert_int_equal(c->len[0], 6 + len);
			assert_int_equal(c->buf[0][3], 0);
		} else
			assert_int_equal(c->len[0], 10 + len);
		assert_int_equal(bsd_media_arcnet.md_input(rx, 0, c->buf[0],
		    c->len[0], &lf), BSD_MD_OK);
		assert_int_equal(lf.lf_paylen, len);
		assert_memory_equal(lf.lf_payload, pkt, len);
	}
	/* The exact header of the first (seqid 1 was the 249-octet one) */
	c->n = 0;
	free(tx);
	tx = md_new(&bsd_media_arcnet, 0);
	assert_int_equal(bsd_media_arcnet.md_output(tx, arc_a, arc_b,
	    BSD_LLPROTO_IP, pkt, 251, cap_emit, c), 0);
	assert_int_equal(c->len[0], 261);
	assert_memory_equal(c->buf[0], want, 10);
	assert_memory_equal(c->buf[0] + 10, pkt, 251);
	/* A split packet whose last fragment carries 252: 504 + 504 + 252 */
	c->n = 0;
	assert_int_equal(bsd_media_arcnet.md_output(tx, arc_a, arc_b,
	    BSD_LLPROTO_IP, pkt, 1260, cap_emit, c), 0);
	assert_int_equal(c->n, 3);
	assert_int_equal(c->len[2], 10 + 252);
	assert_int_equal(c->buf[2][3], 0xff);
	assert_int_equal(c->buf[2][7], 4);	/* the real flag */
	assert_int_equal(c->buf[2][8] << 8 | c->buf[2][9], 2);
	assert_int_equal(deliver(&bsd_media_arcnet, rx, c, 0, &lf),
	    BSD_MD_OK);
	assert_int_equal(lf.lf_paylen, 1260);
	assert_memory_equal(lf.lf_payload, pkt, 1260);
	/* A malformed exception header */
	c->n = 0;
	assert_int_equal(bsd_media_arcnet.md_output(tx, arc_a, arc_b,
	    BSD_LLPROTO_IP, pkt, 250, cap_emit, c), 0);
	c->buf[0][5] = 0;
	assert_int_equal(bsd_media_arcnet.md_input(rx, 0, c->buf[0],
	    c->len[0], &lf), BSD_MD_BADHDR);
	c->buf[0][5] = 0xff;
	c->buf[0][6] = 213;
	assert_int_equal(bsd_media_arcnet.md_input(rx, 0, c->buf[0],
	    c->len[0], &lf), BSD_MD_BADHDR);
	free(tx);
	free(rx);
	free(c);
}

static void
test_arc_rfc1051(void **state)
{
	uint8_t pkt[508];
	struct cap *c = cap_new();
	struct bsd_llframe lf;
	void *old = md_new(&bsd_media_arcnet, BSD_MDF_ARC_RFC1051);
	void *neu = md_new(&bsd_media_arcnet, 0);

	(void)state;
	fill(pkt, sizeof(pkt), 6);
	assert_int_equal(bsd_media_arcnet.md_ipmtu(old), 507);
	assert_int_equal(bsd_media_arcnet.md_output(old, arc_a, arc_b,
	    BSD_LLPROTO_IP, pkt, 508, cap_emit, c), EMSGSIZE);
	assert_int_equal(c->n, 0);
	assert_int_equal(bsd_media_arcnet.md_output(old, arc_a, arc_b,
	    BSD_LLPROTO_IP, pkt, 507, cap_emit, c), 0);
	assert_int_equal(c->n, 1);		/* never split */
	assert_int_equal(c->len[0], 510);
	assert_int_equal(c->buf[0][2], 240);
	/* Either encoding is taken in either mode. */
	assert_int_equal(bsd_media_arcnet.md_input(neu, 0, c->buf[0],
	    c->len[0], &lf), BSD_MD_OK);
	assert_int_equal(lf.lf_paylen, 507);
	assert_memory_equal(lf.lf_payload, pkt, 507);
	assert_int_equal(bsd_media_arcnet.md_input(old, 0, c->buf[0],
	    c->len[0], &lf), BSD_MD_OK);
	/* One octet more than an ARCnet packet holds */
	{
		uint8_t *g = malloc(511);

		assert_non_null(g);
		memcpy(g, c->buf[0], 510);
		g[510] = 0;
		assert_int_equal(bsd_media_arcnet.md_input(neu, 0, g, 511,
		    &lf), BSD_MD_BADHDR);
		free(g);
	}
	c->n = 0;
	assert_int_equal(bsd_media_arcnet.md_output(neu, arc_a, arc_b,
	    BSD_LLPROTO_ARP, pkt, 28, cap_emit, c), 0);
	assert_int_equal(bsd_media_arcnet.md_input(old, 0, c->buf[0],
	    c->len[0], &lf), BSD_MD_OK);
	assert_int_equal(lf.lf_proto, BSD_LLPROTO_ARP);
	/* Split packets reassemble only up to the 507-octet IP MTU. */
	c->n = 0;
	assert_int_equal(bsd_media_arcnet.md_output(neu, arc_a, arc_b,
	    BSD_LLPROTO_IP, pkt, 507, cap_emit, c), 0);
	assert_int_equal(c->n, 2);
	assert_int_equal(deliver(&bsd_media_arcnet, old, c, 0, &lf),
	    BSD_MD_OK);
	assert_int_equal(lf.lf_paylen, 507);
	c->n = 0;
	{
		static uint8_t big[600];

		assert_int_equal(bsd_media_arcnet.md_output(neu, arc_a, arc_b,
		    BSD_LLPROTO_IP, big, sizeof(big), cap_emit, c), 0);
	}
	assert_int_equal(bsd_media_arcnet.md_input(old, 0, c->buf[0],
	    c->len[0], &lf), BSD_MD_FRAGHELD);
	assert_int_equal(bsd_media_arcnet.md_input(old, 0, c->buf[1],
	    c->len[1], &lf), BSD_MD_FRAGDROP);
	free(old);
	free(neu);
	free(c);
}

static void
test_arc_reass_bound(void **state)
{
	uint8_t f[510];
	struct bsd_llframe lf;
	void *rx = md_new(&bsd_media_arcnet, 0);

	(void)state;
	/* A first fragment announcing four: 504 * 3 passes 1500. */
	f[0] = 0x05;
	f[1] = 0x2a;
	f[2] = 212;
	f[3] = 5;
	f[4] = 0;
	f[5] = 9;
	fill(f + 6, 504, 0);
	assert_int_equal(bsd_media_arcnet.md_input(rx, 0, f, sizeof(f), &lf),
	    BSD_MD_FRAGHELD);
	f[3] = 2;
	assert_int_equal(bsd_media_arcnet.md_input(rx, 0, f, sizeof(f), &lf),
	    BSD_MD_FRAGHELD);
	f[3] = 4;
	assert_int_equal(bsd_media_arcnet.md_input(rx, 0, f, sizeof(f), &lf),
	    BSD_MD_FRAGDROP);
	/* Codes we do not speak, and short headers */
	f[2] = 214;			/* RARP */
	assert_int_equal(bsd_media_arcnet.md_input(rx, 0, f, sizeof(f), &lf),
	    BSD_MD_UNKPROTO);
	f[2] = 0x80;
	assert_int_equal(bsd_media_arcnet.md_input(rx, 0, f, sizeof(f), &lf),
	    BSD_MD_UNKPROTO);
	f[2] = 212;
	assert_int_equal(bsd_media_arcnet.md_input(rx, 0, f, 5, &lf),
	    BSD_MD_SHORT);
	f[3] = 0xff;
	assert_int_equal(bsd_media_arcnet.md_input(rx, 0, f, 9, &lf),
	    BSD_MD_SHORT);
	/* Broadcast is station 0. */
	f[1] = 0;
	f[3] = 0;
	assert_int_equal(bsd_media_arcnet.md_input(rx, 0, f, 40, &lf),
	    BSD_MD_OK);
	assert_true(lf.lf_bcast);
	free(rx);
}

/* --- AX.25 ------------------------------------------------------------ */

static void
test_ax25_header_bytes(void **state)
{
	static const uint8_t want[16] = {
		0xa2, 0xa6, 0xa8, 0x40, 0x40, 0x40, 0xe0,	/* QST C */
		0x9c, 0x60, 0x86, 0x82, 0x98, 0x98, 0x6f, /* N0CALL-7 E */
		0x03, 0xcc,
	};
	uint8_t pkt[20], dst[7];
	struct cap *c = cap_new();
	struct bsd_llframe lf;
	void *st = md_new(&bsd_media_ax25, 0);

	(void)state;
	fill(pkt, sizeof(pkt), 8);
	assert_int_equal(bsd_media_ax25.md_output(st, ax_n0call7, ax_qst,
	    BSD_LLPROTO_IP, pkt, sizeof(pkt), cap_emit, c), 0);
	assert_int_equal(c->len[0], 36);
	assert_memory_equal(c->buf[0], want, 16);
	assert_memory_equal(c->buf[0] + 16, pkt, sizeof(pkt));
	/* C set in the destination, clear in the source; E on the source */
	assert_true(c->buf[0][6] & 0x80);
	assert_false(c->buf[0][6] & 0x01);
	assert_false(c->buf[0][13] & 0x80);
	assert_true(c->buf[0][13] & 0x01);
	assert_int_equal(bsd_media_ax25.md_input(st, 0, c->buf[0], c->len[0],
	    &lf), BSD_MD_OK);
	assert_true(lf.lf_bcast);
	assert_memory_equal(lf.lf_dst, ax_qst, 7);
	assert_memory_equal(lf.lf_src, ax_n0call7, 7);
	/* Stray C/E bits in a caller's address are not sent as given. */
	memcpy(dst, ax_k1abc, 7);
	dst[6] |= 0x81;
	assert_int_equal(bsd_media_ax25.md_output(st, ax_n0call7, dst,
	    BSD_LLPROTO_ARP, pkt, 4, cap_emit, c), 0);
	assert_int_equal(c->buf[1][6], 0xe2);
	assert_int_equal(c->buf[1][15], 0xcd);
	free(st);
	free(c);
}

/* dst, src, ndigi digipeaters, UI, PID, 10 octets; returns the length. */
static size_t
ax25_frame(uint8_t *f, int ndigi, uint8_t ctl, uint8_t pid)
{
	size_t off = 0;
	int i;

	memcpy(f, ax_k1abc, 7);
	f[6] |= 0x80;
	memcpy(f + 7, ax_n0call7, 7);
	off = 14;
	for (i = 0; i < ndigi; i++, off += 7) {
		memcpy(f + off, ax_qst, 7);
		f[off + 6] = (uint8_t)(0x60 | (i << 1) | (i == 0 ? 0x80 : 0));
	}
	f[off - 1] |= 0x01;
	f[off++] = ctl;
	f[off++] = pid;
	fill(f + off, 10, 1);
	return off + 10;
}

static void
test_ax25_digipeaters(void **state)
{
	uint8_t f[200];
	struct bsd_llframe lf;
	void *st = md_new(&bsd_media_ax25, 0);
	size_t len;

	(void)state;
	len = ax25_frame(f, 2, 0x03, 0xcc);
	assert_int_equal(len, 14 + 14 + 2 + 10);
	assert_int_equal(bsd_media_ax25.md_input(st, 0, f, len, &lf),
	    BSD_MD_OK);
	assert_memory_equal(lf.lf_dst, ax_k1abc, 7);
	assert_memory_equal(lf.lf_src, ax_n0call7, 7);
	assert_false(lf.lf_bcast);
	assert_int_equal(lf.lf_paylen, 10);
	assert_ptr_equal(lf.lf_payload, f + 30);
	truncations(&bsd_media_ax25, 0, f, len, 30);
	len = ax25_frame(f, 8, 0x03, 0xcd);
	assert_int_equal(bsd_media_ax25.md_input(st, 0, f, len, &lf),
	    BSD_MD_OK);
	assert_int_equal(lf.lf_proto, BSD_LLPROTO_ARP);
	len = ax25_frame(f, 9, 0x03, 0xcc);
	assert_int_equal(bsd_media_ax25.md_input(st, 0, f, len, &lf),
	    BSD_MD_BADHDR);
	/* No E bit anywhere in the frame */
	len = ax25_frame(f, 0, 0x03, 0xcc);
	f[13] &= (uint8_t)~0x01;
	memset(f + 16, 0x40, len - 16);	/* no E bit in the data either */
	assert_int_equal(bsd_media_ax25.md_input(st, 0, f, len, &lf),
	    BSD_MD_BADHDR);
	/* E on the destination: no source */
	len = ax25_frame(f, 0, 0x03, 0xcc);
	f[6] |= 0x01;
	assert_int_equal(bsd_media_ax25.md_input(st, 0, f, len, &lf),
	    BSD_MD_BADHDR);
	free(st);
}

static void
test_ax25_control_pid(void **state)
{
	uint8_t f[64];
	struct bsd_llframe lf;
	void *st = md_new(&bsd_media_ax25, 0);
	size_t len;

	(void)state;
	len = ax25_frame(f, 0, 0x13, 0xcc);	/* UI with P */
	assert_int_equal(bsd_media_ax25.md_input(st, 0, f, len, &lf),
	    BSD_MD_OK);
	/* A response (C in the source) is a UI frame too. */
	f[6] &= 0x7f;
	f[13] |= 0x80;
	assert_int_equal(bsd_media_ax25.md_input(st, 0, f, len, &lf),
	    BSD_MD_OK);
	assert_memory_equal(lf.lf_src, ax_n0call7, 7);
	assert_memory_equal(lf.lf_dst, ax_k1abc, 7);
	len = ax25_frame(f, 0, 0x3f, 0xcc);	/* SABM */
	assert_int_equal(bsd_media_ax25.md_input(st, 0, f, len, &lf),
	    BSD_MD_UNKPROTO);
	len = ax25_frame(f, 0, 0x00, 0xcc);	/* I frame */
	assert_int_equal(bsd_media_ax25.md_input(st, 0, f, len, &lf),
	    BSD_MD_UNKPROTO);
	len = ax25_frame(f, 0, 0x03, 0xf0);	/* no layer 3 */
	assert_int_equal(bsd_media_ax25.md_input(st, 0, f, len, &lf),
	    BSD_MD_UNKPROTO);
	len = ax25_frame(f, 0, 0x03, 0xcf);	/* NET/ROM */
	assert_int_equal(bsd_media_ax25.md_input(st, 0, f, len, &lf),
	    BSD_MD_UNKPROTO);
	/* Addresses but no control and PID */
	len = ax25_frame(f, 1, 0x03, 0xcc);
	assert_int_equal(bsd_media_ax25.md_input(st, 0, f, 22, &lf),
	    BSD_MD_SHORT);
	/* More information than N1 (256) */
	{
		static uint8_t g[16 + 257];

		memcpy(g, f, 14);
		g[6] = 0xe2;
		g[13] = 0x6f;
		g[14] = 0x03;
		g[15] = 0xcc;
		assert_int_equal(bsd_media_ax25.md_input(st, 0, g, 16 + 256,
		    &lf), BSD_MD_OK);
		assert_int_equal(bsd_media_ax25.md_input(st, 0, g, sizeof(g),
		    &lf), BSD_MD_BADHDR);
	}
	free(st);
}

/*
 * The SSID octet's other bits (C/H 0x80, E 0x01, in either address)
 * never reach the canonical address: SSID 15 fills the whole 0x1e mask,
 * so a mask one bit short or one bit long changes what comes out.  And
 * only SSID 0 of QST is broadcast: QST-1 is a station like any other.
 */
static void
test_ax25_ssid_mask_on_input(void **state)
{
	uint8_t f[40], dst[7], src[7], qst1[7];
	struct bsd_llframe lf;
	void *st = md_new(&bsd_media_ax25, 0);
	char buf[16];

	(void)state;
	assert_int_equal(bsd_media_ax25.md_aton("K1ABC-15", dst), 0);
	assert_int_equal(bsd_media_ax25.md_aton("N0CALL-15", src), 0);
	assert_int_equal(dst[6], 0x7e);
	memcpy(f, dst, 7);
	f[6] = 0xfe;			/* C set: a command */
	memcpy(f + 7, src, 7);
	f[13] = 0xff;			/* H/C and E set */
	f[14] = 0x03;
	f[15] = 0xcc;
	fill(f + 16, 10, 2);
	assert_int_equal(bsd_media_ax25.md_input(st, 0, f, 26, &lf),
	    BSD_MD_OK);
	assert_memory_equal(lf.lf_dst, dst, 7);
	assert_memory_equal(lf.lf_src, src, 7);
	assert_false(lf.lf_bcast);
	assert_string_equal(bsd_media_ax25.md_ntoa(lf.lf_src, buf,
	    sizeof(buf)), "N0CALL-15");
	/* QST-1 */
	assert_int_equal(bsd_media_ax25.md_aton("QST-1", qst1), 0);
	memcpy(f, qst1, 7);
	f[6] = 0xe2;
	assert_int_equal(bsd_media_ax25.md_input(st, 0, f, 26, &lf),
	    BSD_MD_OK);
	assert_false(lf.lf_bcast);
	assert_memory_equal(lf.lf_dst, qst1, 7);
	/* QST-0, with C set: broadcast */
	f[6] = 0xe0;
	assert_int_equal(bsd_media_ax25.md_input(st, 0, f, 26, &lf),
	    BSD_MD_OK);
	assert_true(lf.lf_bcast);
	free(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find_and_bytype),
		cmocka_unit_test(test_constants),
		cmocka_unit_test(test_roundtrip_all),
		cmocka_unit_test(test_output_mtu_and_proto),
		cmocka_unit_test(test_truncations),
		cmocka_unit_test(test_ether_header_bytes),
		cmocka_unit_test(test_ether_input),
		cmocka_unit_test(test_text_ether_fddi),
		cmocka_unit_test(test_text_arcnet),
		cmocka_unit_test(test_text_ax25),
		cmocka_unit_test(test_fddi_header_bytes),
		cmocka_unit_test(test_fddi_llc),
		cmocka_unit_test(test_arc_header_bytes),
		cmocka_unit_test(test_arc_split_1500),
		cmocka_unit_test(test_arc_out_of_order),
		cmocka_unit_test(test_arc_duplicate),
		cmocka_unit_test(test_arc_mismatch),
		cmocka_unit_test(test_arc_missing_and_timeout),
		cmocka_unit_test(test_arc_per_source),
		cmocka_unit_test(test_arc_exception),
		cmocka_unit_test(test_arc_rfc1051),
		cmocka_unit_test(test_arc_reass_bound),
		cmocka_unit_test(test_ax25_header_bytes),
		cmocka_unit_test(test_ax25_digipeaters),
		cmocka_unit_test(test_ax25_control_pid),
		cmocka_unit_test(test_ax25_ssid_mask_on_input),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
