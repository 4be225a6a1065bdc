// The IGMPv2 querier election and the general queries of one network (RFC 2236 §3 and §7,
// first diagram: Initial -> Querier <-> Non-Querier).
//
// Every router starts as Querier and sends [Startup Query Count] general queries
// [Startup Query Interval] apart, then one every [Query Interval]. On hearing a query (v1, v2 or
// v3) from a lower address it becomes Non-Querier and counts [Other Querier Present Interval]
// down from that query; when that runs out it is Querier again and sends one general query at
// once, then one every [Query Interval] (no second startup burst, as FRR does).
//
// The class knows nothing of groups: RouterInterface feeds it every query it hears, and a
// snooping switch's optional querier can use it alone with any RouterPort.
#ifndef MCASTLAB_IGMP_ROUTER_QUERIER_H_
#define MCASTLAB_IGMP_ROUTER_QUERIER_H_

#include <cstdint>
#include <optional>
#include <string_view>

#include "igmp/config.h"
#include "igmp/router_port.h"
#include "sim/core/scheduler.h"
#include "sim/core/time.h"
#include "sim/core/timer.h"
#include "sim/wire/ipv4_address.h"

namespace igmp {

// RFC 2236 §7: the role of a router on one attached network.
enum class QuerierState { kQuerier, kNonQuerier };

// "Querier", "NonQuerier".
std::string_view ToString(QuerierState s);

class RouterQuerier {
 public:
  // Starts in the RFC's Initial state (not running): silent until Start().
  RouterQuerier(sim::core::Scheduler& scheduler, sim::core::NodeId node, RouterConfig config,
                sim::wire::Ipv4Address own_address, RouterPort& port);
  RouterQuerier(const RouterQuerier&) = delete;
  RouterQuerier& operator=(const RouterQuerier&) = delete;

  // Initial -> Querier: the first general query at once, then the startup burst. No effect
  // when already running.
  void Start();
  // Back to Initial: both timers cancelled, nothing sent.
  void Stop();
  // Any Membership Query heard on the network (v1, v2, v3; general or group-specific),
  // `source` being its IP source address. Only the source matters to the election.
  void OnQueryReceived(sim::wire::Ipv4Address source);
  // New intervals apply from the next (re)start of each timer; a running timer keeps its
  // deadline. The Max Resp Time of the next query follows the new version and interval.
  void Reconfigure(RouterConfig config);

  bool running() const { return state_.has_value(); }
  // Empty while not running (the RFC's Initial state).
  std::optional<QuerierState> state() const { return state_; }
  bool is_querier() const { return state_ == QuerierState::kQuerier; }
  // Own address when Querier; when Non-Querier, the source of the query that last (re)started
  // the Other Querier Present timer; 0.0.0.0 while not running.
  sim::wire::Ipv4Address querier_address() const;
  sim::wire::Ipv4Address own_address() const { return own_address_; }
  // Set only while Non-Querier.
  std::optional<sim::core::Duration> other_querier_expires_in() const;
  // Set only while Querier.
  std::optional<sim::core::Duration> next_general_query_in() const;
  const RouterConfig& config() const { return config_; }

 private:
  void OnGeneralQueryTimerExpired();
  void OnOtherQuerierPresentTimerExpired();
  void SendGeneralQuery();
  // §8.6, or FRR's whole-second version of it under the frr profile.
  sim::core::Duration StartupQueryInterval() const;
  // The only writer of state_; traces one "igmp.querier" line. `next` empty = Initial.
  void TransitionTo(std::optional<QuerierState> next, std::string_view event,
                    std::string_view action = {});

  RouterConfig config_;
  sim::wire::Ipv4Address own_address_;
  RouterPort& port_;
  std::optional<QuerierState> state_;  // empty = Initial (stopped)
  sim::wire::Ipv4Address other_querier_;
  // Startup queries still to send after the next one that is due (RFC 2236 §8.7).
  std::uint32_t startup_queries_left_ = 0;
  // RFC 2236 §7 "general query timer": [Startup Query Interval] (§8.6) during the startup
  // burst, then [Query Interval] (§8.2). Runs only while Querier.
  sim::core::Timer general_query_timer_;
  // RFC 2236 §7 "other querier present timer": [Other Querier Present Interval] (§8.5).
  // Runs only while Non-Querier.
  sim::core::Timer other_querier_present_timer_;
};

}  // namespace igmp

#endif  // MCASTLAB_IGMP_ROUTER_QUERIER_H_
