/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_FRAMED_NET_DEVICE_H
#define BSD_FRAMED_NET_DEVICE_H

#include "ns3/callback.h"
#include "ns3/net-device.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"
#include "ns3/queue.h"
#include "ns3/traced-callback.h"

extern "C"
{
#include "media/bsd_media.h"

#include <vector>
}

namespace ns3
{

/**
 * \ingroup bsdnet
 * \brief A NetDevice whose frames are built by bsdnet's C core.
 *
 * The FDDI, ARCnet and AX.25 devices carry complete frames laid out as
 * their pcap link type has them (LINKTYPE_FDDI 10, ARCNET_BSD 7, AX25 3):
 * BsdKernel hands them whole frames with SendFrame() and receives whole
 * frames through the frame receive callback, so the framing on the wire,
 * in the pcap files and in the model is one and the same: the C core's.
 * The usual NetDevice::Send() also works (it frames through the same
 * media code), so other stacks may use the devices too.
 *
 * This class holds what the three devices share: the node, interface
 * index, link state and link change callbacks, the transmit queue, the
 * C media state, the receive callbacks,
 * the NetDevice accessors that are the same for all of them (all are
 * broadcast media that need ARP, none is point-to-point or a bridge) and
 * the trace sources MacTx, MacTxDrop, MacRx, MacRxDrop, PhyTxBegin,
 * PhyTxEnd, PhyRxEnd, PhyRxDrop, Sniffer and PromiscSniffer, which the
 * subclasses fire.
 */
class BsdFramedNetDevice : public NetDevice
{
  public:
    /// Called with each frame received for this station (or broadcast).
    typedef Callback<void, Ptr<NetDevice>, Ptr<const Packet>> FrameReceiveCallback;

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    BsdFramedNetDevice();
    ~BsdFramedNetDevice() override;

    /**
     * \brief Queue one complete frame for transmission.
     * \param frame the frame, link header first
     * \return false if the queue dropped it
     */
    virtual bool SendFrame(Ptr<Packet> frame) = 0;

    /**
     * \brief Set who hears the frames this device receives.
     * \param cb the callback
     */
    virtual void SetFrameReceiveCallback(FrameReceiveCallback cb);

    /**
     * \brief Set the transmit queue.
     * \param queue the queue (frames wait here for the channel)
     */
    void SetQueue(Ptr<Queue<Packet>> queue);

    /**
     * \brief The transmit queue (a DropTailQueue is made if none was set).
     * \return the queue
     */
    Ptr<Queue<Packet>> GetQueue() const;

    /**
     * \brief Called by the channel: is a frame waiting?
     * \return true if the queue holds a frame
     */
    bool HasQueuedFrame() const;

    /**
     * \brief Called by the channel: take the next frame to send.
     * \return the frame, or null
     */
    Ptr<Packet> DequeueFrame();

    /**
     * \brief Called by the channel when this station starts sending a frame.
     * \param frame the frame
     */
    void TransmitStart(Ptr<const Packet> frame);

    /**
     * \brief Called by the channel when the frame has left the station.
     * \param frame the frame
     */
    void TransmitEnd(Ptr<const Packet> frame);

    /**
     * \brief The C core's description of the medium.
     * \return the media table entry
     */
    virtual const struct bsd_media* GetMedia() const = 0;

    /**
     * \brief Options for the medium's framing (BSD_MDF_*).
     * \return the flags
     */
    virtual uint32_t GetMediaFlags() const;

    /**
     * \brief The device's link address in the C core's form.
     * \param buf receives GetMedia()->md_addrlen octets
     */
    virtual void GetLinkAddress(uint8_t* buf) const = 0;

    // Inherited from NetDevice
    void SetIfIndex(const uint32_t index) override;
    uint32_t GetIfIndex() const override;
    bool IsLinkUp() const override;
    void AddLinkChangeCallback(Callback<void> callback) override;
    bool IsBroadcast() const override;
    bool IsPointToPoint() const override;
    bool IsBridge() const override;
    Ptr<Node> GetNode() const override;
    void SetNode(Ptr<Node> node) override;
    bool NeedsArp() const override;
    void SetReceiveCallback(NetDevice::ReceiveCallback cb) override;
    void SetPromiscReceiveCallback(NetDevice::PromiscReceiveCallback cb) override;

  protected:
    /**
     * \brief Drop the node and the receive callbacks; subclasses that
     * override this call it last.
     */
    void DoDispose() override;

    /**
     * \brief The C media code's state for this device, made and
     * md_init'ed on first use.
     * \return the state
     */
    void* MediaState();

    /**
     * \brief md_output's emit function that collects the frames.
     * \param arg a std::vector<Ptr<Packet>>
     * \param frame a frame
     * \param len its length
     */
    static void CollectFrame(void* arg, const uint8_t* frame, size_t len);

    /**
     * \brief A frame heard on the medium, once the subclass has read its
     * destination: the traces, the whole-frame callback, md_input, and the
     * payload up with Ethernet protocol numbers (IP, ARP).
     * \param frame the frame
     * \param forUs addressed to this station, or broadcast
     * \param bcast broadcast
     */
    void InputFrame(Ptr<Packet> frame, bool forUs, bool bcast);

    /**
     * \brief A link address of the medium as ns-3 holds it.
     * \param ll GetMedia()->md_addrlen octets, as the C core has them
     * \return the address
     */
    virtual Address MakeLinkAddress(const uint8_t* ll) const = 0;

    Ptr<Node> m_node;   //!< the node
    uint32_t m_ifIndex; //!< interface index
    bool m_linkUp;      //!< attached to a channel

    mutable Ptr<Queue<Packet>> m_queue; //!< transmit queue ("TxQueue")
    std::vector<uint8_t> m_mediaState;  //!< the C media code's state

    NetDevice::ReceiveCallback m_rxCallback;               //!< receive callback
    NetDevice::PromiscReceiveCallback m_promiscRxCallback; //!< promiscuous receive callback
    FrameReceiveCallback m_frameRxCallback;                //!< whole-frame receive callback
    TracedCallback<> m_linkChangeCallbacks;                //!< link change callbacks

    TracedCallback<Ptr<const Packet>> m_macTxTrace;          //!< MacTx
    TracedCallback<Ptr<const Packet>> m_macTxDropTrace;      //!< MacTxDrop
    TracedCallback<Ptr<const Packet>> m_macRxTrace;          //!< MacRx
    TracedCallback<Ptr<const Packet>> m_macRxDropTrace;      //!< MacRxDrop
    TracedCallback<Ptr<const Packet>> m_phyTxBeginTrace;     //!< PhyTxBegin
    TracedCallback<Ptr<const Packet>> m_phyTxEndTrace;       //!< PhyTxEnd
    TracedCallback<Ptr<const Packet>> m_phyRxEndTrace;       //!< PhyRxEnd
    TracedCallback<Ptr<const Packet>> m_phyRxDropTrace;      //!< PhyRxDrop
    TracedCallback<Ptr<const Packet>> m_snifferTrace;        //!< Sniffer
    TracedCallback<Ptr<const Packet>> m_promiscSnifferTrace; //!< PromiscSniffer
    TracedCallback<Ptr<const Packet>> m_macPromiscRxTrace;   //!< MacPromiscRx (FDDI, ARCnet)
};

} // namespace ns3

#endif /* BSD_FRAMED_NET_DEVICE_H */
