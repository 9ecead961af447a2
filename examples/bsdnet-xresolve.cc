/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * bsdnet-xresolve: ARP in the kernel against ARP in a user-level daemon
 * (seeds 000 and 001), on each medium.
 *
 * A sender S on one segment starts talking to --destinations hosts it
 * has never talked to, --rate new ones a second from --start.  To each
 * it sends --burst datagrams of 64 octets, --burst-gap ms apart, each
 * from a socket connected for it.  By default traffic starts at 2 s,
 * after the ARP timer's first sweep (1 s after boot; an entry still
 * unresolved then would be freed), and on AX.25 later still, once every
 * host's boot-time gratuitous ARP has had the 1200 bit/s channel: an
 * entry S has just cloned is completed by any ARP packet its host sends
 * (NetBSD updates an existing entry from every packet it hears), which
 * would credit the resolution to neither resolver.
 *
 *      S 10.1.1.1   D1 10.1.1.2   D2 10.1.1.3  ...   (ethernet, fddi, arcnet or ax25)
 *
 * --resolver=kernel: S's kernel broadcasts an ARP request and the
 * destination answers (RFC 826, seed 002).  --resolver=daemon: a
 * BsdResolverDaemon on S has marked the interface route RTF_XRESOLVE;
 * the kernel clones the ARP entry at once and announces it with
 * RTM_RESOLVE, and the daemon answers --daemon-delay ms later from its
 * table (filled from the segment).  No ARP request goes out.
 *
 * Either way S keeps one packet per unresolved entry, and a newer one
 * replaces it (seed 001's "some ARP in the kernel"): with a burst that
 * outruns resolution, every datagram but the last is lost.
 *
 * Summary fields besides the framework's (S is the studied node):
 *  - resolve_mean_ms, resolve_p95_ms, resolve_max_ms: per destination,
 *    from the moment S's kernel cloned its ARP entry (its first datagram
 *    was sent) to the moment the entry got its link address (ARP reply
 *    processed, or the daemon's answer accepted).  Exact instants from
 *    the kernel's traces, so the medium's transmission time of the data
 *    is not in it; resolved / unresolved count the destinations.
 *  - delivery_mean_ms, delivery_p95_ms: per destination, from the first
 *    datagram sent to it to the first that arrived there (what a user
 *    sees: resolution plus the medium's delay).
 *  - held_lost: datagrams S's ARP dropped while the entry was unresolved,
 *    from the kernel's Drop trace (arp-replaced, arp-reject,
 *    arp-nollinfo); held_replaced is arp-replaced alone.  held_unsent:
 *    held packets neither sent nor replaced (freed with their entry by
 *    the ARP sweep, which traces no drop, or still held at the end).
 *  - arp_requests: ARP requests S sent (0 with the daemon).
 *  - daemon_requests, daemon_answered, daemon_unknown, daemon_stale:
 *    the daemon's counters (0 with the kernel resolver).
 *  - legit_sent, legit_lost, legit_delay_ms: every datagram to every
 *    destination, and the mean one-way delay of those that arrived.
 */
#include "ns3/arcnet-helper.h"
#include "ns3/ax25-helper.h"
#include "ns3/bsd-app-helper.h"
#include "ns3/bsd-kernel.h"
#include "ns3/bsd-resolver-daemon.h"
#include "ns3/bsd-stack-helper.h"
#include "ns3/bsd-study.h"
#include "ns3/bsd-udp-sink.h"
#include "ns3/bsd-udp-source.h"
#include "ns3/core-module.h"
#include "ns3/csma-helper.h"
#include "ns3/fddi-helper.h"
#include "ns3/network-module.h"

#include <algorithm>
#include <cmath>
#include <gsl/gsl_statistics_double.h>
#include <map>
#include <set>
#include <sstream>
#include <vector>

using namespace ns3;

namespace
{

/// What happened to one destination.
struct Destination
{
    Ipv4Address address;      //!< its address
    double clonedAt = -1;     //!< S cloned its ARP entry, s
    double resolvedAt = -1;   //!< the entry got its link address, s
    double firstSentAt = -1;  //!< first datagram handed to S's kernel, s
    double firstArrival = -1; //!< first datagram received there, s
};

/**
 * Follows S's kernel, the daemon, the sources and the sinks, and keeps
 * the per-destination instants.
 */
class Observer
{
  public:
    /**
     * \param core S's C kernel
     * \param dests the destinations, in the order they are contacted
     */
    Observer(struct bsd_kernel* core, const std::vector<Ipv4Address>& dests)
        : m_core(core),
          m_heldLost(0),
          m_heldReplaced(0),
          m_arpRequests(0)
    {
        for (uint32_t i = 0; i < dests.size(); i++)
        {
            Destination d;
            d.address = dests[i];
            m_dests.push_back(d);
            m_index[dests[i]] = i;
        }
    }

    /// S's kernel cloned a route.
    void OnClone(Ipv4Address dst, uint8_t plen, uint32_t flags)
    {
        (void)flags;
        auto it = m_index.find(dst);
        if (plen != 32 || it == m_index.end() || m_dests[it->second].clonedAt >= 0)
        {
            return;
        }
        m_dests[it->second].clonedAt = Simulator::Now().GetSeconds();
        m_pending.insert(it->second);
    }

    /// An ARP event on S: "request", "reply" or "resolved".
    void OnArp(const std::string& event)
    {
        if (event == "request")
        {
            m_arpRequests++;
        }
        else if (event == "resolved")
        {
            CheckPending();
        }
    }

    /// The daemon's answer was accepted.
    void OnDaemonResolve(Ipv4Address address, Time latency)
    {
        (void)address;
        (void)latency;
        CheckPending();
    }

    /// S dropped a packet.
    void OnDrop(const std::string& reason)
    {
        if (reason.compare(0, 4, "arp-") == 0)
        {
            m_heldLost++;
        }
        if (reason == "arp-replaced")
        {
            m_heldReplaced++;
        }
    }

    /// A source handed a datagram to S's kernel.
    void OnTx(Ipv4Address dst, uint32_t size)
    {
        (void)size;
        auto it = m_index.find(dst);
        if (it != m_index.end() && m_dests[it->second].firstSentAt < 0)
        {
            m_dests[it->second].firstSentAt = Simulator::Now().GetSeconds();
        }
    }

    /// Destination i received a datagram.
    void OnRx(uint32_t i, uint32_t size, Ipv4Address from)
    {
        (void)size;
        (void)from;
        if (m_dests[i].firstArrival < 0)
        {
            m_dests[i].firstArrival = Simulator::Now().GetSeconds();
        }
    }

    /// \return the destinations
    const std::vector<Destination>& GetDestinations() const
    {
        return m_dests;
    }

    /// \return arp-* drops on S
    uint64_t GetHeldLost() const
    {
        return m_heldLost;
    }

    /// \return arp-replaced drops on S
    uint64_t GetHeldReplaced() const
    {
        return m_heldReplaced;
    }

    /// \return ARP requests S sent
    uint64_t GetArpRequests() const
    {
        return m_arpRequests;
    }

  private:
    /// Note the destinations whose entry now has a link address.
    void CheckPending()
    {
        for (auto it = m_pending.begin(); it != m_pending.end();)
        {
            Destination& d = m_dests[*it];
            struct bsd_rtentry* rt = bsd_rtlookup(m_core, bsd_htonl(d.address.Get()), 32);
            if (rt != nullptr && (rt->rt_flags & BSD_RTF_LLINFO) &&
                rt->rt_gw.sa.sa_family == BSD_AF_LINK && rt->rt_gw.sdl.sdl_alen != 0)
            {
                d.resolvedAt = Simulator::Now().GetSeconds();
                it = m_pending.erase(it);
            }
            else
            {
                ++it;
            }
        }
    }

    struct bsd_kernel* m_core;               //!< S's kernel
    std::vector<Destination> m_dests;        //!< by contact order
    std::map<Ipv4Address, uint32_t> m_index; //!< address -> index
    std::set<uint32_t> m_pending;            //!< cloned, not resolved yet
    uint64_t m_heldLost;                     //!< arp-* drops
    uint64_t m_heldReplaced;                 //!< arp-replaced drops
    uint64_t m_arpRequests;                  //!< requests sent
};

/// Destination i's sink heard a datagram.
void
SinkRx(Observer* obs, uint32_t i, uint32_t size, Ipv4Address from)
{
    obs->OnRx(i, size, from);
}

/// Mean, 95th percentile and maximum of samples (GSL); NaN if none.
void
Describe(std::vector<double> v, double* mean, double* p95, double* max)
{
    if (v.empty())
    {
        *mean = *p95 = *max = NAN;
        return;
    }
    std::sort(v.begin(), v.end());
    *mean = gsl_stats_mean(v.data(), 1, v.size());
    *p95 = gsl_stats_quantile_from_sorted_data(v.data(), 1, v.size(), 0.95);
    *max = v.back();
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string media = "ethernet";
    std::string resolver = "kernel";
    std::string personality = "netbsd-1.5";
    double daemonDelay = 10;
    int64_t destinations = 10;
    double rate = 5;
    int64_t burst = 3;
    double burstGap = 1;
    double start = -1;
    double duration = 30;

    BsdStudy study("bsdnet-xresolve",
                   "ARP in the kernel against a user-level resolver (RTF_XRESOLVE), per medium.");
    study.AddFlag("media", "the segment's medium", &media, {"ethernet", "fddi", "arcnet", "ax25"});
    study.AddFlag("resolver",
                  "kernel: ARP requests from the kernel; daemon: RTM_RESOLVE answered by a "
                  "user-level daemon",
                  &resolver,
                  {"kernel", "daemon"});
    study.AddFlag("daemon-delay",
                  "the daemon's time from RTM_RESOLVE to its answer, ms",
                  &daemonDelay,
                  0,
                  60000);
    study.AddFlag("destinations",
                  "hosts on the segment the sender talks to, each new to it",
                  &destinations,
                  1,
                  200);
    study.AddFlag("rate", "new destinations per second", &rate, 0.01, 1000);
    study.AddFlag("burst", "datagrams sent to each new destination", &burst, 1, 100);
    study.AddFlag("burst-gap", "time between the datagrams of a burst, ms", &burstGap, 0, 10000);
    study.AddFlag("start",
                  "when the first new destination is contacted, s (-1: 2 s, after the ARP "
                  "timer's first sweep; on ax25 3 s + 0.25 s per station, once the hosts' "
                  "gratuitous ARPs have had the channel)",
                  &start,
                  -1,
                  86400);
    study.AddFlag("duration", "simulated seconds", &duration, 5, 86400);
    study.AddPersonalityFlag("kernel of every host", &personality);
    study.Parse(argc, argv);
    study.Require(media != "ax25" || destinations <= 50,
                  "destinations",
                  "1 to 50 on ax25 (one 1200 bit/s channel)");
    study.Require(start == -1 || start >= 0, "start", "-1 or a time from 0 to 86400");
    if (start < 0)
    {
        start = media == "ax25" ? 3 + 0.25 * static_cast<double>(destinations + 1) : 2;
    }
    double lastStart = start + static_cast<double>(destinations - 1) / rate;
    double lastSend = lastStart + static_cast<double>(burst - 1) * burstGap / 1e3;
    std::ostringstream need;
    need << "at least " << lastSend + 1
         << " s (1 s past the last datagram, given --start, --destinations, --rate, --burst and "
            "--burst-gap)";
    study.Require(lastSend + 1 <= duration, "duration", need.str());

    // S and its destinations on one segment.
    NodeContainer nodes;
    nodes.Create(1 + destinations);
    Ptr<Node> sender = nodes.Get(0);
    NetDeviceContainer devs;
    std::string prefix = study.GetPcapPrefix() + "-" + media;
    if (media == "ethernet")
    {
        CsmaHelper csma;
        csma.SetChannelAttribute("DataRate", StringValue("10Mbps"));
        devs = csma.Install(nodes);
        if (study.GetPcap())
        {
            csma.EnablePcap(prefix, devs, false);
        }
    }
    else if (media == "fddi")
    {
        FddiHelper fddi;
        devs = fddi.Install(nodes);
        if (study.GetPcap())
        {
            fddi.EnablePcap(prefix, devs, false);
        }
    }
    else if (media == "arcnet")
    {
        ArcnetHelper arc;
        devs = arc.Install(nodes);
        if (study.GetPcap())
        {
            arc.EnablePcap(prefix, devs, false);
        }
    }
    else
    {
        Ax25Helper ax25;
        devs = ax25.Install(nodes);
        ax25.AssignStreams(devs, 100);
        if (study.GetPcap())
        {
            ax25.EnablePcap(prefix, devs, false);
        }
    }
    BsdStackHelper stack;
    stack.SetPersonality(personality);
    stack.Install(nodes);
    BsdStackHelper::Assign(devs, "10.1.1.0/24"); // S .1, destinations .2 ...
    Ptr<BsdKernel> kernel = sender->GetObject<BsdKernel>();

    std::vector<Ipv4Address> dests;
    for (int64_t i = 0; i < destinations; i++)
    {
        dests.emplace_back(0x0a010102 + static_cast<uint32_t>(i));
    }
    Observer obs(kernel->GetCore(), dests);
    kernel->TraceConnectWithoutContext("RouteClone", MakeCallback(&Observer::OnClone, &obs));
    kernel->TraceConnectWithoutContext("Arp", MakeCallback(&Observer::OnArp, &obs));
    kernel->TraceConnectWithoutContext("Drop", MakeCallback(&Observer::OnDrop, &obs));

    // The user-level resolver: it marks S's interface route before any
    // traffic, and knows every host of the segment.
    Ptr<BsdResolverDaemon> daemon;
    if (resolver == "daemon")
    {
        BsdAppHelper helper("ns3::BsdResolverDaemon");
        helper.SetAttribute("Delay", TimeValue(MicroSeconds(std::llround(daemonDelay * 1e3))));
        daemon = DynamicCast<BsdResolverDaemon>(helper.Install(sender).Get(0));
        daemon->PopulateFromChannels();
        daemon->SetStartTime(Seconds(0));
        daemon->SetStopTime(Seconds(duration));
        daemon->TraceConnectWithoutContext("Resolve",
                                           MakeCallback(&Observer::OnDaemonResolve, &obs));
    }

    // A burst to each new destination in turn, and a sink at each.
    std::vector<Ptr<BsdUdpSource>> sources;
    std::vector<Ptr<BsdUdpSink>> sinks;
    for (int64_t i = 0; i < destinations; i++)
    {
        BsdAppHelper sink("ns3::BsdUdpSink");
        ApplicationContainer s = sink.Install(nodes.Get(1 + i));
        s.Start(Seconds(0));
        sinks.push_back(DynamicCast<BsdUdpSink>(s.Get(0)));
        sinks.back()->TraceConnectWithoutContext(
            "Rx",
            MakeBoundCallback(&SinkRx, &obs, static_cast<uint32_t>(i)));

        BsdAppHelper src("ns3::BsdUdpSource");
        src.SetAttribute("Prefix", Ipv4AddressValue(dests[i]));
        src.SetAttribute("PrefixLength", UintegerValue(32));
        src.SetAttribute("Destinations", UintegerValue(1));
        src.SetAttribute("MaxPackets", UintegerValue(burst));
        src.SetAttribute("Interval", TimeValue(MicroSeconds(std::llround(burstGap * 1e3))));
        src.SetAttribute("PacketSize", UintegerValue(64));
        ApplicationContainer a = src.Install(sender);
        a.Start(Seconds(start + static_cast<double>(i) / rate));
        a.Stop(Seconds(duration));
        sources.push_back(DynamicCast<BsdUdpSource>(a.Get(0)));
        sources.back()->TraceConnectWithoutContext("Tx", MakeCallback(&Observer::OnTx, &obs));
    }
    for (size_t i = 0; i < sources.size(); i++)
    {
        study.AddLegitimateFlow(sources[i], sinks[i]);
    }

    study.Watch(sender, Seconds(duration));
    study.EnableOutputs(NodeContainer(sender), Seconds(duration));
    study.NetstatAt(Seconds(lastStart) + MilliSeconds(1), sender, "last new destination + 1 ms");
    study.NetstatAt(Seconds(duration), sender, "end");

    Simulator::Stop(Seconds(duration) + MilliSeconds(1));
    Simulator::Run();

    // Per destination: resolution and first delivery.
    std::vector<double> resolve;
    std::vector<double> delivery;
    for (const Destination& d : obs.GetDestinations())
    {
        if (d.clonedAt >= 0 && d.resolvedAt >= 0)
        {
            resolve.push_back((d.resolvedAt - d.clonedAt) * 1e3);
        }
        if (d.firstSentAt >= 0 && d.firstArrival >= 0)
        {
            delivery.push_back((d.firstArrival - d.firstSentAt) * 1e3);
        }
    }
    double mean;
    double p95;
    double max;
    Describe(resolve, &mean, &p95, &max);
    study.AddResult("resolve_mean_ms", mean);
    study.AddResult("resolve_p95_ms", p95);
    study.AddResult("resolve_max_ms", max);
    study.AddResult("resolved", static_cast<double>(resolve.size()));
    study.AddResult("unresolved", static_cast<double>(destinations - resolve.size()));
    Describe(delivery, &mean, &p95, &max);
    study.AddResult("delivery_mean_ms", mean);
    study.AddResult("delivery_p95_ms", p95);

    // What S's ARP did with the packets it held.
    const struct bsd_arpstat* as = &kernel->GetCore()->k_arp.ar_stat;
    study.AddResult("held_lost", static_cast<double>(obs.GetHeldLost()));
    study.AddResult("held_replaced", static_cast<double>(obs.GetHeldReplaced()));
    study.AddResult("held_unsent",
                    static_cast<double>(as->as_dfrtotal - as->as_dfrsent - as->as_dfrdropped));
    study.AddResult("arp_requests", static_cast<double>(obs.GetArpRequests()));
    study.AddResult("daemon_requests", daemon ? static_cast<double>(daemon->GetRequests()) : 0);
    study.AddResult("daemon_answered", daemon ? static_cast<double>(daemon->GetAnswered()) : 0);
    study.AddResult("daemon_unknown", daemon ? static_cast<double>(daemon->GetUnknown()) : 0);
    study.AddResult("daemon_stale", daemon ? static_cast<double>(daemon->GetStale()) : 0);

    study.Finish();
    Simulator::Destroy();
    return 0;
}
