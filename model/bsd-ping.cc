/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "bsd-ping.h"

#include "bsd-kernel.h"

#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <cmath>
#include <cstring>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("BsdPing");

NS_OBJECT_ENSURE_REGISTERED(BsdPing);

TypeId
BsdPing::GetTypeId()
{
    static TypeId tid = TypeId("ns3::BsdPing")
                            .SetParent<Application>()
                            .SetGroupName("Bsdnet")
                            .AddConstructor<BsdPing>()
                            .AddAttribute("Remote",
                                          "The address to ping",
                                          Ipv4AddressValue(),
                                          MakeIpv4AddressAccessor(&BsdPing::m_remote),
                                          MakeIpv4AddressChecker())
                            .AddAttribute("Interval",
                                          "Time between echo requests",
                                          TimeValue(Seconds(1)),
                                          MakeTimeAccessor(&BsdPing::m_interval),
                                          MakeTimeChecker(Time(0)))
                            .AddAttribute("Size",
                                          "ICMP data octets of each request",
                                          UintegerValue(56),
                                          MakeUintegerAccessor(&BsdPing::m_size),
                                          MakeUintegerChecker<uint32_t>(0, 65507))
                            .AddAttribute("Count",
                                          "Requests to send (0: until stopped)",
                                          UintegerValue(0),
                                          MakeUintegerAccessor(&BsdPing::m_count),
                                          MakeUintegerChecker<uint32_t>())
                            .AddTraceSource("Rtt",
                                            "The round-trip time of an answered request",
                                            MakeTraceSourceAccessor(&BsdPing::m_rttTrace),
                                            "ns3::BsdPing::RttTracedCallback");
    return tid;
}

BsdPing::BsdPing()
    : m_size(56),
      m_count(0),
      m_id(0),
      m_connected(false),
      m_sent(0),
      m_received(0),
      m_duplicates(0),
      m_rttMinNs(0),
      m_rttMaxNs(0),
      m_rttSumNs(0),
      m_rttSumSqNs(0)
{
    NS_LOG_FUNCTION(this);
}

BsdPing::~BsdPing()
{
    NS_LOG_FUNCTION(this);
}

uint32_t
BsdPing::GetSent() const
{
    return m_sent;
}

uint32_t
BsdPing::GetReceived() const
{
    return m_received;
}

uint32_t
BsdPing::GetDuplicates() const
{
    return m_duplicates;
}

Time
BsdPing::GetRttMin() const
{
    return NanoSeconds(m_rttMinNs);
}

Time
BsdPing::GetRttMax() const
{
    return NanoSeconds(m_rttMaxNs);
}

Time
BsdPing::GetRttAvg() const
{
    if (m_received == 0)
    {
        return Time(0);
    }
    return NanoSeconds(static_cast<int64_t>(std::llround(m_rttSumNs / m_received)));
}

Time
BsdPing::GetRttStddev() const
{
    if (m_received == 0)
    {
        return Time(0);
    }
    double mean = m_rttSumNs / m_received;
    double var = m_rttSumSqNs / m_received - mean * mean;
    return NanoSeconds(static_cast<int64_t>(std::llround(var > 0 ? std::sqrt(var) : 0.0)));
}

Ipv4Address
BsdPing::GetRemote() const
{
    return m_remote;
}

uint16_t
BsdPing::GetIdentifier() const
{
    return m_id;
}

void
BsdPing::Disconnect()
{
    if (m_connected && m_kernel)
    {
        m_kernel->TraceDisconnectWithoutContext("IcmpNotice",
                                                MakeCallback(&BsdPing::HandleNotice, this));
    }
    m_connected = false;
}

void
BsdPing::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_sendEvent.Cancel();
    Disconnect();
    m_kernel = nullptr;
    m_pending.clear();
    m_answered.clear();
    Application::DoDispose();
}

void
BsdPing::StartApplication()
{
    NS_LOG_FUNCTION(this);
    Ptr<Node> node = GetNode();
    m_kernel = BsdKernel::Of(node, "BsdPing");
    if (m_remote == Ipv4Address())
    {
        NS_FATAL_ERROR("BsdPing: node " << node->GetId() << ": attribute Remote is not set");
    }
    uint32_t index = 0;
    for (uint32_t i = 0; i < node->GetNApplications(); i++)
    {
        if (PeekPointer(node->GetApplication(i)) == this)
        {
            index = i;
            break;
        }
    }
    m_id = static_cast<uint16_t>(((node->GetId() & 0x0fff) << 4) | (index & 0xf));
    if (!m_connected)
    {
        bool ok = m_kernel->TraceConnectWithoutContext("IcmpNotice",
                                                       MakeCallback(&BsdPing::HandleNotice,
                                                                    this));
        NS_ABORT_MSG_IF(!ok, "BsdPing: BsdKernel has no IcmpNotice trace source");
        m_connected = true;
    }
    m_sendEvent.Cancel();
    m_sendEvent = Simulator::ScheduleNow(&BsdPing::Send, this);
}

void
BsdPing::StopApplication()
{
    NS_LOG_FUNCTION(this);
    m_sendEvent.Cancel();
    Disconnect();
}

void
BsdPing::Send()
{
    if (m_count != 0 && m_sent >= m_count)
    {
        return;
    }
    auto seq = static_cast<uint16_t>(m_sent);
    m_answered.erase(seq);
    m_pending[seq] = Simulator::Now();
    m_sent++;
    int error = bsd_icmp_echo(m_kernel->GetCore(), bsd_htonl(m_remote.Get()), m_id, seq, m_size);
    if (error != 0)
    {
        // ping(8) says "sendto: ..." and goes on; the request counts as sent.
        NS_LOG_INFO("ping " << m_remote << " seq " << seq << ": " << std::strerror(error));
    }
    if (m_count == 0 || m_sent < m_count)
    {
        m_sendEvent = Simulator::Schedule(m_interval, &BsdPing::Send, this);
    }
}

void
BsdPing::HandleNotice(const struct bsd_icmp_notice* notice)
{
    if (notice->in_type != BSD_ICMP_ECHOREPLY || notice->in_id != m_id)
    {
        return;
    }
    uint16_t seq = notice->in_seq;
    auto it = m_pending.find(seq);
    if (it == m_pending.end())
    {
        if (m_answered.count(seq) != 0)
        {
            m_duplicates++;
        }
        return;
    }
    Time rtt = Simulator::Now() - it->second;
    m_pending.erase(it);
    m_answered.insert(seq);
    int64_t ns = rtt.GetNanoSeconds();
    if (m_received == 0 || ns < m_rttMinNs)
    {
        m_rttMinNs = ns;
    }
    if (m_received == 0 || ns > m_rttMaxNs)
    {
        m_rttMaxNs = ns;
    }
    m_received++;
    m_rttSumNs += static_cast<double>(ns);
    m_rttSumSqNs += static_cast<double>(ns) * static_cast<double>(ns);
    NS_LOG_LOGIC(notice->in_len << " bytes from " << Ipv4Address(bsd_ntohl(notice->in_from))
                                << ": icmp_seq=" << seq << " time=" << rtt.As(Time::MS));
    m_rttTrace(seq, rtt);
}

} // namespace ns3
