/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The scenario of the two ICMP flood studies (bsdnet-redirect-flood,
 * bsdnet-pmtu-flood), which differ only in the message and in what they
 * count:
 *
 *      R 192.168.1.1   V 192.168.1.2   L 192.168.1.3   A 192.168.1.4
 *      ------------------------- LAN ---------------------------------
 *
 * V, the studied node, runs --personality with R as its default router;
 * the others run netbsd-2.  A forges messages to V about the addresses of
 * 100.64.0.0/10, spoofing R; V sends a legitimate flow to L.
 */
#ifndef BSDNET_FLOOD_LAN_H
#define BSDNET_FLOOD_LAN_H

#include "ns3/bsd-app-helper.h"
#include "ns3/bsd-stack-helper.h"
#include "ns3/bsd-study.h"
#include "ns3/core-module.h"
#include "ns3/csma-helper.h"
#include "ns3/network-module.h"

#include <algorithm>
#include <cmath>

namespace ns3
{

/// R, V, L and A on one LAN, the forged flood from A, the flow from V to L.
class BsdFloodLan
{
  public:
    /**
     * \brief Build the LAN: kernels, addresses, default routes, then
     * --budget (after the static configuration, so that it refuses only
     * what the run makes), and pcaps if asked.
     * \param study the study, its --personality declared
     * \param budget --budget
     */
    BsdFloodLan(BsdStudy& study, int64_t budget)
        : gw("192.168.1.1"),
          victimAddress("192.168.1.2")
    {
        lan.Create(4);
        router = lan.Get(0);
        victim = lan.Get(1);
        neighbour = lan.Get(2);
        attacker = lan.Get(3);
        CsmaHelper csma;
        csma.SetChannelAttribute("DataRate", StringValue("100Mbps"));
        csma.SetChannelAttribute("Delay", TimeValue(MicroSeconds(5)));
        NetDeviceContainer dev = csma.Install(lan);
        study.InstallStacks(lan, victim, router);
        BsdStackHelper::Assign(dev, "192.168.1.0/24", 1); // R .1, V .2, L .3, A .4
        for (Ptr<Node> n : {victim, neighbour, attacker})
        {
            BsdStackHelper::SetDefaultRoute(n, gw);
        }
        study.ApplyKnob(victim, "budget", "mem_limit", budget);
        if (study.GetPcap())
        {
            csma.EnablePcap(study.GetPcapPrefix(), dev, false);
        }
        // The run number moves the start of both flows.
        jitter = CreateObject<UniformRandomVariable>();
        jitter->SetStream(2);
    }

    /**
     * \brief Start the flood: --rate messages a second from A to V,
     * spoofing R, about the --destinations first addresses of
     * 100.64.0.0/10 in turn (and again), until a second before the end.
     * \param forger a BsdIcmpForger helper with its Mode (and its mode's
     *        attributes) set
     * \param rate --rate
     * \param destinations --destinations
     * \param duration --duration
     * \return the forger's application
     */
    ApplicationContainer StartFlood(BsdAppHelper& forger,
                                    int64_t rate,
                                    int64_t destinations,
                                    double duration)
    {
        forger.SetAttribute("Victim", Ipv4AddressValue(victimAddress));
        forger.SetAttribute("SpoofSource", Ipv4AddressValue(gw));
        forger.SetAttribute("Prefix", Ipv4AddressValue("100.64.0.0"));
        forger.SetAttribute("PrefixLength", UintegerValue(10));
        interval = Seconds(1.0 / static_cast<double>(rate));
        forger.SetAttribute("Interval", TimeValue(interval));
        auto total = static_cast<uint64_t>(std::ceil(static_cast<double>(rate) * (duration - 1)));
        count = std::min<uint64_t>(total, 0xffffffffu);
        forger.SetAttribute("Destinations", UintegerValue(destinations));
        forger.SetAttribute("Count", UintegerValue(count));
        ApplicationContainer app = forger.Install(attacker);
        start = 1 + jitter->GetValue(0, 1);
        app.Start(Seconds(start));
        app.Stop(Seconds(duration - 1));
        return app;
    }

    /**
     * \brief The legitimate flow, 10 datagrams/s from a socket connected
     * per datagram, to the neighbour L, which needs an ARP entry on V.
     * \param study the study
     * \param legitStart --legit-start
     * \param duration --duration
     */
    void AddLegitimateFlow(BsdStudy& study, double legitStart, double duration)
    {
        study.AddLegitimateFlow(victim,
                                neighbour,
                                Ipv4Address("192.168.1.3"),
                                Seconds(legitStart + jitter->GetValue(0, 0.1)),
                                Seconds(duration - 1));
    }

    /**
     * \brief Study V to the end: table.csv, and netstat.txt when the flow
     * starts, just before the first routes of the flood expire, and at
     * the end.
     * \param study the study
     * \param legitStart --legit-start
     * \param duration --duration
     * \param lifetime how long the flood's routes live, s (NaN: for ever)
     * \param expiring the label of the dump before they expire
     */
    void Watch(BsdStudy& study,
               double legitStart,
               double duration,
               double lifetime,
               const std::string& expiring)
    {
        study.Watch(victim, Seconds(duration));
        study.EnableOutputs(NodeContainer(victim), Seconds(duration));
        study.NetstatAt(Seconds(legitStart), victim, "legitimate flow starts");
        // Routes made in the flood's first second go at the first tick
        // past start + lifetime: the table is at its peak just before.
        double beforeExpiry = std::floor(start) + lifetime + 0.5;
        if (!std::isnan(lifetime) && beforeExpiry < duration)
        {
            study.NetstatAt(Seconds(beforeExpiry), victim, expiring);
        }
        study.NetstatAt(Seconds(duration), victim, "end");
    }

    NodeContainer lan;                 //!< R, V, L, A
    Ptr<Node> router;                  //!< R, V's default router
    Ptr<Node> victim;                  //!< V, the studied node
    Ptr<Node> neighbour;               //!< L, the legitimate flow's sink
    Ptr<Node> attacker;                //!< A, the forger
    Ipv4Address gw;                    //!< R's address
    Ipv4Address victimAddress;         //!< V's address
    Ptr<UniformRandomVariable> jitter; //!< moves the flows' starts by run
    Time interval;                     //!< between messages (StartFlood)
    uint64_t count{0};                 //!< messages sent (StartFlood)
    double start{0};                   //!< the flood's start, s (StartFlood)
};

} // namespace ns3

#endif /* BSDNET_FLOOD_LAN_H */
