/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_FRAMED_HELPER_H
#define BSD_FRAMED_HELPER_H

#include "ns3/attribute.h"
#include "ns3/object-factory.h"
#include "ns3/queue.h"
#include "ns3/trace-helper.h"

#include <string>

namespace ns3
{

/**
 * \ingroup bsdnet
 * \brief What FddiHelper, ArcnetHelper and Ax25Helper share: the device,
 * channel and queue factories, and pcap and ascii tracing of any
 * BsdFramedNetDevice.
 *
 * Pcap files ("<prefix>-<node>-<device>.pcap") take the medium's link
 * type (FDDI 10, ARCnet 7, AX.25 3) and hold the frames as the C core
 * builds them; ascii traces have CsmaHelper's lines (MacRx and the
 * transmit queue's Enqueue, Dequeue and Drop).
 */
class BsdFramedHelper : public PcapHelperForDevice, public AsciiTraceHelperForDevice
{
  public:
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

  protected:
    /**
     * \param device the devices' TypeId name
     * \param channel the channels' TypeId name
     */
    BsdFramedHelper(const std::string& device, const std::string& channel);

    ObjectFactory m_queueFactory;   //!< factory of the transmit queues
    ObjectFactory m_deviceFactory;  //!< factory of the devices
    ObjectFactory m_channelFactory; //!< factory of the channels

  private:
    void EnablePcapInternal(std::string prefix,
                            Ptr<NetDevice> nd,
                            bool promiscuous,
                            bool explicitFilename) override;

    void EnableAsciiInternal(Ptr<OutputStreamWrapper> stream,
                             std::string prefix,
                             Ptr<NetDevice> nd,
                             bool explicitFilename) override;
};

template <typename... Ts>
void
BsdFramedHelper::SetQueue(std::string type, Ts&&... args)
{
    QueueBase::AppendItemTypeIfNotPresent(type, "Packet");
    m_queueFactory.SetTypeId(type);
    m_queueFactory.Set(std::forward<Ts>(args)...);
}

} // namespace ns3

#endif /* BSD_FRAMED_HELPER_H */
