/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * bsdnet-emu: a simulated BSD LAN joined to a real network.  A BSD router
 * has one leg on a real interface (an FdNetDevice, in real time) and one
 * on a simulated Ethernet of BSD hosts; whatever is on the real side
 * (Linux in a network namespace, another machine) reaches the hosts
 * through it, and they reach it.
 *
 *   bsdnet-emu --interface=IF [--address=192.0.2.2/24] [--gateway=A.B.C.D]
 *              [--lan=198.51.100.0/24] [--hosts=N] [--ping=A.B.C.D]
 *              [--personality=P] [--duration=S] [--pcap] [--outdir=D]
 */
#include "ns3/bsd-app-helper.h"
#include "ns3/bsd-emu-helper.h"
#include "ns3/bsd-ping.h"
#include "ns3/bsd-stack-helper.h"
#include "ns3/bsd-study.h"
#include "ns3/core-module.h"
#include "ns3/csma-helper.h"
#include "ns3/fd-net-device-module.h"
#include "ns3/network-module.h"

#include <arpa/inet.h>
#include <fstream>
#include <cstdlib>
#include <iostream>

using namespace ns3;

namespace
{

const char* g_usage =
    "A simulated BSD LAN joined to a real interface through a BSD router,\n"
    "in real time.  Needs root (a packet socket); the interface must be up\n"
    "and in promiscuous mode.  Try it against Linux in a network namespace\n"
    "(test addresses only: 192.0.2.0/24 on the link, 198.51.100.0/24 behind\n"
    "the router):\n"
    "\n"
    "  ip netns add bsdlab\n"
    "  ip link add bsd-veth type veth peer name lab-veth\n"
    "  ip link set lab-veth netns bsdlab\n"
    "  ip link set bsd-veth arp off up promisc on  # this host's stack keeps off\n"
    "  sysctl -w net.ipv6.conf.bsd-veth.disable_ipv6=1\n"
    "  ip netns exec bsdlab ip link set lo up\n"
    "  ip netns exec bsdlab ip addr add 192.0.2.1/24 dev lab-veth\n"
    "  ip netns exec bsdlab ip link set lab-veth up\n"
    "  ip netns exec bsdlab ethtool -K lab-veth tx off  # real UDP checksums\n"
    "  ip netns exec bsdlab ip route add 198.51.100.0/24 via 192.0.2.2\n"
    "  bsdnet-emu --interface=bsd-veth --gateway=192.0.2.1 --ping=192.0.2.1 &\n"
    "  ip netns exec bsdlab ping -c 5 198.51.100.2\n"
    "  ip netns exec bsdlab ip neigh         # the router's Ethernet address\n"
    "  ip netns del bsdlab                   # removes the veth pair too\n"
    "\n"
    "The router's table is printed at the end (netstat -rn), with the\n"
    "hosts' ping statistics.";

/// A dotted quad?
bool
IsAddress(const std::string& a)
{
    struct in_addr in;
    return inet_pton(AF_INET, a.c_str(), &in) == 1;
}

bool ParseCidr(const std::string& cidr, Ipv4Address* addr, Ipv4Mask* mask);

/// "a.b.c.d/n" with n from 8 to 30?
bool
IsCidr(const std::string& cidr)
{
    Ipv4Address a;
    Ipv4Mask m;
    return ParseCidr(cidr, &a, &m);
}

/// "a.b.c.d/n" into address and mask; false on a typo.
bool
ParseCidr(const std::string& cidr, Ipv4Address* addr, Ipv4Mask* mask)
{
    size_t slash = cidr.find('/');
    if (slash == std::string::npos)
    {
        return false;
    }
    std::string a = cidr.substr(0, slash);
    std::string n = cidr.substr(slash + 1);
    if (n.empty() || n.size() > 2 || n.find_first_not_of("0123456789") != std::string::npos)
    {
        return false;
    }
    int plen = std::atoi(n.c_str());
    if (plen < 8 || plen > 30 || !IsAddress(a))
    {
        return false;
    }
    *addr = Ipv4Address(a.c_str());
    *mask = Ipv4Mask(("/" + std::to_string(plen)).c_str());
    return true;
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string iface;
    std::string address = "192.0.2.2/24";
    std::string gateway;
    std::string lan = "198.51.100.0/24";
    std::string ping;
    std::string personality = "netbsd-2";
    int64_t nHosts = 2;
    double duration = 30;

    // The studies' flags: every value checked before ns-3 sees any, a bad
    // one named with what is allowed (exit 2).
    BsdStudy study("bsdnet-emu", g_usage);
    study.SetSharedOutdir(".",
                          "Outputs in --outdir, with --pcap: bsdnet-emu-real-*.pcap (the "
                          "router's real leg) and bsdnet-emu-lan-*.pcap.");
    study.AddTextFlag("interface",
                      "the real interface (required), e.g. bsd-veth",
                      &iface,
                      "an interface name of 1 to 15 characters",
                      [](const std::string& v) { return v.size() <= 15 && v.find('/') == std::string::npos; },
                      true);
    study.AddTextFlag("address",
                      "the router's address on it, CIDR",
                      &address,
                      "a.b.c.d/n, n from 8 to 30",
                      IsCidr);
    study.AddTextFlag("gateway",
                      "default route of the router (empty: none)",
                      &gateway,
                      "an IPv4 address",
                      IsAddress,
                      true);
    study.AddTextFlag("lan",
                      "the simulated LAN behind the router, CIDR (router: .1)",
                      &lan,
                      "a.b.c.d/n, n from 8 to 30",
                      IsCidr);
    study.AddFlag("hosts", "BSD hosts on the simulated LAN", &nHosts, 1, 50, "hosts");
    study.AddTextFlag("ping",
                      "an address every host pings, once a second (empty: none)",
                      &ping,
                      "an IPv4 address",
                      IsAddress,
                      true);
    study.AddPersonalityFlag("every kernel's personality", &personality);
    study.AddFlag("duration", "real seconds to run", &duration, 1, 3600, "s");
    study.Parse(argc, argv);
    study.Require(!iface.empty(), "interface", "an interface name of 1 to 15 characters");
    // Linux lists its interfaces in sysfs (<net/if.h> would clash with
    // the core's BSD names).
    study.Require(std::ifstream("/sys/class/net/" + iface + "/ifindex").good(),
                  "interface",
                  "the name of an interface of this host (ip link)");
    study.AddOutputPattern("bsdnet-emu-*");
    auto hosts = static_cast<uint32_t>(nHosts);
    bool pcap = study.GetPcap();
    std::string outdir = study.GetOutdir();

    Ipv4Address addr;
    Ipv4Mask mask;
    Ipv4Address lanNet;
    Ipv4Mask lanMask;
    ParseCidr(address, &addr, &mask);
    ParseCidr(lan, &lanNet, &lanMask);

    // Real time, and checksums on the wire: the other side is a real kernel.
    GlobalValue::Bind("SimulatorImplementationType", StringValue("ns3::RealtimeSimulatorImpl"));
    GlobalValue::Bind("ChecksumEnabled", BooleanValue(true));

    Ptr<Node> router = CreateObject<Node>();
    NodeContainer lanHosts;
    lanHosts.Create(hosts);

    // Devices first: BsdStackHelper::Install makes each an interface.
    // The real leg: an FdNetDevice on the interface, with a locally
    // administered Ethernet address of its own.
    BsdEmuHelper emu;
    emu.SetDeviceName(iface);
    NetDeviceContainer real = emu.Install(router);
    real.Get(0)->SetAddress(Mac48Address("02:bd:00:00:00:01"));
    // The simulated LAN: the router at .1, hosts from .2.
    NodeContainer lanAll(router, lanHosts);
    CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", StringValue("100Mbps"));
    NetDeviceContainer lanDevs = csma.Install(lanAll);

    BsdStackHelper stack;
    stack.SetPersonality(personality);
    stack.SetAttribute("IpForwarding", BooleanValue(true));
    stack.Install(router);
    BsdStackHelper hostStack;
    hostStack.SetPersonality(personality);
    hostStack.Install(lanHosts);

    Ptr<BsdKernel> rk = router->GetObject<BsdKernel>();
    study.Require(rk->AddAddress(rk->GetInterfaceIndex(real.Get(0)), addr, mask) == 0,
                  "address",
                  "an address the router can take");
    study.Require(gateway.empty() || rk->SetDefaultRoute(Ipv4Address(gateway.c_str())) == 0,
                  "gateway",
                  "an address on --address's subnet");
    BsdStackHelper::Assign(lanDevs, lan);
    Ipv4Address routerLan(lanNet.Get() + 1);
    for (uint32_t i = 0; i < hosts; i++)
    {
        BsdStackHelper::SetDefaultRoute(lanHosts.Get(i), routerLan);
    }

    ApplicationContainer pings;
    if (!ping.empty())
    {
        BsdAppHelper p("ns3::BsdPing");
        p.SetAttribute("Remote", Ipv4AddressValue(Ipv4Address(ping.c_str())));
        pings = p.Install(lanHosts);
        pings.Start(Seconds(1));
        pings.Stop(Seconds(duration));
    }
    if (pcap)
    {
        emu.EnablePcap(outdir + "/bsdnet-emu-real", real.Get(0), true);
        csma.EnablePcap(outdir + "/bsdnet-emu-lan", lanDevs.Get(0), true);
    }

    Ptr<OutputStreamWrapper> out = Create<OutputStreamWrapper>(&std::cout);
    BsdStackHelper::PrintRoutingTableAt(Seconds(duration), router, out);
    std::cout << "bsdnet-emu: router " << addr << " on " << iface << " (02:bd:00:00:00:01), LAN "
              << lan << " with " << hosts << " hosts, for " << duration << " s" << std::endl;
    Simulator::Stop(Seconds(duration));
    Simulator::Run();
    for (uint32_t i = 0; i < pings.GetN(); i++)
    {
        BsdAppHelper::PrintPingStatistics(DynamicCast<BsdPing>(pings.Get(i)), std::cout);
    }
    Simulator::Destroy();
    study.MarkComplete(); // the pcaps move into --outdir
    return 0;
}
