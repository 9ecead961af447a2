/*
 * bench-route: route lookup in the bsdnet C core against ns-3's own
 * Ipv4StaticRouting, holding the same routes, measured in the same run.
 *
 * For each table size N the program
 *  - builds a bsdnet kernel (personality netbsd-2, fixed clock, unlimited
 *    memory budget) with eth0 at 10.0.0.1/16 (a cloning route, as
 *    arp_ifinit made it), a default route via 10.0.0.254, and random
 *    static routes via 10.0.0.254 up to N entries in all: about 55% /24,
 *    25% /16-/23, 10% /25-/31 and 10% /32, none inside 10.0/16;
 *  - times bsd_rtalloc1(report=1) + bsd_rtfree on random destinations
 *    inside those routes ("hits"), then on distinct destinations inside
 *    10.0/16, each of which clones a new host route ("clones"): hits are
 *    measured first since every clone adds an entry;
 *  - reports bytes per route twice: the kernel budget (what a real i386
 *    kernel paid, k_mem.mb_used) and the simulator's own pools;
 *  - builds the same N routes in ns-3's Ipv4StaticRouting on a node with
 *    one SimpleNetDevice at 10.0.0.1/16, and times
 *    Ipv4StaticRouting::RouteOutput on the same hit destinations.
 *
 * It prints figures and never asserts.  Usage:
 *   bench-route [--quick | --sizes=N,N,...]
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "bench_common.h"

extern "C"
{
#include "bsd_kernel.h"
#include "bsd_mem.h"
#include "bsd_personality.h"
#include "bsd_radix.h"
#include "bsd_route.h"
}

#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4-route.h"
#include "ns3/ipv4-routing-table-entry.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/ipv4.h"
#include "ns3/mac48-address.h"
#include "ns3/node.h"
#include "ns3/simple-channel.h"
#include "ns3/simple-net-device.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"

#include <unistd.h>

#include <algorithm>
#include <arpa/inet.h>
#include <array>
#include <cerrno>
#include <chrono>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <list>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

using namespace ns3;

using bench::CpuModel;
using bench::XorShift64Star;

namespace
{

using Clock = std::chrono::steady_clock;

// What is measured, per size.
constexpr uint64_t kHitLookups = 1000000; // bsdnet lookups that hit the table
constexpr uint64_t kMaxClones = 50000;    // clones inside the interface /16
constexpr uint64_t kSanitySample = 20000; // hits checked against a reference
constexpr unsigned kBatches = 5;          // bsdnet timing batches (median taken)
constexpr uint64_t kNs3MinLookups = 20;   // ns-3 lookups, at least
constexpr double kNs3LookupBudget = 2.0;  // s of ns-3 lookups per size, at most
constexpr double kNs3ApiFillBudget = 3.0; // s of ns-3 public-API inserts per size
constexpr uint64_t kMinSize = 100;
constexpr uint64_t kMaxSize = 2000000;

// The interface subnet, its cloning route and the gateway (host order).
constexpr uint32_t kIfAddr = 0x0a000001; // 10.0.0.1
constexpr unsigned kIfPlen = 16;
constexpr uint32_t kIfNet = 0x0a000000;   // 10.0/16
constexpr uint32_t kGateway = 0x0a0000fe; // 10.0.0.254

/// A route of the table: network (host order) and prefix length.
struct Prefix
{
    uint32_t net;
    uint8_t plen;
};

/// Netmask of plen bits, host order.
uint32_t
MaskOf(unsigned plen)
{
    return plen == 0 ? 0 : ~uint32_t(0) << (32 - plen);
}

/// A sockaddr_in for a host-order address.
bsd_sockaddr_in
SinOf(uint32_t hostAddr)
{
    bsd_sockaddr_in sin;
    bsd_sin_init(&sin, htonl(hostAddr));
    return sin;
}

/**
 * The prefix length mix of the table: about 55% /24, 25% /16-/23,
 * 10% /25-/31 and 10% /32 host routes.
 */
unsigned
DrawPlen(XorShift64Star& rng)
{
    uint64_t r = rng.Below(100);
    if (r < 55)
    {
        return 24;
    }
    if (r < 80)
    {
        return 16 + unsigned(rng.Below(8));
    }
    if (r < 90)
    {
        return 25 + unsigned(rng.Below(7));
    }
    return 32;
}

/**
 * A random unicast key: not 0/8, 127/8 or class D/E (ns-3 would take
 * the multicast path), and never inside the interface subnet 10.0/16
 * (prefixes are /16 or longer, so none can contain it either).
 */
uint32_t
DrawKey(XorShift64Star& rng)
{
    for (;;)
    {
        uint32_t a = uint32_t(rng.Next() >> 32);
        uint32_t first = a >> 24;
        if (first == 0 || first == 127 || first >= 224)
        {
            continue;
        }
        if ((a & MaskOf(kIfPlen)) == kIfNet)
        {
            continue;
        }
        return a;
    }
}

/**
 * Longest-prefix match the slow, obvious way: one hash set of networks
 * per prefix length, tried from /32 down.  Only to check bsdnet's answers.
 */
class ReferenceTable
{
  public:
    void
    Add(uint32_t net, unsigned plen)
    {
        m_sets[plen].insert(net & MaskOf(plen));
    }

    /// The matching prefix length, or -1 if none.
    int
    Match(uint32_t dst) const
    {
        for (int plen = 32; plen >= 0; plen--)
        {
            if (m_sets[plen].count(dst & MaskOf(unsigned(plen))) != 0)
            {
                return plen;
            }
        }
        return -1;
    }

  private:
    std::array<std::unordered_set<uint32_t>, 33> m_sets;
};

/*
 * ns-3 3.37's Ipv4StaticRouting::AddNetworkRouteTo and AddHostRouteTo
 * first scan the whole route list for a duplicate (LookupRoute), so
 * filling a table of N routes through them costs O(N^2).  Where that
 * would blow the time budget, the rest of the table is appended the way
 * those calls append after the scan finds nothing (a new'd entry and its
 * metric pushed on m_networkRoutes), which gives the same list, since
 * our routes are distinct.  m_networkRoutes is private; explicit
 * template instantiation is allowed to name it, which is how we reach it.
 * Lookups always go through the public RouteOutput().
 */
using Ns3NetworkRoutes = std::list<std::pair<Ipv4RoutingTableEntry*, uint32_t>>;

struct NetworkRoutesTag
{
    using type = Ns3NetworkRoutes Ipv4StaticRouting::*;
    friend type GetMember(NetworkRoutesTag);
};

template <typename Tag, typename Tag::type Member>
struct PrivateMember
{
    friend typename Tag::type
    GetMember(Tag)
    {
        return Member;
    }
};

template struct PrivateMember<NetworkRoutesTag, &Ipv4StaticRouting::m_networkRoutes>;

/// One row of results.
struct Result
{
    uint64_t size{0};
    // bsdnet
    double bsdAddNs{0};
    double bsdHitNs{0};
    uint64_t hits{0};
    double bsdCloneNs{0};
    uint64_t clones{0};
    double budgetBytes{0};
    double processBytes{0};
    uint64_t hitChecked{0};
    uint64_t hitMismatch{0};
    uint64_t cloneMismatch{0};
    // ns-3
    double ns3ApiAddNs{0};
    uint64_t ns3ApiAdds{0};
    uint64_t ns3DirectAdds{0};
    double ns3ApiProjectedS{0};
    uint32_t ns3Routes{0};
    double ns3LookupNs{0};
    uint64_t ns3Lookups{0};
    uint64_t ns3Mismatch{0};
};

/// The median of per-batch figures (robust to a neighbour's burst).
double
Median(std::vector<double> v)
{
    if (v.empty())
    {
        return 0;
    }
    std::sort(v.begin(), v.end());
    size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/**
 * Time f(i) for every i in [0, n), in kBatches consecutive batches, and
 * return the median batch's ns per call.
 */
template <typename F>
double
TimeBatches(size_t n, F f)
{
    std::vector<double> perCall;
    for (unsigned b = 0; b < kBatches; b++)
    {
        size_t lo = n * b / kBatches;
        size_t hi = n * (b + 1) / kBatches;
        if (hi == lo)
        {
            continue;
        }
        auto t0 = Clock::now();
        for (size_t i = lo; i < hi; i++)
        {
            f(i);
        }
        perCall.push_back(std::chrono::duration<double>(Clock::now() - t0).count() * 1e9
                          / double(hi - lo));
    }
    return Median(perCall);
}

double
SecondsSince(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

int64_t
FixedClock(void* /* ctx */)
{
    // The clock never moves: no timer can fire while we measure.
    return 0;
}

/**
 * The table: N distinct routes in all, counting the interface route and
 * the default route that every table has.
 */
std::vector<Prefix>
DrawTable(uint64_t size, XorShift64Star& rng)
{
    std::vector<Prefix> routes;
    std::unordered_set<uint64_t> seen;
    uint64_t want = size - 2;
    routes.reserve(want);
    seen.reserve(want * 2);
    while (routes.size() < want)
    {
        unsigned plen = DrawPlen(rng);
        uint32_t net = DrawKey(rng) & MaskOf(plen);
        if (!seen.insert((uint64_t(net) << 8) | plen).second)
        {
            continue; // the same key and mask again: draw another
        }
        routes.push_back(Prefix{net, uint8_t(plen)});
    }
    return routes;
}

/// Random destinations, each inside a random route of the table.
std::vector<uint32_t>
DrawHits(const std::vector<Prefix>& routes, uint64_t count, XorShift64Star& rng)
{
    std::vector<uint32_t> dsts(count);
    for (auto& d : dsts)
    {
        const Prefix& p = routes[rng.Below(routes.size())];
        d = p.net | (uint32_t(rng.Next() >> 32) & ~MaskOf(p.plen));
    }
    return dsts;
}

/**
 * Distinct hosts of the interface subnet, in random order, leaving out
 * its network and broadcast addresses, our own address and the gateway.
 */
std::vector<uint32_t>
DrawClones(uint64_t count, XorShift64Star& rng)
{
    std::vector<uint32_t> hosts;
    uint32_t span = ~MaskOf(kIfPlen);
    for (uint32_t h = 1; h < span; h++)
    {
        uint32_t a = kIfNet | h;
        if (a != kIfAddr && a != kGateway)
        {
            hosts.push_back(a);
        }
    }
    for (size_t i = hosts.size() - 1; i > 0; i--) // Fisher-Yates
    {
        std::swap(hosts[i], hosts[rng.Below(i + 1)]);
    }
    hosts.resize(std::min<uint64_t>(count, hosts.size()));
    return hosts;
}

/// The bsdnet half: build, look up, clone, count bytes.
bool
MeasureBsdnet(const std::vector<Prefix>& routes,
              const std::vector<uint32_t>& hits,
              const std::vector<uint32_t>& cloneDsts,
              Result& res)
{
    static const uint8_t mac[6] = {0x08, 0x00, 0x2b, 0x00, 0x49, 0xa4};
    const bsd_personality* pers = bsd_personality_find("netbsd-2");
    bsd_hooks hooks;
    std::memset(&hooks, 0, sizeof(hooks));
    hooks.h_now = FixedClock;
    if (pers == nullptr)
    {
        std::fprintf(stderr, "bench-route: no personality netbsd-2\n");
        return false;
    }
    bsd_personality p = *pers;
    p.p_tun.mem_limit = 0; // unlimited: we measure, we do not exhaust
    bsd_kernel* k = bsd_kernel_create(&p, &hooks);
    if (k == nullptr)
    {
        std::fprintf(stderr, "bench-route: bsd_kernel_create failed\n");
        return false;
    }
    bsd_ifnet* ifp = bsd_if_attach(k,
                                   "eth0",
                                   BSD_IFT_ETHER,
                                   mac,
                                   sizeof(mac),
                                   1500,
                                   BSD_IFF_UP | BSD_IFF_BROADCAST | BSD_IFF_RUNNING);
    if (ifp == nullptr || bsd_in_ifaddr_add(k, ifp, htonl(kIfAddr), kIfPlen) != 0)
    {
        std::fprintf(stderr, "bench-route: cannot configure eth0\n");
        bsd_kernel_destroy(k);
        return false;
    }
    bsd_sockaddr_in gw = SinOf(kGateway);
    bsd_sockaddr_in any = SinOf(0);
    bsd_sockaddr_in anyMask;
    bsd_sin_mask(&anyMask, 0);
    int error = bsd_rtrequest(k,
                              BSD_RTM_ADD,
                              reinterpret_cast<bsd_sockaddr*>(&any),
                              reinterpret_cast<bsd_sockaddr*>(&gw),
                              reinterpret_cast<bsd_sockaddr*>(&anyMask),
                              BSD_RTF_GATEWAY | BSD_RTF_STATIC,
                              nullptr);
    if (error != 0)
    {
        std::fprintf(stderr, "bench-route: default route: error %d\n", error);
        bsd_kernel_destroy(k);
        return false;
    }

    // Insertion: route add -net ... 10.0.0.254, N-2 times (timed).
    auto t0 = Clock::now();
    for (const Prefix& r : routes)
    {
        bsd_sockaddr_in dst = SinOf(r.net);
        bsd_sockaddr_in mask;
        bsd_sin_mask(&mask, r.plen);
        uint32_t flags = BSD_RTF_GATEWAY | BSD_RTF_STATIC | (r.plen == 32 ? BSD_RTF_HOST : 0);
        error = bsd_rtrequest(k,
                              BSD_RTM_ADD,
                              reinterpret_cast<bsd_sockaddr*>(&dst),
                              reinterpret_cast<bsd_sockaddr*>(&gw),
                              r.plen == 32 ? nullptr : reinterpret_cast<bsd_sockaddr*>(&mask),
                              flags,
                              nullptr);
        if (error != 0)
        {
            std::fprintf(
                stderr, "bench-route: RTM_ADD %08x/%u: error %d\n", r.net, unsigned(r.plen), error);
            bsd_kernel_destroy(k);
            return false;
        }
    }
    res.bsdAddNs = SecondsSince(t0) * 1e9 / double(routes.size());
    uint64_t total = bsd_rt_total(k);

    // Bytes per route, before any clone is made: the kernel budget and
    // what the simulator's pools (entries, radix nodes) hold.
    res.budgetBytes = double(k->k_mem.mb_used) / double(total);
    const bsd_radix_head& rnh = k->k_rtable;
    uint64_t hashBytes = rnh.rnh_hash != nullptr ? (uint64_t(1) << rnh.rnh_hbits) * sizeof(void*) : 0;
    uint64_t frontBytes = rnh.rnh_front != nullptr
                              ? (uint64_t(1) << BSD_RN_FRONTBITS) * sizeof(bsd_rn_front)
                              : 0;
    res.processBytes =
        double(k->k_rtpool.pr_bytes + rnh.rnh_pool.pr_bytes + hashBytes + frontBytes) /
        double(total);

    std::vector<bsd_sockaddr_in> hitSins(hits.size());
    for (size_t i = 0; i < hits.size(); i++)
    {
        hitSins[i] = SinOf(hits[i]);
    }

    // Hits: rtalloc1(dst, report=1) + rtfree, as a sender would do per
    // packet.  A short untimed pass first to warm caches and branch
    // predictors, then every destination, timed in kBatches batches.
    uint64_t sink = 0;
    auto lookup = [&](const bsd_sockaddr_in& sin)
    {
        bsd_rtentry* rt = bsd_rtalloc1(k, reinterpret_cast<const bsd_sockaddr*>(&sin), 1, 0);
        sink += rt->rt_plen;
        bsd_rtfree(k, rt);
    };
    size_t warm = std::min<size_t>(hitSins.size(), 10000);
    for (size_t i = 0; i < warm; i++)
    {
        lookup(hitSins[i]);
    }
    res.bsdHitNs = TimeBatches(hitSins.size(),
                               [&](size_t i)
                               {
                                   lookup(hitSins[i]);
                               });
    res.hits = hitSins.size();

    // Sanity, untimed: the entry bsdnet returns for a sample of hits is
    // the longest match a reference table finds.
    ReferenceTable ref;
    ref.Add(kIfNet, kIfPlen);
    ref.Add(0, 0);
    for (const Prefix& r : routes)
    {
        ref.Add(r.net, r.plen);
    }
    res.hitChecked = std::min<uint64_t>(kSanitySample, hits.size());
    for (uint64_t i = 0; i < res.hitChecked; i++)
    {
        int plen = ref.Match(hits[i]);
        bsd_rtentry* rt = bsd_rtalloc1(k, reinterpret_cast<const bsd_sockaddr*>(&hitSins[i]), 1, 0);
        if (rt == nullptr || plen < 0 || rt->rt_plen != unsigned(plen)
            || rt->rt_dst.sin_addr != htonl(hits[i] & MaskOf(unsigned(plen))))
        {
            res.hitMismatch++;
        }
        bsd_rtfree(k, rt);
    }

    // Clones: each destination is new inside the cloning 10.0/16, so
    // each lookup makes (and returns) a new RTF_CLONED host route.
    std::vector<bsd_sockaddr_in> cloneSins(cloneDsts.size());
    for (size_t i = 0; i < cloneDsts.size(); i++)
    {
        cloneSins[i] = SinOf(cloneDsts[i]);
    }
    uint64_t before = bsd_rt_total(k);
    res.bsdCloneNs = TimeBatches(cloneSins.size(),
                                 [&](size_t i)
                                 {
                                     lookup(cloneSins[i]);
                                 });
    res.clones = cloneSins.size();
    // Every clone must be there, a marked host route of its own.
    if (bsd_rt_total(k) - before != cloneSins.size())
    {
        res.cloneMismatch
            += cloneSins.size() - std::min(cloneSins.size(), bsd_rt_total(k) - before);
    }
    for (size_t i = 0; i < cloneDsts.size(); i += std::max<size_t>(1, cloneDsts.size() / 1000))
    {
        bsd_rtentry* rt = bsd_rtlookup(k, htonl(cloneDsts[i]), 32);
        if (rt == nullptr || (rt->rt_flags & BSD_RTF_CLONED) == 0)
        {
            res.cloneMismatch++;
        }
    }
    if (sink == 0)
    {
        std::fprintf(stderr, "bench-route: no lookup returned a route?\n");
    }
    bsd_kernel_destroy(k);
    return true;
}

/// The ns-3 half: the same routes in Ipv4StaticRouting, the same hits.
void
MeasureNs3(const std::vector<Prefix>& routes, const std::vector<uint32_t>& hits, Result& res)
{
    Ptr<Node> node = CreateObject<Node>();
    Ipv4StaticRoutingHelper staticHelper;
    InternetStackHelper stack;
    stack.SetRoutingHelper(staticHelper); // Ipv4StaticRouting alone, no list
    stack.SetIpv6StackInstall(false);
    stack.Install(node);

    Ptr<SimpleNetDevice> dev = CreateObject<SimpleNetDevice>();
    dev->SetAddress(Mac48Address::Allocate());
    node->AddDevice(dev);
    dev->SetChannel(CreateObject<SimpleChannel>());

    Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
    uint32_t ifIndex = ipv4->AddInterface(dev);
    ipv4->AddAddress(ifIndex,
                     Ipv4InterfaceAddress(Ipv4Address(kIfAddr), Ipv4Mask(MaskOf(kIfPlen))));
    ipv4->SetUp(ifIndex); // installs the interface route 10.0.0.0/16
    Ptr<Ipv4StaticRouting> sr = staticHelper.GetStaticRouting(ipv4);
    Ipv4Address gw(kGateway);
    sr->SetDefaultRoute(gw, ifIndex);

    // Insertion through the public API, as long as the time budget lasts
    // (each add scans the list for a duplicate, so the cost grows with
    // the table), then the rest appended directly: see NetworkRoutesTag.
    size_t i = 0;
    auto t0 = Clock::now();
    double apiSeconds = 0;
    while (i < routes.size())
    {
        size_t end = std::min(routes.size(), i + 256);
        for (; i < end; i++)
        {
            const Prefix& r = routes[i];
            if (r.plen == 32)
            {
                sr->AddHostRouteTo(Ipv4Address(r.net), gw, ifIndex);
            }
            else
            {
                sr->AddNetworkRouteTo(Ipv4Address(r.net), Ipv4Mask(MaskOf(r.plen)), gw, ifIndex);
            }
        }
        apiSeconds = SecondsSince(t0);
        if (apiSeconds >= kNs3ApiFillBudget)
        {
            break;
        }
    }
    res.ns3ApiAdds = i;
    res.ns3ApiAddNs = i ? apiSeconds * 1e9 / double(i) : 0;
    // O(N^2): the whole table through the API would take about this long.
    res.ns3ApiProjectedS = apiSeconds * (double(routes.size()) / double(std::max<size_t>(i, 1)))
                         * (double(routes.size()) / double(std::max<size_t>(i, 1)));
    Ns3NetworkRoutes& list = (*sr).*GetMember(NetworkRoutesTag());
    for (; i < routes.size(); i++)
    {
        const Prefix& r = routes[i];
        Ipv4RoutingTableEntry e
            = r.plen == 32
                ? Ipv4RoutingTableEntry::CreateHostRouteTo(Ipv4Address(r.net), gw, ifIndex)
                : Ipv4RoutingTableEntry::CreateNetworkRouteTo(
                    Ipv4Address(r.net), Ipv4Mask(MaskOf(r.plen)), gw, ifIndex);
        list.emplace_back(new Ipv4RoutingTableEntry(e), 0);
        res.ns3DirectAdds++;
    }
    res.ns3Routes = sr->GetNRoutes();

    // Lookups: RouteOutput() for a locally sent packet to each hit, in
    // batches (each timed; the median batch is reported), until the time
    // budget is spent or every hit is done.
    uint64_t maxLookups = hits.size();
    uint64_t batch = std::max<uint64_t>(1, 100000 / routes.size());
    Ipv4Header hdr;
    hdr.SetSource(Ipv4Address(kIfAddr));
    Socket::SocketErrno err;
    std::vector<double> perCall;
    uint64_t done = 0;
    t0 = Clock::now();
    while (done < maxLookups)
    {
        uint64_t start = done;
        uint64_t end = std::min(maxLookups, done + batch);
        auto tb = Clock::now();
        for (; done < end; done++)
        {
            hdr.SetDestination(Ipv4Address(hits[done]));
            Ptr<Ipv4Route> route = sr->RouteOutput(nullptr, hdr, nullptr, err);
            if (!route || route->GetGateway() != gw)
            {
                res.ns3Mismatch++;
            }
        }
        perCall.push_back(SecondsSince(tb) * 1e9 / double(end - start));
        if (done >= kNs3MinLookups && SecondsSince(t0) >= kNs3LookupBudget)
        {
            break;
        }
    }
    res.ns3Lookups = done;
    res.ns3LookupNs = Median(perCall);

    // Free the routes now rather than at Simulator::Destroy().
    node->Dispose();
}

void
Usage()
{
    std::fprintf(stderr,
                 "usage: bench-route [--quick | --sizes=N,N,...]\n"
                 "  --quick         sizes 1000 and 10000 only\n"
                 "  --sizes=N,...   table sizes, each %" PRIu64 "..%" PRIu64 "\n"
                 "  (no argument: 1000, 10000, 100000, 1000000)\n",
                 kMinSize,
                 kMaxSize);
}

/// Parse --sizes=a,b,...; false (with a message) if anything is off.
bool
ParseSizes(const char* list, std::vector<uint64_t>& sizes)
{
    const char* s = list;
    if (*s == '\0')
    {
        std::fprintf(stderr, "bench-route: --sizes= needs at least one size\n");
        return false;
    }
    for (;;)
    {
        char* end;
        if (*s < '0' || *s > '9')
        {
            std::fprintf(
                stderr, "bench-route: --sizes=%s: expected a decimal number at \"%s\"\n", list, s);
            return false;
        }
        errno = 0;
        unsigned long long v = std::strtoull(s, &end, 10);
        if (errno != 0 || v < kMinSize || v > kMaxSize)
        {
            std::fprintf(stderr,
                         "bench-route: --sizes=%s: %.*s is out of range: each size must be "
                         "%" PRIu64 "..%" PRIu64 "\n",
                         list,
                         int(end - s),
                         s,
                         kMinSize,
                         kMaxSize);
            return false;
        }
        sizes.push_back(v);
        if (*end == '\0')
        {
            return true;
        }
        if (*end != ',')
        {
            std::fprintf(stderr,
                         "bench-route: --sizes=%s: unexpected \"%s\"; sizes are separated by "
                         "commas\n",
                         list,
                         end);
            return false;
        }
        s = end + 1;
    }
}

} // namespace

int
main(int argc, char** argv)
{
    std::vector<uint64_t> sizes;
    bool quick = false;
    for (int a = 1; a < argc; a++)
    {
        if (std::strcmp(argv[a], "--quick") == 0)
        {
            quick = true;
        }
        else if (std::strncmp(argv[a], "--sizes=", 8) == 0)
        {
            if (!ParseSizes(argv[a] + 8, sizes))
            {
                Usage();
                return 2;
            }
        }
        else
        {
            std::fprintf(stderr,
                         "bench-route: unknown argument \"%s\": the only flags are --quick "
                         "and --sizes=N,N,... (each N %" PRIu64 "..%" PRIu64 ")\n",
                         argv[a],
                         kMinSize,
                         kMaxSize);
            Usage();
            return 2;
        }
    }
    if (quick && !sizes.empty())
    {
        std::fprintf(stderr, "bench-route: --quick and --sizes= cannot be used together\n");
        Usage();
        return 2;
    }
    if (sizes.empty())
    {
        sizes = quick ? std::vector<uint64_t>{1000, 10000}
                      : std::vector<uint64_t>{1000, 10000, 100000, 1000000};
    }

    std::printf("bench-route: IPv4 route lookup, bsdnet C core vs ns-3 %s Ipv4StaticRouting\n",
                "3.37");
    std::printf(
        "machine: %ld CPUs (nproc), %s\n", sysconf(_SC_NPROCESSORS_ONLN), CpuModel().c_str());
    std::printf(
        "table: N routes = eth0 10.0.0.1/16 (cloning) + default + N-2 static via 10.0.0.254,\n"
        "       ~55%% /24, 25%% /16-/23, 10%% /25-/31, 10%% /32, random (xorshift64*, fixed "
        "seed)\n"
        "bsdnet: personality netbsd-2, fixed clock, unlimited budget;\n"
        "  hit   = ns per bsd_rtalloc1(dst, report=1, 0) + bsd_rtfree, random dst inside a "
        "route\n"
        "  clone = ns per the same call on a new dst in 10.0/16 (clones a host route; after "
        "hits)\n"
        "  budget B/rt  = k_mem.mb_used / N (what an i386 4.4BSD kernel paid per route)\n"
        "  process B/rt = (k_rtpool + radix node pool + host-route hash chains + the\n"
        "                 tree's 1 MiB front once built) bytes / N (the simulator's own cost,\n"
        "                 chunks of 64..4096 items, so small tables carry unused slack)\n"
        "  both counted on the N-route table, before any clone is made\n"
        "ns-3:   Ipv4StaticRouting::RouteOutput() on the same hit destinations, as many as "
        "fit\n"
        "        in %.0f s (at least %" PRIu64 "); ratio = ns-3 ns/lookup / bsdnet ns/hit\n"
        "Time: std::chrono::steady_clock around whole batches; each figure is the median\n"
        "      batch (bsdnet: %u batches per figure; ns-3: batches of max(1, 1e5/N) calls),\n"
        "      since other processes may share the CPUs.\n\n",
        kNs3LookupBudget,
        kNs3MinLookups,
        kBatches);
    std::fflush(stdout);

    std::vector<Result> results;
    for (uint64_t size : sizes)
    {
        std::fprintf(stderr, "bench-route: N = %" PRIu64 " ...\n", size);
        XorShift64Star rng(0x62736e6574ULL ^ size); // "bsnet"
        Result res;
        res.size = size;
        std::vector<Prefix> routes = DrawTable(size, rng);
        std::vector<uint32_t> hits = DrawHits(routes, kHitLookups, rng);
        std::vector<uint32_t> cloneDsts = DrawClones(kMaxClones, rng);
        if (!MeasureBsdnet(routes, hits, cloneDsts, res))
        {
            return 1;
        }
        MeasureNs3(routes, hits, res);
        results.push_back(res);
    }
    Simulator::Destroy();

    std::printf("Lookup (ns per call; counts are the calls timed):\n");
    std::printf("%9s %10s %9s %10s %8s %11s %8s %9s %9s %9s\n",
                "N",
                "bsd ns/hit",
                "hits",
                "ns/clone",
                "clones",
                "ns-3 ns/lk",
                "lookups",
                "ns-3/bsd",
                "budget",
                "process");
    std::printf("%9s %10s %9s %10s %8s %11s %8s %9s %9s %9s\n",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "x faster",
                "B/route",
                "B/route");
    for (const Result& r : results)
    {
        std::printf("%9" PRIu64 " %10.1f %9" PRIu64 " %10.1f %8" PRIu64 " %11.1f %8" PRIu64
                    " %9.0f %9.1f %9.1f\n",
                    r.size,
                    r.bsdHitNs,
                    r.hits,
                    r.bsdCloneNs,
                    r.clones,
                    r.ns3LookupNs,
                    r.ns3Lookups,
                    r.ns3LookupNs / r.bsdHitNs,
                    r.budgetBytes,
                    r.processBytes);
    }

    std::printf("\nInsertion (ns per route added):\n");
    std::printf("%9s %10s %12s %10s %10s %12s %11s\n",
                "N",
                "bsdnet",
                "ns-3 (API)",
                "API adds",
                "direct",
                "all-API est",
                "ns-3 routes");
    for (const Result& r : results)
    {
        std::printf("%9" PRIu64 " %10.1f %12.1f %10" PRIu64 " %10" PRIu64 " %10.2f s %11u\n",
                    r.size,
                    r.bsdAddNs,
                    r.ns3ApiAddNs,
                    r.ns3ApiAdds,
                    r.ns3DirectAdds,
                    r.ns3ApiProjectedS,
                    r.ns3Routes);
    }
    std::printf("  ns-3 3.37's AddNetworkRouteTo/AddHostRouteTo scan the list for a duplicate\n"
                "  first (O(N) each); past %.0f s of that, the rest is appended directly\n"
                "  (\"direct\"), giving the same list.  \"all-API est\" extrapolates the\n"
                "  quadratic fill to all N-2 routes.  ns-3 routes include its 127/8 loopback.\n",
                kNs3ApiFillBudget);

    std::printf("\nSanity (should all be 0):\n");
    for (const Result& r : results)
    {
        std::printf("  N=%-8" PRIu64 " bsdnet hit mismatches %" PRIu64 " of %" PRIu64
                    " checked, clone mismatches %" PRIu64 ", ns-3 lookups without the gateway "
                    "%" PRIu64 "\n",
                    r.size,
                    r.hitMismatch,
                    r.hitChecked,
                    r.cloneMismatch,
                    r.ns3Mismatch);
    }
    return 0;
}
