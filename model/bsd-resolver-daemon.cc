/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "bsd-resolver-daemon.h"

#include "bsd-kernel.h"

#include "ns3/channel.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/simulator.h"

#include <cerrno>
#include <cstring>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("BsdResolverDaemon");

NS_OBJECT_ENSURE_REGISTERED(BsdResolverDaemon);

namespace
{

/// A cloning interface route: its clones are the ARP entries.
bool
IsCloningInterfaceRoute(const struct bsd_rtentry* rt)
{
    return (rt->rt_flags & BSD_RTF_CLONING) != 0 &&
           (rt->rt_flags & (BSD_RTF_GATEWAY | BSD_RTF_HOST)) == 0 &&
           rt->rt_gw.sa.sa_family == BSD_AF_LINK;
}

/// bsd_rt_walk callback: collect the cloning interface routes.
int
CollectCloning(struct bsd_rtentry* rt, void* arg)
{
    if (IsCloningInterfaceRoute(rt))
    {
        static_cast<std::vector<std::pair<uint32_t, uint8_t>>*>(arg)->emplace_back(
            rt->rt_dst.sin_addr,
            rt->rt_plen);
    }
    return 0;
}

/// An address in network order, for ns-3.
Ipv4Address
FromNet(uint32_t a)
{
    return Ipv4Address(bsd_ntohl(a));
}

} // namespace

TypeId
BsdResolverDaemon::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::BsdResolverDaemon")
            .SetParent<Application>()
            .SetGroupName("Bsdnet")
            .AddConstructor<BsdResolverDaemon>()
            .AddAttribute("Delay",
                          "Time from an RTM_RESOLVE message to the daemon's answer (its "
                          "scheduling, lookup and routing-socket write)",
                          TimeValue(MilliSeconds(10)),
                          MakeTimeAccessor(&BsdResolverDaemon::m_delay),
                          MakeTimeChecker(Time(0)))
            .AddTraceSource("Resolve",
                            "The kernel accepted an answer: the address, and the time "
                            "since its RTM_RESOLVE",
                            MakeTraceSourceAccessor(&BsdResolverDaemon::m_resolveTrace),
                            "ns3::BsdResolverDaemon::ResolveTracedCallback")
            .AddTraceSource("Unknown",
                            "An RTM_RESOLVE for an address not in the table (unanswered)",
                            MakeTraceSourceAccessor(&BsdResolverDaemon::m_unknownTrace),
                            "ns3::BsdResolverDaemon::UnknownTracedCallback");
    return tid;
}

BsdResolverDaemon::BsdResolverDaemon()
    : m_core(nullptr),
      m_subscribed(false),
      m_delay(MilliSeconds(10)),
      m_requests(0),
      m_answered(0),
      m_unknown(0),
      m_stale(0)
{
    NS_LOG_FUNCTION(this);
}

BsdResolverDaemon::~BsdResolverDaemon()
{
    NS_LOG_FUNCTION(this);
}

void
BsdResolverDaemon::AddEntry(Ipv4Address address, const std::vector<uint8_t>& lladdr)
{
    NS_LOG_FUNCTION(this << address);
    if (lladdr.empty() || lladdr.size() > BSD_LL_MAXADDRLEN)
    {
        NS_FATAL_ERROR("BsdResolverDaemon::AddEntry: a link address of "
                       << lladdr.size() << " octets for " << address << ": allowed 1 to "
                       << BSD_LL_MAXADDRLEN);
    }
    m_table[bsd_htonl(address.Get())] = lladdr;
}

uint32_t
BsdResolverDaemon::PopulateFromChannels()
{
    NS_LOG_FUNCTION(this);
    Ptr<Node> self = GetNode();
    NS_ABORT_MSG_IF(!self, "BsdResolverDaemon::PopulateFromChannels: not on a node yet");
    uint32_t added = 0;
    for (uint32_t i = 0; i < self->GetNDevices(); i++)
    {
        Ptr<Channel> channel = self->GetDevice(i)->GetChannel();
        if (!channel)
        {
            continue;
        }
        for (std::size_t j = 0; j < channel->GetNDevices(); j++)
        {
            Ptr<NetDevice> peer = channel->GetDevice(j);
            Ptr<Node> node = peer->GetNode();
            if (!node || node == self)
            {
                continue;
            }
            Ptr<BsdKernel> kernel = node->GetObject<BsdKernel>();
            uint32_t index = kernel ? kernel->GetInterfaceIndex(peer) : 0;
            if (index == 0)
            {
                continue;
            }
            struct bsd_ifnet* ifp = bsd_if_byindex(kernel->GetCore(), index);
            uint8_t buf[Address::MAX_SIZE];
            uint32_t len = peer->GetAddress().CopyTo(buf);
            if (ifp == nullptr || len == 0 || len > BSD_LL_MAXADDRLEN)
            {
                continue;
            }
            struct bsd_ifaddr* ifa;
            BSD_TAILQ_FOREACH(ifa, &ifp->if_addrlist, ifa_list)
            {
                if (ifa->ifa_addr.sa_family == BSD_AF_INET)
                {
                    m_table[ifa->ifa_addru.sin.sin_addr] = std::vector<uint8_t>(buf, buf + len);
                    added++;
                }
            }
        }
    }
    NS_LOG_INFO("node " << self->GetId() << ": " << added << " entries from its links");
    return added;
}

uint32_t
BsdResolverDaemon::GetEntryCount() const
{
    return static_cast<uint32_t>(m_table.size());
}

uint64_t
BsdResolverDaemon::GetRequests() const
{
    return m_requests;
}

uint64_t
BsdResolverDaemon::GetAnswered() const
{
    return m_answered;
}

uint64_t
BsdResolverDaemon::GetUnknown() const
{
    return m_unknown;
}

uint64_t
BsdResolverDaemon::GetStale() const
{
    return m_stale;
}

void
BsdResolverDaemon::DoDispose()
{
    NS_LOG_FUNCTION(this);
    CancelPending();
    Unsubscribe();
    m_kernel = nullptr;
    m_table.clear();
    Application::DoDispose();
}

void
BsdResolverDaemon::StartApplication()
{
    NS_LOG_FUNCTION(this);
    Ptr<Node> node = GetNode();
    m_kernel = BsdKernel::Of(node, "BsdResolverDaemon");
    bool any = false;
    for (uint32_t i = 0; i < node->GetNDevices() && !any; i++)
    {
        any = m_kernel->GetInterfaceIndex(node->GetDevice(i)) != 0;
    }
    if (!any)
    {
        NS_FATAL_ERROR("BsdResolverDaemon: node " << node->GetId()
                                                  << " has no BSD interface to resolve for");
    }
    m_core = m_kernel->GetCore();
    if (!m_subscribed)
    {
        int error = bsd_rtsock_subscribe(m_core, &BsdResolverDaemon::Upcall, this);
        if (error != 0)
        {
            NS_FATAL_ERROR("BsdResolverDaemon: node "
                           << node->GetId() << ": routing socket: " << std::strerror(error));
        }
        m_subscribed = true;
    }
    MarkAll();
}

void
BsdResolverDaemon::StopApplication()
{
    NS_LOG_FUNCTION(this);
    CancelPending();
    UnmarkAll();
    Unsubscribe();
}

void
BsdResolverDaemon::CancelPending()
{
    for (auto& kv : m_pending)
    {
        kv.second.Cancel();
    }
    m_pending.clear();
}

void
BsdResolverDaemon::Unsubscribe()
{
    if (!m_subscribed)
    {
        return;
    }
    m_subscribed = false;
    // BsdKernel frees its core in its DoDispose, which may run before
    // ours; the core forgot its subscribers with it.
    if (CoreAlive())
    {
        bsd_rtsock_unsubscribe(m_core, &BsdResolverDaemon::Upcall, this);
    }
    m_core = nullptr;
}

bool
BsdResolverDaemon::CoreAlive() const
{
    return m_kernel && m_core != nullptr && m_kernel->GetCore() == m_core;
}

void
BsdResolverDaemon::Mark(uint32_t net, uint8_t plen)
{
    struct bsd_rtentry* rt = bsd_rtlookup(m_core, net, plen);
    if (rt == nullptr || !IsCloningInterfaceRoute(rt) || (rt->rt_flags & BSD_RTF_XRESOLVE))
    {
        return;
    }
    // route change <net> -xresolve: this model's route_output changes
    // no flags (there is no rtm_fmask), so the daemon sets the bit on
    // the entry it looked up, as the C tests do.
    rt->rt_flags |= BSD_RTF_XRESOLVE;
    m_marked.emplace_back(net, plen);
    NS_LOG_INFO("node " << GetNode()->GetId() << ": " << FromNet(net) << "/" << unsigned(plen)
                        << " marked RTF_XRESOLVE");
}

void
BsdResolverDaemon::MarkAll()
{
    std::vector<std::pair<uint32_t, uint8_t>> routes;
    (void)bsd_rt_walk(m_core, &CollectCloning, &routes);
    for (const auto& r : routes)
    {
        Mark(r.first, r.second);
    }
}

void
BsdResolverDaemon::UnmarkAll()
{
    if (m_subscribed && CoreAlive())
    {
        for (const auto& r : m_marked)
        {
            struct bsd_rtentry* rt = bsd_rtlookup(m_core, r.first, r.second);
            if (rt != nullptr && IsCloningInterfaceRoute(rt))
            {
                rt->rt_flags &= ~BSD_RTF_XRESOLVE;
            }
        }
    }
    m_marked.clear();
}

void
BsdResolverDaemon::Upcall(void* arg, const struct bsd_rt_msg* msg)
{
    static_cast<BsdResolverDaemon*>(arg)->Read(msg);
}

void
BsdResolverDaemon::Read(const struct bsd_rt_msg* msg)
{
    if ((msg->rtm_addrs & BSD_RTA(BSD_RTAX_DST)) == 0 ||
        msg->rtm_sa[BSD_RTAX_DST].sa.sa_family != BSD_AF_INET)
    {
        return;
    }
    uint32_t dst = msg->rtm_sa[BSD_RTAX_DST].sin.sin_addr;
    if (msg->rtm_type == BSD_RTM_ADD && msg->rtm_errno == 0 &&
        (msg->rtm_addrs & BSD_RTA(BSD_RTAX_NETMASK)))
    {
        // A new interface route (ifconfig alias): resolve for it too.
        int plen = bsd_mask_plen(&msg->rtm_sa[BSD_RTAX_NETMASK].sa);
        if (plen >= 0 && plen < 32)
        {
            Mark(dst, static_cast<uint8_t>(plen));
        }
        return;
    }
    if (msg->rtm_type != BSD_RTM_RESOLVE)
    {
        return;
    }
    m_requests++;
    Time asked = NanoSeconds(msg->rtm_time);
    if (m_table.find(dst) == m_table.end())
    {
        m_unknown++;
        NS_LOG_INFO("node " << GetNode()->GetId() << ": RTM_RESOLVE " << FromNet(dst)
                            << ": unknown, left to the ARP sweep");
        m_unknownTrace(FromNet(dst));
        return;
    }
    // One answer per address under way: it serves a newer entry too.
    auto pending = m_pending.find(dst);
    if (pending != m_pending.end() && pending->second.IsRunning())
    {
        return;
    }
    // Never from inside the kernel: the upcall runs within a route lookup.
    m_pending[dst] = Simulator::Schedule(m_delay, &BsdResolverDaemon::Answer, this, dst, asked);
}

void
BsdResolverDaemon::Answer(uint32_t address, Time asked)
{
    m_pending.erase(address);
    if (!m_subscribed)
    {
        return;
    }
    auto entry = m_table.find(address);
    if (entry == m_table.end())
    {
        return;
    }
    const std::vector<uint8_t>& ll = entry->second;
    int error = bsd_arp_xresolve(m_core, address, ll.data(), static_cast<unsigned>(ll.size()));
    if (error != 0)
    {
        m_stale++;
        NS_LOG_INFO("node " << GetNode()->GetId() << ": answer for " << FromNet(address)
                            << " refused: " << std::strerror(error));
        return;
    }
    m_answered++;
    Time latency = Simulator::Now() - asked;
    NS_LOG_INFO("node " << GetNode()->GetId() << ": " << FromNet(address) << " resolved after "
                        << latency.As(Time::MS));
    m_resolveTrace(FromNet(address), latency);
}

} // namespace ns3
