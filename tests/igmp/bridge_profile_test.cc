// The snooping switch under the linux profile (the Linux bridge) beside the RFC switch, at
// exact instants. H3 and H4 share port p1 through a hub, H5 is alone on p2, the source on p0.
// The bridge's querier answers a leave with one query for the group sent to 224.0.0.1 on the
// leave's port only, and a general query on that port LMQC x LMQI later; and the bridge floods
// all multicast, reports included, until it knows of a querier (10 s after its own querier
// starts, the query response interval).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "igmp/host_igmp.h"
#include "igmp/snooping_switch.h"
#include "tests/net/net_fixture.h"

namespace igmp {
namespace {

using sim::core::Milliseconds;
using sim::core::Seconds;
using sim::core::StackProfile;
using sim::net::RecordingSink;
using sim::wire::Ipv4Address;

const Ipv4Address kGroup(239, 1, 1, 1);

std::string ProfileName(const ::testing::TestParamInfo<StackProfile>& p) { return std::string(ToString(p.param)); }

class BridgeProfileTest : public sim::net::NetTest, public ::testing::WithParamInterface<StackProfile> {
 protected:
  void Build(bool querier) {
    SnoopingConfig c;
    c.profile = GetParam();
    sw_.Configure(c);
    Connect("src", {src_.interfaces()[0].get(), &sw_.AddInterface("p0")});
    Connect("hub", {&sw_.AddInterface("p1"), h3_.interfaces()[0].get(), h4_.interfaces()[0].get()});
    Connect("solo", {&sw_.AddInterface("p2"), h5_.interfaces()[0].get()});
    for (sim::net::Host* h : {&h3_, &h4_, &h5_}) HostIgmp::Attach(*h, HostConfig{});
    if (querier) {
      RouterConfig q;
      q.profile = GetParam();
      sw_.EnableQuerier(Ip("192.0.2.254"), q);
    }
  }
  // Instants of the frames on `link` whose text holds every word.
  std::vector<std::string> Times(std::string_view link, std::vector<std::string_view> words) const {
    std::vector<std::string> out;
    for (const std::string& f : sink_.FramesOn(link, words.front())) {
      bool all = true;
      for (std::string_view w : words) all = all && f.find(w) != std::string::npos;
      if (all) out.push_back(RecordingSink::TimeOf(f));
    }
    return out;
  }
  void SendData() {
    sim::net::SendSpec datagram;
    datagram.to = kGroup;
    datagram.port = 5001;
    src_.SendDatagram(datagram);
  }
  bool Linux() const { return GetParam() == StackProfile::kLinux; }

  SnoopingSwitch& sw_ = net_.AddNode<SnoopingSwitch>("SW");
  sim::net::Host& src_ = AddHost("SRC", "192.0.2.10/24");
  sim::net::Host& h3_ = AddHost("H3", "192.0.2.13/24");
  sim::net::Host& h4_ = AddHost("H4", "192.0.2.14/24");
  sim::net::Host& h5_ = AddHost("H5", "192.0.2.15/24");
};

TEST_P(BridgeProfileTest, QuerierAnswersALeaveOnTheLeavingPortOnly) {
  Build(true);
  RunFor(Seconds(2));
  h3_.Join(kGroup, nullptr, nullptr);
  RunFor(Seconds(18));  // 20 s
  h3_.Leave(kGroup, nullptr);
  RunFor(Seconds(5));
  // The leave reaches the switch at 20.000001672 s (60 bytes at 1 Gb/s plus 1 us).
  if (Linux()) {
    // One query for the group, to 224.0.0.1, on the hub only; a general query there 2 s later.
    EXPECT_EQ(Times("hub", {"query", "239.1.1.1"}), (std::vector<std::string>{"20.000001672"}));
    EXPECT_EQ(Times("hub", {"query", "239.1.1.1", "224.0.0.1"}), (std::vector<std::string>{"20.000001672"}));
    EXPECT_TRUE(Times("solo", {"query", "239.1.1.1"}).empty());
    EXPECT_EQ(Times("hub", {"query", "22.000001672"}).size(), 1u);
    EXPECT_TRUE(Times("solo", {"query", "22.000001672"}).empty());
  } else {
    // LMQC = 2 queries to the group itself, LMQI apart, out of every port.
    EXPECT_EQ(Times("hub", {"query", "239.1.1.1"}), (std::vector<std::string>{"20.000001672", "21.000001672"}));
    // On p2 the first one waits 672 ns behind the flooded leave.
    EXPECT_EQ(Times("solo", {"query", "239.1.1.1"}), (std::vector<std::string>{"20.000002344", "21.000001672"}));
    EXPECT_TRUE(Times("hub", {"query", "22.000001672"}).empty());
  }
  // Either way H3 was the only member behind p1: the port is gone 2 s after the leave.
  EXPECT_FALSE(sw_.table().MemberPorts(kGroup).has_value());
}

TEST_P(BridgeProfileTest, FloodsUntilAQuerierIsKnown) {
  Build(true);
  RunFor(Milliseconds(500));
  h3_.Join(kGroup, nullptr, nullptr);  // the report at 0.5 s
  RunFor(Milliseconds(4500));          // 5 s
  SendData();
  RunFor(Seconds(6));  // 11 s: the bridge's own querier started at 0, so it snoops from 10 s
  SendData();
  RunFor(Seconds(1));
  const auto solo_udp = Times("solo", {"udp"});
  const auto solo_reports = Times("solo", {"report"});
  if (Linux()) {
    EXPECT_EQ(solo_udp.size(), 1u);  // the datagram at 5 s only
    EXPECT_TRUE(solo_udp.front().starts_with("5.000"));
    ASSERT_FALSE(solo_reports.empty());
    EXPECT_EQ(solo_reports.front(), "0.500001672");  // H3's report, flooded
  } else {
    EXPECT_TRUE(solo_udp.empty());
    EXPECT_TRUE(solo_reports.empty());
  }
  EXPECT_EQ(Times("hub", {"udp"}).size(), 2u);
}

TEST_P(BridgeProfileTest, WithoutAnyQuerierTheBridgeNeverSnoops) {
  Build(false);
  RunFor(Milliseconds(500));
  h3_.Join(kGroup, nullptr, nullptr);
  RunFor(Seconds(30));
  SendData();
  RunFor(Seconds(1));
  EXPECT_EQ(Times("solo", {"udp"}).size(), Linux() ? 1u : 0u);
}

INSTANTIATE_TEST_SUITE_P(RfcAndLinux, BridgeProfileTest, ::testing::Values(StackProfile::kRfc, StackProfile::kLinux),
                         ProfileName);

}  // namespace
}  // namespace igmp
