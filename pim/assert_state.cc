// RFC 7761 §4.6.1 (S,G) and §4.6.2 (*,G), the per-interface Assert state machine (redrawn;
// NI = NoInfo, W = I am Assert Winner, L = I am Assert Loser; "-" = nothing happens):
//
//   event \ state                     | NI                   | W            | L
//   ----------------------------------+----------------------+--------------+------------------
//   Data arrives on I, CouldAssert    | -> W [A1]            | -            | -
//   Receive Inferior Assert (*),      | -> W [A1]            | -> W [A3]    | from Winner:
//     CouldAssert (NI)                |                      |              |   -> NI [A5]
//   Receive Acceptable Assert (**),   | -> L [A6]            |              |
//     AssertTrackingDesired (NI)      |                      |              |
//   Receive Preferred Assert          | (as the rows above)  | -> L [A2]    | -> L [A2]
//   Receive Acceptable Assert from    |                      |              | -> L [A2]
//     Current Winner                  |                      |              |
//   Receive AssertCancel from Winner  | -                    | -            | -> NI [A5]
//   Assert Timer expires              | (not running)        | -> W [A3]    | -> NI [A5]
//   CouldAssert -> FALSE              | -                    | -> NI [A4]   | -
//   AssertTrackingDesired -> FALSE,   | -                    | -            | -> NI [A5]
//     my_metric better than Winner's, |                      |              |
//     RPF_interface stops being I,    |                      |              |
//     Receive Join on I, Winner's     |                      |              |
//     GenID changes or NLT expires    |                      |              |
//
// (*)  Inferior: worse than my_assert_metric. For (S,G) the RFC lists "Assert with RPTbit set
//      and CouldAssert(S,G,I)" apart; CouldAssert(S,G,I) makes my_assert_metric an SPT metric,
//      which beats every RPT metric, so that row is this one.
// (**) Acceptable: not worse than my_assert_metric; RPT bit clear for (S,G), set for (*,G).
//
// Actions: A1 send Assert; AT = Assert_Time - Assert_Override_Interval; AssertWinner = me, with
// my metric. A2/A6 AssertWinner and AssertWinnerMetric = the Assert's; AT = Assert_Time. A3 send
// Assert; AT = Assert_Time - Assert_Override_Interval. A4 send AssertCancel; delete assert info.
// A5 delete assert info. (A6 also sets SPTbit(S,G) when I is RPF_interface(S): the glue's.)
//
// Choices where the RFC leaves room, each also noted at its code:
// - An Assert with infinite preference and metric is an AssertCancel (§4.6.1 "an infinite
//   metric assert"), whoever sends it: it never makes anyone a winner or a loser.
// - A Preferred Assert in NoInfo is taken by the NoInfo rows (it is acceptable).
// - A data-triggered Assert(*,G) names the datagram's source (§4.9.6 allows it); the (*,G)
//   re-sends, the answer to an Inferior Assert and AssertCancel(*,G) name 0.0.0.0.
//
// Trace lines (kind "pim.assert"), one per table edge, fields in this order: entry, from, event,
// to, then send (assert or AssertCancel), winner, metric (the winner's) and at (time left).
#include "pim/assert_state.h"

#include <tuple>

namespace pim {

using sim::core::Duration;
using sim::wire::Ipv4Address;

namespace {

constexpr std::string_view kTraceKind = "pim.assert";

bool IsCancel(const AssertMetric& m) {
  return m.preference == AssertMetric::kInfinitePreference && m.metric == AssertMetric::kInfiniteMetric;
}

}  // namespace

bool Better(const AssertMetric& a, const AssertMetric& b) {
  // §4.6.3: compare the RPT bit (clear wins), the preference and the metric (lower wins), then
  // the address (higher wins).
  const auto key = [](const AssertMetric& m) {
    return std::make_tuple(!m.rpt, ~m.preference, ~m.metric, m.address.value());
  };
  return key(a) > key(b);
}

std::string ToString(const AssertMetric& m) {
  if (m == InfiniteAssertMetric()) return "infinite";
  return std::string("rpt ") + (m.rpt ? "1" : "0") + " pref " + std::to_string(m.preference) + " metric " +
         std::to_string(m.metric) + " " + sim::wire::ToString(m.address);
}

std::string_view ToString(AssertState s) {
  switch (s) {
    case AssertState::kWinner:
      return "I am Assert Winner";
    case AssertState::kLoser:
      return "I am Assert Loser";
    case AssertState::kNoInfo:
      break;
  }
  return "NoInfo";
}

AssertMachine::AssertMachine(sim::core::Scheduler& scheduler, sim::core::NodeId node, JoinKey key,
                             const Config& config, Ipv4Address my_address, AssertPort& port)
    : scheduler_(scheduler),
      key_(key),
      config_(config),
      my_address_(my_address),
      port_(port),
      assert_timer_(scheduler, node, [this] { OnAssertTimerExpired(); }) {}

void AssertMachine::OnDataArrived(bool could_assert, const AssertMetric& my_metric, Ipv4Address data_source) {
  // §4.6.1 NoInfo, "Data arrives from S to G on I and CouldAssert(S,G,I)": "we are the first
  // router to notice the duplicate", so we send an Assert and become the winner until told
  // otherwise.
  if (state_ == AssertState::kNoInfo && could_assert) BecomeWinner("data arrives on I", my_metric, data_source);
}

void AssertMachine::OnAssertReceived(const AssertMetric& theirs, bool could_assert, bool tracking_desired,
                                     const AssertMetric& my_metric) {
  const bool cancel = IsCancel(theirs);
  const bool inferior = cancel || Better(my_metric, theirs);
  const bool from_winner = theirs.address == winner_metric_.address;
  switch (state_) {
    case AssertState::kNoInfo: {
      // §4.6.1/§4.6.2 NoInfo: an Inferior Assert while we could assert: we are better, say so.
      if (inferior && could_assert && !cancel) {
        BecomeWinner("receive inferior assert", my_metric);
        return;
      }
      // "Receive Acceptable Assert with RPTbit cleared and AssertTrackingDesired(S,G,I)" (for
      // (*,G): "with RPTbit set"): note the winner, so that lost_assert and RPF' know it.
      const bool rpt_matches = key_.source ? !theirs.rpt : theirs.rpt;
      if (!inferior && tracking_desired && rpt_matches) BecomeLoser("receive acceptable assert", theirs);
      return;
    }
    case AssertState::kWinner:
      if (!cancel && Better(theirs, winner_metric_)) {
        // "Receive Preferred Assert": "We receive an assert that is better than our own".
        BecomeLoser("receive preferred assert", theirs);
      } else if (!cancel) {
        // "Receive Inferior Assert": answer with our own, so the sender learns it lost.
        Reassert("receive inferior assert");
      }
      return;
    case AssertState::kLoser:
      if (!cancel && Better(theirs, winner_metric_)) {
        BecomeLoser("receive preferred assert", theirs);
      } else if (from_winner && cancel) {
        ToNoInfo("receive AssertCancel from winner", false);
      } else if (from_winner && inferior) {
        // "Receive Inferior Assert from Current Winner": the winner got worse than us.
        ToNoInfo("receive inferior assert from winner", false);
      } else if (from_winner) {
        // "Receive Acceptable Assert from Current Winner": the winner's refresh.
        BecomeLoser("receive acceptable assert from winner", theirs);
      }
      return;
  }
}

void AssertMachine::OnConditions(bool could_assert, bool tracking_desired, const AssertMetric& my_metric,
                                 bool rpf_interface_left) {
  if (state_ == AssertState::kWinner && !could_assert) {
    // "CouldAssert(S,G,I) -> FALSE": "we are no longer the right router to forward onto I", so
    // an AssertCancel lets the losers take over at once instead of after the Assert Timer.
    ToNoInfo("CouldAssert false", true);
  } else if (state_ == AssertState::kLoser) {
    if (!tracking_desired) {
      ToNoInfo("AssertTrackingDesired false", false);
    } else if (Better(my_metric, winner_metric_)) {
      // "My metric becomes better than the assert winner's metric": forget the assert and
      // assert again when data shows the duplicate.
      ToNoInfo("my_metric better than winner", false);
    } else if (rpf_interface_left) {
      ToNoInfo("RPF_interface stops being I", false);
    }
  }
}

void AssertMachine::OnJoinReceived() {
  // §4.6.1 Loser, "Receive Join(S,G) on Interface I": "allow the normal PIM Join/Prune
  // mechanisms to operate": a downstream router still wants us to forward.
  if (state_ == AssertState::kLoser) ToNoInfo("receive Join on I", false);
}

void AssertMachine::OnNeighborGone(Ipv4Address who) {
  if (state_ == AssertState::kLoser && who == winner_metric_.address) {
    ToNoInfo("winner GenID changes or NLT expires", false);
  }
}

void AssertMachine::Stop() {
  assert_timer_.Cancel();
  const bool had_winner = state_ != AssertState::kNoInfo;
  winner_metric_ = InfiniteAssertMetric();
  if (had_winner) TransitionTo(AssertState::kNoInfo, "stop", "");
}

std::optional<Duration> AssertMachine::assert_timer_in() const {
  if (state_ == AssertState::kNoInfo) return std::nullopt;
  return assert_timer_.remaining();
}

void AssertMachine::OnAssertTimerExpired() {
  if (state_ == AssertState::kWinner) {
    // §4.6.1 Winner, "Timer Expires": "resend the Assert" before the losers' timers run out.
    Reassert("AT expires");
  } else {
    // Loser, "Timer Expires": the winner stopped refreshing; forward again.
    ToNoInfo("AT expires", false);
  }
}

Ipv4Address AssertMachine::SourceField(Ipv4Address data_source, bool cancel) const {
  // §4.9.6: an Assert(*,G) that data triggered may name that datagram's source, and names zero
  // otherwise; §4.6.4: AssertCancel(S,G) names S, and AssertCancel(*,G), which has no S to name,
  // names RP(G). Naming S lets a router with (S,G) state answer with its (S,G) machine ("Receive
  // Assert with RPTbit set and CouldAssert(S,G,I)").
  if (key_.source) return *key_.source;
  return cancel ? port_.RpOf(key_.group) : data_source;
}

void AssertMachine::BecomeWinner(std::string_view event, const AssertMetric& my_metric, Ipv4Address data_source) {
  // A1: "Send Assert(S,G). Set Assert Timer to (Assert_Time - Assert_Override_Interval). Store
  // self as AssertWinner(S,G,I). Store spt_assert_metric(S,I) as AssertWinnerMetric(S,G,I)."
  winner_metric_ = my_metric;
  winner_metric_.address = my_address_;
  assert_timer_.Restart(config_.assert_time - config_.assert_override_interval);
  TransitionTo(AssertState::kWinner, event, "assert");
  port_.SendAssert(key_, winner_metric_, SourceField(data_source));
  port_.WinnerChanged(key_);
}

void AssertMachine::BecomeLoser(std::string_view event, const AssertMetric& winner) {
  // A2/A6: "Store new assert winner as AssertWinner(S,G,I) and assert winner metric as
  // AssertWinnerMetric(S,G,I). Set Assert Timer to Assert_Time."
  const bool changed = state_ != AssertState::kLoser || winner.address != winner_metric_.address;
  winner_metric_ = winner;
  assert_timer_.Restart(config_.assert_time);
  TransitionTo(AssertState::kLoser, event, "");
  if (changed) port_.WinnerChanged(key_);
}

void AssertMachine::Reassert(std::string_view event) {
  // A3: "Send Assert(S,G). Set Assert Timer to (Assert_Time - Assert_Override_Interval)."
  assert_timer_.Restart(config_.assert_time - config_.assert_override_interval);
  TransitionTo(AssertState::kWinner, event, "assert");
  port_.SendAssert(key_, winner_metric_, SourceField({}));
}

void AssertMachine::ToNoInfo(std::string_view event, bool cancel) {
  // A4: "Send AssertCancel(S,G). Delete assert info". A5: "Delete assert info".
  assert_timer_.Cancel();
  winner_metric_ = InfiniteAssertMetric();
  TransitionTo(AssertState::kNoInfo, event, cancel ? "AssertCancel" : "");
  if (cancel) port_.SendAssert(key_, InfiniteAssertMetric(), SourceField({}, true));
  port_.WinnerChanged(key_);
}

void AssertMachine::TransitionTo(AssertState next, std::string_view event, std::string_view action) {
  TraceFields fields{{"entry", TraceEntry(key_)},
                     {"from", std::string(ToString(state_))},
                     {"event", std::string(event)},
                     {"to", std::string(ToString(next))}};
  state_ = next;
  if (!action.empty()) fields.emplace_back("send", std::string(action));
  if (state_ != AssertState::kNoInfo) {
    fields.emplace_back("winner", sim::wire::ToString(winner_metric_.address));
    fields.emplace_back("metric", ToString(winner_metric_));
    fields.emplace_back("at", assert_timer_.remaining());
  }
  port_.Trace(kTraceKind, std::move(fields));
}

}  // namespace pim
