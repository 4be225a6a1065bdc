// RFC 7761 §4.4.1, the DR's per-(S,G) Register state machine (the RFC's table, redrawn as
// edges; "-" cells of the table have no edge and are ignored):
//
//   NoInfo      --CouldRegister->True (add reg tunnel)-------------------------------> Join
//   Join        --CouldRegister->False (remove reg tunnel)---------------------------> NoInfo
//   Join        --Register-Stop received (remove reg tunnel, set RST (*))------------> Prune
//   Join        --RP changed (update reg tunnel)-------------------------------------> Join
//   JoinPending --RST expires (add reg tunnel)---------------------------------------> Join
//   JoinPending --CouldRegister->False-----------------------------------------------> NoInfo
//   JoinPending --Register-Stop received (set RST (*))-------------------------------> Prune
//   JoinPending --RP changed (add reg tunnel, cancel RST)----------------------------> Join
//   Prune       --RST expires (set RST (**), send Null-Register)---------------------> JoinPending
//   Prune       --CouldRegister->False-----------------------------------------------> NoInfo
//   Prune       --RP changed (add reg tunnel, cancel RST)----------------------------> Join
//
//   (*)  RST = rand(0.5 x Register_Suppression_Time, 1.5 x Register_Suppression_Time)
//        - Register_Probe_Time: 25 s to 85 s with the §4.11 defaults (60 s, 5 s).
//   (**) RST = Register_Probe_Time.
//
// So after a Register-Stop at t the DR sends a Null-Register at t + RST, and resumes
// encapsulating at t + RST + Register_Probe_Time unless a Register-Stop comes back first.
//
// Choices where the RFC leaves room, each also noted at its code:
// - CouldRegister->False from JoinPending or Prune also cancels the RST: §4.4.1 keeps the RST
//   only "if the state machine is not in the NoInfo state".
// - "update reg tunnel" (RP changed in Join) is TunnelUp again with the new RP; an "RP changed"
//   to the RP already in use is no change and is ignored.
// - The random part of (*) is drawn at nanosecond resolution over the closed interval (the RFC
//   says an open one; the two ends have probability ~1e-11 each). §4.11 requires
//   Register_Probe_Time < Register_Suppression_Time / 2 so (*) stays positive; a configuration
//   that breaks this gets an RST of zero rather than a negative delay.
// - Stop() goes to NoInfo without TunnelDown: the router is going away and removes its tunnels
//   itself (as igmp::RouterGroup::Stop sends nothing).
#include "pim/register_state.h"

#include <string>
#include <utility>

namespace pim {

using sim::core::Duration;
using sim::wire::Ipv4Address;

namespace {

constexpr std::string_view kTraceKind = "pim.register";

}  // namespace

std::string_view ToString(RegisterState s) {
  switch (s) {
    case RegisterState::kNoInfo:
      return "NoInfo";
    case RegisterState::kJoin:
      return "Join";
    case RegisterState::kJoinPending:
      return "JoinPending";
    case RegisterState::kPrune:
      return "Prune";
  }
  return "?";
}

RegisterStateMachine::RegisterStateMachine(sim::core::Scheduler& scheduler, sim::core::NodeId node,
                                           Ipv4Address source, Ipv4Address group,
                                           const Config& config, sim::core::Rng& rng,
                                           RegisterPort& port)
    : source_(source),
      group_(group),
      config_(config),
      rng_(rng),
      port_(port),
      register_stop_timer_(scheduler, node, [this] { OnRegisterStopTimerExpired(); }) {}

void RegisterStateMachine::OnCouldRegisterTrue(Ipv4Address rp, std::string_view why) {
  // RFC 7761 §4.4.1: only NoInfo has a "CouldRegister->True" edge: -> J state, add reg tunnel.
  // §4.4.1 also notes that KeepaliveTimer(S,G) must be set by the forwarding rules before
  // CouldRegister is computed, "or the first packet from a source won't be registered".
  // Therefore: the glue starts the KAT, then calls this, then forwards the packet, so the
  // first packet goes through the tunnel.
  if (state_ != RegisterState::kNoInfo) return;
  rp_ = rp;
  TransitionTo(RegisterState::kJoin, "CouldRegister->True", "add reg tunnel", why);
  port_.TunnelUp(source_, group_, rp_);
}

void RegisterStateMachine::OnCouldRegisterFalse(std::string_view why) {
  switch (state_) {
    case RegisterState::kNoInfo:
      return;
    case RegisterState::kJoin:
      // RFC 7761 §4.4.1: Join -> NI state, remove reg tunnel.
      TransitionTo(RegisterState::kNoInfo, "CouldRegister->False", "remove reg tunnel", why);
      port_.TunnelDown(source_, group_);
      return;
    case RegisterState::kJoinPending:
    case RegisterState::kPrune:
      // RFC 7761 §4.4.1: -> NI state; the tunnel is already pruned. The RST is "kept if the
      // state machine is not in the NoInfo state". Therefore: it is cancelled here; NoInfo
      // shows no RST and nothing fires later.
      register_stop_timer_.Cancel();
      TransitionTo(RegisterState::kNoInfo, "CouldRegister->False", "cancel RST", why);
      return;
  }
}

void RegisterStateMachine::OnRegisterStopReceived() {
  switch (state_) {
    case RegisterState::kNoInfo:
    case RegisterState::kPrune:
      // RFC 7761 §4.4.1: "-" in NoInfo and in Prune. In Prune the RST keeps its deadline: a
      // Register-Stop only answers the Null-Register sent on leaving Prune.
      return;
    case RegisterState::kJoin:
    case RegisterState::kJoinPending: {
      // RFC 7761 §4.4.1: Join -> P state, remove reg tunnel, set Register-Stop timer (*);
      // JoinPending -> P state, set Register-Stop timer (*) (the tunnel is already pruned).
      const bool joined = state_ == RegisterState::kJoin;
      const Duration rst = SuppressionPeriod();
      register_stop_timer_.Restart(rst);
      TransitionTo(RegisterState::kPrune, "Register-Stop received",
                   joined ? "remove reg tunnel; set RST " + sim::core::ToString(rst)
                          : "set RST " + sim::core::ToString(rst));
      if (joined) port_.TunnelDown(source_, group_);
      return;
    }
  }
}

void RegisterStateMachine::OnRegisterStopTimerExpired() {
  switch (state_) {
    case RegisterState::kNoInfo:
    case RegisterState::kJoin:
      return;  // the RST does not run in these states
    case RegisterState::kPrune:
      // RFC 7761 §4.4.1: Prune -> JP state, set Register-Stop timer (**), send Null-Register.
      // (**): "The Register-Stop Timer is set to Register_Probe_Time."
      register_stop_timer_.Restart(config_.register_probe);
      TransitionTo(
          RegisterState::kJoinPending, "RST expires",
          "set RST " + sim::core::ToString(config_.register_probe) + "; send Null-Register");
      port_.SendNullRegister(source_, group_, rp_);
      return;
    case RegisterState::kJoinPending:
      // RFC 7761 §4.4.1: JoinPending -> J state, add reg tunnel: no Register-Stop answered the
      // Null-Register within Register_Probe_Time.
      TransitionTo(RegisterState::kJoin, "RST expires", "add reg tunnel");
      port_.TunnelUp(source_, group_, rp_);
      return;
  }
}

void RegisterStateMachine::OnRpChanged(Ipv4Address new_rp) {
  // RFC 7761 §4.4.1: "-" in NoInfo; the next CouldRegister->True brings the RP of that moment.
  if (state_ == RegisterState::kNoInfo || new_rp == rp_) return;
  rp_ = new_rp;
  if (state_ == RegisterState::kJoin) {
    // RFC 7761 §4.4.1: Join -> J state, update reg tunnel (now toward the new RP).
    TransitionTo(RegisterState::kJoin, "RP changed", "update reg tunnel");
  } else {
    // RFC 7761 §4.4.1: JoinPending and Prune -> J state, add reg tunnel, cancel RST: the
    // Register-Stop came from the old RP, and the new one has not said anything yet.
    register_stop_timer_.Cancel();
    TransitionTo(RegisterState::kJoin, "RP changed", "add reg tunnel; cancel RST");
  }
  port_.TunnelUp(source_, group_, rp_);
}

void RegisterStateMachine::Stop() {
  register_stop_timer_.Cancel();
  if (state_ != RegisterState::kNoInfo) TransitionTo(RegisterState::kNoInfo, "stop");
}

std::optional<Duration> RegisterStateMachine::register_stop_expires_in() const {
  if (!register_stop_timer_.running()) return std::nullopt;
  return register_stop_timer_.remaining();
}

Duration RegisterStateMachine::SuppressionPeriod() {
  // RFC 7761 §4.4.1 (*): "The Register-Stop Timer is set to a random value chosen uniformly
  // from the interval ( 0.5 * Register_Suppression_Time, 1.5 * Register_Suppression_Time)
  // minus Register_Probe_Time."
  const Duration suppression = config_.register_suppression;
  const Duration drawn = rng_.UniformDuration(suppression / 2, suppression * 3 / 2);
  const Duration rst = drawn - config_.register_probe;
  return rst < Duration::Zero() ? Duration::Zero() : rst;
}

void RegisterStateMachine::TransitionTo(RegisterState next, std::string_view event,
                                        std::string_view action, std::string_view why) {
  TraceFields fields{{"group", sim::wire::ToString(group_)},
                     {"source", sim::wire::ToString(source_)},
                     {"from", std::string(ToString(state_))},
                     {"event", std::string(event)},
                     {"to", std::string(ToString(next))}};
  if (next != RegisterState::kNoInfo) fields.emplace_back("rp", sim::wire::ToString(rp_));
  if (!action.empty()) fields.emplace_back("action", std::string(action));
  if (!why.empty()) fields.emplace_back("why", std::string(why));
  state_ = next;
  port_.Trace(kTraceKind, std::move(fields));
}

}  // namespace pim
