/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "bsd-udp-sink.h"

#include "bsd-kernel.h"

#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <cstring>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("BsdUdpSink");

NS_OBJECT_ENSURE_REGISTERED(BsdUdpSink);

namespace
{

uint32_t
Get32(const uint8_t* p)
{
    return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | uint32_t(p[3]);
}

uint64_t
Get64(const uint8_t* p)
{
    return uint64_t(Get32(p)) << 32 | Get32(p + 4);
}

} // namespace

TypeId
BsdUdpSink::GetTypeId()
{
    static TypeId tid = TypeId("ns3::BsdUdpSink")
                            .SetParent<Application>()
                            .SetGroupName("Bsdnet")
                            .AddConstructor<BsdUdpSink>()
                            .AddAttribute("Port",
                                          "UDP port to bind",
                                          UintegerValue(9),
                                          MakeUintegerAccessor(&BsdUdpSink::m_port),
                                          MakeUintegerChecker<uint16_t>(1))
                            .AddTraceSource("Rx",
                                            "A datagram was received",
                                            MakeTraceSourceAccessor(&BsdUdpSink::m_rxTrace),
                                            "ns3::BsdUdpSink::RxTracedCallback")
                            .AddTraceSource("Delay",
                                            "One-way delay of a datagram that carried its "
                                            "send time",
                                            MakeTraceSourceAccessor(&BsdUdpSink::m_delayTrace),
                                            "ns3::BsdUdpSink::DelayTracedCallback");
    return tid;
}

BsdUdpSink::BsdUdpSink()
    : m_port(9),
      m_socket(nullptr),
      m_received(0),
      m_bytes(0),
      m_timestamped(0),
      m_delaySumNs(0)
{
    NS_LOG_FUNCTION(this);
}

BsdUdpSink::~BsdUdpSink()
{
    NS_LOG_FUNCTION(this);
}

uint64_t
BsdUdpSink::GetReceived() const
{
    return m_received;
}

uint64_t
BsdUdpSink::GetReceivedBytes() const
{
    return m_bytes;
}

uint64_t
BsdUdpSink::GetTimestamped() const
{
    return m_timestamped;
}

uint64_t
BsdUdpSink::GetLost() const
{
    uint64_t lost = 0;
    for (const auto& s : m_senders)
    {
        uint64_t expected = uint64_t(s.second.maxSeq) + 1;
        if (expected > s.second.seen.size())
        {
            lost += expected - s.second.seen.size();
        }
    }
    return lost;
}

Time
BsdUdpSink::GetMeanDelay() const
{
    if (m_timestamped == 0)
    {
        return Time(0);
    }
    return NanoSeconds(m_delaySumNs / static_cast<int64_t>(m_timestamped));
}

void
BsdUdpSink::DoDispose()
{
    NS_LOG_FUNCTION(this);
    // A socket still open belongs to the kernel, which frees it with
    // itself; the kernel may be gone already, so it is not touched here.
    m_socket = nullptr;
    m_kernel = nullptr;
    m_senders.clear();
    Application::DoDispose();
}

void
BsdUdpSink::StartApplication()
{
    NS_LOG_FUNCTION(this);
    m_kernel = BsdKernel::Of(GetNode(), "BsdUdpSink");
    if (m_socket != nullptr)
    {
        return;
    }
    struct bsd_kernel* k = m_kernel->GetCore();
    m_socket = bsd_udp_socket(k, &BsdUdpSink::Upcall, this);
    NS_ABORT_MSG_IF(m_socket == nullptr, "BsdUdpSink: socket: out of memory");
    int error = bsd_udp_bind(k, m_socket, 0, bsd_htons(m_port));
    if (error != 0)
    {
        bsd_udp_close(k, m_socket);
        m_socket = nullptr;
        NS_FATAL_ERROR("BsdUdpSink: node " << GetNode()->GetId() << ": bind to port " << m_port
                                           << ": " << std::strerror(error));
    }
}

void
BsdUdpSink::StopApplication()
{
    NS_LOG_FUNCTION(this);
    if (m_socket != nullptr && m_kernel)
    {
        bsd_udp_close(m_kernel->GetCore(), m_socket);
        m_socket = nullptr;
    }
}

void
BsdUdpSink::Upcall(void* arg,
                   struct bsd_inpcb* inp,
                   const uint8_t* data,
                   size_t len,
                   uint32_t faddr,
                   uint16_t fport)
{
    (void)inp;
    (void)fport;
    static_cast<BsdUdpSink*>(arg)->Receive(data, len, Ipv4Address(bsd_ntohl(faddr)));
}

void
BsdUdpSink::Receive(const uint8_t* data, size_t len, Ipv4Address from)
{
    m_received++;
    m_bytes += len;
    NS_LOG_LOGIC("received " << len << " octets from " << from);
    m_rxTrace(static_cast<uint32_t>(len), from);
    if (len < 12)
    {
        return;
    }
    uint32_t seq = Get32(data);
    auto sent = static_cast<int64_t>(Get64(data + 4));
    SenderState& s = m_senders[from.Get()];
    if (s.seen.empty() || seq > s.maxSeq)
    {
        s.maxSeq = seq;
    }
    s.seen.insert(seq);
    int64_t now = Simulator::Now().GetNanoSeconds();
    if (sent >= 0 && sent <= now)
    {
        m_timestamped++;
        m_delaySumNs += now - sent;
        m_delayTrace(NanoSeconds(now - sent));
    }
}

} // namespace ns3
