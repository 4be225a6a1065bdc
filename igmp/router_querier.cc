// RFC 2236 §7, querier election (the RFC's diagram, redrawn):
//
//            start (send general query,
//   Initial  ---- start gen. q. timer) ---->  Querier  <-- gen. q. timer expired
//                                            |   ^        (send general query,
//        query received from a router with   |   |         start gen. q. timer)
//        a lower IP address                  |   |
//        (start other querier present timer) |   | other querier present timer expired
//                                            v   | (send general query, start gen. q. timer)
//                                         Non-Querier <-- query from a lower address
//                                                         (restart other querier present timer)
#include "igmp/router_querier.h"

#include <string>
#include <utility>

#include "sim/wire/ipv4_address.h"

namespace igmp {

using sim::core::Duration;
using sim::wire::Ipv4Address;

namespace {

constexpr std::string_view kTraceKind = "igmp.querier";
constexpr std::string_view kSendGeneralQuery = "send general query";

std::string_view NameOf(std::optional<QuerierState> s) {
  return s ? ToString(*s) : std::string_view("Initial");
}

}  // namespace

std::string_view ToString(QuerierState s) {
  switch (s) {
    case QuerierState::kQuerier:
      return "Querier";
    case QuerierState::kNonQuerier:
      return "NonQuerier";
  }
  return "?";
}

RouterQuerier::RouterQuerier(sim::core::Scheduler& scheduler, sim::core::NodeId node,
                             RouterConfig config, Ipv4Address own_address, RouterPort& port)
    : config_(std::move(config)),
      own_address_(own_address),
      port_(port),
      general_query_timer_(scheduler, node, [this] { OnGeneralQueryTimerExpired(); }),
      other_querier_present_timer_(scheduler, node,
                                   [this] { OnOtherQuerierPresentTimerExpired(); }) {}

void RouterQuerier::Start() {
  if (running()) return;
  // RFC 2236 §7: "A router should start in the Initial state on all attached networks, and
  // immediately move to Querier state."
  // RFC 2236 §3: "On startup, a router SHOULD send [Startup Query Count] General Queries
  // spaced closely together [Startup Query Interval]".
  // Therefore: the first query now, the other Startup Query Count - 1 at the Startup Query
  // Interval, then the Query Interval (OnGeneralQueryTimerExpired).
  if (config_.profile == sim::core::StackProfile::kFrr) {
    // FRR pimd (pim_igmp.c, pim_igmp_general_query_on): the first query of a new querier
    // waits one second "to give the entire world a tiny bit of time to settle", and counts
    // as the first of the startup queries.
    TransitionTo(QuerierState::kQuerier, "start", "start gen. q. timer");
    startup_queries_left_ = config_.startup_query_count;
    general_query_timer_.Restart(sim::core::Seconds(1));
    return;
  }
  TransitionTo(QuerierState::kQuerier, "start", kSendGeneralQuery);
  startup_queries_left_ = config_.startup_query_count > 0 ? config_.startup_query_count - 1 : 0;
  SendGeneralQuery();
  general_query_timer_.Restart(startup_queries_left_ > 0 ? StartupQueryInterval()
                                                         : config_.query_interval);
}

Duration RouterQuerier::StartupQueryInterval() const {
  if (config_.profile == sim::core::StackProfile::kLinux) {
    // The Linux bridge keeps its intervals in kernel ticks: 125 * HZ / 4 is 7812 ticks at
    // HZ=250, so its startup queries are 31.248 s apart (br_multicast_ctx_init).
    const std::int64_t tick = sim::core::kLinuxJiffy.nanos();
    return Duration::FromNanos(config_.startup_query_interval.nanos() / tick * tick);
  }
  if (config_.profile != sim::core::StackProfile::kFrr) return config_.startup_query_interval;
  // FRR's PIM_IGMP_SQI: the Query Interval in whole seconds shifted right by 2 (at least
  // 1 s), so 31 s for the default 125 s where the RFC's QI / 4 is 31.25 s.
  const std::int64_t qi_seconds = config_.query_interval.nanos() / sim::core::Seconds(1).nanos();
  return sim::core::Seconds(qi_seconds < 4 ? 1 : qi_seconds / 4);
}

void RouterQuerier::Stop() {
  if (!running()) return;
  // Power off or interface down: forget the election, send nothing.
  general_query_timer_.Cancel();
  other_querier_present_timer_.Cancel();
  startup_queries_left_ = 0;
  other_querier_ = Ipv4Address();
  TransitionTo(std::nullopt, "stop");
}

void RouterQuerier::OnQueryReceived(Ipv4Address source) {
  if (!running()) return;
  // RFC 2236 §3: "If a multicast router hears a Query message from a router with a lower IP
  // address, it MUST become a Non-Querier on that network."
  // Therefore: queries from higher addresses, and our own looped back, do not touch the
  // election at all.
  if (!(source < own_address_)) return;
  other_querier_ = source;
  // RFC 2236 §7: the same event in Non-Querier state "(set other querier present timer)".
  other_querier_present_timer_.Restart(config_.other_querier_present_interval);
  if (state_ == QuerierState::kNonQuerier) return;
  // RFC 2236 §7: Querier --query received from a router with a lower IP address-->
  // Non-Querier. A Non-Querier sends no queries, so the general query timer stops, and with
  // it whatever was left of the startup burst (FRR too starts no new burst on takeover).
  general_query_timer_.Cancel();
  startup_queries_left_ = 0;
  TransitionTo(QuerierState::kNonQuerier, "query from lower address");
}

void RouterQuerier::OnGeneralQueryTimerExpired() {
  // RFC 2236 §7: Querier --gen. query timer expired (send general query, set gen. q. timer)-->
  // Querier. The startup burst uses the Startup Query Interval (§8.6) until Startup Query
  // Count (§8.7) queries are out, then the Query Interval (§8.2).
  port_.Trace(kTraceKind, {{"timer", "general query"}, {"action", std::string(kSendGeneralQuery)}});
  SendGeneralQuery();
  if (startup_queries_left_ > 0) --startup_queries_left_;
  general_query_timer_.Restart(startup_queries_left_ > 0 ? StartupQueryInterval()
                                                         : config_.query_interval);
}

void RouterQuerier::OnOtherQuerierPresentTimerExpired() {
  // RFC 2236 §3: "If a router has not heard a Query message from another router for [Other
  // Querier Present Interval], it resumes the role of Querier."
  // RFC 2236 §7: Non-Querier --other querier present timer expired (send general query, set
  // gen. q. timer)--> Querier.
  // Therefore (and as FRR 8.4 does in captures): one query now, then one every Query Interval;
  // the startup burst belongs to the Initial state only.
  other_querier_ = Ipv4Address();
  TransitionTo(QuerierState::kQuerier, "other querier present timer expired", kSendGeneralQuery);
  SendGeneralQuery();
  general_query_timer_.Restart(config_.query_interval);
}

void RouterQuerier::SendGeneralQuery() {
  // RFC 2236 §7 "send general query": "The General Query is sent to the all-systems group
  // (224.0.0.1), and has a Max Response Time of [Query Response Interval]."
  // RFC 2236 §4: "When in IGMPv1 mode, routers MUST send Periodic Queries with a Max Response
  // Time of 0".
  port_.SendGeneralQuery(config_.version == 1 ? Duration::Zero() : config_.query_response_interval);
}

void RouterQuerier::Reconfigure(RouterConfig config) { config_ = std::move(config); }

Ipv4Address RouterQuerier::querier_address() const {
  if (!state_) return Ipv4Address();
  return *state_ == QuerierState::kQuerier ? own_address_ : other_querier_;
}

std::optional<Duration> RouterQuerier::other_querier_expires_in() const {
  if (state_ != QuerierState::kNonQuerier) return std::nullopt;
  return other_querier_present_timer_.remaining();
}

std::optional<Duration> RouterQuerier::next_general_query_in() const {
  if (state_ != QuerierState::kQuerier) return std::nullopt;
  return general_query_timer_.remaining();
}

void RouterQuerier::TransitionTo(std::optional<QuerierState> next, std::string_view event,
                                 std::string_view action) {
  TraceFields fields{{"from", std::string(NameOf(state_))},
                     {"event", std::string(event)},
                     {"to", std::string(NameOf(next))}};
  if (next == QuerierState::kNonQuerier) {
    fields.emplace_back("querier", sim::wire::ToString(other_querier_));
  }
  if (!action.empty()) fields.emplace_back("action", std::string(action));
  state_ = next;
  port_.Trace(kTraceKind, std::move(fields));
}

}  // namespace igmp
