/*
 * The built-in personalities and their knobs.
 *
 * Values and where they come from (see reference/bsd-facts.md):
 * - ICMP: icmp_rediraccept 1, icmp_redirtimeout 600 s, ip_mtudisc_timeout
 *   600 s (NetBSD ip_icmp.c; RFC 1191).  No BSD had IPv4 watermarks;
 *   KAME's IPv6 ones (mtudisc 1280/256, redirect off) are for studies.
 * - ARP: arpt_prune 300, arpt_keep 1200, arpt_down 20, arp_maxtries 5
 *   (4.4BSD and on); arpt_refresh 300 (NetBSD if_arp.c 1.106).
 * - FreeBSD in_rmx.c: rtq_reallyold 3600, rtq_minreallyold 10,
 *   rtq_toomany 128, rtq_timeout 600.
 * - BSD/OS: no source was examined.  Seed 004 says sys/net ages every
 *   clone with one inactivity timer; we assume FreeBSD's hour for it.
 * - netbsd-1.5 is NetBSD as of the 1.5 release (January 2001): route.c
 *   without RTF_CLONED or rt_parent (seed 004), ip_icmp.c 1.44, whose
 *   icmp_input calls rtredirect() with no timer: redirect routes never
 *   time out (icmp_redirtimeout first appears in ip_icmp.c 1.68, 2002).
 * - netbsd-2 follows route.c 1.88.2.1, if_arp.c 1.106 and ip_icmp.c
 *   1.147: NetBSD once proposals (1)-(3) of seed 004 were in, named for
 *   the 2.0 release that first had them.
 *
 * The ARP switches (p_arp_*, one ARP_* macro per personality):
 * - sa0314_fix: arplookup() deletes an unreferenced clone it cannot use
 *   (one cloned from a gateway route, or one without llinfo).  FreeBSD
 *   if_ether.c up to RELENG_4 1.64.2.23 (2003/04/11) only logs and
 *   returns, so a request from an off-link sender leaves a clone of the
 *   RTF_PRCLONING default route that nothing frees: FreeBSD-SA-03:14.arp
 *   (CVE-2003-0804), fixed on RELENG_4 on 2003-09-24.  NetBSD if_arp.c
 *   1.106 deletes the RTF_CLONED route.  netbsd-1.5 and bsdos-4 keep the
 *   4.4BSD arplookup (no delete; bsdos-4 unread, an assumption); their
 *   rtalloc1() never clones a gateway route, so it costs them nothing.
 * - refresh: arptimer() sends a request for an entry used within
 *   arpt_keep that has less than arpt_refresh left, instead of freeing
 *   it (NetBSD if_arp.c 1.106).  FreeBSD 4's arptimer (1.64.2.x) only
 *   frees expired entries.  1.39 has no refresh; when NetBSD gained it
 *   between 1.39 and 1.106 was not found, so netbsd-1.5 keeps it (an
 *   assumption), and so does bsdos-4 (no source).
 * - hrdcheck: FreeBSD 4's arpintr() drops an ar_hrd other than ETHER (1)
 *   or IEEE802 (6), and in_arpinput() reads struct ether_arp, 6-octet
 *   hardware addresses.  NetBSD's arpintr() does not check ar_hrd (XXX).
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "bsd_personality.h"
#include "bsd_route.h"

#define TUN_COMMON							\
	.rediraccept = 1, .mtudisc_timeout = 600,			\
	.redirect_hiwat = -1, .redirect_lowat = -1,			\
	.mtudisc_hiwat = -1, .mtudisc_lowat = -1,			\
	.wm_policy = BSD_WM_REFUSE, .clone_idle = 3600,			\
	.rtq_reallyold = 3600, .rtq_minreallyold = 10,			\
	.rtq_toomany = 128, .rtq_timeout = 600,				\
	.arpt_prune = 300, .arpt_keep = 1200, .arpt_down = 20,		\
	.arpt_refresh = 300, .arp_maxtries = 5, .arp_useloopback = 1,	\
	.mem_limit = 0
#define TUN_DEFAULTS	TUN_COMMON, .redirtimeout = 600

/* ARP switches: fix of SA-03:14, refresh, ar_hrd check (see above). */
#define ARP_NETBSD15	.p_arp_sa0314_fix = 0, .p_arp_refresh = 1,	\
	.p_arp_hrdcheck = 0
#define ARP_BSDOS4	.p_arp_sa0314_fix = 0, .p_arp_refresh = 1,	\
	.p_arp_hrdcheck = 0
#define ARP_FREEBSD4	.p_arp_sa0314_fix = 0, .p_arp_refresh = 0,	\
	.p_arp_hrdcheck = 1
#define ARP_NETBSD2	.p_arp_sa0314_fix = 1, .p_arp_refresh = 1,	\
	.p_arp_hrdcheck = 0

static const struct bsd_personality personalities[] = {
	{
		/* 4.4BSD as NetBSD 1.5 and OpenBSD shipped it (seed 004). */
		.p_name = "netbsd-1.5",
		.p_clonemark = 0,
		.p_flushclones = 0,
		.p_overwrite = BSD_OVW_NONE,
		.p_aging = BSD_AGE_RTTIMER,
		.p_pcbclone = 0,
		.p_cloneapi = BSD_CAPI_RTALLOC,
		.p_prcloning = 0,
		.p_pmtuadd = 1,
		.p_flushmsg = 0,
		/* ip_icmp.c 1.44: rtredirect() with no rt_timer */
		.p_tun = { TUN_COMMON, .redirtimeout = 0 },
		ARP_NETBSD15,
	},
	{
		.p_name = "bsdos-4",
		.p_clonemark = BSD_RTF_CLONED,
		.p_flushclones = 1,
		.p_overwrite = BSD_OVW_CLONED_DYNAMIC,
		.p_aging = BSD_AGE_IDLE,
		.p_pcbclone = 1,
		.p_cloneapi = BSD_CAPI_RTCALLOC,
		.p_prcloning = 0,
		/*
		 * Assumed as FreeBSD: seed 004 (5) says BSD/OS validates
		 * need-frag by the clone it already has.  Flushed clones
		 * leave quietly, as FreeBSD's rt_fixdelete (no source).
		 */
		.p_pmtuadd = 0,
		.p_flushmsg = 0,
		/*
		 * An assumption: issue 14's audit reports an icmp_redirtimeout
		 * of its own in KAME/NRL code for BSD/OS (not read here); its
		 * default is unknown: the inactivity timer's hour.
		 */
		.p_tun = { TUN_COMMON, .redirtimeout = 3600 },
		ARP_BSDOS4,
	},
	{
		.p_name = "freebsd-4",
		.p_clonemark = BSD_RTF_WASCLONED,
		.p_flushclones = 1,
		.p_overwrite = BSD_OVW_LLINFO,
		.p_aging = BSD_AGE_INRMX,
		.p_pcbclone = 1,
		.p_cloneapi = BSD_CAPI_IGNFLAGS,
		.p_prcloning = 1,
		/* ip_icmp.c PRC_MSGSIZE: rtalloc1(dst, 0, ...), no clone */
		.p_pmtuadd = 0,
		/* route.c rt_fixdelete: rtrequest(), no message */
		.p_flushmsg = 0,
		.p_tun = { TUN_DEFAULTS },
		ARP_FREEBSD4,
	},
	{
		/* NetBSD after proposals (1)-(3) of seed 004 were adopted. */
		.p_name = "netbsd-2",
		.p_clonemark = BSD_RTF_CLONED,
		.p_flushclones = 1,
		.p_overwrite = BSD_OVW_CLONED,
		.p_aging = BSD_AGE_RTTIMER,
		.p_pcbclone = 0,
		.p_cloneapi = BSD_CAPI_RTALLOC,
		.p_prcloning = 0,
		.p_pmtuadd = 1,
		/* route.c 1.88.2.1 rtflushclone1: rtdeletemsg() per clone */
		.p_flushmsg = 1,
		.p_tun = { TUN_DEFAULTS },
		ARP_NETBSD2,
	},
};

#define NPERS	(sizeof(personalities) / sizeof(personalities[0]))

unsigned
bsd_personality_count(void)
{

	return NPERS;
}

const struct bsd_personality *
bsd_personality_at(unsigned i)
{

	return i < NPERS ? &personalities[i] : NULL;
}

const struct bsd_personality *
bsd_personality_find(const char *name)
{
	unsigned i;

	for (i = 0; i < NPERS; i++)
		if (strcmp(personalities[i].p_name, name) == 0)
			return &personalities[i];
	return NULL;
}

/* A knob: where it lives in the struct, and what it may hold. */
struct knob {
	const char	*name;
	size_t		off;
	int		is64;
	long long	min, max;
	const char	*range;
};

#define PK(n, f, lo, hi, r) \
	{ n, offsetof(struct bsd_personality, f), 0, lo, hi, r }
#define TK(n, f, lo, hi, r) \
	{ n, offsetof(struct bsd_personality, p_tun.f), 0, lo, hi, r }

static const struct knob knobs[] = {
	PK("clonemark", p_clonemark, 0, BSD_RTF_WASCLONED,
	    "0, 8192 (RTF_CLONED) or 131072 (RTF_WASCLONED)"),
	PK("flushclones", p_flushclones, 0, 1, "0 or 1"),
	PK("overwrite", p_overwrite, 0, 3,
	    "0 (none), 1 (cloned), 2 (cloned or dynamic), "
	    "3 (clones or ARP entries, quietly)"),
	PK("aging", p_aging, 0, 2, "0 (rt_timer), 1 (idle), 2 (in_rmx)"),
	PK("pcbclone", p_pcbclone, 0, 1, "0 or 1"),
	PK("cloneapi", p_cloneapi, 0, 2,
	    "0 (rtalloc), 1 (rtcalloc), 2 (rtalloc_ign)"),
	PK("prcloning", p_prcloning, 0, 1, "0 or 1"),
	PK("pmtuadd", p_pmtuadd, 0, 1, "0 or 1"),
	PK("flushmsg", p_flushmsg, 0, 1, "0 or 1"),
	PK("arp_sa0314_fix", p_arp_sa0314_fix, 0, 1, "0 or 1"),
	PK("arp_refresh", p_arp_refresh, 0, 1, "0 or 1"),
	PK("arp_hrdcheck", p_arp_hrdcheck, 0, 1, "0 or 1"),
	TK("rediraccept", rediraccept, 0, 1, "0 or 1"),
	TK("redirtimeout", redirtimeout, 0, INT_MAX, "0 to 2147483647 s"),
	TK("mtudisc_timeout", mtudisc_timeout, 1, INT_MAX,
	    "1 to 2147483647 s"),
	TK("redirect_hiwat", redirect_hiwat, -1, INT_MAX,
	    "-1 (off) to 2147483647"),
	TK("redirect_lowat", redirect_lowat, -1, INT_MAX,
	    "-1 (off) to 2147483647"),
	TK("mtudisc_hiwat", mtudisc_hiwat, -1, INT_MAX,
	    "-1 (off) to 2147483647"),
	TK("mtudisc_lowat", mtudisc_lowat, -1, INT_MAX,
	    "-1 (off) to 2147483647"),
	TK("wm_policy", wm_policy, 0, 1, "0 (refuse) or 1 (evict)"),
	TK("clone_idle", clone_idle, 1, INT_MAX, "1 to 2147483647 s"),
	TK("rtq_reallyold", rtq_reallyold, 0, INT_MAX, "0 to 2147483647 s"),
	TK("rtq_minreallyold", rtq_minreallyold, 1, INT_MAX,
	    "1 to 2147483647 s"),
	TK("rtq_toomany", rtq_toomany, 0, INT_MAX, "0 to 2147483647"),
	TK("rtq_timeout", rtq_timeout, 1, INT_MAX, "1 to 2147483647 s"),
	TK("arpt_prune", arpt_prune, 1, INT_MAX, "1 to 2147483647 s"),
	TK("arpt_keep", arpt_keep, 1, INT_MAX, "1 to 2147483647 s"),
	TK("arpt_down", arpt_down, 1, INT_MAX, "1 to 2147483647 s"),
	TK("arpt_refresh", arpt_refresh, 0, INT_MAX, "0 to 2147483647 s"),
	TK("arp_maxtries", arp_maxtries, 1, INT_MAX, "1 to 2147483647"),
	TK("arp_useloopback", arp_useloopback, 0, 1, "0 or 1"),
	{ "mem_limit", offsetof(struct bsd_personality, p_tun.mem_limit), 1,
	    0, LLONG_MAX, "0 (unlimited) to 9223372036854775807 bytes" },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct knob *
knob_find(const char *name)
{
	const struct knob *kn;

	for (kn = knobs; kn->name != NULL; kn++)
		if (strcmp(kn->name, name) == 0)
			return kn;
	return NULL;
}

int
bsd_personality_range(const char *name, long long *min, long long *max,
    const char **range)
{
	const struct knob *kn;

	if ((kn = knob_find(name)) == NULL)
		return ENOENT;
	if (min != NULL)
		*min = kn->min;
	if (max != NULL)
		*max = kn->max;
	if (range != NULL)
		*range = kn->range;
	return 0;
}

int
bsd_personality_set(struct bsd_personality *p, const char *name,
    const char *value, const char **why)
{
	const struct knob *kn;
	long long v;
	char *end;

	if ((kn = knob_find(name)) == NULL)
		return ENOENT;
	if (why != NULL)
		*why = kn->range;
	errno = 0;
	v = strtoll(value, &end, 10);
	if (end == value || *end != '\0')
		return EINVAL;
	if (errno == ERANGE || v < kn->min || v > kn->max)
		return ERANGE;
	/* clonemark takes exactly the three values a BSD used. */
	if (kn->off == offsetof(struct bsd_personality, p_clonemark) &&
	    v != 0 && v != BSD_RTF_CLONED && v != BSD_RTF_WASCLONED)
		return ERANGE;
	if (kn->is64) {
		uint64_t u = (uint64_t)v;

		memcpy((char *)p + kn->off, &u, sizeof(u));
	} else {
		int32_t i32 = (int32_t)v;

		memcpy((char *)p + kn->off, &i32, sizeof(i32));
	}
	return 0;
}
