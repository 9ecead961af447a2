/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_UDP_SOURCE_H
#define BSD_UDP_SOURCE_H

#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

#include <string>
#include <vector>

struct bsd_inpcb;

namespace ns3
{

class BsdKernel;

/**
 * \ingroup bsdnet
 * \brief Sends UDP datagrams through a node's BsdKernel to many
 * destinations: the local denial of service of seed 004.
 *
 * Every Interval one datagram of PacketSize octets goes to UDP port Port
 * of the next destination.  The destinations are the usable addresses of
 * Prefix/PrefixLength (without the network and broadcast addresses when
 * the prefix is /30 or shorter):
 * - Order "sequential": the first Destinations of them in turn, wrapping
 *   around after the last;
 * - Order "random": each datagram's destination is drawn uniformly from
 *   the whole prefix (a UniformRandomVariable; see AssignStreams).
 *
 * With ConnectPerDestination (the default) every datagram is sent the way
 * a naive client does: socket(), connect(), send(), close().  connect()
 * runs in_pcbconnect(), which under the bsdos-4 and freebsd-4
 * personalities clones a host route for the destination, so the
 * sender's routing table grows by one entry per destination.  Without
 * it one unconnected socket sends with sendto().
 *
 * MaxPackets datagrams are sent (0: Destinations, one per destination).
 * For a legitimate flow set Destinations 1, PrefixLength 32, Prefix the
 * receiver and MaxPackets the number of packets.
 *
 * When PacketSize is 12 or more, the payload starts with a 12-octet
 * header that BsdUdpSink reads: the sequence number (uint32) and the
 * send time in nanoseconds (int64), both in network byte order.
 */
class BsdUdpSource : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    BsdUdpSource();
    ~BsdUdpSource() override;

    /**
     * \brief Datagrams handed to the kernel without error.
     * \return the count
     */
    uint64_t GetSent() const;

    /**
     * \brief Datagrams the kernel refused (connect or send failed).
     * \return the count
     */
    uint64_t GetErrors() const;

    /**
     * \brief Assign a fixed random variable stream number to the random
     * variables used by this application (Order "random").
     * \param stream first stream index to use
     * \return the number of stream indices assigned (1)
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * \brief The destination of the n-th datagram in sequential order.
     * \param n datagram number, from 0
     * \return the address
     */
    Ipv4Address GetSequentialDestination(uint32_t n) const;

    /**
     * \brief Set the Order attribute: "sequential" or "random".
     * Any other value is a fatal error.
     * \param order the order
     */
    void SetOrder(const std::string& order);

    /**
     * \brief Get the Order attribute.
     * \return "sequential" or "random"
     */
    std::string GetOrder() const;

    /**
     * TracedCallback signature for a datagram sent.
     * \param [in] dst the destination
     * \param [in] size the UDP payload size
     */
    typedef void (*TxTracedCallback)(Ipv4Address dst, uint32_t size);

    /**
     * TracedCallback signature for a datagram refused by the kernel.
     * \param [in] dst the destination
     * \param [in] error the errno
     */
    typedef void (*TxErrorTracedCallback)(Ipv4Address dst, int error);

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /// Send one datagram and schedule the next.
    void SendNext();
    /// Fill m_payload for datagram number seq.
    void FillPayload(uint32_t seq);

    Ptr<BsdKernel> m_kernel;       //!< the node's kernel
    Ipv4Address m_prefix;          //!< destination prefix
    uint8_t m_prefixLength;        //!< its length
    uint32_t m_destinations;       //!< distinct destinations (sequential)
    bool m_random;                 //!< Order "random"
    Time m_interval;               //!< time between datagrams
    uint32_t m_packetSize;         //!< UDP payload octets
    uint16_t m_port;               //!< destination port
    bool m_connectPerDestination;  //!< socket/connect/send/close per datagram
    uint32_t m_maxPackets;         //!< datagrams to send (0: m_destinations)
    Ptr<UniformRandomVariable> m_rng; //!< for Order "random"

    struct bsd_inpcb* m_socket;    //!< the unconnected socket (sendto mode)
    EventId m_sendEvent;           //!< next datagram
    uint32_t m_seq;                //!< datagrams attempted
    uint64_t m_sent;               //!< datagrams sent
    uint64_t m_errors;             //!< datagrams refused
    std::vector<uint8_t> m_payload; //!< payload scratch

    TracedCallback<Ipv4Address, uint32_t> m_txTrace;  //!< "Tx"
    TracedCallback<Ipv4Address, int> m_txErrorTrace;  //!< "TxError"
};

} // namespace ns3

#endif /* BSD_UDP_SOURCE_H */
