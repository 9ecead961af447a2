/*
 * Kernel memory budget and fixed-size pools.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "bsd_mem.h"

int
bsd_mem_charge(struct bsd_membudget *mb, enum bsd_memtype t, uint64_t n)
{

	/*
	 * Packets come from the mbuf pool, not from the routing table's
	 * malloc: they are counted, but neither limited nor part of mb_used.
	 */
	if (t == BSD_M_MBUF || t == BSD_M_IPQ) {
		mb->mb_bytype[t] += n;
		return 0;
	}
	/* As pool_get(PR_NOWAIT) failing: the request fails, nothing is taken. */
	if (mb->mb_limit != 0 && mb->mb_used + n > mb->mb_limit) {
		mb->mb_fail++;
		return ENOBUFS;
	}
	mb->mb_used += n;
	mb->mb_bytype[t] += n;
	if (mb->mb_used > mb->mb_peak)
		mb->mb_peak = mb->mb_used;
	return 0;
}

void
bsd_mem_uncharge(struct bsd_membudget *mb, enum bsd_memtype t, uint64_t n)
{

	if (t != BSD_M_MBUF && t != BSD_M_IPQ)
		mb->mb_used -= n;
	mb->mb_bytype[t] -= n;
}

void
bsd_pool_init(struct bsd_pool *pp, size_t size)
{

	memset(pp, 0, sizeof(*pp));
	if (size < sizeof(void *))
		size = sizeof(void *);
	pp->pr_size = (size + 7) & ~(size_t)7;
	pp->pr_chunkitems = 64;
}

void *
bsd_pool_get(struct bsd_pool *pp)
{
	void *item;
	char *chunk;
	size_t i, n;

	if (pp->pr_free == NULL) {
		/* Chunks grow geometrically to 4096 items; the header is one item. */
		n = pp->pr_chunkitems;
		chunk = malloc((n + 1) * pp->pr_size);
		if (chunk == NULL)
			return NULL;
		pp->pr_bytes += (n + 1) * pp->pr_size;
		*(void **)chunk = pp->pr_chunks;
		pp->pr_chunks = chunk;
		for (i = n; i >= 1; i--) {
			item = chunk + i * pp->pr_size;
			*(void **)item = pp->pr_free;
			pp->pr_free = item;
		}
		if (pp->pr_chunkitems < 4096)
			pp->pr_chunkitems *= 2;
	}
	item = pp->pr_free;
	pp->pr_free = *(void **)item;
	memset(item, 0, pp->pr_size);
	pp->pr_nout++;
	return item;
}

void
bsd_pool_put(struct bsd_pool *pp, void *item)
{

	*(void **)item = pp->pr_free;
	pp->pr_free = item;
	pp->pr_nout--;
}

void
bsd_pool_destroy(struct bsd_pool *pp)
{
	void *chunk, *next;

	for (chunk = pp->pr_chunks; chunk != NULL; chunk = next) {
		next = *(void **)chunk;
		free(chunk);
	}
	pp->pr_chunks = pp->pr_free = NULL;
	pp->pr_nout = pp->pr_bytes = 0;
}
