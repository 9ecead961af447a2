/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_UDP_SINK_H
#define BSD_UDP_SINK_H

#include "ns3/application.h"
#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/traced-callback.h"

#include <cstddef>
#include <map>
#include <set>

struct bsd_inpcb;

namespace ns3
{

class BsdKernel;

/**
 * \ingroup bsdnet
 * \brief Receives UDP datagrams on a port of a node's BsdKernel and
 * counts them.
 *
 * A datagram of 12 octets or more is taken to start with BsdUdpSource's
 * header (sequence number, send time): the sink then measures its
 * one-way delay and, from the gaps in each sender's sequence numbers,
 * how many datagrams were lost.
 */
class BsdUdpSink : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    BsdUdpSink();
    ~BsdUdpSink() override;

    /**
     * \brief Datagrams received.
     * \return the count
     */
    uint64_t GetReceived() const;

    /**
     * \brief UDP payload octets received.
     * \return the count
     */
    uint64_t GetReceivedBytes() const;

    /**
     * \brief Datagrams lost: for each sender, the highest sequence number
     * seen plus one, less the distinct sequence numbers received.
     * \return the count
     */
    uint64_t GetLost() const;

    /**
     * \brief Mean one-way delay of the datagrams that carried a send time.
     * \return the mean (zero if none did)
     */
    Time GetMeanDelay() const;

    /**
     * \brief Datagrams that carried a sequence number and send time.
     * \return the count
     */
    uint64_t GetTimestamped() const;

    /**
     * TracedCallback signature for a datagram received.
     * \param [in] size the UDP payload size
     * \param [in] from the sender's address
     */
    typedef void (*RxTracedCallback)(uint32_t size, Ipv4Address from);

    /**
     * TracedCallback signature for a one-way delay.
     * \param [in] delay the delay
     */
    typedef void (*DelayTracedCallback)(Time delay);

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /**
     * The socket's upcall (bsd_udp_upcall_fn).
     * \param arg this sink
     * \param inp the socket
     * \param data the payload
     * \param len its length
     * \param faddr the sender (network order)
     * \param fport the sender's port (network order)
     */
    static void Upcall(void* arg,
                       struct bsd_inpcb* inp,
                       const uint8_t* data,
                       size_t len,
                       uint32_t faddr,
                       uint16_t fport);
    /**
     * A datagram arrived.
     * \param data the payload
     * \param len its length
     * \param from the sender
     */
    void Receive(const uint8_t* data, size_t len, Ipv4Address from);

    /// Per sender: what its sequence numbers say.
    struct SenderState
    {
        uint32_t maxSeq = 0;       //!< highest sequence number seen
        std::set<uint32_t> seen;   //!< sequence numbers received
    };

    Ptr<BsdKernel> m_kernel;        //!< the node's kernel
    uint16_t m_port;                //!< bound port
    struct bsd_inpcb* m_socket;     //!< the socket
    uint64_t m_received;            //!< datagrams
    uint64_t m_bytes;               //!< octets
    uint64_t m_timestamped;         //!< datagrams with a send time
    int64_t m_delaySumNs;           //!< sum of their delays
    std::map<uint32_t, SenderState> m_senders; //!< by address (host order)

    TracedCallback<uint32_t, Ipv4Address> m_rxTrace; //!< "Rx"
    TracedCallback<Time> m_delayTrace;               //!< "Delay"
};

} // namespace ns3

#endif /* BSD_UDP_SINK_H */
