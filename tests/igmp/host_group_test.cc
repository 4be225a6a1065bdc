// RFC 2236 §6 per-group host state machine: one test per diagram edge, plus the subtle cases
// quoted in host_group.cc. A fake interface mode stands in for the interface's IGMPv1 state;
// every assertion is on exact simulated instants.
#include "igmp/host_group.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/igmp/host_test_port.h"

namespace igmp {
namespace {

using sim::core::Duration;
using sim::core::Milliseconds;
using sim::core::Seconds;
using sim::core::Time;
using sim::wire::Ipv4Address;
using testing::At;
using testing::RecordingHostPort;
using testing::Sent;
using Log = std::vector<Sent>;

constexpr Ipv4Address kGroup{239, 1, 1, 1};

struct FakeMode : HostInterfaceMode {
  int report_version() const override { return version; }
  bool leave_suppressed() const override { return suppress_leave; }
  int version = 2;
  bool suppress_leave = false;
};

class HostGroupTest : public ::testing::Test {
 protected:
  void RunUntil(Duration d) { s_.RunUntil(Time::Start() + d); }
  // Joins at the current instant with `repeat_in` scripted for the unsolicited repeat.
  void JoinWithRepeatIn(Duration repeat_in) {
    port_.script.push_back(repeat_in);
    group_.OnJoinGroup();
  }
  // Joins and lets the one unsolicited repeat go out, `repeat_in` later: Idle, flag set.
  void JoinAndSettle(Duration repeat_in) {
    JoinWithRepeatIn(repeat_in);
    s_.RunUntil(s_.Now() + repeat_in);
    ASSERT_EQ(group_.state(), HostGroupState::kIdleMember);
  }

  sim::core::Scheduler s_;
  RecordingHostPort port_{s_};
  HostConfig config_;
  FakeMode mode_;
  HostGroup group_{s_, 7, kGroup, config_, mode_, port_};
};

TEST(HostGroupStateNames, AreTheRfcNamesWithoutSpaces) {
  EXPECT_EQ(ToString(HostGroupState::kNonMember), "NonMember");
  EXPECT_EQ(ToString(HostGroupState::kDelayingMember), "DelayingMember");
  EXPECT_EQ(ToString(HostGroupState::kIdleMember), "IdleMember");
}

TEST_F(HostGroupTest, StartsInNonMember) {
  EXPECT_EQ(group_.state(), HostGroupState::kNonMember);
  EXPECT_FALSE(group_.last_reporter());
  EXPECT_EQ(group_.report_in(), std::nullopt);
}

TEST_F(HostGroupTest, JoinInNonMemberSendsReportAtOnceSetsFlagAndStartsDelaying) {
  RunUntil(Seconds(2));
  JoinWithRepeatIn(Milliseconds(4300));
  EXPECT_EQ(port_.sent, (Log{At(Seconds(2), "v2 report 239.1.1.1")}));
  EXPECT_EQ(port_.asked, (std::vector<Duration>{Seconds(10)}));  // (0, Unsolicited Report Int.]
  EXPECT_EQ(group_.state(), HostGroupState::kDelayingMember);
  EXPECT_TRUE(group_.last_reporter());
  EXPECT_EQ(group_.report_in(), Milliseconds(4300));
  EXPECT_EQ(port_.traces,
            (std::vector<std::string>{"igmp.host_group 239.1.1.1 NonMember --join group--> "
                                      "DelayingMember [send v2 report]"}));
}

TEST_F(HostGroupTest, TimerExpiredInDelayingSendsReportSetsFlagAndGoesIdle) {
  JoinWithRepeatIn(Milliseconds(4300));
  RunUntil(Milliseconds(4299));
  EXPECT_EQ(port_.sent.size(), 1u);
  RunUntil(Milliseconds(4300));
  EXPECT_EQ(port_.sent, (Log{At(Seconds(0), "v2 report 239.1.1.1"),
                             At(Milliseconds(4300), "v2 report 239.1.1.1")}));
  EXPECT_EQ(group_.state(), HostGroupState::kIdleMember);
  EXPECT_TRUE(group_.last_reporter());
  EXPECT_EQ(group_.report_in(), std::nullopt);
  EXPECT_EQ(port_.traces.back(),
            "igmp.host_group 239.1.1.1 DelayingMember --timer expired--> IdleMember "
            "[send v2 report]");
  RunUntil(Seconds(1000));
  EXPECT_EQ(port_.sent.size(), 2u);  // robustness 2: two unsolicited reports in all
}

TEST_F(HostGroupTest, QueryInIdleStartsTimerAndGoesDelaying) {
  JoinAndSettle(Seconds(1));
  RunUntil(Seconds(20));
  port_.script.push_back(Milliseconds(3200));
  group_.OnQueryReceived(Seconds(10));
  EXPECT_EQ(port_.asked.back(), Seconds(10));
  EXPECT_EQ(group_.state(), HostGroupState::kDelayingMember);
  EXPECT_EQ(group_.report_in(), Milliseconds(3200));
  EXPECT_EQ(port_.traces.back(),
            "igmp.host_group 239.1.1.1 IdleMember --query received--> DelayingMember");
  RunUntil(Seconds(30));
  EXPECT_EQ(port_.sent.back(), At(Milliseconds(23'200), "v2 report 239.1.1.1"));
  EXPECT_EQ(port_.sent.size(), 3u);  // the answer owes no repeat
  EXPECT_EQ(group_.state(), HostGroupState::kIdleMember);
}

TEST_F(HostGroupTest, QueryInDelayingResetsTimerWhenMaxRespTimeIsLessThanRemaining) {
  JoinAndSettle(Seconds(1));
  port_.script = {Seconds(9), Milliseconds(400)};
  group_.OnQueryReceived(Seconds(10));  // at 1 s: report due at 10 s
  RunUntil(Seconds(3));
  group_.OnQueryReceived(Seconds(1));  // 1 s < 7 s left: reset to 0.4 s
  EXPECT_EQ(port_.asked, (std::vector<Duration>{Seconds(10), Seconds(10), Seconds(1)}));
  EXPECT_EQ(group_.report_in(), Milliseconds(400));
  EXPECT_EQ(port_.traces.back(),
            "igmp.host_group 239.1.1.1 DelayingMember --query received--> DelayingMember "
            "[reset timer]");
  RunUntil(Seconds(20));
  EXPECT_EQ(port_.sent,
            (Log{At(Seconds(0), "v2 report 239.1.1.1"), At(Seconds(1), "v2 report 239.1.1.1"),
                 At(Milliseconds(3400), "v2 report 239.1.1.1")}));
}

TEST_F(HostGroupTest, QueryInDelayingKeepsTimerWhenMaxRespTimeIsNotLess) {
  // RFC 2236 §3 compares the query's Max Resp Time with the time left, not a fresh draw: with
  // 5 s left, a 10 s query leaves the timer alone even though a draw might have been sooner,
  // and no delay is drawn at all.
  JoinAndSettle(Seconds(1));
  port_.script = {Seconds(6)};
  group_.OnQueryReceived(Seconds(10));  // at 1 s: due at 7 s
  RunUntil(Seconds(2));
  const std::size_t traces = port_.traces.size();
  group_.OnQueryReceived(Seconds(10));
  group_.OnQueryReceived(Seconds(5));  // equal to the time left: not less, kept
  EXPECT_EQ(port_.asked.size(), 2u);
  EXPECT_EQ(port_.traces.size(), traces);
  RunUntil(Seconds(20));
  EXPECT_EQ(port_.sent.back(), At(Seconds(7), "v2 report 239.1.1.1"));
  EXPECT_EQ(port_.sent.size(), 3u);
}

TEST_F(HostGroupTest, ReportInDelayingStopsTimerClearsFlagAndGoesIdle) {
  JoinAndSettle(Seconds(1));
  port_.script = {Seconds(6)};
  group_.OnQueryReceived(Seconds(10));
  RunUntil(Seconds(4));
  group_.OnReportReceived();
  EXPECT_EQ(group_.state(), HostGroupState::kIdleMember);
  EXPECT_FALSE(group_.last_reporter());
  EXPECT_EQ(group_.report_in(), std::nullopt);
  EXPECT_EQ(port_.traces.back(),
            "igmp.host_group 239.1.1.1 DelayingMember --report received--> IdleMember");
  RunUntil(Seconds(100));
  EXPECT_EQ(port_.sent.size(), 2u);  // suppressed: nothing at 7 s
}

TEST_F(HostGroupTest, ReportInDelayingAlsoCancelsThePendingUnsolicitedRepeats) {
  config_.robustness = 3;  // two repeats owed
  JoinWithRepeatIn(Seconds(8));
  RunUntil(Seconds(3));
  group_.OnReportReceived();
  EXPECT_EQ(group_.state(), HostGroupState::kIdleMember);
  EXPECT_FALSE(group_.last_reporter());
  RunUntil(Seconds(20));
  EXPECT_EQ(port_.sent, (Log{At(Seconds(0), "v2 report 239.1.1.1")}));
  // The repeats are forgotten, not postponed: a later answer is not followed by one.
  port_.script = {Seconds(2)};
  group_.OnQueryReceived(Seconds(10));
  RunUntil(Seconds(100));
  EXPECT_EQ(port_.sent,
            (Log{At(Seconds(0), "v2 report 239.1.1.1"), At(Seconds(22), "v2 report 239.1.1.1")}));
}

TEST_F(HostGroupTest, ReportInIdleClearsFlagAndStaysIdle) {
  JoinAndSettle(Seconds(1));
  RunUntil(Seconds(5));
  group_.OnReportReceived();
  EXPECT_EQ(group_.state(), HostGroupState::kIdleMember);
  EXPECT_FALSE(group_.last_reporter());
  EXPECT_EQ(port_.traces.back(),
            "igmp.host_group 239.1.1.1 IdleMember --report received--> IdleMember "
            "[clear flag]");
  const std::size_t traces = port_.traces.size();
  group_.OnReportReceived();  // flag already clear: nothing happens, nothing traced
  EXPECT_EQ(port_.traces.size(), traces);
}

TEST_F(HostGroupTest, LeaveInDelayingStopsTimerAndSendsLeaveWhenFlagSet) {
  JoinWithRepeatIn(Seconds(8));
  RunUntil(Seconds(3));
  group_.OnLeaveGroup();
  EXPECT_EQ(group_.state(), HostGroupState::kNonMember);
  EXPECT_EQ(port_.traces.back(),
            "igmp.host_group 239.1.1.1 DelayingMember --leave group--> NonMember [send leave]");
  RunUntil(Seconds(100));
  EXPECT_EQ(port_.sent,
            (Log{At(Seconds(0), "v2 report 239.1.1.1"), At(Seconds(3), "leave 239.1.1.1")}));
}

TEST_F(HostGroupTest, LeaveInDelayingAfterAnotherReportSendsNothing) {
  JoinAndSettle(Seconds(1));
  port_.script = {Seconds(6)};
  group_.OnQueryReceived(Seconds(10));
  group_.OnReportReceived();  // Idle, flag clear
  port_.script = {Seconds(6)};
  group_.OnQueryReceived(Seconds(10));  // Delaying again, flag still clear
  RunUntil(Seconds(3));
  group_.OnLeaveGroup();
  EXPECT_EQ(port_.traces.back(),
            "igmp.host_group 239.1.1.1 DelayingMember --leave group--> NonMember");
  RunUntil(Seconds(100));
  EXPECT_EQ(port_.sent.size(), 2u);
}

TEST_F(HostGroupTest, LeaveInIdleSendsLeaveWhenFlagSet) {
  JoinAndSettle(Seconds(1));
  RunUntil(Seconds(50));
  group_.OnLeaveGroup();
  EXPECT_EQ(group_.state(), HostGroupState::kNonMember);
  EXPECT_FALSE(group_.last_reporter());
  EXPECT_EQ(port_.sent.back(), At(Seconds(50), "leave 239.1.1.1"));
  EXPECT_EQ(port_.traces.back(),
            "igmp.host_group 239.1.1.1 IdleMember --leave group--> NonMember [send leave]");
}

TEST_F(HostGroupTest, LeaveInIdleWithFlagClearSendsNothing) {
  JoinAndSettle(Seconds(1));
  group_.OnReportReceived();
  RunUntil(Seconds(50));
  group_.OnLeaveGroup();
  EXPECT_EQ(group_.state(), HostGroupState::kNonMember);
  EXPECT_EQ(port_.sent.size(), 2u);
  EXPECT_EQ(port_.traces.back(), "igmp.host_group 239.1.1.1 IdleMember --leave group--> NonMember");
}

TEST_F(HostGroupTest, LeaveIsSkippedWhileTheInterfaceSuppressesIt) {
  JoinAndSettle(Seconds(1));
  mode_.suppress_leave = true;
  group_.OnLeaveGroup();
  EXPECT_EQ(group_.state(), HostGroupState::kNonMember);
  EXPECT_EQ(port_.sent.size(), 2u);
}

TEST_F(HostGroupTest, ReportTypeIsTheInterfacesAtTheInstantOfSending) {
  JoinWithRepeatIn(Seconds(5));
  RunUntil(Seconds(2));
  mode_.version = 1;  // an IGMPv1 querier was heard in between
  RunUntil(Seconds(10));
  EXPECT_EQ(port_.sent,
            (Log{At(Seconds(0), "v2 report 239.1.1.1"), At(Seconds(5), "v1 report 239.1.1.1")}));
  EXPECT_EQ(port_.traces.back(),
            "igmp.host_group 239.1.1.1 DelayingMember --timer expired--> IdleMember "
            "[send v1 report]");
}

TEST_F(HostGroupTest, QueryAnswerCountsAsTheOwedUnsolicitedRepeat) {
  // RFC 2236 §3 likens the repeat to acting "as if a Group-Specific Query was received": an
  // answer sent before the repeat's timer expires is the repeat.
  JoinWithRepeatIn(Seconds(8));
  RunUntil(Seconds(1));
  port_.script = {Milliseconds(500)};
  group_.OnQueryReceived(Seconds(1));  // 1 s < 7 s left
  RunUntil(Seconds(100));
  EXPECT_EQ(port_.sent, (Log{At(Seconds(0), "v2 report 239.1.1.1"),
                             At(Milliseconds(1500), "v2 report 239.1.1.1")}));
  EXPECT_EQ(group_.state(), HostGroupState::kIdleMember);
}

TEST_F(HostGroupTest, RobustnessThreeWithShortIntervalSendsThreeUnsolicitedReports) {
  config_.robustness = 3;
  config_.unsolicited_report_interval = Seconds(1);
  port_.script = {Milliseconds(400), Milliseconds(700)};
  group_.OnJoinGroup();
  RunUntil(Milliseconds(400));
  EXPECT_EQ(group_.state(), HostGroupState::kDelayingMember);  // one repeat still owed
  EXPECT_EQ(port_.traces.back(),
            "igmp.host_group 239.1.1.1 DelayingMember --timer expired--> DelayingMember "
            "[send v2 report]");
  RunUntil(Seconds(100));
  EXPECT_EQ(port_.sent, (Log{At(Seconds(0), "v2 report 239.1.1.1"),
                             At(Milliseconds(400), "v2 report 239.1.1.1"),
                             At(Milliseconds(1100), "v2 report 239.1.1.1")}));
  EXPECT_EQ(port_.asked, (std::vector<Duration>{Seconds(1), Seconds(1)}));
  EXPECT_EQ(group_.state(), HostGroupState::kIdleMember);
}

TEST_F(HostGroupTest, RobustnessOneJoinsStraightIntoIdle) {
  config_.robustness = 1;
  group_.OnJoinGroup();
  EXPECT_EQ(group_.state(), HostGroupState::kIdleMember);
  EXPECT_TRUE(group_.last_reporter());
  EXPECT_TRUE(port_.asked.empty());
  EXPECT_EQ(port_.traces.back(),
            "igmp.host_group 239.1.1.1 NonMember --join group--> IdleMember [send v2 report]");
}

TEST_F(HostGroupTest, Version1HostKeepsItsRunningTimerOnQuery) {
  // RFC 1112 Appendix I: no "query received" edge out of Delaying Member.
  config_.version = 1;
  mode_.version = 1;
  JoinWithRepeatIn(Seconds(9));
  RunUntil(Seconds(1));
  group_.OnQueryReceived(Seconds(1));
  EXPECT_EQ(port_.asked.size(), 1u);
  RunUntil(Seconds(100));
  EXPECT_EQ(port_.sent,
            (Log{At(Seconds(0), "v1 report 239.1.1.1"), At(Seconds(9), "v1 report 239.1.1.1")}));
}

TEST_F(HostGroupTest, PowerOffStopsTheTimerAndSendsNothing) {
  JoinWithRepeatIn(Seconds(8));
  RunUntil(Seconds(1));
  group_.OnPowerOff();
  EXPECT_EQ(group_.state(), HostGroupState::kNonMember);
  EXPECT_FALSE(group_.last_reporter());
  EXPECT_EQ(port_.traces.back(),
            "igmp.host_group 239.1.1.1 DelayingMember --power off--> NonMember");
  RunUntil(Seconds(100));
  EXPECT_EQ(port_.sent.size(), 1u);
}

TEST_F(HostGroupTest, EventsOutsideTheirStatesAreIgnored) {
  group_.OnLeaveGroup();                // "leave group" only in Delaying or Idle Member
  group_.OnQueryReceived(Seconds(10));  // queries are ignored in Non-Member
  group_.OnReportReceived();
  group_.OnPowerOff();
  EXPECT_TRUE(port_.traces.empty());
  JoinWithRepeatIn(Seconds(5));
  group_.OnJoinGroup();  // "join group" only in Non-Member
  EXPECT_EQ(port_.sent.size(), 1u);
  EXPECT_EQ(port_.traces.size(), 1u);
}

TEST_F(HostGroupTest, TraceCarriesTheNamedFieldsInOrder) {
  struct FieldPort : RecordingHostPort {
    using RecordingHostPort::RecordingHostPort;
    void Trace(std::string_view kind, TraceFields f) override {
      kinds.emplace_back(kind);
      fields.push_back(std::move(f));
    }
    std::vector<std::string> kinds;
    std::vector<TraceFields> fields;
  } port(s_);
  port.script = {Seconds(1)};
  HostGroup g(s_, 7, kGroup, config_, mode_, port);
  g.OnJoinGroup();
  ASSERT_EQ(port.kinds, (std::vector<std::string>{"igmp.host_group"}));
  EXPECT_EQ(port.fields[0], (TraceFields{{"group", "239.1.1.1"},
                                         {"from", "NonMember"},
                                         {"event", "join group"},
                                         {"to", "DelayingMember"},
                                         {"action", "send v2 report"}}));
}

}  // namespace
}  // namespace igmp
