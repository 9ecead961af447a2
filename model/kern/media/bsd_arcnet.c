/*
 * ARCnet framing (net/if_arcsubr.c): RFC 1201 split packets, RFC 1051.
 *
 * Frames are pcap's LINKTYPE_ARCNET_BSD, the software header NetBSD
 * gives BPF: src(1) dst(1) system code(1), then for RFC 1201 codes a
 * split flag(1) and a sequence id(2).  An RFC 1201 frame whose data is
 * 250..252 octets, which the hardware cannot carry as either a short or
 * a long frame, is an exception frame with the 10-octet header
 * src dst code FF FF FF code flag seqid(2).
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "../bsd_if.h"
#include "bsd_arcnet.h"
#include "bsd_media.h"

#define ARC_ADDR_LEN		1
#define ARC_HDRLEN		3	/* src dst code: RFC 1051 */
#define ARC_HDRNEWLEN		6	/* + flag seqid: RFC 1201 */
#define ARC_HDRNEWLEN_EXC	10	/* + FF FF FF code flag seqid */
#define ARC_MAX_LEN		508	/* after the addresses */
#define ARC_MAX_DATA		504	/* RFC 1201 data per fragment */
#define ARC_MIN_FORBID_LEN	254
#define ARC_MAX_FORBID_LEN	256
#define ARCMTU			507	/* RFC 1051 */
#define ARC_IPMTU		1500	/* RFC 1201, split (arc_ipmtu) */

#define ARCTYPE_IP_OLD		240	/* RFC 1051 */
#define ARCTYPE_ARP_OLD		241
#define ARCTYPE_IP		212	/* RFC 1201 */
#define ARCTYPE_ARP		213

#define ARC_NSTATIONS		256

/* A packet being reassembled from one station (arc_defrag's fragtab). */
struct arc_frag {
	int64_t		af_start;	/* first fragment's arrival */
	uint16_t	af_seqid;
	uint16_t	af_len;		/* octets in af_buf */
	uint8_t		af_busy;
	uint8_t		af_type;
	uint8_t		af_dst;
	uint8_t		af_maxflag;	/* first fragment's flag */
	uint8_t		af_lastseen;	/* last flag taken */
	uint8_t		af_buf[ARC_IPMTU];
};

struct arc_state {
	uint32_t	as_flags;	/* BSD_MDF_* */
	uint16_t	as_seqid;	/* of the last packet sent */
	uint16_t	as_nbusy;	/* slots holding a partial packet */
	uint64_t	as_lost;	/* partials lost, for the next sweep */
	struct arc_frag	as_fragtab[ARC_NSTATIONS];
};

static const uint8_t arc_bcast[ARC_ADDR_LEN] = { 0 };

static void
arc_init(void *state, uint32_t flags)
{
	struct arc_state *as = state;

	as->as_flags = flags;
}

static uint32_t
arc_ipmtu(const void *state)
{
	const struct arc_state *as = state;

	return (as->as_flags & BSD_MDF_ARC_RFC1051) ? ARCMTU : ARC_IPMTU;
}

/* Header of an RFC 1201 frame; the seqid big-endian, as Wireshark reads it. */
static size_t
arc_newhdr(uint8_t *h, uint8_t src, uint8_t dst, uint8_t type, uint8_t flag,
    uint16_t seqid, size_t dlen)
{
	size_t n = 0;

	h[n++] = src;
	h[n++] = dst;
	h[n++] = type;
	/* Data of a forbidden length: the exception form (RFC 1201). */
	if (dlen >= ARC_MIN_FORBID_LEN - ARC_HDRNEWLEN + 2 &&
	    dlen <= ARC_MAX_FORBID_LEN - ARC_HDRNEWLEN + 2) {
		h[n++] = 0xff;
		h[n++] = 0xff;
		h[n++] = 0xff;
		h[n++] = type;
	}
	h[n++] = flag;
	/* NetBSD stored arc_seqid in host order; we write network order. */
	h[n++] = (uint8_t)(seqid >> 8);
	h[n++] = (uint8_t)seqid;
	return n;
}

static int
arc_output(void *state, const uint8_t *src, const uint8_t *dst, int proto,
    const uint8_t *payload, size_t len, bsd_frame_emit_fn *emit, void *arg)
{
	struct arc_state *as = state;
	uint8_t frame[ARC_HDRNEWLEN_EXC + ARC_MAX_DATA];
	unsigned tfrags, sflag, fsflag, rsflag;
	size_t off, dlen, hlen;
	uint8_t atype;

	/* Byte constants: NetBSD's htons() into a uint8_t was a bug. */
	if (as->as_flags & BSD_MDF_ARC_RFC1051) {
		if (proto == BSD_LLPROTO_IP)
			atype = ARCTYPE_IP_OLD;
		else if (proto == BSD_LLPROTO_ARP)
			atype = ARCTYPE_ARP_OLD;
		else
			return EPROTONOSUPPORT;
		if (len > ARCMTU)
			return EMSGSIZE;
		frame[0] = *src;
		frame[1] = *dst;
		frame[2] = atype;
		if (len > 0)
			memcpy(frame + ARC_HDRLEN, payload, len);
		emit(arg, frame, ARC_HDRLEN + len);
		return 0;
	}
	if (proto == BSD_LLPROTO_IP)
		atype = ARCTYPE_IP;
	else if (proto == BSD_LLPROTO_ARP)
		atype = ARCTYPE_ARP;
	else
		return EPROTONOSUPPORT;
	if (len > ARC_IPMTU)
		return EMSGSIZE;

	/*
	 * arc_output: the first of tfrags fragments carries the odd flag
	 * 2*tfrags-3, the rest 2, 4, ...; a packet that fits in one
	 * fragment has flag 0.  All share the packet's seqid.
	 */
	as->as_seqid++;
	tfrags = (unsigned)((len + ARC_MAX_DATA - 1) / ARC_MAX_DATA);
	fsflag = tfrags >= 2 ? 2 * tfrags - 3 : 0;
	sflag = 0;
	rsflag = fsflag;
	off = 0;
	while (sflag < fsflag) {
		hlen = arc_newhdr(frame, *src, *dst, atype, (uint8_t)rsflag,
		    as->as_seqid, ARC_MAX_DATA);
		memcpy(frame + hlen, payload + off, ARC_MAX_DATA);
		emit(arg, frame, hlen + ARC_MAX_DATA);
		off += ARC_MAX_DATA;
		sflag += 2;
		rsflag = sflag;
	}
	dlen = len - off;
	hlen = arc_newhdr(frame, *src, *dst, atype, (uint8_t)sflag,
	    as->as_seqid, dlen);
	if (dlen > 0)
		memcpy(frame + hlen, payload + off, dlen);
	emit(arg, frame, hlen + dlen);
	return 0;
}

static int
arc_llproto(uint8_t type)
{

	return (type == ARCTYPE_IP || type == ARCTYPE_IP_OLD) ?
	    BSD_LLPROTO_IP : BSD_LLPROTO_ARP;
}

/* Older than ARC_REASS_TIMEOUT, without overflow whatever the times. */
static int
arc_frag_stale(const struct arc_frag *af, int64_t now)
{

	return af->af_busy && now > af->af_start &&
	    (uint64_t)now - (uint64_t)af->af_start >
	    (uint64_t)ARC_REASS_TIMEOUT;
}

static void
arc_frag_free(struct arc_state *as, struct arc_frag *af)
{

	af->af_busy = 0;
	as->as_nbusy--;
}

/*
 * arc_defrag: one partial packet per source station.  An odd flag
 * starts a packet; the next must carry the same seqid, type and
 * destination and flag lastseen+2; a repeat of the last flag is dropped
 * quietly; anything else loses the packet.
 */
static int
arc_defrag(struct arc_state *as, int64_t now, uint8_t type, uint8_t flag,
    uint16_t seqid, const uint8_t *data, size_t dlen,
    struct bsd_llframe *out)
{
	struct arc_frag *af = &as->as_fragtab[out->lf_src[0]];
	uint8_t dst = out->lf_dst[0];

	if (arc_frag_stale(af, now)) {
		arc_frag_free(as, af);
		/* A continuation of it reports the loss itself. */
		if (flag == 0 || (flag & 1))
			as->as_lost++;
		else
			return BSD_MD_FRAGDROP;
	}
	if (flag == 0) {
		/* Unfragmented: straight up, any partial one is left. */
		out->lf_payload = data;
		out->lf_paylen = dlen;
		return BSD_MD_OK;
	}
	if (flag & 1) {
		if (af->af_busy) {
			/* A first fragment sent again is no loss. */
			if (af->af_seqid != seqid || af->af_lastseen != 0)
				as->as_lost++;
			arc_frag_free(as, af);
		}
		af->af_busy = 1;
		as->as_nbusy++;
		af->af_start = now;
		af->af_seqid = seqid;
		af->af_type = type;
		af->af_dst = dst;
		af->af_maxflag = flag;
		af->af_lastseen = 0;
		memcpy(af->af_buf, data, dlen);	/* <= ARC_MAX_DATA */
		af->af_len = (uint16_t)dlen;
		return BSD_MD_FRAGHELD;
	}
	if (!af->af_busy)
		return BSD_MD_FRAGDROP;		/* no first fragment */
	if (seqid != af->af_seqid || type != af->af_type || dst != af->af_dst)
		goto outofseq;
	if (flag == af->af_lastseen)
		return BSD_MD_FRAGHELD;		/* a repeat, dropped */
	if (flag != af->af_lastseen + 2)
		goto outofseq;
	/* Reassemble no more than the interface's IP MTU. */
	if (af->af_len + dlen > arc_ipmtu(as))
		goto outofseq;
	memcpy(af->af_buf + af->af_len, data, dlen);
	af->af_len = (uint16_t)(af->af_len + dlen);
	af->af_lastseen = flag;
	if (af->af_lastseen < af->af_maxflag)
		return BSD_MD_FRAGHELD;
	arc_frag_free(as, af);
	out->lf_proto = arc_llproto(af->af_type);
	out->lf_payload = af->af_buf;
	out->lf_paylen = af->af_len;
	return BSD_MD_OK;

outofseq:
	arc_frag_free(as, af);
	return BSD_MD_FRAGDROP;
}

static int
arc_input(void *state, int64_t now, const uint8_t *frame, size_t len,
    struct bsd_llframe *out)
{
	struct arc_state *as = state;
	uint8_t type, flag;
	uint16_t seqid;
	size_t hlen;

	memset(out, 0, sizeof(*out));
	if (len < ARC_HDRLEN)
		return BSD_MD_SHORT;
	out->lf_src[0] = frame[0];
	out->lf_dst[0] = frame[1];
	out->lf_bcast = frame[1] == arc_bcast[0];
	type = frame[2];
	/* No ARCnet packet is longer: 508 octets after the addresses. */
	if (len > 2 * ARC_ADDR_LEN + ARC_MAX_LEN)
		return BSD_MD_BADHDR;
	switch (type) {
	case ARCTYPE_IP_OLD:
	case ARCTYPE_ARP_OLD:
		/* RFC 1051 frames are taken whatever our own encoding. */
		out->lf_proto = arc_llproto(type);
		out->lf_payload = frame + ARC_HDRLEN;
		out->lf_paylen = len - ARC_HDRLEN;
		return BSD_MD_OK;
	case ARCTYPE_IP:
	case ARCTYPE_ARP:
		break;
	default:
		return BSD_MD_UNKPROTO;
	}
	out->lf_proto = arc_llproto(type);
	if (len < ARC_HDRNEWLEN)
		return BSD_MD_SHORT;
	flag = frame[3];
	seqid = (uint16_t)(frame[4] << 8 | frame[5]);
	hlen = ARC_HDRNEWLEN;
	if (flag == 0xff) {
		if (len < ARC_HDRNEWLEN_EXC)
			return BSD_MD_SHORT;
		if (frame[4] != 0xff || frame[5] != 0xff || frame[6] != type ||
		    frame[7] == 0xff)
			return BSD_MD_BADHDR;
		flag = frame[7];
		seqid = (uint16_t)(frame[8] << 8 | frame[9]);
		hlen = ARC_HDRNEWLEN_EXC;
	}
	return arc_defrag(as, now, type, flag, seqid, frame + hlen, len - hlen,
	    out);
}

void
bsd_arc_reass_expire(void *state, int64_t now, uint64_t *dropped)
{
	struct arc_state *as = state;
	struct arc_frag *af;
	uint64_t n;

	n = as->as_lost;
	as->as_lost = 0;
	for (af = as->as_fragtab; as->as_nbusy > 0 &&
	    af < as->as_fragtab + ARC_NSTATIONS; af++) {
		if (arc_frag_stale(af, now)) {
			arc_frag_free(as, af);
			n++;
		}
	}
	if (dropped != NULL)
		*dropped += n;
}

/* "0x2a": the station as ARCnet tools show it. */
static char *
arc_ntoa(const uint8_t *addr, char *buf, size_t len)
{

	if (len > 0)
		snprintf(buf, len, "0x%02x", addr[0]);
	return buf;
}

/* "0x2a" (one or two hex digits) or decimal 0..255. */
static int
arc_aton(const char *s, uint8_t *addr)
{
	unsigned v = 0, n = 0, base = 10;
	int d;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	for (; *s != '\0'; s++, n++) {
		if (*s >= '0' && *s <= '9')
			d = *s - '0';
		else if (base == 16 && *s >= 'a' && *s <= 'f')
			d = *s - 'a' + 10;
		else if (base == 16 && *s >= 'A' && *s <= 'F')
			d = *s - 'A' + 10;
		else
			return EINVAL;
		if (n >= (base == 16 ? 2u : 3u))
			return EINVAL;
		v = v * base + (unsigned)d;
	}
	if (n == 0 || v > 255)
		return EINVAL;
	addr[0] = (uint8_t)v;
	return 0;
}

const struct bsd_media bsd_media_arcnet = {
	.md_name = "arcnet",
	.md_iftype = BSD_IFT_ARCNET,
	.md_addrlen = ARC_ADDR_LEN,
	.md_arphrd = 7,			/* ARPHRD_ARCNET */
	.md_arppro = 0x0800,		/* ETHERTYPE_IP, as arc_output */
	.md_hdrlen = ARC_HDRNEWLEN,	/* RFC 1201, our default */
	.md_dlt = 7,			/* DLT_ARCNET */
	.md_broadcast = arc_bcast,
	.md_statesize = sizeof(struct arc_state),
	.md_init = arc_init,
	.md_ipmtu = arc_ipmtu,
	.md_output = arc_output,
	.md_input = arc_input,
	.md_ntoa = arc_ntoa,
	.md_aton = arc_aton,
	.md_slowtimo = bsd_arc_reass_expire,
};
