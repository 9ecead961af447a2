/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "bsd-udp-source.h"

#include "bsd-kernel.h"
#include "bsd-prefix.h"

#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("BsdUdpSource");

NS_OBJECT_ENSURE_REGISTERED(BsdUdpSource);

namespace
{

void
Put32(uint8_t* p, uint32_t v)
{
    for (int i = 3; i >= 0; i--)
    {
        p[i] = static_cast<uint8_t>(v);
        v >>= 8;
    }
}

void
Put64(uint8_t* p, uint64_t v)
{
    for (int i = 7; i >= 0; i--)
    {
        p[i] = static_cast<uint8_t>(v);
        v >>= 8;
    }
}

} // namespace

TypeId
BsdUdpSource::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::BsdUdpSource")
            .SetParent<Application>()
            .SetGroupName("Bsdnet")
            .AddConstructor<BsdUdpSource>()
            .AddAttribute("Prefix",
                          "The prefix the destinations are taken from",
                          Ipv4AddressValue("198.18.0.0"),
                          MakeIpv4AddressAccessor(&BsdUdpSource::m_prefix),
                          MakeIpv4AddressChecker())
            .AddAttribute("PrefixLength",
                          "The length of Prefix, 0 to 32",
                          UintegerValue(15),
                          MakeUintegerAccessor(&BsdUdpSource::m_prefixLength),
                          MakeUintegerChecker<uint8_t>(0, 32))
            .AddAttribute("Destinations",
                          "Distinct destinations (Order sequential): the first N usable "
                          "addresses of the prefix",
                          UintegerValue(1000),
                          MakeUintegerAccessor(&BsdUdpSource::m_destinations),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("Order",
                          "sequential (the first Destinations addresses in turn) or random "
                          "(each datagram to a uniformly drawn address of the prefix)",
                          StringValue("sequential"),
                          MakeStringAccessor(&BsdUdpSource::SetOrder, &BsdUdpSource::GetOrder),
                          MakeStringChecker())
            .AddAttribute("Interval",
                          "Time between datagrams",
                          TimeValue(MilliSeconds(1)),
                          MakeTimeAccessor(&BsdUdpSource::m_interval),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("PacketSize",
                          "UDP payload octets (12 or more: sequence number and send time "
                          "first)",
                          UintegerValue(64),
                          MakeUintegerAccessor(&BsdUdpSource::m_packetSize),
                          MakeUintegerChecker<uint32_t>(0, 65507))
            .AddAttribute("Port",
                          "Destination UDP port",
                          UintegerValue(9),
                          MakeUintegerAccessor(&BsdUdpSource::m_port),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("ConnectPerDestination",
                          "socket, connect, send, close for every datagram (true), or sendto "
                          "on one unconnected socket (false)",
                          BooleanValue(true),
                          MakeBooleanAccessor(&BsdUdpSource::m_connectPerDestination),
                          MakeBooleanChecker())
            .AddAttribute("MaxPackets",
                          "Datagrams to send (0: Destinations, one per destination)",
                          UintegerValue(0),
                          MakeUintegerAccessor(&BsdUdpSource::m_maxPackets),
                          MakeUintegerChecker<uint32_t>())
            .AddTraceSource("Tx",
                            "A datagram was handed to the kernel",
                            MakeTraceSourceAccessor(&BsdUdpSource::m_txTrace),
                            "ns3::BsdUdpSource::TxTracedCallback")
            .AddTraceSource("TxError",
                            "The kernel refused a datagram (connect or send), with the errno",
                            MakeTraceSourceAccessor(&BsdUdpSource::m_txErrorTrace),
                            "ns3::BsdUdpSource::TxErrorTracedCallback");
    return tid;
}

BsdUdpSource::BsdUdpSource()
    : m_prefixLength(15),
      m_destinations(1000),
      m_random(false),
      m_packetSize(64),
      m_port(9),
      m_connectPerDestination(true),
      m_maxPackets(0),
      m_socket(nullptr),
      m_seq(0),
      m_sent(0),
      m_errors(0)
{
    NS_LOG_FUNCTION(this);
    m_rng = CreateObject<UniformRandomVariable>();
}

BsdUdpSource::~BsdUdpSource()
{
    NS_LOG_FUNCTION(this);
}

void
BsdUdpSource::SetOrder(const std::string& order)
{
    if (order == "sequential")
    {
        m_random = false;
    }
    else if (order == "random")
    {
        m_random = true;
    }
    else
    {
        NS_FATAL_ERROR("BsdUdpSource: bad value \"" << order
                                                    << "\" for attribute Order: allowed "
                                                       "\"sequential\" or \"random\"");
    }
}

std::string
BsdUdpSource::GetOrder() const
{
    return m_random ? "random" : "sequential";
}

uint64_t
BsdUdpSource::GetSent() const
{
    return m_sent;
}

uint64_t
BsdUdpSource::GetErrors() const
{
    return m_errors;
}

int64_t
BsdUdpSource::AssignStreams(int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    m_rng->SetStream(stream);
    return 1;
}

Ipv4Address
BsdUdpSource::GetSequentialDestination(uint32_t n) const
{
    BsdPrefix prefix(m_prefix, m_prefixLength);
    uint64_t count = std::min<uint64_t>(m_destinations, prefix.GetCount());
    return prefix.Get(n % count);
}

void
BsdUdpSource::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_sendEvent.Cancel();
    // A socket still open belongs to the kernel, which frees it with
    // itself; the kernel may be gone already, so it is not touched here.
    m_socket = nullptr;
    m_kernel = nullptr;
    m_rng = nullptr;
    Application::DoDispose();
}

void
BsdUdpSource::StartApplication()
{
    NS_LOG_FUNCTION(this);
    m_kernel = BsdKernel::Of(GetNode(), "BsdUdpSource");
    if (!m_connectPerDestination && m_socket == nullptr)
    {
        m_socket = bsd_udp_socket(m_kernel->GetCore(), nullptr, nullptr);
        NS_ABORT_MSG_IF(m_socket == nullptr, "BsdUdpSource: socket: out of memory");
    }
    m_payload.assign(m_packetSize, 0);
    m_sendEvent.Cancel();
    m_sendEvent = Simulator::ScheduleNow(&BsdUdpSource::SendNext, this);
}

void
BsdUdpSource::StopApplication()
{
    NS_LOG_FUNCTION(this);
    m_sendEvent.Cancel();
    if (m_socket != nullptr && m_kernel)
    {
        bsd_udp_close(m_kernel->GetCore(), m_socket);
        m_socket = nullptr;
    }
}

void
BsdUdpSource::FillPayload(uint32_t seq)
{
    if (m_packetSize >= 12)
    {
        Put32(m_payload.data(), seq);
        Put64(m_payload.data() + 4, static_cast<uint64_t>(Simulator::Now().GetNanoSeconds()));
    }
}

void
BsdUdpSource::SendNext()
{
    uint32_t total = m_maxPackets != 0 ? m_maxPackets : m_destinations;
    if (m_seq >= total)
    {
        return;
    }
    Ipv4Address dst;
    if (m_random)
    {
        BsdPrefix prefix(m_prefix, m_prefixLength);
        uint64_t usable = prefix.GetCount();
        auto i = static_cast<uint64_t>(m_rng->GetValue(0.0, static_cast<double>(usable)));
        dst = prefix.Get(i < usable ? i : usable - 1);
    }
    else
    {
        dst = GetSequentialDestination(m_seq);
    }
    FillPayload(m_seq);
    m_seq++;

    struct bsd_kernel* k = m_kernel->GetCore();
    uint32_t faddr = bsd_htonl(dst.Get());
    uint16_t fport = bsd_htons(m_port);
    int error;
    if (m_connectPerDestination)
    {
        struct bsd_inpcb* inp = bsd_udp_socket(k, nullptr, nullptr);
        if (inp == nullptr)
        {
            error = ENOBUFS;
        }
        else
        {
            error = bsd_udp_connect(k, inp, faddr, fport);
            if (error == 0)
            {
                error = bsd_udp_send(k, inp, m_payload.data(), m_payload.size());
            }
            bsd_udp_close(k, inp);
        }
    }
    else
    {
        error = bsd_udp_sendto(k, m_socket, m_payload.data(), m_payload.size(), faddr, fport);
    }
    if (error == 0)
    {
        m_sent++;
        NS_LOG_LOGIC("sent " << m_payload.size() << " octets to " << dst);
        m_txTrace(dst, static_cast<uint32_t>(m_payload.size()));
    }
    else
    {
        m_errors++;
        NS_LOG_LOGIC("send to " << dst << " failed: " << std::strerror(error));
        m_txErrorTrace(dst, error);
    }
    if (m_seq < total)
    {
        m_sendEvent = Simulator::Schedule(m_interval, &BsdUdpSource::SendNext, this);
    }
}

} // namespace ns3
