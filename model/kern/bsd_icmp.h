/*
 * ICMP (netinet/ip_icmp.c): echo, errors with a rate limit, and the
 * input side of redirects and need-fragmentation, which become routes
 * through bsd_rtdyn.c.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_ICMP_H
#define BSD_ICMP_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct bsd_kernel;
struct bsd_mbuf;

#define BSD_ICMP_ECHOREPLY		0
#define BSD_ICMP_UNREACH		3
#define BSD_ICMP_UNREACH_NET		0
#define BSD_ICMP_UNREACH_HOST		1
#define BSD_ICMP_UNREACH_PROTOCOL	2
#define BSD_ICMP_UNREACH_PORT		3
#define BSD_ICMP_UNREACH_NEEDFRAG	4
#define BSD_ICMP_REDIRECT		5
#define BSD_ICMP_REDIRECT_NET		0
#define BSD_ICMP_REDIRECT_HOST		1
#define BSD_ICMP_ECHO			8
#define BSD_ICMP_TIMXCEED		11
#define BSD_ICMP_MAXTYPE		18
#define BSD_ICMP_MINLEN			8
/* type, code, cksum, gateway/void, then the quoted IP header + 8 */
#define BSD_ICMP_ADVLENMIN		(8 + 20 + 8)

struct bsd_icmpstat {
	uint64_t	icps_error;		/* icmp_error calls */
	uint64_t	icps_oldicmp;		/* no error about an error */
	uint64_t	icps_ratelimited;	/* errors not sent: over the limit */
	uint64_t	icps_badcode, icps_tooshort, icps_checksum, icps_badlen;
	uint64_t	icps_reflect;		/* replies sent */
	uint64_t	icps_bmcastecho;	/* broadcast echo ignored */
	uint64_t	icps_inhist[BSD_ICMP_MAXTYPE + 1];
	uint64_t	icps_outhist[BSD_ICMP_MAXTYPE + 1];
};

/* Something an application hears of: an echo reply or an error. */
struct bsd_icmp_notice {
	int		in_type, in_code;
	uint32_t	in_from;	/* network order */
	uint16_t	in_id, in_seq;	/* echo replies */
	uint32_t	in_quoted_dst;	/* errors: the original destination */
	size_t		in_len;		/* ICMP message octets */
};

typedef void bsd_icmp_upcall_fn(void *arg, const struct bsd_icmp_notice *n);

struct bsd_icmp_state {
	struct bsd_icmpstat	ic_stat;
	int32_t			ic_errppslim;	/* errors per second, <0 off */
	int64_t			ic_errsec;	/* second being counted */
	int32_t			ic_errcount;
	bsd_icmp_upcall_fn	*ic_upcall;
	void			*ic_upcallarg;
};

/* An ICMP message m (IP header of hlen first) arrived. Consumes m. */
void	bsd_icmp_input(struct bsd_kernel *k, struct bsd_mbuf *m, size_t hlen,
	    uint32_t mflags);
/*
 * Send an error about the IP packet at orig (len octets): type/code,
 * with dest the better gateway (redirects) or mtu (need-frag).
 * Rate-limited; never about ICMP errors, fragments or broadcasts.
 */
void	bsd_icmp_error(struct bsd_kernel *k, const uint8_t *orig, size_t len,
	    int type, int code, uint32_t dest, uint32_t mtu, uint32_t mflags);
/* Send an echo request to dst with datalen octets of data. */
int	bsd_icmp_echo(struct bsd_kernel *k, uint32_t dst, uint16_t id,
	    uint16_t seq, size_t datalen);
/* Who hears of echo replies and errors (one listener). */
void	bsd_icmp_set_upcall(struct bsd_kernel *k, bsd_icmp_upcall_fn *fn,
	    void *arg);

void	bsd_icmp_init(struct bsd_kernel *k);

#ifdef __cplusplus
}
#endif

#endif /* BSD_ICMP_H */
