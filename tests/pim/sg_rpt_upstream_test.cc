// SgRptUpstream alone (RFC 7761 §4.5.7): one TEST per table edge, named after it. Every instant
// is exact; t_override values are fixed by the tests (the glue draws them).
#include "pim/sg_rpt_upstream.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sim/core/scheduler.h"
#include "sim/core/time.h"
#include "tests/pim/sg_rpt_test_port.h"

namespace pim {
namespace {

using join_testing::At;
using join_testing::Did;
using join_testing::kGroup;
using join_testing::kSource;
using join_testing::RecordingSgRptUpstreamPort;
using join_testing::T;
using sim::core::Duration;
using sim::core::Milliseconds;
using sim::core::Scheduler;
using sim::core::Seconds;
using sim::wire::Ipv4Address;
using State = SgRptUpstreamState;

constexpr Ipv4Address kRpf{10, 0, 23, 2};
constexpr Ipv4Address kAssertWinner{10, 0, 23, 3};
constexpr Duration kNs = Duration::FromNanos(1);
constexpr std::string_view kEntry = "(10.0.0.1,239.1.1.1,rpt)";

class SgRptUpstreamTest : public testing::Test {
 protected:
  void RunUntil(Duration d) { s_.RunUntil(T(d)); }
  void NotPrunedAt(Duration d) {
    RunUntil(d);
    up_.OnInheritedOlistNonEmpty();
    ASSERT_EQ(up_.state(), State::kNotPruned);
  }
  void PrunedAt(Duration d) {
    NotPrunedAt(d);
    up_.OnPruneDesired(true);
    ASSERT_EQ(up_.state(), State::kPruned);
  }
  std::string Line(std::string_view edge) {
    return "pim.upstream_rpt " + std::string(kEntry) + " " + std::string(edge);
  }

  Scheduler s_;
  RecordingSgRptUpstreamPort port_{s_};
  SgRptUpstream up_{s_, 1, JoinKey::SG(kSource, kGroup), kRpf, port_};
};

// --- RPTNotJoined(G) ----------------------------------------------------------------------------

TEST_F(SgRptUpstreamTest, PruneDesiredTrueInRptNotJoinedGoesToPrunedSilently) {
  // The Prune(S,G,rpt) rides in the (*,G) Join of the same instant; this machine sends nothing.
  RunUntil(Seconds(5));
  up_.OnPruneDesired(true);
  EXPECT_EQ(up_.state(), State::kPruned);
  EXPECT_TRUE(port_.log.empty());
  EXPECT_EQ(port_.traces.back(), Line("RPTNotJoined --PruneDesired true--> Pruned"));
}

TEST_F(SgRptUpstreamTest, InheritedOlistNonEmptyInRptNotJoinedGoesToNotPruned) {
  NotPrunedAt(Seconds(5));
  EXPECT_TRUE(port_.log.empty());
  EXPECT_EQ(port_.traces.back(), Line("RPTNotJoined --inherited_olist non-empty--> NotPruned"));
  EXPECT_EQ(up_.override_in(), std::nullopt);
}

TEST_F(SgRptUpstreamTest, OtherEventsInRptNotJoinedAreIgnored) {
  RunUntil(Seconds(5));
  up_.OnPruneDesired(false);
  up_.OnRptJoinDesiredFalse();
  up_.OnPruneSeen("Prune(S,G,rpt)", Seconds(1));
  up_.OnJoinSeen();
  up_.OnRpfBecameStarGRpf(kAssertWinner, Seconds(1));
  EXPECT_EQ(up_.state(), State::kRptNotJoined);
  EXPECT_EQ(up_.rpf_neighbor(), kAssertWinner);  // remembered all the same
  EXPECT_TRUE(port_.traces.empty());
  EXPECT_EQ(s_.pending_events(), 0u);
}

// --- Pruned(S,G,rpt) ----------------------------------------------------------------------------

TEST_F(SgRptUpstreamTest, PruneDesiredFalseInPrunedSendsJoin) {
  PrunedAt(Seconds(5));
  RunUntil(Seconds(40));
  up_.OnPruneDesired(false);
  EXPECT_EQ(up_.state(), State::kNotPruned);
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(5), "prune (10.0.0.1,239.1.1.1,rpt) 10.0.23.2"),
                                         At(Seconds(40), "join (10.0.0.1,239.1.1.1,rpt) 10.0.23.2")}));
  EXPECT_EQ(port_.traces.back(), Line("Pruned --PruneDesired false--> NotPruned send=join 10.0.23.2"));
}

TEST_F(SgRptUpstreamTest, RptJoinDesiredFalseInPrunedGoesToRptNotJoined) {
  PrunedAt(Seconds(5));
  RunUntil(Seconds(40));
  up_.OnRptJoinDesiredFalse();
  EXPECT_EQ(up_.state(), State::kRptNotJoined);
  EXPECT_EQ(port_.log.size(), 1u);  // the Prune at 5 s only
  EXPECT_EQ(port_.traces.back(), Line("Pruned --RPTJoinDesired false--> RPTNotJoined"));
}

TEST_F(SgRptUpstreamTest, SeenMessagesAndOlistInPrunedAreIgnored) {
  PrunedAt(Seconds(5));
  const std::size_t traces = port_.traces.size();
  up_.OnPruneDesired(true);
  up_.OnInheritedOlistNonEmpty();
  up_.OnPruneSeen("Prune(S,G,rpt)", Seconds(1));
  up_.OnPruneSeen("Prune(S,G)", Seconds(1));
  up_.OnJoinSeen();
  EXPECT_EQ(up_.state(), State::kPruned);
  EXPECT_EQ(port_.traces.size(), traces);
  EXPECT_EQ(s_.pending_events(), 0u);
}

// --- NotPruned(S,G,rpt) -------------------------------------------------------------------------

TEST_F(SgRptUpstreamTest, PruneDesiredTrueInNotPrunedSendsPruneAndCancelsOt) {
  // The last-hop router's switch to the SPT: Prune(S,G,rpt) to RPF' at once, and a pending
  // override Join is dropped.
  NotPrunedAt(Seconds(5));
  RunUntil(Seconds(10));
  up_.OnPruneSeen("Prune(S,G,rpt)", Seconds(2));
  RunUntil(Seconds(11));
  up_.OnPruneDesired(true);
  EXPECT_EQ(up_.state(), State::kPruned);
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(11), "prune (10.0.0.1,239.1.1.1,rpt) 10.0.23.2")}));
  EXPECT_EQ(port_.traces.back(), Line("NotPruned --PruneDesired true--> Pruned send=prune 10.0.23.2"));
  EXPECT_EQ(s_.pending_events(), 0u);
}

TEST_F(SgRptUpstreamTest, RptJoinDesiredFalseInNotPrunedCancelsOt) {
  NotPrunedAt(Seconds(5));
  up_.OnPruneSeen("Prune(S,G,rpt)", Seconds(2));
  up_.OnRptJoinDesiredFalse();
  EXPECT_EQ(up_.state(), State::kRptNotJoined);
  EXPECT_EQ(port_.traces.back(), Line("NotPruned --RPTJoinDesired false--> RPTNotJoined"));
  EXPECT_EQ(s_.pending_events(), 0u);
  EXPECT_TRUE(port_.log.empty());
}

TEST_F(SgRptUpstreamTest, SeePruneSgRptStartsTheOverrideTimer) {
  // Another router prunes S off the shared tree at 10 s; with t_override 1.5 s this one sends
  // Join(S,G,rpt) at 11.5 s, and the OT is left unset.
  NotPrunedAt(Seconds(5));
  RunUntil(Seconds(10));
  up_.OnPruneSeen("Prune(S,G,rpt)", Milliseconds(1500));
  EXPECT_EQ(up_.override_in(), Milliseconds(1500));
  EXPECT_EQ(port_.traces.back(), Line("NotPruned --see Prune(S,G,rpt)--> NotPruned ot=1.5s"));
  RunUntil(Seconds(10) + Milliseconds(1500) - kNs);
  EXPECT_TRUE(port_.log.empty());
  RunUntil(Seconds(10) + Milliseconds(1500));
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(10) + Milliseconds(1500),
                                            "join (10.0.0.1,239.1.1.1,rpt) 10.0.23.2")}));
  EXPECT_EQ(port_.traces.back(), Line("NotPruned --OT expires--> NotPruned send=join 10.0.23.2"));
  EXPECT_EQ(up_.override_in(), std::nullopt);
  EXPECT_EQ(s_.pending_events(), 0u);
}

TEST_F(SgRptUpstreamTest, SeePruneKeepsASoonerOverrideTimer) {
  // OT = min(OT, t_override): 1 s at 10 s, then 2 s at 10.5 s leaves the 11 s deadline; a
  // 0.2 s one at 10.5 s brings it to 10.7 s.
  NotPrunedAt(Seconds(5));
  RunUntil(Seconds(10));
  up_.OnPruneSeen("Prune(S,G,rpt)", Seconds(1));
  RunUntil(Milliseconds(10500));
  up_.OnPruneSeen("Prune(S,G,rpt)", Seconds(2));
  EXPECT_EQ(up_.override_in(), Milliseconds(500));
  up_.OnPruneSeen("Prune(S,G,rpt)", Milliseconds(200));
  EXPECT_EQ(up_.override_in(), Milliseconds(200));
  RunUntil(Seconds(20));
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Milliseconds(10700),
                                            "join (10.0.0.1,239.1.1.1,rpt) 10.0.23.2")}));
}

TEST_F(SgRptUpstreamTest, SeePruneSgHasTheSameAction) {
  NotPrunedAt(Seconds(5));
  RunUntil(Seconds(10));
  up_.OnPruneSeen("Prune(S,G)", Seconds(1));
  EXPECT_EQ(port_.traces.back(), Line("NotPruned --see Prune(S,G)--> NotPruned ot=1s"));
  RunUntil(Seconds(11));
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(11), "join (10.0.0.1,239.1.1.1,rpt) 10.0.23.2")}));
}

TEST_F(SgRptUpstreamTest, SeeJoinCancelsTheOverrideTimer) {
  // A third router's Join(S,G,rpt) at 10.4 s already overrode the prune: no Join from this one.
  NotPrunedAt(Seconds(5));
  RunUntil(Seconds(10));
  up_.OnPruneSeen("Prune(S,G,rpt)", Seconds(1));
  RunUntil(Milliseconds(10400));
  up_.OnJoinSeen();
  EXPECT_EQ(port_.traces.back(), Line("NotPruned --see Join(S,G,rpt)--> NotPruned"));
  RunUntil(Seconds(20));
  EXPECT_TRUE(port_.log.empty());
  EXPECT_EQ(s_.pending_events(), 0u);
  const std::size_t traces = port_.traces.size();
  up_.OnJoinSeen();  // no OT running: no edge
  EXPECT_EQ(port_.traces.size(), traces);
}

TEST_F(SgRptUpstreamTest, RpfBecameStarGRpfLowersTheOverrideTimer) {
  // An (S,G) assert winner was RPF'(S,G,rpt); the assert ends at 10 s and RPF' is RPF'(*,G)
  // again: a Join(S,G,rpt) reaches it within t_override (0.5 s).
  SgRptUpstream up{s_, 1, JoinKey::SG(kSource, kGroup), kAssertWinner, port_};
  RunUntil(Seconds(5));
  up.OnInheritedOlistNonEmpty();
  RunUntil(Seconds(10));
  up.OnRpfBecameStarGRpf(kRpf, Milliseconds(500));
  EXPECT_EQ(up.rpf_neighbor(), kRpf);
  EXPECT_EQ(port_.traces.back(),
            Line("NotPruned --RPF'(S,G,rpt) -> RPF'(*,G)--> NotPruned old_rpf=10.0.23.3 "
                 "rpf=10.0.23.2 ot=500ms"));
  RunUntil(Seconds(11));
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Milliseconds(10500),
                                            "join (10.0.0.1,239.1.1.1,rpt) 10.0.23.2")}));
  up.OnRpfBecameStarGRpf(kRpf, Milliseconds(500));  // the same address: no event
  EXPECT_EQ(s_.pending_events(), 0u);
}

TEST_F(SgRptUpstreamTest, AssertWinnerAsRpfTakesTheTriggeredMessagesUntilTheAssertEnds) {
  // RPF'(S,G,rpt) moves to an (S,G) Assert winner at 6 s (no table event: nothing is sent), so
  // the override of a seen Prune goes to the winner; the Assert ends at 20 s and the Join goes
  // to RPF'(*,G) within t_override, as does the next triggered message.
  NotPrunedAt(Seconds(5));
  RunUntil(Seconds(6));
  const std::size_t traces = port_.traces.size();
  up_.SetRpfNeighbor(kAssertWinner);
  EXPECT_EQ(port_.traces.size(), traces);
  RunUntil(Seconds(7));
  up_.OnPruneSeen("Prune(S,G,rpt)", Milliseconds(300));
  RunUntil(Seconds(20));
  up_.OnRpfBecameStarGRpf(kRpf, Milliseconds(200));
  RunUntil(Seconds(30));
  up_.OnPruneDesired(true);
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Milliseconds(7300), "join (10.0.0.1,239.1.1.1,rpt) 10.0.23.3"),
                                         At(Milliseconds(20200), "join (10.0.0.1,239.1.1.1,rpt) 10.0.23.2"),
                                         At(Seconds(30), "prune (10.0.0.1,239.1.1.1,rpt) 10.0.23.2")}));
}

// --- RPF' unknown and Stop ----------------------------------------------------------------------

TEST_F(SgRptUpstreamTest, UnknownRpfSendsNothing) {
  SgRptUpstream up{s_, 1, JoinKey::SG(kSource, kGroup), Ipv4Address{}, port_};
  up.OnInheritedOlistNonEmpty();
  up.OnPruneDesired(true);
  EXPECT_EQ(port_.traces.back(), Line("NotPruned --PruneDesired true--> Pruned"));
  up.OnPruneDesired(false);
  EXPECT_EQ(up.state(), State::kNotPruned);
  EXPECT_TRUE(port_.log.empty());
  up.SetRpfNeighbor(kRpf);
  up.OnPruneDesired(true);
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Duration::Zero(), "prune (10.0.0.1,239.1.1.1,rpt) 10.0.23.2")}));
}

TEST_F(SgRptUpstreamTest, StopGoesToRptNotJoinedSilently) {
  NotPrunedAt(Seconds(5));
  up_.OnPruneSeen("Prune(S,G,rpt)", Seconds(1));
  up_.Stop();
  EXPECT_EQ(up_.state(), State::kRptNotJoined);
  EXPECT_EQ(port_.traces.back(), Line("NotPruned --stop--> RPTNotJoined"));
  RunUntil(Seconds(20));
  EXPECT_TRUE(port_.log.empty());
  EXPECT_EQ(s_.pending_events(), 0u);
}

}  // namespace
}  // namespace pim
