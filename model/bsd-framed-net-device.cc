/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "bsd-framed-net-device.h"

#include "ns3/trace-source-accessor.h"

namespace ns3
{

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
    m_node = nullptr;
    m_rxCallback.Nullify();
    m_promiscRxCallback.Nullify();
    m_frameRxCallback.Nullify();
    NetDevice::DoDispose();
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
