/*
 * Variable-length socket addresses, as 4.4BSD lays them out.
 *
 * Every address starts with a length octet and a family octet, so a
 * 1-octet ARCnet station, a 6-octet Ethernet MAC and a 7-octet AX.25
 * callsign are all just an AF_LINK sockaddr with a different sdl_alen.
 * The routing table never looks inside a link address.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_SOCKADDR_H
#define BSD_SOCKADDR_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Address families, numbered as in NetBSD <sys/socket.h>. */
#define BSD_AF_UNSPEC	0
#define BSD_AF_INET	2
#define BSD_AF_LINK	18
#define BSD_AF_ARP	28	/* NetBSD: ARP output, addressing in the packet */

#define BSD_SOCK_MAXADDRLEN	32	/* largest sockaddr we store */
#define BSD_LL_MAXADDRLEN	8	/* largest link address (AX.25 is 7) */

struct bsd_sockaddr {
	uint8_t		sa_len;		/* total length */
	uint8_t		sa_family;
	uint8_t		sa_data[14];
};

struct bsd_sockaddr_in {
	uint8_t		sin_len;	/* 16 */
	uint8_t		sin_family;	/* BSD_AF_INET */
	uint16_t	sin_port;	/* network order */
	uint32_t	sin_addr;	/* network order, as in struct in_addr */
	uint8_t		sin_other;	/* sockaddr_inarp: SIN_PROXY */
	uint8_t		sin_zero[7];
};
#define BSD_SIN_PROXY	1

/*
 * Link-level address (net/if_dl.h).  nlen is always 0 here, so the
 * address starts at sdl_data[0]; LLADDR() is kept for readers of BSD.
 */
struct bsd_sockaddr_dl {
	uint8_t		sdl_len;	/* 20 */
	uint8_t		sdl_family;	/* BSD_AF_LINK */
	uint16_t	sdl_index;	/* interface index, 0 if none */
	uint8_t		sdl_type;	/* interface type (BSD_IFT_*) */
	uint8_t		sdl_nlen;	/* interface name length */
	uint8_t		sdl_alen;	/* link address length, 0: unresolved */
	uint8_t		sdl_slen;	/* selector length */
	uint8_t		sdl_data[12];	/* name, then address */
};
#define BSD_LLADDR(s)	((s)->sdl_data + (s)->sdl_nlen)

/* Any sockaddr we keep inline fits in this. */
union bsd_sockunion {
	struct bsd_sockaddr	sa;
	struct bsd_sockaddr_in	sin;
	struct bsd_sockaddr_dl	sdl;
};

/* Byte order, whatever the host's (network order is big-endian). */
static inline uint16_t
bsd_ntohs(uint16_t v)
{
	const uint8_t *b = (const uint8_t *)&v;

	return (uint16_t)(b[0] << 8 | b[1]);
}

static inline uint16_t
bsd_htons(uint16_t v)
{
	uint16_t r;
	uint8_t *b = (uint8_t *)&r;

	b[0] = (uint8_t)(v >> 8);
	b[1] = (uint8_t)v;
	return r;
}

static inline uint32_t
bsd_ntohl(uint32_t v)
{
	const uint8_t *b = (const uint8_t *)&v;

	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
	    (uint32_t)b[2] << 8 | b[3];
}

/* A big-endian 16-bit field at p, aligned or not (NetBSD's be16dec). */
static inline uint16_t
bsd_be16dec(const uint8_t *p)
{

	return (uint16_t)(p[0] << 8 | p[1]);
}

/* Store v big-endian at p (NetBSD's be16enc). */
static inline void
bsd_be16enc(uint8_t *p, uint16_t v)
{

	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static inline uint32_t
bsd_htonl(uint32_t v)
{
	uint32_t r;
	uint8_t *b = (uint8_t *)&r;

	b[0] = (uint8_t)(v >> 24);
	b[1] = (uint8_t)(v >> 16);
	b[2] = (uint8_t)(v >> 8);
	b[3] = (uint8_t)v;
	return r;
}

/* Fill sin with an AF_INET address; addr is in network order. */
void	bsd_sin_init(struct bsd_sockaddr_in *sin, uint32_t addr);
/* Fill sin with the netmask of a prefix of plen bits (0..32). */
void	bsd_sin_mask(struct bsd_sockaddr_in *sin, unsigned plen);
/* Fill sdl for interface index/type with the alen-octet address (may be NULL). */
void	bsd_sdl_init(struct bsd_sockaddr_dl *sdl, uint16_t index, uint8_t type,
	    const uint8_t *addr, unsigned alen);
/* Length of the contiguous mask in a netmask sockaddr, or -1 if not contiguous. */
int	bsd_mask_plen(const struct bsd_sockaddr *mask);
/* Nonzero if two sockaddrs are equal over their sa_len. */
int	bsd_sa_equal(const struct bsd_sockaddr *a, const struct bsd_sockaddr *b);
/* Copy a sockaddr into a sockunion; returns 0 or EINVAL if it does not fit. */
int	bsd_sa_copy(union bsd_sockunion *dst, const struct bsd_sockaddr *src);
/* IPv4 address in network order as dotted quad; buf must hold 16 chars. */
char	*bsd_inet_ntoa(uint32_t addr, char *buf);
/* Parse a dotted quad into network order; returns 0 or EINVAL. */
int	bsd_inet_aton(const char *s, uint32_t *addr);
/* Link address as BSD's link_ntoa shows it ("8:0:2b:0:49:a4"); returns buf. */
char	*bsd_link_ntoa(const struct bsd_sockaddr_dl *sdl, char *buf, size_t len);

#ifdef __cplusplus
}
#endif

#endif /* BSD_SOCKADDR_H */
