/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ax25-channel.h"

#include "ax25-net-device.h"

#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ax25Channel");

NS_OBJECT_ENSURE_REGISTERED(Ax25Channel);

TypeId
Ax25Channel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::Ax25Channel")
            .SetParent<Channel>()
            .SetGroupName("Bsdnet")
            .AddConstructor<Ax25Channel>()
            .AddAttribute("DataRate",
                          "The bit rate of the radio channel (1200bps AFSK, 9600bps G3RUH, ...).",
                          DataRateValue(DataRate("1200bps")),
                          MakeDataRateAccessor(&Ax25Channel::m_bps),
                          MakeDataRateChecker())
            .AddAttribute("PropagationDelay",
                          "Time for a signal to reach every other station.",
                          TimeValue(MicroSeconds(10)),
                          MakeTimeAccessor(&Ax25Channel::m_delay),
                          MakeTimeChecker(Seconds(0)));
    return tid;
}

Ax25Channel::Ax25Channel()
    : Channel(),
      m_nextTxId(0)
{
    NS_LOG_FUNCTION(this);
}

Ax25Channel::~Ax25Channel()
{
    NS_LOG_FUNCTION(this);
}

void
Ax25Channel::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_devices.clear();
    Channel::DoDispose();
}

uint32_t
Ax25Channel::Attach(Ptr<Ax25NetDevice> device)
{
    NS_LOG_FUNCTION(this << device);
    NS_ABORT_MSG_IF(!device, "Ax25Channel::Attach: no device");
    m_devices.push_back(device);
    return static_cast<uint32_t>(m_devices.size() - 1);
}

void
Ax25Channel::TransmitStart(Ptr<Ax25NetDevice> sender, Ptr<const Packet> frame, Time duration)
{
    NS_LOG_FUNCTION(this << sender << frame << duration);
    uint64_t id = m_nextTxId++;
    Time end = Simulator::Now() + m_delay + duration;
    for (const auto& dev : m_devices)
    {
        if (dev == sender)
        {
            continue;
        }
        Ptr<Node> node = dev->GetNode();
        uint32_t ctx = node ? node->GetId() : Simulator::NO_CONTEXT;
        Simulator::ScheduleWithContext(ctx,
                                       m_delay,
                                       &Ax25NetDevice::CarrierStart,
                                       dev,
                                       id,
                                       frame->Copy(),
                                       end);
        Simulator::ScheduleWithContext(ctx,
                                       m_delay + duration,
                                       &Ax25NetDevice::CarrierEnd,
                                       dev,
                                       id);
    }
}

Time
Ax25Channel::GetOctetTime(uint32_t octets) const
{
    return m_bps.CalculateBytesTxTime(octets);
}

DataRate
Ax25Channel::GetDataRate() const
{
    return m_bps;
}

Time
Ax25Channel::GetPropagationDelay() const
{
    return m_delay;
}

uint64_t
Ax25Channel::GetTransmissions() const
{
    return m_nextTxId;
}

std::size_t
Ax25Channel::GetNDevices() const
{
    return m_devices.size();
}

Ptr<NetDevice>
Ax25Channel::GetDevice(std::size_t i) const
{
    NS_ABORT_MSG_IF(i >= m_devices.size(), "Ax25Channel::GetDevice: no device " << i);
    return m_devices[i];
}

} // namespace ns3
