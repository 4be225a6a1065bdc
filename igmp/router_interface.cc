// IGMPv2 on one router interface: dispatches each message heard to the querier election
// (RouterQuerier) and to the record of its group (RouterGroup), creating records on reports
// and dropping them once they are back in No Members Present.
#include "igmp/router_interface.h"

#include <utility>

namespace igmp {

using sim::wire::Ipv4Address;

namespace {

// RFC 2236 §3 and §9: reports and leaves carry a multicast group; 224.0.0.0/24 holds the
// link-local control groups (224.0.0.1 all systems, 224.0.0.2 all routers...), which are
// never routed (RFC 5771) and for which hosts send no reports (RFC 2236 §6).
// Therefore: the router keeps no membership for them.
bool IsRoutableGroup(Ipv4Address group) {
  return group.is_multicast() && !group.is_link_local_multicast();
}

}  // namespace

RouterInterface::RouterInterface(sim::core::Scheduler& s, sim::core::NodeId node,
                                 RouterConfig config, Ipv4Address own_address, RouterPort& port)
    : scheduler_(s),
      node_(node),
      config_(std::move(config)),
      port_(port),
      querier_(s, node, config_, own_address, port) {}

void RouterInterface::Start() { querier_.Start(); }

std::vector<Ipv4Address> RouterInterface::Stop() {
  std::vector<Ipv4Address> dropped;
  if (!running()) return dropped;
  querier_.Stop();
  for (auto& [group, record] : groups_) {
    if (record.members_present()) dropped.push_back(group);
    record.Stop();
  }
  groups_.clear();
  return dropped;
}

void RouterInterface::OnQuery(Ipv4Address source, const sim::wire::IgmpQuery& q) {
  if (!running()) return;
  ForgetIdleGroups();
  // RFC 2236 §3: a query from a lower address, general or group-specific, v1 or v2, makes
  // this router a Non-Querier. The election runs first, so a Querier that yields to this
  // very query already treats it as a Non-Querier below.
  querier_.OnQueryReceived(source);
  if (q.group.is_unspecified() || querier_.is_querier()) return;
  // RFC 2236 §3: "When a non-Querier receives a Group-Specific Query message, if its
  // existing group membership timer is greater than [Last Member Query Count] times the Max
  // Response Time specified in the message, it sets its group membership timer to that
  // value." Therefore: any sender, and only groups this router already has.
  if (RouterGroup* record = FindPresent(q.group)) {
    record->OnGroupSpecificQueryReceived(q.max_resp_time);
  }
}

void RouterInterface::OnV3Query(Ipv4Address source, const sim::wire::IgmpV3Query& /*q*/) {
  if (!running()) return;
  // RFC 3376 §6.6.2 (IGMPv3 routers elect the same way: lowest address wins) and RFC 2236
  // §3: the election counts every Query message. This IGMPv2 router does not act on a v3
  // query's group or sources.
  querier_.OnQueryReceived(source);
}

void RouterInterface::OnReport(Ipv4Address source, Ipv4Address group, int version) {
  if (!running() || !IsRoutableGroup(group) || (version != 1 && version != 2)) return;
  ForgetIdleGroups();
  // RFC 2236 §3: "When a router receives a Report, it adds the group being reported to the
  // list of multicast group memberships on the network on which it received the Report".
  auto it = groups_.try_emplace(group, scheduler_, node_, group, config_, group_port_).first;
  it->second.OnReportReceived(source, version);
}

void RouterInterface::OnLeave(Ipv4Address /*source*/, Ipv4Address group) {
  if (!running() || !IsRoutableGroup(group)) return;
  ForgetIdleGroups();
  // RFC 2236 §3: "Queriers SHOULD ignore Leave Group messages for which there are no group
  // members on the reception interface." The record applies the other rules (Non-Querier,
  // IGMPv1 hosts, IGMPv1 mode).
  if (RouterGroup* record = FindPresent(group)) record->OnLeaveReceived(querier_.is_querier());
}

void RouterInterface::Reconfigure(RouterConfig config) {
  config_ = std::move(config);
  querier_.Reconfigure(config_);
}

bool RouterInterface::HasMembers(Ipv4Address group) const {
  auto it = groups_.find(group);
  return it != groups_.end() && it->second.members_present();
}

std::vector<RouterInterface::GroupView> RouterInterface::Groups() const {
  std::vector<GroupView> views;
  for (const auto& [group, record] : groups_) {
    if (!record.members_present()) continue;
    views.push_back(GroupView{group, record.state(), record.since(), record.expires_in(),
                              record.last_reporter()});
  }
  return views;
}

void RouterInterface::ForgetIdleGroups() {
  if (!std::exchange(idle_records_, false)) return;
  std::erase_if(groups_, [](const auto& entry) { return !entry.second.members_present(); });
}

RouterGroup* RouterInterface::FindPresent(Ipv4Address group) {
  auto it = groups_.find(group);
  if (it == groups_.end() || !it->second.members_present()) return nullptr;
  return &it->second;
}

}  // namespace igmp
