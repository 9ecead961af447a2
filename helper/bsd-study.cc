/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "bsd-study.h"

#include "bsd-app-helper.h"
#include "bsd-stack-helper.h"
#include "bsd_personality.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/bsd-kernel.h"
#include "ns3/bsd-udp-sink.h"
#include "ns3/bsd-udp-source.h"
#include "ns3/command-line.h"
#include "ns3/config.h"
#include "ns3/global-value.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_statistics_double.h>
#include <iostream>
#include <iterator>
#include <sstream>
#include <sys/stat.h>

namespace ns3
{

namespace
{

/// Shortest text that reads back as the same double.
std::string
Number(double v)
{
    if (std::isnan(v) || std::isinf(v))
    {
        return "null";
    }
    if (v == std::floor(v) && std::fabs(v) < 1e15)
    {
        return std::to_string(static_cast<long long>(v));
    }
    char buf[32];
    std::snprintf(buf, sizeof(buf), "%.6g", v);
    return buf;
}

/// mkdir -p.
bool
MakeDirs(const std::string& path)
{
    std::string sofar;
    std::istringstream in(path);
    std::string part;
    if (!path.empty() && path[0] == '/')
    {
        sofar = "/";
    }
    while (std::getline(in, part, '/'))
    {
        if (part.empty())
        {
            continue;
        }
        sofar += part + "/";
        if (mkdir(sofar.c_str(), 0777) != 0 && errno != EEXIST)
        {
            return false;
        }
    }
    struct stat st;
    return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

} // namespace

BsdStudy::BsdStudy(const std::string& name, const std::string& usage)
    : m_name(name),
      m_usage(usage),
      m_outdir("results/" + name),
      m_pcap(false),
      m_rtsock(true),
      m_rtsockHz(10),
      m_peakTotal(0),
      m_peakMem(0),
      m_peakKind{},
      m_personality(nullptr),
      m_legitStart(nullptr),
      m_duration(nullptr),
      m_exhaustedAt(-1),
      m_enobufs(0)
{
    std::fill(std::begin(m_trough), std::end(m_trough), NAN);
}

void
BsdStudy::AddFlag(const std::string& name,
                  const std::string& help,
                  std::string* value,
                  const std::vector<std::string>& allowed)
{
    Flag f{};
    f.name = name;
    f.help = help;
    f.text = *value;
    f.type = Flag::WORD;
    f.word = value;
    f.allowed = allowed;
    m_flags.push_back(f);
}

void
BsdStudy::AddFlag(const std::string& name,
                  const std::string& help,
                  int64_t* value,
                  int64_t min,
                  int64_t max)
{
    Flag f{};
    f.name = name;
    f.help = help;
    f.text = std::to_string(*value);
    f.type = Flag::INT;
    f.integer = value;
    f.min = static_cast<double>(min);
    f.max = static_cast<double>(max);
    m_flags.push_back(f);
}

void
BsdStudy::AddFlag(const std::string& name,
                  const std::string& help,
                  double* value,
                  double min,
                  double max)
{
    Flag f{};
    f.name = name;
    f.help = help;
    f.text = Number(*value);
    f.type = Flag::REAL;
    f.real = value;
    f.min = min;
    f.max = max;
    m_flags.push_back(f);
}

void
BsdStudy::AddFlag(const std::string& name, const std::string& help, bool* value)
{
    Flag f{};
    f.name = name;
    f.help = help;
    f.text = *value ? "true" : "false";
    f.type = Flag::BOOL;
    f.boolean = value;
    m_flags.push_back(f);
}

void
BsdStudy::AddPersonalityFlag(const std::string& help, std::string* value)
{
    std::vector<std::string> names;
    for (unsigned i = 0; i < bsd_personality_count(); i++)
    {
        names.emplace_back(bsd_personality_at(i)->p_name);
    }
    AddFlag("personality", help, value, names);
    m_personality = value;
}

void
BsdStudy::AddBudgetFlag(int64_t* value)
{
    AddFlag("budget",
            "kernel memory for routes and ARP, bytes (0: unlimited)",
            value,
            0,
            int64_t(1) << 40);
}

void
BsdStudy::AddLegitStartFlag(double* value, const double* duration)
{
    AddFlag("legit-start",
            "when the legitimate flow starts, s (-1: half the duration)",
            value,
            -1,
            86400);
    m_legitStart = value;
    m_duration = duration;
}

std::string
BsdStudy::Allowed(const Flag& f) const
{
    std::ostringstream os;
    switch (f.type)
    {
    case Flag::WORD:
        for (size_t i = 0; i < f.allowed.size(); i++)
        {
            os << (i ? ", " : "") << f.allowed[i];
        }
        break;
    case Flag::INT:
        os << "an integer from " << Number(f.min) << " to " << Number(f.max);
        break;
    case Flag::REAL:
        os << "a number from " << Number(f.min) << " to " << Number(f.max);
        break;
    case Flag::BOOL:
        os << "true or false";
        break;
    }
    return os.str();
}

void
BsdStudy::Bad(const Flag& f) const
{
    std::cerr << m_name << ": bad value \"" << f.text << "\" for --" << f.name << ": allowed "
              << Allowed(f) << std::endl;
    std::exit(2);
}

void
BsdStudy::Require(bool ok, const std::string& flag, const std::string& allowed) const
{
    if (ok)
    {
        return;
    }
    for (const Flag& f : m_flags)
    {
        if (f.name == flag)
        {
            std::cerr << m_name << ": bad value \"" << f.text << "\" for --" << flag << ": allowed "
                      << allowed << std::endl;
            std::exit(2);
        }
    }
    std::cerr << m_name << ": bad value for --" << flag << ": allowed " << allowed << std::endl;
    std::exit(2);
}

void
BsdStudy::Convert(Flag& f) const
{
    const char* s = f.text.c_str();
    char* end = nullptr;
    switch (f.type)
    {
    case Flag::WORD:
        if (std::find(f.allowed.begin(), f.allowed.end(), f.text) == f.allowed.end())
        {
            Bad(f);
        }
        *f.word = f.text;
        break;
    case Flag::INT: {
        errno = 0;
        long long v = std::strtoll(s, &end, 10);
        if (*s == '\0' || *end != '\0' || errno != 0 || static_cast<double>(v) < f.min ||
            static_cast<double>(v) > f.max)
        {
            Bad(f);
        }
        *f.integer = v;
        break;
    }
    case Flag::REAL: {
        double v = std::strtod(s, &end);
        if (*s == '\0' || *end != '\0' || !(v >= f.min && v <= f.max))
        {
            Bad(f);
        }
        *f.real = v;
        break;
    }
    case Flag::BOOL:
        if (f.text == "true" || f.text == "1" || f.text == "yes")
        {
            *f.boolean = true;
        }
        else if (f.text == "false" || f.text == "0" || f.text == "no")
        {
            *f.boolean = false;
        }
        else
        {
            Bad(f);
        }
        break;
    }
}

void
BsdStudy::Parse(int argc, char* argv[])
{
    AddFlag("outdir", "directory for the run's outputs (created)", &m_outdir, {});
    AddFlag("pcap", "write a pcap per device into --outdir", &m_pcap);
    AddFlag("rtsock", "write the routing-socket log rtsock.log", &m_rtsock);
    AddFlag("rtsock-hz",
            "wakeups a second of the routing-socket reader (its 8192-byte buffer "
            "is emptied at each; what does not fit is dropped)",
            &m_rtsockHz,
            1,
            1000000);

    CommandLine cmd(m_name);
    cmd.Usage(m_usage + "\nOutputs in --outdir: table.csv, netstat.txt, rtsock.log, "
                        "summary.json (also the last line printed).");
    for (Flag& f : m_flags)
    {
        std::string help = f.help;
        if (f.type != Flag::WORD || !f.allowed.empty())
        {
            help += " [" + Allowed(f) + "]";
        }
        cmd.AddValue(f.name, help, f.text);
    }
    // A bare boolean flag (--pcap) means true, as ns-3 has it.
    std::vector<std::string> args(argv, argv + argc);
    for (std::string& a : args)
    {
        for (const Flag& f : m_flags)
        {
            if (f.type == Flag::BOOL && a == "--" + f.name)
            {
                a += "=true";
            }
        }
    }
    cmd.Parse(args);
    for (Flag& f : m_flags)
    {
        if (f.type == Flag::WORD && f.allowed.empty())
        {
            *f.word = f.text; // free text (outdir)
        }
        else
        {
            Convert(f);
        }
    }
    Config::SetDefault("ns3::BsdKernel::RtsockReaderHz",
                       UintegerValue(static_cast<uint32_t>(m_rtsockHz)));
    if (m_outdir.empty() || !MakeDirs(m_outdir))
    {
        std::cerr << m_name << ": bad value \"" << m_outdir
                  << "\" for --outdir: allowed a directory that can be created" << std::endl;
        std::exit(2);
    }
    if (m_legitStart != nullptr)
    {
        if (*m_legitStart < 0)
        {
            *m_legitStart = *m_duration / 2;
        }
        Require(*m_legitStart < *m_duration - 1,
                "legit-start",
                "-1 or less than --duration minus 1");
    }
}

void
BsdStudy::InstallStacks(const NodeContainer& nodes, Ptr<Node> studied, Ptr<Node> router) const
{
    NS_ABORT_MSG_IF(m_personality == nullptr,
                    m_name << ": InstallStacks needs AddPersonalityFlag first");
    for (uint32_t i = 0; i < nodes.GetN(); i++)
    {
        Ptr<Node> n = nodes.Get(i);
        BsdStackHelper stack;
        stack.SetPersonality(n == studied ? *m_personality : "netbsd-2");
        stack.SetAttribute("IpForwarding", BooleanValue(n == router));
        stack.Install(n);
    }
}

void
BsdStudy::ApplyKnob(Ptr<Node> node,
                    const std::string& flag,
                    const std::string& knob,
                    int64_t value) const
{
    if (value == -1)
    {
        return;
    }
    std::string why;
    int error = node->GetObject<BsdKernel>()->SetKnob(knob, std::to_string(value), &why);
    Require(error == 0, flag, why.empty() ? "-1 or a value the kernel accepts" : why);
}

std::string
BsdStudy::GetOutdir() const
{
    return m_outdir;
}

bool
BsdStudy::GetPcap() const
{
    return m_pcap;
}

std::string
BsdStudy::GetPcapPrefix() const
{
    return m_outdir + "/" + m_name;
}

void
BsdStudy::Watch(Ptr<Node> node, Time stop)
{
    Ptr<BsdKernel> kernel = BsdKernel::Of(node, m_name);
    m_node = node;
    m_kernel = kernel;
    m_stop = stop;
    kernel->TraceConnectWithoutContext("TableSize", MakeCallback(&BsdStudy::OnTableSize, this));
    kernel->TraceConnectWithoutContext("Drop", MakeCallback(&BsdStudy::OnDrop, this));
    Simulator::Schedule(Seconds(0), &BsdStudy::Sample, this);
}

void
BsdStudy::OnTableSize(uint64_t total, uint64_t memory)
{
    m_peakTotal = std::max(m_peakTotal, total);
    m_peakMem = std::max(m_peakMem, memory);
    for (int kind = 0; kind < BSD_RTK_NKINDS; kind++)
    {
        m_peakKind[kind] =
            std::max(m_peakKind[kind], m_kernel->GetRouteCount(static_cast<enum bsd_rtkind>(kind)));
    }
    // The troughs count from the watermarks' first eviction on.
    struct bsd_kernel* core = m_kernel->GetCore();
    if (core == nullptr || core->k_rtdyn.rd_evicted == 0)
    {
        return;
    }
    for (int kind = 0; kind < BSD_RTK_NKINDS; kind++)
    {
        auto n = static_cast<double>(m_kernel->GetRouteCount(static_cast<enum bsd_rtkind>(kind)));
        if (std::isnan(m_trough[kind]) || n < m_trough[kind])
        {
            m_trough[kind] = n;
        }
    }
}

double
BsdStudy::GetEvictionTrough(int kind) const
{
    NS_ABORT_MSG_IF(kind < 0 || kind >= BSD_RTK_NKINDS, m_name << ": no route kind " << kind);
    return m_trough[kind];
}

namespace
{

/// bsd_rt_walk callback: count routes of a kind on no timer queue.
struct UntimedCount
{
    int kind;   //!< the BSD_RTK_* kind counted
    uint64_t n; //!< how many so far
};

int
CountUntimedRoute(struct bsd_rtentry* rt, void* arg)
{
    auto c = static_cast<UntimedCount*>(arg);
    if (rt->rt_kind == c->kind && BSD_LIST_EMPTY(&rt->rt_timer))
    {
        c->n++;
    }
    return 0;
}

} // namespace

uint64_t
BsdStudy::CountUntimed(int kind) const
{
    NS_ABORT_MSG_IF(m_kernel == nullptr, m_name << ": CountUntimed needs Watch first");
    UntimedCount c{kind, 0};
    bsd_rt_walk(m_kernel->GetCore(), &CountUntimedRoute, &c);
    return c.n;
}

void
BsdStudy::OnDrop(const std::string& reason)
{
    if (reason == "enobufs")
    {
        m_enobufs++;
        if (m_exhaustedAt < 0)
        {
            m_exhaustedAt = Simulator::Now().GetSeconds();
        }
    }
}

void
BsdStudy::Sample()
{
    Ptr<BsdKernel> kernel = m_kernel;
    m_t.push_back(Simulator::Now().GetSeconds());
    m_total.push_back(static_cast<double>(kernel->GetRouteTotal()));
    OnTableSize(kernel->GetRouteTotal(), kernel->GetMemoryUsed());
    if (Simulator::Now() + Seconds(1) <= m_stop)
    {
        Simulator::Schedule(Seconds(1), &BsdStudy::Sample, this);
    }
}

void
BsdStudy::EnableOutputs(NodeContainer nodes, Time stop)
{
    Ptr<OutputStreamWrapper> csv =
        Create<OutputStreamWrapper>(m_outdir + "/table.csv", std::ios::out);
    BsdStackHelper::EnableTableCsv(nodes, csv, Seconds(1), stop);
    if (m_rtsock)
    {
        Ptr<OutputStreamWrapper> log =
            Create<OutputStreamWrapper>(m_outdir + "/rtsock.log", std::ios::out);
        BsdStackHelper::EnableRtsockLog(nodes, log);
    }
    m_logged = nodes;
}

void
BsdStudy::NetstatAt(Time when, Ptr<Node> node, const std::string& label)
{
    if (!m_netstat)
    {
        m_netstat = Create<OutputStreamWrapper>(m_outdir + "/netstat.txt", std::ios::out);
    }
    Simulator::Schedule(when, &BsdStudy::PrintNetstat, this, node, label);
}

void
BsdStudy::PrintNetstat(Ptr<Node> node, std::string label)
{
    std::ostream& os = *m_netstat->GetStream();
    os << "# " << m_name << " t=" << Number(Simulator::Now().GetSeconds()) << "s node "
       << node->GetId() << " (" << label << ")\n";
    node->GetObject<BsdKernel>()->PrintRoutingTable(m_netstat);
    os << "\n";
    os.flush();
}

void
BsdStudy::AddLegitimateFlow(Ptr<Node> from,
                            Ptr<Node> to,
                            Ipv4Address dst,
                            Time start,
                            Time stop,
                            uint16_t port)
{
    BsdAppHelper sink("ns3::BsdUdpSink");
    sink.SetAttribute("Port", UintegerValue(port));
    ApplicationContainer sinkApp = sink.Install(to);
    BsdAppHelper source("ns3::BsdUdpSource");
    source.SetAttribute("Prefix", Ipv4AddressValue(dst));
    source.SetAttribute("PrefixLength", UintegerValue(32));
    source.SetAttribute("Destinations", UintegerValue(1));
    source.SetAttribute("Port", UintegerValue(port));
    source.SetAttribute("Interval", TimeValue(MilliSeconds(100)));
    source.SetAttribute("PacketSize", UintegerValue(64));
    source.SetAttribute("MaxPackets", UintegerValue(0xffffffffu));
    ApplicationContainer sourceApp = source.Install(from);
    sourceApp.Start(start);
    sourceApp.Stop(stop);
    AddLegitimateFlow(DynamicCast<BsdUdpSource>(sourceApp.Get(0)),
                      DynamicCast<BsdUdpSink>(sinkApp.Get(0)));
}

void
BsdStudy::AddLegitimateFlow(Ptr<BsdUdpSource> source, Ptr<BsdUdpSink> sink)
{
    NS_ABORT_MSG_IF(!source || !sink, m_name << ": a legitimate flow needs a source and a sink");
    m_legit.emplace_back(source, sink);
}

void
BsdStudy::AddResult(const std::string& key, double value)
{
    m_results.emplace_back(key, Number(value));
}

void
BsdStudy::AddResult(const std::string& key, const std::string& value)
{
    m_results.emplace_back(key, JsonString(value));
}

std::string
BsdStudy::JsonString(const std::string& s)
{
    std::string out = "\"";
    for (unsigned char c : s)
    {
        if (c == '"' || c == '\\')
        {
            out += '\\';
            out += static_cast<char>(c);
        }
        else if (c < 0x20)
        {
            char buf[8];
            std::snprintf(buf, sizeof(buf), "\\u%04x", c);
            out += buf;
        }
        else
        {
            out += static_cast<char>(c);
        }
    }
    return out + "\"";
}

std::string
BsdStudy::JsonValue(const Flag& f) const
{
    switch (f.type)
    {
    case Flag::INT:
        return std::to_string(*f.integer);
    case Flag::REAL:
        return Number(*f.real);
    case Flag::BOOL:
        return *f.boolean ? "true" : "false";
    case Flag::WORD:
    default:
        return JsonString(*f.word);
    }
}

BsdStudy::SeriesStats
BsdStudy::ComputeStats(const std::vector<double>& t, const std::vector<double>& y)
{
    SeriesStats s{};
    size_t n = std::min(t.size(), y.size());
    if (n == 0)
    {
        s.peak = s.mean = s.p95 = s.growthRate = s.growthR2 = NAN;
        return s;
    }
    // The samples are a step function: each holds until the next one;
    // the last is given the median step so that it counts too.
    std::vector<double> w(n, 1.0);
    for (size_t i = 0; i + 1 < n; i++)
    {
        w[i] = t[i + 1] - t[i];
    }
    if (n > 1)
    {
        w[n - 1] = w[n - 2];
    }
    s.peak = gsl_stats_max(y.data(), 1, n);
    s.mean = gsl_stats_wmean(w.data(), 1, y.data(), 1, n);
    // Time-weighted 95th percentile: the value the table stays at or
    // below for 95% of the time.
    std::vector<size_t> order(n);
    for (size_t i = 0; i < n; i++)
    {
        order[i] = i;
    }
    std::stable_sort(order.begin(), order.end(), [&y](size_t a, size_t b) { return y[a] < y[b]; });
    double total = 0;
    for (double x : w)
    {
        total += x;
    }
    double acc = 0;
    s.p95 = y[order[n - 1]];
    for (size_t i : order)
    {
        acc += w[i];
        if (acc >= 0.95 * total)
        {
            s.p95 = y[i];
            break;
        }
    }
    // Growth phase: from the last sample at the starting level to the
    // first sample at the peak.
    size_t first = 0;
    while (first + 1 < n && y[first + 1] <= y[0])
    {
        first++;
    }
    size_t last = first;
    while (last < n && y[last] < s.peak)
    {
        last++;
    }
    if (last >= n)
    {
        last = n - 1;
    }
    if (last > first + 1 || (last == first + 1 && t[last] > t[first]))
    {
        size_t m = last - first + 1;
        double c0;
        double c1;
        double cov00;
        double cov01;
        double cov11;
        double sumsq;
        gsl_fit_linear(&t[first], 1, &y[first], 1, m, &c0, &c1, &cov00, &cov01, &cov11, &sumsq);
        s.growthRate = c1;
        double var = gsl_stats_variance(&y[first], 1, m) * static_cast<double>(m - 1);
        s.growthR2 = var > 0 ? 1.0 - sumsq / var : 1.0;
    }
    else
    {
        s.growthRate = 0;
        s.growthR2 = NAN;
    }
    return s;
}

void
BsdStudy::Finish()
{
    NS_ABORT_MSG_IF(!m_node, m_name << ": Finish() without Watch()");
    // The log's last drop line: what the readers lost since they last read.
    for (auto i = m_logged.Begin(); i != m_logged.End(); ++i)
    {
        (*i)->GetObject<BsdKernel>()->FlushRtsock();
    }
    SeriesStats st = ComputeStats(m_t, m_total);
    std::ostringstream js;
    js << "{\"example\":" << JsonString(m_name);
    for (const Flag& f : m_flags)
    {
        js << "," << JsonString(f.name) << ":" << JsonValue(f);
    }
    UintegerValue run;
    GlobalValue::GetValueByName("RngRun", run);
    js << ",\"RngRun\":" << run.Get();
    Ptr<BsdKernel> kernel = m_kernel;
    if (std::none_of(m_flags.begin(), m_flags.end(), [](const Flag& f) {
            return f.name == "personality";
        }))
    {
        StringValue personality;
        kernel->GetAttribute("Personality", personality);
        js << ",\"personality\":" << JsonString(personality.Get());
    }
    js << ",\"peak_routes\":" << m_peakTotal;
    js << ",\"peak_cloned\":" << m_peakKind[BSD_RTK_CLONED];
    js << ",\"peak_arp\":" << m_peakKind[BSD_RTK_ARP];
    js << ",\"peak_redirect\":" << m_peakKind[BSD_RTK_REDIRECT];
    js << ",\"peak_pmtu\":" << m_peakKind[BSD_RTK_PMTU];
    js << ",\"peak_mem_bytes\":" << m_peakMem;
    js << ",\"final_routes\":" << kernel->GetRouteTotal();
    js << ",\"enobufs\":" << m_enobufs;
    js << ",\"rts_drops\":" << kernel->GetRtsockDrops();
    js << ",\"time_to_exhaustion_s\":" << (m_exhaustedAt < 0 ? "null" : Number(m_exhaustedAt));
    js << ",\"mean_routes\":" << Number(st.mean);
    js << ",\"p95_routes\":" << Number(st.p95);
    js << ",\"growth_rate\":" << Number(st.growthRate);
    js << ",\"growth_r2\":" << Number(st.growthR2);
    uint64_t sent = 0;
    uint64_t got = 0;
    uint64_t stamped = 0;
    double delaySum = 0;
    for (const auto& flow : m_legit)
    {
        sent += flow.first->GetSent() + flow.first->GetErrors();
        got += flow.second->GetReceived();
        stamped += flow.second->GetTimestamped();
        delaySum += flow.second->GetMeanDelay().GetSeconds() * 1e3 *
                    static_cast<double>(flow.second->GetTimestamped());
    }
    js << ",\"legit_sent\":" << sent;
    js << ",\"legit_lost\":" << (sent > got ? sent - got : 0);
    js << ",\"legit_delay_ms\":"
       << (stamped > 0 ? Number(delaySum / static_cast<double>(stamped)) : "null");
    for (const auto& kv : m_results)
    {
        js << "," << JsonString(kv.first) << ":" << kv.second;
    }
    js << "}";
    std::ofstream out(m_outdir + "/summary.json");
    out << js.str() << "\n";
    out.close();
    if (!out)
    {
        std::cerr << m_name << ": cannot write " << m_outdir << "/summary.json" << std::endl;
        std::exit(1);
    }
    std::cout << js.str() << std::endl;
}

} // namespace ns3
