// How the DR's per-(S,G) Register state machine (RFC 7761 §4.4.1) reaches its router: the
// only way out of RegisterState. The glue owns the encapsulation on the wire and the MFIB.
#ifndef MCASTLAB_PIM_REGISTER_PORT_H_
#define MCASTLAB_PIM_REGISTER_PORT_H_

#include <string_view>

#include "pim/trace_fields.h"
#include "sim/wire/ipv4_address.h"

namespace pim {

class RegisterPort {
 public:
  virtual ~RegisterPort() = default;
  // RFC 7761 §4.4.1 "add reg tunnel" and "update reg tunnel": from now on, data from `source`
  // to `group` is encapsulated in Register messages to `rp` (the Register-Tunnel interface is
  // in the (S,G) olist). Called again with the new RP when RP(G) changes in Join.
  virtual void TunnelUp(sim::wire::Ipv4Address source, sim::wire::Ipv4Address group,
                        sim::wire::Ipv4Address rp) = 0;
  // RFC 7761 §4.4.1 "remove reg tunnel": stop encapsulating (S,G) data.
  virtual void TunnelDown(sim::wire::Ipv4Address source, sim::wire::Ipv4Address group) = 0;
  // RFC 7761 §4.4.1 "send Null-Register": a Register with the N bit set, carrying only a
  // dummy IP header from `source` to `group`, unicast to `rp`.
  virtual void SendNullRegister(sim::wire::Ipv4Address source, sim::wire::Ipv4Address group,
                                sim::wire::Ipv4Address rp) = 0;
  // One events.jsonl line (kind "pim.register").
  virtual void Trace(std::string_view kind, TraceFields fields) = 0;
};

}  // namespace pim

#endif  // MCASTLAB_PIM_REGISTER_PORT_H_
