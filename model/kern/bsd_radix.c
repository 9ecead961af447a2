/*
 * Radix (PATRICIA) tree of prefixes.
 *
 * Every node is a prefix: its key (bits past rn_plen zero) and length.
 * A node with a leaf is an entry; one without is glue, present only to
 * branch, and always has two children.  A node's children are longer
 * prefixes that agree with it on its rn_plen bits, and the child taken
 * is the key's bit at position rn_plen (bit 0 is the top bit of octet 0).
 * Paths are compressed: only an entry may have fewer than two children,
 * so the tree has fewer than twice as many nodes as entries.
 *
 * Since a prefix sits at its own depth, the entries that cover a key
 * are all on the path from the top towards it: a match is one walk down
 * that remembers the last entry seen, with no backtracking.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "bsd_radix.h"

/* Prefix lengths are kept in an octet. */
_Static_assert(BSD_RN_MAXKEYLEN * 8 <= UINT8_MAX, "rn_plen too narrow");

/* Bit i of key k, counting from the top bit of octet 0. */
static inline unsigned
rn_bit(const uint8_t *k, unsigned i)
{

	return (k[i >> 3] >> (7 - (i & 7))) & 1;
}

/*
 * The first bit below lim where a and b differ, or lim if none.  The
 * caller knows they agree on the bits before from, so the scan starts
 * at the octet holding bit from.
 */
static unsigned
rn_firstdiff(const uint8_t *a, const uint8_t *b, unsigned from, unsigned lim)
{
	unsigned i, d;
	uint8_t x;

	for (i = from >> 3; i << 3 < lim; i++) {
		x = a[i] ^ b[i];
		if (x != 0) {
			for (d = i << 3; (x & 0x80) == 0; x <<= 1)
				d++;
			return d < lim ? d : lim;
		}
	}
	return lim;
}

/* Copy the first plen bits of src to dst and zero the rest of the key. */
static void
rn_maskkey(uint8_t *dst, const uint8_t *src, unsigned plen, unsigned keylen)
{
	unsigned n;

	n = plen >> 3;
	memcpy(dst, src, n);
	if (n < keylen) {
		dst[n] = src[n] & (uint8_t)(0xff00 >> (plen & 7));
		memset(dst + n + 1, 0, keylen - n - 1);
	}
}

/* A 4-octet key as a host integer, top bit first (compiles to a bswap). */
static inline uint32_t
rn_load32(const uint8_t *p)
{

	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

/* Netmask of plen bits (0..32); the shift is done wide so 0 is legal. */
static inline uint32_t
rn_mask32(unsigned plen)
{

	return (uint32_t)(~(uint64_t)0 << (32 - plen));
}

static struct bsd_radix_node *
rn_newnode(struct bsd_radix_head *rnh, const uint8_t *k, unsigned plen)
{
	struct bsd_radix_node *x;

	x = bsd_pool_get(&rnh->rnh_pool);	/* zeroed: no links, no leaf */
	if (x == NULL)
		return NULL;
	rn_maskkey(x->rn_key, k, plen, rnh->rnh_keylen);
	x->rn_plen = (uint8_t)plen;
	rnh->rnh_nodes++;
	return x;
}

static void
rn_freenode(struct bsd_radix_head *rnh, struct bsd_radix_node *x)
{

	bsd_pool_put(&rnh->rnh_pool, x);
	rnh->rnh_nodes--;
}

/* Put c (possibly NULL) where x hangs in the tree. */
static void
rn_replace(struct bsd_radix_head *rnh, struct bsd_radix_node *x,
    struct bsd_radix_node *c)
{
	struct bsd_radix_node *p;

	p = x->rn_parent;
	if (p == NULL)
		rnh->rnh_top = c;
	else
		p->rn_child[p->rn_child[1] == x] = c;
	if (c != NULL)
		c->rn_parent = p;
}

/* The node, entry or glue, at exactly key/plen, or NULL. */
static struct bsd_radix_node *
rn_find(const struct bsd_radix_head *rnh, const uint8_t *key, unsigned plen)
{
	struct bsd_radix_node *x;

	if (plen > rnh->rnh_keylen * 8)
		return NULL;
	/*
	 * Branch on bits alone, as a PATRICIA search does: if the node is
	 * there this path leads to it, and one comparison at the end tells.
	 * Only bits below plen are read, so host bits need no masking.
	 */
	x = rnh->rnh_top;
	while (x != NULL && x->rn_plen < plen)
		x = x->rn_child[rn_bit(key, x->rn_plen)];
	if (x == NULL || x->rn_plen != plen ||
	    rn_firstdiff(x->rn_key, key, 0, plen) != plen)
		return NULL;
	return x;
}

/*
 * The hash of full-length keys (bsd_rn_sethash).  Chains run through
 * the leaves, at rnh_hlinkoff; a leaf's key is at rnh_hkeyoff.  The
 * table doubles when it holds as many entries as chains and halves
 * when it holds fewer than an eighth, so a chain averages at most one
 * entry and the chains cost 8 to 16 octets per entry (as 32 to 64 once
 * a table has shrunk from a peak).
 */
#define RN_HMINBITS	4

#define rn_hkey(rnh, leaf)	((const uint8_t *)(leaf) + (rnh)->rnh_hkeyoff)
#define rn_hlink(rnh, leaf)	((void **)((char *)(leaf) + (rnh)->rnh_hlinkoff))

static inline int
rn_hashed(const struct bsd_radix_head *rnh, unsigned plen)
{

	return rnh->rnh_hash != NULL && plen == rnh->rnh_keylen * 8;
}

/*
 * The chain of a key: Fibonacci hashing of its 4-octet words, read most
 * significant octet first.  Read in host order on a little-endian
 * machine, consecutive addresses differ in the word's top octet, and the
 * multiply spreads such keys over a fifth of the chains (four probes a
 * lookup at 300,000 hosts); read as numbers, an arithmetic run of keys
 * is the case Fibonacci hashing spreads best.
 */
static inline uint64_t
rn_hashkey(const struct bsd_radix_head *rnh, const uint8_t *key)
{
	uint64_t x = 0;
	uint8_t w[4];
	unsigned i, n;

	if (rnh->rnh_keylen == 4)
		return ((uint64_t)rn_load32(key) *
		    UINT64_C(0x9E3779B97F4A7C15)) >> (64 - rnh->rnh_hbits);
	for (i = 0; i < rnh->rnh_keylen; i += 4) {
		n = rnh->rnh_keylen - i < 4 ? rnh->rnh_keylen - i : 4;
		memset(w, 0, sizeof(w));
		memcpy(w, key + i, n);
		x = (x ^ rn_load32(w)) * UINT64_C(0x9E3779B97F4A7C15);
	}
	return x >> (64 - rnh->rnh_hbits);
}

static inline int
rn_hsame(const struct bsd_radix_head *rnh, const void *leaf,
    const uint8_t *key)
{
	uint32_t a, b;

	if (rnh->rnh_keylen == 4) {
		memcpy(&a, rn_hkey(rnh, leaf), 4);
		memcpy(&b, key, 4);
		return a == b;
	}
	return memcmp(rn_hkey(rnh, leaf), key, rnh->rnh_keylen) == 0;
}

/* The link that points at key's leaf, or at the NULL ending its chain. */
static void **
rn_hfind(const struct bsd_radix_head *rnh, const uint8_t *key)
{
	void **pp;

	pp = &rnh->rnh_hash[rn_hashkey(rnh, key)];
	while (*pp != NULL && !rn_hsame(rnh, *pp, key))
		pp = rn_hlink(rnh, *pp);
	return pp;
}

/* Rehash into 2^bits chains; on no memory keep the old ones. */
static void
rn_hresize(struct bsd_radix_head *rnh, unsigned bits)
{
	void **old = rnh->rnh_hash, **nh, *leaf, *next;
	uint64_t i, n = (uint64_t)1 << rnh->rnh_hbits, h;

	if ((nh = calloc((size_t)1 << bits, sizeof(*nh))) == NULL)
		return;
	rnh->rnh_hash = nh;
	rnh->rnh_hbits = bits;
	for (i = 0; i < n; i++)
		for (leaf = old[i]; leaf != NULL; leaf = next) {
			next = *rn_hlink(rnh, leaf);
			h = rn_hashkey(rnh, rn_hkey(rnh, leaf));
			*rn_hlink(rnh, leaf) = nh[h];
			nh[h] = leaf;
		}
	free(old);
}

static int
rn_hadd(struct bsd_radix_head *rnh, const uint8_t *key, void *leaf)
{
	void **pp;

	/* The leaf carries its key: it is what the chains compare. */
	if (memcmp(rn_hkey(rnh, leaf), key, rnh->rnh_keylen) != 0)
		return EINVAL;
	pp = rn_hfind(rnh, key);
	if (*pp != NULL)
		return EEXIST;
	*rn_hlink(rnh, leaf) = NULL;
	*pp = leaf;
	rnh->rnh_hcount++;
	rnh->rnh_count++;
	if (rnh->rnh_hcount > (uint64_t)1 << rnh->rnh_hbits &&
	    rnh->rnh_hbits < 40)
		rn_hresize(rnh, rnh->rnh_hbits + 1);
	return 0;
}

static void *
rn_hdelete(struct bsd_radix_head *rnh, const uint8_t *key)
{
	void **pp, *leaf;

	pp = rn_hfind(rnh, key);
	if ((leaf = *pp) == NULL)
		return NULL;
	*pp = *rn_hlink(rnh, leaf);
	*rn_hlink(rnh, leaf) = NULL;
	rnh->rnh_hcount--;
	rnh->rnh_count--;
	if (rnh->rnh_hbits > RN_HMINBITS &&
	    rnh->rnh_hcount < ((uint64_t)1 << rnh->rnh_hbits) / 8)
		rn_hresize(rnh, rnh->rnh_hbits - 1);
	return leaf;
}

int
bsd_rn_sethash(struct bsd_radix_head *rnh, size_t keyoff, size_t linkoff)
{

	if (rnh->rnh_count != 0 || rnh->rnh_hash != NULL)
		return EBUSY;
	if ((rnh->rnh_hash = calloc((size_t)1 << RN_HMINBITS,
	    sizeof(*rnh->rnh_hash))) == NULL)
		return ENOBUFS;
	rnh->rnh_hbits = RN_HMINBITS;
	rnh->rnh_hkeyoff = keyoff;
	rnh->rnh_hlinkoff = linkoff;
	return 0;
}

/*
 * The front (bsd_radix.h).  Slot s holds the state of a match walk for
 * any key whose first 16 bits are s, taken as far as the first node of
 * prefix length 16 or more: the nodes above that branch and are tested
 * on bits below 16 only, so the walk there is the same for all of them.
 */
#define RN_NFRONT	((uint32_t)1 << BSD_RN_FRONTBITS)

static void
rn_front_slot(const struct bsd_radix_head *rnh, uint32_t s)
{
	const struct bsd_radix_node *x;
	struct bsd_rn_front *f = &rnh->rnh_front[s];
	uint32_t k = s << (32 - BSD_RN_FRONTBITS);
	void *best = NULL;
	unsigned plen;

	x = rnh->rnh_top;
	while (x != NULL && (plen = x->rn_plen) < BSD_RN_FRONTBITS) {
		if (((rn_load32(x->rn_key) ^ k) & rn_mask32(plen)) != 0) {
			x = NULL;
			break;
		}
		if (x->rn_leaf != NULL)
			best = x->rn_leaf;
		x = x->rn_child[(k >> (31 - plen)) & 1];
	}
	f->rf_best = best;
	f->rf_next = (struct bsd_radix_node *)(uintptr_t)x;
}

/*
 * The link (or a node's leaf) under prefix key/len changed: walk again
 * the slots whose walk passes there.  Below bit 16 no slot looks.
 */
static void
rn_front_fix(struct bsd_radix_head *rnh, const uint8_t *key, unsigned len)
{
	uint32_t s, n;

	if (rnh->rnh_front == NULL || len > BSD_RN_FRONTBITS)
		return;
	n = (uint32_t)1 << (BSD_RN_FRONTBITS - len);
	s = (rn_load32(key) >> (32 - BSD_RN_FRONTBITS)) & ~(n - 1);
	for (; n > 0; n--, s++)
		rn_front_slot(rnh, s);
}

/* Build the front once a 4-octet tree is large enough; no memory, none. */
static void
rn_front_check(struct bsd_radix_head *rnh)
{
	uint32_t s;

	if (rnh->rnh_front != NULL || rnh->rnh_keylen != 4 ||
	    rnh->rnh_count - rnh->rnh_hcount < rnh->rnh_frontmin)
		return;
	if ((rnh->rnh_front = malloc(RN_NFRONT *
	    sizeof(*rnh->rnh_front))) == NULL)
		return;
	for (s = 0; s < RN_NFRONT; s++)
		rn_front_slot(rnh, s);
}

void
bsd_rn_inithead(struct bsd_radix_head *rnh, unsigned keylen)
{

	assert(keylen >= 1 && keylen <= BSD_RN_MAXKEYLEN);
	memset(rnh, 0, sizeof(*rnh));
	rnh->rnh_keylen = keylen;
	rnh->rnh_frontmin = BSD_RN_FRONTMIN;
	bsd_pool_init(&rnh->rnh_pool,
	    offsetof(struct bsd_radix_node, rn_key) + keylen);
}

void
bsd_rn_destroyhead(struct bsd_radix_head *rnh)
{

	bsd_pool_destroy(&rnh->rnh_pool);
	free(rnh->rnh_hash);
	rnh->rnh_hash = NULL;
	free(rnh->rnh_front);
	rnh->rnh_front = NULL;
	rnh->rnh_top = NULL;
	rnh->rnh_count = rnh->rnh_nodes = rnh->rnh_hcount = 0;
}

int
bsd_rn_addaddr(struct bsd_radix_head *rnh, const uint8_t *key,
    unsigned plen, void *leaf)
{
	uint8_t k[BSD_RN_MAXKEYLEN];
	struct bsd_radix_node *x, *parent, **linkp, *n, *g;
	unsigned d, lim;

	/* A NULL leaf could not be told from glue. */
	if (plen > rnh->rnh_keylen * 8 || leaf == NULL)
		return EINVAL;
	if (rn_hashed(rnh, plen))
		return rn_hadd(rnh, key, leaf);
	rn_maskkey(k, key, plen, rnh->rnh_keylen);

	/* Go down while the node is a strictly shorter prefix of k. */
	parent = NULL;
	linkp = &rnh->rnh_top;
	d = 0;
	while ((x = *linkp) != NULL) {
		lim = x->rn_plen < plen ? x->rn_plen : plen;
		d = rn_firstdiff(x->rn_key, k, parent != NULL ?
		    parent->rn_plen : 0, lim);
		if (d < lim || x->rn_plen >= plen)
			break;
		parent = x;
		linkp = &x->rn_child[rn_bit(k, x->rn_plen)];
	}

	if (x != NULL && x->rn_plen == plen && d == plen) {
		/* The prefix is there already, as an entry or as glue. */
		if (x->rn_leaf != NULL)
			return EEXIST;
		x->rn_leaf = leaf;
		rnh->rnh_count++;
		rn_front_fix(rnh, x->rn_key, x->rn_plen);
		rn_front_check(rnh);
		return 0;
	}

	if ((n = rn_newnode(rnh, k, plen)) == NULL)
		return ENOBUFS;
	n->rn_leaf = leaf;
	if (x == NULL) {
		/* An empty slot: n is a new bottom. */
		n->rn_parent = parent;
		*linkp = n;
	} else if (d == plen) {
		/* x is a longer prefix of k: n goes in above it. */
		n->rn_parent = parent;
		*linkp = n;
		n->rn_child[rn_bit(x->rn_key, plen)] = x;
		x->rn_parent = n;
	} else {
		/* k and x part at bit d: glue there holds both. */
		if ((g = rn_newnode(rnh, k, d)) == NULL) {
			rn_freenode(rnh, n);
			return ENOBUFS;
		}
		g->rn_parent = parent;
		*linkp = g;
		g->rn_child[rn_bit(k, d)] = n;
		g->rn_child[rn_bit(x->rn_key, d)] = x;
		n->rn_parent = g;
		x->rn_parent = g;
	}
	rnh->rnh_count++;
	/* What hangs at *linkp is new: the slots that pass that link. */
	rn_front_fix(rnh, (*linkp)->rn_key,
	    parent != NULL ? parent->rn_plen + 1u : 0);
	rn_front_check(rnh);
	return 0;
}

void *
bsd_rn_lookup(const struct bsd_radix_head *rnh, const uint8_t *key,
    unsigned plen)
{
	const struct bsd_radix_node *x;

	if (rn_hashed(rnh, plen))
		return *rn_hfind(rnh, key);
	x = rn_find(rnh, key, plen);
	return x != NULL ? x->rn_leaf : NULL;
}

/* Longest match for 4-octet keys, the case that has to be fast. */
static void *
rn_match4(const struct bsd_radix_head *rnh, const uint8_t *key)
{
	const struct bsd_radix_node *x;
	void *best;
	uint32_t k;
	unsigned plen;

	k = rn_load32(key);
	if (rnh->rnh_front != NULL) {
		const struct bsd_rn_front *f;

		f = &rnh->rnh_front[k >> (32 - BSD_RN_FRONTBITS)];
		best = f->rf_best;
		x = f->rf_next;
	} else {
		best = NULL;
		x = rnh->rnh_top;
	}
	while (x != NULL) {
		plen = x->rn_plen;
		if (((rn_load32(x->rn_key) ^ k) & rn_mask32(plen)) != 0)
			break;
		if (x->rn_leaf != NULL)
			best = x->rn_leaf;
		if (plen == 32)
			break;
		x = x->rn_child[(k >> (31 - plen)) & 1];
	}
	return best;
}

void *
bsd_rn_match(const struct bsd_radix_head *rnh, const uint8_t *key)
{
	const struct bsd_radix_node *x;
	void *best;
	unsigned from, nbits;

	/* A host entry is the longest match there can be. */
	if (rnh->rnh_hash != NULL && rnh->rnh_hcount != 0 &&
	    (best = *rn_hfind(rnh, key)) != NULL)
		return best;
	if (rnh->rnh_keylen == 4)
		return rn_match4(rnh, key);

	/*
	 * Nothing below a node that does not cover the key can cover it.
	 * A node agrees with its parent on the parent's bits, and the
	 * parent covered the key, so each test starts where the last ended.
	 */
	best = NULL;
	nbits = rnh->rnh_keylen * 8;
	from = 0;
	x = rnh->rnh_top;
	while (x != NULL) {
		if (rn_firstdiff(x->rn_key, key, from, x->rn_plen) < x->rn_plen)
			break;
		if (x->rn_leaf != NULL)
			best = x->rn_leaf;
		if (x->rn_plen == nbits)
			break;
		from = x->rn_plen;
		x = x->rn_child[rn_bit(key, from)];
	}
	return best;
}

void *
bsd_rn_delete(struct bsd_radix_head *rnh, const uint8_t *key, unsigned plen)
{
	struct bsd_radix_node *x, *p, *c;
	uint8_t k[BSD_RN_MAXKEYLEN];
	unsigned len;
	void *leaf;

	if (rn_hashed(rnh, plen))
		return rn_hdelete(rnh, key);
	x = rn_find(rnh, key, plen);
	if (x == NULL || x->rn_leaf == NULL)
		return NULL;
	leaf = x->rn_leaf;
	x->rn_leaf = NULL;
	rnh->rnh_count--;

	/* With two children x still branches: it stays, as glue. */
	if (x->rn_child[0] != NULL && x->rn_child[1] != NULL) {
		rn_front_fix(rnh, x->rn_key, x->rn_plen);
		return leaf;
	}

	/* Otherwise its only child, if any, takes its place. */
	memcpy(k, x->rn_key, rnh->rnh_keylen);
	p = x->rn_parent;
	len = p != NULL ? p->rn_plen + 1u : 0;
	c = x->rn_child[0] != NULL ? x->rn_child[0] : x->rn_child[1];
	rn_replace(rnh, x, c);
	rn_freenode(rnh, x);

	/* A glue parent that lost a child no longer branches: splice it. */
	if (c == NULL && p != NULL && p->rn_leaf == NULL) {
		len = p->rn_parent != NULL ? p->rn_parent->rn_plen + 1u : 0;
		c = p->rn_child[0] != NULL ? p->rn_child[0] : p->rn_child[1];
		rn_replace(rnh, p, c);
		rn_freenode(rnh, p);
	}
	/* The link that changed covers x's key: those slots again. */
	rn_front_fix(rnh, k, len);
	return leaf;
}

/* The node after x in pre-order (x, then child 0's subtree, then child 1's). */
static struct bsd_radix_node *
rn_next(struct bsd_radix_node *x)
{
	struct bsd_radix_node *p;

	if (x->rn_child[0] != NULL)
		return x->rn_child[0];
	if (x->rn_child[1] != NULL)
		return x->rn_child[1];
	for (; (p = x->rn_parent) != NULL; x = p)
		if (x == p->rn_child[0] && p->rn_child[1] != NULL)
			return p->rn_child[1];
	return NULL;
}

/* A hashed key, zero-padded, for sorting. */
struct rn_hkey {
	uint8_t	k[BSD_RN_MAXKEYLEN];
};

/*
 * Sort n keys of kl octets into memcmp order: an LSD radix sort, one
 * stable counting pass per octet from the last, through tmp.  Linear,
 * where qsort spent most of a netstat of a million routes comparing.
 */
static void
rn_hkeysort(struct rn_hkey *keys, struct rn_hkey *tmp, uint64_t n,
    unsigned kl)
{
	uint64_t count[256], i, sum, c;
	struct rn_hkey *src = keys, *dst = tmp, *t;
	unsigned j, b;

	for (j = kl; j-- > 0;) {
		memset(count, 0, sizeof(count));
		for (i = 0; i < n; i++)
			count[src[i].k[j]]++;
		for (b = 0, sum = 0; b < 256; b++) {
			c = count[b];
			count[b] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++)
			dst[count[src[i].k[j]]++] = src[i];
		t = src;
		src = dst;
		dst = t;
	}
	if (src != keys)
		memcpy(keys, src, (size_t)n * sizeof(*keys));
}

/*
 * The walk of a head with hashed keys: the tree in pre-order, merged
 * with the hashed keys sorted.  A full-length key comes after every
 * shorter prefix of the same key, so a tree entry goes first on a tie.
 * Each hashed key is looked up again when its turn comes, so a leaf
 * that is gone by then (f may delete only its own, but be safe) is
 * skipped and none is visited twice.
 */
static int
rn_walkhash(struct bsd_radix_head *rnh, bsd_rn_walkf_t *f, void *arg)
{
	struct bsd_radix_node *x, *next;
	struct rn_hkey *keys, *tmp;
	void *leaf;
	uint64_t n, i, j, b;
	unsigned kl = rnh->rnh_keylen;
	int error = 0;

	n = rnh->rnh_hcount;
	keys = calloc((size_t)n, sizeof(*keys));
	tmp = malloc((size_t)n * sizeof(*tmp));
	if (keys == NULL || tmp == NULL) {
		free(keys);
		free(tmp);
		return ENOMEM;
	}
	for (b = 0, i = 0; b < (uint64_t)1 << rnh->rnh_hbits; b++)
		for (leaf = rnh->rnh_hash[b]; leaf != NULL;
		    leaf = *rn_hlink(rnh, leaf))
			memcpy(keys[i++].k, rn_hkey(rnh, leaf), kl);
	rn_hkeysort(keys, tmp, n, kl);
	free(tmp);
	j = 0;
	for (x = rnh->rnh_top; x != NULL; x = next) {
		next = rn_next(x);
		if (x->rn_leaf == NULL)
			continue;
		for (; j < n && memcmp(keys[j].k, x->rn_key, kl) < 0; j++)
			if ((leaf = *rn_hfind(rnh, keys[j].k)) != NULL &&
			    (error = f(leaf, arg)) != 0)
				goto out;
		if ((error = f(x->rn_leaf, arg)) != 0)
			goto out;
	}
	for (; j < n; j++)
		if ((leaf = *rn_hfind(rnh, keys[j].k)) != NULL &&
		    (error = f(leaf, arg)) != 0)
			goto out;
out:
	free(keys);
	return error;
}

int
bsd_rn_walktree(struct bsd_radix_head *rnh, bsd_rn_walkf_t *f, void *arg)
{
	struct bsd_radix_node *x, *next;
	int error;

	if (rnh->rnh_hash != NULL && rnh->rnh_hcount != 0)
		return rn_walkhash(rnh, f, arg);

	/*
	 * Pre-order is key order, shorter prefix first.  The next node is
	 * taken before f runs, and survives f deleting x's leaf: that frees
	 * at most x and x's parent, both of which come before it, and
	 * splicing a node out leaves the order of the others as it was.
	 */
	for (x = rnh->rnh_top; x != NULL; x = next) {
		next = rn_next(x);
		if (x->rn_leaf != NULL && (error = f(x->rn_leaf, arg)) != 0)
			return error;
	}
	return 0;
}
