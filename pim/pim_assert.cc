// PimRouter's Assert glue (RFC 7761 §4.6): the trigger (data on an interface of the olist),
// Asserts in and out, the macros the machines read, and what their winners change (lost_assert
// in the olists, RPF' toward the winner).
//
// The macros, as computed here (§4.6.1, §4.6.2, §4.6.3), with
//   assert_olist(S,G) = ( joins(*,G) (-) prunes(S,G,rpt) ) (+) pim_include(*,G)
//                       (-) lost_assert(*,G) (+) joins(S,G)
// (the RFC's joins(*,*,RP(G)) is gone with (*,*,RP) state; pim_exclude(S,G), pim_include(S,G)
// and local_receiver_include(S,G,I) need IGMPv3 source lists, and IGMPv2 has none: all empty):
//   CouldAssert(S,G,I)  = SPTbit(S,G) AND RPF_interface(S) != I AND I in assert_olist(S,G)
//   AssertTrackingDesired(S,G,I) = I in assert_olist(S,G)
//                         OR (RPF_interface(S) == I AND JoinDesired(S,G))
//                         OR (RPF_interface(RP(G)) == I AND JoinDesired(*,G) AND NOT SPTbit(S,G))
//   CouldAssert(*,G,I)  = I in joins(*,G) (+) pim_include(*,G) AND RPF_interface(RP(G)) != I
//   AssertTrackingDesired(*,G,I) = CouldAssert(*,G,I)
//                         OR (local_receiver_include(*,G,I) AND I_am_DR(I))
//                         OR (RPF_interface(RP(G)) == I AND RPTJoinDesired(G))
//                         (the RFC's "OR AssertWinner(*,G,I) == me" is left out: the machine
//                         reads the macro only in NoInfo and Loser, where the winner is never me)
//   my_assert_metric(S,G,I) = spt_assert_metric(S,I) if CouldAssert(S,G,I), else
//                         rpt_assert_metric(G,I) if CouldAssert(*,G,I), else infinite
//   spt/rpt_assert_metric = {RPT bit, preference, metric of the route to S or RP(G), my address}
// The RFC's (S,G) machine exists for every S. Here an Assert(S,G) for a source with no entry
// makes one only when the machine would leave NoInfo on it: RPT bit clear and
// AssertTrackingDesired(S,G,I) of an entry with no state (no SPT bit, so never CouldAssert). The
// entry lives while its Assert state does (Cleanup).
// "RPF_interface stops being I" (Loser -> NoInfo) is not tracked apart: once I is neither the RPF
// interface nor in the olist, AssertTrackingDesired is false, which has the same action (A5).
// Preference: 0 for a connected route, 1 for a computed one (the simulator runs one unicast
// routing protocol, so only connected-versus-computed can differ); metric: the route's.
#include <algorithm>
#include <utility>

#include "pim/pim_router.h"
#include "pim/pim_router_state.h"
#include "sim/wire/encode.h"
#include "sim/wire/frame_builder.h"

namespace pim {

using sim::wire::Ipv4Address;

namespace {

constexpr std::uint32_t kConnectedPreference = 0;
constexpr std::uint32_t kComputedPreference = 1;

}  // namespace

AssertMachine& PimRouter::AssertOn(Entry& e, std::uint32_t interface) {
  auto& m = e.asserts[interface];
  if (!m) {
    Interface& pi = *interfaces_.at(interface);
    m = std::make_unique<AssertMachine>(router_.scheduler(), router_.id(), e.key, pi.config, pi.iface.address(),
                                        pi.assert_port);
  }
  return *m;
}

bool PimRouter::InAssertOlist(const Entry* sg, Ipv4Address group, std::uint32_t interface) const {
  if (sg != nullptr && Joins(*sg).contains(interface)) return true;  // (+) joins(S,G) comes last
  return SharedTreeOlist(sg, group).contains(interface);
}

bool PimRouter::CouldAssert(const Entry& e, std::uint32_t interface) const {
  if (RpfOf(RpfTarget(e.key)).interface == interface) return false;
  if (!e.key.source) {
    return Joins(e).contains(interface) || PimInclude(e.key.group).contains(interface);
  }
  return e.spt_bit && InAssertOlist(&e, e.key.group, interface);
}

bool PimRouter::AssertTrackingDesired(const Entry& e, std::uint32_t interface) const {
  if (e.key.source) return SgAssertTrackingDesired(&e, e.key, interface);
  if (CouldAssert(e, interface) || IncludesMembers(*interfaces_.at(interface), e.key.group)) {
    return true;
  }
  return RpfOf(RpfTarget(e.key)).interface == interface && JoinDesired(e);
}

bool PimRouter::SgAssertTrackingDesired(const Entry* sg, const JoinKey& key,
                                        std::uint32_t interface) const {
  if (InAssertOlist(sg, key.group, interface)) return true;
  // An entry with no state has JoinDesired(S,G) false and no SPT bit.
  if (sg != nullptr && RpfOf(key.source).interface == interface && JoinDesired(*sg)) return true;
  if (sg != nullptr && sg->spt_bit) return false;
  auto star = entries_.find(JoinKey::StarG(key.group));
  return star != entries_.end() && RpfOf(RpfTarget(star->first)).interface == interface &&
         JoinDesired(*star->second);
}

AssertMetric PimRouter::RouteAssertMetric(bool rpt, Ipv4Address target, std::uint32_t interface) const {
  AssertMetric m;
  m.rpt = rpt;
  m.address = router_.interfaces()[interface]->address();
  if (router_.InterfaceOnLink(target) != nullptr || router_.IsOwnAddress(target)) {
    m.preference = kConnectedPreference;
    m.metric = 0;
  } else if (const auto route = router_.fib().Lookup(target)) {
    m.preference = kComputedPreference;
    m.metric = route->metric;
  } else {
    return InfiniteAssertMetric();
  }
  return m;
}

AssertMetric PimRouter::MyAssertMetric(const Entry& e, std::uint32_t interface) const {
  if (e.key.source && CouldAssert(e, interface)) return RouteAssertMetric(false, *e.key.source, interface);
  const auto rp = RpFor(e.key.group);
  const Entry* star = e.key.source ? nullptr : &e;
  if (star == nullptr) {
    auto it = entries_.find(JoinKey::StarG(e.key.group));
    star = it == entries_.end() ? nullptr : it->second.get();
  }
  if (rp && star != nullptr && CouldAssert(*star, interface)) return RouteAssertMetric(true, *rp, interface);
  return InfiniteAssertMetric();
}

bool PimRouter::LostAssert(const Entry* e, std::uint32_t interface, std::optional<std::uint32_t> rpf_interface) const {
  if (e == nullptr || rpf_interface == interface) return false;
  auto it = e->asserts.find(interface);
  return it != e->asserts.end() && it->second->loser();
}

void PimRouter::EraseLostAsserts(const Entry* e, InterfaceSet& olist) const {
  if (e == nullptr || e->asserts.empty()) return;
  const std::optional<std::uint32_t> rpf_interface = RpfOf(RpfTarget(e->key)).interface;
  EraseIf(olist, [&](std::uint32_t i) { return LostAssert(e, i, rpf_interface); });
}

bool PimRouter::ApplyAssertToRpf(const Entry& e, Rpf& rpf) const {
  if (!rpf.interface) return false;
  auto it = e.asserts.find(*rpf.interface);
  if (it == e.asserts.end() || !it->second->loser()) return false;
  // §4.1.6: RPF'(S,G) = AssertWinner(S,G,RPF_interface(S)) "if I_Am_Assert_Loser(S,G,
  // RPF_interface(S))"; the same for (*,G) with RP(G).
  rpf.neighbor = it->second->assert_winner();
  return true;
}

void PimRouter::UpdateAsserts(Entry& e) {
  for (auto& [index, m] : e.asserts) {
    if (m->state() == AssertState::kNoInfo) continue;
    m->OnConditions(CouldAssert(e, index), AssertTrackingDesired(e, index), MyAssertMetric(e, index));
  }
}

void PimRouter::DataOnOutgoingInterface(Entry& e, sim::net::Interface& in, Ipv4Address source) {
  Interface* pi = Find(in);
  if (pi == nullptr || !pi->hello.running() || !pi->config.assert_enabled) return;
  const std::uint32_t i = in.index();
  const bool could = CouldAssert(e, i);
  // §4.6.1 "Data arrives from S to G on I and CouldAssert(S,G,I)"; without the SPT bit, the
  // (*,G) machine takes it (§4.6.2 "Data arrives for G on I and CouldAssert(*,G,I)").
  if (!could && e.key.source) {
    if (Entry* star = FindEntry(JoinKey::StarG(e.key.group))) DataOnOutgoingInterface(*star, in, source);
    return;
  }
  if (could) AssertOn(e, i).OnDataArrived(true, MyAssertMetric(e, i), source);
}

void PimRouter::OnAssert(Interface& pi, Ipv4Address from, const sim::wire::PimAssert& a) {
  if (!pi.config.assert_enabled) {
    Trace("pim.ignored", {{"interface", pi.iface.name()}, {"message", "assert"}, {"from", sim::wire::ToString(from)},
                          {"why", "assert is off"}});
    return;
  }
  const AssertMetric theirs{a.rpt, a.metric_preference, a.metric, from};
  const std::uint32_t i = pi.iface.index();
  const Ipv4Address g = a.group.group;
  // An Assert naming a source goes to that (S,G)'s machine; one with the RPT bit that the
  // (S,G) machine does not take (it stays in NoInfo) goes on to (*,G) (§4.6.1 and §4.6.2 split
  // the RPT bit between them). The RPT bit makes it an Assert(*,G) whatever source it names:
  // 0.0.0.0, or the datagram that triggered it (§4.9.6).
  if (!a.source.is_unspecified()) {
    const JoinKey key = JoinKey::SG(a.source, g);
    Entry* sg = FindEntry(key);
    // Only an Assert with the RPT bit clear can move an (S,G) machine out of NoInfo when
    // CouldAssert(S,G,I) is false, as it is for an entry with no state.
    if (sg == nullptr && !a.rpt && SgAssertTrackingDesired(nullptr, key, i)) {
      sg = &Ensure(key);
      // Looked at by the next Cleanup, which keeps it only while it has Assert state.
      MarkForCleanup(*sg);
      ScheduleCleanup();
    }
    if (sg != nullptr) {
      AssertMachine& m = AssertOn(*sg, i);
      const bool was_loser = m.loser();
      m.OnAssertReceived(theirs, CouldAssert(*sg, i), AssertTrackingDesired(*sg, i), MyAssertMetric(*sg, i));
      // A6: "If (I is RPF_interface(S)) AND (UpstreamJPState(S,G) == true) set SPTbit(S,G) to
      // TRUE": the winner forwards S's data toward us on the SPT. The winner change recomputed
      // the entry before the bit was set, so PruneDesired(S,G,rpt) is read again here.
      if (!was_loser && m.loser() && RpfOf(sg->key.source).interface == i && sg->upstream->joined() &&
          !std::exchange(sg->spt_bit, true)) {
        RecomputeOne(*sg);
      }
      if (m.state() != AssertState::kNoInfo || !a.rpt) return;
    } else if (!a.rpt) {
      return;
    }
  }
  if (Entry* star = FindEntry(JoinKey::StarG(g))) {
    AssertOn(*star, i).OnAssertReceived(theirs, CouldAssert(*star, i), AssertTrackingDesired(*star, i),
                                        MyAssertMetric(*star, i));
  }
}

void PimRouter::AssertNeighborGone(Interface& pi, Ipv4Address neighbor) {
  for (auto& [key, e] : entries_) {
    if (auto it = e->asserts.find(pi.iface.index()); it != e->asserts.end()) it->second->OnNeighborGone(neighbor);
  }
}

// --- the Assert port ---

void AssertPortOf::SendAssert(const JoinKey& key, const AssertMetric& metric, Ipv4Address source) {
  if (!pi_.iface.up()) return;
  // §4.6.4, §4.9.6: AssertCancel is an infinite-metric Assert with the RPT bit set; the machine
  // chose the Source Address.
  sim::wire::PimAssert a;
  a.group = sim::wire::EncodedGroup{key.group};
  a.source = source;
  a.rpt = metric.rpt;
  a.metric_preference = metric.preference;
  a.metric = metric.metric;
  pi_.hello.SendHelloBeforeJoinPruneOrAssert();
  const auto header =
      sim::wire::ControlHeader(sim::wire::kIpProtoPim, pi_.iface.address(), sim::wire::kAllPimRouters);
  owner_.router_.SendIp(pi_.iface, sim::wire::kAllPimRouters, header, sim::wire::Encode(sim::wire::PimMessage(a)));
}

void AssertPortOf::WinnerChanged(const JoinKey& key) { owner_.Recompute(key); }

Ipv4Address AssertPortOf::RpOf(Ipv4Address group) const { return owner_.RpFor(group).value_or(Ipv4Address()); }

void AssertPortOf::Trace(std::string_view kind, TraceFields fields) {
  fields.insert(fields.begin(), {"interface", pi_.iface.name()});
  owner_.Trace(kind, std::move(fields));
}

}  // namespace pim
