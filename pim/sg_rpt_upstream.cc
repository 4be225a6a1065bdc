// RFC 7761 §4.5.7, the upstream (S,G,rpt) state machine for triggered messages (redrawn; "-" =
// nothing happens):
//
//   event \ state                   | RPTNotJoined (NJ) | Pruned (P)           | NotPruned (NP)
//   --------------------------------+-------------------+----------------------+--------------------
//   PruneDesired(S,G,rpt) -> True   | -> P              | -                    | -> P; send Prune
//                                   |                   |                      | (S,G,rpt); cancel OT
//   PruneDesired(S,G,rpt) -> False  | -                 | -> NP; send Join     | -
//                                   |                   | (S,G,rpt)            |
//   RPTJoinDesired(G) -> False      | -                 | -> NJ                | -> NJ; cancel OT
//   inherited_olist(S,G,rpt)        | -> NP             | -                    | -
//    -> non-NULL                    |                   |                      |
//   OT expires                      | (not running)     | (not running)        | send Join(S,G,rpt)
//   See Prune(S,G,rpt) to RPF'      | -                 | -                    | OT = min(OT, t_override)
//   See Prune(S,G) to RPF'          | -                 | -                    | OT = min(OT, t_override)
//   See Join(S,G,rpt) to RPF'       | -                 | -                    | cancel OT
//   RPF'(S,G,rpt) -> RPF'(*,G)      | -                 | -                    | OT = min(OT, t_override)
//   (RPF'(S,G,rpt) -> AssertWinner) | (not in the RFC: the state stays; only a trace line)
//
// Every message goes to RPF'(S,G,rpt). A stopped OT counts as infinitely far in "min", so a seen
// Prune starts it. t_override is §4.11's random value, drawn by the caller.
//
// Choices where the RFC leaves room, each also noted at its code:
// - Going from NJ straight to P (PruneDesired) sends nothing: the Prune(S,G,rpt) rides in the
//   Join(*,G) that the (*,G) machine sends at the same instant, by the periodic rule (§4.5.6).
// - An unknown RPF'(S,G,rpt) (unspecified address) gets nothing; the state still changes.
// - Stop() sends nothing: it is for the interface or the router going away.
//
// Trace lines (kind "pim.upstream_rpt"), one per table edge and one when RPF'(S,G,rpt) moves to
// an (S,G) Assert winner: entry, from, event, to, then old_rpf and rpf (the two RPF' moves),
// send, and ot (time left, while it runs). Rendered as in the tests:
//   t=40.000000000 r3 pim.upstream_rpt (10.0.0.1,239.1.1.1,rpt) NotPruned
//       --PruneDesired true--> Pruned send=prune 10.0.23.2
#include "pim/sg_rpt_upstream.h"

#include <utility>

namespace pim {

using sim::core::Duration;
using sim::wire::Ipv4Address;
using State = SgRptUpstreamState;

namespace {

constexpr std::string_view kTraceKind = "pim.upstream_rpt";

}  // namespace

std::string_view ToString(SgRptUpstreamState s) {
  switch (s) {
    case State::kRptNotJoined:
      return "RPTNotJoined";
    case State::kPruned:
      return "Pruned";
    case State::kNotPruned:
      return "NotPruned";
  }
  return "?";
}

SgRptUpstream::SgRptUpstream(sim::core::Scheduler& scheduler, sim::core::NodeId node, JoinKey key,
                             Ipv4Address rpf_neighbor, SgRptUpstreamPort& port)
    : key_(key),
      rpf_(rpf_neighbor),
      port_(port),
      override_timer_(scheduler, node, [this] { OnOverrideTimerExpired(); }) {}

void SgRptUpstream::OnPruneDesired(bool desired) {
  if (desired && state_ == State::kRptNotJoined) {
    // RFC 7761 §4.5.7, RPTNotJoined(G), "PruneDesired(S,G,rpt) -> True": to Pruned(S,G,rpt).
    // Therefore nothing is sent here: the periodic rule puts the Prune(S,G,rpt) in the Join(*,G).
    TransitionTo(State::kPruned, "PruneDesired true");
  } else if (desired && state_ == State::kNotPruned) {
    // NotPruned(S,G,rpt): "Send Prune(S,G,rpt); Cancel OT". The switch to the SPT lands here.
    override_timer_.Cancel();
    TransitionTo(State::kPruned, "PruneDesired true", SendText("prune"));
    if (!rpf_.is_unspecified()) port_.SendPrune(key_, rpf_);
  } else if (!desired && state_ == State::kPruned) {
    // Pruned(S,G,rpt), "PruneDesired(S,G,rpt) -> False": "Send Join(S,G,rpt)", so that S's
    // traffic comes down the shared tree again.
    TransitionTo(State::kNotPruned, "PruneDesired false", SendText("join"));
    if (!rpf_.is_unspecified()) port_.SendJoin(key_, rpf_);
  }
}

void SgRptUpstream::OnRptJoinDesiredFalse() {
  // RFC 7761 §4.5.7, Pruned and NotPruned, "RPTJoinDesired(G) -> False": to RPTNotJoined(G);
  // NotPruned also cancels the OT. Off the shared tree there is nothing to prune or join.
  if (state_ == State::kRptNotJoined) return;
  override_timer_.Cancel();
  TransitionTo(State::kRptNotJoined, "RPTJoinDesired false");
}

void SgRptUpstream::OnInheritedOlistNonEmpty() {
  // RFC 7761 §4.5.7, RPTNotJoined(G), "inherited_olist(S,G,rpt) -> non-NULL": to NotPruned.
  if (state_ == State::kRptNotJoined) TransitionTo(State::kNotPruned, "inherited_olist non-empty");
}

void SgRptUpstream::OnPruneSeen(std::string_view what, Duration t_override) {
  // RFC 7761 §4.5.7, NotPruned, "See Prune(S,G,rpt) to RPF'(S,G,rpt)" and "See Prune(S,G) to
  // RPF'(S,G,rpt)": "OT = min(OT, t_override)". Another router would cut S off the shared tree
  // upstream while this one still needs it there.
  if (state_ != State::kNotPruned) return;
  LowerOverrideTimer("see " + std::string(what), t_override);
}

void SgRptUpstream::OnJoinSeen() {
  // RFC 7761 §4.5.7, NotPruned, "See Join(S,G,rpt) to RPF'(S,G,rpt)": "Cancel OT". Another
  // router's override already reached RPF'; this one need not repeat it.
  if (state_ != State::kNotPruned || !override_timer_.running()) return;
  override_timer_.Cancel();
  TransitionTo(State::kNotPruned, "see Join(S,G,rpt)");
}

void SgRptUpstream::OnRpfBecameStarGRpf(Ipv4Address star_g_rpf, Duration t_override) {
  // RFC 7761 §4.5.7, NotPruned, "RPF'(S,G,rpt) -> RPF'(*,G)": "OT = min(OT, t_override)". The
  // new RPF' may hold a Prune(S,G,rpt) from the time it was not ours.
  if (star_g_rpf == rpf_) return;
  const Ipv4Address old = std::exchange(rpf_, star_g_rpf);
  if (state_ != State::kNotPruned) return;
  LowerOverrideTimer("RPF'(S,G,rpt) -> RPF'(*,G)", t_override,
                     {{"old_rpf", sim::wire::ToString(old)},
                      {"rpf", sim::wire::ToString(star_g_rpf)}});
}

void SgRptUpstream::OnRpfBecameAssertWinner(Ipv4Address winner) {
  // The messages from here on go to the winner; only the trace marks the move, in any state.
  if (winner == rpf_) return;
  const Ipv4Address old = std::exchange(rpf_, winner);
  TransitionTo(state_, "RPF'(S,G,rpt) -> AssertWinner(S,G)",
               {}, {{"old_rpf", sim::wire::ToString(old)}, {"rpf", sim::wire::ToString(winner)}});
}

void SgRptUpstream::LowerOverrideTimer(std::string_view event, Duration t_override,
                                       TraceFields extra) {
  if (!override_timer_.running() || override_timer_.remaining() > t_override) {
    override_timer_.Restart(t_override);
  }
  TransitionTo(State::kNotPruned, event, {}, std::move(extra));
}

void SgRptUpstream::OnOverrideTimerExpired() {
  // RFC 7761 §4.5.7, NotPruned, "Override Timer expires": "Send Join(S,G,rpt) to
  // RPF'(S,G,rpt); Leave OT unset".
  TransitionTo(State::kNotPruned, "OT expires", SendText("join"));
  if (!rpf_.is_unspecified()) port_.SendJoin(key_, rpf_);
}

void SgRptUpstream::Stop() {
  override_timer_.Cancel();
  if (state_ != State::kRptNotJoined) TransitionTo(State::kRptNotJoined, "stop");
}

std::optional<Duration> SgRptUpstream::override_in() const {
  if (!override_timer_.running()) return std::nullopt;
  return override_timer_.remaining();
}

std::string SgRptUpstream::SendText(std::string_view what) const {
  if (rpf_.is_unspecified()) return {};
  return std::string(what) + " " + sim::wire::ToString(rpf_);
}

void SgRptUpstream::TransitionTo(State next, std::string_view event, std::string send,
                                 TraceFields extra) {
  TraceFields fields = EdgeFields(TraceRptEntry(key_), ToString(state_), std::string(event), ToString(next));
  state_ = next;
  for (auto& f : extra) fields.push_back(std::move(f));
  if (!send.empty()) fields.emplace_back("send", std::move(send));
  if (const auto ot = override_in()) fields.emplace_back("ot", *ot);
  port_.Trace(kTraceKind, std::move(fields));
}

}  // namespace pim
