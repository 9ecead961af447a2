/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef ARCNET_CHANNEL_H
#define ARCNET_CHANNEL_H

#include "ns3/channel.h"
#include "ns3/data-rate.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"

#include <vector>

namespace ns3
{

class ArcnetNetDevice;

/**
 * \ingroup bsdnet
 * \brief An ARCnet network: 2.5 Mb/s token passing among station IDs.
 *
 * The token (the ITT, "invitation to transmit") goes from each station
 * to the one with the next higher station ID, the highest back to the
 * lowest.  A token hop takes TokenPassTime + PropagationDelay, so the
 * idle token goes round in N x (TokenPassTime + PropagationDelay).
 *
 * A station holding the token sends at most one packet (one frame of the
 * C core: an RFC 1201 fragment or an RFC 1051 packet) and passes the
 * token on.  ARCnet sends each octet as an 11-bit information symbol
 * unit (two marks and a space, then the 8 data bits), so an octet takes
 * 4.4 us at 2.5 Mb/s.  A visit costs, with o = 11 bits / DataRate,
 * prop = PropagationDelay and ta = TurnaroundTime:
 * - unicast: the free buffer enquiry (ENQ DID DID, 3 octets), prop, ta,
 *   the receiver's ACK (1 octet), prop, ta; then the packet,
 *   (n + PACKET_OVERHEAD_OCTETS) x o; then prop, ta, the receiver's ACK
 *   (1 octet), prop; then the token goes on;
 * - broadcast (destination 0): the packet alone, no enquiry, no ACK;
 * - unicast to a station ID nobody has: the enquiry goes unanswered,
 *   the sender gives up after ResponseTimeout and drops the frame
 *   (PhyTxDrop); real controllers retry on later token visits.
 * The packet reaches every station (a hub repeats it to all) when its
 * last bit has travelled PropagationDelay.  PACKET_OVERHEAD_OCTETS is 6:
 * SOH, the repeated DID, a 2-octet count and a 2-octet CRC around the
 * frame the C core builds (SID DID system code ...); the alert bursts
 * are left out.
 *
 * TokenPassTime's default, 37.6 us (94 bit times), is our assumption:
 * the ITT itself (alert burst and EOT DID DID, 39 bit times, 15.6 us)
 * plus the line idle and turnaround before the next station is ready to
 * send (55 bit times, 22 us).
 *
 * Simplifications, for speed and clarity:
 * - no reconfiguration bursts, no NAKs (receivers always have a free
 *   buffer), no errors; stations joining or changing ID re-sort the
 *   ring at once, with no RECON;
 * - the ring is initialised when the first frame is queued, with the
 *   token just arriving at that station;
 * - an idle token creates no events: it is parked analytically (the
 *   station it last left and when) and a newly queued frame computes
 *   where it is from the rotation time; the token goes straight to the
 *   next station that has a frame queued;
 * - attach devices and set their IDs before the simulation starts: the
 *   token's position is computed on the ring as it is then.
 */
class ArcnetChannel : public Channel
{
  public:
    /// Octets added around each frame on the wire: SOH, DID, count (2), CRC (2).
    static const uint32_t PACKET_OVERHEAD_OCTETS = 6;
    /// Bits on the wire per octet.
    static const uint32_t BITS_PER_OCTET = 11;
    /// Octets of a free buffer enquiry: ENQ DID DID.
    static const uint32_t FBE_OCTETS = 3;
    /// Octets of an ACK.
    static const uint32_t ACK_OCTETS = 1;

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    ArcnetChannel();
    ~ArcnetChannel() override;

    /**
     * \brief Add a station to the network.
     * \param device the device
     * \return its index in attach order (GetDevice), from 0
     */
    uint32_t Attach(Ptr<ArcnetNetDevice> device);

    /**
     * \brief A station's ID has changed: the token order is re-sorted.
     */
    void StationsChanged();

    /**
     * \brief Called by a device when it has queued a frame, so that the
     * token comes to collect it.
     * \param index the device's index from Attach()
     */
    void NotifyFrameQueued(uint32_t index);

    /**
     * \brief A station in attach order.
     * \param i the index, from 0
     * \return the device
     */
    Ptr<ArcnetNetDevice> GetArcnetDevice(std::size_t i) const;

    /**
     * \brief The network's data rate.
     * \return the DataRate attribute
     */
    DataRate GetDataRate() const;

    /**
     * \brief The time one token hop takes: TokenPassTime + PropagationDelay.
     * \return the hop delay
     */
    Time GetHopDelay() const;

    /**
     * \brief The idle token's rotation time: stations x hop delay.
     * \return the rotation time
     */
    Time GetRotationTime() const;

    /**
     * \brief The time n octets take on the wire.
     * \param octets how many
     * \return octets x 11 / DataRate
     */
    Time GetOctetsTime(uint32_t octets) const;

    /**
     * \brief The time a packet takes to transmit.
     * \param octets the frame's length as the C core built it
     * \return (octets + PACKET_OVERHEAD_OCTETS) x 11 / DataRate
     */
    Time GetPacketTime(uint32_t octets) const;

    /**
     * \brief From the token's arrival to the first bit of a unicast packet:
     * FBE, prop, turnaround, ACK, prop, turnaround.
     * \return the time
     */
    Time GetEnquiryTime() const;

    /**
     * \brief From a unicast packet's last bit leaving to the token's
     * release: prop, turnaround, ACK, prop.
     * \return the time
     */
    Time GetAckTime() const;

    // Inherited from Channel
    std::size_t GetNDevices() const override;
    Ptr<NetDevice> GetDevice(std::size_t i) const override;

  protected:
    void DoDispose() override;

  private:
    /// Where the token is.
    enum TokenState
    {
        TOKEN_NONE,   //!< the network has not carried a frame yet
        TOKEN_MOVING, //!< on its way from m_from, maybe parked
        TOKEN_HELD,   //!< a station is sending
    };

    /**
     * \brief Sort the stations by ID if they changed.
     */
    void UpdateRing();

    /**
     * \brief The first time at or after now the moving token reaches a station.
     * \param index the station's device index
     * \param now the time, in time steps
     * \return the arrival time, in time steps
     */
    int64_t NextPass(uint32_t index, int64_t now);

    /**
     * \brief Send the moving token to the nearest station with a frame
     * queued, or park it if there is none.
     * \param now the time, in time steps
     */
    void ScheduleToken(int64_t now);

    /**
     * \brief The token reaches a station that has a frame queued.
     * \param index the station's device index
     */
    void TokenArrives(uint32_t index);

    /**
     * \brief The holder's packet starts.
     * \param frame the frame
     * \param unicast whether an ACK follows
     */
    void StartPacket(Ptr<Packet> frame, bool unicast);

    /**
     * \brief The holder's packet has left: deliver it, pass the token.
     * \param frame the frame
     * \param unicast whether an ACK follows
     */
    void PacketSent(Ptr<Packet> frame, bool unicast);

    /**
     * \brief Nobody answered the holder's enquiry: drop the frame, pass the token.
     * \param frame the frame
     */
    void EnquiryTimeout(Ptr<Packet> frame);

    /**
     * \brief The token leaves the holder at a time.
     * \param at the time, in time steps (now or later)
     */
    void ReleaseToken(int64_t at);

    DataRate m_bps;          //!< data rate
    Time m_tokenPassTime;    //!< ITT and the next station getting ready
    Time m_turnaroundTime;   //!< a station's turnaround before it answers
    Time m_propagationDelay; //!< cable and hub delay
    Time m_responseTimeout;  //!< how long a sender waits for an answer

    std::vector<Ptr<ArcnetNetDevice>> m_devices; //!< stations, in attach order
    std::vector<uint32_t> m_ring;                //!< device indices by station ID
    std::vector<uint32_t> m_position;            //!< device index -> place in m_ring
    std::vector<int32_t> m_byId;                 //!< station ID -> device index, or -1
    bool m_ringDirty;                            //!< stations changed since sorting

    TokenState m_state;   //!< where the token is
    uint32_t m_from;      //!< TOKEN_MOVING: the device it last left
    int64_t m_fromTime;   //!< TOKEN_MOVING: when it left, in time steps
    int64_t m_dest;       //!< TOKEN_MOVING: device it goes to, or -1 (parked)
    EventId m_tokenEvent; //!< the token's arrival at m_dest
    uint32_t m_holder;    //!< TOKEN_HELD: the device holding the token
};

} // namespace ns3

#endif /* ARCNET_CHANNEL_H */
