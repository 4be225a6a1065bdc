// A node's own addresses and on-link subnets: a router with many interfaces answers from an
// index, and must answer as the walk over its interfaces in order does.
#include "sim/core/rng.h"
#include "sim/net/router.h"
#include "tests/net/net_fixture.h"

namespace sim::net {
namespace {

Interface* WalkOnLink(const IpNode& n, wire::Ipv4Address a) {
  for (const auto& i : n.interfaces()) {
    if (i->prefix() && i->prefix()->Contains(a)) return i.get();
  }
  return nullptr;
}

bool WalkOwn(const IpNode& n, wire::Ipv4Address a) {
  for (const auto& i : n.interfaces()) {
    if (i->prefix() && i->address() == a) return true;
  }
  return false;
}

class AddressIndexTest : public NetTest {};

TEST_F(AddressIndexTest, ACoreRouterFindsTheFirstInterfaceWhoseSubnetHoldsAnAddress) {
  Router& core = net_.AddNode<Router>("core");
  for (int i = 0; i < 20; ++i) {
    core.AddInterface("eth" + std::to_string(i))
        .set_prefix(*wire::Ipv4Prefix::Parse(("10.0." + std::to_string(i) + ".1/30").c_str()));
  }
  core.AddInterface("wide").set_prefix(*wire::Ipv4Prefix::Parse("10.0.0.0/16"));
  core.AddInterface("twin").set_prefix(*wire::Ipv4Prefix::Parse("10.0.5.2/30"));  // eth5's subnet again
  core.AddInterface("bare");                                                     // no address
  EXPECT_EQ(core.InterfaceOnLink(Ip("10.0.5.2")), core.interfaces()[5].get());
  EXPECT_EQ(core.InterfaceOnLink(Ip("10.0.19.3")), core.interfaces()[19].get());
  EXPECT_EQ(core.InterfaceOnLink(Ip("10.0.200.1")), core.interfaces()[20].get());
  EXPECT_EQ(core.InterfaceOnLink(Ip("10.1.0.1")), nullptr);
  EXPECT_TRUE(core.IsOwnAddress(Ip("10.0.7.1")));
  EXPECT_TRUE(core.IsOwnAddress(Ip("10.0.5.2")));
  EXPECT_FALSE(core.IsOwnAddress(Ip("10.0.7.2")));
  EXPECT_FALSE(core.IsOwnAddress(Ip("0.0.0.0")));  // the bare interface's "address"
  // An address given later is seen at once.
  core.interfaces()[22]->set_prefix(*wire::Ipv4Prefix::Parse("192.0.2.1/24"));
  EXPECT_EQ(core.InterfaceOnLink(Ip("192.0.2.77")), core.interfaces()[22].get());
  EXPECT_TRUE(core.IsOwnAddress(Ip("192.0.2.1")));
}

TEST_F(AddressIndexTest, RandomInterfacesAgreeWithTheWalk) {
  core::Rng rng(11, 2);
  for (int round = 0; round < 20; ++round) {
    Router& r = net_.AddNode<Router>("r" + std::to_string(round));
    const auto n = rng.UniformInt(1, 40);
    for (std::uint64_t i = 0; i < n; ++i) {
      Interface& iface = r.AddInterface("eth" + std::to_string(i));
      if (rng.UniformInt(0, 9) == 0) continue;
      const auto address = static_cast<std::uint32_t>(0x0A000000u | rng.UniformInt(0, 0xffff));
      iface.set_prefix(wire::Ipv4Prefix(wire::Ipv4Address(address), static_cast<std::uint8_t>(rng.UniformInt(16, 32))));
    }
    for (int probe = 0; probe < 300; ++probe) {
      const wire::Ipv4Address a(static_cast<std::uint32_t>(0x0A000000u | rng.UniformInt(0, 0xffff)));
      EXPECT_EQ(r.InterfaceOnLink(a), WalkOnLink(r, a)) << wire::ToString(a);
      EXPECT_EQ(r.IsOwnAddress(a), WalkOwn(r, a)) << wire::ToString(a);
    }
  }
}

}  // namespace
}  // namespace sim::net
