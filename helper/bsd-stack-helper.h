/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_STACK_HELPER_H
#define BSD_STACK_HELPER_H

#include "ns3/bsd-kernel.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/object-factory.h"
#include "ns3/output-stream-wrapper.h"

#include <string>

namespace ns3
{

/**
 * \ingroup bsdnet
 * \brief Installs BSD kernels on nodes and configures them, in the manner
 * of InternetStackHelper, Ipv4AddressHelper and Ipv4RoutingHelper.
 */
class BsdStackHelper
{
  public:
    BsdStackHelper();

    /**
     * \brief Personality of the kernels installed from now on.
     * \param name netbsd-1.5, bsdos-4, freebsd-4 or netbsd-2
     */
    void SetPersonality(const std::string& name);

    /**
     * \brief Set a BsdKernel attribute for the kernels installed from now on.
     * \param name attribute name (e.g. "RedirTimeout")
     * \param value its value
     */
    void SetAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Aggregate a BsdKernel to each node and make every device of
     * the node one of its interfaces.
     * \param nodes the nodes
     */
    void Install(NodeContainer nodes) const;

    /**
     * \brief Install on one node.
     * \param node the node
     */
    void Install(Ptr<Node> node) const;

    /**
     * \brief ifconfig: give a device an address, "10.1.1.1/24".
     * \param device a device of a node with a BsdKernel
     * \param cidr address and prefix length
     */
    static void AddAddress(Ptr<NetDevice> device, const std::string& cidr);

    /**
     * \brief Number the devices base+1, base+2, ... within network/prefix.
     * \param devices the devices
     * \param network e.g. "10.1.1.0/24"
     * \param first host number of the first device (default 1)
     */
    static void Assign(const NetDeviceContainer& devices,
                       const std::string& network,
                       uint32_t first = 1);

    /**
     * \brief route add: network/prefix via gateway on a node.
     * \param node the node
     * \param network e.g. "10.2.0.0/16", or "default"
     * \param gateway next hop
     */
    static void AddRoute(Ptr<Node> node, const std::string& network, Ipv4Address gateway);

    /**
     * \brief route add default gateway.
     * \param node the node
     * \param gateway next hop
     */
    static void SetDefaultRoute(Ptr<Node> node, Ipv4Address gateway);

    /**
     * \brief arp -s: a static (or published) ARP entry.
     * \param node the node
     * \param address the IPv4 address
     * \param lladdr the link address in the medium's text form
     * \param publish answer for it (proxy ARP)
     */
    static void AddArpEntry(Ptr<Node> node,
                            Ipv4Address address,
                            const std::string& lladdr,
                            bool publish = false);

    /**
     * \brief Print one node's table (netstat -rn) at a time.
     * \param when simulation time
     * \param node the node
     * \param stream where
     */
    static void PrintRoutingTableAt(Time when, Ptr<Node> node, Ptr<OutputStreamWrapper> stream);

    /**
     * \brief Print every BSD node's table at a time.
     * \param when simulation time
     * \param stream where
     */
    static void PrintRoutingTableAllAt(Time when, Ptr<OutputStreamWrapper> stream);

    /**
     * \brief Write every routing-socket message of the nodes, one per line
     * ("<time> node <id> <message>"), as a reader whose receive buffer
     * (BsdKernel's RtsockRcvBuf, RtsockReaderHz) bounds it: one line
     * "<time> node <id> <n> messages dropped (receive buffer full)" per run of
     * messages lost.
     * \param nodes the nodes
     * \param stream where
     */
    static void EnableRtsockLog(NodeContainer nodes, Ptr<OutputStreamWrapper> stream);

    /**
     * \brief Sample the table of each node every interval and write a CSV:
     * time_s,node,total,iface,static,cloned,arp,redirect,pmtu,mem_bytes,drops.
     * \param nodes the nodes
     * \param stream where (the header is written now)
     * \param interval sampling period
     * \param stop last sample time
     */
    static void EnableTableCsv(NodeContainer nodes,
                               Ptr<OutputStreamWrapper> stream,
                               Time interval,
                               Time stop);

  private:
    ObjectFactory m_factory; //!< makes the kernels
};

} // namespace ns3

#endif /* BSD_STACK_HELPER_H */
