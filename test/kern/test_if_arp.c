/*
 * ARP (bsd_if_arp.c) on all four media through the same code: request,
 * reply, gratuitous, proxy, duplicate address, overwrite of a learned
 * entry, refusal to overwrite a permanent one, reject after five tries,
 * one request per second, the held packet and its replacement, and the
 * user-level resolver reached through RTM_RESOLVE.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <errno.h>
#include <string.h>

#include "net_fixture.h"

#define MS	INT64_C(1000000)
#define SEC	INT64_C(1000000000)

static const struct bsd_media *const media[] = {
	&bsd_media_ether, &bsd_media_fddi, &bsd_media_arcnet, &bsd_media_ax25
};
#define NMEDIA	(sizeof(media) / sizeof(media[0]))

/* Hosts 0 (10.0.0.1) and 1 (10.0.0.2) on segment 0 of md. */
static struct net *
pair(const struct bsd_media *md)
{
	struct net *n = net_new();

	print_message("medium %s\n", md->md_name);
	assert_int_equal(net_add_host(n, "netbsd-2"), 0);
	assert_int_equal(net_add_host(n, "netbsd-2"), 1);
	(void)net_attach(n, 0, 0, md, NULL, "10.0.0.1/24", 0);
	(void)net_attach(n, 1, 0, md, NULL, "10.0.0.2/24", 0);
	net_run(n, MS);
	return n;
}

/*
 * NetBSD's first ARP sweep runs 1 s after ARP starts and frees every
 * unresolved entry; tests that count requests start after it.
 */
static void
past_first_sweep(struct net *n)
{

	net_run(n, INT64_C(1500000000) - n->n_now);
}

static struct bsd_kernel *
K(struct net *n, int h)
{

	return n->n_host[h].h_k;
}

/* ARP requests on seg for target ip, from frame `from` on. */
static unsigned
count_requests(const struct net *n, unsigned from, uint32_t tip)
{
	const uint8_t *ar;
	unsigned i, c = 0;
	size_t len;

	for (i = from; i < net_nframes(n, 0); i++) {
		ar = net_arp_of(n, 0, i, &len);
		if (ar != NULL && bsd_ar_op(ar) == BSD_ARPOP_REQUEST &&
		    memcmp(bsd_ar_tpa(ar), &tip, 4) == 0 &&
		    memcmp(bsd_ar_spa(ar), &tip, 4) != 0)
			c++;
	}
	return c;
}

struct frameout {
	uint8_t	*buf;
	size_t	len;
};

static void
emit(void *arg, const uint8_t *f, size_t len)
{
	struct frameout *out = arg;

	memcpy(out->buf, f, len);
	out->len = len;
}

/* A hand-made ARP packet in a frame of md, from sha to tha. */
static size_t
arp_frame(const struct bsd_media *md, int op, const uint8_t *sha,
    uint32_t spa, const uint8_t *tha, uint32_t tpa, uint8_t *frame)
{
	static uint8_t state[1 << 20];
	uint8_t ar[64];
	unsigned hln = md->md_addrlen;
	struct frameout out = { frame, 0 };

	memset(ar, 0, sizeof(ar));
	bsd_be16enc(ar, md->md_arphrd);
	bsd_be16enc(ar + 2, md->md_arppro);
	ar[4] = (uint8_t)hln;
	ar[5] = 4;
	bsd_be16enc(ar + 6, (uint16_t)op);
	memcpy(bsd_ar_sha(ar), sha, hln);
	memcpy(bsd_ar_spa(ar), &spa, 4);
	memcpy(bsd_ar_tha(ar), tha, hln);
	memcpy(bsd_ar_tpa(ar), &tpa, 4);
	memset(state, 0, md->md_statesize);
	md->md_init(state, 0);
	assert_int_equal(md->md_output(state, sha, tha, BSD_LLPROTO_ARP, ar,
	    BSD_ARP_LEN(hln, 4), emit, &out), 0);
	return out.len;
}

static void
test_gratuitous_on_address_add(void **state)
{
	const uint8_t *ar;
	uint32_t a = fx_ip("10.0.0.1");
	size_t i, len;

	(void)state;
	for (i = 0; i < NMEDIA; i++) {
		struct net *n = pair(media[i]);

		/* The first frame on the wire announces host 0's address. */
		ar = net_arp_of(n, 0, 0, &len);
		assert_non_null(ar);
		assert_int_equal(bsd_ar_hrd(ar), media[i]->md_arphrd);
		assert_int_equal(bsd_ar_pro(ar), media[i]->md_arppro);
		assert_int_equal(bsd_ar_hln(ar), media[i]->md_addrlen);
		assert_int_equal(bsd_ar_op(ar), BSD_ARPOP_REQUEST);
		assert_memory_equal(bsd_ar_spa(ar), &a, 4);
		assert_memory_equal(bsd_ar_tpa(ar), &a, 4);
		net_free(n);
	}
}

static void
test_request_reply_ping(void **state)
{
	struct bsd_rtentry *rt;
	uint8_t llb[BSD_LL_MAXADDRLEN];
	size_t i;

	(void)state;
	for (i = 0; i < NMEDIA; i++) {
		struct net *n = pair(media[i]);
		unsigned f0 = net_nframes(n, 0);

		assert_int_equal(bsd_icmp_echo(K(n, 0), fx_ip("10.0.0.2"), 7,
		    1, 32), 0);
		net_run(n, 10 * MS);
		assert_int_equal(count_requests(n, f0, fx_ip("10.0.0.2")), 1);
		assert_int_equal(n->n_host[0].h_nnotice, 1);
		assert_int_equal(n->n_host[0].h_notice[0].in_type,
		    BSD_ICMP_ECHOREPLY);
		assert_int_equal(n->n_host[0].h_notice[0].in_seq, 1);
		rt = bsd_rtlookup(K(n, 0), fx_ip("10.0.0.2"), 32);
		assert_non_null(rt);
		assert_true(rt->rt_flags & BSD_RTF_LLINFO);
		assert_true(rt->rt_flags & BSD_RTF_CLONED);
		assert_int_equal(rt->rt_gw.sdl.sdl_alen, media[i]->md_addrlen);
		net_lladdr(media[i], 1, llb);
		assert_memory_equal(BSD_LLADDR(&rt->rt_gw.sdl), llb,
		    media[i]->md_addrlen);
		/* Resolved: it lives arpt_keep from the reply. */
		assert_int_equal(rt->rt_rmx.rmx_expire,
		    bsd_time_second(K(n, 0)) + 1200);
		/* B learned A from the request aimed at it (RFC 826). */
		assert_non_null(bsd_rtlookup(K(n, 1), fx_ip("10.0.0.1"), 32));
		net_free(n);
	}
}

static void
test_proxy_published(void **state)
{
	uint8_t llc[BSD_LL_MAXADDRLEN];
	struct bsd_rtentry *rt;
	size_t i;

	(void)state;
	for (i = 0; i < NMEDIA; i++) {
		struct net *n = pair(media[i]);

		assert_int_equal(net_add_host(n, "netbsd-2"), 2);
		(void)net_attach(n, 2, 0, media[i], NULL, "10.0.0.3/24", 0);
		net_lladdr(media[i], 2, llc);
		assert_int_equal(bsd_arp_set(K(n, 2), fx_ip("10.0.0.99"), llc,
		    media[i]->md_addrlen, BSD_ATF_PUBL), 0);
		(void)bsd_icmp_echo(K(n, 0), fx_ip("10.0.0.99"), 7, 1, 8);
		net_run(n, 10 * MS);
		rt = bsd_rtlookup(K(n, 0), fx_ip("10.0.0.99"), 32);
		assert_non_null(rt);
		assert_int_equal(rt->rt_gw.sdl.sdl_alen, media[i]->md_addrlen);
		assert_memory_equal(BSD_LLADDR(&rt->rt_gw.sdl), llc,
		    media[i]->md_addrlen);
		assert_int_equal(K(n, 2)->k_arp.ar_stat.as_sndreply, 1);
		net_free(n);
	}
}

static void
test_duplicate_address(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < NMEDIA; i++) {
		struct net *n = pair(media[i]);

		/* Host 2 comes up claiming host 1's address. */
		assert_int_equal(net_add_host(n, "netbsd-2"), 2);
		(void)net_attach(n, 2, 0, media[i], NULL, "10.0.0.2/24", 0);
		net_run(n, MS);
		assert_int_equal(K(n, 1)->k_arp.ar_stat.as_rcvlocalspa, 1);
		assert_non_null(strstr(n->n_host[1].h_lastlog,
		    "duplicate IP address 10.0.0.2 sent from link address"));
		/* ... and host 1 defends it with a reply. */
		assert_int_equal(K(n, 1)->k_arp.ar_stat.as_sndreply, 1);
		net_free(n);
	}
}

static void
test_overwrite_learned_entry(void **state)
{
	uint8_t lla[BSD_LL_MAXADDRLEN], evil[BSD_LL_MAXADDRLEN];
	uint8_t frame[256];
	struct bsd_rtentry *rt;
	size_t i, len;

	(void)state;
	for (i = 0; i < NMEDIA; i++) {
		struct net *n = pair(media[i]);

		(void)bsd_icmp_echo(K(n, 0), fx_ip("10.0.0.2"), 7, 1, 8);
		net_run(n, 10 * MS);
		net_lladdr(media[i], 0, lla);
		net_lladdr(media[i], 5, evil);
		len = arp_frame(media[i], BSD_ARPOP_REPLY, evil,
		    fx_ip("10.0.0.2"), lla, fx_ip("10.0.0.1"), frame);
		net_inject(n, 0, 5, frame, len);
		rt = bsd_rtlookup(K(n, 0), fx_ip("10.0.0.2"), 32);
		assert_memory_equal(BSD_LLADDR(&rt->rt_gw.sdl), evil,
		    media[i]->md_addrlen);
		assert_int_equal(K(n, 0)->k_arp.ar_stat.as_rcvover, 1);
		assert_non_null(strstr(n->n_host[0].h_lastlog,
		    "arp info overwritten for 10.0.0.2 by"));
		net_free(n);
	}
}

static void
test_permanent_entry_not_overwritten(void **state)
{
	uint8_t lla[BSD_LL_MAXADDRLEN], llb[BSD_LL_MAXADDRLEN];
	uint8_t evil[BSD_LL_MAXADDRLEN], frame[256];
	struct bsd_rtentry *rt;
	size_t i, len;

	(void)state;
	for (i = 0; i < NMEDIA; i++) {
		struct net *n = pair(media[i]);

		net_lladdr(media[i], 0, lla);
		net_lladdr(media[i], 1, llb);
		net_lladdr(media[i], 5, evil);
		assert_int_equal(bsd_arp_set(K(n, 0), fx_ip("10.0.0.2"), llb,
		    media[i]->md_addrlen, BSD_ATF_PERM), 0);
		len = arp_frame(media[i], BSD_ARPOP_REPLY, evil,
		    fx_ip("10.0.0.2"), lla, fx_ip("10.0.0.1"), frame);
		net_inject(n, 0, 5, frame, len);
		rt = bsd_rtlookup(K(n, 0), fx_ip("10.0.0.2"), 32);
		assert_true(rt->rt_flags & BSD_RTF_STATIC);
		assert_int_equal(rt->rt_rmx.rmx_expire, 0);
		assert_memory_equal(BSD_LLADDR(&rt->rt_gw.sdl), llb,
		    media[i]->md_addrlen);
		assert_int_equal(K(n, 0)->k_arp.ar_stat.as_rcvoverperm, 1);
		assert_non_null(strstr(n->n_host[0].h_lastlog,
		    "tried to overwrite permanent arp info for 10.0.0.2"));
		net_free(n);
	}
}

static void
test_reject_after_five_tries(void **state)
{
	uint32_t ghost = fx_ip("10.0.0.77");
	struct bsd_rtentry *rt;
	unsigned f0;
	size_t i;
	int t;

	(void)state;
	for (i = 0; i < NMEDIA; i++) {
		struct net *n = pair(media[i]);

		past_first_sweep(n);
		f0 = net_nframes(n, 0);
		/* A ping every 100 ms to nobody, for 10 s. */
		for (t = 0; t < 100; t++) {
			(void)bsd_icmp_echo(K(n, 0), ghost, 7, (uint16_t)t, 8);
			net_run(n, 100 * MS);
		}
		assert_int_equal(count_requests(n, f0, ghost), 5);
		rt = bsd_rtlookup(K(n, 0), ghost, 32);
		assert_non_null(rt);
		assert_true(rt->rt_flags & BSD_RTF_REJECT);
		assert_true(K(n, 0)->k_arp.ar_stat.as_rejected > 40);
		/* arpt_down (20 s) later it asks again. */
		for (t = 0; t < 200; t++) {
			(void)bsd_icmp_echo(K(n, 0), ghost, 7, (uint16_t)t, 8);
			net_run(n, 100 * MS);
		}
		assert_true(count_requests(n, f0, ghost) > 5);
		net_free(n);
	}
}

static void
test_one_request_per_second(void **state)
{
	uint32_t ghost = fx_ip("10.0.0.77");
	unsigned f0;
	size_t i;
	int t;

	(void)state;
	for (i = 0; i < NMEDIA; i++) {
		struct net *n = pair(media[i]);

		net_run(n, SEC - n->n_now % SEC);	/* start of a second */
		f0 = net_nframes(n, 0);
		for (t = 0; t < 10; t++) {
			(void)bsd_icmp_echo(K(n, 0), ghost, 7, (uint16_t)t, 8);
			net_run(n, 50 * MS);
		}
		assert_int_equal(count_requests(n, f0, ghost), 1);
		net_free(n);
	}
}

static void
test_held_packet_replaced(void **state)
{
	struct bsd_inpcb *so;
	uint8_t data[40];
	size_t i;

	(void)state;
	memset(data, 0xab, sizeof(data));
	for (i = 0; i < NMEDIA; i++) {
		struct net *n = pair(media[i]);

		(void)net_udp_sink(n, 1, 9);
		so = bsd_udp_socket(K(n, 0), NULL, NULL);
		/* Three datagrams before any reply can come: only one is held. */
		assert_int_equal(bsd_udp_sendto(K(n, 0), so, data, 10,
		    fx_ip("10.0.0.2"), bsd_htons(9)), 0);
		assert_int_equal(bsd_udp_sendto(K(n, 0), so, data, 20,
		    fx_ip("10.0.0.2"), bsd_htons(9)), 0);
		assert_int_equal(bsd_udp_sendto(K(n, 0), so, data, 30,
		    fx_ip("10.0.0.2"), bsd_htons(9)), 0);
		net_run(n, 10 * MS);
		assert_int_equal(n->n_host[1].h_udprecv, 1);
		assert_int_equal(n->n_host[1].h_udplast, 30);
		assert_int_equal(K(n, 0)->k_arp.ar_stat.as_dfrdropped, 2);
		assert_int_equal(K(n, 0)->k_arp.ar_stat.as_dfrsent, 1);
		net_free(n);
	}
}

static void
resolver(void *arg, const struct bsd_rt_msg *m)
{
	int *asked = arg;

	if (m->rtm_type == BSD_RTM_RESOLVE)
		(*asked)++;
}

static void
test_user_level_resolver(void **state)
{
	uint8_t llb[BSD_LL_MAXADDRLEN];
	struct bsd_rtentry *parent;
	unsigned f0;
	size_t i;
	int asked;

	(void)state;
	for (i = 0; i < NMEDIA; i++) {
		struct net *n = pair(media[i]);

		asked = 0;
		assert_int_equal(bsd_rtsock_subscribe(K(n, 0), resolver,
		    &asked), 0);
		parent = bsd_rtlookup(K(n, 0), fx_ip("10.0.0.0"), 24);
		parent->rt_flags |= BSD_RTF_XRESOLVE;
		past_first_sweep(n);
		f0 = net_nframes(n, 0);
		(void)bsd_icmp_echo(K(n, 0), fx_ip("10.0.0.2"), 7, 1, 8);
		/* A daemon that takes 200 ms to answer. */
		net_run(n, 200 * MS);
		/* Announced once; no ARP from the kernel; packet held. */
		assert_int_equal(asked, 1);
		assert_int_equal(count_requests(n, f0, fx_ip("10.0.0.2")), 0);
		assert_int_equal(n->n_host[0].h_nnotice, 0);
		/* The daemon answers through the routing socket. */
		net_lladdr(media[i], 1, llb);
		assert_int_equal(bsd_arp_xresolve(K(n, 0), fx_ip("10.0.0.2"),
		    llb, media[i]->md_addrlen), 0);
		net_run(n, 10 * MS);
		assert_int_equal(n->n_host[0].h_nnotice, 1);
		assert_int_equal(K(n, 0)->k_arp.ar_stat.as_xresolved, 1);
		net_free(n);
	}
}

static void
test_unanswered_entry_swept(void **state)
{
	struct bsd_rtentry *parent;
	struct net *n = pair(&bsd_media_ether);
	int asked = 0;

	(void)state;
	assert_int_equal(bsd_rtsock_subscribe(K(n, 0), resolver, &asked), 0);
	parent = bsd_rtlookup(K(n, 0), fx_ip("10.0.0.0"), 24);
	parent->rt_flags |= BSD_RTF_XRESOLVE;
	past_first_sweep(n);
	(void)bsd_icmp_echo(K(n, 0), fx_ip("10.0.0.2"), 7, 1, 8);
	assert_int_equal(K(n, 0)->k_arp.ar_stat.as_dfrtotal, 1);
	/* Nobody answers: the next sweep (300 s) frees it and its packet. */
	net_run(n, 299 * SEC);
	assert_non_null(bsd_rtlookup(K(n, 0), fx_ip("10.0.0.2"), 32));
	net_run(n, 2 * SEC);
	assert_null(bsd_rtlookup(K(n, 0), fx_ip("10.0.0.2"), 32));
	assert_int_equal(bsd_arp_xresolve(K(n, 0), fx_ip("10.0.0.2"),
	    (const uint8_t *)"\x02\x00\x5e\x00\x00\x11", 6), ESRCH);
	assert_int_equal(n->n_host[0].h_nnotice, 0);
	net_free(n);
}

static void
test_bad_packets_counted(void **state)
{
	uint8_t pkt[64];
	struct net *n = pair(&bsd_media_ether);
	struct bsd_arpstat *st = &K(n, 0)->k_arp.ar_stat;

	(void)state;
	memset(pkt, 0, sizeof(pkt));
	bsd_arpinput(K(n, 0), n->n_host[0].h_ifp[0], pkt, 7);
	assert_int_equal(st->as_rcvbadlen, 1);
	/* hln 200: longer than the packet */
	pkt[4] = 200;
	pkt[5] = 4;
	bsd_arpinput(K(n, 0), n->n_host[0].h_ifp[0], pkt, sizeof(pkt));
	assert_int_equal(st->as_rcvbadlen, 2);
	/* a protocol other than IP */
	pkt[4] = 6;
	bsd_be16enc(pkt + 2, 0x86dd);
	bsd_arpinput(K(n, 0), n->n_host[0].h_ifp[0], pkt, sizeof(pkt));
	assert_int_equal(st->as_rcvbadproto, 1);
	/* target 0.0.0.0 */
	bsd_be16enc(pkt + 2, BSD_ETHERTYPE_IP);
	bsd_arpinput(K(n, 0), n->n_host[0].h_ifp[0], pkt, sizeof(pkt));
	assert_int_equal(st->as_rcvzerotpa, 1);
	assert_int_equal(bsd_rt_count(K(n, 0), BSD_RTK_ARP), 0);
	net_free(n);
}

/*
 * arpt_keep (20 min) from another side: an entry set by hand (arp -s,
 * not permanent) and never used lives exactly arpt_keep.  Set just after
 * the first sweep (t = 1 s), it expires at t = 1201 s, which is a sweep
 * (every arpt_prune = 300 s from the first): it survives the sweep at
 * 901 s and is freed by the one at 1201 s, with no refresh request, since
 * nothing used it.
 */
static void
test_static_entry_lives_arpt_keep(void **state)
{
	static const uint8_t ll[6] = { 0x02, 0, 0x5e, 0, 0, 0x4d };
	struct net *n = pair(&bsd_media_ether);
	struct bsd_rtentry *rt;
	unsigned f0;

	(void)state;
	assert_int_equal(K(n, 0)->k_pers.p_tun.arpt_keep, 1200);
	assert_int_equal(K(n, 0)->k_pers.p_tun.arpt_prune, 300);
	past_first_sweep(n);
	assert_int_equal(bsd_arp_set(K(n, 0), fx_ip("10.0.0.77"), ll, 6, 0),
	    0);
	rt = bsd_rtlookup(K(n, 0), fx_ip("10.0.0.77"), 32);
	assert_non_null(rt);
	assert_int_equal(rt->rt_rmx.rmx_expire,
	    bsd_time_second(K(n, 0)) + 1200);
	f0 = net_nframes(n, 0);
	net_run(n, 1199 * SEC);		/* t = 1200.5: past the 901 s sweep */
	assert_non_null(bsd_rtlookup(K(n, 0), fx_ip("10.0.0.77"), 32));
	net_run(n, 1 * SEC);		/* t = 1201.5: past the 1201 s sweep */
	assert_null(bsd_rtlookup(K(n, 0), fx_ip("10.0.0.77"), 32));
	assert_int_equal(count_requests(n, f0, fx_ip("10.0.0.77")), 0);
	net_free(n);
}

/* Host 0 (personality pers, 10.0.0.1) and a router, host 1, at 10.0.0.2. */
static struct net *
pair_gw(const char *pers, const struct bsd_media *md)
{
	struct net *n = net_new();
	struct bsd_sockaddr_in d, g, m;

	assert_int_equal(net_add_host(n, pers), 0);
	assert_int_equal(net_add_host(n, "netbsd-2"), 1);
	(void)net_attach(n, 0, 0, md, NULL, "10.0.0.1/24", 0);
	(void)net_attach(n, 1, 0, md, NULL, "10.0.0.2/24", 0);
	bsd_sin_init(&d, 0);
	bsd_sin_init(&g, fx_ip("10.0.0.2"));
	bsd_sin_mask(&m, 0);
	assert_int_equal(bsd_rtrequest(K(n, 0), BSD_RTM_ADD,
	    (struct bsd_sockaddr *)&d, (struct bsd_sockaddr *)&g,
	    (struct bsd_sockaddr *)&m, BSD_RTF_GATEWAY | BSD_RTF_STATIC,
	    NULL), 0);
	net_run(n, MS);
	return n;
}

/* A request for tpa from (sha, spa), injected on segment 0 by host 1. */
static void
spoof_request(struct net *n, const uint8_t *sha, uint32_t spa, uint32_t tpa)
{
	uint8_t frame[NET_FRAMEMAX];
	size_t len;

	/* Broadcast, as a request is; its ar_tha is not looked at. */
	len = arp_frame(&bsd_media_ether, BSD_ARPOP_REQUEST, sha, spa,
	    bsd_media_ether.md_broadcast, tpa, frame);
	net_inject(n, 0, 1, frame, len);
}

/*
 * FreeBSD-SA-03:14.arp.  A request for our address from a sender off
 * the subnet makes in_arpinput() call arplookup(create).  On freebsd-4
 * rtalloc1() clones the RTF_PRCLONING default route; the clone is a
 * gateway route, so arplookup() gives up, and before the fix (RELENG_4
 * if_ether.c 1.64.2.23) it leaves the clone in the table, unreferenced
 * and on no timer: one route per spoofed sender, for ever.  With the
 * fix nothing stays.  netbsd-2 does not clone a gateway route at all.
 */
static void
test_sa0314_offlink_sender(void **state)
{
	static const uint8_t sha[6] = { 0x02, 0, 0x5e, 0, 0x66, 0x01 };
	const char *pers[] = { "freebsd-4", "freebsd-4", "netbsd-2" };
	uint64_t mem0;
	uint32_t spa;
	size_t i, j;

	(void)state;
	for (i = 0; i < 3; i++) {
		struct net *n = pair_gw(pers[i], &bsd_media_ether);

		if (i == 1)
			K(n, 0)->k_pers.p_arp_sa0314_fix = 1;
		print_message("%s, fix %d\n", pers[i],
		    K(n, 0)->k_pers.p_arp_sa0314_fix);
		past_first_sweep(n);
		mem0 = K(n, 0)->k_mem.mb_used;
		for (j = 0; j < 50; j++) {
			spa = bsd_htonl(0xc0a80000u + (uint32_t)j + 1);
			spoof_request(n, sha, spa, fx_ip("10.0.0.1"));
			net_run(n, MS);
		}
		/* Every request was answered (we are its target). */
		assert_int_equal(K(n, 0)->k_arp.ar_stat.as_sndreply, 50);
		assert_int_equal(bsd_rt_count(K(n, 0), BSD_RTK_ARP), 0);
		if (i == 0) {
			/* 192.168.0.x cloned from 0.0.0.0, left behind. */
			assert_int_equal(bsd_rt_count(K(n, 0), BSD_RTK_CLONED),
			    50);
			assert_non_null(bsd_rtlookup(K(n, 0),
			    fx_ip("192.168.0.7"), 32));
			assert_true(K(n, 0)->k_mem.mb_used > mem0);
			/* Nothing ever frees them: a day later, all there. */
			net_run(n, 86400 * SEC);
			assert_int_equal(bsd_rt_count(K(n, 0), BSD_RTK_CLONED),
			    50);
		} else {
			assert_int_equal(bsd_rt_count(K(n, 0), BSD_RTK_CLONED),
			    0);
			assert_null(bsd_rtlookup(K(n, 0), fx_ip("192.168.0.7"),
			    32));
			assert_int_equal(K(n, 0)->k_mem.mb_used, mem0);
		}
		net_free(n);
	}
}

/*
 * The same request from an on-link sender makes an ARP entry on every
 * BSD (RFC 826: we are the target); it is resolved and lives arpt_keep,
 * fix or no fix.  A request not aimed at us creates nothing.
 */
static void
test_onlink_sender_entry(void **state)
{
	static const uint8_t sha[6] = { 0x02, 0, 0x5e, 0, 0x66, 0x02 };
	struct bsd_rtentry *rt;
	struct net *n = pair_gw("freebsd-4", &bsd_media_ether);

	(void)state;
	past_first_sweep(n);
	spoof_request(n, sha, fx_ip("10.0.0.99"), fx_ip("10.0.0.1"));
	spoof_request(n, sha, fx_ip("10.0.0.98"), fx_ip("10.0.0.77"));
	net_run(n, MS);
	rt = bsd_rtlookup(K(n, 0), fx_ip("10.0.0.99"), 32);
	assert_non_null(rt);
	assert_true(rt->rt_flags & BSD_RTF_LLINFO);
	assert_int_equal(rt->rt_gw.sdl.sdl_alen, 6);
	assert_int_equal(rt->rt_rmx.rmx_expire,
	    bsd_time_second(K(n, 0)) + 1200);
	assert_null(bsd_rtlookup(K(n, 0), fx_ip("10.0.0.98"), 32));
	net_free(n);
}

/*
 * The sender address of a request is the address of the subnet whose
 * route cloned the entry: arpresolve() and arptimer() pass
 * rt->rt_ifa->ifa_addr (NetBSD if_arp.c 1.106, FreeBSD if_ether.c
 * 1.64.2.x), not the interface's first address.
 */
static void
test_request_from_route_ifa(void **state)
{
	const uint8_t *ar;
	uint32_t first = fx_ip("10.1.1.1"), second = fx_ip("10.2.2.1");
	uint32_t tip = fx_ip("10.2.2.7");
	struct net *n = net_new();
	struct bsd_ifnet *ifp;
	unsigned i, f0, seen = 0;
	size_t len;

	(void)state;
	assert_int_equal(net_add_host(n, "netbsd-2"), 0);
	assert_int_equal(net_add_host(n, "netbsd-2"), 1);
	ifp = net_attach(n, 0, 0, &bsd_media_ether, NULL, "10.1.1.1/24", 0);
	assert_int_equal(bsd_in_ifaddr_add(K(n, 0), ifp, second, 24), 0);
	(void)net_attach(n, 1, 0, &bsd_media_ether, NULL, "10.2.2.7/24", 0);
	net_run(n, MS);
	past_first_sweep(n);
	f0 = net_nframes(n, 0);
	assert_int_equal(bsd_icmp_echo(K(n, 0), tip, 7, 1, 32), 0);
	net_run(n, 10 * MS);
	for (i = f0; i < net_nframes(n, 0); i++) {
		ar = net_arp_of(n, 0, i, &len);
		if (ar == NULL || bsd_ar_op(ar) != BSD_ARPOP_REQUEST ||
		    memcmp(bsd_ar_tpa(ar), &tip, 4) != 0)
			continue;
		seen++;
		assert_memory_not_equal(bsd_ar_spa(ar), &first, 4);
		assert_memory_equal(bsd_ar_spa(ar), &second, 4);
	}
	assert_int_equal(seen, 1);
	assert_int_equal(n->n_host[0].h_nnotice, 1);
	net_free(n);
}

/*
 * arptimer's refresh: an entry in use with less than arpt_refresh left
 * is asked for again at the sweep (NetBSD if_arp.c 1.106).  FreeBSD 4's
 * arptimer (if_ether.c 1.64.2.x) has no such branch: it only frees.
 * The entry is resolved at t = 1.5 s and used until 1150 s; the sweep
 * at 1201 s finds 0.5 s left.
 */
static void
test_refresh_per_personality(void **state)
{
	const char *pers[] = { "netbsd-2", "freebsd-4", "netbsd-1.5" };
	const int want[] = { 1, 0, 1 };
	struct net *n;
	unsigned f0;
	size_t i;
	int t;

	(void)state;
	for (i = 0; i < 3; i++) {
		n = net_new();
		print_message("%s\n", pers[i]);
		assert_int_equal(net_add_host(n, pers[i]), 0);
		assert_int_equal(net_add_host(n, "netbsd-2"), 1);
		(void)net_attach(n, 0, 0, &bsd_media_ether, NULL,
		    "10.0.0.1/24", 0);
		(void)net_attach(n, 1, 0, &bsd_media_ether, NULL,
		    "10.0.0.2/24", 0);
		past_first_sweep(n);
		assert_int_equal(K(n, 0)->k_pers.p_arp_refresh, want[i]);
		for (t = 0; t < 1150; t += 50) {
			(void)bsd_icmp_echo(K(n, 0), fx_ip("10.0.0.2"), 7,
			    (uint16_t)t, 8);
			net_run(n, 50 * SEC);
		}
		f0 = net_nframes(n, 0);
		net_run(n, INT64_C(1201600000000) - n->n_now);
		assert_int_equal(count_requests(n, f0, fx_ip("10.0.0.2")),
		    (unsigned)want[i]);
		net_free(n);
	}
}

/*
 * No memory for an ARP entry: arpresolve() logs, frees the packet and
 * returns 0 (NetBSD 1.106, FreeBSD 1.64.2.x: "can't allocate llinfo"),
 * so sendto() succeeds and the datagram is simply lost.
 */
static void
test_no_llinfo_sendto_succeeds(void **state)
{
	struct net *n = pair(&bsd_media_ether);
	struct bsd_kernel *k = K(n, 0);
	struct bsd_inpcb *inp;
	unsigned logs;

	(void)state;
	past_first_sweep(n);
	(void)net_udp_sink(n, 1, 9);
	inp = bsd_udp_socket(k, NULL, NULL);
	assert_non_null(inp);
	/* Not one octet more: no clone, no llinfo. */
	k->k_mem.mb_limit = k->k_mem.mb_used;
	logs = n->n_host[0].h_logs;
	assert_int_equal(bsd_udp_sendto(k, inp, "x", 1, fx_ip("10.0.0.2"),
	    bsd_htons(9)), 0);
	net_run(n, 10 * MS);
	assert_int_equal(n->n_host[1].h_udprecv, 0);
	assert_true(n->n_host[0].h_logs > logs);
	assert_null(bsd_rtlookup(k, fx_ip("10.0.0.2"), 32));
	bsd_udp_close(k, inp);
	net_free(n);
}

/*
 * FreeBSD 4's arpintr() takes ar_hrd ETHER (1) or IEEE802 (6) only, and
 * in_arpinput() reads a struct ether_arp (6-octet addresses).  So a
 * freebsd-4 host on ARCnet (hrd 7) or AX.25 (hrd 3) drops every reply
 * and never resolves; on Ethernet and FDDI (hrd 1, RFC 1390) it does.
 */
static void
test_hrdcheck_freebsd4(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < NMEDIA; i++) {
		struct net *n = net_new();
		const struct bsd_media *md = media[i];
		int ok = md->md_arphrd == BSD_ARPHRD_ETHER;
		struct bsd_rtentry *rt;

		print_message("medium %s\n", md->md_name);
		assert_int_equal(net_add_host(n, "freebsd-4"), 0);
		assert_int_equal(net_add_host(n, "netbsd-2"), 1);
		(void)net_attach(n, 0, 0, md, NULL, "10.0.0.1/24", 0);
		(void)net_attach(n, 1, 0, md, NULL, "10.0.0.2/24", 0);
		past_first_sweep(n);
		assert_int_equal(bsd_icmp_echo(K(n, 0), fx_ip("10.0.0.2"), 7,
		    1, 8), 0);
		net_run(n, 3 * SEC);
		rt = bsd_rtlookup(K(n, 0), fx_ip("10.0.0.2"), 32);
		assert_non_null(rt);
		assert_int_equal(rt->rt_gw.sdl.sdl_alen != 0, ok);
		assert_int_equal(n->n_host[0].h_nnotice, ok ? 1 : 0);
		if (!ok)
			assert_true(strstr(n->n_host[0].h_lastlog,
			    "unknown hardware address format") != NULL);
		/* The switch off, the same host resolves on any medium. */
		K(n, 0)->k_pers.p_arp_hrdcheck = 0;
		(void)bsd_icmp_echo(K(n, 0), fx_ip("10.0.0.2"), 7, 2, 8);
		net_run(n, 3 * SEC);
		rt = bsd_rtlookup(K(n, 0), fx_ip("10.0.0.2"), 32);
		assert_non_null(rt);
		assert_int_not_equal(rt->rt_gw.sdl.sdl_alen, 0);
		net_free(n);
	}
}

/*
 * A published entry is a route (NetBSD: arp -s ... pub adds it through
 * the routing socket with RTF_ANNOUNCE): netstat shows it, it costs
 * routing memory, RTM_ADD announces it with a gratuitous request from
 * the published link address, and arp -d gives everything back.
 */
static void
test_proxy_is_route(void **state)
{
	static const uint8_t ll[6] = { 0x02, 0, 0x5e, 0, 0x77, 0x01 };
	uint32_t ip = fx_ip("10.0.0.99");
	struct net *n = pair(&bsd_media_ether);
	struct bsd_kernel *k = K(n, 0);
	struct bsd_rtentry *rt;
	const uint8_t *ar;
	uint64_t mem0, routes0;
	unsigned i, f0, seen = 0;
	size_t len;

	(void)state;
	past_first_sweep(n);
	mem0 = k->k_mem.mb_used;
	routes0 = bsd_rt_total(k);
	f0 = net_nframes(n, 0);
	assert_int_equal(bsd_arp_set(k, ip, ll, 6, BSD_ATF_PUBL | BSD_ATF_PERM),
	    0);
	net_run(n, MS);
	rt = bsd_rtlookup(k, ip, 32);
	assert_non_null(rt);
	assert_int_equal(rt->rt_flags & (BSD_RTF_LLINFO | BSD_RTF_STATIC |
	    BSD_RTF_ANNOUNCE), BSD_RTF_LLINFO | BSD_RTF_STATIC |
	    BSD_RTF_ANNOUNCE);
	assert_int_equal(rt->rt_rmx.rmx_expire, 0);
	assert_int_equal(bsd_rt_total(k), routes0 + 1);
	assert_true(k->k_mem.mb_used > mem0);
	for (i = f0; i < net_nframes(n, 0); i++) {
		ar = net_arp_of(n, 0, i, &len);
		if (ar != NULL && bsd_ar_op(ar) == BSD_ARPOP_REQUEST &&
		    memcmp(bsd_ar_spa(ar), &ip, 4) == 0 &&
		    memcmp(bsd_ar_tpa(ar), &ip, 4) == 0 &&
		    memcmp(bsd_ar_sha(ar), ll, 6) == 0)
			seen++;
	}
	assert_int_equal(seen, 1);
	/* Host 1 asks for it; host 0 answers with the published address. */
	(void)bsd_icmp_echo(K(n, 1), ip, 7, 1, 8);
	net_run(n, 10 * MS);
	assert_int_equal(k->k_arp.ar_stat.as_sndreply, 1);
	rt = bsd_rtlookup(K(n, 1), ip, 32);
	assert_non_null(rt);
	assert_memory_equal(BSD_LLADDR(&rt->rt_gw.sdl), ll, 6);
	assert_int_equal(bsd_arp_delete(k, ip), 0);
	assert_null(bsd_rtlookup(k, ip, 32));
	assert_int_equal(k->k_mem.mb_used, mem0);
	assert_int_equal(bsd_arp_delete(k, ip), ESRCH);
	net_free(n);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gratuitous_on_address_add),
		cmocka_unit_test(test_request_reply_ping),
		cmocka_unit_test(test_proxy_published),
		cmocka_unit_test(test_duplicate_address),
		cmocka_unit_test(test_overwrite_learned_entry),
		cmocka_unit_test(test_permanent_entry_not_overwritten),
		cmocka_unit_test(test_reject_after_five_tries),
		cmocka_unit_test(test_one_request_per_second),
		cmocka_unit_test(test_held_packet_replaced),
		cmocka_unit_test(test_user_level_resolver),
		cmocka_unit_test(test_unanswered_entry_swept),
		cmocka_unit_test(test_bad_packets_counted),
		cmocka_unit_test(test_static_entry_lives_arpt_keep),
		cmocka_unit_test(test_sa0314_offlink_sender),
		cmocka_unit_test(test_onlink_sender_entry),
		cmocka_unit_test(test_request_from_route_ifa),
		cmocka_unit_test(test_refresh_per_personality),
		cmocka_unit_test(test_no_llinfo_sendto_succeeds),
		cmocka_unit_test(test_hrdcheck_freebsd4),
		cmocka_unit_test(test_proxy_is_route),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
