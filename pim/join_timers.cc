#include "pim/join_timers.h"

namespace pim {

using sim::core::Duration;

sim::core::TraceValue HoldtimeValue(Duration holdtime) {
  return holdtime == kHoldForever ? sim::core::TraceValue::Name("forever") : sim::core::TraceValue(holdtime);
}

Duration TSuppressed(sim::core::Rng& rng, Duration t_periodic, bool suppression_enabled) {
  if (!suppression_enabled) return Duration::Zero();
  // 1.1 and 1.4 as exact tenths: integer nanoseconds, no double on the way.
  return rng.UniformDuration(t_periodic * 11 / 10, t_periodic * 14 / 10);
}

Duration TOverride(sim::core::Rng& rng, Duration effective_override_interval) {
  return rng.UniformDuration(Duration::Zero(), effective_override_interval);
}

void RestartIfLater(sim::core::Timer& timer, Duration d) {
  if (!timer.running() || timer.remaining() < d) timer.Restart(d);
}

}  // namespace pim
