// PimRouter's shortest-path-tree switchover (RFC 7761 §4.2.1) and the (S,G,rpt) state that takes
// a source off G's shared tree (§4.5.3 downstream, §4.5.6 periodic, §4.5.7 triggered).
//
// The story at a last-hop router (pim_include(*,G) non-empty) with spt_switchover "immediate":
// the first datagram of S down the shared tree starts the (S,G) keepalive timer
// (CheckSwitchToSpt), so JoinDesired(S,G) holds and a Join(S,G) goes toward S. Until S's data
// arrives on RPF_interface(S), the shared-tree copies are still forwarded, by the §4.2 rule for
// SPTbit(S,G) == FALSE (ForwardOnSharedTree). The first datagram on RPF_interface(S) sets the SPT
// bit (Update_SPTbit, pim_data.cc); from then the shared-tree copies are wrong-interface drops,
// PruneDesired(S,G,rpt) holds where RPF'(S,G) != RPF'(*,G), and a Prune(S,G,rpt) goes to
// RPF'(*,G), then rides in every periodic Join(*,G). Upstream, the interface leaves
// inherited_olist(S,G) and, when that is empty, JoinDesired(S,G) ends and the router prunes
// (S,G) toward S.
//
// A shared-tree router with (S,G,rpt) state, or an (S,G) Assert lost on its shared tree's olist,
// but no (S,G) of its own forwards S's shared-tree data to inherited_olist(S,G,rpt) only
// (ProgramMfib, pim_tree.cc).
//
// RPF'(S,G,rpt) (§4.1.6) is the (S,G) Assert winner on RPF_interface(RP(G)) when this router lost
// that Assert, else RPF'(*,G) (RptAssertWinner); the move to the winner is a trace line of its
// own, "RPF'(S,G,rpt) -> AssertWinner(S,G)". The triggered (S,G,rpt) messages go to it; the
// periodic Join(*,G) to RPF'(*,G) carries Prune(S,G,rpt) while the two differ; and when the
// Assert ends, "RPF'(S,G,rpt) -> RPF'(*,G)" lets a Join(S,G,rpt) undo that prune.
#include <algorithm>
#include <utility>

#include "pim/join_prune_batch.h"
#include "pim/join_timers.h"
#include "pim/pim_router.h"
#include "pim/pim_router_state.h"
#include "pim/sg_rpt_rules.h"

namespace pim {

using sim::wire::Ipv4Address;

namespace {

// The entries of `group` in `entries`, (S,G) only.
template <typename Map, typename Fn>
void ForEachSource(Map& entries, Ipv4Address group, Fn&& fn) {
  for (auto it = entries.lower_bound(JoinKey::SG(Ipv4Address(), group)); it != entries.end() && it->first.group == group;
       ++it) {
    if (it->first.source) fn(*it->second);
  }
}

}  // namespace

void PimRouter::OnSgRptEntry(Interface& pi, const JoinKey& sg, bool join, sim::core::Duration holdtime, bool to_me,
                             Ipv4Address upstream_neighbor) {
  if (to_me) {
    // §4.5.3: the Prune makes the state; a Join(S,G,rpt) only ever removes it.
    Entry* e = join ? FindEntry(sg) : &Ensure(sg);
    if (e == nullptr) return;
    auto& d = e->rpt_downstream[pi.iface.index()];
    if (!d) d = std::make_unique<SgRptDownstream>(router_.scheduler(), router_.id(), sg, pi.rpt_downstream_port);
    if (join) {
      d->OnJoinReceived();
    } else {
      d->OnPruneReceived(holdtime, pi.hello.jp_override_interval(), pi.hello.neighbors().size());
    }
    return;
  }
  // Another router's message to RPF'(S,G,rpt): override its Prune, or let its Join do it.
  Entry* e = FindEntry(sg);
  if (e == nullptr) return;
  if (e->rpt_upstream && e->rpt_upstream->rpf_neighbor() == upstream_neighbor) {
    if (join) {
      e->rpt_upstream->OnJoinSeen();
    } else {
      e->rpt_upstream->OnPruneSeen("Prune(S,G,rpt)", TOverride(router_.rng(), pi.hello.effective_override_interval()));
    }
  }
  // §4.5.5: an (S,G) upstream machine also overrides "See Prune(S,G,rpt) to RPF'(S,G)".
  if (!join && e->upstream->rpf_neighbor() == upstream_neighbor) {
    e->upstream->OnPruneSeen(TOverride(router_.rng(), pi.hello.effective_override_interval()));
  }
}

void PimRouter::StarGJoinForRpt(Interface& pi, Ipv4Address group) {
  ForEachSource(entries_, group, [&](Entry& sg) {
    if (auto d = sg.rpt_downstream.find(pi.iface.index()); d != sg.rpt_downstream.end()) d->second->OnStarGJoinReceived();
  });
}

void PimRouter::EndOfMessageForRpt(Interface& pi, Ipv4Address group) {
  ForEachSource(entries_, group, [&](Entry& sg) {
    if (auto d = sg.rpt_downstream.find(pi.iface.index()); d != sg.rpt_downstream.end()) d->second->OnEndOfMessage();
  });
}

InterfaceSet PimRouter::PrunesRpt(const Entry& sg) const {
  InterfaceSet out;
  for (const auto& [index, d] : sg.rpt_downstream) {
    if (d->pruned()) out.insert(index);
  }
  return out;
}

InterfaceSet PimRouter::SharedTreeOlist(const Entry* sg, Ipv4Address group) const {
  // ( joins(*,G) (-) prunes(S,G,rpt) ) (+) pim_include(*,G) (-) lost_assert(*,G): a prune takes
  // S off a downstream router's branch, never off the local receivers.
  InterfaceSet out;
  auto star = entries_.find(JoinKey::StarG(group));
  if (star != entries_.end()) out = Joins(*star->second);
  if (sg != nullptr) {
    for (std::uint32_t pruned : PrunesRpt(*sg)) out.erase(pruned);
  }
  InsertAll(out, PimInclude(group));
  if (star != entries_.end()) EraseLostAsserts(star->second.get(), out);
  return out;
}

bool PimRouter::LostAssertRpt(const Entry& sg, std::uint32_t interface) const {
  // §4.6.5 lost_assert(S,G,rpt,I): an (S,G) Assert lost on I, unless I is RPF_interface(RP(G)),
  // or RPF_interface(S) with the SPT bit (there the loss sets RPF'(S,G,rpt) or RPF'(S,G)). The
  // (*,G) half of the RFC's macro is lost_assert(*,G), which the olist takes out already.
  auto it = sg.asserts.find(interface);
  if (it == sg.asserts.end() || !it->second->loser()) return false;
  const auto rp = RpFor(sg.key.group);
  if (rp && RpfToward(*rp).interface == interface) return false;
  return !(sg.spt_bit && RpfOf(sg.key.source).interface == interface);
}

bool PimRouter::HasLostAssertRpt(const Entry& sg) const {
  return std::any_of(sg.asserts.begin(), sg.asserts.end(),
                     [&](const auto& a) { return LostAssertRpt(sg, a.first); });
}

InterfaceSet PimRouter::InheritedOlistSgRpt(const Entry* sg, Ipv4Address group) const {
  // §4.1.6: inherited_olist(S,G,rpt) = ( joins(*,G) (-) prunes(S,G,rpt) ) (+) pim_include(*,G)
  // (-) ( lost_assert(*,G) (+) lost_assert(S,G,rpt) ).
  InterfaceSet out = SharedTreeOlist(sg, group);
  if (sg != nullptr && !sg->asserts.empty()) {
    EraseIf(out, [&](std::uint32_t i) { return LostAssertRpt(*sg, i); });
  }
  return out;
}

InterfaceSet PimRouter::InheritedOlistSgRpt(const Entry& sg) const {
  return InheritedOlistSgRpt(&sg, sg.key.group);
}

std::optional<Ipv4Address> PimRouter::RptAssertWinner(const Entry& sg) const {
  // §4.1.6: RPF'(S,G,rpt) = AssertWinner(S,G,RPF_interface(RP(G))) "if I_Am_Assert_Loser(S,G,
  // RPF_interface(RP(G)))". The (S,G) Assert machine of that interface, not RPF_interface(S)'s.
  const auto rp = RpFor(sg.key.group);
  if (!rp || sg.asserts.empty()) return std::nullopt;
  const std::optional<std::uint32_t> to_rp = RpfToward(*rp).interface;
  if (!to_rp) return std::nullopt;
  auto it = sg.asserts.find(*to_rp);
  if (it == sg.asserts.end() || !it->second->loser()) return std::nullopt;
  return it->second->assert_winner();
}

void PimRouter::UpdateSgRpt(Entry& sg) {
  const Entry* star = FindEntry(JoinKey::StarG(sg.key.group));
  SgRptInputs in;
  // RPTJoinDesired(G) = JoinDesired(*,G) (no (*,*,RP) here).
  in.rpt_join_desired = star != nullptr && JoinDesired(*star);
  if (!in.rpt_join_desired && !sg.rpt_upstream) return;
  in.inherited_olist_empty = InheritedOlistSgRpt(sg).empty();
  in.spt_bit = sg.spt_bit;
  in.rpf_star_g = star != nullptr ? star->upstream->rpf_neighbor() : Ipv4Address();
  in.rpf_sg = sg.upstream->rpf_neighbor();
  const std::optional<Ipv4Address> winner = RptAssertWinner(sg);
  in.rpf_sg_rpt = winner.value_or(in.rpf_star_g);
  const bool was_by_assert = std::exchange(sg.rpt_rpf_by_assert, winner.has_value());
  if (!sg.rpt_upstream) {
    // Starts at RPF'(*,G): an Assert that made the entry moves it to the winner below, traced.
    sg.rpt_port = std::make_unique<RptUpstreamPortOf>(*this);
    sg.rpt_upstream = std::make_unique<SgRptUpstream>(router_.scheduler(), router_.id(), sg.key, in.rpf_star_g, *sg.rpt_port);
  }
  SgRptUpstream& up = *sg.rpt_upstream;
  if (up.rpf_neighbor() != in.rpf_sg_rpt) {
    if (winner) {
      // This router lost the (S,G) Assert toward the RP, or that Assert has a new winner.
      up.OnRpfBecameAssertWinner(*winner);
    } else if (was_by_assert) {
      // §4.5.7 "RPF'(S,G,rpt) -> RPF'(*,G)": the (S,G) Assert on the RP's side ended. RPF'(*,G)
      // may hold our periodic Prune(S,G,rpt) from while it was not RPF'(S,G,rpt).
      up.OnRpfBecameStarGRpf(in.rpf_sg_rpt, TOverrideOn(RpfOf(RpFor(sg.key.group)).interface));
    } else {
      // Any other change (a route moving RPF'(*,G)) is no table event.
      up.SetRpfNeighbor(in.rpf_sg_rpt);
    }
  }
  if (!in.rpt_join_desired) {
    up.OnRptJoinDesiredFalse();
    return;
  }
  if (!in.inherited_olist_empty) up.OnInheritedOlistNonEmpty();
  up.OnPruneDesired(PruneDesiredSgRpt(in));
}

void PimRouter::AddPeriodicRptPrunes(std::uint32_t interface, Ipv4Address neighbor, sim::core::Duration holdtime,
                                     Ipv4Address group) {
  const Entry* star = FindEntry(JoinKey::StarG(group));
  if (star == nullptr) return;
  ForEachSource(entries_, group, [&](Entry& sg) {
    if (!sg.rpt_upstream) return;
    SgRptInputs in;
    in.rpt_join_desired = true;
    in.inherited_olist_empty = InheritedOlistSgRpt(sg).empty();
    in.spt_bit = sg.spt_bit;
    in.rpf_star_g = star->upstream->rpf_neighbor();
    // RPF'(S,G) as of now, not as the (S,G) machine last held it: on a route change the (*,G)
    // entry is recomputed first, and its triggered Join(*,G) must not prune S off the shared
    // tree toward the neighbor that the Join(S,G) in the same message now goes to.
    Rpf rpf_sg = RpfOf(sg.key.source);
    ApplyAssertToRpf(sg, rpf_sg);
    in.rpf_sg = rpf_sg.neighbor;
    in.rpf_sg_rpt = RptAssertWinner(sg).value_or(in.rpf_star_g);
    if (PeriodicPruneSgRpt(in)) batch_->AddRpt(interface, neighbor, holdtime, sg.key, false);
  });
}

void PimRouter::CheckSwitchToSpt(sim::net::Interface& in, Ipv4Address source, Ipv4Address group) {
  // §4.2: "if ( (pim_include(*,G) (-) pim_exclude(S,G) (+) pim_include(S,G) != NULL) AND
  // SwitchToSptDesired(S,G) ) { set KeepaliveTimer(S,G) to Keepalive_Period }": restarting
  // the KAT makes JoinDesired(S,G) true, which is the switch.
  if (router_config_.spt_switchover != SptSwitchover::kImmediate) return;
  if (PimInclude(group).empty() || IAmRp(group) || router_.InterfaceOnLink(source) == &in) return;
  Entry* existing = FindEntry(JoinKey::SG(source, group));
  if (existing != nullptr && existing->keepalive->running()) return;
  Entry& sg = Ensure(JoinKey::SG(source, group));
  sg.keepalive->Set(router_config_.keepalive_period, "SPT switchover");
  Trace("pim.spt", {{"entry", TraceEntry(sg.key)}, {"interface", in.name()}, {"switch", "join SPT"}});
  RecomputeOne(sg);
  ScheduleCleanup();
}

bool PimRouter::ForwardOnSharedTree(sim::net::Interface& in, Entry& sg, sim::wire::ByteSpan raw) {
  // A directly connected source's data reached its LAN before it reached the RP: the copy that
  // comes back down the shared tree is always a duplicate there (the RFC's DR sets the SPT bit on
  // the first datagram, which this router forwards by hand in FirstHop).
  if (sg.spt_bit || router_.InterfaceOnLink(*sg.key.source) != nullptr) return false;
  const auto rp = RpFor(sg.key.group);
  if (!rp || RpfToward(*rp).interface != in.index()) return false;
  InterfaceSet olist = InheritedOlistSgRpt(sg);
  olist.erase(in.index());
  return ForwardDown(olist, sg.key.group, raw) > 0;
}

// --- the (S,G,rpt) ports ---

void RptDownstreamPortOf::PrunedChanged(const JoinKey& key, bool) { owner_.Recompute(key); }

void RptDownstreamPortOf::Trace(std::string_view kind, TraceFields fields) {
  fields.insert(fields.begin(), {"interface", pi_.iface.name()});
  owner_.Trace(kind, std::move(fields));
}

void RptUpstreamPortOf::Send(const JoinKey& key, Ipv4Address neighbor, bool join) {
  // The OT that kept an entry with nothing else (HasState) may have just sent this.
  if (PimRouter::Entry* e = owner_.FindEntry(key)) {
    owner_.MarkForCleanup(*e);
    owner_.ScheduleCleanup();
  }
  const PimRouter::Interface* pi = owner_.JoinPruneOut(neighbor);
  if (pi == nullptr) return;
  owner_.batch_->AddRpt(pi->iface.index(), neighbor, pi->config.join_prune_holdtime, key, join);
}

void RptUpstreamPortOf::Trace(std::string_view kind, TraceFields fields) { owner_.Trace(kind, std::move(fields)); }

}  // namespace pim
