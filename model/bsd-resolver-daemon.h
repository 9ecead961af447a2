/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_RESOLVER_DAEMON_H
#define BSD_RESOLVER_DAEMON_H

#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/net-device.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

struct bsd_kernel;
struct bsd_rt_msg;

namespace ns3
{

class BsdKernel;

/**
 * \ingroup bsdnet
 * \brief A user-level ARP resolver reached through RTF_XRESOLVE and
 * RTM_RESOLVE (seeds 000 and 001).
 *
 * On start the daemon does what `route change <net> -xresolve` would do
 * to every cloning interface route of the node's BsdKernel (and, as it
 * watches the routing socket, to every one added later): it sets
 * RTF_XRESOLVE.  The kernel still clones the ARP entry at once (seed 000:
 * the host route must exist immediately) and still keeps the one held
 * packet (seed 001), but it sends no ARP request: it announces the new
 * entry with RTM_RESOLVE on the routing socket instead.
 *
 * The daemon reads the routing socket; for each RTM_RESOLVE it looks the
 * address up in its own table after Delay (the daemon's scheduling and
 * work), and answers with the link address as RTM_CHANGE would
 * (bsd_arp_xresolve), which sends the held packet.  An address it does
 * not know is left unanswered: the entry stays incomplete until the
 * kernel's ARP sweep (arpt_prune) frees it and its held packet.  An
 * answer that comes after the sweep finds no entry and is counted as
 * stale.
 *
 * The table is filled with AddEntry, or with PopulateFromChannels from
 * every BSD host on the node's links (how the daemon "learns all the
 * addresses it needs to respond to", seed 001, is outside the study).
 *
 * StopApplication unsubscribes and takes RTF_XRESOLVE off the routes it
 * marked (entries already cloned keep the flag until they go).
 */
class BsdResolverDaemon : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    BsdResolverDaemon();
    ~BsdResolverDaemon() override;

    /**
     * \brief Know a link address for an IPv4 address (replaces any).
     * \param address the IPv4 address
     * \param lladdr the link address as the medium carries it: 6 octets
     *        for Ethernet and FDDI, 1 for ARCnet, 7 for AX.25
     */
    void AddEntry(Ipv4Address address, const std::vector<uint8_t>& lladdr);

    /**
     * \brief Fill the table from the node's links: for every device of
     * this node, every device on the same channel whose node has a
     * BsdKernel gives an entry per IPv4 address of its interface, with
     * the device's address (Address::CopyTo) as link address.  Call it
     * after the addresses are assigned.
     * \return the entries added
     */
    uint32_t PopulateFromChannels();

    /**
     * \brief Entries in the table.
     * \return the count
     */
    uint32_t GetEntryCount() const;

    /**
     * \brief RTM_RESOLVE messages heard.
     * \return the count
     */
    uint64_t GetRequests() const;

    /**
     * \brief Answers the kernel accepted.
     * \return the count
     */
    uint64_t GetAnswered() const;

    /**
     * \brief Requests for addresses not in the table (left unanswered).
     * \return the count
     */
    uint64_t GetUnknown() const;

    /**
     * \brief Answers that found no entry any more (swept before Delay).
     * \return the count
     */
    uint64_t GetStale() const;

    /**
     * TracedCallback signature for an answer the kernel accepted.
     * \param [in] address the address resolved
     * \param [in] latency from the RTM_RESOLVE message to the answer
     */
    typedef void (*ResolveTracedCallback)(Ipv4Address address, Time latency);

    /**
     * TracedCallback signature for a request the daemon cannot answer.
     * \param [in] address the address asked for
     */
    typedef void (*UnknownTracedCallback)(Ipv4Address address);

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /**
     * The routing socket's upcall (bsd_rtsock_fn).
     * \param arg this daemon
     * \param msg the message
     */
    static void Upcall(void* arg, const struct bsd_rt_msg* msg);
    /**
     * A message from the routing socket.
     * \param msg the message
     */
    void Read(const struct bsd_rt_msg* msg);
    /**
     * Answer the request for an address, Delay after it was asked.
     * \param address the address (network order)
     * \param asked when the RTM_RESOLVE was sent
     */
    void Answer(uint32_t address, Time asked);
    /**
     * Set RTF_XRESOLVE on a cloning interface route if it is one.
     * \param net its destination (network order)
     * \param plen its prefix length
     */
    void Mark(uint32_t net, uint8_t plen);
    /// Mark every cloning interface route in the table.
    void MarkAll();
    /// Take RTF_XRESOLVE off the routes this daemon marked.
    void UnmarkAll();
    /// Cancel the answers not yet given.
    void CancelPending();
    /// Leave the routing socket, if the kernel is still there.
    void Unsubscribe();
    /// The C kernel subscribed to is still alive (BsdKernel not disposed).
    bool CoreAlive() const;

    Ptr<BsdKernel> m_kernel;   //!< the node's kernel
    struct bsd_kernel* m_core; //!< its C kernel, while subscribed
    bool m_subscribed;         //!< on the routing socket
    Time m_delay;              //!< from RTM_RESOLVE to the answer
    std::map<uint32_t, std::vector<uint8_t>> m_table;   //!< IPv4 (network order) -> link address
    std::map<uint32_t, EventId> m_pending;              //!< answers under way, by address
    std::vector<std::pair<uint32_t, uint8_t>> m_marked; //!< routes set RTF_XRESOLVE
    uint64_t m_requests;                                //!< RTM_RESOLVE heard
    uint64_t m_answered;                                //!< answers accepted
    uint64_t m_unknown;                                 //!< addresses not in the table
    uint64_t m_stale;                                   //!< answers too late

    TracedCallback<Ipv4Address, Time> m_resolveTrace; //!< "Resolve"
    TracedCallback<Ipv4Address> m_unknownTrace;       //!< "Unknown"
};

} // namespace ns3

#endif /* BSD_RESOLVER_DAEMON_H */
