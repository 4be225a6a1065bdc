// Shortest-path unicast routes for every router, from the topology (link-state style, as
// an IGP would converge to). The only user of Boost.Graph in the project.
#ifndef MCASTLAB_SIM_NET_UNICAST_ROUTES_H_
#define MCASTLAB_SIM_NET_UNICAST_ROUTES_H_

#include <cstdint>
#include <vector>

#include "sim/net/fib.h"
#include "sim/wire/ipv4_address.h"

namespace sim::net {

// A router interface that can carry traffic now (its node powered, its link up).
struct RoutingPort {
  std::uint32_t router;     // index among routers, 0..router_count-1
  std::uint32_t interface;  // the router's interface index
  wire::Ipv4Prefix prefix;  // the interface address and subnet
  std::uint32_t cost = 1;   // cost of sending out of this interface
  std::uint32_t segment;    // layer-2 domain: ports of one segment reach each other directly
};

// For each router, its connected subnets plus a route to every subnet reachable through other
// routers, by least total cost. Ties go to the lower next-hop address, so results are stable.
// From 64 routers on, a second thread computes every other router's table.
std::vector<std::vector<Route>> ComputeUnicastRoutes(std::uint32_t router_count,
                                                     const std::vector<RoutingPort>& ports);

}  // namespace sim::net

#endif  // MCASTLAB_SIM_NET_UNICAST_ROUTES_H_
