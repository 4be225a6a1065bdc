// DownstreamJoin alone (RFC 7761 §4.5.1 (*,G), §4.5.2 (S,G)): one TEST per table edge, named
// after it, plus the subtle cases quoted in the code. Every instant is exact, with the RFC
// defaults and with shortened values.
//
// Defaults: J/P HoldTime 210 s (3.5 x t_periodic 60 s), J/P_Override_Interval 3 s
// (Propagation_Delay 0.5 s + Override_Interval 2.5 s, §4.3.3).
#include "pim/downstream_join.h"

#include <gtest/gtest.h>

#include <vector>

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
using join_testing::RecordingDownstreamPort;
using join_testing::T;
using sim::core::Duration;
using sim::core::Milliseconds;
using sim::core::Scheduler;
using sim::core::Seconds;

constexpr Duration kOverride = Seconds(3);
constexpr std::size_t kLan = 2;           // neighbors on a LAN
constexpr std::size_t kPointToPoint = 1;  // the one neighbor of a point-to-point link
constexpr Duration kNs = Duration::FromNanos(1);

class DownstreamJoinTest : public testing::Test {
 protected:
  void RunUntil(Duration d) { s_.RunUntil(T(d)); }
  void JoinAt(Duration d, Duration holdtime = kHoldtime) {
    RunUntil(d);
    join_.OnJoinReceived(holdtime);
  }
  void PruneAt(Duration d, Duration override_interval = kOverride, std::size_t neighbors = kLan) {
    RunUntil(d);
    join_.OnPruneReceived(override_interval, neighbors);
  }

  Scheduler s_;
  RecordingDownstreamPort port_{s_};
  DownstreamJoin join_{s_, 1, JoinKey::StarG(kGroup), port_};
};

// --- NoInfo -----------------------------------------------------------------------------------

TEST_F(DownstreamJoinTest, ReceiveJoinInNoInfoGoesToJoin) {
  // "The Expiry Timer (ET) is started and set to the HoldTime": 210 s from the Join at 5 s.
  JoinAt(Seconds(5));
  EXPECT_EQ(join_.state(), DownstreamJoinState::kJoin);
  EXPECT_TRUE(join_.joined());
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(5), "+(*,239.1.1.1)")}));
  EXPECT_EQ(port_.traces.back(),
            "pim.downstream (*,239.1.1.1) NoInfo --receive Join--> Join et=210s");
  EXPECT_EQ(join_.expiry_in(), Seconds(210));
  EXPECT_EQ(join_.prune_pending_in(), std::nullopt);
  EXPECT_EQ(join_.since(), T(Seconds(5)));
}

TEST_F(DownstreamJoinTest, ReceivePruneInNoInfoIsIgnored) {
  PruneAt(Seconds(5));
  EXPECT_EQ(join_.state(), DownstreamJoinState::kNoInfo);
  EXPECT_TRUE(port_.log.empty());
  EXPECT_TRUE(port_.traces.empty());
  EXPECT_EQ(join_.expiry_in(), std::nullopt);
}

// --- Join ---------------------------------------------------------------------------------------

TEST_F(DownstreamJoinTest, ReceiveJoinInJoinRestartsTheExpiryTimer) {
  // Periodic Joins at 0 and 60 s: ET = max(150 s left, 210 s) = 210 s, so the state lasts to
  // 270 s, not 210 s.
  JoinAt(Seconds(0));
  JoinAt(Seconds(60));
  EXPECT_EQ(join_.expiry_in(), Seconds(210));
  EXPECT_EQ(port_.traces.back(),
            "pim.downstream (*,239.1.1.1) Join --receive Join--> Join et=210s");
  EXPECT_EQ(join_.since(), T(Seconds(0)));
  RunUntil(Seconds(269));
  EXPECT_EQ(join_.state(), DownstreamJoinState::kJoin);
  RunUntil(Seconds(270));
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(0), "+(*,239.1.1.1)"),
                                         At(Seconds(270), "-(*,239.1.1.1)")}));
}

TEST_F(DownstreamJoinTest, ReceiveJoinInJoinKeepsALongerExpiryTimer) {
  // "set to maximum of its current value and the HoldTime": 200 s left beats a 20 s HoldTime.
  JoinAt(Seconds(0));
  JoinAt(Seconds(10), Seconds(20));
  EXPECT_EQ(join_.expiry_in(), Seconds(200));
  RunUntil(Seconds(210));
  EXPECT_EQ(port_.log.back(), At(Seconds(210), "-(*,239.1.1.1)"));
}

TEST_F(DownstreamJoinTest, ExpiryTimerExpiresInJoinGoesToNoInfo) {
  // Joins at 0, 60 and 120 s: the state ends exactly HoldTime after the last one, at 330 s.
  JoinAt(Seconds(0));
  JoinAt(Seconds(60));
  JoinAt(Seconds(120));
  RunUntil(Seconds(330) - kNs);
  EXPECT_EQ(join_.state(), DownstreamJoinState::kJoin);
  RunUntil(Seconds(330));
  EXPECT_EQ(join_.state(), DownstreamJoinState::kNoInfo);
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(0), "+(*,239.1.1.1)"),
                                         At(Seconds(330), "-(*,239.1.1.1)")}));
  EXPECT_EQ(port_.traces.back(), "pim.downstream (*,239.1.1.1) Join --ET expires--> NoInfo");
  EXPECT_EQ(join_.expiry_in(), std::nullopt);
  EXPECT_EQ(s_.pending_events(), 0u);
}

TEST_F(DownstreamJoinTest, ExpiryTimerWithShortenedHoldtime) {
  // t_periodic 10 s gives a HoldTime of 35 s: Joins at 0, 10, 20 s, gone at 55 s.
  JoinAt(Seconds(0), Seconds(35));
  JoinAt(Seconds(10), Seconds(35));
  JoinAt(Seconds(20), Seconds(35));
  RunUntil(Seconds(100));
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(0), "+(*,239.1.1.1)"),
                                         At(Seconds(55), "-(*,239.1.1.1)")}));
}

TEST_F(DownstreamJoinTest, ReceivePruneInJoinOnLanGoesToPrunePending) {
  // Prune at 12 s with J/P_Override_Interval 3 s and two neighbors: Prune-Pending, still
  // forwarding (no notification) until the PPT ends at 15 s.
  JoinAt(Seconds(0));
  PruneAt(Seconds(12));
  EXPECT_EQ(join_.state(), DownstreamJoinState::kPrunePending);
  EXPECT_TRUE(join_.joined());
  EXPECT_EQ(join_.prune_pending_in(), Seconds(3));
  EXPECT_EQ(join_.expiry_in(), Seconds(198));
  EXPECT_EQ(port_.traces.back(),
            "pim.downstream (*,239.1.1.1) Join --receive Prune--> PrunePending et=198s ppt=3s");
  EXPECT_EQ(port_.log.size(), 1u);
}

TEST_F(DownstreamJoinTest, ReceivePruneInJoinOnPointToPointGoesToNoInfoAtOnce) {
  // One neighbor: "otherwise, it is set to zero, causing it to expire immediately". Both edges
  // happen inside the call, at 12 s, and no PruneEcho goes out.
  JoinAt(Seconds(0));
  PruneAt(Seconds(12), Duration::Zero(), kPointToPoint);
  EXPECT_EQ(join_.state(), DownstreamJoinState::kNoInfo);
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(0), "+(*,239.1.1.1)"),
                                         At(Seconds(12), "-(*,239.1.1.1)")}));
  EXPECT_EQ(port_.traces,
            (std::vector<std::string>{
                "pim.downstream (*,239.1.1.1) NoInfo --receive Join--> Join et=210s",
                "pim.downstream (*,239.1.1.1) Join --receive Prune--> PrunePending et=198s ppt=0s",
                "pim.downstream (*,239.1.1.1) PrunePending --PPT expires--> NoInfo"}));
  EXPECT_EQ(port_.trace_times.back(), T(Seconds(12)));
  EXPECT_EQ(s_.pending_events(), 0u);
}

TEST_F(DownstreamJoinTest, ReceivePruneWithOneNeighborIgnoresTheOverrideInterval) {
  // The caller may pass the interface's J/P_Override_Interval as it is; one neighbor still
  // means a zero PPT.
  JoinAt(Seconds(0));
  PruneAt(Seconds(12), kOverride, kPointToPoint);
  EXPECT_EQ(join_.state(), DownstreamJoinState::kNoInfo);
  EXPECT_EQ(port_.log.back(), At(Seconds(12), "-(*,239.1.1.1)"));
}

TEST_F(DownstreamJoinTest, ReceivePruneWithZeroOverrideIntervalOnLanEchoesAtOnce) {
  // Neighbors advertising zero delays give J/P_Override_Interval 0: the PPT expires at once, and
  // with more than one neighbor the PruneEcho still goes out.
  JoinAt(Seconds(0));
  PruneAt(Seconds(12), Duration::Zero(), 3);
  EXPECT_EQ(join_.state(), DownstreamJoinState::kNoInfo);
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(0), "+(*,239.1.1.1)"),
                                         At(Seconds(12), "prune echo (*,239.1.1.1)"),
                                         At(Seconds(12), "-(*,239.1.1.1)")}));
}

// --- Prune-Pending ------------------------------------------------------------------------------

TEST_F(DownstreamJoinTest, PptExpiresInPrunePendingGoesToNoInfoWithPruneEcho) {
  // Prune at 12 s: exactly J/P_Override_Interval later, at 15 s, NoInfo and a PruneEcho.
  JoinAt(Seconds(0));
  PruneAt(Seconds(12));
  RunUntil(Seconds(15) - kNs);
  EXPECT_EQ(join_.state(), DownstreamJoinState::kPrunePending);
  RunUntil(Seconds(15));
  EXPECT_EQ(join_.state(), DownstreamJoinState::kNoInfo);
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(0), "+(*,239.1.1.1)"),
                                         At(Seconds(15), "prune echo (*,239.1.1.1)"),
                                         At(Seconds(15), "-(*,239.1.1.1)")}));
  EXPECT_EQ(port_.traces.back(),
            "pim.downstream (*,239.1.1.1) PrunePending --PPT expires--> NoInfo "
            "action=send PruneEcho");
  EXPECT_EQ(s_.pending_events(), 0u);  // the ET went with the state
}

TEST_F(DownstreamJoinTest, PptExpiresWithShortenedOverrideInterval) {
  // Propagation_Delay 0.2 s + Override_Interval 0.8 s = 1 s: Prune at 12 s, gone at 13 s.
  JoinAt(Seconds(0));
  PruneAt(Seconds(12), Milliseconds(1000));
  RunUntil(Seconds(20));
  EXPECT_EQ(port_.log.back(), At(Seconds(13), "-(*,239.1.1.1)"));
}

TEST_F(DownstreamJoinTest, ReceiveJoinInPrunePendingCancelsThePrune) {
  // A Join at 14 s, inside the window [12 s, 15 s): back to Join, PPT cancelled, ET =
  // max(196 s left, 210 s) = 210 s; no notification at any point, and the state lasts to 224 s.
  JoinAt(Seconds(0));
  PruneAt(Seconds(12));
  JoinAt(Seconds(14));
  EXPECT_EQ(join_.state(), DownstreamJoinState::kJoin);
  EXPECT_EQ(join_.prune_pending_in(), std::nullopt);
  EXPECT_EQ(join_.expiry_in(), Seconds(210));
  EXPECT_EQ(port_.traces.back(),
            "pim.downstream (*,239.1.1.1) PrunePending --receive Join--> Join et=210s");
  RunUntil(Seconds(224) - kNs);
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(0), "+(*,239.1.1.1)")}));
  RunUntil(Seconds(224));
  EXPECT_EQ(port_.log.back(), At(Seconds(224), "-(*,239.1.1.1)"));
}

TEST_F(DownstreamJoinTest, ReceiveJoinInPrunePendingKeepsALongerExpiryTimer) {
  JoinAt(Seconds(0));
  PruneAt(Seconds(12));
  JoinAt(Seconds(14), Seconds(35));
  EXPECT_EQ(join_.state(), DownstreamJoinState::kJoin);
  EXPECT_EQ(join_.expiry_in(), Seconds(196));
}

TEST_F(DownstreamJoinTest, ReceivePruneInPrunePendingDoesNotRestartThePpt) {
  // Prunes at 12 and 14 s: the override window still ends at 15 s.
  JoinAt(Seconds(0));
  PruneAt(Seconds(12));
  PruneAt(Seconds(14));
  EXPECT_EQ(port_.traces.size(), 2u);
  RunUntil(Seconds(15));
  EXPECT_EQ(join_.state(), DownstreamJoinState::kNoInfo);
  EXPECT_EQ(port_.log.back(), At(Seconds(15), "-(*,239.1.1.1)"));
}

TEST_F(DownstreamJoinTest, ExpiryTimerExpiresInPrunePendingGoesToNoInfoWithoutEcho) {
  // HoldTime 10 s from 0; Prune at 9 s would end at 12 s, but the ET ends the state at 10 s.
  JoinAt(Seconds(0), Seconds(10));
  PruneAt(Seconds(9));
  RunUntil(Seconds(10));
  EXPECT_EQ(join_.state(), DownstreamJoinState::kNoInfo);
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(0), "+(*,239.1.1.1)"),
                                         At(Seconds(10), "-(*,239.1.1.1)")}));
  EXPECT_EQ(port_.traces.back(),
            "pim.downstream (*,239.1.1.1) PrunePending --ET expires--> NoInfo");
  EXPECT_EQ(s_.pending_events(), 0u);
}

// --- HoldTime 0xffff, Stop, keys, names -------------------------------------------------------

TEST_F(DownstreamJoinTest, HoldForeverKeepsTheJoinUntilAPrune) {
  // RFC 7761 §4.9.5: 0xffff holds the state "until canceled by the appropriate canceling
  // Join/Prune message"; a later 210 s Join does not shorten it.
  JoinAt(Seconds(0), kHoldForever);
  EXPECT_EQ(port_.traces.back(),
            "pim.downstream (*,239.1.1.1) NoInfo --receive Join--> Join et=forever");
  JoinAt(Seconds(60));
  EXPECT_EQ(join_.expiry_in(), kHoldForever);
  RunUntil(Seconds(10'000));
  EXPECT_EQ(join_.state(), DownstreamJoinState::kJoin);
  EXPECT_EQ(s_.pending_events(), 0u);
  PruneAt(Seconds(10'000));
  RunUntil(Seconds(10'003));
  EXPECT_EQ(join_.state(), DownstreamJoinState::kNoInfo);
  EXPECT_EQ(port_.log.back(), At(Seconds(10'003), "-(*,239.1.1.1)"));
}

TEST_F(DownstreamJoinTest, StopCancelsBothTimersWithoutNotifying) {
  JoinAt(Seconds(0));
  PruneAt(Seconds(12));
  join_.Stop();
  EXPECT_EQ(join_.state(), DownstreamJoinState::kNoInfo);
  EXPECT_EQ(port_.traces.back(), "pim.downstream (*,239.1.1.1) PrunePending --stop--> NoInfo");
  EXPECT_EQ(s_.pending_events(), 0u);
  RunUntil(Seconds(1000));
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(0), "+(*,239.1.1.1)")}));
}

TEST_F(DownstreamJoinTest, StopInNoInfoTracesNothing) {
  join_.Stop();
  EXPECT_TRUE(port_.traces.empty());
}

TEST_F(DownstreamJoinTest, JoinAfterNoInfoStartsAFreshJoinState) {
  JoinAt(Seconds(0), Seconds(10));
  JoinAt(Seconds(50));
  EXPECT_EQ(join_.since(), T(Seconds(50)));
  EXPECT_EQ(port_.log.back(), At(Seconds(50), "+(*,239.1.1.1)"));
}

TEST(DownstreamJoin, SourceGroupEntryIsNamedInPortCallsAndTraces) {
  Scheduler s;
  RecordingDownstreamPort port{s};
  DownstreamJoin join{s, 1, JoinKey::SG(kSource, kGroup), port};
  join.OnJoinReceived(kHoldtime);
  join.OnPruneReceived(kOverride, kLan);
  s.RunUntil(T(Seconds(3)));
  EXPECT_EQ(port.log, (std::vector<Did>{At(Seconds(0), "+(10.0.0.1,239.1.1.1)"),
                                        At(Seconds(3), "prune echo (10.0.0.1,239.1.1.1)"),
                                        At(Seconds(3), "-(10.0.0.1,239.1.1.1)")}));
  EXPECT_EQ(port.traces.front(),
            "pim.downstream (10.0.0.1,239.1.1.1) NoInfo --receive Join--> Join et=210s");
}

TEST(DownstreamJoin, ToStringNamesEveryState) {
  EXPECT_EQ(ToString(DownstreamJoinState::kNoInfo), "NoInfo");
  EXPECT_EQ(ToString(DownstreamJoinState::kJoin), "Join");
  EXPECT_EQ(ToString(DownstreamJoinState::kPrunePending), "PrunePending");
}

}  // namespace
}  // namespace pim
