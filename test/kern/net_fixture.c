/*
 * A network of kernels with no simulator.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "net_fixture.h"

static int64_t
nh_now(void *ctx)
{

	return ((struct net_host *)ctx)->h_net->n_now;
}

static void
nh_deadline(void *ctx, int64_t when)
{

	((struct net_host *)ctx)->h_deadline = when;
}

static int
seg_of(const struct net_host *h, const struct bsd_ifnet *ifp)
{
	int i;

	for (i = 0; i < h->h_nif; i++)
		if (h->h_ifp[i] == ifp)
			return h->h_seg[i];
	return -1;
}

static void
nh_transmit(void *ctx, struct bsd_ifnet *ifp, const uint8_t *frame,
    size_t len)
{
	struct net_host *h = ctx;
	struct net *n = h->h_net;
	struct net_frame *f;
	int seg = seg_of(h, ifp);

	assert_true(seg >= 0);
	assert_true(len <= NET_FRAMEMAX);
	if (n->n_nsent[seg] < NET_MAXFRAMES) {
		f = &n->n_sent[seg * NET_MAXFRAMES + n->n_nsent[seg]++];
		f->f_time = n->n_now;
		f->f_seg = seg;
		f->f_host = h->h_idx;
		f->f_len = len;
		memcpy(f->f_data, frame, len);
	}
	if (n->n_drop_next > 0) {
		n->n_drop_next--;
		return;
	}
	assert_true(n->n_qtail - n->n_qhead < NET_MAXQ);
	f = &n->n_q[n->n_qtail++ % NET_MAXQ];
	f->f_time = n->n_now + n->n_delay;
	f->f_seg = seg;
	f->f_host = h->h_idx;
	f->f_len = len;
	memcpy(f->f_data, frame, len);
}

static void
nh_log(void *ctx, int pri, const char *msg)
{
	struct net_host *h = ctx;

	(void)pri;
	h->h_logs++;
	snprintf(h->h_lastlog, sizeof(h->h_lastlog), "%s", msg);
}

static void
nh_icmp(void *arg, const struct bsd_icmp_notice *in)
{
	struct net_host *h = arg;

	if (h->h_nnotice < 64)
		h->h_notice[h->h_nnotice++] = *in;
}

static void
nh_udp(void *arg, struct bsd_inpcb *inp, const uint8_t *data, size_t len,
    uint32_t faddr, uint16_t fport)
{
	struct net_host *h = arg;

	(void)inp;
	(void)data;
	(void)faddr;
	(void)fport;
	h->h_udprecv++;
	h->h_udplast = len;
}

struct bsd_inpcb *
net_udp_sink(struct net *n, int hi, uint16_t port)
{
	struct net_host *h = &n->n_host[hi];
	struct bsd_inpcb *inp = bsd_udp_socket(h->h_k, nh_udp, h);

	assert_non_null(inp);
	assert_int_equal(bsd_udp_bind(h->h_k, inp, 0, bsd_htons(port)), 0);
	return inp;
}

struct net *
net_new(void)
{
	struct net *n = calloc(1, sizeof(*n));

	assert_non_null(n);
	n->n_sent = calloc(8 * NET_MAXFRAMES, sizeof(*n->n_sent));
	n->n_q = calloc(NET_MAXQ, sizeof(*n->n_q));
	assert_non_null(n->n_sent);
	assert_non_null(n->n_q);
	n->n_delay = 10000;	/* 10 us */
	return n;
}

void
net_free(struct net *n)
{
	int i;

	for (i = 0; i < n->n_nhosts; i++)
		bsd_kernel_destroy(n->n_host[i].h_k);
	free(n->n_sent);
	free(n->n_q);
	free(n);
}

int
net_add_host(struct net *n, const char *personality)
{
	const struct bsd_personality *p = bsd_personality_find(personality);
	struct net_host *h;
	struct bsd_hooks hk;

	assert_non_null(p);
	assert_true(n->n_nhosts < NET_MAXHOSTS);
	h = &n->n_host[n->n_nhosts];
	memset(h, 0, sizeof(*h));
	h->h_net = n;
	h->h_idx = n->n_nhosts;
	h->h_deadline = BSD_NEVER;
	memset(&hk, 0, sizeof(hk));
	hk.h_ctx = h;
	hk.h_now = nh_now;
	hk.h_deadline = nh_deadline;
	hk.h_transmit = nh_transmit;
	hk.h_log = nh_log;
	h->h_k = bsd_kernel_create(p, &hk);
	assert_non_null(h->h_k);
	bsd_icmp_set_upcall(h->h_k, nh_icmp, h);
	return n->n_nhosts++;
}

void
net_lladdr(const struct bsd_media *md, int h, uint8_t *ll)
{
	static const char *calls[] = { "N0AAA", "N0BBB", "N0CCC", "N0DDD",
	    "N0EEE", "N0FFF", "N0GGG", "N0HHH" };

	if (md->md_addrlen == 1)
		ll[0] = (uint8_t)(0x10 + h);
	else if (md->md_addrlen == 7)
		assert_int_equal(md->md_aton(calls[h], ll), 0);
	else {
		memcpy(ll, "\x02\x00\x5e\x00\x00", 5);
		ll[5] = (uint8_t)(0x10 + h);
	}
}

struct bsd_ifnet *
net_attach(struct net *n, int hi, int seg, const struct bsd_media *md,
    const uint8_t *ll, const char *cidr, uint32_t mdflags)
{
	struct net_host *h = &n->n_host[hi];
	struct bsd_ifnet *ifp;
	char name[16], ip[32], *slash;
	uint8_t lla[BSD_LL_MAXADDRLEN];

	assert_true(h->h_nif < NET_MAXIFS);
	if (ll == NULL) {
		net_lladdr(md, hi, lla);
		ll = lla;
	}
	snprintf(name, sizeof(name), "%s%d", md->md_name, h->h_nif);
	ifp = bsd_if_attach_media(h->h_k, name, md, ll, mdflags,
	    BSD_IFF_UP | BSD_IFF_RUNNING);
	assert_non_null(ifp);
	h->h_ifp[h->h_nif] = ifp;
	h->h_seg[h->h_nif] = seg;
	h->h_nif++;
	n->n_segmedia[seg] = md;
	snprintf(ip, sizeof(ip), "%s", cidr);
	slash = strchr(ip, '/');
	assert_non_null(slash);
	*slash = '\0';
	assert_int_equal(bsd_in_ifaddr_add(h->h_k, ifp, fx_ip(ip),
	    (unsigned)atoi(slash + 1)), 0);
	return ifp;
}

static void
net_deliver(struct net *n, const struct net_frame *f)
{
	struct net_host *h;
	int i, j;

	for (i = 0; i < n->n_nhosts; i++) {
		if (i == f->f_host)
			continue;
		h = &n->n_host[i];
		for (j = 0; j < h->h_nif; j++)
			if (h->h_seg[j] == f->f_seg)
				bsd_if_input(h->h_k, h->h_ifp[j], f->f_data,
				    f->f_len);
	}
}

void
net_run(struct net *n, int64_t ns)
{
	int64_t until = n->n_now + ns, next;
	struct net_frame f;
	int i, who;

	for (;;) {
		next = BSD_NEVER;
		who = -1;
		for (i = 0; i < n->n_nhosts; i++)
			if (n->n_host[i].h_deadline < next) {
				next = n->n_host[i].h_deadline;
				who = i;
			}
		if (n->n_qhead != n->n_qtail &&
		    n->n_q[n->n_qhead % NET_MAXQ].f_time <= next) {
			next = n->n_q[n->n_qhead % NET_MAXQ].f_time;
			who = -2;
		}
		if (next > until)
			break;
		if (next > n->n_now)
			n->n_now = next;
		if (who == -2) {
			f = n->n_q[n->n_qhead++ % NET_MAXQ];
			net_deliver(n, &f);
		} else
			bsd_kernel_timers(n->n_host[who].h_k);
	}
	n->n_now = until;
}

unsigned
net_nframes(const struct net *n, int seg)
{

	return n->n_nsent[seg];
}

const struct net_frame *
net_frame(const struct net *n, int seg, unsigned i)
{

	assert_true(i < n->n_nsent[seg]);
	return &n->n_sent[seg * NET_MAXFRAMES + i];
}

void
net_inject(struct net *n, int seg, int from, const uint8_t *frame,
    size_t len)
{
	struct net_frame f;

	memset(&f, 0, sizeof(f));
	f.f_seg = seg;
	f.f_host = from;
	f.f_len = len;
	memcpy(f.f_data, frame, len);
	net_deliver(n, &f);
}

const uint8_t *
net_arp_of(const struct net *n, int seg, unsigned i, size_t *len)
{
	static uint8_t state[1 << 20];
	const struct bsd_media *md = n->n_segmedia[seg];
	const struct net_frame *f = net_frame(n, seg, i);
	struct bsd_llframe lf;

	assert_true(md->md_statesize <= sizeof(state));
	memset(state, 0, md->md_statesize);
	md->md_init(state, 0);
	if (md->md_input(state, 0, f->f_data, f->f_len, &lf) != BSD_MD_OK ||
	    lf.lf_proto != BSD_LLPROTO_ARP)
		return NULL;
	*len = lf.lf_paylen;
	return lf.lf_payload;
}
