// One interface's IGMP host side: routes each event to the groups it applies to, and keeps
// the RFC 2236 §6 IGMPv1-router-present state:
//
//   NoIGMPv1RouterPresent --IGMPv1 query received--> IGMPv1RouterPresent   [set timer]
//   IGMPv1RouterPresent   --IGMPv1 query received--> IGMPv1RouterPresent   [set timer]
//   IGMPv1RouterPresent   --timer expires-->         NoIGMPv1RouterPresent
//
// The state is the timer itself (running = present), so it cannot disagree with it. Only the
// two changes of state are traced; a restart while present is not.
#include "igmp/host_interface.h"

#include <string>
#include <utility>

namespace igmp {

using sim::core::Duration;
using sim::wire::Ipv4Address;

namespace {

// RFC 2236 §4: an IGMPv1 query's Max Response Time of 0 "MUST be interpreted as a value of
// 100 (10 seconds)". RFC 1112 Appendix I gives a version-1 host the same 10 s for any query.
constexpr Duration kIgmpv1MaxRespTime = sim::core::Deciseconds(100);

}  // namespace

HostInterface::HostInterface(sim::core::Scheduler& s, sim::core::NodeId node, HostConfig config,
                             HostPort& port)
    : scheduler_(s),
      node_(node),
      config_(std::move(config)),
      port_(port),
      v1_router_present_timer_(s, node, [this] { OnV1RouterPresentTimerExpired(); }) {}

void HostInterface::Join(Ipv4Address group) {
  // RFC 2236 §6: "The all-systems group (address 224.0.0.1) is handled as a special case. The
  // host starts in Idle Member state for that group on every interface, never transitions to
  // another state, and never sends a report for that group."
  // Therefore: no record, no report, no trace; queries never touch it.
  if (group == sim::wire::kAllSystems) return;
  const HostInterfaceMode& mode = *this;
  auto [it, inserted] = groups_.try_emplace(group, scheduler_, node_, group, config_, mode, port_);
  if (!inserted) return;  // already a member: "join group" occurs only in Non-Member
  it->second.OnJoinGroup();
}

void HostInterface::Leave(Ipv4Address group) {
  auto it = groups_.find(group);
  if (it == groups_.end()) return;
  it->second.OnLeaveGroup();
  // RFC 2236 §6: Non-Member "requires no storage in the host".
  groups_.erase(it);
}

void HostInterface::OnQuery(const sim::wire::IgmpQuery& q) {
  const bool igmpv1_query = q.max_resp_time == Duration::Zero();
  // RFC 2236 §4: the IGMPv1-querier variable "MUST be based upon whether or not an IGMPv1
  // query was heard in the last [Version 1 Router Present Timeout] seconds". RFC 1112 hosts
  // keep no such state (they only ever send v1 reports).
  if (igmpv1_query && config_.version != 1) OnIgmpv1QueryReceived();

  // RFC 1112 Appendix I: in a query "the group address field is zeroed when sent, ignored
  // when received", and the response delay is up to 10 s. Therefore: a version-1 host treats
  // every query as a general query with 10 s.
  const bool v1_host = config_.version == 1;
  const Duration max_resp = igmpv1_query || v1_host ? kIgmpv1MaxRespTime : q.max_resp_time;
  // RFC 2236 §6: "A General Query applies to all memberships on the interface from which the
  // Query is received. A Group-Specific Query applies to membership in a single group".
  if (q.group.is_unspecified() || v1_host) {
    for (auto& [group, g] : groups_) g.OnQueryReceived(max_resp);  // in group order
    return;
  }
  auto it = groups_.find(q.group);
  if (it != groups_.end()) it->second.OnQueryReceived(max_resp);
}

void HostInterface::OnReport(Ipv4Address group) {
  // RFC 2236 §6: "A Membership Report applies only to the membership in the group identified
  // by the Membership Report".
  auto it = groups_.find(group);
  if (it != groups_.end()) it->second.OnReportReceived();
}

void HostInterface::Stop() {
  for (auto& [group, g] : groups_) g.OnPowerOff();
  groups_.clear();
  // Powered off, the host forgets the querier's version too; no trace, like any power-off.
  v1_router_present_timer_.Cancel();
}

std::optional<HostGroupState> HostInterface::StateOf(Ipv4Address group) const {
  auto it = groups_.find(group);
  if (it == groups_.end()) return std::nullopt;
  return it->second.state();
}

std::vector<HostInterface::GroupView> HostInterface::Groups() const {
  std::vector<GroupView> out;
  out.reserve(groups_.size());
  for (const auto& [group, g] : groups_) {
    out.push_back({group, g.state(), g.report_in(), g.last_reporter()});
  }
  return out;
}

int HostInterface::report_version() const {
  // RFC 2236 §4: "This state variable MUST be used to decide what type of Membership Reports
  // to send". A version-1 host sends only version 1 reports (RFC 1112).
  return config_.version == 1 || v1_router_present() ? 1 : 2;
}

bool HostInterface::leave_suppressed() const {
  // RFC 2236 §6 "send leave": "If the interface state says the Querier is running IGMPv1,
  // this action SHOULD be skipped." Therefore: skipped. RFC 1112 has no leave at all.
  return config_.version == 1 || v1_router_present();
}

void HostInterface::OnIgmpv1QueryReceived() {
  const bool was_present = v1_router_present();
  // RFC 2236 §6 "set timer": "setting the timer to its maximum value [Version 1 Router
  // Present Timeout] and (re)starting it." Therefore: Restart, never RestartIfSooner.
  v1_router_present_timer_.Restart(config_.version1_router_present_timeout);
  if (!was_present) TraceV1RouterPresent(true, "IGMPv1 query received");
}

void HostInterface::OnV1RouterPresentTimerExpired() {
  TraceV1RouterPresent(false, "timer expires");
}

void HostInterface::TraceV1RouterPresent(bool present, std::string_view event) {
  constexpr std::string_view kPresent = "IGMPv1RouterPresent";
  constexpr std::string_view kAbsent = "NoIGMPv1RouterPresent";
  port_.Trace("igmp.host_interface", {{"from", std::string(present ? kAbsent : kPresent)},
                                      {"event", std::string(event)},
                                      {"to", std::string(present ? kPresent : kAbsent)}});
}

}  // namespace igmp
