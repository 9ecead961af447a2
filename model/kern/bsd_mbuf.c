/*
 * Packets inside the kernel.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <stdlib.h>
#include <string.h>

#include "bsd_kernel.h"

struct bsd_mbuf *
bsd_m_get(uint32_t len)
{
	struct bsd_mbuf *m;
	uint32_t size = BSD_M_LEADINGSPACE + len;

	if ((m = malloc(sizeof(*m) + size)) == NULL)
		return NULL;
	m->m_size = size;
	m->m_data = m->m_buf + BSD_M_LEADINGSPACE;
	m->m_len = len;
	m->m_flags = 0;
	m->m_charged = 0;
	m->m_rcvif = NULL;
	return m;
}

struct bsd_mbuf *
bsd_m_copy(const void *p, uint32_t len)
{
	struct bsd_mbuf *m = bsd_m_get(len);

	if (m != NULL && len > 0)
		memcpy(m->m_data, p, len);
	return m;
}

void
bsd_m_freem(struct bsd_kernel *k, struct bsd_mbuf *m)
{

	if (m == NULL)
		return;
	if (m->m_charged != 0)
		bsd_mem_uncharge(&k->k_mem, BSD_M_MBUF, m->m_charged);
	free(m);
}

uint8_t *
bsd_m_prepend(struct bsd_mbuf *m, uint32_t n)
{

	if ((uint32_t)(m->m_data - m->m_buf) < n)
		return NULL;
	m->m_data -= n;
	m->m_len += n;
	return m->m_data;
}

void
bsd_m_adj(struct bsd_mbuf *m, int32_t n)
{

	if (n >= 0) {
		if ((uint32_t)n > m->m_len)
			n = (int32_t)m->m_len;
		m->m_data += n;
		m->m_len -= (uint32_t)n;
	} else {
		n = -n;
		if ((uint32_t)n > m->m_len)
			n = (int32_t)m->m_len;
		m->m_len -= (uint32_t)n;
	}
}

int
bsd_m_charge(struct bsd_kernel *k, struct bsd_mbuf *m)
{
	/*
	 * What i386 NetBSD spent: a 128-octet mbuf (MSIZE) holds about 100
	 * octets behind its packet header; more takes a 2048-octet cluster.
	 */
	uint32_t cost = m->m_len <= 100 ? 128 : 128 + 2048;
	int error;

	if (m->m_charged != 0)
		return 0;
	if ((error = bsd_mem_charge(&k->k_mem, BSD_M_MBUF, cost)) != 0)
		return error;
	m->m_charged = cost;
	return 0;
}
