/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * bsdnet-emu-peer: the bsdnet side of test/emu/linux-interop.sh.  Four
 * BSD nodes, in real time; three of them on one real interface (a veth
 * end, each through its own FdNetDevice), the Linux kernel at the other
 * end of the veth:
 *
 *   Linux 198.51.100.1 --+-- H 198.51.100.2  host, default route via Linux
 *   (namespace)          +-- R 198.51.100.3  router --CSMA--+-- S  192.0.2.10
 *                        +-- G 198.51.100.4  router,        +-- S2 192.0.2.130
 *                                            192.0.2.0/24 via R
 *
 * What H does, by the clock (seconds from the start): pings Linux three
 * times from 1 s; sends two 3000-octet UDP datagrams to Linux port 9000
 * from 1.5 s; pings S from 3 s, six times (the first through Linux,
 * whose redirect should send the rest straight to R).  H listens on UDP
 * port 9001.  Linux does its own part meanwhile (the script).
 *
 * Written to --outdir: "ready" once the simulation runs; at the end
 * netstat-H.txt, netstat-R.txt, netstat-G.txt and summary.txt (ping
 * statistics, "udp-rx LEN FROM" lines, "drop NODE REASON COUNT" lines).
 */
#include "ns3/bsd-app-helper.h"
#include "ns3/bsd-emu-helper.h"
#include "ns3/bsd-ping.h"
#include "ns3/bsd-stack-helper.h"
#include "ns3/bsd-udp-sink.h"
#include "ns3/core-module.h"
#include "ns3/csma-helper.h"
#include "ns3/fd-net-device-module.h"
#include "ns3/network-module.h"

#include <fstream>
#include <iostream>
#include <map>

using namespace ns3;

namespace
{

std::string g_outdir = ".";
std::map<std::string, std::map<std::string, uint64_t>> g_drops; //!< node -> reason -> count
std::vector<std::string> g_udp;                                  //!< "udp-rx LEN FROM"

void
Ready()
{
    std::ofstream(g_outdir + "/ready") << "ready\n";
    std::cout << "bsdnet-emu-peer: running" << std::endl;
}

void
OnDrop(std::string node, const std::string& reason)
{
    g_drops[node][reason]++;
}

void
OnUdp(uint32_t len, Ipv4Address from)
{
    std::ostringstream os;
    os << "udp-rx " << len << " " << from;
    g_udp.push_back(os.str());
}

/// An FdNetDevice on the interface, with its own Ethernet address.
Ptr<NetDevice>
Attach(const std::string& iface, Ptr<Node> node, const std::string& mac)
{
    BsdEmuHelper emu;
    emu.SetDeviceName(iface);
    Ptr<NetDevice> dev = emu.Install(node).Get(0);
    dev->SetAddress(Mac48Address(mac.c_str()));
    return dev;
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string iface;
    double duration = 10;
    std::string pcap;

    CommandLine cmd(__FILE__);
    cmd.Usage("The bsdnet side of test/emu/linux-interop.sh (see the source).");
    cmd.AddValue("interface", "the veth end in this namespace (up, promiscuous)", iface);
    cmd.AddValue("duration", "real seconds to run (5 to 60)", duration);
    cmd.AddValue("outdir", "where the results go (exists)", g_outdir);
    cmd.AddValue("pcap", "pcap prefix for H's device (empty: none)", pcap);
    cmd.Parse(argc, argv);
    if (iface.empty() || !(duration >= 5 && duration <= 60))
    {
        std::cerr << "bsdnet-emu-peer: --interface is required, --duration 5 to 60" << std::endl;
        return 2;
    }

    GlobalValue::Bind("SimulatorImplementationType", StringValue("ns3::RealtimeSimulatorImpl"));
    GlobalValue::Bind("ChecksumEnabled", BooleanValue(true));

    Ptr<Node> h = CreateObject<Node>();
    Ptr<Node> r = CreateObject<Node>();
    Ptr<Node> g = CreateObject<Node>();
    Ptr<Node> s = CreateObject<Node>();
    Ptr<Node> s2 = CreateObject<Node>();
    // Devices first: BsdStackHelper::Install makes each an interface.
    Ptr<NetDevice> hdev = Attach(iface, h, "02:bd:00:00:00:02");
    Ptr<NetDevice> rdev = Attach(iface, r, "02:bd:00:00:00:03");
    Ptr<NetDevice> gdev = Attach(iface, g, "02:bd:00:00:00:04");
    CsmaHelper csma;
    NetDeviceContainer lan = csma.Install(NodeContainer(r, s, s2));

    BsdStackHelper hosts;
    hosts.SetPersonality("netbsd-2");
    hosts.Install(NodeContainer(h, s, s2));
    BsdStackHelper routers;
    routers.SetPersonality("netbsd-2");
    routers.SetAttribute("IpForwarding", BooleanValue(true));
    routers.Install(NodeContainer(r, g));

    BsdStackHelper::AddAddress(hdev, "198.51.100.2/24");
    BsdStackHelper::AddAddress(rdev, "198.51.100.3/24");
    BsdStackHelper::AddAddress(gdev, "198.51.100.4/24");
    BsdStackHelper::SetDefaultRoute(h, Ipv4Address("198.51.100.1"));
    BsdStackHelper::AddRoute(g, "192.0.2.0/24", Ipv4Address("198.51.100.3"));

    BsdStackHelper::AddAddress(lan.Get(0), "192.0.2.1/24");
    BsdStackHelper::AddAddress(lan.Get(1), "192.0.2.10/24");
    BsdStackHelper::AddAddress(lan.Get(2), "192.0.2.130/24");
    BsdStackHelper::SetDefaultRoute(s, Ipv4Address("192.0.2.1"));
    BsdStackHelper::SetDefaultRoute(s2, Ipv4Address("192.0.2.1"));

    const char* names[] = {"H", "R", "G", "S"};
    Ptr<Node> nodes[] = {h, r, g, s};
    for (int i = 0; i < 4; i++)
    {
        nodes[i]->GetObject<BsdKernel>()->TraceConnectWithoutContext(
            "Drop",
            MakeBoundCallback(&OnDrop, std::string(names[i])));
    }

    BsdAppHelper pingLinux("ns3::BsdPing");
    pingLinux.SetAttribute("Remote", Ipv4AddressValue("198.51.100.1"));
    pingLinux.SetAttribute("Count", UintegerValue(3));
    pingLinux.SetAttribute("Interval", TimeValue(MilliSeconds(300)));
    ApplicationContainer p1 = pingLinux.Install(h);
    p1.Start(Seconds(1));

    BsdAppHelper udp("ns3::BsdUdpSource");
    udp.SetAttribute("Prefix", Ipv4AddressValue("198.51.100.1"));
    udp.SetAttribute("PrefixLength", UintegerValue(32));
    udp.SetAttribute("Destinations", UintegerValue(1));
    udp.SetAttribute("Port", UintegerValue(9000));
    udp.SetAttribute("PacketSize", UintegerValue(3000));
    udp.SetAttribute("MaxPackets", UintegerValue(2));
    udp.SetAttribute("Interval", TimeValue(MilliSeconds(500)));
    udp.Install(h).Start(Seconds(1.5));

    BsdAppHelper sink("ns3::BsdUdpSink");
    sink.SetAttribute("Port", UintegerValue(9001));
    ApplicationContainer sinks = sink.Install(h);
    sinks.Start(Seconds(0));
    sinks.Get(0)->TraceConnectWithoutContext("Rx", MakeCallback(&OnUdp));

    BsdAppHelper pingS("ns3::BsdPing");
    pingS.SetAttribute("Remote", Ipv4AddressValue("192.0.2.10"));
    pingS.SetAttribute("Count", UintegerValue(6));
    pingS.SetAttribute("Interval", TimeValue(MilliSeconds(400)));
    ApplicationContainer p2 = pingS.Install(h);
    p2.Start(Seconds(3));

    if (!pcap.empty())
    {
        EmuFdNetDeviceHelper().EnablePcap(pcap, hdev, true);
    }
    for (int i = 0; i < 3; i++)
    {
        BsdStackHelper::PrintRoutingTableAt(
            Seconds(duration - 0.01),
            nodes[i],
            Create<OutputStreamWrapper>(g_outdir + "/netstat-" + names[i] + ".txt", std::ios::out));
    }
    Simulator::Schedule(Seconds(0), &Ready);
    Simulator::Stop(Seconds(duration));
    Simulator::Run();

    std::ofstream sum(g_outdir + "/summary.txt");
    BsdAppHelper::PrintPingStatistics(DynamicCast<BsdPing>(p1.Get(0)), sum);
    BsdAppHelper::PrintPingStatistics(DynamicCast<BsdPing>(p2.Get(0)), sum);
    for (const auto& line : g_udp)
    {
        sum << line << "\n";
    }
    for (const auto& n : g_drops)
    {
        for (const auto& d : n.second)
        {
            sum << "drop " << n.first << " " << d.first << " " << d.second << "\n";
        }
    }
    sum.close();
    Simulator::Destroy();
    std::cout << "bsdnet-emu-peer: done" << std::endl;
    return 0;
}
