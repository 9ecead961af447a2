/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_KERNEL_NS3_H
#define BSD_KERNEL_NS3_H

#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/net-device.h"
#include "ns3/node.h"
#include "ns3/object.h"
#include "ns3/output-stream-wrapper.h"
#include "ns3/traced-callback.h"

#include <string>
#include <vector>

extern "C"
{
#include "bsd_kernel.h"
#include "bsd_netstat.h"
}

namespace ns3
{

class BsdFramedNetDevice;

/**
 * \ingroup bsdnet
 * \brief A BSD kernel's network layer on an ns-3 Node.
 *
 * BsdKernel owns one C kernel (struct bsd_kernel) and connects it to the
 * simulator: the kernel's clock is Simulator::Now, its pending timers are
 * one scheduled event (moved, never multiplied), its interfaces are
 * NetDevices of the node (CsmaNetDevice or FdNetDevice for Ethernet, and
 * bsdnet's FDDI, ARCnet and AX.25 devices), and what happens inside it comes out as
 * trace sources.  Attributes are the personality and every tunable; the
 * personality's defaults apply unless an attribute is set.
 *
 * Aggregate it to a Node with BsdStackHelper.
 */
class BsdKernel : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    BsdKernel();
    ~BsdKernel() override;

    /**
     * \brief The BsdKernel of a node; a fatal error naming who asked if
     * the node has none.
     * \param node the node
     * \param who the caller, for the message ("BsdUdpSource")
     * \return the kernel
     */
    static Ptr<BsdKernel> Of(Ptr<Node> node, const std::string& who);

    /**
     * \brief Attach a device as a BSD interface (ifnet).
     * \param device a CsmaNetDevice, an FdNetDevice (a real interface or a
     *        tap, in EncapsulationMode Dix or DixPi) or a BsdFramedNetDevice
     *        of this node
     * \return the interface index (if_index, from 1)
     */
    uint32_t AddInterface(Ptr<NetDevice> device);

    /**
     * \brief ifconfig alias: add an address; on a broadcast medium its
     * subnet route becomes a cloning parent and a gratuitous ARP goes out.
     * \param ifIndex interface index from AddInterface
     * \param address the address
     * \param mask its netmask
     * \return 0 or an errno
     */
    int AddAddress(uint32_t ifIndex, Ipv4Address address, Ipv4Mask mask);

    /**
     * \brief ifconfig -alias: remove an address and its interface route.
     * \param ifIndex interface index
     * \param address the address
     * \return 0 or an errno
     */
    int RemoveAddress(uint32_t ifIndex, Ipv4Address address);

    /**
     * \brief route add: a static route (RTF_STATIC) through a gateway.
     * \param network destination network
     * \param mask its mask (255.255.255.255 for a host route)
     * \param gateway next hop
     * \return 0 or an errno (EEXIST, ENETUNREACH, ...)
     */
    int AddRoute(Ipv4Address network, Ipv4Mask mask, Ipv4Address gateway);

    /**
     * \brief route add default.
     * \param gateway next hop
     * \return 0 or an errno
     */
    int SetDefaultRoute(Ipv4Address gateway);

    /**
     * \brief arp -s: a static ARP entry, or a published (proxy) one.
     * \param address the IPv4 address
     * \param lladdr the link address as the medium writes it
     *        ("08:00:2b:00:49:a4", "0x2a", "N0CALL-7")
     * \param permanent never expires
     * \param publish answer ARP requests for it
     * \return 0 or an errno
     */
    int AddArpEntry(Ipv4Address address, const std::string& lladdr, bool permanent, bool publish);

    /**
     * \brief The C kernel, for bsdnet's applications and probes.
     * \return the kernel (owned by this object), or nullptr once this
     *         object is disposed (the C kernel is gone with it)
     */
    struct bsd_kernel* GetCore() const;

    /**
     * \brief The interface index of a device, or 0.
     * \param device a device added with AddInterface
     * \return its if_index
     */
    uint32_t GetInterfaceIndex(Ptr<NetDevice> device) const;

    /**
     * \brief Print the routing table as netstat -rn does.
     * \param stream where to print
     */
    void PrintRoutingTable(Ptr<OutputStreamWrapper> stream) const;

    /**
     * \brief Routes of one kind in the table.
     * \param kind BSD_RTK_* (static, cloned, arp, redirect, pmtu, iface)
     * \return the count
     */
    uint64_t GetRouteCount(enum bsd_rtkind kind) const;

    /**
     * \brief Routes in the table.
     * \return the count
     */
    uint64_t GetRouteTotal() const;

    /**
     * \brief Kernel memory charged to the budget, bytes.
     * \return mb_used
     */
    uint64_t GetMemoryUsed() const;

    /**
     * \brief Packets dropped so far (every BSD_TR_DROP, and ENOBUFS).
     * \return the count
     */
    uint64_t GetDropCount() const;

    /**
     * \brief Routing-socket messages the Rtsock reader lost because its
     * receive buffer was full (rts_drops).
     * \return the count
     */
    uint64_t GetRtsockDrops() const;

    /**
     * \brief Report drops the Rtsock reader has not heard of yet
     * (RtsockDrop), as if it woke now: call at the end of a run.
     */
    void FlushRtsock();

    /**
     * \brief Set a personality switch or tunable by its C name, from text
     * (what the attributes do); validated against its range.
     * \param name e.g. "redirtimeout"
     * \param value decimal text
     * \param why receives the allowed range when the value is refused
     * \return 0, ENOENT, EINVAL or ERANGE
     */
    int SetKnob(const std::string& name, const std::string& value, std::string* why = nullptr);

    /**
     * TracedCallback signature for route events.
     * \param [in] dst destination
     * \param [in] plen prefix length
     * \param [in] flags rt_flags
     */
    typedef void (*RouteTracedCallback)(Ipv4Address dst, uint8_t plen, uint32_t flags);
    /**
     * TracedCallback signature for routing-socket messages.
     * \param [in] msg the message
     * \param [in] text as route monitor prints it
     */
    typedef void (*RtsockTracedCallback)(const struct bsd_rt_msg* msg, const std::string& text);
    /**
     * TracedCallback signature for routing-socket messages lost.
     * \param [in] count messages dropped since the reader last read
     */
    typedef void (*RtsockDropTracedCallback)(uint64_t count);
    /**
     * TracedCallback signature for drops.
     * \param [in] reason the reason (BSD_DROP_* name)
     */
    typedef void (*DropTracedCallback)(const std::string& reason);
    /**
     * TracedCallback signature for ICMP heard by the host's applications.
     * \param [in] notice type, code, sender, echo id and sequence
     */
    typedef void (*IcmpTracedCallback)(const struct bsd_icmp_notice* notice);
    /**
     * TracedCallback signature for ARP events.
     * \param [in] event "request", "reply" or "resolved"
     */
    typedef void (*ArpTracedCallback)(const std::string& event);
    /**
     * TracedCallback signature for table size.
     * \param [in] total entries
     * \param [in] memory bytes charged
     */
    typedef void (*TableSizeTracedCallback)(uint64_t total, uint64_t memory);

  protected:
    void DoDispose() override;
    void NotifyNewAggregate() override;

  private:
    void Boot();
    void RunTimers();
    void Receive(Ptr<NetDevice> device, Ptr<const Packet> frame);
    void ReceiveEthernet(Ptr<NetDevice> device,
                         Ptr<const Packet> packet,
                         uint16_t protocol,
                         const Address& from,
                         const Address& to,
                         NetDevice::PacketType type);

    static int64_t HookNow(void* ctx);
    static void HookDeadline(void* ctx, int64_t when);
    static void HookTransmit(void* ctx, struct bsd_ifnet* ifp, const uint8_t* frame, size_t len);
    static void HookTrace(void* ctx, const struct bsd_trace* tr);
    static void HookLog(void* ctx, int pri, const char* msg);
    static void HookRtsock(void* arg, const struct bsd_rt_msg* msg);
    static void HookRtsockDrop(void* arg, uint64_t count);
    static void HookIcmp(void* arg, const struct bsd_icmp_notice* notice);

    Ptr<Node> m_node;
    struct bsd_kernel* m_k;
    struct bsd_personality m_pers;
    std::string m_personality;
    std::vector<std::pair<std::string, std::string>> m_knobs; //!< set before boot
    bool m_forwarding;
    uint32_t m_rtsockRcvBuf;   //!< the Rtsock reader's sb_hiwat, bytes (0: none)
    uint32_t m_rtsockReaderHz; //!< its wakeups a second
    bool m_disposed; //!< DoDispose ran: never boot again
    EventId m_timer;
    int64_t m_timerAt;
    std::vector<Ptr<NetDevice>> m_devices; //!< by if_index - 1
    std::vector<struct bsd_ifnet*> m_ifnets;
    std::vector<BsdFramedNetDevice*> m_framed; //!< by if_index - 1; null: CSMA
    std::vector<uint32_t> m_byNodeIndex;       //!< node's device index -> if_index
    uint32_t FindInterface(const Ptr<NetDevice>& device) const;
    static bool IsFdNetDevice(Ptr<NetDevice> device);
    std::vector<uint8_t> m_rx; //!< receive scratch

    TracedCallback<Ipv4Address, uint8_t, uint32_t> m_routeAdd;
    TracedCallback<Ipv4Address, uint8_t, uint32_t> m_routeClone;
    TracedCallback<Ipv4Address, uint8_t, uint32_t> m_routeDelete;
    TracedCallback<const struct bsd_rt_msg*, const std::string&> m_rtsock;
    TracedCallback<uint64_t> m_rtsockDrop;
    TracedCallback<const std::string&> m_drop;
    TracedCallback<const struct bsd_icmp_notice*> m_icmp;
    TracedCallback<const std::string&> m_arp;
    uint64_t m_drops;
    TracedCallback<uint64_t, uint64_t> m_tableSize;
    TracedCallback<const std::string&> m_log;
};

} // namespace ns3

#endif /* BSD_KERNEL_NS3_H */
