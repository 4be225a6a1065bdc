// PIM-SM settings as a scenario gives them, and the RFC 7761 rules that turn them into a config.
//
// Every value is optional: what is not given takes its §4.11 default, and the holdtimes the RFC
// derives (3.5 x the period) follow the period that was given. As for IGMP (igmp/settings.h),
// BasicSettings is generic in how a value is held, so the loader can keep where each came from.
#ifndef MCASTLAB_PIM_SETTINGS_H_
#define MCASTLAB_PIM_SETTINGS_H_

#include <optional>
#include <vector>

#include "pim/config.h"
#include "sim/core/setting_problem.h"
#include "sim/core/time.h"

namespace pim {

template <template <typename> class Slot>
struct BasicSettings {
  Slot<bool> enabled;
  Slot<sim::core::Duration> hello_period;
  Slot<sim::core::Duration> hello_holdtime;
  Slot<sim::core::Duration> join_prune_period;
  Slot<sim::core::Duration> join_prune_holdtime;
  Slot<sim::core::Duration> keepalive_period;
  Slot<sim::core::Duration> register_suppression;
  Slot<sim::core::Duration> register_probe;
  Slot<SptSwitchover> spt_switchover;
  Slot<bool> assert_enabled;  // key "assert"
};

using Settings = BasicSettings<std::optional>;

// Calls fn(key, field of each s...) for every setting, with the key scenario files use.
template <typename Fn, typename... S>
void ForEachSetting(Fn&& fn, S&... s) {
  fn("enabled", s.enabled...);
  fn("hello_period", s.hello_period...);
  fn("hello_holdtime", s.hello_holdtime...);
  fn("join_prune_period", s.join_prune_period...);
  fn("join_prune_holdtime", s.join_prune_holdtime...);
  fn("keepalive_period", s.keepalive_period...);
  fn("register_suppression", s.register_suppression...);
  fn("register_probe", s.register_probe...);
  fn("spt_switchover", s.spt_switchover...);
  fn("assert", s.assert_enabled...);
}

// Defaults and derived values filled in; a value that breaks an RFC 7761 rule is appended to
// `problems`, blamed on the key to change.
Config DeriveConfig(const Settings& s, std::vector<sim::core::SettingProblem>* problems);

}  // namespace pim

#endif  // MCASTLAB_PIM_SETTINGS_H_
