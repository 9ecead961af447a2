/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * bsdnet-fd-pair: BsdKernel on ns-3's FdNetDevice, without root.  Two BSD
 * hosts, each with an FdNetDevice on one end of a Unix datagram socket
 * pair (one datagram, one Ethernet frame), in real time: A pings B three
 * times and sends B a 3000-octet UDP datagram (two fragments).  Exits 0
 * when every echo was answered and B reassembled the datagram, 1 naming
 * what failed.  (test/emu/linux-interop.sh does the same against Linux,
 * as root.)
 */
#include "ns3/bsd-app-helper.h"
#include "ns3/bsd-ping.h"
#include "ns3/bsd-stack-helper.h"
#include "ns3/core-module.h"
#include "ns3/fd-net-device-module.h"
#include "ns3/network-module.h"

#include <iostream>
#include <sys/socket.h>

using namespace ns3;

namespace
{

uint32_t g_udp3000 = 0; //!< 3000-octet datagrams B received

void
OnUdp(uint32_t len, Ipv4Address from)
{
    (void)from;
    if (len == 3000)
    {
        g_udp3000++;
    }
}

} // namespace

int
main(int argc, char* argv[])
{
    CommandLine cmd(__FILE__);
    cmd.Parse(argc, argv);

    GlobalValue::Bind("SimulatorImplementationType", StringValue("ns3::RealtimeSimulatorImpl"));
    GlobalValue::Bind("ChecksumEnabled", BooleanValue(true));

    int sv[2];
    if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) != 0)
    {
        std::cerr << "bsdnet-fd-pair: FAIL: socketpair" << std::endl;
        return 1;
    }
    NodeContainer hosts;
    hosts.Create(2);
    FdNetDeviceHelper fd;
    NetDeviceContainer devs = fd.Install(hosts);
    for (uint32_t i = 0; i < 2; i++)
    {
        Ptr<FdNetDevice> d = DynamicCast<FdNetDevice>(devs.Get(i));
        d->SetFileDescriptor(sv[i]);
        d->SetAddress(Mac48Address(i == 0 ? "02:bd:00:00:02:01" : "02:bd:00:00:02:02"));
    }
    BsdStackHelper stack;
    stack.SetPersonality("netbsd-2");
    stack.Install(hosts);
    BsdStackHelper::Assign(devs, "198.51.100.0/24");

    BsdAppHelper ping("ns3::BsdPing");
    ping.SetAttribute("Remote", Ipv4AddressValue("198.51.100.2"));
    ping.SetAttribute("Count", UintegerValue(3));
    ping.SetAttribute("Interval", TimeValue(MilliSeconds(200)));
    ApplicationContainer p = ping.Install(hosts.Get(0));
    p.Start(Seconds(0.2));

    BsdAppHelper sink("ns3::BsdUdpSink");
    sink.SetAttribute("Port", UintegerValue(9001));
    ApplicationContainer s = sink.Install(hosts.Get(1));
    s.Get(0)->TraceConnectWithoutContext("Rx", MakeCallback(&OnUdp));
    BsdAppHelper udp("ns3::BsdUdpSource");
    udp.SetAttribute("Prefix", Ipv4AddressValue("198.51.100.2"));
    udp.SetAttribute("PrefixLength", UintegerValue(32));
    udp.SetAttribute("Destinations", UintegerValue(1));
    udp.SetAttribute("Port", UintegerValue(9001));
    udp.SetAttribute("PacketSize", UintegerValue(3000));
    udp.SetAttribute("MaxPackets", UintegerValue(1));
    udp.Install(hosts.Get(0)).Start(Seconds(0.5));

    // Replies are due by 1 s; the rest is slack for a busy machine.
    Simulator::Stop(Seconds(3));
    Simulator::Run();
    Ptr<BsdPing> pp = DynamicCast<BsdPing>(p.Get(0));
    BsdAppHelper::PrintPingStatistics(pp, std::cout);
    uint32_t received = pp->GetReceived();
    Simulator::Destroy();

    int fails = 0;
    if (received != 3)
    {
        std::cout << "bsdnet-fd-pair: FAIL: " << received << " of 3 echo replies over FdNetDevice"
                  << std::endl;
        fails++;
    }
    if (g_udp3000 != 1)
    {
        std::cout << "bsdnet-fd-pair: FAIL: B reassembled " << g_udp3000
                  << " 3000-octet datagrams over FdNetDevice, not 1" << std::endl;
        fails++;
    }
    if (fails == 0)
    {
        std::cout << "bsdnet-fd-pair: passed: 3 of 3 echoes, one 3000-octet datagram" << std::endl;
    }
    return fails == 0 ? 0 : 1;
}
