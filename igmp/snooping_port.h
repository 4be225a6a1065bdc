// How IGMP snooping reaches its switch: the only way out of igmp::SnoopingTable.
//
// The table never sends anything (the optional snooping querier is a separate machine): the
// switch asks it where frames go (ForwardPorts, ControlPorts), and the table reports every
// change of its state here, as one trace line each.
#ifndef MCASTLAB_IGMP_SNOOPING_PORT_H_
#define MCASTLAB_IGMP_SNOOPING_PORT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "igmp/trace_fields.h"

namespace igmp {

class SnoopingPort {
 public:
  virtual ~SnoopingPort() = default;
  // One events.jsonl line (kind "igmp.snooping"), stamped with the node and time by the switch.
  virtual void Trace(std::string_view kind, TraceFields fields) = 0;
  // The scenario's name of the switch's port `index` ("p1"): trace lines name ports as the
  // scenario does, never by index.
  virtual std::string PortName(std::uint32_t index) const = 0;
};

}  // namespace igmp

#endif  // MCASTLAB_IGMP_SNOOPING_PORT_H_
