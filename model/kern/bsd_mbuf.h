/*
 * Packets inside the kernel: one contiguous buffer with room in front
 * for headers to be prepended (an mbuf chain flattened; we never need
 * the chain).  Held and queued packets are charged to the budget.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_MBUF_H
#define BSD_MBUF_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct bsd_kernel;
struct bsd_ifnet;

#define BSD_M_LEADINGSPACE	64	/* link + IP + UDP headers fit */

/* m_flags */
#define BSD_M_BCAST		0x1	/* link-level broadcast */
#define BSD_M_MCAST		0x2

struct bsd_mbuf {
	uint8_t			*m_data;	/* first valid octet */
	uint32_t		m_len;		/* valid octets */
	uint32_t		m_flags;
	uint32_t		m_size;		/* octets in m_buf */
	uint32_t		m_charged;	/* octets charged to the budget */
	struct bsd_ifnet	*m_rcvif;
	uint8_t			m_buf[];
};

/* A packet of len octets (uninitialised) with headroom; NULL if no memory. */
struct bsd_mbuf *bsd_m_get(uint32_t len);
/* A packet holding a copy of len octets at p. */
struct bsd_mbuf *bsd_m_copy(const void *p, uint32_t len);
/* Free a packet (NULL is fine). */
void	bsd_m_freem(struct bsd_kernel *k, struct bsd_mbuf *m);
/* Make room for n octets in front; returns the new m_data or NULL. */
uint8_t	*bsd_m_prepend(struct bsd_mbuf *m, uint32_t n);
/* Drop n octets from the front (n > 0) or -n from the back. */
void	bsd_m_adj(struct bsd_mbuf *m, int32_t n);
/* Charge a packet that is being kept (held for ARP, queued) to the budget. */
int	bsd_m_charge(struct bsd_kernel *k, struct bsd_mbuf *m);

#ifdef __cplusplus
}
#endif

#endif /* BSD_MBUF_H */
