// The IGMP snooping state of one L2 switch (RFC 4541 §2.1): which ports lead to members of
// each group and which ports lead to multicast routers, each learned from the IGMP (and PIM
// hello) frames the switch sees and each aging out on its own timer. The switch asks the
// table where a data frame (ForwardPorts) or a report (ControlPorts) goes.
//
// A pure state machine: it reads time from the Scheduler, sends nothing, and reports every
// change of the table through SnoopingPort::Trace (kind "igmp.snooping").
#ifndef MCASTLAB_IGMP_SNOOPING_TABLE_H_
#define MCASTLAB_IGMP_SNOOPING_TABLE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

#include "igmp/snooping_port.h"
#include "sim/core/scheduler.h"
#include "sim/core/stack_profile.h"
#include "sim/core/time.h"
#include "sim/core/timer.h"
#include "sim/wire/ipv4_address.h"

namespace igmp {

// Snooping timers. The defaults are the RFC 2236 §8 values a querier with default settings
// implies (and the Linux bridge's defaults).
struct SnoopingConfig {
  // RFC 2236 §8.4 Group Membership Interval: a member port ages out after this long without a
  // report for the group.
  sim::core::Duration group_membership_interval = sim::core::Seconds(260);
  // RFC 2236 §8.5 Other Querier Present Interval: a router port ages out after this long
  // without a query or a PIM hello (Linux bridge multicast_querier_interval: 255 s).
  sim::core::Duration router_port_timeout = sim::core::Seconds(255);
  // RFC 2236 §8.9 x §8.8, Last Member Query Count x Last Member Query Interval: how long a
  // port stays a member after a leave, so that a remaining member can answer the querier.
  sim::core::Duration last_member_query_time = sim::core::Seconds(2);
  // A leave removes the port at once (for ports with a single host behind them).
  bool fast_leave = false;
  // Whether a query from source 0.0.0.0 marks its arrival port a router port. RFC 4541
  // §2.1.1 (2b) says no; the Linux bridge says yes (its own querier sends from 0.0.0.0, and
  // reports must still reach it). Default: the Linux bridge's yes.
  bool zero_source_query_marks_router_port = true;
  // kLinux: the Linux bridge's deviations (its querier's leave handling, snooping only once a
  // querier is known); see snooping_switch.h.
  sim::core::StackProfile profile = sim::core::StackProfile::kRfc;
};

using SwitchPort = std::uint32_t;  // the switch's port index

class SnoopingTable {
 public:
  SnoopingTable(sim::core::Scheduler& s, sim::core::NodeId node, SnoopingConfig c,
                SnoopingPort& port);
  SnoopingTable(const SnoopingTable&) = delete;
  SnoopingTable& operator=(const SnoopingTable&) = delete;

  // A membership query arrived on `in` (group 0 = general query): `in` becomes (or stays) a
  // router port, unless the source is 0.0.0.0 and the config says such queries do not count.
  void OnQuery(SwitchPort in, sim::wire::Ipv4Address source, sim::wire::Ipv4Address group);
  // A PIM hello arrived on `in`: `in` becomes (or stays) a router port.
  void OnPimHello(SwitchPort in);
  // A v1/v2 report, or a v3 record that keeps the group, arrived on `in`: `in` joins `group`
  // (or its membership timer restarts). Reports for 224.0.0.x and non-multicast groups are
  // ignored: those are always flooded.
  void OnReport(SwitchPort in, sim::wire::Ipv4Address group);
  // A leave (or a v3 record that drops the group) arrived on `in`.
  void OnLeave(SwitchPort in, sim::wire::Ipv4Address group);
  // The port's link went down: forget it as a member port and as a router port.
  void OnPortDown(SwitchPort p);
  // Power off: forget everything and cancel every timer. The table may be used again after.
  void Stop();

  std::set<SwitchPort> RouterPorts() const;
  // Where a data frame for `group` arriving on `in` goes, out of `all_ports` (the switch's
  // ports) and never back out of `in`: 224.0.0.x and unregistered groups (no member port):
  // every port; registered groups: member ports and router ports.
  std::set<SwitchPort> ForwardPorts(sim::wire::Ipv4Address group, SwitchPort in,
                                    const std::set<SwitchPort>& all_ports) const;
  // Where a report to a group arriving on `in` goes: router ports only (RFC 4541 §2.1.1), never
  // `in`. (IGMP sent to 224.0.0.x, leaves included, is flooded by the switch instead.)
  std::set<SwitchPort> ControlPorts(SwitchPort in) const;
  // The member ports of `group`; nullopt when the group is unregistered.
  std::optional<std::set<SwitchPort>> MemberPorts(sim::wire::Ipv4Address group) const;

  struct GroupView {
    sim::wire::Ipv4Address group;
    SwitchPort port;
    std::optional<sim::core::Duration> expires_in;
  };
  // Every (group, member port), ordered by (group, port): the snooping table dump.
  std::vector<GroupView> Groups() const;

  const SnoopingConfig& config() const { return config_; }

 private:
  // One member port of one group.
  struct MemberRecord {
    MemberRecord(sim::core::Scheduler& s, sim::core::NodeId node, std::function<void()> expiry)
        : membership_timer_(s, node, std::move(expiry)) {}
    // RFC 2236 §8.4 Group Membership Interval, restarted by each report; lowered to
    // LMQC x LMQI (§8.8, §8.9) by a leave. Expiry: the port leaves the group.
    sim::core::Timer membership_timer_;
    // A leave lowered the timer and no report has restored it yet.
    bool leave_pending = false;
  };
  // One port a multicast router was heard on.
  struct RouterRecord {
    RouterRecord(sim::core::Scheduler& s, sim::core::NodeId node, std::function<void()> expiry)
        : router_port_timer_(s, node, std::move(expiry)) {}
    // RFC 2236 §8.5 Other Querier Present Interval, restarted by each query or PIM hello.
    // Expiry: the port is no longer a router port.
    sim::core::Timer router_port_timer_;
  };
  using MemberMap = std::map<SwitchPort, MemberRecord>;

  void OnMembershipTimerExpired(sim::wire::Ipv4Address group, SwitchPort port);
  void OnRouterPortTimerExpired(SwitchPort port);

  // The only writers of groups_ and router_ports_; each change emits one trace line.
  void AddMemberPort(sim::wire::Ipv4Address group, SwitchPort port);
  void RemoveMemberPort(sim::wire::Ipv4Address group, SwitchPort port, std::string_view event);
  void MarkRouterPort(SwitchPort port, std::string_view event);
  void RemoveRouterPort(SwitchPort port, std::string_view event, std::string_view change);

  MemberRecord* FindMember(sim::wire::Ipv4Address group, SwitchPort port);
  void TraceChange(std::optional<sim::wire::Ipv4Address> group, std::optional<SwitchPort> port,
                   std::string_view event, std::string_view change);

  sim::core::Scheduler& scheduler_;
  sim::core::NodeId node_;
  SnoopingConfig config_;
  SnoopingPort& port_;
  // Registered groups only: a group is erased with its last member port.
  std::map<sim::wire::Ipv4Address, MemberMap> groups_;
  std::map<SwitchPort, RouterRecord> router_ports_;
};

}  // namespace igmp

#endif  // MCASTLAB_IGMP_SNOOPING_TABLE_H_
