// RFC 7761 §4.5.3, the downstream per-interface (S,G,rpt) state machine (redrawn; "-" = nothing
// happens; P' = PruneTmp, PP' = Prune-Pending-Tmp):
//
//   event \ state    | NoInfo (NI)     | Pruned (P)     | Prune-Pending  | P'             | PP'
//   -----------------+-----------------+----------------+----------------+----------------+-------------
//   Receive Join(*,G)| -               | -> P'          | -> PP'         | -              | -
//   Receive          | -               | -> NI          | -> NI          | -              | -
//    Join(S,G,rpt)   |                 | [notify]       |                |                |
//   Receive          | -> PP; start    | -> P;          | -              | -> P;          | -> PP;
//    Prune(S,G,rpt)  | PPT, ET=HoldTime| ET=max(ET,HT)  |                | ET=max(ET,HT)  | ET=max(ET,HT)
//   PPT expires      | (not running)   | (not running)  | -> P [notify]  | (*)            | (*)
//   ET expires       | (not running)   | -> NI [notify] | -> NI          | (*)            | (*)
//   End of Message   | -               | -              | -              | -> NI; cancel  | -> NI; cancel
//                    |                 |                |                | ET [notify]    | ET and PPT
//
// PPT = J/P_Override_Interval(I) with more than one neighbor on I, zero otherwise. "notify" is
// SgRptDownstreamPort::PrunedChanged: prunes(S,G,rpt) holds the Pruned and PruneTmp interfaces.
// (*) The temporary states last only while one message is processed, inside one call chain, so
// no timer can fire in them.
//
// Choices where the RFC leaves room, each also noted at its code:
// - A zero PPT expires inside OnPruneReceived: the trace shows NI -> PP -> P at one instant.
// - A Prune(S,G,rpt) in Prune-Pending changes nothing, not even the ET: the override window and
//   the prune's lifetime count from the first Prune; the periodic repeat lands in Pruned.
// - A Join(S,G,rpt) in a temporary state is left to End of Message, which gives NoInfo anyway.
// - HoldTime 0xffff (kHoldForever) stops the ET and holds the prune until a Join(S,G,rpt) or a
//   Join(*,G) without the prune.
// - Stop() (interface down) returns to NoInfo without notifying, like DownstreamJoin::Stop.
//
// Trace lines (kind "pim.downstream_rpt"), one per table edge: entry, from, event, to, then et
// (time left, "forever" for 0xffff, absent in NoInfo) and ppt (while it runs). Rendered as in the
// tests:
//   t=12.000000000 r1 eth1 pim.downstream_rpt (10.0.0.1,239.1.1.1,rpt) NoInfo
//       --receive Prune(S,G,rpt)--> PrunePending et=210s ppt=3s
#include "pim/sg_rpt_downstream.h"

#include <string>
#include <utility>

#include "pim/join_timers.h"

namespace pim {

using sim::core::Duration;
using State = SgRptDownstreamState;

namespace {

constexpr std::string_view kTraceKind = "pim.downstream_rpt";
constexpr std::string_view kReceiveStarGJoin = "receive Join(*,G)";
constexpr std::string_view kReceiveJoin = "receive Join(S,G,rpt)";
constexpr std::string_view kReceivePrune = "receive Prune(S,G,rpt)";

}  // namespace

std::string_view ToString(SgRptDownstreamState s) {
  switch (s) {
    case State::kNoInfo:
      return "NoInfo";
    case State::kPruned:
      return "Pruned";
    case State::kPrunePending:
      return "PrunePending";
    case State::kPruneTmp:
      return "PruneTmp";
    case State::kPrunePendingTmp:
      return "PrunePendingTmp";
  }
  return "?";
}

SgRptDownstream::SgRptDownstream(sim::core::Scheduler& scheduler, sim::core::NodeId node,
                                 JoinKey key, SgRptDownstreamPort& port)
    : scheduler_(scheduler),
      key_(key),
      port_(port),
      expiry_timer_(scheduler, node, [this] { OnExpiryTimerExpired(); }),
      prune_pending_timer_(scheduler, node, [this] { OnPrunePendingTimerExpired(); }) {}

void SgRptDownstream::OnStarGJoinReceived() {
  // RFC 7761 §4.5.3, Prune and Prune-Pending, "Receive Join(*,G)": the machine moves to the
  // temporary state "whilst the remainder of the compound Join/Prune message containing the
  // Join(*,G) is processed". Nothing changes for forwarding: PruneTmp is still in prunes.
  if (state_ == State::kPruned) {
    TransitionTo(State::kPruneTmp, kReceiveStarGJoin);
  } else if (state_ == State::kPrunePending) {
    TransitionTo(State::kPrunePendingTmp, kReceiveStarGJoin);
  }
}

void SgRptDownstream::OnJoinReceived() {
  // RFC 7761 §4.5.3, Prune and Prune-Pending, "Receive Join(S,G,rpt)": to NoInfo; the ET and
  // the PPT are cancelled. In the temporary states End of Message does the same.
  if (state_ == State::kPruned || state_ == State::kPrunePending) EndPruneState(kReceiveJoin);
}

void SgRptDownstream::OnPruneReceived(Duration holdtime, Duration jp_override_interval,
                                      std::size_t neighbor_count) {
  switch (state_) {
    case State::kNoInfo: {
      // RFC 7761 §4.5.3, NoInfo: to Prune-Pending; "The Prune-Pending Timer is started; it is
      // set to the J/P_Override_Interval(I) if the router has more than one neighbor on that
      // interface; otherwise, it is set to zero, causing it to expire immediately. The Expiry
      // Timer (ET) is started and set to the HoldTime from the triggering Join/Prune message."
      const Duration ppt = neighbor_count > 1 ? jp_override_interval : Duration::Zero();
      RaiseExpiryTimer(holdtime);
      if (ppt > Duration::Zero()) prune_pending_timer_.Restart(ppt);
      TransitionTo(State::kPrunePending, kReceivePrune);
      // Therefore: a zero PPT expires here and now, before the caller goes on with the message.
      if (ppt == Duration::Zero()) OnPrunePendingTimerExpired();
      return;
    }
    case State::kPruned:
    case State::kPruneTmp:
      // Pruned stays, PruneTmp goes back to Pruned; "The Expiry Timer (ET) is restarted and is
      // then set to the maximum of its current value and the HoldTime".
      RaiseExpiryTimer(holdtime);
      TransitionTo(State::kPruned, kReceivePrune);
      return;
    case State::kPrunePendingTmp:
      // Back to Prune-Pending, with the same ET rule; the PPT runs on.
      RaiseExpiryTimer(holdtime);
      TransitionTo(State::kPrunePending, kReceivePrune);
      return;
    case State::kPrunePending:
      // Therefore "-": the override window counts from the first Prune (see the file comment).
      return;
  }
}

void SgRptDownstream::OnEndOfMessage() {
  // RFC 7761 §4.5.3, PruneTmp and Prune-Pending-Tmp, "End of Message": to NoInfo, cancelling
  // the ET (and the PPT): the Join(*,G) came without the Prune(S,G,rpt) that would keep it.
  if (state_ == State::kPruneTmp || state_ == State::kPrunePendingTmp) {
    EndPruneState("End of Message");
  }
}

void SgRptDownstream::OnPrunePendingTimerExpired() {
  // RFC 7761 §4.5.3, Prune-Pending, "PPT expires": to Pruned. No downstream router overrode the
  // prune, so S leaves this interface's shared-tree olist now.
  TransitionTo(State::kPruned, "PPT expires");
  port_.PrunedChanged(key_, true);
}

void SgRptDownstream::OnExpiryTimerExpired() {
  // RFC 7761 §4.5.3, Pruned and Prune-Pending, "ET expires": to NoInfo.
  EndPruneState("ET expires");
}

void SgRptDownstream::Stop() {
  if (state_ == State::kNoInfo) return;
  // Therefore no notification: the caller takes the interface down and knows.
  CancelTimersTo(State::kNoInfo, "stop");
}

void SgRptDownstream::EndPruneState(std::string_view event) {
  const bool was_pruned = pruned();
  CancelTimersTo(State::kNoInfo, event);
  if (was_pruned) port_.PrunedChanged(key_, false);
}

void SgRptDownstream::CancelTimersTo(State next, std::string_view event) {
  expiry_timer_.Cancel();
  prune_pending_timer_.Cancel();
  held_forever_ = false;
  TransitionTo(next, event);
}

void SgRptDownstream::RaiseExpiryTimer(Duration holdtime) {
  if (held_forever_) return;
  if (holdtime == kHoldForever) {
    held_forever_ = true;
    expiry_timer_.Cancel();
    return;
  }
  RestartIfLater(expiry_timer_, holdtime);
}

std::optional<Duration> SgRptDownstream::expiry_in() const {
  if (state_ == State::kNoInfo) return std::nullopt;
  return held_forever_ ? kHoldForever : expiry_timer_.remaining();
}

std::optional<Duration> SgRptDownstream::prune_pending_in() const {
  if (state_ != State::kPrunePending && state_ != State::kPrunePendingTmp) return std::nullopt;
  return prune_pending_timer_.remaining();
}

void SgRptDownstream::TransitionTo(State next, std::string_view event) {
  TraceFields fields = EdgeFields(TraceRptEntry(key_), ToString(state_), std::string(event), ToString(next));
  state_ = next;
  if (const auto et = expiry_in()) fields.emplace_back("et", HoldtimeValue(*et));
  if (const auto ppt = prune_pending_in()) fields.emplace_back("ppt", *ppt);
  port_.Trace(kTraceKind, std::move(fields));
}

}  // namespace pim
