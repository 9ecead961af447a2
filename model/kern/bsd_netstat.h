/*
 * The routing table as netstat -rn prints it.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_NETSTAT_H
#define BSD_NETSTAT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct bsd_kernel;
struct bsd_rtentry;

typedef void bsd_emit_fn(void *arg, const char *line);

/* Emit the table, a line at a time (no newline), as netstat -rn. */
void	bsd_netstat_rn(struct bsd_kernel *k, bsd_emit_fn *emit, void *arg);
/* One entry's row; returns buf. */
char	*bsd_netstat_row(struct bsd_kernel *k, const struct bsd_rtentry *rt,
	    char *buf, size_t len);
/* Destination as netstat names it ("default", "10.1/16", "10.1.2.3"). */
char	*bsd_netstat_netname(const struct bsd_rtentry *rt, char *buf,
	    size_t len);

#ifdef __cplusplus
}
#endif

#endif /* BSD_NETSTAT_H */
