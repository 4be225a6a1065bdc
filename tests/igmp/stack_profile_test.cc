// The stack profiles of IGMP hosts and routers, each deviation beside the RFC behaviour it
// replaces, at exact instants: the Linux host's first report two ticks after the join and its
// delays in whole 4 ms ticks; FRR's querier starting one second late with a whole-second
// startup interval, and sending one group-specific query more than LMQC per leave.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "igmp/host_group.h"
#include "igmp/router_group.h"
#include "igmp/router_querier.h"
#include "tests/igmp/host_test_port.h"
#include "tests/igmp/router_test_port.h"

namespace igmp {
namespace {

using router_testing::Did;
using router_testing::RecordingRouterPort;
using router_testing::T;
using sim::core::Duration;
using sim::core::Microseconds;
using sim::core::Milliseconds;
using sim::core::Seconds;
using sim::core::StackProfile;
using sim::wire::Ipv4Address;
using testing::At;
using testing::RecordingHostPort;
using testing::Sent;

constexpr Ipv4Address kGroup{239, 1, 1, 1};

std::string ProfileName(const ::testing::TestParamInfo<StackProfile>& p) { return std::string(ToString(p.param)); }

struct V2Mode : HostInterfaceMode {
  int report_version() const override { return 2; }
  bool leave_suppressed() const override { return false; }
};

class HostProfileTest : public ::testing::TestWithParam<StackProfile> {
 protected:
  HostProfileTest() { config_.profile = GetParam(); }
  sim::core::Scheduler s_;
  RecordingHostPort port_{s_};
  HostConfig config_;
  V2Mode mode_;
  HostGroup group_{s_, 7, kGroup, config_, mode_, port_};
};

TEST_P(HostProfileTest, FirstReportAndItsRepeat) {
  // The same scripted draw (4.3 s) for the repeat. RFC: report at the join (2 s), repeat 4.3 s
  // later. Linux: report 8 ms after the join, then 4.3 s cut to whole 4 ms ticks (1075) plus
  // the 2 ticks every Linux IGMP timer adds: 4.308 s after the first report.
  s_.RunUntil(T(Seconds(2)));
  port_.script.push_back(Milliseconds(4300));
  group_.OnJoinGroup();
  s_.RunUntil(T(Seconds(10)));
  if (GetParam() == StackProfile::kRfc) {
    EXPECT_EQ(port_.sent, (std::vector<Sent>{At(Seconds(2), "v2 report 239.1.1.1"),
                                             At(Milliseconds(6300), "v2 report 239.1.1.1")}));
    EXPECT_EQ(port_.asked, (std::vector<Duration>{Seconds(10)}));
  } else {
    EXPECT_EQ(port_.sent, (std::vector<Sent>{At(Milliseconds(2008), "v2 report 239.1.1.1"),
                                             At(Milliseconds(6316), "v2 report 239.1.1.1")}));
    // Below 2500 ticks of 4 ms: the draw covers [0, 10 s - 1 ns].
    EXPECT_EQ(port_.asked, (std::vector<Duration>{Seconds(10) - Duration::FromNanos(1)}));
  }
  EXPECT_EQ(group_.state(), HostGroupState::kIdleMember);
}

TEST_P(HostProfileTest, LeaveBeforeTheFirstLinuxReportSendsNothing) {
  // Linux sends a leave only from the last reporter; within the 8 ms nothing was reported.
  port_.script.push_back(Seconds(1));
  group_.OnJoinGroup();
  s_.RunUntil(T(Milliseconds(5)));
  group_.OnLeaveGroup();
  s_.RunUntil(T(Seconds(20)));
  if (GetParam() == StackProfile::kRfc) {
    EXPECT_EQ(port_.sent, (std::vector<Sent>{At(Seconds(0), "v2 report 239.1.1.1"),
                                             At(Milliseconds(5), "leave 239.1.1.1")}));
  } else {
    EXPECT_TRUE(port_.sent.empty());
  }
}

TEST_P(HostProfileTest, AnswerToAQueryIsInWholeTicksUnderLinux) {
  // Settle in Idle Member, then a query with Max Resp Time 10 s at 20 s; scripted draw 1.2345 s.
  port_.script.push_back(Seconds(1));
  group_.OnJoinGroup();
  s_.RunUntil(T(Seconds(20)));
  port_.script.push_back(Milliseconds(1234) + Duration::FromNanos(500'000));
  group_.OnQueryReceived(Seconds(10));
  s_.RunUntil(T(Seconds(30)));
  ASSERT_EQ(port_.sent.size(), 3u);
  // RFC: 21.2345 s. Linux: 308 ticks (1.232 s) + 2 ticks = 1.240 s.
  EXPECT_EQ(port_.sent[2], At(GetParam() == StackProfile::kRfc ? Microseconds(21'234'500) : Milliseconds(21'240),
                              "v2 report 239.1.1.1"));
}

INSTANTIATE_TEST_SUITE_P(RfcAndLinux, HostProfileTest, ::testing::Values(StackProfile::kRfc, StackProfile::kLinux),
                         ProfileName);

class QuerierProfileTest : public ::testing::TestWithParam<StackProfile> {
 protected:
  explicit QuerierProfileTest(RouterConfig c = {}) : config_(Profiled(c)), querier_(s_, 1, config_, {10, 0, 0, 1}, port_) {}
  static RouterConfig Profiled(RouterConfig c) {
    c.profile = GetParam();
    return c;
  }
  sim::core::Scheduler s_;
  RecordingRouterPort port_{s_};
  RouterConfig config_;
  RouterQuerier querier_;
};

TEST_P(QuerierProfileTest, StartupQueries) {
  // RFC: 0, 31.25 (QI / 4), 156.25. FRR: 1 s after the start, then 31 s (125 >> 2), then QI:
  // 1, 32, 157.
  querier_.Start();
  s_.RunUntil(T(Seconds(200)));
  if (GetParam() == StackProfile::kRfc) {
    EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(0), "gq 10s"), At(Milliseconds(31'250), "gq 10s"),
                                           At(Milliseconds(156'250), "gq 10s")}));
  } else {
    EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(1), "gq 10s"), At(Seconds(32), "gq 10s"),
                                           At(Seconds(157), "gq 10s")}));
    EXPECT_EQ(port_.traces.front(), "igmp.querier Initial --start--> Querier [start gen. q. timer]");
  }
}

INSTANTIATE_TEST_SUITE_P(RfcAndFrr, QuerierProfileTest, ::testing::Values(StackProfile::kRfc, StackProfile::kFrr),
                         ProfileName);

class QuerierShortQiTest : public QuerierProfileTest {
 protected:
  static RouterConfig Short() {
    RouterConfig c;
    c.query_interval = Seconds(10);
    c.query_response_interval = Seconds(2);
    c.startup_query_interval = Milliseconds(2500);
    return c;
  }
  QuerierShortQiTest() : QuerierProfileTest(Short()) {}
};

TEST_P(QuerierShortQiTest, FrrRoundsTheStartupIntervalDownToWholeSeconds) {
  // QI 10 s: the RFC's 2.5 s becomes FRR's 10 >> 2 = 2 s.
  querier_.Start();
  s_.RunUntil(T(Seconds(20)));
  if (GetParam() == StackProfile::kRfc) {
    EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(0), "gq 2s"), At(Milliseconds(2500), "gq 2s"),
                                           At(Milliseconds(12'500), "gq 2s")}));
  } else {
    EXPECT_EQ(port_.log,
              (std::vector<Did>{At(Seconds(1), "gq 2s"), At(Seconds(3), "gq 2s"), At(Seconds(13), "gq 2s")}));
  }
}

INSTANTIATE_TEST_SUITE_P(RfcAndFrr, QuerierShortQiTest, ::testing::Values(StackProfile::kRfc, StackProfile::kFrr),
                         ProfileName);

class LeaveProfileTest : public ::testing::TestWithParam<StackProfile> {
 protected:
  LeaveProfileTest() { config_.profile = GetParam(); }
  void At_(Duration d) { s_.RunUntil(T(d)); }
  sim::core::Scheduler s_;
  RecordingRouterPort port_{s_};
  RouterConfig config_;
  RouterGroup group_{s_, 1, kGroup, config_, port_};
};

TEST_P(LeaveProfileTest, NoAnswerEndsTheGroupAtTheSameInstant) {
  // Both: queries at 20 and 21 s, group gone at 22 s. FRR's third query was due at 22 s too,
  // but its group timer, armed first, ends the group before it.
  group_.OnReportReceived({10, 0, 0, 10}, 2);
  At_(Seconds(20));
  group_.OnLeaveReceived(true);
  At_(Seconds(30));
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(0), "+239.1.1.1"), At(Seconds(20), "gsq 239.1.1.1 1s"),
                                         At(Seconds(21), "gsq 239.1.1.1 1s"), At(Seconds(22), "-239.1.1.1")}));
}

TEST_P(LeaveProfileTest, AfterAnAnswerFrrSendsLmqcPlusOneQueries) {
  // A member answers at 20.5 s. RFC: LMQC = 2 queries (20, 21 s). FRR: the query at the leave
  // is not counted, so 3 (20, 21, 22 s).
  group_.OnReportReceived({10, 0, 0, 10}, 2);
  At_(Seconds(20));
  group_.OnLeaveReceived(true);
  At_(Milliseconds(20'500));
  group_.OnReportReceived({10, 0, 0, 11}, 2);
  At_(Seconds(30));
  std::vector<Did> expected{At(Seconds(0), "+239.1.1.1"), At(Seconds(20), "gsq 239.1.1.1 1s"),
                            At(Seconds(21), "gsq 239.1.1.1 1s")};
  if (GetParam() == StackProfile::kFrr) expected.push_back(At(Seconds(22), "gsq 239.1.1.1 1s"));
  EXPECT_EQ(port_.log, expected);
  EXPECT_EQ(group_.state(), RouterGroupState::kMembersPresent);
}

INSTANTIATE_TEST_SUITE_P(RfcAndFrr, LeaveProfileTest, ::testing::Values(StackProfile::kRfc, StackProfile::kFrr),
                         ProfileName);

}  // namespace
}  // namespace igmp
