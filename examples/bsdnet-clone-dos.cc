/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * bsdnet-clone-dos: routing-table growth under a cloning denial of
 * service (seed 004, point (5)), and what it does to a legitimate flow.
 *
 * --mode=local: a process on host V sends UDP to many destinations
 * through V's default route.  Where in_pcbconnect() asks for a cloned
 * route (bsdos-4, freebsd-4) every destination leaves a host route in
 * V's table; where it does not (netbsd-1.5, netbsd-2) the table stays
 * put.  V is the studied node.
 *
 *      V 192.168.1.2 ---- LAN A ---- 192.168.1.1 R 10.0.0.1 ---- LAN B ---- S 10.0.0.2
 *      (attack to 100.64.0.0/10, legitimate flow to S)
 *
 * --mode=remote: a scanner X outside sends to many addresses of LAN B
 * (10.0.0.0/8, on-link for R); router R clones an ARP entry for each.
 * R is the studied node; the legitimate flow goes from L to S through R.
 * In local mode it goes from V to its neighbour L.
 *
 *      X 192.168.1.2, L 192.168.1.3 ---- LAN A ---- R ---- LAN B ---- S
 *
 * Once the memory budget of the studied kernel is spent, a new clone
 * fails with ENOBUFS: the legitimate flow, which needs one, loses its
 * datagrams until the personality's timers give memory back.
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

#include <cmath>

using namespace ns3;

int
main(int argc, char* argv[])
{
    std::string mode = "local";
    std::string order = "sequential";
    std::string personality = "bsdos-4";
    int64_t rate = 100;
    int64_t destinations = 100000;
    double duration = 600;
    int64_t budget = 1048576;
    double legitStart = -1;
    int64_t cloneIdle = -1;
    int64_t rtqReallyOld = -1;
    int64_t rtqTooMany = -1;
    int64_t rtqTimeout = -1;
    int64_t arptKeep = -1;
    int64_t arptDown = -1;
    int64_t arptPrune = -1;

    BsdStudy study("bsdnet-clone-dos",
                   "Routing-table growth under a cloning DoS, and a legitimate flow's fate.");
    study.AddFlag("mode",
                  "local: a process sends through the default route; remote: a scanner's "
                  "packets are forwarded onto a LAN",
                  &mode,
                  {"local", "remote"});
    study.AddPersonalityFlag("kernel of the studied node", &personality);
    study.AddFlag("rate", "attack datagrams per second", &rate, 1, 1000000);
    study.AddFlag("destinations",
                  "distinct destinations, sent to in turn",
                  &destinations,
                  1,
                  4000000);
    study.AddFlag("order",
                  "sequential: the destinations in turn; random: each datagram to an address "
                  "drawn from the attack prefix",
                  &order,
                  {"sequential", "random"});
    study.AddFlag("duration", "simulated seconds", &duration, 10, 86400);
    study.AddBudgetFlag(&budget);
    study.AddLegitStartFlag(&legitStart, &duration);
    study.AddKnobFlag("clone-idle", "BSD/OS inactivity timer", &cloneIdle, "clone_idle");
    study.AddKnobFlag("rtq-reallyold",
                      "FreeBSD in_rmx idle lifetime",
                      &rtqReallyOld,
                      "rtq_reallyold");
    study.AddKnobFlag("rtq-toomany", "FreeBSD in_rmx cache limit", &rtqTooMany, "rtq_toomany");
    study.AddKnobFlag("rtq-timeout",
                      "FreeBSD in_rmx seconds between cuts",
                      &rtqTimeout,
                      "rtq_timeout");
    study.AddKnobFlag("arpt-keep", "ARP entry lifetime", &arptKeep, "arpt_keep");
    study.AddKnobFlag("arpt-down", "ARP reject time", &arptDown, "arpt_down");
    study.AddKnobFlag("arpt-prune", "ARP sweep interval", &arptPrune, "arpt_prune");
    study.Parse(argc, argv);
    bool local = mode == "local";

    // Hosts on LAN A (V or X, and L), router R, sink S on LAN B.
    NodeContainer lanA;
    lanA.Create(2);
    Ptr<Node> router = CreateObject<Node>();
    Ptr<Node> sinkNode = CreateObject<Node>();
    lanA.Add(router);
    NodeContainer lanB(router, sinkNode);
    CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", StringValue("100Mbps"));
    csma.SetChannelAttribute("Delay", TimeValue(MicroSeconds(5)));
    NetDeviceContainer devA = csma.Install(lanA);
    NetDeviceContainer devB = csma.Install(lanB);

    // The studied node runs --personality; the others netbsd-2.
    Ptr<Node> studied = local ? lanA.Get(0) : router;
    study.InstallStacks(NodeContainer(lanA, sinkNode), studied, router);
    study.ApplyKnob(studied, "clone-idle", "clone_idle", cloneIdle);
    study.ApplyKnob(studied, "rtq-reallyold", "rtq_reallyold", rtqReallyOld);
    study.ApplyKnob(studied, "rtq-toomany", "rtq_toomany", rtqTooMany);
    study.ApplyKnob(studied, "rtq-timeout", "rtq_timeout", rtqTimeout);
    study.ApplyKnob(studied, "arpt-keep", "arpt_keep", arptKeep);
    study.ApplyKnob(studied, "arpt-down", "arpt_down", arptDown);
    study.ApplyKnob(studied, "arpt-prune", "arpt_prune", arptPrune);

    BsdStackHelper::Assign(devA, "192.168.1.0/24", 2); // .2 .3, R .4
    BsdStackHelper::AddAddress(devB.Get(0), "10.0.0.1/8");
    BsdStackHelper::AddAddress(devB.Get(1), "10.0.0.2/8");
    Ipv4Address gw("192.168.1.4");
    BsdStackHelper::SetDefaultRoute(lanA.Get(0), gw);
    BsdStackHelper::SetDefaultRoute(lanA.Get(1), gw);
    BsdStackHelper::SetDefaultRoute(sinkNode, Ipv4Address("10.0.0.1"));
    // The budget is for what happens next: the set-up above always fits.
    study.ApplyKnob(studied, "budget", "mem_limit", budget);
    if (study.GetPcap())
    {
        csma.EnablePcap(study.GetPcapPrefix(), devA, false);
        csma.EnablePcap(study.GetPcapPrefix(), devB, false);
    }

    // The attack: one datagram per destination in turn, each from a
    // socket connected to it (in_pcbconnect, then send, then close).
    BsdAppHelper attack("ns3::BsdUdpSource");
    attack.SetAttribute("Prefix", Ipv4AddressValue(local ? "100.64.0.0" : "10.128.0.0"));
    attack.SetAttribute("PrefixLength", UintegerValue(local ? 10 : 9));
    attack.SetAttribute("Destinations", UintegerValue(destinations));
    attack.SetAttribute("Order", StringValue(order));
    attack.SetAttribute("Interval", TimeValue(Seconds(1.0 / static_cast<double>(rate))));
    attack.SetAttribute("PacketSize", UintegerValue(12));
    attack.SetAttribute("Port", UintegerValue(7));
    auto total = static_cast<uint64_t>(std::ceil(static_cast<double>(rate) * (duration - 1)));
    attack.SetAttribute("MaxPackets", UintegerValue(std::min<uint64_t>(total, 0xffffffffu)));
    ApplicationContainer attackApp = attack.Install(lanA.Get(0));
    DynamicCast<BsdUdpSource>(attackApp.Get(0))->AssignStreams(1);
    // The run number moves the start of both flows (and the random order).
    Ptr<UniformRandomVariable> jitter = CreateObject<UniformRandomVariable>();
    jitter->SetStream(2);
    attackApp.Start(Seconds(1 + jitter->GetValue(0, 1)));
    attackApp.Stop(Seconds(duration));

    // The legitimate flow, 10 datagrams/s from a socket connected per
    // datagram, to a host it has not talked to yet: locally a neighbour
    // on LAN A (V needs an ARP entry for it), remotely S behind R (R
    // needs one).  When a BSD kernel cannot clone a host route it falls
    // back on the parent route, but an ARP entry it cannot do without.
    Ptr<Node> legitFrom = local ? lanA.Get(0) : lanA.Get(1);
    Ptr<Node> legitTo = local ? lanA.Get(1) : sinkNode;
    study.AddLegitimateFlow(legitFrom,
                            legitTo,
                            Ipv4Address(local ? "192.168.1.3" : "10.0.0.2"),
                            Seconds(legitStart + jitter->GetValue(0, 0.1)),
                            Seconds(duration - 1));

    study.Watch(studied, Seconds(duration));
    study.EnableOutputs(NodeContainer(studied), Seconds(duration));
    study.NetstatAt(Seconds(legitStart), studied, "legitimate flow starts");
    study.NetstatAt(Seconds(duration), studied, "end");

    // A millisecond past the end, so that the last samples and dumps run.
    Simulator::Stop(Seconds(duration) + MilliSeconds(1));
    Simulator::Run();
    auto src = DynamicCast<BsdUdpSource>(attackApp.Get(0));
    study.AddResult("attack_sent", static_cast<double>(src->GetSent()));
    study.AddResult("attack_refused", static_cast<double>(src->GetErrors()));
    study.Finish();
    Simulator::Destroy();
    return 0;
}
