/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef ARCNET_HELPER_H
#define ARCNET_HELPER_H

#include "ns3/arcnet-channel.h"
#include "ns3/bsd-framed-helper.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"

#include <string>

namespace ns3
{

/**
 * \ingroup bsdnet
 * \brief Builds ARCnet networks: ArcnetNetDevices on an ArcnetChannel.
 *
 * Modelled on CsmaHelper.  Each installed device gets the next station
 * ID of this helper (1, 2, 3, ... in install order, from where
 * SetNextStationId() put it), a transmit queue from the queue factory
 * (DropTailQueue by default), and joins the channel.  Pcap files
 * ("<prefix>-<node>-<device>.pcap") have link type 7
 * (LINKTYPE_ARCNET_BSD) and hold the frames as the C core builds them.
 */
class ArcnetHelper : public BsdFramedHelper
{
  public:
    ArcnetHelper();
    ~ArcnetHelper() override;

    /**
     * \brief Set the station ID the next installed device gets; the ones
     * after it get the following IDs.
     * \param id the ID, 1 to 255
     */
    void SetNextStationId(uint8_t id);

    /**
     * \brief The station ID the next installed device gets.
     * \return the ID (0 once 255 has been given out)
     */
    uint8_t GetNextStationId() const;

    /**
     * \brief Put a device on a node, on a network of its own.
     * \param node the node
     * \return the device
     */
    NetDeviceContainer Install(Ptr<Node> node);

    /**
     * \brief Put a device on a node and attach it to a network.
     * \param node the node
     * \param channel the network
     * \return the device
     */
    NetDeviceContainer Install(Ptr<Node> node, Ptr<ArcnetChannel> channel);

    /**
     * \brief Put a device on each node, all on one new network.
     * \param c the nodes
     * \return the devices, with consecutive station IDs
     */
    NetDeviceContainer Install(const NodeContainer& c);

    /**
     * \brief Put a device on each node and attach them to a network.
     * \param c the nodes
     * \param channel the network
     * \return the devices, with consecutive station IDs
     */
    NetDeviceContainer Install(const NodeContainer& c, Ptr<ArcnetChannel> channel);

  private:
    /**
     * \brief Create one device on a node, give it an ID and attach it.
     * \param node the node
     * \param channel the network
     * \return the device
     */
    Ptr<NetDevice> InstallPriv(Ptr<Node> node, Ptr<ArcnetChannel> channel);

    uint32_t m_nextId;              //!< the next station ID to give out
};

} // namespace ns3

#endif /* ARCNET_HELPER_H */
