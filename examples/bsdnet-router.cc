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

#include <algorithm>
#include <iostream>
#include <map>

using namespace ns3;

namespace
{

ApplicationContainer g_pings; //!< every ping, for the statistics

/// Echo requests and replies lost on the air, by ICMP identifier (one per ping).
struct AirLoss
{
    uint32_t requests = 0; //!< requests lost before the router or the target
    uint32_t replies = 0;  //!< replies lost before the router or the pinger
};

std::map<uint16_t, AirLoss> g_airLoss;                              //!< by echo identifier
std::map<std::pair<uint32_t, std::string>, uint64_t> g_kernelDrops; //!< by node and reason

/**
 * \brief PhyRxDrop of an AX.25 device: a frame a collision (two stations
 * keying up in the same slot) or half duplex took.  Counted against its
 * ping if it carried an echo request or reply to this device's node.
 * \param addrs the node's IPv4 addresses on the channel (host order)
 * \param frame the AX.25 UI frame as sent
 */
void
OnAx25Lost(std::vector<uint32_t>* addrs, Ptr<const Packet> frame)
{
    std::vector<uint8_t> b(frame->GetSize());
    frame->CopyData(b.data(), b.size());
    // Address fields of 7 octets until one ends with its low bit set,
    // then control and PID (0xcc: IP).
    size_t off = 0;
    while (off + 7 <= b.size() && !(b[off + 6] & 1))
    {
        off += 7;
    }
    off += 7;
    if (off + 2 + 20 + 8 > b.size() || b[off + 1] != 0xcc)
    {
        return;
    }
    const uint8_t* ip = &b[off + 2];
    size_t ihl = (ip[0] & 0x0f) * 4u;
    uint32_t dst =
        (uint32_t(ip[16]) << 24) | (uint32_t(ip[17]) << 16) | (uint32_t(ip[18]) << 8) | ip[19];
    bool toThisNode = std::find(addrs->begin(), addrs->end(), dst) != addrs->end();
    // A frame for another net is for the router, which forwards it.
    bool forwarded = (dst & 0xffffff00) != 0x0a010400;
    if (ip[9] != 1 || off + 2 + ihl + 8 > b.size() ||
        !(toThisNode || (forwarded && addrs->size() > 1)))
    {
        return;
    }
    const uint8_t* icmp = ip + ihl;
    auto id = static_cast<uint16_t>((icmp[4] << 8) | icmp[5]);
    if (icmp[0] == 8)
    {
        g_airLoss[id].requests++;
    }
    else if (icmp[0] == 0)
    {
        g_airLoss[id].replies++;
    }
}

/**
 * \brief A kernel's Drop trace.
 * \param node the node's id
 * \param reason why
 */
void
OnKernelDrop(uint32_t node, const std::string& reason)
{
    g_kernelDrops[{node, reason}]++;
}

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
        BsdStackHelper::AddAddress(all[n].Get(0), std::string(nets[n]).replace(7, 4, "254/24"));
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

    // What took the lost pings: collisions on the AX.25 channel (UI frames
    // are never retransmitted), or a kernel's drop (a full queue, an ARP
    // entry's one held packet replaced, as BSD's la_hold).
    std::vector<std::vector<uint32_t>> axAddrs(axDevs.GetN());
    axAddrs[0] = {0x0a0104fe, 0}; // the router: its address, and it forwards
    for (uint32_t i = 1; i < axDevs.GetN(); i++)
    {
        axAddrs[i] = {0x0a010400 + i};
    }
    for (uint32_t i = 0; i < axDevs.GetN(); i++)
    {
        axDevs.Get(i)->TraceConnectWithoutContext("PhyRxDrop",
                                                  MakeBoundCallback(&OnAx25Lost, &axAddrs[i]));
    }
    NodeContainer everyone(NodeContainer(router), hosts);
    for (uint32_t i = 0; i < everyone.GetN(); i++)
    {
        everyone.Get(i)->GetObject<BsdKernel>()->TraceConnectWithoutContext(
            "Drop",
            MakeBoundCallback(&OnKernelDrop, everyone.Get(i)->GetId()));
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
    // Why each lossy pair lost what it lost.
    std::cout << "--- losses ---\n";
    uint32_t lostAll = 0;
    uint32_t onAir = 0;
    for (uint32_t i = 0; i < pings.GetN(); i++)
    {
        Ptr<BsdPing> ping = DynamicCast<BsdPing>(pings.Get(i));
        uint32_t lost = ping->GetSent() - std::min(ping->GetSent(), ping->GetReceived());
        if (lost == 0)
        {
            continue;
        }
        Ipv4Address from = hostAddrs[i / (hosts.GetN() - 1)];
        AirLoss air = g_airLoss[ping->GetIdentifier()];
        std::cout << from << " -> " << ping->GetRemote() << ": " << lost << " of "
                  << ping->GetSent() << " lost; AX.25 collisions took " << air.requests
                  << " request(s) and " << air.replies << " reply(ies)";
        if (air.requests + air.replies < lost)
        {
            std::cout << "; " << lost - air.requests - air.replies
                      << " dropped by a kernel (below)";
        }
        std::cout << "\n";
        lostAll += lost;
        onAir += std::min(lost, air.requests + air.replies);
    }
    std::cout << lostAll << " pings lost, " << onAir
              << " to collisions on the AX.25 channel: p-persistent CSMA lets two "
                 "stations key up in the same slot, and IP rides unacknowledged UI "
                 "frames that nothing retransmits\n";
    for (const auto& d : g_kernelDrops)
    {
        std::cout << "kernel drops on node " << d.first.first << ": " << d.first.second << " "
                  << d.second
                  << (d.first.second == "arp-replaced"
                          ? " (BSD's la_hold keeps one packet per unresolved ARP entry: "
                            "the next one frees it)"
                          : "")
                  << "\n";
    }
    Simulator::Destroy();
    study.MarkComplete(); // the pcaps move into --outdir as study goes
    return 0;
}
