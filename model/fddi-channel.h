/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef FDDI_CHANNEL_H
#define FDDI_CHANNEL_H

#include "ns3/channel.h"
#include "ns3/data-rate.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"

#include <vector>

namespace ns3
{

class FddiNetDevice;

/**
 * \ingroup bsdnet
 * \brief An FDDI ring: 100 Mb/s, timed-token protocol, asynchronous frames.
 *
 * Stations sit on the ring in the order they are attached; station i
 * passes frames and the token to station i+1, the last to the first.
 * Every hop costs the fibre's PropagationDelay plus the downstream
 * station's StationLatency (the repeat delay of its PHY and MAC), so the
 * idle token goes round in the ring latency N x (PropagationDelay +
 * StationLatency).
 *
 * A station may send asynchronous frames while it holds the token, as
 * the timed-token rules allow (ANSI X3.139):
 * - each station has a token rotation timer TRT, restarted when the
 *   token arrives early; on an arrival, elapsed = now - last restart;
 * - early (elapsed < Ttrt): the token holding time is THT = Ttrt -
 *   elapsed, the timer restarts now, and the station sends frames back
 *   to back while the time since the token's arrival is below THT (a
 *   frame once started is finished, so at least one frame goes out);
 * - late (elapsed >= Ttrt): no asynchronous frame; the timer is not
 *   restarted on arrival but was restarted when it expired (its restart
 *   time moves on by whole multiples of Ttrt), so a late station gets an
 *   early token on a later rotation and cannot be starved.
 * The token is issued right behind the last frame.  A frame reaches every
 * other station, the one at hop distance k when its last bit has passed
 * there: end of transmission + k x (PropagationDelay + StationLatency).
 *
 * A frame of n octets (FC to the end of the LLC payload, as the C core
 * builds it) takes (n + FRAME_OVERHEAD_OCTETS) x 8 / DataRate: 15
 * octets of preamble (16 symbols, 8 octets), starting delimiter (1),
 * FCS (4), ending delimiter and frame status (2).  The 4B/5B code is in
 * the 125 Mbaud line rate, not in DataRate.
 *
 * Simplifications, for speed and clarity:
 * - No synchronous traffic, no restricted tokens, no priorities, no
 *   claim or beacon process, no errors: the ring is always operational.
 *   The ring is initialised when the first frame is queued, with the
 *   token just arriving at that station (as if it had won the claim).
 * - The token takes no time to transmit (its 11 octets are inside
 *   StationLatency), and frames are not stripped by their sender: each
 *   station hears every frame once.
 * - An idle token creates no events: it is parked analytically (the
 *   station it last left and when), and a newly queued frame computes
 *   where the token is from the ring latency.  Likewise the token goes
 *   straight to the next station that has a frame queued, and the
 *   timers of the stations it passes are brought up to date then.
 * - Attach every device before the simulation starts: the ring's size
 *   is the number of stations when the token's position is computed.
 */
class FddiChannel : public Channel
{
  public:
    /// Octets of preamble, SD, FCS, ED and FS added to each frame on the fibre.
    static const uint32_t FRAME_OVERHEAD_OCTETS = 15;

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    FddiChannel();
    ~FddiChannel() override;

    /**
     * \brief Insert a station into the ring, after the last one attached.
     * \param device the device
     * \return the station's index on the ring (attach order, from 0)
     */
    uint32_t Attach(Ptr<FddiNetDevice> device);

    /**
     * \brief Called by a device when it has queued a frame, so that the
     * token comes to collect it.
     * \param station the station's index from Attach()
     */
    void NotifyFrameQueued(uint32_t station);

    /**
     * \brief The station at an index on the ring.
     * \param i the index, from 0
     * \return the device
     */
    Ptr<FddiNetDevice> GetFddiDevice(std::size_t i) const;

    /**
     * \brief The ring's data rate.
     * \return the DataRate attribute
     */
    DataRate GetDataRate() const;

    /**
     * \brief The time one hop takes: PropagationDelay + StationLatency.
     * \return the hop delay
     */
    Time GetHopDelay() const;

    /**
     * \brief The idle token's rotation time: stations x hop delay.
     * \return the ring latency
     */
    Time GetRingLatency() const;

    /**
     * \brief The time a frame takes to transmit.
     * \param octets the frame's length as the C core built it
     * \return (octets + FRAME_OVERHEAD_OCTETS) x 8 / DataRate
     */
    Time GetFrameTime(uint32_t octets) const;

    // Inherited from Channel
    std::size_t GetNDevices() const override;
    Ptr<NetDevice> GetDevice(std::size_t i) const override;

  protected:
    void DoDispose() override;

  private:
    /// Where the token is.
    enum TokenState
    {
        TOKEN_NONE,   //!< the ring has not carried a frame yet
        TOKEN_MOVING, //!< on its way from m_from, maybe parked
        TOKEN_HELD,   //!< a station is transmitting
    };

    /**
     * \brief The first time at or after now the moving token reaches a station.
     * \param station the station's index
     * \param now the time, in time steps
     * \return the arrival time, in time steps
     */
    int64_t NextPass(uint32_t station, int64_t now) const;

    /**
     * \brief Send the moving token to the nearest station with a frame
     * queued, or park it if there is none.
     * \param now the time, in time steps
     */
    void ScheduleToken(int64_t now);

    /**
     * \brief Apply one token arrival to a station's rotation timer.
     * \param station the station's index
     * \param t the arrival time, in time steps
     * \return the token holding time (0: the token is late)
     */
    int64_t TokenPass(uint32_t station, int64_t t);

    /**
     * \brief Update the timers of the stations the moving token passed
     * before it reached a station at time t.
     * \param t the arrival time, in time steps
     */
    void CatchUpTimers(int64_t t);

    /**
     * \brief The token reaches a station that has a frame queued.
     * \param station the station's index
     */
    void TokenArrives(uint32_t station);

    /**
     * \brief Put the holder's next frame on the ring.
     */
    void StartFrame();

    /**
     * \brief The holder's frame has left it: deliver it, send another or
     * issue the token.
     * \param frame the frame
     */
    void FrameSent(Ptr<Packet> frame);

    DataRate m_bps;          //!< ring data rate
    Time m_ttrt;             //!< target token rotation time
    Time m_stationLatency;   //!< repeat delay of a station
    Time m_propagationDelay; //!< fibre delay of one hop

    std::vector<Ptr<FddiNetDevice>> m_devices; //!< stations, in ring order
    std::vector<int64_t> m_trtStart;           //!< last restart of each station's TRT
    std::vector<bool> m_trtValid;              //!< station has seen the token

    TokenState m_state;   //!< where the token is
    uint32_t m_from;      //!< TOKEN_MOVING: the station it last left
    int64_t m_fromTime;   //!< TOKEN_MOVING: when it left, in time steps
    int64_t m_dest;       //!< TOKEN_MOVING: station it goes to, or -1 (parked)
    EventId m_tokenEvent; //!< the token's arrival at m_dest

    uint32_t m_holder;   //!< TOKEN_HELD: the station holding the token
    int64_t m_heldSince; //!< TOKEN_HELD: when the token arrived there
    int64_t m_tht;       //!< TOKEN_HELD: the token holding time
};

} // namespace ns3

#endif /* FDDI_CHANNEL_H */
