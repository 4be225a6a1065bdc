// The unicast forwarding table of a router: longest-prefix match over computed routes.
#ifndef MCASTLAB_SIM_NET_FIB_H_
#define MCASTLAB_SIM_NET_FIB_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/wire/ipv4_address.h"

namespace sim::net {

struct Route {
  wire::Ipv4Prefix destination;  // in network form (host bits zero)
  std::uint32_t out_interface = 0;
  wire::Ipv4Address next_hop;    // 0.0.0.0: on link, deliver to the destination itself
  std::uint32_t metric = 0;
  friend bool operator==(const Route&, const Route&) = default;
};

class Fib {
 public:
  void Replace(std::vector<Route> routes);
  // The first route, in routes() order, whose prefix holds `destination`: the longest match.
  std::optional<Route> Lookup(wire::Ipv4Address destination) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  // The routes of one prefix length: a run of routes_, its masked addresses in order.
  struct LengthRun {
    std::uint32_t mask = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
  };

  std::vector<Route> routes_;              // sorted by prefix length, longest first, then address
  std::vector<std::uint32_t> masked_;      // routes_[i]'s address under its own mask
  std::vector<LengthRun> runs_;            // longest first
};

}  // namespace sim::net

#endif  // MCASTLAB_SIM_NET_FIB_H_
