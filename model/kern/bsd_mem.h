/*
 * Kernel memory: the budget a simulated kernel may spend on routes and
 * ARP entries, and the pools the simulator itself allocates them from.
 *
 * Two figures are kept apart on purpose.  The budget charges what the
 * real kernel paid for an object (4.4BSD on i386: malloc(9) rounded every
 * request up to a power-of-two bucket), because that is what a DoS
 * exhausts.  The pools are how much the simulator spends, which is our
 * own business and measured separately.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_MEM_H
#define BSD_MEM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Per-object charges, 4.4BSD-Lite2 / NetBSD 1.x on i386, in malloc(9)
 * buckets: struct rtentry is 120 bytes (bucket 128); rt_setgate() takes
 * key and gateway in one allocation, ROUNDUP(16) + ROUNDUP(20) = 36
 * (bucket 64); struct llinfo_arp is 20 (bucket 32); struct rttimer is
 * 24 (bucket 32).  A cloned ARP host route thus costs 224 bytes, the
 * figure in perf-anchors.md.
 */
#define BSD_MEMCOST_RTENTRY	128
#define BSD_MEMCOST_RTKEYGW	64
#define BSD_MEMCOST_LLINFO	32
#define BSD_MEMCOST_RTTIMER	32

enum bsd_memtype {
	BSD_M_RTABLE,		/* rtentry with its key and gateway */
	BSD_M_LLINFO,		/* link-level info (llinfo_arp) */
	BSD_M_RTTIMER,		/* rt_timer entries */
	BSD_M_IPQ,		/* IP reassembly (mbufs: counted, not limited) */
	BSD_M_MBUF,		/* held packets (mbufs: counted, not limited) */
	BSD_M_NTYPES
};

struct bsd_membudget {
	uint64_t	mb_limit;		/* bytes, 0: no limit */
	uint64_t	mb_used;		/* routing memory: the limited part */
	uint64_t	mb_peak;
	uint64_t	mb_bytype[BSD_M_NTYPES];
	uint64_t	mb_fail;		/* requests refused (ENOBUFS) */
};

/* Charge n bytes of type t; returns 0, or ENOBUFS and charges nothing. */
int	bsd_mem_charge(struct bsd_membudget *mb, enum bsd_memtype t, uint64_t n);
/* Give back n bytes of type t charged earlier. */
void	bsd_mem_uncharge(struct bsd_membudget *mb, enum bsd_memtype t, uint64_t n);

/*
 * A pool of fixed-size items (pool(9) in spirit): items are carved from
 * chunks and recycled through a free list, so a million routes cost a
 * million items and not a million malloc headers.
 */
struct bsd_pool {
	size_t		pr_size;	/* item size, multiple of 8 */
	void		*pr_free;	/* free list */
	void		*pr_chunks;	/* chunk list, for destroy */
	size_t		pr_chunkitems;	/* items per new chunk */
	uint64_t	pr_nout;	/* items handed out */
	uint64_t	pr_bytes;	/* bytes malloc'd for chunks */
};

/* Set up a pool of items of size bytes. */
void	bsd_pool_init(struct bsd_pool *pp, size_t size);
/* One zeroed item, or NULL when the host is out of memory. */
void	*bsd_pool_get(struct bsd_pool *pp);
/* Return an item to its pool. */
void	bsd_pool_put(struct bsd_pool *pp, void *item);
/* Free every chunk; items still out become invalid. */
void	bsd_pool_destroy(struct bsd_pool *pp);

#ifdef __cplusplus
}
#endif

#endif /* BSD_MEM_H */
