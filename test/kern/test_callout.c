/*
 * Tests for callouts (bsd_callout.c): order, reset, stop, deadline hook.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "kern_fixture.h"

#include <string.h>

#define NS(s)	((int64_t)(s) * BSD_NSEC_PER_SEC)
#define MS(ms)	((int64_t)(ms) * 1000000)

/* What the handlers saw, in the order they ran. */
struct log {
	int		n;
	int		who[32];
	int64_t		when[32];
	struct bsd_kernel *k[32];
};

struct probe {
	struct log	*log;
	int		id;
	struct bsd_callout *victim;	/* stopped by the handler, if set */
	struct bsd_callout *self;	/* re-armed by tick_fn */
	int		period;		/* re-arm every period ms */
	int		left;		/* re-arms left */
};

static void
probe_fn(struct bsd_kernel *k, void *arg)
{
	struct probe *p = arg;
	struct log *l = p->log;

	if (l->n < 32) {
		l->who[l->n] = p->id;
		l->when[l->n] = bsd_now(k);
		l->k[l->n] = k;
		l->n++;
	}
	if (p->victim != NULL)
		bsd_callout_stop(k, p->victim);
}

#define T(f)	FX_TEST(f)

/* A kernel with nothing pending: its own periodic callouts stopped. */
static struct fx *
quiet(void)
{
	struct fx *fx = fx_keep(fx_new_bare(bsd_personality_find("netbsd-2")));
	struct bsd_callout *c;

	while ((c = BSD_TAILQ_FIRST(&fx->k->k_callouts)) != NULL)
		bsd_callout_stop(fx->k, c);
	assert_int_equal(bsd_callout_next(fx->k), BSD_NEVER);
	return fx;
}

static void
test_none_pending_is_never(void **state)
{
	struct fx *fx = quiet();

	(void)state;
	assert_int_equal(bsd_callout_next(fx->k), BSD_NEVER);
	assert_int_equal(fx->deadline, BSD_NEVER);
	assert_int_equal(bsd_callout_run(fx->k), 0);
}

static void
test_run_in_deadline_order(void **state)
{
	struct fx *fx = quiet();
	struct bsd_callout c[3];
	struct log l;
	struct probe p[3];
	int i;

	(void)state;
	memset(c, 0, sizeof(c));
	memset(&l, 0, sizeof(l));
	memset(p, 0, sizeof(p));
	for (i = 0; i < 3; i++) {
		p[i].log = &l;
		p[i].id = i;
	}
	/* Armed out of order: 3 s, 1 s, 2 s. */
	bsd_callout_reset(fx->k, &c[0], NS(3), probe_fn, &p[0]);
	bsd_callout_reset(fx->k, &c[1], NS(1), probe_fn, &p[1]);
	bsd_callout_reset(fx->k, &c[2], NS(2), probe_fn, &p[2]);
	fx_advance_s(fx, 5);
	assert_int_equal(l.n, 3);
	assert_int_equal(l.who[0], 1);
	assert_int_equal(l.who[1], 2);
	assert_int_equal(l.who[2], 0);
	/* Each ran at its own deadline, with the kernel it was armed on. */
	assert_int_equal(l.when[0], NS(1));
	assert_int_equal(l.when[1], NS(2));
	assert_int_equal(l.when[2], NS(3));
	assert_ptr_equal(l.k[0], fx->k);
	for (i = 0; i < 3; i++)
		assert_int_equal(c[i].c_pending, 0);
	assert_int_equal(fx->deadline, BSD_NEVER);
}

static void
test_ties_run_in_arming_order(void **state)
{
	struct fx *fx = quiet();
	struct bsd_callout c[4];
	struct log l;
	struct probe p[4];
	int i;

	(void)state;
	memset(c, 0, sizeof(c));
	memset(&l, 0, sizeof(l));
	memset(p, 0, sizeof(p));
	for (i = 0; i < 4; i++) {
		p[i].log = &l;
		p[i].id = i;
	}
	bsd_callout_reset(fx->k, &c[2], MS(500), probe_fn, &p[2]);
	bsd_callout_reset(fx->k, &c[0], MS(500), probe_fn, &p[0]);
	bsd_callout_reset(fx->k, &c[3], MS(100), probe_fn, &p[3]);
	bsd_callout_reset(fx->k, &c[1], MS(500), probe_fn, &p[1]);
	fx_advance_s(fx, 1);
	assert_int_equal(l.n, 4);
	assert_int_equal(l.who[0], 3);
	assert_int_equal(l.who[1], 2);
	assert_int_equal(l.who[2], 0);
	assert_int_equal(l.who[3], 1);
}

static void
test_not_run_before_deadline(void **state)
{
	struct fx *fx = quiet();
	struct bsd_callout c;
	struct log l;
	struct probe p;

	(void)state;
	memset(&c, 0, sizeof(c));
	memset(&l, 0, sizeof(l));
	memset(&p, 0, sizeof(p));
	p.log = &l;
	bsd_callout_reset(fx->k, &c, NS(1), probe_fn, &p);
	assert_int_equal(c.c_pending, 1);
	assert_int_equal(c.c_time, NS(1));
	/* Direct runs: 1 ns early nothing happens, on time it runs once. */
	fx->now = NS(1) - 1;
	assert_int_equal(bsd_callout_run(fx->k), 0);
	assert_int_equal(l.n, 0);
	fx->now = NS(1);
	assert_int_equal(bsd_callout_run(fx->k), 1);
	assert_int_equal(l.n, 1);
	assert_int_equal(bsd_callout_run(fx->k), 0);
	assert_int_equal(l.n, 1);
}

static void
test_delay_is_from_now(void **state)
{
	struct fx *fx = quiet();
	struct bsd_callout c;
	struct log l;
	struct probe p;

	(void)state;
	memset(&c, 0, sizeof(c));
	memset(&l, 0, sizeof(l));
	memset(&p, 0, sizeof(p));
	p.log = &l;
	fx_advance(fx, MS(2500));
	bsd_callout_reset(fx->k, &c, MS(700), probe_fn, &p);
	assert_int_equal(c.c_time, MS(3200));
	assert_int_equal(fx->deadline, MS(3200));
	/* A negative delay means now, never the past. */
	bsd_callout_reset(fx->k, &c, -NS(5), probe_fn, &p);
	assert_int_equal(c.c_time, MS(2500));
	assert_int_equal(bsd_callout_run(fx->k), 1);
	assert_int_equal(l.when[0], MS(2500));
}

static void
test_reset_moves_pending_later(void **state)
{
	struct fx *fx = quiet();
	struct bsd_callout c;
	struct log l;
	struct probe p;

	(void)state;
	memset(&c, 0, sizeof(c));
	memset(&l, 0, sizeof(l));
	memset(&p, 0, sizeof(p));
	p.log = &l;
	bsd_callout_reset(fx->k, &c, NS(1), probe_fn, &p);
	bsd_callout_reset(fx->k, &c, NS(5), probe_fn, &p);
	assert_int_equal(fx->deadline, NS(5));
	fx_advance_s(fx, 4);
	assert_int_equal(l.n, 0);
	fx_advance_s(fx, 2);
	/* Once, at the new deadline: the old one is gone. */
	assert_int_equal(l.n, 1);
	assert_int_equal(l.when[0], NS(5));
}

static void
test_reset_moves_pending_earlier(void **state)
{
	struct fx *fx = quiet();
	struct bsd_callout c, other;
	struct log l;
	struct probe p, po;

	(void)state;
	memset(&c, 0, sizeof(c));
	memset(&other, 0, sizeof(other));
	memset(&l, 0, sizeof(l));
	memset(&p, 0, sizeof(p));
	memset(&po, 0, sizeof(po));
	p.log = po.log = &l;
	p.id = 1;
	po.id = 2;
	bsd_callout_reset(fx->k, &other, NS(3), probe_fn, &po);
	bsd_callout_reset(fx->k, &c, NS(5), probe_fn, &p);
	bsd_callout_reset(fx->k, &c, NS(2), probe_fn, &p);
	assert_int_equal(fx->deadline, NS(2));
	fx_advance_s(fx, 10);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.who[0], 1);
	assert_int_equal(l.when[0], NS(2));
	assert_int_equal(l.who[1], 2);
}

static void
test_stop_disarms(void **state)
{
	struct fx *fx = quiet();
	struct bsd_callout c;
	struct log l;
	struct probe p;

	(void)state;
	memset(&c, 0, sizeof(c));
	memset(&l, 0, sizeof(l));
	memset(&p, 0, sizeof(p));
	p.log = &l;
	bsd_callout_reset(fx->k, &c, NS(1), probe_fn, &p);
	bsd_callout_stop(fx->k, &c);
	assert_int_equal(c.c_pending, 0);
	assert_int_equal(fx->deadline, BSD_NEVER);
	/* Stopping what is not pending is harmless. */
	bsd_callout_stop(fx->k, &c);
	fx_advance_s(fx, 3);
	assert_int_equal(l.n, 0);
	/* A stopped callout can be armed again. */
	bsd_callout_reset(fx->k, &c, NS(1), probe_fn, &p);
	fx_advance_s(fx, 1);
	assert_int_equal(l.n, 1);
}

static void
test_handler_stops_another_due(void **state)
{
	struct fx *fx = quiet();
	struct bsd_callout a, b;
	struct log l;
	struct probe pa, pb;

	(void)state;
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	memset(&l, 0, sizeof(l));
	memset(&pa, 0, sizeof(pa));
	memset(&pb, 0, sizeof(pb));
	pa.log = pb.log = &l;
	pa.id = 1;
	pb.id = 2;
	pa.victim = &b;
	/* Both due at 1 s; a runs first and stops b. */
	bsd_callout_reset(fx->k, &a, NS(1), probe_fn, &pa);
	bsd_callout_reset(fx->k, &b, NS(1), probe_fn, &pb);
	fx_advance_s(fx, 2);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.who[0], 1);
	assert_int_equal(b.c_pending, 0);
}

static void
tick_fn(struct bsd_kernel *k, void *arg)
{
	struct probe *p = arg;
	struct log *l = p->log;

	if (l->n < 32)
		l->when[l->n++] = bsd_now(k);
	if (--p->left > 0)
		bsd_callout_reset(k, p->self, MS(p->period), tick_fn, p);
}

static void
test_periodic_rearm_from_handler(void **state)
{
	struct fx *fx = quiet();
	struct bsd_callout c;
	struct log l;
	struct probe p;
	int i;

	(void)state;
	memset(&c, 0, sizeof(c));
	memset(&l, 0, sizeof(l));
	memset(&p, 0, sizeof(p));
	p.log = &l;
	p.self = &c;
	p.period = 1000;
	p.left = 5;
	bsd_callout_reset(fx->k, &c, NS(1), tick_fn, &p);
	fx_advance_s(fx, 10);
	assert_int_equal(l.n, 5);
	for (i = 0; i < 5; i++)
		assert_int_equal(l.when[i], NS(i + 1));
	assert_int_equal(fx->deadline, BSD_NEVER);
}

static void
test_deadline_hook_told_earliest(void **state)
{
	struct fx *fx = quiet();
	struct bsd_callout a, b;
	struct log l;
	struct probe p;

	(void)state;
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	memset(&l, 0, sizeof(l));
	memset(&p, 0, sizeof(p));
	p.log = &l;
	bsd_callout_reset(fx->k, &a, NS(5), probe_fn, &p);
	assert_int_equal(fx->deadline, NS(5));
	assert_int_equal(bsd_callout_next(fx->k), NS(5));
	bsd_callout_reset(fx->k, &b, NS(2), probe_fn, &p);
	assert_int_equal(fx->deadline, NS(2));
	/* A later callout does not move the deadline. */
	bsd_callout_reset(fx->k, &b, NS(9), probe_fn, &p);
	assert_int_equal(fx->deadline, NS(5));
	bsd_callout_stop(fx->k, &a);
	assert_int_equal(fx->deadline, NS(9));
	bsd_callout_stop(fx->k, &b);
	assert_int_equal(fx->deadline, BSD_NEVER);
	assert_int_equal(fx->k->k_deadline, BSD_NEVER);
}

static void
test_deadline_after_timers_run(void **state)
{
	struct fx *fx = quiet();
	struct bsd_callout a, b;
	struct log l;
	struct probe p;

	(void)state;
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	memset(&l, 0, sizeof(l));
	memset(&p, 0, sizeof(p));
	p.log = &l;
	bsd_callout_reset(fx->k, &a, NS(1), probe_fn, &p);
	bsd_callout_reset(fx->k, &b, NS(3), probe_fn, &p);
	/* The host's call at the deadline: the next one is reported. */
	fx->now = NS(1);
	bsd_kernel_timers(fx->k);
	assert_int_equal(l.n, 1);
	assert_int_equal(fx->deadline, NS(3));
	fx->now = NS(3);
	bsd_kernel_timers(fx->k);
	assert_int_equal(l.n, 2);
	assert_int_equal(fx->deadline, BSD_NEVER);
}

static void
test_kernel_starts_with_its_tick(void **state)
{
	struct fx *fx = fx_keep(fx_new_bare(
	    bsd_personality_find("netbsd-2")));
	struct bsd_callout *tick = &fx->k->k_rttimer_ch;

	(void)state;
	/* NetBSD's rt_timer tick is armed a second after boot ... */
	assert_int_equal(tick->c_pending, 1);
	assert_int_equal(tick->c_time, NS(1));
	/* ... and whatever else is pending, the host knows the earliest. */
	assert_int_equal(fx->deadline, bsd_callout_next(fx->k));
	assert_true(fx->deadline <= NS(1));
	fx_advance(fx, MS(1500));
	assert_int_equal(tick->c_pending, 1);
	assert_int_equal(tick->c_time, NS(2));
	assert_int_equal(fx->deadline, bsd_callout_next(fx->k));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_none_pending_is_never),
		T(test_run_in_deadline_order),
		T(test_ties_run_in_arming_order),
		T(test_not_run_before_deadline),
		T(test_delay_is_from_now),
		T(test_reset_moves_pending_later),
		T(test_reset_moves_pending_earlier),
		T(test_stop_disarms),
		T(test_handler_stops_another_due),
		T(test_periodic_rearm_from_handler),
		T(test_deadline_hook_told_earliest),
		T(test_deadline_after_timers_run),
		T(test_kernel_starts_with_its_tick),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
