/*
 * Test fixture for the C core: a kernel on a fake clock.
 *
 * The clock only moves when a test says so; fx_advance() walks it
 * forward deadline by deadline, running the kernel's callouts exactly
 * when the host would.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef KERN_FIXTURE_H
#define KERN_FIXTURE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bsd_kernel.h"
#include "bsd_netstat.h"

#define FX_MAXMSGS	4096

struct fx {
	int64_t			now;		/* ns */
	int64_t			deadline;	/* last the kernel asked for */
	struct bsd_kernel	*k;
	struct bsd_ifnet	*ifp;		/* eth0, 10.0.0.1/24 */
	struct bsd_rt_msg	msgs[FX_MAXMSGS];
	unsigned		nmsgs;
	uint64_t		traces[BSD_TR_NTYPES];
	uint64_t		drops[BSD_DROP_NREASONS]; /* BSD_TR_DROP by reason */
	unsigned		nlogs;		/* log(9) lines so far */
	char			lastlog[256];	/* the last of them */
};

/*
 * A kernel of the named personality, with eth0 (6-octet address,
 * broadcast) at 10.0.0.1/24 and a static default route via 10.0.0.254.
 * Aborts the test if anything fails.
 */
struct fx *fx_new(const char *personality);
/* The same from a personality struct (e.g. with a switch changed). */
struct fx *fx_new_pers(const struct bsd_personality *p);
/*
 * As fx_new_pers, with a stand-in link layer that does what
 * arp_rtrequest() does to routes (issue 3 brings ARP itself): the
 * interface route's gateway becomes link#1 and every host route
 * through it gets link info (RTF_LLINFO), so clones are ARP entries.
 */
struct fx *fx_new_ll(const struct bsd_personality *p);
/* A bare kernel: no interface, no routes. */
struct fx *fx_new_bare(const struct bsd_personality *p);
void	fx_free(struct fx *fx);
/* Move the clock forward ns, running callouts at their deadlines. */
void	fx_advance(struct fx *fx, int64_t ns);
/* The same in seconds. */
void	fx_advance_s(struct fx *fx, int64_t s);
/* Dotted quad to network order (aborts on a typo). */
uint32_t fx_ip(const char *dotted);
/* A sockaddr_in for a dotted quad. */
struct bsd_sockaddr_in fx_sin(const char *dotted);
/* RTM_ADD dst/plen via gw with flags; returns the errno. */
int	fx_add(struct fx *fx, const char *dst, unsigned plen, const char *gw,
	    uint32_t flags);
/* Exact entry for dst/plen, or NULL. */
struct bsd_rtentry *fx_lookup(struct fx *fx, const char *dst, unsigned plen);
/* rtalloc1(dst, report=1) and rtfree: clone if the personality would. */
struct bsd_rtentry *fx_touch(struct fx *fx, const char *dst);
/* Routing-socket messages of a type seen so far. */
unsigned fx_nmsgs(const struct fx *fx, int type);
/*
 * Keep fx for the running test's teardown, which frees it even when an
 * assertion fails, so that a failure is not buried under leak reports.
 */
struct fx *fx_keep(struct fx *fx);
/* Free a kept fx now, before the test ends. */
void	fx_drop(struct fx *fx);
/* cmocka teardown: free every fixture the test kept. */
int	fx_cleanup(void **state);
/* A unit test whose kept fixtures are freed afterwards. */
#define FX_TEST(f)	cmocka_unit_test_teardown(f, fx_cleanup)
/* Print the table (for a failing test's context). */
void	fx_dump(struct fx *fx);

#endif /* KERN_FIXTURE_H */
