// RouterGroup alone (RFC 2236 §7, second and third diagrams, and the §4 IGMPv1-host rules):
// one TEST per diagram edge, named after it, plus the subtle cases quoted in the code. Every
// instant is exact, with the RFC defaults and with shortened values.
//
// Defaults (RFC 2236 §8): GMI = RV x QI + QRI = 260 s, LMQI = 1 s, LMQC = RV = 2, so a leave at
// t gives group-specific queries at t and t + 1 s and, unanswered, the end at t + 2 s.
#include "igmp/router_group.h"

#include <gtest/gtest.h>

#include <vector>

#include "sim/core/scheduler.h"
#include "sim/core/time.h"
#include "tests/igmp/router_test_port.h"

namespace igmp {
namespace {

using router_testing::At;
using router_testing::Did;
using router_testing::RecordingRouterPort;
using router_testing::T;
using sim::core::Duration;
using sim::core::Milliseconds;
using sim::core::Scheduler;
using sim::core::Seconds;
using sim::wire::Ipv4Address;

constexpr Ipv4Address kGroup{239, 1, 1, 1};
constexpr Ipv4Address kHostA{10, 0, 0, 10};
constexpr Ipv4Address kHostB{10, 0, 0, 11};
constexpr bool kQuerier = true;
constexpr bool kNonQuerier = false;

class RouterGroupTest : public testing::Test {
 protected:
  void RunUntil(Duration d) { s_.RunUntil(T(d)); }
  void ReportAt(Duration d, int version = 2, Ipv4Address from = kHostA) {
    RunUntil(d);
    group_.OnReportReceived(from, version);
  }
  void LeaveAt(Duration d, bool is_querier = kQuerier) {
    RunUntil(d);
    group_.OnLeaveReceived(is_querier);
  }

  Scheduler s_;
  RecordingRouterPort port_{s_};
  RouterConfig config_;
  RouterGroup group_{s_, 1, kGroup, config_, port_};
};

// --- No Members Present ---------------------------------------------------------------------

TEST_F(RouterGroupTest, V2ReportInNoMembersPresentGoesToMembersPresent) {
  // (notify routing +, start timer): timer = GMI = 260 s from the report at 5 s.
  ReportAt(Seconds(5));
  EXPECT_EQ(group_.state(), RouterGroupState::kMembersPresent);
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(5), "+239.1.1.1")}));
  EXPECT_EQ(port_.traces.back(),
            "igmp.router_group 239.1.1.1 NoMembersPresent --v2 report--> MembersPresent "
            "[notify routing +]");
  EXPECT_EQ(group_.expires_in(), Seconds(260));
  EXPECT_EQ(group_.v1_host_expires_in(), std::nullopt);
  EXPECT_EQ(group_.since(), T(Seconds(5)));
  EXPECT_EQ(group_.last_reporter(), kHostA);
}

TEST_F(RouterGroupTest, V1ReportInNoMembersPresentGoesToV1MembersPresent) {
  // (notify routing +, start timer, start v1 host timer): both GMI = 260 s.
  ReportAt(Seconds(5), 1);
  EXPECT_EQ(group_.state(), RouterGroupState::kV1MembersPresent);
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(5), "+239.1.1.1")}));
  EXPECT_EQ(group_.expires_in(), Seconds(260));
  EXPECT_EQ(group_.v1_host_expires_in(), Seconds(260));
}

TEST_F(RouterGroupTest, UnknownReportVersionIsIgnored) {
  ReportAt(Seconds(5), 3);
  EXPECT_EQ(group_.state(), RouterGroupState::kNoMembersPresent);
  EXPECT_TRUE(port_.log.empty());
}

// --- Members Present ------------------------------------------------------------------------

TEST_F(RouterGroupTest, V2ReportInMembersPresentRestartsTheTimer) {
  // Reports at 0 and 100 s: the group ends at 100 + 260 = 360 s, not 260 s.
  ReportAt(Seconds(0));
  ReportAt(Seconds(100), 2, kHostB);
  EXPECT_EQ(group_.last_reporter(), kHostB);
  EXPECT_EQ(group_.since(), T(Seconds(0)));
  EXPECT_EQ(port_.traces.size(), 1u);  // the refresh changes no state
  RunUntil(Seconds(360));
  EXPECT_EQ(port_.log,
            (std::vector<Did>{At(Seconds(0), "+239.1.1.1"), At(Seconds(360), "-239.1.1.1")}));
}

TEST_F(RouterGroupTest, TimerExpiredInMembersPresentGoesToNoMembersPresent) {
  // (notify routing -) at exactly report + GMI = 7 + 260 = 267 s.
  ReportAt(Seconds(7));
  RunUntil(Seconds(267) - Duration::FromNanos(1));
  EXPECT_EQ(group_.state(), RouterGroupState::kMembersPresent);
  RunUntil(Seconds(267));
  EXPECT_EQ(group_.state(), RouterGroupState::kNoMembersPresent);
  EXPECT_EQ(port_.log.back(), At(Seconds(267), "-239.1.1.1"));
  EXPECT_EQ(port_.traces.back(),
            "igmp.router_group 239.1.1.1 MembersPresent --timer expired--> NoMembersPresent "
            "[notify routing -]");
  EXPECT_EQ(group_.expires_in(), std::nullopt);
}

TEST_F(RouterGroupTest, TimerExpiredWithShortenedGroupMembershipInterval) {
  // GMI = 2 x 2 s + 1 s = 5 s: report at 1 s, gone at 6 s.
  config_.group_membership_interval = Seconds(5);
  ReportAt(Seconds(1));
  RunUntil(Seconds(6));
  EXPECT_EQ(port_.log,
            (std::vector<Did>{At(Seconds(1), "+239.1.1.1"), At(Seconds(6), "-239.1.1.1")}));
}

TEST_F(RouterGroupTest, V1ReportInMembersPresentGoesToV1MembersPresent) {
  ReportAt(Seconds(0));
  ReportAt(Seconds(10), 1);
  EXPECT_EQ(group_.state(), RouterGroupState::kV1MembersPresent);
  EXPECT_EQ(group_.expires_in(), Seconds(260));
  EXPECT_EQ(group_.v1_host_expires_in(), Seconds(260));
  EXPECT_EQ(port_.traces.back(),
            "igmp.router_group 239.1.1.1 MembersPresent --v1 report--> V1MembersPresent");
}

TEST_F(RouterGroupTest, LeaveInMembersPresentStartsCheckingMembership) {
  // Leave at t = 20 s: (start timer*, start rexmt timer, send g-s query). Queries at t and
  // t + LMQI = 21 s, Max Resp = LMQI = 1 s; no report, so the group ends at
  // t + LMQC x LMQI = 22 s exactly, and nothing is sent after.
  ReportAt(Seconds(0));
  LeaveAt(Seconds(20));
  EXPECT_EQ(group_.state(), RouterGroupState::kCheckingMembership);
  EXPECT_EQ(group_.expires_in(), Seconds(2));
  EXPECT_EQ(port_.traces.back(),
            "igmp.router_group 239.1.1.1 MembersPresent --leave--> CheckingMembership "
            "[send gsq]");
  RunUntil(Seconds(22) - Duration::FromNanos(1));
  EXPECT_EQ(group_.state(), RouterGroupState::kCheckingMembership);
  RunUntil(Seconds(100));
  EXPECT_EQ(port_.log,
            (std::vector<Did>{At(Seconds(0), "+239.1.1.1"), At(Seconds(20), "gsq 239.1.1.1 1s"),
                              At(Seconds(21), "gsq 239.1.1.1 1s"), At(Seconds(22), "-239.1.1.1")}));
  EXPECT_EQ(group_.state(), RouterGroupState::kNoMembersPresent);
}

TEST_F(RouterGroupTest, LeaveWithShortenedLastMemberQueryValues) {
  // LMQI 200 ms, LMQC 3: queries at t, t + 0.2, t + 0.4 s; gone at t + 3 x 0.2 = t + 0.6 s.
  config_.last_member_query_interval = Milliseconds(200);
  config_.last_member_query_count = 3;
  ReportAt(Seconds(0));
  LeaveAt(Seconds(10));
  RunUntil(Seconds(20));
  EXPECT_EQ(port_.log,
            (std::vector<Did>{At(Seconds(0), "+239.1.1.1"), At(Seconds(10), "gsq 239.1.1.1 200ms"),
                              At(Milliseconds(10'200), "gsq 239.1.1.1 200ms"),
                              At(Milliseconds(10'400), "gsq 239.1.1.1 200ms"),
                              At(Milliseconds(10'600), "-239.1.1.1")}));
}

TEST_F(RouterGroupTest, LeaveWhenNonQuerierIsIgnored) {
  // RFC 2236 §3: "Non-Queriers MUST ignore Leave Group messages".
  ReportAt(Seconds(0));
  LeaveAt(Seconds(20), kNonQuerier);
  EXPECT_EQ(group_.state(), RouterGroupState::kMembersPresent);
  RunUntil(Seconds(259));
  EXPECT_EQ(port_.log.size(), 1u);
}

TEST_F(RouterGroupTest, LeaveInIgmpv1ModeIsIgnored) {
  // RFC 2236 §4: "When in IGMPv1 mode, routers ... MUST ignore Leave Group messages."
  config_.version = 1;
  ReportAt(Seconds(0));
  LeaveAt(Seconds(20));
  EXPECT_EQ(group_.state(), RouterGroupState::kMembersPresent);
  EXPECT_EQ(port_.log.size(), 1u);
}

// --- Checking Membership --------------------------------------------------------------------

TEST_F(RouterGroupTest, V2ReportInCheckingMembershipGoesToMembersPresent) {
  // Leave at 20 s (query at 20 s), report at 20.5 s: (start timer) = GMI, so the group now
  // ends at 280.5 s. The 21 s query still goes out: LMQC queries per leave (RFC 2236 §3, FRR).
  ReportAt(Seconds(0));
  LeaveAt(Seconds(20));
  ReportAt(Milliseconds(20'500), 2, kHostB);
  EXPECT_EQ(group_.state(), RouterGroupState::kMembersPresent);
  EXPECT_EQ(group_.expires_in(), Seconds(260));
  EXPECT_EQ(port_.traces.back(),
            "igmp.router_group 239.1.1.1 CheckingMembership --v2 report--> MembersPresent");
  RunUntil(Milliseconds(280'500));
  EXPECT_EQ(port_.log,
            (std::vector<Did>{At(Seconds(0), "+239.1.1.1"), At(Seconds(20), "gsq 239.1.1.1 1s"),
                              At(Seconds(21), "gsq 239.1.1.1 1s"), At(Milliseconds(280'500), "-239.1.1.1")}));
  EXPECT_EQ(group_.state(), RouterGroupState::kNoMembersPresent);
}

TEST_F(RouterGroupTest, ReportInCheckingMembershipLetsEveryQueryOfTheLeaveGo) {
  // LMQC 3: queries at 20, 21 and 22 s even though a member answered at 20.5 s; the third
  // finds the group in Members Present and leaves its GMI timer alone.
  config_.last_member_query_count = 3;
  ReportAt(Seconds(0));
  LeaveAt(Seconds(20));
  ReportAt(Milliseconds(20'500), 2, kHostB);
  RunUntil(Seconds(30));
  EXPECT_EQ(port_.log,
            (std::vector<Did>{At(Seconds(0), "+239.1.1.1"), At(Seconds(20), "gsq 239.1.1.1 1s"),
                              At(Seconds(21), "gsq 239.1.1.1 1s"), At(Seconds(22), "gsq 239.1.1.1 1s")}));
  EXPECT_EQ(group_.state(), RouterGroupState::kMembersPresent);
  EXPECT_EQ(group_.expires_in(), Milliseconds(250'500));
  EXPECT_EQ(s_.pending_events(), 1u);  // the group timer alone
}

TEST_F(RouterGroupTest, V1ReportInCheckingMembershipGoesToV1MembersPresent) {
  ReportAt(Seconds(0));
  LeaveAt(Seconds(20));
  ReportAt(Milliseconds(20'500), 1);
  EXPECT_EQ(group_.state(), RouterGroupState::kV1MembersPresent);
  EXPECT_EQ(group_.expires_in(), Seconds(260));
  EXPECT_EQ(group_.v1_host_expires_in(), Seconds(260));
  RunUntil(Seconds(30));
  EXPECT_EQ(port_.log.size(), 3u);  // "+" and both group-specific queries of the leave
}

TEST_F(RouterGroupTest, RexmtTimerExpiredInCheckingMembershipSendsGroupSpecificQuery) {
  // LMQC 3, LMQI 1 s: the retransmit timer fires at t + 1 and t + 2 s, each time (send g-s
  // query, start rexmt timer) while the count lasts; the state stays Checking Membership.
  config_.last_member_query_count = 3;
  ReportAt(Seconds(0));
  LeaveAt(Seconds(20));
  RunUntil(Seconds(22));
  EXPECT_EQ(group_.state(), RouterGroupState::kCheckingMembership);
  EXPECT_EQ(
      port_.log,
      (std::vector<Did>{At(Seconds(0), "+239.1.1.1"), At(Seconds(20), "gsq 239.1.1.1 1s"),
                        At(Seconds(21), "gsq 239.1.1.1 1s"), At(Seconds(22), "gsq 239.1.1.1 1s")}));
  EXPECT_EQ(port_.traces.back(), "igmp.router_group 239.1.1.1 timer=rexmt [send gsq]");
  RunUntil(Seconds(23));
  EXPECT_EQ(port_.log.back(), At(Seconds(23), "-239.1.1.1"));
}

TEST_F(RouterGroupTest, TimerExpiredInCheckingMembershipClearsRexmtTimer) {
  // LMQC 3: leave at 20 s sets the timer to 23 s. LMQI becomes 5 s after the first query, so
  // the retransmit timer restarted at 21 s would fire at 26 s: the timer expiry at 23 s
  // (notify routing -, clear rexmt timer) must stop it.
  config_.last_member_query_count = 3;
  ReportAt(Seconds(0));
  LeaveAt(Seconds(20));
  RunUntil(Milliseconds(20'500));
  config_.last_member_query_interval = Seconds(5);
  RunUntil(Seconds(100));
  EXPECT_EQ(port_.log,
            (std::vector<Did>{At(Seconds(0), "+239.1.1.1"), At(Seconds(20), "gsq 239.1.1.1 1s"),
                              At(Seconds(21), "gsq 239.1.1.1 5s"), At(Seconds(23), "-239.1.1.1")}));
  EXPECT_EQ(port_.traces.back(),
            "igmp.router_group 239.1.1.1 CheckingMembership --timer expired--> "
            "NoMembersPresent [notify routing -]");
  EXPECT_EQ(s_.pending_events(), 0u);
}

TEST_F(RouterGroupTest, LeaveInCheckingMembershipDoesNotRestartTheQueries) {
  ReportAt(Seconds(0));
  LeaveAt(Seconds(20));
  LeaveAt(Milliseconds(20'500));
  RunUntil(Seconds(22));
  EXPECT_EQ(port_.log,
            (std::vector<Did>{At(Seconds(0), "+239.1.1.1"), At(Seconds(20), "gsq 239.1.1.1 1s"),
                              At(Seconds(21), "gsq 239.1.1.1 1s"), At(Seconds(22), "-239.1.1.1")}));
}

// --- Version 1 Members Present ----------------------------------------------------------------

TEST_F(RouterGroupTest, V2ReportInV1MembersPresentRestartsTheTimerOnly) {
  // v1 report at 0, v2 report at 100 s: group timer to 360 s, v1 host timer still 260 s.
  ReportAt(Seconds(0), 1);
  ReportAt(Seconds(100));
  EXPECT_EQ(group_.state(), RouterGroupState::kV1MembersPresent);
  EXPECT_EQ(group_.expires_in(), Seconds(260));
  EXPECT_EQ(group_.v1_host_expires_in(), Seconds(160));
}

TEST_F(RouterGroupTest, V1ReportInV1MembersPresentRestartsBothTimers) {
  ReportAt(Seconds(0), 1);
  ReportAt(Seconds(100), 1);
  EXPECT_EQ(group_.expires_in(), Seconds(260));
  EXPECT_EQ(group_.v1_host_expires_in(), Seconds(260));
}

TEST_F(RouterGroupTest, LeaveInV1MembersPresentIsIgnored) {
  // RFC 2236 §4: "If there are version 1 hosts present for a particular group, a router MUST
  // ignore any Leave Group messages that it receives for that group."
  ReportAt(Seconds(0), 1);
  ReportAt(Seconds(10));
  LeaveAt(Seconds(20));
  EXPECT_EQ(group_.state(), RouterGroupState::kV1MembersPresent);
  RunUntil(Seconds(269));
  EXPECT_EQ(port_.log.size(), 1u);
}

TEST_F(RouterGroupTest, V1HostTimerExpiredInV1MembersPresentGoesToMembersPresent) {
  // v1 report at 0, v2 report at 10 s (timer to 270 s). The v1 host timer ends at 260 s:
  // Members Present, group timer untouched; a leave at 261 s is then honoured: queries at 261
  // and 262 s, gone at 263 s.
  ReportAt(Seconds(0), 1);
  ReportAt(Seconds(10));
  RunUntil(Seconds(260));
  EXPECT_EQ(group_.state(), RouterGroupState::kMembersPresent);
  EXPECT_EQ(group_.expires_in(), Seconds(10));
  EXPECT_EQ(port_.traces.back(),
            "igmp.router_group 239.1.1.1 V1MembersPresent --v1 host timer expired--> "
            "MembersPresent");
  LeaveAt(Seconds(261));
  RunUntil(Seconds(300));
  EXPECT_EQ(port_.log, (std::vector<Did>{
                           At(Seconds(0), "+239.1.1.1"), At(Seconds(261), "gsq 239.1.1.1 1s"),
                           At(Seconds(262), "gsq 239.1.1.1 1s"), At(Seconds(263), "-239.1.1.1")}));
}

TEST_F(RouterGroupTest, TimerExpiredInV1MembersPresentGoesToNoMembersPresent) {
  // Only a v1 report at 0: both timers end at 260 s; the group timer runs first, so the group
  // goes straight to No Members Present (one transition, one "-").
  ReportAt(Seconds(0), 1);
  RunUntil(Seconds(260));
  EXPECT_EQ(port_.log,
            (std::vector<Did>{At(Seconds(0), "+239.1.1.1"), At(Seconds(260), "-239.1.1.1")}));
  EXPECT_EQ(port_.traces.back(),
            "igmp.router_group 239.1.1.1 V1MembersPresent --timer expired--> NoMembersPresent "
            "[notify routing -]");
  EXPECT_EQ(port_.traces.size(), 2u);
  EXPECT_EQ(s_.pending_events(), 0u);
}

// --- Non-Querier: group-specific query heard --------------------------------------------------

TEST_F(RouterGroupTest, GroupSpecificQueryInMembersPresentGoesToCheckingMembership) {
  // RFC 2236 §3/§7 (start timer*): LMQC x the query's Max Resp = 2 x 1 s. GSQ at 50 s: the
  // group ends at 52 s unless reported; the Non-Querier itself sends nothing.
  ReportAt(Seconds(0));
  RunUntil(Seconds(50));
  group_.OnGroupSpecificQueryReceived(Seconds(1));
  EXPECT_EQ(group_.state(), RouterGroupState::kCheckingMembership);
  EXPECT_EQ(group_.expires_in(), Seconds(2));
  EXPECT_EQ(port_.traces.back(),
            "igmp.router_group 239.1.1.1 MembersPresent --gsq--> CheckingMembership");
  RunUntil(Seconds(100));
  EXPECT_EQ(port_.log,
            (std::vector<Did>{At(Seconds(0), "+239.1.1.1"), At(Seconds(52), "-239.1.1.1")}));
}

TEST_F(RouterGroupTest, GroupSpecificQueryUsesThePacketsMaxRespTime) {
  // Max Resp 500 ms, LMQC 3: the timer becomes 1.5 s.
  config_.last_member_query_count = 3;
  ReportAt(Seconds(0));
  RunUntil(Seconds(50));
  group_.OnGroupSpecificQueryReceived(Milliseconds(500));
  EXPECT_EQ(group_.expires_in(), Milliseconds(1500));
  RunUntil(Seconds(100));
  EXPECT_EQ(port_.log.back(), At(Milliseconds(51'500), "-239.1.1.1"));
}

TEST_F(RouterGroupTest, GroupSpecificQueryNeverRaisesTheTimer) {
  // RFC 2236 §3: only "if its existing group membership timer is greater". Report at 0 (ends
  // 260 s); GSQ at 259 s would give 261 s: the timer keeps 260 s.
  ReportAt(Seconds(0));
  RunUntil(Seconds(259));
  group_.OnGroupSpecificQueryReceived(Seconds(1));
  EXPECT_EQ(group_.expires_in(), Seconds(1));
  RunUntil(Seconds(300));
  EXPECT_EQ(port_.log.back(), At(Seconds(260), "-239.1.1.1"));
}

TEST_F(RouterGroupTest, GroupSpecificQueryWithZeroMaxRespIsReadAsTenSeconds) {
  ReportAt(Seconds(0));
  RunUntil(Seconds(50));
  group_.OnGroupSpecificQueryReceived(Duration::Zero());
  EXPECT_EQ(group_.expires_in(), Seconds(20));
}

TEST_F(RouterGroupTest, ReportInCheckingMembershipAsNonQuerierGoesToMembersPresent) {
  ReportAt(Seconds(0));
  RunUntil(Seconds(50));
  group_.OnGroupSpecificQueryReceived(Seconds(1));
  ReportAt(Milliseconds(50'700), 2, kHostB);
  EXPECT_EQ(group_.state(), RouterGroupState::kMembersPresent);
  EXPECT_EQ(group_.expires_in(), Seconds(260));
  EXPECT_EQ(group_.last_reporter(), kHostB);
}

TEST_F(RouterGroupTest, GroupSpecificQueryInV1MembersPresentLowersTheTimerOnly) {
  ReportAt(Seconds(0), 1);
  RunUntil(Seconds(50));
  group_.OnGroupSpecificQueryReceived(Seconds(1));
  EXPECT_EQ(group_.state(), RouterGroupState::kV1MembersPresent);
  RunUntil(Seconds(52));
  EXPECT_EQ(port_.log.back(), At(Seconds(52), "-239.1.1.1"));
  EXPECT_EQ(s_.pending_events(), 0u);  // the v1 host timer went with the membership
}

TEST_F(RouterGroupTest, GroupSpecificQueryInNoMembersPresentIsIgnored) {
  group_.OnGroupSpecificQueryReceived(Seconds(1));
  EXPECT_EQ(group_.state(), RouterGroupState::kNoMembersPresent);
  EXPECT_EQ(group_.expires_in(), std::nullopt);
}

// --- Stop, configuration, names ---------------------------------------------------------------

TEST_F(RouterGroupTest, StopCancelsEveryTimerWithoutNotifying) {
  ReportAt(Seconds(0), 1);
  ReportAt(Seconds(5));
  RunUntil(Seconds(10));
  group_.Stop();
  EXPECT_EQ(group_.state(), RouterGroupState::kNoMembersPresent);
  EXPECT_EQ(port_.traces.back(),
            "igmp.router_group 239.1.1.1 V1MembersPresent --stop--> NoMembersPresent");
  EXPECT_EQ(s_.pending_events(), 0u);
  RunUntil(Seconds(1000));
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(0), "+239.1.1.1")}));
}

TEST_F(RouterGroupTest, StopDuringCheckingMembershipSendsNoMoreQueries) {
  ReportAt(Seconds(0));
  LeaveAt(Seconds(20));
  RunUntil(Milliseconds(20'500));
  group_.Stop();
  RunUntil(Seconds(100));
  EXPECT_EQ(port_.log,
            (std::vector<Did>{At(Seconds(0), "+239.1.1.1"), At(Seconds(20), "gsq 239.1.1.1 1s")}));
}

TEST_F(RouterGroupTest, NewConfigurationAppliesFromTheNextTimerStart) {
  // Report at 0 with GMI 260 s; GMI becomes 30 s at 10 s: the running timer keeps 260 s, the
  // report at 20 s restarts it with 30 s: gone at 50 s.
  ReportAt(Seconds(0));
  RunUntil(Seconds(10));
  config_.group_membership_interval = Seconds(30);
  EXPECT_EQ(group_.expires_in(), Seconds(250));
  ReportAt(Seconds(20));
  RunUntil(Seconds(50));
  EXPECT_EQ(port_.log.back(), At(Seconds(50), "-239.1.1.1"));
}

TEST_F(RouterGroupTest, ReportAfterExpiryStartsAFreshMembership) {
  ReportAt(Seconds(0));
  RunUntil(Seconds(260));
  ReportAt(Seconds(300), 2, kHostB);
  EXPECT_EQ(group_.state(), RouterGroupState::kMembersPresent);
  EXPECT_EQ(group_.since(), T(Seconds(300)));
  EXPECT_EQ(port_.log.back(), At(Seconds(300), "+239.1.1.1"));
}

TEST(RouterGroup, ToStringNamesEveryState) {
  EXPECT_EQ(ToString(RouterGroupState::kNoMembersPresent), "NoMembersPresent");
  EXPECT_EQ(ToString(RouterGroupState::kMembersPresent), "MembersPresent");
  EXPECT_EQ(ToString(RouterGroupState::kV1MembersPresent), "V1MembersPresent");
  EXPECT_EQ(ToString(RouterGroupState::kCheckingMembership), "CheckingMembership");
}

}  // namespace
}  // namespace igmp
