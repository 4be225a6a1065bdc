// Shortest-path routes: metrics and next hops on a chain, ties to the lower next hop, and the
// same answers when a second thread computes half of the routers' tables (64 routers or more).
#include "sim/net/unicast_routes.h"

#include <cstdlib>
#include <string>

#include <gtest/gtest.h>

namespace sim::net {
namespace {

wire::Ipv4Prefix PrefixOf(const std::string& text) { return *wire::Ipv4Prefix::Parse(text); }

// Routers 0..n-1 in a line: link j (10.0.j.0/24, segment j) joins router j (.1, interface 1)
// to router j+1 (.2, interface 0); router k also has a LAN of its own, 10.1.k.0/24 (interface 2).
std::vector<RoutingPort> Chain(std::uint32_t n) {
  std::vector<RoutingPort> ports;
  for (std::uint32_t j = 0; j + 1 < n; ++j) {
    const std::string link = "10.0." + std::to_string(j) + ".";
    ports.push_back({j, 1, PrefixOf(link + "1/24"), 1, j});
    ports.push_back({j + 1, 0, PrefixOf(link + "2/24"), 1, j});
  }
  for (std::uint32_t k = 0; k < n; ++k) ports.push_back({k, 2, PrefixOf("10.1." + std::to_string(k) + ".1/24"), 1, 1000 + k});
  return ports;
}

void ExpectChainRoutes(std::uint32_t n) {
  const auto tables = ComputeUnicastRoutes(n, Chain(n));
  ASSERT_EQ(tables.size(), n);
  for (std::uint32_t x = 0; x < n; ++x) {
    ASSERT_EQ(tables[x].size(), 2 * n - 1) << "router " << x;
    for (const Route& r : tables[x]) {
      const auto octets = r.destination.network().value();
      if (((octets >> 16) & 0xff) != 1) continue;  // the LANs only
      const std::uint32_t k = (octets >> 8) & 0xff;
      if (k == x) {
        EXPECT_EQ(r.metric, 0u);
        EXPECT_TRUE(r.next_hop.is_unspecified());
        EXPECT_EQ(r.out_interface, 2u);
        continue;
      }
      EXPECT_EQ(r.metric, static_cast<std::uint32_t>(std::abs(static_cast<int>(k) - static_cast<int>(x))) + 1)
          << "router " << x << " to LAN " << k;
      // Toward a higher router: out of interface 1 to the next router's .2; lower: interface 0 to .1.
      const std::uint32_t link = k > x ? x : x - 1;
      EXPECT_EQ(r.out_interface, k > x ? 1u : 0u);
      EXPECT_EQ(r.next_hop, PrefixOf("10.0." + std::to_string(link) + (k > x ? ".2/24" : ".1/24")).address());
    }
  }
}

TEST(UnicastRoutes, ChainOfAFewRouters) { ExpectChainRoutes(3); }

TEST(UnicastRoutes, ChainOfManyRoutersComputedByTwoThreads) { ExpectChainRoutes(80); }

TEST(UnicastRoutes, EqualPathsGoToTheLowerNextHop) {
  // 0 reaches 3's LAN through 1 (10.0.1.2) or 2 (10.0.2.2) at the same cost.
  const std::vector<RoutingPort> ports{
      {0, 0, PrefixOf("10.0.2.1/24"), 1, 2}, {2, 0, PrefixOf("10.0.2.2/24"), 1, 2},
      {0, 1, PrefixOf("10.0.1.1/24"), 1, 1}, {1, 0, PrefixOf("10.0.1.2/24"), 1, 1},
      {1, 1, PrefixOf("10.0.3.1/24"), 1, 3}, {3, 0, PrefixOf("10.0.3.2/24"), 1, 3},
      {2, 1, PrefixOf("10.0.4.1/24"), 1, 4}, {3, 1, PrefixOf("10.0.4.2/24"), 1, 4},
      {3, 2, PrefixOf("10.9.0.1/24"), 1, 9}};
  const auto tables = ComputeUnicastRoutes(4, ports);
  const Route& lan = tables[0].back();  // 10.9.0.0/24 sorts last
  EXPECT_EQ(lan.destination, PrefixOf("10.9.0.0/24"));
  EXPECT_EQ(lan.metric, 3u);
  EXPECT_EQ(lan.next_hop, PrefixOf("10.0.1.2/24").address());
  EXPECT_EQ(lan.out_interface, 1u);
}

}  // namespace
}  // namespace sim::net
