/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * bsdnet-redirect-flood: redirect routes under a flood of forged ICMP
 * host redirects (seed 004, point (4): "DoS prevention code for
 * redirect"), the timer and watermarks that hold them back, and what the
 * flood does to a legitimate flow.
 *
 *      R 192.168.1.1   V 192.168.1.2   L 192.168.1.3   A 192.168.1.4
 *      ------------------------- LAN ---------------------------------
 *
 * V, the studied node, has R as its default router.  The attacker A,
 * on-link, sends V one ICMP redirect (type 5 code 1) per destination of
 * 100.64.0.0/10, --rate a second, the --destinations first addresses in
 * turn until the end of the run.  Each message claims R as its source,
 * so that it passes RFC 1122's first-hop check (rtredirect() believes
 * only the current gateway for the destination), and names A as the
 * better gateway.  A believed message leaves an RTF_DYNAMIC host route
 * through A in V's table: redirects_accepted counts them (rts_dynamic).
 * Once such a route exists its gateway is A, no longer R, so the next
 * message about that destination fails the first-hop check
 * (redirects_bad, with the ENOBUFS failures): an attacker spoofing R
 * cannot refresh its routes, only make new ones once the old ones went.
 *
 * What ages them, by personality:
 * - netbsd-2 (the default here): the redirect rt_timer queue,
 *   --redirtimeout (net.inet.icmp.redirtimeout, 600 s; 0: never);
 * - netbsd-1.5: nothing.  Its ip_icmp.c (1.44) calls rtredirect() and
 *   arms no timer; the queue and its sysctl came in 1.68 (2002).
 *   --redirtimeout > 0 gives it that later queue, as a what-if;
 * - bsdos-4: a redirect rt_timer queue of its own (assumed: an audit of
 *   KAME and NRL code for BSD/OS reports icmp_redirtimeout; not read
 *   here); its default is unknown, and bsdnet
 *   assumes the inactivity timer's hour (3600 s); --redirtimeout sets it;
 * - freebsd-4: nothing: 4.x has no redirect timer and in_rmx ages only
 *   RTF_WASCLONED routes; --redirtimeout changes nothing.
 * redirect_lifetime_s says which lifetime applies (null: none).  Every
 * personality accepts redirects (net.inet.icmp.rediraccept = 1);
 * --rediraccept=0 shows a kernel that ignores them (newer OpenBSD's
 * default).  A route whose timer cannot be charged to --budget (the one
 * made with the budget's last bytes: the 32-byte rttimer is charged
 * after the route) is on no queue and never expires, as in NetBSD, whose
 * icmp_input only logs rt_timer_add()'s failure; untimed_redirect counts
 * the redirect routes on no timer queue at the end (on freebsd-4: all).
 *
 * --hiwat/--lowat put KAME's IPv6 watermarks (netinet6/icmp6.c) on the
 * redirect routes of every personality; no BSD had them for IPv4.
 * --policy=refuse is KAME's rule: a redirect is refused while the count
 * is above --hiwat, so the count stops at hiwat + 1 (KAME tests "count >
 * hiwat").  --policy=evict fills KAME's empty "nuke a victim" branch: at
 * --hiwat the oldest redirect routes go until --lowat remain (all of
 * them when --lowat is off), so the count saws between lowat + 1 and
 * hiwat; redirect_trough is the lowest count seen once eviction began.
 *
 * The legitimate flow: from --legit-start, V sends 10 datagrams/s to its
 * neighbour L, to whom it has not talked yet, so V needs an ARP entry (a
 * cloned host route, charged to the budget like a redirect route).
 * Once the redirect routes have spent --budget, that ARP entry cannot be
 * made and every datagram is lost until a timer frees memory.  With the
 * defaults (1 MiB, spent in about 48 s) NetBSD loses the flow from 450 s
 * until the first redirect routes expire at about 602 s, when it wins
 * one of the freed slots from the attack; BSD/OS (an hour) and FreeBSD
 * (never) lose it to the end.
 */
#include "bsdnet-flood-lan.h"

#include "ns3/bsd-app-helper.h"
#include "ns3/bsd-icmp-forger.h"
#include "ns3/bsd-kernel.h"
#include "ns3/bsd-study.h"
#include "ns3/core-module.h"

#include <cmath>

using namespace ns3;

int
main(int argc, char* argv[])
{
    std::string personality = "netbsd-2";
    std::string policy = "refuse";
    int64_t rate = 100;
    int64_t destinations = 100000;
    double duration = 900;
    int64_t redirTimeout = -1;
    int64_t redirAccept = -1;
    int64_t hiwat = -1;
    int64_t lowat = -1;
    int64_t budget = 1048576;
    double legitStart = -1;

    BsdStudy study("bsdnet-redirect-flood",
                   "Redirect routes under forged ICMP redirects: timers, watermarks, and a "
                   "legitimate flow's fate.");
    study.AddPersonalityFlag("kernel of the studied node", &personality);
    study.AddFlag("rate", "forged redirects per second", &rate, 1, 1000000);
    study.AddFlag("destinations",
                  "distinct destinations the redirects are about, in turn",
                  &destinations,
                  1,
                  4000000);
    study.AddFlag("duration", "simulated seconds", &duration, 10, 86400);
    study.AddFlag("redirtimeout",
                  "net.inet.icmp.redirtimeout, s, 0: never (-1: default; rt_timer "
                  "personalities only)",
                  &redirTimeout,
                  -1,
                  2147483647);
    study.AddFlag("rediraccept",
                  "net.inet.icmp.rediraccept, 0 or 1 (-1: default)",
                  &redirAccept,
                  -1,
                  1);
    study.AddFlag("hiwat", "high watermark on redirect routes (-1: off)", &hiwat, -1, 2147483647);
    study.AddFlag("lowat", "low watermark on redirect routes (-1: off)", &lowat, -1, 2147483647);
    study.AddFlag("policy",
                  "past --hiwat: refuse new routes (KAME), or evict the oldest down to --lowat "
                  "(bsdnet's own policy: KAME left that branch an empty \"XXX nuke a victim\")",
                  &policy,
                  {"refuse", "evict"});
    study.AddBudgetFlag(&budget);
    study.AddLegitStartFlag(&legitStart, &duration);
    study.Parse(argc, argv);
    study.Require(lowat < 0 || hiwat < 0 || lowat <= hiwat,
                  "lowat",
                  "-1 or at most --hiwat (" + std::to_string(hiwat) + ")");

    BsdFloodLan net(study, budget);
    Ptr<Node> victim = net.victim;
    study.ApplyKnob(victim, "redirtimeout", "redirtimeout", redirTimeout);
    study.ApplyKnob(victim, "rediraccept", "rediraccept", redirAccept);
    study.ApplyKnob(victim, "hiwat", "redirect_hiwat", hiwat);
    study.ApplyKnob(victim, "lowat", "redirect_lowat", lowat);
    study.ApplyKnob(victim, "policy", "wm_policy", policy == "evict" ? 1 : 0);

    // How long a redirect route lives on V, if anything ages it.
    Ptr<BsdKernel> kernel = victim->GetObject<BsdKernel>();
    const struct bsd_personality& pers = kernel->GetCore()->k_pers;
    double lifetime = NAN;
    if ((pers.p_aging == BSD_AGE_RTTIMER || pers.p_aging == BSD_AGE_IDLE) &&
        pers.p_tun.redirtimeout > 0)
    {
        lifetime = pers.p_tun.redirtimeout;
    }

    // The attack: redirects from "R" to V naming A, about each
    // destination in turn (and again), until a second before the end.
    BsdAppHelper forger("ns3::BsdIcmpForger");
    forger.SetAttribute("Mode", StringValue("redirect"));
    forger.SetAttribute("NewGateway", Ipv4AddressValue("192.168.1.4"));
    ApplicationContainer attackApp = net.StartFlood(forger, rate, destinations, duration);
    Ptr<BsdIcmpForger> attack = DynamicCast<BsdIcmpForger>(attackApp.Get(0));
    net.AddLegitimateFlow(study, legitStart, duration);
    net.Watch(study, legitStart, duration, lifetime, "before the first redirect routes expire");

    // A millisecond past the end, so that the last samples and dumps run.
    Simulator::Stop(Seconds(duration) + MilliSeconds(1));
    Simulator::Run();
    struct bsd_kernel* core = kernel->GetCore();
    study.AddResult("redirects_sent", static_cast<double>(attack->GetSent()));
    study.AddResult("redirects_received",
                    static_cast<double>(core->k_icmp.ic_stat.icps_inhist[BSD_ICMP_REDIRECT]));
    study.AddResult("redirects_accepted", static_cast<double>(core->k_rtstat.rts_dynamic));
    study.AddResult("redirects_bad", static_cast<double>(core->k_rtstat.rts_badredirect));
    study.AddResult("redirects_refused_wm", static_cast<double>(core->k_rtdyn.rd_redir_wmdrop));
    study.AddResult("redirects_ignored", static_cast<double>(core->k_rtdyn.rd_redir_ignored));
    study.AddResult("redirect_evicted", static_cast<double>(core->k_rtdyn.rd_evicted));
    study.AddResult("redirect_trough", study.GetEvictionTrough(BSD_RTK_REDIRECT));
    study.AddResult("final_redirect", static_cast<double>(kernel->GetRouteCount(BSD_RTK_REDIRECT)));
    study.AddResult("untimed_redirect", static_cast<double>(study.CountUntimed(BSD_RTK_REDIRECT)));
    study.AddResult("redirect_lifetime_s", lifetime);
    study.Finish();
    Simulator::Destroy();
    return 0;
}
