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
     * \brief Channel side: a frame's last bit has reached this station.
     * \param frame the frame
     */
    void Receive(Ptr<Packet> frame);

    // Inherited from BsdFramedNetDevice
    bool SendFrame(Ptr<Packet> frame) override;
    const struct bsd_media* GetMedia() const override;
    void GetLinkAddress(uint8_t* buf) const override;
    Address MakeLinkAddress(const uint8_t* ll) const override;

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
    Ptr<FddiChannel> m_channel;        //!< the ring
    uint32_t m_station;                //!< index on the ring
    Mac48Address m_address;            //!< this station's address
    uint16_t m_mtu;                    //!< IP MTU

};

} // namespace ns3

#endif /* FDDI_NET_DEVICE_H */
