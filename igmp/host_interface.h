// The host side of IGMP on one interface (RFC 2236 §3, §4, §6; RFC 1112 Appendix I for a
// version-1 host): the interface's group memberships, each a HostGroup state machine, and the
// interface's own IGMPv1-router-present state (RFC 2236 §6, second diagram), kept by the
// Version 1 Router Present timer.
//
// The glue calls Join/Leave when the host's membership count for a group goes 0 -> 1 and
// 1 -> 0, and hands over every query and every other member's report heard on the interface,
// already parsed. Everything leaves through the HostPort.
#ifndef MCASTLAB_IGMP_HOST_INTERFACE_H_
#define MCASTLAB_IGMP_HOST_INTERFACE_H_

#include <map>
#include <optional>
#include <vector>

#include "igmp/config.h"
#include "igmp/host_group.h"
#include "igmp/host_port.h"
#include "sim/core/scheduler.h"
#include "sim/core/time.h"
#include "sim/core/timer.h"
#include "sim/wire/igmp.h"
#include "sim/wire/ipv4_address.h"

namespace igmp {

class HostInterface final : private HostInterfaceMode {
 public:
  HostInterface(sim::core::Scheduler& s, sim::core::NodeId node, HostConfig config, HostPort& port);
  HostInterface(const HostInterface&) = delete;
  HostInterface& operator=(const HostInterface&) = delete;

  // The host's membership of `group` went 0 -> 1. 224.0.0.1 is never reported: a no-op.
  void Join(sim::wire::Ipv4Address group);
  // 1 -> 0. A no-op for a group that is not joined.
  void Leave(sim::wire::Ipv4Address group);
  // A query heard on the interface: general (group 0) or group-specific. max_resp_time zero =
  // an IGMPv1 query (RFC 2236 §4: read as 10 s, and it starts the v1 router present timer).
  void OnQuery(const sim::wire::IgmpQuery& q);
  // Another member's report for `group` (v1 or v2): suppression.
  void OnReport(sim::wire::Ipv4Address group);
  // Power off: cancel everything, forget all groups, send nothing.
  void Stop();

  // nullopt: not joined.
  std::optional<HostGroupState> StateOf(sim::wire::Ipv4Address group) const;
  // RFC 2236 §4/§6: an IGMPv1 query was heard within [Version 1 Router Present Timeout].
  // Always false for a version-1 host, which keeps no such state (RFC 1112).
  bool v1_router_present() const { return v1_router_present_timer_.running(); }
  const HostConfig& config() const { return config_; }

  // For snapshots: group, state, report timer remaining, last-reporter flag.
  struct GroupView {
    sim::wire::Ipv4Address group;
    HostGroupState state;
    std::optional<sim::core::Duration> report_in;
    bool last_reporter;
  };
  std::vector<GroupView> Groups() const;  // ordered by group

 private:
  // HostInterfaceMode: what the groups read when they act.
  int report_version() const override;
  bool leave_suppressed() const override;

  // RFC 2236 §6 "IGMPv1 query received": (re)start the timer, enter IGMPv1 Router Present.
  void OnIgmpv1QueryReceived();
  // RFC 2236 §6 "timer expires": back to No IGMPv1 Router Present.
  void OnV1RouterPresentTimerExpired();
  // One "igmp.host_interface" trace for a change of the IGMPv1-router-present state.
  void TraceV1RouterPresent(bool present, std::string_view event);

  sim::core::Scheduler& scheduler_;
  sim::core::NodeId node_;
  HostConfig config_;
  HostPort& port_;
  // The memberships (Delaying or Idle Member); Non-Member groups have no record.
  std::map<sim::wire::Ipv4Address, HostGroup> groups_;
  // RFC 2236 §4 and §6 timer "to note the presence of an IGMPv1 router", set to [Version 1
  // Router Present Timeout] (§8.11, 400 s) by each IGMPv1 query. Running = IGMPv1 Router
  // Present.
  sim::core::Timer v1_router_present_timer_;
};

}  // namespace igmp

#endif  // MCASTLAB_IGMP_HOST_INTERFACE_H_
