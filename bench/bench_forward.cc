/*
 * bench-forward: one router forwarding UDP from a source to N distinct
 * destinations on a CSMA LAN, run with ns-3's own internet stack and
 * with a bsdnet kernel on the router, the same frames in, measured in
 * the same run of this program.
 *
 * Topology (three nodes, two CsmaChannels at 10 Gb/s, no delay):
 *
 *   source --LAN A 192.168.0.0/24-- router --LAN B 10.0.0.0/8-- responder
 *   .2                              .1    10.0.0.1               (any 10/8)
 *
 * The source and the responder carry no IP stack at all: the source puts
 * ready-made Ethernet/IPv4/UDP frames (92-octet datagrams, a valid IP
 * header checksum, UDP checksum 0) on LAN A addressed to the router's
 * MAC, and the responder answers every ARP request for an address of
 * 10/8 but the router's own with its own MAC, and counts the datagrams
 * that arrive.  So both routers do the same work: route lookup, an ARP
 * miss, a request, the reply, a new entry (an ArpCache::Entry in
 * ns-3's std::map, a cloned RTF_LLINFO host route in bsdnet) and the
 * held packet sent, once per destination; then plain forwarding.
 * Destinations are 10.1.0.0 + i, i < N.
 *
 * Two phases per run:
 *   learn:  one datagram to each of the N destinations, in a random
 *           order, one every --gap ns (default 1000: 1 Mpps);
 *   steady: --steady datagrams to destinations drawn uniformly from the
 *           N now learned, at the same rate.
 * Each phase ends with a 1 ms drain.  Wall time is taken at events at
 * the phase boundaries, so setup is not counted.
 *
 * Stacks:
 *   null    the router is a bare protocol handler that re-sends each
 *           datagram to the responder's MAC: the cost of the source,
 *           the two channels, the devices, the responder and the
 *           scheduler, which the other two pay as well;
 *   ns3     InternetStackHelper with Ipv4StaticRoutingHelper only (two
 *           interface routes), ArpL3Protocol/ArpCache, ns-3 defaults
 *           (ChecksumEnabled false, ARP RequestJitter as shipped);
 *   bsdnet  BsdStackHelper, IpForwarding true, MemoryLimit 0 (no
 *           budget: we measure, we do not exhaust), --personality.
 * "router" figures are the stack's minus null's.
 *
 * Every (stack, N) runs in a child process of its own (fork), so peak
 * RSS is per run.  Bytes per destination learned = growth of the heap
 * in use (mallinfo2 uordblks + hblkhd) over the learn phase / N.  The
 * machine is shared: each (stack, N) runs --repeat times (default 3),
 * the stacks taking turns, and each phase's fastest time is kept.  Times
 * are the child's own CPU time (CLOCK_PROCESS_CPUTIME_ID, the simulation
 * is one thread): wall time would also count the turns other processes
 * take on the two CPUs, which is most of the noise here.
 *
 * Under valgrind --tool=callgrind (bench/callgrind.sh) the counts are
 * zeroed when the first datagram leaves and dumped at each phase mark.
 * BENCH_FORWARD_DEBUG=1 in the environment prints the first device and
 * kernel drops (there should be none).
 *
 * It prints figures and never asserts.  Usage:
 *   bench-forward [--quick | --sizes=N,...] [--stacks=null,ns3,bsdnet]
 *                 [--steady=M] [--gap=NS] [--personality=P] [--repeat=R]
 *                 [--no-fork] [--csv=FILE]
 *
 * --csv writes what the tables show, one row per (stack, N), for
 * bench/plot-forward.py.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "bench_common.h"

#include "ns3/arp-header.h"
#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/bsd-kernel.h"
#include "ns3/bsd-stack-helper.h"
#include "ns3/csma-helper.h"
#include "ns3/csma-net-device.h"
#include "ns3/data-rate.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4.h"
#include "ns3/mac48-address.h"
#include "ns3/node.h"
#include "ns3/queue.h"
#include "ns3/simulator.h"
#include "ns3/string.h"

#include <sys/resource.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <malloc.h>
#include <string>
#include <vector>

#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define BENCH_HAVE_CALLGRIND 1
#endif
#endif

using namespace ns3;

using bench::CpuModel;
using bench::XorShift64Star;

namespace
{

/// The process's own CPU time, as a std::chrono clock.
struct CpuClock
{
    using rep = int64_t;
    using period = std::nano;
    using duration = std::chrono::nanoseconds;
    using time_point = std::chrono::time_point<CpuClock>;
    static constexpr bool is_steady = true;

    static time_point now()
    {
        timespec ts;
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
        return time_point(duration(int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec));
    }
};

using Clock = CpuClock;

constexpr uint32_t kDstBase = 0x0a010000; // 10.1.0.0
constexpr uint32_t kRouterB = 0x0a000001; // 10.0.0.1
constexpr uint32_t kSource = 0xc0a80002;  // 192.168.0.2
constexpr uint64_t kMinSize = 10;
constexpr uint64_t kMaxSize = 4000000;
constexpr uint32_t kPayload = 64; // UDP payload octets
constexpr double kDrainS = 1e-3;
constexpr uint64_t kTurnaroundNs = 200; // responder: ARP request in, reply out

struct RunConfig
{
    std::string stack;
    uint64_t n{0};
    uint64_t steady{0};
    uint64_t gapNs{1000};
    std::string personality{"netbsd-1.5"};
};

/// What a child sends back (plain data, through a pipe).
struct Outcome
{
    int ok{0};
    double learnWall{0};
    double steadyWall{0};
    uint64_t learnDelivered{0};
    uint64_t steadyDelivered{0};
    uint64_t arpAnswered{0};
    int64_t heapStart{0};
    int64_t heapLearned{0};
    int64_t heapEnd{0};
    long rssStartKb{0};
    long rssLearnedKb{0};
    long peakRssKb{0};
    uint64_t events{0};
    // bsdnet only
    uint64_t bsdArp{0};
    uint64_t bsdTotal{0};
    uint64_t bsdBudget{0};
    uint64_t bsdDrops{0};
};

int64_t
HeapInUse()
{
    struct mallinfo2 mi = mallinfo2();
    return int64_t(mi.uordblks + mi.hblkhd);
}

long
RssKb()
{
    std::ifstream in("/proc/self/statm");
    long size = 0;
    long resident = 0;
    in >> size >> resident;
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

long
PeakRssKb()
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

uint16_t
IpSum(const uint8_t* p, size_t len)
{
    uint32_t sum = 0;
    for (size_t i = 0; i + 1 < len; i += 2)
    {
        sum += uint32_t(p[i] << 8 | p[i + 1]);
    }
    while (sum >> 16)
    {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    return uint16_t(~sum);
}

void
ReplyLater(Ptr<NetDevice> dev, Ptr<Packet> p, Address to)
{
    dev->Send(p, to, 0x0806);
}

void
DebugDrop(const std::string& reason)
{
    static uint64_t n = 0;
    if (n++ < 20)
    {
        std::fprintf(stderr, "drop %s at %.9f\n", reason.c_str(), Simulator::Now().GetSeconds());
    }
}

void
DebugDev(std::string what, Ptr<const Packet> p)
{
    static uint64_t n = 0;
    if (n++ < 20)
    {
        std::fprintf(stderr,
                     "dev %s size %u at %.9f\n",
                     what.c_str(),
                     p->GetSize(),
                     Simulator::Now().GetSeconds());
    }
}

/**
 * The scenario of one child: builds the three nodes, runs both phases,
 * fills in the outcome.
 */
class Scenario
{
  public:
    explicit Scenario(const RunConfig& cfg)
        : m_cfg(cfg),
          m_rng(0x6277617264ULL ^ cfg.n) // "bward"
    {
    }

    Outcome Run();

  private:
    void Generate(uint64_t i);
    void Send(uint32_t dst);
    void MarkLearned();
    void MarkSteadyEnd();
    void ResponderRx(Ptr<NetDevice> dev,
                     Ptr<const Packet> p,
                     uint16_t proto,
                     const Address& from,
                     const Address& to,
                     NetDevice::PacketType type);
    void NullRx(Ptr<NetDevice> dev,
                Ptr<const Packet> p,
                uint16_t proto,
                const Address& from,
                const Address& to,
                NetDevice::PacketType type);

    RunConfig m_cfg;
    XorShift64Star m_rng;
    std::vector<uint32_t> m_order; // learn order (host-order addresses)
    Ptr<CsmaNetDevice> m_srcDev;
    Ptr<CsmaNetDevice> m_rtrA;
    Ptr<CsmaNetDevice> m_rtrB;
    Ptr<CsmaNetDevice> m_respDev;
    Mac48Address m_rtrMacA;
    Mac48Address m_respMac;
    Ptr<BsdKernel> m_kernel;
    uint8_t m_dgram[20 + 8 + kPayload];
    uint16_t m_ipId{0};
    uint64_t m_delivered{0};
    uint64_t m_arpAnswered{0};
    Clock::time_point m_t0;
    Clock::time_point m_tLearned;
    Clock::time_point m_t1;
    Clock::time_point m_t2;
    Outcome m_out;
};

void
Scenario::Send(uint32_t dst)
{
    uint8_t* ip = m_dgram;
    ip[4] = uint8_t(m_ipId >> 8);
    ip[5] = uint8_t(m_ipId);
    m_ipId++;
    ip[16] = uint8_t(dst >> 24);
    ip[17] = uint8_t(dst >> 16);
    ip[18] = uint8_t(dst >> 8);
    ip[19] = uint8_t(dst);
    ip[10] = ip[11] = 0;
    uint16_t sum = IpSum(ip, 20);
    ip[10] = uint8_t(sum >> 8);
    ip[11] = uint8_t(sum);
    m_srcDev->Send(Create<Packet>(m_dgram, sizeof(m_dgram)), m_rtrMacA, 0x0800);
}

void
Scenario::Generate(uint64_t i)
{
    // Learn phase: i < n, the shuffled order; steady: uniform draws.
    if (i == 0)
    {
#ifdef BENCH_HAVE_CALLGRIND
        CALLGRIND_ZERO_STATS;
#endif
        m_t0 = Clock::now();
    }
    uint64_t n = m_cfg.n;
    if (i < n)
    {
        Send(m_order[i]);
    }
    else
    {
        Send(kDstBase + uint32_t(m_rng.Below(n)));
    }
    uint64_t next = i + 1;
    Time gap = NanoSeconds(m_cfg.gapNs);
    if (next == n)
    {
        // Drain, mark, then the steady phase one gap after the mark.
        Simulator::Schedule(Seconds(kDrainS), &Scenario::MarkLearned, this);
        Simulator::Schedule(Seconds(kDrainS) + gap, &Scenario::Generate, this, next);
        return;
    }
    if (next == n + m_cfg.steady)
    {
        Simulator::Schedule(Seconds(kDrainS), &Scenario::MarkSteadyEnd, this);
        return;
    }
    Simulator::Schedule(gap, &Scenario::Generate, this, next);
}

void
Scenario::MarkLearned()
{
    m_tLearned = Clock::now();
#ifdef BENCH_HAVE_CALLGRIND
    CALLGRIND_DUMP_STATS_AT("learn");
#endif
    m_out.learnDelivered = m_delivered;
    m_out.heapLearned = HeapInUse();
    m_out.rssLearnedKb = RssKb();
    if (m_kernel)
    {
        m_out.bsdArp = m_kernel->GetRouteCount(BSD_RTK_ARP);
        m_out.bsdTotal = m_kernel->GetRouteTotal();
        m_out.bsdBudget = m_kernel->GetMemoryUsed();
    }
    // Steady-phase time starts here.
    m_t1 = Clock::now();
}

void
Scenario::MarkSteadyEnd()
{
    m_t2 = Clock::now();
#ifdef BENCH_HAVE_CALLGRIND
    CALLGRIND_DUMP_STATS_AT("steady");
#endif
    m_out.steadyDelivered = m_delivered - m_out.learnDelivered;
    Simulator::Stop();
}

void
Scenario::ResponderRx(Ptr<NetDevice> dev,
                      Ptr<const Packet> p,
                      uint16_t proto,
                      const Address& from,
                      const Address& to,
                      NetDevice::PacketType type)
{
    (void)to;
    (void)type;
    (void)from;
    if (proto == 0x0800)
    {
        m_delivered++;
        return;
    }
    if (proto != 0x0806)
    {
        return;
    }
    ArpHeader req;
    Ptr<Packet> copy = p->Copy();
    copy->RemoveHeader(req);
    Ipv4Address target = req.GetDestinationIpv4Address();
    if (!req.IsRequest() || (target.Get() & 0xff000000) != 0x0a000000 || target.Get() == kRouterB)
    {
        return;
    }
    ArpHeader reply;
    reply.SetReply(m_respMac,
                   target,
                   req.GetSourceHardwareAddress(),
                   req.GetSourceIpv4Address());
    Ptr<Packet> r = Create<Packet>();
    r->AddHeader(reply);
    // A host's turnaround: the reply leaves once the request's frame
    // has cleared the channel.
    Simulator::Schedule(NanoSeconds(kTurnaroundNs),
                        &ReplyLater,
                        dev,
                        r,
                        req.GetSourceHardwareAddress());
    m_arpAnswered++;
}

void
Scenario::NullRx(Ptr<NetDevice> dev,
                 Ptr<const Packet> p,
                 uint16_t proto,
                 const Address& from,
                 const Address& to,
                 NetDevice::PacketType type)
{
    (void)dev;
    (void)from;
    (void)to;
    (void)type;
    if (proto == 0x0800)
    {
        m_rtrB->Send(p->Copy(), m_respMac, 0x0800);
    }
}

Outcome
Scenario::Run()
{
    // Everything per destination that is not the router's is made now,
    // before the heap is first measured.
    m_order.resize(m_cfg.n);
    for (uint64_t i = 0; i < m_cfg.n; i++)
    {
        m_order[i] = kDstBase + uint32_t(i);
    }
    for (size_t i = m_order.size() - 1; i > 0; i--)
    {
        std::swap(m_order[i], m_order[m_rng.Below(i + 1)]);
    }
    std::memset(m_dgram, 0, sizeof(m_dgram));
    m_dgram[0] = 0x45;
    m_dgram[2] = uint8_t(sizeof(m_dgram) >> 8);
    m_dgram[3] = uint8_t(sizeof(m_dgram));
    m_dgram[8] = 64; // TTL
    m_dgram[9] = 17; // UDP
    m_dgram[12] = uint8_t(kSource >> 24);
    m_dgram[13] = uint8_t(kSource >> 16);
    m_dgram[14] = uint8_t(kSource >> 8);
    m_dgram[15] = uint8_t(kSource);
    uint8_t* udp = m_dgram + 20;
    udp[0] = 0x30; // source port 12345
    udp[1] = 0x39;
    udp[2] = 0x00; // destination port 9 (discard)
    udp[3] = 0x09;
    udp[4] = uint8_t((8 + kPayload) >> 8);
    udp[5] = uint8_t(8 + kPayload);

    Ptr<Node> source = CreateObject<Node>();
    Ptr<Node> router = CreateObject<Node>();
    Ptr<Node> responder = CreateObject<Node>();
    CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", DataRateValue(DataRate("10Gbps")));
    csma.SetChannelAttribute("Delay", TimeValue(Seconds(0)));
    NetDeviceContainer lanA = csma.Install(NodeContainer(source, router));
    NetDeviceContainer lanB = csma.Install(NodeContainer(router, responder));
    m_srcDev = DynamicCast<CsmaNetDevice>(lanA.Get(0));
    m_rtrA = DynamicCast<CsmaNetDevice>(lanA.Get(1));
    m_rtrB = DynamicCast<CsmaNetDevice>(lanB.Get(0));
    m_respDev = DynamicCast<CsmaNetDevice>(lanB.Get(1));
    // The 512-bit slot of Ethernet at 10 Gb/s, and room in the queues,
    // so that contention on LAN B (ARP replies against forwarded
    // datagrams) delays frames and never drops them.
    for (auto d : {m_srcDev, m_rtrA, m_rtrB, m_respDev})
    {
        d->SetBackoffParams(NanoSeconds(51), 1, 1023, 1000, 10);
        d->GetQueue()->SetMaxSize(QueueSize("100000p"));
    }
    m_rtrMacA = Mac48Address::ConvertFrom(m_rtrA->GetAddress());
    m_respMac = Mac48Address::ConvertFrom(m_respDev->GetAddress());

    if (std::getenv("BENCH_FORWARD_DEBUG") != nullptr)
    {
        for (auto d : {m_rtrA, m_rtrB, m_respDev})
        {
            for (auto t : {"MacTxDrop", "PhyTxDrop", "PhyRxDrop", "MacRxDrop", "MacTxBackoff"})
            {
                d->TraceConnect(t, t, MakeCallback(&DebugDev));
            }
        }
    }
    responder->RegisterProtocolHandler(MakeCallback(&Scenario::ResponderRx, this),
                                       0x0800,
                                       m_respDev);
    responder->RegisterProtocolHandler(MakeCallback(&Scenario::ResponderRx, this),
                                       0x0806,
                                       m_respDev);

    // ns-3's ARP waits a random 0-10 ms (RequestJitter) before each
    // request; bsdnet asks at once.  Both ask at once here: the same
    // work, and every destination learned within the learn phase.
    ns3::Config::SetDefault("ns3::ArpL3Protocol::RequestJitter",
                       StringValue("ns3::ConstantRandomVariable[Constant=0.0]"));
    if (m_cfg.stack == "null")
    {
        router->RegisterProtocolHandler(MakeCallback(&Scenario::NullRx, this), 0x0800, m_rtrA);
    }
    else if (m_cfg.stack == "ns3")
    {
        InternetStackHelper internet;
        Ipv4StaticRoutingHelper staticRouting;
        internet.SetRoutingHelper(staticRouting);
        internet.SetIpv6StackInstall(false);
        internet.Install(router);
        Ptr<Ipv4> ipv4 = router->GetObject<Ipv4>();
        uint32_t a = ipv4->AddInterface(m_rtrA);
        ipv4->AddAddress(a, Ipv4InterfaceAddress(Ipv4Address(0xc0a80001), Ipv4Mask("/24")));
        ipv4->SetUp(a);
        uint32_t b = ipv4->AddInterface(m_rtrB);
        ipv4->AddAddress(b, Ipv4InterfaceAddress(Ipv4Address(kRouterB), Ipv4Mask("/8")));
        ipv4->SetUp(b);
        ipv4->SetAttribute("IpForward", BooleanValue(true));
    }
    else
    {
        BsdStackHelper stack;
        stack.SetPersonality(m_cfg.personality);
        stack.SetAttribute("IpForwarding", BooleanValue(true));
        stack.SetAttribute("MemoryLimit", StringValue("0"));
        stack.Install(router);
        BsdStackHelper::AddAddress(m_rtrA, "192.168.0.1/24");
        BsdStackHelper::AddAddress(m_rtrB, "10.0.0.1/8");
        m_kernel = router->GetObject<BsdKernel>();
        if (std::getenv("BENCH_FORWARD_DEBUG") != nullptr)
        {
            m_kernel->TraceConnectWithoutContext("Drop", MakeCallback(&DebugDrop));
        }
    }

    Simulator::Schedule(MilliSeconds(1), &Scenario::Generate, this, 0);
    m_out.heapStart = HeapInUse();
    m_out.rssStartKb = RssKb();
    Simulator::Run();
    m_out.steadyWall = std::chrono::duration<double>(m_t2 - m_t1).count();
    m_out.learnWall = std::chrono::duration<double>(m_tLearned - m_t0).count();
    m_out.arpAnswered = m_arpAnswered;
    m_out.heapEnd = HeapInUse();
    m_out.peakRssKb = PeakRssKb();
    m_out.events = Simulator::GetEventCount();
    if (m_kernel)
    {
        m_out.bsdDrops = m_kernel->GetDropCount();
    }
    m_out.ok = 1;
    Simulator::Destroy();
    return m_out;
}

/// Run cfg in a child process; its outcome, or ok == 0.
Outcome
RunForked(const RunConfig& cfg)
{
    Outcome out;
    int fds[2];
    std::fflush(stdout);
    std::fflush(stderr);
    if (pipe(fds) != 0)
    {
        std::perror("bench-forward: pipe");
        return out;
    }
    pid_t pid = fork();
    if (pid < 0)
    {
        std::perror("bench-forward: fork");
        return out;
    }
    if (pid == 0)
    {
        close(fds[0]);
        Scenario s(cfg);
        Outcome o = s.Run();
        ssize_t w = write(fds[1], &o, sizeof(o));
        _exit(w == ssize_t(sizeof(o)) ? 0 : 1);
    }
    close(fds[1]);
    size_t got = 0;
    auto* p = reinterpret_cast<char*>(&out);
    while (got < sizeof(out))
    {
        ssize_t r = read(fds[0], p + got, sizeof(out) - got);
        if (r <= 0)
        {
            break;
        }
        got += size_t(r);
    }
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (got != sizeof(out) || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
    {
        std::fprintf(stderr,
                     "bench-forward: child for %s N=%" PRIu64 " failed (status %d)\n",
                     cfg.stack.c_str(),
                     cfg.n,
                     status);
        out = Outcome();
    }
    return out;
}

void
Usage()
{
    std::fprintf(stderr,
                 "usage: bench-forward [--quick | --sizes=N,...] [--stacks=null,ns3,bsdnet]\n"
                 "                     [--steady=M] [--gap=NS] [--personality=P] [--repeat=R]\n"
                 "                     [--no-fork] [--csv=FILE]\n"
                 "  --quick          N = 1000, 10000; steady 100000 datagrams\n"
                 "  --sizes=N,...    destinations, each %" PRIu64 "..%" PRIu64
                 " (default 1000,10000,100000,1000000)\n"
                 "  --stacks=...     which routers (default null,ns3,bsdnet)\n"
                 "  --steady=M       datagrams in the steady phase (default 1000000)\n"
                 "  --gap=NS         ns between datagrams (default 1000)\n"
                 "  --personality=P  bsdnet personality (default netbsd-1.5)\n"
                 "  --repeat=R       runs per (stack, N), interleaved; fastest kept (default 3)\n"
                 "  --no-fork        run in this process (one stack and size; for callgrind)\n"
                 "  --csv=FILE       also write one row per (stack, N) to FILE\n",
                 kMinSize,
                 kMaxSize);
}

bool
ParseList(const std::string& s, std::vector<std::string>& out)
{
    size_t start = 0;
    while (start <= s.size())
    {
        size_t comma = s.find(',', start);
        std::string item = s.substr(start, comma == std::string::npos ? std::string::npos
                                                                         : comma - start);
        if (item.empty())
        {
            return false;
        }
        out.push_back(item);
        if (comma == std::string::npos)
        {
            return true;
        }
        start = comma + 1;
    }
    return false;
}

bool
ParseU64(const std::string& s, uint64_t lo, uint64_t hi, uint64_t& v)
{
    if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos)
    {
        return false;
    }
    errno = 0;
    unsigned long long x = std::strtoull(s.c_str(), nullptr, 10);
    if (errno != 0 || x < lo || x > hi)
    {
        return false;
    }
    v = x;
    return true;
}

double
PerPacketUs(double wall, uint64_t packets)
{
    return packets ? wall * 1e6 / double(packets) : 0;
}

} // namespace

int
main(int argc, char** argv)
{
    std::vector<uint64_t> sizes;
    std::vector<std::string> stacks;
    bool quick = false;
    bool noFork = false;
    uint64_t repeat = 3;
    uint64_t steady = 0;
    uint64_t gap = 1000;
    std::string personality = "netbsd-1.5";
    std::string csvPath;
    for (int a = 1; a < argc; a++)
    {
        std::string arg = argv[a];
        std::string val = arg.find('=') != std::string::npos ? arg.substr(arg.find('=') + 1) : "";
        if (arg == "--quick")
        {
            quick = true;
        }
        else if (arg == "--no-fork")
        {
            noFork = true;
        }
        else if (arg.rfind("--sizes=", 0) == 0)
        {
            std::vector<std::string> items;
            if (!ParseList(val, items))
            {
                std::fprintf(stderr, "bench-forward: --sizes=%s: expected N,N,...\n", val.c_str());
                Usage();
                return 2;
            }
            for (const auto& it : items)
            {
                uint64_t v;
                if (!ParseU64(it, kMinSize, kMaxSize, v))
                {
                    std::fprintf(stderr,
                                 "bench-forward: --sizes: %s is not a number %" PRIu64
                                 "..%" PRIu64 "\n",
                                 it.c_str(),
                                 kMinSize,
                                 kMaxSize);
                    return 2;
                }
                sizes.push_back(v);
            }
        }
        else if (arg.rfind("--stacks=", 0) == 0)
        {
            if (!ParseList(val, stacks))
            {
                Usage();
                return 2;
            }
            for (const auto& s : stacks)
            {
                if (s != "null" && s != "ns3" && s != "bsdnet")
                {
                    std::fprintf(stderr,
                                 "bench-forward: --stacks: %s: allowed null, ns3, bsdnet\n",
                                 s.c_str());
                    return 2;
                }
            }
        }
        else if (arg.rfind("--steady=", 0) == 0)
        {
            if (!ParseU64(val, 1, 100000000, steady))
            {
                std::fprintf(stderr, "bench-forward: --steady: allowed 1..100000000\n");
                return 2;
            }
        }
        else if (arg.rfind("--repeat=", 0) == 0)
        {
            if (!ParseU64(val, 1, 100, repeat))
            {
                std::fprintf(stderr, "bench-forward: --repeat: allowed 1..100\n");
                return 2;
            }
        }
        else if (arg.rfind("--gap=", 0) == 0)
        {
            if (!ParseU64(val, 100, 1000000000, gap))
            {
                std::fprintf(stderr, "bench-forward: --gap: allowed 100..1000000000 ns\n");
                return 2;
            }
        }
        else if (arg.rfind("--personality=", 0) == 0)
        {
            if (bsd_personality_find(val.c_str()) == nullptr)
            {
                std::fprintf(stderr,
                             "bench-forward: --personality: allowed netbsd-1.5, bsdos-4, "
                             "freebsd-4, netbsd-2\n");
                return 2;
            }
            personality = val;
        }
        else if (arg.rfind("--csv=", 0) == 0)
        {
            if (val.empty())
            {
                std::fprintf(stderr, "bench-forward: --csv: expected a file name\n");
                return 2;
            }
            csvPath = val;
        }
        else
        {
            std::fprintf(stderr, "bench-forward: unknown argument \"%s\"\n", arg.c_str());
            Usage();
            return 2;
        }
    }
    if (quick && !sizes.empty())
    {
        std::fprintf(stderr, "bench-forward: --quick and --sizes= cannot be used together\n");
        return 2;
    }
    if (sizes.empty())
    {
        sizes = quick ? std::vector<uint64_t>{1000, 10000}
                      : std::vector<uint64_t>{1000, 10000, 100000, 1000000};
    }
    if (stacks.empty())
    {
        stacks = {"null", "ns3", "bsdnet"};
    }
    if (steady == 0)
    {
        steady = quick ? 100000 : 1000000;
    }
    if (noFork)
    {
        repeat = 1;
    }
    if (noFork && (sizes.size() != 1 || stacks.size() != 1))
    {
        std::fprintf(stderr, "bench-forward: --no-fork takes one --sizes= and one --stacks=\n");
        return 2;
    }
    // Opened before the runs, so a bad path costs seconds and not the bench.
    FILE* csv = nullptr;
    if (!csvPath.empty() && (csv = std::fopen(csvPath.c_str(), "w")) == nullptr)
    {
        std::fprintf(stderr,
                     "bench-forward: --csv: cannot write %s: %s\n",
                     csvPath.c_str(),
                     std::strerror(errno));
        return 2;
    }

    std::printf("bench-forward: a router forwarding UDP to N destinations on a CSMA LAN,\n"
                "ns-3 3.37's internet stack vs a bsdnet kernel (%s), same frames in\n",
                personality.c_str());
    std::printf("machine: %ld CPUs (nproc), %s; shared, so times are noisy\n",
                sysconf(_SC_NPROCESSORS_ONLN),
                CpuModel().c_str());
    std::printf(
        "scenario: source -LAN A- router -LAN B 10/8- responder, CSMA 10 Gb/s; the source and\n"
        "  the responder have no IP stack (raw frames; the responder answers ARP for all of\n"
        "  10/8 with its own MAC), so each router learns one ARP entry per destination by a\n"
        "  real request/reply: the same work for both stacks.\n"
        "  learn:  1 datagram (92 octets IP) to each of N destinations (random order),\n"
        "  steady: %" PRIu64 " datagrams to uniformly random learned destinations;\n"
        "  one datagram every %" PRIu64 " ns (simulated); every (stack, N) in a child process,\n"
        "  %" PRIu64 " runs each, interleaved, the fastest of each phase kept; times are the\n"
        "  child's own CPU time (wall time would count other processes' turns on the CPUs).\n"
        "  null = bare re-send handler on the router (source, channels, devices, responder,\n"
        "  scheduler: paid by every stack); router us = stack us - null us.\n\n",
        steady,
        gap,
        repeat);
    std::fflush(stdout);

    struct Row
    {
        std::string stack;
        uint64_t n;
        Outcome o;
    };
    std::vector<Row> rows;
    for (uint64_t n : sizes)
    {
        size_t first = rows.size();
        for (uint64_t rep = 0; rep < repeat; rep++)
        {
            for (size_t si = 0; si < stacks.size(); si++)
            {
                const std::string& s = stacks[si];
                RunConfig cfg;
                cfg.stack = s;
                cfg.n = n;
                cfg.steady = steady;
                cfg.gapNs = gap;
                cfg.personality = personality;
                std::fprintf(stderr,
                             "bench-forward: %s N = %" PRIu64 " (run %" PRIu64 ") ...\n",
                             s.c_str(),
                             n,
                             rep + 1);
                Outcome o;
                if (noFork)
                {
                    Scenario sc(cfg);
                    o = sc.Run();
                }
                else
                {
                    o = RunForked(cfg);
                }
                if (rep == 0)
                {
                    rows.push_back(Row{s, n, o});
                    continue;
                }
                // Runs interleave across stacks; each phase keeps its
                // fastest run, as a neighbour's burst only ever slows.
                Outcome& best = rows[first + si].o;
                if (o.ok && best.ok)
                {
                    best.learnWall = std::min(best.learnWall, o.learnWall);
                    best.steadyWall = std::min(best.steadyWall, o.steadyWall);
                }
                else if (o.ok)
                {
                    best = o;
                }
            }
        }
    }

    auto find = [&](const std::string& s, uint64_t n) -> const Outcome* {
        for (const auto& r : rows)
        {
            if (r.stack == s && r.n == n && r.o.ok)
            {
                return &r.o;
            }
        }
        return nullptr;
    };

    std::printf("Per run (CPU s and us per datagram; Mpkt/s = simulated datagrams per CPU s;\n"
                "B/dest = heap growth over the learn phase / N; RSS in MB):\n");
    std::printf("%-7s %8s %8s %8s %8s %8s %9s %8s %8s %8s %8s\n",
                "stack",
                "N",
                "learn s",
                "us/dst",
                "steady s",
                "us/pkt",
                "Mpkt/s",
                "B/dest",
                "RSS0 MB",
                "peak MB",
                "events/pkt");
    for (const auto& r : rows)
    {
        const Outcome& o = r.o;
        if (!o.ok)
        {
            std::printf("%-7s %8" PRIu64 "  (failed)\n", r.stack.c_str(), r.n);
            continue;
        }
        uint64_t pk = r.n + steady;
        std::printf("%-7s %8" PRIu64 " %8.2f %8.3f %8.2f %8.3f %9.3f %8.1f %8.1f %8.1f %8.1f\n",
                    r.stack.c_str(),
                    r.n,
                    o.learnWall,
                    PerPacketUs(o.learnWall, r.n),
                    o.steadyWall,
                    PerPacketUs(o.steadyWall, steady),
                    double(pk) / (o.learnWall + o.steadyWall) / 1e6,
                    double(o.heapLearned - o.heapStart) / double(r.n),
                    double(o.rssStartKb) / 1024,
                    double(o.peakRssKb) / 1024,
                    double(o.events) / double(pk));
    }

    std::printf("\nRouter alone (stack - null), us per datagram, and ns-3 / bsdnet:\n");
    std::printf("%8s %10s %10s %10s %10s %10s %10s %10s %10s\n",
                "N",
                "ns3 learn",
                "bsd learn",
                "ratio",
                "ns3 stdy",
                "bsd stdy",
                "ratio",
                "whole",
                "ns3/bsd B");
    for (uint64_t n : sizes)
    {
        const Outcome* nu = find("null", n);
        const Outcome* n3 = find("ns3", n);
        const Outcome* bs = find("bsdnet", n);
        if (!nu || !n3 || !bs)
        {
            continue;
        }
        double nl = PerPacketUs(nu->learnWall, n);
        double ns = PerPacketUs(nu->steadyWall, steady);
        double n3l = PerPacketUs(n3->learnWall, n) - nl;
        double bsl = PerPacketUs(bs->learnWall, n) - nl;
        double n3s = PerPacketUs(n3->steadyWall, steady) - ns;
        double bss = PerPacketUs(bs->steadyWall, steady) - ns;
        double whole = (n3->learnWall + n3->steadyWall) / (bs->learnWall + bs->steadyWall);
        double bytes = double(n3->heapLearned - n3->heapStart) /
                       std::max(1.0, double(bs->heapLearned - bs->heapStart));
        std::printf("%8" PRIu64 " %10.3f %10.3f %10.2f %10.3f %10.3f %10.2f %10.2f %10.2f\n",
                    n,
                    n3l,
                    bsl,
                    bsl > 0 ? n3l / bsl : 0,
                    n3s,
                    bss,
                    bss > 0 ? n3s / bss : 0,
                    whole,
                    bytes);
    }
    std::printf("  ratio = ns-3 router us / bsdnet router us (above 1: bsdnet faster);\n"
                "  whole = ns-3 run time / bsdnet run time, both phases, null cost included.\n");

    std::printf("\nSanity (delivered should be N and steady; bsdnet ARP entries N):\n");
    for (const auto& r : rows)
    {
        const Outcome& o = r.o;
        if (!o.ok)
        {
            continue;
        }
        std::printf("  %-7s N=%-8" PRIu64 " delivered %" PRIu64 " + %" PRIu64
                    ", ARP replies %" PRIu64,
                    r.stack.c_str(),
                    r.n,
                    o.learnDelivered,
                    o.steadyDelivered,
                    o.arpAnswered);
        if (r.stack == "bsdnet")
        {
            std::printf(", ARP entries %" PRIu64 ", routes %" PRIu64 ", budget %.0f B/entry, drops %" PRIu64,
                        o.bsdArp,
                        o.bsdTotal,
                        o.bsdArp ? double(o.bsdBudget) / double(o.bsdArp) : 0.0,
                        o.bsdDrops);
        }
        std::printf("\n");
    }

    if (csv != nullptr)
    {
        // Per-datagram figures are the whole run's; router_* subtract null's.
        std::fprintf(csv,
                     "stack,n,steady,learn_us_per_dest,steady_us_per_pkt,"
                     "router_learn_us,router_steady_us,bytes_per_dest,peak_rss_mb\n");
        for (const auto& r : rows)
        {
            const Outcome& o = r.o;
            if (!o.ok)
            {
                continue;
            }
            const Outcome* nu = find("null", r.n);
            double learn = PerPacketUs(o.learnWall, r.n);
            double stdy = PerPacketUs(o.steadyWall, steady);
            std::fprintf(csv,
                         "%s,%" PRIu64 ",%" PRIu64 ",%.4f,%.4f,",
                         r.stack.c_str(),
                         r.n,
                         steady,
                         learn,
                         stdy);
            if (nu != nullptr && r.stack != "null")
            {
                std::fprintf(csv,
                             "%.4f,%.4f,",
                             learn - PerPacketUs(nu->learnWall, r.n),
                             stdy - PerPacketUs(nu->steadyWall, steady));
            }
            else
            {
                std::fprintf(csv, ",,");
            }
            std::fprintf(csv,
                         "%.1f,%.1f\n",
                         double(o.heapLearned - o.heapStart) / double(r.n),
                         double(o.peakRssKb) / 1024);
        }
        if (std::fclose(csv) != 0)
        {
            std::fprintf(stderr, "bench-forward: --csv: writing %s failed\n", csvPath.c_str());
            return 1;
        }
        std::printf("\nbench-forward: wrote %s\n", csvPath.c_str());
    }
    return 0;
}
