/*
 * The routing socket (net/rtsock.c): messages out, requests in.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "bsd_kernel.h"

static const char *const rtm_names[] = {
	NULL, "RTM_ADD", "RTM_DELETE", "RTM_CHANGE", "RTM_GET", "RTM_LOSING",
	"RTM_REDIRECT", "RTM_MISS", "RTM_LOCK", "RTM_OLDADD", "RTM_OLDDEL",
	"RTM_RESOLVE", "RTM_NEWADDR", "RTM_DELADDR", "RTM_OIFINFO",
	"RTM_IFINFO", "RTM_IFANNOUNCE"
};

const char *
bsd_rtm_name(int type)
{

	if (type > 0 && (size_t)type < sizeof(rtm_names) / sizeof(rtm_names[0]))
		return rtm_names[type];
	return "RTM_?";
}

int
bsd_rtsock_subscribe(struct bsd_kernel *k, bsd_rtsock_fn *fn, void *arg)
{
	struct bsd_rtsock_state *rs = &k->k_rtsock;

	if (rs->rs_nsubs == BSD_RTSOCK_MAXSUBS)
		return ENOSPC;
	rs->rs_fn[rs->rs_nsubs] = fn;
	rs->rs_arg[rs->rs_nsubs] = arg;
	rs->rs_nsubs++;
	return 0;
}

void
bsd_rtsock_unsubscribe(struct bsd_kernel *k, bsd_rtsock_fn *fn, void *arg)
{
	struct bsd_rtsock_state *rs = &k->k_rtsock;
	unsigned i;

	for (i = 0; i < rs->rs_nsubs; i++) {
		if (rs->rs_fn[i] != fn || rs->rs_arg[i] != arg)
			continue;
		rs->rs_nsubs--;
		memmove(&rs->rs_fn[i], &rs->rs_fn[i + 1],
		    (rs->rs_nsubs - i) * sizeof(rs->rs_fn[0]));
		memmove(&rs->rs_arg[i], &rs->rs_arg[i + 1],
		    (rs->rs_nsubs - i) * sizeof(rs->rs_arg[0]));
		memmove(&rs->rs_sb[i], &rs->rs_sb[i + 1],
		    (rs->rs_nsubs - i) * sizeof(rs->rs_sb[0]));
		memset(&rs->rs_sb[rs->rs_nsubs], 0, sizeof(rs->rs_sb[0]));
		return;
	}
}

int
bsd_rtsock_setbuf(struct bsd_kernel *k, bsd_rtsock_fn *fn, void *arg,
    uint32_t hiwat, int64_t period, bsd_rtsock_drop_fn *drop)
{
	struct bsd_rtsock_state *rs = &k->k_rtsock;
	struct bsd_rtsock_sb *sb;
	unsigned i;

	if (hiwat != 0 && period <= 0)
		return EINVAL;
	for (i = 0; i < rs->rs_nsubs; i++) {
		if (rs->rs_fn[i] != fn || rs->rs_arg[i] != arg)
			continue;
		sb = &rs->rs_sb[i];
		sb->sb_hiwat = hiwat;
		sb->sb_cc = 0;
		sb->sb_period = hiwat != 0 ? period : 0;
		sb->sb_wake = hiwat != 0 ? bsd_now(k) - bsd_now(k) % period : 0;
		sb->sb_dropfn = drop;
		return 0;
	}
	return ENOENT;
}

uint64_t
bsd_rtsock_drops(const struct bsd_kernel *k)
{

	return k->k_rtsock.rs_drops;
}

/* rt_msg1(): ROUNDUP() each sockaddr to a long, 0 taking a whole one. */
size_t
bsd_rtm_msglen(const struct bsd_rt_msg *m)
{
	size_t len = BSD_RTM_HDRLEN, salen;
	int i;

	for (i = 0; i < BSD_RTAX_MAX; i++) {
		if (!(m->rtm_addrs & BSD_RTA(i)))
			continue;
		salen = m->rtm_sa[i].sa.sa_len;
		len += salen > 0 ? 1 + ((salen - 1) | 3) : 4;
	}
	return len;
}

/* The reader tells its subscriber what it missed, once per drop run. */
static void
sb_report(struct bsd_rtsock_state *rs, unsigned i)
{
	struct bsd_rtsock_sb *sb = &rs->rs_sb[i];
	uint64_t n = sb->sb_pending;

	if (n == 0)
		return;
	sb->sb_pending = 0;
	if (sb->sb_dropfn != NULL)
		sb->sb_dropfn(rs->rs_arg[i], n);
}

void
bsd_rtsock_flush(struct bsd_kernel *k)
{
	struct bsd_rtsock_state *rs = &k->k_rtsock;
	unsigned i;

	for (i = 0; i < rs->rs_nsubs; i++)
		sb_report(rs, i);
}

/*
 * sbappendaddr() into subscriber i's buffer: 1 if the message fits.
 * The reader's wakeups are not events: a wakeup since the last message
 * has emptied the buffer, so a quiet kernel schedules nothing.
 */
static int
sb_append(struct bsd_kernel *k, unsigned i, const struct bsd_rt_msg *m)
{
	struct bsd_rtsock_state *rs = &k->k_rtsock;
	struct bsd_rtsock_sb *sb = &rs->rs_sb[i];
	int64_t now, wake;
	size_t len;

	if (sb->sb_hiwat == 0)
		return 1;
	now = bsd_now(k);
	wake = now - now % sb->sb_period;
	if (wake > sb->sb_wake) {
		sb->sb_wake = wake;
		sb->sb_cc = 0;
		sb_report(rs, i);
	}
	len = bsd_rtm_msglen(m) + BSD_RTM_SRCLEN;
	if (len > sb->sb_hiwat - sb->sb_cc) {
		sb->sb_pending++;
		sb->sb_drops++;
		rs->rs_drops++;
		return 0;
	}
	sb->sb_cc += (uint32_t)len;
	return 1;
}

/* raw_input(): every subscriber with room, in order of subscription. */
static void
rt_deliver(struct bsd_kernel *k, struct bsd_rt_msg *m)
{
	struct bsd_rtsock_state *rs = &k->k_rtsock;
	unsigned i;

	m->rtm_seq = ++rs->rs_seq;
	m->rtm_time = bsd_now(k);
	rs->rs_msgs[m->rtm_type & 0x1f]++;
	for (i = 0; i < rs->rs_nsubs; i++)
		if (sb_append(k, i, m))
			rs->rs_fn[i](rs->rs_arg[i], m);
}

void
bsd_rt_missmsg(struct bsd_kernel *k, int type,
    const struct bsd_rt_addrinfo *info, uint32_t flags, int error)
{
	struct bsd_rt_msg m;
	int i;

	/* Nobody listening: build nothing (route_cb.any_count == 0). */
	if (k->k_rtsock.rs_nsubs == 0) {
		k->k_rtsock.rs_seq++;
		k->k_rtsock.rs_msgs[type & 0x1f]++;
		return;
	}
	memset(&m, 0, sizeof(m));
	m.rtm_type = (uint8_t)type;
	m.rtm_flags = BSD_RTF_DONE | flags;	/* as rt_missmsg() */
	m.rtm_errno = error;
	for (i = 0; i < BSD_RTAX_MAX; i++) {
		if (info->rti_info[i] == NULL)
			continue;
		if (bsd_sa_copy(&m.rtm_sa[i], info->rti_info[i]) == 0)
			m.rtm_addrs |= BSD_RTA(i);
	}
	if (info->rti_ifp != NULL)
		m.rtm_index = info->rti_ifp->if_index;
	rt_deliver(k, &m);
}

void
bsd_rt_msg_route(struct bsd_kernel *k, int type, const struct bsd_rtentry *rt,
    int error)
{
	struct bsd_rt_msg m;

	if (k->k_rtsock.rs_nsubs == 0) {
		k->k_rtsock.rs_seq++;
		k->k_rtsock.rs_msgs[type & 0x1f]++;
		return;
	}
	memset(&m, 0, sizeof(m));
	m.rtm_type = (uint8_t)type;
	m.rtm_flags = BSD_RTF_DONE | rt->rt_flags;
	m.rtm_errno = error;
	m.rtm_rmx = rt->rt_rmx;
	m.rtm_index = rt->rt_ifp != NULL ? rt->rt_ifp->if_index : 0;
	(void)bsd_sa_copy(&m.rtm_sa[BSD_RTAX_DST], bsd_rt_key(rt));
	(void)bsd_sa_copy(&m.rtm_sa[BSD_RTAX_GATEWAY], bsd_rt_gateway(rt));
	m.rtm_addrs = BSD_RTA(BSD_RTAX_DST) | BSD_RTA(BSD_RTAX_GATEWAY);
	if (!(rt->rt_flags & BSD_RTF_HOST)) {
		bsd_sin_mask(&m.rtm_sa[BSD_RTAX_NETMASK].sin, rt->rt_plen);
		m.rtm_addrs |= BSD_RTA(BSD_RTAX_NETMASK);
	}
	rt_deliver(k, &m);
}

/*
 * A link address the table can hold: no interface name (the model keeps
 * none, so LLADDR() is sdl_data) and no longer than a medium's.
 */
static int
sa_acceptable(const struct bsd_sockaddr *sa)
{
	const struct bsd_sockaddr_dl *sdl;

	if (sa->sa_family != BSD_AF_LINK)
		return 1;
	sdl = (const struct bsd_sockaddr_dl *)sa;
	return sdl->sdl_nlen == 0 && sdl->sdl_alen <= BSD_LL_MAXADDRLEN &&
	    sdl->sdl_slen <= sizeof(sdl->sdl_data) - sdl->sdl_alen;
}

int
bsd_rtsock_request(struct bsd_kernel *k, struct bsd_rt_msg *req)
{
	struct bsd_rt_addrinfo info;
	struct bsd_rtentry *rt = NULL;
	const struct bsd_sockaddr *dst, *mask;
	int i, plen, error = 0;

	memset(&info, 0, sizeof(info));
	info.rti_kind = -1;
	for (i = 0; i < BSD_RTAX_MAX; i++) {
		if (!(req->rtm_addrs & BSD_RTA(i)))
			continue;
		info.rti_info[i] = &req->rtm_sa[i].sa;
		if (!sa_acceptable(info.rti_info[i])) {
			error = EINVAL;
			goto out;
		}
	}
	info.rti_addrs = req->rtm_addrs;
	info.rti_flags = req->rtm_flags;
	dst = info.rti_info[BSD_RTAX_DST];
	mask = info.rti_info[BSD_RTAX_NETMASK];
	if (dst == NULL || dst->sa_family != BSD_AF_INET) {
		error = EINVAL;
		goto out;
	}
	switch (req->rtm_type) {
	case BSD_RTM_ADD:
		if (info.rti_info[BSD_RTAX_GATEWAY] == NULL) {
			error = EINVAL;
			break;
		}
		error = bsd_rtrequest1(k, BSD_RTM_ADD, &info, &rt);
		if (error == 0) {
			rt->rt_rmx.rmx_locks |= req->rtm_rmx.rmx_locks;
			if (req->rtm_rmx.rmx_mtu != 0)
				rt->rt_rmx.rmx_mtu = req->rtm_rmx.rmx_mtu;
			if (req->rtm_rmx.rmx_expire != 0)
				rt->rt_rmx.rmx_expire =
				    req->rtm_rmx.rmx_expire;
		}
		break;
	case BSD_RTM_DELETE:
		error = bsd_rtrequest1(k, BSD_RTM_DELETE, &info, &rt);
		break;
	case BSD_RTM_GET:
	case BSD_RTM_CHANGE:
	case BSD_RTM_LOCK:
		/*
		 * route_output: rnh_lookup(dst, netmask); with a mask the
		 * exact entry, without one the best match.
		 */
		if (mask != NULL) {
			if ((plen = bsd_mask_plen(mask)) < 0) {
				error = EINVAL;
				break;
			}
			rt = bsd_rtlookup(k, ((const struct bsd_sockaddr_in *)
			    dst)->sin_addr, (unsigned)plen);
			if (rt != NULL)
				rt->rt_refcnt++;
		} else
			rt = bsd_rtalloc1(k, dst, 0, 0);
		if (rt == NULL) {
			error = ESRCH;
			break;
		}
		if (req->rtm_type == BSD_RTM_CHANGE)
			error = bsd_rtchange(k, rt,
			    info.rti_info[BSD_RTAX_GATEWAY], &req->rtm_rmx,
			    BSD_RTV_MTU & (req->rtm_rmx.rmx_mtu ? ~0u : 0u));
		else if (req->rtm_type == BSD_RTM_LOCK)
			rt->rt_rmx.rmx_locks = req->rtm_rmx.rmx_locks;
		break;
	default:
		error = EOPNOTSUPP;
		break;
	}
out:
	/* route_output echoes the request, filled in, to every listener. */
	req->rtm_errno = error;
	if (rt != NULL) {
		req->rtm_flags = rt->rt_flags | (error == 0 ? BSD_RTF_DONE : 0);
		req->rtm_rmx = rt->rt_rmx;
		(void)bsd_sa_copy(&req->rtm_sa[BSD_RTAX_DST], bsd_rt_key(rt));
		(void)bsd_sa_copy(&req->rtm_sa[BSD_RTAX_GATEWAY],
		    bsd_rt_gateway(rt));
		req->rtm_addrs |= BSD_RTA(BSD_RTAX_DST) |
		    BSD_RTA(BSD_RTAX_GATEWAY);
		if (!(rt->rt_flags & BSD_RTF_HOST)) {
			bsd_sin_mask(&req->rtm_sa[BSD_RTAX_NETMASK].sin,
			    rt->rt_plen);
			req->rtm_addrs |= BSD_RTA(BSD_RTAX_NETMASK);
		}
		if (rt->rt_ifp != NULL)
			req->rtm_index = rt->rt_ifp->if_index;
		bsd_rtfree(k, rt);
	}
	if (error == 0)
		req->rtm_flags |= BSD_RTF_DONE;
	{
		struct bsd_rt_msg echo = *req;

		rt_deliver(k, &echo);
		req->rtm_seq = echo.rtm_seq;
		req->rtm_time = echo.rtm_time;
	}
	return error;
}

static const struct {
	uint32_t	bit;
	char		letter;
} rtf_letters[] = {
	/* netstat's order: both BSDs print the clone marks after L and S */
	{ BSD_RTF_UP, 'U' }, { BSD_RTF_GATEWAY, 'G' }, { BSD_RTF_HOST, 'H' },
	{ BSD_RTF_REJECT, 'R' }, { BSD_RTF_DYNAMIC, 'D' },
	{ BSD_RTF_MODIFIED, 'M' }, { BSD_RTF_DONE, 'd' },
	{ BSD_RTF_CLONING, 'C' }, { BSD_RTF_XRESOLVE, 'X' },
	{ BSD_RTF_LLINFO, 'L' }, { BSD_RTF_STATIC, 'S' },
	{ BSD_RTF_BLACKHOLE, 'B' }, { BSD_RTF_PROTO1, '1' },
	{ BSD_RTF_PROTO2, '2' }, { BSD_RTF_CLONED, 'c' },
	{ BSD_RTF_WASCLONED, 'W' }, { BSD_RTF_PRCLONING, 'c' },
	{ BSD_RTF_PROTO3, '3' },
};

char *
bsd_rtflags_letters(uint32_t flags, char *buf, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < sizeof(rtf_letters) / sizeof(rtf_letters[0]); i++)
		if ((flags & rtf_letters[i].bit) && n + 1 < len)
			buf[n++] = rtf_letters[i].letter;
	buf[n] = '\0';
	return buf;
}

/* Append " s" as snprintf(buf, len, " %s", s) would: the length it wanted. */
static size_t
sa_put(char *buf, size_t len, const char *s)
{
	size_t n = strlen(s) + 1;

	if (len > 0) {
		buf[0] = ' ';
		if (len > 1)
			memcpy(buf + 1, s, n < len ? n : len - 1);
		buf[n < len ? n : len - 1] = '\0';
	}
	return n;
}

static size_t
sa_format(const union bsd_sockunion *su, char *buf, size_t len)
{
	char tmp[40];

	switch (su->sa.sa_family) {
	case BSD_AF_INET:
		return sa_put(buf, len, bsd_inet_ntoa(su->sin.sin_addr, tmp));
	case BSD_AF_LINK:
		if (su->sdl.sdl_alen == 0)
			return (size_t)snprintf(buf, len, " link#%u",
			    su->sdl.sdl_index);
		return sa_put(buf, len,
		    bsd_link_ntoa(&su->sdl, tmp, sizeof(tmp)));
	default:
		return (size_t)snprintf(buf, len, " af%u", su->sa.sa_family);
	}
}

char *
bsd_rtsock_format(const struct bsd_rt_msg *m, char *buf, size_t len)
{
	static const char *const rta[BSD_RTAX_MAX] = {
		"DST", "GATEWAY", "NETMASK", "GENMASK", "IFP", "IFA",
		"AUTHOR", "BRD"
	};
	char fl[32];
	size_t n;
	int i;

	n = (size_t)snprintf(buf, len, "%s seq %u errno %d flags <%s> index %u",
	    bsd_rtm_name(m->rtm_type), m->rtm_seq, m->rtm_errno,
	    bsd_rtflags_letters(m->rtm_flags, fl, sizeof(fl)), m->rtm_index);
	for (i = 0; i < BSD_RTAX_MAX && n < len; i++) {
		if (!(m->rtm_addrs & BSD_RTA(i)))
			continue;
		n += sa_put(buf + n, len - n, rta[i]);
		if (n < len) {
			buf[n++] = ':';
			buf[n < len ? n : len - 1] = '\0';
		}
		if (n < len)
			n += sa_format(&m->rtm_sa[i], buf + n, len - n);
	}
	return buf;
}
