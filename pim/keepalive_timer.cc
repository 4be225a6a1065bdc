// KAT(S,G): see keepalive_timer.h. The RFC gives it two states (running, not running) and two
// edges, which this file traces:
//
//   stopped --set KeepaliveTimer(S,G) to P--> running (expires P from now)
//   running --set KeepaliveTimer(S,G) to P--> running (expires P from now; not traced)
//   running --KAT expires (KeepaliveExpired)--> stopped
#include "pim/keepalive_timer.h"

#include <algorithm>
#include <string>
#include <utility>

namespace pim {

using sim::core::Duration;
using sim::wire::Ipv4Address;

namespace {

constexpr std::string_view kTraceKind = "pim.keepalive";

}  // namespace

KeepaliveTimer::KeepaliveTimer(sim::core::Scheduler& scheduler, sim::core::NodeId node,
                               Ipv4Address source, Ipv4Address group, KeepalivePort& port)
    : scheduler_(scheduler),
      source_(source),
      group_(group),
      port_(port),
      keepalive_timer_(scheduler, node, [this] { OnKeepaliveTimerExpired(); }) {}

bool KeepaliveTimer::Set(Duration period, std::string_view why) {
  const bool started = !keepalive_timer_.running();
  keepalive_timer_.Restart(period);
  data_deadline_ = scheduler_.Now() + period;  // "set" overrides what data asked before
  if (started) {
    std::string action = "start " + sim::core::ToString(period);
    if (!why.empty()) action += " (" + std::string(why) + ")";
    Trace(action);
  }
  return started;
}

void KeepaliveTimer::Stop() { keepalive_timer_.Cancel(); }

bool KeepaliveTimer::OnData(Duration period, std::string_view why) {
  if (!keepalive_timer_.running()) return Set(period, why);
  data_deadline_ = scheduler_.Now() + period;
  return false;
}

std::optional<Duration> KeepaliveTimer::expires_in() const {
  if (!keepalive_timer_.running()) return std::nullopt;
  return std::max(*keepalive_timer_.deadline(), data_deadline_) - scheduler_.Now();
}

void KeepaliveTimer::OnKeepaliveTimerExpired() {
  // Data came after the timer was last armed: it runs on, silently, to that data's deadline.
  if (data_deadline_ > scheduler_.Now()) {
    keepalive_timer_.Restart(data_deadline_ - scheduler_.Now());
    return;
  }
  // RFC 7761 §4.1.3: the KAT keeps (S,G) state alive while data flows; its expiry is what lets
  // CouldRegister(S,G) and JoinDesired(S,G) fall, and the (S,G) entry go.
  Trace("expired");
  port_.KeepaliveExpired(source_, group_);
}

void KeepaliveTimer::Trace(std::string_view action) {
  port_.Trace(kTraceKind, TraceFields{{"group", sim::wire::TraceAddress(group_)},
                                      {"source", sim::wire::TraceAddress(source_)},
                                      {"timer", sim::core::TraceValue::Name("KAT")},
                                      {"action", std::string(action)}});  // Set builds it: copied
}

}  // namespace pim
