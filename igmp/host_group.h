// The host side of IGMP for one group on one interface: the per-group state machine of
// RFC 2236 §6 (Non-Member, Delaying Member, Idle Member), which a version-1 host runs in its
// RFC 1112 form. The transition table is at the top of host_group.cc.
//
// A HostGroup exists only while the host is a member: Non-Member "requires no storage in the
// host" (RFC 2236 §6), so HostInterface creates the record on join and erases it after the
// leave. What the group needs to know about its interface (which report type to send, whether
// a leave may be sent) it reads through HostInterfaceMode at the instant it acts.
#ifndef MCASTLAB_IGMP_HOST_GROUP_H_
#define MCASTLAB_IGMP_HOST_GROUP_H_

#include <cstdint>
#include <optional>
#include <string_view>

#include "igmp/config.h"
#include "igmp/host_port.h"
#include "sim/core/scheduler.h"
#include "sim/core/time.h"
#include "sim/core/timer.h"
#include "sim/core/trace_value.h"
#include "sim/wire/ipv4_address.h"

namespace igmp {

// RFC 2236 §6 host states for one group on one interface.
enum class HostGroupState { kNonMember, kDelayingMember, kIdleMember };

// "NonMember", "DelayingMember", "IdleMember": the names used in traces and snapshots.
std::string_view ToString(HostGroupState s);

// The per-interface state a group consults when it acts (RFC 2236 §4: "a state variable MUST
// be kept for each interface").
class HostInterfaceMode {
 public:
  virtual ~HostInterfaceMode() = default;
  // 1 or 2: the type of any report sent now. RFC 2236 §6 "send report": "The type of report is
  // determined by the state of the interface."
  virtual int report_version() const = 0;
  // True when "send leave" is skipped whatever the last-reporter flag says (an IGMPv1 querier
  // was heard, or the host itself speaks only IGMPv1).
  virtual bool leave_suppressed() const = 0;
};

class HostGroup {
 public:
  // Starts in Non-Member; OnJoinGroup is the first event. `config` and `mode` must outlive it.
  HostGroup(sim::core::Scheduler& scheduler, sim::core::NodeId node, sim::wire::Ipv4Address group,
            const HostConfig& config, const HostInterfaceMode& mode, HostPort& port);
  HostGroup(const HostGroup&) = delete;
  HostGroup& operator=(const HostGroup&) = delete;

  // One method per event of the RFC 2236 §6 diagram ("timer expired" is private).
  void OnJoinGroup();
  void OnLeaveGroup();
  // A query that applies to this group; `max_resp_time` is already the effective value
  // (an IGMPv1 query's zero has been read as 10 s by the interface).
  void OnQueryReceived(sim::core::Duration max_resp_time);
  // Another member's report (v1 or v2) for this group.
  void OnReportReceived();
  // The node powers off: back to Non-Member, silently.
  void OnPowerOff();

  sim::wire::Ipv4Address group() const { return group_; }
  HostGroupState state() const { return state_; }
  // RFC 2236 §6 "flag that we were the last host to send a report for this group".
  bool last_reporter() const { return last_reporter_; }
  // Time left on the report delay timer; nullopt when it is not running.
  std::optional<sim::core::Duration> report_in() const;

 private:
  void OnReportTimerExpired();
  // Sends the report (of the type the interface says) and sets the flag.
  void SendReport();
  // Starts the timer for the next unsolicited repeat if one is still owed. Returns whether it
  // did (the group then stays, or becomes, Delaying Member).
  bool ScheduleUnsolicitedRepeat();
  // A report delay of at most `max`: the RFC's draw, or the Linux kernel's in whole ticks.
  sim::core::Duration ReportDelay(sim::core::Duration max);
  // The only writer of state_. Emits one "igmp.host_group" trace; `action` names what the
  // edge did when that is worth showing ("send v2 report", "send leave", "reset timer", ...).
  void TransitionTo(HostGroupState next, std::string_view event, std::string_view action = {});
  void TransitionWithAction(HostGroupState next, std::string_view event, std::optional<sim::core::TraceValue> action);
  // "send v2 report", for the IGMP version of the report sent.
  static sim::core::TraceValue SendReportAction(int version);

  sim::wire::Ipv4Address group_;
  const HostConfig& config_;
  const HostInterfaceMode& mode_;
  HostPort& port_;
  HostGroupState state_ = HostGroupState::kNonMember;
  bool last_reporter_ = false;
  // Unsolicited reports still owed after the one sent on join: robustness - 1 at join time
  // (RFC 2236 §3: "repeated once or twice after short delays [Unsolicited Report Interval]").
  std::uint32_t unsolicited_left_ = 0;
  // RFC 2236 §6 "report delay timer": (0, Max Resp Time] after a query (§3), or
  // (0, [Unsolicited Report Interval]] (§8.10) before an unsolicited repeat.
  sim::core::Timer report_timer_;
};

}  // namespace igmp

#endif  // MCASTLAB_IGMP_HOST_GROUP_H_
