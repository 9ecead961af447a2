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
     * \brief An integer flag, min <= value <= max.
     * \param name flag name
     * \param help what it means
     * \param value default in, parsed value out
     * \param min smallest allowed
     * \param max largest allowed
     */
    void AddFlag(const std::string& name,
                 const std::string& help,
                 int64_t* value,
                 int64_t min,
                 int64_t max);
    /**
     * \brief A real flag, min <= value <= max.
     * \param name flag name
     * \param help what it means
     * \param value default in, parsed value out
     * \param min smallest allowed
     * \param max largest allowed
     */
    void AddFlag(const std::string& name,
                 const std::string& help,
                 double* value,
                 double min,
                 double max);
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
     * \brief Parse and check the command line, create --outdir.  A bad
     * value prints "<example>: bad value "v" for --flag: allowed ..."
     * and exits with status 2.
     * \param argc from main
     * \param argv from main
     */
    void Parse(int argc, char* argv[]);

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

    /** \return --outdir */
    std::string GetOutdir() const;
    /** \return --pcap */
    bool GetPcap() const;
    /** \return the prefix for pcap files: "<outdir>/<example>" */
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
    };

    [[noreturn]] void Bad(const Flag& f) const;
    std::string Allowed(const Flag& f) const;
    void Convert(Flag& f) const;
    void Sample();
    void OnTableSize(uint64_t total, uint64_t memory);
    void OnDrop(const std::string& reason);
    void PrintNetstat(Ptr<Node> node, std::string label);
    std::string JsonValue(const Flag& f) const;

    std::string m_name;          //!< example name
    std::string m_usage;         //!< one line for --help
    std::vector<Flag> m_flags;   //!< in declaration order
    std::string m_outdir;        //!< --outdir
    bool m_pcap;                 //!< --pcap
    bool m_rtsock;               //!< --rtsock
    int64_t m_rtsockHz;          //!< --rtsock-hz
    NodeContainer m_logged;      //!< EnableOutputs' nodes
    Ptr<Node> m_node;            //!< the studied node
    Ptr<BsdKernel> m_kernel;     //!< its kernel
    Time m_stop;                 //!< end of sampling
    std::vector<double> m_t;     //!< sample times, s
    std::vector<double> m_total; //!< table size samples
    uint64_t m_peakTotal;        //!< exact peak, from the trace
    uint64_t m_peakMem;          //!< exact peak memory
    uint64_t m_peakKind[8];      //!< peak per BSD_RTK_* (sampled on change)
    double m_trough[8];          //!< low per BSD_RTK_* once evicting, NaN before
    std::string* m_personality;  //!< --personality, if declared
    double* m_legitStart;        //!< --legit-start, if declared
    const double* m_duration;    //!< the run length it is checked against
    double m_exhaustedAt;        //!< first ENOBUFS, s; < 0: never
    uint64_t m_enobufs;          //!< ENOBUFS failures on the node
    std::vector<std::pair<Ptr<BsdUdpSource>, Ptr<BsdUdpSink>>> m_legit; //!< legitimate flows
    Ptr<OutputStreamWrapper> m_netstat; //!< netstat.txt, opened on first use
    std::vector<std::pair<std::string, std::string>> m_results; //!< extra fields, JSON text
};

} // namespace ns3

#endif /* BSD_STUDY_H */
