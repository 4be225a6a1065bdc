// A snooping switch's querier next to a real router, at exact times: both query at 0, the
// switch hears the router's query (192.0.2.1 is lower than its 192.0.2.254) and falls silent
// 1.672 us later (RFC 2236 §7, RFC 4541 §2.1.1), and from then on only the router's queries
// reach the hosts.
#include "igmp/router_igmp.h"
#include "igmp/snooping_switch.h"

#include <gtest/gtest.h>

#include "tests/net/net_fixture.h"

namespace igmp {
namespace {

using sim::core::Seconds;

class SnoopingQuerierGlueTest : public sim::net::NetTest {
 protected:
  SnoopingQuerierGlueTest() {
    r_.AddInterface("eth0").set_prefix(*sim::wire::Ipv4Prefix::Parse("192.0.2.1/24"));
    Connect("r", {r_.interfaces()[0].get(), &sw_.AddInterface("p0")});
    Connect("h", {h_.interfaces()[0].get(), &sw_.AddInterface("p1")});
    RouterIgmp::Attach(r_, [](const sim::net::Interface&) { return RouterConfig{}; });
    sw_.EnableQuerier(*sim::wire::Ipv4Address::Parse("192.0.2.254"), RouterConfig{});
  }
  // "time source" of every query the host's cable carried.
  std::vector<std::string> QueriesToHost() const {
    std::vector<std::string> out;
    for (const std::string& f : sink_.FramesOn("h", "query")) {
      const bool from_switch = f.find("192.0.2.254") != std::string::npos;
      out.push_back(sim::net::RecordingSink::TimeOf(f) + (from_switch ? " SW" : " R"));
    }
    return out;
  }

  sim::net::Router& r_ = net_.AddNode<sim::net::Router>("R");
  SnoopingSwitch& sw_ = net_.AddNode<SnoopingSwitch>("SW");
  sim::net::Host& h_ = AddHost("H", "192.0.2.10/24");
};

TEST_F(SnoopingQuerierGlueTest, SwitchYieldsToTheLowerAddressedRouter) {
  // The router's 60-byte query takes (60 + 24) x 8 ns = 672 ns to send, then 1 us to arrive.
  RunFor(sim::core::Nanoseconds(1671));
  ASSERT_NE(sw_.querier(), nullptr);
  EXPECT_TRUE(sw_.querier()->is_querier());
  RunFor(sim::core::Nanoseconds(1));
  EXPECT_FALSE(sw_.querier()->is_querier());
  EXPECT_EQ(sw_.querier()->querier_address(), *sim::wire::Ipv4Address::Parse("192.0.2.1"));
  RunFor(Seconds(200));
  // The switch's own query at 0 went out before it knew better; its startup query due at
  // 31.25 s does not. The router's are forwarded on arrival: 0, QI/4, then QI later.
  EXPECT_EQ(QueriesToHost(), (std::vector<std::string>{"0.000000000 SW", "0.000001672 R",
                                                       "31.250001672 R", "156.250001672 R"}));
  EXPECT_FALSE(sw_.querier()->is_querier());
}

}  // namespace
}  // namespace igmp
