/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "fddi-helper.h"

#include "ns3/config.h"
#include "ns3/fddi-channel.h"
#include "ns3/fddi-net-device.h"
#include "ns3/log.h"
#include "ns3/packet.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("FddiHelper");

FddiHelper::FddiHelper()
    : BsdFramedHelper("ns3::FddiNetDevice", "ns3::FddiChannel")
{
}

FddiHelper::~FddiHelper()
{
}

NetDeviceContainer
FddiHelper::Install(Ptr<Node> node) const
{
    return Install(node, m_channelFactory.Create<FddiChannel>());
}

NetDeviceContainer
FddiHelper::Install(Ptr<Node> node, Ptr<FddiChannel> channel) const
{
    return NetDeviceContainer(InstallPriv(node, channel));
}

NetDeviceContainer
FddiHelper::Install(const NodeContainer& c) const
{
    return Install(c, m_channelFactory.Create<FddiChannel>());
}

NetDeviceContainer
FddiHelper::Install(const NodeContainer& c, Ptr<FddiChannel> channel) const
{
    NetDeviceContainer devices;
    for (auto i = c.Begin(); i != c.End(); ++i)
    {
        devices.Add(InstallPriv(*i, channel));
    }
    return devices;
}

Ptr<NetDevice>
FddiHelper::InstallPriv(Ptr<Node> node, Ptr<FddiChannel> channel) const
{
    Ptr<FddiNetDevice> device = m_deviceFactory.Create<FddiNetDevice>();
    device->SetAddress(Mac48Address::Allocate());
    device->SetQueue(m_queueFactory.Create<Queue<Packet>>());
    node->AddDevice(device);
    device->Attach(channel);
    return device;
}

} // namespace ns3
