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
{
    m_queueFactory.SetTypeId("ns3::DropTailQueue<Packet>");
    m_deviceFactory.SetTypeId("ns3::FddiNetDevice");
    m_channelFactory.SetTypeId("ns3::FddiChannel");
}

FddiHelper::~FddiHelper()
{
}

void
FddiHelper::SetDeviceAttribute(std::string n1, const AttributeValue& v1)
{
    m_deviceFactory.Set(n1, v1);
}

void
FddiHelper::SetChannelAttribute(std::string n1, const AttributeValue& v1)
{
    m_channelFactory.Set(n1, v1);
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

void
FddiHelper::EnablePcapInternal(std::string prefix,
                               Ptr<NetDevice> nd,
                               bool promiscuous,
                               bool explicitFilename)
{
    Ptr<FddiNetDevice> device = nd->GetObject<FddiNetDevice>();
    if (!device)
    {
        NS_LOG_INFO("FddiHelper::EnablePcapInternal(): device " << nd
                                                                << " is not an FddiNetDevice");
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
    // PcapHelper::DataLinkType has no FDDI value: LINKTYPE_FDDI is 10.
    Ptr<PcapFileWrapper> file =
        pcapHelper.CreateFile(filename,
                              std::ios::out,
                              static_cast<PcapHelper::DataLinkType>(device->GetMedia()->md_dlt));
    pcapHelper.HookDefaultSink<FddiNetDevice>(device,
                                              promiscuous ? "PromiscSniffer" : "Sniffer",
                                              file);
}

void
FddiHelper::EnableAsciiInternal(Ptr<OutputStreamWrapper> stream,
                                std::string prefix,
                                Ptr<NetDevice> nd,
                                bool explicitFilename)
{
    Ptr<FddiNetDevice> device = nd->GetObject<FddiNetDevice>();
    if (!device)
    {
        NS_LOG_INFO("FddiHelper::EnableAsciiInternal(): device " << nd
                                                                 << " is not an FddiNetDevice");
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
        asciiTraceHelper.HookDefaultReceiveSinkWithoutContext<FddiNetDevice>(device,
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
                             + std::to_string(nd->GetIfIndex()) + "/$ns3::FddiNetDevice/";
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
