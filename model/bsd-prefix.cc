/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "bsd-prefix.h"

namespace ns3
{

BsdPrefix::BsdPrefix(Ipv4Address prefix, uint8_t plen)
    : m_net(prefix.Get() & (plen == 0 ? 0 : ~uint32_t(0) << (32 - plen))),
      m_plen(plen)
{
}

uint64_t
BsdPrefix::GetCount() const
{
    uint64_t size = uint64_t(1) << (32 - m_plen);
    return m_plen <= 30 ? size - 2 : size;
}

Ipv4Address
BsdPrefix::Get(uint64_t i) const
{
    return Ipv4Address(m_net + static_cast<uint32_t>(i + (m_plen <= 30 ? 1 : 0)));
}

} // namespace ns3
