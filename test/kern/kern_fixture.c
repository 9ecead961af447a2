/*
 * Test fixture for the C core: a kernel on a fake clock.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kern_fixture.h"

static int64_t
fx_now(void *ctx)
{

	return ((struct fx *)ctx)->now;
}

static void
fx_deadline(void *ctx, int64_t when)
{

	((struct fx *)ctx)->deadline = when;
}

static void
fx_trace(void *ctx, const struct bsd_trace *tr)
{

	struct fx *fx = ctx;

	fx->traces[tr->tr_type]++;
	if (tr->tr_type == BSD_TR_DROP && tr->tr_arg >= 0 &&
	    tr->tr_arg < BSD_DROP_NREASONS)
		fx->drops[tr->tr_arg]++;
}

static void
fx_log(void *ctx, int pri, const char *msg)
{
	struct fx *fx = ctx;

	(void)pri;
	fx->nlogs++;
	snprintf(fx->lastlog, sizeof(fx->lastlog), "%s", msg);
}

static void
fx_msg(void *arg, const struct bsd_rt_msg *m)
{
	struct fx *fx = arg;

	if (fx->nmsgs < FX_MAXMSGS)
		fx->msgs[fx->nmsgs++] = *m;
}

struct fx *
fx_new_bare(const struct bsd_personality *p)
{
	struct bsd_hooks h;
	struct fx *fx;

	fx = calloc(1, sizeof(*fx));
	assert_non_null(fx);
	fx->deadline = BSD_NEVER;
	memset(&h, 0, sizeof(h));
	h.h_ctx = fx;
	h.h_now = fx_now;
	h.h_deadline = fx_deadline;
	h.h_trace = fx_trace;
	h.h_log = fx_log;
	fx->k = bsd_kernel_create(p, &h);
	assert_non_null(fx->k);
	assert_int_equal(bsd_rtsock_subscribe(fx->k, fx_msg, fx), 0);
	return fx;
}

struct fx *
fx_new_pers(const struct bsd_personality *p)
{
	static const uint8_t mac[6] = { 0x08, 0x00, 0x2b, 0x00, 0x49, 0xa4 };
	struct fx *fx = fx_new_bare(p);

	fx->ifp = bsd_if_attach(fx->k, "eth0", BSD_IFT_ETHER, mac, 6, 1500,
	    BSD_IFF_UP | BSD_IFF_BROADCAST | BSD_IFF_RUNNING);
	assert_non_null(fx->ifp);
	assert_int_equal(bsd_in_ifaddr_add(fx->k, fx->ifp, fx_ip("10.0.0.1"),
	    24), 0);
	assert_int_equal(fx_add(fx, "0.0.0.0", 0, "10.0.0.254",
	    BSD_RTF_GATEWAY | BSD_RTF_STATIC), 0);
	return fx;
}

static int fx_llinfo;	/* what the stand-in hangs on rt_llinfo */

static void
fx_ll_rtrequest(struct bsd_kernel *k, int req, struct bsd_rtentry *rt,
    const struct bsd_rt_addrinfo *info)
{
	struct bsd_sockaddr_dl sdl;

	(void)info;
	if (rt->rt_flags & BSD_RTF_GATEWAY)
		return;
	switch (req) {
	case BSD_RTM_ADD:
		if (rt->rt_flags & BSD_RTF_CLONING) {
			bsd_sdl_init(&sdl, rt->rt_ifp->if_index,
			    rt->rt_ifp->if_type, NULL, 0);
			(void)bsd_rt_setgate(k, rt,
			    (struct bsd_sockaddr *)&sdl);
			break;
		}
		/* FALLTHROUGH */
	case BSD_RTM_RESOLVE:
		if (rt->rt_gw.sa.sa_family == BSD_AF_LINK &&
		    rt->rt_llinfo == NULL)
			bsd_rt_setllinfo(k, rt, &fx_llinfo);
		break;
	case BSD_RTM_DELETE:
		if (rt->rt_llinfo != NULL)
			bsd_rt_setllinfo(k, rt, NULL);
		break;
	}
}

struct fx *
fx_new_ll(const struct bsd_personality *p)
{
	static const uint8_t mac[6] = { 0x08, 0x00, 0x2b, 0x00, 0x49, 0xa4 };
	struct fx *fx = fx_new_bare(p);

	fx->k->k_ll_rtrequest = fx_ll_rtrequest;
	fx->ifp = bsd_if_attach(fx->k, "eth0", BSD_IFT_ETHER, mac, 6, 1500,
	    BSD_IFF_UP | BSD_IFF_BROADCAST | BSD_IFF_RUNNING);
	assert_non_null(fx->ifp);
	assert_int_equal(bsd_in_ifaddr_add(fx->k, fx->ifp, fx_ip("10.0.0.1"),
	    24), 0);
	assert_int_equal(fx_add(fx, "0.0.0.0", 0, "10.0.0.254",
	    BSD_RTF_GATEWAY | BSD_RTF_STATIC), 0);
	return fx;
}

struct fx *
fx_new(const char *personality)
{
	const struct bsd_personality *p = bsd_personality_find(personality);

	assert_non_null(p);
	return fx_new_pers(p);
}

void
fx_free(struct fx *fx)
{

	bsd_kernel_destroy(fx->k);
	free(fx);
}

void
fx_advance(struct fx *fx, int64_t ns)
{
	int64_t until = fx->now + ns;

	while (fx->deadline <= until) {
		if (fx->deadline > fx->now)
			fx->now = fx->deadline;
		bsd_kernel_timers(fx->k);
	}
	fx->now = until;
}

void
fx_advance_s(struct fx *fx, int64_t s)
{

	fx_advance(fx, s * BSD_NSEC_PER_SEC);
}

uint32_t
fx_ip(const char *dotted)
{
	uint32_t a;

	assert_int_equal(bsd_inet_aton(dotted, &a), 0);
	return a;
}

struct bsd_sockaddr_in
fx_sin(const char *dotted)
{
	struct bsd_sockaddr_in sin;

	bsd_sin_init(&sin, fx_ip(dotted));
	return sin;
}

int
fx_add(struct fx *fx, const char *dst, unsigned plen, const char *gw,
    uint32_t flags)
{
	struct bsd_sockaddr_in d = fx_sin(dst), g = fx_sin(gw), m;

	bsd_sin_mask(&m, plen);
	if (plen == 32)
		flags |= BSD_RTF_HOST;
	return bsd_rtrequest(fx->k, BSD_RTM_ADD, (struct bsd_sockaddr *)&d,
	    (struct bsd_sockaddr *)&g,
	    plen == 32 ? NULL : (struct bsd_sockaddr *)&m, flags, NULL);
}

struct bsd_rtentry *
fx_lookup(struct fx *fx, const char *dst, unsigned plen)
{

	return bsd_rtlookup(fx->k, fx_ip(dst), plen);
}

struct bsd_rtentry *
fx_touch(struct fx *fx, const char *dst)
{
	struct bsd_sockaddr_in d = fx_sin(dst);
	struct bsd_rtentry *rt;

	rt = bsd_rtalloc1(fx->k, (struct bsd_sockaddr *)&d, 1, 0);
	if (rt != NULL)
		bsd_rtfree(fx->k, rt);
	return rt;
}

unsigned
fx_nmsgs(const struct fx *fx, int type)
{
	unsigned i, n = 0;

	for (i = 0; i < fx->nmsgs; i++)
		if (fx->msgs[i].rtm_type == type)
			n++;
	return n;
}

static void
fx_emit(void *arg, const char *line)
{

	(void)arg;
	printf("# %s\n", line);
}

void
fx_dump(struct fx *fx)
{

	bsd_netstat_rn(fx->k, fx_emit, NULL);
}

static struct fx *fx_live[8];

struct fx *
fx_keep(struct fx *fx)
{
	unsigned i;

	for (i = 0; i < sizeof(fx_live) / sizeof(fx_live[0]); i++) {
		if (fx_live[i] == NULL) {
			fx_live[i] = fx;
			return fx;
		}
	}
	fail_msg("more than %zu fixtures in one test",
	    sizeof(fx_live) / sizeof(fx_live[0]));
	return fx;
}

void
fx_drop(struct fx *fx)
{
	unsigned i;

	for (i = 0; i < sizeof(fx_live) / sizeof(fx_live[0]); i++)
		if (fx_live[i] == fx)
			fx_live[i] = NULL;
	fx_free(fx);
}

int
fx_cleanup(void **state)
{
	unsigned i;

	(void)state;
	for (i = 0; i < sizeof(fx_live) / sizeof(fx_live[0]); i++) {
		if (fx_live[i] != NULL)
			fx_free(fx_live[i]);
		fx_live[i] = NULL;
	}
	return 0;
}
