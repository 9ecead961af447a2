/*
 * UDP with the smallest socket layer a simulated application needs:
 * bind, connect, send, sendto, receive by upcall (netinet/udp_usrreq.c,
 * in_pcb.c).  in_pcbconnect() looks its route up as the personality
 * does: that is seed 004's local DoS, point (5).
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_UDP_H
#define BSD_UDP_H

#include <stddef.h>
#include <stdint.h>

#include "bsd_ip.h"
#include "bsd_queue.h"

#ifdef __cplusplus
extern "C" {
#endif

struct bsd_kernel;
struct bsd_inpcb;

#define BSD_UDP_HLEN	8

/* Data arrived for pcb from faddr:fport (network order). */
typedef void bsd_udp_upcall_fn(void *arg, struct bsd_inpcb *inp,
    const uint8_t *data, size_t len, uint32_t faddr, uint16_t fport);

struct bsd_inpcb {
	BSD_LIST_ENTRY(bsd_inpcb) inp_list;
	uint32_t		inp_laddr, inp_faddr;	/* network order */
	uint16_t		inp_lport, inp_fport;	/* network order */
	struct bsd_route	inp_route;	/* held while connected */
	bsd_udp_upcall_fn	*inp_upcall;
	void			*inp_upcallarg;
	uint64_t		inp_sent, inp_dropped;
};

struct bsd_udpstat {
	uint64_t	udps_ipackets, udps_hdrops, udps_badsum, udps_badlen;
	uint64_t	udps_noport, udps_noportbcast, udps_opackets;
	uint64_t	udps_odropped;
};

struct bsd_udp_state {
	BSD_LIST_HEAD(, bsd_inpcb) us_pcbs;
	struct bsd_udpstat	us_stat;
	uint16_t		us_lastport;	/* host order */
	int32_t			us_cksum;	/* udpcksum: compute on output */
};

/* A new socket; data arrives through fn(arg, ...). NULL if no memory. */
struct bsd_inpcb *bsd_udp_socket(struct bsd_kernel *k, bsd_udp_upcall_fn *fn,
	    void *arg);
/* bind(2): local address (0: any) and port (0: ephemeral); network order. */
int	bsd_udp_bind(struct bsd_kernel *k, struct bsd_inpcb *inp,
	    uint32_t laddr, uint16_t lport);
/* connect(2): in_pcbconnect, which takes and holds the route. */
int	bsd_udp_connect(struct bsd_kernel *k, struct bsd_inpcb *inp,
	    uint32_t faddr, uint16_t fport);
/* Undo connect: the route is let go. */
void	bsd_udp_disconnect(struct bsd_kernel *k, struct bsd_inpcb *inp);
/* send(2) on a connected socket. */
int	bsd_udp_send(struct bsd_kernel *k, struct bsd_inpcb *inp,
	    const void *data, size_t len);
/* sendto(2): a temporary connect, as udp_output() did. */
int	bsd_udp_sendto(struct bsd_kernel *k, struct bsd_inpcb *inp,
	    const void *data, size_t len, uint32_t faddr, uint16_t fport);
/* close(2). */
void	bsd_udp_close(struct bsd_kernel *k, struct bsd_inpcb *inp);
/* A UDP datagram m (IP header of hlen first) arrived. Consumes m. */
void	bsd_udp_input(struct bsd_kernel *k, struct bsd_mbuf *m, size_t hlen,
	    uint32_t mflags);

void	bsd_udp_init(struct bsd_kernel *k);
void	bsd_udp_destroy(struct bsd_kernel *k);

#ifdef __cplusplus
}
#endif

#endif /* BSD_UDP_H */
