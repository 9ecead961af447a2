/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "bsd-kernel.h"

#include "bsd-framed-net-device.h"

#include "ns3/boolean.h"
#include "ns3/csma-net-device.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/mac48-address.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <cerrno>
#include <cstring>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("BsdKernel");

NS_OBJECT_ENSURE_REGISTERED(BsdKernel);

namespace
{

/// Attribute name, C knob name, help text.
struct KnobAttribute
{
    const char* attr;
    const char* knob;
    const char* help;
};

const KnobAttribute g_knobs[] = {
    {"CloneMark", "clonemark", "(1) flag on clones: 0, 8192 (RTF_CLONED), 131072 (RTF_WASCLONED)"},
    {"FlushClones", "flushclones", "(2) clones are removed with their parent: 0 or 1"},
    {"Overwrite",
     "overwrite",
     "(3) what a manual add replaces: 0 none, 1 clones, 2 clones and redirect routes, 3 clones "
     "and ARP entries, with no RTM_DELETE (FreeBSD)"},
    {"Aging", "aging", "(4) who ages clones: 0 rt_timer, 1 inactivity timer, 2 in_rmx"},
    {"PcbClone", "pcbclone", "(5) in_pcbconnect clones a host route: 0 or 1"},
    {"CloneApi", "cloneapi", "(6) cloning API: 0 rtalloc, 1 rtcalloc, 2 rtalloc_ign"},
    {"PrCloning", "prcloning", "net routes get RTF_PRCLONING (FreeBSD): 0 or 1"},
    {"PmtuAdd",
     "pmtuadd",
     "need-frag adds an RTF_DYNAMIC host route (NetBSD icmp_mtudisc) rather than only "
     "lowering the MTU of a host route that exists (FreeBSD ip_icmp.c): 0 or 1"},
    {"FlushMsg",
     "flushmsg",
     "each clone flushed with its parent is reported by an RTM_DELETE (NetBSD "
     "rtflushclone1), or leaves quietly (FreeBSD rt_fixdelete): 0 or 1"},
    {"ArpSa0314Fix",
     "arp_sa0314_fix",
     "arplookup frees a clone it cannot use (fix of FreeBSD-SA-03:14.arp): 0 or 1"},
    {"ArpRefresh", "arp_refresh", "arptimer re-asks for entries in use (NetBSD): 0 or 1"},
    {"ArpHrdCheck", "arp_hrdcheck", "ARP takes ar_hrd 1 or 6, 6 octets only (FreeBSD 4): 0 or 1"},
    {"RedirAccept", "rediraccept", "net.inet.icmp.rediraccept: 0 or 1"},
    {"RedirTimeout", "redirtimeout", "net.inet.icmp.redirtimeout, s (0: never)"},
    {"MtuDiscTimeout", "mtudisc_timeout", "path-MTU route lifetime, s"},
    {"RedirectHiwat", "redirect_hiwat", "high watermark on redirect routes (-1: off)"},
    {"RedirectLowat", "redirect_lowat", "low watermark on redirect routes (-1: off)"},
    {"MtuDiscHiwat", "mtudisc_hiwat", "high watermark on path-MTU routes (-1: off)"},
    {"MtuDiscLowat", "mtudisc_lowat", "low watermark on path-MTU routes (-1: off)"},
    {"WatermarkPolicy", "wm_policy", "past the high watermark: 0 refuse (KAME), 1 evict"},
    {"CloneIdle", "clone_idle", "BSD/OS inactivity timer for clones, s"},
    {"RtqReallyOld", "rtq_reallyold", "FreeBSD in_rmx: idle clone lifetime, s"},
    {"RtqMinReallyOld", "rtq_minreallyold", "FreeBSD in_rmx: floor of that lifetime, s"},
    {"RtqTooMany", "rtq_toomany", "FreeBSD in_rmx: survivors that trigger a cut"},
    {"RtqTimeout", "rtq_timeout", "FreeBSD in_rmx: seconds between cuts"},
    {"ArptPrune", "arpt_prune", "ARP sweep interval, s"},
    {"ArptKeep", "arpt_keep", "lifetime of a resolved ARP entry, s"},
    {"ArptDown", "arpt_down", "how long an unresolved entry is rejected, s"},
    {"ArptRefresh", "arpt_refresh", "re-ask this long before expiry, s"},
    {"ArpMaxTries", "arp_maxtries", "requests before RTF_REJECT"},
    {"ArpUseLoopback", "arp_useloopback", "own addresses through loopback: 0 or 1"},
    {"MemoryLimit", "mem_limit", "kernel memory for routes and ARP, bytes (0: unlimited)"},
};

/**
 * Maps one attribute onto a knob of the C core, validated there.  The
 * empty string, the default, means "the personality's value".
 */
class KnobAccessor : public AttributeAccessor
{
  public:
    explicit KnobAccessor(const char* knob)
        : m_knob(knob)
    {
    }

    bool Set(ObjectBase* object, const AttributeValue& value) const override
    {
        auto kernel = dynamic_cast<BsdKernel*>(object);
        auto str = dynamic_cast<const StringValue*>(&value);
        if (kernel == nullptr || str == nullptr)
        {
            return false;
        }
        if (str->Get().empty())
        {
            return true;
        }
        std::string why;
        int error = kernel->SetKnob(m_knob, str->Get(), &why);
        if (error != 0)
        {
            NS_FATAL_ERROR("BsdKernel: bad value \"" << str->Get() << "\" for " << m_knob
                                                     << ": allowed " << why);
        }
        return true;
    }

    bool Get(const ObjectBase* object, AttributeValue& value) const override
    {
        (void)object;
        auto str = dynamic_cast<StringValue*>(&value);
        if (str == nullptr)
        {
            return false;
        }
        str->Set("");
        return true;
    }

    bool HasGetter() const override
    {
        return true;
    }

    bool HasSetter() const override
    {
        return true;
    }

  private:
    std::string m_knob;
};

uint32_t
ToNet(Ipv4Address a)
{
    return bsd_htonl(a.Get());
}

} // namespace

TypeId
BsdKernel::GetTypeId()
{
    static TypeId tid = [] {
        TypeId t =
            TypeId("ns3::BsdKernel")
                .SetParent<Object>()
                .SetGroupName("Bsdnet")
                .AddConstructor<BsdKernel>()
                .AddAttribute("Personality",
                              "Which BSD: netbsd-1.5, bsdos-4, freebsd-4 or netbsd-2",
                              StringValue("netbsd-1.5"),
                              MakeStringAccessor(&BsdKernel::m_personality),
                              MakeStringChecker())
                .AddAttribute("IpForwarding",
                              "net.inet.ip.forwarding: act as a router",
                              BooleanValue(false),
                              MakeBooleanAccessor(&BsdKernel::m_forwarding),
                              MakeBooleanChecker())
                .AddAttribute("RtsockRcvBuf",
                              "Receive buffer (sb_hiwat, bytes) of the routing socket the "
                              "Rtsock trace reads: RAWRCVQ; messages that do not fit "
                              "between the reader's wakeups are dropped (0: no limit)",
                              UintegerValue(BSD_RAWRCVQ),
                              MakeUintegerAccessor(&BsdKernel::m_rtsockRcvBuf),
                              MakeUintegerChecker<uint32_t>())
                .AddAttribute("RtsockReaderHz",
                              "Wakeups a second of the Rtsock reader; each empties its "
                              "receive buffer",
                              UintegerValue(10),
                              MakeUintegerAccessor(&BsdKernel::m_rtsockReaderHz),
                              MakeUintegerChecker<uint32_t>(1, 1000000000))
                .AddTraceSource("RouteAdd",
                                "An entry entered the table (not by cloning)",
                                MakeTraceSourceAccessor(&BsdKernel::m_routeAdd),
                                "ns3::BsdKernel::RouteTracedCallback")
                .AddTraceSource("RouteClone",
                                "An entry was cloned from its parent",
                                MakeTraceSourceAccessor(&BsdKernel::m_routeClone),
                                "ns3::BsdKernel::RouteTracedCallback")
                .AddTraceSource("RouteDelete",
                                "An entry left the table",
                                MakeTraceSourceAccessor(&BsdKernel::m_routeDelete),
                                "ns3::BsdKernel::RouteTracedCallback")
                .AddTraceSource("Rtsock",
                                "A routing-socket message, in the kernel's order",
                                MakeTraceSourceAccessor(&BsdKernel::m_rtsock),
                                "ns3::BsdKernel::RtsockTracedCallback")
                .AddTraceSource("RtsockDrop",
                                "Rtsock messages lost to a full receive buffer, told when "
                                "the reader next reads",
                                MakeTraceSourceAccessor(&BsdKernel::m_rtsockDrop),
                                "ns3::BsdKernel::RtsockDropTracedCallback")
                .AddTraceSource("Drop",
                                "A packet was dropped, with the reason",
                                MakeTraceSourceAccessor(&BsdKernel::m_drop),
                                "ns3::BsdKernel::DropTracedCallback")
                .AddTraceSource("IcmpNotice",
                                "An ICMP echo reply or error for the host's applications",
                                MakeTraceSourceAccessor(&BsdKernel::m_icmp),
                                "ns3::BsdKernel::IcmpTracedCallback")
                .AddTraceSource("Arp",
                                "ARP request or reply sent, or an entry resolved",
                                MakeTraceSourceAccessor(&BsdKernel::m_arp),
                                "ns3::BsdKernel::ArpTracedCallback")
                .AddTraceSource("TableSize",
                                "Entries and memory after each change of the table",
                                MakeTraceSourceAccessor(&BsdKernel::m_tableSize),
                                "ns3::BsdKernel::TableSizeTracedCallback")
                .AddTraceSource("Log",
                                "A kernel log(9) line",
                                MakeTraceSourceAccessor(&BsdKernel::m_log),
                                "ns3::BsdKernel::DropTracedCallback");
        for (const auto& kn : g_knobs)
        {
            t.AddAttribute(kn.attr,
                           std::string(kn.help) + "; empty: the personality's value",
                           StringValue(""),
                           Ptr<const AttributeAccessor>(new KnobAccessor(kn.knob), false),
                           MakeStringChecker());
        }
        return t;
    }();
    return tid;
}

BsdKernel::BsdKernel()
    : m_k(nullptr),
      m_forwarding(false),
      m_rtsockRcvBuf(BSD_RAWRCVQ),
      m_rtsockReaderHz(10),
      m_disposed(false),
      m_timerAt(BSD_NEVER),
      m_drops(0)
{
    NS_LOG_FUNCTION(this);
    std::memset(&m_pers, 0, sizeof(m_pers));
}

BsdKernel::~BsdKernel()
{
    NS_LOG_FUNCTION(this);
}

void
BsdKernel::NotifyNewAggregate()
{
    if (!m_node)
    {
        Ptr<Node> node = GetObject<Node>();
        if (node)
        {
            m_node = node;
        }
    }
    Object::NotifyNewAggregate();
}

void
BsdKernel::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_timer.Cancel();
    m_disposed = true;
    if (m_k != nullptr)
    {
        bsd_kernel_destroy(m_k);
        m_k = nullptr;
    }
    m_devices.clear();
    m_ifnets.clear();
    m_framed.clear();
    m_byNodeIndex.clear();
    m_node = nullptr;
    Object::DoDispose();
}

void
BsdKernel::Boot()
{
    if (m_k != nullptr)
    {
        return;
    }
    // A disposed kernel booting again would leak, and schedule events.
    NS_ABORT_MSG_IF(m_disposed, "BsdKernel: used after Dispose");
    const struct bsd_personality* p = bsd_personality_find(m_personality.c_str());
    if (p == nullptr)
    {
        NS_FATAL_ERROR("BsdKernel: unknown Personality \""
                       << m_personality
                       << "\": allowed netbsd-1.5, bsdos-4, freebsd-4, netbsd-2");
    }
    m_pers = *p;
    for (const auto& kv : m_knobs)
    {
        const char* why = nullptr;
        if (bsd_personality_set(&m_pers, kv.first.c_str(), kv.second.c_str(), &why) != 0)
        {
            NS_FATAL_ERROR("BsdKernel: bad value \"" << kv.second << "\" for " << kv.first
                                                     << ": allowed " << (why ? why : "?"));
        }
    }
    struct bsd_hooks hooks;
    std::memset(&hooks, 0, sizeof(hooks));
    hooks.h_ctx = this;
    hooks.h_now = &BsdKernel::HookNow;
    hooks.h_deadline = &BsdKernel::HookDeadline;
    hooks.h_transmit = &BsdKernel::HookTransmit;
    hooks.h_trace = &BsdKernel::HookTrace;
    hooks.h_log = &BsdKernel::HookLog;
    m_k = bsd_kernel_create(&m_pers, &hooks);
    NS_ABORT_MSG_IF(m_k == nullptr, "BsdKernel: out of memory");
    m_k->k_ip.is_forwarding = m_forwarding ? 1 : 0;
    bsd_rtsock_subscribe(m_k, &BsdKernel::HookRtsock, this);
    // The Rtsock trace is a reader like route monitor: its socket's buffer
    // bounds what a flood of RTM_MISS costs the log.
    bsd_rtsock_setbuf(m_k,
                      &BsdKernel::HookRtsock,
                      this,
                      m_rtsockRcvBuf,
                      BSD_NSEC_PER_SEC / m_rtsockReaderHz,
                      &BsdKernel::HookRtsockDrop);
    bsd_icmp_set_upcall(m_k, &BsdKernel::HookIcmp, this);
    // The deadline hook may have fired during creation, before m_k was set.
    HookDeadline(this, bsd_callout_next(m_k));
}

int
BsdKernel::SetKnob(const std::string& name, const std::string& value, std::string* why)
{
    struct bsd_personality probe;
    const char* range = nullptr;
    const struct bsd_personality* base =
        m_k != nullptr ? &m_k->k_pers : bsd_personality_find("netbsd-1.5");
    probe = *base;
    int error = bsd_personality_set(&probe, name.c_str(), value.c_str(), &range);
    if (why != nullptr && range != nullptr)
    {
        *why = range;
    }
    if (error != 0)
    {
        return error;
    }
    if (m_k == nullptr)
    {
        m_knobs.emplace_back(name, value);
        return 0;
    }
    // A running kernel: the sysctl's side effects, where there are any.
    (void)bsd_personality_set(&m_k->k_pers, name.c_str(), value.c_str(), nullptr);
    if (name == "redirtimeout")
    {
        return bsd_rtdyn_set_redirtimeout(m_k, m_k->k_pers.p_tun.redirtimeout);
    }
    if (name == "mtudisc_timeout")
    {
        return bsd_rtdyn_set_mtudisc_timeout(m_k, m_k->k_pers.p_tun.mtudisc_timeout);
    }
    if (name == "mem_limit")
    {
        m_k->k_mem.mb_limit = m_k->k_pers.p_tun.mem_limit;
    }
    if (name == "clone_idle" && m_k->k_idleq != nullptr)
    {
        // BSD/OS's inactivity queue: its entries now age by the new time.
        bsd_rt_timer_queue_change(m_k, m_k->k_idleq, m_k->k_pers.p_tun.clone_idle);
    }
    return 0;
}

Ptr<BsdKernel>
BsdKernel::Of(Ptr<Node> node, const std::string& who)
{
    Ptr<BsdKernel> kernel = node->GetObject<BsdKernel>();
    if (!kernel)
    {
        NS_FATAL_ERROR(who << ": node " << node->GetId()
                           << " has no BsdKernel (install one with BsdStackHelper first)");
    }
    return kernel;
}

struct bsd_kernel*
BsdKernel::GetCore() const
{
    if (m_disposed)
    {
        return nullptr;
    }
    const_cast<BsdKernel*>(this)->Boot();
    return m_k;
}

uint32_t
BsdKernel::AddInterface(Ptr<NetDevice> device)
{
    NS_LOG_FUNCTION(this << device);
    Boot();
    uint8_t ll[BSD_LL_MAXADDRLEN];
    const struct bsd_media* md;
    uint32_t mdflags = 0;
    Ptr<BsdFramedNetDevice> framed = DynamicCast<BsdFramedNetDevice>(device);
    if (framed)
    {
        md = framed->GetMedia();
        mdflags = framed->GetMediaFlags();
        framed->GetLinkAddress(ll);
        framed->SetFrameReceiveCallback(MakeCallback(&BsdKernel::Receive, this));
    }
    else if (DynamicCast<CsmaNetDevice>(device) || IsFdNetDevice(device))
    {
        // Ethernet II on ns-3's own CSMA, or on a real interface or a tap
        // through an FdNetDevice: both take the header off on the way in
        // and write it on the way out.
        md = &bsd_media_ether;
        Mac48Address::ConvertFrom(device->GetAddress()).CopyTo(ll);
        m_node->RegisterProtocolHandler(MakeCallback(&BsdKernel::ReceiveEthernet, this),
                                        0,
                                        device,
                                        false);
    }
    else
    {
        NS_FATAL_ERROR("BsdKernel: a " << device->GetInstanceTypeId().GetName()
                                       << " is no medium bsdnet knows (CsmaNetDevice, "
                                          "FdNetDevice, FddiNetDevice, ArcnetNetDevice, "
                                          "Ax25NetDevice)");
    }
    std::string name = std::string(md->md_name) + std::to_string(m_devices.size());
    struct bsd_ifnet* ifp =
        bsd_if_attach_media(m_k, name.c_str(), md, ll, mdflags, BSD_IFF_UP | BSD_IFF_RUNNING);
    NS_ABORT_MSG_IF(ifp == nullptr, "BsdKernel: cannot attach " << name);
    if (!framed && device->GetMtu() < ifp->if_mtu)
    {
        // A real interface with a smaller MTU (ifconfig mtu): the device
        // drops any larger frame, so IP fragments to it.
        ifp->if_mtu = device->GetMtu();
    }
    ifp->if_softc = PeekPointer(device);
    m_devices.push_back(device);
    m_ifnets.push_back(ifp);
    m_framed.push_back(PeekPointer(framed));
    NS_ASSERT(ifp->if_index == m_devices.size());
    return ifp->if_index;
}

bool
BsdKernel::IsFdNetDevice(Ptr<NetDevice> device)
{
    // By TypeId, so that bsdnet needs ns-3's fd-net-device module only
    // when a script uses it (it exists on Linux alone).
    TypeId fd;
    if (!TypeId::LookupByNameFailSafe("ns3::FdNetDevice", &fd))
    {
        return false;
    }
    TypeId tid = device->GetInstanceTypeId();
    if (tid != fd && !tid.IsChildOf(fd))
    {
        return false;
    }
    // DIX (Ethernet II) and DIXPI (a tap with its packet-information
    // header) hand over Ethernet II frames; LLC would put 802.2 on the
    // wire, which BSD's ether_output does not write for IP.
    EnumValue mode;
    if (device->GetAttributeFailSafe("EncapsulationMode", mode) && mode.Get() == 1)
    {
        NS_FATAL_ERROR("BsdKernel: an FdNetDevice in EncapsulationMode Llc; bsdnet needs Dix "
                       "(the default) or DixPi");
    }
    return true;
}

uint32_t
BsdKernel::FindInterface(const Ptr<NetDevice>& device) const
{
    // Every frame asks: by the device's index on the node, checked, so
    // a device added to the node later (or to another) still works.
    uint32_t di = device->GetIfIndex();
    if (di < m_byNodeIndex.size())
    {
        uint32_t index = m_byNodeIndex[di];
        if (index != 0 && m_devices[index - 1] == device)
        {
            return index;
        }
    }
    uint32_t index = GetInterfaceIndex(device);
    if (index != 0)
    {
        auto self = const_cast<BsdKernel*>(this);
        if (di >= self->m_byNodeIndex.size())
        {
            self->m_byNodeIndex.resize(di + 1, 0);
        }
        self->m_byNodeIndex[di] = index;
    }
    return index;
}

uint32_t
BsdKernel::GetInterfaceIndex(Ptr<NetDevice> device) const
{
    for (size_t i = 0; i < m_devices.size(); i++)
    {
        if (m_devices[i] == device)
        {
            return m_ifnets[i]->if_index;
        }
    }
    return 0;
}

int
BsdKernel::AddAddress(uint32_t ifIndex, Ipv4Address address, Ipv4Mask mask)
{
    Boot();
    if (ifIndex == 0 || ifIndex > m_ifnets.size())
    {
        return ENXIO;
    }
    return bsd_in_ifaddr_add(m_k,
                             m_ifnets[ifIndex - 1],
                             ToNet(address),
                             mask.GetPrefixLength());
}

int
BsdKernel::RemoveAddress(uint32_t ifIndex, Ipv4Address address)
{
    Boot();
    if (ifIndex == 0 || ifIndex > m_ifnets.size())
    {
        return ENXIO;
    }
    return bsd_in_ifaddr_delete(m_k, m_ifnets[ifIndex - 1], ToNet(address));
}

int
BsdKernel::AddRoute(Ipv4Address network, Ipv4Mask mask, Ipv4Address gateway)
{
    Boot();
    struct bsd_sockaddr_in dst;
    struct bsd_sockaddr_in gw;
    struct bsd_sockaddr_in m;
    bsd_sin_init(&dst, ToNet(network));
    bsd_sin_init(&gw, ToNet(gateway));
    bsd_sin_mask(&m, mask.GetPrefixLength());
    uint32_t flags = BSD_RTF_GATEWAY | BSD_RTF_STATIC;
    if (mask.GetPrefixLength() == 32)
    {
        flags |= BSD_RTF_HOST;
    }
    return bsd_rtrequest(m_k,
                         BSD_RTM_ADD,
                         reinterpret_cast<struct bsd_sockaddr*>(&dst),
                         reinterpret_cast<struct bsd_sockaddr*>(&gw),
                         reinterpret_cast<struct bsd_sockaddr*>(&m),
                         flags,
                         nullptr);
}

int
BsdKernel::SetDefaultRoute(Ipv4Address gateway)
{
    return AddRoute(Ipv4Address::GetZero(), Ipv4Mask::GetZero(), gateway);
}

int
BsdKernel::AddArpEntry(Ipv4Address address,
                       const std::string& lladdr,
                       bool permanent,
                       bool publish)
{
    Boot();
    struct bsd_sockaddr_in sin;
    bsd_sin_init(&sin, ToNet(address));
    struct bsd_ifaddr* ifa =
        bsd_ifa_ifwithnet(m_k, reinterpret_cast<struct bsd_sockaddr*>(&sin));
    if (ifa == nullptr || ifa->ifa_ifp->if_media == nullptr)
    {
        return ENETUNREACH;
    }
    const struct bsd_media* md = ifa->ifa_ifp->if_media;
    uint8_t ll[BSD_LL_MAXADDRLEN];
    if (md->md_aton(lladdr.c_str(), ll) != 0)
    {
        return EINVAL;
    }
    return bsd_arp_set(m_k,
                       ToNet(address),
                       ll,
                       md->md_addrlen,
                       (permanent ? BSD_ATF_PERM : 0) | (publish ? BSD_ATF_PUBL : 0));
}

namespace
{
void
EmitLine(void* arg, const char* line)
{
    *static_cast<std::ostream*>(arg) << line << "\n";
}
} // namespace

void
BsdKernel::PrintRoutingTable(Ptr<OutputStreamWrapper> stream) const
{
    std::ostream* os = stream->GetStream();
    *os << "Node: " << (m_node ? m_node->GetId() : 0) << ", Time: " << Simulator::Now().As(Time::S)
        << ", BsdKernel " << m_personality << "\n";
    bsd_netstat_rn(GetCore(), &EmitLine, os);
    *os << "\n";
}

uint64_t
BsdKernel::GetRouteCount(enum bsd_rtkind kind) const
{
    return bsd_rt_count(GetCore(), kind);
}

uint64_t
BsdKernel::GetRouteTotal() const
{
    return bsd_rt_total(GetCore());
}

uint64_t
BsdKernel::GetMemoryUsed() const
{
    return GetCore()->k_mem.mb_used;
}

uint64_t
BsdKernel::GetDropCount() const
{
    return m_drops;
}

void
BsdKernel::RunTimers()
{
    m_timerAt = BSD_NEVER;
    bsd_kernel_timers(m_k);
}

void
BsdKernel::Receive(Ptr<NetDevice> device, Ptr<const Packet> frame)
{
    uint32_t index = m_k != nullptr ? FindInterface(device) : 0;
    if (index == 0)
    {
        return;
    }
    uint32_t len = frame->GetSize();
    m_rx.resize(len);
    frame->CopyData(m_rx.data(), len);
    bsd_if_input(m_k, m_ifnets[index - 1], m_rx.data(), len);
}

void
BsdKernel::ReceiveEthernet(Ptr<NetDevice> device,
                           Ptr<const Packet> packet,
                           uint16_t protocol,
                           const Address& from,
                           const Address& to,
                           NetDevice::PacketType type)
{
    uint32_t index = m_k != nullptr ? FindInterface(device) : 0;
    if (index == 0)
    {
        return;
    }
    // CsmaNetDevice and FdNetDevice took the Ethernet header off; put it
    // back for the core.
    uint32_t len = packet->GetSize();
    m_rx.resize(14 + len);
    uint8_t addr[Address::MAX_SIZE];
    if (type == NetDevice::PACKET_BROADCAST || type == NetDevice::PACKET_MULTICAST ||
        to.CopyTo(addr) != 6)
    {
        std::memset(addr, 0xff, 6);
    }
    std::memcpy(m_rx.data(), addr, 6);
    if (from.CopyTo(addr) != 6)
    {
        std::memset(addr, 0, 6);
    }
    std::memcpy(m_rx.data() + 6, addr, 6);
    m_rx[12] = protocol >> 8;
    m_rx[13] = protocol & 0xff;
    packet->CopyData(m_rx.data() + 14, len);
    bsd_if_input(m_k, m_ifnets[index - 1], m_rx.data(), 14 + len);
}

int64_t
BsdKernel::HookNow(void* ctx)
{
    (void)ctx;
    return Simulator::Now().GetNanoSeconds();
}

void
BsdKernel::HookDeadline(void* ctx, int64_t when)
{
    auto self = static_cast<BsdKernel*>(ctx);
    // One event per kernel, moved to the earliest deadline.
    if (when == self->m_timerAt && self->m_timer.IsRunning())
    {
        return;
    }
    self->m_timer.Cancel();
    self->m_timerAt = when;
    if (when == BSD_NEVER || self->m_k == nullptr)
    {
        return;
    }
    // Deadlines move while this node's events run, so the context is its.
    int64_t delay = when - Simulator::Now().GetNanoSeconds();
    self->m_timer =
        Simulator::Schedule(NanoSeconds(delay > 0 ? delay : 0), &BsdKernel::RunTimers, self);
}

void
BsdKernel::HookTransmit(void* ctx, struct bsd_ifnet* ifp, const uint8_t* frame, size_t len)
{
    auto self = static_cast<BsdKernel*>(ctx);
    uint32_t i = ifp->if_index - 1;
    BsdFramedNetDevice* framed = self->m_framed[i];
    if (framed != nullptr)
    {
        framed->SendFrame(Create<Packet>(frame, len));
        return;
    }
    // Ethernet on a CsmaNetDevice or an FdNetDevice: it writes the header.
    if (len < 14)
    {
        return;
    }
    Mac48Address dst;
    dst.CopyFrom(frame);
    uint16_t type = static_cast<uint16_t>(frame[12] << 8 | frame[13]);
    self->m_devices[i]->Send(Create<Packet>(frame + 14, len - 14), dst, type);
}

void
BsdKernel::HookTrace(void* ctx, const struct bsd_trace* tr)
{
    auto self = static_cast<BsdKernel*>(ctx);
    const struct bsd_rtentry* rt = tr->tr_rt;
    switch (tr->tr_type)
    {
    case BSD_TR_RTADD:
    case BSD_TR_RTCLONE:
    case BSD_TR_RTDELETE: {
        Ipv4Address dst(bsd_ntohl(rt->rt_dst.sin_addr));
        if (tr->tr_type == BSD_TR_RTADD)
        {
            self->m_routeAdd(dst, rt->rt_plen, rt->rt_flags);
        }
        else if (tr->tr_type == BSD_TR_RTCLONE)
        {
            self->m_routeClone(dst, rt->rt_plen, rt->rt_flags);
        }
        else
        {
            self->m_routeDelete(dst, rt->rt_plen, rt->rt_flags);
        }
        if (self->m_k != nullptr)
        {
            self->m_tableSize(bsd_rt_total(self->m_k), self->m_k->k_mem.mb_used);
        }
        break;
    }
    case BSD_TR_ENOBUFS:
        self->m_drops++;
        self->m_drop("enobufs");
        break;
    case BSD_TR_DROP:
        self->m_drops++;
        self->m_drop(bsd_drop_name(tr->tr_arg));
        break;
    case BSD_TR_ARPREQUEST:
        self->m_arp("request");
        break;
    case BSD_TR_ARPREPLY:
        self->m_arp("reply");
        break;
    case BSD_TR_ARPRESOLVED:
        self->m_arp("resolved");
        break;
    default:
        break;
    }
}

void
BsdKernel::HookLog(void* ctx, int pri, const char* msg)
{
    auto self = static_cast<BsdKernel*>(ctx);
    NS_LOG_INFO("node " << (self->m_node ? self->m_node->GetId() : 0) << " log " << pri << ": "
                        << msg);
    self->m_log(msg);
}

void
BsdKernel::HookRtsock(void* arg, const struct bsd_rt_msg* msg)
{
    auto self = static_cast<BsdKernel*>(arg);
    // Every clone sends a message: format it only when someone listens.
    if (self->m_rtsock.IsEmpty())
    {
        return;
    }
    char buf[512];
    self->m_rtsock(msg, std::string(bsd_rtsock_format(msg, buf, sizeof(buf))));
}

void
BsdKernel::HookRtsockDrop(void* arg, uint64_t count)
{
    static_cast<BsdKernel*>(arg)->m_rtsockDrop(count);
}

uint64_t
BsdKernel::GetRtsockDrops() const
{
    return m_k != nullptr ? bsd_rtsock_drops(m_k) : 0;
}

void
BsdKernel::FlushRtsock()
{
    if (m_k != nullptr)
    {
        bsd_rtsock_flush(m_k);
    }
}

void
BsdKernel::HookIcmp(void* arg, const struct bsd_icmp_notice* notice)
{
    static_cast<BsdKernel*>(arg)->m_icmp(notice);
}

} // namespace ns3
