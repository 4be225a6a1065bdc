// How PIM Hello and the neighbor table of one router interface reach their router: the only
// way out of HelloInterface.
//
// Calls are made from inside HelloInterface's own methods and timers, and must not re-enter it
// synchronously (a router delivers packets through its links, never from inside a send).
#ifndef MCASTLAB_PIM_HELLO_PORT_H_
#define MCASTLAB_PIM_HELLO_PORT_H_

#include <string_view>

#include "pim/trace_fields.h"
#include "sim/wire/ipv4_address.h"
#include "sim/wire/pim_hello.h"

namespace pim {

class HelloPort {
 public:
  virtual ~HelloPort() = default;
  // A Hello to ALL-PIM-ROUTERS (224.0.0.13) on this interface, TTL 1 (RFC 7761 §4.3.1).
  virtual void SendHello(const sim::wire::PimHello& hello) = 0;
  // A Hello from an unknown address created a neighbor.
  virtual void NeighborUp(sim::wire::Ipv4Address neighbor) = 0;
  // A neighbor is gone: its Neighbor Liveness Timer ran out, it said goodbye (Holdtime 0), or
  // this interface stopped (one call per neighbor, in address order).
  virtual void NeighborDown(sim::wire::Ipv4Address neighbor) = 0;
  // A known neighbor sent a new Generation ID. RFC 7761 §4.3.1: "any old Hello information
  // about that neighbor SHOULD be discarded"; the neighbor has lost its PIM state, so the
  // router resends what it had sent it (Join/Prune state toward it, §4.5).
  virtual void NeighborRestarted(sim::wire::Ipv4Address neighbor) = 0;
  // The DR of this interface changed (RFC 7761 §4.3.2). `dr` is 0.0.0.0 after Stop.
  virtual void DrChanged(sim::wire::Ipv4Address dr, bool i_am_dr) = 0;
  // One events.jsonl line: kind "pim.hello", "pim.neighbor" or "pim.dr".
  virtual void Trace(std::string_view kind, TraceFields fields) = 0;
};

}  // namespace pim

#endif  // MCASTLAB_PIM_HELLO_PORT_H_
