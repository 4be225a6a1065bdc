// The downstream per-interface Join/Prune state of one (*,G) or (S,G) entry on one interface
// (RFC 7761 §4.5.1 "Receiving (*,G) Join/Prune Messages", §4.5.2 "Receiving (S,G) Join/Prune
// Messages": the same machine, keyed by JoinKey). The table is at the top of downstream_join.cc.
//
// A Join addressed to this router puts the interface in Join state and keeps it there for the
// message's HoldTime (Expiry Timer, ET). A Prune starts the Prune-Pending Timer (PPT): for the
// J/P Override Interval on a LAN, so that another downstream router can override it with a Join,
// and for zero when this router has only one neighbor on the interface, so the prune takes
// effect at once. Join and Prune-Pending both count as joined for forwarding.
//
// The caller has already checked the Upstream Neighbor Address (this router's address on the
// interface) and, for (*,G), the RP in the message; it owns the olist and the neighbor table.
#ifndef MCASTLAB_PIM_DOWNSTREAM_JOIN_H_
#define MCASTLAB_PIM_DOWNSTREAM_JOIN_H_

#include <cstddef>
#include <optional>
#include <string_view>

#include "pim/join_ports.h"
#include "sim/core/scheduler.h"
#include "sim/core/time.h"
#include "sim/core/timer.h"

namespace pim {

// RFC 7761 §4.5.1: "NoInfo (NI)", "Join (J)", "Prune-Pending (PP)".
enum class DownstreamJoinState { kNoInfo, kJoin, kPrunePending };

// "NoInfo", "Join", "PrunePending".
std::string_view ToString(DownstreamJoinState s);

class DownstreamJoin {
 public:
  // Starts in NoInfo. Port calls come last in every handler; do not destroy the machine from
  // inside one (schedule the removal of a NoInfo record instead).
  DownstreamJoin(sim::core::Scheduler& scheduler, sim::core::NodeId node, JoinKey key,
                 DownstreamJoinPort& port);
  DownstreamJoin(const DownstreamJoin&) = delete;
  DownstreamJoin& operator=(const DownstreamJoin&) = delete;

  // RFC "Receive Join(*,G)" / "Receive Join(S,G)". `holdtime` is the message's HoldTime, or
  // kHoldForever for 0xffff.
  void OnJoinReceived(sim::core::Duration holdtime);
  // RFC "Receive Prune(*,G)" / "Receive Prune(S,G)". `jp_override_interval` is
  // J/P_Override_Interval(I) (§4.3.3) and `neighbor_count` the number of PIM neighbors on the
  // interface now; with one neighbor or none the PPT is zero and expires before this returns.
  void OnPruneReceived(sim::core::Duration jp_override_interval, std::size_t neighbor_count);
  // Interface down or PIM stopped on it: back to NoInfo with both timers cancelled. Sends
  // nothing and does not call StateChanged (the caller knows).
  void Stop();

  DownstreamJoinState state() const { return state_; }
  // In joins(*,G) / joins(S,G): Join or Prune-Pending (§4.1.6).
  bool joined() const { return state_ != DownstreamJoinState::kNoInfo; }
  const JoinKey& key() const { return key_; }
  // When the interface last left NoInfo ("uptime" starts here).
  sim::core::Time since() const { return since_; }
  // Time left on the ET; kHoldForever while a 0xffff HoldTime holds the state; empty in NoInfo.
  std::optional<sim::core::Duration> expiry_in() const;
  // Time left on the PPT; empty outside Prune-Pending.
  std::optional<sim::core::Duration> prune_pending_in() const;

 private:
  void OnExpiryTimerExpired();
  void OnPrunePendingTimerExpired();
  // "The Expiry Timer is restarted and is then set to the maximum of its current value and the
  // HoldTime"; from NoInfo (timer stopped) this is "started and set to the HoldTime".
  void ExtendExpiryTimer(sim::core::Duration holdtime);
  // Cancels both timers and goes to NoInfo; the caller then makes its port calls.
  void EndJoinState(std::string_view event, std::string_view action = {});
  // The only writer of state_; traces one "pim.downstream" line.
  void TransitionTo(DownstreamJoinState next, std::string_view event, std::string_view action = {});

  sim::core::Scheduler& scheduler_;
  JoinKey key_;
  DownstreamJoinPort& port_;
  DownstreamJoinState state_ = DownstreamJoinState::kNoInfo;
  sim::core::Time since_;
  // A Join with HoldTime 0xffff was received: the ET is stopped and the state held.
  bool held_forever_ = false;
  // The interface had more than one neighbor when the Prune came: PruneEcho on PPT expiry.
  bool echo_on_expiry_ = false;
  // RFC 7761 §4.5.1 "Expiry Timer (ET)", ET(*,G,I) / ET(S,G,I): the HoldTime of the Joins.
  sim::core::Timer expiry_timer_;
  // RFC 7761 §4.5.1 "Prune-Pending Timer (PPT)", PPT(*,G,I) / PPT(S,G,I):
  // J/P_Override_Interval(I) on a LAN, zero otherwise.
  sim::core::Timer prune_pending_timer_;
};

}  // namespace pim

#endif  // MCASTLAB_PIM_DOWNSTREAM_JOIN_H_
