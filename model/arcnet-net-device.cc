/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "arcnet-net-device.h"

#include "arcnet-channel.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/queue.h"
#include "ns3/simulator.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"

#include <map>
#include <utility>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ArcnetNetDevice");

NS_OBJECT_ENSURE_REGISTERED(ArcnetNetDevice);

namespace
{

/// SID, DID and system code: the shortest frame a station accepts.
const uint32_t ARC_HEADER = 3;
const uint16_t ETHERTYPE_IP = 0x0800;  //!< protocol number of IP payloads
const uint16_t ETHERTYPE_ARP = 0x0806; //!< protocol number of ARP payloads

/**
 * \brief ARCnet's address type, registered once.
 * \return the type for ns3::Address
 */
uint8_t
ArcnetAddressType()
{
    static uint8_t type = Address::Register();
    return type;
}

/**
 * \brief The IP MTU the C media code offers with some options.
 * \param md the medium
 * \param flags BSD_MDF_* options
 * \return md_ipmtu of a fresh state (remembered: ARCnet's state is large)
 */
uint16_t
MediaIpMtu(const struct bsd_media* md, uint32_t flags)
{
    static std::map<std::pair<const struct bsd_media*, uint32_t>, uint16_t> known;
    auto it = known.find({md, flags});
    if (it != known.end())
    {
        return it->second;
    }
    std::vector<uint8_t> state(md->md_statesize, 0);
    md->md_init(state.data(), flags);
    uint16_t mtu = static_cast<uint16_t>(md->md_ipmtu(state.data()));
    known[{md, flags}] = mtu;
    return mtu;
}

} // namespace

TypeId
ArcnetNetDevice::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::ArcnetNetDevice")
            .SetParent<BsdFramedNetDevice>()
            .SetGroupName("Bsdnet")
            .AddConstructor<ArcnetNetDevice>()
            .AddAttribute("StationId",
                          "The station ID, 1 to 255 (0: not set; the helper sets it).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&ArcnetNetDevice::SetStationId,
                                               &ArcnetNetDevice::GetStationId),
                          MakeUintegerChecker<uint8_t>())
            .AddAttribute(
                "Rfc1051",
                "RFC 1051 encapsulation (MTU 507, one frame a packet) instead "
                "of RFC 1201 (MTU 1500, split into up to 3 frames).",
                BooleanValue(false),
                MakeBooleanAccessor(&ArcnetNetDevice::SetRfc1051, &ArcnetNetDevice::GetRfc1051),
                MakeBooleanChecker())
            .AddAttribute("TxQueue",
                          "The queue of frames waiting for the token.",
                          PointerValue(),
                          MakePointerAccessor(&ArcnetNetDevice::m_queue),
                          MakePointerChecker<Queue<Packet>>())
            .AddTraceSource("MacPromiscRx",
                            "A parsed packet goes to the promiscuous receive callback.",
                            MakeTraceSourceAccessor(&ArcnetNetDevice::m_macPromiscRxTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("PhyTxDrop",
                            "No station answered the enquiry for this frame.",
                            MakeTraceSourceAccessor(&ArcnetNetDevice::m_phyTxDropTrace),
                            "ns3::Packet::TracedCallback");
    return tid;
}

ArcnetNetDevice::ArcnetNetDevice()
    : m_index(0),
      m_stationId(0),
      m_rfc1051(false),
      m_mtu(MediaIpMtu(&bsd_media_arcnet, 0))
{
    NS_LOG_FUNCTION(this);
}

ArcnetNetDevice::~ArcnetNetDevice()
{
    NS_LOG_FUNCTION(this);
}

void
ArcnetNetDevice::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_channel = nullptr;
    m_queue = nullptr;
    m_mediaState.clear();
    m_mediaState.shrink_to_fit();
    BsdFramedNetDevice::DoDispose();
}

Address
ArcnetNetDevice::MakeAddress(uint8_t id)
{
    return Address(ArcnetAddressType(), &id, 1);
}

bool
ArcnetNetDevice::IsArcnetAddress(const Address& address)
{
    return address.IsMatchingType(ArcnetAddressType()) && address.GetLength() == 1;
}

uint8_t
ArcnetNetDevice::AddressToStationId(const Address& address)
{
    NS_ASSERT(IsArcnetAddress(address));
    uint8_t buf[Address::MAX_SIZE];
    address.CopyTo(buf);
    return buf[0];
}

void
ArcnetNetDevice::SetStationId(uint8_t id)
{
    NS_LOG_FUNCTION(this << unsigned(id));
    m_stationId = id;
    if (m_channel)
    {
        m_channel->StationsChanged();
    }
}

uint8_t
ArcnetNetDevice::GetStationId() const
{
    return m_stationId;
}

void
ArcnetNetDevice::SetRfc1051(bool rfc1051)
{
    NS_LOG_FUNCTION(this << rfc1051);
    m_rfc1051 = rfc1051;
    m_mtu = MediaIpMtu(GetMedia(), GetMediaFlags());
    // Set up again, with the new flags, on next use.
    m_mediaState.clear();
}

bool
ArcnetNetDevice::GetRfc1051() const
{
    return m_rfc1051;
}

bool
ArcnetNetDevice::Attach(Ptr<ArcnetChannel> channel)
{
    NS_LOG_FUNCTION(this << channel);
    NS_ASSERT(channel);
    NS_ABORT_MSG_IF(m_channel, "ArcnetNetDevice: already on a network");
    m_channel = channel;
    m_index = channel->Attach(this);
    m_linkUp = true;
    m_linkChangeCallbacks();
    return true;
}

void
ArcnetNetDevice::TransmitDrop(Ptr<const Packet> frame)
{
    NS_LOG_FUNCTION(this << frame);
    m_phyTxDropTrace(frame);
}

void
ArcnetNetDevice::Receive(Ptr<Packet> frame)
{
    NS_LOG_FUNCTION(this << frame);
    m_phyRxEndTrace(frame);
    m_promiscSnifferTrace(frame);
    const uint32_t len = frame->GetSize();
    if (len < ARC_HEADER)
    {
        NS_LOG_LOGIC("runt frame of " << len << " octets dropped");
        m_phyRxDropTrace(frame);
        return;
    }
    uint8_t hdr[ARC_HEADER];
    frame->CopyData(hdr, ARC_HEADER);
    const uint8_t dst = hdr[1];
    const bool bcast = dst == bsd_media_arcnet.md_broadcast[0];
    const bool forUs = bcast || dst == m_stationId;
    InputFrame(frame, forUs, bcast);
}

bool
ArcnetNetDevice::SendFrame(Ptr<Packet> frame)
{
    NS_LOG_FUNCTION(this << frame);
    if (!m_linkUp)
    {
        m_macTxDropTrace(frame);
        return false;
    }
    if (!GetQueue()->Enqueue(frame))
    {
        NS_LOG_LOGIC("queue full, frame dropped");
        m_macTxDropTrace(frame);
        return false;
    }
    m_macTxTrace(frame);
    m_channel->NotifyFrameQueued(m_index);
    return true;
}

Address
ArcnetNetDevice::MakeLinkAddress(const uint8_t* ll) const
{
    return MakeAddress(ll[0]);
}

const struct bsd_media*
ArcnetNetDevice::GetMedia() const
{
    return &bsd_media_arcnet;
}

uint32_t
ArcnetNetDevice::GetMediaFlags() const
{
    return m_rfc1051 ? BSD_MDF_ARC_RFC1051 : 0;
}

void
ArcnetNetDevice::GetLinkAddress(uint8_t* buf) const
{
    buf[0] = m_stationId;
}

Ptr<Channel>
ArcnetNetDevice::GetChannel() const
{
    return m_channel;
}

bool
ArcnetNetDevice::SetMtu(const uint16_t mtu)
{
    NS_LOG_FUNCTION(this << mtu);
    if (mtu == 0 || mtu > MediaIpMtu(GetMedia(), GetMediaFlags()))
    {
        return false;
    }
    m_mtu = mtu;
    return true;
}

uint16_t
ArcnetNetDevice::GetMtu() const
{
    return m_mtu;
}

void
ArcnetNetDevice::SetAddress(Address address)
{
    NS_ABORT_MSG_UNLESS(IsArcnetAddress(address),
                        "ArcnetNetDevice::SetAddress: not an ARCnet station ID: " << address);
    SetStationId(AddressToStationId(address));
}

Address
ArcnetNetDevice::GetAddress() const
{
    return MakeAddress(m_stationId);
}

Address
ArcnetNetDevice::GetBroadcast() const
{
    return MakeAddress(bsd_media_arcnet.md_broadcast[0]);
}

bool
ArcnetNetDevice::IsMulticast() const
{
    return false;
}

Address
ArcnetNetDevice::GetMulticast([[maybe_unused]] Ipv4Address multicastGroup) const
{
    // No multicast on ARCnet: what there is goes to everyone.
    return GetBroadcast();
}

Address
ArcnetNetDevice::GetMulticast([[maybe_unused]] Ipv6Address addr) const
{
    return GetBroadcast();
}

bool
ArcnetNetDevice::Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber)
{
    NS_LOG_FUNCTION(this << packet << dest << protocolNumber);
    int proto;
    switch (protocolNumber)
    {
    case ETHERTYPE_IP:
        proto = BSD_LLPROTO_IP;
        break;
    case ETHERTYPE_ARP:
        proto = BSD_LLPROTO_ARP;
        break;
    default:
        proto = BSD_LLPROTO_NONE;
        break;
    }
    if (proto == BSD_LLPROTO_NONE || !IsArcnetAddress(dest) || packet->GetSize() > m_mtu)
    {
        NS_LOG_LOGIC("cannot frame protocol " << protocolNumber << " to " << dest);
        m_macTxDropTrace(packet);
        return false;
    }
    uint8_t src = m_stationId;
    uint8_t dst = AddressToStationId(dest);
    std::vector<uint8_t> payload(packet->GetSize());
    packet->CopyData(payload.data(), packet->GetSize());
    std::vector<Ptr<Packet>> frames;
    int err = GetMedia()->md_output(MediaState(),
                                    &src,
                                    &dst,
                                    proto,
                                    payload.data(),
                                    payload.size(),
                                    &ArcnetNetDevice::CollectFrame,
                                    &frames);
    if (err != 0)
    {
        m_macTxDropTrace(packet);
        return false;
    }
    // All the fragments or none: a partial packet only wastes the tokens.
    Ptr<Queue<Packet>> queue = GetQueue();
    uint32_t bytes = 0;
    for (const auto& frame : frames)
    {
        bytes += frame->GetSize();
    }
    // Queue::WouldOverflow is ns-3.37's; this is the same test for older trees.
    QueueSize max = queue->GetMaxSize();
    bool overflow = max.GetUnit() == QueueSizeUnit::PACKETS
                        ? queue->GetNPackets() + frames.size() > max.GetValue()
                        : queue->GetNBytes() + bytes > max.GetValue();
    if (m_linkUp && overflow)
    {
        NS_LOG_LOGIC("no room for " << frames.size() << " fragments");
        m_macTxDropTrace(packet);
        return false;
    }
    bool ok = true;
    for (auto& frame : frames)
    {
        ok = SendFrame(frame) && ok;
    }
    return ok;
}

bool
ArcnetNetDevice::SendFrom(Ptr<Packet> packet,
                          const Address& source,
                          const Address& dest,
                          uint16_t protocolNumber)
{
    // The controller writes its own station ID as the source.
    if (!IsArcnetAddress(source) || AddressToStationId(source) != m_stationId)
    {
        m_macTxDropTrace(packet);
        return false;
    }
    return Send(packet, dest, protocolNumber);
}

bool
ArcnetNetDevice::SupportsSendFrom() const
{
    return false;
}

} // namespace ns3
