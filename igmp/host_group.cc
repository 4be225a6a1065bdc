// RFC 2236 §6 per-group host state machine. Edges, as implemented (actions in brackets):
//
//   NonMember      --join group-->       DelayingMember [send report, set flag, start timer]
//                                        (IdleMember when robustness 1 owes no repeat)
//   DelayingMember --leave group-->      NonMember      [stop timer, send leave if flag set]
//   IdleMember     --leave group-->      NonMember      [send leave if flag set]
//   IdleMember     --query received-->   DelayingMember [start timer]
//   DelayingMember --query received-->   DelayingMember [reset timer if Max Resp Time < left]
//   DelayingMember --report received-->  IdleMember     [stop timer, clear flag]
//   IdleMember     --report received-->  IdleMember     [clear flag] (Linux; see OnReportReceived)
//   DelayingMember --timer expired-->    IdleMember     [send report, set flag]
//                                        (DelayingMember while unsolicited repeats are owed)
//   any member     --power off-->        NonMember      [stop timer, send nothing]
//
// Under the linux profile the join edge only starts the timer (DelayingMember [start timer]);
// the first report goes at its expiry, two kernel ticks later.
//
// A version-1 host (RFC 1112 Appendix I) runs the same machine without the flag's effect (it
// never sends a leave) and without the Delaying Member "query received" edge.
#include "igmp/host_group.h"

#include <algorithm>
#include <string>
#include <utility>

#include "sim/core/stack_profile.h"

namespace igmp {

using sim::core::Duration;

std::string_view ToString(HostGroupState s) {
  switch (s) {
    case HostGroupState::kNonMember:
      return "NonMember";
    case HostGroupState::kDelayingMember:
      return "DelayingMember";
    case HostGroupState::kIdleMember:
      return "IdleMember";
  }
  return "?";
}

HostGroup::HostGroup(sim::core::Scheduler& scheduler, sim::core::NodeId node,
                     sim::wire::Ipv4Address group, const HostConfig& config,
                     const HostInterfaceMode& mode, HostPort& port)
    : group_(group),
      config_(config),
      mode_(mode),
      port_(port),
      report_timer_(scheduler, node, [this] { OnReportTimerExpired(); }) {}

std::optional<Duration> HostGroup::report_in() const {
  if (!report_timer_.running()) return std::nullopt;
  return report_timer_.remaining();
}

void HostGroup::OnJoinGroup() {
  if (state_ != HostGroupState::kNonMember) return;  // §6: "only in the Non-Member state"
  // RFC 2236 §3: "When a host joins a multicast group, it should immediately transmit an
  // unsolicited Version 2 Membership Report for that group ... it is recommended that it be
  // repeated once or twice after short delays [Unsolicited Report Interval]."
  // Therefore: the first report goes out in this very instant (Linux waits two ticks: the
  // linux profile below), and robustness - 1 repeats follow, each a random delay after the
  // previous one.
  if (config_.profile == sim::core::StackProfile::kLinux) {
    // Linux (net/ipv4/igmp.c, igmp_group_added): the join only arms the report timer with
    // IGMP_INITIAL_REPORT_DELAY, a random tick below 1 plus the 2 ticks igmp_start_timer always
    // adds, so the first report leaves two ticks (8 ms at HZ=250) after the join; all
    // robustness reports are then owed to the timer.
    unsolicited_left_ = config_.robustness;
    report_timer_.Restart(sim::core::kLinuxJiffy * 2);
    TransitionTo(HostGroupState::kDelayingMember, "join group", "start timer");
    return;
  }
  unsolicited_left_ = config_.robustness > 0 ? config_.robustness - 1 : 0;
  const bool repeat = ScheduleUnsolicitedRepeat();
  TransitionWithAction(repeat ? HostGroupState::kDelayingMember : HostGroupState::kIdleMember, "join group",
                       SendReportAction(mode_.report_version()));
  SendReport();
}

void HostGroup::OnLeaveGroup() {
  if (state_ == HostGroupState::kNonMember) return;  // §6: only Delaying or Idle Member
  // RFC 2236 §6 "send leave": "If the interface state says the Querier is running IGMPv1,
  // this action SHOULD be skipped. If the flag saying we were the last host to report is
  // cleared, this action MAY be skipped."
  // Therefore: a leave only from the last reporter, and never while an IGMPv1 querier is
  // present or from a version-1 host (RFC 1112 has no leave message).
  const bool send_leave = last_reporter_ && !mode_.leave_suppressed();
  report_timer_.Cancel();
  unsolicited_left_ = 0;
  last_reporter_ = false;
  TransitionTo(HostGroupState::kNonMember, "leave group", send_leave ? "send leave" : "");
  if (send_leave) port_.SendLeave(group_);
}

void HostGroup::OnQueryReceived(Duration max_resp_time) {
  if (state_ == HostGroupState::kIdleMember) {
    // RFC 2236 §3: each timer is "set to a different random value ... selected from the
    // range (0, Max Response Time]". The port draws from the node's seeded stream.
    report_timer_.Restart(ReportDelay(max_resp_time));
    TransitionTo(HostGroupState::kDelayingMember, "query received");
    return;
  }
  if (state_ != HostGroupState::kDelayingMember) return;  // §6: ignored in Non-Member
  // RFC 1112 Appendix I has no "query received" edge out of Delaying Member: a version-1 host
  // keeps its running timer.
  if (config_.version == 1) return;
  // RFC 2236 §3: "If a timer for the group is already running, it is reset to the random
  // value only if the requested Max Response Time is less than the remaining value of the
  // running timer." (§6 diagram: "reset timer if Max Resp Time < current timer".)
  // Therefore: the comparison is on the query's Max Resp Time, not on a fresh draw, and no
  // delay is drawn when the timer is kept. A draw from [0, Max Resp Time] is then always
  // sooner than the running timer.
  if (max_resp_time >= report_timer_.remaining()) return;
  report_timer_.Restart(ReportDelay(max_resp_time));
  TransitionTo(HostGroupState::kDelayingMember, "query received", "reset timer");
}

void HostGroup::OnReportReceived() {
  if (state_ == HostGroupState::kDelayingMember) {
    // RFC 2236 §3: "If a host receives another host's Report (version 1 or 2) while it has a
    // timer running, it stops its timer for the specified group and does not send a Report".
    // Therefore (and as Linux hosts do): the timer stops whether it was answering a
    // query or waiting to repeat the join's report, so no unsolicited repeat is owed either.
    report_timer_.Cancel();
    unsolicited_left_ = 0;
    last_reporter_ = false;
    TransitionTo(HostGroupState::kIdleMember, "report received");
    return;
  }
  // RFC 2236 §6: a report "is ignored for memberships in the Non-Member or Idle Member state".
  // Linux clears the last-reporter flag in Idle Member too (seen in captures), which the issue
  // asks for: the later leave then comes only from the host that answered last. Therefore:
  // clear it, and trace only when it was set.
  if (state_ == HostGroupState::kIdleMember && last_reporter_) {
    last_reporter_ = false;
    TransitionTo(HostGroupState::kIdleMember, "report received", "clear flag");
  }
}

void HostGroup::OnPowerOff() {
  if (state_ == HostGroupState::kNonMember) return;
  report_timer_.Cancel();
  unsolicited_left_ = 0;
  last_reporter_ = false;
  TransitionTo(HostGroupState::kNonMember, "power off");
}

void HostGroup::OnReportTimerExpired() {
  // RFC 2236 §6 "timer expired" (only in Delaying Member): send report, set flag, Idle Member.
  // RFC 2236 §3 suggests repeating the join's report by acting "as if a Group-Specific Query
  // was received for that group". Therefore: any expiry, solicited or not, counts as one of
  // the owed repeats (Linux does the same), and the group stays Delaying Member while more
  // repeats are owed.
  const sim::core::TraceValue action = SendReportAction(mode_.report_version());
  if (unsolicited_left_ > 0) --unsolicited_left_;
  const bool repeat = ScheduleUnsolicitedRepeat();
  TransitionWithAction(repeat ? HostGroupState::kDelayingMember : HostGroupState::kIdleMember,
                       "timer expired", action);
  SendReport();
}

void HostGroup::SendReport() {
  // RFC 2236 §4: the interface's IGMPv1-querier state "MUST be used to decide what type of
  // Membership Reports to send for unsolicited Membership Reports as well as Membership
  // Reports in response to Queries." Therefore: the type is read at the instant of sending.
  port_.SendReport(group_, mode_.report_version());
  last_reporter_ = true;
}

bool HostGroup::ScheduleUnsolicitedRepeat() {
  if (unsolicited_left_ == 0) return false;
  // RFC 2236 §6 "start timer": for "an unsolicited Report, the timer is set to a delay value
  // chosen uniformly from the interval (0, [Unsolicited Report Interval] ]".
  report_timer_.Restart(ReportDelay(config_.unsolicited_report_interval));
  return true;
}

Duration HostGroup::ReportDelay(Duration max) {
  if (config_.profile != sim::core::StackProfile::kLinux) return port_.RandomDelay(max);
  // Linux igmp_start_timer: a random whole number of ticks below the maximum (at least one
  // tick), plus 2 ticks; so a delay from 8 ms up to max + 4 ms at HZ=250. The draw is made at
  // nanosecond resolution and cut to ticks, which keeps every tick equally likely.
  const sim::core::Duration tick = sim::core::kLinuxJiffy;
  const std::int64_t ticks = std::max<std::int64_t>(1, max.nanos() / tick.nanos());
  const Duration d = port_.RandomDelay(Duration::FromNanos(ticks * tick.nanos() - 1));
  return tick * (d.nanos() / tick.nanos() + 2);
}

sim::core::TraceValue HostGroup::SendReportAction(int version) {
  // A name from this table for the versions there are: a large run sends millions of reports.
  static constexpr std::string_view kActions[] = {"send v1 report", "send v2 report", "send v3 report"};
  if (version >= 1 && version <= 3) return sim::core::TraceValue::Name(kActions[version - 1]);
  return "send v" + std::to_string(version) + " report";
}

void HostGroup::TransitionTo(HostGroupState next, std::string_view event, std::string_view action) {
  // Every action passed here is a literal.
  if (action.empty()) {
    TransitionWithAction(next, event, std::nullopt);
  } else {
    TransitionWithAction(next, event, sim::core::TraceValue::Name(action));
  }
}

void HostGroup::TransitionWithAction(HostGroupState next, std::string_view event,
                                     std::optional<sim::core::TraceValue> action) {
  const HostGroupState from = state_;
  state_ = next;
  using sim::core::TraceValue;
  // States and events are names in the code: kept as views, not copied.
  TraceFields fields;
  fields.reserve(6);  // and the interface the port puts first
  fields.emplace_back("group", sim::wire::TraceAddress(group_));
  fields.emplace_back("from", TraceValue::Name(ToString(from)));
  fields.emplace_back("event", TraceValue::Name(event));
  fields.emplace_back("to", TraceValue::Name(ToString(next)));
  if (action) fields.emplace_back("action", std::move(*action));
  port_.Trace("igmp.host_group", std::move(fields));
}

}  // namespace igmp
