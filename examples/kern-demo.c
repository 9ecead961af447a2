/*
 * kern-demo: the C core on its own, no ns-3.
 *
 * For each built-in personality, one host (eth0 10.0.0.1/24, default
 * route via 10.0.0.254) goes through the same script, and the table is
 * printed as netstat -rn would after each step:
 *
 *   1. a local process connects to 20 off-link and 5 on-link hosts:
 *      seed 004 (5), in_pcbconnect() cloning, and (1), clone marking;
 *   2. the router 10.0.0.254 sends an ICMP redirect for 198.51.100.7
 *      via 10.0.0.253: a new RTF_DYNAMIC host route, or a change to the
 *      clone (5) already made;
 *   3. an hour (and a second) goes by: (4), who ages clones and
 *      redirect routes;
 *   4. the process reaches its neighbours again, then the interface
 *      address goes (ifconfig -alias): (2), whether the clones of the
 *      interface route go with it.
 *
 * The clock is ours and only moves when we say so, so the output is the
 * same on every run.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bsd_kernel.h"
#include "bsd_netstat.h"

#define DEMO_NOFFLINK	20	/* 198.51.100.1 ... .20 */
#define DEMO_NONLINK	5	/* 10.0.0.10 ... .14 */
#define DEMO_IDLE_S	3601	/* s of silence before the last step */

static int64_t	demo_now_ns;		/* the fake clock, ns */
static int64_t	demo_deadline_ns = BSD_NEVER; /* next callout, per kernel */

static int64_t
demo_now(void *ctx)
{

	(void)ctx;
	return demo_now_ns;
}

static void
demo_deadline(void *ctx, int64_t when)
{

	(void)ctx;
	demo_deadline_ns = when;
}

/*
 * Move the clock forward ns, stopping at every deadline on the way to
 * run the kernel's callouts, as a host's event loop would.
 */
static void
demo_advance(struct bsd_kernel *k, int64_t ns)
{
	int64_t until = demo_now_ns + ns;

	while (demo_deadline_ns <= until) {
		if (demo_deadline_ns > demo_now_ns)
			demo_now_ns = demo_deadline_ns;
		bsd_kernel_timers(k);
	}
	demo_now_ns = until;
}

static uint32_t
demo_ip(const char *dotted)
{
	uint32_t a;

	if (bsd_inet_aton(dotted, &a) != 0) {
		fprintf(stderr, "kern-demo: bad address %s\n", dotted);
		exit(1);
	}
	return a;
}

static void
demo_emit(void *arg, const char *line)
{

	(void)arg;
	printf("    %s\n", line);
}

static void
demo_heading(const char *what)
{

	printf("\n  -- %s\n", what);
}

/* Entries in the table, and how many of each kind. */
static void
demo_counts(struct bsd_kernel *k)
{
	int kind;

	printf("routes: %" PRIu64 " =", bsd_rt_total(k));
	for (kind = 0; kind < BSD_RTK_NKINDS; kind++)
		printf(" %s %" PRIu64, bsd_rtkind_name((enum bsd_rtkind)kind),
		    bsd_rt_count(k, (enum bsd_rtkind)kind));
	printf("\n");
}

/* The counts, then the table as netstat -rn shows it. */
static void
demo_table(struct bsd_kernel *k)
{

	printf("    ");
	demo_counts(k);
	bsd_netstat_rn(k, demo_emit, NULL);
}

/* What the personality says about the behaviours shown here. */
static void
demo_describe(const struct bsd_personality *p)
{
	static const char *const aging[] = {
		"rt_timer queues", "one inactivity timer", "in_rmx"
	};

	printf("(1) clone mark %s, (2) flush clones %s, (4) aging by %s, "
	    "(5) in_pcbconnect clones %s\n",
	    p->p_clonemark == BSD_RTF_CLONED ? "RTF_CLONED" :
	    p->p_clonemark == BSD_RTF_WASCLONED ? "RTF_WASCLONED" : "none",
	    p->p_flushclones ? "yes" : "no",
	    (unsigned)p->p_aging < 3 ? aging[p->p_aging] : "?",
	    p->p_pcbclone ? "yes" : "no");
}

/*
 * The entry a packet to dst would take now: the longest match, read
 * straight from the tree so that looking neither clones, nor takes a
 * reference, nor touches FreeBSD's in_rmx state.
 */
static void
demo_route_to(struct bsd_kernel *k, const char *dst)
{
	struct bsd_rtentry *rt;
	uint32_t a = demo_ip(dst);
	char row[160];

	rt = bsd_rn_match(&k->k_rtable, (const uint8_t *)&a);
	if (rt == NULL)
		printf("    route to %s: none\n", dst);
	else
		printf("    route to %s: %s\n", dst,
		    bsd_netstat_row(k, rt, row, sizeof(row)));
}

/*
 * A local process connects to the off-link peers: in_pcbconnect()'s
 * lookup, which clones a host route where the personality says so (5).
 */
static void
demo_connect_offlink(struct bsd_kernel *k)
{
	struct bsd_sockaddr_in dst;
	char addr[24];
	int i;

	for (i = 1; i <= DEMO_NOFFLINK; i++) {
		snprintf(addr, sizeof(addr), "198.51.100.%d", i);
		bsd_sin_init(&dst, demo_ip(addr));
		bsd_rtfree(k, bsd_rtalloc_local(k,
		    (const struct bsd_sockaddr *)&dst));
	}
}

/*
 * And to the on-link ones: rtalloc1(report), the lookup ip_output()
 * makes, which clones from the interface route (RTF_CLONING) in every
 * personality.
 */
static void
demo_connect_onlink(struct bsd_kernel *k)
{
	struct bsd_sockaddr_in dst;
	char addr[24];
	int i;

	for (i = 10; i < 10 + DEMO_NONLINK; i++) {
		snprintf(addr, sizeof(addr), "10.0.0.%d", i);
		bsd_sin_init(&dst, demo_ip(addr));
		bsd_rtfree(k, bsd_rtalloc1(k,
		    (const struct bsd_sockaddr *)&dst, 1, 0));
	}
}

static int
demo_one(const struct bsd_personality *p)
{
	static const uint8_t mac[6] = { 0x08, 0x00, 0x2b, 0x00, 0x49, 0xa4 };
	struct bsd_sockaddr_in dst, gw, mask;
	struct bsd_hooks h;
	struct bsd_kernel *k;
	struct bsd_ifnet *ifp;
	int error;

	/* Every host starts at time 0 with nothing pending. */
	demo_now_ns = 0;
	demo_deadline_ns = BSD_NEVER;
	memset(&h, 0, sizeof(h));
	h.h_now = demo_now;
	h.h_deadline = demo_deadline;
	if ((k = bsd_kernel_create(p, &h)) == NULL) {
		fprintf(stderr, "kern-demo: bsd_kernel_create failed\n");
		return 1;
	}

	printf("\n==== %s ====\n", p->p_name);
	demo_describe(p);

	/* ifconfig eth0 10.0.0.1/24; route add default 10.0.0.254 */
	ifp = bsd_if_attach(k, "eth0", BSD_IFT_ETHER, mac, sizeof(mac), 1500,
	    BSD_IFF_UP | BSD_IFF_BROADCAST | BSD_IFF_RUNNING);
	if (ifp == NULL ||
	    (error = bsd_in_ifaddr_add(k, ifp, demo_ip("10.0.0.1"), 24)) != 0) {
		fprintf(stderr, "kern-demo: cannot configure eth0\n");
		bsd_kernel_destroy(k);
		return 1;
	}
	bsd_sin_init(&dst, 0);
	bsd_sin_init(&gw, demo_ip("10.0.0.254"));
	bsd_sin_mask(&mask, 0);
	error = bsd_rtrequest(k, BSD_RTM_ADD, (struct bsd_sockaddr *)&dst,
	    (struct bsd_sockaddr *)&gw, (struct bsd_sockaddr *)&mask,
	    BSD_RTF_GATEWAY | BSD_RTF_STATIC, NULL);
	if (error != 0) {
		fprintf(stderr, "kern-demo: default route: error %d\n", error);
		bsd_kernel_destroy(k);
		return 1;
	}
	demo_heading("boot: eth0 10.0.0.1/24 (a cloning route, as "
	    "arp_ifinit made it), default via 10.0.0.254");
	demo_table(k);

	demo_connect_offlink(k);
	demo_connect_onlink(k);
	demo_heading("(5) in_pcbconnect cloning, (1) clone marking: "
	    "connect to 20 off-link hosts 198.51.100.1-20 and 5 on-link "
	    "hosts 10.0.0.10-14");
	demo_table(k);

	/* icmp_input: a redirect from our router for one of those peers. */
	error = bsd_icmp_redirect(k, demo_ip("198.51.100.7"),
	    demo_ip("10.0.0.253"), demo_ip("10.0.0.254"));
	demo_heading("ICMP redirect from 10.0.0.254: 198.51.100.7 via "
	    "10.0.0.253 (new RTF_DYNAMIC host route, or the clone modified)");
	printf("    bsd_icmp_redirect: %d; rts_dynamic %" PRIu64
	    ", rts_newgateway %" PRIu64 "\n", error,
	    k->k_rtstat.rts_dynamic, k->k_rtstat.rts_newgateway);
	demo_route_to(k, "198.51.100.7");
	demo_table(k);

	/*
	 * An hour with no traffic at all, and one second more: rt_timer
	 * (NetBSD, BSD/OS) fires only once an entry's age exceeds the
	 * timeout, in_rmx (FreeBSD) as soon as it reaches it.
	 */
	demo_advance(k, DEMO_IDLE_S * BSD_NSEC_PER_SEC);
	demo_heading("(4) timers: 3601 s later, no traffic (one hour, plus "
	    "the second rt_timer's strict test needs)");
	demo_route_to(k, "198.51.100.7");
	demo_table(k);

	/*
	 * The process talks to its neighbours again, so that every
	 * personality has clones of 10.0.0/24; then ifconfig eth0 -alias
	 * 10.0.0.1, where in_ifscrub() deletes 10.0.0/24.
	 */
	demo_connect_onlink(k);
	demo_heading("(2) clones removed with parent: reach 10.0.0.10-14 "
	    "again, then ifconfig eth0 -alias 10.0.0.1 deletes 10.0.0/24");
	printf("    before the delete: ");
	demo_counts(k);
	error = bsd_in_ifaddr_delete(k, ifp, demo_ip("10.0.0.1"));
	if (error != 0)
		printf("    bsd_in_ifaddr_delete: error %d\n", error);
	demo_route_to(k, "10.0.0.10");
	demo_table(k);

	bsd_kernel_destroy(k);
	return 0;
}

int
main(void)
{
	unsigned i, n = bsd_personality_count();
	int rc = 0;

	printf("bsdnet kern-demo: one host per personality on a fake clock "
	    "(seed 004's behaviours (1)-(5))\n");
	for (i = 0; i < n; i++)
		rc |= demo_one(bsd_personality_at(i));
	return rc;
}
