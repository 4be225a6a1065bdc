// The (S,G) Keepalive Timer, KAT(S,G) (RFC 7761 §4.1.3, periods in §4.11), as a tiny class
// of its own: the DR's CouldRegister(S,G), the RP's Register handling (§4.4.2), and
// JoinDesired(S,G) (§4.5.7) all read whether it runs, so it belongs to none of their machines.
//
// The data-forwarding rules (§4.2) and the RP (§4.4.2) "set KeepaliveTimer(S,G) to" a period;
// Set does that and reports whether the timer was stopped before, since a start is an edge the
// glue must pass on (CouldRegister(S,G) -> True at the DR, JoinDesired(S,G) at the RP). On
// expiry the port hears KeepaliveExpired(S, G): the glue then re-evaluates CouldRegister and
// JoinDesired and deletes the (S,G) entry if nothing else holds it (no (S,G) Join state, no
// local members). Only starts and expiries are traced: a restart on every data packet would
// flood the trace.
//
// Data sets the timer on every packet, so the per-packet path uses OnData instead of Set: it
// only moves a deadline, and the timer, when it fires before that deadline, re-arms itself for
// the rest. The timer still runs out exactly Keepalive_Period after the last packet, at the cost
// of one scheduler event per period rather than one per packet.
#ifndef MCASTLAB_PIM_KEEPALIVE_TIMER_H_
#define MCASTLAB_PIM_KEEPALIVE_TIMER_H_

#include <optional>
#include <string_view>

#include "pim/trace_fields.h"
#include "sim/core/scheduler.h"
#include "sim/core/time.h"
#include "sim/core/timer.h"
#include "sim/wire/ipv4_address.h"

namespace pim {

class KeepalivePort {
 public:
  virtual ~KeepalivePort() = default;
  // KAT(S,G) ran out: no (S,G) data for its whole period.
  virtual void KeepaliveExpired(sim::wire::Ipv4Address source, sim::wire::Ipv4Address group) = 0;
  // One events.jsonl line (kind "pim.keepalive").
  virtual void Trace(std::string_view kind, TraceFields fields) = 0;
};

class KeepaliveTimer {
 public:
  // Starts stopped. `port` must outlive the timer.
  KeepaliveTimer(sim::core::Scheduler& scheduler, sim::core::NodeId node,
                 sim::wire::Ipv4Address source, sim::wire::Ipv4Address group, KeepalivePort& port);
  KeepaliveTimer(const KeepaliveTimer&) = delete;
  KeepaliveTimer& operator=(const KeepaliveTimer&) = delete;

  // "set KeepaliveTimer(S,G) to `period`": (re)starts it, always from now (a shorter period
  // than the time left shortens it, as the RFC's "set" says). Returns true when the timer was
  // stopped before (a start, traced), false for a restart (silent).
  bool Set(sim::core::Duration period, std::string_view why = {});
  // Stops it without calling KeepaliveExpired (the (S,G) entry is being deleted anyway).
  void Stop();
  // Data arrived: "set KeepaliveTimer(S,G) to `period`" without rescheduling anything while the
  // timer runs. Starts it (traced, as Set) when it is stopped; returns true then.
  bool OnData(sim::core::Duration period, std::string_view why = {});

  bool running() const { return keepalive_timer_.running(); }
  // Time left; empty when stopped.
  std::optional<sim::core::Duration> expires_in() const;

 private:
  void OnKeepaliveTimerExpired();
  // One "pim.keepalive" line: "start 210s (why)" or "expired".
  void Trace(std::string_view action);

  sim::core::Scheduler& scheduler_;
  sim::wire::Ipv4Address source_;
  sim::wire::Ipv4Address group_;
  KeepalivePort& port_;
  // Where the last data put the deadline; the timer itself may be set earlier.
  sim::core::Time data_deadline_;
  // RFC 7761 §4.1.3 KeepaliveTimer(S,G): Keepalive_Period (§4.11, 210 s) on data, or
  // max(Keepalive_Period, RP_Keepalive_Period) at an RP that sent a Register-Stop.
  sim::core::Timer keepalive_timer_;
};

}  // namespace pim

#endif  // MCASTLAB_PIM_KEEPALIVE_TIMER_H_
