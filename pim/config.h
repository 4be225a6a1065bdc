// PIM-SM configuration of one router interface, with the defaults of RFC 7761 §4.11. The
// scenario loader fills it (merging defaults, node and interface settings, deriving what was not
// given); the protocol only reads it.
#ifndef MCASTLAB_PIM_CONFIG_H_
#define MCASTLAB_PIM_CONFIG_H_

#include <cstdint>
#include <string_view>

#include "sim/core/stack_profile.h"
#include "sim/core/time.h"

namespace pim {

// RFC 7761 §4.2.1: when a last-hop router moves a group's traffic to the shortest-path tree.
enum class SptSwitchover { kImmediate, kNever };
// "immediate" or "never", as scenario files spell it.
inline std::string_view ToString(SptSwitchover s) { return s == SptSwitchover::kImmediate ? "immediate" : "never"; }

struct Config {
  bool enabled = true;
  // §4.11 Hello_Period.
  sim::core::Duration hello_period = sim::core::Seconds(30);
  // §4.11 Triggered_Hello_Delay: the first Hello, and the one for a new neighbor, go after
  // rand(0, Triggered_Hello_Delay).
  sim::core::Duration triggered_hello_delay = sim::core::Seconds(5);
  // §4.11 Default_Hello_Holdtime: 3.5 x Hello_Period, sent in the Holdtime option.
  sim::core::Duration hello_holdtime = sim::core::Seconds(105);
  // §4.9.2 DR Priority option; §4.3.2 election.
  std::uint32_t dr_priority = 1;
  // §4.11 Propagation_delay_default, sent in the LAN Prune Delay option.
  sim::core::Duration propagation_delay = sim::core::Milliseconds(500);
  // §4.11 t_override_default, sent in the LAN Prune Delay option.
  sim::core::Duration override_interval = sim::core::Milliseconds(2500);
  // §4.11 t_periodic: the period of Join/Prune messages.
  sim::core::Duration join_prune_period = sim::core::Seconds(60);
  // §4.11 J/P_HoldTime: 3.5 x t_periodic.
  sim::core::Duration join_prune_holdtime = sim::core::Seconds(210);
  // §4.11 Keepalive_Period, for KAT(S,G).
  sim::core::Duration keepalive_period = sim::core::Seconds(210);
  // §4.11 Register_Suppression_Time.
  sim::core::Duration register_suppression = sim::core::Seconds(60);
  // §4.11 Register_Probe_Time.
  sim::core::Duration register_probe = sim::core::Seconds(5);
  // §4.11 Assert_Time and Assert_Override_Interval.
  sim::core::Duration assert_time = sim::core::Seconds(180);
  sim::core::Duration assert_override_interval = sim::core::Seconds(3);
  SptSwitchover spt_switchover = SptSwitchover::kImmediate;
  // §4.6: the assert mechanism on LANs with parallel paths.
  bool assert_enabled = true;
  // kFrr: FRR pimd's deviations at the RP (see pim_data.cc, OnRegister).
  sim::core::StackProfile profile = sim::core::StackProfile::kRfc;
};

}  // namespace pim

#endif  // MCASTLAB_PIM_CONFIG_H_
