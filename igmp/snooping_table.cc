// IGMP snooping (RFC 4541 §2.1), the per-switch table.
//
// Per (group, port), learned from reports and leaves:
//
//   not a member --report-------------------------> member          [start GMI]
//   member       --report-------------------------> member          [restart GMI]
//   member       --leave (no fast leave)----------> member          [lower timer to LMQC x LMQI]
//   member       --leave (fast leave)-------------> not a member
//   member       --membership timer expiry--------> not a member
//   member       --port down / power off----------> not a member
//
// A group with at least one member port is "registered": its data goes to its member ports
// and the router ports. When its last member port goes it is unregistered, and flooded again.
//
// Per port, learned from queries and PIM hellos:
//
//   not a router port --query / PIM hello---------> router port     [start OQPI]
//   router port       --query / PIM hello---------> router port     [restart OQPI]
//   router port       --router port timer expiry--> not a router port
//   router port       --port down / power off-----> not a router port
//
// Trace lines (kind "igmp.snooping"): {"group"}? {"port"}? {"event"} {"change"}, with event one
// of report, leave, fast-leave, aged, query, pim-hello, port-down, power-off and change one of
// port added, port removed, timer lowered, timer restored, group registered, group
// unregistered, router port added, router port aged, router port removed, table flushed.
// Timer refreshes (a report from a member port, a query from a router port) are not traced:
// they happen every query interval and change nothing a reader of the table would see.
#include "igmp/snooping_table.h"

#include <string>
#include <utility>

namespace igmp {

using sim::core::Duration;
using sim::wire::Ipv4Address;

namespace {
constexpr std::string_view kTraceKind = "igmp.snooping";
}  // namespace

SnoopingTable::SnoopingTable(sim::core::Scheduler& s, sim::core::NodeId node, SnoopingConfig c,
                             SnoopingPort& port)
    : scheduler_(s), node_(node), config_(c), port_(port) {}

// ---------------------------------------------------------------------------------------
// Router ports

void SnoopingTable::OnQuery(SwitchPort in, Ipv4Address source, Ipv4Address /*group*/) {
  // RFC 4541 §2.1.1 (2): "The switch supporting IGMP snooping must maintain a list of
  // multicast routers and the ports on which they are attached. This list can be constructed
  // in any combination of the following ways: ... b) The arrival port for IGMP Queries (sent
  // by multicast routers) where the source address is not 0.0.0.0."
  // Therefore: general and group-specific queries alike mark their arrival port. The
  // 0.0.0.0 exception is a config choice: the Linux bridge dropped it (kernel commit
  // 278e2148) because a querier without an address sends from 0.0.0.0, and reports that
  // never reach it leave the switches behind it without members.
  if (source.is_unspecified() && !config_.zero_source_query_marks_router_port) return;
  MarkRouterPort(in, "query");
}

void SnoopingTable::OnPimHello(SwitchPort in) {
  // RFC 4541 §2.1.1 (2) allows the router list to be built "in any combination" of ways;
  // multicast routers that run PIM send hellos every 30 s (RFC 7761 §4.11), even when they
  // are not the IGMP querier. Therefore: a PIM hello marks its arrival port like a query.
  MarkRouterPort(in, "pim-hello");
}

void SnoopingTable::MarkRouterPort(SwitchPort port, std::string_view event) {
  auto [it, added] = router_ports_.try_emplace(port, scheduler_, node_,
                                               [this, port] { OnRouterPortTimerExpired(port); });
  // RFC 2236 §8.5: "The Other Querier Present Interval is the length of time that must pass
  // before a multicast router decides that there is no longer another multicast router which
  // should be the querier." Therefore: a router port is kept that long after the last query
  // or hello heard on it.
  it->second.router_port_timer_.Restart(config_.router_port_timeout);
  if (added) TraceChange(std::nullopt, port, event, "router port added");
}

void SnoopingTable::OnRouterPortTimerExpired(SwitchPort port) {
  RemoveRouterPort(port, "aged", "router port aged");
}

void SnoopingTable::RemoveRouterPort(SwitchPort port, std::string_view event,
                                     std::string_view change) {
  if (router_ports_.erase(port) == 0) return;
  TraceChange(std::nullopt, port, event, change);
}

// ---------------------------------------------------------------------------------------
// Member ports

void SnoopingTable::OnReport(SwitchPort in, Ipv4Address group) {
  // RFC 4541 §2.1.2 (2): packets to 224.0.0.X "must be forwarded on all ports", so a
  // membership of such a group would change nothing (the Linux bridge ignores those reports
  // too). Therefore: only routable multicast groups are learned.
  if (!group.is_multicast() || group.is_link_local_multicast()) return;
  MemberRecord* member = FindMember(group, in);
  if (member == nullptr) {
    AddMemberPort(group, in);
    return;
  }
  // RFC 2236 §8.4: "The Group Membership Interval is the amount of time that must pass before
  // a multicast router decides there are no more members of a group on a network."
  // Therefore: each report restarts the port's timer at GMI, even one lowered by a leave
  // (another host behind the same port answered the querier's group-specific query).
  member->membership_timer_.Restart(config_.group_membership_interval);
  if (member->leave_pending) {
    member->leave_pending = false;
    TraceChange(group, in, "report", "timer restored");
  }
}

void SnoopingTable::AddMemberPort(Ipv4Address group, SwitchPort port) {
  auto [git, registered] = groups_.try_emplace(group);
  auto [pit, added] = git->second.try_emplace(
      port, scheduler_, node_, [this, group, port] { OnMembershipTimerExpired(group, port); });
  if (!added) return;
  pit->second.membership_timer_.Restart(config_.group_membership_interval);
  TraceChange(group, port, "report", "port added");
  if (registered) TraceChange(group, std::nullopt, "report", "group registered");
}

void SnoopingTable::OnLeave(SwitchPort in, Ipv4Address group) {
  MemberRecord* member = FindMember(group, in);
  // A leave from a port that is no member (or for a 224.0.0.x group) changes nothing.
  if (member == nullptr) return;
  if (config_.fast_leave) {
    // Fast leave: the operator states that one host sits behind each port, so its leave is
    // the port's leave.
    RemoveMemberPort(group, in, "fast-leave");
    return;
  }
  // RFC 2236 §3: on a leave the querier sends [Last Member Query Count] group-specific
  // queries [Last Member Query Interval] apart, and "When a non-Querier receives a
  // Group-Specific Query message, if its existing group membership timer is greater than
  // [Last Member Query Count] times the Max Response Time specified in the message, it sets
  // its group membership timer to that value."
  // Therefore: the leaving port's timer is lowered to LMQC x LMQI, the querier's whole
  // last-member query period, only if that is sooner; a report in that time restores GMI
  // (OnReport). Other member ports of the group keep their timers: the leave came from
  // behind this port only.
  const Duration lowered = config_.last_member_query_time;
  if (member->membership_timer_.running() && member->membership_timer_.remaining() <= lowered) {
    return;
  }
  member->membership_timer_.Restart(lowered);
  member->leave_pending = true;
  TraceChange(group, in, "leave", "timer lowered");
}

void SnoopingTable::OnMembershipTimerExpired(Ipv4Address group, SwitchPort port) {
  // `group` and `port` are copies: erasing the record destroys the closure that holds them.
  RemoveMemberPort(group, port, "aged");
}

void SnoopingTable::RemoveMemberPort(Ipv4Address group, SwitchPort port, std::string_view event) {
  auto git = groups_.find(group);
  if (git == groups_.end() || git->second.erase(port) == 0) return;
  TraceChange(group, port, event, "port removed");
  // RFC 4541 §2.1.2 (3): "If a switch receives an unregistered packet, it must forward that
  // packet on all ports to which an IGMP router is attached. A switch may default to
  // forwarding unregistered packets on all ports." Therefore: a group without member ports is
  // forgotten, and ForwardPorts floods it again (the Linux bridge's default).
  if (!git->second.empty()) return;
  groups_.erase(git);
  TraceChange(group, std::nullopt, event, "group unregistered");
}

SnoopingTable::MemberRecord* SnoopingTable::FindMember(Ipv4Address group, SwitchPort port) {
  auto git = groups_.find(group);
  if (git == groups_.end()) return nullptr;
  auto pit = git->second.find(port);
  return pit == git->second.end() ? nullptr : &pit->second;
}

// ---------------------------------------------------------------------------------------
// Link and power

void SnoopingTable::OnPortDown(SwitchPort p) {
  // RFC 4541 §2.1.1 (4) asks a snooping switch to be aware of topology changes. A port whose
  // link is down leads nowhere: its memberships and its router are forgotten now rather than
  // aged out later.
  RemoveRouterPort(p, "port-down", "router port removed");
  std::vector<Ipv4Address> joined;
  for (const auto& [group, ports] : groups_) {
    if (ports.contains(p)) joined.push_back(group);
  }
  for (Ipv4Address group : joined) RemoveMemberPort(group, p, "port-down");
}

void SnoopingTable::Stop() {
  if (groups_.empty() && router_ports_.empty()) return;
  groups_.clear();  // the timers cancel themselves
  router_ports_.clear();
  TraceChange(std::nullopt, std::nullopt, "power-off", "table flushed");
}

// ---------------------------------------------------------------------------------------
// Queries from the switch

std::set<SwitchPort> SnoopingTable::RouterPorts() const {
  std::set<SwitchPort> ports;
  for (const auto& [port, record] : router_ports_) ports.insert(port);
  return ports;
}

std::set<SwitchPort> SnoopingTable::ForwardPorts(Ipv4Address group, SwitchPort in,
                                                 const std::set<SwitchPort>& all_ports) const {
  std::set<SwitchPort> out;
  const auto add = [&](SwitchPort p) {
    if (p != in && all_ports.contains(p)) out.insert(p);
  };
  auto git = groups_.find(group);
  // RFC 4541 §2.1.2 (2): "Packets with a destination IP (DIP) address in the 224.0.0.X range
  // which are not IGMP must be forwarded on all ports." (3): unregistered packets may go to
  // all ports. Therefore: both are flooded.
  if (group.is_link_local_multicast() || git == groups_.end()) {
    for (SwitchPort p : all_ports) add(p);
    return out;
  }
  // RFC 4541 §2.1.2 (1): "Packets with a destination IP address outside 224.0.0.X which are
  // not IGMP should be forwarded according to group-based port membership tables and must
  // also be forwarded on router ports." Therefore: member ports plus router ports.
  for (const auto& [port, record] : git->second) add(port);
  for (const auto& [port, record] : router_ports_) add(port);
  return out;
}

std::set<SwitchPort> SnoopingTable::ControlPorts(SwitchPort in) const {
  // RFC 4541 §2.1.1 (1): "A snooping switch should forward IGMP Membership Reports only to
  // those ports where multicast routers are attached." Therefore: router ports, so members
  // never hear each other's reports (no report suppression behind a snooping switch).
  std::set<SwitchPort> out = RouterPorts();
  out.erase(in);
  return out;
}

std::optional<std::set<SwitchPort>> SnoopingTable::MemberPorts(Ipv4Address group) const {
  auto git = groups_.find(group);
  if (git == groups_.end()) return std::nullopt;
  std::set<SwitchPort> ports;
  for (const auto& [port, record] : git->second) ports.insert(port);
  return ports;
}

std::vector<SnoopingTable::GroupView> SnoopingTable::Groups() const {
  std::vector<GroupView> view;
  for (const auto& [group, ports] : groups_) {
    for (const auto& [port, record] : ports) {
      std::optional<Duration> expires_in;
      if (record.membership_timer_.running()) expires_in = record.membership_timer_.remaining();
      view.push_back(GroupView{group, port, expires_in});
    }
  }
  return view;
}

void SnoopingTable::TraceChange(std::optional<Ipv4Address> group, std::optional<SwitchPort> port,
                                std::string_view event, std::string_view change) {
  TraceFields fields;
  if (group) fields.emplace_back("group", sim::wire::ToString(*group));
  if (port) fields.emplace_back("port", port_.PortName(*port));
  fields.emplace_back("event", std::string(event));
  fields.emplace_back("change", std::string(change));
  port_.Trace(kTraceKind, std::move(fields));
}

}  // namespace igmp
