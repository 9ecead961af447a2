/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_ICMP_FORGER_H
#define BSD_ICMP_FORGER_H

#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/traced-callback.h"

#include <string>
#include <vector>

namespace ns3
{

class BsdKernel;

/**
 * \ingroup bsdnet
 * \brief An on-link attacker forging ICMP redirects or need-fragmentation
 * messages to a victim, through its node's BsdKernel.
 *
 * Every Interval one message goes to Victim, Count in all, each about
 * the next of Destinations addresses taken in turn from the usable
 * addresses of Prefix/PrefixLength (and from the first again when they
 * are used up).  Each message is a whole IP packet built here: an
 * IP header from SpoofSource to Victim (TTL 64), then
 * - Mode "redirect": ICMP type 5 code 1 (host redirect) with NewGateway;
 *   the victim believes it only if SpoofSource is its current gateway
 *   for the destination;
 * - Mode "needfrag": ICMP type 3 code 4 with the next-hop MTU Mtu;
 * and the quoted datagram: an IP header from Victim to the destination
 * and 8 octets of a UDP header.  It is sent with ip_output's
 * IP_FORWARDING flag, so the source address is not replaced.
 */
class BsdIcmpForger : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    BsdIcmpForger();
    ~BsdIcmpForger() override;

    /**
     * \brief Messages handed to the kernel without error.
     * \return the count
     */
    uint64_t GetSent() const;

    /**
     * \brief Set the Mode attribute: "redirect" or "needfrag".  Any other
     * value is a fatal error.
     * \param mode the mode
     */
    void SetMode(const std::string& mode);

    /**
     * \brief Get the Mode attribute.
     * \return "redirect" or "needfrag"
     */
    std::string GetMode() const;

    /**
     * \brief Build the n-th message (for inspection and tests).
     * \param n message number, from 0
     * \return the IP packet, IP header first
     */
    std::vector<uint8_t> BuildMessage(uint32_t n);

    /**
     * \brief The destination the n-th message is about.
     * \param n message number, from 0
     * \return that destination
     */
    Ipv4Address About(uint32_t n) const;

    /**
     * TracedCallback signature for a forged message sent.
     * \param [in] about the destination the message is about
     * \param [in] size the IP packet's length
     */
    typedef void (*TxTracedCallback)(Ipv4Address about, uint32_t size);

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /// Send one message and schedule the next.
    void SendNext();

    Ptr<BsdKernel> m_kernel;  //!< the node's kernel
    bool m_needfrag;          //!< Mode "needfrag" (else "redirect")
    Ipv4Address m_victim;     //!< where the messages go
    Ipv4Address m_spoof;      //!< the source they claim
    Ipv4Address m_newGateway; //!< redirect: the gateway offered
    uint16_t m_mtu;           //!< needfrag: the next-hop MTU
    Ipv4Address m_prefix;     //!< destinations the messages are about
    uint8_t m_prefixLength;   //!< its length
    uint32_t m_destinations;  //!< distinct destinations (0: the prefix)
    uint32_t m_count;         //!< messages to send
    Time m_interval;          //!< between messages
    EventId m_sendEvent;      //!< next message
    uint32_t m_next;          //!< messages attempted
    uint64_t m_sent;          //!< messages sent
    uint16_t m_ipId;          //!< next ip_id

    TracedCallback<Ipv4Address, uint32_t> m_txTrace; //!< "Tx"
};

} // namespace ns3

#endif /* BSD_ICMP_FORGER_H */
