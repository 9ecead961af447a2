/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "bsd-stack-helper.h"

#include "ns3/loopback-net-device.h"
#include "ns3/node-list.h"
#include "ns3/simulator.h"
#include "ns3/string.h"

#include <cerrno>
#include <cstring>

namespace ns3
{

namespace
{

Ptr<BsdKernel>
KernelOf(Ptr<Node> node)
{
    return BsdKernel::Of(node, "BsdStackHelper");
}

void
Check(int error, const std::string& what)
{
    NS_ABORT_MSG_IF(error != 0, "bsdnet: " << what << ": " << std::strerror(error));
}

/// "a.b.c.d/len" into an address and a mask; fatal on a typo.
void
ParseCidr(const std::string& cidr, Ipv4Address& addr, Ipv4Mask& mask)
{
    size_t slash = cidr.find('/');
    uint32_t a;
    int len = slash == std::string::npos ? -1 : std::atoi(cidr.c_str() + slash + 1);
    if (slash == std::string::npos || len < 0 || len > 32 ||
        bsd_inet_aton(cidr.substr(0, slash).c_str(), &a) != 0)
    {
        NS_FATAL_ERROR("bsdnet: \"" << cidr << "\" is no address/prefix (e.g. 10.1.1.1/24)");
    }
    addr = Ipv4Address(bsd_ntohl(a));
    mask = Ipv4Mask(len == 0 ? 0 : ~((1u << (32 - len)) - 1));
}

/// ifconfig on the device's node; fatal with what was asked on failure.
void
AddAddressTo(Ptr<NetDevice> device, Ipv4Address addr, Ipv4Mask mask, const std::string& what)
{
    Ptr<BsdKernel> k = KernelOf(device->GetNode());
    uint32_t index = k->GetInterfaceIndex(device);
    NS_ABORT_MSG_IF(index == 0, "bsdnet: device is not an interface of the node's BsdKernel");
    Check(k->AddAddress(index, addr, mask), "ifconfig " + what);
}


void
PrintNow(Ptr<Node> node, Ptr<OutputStreamWrapper> stream)
{
    KernelOf(node)->PrintRoutingTable(stream);
}

void
RtsockLine(Ptr<OutputStreamWrapper> stream,
           uint32_t node,
           const struct bsd_rt_msg* msg,
           const std::string& text)
{
    (void)msg;
    *stream->GetStream() << Simulator::Now().GetSeconds() << " node " << node << " " << text
                         << "\n";
}

void
RtsockDropLine(Ptr<OutputStreamWrapper> stream, uint32_t node, uint64_t count)
{
    *stream->GetStream() << Simulator::Now().GetSeconds() << " node " << node << " " << count
                         << " messages dropped (receive buffer full)\n";
}

void
SampleTables(NodeContainer nodes, Ptr<OutputStreamWrapper> stream, Time interval, Time stop)
{
    std::ostream* os = stream->GetStream();
    for (auto i = nodes.Begin(); i != nodes.End(); ++i)
    {
        Ptr<BsdKernel> k = KernelOf(*i);
        *os << Simulator::Now().GetSeconds() << "," << (*i)->GetId() << "," << k->GetRouteTotal();
        for (int kind = 0; kind < BSD_RTK_NKINDS; kind++)
        {
            *os << "," << k->GetRouteCount(static_cast<enum bsd_rtkind>(kind));
        }
        *os << "," << k->GetMemoryUsed() << "," << k->GetDropCount() << "\n";
    }
    if (Simulator::Now() + interval <= stop)
    {
        Simulator::Schedule(interval, &SampleTables, nodes, stream, interval, stop);
    }
}

} // namespace

BsdStackHelper::BsdStackHelper()
{
    m_factory.SetTypeId("ns3::BsdKernel");
}

void
BsdStackHelper::SetPersonality(const std::string& name)
{
    NS_ABORT_MSG_IF(bsd_personality_find(name.c_str()) == nullptr,
                    "bsdnet: unknown personality \""
                        << name << "\": allowed netbsd-1.5, bsdos-4, freebsd-4, netbsd-2");
    m_factory.Set("Personality", StringValue(name));
}

void
BsdStackHelper::SetAttribute(const std::string& name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

void
BsdStackHelper::Install(NodeContainer nodes) const
{
    for (auto i = nodes.Begin(); i != nodes.End(); ++i)
    {
        Install(*i);
    }
}

void
BsdStackHelper::Install(Ptr<Node> node) const
{
    NS_ABORT_MSG_IF(node->GetObject<BsdKernel>(),
                    "node " << node->GetId() << " already has a BsdKernel");
    Ptr<BsdKernel> k = m_factory.Create<BsdKernel>();
    node->AggregateObject(k);
    for (uint32_t i = 0; i < node->GetNDevices(); i++)
    {
        Ptr<NetDevice> dev = node->GetDevice(i);
        if (!DynamicCast<LoopbackNetDevice>(dev))
        {
            k->AddInterface(dev);
        }
    }
}

void
BsdStackHelper::AddAddress(Ptr<NetDevice> device, const std::string& cidr)
{
    Ipv4Address addr;
    Ipv4Mask mask;
    ParseCidr(cidr, addr, mask);
    AddAddressTo(device, addr, mask, cidr);
}

void
BsdStackHelper::Assign(const NetDeviceContainer& devices,
                       const std::string& network,
                       uint32_t first)
{
    Ipv4Address net;
    Ipv4Mask mask;
    ParseCidr(network, net, mask);
    for (uint32_t i = 0; i < devices.GetN(); i++)
    {
        AddAddressTo(devices.Get(i),
                     Ipv4Address((net.Get() & mask.Get()) + first + i),
                     mask,
                     network);
    }
}

void
BsdStackHelper::AddRoute(Ptr<Node> node, const std::string& network, Ipv4Address gateway)
{
    Ipv4Address net;
    Ipv4Mask mask;
    if (network == "default")
    {
        net = Ipv4Address::GetZero();
        mask = Ipv4Mask::GetZero();
    }
    else
    {
        ParseCidr(network, net, mask);
    }
    Check(KernelOf(node)->AddRoute(net, mask, gateway), "route add " + network);
}

void
BsdStackHelper::SetDefaultRoute(Ptr<Node> node, Ipv4Address gateway)
{
    AddRoute(node, "default", gateway);
}

void
BsdStackHelper::AddArpEntry(Ptr<Node> node,
                            Ipv4Address address,
                            const std::string& lladdr,
                            bool publish)
{
    Check(KernelOf(node)->AddArpEntry(address, lladdr, true, publish), "arp -s " + lladdr);
}

void
BsdStackHelper::PrintRoutingTableAt(Time when, Ptr<Node> node, Ptr<OutputStreamWrapper> stream)
{
    Simulator::Schedule(when, &PrintNow, node, stream);
}

void
BsdStackHelper::PrintRoutingTableAllAt(Time when, Ptr<OutputStreamWrapper> stream)
{
    for (uint32_t i = 0; i < NodeList::GetNNodes(); i++)
    {
        Ptr<Node> node = NodeList::GetNode(i);
        if (node->GetObject<BsdKernel>())
        {
            PrintRoutingTableAt(when, node, stream);
        }
    }
}

void
BsdStackHelper::EnableRtsockLog(NodeContainer nodes, Ptr<OutputStreamWrapper> stream)
{
    for (auto i = nodes.Begin(); i != nodes.End(); ++i)
    {
        bool ok = KernelOf(*i)->TraceConnectWithoutContext(
            "Rtsock",
            MakeBoundCallback(&RtsockLine, stream, (*i)->GetId()));
        NS_ABORT_MSG_IF(!ok, "bsdnet: no Rtsock trace source");
        ok = KernelOf(*i)->TraceConnectWithoutContext(
            "RtsockDrop",
            MakeBoundCallback(&RtsockDropLine, stream, (*i)->GetId()));
        NS_ABORT_MSG_IF(!ok, "bsdnet: no RtsockDrop trace source");
    }
}

void
BsdStackHelper::EnableTableCsv(NodeContainer nodes,
                               Ptr<OutputStreamWrapper> stream,
                               Time interval,
                               Time stop)
{
    *stream->GetStream() << "time_s,node,total";
    for (int kind = 0; kind < BSD_RTK_NKINDS; kind++)
    {
        *stream->GetStream() << "," << bsd_rtkind_name(static_cast<enum bsd_rtkind>(kind));
    }
    *stream->GetStream() << ",mem_bytes,drops\n";
    Simulator::Schedule(Seconds(0), &SampleTables, nodes, stream, interval, stop);
}

} // namespace ns3
