/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_TOKEN_RING_H
#define BSD_TOKEN_RING_H

#include <cstdint>

namespace ns3
{

/**
 * \ingroup bsdnet
 * \brief The token arithmetic FddiChannel and ArcnetChannel share: an
 * idle token is not simulated hop by hop; where it is at any time follows
 * from where and when it last left a station.
 */
namespace BsdTokenRing
{

/**
 * \brief When the token next reaches a ring position, at or after now.
 * \param from the position it last left
 * \param fromTime when it left, in time steps
 * \param to the position asked about
 * \param n positions on the ring
 * \param hop time steps from one position to the next
 * \param now the current time, in time steps
 * \return the time of arrival, in time steps
 */
inline int64_t
NextPass(int64_t from, int64_t fromTime, int64_t to, int64_t n, int64_t hop, int64_t now)
{
    // First hop count e >= 1 that brings the token from `from` to `to`.
    int64_t e = ((to - from - 1) % n + n) % n + 1;
    int64_t t = fromTime + e * hop;
    if (t < now)
    {
        const int64_t rotation = n * hop;
        t += (now - t + rotation - 1) / rotation * rotation;
    }
    return t;
}

/**
 * \brief The station with a frame waiting that the token reaches first.
 * \param devices the stations (each with HasQueuedFrame())
 * \param nextPass when the token reaches station i: int64_t(uint32_t i)
 * \param[out] when that time, if there is such a station
 * \return its index, or -1 if no frame waits
 */
template <class Devices, class NextPassFn>
int64_t
FirstWaiting(const Devices& devices, NextPassFn nextPass, int64_t* when)
{
    int64_t dest = -1;
    for (uint32_t i = 0; i < devices.size(); i++)
    {
        if (!devices[i]->HasQueuedFrame())
        {
            continue;
        }
        int64_t t = nextPass(i);
        if (dest < 0 || t < *when)
        {
            dest = i;
            *when = t;
        }
    }
    return dest;
}

} // namespace BsdTokenRing

} // namespace ns3

#endif /* BSD_TOKEN_RING_H */
