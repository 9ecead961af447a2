/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "arcnet-channel.h"

#include "arcnet-net-device.h"
#include "bsd-token-ring.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/simulator.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ArcnetChannel");

NS_OBJECT_ENSURE_REGISTERED(ArcnetChannel);

namespace
{

/**
 * \brief The context of events on behalf of a device: its node's id.
 * \param device the device
 * \return the context
 */
uint32_t
ContextOf(Ptr<NetDevice> device)
{
    Ptr<Node> node = device->GetNode();
    return node ? node->GetId() : Simulator::NO_CONTEXT;
}

} // namespace

TypeId
ArcnetChannel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::ArcnetChannel")
            .SetParent<Channel>()
            .SetGroupName("Bsdnet")
            .AddConstructor<ArcnetChannel>()
            .AddAttribute("DataRate",
                          "The network's data rate; each octet is sent as 11 bits.",
                          DataRateValue(DataRate("2.5Mbps")),
                          MakeDataRateAccessor(&ArcnetChannel::m_bps),
                          MakeDataRateChecker())
            .AddAttribute("TokenPassTime",
                          "One token hop, propagation excluded: the ITT and the next "
                          "station getting ready to send.",
                          TimeValue(NanoSeconds(37600)),
                          MakeTimeAccessor(&ArcnetChannel::m_tokenPassTime),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("TurnaroundTime",
                          "A station's delay before it answers (ACK) or sends after one.",
                          TimeValue(NanoSeconds(12600)),
                          MakeTimeAccessor(&ArcnetChannel::m_turnaroundTime),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("PropagationDelay",
                          "Cable and hub delay between any two stations.",
                          TimeValue(MicroSeconds(1)),
                          MakeTimeAccessor(&ArcnetChannel::m_propagationDelay),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("ResponseTimeout",
                          "How long a sender waits for the answer to its free buffer "
                          "enquiry before it gives up.",
                          TimeValue(NanoSeconds(74700)),
                          MakeTimeAccessor(&ArcnetChannel::m_responseTimeout),
                          MakeTimeChecker(Time(0)));
    return tid;
}

ArcnetChannel::ArcnetChannel()
    : m_byId(256, -1),
      m_ringDirty(false),
      m_state(TOKEN_NONE),
      m_from(0),
      m_fromTime(0),
      m_dest(-1),
      m_holder(0)
{
    NS_LOG_FUNCTION(this);
}

ArcnetChannel::~ArcnetChannel()
{
    NS_LOG_FUNCTION(this);
}

void
ArcnetChannel::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_tokenEvent.Cancel();
    m_devices.clear();
    Channel::DoDispose();
}

uint32_t
ArcnetChannel::Attach(Ptr<ArcnetNetDevice> device)
{
    NS_LOG_FUNCTION(this << device);
    NS_ASSERT(device);
    m_devices.push_back(device);
    m_ringDirty = true;
    return static_cast<uint32_t>(m_devices.size() - 1);
}

void
ArcnetChannel::StationsChanged()
{
    m_ringDirty = true;
}

void
ArcnetChannel::UpdateRing()
{
    if (!m_ringDirty)
    {
        return;
    }
    m_ringDirty = false;
    m_ring.resize(m_devices.size());
    for (uint32_t i = 0; i < m_ring.size(); i++)
    {
        m_ring[i] = i;
    }
    std::stable_sort(m_ring.begin(),
                     m_ring.end(),
                     [this](uint32_t a, uint32_t b)
                     { return m_devices[a]->GetStationId() < m_devices[b]->GetStationId(); });
    m_position.assign(m_devices.size(), 0);
    std::fill(m_byId.begin(), m_byId.end(), -1);
    for (uint32_t p = 0; p < m_ring.size(); p++)
    {
        uint32_t i = m_ring[p];
        uint8_t id = m_devices[i]->GetStationId();
        m_position[i] = p;
        if (m_byId[id] >= 0)
        {
            NS_LOG_WARN("ArcnetChannel: station ID " << unsigned(id) << " used twice");
        }
        else
        {
            m_byId[id] = static_cast<int32_t>(i);
        }
    }
}

std::size_t
ArcnetChannel::GetNDevices() const
{
    return m_devices.size();
}

Ptr<NetDevice>
ArcnetChannel::GetDevice(std::size_t i) const
{
    return GetArcnetDevice(i);
}

Ptr<ArcnetNetDevice>
ArcnetChannel::GetArcnetDevice(std::size_t i) const
{
    NS_ASSERT(i < m_devices.size());
    return m_devices[i];
}

DataRate
ArcnetChannel::GetDataRate() const
{
    return m_bps;
}

Time
ArcnetChannel::GetHopDelay() const
{
    return m_tokenPassTime + m_propagationDelay;
}

Time
ArcnetChannel::GetRotationTime() const
{
    return GetHopDelay() * static_cast<int64_t>(m_devices.size());
}

Time
ArcnetChannel::GetOctetsTime(uint32_t octets) const
{
    return m_bps.CalculateBitsTxTime(octets * BITS_PER_OCTET);
}

Time
ArcnetChannel::GetPacketTime(uint32_t octets) const
{
    return GetOctetsTime(octets + PACKET_OVERHEAD_OCTETS);
}

Time
ArcnetChannel::GetEnquiryTime() const
{
    return GetOctetsTime(FBE_OCTETS) + m_propagationDelay + m_turnaroundTime
           + GetOctetsTime(ACK_OCTETS) + m_propagationDelay + m_turnaroundTime;
}

Time
ArcnetChannel::GetAckTime() const
{
    return m_propagationDelay + m_turnaroundTime + GetOctetsTime(ACK_OCTETS) + m_propagationDelay;
}

int64_t
ArcnetChannel::NextPass(uint32_t index, int64_t now)
{
    UpdateRing();
    return BsdTokenRing::NextPass(m_position[m_from],
                                  m_fromTime,
                                  m_position[index],
                                  static_cast<int64_t>(m_ring.size()),
                                  GetHopDelay().GetTimeStep(),
                                  now);
}

void
ArcnetChannel::ScheduleToken(int64_t now)
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
        NS_LOG_LOGIC("token parked, left device " << m_from << " at " << m_fromTime);
        return;
    }
    NS_LOG_LOGIC("token to device " << m_dest << " at " << best);
    // Simulator::Schedule, not ScheduleWithContext: this event may be cancelled.
    m_tokenEvent = Simulator::Schedule(Time(best - now),
                                       &ArcnetChannel::TokenArrives,
                                       this,
                                       static_cast<uint32_t>(m_dest));
}

void
ArcnetChannel::NotifyFrameQueued(uint32_t index)
{
    NS_LOG_FUNCTION(this << index);
    NS_ASSERT(index < m_devices.size());
    const int64_t now = Simulator::Now().GetTimeStep();
    switch (m_state)
    {
    case TOKEN_NONE:
    {
        // The network starts: the token is just arriving at this station.
        UpdateRing();
        const uint32_t n = static_cast<uint32_t>(m_ring.size());
        m_from = m_ring[(m_position[index] + n - 1) % n];
        m_fromTime = now - GetHopDelay().GetTimeStep();
        ScheduleToken(now);
        break;
    }
    case TOKEN_MOVING:
        if (m_dest == static_cast<int64_t>(index))
        {
            break;
        }
        if (m_dest < 0 || NextPass(index, now) < NextPass(static_cast<uint32_t>(m_dest), now))
        {
            ScheduleToken(now);
        }
        break;
    case TOKEN_HELD:
        // Everyone waiting is considered when the token goes on.
        break;
    }
}

void
ArcnetChannel::TokenArrives(uint32_t index)
{
    NS_LOG_FUNCTION(this << index);
    UpdateRing();
    m_holder = index;
    Ptr<ArcnetNetDevice> device = m_devices[index];
    Ptr<Packet> frame = device->DequeueFrame();
    if (!frame)
    {
        ReleaseToken(Simulator::Now().GetTimeStep());
        return;
    }
    m_state = TOKEN_HELD;
    uint8_t dst = 0;
    if (frame->GetSize() >= 2)
    {
        uint8_t hdr[2];
        frame->CopyData(hdr, 2);
        dst = hdr[1];
    }
    if (dst == 0)
    {
        // Broadcast: no enquiry, no ACK.
        StartPacket(frame, false);
        return;
    }
    int32_t target = m_byId[dst];
    if (target < 0 || target == static_cast<int32_t>(index))
    {
        NS_LOG_LOGIC("device " << index << ": nobody answers for station " << unsigned(dst));
        Simulator::ScheduleWithContext(ContextOf(device),
                                       GetOctetsTime(FBE_OCTETS) + m_responseTimeout,
                                       &ArcnetChannel::EnquiryTimeout,
                                       this,
                                       frame);
        return;
    }
    Simulator::ScheduleWithContext(ContextOf(device),
                                   GetEnquiryTime(),
                                   &ArcnetChannel::StartPacket,
                                   this,
                                   frame,
                                   true);
}

void
ArcnetChannel::StartPacket(Ptr<Packet> frame, bool unicast)
{
    Ptr<ArcnetNetDevice> device = m_devices[m_holder];
    Time txTime = GetPacketTime(frame->GetSize());
    NS_LOG_LOGIC("device " << m_holder << " sends " << frame->GetSize() << " octets for "
                           << txTime.As(Time::US));
    device->TransmitStart(frame);
    Simulator::ScheduleWithContext(ContextOf(device),
                                   txTime,
                                   &ArcnetChannel::PacketSent,
                                   this,
                                   frame,
                                   unicast);
}

void
ArcnetChannel::PacketSent(Ptr<Packet> frame, bool unicast)
{
    NS_LOG_FUNCTION(this << frame << unicast);
    Ptr<ArcnetNetDevice> device = m_devices[m_holder];
    device->TransmitEnd(frame);
    for (uint32_t i = 0; i < m_devices.size(); i++)
    {
        if (i == m_holder)
        {
            continue;
        }
        Ptr<ArcnetNetDevice> rx = m_devices[i];
        Simulator::ScheduleWithContext(ContextOf(rx),
                                       m_propagationDelay,
                                       &ArcnetNetDevice::Receive,
                                       rx,
                                       frame->Copy());
    }
    Time release = Simulator::Now();
    if (unicast)
    {
        release += GetAckTime();
    }
    ReleaseToken(release.GetTimeStep());
}

void
ArcnetChannel::EnquiryTimeout(Ptr<Packet> frame)
{
    NS_LOG_FUNCTION(this << frame);
    m_devices[m_holder]->TransmitDrop(frame);
    ReleaseToken(Simulator::Now().GetTimeStep());
}

void
ArcnetChannel::ReleaseToken(int64_t at)
{
    m_from = m_holder;
    m_fromTime = at;
    ScheduleToken(Simulator::Now().GetTimeStep());
}

} // namespace ns3
