/*
 * Callouts, kept in a short list sorted by deadline (a kernel has a
 * handful), ties in order of arming.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "bsd_kernel.h"

/* Take c off whichever list holds it. */
static void
callout_unlink(struct bsd_kernel *k, struct bsd_callout *c)
{

	if (c->c_pending == BSD_CALLOUT_PENDING)
		BSD_TAILQ_REMOVE(&k->k_callouts, c, c_link);
	else if (c->c_pending == BSD_CALLOUT_DUE)
		BSD_TAILQ_REMOVE(&k->k_callouts_due, c, c_link);
	c->c_pending = 0;
}

void
bsd_callout_reset(struct bsd_kernel *k, struct bsd_callout *c, int64_t delay,
    bsd_callout_fn *fn, void *arg)
{
	struct bsd_callout *n;

	callout_unlink(k, c);
	c->c_time = bsd_now(k) + (delay > 0 ? delay : 0);
	c->c_func = fn;
	c->c_arg = arg;
	c->c_pending = BSD_CALLOUT_PENDING;
	BSD_TAILQ_FOREACH(n, &k->k_callouts, c_link)
		if (n->c_time > c->c_time)
			break;
	if (n != NULL)
		BSD_TAILQ_INSERT_BEFORE(n, c, c_link);
	else
		BSD_TAILQ_INSERT_TAIL(&k->k_callouts, c, c_link);
	bsd_kernel_deadline(k);
}

void
bsd_callout_stop(struct bsd_kernel *k, struct bsd_callout *c)
{

	if (!c->c_pending)
		return;
	callout_unlink(k, c);
	bsd_kernel_deadline(k);
}

int
bsd_callout_run(struct bsd_kernel *k)
{
	struct bsd_callout *c;
	int64_t now = bsd_now(k);
	int n = 0;

	/*
	 * Take what is due now, then run it: a handler that re-arms with
	 * no delay runs on the next call, as a callout waits for the next
	 * tick, rather than looping here.
	 */
	while ((c = BSD_TAILQ_FIRST(&k->k_callouts)) != NULL &&
	    c->c_time <= now) {
		BSD_TAILQ_REMOVE(&k->k_callouts, c, c_link);
		BSD_TAILQ_INSERT_TAIL(&k->k_callouts_due, c, c_link);
		c->c_pending = BSD_CALLOUT_DUE;
	}
	/* A handler may stop or re-arm one still due: it leaves this list. */
	while ((c = BSD_TAILQ_FIRST(&k->k_callouts_due)) != NULL) {
		BSD_TAILQ_REMOVE(&k->k_callouts_due, c, c_link);
		c->c_pending = 0;
		c->c_func(k, c->c_arg);
		n++;
	}
	return n;
}

int64_t
bsd_callout_next(const struct bsd_kernel *k)
{
	const struct bsd_callout *c = BSD_TAILQ_FIRST(&k->k_callouts);

	return c != NULL ? c->c_time : BSD_NEVER;
}
