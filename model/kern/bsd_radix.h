/*
 * Radix (PATRICIA) tree of prefixes: the lookup structure under the
 * routing table, in the manner of BSD's net/radix.c.
 *
 * What it keeps from radix.c: keys are byte strings compared bit by bit
 * from the most significant bit of the first octet; a key may be present
 * several times with different masks ("duped keys"), and the same key and
 * mask twice is refused (EEXIST, as rnh_addaddr returning NULL made
 * route.c do); lookup is longest-prefix match; a walk visits every entry
 * and survives deletion of the entry it is visiting.
 *
 * What it does differently: masks must be contiguous.  radix.c accepted
 * non-contiguous masks (rn_refines, the mask tree), but no BSD routing
 * code path ever produced one for IPv4 after CIDR, and route(8) in
 * 4.4BSD already warned about them; we refuse them with EINVAL (see
 * bsd_mask_plen).  Each entry therefore carries a prefix length instead
 * of a pointer into a mask tree, and a prefix lives in the internal node
 * at its own depth, so a match is one walk down with no backtracking.
 *
 * Optionally (bsd_rn_sethash), full-length keys -- host routes, the bulk
 * of a table that clones one per destination -- are kept out of the
 * tree, in a hash table threaded through the leaves themselves.  A
 * full-length key is the longest prefix there is, so a match tries the
 * hash first and the tree (now holding only the shorter prefixes, and
 * shallow) after; lookups, duplicate keys, EEXIST, walks in key order
 * and deletion inside a walk behave exactly as without it.  A match for
 * a host route then costs one bucket instead of a walk down some twenty
 * levels of nodes, whatever the size of the table, and a host route
 * costs a chain pointer in its leaf and a share of the buckets (8 to 16
 * octets) instead of an entry node and a glue node (80).
 *
 * A 4-octet tree of rnh_frontmin entries or more also gets a front: a
 * direct table of 65536 slots, one per value of the key's first 16 bits,
 * each holding what a walk from the top finds above bit 16 (the best
 * entry so far and the first node at /16 or deeper), so a match starts
 * there instead of at the top.  It is kept exact on every change (the
 * slots under the link that changed are walked again) and costs 1 MiB.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_RADIX_H
#define BSD_RADIX_H

#include <stddef.h>
#include <stdint.h>

#include "bsd_mem.h"

#ifdef __cplusplus
extern "C" {
#endif

#define BSD_RN_MAXKEYLEN	16	/* octets: room for IPv6 */

struct bsd_radix_node {
	struct bsd_radix_node	*rn_parent;
	struct bsd_radix_node	*rn_child[2];
	void			*rn_leaf;	/* entry at this prefix, or NULL (glue) */
	uint8_t			rn_plen;	/* prefix length in bits */
	uint8_t			rn_key[];	/* keylen octets, bits past rn_plen zero */
};

#define BSD_RN_FRONTBITS	16
#define BSD_RN_FRONTMIN		4096	/* default rnh_frontmin */

/* A slot of the front: the walk for keys of its 16-bit prefix, so far. */
struct bsd_rn_front {
	void			*rf_best;	/* longest entry above bit 16 */
	struct bsd_radix_node	*rf_next;	/* first node at /16+, or NULL */
};

struct bsd_radix_head {
	struct bsd_radix_node	*rnh_top;
	unsigned		rnh_keylen;	/* octets per key */
	uint64_t		rnh_count;	/* entries (leaves), tree and hash */
	uint64_t		rnh_nodes;	/* tree nodes: entries plus glue */
	struct bsd_pool		rnh_pool;	/* nodes */
	/* The front of a large 4-octet tree (see above): */
	struct bsd_rn_front	*rnh_front;	/* 65536 slots, or NULL */
	uint64_t		rnh_frontmin;	/* tree entries that build it */
	/* Full-length keys, once bsd_rn_sethash() is called: */
	void			**rnh_hash;	/* 2^rnh_hbits chains, or NULL */
	unsigned		rnh_hbits;
	uint64_t		rnh_hcount;	/* entries in the hash */
	size_t			rnh_hkeyoff;	/* a leaf's key, keylen octets */
	size_t			rnh_hlinkoff;	/* a leaf's chain pointer */
};

typedef int bsd_rn_walkf_t(void *leaf, void *arg);

/* Set up an empty tree for keys of keylen octets (1..BSD_RN_MAXKEYLEN). */
void	bsd_rn_inithead(struct bsd_radix_head *rnh, unsigned keylen);
/*
 * Keep full-length keys in a hash table instead of the tree, on an empty
 * head: every leaf added under a full-length key must hold that key at
 * keyoff (keylen octets) and leave a pointer's room at linkoff, which
 * the table owns while the leaf is in it.  0, or EBUSY if the head is
 * not empty, ENOBUFS if no memory.
 */
int	bsd_rn_sethash(struct bsd_radix_head *rnh, size_t keyoff,
	    size_t linkoff);
/* Free every node; the leaves themselves are the caller's. */
void	bsd_rn_destroyhead(struct bsd_radix_head *rnh);
/*
 * Insert leaf under key/plen (bits of key past plen are ignored).
 * Returns 0, EEXIST if that key and plen are present, ENOBUFS if no
 * memory, EINVAL if plen exceeds the key or leaf is NULL (a NULL leaf
 * marks a glue node), or, with a hash, if a full-length leaf does not
 * hold key at the key offset.  Not to be called from inside a walk.
 */
int	bsd_rn_addaddr(struct bsd_radix_head *rnh, const uint8_t *key,
	    unsigned plen, void *leaf);
/* The leaf stored under exactly key/plen, or NULL. */
void	*bsd_rn_lookup(const struct bsd_radix_head *rnh, const uint8_t *key,
	    unsigned plen);
/* Longest-prefix match for a full-length key, or NULL. */
void	*bsd_rn_match(const struct bsd_radix_head *rnh, const uint8_t *key);
/* Remove key/plen and return its leaf, or NULL if absent. */
void	*bsd_rn_delete(struct bsd_radix_head *rnh, const uint8_t *key,
	    unsigned plen);
/*
 * Call f on every leaf in key order (shorter prefix first for equal
 * keys).  f may delete the leaf it is given, and only that one.  A
 * nonzero return from f stops the walk and is returned.
 */
int	bsd_rn_walktree(struct bsd_radix_head *rnh, bsd_rn_walkf_t *f,
	    void *arg);

#ifdef __cplusplus
}
#endif

#endif /* BSD_RADIX_H */
