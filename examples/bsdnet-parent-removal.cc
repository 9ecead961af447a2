/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * bsdnet-parent-removal: what becomes of cloned ARP entries when their
 * parent goes, and whether a manual host route may replace an
 * incomplete one (seed 004, points (2) and (3)).
 *
 *      H 10.1.1.1/24, alias 10.2.2.1/24 ---- Ethernet ---- N1 10.2.2.2 ... Nn 10.2.2.(n+1)
 *                                                      \--- G 10.1.1.254
 *
 * (a) H has an alias address on a second subnet (ifconfig alias) and
 * talks to --hosts neighbours there from t = 2 s: each gets an ARP entry
 * cloned from the alias's interface route.  At --remove-at the alias goes
 * (ifconfig -alias, BsdKernel::RemoveAddress) and its interface route
 * with it.  Where clones are not marked or tied to their parent
 * (netbsd-1.5) they stay, orphaned, and still carry traffic: from an
 * address H no longer has.  Elsewhere they go with their parent and H
 * has no route to the neighbours any more (it has no default route).
 * One second later H sends each neighbour one more datagram, to show it.
 *
 * (b) At t = 2 s H also sends to 10.1.1.99, which nobody has: the ARP
 * entry stays incomplete.  At t = 3 s `route add -host 10.1.1.99
 * 10.1.1.254`, written to the routing socket as route(8) does: netbsd-1.5 refuses with EEXIST
 * (the entry cannot be told from a manual route); bsdos-4 and netbsd-2
 * replace it as a clone, freebsd-4 as an ARP entry.
 *
 * A legitimate flow runs from H to N1 throughout, 10 datagrams a second
 * (UDP port 10): legit_* show what the removal does to it.
 *
 * Summary fields besides the framework's (H is the studied node):
 *  - clones_before, clones_after: ARP entries (host routes with
 *    RTF_LLINFO) in 10.2.2/24 just before and just after the removal;
 *    clones_orphaned: of those after, how many have no parent;
 *    clones_end: at the end of the run; remove_errno: the removal's.
 *  - after_sent, after_refused, after_delivered: the datagrams H sent
 *    each neighbour 1 s after the removal, those its kernel refused, and
 *    those that arrived; after_src: the source address(es) they carried
 *    ("" if none arrived).
 *  - manual_add_errno (0 or an errno), manual_add_result: "EEXIST",
 *    "overwritten" (the incomplete entry gave way to the manual route),
 *    "added" (there was nothing to replace) or the errno's name;
 *    manual_route_flags: netstat's flags for 10.1.1.99 after the add.
 * netstat.txt has H's table before and after each of the two events.
 */
#include "ns3/bsd-app-helper.h"
#include "ns3/bsd-kernel.h"
#include "ns3/bsd-stack-helper.h"
#include "ns3/bsd-study.h"
#include "ns3/bsd-udp-sink.h"
#include "ns3/bsd-udp-source.h"
#include "ns3/core-module.h"
#include "ns3/csma-helper.h"
#include "ns3/network-module.h"

#include <cerrno>
#include <cstring>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

const Ipv4Address g_alias("10.2.2.1");     //!< H's alias
const Ipv4Address g_silent("10.1.1.99");   //!< nobody has it
const Ipv4Address g_gateway("10.1.1.254"); //!< G

/// What the run saw, for the summary.
struct Findings
{
    uint64_t clonesBefore = 0;      //!< ARP entries in the alias subnet, before
    uint64_t clonesAfter = 0;       //!< and after the removal
    uint64_t clonesOrphaned = 0;    //!< of those after, without a parent
    int removeErrno = 0;            //!< ifconfig -alias
    int manualErrno = 0;            //!< route add -host
    std::string manualResult;       //!< what became of the incomplete entry
    std::string manualFlags;        //!< flags of the route after
    double removedAt = -1;          //!< when the alias went, s
    uint64_t afterDelivered = 0;    //!< probe datagrams that arrived
    std::set<std::string> afterSrc; //!< their source addresses
};

Findings g_found; //!< filled while the simulation runs

/// Walk state: count ARP entries within a /24.
struct CountArg
{
    uint32_t net;     //!< network, host order
    uint64_t entries; //!< host routes with RTF_LLINFO in it
    uint64_t orphans; //!< of those, without rt_parent
};

int
CountOne(struct bsd_rtentry* rt, void* arg)
{
    auto c = static_cast<CountArg*>(arg);
    if (rt->rt_plen == 32 && (rt->rt_flags & BSD_RTF_LLINFO) &&
        (bsd_ntohl(rt->rt_dst.sin_addr) & 0xffffff00) == c->net)
    {
        c->entries++;
        if (rt->rt_parent == nullptr)
        {
            c->orphans++;
        }
    }
    return 0;
}

/// ARP entries of the alias's subnet in H's table.
CountArg
CountClones(Ptr<BsdKernel> kernel)
{
    CountArg c{g_alias.Get() & 0xffffff00, 0, 0};
    (void)bsd_rt_walk(kernel->GetCore(), &CountOne, &c);
    return c;
}

/// netstat's flag letters of the host route to a, or "" if none.
std::string
FlagsOf(Ptr<BsdKernel> kernel, Ipv4Address a)
{
    struct bsd_rtentry* rt = bsd_rtlookup(kernel->GetCore(), bsd_htonl(a.Get()), 32);
    char buf[32];
    return rt == nullptr ? "" : bsd_rtflags_letters(rt->rt_flags, buf, sizeof(buf));
}

/// (b): route add -host 10.1.1.99 10.1.1.254, over the incomplete entry.
void
ManualAdd(Ptr<BsdKernel> kernel)
{
    struct bsd_rtentry* old = bsd_rtlookup(kernel->GetCore(), bsd_htonl(g_silent.Get()), 32);
    bool incomplete = old != nullptr && (old->rt_flags & BSD_RTF_LLINFO) &&
                      old->rt_gw.sa.sa_family == BSD_AF_LINK && old->rt_gw.sdl.sdl_alen == 0;
    NS_ABORT_MSG_IF(old != nullptr && !incomplete,
                    "bsdnet-parent-removal: the entry for 10.1.1.99 is not an incomplete ARP "
                    "entry at 3 s");
    // What route(8) writes to the routing socket; the kernel echoes it.
    struct bsd_rt_msg req;
    std::memset(&req, 0, sizeof(req));
    req.rtm_type = BSD_RTM_ADD;
    req.rtm_flags = BSD_RTF_UP | BSD_RTF_GATEWAY | BSD_RTF_HOST | BSD_RTF_STATIC;
    bsd_sin_init(&req.rtm_sa[BSD_RTAX_DST].sin, bsd_htonl(g_silent.Get()));
    bsd_sin_init(&req.rtm_sa[BSD_RTAX_GATEWAY].sin, bsd_htonl(g_gateway.Get()));
    req.rtm_addrs = BSD_RTA(BSD_RTAX_DST) | BSD_RTA(BSD_RTAX_GATEWAY);
    int error = bsd_rtsock_request(kernel->GetCore(), &req);
    g_found.manualErrno = error;
    if (error == EEXIST)
    {
        g_found.manualResult = "EEXIST";
    }
    else if (error != 0)
    {
        g_found.manualResult = std::strerror(error);
    }
    else
    {
        g_found.manualResult = incomplete ? "overwritten" : "added";
    }
    g_found.manualFlags = FlagsOf(kernel, g_silent);
}

/// (a): ifconfig ether0 10.2.2.1 -alias, with the table counted around it.
void
RemoveAlias(Ptr<BsdKernel> kernel, uint32_t ifIndex)
{
    g_found.clonesBefore = CountClones(kernel).entries;
    g_found.removeErrno = kernel->RemoveAddress(ifIndex, g_alias);
    g_found.removedAt = Simulator::Now().GetSeconds();
    CountArg after = CountClones(kernel);
    g_found.clonesAfter = after.entries;
    g_found.clonesOrphaned = after.orphans;
}

/// A neighbour's sink heard a datagram.
void
NeighbourRx(uint32_t size, Ipv4Address from)
{
    (void)size;
    if (g_found.removedAt >= 0)
    {
        g_found.afterDelivered++;
        std::ostringstream os;
        os << from;
        g_found.afterSrc.insert(os.str());
    }
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string personality = "netbsd-1.5";
    int64_t hosts = 5;
    double removeAt = 10;
    double duration = 20;

    BsdStudy study("bsdnet-parent-removal",
                   "ARP clones when their parent address goes (ifconfig -alias), and a manual "
                   "host route over an incomplete ARP entry (seed 004 (2) and (3)).");
    study.AddPersonalityFlag("kernel of the studied host H", &personality);
    study.AddFlag("hosts", "neighbours on the alias's subnet", &hosts, 1, 200);
    study.AddFlag("remove-at", "when the alias is removed, s", &removeAt, 4, 86400);
    study.AddFlag("duration", "simulated seconds", &duration, 6, 86400);
    study.Parse(argc, argv);
    study.Require(removeAt + 2 <= duration,
                  "remove-at",
                  "4 to --duration minus 2 (the neighbours are probed 1 s after)");

    // H, its neighbours on 10.2.2/24, and G on 10.1.1/24: one Ethernet.
    NodeContainer nodes;
    nodes.Create(2 + hosts);
    Ptr<Node> h = nodes.Get(0);
    Ptr<Node> g = nodes.Get(1 + hosts);
    CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", StringValue("10Mbps"));
    NetDeviceContainer devs = csma.Install(nodes);
    study.InstallStacks(nodes, h, nullptr);
    BsdStackHelper::AddAddress(devs.Get(0), "10.1.1.1/24");
    BsdStackHelper::AddAddress(devs.Get(0), "10.2.2.1/24"); // ifconfig ether0 alias
    BsdStackHelper::AddAddress(devs.Get(1 + hosts), "10.1.1.254/24");
    std::vector<Ipv4Address> neighbours;
    for (int64_t i = 0; i < hosts; i++)
    {
        neighbours.emplace_back(g_alias.Get() + 1 + static_cast<uint32_t>(i));
        std::ostringstream cidr;
        cidr << neighbours.back() << "/24";
        BsdStackHelper::AddAddress(devs.Get(1 + i), cidr.str());
    }
    if (study.GetPcap())
    {
        csma.EnablePcap(study.GetPcapPrefix(), devs, false);
    }
    Ptr<BsdKernel> kernel = h->GetObject<BsdKernel>();
    uint32_t ifIndex = kernel->GetInterfaceIndex(devs.Get(0));

    // Each neighbour: a sink; H sends it one datagram at 2 s (its ARP
    // entry is cloned) and one 1 s after the removal.
    std::vector<Ptr<BsdUdpSource>> probes;
    for (int64_t i = 0; i < hosts; i++)
    {
        BsdAppHelper sink("ns3::BsdUdpSink");
        ApplicationContainer s = sink.Install(nodes.Get(1 + i));
        s.Start(Seconds(0));
        s.Get(0)->TraceConnectWithoutContext("Rx", MakeCallback(&NeighbourRx));
        for (double at : {2.0, removeAt + 1})
        {
            BsdAppHelper src("ns3::BsdUdpSource");
            src.SetAttribute("Prefix", Ipv4AddressValue(neighbours[i]));
            src.SetAttribute("PrefixLength", UintegerValue(32));
            src.SetAttribute("Destinations", UintegerValue(1));
            src.SetAttribute("MaxPackets", UintegerValue(1));
            src.SetAttribute("PacketSize", UintegerValue(64));
            ApplicationContainer a = src.Install(h);
            a.Start(Seconds(at) + MilliSeconds(10 * i));
            if (at > 2)
            {
                probes.push_back(DynamicCast<BsdUdpSource>(a.Get(0)));
            }
        }
    }

    // The address nobody answers for: an incomplete ARP entry.
    BsdAppHelper silent("ns3::BsdUdpSource");
    silent.SetAttribute("Prefix", Ipv4AddressValue(g_silent));
    silent.SetAttribute("PrefixLength", UintegerValue(32));
    silent.SetAttribute("Destinations", UintegerValue(1));
    silent.SetAttribute("MaxPackets", UintegerValue(1));
    silent.Install(h).Start(Seconds(2));

    // The legitimate flow, H to N1 on port 10, 10 datagrams a second.
    study.AddLegitimateFlow(h, nodes.Get(1), neighbours[0], Seconds(2), Seconds(duration - 1), 10);

    study.Watch(h, Seconds(duration));
    study.EnableOutputs(NodeContainer(h), Seconds(duration));
    // Same-time events run in the order they were scheduled.
    study.NetstatAt(Seconds(3), h, "before route add -host 10.1.1.99 10.1.1.254");
    Simulator::Schedule(Seconds(3), &ManualAdd, kernel);
    study.NetstatAt(Seconds(3), h, "after route add -host 10.1.1.99 10.1.1.254");
    study.NetstatAt(Seconds(removeAt), h, "before ifconfig -alias 10.2.2.1");
    Simulator::Schedule(Seconds(removeAt), &RemoveAlias, kernel, ifIndex);
    study.NetstatAt(Seconds(removeAt), h, "after ifconfig -alias 10.2.2.1");
    study.NetstatAt(Seconds(duration), h, "end");

    Simulator::Stop(Seconds(duration) + MilliSeconds(1));
    Simulator::Run();

    study.AddResult("clones_before", static_cast<double>(g_found.clonesBefore));
    study.AddResult("clones_after", static_cast<double>(g_found.clonesAfter));
    study.AddResult("clones_orphaned", static_cast<double>(g_found.clonesOrphaned));
    study.AddResult("clones_end", static_cast<double>(CountClones(kernel).entries));
    study.AddResult("remove_errno", g_found.removeErrno);
    uint64_t sent = 0;
    uint64_t refused = 0;
    for (const auto& p : probes)
    {
        sent += p->GetSent() + p->GetErrors();
        refused += p->GetErrors();
    }
    study.AddResult("after_sent", static_cast<double>(sent));
    study.AddResult("after_refused", static_cast<double>(refused));
    study.AddResult("after_delivered", static_cast<double>(g_found.afterDelivered));
    std::string src;
    for (const std::string& a : g_found.afterSrc)
    {
        src += (src.empty() ? "" : " ") + a;
    }
    study.AddResult("after_src", src);
    study.AddResult("manual_add_errno", g_found.manualErrno);
    study.AddResult("manual_add_result", g_found.manualResult);
    study.AddResult("manual_route_flags", g_found.manualFlags);
    study.Finish();
    Simulator::Destroy();
    return 0;
}
