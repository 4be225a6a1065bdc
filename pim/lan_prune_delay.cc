#include "pim/lan_prune_delay.h"

#include <algorithm>

namespace pim {

using sim::core::Milliseconds;
using sim::wire::PimLanPruneDelay;

LanDelay ComputeLanDelay(const PimLanPruneDelay& own,
                         std::span<const std::optional<PimLanPruneDelay>> neighbors) {
  LanDelay out;
  out.lan_delay_enabled =
      std::all_of(neighbors.begin(), neighbors.end(), [](const auto& n) { return n.has_value(); });
  if (!out.lan_delay_enabled) {
    // RFC 7761 §4.3.3: "if ( lan_delay_enabled(I) == false ) { return
    // Propagation_delay_default }", and t_override_default for the override interval
    // (§4.11: 0.5 s and 2.5 s), whatever any router advertised.
    out.effective_propagation_delay = Milliseconds(sim::wire::kPimDefaultPropagationDelayMs);
    out.effective_override_interval = Milliseconds(sim::wire::kPimDefaultOverrideIntervalMs);
    return out;
  }
  // RFC 7761 §4.3.3: "delay = Propagation_Delay(I); for each neighbor on interface I { if (
  // neighbor.propagation_delay > delay ) { delay = neighbor.propagation_delay } }", and the
  // same for the override interval: the largest value on the link, this router's included.
  std::uint16_t propagation_ms = own.propagation_delay_ms;
  std::uint16_t override_ms = own.override_interval_ms;
  bool all_tracking = own.tracking_support;
  for (const auto& n : neighbors) {
    propagation_ms = std::max(propagation_ms, n->propagation_delay_ms);
    override_ms = std::max(override_ms, n->override_interval_ms);
    all_tracking = all_tracking && n->tracking_support;
  }
  out.effective_propagation_delay = Milliseconds(propagation_ms);
  out.effective_override_interval = Milliseconds(override_ms);
  out.suppression_enabled = !all_tracking;
  return out;
}

}  // namespace pim
