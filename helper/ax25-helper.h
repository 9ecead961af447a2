/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef AX25_HELPER_H
#define AX25_HELPER_H

#include "ns3/bsd-framed-helper.h"
#include "ns3/ax25-channel.h"
#include "ns3/ax25-net-device.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"

#include <string>

namespace ns3
{

/**
 * \ingroup bsdnet
 * \brief Builds AX.25 packet radio networks: Ax25NetDevices on one Ax25Channel.
 *
 * Each device installed gets a callsign of its own, in install order:
 * "N0BSD-1", "N0BSD-2", ... "N0BSD-15", then "N0BSDA-1" ... (a letter or
 * digit appended to the base for each further 15 stations), unless a
 * "Callsign" device attribute was given with SetDeviceAttribute.  The
 * base can be changed with SetBaseCallsign().  Pcap files use link type
 * LINKTYPE_AX25 (3) and hold the frames as the C core builds them.
 */
class Ax25Helper : public BsdFramedHelper
{
  public:
    /// Construct a helper: DropTailQueue queues, default device and channel attributes.
    Ax25Helper();

    ~Ax25Helper() override
    {
    }

    /**
     * \brief Set an attribute of every device created from now on.
     * Setting "Callsign" turns off automatic callsigns.
     * \param n1 the attribute's name
     * \param v1 its value
     */
    void SetDeviceAttribute(std::string n1, const AttributeValue& v1);

    /**
     * \brief Set the base of the automatic callsigns (default "N0BSD").
     * Fatal error unless it is 1 to 6 letters or digits.
     * \param base the callsign without SSID
     */
    void SetBaseCallsign(std::string base);

    /**
     * \brief The callsign the helper gives the n-th station (1-based).
     * \param base callsign without SSID
     * \param n station number
     * \return base-SSID, or "" if the base has no room for station n
     */
    static std::string MakeCallsign(const std::string& base, uint32_t n);

    /**
     * \brief Install a device on one node, on a new channel.
     * \param node the node
     * \return the device
     */
    NetDeviceContainer Install(Ptr<Node> node) const;

    /**
     * \brief Install a device on one node, on an existing channel.
     * \param node the node
     * \param channel the channel
     * \return the device
     */
    NetDeviceContainer Install(Ptr<Node> node, Ptr<Ax25Channel> channel) const;

    /**
     * \brief Install a device on each node, all on one new channel.
     * \param c the nodes
     * \return the devices, in the order of c
     */
    NetDeviceContainer Install(const NodeContainer& c) const;

    /**
     * \brief Install a device on each node, on an existing channel.
     * \param c the nodes
     * \param channel the channel
     * \return the devices, in the order of c
     */
    NetDeviceContainer Install(const NodeContainer& c, Ptr<Ax25Channel> channel) const;

    /**
     * \brief Assign fixed random variable streams to the devices.
     * \param c the devices (others than Ax25NetDevices are skipped)
     * \param stream first stream index
     * \return the number of streams used
     */
    int64_t AssignStreams(NetDeviceContainer c, int64_t stream);

  private:
    /**
     * \brief Create one device on a node and attach it.
     * \param node the node
     * \param channel the channel
     * \return the device
     */
    Ptr<NetDevice> InstallPriv(Ptr<Node> node, Ptr<Ax25Channel> channel) const;

    std::string m_baseCallsign;     //!< base of the automatic callsigns
    bool m_autoCallsign;            //!< give callsigns automatically
    mutable uint32_t m_stations;    //!< devices installed so far
};

} // namespace ns3

#endif /* AX25_HELPER_H */
