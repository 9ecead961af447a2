/*
 * netstat -rn (usr.bin/netstat/route.c), with FreeBSD's Expire column.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <stdio.h>
#include <string.h>

#include "bsd_kernel.h"
#include "bsd_netstat.h"

/*
 * One format for the header and the rows, so they line up.  The rows
 * are put together by hand to the same widths (col_left, col_right):
 * a table of a million routes is a million rows.
 */
#define NETSTAT_FMT	"%-18.18s %-18.18s %-6.6s %8s %8s %6s  %-9.9s  %s"

/* Decimal of v at buf (room for 21); returns the length. */
static size_t
put_u64(char *buf, uint64_t v)
{
	char tmp[24];
	size_t n = 0, i;

	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	for (i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
	return n;
}

static size_t
put_i64(char *buf, int64_t v)
{

	if (v < 0) {
		buf[0] = '-';
		return 1 + put_u64(buf + 1, (uint64_t)0 - (uint64_t)v);
	}
	return put_u64(buf, (uint64_t)v);
}

/* "%-W.Ws": s cut to w and padded to w with blanks. */
static char *
col_left(char *q, const char *s, size_t w)
{
	size_t i;

	for (i = 0; i < w && s[i] != '\0'; i++)
		*q++ = s[i];
	for (; i < w; i++)
		*q++ = ' ';
	return q;
}

/* "%Ws": s right-aligned in w, never cut. */
static char *
col_right(char *q, const char *s, size_t w)
{
	size_t n = strlen(s);

	for (; n < w; w--)
		*q++ = ' ';
	memcpy(q, s, n);
	return q + n;
}

char *
bsd_netstat_netname(const struct bsd_rtentry *rt, char *buf, size_t len)
{
	const uint8_t *a = (const uint8_t *)&rt->rt_dst.sin_addr;
	unsigned n, i, plen = rt->rt_plen;
	size_t off;

	if (plen == 0 && rt->rt_dst.sin_addr == 0) {
		snprintf(buf, len, "default");
		return buf;
	}
	if (rt->rt_flags & BSD_RTF_HOST || plen == 32) {
		char tmp[16];

		bsd_inet_ntoa(rt->rt_dst.sin_addr, tmp);
		snprintf(buf, len, "%s", tmp);
		return buf;
	}
	/* The octets the mask covers, as NetBSD's netname() prints them. */
	n = (plen + 7) / 8;
	if (len >= 20) {
		char tmp[24];

		off = 0;
		for (i = 0; i < n; i++) {
			if (i > 0)
				buf[off++] = '.';
			off += put_u64(buf + off, a[i]);
		}
		buf[off++] = '/';
		put_u64(tmp, plen);
		strcpy(buf + off, tmp);
		return buf;
	}
	off = 0;
	for (i = 0; i < n && off < len; i++)
		off += (size_t)snprintf(buf + off, len - off, i ? ".%u" : "%u",
		    a[i]);
	if (off < len)
		snprintf(buf + off, len - off, "/%u", plen);
	return buf;
}

static char *
gwname(const struct bsd_rtentry *rt, char *buf, size_t len)
{
	const union bsd_sockunion *gw = &rt->rt_gw;

	switch (gw->sa.sa_family) {
	case BSD_AF_INET:
		return bsd_inet_ntoa(gw->sin.sin_addr, buf);
	case BSD_AF_LINK:
		if (gw->sdl.sdl_alen == 0) {
			snprintf(buf, len, "link#%u", gw->sdl.sdl_index);
			return buf;
		}
		/* No BSD had AX.25: callsigns read better than hex. */
		if (rt->rt_ifp != NULL && rt->rt_ifp->if_media != NULL &&
		    rt->rt_ifp->if_type == BSD_IFT_AX25)
			return rt->rt_ifp->if_media->md_ntoa(BSD_LLADDR(&gw->sdl),
			    buf, len);
		return bsd_link_ntoa(&gw->sdl, buf, len);
	default:
		snprintf(buf, len, "af%u", gw->sa.sa_family);
		return buf;
	}
}

char *
bsd_netstat_row(struct bsd_kernel *k, const struct bsd_rtentry *rt,
    char *buf, size_t len)
{
	char dst[24], gw[40], fl[24], mtu[24], exp[24], refs[24], use[24];
	char row[24 + 40 + 24 + 3 * 24 + 24 + 24 + 24], *q;
	int64_t left;

	bsd_netstat_netname(rt, dst, sizeof(dst));
	gwname(rt, gw, sizeof(gw));
	bsd_rtflags_letters(rt->rt_flags, fl, sizeof(fl));
	if (rt->rt_rmx.rmx_mtu != 0)
		put_u64(mtu, rt->rt_rmx.rmx_mtu);
	else
		strcpy(mtu, "-");
	/* FreeBSD: the seconds left, blank once it has expired. */
	exp[0] = '\0';
	if (rt->rt_rmx.rmx_expire != 0) {
		left = rt->rt_rmx.rmx_expire - bsd_time_second(k);
		if (left > 0)
			put_i64(exp, left);
	}
	put_i64(refs, rt->rt_refcnt);
	put_u64(use, rt->rt_use);
	/* NETSTAT_FMT, column by column. */
	q = col_left(row, dst, 18);
	*q++ = ' ';
	q = col_left(q, gw, 18);
	*q++ = ' ';
	q = col_left(q, fl, 6);
	*q++ = ' ';
	q = col_right(q, refs, 8);
	*q++ = ' ';
	q = col_right(q, use, 8);
	*q++ = ' ';
	q = col_right(q, mtu, 6);
	*q++ = ' ';
	*q++ = ' ';
	q = col_left(q, rt->rt_ifp != NULL ? rt->rt_ifp->if_xname : "-", 9);
	*q++ = ' ';
	*q++ = ' ';
	q = col_left(q, exp, sizeof(exp));
	/* Trailing blanks when Expire is empty are noise in a diff. */
	while (q > row && q[-1] == ' ')
		q--;
	*q = '\0';
	if (len > 0) {
		size_t n = (size_t)(q - row);

		if (n >= len)
			n = len - 1;
		memcpy(buf, row, n);
		buf[n] = '\0';
	}
	return buf;
}

struct netstat_arg {
	struct bsd_kernel	*k;
	bsd_emit_fn		*emit;
	void			*arg;
};

static int
netstat1(struct bsd_rtentry *rt, void *arg)
{
	struct netstat_arg *na = arg;
	char line[160];

	na->emit(na->arg, bsd_netstat_row(na->k, rt, line, sizeof(line)));
	return 0;
}

void
bsd_netstat_rn(struct bsd_kernel *k, bsd_emit_fn *emit, void *arg)
{
	struct netstat_arg na = { k, emit, arg };
	char hdr[160];

	snprintf(hdr, sizeof(hdr), NETSTAT_FMT, "Destination", "Gateway",
	    "Flags", "Refs", "Use", "Mtu", "Interface", "Expire");
	emit(arg, "Routing tables");
	emit(arg, "");
	emit(arg, "Internet:");
	emit(arg, hdr);
	(void)bsd_rt_walk(k, netstat1, &na);
}
