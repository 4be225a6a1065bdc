#include "sim/net/fib.h"

#include <algorithm>

namespace sim::net {

void Fib::Replace(std::vector<Route> routes) {
  std::stable_sort(routes.begin(), routes.end(), [](const Route& a, const Route& b) {
    if (a.destination.length() != b.destination.length()) {
      return a.destination.length() > b.destination.length();
    }
    return a.destination.address() < b.destination.address();
  });
  routes_ = std::move(routes);
}

std::optional<Route> Fib::Lookup(wire::Ipv4Address destination) const {
  for (const Route& r : routes_) {
    if (r.destination.Contains(destination)) return r;
  }
  return std::nullopt;
}

}  // namespace sim::net
