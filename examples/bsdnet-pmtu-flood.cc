/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * bsdnet-pmtu-flood: path-MTU host routes under a flood of forged ICMP
 * need-fragmentation messages (type 3 code 4; seed 004, point (5): "It
 * should be okay to clone when ICMP more fragment messages come.  We
 * also have good validation code against ICMP more fragment packet, as
 * well as high/low watermark for PMTUD routes"), the timer and
 * watermarks that hold them back, and a legitimate flow's fate.
 *
 *      R 192.168.1.1   V 192.168.1.2   L 192.168.1.3   A 192.168.1.4
 *      ------------------------- LAN ---------------------------------
 *
 * V, the studied node, has R as its default router.  The attacker A,
 * on-link, sends V one need-fragmentation message per destination of
 * 100.64.0.0/10, --rate a second, the --destinations first addresses in
 * turn until the end of the run, each claiming to come from R, with
 * next-hop MTU --mtu, and quoting a 1500-octet UDP datagram from V to
 * the destination.
 *
 * Validation.  The model calls a report validated when the datagram it
 * quotes came from one of V's own addresses (bsd_icmp.c), whatever
 * protocol it quotes; it does not look for a socket of V's connected to
 * the destination, as KAME's icmp6_mtudisc_update() callers do, and as
 * NetBSD's tcp_ctlinput() does before it calls icmp_mtudisc() (a
 * connected TCP PCB, the quoted sequence number within its send window).
 * The forger always quotes V as the source, so every message is
 * validated whether or not V ever talked to the destination: --talk,
 * which has V send one datagram to each destination (a socket connected
 * per datagram) just before the message about it, changes nothing on
 * NetBSD.  For the same reason KAME's rule for unvalidated reports
 * (refused above --lowat) never applies here: --lowat matters only as
 * the level --policy=evict cuts down to.
 *
 * What each personality does with a message (the route it makes, what
 * ages it, whether the watermarks apply):
 * - netbsd-1.5, netbsd-2: icmp_mtudisc() adds an RTF_DYNAMIC host route
 *   through the same gateway (peak_pmtu), on the mtudisc rt_timer queue
 *   (--mtudisc-timeout, 600 s); --hiwat/--lowat/--policy apply.
 * - freebsd-4: no route at all.  icmp_input (ip_icmp.c, PRC_MSGSIZE)
 *   looks the destination up without cloning and only lowers the MTU of
 *   a host route that exists: the clone in_pcbconnect() made when V
 *   talked to it.  Without --talk every message is ignored (pmtu_nohost);
 *   with it, the message lowers that clone's MTU, and the clone ages as
 *   every clone does (in_rmx, rtq_reallyold 3600 s).  Seed 004 (5)
 *   describes the same check by the clone for BSD/OS (bsdos-4, whose
 *   inactivity timer, clone_idle, ages the clone); no BSD/OS source was
 *   read.  The watermarks, which guard only NetBSD's branch, never apply,
 *   and --mtudisc-timeout changes nothing.
 * NetBSD's timer is (re)armed by every report, so a destination reported
 * again lives on.  pmtu_lifetime_s says which lifetime applies (for
 * freebsd-4 and bsdos-4 that of the clones --talk makes).  On NetBSD the route made
 * with the last bytes of --budget gets no timer (the 32-byte rttimer is
 * charged after the route, and its ENOBUFS is ignored) and never
 * expires; untimed_pmtu counts path-MTU routes on no timer queue at the
 * end.  The MTU is set on the route only when 296 <= --mtu <= the
 * interface's 1500; otherwise the message still makes the route, and
 * locks RTV_MTU on it, as NetBSD's icmp_mtudisc does (path-MTU discovery
 * stops for that destination): routes_with_mtu counts the routes at the
 * end that carry --mtu, routes_mtu_locked those locked.
 *
 * --hiwat/--lowat put KAME's IPv6 watermarks on the path-MTU routes (no
 * BSD had them for IPv4).  --policy=refuse: refused while the count is
 * above --hiwat, so it stops at hiwat + 1 (KAME tests "count > hiwat").
 * --policy=evict: at --hiwat the oldest go until --lowat remain (all of
 * them when --lowat is off); pmtu_trough is the lowest count seen once
 * eviction began.
 *
 * The legitimate flow: from --legit-start, V sends 10 datagrams/s to its
 * neighbour L, to whom it has not talked yet, so V needs an ARP entry,
 * charged to --budget like the path-MTU routes.  Once they have spent
 * the budget every datagram is lost, until a timer frees memory.
 */
#include "bsdnet-flood-lan.h"

#include "ns3/bsd-app-helper.h"
#include "ns3/bsd-icmp-forger.h"
#include "ns3/bsd-kernel.h"
#include "ns3/bsd-study.h"
#include "ns3/bsd-udp-source.h"
#include "ns3/core-module.h"

#include <cmath>

using namespace ns3;

namespace
{

/// Routes whose MTU is the one reported, and routes with RTV_MTU locked.
struct MtuCount
{
    uint32_t mtu;    //!< --mtu
    uint64_t count;  //!< routes carrying it
    uint64_t locked; //!< routes whose path-MTU discovery stopped
};

int
CountMtu(struct bsd_rtentry* rt, void* arg)
{
    auto c = static_cast<MtuCount*>(arg);
    if (rt->rt_rmx.rmx_mtu == c->mtu)
    {
        c->count++;
    }
    if (rt->rt_rmx.rmx_locks & BSD_RTV_MTU)
    {
        c->locked++;
    }
    return 0;
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string personality = "netbsd-1.5";
    std::string policy = "refuse";
    int64_t rate = 100;
    int64_t destinations = 100000;
    double duration = 900;
    int64_t mtudiscTimeout = -1;
    int64_t hiwat = -1;
    int64_t lowat = -1;
    int64_t mtu = 296;
    int64_t budget = 1048576;
    bool talk = false;
    double legitStart = -1;

    BsdStudy study("bsdnet-pmtu-flood",
                   "Path-MTU routes under forged ICMP need-fragmentation messages: timers, "
                   "watermarks, and a legitimate flow's fate.");
    study.AddPersonalityFlag("kernel of the studied node", &personality);
    study.AddFlag("rate", "forged need-fragmentation messages per second", &rate, 1, 1000000);
    study.AddFlag("destinations",
                  "distinct destinations the messages are about, in turn",
                  &destinations,
                  1,
                  4000000);
    study.AddFlag("duration", "simulated seconds", &duration, 10, 86400);
    study.AddKnobFlag("mtudisc-timeout",
                      "net.inet.ip.mtudisc_timeout (rt_timer personalities only)",
                      &mtudiscTimeout,
                      "mtudisc_timeout");
    study.AddFlag("hiwat", "high watermark on path-MTU routes (-1: off)", &hiwat, -1, 2147483647);
    study.AddFlag("lowat", "low watermark on path-MTU routes (-1: off)", &lowat, -1, 2147483647);
    study.AddFlag("policy",
                  "past --hiwat: refuse new routes (KAME), or evict the oldest down to --lowat "
                  "(bsdnet's own policy: KAME left that branch an empty \"XXX nuke a victim\")",
                  &policy,
                  {"refuse", "evict"});
    study.AddFlag("mtu", "next-hop MTU the messages report", &mtu, 68, 65535);
    study.AddBudgetFlag(&budget);
    study.AddFlag("talk",
                  "V sends a datagram to each destination just before the message about it",
                  &talk);
    study.AddLegitStartFlag(&legitStart, &duration);
    study.Parse(argc, argv);
    study.Require(lowat < 0 || hiwat < 0 || lowat <= hiwat,
                  "lowat",
                  "-1 or at most --hiwat (" + std::to_string(hiwat) + ")");

    BsdFloodLan net(study, budget);
    Ptr<Node> victim = net.victim;
    study.ApplyKnob(victim, "mtudisc-timeout", "mtudisc_timeout", mtudiscTimeout);
    study.ApplyKnob(victim, "hiwat", "mtudisc_hiwat", hiwat);
    study.ApplyKnob(victim, "lowat", "mtudisc_lowat", lowat);
    study.ApplyKnob(victim, "policy", "wm_policy", policy == "evict" ? 1 : 0);

    // How long a path-MTU host route lives on V.
    Ptr<BsdKernel> kernel = victim->GetObject<BsdKernel>();
    const struct bsd_personality& pers = kernel->GetCore()->k_pers;
    double lifetime = pers.p_tun.mtudisc_timeout;
    if (pers.p_aging == BSD_AGE_IDLE)
    {
        lifetime = pers.p_tun.clone_idle;
    }
    else if (pers.p_aging == BSD_AGE_INRMX)
    {
        lifetime = pers.p_tun.rtq_reallyold;
    }

    // The attack: need-fragmentation from "R" to V about each
    // destination in turn (and again), until a second before the end.
    BsdAppHelper forger("ns3::BsdIcmpForger");
    forger.SetAttribute("Mode", StringValue("needfrag"));
    forger.SetAttribute("Mtu", UintegerValue(mtu));
    ApplicationContainer attackApp = net.StartFlood(forger, rate, destinations, duration);
    Ptr<BsdIcmpForger> attack = DynamicCast<BsdIcmpForger>(attackApp.Get(0));

    // --talk: V's own datagrams to the same destinations, half an
    // interval ahead of the messages about them.
    Ptr<BsdUdpSource> talker;
    if (talk)
    {
        BsdAppHelper source("ns3::BsdUdpSource");
        source.SetAttribute("Prefix", Ipv4AddressValue("100.64.0.0"));
        source.SetAttribute("PrefixLength", UintegerValue(10));
        source.SetAttribute("Destinations", UintegerValue(destinations));
        source.SetAttribute("Interval", TimeValue(net.interval));
        source.SetAttribute("PacketSize", UintegerValue(12));
        source.SetAttribute("Port", UintegerValue(9));
        source.SetAttribute("MaxPackets", UintegerValue(net.count));
        ApplicationContainer app = source.Install(victim);
        app.Start(Seconds(net.start) - net.interval / 2);
        app.Stop(Seconds(duration - 1));
        talker = DynamicCast<BsdUdpSource>(app.Get(0));
    }

    net.AddLegitimateFlow(study, legitStart, duration);
    net.Watch(study, legitStart, duration, lifetime, "before the first path-MTU routes expire");

    // A millisecond past the end, so that the last samples and dumps run.
    Simulator::Stop(Seconds(duration) + MilliSeconds(1));
    Simulator::Run();
    struct bsd_kernel* core = kernel->GetCore();
    MtuCount withMtu{static_cast<uint32_t>(mtu), 0, 0};
    bsd_rt_walk(core, &CountMtu, &withMtu);
    study.AddResult("needfrag_sent", static_cast<double>(attack->GetSent()));
    study.AddResult("talk_sent", talker ? static_cast<double>(talker->GetSent()) : 0.0);
    study.AddResult("pmtu_refused_wm", static_cast<double>(core->k_rtdyn.rd_mtudisc_wmdrop));
    study.AddResult("pmtu_nohost", static_cast<double>(core->k_rtdyn.rd_mtudisc_nohost));
    study.AddResult("pmtu_evicted", static_cast<double>(core->k_rtdyn.rd_evicted));
    study.AddResult("pmtu_trough", study.GetEvictionTrough(BSD_RTK_PMTU));
    study.AddResult("final_pmtu", static_cast<double>(kernel->GetRouteCount(BSD_RTK_PMTU)));
    study.AddResult("final_cloned", static_cast<double>(kernel->GetRouteCount(BSD_RTK_CLONED)));
    study.AddResult("routes_with_mtu", static_cast<double>(withMtu.count));
    study.AddResult("routes_mtu_locked", static_cast<double>(withMtu.locked));
    study.AddResult("untimed_pmtu", static_cast<double>(study.CountUntimed(BSD_RTK_PMTU)));
    study.AddResult("pmtu_lifetime_s", lifetime);
    study.Finish();
    Simulator::Destroy();
    return 0;
}
