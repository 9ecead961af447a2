/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * An out-of-tree program against an installed bsdnet (test/install/run.sh):
 * it includes only the installed headers and links bsdnet::bsdnet or
 * pkg-config's flags.  Two BSD hosts on an Ethernet, one pings the
 * other; the routing table (with its ARP entry) is printed at the end.
 */
#include "ns3/bsd-app-helper.h"
#include "ns3/bsd-ping.h"
#include "ns3/bsd-stack-helper.h"
#include "ns3/core-module.h"
#include "ns3/csma-helper.h"
#include "ns3/network-module.h"

#include <iostream>

using namespace ns3;

int
main(int argc, char* argv[])
{
    std::string personality = "netbsd-2";
    CommandLine cmd(__FILE__);
    cmd.AddValue("personality", "netbsd-1.5, bsdos-4, freebsd-4 or netbsd-2", personality);
    cmd.Parse(argc, argv);

    NodeContainer hosts;
    hosts.Create(2);
    CsmaHelper csma;
    NetDeviceContainer devices = csma.Install(hosts);

    BsdStackHelper stack;
    stack.SetPersonality(personality);
    stack.Install(hosts);
    BsdStackHelper::Assign(devices, "10.1.1.0/24"); // 10.1.1.1, 10.1.1.2

    BsdAppHelper ping("ns3::BsdPing");
    ping.SetAttribute("Remote", Ipv4AddressValue("10.1.1.2"));
    ping.SetAttribute("Count", UintegerValue(3));
    ApplicationContainer apps = ping.Install(hosts.Get(0));
    apps.Start(Seconds(1));

    BsdStackHelper::PrintRoutingTableAt(Seconds(5),
                                        hosts.Get(0),
                                        Create<OutputStreamWrapper>(&std::cout));
    Simulator::Stop(Seconds(5));
    Simulator::Run();
    Ptr<BsdPing> p = DynamicCast<BsdPing>(apps.Get(0));
    BsdAppHelper::PrintPingStatistics(p, std::cout);
    Simulator::Destroy();
    return p->GetReceived() == 3 ? 0 : 1;
}
