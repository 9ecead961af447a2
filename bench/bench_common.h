/*
 * What the benchmarks share: a fixed-seed PRNG, so every run draws the
 * same tables and destinations, and the CPU's name for the report.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BENCH_COMMON_H
#define BENCH_COMMON_H

#include <cstdint>
#include <fstream>
#include <string>

namespace bench
{

/// xorshift64* (Vigna): a fixed-seed PRNG.
class XorShift64Star
{
  public:
    explicit XorShift64Star(uint64_t seed)
        : m_state(seed ? seed : 1)
    {
    }

    /// The next 64 bits.
    uint64_t Next()
    {
        m_state ^= m_state >> 12;
        m_state ^= m_state << 25;
        m_state ^= m_state >> 27;
        return m_state * 0x2545F4914F6CDD1DULL;
    }

    /// Uniform in [0, n).
    uint64_t Below(uint64_t n)
    {
        return (Next() >> 11) % n;
    }

  private:
    uint64_t m_state; //!< the generator's state
};

/// The CPU's model name from /proc/cpuinfo, or "unknown".
inline std::string
CpuModel()
{
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
    {
        if (line.rfind("model name", 0) == 0)
        {
            size_t colon = line.find(':');
            if (colon != std::string::npos)
            {
                size_t start = line.find_first_not_of(" \t", colon + 1);
                return start == std::string::npos ? "" : line.substr(start);
            }
        }
    }
    return "unknown";
}

} // namespace bench

#endif /* BENCH_COMMON_H */
