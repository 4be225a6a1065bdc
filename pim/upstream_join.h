// The upstream Join/Prune state of one (*,G) or (S,G) entry (RFC 7761 §4.5.4 "Sending (*,G)
// Join/Prune Messages", §4.5.5 "Sending (S,G) Join/Prune Messages": the same machine, keyed by
// JoinKey). The table is at the top of upstream_join.cc.
//
// While JoinDesired holds, the entry is Joined: it sends a Join to its RPF' neighbor at once
// and then every t_periodic (Join Timer, JT). On a LAN it listens to the other routers' messages
// to the same RPF' neighbor: a Join they send lets it delay its own (join suppression), a Prune
// they send makes it answer with a Join within t_override (prune override). When JoinDesired
// ends it sends a Prune. An RPF' change moves the Join to the new neighbor and prunes the old.
//
// The caller computes JoinDesired, RPF' and the random t_override values, checks that a seen
// message is addressed to RPF' on the RPF interface, and clears SPTbit(S,G) when an (S,G) entry
// stops being desired (§4.5.5 "Set SPTbit(S,G) to FALSE").
#ifndef MCASTLAB_PIM_UPSTREAM_JOIN_H_
#define MCASTLAB_PIM_UPSTREAM_JOIN_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "pim/config.h"
#include "pim/join_ports.h"
#include "sim/core/scheduler.h"
#include "sim/core/time.h"
#include "sim/core/timer.h"
#include "sim/core/trace_value.h"
#include "sim/wire/ipv4_address.h"

namespace pim {

// RFC 7761 §4.5.4: "NotJoined", "Joined".
enum class UpstreamJoinState { kNotJoined, kJoined };

// "NotJoined", "Joined".
std::string_view ToString(UpstreamJoinState s);

class UpstreamJoin {
 public:
  // Returns t_suppressed for the RPF interface now (§4.11: rand(1.1, 1.4) x t_periodic when
  // Suppression_Enabled(I), else zero; see TSuppressed in join_timers.h). Called once per
  // Join seen in Joined state.
  using TSuppressedFn = std::function<sim::core::Duration()>;

  // Starts in NotJoined with RPF' = `rpf_neighbor` (unspecified = unknown: nothing is sent to
  // it). t_periodic is `config.join_prune_period`, read at each (re)start of the JT. Port calls
  // come last in every handler; do not destroy the machine from inside one.
  UpstreamJoin(sim::core::Scheduler& scheduler, sim::core::NodeId node, JoinKey key,
               const Config& config, sim::wire::Ipv4Address rpf_neighbor, UpstreamJoinPort& port,
               TSuppressedFn t_suppressed);
  UpstreamJoin(const UpstreamJoin&) = delete;
  UpstreamJoin& operator=(const UpstreamJoin&) = delete;

  // RFC "JoinDesired(*,G) -> True" / "-> False" (and (S,G)). The caller passes the current value
  // whenever it may have changed; a value that matches the state is no event.
  void OnJoinDesired(bool desired);
  // RFC "See Join(*,G) to RPF'(*,G)" / "See Join(S,G) to RPF'(S,G)", from another router on the
  // RPF interface; `holdtime` is that message's HoldTime (kHoldForever for 0xffff).
  void OnJoinSeen(sim::core::Duration holdtime);
  // RFC "See Prune(*,G) to RPF'(*,G)"; for (S,G) also "See Prune(S,G,rpt) to RPF'(S,G)" and
  // "See Prune(*,G) to RPF'(S,G)", which have the same action. `t_override` is
  // rand(0, Effective_Override_Interval(I)) (see TOverride in join_timers.h).
  void OnPruneSeen(sim::core::Duration t_override);
  // RFC "RPF'(*,G) changes not due to an Assert" (MRIB or RP change). The same address is no
  // event.
  void OnRpfNeighborChanged(sim::wire::Ipv4Address new_neighbor);
  // RFC "RPF'(*,G) changes due to an Assert". The same address is no event.
  void OnRpfNeighborChangedByAssert(sim::wire::Ipv4Address new_neighbor,
                                    sim::core::Duration t_override);
  // RFC "RPF'(*,G) GenID changes": the RPF' neighbor's Hello carried a new Generation ID.
  void OnRpfNeighborGenIdChanged(sim::core::Duration t_override);
  // PIM stopped on the RPF interface or the router: NotJoined with the JT cancelled, nothing
  // sent.
  void Stop();

  UpstreamJoinState state() const { return state_; }
  bool joined() const { return state_ == UpstreamJoinState::kJoined; }
  const JoinKey& key() const { return key_; }
  // RPF' as this machine last heard it: where its Joins go.
  sim::wire::Ipv4Address rpf_neighbor() const { return rpf_; }
  // When the entry last became Joined.
  sim::core::Time since() const { return since_; }
  // Time left on the JT; empty in NotJoined.
  std::optional<sim::core::Duration> join_timer_in() const;

 private:
  void OnJoinTimerExpired();
  // "If the Join Timer is set to expire in more than t_override seconds, reset it so that it
  // expires after t_override seconds." Traces the edge (Joined to Joined).
  void DecreaseJoinTimer(std::string_view event, sim::core::Duration t_override,
                         TraceFields extra = {});
  // Calls the port unless `to` is unknown or unreachable (UpstreamJoinPort::Reachable).
  bool CanSend(sim::wire::Ipv4Address to) const;
  // "join 10.0.0.2" as a trace value, with `what` a literal; none when nothing is sent to `to`.
  std::optional<sim::core::TraceValue> SendValue(std::string_view what, sim::wire::Ipv4Address to) const;
  void SendJoin(sim::wire::Ipv4Address to);
  void SendPrune(sim::wire::Ipv4Address to);
  // The only writer of state_; traces one "pim.upstream" line. `send` lists what the handler
  // sends next ("join 10.0.0.2"), `why` is the reason (periodic, joined, pruned, suppressed,
  // override, rpf change).
  void TransitionTo(UpstreamJoinState next, std::string_view event, std::string_view why = {},
                    std::optional<sim::core::TraceValue> send = std::nullopt, TraceFields extra = {});

  sim::core::Scheduler& scheduler_;
  JoinKey key_;
  const Config& config_;
  sim::wire::Ipv4Address rpf_;
  UpstreamJoinPort& port_;
  TSuppressedFn t_suppressed_;
  UpstreamJoinState state_ = UpstreamJoinState::kNotJoined;
  sim::core::Time since_;
  // The JT was last set by a decrease to t_override: the Join at its expiry is an override.
  bool override_pending_ = false;
  // RFC 7761 §4.5.4 "Upstream Join Timer", JT(*,G) / JT(S,G): t_periodic between Joins
  // (§4.11), raised to t_joinsuppress or lowered to t_override by what is seen on the LAN.
  sim::core::Timer join_timer_;
};

}  // namespace pim

#endif  // MCASTLAB_PIM_UPSTREAM_JOIN_H_
