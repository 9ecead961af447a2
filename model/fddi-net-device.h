/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef FDDI_NET_DEVICE_H
#define FDDI_NET_DEVICE_H

#include "bsd-framed-net-device.h"

#include "ns3/address.h"
#include "ns3/mac48-address.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"
#include "ns3/queue.h"
#include "ns3/traced-callback.h"

#include <vector>

namespace ns3
{

class FddiChannel;

/**
 * \ingroup bsdnet
 * \brief An FDDI station: a MAC on an FddiChannel ring.
 *
 * Frames are LINKTYPE_FDDI frames as bsdnet's C core builds them (FC,
 * destination, source, 802.2 LLC/SNAP, payload), queued whole with
 * SendFrame() (BsdKernel's path) or framed here by the C media code from
 * a payload given to Send() (any other stack's path).  The token decides
 * when a queued frame goes out (see FddiChannel).
 *
 * Receiving: every frame on the ring fires PromiscSniffer; a frame for
 * this station's address or the broadcast address also fires Sniffer and
 * MacRx and goes whole to the frame receive callback if one is set
 * (BsdKernel), or else is parsed by the C media code and its payload
 * passed to the receive callback with protocol 0x0800 (IP) or 0x0806
 * (ARP).  A promiscuous receive callback gets every parsed frame.
 *
 * The IP MTU is RFC 1390's 4352.  IP multicast maps to the broadcast
 * address, as bsdnet's C core sends it.
 */
class FddiNetDevice : public BsdFramedNetDevice
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    FddiNetDevice();
    ~FddiNetDevice() override;

    /**
     * \brief Join a ring.
     * \param channel the ring
     * \return true
     */
    bool Attach(Ptr<FddiChannel> channel);

    /**
     * \brief Set the transmit queue (the helper does).
     * \param queue the queue
     */
    void SetQueue(Ptr<Queue<Packet>> queue);

    /**
     * \brief Get the transmit queue.
     * \return the queue
     */
    Ptr<Queue<Packet>> GetQueue() const override;

    /**
     * \brief Channel side: is a frame waiting?
     * \return true if the transmit queue is not empty
     */
    bool HasQueuedFrame() const;

    /**
     * \brief Channel side: take the next frame to transmit.
     * \return the frame, or null if the queue is empty
     */
    Ptr<Packet> DequeueFrame();

    /**
     * \brief Channel side: a frame starts to leave this station
     * (PhyTxBegin, Sniffer, PromiscSniffer).
     * \param frame the frame
     */
    void TransmitStart(Ptr<const Packet> frame);

    /**
     * \brief Channel side: the frame's last bit has left (PhyTxEnd).
     * \param frame the frame
     */
    void TransmitEnd(Ptr<const Packet> frame);

    /**
     * \brief Channel side: a frame's last bit has reached this station.
     * \param frame the frame
     */
    void Receive(Ptr<Packet> frame);

    // Inherited from BsdFramedNetDevice
    bool SendFrame(Ptr<Packet> frame) override;
    const struct bsd_media* GetMedia() const override;
    void GetLinkAddress(uint8_t* buf) const override;

    // Inherited from NetDevice
    Ptr<Channel> GetChannel() const override;
    bool SetMtu(const uint16_t mtu) override;
    uint16_t GetMtu() const override;
    void SetAddress(Address address) override;
    Address GetAddress() const override;
    Address GetBroadcast() const override;
    bool IsMulticast() const override;
    Address GetMulticast(Ipv4Address multicastGroup) const override;
    Address GetMulticast(Ipv6Address addr) const override;
    bool Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber) override;
    bool SendFrom(Ptr<Packet> packet,
                  const Address& source,
                  const Address& dest,
                  uint16_t protocolNumber) override;
    bool SupportsSendFrom() const override;

  protected:
    void DoDispose() override;

  private:
    /**
     * \brief The C media state, set up on first use.
     * \return md_statesize octets, md_init'ed with GetMediaFlags()
     */
    void* MediaState();

    /**
     * \brief md_output's emit callback: collect one frame.
     * \param arg the std::vector<Ptr<Packet>> to append to
     * \param frame the frame
     * \param len its length
     */
    static void EmitFrame(void* arg, const uint8_t* frame, size_t len);

    Ptr<FddiChannel> m_channel;        //!< the ring
    uint32_t m_station;                //!< index on the ring
    Ptr<Queue<Packet>> m_queue;        //!< transmit queue
    Mac48Address m_address;            //!< this station's address
    uint16_t m_mtu;                    //!< IP MTU
    std::vector<uint8_t> m_mediaState; //!< C media state

    TracedCallback<Ptr<const Packet>> m_macPromiscRxTrace; //!< MacPromiscRx
};

} // namespace ns3

#endif /* FDDI_NET_DEVICE_H */
