/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ax25-helper.h"

#include "ns3/abort.h"
#include "ns3/config.h"
#include "ns3/log.h"
#include "ns3/names.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/string.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ax25Helper");

namespace
{

/// Characters appended to the base callsign for stations 16 and on.
const char g_suffixes[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/// Stations per base callsign (SSIDs 1 to 15).
constexpr uint32_t SSIDS = 15;

/**
 * \brief Write a frame to a pcap file at the current time.
 * \param file the file
 * \param p the frame
 */
void
Ax25PcapSink(Ptr<PcapFileWrapper> file, Ptr<const Packet> p)
{
    file->Write(Simulator::Now(), p);
}

/**
 * \brief Connect a trace source or die saying which.
 * \param object the object
 * \param name the trace source
 * \param cb the sink
 * \param context the context passed to the sink, if not empty
 */
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
        NS_FATAL_ERROR("Ax25Helper: cannot hook trace source \"" << name << "\" of "
                                                                 << object->GetInstanceTypeId());
    }
}

} // namespace

Ax25Helper::Ax25Helper()
    : m_baseCallsign("N0BSD"),
      m_autoCallsign(true),
      m_stations(0)
{
    m_queueFactory.SetTypeId("ns3::DropTailQueue<Packet>");
    m_deviceFactory.SetTypeId("ns3::Ax25NetDevice");
    m_channelFactory.SetTypeId("ns3::Ax25Channel");
}

void
Ax25Helper::SetDeviceAttribute(std::string n1, const AttributeValue& v1)
{
    if (n1 == "Callsign")
    {
        m_autoCallsign = false;
    }
    m_deviceFactory.Set(n1, v1);
}

void
Ax25Helper::SetChannelAttribute(std::string n1, const AttributeValue& v1)
{
    m_channelFactory.Set(n1, v1);
}

void
Ax25Helper::SetBaseCallsign(std::string base)
{
    uint8_t a[7];
    if (base.find('-') != std::string::npos || !Ax25NetDevice::ParseCallsign(base, a))
    {
        NS_FATAL_ERROR("Ax25Helper::SetBaseCallsign: \""
                       << base << "\" is not a base callsign: expected 1 to 6 letters or digits "
                       << "without SSID (e.g. \"N0BSD\")");
    }
    m_baseCallsign = base;
    m_autoCallsign = true;
}

std::string
Ax25Helper::MakeCallsign(const std::string& base, uint32_t n)
{
    if (n == 0)
    {
        return "";
    }
    uint32_t group = (n - 1) / SSIDS;
    uint32_t ssid = (n - 1) % SSIDS + 1;
    std::string call = base;
    if (group > 0)
    {
        if (call.size() >= 6 || group > sizeof(g_suffixes) - 1)
        {
            return "";
        }
        call += g_suffixes[group - 1];
    }
    std::ostringstream oss;
    oss << call << "-" << ssid;
    return oss.str();
}

NetDeviceContainer
Ax25Helper::Install(Ptr<Node> node) const
{
    Ptr<Ax25Channel> channel = m_channelFactory.Create<Ax25Channel>();
    return Install(node, channel);
}

NetDeviceContainer
Ax25Helper::Install(Ptr<Node> node, Ptr<Ax25Channel> channel) const
{
    return NetDeviceContainer(InstallPriv(node, channel));
}

NetDeviceContainer
Ax25Helper::Install(const NodeContainer& c) const
{
    Ptr<Ax25Channel> channel = m_channelFactory.Create<Ax25Channel>();
    return Install(c, channel);
}

NetDeviceContainer
Ax25Helper::Install(const NodeContainer& c, Ptr<Ax25Channel> channel) const
{
    NetDeviceContainer devs;
    for (auto i = c.Begin(); i != c.End(); ++i)
    {
        devs.Add(InstallPriv(*i, channel));
    }
    return devs;
}

Ptr<NetDevice>
Ax25Helper::InstallPriv(Ptr<Node> node, Ptr<Ax25Channel> channel) const
{
    Ptr<Ax25NetDevice> device = m_deviceFactory.Create<Ax25NetDevice>();
    m_stations++;
    if (m_autoCallsign)
    {
        std::string call = MakeCallsign(m_baseCallsign, m_stations);
        if (call.empty())
        {
            NS_FATAL_ERROR("Ax25Helper: no callsign left for station "
                           << m_stations << " with base \"" << m_baseCallsign
                           << "\" (15 SSIDs per suffix letter or digit)");
        }
        device->SetCallsign(call);
    }
    node->AddDevice(device);
    Ptr<Queue<Packet>> queue = m_queueFactory.Create<Queue<Packet>>();
    device->SetQueue(queue);
    device->Attach(channel);
    NS_LOG_INFO("node " << node->GetId() << ": " << device->GetCallsign());
    return device;
}

int64_t
Ax25Helper::AssignStreams(NetDeviceContainer c, int64_t stream)
{
    int64_t current = stream;
    for (auto i = c.Begin(); i != c.End(); ++i)
    {
        Ptr<Ax25NetDevice> dev = DynamicCast<Ax25NetDevice>(*i);
        if (dev)
        {
            current += dev->AssignStreams(current);
        }
    }
    return current - stream;
}

void
Ax25Helper::EnablePcapInternal(std::string prefix,
                               Ptr<NetDevice> nd,
                               bool promiscuous,
                               bool explicitFilename)
{
    Ptr<Ax25NetDevice> device = nd->GetObject<Ax25NetDevice>();
    if (!device)
    {
        NS_LOG_INFO("Ax25Helper::EnablePcapInternal(): device " << nd
                                                                << " is not an Ax25NetDevice");
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
    // LINKTYPE_AX25 (3): PcapHelper::DataLinkType has no name for it.
    auto dlt = static_cast<PcapHelper::DataLinkType>(device->GetMedia()->md_dlt);
    Ptr<PcapFileWrapper> file = pcapHelper.CreateFile(filename, std::ios::out, dlt);
    ConnectOrDie(device,
                 promiscuous ? "PromiscSniffer" : "Sniffer",
                 MakeBoundCallback(&Ax25PcapSink, file));
}

void
Ax25Helper::EnableAsciiInternal(Ptr<OutputStreamWrapper> stream,
                                std::string prefix,
                                Ptr<NetDevice> nd,
                                bool explicitFilename)
{
    Ptr<Ax25NetDevice> device = nd->GetObject<Ax25NetDevice>();
    if (!device)
    {
        NS_LOG_INFO("Ax25Helper::EnableAsciiInternal(): device " << nd
                                                                 << " is not an Ax25NetDevice");
        return;
    }
    Packet::EnablePrinting();
    Ptr<Queue<Packet>> queue = device->GetQueue();

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
        ConnectOrDie(
            device,
            "MacRx",
            MakeBoundCallback(&AsciiTraceHelper::DefaultReceiveSinkWithoutContext, theStream));
        ConnectOrDie(
            queue,
            "Enqueue",
            MakeBoundCallback(&AsciiTraceHelper::DefaultEnqueueSinkWithoutContext, theStream));
        ConnectOrDie(
            queue,
            "Dequeue",
            MakeBoundCallback(&AsciiTraceHelper::DefaultDequeueSinkWithoutContext, theStream));
        ConnectOrDie(
            queue,
            "Drop",
            MakeBoundCallback(&AsciiTraceHelper::DefaultDropSinkWithoutContext, theStream));
        return;
    }

    // A shared stream: lines carry the context, as CsmaHelper writes them.
    std::ostringstream oss;
    oss << "/NodeList/" << nd->GetNode()->GetId() << "/DeviceList/" << nd->GetIfIndex()
        << "/$ns3::Ax25NetDevice/";
    std::string base = oss.str();
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
