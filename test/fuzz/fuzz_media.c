/*
 * libFuzzer target for media framing: frames into md_input, checked.
 *
 * Input: one octet choosing the medium (ether, fddi, arcnet, arcnet in
 * RFC 1051 mode, ax25: the octet mod 5), then records of
 *   [step][length, 2 octets big-endian][frame]
 * fed in turn to one interface state, so ARCnet reassembly carries over
 * from frame to frame.  step's low 7 bits advance the clock by tenths of
 * a second (the 10 s reassembly timeout is crossed); its top bit runs
 * the ARCnet reassembly sweep after the frame.  Every frame sits in a
 * buffer of its own exact size, so ASan sees a read past its end.
 *
 * Every accepted packet is checked (payload inside the frame or the
 * state, at most the IP MTU, broadcast flag right) and then sent again
 * through md_output to a second interface, which must get it back.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "media/bsd_arcnet.h"
#include "media/bsd_media.h"

#define NS_PER_STEP	INT64_C(100000000)	/* 0.1 s */

struct medium {
	const struct bsd_media	*md;
	uint32_t		flags;
};

static const struct medium media[] = {
	{ &bsd_media_ether, 0 },
	{ &bsd_media_fddi, 0 },
	{ &bsd_media_arcnet, 0 },
	{ &bsd_media_arcnet, BSD_MDF_ARC_RFC1051 },
	{ &bsd_media_ax25, 0 },
};
#define NMEDIA	(sizeof(media) / sizeof(media[0]))

/* The second interface, receiving what md_output made of a packet. */
struct echo {
	const struct bsd_media	*md;
	void			*rx;
	int64_t			now;
	const uint8_t		*want;		/* the packet sent */
	size_t			wantlen;
	int			nframes;
	int			last;
	struct bsd_llframe	lf;
};

static void
echo_emit(void *arg, const uint8_t *frame, size_t len)
{
	struct echo *e = arg;
	uint8_t *copy = malloc(len ? len : 1);

	if (copy == NULL)
		abort();
	memcpy(copy, frame, len);
	/* Every frame but the last of a packet is held. */
	if (e->nframes > 0 && e->last != BSD_MD_FRAGHELD)
		abort();
	e->last = e->md->md_input(e->rx, e->now, copy, len, &e->lf);
	e->nframes++;
	/* The payload may point into the frame: compare it now. */
	if (e->last == BSD_MD_OK) {
		/* Ethernet pads; the others give back exactly what went in. */
		if (e->md == &bsd_media_ether ? e->lf.lf_paylen < e->wantlen :
		    e->lf.lf_paylen != e->wantlen)
			abort();
		if (e->wantlen > 0 &&
		    memcmp(e->lf.lf_payload, e->want, e->wantlen) != 0)
			abort();
		e->lf.lf_payload = NULL;
	}
	free(copy);
}

static void *
state_new(const struct medium *m)
{
	void *st = calloc(1, m->md->md_statesize);

	if (st == NULL)
		abort();
	m->md->md_init(st, m->flags);
	return st;
}

static int
within(const uint8_t *p, size_t n, const void *base, size_t size)
{
	const uint8_t *b = base;

	return p >= b && p <= b + size && n <= (size_t)(b + size - p);
}

/* Send a received packet again from tx to a fresh reading on rx. */
static void
echo_check(const struct medium *m, void *tx, void *rx, int64_t now,
    const struct bsd_llframe *lf)
{
	const struct bsd_media *md = m->md;
	struct echo e;
	uint8_t *pkt;
	int r;

	pkt = malloc(lf->lf_paylen ? lf->lf_paylen : 1);
	if (pkt == NULL)
		abort();
	memcpy(pkt, lf->lf_payload, lf->lf_paylen);
	memset(&e, 0, sizeof(e));
	e.md = md;
	e.rx = rx;
	e.now = now;
	e.want = pkt;
	e.wantlen = lf->lf_paylen;
	r = md->md_output(tx, lf->lf_src, lf->lf_dst, lf->lf_proto, pkt,
	    lf->lf_paylen, echo_emit, &e);
	/* What came in within the MTU must go out again. */
	if (r != 0 || e.nframes == 0 || e.last != BSD_MD_OK)
		abort();
	if (e.lf.lf_proto != lf->lf_proto || e.lf.lf_bcast != lf->lf_bcast ||
	    memcmp(e.lf.lf_src, lf->lf_src, md->md_addrlen) != 0 ||
	    memcmp(e.lf.lf_dst, lf->lf_dst, md->md_addrlen) != 0)
		abort();
	free(pkt);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct medium *m;
	const struct bsd_media *md;
	struct bsd_llframe lf;
	void *st, *tx = NULL, *rx = NULL;
	uint8_t *frame;
	uint64_t swept = 0;
	int64_t now = 0;
	size_t len;
	char text[32];
	uint8_t step;
	int r;

	if (size < 1)
		return 0;
	m = &media[data[0] % NMEDIA];
	md = m->md;
	st = state_new(m);
	data++;
	size--;
	while (size >= 3) {
		step = data[0];
		len = (size_t)data[1] << 8 | data[2];
		data += 3;
		size -= 3;
		if (len > size)
			len = size;
		now += (int64_t)(step & 0x7f) * NS_PER_STEP;
		frame = malloc(len ? len : 1);
		if (frame == NULL)
			abort();
		memcpy(frame, data, len);
		data += len;
		size -= len;

		r = md->md_input(st, now, frame, len, &lf);
		if (r < 0 || r >= BSD_MD_NRESULTS)
			abort();
		if ((r == BSD_MD_FRAGHELD || r == BSD_MD_FRAGDROP) &&
		    md != &bsd_media_arcnet)
			abort();
		/* Whatever the result, the addresses print. */
		md->md_ntoa(lf.lf_src, text, sizeof(text));
		md->md_ntoa(lf.lf_dst, text, 4);
		if (r == BSD_MD_OK) {
			if (lf.lf_proto != BSD_LLPROTO_IP &&
			    lf.lf_proto != BSD_LLPROTO_ARP)
				abort();
			if (lf.lf_payload == NULL ||
			    lf.lf_paylen > md->md_ipmtu(st))
				abort();
			if (!within(lf.lf_payload, lf.lf_paylen, frame, len) &&
			    !within(lf.lf_payload, lf.lf_paylen, st,
			    md->md_statesize))
				abort();
			if (lf.lf_bcast != (memcmp(lf.lf_dst, md->md_broadcast,
			    md->md_addrlen) == 0))
				abort();
			if (tx == NULL) {
				tx = state_new(m);
				rx = state_new(m);
			}
			echo_check(m, tx, rx, now, &lf);
		}
		free(frame);
		if ((step & 0x80) && md == &bsd_media_arcnet)
			bsd_arc_reass_expire(st, now, &swept);
	}
	free(st);
	free(tx);
	free(rx);
	return 0;
}
