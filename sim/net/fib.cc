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
  // A binary search per prefix length instead of a walk over every route: a router of a large
  // tree holds thousands of routes and PIM looks up RPF(S) and RPF(RP) often.
  masked_.clear();
  runs_.clear();
  masked_.reserve(routes_.size());
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    const wire::Ipv4Prefix& p = routes_[i].destination;
    // Masking keeps the order of addresses, so each run stays sorted even if a route were
    // written with host bits set.
    masked_.push_back(p.address().value() & p.mask());
    if (runs_.empty() || runs_.back().mask != p.mask()) runs_.push_back({p.mask(), i, i});
    runs_.back().end = i + 1;
  }
}

std::optional<Route> Fib::Lookup(wire::Ipv4Address destination) const {
  for (const LengthRun& run : runs_) {
    const std::uint32_t want = destination.value() & run.mask;
    const auto first = masked_.begin() + static_cast<std::ptrdiff_t>(run.begin);
    const auto last = masked_.begin() + static_cast<std::ptrdiff_t>(run.end);
    const auto it = std::lower_bound(first, last, want);
    if (it != last && *it == want) return routes_[static_cast<std::size_t>(it - masked_.begin())];
  }
  return std::nullopt;
}

}  // namespace sim::net
