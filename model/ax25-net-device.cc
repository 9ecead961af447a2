/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ax25-net-device.h"

#include "ax25-channel.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/queue.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <cstring>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ax25NetDevice");

NS_OBJECT_ENSURE_REGISTERED(Ax25NetDevice);

namespace
{

/// Address length of AX.25.
constexpr uint32_t AX25_ADDRLEN = 7;
/// Bits of the SSID octet that belong to the address.
constexpr uint8_t AX25_SSID_MASK = 0x1e;
/// ARP's Ethernet type, as NetDevice users pass it.
constexpr uint16_t PROT_ARP = 0x0806;
/// IPv4's Ethernet type.
constexpr uint16_t PROT_IP = 0x0800;

/**
 * \brief Whether an address field entry names a station: the callsign
 * octets and the SSID bits, not C/H, the reserved bits or E.
 * \param field 7 octets from a frame
 * \param addr 7 canonical octets
 * \return true if they match
 */
bool
Ax25AddrMatch(const uint8_t* field, const uint8_t* addr)
{
    return std::memcmp(field, addr, AX25_ADDRLEN - 1) == 0
           && (field[AX25_ADDRLEN - 1] & AX25_SSID_MASK)
                  == (addr[AX25_ADDRLEN - 1] & AX25_SSID_MASK);
}

/// State of one Send() through md_output.
struct EmitContext
{
    Ax25NetDevice* device; //!< the sender
    bool ok;               //!< every frame queued
    uint32_t frames;       //!< frames emitted
};

} // namespace

TypeId
Ax25NetDevice::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::Ax25NetDevice")
            .SetParent<BsdFramedNetDevice>()
            .SetGroupName("Bsdnet")
            .AddConstructor<Ax25NetDevice>()
            .AddAttribute(
                "Callsign",
                "The station's callsign and SSID, e.g. \"N0CALL-7\": 1 to 6 letters "
                "or digits, optionally followed by -0 to -15.",
                StringValue("N0CALL"),
                MakeStringAccessor(&Ax25NetDevice::SetCallsign, &Ax25NetDevice::GetCallsign),
                MakeStringChecker())
            .AddAttribute("Mtu",
                          "The IP MTU (AX.25 N1: at most 256 information octets).",
                          UintegerValue(256),
                          MakeUintegerAccessor(&Ax25NetDevice::SetMtu, &Ax25NetDevice::GetMtu),
                          MakeUintegerChecker<uint16_t>(1, 256))
            .AddAttribute("Persistence",
                          "The p of p-persistent CSMA: chance of keying up at each slot "
                          "once the channel is clear (KISS P = 63 gives 63/256).",
                          DoubleValue(63.0 / 256.0),
                          MakeDoubleAccessor(&Ax25NetDevice::m_persistence),
                          MakeDoubleChecker<double>(0.0, 1.0))
            .AddAttribute("SlotTime",
                          "Time between persistence draws (KISS SlotTime).",
                          TimeValue(MilliSeconds(100)),
                          MakeTimeAccessor(&Ax25NetDevice::m_slotTime),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("TxDelay",
                          "Key-up delay: flags sent before the frame (KISS TXDELAY).",
                          TimeValue(MilliSeconds(300)),
                          MakeTimeAccessor(&Ax25NetDevice::m_txDelay),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("TxQueue",
                          "The queue of frames waiting for the channel.",
                          PointerValue(),
                          MakePointerAccessor(&Ax25NetDevice::m_queue),
                          MakePointerChecker<Queue<Packet>>())
            .AddTraceSource("MacTxBackoff",
                            "The transmitter deferred to a carrier or waited a slot.",
                            MakeTraceSourceAccessor(&Ax25NetDevice::m_macTxBackoffTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("PhyRxBegin",
                            "A transmission started to be heard.",
                            MakeTraceSourceAccessor(&Ax25NetDevice::m_phyRxBeginTrace),
                            "ns3::Packet::TracedCallback");
    return tid;
}

uint8_t
Ax25NetDevice::GetAddressType()
{
    static uint8_t type = Address::Register();
    return type;
}

bool
Ax25NetDevice::ParseCallsign(const std::string& text, uint8_t* addr)
{
    if (text.find('\0') != std::string::npos)
    {
        return false;
    }
    return bsd_media_ax25.md_aton(text.c_str(), addr) == 0;
}

std::string
Ax25NetDevice::FormatCallsign(const uint8_t* addr)
{
    char buf[32];
    bsd_media_ax25.md_ntoa(addr, buf, sizeof(buf));
    return std::string(buf);
}

Address
Ax25NetDevice::MakeAddress(const std::string& callsign)
{
    uint8_t a[AX25_ADDRLEN];
    if (!ParseCallsign(callsign, a))
    {
        NS_FATAL_ERROR("Ax25NetDevice::MakeAddress: \""
                       << callsign
                       << "\" is not a callsign: expected 1 to 6 letters or digits, "
                          "optionally followed by -0 to -15 (e.g. \"N0CALL-7\")");
    }
    return Address(GetAddressType(), a, AX25_ADDRLEN);
}

std::string
Ax25NetDevice::AddressToCallsign(const Address& address)
{
    if (address.GetLength() != AX25_ADDRLEN)
    {
        return "";
    }
    uint8_t a[Address::MAX_SIZE];
    address.CopyTo(a);
    return FormatCallsign(a);
}

Ax25NetDevice::Ax25NetDevice()
    : m_mtu(256),
      m_persistence(63.0 / 256.0),
      m_slotTime(MilliSeconds(100)),
      m_txDelay(MilliSeconds(300)),
      m_txState(READY),
      m_carriers(0)
{
    NS_LOG_FUNCTION(this);
    bsd_media_ax25.md_aton("N0CALL", m_address);
    m_rng = CreateObject<UniformRandomVariable>();
}

Ax25NetDevice::~Ax25NetDevice()
{
    NS_LOG_FUNCTION(this);
}

void
Ax25NetDevice::DoDispose()
{
    NS_LOG_FUNCTION(this);
    Simulator::Cancel(m_backoffEvent);
    Simulator::Cancel(m_txEndEvent);
    m_channel = nullptr;
    m_queue = nullptr;
    m_rng = nullptr;
    m_currentFrame = nullptr;
    m_receptions.clear();
    m_carriers = 0;
    m_txState = READY;
    m_linkUp = false;
    BsdFramedNetDevice::DoDispose();
}

bool
Ax25NetDevice::Attach(Ptr<Ax25Channel> channel)
{
    NS_LOG_FUNCTION(this << channel);
    if (!channel || m_channel)
    {
        return false;
    }
    m_channel = channel;
    m_channel->Attach(this);
    m_linkUp = true;
    m_linkChangeCallbacks();
    return true;
}

void
Ax25NetDevice::SetCallsign(std::string callsign)
{
    NS_LOG_FUNCTION(this << callsign);
    if (!ParseCallsign(callsign, m_address))
    {
        NS_FATAL_ERROR("Ax25NetDevice: attribute \"Callsign\": \""
                       << callsign
                       << "\" is not a callsign: expected 1 to 6 letters or digits, "
                          "optionally followed by -0 to -15 (e.g. \"N0CALL-7\")");
    }
}

std::string
Ax25NetDevice::GetCallsign() const
{
    return FormatCallsign(m_address);
}

Time
Ax25NetDevice::GetTransmissionTime(uint32_t frameOctets) const
{
    uint32_t octets = frameOctets + FRAME_OVERHEAD;
    if (m_channel)
    {
        return m_txDelay + m_channel->GetOctetTime(octets);
    }
    return m_txDelay + DataRate("1200bps").CalculateBytesTxTime(octets);
}

bool
Ax25NetDevice::IsCarrierSensed() const
{
    return m_carriers > 0;
}

bool
Ax25NetDevice::IsTransmitting() const
{
    return m_txState == TRANSMITTING;
}

int64_t
Ax25NetDevice::AssignStreams(int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    m_rng->SetStream(stream);
    return 1;
}

// ---------------------------------------------------------------- transmit

bool
Ax25NetDevice::SendFrame(Ptr<Packet> frame)
{
    NS_LOG_FUNCTION(this << frame);
    if (!frame || frame->GetSize() == 0 || frame->GetSize() > MAX_FRAME)
    {
        NS_LOG_WARN("Ax25NetDevice::SendFrame: bad frame size " << (frame ? frame->GetSize() : 0));
        if (frame)
        {
            m_macTxDropTrace(frame);
        }
        return false;
    }
    if (!m_linkUp)
    {
        NS_LOG_LOGIC("link down");
        m_macTxDropTrace(frame);
        return false;
    }
    if (!GetQueue()->Enqueue(frame))
    {
        NS_LOG_LOGIC("queue full");
        m_macTxDropTrace(frame);
        return false;
    }
    m_macTxTrace(frame);
    if (m_txState == READY)
    {
        StartContention();
    }
    return true;
}

void
Ax25NetDevice::EmitFrame(void* arg, const uint8_t* frame, size_t len)
{
    auto ctx = static_cast<EmitContext*>(arg);
    ctx->frames++;
    Ptr<Packet> p = Create<Packet>(frame, static_cast<uint32_t>(len));
    if (!ctx->device->SendFrame(p))
    {
        ctx->ok = false;
    }
}

bool
Ax25NetDevice::FrameAndSend(Ptr<Packet> packet,
                            const uint8_t* src,
                            const Address& dest,
                            uint16_t protocolNumber)
{
    int proto;
    if (protocolNumber == PROT_IP)
    {
        proto = BSD_LLPROTO_IP;
    }
    else if (protocolNumber == PROT_ARP)
    {
        proto = BSD_LLPROTO_ARP;
    }
    else
    {
        NS_LOG_WARN("Ax25NetDevice: protocol 0x" << std::hex << protocolNumber << std::dec
                                                 << " cannot be carried (IP and ARP only)");
        return false;
    }
    if (dest.GetLength() != AX25_ADDRLEN)
    {
        NS_LOG_WARN("Ax25NetDevice: destination " << dest << " is not an AX.25 address");
        return false;
    }
    uint8_t dst[Address::MAX_SIZE];
    dest.CopyTo(dst);
    std::vector<uint8_t> payload(packet->GetSize());
    packet->CopyData(payload.data(), packet->GetSize());
    EmitContext ctx{this, true, 0};
    int err = bsd_media_ax25.md_output(MediaState(),
                                       src,
                                       dst,
                                       proto,
                                       payload.data(),
                                       payload.size(),
                                       &Ax25NetDevice::EmitFrame,
                                       &ctx);
    if (err != 0)
    {
        NS_LOG_WARN("Ax25NetDevice: md_output failed, error " << err);
        return false;
    }
    return ctx.ok && ctx.frames > 0;
}

bool
Ax25NetDevice::Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber)
{
    NS_LOG_FUNCTION(this << packet << dest << protocolNumber);
    return FrameAndSend(packet, m_address, dest, protocolNumber);
}

bool
Ax25NetDevice::SendFrom(Ptr<Packet> packet,
                        const Address& source,
                        const Address& dest,
                        uint16_t protocolNumber)
{
    NS_LOG_FUNCTION(this << packet << source << dest << protocolNumber);
    if (source.GetLength() != AX25_ADDRLEN)
    {
        NS_LOG_WARN("Ax25NetDevice: source " << source << " is not an AX.25 address");
        return false;
    }
    uint8_t src[Address::MAX_SIZE];
    source.CopyTo(src);
    return FrameAndSend(packet, src, dest, protocolNumber);
}

void
Ax25NetDevice::StartContention()
{
    NS_LOG_FUNCTION(this);
    if (m_txState != READY)
    {
        return;
    }
    if (!m_currentFrame)
    {
        if (!m_queue || m_queue->IsEmpty())
        {
            return;
        }
        m_currentFrame = m_queue->Dequeue();
        if (!m_currentFrame)
        {
            return;
        }
    }
    Attempt();
}

void
Ax25NetDevice::Attempt()
{
    NS_LOG_FUNCTION(this);
    if (m_carriers > 0)
    {
        NS_LOG_LOGIC("carrier heard: defer");
        m_txState = DEFERRING;
        m_macTxBackoffTrace(m_currentFrame);
        return;
    }
    double u = m_rng->GetValue(0.0, 1.0);
    if (u < m_persistence)
    {
        TransmitStart();
        return;
    }
    NS_LOG_LOGIC("persistence draw " << u << " >= " << m_persistence << ": wait a slot");
    m_txState = BACKOFF;
    m_macTxBackoffTrace(m_currentFrame);
    m_backoffEvent = Simulator::Schedule(m_slotTime, &Ax25NetDevice::Attempt, this);
}

void
Ax25NetDevice::TransmitStart()
{
    NS_LOG_FUNCTION(this << m_currentFrame);
    m_txState = TRANSMITTING;
    Time now = Simulator::Now();
    // Half duplex: whatever we were hearing is lost.
    for (auto& r : m_receptions)
    {
        if (r.second.end > now)
        {
            r.second.corrupt = true;
        }
    }
    Time duration = GetTransmissionTime(m_currentFrame->GetSize());
    m_phyTxBeginTrace(m_currentFrame);
    m_snifferTrace(m_currentFrame);
    m_promiscSnifferTrace(m_currentFrame);
    m_channel->TransmitStart(this, m_currentFrame, duration);
    m_txEndEvent = Simulator::Schedule(duration, &Ax25NetDevice::TransmitComplete, this);
}

void
Ax25NetDevice::TransmitComplete()
{
    NS_LOG_FUNCTION(this);
    m_phyTxEndTrace(m_currentFrame);
    m_currentFrame = nullptr;
    m_txState = READY;
    StartContention();
}

// ----------------------------------------------------------------- receive

void
Ax25NetDevice::CarrierStart(uint64_t txId, Ptr<Packet> frame, Time end)
{
    NS_LOG_FUNCTION(this << txId << frame << end);
    Time now = Simulator::Now();
    bool corrupt =
        m_txState == TRANSMITTING && Simulator::GetDelayLeft(m_txEndEvent).IsStrictlyPositive();
    for (auto& r : m_receptions)
    {
        if (r.second.end > now)
        {
            r.second.corrupt = true;
            corrupt = true;
        }
    }
    m_receptions[txId] = Reception{frame, end, corrupt};
    m_carriers++;
    m_phyRxBeginTrace(frame);
}

void
Ax25NetDevice::CarrierEnd(uint64_t txId)
{
    NS_LOG_FUNCTION(this << txId);
    auto it = m_receptions.find(txId);
    if (it == m_receptions.end())
    {
        return;
    }
    Reception r = it->second;
    m_receptions.erase(it);
    m_carriers--;
    if (r.corrupt)
    {
        NS_LOG_LOGIC("frame lost (collision or half duplex)");
        m_phyRxDropTrace(r.frame);
    }
    else
    {
        m_phyRxEndTrace(r.frame);
        ReceiveFrame(r.frame);
    }
    if (m_carriers == 0 && m_txState == DEFERRING)
    {
        Attempt();
    }
}

void
Ax25NetDevice::ReceiveFrame(Ptr<Packet> frame)
{
    NS_LOG_FUNCTION(this << frame);
    m_promiscSnifferTrace(frame);

    uint32_t len = frame->GetSize();
    std::vector<uint8_t> buf(len > 0 ? len : 1);
    frame->CopyData(buf.data(), len);
    bool bcast = len >= AX25_ADDRLEN && Ax25AddrMatch(buf.data(), bsd_media_ax25.md_broadcast);
    bool forUs = len >= AX25_ADDRLEN && Ax25AddrMatch(buf.data(), m_address);
    bool accept = bcast || forUs;
    PacketType type = bcast ? PACKET_BROADCAST : (forUs ? PACKET_HOST : PACKET_OTHERHOST);

    if (accept)
    {
        m_snifferTrace(frame);
        m_macRxTrace(frame);
    }

    bool needParse = !m_promiscRxCallback.IsNull() || (accept && m_frameRxCallback.IsNull());
    if (!needParse)
    {
        if (accept)
        {
            m_frameRxCallback(this, frame);
        }
        return;
    }

    struct bsd_llframe lf;
    int rc = bsd_media_ax25.md_input(MediaState(),
                                     Simulator::Now().GetNanoSeconds(),
                                     buf.data(),
                                     len,
                                     &lf);
    Ptr<Packet> payload;
    uint16_t protocol = 0;
    Address from;
    Address to;
    if (rc == BSD_MD_OK && (lf.lf_proto == BSD_LLPROTO_IP || lf.lf_proto == BSD_LLPROTO_ARP))
    {
        payload = Create<Packet>(lf.lf_payload, static_cast<uint32_t>(lf.lf_paylen));
        protocol = lf.lf_proto == BSD_LLPROTO_IP ? PROT_IP : PROT_ARP;
        from = MakeLinkAddress(lf.lf_src);
        to = MakeLinkAddress(lf.lf_dst);
    }
    else
    {
        NS_LOG_LOGIC("md_input: " << bsd_md_result_name(rc));
    }

    if (payload && !m_promiscRxCallback.IsNull())
    {
        m_promiscRxCallback(this, payload->Copy(), protocol, from, to, type);
    }
    if (!accept)
    {
        return;
    }
    if (!m_frameRxCallback.IsNull())
    {
        m_frameRxCallback(this, frame);
    }
    else if (payload)
    {
        if (!m_rxCallback.IsNull())
        {
            m_rxCallback(this, payload, protocol, from);
        }
    }
    else
    {
        m_macRxDropTrace(frame);
    }
}

// ------------------------------------------------------------ NetDevice glue

Address
Ax25NetDevice::MakeLinkAddress(const uint8_t* ll) const
{
    return Address(GetAddressType(), ll, AX25_ADDRLEN);
}

const struct bsd_media*
Ax25NetDevice::GetMedia() const
{
    return &bsd_media_ax25;
}

void
Ax25NetDevice::GetLinkAddress(uint8_t* buf) const
{
    std::memcpy(buf, m_address, AX25_ADDRLEN);
}

Ptr<Channel>
Ax25NetDevice::GetChannel() const
{
    return m_channel;
}

bool
Ax25NetDevice::SetMtu(const uint16_t mtu)
{
    NS_LOG_FUNCTION(this << mtu);
    if (mtu == 0 || mtu > bsd_media_ax25.md_ipmtu(MediaState()))
    {
        NS_LOG_WARN("Ax25NetDevice: MTU " << mtu << " not in 1..256");
        return false;
    }
    m_mtu = mtu;
    return true;
}

uint16_t
Ax25NetDevice::GetMtu() const
{
    return m_mtu;
}

void
Ax25NetDevice::SetAddress(Address address)
{
    NS_LOG_FUNCTION(this << address);
    if (address.GetLength() != AX25_ADDRLEN)
    {
        NS_FATAL_ERROR("Ax25NetDevice::SetAddress: " << address
                                                     << " is not a 7-octet AX.25 address");
    }
    uint8_t a[Address::MAX_SIZE];
    address.CopyTo(a);
    // Keep the canonical form: callsign, then 0x60 | SSID.
    std::memcpy(m_address, a, AX25_ADDRLEN - 1);
    m_address[AX25_ADDRLEN - 1] = 0x60 | (a[AX25_ADDRLEN - 1] & AX25_SSID_MASK);
}

Address
Ax25NetDevice::GetAddress() const
{
    return Address(GetAddressType(), m_address, AX25_ADDRLEN);
}

Address
Ax25NetDevice::GetBroadcast() const
{
    return Address(GetAddressType(), bsd_media_ax25.md_broadcast, AX25_ADDRLEN);
}

bool
Ax25NetDevice::IsMulticast() const
{
    return false;
}

Address
Ax25NetDevice::GetMulticast(Ipv4Address multicastGroup) const
{
    NS_LOG_FUNCTION(this << multicastGroup);
    return GetBroadcast();
}

Address
Ax25NetDevice::GetMulticast(Ipv6Address addr) const
{
    NS_LOG_FUNCTION(this << addr);
    return GetBroadcast();
}

bool
Ax25NetDevice::SupportsSendFrom() const
{
    return true;
}

} // namespace ns3
