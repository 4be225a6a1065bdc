// What the RP does with a Register (RFC 7761 §4.4.2, packet_arrives_on_rp_tunnel), as a pure
// function: the caller gathers every term the RFC pseudocode reads, gets back every action it
// takes, and applies them (the glue owns the packet, the MFIB and the (S,G) state).
//
// The RFC pseudocode, and how each line maps to this file:
//
//   if (outer.dst is not one of my addresses) drop silently            -> kDropped
//   if (I_am_RP(G) AND outer.dst == RP(G)) {
//     if (border bit) {
//       if (PMBR(S,G) unknown) PMBR(S,G) = outer.src                   -> record_pmbr
//       else if (outer.src != PMBR(S,G)) { Register-Stop to outer.src;
//                                          drop silently }             -> kOtherBorderRouter
//     }
//     if (SPTbit(S,G) OR (SwitchToSptDesired(S,G) AND
//                         inherited_olist(S,G) == NULL))
//       send Register-Stop(S,G) to outer.src                           -> register_stop_to
//     if (SPTbit(S,G) OR SwitchToSptDesired(S,G))
//       KAT(S,G) = sentRegisterStop ? RP_Keepalive_Period
//                                   : Keepalive_Period                 -> set_keepalive
//     if (!SPTbit(S,G) AND !NullRegisterBit)
//       decapsulate, forward to inherited_olist(S,G,rpt)               -> forward_inner
//   } else send Register-Stop(S,G) to outer.src                        -> kNotRpForGroup
//
// Two values follow from the RFC outside §4.4.2, and are derived here so the glue needs no
// second reading of it:
// - §4.11: when a Register-Stop is sent the KAT is set to max(Keepalive_Period,
//   RP_Keepalive_Period), with RP_Keepalive_Period = 3 x Register_Suppression_Time +
//   Register_Probe_Time (185 s by default, so 210 s wins with the defaults).
// - §4.5.7: JoinDesired(S,G) is true when the KAT runs and inherited_olist(S,G) is not NULL;
//   that is how the RP joins toward S after a Register when it has receivers
//   (join_toward_source).
#ifndef MCASTLAB_PIM_REGISTER_AT_RP_H_
#define MCASTLAB_PIM_REGISTER_AT_RP_H_

#include <optional>
#include <string>
#include <string_view>

#include "pim/config.h"
#include "sim/core/time.h"
#include "sim/wire/ipv4_address.h"

namespace pim {

// Every term of §4.4.2 for one received Register, named as in the RFC.
struct RegisterAtRpInput {
  // "outer.dst is one of my addresses": the Register's IP destination is an address of this
  // router.
  bool outer_dst_is_mine = false;
  // "I_am_RP(G)": the group-to-RP mapping names this router as RP(G) for the inner group.
  bool i_am_rp = false;
  // "outer.dst == RP(G)": the Register was sent to the address that is RP(G).
  bool outer_dst_is_rp = false;
  // "outer.src": the Register's IP source, the DR (or PMBR) that encapsulated.
  sim::wire::Ipv4Address outer_src;
  // "register.borderbit": the B bit, set by a PIM Multicast Border Router.
  bool border_bit = false;
  // "pkt.NullRegisterBit": the N bit; the inner packet is only a dummy header naming (S,G).
  bool null_register = false;
  // "PMBR(S,G)": the border router recorded for (S,G) by an earlier Register with the B bit;
  // empty = unknown.
  std::optional<sim::wire::Ipv4Address> pmbr;
  // "SPTbit(S,G)" (§4.2.2): native (S,G) data has arrived at the RP on the shortest-path tree.
  bool spt_bit = false;
  // "SwitchToSptDesired(S,G)" (§4.2.1): the RP's policy to join toward S; the glue passes
  // config.spt_switchover == SptSwitchover::kImmediate.
  bool switch_to_spt_desired = false;
  // "inherited_olist(S,G) == NULL": the RP has no receiver for (S,G), through (*,G) or (S,G)
  // Joins or local members.
  bool inherited_olist_empty = true;
};

// Which way through the pseudocode the Register went: the "why" of the trace line.
enum class RegisterAtRpPath {
  kDropped,            // outer.dst is not one of my addresses: dropped silently
  kNotRpForGroup,      // not RP(G), or sent to another of my addresses: Register-Stop
  kOtherBorderRouter,  // B bit from a router other than PMBR(S,G): Register-Stop, dropped
  kAccepted,           // the RP's branch ran to its end
};

// "dropped", "not RP for G", "other border router", "accepted".
std::string_view ToString(RegisterAtRpPath p);

// Every action §4.4.2 takes for the Register; empty or false = not taken.
struct RegisterAtRpDecision {
  RegisterAtRpPath path = RegisterAtRpPath::kDropped;
  // "PMBR(S,G) = outer.src".
  std::optional<sim::wire::Ipv4Address> record_pmbr;
  // "send Register-Stop(S,G) to outer.src": the address to send it to.
  std::optional<sim::wire::Ipv4Address> register_stop_to;
  // "set KeepaliveTimer(S,G) to ...": the period to (re)start the KAT with.
  std::optional<sim::core::Duration> set_keepalive;
  // "decapsulate and forward the inner packet to inherited_olist(S,G,rpt)": down the shared
  // tree (the olist may be empty, in which case nothing goes out).
  bool forward_inner = false;
  // §4.5.7: JoinDesired(S,G) holds through the KAT just set, so the RP's upstream (S,G) state
  // joins toward S (on its edge; it stays true on each Register while it holds).
  bool join_toward_source = false;
};

// §4.11 RP_Keepalive_Period = 3 x Register_Suppression_Time + Register_Probe_Time.
sim::core::Duration RpKeepalivePeriod(const Config& config);

// RFC 7761 §4.4.2 packet_arrives_on_rp_tunnel(pkt), literally.
RegisterAtRpDecision DecideRegisterAtRp(const RegisterAtRpInput& in, const Config& config);

// "accepted pmbr=10.0.0.1 register-stop=10.0.0.1 kat=210s forward join": the path, then each
// action taken; for trace lines and test failure messages.
std::string ToString(const RegisterAtRpDecision& d);

}  // namespace pim

#endif  // MCASTLAB_PIM_REGISTER_AT_RP_H_
