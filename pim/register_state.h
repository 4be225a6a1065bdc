// The DR's per-(S,G) Register state machine (RFC 7761 §4.4.1) for one directly connected source
// S sending to group G. The state table is at the top of register_state.cc.
//
// While the state is Join, the Register-Tunnel is in the (S,G) olist: the glue encapsulates each
// data packet from S to G in a Register to RP(G). A Register-Stop from the RP prunes the tunnel
// for a random time around Register_Suppression_Time; Register_Probe_Time before that time is up
// the DR sends a Null-Register, and if no Register-Stop answers it within Register_Probe_Time
// the tunnel comes back.
//
// CouldRegister(S,G) (§4.4.1: I_am_DR(RPF_interface(S)) AND KeepaliveTimer(S,G) is running AND
// DirectlyConnected(S)) is computed by the glue, which reports its edges here. The random factor
// of the Register-Stop Timer comes from the Rng passed in, so a seeded run is exact. The record
// reads the Config through a reference, so a change applies from the next (re)start of the RST.
#ifndef MCASTLAB_PIM_REGISTER_STATE_H_
#define MCASTLAB_PIM_REGISTER_STATE_H_

#include <optional>
#include <string_view>

#include "pim/config.h"
#include "pim/register_port.h"
#include "sim/core/rng.h"
#include "sim/core/scheduler.h"
#include "sim/core/time.h"
#include "sim/core/timer.h"
#include "sim/wire/ipv4_address.h"

namespace pim {

// RFC 7761 §4.4.1: the four states of the DR's per-(S,G) Register state machine.
enum class RegisterState {
  kNoInfo,       // NI: the initial state, and the state when the router is not the DR
  kJoin,         // J: the register tunnel is (implicitly) joined: data is encapsulated
  kJoinPending,  // JP: the tunnel is pruned, but the DR is contemplating adding it back
  kPrune,        // P: the tunnel is pruned (a Register-Stop was received)
};

// "NoInfo", "Join", "JoinPending", "Prune": the names used in traces and show tables.
std::string_view ToString(RegisterState s);

class RegisterStateMachine {
 public:
  // Starts in NoInfo. `config`, `rng` and `port` must outlive the record.
  RegisterStateMachine(sim::core::Scheduler& scheduler, sim::core::NodeId node,
                       sim::wire::Ipv4Address source, sim::wire::Ipv4Address group,
                       const Config& config, sim::core::Rng& rng, RegisterPort& port);
  RegisterStateMachine(const RegisterStateMachine&) = delete;
  RegisterStateMachine& operator=(const RegisterStateMachine&) = delete;

  // RFC 7761 §4.4.1 "CouldRegister(S,G) -> True", with `rp` = RP(G) at that moment. `why`
  // (optional, e.g. "data from S") goes into the trace line. Ignored outside NoInfo.
  void OnCouldRegisterTrue(sim::wire::Ipv4Address rp, std::string_view why = {});
  // RFC 7761 §4.4.1 "CouldRegister(S,G) -> False"; `why` e.g. "KAT expired", "not DR".
  // Ignored in NoInfo.
  void OnCouldRegisterFalse(std::string_view why = {});
  // RFC 7761 §4.4.1 "Register-Stop received" for this (S,G). A Register-Stop(*,G) is the same
  // event for every (S,G) of G not in NoInfo (§4.4.1); the glue fans it out.
  void OnRegisterStopReceived();
  // RFC 7761 §4.4.1 "RP changed": RP(G) is now `new_rp`. Ignored in NoInfo, and when
  // `new_rp` is the RP already in use.
  void OnRpChanged(sim::wire::Ipv4Address new_rp);
  // The router stops (PIM disabled, interface down): back to NoInfo with the RST cancelled.
  // Calls no port method but Trace: the caller tears its tunnel down itself.
  void Stop();

  RegisterState state() const { return state_; }
  // True in Join: the Register-Tunnel is in the (S,G) olist.
  bool tunnel_up() const { return state_ == RegisterState::kJoin; }
  sim::wire::Ipv4Address source() const { return source_; }
  sim::wire::Ipv4Address group() const { return group_; }
  // RP(G) as last reported; meaningful outside NoInfo.
  sim::wire::Ipv4Address rp() const { return rp_; }
  // Time left on the Register-Stop Timer; empty when it is not running (NoInfo, Join).
  std::optional<sim::core::Duration> register_stop_expires_in() const;

 private:
  void OnRegisterStopTimerExpired();
  // RFC 7761 §4.4.1 note (*): rand(0.5, 1.5) x Register_Suppression_Time - Register_Probe_Time.
  sim::core::Duration SuppressionPeriod();
  // The only writer of state_; traces one "pim.register" line.
  void TransitionTo(RegisterState next, std::string_view event, std::string_view action = {},
                    std::string_view why = {});

  sim::wire::Ipv4Address source_;
  sim::wire::Ipv4Address group_;
  const Config& config_;
  sim::core::Rng& rng_;
  RegisterPort& port_;
  RegisterState state_ = RegisterState::kNoInfo;
  sim::wire::Ipv4Address rp_;
  // RFC 7761 §4.4.1 Register-Stop Timer (RST): note (*) after a Register-Stop, note (**)
  // Register_Probe_Time (§4.11) after the Null-Register. Runs only in Prune and JoinPending.
  sim::core::Timer register_stop_timer_;
};

}  // namespace pim

#endif  // MCASTLAB_PIM_REGISTER_STATE_H_
