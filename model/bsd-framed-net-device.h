/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_FRAMED_NET_DEVICE_H
#define BSD_FRAMED_NET_DEVICE_H

#include "ns3/callback.h"
#include "ns3/net-device.h"
#include "ns3/packet.h"

extern "C"
{
#include "media/bsd_media.h"
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
    virtual void SetFrameReceiveCallback(FrameReceiveCallback cb) = 0;

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
};

} // namespace ns3

#endif /* BSD_FRAMED_NET_DEVICE_H */
