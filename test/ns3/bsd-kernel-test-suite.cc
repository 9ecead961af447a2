/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * BsdKernel on ns-3 nodes: interoperation with ns-3's own internet stack
 * over CSMA, a bsdnet router between native LANs, and attributes that
 * reach the C core.
 */
#include "ns3/bsd-kernel.h"
#include "ns3/bsd-stack-helper.h"
#include "ns3/core-module.h"
#include "ns3/csma-helper.h"
#include "ns3/inet-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/network-module.h"
#include "ns3/test.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/v4ping-helper.h"

#include <cerrno>

using namespace ns3;

namespace
{

/// A LAN of n CSMA nodes, the first `native` with ns-3's stack, the rest bsdnet.
struct Lan
{
    NodeContainer nodes;
    NetDeviceContainer devs;

    Lan(uint32_t native, uint32_t bsd, const std::string& personality = "netbsd-1.5")
    {
        // ns-3's stack writes no checksums unless told to; BSD drops those.
        GlobalValue::Bind("ChecksumEnabled", BooleanValue(true));
        nodes.Create(native + bsd);
        CsmaHelper csma;
        csma.SetChannelAttribute("DataRate", StringValue("100Mbps"));
        csma.SetChannelAttribute("Delay", TimeValue(MicroSeconds(5)));
        devs = csma.Install(nodes);
        NodeContainer nat;
        NodeContainer bsdn;
        for (uint32_t i = 0; i < native + bsd; i++)
        {
            (i < native ? nat : bsdn).Add(nodes.Get(i));
        }
        if (native > 0)
        {
            InternetStackHelper inet;
            inet.Install(nat);
        }
        BsdStackHelper stack;
        stack.SetPersonality(personality);
        stack.Install(bsdn);
        for (uint32_t i = 0; i < native + bsd; i++)
        {
            std::string a = "10.1.1." + std::to_string(i + 1);
            if (i < native)
            {
                Ptr<Ipv4> ip = nodes.Get(i)->GetObject<Ipv4>();
                int32_t ifi = ip->AddInterface(devs.Get(i));
                ip->AddAddress(ifi, Ipv4InterfaceAddress(Ipv4Address(a.c_str()), "255.255.255.0"));
                ip->SetUp(ifi);
            }
            else
            {
                BsdStackHelper::AddAddress(devs.Get(i), a + "/24");
            }
        }
    }
};

/// Counts echo replies a bsdnet node hears.
void
CountReply(uint32_t* n, const struct bsd_icmp_notice* notice)
{
    if (notice->in_type == BSD_ICMP_ECHOREPLY)
    {
        (*n)++;
    }
}

void
CountArpRequest(uint32_t* n, const std::string& event)
{
    if (event == "request")
    {
        (*n)++;
    }
}

void
CountRtt(uint32_t* n, Time rtt)
{
    (void)rtt;
    (*n)++;
}

void
SendEcho(Ptr<BsdKernel> k, Ipv4Address dst, uint16_t seq)
{
    bsd_icmp_echo(k->GetCore(), bsd_htonl(dst.Get()), 77, seq, 56);
}

void
BsdUdpCount(void* arg,
            struct bsd_inpcb* inp,
            const uint8_t* data,
            size_t len,
            uint32_t faddr,
            uint16_t fport)
{
    (void)inp;
    (void)data;
    (void)len;
    (void)faddr;
    (void)fport;
    (*static_cast<uint32_t*>(arg))++;
}

void
BsdUdpSend(Ptr<BsdKernel> k, struct bsd_inpcb* so, Ipv4Address dst, uint16_t port)
{
    const char msg[] = "hello from bsdnet";
    bsd_udp_sendto(k->GetCore(), so, msg, sizeof(msg), bsd_htonl(dst.Get()), bsd_htons(port));
}

void
NativeRecv(uint32_t* n, Ptr<Socket> s)
{
    while (s->Recv())
    {
        (*n)++;
    }
}

void
NativeSend(Ptr<Socket> s, Ipv4Address dst, uint16_t port)
{
    s->SendTo(Create<Packet>(100), 0, InetSocketAddress(dst, port));
}

} // namespace

/// ns-3's native stack pings a bsdnet node, and the other way round.
class InteropPingTestCase : public TestCase
{
  public:
    InteropPingTestCase()
        : TestCase("ping both ways between a native node and a bsdnet node on CSMA")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(1, 1);
        Ptr<BsdKernel> k = lan.nodes.Get(1)->GetObject<BsdKernel>();
        uint32_t bsdReplies = 0;
        uint32_t nativeReplies = 0;
        k->TraceConnectWithoutContext("IcmpNotice", MakeBoundCallback(&CountReply, &bsdReplies));
        V4PingHelper ping(Ipv4Address("10.1.1.2"));
        ping.SetAttribute("Interval", TimeValue(Seconds(1)));
        ApplicationContainer app = ping.Install(lan.nodes.Get(0));
        app.Start(Seconds(1));
        app.Stop(Seconds(5.5));
        app.Get(0)->TraceConnectWithoutContext("Rtt", MakeBoundCallback(&CountRtt, &nativeReplies));
        for (uint16_t s = 0; s < 5; s++)
        {
            Simulator::Schedule(Seconds(1.5 + s), &SendEcho, k, Ipv4Address("10.1.1.1"), s);
        }
        Simulator::Stop(Seconds(7));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(nativeReplies, 5, "native V4Ping got no replies from bsdnet");
        NS_TEST_ASSERT_MSG_EQ(bsdReplies, 5, "bsdnet's echo requests got no native replies");
        // bsdnet learned the native host's MAC through ARP.
        NS_TEST_ASSERT_MSG_EQ(k->GetRouteCount(BSD_RTK_ARP), 1, "no ARP entry for the native host");
        Simulator::Destroy();
    }
};

/// UDP both ways between a native node and a bsdnet node.
class InteropUdpTestCase : public TestCase
{
  public:
    InteropUdpTestCase()
        : TestCase("UDP both ways between a native node and a bsdnet node on CSMA")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(1, 1);
        Ptr<BsdKernel> k = lan.nodes.Get(1)->GetObject<BsdKernel>();
        uint32_t atBsd = 0;
        uint32_t atNative = 0;
        struct bsd_inpcb* so = bsd_udp_socket(k->GetCore(), &BsdUdpCount, &atBsd);
        NS_TEST_ASSERT_MSG_EQ(bsd_udp_bind(k->GetCore(), so, 0, bsd_htons(7000)), 0, "bind");
        Ptr<Socket> ns = Socket::CreateSocket(lan.nodes.Get(0), UdpSocketFactory::GetTypeId());
        ns->Bind(InetSocketAddress(Ipv4Address::GetAny(), 8000));
        ns->SetRecvCallback(MakeBoundCallback(&NativeRecv, &atNative));
        for (int i = 0; i < 10; i++)
        {
            Simulator::Schedule(Seconds(1 + 0.1 * i),
                                &NativeSend,
                                ns,
                                Ipv4Address("10.1.1.2"),
                                7000);
            Simulator::Schedule(Seconds(2 + 0.1 * i),
                                &BsdUdpSend,
                                k,
                                so,
                                Ipv4Address("10.1.1.1"),
                                8000);
        }
        Simulator::Stop(Seconds(4));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(atBsd, 10, "native -> bsdnet UDP lost");
        NS_TEST_ASSERT_MSG_EQ(atNative, 10, "bsdnet -> native UDP lost");
        Simulator::Destroy();
    }
};

/// A bsdnet router joins two native LANs.
class InteropRouterTestCase : public TestCase
{
  public:
    InteropRouterTestCase()
        : TestCase("a bsdnet router forwards between two native LANs")
    {
    }

  private:
    void DoRun() override
    {
        GlobalValue::Bind("ChecksumEnabled", BooleanValue(true));
        NodeContainer a;
        NodeContainer b;
        NodeContainer r;
        a.Create(1);
        b.Create(1);
        r.Create(1);
        CsmaHelper csma;
        NetDeviceContainer lan1 = csma.Install(NodeContainer(a, r));
        NetDeviceContainer lan2 = csma.Install(NodeContainer(r, b));
        InternetStackHelper inet;
        inet.Install(NodeContainer(a, b));
        BsdStackHelper stack;
        stack.SetAttribute("IpForwarding", BooleanValue(true));
        stack.Install(r);
        BsdStackHelper::AddAddress(lan1.Get(1), "10.1.1.254/24");
        BsdStackHelper::AddAddress(lan2.Get(0), "10.1.2.254/24");
        Ipv4AddressHelper addr;
        addr.SetBase("10.1.1.0", "255.255.255.0");
        addr.Assign(NetDeviceContainer(lan1.Get(0)));
        addr.SetBase("10.1.2.0", "255.255.255.0");
        addr.Assign(NetDeviceContainer(lan2.Get(1)));
        Ipv4StaticRoutingHelper srh;
        srh.GetStaticRouting(a.Get(0)->GetObject<Ipv4>())
            ->SetDefaultRoute(Ipv4Address("10.1.1.254"), 1);
        srh.GetStaticRouting(b.Get(0)->GetObject<Ipv4>())
            ->SetDefaultRoute(Ipv4Address("10.1.2.254"), 1);
        uint32_t replies = 0;
        V4PingHelper ping(Ipv4Address("10.1.2.1"));
        ApplicationContainer app = ping.Install(a.Get(0));
        app.Start(Seconds(1));
        app.Stop(Seconds(4.5));
        app.Get(0)->TraceConnectWithoutContext("Rtt", MakeBoundCallback(&CountRtt, &replies));
        Simulator::Stop(Seconds(6));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(replies, 4, "pings through the bsdnet router were lost");
        Ptr<BsdKernel> k = r.Get(0)->GetObject<BsdKernel>();
        NS_TEST_ASSERT_MSG_GT(k->GetCore()->k_ip.is_stat.ips_forward, 7, "router forwarded nothing");
        Simulator::Destroy();
    }
};

/// Attributes reach the C core and change what it does.
class AttributesTestCase : public TestCase
{
  public:
    AttributesTestCase()
        : TestCase("BsdKernel attributes reach the C core, group by group")
    {
    }

  private:
    void DoRun() override
    {
        // Personality, and one switch alone on top of it.
        {
            Ptr<BsdKernel> k = CreateObject<BsdKernel>();
            k->SetAttribute("Personality", StringValue("freebsd-4"));
            NS_TEST_ASSERT_MSG_EQ(std::string(k->GetCore()->k_pers.p_name),
                                  "freebsd-4",
                                  "Personality did not reach the core");
            Ptr<BsdKernel> k2 = CreateObject<BsdKernel>();
            k2->SetAttribute("PcbClone", StringValue("1"));
            NS_TEST_ASSERT_MSG_EQ(k2->GetCore()->k_pers.p_pcbclone, 1, "PcbClone lost");
            NS_TEST_ASSERT_MSG_EQ(k2->GetCore()->k_pers.p_aging,
                                  BSD_AGE_RTTIMER,
                                  "other switches must keep netbsd-1.5's values");
        }
        // Timers: a redirect route lives RedirTimeout seconds.
        {
            Lan lan(0, 2);
            Ptr<BsdKernel> k = lan.nodes.Get(0)->GetObject<BsdKernel>();
            k->SetAttribute("RedirTimeout", StringValue("60"));
            NS_TEST_ASSERT_MSG_EQ(k->GetCore()->k_pers.p_tun.redirtimeout, 60, "RedirTimeout");
            BsdStackHelper::SetDefaultRoute(lan.nodes.Get(0), Ipv4Address("10.1.1.2"));
            bsd_icmp_redirect(k->GetCore(),
                              bsd_htonl(Ipv4Address("198.18.0.1").Get()),
                              bsd_htonl(Ipv4Address("10.1.1.9").Get()),
                              bsd_htonl(Ipv4Address("10.1.1.2").Get()));
            NS_TEST_ASSERT_MSG_EQ(k->GetRouteCount(BSD_RTK_REDIRECT), 1, "no redirect route");
            Simulator::Stop(Seconds(63));
            Simulator::Run();
            NS_TEST_ASSERT_MSG_EQ(k->GetRouteCount(BSD_RTK_REDIRECT),
                                  0,
                                  "redirect route outlived RedirTimeout=60");
            Simulator::Destroy();
        }
        // Watermarks: RedirectHiwat caps the redirect routes (KAME: > hiwat).
        {
            Lan lan(0, 2);
            Ptr<BsdKernel> k = lan.nodes.Get(0)->GetObject<BsdKernel>();
            k->SetAttribute("RedirectHiwat", StringValue("10"));
            k->SetAttribute("RedirectLowat", StringValue("5"));
            BsdStackHelper::SetDefaultRoute(lan.nodes.Get(0), Ipv4Address("10.1.1.2"));
            for (uint32_t i = 0; i < 50; i++)
            {
                bsd_icmp_redirect(k->GetCore(),
                                  bsd_htonl(Ipv4Address("198.18.0.0").Get() + i),
                                  bsd_htonl(Ipv4Address("10.1.1.9").Get()),
                                  bsd_htonl(Ipv4Address("10.1.1.2").Get()));
            }
            NS_TEST_ASSERT_MSG_EQ(k->GetRouteCount(BSD_RTK_REDIRECT),
                                  11,
                                  "RedirectHiwat=10 did not hold the redirect routes");
            Simulator::Destroy();
        }
        // ARP: ArpMaxTries requests, then RTF_REJECT.
        {
            Lan lan(0, 2);
            Ptr<BsdKernel> k = lan.nodes.Get(0)->GetObject<BsdKernel>();
            k->SetAttribute("ArpMaxTries", StringValue("2"));
            uint32_t requests = 0;
            k->TraceConnectWithoutContext("Arp", MakeBoundCallback(&CountArpRequest, &requests));
            for (int t = 0; t < 10; t++)
            {
                // After the first sweep (1 s), once a second to nobody.
                Simulator::Schedule(Seconds(1.5 + t), &SendEcho, k, Ipv4Address("10.1.1.77"), t);
            }
            Simulator::Stop(Seconds(12));
            Simulator::Run();
            NS_TEST_ASSERT_MSG_EQ(requests, 2, "ArpMaxTries=2 did not stop the requests at 2");
            Simulator::Destroy();
        }
        // The memory budget's limit.
        {
            Ptr<BsdKernel> k = CreateObject<BsdKernel>();
            k->SetAttribute("MemoryLimit", StringValue("4096"));
            NS_TEST_ASSERT_MSG_EQ(k->GetCore()->k_mem.mb_limit, 4096, "MemoryLimit");
        }
        // A bad value is refused with the range (checked without dying).
        {
            Ptr<BsdKernel> k = CreateObject<BsdKernel>();
            std::string why;
            NS_TEST_ASSERT_MSG_EQ(k->SetKnob("flushclones", "7", &why), ERANGE, "range check");
            NS_TEST_ASSERT_MSG_EQ(why, "0 or 1", "range text");
        }
    }
};

/// The memory budget bites: clones stop, the table stops growing.
class MemoryLimitTestCase : public TestCase
{
  public:
    MemoryLimitTestCase()
        : TestCase("MemoryLimit stops ARP clones on a real LAN")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(0, 2, "netbsd-2");
        Ptr<BsdKernel> k = lan.nodes.Get(0)->GetObject<BsdKernel>();
        uint64_t used = k->GetMemoryUsed();
        // Room for three ARP entries (224 bytes each, i386) and nothing more.
        k->SetAttribute("MemoryLimit", StringValue(std::to_string(used + 3 * 224)));
        for (int i = 0; i < 10; i++)
        {
            Simulator::Schedule(Seconds(1 + 0.01 * i),
                                &SendEcho,
                                k,
                                Ipv4Address(("10.1.1." + std::to_string(100 + i)).c_str()),
                                i);
        }
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(k->GetRouteCount(BSD_RTK_ARP), 3, "budget did not cap ARP entries");
        NS_TEST_ASSERT_MSG_GT(k->GetDropCount(), 0, "no drop reported for the refused clones");
        Simulator::Destroy();
    }
};

/// A disposed BsdKernel has no C kernel and does not boot a new one.
class DisposeTestCase : public TestCase
{
  public:
    DisposeTestCase()
        : TestCase("after Dispose, GetCore() is null and nothing is booted again")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(0, 2);
        Ptr<BsdKernel> k = lan.nodes.Get(0)->GetObject<BsdKernel>();
        NS_TEST_ASSERT_MSG_NE(k->GetCore(), nullptr, "a live kernel has its core");
        Simulator::Stop(Seconds(1));
        Simulator::Run();
        Simulator::Destroy(); // disposes the nodes, their kernels with them
        NS_TEST_ASSERT_MSG_EQ(k->GetCore(), nullptr, "the core went with Dispose");
        NS_TEST_ASSERT_MSG_EQ(k->GetCore(), nullptr, "and asking did not boot a new one");
    }
};

/// The suite.
class BsdKernelTestSuite : public TestSuite
{
  public:
    BsdKernelTestSuite()
        : TestSuite("bsd-kernel", UNIT)
    {
        AddTestCase(new InteropPingTestCase, TestCase::QUICK);
        AddTestCase(new InteropUdpTestCase, TestCase::QUICK);
        AddTestCase(new InteropRouterTestCase, TestCase::QUICK);
        AddTestCase(new AttributesTestCase, TestCase::QUICK);
        AddTestCase(new MemoryLimitTestCase, TestCase::QUICK);
        AddTestCase(new DisposeTestCase, TestCase::QUICK);
    }
};

static BsdKernelTestSuite g_bsdKernelTestSuite; //!< static instance
