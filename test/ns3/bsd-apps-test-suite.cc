/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * bsdnet's applications on an Ethernet LAN (CsmaHelper) of BSD hosts:
 * ping, a UDP flow, the local DoS of seed 004 (5) under each personality,
 * forged redirects and need-fragmentation messages, an ARP scan (RFC 826,
 * seed 002), and that a run repeats itself.
 */
#include "ns3/boolean.h"
#include "ns3/bsd-app-helper.h"
#include "ns3/bsd-arp-scanner.h"
#include "ns3/bsd-icmp-forger.h"
#include "ns3/bsd-kernel.h"
#include "ns3/bsd-ping.h"
#include "ns3/bsd-stack-helper.h"
#include "ns3/bsd-udp-sink.h"
#include "ns3/bsd-udp-source.h"
#include "ns3/csma-helper.h"
#include "ns3/ipv4-address.h"
#include "ns3/node-container.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <cstring>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// Hosts 10.1.1.1, 10.1.1.2, ... on one Ethernet, with BSD kernels.
struct Lan
{
    NodeContainer nodes;        //!< the hosts
    NetDeviceContainer devices; //!< their CsmaNetDevices

    /**
     * Build it.
     * \param n hosts
     * \param personality BsdKernel personality
     */
    Lan(uint32_t n, const std::string& personality)
    {
        nodes.Create(n);
        CsmaHelper csma;
        csma.SetChannelAttribute("DataRate", StringValue("100Mbps"));
        csma.SetChannelAttribute("Delay", TimeValue(MicroSeconds(10)));
        devices = csma.Install(nodes);
        // Fixed backoff streams: two runs in one process must not differ.
        csma.AssignStreams(devices, 100);
        BsdStackHelper stack;
        stack.SetPersonality(personality);
        stack.Install(nodes);
        BsdStackHelper::Assign(devices, "10.1.1.0/24");
    }

    /**
     * \param i host index
     * \return its kernel
     */
    Ptr<BsdKernel> Kernel(uint32_t i) const
    {
        return nodes.Get(i)->GetObject<BsdKernel>();
    }

    /**
     * \param i host index
     * \return its address, 10.1.1.(i+1)
     */
    static Ipv4Address Address(uint32_t i)
    {
        return Ipv4Address(Ipv4Address("10.1.1.0").Get() + i + 1);
    }
};

/// Record a count into *slot (scheduled before the applications start).
void
RecordCount(Ptr<BsdKernel> k, enum bsd_rtkind kind, uint64_t* slot)
{
    *slot = k->GetRouteCount(kind);
}

} // namespace

/**
 * \ingroup bsdnet-test
 * \brief BsdPing gets replies with plausible round-trip times; a second
 * ping on the same node, to nobody, gets none (identifiers are distinct).
 */
class BsdPingTestCase : public TestCase
{
  public:
    BsdPingTestCase()
        : TestCase("BsdPing: 5 echo requests on a LAN, 5 replies, RTT within reason")
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(2, "netbsd-1.5");
        BsdAppHelper helper("ns3::BsdPing");
        helper.SetAttribute("Remote", Ipv4AddressValue(Lan::Address(1)));
        helper.SetAttribute("Count", UintegerValue(5));
        helper.SetAttribute("Interval", TimeValue(Seconds(1)));
        ApplicationContainer apps = helper.Install(lan.nodes.Get(0));
        helper.SetAttribute("Remote", Ipv4AddressValue("10.1.1.99"));
        apps.Add(helper.Install(lan.nodes.Get(0)));
        apps.Start(Seconds(1));
        apps.Stop(Seconds(10));
        Ptr<BsdPing> ping = DynamicCast<BsdPing>(apps.Get(0));
        Ptr<BsdPing> lost = DynamicCast<BsdPing>(apps.Get(1));
        m_rtts = 0;
        ping->TraceConnectWithoutContext("Rtt", MakeCallback(&BsdPingTestCase::Rtt, this));

        Simulator::Stop(Seconds(11));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_NE(ping->GetIdentifier(),
                              lost->GetIdentifier(),
                              "two pings on one node must use different ICMP identifiers");
        NS_TEST_EXPECT_MSG_EQ(ping->GetSent(), 5, "Count 5: five echo requests");
        NS_TEST_EXPECT_MSG_EQ(ping->GetReceived(),
                              5,
                              "10.1.1.2 is on the LAN: every request must be answered");
        NS_TEST_EXPECT_MSG_EQ(m_rtts, 5, "the Rtt trace must fire once per reply");
        // 100 Mb/s, 10 us each way: tens of microseconds, ARP included.
        NS_TEST_EXPECT_MSG_GT(ping->GetRttMin(),
                              MicroSeconds(20),
                              "an RTT below twice the propagation delay is impossible");
        NS_TEST_EXPECT_MSG_LT(ping->GetRttMax(),
                              MilliSeconds(10),
                              "an RTT over 10 ms on an idle 100 Mb/s LAN is implausible");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(ping->GetRttMin(), ping->GetRttAvg(), "min <= avg");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(ping->GetRttAvg(), ping->GetRttMax(), "avg <= max");
        NS_TEST_EXPECT_MSG_EQ(lost->GetSent(), 5, "the ping to nobody sends as well");
        NS_TEST_EXPECT_MSG_EQ(lost->GetReceived(),
                              0,
                              "nobody has 10.1.1.99: no reply, and none of the other "
                              "ping's replies may be counted");

        std::ostringstream os;
        BsdAppHelper::PrintPingStatistics(ping, os);
        std::string text = os.str();
        NS_TEST_EXPECT_MSG_NE(text.find("--- 10.1.1.2 ping statistics ---"),
                              std::string::npos,
                              "statistics header, got:\n" << text);
        NS_TEST_EXPECT_MSG_NE(
            text.find("5 packets transmitted, 5 packets received, 0.0% packet loss"),
            std::string::npos,
            "statistics counts, got:\n" << text);
        NS_TEST_EXPECT_MSG_NE(text.find("round-trip min/avg/max/stddev = "),
                              std::string::npos,
                              "statistics RTT line, got:\n" << text);
        std::ostringstream os2;
        BsdAppHelper::PrintPingStatistics(lost, os2);
        NS_TEST_EXPECT_MSG_NE(os2.str().find("100.0% packet loss"),
                              std::string::npos,
                              "the lost ping's statistics, got:\n" << os2.str());
        NS_TEST_EXPECT_MSG_EQ(os2.str().find("round-trip"),
                              std::string::npos,
                              "no round-trip line without a reply");
        Simulator::Destroy();
    }

    void Rtt(uint16_t seq, Time rtt)
    {
        (void)seq;
        (void)rtt;
        m_rtts++;
    }

    uint32_t m_rtts; //!< Rtt trace calls
};

/**
 * \ingroup bsdnet-test
 * \brief A legitimate UDP flow from BsdUdpSource to BsdUdpSink: counts
 * match, nothing is lost, the one-way delay is measured.
 */
class BsdUdpFlowTestCase : public TestCase
{
  public:
    /**
     * \param connect ConnectPerDestination
     */
    explicit BsdUdpFlowTestCase(bool connect)
        : TestCase(std::string("BsdUdpSource to BsdUdpSink: 100 datagrams, ") +
                   (connect ? "connect per datagram" : "sendto")),
          m_connect(connect)
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(2, "netbsd-1.5");
        BsdAppHelper sinkHelper("ns3::BsdUdpSink");
        sinkHelper.SetAttribute("Port", UintegerValue(5001));
        ApplicationContainer sinkApps = sinkHelper.Install(lan.nodes.Get(1));
        sinkApps.Start(Seconds(0.5));
        BsdAppHelper sourceHelper("ns3::BsdUdpSource");
        sourceHelper.SetAttribute("Prefix", Ipv4AddressValue(Lan::Address(1)));
        sourceHelper.SetAttribute("PrefixLength", UintegerValue(32));
        sourceHelper.SetAttribute("Destinations", UintegerValue(1));
        sourceHelper.SetAttribute("MaxPackets", UintegerValue(100));
        sourceHelper.SetAttribute("Interval", TimeValue(MilliSeconds(10)));
        sourceHelper.SetAttribute("PacketSize", UintegerValue(512));
        sourceHelper.SetAttribute("Port", UintegerValue(5001));
        sourceHelper.SetAttribute("ConnectPerDestination", BooleanValue(m_connect));
        ApplicationContainer sourceApps = sourceHelper.Install(lan.nodes.Get(0));
        sourceApps.Start(Seconds(1));
        Ptr<BsdUdpSource> source = DynamicCast<BsdUdpSource>(sourceApps.Get(0));
        Ptr<BsdUdpSink> sink = DynamicCast<BsdUdpSink>(sinkApps.Get(0));
        m_delays = 0;
        sink->TraceConnectWithoutContext("Delay", MakeCallback(&BsdUdpFlowTestCase::Delay, this));

        Simulator::Stop(Seconds(3));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(source->GetSent(), 100, "MaxPackets 100 must all be sent");
        NS_TEST_EXPECT_MSG_EQ(source->GetErrors(), 0, "the kernel refused datagrams");
        NS_TEST_EXPECT_MSG_EQ(sink->GetReceived(),
                              source->GetSent(),
                              "every datagram sent on an idle LAN must arrive");
        NS_TEST_EXPECT_MSG_EQ(sink->GetReceivedBytes(), 100 * 512, "payload octets");
        NS_TEST_EXPECT_MSG_EQ(sink->GetLost(), 0, "no gap in the sequence numbers");
        NS_TEST_EXPECT_MSG_EQ(m_delays, 100, "every datagram carried a send time");
        NS_TEST_EXPECT_MSG_GT(sink->GetMeanDelay(),
                              MicroSeconds(10),
                              "one-way delay at least the propagation delay");
        NS_TEST_EXPECT_MSG_LT(sink->GetMeanDelay(),
                              MilliSeconds(5),
                              "one-way delay implausibly long for an idle LAN");
        Simulator::Destroy();
    }

    void Delay(Time delay)
    {
        (void)delay;
        m_delays++;
    }

    bool m_connect;    //!< ConnectPerDestination
    uint32_t m_delays; //!< Delay trace calls
};

/**
 * \ingroup bsdnet-test
 * \brief Seed 004 (5): connect() to 500 off-link destinations through
 * the default route clones 500 host routes under bsdos-4 and freebsd-4,
 * none under netbsd-1.5.
 */
class BsdUdpDosTestCase : public TestCase
{
  public:
    /**
     * \param personality the sender's personality
     * \param expected cloned routes expected
     */
    BsdUdpDosTestCase(const std::string& personality, uint64_t expected)
        : TestCase("BsdUdpSource DoS under " + personality + ": 500 destinations, " +
                   std::to_string(expected) + " cloned routes"),
          m_personality(personality),
          m_expected(expected)
    {
    }

  private:
    void DoRun() override
    {
        Lan lan(2, m_personality);
        BsdStackHelper::SetDefaultRoute(lan.nodes.Get(0), Lan::Address(1));
        BsdAppHelper helper("ns3::BsdUdpSource");
        helper.SetAttribute("Prefix", Ipv4AddressValue("198.18.0.0"));
        helper.SetAttribute("PrefixLength", UintegerValue(15));
        helper.SetAttribute("Destinations", UintegerValue(500));
        helper.SetAttribute("Interval", TimeValue(MilliSeconds(1)));
        helper.SetAttribute("ConnectPerDestination", BooleanValue(true));
        ApplicationContainer apps = helper.Install(lan.nodes.Get(0));
        apps.Start(Seconds(1));
        Ptr<BsdUdpSource> source = DynamicCast<BsdUdpSource>(apps.Get(0));
        Ptr<BsdKernel> k = lan.Kernel(0);
        uint64_t before = 0;
        Simulator::Schedule(Seconds(0.9), &RecordCount, k, BSD_RTK_CLONED, &before);

        Simulator::Stop(Seconds(2));
        Simulator::Run();

        uint64_t after = k->GetRouteCount(BSD_RTK_CLONED);
        NS_TEST_EXPECT_MSG_EQ(source->GetSent(), 500, "one datagram per destination");
        NS_TEST_EXPECT_MSG_EQ(source->GetErrors(), 0, "connect/send through the default route");
        NS_TEST_EXPECT_MSG_EQ(after - before,
                              m_expected,
                              m_personality << ": in_pcbconnect "
                                            << (m_expected ? "clones a host route per "
                                                             "connected destination"
                                                           : "must not clone")
                                            << " (before " << before << ", after " << after
                                            << ")");
        Simulator::Destroy();
    }

    std::string m_personality; //!< sender's personality
    uint64_t m_expected;       //!< clones expected
};

/**
 * \ingroup bsdnet-test
 * \brief Forged ICMP messages from an on-link attacker: redirects make
 * RTF_DYNAMIC host routes only when they claim to come from the victim's
 * gateway; need-fragmentation makes path-MTU routes (netbsd-2).
 */
class BsdIcmpForgerTestCase : public TestCase
{
  public:
    /**
     * \param mode "redirect" or "needfrag"
     * \param spoofGateway SpoofSource is the victim's gateway (else a stranger)
     * \param personality the victim's personality
     * \param kind the route kind counted at the victim
     * \param expected routes of that kind expected
     */
    BsdIcmpForgerTestCase(const std::string& mode,
                          bool spoofGateway,
                          const std::string& personality,
                          enum bsd_rtkind kind,
                          uint64_t expected)
        : TestCase("BsdIcmpForger " + mode + " from " +
                   (spoofGateway ? "the victim's gateway" : "a stranger") + " under " +
                   personality + ": " + std::to_string(expected) + " routes"),
          m_mode(mode),
          m_spoofGateway(spoofGateway),
          m_personality(personality),
          m_kind(kind),
          m_expected(expected)
    {
    }

  private:
    void DoRun() override
    {
        // 10.1.1.1 victim, 10.1.1.2 its gateway, 10.1.1.3 the attacker.
        Lan lan(3, m_personality);
        BsdStackHelper::SetDefaultRoute(lan.nodes.Get(0), Lan::Address(1));
        BsdAppHelper helper("ns3::BsdIcmpForger");
        helper.SetAttribute("Mode", StringValue(m_mode));
        helper.SetAttribute("Victim", Ipv4AddressValue(Lan::Address(0)));
        helper.SetAttribute("SpoofSource",
                            Ipv4AddressValue(m_spoofGateway ? Lan::Address(1)
                                                            : Ipv4Address("10.1.1.77")));
        helper.SetAttribute("NewGateway", Ipv4AddressValue(Lan::Address(2)));
        helper.SetAttribute("Mtu", UintegerValue(296));
        helper.SetAttribute("Prefix", Ipv4AddressValue("198.18.0.0"));
        helper.SetAttribute("PrefixLength", UintegerValue(24));
        helper.SetAttribute("Count", UintegerValue(50));
        helper.SetAttribute("Interval", TimeValue(MilliSeconds(10)));
        ApplicationContainer apps = helper.Install(lan.nodes.Get(2));
        apps.Start(Seconds(1));
        Ptr<BsdIcmpForger> forger = DynamicCast<BsdIcmpForger>(apps.Get(0));
        Ptr<BsdKernel> victim = lan.Kernel(0);
        uint64_t before = 0;
        Simulator::Schedule(Seconds(0.9), &RecordCount, victim, m_kind, &before);

        Simulator::Stop(Seconds(3));
        Simulator::Run();

        uint64_t after = victim->GetRouteCount(m_kind);
        NS_TEST_EXPECT_MSG_EQ(forger->GetSent(), 50, "Count 50 forged messages");
        NS_TEST_EXPECT_MSG_EQ(after - before,
                              m_expected,
                              m_mode << " from "
                                     << (m_spoofGateway ? "the gateway" : "a stranger")
                                     << " under " << m_personality << ": routes of kind "
                                     << bsd_rtkind_name(m_kind) << " at the victim (before "
                                     << before << ", after " << after << ")");
        Simulator::Destroy();
    }

    std::string m_mode;        //!< Mode
    bool m_spoofGateway;       //!< SpoofSource is the gateway
    std::string m_personality; //!< victim's personality
    enum bsd_rtkind m_kind;    //!< kind counted
    uint64_t m_expected;       //!< routes expected
};

/**
 * \ingroup bsdnet-test
 * \brief The forged packets are well formed: both IP headers and the ICMP
 * message checksum to zero, and the addresses are where they belong.
 */
class BsdIcmpForgerFormatTestCase : public TestCase
{
  public:
    BsdIcmpForgerFormatTestCase()
        : TestCase("BsdIcmpForger: forged packets are well formed")
    {
    }

  private:
    void DoRun() override
    {
        for (const char* mode : {"redirect", "needfrag"})
        {
            Ptr<BsdIcmpForger> f = CreateObject<BsdIcmpForger>();
            f->SetAttribute("Mode", StringValue(mode));
            f->SetAttribute("Victim", Ipv4AddressValue("10.1.1.1"));
            f->SetAttribute("SpoofSource", Ipv4AddressValue("10.1.1.2"));
            f->SetAttribute("NewGateway", Ipv4AddressValue("10.1.1.3"));
            f->SetAttribute("Prefix", Ipv4AddressValue("198.18.0.0"));
            f->SetAttribute("PrefixLength", UintegerValue(24));
            std::vector<uint8_t> p = f->BuildMessage(4);
            NS_TEST_ASSERT_MSG_EQ(p.size(), 56u, mode << ": IP 20 + ICMP 8 + IP 20 + UDP 8");
            NS_TEST_EXPECT_MSG_EQ(bsd_in_cksum(p.data(), 20), 0, mode << ": IP checksum");
            NS_TEST_EXPECT_MSG_EQ(bsd_in_cksum(p.data() + 20, 36), 0, mode << ": ICMP checksum");
            NS_TEST_EXPECT_MSG_EQ(bsd_in_cksum(p.data() + 28, 20),
                                  0,
                                  mode << ": quoted IP checksum");
            NS_TEST_EXPECT_MSG_EQ(p[0], 0x45, mode << ": IPv4, 20-octet header");
            NS_TEST_EXPECT_MSG_EQ(p[8], 64, mode << ": TTL 64");
            NS_TEST_EXPECT_MSG_EQ(p[9], BSD_IPPROTO_ICMP, mode << ": protocol ICMP");
            uint32_t a;
            std::memcpy(&a, p.data() + 12, 4);
            NS_TEST_EXPECT_MSG_EQ(Ipv4Address(bsd_ntohl(a)),
                                  Ipv4Address("10.1.1.2"),
                                  mode << ": ip_src is SpoofSource");
            std::memcpy(&a, p.data() + 16, 4);
            NS_TEST_EXPECT_MSG_EQ(Ipv4Address(bsd_ntohl(a)),
                                  Ipv4Address("10.1.1.1"),
                                  mode << ": ip_dst is Victim");
            std::memcpy(&a, p.data() + 28 + 12, 4);
            NS_TEST_EXPECT_MSG_EQ(Ipv4Address(bsd_ntohl(a)),
                                  Ipv4Address("10.1.1.1"),
                                  mode << ": the quoted packet is the victim's");
            std::memcpy(&a, p.data() + 28 + 16, 4);
            NS_TEST_EXPECT_MSG_EQ(Ipv4Address(bsd_ntohl(a)),
                                  Ipv4Address("198.18.0.5"),
                                  mode << ": message 4 is about the 5th address of the prefix");
            NS_TEST_EXPECT_MSG_EQ(p[28 + 9], BSD_IPPROTO_UDP, mode << ": quoted UDP");
            if (std::string(mode) == "redirect")
            {
                NS_TEST_EXPECT_MSG_EQ(p[20], BSD_ICMP_REDIRECT, "type 5");
                NS_TEST_EXPECT_MSG_EQ(p[21], BSD_ICMP_REDIRECT_HOST, "code 1");
                std::memcpy(&a, p.data() + 24, 4);
                NS_TEST_EXPECT_MSG_EQ(Ipv4Address(bsd_ntohl(a)),
                                      Ipv4Address("10.1.1.3"),
                                      "the redirect names NewGateway");
            }
            else
            {
                NS_TEST_EXPECT_MSG_EQ(p[20], BSD_ICMP_UNREACH, "type 3");
                NS_TEST_EXPECT_MSG_EQ(p[21], BSD_ICMP_UNREACH_NEEDFRAG, "code 4");
                NS_TEST_EXPECT_MSG_EQ((p[26] << 8 | p[27]), 296, "next-hop MTU is Mtu");
            }
            // Destinations: the messages go round that many addresses.
            f->SetAttribute("Destinations", UintegerValue(3));
            NS_TEST_EXPECT_MSG_EQ(f->About(2), Ipv4Address("198.18.0.3"), "third of three");
            NS_TEST_EXPECT_MSG_EQ(f->About(3), Ipv4Address("198.18.0.1"), "then the first again");
            f->SetAttribute("Destinations", UintegerValue(0));
            NS_TEST_EXPECT_MSG_EQ(f->About(254), Ipv4Address("198.18.0.1"), "0: the whole /24");
            f->Dispose();
        }
    }
};

/**
 * \ingroup bsdnet-test
 * \brief An ARP scan: receivers learn the scanner only when they are the
 * target (RFC 826, seed 002); requests for addresses nobody has leave the
 * receivers' tables as they were.
 */
class BsdArpScannerTestCase : public TestCase
{
  public:
    /**
     * \param prefixLength 24: the scan names every host; 25 (10.1.1.128/25):
     *        it names none of them
     */
    explicit BsdArpScannerTestCase(uint8_t prefixLength)
        : TestCase(prefixLength == 24
                       ? "BsdArpScanner over 10.1.1.0 len 24: targets learn the scanner, once"
                       : "BsdArpScanner over 10.1.1.128 len 25: nobody named, nobody learns"),
          m_prefixLength(prefixLength)
    {
    }

  private:
    void DoRun() override
    {
        // 10.1.1.1 scans; 10.1.1.2 and 10.1.1.3 listen.
        Lan lan(3, "netbsd-1.5");
        BsdAppHelper helper("ns3::BsdArpScanner");
        helper.SetAttribute("InterfaceIndex",
                            UintegerValue(lan.Kernel(0)->GetInterfaceIndex(lan.devices.Get(0))));
        helper.SetAttribute("Prefix",
                            Ipv4AddressValue(m_prefixLength == 24 ? "10.1.1.0" : "10.1.1.128"));
        helper.SetAttribute("PrefixLength", UintegerValue(m_prefixLength));
        helper.SetAttribute("Interval", TimeValue(MilliSeconds(1)));
        ApplicationContainer apps = helper.Install(lan.nodes.Get(0));
        apps.Start(Seconds(1));
        Ptr<BsdArpScanner> scanner = DynamicCast<BsdArpScanner>(apps.Get(0));
        uint64_t before[3] = {0, 0, 0};
        for (uint32_t i = 0; i < 3; i++)
        {
            Simulator::Schedule(Seconds(0.9), &RecordCount, lan.Kernel(i), BSD_RTK_ARP, &before[i]);
        }

        Simulator::Stop(Seconds(2));
        Simulator::Run();

        bool all = m_prefixLength == 24;
        NS_TEST_EXPECT_MSG_EQ(scanner->GetSent(),
                              all ? 253 : 126,
                              "every usable address of the prefix but the scanner's own");
        for (uint32_t i = 1; i < 3; i++)
        {
            uint64_t grown = lan.Kernel(i)->GetRouteCount(BSD_RTK_ARP) - before[i];
            NS_TEST_EXPECT_MSG_EQ(grown,
                                  all ? 1 : 0,
                                  "host " << Lan::Address(i) << " heard "
                                          << scanner->GetSent() << " requests: it may learn "
                                          << "the scanner only when it is the target, and "
                                             "nothing else");
        }
        uint64_t learned = lan.Kernel(0)->GetRouteCount(BSD_RTK_ARP) - before[0];
        NS_TEST_EXPECT_MSG_EQ(learned,
                              all ? 2 : 0,
                              "the scanner learns the hosts that answered, and only them");
        Simulator::Destroy();
    }

    uint8_t m_prefixLength; //!< 24 or 25
};

/**
 * \ingroup bsdnet-test
 * \brief The same run twice gives the same counts: random destinations
 * (fixed streams), clones, table size, the destinations themselves.
 */
class BsdAppsDeterminismTestCase : public TestCase
{
  public:
    BsdAppsDeterminismTestCase()
        : TestCase("bsdnet applications: the same run twice gives the same counts")
    {
    }

  private:
    /// What one run produced.
    struct Result
    {
        uint64_t sent = 0;               //!< source's datagrams
        uint64_t clones = 0;             //!< sender's cloned routes
        uint64_t total = 0;              //!< sender's table size
        uint64_t redirects = 0;          //!< victim's redirect routes
        uint32_t pingReceived = 0;       //!< ping replies
        Time rttAvg;                     //!< ping's mean RTT
        std::vector<uint32_t> dsts;      //!< destinations in order
    };

    static void Tx(std::vector<uint32_t>* v, Ipv4Address dst, uint32_t size)
    {
        (void)size;
        v->push_back(dst.Get());
    }

    Result RunOnce()
    {
        Result r;
        Lan lan(3, "freebsd-4");
        BsdStackHelper::SetDefaultRoute(lan.nodes.Get(0), Lan::Address(1));
        BsdAppHelper source("ns3::BsdUdpSource");
        source.SetAttribute("Order", StringValue("random"));
        source.SetAttribute("Destinations", UintegerValue(300));
        ApplicationContainer apps = source.Install(lan.nodes.Get(0));
        BsdAppHelper::AssignStreams(apps, 7);
        BsdAppHelper ping("ns3::BsdPing");
        ping.SetAttribute("Remote", Ipv4AddressValue(Lan::Address(1)));
        ping.SetAttribute("Count", UintegerValue(3));
        ping.SetAttribute("Interval", TimeValue(MilliSeconds(100)));
        apps.Add(ping.Install(lan.nodes.Get(0)));
        BsdAppHelper forger("ns3::BsdIcmpForger");
        forger.SetAttribute("Victim", Ipv4AddressValue(Lan::Address(0)));
        forger.SetAttribute("SpoofSource", Ipv4AddressValue(Lan::Address(1)));
        forger.SetAttribute("NewGateway", Ipv4AddressValue(Lan::Address(2)));
        forger.SetAttribute("Prefix", Ipv4AddressValue("198.51.100.0"));
        forger.SetAttribute("PrefixLength", UintegerValue(24));
        forger.SetAttribute("Count", UintegerValue(20));
        apps.Add(forger.Install(lan.nodes.Get(2)));
        apps.Start(Seconds(1));
        apps.Get(0)->TraceConnectWithoutContext("Tx", MakeBoundCallback(&Tx, &r.dsts));

        Simulator::Stop(Seconds(2));
        Simulator::Run();

        r.sent = DynamicCast<BsdUdpSource>(apps.Get(0))->GetSent();
        r.clones = lan.Kernel(0)->GetRouteCount(BSD_RTK_CLONED);
        r.total = lan.Kernel(0)->GetRouteTotal();
        r.redirects = lan.Kernel(0)->GetRouteCount(BSD_RTK_REDIRECT);
        r.pingReceived = DynamicCast<BsdPing>(apps.Get(1))->GetReceived();
        r.rttAvg = DynamicCast<BsdPing>(apps.Get(1))->GetRttAvg();
        Simulator::Destroy();
        return r;
    }

    void DoRun() override
    {
        Result a = RunOnce();
        Result b = RunOnce();
        NS_TEST_ASSERT_MSG_EQ(a.sent, 300, "the first run sent its 300 datagrams");
        NS_TEST_EXPECT_MSG_GT(a.clones, 0, "freebsd-4 cloned routes for the destinations");
        NS_TEST_EXPECT_MSG_EQ(a.sent, b.sent, "datagrams sent differ between runs");
        NS_TEST_EXPECT_MSG_EQ(a.clones, b.clones, "cloned routes differ between runs");
        NS_TEST_EXPECT_MSG_EQ(a.total, b.total, "table size differs between runs");
        NS_TEST_EXPECT_MSG_EQ(a.redirects, b.redirects, "redirect routes differ between runs");
        NS_TEST_EXPECT_MSG_EQ(a.pingReceived, b.pingReceived, "ping replies differ between runs");
        NS_TEST_EXPECT_MSG_EQ(a.rttAvg, b.rttAvg, "ping RTT differs between runs");
        NS_TEST_EXPECT_MSG_EQ(a.dsts.size(), b.dsts.size(), "destination lists differ in size");
        NS_TEST_EXPECT_MSG_EQ((a.dsts == b.dsts),
                              true,
                              "random destinations differ between runs with the same streams");
    }
};

/**
 * \ingroup bsdnet-test
 * \brief The "bsd-apps" suite.
 */
class BsdAppsTestSuite : public TestSuite
{
  public:
    BsdAppsTestSuite()
        : TestSuite("bsd-apps", UNIT)
    {
        AddTestCase(new BsdPingTestCase(), TestCase::QUICK);
        AddTestCase(new BsdUdpFlowTestCase(false), TestCase::QUICK);
        AddTestCase(new BsdUdpFlowTestCase(true), TestCase::QUICK);
        AddTestCase(new BsdUdpDosTestCase("bsdos-4", 500), TestCase::QUICK);
        AddTestCase(new BsdUdpDosTestCase("freebsd-4", 500), TestCase::QUICK);
        AddTestCase(new BsdUdpDosTestCase("netbsd-1.5", 0), TestCase::QUICK);
        AddTestCase(new BsdIcmpForgerFormatTestCase(), TestCase::QUICK);
        AddTestCase(
            new BsdIcmpForgerTestCase("redirect", true, "netbsd-1.5", BSD_RTK_REDIRECT, 50),
            TestCase::QUICK);
        AddTestCase(
            new BsdIcmpForgerTestCase("redirect", false, "netbsd-1.5", BSD_RTK_REDIRECT, 0),
            TestCase::QUICK);
        AddTestCase(new BsdIcmpForgerTestCase("needfrag", true, "netbsd-2", BSD_RTK_PMTU, 50),
                    TestCase::QUICK);
        AddTestCase(new BsdArpScannerTestCase(24), TestCase::QUICK);
        AddTestCase(new BsdArpScannerTestCase(25), TestCase::QUICK);
        AddTestCase(new BsdAppsDeterminismTestCase(), TestCase::QUICK);
    }
};

/// The suite's one instance.
static BsdAppsTestSuite g_bsdAppsTestSuite;
