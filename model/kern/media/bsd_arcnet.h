/*
 * ARCnet reassembly ageing: what a host timer calls beyond bsd_media.h.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_ARCNET_H
#define BSD_ARCNET_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * How long (ns) a partly reassembled RFC 1201 packet may wait for its
 * next fragment.  NetBSD's arc_defrag had no timer (a partial packet
 * lived until the station sent another first fragment), nor has Linux's
 * rfc1201.c; the bound is ours, so one lost fragment cannot pin a slot
 * for ever.  md_input drops an older partial when the next frame from
 * that station arrives; bsd_arc_reass_expire() drops the rest.
 */
#define ARC_REASS_TIMEOUT	INT64_C(10000000000)	/* 10 s */

/*
 * Drop the partial packets of ARCnet state that are older than
 * ARC_REASS_TIMEOUT at now, and add to *dropped (if not NULL) every
 * partial packet lost since the last call that no md_input result
 * reported: those dropped here, those md_input dropped as stale on a
 * later frame, and those replaced by a new packet from the same station.
 */
void	bsd_arc_reass_expire(void *state, int64_t now, uint64_t *dropped);

#ifdef __cplusplus
}
#endif

#endif /* BSD_ARCNET_H */
