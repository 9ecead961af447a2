/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "bsd-app-helper.h"

#include "ns3/application.h"
#include "ns3/bsd-ping.h"
#include "ns3/bsd-udp-source.h"
#include "ns3/log.h"
#include "ns3/names.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <cstdio>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("BsdAppHelper");

namespace
{

void
PrintPingNow(Ptr<BsdPing> ping, Ptr<OutputStreamWrapper> stream)
{
    BsdAppHelper::PrintPingStatistics(ping, *stream->GetStream());
}

/// Milliseconds with three decimals, as ping(8) prints them.
std::string
Ms(Time t)
{
    char buf[32];
    std::snprintf(buf, sizeof(buf), "%.3f", static_cast<double>(t.GetNanoSeconds()) / 1e6);
    return buf;
}

} // namespace

BsdAppHelper::BsdAppHelper(const std::string& typeName)
{
    TypeId tid;
    if (!TypeId::LookupByNameFailSafe(typeName, &tid))
    {
        NS_FATAL_ERROR("BsdAppHelper: no type \"" << typeName
                                                  << "\" (e.g. ns3::BsdUdpSource, "
                                                     "ns3::BsdUdpSink, ns3::BsdPing, "
                                                     "ns3::BsdIcmpForger, ns3::BsdArpScanner)");
    }
    if (!tid.IsChildOf(Application::GetTypeId()))
    {
        NS_FATAL_ERROR("BsdAppHelper: " << typeName << " is not an ns3::Application");
    }
    m_factory.SetTypeId(tid);
}

void
BsdAppHelper::SetAttribute(const std::string& name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

ApplicationContainer
BsdAppHelper::Install(NodeContainer nodes) const
{
    ApplicationContainer apps;
    for (auto i = nodes.Begin(); i != nodes.End(); ++i)
    {
        apps.Add(InstallPriv(*i));
    }
    return apps;
}

ApplicationContainer
BsdAppHelper::Install(Ptr<Node> node) const
{
    return ApplicationContainer(InstallPriv(node));
}

ApplicationContainer
BsdAppHelper::Install(const std::string& nodeName) const
{
    Ptr<Node> node = Names::Find<Node>(nodeName);
    NS_ABORT_MSG_IF(!node, "BsdAppHelper: no node named \"" << nodeName << "\"");
    return ApplicationContainer(InstallPriv(node));
}

Ptr<Application>
BsdAppHelper::InstallPriv(Ptr<Node> node) const
{
    // Creating the object sets its attributes: string ones are checked there.
    Ptr<Application> app = m_factory.Create<Application>();
    node->AddApplication(app);
    return app;
}

int64_t
BsdAppHelper::AssignStreams(ApplicationContainer apps, int64_t stream)
{
    int64_t current = stream;
    for (auto i = apps.Begin(); i != apps.End(); ++i)
    {
        Ptr<BsdUdpSource> source = DynamicCast<BsdUdpSource>(*i);
        if (source)
        {
            current += source->AssignStreams(current);
        }
    }
    return current - stream;
}

void
BsdAppHelper::PrintPingStatistics(Ptr<BsdPing> ping, std::ostream& os)
{
    uint32_t sent = ping->GetSent();
    uint32_t received = ping->GetReceived();
    double loss = sent == 0 ? 0.0 : 100.0 * (sent - std::min(sent, received)) / sent;
    char pct[16];
    std::snprintf(pct, sizeof(pct), "%.1f", loss);
    os << "--- " << ping->GetRemote() << " ping statistics ---\n";
    os << sent << " packets transmitted, " << received << " packets received, ";
    if (ping->GetDuplicates() != 0)
    {
        os << "+" << ping->GetDuplicates() << " duplicates, ";
    }
    os << pct << "% packet loss\n";
    if (received != 0)
    {
        os << "round-trip min/avg/max/stddev = " << Ms(ping->GetRttMin()) << "/"
           << Ms(ping->GetRttAvg()) << "/" << Ms(ping->GetRttMax()) << "/"
           << Ms(ping->GetRttStddev()) << " ms\n";
    }
}

void
BsdAppHelper::PrintPingStatisticsAt(Time when, Ptr<BsdPing> ping, Ptr<OutputStreamWrapper> stream)
{
    Simulator::Schedule(when, &PrintPingNow, ping, stream);
}

} // namespace ns3
