/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef ARCNET_NET_DEVICE_H
#define ARCNET_NET_DEVICE_H

#include "bsd-framed-net-device.h"

#include "ns3/address.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"
#include "ns3/queue.h"
#include "ns3/traced-callback.h"

#include <vector>

namespace ns3
{

class ArcnetChannel;

/**
 * \ingroup bsdnet
 * \brief An ARCnet station on an ArcnetChannel.
 *
 * The link address is a 1-octet station ID, 1 to 255 (0 is broadcast),
 * carried in an ns3::Address of ARCnet's own registered type: see
 * MakeAddress() and IsArcnetAddress().  The token visits stations in
 * ascending ID order.
 *
 * Frames are LINKTYPE_ARCNET_BSD frames as bsdnet's C core builds them
 * (SID, DID, system code, for RFC 1201 split flag and sequence number,
 * data), queued whole with SendFrame() (BsdKernel's path; the C core
 * splits and reassembles packets) or framed here by the C media code
 * from a payload given to Send(), which may make up to three RFC 1201
 * fragments of one packet; each is one frame on the wire.
 *
 * Receiving: every frame fires PromiscSniffer; a frame for this station
 * or broadcast fires Sniffer and MacRx and goes whole to the frame
 * receive callback if one is set (BsdKernel), or else through the C
 * media code, which reassembles fragments in this device's own state,
 * and a whole packet goes to the receive callback with protocol 0x0800
 * (IP) or 0x0806 (ARP).
 *
 * The IP MTU is 1500 with RFC 1201 encapsulation, 507 with RFC 1051
 * (the Rfc1051 attribute).  ARCnet has no multicast.
 */
class ArcnetNetDevice : public BsdFramedNetDevice
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    ArcnetNetDevice();
    ~ArcnetNetDevice() override;

    /**
     * \brief The ns3::Address of a station ID.
     * \param id the station ID (0: broadcast)
     * \return a 1-octet address of ARCnet's type
     */
    static Address MakeAddress(uint8_t id);

    /**
     * \brief Whether an address is an ARCnet station ID.
     * \param address the address
     * \return true if it has ARCnet's type and 1 octet
     */
    static bool IsArcnetAddress(const Address& address);

    /**
     * \brief The station ID in an ARCnet address.
     * \param address an address for which IsArcnetAddress() holds
     * \return the station ID
     */
    static uint8_t AddressToStationId(const Address& address);

    /**
     * \brief Set the station ID (the helper does).
     * \param id the ID, 1 to 255
     */
    void SetStationId(uint8_t id);

    /**
     * \brief Get the station ID.
     * \return the ID
     */
    uint8_t GetStationId() const;

    /**
     * \brief Use RFC 1051 encapsulation (MTU 507, no fragments) or RFC 1201.
     * \param rfc1051 true for RFC 1051
     */
    void SetRfc1051(bool rfc1051);

    /**
     * \brief Whether RFC 1051 encapsulation is used.
     * \return the Rfc1051 attribute
     */
    bool GetRfc1051() const;

    /**
     * \brief Join a network.
     * \param channel the network
     * \return true
     */
    bool Attach(Ptr<ArcnetChannel> channel);

    /**
     * \brief Channel side: nobody answered the free buffer enquiry for
     * this frame, which is dropped (PhyTxDrop).
     * \param frame the frame
     */
    void TransmitDrop(Ptr<const Packet> frame);

    /**
     * \brief Channel side: a packet's last bit has reached this station.
     * \param frame the frame
     */
    void Receive(Ptr<Packet> frame);

    // Inherited from BsdFramedNetDevice
    bool SendFrame(Ptr<Packet> frame) override;
    const struct bsd_media* GetMedia() const override;
    uint32_t GetMediaFlags() const override;
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
    Ptr<ArcnetChannel> m_channel;      //!< the network
    uint32_t m_index;                  //!< index on the channel
    uint8_t m_stationId;               //!< this station's ID
    bool m_rfc1051;                    //!< RFC 1051 encapsulation
    uint16_t m_mtu;                    //!< IP MTU

    TracedCallback<Ptr<const Packet>> m_phyTxDropTrace;    //!< PhyTxDrop
};

} // namespace ns3

#endif /* ARCNET_NET_DEVICE_H */
