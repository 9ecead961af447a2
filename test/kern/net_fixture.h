/*
 * A network of kernels with no simulator: hosts on shared segments of
 * one medium each, a fake clock, and frames delivered to every other
 * interface on the segment a few microseconds after they are sent.
 * Good enough to test ARP, IP, ICMP and UDP end to end on every medium.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NET_FIXTURE_H
#define NET_FIXTURE_H

#include "kern_fixture.h"

#define NET_MAXHOSTS	8
#define NET_MAXIFS	4
#define NET_MAXFRAMES	4096	/* kept per segment for inspection */
#define NET_MAXQ	65536	/* frames in flight */
#define NET_FRAMEMAX	2048

struct net;

struct net_frame {
	int64_t		f_time;		/* ns, when sent */
	int		f_seg;
	int		f_host;		/* sender */
	size_t		f_len;
	uint8_t		f_data[NET_FRAMEMAX];
};

struct net_host {
	struct net		*h_net;
	int			h_idx;
	struct bsd_kernel	*h_k;
	struct bsd_ifnet	*h_ifp[NET_MAXIFS];
	int			h_seg[NET_MAXIFS];
	int			h_nif;
	int64_t			h_deadline;
	/* what the host's applications heard */
	struct bsd_icmp_notice	h_notice[64];
	unsigned		h_nnotice;
	unsigned		h_udprecv;
	size_t			h_udplast;	/* octets in the last datagram */
	unsigned		h_logs;
	char			h_lastlog[256];
};

struct net {
	int64_t			n_now;
	struct net_host		n_host[NET_MAXHOSTS];
	int			n_nhosts;
	const struct bsd_media	*n_segmedia[8];
	/* frames sent, per segment, in order */
	struct net_frame	*n_sent;	/* NET_MAXFRAMES per segment */
	unsigned		n_nsent[8];
	/* frames in flight, in send order (equal delay keeps them sorted) */
	struct net_frame	*n_q;
	unsigned		n_qhead, n_qtail;
	int64_t			n_delay;	/* ns from send to receipt */
	int			n_drop_next;	/* lose the next n frames */
};

/* A new empty network. */
struct net *net_new(void);
void	net_free(struct net *n);
/* A host of the named personality; returns its index. */
int	net_add_host(struct net *n, const char *personality);
/*
 * Attach host h to segment seg (0..7) of medium md with link address
 * ll and address "a.b.c.d/len"; returns the interface.
 */
struct bsd_ifnet *net_attach(struct net *n, int h, int seg,
	    const struct bsd_media *md, const uint8_t *ll, const char *cidr,
	    uint32_t mdflags);
/* Run the network for ns of simulated time. */
void	net_run(struct net *n, int64_t ns);
/* Frames sent on seg so far, and the i-th one. */
unsigned net_nframes(const struct net *n, int seg);
const struct net_frame *net_frame(const struct net *n, int seg, unsigned i);
/* Deliver a hand-made frame on seg as if host `from` sent it. */
void	net_inject(struct net *n, int seg, int from, const uint8_t *frame,
	    size_t len);
/* Decode frame i of seg with its medium: the ARP packet in it, or NULL. */
const uint8_t *net_arp_of(const struct net *n, int seg, unsigned i,
	    size_t *len);
/* Bind a UDP sink on host h, port (host order), counting into h_udprecv. */
struct bsd_inpcb *net_udp_sink(struct net *n, int h, uint16_t port);
/* A link address for host h on medium md (distinct per host). */
void	net_lladdr(const struct bsd_media *md, int h, uint8_t *ll);

#endif /* NET_FIXTURE_H */
