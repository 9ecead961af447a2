/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * BsdStudy's statistics (GSL) on series whose answers are known, and the
 * JSON text of the summaries.
 */
#include "ns3/bsd-study.h"
#include "ns3/test.h"

#include <cmath>
#include <vector>

using namespace ns3;

namespace
{

/// A ramp of one route per second to 100, then 100 s flat.
class StudyRampTestCase : public TestCase
{
  public:
    StudyRampTestCase()
        : TestCase("ramp then plateau: peak, mean, p95, growth rate")
    {
    }

  private:
    void DoRun() override
    {
        std::vector<double> t;
        std::vector<double> y;
        for (int i = 0; i <= 200; i++)
        {
            t.push_back(i);
            y.push_back(i <= 100 ? i : 100);
        }
        BsdStudy::SeriesStats s = BsdStudy::ComputeStats(t, y);
        NS_TEST_ASSERT_MSG_EQ_TOL(s.peak, 100, 1e-9, "peak of the ramp");
        NS_TEST_ASSERT_MSG_EQ_TOL(s.mean, 15050.0 / 201, 1e-9, "mean of 201 equal steps");
        NS_TEST_ASSERT_MSG_EQ_TOL(s.p95, 100, 1e-9, "half the time is spent at 100");
        NS_TEST_ASSERT_MSG_EQ_TOL(s.growthRate, 1.0, 1e-9, "fitted over the ramp only");
        NS_TEST_ASSERT_MSG_EQ_TOL(s.growthR2, 1.0, 1e-9, "a straight ramp");
    }
};

/// Uneven sampling: the mean and the percentile weigh time, not samples.
class StudyTimeWeightTestCase : public TestCase
{
  public:
    StudyTimeWeightTestCase()
        : TestCase("time-weighted mean and 95th percentile")
    {
    }

  private:
    void DoRun() override
    {
        // 1000 routes for 1 s, then 0 for 18 s (two samples, 9 s each).
        BsdStudy::SeriesStats s = BsdStudy::ComputeStats({0, 1, 10}, {1000, 0, 0});
        NS_TEST_ASSERT_MSG_EQ_TOL(s.mean, 1000.0 / 19, 1e-9, "1 s of 19 at 1000");
        NS_TEST_ASSERT_MSG_EQ_TOL(s.p95, 1000, 1e-9, "0 only 18/19 = 94.7% of the time");
        NS_TEST_ASSERT_MSG_EQ(s.growthRate, 0, "no growth from the first value");
        // 0 for 99 s, 1000 for 1 s: p95 is 0.
        std::vector<double> t;
        std::vector<double> y;
        for (int i = 0; i < 100; i++)
        {
            t.push_back(i);
            y.push_back(i == 99 ? 1000 : 0);
        }
        s = BsdStudy::ComputeStats(t, y);
        NS_TEST_ASSERT_MSG_EQ_TOL(s.p95, 0, 1e-9, "99% of the time at 0");
        NS_TEST_ASSERT_MSG_EQ_TOL(s.peak, 1000, 1e-9, "the last sample is the peak");
    }
};

/// Saw-tooth: growth is fitted up to the first peak only.
class StudySawToothTestCase : public TestCase
{
  public:
    StudySawToothTestCase()
        : TestCase("saw-tooth: growth rate of the first rise")
    {
    }

  private:
    void DoRun() override
    {
        std::vector<double> t;
        std::vector<double> y;
        for (int i = 0; i < 300; i++)
        {
            t.push_back(i);
            y.push_back(5 + 2.0 * (i % 100)); // 5 .. 203, three times
        }
        BsdStudy::SeriesStats s = BsdStudy::ComputeStats(t, y);
        NS_TEST_ASSERT_MSG_EQ_TOL(s.growthRate, 2.0, 1e-9, "2 routes/s on each rise");
        NS_TEST_ASSERT_MSG_EQ_TOL(s.peak, 203, 1e-9, "top of a tooth");
        NS_TEST_ASSERT_MSG_EQ_TOL(s.mean, 104, 1e-9, "middle of a tooth");
        BsdStudy::SeriesStats empty = BsdStudy::ComputeStats({}, {});
        NS_TEST_ASSERT_MSG_EQ(std::isnan(empty.peak), true, "no samples: no peak");
    }
};

/// JSON strings survive quotes, backslashes and control characters.
class StudyJsonTestCase : public TestCase
{
  public:
    StudyJsonTestCase()
        : TestCase("JSON string escaping")
    {
    }

  private:
    void DoRun() override
    {
        NS_TEST_ASSERT_MSG_EQ(BsdStudy::JsonString("a\"b\\c\n"),
                              "\"a\\\"b\\\\c\\u000a\"",
                              "quote, backslash and newline escaped");
        NS_TEST_ASSERT_MSG_EQ(BsdStudy::JsonString("/tmp/x y"), "\"/tmp/x y\"", "plain text");
    }
};

/// The suite.
class BsdStudyTestSuite : public TestSuite
{
  public:
    BsdStudyTestSuite()
        : TestSuite("bsd-study", UNIT)
    {
        AddTestCase(new StudyRampTestCase, TestCase::QUICK);
        AddTestCase(new StudyTimeWeightTestCase, TestCase::QUICK);
        AddTestCase(new StudySawToothTestCase, TestCase::QUICK);
        AddTestCase(new StudyJsonTestCase, TestCase::QUICK);
    }
};

} // namespace

static BsdStudyTestSuite g_bsdStudyTestSuite; //!< the suite's static instance
