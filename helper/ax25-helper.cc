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

} // namespace

Ax25Helper::Ax25Helper()
    : BsdFramedHelper("ns3::Ax25NetDevice", "ns3::Ax25Channel"),
      m_baseCallsign("N0BSD"),
      m_autoCallsign(true),
      m_stations(0)
{
}

void
Ax25Helper::SetDeviceAttribute(std::string n1, const AttributeValue& v1)
{
    if (n1 == "Callsign")
    {
        m_autoCallsign = false;
    }
    BsdFramedHelper::SetDeviceAttribute(n1, v1);
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

} // namespace ns3
