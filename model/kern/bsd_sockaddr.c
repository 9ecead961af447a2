/*
 * Variable-length socket addresses.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "bsd_sockaddr.h"

void
bsd_sin_init(struct bsd_sockaddr_in *sin, uint32_t addr)
{

	memset(sin, 0, sizeof(*sin));
	sin->sin_len = sizeof(*sin);
	sin->sin_family = BSD_AF_INET;
	sin->sin_addr = addr;
}

void
bsd_sin_mask(struct bsd_sockaddr_in *sin, unsigned plen)
{
	uint8_t *p;
	unsigned i;

	bsd_sin_init(sin, 0);
	p = (uint8_t *)&sin->sin_addr;
	for (i = 0; i < 4; i++, plen = plen > 8 ? plen - 8 : 0)
		p[i] = plen >= 8 ? 0xff : (uint8_t)(0xff00 >> plen);
}

void
bsd_sdl_init(struct bsd_sockaddr_dl *sdl, uint16_t index, uint8_t type,
    const uint8_t *addr, unsigned alen)
{

	memset(sdl, 0, sizeof(*sdl));
	sdl->sdl_len = sizeof(*sdl);
	sdl->sdl_family = BSD_AF_LINK;
	sdl->sdl_index = index;
	sdl->sdl_type = type;
	if (alen > BSD_LL_MAXADDRLEN)
		alen = BSD_LL_MAXADDRLEN;
	sdl->sdl_alen = (uint8_t)alen;
	if (addr != NULL && alen > 0)
		memcpy(BSD_LLADDR(sdl), addr, alen);
}

int
bsd_mask_plen(const struct bsd_sockaddr *mask)
{
	const uint8_t *p, *end;
	int plen;

	/*
	 * A mask's sa_len may stop short of the address (radix.c trimmed
	 * trailing zero octets); the missing octets are zero.
	 */
	if (mask->sa_family == BSD_AF_INET || mask->sa_family == BSD_AF_UNSPEC)
		p = (const uint8_t *)mask + offsetof(struct bsd_sockaddr_in,
		    sin_addr);
	else
		return -1;
	end = (const uint8_t *)mask + (mask->sa_len < 8 ? mask->sa_len : 8);
	plen = 0;
	for (; p < end && *p == 0xff; p++)
		plen += 8;
	if (p < end) {
		uint8_t b = *p++;

		while (b & 0x80) {
			plen++;
			b = (uint8_t)(b << 1);
		}
		if (b != 0)
			return -1;	/* a hole in the mask */
	}
	for (; p < end; p++)
		if (*p != 0)
			return -1;
	return plen;
}

int
bsd_sa_equal(const struct bsd_sockaddr *a, const struct bsd_sockaddr *b)
{

	return a->sa_len == b->sa_len && memcmp(a, b, a->sa_len) == 0;
}

int
bsd_sa_copy(union bsd_sockunion *dst, const struct bsd_sockaddr *src)
{

	if (src->sa_len < 2 || src->sa_len > sizeof(*dst))
		return EINVAL;
	memset(dst, 0, sizeof(*dst));
	memcpy(dst, src, src->sa_len);
	return 0;
}

char *
bsd_inet_ntoa(uint32_t addr, char *buf)
{
	const uint8_t *p = (const uint8_t *)&addr;
	char *q = buf;
	unsigned i, v;

	/*
	 * "%u.%u.%u.%u" by hand: netstat and the routing-socket log print
	 * one or two per route, a million times in a DoS study.
	 */
	for (i = 0; i < 4; i++) {
		if (i > 0)
			*q++ = '.';
		v = p[i];
		if (v >= 100) {
			*q++ = (char)('0' + v / 100);
			v %= 100;
			*q++ = (char)('0' + v / 10);
			v %= 10;
		} else if (v >= 10) {
			*q++ = (char)('0' + v / 10);
			v %= 10;
		}
		*q++ = (char)('0' + v);
	}
	*q = '\0';
	return buf;
}

int
bsd_inet_aton(const char *s, uint32_t *addr)
{
	uint8_t a[4];
	unsigned v;
	int i, digits;

	/* Four decimal parts, each starting with a digit, each <= 255. */
	for (i = 0; i < 4; i++) {
		if (i > 0 && *s++ != '.')
			return EINVAL;
		v = 0;
		for (digits = 0; *s >= '0' && *s <= '9'; s++, digits++) {
			v = v * 10 + (unsigned)(*s - '0');
			if (v > 255)
				return EINVAL;
		}
		if (digits == 0)
			return EINVAL;
		a[i] = (uint8_t)v;
	}
	if (*s != '\0')
		return EINVAL;
	memcpy(addr, a, 4);
	return 0;
}

char *
bsd_link_ntoa(const struct bsd_sockaddr_dl *sdl, char *buf, size_t len)
{
	size_t off = 0;
	unsigned i, alen = sdl->sdl_alen;

	buf[0] = '\0';
	/* A routing-socket request may claim more than sdl_data holds. */
	if (sdl->sdl_nlen >= sizeof(sdl->sdl_data))
		return buf;
	if (alen > sizeof(sdl->sdl_data) - sdl->sdl_nlen)
		alen = (unsigned)(sizeof(sdl->sdl_data) - sdl->sdl_nlen);
	for (i = 0; i < alen && off < len; i++)
		off += (size_t)snprintf(buf + off, len - off, i ? ":%x" : "%x",
		    BSD_LLADDR(sdl)[i]);
	return buf;
}
