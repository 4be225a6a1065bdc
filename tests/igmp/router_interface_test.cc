// RouterInterface: the querier and the groups of one router interface fed with parsed
// messages, as the node's glue will feed them. Exact instants with the RFC 2236 §8 defaults
// (QI 125 s, QRI 10 s, SQI = QI/4 = 31.25 s, SQC 2, GMI = 2 x 125 + 10 = 260 s,
// OQPI = 2 x 125 + 10/2 = 255 s, LMQI 1 s, LMQC 2) and with shortened values.
#include "igmp/router_interface.h"

#include <gtest/gtest.h>

#include <vector>

#include "sim/core/scheduler.h"
#include "sim/core/time.h"
#include "sim/wire/igmp.h"
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
using sim::wire::IgmpQuery;
using sim::wire::IgmpV3Query;
using sim::wire::Ipv4Address;

constexpr Ipv4Address kR1{10, 0, 0, 1};
constexpr Ipv4Address kR2{10, 0, 0, 2};  // the router under test
constexpr Ipv4Address kR3{10, 0, 0, 3};
constexpr Ipv4Address kHostA{10, 0, 0, 10};
constexpr Ipv4Address kHostB{10, 0, 0, 11};
constexpr Ipv4Address kG1{239, 1, 1, 1};
constexpr Ipv4Address kG2{239, 2, 2, 2};
constexpr Ipv4Address kG0{225, 0, 0, 1};

const IgmpQuery kGeneralQuery{Seconds(10), Ipv4Address()};
IgmpQuery Gsq(Ipv4Address group) { return IgmpQuery{Seconds(1), group}; }

class RouterInterfaceTest : public testing::Test {
 protected:
  void RunUntil(Duration d) { s_.RunUntil(T(d)); }
  // The log without the general queries, for tests about groups.
  std::vector<Did> GroupLog() const {
    std::vector<Did> out;
    for (const Did& d : port_.log) {
      if (d.what.rfind("gq ", 0) != 0) out.push_back(d);
    }
    return out;
  }

  Scheduler s_;
  RecordingRouterPort port_{s_};
  RouterInterface rif_{s_, 7, RouterConfig{}, kR2, port_};
};

// --- Querier --------------------------------------------------------------------------------

TEST_F(RouterInterfaceTest, StartupQueriesAt0And31_25Then156_25) {
  // RFC 2236 §3: SQC = 2 queries SQI = QI/4 = 31.25 s apart, the first at once; then every
  // QI: 31.25 + 125 = 156.25 s. Max Resp = QRI = 10 s.
  rif_.Start();
  EXPECT_TRUE(rif_.is_querier());
  EXPECT_EQ(rif_.querier_address(), kR2);
  RunUntil(Milliseconds(156'250));
  EXPECT_EQ(port_.log,
            (std::vector<Did>{At(Seconds(0), "gq 10s"), At(Milliseconds(31'250), "gq 10s"),
                              At(Milliseconds(156'250), "gq 10s")}));
  EXPECT_EQ(rif_.next_general_query_in(), Seconds(125));
}

TEST_F(RouterInterfaceTest, R2YieldsToR1AtTAndTakesOverOqpiLater) {
  // R2 (10.0.0.2) hears R1's (10.0.0.1) general query at t = 40 s: Non-Querier at once.
  // R1 then falls silent: at t + OQPI = 40 + 255 = 295 s R2 sends one query, then every
  // QI = 125 s (420, 545 s), with no new startup burst.
  rif_.Start();
  RunUntil(Seconds(40));
  rif_.OnQuery(kR1, kGeneralQuery);
  EXPECT_FALSE(rif_.is_querier());
  EXPECT_EQ(rif_.querier_address(), kR1);
  EXPECT_EQ(rif_.other_querier_expires_in(), Seconds(255));
  EXPECT_EQ(rif_.next_general_query_in(), std::nullopt);
  RunUntil(Seconds(545));
  EXPECT_EQ(port_.log,
            (std::vector<Did>{At(Seconds(0), "gq 10s"), At(Milliseconds(31'250), "gq 10s"),
                              At(Seconds(295), "gq 10s"), At(Seconds(420), "gq 10s"),
                              At(Seconds(545), "gq 10s")}));
  EXPECT_TRUE(rif_.is_querier());
}

TEST_F(RouterInterfaceTest, V1AndV3QueriesFromALowerAddressAlsoWinTheElection) {
  // IGMPv1 query (Max Resp 0) at 10 s; IGMPv3 query at 100 s restarts the timer: takeover
  // at 100 + 255 = 355 s.
  rif_.Start();
  RunUntil(Seconds(10));
  rif_.OnQuery(kR1, IgmpQuery{Duration::Zero(), Ipv4Address()});
  EXPECT_FALSE(rif_.is_querier());
  RunUntil(Seconds(100));
  rif_.OnV3Query(kR1, IgmpV3Query{Seconds(10), Ipv4Address(), false, 2, Seconds(125), {}});
  RunUntil(Seconds(355));
  EXPECT_EQ(port_.log.back(), At(Seconds(355), "gq 10s"));
  EXPECT_EQ(port_.log.size(), 2u);  // 0 s, then 355 s
}

TEST_F(RouterInterfaceTest, QueryFromHigherAddressIsIgnored) {
  rif_.Start();
  RunUntil(Seconds(10));
  rif_.OnQuery(kR3, kGeneralQuery);
  rif_.OnV3Query(kR3, IgmpV3Query{Seconds(10), Ipv4Address(), false, 2, Seconds(125), {}});
  EXPECT_TRUE(rif_.is_querier());
  RunUntil(Milliseconds(31'250));
  EXPECT_EQ(port_.log.back(), At(Milliseconds(31'250), "gq 10s"));
}

// --- Groups ---------------------------------------------------------------------------------

TEST_F(RouterInterfaceTest, ReportAddsGroupWithGroupMembershipInterval) {
  rif_.Start();
  RunUntil(Seconds(5));
  rif_.OnReport(kHostA, kG1, 2);
  EXPECT_TRUE(rif_.HasMembers(kG1));
  EXPECT_FALSE(rif_.HasMembers(kG2));
  RunUntil(Seconds(265));  // 5 + GMI 260
  EXPECT_FALSE(rif_.HasMembers(kG1));
  EXPECT_TRUE(rif_.Groups().empty());
  EXPECT_EQ(GroupLog(),
            (std::vector<Did>{At(Seconds(5), "+239.1.1.1"), At(Seconds(265), "-239.1.1.1")}));
}

TEST_F(RouterInterfaceTest, LeaveGivesQueriesAtTAndTPlus1AndGroupGoneAtTPlus2) {
  // Leave at t = 20 s: GSQs at t and t + LMQI = 21 s (Max Resp LMQI = 1 s);
  // MembershipChanged(false) at exactly t + LMQC x LMQI = 22 s.
  rif_.Start();
  RunUntil(Seconds(5));
  rif_.OnReport(kHostA, kG1, 2);
  RunUntil(Seconds(20));
  rif_.OnLeave(kHostA, kG1);
  RunUntil(Seconds(22) - Duration::FromNanos(1));
  EXPECT_TRUE(rif_.HasMembers(kG1));
  ASSERT_EQ(rif_.Groups().size(), 1u);
  EXPECT_EQ(rif_.Groups()[0].state, RouterGroupState::kCheckingMembership);
  RunUntil(Seconds(22));
  EXPECT_FALSE(rif_.HasMembers(kG1));
  EXPECT_EQ(GroupLog(),
            (std::vector<Did>{At(Seconds(5), "+239.1.1.1"), At(Seconds(20), "gsq 239.1.1.1 1s"),
                              At(Seconds(21), "gsq 239.1.1.1 1s"), At(Seconds(22), "-239.1.1.1")}));
}

TEST_F(RouterInterfaceTest, ReportDuringCheckingMembershipKeepsTheGroup) {
  // Leave at 20 s, another member answers the first GSQ at 20.4 s: the GSQ at 21 s still goes
  // (LMQC per leave, RFC 2236 §3), no "-" at 22 s; the group now lasts GMI from the answer.
  rif_.Start();
  RunUntil(Seconds(5));
  rif_.OnReport(kHostA, kG1, 2);
  RunUntil(Seconds(20));
  rif_.OnLeave(kHostA, kG1);
  RunUntil(Milliseconds(20'400));
  rif_.OnReport(kHostB, kG1, 2);
  RunUntil(Seconds(100));
  EXPECT_EQ(GroupLog(),
            (std::vector<Did>{At(Seconds(5), "+239.1.1.1"), At(Seconds(20), "gsq 239.1.1.1 1s"),
                              At(Seconds(21), "gsq 239.1.1.1 1s")}));
  ASSERT_EQ(rif_.Groups().size(), 1u);
  EXPECT_EQ(rif_.Groups()[0].state, RouterGroupState::kMembersPresent);
  EXPECT_EQ(rif_.Groups()[0].expires_in, Milliseconds(180'400));
  EXPECT_EQ(rif_.Groups()[0].last_reporter, kHostB);
}

TEST_F(RouterInterfaceTest, QuerierToNonQuerierDuringCheckingKeepsSendingGsqs) {
  // RFC 2236 §3: "Any Querier to non-Querier transition is ignored during this time; the same
  // router keeps sending the Group-Specific Queries." R1 wins at 20.5 s; R2 still sends the
  // 21 s GSQ and drops the group at 22 s.
  rif_.Start();
  RunUntil(Seconds(5));
  rif_.OnReport(kHostA, kG1, 2);
  RunUntil(Seconds(20));
  rif_.OnLeave(kHostA, kG1);
  RunUntil(Milliseconds(20'500));
  rif_.OnQuery(kR1, kGeneralQuery);
  EXPECT_FALSE(rif_.is_querier());
  RunUntil(Seconds(30));
  EXPECT_EQ(GroupLog(),
            (std::vector<Did>{At(Seconds(5), "+239.1.1.1"), At(Seconds(20), "gsq 239.1.1.1 1s"),
                              At(Seconds(21), "gsq 239.1.1.1 1s"), At(Seconds(22), "-239.1.1.1")}));
}

TEST_F(RouterInterfaceTest, NonQuerierIgnoresLeave) {
  // RFC 2236 §3: "Non-Queriers MUST ignore Leave Group messages".
  rif_.Start();
  RunUntil(Seconds(1));
  rif_.OnQuery(kR1, kGeneralQuery);
  RunUntil(Seconds(2));
  rif_.OnReport(kHostA, kG1, 2);
  RunUntil(Seconds(20));
  rif_.OnLeave(kHostA, kG1);
  RunUntil(Seconds(30));
  EXPECT_TRUE(rif_.HasMembers(kG1));
  EXPECT_EQ(GroupLog(), (std::vector<Did>{At(Seconds(2), "+239.1.1.1")}));
}

TEST_F(RouterInterfaceTest, NonQuerierLowersItsTimerOnGroupSpecificQuery) {
  // R2 is Non-Querier from 1 s. R1's GSQ for 239.1.1.1 at t = 50 s (Max Resp 1 s): R2 sets
  // its timer to LMQC x Max Resp = 2 s and, with no report, drops the group at 52 s, sending
  // nothing itself. 239.2.2.2 is untouched.
  rif_.Start();
  RunUntil(Seconds(1));
  rif_.OnQuery(kR1, kGeneralQuery);
  RunUntil(Seconds(2));
  rif_.OnReport(kHostA, kG1, 2);
  rif_.OnReport(kHostA, kG2, 2);
  RunUntil(Seconds(50));
  rif_.OnQuery(kR1, Gsq(kG1));
  EXPECT_EQ(rif_.Groups()[0].state, RouterGroupState::kCheckingMembership);
  EXPECT_EQ(rif_.Groups()[0].expires_in, Seconds(2));
  RunUntil(Seconds(52));
  EXPECT_EQ(GroupLog(),
            (std::vector<Did>{At(Seconds(2), "+239.1.1.1"), At(Seconds(2), "+239.2.2.2"),
                              At(Seconds(52), "-239.1.1.1")}));
  EXPECT_TRUE(rif_.HasMembers(kG2));
  EXPECT_EQ(rif_.other_querier_expires_in(), Seconds(253));  // restarted by the GSQ at 50 s
}

TEST_F(RouterInterfaceTest, QuerierHearingLowerGsqYieldsThenLowersItsTimer) {
  // R2 is Querier with the group; R1's GSQ at 50 s both wins the election and, now that R2
  // is a Non-Querier, lowers R2's timer: gone at 52 s.
  rif_.Start();
  RunUntil(Seconds(2));
  rif_.OnReport(kHostA, kG1, 2);
  RunUntil(Seconds(50));
  rif_.OnQuery(kR1, Gsq(kG1));
  EXPECT_FALSE(rif_.is_querier());
  RunUntil(Seconds(52));
  EXPECT_EQ(GroupLog().back(), At(Seconds(52), "-239.1.1.1"));
}

TEST_F(RouterInterfaceTest, QuerierIgnoresGsqFromHigherAddress) {
  rif_.Start();
  RunUntil(Seconds(2));
  rif_.OnReport(kHostA, kG1, 2);
  RunUntil(Seconds(50));
  rif_.OnQuery(kR3, Gsq(kG1));
  EXPECT_TRUE(rif_.is_querier());
  EXPECT_EQ(rif_.Groups()[0].state, RouterGroupState::kMembersPresent);
  EXPECT_EQ(rif_.Groups()[0].expires_in, Seconds(212));
}

TEST_F(RouterInterfaceTest, V1HostPresentMakesLeavesIgnoredUntilV1HostTimerExpires) {
  // RFC 2236 §4: v1 report at 0 s (v1 host timer 260 s), v2 report at 10 s (group timer
  // 270 s); the leave at 20 s is ignored. At 260 s the group is back in Members Present, so
  // the leave at 261 s gives GSQs at 261 and 262 s and the end at 263 s.
  rif_.Start();
  rif_.OnReport(kHostA, kG1, 1);
  EXPECT_EQ(rif_.Groups()[0].state, RouterGroupState::kV1MembersPresent);
  RunUntil(Seconds(10));
  rif_.OnReport(kHostB, kG1, 2);
  RunUntil(Seconds(20));
  rif_.OnLeave(kHostB, kG1);
  EXPECT_EQ(rif_.Groups()[0].state, RouterGroupState::kV1MembersPresent);
  RunUntil(Seconds(260));
  EXPECT_EQ(rif_.Groups()[0].state, RouterGroupState::kMembersPresent);
  RunUntil(Seconds(261));
  rif_.OnLeave(kHostB, kG1);
  RunUntil(Seconds(300));
  EXPECT_EQ(GroupLog(), (std::vector<Did>{
                            At(Seconds(0), "+239.1.1.1"), At(Seconds(261), "gsq 239.1.1.1 1s"),
                            At(Seconds(262), "gsq 239.1.1.1 1s"), At(Seconds(263), "-239.1.1.1")}));
}

TEST_F(RouterInterfaceTest, LinkLocalAndNonMulticastGroupsAreIgnored) {
  rif_.Start();
  rif_.OnReport(kHostA, Ipv4Address(224, 0, 0, 5), 2);
  rif_.OnReport(kHostA, Ipv4Address(224, 0, 0, 251), 1);
  rif_.OnReport(kHostA, Ipv4Address(10, 1, 1, 1), 2);
  rif_.OnLeave(kHostA, Ipv4Address(224, 0, 0, 2));
  rif_.OnReport(kHostA, kG1, 3);  // not a v1/v2 report
  EXPECT_TRUE(rif_.Groups().empty());
  EXPECT_TRUE(GroupLog().empty());
}

TEST_F(RouterInterfaceTest, LeaveForUnknownGroupIsIgnored) {
  // RFC 2236 §3: "Queriers SHOULD ignore Leave Group messages for which there are no group
  // members on the reception interface."
  rif_.Start();
  RunUntil(Seconds(5));
  rif_.OnLeave(kHostA, kG1);
  RunUntil(Seconds(10));
  EXPECT_TRUE(GroupLog().empty());
  EXPECT_TRUE(rif_.Groups().empty());
}

TEST_F(RouterInterfaceTest, GroupsAreOrderedWithStateSinceExpiryAndLastReporter) {
  rif_.Start();
  RunUntil(Seconds(3));
  rif_.OnReport(kHostA, kG2, 2);
  RunUntil(Seconds(4));
  rif_.OnReport(kHostB, kG0, 1);
  RunUntil(Seconds(5));
  rif_.OnReport(kHostB, kG1, 2);
  RunUntil(Seconds(10));
  const auto groups = rif_.Groups();
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].group, kG0);
  EXPECT_EQ(groups[0].state, RouterGroupState::kV1MembersPresent);
  EXPECT_EQ(groups[0].since, T(Seconds(4)));
  EXPECT_EQ(groups[0].expires_in, Seconds(254));
  EXPECT_EQ(groups[0].last_reporter, kHostB);
  EXPECT_EQ(groups[1].group, kG1);
  EXPECT_EQ(groups[1].expires_in, Seconds(255));
  EXPECT_EQ(groups[2].group, kG2);
  EXPECT_EQ(groups[2].since, T(Seconds(3)));
  EXPECT_EQ(groups[2].last_reporter, kHostA);
}

TEST_F(RouterInterfaceTest, ExpiredGroupComesBackAsANewMembership) {
  rif_.Start();
  rif_.OnReport(kHostA, kG1, 2);
  RunUntil(Seconds(300));
  rif_.OnReport(kHostB, kG1, 2);
  ASSERT_EQ(rif_.Groups().size(), 1u);
  EXPECT_EQ(rif_.Groups()[0].since, T(Seconds(300)));
  EXPECT_EQ(GroupLog(),
            (std::vector<Did>{At(Seconds(0), "+239.1.1.1"), At(Seconds(260), "-239.1.1.1"),
                              At(Seconds(300), "+239.1.1.1")}));
}

// --- Stop, Reconfigure, IGMPv1 mode, shortened values -----------------------------------------

TEST_F(RouterInterfaceTest, StopCancelsEveryTimerForgetsEveryGroupAndSendsNothing) {
  // Stop at 20.5 s, in the middle of a leave's GSQs: nothing more is sent or notified, and
  // messages are ignored until Start, which begins a new startup burst (100, 131.25 s).
  rif_.Start();
  RunUntil(Seconds(5));
  rif_.OnReport(kHostA, kG1, 2);
  rif_.OnReport(kHostA, kG2, 1);
  RunUntil(Seconds(20));
  rif_.OnLeave(kHostA, kG1);
  RunUntil(Milliseconds(20'500));
  const std::size_t before = port_.log.size();
  // Both groups still had members (G1 in Checking Membership): Stop reports them, in order.
  EXPECT_EQ(rif_.Stop(), (std::vector<Ipv4Address>{kG1, kG2}));
  EXPECT_FALSE(rif_.running());
  EXPECT_FALSE(rif_.is_querier());
  EXPECT_TRUE(rif_.Groups().empty());
  EXPECT_EQ(s_.pending_events(), 0u);
  rif_.OnReport(kHostA, kG1, 2);
  rif_.OnQuery(kR1, kGeneralQuery);
  RunUntil(Seconds(100));
  EXPECT_EQ(port_.log.size(), before);
  EXPECT_TRUE(rif_.Groups().empty());
  rif_.Start();
  EXPECT_TRUE(rif_.is_querier());
  RunUntil(Milliseconds(131'250));
  EXPECT_EQ(port_.log.size(), before + 2);
  EXPECT_EQ(port_.log.back(), At(Milliseconds(131'250), "gq 10s"));
}

TEST_F(RouterInterfaceTest, ReconfigureAppliesFromTheNextStartOfEachTimer) {
  // At 10 s: GMI 30 s, LMQI 500 ms, LMQC 3. The group reported at 5 s keeps its 265 s
  // deadline until the report at 20 s (then 50 s); the leave at 40 s uses the new values:
  // GSQs at 40, 40.5, 41 s with Max Resp 500 ms, gone at 41.5 s.
  rif_.Start();
  RunUntil(Seconds(5));
  rif_.OnReport(kHostA, kG1, 2);
  RunUntil(Seconds(10));
  RouterConfig c;
  c.group_membership_interval = Seconds(30);
  c.last_member_query_interval = Milliseconds(500);
  c.last_member_query_count = 3;
  rif_.Reconfigure(c);
  EXPECT_EQ(rif_.Groups()[0].expires_in, Seconds(255));
  RunUntil(Seconds(20));
  rif_.OnReport(kHostA, kG1, 2);
  EXPECT_EQ(rif_.Groups()[0].expires_in, Seconds(30));
  RunUntil(Seconds(40));
  rif_.OnLeave(kHostA, kG1);
  RunUntil(Seconds(50));
  EXPECT_EQ(GroupLog(),
            (std::vector<Did>{At(Seconds(5), "+239.1.1.1"), At(Seconds(40), "gsq 239.1.1.1 500ms"),
                              At(Milliseconds(40'500), "gsq 239.1.1.1 500ms"),
                              At(Seconds(41), "gsq 239.1.1.1 500ms"),
                              At(Milliseconds(41'500), "-239.1.1.1")}));
  EXPECT_EQ(rif_.config().last_member_query_count, 3u);
}

TEST_F(RouterInterfaceTest, ReconfigureToIgmpv1SendsMaxRespZeroAndIgnoresLeaves) {
  // RFC 2236 §4: in IGMPv1 mode, queries carry Max Resp 0 and leaves are ignored.
  rif_.Start();
  RunUntil(Seconds(5));
  rif_.OnReport(kHostA, kG1, 2);
  RouterConfig c;
  c.version = 1;
  rif_.Reconfigure(c);
  RunUntil(Seconds(20));
  rif_.OnLeave(kHostA, kG1);
  RunUntil(Milliseconds(31'250));
  EXPECT_TRUE(rif_.HasMembers(kG1));
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(0), "gq 10s"), At(Seconds(5), "+239.1.1.1"),
                                         At(Milliseconds(31'250), "gq 0s")}));
}

TEST(RouterInterface, ShortenedValuesEndToEnd) {
  // QI 10 s, QRI 2 s, SQI 2.5 s, SQC 2, GMI = 2 x 10 + 2 = 22 s, OQPI = 2 x 10 + 1 = 21 s,
  // LMQI 500 ms, LMQC 2. Queries at 0, 2.5, 12.5 s; R1 wins at 13 s, falls silent, R2 takes
  // over at 34 s (then 44 s). Report at 30 s (GMI: until 52 s), leave at 40 s (Querier
  // again): GSQs at 40 and 40.5 s, gone at 40 + 2 x 0.5 = 41 s.
  Scheduler s;
  RecordingRouterPort port(s);
  RouterConfig c;
  c.query_interval = Seconds(10);
  c.query_response_interval = Seconds(2);
  c.startup_query_interval = Milliseconds(2500);
  c.group_membership_interval = Seconds(22);
  c.other_querier_present_interval = Seconds(21);
  c.last_member_query_interval = Milliseconds(500);
  RouterInterface rif(s, 7, c, kR2, port);
  rif.Start();
  s.RunUntil(T(Seconds(13)));
  rif.OnQuery(kR1, IgmpQuery{Seconds(2), Ipv4Address()});
  s.RunUntil(T(Seconds(30)));
  rif.OnReport(kHostA, kG1, 2);
  s.RunUntil(T(Seconds(40)));
  rif.OnLeave(kHostA, kG1);
  s.RunUntil(T(Seconds(44)));
  EXPECT_EQ(port.log,
            (std::vector<Did>{At(Seconds(0), "gq 2s"), At(Milliseconds(2500), "gq 2s"),
                              At(Milliseconds(12'500), "gq 2s"), At(Seconds(30), "+239.1.1.1"),
                              At(Seconds(34), "gq 2s"), At(Seconds(40), "gsq 239.1.1.1 500ms"),
                              At(Milliseconds(40'500), "gsq 239.1.1.1 500ms"),
                              At(Seconds(41), "-239.1.1.1"), At(Seconds(44), "gq 2s")}));
}

TEST_F(RouterInterfaceTest, NothingHappensBeforeStart) {
  rif_.OnReport(kHostA, kG1, 2);
  rif_.OnQuery(kR1, kGeneralQuery);
  rif_.OnLeave(kHostA, kG1);
  rif_.Stop();
  RunUntil(Seconds(1000));
  EXPECT_TRUE(port_.log.empty());
  EXPECT_TRUE(port_.traces.empty());
  EXPECT_FALSE(rif_.running());
  EXPECT_EQ(rif_.querier_address(), Ipv4Address());
}

}  // namespace
}  // namespace igmp
