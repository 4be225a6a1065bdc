// RFC 7761 §4.5.4 (*,G) and §4.5.5 (S,G), the upstream state machine (the two tables are the
// same but for the extra Prune kinds an (S,G) entry listens to; redrawn, "-" = nothing happens):
//
//   event \ state                 | NotJoined (NJ)              | Joined (J)
//   ------------------------------+-----------------------------+--------------------------------
//   JoinDesired -> True           | -> J; send Join to RPF';    | -
//                                 | JT = t_periodic             |
//   JoinDesired -> False          | -                           | -> NJ; send Prune to RPF';
//                                 |                             | cancel JT
//   JT expires                    | (JT not running)            | send Join to RPF';
//                                 |                             | JT = t_periodic
//   See Join to RPF'              | -                           | JT = max(JT, t_joinsuppress)
//   See Prune to RPF' (*)         | -                           | JT = min(JT, t_override)
//   RPF' changes due to Assert    | (new RPF' remembered)       | JT = min(JT, t_override)
//   RPF' changes, not by Assert   | (new RPF' remembered)       | send Join to new RPF', Prune
//                                 |                             | to old; JT = t_periodic
//   RPF' GenID changes            | -                           | JT = min(JT, t_override)
//
// (*) For (S,G) also See Prune(S,G,rpt) and See Prune(*,G) to RPF'(S,G), with the same action.
// t_joinsuppress = min(t_suppressed, HoldTime of the Join seen); t_suppressed and t_override
// are §4.11's random values, from the caller. Every Joined row stays in Joined.
//
// Choices where the RFC leaves room, each also noted at its code:
// - An unknown RPF' (unspecified address) gets nothing: the state and the JT run as the table
//   says, and the Join goes out when RPF' becomes known (the "RPF' changes" edge). Nor does a
//   neighbor the port says is unreachable (its link went down): after a link failure the
//   Prune to the old RPF' goes only if the old neighbor is on a link that is still up.
// - An "RPF' change" to the address already held is no event; in NotJoined the new address is
//   only remembered, since that state has no RPF' edges.
// - The Join at JT expiry is traced "override" when the JT was last lowered to t_override and
//   "periodic" otherwise; a suppression raise after an override lowering cancels the override
//   (another router's Join already did it).
// - Stop() sends no Prune: it is for the interface or the router going away.
//
// Trace lines (kind "pim.upstream"), one per table edge, fields in this order: entry, from,
// event, to, then old_rpf and rpf (RPF' edges), send, why, and jt (time left, in Joined).
// Rendered as in the tests (durations in sim::core::ToString form):
//   t=60.000000000 r2 pim.upstream (*,239.1.1.1) Joined --JT expires--> Joined
//       send=join 10.0.0.1 why=periodic jt=1min
//   t=61.200000000 r2 pim.upstream (*,239.1.1.1) Joined --see Prune--> Joined why=override jt=1.8s
#include "pim/upstream_join.h"

#include <algorithm>
#include <utility>

#include "pim/join_timers.h"

namespace pim {

using sim::core::Duration;
using sim::wire::Ipv4Address;

namespace {

constexpr std::string_view kTraceKind = "pim.upstream";
// Why a Join or Prune went out, or why the JT moved (the "why" field).
constexpr std::string_view kWhyJoined = "joined";
constexpr std::string_view kWhyPruned = "pruned";
constexpr std::string_view kWhyPeriodic = "periodic";
constexpr std::string_view kWhySuppressed = "suppressed";
constexpr std::string_view kWhyOverride = "override";
constexpr std::string_view kWhyRpfChange = "rpf change";

}  // namespace

std::string_view ToString(UpstreamJoinState s) {
  return s == UpstreamJoinState::kJoined ? "Joined" : "NotJoined";
}

UpstreamJoin::UpstreamJoin(sim::core::Scheduler& scheduler, sim::core::NodeId node, JoinKey key,
                           const Config& config, Ipv4Address rpf_neighbor, UpstreamJoinPort& port,
                           TSuppressedFn t_suppressed)
    : scheduler_(scheduler),
      key_(key),
      config_(config),
      rpf_(rpf_neighbor),
      port_(port),
      t_suppressed_(std::move(t_suppressed)),
      join_timer_(scheduler, node, [this] { OnJoinTimerExpired(); }) {}

void UpstreamJoin::OnJoinDesired(bool desired) {
  if (desired && state_ == UpstreamJoinState::kNotJoined) {
    // RFC 7761 §4.5.4, NotJoined, "JoinDesired(*,G) becomes True": "The upstream (*,G) state
    // machine transitions to the Joined state. Send Join(*,G) to the appropriate upstream
    // neighbor, which is RPF'(*,G). Set the Join Timer (JT) to expire after t_periodic seconds."
    since_ = scheduler_.Now();
    override_pending_ = false;
    join_timer_.Restart(config_.join_prune_period);
    TransitionTo(UpstreamJoinState::kJoined, "JoinDesired true", kWhyJoined,
                 SendValue("join", rpf_));
    SendJoin(rpf_);
  } else if (!desired && state_ == UpstreamJoinState::kJoined) {
    // RFC 7761 §4.5.4, Joined, "JoinDesired(*,G) becomes False": "The upstream (*,G) state
    // machine transitions to the NotJoined state. Send Prune(*,G) to the appropriate upstream
    // neighbor, which is RPF'(*,G). Cancel the Join Timer (JT)."
    join_timer_.Cancel();
    TransitionTo(UpstreamJoinState::kNotJoined, "JoinDesired false", kWhyPruned,
                 SendValue("prune", rpf_));
    SendPrune(rpf_);
  }
}

void UpstreamJoin::OnJoinTimerExpired() {
  // RFC 7761 §4.5.4, Joined, "Timer Expires": "Send Join(*,G) to the appropriate upstream
  // neighbor, which is RPF'(*,G). Restart the Join Timer (JT) to expire after t_periodic
  // seconds."
  const std::string_view why = override_pending_ ? kWhyOverride : kWhyPeriodic;
  override_pending_ = false;
  join_timer_.Restart(config_.join_prune_period);
  TransitionTo(UpstreamJoinState::kJoined, "JT expires", why, SendValue("join", rpf_));
  SendJoin(rpf_);
}

void UpstreamJoin::OnJoinSeen(Duration holdtime) {
  if (state_ != UpstreamJoinState::kJoined) return;
  // RFC 7761 §4.5.4, Joined, "See Join(*,G) to RPF'(*,G)": "Let t_joinsuppress be the minimum
  // of t_suppressed and the HoldTime from the Join/Prune message triggering this event. If the
  // Join Timer is set to expire in less than t_joinsuppress seconds, reset it so that it
  // expires after t_joinsuppress seconds. If the Join Timer is set to expire in more than
  // t_joinsuppress seconds, leave it unchanged."
  // With suppression disabled t_suppressed is 0, so the JT is never raised.
  const Duration t_joinsuppress = std::min(t_suppressed_(), holdtime);
  const bool raised = join_timer_.remaining() < t_joinsuppress;
  if (raised) {
    join_timer_.Restart(t_joinsuppress);
    // Therefore: a Join heard after a Prune override was scheduled already overrode it.
    override_pending_ = false;
  }
  TransitionTo(UpstreamJoinState::kJoined, "see Join", raised ? kWhySuppressed : "");
}

void UpstreamJoin::OnPruneSeen(Duration t_override) {
  if (state_ != UpstreamJoinState::kJoined) return;
  // RFC 7761 §4.5.4, Joined, "See Prune(*,G) to RPF'(*,G)": "As this router is in Joined
  // state, it must override the Prune after a short random interval."
  DecreaseJoinTimer("see Prune", t_override);
}

void UpstreamJoin::OnRpfNeighborGenIdChanged(Duration t_override) {
  if (state_ != UpstreamJoinState::kJoined) return;
  // RFC 7761 §4.5.4, Joined, "RPF'(*,G) GenID changes": "This normally means that this
  // neighbor has lost state, and so the state must be refreshed."
  DecreaseJoinTimer("RPF' GenID changes", t_override);
}

void UpstreamJoin::OnRpfNeighborChangedByAssert(Ipv4Address new_neighbor, Duration t_override) {
  if (new_neighbor == rpf_) return;
  const Ipv4Address old = std::exchange(rpf_, new_neighbor);
  if (state_ != UpstreamJoinState::kJoined) return;
  // RFC 7761 §4.5.4, Joined, "RPF'(*,G) changes due to an Assert": "The upstream (*,G) state
  // machine remains in Joined state. If the Join Timer is set to expire in more than t_override
  // seconds, reset it so that it expires after t_override seconds."
  // Therefore: nothing is sent now; the new RPF' (the Assert winner) hears a Join within
  // t_override, and the old one gets no Prune.
  DecreaseJoinTimer(
      "RPF' changes by Assert", t_override,
      {{"old_rpf", sim::wire::ToString(old)}, {"rpf", sim::wire::ToString(new_neighbor)}});
}

void UpstreamJoin::DecreaseJoinTimer(std::string_view event, Duration t_override,
                                     TraceFields extra) {
  // "If the Join Timer is set to expire in more than t_override seconds, reset it so that it
  // expires after t_override seconds. If the Join Timer is set to expire in less than
  // t_override seconds, leave it unchanged."
  const bool lowered = join_timer_.remaining() > t_override;
  if (lowered) {
    join_timer_.Restart(t_override);
    override_pending_ = true;
  }
  TransitionTo(UpstreamJoinState::kJoined, event, lowered ? kWhyOverride : "", {},
               std::move(extra));
}

void UpstreamJoin::OnRpfNeighborChanged(Ipv4Address new_neighbor) {
  if (new_neighbor == rpf_) return;
  const Ipv4Address old = std::exchange(rpf_, new_neighbor);
  if (state_ != UpstreamJoinState::kJoined) return;
  // RFC 7761 §4.5.4, Joined, "RPF'(*,G) changes not due to an Assert": "Send Join(*,G) to the
  // new upstream neighbor, which is the new value of RPF'(*,G). Send Prune(*,G) to the old
  // upstream neighbor, which is the old value of RPF'(*,G). [...] Set the Join Timer (JT) to
  // expire after t_periodic seconds."
  // The RP address the elided text asks for in that Prune is the glue's, which builds messages.
  override_pending_ = false;
  join_timer_.Restart(config_.join_prune_period);
  // Both messages in one value: "join 10.0.0.2, prune 10.0.0.1", or the one that is sent.
  std::optional<sim::core::TraceValue> send = SendValue("join", new_neighbor);
  if (const auto prune = SendValue("prune", old)) send = send ? send->text() + ", " + prune->text() : *prune;
  TransitionTo(UpstreamJoinState::kJoined, "RPF' changes", kWhyRpfChange, std::move(send),
               {{"old_rpf", sim::wire::ToString(old)}, {"rpf", sim::wire::ToString(new_neighbor)}});
  SendJoin(new_neighbor);
  SendPrune(old);
}

void UpstreamJoin::Stop() {
  join_timer_.Cancel();
  override_pending_ = false;
  if (state_ == UpstreamJoinState::kJoined) TransitionTo(UpstreamJoinState::kNotJoined, "stop");
}

std::optional<Duration> UpstreamJoin::join_timer_in() const {
  if (state_ != UpstreamJoinState::kJoined) return std::nullopt;
  return join_timer_.remaining();
}

bool UpstreamJoin::CanSend(Ipv4Address to) const { return !to.is_unspecified() && port_.Reachable(to); }

std::optional<sim::core::TraceValue> UpstreamJoin::SendValue(std::string_view what, Ipv4Address to) const {
  if (!CanSend(to)) return std::nullopt;
  return sim::core::TraceValue::NamedAddress(what, to.value());
}

void UpstreamJoin::SendJoin(Ipv4Address to) {
  if (CanSend(to)) port_.SendJoin(key_, to);
}

void UpstreamJoin::SendPrune(Ipv4Address to) {
  if (CanSend(to)) port_.SendPrune(key_, to);
}

void UpstreamJoin::TransitionTo(UpstreamJoinState next, std::string_view event,
                                std::string_view why, std::optional<sim::core::TraceValue> send,
                                TraceFields extra) {
  // Every event and reason here is a name in the code (literals and the kWhy constants).
  TraceFields fields = EdgeFields(TraceEntry(key_), ToString(state_), sim::core::TraceValue::Name(event), ToString(next));
  state_ = next;
  for (auto& f : extra) fields.push_back(std::move(f));
  if (send) fields.emplace_back("send", std::move(*send));
  if (!why.empty()) fields.emplace_back("why", sim::core::TraceValue::Name(why));
  if (const auto jt = join_timer_in()) fields.emplace_back("jt", *jt);
  port_.Trace(kTraceKind, std::move(fields));
}

}  // namespace pim
