#include "sim/core/timer.h"

namespace sim::core {

void Timer::Restart(Duration delay) {
  scheduler_.Cancel(event_);
  // The expiry callback may restart this timer; event_ is already spent by then.
  event_ = scheduler_.ScheduleIn(delay, node_, [this] { on_expiry_(); });
}

void Timer::RestartIfSooner(Duration delay) {
  if (!running() || scheduler_.Now() + delay < scheduler_.DeadlineOf(event_)) Restart(delay);
}

std::optional<Time> Timer::deadline() const {
  if (!running()) return std::nullopt;
  return scheduler_.DeadlineOf(event_);
}

Duration Timer::remaining() const {
  if (!running()) return Duration::Zero();
  return scheduler_.DeadlineOf(event_) - scheduler_.Now();
}

}  // namespace sim::core
