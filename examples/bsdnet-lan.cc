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
#include "ns3/core-module.h"
#include "ns3/csma-helper.h"
#include "ns3/fddi-helper.h"
#include "ns3/network-module.h"

#include <cerrno>
#include <cstdlib>
#include <iostream>
#include <sys/stat.h>

using namespace ns3;

namespace
{

ApplicationContainer g_pings; //!< every ping, for the statistics

[[noreturn]] void
Usage(const std::string& flag, const std::string& value, const std::string& allowed)
{
    std::cerr << "bsdnet-lan: bad value \"" << value << "\" for --" << flag << ": allowed "
              << allowed << std::endl;
    std::exit(2);
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string media = "ethernet";
    std::string personality = "netbsd-2";
    std::string outdir = ".";
    uint32_t hosts = 4;
    double duration = 20;
    bool pcap = false;

    CommandLine cmd(__FILE__);
    cmd.Usage("BSD hosts on one segment ping each other and exchange UDP.");
    cmd.AddValue("media", "ethernet, fddi, arcnet or ax25", media);
    cmd.AddValue("hosts", "hosts on the segment (2 to 50)", hosts);
    cmd.AddValue("personality", "netbsd-1.5, bsdos-4, freebsd-4 or netbsd-2", personality);
    cmd.AddValue("duration", "simulated seconds (5 to 3600)", duration);
    cmd.AddValue("pcap", "write a pcap per device into --outdir", pcap);
    cmd.AddValue("outdir", "directory for the outputs (created)", outdir);
    cmd.Parse(argc, argv);

    if (media != "ethernet" && media != "fddi" && media != "arcnet" && media != "ax25")
    {
        Usage("media", media, "ethernet, fddi, arcnet, ax25");
    }
    if (hosts < 2 || hosts > 50)
    {
        Usage("hosts", std::to_string(hosts), "2 to 50");
    }
    if (bsd_personality_find(personality.c_str()) == nullptr)
    {
        Usage("personality", personality, "netbsd-1.5, bsdos-4, freebsd-4, netbsd-2");
    }
    if (!(duration >= 5 && duration <= 3600))
    {
        Usage("duration", std::to_string(duration), "5 to 3600");
    }
    if (mkdir(outdir.c_str(), 0777) != 0 && errno != EEXIST)
    {
        Usage("outdir", outdir, "a directory that can be created");
    }

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
    return 0;
}
