// A named protocol timer: a member of protocol state that owns at most one pending event.
//
// Restart always reschedules (unlike a re-add that silently keeps the old deadline), Cancel
// guarantees the expiry never runs, and the destructor cancels, so state can be erased while
// its timers are running. A Timer is neither copyable nor movable: its event captures `this`.
#ifndef MCASTLAB_SIM_CORE_TIMER_H_
#define MCASTLAB_SIM_CORE_TIMER_H_

#include <functional>
#include <optional>

#include "sim/core/scheduler.h"

namespace sim::core {

class Timer {
 public:
  Timer(Scheduler& scheduler, NodeId node, std::function<void()> on_expiry)
      : scheduler_(scheduler), node_(node), on_expiry_(std::move(on_expiry)) {}
  Timer(const Timer&) = delete;
  Timer& operator=(const Timer&) = delete;
  ~Timer() { Cancel(); }

  void Restart(Duration delay);
  // Restarts only when the timer is stopped or would expire later than `delay` from now
  // (the "lower the timer" rule of RFC 2236 §3 and §7).
  void RestartIfSooner(Duration delay);
  void Cancel() { scheduler_.Cancel(event_); }

  bool running() const { return scheduler_.IsPending(event_); }
  std::optional<Time> deadline() const;
  // Time left before expiry; zero when the timer is not running.
  Duration remaining() const;

 private:
  Scheduler& scheduler_;
  NodeId node_;
  std::function<void()> on_expiry_;
  EventId event_;
};

}  // namespace sim::core

#endif  // MCASTLAB_SIM_CORE_TIMER_H_
