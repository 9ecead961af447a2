/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * ArcnetNetDevice, ArcnetChannel and ArcnetHelper: station IDs,
 * RFC 1201 fragments and RFC 1051, token order and timing, pcap output,
 * determinism.
 */
#include "bsd-framed-test-util.h"

#include "ns3/arcnet-channel.h"
#include "ns3/arcnet-helper.h"
#include "ns3/arcnet-net-device.h"
#include "ns3/boolean.h"
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

/// What a receive callback saw.
struct RxRecord
{
    uint32_t dev;              //!< device index
    std::vector<uint8_t> data; //!< the payload
    uint16_t protocol;         //!< protocol number
    Address from;              //!< sender's address
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
    std::vector<uint8_t> data(p->GetSize());
    p->CopyData(data.data(), data.size());
    log->push_back({dev, data, protocol, from});
    return true;
}

/**
 * \brief A payload with a recognisable pattern.
 * \param len its length
 * \return the payload
 */
Ptr<Packet>
Pattern(uint32_t len)
{
    std::vector<uint8_t> b(len);
    for (uint32_t i = 0; i < len; i++)
    {
        b[i] = static_cast<uint8_t>(i * 7 + i / 256);
    }
    return Create<Packet>(b.data(), len);
}

/**
 * \brief Send a payload through NetDevice::Send now.
 * \param dev the device
 * \param dest the destination
 * \param len the payload's length
 * \param protocol its protocol number
 */
void
DoSend(Ptr<NetDevice> dev, Address dest, uint32_t len, uint16_t protocol)
{
    dev->Send(Pattern(len), dest, protocol);
}

/**
 * \brief Send a payload through NetDevice::Send at a time.
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

/// Octet time at 2.5 Mb/s, 11 bits an octet, in ns.
const int64_t OCTET_NS = 4400;
/// Default token hop: 37.6 us pass + 1 us propagation.
const int64_t HOP_NS = 38600;
/// Default propagation delay.
const int64_t PROP_NS = 1000;
/// Default turnaround.
const int64_t TA_NS = 12600;
/// FBE (3 octets), prop, turnaround, ACK (1 octet), prop, turnaround.
const int64_t ENQUIRY_NS = 3 * OCTET_NS + PROP_NS + TA_NS + OCTET_NS + PROP_NS + TA_NS;
/// prop, turnaround, ACK, prop.
const int64_t ACK_NS = PROP_NS + TA_NS + OCTET_NS + PROP_NS;

/**
 * \brief Packet time of an n-octet frame under the model's formula.
 * \param octets the frame's length
 * \return (octets + 6) x 11 bits at 2.5 Mb/s, in ns
 */
int64_t
PacketNs(uint32_t octets)
{
    return static_cast<int64_t>(octets + 6) * OCTET_NS;
}

} // namespace

/**
 * \ingroup bsdnet-tests
 * \brief Station IDs, addresses, unicast to one, broadcast to all,
 * promiscuous sniffing, a station nobody has.
 */
class ArcnetAddressingTestCase : public TestCase
{
  public:
    ArcnetAddressingTestCase()
        : TestCase("ARCnet station IDs, unicast, broadcast, promiscuous delivery")
    {
    }

  private:
    void DoRun() override
    {
        NodeContainer nodes;
        nodes.Create(4);
        ArcnetHelper arcnet;
        NetDeviceContainer devs = arcnet.Install(nodes);
        Ptr<ArcnetChannel> channel = DynamicCast<ArcnetChannel>(devs.Get(0)->GetChannel());
        NS_TEST_ASSERT_MSG_NE(channel, nullptr, "devices are on an ArcnetChannel");
        NS_TEST_ASSERT_MSG_EQ(channel->GetNDevices(), 4, "all four on one network");
        for (uint32_t i = 0; i < 4; i++)
        {
            Ptr<ArcnetNetDevice> d = DynamicCast<ArcnetNetDevice>(devs.Get(i));
            NS_TEST_ASSERT_MSG_EQ(channel->GetDevice(i), devs.Get(i), "attach order");
            NS_TEST_ASSERT_MSG_EQ(unsigned(d->GetStationId()), i + 1, "IDs 1, 2, 3, 4");
            NS_TEST_ASSERT_MSG_EQ(ArcnetNetDevice::IsArcnetAddress(d->GetAddress()),
                                  true,
                                  "an ARCnet address");
            NS_TEST_ASSERT_MSG_EQ(d->GetAddress(),
                                  ArcnetNetDevice::MakeAddress(i + 1),
                                  "the address is the station ID");
            NS_TEST_ASSERT_MSG_EQ(d->GetAddress().GetLength(), 1, "one octet");
            uint8_t buf = 0xff;
            d->GetLinkAddress(&buf);
            NS_TEST_ASSERT_MSG_EQ(unsigned(buf), i + 1, "the C core's link address");
            NS_TEST_ASSERT_MSG_EQ(d->GetMtu(), 1500, "RFC 1201 IP MTU");
            NS_TEST_ASSERT_MSG_EQ(d->GetMediaFlags(), 0, "RFC 1201 by default");
            NS_TEST_ASSERT_MSG_EQ(d->NeedsArp(), true, "ARCnet needs ARP");
            NS_TEST_ASSERT_MSG_EQ(d->IsBroadcast(), true, "broadcast medium");
            NS_TEST_ASSERT_MSG_EQ(d->IsMulticast(), false, "no multicast");
            NS_TEST_ASSERT_MSG_EQ(d->IsPointToPoint(), false, "not point to point");
            NS_TEST_ASSERT_MSG_EQ(d->GetBroadcast(),
                                  ArcnetNetDevice::MakeAddress(0),
                                  "broadcast is station 0");
        }
        NS_TEST_ASSERT_MSG_EQ(ArcnetNetDevice::IsArcnetAddress(Mac48Address("00:00:00:00:00:01")),
                              false,
                              "a MAC address is no station ID");
        Ptr<ArcnetNetDevice> d0 = DynamicCast<ArcnetNetDevice>(devs.Get(0));
        d0->SetAddress(ArcnetNetDevice::MakeAddress(42));
        NS_TEST_ASSERT_MSG_EQ(unsigned(d0->GetStationId()), 42, "SetAddress sets the ID");
        d0->SetStationId(1);

        // Told otherwise, the helper goes on from there.
        arcnet.SetNextStationId(100);
        NodeContainer more;
        more.Create(2);
        NetDeviceContainer moreDevs = arcnet.Install(more, channel);
        NS_TEST_ASSERT_MSG_EQ(
            unsigned(DynamicCast<ArcnetNetDevice>(moreDevs.Get(0))->GetStationId()),
            100,
            "the ID set");
        NS_TEST_ASSERT_MSG_EQ(
            unsigned(DynamicCast<ArcnetNetDevice>(moreDevs.Get(1))->GetStationId()),
            101,
            "then the next");
        NS_TEST_ASSERT_MSG_EQ(channel->GetNDevices(), 6, "added to the network");
        devs.Add(moreDevs);

        std::vector<RxRecord> rx;
        std::vector<TraceEvent> sniff;
        std::vector<TraceEvent> promisc;
        std::vector<TraceEvent> txDrop;
        for (uint32_t i = 0; i < devs.GetN(); i++)
        {
            devs.Get(i)->SetReceiveCallback(MakeBoundCallback(&RxSink, &rx, i));
        }
        NS_TEST_ASSERT_MSG_EQ(HookAll(devs, "Sniffer", &sniff), true, "Sniffer exists");
        NS_TEST_ASSERT_MSG_EQ(HookAll(devs, "PromiscSniffer", &promisc),
                              true,
                              "PromiscSniffer exists");
        NS_TEST_ASSERT_MSG_EQ(HookAll(devs, "PhyTxDrop", &txDrop), true, "PhyTxDrop exists");

        SendAt(MilliSeconds(1), devs.Get(0), devs.Get(1)->GetAddress(), 100);
        SendAt(MilliSeconds(10), devs.Get(2), devs.Get(0)->GetBroadcast(), 28, 0x0806);
        SendAt(MilliSeconds(20), devs.Get(3), ArcnetNetDevice::MakeAddress(77), 50);
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(rx.size(), 6, "1 unicast + 5 broadcast receptions");
        NS_TEST_ASSERT_MSG_EQ(rx[0].dev, 1, "the unicast reached station 2 only");
        NS_TEST_ASSERT_MSG_EQ(rx[0].data.size(), 100, "the whole payload");
        NS_TEST_ASSERT_MSG_EQ(rx[0].protocol, 0x0800, "as IP");
        NS_TEST_ASSERT_MSG_EQ(rx[0].from, devs.Get(0)->GetAddress(), "from station 1");
        for (size_t i = 1; i < rx.size(); i++)
        {
            NS_TEST_ASSERT_MSG_NE(rx[i].dev, 2, "the broadcaster does not hear itself");
            NS_TEST_ASSERT_MSG_EQ(rx[i].protocol, 0x0806, "as ARP");
            NS_TEST_ASSERT_MSG_EQ(rx[i].data.size(), 28, "the whole ARP payload");
        }
        // Everyone saw the unicast and the broadcast; nobody the enquiry
        // for station 77, which nobody answered.
        for (uint32_t i = 0; i < devs.GetN(); i++)
        {
            NS_TEST_ASSERT_MSG_EQ(CountFor(promisc, i), 2, "PromiscSniffer: two packets");
        }
        NS_TEST_ASSERT_MSG_EQ(CountFor(sniff, 0), 2, "station 1: sent one, broadcast");
        NS_TEST_ASSERT_MSG_EQ(CountFor(sniff, 1), 2, "station 2: unicast, broadcast");
        NS_TEST_ASSERT_MSG_EQ(CountFor(sniff, 3), 1, "station 4: the broadcast only");
        NS_TEST_ASSERT_MSG_EQ(txDrop.size(), 1, "the frame for station 77 was dropped");
        NS_TEST_ASSERT_MSG_EQ(txDrop[0].dev, 3, "by its sender");

        NS_TEST_ASSERT_MSG_EQ(
            devs.Get(0)->Send(Create<Packet>(10), devs.Get(1)->GetAddress(), 0x86dd),
            false,
            "only IP and ARP are framed");
        NS_TEST_ASSERT_MSG_EQ(
            devs.Get(0)->Send(Create<Packet>(10), Mac48Address::GetBroadcast(), 0x0800),
            false,
            "only station IDs are destinations");
        NS_TEST_ASSERT_MSG_EQ(
            devs.Get(0)->Send(Create<Packet>(1501), devs.Get(1)->GetAddress(), 0x0800),
            false,
            "a payload above the MTU is refused");
        Simulator::Destroy();
    }
};

/**
 * \ingroup bsdnet-tests
 * \brief A 1500-octet packet goes out as three RFC 1201 frames, one per
 * token visit, and comes back whole; the frame callback gets the frames.
 */
class ArcnetFragmentTestCase : public TestCase
{
  public:
    ArcnetFragmentTestCase()
        : TestCase("ARCnet RFC 1201 split packets: 3 frames, one 1500-octet payload")
    {
    }

  private:
    void DoRun() override
    {
        NodeContainer nodes;
        nodes.Create(3);
        ArcnetHelper arcnet;
        NetDeviceContainer devs = arcnet.Install(nodes);
        std::vector<RxRecord> rx;
        for (uint32_t i = 0; i < 3; i++)
        {
            devs.Get(i)->SetReceiveCallback(MakeBoundCallback(&RxSink, &rx, i));
        }
        std::vector<TraceEvent> txBegin;
        std::vector<TraceEvent> sniff;
        std::vector<TraceEvent> promisc;
        std::vector<TraceEvent> macTx;
        NS_TEST_ASSERT_MSG_EQ(HookAll(devs, "PhyTxBegin", &txBegin), true, "PhyTxBegin exists");
        NS_TEST_ASSERT_MSG_EQ(HookAll(devs, "Sniffer", &sniff), true, "Sniffer exists");
        NS_TEST_ASSERT_MSG_EQ(HookAll(devs, "PromiscSniffer", &promisc), true, "exists");
        NS_TEST_ASSERT_MSG_EQ(HookAll(devs, "MacTx", &macTx), true, "MacTx exists");

        // Device 2 takes whole frames, as BsdKernel does.
        std::vector<uint32_t> wholeFrames;
        DynamicCast<ArcnetNetDevice>(devs.Get(2))
            ->SetFrameReceiveCallback(MakeBoundCallback(&FrameSize, &wholeFrames));

        SendAt(MilliSeconds(1), devs.Get(0), devs.Get(1)->GetAddress(), 1500);
        SendAt(MilliSeconds(100), devs.Get(0), devs.Get(2)->GetAddress(), 1500);
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(CountFor(macTx, 0), 6, "each packet queued as 3 frames");
        NS_TEST_ASSERT_MSG_EQ(txBegin.size(), 6, "3 frames on the wire per packet");
        // 504 + 504 + 492 octets of data behind 6-octet RFC 1201 headers.
        NS_TEST_ASSERT_MSG_EQ(txBegin[0].size, 510, "first fragment");
        NS_TEST_ASSERT_MSG_EQ(txBegin[1].size, 510, "second fragment");
        NS_TEST_ASSERT_MSG_EQ(txBegin[2].size, 498, "last fragment");
        NS_TEST_ASSERT_MSG_EQ(CountFor(sniff, 1), 3, "station 2's Sniffer: its 3 frames");
        NS_TEST_ASSERT_MSG_EQ(CountFor(promisc, 2), 6, "station 3 sees all frames");

        NS_TEST_ASSERT_MSG_EQ(rx.size(), 1, "one payload through the ReceiveCallback");
        NS_TEST_ASSERT_MSG_EQ(rx[0].dev, 1, "at station 2");
        NS_TEST_ASSERT_MSG_EQ(rx[0].data.size(), 1500, "reassembled: 1500 octets");
        std::vector<uint8_t> expect(1500);
        Pattern(1500)->CopyData(expect.data(), 1500);
        NS_TEST_ASSERT_MSG_EQ((rx[0].data == expect), true, "the very octets sent");
        NS_TEST_ASSERT_MSG_EQ(rx[0].protocol, 0x0800, "as IP");

        NS_TEST_ASSERT_MSG_EQ(wholeFrames.size(), 3, "the frame callback gets the 3 fragments");
        NS_TEST_ASSERT_MSG_EQ(wholeFrames[0], 510, "whole, header included");
        Simulator::Destroy();
    }
};

/**
 * \ingroup bsdnet-tests
 * \brief Visit costs: enquiry and ACKs for unicast, none for broadcast,
 * one frame per visit, the token in station-ID order, the parked token.
 */
class ArcnetTimingTestCase : public TestCase
{
  public:
    ArcnetTimingTestCase()
        : TestCase("ARCnet timing: enquiry, packet, ACK, token hops, ID order")
    {
    }

  private:
    void DoRun() override
    {
        NodeContainer nodes;
        nodes.Create(3);
        ArcnetHelper arcnet;
        NetDeviceContainer devs = arcnet.Install(nodes);
        Ptr<ArcnetChannel> channel = DynamicCast<ArcnetChannel>(devs.Get(0)->GetChannel());
        NS_TEST_ASSERT_MSG_EQ(channel->GetOctetsTime(1), NanoSeconds(OCTET_NS), "11 bits");
        NS_TEST_ASSERT_MSG_EQ(channel->GetPacketTime(510), NanoSeconds(PacketNs(510)), "packet");
        NS_TEST_ASSERT_MSG_EQ(channel->GetHopDelay(), NanoSeconds(HOP_NS), "hop");
        NS_TEST_ASSERT_MSG_EQ(channel->GetEnquiryTime(), NanoSeconds(ENQUIRY_NS), "FBE + ACK");
        NS_TEST_ASSERT_MSG_EQ(channel->GetAckTime(), NanoSeconds(ACK_NS), "ACK");
        std::vector<TraceEvent> txBegin;
        std::vector<TraceEvent> rxEnd;
        NS_TEST_ASSERT_MSG_EQ(HookAll(devs, "PhyTxBegin", &txBegin), true, "PhyTxBegin exists");
        NS_TEST_ASSERT_MSG_EQ(HookAll(devs, "PhyRxEnd", &rxEnd), true, "PhyRxEnd exists");

        // Station 1 sends 1500 octets to station 2 at 1 s: the network
        // starts with the token at station 1.
        const int64_t t0 = 1000000000;
        SendAt(NanoSeconds(t0), devs.Get(0), devs.Get(1)->GetAddress(), 1500);
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(Simulator::IsFinished(), true, "nothing pending when idle");
        NS_TEST_ASSERT_MSG_LT(Simulator::GetEventCount(), 40, "the idle token made no events");

        NS_TEST_ASSERT_MSG_EQ(txBegin.size(), 3, "three fragments");
        int64_t begin = t0 + ENQUIRY_NS;
        NS_TEST_ASSERT_MSG_EQ(txBegin[0].ns, begin, "the packet follows FBE and its ACK");
        NS_TEST_ASSERT_MSG_EQ(rxEnd[0].ns, begin + PacketNs(510) + PROP_NS, "arrival");
        // After the ACK the token goes round 3 stations (one frame a
        // visit), then another enquiry.
        begin += PacketNs(510) + ACK_NS + 3 * HOP_NS + ENQUIRY_NS;
        NS_TEST_ASSERT_MSG_EQ(txBegin[1].ns, begin, "second fragment a rotation later");
        begin += PacketNs(510) + ACK_NS + 3 * HOP_NS + ENQUIRY_NS;
        NS_TEST_ASSERT_MSG_EQ(txBegin[2].ns, begin, "third fragment a rotation later");
        NS_TEST_ASSERT_MSG_EQ(txBegin[2].size, 498, "the last one shorter");
        Simulator::Destroy();
    }
};

/**
 * \ingroup bsdnet-tests
 * \brief The token goes up the station IDs, not attach or queue order;
 * busy stations take turns, one frame each per visit.
 */
class ArcnetTokenOrderTestCase : public TestCase
{
  public:
    ArcnetTokenOrderTestCase()
        : TestCase("ARCnet token order by station ID, one frame per visit")
    {
    }

  private:
    void DoRun() override
    {
        NodeContainer nodes;
        nodes.Create(4);
        ArcnetHelper arcnet;
        NetDeviceContainer devs = arcnet.Install(nodes);
        // Attach order 0, 1, 2, 3; ID order 1 (10), 3 (20), 0 (30), 2 (40),
        // which is no rotation of the attach order.
        const uint8_t ids[4] = {30, 10, 40, 20};
        const uint32_t byPosition[4] = {1, 3, 0, 2}; // place in ID order -> device
        const uint32_t position[4] = {2, 0, 3, 1};   // device -> place in ID order
        for (uint32_t i = 0; i < 4; i++)
        {
            DynamicCast<ArcnetNetDevice>(devs.Get(i))->SetStationId(ids[i]);
        }
        std::vector<TraceEvent> txBegin;
        NS_TEST_ASSERT_MSG_EQ(HookAll(devs, "PhyTxBegin", &txBegin), true, "PhyTxBegin exists");
        Address bcast = devs.Get(0)->GetBroadcast();

        // ID 10 starts the network at 0; then the others queue two
        // broadcasts each at 1 ms, in attach order.
        SendAt(Seconds(0), devs.Get(1), bcast, 100);
        for (uint32_t k = 0; k < 2; k++)
        {
            SendAt(MilliSeconds(1), devs.Get(0), bcast, 100);
            SendAt(MilliSeconds(1), devs.Get(2), bcast, 100);
            SendAt(MilliSeconds(1), devs.Get(3), bcast, 100);
        }
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(txBegin.size(), 7, "seven frames");
        NS_TEST_ASSERT_MSG_EQ(txBegin[0].dev, 1, "ID 10 first");
        // The token left ID 10 at the end of its packet (106 octets, 6
        // more on the wire) and went round freely, 4 hops a rotation.
        const int64_t frame = PacketNs(100 + 6);
        const int64_t release = frame;
        int64_t m = (1000000 - release + HOP_NS - 1) / HOP_NS; // first hop at/after 1 ms
        NS_TEST_ASSERT_MSG_EQ(txBegin[1].dev, byPosition[m % 4], "nearest waiting station first");
        NS_TEST_ASSERT_MSG_EQ(txBegin[1].ns, release + m * HOP_NS, "when the token reaches it");
        // From there up the IDs, skipping ID 10 (nothing more to send), one
        // frame a visit; broadcast: the token goes on when the packet ends.
        for (size_t i = 2; i < 7; i++)
        {
            uint32_t p = position[txBegin[i - 1].dev];
            uint32_t hops = 1;
            while (byPosition[(p + hops) % 4] == 1)
            {
                hops++;
            }
            NS_TEST_ASSERT_MSG_EQ(txBegin[i].dev,
                                  byPosition[(p + hops) % 4],
                                  "the next waiting station up the IDs");
            NS_TEST_ASSERT_MSG_EQ(txBegin[i].ns,
                                  txBegin[i - 1].ns + frame + hops * HOP_NS,
                                  "packet then token hops");
        }
        Simulator::Destroy();
    }
};

/**
 * \ingroup bsdnet-tests
 * \brief RFC 1051 encapsulation: MTU 507, one frame per packet.
 */
class ArcnetRfc1051TestCase : public TestCase
{
  public:
    ArcnetRfc1051TestCase()
        : TestCase("ARCnet RFC 1051: MTU 507, unfragmented")
    {
    }

  private:
    void DoRun() override
    {
        NodeContainer nodes;
        nodes.Create(2);
        ArcnetHelper arcnet;
        arcnet.SetDeviceAttribute("Rfc1051", BooleanValue(true));
        NetDeviceContainer devs = arcnet.Install(nodes);
        Ptr<ArcnetNetDevice> d0 = DynamicCast<ArcnetNetDevice>(devs.Get(0));
        NS_TEST_ASSERT_MSG_EQ(d0->GetMtu(), 507, "RFC 1051 MTU");
        NS_TEST_ASSERT_MSG_EQ(d0->GetRfc1051(), true, "attribute set");
        NS_TEST_ASSERT_MSG_EQ(d0->GetMediaFlags(), BSD_MDF_ARC_RFC1051, "media flag");
        std::vector<RxRecord> rx;
        devs.Get(1)->SetReceiveCallback(MakeBoundCallback(&RxSink, &rx, uint32_t{1}));
        std::vector<TraceEvent> txBegin;
        NS_TEST_ASSERT_MSG_EQ(HookAll(devs, "PhyTxBegin", &txBegin), true, "PhyTxBegin exists");

        NS_TEST_ASSERT_MSG_EQ(d0->Send(Pattern(508), devs.Get(1)->GetAddress(), 0x0800),
                              false,
                              "508 octets exceed RFC 1051");
        NS_TEST_ASSERT_MSG_EQ(d0->Send(Pattern(507), devs.Get(1)->GetAddress(), 0x0800),
                              true,
                              "507 fit");
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(txBegin.size(), 1, "one frame");
        NS_TEST_ASSERT_MSG_EQ(txBegin[0].size, 3 + 507, "SID DID code and the payload");
        NS_TEST_ASSERT_MSG_EQ(rx.size(), 1, "delivered");
        NS_TEST_ASSERT_MSG_EQ(rx[0].data.size(), 507, "whole");

        // Switching back gives the RFC 1201 MTU.
        d0->SetRfc1051(false);
        NS_TEST_ASSERT_MSG_EQ(d0->GetMtu(), 1500, "RFC 1201 MTU again");
        Simulator::Destroy();
    }
};

/**
 * \ingroup bsdnet-tests
 * \brief A queue without room for all fragments takes none of them.
 */
class ArcnetQueueTestCase : public TestCase
{
  public:
    ArcnetQueueTestCase()
        : TestCase("ARCnet queue: all fragments or none")
    {
    }

  private:
    void DoRun() override
    {
        NodeContainer nodes;
        nodes.Create(2);
        ArcnetHelper arcnet;
        arcnet.SetQueue("ns3::DropTailQueue", "MaxSize", StringValue("4p"));
        NetDeviceContainer devs = arcnet.Install(nodes);
        std::vector<TraceEvent> macTx;
        std::vector<TraceEvent> macTxDrop;
        NS_TEST_ASSERT_MSG_EQ(HookAll(devs, "MacTx", &macTx), true, "MacTx exists");
        NS_TEST_ASSERT_MSG_EQ(HookAll(devs, "MacTxDrop", &macTxDrop), true, "exists");
        Address to = devs.Get(1)->GetAddress();
        NS_TEST_ASSERT_MSG_EQ(devs.Get(0)->Send(Pattern(1500), to, 0x0800), true, "3 of 4");
        NS_TEST_ASSERT_MSG_EQ(devs.Get(0)->Send(Pattern(1500), to, 0x0800), false, "no room");
        NS_TEST_ASSERT_MSG_EQ(devs.Get(0)->Send(Pattern(100), to, 0x0800), true, "1 fits");
        NS_TEST_ASSERT_MSG_EQ(macTx.size(), 4, "four frames queued");
        NS_TEST_ASSERT_MSG_EQ(macTxDrop.size(), 1, "one packet dropped");
        Simulator::Run();
        Simulator::Destroy();
    }
};

/**
 * \ingroup bsdnet-tests
 * \brief EnablePcap writes LINKTYPE_ARCNET_BSD files holding the frames.
 */
class ArcnetPcapTestCase : public TestCase
{
  public:
    ArcnetPcapTestCase()
        : TestCase("ARCnet pcap: link type 7, the frames as records")
    {
    }

  private:
    void DoRun() override
    {
        const std::string prefix = "/tmp/bsdnet-arcnet-test-" + std::to_string(getpid());
        std::vector<std::vector<uint8_t>> sent;
        std::vector<std::string> files;
        std::vector<std::string> traces;
        {
            NodeContainer nodes;
            nodes.Create(3);
            ArcnetHelper arcnet;
            NetDeviceContainer devs = arcnet.Install(nodes);
            arcnet.EnablePcap(prefix, devs.Get(0));
            arcnet.EnablePcap(prefix, devs.Get(1));
            arcnet.EnablePcap(prefix, devs.Get(2), true);
            arcnet.EnableAscii(prefix, devs.Get(0));
            arcnet.EnableAscii(prefix, devs.Get(1));
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
            SendAt(MilliSeconds(1), devs.Get(0), devs.Get(1)->GetAddress(), 1200);
            Simulator::Run();
            Simulator::Destroy();
        }
        NS_TEST_ASSERT_MSG_EQ(sent.size(), 3, "three fragments sent");
        NS_TEST_ASSERT_MSG_EQ(unsigned(sent[0][0]), 1, "SID 1");
        NS_TEST_ASSERT_MSG_EQ(unsigned(sent[0][1]), 2, "DID 2");
        NS_TEST_ASSERT_MSG_EQ(unsigned(sent[0][2]), 212, "system code: RFC 1201 IP");
        for (uint32_t i = 0; i < 3; i++)
        {
            std::ifstream f(files[i], std::ios::binary);
            uint8_t h[24];
            NS_TEST_ASSERT_MSG_EQ(bool(f.read(reinterpret_cast<char*>(h), 24)),
                                  true,
                                  "pcap header of " << files[i]);
            auto le32 = [](const uint8_t* p) {
                return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16
                       | uint32_t(p[3]) << 24;
            };
            NS_TEST_ASSERT_MSG_EQ(le32(h), 0xa1b2c3d4, "pcap magic");
            NS_TEST_ASSERT_MSG_EQ(le32(h + 20), 7, "LINKTYPE_ARCNET_BSD");
            size_t n = 0;
            uint8_t r[16];
            while (f.read(reinterpret_cast<char*>(r), 16))
            {
                std::vector<uint8_t> data(le32(r + 8));
                NS_TEST_ASSERT_MSG_EQ(
                    bool(f.read(reinterpret_cast<char*>(data.data()), data.size())),
                    true,
                    "whole record");
                NS_TEST_ASSERT_MSG_LT(n, sent.size(), "no more records than frames");
                NS_TEST_ASSERT_MSG_EQ((data == sent[n]), true, "record " << n << " is the frame");
                n++;
            }
            NS_TEST_ASSERT_MSG_EQ(n, 3, "three records in " << files[i]);
            f.close();
            std::remove(files[i].c_str());
        }
        // Ascii traces: the sender's queue saw the frames in and out, the
        // receiver's MAC received them.
        NS_TEST_ASSERT_MSG_EQ(CountAscii(traces[0], '+'), 3, "enqueued at the sender");
        NS_TEST_ASSERT_MSG_EQ(CountAscii(traces[0], '-'), 3, "dequeued at the sender");
        NS_TEST_ASSERT_MSG_EQ(CountAscii(traces[0], 'r'), 0, "the sender received nothing");
        NS_TEST_ASSERT_MSG_EQ(CountAscii(traces[1], 'r'), 3, "received at the receiver");
        NS_TEST_ASSERT_MSG_EQ(CountAscii(traces[1], '+'), 0, "the receiver sent nothing");
        std::remove(traces[0].c_str());
        std::remove(traces[1].c_str());
    }
};

/**
 * \ingroup bsdnet-tests
 * \brief The same sends give the same frames at the same times.
 */
class ArcnetDeterminismTestCase : public TestCase
{
  public:
    ArcnetDeterminismTestCase()
        : TestCase("ARCnet runs are deterministic")
    {
    }

  private:
    /**
     * \brief Run a busy scenario.
     * \param rxCount receives how many payloads were delivered
     * \return every frame arrival
     */
    static std::vector<TraceEvent> RunOnce(uint32_t* rxCount)
    {
        NodeContainer nodes;
        nodes.Create(5);
        ArcnetHelper arcnet;
        NetDeviceContainer devs = arcnet.Install(nodes);
        std::vector<TraceEvent> rx;
        std::vector<RxRecord> payloads;
        HookAll(devs, "PhyRxEnd", &rx);
        for (uint32_t i = 0; i < 5; i++)
        {
            devs.Get(i)->SetReceiveCallback(MakeBoundCallback(&RxSink, &payloads, i));
        }
        for (uint32_t i = 0; i < 40; i++)
        {
            uint32_t src = (i * 7) % 5;
            uint32_t dst = (i * 3 + 1) % 5;
            SendAt(MicroSeconds(170 * i * i % 20000),
                   devs.Get(src),
                   src == dst ? devs.Get(0)->GetBroadcast() : devs.Get(dst)->GetAddress(),
                   20 + (i * 97) % 1480);
        }
        Simulator::Run();
        Simulator::Destroy();
        *rxCount = static_cast<uint32_t>(payloads.size());
        return rx;
    }

    void DoRun() override
    {
        uint32_t na = 0;
        uint32_t nb = 0;
        std::vector<TraceEvent> a = RunOnce(&na);
        std::vector<TraceEvent> b = RunOnce(&nb);
        NS_TEST_ASSERT_MSG_GT(a.size(), 40 * 4, "fragments reached the 4 other stations");
        NS_TEST_ASSERT_MSG_EQ(a.size() % 4, 0, "every frame reached the 4 other stations");
        NS_TEST_ASSERT_MSG_EQ(a.size(), b.size(), "same number of arrivals");
        NS_TEST_ASSERT_MSG_EQ(na, nb, "same number of payloads");
        for (size_t i = 0; i < a.size(); i++)
        {
            NS_TEST_ASSERT_MSG_EQ((a[i] == b[i]), true, "arrival " << i << " identical");
        }
    }
};

/**
 * \ingroup bsdnet-tests
 * \brief The ARCnet test suite.
 */
class ArcnetTestSuite : public TestSuite
{
  public:
    ArcnetTestSuite()
        : TestSuite("arcnet", UNIT)
    {
        // The pcap/ascii case needs metadata; enabling it late asserts
        // in ns-3.35 debug builds once other cases have sent packets.
        PacketMetadata::Enable();
        AddTestCase(new ArcnetAddressingTestCase, TestCase::QUICK);
        AddTestCase(new ArcnetFragmentTestCase, TestCase::QUICK);
        AddTestCase(new ArcnetTimingTestCase, TestCase::QUICK);
        AddTestCase(new ArcnetTokenOrderTestCase, TestCase::QUICK);
        AddTestCase(new ArcnetRfc1051TestCase, TestCase::QUICK);
        AddTestCase(new ArcnetQueueTestCase, TestCase::QUICK);
        AddTestCase(new ArcnetPcapTestCase, TestCase::QUICK);
        AddTestCase(new ArcnetDeterminismTestCase, TestCase::QUICK);
    }
};

/// Static instance: registers the suite.
static ArcnetTestSuite g_arcnetTestSuite;
