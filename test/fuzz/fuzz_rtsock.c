/*
 * libFuzzer target for the routing socket's requests (route_output,
 * bsd_rtsock_request): the input is a sequence of requests as route(8)
 * writes them, each an 8-octet header and its sockaddrs:
 *
 *	0	rtm_type, modulo 12 (ADD, DELETE, CHANGE, GET, LOCK and
 *		types route_output refuses)
 *	1	rtm_addrs: one bit per RTAX_* address that follows
 *	2-3	rtm_flags: bit i sets the i-th flag route(8) can give
 *	4-5	rmx_mtu, little-endian
 *	6	rmx_locks
 *	7	bit 7: rmx_expire set (low bits on from now, s); bits 0-6:
 *		the clock moves that many 8 ms steps before the request
 *
 * then, per bit of rtm_addrs in RTAX order, a sockaddr as on the wire:
 * sa_len, sa_family, the rest, padded to a multiple of 4 (a 0 sa_len
 * takes 4), as rt_xaddrs() reads them.  A sockaddr that runs past the
 * input, or is longer than the model stores, ends the sequence.
 *
 * One host per personality hears every request.  Each has two listeners
 * that format every message as route monitor prints it (one with a
 * short buffer) and one with a 600-octet receive buffer, so the
 * formatter and the buffer see what the requests echo.  After each input
 * the table must hold: keys AF_INET, masked, prefix 0 to 32, no negative
 * reference count, the kinds' counts those of a walk, memory within the
 * budget.  Hosts are rebuilt every REBUILD inputs, or past MAXROUTES.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fhost.h"

#define REBUILD		4096
#define MAXROUTES	10000
#define HDRLEN		8
#define STEP_NS		(8 * BSD_NSEC_PER_SEC / 1000)

static const char *const pers[] = {
	"netbsd-1.5", "bsdos-4", "freebsd-4", "netbsd-2"
};
#define NHOSTS	(sizeof(pers) / sizeof(pers[0]))

/* What route(8) lets a user set, in header bit order. */
static const uint32_t uflags[16] = {
	BSD_RTF_UP, BSD_RTF_GATEWAY, BSD_RTF_HOST, BSD_RTF_REJECT,
	BSD_RTF_STATIC, BSD_RTF_CLONING, BSD_RTF_XRESOLVE, BSD_RTF_LLINFO,
	BSD_RTF_BLACKHOLE, BSD_RTF_PROTO1, BSD_RTF_PROTO2, BSD_RTF_PRCLONING,
	BSD_RTF_DYNAMIC, BSD_RTF_MODIFIED, BSD_RTF_PROTO3, BSD_RTF_DONE
};

static unsigned		inputs;
static struct fhost	hosts[NHOSTS];

/* route monitor: format every message, whole and cut short. */
static void
monitor(void *arg, const struct bsd_rt_msg *m)
{
	char buf[512];
	size_t len = (size_t)(uintptr_t)arg;

	if (len > sizeof(buf))
		abort();
	bsd_rtsock_format(m, buf, len);
	if (strlen(buf) >= len)
		abort();
	/* A message the kernel sent carries its length within reason. */
	if (bsd_rtm_msglen(m) > BSD_RTM_HDRLEN + BSD_RTAX_MAX * 256)
		abort();
}

static void
slow_reader(void *arg, const struct bsd_rt_msg *m)
{

	(void)arg;
	(void)m;
}

static void
build(struct fhost *h, const char *name)
{

	fhost_build(h, name);
	if (bsd_rtsock_subscribe(h->k, monitor, (void *)(uintptr_t)512) != 0 ||
	    bsd_rtsock_subscribe(h->k, monitor, (void *)(uintptr_t)17) != 0 ||
	    bsd_rtsock_subscribe(h->k, slow_reader, NULL) != 0 ||
	    bsd_rtsock_setbuf(h->k, slow_reader, NULL, 600,
	    100 * STEP_NS, NULL) != 0)
		abort();
}

static void
rebuild(void)
{
	size_t i;

	for (i = 0; i < NHOSTS; i++) {
		if (hosts[i].k != NULL)
			bsd_kernel_destroy(hosts[i].k);
		build(&hosts[i], pers[i]);
	}
}

struct walk {
	uint64_t	n;
	uint64_t	kinds[BSD_RTK_NKINDS];
};

static int
check_rt(struct bsd_rtentry *rt, void *arg)
{
	struct walk *w = arg;
	uint32_t a, mask;

	if (rt->rt_dst.sin_family != BSD_AF_INET || rt->rt_plen > 32 ||
	    rt->rt_refcnt < 0 || rt->rt_kind >= BSD_RTK_NKINDS)
		abort();
	a = bsd_ntohl(rt->rt_dst.sin_addr);
	mask = rt->rt_plen == 0 ? 0 : ~0u << (32 - rt->rt_plen);
	if ((a & ~mask) != 0)
		abort();
	w->n++;
	w->kinds[rt->rt_kind]++;
	return 0;
}

static void
check_table(struct fhost *h)
{
	struct walk w;
	int i;

	memset(&w, 0, sizeof(w));
	(void)bsd_rt_walk(h->k, check_rt, &w);
	if (w.n != bsd_rt_total(h->k))
		abort();
	for (i = 0; i < BSD_RTK_NKINDS; i++)
		if (w.kinds[i] != bsd_rt_count(h->k, (enum bsd_rtkind)i))
			abort();
	if (h->k->k_mem.mb_limit != 0 &&
	    h->k->k_mem.mb_used > h->k->k_mem.mb_limit)
		abort();
}

/*
 * One request from data: its length, or 0 if the input ends inside it.
 */
static size_t
decode(const uint8_t *data, size_t size, struct bsd_rt_msg *m, int64_t *step)
{
	size_t off, salen, room;
	unsigned i;
	uint32_t fl;

	if (size < HDRLEN)
		return 0;
	memset(m, 0, sizeof(*m));
	m->rtm_type = (uint8_t)(data[0] % 12);
	m->rtm_addrs = data[1];
	fl = (uint32_t)data[2] | (uint32_t)data[3] << 8;
	for (i = 0; i < 16; i++)
		if (fl & 1u << i)
			m->rtm_flags |= uflags[i];
	m->rtm_rmx.rmx_mtu = (uint32_t)data[4] | (uint32_t)data[5] << 8;
	m->rtm_rmx.rmx_locks = data[6];
	*step = (int64_t)(data[7] & 0x7f) * STEP_NS;
	if (data[7] & 0x80)
		m->rtm_rmx.rmx_expire = (fh_now + *step) / BSD_NSEC_PER_SEC +
		    (data[7] & 0x7f);
	off = HDRLEN;
	for (i = 0; i < BSD_RTAX_MAX; i++) {
		if (!(m->rtm_addrs & BSD_RTA(i)))
			continue;
		if (off >= size)
			return 0;
		salen = data[off];
		if (salen > sizeof(m->rtm_sa[i]))
			return 0;
		room = salen > 0 ? 1 + ((salen - 1) | 3) : 4;
		if (size - off < (salen > 0 ? salen : 1))
			return 0;
		memcpy(&m->rtm_sa[i], data + off, salen > 0 ? salen : 1);
		off += room < size - off ? room : size - off;
	}
	return off;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bsd_rt_msg m, req;
	int64_t step;
	size_t i, n;

	if (hosts[0].k == NULL || inputs++ % REBUILD == 0)
		rebuild();
	for (i = 0; i < NHOSTS; i++)
		if (bsd_rt_total(hosts[i].k) > MAXROUTES) {
			rebuild();
			break;
		}
	while ((n = decode(data, size, &m, &step)) > 0) {
		data += n;
		size -= n;
		fh_now += step;
		for (i = 0; i < NHOSTS; i++) {
			fhost_run_timers(&hosts[i]);
			req = m;
			(void)bsd_rtsock_request(hosts[i].k, &req);
		}
	}
	fh_now += BSD_NSEC_PER_SEC;
	for (i = 0; i < NHOSTS; i++) {
		fhost_run_timers(&hosts[i]);
		check_table(&hosts[i]);
	}
	return 0;
}
