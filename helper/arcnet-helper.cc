/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "arcnet-helper.h"

#include "ns3/abort.h"
#include "ns3/arcnet-channel.h"
#include "ns3/arcnet-net-device.h"
#include "ns3/config.h"
#include "ns3/log.h"
#include "ns3/packet.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ArcnetHelper");

ArcnetHelper::ArcnetHelper()
    : BsdFramedHelper("ns3::ArcnetNetDevice", "ns3::ArcnetChannel"),
      m_nextId(1)
{
}

ArcnetHelper::~ArcnetHelper()
{
}

void
ArcnetHelper::SetNextStationId(uint8_t id)
{
    NS_ABORT_MSG_IF(id == 0, "ArcnetHelper: station ID 0 is the broadcast address");
    m_nextId = id;
}

uint8_t
ArcnetHelper::GetNextStationId() const
{
    return m_nextId > 255 ? 0 : static_cast<uint8_t>(m_nextId);
}

NetDeviceContainer
ArcnetHelper::Install(Ptr<Node> node)
{
    return Install(node, m_channelFactory.Create<ArcnetChannel>());
}

NetDeviceContainer
ArcnetHelper::Install(Ptr<Node> node, Ptr<ArcnetChannel> channel)
{
    return NetDeviceContainer(InstallPriv(node, channel));
}

NetDeviceContainer
ArcnetHelper::Install(const NodeContainer& c)
{
    return Install(c, m_channelFactory.Create<ArcnetChannel>());
}

NetDeviceContainer
ArcnetHelper::Install(const NodeContainer& c, Ptr<ArcnetChannel> channel)
{
    NetDeviceContainer devices;
    for (auto i = c.Begin(); i != c.End(); ++i)
    {
        devices.Add(InstallPriv(*i, channel));
    }
    return devices;
}

Ptr<NetDevice>
ArcnetHelper::InstallPriv(Ptr<Node> node, Ptr<ArcnetChannel> channel)
{
    NS_ABORT_MSG_IF(m_nextId > 255, "ArcnetHelper: no station IDs left (1 to 255)");
    Ptr<ArcnetNetDevice> device = m_deviceFactory.Create<ArcnetNetDevice>();
    device->SetStationId(static_cast<uint8_t>(m_nextId++));
    device->SetQueue(m_queueFactory.Create<Queue<Packet>>());
    node->AddDevice(device);
    device->Attach(channel);
    return device;
}

} // namespace ns3
