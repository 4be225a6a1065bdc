// How the router side of IGMP reaches its node: the only way out of the querier and
// group state machines of one router interface.
#ifndef MCASTLAB_IGMP_ROUTER_PORT_H_
#define MCASTLAB_IGMP_ROUTER_PORT_H_

#include <string_view>

#include "igmp/trace_fields.h"
#include "sim/core/time.h"
#include "sim/wire/ipv4_address.h"

namespace igmp {

class RouterPort {
 public:
  virtual ~RouterPort() = default;
  // A general query to 224.0.0.1. max_resp zero = an IGMPv1 query.
  virtual void SendGeneralQuery(sim::core::Duration max_resp) = 0;
  // A group-specific query to the group itself (RFC 2236 §3), Max Resp Time = LMQI.
  virtual void SendGroupSpecificQuery(sim::wire::Ipv4Address group, sim::core::Duration max_resp) = 0;
  // The interface gained its first member of `group`, or lost its last (for PIM and the MFIB).
  virtual void MembershipChanged(sim::wire::Ipv4Address group, bool members_present) = 0;
  // One events.jsonl line (kind e.g. "igmp.querier", "igmp.router_group").
  virtual void Trace(std::string_view kind, TraceFields fields) = 0;
};

}  // namespace igmp

#endif  // MCASTLAB_IGMP_ROUTER_PORT_H_
