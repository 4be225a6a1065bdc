// RFC 7761 §4.5.1 (*,G) and §4.5.2 (S,G), the downstream per-interface state machine (the two
// tables are the same; redrawn, "-" = nothing happens):
//
//   event \ state   | NoInfo (NI)            | Join (J)                 | Prune-Pending (PP)
//   ----------------+------------------------+--------------------------+------------------------
//   Receive Join    | -> J                   | -> J                     | -> J
//                   | start ET = HoldTime    | ET = max(ET, HoldTime)   | cancel PPT,
//                   | [notify joined]        |                          | ET = max(ET, HoldTime)
//   Receive Prune   | -                      | -> PP                    | -
//                   |                        | start PPT                |
//   PPT expires     | (PPT not running)      | (PPT not running)        | -> NI [notify pruned]
//                   |                        |                          | PruneEcho if > 1 neighbor
//   ET expires      | (ET not running)       | -> NI [notify pruned]    | -> NI [notify pruned]
//
// PPT = J/P_Override_Interval(I) with more than one neighbor on I, zero otherwise. "notify" is
// DownstreamJoinPort::StateChanged: NoInfo is the only state outside joins(*,G) / joins(S,G).
//
// Choices where the RFC leaves room, each also noted at its code:
// - A zero PPT expires inside OnPruneReceived, not through the scheduler: "set to zero, causing
//   it to expire immediately". The glue sees NoInfo (and StateChanged) before the call returns,
//   and the trace shows both edges (J -> PP, PP -> NI) at the same instant.
// - "More than one neighbor" is read once, when the Prune arrives, and decides both the PPT and
//   the PruneEcho at its expiry: the RFC lets the echo go unsent on "an interface that contains
//   only a single PIM neighbor during the time this state machine was in Prune-Pending state".
// - A second Prune in Prune-Pending does not restart the PPT (the table's "-"): the override
//   window counts from the first Prune, and repeated Prunes cannot keep the state alive.
// - A Prune's HoldTime is not taken: neither table uses it (only (S,G,rpt), §4.5.3, does).
// - HoldTime 0xffff (kHoldForever, §4.9.5) stops the ET and holds the state until a Prune; a
//   later finite HoldTime does not shorten it (the max rule).
// - ET expiry in Prune-Pending sends no PruneEcho: the echo belongs to the PPT edge only.
// - Stop() (interface down) returns to NoInfo without notifying, like igmp::RouterGroup::Stop.
//
// Trace lines (kind "pim.downstream"), one per table edge, fields in this order: entry, from,
// event, to, then et (time left, "forever" for 0xffff, absent in NoInfo), ppt (in
// Prune-Pending) and action. Rendered as in the tests:
//   t=12.000000000 r1 eth1 pim.downstream (*,239.1.1.1) Join --receive Prune--> PrunePending
//       et=198s ppt=3s
//   t=15.000000000 r1 eth1 pim.downstream (*,239.1.1.1) PrunePending --PPT expires--> NoInfo
//       action=send PruneEcho
#include "pim/downstream_join.h"

#include <string>
#include <utility>

#include "pim/join_timers.h"

namespace pim {

using sim::core::Duration;

namespace {

constexpr std::string_view kTraceKind = "pim.downstream";
constexpr std::string_view kReceiveJoin = "receive Join";
constexpr std::string_view kReceivePrune = "receive Prune";

}  // namespace

std::string_view ToString(DownstreamJoinState s) {
  switch (s) {
    case DownstreamJoinState::kNoInfo:
      return "NoInfo";
    case DownstreamJoinState::kJoin:
      return "Join";
    case DownstreamJoinState::kPrunePending:
      return "PrunePending";
  }
  return "?";
}

DownstreamJoin::DownstreamJoin(sim::core::Scheduler& scheduler, sim::core::NodeId node, JoinKey key,
                               DownstreamJoinPort& port)
    : scheduler_(scheduler),
      key_(key),
      port_(port),
      expiry_timer_(scheduler, node, [this] { OnExpiryTimerExpired(); }),
      prune_pending_timer_(scheduler, node, [this] { OnPrunePendingTimerExpired(); }) {}

void DownstreamJoin::OnJoinReceived(Duration holdtime) {
  if (state_ == DownstreamJoinState::kNoInfo) {
    // RFC 7761 §4.5.1, NoInfo: "The (*,G) downstream state machine on interface I transitions
    // to the Join state. The Expiry Timer (ET) is started and set to the HoldTime from the
    // triggering Join/Prune message."
    since_ = scheduler_.Now();
    ExtendExpiryTimer(holdtime);
    TransitionTo(DownstreamJoinState::kJoin, kReceiveJoin);
    port_.StateChanged(key_, true);
    return;
  }
  // Join: "remains in Join state, and the Expiry Timer (ET) is restarted, set to maximum of its
  // current value and the HoldTime from the triggering Join/Prune message."
  // Prune-Pending: "transitions back to the Join state. The Prune-Pending Timer is canceled
  // (without triggering an expiry event). The Expiry Timer is restarted and is then set to the
  // maximum of its current value and the HoldTime from the triggering Join/Prune message."
  // Therefore: the same steps in both (the PPT is not running in Join), and no notification,
  // since both states forward.
  prune_pending_timer_.Cancel();
  ExtendExpiryTimer(holdtime);
  TransitionTo(DownstreamJoinState::kJoin, kReceiveJoin);
}

void DownstreamJoin::ExtendExpiryTimer(Duration holdtime) {
  // RFC 7761 §4.9.5: HoldTime 0xffff: "hold the state until canceled by the appropriate
  // canceling Join/Prune message". Therefore: the ET stops, and stays stopped (it is the max).
  if (held_forever_) return;
  if (holdtime == kHoldForever) {
    held_forever_ = true;
    expiry_timer_.Cancel();
    return;
  }
  RestartIfLater(expiry_timer_, holdtime);
}

void DownstreamJoin::OnPruneReceived(Duration jp_override_interval, std::size_t neighbor_count) {
  // RFC 7761 §4.5.1: NoInfo and Prune-Pending have no "Receive Prune" action ("-"). In
  // Prune-Pending the PPT keeps running: the override window counts from the first Prune.
  if (state_ != DownstreamJoinState::kJoin) return;
  // RFC 7761 §4.5.1, Join: "The Prune-Pending Timer is started. It is set to the
  // J/P_Override_Interval(I) if the router has more than one neighbor on that interface;
  // otherwise, it is set to zero, causing it to expire immediately."
  echo_on_expiry_ = neighbor_count > 1;
  const Duration ppt = echo_on_expiry_ ? jp_override_interval : Duration::Zero();
  if (ppt > Duration::Zero()) prune_pending_timer_.Restart(ppt);
  TransitionTo(DownstreamJoinState::kPrunePending, kReceivePrune);
  // Therefore: a zero PPT expires here and now, before the caller goes on with the message.
  if (ppt == Duration::Zero()) OnPrunePendingTimerExpired();
}

void DownstreamJoin::OnPrunePendingTimerExpired() {
  // RFC 7761 §4.5.1, Prune-Pending: "The (*,G) downstream state machine on interface I
  // transitions to the NoInfo state. A PruneEcho(*,G) is sent onto the subnet connected to
  // interface I if it has more than one PIM neighbor."
  const bool echo = echo_on_expiry_;
  EndJoinState("PPT expires", echo ? "send PruneEcho" : "");
  if (echo) port_.SendPruneEcho(key_);
  port_.StateChanged(key_, false);
}

void DownstreamJoin::OnExpiryTimerExpired() {
  // RFC 7761 §4.5.1, Join and Prune-Pending: "The Expiry Timer for the (*,G) downstream state
  // machine on interface I expires. The (*,G) downstream state machine on interface I
  // transitions to the NoInfo state." No PruneEcho: that is the PPT edge's only.
  EndJoinState("ET expires");
  port_.StateChanged(key_, false);
}

void DownstreamJoin::Stop() {
  if (state_ == DownstreamJoinState::kNoInfo) return;
  EndJoinState("stop");
}

void DownstreamJoin::EndJoinState(std::string_view event, std::string_view action) {
  expiry_timer_.Cancel();
  prune_pending_timer_.Cancel();
  held_forever_ = false;
  echo_on_expiry_ = false;
  TransitionTo(DownstreamJoinState::kNoInfo, event, action);
}

std::optional<Duration> DownstreamJoin::expiry_in() const {
  if (state_ == DownstreamJoinState::kNoInfo) return std::nullopt;
  return held_forever_ ? kHoldForever : expiry_timer_.remaining();
}

std::optional<Duration> DownstreamJoin::prune_pending_in() const {
  if (state_ != DownstreamJoinState::kPrunePending) return std::nullopt;
  return prune_pending_timer_.remaining();
}

void DownstreamJoin::TransitionTo(DownstreamJoinState next, std::string_view event,
                                  std::string_view action) {
  // Every event and action here is a name in the code (the callers pass literals).
  TraceFields fields = EdgeFields(TraceEntry(key_), ToString(state_), sim::core::TraceValue::Name(event), ToString(next));
  state_ = next;
  if (const auto et = expiry_in()) fields.emplace_back("et", HoldtimeValue(*et));
  if (const auto ppt = prune_pending_in()) fields.emplace_back("ppt", *ppt);
  if (!action.empty()) fields.emplace_back("action", sim::core::TraceValue::Name(action));
  port_.Trace(kTraceKind, std::move(fields));
}

}  // namespace pim
