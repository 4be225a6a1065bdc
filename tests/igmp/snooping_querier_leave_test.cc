// A snooping switch's own querier on a leave, at exact times. H3 and H4 share port p1 through
// a hub; H3 reported last, so it alone sends the leave at 20 s. The switch floods the leave
// (224.0.0.2, like every 224.0.0.x frame) and, as an RFC 2236 querier, sends Last Member Query
// Count group-specific queries Last Member Query Interval apart; H4 answers the first, the
// port stays a member, and H4 keeps the stream. Then: the querier's timers follow its config.
#include "igmp/snooping_switch.h"

#include <gtest/gtest.h>

#include "igmp/host_igmp.h"
#include "tests/net/net_fixture.h"

namespace igmp {
namespace {

using sim::core::Milliseconds;
using sim::core::Seconds;
using sim::net::RecordingSink;
using sim::wire::Ipv4Address;

const Ipv4Address kGroup(239, 1, 1, 1);

class SnoopingQuerierLeaveTest : public sim::net::NetTest {
 protected:
  void Build(RouterConfig querier) {
    Connect("src", {src_.interfaces()[0].get(), &sw_.AddInterface("p0")});
    Connect("hub", {&sw_.AddInterface("p1"), h3_.interfaces()[0].get(), h4_.interfaces()[0].get()});
    HostIgmp::Attach(h3_, HostConfig{});
    HostIgmp::Attach(h4_, HostConfig{});
    sw_.EnableQuerier(Ip("192.0.2.254"), querier);
  }
  // "time text" of the frames on `link` that hold `word`, times only.
  std::vector<std::string> TimesOn(std::string_view link, std::string_view word) const {
    std::vector<std::string> out;
    for (const std::string& f : sink_.FramesOn(link, word)) out.push_back(RecordingSink::TimeOf(f));
    return out;
  }
  std::vector<std::string> GroupQueriesOnHub() const {
    std::vector<std::string> out;
    for (const std::string& f : sink_.FramesOn("hub", "query")) {
      if (f.find("239.1.1.1") != std::string::npos) out.push_back(RecordingSink::TimeOf(f));
    }
    return out;
  }
  // H4 joins at 1 s, H3 at 2 s: H4 hears H3's reports, so H3 is the last reporter.
  void JoinBoth() {
    RunFor(Seconds(1));
    h4_.Join(kGroup, &h4_.Listen("s", kGroup, 5001), nullptr);
    RunFor(Seconds(1));
    h3_.Join(kGroup, nullptr, nullptr);
  }
  bool PortIsMember(std::uint32_t port) const {
    const auto members = sw_.table().MemberPorts(kGroup);
    return members && members->contains(port);
  }

  SnoopingSwitch& sw_ = net_.AddNode<SnoopingSwitch>("SW");
  sim::net::Host& src_ = AddHost("SRC", "192.0.2.10/24");
  sim::net::Host& h3_ = AddHost("H3", "192.0.2.13/24");
  sim::net::Host& h4_ = AddHost("H4", "192.0.2.14/24");
};

TEST_F(SnoopingQuerierLeaveTest, GroupSpecificQueriesKeepTheRemainingMemberBehindAHub) {
  Build(RouterConfig{});
  JoinBoth();
  RunFor(Seconds(18));  // 20 s
  h3_.Leave(kGroup, nullptr);
  // The leave is on the hub at 20 s and reaches the switch 1.672 us later (672 ns to send 60
  // bytes at 1 Gb/s, 1 us on the cable); the switch floods it to the sender's port at once.
  RunFor(Milliseconds(1));
  EXPECT_EQ(TimesOn("src", "leave"), (std::vector<std::string>{"20.000001672"}));
  // LMQC = 2 queries for 239.1.1.1, LMQI = 1 s apart, from the switch's own address.
  RunFor(Seconds(5));
  EXPECT_EQ(GroupQueriesOnHub(), (std::vector<std::string>{"20.000001672", "21.000001672"}));
  ASSERT_FALSE(sw_.querier_state()->Groups().empty());
  EXPECT_EQ(sw_.querier_state()->Groups()[0].state, RouterGroupState::kMembersPresent);
  // H4 answered the first query, so p1 outlived the 2 s the leave left it.
  EXPECT_TRUE(PortIsMember(1));
  // H4's answers (random in (0, 1 s] after each query reaches it, from the seed): one to each
  // of the two queries, the second sent although the first was answered (RFC 2236 §3).
  std::vector<std::string> answers;
  for (const std::string& t : TimesOn("hub", "report")) {
    if (t.starts_with("20.") || t.starts_with("21.")) answers.push_back(t);
  }
  EXPECT_EQ(answers, (std::vector<std::string>{"20.901132802", "21.404618366"}));
  // And the stream still reaches H4 (25 s).
  sim::net::SendSpec datagram;
  datagram.to = kGroup;
  datagram.port = 5001;
  for (int k = 0; k < 10; ++k) {
    src_.SendDatagram(datagram);
    RunFor(Milliseconds(100));
  }
  EXPECT_EQ(h4_.datagrams_received(), 10u);
}

TEST_F(SnoopingQuerierLeaveTest, WithoutAnAnswerThePortGoesLastMemberQueryTimeAfterTheLeave) {
  Build(RouterConfig{});
  RunFor(Seconds(2));
  h3_.Join(kGroup, nullptr, nullptr);
  RunFor(Seconds(18));
  h3_.Leave(kGroup, nullptr);
  RunFor(Milliseconds(2001));  // 22.001 s: the leave arrived at 20.000001672
  EXPECT_EQ(GroupQueriesOnHub(), (std::vector<std::string>{"20.000001672", "21.000001672"}));
  EXPECT_FALSE(sw_.table().MemberPorts(kGroup).has_value());
  EXPECT_TRUE(sw_.querier_state()->Groups().empty());
}

TEST_F(SnoopingQuerierLeaveTest, QuerierTimersFollowItsConfig) {
  // QI 20 s, startup interval 5 s (QI / 4), LMQI 500 ms, LMQC 3.
  RouterConfig c;
  c.query_interval = Seconds(20);
  c.startup_query_interval = Seconds(5);
  c.last_member_query_interval = Milliseconds(500);
  c.last_member_query_count = 3;
  Build(c);
  RunFor(Seconds(2));
  h3_.Join(kGroup, nullptr, nullptr);
  RunFor(Seconds(8));  // 10 s
  h3_.Leave(kGroup, nullptr);
  RunFor(Seconds(40));
  std::vector<std::string> general;
  for (const std::string& f : sink_.FramesOn("src", "query")) {
    if (f.find("239.1.1.1") == std::string::npos) general.push_back(RecordingSink::TimeOf(f));
  }
  EXPECT_EQ(general, (std::vector<std::string>{"0.000000000", "5.000000000", "25.000000000", "45.000000000"}));
  EXPECT_EQ(GroupQueriesOnHub(),
            (std::vector<std::string>{"10.000001672", "10.500001672", "11.000001672"}));
}

class SnoopingLeaveFloodTest : public sim::net::NetTest {
 protected:
  SnoopingSwitch& sw_ = net_.AddNode<SnoopingSwitch>("SW");
  sim::net::Host& a_ = AddHost("A", "192.0.2.1/24");
  sim::net::Host& b_ = AddHost("B", "192.0.2.2/24");
};

TEST_F(SnoopingLeaveFloodTest, LeaveIsFloodedWithoutAQuerierToo) {
  // RFC 4541 §2.1.2 (2) and the Linux bridge: 224.0.0.x goes everywhere, so a leave reaches
  // the hosts' ports as well as the router ports (there are none here); a report does not.
  Connect("a", {a_.interfaces()[0].get(), &sw_.AddInterface("p0")});
  Connect("b", {b_.interfaces()[0].get(), &sw_.AddInterface("p1")});
  HostIgmp::Attach(a_, HostConfig{});
  a_.Join(kGroup, nullptr, nullptr);
  RunFor(Seconds(1));
  a_.Leave(kGroup, nullptr);
  RunFor(Seconds(1));
  EXPECT_TRUE(sink_.FramesOn("b", "report").empty());
  ASSERT_EQ(sink_.FramesOn("b", "leave").size(), 1u);
  EXPECT_EQ(RecordingSink::TimeOf(sink_.FramesOn("b", "leave")[0]), "1.000001672");
}

}  // namespace
}  // namespace igmp
