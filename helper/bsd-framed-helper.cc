/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "bsd-framed-helper.h"

#include "ns3/bsd-framed-net-device.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("BsdFramedHelper");

namespace
{

/// Write a frame to a pcap file at the current time.
void
PcapSink(Ptr<PcapFileWrapper> file, Ptr<const Packet> p)
{
    file->Write(Simulator::Now(), p);
}

/// Connect a trace source (with a context if one is given) or die saying which.
void
ConnectOrDie(Ptr<Object> object,
             const std::string& name,
             const CallbackBase& cb,
             const std::string& context = "")
{
    bool ok = context.empty() ? object->TraceConnectWithoutContext(name, cb)
                              : object->TraceConnect(name, context, cb);
    if (!ok)
    {
        NS_FATAL_ERROR("BsdFramedHelper: cannot hook trace source \""
                       << name << "\" of " << object->GetInstanceTypeId());
    }
}

} // namespace

BsdFramedHelper::BsdFramedHelper(const std::string& device, const std::string& channel)
{
    m_queueFactory.SetTypeId("ns3::DropTailQueue<Packet>");
    m_deviceFactory.SetTypeId(device);
    m_channelFactory.SetTypeId(channel);
}

void
BsdFramedHelper::SetDeviceAttribute(std::string n1, const AttributeValue& v1)
{
    m_deviceFactory.Set(n1, v1);
}

void
BsdFramedHelper::SetChannelAttribute(std::string n1, const AttributeValue& v1)
{
    m_channelFactory.Set(n1, v1);
}

void
BsdFramedHelper::EnablePcapInternal(std::string prefix,
                                    Ptr<NetDevice> nd,
                                    bool promiscuous,
                                    bool explicitFilename)
{
    Ptr<BsdFramedNetDevice> device = DynamicCast<BsdFramedNetDevice>(nd);
    if (!device)
    {
        NS_LOG_INFO("EnablePcapInternal(): device " << nd << " is not a BsdFramedNetDevice");
        return;
    }
    PcapHelper pcapHelper;
    std::string filename =
        explicitFilename ? prefix : pcapHelper.GetFilenameFromDevice(prefix, device);
    // PcapHelper::DataLinkType names none of these link types.
    auto dlt = static_cast<PcapHelper::DataLinkType>(device->GetMedia()->md_dlt);
    Ptr<PcapFileWrapper> file = pcapHelper.CreateFile(filename, std::ios::out, dlt);
    ConnectOrDie(device,
                 promiscuous ? "PromiscSniffer" : "Sniffer",
                 MakeBoundCallback(&PcapSink, file));
}

void
BsdFramedHelper::EnableAsciiInternal(Ptr<OutputStreamWrapper> stream,
                                     std::string prefix,
                                     Ptr<NetDevice> nd,
                                     bool explicitFilename)
{
    Ptr<BsdFramedNetDevice> device = DynamicCast<BsdFramedNetDevice>(nd);
    if (!device)
    {
        NS_LOG_INFO("EnableAsciiInternal(): device " << nd << " is not a BsdFramedNetDevice");
        return;
    }
    Packet::EnablePrinting();
    Ptr<Queue<Packet>> queue = device->GetQueue();
    if (!stream)
    {
        AsciiTraceHelper asciiTraceHelper;
        std::string filename =
            explicitFilename ? prefix : asciiTraceHelper.GetFilenameFromDevice(prefix, device);
        Ptr<OutputStreamWrapper> file = asciiTraceHelper.CreateFileStream(filename);
        ConnectOrDie(device,
                     "MacRx",
                     MakeBoundCallback(&AsciiTraceHelper::DefaultReceiveSinkWithoutContext, file));
        ConnectOrDie(queue,
                     "Enqueue",
                     MakeBoundCallback(&AsciiTraceHelper::DefaultEnqueueSinkWithoutContext, file));
        ConnectOrDie(queue,
                     "Dequeue",
                     MakeBoundCallback(&AsciiTraceHelper::DefaultDequeueSinkWithoutContext, file));
        ConnectOrDie(queue,
                     "Drop",
                     MakeBoundCallback(&AsciiTraceHelper::DefaultDropSinkWithoutContext, file));
        return;
    }
    // A shared stream: lines carry the context, as CsmaHelper writes them.
    std::string base = "/NodeList/" + std::to_string(nd->GetNode()->GetId()) + "/DeviceList/" +
                       std::to_string(nd->GetIfIndex()) + "/$" +
                       device->GetInstanceTypeId().GetName() + "/";
    ConnectOrDie(device,
                 "MacRx",
                 MakeBoundCallback(&AsciiTraceHelper::DefaultReceiveSinkWithContext, stream),
                 base + "MacRx");
    ConnectOrDie(queue,
                 "Enqueue",
                 MakeBoundCallback(&AsciiTraceHelper::DefaultEnqueueSinkWithContext, stream),
                 base + "TxQueue/Enqueue");
    ConnectOrDie(queue,
                 "Dequeue",
                 MakeBoundCallback(&AsciiTraceHelper::DefaultDequeueSinkWithContext, stream),
                 base + "TxQueue/Dequeue");
    ConnectOrDie(queue,
                 "Drop",
                 MakeBoundCallback(&AsciiTraceHelper::DefaultDropSinkWithContext, stream),
                 base + "TxQueue/Drop");
}

} // namespace ns3
