// RouterIgmp inside a router on a real segment: IGMP stops when the interface's link goes
// down and starts again (with startup queries) when it comes back, and a run-time
// reconfiguration changes the query interval once the query already due has gone. Exact times.
#include "igmp/router_igmp.h"

#include <gtest/gtest.h>

#include "igmp/host_igmp.h"
#include "tests/net/net_fixture.h"

namespace igmp {
namespace {

using sim::core::Milliseconds;
using sim::core::Seconds;
using sim::core::Time;

std::string T(Time t) { return sim::core::ToString(t); }

class RouterIgmpGlueTest : public sim::net::NetTest {
 protected:
  RouterIgmpGlueTest() {
    r_.AddInterface("eth0").set_prefix(*sim::wire::Ipv4Prefix::Parse("192.0.2.1/24"));
    lan_ = &Connect("lan", {r_.interfaces()[0].get(), h_.interfaces()[0].get()});
    igmp_ = &RouterIgmp::Attach(r_, [](const sim::net::Interface&) { return RouterConfig{}; });
  }
  // The instants general queries were put on the segment, as "seconds.nanoseconds".
  std::vector<std::string> QueryTimes() const {
    std::vector<std::string> times;
    for (const std::string& f : sink_.FramesOn("lan", "query")) times.push_back(sim::net::RecordingSink::TimeOf(f));
    return times;
  }
  const RouterInterface& State() const { return *igmp_->interface_state(*r_.interfaces()[0]); }

  sim::net::Router& r_ = net_.AddNode<sim::net::Router>("R");
  sim::net::Host& h_ = AddHost("H", "192.0.2.10/24");
  sim::net::Link* lan_ = nullptr;
  RouterIgmp* igmp_ = nullptr;
};

TEST_F(RouterIgmpGlueTest, LinkDownStopsQueriesAndLinkUpRestartsWithStartupQueries) {
  RunFor(Seconds(40));
  // Startup: at 0, then at the startup query interval (QI/4 = 31.25 s).
  EXPECT_EQ(QueryTimes(), (std::vector<std::string>{"0.000000000", "31.250000000"}));
  net_.SetLinkUp(*lan_, false);
  EXPECT_FALSE(State().running());
  RunFor(Seconds(200));  // the query due at 156.25 never goes out
  EXPECT_EQ(QueryTimes().size(), 2u);
  net_.SetLinkUp(*lan_, true);  // at 240 s
  EXPECT_TRUE(State().running());
  EXPECT_TRUE(State().is_querier());
  RunFor(Seconds(40));
  EXPECT_EQ(QueryTimes(), (std::vector<std::string>{"0.000000000", "31.250000000", "240.000000000",
                                                    "271.250000000"}));
}

TEST_F(RouterIgmpGlueTest, ReconfigureKeepsTheDueQueryThenUsesTheNewInterval) {
  RunFor(Seconds(32));  // queries at 0 and 31.25 (the startup count of 2 is spent)
  RouterConfig fast;
  fast.query_interval = Seconds(20);
  fast.startup_query_interval = Seconds(5);
  fast.group_membership_interval = Seconds(50);
  fast.other_querier_present_interval = Seconds(45);
  igmp_->Reconfigure(*r_.interfaces()[0], fast);
  RunFor(Seconds(200));
  // The query already due (156.25 = 31.25 + the old 125 s) keeps its time; the new interval
  // applies from it on.
  EXPECT_EQ(QueryTimes(), (std::vector<std::string>{"0.000000000", "31.250000000", "156.250000000",
                                                    "176.250000000", "196.250000000", "216.250000000"}));
}

// PIM hears of memberships lost with the interface, not only of those that time out.
TEST_F(RouterIgmpGlueTest, LinkDownReportsEveryMembershipItDrops) {
  std::vector<std::string> heard;
  igmp_->AddMembershipObserver([&](sim::net::Interface& i, sim::wire::Ipv4Address g, bool present) {
    heard.push_back(T(r_.now()) + " " + i.name() + " " + sim::wire::ToString(g) + (present ? " +" : " -"));
  });
  HostIgmp::Attach(h_, HostConfig{});
  h_.Join(sim::wire::Ipv4Address(239, 1, 1, 1), nullptr, nullptr);
  h_.Join(sim::wire::Ipv4Address(239, 2, 2, 2), nullptr, nullptr);
  RunFor(Seconds(1));
  net_.SetLinkUp(*lan_, false);  // at 1 s
  // The two reports arrive one frame time apart (672 ns at 1 Gbit/s, after 1 us of cable).
  EXPECT_EQ(heard, (std::vector<std::string>{"0.000001672 eth0 239.1.1.1 +", "0.000002344 eth0 239.2.2.2 +",
                                             "1.000000000 eth0 239.1.1.1 -", "1.000000000 eth0 239.2.2.2 -"}));
}

}  // namespace
}  // namespace igmp
