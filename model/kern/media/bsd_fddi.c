/*
 * FDDI framing (net/if_fddisubr.c): FC, DA, SA, then 802.2 LLC/SNAP.
 *
 * The frame is pcap's LINKTYPE_FDDI: FC(1) DA(6) SA(6) LLC; NetBSD's
 * 3-octet fddi_ph pad, which libpcap strips on capture, is not there.
 * Addresses are in canonical (Ethernet) bit order, as the BSD driver
 * hands them to BPF.  Wireshark maps linktype 10 to bit-swapped FDDI
 * (WTAP_ENCAP_FDDI_BITSWAPPED) on all but a few old hosts, so it shows
 * these MACs bit-reversed; the bytes are right, the display is not.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <errno.h>
#include <string.h>

#include "../bsd_if.h"
#include "bsd_media.h"

#define FDDI_ADDR_LEN		6
#define FDDI_MACHDR_LEN		(1 + 2 * FDDI_ADDR_LEN) /* FC DA SA */
#define LLC_SNAPFRAMELEN	8
#define FDDI_HDR_LEN		(FDDI_MACHDR_LEN + LLC_SNAPFRAMELEN)
#define FDDIIPMTU		4352	/* RFC 1390 */

#define FDDIFC_LLC_ASYNC	0x50
#define FDDIFC_LLC_PRIO4	0x04
#define FDDIFC_CLFF		0xf8	/* class, length, format bits */

#define LLC_SNAP_LSAP		0xaa
#define LLC_UI			0x03

#define ETHERTYPE_IP		0x0800
#define ETHERTYPE_ARP		0x0806

struct fddi_state {
	uint32_t	fs_flags;
};

static const uint8_t fddi_bcast[FDDI_ADDR_LEN] = {
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff
};

static void
fddi_init(void *state, uint32_t flags)
{
	struct fddi_state *fs = state;

	fs->fs_flags = flags;
}

static uint32_t
fddi_ipmtu(const void *state)
{

	(void)state;
	return FDDIIPMTU;
}

static int
fddi_output(void *state, const uint8_t *src, const uint8_t *dst, int proto,
    const uint8_t *payload, size_t len, bsd_frame_emit_fn *emit, void *arg)
{
	uint8_t frame[FDDI_HDR_LEN + FDDIIPMTU];
	uint8_t *llc = frame + FDDI_MACHDR_LEN;
	uint16_t type;

	(void)state;
	switch (proto) {
	case BSD_LLPROTO_IP:
		type = ETHERTYPE_IP;
		break;
	case BSD_LLPROTO_ARP:
		type = ETHERTYPE_ARP;
		break;
	default:
		return EPROTONOSUPPORT;
	}
	if (len > FDDIIPMTU)
		return EMSGSIZE;
	frame[0] = FDDIFC_LLC_ASYNC | FDDIFC_LLC_PRIO4;
	memcpy(frame + 1, dst, FDDI_ADDR_LEN);
	memcpy(frame + 1 + FDDI_ADDR_LEN, src, FDDI_ADDR_LEN);
	llc[0] = LLC_SNAP_LSAP;
	llc[1] = LLC_SNAP_LSAP;
	llc[2] = LLC_UI;
	llc[3] = llc[4] = llc[5] = 0;	/* OUI 0: an ethertype follows */
	llc[6] = (uint8_t)(type >> 8);
	llc[7] = (uint8_t)type;
	if (len > 0)
		memcpy(frame + FDDI_HDR_LEN, payload, len);
	emit(arg, frame, FDDI_HDR_LEN + len);
	return 0;
}

static int
fddi_input(void *state, int64_t now, const uint8_t *frame, size_t len,
    struct bsd_llframe *out)
{
	const uint8_t *llc = frame + FDDI_MACHDR_LEN;
	uint16_t type;

	(void)state;
	(void)now;
	memset(out, 0, sizeof(*out));
	if (len < FDDI_MACHDR_LEN)
		return BSD_MD_SHORT;
	memcpy(out->lf_dst, frame + 1, FDDI_ADDR_LEN);
	memcpy(out->lf_src, frame + 1 + FDDI_ADDR_LEN, FDDI_ADDR_LEN);
	out->lf_bcast = memcmp(frame + 1, fddi_bcast, FDDI_ADDR_LEN) == 0;
	/* SMT and MAC frames, and synchronous LLC, are not for IP. */
	if ((frame[0] & FDDIFC_CLFF) != FDDIFC_LLC_ASYNC)
		return BSD_MD_UNKPROTO;
	if (len < FDDI_MACHDR_LEN + 1)
		return BSD_MD_SHORT;
	/* Any other SAP is a protocol we do not speak (if_noproto). */
	if (llc[0] != LLC_SNAP_LSAP)
		return BSD_MD_UNKPROTO;
	if (len < FDDI_HDR_LEN)
		return BSD_MD_SHORT;
	if (llc[1] != LLC_SNAP_LSAP || llc[2] != LLC_UI ||
	    llc[3] != 0 || llc[4] != 0 || llc[5] != 0)
		return BSD_MD_BADHDR;
	/* Longer than RFC 1390 allows IP: no sender of ours made it. */
	if (len - FDDI_HDR_LEN > FDDIIPMTU)
		return BSD_MD_BADHDR;
	type = (uint16_t)(llc[6] << 8 | llc[7]);
	switch (type) {
	case ETHERTYPE_IP:
		out->lf_proto = BSD_LLPROTO_IP;
		break;
	case ETHERTYPE_ARP:
		out->lf_proto = BSD_LLPROTO_ARP;
		break;
	default:
		return BSD_MD_UNKPROTO;
	}
	out->lf_payload = frame + FDDI_HDR_LEN;
	out->lf_paylen = len - FDDI_HDR_LEN;
	return BSD_MD_OK;
}

/* Same text as Ethernet: canonical order, "08:00:2b:00:49:a4". */
static char *
fddi_ntoa(const uint8_t *addr, char *buf, size_t len)
{

	return bsd_media_ether.md_ntoa(addr, buf, len);
}

static int
fddi_aton(const char *s, uint8_t *addr)
{

	return bsd_media_ether.md_aton(s, addr);
}

const struct bsd_media bsd_media_fddi = {
	.md_name = "fddi",
	.md_iftype = BSD_IFT_FDDI,
	.md_addrlen = FDDI_ADDR_LEN,
	.md_arphrd = 1,			/* ARPHRD_ETHER, RFC 1390 */
	.md_arppro = ETHERTYPE_IP,
	.md_hdrlen = FDDI_HDR_LEN,
	.md_dlt = 10,			/* DLT_FDDI */
	.md_broadcast = fddi_bcast,
	.md_statesize = sizeof(struct fddi_state),
	.md_init = fddi_init,
	.md_ipmtu = fddi_ipmtu,
	.md_output = fddi_output,
	.md_input = fddi_input,
	.md_ntoa = fddi_ntoa,
	.md_aton = fddi_aton,
};
