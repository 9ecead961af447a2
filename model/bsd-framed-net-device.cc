/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "bsd-framed-net-device.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(BsdFramedNetDevice);

TypeId
BsdFramedNetDevice::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::BsdFramedNetDevice").SetParent<NetDevice>().SetGroupName("Bsdnet");
    return tid;
}

uint32_t
BsdFramedNetDevice::GetMediaFlags() const
{
    return 0;
}

} // namespace ns3
