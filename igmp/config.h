// IGMP configuration with the RFC defaults. The scenario loader fills these (merging defaults,
// node and interface settings and deriving what was not given); the protocol only reads them.
#ifndef MCASTLAB_IGMP_CONFIG_H_
#define MCASTLAB_IGMP_CONFIG_H_

#include <cstdint>

#include "sim/core/stack_profile.h"
#include "sim/core/time.h"

namespace igmp {

// IGMP on one router interface. Section numbers are RFC 2236 §8 (RFC 3376 §8 has the same
// ones for IGMPv3); the defaults are the RFC's.
struct RouterConfig {
  // 1 (RFC 1112), 2 (RFC 2236) or 3 (RFC 3376).
  int version = 2;
  // §8.1 Robustness Variable.
  std::uint32_t robustness = 2;
  // §8.2 Query Interval.
  sim::core::Duration query_interval = sim::core::Seconds(125);
  // §8.3 Query Response Interval: the Max Resp Time of general queries.
  sim::core::Duration query_response_interval = sim::core::Seconds(10);
  // §8.4 Group Membership Interval: RV x QI + QRI.
  sim::core::Duration group_membership_interval = sim::core::Seconds(260);
  // §8.5 Other Querier Present Interval: RV x QI + QRI / 2.
  sim::core::Duration other_querier_present_interval = sim::core::Seconds(255);
  // §8.6 Startup Query Interval: QI / 4.
  sim::core::Duration startup_query_interval = sim::core::Milliseconds(31'250);
  // §8.7 Startup Query Count: RV.
  std::uint32_t startup_query_count = 2;
  // §8.8 Last Member Query Interval: the Max Resp Time of group-specific queries.
  sim::core::Duration last_member_query_interval = sim::core::Seconds(1);
  // §8.9 Last Member Query Count: RV.
  std::uint32_t last_member_query_count = 2;
  // §8.11 Version 1 Router Present Timeout (used by hosts; routers keep it for v1 hosts).
  sim::core::Duration version1_router_present_timeout = sim::core::Seconds(400);
  // kFrr: FRR pimd's querier (first query 1 s after start, whole-second startup interval, one
  // group-specific query more per leave). docs/fidelity.md lists each deviation.
  sim::core::StackProfile profile = sim::core::StackProfile::kRfc;
};

// IGMP on a host.
struct HostConfig {
  // The highest version the host speaks.
  int version = 2;
  // RFC 2236 §8.10 Unsolicited Report Interval: 10 s; RFC 3376 §8.11: 1 s for IGMPv3.
  sim::core::Duration unsolicited_report_interval = sim::core::Seconds(10);
  // RFC 2236 §8.1, RFC 3376 §8.1: how many times an unsolicited report is sent in all.
  std::uint32_t robustness = 2;
  // RFC 2236 §8.11 Version 1 Router Present Timeout.
  sim::core::Duration version1_router_present_timeout = sim::core::Seconds(400);
  // kLinux: the kernel's report timers (first report two ticks after the join, delays in
  // whole ticks). docs/fidelity.md lists each deviation.
  sim::core::StackProfile profile = sim::core::StackProfile::kRfc;
};

}  // namespace igmp

#endif  // MCASTLAB_IGMP_CONFIG_H_
