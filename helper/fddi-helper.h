/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef FDDI_HELPER_H
#define FDDI_HELPER_H

#include "ns3/attribute.h"
#include "ns3/fddi-channel.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/queue.h"
#include "ns3/trace-helper.h"

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
class FddiHelper : public PcapHelperForDevice, public AsciiTraceHelperForDevice
{
  public:
    FddiHelper();
    ~FddiHelper() override;

    /**
     * \brief Set the type and attributes of the transmit queues.
     * \tparam Ts attribute name and value pairs
     * \param type the queue's TypeId name, e.g. "ns3::DropTailQueue"
     * \param args attribute name and value pairs
     */
    template <typename... Ts>
    void SetQueue(std::string type, Ts&&... args);

    /**
     * \brief Set an attribute of the devices to be created.
     * \param n1 the attribute's name
     * \param v1 its value
     */
    void SetDeviceAttribute(std::string n1, const AttributeValue& v1);

    /**
     * \brief Set an attribute of the channels to be created.
     * \param n1 the attribute's name
     * \param v1 its value
     */
    void SetChannelAttribute(std::string n1, const AttributeValue& v1);

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

    void EnablePcapInternal(std::string prefix,
                            Ptr<NetDevice> nd,
                            bool promiscuous,
                            bool explicitFilename) override;

    void EnableAsciiInternal(Ptr<OutputStreamWrapper> stream,
                             std::string prefix,
                             Ptr<NetDevice> nd,
                             bool explicitFilename) override;

    ObjectFactory m_queueFactory;   //!< factory of the transmit queues
    ObjectFactory m_deviceFactory;  //!< factory of the devices
    ObjectFactory m_channelFactory; //!< factory of the rings
};

template <typename... Ts>
void
FddiHelper::SetQueue(std::string type, Ts&&... args)
{
    QueueBase::AppendItemTypeIfNotPresent(type, "Packet");
    m_queueFactory.SetTypeId(type);
    m_queueFactory.Set(std::forward<Ts>(args)...);
}

} // namespace ns3

#endif /* FDDI_HELPER_H */
