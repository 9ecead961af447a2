/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef AX25_CHANNEL_H
#define AX25_CHANNEL_H

#include "ns3/channel.h"
#include "ns3/data-rate.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <vector>

namespace ns3
{

class Ax25NetDevice;

/**
 * \ingroup bsdnet
 * \brief A shared half-duplex packet radio channel for Ax25NetDevices.
 *
 * Every station hears every other one, PropagationDelay after it keys
 * up, for as long as it stays keyed up.  The channel carries no state
 * of its own about collisions: each receiving device counts the
 * carriers it hears (its carrier sense) and drops every frame whose
 * reception overlapped another's, or during which it was transmitting.
 * A transmitter does not hear itself.
 */
class Ax25Channel : public Channel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    Ax25Channel();
    ~Ax25Channel() override;

    /**
     * \brief Attach a device.
     * \param device the device
     * \return its index on the channel
     */
    uint32_t Attach(Ptr<Ax25NetDevice> device);

    /**
     * \brief Put a transmission on the air: every other device hears its
     * carrier from now + PropagationDelay to now + PropagationDelay + duration
     * and gets the frame at the end.
     * \param sender the transmitting device
     * \param frame the frame
     * \param duration time keyed up (TxDelay included)
     */
    void TransmitStart(Ptr<Ax25NetDevice> sender, Ptr<const Packet> frame, Time duration);

    /**
     * \brief Time to send a number of octets at the channel's rate.
     * \param octets the octets
     * \return octets * 8 / DataRate
     */
    Time GetOctetTime(uint32_t octets) const;

    /**
     * \brief The bit rate.
     * \return the DataRate attribute
     */
    DataRate GetDataRate() const;

    /**
     * \brief The propagation delay between any two stations.
     * \return the PropagationDelay attribute
     */
    Time GetPropagationDelay() const;

    /**
     * \brief Transmissions started so far.
     * \return their number
     */
    uint64_t GetTransmissions() const;

    // Channel
    std::size_t GetNDevices() const override;
    Ptr<NetDevice> GetDevice(std::size_t i) const override;

  protected:
    void DoDispose() override;

  private:
    std::vector<Ptr<Ax25NetDevice>> m_devices; //!< attached devices
    DataRate m_bps;                            //!< bit rate
    Time m_delay;                              //!< propagation delay
    uint64_t m_nextTxId;                       //!< next transmission number
};

} // namespace ns3

#endif /* AX25_CHANNEL_H */
