/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * FddiNetDevice, FddiChannel and FddiHelper: addressing, the timed
 * token's timing and order, fairness, pcap output, determinism.
 */
#include "bsd-framed-test-util.h"

#include "ns3/data-rate.h"
#include "ns3/fddi-channel.h"
#include "ns3/fddi-helper.h"
#include "ns3/fddi-net-device.h"
#include "ns3/mac48-address.h"
#include "ns3/node-container.h"
#include "ns3/queue.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::bsdtest;

namespace
{

/// FC, addresses and LLC/SNAP: what the C media code puts before a payload.
const uint32_t FDDI_HDR = 21;

/// What a receive callback saw.
struct RxRecord
{
    uint32_t dev;      //!< device index
    uint32_t size;     //!< payload length
    uint16_t protocol; //!< protocol number
    Address from;      //!< sender's address
    int64_t ns;        //!< when
};

/**
 * \brief Receive callback: log and accept.
 * \param log the log
 * \param dev the device's index
 * \param nd the device
 * \param p the payload
 * \param protocol its protocol number
 * \param from the sender
 * \return true
 */
bool
RxSink(std::vector<RxRecord>* log,
       uint32_t dev,
       Ptr<NetDevice> nd [[maybe_unused]],
       Ptr<const Packet> p,
       uint16_t protocol,
       const Address& from)
{
    log->push_back({dev, p->GetSize(), protocol, from, Simulator::Now().GetNanoSeconds()});
    return true;
}

/**
 * \brief Send a payload of some length through NetDevice::Send now.
 * \param dev the device
 * \param dest the destination
 * \param len the payload's length
 * \param protocol its protocol number
 */
void
DoSend(Ptr<NetDevice> dev, Address dest, uint32_t len, uint16_t protocol)
{
    dev->Send(Create<Packet>(len), dest, protocol);
}

/**
 * \brief Send a payload of some length through NetDevice::Send at a time.
 * \param at when
 * \param dev the device
 * \param dest the destination
 * \param len the payload's length
 * \param protocol its protocol number
 */
void
SendAt(Time at, Ptr<NetDevice> dev, Address dest, uint32_t len, uint16_t protocol = 0x0800)
{
    Simulator::Schedule(at, &DoSend, dev, dest, len, protocol);
}

/// Frame time of an n-octet frame under the model's formula, in ns.
int64_t
FrameNs(uint32_t octets)
{
    // (octets + 15 overhead octets) x 8 bits at 100 Mb/s = 10 ns a bit.
    return static_cast<int64_t>(octets + 15) * 8 * 10;
}

/// The hop delay with the default attributes: 5 us fibre + 600 ns station.
const int64_t HOP_NS = 5600;

/**
 * \brief PromiscReceiveCallback: count frames, and those for other hosts.
 * \param other frames of type PACKET_OTHERHOST
 * \param total all frames
 * \param type the frame's packet type
 * \return true
 */
bool
PromiscCount(uint32_t* other,
             uint32_t* total,
             Ptr<NetDevice>,
             Ptr<const Packet>,
             uint16_t,
             const Address&,
             const Address&,
             NetDevice::PacketType type)
{
    ++*total;
    *other += type == NetDevice::PACKET_OTHERHOST ? 1 : 0;
    return true;
}

/**
 * \brief Queue frames at two stations at once.
 * \param d0 the first station
 * \param d1 the second station
 * \param bcast the destination
 * \param perStation frames each
 * \param size the payload's length
 */
void
FillTwo(Ptr<NetDevice> d0, Ptr<NetDevice> d1, Address bcast, uint32_t perStation, uint32_t size)
{
    for (uint32_t i = 0; i < perStation; i++)
    {
        d0->Send(Create<Packet>(size), bcast, 0x0800);
        d1->Send(Create<Packet>(size), bcast, 0x0800);
    }
}

} // namespace

/**
 * \ingroup bsdnet-tests
 * \brief A frame reaches the addressed station once, the others only
 * promiscuously; broadcasts reach all; what cannot be framed is refused.
 */
class FddiAddressingTestCase : public TestCase
{
  public:
    FddiAddressingTestCase()
        : TestCase("FDDI unicast, broadcast, promiscuous and whole-frame delivery")
    {
    }

  private:
    void DoRun() override
    {
        NodeContainer nodes;
        nodes.Create(4);
        FddiHelper fddi;
        NetDeviceContainer devs = fddi.Install(nodes);
        NS_TEST_ASSERT_MSG_EQ(devs.GetN(), 4, "one device per node");
        Ptr<FddiChannel> ring = DynamicCast<FddiChannel>(devs.Get(0)->GetChannel());
        NS_TEST_ASSERT_MSG_NE(ring, nullptr, "devices are on an FddiChannel");
        NS_TEST_ASSERT_MSG_EQ(ring->GetNDevices(), 4, "all four on one ring");
        for (uint32_t i = 0; i < 4; i++)
        {
            Ptr<NetDevice> d = devs.Get(i);
            NS_TEST_ASSERT_MSG_EQ(ring->GetDevice(i), d, "ring order is install order");
            NS_TEST_ASSERT_MSG_EQ(d->GetMtu(), 4352, "RFC 1390 IP MTU");
            NS_TEST_ASSERT_MSG_EQ(d->NeedsArp(), true, "FDDI needs ARP");
            NS_TEST_ASSERT_MSG_EQ(d->IsBroadcast(), true, "FDDI is a broadcast medium");
            NS_TEST_ASSERT_MSG_EQ(d->IsPointToPoint(), false, "FDDI is not point to point");
            NS_TEST_ASSERT_MSG_EQ(d->IsMulticast(), true, "multicast maps to broadcast");
            NS_TEST_ASSERT_MSG_EQ(d->IsLinkUp(), true, "attached: link up");
            NS_TEST_ASSERT_MSG_EQ(Mac48Address::IsMatchingType(d->GetAddress()),
                                  true,
                                  "FDDI addresses are Mac48Address");
            NS_TEST_ASSERT_MSG_EQ(d->GetMulticast(Ipv4Address("224.0.0.1")),
                                  d->GetBroadcast(),
                                  "IP multicast goes to the broadcast address");
            for (uint32_t j = 0; j < i; j++)
            {
                NS_TEST_ASSERT_MSG_NE(d->GetAddress(),
                                      devs.Get(j)->GetAddress(),
                                      "the helper allocates distinct addresses");
            }
        }
        NS_TEST_ASSERT_MSG_EQ(devs.Get(0)->GetBroadcast(),
                              Address(Mac48Address::GetBroadcast()),
                              "broadcast is ff:ff:ff:ff:ff:ff");

        std::vector<RxRecord> rx;
        std::vector<TraceEvent> sniff;
        std::vector<TraceEvent> promisc;
        std::vector<TraceEvent> macRx;
        for (uint32_t i = 0; i < 4; i++)
        {
            devs.Get(i)->SetReceiveCallback(MakeBoundCallback(&RxSink, &rx, i));
        }
        NS_TEST_ASSERT_MSG_EQ(HookAll(devs, "Sniffer", &sniff), true, "Sniffer exists");
        NS_TEST_ASSERT_MSG_EQ(HookAll(devs, "PromiscSniffer", &promisc),
                              true,
                              "PromiscSniffer exists");
        NS_TEST_ASSERT_MSG_EQ(HookAll(devs, "MacRx", &macRx), true, "MacRx exists");

        // Device 3 listens promiscuously as well.
        uint32_t otherHost = 0;
        uint32_t promiscTotal = 0;
        devs.Get(3)->SetPromiscReceiveCallback(
            MakeBoundCallback(&PromiscCount, &otherHost, &promiscTotal));

        // Device 2 takes whole frames, as BsdKernel does.
        std::vector<uint32_t> wholeFrames;
        Ptr<FddiNetDevice> d2 = DynamicCast<FddiNetDevice>(devs.Get(2));
        d2->SetFrameReceiveCallback(MakeBoundCallback(&FrameSize, &wholeFrames));

        // 0 -> 1 unicast IP, then 1 -> broadcast ARP, then 0 -> 2 unicast.
        SendAt(MilliSeconds(1), devs.Get(0), devs.Get(1)->GetAddress(), 100, 0x0800);
        SendAt(MilliSeconds(2), devs.Get(1), devs.Get(1)->GetBroadcast(), 28, 0x0806);
        SendAt(MilliSeconds(3), devs.Get(0), devs.Get(2)->GetAddress(), 200, 0x0800);
        Simulator::Run();

        // Receive callbacks: device 1 gets the unicast, 0 and 3 the broadcast.
        NS_TEST_ASSERT_MSG_EQ(rx.size(), 3, "three payloads delivered through ReceiveCallback");
        NS_TEST_ASSERT_MSG_EQ(rx[0].dev, 1, "the unicast reached device 1");
        NS_TEST_ASSERT_MSG_EQ(rx[0].size, 100, "the whole payload");
        NS_TEST_ASSERT_MSG_EQ(rx[0].protocol, 0x0800, "as IP");
        NS_TEST_ASSERT_MSG_EQ(rx[0].from, devs.Get(0)->GetAddress(), "from device 0");
        NS_TEST_ASSERT_MSG_EQ(rx[1].dev + rx[2].dev, 3, "the broadcast reached 0 and 3");
        NS_TEST_ASSERT_MSG_EQ(rx[1].protocol, 0x0806, "as ARP");
        NS_TEST_ASSERT_MSG_EQ(rx[1].size, 28, "the whole ARP payload");

        // Device 2 took its two frames (broadcast, unicast) whole.
        NS_TEST_ASSERT_MSG_EQ(wholeFrames.size(), 2, "the frame callback got two frames");
        NS_TEST_ASSERT_MSG_EQ(wholeFrames[0], FDDI_HDR + 28, "broadcast frame, header included");
        NS_TEST_ASSERT_MSG_EQ(wholeFrames[1], FDDI_HDR + 200, "unicast frame, header included");

        // Every device saw all three frames on the ring (sent or received).
        for (uint32_t i = 0; i < 4; i++)
        {
            NS_TEST_ASSERT_MSG_EQ(CountFor(promisc, i), 3, "PromiscSniffer sees every frame");
        }
        // Sniffer: own transmissions plus frames addressed to the station.
        NS_TEST_ASSERT_MSG_EQ(CountFor(sniff, 0), 3, "device 0: sent 2, broadcast 1");
        NS_TEST_ASSERT_MSG_EQ(CountFor(sniff, 1), 2, "device 1: unicast in, broadcast out");
        NS_TEST_ASSERT_MSG_EQ(CountFor(sniff, 2), 2, "device 2: broadcast, unicast");
        NS_TEST_ASSERT_MSG_EQ(CountFor(sniff, 3), 1, "device 3: the broadcast only");
        NS_TEST_ASSERT_MSG_EQ(CountFor(macRx, 3), 1, "MacRx at device 3: the broadcast only");
        NS_TEST_ASSERT_MSG_EQ(CountFor(macRx, 1), 1, "MacRx at device 1: the unicast only");
        NS_TEST_ASSERT_MSG_EQ(promiscTotal, 3, "promiscuous callback: every frame parsed");
        NS_TEST_ASSERT_MSG_EQ(otherHost, 2, "two were for other hosts");

        // What cannot be framed is refused.
        NS_TEST_ASSERT_MSG_EQ(
            devs.Get(0)->Send(Create<Packet>(10), devs.Get(1)->GetAddress(), 0x86dd),
            false,
            "only IP and ARP are framed");
        NS_TEST_ASSERT_MSG_EQ(
            devs.Get(0)->Send(Create<Packet>(4353), devs.Get(1)->GetAddress(), 0x0800),
            false,
            "a payload above the MTU is refused");
        Simulator::Destroy();
    }
};

/**
 * \ingroup bsdnet-tests
 * \brief Runt frames are dropped by the receivers; a full queue drops frames.
 */
class FddiDropTestCase : public TestCase
{
  public:
    FddiDropTestCase()
        : TestCase("FDDI runt frames and a full transmit queue")
    {
    }

  private:
    void DoRun() override
    {
        NodeContainer nodes;
        nodes.Create(3);
        FddiHelper fddi;
        fddi.SetQueue("ns3::DropTailQueue", "MaxSize", StringValue("2p"));
        NetDeviceContainer devs = fddi.Install(nodes);
        Ptr<FddiNetDevice> d0 = DynamicCast<FddiNetDevice>(devs.Get(0));
        std::vector<TraceEvent> macTx;
        std::vector<TraceEvent> macTxDrop;
        std::vector<TraceEvent> phyRxDrop;
        std::vector<TraceEvent> phyTx;
        NS_TEST_ASSERT_MSG_EQ(HookAll(devs, "MacTx", &macTx), true, "MacTx exists");
        NS_TEST_ASSERT_MSG_EQ(HookAll(devs, "MacTxDrop", &macTxDrop), true, "MacTxDrop exists");
        NS_TEST_ASSERT_MSG_EQ(HookAll(devs, "PhyRxDrop", &phyRxDrop), true, "PhyRxDrop exists");
        NS_TEST_ASSERT_MSG_EQ(HookAll(devs, "PhyTxBegin", &phyTx), true, "PhyTxBegin exists");

        // Five frames at once into a queue of two: three dropped.
        uint32_t accepted = 0;
        for (uint32_t i = 0; i < 5; i++)
        {
            accepted += d0->SendFrame(Create<Packet>(5)) ? 1 : 0;
        }
        NS_TEST_ASSERT_MSG_EQ(accepted, 2, "the queue holds two frames");
        NS_TEST_ASSERT_MSG_EQ(macTx.size(), 2, "MacTx for each queued frame");
        NS_TEST_ASSERT_MSG_EQ(macTxDrop.size(), 3, "MacTxDrop for each refused frame");
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(phyTx.size(), 2, "the queued frames went on the ring");
        // Five octets cannot hold FC and two addresses.
        NS_TEST_ASSERT_MSG_EQ(CountFor(phyRxDrop, 1), 2, "device 1 dropped both runts");
        NS_TEST_ASSERT_MSG_EQ(CountFor(phyRxDrop, 2), 2, "device 2 dropped both runts");
        NS_TEST_ASSERT_MSG_EQ(CountFor(phyRxDrop, 0), 0, "the sender receives nothing");
        Simulator::Destroy();
    }
};

/**
 * \ingroup bsdnet-tests
 * \brief On an idle ring a frame leaves at once and arrives k hops
 * downstream after its frame time plus k hop delays; the parked token is
 * found where the ring latency puts it; an idle ring makes no events.
 */
class FddiIdleTimingTestCase : public TestCase
{
  public:
    FddiIdleTimingTestCase()
        : TestCase("FDDI frame timing on an idle ring and the parked token")
    {
    }

  private:
    void DoRun() override
    {
        NodeContainer nodes;
        nodes.Create(4);
        FddiHelper fddi;
        NetDeviceContainer devs = fddi.Install(nodes);
        Ptr<FddiChannel> ring = DynamicCast<FddiChannel>(devs.Get(0)->GetChannel());
        NS_TEST_ASSERT_MSG_EQ(ring->GetHopDelay(), NanoSeconds(HOP_NS), "hop: 5 us + 600 ns");
        NS_TEST_ASSERT_MSG_EQ(ring->GetRingLatency(), NanoSeconds(4 * HOP_NS), "4 hops");
        NS_TEST_ASSERT_MSG_EQ(ring->GetFrameTime(1000), NanoSeconds(FrameNs(1000)), "frame time");

        std::vector<TraceEvent> txBegin;
        std::vector<TraceEvent> rxEnd;
        NS_TEST_ASSERT_MSG_EQ(HookAll(devs, "PhyTxBegin", &txBegin), true, "PhyTxBegin exists");
        NS_TEST_ASSERT_MSG_EQ(HookAll(devs, "PhyRxEnd", &rxEnd), true, "PhyRxEnd exists");

        // A 1000-octet frame (979 octets of payload) from station 0 at 1 s.
        const int64_t t0 = 1000000000;
        SendAt(NanoSeconds(t0), devs.Get(0), devs.Get(2)->GetAddress(), 1000 - FDDI_HDR);
        // Station 2 sends 3.3 ms later: the token has been parked since.
        const int64_t t1 = t0 + 3300000;
        SendAt(NanoSeconds(t1), devs.Get(2), devs.Get(0)->GetAddress(), 500 - FDDI_HDR);
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        const bool finished = Simulator::IsFinished();
        const uint64_t events = Simulator::GetEventCount();

        NS_TEST_ASSERT_MSG_EQ(txBegin.size(), 2, "two frames sent");
        NS_TEST_ASSERT_MSG_EQ(txBegin[0].dev, 0, "station 0 first");
        NS_TEST_ASSERT_MSG_EQ_TOL(txBegin[0].ns, t0, 2, "an idle ring gives the token at once");
        NS_TEST_ASSERT_MSG_EQ(rxEnd.size(), 6, "each frame reaches the 3 other stations");
        for (uint32_t k = 1; k <= 3; k++)
        {
            // rxEnd[k - 1] is station k: k hops downstream of station 0.
            NS_TEST_ASSERT_MSG_EQ(rxEnd[k - 1].dev, k, "downstream stations in ring order");
            NS_TEST_ASSERT_MSG_EQ(rxEnd[k - 1].size, 1000, "the whole frame");
            NS_TEST_ASSERT_MSG_EQ_TOL(rxEnd[k - 1].ns,
                                      t0 + FrameNs(1000) + k * HOP_NS,
                                      2,
                                      "last bit reaches station k after the frame time + k hops");
        }

        // The token left station 0 behind the frame and went round freely:
        // it reaches station 2 at release + (2 + 4j) hops.
        const int64_t release = t0 + FrameNs(1000);
        int64_t expect = release + 2 * HOP_NS;
        while (expect < t1)
        {
            expect += 4 * HOP_NS;
        }
        NS_TEST_ASSERT_MSG_EQ(txBegin[1].dev, 2, "then station 2");
        NS_TEST_ASSERT_MSG_EQ_TOL(txBegin[1].ns,
                                  expect,
                                  2,
                                  "station 2 sends when the parked token reaches it");
        NS_TEST_ASSERT_MSG_GT(txBegin[1].ns, t1, "not before it queued the frame");
        NS_TEST_ASSERT_MSG_LT(txBegin[1].ns - t1, 4 * HOP_NS + 1, "within one rotation");
        // Station 3 is 1 hop from station 2, station 0 two hops.
        NS_TEST_ASSERT_MSG_EQ(rxEnd[3].dev, 3, "station 3 first downstream of 2");
        NS_TEST_ASSERT_MSG_EQ_TOL(rxEnd[3].ns,
                                  expect + FrameNs(500) + HOP_NS,
                                  2,
                                  "one hop downstream");
        NS_TEST_ASSERT_MSG_EQ_TOL(rxEnd[5].ns,
                                  expect + FrameNs(500) + 3 * HOP_NS,
                                  2,
                                  "three hops downstream (station 1)");
        // The idle token made no events: nothing is left after the stop at
        // 10 s, and a handful of events ran (a token circulating with
        // events would have made one every 5.6 us).
        NS_TEST_ASSERT_MSG_EQ(finished, true, "no events pending on an idle ring");
        NS_TEST_ASSERT_MSG_LT(events, 30, "the parked token made no events");
        Simulator::Destroy();
    }
};

/**
 * \ingroup bsdnet-tests
 * \brief The token serves waiting stations in ring order from where it
 * is, whatever order they queued in, each after the previous one's frame
 * and the hops between them.
 */
class FddiTokenOrderTestCase : public TestCase
{
  public:
    FddiTokenOrderTestCase()
        : TestCase("FDDI token visits stations in ring order")
    {
    }

  private:
    void DoRun() override
    {
        NodeContainer nodes;
        nodes.Create(4);
        FddiHelper fddi;
        NetDeviceContainer devs = fddi.Install(nodes);
        std::vector<TraceEvent> txBegin;
        NS_TEST_ASSERT_MSG_EQ(HookAll(devs, "PhyTxBegin", &txBegin), true, "PhyTxBegin exists");
        Address bcast = devs.Get(0)->GetBroadcast();

        // Station 0 starts the ring at 0; 3, 1 and 2 queue at 1 ms.
        SendAt(Seconds(0), devs.Get(0), bcast, 1000 - FDDI_HDR);
        SendAt(MilliSeconds(1), devs.Get(3), bcast, 1000 - FDDI_HDR);
        SendAt(MilliSeconds(1), devs.Get(1), bcast, 1000 - FDDI_HDR);
        SendAt(MilliSeconds(1), devs.Get(2), bcast, 1000 - FDDI_HDR);
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(txBegin.size(), 4, "four frames");
        // Released at 81.2 us, the token passes station (m mod 4) at
        // 81.2 + 5.6 m us; the first m with a time >= 1 ms is 165 (1005.2
        // us), at station 1.
        const int64_t frame = FrameNs(1000);
        int64_t m = (1000000 - frame + HOP_NS - 1) / HOP_NS;
        NS_TEST_ASSERT_MSG_EQ(m, 165, "hops from the release to 1 ms");
        NS_TEST_ASSERT_MSG_EQ(txBegin[1].dev, m % 4, "the token's next station goes first");
        NS_TEST_ASSERT_MSG_EQ(txBegin[1].ns, frame + m * HOP_NS, "when the token reaches it");
        NS_TEST_ASSERT_MSG_EQ(txBegin[2].dev, 2, "then the next one on the ring");
        NS_TEST_ASSERT_MSG_EQ(txBegin[2].ns,
                              txBegin[1].ns + frame + HOP_NS,
                              "one frame and one hop later");
        NS_TEST_ASSERT_MSG_EQ(txBegin[3].dev, 3, "then the last one");
        NS_TEST_ASSERT_MSG_EQ(txBegin[3].ns,
                              txBegin[2].ns + frame + HOP_NS,
                              "one frame and one hop later");
        Simulator::Destroy();
    }
};

/**
 * \ingroup bsdnet-tests
 * \brief With a small target rotation time two busy stations share the
 * ring: each token visit allows as many frames as the holding time, and
 * once the timers settle the two alternate frame by frame.
 */
class FddiFairnessTestCase : public TestCase
{
  public:
    FddiFairnessTestCase()
        : TestCase("FDDI busy ring: timed token shares fairly")
    {
    }

  private:
    void DoRun() override
    {
        NodeContainer nodes;
        nodes.Create(3);
        FddiHelper fddi;
        // Frames of 81.2 us, ring latency 16.8 us: in the steady state a
        // station's timer has run 2 frames + the ring latency (179.2 us)
        // when the token comes back, leaving 20.8 us: one frame.
        fddi.SetChannelAttribute("Ttrt", TimeValue(MicroSeconds(200)));
        fddi.SetQueue("ns3::DropTailQueue", "MaxSize", StringValue("100p"));
        NetDeviceContainer devs = fddi.Install(nodes);
        std::vector<TraceEvent> txBegin;
        NS_TEST_ASSERT_MSG_EQ(HookAll(devs, "PhyTxBegin", &txBegin), true, "PhyTxBegin exists");
        const uint32_t perStation = 40;
        Address bcast = devs.Get(0)->GetBroadcast();
        Simulator::Schedule(Seconds(0),
                            &FillTwo,
                            devs.Get(0),
                            devs.Get(1),
                            bcast,
                            perStation,
                            1000 - FDDI_HDR);
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(txBegin.size(), 2 * perStation, "every frame was sent");
        // A token visit never allows more than Ttrt / frame time + 1 frames.
        uint32_t run = 1;
        uint32_t longest = 1;
        for (size_t i = 1; i < txBegin.size(); i++)
        {
            run = txBegin[i].dev == txBegin[i - 1].dev ? run + 1 : 1;
            longest = std::max(longest, run);
            NS_TEST_ASSERT_MSG_GT_OR_EQ(txBegin[i].ns - txBegin[i - 1].ns,
                                        FrameNs(1000),
                                        "frames never overlap");
        }
        NS_TEST_ASSERT_MSG_LT_OR_EQ(longest, 3, "no station holds the token beyond THT");
        // After the first rotations the two alternate strictly.
        const size_t settled = 10;
        for (size_t i = settled; i < txBegin.size() - 2; i++)
        {
            NS_TEST_ASSERT_MSG_NE(txBegin[i].dev, txBegin[i + 1].dev, "stations alternate");
        }
        // And each has sent about half at any point.
        uint32_t zero = 0;
        for (size_t i = 0; i < txBegin.size() / 2; i++)
        {
            zero += txBegin[i].dev == 0 ? 1 : 0;
        }
        NS_TEST_ASSERT_MSG_EQ_TOL(zero, perStation / 2, 3, "first half of the run shared evenly");
        Simulator::Destroy();
    }
};

/**
 * \ingroup bsdnet-tests
 * \brief EnablePcap writes LINKTYPE_FDDI files holding the frames.
 */
class FddiPcapTestCase : public TestCase
{
  public:
    FddiPcapTestCase()
        : TestCase("FDDI pcap: link type 10, the frames as records")
    {
    }

  private:
    /// One pcap file's content.
    struct PcapContent
    {
        bool ok{false};                            //!< readable
        uint32_t magic{0};                         //!< magic number
        uint32_t linkType{0};                      //!< octets 20..23
        std::vector<std::vector<uint8_t>> records; //!< the records' data
        std::vector<uint64_t> times;               //!< their times, us
    };

    /**
     * \brief Read a pcap file.
     * \param name the file
     * \return what it holds
     */
    static PcapContent ReadPcap(const std::string& name)
    {
        PcapContent c;
        std::ifstream f(name, std::ios::binary);
        uint8_t h[24];
        if (!f.read(reinterpret_cast<char*>(h), sizeof(h)))
        {
            return c;
        }
        auto le32 = [](const uint8_t* p) {
            return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16
                   | uint32_t(p[3]) << 24;
        };
        c.magic = le32(h);
        c.linkType = le32(h + 20);
        uint8_t r[16];
        while (f.read(reinterpret_cast<char*>(r), sizeof(r)))
        {
            uint32_t incl = le32(r + 8);
            std::vector<uint8_t> data(incl);
            if (!f.read(reinterpret_cast<char*>(data.data()), incl))
            {
                return c;
            }
            c.times.push_back(uint64_t(le32(r)) * 1000000 + le32(r + 4));
            c.records.push_back(data);
        }
        c.ok = true;
        return c;
    }

    void DoRun() override
    {
        const std::string prefix = "/tmp/bsdnet-fddi-test-" + std::to_string(getpid());
        std::vector<std::vector<uint8_t>> sent;
        std::vector<std::string> files;
        std::vector<std::string> traces;
        {
            NodeContainer nodes;
            nodes.Create(3);
            FddiHelper fddi;
            NetDeviceContainer devs = fddi.Install(nodes);
            fddi.EnablePcap(prefix, devs.Get(0));
            fddi.EnablePcap(prefix, devs.Get(1));
            fddi.EnablePcap(prefix, devs.Get(2), true);
            fddi.EnableAscii(prefix, devs.Get(0));
            fddi.EnableAscii(prefix, devs.Get(1));
            for (uint32_t i = 0; i < 3; i++)
            {
                files.push_back(prefix + "-" + std::to_string(nodes.Get(i)->GetId()) + "-"
                                + std::to_string(devs.Get(i)->GetIfIndex()) + ".pcap");
            }
            for (uint32_t i = 0; i < 2; i++)
            {
                traces.push_back(prefix + "-" + std::to_string(nodes.Get(i)->GetId()) + "-"
                                 + std::to_string(devs.Get(i)->GetIfIndex()) + ".tr");
            }
            devs.Get(0)->TraceConnectWithoutContext("PhyTxBegin",
                                                    MakeBoundCallback(&KeepOctets, &sent));
            SendAt(MilliSeconds(1), devs.Get(0), devs.Get(1)->GetAddress(), 100);
            SendAt(MilliSeconds(2), devs.Get(0), devs.Get(1)->GetAddress(), 300, 0x0806);
            Simulator::Run();
            Simulator::Destroy();
        }
        // The devices are gone: the files are closed.
        NS_TEST_ASSERT_MSG_EQ(sent.size(), 2, "two frames sent");
        NS_TEST_ASSERT_MSG_EQ(sent[0].size(), FDDI_HDR + 100, "first frame");
        NS_TEST_ASSERT_MSG_EQ(sent[0][0], 0x54, "FC: LLC, asynchronous, priority 4");
        const size_t expectRecords[3] = {2, 2, 2};
        for (uint32_t i = 0; i < 3; i++)
        {
            PcapContent c = ReadPcap(files[i]);
            NS_TEST_ASSERT_MSG_EQ(c.ok, true, "pcap file " << files[i] << " is readable");
            NS_TEST_ASSERT_MSG_EQ(c.magic, 0xa1b2c3d4, "pcap magic, microsecond times");
            NS_TEST_ASSERT_MSG_EQ(c.linkType, 10, "LINKTYPE_FDDI");
            NS_TEST_ASSERT_MSG_EQ(c.records.size(), expectRecords[i], "records in " << files[i]);
            for (size_t r = 0; r < c.records.size(); r++)
            {
                NS_TEST_ASSERT_MSG_EQ((c.records[r] == sent[r]),
                                      true,
                                      "record " << r << " of " << files[i] << " is the frame");
            }
            if (i == 1)
            {
                // Received at 1 ms + frame time + 1 hop.
                NS_TEST_ASSERT_MSG_EQ(c.times[0],
                                      uint64_t(1000000 + FrameNs(FDDI_HDR + 100) + HOP_NS) / 1000,
                                      "record time is the arrival");
            }
            std::remove(files[i].c_str());
        }
        // Ascii traces: the sender's queue saw the frames in and out, the
        // receiver's MAC received them.
        NS_TEST_ASSERT_MSG_EQ(CountAscii(traces[0], '+'), 2, "enqueued at the sender");
        NS_TEST_ASSERT_MSG_EQ(CountAscii(traces[0], '-'), 2, "dequeued at the sender");
        NS_TEST_ASSERT_MSG_EQ(CountAscii(traces[0], 'r'), 0, "the sender received nothing");
        NS_TEST_ASSERT_MSG_EQ(CountAscii(traces[1], 'r'), 2, "received at the receiver");
        NS_TEST_ASSERT_MSG_EQ(CountAscii(traces[1], '+'), 0, "the receiver sent nothing");
        std::remove(traces[0].c_str());
        std::remove(traces[1].c_str());
    }
};

/**
 * \ingroup bsdnet-tests
 * \brief The same sends give the same frames at the same times.
 */
class FddiDeterminismTestCase : public TestCase
{
  public:
    FddiDeterminismTestCase()
        : TestCase("FDDI runs are deterministic")
    {
    }

  private:
    /**
     * \brief Run a busy scenario.
     * \return every frame arrival
     */
    static std::vector<TraceEvent> RunOnce()
    {
        NodeContainer nodes;
        nodes.Create(5);
        FddiHelper fddi;
        fddi.SetChannelAttribute("Ttrt", TimeValue(MicroSeconds(400)));
        NetDeviceContainer devs = fddi.Install(nodes);
        std::vector<TraceEvent> rx;
        HookAll(devs, "PhyRxEnd", &rx);
        for (uint32_t i = 0; i < 60; i++)
        {
            uint32_t src = (i * 7) % 5;
            uint32_t dst = (i * 3 + 1) % 5;
            SendAt(MicroSeconds(13 * i * i % 2000),
                   devs.Get(src),
                   src == dst ? devs.Get(0)->GetBroadcast() : devs.Get(dst)->GetAddress(),
                   40 + (i * 97) % 4000);
        }
        Simulator::Run();
        Simulator::Destroy();
        return rx;
    }

    void DoRun() override
    {
        std::vector<TraceEvent> a = RunOnce();
        std::vector<TraceEvent> b = RunOnce();
        NS_TEST_ASSERT_MSG_EQ(a.size(), 60 * 4, "every frame reached the 4 other stations");
        NS_TEST_ASSERT_MSG_EQ(a.size(), b.size(), "same number of arrivals");
        for (size_t i = 0; i < a.size(); i++)
        {
            NS_TEST_ASSERT_MSG_EQ((a[i] == b[i]), true, "arrival " << i << " identical");
        }
    }
};

/**
 * \ingroup bsdnet-tests
 * \brief The FDDI test suite.
 */
class FddiTestSuite : public TestSuite
{
  public:
    FddiTestSuite()
        : TestSuite("fddi", UNIT)
    {
        // The pcap/ascii case needs metadata; enabling it late asserts
        // in ns-3.35 debug builds once other cases have sent packets.
        PacketMetadata::Enable();
        AddTestCase(new FddiAddressingTestCase, TestCase::QUICK);
        AddTestCase(new FddiDropTestCase, TestCase::QUICK);
        AddTestCase(new FddiIdleTimingTestCase, TestCase::QUICK);
        AddTestCase(new FddiTokenOrderTestCase, TestCase::QUICK);
        AddTestCase(new FddiFairnessTestCase, TestCase::QUICK);
        AddTestCase(new FddiPcapTestCase, TestCase::QUICK);
        AddTestCase(new FddiDeterminismTestCase, TestCase::QUICK);
    }
};

/// Static instance: registers the suite.
static FddiTestSuite g_fddiTestSuite;
