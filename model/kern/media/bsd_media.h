/*
 * Media framing: how a packet becomes frames on Ethernet, FDDI, ARCnet
 * and AX.25, and back.  One const table per medium; the ARP and IP code
 * above never look at a frame, and the routing table never looks at a
 * link address beyond its length (seed 002).
 *
 * Frames are laid out exactly as the pcap link type of the medium has
 * them (LINKTYPE_ETHERNET 1, FDDI 10, ARCNET_BSD 7, AX25 3), so what the
 * core transmits can be written to a capture file unchanged.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_MEDIA_H
#define BSD_MEDIA_H

#include <stddef.h>
#include <stdint.h>

#include "../bsd_sockaddr.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Network protocol carried in a frame. */
#define BSD_LLPROTO_NONE	0
#define BSD_LLPROTO_IP		1
#define BSD_LLPROTO_ARP		2

/* md_input results: 0, or why the frame gave nothing to the layer above */
enum bsd_md_result {
	BSD_MD_OK = 0,		/* lf_* describe a whole packet */
	BSD_MD_SHORT,		/* shorter than its header says */
	BSD_MD_BADHDR,		/* malformed header (bad LLC, address field...) */
	BSD_MD_UNKPROTO,	/* a protocol we do not speak */
	BSD_MD_FRAGHELD,	/* ARCnet: fragment kept, packet not complete */
	BSD_MD_FRAGDROP,	/* ARCnet: out of sequence, packet dropped */
	BSD_MD_NRESULTS
};

/* Per-interface option bits for md_init */
#define BSD_MDF_ARC_RFC1051	0x1	/* ARCnet: old encoding, MTU 507 */

/* What md_input found in a frame. */
struct bsd_llframe {
	uint8_t		lf_src[BSD_LL_MAXADDRLEN];
	uint8_t		lf_dst[BSD_LL_MAXADDRLEN];
	int		lf_proto;	/* BSD_LLPROTO_* */
	int		lf_bcast;	/* sent to the broadcast address */
	const uint8_t	*lf_payload;	/* into the frame, or the medium's state */
	size_t		lf_paylen;
};

/* Called once per frame md_output builds (ARCnet may build several). */
typedef void bsd_frame_emit_fn(void *arg, const uint8_t *frame, size_t len);

struct bsd_media {
	const char	*md_name;	/* "ether", "fddi", "arcnet", "ax25" */
	uint8_t		md_iftype;	/* BSD_IFT_* */
	uint8_t		md_addrlen;	/* octets: 6, 6, 1, 7 */
	uint16_t	md_arphrd;	/* ARP ar_hrd: 1, 1 (RFC 1390), 7, 3 */
	uint16_t	md_arppro;	/* ARP ar_pro sent: 0x0800; AX.25 0xCC */
	uint16_t	md_hdrlen;	/* link header octets (first frame) */
	int		md_dlt;		/* pcap link type: 1, 10, 7, 3 */
	const uint8_t	*md_broadcast;	/* md_addrlen octets */
	size_t		md_statesize;	/* per-interface state, octets */
	/* Set up an interface's state (zeroed by the caller) with BSD_MDF_*. */
	void		(*md_init)(void *state, uint32_t flags);
	/* The IP MTU this interface offers. */
	uint32_t	(*md_ipmtu)(const void *state);
	/*
	 * Frame len octets of proto from src to dst (md_addrlen octets
	 * each); emit(arg, frame, flen) for each frame.  Returns 0, EMSGSIZE
	 * if len exceeds the MTU, EPROTONOSUPPORT for an unknown proto.
	 */
	int		(*md_output)(void *state, const uint8_t *src,
			    const uint8_t *dst, int proto,
			    const uint8_t *payload, size_t len,
			    bsd_frame_emit_fn *emit, void *arg);
	/*
	 * Parse one received frame at time now (ns).  Every length is
	 * checked against len.  Returns a bsd_md_result; on BSD_MD_OK the
	 * payload stays valid until the next call on this state.
	 */
	int		(*md_input)(void *state, int64_t now,
			    const uint8_t *frame, size_t len,
			    struct bsd_llframe *out);
	/* Address as text ("8:0:2b:0:49:a4" style is BSD's; ours below). */
	char		*(*md_ntoa)(const uint8_t *addr, char *buf, size_t len);
	/* Text to address; returns 0 or EINVAL. */
	int		(*md_aton)(const char *s, uint8_t *addr);
	/*
	 * Once a second (if_slowtimo), or NULL: drop what has waited too
	 * long (ARCnet partial packets), adding the losses to *dropped.
	 */
	void		(*md_slowtimo)(void *state, int64_t now,
			    uint64_t *dropped);
};

extern const struct bsd_media bsd_media_ether;
extern const struct bsd_media bsd_media_fddi;
extern const struct bsd_media bsd_media_arcnet;
extern const struct bsd_media bsd_media_ax25;

/* The medium called name, or NULL. */
const struct bsd_media *bsd_media_find(const char *name);
/* The medium for an interface type, or NULL. */
const struct bsd_media *bsd_media_bytype(uint8_t iftype);
/* Short name of an md_input result ("short", "badhdr", ...). */
const char *bsd_md_result_name(int result);

#ifdef __cplusplus
}
#endif

#endif /* BSD_MEDIA_H */
