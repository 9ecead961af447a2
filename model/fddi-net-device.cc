/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "fddi-net-device.h"

#include "fddi-channel.h"

#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/queue.h"
#include "ns3/simulator.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("FddiNetDevice");

NS_OBJECT_ENSURE_REGISTERED(FddiNetDevice);

namespace
{
/// FC, destination and source: the shortest frame a station accepts.
const uint32_t FDDI_MAC_HEADER = 13;
const uint16_t ETHERTYPE_IP = 0x0800;  //!< protocol number of IP payloads
const uint16_t ETHERTYPE_ARP = 0x0806; //!< protocol number of ARP payloads

/**
 * \brief The IP MTU the C media code offers with some options.
 * \param md the medium
 * \param flags BSD_MDF_* options
 * \return md_ipmtu of a fresh state
 */
uint16_t
MediaIpMtu(const struct bsd_media* md, uint32_t flags)
{
    std::vector<uint8_t> state(md->md_statesize, 0);
    md->md_init(state.data(), flags);
    return static_cast<uint16_t>(md->md_ipmtu(state.data()));
}
} // namespace

TypeId
FddiNetDevice::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::FddiNetDevice")
            .SetParent<BsdFramedNetDevice>()
            .SetGroupName("Bsdnet")
            .AddConstructor<FddiNetDevice>()
            .AddAttribute("Address",
                          "The station's MAC address.",
                          Mac48AddressValue(Mac48Address("ff:ff:ff:ff:ff:ff")),
                          MakeMac48AddressAccessor(&FddiNetDevice::m_address),
                          MakeMac48AddressChecker())
            .AddAttribute("Mtu",
                          "The IP MTU (at most RFC 1390's 4352).",
                          UintegerValue(4352),
                          MakeUintegerAccessor(&FddiNetDevice::SetMtu, &FddiNetDevice::GetMtu),
                          MakeUintegerChecker<uint16_t>(1, 4352))
            .AddAttribute("TxQueue",
                          "The queue of frames waiting for the token.",
                          PointerValue(),
                          MakePointerAccessor(&FddiNetDevice::m_queue),
                          MakePointerChecker<Queue<Packet>>())
            .AddTraceSource("MacPromiscRx",
                            "A parsed frame goes to the promiscuous receive callback.",
                            MakeTraceSourceAccessor(&FddiNetDevice::m_macPromiscRxTrace),
                            "ns3::Packet::TracedCallback");
    return tid;
}

FddiNetDevice::FddiNetDevice()
    : m_station(0),
      m_mtu(MediaIpMtu(&bsd_media_fddi, 0))
{
    NS_LOG_FUNCTION(this);
}

FddiNetDevice::~FddiNetDevice()
{
    NS_LOG_FUNCTION(this);
}

void
FddiNetDevice::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_channel = nullptr;
    m_queue = nullptr;
    m_mediaState.clear();
    BsdFramedNetDevice::DoDispose();
}

bool
FddiNetDevice::Attach(Ptr<FddiChannel> channel)
{
    NS_LOG_FUNCTION(this << channel);
    NS_ASSERT(channel);
    NS_ABORT_MSG_IF(m_channel, "FddiNetDevice: already on a ring");
    m_channel = channel;
    m_station = channel->Attach(this);
    m_linkUp = true;
    m_linkChangeCallbacks();
    return true;
}

void
FddiNetDevice::Receive(Ptr<Packet> frame)
{
    NS_LOG_FUNCTION(this << frame);
    m_phyRxEndTrace(frame);
    m_promiscSnifferTrace(frame);
    const uint32_t len = frame->GetSize();
    if (len < FDDI_MAC_HEADER)
    {
        NS_LOG_LOGIC("runt frame of " << len << " octets dropped");
        m_phyRxDropTrace(frame);
        return;
    }
    uint8_t hdr[FDDI_MAC_HEADER];
    frame->CopyData(hdr, FDDI_MAC_HEADER);
    Mac48Address dst;
    dst.CopyFrom(hdr + 1);
    const bool bcast = dst.IsBroadcast();
    const bool forUs = bcast || dst == m_address;
    InputFrame(frame, forUs, bcast);
}

bool
FddiNetDevice::SendFrame(Ptr<Packet> frame)
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
    m_channel->NotifyFrameQueued(m_station);
    return true;
}

Address
FddiNetDevice::MakeLinkAddress(const uint8_t* ll) const
{
    Mac48Address a;
    a.CopyFrom(ll);
    return a;
}

const struct bsd_media*
FddiNetDevice::GetMedia() const
{
    return &bsd_media_fddi;
}

void
FddiNetDevice::GetLinkAddress(uint8_t* buf) const
{
    m_address.CopyTo(buf);
}

Ptr<Channel>
FddiNetDevice::GetChannel() const
{
    return m_channel;
}

bool
FddiNetDevice::SetMtu(const uint16_t mtu)
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
FddiNetDevice::GetMtu() const
{
    return m_mtu;
}

void
FddiNetDevice::SetAddress(Address address)
{
    m_address = Mac48Address::ConvertFrom(address);
}

Address
FddiNetDevice::GetAddress() const
{
    return m_address;
}

Address
FddiNetDevice::GetBroadcast() const
{
    return Mac48Address::GetBroadcast();
}

bool
FddiNetDevice::IsMulticast() const
{
    return true;
}

Address
FddiNetDevice::GetMulticast([[maybe_unused]] Ipv4Address multicastGroup) const
{
    return Mac48Address::GetBroadcast();
}

Address
FddiNetDevice::GetMulticast([[maybe_unused]] Ipv6Address addr) const
{
    return Mac48Address::GetBroadcast();
}

bool
FddiNetDevice::Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber)
{
    return SendFrom(packet, m_address, dest, protocolNumber);
}

bool
FddiNetDevice::SendFrom(Ptr<Packet> packet,
                        const Address& source,
                        const Address& dest,
                        uint16_t protocolNumber)
{
    NS_LOG_FUNCTION(this << packet << source << dest << protocolNumber);
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
    if (proto == BSD_LLPROTO_NONE || !Mac48Address::IsMatchingType(source)
        || !Mac48Address::IsMatchingType(dest) || packet->GetSize() > m_mtu)
    {
        NS_LOG_LOGIC("cannot frame protocol " << protocolNumber << " to " << dest);
        m_macTxDropTrace(packet);
        return false;
    }
    uint8_t src[6];
    uint8_t dst[6];
    Mac48Address::ConvertFrom(source).CopyTo(src);
    Mac48Address::ConvertFrom(dest).CopyTo(dst);
    std::vector<uint8_t> payload(packet->GetSize());
    packet->CopyData(payload.data(), packet->GetSize());
    std::vector<Ptr<Packet>> frames;
    int err = GetMedia()->md_output(MediaState(),
                                    src,
                                    dst,
                                    proto,
                                    payload.data(),
                                    payload.size(),
                                    &FddiNetDevice::CollectFrame,
                                    &frames);
    if (err != 0)
    {
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
FddiNetDevice::SupportsSendFrom() const
{
    return true;
}

} // namespace ns3
