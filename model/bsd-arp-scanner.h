/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_ARP_SCANNER_H
#define BSD_ARP_SCANNER_H

#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/traced-callback.h"

namespace ns3
{

class BsdKernel;

/**
 * \ingroup bsdnet
 * \brief Sends an ARP request for every address of a prefix, one every
 * Interval, out of one interface of the node's BsdKernel, from that
 * interface's own IPv4 and link addresses.
 *
 * The addresses are the usable ones of Prefix/PrefixLength (without the
 * network and broadcast addresses when the prefix is /30 or shorter),
 * less the interface's own.  A BSD receiver learns the sender only when
 * it is the target (RFC 826, seed 002), so the scan leaves nothing in
 * the tables of the hosts it does not name.
 */
class BsdArpScanner : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    BsdArpScanner();
    ~BsdArpScanner() override;

    /**
     * \brief Requests sent.
     * \return the count
     */
    uint64_t GetSent() const;

    /**
     * TracedCallback signature for a request sent.
     * \param [in] target the address asked for
     */
    typedef void (*TxTracedCallback)(Ipv4Address target);

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /// Send one request and schedule the next.
    void SendNext();

    Ptr<BsdKernel> m_kernel;  //!< the node's kernel
    uint32_t m_ifIndex;       //!< interface to scan from
    Ipv4Address m_prefix;     //!< addresses to ask for
    uint8_t m_prefixLength;   //!< its length
    Time m_interval;          //!< between requests
    EventId m_sendEvent;      //!< next request
    uint64_t m_next;          //!< next address index in the prefix
    uint64_t m_sent;          //!< requests sent
    uint32_t m_ownAddress;    //!< the interface's address (network order)

    TracedCallback<Ipv4Address> m_txTrace; //!< "Tx"
};

} // namespace ns3

#endif /* BSD_ARP_SCANNER_H */
