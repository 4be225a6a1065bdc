// One interface's IGMP host side: joins, queries (general, group-specific, IGMPv1), report
// suppression, leaves, the Version 1 Router Present timer, version-1 hosts and power-off,
// asserted at exact simulated instants with the RFC defaults and with shortened values.
#include "igmp/host_interface.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "tests/igmp/host_test_port.h"

namespace igmp {
namespace {

using sim::core::Duration;
using sim::core::Milliseconds;
using sim::core::Nanoseconds;
using sim::core::Seconds;
using sim::core::Time;
using sim::wire::IgmpQuery;
using sim::wire::Ipv4Address;
using testing::At;
using testing::RecordingHostPort;
using testing::Sent;
using Log = std::vector<Sent>;

constexpr Ipv4Address kG1{239, 1, 1, 1};
constexpr Ipv4Address kG2{239, 2, 2, 2};
constexpr IgmpQuery kGeneralQuery{Seconds(10), Ipv4Address()};
constexpr IgmpQuery kV1Query{Duration::Zero(), Ipv4Address()};

class HostInterfaceTest : public ::testing::Test {
 protected:
  void RunUntil(Duration d) { s_.RunUntil(Time::Start() + d); }
  // Joins `g` now and lets its one unsolicited repeat go out `repeat_in` later.
  void JoinAndSettle(HostInterface& i, Ipv4Address g, Duration repeat_in = Seconds(1)) {
    port_.script.push_back(repeat_in);
    i.Join(g);
    s_.RunUntil(s_.Now() + repeat_in);
    ASSERT_EQ(i.StateOf(g), HostGroupState::kIdleMember);
  }
  HostInterface& Make(HostConfig config) {
    iface_.emplace(s_, 3, config, port_);
    return *iface_;
  }

  sim::core::Scheduler s_;
  RecordingHostPort port_{s_};
  std::optional<HostInterface> iface_;
  HostInterface& host_ = Make(HostConfig{});
};

TEST_F(HostInterfaceTest, JoinReportsAtOnceThenOnceMoreAtTheScriptedDelay) {
  port_.script = {Milliseconds(6500)};
  host_.Join(kG1);
  EXPECT_EQ(host_.StateOf(kG1), HostGroupState::kDelayingMember);
  RunUntil(Seconds(100));
  EXPECT_EQ(port_.sent, (Log{At(Seconds(0), "v2 report 239.1.1.1"),
                             At(Milliseconds(6500), "v2 report 239.1.1.1")}));
  EXPECT_EQ(port_.asked, (std::vector<Duration>{Seconds(10)}));
  EXPECT_EQ(host_.StateOf(kG1), HostGroupState::kIdleMember);
}

TEST_F(HostInterfaceTest, AllSystemsGroupIsNeverReported) {
  host_.Join(sim::wire::kAllSystems);
  host_.OnQuery(kGeneralQuery);
  host_.Leave(sim::wire::kAllSystems);
  RunUntil(Seconds(100));
  EXPECT_TRUE(port_.sent.empty());
  EXPECT_TRUE(port_.traces.empty());
  EXPECT_TRUE(port_.asked.empty());
  EXPECT_EQ(host_.StateOf(sim::wire::kAllSystems), std::nullopt);
  EXPECT_TRUE(host_.Groups().empty());
}

TEST_F(HostInterfaceTest, GeneralQueryIsAnsweredExactlyAfterTheScriptedDelay) {
  JoinAndSettle(host_, kG1);
  RunUntil(Seconds(40));
  port_.script = {Milliseconds(3200)};
  host_.OnQuery(kGeneralQuery);
  EXPECT_EQ(port_.asked.back(), Seconds(10));
  RunUntil(Milliseconds(43'199));
  EXPECT_EQ(port_.sent.size(), 2u);
  RunUntil(Milliseconds(43'200));
  EXPECT_EQ(port_.sent.back(), At(Milliseconds(43'200), "v2 report 239.1.1.1"));
}

TEST_F(HostInterfaceTest, GeneralQueryStartsATimerForEveryGroupInGroupOrder) {
  JoinAndSettle(host_, kG2);
  JoinAndSettle(host_, kG1);
  port_.script = {Seconds(7), Seconds(2)};  // drawn for 239.1.1.1 first, then 239.2.2.2
  host_.OnQuery(kGeneralQuery);             // at 2 s
  RunUntil(Seconds(100));
  EXPECT_EQ(port_.sent,
            (Log{At(Seconds(0), "v2 report 239.2.2.2"), At(Seconds(1), "v2 report 239.2.2.2"),
                 At(Seconds(1), "v2 report 239.1.1.1"), At(Seconds(2), "v2 report 239.1.1.1"),
                 At(Seconds(4), "v2 report 239.2.2.2"), At(Seconds(9), "v2 report 239.1.1.1")}));
}

TEST_F(HostInterfaceTest, GroupSpecificQueryAppliesOnlyToItsGroup) {
  JoinAndSettle(host_, kG1);
  JoinAndSettle(host_, kG2);
  port_.script = {Milliseconds(300)};
  host_.OnQuery(IgmpQuery{Seconds(1), kG2});
  EXPECT_EQ(port_.asked.back(), Seconds(1));
  EXPECT_EQ(host_.StateOf(kG1), HostGroupState::kIdleMember);
  EXPECT_EQ(host_.StateOf(kG2), HostGroupState::kDelayingMember);
  host_.OnQuery(IgmpQuery{Seconds(1), Ipv4Address(239, 9, 9, 9)});  // not joined: ignored
  RunUntil(Seconds(100));
  EXPECT_EQ(port_.sent.back(), At(Milliseconds(2300), "v2 report 239.2.2.2"));
  EXPECT_EQ(port_.sent.size(), 5u);
}

TEST_F(HostInterfaceTest, AnotherMembersReportSuppressesTheAnswer) {
  JoinAndSettle(host_, kG1);
  JoinAndSettle(host_, kG2);
  port_.script = {Seconds(5), Seconds(6)};
  host_.OnQuery(kGeneralQuery);  // at 2 s
  RunUntil(Seconds(3));
  host_.OnReport(kG1);
  host_.OnReport(Ipv4Address(239, 9, 9, 9));  // not joined: ignored
  RunUntil(Seconds(100));
  EXPECT_EQ(port_.sent.back(), At(Seconds(8), "v2 report 239.2.2.2"));
  EXPECT_EQ(port_.sent.size(), 5u);  // nothing for 239.1.1.1 at 7 s
  EXPECT_EQ(host_.Groups()[0].last_reporter, false);
  EXPECT_EQ(host_.Groups()[1].last_reporter, true);
}

TEST_F(HostInterfaceTest, RunningTimerIsResetOnlyBySoonerMaxRespTime) {
  JoinAndSettle(host_, kG1);
  port_.script = {Seconds(8)};
  host_.OnQuery(kGeneralQuery);  // at 1 s: due at 9 s
  RunUntil(Seconds(2));
  host_.OnQuery(kGeneralQuery);  // 10 s is not less than the 7 s left: kept, nothing drawn
  port_.script = {Milliseconds(250)};
  host_.OnQuery(IgmpQuery{Seconds(1), kG1});  // 1 s < 7 s: reset to 0.25 s
  EXPECT_EQ(port_.asked, (std::vector<Duration>{Seconds(10), Seconds(10), Seconds(1)}));
  RunUntil(Seconds(100));
  EXPECT_EQ(port_.sent.back(), At(Milliseconds(2250), "v2 report 239.1.1.1"));
  EXPECT_EQ(port_.sent.size(), 3u);
}

TEST_F(HostInterfaceTest, LeaveIsSentAtOnceToAllRoutersByTheLastReporter) {
  JoinAndSettle(host_, kG1);
  RunUntil(Seconds(30));
  host_.Leave(kG1);
  EXPECT_EQ(port_.sent.back(), At(Seconds(30), "leave 239.1.1.1"));
  EXPECT_EQ(host_.StateOf(kG1), std::nullopt);
  host_.Leave(kG1);  // not joined any more: nothing
  EXPECT_EQ(port_.sent.size(), 3u);
}

TEST_F(HostInterfaceTest, NoLeaveAfterAnotherHostsReport) {
  JoinAndSettle(host_, kG1);
  port_.script = {Seconds(4)};
  host_.OnQuery(kGeneralQuery);  // at 1 s
  RunUntil(Seconds(3));
  host_.OnReport(kG1);  // another member answered first
  RunUntil(Seconds(60));
  host_.Leave(kG1);
  RunUntil(Seconds(100));
  EXPECT_EQ(port_.sent,
            (Log{At(Seconds(0), "v2 report 239.1.1.1"), At(Seconds(1), "v2 report 239.1.1.1")}));
}

TEST_F(HostInterfaceTest, HearingAReportInIdleAlsoTakesAwayTheLeave) {
  JoinAndSettle(host_, kG1);
  RunUntil(Seconds(20));
  host_.OnReport(kG1);  // e.g. another member's unsolicited join report
  host_.Leave(kG1);
  EXPECT_EQ(port_.sent.size(), 2u);
}

TEST_F(HostInterfaceTest, IgmpV1QueryMeansV1ReportsAndNoLeaveUntil400sLater) {
  JoinAndSettle(host_, kG1);
  JoinAndSettle(host_, kG2);
  RunUntil(Seconds(5));
  port_.script = {Seconds(4), Seconds(6)};
  host_.OnQuery(kV1Query);  // at 5 s: present until 405 s
  EXPECT_TRUE(host_.v1_router_present());
  EXPECT_EQ(port_.asked, (std::vector<Duration>{Seconds(10), Seconds(10), Seconds(10),
                                                Seconds(10)}));  // zero read as 10 s
  RunUntil(Seconds(20));
  EXPECT_EQ(port_.sent.end()[-2], At(Seconds(9), "v1 report 239.1.1.1"));
  EXPECT_EQ(port_.sent.end()[-1], At(Seconds(11), "v1 report 239.2.2.2"));

  RunUntil(Seconds(405) - Nanoseconds(1));
  EXPECT_TRUE(host_.v1_router_present());
  host_.Leave(kG1);  // last reporter, but the querier runs IGMPv1: skipped
  EXPECT_EQ(port_.sent.size(), 6u);

  RunUntil(Seconds(405));
  EXPECT_FALSE(host_.v1_router_present());
  host_.Leave(kG2);  // leaves resume at exactly 405 s
  EXPECT_EQ(port_.sent.back(), At(Seconds(405), "leave 239.2.2.2"));
  EXPECT_EQ(port_.traces.back(),
            "igmp.host_group 239.2.2.2 IdleMember --leave group--> NonMember [send leave]");
}

TEST_F(HostInterfaceTest, UnsolicitedReportsAreV1WhileAnIgmpV1RouterIsPresent) {
  host_.OnQuery(kV1Query);  // at 0: present until 400 s
  RunUntil(Seconds(100));
  port_.script = {Seconds(3)};
  host_.Join(kG1);
  RunUntil(Seconds(399));
  port_.script = {Seconds(3)};
  host_.Join(kG2);
  RunUntil(Seconds(500));
  EXPECT_EQ(
      port_.sent,
      (Log{At(Seconds(100), "v1 report 239.1.1.1"), At(Seconds(103), "v1 report 239.1.1.1"),
           At(Seconds(399), "v1 report 239.2.2.2"), At(Seconds(402), "v2 report 239.2.2.2")}));
}

TEST_F(HostInterfaceTest, EachIgmpV1QueryRestartsTheV1RouterPresentTimer) {
  host_.OnQuery(kV1Query);
  RunUntil(Seconds(100));
  host_.OnQuery(kV1Query);       // now present until 500 s
  host_.OnQuery(kGeneralQuery);  // a v2 query does not end it (RFC 2236 §4)
  RunUntil(Seconds(500) - Nanoseconds(1));
  EXPECT_TRUE(host_.v1_router_present());
  RunUntil(Seconds(500));
  EXPECT_FALSE(host_.v1_router_present());
  EXPECT_EQ(port_.traces,
            (std::vector<std::string>{
                "igmp.host_interface NoIGMPv1RouterPresent --IGMPv1 query received--> "
                "IGMPv1RouterPresent",
                "igmp.host_interface IGMPv1RouterPresent --timer expires--> "
                "NoIGMPv1RouterPresent"}));
  EXPECT_EQ(port_.trace_times, (std::vector<Time>{Time::Start(), Time::Start() + Seconds(500)}));
}

TEST_F(HostInterfaceTest, ShortenedV1RouterPresentTimeout) {
  HostConfig config;
  config.version1_router_present_timeout = Seconds(30);
  HostInterface& host = Make(config);
  RunUntil(Seconds(5));
  host.OnQuery(kV1Query);
  RunUntil(Seconds(35) - Nanoseconds(1));
  EXPECT_TRUE(host.v1_router_present());
  RunUntil(Seconds(35));
  EXPECT_FALSE(host.v1_router_present());
}

TEST_F(HostInterfaceTest, Version1HostSendsV1ReportsAndNeverALeave) {
  HostConfig config;
  config.version = 1;
  HostInterface& host = Make(config);
  JoinAndSettle(host, kG1);
  JoinAndSettle(host, kG2);
  // RFC 1112: the group field and Max Resp Time of any query are ignored: a group-specific
  // query with 1 s is a general query with 10 s to a version-1 host.
  port_.script = {Seconds(5), Seconds(6)};
  host.OnQuery(IgmpQuery{Seconds(1), kG2});
  EXPECT_EQ(port_.asked.end()[-2], Seconds(10));
  EXPECT_EQ(port_.asked.end()[-1], Seconds(10));
  RunUntil(Seconds(50));
  host.Leave(kG1);
  host.Leave(kG2);
  RunUntil(Seconds(100));
  EXPECT_EQ(port_.sent,
            (Log{At(Seconds(0), "v1 report 239.1.1.1"), At(Seconds(1), "v1 report 239.1.1.1"),
                 At(Seconds(1), "v1 report 239.2.2.2"), At(Seconds(2), "v1 report 239.2.2.2"),
                 At(Seconds(7), "v1 report 239.1.1.1"), At(Seconds(8), "v1 report 239.2.2.2")}));
  EXPECT_FALSE(host.v1_router_present());  // RFC 1112 hosts keep no such state
}

TEST_F(HostInterfaceTest, StopCancelsEverythingAndSendsNothing) {
  JoinAndSettle(host_, kG1);
  port_.script = {Seconds(5)};
  host_.Join(kG2);
  port_.script = {Seconds(4)};
  host_.OnQuery(kV1Query);  // 239.1.1.1 Delaying; 239.2.2.2 keeps its 5 s repeat
  host_.Stop();
  EXPECT_EQ(host_.StateOf(kG1), std::nullopt);
  EXPECT_EQ(host_.StateOf(kG2), std::nullopt);
  EXPECT_TRUE(host_.Groups().empty());
  EXPECT_FALSE(host_.v1_router_present());
  const std::size_t traces = port_.traces.size();
  RunUntil(Seconds(1000));
  EXPECT_EQ(port_.sent.size(), 3u);        // only what went out before the Stop
  EXPECT_EQ(port_.traces.size(), traces);  // not even the v1 timer's expiry
  EXPECT_EQ(s_.pending_events(), 0u);

  port_.script = {Seconds(2)};  // powered on again: a fresh join works as before
  host_.Join(kG1);
  EXPECT_EQ(port_.sent.back(), At(Seconds(1000), "v2 report 239.1.1.1"));
}

TEST_F(HostInterfaceTest, ShortenedIntervalAndRobustnessThree) {
  HostConfig config;
  config.robustness = 3;
  config.unsolicited_report_interval = Seconds(1);
  HostInterface& host = Make(config);
  RunUntil(Seconds(10));
  port_.script = {Milliseconds(900), Milliseconds(100)};
  host.Join(kG1);
  RunUntil(Seconds(100));
  EXPECT_EQ(port_.sent, (Log{At(Seconds(10), "v2 report 239.1.1.1"),
                             At(Milliseconds(10'900), "v2 report 239.1.1.1"),
                             At(Seconds(11), "v2 report 239.1.1.1")}));
  EXPECT_EQ(port_.asked, (std::vector<Duration>{Seconds(1), Seconds(1)}));
}

TEST_F(HostInterfaceTest, GroupsViewIsOrderedAndShowsTimersAndFlags) {
  JoinAndSettle(host_, kG2);
  port_.script = {Seconds(6)};
  host_.Join(kG1);  // at 1 s
  RunUntil(Seconds(3));
  host_.OnReport(kG2);
  const auto groups = host_.Groups();
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].group, kG1);
  EXPECT_EQ(groups[0].state, HostGroupState::kDelayingMember);
  EXPECT_EQ(groups[0].report_in, Seconds(4));
  EXPECT_TRUE(groups[0].last_reporter);
  EXPECT_EQ(groups[1].group, kG2);
  EXPECT_EQ(groups[1].state, HostGroupState::kIdleMember);
  EXPECT_EQ(groups[1].report_in, std::nullopt);
  EXPECT_FALSE(groups[1].last_reporter);
}

TEST_F(HostInterfaceTest, SecondJoinOfAJoinedGroupIsIgnored) {
  port_.script = {Seconds(6)};
  host_.Join(kG1);
  host_.Join(kG1);
  RunUntil(Seconds(100));
  EXPECT_EQ(port_.sent.size(), 2u);
}

}  // namespace
}  // namespace igmp
