// The end-of-run snapshot rendered by several threads is the snapshot one thread renders.
#include "sim/run/state_dump.h"

#include <sstream>
#include <thread>

#include <gtest/gtest.h>

#include "sim/net/router.h"
#include "tests/net/net_fixture.h"

namespace sim::net {
namespace {

std::string TextOf(const run::StateDump& dump) {
  std::ostringstream out;
  dump.WriteTo(out);
  return out.str();
}

class StateDumpTest : public NetTest {
 protected:
  // Two routers and 60 hosts on three segments, so that the nodes' texts differ in size.
  void SetUp() override {
    Router& r1 = net_.AddNode<Router>("R1");
    Router& r2 = net_.AddNode<Router>("R2");
    std::vector<Interface*> lan{&r1.AddInterface("eth0")};
    lan.back()->set_prefix(*wire::Ipv4Prefix::Parse("10.1.0.1/16"));
    for (int i = 0; i < 60; ++i) {
      const std::string prefix = "10.1.0." + std::to_string(i + 10) + "/16";
      lan.push_back(AddHost("h" + std::to_string(i), prefix.c_str(), "10.1.0.1").interfaces()[0].get());
    }
    Connect("lan", lan);
    Interface& a = r1.AddInterface("eth1");
    a.set_prefix(*wire::Ipv4Prefix::Parse("10.9.0.1/30"));
    Interface& b = r2.AddInterface("eth0");
    b.set_prefix(*wire::Ipv4Prefix::Parse("10.9.0.2/30"));
    Connect("core", {&a, &b});
    net_.RecomputeRoutes();
  }
  const run::ProtocolBindings protocols_;
};

TEST_F(StateDumpTest, TwoThreadsRenderTheTextOneThreadRenders) {
  const std::string one = run::DumpState(net_, protocols_);
  ASSERT_NE(one.find("=== h59 (host)"), std::string::npos);
  run::StateDump dump(net_, protocols_);
  std::thread helper([&dump] { dump.Work(); });
  dump.Work();
  helper.join();
  EXPECT_EQ(TextOf(dump), one);
}

TEST_F(StateDumpTest, OneWorkCallRendersEveryNode) {
  run::StateDump dump(net_, protocols_);
  dump.Work();
  dump.Work();  // nothing left: a second call adds nothing
  EXPECT_EQ(TextOf(dump), run::DumpState(net_, protocols_));
}

}  // namespace
}  // namespace sim::net
