// The upstream (S,G,rpt) state of one source on G's shared tree (RFC 7761 §4.5.7 "State Machine
// for (S,G,rpt) Triggered Messages"). The table is at the top of sg_rpt_upstream.cc.
//
// While the router is on G's shared tree (RPTJoinDesired(G)) it either lets S's traffic come
// down that tree (NotPruned) or has pruned it (Pruned), sending Prune(S,G,rpt) or Join(S,G,rpt)
// to RPF'(S,G,rpt) on each change. In NotPruned it also watches the LAN: when another router
// prunes S off the shared tree upstream, this router answers with a Join(S,G,rpt) within
// t_override (Override Timer, OT), unless a third router's Join(S,G,rpt) did it first.
//
// The caller computes RPTJoinDesired(G), PruneDesired(S,G,rpt), inherited_olist(S,G,rpt) and
// RPF'(S,G,rpt), draws the t_override values, and checks that a seen message is addressed to
// RPF'(S,G,rpt) on RPF_interface(RP(G)). The periodic Prune(S,G,rpt) in every Join(*,G) (§4.5.6)
// is the glue's; this machine sends the triggered messages only.
#ifndef MCASTLAB_PIM_SG_RPT_UPSTREAM_H_
#define MCASTLAB_PIM_SG_RPT_UPSTREAM_H_

#include <optional>
#include <string>
#include <string_view>

#include "pim/join_ports.h"
#include "pim/sg_rpt_ports.h"
#include "sim/core/scheduler.h"
#include "sim/core/time.h"
#include "sim/core/timer.h"
#include "sim/wire/ipv4_address.h"

namespace pim {

// RFC 7761 §4.5.7: "RPTNotJoined(G)", "Pruned(S,G,rpt)", "NotPruned(S,G,rpt)".
enum class SgRptUpstreamState { kRptNotJoined, kPruned, kNotPruned };

// "RPTNotJoined", "Pruned", "NotPruned".
std::string_view ToString(SgRptUpstreamState s);

class SgRptUpstream {
 public:
  // Starts in RPTNotJoined with RPF'(S,G,rpt) = `rpf_neighbor` (unspecified = unknown: nothing is
  // sent to it). Port calls come last in every handler; do not destroy the machine from inside
  // one.
  SgRptUpstream(sim::core::Scheduler& scheduler, sim::core::NodeId node, JoinKey key,
                sim::wire::Ipv4Address rpf_neighbor, SgRptUpstreamPort& port);
  SgRptUpstream(const SgRptUpstream&) = delete;
  SgRptUpstream& operator=(const SgRptUpstream&) = delete;

  // RFC "PruneDesired(S,G,rpt) -> True" / "-> False". The caller passes the current value
  // whenever it may have changed; a value that matches the state is no event.
  void OnPruneDesired(bool desired);
  // RFC "RPTJoinDesired(G) -> False". True is no event here: the machine leaves RPTNotJoined by
  // PruneDesired or by inherited_olist(S,G,rpt) becoming non-empty.
  void OnRptJoinDesiredFalse();
  // RFC "inherited_olist(S,G,rpt) -> non-NULL".
  void OnInheritedOlistNonEmpty();
  // RFC "See Prune(S,G,rpt) to RPF'(S,G,rpt)" and "See Prune(S,G) to RPF'(S,G,rpt)" (the same
  // action); `what` names the message in the trace. `t_override` is
  // rand(0, Effective_Override_Interval(I)) (see TOverride in join_timers.h).
  void OnPruneSeen(std::string_view what, sim::core::Duration t_override);
  // RFC "See Join(S,G,rpt) to RPF'(S,G,rpt)".
  void OnJoinSeen();
  // RFC "RPF'(S,G,rpt) -> RPF'(*,G)": an (S,G) assert on the RP's RPF interface ended, and the
  // (S,G,rpt) messages go to `star_g_rpf` again.
  void OnRpfBecameStarGRpf(sim::wire::Ipv4Address star_g_rpf, sim::core::Duration t_override);
  // RPF'(S,G,rpt) became `winner`, AssertWinner(S,G,RPF_interface(RP(G))): this router lost
  // the (S,G) Assert toward the RP. No edge of the RFC's table (the state and the OT stay), but
  // a trace line, the counterpart of "RPF'(S,G,rpt) -> RPF'(*,G)".
  void OnRpfBecameAssertWinner(sim::wire::Ipv4Address winner);
  // RPF'(S,G,rpt) changed otherwise: remembered for the next message; no table event.
  void SetRpfNeighbor(sim::wire::Ipv4Address rpf_neighbor) { rpf_ = rpf_neighbor; }
  // PIM stopped on the RPF interface or the router: RPTNotJoined with the OT cancelled, nothing
  // sent.
  void Stop();

  SgRptUpstreamState state() const { return state_; }
  const JoinKey& key() const { return key_; }
  // RPF'(S,G,rpt) as this machine last heard it.
  sim::wire::Ipv4Address rpf_neighbor() const { return rpf_; }
  // Time left on the OT; empty while it does not run.
  std::optional<sim::core::Duration> override_in() const;

 private:
  void OnOverrideTimerExpired();
  // "OT = min(OT, t_override)": a stopped OT counts as infinitely far, so it starts.
  void LowerOverrideTimer(std::string_view event, sim::core::Duration t_override,
                          TraceFields extra = {});
  // "join 10.0.0.2"; empty when RPF' is unknown.
  std::string SendText(std::string_view what) const;
  // The only writer of state_; traces one "pim.upstream_rpt" line.
  void TransitionTo(SgRptUpstreamState next, std::string_view event, std::string send = {},
                    TraceFields extra = {});

  JoinKey key_;
  sim::wire::Ipv4Address rpf_;
  SgRptUpstreamPort& port_;
  SgRptUpstreamState state_ = SgRptUpstreamState::kRptNotJoined;
  // RFC 7761 §4.5.7 "Override Timer (OT)", OT(S,G,rpt): delays the Join(S,G,rpt) that overrides
  // another router's Prune(S,G,rpt) on the LAN.
  sim::core::Timer override_timer_;
};

}  // namespace pim

#endif  // MCASTLAB_PIM_SG_RPT_UPSTREAM_H_
