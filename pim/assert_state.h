// The per-interface Assert state of one (S,G) or (*,G) entry (RFC 7761 §4.6.1 "(S,G) Assert
// Message State Machine", §4.6.2 "(*,G) Assert Message State Machine": the same three states,
// keyed by JoinKey). The table is at the top of assert_state.cc.
//
// When two routers forward the same datagrams onto one LAN, each sees the other's copy arrive
// on an interface of its olist. Each then sends an Assert carrying its metric toward the source
// (or toward the RP, with the RPT bit); the best metric wins and keeps forwarding, the others
// stop (lost_assert) and the routers downstream send their Joins to the winner (RPF').
//
// The caller computes CouldAssert, AssertTrackingDesired and my_assert_metric (§4.6.1-§4.6.3),
// decides which machine an Assert belongs to, and reads winner()/loser() back for the olists
// and RPF'. The machine compares metrics, runs the Assert Timer and sends Asserts.
#ifndef MCASTLAB_PIM_ASSERT_STATE_H_
#define MCASTLAB_PIM_ASSERT_STATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "pim/config.h"
#include "pim/join_ports.h"
#include "sim/core/scheduler.h"
#include "sim/core/timer.h"
#include "sim/wire/ipv4_address.h"

namespace pim {

// RFC 7761 §4.6.3 assert_metric: { rpt_bit_flag, metric_preference, route_metric, ip_address }.
struct AssertMetric {
  bool rpt = true;
  std::uint32_t preference = kInfinitePreference;
  std::uint32_t metric = kInfiniteMetric;
  sim::wire::Ipv4Address address;

  // The largest values the Assert message carries (31-bit preference, 32-bit metric).
  static constexpr std::uint32_t kInfinitePreference = 0x7fffffff;
  static constexpr std::uint32_t kInfiniteMetric = 0xffffffff;
  friend bool operator==(const AssertMetric&, const AssertMetric&) = default;
};

// §4.6.3 infinite_assert_metric(): {1, infinity, infinity, 0}; also the AssertCancel's metric.
inline AssertMetric InfiniteAssertMetric() { return {}; }
// §4.6.3: "a better assert metric": RPT bit clear beats set, then the lower preference, then the
// lower metric, then the higher IP address.
bool Better(const AssertMetric& a, const AssertMetric& b);
// "rpt 1 pref 1 metric 2 10.0.0.2"; "infinite" for infinite_assert_metric().
std::string ToString(const AssertMetric& m);

// RFC 7761 §4.6.1: "NoInfo", "I am Assert Winner", "I am Assert Loser".
enum class AssertState { kNoInfo, kWinner, kLoser };
std::string_view ToString(AssertState s);

class AssertPort {
 public:
  virtual ~AssertPort() = default;
  // An Assert for `key` onto the machine's interface with `metric` (the AssertCancel has
  // infinite_assert_metric()) and `source` in its Source Address field (§4.9.6).
  virtual void SendAssert(const JoinKey& key, const AssertMetric& metric, sim::wire::Ipv4Address source) = 0;
  // AssertWinner changed (a state change or a new winner): lost_assert and RPF' may change.
  virtual void WinnerChanged(const JoinKey& key) = 0;
  // RP(G), which an AssertCancel(*,G) names (0.0.0.0 when G has none).
  virtual sim::wire::Ipv4Address RpOf(sim::wire::Ipv4Address group) const = 0;
  // One events.jsonl line (kind "pim.assert").
  virtual void Trace(std::string_view kind, TraceFields fields) = 0;
};

class AssertMachine {
 public:
  // Starts in NoInfo. `my_address` is the interface's (the winner's identity when it is us).
  // Assert_Time and Assert_Override_Interval are read from `config` at each timer start. Port
  // calls come last; do not destroy the machine from inside one.
  AssertMachine(sim::core::Scheduler& scheduler, sim::core::NodeId node, JoinKey key,
                const Config& config, sim::wire::Ipv4Address my_address, AssertPort& port);
  AssertMachine(const AssertMachine&) = delete;
  AssertMachine& operator=(const AssertMachine&) = delete;

  // "Data arrives from S to G on I" (or "for G" for (*,G)): data on an interface of the olist.
  // `data_source` is the datagram's source, which a (*,G) Assert it triggers names (§4.9.6).
  void OnDataArrived(bool could_assert, const AssertMetric& my_metric,
                     sim::wire::Ipv4Address data_source = {});
  // An Assert for this entry from `theirs.address`, with the entry's current conditions. An
  // (S,G) machine tracks (NoInfo -> Loser) only Asserts with the RPT bit clear, a (*,G) one only
  // those with it set (§4.6.1, §4.6.2); the caller hands an RPT Assert that an (S,G) machine
  // left in NoInfo on to the (*,G) machine.
  void OnAssertReceived(const AssertMetric& theirs, bool could_assert, bool tracking_desired,
                        const AssertMetric& my_metric);
  // The caller's conditions changed (re-evaluated at every recompute of the entry): Winner
  // leaves on "CouldAssert -> FALSE" (and sends AssertCancel); Loser leaves on
  // "AssertTrackingDesired -> FALSE", "my_metric -> better than Winner's", "RPF_interface
  // stops being I" (the caller passes `rpf_interface_left`).
  void OnConditions(bool could_assert, bool tracking_desired, const AssertMetric& my_metric,
                    bool rpf_interface_left = false);
  // "Receive Join(S,G) on Interface I" / "Receive Join(*,G)": a Join to us on the interface.
  void OnJoinReceived();
  // "Current Winner's GenID Changes or NLT Expires": the neighbor `who` restarted or went.
  void OnNeighborGone(sim::wire::Ipv4Address who);
  // PIM stopped on the interface or the router: NoInfo, nothing sent.
  void Stop();

  AssertState state() const { return state_; }
  bool winner() const { return state_ == AssertState::kWinner; }
  bool loser() const { return state_ == AssertState::kLoser; }
  const JoinKey& key() const { return key_; }
  // AssertWinner(S,G,I) and AssertWinnerMetric(S,G,I); in NoInfo, the RFC's defaults (NULL,
  // infinite).
  sim::wire::Ipv4Address assert_winner() const { return winner_metric_.address; }
  const AssertMetric& assert_winner_metric() const { return winner_metric_; }
  // Time left on the Assert Timer; empty in NoInfo.
  std::optional<sim::core::Duration> assert_timer_in() const;

 private:
  void OnAssertTimerExpired();
  // A1: send Assert, timer Assert_Time - Assert_Override_Interval, store self as winner.
  // `data_source`: the datagram that triggered it, if one did.
  void BecomeWinner(std::string_view event, const AssertMetric& my_metric,
                    sim::wire::Ipv4Address data_source = {});
  // The Source Address of an Assert sent now (§4.9.6): S for (S,G), AssertCancel(S,G) included;
  // for (*,G), the source of the datagram that triggered it, else 0.0.0.0, and RP(G) in an
  // AssertCancel(*,G) (§4.6.4).
  sim::wire::Ipv4Address SourceField(sim::wire::Ipv4Address data_source, bool cancel = false) const;
  // A2 / A6: store the new winner and its metric, timer Assert_Time.
  void BecomeLoser(std::string_view event, const AssertMetric& winner);
  // A3: send Assert, timer Assert_Time - Assert_Override_Interval.
  void Reassert(std::string_view event);
  // A4 (cancel = true) / A5: delete the assert info.
  void ToNoInfo(std::string_view event, bool cancel);
  // The only writer of state_; traces one "pim.assert" line.
  void TransitionTo(AssertState next, std::string_view event, std::string_view action);

  sim::core::Scheduler& scheduler_;
  JoinKey key_;
  const Config& config_;
  sim::wire::Ipv4Address my_address_;
  AssertPort& port_;
  AssertState state_ = AssertState::kNoInfo;
  // AssertWinnerMetric(S,G,I), whose address is AssertWinner(S,G,I); infinite in NoInfo.
  AssertMetric winner_metric_;
  // RFC 7761 §4.6.1 "Assert Timer (AT(S,G,I))": the winner's re-send, the loser's give-up.
  sim::core::Timer assert_timer_;
};

}  // namespace pim

#endif  // MCASTLAB_PIM_ASSERT_STATE_H_
