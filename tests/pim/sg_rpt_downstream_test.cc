// SgRptDownstream alone (RFC 7761 §4.5.3): one TEST per table edge, named after it, plus the
// compound-message sequences the temporary states exist for. Every instant is exact.
//
// Defaults: J/P HoldTime 210 s, J/P_Override_Interval 3 s (§4.3.3).
#include "pim/sg_rpt_downstream.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pim/join_timers.h"
#include "sim/core/scheduler.h"
#include "sim/core/time.h"
#include "tests/pim/sg_rpt_test_port.h"

namespace pim {
namespace {

using join_testing::At;
using join_testing::Did;
using join_testing::kGroup;
using join_testing::kHoldtime;
using join_testing::kSource;
using join_testing::RecordingSgRptDownstreamPort;
using join_testing::T;
using sim::core::Duration;
using sim::core::Scheduler;
using sim::core::Seconds;
using State = SgRptDownstreamState;

constexpr Duration kOverride = Seconds(3);
constexpr std::size_t kLan = 2;
constexpr std::size_t kPointToPoint = 1;
constexpr Duration kNs = Duration::FromNanos(1);
constexpr std::string_view kEntry = "(10.0.0.1,239.1.1.1,rpt)";

class SgRptDownstreamTest : public testing::Test {
 protected:
  void RunUntil(Duration d) { s_.RunUntil(T(d)); }
  void PruneAt(Duration d, Duration holdtime = kHoldtime, std::size_t neighbors = kLan) {
    RunUntil(d);
    rpt_.OnPruneReceived(holdtime, kOverride, neighbors);
  }
  // A periodic Join/Prune message from downstream: Join(*,G), then (maybe) Prune(S,G,rpt), then
  // End of Message, all at `d`.
  void PeriodicAt(Duration d, bool with_prune, Duration holdtime = kHoldtime) {
    RunUntil(d);
    rpt_.OnStarGJoinReceived();
    if (with_prune) rpt_.OnPruneReceived(holdtime, kOverride, kLan);
    rpt_.OnEndOfMessage();
  }
  // Pruned since the PPT of a Prune at `d` expired, at d + 3 s.
  void PrunedBy(Duration d) {
    PruneAt(d);
    RunUntil(d + kOverride);
    ASSERT_EQ(rpt_.state(), State::kPruned);
  }
  std::string Line(std::string_view edge) {
    return "pim.downstream_rpt " + std::string(kEntry) + " " + std::string(edge);
  }

  Scheduler s_;
  RecordingSgRptDownstreamPort port_{s_};
  SgRptDownstream rpt_{s_, 1, JoinKey::SG(kSource, kGroup), port_};
};

TEST(SgRptToString, NamesTheRptEntry) {
  EXPECT_EQ(ToRptString(JoinKey::SG(kSource, kGroup)), kEntry);
  EXPECT_EQ(ToString(State::kPrunePendingTmp), "PrunePendingTmp");
}

// --- NoInfo -----------------------------------------------------------------------------------

TEST_F(SgRptDownstreamTest, JoinsAndEndOfMessageInNoInfoAreIgnored) {
  RunUntil(Seconds(5));
  rpt_.OnStarGJoinReceived();
  rpt_.OnJoinReceived();
  rpt_.OnEndOfMessage();
  EXPECT_EQ(rpt_.state(), State::kNoInfo);
  EXPECT_TRUE(port_.traces.empty());
  EXPECT_TRUE(port_.log.empty());
  EXPECT_EQ(rpt_.expiry_in(), std::nullopt);
}

TEST_F(SgRptDownstreamTest, ReceivePruneInNoInfoOnLanGoesToPrunePending) {
  // PPT = J/P_Override_Interval 3 s, ET = HoldTime 210 s; still in the olist (not pruned).
  PruneAt(Seconds(12));
  EXPECT_EQ(rpt_.state(), State::kPrunePending);
  EXPECT_FALSE(rpt_.pruned());
  EXPECT_EQ(rpt_.prune_pending_in(), Seconds(3));
  EXPECT_EQ(rpt_.expiry_in(), Seconds(210));
  EXPECT_EQ(port_.traces.back(),
            Line("NoInfo --receive Prune(S,G,rpt)--> PrunePending et=210s ppt=3s"));
  EXPECT_TRUE(port_.log.empty());
}

TEST_F(SgRptDownstreamTest, ReceivePruneInNoInfoOnPointToPointPrunesAtOnce) {
  // One neighbor: the PPT is zero and expires inside the call, at 12 s.
  PruneAt(Seconds(12), kHoldtime, kPointToPoint);
  EXPECT_EQ(rpt_.state(), State::kPruned);
  EXPECT_TRUE(rpt_.pruned());
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(12), "pruned (10.0.0.1,239.1.1.1,rpt)")}));
  EXPECT_EQ(port_.traces,
            (std::vector<std::string>{
                Line("NoInfo --receive Prune(S,G,rpt)--> PrunePending et=210s ppt=0s"),
                Line("PrunePending --PPT expires--> Pruned et=210s")}));
  EXPECT_EQ(s_.pending_events(), 1u);  // the ET only
}

// --- Prune-Pending ------------------------------------------------------------------------------

TEST_F(SgRptDownstreamTest, PptExpiresInPrunePendingGoesToPruned) {
  PruneAt(Seconds(12));
  RunUntil(Seconds(15) - kNs);
  EXPECT_EQ(rpt_.state(), State::kPrunePending);
  RunUntil(Seconds(15));
  EXPECT_EQ(rpt_.state(), State::kPruned);
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(15), "pruned (10.0.0.1,239.1.1.1,rpt)")}));
  EXPECT_EQ(port_.traces.back(), Line("PrunePending --PPT expires--> Pruned et=207s"));
  EXPECT_EQ(port_.trace_times.back(), T(Seconds(15)));
}

TEST_F(SgRptDownstreamTest, ReceiveJoinInPrunePendingGoesToNoInfo) {
  // A downstream peer overrides the prune within the window: nothing was ever pruned.
  PruneAt(Seconds(12));
  RunUntil(Seconds(14));
  rpt_.OnJoinReceived();
  EXPECT_EQ(rpt_.state(), State::kNoInfo);
  EXPECT_EQ(port_.traces.back(), Line("PrunePending --receive Join(S,G,rpt)--> NoInfo"));
  EXPECT_TRUE(port_.log.empty());
  EXPECT_EQ(s_.pending_events(), 0u);
}

TEST_F(SgRptDownstreamTest, ReceiveStarGJoinInPrunePendingGoesToPrunePendingTmp) {
  PruneAt(Seconds(12));
  RunUntil(Seconds(13));
  rpt_.OnStarGJoinReceived();
  EXPECT_EQ(rpt_.state(), State::kPrunePendingTmp);
  EXPECT_EQ(port_.traces.back(),
            Line("PrunePending --receive Join(*,G)--> PrunePendingTmp et=209s ppt=2s"));
}

TEST_F(SgRptDownstreamTest, ReceivePruneInPrunePendingChangesNothing) {
  // The second Prune neither restarts the PPT (still ends at 15 s) nor the ET.
  PruneAt(Seconds(12));
  PruneAt(Seconds(14), Seconds(300));
  EXPECT_EQ(rpt_.state(), State::kPrunePending);
  EXPECT_EQ(rpt_.prune_pending_in(), Seconds(1));
  EXPECT_EQ(rpt_.expiry_in(), Seconds(208));
  EXPECT_EQ(port_.traces.size(), 1u);
  RunUntil(Seconds(15));
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(15), "pruned (10.0.0.1,239.1.1.1,rpt)")}));
}

TEST_F(SgRptDownstreamTest, ExpiryTimerExpiresInPrunePendingGoesToNoInfo) {
  // A HoldTime shorter than the override window (2 s < 3 s): the ET wins, at 14 s, and the
  // interface was never pruned.
  PruneAt(Seconds(12), Seconds(2));
  RunUntil(Seconds(14));
  EXPECT_EQ(rpt_.state(), State::kNoInfo);
  EXPECT_EQ(port_.traces.back(), Line("PrunePending --ET expires--> NoInfo"));
  EXPECT_TRUE(port_.log.empty());
  EXPECT_EQ(s_.pending_events(), 0u);
}

// --- Pruned -------------------------------------------------------------------------------------

TEST_F(SgRptDownstreamTest, ExpiryTimerExpiresInPrunedGoesToNoInfo) {
  // Prune at 12 s, pruned at 15 s, unpruned exactly HoldTime after the Prune: 222 s.
  PrunedBy(Seconds(12));
  RunUntil(Seconds(222) - kNs);
  EXPECT_EQ(rpt_.state(), State::kPruned);
  RunUntil(Seconds(222));
  EXPECT_EQ(rpt_.state(), State::kNoInfo);
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(15), "pruned (10.0.0.1,239.1.1.1,rpt)"),
                                         At(Seconds(222), "unpruned (10.0.0.1,239.1.1.1,rpt)")}));
  EXPECT_EQ(port_.traces.back(), Line("Pruned --ET expires--> NoInfo"));
  EXPECT_EQ(s_.pending_events(), 0u);
}

TEST_F(SgRptDownstreamTest, ReceivePruneInPrunedRaisesTheExpiryTimer) {
  // At 72 s: ET = max(150 s left, 210 s) = 210 s; a later 20 s HoldTime leaves it alone.
  PrunedBy(Seconds(12));
  PruneAt(Seconds(72));
  EXPECT_EQ(rpt_.expiry_in(), Seconds(210));
  EXPECT_EQ(port_.traces.back(), Line("Pruned --receive Prune(S,G,rpt)--> Pruned et=210s"));
  PruneAt(Seconds(80), Seconds(20));
  EXPECT_EQ(rpt_.expiry_in(), Seconds(202));
  RunUntil(Seconds(282));
  EXPECT_EQ(port_.log.back(), At(Seconds(282), "unpruned (10.0.0.1,239.1.1.1,rpt)"));
}

TEST_F(SgRptDownstreamTest, ReceiveJoinInPrunedGoesToNoInfo) {
  PrunedBy(Seconds(12));
  RunUntil(Seconds(30));
  rpt_.OnJoinReceived();
  EXPECT_EQ(rpt_.state(), State::kNoInfo);
  EXPECT_EQ(port_.log.back(), At(Seconds(30), "unpruned (10.0.0.1,239.1.1.1,rpt)"));
  EXPECT_EQ(port_.traces.back(), Line("Pruned --receive Join(S,G,rpt)--> NoInfo"));
  EXPECT_EQ(s_.pending_events(), 0u);
}

TEST_F(SgRptDownstreamTest, ReceiveStarGJoinInPrunedGoesToPruneTmpStillPruned) {
  PrunedBy(Seconds(12));
  RunUntil(Seconds(60));
  rpt_.OnStarGJoinReceived();
  EXPECT_EQ(rpt_.state(), State::kPruneTmp);
  EXPECT_TRUE(rpt_.pruned());
  EXPECT_EQ(port_.traces.back(), Line("Pruned --receive Join(*,G)--> PruneTmp et=162s"));
  EXPECT_EQ(port_.log.size(), 1u);
}

TEST_F(SgRptDownstreamTest, EndOfMessageInPrunedChangesNothing) {
  PrunedBy(Seconds(12));
  const std::size_t traces = port_.traces.size();
  rpt_.OnEndOfMessage();
  EXPECT_EQ(rpt_.state(), State::kPruned);
  EXPECT_EQ(port_.traces.size(), traces);
}

// --- PruneTmp and Prune-Pending-Tmp: compound messages ------------------------------------------

TEST_F(SgRptDownstreamTest, PeriodicJoinWithThePruneKeepsPruned) {
  // Join(*,G) + Prune(S,G,rpt) at 60 s: PruneTmp, back to Pruned with ET 210 s, and End of
  // Message changes nothing. The olist never moved.
  PrunedBy(Seconds(12));
  PeriodicAt(Seconds(60), true);
  EXPECT_EQ(rpt_.state(), State::kPruned);
  EXPECT_EQ(rpt_.expiry_in(), Seconds(210));
  EXPECT_EQ(port_.traces,
            (std::vector<std::string>{
                Line("NoInfo --receive Prune(S,G,rpt)--> PrunePending et=210s ppt=3s"),
                Line("PrunePending --PPT expires--> Pruned et=207s"),
                Line("Pruned --receive Join(*,G)--> PruneTmp et=162s"),
                Line("PruneTmp --receive Prune(S,G,rpt)--> Pruned et=210s")}));
  EXPECT_EQ(port_.log.size(), 1u);
  RunUntil(Seconds(270));
  EXPECT_EQ(port_.log.back(), At(Seconds(270), "unpruned (10.0.0.1,239.1.1.1,rpt)"));
}

TEST_F(SgRptDownstreamTest, PeriodicJoinWithoutThePruneEndsItAtEndOfMessage) {
  // The downstream router went back to the shared tree for S and sends Join(*,G) alone.
  PrunedBy(Seconds(12));
  PeriodicAt(Seconds(60), false);
  EXPECT_EQ(rpt_.state(), State::kNoInfo);
  EXPECT_EQ(port_.traces.back(), Line("PruneTmp --End of Message--> NoInfo"));
  EXPECT_EQ(port_.log.back(), At(Seconds(60), "unpruned (10.0.0.1,239.1.1.1,rpt)"));
  EXPECT_EQ(s_.pending_events(), 0u);
}

TEST_F(SgRptDownstreamTest, ReceiveJoinInPruneTmpIsLeftToEndOfMessage) {
  PrunedBy(Seconds(12));
  RunUntil(Seconds(60));
  rpt_.OnStarGJoinReceived();
  rpt_.OnJoinReceived();
  rpt_.OnStarGJoinReceived();
  EXPECT_EQ(rpt_.state(), State::kPruneTmp);
  rpt_.OnEndOfMessage();
  EXPECT_EQ(rpt_.state(), State::kNoInfo);
  EXPECT_EQ(port_.log.back(), At(Seconds(60), "unpruned (10.0.0.1,239.1.1.1,rpt)"));
}

TEST_F(SgRptDownstreamTest, ReceivePruneInPrunePendingTmpGoesBackToPrunePending) {
  // Join(*,G) + Prune(S,G,rpt) at 13 s while the first Prune's window runs: PrunePending again,
  // the PPT untouched (expires at 15 s), the ET raised to 210 s from 13 s.
  PruneAt(Seconds(12));
  PeriodicAt(Seconds(13), true);
  EXPECT_EQ(rpt_.state(), State::kPrunePending);
  EXPECT_EQ(port_.traces.back(),
            Line("PrunePendingTmp --receive Prune(S,G,rpt)--> PrunePending et=210s ppt=2s"));
  RunUntil(Seconds(15));
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(15), "pruned (10.0.0.1,239.1.1.1,rpt)")}));
  RunUntil(Seconds(223));
  EXPECT_EQ(port_.log.back(), At(Seconds(223), "unpruned (10.0.0.1,239.1.1.1,rpt)"));
}

TEST_F(SgRptDownstreamTest, EndOfMessageInPrunePendingTmpGoesToNoInfo) {
  // Join(*,G) alone at 13 s: both timers go, and nothing was pruned, so no notification.
  PruneAt(Seconds(12));
  PeriodicAt(Seconds(13), false);
  EXPECT_EQ(rpt_.state(), State::kNoInfo);
  EXPECT_EQ(port_.traces.back(), Line("PrunePendingTmp --End of Message--> NoInfo"));
  EXPECT_TRUE(port_.log.empty());
  EXPECT_EQ(s_.pending_events(), 0u);
}

// --- HoldTime 0xffff and Stop -------------------------------------------------------------------

TEST_F(SgRptDownstreamTest, HoldForeverKeepsThePruneUntilAJoin) {
  PruneAt(Seconds(12), kHoldForever, kPointToPoint);
  EXPECT_EQ(rpt_.expiry_in(), kHoldForever);
  EXPECT_EQ(port_.traces.back(), Line("PrunePending --PPT expires--> Pruned et=forever"));
  PruneAt(Seconds(60), Seconds(20), kPointToPoint);  // the max rule: still forever
  RunUntil(Seconds(10000));
  EXPECT_EQ(rpt_.state(), State::kPruned);
  EXPECT_EQ(s_.pending_events(), 0u);
  rpt_.OnJoinReceived();
  EXPECT_EQ(port_.log.back(), At(Seconds(10000), "unpruned (10.0.0.1,239.1.1.1,rpt)"));
}

TEST_F(SgRptDownstreamTest, StopGoesToNoInfoSilently) {
  PrunedBy(Seconds(12));
  rpt_.Stop();
  EXPECT_EQ(rpt_.state(), State::kNoInfo);
  EXPECT_EQ(port_.traces.back(), Line("Pruned --stop--> NoInfo"));
  EXPECT_EQ(port_.log.size(), 1u);
  EXPECT_EQ(s_.pending_events(), 0u);
  rpt_.Stop();  // twice is nothing
  EXPECT_EQ(port_.traces.back(), Line("Pruned --stop--> NoInfo"));
}

}  // namespace
}  // namespace pim
