// The LAN Prune Delay values of one interface (RFC 7761 §4.3.3), as a pure function of what
// this router advertises and what its neighbors advertised.
//
// RFC 7761 §4.3.3 (pseudocode, abridged):
//   lan_delay_enabled(I): false if any neighbor on I has lan_prune_delay_present == false.
//   Effective_Propagation_Delay(I):
//     if (lan_delay_enabled(I) == false) return Propagation_delay_default
//     delay = Propagation_Delay(I); for each neighbor, the largest neighbor.propagation_delay
//   Effective_Override_Interval(I): the same with Override_Interval(I), t_override_default and
//     neighbor.override_interval.
// RFC 7761 §4.11: J/P_Override_Interval(I) = Effective_Propagation_Delay(I) +
//   Effective_Override_Interval(I); it is the Prune-Pending Timer of §4.5.
//
// The T bit (tracking support) never changes these delays. It decides only whether Join
// suppression may be turned off (§4.3.3: "Unless all PIM routers on a link negotiate this
// capability, explicit tracking and the disabling of the Join suppression mechanism are not
// possible"), which t_suppressed of §4.11 reads as Suppression_Enabled(I).
#ifndef MCASTLAB_PIM_LAN_PRUNE_DELAY_H_
#define MCASTLAB_PIM_LAN_PRUNE_DELAY_H_

#include <optional>
#include <span>

#include "sim/core/time.h"
#include "sim/wire/pim_hello.h"

namespace pim {

struct LanDelay {
  bool lan_delay_enabled = false;
  sim::core::Duration effective_propagation_delay;
  sim::core::Duration effective_override_interval;
  // False only when this router and every neighbor set the T bit (with lan_delay_enabled).
  bool suppression_enabled = true;

  // RFC 7761 §4.11 J/P_Override_Interval(I).
  sim::core::Duration jp_override_interval() const {
    return effective_propagation_delay + effective_override_interval;
  }
};

// `own` is the LAN Prune Delay option this router sends (Propagation_Delay(I),
// Override_Interval(I) and its T bit); `neighbors` holds each neighbor's option from its last
// Hello, empty when the Hello had none. No neighbors: this router's own values.
LanDelay ComputeLanDelay(const sim::wire::PimLanPruneDelay& own,
                         std::span<const std::optional<sim::wire::PimLanPruneDelay>> neighbors);

}  // namespace pim

#endif  // MCASTLAB_PIM_LAN_PRUNE_DELAY_H_
