// PimRouter's data plane: the source's DR registering data to the RP (RFC 7761 §4.4.1), the
// RP taking Registers in and sending Register-Stops (§4.4.2), the keepalive timer of (S,G)
// and the SPT bit (§4.2, Update_SPTbit, as far as this part needs it: at the RP and on the
// routers between it and the source).
#include "pim/pim_router.h"
#include "pim/pim_router_state.h"
#include "pim/register_at_rp.h"
#include "sim/wire/encode.h"

namespace pim {

using sim::wire::Ipv4Address;

namespace {

constexpr std::uint8_t kUnicastTtl = 64;

sim::wire::Ipv4Header UnicastPimHeader(Ipv4Address source, Ipv4Address destination) {
  sim::wire::Ipv4Header h;
  h.ttl = kUnicastTtl;
  h.protocol = sim::wire::kIpProtoPim;
  h.source = source;
  h.destination = destination;
  return h;
}

}  // namespace

bool PimRouter::OnNoEntry(sim::net::Interface& in, const sim::wire::Ipv4Packet& p, sim::wire::ByteSpan raw) {
  return FirstHop(in, p, raw);
}

bool PimRouter::OnWrongInterface(sim::net::Interface& in, const sim::net::MfibKey& key, const sim::wire::Ipv4Packet& p,
                                 sim::wire::ByteSpan raw) {
  // A (*,G) entry met data of a source with no (S,G) state yet: the source's DR may have
  // receivers of its own on the shared tree.
  if (key.source.is_unspecified() && FirstHop(in, p, raw)) return true;
  // S's data still coming down the shared tree while (S,G) waits for its SPT bit (§4.2).
  if (!key.source.is_unspecified()) {
    if (Entry* sg = FindEntry(JoinKey::SG(key.source, key.group)); sg != nullptr && ForwardOnSharedTree(in, *sg, raw)) {
      return true;
    }
  }
  // Data on an interface of the entry's olist: another router forwards onto our LAN, the
  // Assert trigger (RFC 7761 §4.6). The datagram itself is still a wrong-interface drop.
  const sim::net::MfibEntry* m = router_.mfib().Find(key);
  Entry* e = FindEntry(key.source.is_unspecified() ? JoinKey::StarG(key.group) : JoinKey::SG(key.source, key.group));
  if (m != nullptr && e != nullptr && m->oifs.contains(in.index())) DataOnOutgoingInterface(*e, in, p.header.source);
  return false;
}

// Data from a directly connected source, at its DR (§4.4.1): (S,G) state with the keepalive
// timer running makes CouldRegister true, which starts the Register machine; this first packet
// (which found no (S,G) entry) is registered and forwarded by hand.
bool PimRouter::FirstHop(sim::net::Interface& in, const sim::wire::Ipv4Packet& p, sim::wire::ByteSpan raw) {
  const Ipv4Address s = p.header.source, g = p.header.destination;
  Interface* pi = Find(in);
  if (pi == nullptr || !pi->hello.is_dr() || router_.InterfaceOnLink(s) != &in || !RpFor(g)) return false;
  if (g.is_link_local_multicast() || p.header.ttl <= 1) return false;
  Entry& sg = Ensure(JoinKey::SG(s, g));
  sg.keepalive->Set(router_config_.keepalive_period, "data from a directly connected source");
  RecomputeOne(sg);
  std::size_t copies = 0;
  if (const auto* m = router_.mfib().Find({s, g}); m != nullptr) copies = ForwardDown(m->oifs, g, raw);
  const bool registered = sg.registering();
  if (registered) SendRegister(sg, raw, false);
  ScheduleCleanup();
  return copies > 0 || registered;
}

void PimRouter::OnData(sim::net::Interface& in, const sim::net::MfibKey& key, const sim::wire::Ipv4Packet& p,
                       sim::wire::ByteSpan raw) {
  if (key.source.is_unspecified()) {
    CheckSwitchToSpt(in, p.header.source, key.group);  // a last hop on the shared tree
    return;
  }
  Entry* sg = FindEntry(JoinKey::SG(key.source, key.group));
  if (sg == nullptr) return;
  // The router reports only data that came in on the entry's iif, which ProgramMfib sets to
  // RPF_interface(S). §4.2: such data keeps (S,G) alive.
  // A start is an edge: CouldRegister(S,G) and JoinDesired(S,G) read the KAT.
  if (sg->keepalive->OnData(router_config_.keepalive_period, "data")) RecomputeOne(*sg);
  if (!sg->spt_bit && SptBitDue(*sg, in)) {
    sg->spt_bit = true;
    Trace("pim.spt", {{"entry", TraceEntry(sg->key)}, {"interface", in.name()}, {"spt_bit", "set"}});
    // The T flag, and PruneDesired(S,G,rpt): the shared tree may now be pruned for S.
    RecomputeOne(*sg);
  }
  if (sg->registering()) SendRegister(*sg, raw, false);
}

// Update_SPTbit(S,G,iif) (§4.2.2), for data that came in on RPF_interface(S): set when
// JoinDesired(S,G) and DirectlyConnected(S), or RPF_interface(S) != RPF_interface(RP(G)), or
// inherited_olist(S,G,rpt) is empty, or RPF'(S,G) == RPF'(*,G) != NULL (RPF'(S,G) as the
// upstream machine holds it; RPF'(*,G) from the route, or the (*,G) Assert winner when this
// router lost the (*,G) Assert on the RPF interface: both sides of the test read §4.1.6's RPF').
bool PimRouter::SptBitDue(const Entry& sg, const sim::net::Interface& in) const {
  if (!JoinDesired(sg)) return false;
  if (router_.InterfaceOnLink(*sg.key.source) == &in) return true;
  const auto rp = RpFor(sg.key.group);
  Rpf to_rp = rp ? RpfToward(*rp) : Rpf{};
  if (auto star = entries_.find(JoinKey::StarG(sg.key.group)); star != entries_.end()) {
    ApplyAssertToRpf(*star->second, to_rp);
  }
  if (to_rp.interface != in.index() || InheritedOlistSgRpt(sg).empty()) return true;
  const Ipv4Address rpf_sg = sg.upstream->rpf_neighbor();
  return !rpf_sg.is_unspecified() && rpf_sg == to_rp.neighbor;
}

bool PimRouter::CouldRegister(const Entry& sg) const {
  // §4.4.1: CouldRegister(S,G) = I_am_DR(RPF_interface(S)) AND KeepaliveTimer(S,G) running
  //                              AND DirectlyConnected(S) == TRUE.
  // Therefore, and because an RP registering to itself has nothing to gain: not at the RP.
  const Ipv4Address s = *sg.key.source;
  const sim::net::Interface* in = router_.InterfaceOnLink(s);
  const Interface* pi = in == nullptr ? nullptr : Find(*in);
  return pi != nullptr && pi->hello.is_dr() && sg.keepalive->running() && RpFor(sg.key.group) && !IAmRp(sg.key.group);
}

void PimRouter::UpdateRegister(Entry& sg) {
  const bool could = CouldRegister(sg);
  if (could && !sg.register_state) {
    sg.register_state = std::make_unique<RegisterStateMachine>(router_.scheduler(), router_.id(), *sg.key.source,
                                                               sg.key.group, router_config_, router_.rng(), *ports_);
  }
  if (!sg.register_state) return;
  if (could) {
    const Ipv4Address rp = *RpFor(sg.key.group);
    if (sg.register_state->state() == RegisterState::kNoInfo) {
      sg.register_state->OnCouldRegisterTrue(rp, "data from a directly connected source at its DR");
    } else if (sg.register_state->rp() != rp) {
      sg.register_state->OnRpChanged(rp);
    }
  } else if (sg.register_state->state() != RegisterState::kNoInfo) {
    sg.register_state->OnCouldRegisterFalse("no longer DR, or no data for Keepalive_Period");
  }
}

void PimRouter::SendRegister(const Entry& sg, sim::wire::ByteSpan raw, bool null_register) {
  const Ipv4Address rp = sg.register_state->rp();
  const auto hop = router_.RouteTo(rp);
  if (!hop) return;
  sim::wire::PimRegister r;
  r.null_register = null_register;
  if (null_register) {
    // §4.4.1: a Null-Register carries only a dummy IP header of the (S,G).
    sim::wire::Ipv4Header dummy;
    dummy.source = *sg.key.source;
    dummy.destination = sg.key.group;
    dummy.protocol = sim::wire::kIpProtoUdp;
    r.inner_packet.resize(sim::wire::Ipv4HeaderLen(dummy));
    sim::wire::EmitIpv4Header(dummy, 0, r.inner_packet);
  } else {
    // The packet as it would have been forwarded: one hop less.
    r.inner_packet.assign(raw.begin(), raw.end());
    sim::wire::DecrementTtlInPlace(r.inner_packet);
  }
  const auto header = UnicastPimHeader(hop->out->address(), rp);
  router_.SendIp(*hop->out, hop->next_hop, header, sim::wire::Encode(sim::wire::PimMessage(r)));
}

void PimRouter::SendRegisterStop(Ipv4Address to, Ipv4Address source, Ipv4Address group) {
  const auto hop = router_.RouteTo(to);
  const auto rp = RpFor(group);
  if (!hop || !rp) return;
  const sim::wire::PimRegisterStop stop{sim::wire::EncodedGroup{group}, source};
  router_.SendIp(*hop->out, hop->next_hop, UnicastPimHeader(*rp, to), sim::wire::Encode(sim::wire::PimMessage(stop)));
}

std::size_t PimRouter::ForwardDown(const InterfaceSet& olist, Ipv4Address group, sim::wire::ByteSpan raw) {
  auto packet = sim::wire::ParseIpv4(raw);
  if (!packet || packet->header.ttl <= 1) return 0;
  std::size_t copies = 0;
  for (std::uint32_t oif : olist) {
    sim::net::Interface& out = *router_.interfaces()[oif];
    if (out.up()) {
      router_.ForwardIpPacket(out, group, raw);
      ++copies;
    }
  }
  return copies;
}

// §4.4.2 at the RP, through DecideRegisterAtRp (register_at_rp.h) and then acted on here.
void PimRouter::OnRegister(sim::net::Interface&, const sim::wire::Ipv4Packet& outer, const sim::wire::PimRegister& r) {
  auto inner = sim::wire::ParseIpv4(r.inner_packet);
  if (!inner) {
    Trace("pim.bad_message", {{"message", "register"}, {"reason", "inner packet: " + sim::wire::ToString(inner.error())}});
    return;
  }
  const Ipv4Address s = inner->header.source, g = inner->header.destination;
  Entry* sg = FindEntry(JoinKey::SG(s, g));
  // inherited_olist(S,G,rpt): the shared tree without the branches that pruned S off it
  // (prunes(S,G,rpt)) or lost S's Assert (lost_assert(S,G,rpt)).
  const InterfaceSet olist_rpt = InheritedOlistSgRpt(sg, g);
  RegisterAtRpInput in;
  in.outer_dst_is_mine = router_.IsOwnAddress(outer.header.destination);
  in.i_am_rp = IAmRp(g);
  in.outer_dst_is_rp = RpFor(g) == outer.header.destination;
  in.outer_src = outer.header.source;
  in.border_bit = r.border;
  in.null_register = r.null_register;
  in.spt_bit = sg != nullptr && sg->spt_bit;
  in.switch_to_spt_desired = router_config_.spt_switchover == SptSwitchover::kImmediate;
  in.inherited_olist_empty = (sg != nullptr ? InheritedOlist(*sg) : olist_rpt).empty();
  const RegisterAtRpDecision d = DecideRegisterAtRp(in, router_config_);
  Trace("pim.register_rx", {{"entry", ToString(JoinKey::SG(s, g))}, {"from", sim::wire::ToString(outer.header.source)},
                            {"null", r.null_register}, {"decision", ToString(d)}});
  if (d.register_stop_to) SendRegisterStop(*d.register_stop_to, s, g);
  if (d.set_keepalive) {
    sg = &Ensure(JoinKey::SG(s, g));
    sg->keepalive->Set(*d.set_keepalive, "register");
  }
  // FRR (pimd/pim_register.c, pim_register_recv) leaves the decapsulated datagram to the
  // kernel, which only forwards what matches an installed MFC entry for the pimreg vif; FRR
  // installs none for it, so the RP forwards no Register-encapsulated datagram down the
  // shared tree: receivers get the source's data once it arrives natively on the (S,G) tree.
  const bool frr_drops = router_config_.profile == sim::core::StackProfile::kFrr;
  if (d.forward_inner && frr_drops) {
    Trace("pim.register_data_dropped", {{"entry", ToString(JoinKey::SG(s, g))}, {"profile", "frr"}});
  } else if (d.forward_inner) {
    ForwardDown(olist_rpt, g, r.inner_packet);  // never for a Null-Register
  }
  if (sg != nullptr) RecomputeOne(*sg);
  ScheduleCleanup();
}

void PimRouter::OnRegisterStop(const sim::wire::PimRegisterStop& rs) {
  const Ipv4Address g = rs.group.group;
  for (auto it = entries_.lower_bound(JoinKey::SG(Ipv4Address(), g)); it != entries_.end() && it->first.group == g; ++it) {
    Entry& e = *it->second;
    // A Register-Stop for source 0.0.0.0 stops every source of the group (§4.9.4).
    if (!e.key.source || !e.register_state || (!rs.source.is_unspecified() && *e.key.source != rs.source)) continue;
    e.register_state->OnRegisterStopReceived();
  }
}

void PimRouter::KeepaliveExpired(Ipv4Address source, Ipv4Address group) {
  if (Entry* sg = FindEntry(JoinKey::SG(source, group))) {
    sg->spt_bit = false;
    RecomputeOne(*sg);
  }
  ScheduleCleanup();
}

// --- the router-wide ports ---

// The tunnel's state is the Register machine's own (RegisterStateMachine::tunnel_up); data
// reads it through Entry::registering, so these edges need no bookkeeping here.
void PimRouterPorts::TunnelUp(Ipv4Address, Ipv4Address, Ipv4Address) {}

void PimRouterPorts::TunnelDown(Ipv4Address, Ipv4Address) {}

void PimRouterPorts::SendNullRegister(Ipv4Address source, Ipv4Address group, Ipv4Address) {
  if (auto* e = owner_.FindEntry(JoinKey::SG(source, group))) owner_.SendRegister(*e, {}, true);
}

void PimRouterPorts::KeepaliveExpired(Ipv4Address source, Ipv4Address group) { owner_.KeepaliveExpired(source, group); }

}  // namespace pim
