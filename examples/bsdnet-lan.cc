/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * bsdnet-lan: BSD hosts on one segment of a medium ping each other and
 * exchange UDP; the routing tables are printed at the end.
 *
 *   bsdnet-lan --media=ethernet|fddi|arcnet|ax25 [--hosts=N] [--pcap]
 *              [--personality=P] [--duration=S] [--outdir=D] [--RngRun=R]
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
    std::string media = "ethernet";
    std::string personality = "netbsd-2";
    int64_t nHosts = 4;
    double duration = 20;

    // The studies' flags: each value checked, a bad one named (exit 2).
    BsdStudy study("bsdnet-lan", "BSD hosts on one segment ping each other and exchange UDP.");
    study.SetSharedOutdir(".",
                          "Outputs in --outdir: bsdnet-lan-<media>-table.csv, "
                          "bsdnet-lan-<media>-rtsock.log and, with --pcap, "
                          "bsdnet-lan-<media>-<node>-<device>.pcap.");
    study.AddFlag("media", "the segment's medium", &media, {"ethernet", "fddi", "arcnet", "ax25"});
    study.AddFlag("hosts", "hosts on the segment", &nHosts, 2, 50, "hosts");
    study.AddPersonalityFlag("every host's kernel", &personality);
    study.AddFlag("duration", "simulated seconds", &duration, 5, 3600, "s");
    study.Parse(argc, argv);
    // This run's files replace those of an earlier run on this medium.
    study.AddOutputPattern("bsdnet-lan-" + media + "-*");
    auto hosts = static_cast<uint32_t>(nHosts);
    bool pcap = study.GetPcap();
    std::string outdir = study.GetOutdir();

    NodeContainer nodes;
    nodes.Create(hosts);
    NetDeviceContainer devs;
    std::string prefix = outdir + "/bsdnet-lan-" + media;
    if (media == "ethernet")
    {
        CsmaHelper csma;
        csma.SetChannelAttribute("DataRate", StringValue("10Mbps"));
        devs = csma.Install(nodes);
        if (pcap)
        {
            csma.EnablePcap(prefix, devs, false);
        }
    }
    else if (media == "fddi")
    {
        FddiHelper fddi;
        devs = fddi.Install(nodes);
        if (pcap)
        {
            fddi.EnablePcap(prefix, devs, false);
        }
    }
    else if (media == "arcnet")
    {
        ArcnetHelper arc;
        devs = arc.Install(nodes);
        if (pcap)
        {
            arc.EnablePcap(prefix, devs, false);
        }
    }
    else
    {
        Ax25Helper ax25;
        devs = ax25.Install(nodes);
        ax25.AssignStreams(devs, 100);
        if (pcap)
        {
            ax25.EnablePcap(prefix, devs, false);
        }
    }

    BsdStackHelper stack;
    stack.SetPersonality(personality);
    stack.Install(nodes);
    BsdStackHelper::Assign(devs, "10.1.1.0/24");

    // Each host pings the next and sends UDP to the one after; start
    // times jitter with the run number, so RngRun changes the traces.
    Ptr<UniformRandomVariable> jitter = CreateObject<UniformRandomVariable>();
    jitter->SetStream(1);
    // ARCnet carries 1500-octet datagrams as split packets: show them.
    uint32_t udpSize = media == "arcnet" ? 1200 : (media == "ax25" ? 100 : 512);
    for (uint32_t i = 0; i < hosts; i++)
    {
        Ipv4Address next(0x0a010101 + (i + 1) % hosts);
        Ipv4Address after(0x0a010101 + (i + 2) % hosts);
        BsdAppHelper ping("ns3::BsdPing");
        ping.SetAttribute("Remote", Ipv4AddressValue(next));
        ping.SetAttribute("Interval", TimeValue(Seconds(media == "ax25" ? 10 : 1)));
        ApplicationContainer p = ping.Install(nodes.Get(i));
        g_pings.Add(p);
        p.Start(Seconds(1 + jitter->GetValue(0, 1)));
        p.Stop(Seconds(duration - 1));

        BsdAppHelper sink("ns3::BsdUdpSink");
        sink.Install(nodes.Get(i)).Start(Seconds(0));
        BsdAppHelper udp("ns3::BsdUdpSource");
        udp.SetAttribute("Prefix", Ipv4AddressValue(after));
        udp.SetAttribute("PrefixLength", UintegerValue(32));
        udp.SetAttribute("Destinations", UintegerValue(1));
        udp.SetAttribute("MaxPackets", UintegerValue(media == "ax25" ? 3 : 20));
        udp.SetAttribute("Interval", TimeValue(Seconds(media == "ax25" ? 5 : 0.5)));
        udp.SetAttribute("PacketSize", UintegerValue(udpSize));
        ApplicationContainer u = udp.Install(nodes.Get(i));
        u.Start(Seconds(2 + jitter->GetValue(0, 1)));
        u.Stop(Seconds(duration - 1));
    }

    ApplicationContainer pings = g_pings;
    // The run's table-size series and routing-socket log.
    Ptr<OutputStreamWrapper> csv =
        Create<OutputStreamWrapper>(outdir + "/bsdnet-lan-" + media + "-table.csv", std::ios::out);
    BsdStackHelper::EnableTableCsv(nodes, csv, Seconds(1), Seconds(duration));
    Ptr<OutputStreamWrapper> rtlog =
        Create<OutputStreamWrapper>(outdir + "/bsdnet-lan-" + media + "-rtsock.log", std::ios::out);
    BsdStackHelper::EnableRtsockLog(nodes, rtlog);

    Ptr<OutputStreamWrapper> out = Create<OutputStreamWrapper>(&std::cout);
    BsdStackHelper::PrintRoutingTableAllAt(Seconds(duration), out);
    Simulator::Stop(Seconds(duration));
    Simulator::Run();
    for (uint32_t i = 0; i < pings.GetN(); i++)
    {
        BsdAppHelper::PrintPingStatistics(DynamicCast<BsdPing>(pings.Get(i)), std::cout);
    }
    Simulator::Destroy();
    study.MarkComplete(); // the files move into --outdir as study goes
    return 0;
}
