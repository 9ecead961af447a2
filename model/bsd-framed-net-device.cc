/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "bsd-framed-net-device.h"

#include "ns3/drop-tail-queue.h"
#include "ns3/simulator.h"
#include "ns3/trace-source-accessor.h"

namespace ns3
{

namespace
{

const uint16_t ETHERTYPE_IP = 0x0800;  //!< protocol number of IP payloads
const uint16_t ETHERTYPE_ARP = 0x0806; //!< protocol number of ARP payloads

} // namespace

NS_OBJECT_ENSURE_REGISTERED(BsdFramedNetDevice);

TypeId
BsdFramedNetDevice::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::BsdFramedNetDevice")
            .SetParent<NetDevice>()
            .SetGroupName("Bsdnet")
            .AddTraceSource("MacTx",
                            "A frame has been queued for transmission.",
                            MakeTraceSourceAccessor(&BsdFramedNetDevice::m_macTxTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("MacTxDrop",
                            "A frame or packet was dropped before the queue "
                            "(queue full, link down, cannot be framed).",
                            MakeTraceSourceAccessor(&BsdFramedNetDevice::m_macTxDropTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("MacRx",
                            "A frame for this station (or broadcast) was received.",
                            MakeTraceSourceAccessor(&BsdFramedNetDevice::m_macRxTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("MacRxDrop",
                            "A frame for this station was dropped by the media code.",
                            MakeTraceSourceAccessor(&BsdFramedNetDevice::m_macRxDropTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("PhyTxBegin",
                            "A frame starts to leave this station.",
                            MakeTraceSourceAccessor(&BsdFramedNetDevice::m_phyTxBeginTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("PhyTxEnd",
                            "A frame's last bit has left this station.",
                            MakeTraceSourceAccessor(&BsdFramedNetDevice::m_phyTxEndTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("PhyRxEnd",
                            "A frame's last bit has reached this station intact.",
                            MakeTraceSourceAccessor(&BsdFramedNetDevice::m_phyRxEndTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("PhyRxDrop",
                            "A frame was lost on reception (too short, or, on a radio "
                            "channel, overlapped another or arrived while transmitting).",
                            MakeTraceSourceAccessor(&BsdFramedNetDevice::m_phyRxDropTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("Sniffer",
                            "Frames sent by and received for this station.",
                            MakeTraceSourceAccessor(&BsdFramedNetDevice::m_snifferTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("PromiscSniffer",
                            "Every frame this station sends or sees on the channel.",
                            MakeTraceSourceAccessor(&BsdFramedNetDevice::m_promiscSnifferTrace),
                            "ns3::Packet::TracedCallback");
    return tid;
}

BsdFramedNetDevice::BsdFramedNetDevice()
    : m_ifIndex(0),
      m_linkUp(false)
{
}

BsdFramedNetDevice::~BsdFramedNetDevice()
{
}

void
BsdFramedNetDevice::DoDispose()
{
    m_queue = nullptr;
    m_node = nullptr;
    m_rxCallback.Nullify();
    m_promiscRxCallback.Nullify();
    m_frameRxCallback.Nullify();
    NetDevice::DoDispose();
}

void
BsdFramedNetDevice::SetQueue(Ptr<Queue<Packet>> queue)
{
    m_queue = queue;
}

Ptr<Queue<Packet>>
BsdFramedNetDevice::GetQueue() const
{
    if (!m_queue)
    {
        m_queue = CreateObject<DropTailQueue<Packet>>();
    }
    return m_queue;
}

bool
BsdFramedNetDevice::HasQueuedFrame() const
{
    return m_queue && !m_queue->IsEmpty();
}

Ptr<Packet>
BsdFramedNetDevice::DequeueFrame()
{
    return m_queue ? m_queue->Dequeue() : nullptr;
}

void
BsdFramedNetDevice::TransmitStart(Ptr<const Packet> frame)
{
    m_phyTxBeginTrace(frame);
    m_snifferTrace(frame);
    m_promiscSnifferTrace(frame);
}

void
BsdFramedNetDevice::TransmitEnd(Ptr<const Packet> frame)
{
    m_phyTxEndTrace(frame);
}

void*
BsdFramedNetDevice::MediaState()
{
    if (m_mediaState.empty())
    {
        const struct bsd_media* md = GetMedia();
        m_mediaState.assign(md->md_statesize > 0 ? md->md_statesize : 1, 0);
        md->md_init(m_mediaState.data(), GetMediaFlags());
    }
    return m_mediaState.data();
}

void
BsdFramedNetDevice::CollectFrame(void* arg, const uint8_t* frame, size_t len)
{
    auto frames = static_cast<std::vector<Ptr<Packet>>*>(arg);
    frames->push_back(Create<Packet>(frame, static_cast<uint32_t>(len)));
}

void
BsdFramedNetDevice::InputFrame(Ptr<Packet> frame, bool forUs, bool bcast)
{
    const bool wholeFrame = !m_frameRxCallback.IsNull();
    if (forUs)
    {
        m_snifferTrace(frame);
        m_macRxTrace(frame);
        if (wholeFrame)
        {
            m_frameRxCallback(this, frame);
        }
    }
    const bool deliver = forUs && !wholeFrame && !m_rxCallback.IsNull();
    if (!deliver && m_promiscRxCallback.IsNull())
    {
        return;
    }

    const uint32_t len = frame->GetSize();
    std::vector<uint8_t> buf(len);
    frame->CopyData(buf.data(), len);
    struct bsd_llframe lf;
    int rc =
        GetMedia()->md_input(MediaState(), Simulator::Now().GetNanoSeconds(), buf.data(), len, &lf);
    if (rc != BSD_MD_OK)
    {
        // A fragment kept for reassembly is no drop.
        if (deliver && rc != BSD_MD_FRAGHELD)
        {
            m_macRxDropTrace(frame);
        }
        return;
    }
    Ptr<Packet> payload = Create<Packet>(lf.lf_payload, static_cast<uint32_t>(lf.lf_paylen));
    uint16_t protocol = lf.lf_proto == BSD_LLPROTO_IP ? ETHERTYPE_IP : ETHERTYPE_ARP;
    Address src = MakeLinkAddress(lf.lf_src);
    if (!m_promiscRxCallback.IsNull())
    {
        PacketType type = !forUs ? PACKET_OTHERHOST : bcast ? PACKET_BROADCAST : PACKET_HOST;
        m_macPromiscRxTrace(frame);
        m_promiscRxCallback(this, payload, protocol, src, MakeLinkAddress(lf.lf_dst), type);
    }
    if (deliver)
    {
        m_rxCallback(this, payload, protocol, src);
    }
}

uint32_t
BsdFramedNetDevice::GetMediaFlags() const
{
    return 0;
}

void
BsdFramedNetDevice::SetFrameReceiveCallback(FrameReceiveCallback cb)
{
    m_frameRxCallback = cb;
}

void
BsdFramedNetDevice::SetIfIndex(const uint32_t index)
{
    m_ifIndex = index;
}

uint32_t
BsdFramedNetDevice::GetIfIndex() const
{
    return m_ifIndex;
}

bool
BsdFramedNetDevice::IsLinkUp() const
{
    return m_linkUp;
}

void
BsdFramedNetDevice::AddLinkChangeCallback(Callback<void> callback)
{
    m_linkChangeCallbacks.ConnectWithoutContext(callback);
}

bool
BsdFramedNetDevice::IsBroadcast() const
{
    return true;
}

bool
BsdFramedNetDevice::IsPointToPoint() const
{
    return false;
}

bool
BsdFramedNetDevice::IsBridge() const
{
    return false;
}

Ptr<Node>
BsdFramedNetDevice::GetNode() const
{
    return m_node;
}

void
BsdFramedNetDevice::SetNode(Ptr<Node> node)
{
    m_node = node;
}

bool
BsdFramedNetDevice::NeedsArp() const
{
    return true;
}

void
BsdFramedNetDevice::SetReceiveCallback(NetDevice::ReceiveCallback cb)
{
    m_rxCallback = cb;
}

void
BsdFramedNetDevice::SetPromiscReceiveCallback(NetDevice::PromiscReceiveCallback cb)
{
    m_promiscRxCallback = cb;
}

} // namespace ns3
