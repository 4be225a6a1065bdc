// The IGMPv2 router's state for one multicast group on one network (RFC 2236 §7, second and
// third diagrams, with the IGMPv1-host rules of §4). The diagram is at the top of
// router_group.cc.
//
// A group is learnt from a report and kept for [Group Membership Interval] after the last one.
// A Querier that hears a leave sends [Last Member Query Count] group-specific queries
// [Last Member Query Interval] apart and drops the group LMQC x LMQI after the leave unless a
// report arrives. A Non-Querier ignores leaves, but lowers its timer when it hears the
// Querier's group-specific query. While IGMPv1 hosts are present (a v1 report within the last
// Group Membership Interval) leaves are ignored.
//
// The record reads the interface's RouterConfig through a reference, so a run-time change
// applies from the next (re)start of each timer.
#ifndef MCASTLAB_IGMP_ROUTER_GROUP_H_
#define MCASTLAB_IGMP_ROUTER_GROUP_H_

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

// RFC 2236 §7: a router's state for one group on one attached network.
enum class RouterGroupState {
  kNoMembersPresent,
  kMembersPresent,
  kV1MembersPresent,
  kCheckingMembership,
};

// "NoMembersPresent", "MembersPresent", "V1MembersPresent", "CheckingMembership".
std::string_view ToString(RouterGroupState s);

class RouterGroup {
 public:
  // Starts in No Members Present. `config` must outlive the record.
  RouterGroup(sim::core::Scheduler& scheduler, sim::core::NodeId node, sim::wire::Ipv4Address group,
              const RouterConfig& config, RouterPort& port);
  RouterGroup(const RouterGroup&) = delete;
  RouterGroup& operator=(const RouterGroup&) = delete;

  // RFC 2236 §7 "v1 report received" (version 1) or "v2 report received" (version 2), from
  // `reporter` (the IP source).
  void OnReportReceived(sim::wire::Ipv4Address reporter, int version);
  // RFC 2236 §7 "leave received". Acted on only by a Querier (RFC 2236 §3).
  void OnLeaveReceived(bool is_querier);
  // RFC 2236 §7 "g-s query rec'd", heard while this router is a Non-Querier.
  void OnGroupSpecificQueryReceived(sim::core::Duration max_resp_time);
  // Interface down: back to No Members Present with every timer cancelled. Sends nothing and
  // does not call MembershipChanged (the caller knows the interface went down).
  void Stop();

  RouterGroupState state() const { return state_; }
  bool members_present() const { return state_ != RouterGroupState::kNoMembersPresent; }
  sim::wire::Ipv4Address group() const { return group_; }
  // When the group last left No Members Present ("uptime" starts here).
  sim::core::Time since() const { return since_; }
  // Time left on the group timer; empty in No Members Present.
  std::optional<sim::core::Duration> expires_in() const;
  // Time left on the v1 host timer; empty when no IGMPv1 host is known.
  std::optional<sim::core::Duration> v1_host_expires_in() const;
  // The source of the last report heard.
  sim::wire::Ipv4Address last_reporter() const { return last_reporter_; }

 private:
  void OnGroupTimerExpired();
  void OnRexmtTimerExpired();
  void OnV1HostTimerExpired();
  // "start timer" and, for a v1 report, "start v1 host timer".
  void StartTimers(int version);
  // Sends one group-specific query and counts it against Last Member Query Count.
  void SendGroupSpecificQuery();
  // The only writer of state_; traces one "igmp.router_group" line.
  void TransitionTo(RouterGroupState next, std::string_view event, std::string_view action = {});

  sim::core::Scheduler& scheduler_;
  sim::wire::Ipv4Address group_;
  const RouterConfig& config_;
  RouterPort& port_;
  RouterGroupState state_ = RouterGroupState::kNoMembersPresent;
  sim::core::Time since_;
  sim::wire::Ipv4Address last_reporter_;
  // Group-specific queries of the current Checking Membership still to send.
  std::uint32_t queries_left_ = 0;
  // RFC 2236 §7 "timer" for the group membership: [Group Membership Interval] (§8.4) on a
  // report; "start timer*" sets it to [Last Member Query Interval] (§8.8) x [Last Member
  // Query Count] (§8.9) on a leave (Querier) or Max Resp Time x LMQC on a group-specific
  // query (Non-Querier).
  sim::core::Timer group_timer_;
  // RFC 2236 §7 "retransmit timer": [Last Member Query Interval] (§8.8) between the
  // group-specific queries of Checking Membership.
  sim::core::Timer rexmt_timer_;
  // RFC 2236 §7 "v1 host timer" (§4: "the same as the [Group Membership Interval]"): IGMPv1
  // hosts are members while it runs.
  sim::core::Timer v1_host_timer_;
};

}  // namespace igmp

#endif  // MCASTLAB_IGMP_ROUTER_GROUP_H_
