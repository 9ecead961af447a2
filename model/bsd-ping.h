/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_PING_H
#define BSD_PING_H

#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/traced-callback.h"

#include <cstddef>
#include <map>
#include <set>

struct bsd_icmp_notice;

namespace ns3
{

class BsdKernel;

/**
 * \ingroup bsdnet
 * \brief ping(8) through a node's BsdKernel: ICMP echo requests to Remote
 * every Interval, replies matched by identifier and sequence number.
 *
 * The identifier is unique per application: the node id in the upper
 * bits, the application's index on its node in the lower four.  Replies
 * are heard through the kernel's "IcmpNotice" trace source.  Nothing is
 * printed; BsdAppHelper::PrintPingStatistics prints what ping(8) would.
 */
class BsdPing : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    BsdPing();
    ~BsdPing() override;

    /**
     * \brief Echo requests sent.
     * \return the count
     */
    uint32_t GetSent() const;

    /**
     * \brief Echo replies received (duplicates not counted).
     * \return the count
     */
    uint32_t GetReceived() const;

    /**
     * \brief Duplicate echo replies received.
     * \return the count
     */
    uint32_t GetDuplicates() const;

    /**
     * \brief The smallest round-trip time (zero if no reply).
     * \return the time
     */
    Time GetRttMin() const;

    /**
     * \brief The mean round-trip time (zero if no reply).
     * \return the time
     */
    Time GetRttAvg() const;

    /**
     * \brief The largest round-trip time (zero if no reply).
     * \return the time
     */
    Time GetRttMax() const;

    /**
     * \brief The standard deviation of the round-trip times, as ping(8)
     * computes it: sqrt(mean of squares - square of mean).
     * \return the time (zero if no reply)
     */
    Time GetRttStddev() const;

    /**
     * \brief The address pinged.
     * \return Remote
     */
    Ipv4Address GetRemote() const;

    /**
     * \brief The ICMP identifier of this application's echo requests
     * (known once it has started).
     * \return the identifier
     */
    uint16_t GetIdentifier() const;

    /**
     * TracedCallback signature for a round-trip time.
     * \param [in] seq the echo sequence number
     * \param [in] rtt the round-trip time
     */
    typedef void (*RttTracedCallback)(uint16_t seq, Time rtt);

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /// Send one echo request and schedule the next.
    void Send();
    /**
     * The kernel's IcmpNotice trace.
     * \param notice what was heard
     */
    void HandleNotice(const struct bsd_icmp_notice* notice);
    /// Stop listening to the kernel.
    void Disconnect();

    Ptr<BsdKernel> m_kernel;     //!< the node's kernel
    Ipv4Address m_remote;        //!< destination
    Time m_interval;             //!< between requests
    uint32_t m_size;             //!< ICMP data octets
    uint32_t m_count;            //!< requests to send (0: until stopped)
    uint16_t m_id;               //!< ICMP identifier
    bool m_connected;            //!< listening to IcmpNotice
    EventId m_sendEvent;         //!< next request
    uint32_t m_sent;             //!< requests sent
    uint32_t m_received;         //!< replies
    uint32_t m_duplicates;       //!< duplicate replies
    std::map<uint16_t, Time> m_pending; //!< send time by sequence, until answered
    std::set<uint16_t> m_answered;      //!< sequences answered
    int64_t m_rttMinNs;          //!< smallest
    int64_t m_rttMaxNs;          //!< largest
    double m_rttSumNs;           //!< sum
    double m_rttSumSqNs;         //!< sum of squares

    TracedCallback<uint16_t, Time> m_rttTrace; //!< "Rtt"
};

} // namespace ns3

#endif /* BSD_PING_H */
