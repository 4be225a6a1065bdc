// AssertMachine alone (RFC 7761 §4.6.1 (S,G), §4.6.2 (*,G)): one TEST per table edge, named
// after it, at exact instants, with the default timers (Assert_Time 180 s, Assert_Override_
// Interval 3 s) and shortened ones.
#include "pim/assert_state.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pim/config.h"
#include "sim/core/scheduler.h"
#include "sim/core/time.h"
#include "tests/pim/join_test_port.h"

namespace pim {
namespace {

using join_testing::At;
using join_testing::Did;
using join_testing::kGroup;
using join_testing::kSource;
using join_testing::T;
using join_testing::TraceRecorder;
using sim::core::Duration;
using sim::core::Seconds;
using sim::core::Scheduler;
using sim::wire::Ipv4Address;

constexpr Ipv4Address kMe{10, 1, 0, 2};
constexpr Ipv4Address kLow{10, 1, 0, 1};   // loses address ties to kMe
constexpr Ipv4Address kHigh{10, 1, 0, 3};  // wins address ties against kMe
constexpr Ipv4Address kRp{10, 9, 0, 1};

class RecordingAssertPort : public AssertPort, public TraceRecorder {
 public:
  using TraceRecorder::TraceRecorder;
  void SendAssert(const JoinKey& key, const AssertMetric& m, Ipv4Address source) override {
    log.push_back({Now(), "assert " + ToString(key) + " " + ToString(m) + " source " + sim::wire::ToString(source)});
  }
  void WinnerChanged(const JoinKey& key) override { log.push_back({Now(), "winner " + ToString(key)}); }
  Ipv4Address RpOf(Ipv4Address) const override { return kRp; }
  void Trace(std::string_view kind, TraceFields fields) override { Record(kind, fields); }
  std::vector<Did> log;
};

AssertMetric Spt(std::uint32_t metric, Ipv4Address a) { return {false, 1, metric, a}; }
AssertMetric Rpt(std::uint32_t metric, Ipv4Address a) { return {true, 1, metric, a}; }
AssertMetric Cancel(Ipv4Address a) {
  AssertMetric m = InfiniteAssertMetric();
  m.address = a;
  return m;
}

class AssertMachineTest : public testing::Test {
 protected:
  void RunUntil(Duration d) { s_.RunUntil(T(d)); }
  void Receive(Duration d, const AssertMetric& theirs, bool could = true, bool tracking = true) {
    RunUntil(d);
    m_.OnAssertReceived(theirs, could, tracking, mine_);
  }
  void Data(Duration d) {
    RunUntil(d);
    m_.OnDataArrived(true, mine_);
  }
  Did Sent(Duration d, const AssertMetric& m) {
    return At(d, "assert (10.0.0.1,239.1.1.1) " + ToString(m) + " source 10.0.0.1");
  }
  static Did Winner(Duration d) { return At(d, "winner (10.0.0.1,239.1.1.1)"); }

  Scheduler s_;
  Config config_;
  AssertMetric mine_ = Spt(2, kMe);
  RecordingAssertPort port_{s_};
  AssertMachine m_{s_, 1, JoinKey::SG(kSource, kGroup), config_, kMe, port_};
};

// --- metrics (§4.6.3) ---------------------------------------------------------------------------

TEST(AssertMetricTest, RptBitThenPreferenceThenMetricThenHigherAddress) {
  EXPECT_TRUE(Better(Spt(9, kLow), Rpt(1, kHigh)));
  EXPECT_TRUE(Better(AssertMetric{false, 1, 9, kLow}, AssertMetric{false, 2, 1, kHigh}));
  EXPECT_TRUE(Better(Spt(1, kLow), Spt(2, kHigh)));
  EXPECT_TRUE(Better(Spt(2, kHigh), Spt(2, kMe)));
  EXPECT_FALSE(Better(Spt(2, kMe), Spt(2, kMe)));
  EXPECT_TRUE(Better(Rpt(100, kLow), InfiniteAssertMetric()));
  EXPECT_EQ(ToString(InfiniteAssertMetric()), "infinite");
  EXPECT_EQ(ToString(Spt(2, kMe)), "rpt 0 pref 1 metric 2 10.1.0.2");
}

// --- NoInfo -------------------------------------------------------------------------------------

TEST_F(AssertMachineTest, DataArrivesWithCouldAssertSendsAssertAndWins) {
  Data(Seconds(10));
  EXPECT_EQ(m_.state(), AssertState::kWinner);
  EXPECT_EQ(port_.log, (std::vector<Did>{Sent(Seconds(10), mine_), Winner(Seconds(10))}));
  EXPECT_EQ(port_.traces.back(),
            "pim.assert (10.0.0.1,239.1.1.1) NoInfo --data arrives on I--> I am Assert Winner send=assert "
            "winner=10.1.0.2 metric=rpt 0 pref 1 metric 2 10.1.0.2 at=177s");
  EXPECT_EQ(m_.assert_winner(), kMe);
}

TEST_F(AssertMachineTest, DataWithoutCouldAssertIsNoEvent) {
  RunUntil(Seconds(1));
  m_.OnDataArrived(false, mine_);
  EXPECT_EQ(m_.state(), AssertState::kNoInfo);
  EXPECT_TRUE(port_.log.empty());
}

TEST_F(AssertMachineTest, InferiorAssertWithCouldAssertWins) {
  Receive(Seconds(1), Spt(3, kHigh));
  EXPECT_EQ(m_.state(), AssertState::kWinner);
  EXPECT_EQ(port_.log.front(), Sent(Seconds(1), mine_));
}

TEST_F(AssertMachineTest, RptAssertWithCouldAssertWins) {
  Receive(Seconds(1), Rpt(1, kHigh));
  EXPECT_EQ(m_.state(), AssertState::kWinner);
}

TEST_F(AssertMachineTest, AcceptableAssertWithTrackingLoses) {
  Receive(Seconds(1), Spt(1, kLow), false, true);
  EXPECT_EQ(m_.state(), AssertState::kLoser);
  EXPECT_EQ(m_.assert_winner(), kLow);
  EXPECT_EQ(m_.assert_timer_in(), Seconds(180));
  EXPECT_EQ(port_.log, (std::vector<Did>{Winner(Seconds(1))}));
}

TEST_F(AssertMachineTest, AcceptableRptAssertIsNotTrackedBySgMachine) {
  mine_ = InfiniteAssertMetric();
  Receive(Seconds(1), Rpt(1, kLow), false, true);
  EXPECT_EQ(m_.state(), AssertState::kNoInfo);
}

TEST_F(AssertMachineTest, AcceptableAssertWithoutTrackingIsNoEvent) {
  Receive(Seconds(1), Spt(1, kLow), false, false);
  EXPECT_EQ(m_.state(), AssertState::kNoInfo);
  EXPECT_TRUE(port_.traces.empty());
}

TEST_F(AssertMachineTest, StarGMachineTracksRptAsserts) {
  Config c;
  AssertMachine star{s_, 1, JoinKey::StarG(kGroup), c, kMe, port_};
  star.OnAssertReceived(Spt(1, kLow), false, true, InfiniteAssertMetric());
  EXPECT_EQ(star.state(), AssertState::kNoInfo);
  star.OnAssertReceived(Rpt(1, kLow), false, true, InfiniteAssertMetric());
  EXPECT_EQ(star.state(), AssertState::kLoser);
  EXPECT_EQ(star.assert_winner(), kLow);
}

// §4.9.6: an Assert(*,G) that data triggered names the datagram's source; the others name zero.
// §4.6.4: AssertCancel(S,G) names S, AssertCancel(*,G) names RP(G).
TEST_F(AssertMachineTest, StarGAssertNamesTheTriggeringSourceOnlyWhenDataTriggeredIt) {
  const AssertMetric rpt_mine = Rpt(2, kMe);
  AssertMachine star{s_, 1, JoinKey::StarG(kGroup), config_, kMe, port_};
  constexpr Ipv4Address kData{10, 5, 0, 10};
  RunUntil(Seconds(1));
  star.OnDataArrived(true, rpt_mine, kData);
  RunUntil(Seconds(178));  // A3 at Assert_Time - Assert_Override_Interval
  star.OnConditions(false, false, InfiniteAssertMetric());  // A4
  AssertMachine other{s_, 1, JoinKey::StarG(kGroup), config_, kMe, port_};
  other.OnAssertReceived(Rpt(3, kHigh), true, true, rpt_mine);  // A1 on an Inferior Assert
  const std::string head = "assert (*,239.1.1.1) ";
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(1), head + "rpt 1 pref 1 metric 2 10.1.0.2 source 10.5.0.10"),
                                         At(Seconds(1), "winner (*,239.1.1.1)"),
                                         At(Seconds(178), head + "rpt 1 pref 1 metric 2 10.1.0.2 source 0.0.0.0"),
                                         At(Seconds(178), head + "infinite source 10.9.0.1"),
                                         At(Seconds(178), "winner (*,239.1.1.1)"),
                                         At(Seconds(178), head + "rpt 1 pref 1 metric 2 10.1.0.2 source 0.0.0.0"),
                                         At(Seconds(178), "winner (*,239.1.1.1)")}));
  // The (S,G) machine's AssertCancel names S.
  Data(Seconds(200));
  m_.OnConditions(false, true, mine_);
  EXPECT_EQ(port_.log[port_.log.size() - 2], Sent(Seconds(200), InfiniteAssertMetric()));
}

// --- I am Assert Winner -------------------------------------------------------------------------

TEST_F(AssertMachineTest, WinnerResendsAtAssertTimeMinusOverrideInterval) {
  Data(Seconds(0));
  RunUntil(Seconds(176));
  EXPECT_EQ(port_.log.size(), 2u);
  RunUntil(Seconds(177));
  EXPECT_EQ(port_.log.back(), Sent(Seconds(177), mine_));
  EXPECT_EQ(m_.assert_timer_in(), Seconds(177));
  RunUntil(Seconds(354));
  EXPECT_EQ(port_.log.back(), Sent(Seconds(354), mine_));
  EXPECT_EQ(m_.state(), AssertState::kWinner);
}

TEST_F(AssertMachineTest, WinnerAnswersInferiorAssert) {
  Data(Seconds(0));
  Receive(Seconds(5), Spt(2, kLow));
  EXPECT_EQ(port_.log.back(), Sent(Seconds(5), mine_));
  EXPECT_EQ(m_.assert_timer_in(), Seconds(177));
  EXPECT_EQ(port_.traces.back().substr(0, 81),
            "pim.assert (10.0.0.1,239.1.1.1) I am Assert Winner --receive inferior assert--> I");
}

TEST_F(AssertMachineTest, WinnerLosesToPreferredAssert) {
  Data(Seconds(0));
  Receive(Seconds(5), Spt(2, kHigh));
  EXPECT_EQ(m_.state(), AssertState::kLoser);
  EXPECT_EQ(m_.assert_winner(), kHigh);
  EXPECT_EQ(port_.log.back(), Winner(Seconds(5)));
  EXPECT_EQ(m_.assert_timer_in(), Seconds(180));
}

TEST_F(AssertMachineTest, WinnerCouldAssertFalseSendsAssertCancel) {
  Data(Seconds(0));
  RunUntil(Seconds(7));
  m_.OnConditions(false, true, mine_);
  EXPECT_EQ(m_.state(), AssertState::kNoInfo);
  EXPECT_EQ(port_.log.back(), Winner(Seconds(7)));
  EXPECT_EQ(port_.log[port_.log.size() - 2], Sent(Seconds(7), InfiniteAssertMetric()));
  EXPECT_EQ(s_.pending_events(), 0u);
}

// --- I am Assert Loser --------------------------------------------------------------------------

class AssertLoserTest : public AssertMachineTest {
 protected:
  void SetUp() override {
    Data(Seconds(0));
    Receive(Seconds(1), Spt(2, kHigh));
    ASSERT_TRUE(m_.loser());
    port_.log.clear();
  }
};

TEST_F(AssertLoserTest, TimerExpiresAfterAssertTime) {
  RunUntil(Seconds(180));
  EXPECT_TRUE(m_.loser());
  RunUntil(Seconds(181));
  EXPECT_EQ(m_.state(), AssertState::kNoInfo);
  EXPECT_EQ(port_.log, (std::vector<Did>{Winner(Seconds(181))}));
  EXPECT_EQ(port_.traces.back(), "pim.assert (10.0.0.1,239.1.1.1) I am Assert Loser --AT expires--> NoInfo");
}

TEST_F(AssertLoserTest, AcceptableAssertFromWinnerRestartsTimer) {
  Receive(Seconds(178), Spt(2, kHigh));
  RunUntil(Seconds(300));
  EXPECT_TRUE(m_.loser());
  EXPECT_EQ(m_.assert_timer_in(), Seconds(58));
  EXPECT_TRUE(port_.log.empty());  // the same winner: nothing changes for the olists
}

TEST_F(AssertLoserTest, PreferredAssertChangesWinner) {
  Receive(Seconds(2), Spt(1, kLow));
  EXPECT_EQ(m_.assert_winner(), kLow);
  EXPECT_EQ(port_.log, (std::vector<Did>{Winner(Seconds(2))}));
}

TEST_F(AssertLoserTest, InferiorAssertFromWinnerGoesToNoInfo) {
  Receive(Seconds(2), Spt(5, kHigh));
  EXPECT_EQ(m_.state(), AssertState::kNoInfo);
  EXPECT_EQ(m_.assert_winner(), Ipv4Address());
}

TEST_F(AssertLoserTest, InferiorAssertFromAnotherRouterIsIgnored) {
  Receive(Seconds(2), Spt(5, kLow));
  EXPECT_TRUE(m_.loser());
  EXPECT_TRUE(port_.log.empty());
}

TEST_F(AssertLoserTest, AssertCancelFromWinnerGoesToNoInfo) {
  Receive(Seconds(2), Cancel(kHigh));
  EXPECT_EQ(m_.state(), AssertState::kNoInfo);
  EXPECT_EQ(port_.traces.back(),
            "pim.assert (10.0.0.1,239.1.1.1) I am Assert Loser --receive AssertCancel from winner--> NoInfo");
}

TEST_F(AssertLoserTest, TrackingNoLongerDesiredGoesToNoInfo) {
  m_.OnConditions(false, false, mine_);
  EXPECT_EQ(m_.state(), AssertState::kNoInfo);
}

TEST_F(AssertLoserTest, MyMetricBetterThanWinnerGoesToNoInfo) {
  m_.OnConditions(true, true, mine_);
  EXPECT_TRUE(m_.loser());
  m_.OnConditions(true, true, Spt(1, kMe));
  EXPECT_EQ(m_.state(), AssertState::kNoInfo);
}

TEST_F(AssertLoserTest, RpfInterfaceStopsBeingIGoesToNoInfo) {
  m_.OnConditions(false, true, mine_, true);
  EXPECT_EQ(m_.state(), AssertState::kNoInfo);
}

TEST_F(AssertLoserTest, JoinReceivedGoesToNoInfo) {
  RunUntil(Seconds(3));
  m_.OnJoinReceived();
  EXPECT_EQ(m_.state(), AssertState::kNoInfo);
  EXPECT_EQ(port_.log, (std::vector<Did>{Winner(Seconds(3))}));
}

TEST_F(AssertLoserTest, WinnerGoneGoesToNoInfo) {
  m_.OnNeighborGone(kLow);
  EXPECT_TRUE(m_.loser());
  m_.OnNeighborGone(kHigh);
  EXPECT_EQ(m_.state(), AssertState::kNoInfo);
}

TEST_F(AssertLoserTest, StopClearsWithoutSending) {
  m_.Stop();
  EXPECT_EQ(m_.state(), AssertState::kNoInfo);
  EXPECT_TRUE(port_.log.empty());
  EXPECT_EQ(s_.pending_events(), 0u);
}

// --- shortened timers ---------------------------------------------------------------------------

TEST_F(AssertMachineTest, ShortenedTimersResendAndExpireOnTheirOwnSchedule) {
  config_.assert_time = Seconds(20);
  config_.assert_override_interval = Seconds(2);
  Data(Seconds(0));
  RunUntil(Seconds(18));
  EXPECT_EQ(port_.log.back(), Sent(Seconds(18), mine_));
  Receive(Seconds(19), Spt(2, kHigh));
  RunUntil(Seconds(38));
  EXPECT_TRUE(m_.loser());
  RunUntil(Seconds(39));
  EXPECT_EQ(m_.state(), AssertState::kNoInfo);
}

}  // namespace
}  // namespace pim
