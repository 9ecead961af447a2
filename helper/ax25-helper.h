/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef AX25_HELPER_H
#define AX25_HELPER_H

#include "ns3/attribute.h"
#include "ns3/ax25-channel.h"
#include "ns3/ax25-net-device.h"
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
 * \brief Builds AX.25 packet radio networks: Ax25NetDevices on one Ax25Channel.
 *
 * Each device installed gets a callsign of its own, in install order:
 * "N0BSD-1", "N0BSD-2", ... "N0BSD-15", then "N0BSDA-1" ... (a letter or
 * digit appended to the base for each further 15 stations), unless a
 * "Callsign" device attribute was given with SetDeviceAttribute.  The
 * base can be changed with SetBaseCallsign().  Pcap files use link type
 * LINKTYPE_AX25 (3) and hold the frames as the C core builds them.
 */
class Ax25Helper : public PcapHelperForDevice, public AsciiTraceHelperForDevice
{
  public:
    /// Construct a helper: DropTailQueue queues, default device and channel attributes.
    Ax25Helper();

    ~Ax25Helper() override
    {
    }

    /**
     * \brief Set the type and attributes of the device transmit queues.
     * \tparam Ts \deduced argument types
     * \param type the queue's TypeId name, e.g. "ns3::DropTailQueue<Packet>"
     * \param args attribute name and value pairs
     */
    template <typename... Ts>
    void SetQueue(std::string type, Ts&&... args);

    /**
     * \brief Set an attribute of every device created from now on.
     * Setting "Callsign" turns off automatic callsigns.
     * \param n1 the attribute's name
     * \param v1 its value
     */
    void SetDeviceAttribute(std::string n1, const AttributeValue& v1);

    /**
     * \brief Set an attribute of every channel created from now on.
     * \param n1 the attribute's name
     * \param v1 its value
     */
    void SetChannelAttribute(std::string n1, const AttributeValue& v1);

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

    /**
     * \brief Open a pcap file (link type 3) and hook it to the device.
     * \param prefix file name prefix
     * \param nd the device
     * \param promiscuous hook PromiscSniffer instead of Sniffer
     * \param explicitFilename prefix is the whole file name
     */
    void EnablePcapInternal(std::string prefix,
                            Ptr<NetDevice> nd,
                            bool promiscuous,
                            bool explicitFilename) override;

    /**
     * \brief Write ascii traces (queue and MacRx events) of a device.
     * \param stream a shared stream, or null for a file per device
     * \param prefix file name prefix
     * \param nd the device
     * \param explicitFilename prefix is the whole file name
     */
    void EnableAsciiInternal(Ptr<OutputStreamWrapper> stream,
                             std::string prefix,
                             Ptr<NetDevice> nd,
                             bool explicitFilename) override;

    ObjectFactory m_queueFactory;   //!< factory for the queues
    ObjectFactory m_deviceFactory;  //!< factory for the devices
    ObjectFactory m_channelFactory; //!< factory for the channels
    std::string m_baseCallsign;     //!< base of the automatic callsigns
    bool m_autoCallsign;            //!< give callsigns automatically
    mutable uint32_t m_stations;    //!< devices installed so far
};

template <typename... Ts>
void
Ax25Helper::SetQueue(std::string type, Ts&&... args)
{
    QueueBase::AppendItemTypeIfNotPresent(type, "Packet");

    m_queueFactory.SetTypeId(type);
    m_queueFactory.Set(std::forward<Ts>(args)...);
}

} // namespace ns3

#endif /* AX25_HELPER_H */
