// The downstream per-interface (S,G,rpt) Join/Prune state of one source on G's shared tree (RFC
// 7761 §4.5.3 "Receiving (S,G,rpt) Join/Prune Messages"). The table is at the top of
// sg_rpt_downstream.cc.
//
// A Prune(S,G,rpt) from a downstream router takes the interface out of the shared-tree olist for
// S only: after the Prune-Pending Timer (PPT) it is Pruned, until the Expiry Timer (ET) runs out
// or a Join(S,G,rpt) undoes it. Every periodic Join(*,G) must repeat the prune, so a Join(*,G)
// moves the machine to a temporary state (PruneTmp, Prune-Pending-Tmp) that the rest of the same
// message either confirms, with the Prune(S,G,rpt), or ends at "End of Message".
//
// The caller checks the Upstream Neighbor Address and the RP, feeds the message's entries in
// their order (the group's Join(*,G) before its sources), then calls OnEndOfMessage once per
// group in the message.
#ifndef MCASTLAB_PIM_SG_RPT_DOWNSTREAM_H_
#define MCASTLAB_PIM_SG_RPT_DOWNSTREAM_H_

#include <cstddef>
#include <optional>
#include <string_view>

#include "pim/join_ports.h"
#include "pim/sg_rpt_ports.h"
#include "sim/core/scheduler.h"
#include "sim/core/time.h"
#include "sim/core/timer.h"

namespace pim {

// RFC 7761 §4.5.3: "NoInfo (NI)", "Pruned (P)", "Prune-Pending (PP)", and the temporary
// "PruneTmp (P')" and "Prune-Pending-Tmp (PP')".
enum class SgRptDownstreamState { kNoInfo, kPruned, kPrunePending, kPruneTmp, kPrunePendingTmp };

// "NoInfo", "Pruned", "PrunePending", "PruneTmp", "PrunePendingTmp".
std::string_view ToString(SgRptDownstreamState s);

class SgRptDownstream {
 public:
  // Starts in NoInfo; `key` is the (S,G) the machine prunes off G's shared tree. Port calls come
  // last in every handler; do not destroy the machine from inside one.
  SgRptDownstream(sim::core::Scheduler& scheduler, sim::core::NodeId node, JoinKey key,
                  SgRptDownstreamPort& port);
  SgRptDownstream(const SgRptDownstream&) = delete;
  SgRptDownstream& operator=(const SgRptDownstream&) = delete;

  // RFC "Receive Join(*,G)": the message's group entry joins G's shared tree.
  void OnStarGJoinReceived();
  // RFC "Receive Join(S,G,rpt)".
  void OnJoinReceived();
  // RFC "Receive Prune(S,G,rpt)". `holdtime` is the message's HoldTime (kHoldForever for
  // 0xffff), `jp_override_interval` J/P_Override_Interval(I) and `neighbor_count` the number of
  // PIM neighbors on the interface now; with one neighbor or none the PPT is zero and expires
  // before this returns.
  void OnPruneReceived(sim::core::Duration holdtime, sim::core::Duration jp_override_interval,
                       std::size_t neighbor_count);
  // RFC "End of Message": the message's entry for G has been processed.
  void OnEndOfMessage();
  // Interface down or PIM stopped on it: NoInfo with both timers cancelled, no notification.
  void Stop();

  SgRptDownstreamState state() const { return state_; }
  // In prunes(S,G,rpt) (RFC 7761 §4.1.6): Pruned or PruneTmp.
  bool pruned() const {
    return state_ == SgRptDownstreamState::kPruned || state_ == SgRptDownstreamState::kPruneTmp;
  }
  const JoinKey& key() const { return key_; }
  // Time left on the ET; kHoldForever while a 0xffff HoldTime holds it; empty in NoInfo.
  std::optional<sim::core::Duration> expiry_in() const;
  // Time left on the PPT; empty outside Prune-Pending and Prune-Pending-Tmp.
  std::optional<sim::core::Duration> prune_pending_in() const;

 private:
  void OnExpiryTimerExpired();
  void OnPrunePendingTimerExpired();
  // "The Expiry Timer is restarted and is then set to the maximum of its current value and the
  // HoldTime"; a 0xffff HoldTime stops it for good.
  void RaiseExpiryTimer(sim::core::Duration holdtime);
  // Cancels both timers, goes to NoInfo and notifies when the interface leaves prunes(S,G,rpt).
  void EndPruneState(std::string_view event);
  // Cancels both timers and the 0xffff hold, then traces the edge to `next`.
  void CancelTimersTo(SgRptDownstreamState next, std::string_view event);
  // The only writer of state_; traces one "pim.downstream_rpt" line.
  void TransitionTo(SgRptDownstreamState next, std::string_view event);

  sim::core::Scheduler& scheduler_;
  JoinKey key_;
  SgRptDownstreamPort& port_;
  SgRptDownstreamState state_ = SgRptDownstreamState::kNoInfo;
  // A Prune(S,G,rpt) with HoldTime 0xffff came: the ET is stopped and the state held.
  bool held_forever_ = false;
  // RFC 7761 §4.5.3 "Expiry Timer (ET)", ET(S,G,rpt,I): the HoldTime of the Prunes.
  sim::core::Timer expiry_timer_;
  // RFC 7761 §4.5.3 "Prune-Pending Timer (PPT)", PPT(S,G,rpt,I): J/P_Override_Interval(I) on a
  // LAN, so that a downstream peer can override with Join(S,G,rpt); zero otherwise.
  sim::core::Timer prune_pending_timer_;
};

}  // namespace pim

#endif  // MCASTLAB_PIM_SG_RPT_DOWNSTREAM_H_
