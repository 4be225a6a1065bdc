// Router forwarding: unicast over computed routes, multicast over static MFIB entries with
// the RPF and TTL rules, and the switch's flooding in between.
#include "sim/net/router.h"

#include "sim/net/l2_switch.h"
#include "tests/net/net_fixture.h"

namespace sim::net {
namespace {

// src (10.1.0.10) -- R1 -- core 10.0.0.0/30 -- R2 -- switch -- rx1, rx2 (10.2.0.0/24)
class RouterTest : public NetTest {
 protected:
  RouterTest() {
    r1_.AddInterface("eth0").set_prefix(*wire::Ipv4Prefix::Parse("10.1.0.1/24"));
    r1_.AddInterface("eth1").set_prefix(*wire::Ipv4Prefix::Parse("10.0.0.1/30"));
    r2_.AddInterface("eth0").set_prefix(*wire::Ipv4Prefix::Parse("10.0.0.2/30"));
    r2_.AddInterface("eth1").set_prefix(*wire::Ipv4Prefix::Parse("10.2.0.1/24"));
    for (int p = 1; p <= 3; ++p) sw_.AddInterface("p" + std::to_string(p));
    Connect("lan1", {src_.interfaces()[0].get(), r1_.interfaces()[0].get()});
    Connect("core", {r1_.interfaces()[1].get(), r2_.interfaces()[0].get()}, core::Milliseconds(1));
    Connect("up", {r2_.interfaces()[1].get(), sw_.interfaces()[0].get()});
    Connect("d1", {sw_.interfaces()[1].get(), rx1_.interfaces()[0].get()});
    Connect("d2", {sw_.interfaces()[2].get(), rx2_.interfaces()[0].get()});
    net_.RecomputeRoutes();
    r1_.AddStaticMroute({{wire::Ipv4Address(), Ip("239.1.1.1")}, 0, {1}});
    r2_.AddStaticMroute({{wire::Ipv4Address(), Ip("239.1.1.1")}, 0, {1}});
    for (Host* h : {&rx1_, &rx2_}) {
      UdpSocket& s = h->Listen("s5000", Ip("239.1.1.1"), 5000);
      h->Join(Ip("239.1.1.1"), &s, nullptr);
    }
  }
  std::uint64_t Received(Host& h) { return h.FindSocket("s5000")->datagrams_received; }
  void SendGroup(std::uint8_t ttl) {
    SendSpec s;
    s.to = Ip("239.1.1.1");
    s.port = 5000;
    s.ttl = ttl;
    src_.SendDatagram(s);
  }

  Host& src_ = AddHost("src", "10.1.0.10/24", "10.1.0.1");
  Router& r1_ = net_.AddNode<Router>("R1");
  Router& r2_ = net_.AddNode<Router>("R2");
  L2Switch& sw_ = net_.AddNode<L2Switch>("SW");
  Host& rx1_ = AddHost("rx1", "10.2.0.11/24", "10.2.0.1");
  Host& rx2_ = AddHost("rx2", "10.2.0.12/24", "10.2.0.1");
};

TEST_F(RouterTest, ComputesRoutesAcrossTheCore) {
  EXPECT_EQ(r1_.DumpRoutes(),
            "Destination  Gateway    Interface  Metric\n"
            "10.0.0.0/30  connected  eth1       0\n"
            "10.1.0.0/24  connected  eth0       0\n"
            "10.2.0.0/24  10.0.0.2   eth1       2\n");
}

TEST_F(RouterTest, TtlOneStopsAtTheFirstRouter) {
  SendGroup(1);
  RunFor(core::Seconds(1));
  EXPECT_EQ(Received(rx1_), 0u);
  EXPECT_EQ(r1_.drop_log()->count(DropReason::kTtlExpired), 1u);
  EXPECT_NE(std::find_if(sink_.events.begin(), sink_.events.end(),
                         [](const std::string& e) { return e.find("R1 forward.drop reason=ttl-expired") != std::string::npos; }),
            sink_.events.end());
}

TEST_F(RouterTest, TtlSixteenReachesBothReceiversWithTtlFourteen) {
  SendGroup(16);
  RunFor(core::Seconds(1));
  EXPECT_EQ(Received(rx1_), 1u);
  EXPECT_EQ(Received(rx2_), 1u);
  ASSERT_FALSE(sink_.frames.empty());
  EXPECT_NE(sink_.frames.back().find("ttl 14"), std::string::npos) << sink_.frames.back();
}

TEST_F(RouterTest, RpfFailureDropsPacketsFromTheWrongInterface) {
  r2_.AddStaticMroute({{wire::Ipv4Address(), Ip("239.1.1.1")}, 1, {0}});  // expects it from the LAN
  SendGroup(16);
  RunFor(core::Seconds(1));
  EXPECT_EQ(Received(rx1_), 0u);
  EXPECT_EQ(r2_.drop_log()->count(DropReason::kRpfFailure), 1u);
}

TEST_F(RouterTest, UnicastCrossesBothRoutersAfterArpOnEachHop) {
  UdpSocket& s = rx1_.Listen("u", wire::Ipv4Address(), 7000);
  SendSpec spec;
  spec.to = Ip("10.2.0.11");
  spec.port = 7000;
  src_.SendDatagram(spec);
  RunFor(core::Seconds(1));
  EXPECT_EQ(s.datagrams_received, 1u);
  EXPECT_EQ(r1_.counters().unicast_forwarded, 1u);
  EXPECT_EQ(r2_.counters().unicast_forwarded, 1u);
}

TEST_F(RouterTest, LinkDownRemovesTheRouteAndUpRestoresIt) {
  net_.SetLinkUp(*net_.FindLink("core"), false);
  EXPECT_FALSE(r1_.fib().Lookup(Ip("10.2.0.11")).has_value());
  net_.SetLinkUp(*net_.FindLink("core"), true);
  EXPECT_TRUE(r1_.fib().Lookup(Ip("10.2.0.11")).has_value());
}

TEST_F(RouterTest, SwitchLearnsAndStopsFlooding) {
  // rx1 talks to rx2: the first frame (ARP broadcast) floods, the answer is switched.
  UdpSocket& s = rx2_.Listen("u", wire::Ipv4Address(), 7000);
  SendSpec spec;
  spec.to = Ip("10.2.0.12");
  spec.port = 7000;
  rx1_.SendDatagram(spec);
  RunFor(core::Seconds(1));
  EXPECT_EQ(s.datagrams_received, 1u);
  EXPECT_EQ(sw_.LookupPort(rx1_.interfaces()[0]->mac()), sw_.interfaces()[1].get());
  EXPECT_EQ(sw_.LookupPort(rx2_.interfaces()[0]->mac()), sw_.interfaces()[2].get());
  // R2 heard the ARP broadcast only: 1 frame on "up"; the unicast data never reached it.
  EXPECT_EQ(net_.FindLink("up")->counters().frames, 1u);
}

}  // namespace
}  // namespace sim::net
