/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Trace sinks and counters shared by the TestSuites of the token-passing
 * devices (FDDI, ARCnet): who saw which frame when, and what an ascii
 * trace holds.
 */
#ifndef BSD_FRAMED_TEST_UTIL_H
#define BSD_FRAMED_TEST_UTIL_H

#include "ns3/net-device-container.h"
#include "ns3/net-device.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"

#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

namespace ns3
{
namespace bsdtest
{

/// One trace event: when, at which device, how long the frame was.
struct TraceEvent
{
    int64_t ns;    //!< simulation time, ns
    uint32_t dev;  //!< device index in the test's container
    uint32_t size; //!< frame length
};

/// Equality of trace events, for the determinism tests.
inline bool
operator==(const TraceEvent& a, const TraceEvent& b)
{
    return a.ns == b.ns && a.dev == b.dev && a.size == b.size;
}

/**
 * \brief Trace sink: append an event to a log.
 * \param log the log
 * \param dev the device's index
 * \param p the frame
 */
inline void
Record(std::vector<TraceEvent>* log, uint32_t dev, Ptr<const Packet> p)
{
    log->push_back({Simulator::Now().GetNanoSeconds(), dev, p->GetSize()});
}

/**
 * \brief Hook a trace source of every device to a log.
 * \param devices the devices
 * \param source the trace source's name
 * \param log the log
 * \return true if every hook worked
 */
inline bool
HookAll(const NetDeviceContainer& devices, const std::string& source, std::vector<TraceEvent>* log)
{
    bool ok = true;
    for (uint32_t i = 0; i < devices.GetN(); i++)
    {
        ok = devices.Get(i)->TraceConnectWithoutContext(source,
                                                        MakeBoundCallback(&Record, log, i)) &&
             ok;
    }
    return ok;
}

/**
 * \brief Count the events of one device in a log.
 * \param log the log
 * \param dev the device's index
 * \return how many
 */
inline uint32_t
CountFor(const std::vector<TraceEvent>& log, uint32_t dev)
{
    uint32_t n = 0;
    for (const auto& e : log)
    {
        n += e.dev == dev ? 1 : 0;
    }
    return n;
}

/**
 * \brief Count the lines of an ascii trace that start with a character.
 * \param name the trace file
 * \param c '+' enqueue, '-' dequeue, 'd' drop, 'r' receive
 * \return how many, or -1 if the file cannot be read
 */
inline int
CountAscii(const std::string& name, char c)
{
    std::ifstream f(name);
    if (!f)
    {
        return -1;
    }
    int n = 0;
    std::string line;
    while (std::getline(f, line))
    {
        n += !line.empty() && line[0] == c ? 1 : 0;
    }
    return n;
}

/**
 * \brief FrameReceiveCallback: log a whole frame's length.
 * \param log the log
 * \param f the frame
 */
inline void
FrameSize(std::vector<uint32_t>* log, Ptr<NetDevice>, Ptr<const Packet> f)
{
    log->push_back(f->GetSize());
}

/**
 * \brief Trace sink: keep a frame's octets.
 * \param log the log
 * \param p the frame
 */
inline void
KeepOctets(std::vector<std::vector<uint8_t>>* log, Ptr<const Packet> p)
{
    std::vector<uint8_t> b(p->GetSize());
    p->CopyData(b.data(), b.size());
    log->push_back(b);
}

} // namespace bsdtest
} // namespace ns3

#endif /* BSD_FRAMED_TEST_UTIL_H */
