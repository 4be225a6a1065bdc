// RFC 2236 §7, a router's state for one group (the RFC's Querier diagram, redrawn; the
// Non-Querier diagram is the same without the leave and retransmit edges, and with
// "g-s query rec'd (start timer*)" from Members Present to Checking Membership):
//
//   No Members Present --v2 report (notify routing +, start timer)--> Members Present
//   No Members Present --v1 report (notify routing +, start timer,
//                                   start v1 host timer)-----------> V1 Members Present
//   Members Present    --v2 report (start timer)--------------------> Members Present
//   Members Present    --v1 report (start timer, start v1 host timer)-> V1 Members Present
//   Members Present    --leave (start timer*, start rexmt timer,
//                               send g-s query)---------------------> Checking Membership
//   Members Present    --timer expired (notify routing -)-----------> No Members Present
//   Checking Membership--v2 report (start timer)--------------------> Members Present
//   Checking Membership--v1 report (start timer, start v1 host timer)-> V1 Members Present
//   Checking Membership--rexmt timer expired (send g-s query,
//                                             start rexmt timer)----> Checking Membership
//   Checking Membership--timer expired (notify routing -,
//                                       clear rexmt timer)----------> No Members Present
//   V1 Members Present --v2 report (start timer)--------------------> V1 Members Present
//   V1 Members Present --v1 host timer expired----------------------> Members Present
//   V1 Members Present --timer expired (notify routing -)-----------> No Members Present
//
// Choices where the RFC leaves room, each also noted at its code:
// - A report in Checking Membership does not stop the retransmissions: §3 says the Querier
//   "sends [Last Member Query Count] Group-Specific Queries", and FRR 8.4 sends them all.
//   Members answer each one, so the later queries cost a report each and lose nothing; a
//   querier that stopped early would leave a Non-Querier's timer lowered by the first one.
// - v1 reports put a Non-Querier in V1 Members Present too: §4's "MUST set a timer to note
//   that there are version 1 hosts present" is not limited to Queriers, and a Non-Querier
//   that later takes over must still ignore leaves for the group.
// - A v1 report in V1 Members Present restarts both timers (the diagram shows only the v2
//   edge; §4's v1 host timer rule covers every v1 report).
// - A Non-Querier's group-specific query lowers the timer to LMQC x the packet's Max Resp Time
//   (§3, §7 "start timer*"), read as 10 s when zero (§4's host rule). In V1 Members Present
//   it lowers the timer but keeps the state; in Checking Membership it only lowers it.
#include "igmp/router_group.h"

#include <string>
#include <utility>

namespace igmp {

using sim::core::Duration;
using sim::wire::Ipv4Address;

namespace {

constexpr std::string_view kTraceKind = "igmp.router_group";

}  // namespace

std::string_view ToString(RouterGroupState s) {
  switch (s) {
    case RouterGroupState::kNoMembersPresent:
      return "NoMembersPresent";
    case RouterGroupState::kMembersPresent:
      return "MembersPresent";
    case RouterGroupState::kV1MembersPresent:
      return "V1MembersPresent";
    case RouterGroupState::kCheckingMembership:
      return "CheckingMembership";
  }
  return "?";
}

RouterGroup::RouterGroup(sim::core::Scheduler& scheduler, sim::core::NodeId node, Ipv4Address group,
                         const RouterConfig& config, RouterPort& port)
    : scheduler_(scheduler),
      group_(group),
      config_(config),
      port_(port),
      group_timer_(scheduler, node, [this] { OnGroupTimerExpired(); }),
      rexmt_timer_(scheduler, node, [this] { OnRexmtTimerExpired(); }),
      v1_host_timer_(scheduler, node, [this] { OnV1HostTimerExpired(); }) {}

void RouterGroup::OnReportReceived(Ipv4Address reporter, int version) {
  if (version != 1 && version != 2) return;
  last_reporter_ = reporter;
  const std::string_view event = version == 1 ? "v1 report" : "v2 report";
  switch (state_) {
    case RouterGroupState::kNoMembersPresent:
      since_ = scheduler_.Now();
      TransitionTo(
          version == 1 ? RouterGroupState::kV1MembersPresent : RouterGroupState::kMembersPresent,
          event, "notify routing +");
      StartTimers(version);
      port_.MembershipChanged(group_, true);
      return;
    case RouterGroupState::kMembersPresent:
      // RFC 2236 §7: --v2 report rec'd (start timer)--> itself; --v1 report rec'd (start
      // timer, start v1 host timer)--> V1 Members Present.
      if (version == 1) TransitionTo(RouterGroupState::kV1MembersPresent, event);
      StartTimers(version);
      return;
    case RouterGroupState::kCheckingMembership:
      // RFC 2236 §3: the group is dropped only "If no Reports are received after the
      // response time of the last query expires", and the Querier "sends [Last Member Query
      // Count] Group-Specific Queries".
      // Therefore: a report ends the check, but the queries still due go out (as FRR does).
      TransitionTo(
          version == 1 ? RouterGroupState::kV1MembersPresent : RouterGroupState::kMembersPresent,
          event);
      StartTimers(version);
      return;
    case RouterGroupState::kV1MembersPresent:
      // RFC 2236 §7: V1 Members Present --v2 report rec'd (start timer)--> itself; a v1
      // report also restarts the v1 host timer (§4).
      StartTimers(version);
      return;
  }
}

void RouterGroup::StartTimers(int version) {
  // RFC 2236 §7 "start timer": "also resets the timer to its initial value [Group Membership
  // Interval] if the timer is currently running."
  // The group timer is (re)started before the v1 host timer: when both end at the same
  // instant the group timer runs first and the group goes straight to No Members Present.
  group_timer_.Restart(config_.group_membership_interval);
  if (version == 1) {
    // RFC 2236 §4: "If a router receives a Version 1 Membership Report, it MUST set a timer
    // to note that there are version 1 hosts present which are members of the group for
    // which it heard the report. This timer should be the same as the [Group Membership
    // Interval]."
    v1_host_timer_.Restart(config_.group_membership_interval);
  }
}

void RouterGroup::OnLeaveReceived(bool is_querier) {
  // RFC 2236 §3: "Non-Queriers MUST ignore Leave Group messages".
  // RFC 2236 §4: "If there are version 1 hosts present for a particular group, a router MUST
  // ignore any Leave Group messages that it receives for that group." and "When in IGMPv1
  // mode, routers ... MUST ignore Leave Group messages."
  // RFC 2236 §7: only Members Present has a leave edge; a second leave during Checking
  // Membership does not restart the queries.
  if (!is_querier || config_.version == 1) return;
  if (state_ != RouterGroupState::kMembersPresent) return;
  // RFC 2236 §3: "When a Querier receives a Leave Group message for a group that has group
  // members on the reception interface, it sends [Last Member Query Count] Group-Specific
  // Queries every [Last Member Query Interval] to the group being left."
  // RFC 2236 §7 "start timer*": "sets the timer to [Last Member Query Interval] * [Last
  // Member Query Count] if this router is a Querier".
  // Therefore: queries at t, t + LMQI, ..., t + (LMQC - 1) x LMQI, and with no report the
  // group is gone at exactly t + LMQC x LMQI.
  const std::uint32_t count = config_.last_member_query_count;
  TransitionTo(RouterGroupState::kCheckingMembership, "leave", count > 0 ? "send gsq" : "");
  group_timer_.Restart(config_.last_member_query_interval * count);
  // FRR (pim_igmpv3.c, group_query_send): the query sent at the leave does not count against
  // the retransmit counter, which is set to LMQC, so LMQC more follow LMQI apart. The group
  // timer was armed first, so with no answer it still ends the group at t + LMQC x LMQI
  // before the last query is due; after an answer that last query goes out too.
  const bool frr = config_.profile == sim::core::StackProfile::kFrr;
  queries_left_ = count > 0 && frr ? count + 1 : count;
  if (queries_left_ > 0) SendGroupSpecificQuery();
  if (queries_left_ > 0) rexmt_timer_.Restart(config_.last_member_query_interval);
}

void RouterGroup::OnRexmtTimerExpired() {
  // RFC 2236 §7: Checking Membership --rexmt timer expired (send g-s query, st rxmt tmr)-->
  // Checking Membership. RFC 2236 §3: "Any Querier to non-Querier transition is ignored
  // during this time; the same router keeps sending the Group-Specific Queries."
  // Therefore: no querier check here.
  port_.Trace(kTraceKind,
              {{"group", sim::wire::ToString(group_)}, {"timer", "rexmt"}, {"action", "send gsq"}});
  SendGroupSpecificQuery();
  if (queries_left_ > 0) rexmt_timer_.Restart(config_.last_member_query_interval);
}

void RouterGroup::SendGroupSpecificQuery() {
  // RFC 2236 §7 "send group-specific query": "The Group-Specific Query is sent to the group
  // being queried, and has a Max Response Time of [Last Member Query Interval]."
  port_.SendGroupSpecificQuery(group_, config_.last_member_query_interval);
  --queries_left_;
}

void RouterGroup::OnGroupSpecificQueryReceived(Duration max_resp_time) {
  if (state_ == RouterGroupState::kNoMembersPresent) return;
  // RFC 2236 §3: "When a non-Querier receives a Group-Specific Query message, if its existing
  // group membership timer is greater than [Last Member Query Count] times the Max Response
  // Time specified in the message, it sets its group membership timer to that value."
  // RFC 2236 §4 (for hosts): a Max Response Time of 0 "MUST be interpreted as a value of 100
  // (10 seconds)". Therefore: the same reading here, so a malformed zero cannot end the group
  // at once.
  const Duration max_resp =
      max_resp_time == Duration::Zero() ? sim::core::Seconds(10) : max_resp_time;
  group_timer_.RestartIfSooner(max_resp * config_.last_member_query_count);
  // RFC 2236 §7, Non-Querier: Members Present --g-s query rec'd (start timer*)--> Checking
  // Membership. In V1 Members Present the timer is lowered but the state kept: the v1 host
  // timer still says IGMPv1 members exist, and leaves stay ignored.
  if (state_ == RouterGroupState::kMembersPresent) {
    TransitionTo(RouterGroupState::kCheckingMembership, "gsq");
  }
}

void RouterGroup::OnGroupTimerExpired() {
  // RFC 2236 §7: every present state --timer expired (notify routing -)--> No Members
  // Present; from Checking Membership also "clear rexmt timer". The v1 host timer cannot
  // outlive the membership it qualifies.
  rexmt_timer_.Cancel();
  v1_host_timer_.Cancel();
  queries_left_ = 0;
  TransitionTo(RouterGroupState::kNoMembersPresent, "timer expired", "notify routing -");
  port_.MembershipChanged(group_, false);
}

void RouterGroup::OnV1HostTimerExpired() {
  // RFC 2236 §7: V1 Members Present --v1 host tmr exp'd--> Members Present; the group timer
  // keeps running untouched.
  if (state_ != RouterGroupState::kV1MembersPresent) return;
  TransitionTo(RouterGroupState::kMembersPresent, "v1 host timer expired");
}

void RouterGroup::Stop() {
  group_timer_.Cancel();
  rexmt_timer_.Cancel();
  v1_host_timer_.Cancel();
  queries_left_ = 0;
  if (state_ != RouterGroupState::kNoMembersPresent) {
    TransitionTo(RouterGroupState::kNoMembersPresent, "stop");
  }
}

std::optional<Duration> RouterGroup::expires_in() const {
  if (!group_timer_.running()) return std::nullopt;
  return group_timer_.remaining();
}

std::optional<Duration> RouterGroup::v1_host_expires_in() const {
  if (!v1_host_timer_.running()) return std::nullopt;
  return v1_host_timer_.remaining();
}

void RouterGroup::TransitionTo(RouterGroupState next, std::string_view event,
                               std::string_view action) {
  TraceFields fields{{"group", sim::wire::ToString(group_)},
                     {"from", std::string(ToString(state_))},
                     {"event", std::string(event)},
                     {"to", std::string(ToString(next))}};
  if (!action.empty()) fields.emplace_back("action", std::string(action));
  state_ = next;
  port_.Trace(kTraceKind, std::move(fields));
}

}  // namespace igmp
