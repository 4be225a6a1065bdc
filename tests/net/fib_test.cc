// Longest-prefix match: the indexed lookup gives the route the old walk over every route gave,
// the first in routes() order whose prefix holds the address.
#include "sim/net/fib.h"

#include <gtest/gtest.h>

#include <optional>
#include <vector>

#include "sim/core/rng.h"

namespace sim::net {
namespace {

using wire::Ipv4Address;
using wire::Ipv4Prefix;

Route To(const char* prefix, std::uint32_t out) {
  return Route{*Ipv4Prefix::Parse(prefix), out, Ipv4Address(), 0};
}

// The out interface of the route `fib` gives for `address`, 0 for none.
std::uint32_t OutOf(const Fib& fib, const char* address) {
  const auto r = fib.Lookup(*Ipv4Address::Parse(address));
  return r ? r->out_interface : 0;
}

// Few distinct high bits, so that random prefixes nest and overlap often.
std::uint32_t NestedAddress(core::Rng& rng) {
  return static_cast<std::uint32_t>((rng.UniformInt(0, 3) << 30) | (rng.UniformInt(0, 15) << 20) |
                                    rng.UniformInt(0, 0xfffff));
}

std::optional<Route> Walk(const Fib& fib, Ipv4Address a) {
  for (const Route& r : fib.routes()) {
    if (r.destination.Contains(a)) return r;
  }
  return std::nullopt;
}

TEST(Fib, TheLongestPrefixWinsAndNoneMatchesOutsideEveryPrefix) {
  Fib fib;
  fib.Replace({To("10.0.0.0/8", 1), To("10.1.0.0/16", 2), To("10.1.2.0/24", 3), To("10.1.2.3/32", 4)});
  EXPECT_EQ(OutOf(fib, "10.1.2.3"), 4u);
  EXPECT_EQ(OutOf(fib, "10.1.2.4"), 3u);
  EXPECT_EQ(OutOf(fib, "10.1.3.4"), 2u);
  EXPECT_EQ(OutOf(fib, "10.9.3.4"), 1u);
  EXPECT_FALSE(fib.Lookup(*Ipv4Address::Parse("11.0.0.1")));
}

TEST(Fib, ADefaultRouteCatchesWhatNothingElseHolds) {
  Fib fib;
  fib.Replace({To("0.0.0.0/0", 7), To("192.0.2.0/24", 1)});
  EXPECT_EQ(OutOf(fib, "192.0.2.9"), 1u);
  EXPECT_EQ(OutOf(fib, "198.51.100.1"), 7u);
}

TEST(Fib, OfTwoRoutesToOnePrefixTheFirstGivenWins) {
  Fib fib;
  fib.Replace({To("10.1.0.0/16", 5), To("10.1.0.0/16", 6)});
  EXPECT_EQ(OutOf(fib, "10.1.9.9"), 5u);
}

TEST(Fib, ARouteWrittenWithHostBitsStillMatchesItsSubnet) {
  Fib fib;
  fib.Replace({To("10.1.2.77/24", 3), To("10.1.1.0/24", 2)});
  EXPECT_EQ(OutOf(fib, "10.1.2.1"), 3u);
  EXPECT_EQ(OutOf(fib, "10.1.1.200"), 2u);
}

TEST(Fib, RandomTablesAgreeWithAWalkOverEveryRoute) {
  core::Rng rng(7, 1);
  for (int table = 0; table < 50; ++table) {
    std::vector<Route> routes;
    const auto n = rng.UniformInt(0, 200);
    for (std::uint64_t i = 0; i < n; ++i) {
      const std::uint32_t address = NestedAddress(rng);
      const auto length = static_cast<std::uint8_t>(rng.UniformInt(0, 32));
      routes.push_back(Route{Ipv4Prefix(Ipv4Address(address), length), static_cast<std::uint32_t>(i), Ipv4Address(), 0});
    }
    Fib fib;
    fib.Replace(routes);
    for (int probe = 0; probe < 500; ++probe) {
      const Ipv4Address a(NestedAddress(rng));
      EXPECT_EQ(fib.Lookup(a), Walk(fib, a)) << "table " << table << " address " << wire::ToString(a);
    }
  }
}

}  // namespace
}  // namespace sim::net
