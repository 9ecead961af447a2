/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_STUDY_H
#define BSD_STUDY_H

#include "ns3/bsd-kernel.h"
#include "ns3/bsd-udp-sink.h"
#include "ns3/bsd-udp-source.h"
#include "ns3/ipv4-address.h"
#include "ns3/node-container.h"
#include "ns3/node.h"
#include "ns3/nstime.h"
#include "ns3/output-stream-wrapper.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup bsdnet
 * \brief The run outputs of a bsdnet study example, and its flags.
 *
 * A study example declares its flags here, so that every flag is
 * validated the same way (a bad value names the flag and the allowed
 * range, exit status 2) and lands in the run's JSON summary.  It then
 * names the node whose routing table is studied; the study samples that
 * table and writes, into --outdir:
 *
 * - table.csv: the table size by kind, memory and drops, every second,
 *   for every node given to EnableOutputs;
 * - netstat.txt: netstat -rn of the studied node at chosen times;
 * - rtsock.log: the routing-socket messages (unless --rtsock=false);
 * - summary.json: one line: the example, every flag, RngRun, the peaks,
 *   ENOBUFS failures, the legitimate flow, and statistics of the table
 *   size computed with GSL (time-weighted mean, 95th percentile, growth
 *   rate fitted over the growth phase, time to budget exhaustion).
 *
 * The summary line is also the last line printed on standard output.
 * Flags common to all studies: --outdir, --pcap, --rtsock, and ns-3's
 * own --RngRun.
 *
 * A run writes into a staging directory in --outdir
 * (".partial-<host>-<pid>") and its files replace the previous run's
 * only once it completes, summary.json last: a run killed midway leaves
 * the previous run's files as they were (and its staging directory,
 * removed by the next run), and a rerun without --pcap or --rtsock
 * leaves no pcap or log of an earlier run.
 */
class BsdStudy
{
  public:
    /**
     * \param name the example's name ("bsdnet-clone-dos")
     * \param usage one line saying what the study shows
     */
    BsdStudy(const std::string& name, const std::string& usage);

    /**
     * \brief A flag taking one of a list of words.
     * \param name flag name, without the dashes
     * \param help what it means
     * \param value default in, parsed value out (valid after Parse)
     * \param allowed the words allowed
     */
    void AddFlag(const std::string& name,
                 const std::string& help,
                 std::string* value,
                 const std::vector<std::string>& allowed);
    /**
     * \brief A free-text flag (an interface name, an address), checked by
     * a predicate; a value it refuses is named with allowed, exit 2.
     * \param name flag name, without the dashes
     * \param help what it means
     * \param value default in, parsed value out (valid after Parse)
     * \param allowed what the message and --help say is allowed
     * \param valid true for an acceptable value
     * \param emptyOk an empty value is allowed (it means "none")
     */
    void AddTextFlag(const std::string& name,
                     const std::string& help,
                     std::string* value,
                     const std::string& allowed,
                     std::function<bool(const std::string&)> valid,
                     bool emptyOk = false);
    /**
     * \brief An integer flag, min <= value <= max.  Its range reads "an
     * integer from min to max", or with a unit "min to max unit".
     * \param name flag name
     * \param help what it means
     * \param value default in, parsed value out
     * \param min smallest allowed
     * \param max largest allowed
     * \param unit what it counts ("hosts", "s"), or empty
     */
    void AddFlag(const std::string& name,
                 const std::string& help,
                 int64_t* value,
                 int64_t min,
                 int64_t max,
                 const std::string& unit = "");
    /**
     * \brief A real flag, min <= value <= max.  Its range reads "a number
     * from min to max", or with a unit "min to max unit".
     * \param name flag name
     * \param help what it means
     * \param value default in, parsed value out
     * \param min smallest allowed
     * \param max largest allowed
     * \param unit its unit ("s"), or empty
     */
    void AddFlag(const std::string& name,
                 const std::string& help,
                 double* value,
                 double min,
                 double max,
                 const std::string& unit = "");
    /**
     * \brief An integer flag that sets a kernel knob (ApplyKnob): -1
     * leaves the personality's default, any other value must be in the
     * range the kernel itself checks (bsd_personality_range), so that
     * --help, the validation and its message say the same range.
     * \param name flag name
     * \param help what it means
     * \param value default in, parsed value out
     * \param knob the kernel's name for it ("clone_idle")
     */
    void AddKnobFlag(const std::string& name,
                     const std::string& help,
                     int64_t* value,
                     const std::string& knob);
    /**
     * \brief A boolean flag (true/false, 1/0, yes/no).
     * \param name flag name
     * \param help what it means
     * \param value default in, parsed value out
     */
    void AddFlag(const std::string& name, const std::string& help, bool* value);

    /**
     * \brief The --personality flag: one of the kernel's personalities.
     * \param help whose kernel it sets
     * \param value default in, parsed value out
     */
    void AddPersonalityFlag(const std::string& help, std::string* value);

    /**
     * \brief The --budget flag: the studied kernel's memory for routes
     * and ARP, in bytes (0: unlimited).  Apply it with ApplyKnob
     * ("mem_limit") once the static configuration is in place.
     * \param value default in, parsed value out
     */
    void AddBudgetFlag(int64_t* value);

    /**
     * \brief The --legit-start flag: when the legitimate flow starts, in
     * seconds.  Parse turns the default -1 into half of *duration, and
     * refuses a start less than a second before the end.
     * \param value default (-1) in, resolved value out
     * \param duration the run's length, a flag declared before
     */
    void AddLegitStartFlag(double* value, const double* duration);

    /**
     * \brief Make this an example whose --outdir is shared with other
     * runs (bsdnet-lan, bsdnet-router): no --rtsock flag, no summary;
     * its outputs are the files matching the patterns given to
     * AddOutputPattern.  Call before Parse.
     * \param outdir the default --outdir
     * \param outputs one line for --help saying what the run writes
     */
    void SetSharedOutdir(const std::string& outdir, const std::string& outputs);

    /**
     * \brief Files in --outdir that this run owns: the previous run's
     * files matching a pattern are removed when this run's outputs move
     * into place.  Studies own table.csv, netstat.txt, rtsock.log,
     * summary.json and "<example>-*.pcap" without asking.
     * \param pattern a file name, with at most one '*' (any text)
     */
    void AddOutputPattern(const std::string& pattern);

    /**
     * \brief Parse and check the command line, create --outdir and the
     * run's staging directory in it.
     *
     * Every argument is checked before ns-3 sees one: the example's own
     * flags, ns-3's global values (--RngRun, --RngSeed,
     * --SimulatorImplementationType, --SchedulerType, --ChecksumEnabled)
     * and attribute defaults (--ns3::Type::Attribute=value).  A bad or
     * empty value prints "<example>: bad value "v" for --flag: allowed
     * ..." and exits with status 2; so do an unknown flag ("unknown flag
     * --x; --help lists the flags") and an argument that is not a flag.
     * --help and ns-3's other --Print options print and exit 0.
     * \param argc from main
     * \param argv from main
     */
    void Parse(int argc, char* argv[]);

    /**
     * \brief The run completed: when this BsdStudy is destroyed (after
     * Simulator::Destroy has closed every file), the previous run's
     * outputs are removed from --outdir and this run's files move there
     * from the staging directory, summary.json last.  A run that never
     * gets here (killed, failed) leaves --outdir as it was.  Finish calls
     * it.
     */
    void MarkComplete();

    /**
     * \brief Move a completed run's outputs into --outdir now (the
     * destructor does it after MarkComplete); exits with status 1 if a
     * file cannot be moved.
     */
    void Commit();

    /** \brief Commit a completed run; remove the staging directory of one that did not. */
    ~BsdStudy();

    /// Not copyable: it owns the run's staging directory.
    BsdStudy(const BsdStudy&) = delete;
    /// Not copyable.
    BsdStudy& operator=(const BsdStudy&) = delete;

    /**
     * \brief Refuse a combination of flags the ranges cannot express.
     * \param ok the combination is valid
     * \param flag the flag to blame
     * \param allowed what it allows, given the others
     */
    void Require(bool ok, const std::string& flag, const std::string& allowed) const;

    /**
     * \brief Set a kernel knob (sysctl) of a node from an integer flag;
     * -1 leaves the personality's default.  A value the kernel refuses
     * is a bad value for the flag.
     * \param node a node with a BsdKernel
     * \param flag the flag it came from
     * \param knob the kernel's name for it ("rtq_reallyold")
     * \param value the flag's value
     */
    void ApplyKnob(Ptr<Node> node,
                   const std::string& flag,
                   const std::string& knob,
                   int64_t value) const;

    /**
     * \brief Install a BsdKernel on each node: the studied node runs
     * --personality, the others netbsd-2, and only router forwards.
     * \param nodes every node of the scenario
     * \param studied the node whose kernel is studied
     * \param router the node that forwards, or null for none
     */
    void InstallStacks(const NodeContainer& nodes, Ptr<Node> studied, Ptr<Node> router) const;

    /**
     * \return the directory to write this run's files into: after Parse,
     * the staging directory in --outdir, whose files move to --outdir
     * when the run completes
     */
    std::string GetOutdir() const;
    /** \return --pcap */
    bool GetPcap() const;
    /** \return the prefix for pcap files: "<GetOutdir()>/<example>" */
    std::string GetPcapPrefix() const;

    /**
     * \brief Study this node's table: sample it every second until stop,
     * follow its peaks exactly through its TableSize trace, and count its
     * ENOBUFS failures.
     * \param node a node with a BsdKernel
     * \param stop when sampling ends (the end of the run)
     */
    void Watch(Ptr<Node> node, Time stop);

    /**
     * \brief The lowest count of a kind of route on the watched node
     * once its watermarks first evicted (where --policy=evict saws down to).
     * \param kind a BSD_RTK_* kind
     * \return the count, or NaN if nothing was evicted
     */
    double GetEvictionTrough(int kind) const;

    /**
     * \brief Routes of a kind on the watched node that sit on no timer
     * queue, and so never expire.
     * \param kind a BSD_RTK_* kind
     * \return how many, now
     */
    uint64_t CountUntimed(int kind) const;

    /**
     * \brief Write table.csv for these nodes, and rtsock.log (if --rtsock).
     * \param nodes nodes with a BsdKernel
     * \param stop when sampling ends
     */
    void EnableOutputs(NodeContainer nodes, Time stop);

    /**
     * \brief Append netstat -rn of a node to netstat.txt at a time.
     * \param when simulation time
     * \param node a node with a BsdKernel
     * \param label a word saying why ("peak", "end", "after-alias")
     */
    void NetstatAt(Time when, Ptr<Node> node, const std::string& label);

    /**
     * \brief A legitimate flow whose fate the summary reports.  With
     * several, legit_sent and legit_lost are their totals and
     * legit_delay_ms the mean one-way delay over all that arrived.
     * \param source the flow's sender (datagrams it tried to send)
     * \param sink its receiver
     */
    void AddLegitimateFlow(Ptr<BsdUdpSource> source, Ptr<BsdUdpSink> sink);

    /**
     * \brief The studies' legitimate flow: 10 datagrams of 64 octets a
     * second, each from a socket connected for it (so each needs a route),
     * to a BsdUdpSink installed here; reported as AddLegitimateFlow does.
     * \param from the sending node
     * \param to the receiving node
     * \param dst the address sent to (one of to's)
     * \param start when the first datagram goes
     * \param stop when the flow stops
     * \param port the UDP port
     */
    void AddLegitimateFlow(Ptr<Node> from,
                           Ptr<Node> to,
                           Ipv4Address dst,
                           Time start,
                           Time stop,
                           uint16_t port = 9);

    /**
     * \brief An extra summary field, a number (NaN is written as null).
     * \param key field name
     * \param value its value
     */
    void AddResult(const std::string& key, double value);
    /**
     * \brief An extra summary field, a string.
     * \param key field name
     * \param value its value
     */
    void AddResult(const std::string& key, const std::string& value);

    /**
     * \brief After Simulator::Run: compute the statistics, write
     * summary.json and print it as the last line of standard output.
     */
    void Finish();

    /**
     * \brief Statistics of a table-size series sampled at a fixed step.
     */
    struct SeriesStats
    {
        double peak;       //!< largest sample
        double mean;       //!< time-weighted mean
        double p95;        //!< 95th percentile of the time spent
        double growthRate; //!< entries/s fitted over the growth phase
        double growthR2;   //!< how straight that growth was (r^2)
    };

    /**
     * \brief Compute SeriesStats (exposed for the tests).
     * \param t sample times, s, increasing
     * \param y samples
     * \return the statistics; growth is fitted from the first sample
     *         above the first value to the first sample at the peak
     */
    static SeriesStats ComputeStats(const std::vector<double>& t, const std::vector<double>& y);

    /**
     * \brief JSON text of a string, quotes included.
     * \param s the string
     * \return "s" with \\ " and control characters escaped
     */
    static std::string JsonString(const std::string& s);

  private:
    /// One declared flag.
    struct Flag
    {
        std::string name; //!< without dashes
        std::string help; //!< for --help
        std::string text; //!< as given (or the default)

        enum
        {
            WORD,
            INT,
            REAL,
            BOOL
        } type; //!< what it holds

        std::string* word;                //!< WORD: destination
        int64_t* integer;                 //!< INT: destination
        double* real;                     //!< REAL: destination
        bool* boolean;                    //!< BOOL: destination
        std::vector<std::string> allowed; //!< WORD: the words
        double min;                       //!< INT/REAL: lower bound
        double max;                       //!< INT/REAL: upper bound
        std::string unit;                 //!< INT/REAL: unit, or empty
        std::string range;                //!< INT knob: the kernel's range text
        std::string allowedText;          //!< WORD free text: what is allowed
        std::function<bool(const std::string&)> valid; //!< WORD free text: check
        bool emptyOk;                     //!< WORD free text: empty means none
    };

    [[noreturn]] void Bad(const Flag& f) const;
    [[noreturn]] void Refuse(const std::string& message) const;
    std::string Allowed(const Flag& f) const;
    void Convert(Flag& f) const;
    Flag* FindFlag(const std::string& name);
    std::string CheckGeneral(const std::string& name, const std::string& value) const;
    void PrepareOutdir();
    void RemoveStaging() const;
    bool Owned(const std::string& file) const;
    void Sample();
    void OnTableSize(uint64_t total, uint64_t memory);
    void OnDrop(const std::string& reason);
    void PrintNetstat(Ptr<Node> node, std::string label);
    std::string JsonValue(const Flag& f) const;

    std::string m_name;                  //!< example name
    std::string m_usage;                 //!< one line for --help
    std::vector<Flag> m_flags;           //!< in declaration order
    std::string m_outdir;                //!< --outdir
    std::string m_workdir;               //!< the run's staging directory, in --outdir
    bool m_shared;                       //!< --outdir shared with other examples' files
    std::string m_outputs;               //!< the --help line on outputs (shared outdir)
    std::vector<std::string> m_patterns; //!< the files in --outdir this run owns
    bool m_complete;                     //!< MarkComplete was called
    bool m_pcap;                         //!< --pcap
    bool m_rtsock;                       //!< --rtsock
    int64_t m_rtsockHz;                  //!< --rtsock-hz
    NodeContainer m_logged;              //!< EnableOutputs' nodes
    Ptr<Node> m_node;                    //!< the studied node
    Ptr<BsdKernel> m_kernel;             //!< its kernel
    Time m_stop;                         //!< end of sampling
    std::vector<double> m_t;             //!< sample times, s
    std::vector<double> m_total;         //!< table size samples
    uint64_t m_peakTotal;                //!< exact peak, from the trace
    uint64_t m_peakMem;                  //!< exact peak memory
    uint64_t m_peakKind[8];              //!< peak per BSD_RTK_* (sampled on change)
    double m_trough[8];                  //!< low per BSD_RTK_* once evicting, NaN before
    std::string* m_personality;          //!< --personality, if declared
    double* m_legitStart;                //!< --legit-start, if declared
    const double* m_duration;            //!< the run length it is checked against
    double m_exhaustedAt;                //!< first ENOBUFS, s; < 0: never
    uint64_t m_enobufs;                  //!< ENOBUFS failures on the node
    std::vector<std::pair<Ptr<BsdUdpSource>, Ptr<BsdUdpSink>>> m_legit; //!< legitimate flows
    Ptr<OutputStreamWrapper> m_netstat; //!< netstat.txt, opened on first use
    std::vector<std::pair<std::string, std::string>> m_results; //!< extra fields, JSON text
};

} // namespace ns3

#endif /* BSD_STUDY_H */
