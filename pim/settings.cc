#include "pim/settings.h"

#include <string>

namespace pim {
namespace {

using sim::core::Duration;

// 3.5 x d, the RFC 7761 §4.11 holdtime rule.
Duration ThreeAndAHalf(Duration d) {
  return sim::core::SaturatingAdd(sim::core::SaturatingMul(d, 3), d / 2);
}

}  // namespace

Config DeriveConfig(const Settings& s, std::vector<sim::core::SettingProblem>* problems) {
  const Config d;
  Config c;
  c.enabled = s.enabled.value_or(d.enabled);
  c.hello_period = s.hello_period.value_or(d.hello_period);
  // §4.11: Default_Hello_Holdtime = 3.5 x Hello_Period; J/P_HoldTime = 3.5 x t_periodic.
  c.hello_holdtime = s.hello_holdtime.value_or(ThreeAndAHalf(c.hello_period));
  c.join_prune_period = s.join_prune_period.value_or(d.join_prune_period);
  c.join_prune_holdtime = s.join_prune_holdtime.value_or(ThreeAndAHalf(c.join_prune_period));
  c.keepalive_period = s.keepalive_period.value_or(d.keepalive_period);
  c.register_suppression = s.register_suppression.value_or(d.register_suppression);
  c.register_probe = s.register_probe.value_or(d.register_probe);
  c.spt_switchover = s.spt_switchover.value_or(d.spt_switchover);
  c.assert_enabled = s.assert_enabled.value_or(d.assert_enabled);

  // §4.11: the Register-Stop Timer runs for rand(0.5, 1.5) x Register_Suppression_Time minus
  // Register_Probe_Time, so the probe time must be less than half the suppression time.
  if (sim::core::SaturatingMul(c.register_probe, 2) >= c.register_suppression) {
    problems->push_back({s.register_probe ? "register_probe" : "register_suppression",
                         "register_probe " + sim::core::ToString(c.register_probe) +
                             " must be less than half of register_suppression " +
                             sim::core::ToString(c.register_suppression) + " (RFC 7761 §4.11)"});
  }
  return c;
}

}  // namespace pim
