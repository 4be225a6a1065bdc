// How the host side of IGMP reaches its node: the only way out of igmp::HostInterface.
#ifndef MCASTLAB_IGMP_HOST_PORT_H_
#define MCASTLAB_IGMP_HOST_PORT_H_

#include <string_view>

#include "igmp/trace_fields.h"
#include "sim/core/time.h"
#include "sim/wire/ipv4_address.h"

namespace igmp {

class HostPort {
 public:
  virtual ~HostPort() = default;
  // A membership report for `group`: version 1 (type 0x12) or 2 (0x16), sent to the group.
  virtual void SendReport(sim::wire::Ipv4Address group, int version) = 0;
  // A leave for `group`, sent to 224.0.0.2.
  virtual void SendLeave(sim::wire::Ipv4Address group) = 0;
  // Uniform in [0, max], from the node's seeded stream.
  virtual sim::core::Duration RandomDelay(sim::core::Duration max) = 0;
  // One events.jsonl line (kind e.g. "igmp.host_group"), stamped with the node and time.
  virtual void Trace(std::string_view kind, TraceFields fields) = 0;
};

}  // namespace igmp

#endif  // MCASTLAB_IGMP_HOST_PORT_H_
