// IGMP snooping table (RFC 4541 §2.1): one test per edge of the diagrams at the top of
// igmp/snooping_table.cc, at exact simulated instants, with the RFC defaults and with
// shortened timers; then the forwarding answers (ForwardPorts, ControlPorts), port down,
// power off and the table dump.
#include "igmp/snooping_table.h"

#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace igmp {
namespace {

using sim::core::Duration;
using sim::core::Milliseconds;
using sim::core::Nanoseconds;
using sim::core::Scheduler;
using sim::core::Seconds;
using sim::core::Time;
using sim::wire::Ipv4Address;
using Log = std::vector<std::string>;

constexpr Ipv4Address kGroup{239, 1, 1, 1};
constexpr Ipv4Address kOtherGroup{239, 2, 2, 2};
constexpr Ipv4Address kRouter{10, 0, 0, 1};
constexpr Ipv4Address kAnySource{};
constexpr Ipv4Address kGeneral{};

// Records each trace as "<time> key=value ..."; every line must be of kind igmp.snooping.
class FakeSnoopingPort : public SnoopingPort {
 public:
  explicit FakeSnoopingPort(Scheduler& s) : s_(s) {}
  void Trace(std::string_view kind, TraceFields fields) override {
    EXPECT_EQ(kind, "igmp.snooping");
    std::string line = sim::core::ToString(s_.Now());
    for (const auto& [key, value] : fields) line += " " + std::string(key) + "=" + value.text();
    log.push_back(line);
  }
  // Port i is named "p<i+1>", as a switch with "ports": N names them.
  std::string PortName(std::uint32_t index) const override { return "p" + std::to_string(index + 1); }
  Log log;

 private:
  Scheduler& s_;
};

Time T(Duration d) { return Time::Start() + d; }

class SnoopingTableTest : public testing::Test {
 protected:
  SnoopingTable& Make(SnoopingConfig c = {}) {
    table_.emplace(s_, 7, c, port_);
    return *table_;
  }
  // Runs the clock to `d` after the start.
  void At(Duration d) { s_.RunUntil(T(d)); }
  // Log lines since the last call.
  Log Take() {
    Log out = std::move(port_.log);
    port_.log.clear();
    return out;
  }
  bool IsMember(Ipv4Address g, SwitchPort p) const {
    auto ports = table_->MemberPorts(g);
    return ports && ports->contains(p);
  }

  Scheduler s_;
  FakeSnoopingPort port_{s_};
  std::optional<SnoopingTable> table_;
};

// ---------------------------------------------------------------------------------------
// Member ports

TEST_F(SnoopingTableTest, ReportFromNonMemberPortAddsPortAndRegistersGroup) {
  auto& t = Make();
  At(Seconds(1));
  EXPECT_EQ(t.MemberPorts(kGroup), std::nullopt);
  t.OnReport(3, kGroup);
  EXPECT_EQ(t.MemberPorts(kGroup), (std::set<SwitchPort>{3}));
  EXPECT_EQ(Take(), (Log{"1.000000000 group=239.1.1.1 port=p4 event=report change=port added",
                         "1.000000000 group=239.1.1.1 event=report change=group registered"}));
}

TEST_F(SnoopingTableTest, ReportFromSecondPortAddsPortOnly) {
  auto& t = Make();
  At(Seconds(1));
  t.OnReport(3, kGroup);
  Take();
  t.OnReport(4, kGroup);
  EXPECT_EQ(t.MemberPorts(kGroup), (std::set<SwitchPort>{3, 4}));
  EXPECT_EQ(Take(), (Log{"1.000000000 group=239.1.1.1 port=p5 event=report change=port added"}));
}

TEST_F(SnoopingTableTest, MembershipTimerExpiryRemovesPortAtGroupMembershipInterval) {
  auto& t = Make();
  At(Seconds(1));
  t.OnReport(3, kGroup);
  Take();
  s_.RunUntil(T(Seconds(261)) - Nanoseconds(1));
  EXPECT_TRUE(IsMember(kGroup, 3));
  EXPECT_TRUE(Take().empty());
  At(Seconds(261));
  EXPECT_EQ(t.MemberPorts(kGroup), std::nullopt);
  EXPECT_EQ(Take(), (Log{"261.000000000 group=239.1.1.1 port=p4 event=aged change=port removed",
                         "261.000000000 group=239.1.1.1 event=aged change=group unregistered"}));
}

TEST_F(SnoopingTableTest, MembershipTimerExpiryWithShortenedInterval) {
  auto& t = Make({.group_membership_interval = Seconds(10)});
  At(Seconds(1));
  t.OnReport(3, kGroup);
  s_.RunUntil(T(Seconds(11)) - Nanoseconds(1));
  EXPECT_TRUE(IsMember(kGroup, 3));
  At(Seconds(11));
  EXPECT_FALSE(IsMember(kGroup, 3));
}

TEST_F(SnoopingTableTest, ReportFromMemberPortRestartsTimerWithoutTrace) {
  auto& t = Make();
  At(Seconds(1));
  t.OnReport(3, kGroup);
  Take();
  At(Seconds(100));
  t.OnReport(3, kGroup);
  EXPECT_TRUE(Take().empty());
  At(Seconds(261));
  EXPECT_TRUE(IsMember(kGroup, 3));
  s_.RunUntil(T(Seconds(360)) - Nanoseconds(1));
  EXPECT_TRUE(IsMember(kGroup, 3));
  At(Seconds(360));
  EXPECT_FALSE(IsMember(kGroup, 3));
}

TEST_F(SnoopingTableTest, LastMemberPortExpiryUnregistersGroupOthersDoNot) {
  auto& t = Make({.group_membership_interval = Seconds(10)});
  t.OnReport(3, kGroup);
  At(Seconds(4));
  t.OnReport(4, kGroup);
  Take();
  At(Seconds(10));
  EXPECT_EQ(t.MemberPorts(kGroup), (std::set<SwitchPort>{4}));
  EXPECT_EQ(Take(), (Log{"10.000000000 group=239.1.1.1 port=p4 event=aged change=port removed"}));
  At(Seconds(14));
  EXPECT_EQ(t.MemberPorts(kGroup), std::nullopt);
  EXPECT_EQ(Take(), (Log{"14.000000000 group=239.1.1.1 port=p5 event=aged change=port removed",
                         "14.000000000 group=239.1.1.1 event=aged change=group unregistered"}));
}

TEST_F(SnoopingTableTest, ReportAtTheExpiryInstantArrivesAfterTheExpiry) {
  // Equal-time events run in scheduling order: the membership timer was set at 1 s, the
  // report is scheduled later, so the port ages out and then joins again.
  auto& t = Make();
  At(Seconds(1));
  t.OnReport(3, kGroup);
  Take();
  s_.ScheduleAt(T(Seconds(261)), 7, [&] { t.OnReport(3, kGroup); });
  At(Seconds(261));
  EXPECT_EQ(Take(), (Log{"261.000000000 group=239.1.1.1 port=p4 event=aged change=port removed",
                         "261.000000000 group=239.1.1.1 event=aged change=group unregistered",
                         "261.000000000 group=239.1.1.1 port=p4 event=report change=port added",
                         "261.000000000 group=239.1.1.1 event=report change=group registered"}));
}

// ---------------------------------------------------------------------------------------
// Leaves

TEST_F(SnoopingTableTest, LeaveLowersTimerToLastMemberQueryTime) {
  auto& t = Make();
  At(Seconds(1));
  t.OnReport(3, kGroup);
  Take();
  At(Seconds(10));
  t.OnLeave(3, kGroup);
  EXPECT_EQ(Take(), (Log{"10.000000000 group=239.1.1.1 port=p4 event=leave change=timer lowered"}));
  s_.RunUntil(T(Seconds(12)) - Nanoseconds(1));
  EXPECT_TRUE(IsMember(kGroup, 3));
  At(Seconds(12));
  EXPECT_EQ(t.MemberPorts(kGroup), std::nullopt);
  EXPECT_EQ(Take(), (Log{"12.000000000 group=239.1.1.1 port=p4 event=aged change=port removed",
                         "12.000000000 group=239.1.1.1 event=aged change=group unregistered"}));
}

TEST_F(SnoopingTableTest, LeaveWithShortenedLastMemberQueryTime) {
  auto& t = Make({.last_member_query_time = Milliseconds(500)});
  t.OnReport(3, kGroup);
  At(Seconds(10));
  t.OnLeave(3, kGroup);
  s_.RunUntil(T(Milliseconds(10'500)) - Nanoseconds(1));
  EXPECT_TRUE(IsMember(kGroup, 3));
  At(Milliseconds(10'500));
  EXPECT_FALSE(IsMember(kGroup, 3));
}

TEST_F(SnoopingTableTest, ReportAfterLeaveRestoresGroupMembershipInterval) {
  auto& t = Make();
  At(Seconds(1));
  t.OnReport(3, kGroup);
  At(Seconds(10));
  t.OnLeave(3, kGroup);
  Take();
  At(Seconds(11));
  t.OnReport(3, kGroup);  // another host behind port 3 answers the querier
  EXPECT_EQ(Take(),
            (Log{"11.000000000 group=239.1.1.1 port=p4 event=report change=timer restored"}));
  At(Seconds(12));
  EXPECT_TRUE(IsMember(kGroup, 3));
  s_.RunUntil(T(Seconds(271)) - Nanoseconds(1));
  EXPECT_TRUE(IsMember(kGroup, 3));
  At(Seconds(271));
  EXPECT_FALSE(IsMember(kGroup, 3));
}

TEST_F(SnoopingTableTest, LeaveNeverRaisesASoonerTimer) {
  auto& t = Make({.group_membership_interval = Seconds(5)});
  t.OnReport(3, kGroup);
  Take();
  At(Seconds(4));  // 1 s left, less than the 2 s of a leave
  t.OnLeave(3, kGroup);
  EXPECT_TRUE(Take().empty());
  At(Seconds(5));
  EXPECT_FALSE(IsMember(kGroup, 3));
}

TEST_F(SnoopingTableTest, SecondLeaveDoesNotPostponeTheFirst) {
  auto& t = Make();
  t.OnReport(3, kGroup);
  At(Seconds(10));
  t.OnLeave(3, kGroup);
  At(Seconds(11));
  t.OnLeave(3, kGroup);
  Take();
  At(Seconds(12));
  EXPECT_FALSE(IsMember(kGroup, 3));
}

TEST_F(SnoopingTableTest, LeaveFromNonMemberPortChangesNothing) {
  auto& t = Make();
  t.OnReport(3, kGroup);
  Take();
  At(Seconds(10));
  t.OnLeave(4, kGroup);
  t.OnLeave(3, kOtherGroup);
  EXPECT_TRUE(Take().empty());
  At(Seconds(12));
  EXPECT_TRUE(IsMember(kGroup, 3));
}

TEST_F(SnoopingTableTest, LeaveLowersOnlyTheLeavingPort) {
  auto& t = Make();
  t.OnReport(3, kGroup);
  t.OnReport(4, kGroup);
  At(Seconds(10));
  t.OnLeave(3, kGroup);
  At(Seconds(12));
  EXPECT_EQ(t.MemberPorts(kGroup), (std::set<SwitchPort>{4}));
}

TEST_F(SnoopingTableTest, FastLeaveRemovesPortAtOnce) {
  auto& t = Make({.fast_leave = true});
  At(Seconds(1));
  t.OnReport(3, kGroup);
  Take();
  At(Seconds(10));
  t.OnLeave(3, kGroup);
  EXPECT_EQ(t.MemberPorts(kGroup), std::nullopt);
  EXPECT_EQ(Take(), (Log{"10.000000000 group=239.1.1.1 port=p4 event=fast-leave change=port removed",
                         "10.000000000 group=239.1.1.1 event=fast-leave change=group "
                         "unregistered"}));
  At(Seconds(300));  // the cancelled membership timer never fires
  EXPECT_TRUE(Take().empty());
}

TEST_F(SnoopingTableTest, FastLeaveKeepsOtherMemberPorts) {
  auto& t = Make({.fast_leave = true});
  t.OnReport(3, kGroup);
  t.OnReport(4, kGroup);
  Take();
  At(Seconds(10));
  t.OnLeave(3, kGroup);
  EXPECT_EQ(t.MemberPorts(kGroup), (std::set<SwitchPort>{4}));
  EXPECT_EQ(Take(), (Log{"10.000000000 group=239.1.1.1 port=p4 event=fast-leave "
                         "change=port removed"}));
}

TEST_F(SnoopingTableTest, ReportsForLinkLocalAndNonMulticastGroupsAreIgnored) {
  auto& t = Make();
  t.OnReport(3, Ipv4Address(224, 0, 0, 251));
  t.OnReport(3, Ipv4Address(10, 1, 1, 1));
  t.OnReport(3, kGeneral);
  EXPECT_TRUE(t.Groups().empty());
  EXPECT_TRUE(Take().empty());
}

// ---------------------------------------------------------------------------------------
// Router ports

TEST_F(SnoopingTableTest, QueryMarksArrivalPortARouterPort) {
  auto& t = Make();
  At(Seconds(5));
  t.OnQuery(1, kRouter, kGeneral);
  EXPECT_EQ(t.RouterPorts(), (std::set<SwitchPort>{1}));
  EXPECT_EQ(Take(), (Log{"5.000000000 port=p2 event=query change=router port added"}));
}

TEST_F(SnoopingTableTest, GroupSpecificQueryMarksArrivalPortARouterPort) {
  auto& t = Make();
  t.OnQuery(2, kRouter, kGroup);
  EXPECT_EQ(t.RouterPorts(), (std::set<SwitchPort>{2}));
}

TEST_F(SnoopingTableTest, RouterPortTimerExpiryAgesPortOutAtRouterPortTimeout) {
  auto& t = Make();
  At(Seconds(5));
  t.OnQuery(1, kRouter, kGeneral);
  Take();
  s_.RunUntil(T(Seconds(260)) - Nanoseconds(1));
  EXPECT_EQ(t.RouterPorts(), (std::set<SwitchPort>{1}));
  At(Seconds(260));
  EXPECT_TRUE(t.RouterPorts().empty());
  EXPECT_EQ(Take(), (Log{"260.000000000 port=p2 event=aged change=router port aged"}));
}

TEST_F(SnoopingTableTest, RouterPortTimerExpiryWithShortenedTimeout) {
  auto& t = Make({.router_port_timeout = Seconds(30)});
  At(Seconds(5));
  t.OnQuery(1, kRouter, kGeneral);
  s_.RunUntil(T(Seconds(35)) - Nanoseconds(1));
  EXPECT_EQ(t.RouterPorts(), (std::set<SwitchPort>{1}));
  At(Seconds(35));
  EXPECT_TRUE(t.RouterPorts().empty());
}

TEST_F(SnoopingTableTest, QueryOnRouterPortRestartsTimerWithoutTrace) {
  auto& t = Make();
  At(Seconds(5));
  t.OnQuery(1, kRouter, kGeneral);
  Take();
  At(Seconds(130));
  t.OnQuery(1, kRouter, kGeneral);
  EXPECT_TRUE(Take().empty());
  s_.RunUntil(T(Seconds(385)) - Nanoseconds(1));
  EXPECT_EQ(t.RouterPorts(), (std::set<SwitchPort>{1}));
  At(Seconds(385));
  EXPECT_TRUE(t.RouterPorts().empty());
}

TEST_F(SnoopingTableTest, PimHelloMarksArrivalPortARouterPort) {
  auto& t = Make();
  At(Seconds(3));
  t.OnPimHello(2);
  EXPECT_EQ(t.RouterPorts(), (std::set<SwitchPort>{2}));
  EXPECT_EQ(Take(), (Log{"3.000000000 port=p3 event=pim-hello change=router port added"}));
  At(Seconds(33));
  t.OnPimHello(2);  // every 30 s: refreshed, not traced
  EXPECT_TRUE(Take().empty());
  s_.RunUntil(T(Seconds(288)) - Nanoseconds(1));
  EXPECT_EQ(t.RouterPorts(), (std::set<SwitchPort>{2}));
  At(Seconds(288));
  EXPECT_TRUE(t.RouterPorts().empty());
}

TEST_F(SnoopingTableTest, ZeroSourceQueryMarksRouterPortByDefault) {
  auto& t = Make();
  t.OnQuery(1, kAnySource, kGeneral);
  EXPECT_EQ(t.RouterPorts(), (std::set<SwitchPort>{1}));
}

TEST_F(SnoopingTableTest, ZeroSourceQueryIgnoredUnderRfc4541Rule) {
  auto& t = Make({.zero_source_query_marks_router_port = false});
  t.OnQuery(1, kAnySource, kGeneral);
  EXPECT_TRUE(t.RouterPorts().empty());
  EXPECT_TRUE(Take().empty());
  t.OnQuery(1, kRouter, kGeneral);
  EXPECT_EQ(t.RouterPorts(), (std::set<SwitchPort>{1}));
}

// ---------------------------------------------------------------------------------------
// Where frames go

const std::set<SwitchPort> kAllPorts{0, 1, 2, 3, 4};

TEST_F(SnoopingTableTest, LinkLocalGroupsFloodEveryPortButArrival) {
  auto& t = Make();
  t.OnQuery(1, kRouter, kGeneral);
  t.OnReport(3, kGroup);
  for (auto g :
       {Ipv4Address(224, 0, 0, 1), Ipv4Address(224, 0, 0, 13), Ipv4Address(224, 0, 0, 251)}) {
    EXPECT_EQ(t.ForwardPorts(g, 2, kAllPorts), (std::set<SwitchPort>{0, 1, 3, 4}));
  }
}

TEST_F(SnoopingTableTest, UnregisteredGroupFloodsEveryPortButArrival) {
  auto& t = Make();
  t.OnQuery(1, kRouter, kGeneral);
  t.OnReport(3, kOtherGroup);
  EXPECT_EQ(t.ForwardPorts(kGroup, 2, kAllPorts), (std::set<SwitchPort>{0, 1, 3, 4}));
  EXPECT_EQ(t.ForwardPorts(kGroup, 0, kAllPorts), (std::set<SwitchPort>{1, 2, 3, 4}));
}

TEST_F(SnoopingTableTest, RegisteredGroupGoesToMemberAndRouterPorts) {
  auto& t = Make();
  t.OnQuery(1, kRouter, kGeneral);
  t.OnReport(3, kGroup);
  t.OnReport(4, kGroup);
  EXPECT_EQ(t.ForwardPorts(kGroup, 0, kAllPorts), (std::set<SwitchPort>{1, 3, 4}));
  // Never back out of the arrival port, member or router port alike.
  EXPECT_EQ(t.ForwardPorts(kGroup, 3, kAllPorts), (std::set<SwitchPort>{1, 4}));
  EXPECT_EQ(t.ForwardPorts(kGroup, 1, kAllPorts), (std::set<SwitchPort>{3, 4}));
}

TEST_F(SnoopingTableTest, RegisteredGroupWithoutRouterPortGoesToMembersOnly) {
  auto& t = Make();
  t.OnReport(3, kGroup);
  EXPECT_EQ(t.ForwardPorts(kGroup, 0, kAllPorts), (std::set<SwitchPort>{3}));
  EXPECT_TRUE(t.ForwardPorts(kGroup, 3, kAllPorts).empty());
}

TEST_F(SnoopingTableTest, ForwardPortsStayWithinAllPorts) {
  auto& t = Make();
  t.OnQuery(9, kRouter, kGeneral);
  t.OnReport(3, kGroup);
  t.OnReport(8, kGroup);
  EXPECT_EQ(t.ForwardPorts(kGroup, 0, kAllPorts), (std::set<SwitchPort>{3}));
}

TEST_F(SnoopingTableTest, GroupFloodedAgainOnceItsLastMemberLeaves) {
  auto& t = Make();
  t.OnQuery(1, kRouter, kGeneral);
  t.OnReport(3, kGroup);
  At(Seconds(10));
  t.OnLeave(3, kGroup);
  EXPECT_EQ(t.ForwardPorts(kGroup, 0, kAllPorts), (std::set<SwitchPort>{1, 3}));
  At(Seconds(12));
  EXPECT_EQ(t.ForwardPorts(kGroup, 0, kAllPorts), (std::set<SwitchPort>{1, 2, 3, 4}));
}

TEST_F(SnoopingTableTest, ControlPortsAreRouterPortsButArrival) {
  auto& t = Make();
  EXPECT_TRUE(t.ControlPorts(3).empty());
  t.OnQuery(1, kRouter, kGeneral);
  t.OnPimHello(2);
  t.OnReport(4, kGroup);
  EXPECT_EQ(t.ControlPorts(3), (std::set<SwitchPort>{1, 2}));
  EXPECT_EQ(t.ControlPorts(4), (std::set<SwitchPort>{1, 2}));
  EXPECT_EQ(t.ControlPorts(1), (std::set<SwitchPort>{2}));
}

// ---------------------------------------------------------------------------------------
// Port down, power off, dump

TEST_F(SnoopingTableTest, PortDownForgetsThePortEverywhere) {
  auto& t = Make();
  t.OnQuery(3, kRouter, kGeneral);
  t.OnReport(3, kGroup);
  t.OnReport(3, kOtherGroup);
  t.OnReport(4, kOtherGroup);
  Take();
  At(Seconds(20));
  t.OnPortDown(3);
  EXPECT_TRUE(t.RouterPorts().empty());
  EXPECT_EQ(t.MemberPorts(kGroup), std::nullopt);
  EXPECT_EQ(t.MemberPorts(kOtherGroup), (std::set<SwitchPort>{4}));
  EXPECT_EQ(Take(), (Log{"20.000000000 port=p4 event=port-down change=router port removed",
                         "20.000000000 group=239.1.1.1 port=p4 event=port-down change=port removed",
                         "20.000000000 group=239.1.1.1 event=port-down change=group unregistered",
                         "20.000000000 group=239.2.2.2 port=p4 event=port-down change=port "
                         "removed"}));
  At(Seconds(1000));  // port 3's timers were cancelled; port 4 ages out alone
  EXPECT_EQ(Take(), (Log{"260.000000000 group=239.2.2.2 port=p5 event=aged change=port removed",
                         "260.000000000 group=239.2.2.2 event=aged change=group unregistered"}));
}

TEST_F(SnoopingTableTest, PortDownOnUnknownPortChangesNothing) {
  auto& t = Make();
  t.OnReport(3, kGroup);
  Take();
  t.OnPortDown(5);
  EXPECT_TRUE(Take().empty());
  EXPECT_TRUE(IsMember(kGroup, 3));
}

TEST_F(SnoopingTableTest, StopForgetsEverythingAndCancelsTimers) {
  auto& t = Make();
  t.OnQuery(1, kRouter, kGeneral);
  t.OnReport(3, kGroup);
  Take();
  At(Seconds(50));
  t.Stop();
  EXPECT_TRUE(t.RouterPorts().empty());
  EXPECT_TRUE(t.Groups().empty());
  EXPECT_EQ(Take(), (Log{"50.000000000 event=power-off change=table flushed"}));
  At(Seconds(1000));
  EXPECT_TRUE(Take().empty());
  EXPECT_EQ(s_.pending_events(), 0u);
  // Powered on again, it learns afresh.
  t.OnReport(3, kGroup);
  EXPECT_TRUE(IsMember(kGroup, 3));
}

TEST_F(SnoopingTableTest, StopOnEmptyTableTracesNothing) {
  auto& t = Make();
  t.Stop();
  EXPECT_TRUE(Take().empty());
}

TEST_F(SnoopingTableTest, GroupsListsEveryMemberPortInOrderWithTimeLeft) {
  auto& t = Make();
  At(Seconds(1));
  t.OnReport(4, kOtherGroup);
  t.OnReport(4, kGroup);
  At(Seconds(2));
  t.OnReport(2, kGroup);
  At(Seconds(10));
  t.OnLeave(4, kGroup);
  At(Seconds(11));
  const auto groups = t.Groups();
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].group, kGroup);
  EXPECT_EQ(groups[0].port, 2u);
  EXPECT_EQ(groups[0].expires_in, Seconds(251));
  EXPECT_EQ(groups[1].group, kGroup);
  EXPECT_EQ(groups[1].port, 4u);
  EXPECT_EQ(groups[1].expires_in, Seconds(1));
  EXPECT_EQ(groups[2].group, kOtherGroup);
  EXPECT_EQ(groups[2].port, 4u);
  EXPECT_EQ(groups[2].expires_in, Seconds(250));
}

TEST_F(SnoopingTableTest, DestroyingTheTableCancelsItsTimers) {
  auto& t = Make();
  t.OnQuery(1, kRouter, kGeneral);
  t.OnReport(3, kGroup);
  table_.reset();
  EXPECT_EQ(s_.pending_events(), 0u);
  At(Seconds(1000));
}

}  // namespace
}  // namespace igmp
