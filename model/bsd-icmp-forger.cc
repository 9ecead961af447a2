/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "bsd-icmp-forger.h"

#include "bsd-kernel.h"
#include "bsd-prefix.h"

#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <cerrno>
#include <cstring>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("BsdIcmpForger");

NS_OBJECT_ENSURE_REGISTERED(BsdIcmpForger);

namespace
{

/// An IPv4 header without options, checksummed, at p.
void
PutIpHeader(uint8_t* p,
            uint16_t len,
            uint16_t id,
            uint16_t off,
            uint8_t ttl,
            uint8_t proto,
            Ipv4Address src,
            Ipv4Address dst)
{
    struct bsd_ip ip;
    std::memset(&ip, 0, sizeof(ip));
    ip.ip_vhl = 0x45;
    ip.ip_len = bsd_htons(len);
    ip.ip_id = bsd_htons(id);
    ip.ip_off = bsd_htons(off);
    ip.ip_ttl = ttl;
    ip.ip_p = proto;
    ip.ip_src = bsd_htonl(src.Get());
    ip.ip_dst = bsd_htonl(dst.Get());
    std::memcpy(p, &ip, BSD_IP_HLEN);
    uint16_t sum = bsd_htons(bsd_in_cksum(p, BSD_IP_HLEN));
    std::memcpy(p + 10, &sum, 2);
}

/// The quoted datagram's length: the victim's packet the message is about.
const uint16_t QUOTED_LEN_REDIRECT = BSD_IP_HLEN + BSD_UDP_HLEN + 64;
const uint16_t QUOTED_LEN_NEEDFRAG = 1500;

} // namespace

TypeId
BsdIcmpForger::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::BsdIcmpForger")
            .SetParent<Application>()
            .SetGroupName("Bsdnet")
            .AddConstructor<BsdIcmpForger>()
            .AddAttribute("Mode",
                          "redirect (ICMP type 5 code 1) or needfrag (type 3 code 4)",
                          StringValue("redirect"),
                          MakeStringAccessor(&BsdIcmpForger::SetMode, &BsdIcmpForger::GetMode),
                          MakeStringChecker())
            .AddAttribute("Victim",
                          "Where the forged messages go",
                          Ipv4AddressValue(),
                          MakeIpv4AddressAccessor(&BsdIcmpForger::m_victim),
                          MakeIpv4AddressChecker())
            .AddAttribute("SpoofSource",
                          "The source address the messages claim (for redirects the "
                          "victim's current gateway)",
                          Ipv4AddressValue(),
                          MakeIpv4AddressAccessor(&BsdIcmpForger::m_spoof),
                          MakeIpv4AddressChecker())
            .AddAttribute("NewGateway",
                          "redirect: the gateway the victim is told to use",
                          Ipv4AddressValue(),
                          MakeIpv4AddressAccessor(&BsdIcmpForger::m_newGateway),
                          MakeIpv4AddressChecker())
            .AddAttribute("Mtu",
                          "needfrag: the next-hop MTU reported",
                          UintegerValue(296),
                          MakeUintegerAccessor(&BsdIcmpForger::m_mtu),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("Prefix",
                          "The prefix of the destinations the messages are about",
                          Ipv4AddressValue("198.18.0.0"),
                          MakeIpv4AddressAccessor(&BsdIcmpForger::m_prefix),
                          MakeIpv4AddressChecker())
            .AddAttribute("PrefixLength",
                          "The length of Prefix, 0 to 32",
                          UintegerValue(15),
                          MakeUintegerAccessor(&BsdIcmpForger::m_prefixLength),
                          MakeUintegerChecker<uint8_t>(0, 32))
            .AddAttribute("Destinations",
                          "Distinct destinations, taken in turn from the prefix and again "
                          "from the first (0: every usable address of the prefix)",
                          UintegerValue(0),
                          MakeUintegerAccessor(&BsdIcmpForger::m_destinations),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("Count",
                          "Messages to send, each about the next destination of the prefix",
                          UintegerValue(100),
                          MakeUintegerAccessor(&BsdIcmpForger::m_count),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("Interval",
                          "Time between messages",
                          TimeValue(MilliSeconds(10)),
                          MakeTimeAccessor(&BsdIcmpForger::m_interval),
                          MakeTimeChecker(Time(0)))
            .AddTraceSource("Tx",
                            "A forged message was handed to the kernel",
                            MakeTraceSourceAccessor(&BsdIcmpForger::m_txTrace),
                            "ns3::BsdIcmpForger::TxTracedCallback");
    return tid;
}

BsdIcmpForger::BsdIcmpForger()
    : m_needfrag(false),
      m_mtu(296),
      m_prefixLength(15),
      m_destinations(0),
      m_count(100),
      m_next(0),
      m_sent(0),
      m_ipId(1)
{
    NS_LOG_FUNCTION(this);
}

BsdIcmpForger::~BsdIcmpForger()
{
    NS_LOG_FUNCTION(this);
}

void
BsdIcmpForger::SetMode(const std::string& mode)
{
    if (mode == "redirect")
    {
        m_needfrag = false;
    }
    else if (mode == "needfrag")
    {
        m_needfrag = true;
    }
    else
    {
        NS_FATAL_ERROR("BsdIcmpForger: bad value \"" << mode
                                                     << "\" for attribute Mode: allowed "
                                                        "\"redirect\" or \"needfrag\"");
    }
}

std::string
BsdIcmpForger::GetMode() const
{
    return m_needfrag ? "needfrag" : "redirect";
}

uint64_t
BsdIcmpForger::GetSent() const
{
    return m_sent;
}

Ipv4Address
BsdIcmpForger::About(uint32_t n) const
{
    BsdPrefix prefix(m_prefix, m_prefixLength);
    uint64_t count = prefix.GetCount();
    if (m_destinations != 0 && m_destinations < count)
    {
        count = m_destinations;
    }
    return prefix.Get(n % count);
}

std::vector<uint8_t>
BsdIcmpForger::BuildMessage(uint32_t n)
{
    const size_t icmpOff = BSD_IP_HLEN;
    const size_t quoteOff = icmpOff + 8;
    const size_t len = quoteOff + BSD_IP_HLEN + BSD_UDP_HLEN;
    std::vector<uint8_t> pkt(len, 0);
    Ipv4Address about = About(n);

    // The quoted datagram: the victim's UDP packet to the destination.
    uint16_t qlen = m_needfrag ? QUOTED_LEN_NEEDFRAG : QUOTED_LEN_REDIRECT;
    PutIpHeader(pkt.data() + quoteOff,
                qlen,
                static_cast<uint16_t>(0x4000 + n),
                m_needfrag ? BSD_IP_DF : 0,
                63,
                BSD_IPPROTO_UDP,
                m_victim,
                about);
    uint8_t* uh = pkt.data() + quoteOff + BSD_IP_HLEN;
    bsd_be16enc(uh, static_cast<uint16_t>(49152 + n % 16384));
    bsd_be16enc(uh + 2, 9);
    bsd_be16enc(uh + 4, static_cast<uint16_t>(qlen - BSD_IP_HLEN));
    bsd_be16enc(uh + 6, 0);

    // The ICMP message.
    uint8_t* icp = pkt.data() + icmpOff;
    if (m_needfrag)
    {
        icp[0] = BSD_ICMP_UNREACH;
        icp[1] = BSD_ICMP_UNREACH_NEEDFRAG;
        bsd_be16enc(icp + 6, m_mtu);
    }
    else
    {
        icp[0] = BSD_ICMP_REDIRECT;
        icp[1] = BSD_ICMP_REDIRECT_HOST;
        uint32_t gw = bsd_htonl(m_newGateway.Get());
        std::memcpy(icp + 4, &gw, 4);
    }
    uint16_t sum = bsd_htons(bsd_in_cksum(icp, len - icmpOff));
    std::memcpy(icp + 2, &sum, 2);

    // The IP header: from whom it claims to be, to the victim.
    PutIpHeader(pkt.data(),
                static_cast<uint16_t>(len),
                m_ipId++,
                0,
                64,
                BSD_IPPROTO_ICMP,
                m_spoof,
                m_victim);
    return pkt;
}

void
BsdIcmpForger::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_sendEvent.Cancel();
    m_kernel = nullptr;
    Application::DoDispose();
}

void
BsdIcmpForger::StartApplication()
{
    NS_LOG_FUNCTION(this);
    uint32_t id = GetNode()->GetId();
    m_kernel = BsdKernel::Of(GetNode(), "BsdIcmpForger");
    if (m_victim == Ipv4Address())
    {
        NS_FATAL_ERROR("BsdIcmpForger: node " << id << ": attribute Victim is not set");
    }
    if (m_spoof == Ipv4Address())
    {
        NS_FATAL_ERROR("BsdIcmpForger: node " << id << ": attribute SpoofSource is not set");
    }
    if (!m_needfrag && m_newGateway == Ipv4Address())
    {
        NS_FATAL_ERROR("BsdIcmpForger: node " << id
                                              << ": Mode redirect needs attribute NewGateway");
    }
    m_sendEvent.Cancel();
    m_sendEvent = Simulator::ScheduleNow(&BsdIcmpForger::SendNext, this);
}

void
BsdIcmpForger::StopApplication()
{
    NS_LOG_FUNCTION(this);
    m_sendEvent.Cancel();
}

void
BsdIcmpForger::SendNext()
{
    if (m_next >= m_count)
    {
        return;
    }
    uint32_t n = m_next++;
    std::vector<uint8_t> pkt = BuildMessage(n);
    struct bsd_kernel* k = m_kernel->GetCore();
    struct bsd_mbuf* m = bsd_m_get(static_cast<uint32_t>(pkt.size()));
    int error = ENOBUFS;
    if (m != nullptr)
    {
        std::memcpy(m->m_data, pkt.data(), pkt.size());
        error = bsd_ip_output(k, m, nullptr, BSD_IP_FORWARDING);
    }
    Ipv4Address about = About(n);
    if (error == 0 || error == EWOULDBLOCK)
    {
        m_sent++;
        NS_LOG_LOGIC((m_needfrag ? "needfrag" : "redirect")
                     << " about " << about << " to " << m_victim << " from " << m_spoof);
        m_txTrace(about, static_cast<uint32_t>(pkt.size()));
    }
    else
    {
        NS_LOG_INFO("forged message about " << about << ": " << std::strerror(error));
    }
    if (m_next < m_count)
    {
        m_sendEvent = Simulator::Schedule(m_interval, &BsdIcmpForger::SendNext, this);
    }
}

} // namespace ns3
