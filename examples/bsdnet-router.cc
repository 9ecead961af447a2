/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * bsdnet-router: one BSD router joins an Ethernet, an FDDI ring, an
 * ARCnet and an AX.25 channel (the Ethernet-ARCnet router of the NetBSD
 * link-independent ARP paper, grown), with two hosts on each; every host
 * pings every other through it.
 *
 *   bsdnet-router [--pcap] [--personality=P] [--duration=S] [--outdir=D]
 */
#include "ns3/arcnet-helper.h"
#include "ns3/ax25-helper.h"
#include "ns3/bsd-app-helper.h"
#include "ns3/bsd-ping.h"
#include "ns3/bsd-stack-helper.h"
#include "ns3/bsd-study.h"
#include "ns3/core-module.h"
#include "ns3/csma-helper.h"
#include "ns3/fddi-helper.h"
#include "ns3/network-module.h"

#include <iostream>

using namespace ns3;

namespace
{

ApplicationContainer g_pings; //!< every ping, for the statistics

} // namespace

int
main(int argc, char* argv[])
{
    std::string personality = "netbsd-2";
    double duration = 120;

    // The studies' flags: each value checked, a bad one named (exit 2).
    BsdStudy study("bsdnet-router",
                   "A BSD router joins Ethernet, FDDI, ARCnet and AX.25; all hosts ping all.");
    study.SetSharedOutdir(".",
                          "Outputs in --outdir: with --pcap, "
                          "bsdnet-router-<node>-<device>.pcap.");
    study.AddPersonalityFlag("every node's kernel", &personality);
    study.AddFlag("duration", "simulated seconds", &duration, 30, 3600, "s");
    study.Parse(argc, argv);
    // This run's pcaps replace those of an earlier run.
    study.AddOutputPattern("bsdnet-router-*.pcap");
    bool pcap = study.GetPcap();
    std::string outdir = study.GetOutdir();

    Ptr<Node> router = CreateObject<Node>();
    NodeContainer eth;
    NodeContainer fddi;
    NodeContainer arc;
    NodeContainer ax;
    eth.Create(2);
    fddi.Create(2);
    arc.Create(2);
    ax.Create(2);
    std::string prefix = outdir + "/bsdnet-router";

    CsmaHelper csma;
    NetDeviceContainer ethDevs = csma.Install(NodeContainer(router, eth));
    FddiHelper fddiHelper;
    NetDeviceContainer fddiDevs = fddiHelper.Install(NodeContainer(router, fddi));
    ArcnetHelper arcHelper;
    NetDeviceContainer arcDevs = arcHelper.Install(NodeContainer(router, arc));
    // 9600 bit/s radios with a short key-up: at 1200 bit/s and 300 ms,
    // eight hosts pinging through the channel keep it saturated.
    Ax25Helper axHelper;
    axHelper.SetChannelAttribute("DataRate", StringValue("9600bps"));
    axHelper.SetDeviceAttribute("TxDelay", TimeValue(MilliSeconds(50)));
    NetDeviceContainer axDevs = axHelper.Install(NodeContainer(router, ax));
    axHelper.AssignStreams(axDevs, 200);
    if (pcap)
    {
        csma.EnablePcap(prefix, ethDevs, false);
        fddiHelper.EnablePcap(prefix, fddiDevs, false);
        arcHelper.EnablePcap(prefix, arcDevs, false);
        axHelper.EnablePcap(prefix, axDevs, false);
    }

    BsdStackHelper stack;
    stack.SetPersonality(personality);
    stack.SetAttribute("IpForwarding", BooleanValue(true));
    stack.Install(router);
    BsdStackHelper hostStack;
    hostStack.SetPersonality(personality);
    NodeContainer hosts(eth, fddi, arc, ax);
    hostStack.Install(hosts);

    const char* nets[] = {"10.1.1.0/24", "10.1.2.0/24", "10.1.3.0/24", "10.1.4.0/24"};
    NetDeviceContainer all[] = {ethDevs, fddiDevs, arcDevs, axDevs};
    std::vector<Ipv4Address> hostAddrs;
    for (int n = 0; n < 4; n++)
    {
        // The router is .254 on each net, hosts .1 and .2.
        BsdStackHelper::AddAddress(all[n].Get(0),
                                   std::string(nets[n]).replace(7, 4, "254/24"));
        NetDeviceContainer h;
        h.Add(all[n].Get(1));
        h.Add(all[n].Get(2));
        BsdStackHelper::Assign(h, nets[n]);
        for (int i = 1; i <= 2; i++)
        {
            Ipv4Address gw(0x0a010000 + ((n + 1) << 8) + 254);
            BsdStackHelper::SetDefaultRoute(all[n].Get(i)->GetNode(), gw);
            hostAddrs.push_back(Ipv4Address(0x0a010000 + ((n + 1) << 8) + i));
        }
    }

    // Every host pings every other, every 20 s (AX.25 at 1200 bit/s is slow).
    for (uint32_t i = 0; i < hosts.GetN(); i++)
    {
        for (uint32_t j = 0; j < hosts.GetN(); j++)
        {
            if (i == j)
            {
                continue;
            }
            BsdAppHelper ping("ns3::BsdPing");
            ping.SetAttribute("Remote", Ipv4AddressValue(hostAddrs[j]));
            ping.SetAttribute("Interval", TimeValue(Seconds(20)));
            ApplicationContainer p = ping.Install(hosts.Get(i));
            g_pings.Add(p);
            p.Start(Seconds(1 + 0.37 * (i * hosts.GetN() + j)));
            p.Stop(Seconds(duration - 5));
        }
    }

    ApplicationContainer pings = g_pings;
    Ptr<OutputStreamWrapper> out = Create<OutputStreamWrapper>(&std::cout);
    BsdStackHelper::PrintRoutingTableAt(Seconds(duration), router, out);
    Simulator::Stop(Seconds(duration));
    Simulator::Run();
    for (uint32_t i = 0; i < pings.GetN(); i++)
    {
        BsdAppHelper::PrintPingStatistics(DynamicCast<BsdPing>(pings.Get(i)), std::cout);
    }
    Simulator::Destroy();
    study.MarkComplete(); // the pcaps move into --outdir as study goes
    return 0;
}
