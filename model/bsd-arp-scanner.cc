/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "bsd-arp-scanner.h"

#include "bsd-kernel.h"
#include "bsd-prefix.h"

#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("BsdArpScanner");

NS_OBJECT_ENSURE_REGISTERED(BsdArpScanner);


TypeId
BsdArpScanner::GetTypeId()
{
    static TypeId tid = TypeId("ns3::BsdArpScanner")
                            .SetParent<Application>()
                            .SetGroupName("Bsdnet")
                            .AddConstructor<BsdArpScanner>()
                            .AddAttribute("InterfaceIndex",
                                          "The BsdKernel interface (if_index, from 1) to scan "
                                          "from",
                                          UintegerValue(1),
                                          MakeUintegerAccessor(&BsdArpScanner::m_ifIndex),
                                          MakeUintegerChecker<uint32_t>(1))
                            .AddAttribute("Prefix",
                                          "The addresses to ask for",
                                          Ipv4AddressValue("10.1.1.0"),
                                          MakeIpv4AddressAccessor(&BsdArpScanner::m_prefix),
                                          MakeIpv4AddressChecker())
                            .AddAttribute("PrefixLength",
                                          "The length of Prefix, 0 to 32",
                                          UintegerValue(24),
                                          MakeUintegerAccessor(&BsdArpScanner::m_prefixLength),
                                          MakeUintegerChecker<uint8_t>(0, 32))
                            .AddAttribute("Interval",
                                          "Time between requests",
                                          TimeValue(MilliSeconds(10)),
                                          MakeTimeAccessor(&BsdArpScanner::m_interval),
                                          MakeTimeChecker(Time(0)))
                            .AddTraceSource("Tx",
                                            "An ARP request was sent",
                                            MakeTraceSourceAccessor(&BsdArpScanner::m_txTrace),
                                            "ns3::BsdArpScanner::TxTracedCallback");
    return tid;
}

BsdArpScanner::BsdArpScanner()
    : m_ifIndex(1),
      m_prefixLength(24),
      m_next(0),
      m_sent(0),
      m_ownAddress(0)
{
    NS_LOG_FUNCTION(this);
}

BsdArpScanner::~BsdArpScanner()
{
    NS_LOG_FUNCTION(this);
}

uint64_t
BsdArpScanner::GetSent() const
{
    return m_sent;
}

void
BsdArpScanner::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_sendEvent.Cancel();
    m_kernel = nullptr;
    Application::DoDispose();
}

void
BsdArpScanner::StartApplication()
{
    NS_LOG_FUNCTION(this);
    uint32_t id = GetNode()->GetId();
    m_kernel = BsdKernel::Of(GetNode(), "BsdArpScanner");
    struct bsd_ifnet* ifp = bsd_if_byindex(m_kernel->GetCore(), m_ifIndex);
    if (ifp == nullptr)
    {
        NS_FATAL_ERROR("BsdArpScanner: node " << id << ": no interface " << m_ifIndex
                                              << " (attribute InterfaceIndex)");
    }
    if (ifp->if_flags & BSD_IFF_NOARP)
    {
        NS_FATAL_ERROR("BsdArpScanner: node " << id << ": interface " << ifp->if_xname
                                              << " does not use ARP");
    }
    struct bsd_ifaddr* ifa = bsd_ifa_inet(ifp);
    if (ifa == nullptr)
    {
        NS_FATAL_ERROR("BsdArpScanner: node " << id << ": interface " << ifp->if_xname
                                              << " has no IPv4 address");
    }
    m_ownAddress = ifa->ifa_addru.sin.sin_addr;
    m_sendEvent.Cancel();
    m_sendEvent = Simulator::ScheduleNow(&BsdArpScanner::SendNext, this);
}

void
BsdArpScanner::StopApplication()
{
    NS_LOG_FUNCTION(this);
    m_sendEvent.Cancel();
}

void
BsdArpScanner::SendNext()
{
    BsdPrefix prefix(m_prefix, m_prefixLength);
    Ipv4Address target;
    // Our own address is not asked for.
    do
    {
        if (m_next >= prefix.GetCount())
        {
            return;
        }
        target = prefix.Get(m_next++);
    } while (bsd_htonl(target.Get()) == m_ownAddress);

    struct bsd_kernel* k = m_kernel->GetCore();
    struct bsd_ifnet* ifp = bsd_if_byindex(k, m_ifIndex);
    if (ifp != nullptr)
    {
        bsd_arprequest(k, ifp, m_ownAddress, bsd_htonl(target.Get()), BSD_LLADDR(ifp->if_sadl));
        m_sent++;
        NS_LOG_LOGIC("who-has " << target << " tell " << Ipv4Address(bsd_ntohl(m_ownAddress)));
        m_txTrace(target);
    }
    if (m_next < prefix.GetCount())
    {
        m_sendEvent = Simulator::Schedule(m_interval, &BsdArpScanner::SendNext, this);
    }
}

} // namespace ns3
