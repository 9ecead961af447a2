/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_PREFIX_H
#define BSD_PREFIX_H

#include "ns3/ipv4-address.h"

#include <cstdint>

namespace ns3
{

/**
 * \ingroup bsdnet
 * \brief The usable host addresses of a prefix, which bsdnet's traffic
 * applications (BsdUdpSource, BsdIcmpForger, BsdArpScanner) take in turn:
 * all of them but the network and broadcast addresses, below /31.
 */
class BsdPrefix
{
  public:
    /**
     * \param prefix any address of the prefix
     * \param plen its length, 0 to 32
     */
    BsdPrefix(Ipv4Address prefix, uint8_t plen);

    /** \return how many usable addresses the prefix has */
    uint64_t GetCount() const;

    /**
     * \param i index, below GetCount()
     * \return the i-th usable address
     */
    Ipv4Address Get(uint64_t i) const;

  private:
    uint32_t m_net; //!< the network address
    uint8_t m_plen; //!< its length
};

} // namespace ns3

#endif /* BSD_PREFIX_H */
