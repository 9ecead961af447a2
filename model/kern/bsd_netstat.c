/*
 * netstat -rn (usr.bin/netstat/route.c), with FreeBSD's Expire column.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <stdio.h>
#include <string.h>

#include "bsd_kernel.h"
#include "bsd_netstat.h"

/* One format for the header and the rows, so they line up. */
#define NETSTAT_FMT	"%-18.18s %-18.18s %-6.6s %8s %8s %6s  %-9.9s  %s"

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
		snprintf(buf, len, "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
		return buf;
	}
	/* The octets the mask covers, as NetBSD's netname() prints them. */
	n = (plen + 7) / 8;
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
	char dst[24], gw[40], fl[24], mtu[12], exp[24], refs[16], use[24];
	int64_t left;

	bsd_netstat_netname(rt, dst, sizeof(dst));
	gwname(rt, gw, sizeof(gw));
	bsd_rtflags_letters(rt->rt_flags, fl, sizeof(fl));
	if (rt->rt_rmx.rmx_mtu != 0)
		snprintf(mtu, sizeof(mtu), "%u", rt->rt_rmx.rmx_mtu);
	else
		snprintf(mtu, sizeof(mtu), "-");
	/* FreeBSD: the seconds left, blank once it has expired. */
	exp[0] = '\0';
	if (rt->rt_rmx.rmx_expire != 0) {
		left = rt->rt_rmx.rmx_expire - bsd_time_second(k);
		if (left > 0)
			snprintf(exp, sizeof(exp), "%lld", (long long)left);
	}
	snprintf(refs, sizeof(refs), "%d", rt->rt_refcnt);
	snprintf(use, sizeof(use), "%llu", (unsigned long long)rt->rt_use);
	snprintf(buf, len, NETSTAT_FMT, dst, gw, fl, refs, use, mtu,
	    rt->rt_ifp != NULL ? rt->rt_ifp->if_xname : "-", exp);
	/* Trailing blanks when Expire is empty are noise in a diff. */
	for (len = strlen(buf); len > 0 && buf[len - 1] == ' '; len--)
		buf[len - 1] = '\0';
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
