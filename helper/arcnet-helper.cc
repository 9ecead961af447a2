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
    : m_nextId(1)
{
    m_queueFactory.SetTypeId("ns3::DropTailQueue<Packet>");
    m_deviceFactory.SetTypeId("ns3::ArcnetNetDevice");
    m_channelFactory.SetTypeId("ns3::ArcnetChannel");
}

ArcnetHelper::~ArcnetHelper()
{
}

void
ArcnetHelper::SetDeviceAttribute(std::string n1, const AttributeValue& v1)
{
    m_deviceFactory.Set(n1, v1);
}

void
ArcnetHelper::SetChannelAttribute(std::string n1, const AttributeValue& v1)
{
    m_channelFactory.Set(n1, v1);
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

void
ArcnetHelper::EnablePcapInternal(std::string prefix,
                                 Ptr<NetDevice> nd,
                                 bool promiscuous,
                                 bool explicitFilename)
{
    Ptr<ArcnetNetDevice> device = nd->GetObject<ArcnetNetDevice>();
    if (!device)
    {
        NS_LOG_INFO("ArcnetHelper::EnablePcapInternal(): device " << nd
                                                                  << " is not an ArcnetNetDevice");
        return;
    }
    PcapHelper pcapHelper;
    std::string filename;
    if (explicitFilename)
    {
        filename = prefix;
    }
    else
    {
        filename = pcapHelper.GetFilenameFromDevice(prefix, device);
    }
    // PcapHelper::DataLinkType has no ARCnet value: LINKTYPE_ARCNET_BSD is 7.
    Ptr<PcapFileWrapper> file =
        pcapHelper.CreateFile(filename,
                              std::ios::out,
                              static_cast<PcapHelper::DataLinkType>(device->GetMedia()->md_dlt));
    pcapHelper.HookDefaultSink<ArcnetNetDevice>(device,
                                                promiscuous ? "PromiscSniffer" : "Sniffer",
                                                file);
}

void
ArcnetHelper::EnableAsciiInternal(Ptr<OutputStreamWrapper> stream,
                                  std::string prefix,
                                  Ptr<NetDevice> nd,
                                  bool explicitFilename)
{
    Ptr<ArcnetNetDevice> device = nd->GetObject<ArcnetNetDevice>();
    if (!device)
    {
        NS_LOG_INFO("ArcnetHelper::EnableAsciiInternal(): device " << nd
                                                                   << " is not an ArcnetNetDevice");
        return;
    }
    Packet::EnablePrinting();
    if (!stream)
    {
        AsciiTraceHelper asciiTraceHelper;
        std::string filename;
        if (explicitFilename)
        {
            filename = prefix;
        }
        else
        {
            filename = asciiTraceHelper.GetFilenameFromDevice(prefix, device);
        }
        Ptr<OutputStreamWrapper> theStream = asciiTraceHelper.CreateFileStream(filename);
        asciiTraceHelper.HookDefaultReceiveSinkWithoutContext<ArcnetNetDevice>(device,
                                                                               "MacRx",
                                                                               theStream);
        Ptr<Queue<Packet>> queue = device->GetQueue();
        if (queue)
        {
            asciiTraceHelper.HookDefaultEnqueueSinkWithoutContext<Queue<Packet>>(queue,
                                                                                 "Enqueue",
                                                                                 theStream);
            asciiTraceHelper.HookDefaultDropSinkWithoutContext<Queue<Packet>>(queue,
                                                                              "Drop",
                                                                              theStream);
            asciiTraceHelper.HookDefaultDequeueSinkWithoutContext<Queue<Packet>>(queue,
                                                                                 "Dequeue",
                                                                                 theStream);
        }
        return;
    }
    // A shared stream: hook by configuration path, with context.
    const std::string base = "/NodeList/" + std::to_string(nd->GetNode()->GetId()) + "/DeviceList/"
                             + std::to_string(nd->GetIfIndex()) + "/$ns3::ArcnetNetDevice/";
    Config::Connect(base + "MacRx",
                    MakeBoundCallback(&AsciiTraceHelper::DefaultReceiveSinkWithContext, stream));
    Config::Connect(base + "TxQueue/Enqueue",
                    MakeBoundCallback(&AsciiTraceHelper::DefaultEnqueueSinkWithContext, stream));
    Config::Connect(base + "TxQueue/Dequeue",
                    MakeBoundCallback(&AsciiTraceHelper::DefaultDequeueSinkWithContext, stream));
    Config::Connect(base + "TxQueue/Drop",
                    MakeBoundCallback(&AsciiTraceHelper::DefaultDropSinkWithContext, stream));
}

} // namespace ns3
