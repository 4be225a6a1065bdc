// Links and transmitters at exact times: serialization, propagation, FIFO order, the drop-tail
// limit, link down with frames in flight, and node power-off.
#include "sim/net/link.h"

#include "sim/net/l2_switch.h"
#include "tests/net/net_fixture.h"

namespace sim::net {
namespace {

// A node that records when each frame arrives and how long it is.
class Sink : public Node {
 public:
  using Node::Node;
  std::string_view type() const override { return "sink"; }
  std::vector<std::pair<core::Time, std::size_t>> got;

 protected:
  void Receive(Interface&, const FramePtr& frame) override { got.emplace_back(now(), frame->size()); }
};

class LinkTest : public NetTest {
 protected:
  LinkTest() {
    a_.AddInterface("eth0");
    b_.AddInterface("eth0");
    c_.AddInterface("eth0");
  }
  FramePtr Frame(std::size_t n) { return MakeFrame(wire::Bytes(n, 0)); }
  Sink& a_ = net_.AddNode<Sink>("a");
  Sink& b_ = net_.AddNode<Sink>("b");
  Sink& c_ = net_.AddNode<Sink>("c");
};

TEST_F(LinkTest, ArrivalIsSerializationPlusPropagation) {
  // 100 Mbps: (1476 + 24) bytes x 8 = 12000 bits = 120 us on the wire, then 10 us of delay.
  Connect("l", {a_.interfaces()[0].get(), b_.interfaces()[0].get()}, core::Microseconds(10), 100'000'000);
  a_.interfaces()[0]->Send(Frame(1476));
  RunFor(core::Seconds(1));
  ASSERT_EQ(b_.got.size(), 1u);
  EXPECT_EQ(b_.got[0].first, core::Time::Start() + core::Microseconds(130));
}

TEST_F(LinkTest, QueuedFramesLeaveBackToBackInOrder) {
  Connect("l", {a_.interfaces()[0].get(), b_.interfaces()[0].get()}, core::Microseconds(10), 100'000'000);
  a_.interfaces()[0]->Send(Frame(1476));
  a_.interfaces()[0]->Send(Frame(76));  // (76 + 24) x 8 = 800 bits = 8 us
  RunFor(core::Seconds(1));
  ASSERT_EQ(b_.got.size(), 2u);
  EXPECT_EQ(b_.got[0], std::make_pair(core::Time::Start() + core::Microseconds(130), std::size_t{1476}));
  EXPECT_EQ(b_.got[1], std::make_pair(core::Time::Start() + core::Microseconds(138), std::size_t{76}));
}

TEST_F(LinkTest, DropTailLimitCountsDrops) {
  Connect("l", {a_.interfaces()[0].get(), b_.interfaces()[0].get()});
  Interface& out = *a_.interfaces()[0];
  out.set_queue_limit(3);
  for (int i = 0; i < 10; ++i) out.Send(Frame(100));  // 1 on the wire, 3 queued, 6 dropped
  RunFor(core::Seconds(1));
  EXPECT_EQ(b_.got.size(), 4u);
  ASSERT_NE(a_.drop_log(), nullptr);
  EXPECT_EQ(a_.drop_log()->count(DropReason::kQueueFull), 6u);
  EXPECT_EQ(out.counters().frames_sent, 4u);
}

TEST_F(LinkTest, SharedSegmentReachesEveryOtherEndpointAtOnce) {
  Connect("hub", {a_.interfaces()[0].get(), b_.interfaces()[0].get(), c_.interfaces()[0].get()});
  b_.interfaces()[0]->Send(Frame(60));
  RunFor(core::Seconds(1));
  ASSERT_EQ(a_.got.size(), 1u);
  ASSERT_EQ(c_.got.size(), 1u);
  EXPECT_TRUE(b_.got.empty());
  EXPECT_EQ(a_.got[0].first, c_.got[0].first);
}

TEST_F(LinkTest, LargeSegmentReachesEveryOtherEndpointOnceInOrder) {
  // More endpoints than the delivery loop fetches ahead, the sender in the middle.
  std::vector<Sink*> sinks;
  std::vector<Interface*> ends;
  for (int k = 0; k < 20; ++k) {
    Sink& s = net_.AddNode<Sink>("s" + std::to_string(k));
    ends.push_back(&s.AddInterface("eth0"));
    sinks.push_back(&s);
  }
  Connect("lan", ends, core::Microseconds(10), 100'000'000);
  ends[9]->Send(Frame(1000));
  RunFor(core::Seconds(1));
  for (int k = 0; k < 20; ++k) {
    SCOPED_TRACE(k);
    if (k == 9) {
      EXPECT_TRUE(sinks[k]->got.empty());
      continue;
    }
    ASSERT_EQ(sinks[k]->got.size(), 1u);
    // (1000 + 24) bytes at 100 Mbps = 81.92 us, then 10 us of propagation.
    EXPECT_EQ(sinks[k]->got[0].first, core::Time::Start() + core::Nanoseconds(91'920));
  }
}

TEST_F(NetTest, NodesAndLinksAreFoundByName) {
  Node& h = net_.AddNode<Host>("H1");
  net_.AddNode<Host>("H1");  // a duplicate name: the first node keeps it
  Link& l = net_.AddLink("lan0", core::Microseconds(1), 1'000'000);
  EXPECT_EQ(net_.FindNode("H1"), &h);
  EXPECT_EQ(net_.FindNode("H2"), nullptr);
  EXPECT_EQ(net_.FindLink("lan0"), &l);
  EXPECT_EQ(net_.FindLink("lan1"), nullptr);
}

TEST_F(LinkTest, FramesInFlightAreLostWhenTheLinkGoesDown) {
  Link& l = Connect("l", {a_.interfaces()[0].get(), b_.interfaces()[0].get()}, core::Milliseconds(1));
  a_.interfaces()[0]->Send(Frame(60));
  RunFor(core::Microseconds(500));
  net_.SetLinkUp(l, false);
  a_.interfaces()[0]->Send(Frame(60));  // offered to a down link
  net_.SetLinkUp(l, true);
  RunFor(core::Seconds(1));
  EXPECT_TRUE(b_.got.empty());
  EXPECT_EQ(l.counters().lost_in_flight, 1u);
  // One lost in flight, one offered while the link was down.
  EXPECT_EQ(a_.drop_log()->count(DropReason::kLinkDown), 2u);
  a_.interfaces()[0]->Send(Frame(60));
  RunFor(core::Seconds(1));
  EXPECT_EQ(b_.got.size(), 1u);
}

TEST_F(LinkTest, PoweredOffNodeHearsNothingAndSendsNothing) {
  Connect("l", {a_.interfaces()[0].get(), b_.interfaces()[0].get()});
  net_.SetNodeUp(b_, false);
  a_.interfaces()[0]->Send(Frame(60));
  b_.interfaces()[0]->Send(Frame(60));
  RunFor(core::Seconds(1));
  EXPECT_TRUE(b_.got.empty());
  EXPECT_TRUE(a_.got.empty());
  net_.SetNodeUp(b_, true);
  a_.interfaces()[0]->Send(Frame(60));
  RunFor(core::Seconds(1));
  EXPECT_EQ(b_.got.size(), 1u);
}

TEST_F(NetTest, SwitchForgetsAddressesAfterAgingTime) {
  L2Switch& sw = net_.AddNode<L2Switch>("sw");
  sw.set_aging_time(core::Seconds(300));
  Host& h1 = AddHost("h1", "192.0.2.1/24");
  Host& h2 = AddHost("h2", "192.0.2.2/24");
  sw.AddInterface("p1");
  sw.AddInterface("p2");
  Connect("a", {h1.interfaces()[0].get(), sw.interfaces()[0].get()});
  Connect("b", {h2.interfaces()[0].get(), sw.interfaces()[1].get()});
  SendSpec s;
  s.to = Ip("239.1.1.1");
  s.port = 9;
  h1.SendDatagram(s);
  RunFor(core::Seconds(1));
  EXPECT_EQ(sw.LookupPort(h1.interfaces()[0]->mac()), sw.interfaces()[0].get());
  RunFor(core::Seconds(299) - core::Nanoseconds(1));  // learnt at ~0 s; aged out after 300 s
  EXPECT_EQ(sw.LookupPort(h1.interfaces()[0]->mac()), sw.interfaces()[0].get());
  RunFor(core::Seconds(1));
  EXPECT_EQ(sw.LookupPort(h1.interfaces()[0]->mac()), nullptr);
}

TEST_F(NetTest, HostLosesSocketsAndMembershipsWhenPoweredOff) {
  Host& h = AddHost("h", "192.0.2.1/24");
  UdpSocket& s = h.Listen("s", wire::Ipv4Address(), 5000);
  h.Join(Ip("239.1.1.1"), &s, nullptr);
  net_.SetNodeUp(h, false);
  net_.SetNodeUp(h, true);
  EXPECT_EQ(h.FindSocket("s"), nullptr);
  EXPECT_FALSE(h.IsMember(*h.interfaces()[0], Ip("239.1.1.1")));
}

}  // namespace
}  // namespace sim::net
