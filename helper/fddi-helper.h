/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef FDDI_HELPER_H
#define FDDI_HELPER_H

#include "ns3/bsd-framed-helper.h"
#include "ns3/fddi-channel.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"

#include <string>

namespace ns3
{

/**
 * \ingroup bsdnet
 * \brief Builds FDDI rings: FddiNetDevices on an FddiChannel.
 *
 * Modelled on CsmaHelper: each installed device gets a fresh MAC address
 * (Mac48Address::Allocate), a transmit queue from the queue factory
 * (DropTailQueue by default) and joins the ring after the devices
 * installed before it.  Pcap files ("<prefix>-<node>-<device>.pcap")
 * have link type 10 (LINKTYPE_FDDI) and hold the frames as the C core
 * builds them.
 */
class FddiHelper : public BsdFramedHelper
{
  public:
    FddiHelper();
    ~FddiHelper() override;

    /**
     * \brief Put a device on a node, on a ring of its own.
     * \param node the node
     * \return the device
     */
    NetDeviceContainer Install(Ptr<Node> node) const;

    /**
     * \brief Put a device on a node and add it to a ring.
     * \param node the node
     * \param channel the ring
     * \return the device
     */
    NetDeviceContainer Install(Ptr<Node> node, Ptr<FddiChannel> channel) const;

    /**
     * \brief Put a device on each node, all on one new ring, in order.
     * \param c the nodes
     * \return the devices, in ring order
     */
    NetDeviceContainer Install(const NodeContainer& c) const;

    /**
     * \brief Put a device on each node and add them to a ring, in order.
     * \param c the nodes
     * \param channel the ring
     * \return the devices
     */
    NetDeviceContainer Install(const NodeContainer& c, Ptr<FddiChannel> channel) const;

  private:
    /**
     * \brief Create one device on a node and attach it.
     * \param node the node
     * \param channel the ring
     * \return the device
     */
    Ptr<NetDevice> InstallPriv(Ptr<Node> node, Ptr<FddiChannel> channel) const;

};

} // namespace ns3

#endif /* FDDI_HELPER_H */
