/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Tests of the AX.25 packet radio model: addressing and delivery, the
 * air time of a frame, collisions, carrier sense, p-persistence and its
 * randomness, queue overflow, pcap and ascii traces.
 */
#include "ns3/ax25-channel.h"
#include "ns3/ax25-helper.h"
#include "ns3/ax25-net-device.h"
#include "ns3/data-rate.h"
#include "ns3/double.h"
#include "ns3/node-container.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// Octets of one frame.
typedef std::vector<uint8_t> Bytes;

/// What a station saw: trace counts, times and deliveries.
struct Probe
{
    uint32_t macTx{0};                            //!< MacTx
    uint32_t macTxDrop{0};                        //!< MacTxDrop
    uint32_t macTxBackoff{0};                     //!< MacTxBackoff
    uint32_t macRx{0};                            //!< MacRx
    uint32_t macRxDrop{0};                        //!< MacRxDrop
    uint32_t phyTxBegin{0};                       //!< PhyTxBegin
    uint32_t phyTxEnd{0};                         //!< PhyTxEnd
    uint32_t phyRxEnd{0};                         //!< PhyRxEnd
    uint32_t phyRxDrop{0};                        //!< PhyRxDrop
    uint32_t sniffer{0};                          //!< Sniffer
    uint32_t promiscSniffer{0};                   //!< PromiscSniffer
    std::vector<Time> txBeginTimes;               //!< PhyTxBegin times
    std::vector<Time> txEndTimes;                 //!< PhyTxEnd times
    std::vector<Time> macRxTimes;                 //!< MacRx times
    std::vector<Bytes> rxPayloads;                //!< ReceiveCallback packets
    std::vector<uint16_t> rxProtocols;            //!< ReceiveCallback protocols
    std::vector<Address> rxFrom;                  //!< ReceiveCallback sources
    std::vector<NetDevice::PacketType> promTypes; //!< PromiscReceiveCallback types
    std::vector<Bytes> frames;                    //!< FrameReceiveCallback frames
    std::vector<bool> sendResults;                //!< results of scheduled sends
};

/// \brief Count a trace. \param n the counter \param p the frame
void
Count(uint32_t* n, Ptr<const Packet> p)
{
    (void)p;
    (*n)++;
}

/// \brief Count a trace and note the time. \param n the counter \param t times \param p the frame
void
CountAt(uint32_t* n, std::vector<Time>* t, Ptr<const Packet> p)
{
    (void)p;
    (*n)++;
    t->push_back(Simulator::Now());
}

/**
 * \brief An element of a vector, or a value-initialised one if there is
 * none (the test framework continues after a failed assertion).
 * \param v the vector
 * \param i the index
 * \return v[i] or T()
 */
template <typename T>
T
Nth(const std::vector<T>& v, size_t i)
{
    return i < v.size() ? v[i] : T();
}

/// \brief Copy a packet's octets. \param p the packet \return them
Bytes
ToBytes(Ptr<const Packet> p)
{
    Bytes b(p->GetSize());
    p->CopyData(b.data(), b.size());
    return b;
}

/// ReceiveCallback
bool
RxCallback(Probe* pr,
           Ptr<NetDevice> dev,
           Ptr<const Packet> p,
           uint16_t protocol,
           const Address& from)
{
    (void)dev;
    pr->rxPayloads.push_back(ToBytes(p));
    pr->rxProtocols.push_back(protocol);
    pr->rxFrom.push_back(from);
    return true;
}

/// PromiscReceiveCallback
bool
PromiscCallback(Probe* pr,
                Ptr<NetDevice> dev,
                Ptr<const Packet> p,
                uint16_t protocol,
                const Address& from,
                const Address& to,
                NetDevice::PacketType type)
{
    (void)dev;
    (void)p;
    (void)protocol;
    (void)from;
    (void)to;
    pr->promTypes.push_back(type);
    return true;
}

/// FrameReceiveCallback
void
FrameCallback(Probe* pr, Ptr<NetDevice> dev, Ptr<const Packet> frame)
{
    (void)dev;
    pr->frames.push_back(ToBytes(frame));
}

/**
 * \brief Hook every trace source of a device to a probe.
 * \param dev the device
 * \param pr the probe
 * \return true if all were found
 */
bool
Hook(Ptr<Ax25NetDevice> dev, Probe* pr)
{
    bool ok = true;
    ok &= dev->TraceConnectWithoutContext("MacTx", MakeBoundCallback(&Count, &pr->macTx));
    ok &= dev->TraceConnectWithoutContext("MacTxDrop", MakeBoundCallback(&Count, &pr->macTxDrop));
    ok &= dev->TraceConnectWithoutContext("MacTxBackoff",
                                          MakeBoundCallback(&Count, &pr->macTxBackoff));
    ok &= dev->TraceConnectWithoutContext("MacRx",
                                          MakeBoundCallback(&CountAt, &pr->macRx, &pr->macRxTimes));
    ok &= dev->TraceConnectWithoutContext("MacRxDrop", MakeBoundCallback(&Count, &pr->macRxDrop));
    ok &= dev->TraceConnectWithoutContext(
        "PhyTxBegin",
        MakeBoundCallback(&CountAt, &pr->phyTxBegin, &pr->txBeginTimes));
    ok &= dev->TraceConnectWithoutContext(
        "PhyTxEnd",
        MakeBoundCallback(&CountAt, &pr->phyTxEnd, &pr->txEndTimes));
    ok &= dev->TraceConnectWithoutContext("PhyRxEnd", MakeBoundCallback(&Count, &pr->phyRxEnd));
    ok &= dev->TraceConnectWithoutContext("PhyRxDrop", MakeBoundCallback(&Count, &pr->phyRxDrop));
    ok &= dev->TraceConnectWithoutContext("Sniffer", MakeBoundCallback(&Count, &pr->sniffer));
    ok &= dev->TraceConnectWithoutContext("PromiscSniffer",
                                          MakeBoundCallback(&Count, &pr->promiscSniffer));
    dev->SetReceiveCallback(MakeBoundCallback(&RxCallback, pr));
    dev->SetPromiscReceiveCallback(MakeBoundCallback(&PromiscCallback, pr));
    return ok;
}

/// md_output's emit: keep the frame.
void
KeepFrame(void* arg, const uint8_t* frame, size_t len)
{
    static_cast<Bytes*>(arg)->assign(frame, frame + len);
}

/**
 * \brief A UI frame built by the C core.
 * \param src source device
 * \param dst destination address
 * \param frameLen total frame octets (at least 16)
 * \param fill first payload octet value
 * \return the frame
 */
Bytes
MakeFrame(Ptr<Ax25NetDevice> src, const Address& dst, size_t frameLen, uint8_t fill = 0)
{
    uint8_t s[7];
    uint8_t d[Address::MAX_SIZE];
    src->GetLinkAddress(s);
    dst.CopyTo(d);
    size_t paylen = frameLen - bsd_media_ax25.md_hdrlen;
    Bytes payload(paylen + 1);
    for (size_t i = 0; i < paylen; i++)
    {
        payload[i] = static_cast<uint8_t>(fill + i);
    }
    uint8_t state[64] = {0};
    Bytes frame;
    bsd_media_ax25
        .md_output(state, s, d, BSD_LLPROTO_IP, payload.data(), paylen, &KeepFrame, &frame);
    return frame;
}

/// \brief Send a frame (scheduled). \param dev device \param f frame \param pr probe
void
DoSendFrame(Ptr<Ax25NetDevice> dev, Bytes f, Probe* pr)
{
    pr->sendResults.push_back(dev->SendFrame(Create<Packet>(f.data(), f.size())));
}

/**
 * \brief Send a payload through NetDevice::Send (scheduled).
 * \param dev device
 * \param payload the payload
 * \param to destination
 * \param protocol protocol number
 * \param pr probe
 */
void
DoSend(Ptr<Ax25NetDevice> dev, Bytes payload, Address to, uint16_t protocol, Probe* pr)
{
    pr->sendResults.push_back(
        dev->Send(Create<Packet>(payload.data(), payload.size()), to, protocol));
}

/**
 * \brief Sends Send() must refuse (scheduled): a protocol AX.25 does not
 * carry, a destination of the wrong size, a payload above the MTU.
 * \param dev device
 * \param to a valid destination
 * \param pr probe
 */
void
DoBadSends(Ptr<Ax25NetDevice> dev, Address to, Probe* pr)
{
    pr->sendResults.push_back(dev->Send(Create<Packet>(10), to, 0x86dd));
    pr->sendResults.push_back(dev->Send(Create<Packet>(10), Address(), 0x0800));
    pr->sendResults.push_back(dev->Send(Create<Packet>(257), to, 0x0800));
}

/**
 * \brief Build a network of n stations on one channel.
 * \param helper the helper (attributes already set)
 * \param n stations
 * \param probes one per station, hooked
 * \param devs receives the devices
 * \return true if every trace source was found
 */
bool
Build(Ax25Helper& helper,
      uint32_t n,
      std::vector<Probe>& probes,
      std::vector<Ptr<Ax25NetDevice>>& devs)
{
    NodeContainer nodes;
    nodes.Create(n);
    NetDeviceContainer d = helper.Install(nodes);
    probes.assign(n, Probe());
    devs.clear();
    bool ok = true;
    for (uint32_t i = 0; i < n; i++)
    {
        devs.push_back(DynamicCast<Ax25NetDevice>(d.Get(i)));
        ok &= Hook(devs[i], &probes[i]);
    }
    return ok;
}

/// Helper with p = 1 (no persistence randomness).
Ax25Helper
PersistentHelper()
{
    Ax25Helper h;
    h.SetDeviceAttribute("Persistence", DoubleValue(1.0));
    return h;
}

} // namespace

/**
 * \ingroup bsdnet-tests
 * \brief Base of the AX.25 test cases: the simulator is destroyed after
 * each case even if an assertion failed midway.
 */
class Ax25TestCase : public TestCase
{
  public:
    /**
     * \brief Constructor.
     * \param name the test case's name
     */
    explicit Ax25TestCase(std::string name)
        : TestCase(name)
    {
    }

  private:
    void DoTeardown() override
    {
        Simulator::Destroy();
    }
};

/**
 * \ingroup bsdnet-tests
 * \brief Callsigns: parsing through md_aton, rejection of bad ones,
 * formatting, the helper's automatic callsigns, the QST-0 broadcast.
 */
class Ax25CallsignTestCase : public Ax25TestCase
{
  public:
    Ax25CallsignTestCase()
        : Ax25TestCase("Callsign parsing, validation and helper assignment")
    {
    }

  private:
    void DoRun() override
    {
        uint8_t a[7];
        NS_TEST_ASSERT_MSG_EQ(Ax25NetDevice::ParseCallsign("N0CALL-7", a), true, "valid callsign");
        const uint8_t want[7] = {'N' << 1, '0' << 1, 'C' << 1, 'A' << 1, 'L' << 1, 'L' << 1, 0x6e};
        NS_TEST_ASSERT_MSG_EQ(std::memcmp(a, want, 7), 0, "canonical form of N0CALL-7");
        NS_TEST_ASSERT_MSG_EQ(Ax25NetDevice::FormatCallsign(a), "N0CALL-7", "round trip");
        NS_TEST_ASSERT_MSG_EQ(Ax25NetDevice::ParseCallsign("k1abc", a), true, "lower case");
        NS_TEST_ASSERT_MSG_EQ(Ax25NetDevice::FormatCallsign(a), "K1ABC", "SSID 0 not written");
        NS_TEST_ASSERT_MSG_EQ(a[6], 0x60, "SSID octet of SSID 0");

        const char* bad[] = {"",
                             "TOOLONG",
                             "N0CALL-16",
                             "N0-CALL",
                             "N0CALL-",
                             "N0 CAL",
                             "N0CALL-7X",
                             "-3",
                             "N0CALL-123",
                             "N0C@LL"};
        for (const char* b : bad)
        {
            std::memset(a, 0xaa, sizeof(a));
            NS_TEST_ASSERT_MSG_EQ(Ax25NetDevice::ParseCallsign(b, a),
                                  false,
                                  "bad callsign \"" << b << "\" accepted");
            NS_TEST_ASSERT_MSG_EQ(a[0], 0xaa, "address written for a bad callsign");
        }
        NS_TEST_ASSERT_MSG_EQ(Ax25NetDevice::ParseCallsign(std::string("AB\0CD", 5), a),
                              false,
                              "embedded NUL accepted");

        // The broadcast address is QST-0, a 7-octet address of our type.
        Ptr<Ax25NetDevice> dev = CreateObject<Ax25NetDevice>();
        Address bc = dev->GetBroadcast();
        NS_TEST_ASSERT_MSG_EQ(bc.GetLength(), 7, "address length");
        NS_TEST_ASSERT_MSG_EQ(bc.IsMatchingType(Ax25NetDevice::GetAddressType()), true, "type");
        NS_TEST_ASSERT_MSG_EQ((bc == Ax25NetDevice::MakeAddress("QST-0")), true, "QST-0");
        NS_TEST_ASSERT_MSG_EQ(dev->IsBroadcast(), true, "broadcast");
        NS_TEST_ASSERT_MSG_EQ(dev->IsMulticast(), false, "multicast");
        NS_TEST_ASSERT_MSG_EQ(dev->NeedsArp(), true, "ARP");
        NS_TEST_ASSERT_MSG_EQ(dev->GetMtu(), 256, "MTU");
        NS_TEST_ASSERT_MSG_EQ(dev->SetMtu(257), false, "MTU above 256 accepted");
        NS_TEST_ASSERT_MSG_EQ(dev->GetMedia()->md_dlt, 3, "pcap link type");

        // The attribute goes through the same parser.
        dev->SetAttribute("Callsign", StringValue("w1aw-5"));
        StringValue sv;
        dev->GetAttribute("Callsign", sv);
        NS_TEST_ASSERT_MSG_EQ(sv.Get(), "W1AW-5", "Callsign attribute");
        NS_TEST_ASSERT_MSG_EQ(Ax25NetDevice::AddressToCallsign(dev->GetAddress()),
                              "W1AW-5",
                              "GetAddress");

        // Helper: N0BSD-1, -2, ... in install order; -15 then N0BSDA-1.
        NS_TEST_ASSERT_MSG_EQ(Ax25Helper::MakeCallsign("N0BSD", 1), "N0BSD-1", "station 1");
        NS_TEST_ASSERT_MSG_EQ(Ax25Helper::MakeCallsign("N0BSD", 15), "N0BSD-15", "station 15");
        NS_TEST_ASSERT_MSG_EQ(Ax25Helper::MakeCallsign("N0BSD", 16), "N0BSDA-1", "station 16");
        NS_TEST_ASSERT_MSG_EQ(Ax25Helper::MakeCallsign("N0BSDX", 16), "", "no room after 15");
        Ax25Helper helper;
        NodeContainer nodes;
        nodes.Create(3);
        NetDeviceContainer d = helper.Install(nodes);
        for (uint32_t i = 0; i < 3; i++)
        {
            Ptr<Ax25NetDevice> x = DynamicCast<Ax25NetDevice>(d.Get(i));
            NS_TEST_ASSERT_MSG_EQ(x->GetCallsign(),
                                  "N0BSD-" + std::to_string(i + 1),
                                  "automatic callsign of station " << i);
            NS_TEST_ASSERT_MSG_EQ(x->GetChannel()->GetNDevices(), 3, "one channel");
        }
        helper.SetBaseCallsign("G4XYZ");
        NodeContainer more;
        more.Create(1);
        NS_TEST_ASSERT_MSG_EQ(
            DynamicCast<Ax25NetDevice>(helper.Install(more).Get(0))->GetCallsign(),
            "G4XYZ-4",
            "base callsign, numbering continued");
        Ax25Helper fixed;
        fixed.SetDeviceAttribute("Callsign", StringValue("VK2ABC-9"));
        NS_TEST_ASSERT_MSG_EQ(
            DynamicCast<Ax25NetDevice>(fixed.Install(more.Get(0)).Get(0))->GetCallsign(),
            "VK2ABC-9",
            "explicit Callsign attribute kept");
        Simulator::Destroy();
    }
};

/**
 * \ingroup bsdnet-tests
 * \brief A frame reaches the addressed station, and only promiscuously
 * the others; Send() frames through md_output and the receiver parses
 * with md_input; the FrameReceiveCallback gets whole frames.
 */
class Ax25UnicastTestCase : public Ax25TestCase
{
  public:
    Ax25UnicastTestCase()
        : Ax25TestCase("Unicast delivery, promiscuous listeners, frame callback")
    {
    }

  private:
    void DoRun() override
    {
        Ax25Helper helper = PersistentHelper();
        std::vector<Probe> pr;
        std::vector<Ptr<Ax25NetDevice>> dev;
        NS_TEST_ASSERT_MSG_EQ(Build(helper, 4, pr, dev), true, "trace sources");
        // Station 3 is BsdKernel-like: it takes whole frames.
        dev[3]->SetFrameReceiveCallback(MakeBoundCallback(&FrameCallback, &pr[3]));

        Bytes payload(40);
        for (size_t i = 0; i < payload.size(); i++)
        {
            payload[i] = static_cast<uint8_t>(0x45 + i);
        }
        Simulator::Schedule(Seconds(1),
                            &DoSend,
                            dev[0],
                            payload,
                            dev[1]->GetAddress(),
                            0x0800,
                            &pr[0]);
        Bytes toKernel = MakeFrame(dev[0], dev[3]->GetAddress(), 60, 7);
        Simulator::Schedule(Seconds(10), &DoSendFrame, dev[0], toKernel, &pr[0]);
        // A protocol AX.25 does not carry here, a destination of the wrong size.
        Simulator::Schedule(Seconds(20), &DoBadSends, dev[0], dev[1]->GetAddress(), &pr[0]);
        // A frame for station 1 with an unknown PID: counted, not delivered.
        Bytes badPid = MakeFrame(dev[0], dev[1]->GetAddress(), 30);
        badPid[15] = 0xf0;
        Simulator::Schedule(Seconds(30), &DoSendFrame, dev[0], badPid, &pr[0]);
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(pr[0].sendResults.size(), 6, "sends done");
        NS_TEST_ASSERT_MSG_EQ(Nth(pr[0].sendResults, 0), true, "Send to station 1");
        NS_TEST_ASSERT_MSG_EQ(Nth(pr[0].sendResults, 1), true, "SendFrame to station 3");
        NS_TEST_ASSERT_MSG_EQ(Nth(pr[0].sendResults, 2), false, "IPv6 protocol number accepted");
        NS_TEST_ASSERT_MSG_EQ(Nth(pr[0].sendResults, 3), false, "empty destination accepted");
        NS_TEST_ASSERT_MSG_EQ(Nth(pr[0].sendResults, 4), false, "payload above the MTU accepted");
        NS_TEST_ASSERT_MSG_EQ(Nth(pr[0].sendResults, 5), true, "SendFrame of the bad-PID frame");
        NS_TEST_ASSERT_MSG_EQ(pr[0].macTx, 3, "MacTx counts queued frames");
        NS_TEST_ASSERT_MSG_EQ(pr[0].phyTxEnd, 3, "all three sent");

        // Station 1: the IP packet, as sent, from station 0.
        NS_TEST_ASSERT_MSG_EQ(pr[1].rxPayloads.size(), 1, "station 1 got one packet");
        NS_TEST_ASSERT_MSG_EQ((Nth(pr[1].rxPayloads, 0) == payload), true, "payload intact");
        NS_TEST_ASSERT_MSG_EQ(Nth(pr[1].rxProtocols, 0), 0x0800, "protocol IP");
        NS_TEST_ASSERT_MSG_EQ((Nth(pr[1].rxFrom, 0) == dev[0]->GetAddress()),
                              true,
                              "source address");
        NS_TEST_ASSERT_MSG_EQ(pr[1].macRx, 2, "MacRx: the IP frame and the bad-PID frame");
        NS_TEST_ASSERT_MSG_EQ(pr[1].macRxDrop, 1, "bad PID counted in MacRxDrop");
        NS_TEST_ASSERT_MSG_EQ(pr[1].sniffer, 2, "Sniffer: frames for station 1 only");
        NS_TEST_ASSERT_MSG_EQ(pr[1].promiscSniffer, 3, "PromiscSniffer: every frame heard");

        // Station 2 only listens.
        NS_TEST_ASSERT_MSG_EQ(pr[2].rxPayloads.size(), 0, "station 2 got a packet not for it");
        NS_TEST_ASSERT_MSG_EQ(pr[2].macRx, 0, "MacRx at station 2");
        NS_TEST_ASSERT_MSG_EQ(pr[2].sniffer, 0, "Sniffer at station 2");
        NS_TEST_ASSERT_MSG_EQ(pr[2].promiscSniffer, 3, "PromiscSniffer at station 2");
        NS_TEST_ASSERT_MSG_EQ(pr[2].phyRxEnd, 3, "PhyRxEnd at station 2");
        NS_TEST_ASSERT_MSG_EQ(pr[2].promTypes.size(),
                              2,
                              "promiscuous callback: two parsable frames");
        NS_TEST_ASSERT_MSG_EQ(Nth(pr[2].promTypes, 0), NetDevice::PACKET_OTHERHOST, "OTHERHOST");
        NS_TEST_ASSERT_MSG_EQ(pr[1].promTypes.size(), 2, "promiscuous callback at station 1");
        NS_TEST_ASSERT_MSG_EQ(Nth(pr[1].promTypes, 0), NetDevice::PACKET_HOST, "HOST");

        // Station 3: the whole frame, through the frame callback only.
        NS_TEST_ASSERT_MSG_EQ(pr[3].frames.size(), 1, "frame callback");
        NS_TEST_ASSERT_MSG_EQ((Nth(pr[3].frames, 0) == toKernel), true, "frame intact");
        NS_TEST_ASSERT_MSG_EQ(pr[3].rxPayloads.size(), 0, "frame path also used ReceiveCallback");

        // A transmitter does not hear itself.
        NS_TEST_ASSERT_MSG_EQ(pr[0].phyRxEnd, 0, "station 0 heard its own frames");
        NS_TEST_ASSERT_MSG_EQ(pr[0].promiscSniffer, 3, "station 0 PromiscSniffer: sent only");
        Simulator::Destroy();
    }
};

/**
 * \ingroup bsdnet-tests
 * \brief Air time on an idle channel with p = 1: a frame of n octets is
 * received TxDelay + (n + FRAME_OVERHEAD) * 8 / rate + PropagationDelay
 * after it was queued, at 1200 and 9600 bit/s.
 */
class Ax25TimingTestCase : public Ax25TestCase
{
  public:
    Ax25TimingTestCase()
        : Ax25TestCase("Idle channel air time: TxDelay + (n + 4) * 8 over rate + delay")
    {
    }

  private:
    /**
     * \brief One frame on an idle channel.
     * \param rate bit/s
     * \param txDelay TxDelay
     */
    void RunOne(uint64_t rate, Time txDelay)
    {
        Ax25Helper helper = PersistentHelper();
        helper.SetDeviceAttribute("TxDelay", TimeValue(txDelay));
        helper.SetChannelAttribute("DataRate", DataRateValue(DataRate(rate)));
        std::vector<Probe> pr;
        std::vector<Ptr<Ax25NetDevice>> dev;
        NS_TEST_ASSERT_MSG_EQ(Build(helper, 2, pr, dev), true, "trace sources");
        Bytes f = MakeFrame(dev[0], dev[1]->GetAddress(), 100);
        NS_TEST_ASSERT_MSG_EQ(f.size(), 100, "frame size");
        Time t0 = Seconds(1);
        Simulator::Schedule(t0, &DoSendFrame, dev[0], f, &pr[0]);
        Simulator::Run();

        // As the model computes it (ns-3.35 truncates, 3.37 rounds: 1 ns).
        Time air = txDelay + DataRate(static_cast<uint64_t>(rate))
                                 .CalculateBytesTxTime(100 + Ax25NetDevice::FRAME_OVERHEAD);
        Time delay = MicroSeconds(10);
        NS_TEST_ASSERT_MSG_EQ(Ax25NetDevice::FRAME_OVERHEAD, 4, "flags + FCS");
        NS_TEST_ASSERT_MSG_EQ(pr[0].txBeginTimes.size(), 1, "one transmission");
        NS_TEST_ASSERT_MSG_EQ(Nth(pr[0].txBeginTimes, 0), t0, "keyed up at once (p = 1, idle)");
        NS_TEST_ASSERT_MSG_EQ(Nth(pr[0].txEndTimes, 0), t0 + air, "key down");
        NS_TEST_ASSERT_MSG_EQ(pr[1].macRxTimes.size(), 1, "one frame received");
        NS_TEST_ASSERT_MSG_EQ(Nth(pr[1].macRxTimes, 0), t0 + air + delay, "arrival time");
        // The same, against the formula in plain arithmetic (1 ns rounding).
        double want = 1.0 + txDelay.GetSeconds() + 104.0 * 8 / rate + 10e-6;
        NS_TEST_ASSERT_MSG_EQ_TOL(Nth(pr[1].macRxTimes, 0).GetSeconds(), want, 1e-9, "formula");
        NS_TEST_ASSERT_MSG_EQ(dev[0]->GetTransmissionTime(100), air, "GetTransmissionTime");
        Simulator::Destroy();
    }

    void DoRun() override
    {
        RunOne(1200, MilliSeconds(300));
        RunOne(9600, MilliSeconds(50));
    }
};

/**
 * \ingroup bsdnet-tests
 * \brief With p = 1, two stations keying up at the same instant collide:
 * the third station gets neither frame (two PhyRxDrop) and the senders,
 * half duplex, lose each other's.
 */
class Ax25CollisionTestCase : public Ax25TestCase
{
  public:
    Ax25CollisionTestCase()
        : Ax25TestCase("Simultaneous transmissions collide")
    {
    }

  private:
    void DoRun() override
    {
        Ax25Helper helper = PersistentHelper();
        std::vector<Probe> pr;
        std::vector<Ptr<Ax25NetDevice>> dev;
        NS_TEST_ASSERT_MSG_EQ(Build(helper, 3, pr, dev), true, "trace sources");
        Simulator::Schedule(Seconds(1),
                            &DoSendFrame,
                            dev[0],
                            MakeFrame(dev[0], dev[2]->GetAddress(), 100),
                            &pr[0]);
        Simulator::Schedule(Seconds(1),
                            &DoSendFrame,
                            dev[1],
                            MakeFrame(dev[1], dev[2]->GetAddress(), 60),
                            &pr[1]);
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(pr[0].txBeginTimes.size(), 1, "station 0 sent");
        NS_TEST_ASSERT_MSG_EQ(pr[1].txBeginTimes.size(), 1, "station 1 sent");
        NS_TEST_ASSERT_MSG_EQ(Nth(pr[0].txBeginTimes, 0), Seconds(1), "station 0 at 1 s");
        NS_TEST_ASSERT_MSG_EQ(Nth(pr[1].txBeginTimes, 0), Seconds(1), "station 1 at 1 s");
        NS_TEST_ASSERT_MSG_EQ(pr[2].macRx, 0, "a collided frame was received");
        NS_TEST_ASSERT_MSG_EQ(pr[2].phyRxEnd, 0, "a collided frame was heard intact");
        NS_TEST_ASSERT_MSG_EQ(pr[2].phyRxDrop, 2, "both frames dropped at station 2");
        NS_TEST_ASSERT_MSG_EQ(pr[2].promiscSniffer, 0, "PromiscSniffer on a collided frame");
        NS_TEST_ASSERT_MSG_EQ(pr[0].phyRxDrop, 1, "half duplex: station 0 lost station 1's frame");
        NS_TEST_ASSERT_MSG_EQ(pr[1].phyRxDrop, 1, "half duplex: station 1 lost station 0's frame");
        Simulator::Destroy();
    }
};

/**
 * \ingroup bsdnet-tests
 * \brief Carrier sense: a station that gets a frame while another's
 * transmission is heard waits for its end (p = 1: keys up the instant
 * the carrier drops) and both frames arrive; a station that starts
 * before the other's carrier has reached it (within the propagation
 * delay) collides.
 */
class Ax25CarrierSenseTestCase : public Ax25TestCase
{
  public:
    Ax25CarrierSenseTestCase()
        : Ax25TestCase("Carrier sense defers while another station is heard")
    {
    }

  private:
    /**
     * \brief Station 0 sends at 1 s, station 1 at 1 s + offset, to station 2.
     * \param offset when station 1 gets its frame, after station 0
     * \param pr probes
     * \param dev devices
     */
    void Run(Time offset, std::vector<Probe>& pr, std::vector<Ptr<Ax25NetDevice>>& dev)
    {
        Ax25Helper helper = PersistentHelper();
        NS_TEST_ASSERT_MSG_EQ(Build(helper, 3, pr, dev), true, "trace sources");
        Simulator::Schedule(Seconds(1),
                            &DoSendFrame,
                            dev[0],
                            MakeFrame(dev[0], dev[2]->GetAddress(), 100),
                            &pr[0]);
        Simulator::Schedule(Seconds(1) + offset,
                            &DoSendFrame,
                            dev[1],
                            MakeFrame(dev[1], dev[2]->GetAddress(), 80),
                            &pr[1]);
        Simulator::Run();
    }

    void DoRun() override
    {
        std::vector<Probe> pr;
        std::vector<Ptr<Ax25NetDevice>> dev;
        Run(MilliSeconds(100), pr, dev);
        Time air0 = dev[0]->GetTransmissionTime(100);
        Time heardEnd = Seconds(1) + air0 + MicroSeconds(10);
        NS_TEST_ASSERT_MSG_EQ(pr[1].txBeginTimes.size(), 1, "station 1 sent");
        NS_TEST_ASSERT_MSG_EQ(Nth(pr[1].txBeginTimes, 0),
                              heardEnd,
                              "station 1 keyed up when the carrier dropped");
        NS_TEST_ASSERT_MSG_GT_OR_EQ(pr[1].macTxBackoff, 1, "station 1 deferred");
        NS_TEST_ASSERT_MSG_EQ(pr[2].macRx, 2, "both frames arrived");
        NS_TEST_ASSERT_MSG_EQ(pr[2].phyRxDrop, 0, "no collision");
        NS_TEST_ASSERT_MSG_EQ(Nth(pr[2].macRxTimes, 1),
                              heardEnd + dev[1]->GetTransmissionTime(80) + MicroSeconds(10),
                              "second arrival");
        Simulator::Destroy();

        // 5 us later: station 0's carrier is still 5 us away from station 1.
        Run(MicroSeconds(5), pr, dev);
        NS_TEST_ASSERT_MSG_EQ(pr[1].txBeginTimes.size(), 1, "station 1 sent");
        NS_TEST_ASSERT_MSG_EQ(Nth(pr[1].txBeginTimes, 0),
                              Seconds(1) + MicroSeconds(5),
                              "not deferred");
        NS_TEST_ASSERT_MSG_EQ(pr[2].macRx, 0, "frames survived an overlap");
        NS_TEST_ASSERT_MSG_EQ(pr[2].phyRxDrop, 2, "both dropped");
        Simulator::Destroy();
    }
};

/**
 * \ingroup bsdnet-tests
 * \brief p-persistence: with p < 1 a station keys up a whole number of
 * SlotTimes after its frame arrives (idle channel), sometimes later than
 * at once; with p = 0 it never keys up.
 */
class Ax25PersistenceTestCase : public Ax25TestCase
{
  public:
    Ax25PersistenceTestCase()
        : Ax25TestCase("p-persistence: key-up on slot boundaries")
    {
    }

  private:
    void DoRun() override
    {
        Ax25Helper helper;
        helper.SetDeviceAttribute("Persistence", DoubleValue(0.3));
        helper.SetDeviceAttribute("SlotTime", TimeValue(MilliSeconds(70)));
        std::vector<Probe> pr;
        std::vector<Ptr<Ax25NetDevice>> dev;
        NS_TEST_ASSERT_MSG_EQ(Build(helper, 2, pr, dev), true, "trace sources");
        NetDeviceContainer c;
        c.Add(dev[0]);
        c.Add(dev[1]);
        NS_TEST_ASSERT_MSG_EQ(helper.AssignStreams(c, 7), 2, "one stream per device");
        const uint32_t n = 40;
        for (uint32_t i = 0; i < n; i++)
        {
            Simulator::Schedule(Seconds(10 * (i + 1)),
                                &DoSendFrame,
                                dev[0],
                                MakeFrame(dev[0], dev[1]->GetAddress(), 50),
                                &pr[0]);
        }
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(pr[0].txBeginTimes.size(), n, "all sent");
        uint32_t waited = 0;
        uint64_t slots = 0;
        for (uint32_t i = 0; i < n; i++)
        {
            int64_t wait = (Nth(pr[0].txBeginTimes, i) - Seconds(10 * (i + 1))).GetNanoSeconds();
            NS_TEST_ASSERT_MSG_EQ(wait % MilliSeconds(70).GetNanoSeconds(),
                                  0,
                                  "not on a slot boundary");
            waited += wait > 0;
            slots += wait / MilliSeconds(70).GetNanoSeconds();
        }
        NS_TEST_ASSERT_MSG_GT(waited, n / 3, "p = 0.3 keyed up at once too often");
        // Mean slots waited: (1 - p) / p = 2.33; loose bounds for 40 samples.
        NS_TEST_ASSERT_MSG_GT(slots, n * 1, "too few slots waited");
        NS_TEST_ASSERT_MSG_LT(slots, n * 5, "too many slots waited");
        NS_TEST_ASSERT_MSG_EQ(pr[1].macRx, n, "all received");
        Simulator::Destroy();

        Ax25Helper mute;
        mute.SetDeviceAttribute("Persistence", DoubleValue(0.0));
        NS_TEST_ASSERT_MSG_EQ(Build(mute, 2, pr, dev), true, "trace sources");
        Simulator::Schedule(Seconds(1),
                            &DoSendFrame,
                            dev[0],
                            MakeFrame(dev[0], dev[1]->GetAddress(), 50),
                            &pr[0]);
        Simulator::Stop(Seconds(100));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(pr[0].phyTxBegin, 0, "p = 0 keyed up");
        NS_TEST_ASSERT_MSG_GT(pr[0].macTxBackoff, 900, "p = 0 did not keep waiting slots");
        Simulator::Destroy();
    }
};

/// Result of a contention run.
struct ContentionResult
{
    uint32_t sent{0};           //!< frames put on the air
    uint32_t delivered{0};      //!< MacRx at the sink
    uint32_t dropped{0};        //!< PhyRxDrop at the sink
    std::vector<Time> arrivals; //!< MacRx times at the sink

    /// \brief Same outcome? \param o other \return true if identical
    bool operator==(const ContentionResult& o) const
    {
        return sent == o.sent && delivered == o.delivered && dropped == o.dropped
               && arrivals == o.arrivals;
    }
};

/**
 * \ingroup bsdnet-tests
 * \brief p = 0.25 with four senders offering a frame each at the same
 * instants: most frames arrive, some collide; every frame put on the air
 * either arrives or is counted dropped at the sink; the same streams give
 * identical runs, other streams or another RngRun different ones.
 */
class Ax25RandomAccessTestCase : public Ax25TestCase
{
  public:
    Ax25RandomAccessTestCase()
        : Ax25TestCase("p = 0.25 contention: plausible counts, reproducible streams")
    {
    }

  private:
    /**
     * \brief One run.
     * \param stream first stream, or -1 for none assigned
     * \return the counts
     */
    ContentionResult RunOnce(int64_t stream)
    {
        Ax25Helper helper;
        helper.SetDeviceAttribute("Persistence", DoubleValue(0.25));
        std::vector<Probe> pr;
        std::vector<Ptr<Ax25NetDevice>> dev;
        const uint32_t senders = 4;
        const uint32_t rounds = 25;
        Build(helper, senders + 1, pr, dev);
        if (stream >= 0)
        {
            NetDeviceContainer c;
            for (auto& d : dev)
            {
                c.Add(d);
            }
            helper.AssignStreams(c, stream);
        }
        for (uint32_t r = 0; r < rounds; r++)
        {
            for (uint32_t s = 0; s < senders; s++)
            {
                Simulator::Schedule(Seconds(1 + 20 * r + 0.4 * s),
                                    &DoSendFrame,
                                    dev[s],
                                    MakeFrame(dev[s], dev[senders]->GetAddress(), 100, r),
                                    &pr[s]);
            }
        }
        Simulator::Run();
        ContentionResult res;
        for (uint32_t s = 0; s < senders; s++)
        {
            res.sent += pr[s].phyTxEnd;
        }
        res.delivered = pr[senders].macRx;
        res.dropped = pr[senders].phyRxDrop;
        res.arrivals = pr[senders].macRxTimes;
        Simulator::Destroy();
        return res;
    }

    void DoRun() override
    {
        const uint32_t total = 100;
        ContentionResult a = RunOnce(1000);
        NS_TEST_ASSERT_MSG_EQ(a.sent, total, "every frame put on the air");
        NS_TEST_ASSERT_MSG_EQ(a.delivered + a.dropped, total, "frames neither arrived nor dropped");
        NS_TEST_ASSERT_MSG_GT(a.delivered, total / 2, "most frames should arrive");
        NS_TEST_ASSERT_MSG_GT(a.dropped, 0, "no collision with p = 0.25 and 4 stations");
        NS_TEST_ASSERT_MSG_LT(a.delivered, total, "no collision at all");

        ContentionResult b = RunOnce(1000);
        NS_TEST_ASSERT_MSG_EQ((a == b), true, "same streams, different run");

        bool differs = false;
        for (int64_t s : {2000, 3000, 4000})
        {
            ContentionResult c = RunOnce(s);
            NS_TEST_ASSERT_MSG_EQ(c.delivered + c.dropped, total, "conservation, stream " << s);
            differs |= c.delivered != a.delivered || c.arrivals != a.arrivals;
        }
        NS_TEST_ASSERT_MSG_EQ(differs, true, "other streams gave identical runs");

        uint64_t run = RngSeedManager::GetRun();
        RngSeedManager::SetRun(run + 1);
        ContentionResult d = RunOnce(1000);
        RngSeedManager::SetRun(run);
        NS_TEST_ASSERT_MSG_EQ((d == a), false, "another RngRun gave an identical run");
    }
};

/**
 * \ingroup bsdnet-tests
 * \brief A frame to QST-0 reaches every other station as a broadcast.
 */
class Ax25BroadcastTestCase : public Ax25TestCase
{
  public:
    Ax25BroadcastTestCase()
        : Ax25TestCase("QST-0 broadcast reaches all stations")
    {
    }

  private:
    void DoRun() override
    {
        Ax25Helper helper = PersistentHelper();
        std::vector<Probe> pr;
        std::vector<Ptr<Ax25NetDevice>> dev;
        NS_TEST_ASSERT_MSG_EQ(Build(helper, 4, pr, dev), true, "trace sources");
        Bytes arp(28, 0x11);
        Simulator::Schedule(Seconds(1),
                            &DoSend,
                            dev[0],
                            arp,
                            dev[0]->GetBroadcast(),
                            0x0806,
                            &pr[0]);
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(Nth(pr[0].sendResults, 0), true, "Send to QST");
        for (uint32_t i = 1; i < 4; i++)
        {
            NS_TEST_ASSERT_MSG_EQ(pr[i].macRx, 1, "station " << i << " MacRx");
            NS_TEST_ASSERT_MSG_EQ(pr[i].sniffer, 1, "station " << i << " Sniffer");
            NS_TEST_ASSERT_MSG_EQ(pr[i].rxPayloads.size(), 1, "station " << i << " delivery");
            NS_TEST_ASSERT_MSG_EQ((Nth(pr[i].rxPayloads, 0) == arp), true, "payload");
            NS_TEST_ASSERT_MSG_EQ(Nth(pr[i].rxProtocols, 0), 0x0806, "protocol ARP");
            NS_TEST_ASSERT_MSG_EQ(Nth(pr[i].promTypes, 0),
                                  NetDevice::PACKET_BROADCAST,
                                  "BROADCAST");
        }
        NS_TEST_ASSERT_MSG_EQ(pr[0].macRx, 0, "the sender heard its broadcast");
        Simulator::Destroy();
    }
};

/**
 * \ingroup bsdnet-tests
 * \brief A full transmit queue drops with MacTxDrop and SendFrame false.
 */
class Ax25QueueTestCase : public Ax25TestCase
{
  public:
    Ax25QueueTestCase()
        : Ax25TestCase("Transmit queue overflow")
    {
    }

  private:
    void DoRun() override
    {
        Ax25Helper helper = PersistentHelper();
        helper.SetQueue("ns3::DropTailQueue", "MaxSize", StringValue("2p"));
        std::vector<Probe> pr;
        std::vector<Ptr<Ax25NetDevice>> dev;
        NS_TEST_ASSERT_MSG_EQ(Build(helper, 2, pr, dev), true, "trace sources");
        for (uint32_t i = 0; i < 5; i++)
        {
            Simulator::Schedule(Seconds(1),
                                &DoSendFrame,
                                dev[0],
                                MakeFrame(dev[0], dev[1]->GetAddress(), 40, i),
                                &pr[0]);
        }
        Simulator::Run();
        // The first is on the air at once, two wait, two are dropped.
        NS_TEST_ASSERT_MSG_EQ(pr[0].sendResults.size(), 5, "sends");
        NS_TEST_ASSERT_MSG_EQ(Nth(pr[0].sendResults, 3), false, "fourth frame accepted");
        NS_TEST_ASSERT_MSG_EQ(Nth(pr[0].sendResults, 4), false, "fifth frame accepted");
        NS_TEST_ASSERT_MSG_EQ(pr[0].macTx, 3, "MacTx");
        NS_TEST_ASSERT_MSG_EQ(pr[0].macTxDrop, 2, "MacTxDrop");
        NS_TEST_ASSERT_MSG_EQ(pr[1].macRx, 3, "received");
        Simulator::Destroy();
    }
};

/**
 * \ingroup bsdnet-tests
 * \brief Pcap files: link type 3, one record per frame, equal to it;
 * Sniffer (sent + for us) vs PromiscSniffer (sent + heard); ascii trace.
 */
class Ax25PcapTestCase : public Ax25TestCase
{
  public:
    Ax25PcapTestCase()
        : Ax25TestCase("Pcap link type 3 and records equal the frames")
    {
    }

  private:
    /// A pcap record.
    struct Record
    {
        uint32_t sec;  //!< seconds
        uint32_t usec; //!< microseconds
        Bytes data;    //!< the frame
    };

    /**
     * \brief Read a pcap file.
     * \param name file name
     * \param linkType receives the link type
     * \param magic receives the magic number
     * \return the records
     */
    static std::vector<Record> ReadPcap(const std::string& name,
                                        uint32_t& linkType,
                                        uint32_t& magic)
    {
        std::ifstream in(name, std::ios::binary);
        Bytes all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        auto le32 = [&all](size_t o)
        {
            return uint32_t(all[o]) | uint32_t(all[o + 1]) << 8 | uint32_t(all[o + 2]) << 16
                   | uint32_t(all[o + 3]) << 24;
        };
        std::vector<Record> recs;
        linkType = magic = 0;
        if (all.size() < 24)
        {
            return recs;
        }
        magic = le32(0);
        linkType = le32(20);
        size_t o = 24;
        while (o + 16 <= all.size())
        {
            Record r;
            r.sec = le32(o);
            r.usec = le32(o + 4);
            uint32_t incl = le32(o + 8);
            o += 16;
            if (o + incl > all.size())
            {
                break;
            }
            r.data.assign(all.begin() + o, all.begin() + o + incl);
            o += incl;
            recs.push_back(r);
        }
        return recs;
    }

    void DoRun() override
    {
        std::string prefix = CreateTempDirFilename("ax25-pcap");
        std::string promPrefix = CreateTempDirFilename("ax25-prom");
        std::string asciiName = CreateTempDirFilename("ax25.tr");
        std::vector<Bytes> sent;
        std::string nameA;
        std::string nameB;
        std::string nameC;
        Time arrival;
        {
            Ax25Helper helper = PersistentHelper();
            std::vector<Probe> pr;
            std::vector<Ptr<Ax25NetDevice>> dev;
            NS_TEST_ASSERT_MSG_EQ(Build(helper, 3, pr, dev), true, "trace sources");
            helper.EnablePcap(prefix, dev[0]);
            helper.EnablePcap(prefix, dev[1]);
            helper.EnablePcap(promPrefix, dev[2], true);
            helper.EnableAscii(asciiName, dev[1], true);
            auto name = [](const std::string& p, Ptr<NetDevice> d)
            {
                return p + "-" + std::to_string(d->GetNode()->GetId()) + "-"
                       + std::to_string(d->GetIfIndex()) + ".pcap";
            };
            nameA = name(prefix, dev[0]);
            nameB = name(prefix, dev[1]);
            nameC = name(promPrefix, dev[2]);
            sent.push_back(MakeFrame(dev[0], dev[1]->GetAddress(), 100, 1));
            sent.push_back(MakeFrame(dev[0], dev[2]->GetAddress(), 20, 2));
            sent.push_back(MakeFrame(dev[0], dev[0]->GetBroadcast(), 44, 3));
            sent.push_back(MakeFrame(dev[0], dev[1]->GetAddress(), 272, 4));
            for (size_t i = 0; i < sent.size(); i++)
            {
                Simulator::Schedule(Seconds(1 + 10 * i), &DoSendFrame, dev[0], sent[i], &pr[0]);
            }
            Simulator::Run();
            NS_TEST_ASSERT_MSG_EQ(pr[1].macRx, 3, "station 1 frames");
            arrival = Nth(pr[1].macRxTimes, 0);
            Simulator::Destroy();
        }
        // Devices and their files are gone: read what was written.
        uint32_t lt;
        uint32_t magic;
        std::vector<Record> a = ReadPcap(nameA, lt, magic);
        NS_TEST_ASSERT_MSG_EQ(magic, 0xa1b2c3d4, "pcap magic of " << nameA);
        NS_TEST_ASSERT_MSG_EQ(lt, 3, "link type LINKTYPE_AX25");
        NS_TEST_ASSERT_MSG_EQ(a.size(), 4, "sender records: every frame sent");
        for (size_t i = 0; i < a.size() && i < sent.size(); i++)
        {
            NS_TEST_ASSERT_MSG_EQ((a[i].data == sent[i]), true, "sender record " << i);
            NS_TEST_ASSERT_MSG_EQ(a[i].sec, 1 + 10 * i, "sender record time " << i);
            NS_TEST_ASSERT_MSG_EQ(a[i].usec, 0, "sender record time " << i);
        }

        std::vector<Record> b = ReadPcap(nameB, lt, magic);
        NS_TEST_ASSERT_MSG_EQ(lt, 3, "link type LINKTYPE_AX25");
        NS_TEST_ASSERT_MSG_EQ(b.size(), 3, "receiver: frames for it and QST only");
        if (b.size() == 3)
        {
            NS_TEST_ASSERT_MSG_EQ((b[0].data == sent[0]), true, "record 0");
            NS_TEST_ASSERT_MSG_EQ((b[1].data == sent[2]), true, "record 1 (QST)");
            NS_TEST_ASSERT_MSG_EQ((b[2].data == sent[3]), true, "record 2");
            int64_t us = arrival.GetMicroSeconds();
            NS_TEST_ASSERT_MSG_EQ(b[0].sec, us / 1000000, "arrival time");
            NS_TEST_ASSERT_MSG_EQ(b[0].usec, us % 1000000, "arrival time");
        }

        std::vector<Record> c = ReadPcap(nameC, lt, magic);
        NS_TEST_ASSERT_MSG_EQ(lt, 3, "link type LINKTYPE_AX25");
        NS_TEST_ASSERT_MSG_EQ(c.size(), 4, "promiscuous: every frame heard");
        for (size_t i = 0; i < c.size() && i < sent.size(); i++)
        {
            NS_TEST_ASSERT_MSG_EQ((c[i].data == sent[i]), true, "promiscuous record " << i);
        }

        std::ifstream tr(asciiName);
        std::string line;
        uint32_t rx = 0;
        while (std::getline(tr, line))
        {
            rx += !line.empty() && line[0] == 'r';
        }
        NS_TEST_ASSERT_MSG_EQ(rx, 3, "ascii trace: one 'r' line per frame received");
    }
};

/**
 * \ingroup bsdnet-tests
 * \brief The AX.25 test suite.
 */
class Ax25TestSuite : public TestSuite
{
  public:
    Ax25TestSuite()
        : TestSuite("ax25", UNIT)
    {
        AddTestCase(new Ax25CallsignTestCase, TestCase::QUICK);
        AddTestCase(new Ax25UnicastTestCase, TestCase::QUICK);
        AddTestCase(new Ax25TimingTestCase, TestCase::QUICK);
        AddTestCase(new Ax25CollisionTestCase, TestCase::QUICK);
        AddTestCase(new Ax25CarrierSenseTestCase, TestCase::QUICK);
        AddTestCase(new Ax25PersistenceTestCase, TestCase::QUICK);
        AddTestCase(new Ax25RandomAccessTestCase, TestCase::QUICK);
        AddTestCase(new Ax25BroadcastTestCase, TestCase::QUICK);
        AddTestCase(new Ax25QueueTestCase, TestCase::QUICK);
        AddTestCase(new Ax25PcapTestCase, TestCase::QUICK);
    }
};

static Ax25TestSuite g_ax25TestSuite; //!< the suite's static instance
