// The timer values and timer rules the Join/Prune state machines share (RFC 7761 §4.5, §4.11).
//
// The random values are drawn by the caller, from the per-interface RNG, with the functions
// below; the machines take them as plain durations so that tests fix them exactly.
#ifndef MCASTLAB_PIM_JOIN_TIMERS_H_
#define MCASTLAB_PIM_JOIN_TIMERS_H_

#include "sim/core/rng.h"
#include "sim/core/time.h"
#include "sim/core/timer.h"
#include "sim/core/trace_value.h"

namespace pim {

// RFC 7761 §4.9.5: a Join/Prune HoldTime of 0xffff means "the receiver of this message should
// hold the state until canceled by the appropriate canceling Join/Prune message". The glue passes
// this value for it.
inline constexpr sim::core::Duration kHoldForever = sim::core::Duration::Max();

// A trace line's holdtime: the span ("210s"), or "forever" for kHoldForever.
sim::core::TraceValue HoldtimeValue(sim::core::Duration holdtime);

// RFC 7761 §4.11: t_suppressed = "rand(1.1 * t_periodic, 1.4 * t_periodic) when
// Suppression_Enabled(I) is true, 0 otherwise". Draws from `rng` only when enabled.
sim::core::Duration TSuppressed(sim::core::Rng& rng, sim::core::Duration t_periodic,
                                bool suppression_enabled);

// RFC 7761 §4.11: t_override = "rand(0, Effective_Override_Interval(I))" (§4.3.3).
sim::core::Duration TOverride(sim::core::Rng& rng, sim::core::Duration effective_override_interval);

// "Increase the timer to d": restarts `timer` with `d` when it is stopped or would expire
// sooner than `d` from now; otherwise leaves it (the counterpart of Timer::RestartIfSooner).
void RestartIfLater(sim::core::Timer& timer, sim::core::Duration d);

}  // namespace pim

#endif  // MCASTLAB_PIM_JOIN_TIMERS_H_
