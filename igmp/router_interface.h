// IGMPv2 on one router interface (RFC 2236 §3, §4, §7): the querier election plus one
// RouterGroup per group with members, fed with the messages heard on the interface.
//
// The node's glue parses each IGMP message and calls the matching On...() with its IP source;
// everything the interface does goes out through the RouterPort (queries, membership changes
// for PIM and the MFIB, trace lines). Nothing happens before Start() or after Stop().
//
// Messages ignored here, with the rule that says so:
// - reports and leaves for 224.0.0.0/24 (link-local control groups are never routed, RFC 5771,
//   and IGMP never reports 224.0.0.1, RFC 2236 §6) or for a non-multicast group;
// - leaves for a group without members ("Queriers SHOULD ignore Leave Group messages for
//   which there are no group members on the reception interface", RFC 2236 §3).
#ifndef MCASTLAB_IGMP_ROUTER_INTERFACE_H_
#define MCASTLAB_IGMP_ROUTER_INTERFACE_H_

#include <map>
#include <string_view>
#include <utility>
#include <optional>
#include <vector>

#include "igmp/config.h"
#include "igmp/router_group.h"
#include "igmp/router_port.h"
#include "igmp/router_querier.h"
#include "sim/core/scheduler.h"
#include "sim/core/time.h"
#include "sim/wire/igmp.h"
#include "sim/wire/ipv4_address.h"

namespace igmp {

class RouterInterface {
 public:
  // Port calls must not re-enter this interface synchronously (a node delivers packets
  // through its links, never from inside a send).
  RouterInterface(sim::core::Scheduler& s, sim::core::NodeId node, RouterConfig config,
                  sim::wire::Ipv4Address own_address, RouterPort& port);
  RouterInterface(const RouterInterface&) = delete;
  RouterInterface& operator=(const RouterInterface&) = delete;

  // Power on / interface up: Querier, with the startup queries. No effect when running.
  void Start();
  // Power off / interface down: every timer cancelled, every group forgotten, nothing sent.
  // MembershipChanged is not called; the groups that had members are returned instead, in
  // address order, for the caller to report (PIM must hear of the loss).
  std::vector<sim::wire::Ipv4Address> Stop();

  // Messages heard on the interface (already parsed; `source` is the IP source address).
  void OnQuery(sim::wire::Ipv4Address source, const sim::wire::IgmpQuery& q);
  // IGMPv3 queries take part in the election only.
  void OnV3Query(sim::wire::Ipv4Address source, const sim::wire::IgmpV3Query& q);
  // `version` 1 (type 0x12) or 2 (0x16); anything else is ignored.
  void OnReport(sim::wire::Ipv4Address source, sim::wire::Ipv4Address group, int version);
  void OnLeave(sim::wire::Ipv4Address source, sim::wire::Ipv4Address group);

  // A run-time `set`: new intervals apply from the next (re)start of each timer.
  void Reconfigure(RouterConfig config);

  bool running() const { return querier_.running(); }
  bool is_querier() const { return querier_.is_querier(); }
  // Own address when Querier.
  sim::wire::Ipv4Address querier_address() const { return querier_.querier_address(); }
  std::optional<sim::core::Duration> other_querier_expires_in() const {
    return querier_.other_querier_expires_in();
  }
  std::optional<sim::core::Duration> next_general_query_in() const {
    return querier_.next_general_query_in();
  }
  const RouterQuerier& querier() const { return querier_; }
  const RouterConfig& config() const { return config_; }

  bool HasMembers(sim::wire::Ipv4Address group) const;
  // One row of "show ip igmp groups".
  struct GroupView {
    sim::wire::Ipv4Address group;
    RouterGroupState state;
    sim::core::Time since;  // uptime start
    std::optional<sim::core::Duration> expires_in;
    sim::wire::Ipv4Address last_reporter;
  };
  // Ordered by group.
  std::vector<GroupView> Groups() const;

 private:
  // Drops the records that went back to No Members Present (RFC 2236 §7: that state
  // "requires no storage in the router"). Done on the next message rather than from inside
  // the record's own timer callback, which must not destroy its record.
  void ForgetIdleGroups();
  // The record of a group with members, or nullptr.
  RouterGroup* FindPresent(sim::wire::Ipv4Address group);

  // The records' way out: passes every call to the interface's port, and notes a record going
  // back to No Members Present, so that ForgetIdleGroups walks the records only when one did.
  class GroupPort final : public RouterPort {
   public:
    GroupPort(RouterPort& to, bool& idle) : to_(to), idle_(idle) {}
    void SendGeneralQuery(sim::core::Duration max_resp) override { to_.SendGeneralQuery(max_resp); }
    void SendGroupSpecificQuery(sim::wire::Ipv4Address group, sim::core::Duration max_resp) override {
      to_.SendGroupSpecificQuery(group, max_resp);
    }
    void MembershipChanged(sim::wire::Ipv4Address group, bool members_present) override {
      if (!members_present) idle_ = true;
      to_.MembershipChanged(group, members_present);
    }
    void Trace(std::string_view kind, TraceFields fields) override { to_.Trace(kind, std::move(fields)); }

   private:
    RouterPort& to_;
    bool& idle_;
  };

  sim::core::Scheduler& scheduler_;
  sim::core::NodeId node_;
  RouterConfig config_;  // read by every RouterGroup through a reference
  RouterPort& port_;
  bool idle_records_ = false;  // some record may be in No Members Present
  GroupPort group_port_{port_, idle_records_};
  RouterQuerier querier_;
  std::map<sim::wire::Ipv4Address, RouterGroup> groups_;
};

}  // namespace igmp

#endif  // MCASTLAB_IGMP_ROUTER_INTERFACE_H_
