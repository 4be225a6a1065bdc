// PimRouter's tree information: entries, RPF, the olist macros of RFC 7761 and the MFIB they
// program.
//
// The macros, as this build needs them ((S,G,rpt) in pim_spt.cc; Assert in pim_assert.cc):
//   pim_include(*,G)        = { I : I_am_DR(I) AND local_receiver_include(*,G,I) }      §4.1.6
//   immediate_olist(*,G)    = joins(*,G) + pim_include(*,G) - lost_assert(*,G)          §4.1.6
//   immediate_olist(S,G)    = joins(S,G) - lost_assert(S,G)  (pim_include(S,G) needs IGMPv3)
//   inherited_olist(S,G,rpt)= joins(*,G) - prunes(S,G,rpt) + pim_include(*,G)
//                             - lost_assert(*,G) - lost_assert(S,G,rpt)                  §4.1.6
//   inherited_olist(S,G)    = inherited_olist(S,G,rpt) + joins(S,G) - lost_assert(S,G)  §4.1.6
//   JoinDesired(*,G)        = immediate_olist(*,G) != NULL                              §4.5.4
//   JoinDesired(S,G)        = immediate_olist(S,G) != NULL
//                             OR (KeepaliveTimer(S,G) running AND inherited_olist(S,G) != NULL)  §4.5.5
//   RPF'(X)                 = AssertWinner(X, RPF_interface(X)) when I am Assert Loser there,
//                             else NBR(RPF_interface(X), MRIB.next_hop(X))               §4.1.6
// The RFC folds lost_assert(*,G) into pim_include(*,G) (an Assert winner keeps its local
// receivers even when not DR); here a winner that is not DR has none to add, so subtracting
// lost_assert from the whole olist is the same set.
// MFIB: (*,G) comes in on RPF_interface(RP(G)) (none at the RP, where data arrives in
// Registers) and goes out immediate_olist(*,G); (S,G) comes in on RPF_interface(S) and goes out
// inherited_olist(S,G). An interface is never in its own entry's olist.
#include <algorithm>
#include <utility>

#include "pim/join_prune_batch.h"
#include "pim/join_timers.h"
#include "pim/pim_router.h"
#include "pim/pim_router_state.h"

namespace pim {

using sim::wire::Ipv4Address;

namespace {

// The iif of a (*,G) entry at its RP: no interface, so native data on (*,G) never matches.
constexpr std::uint32_t kNoInterface = UINT32_MAX;

std::string Flags(const std::string& base, bool c, bool p, bool t, bool f) {
  return base + (c ? "C" : "") + (p ? "P" : "") + (t ? "T" : "") + (f ? "F" : "");
}

}  // namespace

std::optional<Ipv4Address> PimRouter::RpFor(Ipv4Address group) const { return rps_.RpFor(group); }

bool PimRouter::IAmRp(Ipv4Address group) const {
  const auto rp = RpFor(group);
  return rp && router_.IsOwnAddress(*rp);
}

PimRouter::Rpf PimRouter::RpfToward(Ipv4Address target) const {
  Rpf r;
  if (router_.IsOwnAddress(target)) return r;
  const auto hop = router_.RouteTo(target);
  if (!hop) return r;
  r.interface = hop->out->index();
  // RPF'(...) is a PIM neighbor (§4.1.6 "NBR"): never a directly connected source host.
  const Interface* pi = Find(*hop->out);
  if (pi != nullptr && pi->hello.IsNeighbor(hop->next_hop)) r.neighbor = hop->next_hop;
  return r;
}

std::optional<Ipv4Address> PimRouter::RpfTarget(const JoinKey& key) const {
  return key.source ? key.source : RpFor(key.group);
}

PimRouter::Rpf PimRouter::RpfOf(const std::optional<Ipv4Address>& target) const {
  return target ? RpfToward(*target) : Rpf{};
}

PimRouter::Entry* PimRouter::FindEntry(const JoinKey& key) {
  auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : it->second.get();
}

PimRouter::Entry& PimRouter::Ensure(const JoinKey& key) {
  auto [it, fresh] = entries_.try_emplace(key);
  if (fresh) {
    it->second = std::make_unique<Entry>();
    Entry& e = *it->second;
    e.key = key;
    e.since = router_.now();
    const std::optional<Ipv4Address> target = RpfTarget(key);
    e.upstream = std::make_unique<UpstreamJoin>(
        router_.scheduler(), router_.id(), key, router_config_, RpfOf(target).neighbor,
        *ports_, [this, target] {
          const Rpf rpf = RpfOf(target);
          const Interface* pi = rpf.interface ? Find(*router_.interfaces()[*rpf.interface]) : nullptr;
          const Config& cfg = pi != nullptr ? pi->config : router_config_;
          return TSuppressed(router_.rng(), cfg.join_prune_period, pi == nullptr || pi->hello.suppression_enabled());
        });
    if (key.source) e.keepalive = std::make_unique<KeepaliveTimer>(router_.scheduler(), router_.id(), *key.source, key.group, *ports_);
  }
  return *it->second;
}

DownstreamJoin& PimRouter::Downstream(Entry& e, std::uint32_t interface) {
  auto& d = e.downstream[interface];
  if (!d) d = std::make_unique<DownstreamJoin>(router_.scheduler(), router_.id(), e.key, interfaces_.at(interface)->downstream_port);
  return *d;
}

InterfaceSet PimRouter::Joins(const Entry& e) const {
  InterfaceSet out;
  for (const auto& [index, d] : e.downstream) {
    if (d->joined()) out.insert(index);
  }
  return out;
}

InterfaceSet PimRouter::PimInclude(Ipv4Address group) const {
  InterfaceSet out;
  for (std::uint32_t index : interfaces_with_members_) {
    if (IncludesMembers(*interfaces_.at(index), group)) out.insert(index);
  }
  return out;
}

bool PimRouter::IncludesMembers(const Interface& pi, Ipv4Address group) const {
  return pi.hello.running() && pi.hello.is_dr() && pi.members.contains(group);
}

void PimRouter::NoteMembers(const Interface& pi) {
  if (pi.members.empty()) {
    interfaces_with_members_.erase(pi.iface.index());
  } else {
    interfaces_with_members_.insert(pi.iface.index());
  }
}

InterfaceSet PimRouter::ImmediateOlist(const Entry& e) const {
  InterfaceSet out = Joins(e);
  if (!e.key.source) InsertAll(out, PimInclude(e.key.group));
  EraseLostAsserts(&e, out);
  return out;
}

bool PimRouter::ImmediateOlistEmpty(const Entry& e) const {
  std::optional<std::uint32_t> rpf_interface;
  if (!e.asserts.empty()) rpf_interface = RpfOf(RpfTarget(e.key)).interface;
  auto kept = [&](std::uint32_t i) { return e.asserts.empty() || !LostAssert(&e, i, rpf_interface); };
  for (const auto& [index, d] : e.downstream) {
    if (d->joined() && kept(index)) return false;
  }
  if (e.key.source) return true;
  for (std::uint32_t index : interfaces_with_members_) {
    if (IncludesMembers(*interfaces_.at(index), e.key.group) && kept(index)) return false;
  }
  return true;
}

InterfaceSet PimRouter::InheritedOlist(const Entry& sg) const {
  InterfaceSet out = InheritedOlistSgRpt(sg);
  InsertAll(out, Joins(sg));
  EraseLostAsserts(&sg, out);
  return out;
}

bool PimRouter::JoinDesired(const Entry& e) const {
  if (!e.key.source) return !ImmediateOlistEmpty(e) && RpFor(e.key.group).has_value();
  return !ImmediateOlistEmpty(e) || (e.keepalive->running() && !InheritedOlist(e).empty());
}

void PimRouter::Recompute(const JoinKey& key) {
  if (defer_recompute_) return;  // RecomputeAll follows
  if (Entry* e = FindEntry(key)) RecomputeOne(*e);
  if (!key.source) {
    // The (S,G) entries inherit (*,G)'s olist.
    for (auto it = entries_.lower_bound(JoinKey::SG(Ipv4Address(), key.group));
         it != entries_.end() && it->first.group == key.group; ++it) {
      if (it->first.source) RecomputeOne(*it->second);
    }
  }
  ScheduleCleanup();
}

void PimRouter::RecomputeAll() {
  if (defer_recompute_) return;
  for (auto& [key, e] : entries_) RecomputeOne(*e);
  ScheduleCleanup();
}

void PimRouter::RecomputeOne(Entry& e) {
  MarkForCleanup(e);
  const std::optional<Ipv4Address> target = RpfTarget(e.key);
  Rpf rpf = RpfOf(target);
  const bool by_assert = ApplyAssertToRpf(e, rpf);
  TraceRpfChange(e, rpf);
  if (by_assert) {
    if (e.upstream->rpf_neighbor() == rpf.neighbor) {
      // Already there: no event, and no random draw.
    } else {
      // §4.5.4 "RPF'(*,G) changes due to an Assert": the Join goes to the winner within
      // t_override; the loser (the old RPF') gets no Prune.
      e.upstream->OnRpfNeighborChangedByAssert(rpf.neighbor, TOverrideOn(rpf.interface));
    }
  } else if (e.upstream->rpf_neighbor() != rpf.neighbor) {
    e.upstream->OnRpfNeighborChanged(rpf.neighbor);
  }
  e.upstream->OnJoinDesired(JoinDesired(e));
  UpdateAsserts(e);
  if (e.key.source) UpdateRegister(e);
  if (e.key.source) UpdateSgRpt(e);
  ProgramMfib(e, rpf, target.has_value());
}

sim::core::Duration PimRouter::TOverrideOn(std::optional<std::uint32_t> interface) {
  const Interface* pi = interface ? Find(*router_.interfaces()[*interface]) : nullptr;
  return TOverride(router_.rng(),
                   pi != nullptr ? pi->hello.effective_override_interval() : router_config_.override_interval);
}

void PimRouter::TraceRpfChange(Entry& e, const Rpf& now) {
  const std::optional<Rpf> before = std::exchange(e.rpf, now);
  if (!before || *before == now) return;
  // An interface key names a real interface, so "none" (no route, or this router is the RP) is
  // an absent key.
  TraceFields fields{{"entry", TraceEntry(e.key)}};
  if (before->interface) fields.emplace_back("old_interface", router_.interfaces()[*before->interface]->name());
  if (now.interface) fields.emplace_back("interface", router_.interfaces()[*now.interface]->name());
  fields.emplace_back("old_rpf", sim::wire::ToString(before->neighbor));
  fields.emplace_back("rpf", sim::wire::ToString(now.neighbor));
  Trace("pim.rpf", std::move(fields));
}

void PimRouter::ProgramMfib(const Entry& e, const Rpf& rpf, bool has_rpf_target) {
  const sim::net::MfibKey key{e.key.source.value_or(Ipv4Address()), e.key.group};
  sim::net::MfibEntry* current = router_.mfib().Find(key);
  if (current != nullptr && current->owner != sim::net::MfibOwner::kPim) return;  // static: not ours
  std::uint32_t iif = rpf.interface.value_or(kNoInterface);
  InterfaceSet olist = e.key.source ? InheritedOlist(e) : ImmediateOlist(e);
  const bool keep = e.key.source ? e.keepalive->running() || !Joins(e).empty() : has_rpf_target && !olist.empty();
  // (S,G,rpt) state alone (§4.1.3): a shared-tree router with no (S,G) of its own that a
  // downstream router pruned S off. S still comes down the shared tree, on RPF_interface(RP(G)),
  // and goes only to inherited_olist(S,G,rpt), so the pruned branch stops here, not at the RP.
  // The same for an (S,G) Assert lost on an interface of the shared tree (lost_assert(S,G,rpt)).
  const bool narrowed = e.key.source && !keep && (!PrunesRpt(e).empty() || HasLostAssertRpt(e));
  const Entry* star = narrowed ? FindEntry(JoinKey::StarG(e.key.group)) : nullptr;
  const bool rpt_only = star != nullptr && star->rpf && star->rpf->interface;
  if (!keep && !rpt_only) {
    if (current != nullptr) router_.mfib().Erase(key);
    return;
  }
  if (rpt_only) {
    iif = *star->rpf->interface;
    olist = InheritedOlistSgRpt(e);
  }
  olist.erase(iif);
  const bool fresh = current == nullptr;
  sim::net::MfibEntry& m = router_.mfib().Set(key, iif, std::move(olist), sim::net::MfibOwner::kPim);
  if (fresh) m.since = router_.now();
  UpdateFlags(e, m);
  // (S,G) data matters to PIM: keepalive, SPT bit, Registers at the source's DR.
  // (*,G) data matters at a last hop that may switch to the SPT (CheckSwitchToSpt).
  // Not for (S,G,rpt) state alone: its data is shared-tree data, and must not start a keepalive
  // that would make this router join S.
  m.notify_data = (e.key.source.has_value() && !rpt_only) ||
                  (router_config_.spt_switchover == SptSwitchover::kImmediate && !PimInclude(e.key.group).empty());
}

void PimRouter::UpdateFlags(const Entry& e, sim::net::MfibEntry& m) const {
  // As routers print them: S sparse, C a local member, P pruned (empty olist), T on the SPT,
  // F registering (the source's DR).
  const bool connected = !PimInclude(e.key.group).empty();
  m.flags = Flags("S", connected, m.oifs.empty(), e.spt_bit,
                  e.register_state && e.register_state->state() != RegisterState::kNoInfo);
}

void PimRouter::ScheduleCleanup() {
  if (router_.scheduler().IsPending(cleanup_)) return;
  cleanup_ = router_.scheduler().ScheduleIn(sim::core::Duration::Zero(), router_.id(), [this] { Cleanup(); });
}

void PimRouter::MarkForCleanup(Entry& e) { cleanup_candidates_.insert(e.key); }

bool PimRouter::HasState(const Entry& e) const {
  const bool downstream = std::any_of(e.downstream.begin(), e.downstream.end(),
                                      [](const auto& d) { return d.second->state() != DownstreamJoinState::kNoInfo; });
  const bool members = !e.key.source && !PimInclude(e.key.group).empty();
  const bool asserts = std::any_of(e.asserts.begin(), e.asserts.end(),
                                   [](const auto& a) { return a.second->state() != AssertState::kNoInfo; });
  const bool rpt = std::any_of(e.rpt_downstream.begin(), e.rpt_downstream.end(),
                               [](const auto& d) { return d.second->state() != SgRptDownstreamState::kNoInfo; });
  // A running OT still owes Join(S,G,rpt) (e.g. "RPF'(S,G,rpt) -> RPF'(*,G)" when the Assert
  // that made the entry ended): the entry stays until it is sent.
  const bool override_pending = e.rpt_upstream && e.rpt_upstream->override_in().has_value();
  return downstream || rpt || override_pending || members || asserts || e.upstream->joined() ||
         (e.keepalive && e.keepalive->running()) ||
         (e.register_state && e.register_state->state() != RegisterState::kNoInfo);
}

// Entries with nothing left: no downstream state, not joined upstream, no keepalive, no
// register state. Done as an event of its own, never from inside a machine's port call. Only
// the entries marked since the last run are looked at, in key order as the map holds them.
void PimRouter::Cleanup() {
  for (const JoinKey& key : std::exchange(cleanup_candidates_, {})) {
    auto it = entries_.find(key);
    if (it == entries_.end()) continue;
    Entry& e = *it->second;
    if (HasState(e)) continue;
    const sim::net::MfibKey mkey{e.key.source.value_or(Ipv4Address()), e.key.group};
    if (const auto* m = router_.mfib().Find(mkey); m != nullptr && m->owner == sim::net::MfibOwner::kPim) {
      router_.mfib().Erase(mkey);
    }
    entries_.erase(it);
  }
}

// --- the upstream port: Joins and Prunes into the batch ---

const PimRouter::Interface* PimRouter::JoinPruneOut(Ipv4Address neighbor) const {
  // An upstream neighbor is on a link of ours (§4.1.6 NBR): the message goes out there or not at
  // all. A route would carry a Prune for a neighbor on a dead link to a LAN where nobody is it.
  const sim::net::Interface* out = router_.InterfaceOnLink(neighbor);
  if (out == nullptr || !out->up()) return nullptr;
  return Find(*out);
}

void PimRouterPorts::Send(const JoinKey& key, Ipv4Address neighbor, bool join) {
  const PimRouter::Interface* pi = owner_.JoinPruneOut(neighbor);
  if (pi == nullptr) return;
  owner_.batch_->Add(pi->iface.index(), neighbor, pi->config.join_prune_holdtime, key,
                     owner_.RpFor(key.group).value_or(Ipv4Address()), join);
  // §4.5.6: a Join(*,G) carries the Prune(S,G,rpt) of each source kept off the shared tree.
  if (join && !key.source) {
    owner_.AddPeriodicRptPrunes(pi->iface.index(), neighbor, pi->config.join_prune_holdtime, key.group);
  }
}

void PimRouterPorts::Trace(std::string_view kind, TraceFields fields) { owner_.Trace(kind, std::move(fields)); }

}  // namespace pim
