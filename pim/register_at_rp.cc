// RFC 7761 §4.4.2, receiving Register messages at the RP: the pseudocode is drawn in
// register_at_rp.h; this file follows it line by line.
//
// Choices where the RFC leaves room:
// - "drop the packet silently" after the border-router check ends the procedure: nothing after
//   it runs (no KAT, no forwarding), as "drop" says.
// - The KAT after a Register-Stop is max(Keepalive_Period, RP_Keepalive_Period), as §4.11 asks,
//   rather than the bare RP_Keepalive_Period of the pseudocode: with the defaults (210 s vs
//   185 s) the two differ, and §4.11 explains why the RP must outlast the DR's suppression.
// - forward_inner is the pseudocode's condition alone; whether inherited_olist(S,G,rpt) has any
//   interface is the forwarding glue's business (an empty olist forwards nothing).
#include "pim/register_at_rp.h"

#include <algorithm>

namespace pim {

using sim::core::Duration;

std::string_view ToString(RegisterAtRpPath p) {
  switch (p) {
    case RegisterAtRpPath::kDropped:
      return "dropped";
    case RegisterAtRpPath::kNotRpForGroup:
      return "not RP for G";
    case RegisterAtRpPath::kOtherBorderRouter:
      return "other border router";
    case RegisterAtRpPath::kAccepted:
      return "accepted";
  }
  return "?";
}

Duration RpKeepalivePeriod(const Config& config) {
  // RFC 7761 §4.11: RP_Keepalive_Period = ( 3 * Register_Suppression_Time ) +
  // Register_Probe_Time.
  return config.register_suppression * 3 + config.register_probe;
}

RegisterAtRpDecision DecideRegisterAtRp(const RegisterAtRpInput& in, const Config& config) {
  RegisterAtRpDecision d;
  // "if( outer.dst is not one of my addresses ) { drop the packet silently. }"
  if (!in.outer_dst_is_mine) return d;
  // "if( I_am_RP(G) AND outer.dst == RP(G) ) { ... } else { send Register-Stop(S,G) to
  // outer.src }". Note (*) of §4.4.2: a DR whose RP mapping is newer than ours is blocked
  // for a while; the RFC accepts that.
  if (!in.i_am_rp || !in.outer_dst_is_rp) {
    d.path = RegisterAtRpPath::kNotRpForGroup;
    d.register_stop_to = in.outer_src;
    return d;
  }
  // "if ( register.borderbit == true ) { if ( PMBR(S,G) == unknown ) { PMBR(S,G) = outer.src }
  // else if ( outer.src != PMBR(S,G) ) { send Register-Stop(S,G) to outer.src; drop the
  // packet silently. } }"
  if (in.border_bit) {
    if (!in.pmbr.has_value()) {
      d.record_pmbr = in.outer_src;
    } else if (*in.pmbr != in.outer_src) {
      d.path = RegisterAtRpPath::kOtherBorderRouter;
      d.register_stop_to = in.outer_src;
      return d;
    }
  }
  d.path = RegisterAtRpPath::kAccepted;
  // "if ( SPTbit(S,G) OR ( SwitchToSptDesired(S,G) AND ( inherited_olist(S,G) == NULL ))) {
  // send Register-Stop(S,G) to outer.src; sentRegisterStop = true; }"
  // Therefore: the RP stops the DR once data comes natively, or at once when it wants the
  // SPT but has nobody to send (S,G) to.
  const bool sent_register_stop =
      in.spt_bit || (in.switch_to_spt_desired && in.inherited_olist_empty);
  if (sent_register_stop) d.register_stop_to = in.outer_src;
  // "if ( SPTbit(S,G) OR SwitchToSptDesired(S,G) ) { if ( sentRegisterStop == true ) { set
  // KeepaliveTimer(S,G) to RP_Keepalive_Period; } else { set KeepaliveTimer(S,G) to
  // Keepalive_Period; } }"
  // RFC 7761 §4.11: "at the RP, the keepalive period must be at least the
  // Register_Suppression_Time, or the RP may time out the (S,G) state before the next
  // Null-Register arrives. Thus, the KAT(S,G) is set to max(Keepalive_Period,
  // RP_Keepalive_Period) when a Register-Stop is sent."
  if (in.spt_bit || in.switch_to_spt_desired) {
    d.set_keepalive = sent_register_stop
                          ? std::max(config.keepalive_period, RpKeepalivePeriod(config))
                          : config.keepalive_period;
    // RFC 7761 §4.5.7: JoinDesired(S,G) = immediate_olist(S,G) != NULL OR (KeepaliveTimer(S,G)
    // is running AND inherited_olist(S,G) != NULL). The KAT runs from here on.
    d.join_toward_source = !in.inherited_olist_empty;
  }
  // "if( !SPTbit(S,G) AND ! pkt.NullRegisterBit ) { decapsulate and forward the inner packet to
  // inherited_olist(S,G,rpt) }"
  // Therefore: the first packet reaches the receivers on the shared tree; once native data
  // flows (SPTbit) the copy in the Register would be a duplicate.
  d.forward_inner = !in.spt_bit && !in.null_register;
  return d;
}

std::string ToString(const RegisterAtRpDecision& d) {
  std::string s(ToString(d.path));
  if (d.record_pmbr) s += " pmbr=" + sim::wire::ToString(*d.record_pmbr);
  if (d.register_stop_to) s += " register-stop=" + sim::wire::ToString(*d.register_stop_to);
  if (d.set_keepalive) s += " kat=" + sim::core::ToString(*d.set_keepalive);
  if (d.forward_inner) s += " forward";
  if (d.join_toward_source) s += " join";
  return s;
}

}  // namespace pim
