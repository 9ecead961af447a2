/*
 * Tests for interfaces (bsd_if.c): attach, addresses, ifa lookups, detach.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "kern_fixture.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#define IFF_BCAST	(BSD_IFF_UP | BSD_IFF_BROADCAST | BSD_IFF_RUNNING)

static const uint8_t mac1[6] = { 0x08, 0x00, 0x2b, 0x00, 0x49, 0xa4 };
static const uint8_t mac2[6] = { 0x08, 0x00, 0x2b, 0x00, 0x49, 0xa5 };

#define T(f)	FX_TEST(f)

static struct fx *
bare(void)
{

	return fx_keep(fx_new_bare(
	    bsd_personality_find("netbsd-2")));
}

static struct bsd_ifaddr *
withaddr(struct fx *fx, const char *dotted)
{
	struct bsd_sockaddr_in sin = fx_sin(dotted);

	return bsd_ifa_ifwithaddr(fx->k, (struct bsd_sockaddr *)&sin);
}

static struct bsd_ifaddr *
withnet(struct fx *fx, const char *dotted)
{
	struct bsd_sockaddr_in sin = fx_sin(dotted);

	return bsd_ifa_ifwithnet(fx->k, (struct bsd_sockaddr *)&sin);
}

/* The i-th message of type, or fail. */
static const struct bsd_rt_msg *
nth_msg(const struct fx *fx, unsigned from, int type, unsigned nth)
{
	unsigned i;

	for (i = from; i < fx->nmsgs; i++)
		if (fx->msgs[i].rtm_type == type && nth-- == 0)
			return &fx->msgs[i];
	fail_msg("no %s message after #%u", bsd_rtm_name(type), from);
	return NULL;
}

static void
test_attach_ethernet_sadl(void **state)
{
	struct fx *fx = bare();
	struct bsd_ifnet *ifp;
	char buf[40];

	(void)state;
	ifp = bsd_if_attach(fx->k, "eth0", BSD_IFT_ETHER, mac1, 6, 1500,
	    IFF_BCAST);
	assert_non_null(ifp);
	assert_string_equal(ifp->if_xname, "eth0");
	assert_int_equal(ifp->if_index, 1);
	assert_int_equal(ifp->if_type, BSD_IFT_ETHER);
	assert_int_equal(ifp->if_addrlen, 6);
	assert_int_equal(ifp->if_mtu, 1500);
	assert_int_equal(ifp->if_flags, IFF_BCAST);
	/* The link address is the first ifaddr, and if_sadl points into it. */
	assert_non_null(ifp->if_sadl);
	assert_ptr_equal(BSD_TAILQ_FIRST(&ifp->if_addrlist), ifp->if_lladdr);
	assert_ptr_equal(ifp->if_sadl, &ifp->if_lladdr->ifa_addru.sdl);
	assert_ptr_equal(ifp->if_lladdr->ifa_ifp, ifp);
	assert_int_equal(ifp->if_sadl->sdl_family, BSD_AF_LINK);
	assert_int_equal(ifp->if_sadl->sdl_len,
	    sizeof(struct bsd_sockaddr_dl));
	assert_int_equal(ifp->if_sadl->sdl_index, 1);
	assert_int_equal(ifp->if_sadl->sdl_type, BSD_IFT_ETHER);
	assert_int_equal(ifp->if_sadl->sdl_alen, 6);
	assert_string_equal(bsd_link_ntoa(ifp->if_sadl, buf, sizeof(buf)),
	    "8:0:2b:0:49:a4");
	/* No IPv4 address yet. */
	assert_null(bsd_ifa_inet(ifp));
}

static void
test_attach_arcnet_one_octet(void **state)
{
	static const uint8_t sid[1] = { 0x2a };
	struct fx *fx = bare();
	struct bsd_ifnet *ifp;
	char buf[40];

	(void)state;
	ifp = bsd_if_attach(fx->k, "arc0", BSD_IFT_ARCNET, sid, 1, 1500,
	    IFF_BCAST);
	assert_non_null(ifp);
	assert_int_equal(ifp->if_addrlen, 1);
	assert_int_equal(ifp->if_sadl->sdl_alen, 1);
	assert_int_equal(ifp->if_sadl->sdl_type, BSD_IFT_ARCNET);
	assert_string_equal(bsd_link_ntoa(ifp->if_sadl, buf, sizeof(buf)),
	    "2a");
}

static void
test_attach_ax25_seven_octets(void **state)
{
	static const uint8_t call[7] = {
		0x9c, 0x60, 0x86, 0x82, 0x98, 0x98, 0x61
	};
	struct fx *fx = bare();
	struct bsd_ifnet *ifp;

	(void)state;
	ifp = bsd_if_attach(fx->k, "ax0", BSD_IFT_AX25, call, 7, 256,
	    IFF_BCAST);
	assert_non_null(ifp);
	assert_int_equal(ifp->if_addrlen, 7);
	assert_int_equal(ifp->if_sadl->sdl_alen, 7);
	assert_memory_equal(BSD_LLADDR(ifp->if_sadl), call, 7);
}

static void
test_attach_refuses_nine_octets(void **state)
{
	static const uint8_t nine[9] = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
	struct fx *fx = bare();
	struct bsd_ifnet *ifp;

	(void)state;
	assert_null(bsd_if_attach(fx->k, "big0", BSD_IFT_OTHER, nine, 9,
	    1500, IFF_BCAST));
	assert_true(BSD_TAILQ_EMPTY(&fx->k->k_ifnet));
	assert_null(bsd_if_byindex(fx->k, 1));
	/* Eight octets, the most a link address holds, is fine. */
	ifp = bsd_if_attach(fx->k, "ok0", BSD_IFT_OTHER, nine, 8, 1500,
	    IFF_BCAST);
	assert_non_null(ifp);
	assert_int_equal(ifp->if_sadl->sdl_alen, 8);
	/* The refused attach used no index. */
	assert_int_equal(ifp->if_index, 1);
}

static void
test_attach_indexes_and_byindex(void **state)
{
	struct fx *fx = bare();
	struct bsd_ifnet *a, *b;

	(void)state;
	a = bsd_if_attach(fx->k, "eth0", BSD_IFT_ETHER, mac1, 6, 1500,
	    IFF_BCAST);
	b = bsd_if_attach(fx->k, "eth1", BSD_IFT_ETHER, mac2, 6, 1500,
	    IFF_BCAST);
	assert_non_null(a);
	assert_non_null(b);
	assert_int_equal(a->if_index, 1);
	assert_int_equal(b->if_index, 2);
	assert_int_equal(b->if_sadl->sdl_index, 2);
	assert_ptr_equal(bsd_if_byindex(fx->k, 1), a);
	assert_ptr_equal(bsd_if_byindex(fx->k, 2), b);
	assert_null(bsd_if_byindex(fx->k, 3));
	assert_null(bsd_if_byindex(fx->k, 0));
}

static void
test_ifaddr_add_broadcast_route_clones(void **state)
{
	struct fx *fx = fx_keep(fx_new("netbsd-2"));
	struct bsd_ifaddr *ifa;
	struct bsd_rtentry *rt;

	(void)state;
	ifa = bsd_ifa_inet(fx->ifp);
	assert_non_null(ifa);
	assert_int_equal(ifa->ifa_addru.sin.sin_addr, fx_ip("10.0.0.1"));
	assert_int_equal(ifa->ifa_netmasku.sin.sin_addr,
	    fx_ip("255.255.255.0"));
	assert_int_equal(ifa->ifa_broadu.sin.sin_addr, fx_ip("10.0.0.255"));
	assert_int_equal(ifa->ifa_plen, 24);
	assert_ptr_equal(ifa->ifa_ifp, fx->ifp);
	/* arp_ifinit(): the subnet route is a cloning parent. */
	rt = fx_lookup(fx, "10.0.0.0", 24);
	assert_non_null(rt);
	assert_int_equal(rt->rt_flags, BSD_RTF_UP | BSD_RTF_CLONING);
	assert_ptr_equal(rt->rt_ifa, ifa);
	assert_ptr_equal(rt->rt_ifp, fx->ifp);
	assert_int_equal(rt->rt_kind, BSD_RTK_IFACE);
	/* ... so a neighbour gets a host route of its own. */
	rt = fx_touch(fx, "10.0.0.7");
	assert_non_null(rt);
	assert_int_equal(rt->rt_plen, 32);
}

static void
test_ifaddr_add_noarp_does_not_clone(void **state)
{
	struct fx *fx = bare();
	struct bsd_ifnet *ifp, *p2p;
	struct bsd_rtentry *rt;

	(void)state;
	ifp = bsd_if_attach(fx->k, "eth0", BSD_IFT_ETHER, mac1, 6, 1500,
	    IFF_BCAST | BSD_IFF_NOARP);
	assert_non_null(ifp);
	assert_int_equal(bsd_in_ifaddr_add(fx->k, ifp, fx_ip("10.0.0.1"), 24),
	    0);
	rt = fx_lookup(fx, "10.0.0.0", 24);
	assert_non_null(rt);
	assert_int_equal(rt->rt_flags & BSD_RTF_CLONING, 0);
	assert_int_equal(rt->rt_flags & BSD_RTF_UP, BSD_RTF_UP);
	assert_ptr_equal(fx_touch(fx, "10.0.0.7"), rt);
	assert_null(fx_lookup(fx, "10.0.0.7", 32));

	/* Nor does a point-to-point link (no IFF_BROADCAST). */
	p2p = bsd_if_attach(fx->k, "ppp0", BSD_IFT_OTHER, NULL, 0, 1500,
	    BSD_IFF_UP | BSD_IFF_POINTOPOINT | BSD_IFF_RUNNING);
	assert_non_null(p2p);
	assert_int_equal(bsd_in_ifaddr_add(fx->k, p2p, fx_ip("192.168.9.1"),
	    30), 0);
	rt = fx_lookup(fx, "192.168.9.0", 30);
	assert_non_null(rt);
	assert_int_equal(rt->rt_flags & BSD_RTF_CLONING, 0);
}

static void
test_ifaddr_add_host_address(void **state)
{
	struct fx *fx = bare();
	struct bsd_ifnet *ifp;
	struct bsd_rtentry *rt;

	(void)state;
	ifp = bsd_if_attach(fx->k, "eth0", BSD_IFT_ETHER, mac1, 6, 1500,
	    IFF_BCAST);
	assert_int_equal(bsd_in_ifaddr_add(fx->k, ifp, fx_ip("10.5.5.5"), 32),
	    0);
	/* A /32 is a host route, and host routes never clone. */
	rt = fx_lookup(fx, "10.5.5.5", 32);
	assert_non_null(rt);
	assert_int_equal(rt->rt_flags & (BSD_RTF_HOST | BSD_RTF_CLONING),
	    BSD_RTF_HOST);
}

static void
test_ifaddr_add_duplicate_eexist(void **state)
{
	struct fx *fx = fx_keep(fx_new("netbsd-2"));
	struct bsd_ifnet *ifp2;
	uint64_t total = bsd_rt_total(fx->k);

	(void)state;
	assert_int_equal(bsd_in_ifaddr_add(fx->k, fx->ifp, fx_ip("10.0.0.1"),
	    24), EEXIST);
	/* The address is the kernel's, whatever the interface. */
	ifp2 = bsd_if_attach(fx->k, "eth1", BSD_IFT_ETHER, mac2, 6, 1500,
	    IFF_BCAST);
	assert_int_equal(bsd_in_ifaddr_add(fx->k, ifp2, fx_ip("10.0.0.1"),
	    16), EEXIST);
	assert_null(bsd_ifa_inet(ifp2));
	assert_int_equal(bsd_rt_total(fx->k), total);
	/* And a prefix length past 32 is refused outright. */
	assert_int_equal(bsd_in_ifaddr_add(fx->k, ifp2, fx_ip("10.7.0.1"),
	    33), EINVAL);
	assert_null(bsd_ifa_inet(ifp2));
}

static void
test_ifwithnet_most_specific(void **state)
{
	struct fx *fx = fx_keep(fx_new("netbsd-2"));
	struct bsd_ifnet *ifp2, *ifp3;
	struct bsd_ifaddr *ifa;

	(void)state;
	ifp2 = bsd_if_attach(fx->k, "eth1", BSD_IFT_ETHER, mac2, 6, 1500,
	    IFF_BCAST);
	ifp3 = bsd_if_attach(fx->k, "eth2", BSD_IFT_ETHER, NULL, 0, 1500,
	    IFF_BCAST);
	/* The /16 first, so list order cannot be what picks the /24. */
	assert_int_equal(bsd_in_ifaddr_add(fx->k, ifp2, fx_ip("10.1.0.1"), 16),
	    0);
	assert_int_equal(bsd_in_ifaddr_add(fx->k, ifp3, fx_ip("10.1.2.1"), 24),
	    0);
	ifa = withnet(fx, "10.1.2.99");
	assert_non_null(ifa);
	assert_ptr_equal(ifa->ifa_ifp, ifp3);
	ifa = withnet(fx, "10.1.9.9");
	assert_non_null(ifa);
	assert_ptr_equal(ifa->ifa_ifp, ifp2);
	ifa = withnet(fx, "10.0.0.200");
	assert_non_null(ifa);
	assert_ptr_equal(ifa->ifa_ifp, fx->ifp);
	assert_null(withnet(fx, "192.168.1.1"));
	/* Not an AF_INET address: nothing. */
	assert_null(bsd_ifa_ifwithnet(fx->k,
	    (struct bsd_sockaddr *)fx->ifp->if_sadl));
}

static void
test_ifwithaddr(void **state)
{
	struct fx *fx = fx_keep(fx_new("netbsd-2"));
	struct bsd_ifaddr *ifa;

	(void)state;
	ifa = withaddr(fx, "10.0.0.1");
	assert_non_null(ifa);
	assert_ptr_equal(ifa, bsd_ifa_inet(fx->ifp));
	/* A neighbour, the subnet, the broadcast address: not ours. */
	assert_null(withaddr(fx, "10.0.0.2"));
	assert_null(withaddr(fx, "10.0.0.0"));
	assert_null(withaddr(fx, "10.0.0.255"));
	assert_null(bsd_ifa_ifwithaddr(fx->k,
	    (struct bsd_sockaddr *)fx->ifp->if_sadl));
}

static void
test_ifwithroute(void **state)
{
	struct fx *fx = fx_keep(fx_new("netbsd-2"));
	struct bsd_sockaddr_in dst = fx_sin("172.16.0.0");
	struct bsd_sockaddr_in gw = fx_sin("10.0.0.254");
	struct bsd_sockaddr_dl sdl;
	struct bsd_ifaddr *ifa = bsd_ifa_inet(fx->ifp);

	(void)state;
	/* Through a gateway: the address on the gateway's subnet. */
	assert_ptr_equal(bsd_ifa_ifwithroute(fx->k, BSD_RTF_GATEWAY,
	    (struct bsd_sockaddr *)&dst, (struct bsd_sockaddr *)&gw), ifa);
	/* An interface route naming the interface by its link address. */
	bsd_sdl_init(&sdl, fx->ifp->if_index, BSD_IFT_ETHER, NULL, 0);
	assert_ptr_equal(bsd_ifa_ifwithroute(fx->k, 0,
	    (struct bsd_sockaddr *)&dst, (struct bsd_sockaddr *)&sdl), ifa);
	sdl.sdl_index = 9;
	assert_null(bsd_ifa_ifwithroute(fx->k, 0,
	    (struct bsd_sockaddr *)&dst, (struct bsd_sockaddr *)&sdl));
	/* A gateway reachable only through another gateway: none. */
	gw = fx_sin("192.168.1.1");
	assert_null(bsd_ifa_ifwithroute(fx->k, BSD_RTF_GATEWAY,
	    (struct bsd_sockaddr *)&dst, (struct bsd_sockaddr *)&gw));
	assert_int_equal(fx_add(fx, "172.16.0.0", 16, "192.168.1.1",
	    BSD_RTF_GATEWAY | BSD_RTF_STATIC), ENETUNREACH);
}

static void
test_ifaddr_delete_unknown(void **state)
{
	struct fx *fx = fx_keep(fx_new("netbsd-2"));
	struct bsd_ifnet *ifp2;
	unsigned n = fx->nmsgs;

	(void)state;
	assert_int_equal(bsd_in_ifaddr_delete(fx->k, fx->ifp,
	    fx_ip("10.0.0.2")), EADDRNOTAVAIL);
	/* Ours, but on another interface: not this one's to remove. */
	ifp2 = bsd_if_attach(fx->k, "eth1", BSD_IFT_ETHER, mac2, 6, 1500,
	    IFF_BCAST);
	assert_int_equal(bsd_in_ifaddr_delete(fx->k, ifp2, fx_ip("10.0.0.1")),
	    EADDRNOTAVAIL);
	assert_non_null(withaddr(fx, "10.0.0.1"));
	assert_non_null(fx_lookup(fx, "10.0.0.0", 24));
	assert_int_equal(fx->nmsgs, n);
}

static void
test_ifaddr_delete_removes_route(void **state)
{
	struct fx *fx = fx_keep(fx_new("netbsd-2"));
	const struct bsd_rt_msg *clone, *del, *deladdr;
	unsigned from;

	(void)state;
	(void)fx_touch(fx, "10.0.0.7");
	assert_non_null(fx_lookup(fx, "10.0.0.7", 32));
	from = fx->nmsgs;
	assert_int_equal(bsd_in_ifaddr_delete(fx->k, fx->ifp,
	    fx_ip("10.0.0.1")), 0);
	assert_null(bsd_ifa_inet(fx->ifp));
	assert_null(withaddr(fx, "10.0.0.1"));
	assert_null(fx_lookup(fx, "10.0.0.0", 24));
	/*
	 * netbsd-2 flushes the subnet route's clones with it, each with
	 * its RTM_DELETE (rtflushclone1 calls rtdeletemsg), before the
	 * route's own; rt_newaddrmsg(RTM_DELETE): the route, then the
	 * address.
	 */
	assert_null(fx_lookup(fx, "10.0.0.7", 32));
	clone = nth_msg(fx, from, BSD_RTM_DELETE, 0);
	del = nth_msg(fx, from, BSD_RTM_DELETE, 1);
	deladdr = nth_msg(fx, from, BSD_RTM_DELADDR, 0);
	assert_int_equal(clone->rtm_sa[BSD_RTAX_DST].sin.sin_addr,
	    fx_ip("10.0.0.7"));
	assert_true(clone < del);
	assert_true(del < deladdr);
	assert_int_equal(del->rtm_sa[BSD_RTAX_DST].sin.sin_addr,
	    fx_ip("10.0.0.0"));
	assert_true(deladdr->rtm_addrs & BSD_RTA(BSD_RTAX_IFA));
	assert_int_equal(deladdr->rtm_sa[BSD_RTAX_IFA].sin.sin_addr,
	    fx_ip("10.0.0.1"));
	assert_int_equal(deladdr->rtm_index, fx->ifp->if_index);
	/* The interface itself stays, with its link address. */
	assert_ptr_equal(bsd_if_byindex(fx->k, 1), fx->ifp);
	assert_ptr_equal(BSD_TAILQ_FIRST(&fx->ifp->if_addrlist),
	    fx->ifp->if_lladdr);
}

/*
 * BUG (bsd_if.c, bsd_in_ifaddr_add): only RTM_NEWADDR is sent.  BSD's
 * rtinit() calls rt_newaddrmsg(RTM_ADD, ...), which sends RTM_NEWADDR
 * for the address and then RTM_ADD for the interface route (the mirror
 * of the RTM_DELETE + RTM_DELADDR pair that -alias sends here).
 */
static void
test_ifaddr_add_sends_newaddr_then_add(void **state)
{
	struct fx *fx = fx_keep(fx_new("netbsd-2"));
	struct bsd_ifnet *ifp2;
	const struct bsd_rt_msg *na, *add;
	unsigned from;

	(void)state;
	ifp2 = bsd_if_attach(fx->k, "eth1", BSD_IFT_ETHER, mac2, 6, 1500,
	    IFF_BCAST);
	from = fx->nmsgs;
	assert_int_equal(bsd_in_ifaddr_add(fx->k, ifp2, fx_ip("10.9.0.1"), 24),
	    0);
	na = nth_msg(fx, from, BSD_RTM_NEWADDR, 0);
	add = nth_msg(fx, from, BSD_RTM_ADD, 0);
	assert_true(na < add);
	assert_int_equal(add->rtm_sa[BSD_RTAX_DST].sin.sin_addr,
	    fx_ip("10.9.0.0"));
	assert_int_equal(add->rtm_index, ifp2->if_index);
}

/*
 * BUG (bsd_if.c, bsd_in_ifaddr_add): RTM_NEWADDR carries the subnet as
 * DST and the address as GATEWAY, but no RTA_IFA; RTM_DELADDR (and
 * BSD's rt_newaddrmsg for both) put the address in RTAX_IFA, so a
 * listener finds the new address where it finds the removed one.
 */
static void
test_newaddr_carries_ifa(void **state)
{
	struct fx *fx = fx_keep(fx_new("netbsd-2"));
	const struct bsd_rt_msg *na;

	(void)state;
	na = nth_msg(fx, 0, BSD_RTM_NEWADDR, 0);
	assert_int_equal(na->rtm_index, fx->ifp->if_index);
	assert_true(na->rtm_addrs & BSD_RTA(BSD_RTAX_NETMASK));
	assert_int_equal(na->rtm_sa[BSD_RTAX_NETMASK].sin.sin_addr,
	    fx_ip("255.255.255.0"));
	if ((na->rtm_addrs & BSD_RTA(BSD_RTAX_IFA)) == 0)
		fail_msg("RTM_NEWADDR has no RTA_IFA (rtm_addrs 0x%x)",
		    (unsigned)na->rtm_addrs);
	assert_int_equal(na->rtm_sa[BSD_RTAX_IFA].sin.sin_addr,
	    fx_ip("10.0.0.1"));
}

static void
test_detach_removes_its_routes(void **state)
{
	struct fx *fx = fx_keep(fx_new("netbsd-2"));
	struct bsd_ifnet *ifp2;
	struct bsd_rtentry *held;
	struct bsd_sockaddr_in dst;
	unsigned from;

	(void)state;
	ifp2 = bsd_if_attach(fx->k, "eth1", BSD_IFT_ETHER, mac2, 6, 1500,
	    IFF_BCAST);
	assert_int_equal(bsd_in_ifaddr_add(fx->k, ifp2, fx_ip("192.168.1.1"),
	    24), 0);
	assert_int_equal(fx_add(fx, "172.16.0.0", 16, "192.168.1.254",
	    BSD_RTF_GATEWAY | BSD_RTF_STATIC), 0);
	(void)fx_touch(fx, "192.168.1.7");
	(void)fx_touch(fx, "10.0.0.7");
	assert_int_equal(bsd_rt_total(fx->k), 6);
	/* Someone still holds the static route through eth1. */
	dst = fx_sin("172.16.3.4");
	held = bsd_rtalloc1(fx->k, (struct bsd_sockaddr *)&dst, 0, 0);
	assert_non_null(held);
	assert_ptr_equal(held->rt_ifp, ifp2);

	from = fx->nmsgs;
	bsd_if_detach(fx->k, ifp2);
	assert_null(fx_lookup(fx, "192.168.1.0", 24));
	assert_null(fx_lookup(fx, "192.168.1.7", 32));
	assert_null(fx_lookup(fx, "172.16.0.0", 16));
	assert_null(bsd_if_byindex(fx->k, 2));
	assert_null(withaddr(fx, "192.168.1.1"));
	assert_null(withnet(fx, "192.168.1.9"));
	/* eth0 and its routes are untouched. */
	assert_int_equal(bsd_rt_total(fx->k), 3);
	assert_non_null(fx_lookup(fx, "10.0.0.0", 24));
	assert_non_null(fx_lookup(fx, "10.0.0.7", 32));
	assert_non_null(fx_lookup(fx, "0.0.0.0", 0));
	/* Listeners heard the static route go. */
	assert_true(fx_nmsgs(fx, BSD_RTM_DELETE) >= 2);
	assert_non_null(nth_msg(fx, from, BSD_RTM_DELADDR, 0));
	/* The held route is dead but still ours to release. */
	assert_int_equal(held->rt_flags & BSD_RTF_UP, 0);
	bsd_rtfree(fx->k, held);
}

static void
test_detach_last_interface(void **state)
{
	struct fx *fx = fx_keep(fx_new("freebsd-4"));

	(void)state;
	(void)fx_touch(fx, "10.0.0.7");
	(void)fx_touch(fx, "192.168.3.3");
	bsd_if_detach(fx->k, fx->ifp);
	fx->ifp = NULL;
	assert_int_equal(bsd_rt_total(fx->k), 0);
	assert_true(BSD_TAILQ_EMPTY(&fx->k->k_ifnet));
	assert_true(BSD_TAILQ_EMPTY(&fx->k->k_ifa_gone));
	assert_null(fx_touch(fx, "10.0.0.7"));
}

struct firstframe {
	uint8_t	buf[600];
	size_t	len;
	int	n;
};

static void
keep_first(void *arg, const uint8_t *frame, size_t len)
{
	struct firstframe *f = arg;

	if (f->n++ == 0 && len <= sizeof(f->buf)) {
		memcpy(f->buf, frame, len);
		f->len = len;
	}
}

/* if_slowtimo: an ARCnet packet missing a fragment goes after 10 s. */
static void
test_slowtimo_expires_arcnet_partials(void **state)
{
	static uint8_t scratch[1 << 20];
	struct fx *fx = fx_keep(fx_new_bare(bsd_personality_find("netbsd-2")));
	const struct bsd_media *md = &bsd_media_arcnet;
	struct firstframe first = { { 0 }, 0, 0 };
	uint8_t me = 0x10, peer = 0x11, payload[1500];
	struct bsd_ifnet *ifp;

	(void)state;
	ifp = bsd_if_attach_media(fx->k, "arc0", md, &me, 0, BSD_IFF_UP);
	assert_non_null(ifp);
	memset(payload, 0x45, sizeof(payload));
	assert_true(md->md_statesize <= sizeof(scratch));
	memset(scratch, 0, md->md_statesize);
	md->md_init(scratch, 0);
	assert_int_equal(md->md_output(scratch, &peer, &me, BSD_LLPROTO_IP,
	    payload, sizeof(payload), keep_first, &first), 0);
	assert_int_equal(first.n, 3);
	bsd_if_input(fx->k, ifp, first.buf, first.len);
	assert_int_equal(ifp->if_stat.ifs_mddrop[BSD_MD_FRAGHELD], 1);
	fx_advance_s(fx, 10);
	assert_int_equal(ifp->if_stat.ifs_mddrop[BSD_MD_FRAGDROP], 0);
	fx_advance_s(fx, 2);
	assert_int_equal(ifp->if_stat.ifs_mddrop[BSD_MD_FRAGDROP], 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_slowtimo_expires_arcnet_partials),
		T(test_attach_ethernet_sadl),
		T(test_attach_arcnet_one_octet),
		T(test_attach_ax25_seven_octets),
		T(test_attach_refuses_nine_octets),
		T(test_attach_indexes_and_byindex),
		T(test_ifaddr_add_broadcast_route_clones),
		T(test_ifaddr_add_noarp_does_not_clone),
		T(test_ifaddr_add_host_address),
		T(test_ifaddr_add_duplicate_eexist),
		T(test_ifwithnet_most_specific),
		T(test_ifwithaddr),
		T(test_ifwithroute),
		T(test_ifaddr_delete_unknown),
		T(test_ifaddr_delete_removes_route),
		T(test_ifaddr_add_sends_newaddr_then_add),
		T(test_newaddr_carries_ifa),
		T(test_detach_removes_its_routes),
		T(test_detach_last_interface),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
