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
#include "ns3/type-id.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <climits>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_statistics_double.h>
#include <iostream>
#include <iterator>
#include <regex>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

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
      m_shared(false),
      m_complete(false),
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
BsdStudy::AddTextFlag(const std::string& name,
                      const std::string& help,
                      std::string* value,
                      const std::string& allowed,
                      std::function<bool(const std::string&)> valid,
                      bool emptyOk)
{
    // A word flag with no list of words, checked by valid instead.
    AddFlag(name, help, value, std::vector<std::string>{});
    m_flags.back().allowedText = allowed;
    m_flags.back().valid = std::move(valid);
    m_flags.back().emptyOk = emptyOk;
}

void
BsdStudy::AddFlag(const std::string& name,
                  const std::string& help,
                  int64_t* value,
                  int64_t min,
                  int64_t max,
                  const std::string& unit)
{
    Flag f{};
    f.name = name;
    f.help = help;
    f.text = std::to_string(*value);
    f.type = Flag::INT;
    f.integer = value;
    f.min = static_cast<double>(min);
    f.max = static_cast<double>(max);
    f.unit = unit;
    m_flags.push_back(f);
}

void
BsdStudy::AddKnobFlag(const std::string& name,
                      const std::string& help,
                      int64_t* value,
                      const std::string& knob)
{
    long long min;
    long long max;
    const char* range;
    int error = bsd_personality_range(knob.c_str(), &min, &max, &range);
    NS_ABORT_MSG_IF(error != 0, m_name << ": --" << name << ": the kernel has no knob " << knob);
    NS_ABORT_MSG_IF(min <= -1, m_name << ": --" << name << ": -1 must not be a value of " << knob);
    AddFlag(name, help, value, min, max);
    m_flags.back().range = range;
}

void
BsdStudy::AddFlag(const std::string& name,
                  const std::string& help,
                  double* value,
                  double min,
                  double max,
                  const std::string& unit)
{
    Flag f{};
    f.name = name;
    f.help = help;
    f.text = Number(*value);
    f.type = Flag::REAL;
    f.real = value;
    f.min = min;
    f.max = max;
    f.unit = unit;
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
        if (!f.allowedText.empty())
        {
            os << f.allowedText;
        }
        else if (f.allowed.empty())
        {
            os << "a directory that can be created and written"; // --outdir
        }
        for (size_t i = 0; i < f.allowed.size(); i++)
        {
            os << (i ? ", " : "") << f.allowed[i];
        }
        break;
    case Flag::INT:
        if (!f.range.empty())
        {
            os << "-1 (default) or " << f.range;
        }
        else if (!f.unit.empty())
        {
            os << Number(f.min) << " to " << Number(f.max) << " " << f.unit;
        }
        else
        {
            os << "an integer from " << Number(f.min) << " to " << Number(f.max);
        }
        break;
    case Flag::REAL:
        if (!f.unit.empty())
        {
            os << Number(f.min) << " to " << Number(f.max) << " " << f.unit;
        }
        else
        {
            os << "a number from " << Number(f.min) << " to " << Number(f.max);
        }
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
    Refuse("bad value \"" + f.text + "\" for --" + f.name + ": allowed " + Allowed(f));
}

void
BsdStudy::Refuse(const std::string& message) const
{
    RemoveStaging();
    std::cerr << m_name << ": " << message << std::endl;
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
            Refuse("bad value \"" + f.text + "\" for --" + flag + ": allowed " + allowed);
        }
    }
    Refuse("bad value for --" + flag + ": allowed " + allowed);
}

void
BsdStudy::Convert(Flag& f) const
{
    const char* s = f.text.c_str();
    char* end = nullptr;
    // No value is empty or wrapped in white space (strtoll would skip it).
    if (f.text.empty() ? !f.emptyOk
                       : std::isspace(static_cast<unsigned char>(f.text.front())) ||
                             std::isspace(static_cast<unsigned char>(f.text.back())))
    {
        Bad(f);
    }
    switch (f.type)
    {
    case Flag::WORD:
        if (!f.allowed.empty() &&
            std::find(f.allowed.begin(), f.allowed.end(), f.text) == f.allowed.end())
        {
            Bad(f);
        }
        if (f.valid && !f.text.empty() && !f.valid(f.text))
        {
            Bad(f);
        }
        *f.word = f.text;
        break;
    case Flag::INT: {
        errno = 0;
        long long v = std::strtoll(s, &end, 10);
        bool inRange = static_cast<double>(v) >= f.min && static_cast<double>(v) <= f.max;
        if (!f.range.empty() && v == -1)
        {
            inRange = true; // a knob's default
        }
        if (*end != '\0' || errno != 0 || !inRange)
        {
            Bad(f);
        }
        *f.integer = v;
        break;
    }
    case Flag::REAL: {
        double v = std::strtod(s, &end);
        if (*end != '\0' || !(v >= f.min && v <= f.max))
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

BsdStudy::Flag*
BsdStudy::FindFlag(const std::string& name)
{
    for (Flag& f : m_flags)
    {
        if (f.name == name)
        {
            return &f;
        }
    }
    return nullptr;
}

namespace
{

/// The TypeIds derived from base that ns-3 can create, comma-separated.
std::string
ChildTypeIds(const std::string& base)
{
    TypeId parent = TypeId::LookupByName(base);
    std::vector<std::string> names;
    for (uint16_t i = 0; i < TypeId::GetRegisteredN(); i++)
    {
        TypeId t = TypeId::GetRegistered(i);
        if (t.IsChildOf(parent) && t.HasConstructor())
        {
            names.push_back(t.GetName());
        }
    }
    std::sort(names.begin(), names.end());
    std::string out;
    for (const std::string& n : names)
    {
        out += (out.empty() ? "" : ", ") + n;
    }
    return out;
}

/// The "type min:max" of an integer or double checker.
bool
CheckerBounds(Ptr<const AttributeChecker> checker, std::string* min, std::string* max)
{
    if (!checker->HasUnderlyingTypeInformation())
    {
        return false;
    }
    std::string info = checker->GetUnderlyingTypeInformation();
    size_t space = info.rfind(' ');
    size_t colon = info.rfind(':');
    if (space == std::string::npos || colon == std::string::npos || colon < space)
    {
        return false;
    }
    *min = info.substr(space + 1, colon - space - 1);
    *max = info.substr(colon + 1);
    return true;
}

/// Is s, all of it, a decimal integer (with a sign if allowed)?
bool
IsInteger(const std::string& s, bool sign)
{
    size_t i = sign && !s.empty() && (s[0] == '-' || s[0] == '+') ? 1 : 0;
    return i < s.size() && std::all_of(s.begin() + static_cast<long>(i), s.end(), [](char c) {
               return std::isdigit(static_cast<unsigned char>(c));
           });
}

} // namespace

std::string
BsdStudy::CheckGeneral(const std::string& name, const std::string& value) const
{
    // Which value does the flag set: a global value, or an attribute's default?
    Ptr<const AttributeChecker> checker;
    std::string listing;
    for (auto i = GlobalValue::Begin(); i != GlobalValue::End(); ++i)
    {
        if ((*i)->GetName() == name)
        {
            checker = (*i)->GetChecker();
            listing = "a value as --PrintGlobals describes";
        }
    }
    if (!checker)
    {
        size_t colon = name.rfind("::");
        TypeId tid;
        TypeId::AttributeInformation info;
        if (colon == std::string::npos || colon == 0 ||
            !TypeId::LookupByNameFailSafe(name.substr(0, colon), &tid) ||
            !tid.LookupAttributeByName(name.substr(colon + 2), &info) ||
            !(info.flags & TypeId::ATTR_CONSTRUCT))
        {
            Refuse("unknown flag --" + name + "; --help lists the flags");
        }
        checker = info.checker;
        listing = "a value as --PrintAttributes=" + tid.GetName() + " describes";
    }
    auto bad = [this, &name, &value](const std::string& allowed) {
        Refuse("bad value \"" + value + "\" for --" + name + ": allowed " + allowed);
    };
    // The simulator and scheduler: TypeIds ns-3 can create of the right kind.
    for (const auto& kind : {std::make_pair("SimulatorImplementationType", "ns3::SimulatorImpl"),
                             std::make_pair("SchedulerType", "ns3::Scheduler")})
    {
        if (name == kind.first)
        {
            TypeId tid;
            if (!TypeId::LookupByNameFailSafe(value, &tid) ||
                !tid.IsChildOf(TypeId::LookupByName(kind.second)) || !tid.HasConstructor())
            {
                bad(ChildTypeIds(kind.second));
            }
            return value;
        }
    }
    if (value.empty() || std::isspace(static_cast<unsigned char>(value.front())) ||
        std::isspace(static_cast<unsigned char>(value.back())))
    {
        bad(listing);
    }
    // ns-3 names some value types with their namespace, some without.
    std::string type = checker->GetValueTypeName();
    if (type.compare(0, 5, "ns3::") != 0)
    {
        type = "ns3::" + type;
    }
    std::string min;
    std::string max;
    if ((type == "ns3::UintegerValue" || type == "ns3::IntegerValue") &&
        CheckerBounds(checker, &min, &max))
    {
        if (name == "RngSeed")
        {
            // MRG32k3a's seeds: 0 < seed < m2 (rng-stream.cc aborts otherwise).
            min = "1";
            max = "4294944442";
        }
        std::string allowed = "an integer from " + min + " to " + max;
        if (type == "ns3::UintegerValue")
        {
            errno = 0;
            unsigned long long v = std::strtoull(value.c_str(), nullptr, 10);
            if (!IsInteger(value, false) || errno != 0 ||
                v < std::strtoull(min.c_str(), nullptr, 10) ||
                v > std::strtoull(max.c_str(), nullptr, 10))
            {
                bad(allowed);
            }
        }
        else
        {
            errno = 0;
            long long v = std::strtoll(value.c_str(), nullptr, 10);
            if (!IsInteger(value, true) || errno != 0 ||
                v < std::strtoll(min.c_str(), nullptr, 10) ||
                v > std::strtoll(max.c_str(), nullptr, 10))
            {
                bad(allowed);
            }
        }
        return value;
    }
    if (type == "ns3::DoubleValue" && CheckerBounds(checker, &min, &max))
    {
        char* end = nullptr;
        double v = std::strtod(value.c_str(), &end);
        if (*end != '\0' || !std::isfinite(v) || v < std::strtod(min.c_str(), nullptr) ||
            v > std::strtod(max.c_str(), nullptr))
        {
            bad("a number from " + min + " to " + max);
        }
        return value;
    }
    if (type == "ns3::BooleanValue")
    {
        if (value == "true" || value == "1" || value == "yes")
        {
            return "true";
        }
        if (value == "false" || value == "0" || value == "no")
        {
            return "false";
        }
        bad("true or false");
    }
    if (type == "ns3::TimeValue")
    {
        static const std::regex time(
            "[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?(y|d|h|min|s|ms|us|ns|ps|fs)?");
        if (!std::regex_match(value, time))
        {
            bad("a time: a number and a unit (s, ms, us, ns, min, h...), such as 100ms");
        }
        return value;
    }
    if (type == "ns3::TypeIdValue")
    {
        TypeId tid;
        if (!TypeId::LookupByNameFailSafe(value, &tid))
        {
            bad("a TypeId name (--PrintTypeIds lists them)");
        }
        return value;
    }
    if (type == "ns3::EnumValue" || type == "ns3::DataRateValue" || type == "ns3::StringValue")
    {
        // Their parsers report a bad value instead of aborting.
        if (!checker->CreateValidValue(StringValue(value)))
        {
            bad(listing);
        }
        return value;
    }
    return value; // ns-3 checks the rest itself
}

void
BsdStudy::SetSharedOutdir(const std::string& outdir, const std::string& outputs)
{
    m_shared = true;
    m_outdir = outdir;
    m_outputs = outputs;
}

void
BsdStudy::AddOutputPattern(const std::string& pattern)
{
    m_patterns.push_back(pattern);
}

void
BsdStudy::Parse(int argc, char* argv[])
{
    AddFlag("outdir", "directory for the run's outputs (created)", &m_outdir, {});
    AddFlag("pcap", "write a pcap per device into --outdir", &m_pcap);
    if (!m_shared)
    {
        AddFlag("rtsock", "write the routing-socket log rtsock.log", &m_rtsock);
        AddFlag("rtsock-hz",
                "wakeups a second of the routing-socket reader (its 8192-byte buffer "
                "is emptied at each; what does not fit is dropped)",
                &m_rtsockHz,
                1,
                1000000);
    }

    // ns-3's CommandLine lists the flags for --help; it parses only the
    // general flags, once they are known to be good (it aborts on some).
    CommandLine cmd(m_name);
    cmd.Usage(m_usage + "\n" +
              (m_shared ? m_outputs
                        : "Outputs in --outdir: table.csv, netstat.txt, rtsock.log, "
                          "summary.json (also the last line printed)."));
    std::vector<std::string> shown(m_flags.size());
    for (size_t i = 0; i < m_flags.size(); i++)
    {
        const Flag& f = m_flags[i];
        std::string help = f.help;
        if (f.type != Flag::WORD || !f.allowed.empty() || !f.allowedText.empty())
        {
            help += " [" + Allowed(f) + "]";
        }
        shown[i] = f.text;
        cmd.AddValue(f.name, help, shown[i]);
    }
    struct Arg
    {
        std::string text;  //!< as typed
        std::string name;  //!< without dashes
        std::string value; //!< after '='
        bool hasValue;     //!< an '=' was there
    };

    std::vector<Arg> args;
    for (int i = 1; i < argc; i++)
    {
        Arg a{argv[i], "", "", false};
        size_t dashes = a.text.compare(0, 2, "--") == 0 ? 2 : (a.text.compare(0, 1, "-") == 0);
        size_t eq = a.text.find('=');
        a.name = a.text.substr(dashes, eq == std::string::npos ? std::string::npos : eq - dashes);
        if (eq != std::string::npos)
        {
            a.value = a.text.substr(eq + 1);
            a.hasValue = true;
        }
        if (dashes == 0 || a.name.empty())
        {
            Refuse("unexpected argument \"" + a.text +
                   "\": flags are --name=value; --help lists the flags");
        }
        args.push_back(a);
    }
    // Help and ns-3's listings print and exit, whatever else was given.
    const std::vector<std::string> printing = {"help",
                                               "PrintHelp",
                                               "version",
                                               "PrintVersion",
                                               "PrintGroups",
                                               "PrintTypeIds",
                                               "PrintGlobals",
                                               "PrintGroup",
                                               "PrintAttributes"};
    for (const Arg& a : args)
    {
        if (std::find(printing.begin(), printing.end(), a.name) != printing.end())
        {
            TypeId tid;
            if (a.name == "PrintAttributes" && !TypeId::LookupByNameFailSafe(a.value, &tid))
            {
                Refuse("bad value \"" + a.value +
                       "\" for --PrintAttributes: allowed a TypeId name (--PrintTypeIds lists "
                       "them)");
            }
            cmd.Parse(std::vector<std::string>{argv[0], a.text});
        }
    }
    std::vector<std::string> general = {argv[0]};
    for (const Arg& a : args)
    {
        Flag* f = FindFlag(a.name);
        if (f != nullptr)
        {
            // A bare boolean flag (--pcap) means true, as ns-3 has it.
            f->text = !a.hasValue && f->type == Flag::BOOL ? "true" : a.value;
            continue;
        }
        general.push_back("--" + a.name + "=" + CheckGeneral(a.name, a.value));
    }
    for (Flag& f : m_flags)
    {
        Convert(f);
    }
    Config::SetDefault("ns3::BsdKernel::RtsockReaderHz",
                       UintegerValue(static_cast<uint32_t>(m_rtsockHz)));
    cmd.Parse(general);
    PrepareOutdir();
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

namespace
{

/// This host's name, for the staging directory's.
std::string
HostName()
{
    char host[256] = "";
    if (gethostname(host, sizeof(host) - 1) != 0 || host[0] == '\0')
    {
        return "host";
    }
    std::string h(host);
    std::replace(h.begin(), h.end(), '-', '_');
    return h;
}

/// Does name match pattern, a name with at most one '*'?
bool
Matches(const std::string& pattern, const std::string& name)
{
    size_t star = pattern.find('*');
    if (star == std::string::npos)
    {
        return name == pattern;
    }
    std::string head = pattern.substr(0, star);
    std::string tail = pattern.substr(star + 1);
    return name.size() >= head.size() + tail.size() && name.compare(0, head.size(), head) == 0 &&
           name.compare(name.size() - tail.size(), tail.size(), tail) == 0;
}

const std::string g_partial = ".partial-"; //!< staging directories' names begin so

} // namespace

void
BsdStudy::PrepareOutdir()
{
    namespace fs = std::filesystem;
    const std::string allowed = "a directory that can be created and written";
    if (!MakeDirs(m_outdir))
    {
        Refuse("bad value \"" + m_outdir + "\" for --outdir: allowed " + allowed);
    }
    if (!m_shared)
    {
        for (const char* p : {"table.csv", "netstat.txt", "rtsock.log", "summary.json", "*.pcap"})
        {
            m_patterns.emplace_back(std::string(p) == "*.pcap" ? m_name + "-*.pcap" : p);
        }
    }
    // The staging directories of runs killed on this host.
    std::string host = HostName();
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(m_outdir, ec))
    {
        std::string n = e.path().filename().string();
        std::string mine = g_partial + host + "-";
        if (n.compare(0, mine.size(), mine) != 0 || !IsInteger(n.substr(mine.size()), false))
        {
            continue;
        }
        long pid = std::strtol(n.c_str() + mine.size(), nullptr, 10);
        if (pid > 0 && kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
        {
            std::error_code ignored;
            fs::remove_all(e.path(), ignored);
        }
    }
    std::string work = m_outdir + "/" + g_partial + host + "-" + std::to_string(getpid());
    std::error_code ignored;
    fs::remove_all(work, ignored);
    if (mkdir(work.c_str(), 0777) != 0)
    {
        Refuse("bad value \"" + m_outdir + "\" for --outdir: allowed " + allowed);
    }
    m_workdir = work;
}

void
BsdStudy::RemoveStaging() const
{
    if (!m_workdir.empty())
    {
        std::error_code ignored;
        std::filesystem::remove_all(m_workdir, ignored);
    }
}

bool
BsdStudy::Owned(const std::string& file) const
{
    return std::any_of(m_patterns.begin(), m_patterns.end(), [&file](const std::string& p) {
        return Matches(p, file);
    });
}

void
BsdStudy::MarkComplete()
{
    m_complete = true;
}

void
BsdStudy::Commit()
{
    namespace fs = std::filesystem;
    if (m_workdir.empty())
    {
        return;
    }
    std::string work = m_workdir;
    m_workdir.clear();
    auto fail = [this, &work](const std::string& what) {
        std::cerr << m_name << ": cannot " << what << " in " << m_outdir
                  << "; this run's files are in " << work << std::endl;
        std::exit(1);
    };
    // First the old summary (a sweep takes a directory with one as
    // complete), then the rest of the previous run's files.
    std::error_code ec;
    if (!m_shared && unlink((m_outdir + "/summary.json").c_str()) != 0 && errno != ENOENT)
    {
        fail("remove summary.json");
    }
    for (const auto& e : fs::directory_iterator(m_outdir, ec))
    {
        std::string n = e.path().filename().string();
        if (Owned(n) && !fs::is_directory(e.path(), ec) && !fs::exists(work + "/" + n, ec) &&
            unlink(e.path().c_str()) != 0 && errno != ENOENT)
        {
            fail("remove the previous run's " + n);
        }
    }
    if (ec)
    {
        fail("list the files");
    }
    // Then this run's files, each by one rename, summary.json last.
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(work, ec))
    {
        names.push_back(e.path().filename().string());
    }
    std::stable_partition(names.begin(), names.end(), [](const std::string& n) {
        return n != "summary.json";
    });
    for (const std::string& n : names)
    {
        if (std::rename((work + "/" + n).c_str(), (m_outdir + "/" + n).c_str()) != 0)
        {
            fail("move " + n);
        }
    }
    fs::remove_all(work, ec);
}

BsdStudy::~BsdStudy()
{
    if (m_complete)
    {
        Commit();
    }
    else
    {
        RemoveStaging();
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
    return m_workdir.empty() ? m_outdir : m_workdir;
}

bool
BsdStudy::GetPcap() const
{
    return m_pcap;
}

std::string
BsdStudy::GetPcapPrefix() const
{
    return GetOutdir() + "/" + m_name;
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
        Create<OutputStreamWrapper>(GetOutdir() + "/table.csv", std::ios::out);
    BsdStackHelper::EnableTableCsv(nodes, csv, Seconds(1), stop);
    if (m_rtsock)
    {
        Ptr<OutputStreamWrapper> log =
            Create<OutputStreamWrapper>(GetOutdir() + "/rtsock.log", std::ios::out);
        BsdStackHelper::EnableRtsockLog(nodes, log);
    }
    m_logged = nodes;
}

void
BsdStudy::NetstatAt(Time when, Ptr<Node> node, const std::string& label)
{
    if (!m_netstat)
    {
        m_netstat = Create<OutputStreamWrapper>(GetOutdir() + "/netstat.txt", std::ios::out);
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
    std::ofstream out(GetOutdir() + "/summary.json");
    out << js.str() << "\n";
    out.close();
    if (!out)
    {
        std::cerr << m_name << ": cannot write " << GetOutdir() << "/summary.json" << std::endl;
        std::exit(1);
    }
    std::cout << js.str() << std::endl;
    MarkComplete();
}

} // namespace ns3
