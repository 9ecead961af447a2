/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "fddi-channel.h"

#include "bsd-token-ring.h"
#include "fddi-net-device.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("FddiChannel");

NS_OBJECT_ENSURE_REGISTERED(FddiChannel);

namespace
{

/// The context of events on behalf of a device: its node's id.
uint32_t
ContextOf(Ptr<NetDevice> device)
{
    Ptr<Node> node = device->GetNode();
    return node ? node->GetId() : Simulator::NO_CONTEXT;
}

} // namespace

TypeId
FddiChannel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::FddiChannel")
            .SetParent<Channel>()
            .SetGroupName("Bsdnet")
            .AddConstructor<FddiChannel>()
            .AddAttribute("DataRate",
                          "The ring's data rate (4B/5B coding excluded).",
                          DataRateValue(DataRate("100Mbps")),
                          MakeDataRateAccessor(&FddiChannel::m_bps),
                          MakeDataRateChecker())
            .AddAttribute("Ttrt",
                          "Target token rotation time: the timed-token protocol's bound.",
                          TimeValue(MilliSeconds(8)),
                          MakeTimeAccessor(&FddiChannel::m_ttrt),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("StationLatency",
                          "Delay of a station repeating the token or a frame "
                          "(60 bit times at 100 Mb/s).",
                          TimeValue(NanoSeconds(600)),
                          MakeTimeAccessor(&FddiChannel::m_stationLatency),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("PropagationDelay",
                          "Fibre delay between neighbouring stations (about 1 km).",
                          TimeValue(MicroSeconds(5)),
                          MakeTimeAccessor(&FddiChannel::m_propagationDelay),
                          MakeTimeChecker(Time(0)));
    return tid;
}

FddiChannel::FddiChannel()
    : m_state(TOKEN_NONE),
      m_from(0),
      m_fromTime(0),
      m_dest(-1),
      m_holder(0),
      m_heldSince(0),
      m_tht(0)
{
    NS_LOG_FUNCTION(this);
}

FddiChannel::~FddiChannel()
{
    NS_LOG_FUNCTION(this);
}

void
FddiChannel::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_tokenEvent.Cancel();
    m_devices.clear();
    Channel::DoDispose();
}

uint32_t
FddiChannel::Attach(Ptr<FddiNetDevice> device)
{
    NS_LOG_FUNCTION(this << device);
    NS_ASSERT(device);
    m_devices.push_back(device);
    m_trtStart.push_back(0);
    m_trtValid.push_back(false);
    return static_cast<uint32_t>(m_devices.size() - 1);
}

std::size_t
FddiChannel::GetNDevices() const
{
    return m_devices.size();
}

Ptr<NetDevice>
FddiChannel::GetDevice(std::size_t i) const
{
    return GetFddiDevice(i);
}

Ptr<FddiNetDevice>
FddiChannel::GetFddiDevice(std::size_t i) const
{
    NS_ASSERT(i < m_devices.size());
    return m_devices[i];
}

DataRate
FddiChannel::GetDataRate() const
{
    return m_bps;
}

Time
FddiChannel::GetHopDelay() const
{
    return m_propagationDelay + m_stationLatency;
}

Time
FddiChannel::GetRingLatency() const
{
    return GetHopDelay() * static_cast<int64_t>(m_devices.size());
}

Time
FddiChannel::GetFrameTime(uint32_t octets) const
{
    return m_bps.CalculateBytesTxTime(octets + FRAME_OVERHEAD_OCTETS);
}

int64_t
FddiChannel::NextPass(uint32_t station, int64_t now) const
{
    return BsdTokenRing::NextPass(m_from,
                                  m_fromTime,
                                  station,
                                  static_cast<int64_t>(m_devices.size()),
                                  GetHopDelay().GetTimeStep(),
                                  now);
}

void
FddiChannel::ScheduleToken(int64_t now)
{
    NS_LOG_FUNCTION(this << now);
    m_state = TOKEN_MOVING;
    m_tokenEvent.Cancel();
    int64_t best = 0;
    m_dest = BsdTokenRing::FirstWaiting(
        m_devices,
        [this, now](uint32_t i) { return NextPass(i, now); },
        &best);
    if (m_dest < 0)
    {
        NS_LOG_LOGIC("token parked, left station " << m_from << " at " << m_fromTime);
        return;
    }
    NS_LOG_LOGIC("token to station " << m_dest << " at " << best);
    // Simulator::Schedule, not ScheduleWithContext: this event may be cancelled.
    m_tokenEvent = Simulator::Schedule(Time(best - now),
                                       &FddiChannel::TokenArrives,
                                       this,
                                       static_cast<uint32_t>(m_dest));
}

void
FddiChannel::NotifyFrameQueued(uint32_t station)
{
    NS_LOG_FUNCTION(this << station);
    NS_ASSERT(station < m_devices.size());
    const int64_t now = Simulator::Now().GetTimeStep();
    switch (m_state)
    {
    case TOKEN_NONE:
    {
        // Ring initialisation: this station wins the claim and the token
        // is just arriving at it.
        const int64_t n = static_cast<int64_t>(m_devices.size());
        NS_ABORT_MSG_IF(GetRingLatency() >= m_ttrt,
                        "FddiChannel: Ttrt " << m_ttrt.As(Time::US)
                                             << " must exceed the ring latency "
                                             << GetRingLatency().As(Time::US));
        m_from = static_cast<uint32_t>((station + n - 1) % n);
        m_fromTime = now - GetHopDelay().GetTimeStep();
        ScheduleToken(now);
        break;
    }
    case TOKEN_MOVING:
        if (m_dest == static_cast<int64_t>(station))
        {
            break;
        }
        if (m_dest < 0 || NextPass(station, now) < NextPass(static_cast<uint32_t>(m_dest), now))
        {
            ScheduleToken(now);
        }
        break;
    case TOKEN_HELD:
        // The holder looks at its queue after each frame; the others get
        // their turn when the token is issued.
        break;
    }
}

int64_t
FddiChannel::TokenPass(uint32_t station, int64_t t)
{
    const int64_t ttrt = m_ttrt.GetTimeStep();
    if (!m_trtValid[station])
    {
        // First sight of the token: as if it had been round once.
        m_trtValid[station] = true;
        m_trtStart[station] = t;
        return ttrt - GetRingLatency().GetTimeStep();
    }
    int64_t elapsed = t - m_trtStart[station];
    if (elapsed < ttrt)
    {
        m_trtStart[station] = t;
        return ttrt - elapsed;
    }
    // Late: TRT expired (maybe more than once) and restarted each time.
    m_trtStart[station] += elapsed / ttrt * ttrt;
    return 0;
}

void
FddiChannel::CatchUpTimers(int64_t t)
{
    const int64_t n = static_cast<int64_t>(m_devices.size());
    const int64_t hop = GetHopDelay().GetTimeStep();
    const int64_t hops = (t - m_fromTime) / hop; // to the arriving station
    for (int64_t k = 0; k < n; k++)
    {
        // Passes at hop counts e, e + n, ... below hops.
        int64_t e = ((k - m_from - 1) % n + n) % n + 1;
        while (e < hops)
        {
            if (TokenPass(static_cast<uint32_t>(k), m_fromTime + e * hop) > 0)
            {
                // Early: so is every later pass, a ring latency apart.
                int64_t last = e + (hops - 1 - e) / n * n;
                m_trtStart[k] = m_fromTime + last * hop;
                break;
            }
            e += n;
        }
    }
}

void
FddiChannel::TokenArrives(uint32_t station)
{
    NS_LOG_FUNCTION(this << station);
    const int64_t now = Simulator::Now().GetTimeStep();
    CatchUpTimers(now);
    int64_t tht = TokenPass(station, now);
    Ptr<FddiNetDevice> device = m_devices[station];
    if (tht > 0 && device->HasQueuedFrame())
    {
        NS_LOG_LOGIC("station " << station << " holds the token, THT " << tht);
        m_state = TOKEN_HELD;
        m_holder = station;
        m_heldSince = now;
        m_tht = tht;
        StartFrame();
        return;
    }
    NS_LOG_LOGIC("station " << station << ": late token, passed on");
    m_from = station;
    m_fromTime = now;
    ScheduleToken(now);
}

void
FddiChannel::StartFrame()
{
    Ptr<FddiNetDevice> device = m_devices[m_holder];
    Ptr<Packet> frame = device->DequeueFrame();
    NS_ASSERT(frame);
    Time txTime = GetFrameTime(frame->GetSize());
    NS_LOG_LOGIC("station " << m_holder << " sends " << frame->GetSize() << " octets for "
                            << txTime.As(Time::US));
    device->TransmitStart(frame);
    Simulator::ScheduleWithContext(ContextOf(device), txTime, &FddiChannel::FrameSent, this, frame);
}

void
FddiChannel::FrameSent(Ptr<Packet> frame)
{
    NS_LOG_FUNCTION(this << frame);
    Ptr<FddiNetDevice> device = m_devices[m_holder];
    device->TransmitEnd(frame);

    // The last bit reaches the station k hops downstream k hops later.
    const uint32_t n = static_cast<uint32_t>(m_devices.size());
    const Time hop = GetHopDelay();
    for (uint32_t d = 1; d < n; d++)
    {
        Ptr<FddiNetDevice> rx = m_devices[(m_holder + d) % n];
        Simulator::ScheduleWithContext(ContextOf(rx),
                                       hop * static_cast<int64_t>(d),
                                       &FddiNetDevice::Receive,
                                       rx,
                                       frame->Copy());
    }

    const int64_t now = Simulator::Now().GetTimeStep();
    if (device->HasQueuedFrame() && now - m_heldSince < m_tht)
    {
        StartFrame();
        return;
    }
    // Issue the token right behind the frame.
    m_from = m_holder;
    m_fromTime = now;
    ScheduleToken(now);
}

} // namespace ns3
