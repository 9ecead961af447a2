/*
 * Unit tests for the radix tree (bsd_radix.c): hand-made cases, then
 * random operations checked against a brute-force reference (a plain
 * array scanned linearly), walks that delete as they go, and a checker
 * of the tree's invariants that reads the nodes through the public
 * structure.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bsd_radix.h"

#define IP4(a, b, c, d)	((const uint8_t [4]){ (a), (b), (c), (d) })

/*
 * Every leaf in these tests is an entry that knows its own prefix, so
 * the walk and the invariant checker can tell that a leaf sits where it
 * belongs, and failure messages can name it.
 */
struct ent {
	uint8_t		e_key[BSD_RN_MAXKEYLEN];	/* zero past e_plen */
	unsigned	e_plen;
	unsigned	e_keylen;
	int		e_gone;		/* deleted during a walk */
	void		*e_hlink;	/* the hash's chain (bsd_rn_sethash) */
};

/* Hash full-length keys of a head of ents (bsd_rn_sethash). */
static void
ent_sethash(struct bsd_radix_head *rnh)
{
	int error;

	error = bsd_rn_sethash(rnh, offsetof(struct ent, e_key),
	    offsetof(struct ent, e_hlink));
	if (error != 0)
		fail_msg("bsd_rn_sethash: %d", error);
}

/* Small PRNG (xorshift64*), so the sequences do not depend on libc. */
static uint64_t
rnd(uint64_t *s)
{
	uint64_t x;

	x = *s;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*s = x;
	return x * UINT64_C(0x2545F4914F6CDD1D);
}

static void
rnd_seed(uint64_t *s, uint64_t seed)
{

	/* xorshift must not start at zero. */
	*s = seed * UINT64_C(0x9E3779B97F4A7C15) + 1;
}

/* Bit i of k, top bit of octet 0 first; written apart from bsd_radix.c. */
static unsigned
tbit(const uint8_t *k, unsigned i)
{

	return (k[i / 8] >> (7 - i % 8)) & 1;
}

/* Does the prefix pfx/plen cover key? */
static int
tcovers(const uint8_t *pfx, unsigned plen, const uint8_t *key)
{
	unsigned n, r;

	n = plen / 8;
	r = plen % 8;
	if (memcmp(pfx, key, n) != 0)
		return 0;
	return r == 0 || ((pfx[n] ^ key[n]) & (0xff << (8 - r)) & 0xff) == 0;
}

/* Copy the first plen bits of src, one at a time, zeroing the rest. */
static void
tmask(uint8_t *dst, const uint8_t *src, unsigned plen, unsigned keylen)
{
	unsigned i;

	memset(dst, 0, keylen);
	for (i = 0; i < plen; i++)
		dst[i / 8] |= (uint8_t)(tbit(src, i) << (7 - i % 8));
}

static char *
keystr(const uint8_t *k, unsigned keylen, char *buf)
{
	unsigned i;

	if (keylen == 4) {
		sprintf(buf, "%u.%u.%u.%u", k[0], k[1], k[2], k[3]);
		return buf;
	}
	for (i = 0; i < keylen; i++)
		sprintf(buf + 2 * i, "%02x", k[i]);
	return buf;
}

/* A leaf as key/plen for messages; buf must hold 48 chars. */
static char *
leafstr(const void *leaf, char *buf)
{
	const struct ent *e;
	char kb[40];

	if (leaf == NULL)
		return strcpy(buf, "NULL");
	e = leaf;
	sprintf(buf, "%s/%u", keystr(e->e_key, e->e_keylen, kb), e->e_plen);
	return buf;
}

static struct ent *
ent_new(const uint8_t *key, unsigned plen, unsigned keylen)
{
	struct ent *e;

	e = calloc(1, sizeof(*e));
	if (e == NULL)
		fail_msg("out of memory");
	tmask(e->e_key, key, plen, keylen);
	e->e_plen = plen;
	e->e_keylen = keylen;
	return e;
}

/*
 * Invariant checker.
 */

struct inv {
	const struct bsd_radix_head	*iv_rnh;
	const char			*iv_what;
	uint64_t			iv_leaves;
	uint64_t			iv_nodes;
};

static void
check_node(struct inv *iv, const struct bsd_radix_node *x,
    const struct bsd_radix_node *parent, unsigned idx)
{
	const struct ent *e;
	unsigned keylen, i;
	char kb[40];

	keylen = iv->iv_rnh->rnh_keylen;
	keystr(x->rn_key, keylen, kb);
	iv->iv_nodes++;
	if (x->rn_parent != parent)
		fail_msg("%s: node %s/%u: rn_parent is wrong", iv->iv_what,
		    kb, x->rn_plen);
	if (x->rn_plen > keylen * 8)
		fail_msg("%s: node %s/%u: prefix longer than the key",
		    iv->iv_what, kb, x->rn_plen);
	for (i = x->rn_plen; i < keylen * 8; i++)
		if (tbit(x->rn_key, i) != 0)
			fail_msg("%s: node %s/%u: key bit %u past the prefix "
			    "is set", iv->iv_what, kb, x->rn_plen, i);
	if (parent != NULL) {
		if (x->rn_plen <= parent->rn_plen)
			fail_msg("%s: node %s/%u: not longer than its parent "
			    "/%u", iv->iv_what, kb, x->rn_plen,
			    parent->rn_plen);
		if (!tcovers(parent->rn_key, parent->rn_plen, x->rn_key))
			fail_msg("%s: node %s/%u: parent does not cover it",
			    iv->iv_what, kb, x->rn_plen);
		if (tbit(x->rn_key, parent->rn_plen) != idx)
			fail_msg("%s: node %s/%u: is child %u but key bit %u "
			    "says otherwise", iv->iv_what, kb, x->rn_plen, idx,
			    parent->rn_plen);
	}
	if (iv->iv_rnh->rnh_hash != NULL && x->rn_plen == keylen * 8)
		fail_msg("%s: node %s/%u: full length, in the tree of a "
		    "hashed head", iv->iv_what, kb, x->rn_plen);
	if (x->rn_leaf == NULL) {
		if (x->rn_child[0] == NULL || x->rn_child[1] == NULL)
			fail_msg("%s: glue node %s/%u has fewer than two "
			    "children", iv->iv_what, kb, x->rn_plen);
	} else {
		iv->iv_leaves++;
		e = x->rn_leaf;
		if (e->e_plen != x->rn_plen ||
		    memcmp(e->e_key, x->rn_key, keylen) != 0)
			fail_msg("%s: node %s/%u holds the leaf of another "
			    "prefix", iv->iv_what, kb, x->rn_plen);
	}
	for (i = 0; i < 2; i++)
		if (x->rn_child[i] != NULL)
			check_node(iv, x->rn_child[i], x, i);
}

/*
 * The hash of full-length keys: every chained leaf is a full-length
 * entry, found again by an exact lookup (so it sits on its key's chain),
 * none twice; the chains hold rnh_hcount leaves, no more than twice as
 * many as there are chains (the table grows at one per chain), and no
 * full-length prefix is left in the tree.
 */
static void
check_hash(const struct bsd_radix_head *rnh, const char *what)
{
	const struct ent *e;
	uint64_t b, n, nchains;
	char b1[48];

	if (rnh->rnh_hash == NULL) {
		if (rnh->rnh_hcount != 0)
			fail_msg("%s: rnh_hcount %llu without a hash", what,
			    (unsigned long long)rnh->rnh_hcount);
		return;
	}
	nchains = (uint64_t)1 << rnh->rnh_hbits;
	n = 0;
	for (b = 0; b < nchains; b++)
		for (e = rnh->rnh_hash[b]; e != NULL; e = e->e_hlink) {
			if (++n > rnh->rnh_hcount)
				fail_msg("%s: the chains hold more than "
				    "rnh_hcount %llu leaves (a loop?)", what,
				    (unsigned long long)rnh->rnh_hcount);
			if (e->e_plen != rnh->rnh_keylen * 8)
				fail_msg("%s: %s hashed, not full length",
				    what, leafstr(e, b1));
			if (bsd_rn_lookup(rnh, e->e_key, e->e_plen) != e)
				fail_msg("%s: %s hashed but not found by "
				    "lookup", what, leafstr(e, b1));
		}
	if (n != rnh->rnh_hcount)
		fail_msg("%s: %llu leaves on the chains, rnh_hcount %llu",
		    what, (unsigned long long)n,
		    (unsigned long long)rnh->rnh_hcount);
	if (n > 2 * nchains)
		fail_msg("%s: %llu hashed leaves on %llu chains", what,
		    (unsigned long long)n, (unsigned long long)nchains);
}

/*
 * The front of a 4-octet tree: every slot must hold what a walk from
 * the top, written here apart from bsd_radix.c, finds for its 16-bit
 * prefix above bit 16.
 */
static void
check_front(const struct bsd_radix_head *rnh, const char *what)
{
	const struct bsd_radix_node *x;
	const struct bsd_rn_front *f;
	uint8_t k[4];
	void *best;
	uint32_t s;

	if (rnh->rnh_front == NULL)
		return;
	if (rnh->rnh_keylen != 4)
		fail_msg("%s: a front on a %u-octet tree", what,
		    rnh->rnh_keylen);
	for (s = 0; s < (1u << BSD_RN_FRONTBITS); s++) {
		k[0] = (uint8_t)(s >> 8);
		k[1] = (uint8_t)s;
		k[2] = k[3] = 0;
		best = NULL;
		x = rnh->rnh_top;
		while (x != NULL && x->rn_plen < BSD_RN_FRONTBITS) {
			if (!tcovers(x->rn_key, x->rn_plen, k)) {
				x = NULL;
				break;
			}
			if (x->rn_leaf != NULL)
				best = x->rn_leaf;
			x = x->rn_child[tbit(k, x->rn_plen)];
		}
		f = &rnh->rnh_front[s];
		if (f->rf_best != best || f->rf_next != x)
			fail_msg("%s: front slot %u.%u is stale", what,
			    s >> 8, s & 0xff);
	}
}

static void
check_tree(const struct bsd_radix_head *rnh, const char *what)
{
	struct inv iv;

	memset(&iv, 0, sizeof(iv));
	iv.iv_rnh = rnh;
	iv.iv_what = what;
	if (rnh->rnh_top != NULL)
		check_node(&iv, rnh->rnh_top, NULL, 0);
	check_hash(rnh, what);
	check_front(rnh, what);
	if (iv.iv_leaves + rnh->rnh_hcount != rnh->rnh_count)
		fail_msg("%s: %llu leaves in the tree and %llu hashed but "
		    "rnh_count is %llu", what, (unsigned long long)iv.iv_leaves,
		    (unsigned long long)rnh->rnh_hcount,
		    (unsigned long long)rnh->rnh_count);
	if (iv.iv_nodes != rnh->rnh_nodes)
		fail_msg("%s: %llu nodes in the tree but rnh_nodes is %llu",
		    what, (unsigned long long)iv.iv_nodes,
		    (unsigned long long)rnh->rnh_nodes);
	if (iv.iv_nodes != rnh->rnh_pool.pr_nout)
		fail_msg("%s: %llu nodes in the tree but %llu out of the pool",
		    what, (unsigned long long)iv.iv_nodes,
		    (unsigned long long)rnh->rnh_pool.pr_nout);
	/* Glue always branches, so fewer than twice as many nodes as leaves. */
	if (iv.iv_leaves > 0 ? iv.iv_nodes >= 2 * iv.iv_leaves :
	    iv.iv_nodes != 0)
		fail_msg("%s: %llu nodes for %llu leaves", what,
		    (unsigned long long)iv.iv_nodes,
		    (unsigned long long)iv.iv_leaves);
}

/*
 * Brute-force reference: an array of entries, scanned linearly.
 */

struct ref {
	unsigned	r_keylen;
	struct ent	**r_e;
	size_t		r_n;
	size_t		r_cap;
};

static void
ref_init(struct ref *r, unsigned keylen)
{

	memset(r, 0, sizeof(*r));
	r->r_keylen = keylen;
}

/* Drop and free every entry; the tree must not hold them any more. */
static void
ref_free(struct ref *r)
{
	size_t i;

	for (i = 0; i < r->r_n; i++)
		free(r->r_e[i]);
	free(r->r_e);
	memset(r, 0, sizeof(*r));
}

static void
ref_add(struct ref *r, struct ent *e)
{

	if (r->r_n == r->r_cap) {
		r->r_cap = r->r_cap != 0 ? 2 * r->r_cap : 64;
		r->r_e = realloc(r->r_e, r->r_cap * sizeof(r->r_e[0]));
		if (r->r_e == NULL)
			fail_msg("out of memory");
	}
	r->r_e[r->r_n++] = e;
}

/* Forget entry i (the caller frees it). */
static void
ref_del(struct ref *r, size_t i)
{

	r->r_e[i] = r->r_e[--r->r_n];
}

/* Index of the entry for key/plen (host bits ignored), or -1. */
static long
ref_find(const struct ref *r, const uint8_t *key, unsigned plen)
{
	size_t i;

	for (i = 0; i < r->r_n; i++)
		if (r->r_e[i]->e_plen == plen &&
		    tcovers(r->r_e[i]->e_key, plen, key))
			return (long)i;
	return -1;
}

static struct ent *
ref_match(const struct ref *r, const uint8_t *key)
{
	struct ent *best;
	size_t i;

	best = NULL;
	for (i = 0; i < r->r_n; i++)
		if (tcovers(r->r_e[i]->e_key, r->r_e[i]->e_plen, key) &&
		    (best == NULL || r->r_e[i]->e_plen > best->e_plen))
			best = r->r_e[i];
	return best;
}

/* Key order, shorter prefix first: the order the walk promises. */
static int
ent_cmp(const void *a, const void *b)
{
	const struct ent *x = *(const struct ent * const *)a;
	const struct ent *y = *(const struct ent * const *)b;
	int c;

	c = memcmp(x->e_key, y->e_key, x->e_keylen);
	if (c != 0)
		return c;
	return (x->e_plen > y->e_plen) - (x->e_plen < y->e_plen);
}

/* The reference's entries in walk order, in a new array. */
static struct ent **
ref_sorted(const struct ref *r)
{
	struct ent **v;

	v = malloc((r->r_n + 1) * sizeof(v[0]));
	if (v == NULL)
		fail_msg("out of memory");
	memcpy(v, r->r_e, r->r_n * sizeof(v[0]));
	qsort(v, r->r_n, sizeof(v[0]), ent_cmp);
	return v;
}

/*
 * Walk helpers.
 */

struct collect {
	void		**c_v;
	size_t		c_n;
	size_t		c_cap;
	const char	*c_what;
};

static int
collect_cb(void *leaf, void *arg)
{
	struct collect *c = arg;

	if (c->c_n == c->c_cap)
		fail_msg("%s: walk visits more than the %zu leaves expected",
		    c->c_what, c->c_cap);
	c->c_v[c->c_n++] = leaf;
	return 0;
}

/* The walk must give exactly the reference's entries, in key order. */
static void
check_walk(struct bsd_radix_head *rnh, const struct ref *r, const char *what)
{
	struct collect c;
	struct ent **want;
	char b1[48], b2[48];
	size_t i;
	int error;

	want = ref_sorted(r);
	c.c_v = malloc((r->r_n + 1) * sizeof(c.c_v[0]));
	if (c.c_v == NULL)
		fail_msg("out of memory");
	c.c_n = 0;
	c.c_cap = r->r_n;
	c.c_what = what;
	error = bsd_rn_walktree(rnh, collect_cb, &c);
	if (error != 0)
		fail_msg("%s: walk returned %d", what, error);
	if (c.c_n != r->r_n)
		fail_msg("%s: walk visited %zu leaves, want %zu", what, c.c_n,
		    r->r_n);
	for (i = 0; i < r->r_n; i++)
		if (c.c_v[i] != want[i])
			fail_msg("%s: walk position %zu: got %s, want %s", what,
			    i, leafstr(c.c_v[i], b1), leafstr(want[i], b2));
	free(c.c_v);
	free(want);
}

/*
 * Random keys.  Most come from a pool of keys grown by copying an
 * earlier key and rerolling its bits from a random position on, so
 * keys share prefixes of every length; with random prefix lengths the
 * same key often appears under several masks and the same prefix is
 * often added twice.  "Sparse" keys are uniformly random.
 */

#define NPOOL	300

struct gen {
	uint64_t	g_s;
	unsigned	g_keylen;
	int		g_sparse;
	unsigned	g_hostpct;	/* % of prefixes made full length */
	uint8_t		g_pool[NPOOL][BSD_RN_MAXKEYLEN];
};

/* Reroll the bits of k from bit from on. */
static void
gen_reroll(struct gen *g, uint8_t *k, unsigned from)
{
	unsigned i;
	uint8_t r, keep;

	for (i = 0; i < g->g_keylen; i++) {
		r = (uint8_t)rnd(&g->g_s);
		if (i * 8 >= from)
			k[i] = r;
		else if (i * 8 + 8 > from) {
			keep = (uint8_t)(0xff00 >> (from - i * 8));
			k[i] = (k[i] & keep) | (r & (uint8_t)~keep);
		}
	}
}

static void
gen_init(struct gen *g, uint64_t seed, unsigned keylen, int sparse)
{
	unsigned i, nbits;

	memset(g, 0, sizeof(*g));
	rnd_seed(&g->g_s, seed);
	g->g_keylen = keylen;
	g->g_sparse = sparse;
	nbits = keylen * 8;
	gen_reroll(g, g->g_pool[0], 0);
	for (i = 1; i < NPOOL; i++) {
		memcpy(g->g_pool[i], g->g_pool[rnd(&g->g_s) % i], keylen);
		gen_reroll(g, g->g_pool[i], rnd(&g->g_s) % (nbits + 1));
	}
}

static void
gen_key(struct gen *g, uint8_t *k)
{

	if (g->g_sparse || rnd(&g->g_s) % 8 == 0) {
		gen_reroll(g, k, 0);
		return;
	}
	memcpy(k, g->g_pool[rnd(&g->g_s) % NPOOL], g->g_keylen);
	if (rnd(&g->g_s) % 2 == 0)
		gen_reroll(g, k, rnd(&g->g_s) % (g->g_keylen * 8 + 1));
}

static unsigned
gen_plen(struct gen *g)
{

	if (g->g_hostpct != 0 && rnd(&g->g_s) % 100 < g->g_hostpct)
		return g->g_keylen * 8;
	return rnd(&g->g_s) % (g->g_keylen * 8 + 1);
}

/* Add a random prefix to both the tree and the reference, checking. */
static void
rand_add(struct bsd_radix_head *rnh, struct ref *r, struct gen *g,
    const char *what)
{
	uint8_t k[BSD_RN_MAXKEYLEN];
	struct ent *e;
	unsigned plen;
	int got, want;
	char kb[40];

	gen_key(g, k);
	plen = gen_plen(g);
	want = ref_find(r, k, plen) >= 0 ? EEXIST : 0;
	e = ent_new(k, plen, r->r_keylen);
	/* k keeps its random bits past plen: the tree must ignore them. */
	got = bsd_rn_addaddr(rnh, k, plen, e);
	if (got != want)
		fail_msg("%s: add %s/%u: got %d, want %d", what,
		    keystr(k, r->r_keylen, kb), plen, got, want);
	if (got == 0)
		ref_add(r, e);
	else
		free(e);
}

/* Delete entry i of the reference from the tree, checking. */
static void
del_existing(struct bsd_radix_head *rnh, struct ref *r, struct gen *g,
    size_t i, const char *what)
{
	uint8_t k[BSD_RN_MAXKEYLEN];
	struct ent *e;
	void *got;
	char b1[48], b2[48];

	e = r->r_e[i];
	memcpy(k, e->e_key, r->r_keylen);
	gen_reroll(g, k, e->e_plen);
	got = bsd_rn_delete(rnh, k, e->e_plen);
	if (got != e)
		fail_msg("%s: delete %s: got %s", what, leafstr(e, b1),
		    leafstr(got, b2));
	ref_del(r, i);
	free(e);
}

static void
check_match(const struct bsd_radix_head *rnh, const struct ref *r,
    const uint8_t *k, const char *what)
{
	void *got, *want;
	char kb[40], b1[48], b2[48];

	got = bsd_rn_match(rnh, k);
	want = ref_match(r, k);
	if (got != want)
		fail_msg("%s: match %s: got %s, want %s", what,
		    keystr(k, r->r_keylen, kb), leafstr(got, b1),
		    leafstr(want, b2));
}

static void
check_matches(const struct bsd_radix_head *rnh, const struct ref *r,
    struct gen *g, unsigned n, const char *what)
{
	uint8_t k[BSD_RN_MAXKEYLEN];
	unsigned i;

	for (i = 0; i < n; i++) {
		gen_key(g, k);
		check_match(rnh, r, k, what);
	}
	/* Each entry's own prefix, with random host bits. */
	for (i = 0; i < r->r_n; i++) {
		memcpy(k, r->r_e[i]->e_key, r->r_keylen);
		gen_reroll(g, k, r->r_e[i]->e_plen);
		check_match(rnh, r, k, what);
	}
}

static void
check_count(const struct bsd_radix_head *rnh, const struct ref *r,
    const char *what)
{

	if (rnh->rnh_count != r->r_n)
		fail_msg("%s: rnh_count %llu, want %zu", what,
		    (unsigned long long)rnh->rnh_count, r->r_n);
}

/* Delete everything left, then the tree must be empty. */
static void
drain(struct bsd_radix_head *rnh, struct ref *r, struct gen *g,
    const char *what)
{

	while (r->r_n > 0)
		del_existing(rnh, r, g, rnd(&g->g_s) % r->r_n, what);
	check_tree(rnh, what);
	if (rnh->rnh_top != NULL || rnh->rnh_count != 0 || rnh->rnh_nodes != 0)
		fail_msg("%s: tree not empty after deleting every entry", what);
}

/*
 * Random operations against the reference.
 */

struct rcfg {
	const char	*rc_name;
	unsigned	rc_keylen;
	int		rc_sparse;
	unsigned	rc_nops;
	uint64_t	rc_seed;
	size_t		rc_cap;		/* table size to hover under */
	int		rc_hash;	/* bsd_rn_sethash, half host keys */
	int		rc_front;	/* the front from the first entry */
};

static void
run_random(const struct rcfg *rc)
{
	struct bsd_radix_head rnh;
	struct ref r;
	struct gen g;
	uint8_t k[BSD_RN_MAXKEYLEN];
	char what[96], kb[40], b1[48], b2[48];
	unsigned i, op, plen;
	int draining;
	long j;
	void *got, *want;

	bsd_rn_inithead(&rnh, rc->rc_keylen);
	ref_init(&r, rc->rc_keylen);
	gen_init(&g, rc->rc_seed, rc->rc_keylen, rc->rc_sparse);
	if (rc->rc_hash) {
		ent_sethash(&rnh);
		g.g_hostpct = 50;
	}
	if (rc->rc_front)
		rnh.rnh_frontmin = 1;
	for (i = 0; i < rc->rc_nops; i++) {
		snprintf(what, sizeof(what), "%s op %u", rc->rc_name, i);
		/* Every third stretch mostly deletes, down towards empty. */
		draining = (i / 10000) % 3 == 2;
		op = rnd(&g.g_s) % 100;
		if (op < (draining ? 5u : 30u) && r.r_n >= rc->rc_cap)
			op = 45;
		if (op < (draining ? 5u : 30u)) {
			rand_add(&rnh, &r, &g, what);
		} else if (op < 40) {
			/* Delete a random prefix, mostly absent. */
			gen_key(&g, k);
			plen = gen_plen(&g);
			j = ref_find(&r, k, plen);
			want = j >= 0 ? r.r_e[j] : NULL;
			got = bsd_rn_delete(&rnh, k, plen);
			if (got != want)
				fail_msg("%s: delete %s/%u: got %s, want %s",
				    what, keystr(k, r.r_keylen, kb), plen,
				    leafstr(got, b1), leafstr(want, b2));
			if (j >= 0) {
				ref_del(&r, (size_t)j);
				free(want);
			}
		} else if (op < (draining ? 70u : 50u)) {
			if (r.r_n > 0)
				del_existing(&rnh, &r, &g,
				    rnd(&g.g_s) % r.r_n, what);
		} else if (op < 75) {
			/* Exact lookup: of a random prefix, or of an entry. */
			if (op % 2 == 0 || r.r_n == 0) {
				gen_key(&g, k);
				plen = gen_plen(&g);
				j = ref_find(&r, k, plen);
			} else {
				j = (long)(rnd(&g.g_s) % r.r_n);
				plen = r.r_e[j]->e_plen;
				memcpy(k, r.r_e[j]->e_key, r.r_keylen);
				gen_reroll(&g, k, plen);
			}
			want = j >= 0 ? r.r_e[j] : NULL;
			got = bsd_rn_lookup(&rnh, k, plen);
			if (got != want)
				fail_msg("%s: lookup %s/%u: got %s, want %s",
				    what, keystr(k, r.r_keylen, kb), plen,
				    leafstr(got, b1), leafstr(want, b2));
		} else {
			gen_key(&g, k);
			check_match(&rnh, &r, k, what);
		}
		check_count(&rnh, &r, what);
		if (i % 1000 == 999) {
			check_tree(&rnh, what);
			check_walk(&rnh, &r, what);
		}
	}
	snprintf(what, sizeof(what), "%s at the end", rc->rc_name);
	check_tree(&rnh, what);
	check_walk(&rnh, &r, what);
	check_matches(&rnh, &r, &g, 1000, what);
	drain(&rnh, &r, &g, what);
	ref_free(&r);
	bsd_rn_destroyhead(&rnh);
}

static void
test_random_v4_pool(void **state)
{
	static const struct rcfg rc = {
		"v4 pool", 4, 0, 150000, 1, 1500, 0, 0
	};

	(void)state;
	run_random(&rc);
}

static void
test_random_v4_sparse(void **state)
{
	static const struct rcfg rc = {
		"v4 sparse", 4, 1, 100000, 2, 1500, 0, 0
	};

	(void)state;
	run_random(&rc);
}

static void
test_random_v6_pool(void **state)
{
	static const struct rcfg rc = {
		"v6 pool", 16, 0, 30000, 3, 1000, 0, 0
	};

	(void)state;
	run_random(&rc);
}

static void
test_random_v6_sparse(void **state)
{
	static const struct rcfg rc = {
		"v6 sparse", 16, 1, 20000, 4, 1000, 0, 0
	};

	(void)state;
	run_random(&rc);
}

/* One-octet keys: all 511 prefixes fit, so the table is dense. */
static void
test_random_keylen1(void **state)
{
	static const struct rcfg rc = {
		"keylen 1", 1, 1, 30000, 5, 400, 0, 0
	};

	(void)state;
	run_random(&rc);
}

/* An odd length, through the general (not 4-octet) code. */
static void
test_random_keylen3(void **state)
{
	static const struct rcfg rc = {
		"keylen 3", 3, 0, 30000, 6, 1000, 0, 0
	};

	(void)state;
	run_random(&rc);
}

/*
 * The same with full-length keys hashed (bsd_rn_sethash), half of the
 * prefixes full length so that the hash grows, shrinks and shares keys
 * with shorter prefixes in the tree.
 */
static void
test_random_v4_hash(void **state)
{
	static const struct rcfg rc = {
		"v4 hash", 4, 0, 150000, 11, 1500, 1, 0
	};

	(void)state;
	run_random(&rc);
}

static void
test_random_v4_hash_sparse(void **state)
{
	static const struct rcfg rc = {
		"v4 hash sparse", 4, 1, 100000, 12, 3000, 1, 0
	};

	(void)state;
	run_random(&rc);
}

static void
test_random_v6_hash(void **state)
{
	static const struct rcfg rc = {
		"v6 hash", 16, 0, 30000, 13, 1000, 1, 0
	};

	(void)state;
	run_random(&rc);
}

static void
test_random_keylen3_hash(void **state)
{
	static const struct rcfg rc = {
		"keylen 3 hash", 3, 0, 30000, 14, 1000, 1, 0
	};

	(void)state;
	run_random(&rc);
}

/*
 * The same again with the front of the tree built from the first entry
 * (rnh_frontmin 1), so that it follows every change; short prefixes are
 * common in the pool keys, and the sparse ones reach the top often.
 */
static void
test_random_v4_front(void **state)
{
	static const struct rcfg rc = {
		"v4 front", 4, 0, 60000, 21, 1500, 0, 1
	};

	(void)state;
	run_random(&rc);
}

static void
test_random_v4_front_sparse(void **state)
{
	static const struct rcfg rc = {
		"v4 front sparse", 4, 1, 40000, 22, 1500, 0, 1
	};

	(void)state;
	run_random(&rc);
}

static void
test_random_v4_front_hash(void **state)
{
	static const struct rcfg rc = {
		"v4 front hash", 4, 0, 40000, 23, 1500, 1, 1
	};

	(void)state;
	run_random(&rc);
}

/* The front comes by itself once the tree reaches rnh_frontmin. */
static void
test_front_threshold(void **state)
{
	struct bsd_radix_head rnh;
	struct ref r;
	struct gen g;

	(void)state;
	bsd_rn_inithead(&rnh, 4);
	if (rnh.rnh_frontmin != BSD_RN_FRONTMIN)
		fail_msg("rnh_frontmin %llu, want %d",
		    (unsigned long long)rnh.rnh_frontmin, BSD_RN_FRONTMIN);
	rnh.rnh_frontmin = 300;
	ref_init(&r, 4);
	gen_init(&g, 24, 4, 1);
	while (r.r_n < 299)
		rand_add(&rnh, &r, &g, "front threshold");
	if (rnh.rnh_front != NULL)
		fail_msg("a front below rnh_frontmin");
	while (r.r_n < 300)
		rand_add(&rnh, &r, &g, "front threshold");
	if (rnh.rnh_front == NULL)
		fail_msg("no front at rnh_frontmin");
	check_tree(&rnh, "front threshold");
	check_matches(&rnh, &r, &g, 5000, "front threshold");
	drain(&rnh, &r, &g, "front threshold");
	ref_free(&r);
	bsd_rn_destroyhead(&rnh);
	if (rnh.rnh_front != NULL)
		fail_msg("destroyed head still has a front");
}

static void
test_random_keylen1_hash(void **state)
{
	static const struct rcfg rc = {
		"keylen 1 hash", 1, 1, 30000, 15, 400, 1, 0
	};

	(void)state;
	run_random(&rc);
}

/*
 * Walks that delete as they go.
 */

enum { WD_ALTERNATE, WD_ALL, WD_RANDOM };

struct wdel {
	struct bsd_radix_head	*wd_rnh;
	int			wd_mode;
	uint64_t		wd_s;
	void			**wd_seen;
	size_t			wd_n;
	size_t			wd_cap;
	const char		*wd_what;
};

static int
wdel_cb(void *leaf, void *arg)
{
	struct wdel *wd = arg;
	struct ent *e = leaf;
	void *got;
	char b1[48], b2[48];
	int del;

	if (wd->wd_n == wd->wd_cap)
		fail_msg("%s: walk visits more than the %zu leaves there were",
		    wd->wd_what, wd->wd_cap);
	if (e->e_gone)
		fail_msg("%s: walk visits %s after it was deleted",
		    wd->wd_what, leafstr(e, b1));
	switch (wd->wd_mode) {
	case WD_ALTERNATE:
		del = wd->wd_n % 2 == 0;
		break;
	case WD_ALL:
		del = 1;
		break;
	default:
		del = rnd(&wd->wd_s) % 3 == 0;
		break;
	}
	wd->wd_seen[wd->wd_n++] = leaf;
	if (del) {
		got = bsd_rn_delete(wd->wd_rnh, e->e_key, e->e_plen);
		if (got != leaf)
			fail_msg("%s: delete %s inside the walk: got %s",
			    wd->wd_what, leafstr(e, b1), leafstr(got, b2));
		e->e_gone = 1;
		/* Between calls the tree must be whole; check when cheap. */
		if (wd->wd_cap <= 300)
			check_tree(wd->wd_rnh, wd->wd_what);
	}
	return 0;
}

static void
run_walk_delete(int mode, const char *name, int hash)
{
	static const unsigned keylens[] = { 4, 16, 1, 4 };
	struct bsd_radix_head rnh;
	struct ref r;
	struct gen g;
	struct wdel wd;
	struct ent **want;
	char what[96], b1[48], b2[48];
	unsigned t, i, keylen, nadd, ndel;
	size_t j;

	for (t = 0; t < 28; t++) {
		keylen = keylens[t % 4];
		nadd = 1 + 2 * t * t;
		snprintf(what, sizeof(what), "%s, tree %u (keylen %u)", name,
		    t, keylen);
		bsd_rn_inithead(&rnh, keylen);
		ref_init(&r, keylen);
		gen_init(&g, 100 + t, keylen, 0);
		if (hash) {
			ent_sethash(&rnh);
			g.g_hostpct = 50;
		}
		for (i = 0; i < nadd; i++)
			rand_add(&rnh, &r, &g, what);
		check_tree(&rnh, what);

		want = ref_sorted(&r);
		memset(&wd, 0, sizeof(wd));
		wd.wd_rnh = &rnh;
		wd.wd_mode = mode;
		rnd_seed(&wd.wd_s, t);
		wd.wd_seen = malloc((r.r_n + 1) * sizeof(wd.wd_seen[0]));
		if (wd.wd_seen == NULL)
			fail_msg("out of memory");
		wd.wd_cap = r.r_n;
		wd.wd_what = what;
		if (bsd_rn_walktree(&rnh, wdel_cb, &wd) != 0)
			fail_msg("%s: walk returned nonzero", what);

		/* Every leaf seen once, in order, deleted or not. */
		if (wd.wd_n != r.r_n)
			fail_msg("%s: walk visited %zu leaves, want %zu", what,
			    wd.wd_n, r.r_n);
		for (j = 0; j < r.r_n; j++)
			if (wd.wd_seen[j] != want[j])
				fail_msg("%s: walk position %zu: got %s, "
				    "want %s", what, j,
				    leafstr(wd.wd_seen[j], b1),
				    leafstr(want[j], b2));
		free(wd.wd_seen);
		free(want);

		/* Bring the reference up to date, checking the deleted. */
		ndel = 0;
		for (j = 0; j < r.r_n; ) {
			if (!r.r_e[j]->e_gone) {
				j++;
				continue;
			}
			if (bsd_rn_lookup(&rnh, r.r_e[j]->e_key,
			    r.r_e[j]->e_plen) != NULL)
				fail_msg("%s: %s still there after deletion",
				    what, leafstr(r.r_e[j], b1));
			free(r.r_e[j]);
			ref_del(&r, j);
			ndel++;
		}
		if (mode == WD_ALL && r.r_n != 0)
			fail_msg("%s: %zu entries not deleted", what, r.r_n);
		if (mode == WD_ALTERNATE && ndel != (wd.wd_n + 1) / 2)
			fail_msg("%s: %u deleted, want %zu", what, ndel,
			    (wd.wd_n + 1) / 2);
		check_count(&rnh, &r, what);
		check_tree(&rnh, what);
		check_walk(&rnh, &r, what);
		check_matches(&rnh, &r, &g, 1000, what);
		if (mode == WD_ALL && (rnh.rnh_top != NULL ||
		    rnh.rnh_nodes != 0))
			fail_msg("%s: nodes left after deleting every leaf",
			    what);

		/* The tree still takes additions after all that. */
		for (i = 0; i < nadd; i++)
			rand_add(&rnh, &r, &g, what);
		check_tree(&rnh, what);
		check_walk(&rnh, &r, what);
		check_matches(&rnh, &r, &g, 500, what);
		drain(&rnh, &r, &g, what);
		ref_free(&r);
		bsd_rn_destroyhead(&rnh);
	}
}

static void
test_walk_delete_alternate(void **state)
{

	(void)state;
	run_walk_delete(WD_ALTERNATE, "delete every other leaf", 0);
	run_walk_delete(WD_ALTERNATE, "hashed, delete every other leaf", 1);
}

static void
test_walk_delete_all(void **state)
{

	(void)state;
	run_walk_delete(WD_ALL, "delete every leaf", 0);
	run_walk_delete(WD_ALL, "hashed, delete every leaf", 1);
}

static void
test_walk_delete_random(void **state)
{

	(void)state;
	run_walk_delete(WD_RANDOM, "delete a third of the leaves", 0);
	run_walk_delete(WD_RANDOM, "hashed, delete a third of the leaves", 1);
}

/*
 * Hand-made cases.
 */

/* Add e, expecting the error code want. */
#define ADD(rnh, e, want)	do_add((rnh), (e), (want), __LINE__)
#define ADDK(rnh, key, plen, e, want)					\
	do_addk((rnh), (key), (plen), (e), (want), __LINE__)
#define MATCH(rnh, key, want)	do_match((rnh), (key), (want), __LINE__)
#define LOOKUP(rnh, key, plen, want)					\
	do_lookup((rnh), (key), (plen), (want), __LINE__)
#define DELETE(rnh, key, plen, want)					\
	do_delete((rnh), (key), (plen), (want), __LINE__)
#define COUNTS(rnh, count, nodes)					\
	do_counts((rnh), (count), (nodes), __LINE__)

static void
do_addk(struct bsd_radix_head *rnh, const uint8_t *key, unsigned plen,
    struct ent *e, int want, int line)
{
	char kb[40];
	int got;

	got = bsd_rn_addaddr(rnh, key, plen, e);
	if (got != want)
		fail_msg("line %d: add %s/%u: got %d, want %d", line,
		    keystr(key, rnh->rnh_keylen, kb), plen, got, want);
	check_tree(rnh, "after add");
}

static void
do_add(struct bsd_radix_head *rnh, struct ent *e, int want, int line)
{

	do_addk(rnh, e->e_key, e->e_plen, e, want, line);
}

static void
do_match(const struct bsd_radix_head *rnh, const uint8_t *key,
    const struct ent *want, int line)
{
	void *got;
	char kb[40], b1[48], b2[48];

	got = bsd_rn_match(rnh, key);
	if (got != want)
		fail_msg("line %d: match %s: got %s, want %s", line,
		    keystr(key, rnh->rnh_keylen, kb), leafstr(got, b1),
		    leafstr(want, b2));
}

static void
do_lookup(const struct bsd_radix_head *rnh, const uint8_t *key,
    unsigned plen, const struct ent *want, int line)
{
	void *got;
	char kb[40], b1[48], b2[48];

	got = bsd_rn_lookup(rnh, key, plen);
	if (got != want)
		fail_msg("line %d: lookup %s/%u: got %s, want %s", line,
		    keystr(key, rnh->rnh_keylen, kb), plen, leafstr(got, b1),
		    leafstr(want, b2));
}

static void
do_delete(struct bsd_radix_head *rnh, const uint8_t *key, unsigned plen,
    const struct ent *want, int line)
{
	void *got;
	char kb[40], b1[48], b2[48];

	got = bsd_rn_delete(rnh, key, plen);
	if (got != want)
		fail_msg("line %d: delete %s/%u: got %s, want %s", line,
		    keystr(key, rnh->rnh_keylen, kb), plen, leafstr(got, b1),
		    leafstr(want, b2));
	check_tree(rnh, "after delete");
}

static void
do_counts(const struct bsd_radix_head *rnh, uint64_t count, uint64_t nodes,
    int line)
{

	if (rnh->rnh_count != count || rnh->rnh_nodes != nodes)
		fail_msg("line %d: %llu entries in %llu nodes, want %llu in "
		    "%llu", line, (unsigned long long)rnh->rnh_count,
		    (unsigned long long)rnh->rnh_nodes,
		    (unsigned long long)count, (unsigned long long)nodes);
}

static int
count_cb(void *leaf, void *arg)
{

	(void)leaf;
	(*(unsigned *)arg)++;
	return 0;
}

static void
test_empty(void **state)
{
	struct bsd_radix_head rnh;
	unsigned n;

	(void)state;
	bsd_rn_inithead(&rnh, 4);
	MATCH(&rnh, IP4(1, 2, 3, 4), NULL);
	MATCH(&rnh, IP4(0, 0, 0, 0), NULL);
	LOOKUP(&rnh, IP4(0, 0, 0, 0), 0, NULL);
	DELETE(&rnh, IP4(0, 0, 0, 0), 0, NULL);
	n = 0;
	assert_int_equal(bsd_rn_walktree(&rnh, count_cb, &n), 0);
	if (n != 0)
		fail_msg("walk of an empty tree called f %u times", n);
	COUNTS(&rnh, 0, 0);
	bsd_rn_destroyhead(&rnh);
}

static void
test_basic(void **state)
{
	struct bsd_radix_head rnh;
	struct ent *net10, *net192, *host7, *dflt;

	(void)state;
	bsd_rn_inithead(&rnh, 4);
	net10 = ent_new(IP4(10, 0, 0, 0), 8, 4);
	net192 = ent_new(IP4(192, 168, 1, 0), 24, 4);
	host7 = ent_new(IP4(192, 168, 1, 7), 32, 4);
	dflt = ent_new(IP4(0, 0, 0, 0), 0, 4);

	ADD(&rnh, net10, 0);
	ADD(&rnh, net192, 0);
	MATCH(&rnh, IP4(10, 1, 2, 3), net10);
	MATCH(&rnh, IP4(192, 168, 1, 7), net192);
	MATCH(&rnh, IP4(11, 0, 0, 0), NULL);
	ADD(&rnh, host7, 0);
	/* 10/8 and 192.168.1/24 part at bit 0: glue at /0, not an entry. */
	COUNTS(&rnh, 3, 4);
	LOOKUP(&rnh, IP4(0, 0, 0, 0), 0, NULL);
	MATCH(&rnh, IP4(11, 0, 0, 0), NULL);
	/* The default route takes that glue node over. */
	ADD(&rnh, dflt, 0);
	COUNTS(&rnh, 4, 4);

	LOOKUP(&rnh, IP4(10, 0, 0, 0), 8, net10);
	LOOKUP(&rnh, IP4(192, 168, 1, 0), 24, net192);
	LOOKUP(&rnh, IP4(192, 168, 1, 7), 32, host7);
	LOOKUP(&rnh, IP4(0, 0, 0, 0), 0, dflt);
	LOOKUP(&rnh, IP4(10, 0, 0, 0), 9, NULL);
	LOOKUP(&rnh, IP4(10, 0, 0, 0), 7, NULL);
	LOOKUP(&rnh, IP4(192, 168, 1, 0), 23, NULL);
	LOOKUP(&rnh, IP4(192, 168, 1, 8), 32, NULL);
	LOOKUP(&rnh, IP4(128, 0, 0, 0), 1, NULL);

	MATCH(&rnh, IP4(10, 1, 2, 3), net10);
	MATCH(&rnh, IP4(10, 255, 255, 255), net10);
	MATCH(&rnh, IP4(192, 168, 1, 7), host7);
	MATCH(&rnh, IP4(192, 168, 1, 8), net192);
	MATCH(&rnh, IP4(192, 168, 1, 6), net192);
	MATCH(&rnh, IP4(192, 168, 2, 1), dflt);
	MATCH(&rnh, IP4(11, 0, 0, 0), dflt);
	MATCH(&rnh, IP4(0, 0, 0, 0), dflt);
	MATCH(&rnh, IP4(255, 255, 255, 255), dflt);

	ADD(&rnh, net192, EEXIST);
	ADD(&rnh, dflt, EEXIST);
	COUNTS(&rnh, 4, 4);

	DELETE(&rnh, IP4(192, 168, 1, 0), 24, net192);
	DELETE(&rnh, IP4(192, 168, 1, 0), 24, NULL);
	MATCH(&rnh, IP4(192, 168, 1, 8), dflt);
	MATCH(&rnh, IP4(192, 168, 1, 7), host7);
	DELETE(&rnh, IP4(0, 0, 0, 0), 0, dflt);
	MATCH(&rnh, IP4(11, 0, 0, 0), NULL);
	MATCH(&rnh, IP4(192, 168, 1, 8), NULL);
	MATCH(&rnh, IP4(10, 9, 9, 9), net10);
	DELETE(&rnh, IP4(192, 168, 1, 7), 32, host7);
	DELETE(&rnh, IP4(10, 0, 0, 0), 8, net10);
	COUNTS(&rnh, 0, 0);
	if (rnh.rnh_top != NULL)
		fail_msg("rnh_top is not NULL in an empty tree");
	bsd_rn_destroyhead(&rnh);
	free(net10);
	free(net192);
	free(host7);
	free(dflt);
}

static void
test_default_route(void **state)
{
	struct bsd_radix_head rnh;
	struct ent *dflt, *net, *other;

	(void)state;
	bsd_rn_inithead(&rnh, 4);
	dflt = ent_new(IP4(0, 0, 0, 0), 0, 4);
	net = ent_new(IP4(128, 0, 0, 0), 1, 4);
	other = ent_new(IP4(0, 0, 0, 0), 0, 4);

	/* Alone, the default route matches everything. */
	ADDK(&rnh, IP4(1, 2, 3, 4), 0, dflt, 0);
	COUNTS(&rnh, 1, 1);
	MATCH(&rnh, IP4(0, 0, 0, 0), dflt);
	MATCH(&rnh, IP4(127, 255, 255, 255), dflt);
	MATCH(&rnh, IP4(255, 255, 255, 255), dflt);
	LOOKUP(&rnh, IP4(0, 0, 0, 0), 0, dflt);
	LOOKUP(&rnh, IP4(200, 1, 1, 1), 0, dflt);
	ADDK(&rnh, IP4(255, 0, 0, 0), 0, other, EEXIST);

	/* Under a /1, and again once the /1 is gone. */
	ADD(&rnh, net, 0);
	MATCH(&rnh, IP4(128, 0, 0, 0), net);
	MATCH(&rnh, IP4(127, 0, 0, 0), dflt);
	DELETE(&rnh, IP4(200, 0, 0, 0), 1, net);
	MATCH(&rnh, IP4(128, 0, 0, 0), dflt);
	COUNTS(&rnh, 1, 1);

	/* Deleted with host bits set, and added back under /1. */
	DELETE(&rnh, IP4(255, 255, 255, 255), 0, dflt);
	MATCH(&rnh, IP4(0, 0, 0, 0), NULL);
	ADD(&rnh, net, 0);
	ADD(&rnh, dflt, 0);
	COUNTS(&rnh, 2, 2);
	MATCH(&rnh, IP4(1, 1, 1, 1), dflt);
	MATCH(&rnh, IP4(129, 1, 1, 1), net);
	DELETE(&rnh, IP4(0, 0, 0, 0), 0, dflt);
	MATCH(&rnh, IP4(1, 1, 1, 1), NULL);
	COUNTS(&rnh, 1, 1);
	bsd_rn_destroyhead(&rnh);
	free(dflt);
	free(net);
	free(other);
}

static void
test_host_routes(void **state)
{
	struct bsd_radix_head rnh;
	struct ent *h[6], *net31;
	unsigned i;

	(void)state;
	bsd_rn_inithead(&rnh, 4);
	h[0] = ent_new(IP4(10, 0, 0, 1), 32, 4);
	h[1] = ent_new(IP4(10, 0, 0, 2), 32, 4);
	h[2] = ent_new(IP4(10, 0, 0, 3), 32, 4);
	h[3] = ent_new(IP4(0, 0, 0, 0), 32, 4);
	h[4] = ent_new(IP4(255, 255, 255, 255), 32, 4);
	h[5] = ent_new(IP4(10, 0, 0, 0), 32, 4);
	net31 = ent_new(IP4(10, 0, 0, 2), 31, 4);
	for (i = 0; i < 6; i++)
		ADD(&rnh, h[i], 0);
	for (i = 0; i < 6; i++) {
		ADD(&rnh, h[i], EEXIST);
		MATCH(&rnh, h[i]->e_key, h[i]);
		LOOKUP(&rnh, h[i]->e_key, 32, h[i]);
	}
	MATCH(&rnh, IP4(10, 0, 0, 4), NULL);
	MATCH(&rnh, IP4(0, 0, 0, 1), NULL);
	MATCH(&rnh, IP4(255, 255, 255, 254), NULL);
	LOOKUP(&rnh, IP4(10, 0, 0, 2), 31, NULL);

	/* A /31 over two hosts takes the place of their glue. */
	ADD(&rnh, net31, 0);
	MATCH(&rnh, IP4(10, 0, 0, 2), h[1]);
	MATCH(&rnh, IP4(10, 0, 0, 3), h[2]);
	DELETE(&rnh, IP4(10, 0, 0, 3), 32, h[2]);
	MATCH(&rnh, IP4(10, 0, 0, 3), net31);
	MATCH(&rnh, IP4(10, 0, 0, 2), h[1]);
	DELETE(&rnh, IP4(10, 0, 0, 2), 32, h[1]);
	MATCH(&rnh, IP4(10, 0, 0, 2), net31);
	DELETE(&rnh, IP4(10, 0, 0, 3), 31, net31);
	MATCH(&rnh, IP4(10, 0, 0, 2), NULL);
	for (i = 0; i < 6; i++)
		if (i != 1 && i != 2)
			DELETE(&rnh, h[i]->e_key, 32, h[i]);
	COUNTS(&rnh, 0, 0);
	bsd_rn_destroyhead(&rnh);
	for (i = 0; i < 6; i++)
		free(h[i]);
	free(net31);
}

static void
test_eexist(void **state)
{
	struct bsd_radix_head rnh;
	struct ent *a, *b, *c, *dup;

	(void)state;
	bsd_rn_inithead(&rnh, 4);
	a = ent_new(IP4(10, 0, 0, 0), 24, 4);
	b = ent_new(IP4(10, 0, 1, 0), 24, 4);
	c = ent_new(IP4(10, 0, 0, 0), 23, 4);
	dup = ent_new(IP4(10, 0, 0, 0), 24, 4);

	ADD(&rnh, a, 0);
	ADD(&rnh, dup, EEXIST);
	ADDK(&rnh, IP4(10, 0, 0, 99), 24, dup, EEXIST);
	LOOKUP(&rnh, IP4(10, 0, 0, 0), 24, a);
	COUNTS(&rnh, 1, 1);

	/* Two /24s hang under glue at /23 ... */
	ADD(&rnh, b, 0);
	COUNTS(&rnh, 2, 3);
	LOOKUP(&rnh, IP4(10, 0, 0, 0), 23, NULL);
	DELETE(&rnh, IP4(10, 0, 0, 0), 23, NULL);
	COUNTS(&rnh, 2, 3);
	/* ... which the /23 entry takes over, once, and gives back. */
	ADD(&rnh, c, 0);
	COUNTS(&rnh, 3, 3);
	ADDK(&rnh, IP4(10, 0, 1, 255), 23, dup, EEXIST);
	LOOKUP(&rnh, IP4(10, 0, 1, 0), 23, c);
	DELETE(&rnh, IP4(10, 0, 0, 0), 23, c);
	COUNTS(&rnh, 2, 3);
	DELETE(&rnh, IP4(10, 0, 0, 0), 24, a);
	COUNTS(&rnh, 1, 1);
	LOOKUP(&rnh, IP4(10, 0, 1, 0), 24, b);
	DELETE(&rnh, IP4(10, 0, 1, 0), 24, b);
	COUNTS(&rnh, 0, 0);
	bsd_rn_destroyhead(&rnh);
	free(a);
	free(b);
	free(c);
	free(dup);
}

static void
test_einval(void **state)
{
	struct bsd_radix_head rnh;
	struct ent *e;

	(void)state;
	bsd_rn_inithead(&rnh, 4);
	e = ent_new(IP4(10, 0, 0, 0), 8, 4);
	ADDK(&rnh, IP4(10, 0, 0, 0), 33, e, EINVAL);
	ADDK(&rnh, IP4(10, 0, 0, 0), 8, NULL, EINVAL);
	COUNTS(&rnh, 0, 0);
	ADD(&rnh, e, 0);
	LOOKUP(&rnh, IP4(10, 0, 0, 0), 33, NULL);
	DELETE(&rnh, IP4(10, 0, 0, 0), 33, NULL);
	DELETE(&rnh, IP4(10, 0, 0, 0), 8, e);
	bsd_rn_destroyhead(&rnh);
	free(e);
}

/* 10/8, 10/16 and 10/24 share a key; the longest covering one wins. */
static void
test_dupkeys(void **state)
{
	static const unsigned perm[6][3] = {
		{ 0, 1, 2 }, { 0, 2, 1 }, { 1, 0, 2 },
		{ 1, 2, 0 }, { 2, 0, 1 }, { 2, 1, 0 }
	};
	struct bsd_radix_head rnh;
	struct ent *e[3];
	struct collect c;
	void *seen[4];
	unsigned p, i;

	(void)state;
	e[0] = ent_new(IP4(10, 0, 0, 0), 8, 4);
	e[1] = ent_new(IP4(10, 0, 0, 0), 16, 4);
	e[2] = ent_new(IP4(10, 0, 0, 0), 24, 4);
	for (p = 0; p < 6; p++) {
		bsd_rn_inithead(&rnh, 4);
		for (i = 0; i < 3; i++)
			ADD(&rnh, e[perm[p][i]], 0);
		COUNTS(&rnh, 3, 3);
		for (i = 0; i < 3; i++) {
			ADD(&rnh, e[i], EEXIST);
			LOOKUP(&rnh, IP4(10, 0, 0, 0), e[i]->e_plen, e[i]);
		}
		MATCH(&rnh, IP4(10, 0, 0, 1), e[2]);
		MATCH(&rnh, IP4(10, 0, 0, 0), e[2]);
		MATCH(&rnh, IP4(10, 0, 1, 1), e[1]);
		MATCH(&rnh, IP4(10, 1, 0, 0), e[0]);
		MATCH(&rnh, IP4(11, 0, 0, 0), NULL);

		/* Walk order: same key, shorter prefix first. */
		c.c_v = seen;
		c.c_n = 0;
		c.c_cap = 3;
		c.c_what = "walk of 10/8, 10/16, 10/24";
		assert_int_equal(bsd_rn_walktree(&rnh, collect_cb, &c), 0);
		if (c.c_n != 3 || seen[0] != e[0] || seen[1] != e[1] ||
		    seen[2] != e[2])
			fail_msg("insertion order %u: walk order is wrong", p);

		/* Take the middle one out, then the shortest. */
		DELETE(&rnh, IP4(10, 0, 0, 0), 16, e[1]);
		MATCH(&rnh, IP4(10, 0, 1, 1), e[0]);
		MATCH(&rnh, IP4(10, 0, 0, 1), e[2]);
		COUNTS(&rnh, 2, 2);
		DELETE(&rnh, IP4(10, 0, 0, 0), 8, e[0]);
		MATCH(&rnh, IP4(10, 0, 1, 1), NULL);
		MATCH(&rnh, IP4(10, 0, 0, 1), e[2]);
		COUNTS(&rnh, 1, 1);
		bsd_rn_destroyhead(&rnh);
	}
	for (i = 0; i < 3; i++)
		free(e[i]);
}

/* Bits of the key past the prefix length never count. */
static void
test_hostbits_ignored(void **state)
{
	struct bsd_radix_head rnh;
	struct ent *e, *f;
	uint8_t k6[16];

	(void)state;
	bsd_rn_inithead(&rnh, 4);
	e = ent_new(IP4(10, 0, 0, 0), 8, 4);
	ADDK(&rnh, IP4(10, 1, 2, 3), 8, e, 0);
	if (memcmp(rnh.rnh_top->rn_key, IP4(10, 0, 0, 0), 4) != 0)
		fail_msg("key stored with its host bits");
	LOOKUP(&rnh, IP4(10, 0, 0, 0), 8, e);
	LOOKUP(&rnh, IP4(10, 255, 255, 255), 8, e);
	LOOKUP(&rnh, IP4(11, 0, 0, 0), 8, NULL);
	MATCH(&rnh, IP4(10, 200, 0, 1), e);
	/* 10.0.0.0/7 and 11.0.0.0/7 are the same prefix. */
	f = ent_new(IP4(10, 0, 0, 0), 7, 4);
	ADDK(&rnh, IP4(11, 9, 9, 9), 7, f, 0);
	LOOKUP(&rnh, IP4(10, 0, 0, 0), 7, f);
	MATCH(&rnh, IP4(11, 0, 0, 0), f);
	DELETE(&rnh, IP4(10, 9, 9, 9), 8, e);
	DELETE(&rnh, IP4(11, 0, 0, 0), 7, f);
	COUNTS(&rnh, 0, 0);
	bsd_rn_destroyhead(&rnh);
	free(e);
	free(f);

	/* The same with 16-octet keys, through the general code. */
	bsd_rn_inithead(&rnh, 16);
	memset(k6, 0xff, sizeof(k6));
	k6[0] = 0x20;
	k6[1] = 0x01;
	e = ent_new(k6, 16, 16);
	f = ent_new(k6, 127, 16);
	ADDK(&rnh, k6, 16, e, 0);
	ADDK(&rnh, k6, 127, f, 0);
	LOOKUP(&rnh, e->e_key, 16, e);
	MATCH(&rnh, k6, f);
	k6[15] = 0xfe;
	MATCH(&rnh, k6, f);
	k6[15] = 0xfd;
	MATCH(&rnh, k6, e);
	k6[1] = 0x02;
	MATCH(&rnh, k6, NULL);
	DELETE(&rnh, k6, 16, NULL);
	k6[1] = 0x01;
	DELETE(&rnh, k6, 16, e);
	DELETE(&rnh, f->e_key, 127, f);
	COUNTS(&rnh, 0, 0);
	bsd_rn_destroyhead(&rnh);
	free(e);
	free(f);
}

struct stopper {
	unsigned	st_n;
	unsigned	st_stop;
};

static int
stop_cb(void *leaf, void *arg)
{
	struct stopper *st = arg;

	(void)leaf;
	return ++st->st_n == st->st_stop ? 42 : 0;
}

/* A nonzero return from f ends the walk and is passed back. */
static void
test_walk_stop(void **state)
{
	struct bsd_radix_head rnh;
	struct ref r;
	struct gen g;
	struct stopper st;
	unsigned i;
	int error;

	(void)state;
	bsd_rn_inithead(&rnh, 4);
	ref_init(&r, 4);
	gen_init(&g, 7, 4, 0);
	for (i = 0; i < 200; i++)
		rand_add(&rnh, &r, &g, "walk stop");
	st.st_n = 0;
	st.st_stop = 10;
	error = bsd_rn_walktree(&rnh, stop_cb, &st);
	if (error != 42 || st.st_n != 10)
		fail_msg("walk stopping at the 10th leaf: returned %d after %u "
		    "calls", error, st.st_n);
	st.st_n = 0;
	st.st_stop = 0;
	error = bsd_rn_walktree(&rnh, stop_cb, &st);
	if (error != 0 || st.st_n != r.r_n)
		fail_msg("full walk: returned %d after %u calls, want 0 after "
		    "%zu", error, st.st_n, r.r_n);
	drain(&rnh, &r, &g, "walk stop");
	ref_free(&r);
	bsd_rn_destroyhead(&rnh);
}

/*
 * Hashed host keys by hand: a host route and a net route under the same
 * key, the host one matched first and found by exact lookup only at its
 * own length; EEXIST, a leaf whose key is not the one given (EINVAL),
 * sethash on a head that is not empty (EBUSY); the chains growing with
 * the table and shrinking back; walks merging both in key order.
 */
static void
test_hash_basic(void **state)
{
	struct bsd_radix_head rnh;
	struct ent *net8, *net24, *host, *host2, *other, *dflt, *many[5000];
	struct ref r;
	unsigned i, bits;
	uint8_t k[4];

	(void)state;
	bsd_rn_inithead(&rnh, 4);
	ent_sethash(&rnh);
	if (bsd_rn_sethash(&rnh, 0, 0) != EBUSY)
		fail_msg("sethash twice: want EBUSY");
	ref_init(&r, 4);
	net8 = ent_new(IP4(10, 0, 0, 0), 8, 4);
	net24 = ent_new(IP4(10, 0, 0, 0), 24, 4);
	host = ent_new(IP4(10, 0, 0, 0), 32, 4);
	host2 = ent_new(IP4(10, 0, 0, 7), 32, 4);
	other = ent_new(IP4(10, 0, 0, 7), 32, 4);
	dflt = ent_new(IP4(0, 0, 0, 0), 0, 4);
	ADD(&rnh, host, 0);
	ADD(&rnh, net8, 0);
	ADD(&rnh, net24, 0);
	ADD(&rnh, host2, 0);
	ADD(&rnh, dflt, 0);
	ADD(&rnh, other, EEXIST);
	/* A leaf must carry the key it is added under. */
	ADDK(&rnh, IP4(10, 0, 0, 9), 32, other, EINVAL);
	if (bsd_rn_sethash(&rnh, 0, 0) != EBUSY)
		fail_msg("sethash on a full head: want EBUSY");
	COUNTS(&rnh, 5, 3);
	if (rnh.rnh_hcount != 2)
		fail_msg("%llu hashed, want 2",
		    (unsigned long long)rnh.rnh_hcount);
	MATCH(&rnh, IP4(10, 0, 0, 0), host);
	MATCH(&rnh, IP4(10, 0, 0, 7), host2);
	MATCH(&rnh, IP4(10, 0, 0, 8), net24);
	MATCH(&rnh, IP4(10, 0, 1, 7), net8);
	MATCH(&rnh, IP4(11, 0, 0, 7), dflt);
	LOOKUP(&rnh, IP4(10, 0, 0, 0), 32, host);
	LOOKUP(&rnh, IP4(10, 0, 0, 0), 24, net24);
	LOOKUP(&rnh, IP4(10, 0, 0, 0), 8, net8);
	LOOKUP(&rnh, IP4(10, 0, 0, 8), 32, NULL);
	ref_add(&r, host);
	ref_add(&r, net8);
	ref_add(&r, net24);
	ref_add(&r, host2);
	ref_add(&r, dflt);
	check_walk(&rnh, &r, "hash basic");
	DELETE(&rnh, IP4(10, 0, 0, 7), 32, host2);
	MATCH(&rnh, IP4(10, 0, 0, 7), net24);
	DELETE(&rnh, IP4(10, 0, 0, 7), 32, NULL);
	ref_del(&r, 3);
	check_walk(&rnh, &r, "hash basic, one host gone");

	/* Grow the chains, then shrink them back to the minimum. */
	bits = rnh.rnh_hbits;
	for (i = 0; i < 5000; i++) {
		k[0] = 10;
		k[1] = 1 + (uint8_t)(i >> 16);
		k[2] = (uint8_t)(i >> 8);
		k[3] = (uint8_t)i;
		many[i] = ent_new(k, 32, 4);
		ADD(&rnh, many[i], 0);
		ref_add(&r, many[i]);
	}
	if (rnh.rnh_hbits <= bits || ((uint64_t)1 << rnh.rnh_hbits) < 5001)
		fail_msg("5001 hashed keys on %u-bit chains", rnh.rnh_hbits);
	check_tree(&rnh, "hash basic, 5001 hosts");
	check_walk(&rnh, &r, "hash basic, 5001 hosts");
	MATCH(&rnh, IP4(10, 1, 19, 135), many[0x1387]);
	MATCH(&rnh, IP4(10, 1, 19, 136), net8);
	for (i = 0; i < 5000; i++) {
		memcpy(k, many[i]->e_key, 4);
		DELETE(&rnh, k, 32, many[i]);
		ref_del(&r, r.r_n - 1);
	}
	if (rnh.rnh_hbits != bits)
		fail_msg("chains at %u bits after the hosts left, want %u",
		    rnh.rnh_hbits, bits);
	check_walk(&rnh, &r, "hash basic, hosts gone");
	bsd_rn_destroyhead(&rnh);
	if (rnh.rnh_hash != NULL || rnh.rnh_hcount != 0)
		fail_msg("destroyed head still has a hash");
	for (i = 0; i < 5000; i++)
		free(many[i]);
	free(net8);
	free(net24);
	free(host);
	free(host2);
	free(other);
	free(dflt);
	free(r.r_e);
}

/*
 * Runs of addresses spread over the hash chains: a scan's consecutive
 * hosts (a clone DoS, an ARP sweep) and one host per /24.  A key read
 * in host order on a little-endian machine put 65,536 consecutive
 * addresses on under a fifth of the chains, ten to the longest.
 */
static void
test_hash_spread(void **state)
{
	static const struct {
		uint32_t	base;		/* first address, host order */
		uint32_t	stride;
	} runs[] = {
		{ 0x0a010000, 1 },	/* 10.1.0.0, 10.1.0.1, ... */
		{ 0x64400000, 1 },	/* 100.64.0.0, ... */
		{ 0xc0a80000, 1 },	/* 192.168.0.0, ... */
		{ 0x0a000001, 256 },	/* 10.0.0.1, 10.0.1.1, ... */
	};
	struct bsd_radix_head rnh;
	struct ent *e, **ents;
	uint8_t key[4];
	uint32_t a;
	uint64_t b, i, len, maxlen, n = 65536;
	size_t r;
	char what[48];

	(void)state;
	if ((ents = calloc(n, sizeof(*ents))) == NULL)
		fail_msg("out of memory");
	for (r = 0; r < sizeof(runs) / sizeof(runs[0]); r++) {
		snprintf(what, sizeof(what), "hash spread 0x%08x+%u",
		    (unsigned)runs[r].base, (unsigned)runs[r].stride);
		bsd_rn_inithead(&rnh, 4);
		ent_sethash(&rnh);
		for (i = 0; i < n; i++) {
			a = runs[r].base + (uint32_t)i * runs[r].stride;
			key[0] = a >> 24;
			key[1] = a >> 16;
			key[2] = a >> 8;
			key[3] = a;
			e = ents[i] = ent_new(key, 32, 4);
			if (bsd_rn_addaddr(&rnh, key, 32, e) != 0)
				fail_msg("%s: add %llu failed", what,
				    (unsigned long long)i);
		}
		check_hash(&rnh, what);
		maxlen = 0;
		for (b = 0; b < (uint64_t)1 << rnh.rnh_hbits; b++) {
			len = 0;
			for (e = rnh.rnh_hash[b]; e != NULL; e = e->e_hlink)
				len++;
			if (len > maxlen)
				maxlen = len;
		}
		if (maxlen > 3)
			fail_msg("%s: %llu keys on %llu chains, the longest "
			    "holds %llu (want at most 3)", what,
			    (unsigned long long)n,
			    (unsigned long long)1 << rnh.rnh_hbits,
			    (unsigned long long)maxlen);
		for (i = 0; i < n; i++) {
			if (bsd_rn_delete(&rnh, ents[i]->e_key, 32) != ents[i])
				fail_msg("%s: delete %llu failed", what,
				    (unsigned long long)i);
			free(ents[i]);
		}
		bsd_rn_destroyhead(&rnh);
	}
	free(ents);
}

/*
 * Destroying a full tree frees it all (the sanitizer checks), and the
 * head can be set up again.
 */
static void
test_destroy(void **state)
{
	struct bsd_radix_head rnh;
	struct ref r;
	struct gen g;
	unsigned i;

	(void)state;
	bsd_rn_inithead(&rnh, 4);
	ref_init(&r, 4);
	gen_init(&g, 8, 4, 1);
	for (i = 0; i < 5000; i++)
		rand_add(&rnh, &r, &g, "destroy");
	bsd_rn_destroyhead(&rnh);
	COUNTS(&rnh, 0, 0);
	if (rnh.rnh_top != NULL || rnh.rnh_pool.pr_bytes != 0)
		fail_msg("destroyed head still holds nodes");
	ref_free(&r);

	bsd_rn_inithead(&rnh, 16);
	ref_init(&r, 16);
	gen_init(&g, 9, 16, 1);
	for (i = 0; i < 100; i++)
		rand_add(&rnh, &r, &g, "destroy, again");
	check_tree(&rnh, "destroy, again");
	bsd_rn_destroyhead(&rnh);
	ref_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_basic),
		cmocka_unit_test(test_default_route),
		cmocka_unit_test(test_host_routes),
		cmocka_unit_test(test_eexist),
		cmocka_unit_test(test_einval),
		cmocka_unit_test(test_dupkeys),
		cmocka_unit_test(test_hostbits_ignored),
		cmocka_unit_test(test_random_v4_pool),
		cmocka_unit_test(test_random_v4_sparse),
		cmocka_unit_test(test_random_v6_pool),
		cmocka_unit_test(test_random_v6_sparse),
		cmocka_unit_test(test_random_keylen1),
		cmocka_unit_test(test_random_keylen3),
		cmocka_unit_test(test_random_v4_hash),
		cmocka_unit_test(test_random_v4_hash_sparse),
		cmocka_unit_test(test_random_v6_hash),
		cmocka_unit_test(test_random_keylen3_hash),
		cmocka_unit_test(test_random_keylen1_hash),
		cmocka_unit_test(test_hash_basic),
		cmocka_unit_test(test_random_v4_front),
		cmocka_unit_test(test_random_v4_front_sparse),
		cmocka_unit_test(test_random_v4_front_hash),
		cmocka_unit_test(test_front_threshold),
		cmocka_unit_test(test_walk_delete_alternate),
		cmocka_unit_test(test_walk_delete_all),
		cmocka_unit_test(test_walk_delete_random),
		cmocka_unit_test(test_walk_stop),
		cmocka_unit_test(test_hash_spread),
		cmocka_unit_test(test_destroy),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
