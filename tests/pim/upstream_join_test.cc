// UpstreamJoin alone (RFC 7761 §4.5.4 (*,G), §4.5.5 (S,G)): one TEST per table edge, named
// after it, plus the subtle cases quoted in the code. Every instant is exact: the random
// t_suppressed and t_override are fixed by the test.
//
// Defaults: t_periodic 60 s; t_suppressed here 75 s (inside rand(66 s, 84 s)); J/P HoldTime
// 210 s.
#include "pim/upstream_join.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "pim/config.h"
#include "pim/join_timers.h"
#include "sim/core/scheduler.h"
#include "sim/core/time.h"
#include "tests/pim/join_test_port.h"

namespace pim {
namespace {

using join_testing::At;
using join_testing::Did;
using join_testing::kGroup;
using join_testing::kHoldtime;
using join_testing::kSource;
using join_testing::RecordingUpstreamPort;
using join_testing::T;
using sim::core::Duration;
using sim::core::Milliseconds;
using sim::core::Scheduler;
using sim::core::Seconds;
using sim::wire::Ipv4Address;

constexpr Ipv4Address kRpf{10, 0, 0, 2};
constexpr Ipv4Address kNewRpf{10, 0, 0, 3};
constexpr std::string_view kPeriodicJoinTrace =
    "pim.upstream (*,239.1.1.1) Joined --JT expires--> Joined send=join 10.0.0.2 why=periodic "
    "jt=1min";

class UpstreamJoinTest : public testing::Test {
 protected:
  void RunUntil(Duration d) { s_.RunUntil(T(d)); }
  void DesiredAt(Duration d, bool desired = true) {
    RunUntil(d);
    up_.OnJoinDesired(desired);
  }
  void SeeJoinAt(Duration d, Duration holdtime = kHoldtime) {
    RunUntil(d);
    up_.OnJoinSeen(holdtime);
  }
  void SeePruneAt(Duration d, Duration t_override) {
    RunUntil(d);
    up_.OnPruneSeen(t_override);
  }
  // Joined at 0 s; at `d` the neighbors in `unreachable` go out of reach and RPF' moves to
  // `to`. Returns the line that change traced, checked to be at `d`.
  std::string ChangeRpfAt(Duration d, Ipv4Address to, std::initializer_list<Ipv4Address> unreachable = {}) {
    DesiredAt(Seconds(0));
    RunUntil(d);
    port_.unreachable.insert(unreachable);
    up_.OnRpfNeighborChanged(to);
    EXPECT_EQ(port_.trace_times.back(), T(d));
    return port_.traces.back();
  }
  static std::string RpfChangeTrace(std::string_view rpf, std::string_view send) {
    return "pim.upstream (*,239.1.1.1) Joined --RPF' changes--> Joined old_rpf=10.0.0.2 rpf=" + std::string(rpf) +
           (send.empty() ? "" : " send=" + std::string(send)) + " why=rpf change jt=1min";
  }
  static Did Join(Duration d, Ipv4Address to = kRpf) {
    return At(d, "join (*,239.1.1.1) " + sim::wire::ToString(to));
  }
  static Did Prune(Duration d, Ipv4Address to = kRpf) {
    return At(d, "prune (*,239.1.1.1) " + sim::wire::ToString(to));
  }

  Scheduler s_;
  Config config_;
  Duration t_suppressed_ = Seconds(75);
  RecordingUpstreamPort port_{s_};
  UpstreamJoin up_{s_,   1,     JoinKey::StarG(kGroup),          config_,
                   kRpf, port_, [this] { return t_suppressed_; }};
};

// --- NotJoined ----------------------------------------------------------------------------------

TEST_F(UpstreamJoinTest, JoinDesiredTrueInNotJoinedSendsJoinAndGoesToJoined) {
  DesiredAt(Seconds(5));
  EXPECT_EQ(up_.state(), UpstreamJoinState::kJoined);
  EXPECT_EQ(port_.log, (std::vector<Did>{Join(Seconds(5))}));
  EXPECT_EQ(port_.traces.back(),
            "pim.upstream (*,239.1.1.1) NotJoined --JoinDesired true--> Joined "
            "send=join 10.0.0.2 why=joined jt=1min");
  EXPECT_EQ(up_.join_timer_in(), Seconds(60));
  EXPECT_EQ(up_.since(), T(Seconds(5)));
}

TEST_F(UpstreamJoinTest, JoinDesiredFalseInNotJoinedIsNoEvent) {
  DesiredAt(Seconds(5), false);
  EXPECT_EQ(up_.state(), UpstreamJoinState::kNotJoined);
  EXPECT_TRUE(port_.log.empty());
  EXPECT_TRUE(port_.traces.empty());
  EXPECT_EQ(up_.join_timer_in(), std::nullopt);
}

TEST_F(UpstreamJoinTest, SeenMessagesInNotJoinedAreIgnored) {
  SeeJoinAt(Seconds(1));
  SeePruneAt(Seconds(2), Seconds(1));
  up_.OnRpfNeighborGenIdChanged(Seconds(1));
  EXPECT_EQ(up_.state(), UpstreamJoinState::kNotJoined);
  EXPECT_TRUE(port_.traces.empty());
  EXPECT_EQ(s_.pending_events(), 0u);
}

TEST_F(UpstreamJoinTest, RpfChangeInNotJoinedIsOnlyRemembered) {
  RunUntil(Seconds(1));
  up_.OnRpfNeighborChanged(kNewRpf);
  EXPECT_EQ(up_.rpf_neighbor(), kNewRpf);
  EXPECT_TRUE(port_.traces.empty());
  DesiredAt(Seconds(2));
  EXPECT_EQ(port_.log, (std::vector<Did>{Join(Seconds(2), kNewRpf)}));
}

// --- Joined -------------------------------------------------------------------------------------

TEST_F(UpstreamJoinTest, JoinDesiredTrueInJoinedIsNoEvent) {
  DesiredAt(Seconds(0));
  DesiredAt(Seconds(10));
  EXPECT_EQ(port_.log.size(), 1u);
  EXPECT_EQ(port_.traces.size(), 1u);
  EXPECT_EQ(up_.join_timer_in(), Seconds(50));
}

TEST_F(UpstreamJoinTest, JoinDesiredFalseInJoinedSendsPruneAndGoesToNotJoined) {
  // Joined at 0, not desired at 100 s: Prune at 100 s, the JT cancelled, nothing after.
  DesiredAt(Seconds(0));
  DesiredAt(Seconds(100), false);
  EXPECT_EQ(up_.state(), UpstreamJoinState::kNotJoined);
  EXPECT_EQ(port_.traces.back(),
            "pim.upstream (*,239.1.1.1) Joined --JoinDesired false--> NotJoined "
            "send=prune 10.0.0.2 why=pruned");
  EXPECT_EQ(s_.pending_events(), 0u);
  RunUntil(Seconds(1000));
  EXPECT_EQ(port_.log,
            (std::vector<Did>{Join(Seconds(0)), Join(Seconds(60)), Prune(Seconds(100))}));
}

TEST_F(UpstreamJoinTest, JoinTimerExpiresInJoinedSendsPeriodicJoin) {
  // Joined at 5 s: Joins at 5, 65, 125 and 185 s, each restarting the JT with t_periodic.
  DesiredAt(Seconds(5));
  RunUntil(Seconds(185));
  EXPECT_EQ(port_.log, (std::vector<Did>{Join(Seconds(5)), Join(Seconds(65)), Join(Seconds(125)),
                                         Join(Seconds(185))}));
  EXPECT_EQ(port_.traces.back(), kPeriodicJoinTrace);
}

TEST_F(UpstreamJoinTest, JoinTimerWithShortenedPeriod) {
  // t_periodic 10 s: Joins at 0, 10, 20, 30 s.
  config_.join_prune_period = Seconds(10);
  DesiredAt(Seconds(0));
  RunUntil(Seconds(30));
  EXPECT_EQ(port_.log, (std::vector<Did>{Join(Seconds(0)), Join(Seconds(10)), Join(Seconds(20)),
                                         Join(Seconds(30))}));
}

TEST_F(UpstreamJoinTest, SeeJoinInJoinedSuppressesThePeriodicJoin) {
  // Another router's Join at 50 s (10 s before ours): t_joinsuppress = min(75 s, 210 s), so
  // our next Join moves from 60 s to 125 s, then periodic again at 185 s.
  DesiredAt(Seconds(0));
  SeeJoinAt(Seconds(50));
  EXPECT_EQ(up_.join_timer_in(), Seconds(75));
  EXPECT_EQ(port_.traces.back(),
            "pim.upstream (*,239.1.1.1) Joined --see Join--> Joined why=suppressed jt=75s");
  RunUntil(Seconds(185));
  EXPECT_EQ(port_.log,
            (std::vector<Did>{Join(Seconds(0)), Join(Seconds(125)), Join(Seconds(185))}));
}

TEST_F(UpstreamJoinTest, SeeJoinSuppressesOnlyForItsHoldtime) {
  // HoldTime 20 s < t_suppressed: the JT (10 s left at 50 s) goes to 20 s, Join at 70 s.
  DesiredAt(Seconds(0));
  SeeJoinAt(Seconds(50), Seconds(20));
  RunUntil(Seconds(70));
  EXPECT_EQ(port_.log, (std::vector<Did>{Join(Seconds(0)), Join(Seconds(70))}));
}

TEST_F(UpstreamJoinTest, SeeJoinNeverLowersTheJoinTimer) {
  // t_suppressed 30 s with 59 s left: "leave it unchanged".
  t_suppressed_ = Seconds(30);
  DesiredAt(Seconds(0));
  SeeJoinAt(Seconds(1));
  EXPECT_EQ(up_.join_timer_in(), Seconds(59));
  EXPECT_EQ(port_.traces.back(), "pim.upstream (*,239.1.1.1) Joined --see Join--> Joined jt=59s");
  RunUntil(Seconds(60));
  EXPECT_EQ(port_.log.back(), Join(Seconds(60)));
}

TEST_F(UpstreamJoinTest, SeeJoinWithSuppressionDisabledChangesNothing) {
  // §4.11: t_suppressed is 0 when Suppression_Enabled(I) is false.
  t_suppressed_ = Duration::Zero();
  DesiredAt(Seconds(0));
  SeeJoinAt(Seconds(50));
  RunUntil(Seconds(60));
  EXPECT_EQ(port_.log, (std::vector<Did>{Join(Seconds(0)), Join(Seconds(60))}));
}

TEST_F(UpstreamJoinTest, SeePruneInJoinedOverridesWithinTOverride) {
  // Suppressed at 10 s (next Join at 85 s); another router prunes at 40 s, t_override 1.7 s:
  // our Join goes at 41.7 s as an override, then periodic from there.
  DesiredAt(Seconds(0));
  SeeJoinAt(Seconds(10));
  SeePruneAt(Seconds(40), Milliseconds(1700));
  EXPECT_EQ(up_.join_timer_in(), Milliseconds(1700));
  EXPECT_EQ(port_.traces.back(),
            "pim.upstream (*,239.1.1.1) Joined --see Prune--> Joined why=override jt=1.7s");
  RunUntil(Milliseconds(101'700));
  EXPECT_EQ(port_.log, (std::vector<Did>{Join(Seconds(0)), Join(Milliseconds(41'700)),
                                         Join(Milliseconds(101'700))}));
  EXPECT_EQ(port_.traces[3],
            "pim.upstream (*,239.1.1.1) Joined --JT expires--> Joined "
            "send=join 10.0.0.2 why=override jt=1min");
}

TEST_F(UpstreamJoinTest, SeePruneNeverRaisesTheJoinTimer) {
  // 0.5 s left at 59.5 s, t_override 2 s: "leave it unchanged"; the 60 s Join is periodic.
  DesiredAt(Seconds(0));
  SeePruneAt(Milliseconds(59'500), Seconds(2));
  EXPECT_EQ(up_.join_timer_in(), Milliseconds(500));
  RunUntil(Seconds(60));
  EXPECT_EQ(port_.log.back(), Join(Seconds(60)));
  EXPECT_EQ(port_.traces.back(), kPeriodicJoinTrace);
}

TEST_F(UpstreamJoinTest, SeeJoinAfterSeePruneCancelsTheOverride) {
  // Prune seen at 40 s (override due at 42 s), then a third router's override Join at 41 s:
  // ours is suppressed to 41 + 75 = 116 s.
  DesiredAt(Seconds(0));
  SeePruneAt(Seconds(40), Seconds(2));
  SeeJoinAt(Seconds(41));
  RunUntil(Seconds(116));
  EXPECT_EQ(port_.log, (std::vector<Did>{Join(Seconds(0)), Join(Seconds(116))}));
  EXPECT_EQ(port_.traces.back(), kPeriodicJoinTrace);
}

TEST_F(UpstreamJoinTest, RpfChangesNotDueToAssertSendsJoinToNewAndPruneToOld) {
  // At 30 s RPF' moves from 10.0.0.2 to 10.0.0.3: Join to the new, Prune to the old, in that
  // order and at that instant; the JT restarts, so the next Join (to the new) is at 90 s.
  EXPECT_EQ(ChangeRpfAt(Seconds(30), kNewRpf), RpfChangeTrace("10.0.0.3", "join 10.0.0.3, prune 10.0.0.2"));
  EXPECT_EQ(up_.rpf_neighbor(), kNewRpf);
  RunUntil(Seconds(90));
  EXPECT_EQ(port_.log, (std::vector<Did>{Join(Seconds(0)), Join(Seconds(30), kNewRpf),
                                         Prune(Seconds(30), kRpf), Join(Seconds(90), kNewRpf)}));
}

TEST_F(UpstreamJoinTest, RpfLostSendsOnlyThePruneToTheOld) {
  // No route to the RP at 30 s: RPF' becomes unknown. The old neighbor gets its Prune; the
  // Joins wait for a new RPF' (the JT still runs).
  EXPECT_EQ(ChangeRpfAt(Seconds(30), Ipv4Address()), RpfChangeTrace("0.0.0.0", "prune 10.0.0.2"));
  EXPECT_EQ(up_.state(), UpstreamJoinState::kJoined);
  RunUntil(Seconds(200));
  EXPECT_EQ(port_.log, (std::vector<Did>{Join(Seconds(0)), Prune(Seconds(30), kRpf)}));
}

TEST_F(UpstreamJoinTest, RpfChangeToAnUnreachableNeighborSendsOnlyThePrune) {
  // At 30 s RPF' moves to 10.0.0.3, which cannot be reached yet (its interface is down): the
  // old neighbor still gets its Prune, the new one no Join; the JT restarts all the same, and
  // its Joins go nowhere while 10.0.0.3 stays out of reach.
  EXPECT_EQ(ChangeRpfAt(Seconds(30), kNewRpf, {kNewRpf}), RpfChangeTrace("10.0.0.3", "prune 10.0.0.2"));
  RunUntil(Seconds(91));
  EXPECT_EQ(port_.log, (std::vector<Did>{Join(Seconds(0)), Prune(Seconds(30), kRpf)}));
  EXPECT_EQ(port_.traces.back(), "pim.upstream (*,239.1.1.1) Joined --JT expires--> Joined why=periodic jt=1min");
  EXPECT_EQ(port_.trace_times.back(), T(Seconds(90)));
}

TEST_F(UpstreamJoinTest, RpfChangeWithNeitherNeighborReachableSendsNothing) {
  // Both links are down at 30 s: the line says what changed and carries no "send".
  EXPECT_EQ(ChangeRpfAt(Seconds(30), kNewRpf, {kRpf, kNewRpf}), RpfChangeTrace("10.0.0.3", ""));
  EXPECT_EQ(port_.log, (std::vector<Did>{Join(Seconds(0))}));
}

TEST_F(UpstreamJoinTest, RpfChangeAfterTheOldLinkDiedSendsOnlyTheJoin) {
  // The link to 10.0.0.2 goes down at 30.5 s and the routes move RPF' to 10.0.0.3 in the same
  // instant: Join to the new at once (not at the next period, 60 s), no Prune to the old (it
  // cannot be reached), and the JT restarts with t_periodic, so the next Join is at 90.5 s.
  EXPECT_EQ(ChangeRpfAt(Milliseconds(30500), kNewRpf, {kRpf}), RpfChangeTrace("10.0.0.3", "join 10.0.0.3"));
  RunUntil(Seconds(91));
  EXPECT_EQ(port_.log, (std::vector<Did>{Join(Seconds(0)), Join(Milliseconds(30500), kNewRpf),
                                         Join(Milliseconds(90500), kNewRpf)}));
}

TEST_F(UpstreamJoinTest, UnreachableRpfNeighborGetsNoPeriodicJoin) {
  // RPF' stays on a dead link (no other route): the JT keeps running, its Joins go nowhere.
  DesiredAt(Seconds(0));
  port_.unreachable.insert(kRpf);
  RunUntil(Seconds(61));
  EXPECT_EQ(port_.log, (std::vector<Did>{Join(Seconds(0))}));
  EXPECT_EQ(port_.traces.back(), "pim.upstream (*,239.1.1.1) Joined --JT expires--> Joined why=periodic jt=1min");
}

TEST_F(UpstreamJoinTest, RpfChangeToTheSameNeighborIsNoEvent) {
  DesiredAt(Seconds(0));
  up_.OnRpfNeighborChanged(kRpf);
  up_.OnRpfNeighborChangedByAssert(kRpf, Seconds(1));
  EXPECT_EQ(port_.traces.size(), 1u);
  EXPECT_EQ(up_.join_timer_in(), Seconds(60));
}

TEST_F(UpstreamJoinTest, RpfChangesDueToAssertLowersTheJoinTimer) {
  // Assert at 30 s makes 10.0.0.3 RPF', t_override 1 s: nothing sent at 30 s, the Join goes to
  // the new RPF' at 31 s.
  DesiredAt(Seconds(0));
  RunUntil(Seconds(30));
  up_.OnRpfNeighborChangedByAssert(kNewRpf, Seconds(1));
  EXPECT_EQ(port_.traces.back(),
            "pim.upstream (*,239.1.1.1) Joined --RPF' changes by Assert--> Joined "
            "old_rpf=10.0.0.2 rpf=10.0.0.3 why=override jt=1s");
  RunUntil(Seconds(31));
  EXPECT_EQ(port_.log, (std::vector<Did>{Join(Seconds(0)), Join(Seconds(31), kNewRpf)}));
}

TEST_F(UpstreamJoinTest, RpfGenIdChangesLowersTheJoinTimer) {
  // The RPF' neighbor restarted (new GenID) at 30 s, t_override 2.5 s: Join at 32.5 s.
  DesiredAt(Seconds(0));
  RunUntil(Seconds(30));
  up_.OnRpfNeighborGenIdChanged(Milliseconds(2500));
  EXPECT_EQ(port_.traces.back(),
            "pim.upstream (*,239.1.1.1) Joined --RPF' GenID changes--> Joined why=override "
            "jt=2.5s");
  RunUntil(Seconds(60));
  EXPECT_EQ(port_.log, (std::vector<Did>{Join(Seconds(0)), Join(Milliseconds(32'500))}));
}

// --- Unknown RPF', Stop, keys, names -----------------------------------------------------------

TEST(UpstreamJoin, UnknownRpfNeighborGetsNothingUntilKnown) {
  // Joined at 0 with no RPF': nothing sent, JT running. RPF' known at 10 s: Join to it (no
  // Prune to the unknown old one), JT restarted: next Join at 70 s.
  Scheduler s;
  Config config;
  RecordingUpstreamPort port{s};
  UpstreamJoin up{
      s, 1, JoinKey::StarG(kGroup), config, Ipv4Address(), port, [] { return Seconds(75); }};
  up.OnJoinDesired(true);
  EXPECT_EQ(up.state(), UpstreamJoinState::kJoined);
  EXPECT_EQ(port.traces.back(),
            "pim.upstream (*,239.1.1.1) NotJoined --JoinDesired true--> Joined why=joined "
            "jt=1min");
  s.RunUntil(T(Seconds(10)));
  up.OnRpfNeighborChanged(kRpf);
  s.RunUntil(T(Seconds(70)));
  EXPECT_EQ(port.log, (std::vector<Did>{At(Seconds(10), "join (*,239.1.1.1) 10.0.0.2"),
                                        At(Seconds(70), "join (*,239.1.1.1) 10.0.0.2")}));
}

TEST_F(UpstreamJoinTest, StopCancelsTheJoinTimerWithoutPrune) {
  DesiredAt(Seconds(0));
  RunUntil(Seconds(10));
  up_.Stop();
  EXPECT_EQ(up_.state(), UpstreamJoinState::kNotJoined);
  EXPECT_EQ(port_.traces.back(), "pim.upstream (*,239.1.1.1) Joined --stop--> NotJoined");
  EXPECT_EQ(s_.pending_events(), 0u);
  RunUntil(Seconds(1000));
  EXPECT_EQ(port_.log, (std::vector<Did>{Join(Seconds(0))}));
}

TEST(UpstreamJoin, SourceGroupEntryIsNamedInPortCallsAndTraces) {
  Scheduler s;
  Config config;
  RecordingUpstreamPort port{s};
  UpstreamJoin up{s,    1,    JoinKey::SG(kSource, kGroup), config,
                  kRpf, port, [] { return Seconds(75); }};
  up.OnJoinDesired(true);
  up.OnJoinDesired(false);
  EXPECT_EQ(port.log, (std::vector<Did>{At(Seconds(0), "join (10.0.0.1,239.1.1.1) 10.0.0.2"),
                                        At(Seconds(0), "prune (10.0.0.1,239.1.1.1) 10.0.0.2")}));
  EXPECT_EQ(port.traces.back(),
            "pim.upstream (10.0.0.1,239.1.1.1) Joined --JoinDesired false--> NotJoined "
            "send=prune 10.0.0.2 why=pruned");
}

TEST(UpstreamJoin, ToStringNamesEveryState) {
  EXPECT_EQ(ToString(UpstreamJoinState::kNotJoined), "NotJoined");
  EXPECT_EQ(ToString(UpstreamJoinState::kJoined), "Joined");
}

}  // namespace
}  // namespace pim
