#include "pim/dr_election.h"

#include <algorithm>
#include <tuple>

namespace pim {

using sim::wire::Ipv4Address;

DrElection ElectDr(Ipv4Address me, std::uint32_t my_priority,
                   std::span<const DrCandidate> neighbors) {
  // RFC 7761 §4.3.2 dr_is_better: "if (there is a neighbor n on I for which
  // n.dr_priority_present == false) return primary_ip_address(a) > primary_ip_address(b)".
  // Therefore: one neighbor without the option turns the whole election into "highest
  // address", this router's own priority included.
  const bool by_priority =
      std::all_of(neighbors.begin(), neighbors.end(),
                  [](const DrCandidate& n) { return n.dr_priority.has_value(); });
  // With priorities the order is (priority, address); without, the address alone (the
  // priority is left at 0 on both sides so that it never decides).
  const auto key = [by_priority](std::uint32_t priority, Ipv4Address address) {
    return std::tuple(by_priority ? priority : 0u, address);
  };
  DrElection result{me, by_priority};
  auto best = key(my_priority, me);
  for (const DrCandidate& n : neighbors) {
    const auto candidate = key(n.dr_priority.value_or(0), n.address);
    if (candidate > best) {
      best = candidate;
      result.dr = n.address;
    }
  }
  return result;
}

}  // namespace pim
