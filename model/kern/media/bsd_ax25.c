/*
 * AX.25 UI framing for IP and ARP (no BSD had it; Linux net/ax25 facts).
 *
 * Frames are pcap's LINKTYPE_AX25: the address field, control, PID and
 * information, with no flags, bit stuffing or FCS.  An address is 7
 * octets: six callsign characters shifted left one bit (spaces pad),
 * then the SSID octet C/H(0x80) 1 1 SSID(4 bits) E(0x01).  Addresses
 * given to and returned from this code are canonical: the SSID octet is
 * 0x60 | ssid << 1, with neither C/H nor E, so they compare with memcmp.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "../bsd_if.h"
#include "bsd_media.h"

#define AX25_ADDR_LEN		7
#define AX25_CALL_LEN		6
#define AX25_MAX_DIGIS		8
#define AX25_CBIT		0x80	/* command/response; H in a digi */
#define AX25_SSSID_SPARE	0x60	/* reserved bits, set */
#define AX25_SSID_MASK		0x1e
#define AX25_EBIT		0x01	/* end of the address field */
#define AX25_HDR_LEN		(2 * AX25_ADDR_LEN + 2) /* no digis */
#define AX25_MTU		256

#define LAPB_UI			0x03
#define LAPB_PF			0x10	/* poll/final */

#define AX25_P_IP		0xcc
#define AX25_P_ARP		0xcd

struct ax25_state {
	uint32_t	xs_flags;
};

/* "QST-0", the conventional broadcast destination. */
static const uint8_t ax25_bcast[AX25_ADDR_LEN] = {
	'Q' << 1, 'S' << 1, 'T' << 1, ' ' << 1, ' ' << 1, ' ' << 1,
	AX25_SSSID_SPARE
};

static void
ax25_init(void *state, uint32_t flags)
{
	struct ax25_state *xs = state;

	xs->xs_flags = flags;
}

static uint32_t
ax25_ipmtu(const void *state)
{

	(void)state;
	return AX25_MTU;
}

/* Copy an address, its SSID octet reduced to the canonical form. */
static void
ax25_addr_copy(uint8_t *to, const uint8_t *from, uint8_t bits)
{

	memcpy(to, from, AX25_CALL_LEN);
	to[AX25_CALL_LEN] = (uint8_t)(AX25_SSSID_SPARE |
	    (from[AX25_CALL_LEN] & AX25_SSID_MASK) | bits);
}

static int
ax25_output(void *state, const uint8_t *src, const uint8_t *dst, int proto,
    const uint8_t *payload, size_t len, bsd_frame_emit_fn *emit, void *arg)
{
	uint8_t frame[AX25_HDR_LEN + AX25_MTU];
	uint8_t pid;

	(void)state;
	if (proto == BSD_LLPROTO_IP)
		pid = AX25_P_IP;
	else if (proto == BSD_LLPROTO_ARP)
		pid = AX25_P_ARP;
	else
		return EPROTONOSUPPORT;
	if (len > AX25_MTU)
		return EMSGSIZE;
	/* An AX.25 v2 command: C set in the destination, not the source. */
	ax25_addr_copy(frame, dst, AX25_CBIT);
	ax25_addr_copy(frame + AX25_ADDR_LEN, src, AX25_EBIT);
	frame[2 * AX25_ADDR_LEN] = LAPB_UI;
	frame[2 * AX25_ADDR_LEN + 1] = pid;
	if (len > 0)
		memcpy(frame + AX25_HDR_LEN, payload, len);
	emit(arg, frame, AX25_HDR_LEN + len);
	return 0;
}

static int
ax25_input(void *state, int64_t now, const uint8_t *frame, size_t len,
    struct bsd_llframe *out)
{
	size_t n, off;

	(void)state;
	(void)now;
	memset(out, 0, sizeof(*out));
	if (len < AX25_HDR_LEN)
		return BSD_MD_SHORT;
	/*
	 * The address field runs to the SSID octet with E set: destination,
	 * source and up to 8 digipeaters (which we hear but do not repeat).
	 */
	for (n = 0;; n++) {
		if (n >= 2 + AX25_MAX_DIGIS)
			return BSD_MD_BADHDR;
		off = n * AX25_ADDR_LEN;
		if (off + AX25_ADDR_LEN > len)
			return BSD_MD_BADHDR;	/* no E bit in the frame */
		if (frame[off + AX25_CALL_LEN] & AX25_EBIT)
			break;
	}
	if (n == 0)
		return BSD_MD_BADHDR;		/* a destination alone */
	ax25_addr_copy(out->lf_dst, frame, 0);
	ax25_addr_copy(out->lf_src, frame + AX25_ADDR_LEN, 0);
	out->lf_bcast = memcmp(out->lf_dst, ax25_bcast, AX25_ADDR_LEN) == 0;
	off = (n + 1) * AX25_ADDR_LEN;
	if (off + 2 > len)
		return BSD_MD_SHORT;
	/* UI only, command or response, with or without P/F. */
	if ((frame[off] & ~LAPB_PF) != LAPB_UI)
		return BSD_MD_UNKPROTO;
	switch (frame[off + 1]) {
	case AX25_P_IP:
		out->lf_proto = BSD_LLPROTO_IP;
		break;
	case AX25_P_ARP:
		out->lf_proto = BSD_LLPROTO_ARP;
		break;
	default:
		return BSD_MD_UNKPROTO;
	}
	off += 2;
	/* More than N1 octets of information: not a frame we could send. */
	if (len - off > AX25_MTU)
		return BSD_MD_BADHDR;
	out->lf_payload = frame + off;
	out->lf_paylen = len - off;
	return BSD_MD_OK;
}

/* "N0CALL-7"; "QST" for SSID 0, as Linux's ax2asc writes it. */
static char *
ax25_ntoa(const uint8_t *addr, char *buf, size_t len)
{
	char call[AX25_CALL_LEN + 1];
	unsigned ssid;
	int i, n;
	char c;

	for (i = n = 0; i < AX25_CALL_LEN; i++) {
		c = (char)((addr[i] >> 1) & 0x7f);
		if (c == ' ')
			continue;
		call[n++] = (c > ' ' && c < 0x7f) ? c : '?';
	}
	call[n] = '\0';
	ssid = (addr[AX25_CALL_LEN] & AX25_SSID_MASK) >> 1;
	if (len > 0) {
		if (ssid != 0)
			snprintf(buf, len, "%s-%u", call, ssid);
		else
			snprintf(buf, len, "%s", call);
	}
	return buf;
}

/* 1 to 6 letters or digits, any case, then -0 to -15 if any. */
static int
ax25_aton(const char *s, uint8_t *addr)
{
	uint8_t a[AX25_ADDR_LEN];
	unsigned ssid = 0;
	int i, n;
	char c;

	for (n = 0; s[n] != '\0' && s[n] != '-'; n++) {
		c = s[n];
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		else if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
			return EINVAL;
		if (n >= AX25_CALL_LEN)
			return EINVAL;
		a[n] = (uint8_t)(c << 1);
	}
	if (n == 0)
		return EINVAL;
	for (i = n; i < AX25_CALL_LEN; i++)
		a[i] = ' ' << 1;
	if (s[n] == '-') {
		s += n + 1;
		for (i = 0; s[i] != '\0'; i++) {
			if (s[i] < '0' || s[i] > '9' || i >= 2)
				return EINVAL;
			ssid = ssid * 10 + (unsigned)(s[i] - '0');
		}
		if (i == 0 || ssid > 15)
			return EINVAL;
	}
	a[AX25_CALL_LEN] = (uint8_t)(AX25_SSSID_SPARE | ssid << 1);
	memcpy(addr, a, AX25_ADDR_LEN);
	return 0;
}

const struct bsd_media bsd_media_ax25 = {
	.md_name = "ax25",
	.md_iftype = BSD_IFT_AX25,
	.md_addrlen = AX25_ADDR_LEN,
	.md_arphrd = 3,			/* ARPHRD_AX25 (Linux, IANA) */
	.md_arppro = AX25_P_IP,		/* Linux arp_create: the PID */
	.md_hdrlen = AX25_HDR_LEN,
	.md_dlt = 3,			/* DLT_AX25 */
	.md_broadcast = ax25_bcast,
	.md_statesize = sizeof(struct ax25_state),
	.md_init = ax25_init,
	.md_ipmtu = ax25_ipmtu,
	.md_output = ax25_output,
	.md_input = ax25_input,
	.md_ntoa = ax25_ntoa,
	.md_aton = ax25_aton,
};
