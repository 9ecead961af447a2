/*
 * Link-level input and output (bsd_llsubr.c) on every medium:
 * malformed frames counted and harmless, frames for other stations
 * ignored, a down interface, RTF_REJECT routes.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#define _POSIX_C_SOURCE 200809L	/* fork, waitpid */

#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "net_fixture.h"

#define MS	INT64_C(1000000)
#define SEC	INT64_C(1000000000)

static const struct bsd_media *const media[] = {
	&bsd_media_ether, &bsd_media_fddi, &bsd_media_arcnet, &bsd_media_ax25
};
#define NMEDIA	(sizeof(media) / sizeof(media[0]))

static struct bsd_kernel *
K(struct net *n, int h)
{

	return n->n_host[h].h_k;
}

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

struct frameout {
	uint8_t	*buf;
	size_t	len;
	int	n;
};

static void
emit(void *arg, const uint8_t *f, size_t len)
{
	struct frameout *out = arg;

	/* Keep the first frame: the only one for packets this small. */
	if (out->n++ == 0) {
		memcpy(out->buf, f, len);
		out->len = len;
	}
}

/* A frame of md carrying proto from host `from` to host `to`. */
static size_t
make_frame(const struct bsd_media *md, int from, int to, int proto,
    const uint8_t *pkt, size_t len, uint8_t *frame)
{
	static uint8_t state[1 << 20];
	uint8_t src[BSD_LL_MAXADDRLEN], dst[BSD_LL_MAXADDRLEN];
	struct frameout out = { frame, 0, 0 };

	net_lladdr(md, from, src);
	net_lladdr(md, to, dst);
	memset(state, 0, md->md_statesize);
	md->md_init(state, 0);
	assert_int_equal(md->md_output(state, src, dst, proto, pkt, len, emit,
	    &out), 0);
	assert_int_equal(out.n, 1);
	return out.len;
}

/* An ICMP echo request from 10.0.0.1 to 10.0.0.2 at p. */
static size_t
ping_packet(uint8_t *p)
{
	struct bsd_ip ip;
	uint16_t sum;
	size_t len = BSD_IP_HLEN + 8 + 16;

	memset(p, 0, len);
	memset(&ip, 0, sizeof(ip));
	ip.ip_vhl = 0x45;
	ip.ip_len = bsd_htons((uint16_t)len);
	ip.ip_ttl = 64;
	ip.ip_p = BSD_IPPROTO_ICMP;
	ip.ip_src = fx_ip("10.0.0.1");
	ip.ip_dst = fx_ip("10.0.0.2");
	memcpy(p, &ip, sizeof(ip));
	sum = bsd_htons(bsd_in_cksum(p, BSD_IP_HLEN));
	memcpy(p + 10, &sum, 2);
	p[BSD_IP_HLEN] = BSD_ICMP_ECHO;
	sum = bsd_htons(bsd_in_cksum(p + BSD_IP_HLEN, len - BSD_IP_HLEN));
	memcpy(p + BSD_IP_HLEN + 2, &sum, 2);
	return len;
}

/* One frame per kind of damage, and the md_input result it earns. */
static size_t
damage(const struct bsd_media *md, int kind, const uint8_t *good,
    size_t glen, uint8_t *f, int *why)
{
	memcpy(f, good, glen);
	switch (kind) {
	case 0:
		/* Cut inside the link header. */
		*why = BSD_MD_SHORT;
		return 2;
	case 1:
		/* A malformed link header. */
		*why = BSD_MD_BADHDR;
		if (md == &bsd_media_ether) {
			/* a giant: 1501 octets of payload */
			memset(f + glen, 0, 1600 - glen);
			return 14 + 1501;
		}
		if (md == &bsd_media_fddi) {
			f[14] = 0x42;	/* SNAP DSAP, but SSAP is not */
			return glen;
		}
		if (md == &bsd_media_arcnet) {
			/* exception frame, padding not FF FF */
			f[3] = 0xff;
			f[4] = 0x00;
			return glen;
		}
		/* AX.25: no address ends (no E bit) in 16 octets */
		f[6] &= (uint8_t)~1;
		f[13] &= (uint8_t)~1;
		return 16;
	case 2:
		/* A protocol we do not speak. */
		*why = BSD_MD_UNKPROTO;
		if (md == &bsd_media_ether) {
			f[12] = 0x86;		/* IPv6 */
			f[13] = 0xdd;
		} else if (md == &bsd_media_fddi) {
			f[19] = 0x86;		/* IPv6 after the SNAP header */
			f[20] = 0xdd;
		} else if (md == &bsd_media_arcnet)
			f[2] = 0xc4;		/* ARCTYPE_INET6 */
		else
			f[15] = 0xf0;		/* AX.25 PID: no layer 3 */
		return glen;
	default:
		/* ARCnet: a continuation with no first fragment. */
		*why = BSD_MD_FRAGDROP;
		f[3] = 2;
		return glen;
	}
}

/*
 * Every medium: damaged frames from host 0 reach host 1, which counts
 * each by reason and changes nothing: no route, no ARP entry, no reply.
 */
static void
test_malformed_frames_counted(void **state)
{
	uint8_t pkt[128], good[256], f[2048];
	size_t i, glen, flen;
	int kind, nkinds, why;

	(void)state;
	for (i = 0; i < NMEDIA; i++) {
		struct net *n = pair(media[i]);
		struct bsd_ifstat *st = &n->n_host[1].h_ifp[0]->if_stat;
		uint64_t total = bsd_rt_total(K(n, 1));
		uint64_t arp = bsd_rt_count(K(n, 1), BSD_RTK_ARP);
		uint64_t ierr = st->ifs_ierrors, noproto = st->ifs_noproto;
		uint64_t ipin = K(n, 1)->k_ip.is_stat.ips_total;
		uint64_t arpin = K(n, 1)->k_arp.ar_stat.as_rcvtotal;
		unsigned f0 = net_nframes(n, 0);

		glen = make_frame(media[i], 0, 1, BSD_LLPROTO_IP, pkt,
		    ping_packet(pkt), good);
		nkinds = media[i] == &bsd_media_arcnet ? 4 : 3;
		for (kind = 0; kind < nkinds; kind++) {
			uint64_t before;

			flen = damage(media[i], kind, good, glen, f, &why);
			before = st->ifs_mddrop[why];
			net_inject(n, 0, 0, f, flen);
			assert_int_equal(st->ifs_mddrop[why], before + 1);
			if (why == BSD_MD_UNKPROTO)
				assert_int_equal(st->ifs_noproto, ++noproto);
			else
				assert_int_equal(st->ifs_ierrors, ++ierr);
		}
		net_run(n, 10 * MS);
		assert_int_equal(K(n, 1)->k_ip.is_stat.ips_total, ipin);
		assert_int_equal(K(n, 1)->k_arp.ar_stat.as_rcvtotal, arpin);
		assert_int_equal(bsd_rt_total(K(n, 1)), total);
		assert_int_equal(bsd_rt_count(K(n, 1), BSD_RTK_ARP), arp);
		assert_int_equal(net_nframes(n, 0), f0);
		/* The undamaged frame goes through: the damage did it. */
		net_inject(n, 0, 0, good, glen);
		net_run(n, 10 * MS);
		assert_int_equal(K(n, 1)->k_icmp.ic_stat.icps_reflect, 1);
		net_free(n);
	}
}

/* A frame for another station is none of ours, whatever it carries. */
static void
test_other_station_ignored(void **state)
{
	uint8_t pkt[128], frame[256];
	size_t i, flen;

	(void)state;
	for (i = 0; i < NMEDIA; i++) {
		struct net *n = pair(media[i]);
		unsigned f0 = net_nframes(n, 0);
		uint64_t total = bsd_rt_total(K(n, 1));

		/* From host 0 to host 5, though for 10.0.0.2's IP. */
		flen = make_frame(media[i], 0, 5, BSD_LLPROTO_IP, pkt,
		    ping_packet(pkt), frame);
		net_inject(n, 0, 0, frame, flen);
		net_run(n, 10 * MS);
		assert_int_equal(K(n, 1)->k_ip.is_stat.ips_total, 0);
		assert_int_equal(K(n, 1)->k_icmp.ic_stat.icps_reflect, 0);
		assert_int_equal(n->n_host[1].h_ifp[0]->if_stat.ifs_ierrors,
		    0);
		assert_int_equal(bsd_rt_total(K(n, 1)), total);
		assert_int_equal(net_nframes(n, 0), f0);
		net_free(n);
	}
}

/* Down: output gives ENETDOWN, input is ignored (ether_input). */
static void
test_down_interface(void **state)
{
	uint8_t pkt[128], frame[256];
	struct bsd_sockaddr_in dst = fx_sin("10.0.0.2");
	struct bsd_mbuf *m;
	struct bsd_ifnet *ifp;
	size_t i, len, flen;

	(void)state;
	for (i = 0; i < NMEDIA; i++) {
		struct net *n = pair(media[i]);
		unsigned f0 = net_nframes(n, 0);

		ifp = n->n_host[0].h_ifp[0];
		ifp->if_flags &= ~(uint32_t)BSD_IFF_UP;
		len = ping_packet(pkt);
		m = bsd_m_copy(pkt, (uint32_t)len);
		assert_non_null(m);
		assert_int_equal(bsd_if_output(K(n, 0), ifp, m,
		    (struct bsd_sockaddr *)&dst, NULL), ENETDOWN);
		assert_int_equal(bsd_icmp_echo(K(n, 0), fx_ip("10.0.0.2"), 1,
		    1, 8), ENETDOWN);
		net_run(n, 10 * MS);
		assert_int_equal(net_nframes(n, 0), f0);
		/* A frame arriving on it is not taken in. */
		flen = make_frame(media[i], 1, 0, BSD_LLPROTO_IP, pkt,
		    ping_packet(pkt), frame);
		net_inject(n, 0, 1, frame, flen);
		assert_int_equal(K(n, 0)->k_ip.is_stat.ips_total, 0);
		/* Up again, it works. */
		ifp->if_flags |= BSD_IFF_UP;
		assert_int_equal(bsd_icmp_echo(K(n, 0), fx_ip("10.0.0.2"), 1,
		    2, 8), 0);
		net_run(n, 20 * MS);
		assert_int_equal(n->n_host[0].h_nnotice, 1);
		net_free(n);
	}
}

/*
 * RTF_REJECT: once ARP gives up on a neighbour, packets to it fail
 * with EHOSTDOWN, and packets through it as a gateway with
 * EHOSTUNREACH (ether_output: rt == rt0 ? EHOSTDOWN : EHOSTUNREACH).
 */
static void
test_reject_routes(void **state)
{
	struct bsd_sockaddr_in d = fx_sin("192.168.7.0"), g = fx_sin(
	    "10.0.0.77"), m;
	struct bsd_rtentry *rt;
	size_t i;
	int t, error;

	(void)state;
	for (i = 0; i < NMEDIA; i++) {
		struct net *n = pair(media[i]);

		bsd_sin_mask(&m, 24);
		assert_int_equal(bsd_rtrequest(K(n, 0), BSD_RTM_ADD,
		    (struct bsd_sockaddr *)&d, (struct bsd_sockaddr *)&g,
		    (struct bsd_sockaddr *)&m,
		    BSD_RTF_GATEWAY | BSD_RTF_STATIC, NULL), 0);
		/* Past NetBSD's first ARP sweep (1 s). */
		net_run(n, INT64_C(1500000000) - n->n_now);
		/* arp_maxtries requests, a second apart, unanswered. */
		error = 0;
		for (t = 0; t < 6 && error == 0; t++) {
			error = bsd_icmp_echo(K(n, 0), fx_ip("10.0.0.77"), 1,
			    (uint16_t)t, 8);
			net_run(n, SEC);
		}
		assert_int_equal(error, 0);
		rt = bsd_rtlookup(K(n, 0), fx_ip("10.0.0.77"), 32);
		assert_non_null(rt);
		assert_true(rt->rt_flags & BSD_RTF_REJECT);
		assert_int_equal(bsd_icmp_echo(K(n, 0), fx_ip("10.0.0.77"), 1,
		    9, 8), EHOSTDOWN);
		assert_int_equal(bsd_icmp_echo(K(n, 0), fx_ip("192.168.7.1"),
		    1, 9, 8), EHOSTUNREACH);
		assert_true(K(n, 0)->k_arp.ar_stat.as_rejected >= 2);
		/* arpt_down (20 s) later it may be tried again. */
		net_run(n, 21 * SEC);
		assert_int_equal(bsd_icmp_echo(K(n, 0), fx_ip("10.0.0.77"), 1,
		    10, 8), 0);
		net_free(n);
	}
}

/* Exit codes of an isolated run (ASan's own is 1). */
#define ISO_OK		0
#define ISO_NOTCOUNTED	11	/* as_rcvbadlen not counted */
#define ISO_LEARNED	12	/* an address of the wrong length learned */

/*
 * Host 1 on md hears an ARP request for it from 10.0.0.9 whose
 * hardware address length is hln: NetBSD's in_arpinput() compares the
 * sender's address with its own and the broadcast address over the
 * interface's length, counts as_rcvbadlen and learns nothing.
 */
static int
arp_hln_run(const struct bsd_media *md, unsigned hln)
{
	uint8_t ar[64], frame[256];
	uint32_t spa = fx_ip("10.0.0.9"), tpa = fx_ip("10.0.0.2");
	struct bsd_rtentry *rt;
	struct net *n = pair(md);
	struct bsd_arpstat *st = &K(n, 1)->k_arp.ar_stat;
	uint64_t badlen = st->as_rcvbadlen;
	size_t flen;
	int rc = ISO_OK;

	memset(ar, 0, sizeof(ar));
	bsd_be16enc(ar, md->md_arphrd);
	bsd_be16enc(ar + 2, md->md_arppro);
	ar[4] = (uint8_t)hln;
	ar[5] = 4;
	bsd_be16enc(ar + 6, BSD_ARPOP_REQUEST);
	memset(bsd_ar_sha(ar), 0x42, hln);
	memcpy(bsd_ar_spa(ar), &spa, 4);
	memcpy(bsd_ar_tpa(ar), &tpa, 4);
	flen = make_frame(md, 0, 1, BSD_LLPROTO_ARP, ar, BSD_ARP_LEN(hln, 4),
	    frame);
	net_inject(n, 0, 0, frame, flen);
	net_run(n, 10 * MS);
	if (st->as_rcvbadlen != badlen + 1)
		rc = ISO_NOTCOUNTED;
	/* NetBSD may have made the entry; it must stay unresolved. */
	rt = bsd_rtlookup(K(n, 1), spa, 32);
	if (rt != NULL && rt->rt_gw.sdl.sdl_alen != 0)
		rc = ISO_LEARNED;
	net_free(n);
	return rc;
}

/*
 * Run arp_hln_run in a child, so that a memory error ASan finds there
 * fails this test alone; returns a message, or NULL if all went well.
 */
static const char *
arp_hln_isolated(const struct bsd_media *md, unsigned hln)
{
	int status;
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		_exit(arp_hln_run(md, hln));
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (WIFEXITED(status) && WEXITSTATUS(status) == ISO_OK)
		return NULL;
	if (WIFEXITED(status) && WEXITSTATUS(status) == ISO_NOTCOUNTED)
		return "as_rcvbadlen not counted";
	if (WIFEXITED(status) && WEXITSTATUS(status) == ISO_LEARNED)
		return "learned an address of the wrong length";
	return "crashed (memory error: see the sanitizer report above)";
}

/* ar_hln shorter than the medium's address (1 on Ethernet, FDDI, AX.25). */
static void
test_arp_short_hln_harmless(void **state)
{
	const char *why;
	size_t i;
	unsigned hln;

	(void)state;
	for (i = 0; i < NMEDIA; i++)
		for (hln = 1; hln < media[i]->md_addrlen; hln++) {
			why = arp_hln_isolated(media[i], hln);
			if (why != NULL)
				fail_msg("%s, ar_hln %u: %s", media[i]->md_name,
				    hln, why);
		}
}

/* ar_hln longer than the medium's address, up to 8. */
static void
test_arp_long_hln_harmless(void **state)
{
	const char *why;
	size_t i;
	unsigned hln;

	(void)state;
	for (i = 0; i < NMEDIA; i++)
		for (hln = media[i]->md_addrlen + 1u;
		    hln <= BSD_LL_MAXADDRLEN; hln++) {
			why = arp_hln_isolated(media[i], hln);
			if (why != NULL)
				fail_msg("%s, ar_hln %u: %s", media[i]->md_name,
				    hln, why);
		}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_malformed_frames_counted),
		cmocka_unit_test(test_other_station_ignored),
		cmocka_unit_test(test_down_interface),
		cmocka_unit_test(test_reject_routes),
		cmocka_unit_test(test_arp_short_hln_harmless),
		cmocka_unit_test(test_arp_long_hln_harmless),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
