/*
 * Personalities: which BSD a simulated kernel behaves as.
 *
 * One switch per behaviour of the 2001 tech-net summary of cloned-route
 * handling (seed 004), numbered as there, plus the tunables each system
 * shipped with.  Every switch can be set on its own, so a study can vary
 * one behaviour at a time.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_PERSONALITY_H
#define BSD_PERSONALITY_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* (3) what a manual RTM_ADD may replace instead of failing with EEXIST */
enum bsd_overwrite {
	BSD_OVW_NONE,		/* 4.4BSD, NetBSD 1.5: EEXIST */
	BSD_OVW_CLONED,		/* NetBSD 2: a marked clone */
	BSD_OVW_CLONED_DYNAMIC,	/* BSD/OS: a clone or a redirect route */
	BSD_OVW_LLINFO		/* FreeBSD: any clone or ARP entry, quietly */
};

/* (4) who ages cloned and dynamic routes */
enum bsd_aging {
	BSD_AGE_RTTIMER,	/* NetBSD: per-protocol rt_timer queues */
	BSD_AGE_IDLE,		/* BSD/OS: one inactivity timer for every clone */
	BSD_AGE_INRMX		/* FreeBSD: in_rmx, refcount-driven, adaptive */
};

/* (6) the cloning API offered to protocols */
enum bsd_cloneapi {
	BSD_CAPI_RTALLOC,	/* rtalloc() clones iff RTF_CLONING; no forcing */
	BSD_CAPI_RTCALLOC,	/* BSD/OS: rtcalloc() always clones */
	BSD_CAPI_IGNFLAGS	/* FreeBSD: rtalloc_ign() ignores chosen bits */
};

/* What a watermark does once the count passes it (KAME icmp6.c) */
enum bsd_wmpolicy {
	BSD_WM_REFUSE,		/* KAME: past hiwat new routes are refused */
	BSD_WM_EVICT		/* the "nuke a victim" KAME left as XXX */
};

struct bsd_tunables {
	/* ICMP (netinet/ip_icmp.c) */
	int32_t		rediraccept;		/* act on redirects at all */
	int32_t		redirtimeout;		/* s, 0: redirect routes never time out */
	int32_t		mtudisc_timeout;	/* s, path-MTU routes (RFC 1191: 600) */
	int32_t		redirect_hiwat;		/* -1: off */
	int32_t		redirect_lowat;
	int32_t		mtudisc_hiwat;
	int32_t		mtudisc_lowat;
	int32_t		wm_policy;		/* enum bsd_wmpolicy */
	/* BSD/OS sys/net inactivity timer */
	int32_t		clone_idle;		/* s since last use */
	/* FreeBSD in_rmx.c */
	int32_t		rtq_reallyold;		/* s, 3600 */
	int32_t		rtq_minreallyold;	/* s, floor 10 */
	int32_t		rtq_toomany;		/* 128 */
	int32_t		rtq_timeout;		/* s between adaptations, 600 */
	/* ARP (netinet/if_arp.c) */
	int32_t		arpt_prune;		/* s between sweeps, 300 */
	int32_t		arpt_keep;		/* s a resolved entry lives, 1200 */
	int32_t		arpt_down;		/* s an entry stays rejected, 20 */
	int32_t		arpt_refresh;		/* s before expiry to re-ask, 300 */
	int32_t		arp_maxtries;		/* requests before RTF_REJECT, 5 */
	int32_t		arp_useloopback;
	/* Kernel memory for routes and ARP, bytes; 0: unlimited */
	uint64_t	mem_limit;
};

struct bsd_personality {
	const char	*p_name;
	uint32_t	p_clonemark;	/* (1) 0, RTF_CLONED or RTF_WASCLONED */
	int32_t		p_flushclones;	/* (2) clones go with their parent */
	int32_t		p_overwrite;	/* (3) enum bsd_overwrite */
	int32_t		p_aging;	/* (4) enum bsd_aging */
	int32_t		p_pcbclone;	/* (5) in_pcbconnect() clones a host route */
	int32_t		p_cloneapi;	/* (6) enum bsd_cloneapi */
	int32_t		p_prcloning;	/* FreeBSD: net routes get RTF_PRCLONING */
	int32_t		p_pmtuadd;	/* need-frag adds an RTF_DYNAMIC host route */
	int32_t		p_flushmsg;	/* (2) an RTM_DELETE per clone flushed */
	struct bsd_tunables p_tun;
	/*
	 * ARP switches (netinet/if_arp.c, if_ether.c); the sources each
	 * follows are in bsd_personality.c.
	 */
	int32_t		p_arp_sa0314_fix; /* arplookup frees a clone it can't use */
	int32_t		p_arp_refresh;	/* arptimer re-asks for entries in use */
	int32_t		p_arp_hrdcheck;	/* arpintr: ETHER/IEEE802, 6 octets only */
};

/* Number of personalities built in. */
unsigned bsd_personality_count(void);
/* The i-th built-in personality, or NULL. */
const struct bsd_personality *bsd_personality_at(unsigned i);
/* The built-in personality called name ("netbsd-1.5", ...), or NULL. */
const struct bsd_personality *bsd_personality_find(const char *name);
/*
 * Set one switch or tunable by name ("flushclones", "redirtimeout", ...)
 * from a decimal string.  Returns 0, ENOENT for an unknown name, or
 * ERANGE/EINVAL (and changes nothing) for a bad value; *why, if given,
 * then says the allowed range.
 */
int	bsd_personality_set(struct bsd_personality *p, const char *name,
	    const char *value, const char **why);
/*
 * The values a switch or tunable takes: *min and *max bound it, and
 * *range says so in words ("1 to 2147483647 s"), as bsd_personality_set
 * checks and reports it.  Returns 0, or ENOENT for an unknown name.
 */
int	bsd_personality_range(const char *name, long long *min,
	    long long *max, const char **range);

#ifdef __cplusplus
}
#endif

#endif /* BSD_PERSONALITY_H */
