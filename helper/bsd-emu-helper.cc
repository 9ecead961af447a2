/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "bsd-emu-helper.h"

#include "ns3/fatal-error.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <net/ethernet.h>
#include <sys/socket.h>

namespace ns3
{

int
BsdEmuHelper::CreateFileDescriptor() const
{
    int fd = socket(PF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
    if (fd < 0)
    {
        int error = errno;
        NS_FATAL_ERROR("BsdEmuHelper: cannot open a packet socket ("
                       << std::strerror(error)
                       << "): run as root, or give the program CAP_NET_RAW "
                          "(setcap cap_net_raw,cap_net_admin+ep PROGRAM)");
    }
    return fd;
}

} // namespace ns3
