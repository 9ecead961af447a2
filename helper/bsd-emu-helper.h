/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_EMU_HELPER_H
#define BSD_EMU_HELPER_H

#include "ns3/emu-fd-net-device-helper.h"

namespace ns3
{

/**
 * \ingroup bsdnet
 * \brief EmuFdNetDeviceHelper that works on Debian's ns-3: an FdNetDevice
 * on a real interface (or a veth end), for BsdKernel::AddInterface.
 *
 * ns-3's EmuFdNetDeviceHelper gets its packet socket from a helper
 * program at a path fixed when ns-3 was built; Debian's libns3 names a
 * build-tree path that does not exist (the program is installed as
 * /usr/libexec/ns3/ns3.37-raw-sock-creator, and not setuid).  This helper
 * opens the PF_PACKET socket itself, so the simulation needs root or
 * CAP_NET_RAW, as the helper program would.  Everything else (binding to
 * the interface, the promiscuous-mode check, the MTU) is ns-3's.
 *
 * The interface must be up and in promiscuous mode
 * (ip link set dev IF up promisc on), and the simulation must run under
 * ns3::RealtimeSimulatorImpl.
 *
 *   BsdEmuHelper emu;
 *   emu.SetDeviceName("veth0");
 *   NetDeviceContainer d = emu.Install(node);
 *   d.Get(0)->SetAddress(Mac48Address("02:00:00:00:00:01"));
 *   node->GetObject<BsdKernel>()->AddInterface(d.Get(0));
 */
class BsdEmuHelper : public EmuFdNetDeviceHelper
{
  protected:
    /**
     * \brief A PF_PACKET raw socket for every protocol; a fatal error
     * that says what is missing when it cannot be had.
     * \return the socket
     */
    int CreateFileDescriptor() const override;
};

} // namespace ns3

#endif /* BSD_EMU_HELPER_H */
