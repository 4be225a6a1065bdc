// PimRouter: attaching to a router, power and link changes, and PIM messages in.
#include "pim/pim_router.h"

#include "pim/join_prune_batch.h"
#include "pim/join_timers.h"
#include "pim/pim_router_state.h"
#include "sim/wire/encode.h"
#include "sim/wire/frame_builder.h"

namespace pim {

using sim::wire::Ipv4Address;

PimRouter& PimRouter::Attach(sim::net::Router& router, const ConfigFor& config, RpSet rps) {
  return router.AddModule(std::make_unique<PimRouter>(router, config, std::move(rps)));
}

PimRouter::PimRouter(sim::net::Router& router, const ConfigFor& config, RpSet rps)
    : router_(router), rps_(std::move(rps)), ports_(std::make_unique<PimRouterPorts>(*this)) {
  for (const auto& i : router.interfaces()) {
    if (!i->prefix()) continue;
    auto c = config(*i);
    if (!c) continue;
    if (interfaces_.empty()) router_config_ = *c;
    interfaces_.emplace(i->index(), std::make_unique<Interface>(*this, router, *i, *c));
  }
  batch_ = std::make_unique<JoinPruneBatch>(
      router.scheduler(), router.id(), [this](std::uint32_t index, const sim::wire::PimJoinPrune& jp) {
        auto it = interfaces_.find(index);
        if (it == interfaces_.end() || !it->second->iface.up()) return;
        Interface& pi = *it->second;
        // RFC 7761 §4.3.1: a Hello goes out on an interface before any other PIM message.
        pi.hello.SendHelloBeforeJoinPruneOrAssert();
        const auto header = sim::wire::ControlHeader(sim::wire::kIpProtoPim, pi.iface.address(), sim::wire::kAllPimRouters);
        router_.SendIp(pi.iface, sim::wire::kAllPimRouters, header, sim::wire::Encode(sim::wire::PimMessage(jp)));
      });
  router.AddMulticastObserver(this);
  router.SetProtocolHandler(sim::wire::kIpProtoPim,
                            [this](sim::net::Interface& in, const sim::wire::Ipv4Packet& p) { OnPim(in, p); });
  // Start as an event of the run, so that the first Hellos are scheduled like every other; a
  // router that starts powered off starts at its power-on instead.
  router.scheduler().ScheduleIn(sim::core::Duration::Zero(), router.id(), [this] {
    if (router_.powered()) OnPowerOn();
  });
}

PimRouter::~PimRouter() {
  router_.scheduler().Cancel(cleanup_);
  router_.scheduler().Cancel(recompute_);
}

PimRouter::Interface* PimRouter::Find(const sim::net::Interface& i) {
  auto it = interfaces_.find(i.index());
  return it == interfaces_.end() ? nullptr : it->second.get();
}

const PimRouter::Interface* PimRouter::Find(const sim::net::Interface& i) const {
  auto it = interfaces_.find(i.index());
  return it == interfaces_.end() ? nullptr : it->second.get();
}

const HelloInterface* PimRouter::hello(const sim::net::Interface& i) const {
  const Interface* pi = Find(i);
  return pi == nullptr ? nullptr : &pi->hello;
}

void PimRouter::Trace(std::string_view kind, TraceFields fields) {
  router_.Trace(kind, std::move(fields));
}

void PimRouter::OnPowerOff() {
  // All state is lost with the power: nothing is sent (no goodbye Hello), and the entries
  // are not re-derived as each neighbor goes (they go too).
  defer_recompute_ = true;
  for (auto& [index, pi] : interfaces_) {
    pi->hello.Stop(false);
    pi->members.clear();
  }
  interfaces_with_members_.clear();
  defer_recompute_ = false;
  entries_.clear();
  cleanup_candidates_.clear();
  batch_->Clear();
  std::vector<sim::net::MfibKey> ours;
  for (const auto& [key, e] : router_.mfib().entries()) {
    if (e.owner == sim::net::MfibOwner::kPim) ours.push_back(key);
  }
  for (const auto& key : ours) router_.mfib().Erase(key);
}

void PimRouter::OnPowerOn() {
  for (auto& [index, pi] : interfaces_) {
    if (pi->iface.up()) StartInterface(*pi);
  }
}

void PimRouter::StartInterface(Interface& pi) {
  if (pi.config.enabled && !pi.hello.running()) pi.hello.Start();
}

void PimRouter::StopInterface(Interface& pi, bool goodbye) {
  // Neighbors go (NeighborDown), and every downstream state of the interface with them. A
  // link that is gone cannot carry a goodbye; PIM switched off on a live link sends one.
  pi.hello.Stop(goodbye && pi.hello.running() && pi.iface.up());
  pi.members.clear();
  NoteMembers(pi);
  for (auto& [key, e] : entries_) {
    if (auto it = e->downstream.find(pi.iface.index()); it != e->downstream.end()) it->second->Stop();
    if (auto it = e->asserts.find(pi.iface.index()); it != e->asserts.end()) it->second->Stop();
  }
  RecomputeAll();
}

void PimRouter::OnLinkStateChanged(sim::net::Interface& i) {
  Interface* pi = Find(i);
  if (pi == nullptr || !router_.powered()) return;
  if (i.up()) {
    StartInterface(*pi);
    return;
  }
  // The network recomputes the unicast routes right after this call (OnRoutesChanged). The
  // entries are re-derived once the neighbors are gone and the routes are new, so that RPF'
  // moves from the old neighbor to the new one in one step (Join to the new, Prune to the old
  // if it is still reachable) rather than through "no neighbor". The zero-delay event covers a
  // link whose loss changes no route.
  defer_recompute_ = true;
  StopInterface(*pi, false);
  defer_recompute_ = false;
  router_.scheduler().Cancel(recompute_);
  recompute_ = router_.scheduler().ScheduleIn(sim::core::Duration::Zero(), router_.id(), [this] { RecomputeAll(); });
}

void PimRouter::OnRoutesChanged() { RecomputeAll(); }

void PimRouter::OnMembershipChanged(sim::net::Interface& i, Ipv4Address group, bool present) {
  Interface* pi = Find(i);
  if (pi == nullptr) return;
  if (present) {
    pi->members.insert(group);
    Ensure(JoinKey::StarG(group));
  } else {
    pi->members.erase(group);
  }
  NoteMembers(*pi);
  Recompute(JoinKey::StarG(group));
}

void PimRouter::SetDrPriority(const sim::net::Interface& i, std::uint32_t priority) {
  if (Interface* pi = Find(i)) pi->hello.SetDrPriority(priority);
}

void PimRouter::SetInterfaceEnabled(const sim::net::Interface& i, bool enabled) {
  Interface* pi = Find(i);
  if (pi == nullptr || pi->config.enabled == enabled) return;
  if (enabled) {
    pi->config.enabled = true;
    if (router_.powered() && i.up()) StartInterface(*pi);
  } else {
    StopInterface(*pi, true);
    pi->config.enabled = false;
  }
}

void PimRouter::Reconfigure(const Config& c) {
  for (auto& [index, pi] : interfaces_) {
    Config next = c;
    next.enabled = pi->config.enabled;
    next.dr_priority = pi->config.dr_priority;
    pi->config = next;
  }
  const bool enabled = router_config_.enabled;
  router_config_ = c;
  router_config_.enabled = enabled;
}

void PimRouter::NeighborChanged(Interface& pi) {
  // A neighbor is RPF' only through the interface that the unicast route leaves by (RpfToward):
  // the entries looking out of another interface cannot change, except an (S,G) whose (*,G)
  // looks out of this one (its (S,G,rpt) machine follows RPF'(*,G)). Keys sort (*,G) before
  // its (S,G)s, so the (*,G) is new when they read it.
  if (defer_recompute_) return;
  const std::uint32_t here = pi.iface.index();
  auto looks_here = [here](const Entry* e) { return e != nullptr && e->rpf && e->rpf->interface == here; };
  for (auto& [key, e] : entries_) {
    const bool star_here = key.source && looks_here(FindEntry(JoinKey::StarG(key.group)));
    if (!e->rpf || looks_here(e.get()) || star_here) RecomputeOne(*e);
  }
  ScheduleCleanup();
}

void PimRouter::DrChanged(Interface& pi) {
  // Being DR on an interface matters for pim_include(*,G) there (the groups with members on it)
  // and for registering the sources directly connected to it; no other entry can change.
  if (defer_recompute_) return;
  for (auto& [key, e] : entries_) {
    const bool members = pi.members.contains(key.group);
    const bool source_here = key.source && router_.InterfaceOnLink(*key.source) == &pi.iface;
    if (members || source_here) RecomputeOne(*e);
  }
  ScheduleCleanup();
}

void PimRouter::NeighborRestarted(Interface& pi, Ipv4Address neighbor) {
  // RFC 7761 §4.5.4/§4.5.5: "GenID of RPF' changes": the Join Timer drops to t_override, so
  // the restarted neighbor hears our Joins again soon.
  for (auto& [key, e] : entries_) {
    if (e->upstream && e->upstream->rpf_neighbor() == neighbor) {
      e->upstream->OnRpfNeighborGenIdChanged(TOverride(router_.rng(), pi.hello.effective_override_interval()));
    }
  }
}

void PimRouter::OnPim(sim::net::Interface& in, const sim::wire::Ipv4Packet& packet) {
  Interface* pi = Find(in);
  auto m = sim::wire::ParsePim(packet.payload);
  if (!m) {
    Trace("pim.bad_message", {{"interface", in.name()}, {"reason", sim::wire::ToString(m.error())}});
    return;
  }
  const Ipv4Address from = packet.header.source;
  if (const auto* reg = std::get_if<sim::wire::PimRegister>(&*m)) {
    OnRegister(in, packet, *reg);
  } else if (const auto* stop = std::get_if<sim::wire::PimRegisterStop>(&*m)) {
    OnRegisterStop(*stop);
  } else if (pi == nullptr || !pi->hello.running()) {
    return;  // PIM is off on that interface: its Hellos, Joins and Asserts are not ours
  } else if (const auto* hello = std::get_if<sim::wire::PimHello>(&*m)) {
    pi->hello.OnHelloReceived(from, *hello);
  } else if (const auto* jp = std::get_if<sim::wire::PimJoinPrune>(&*m)) {
    OnJoinPrune(*pi, from, *jp);
  } else if (const auto* a = std::get_if<sim::wire::PimAssert>(&*m)) {
    OnAssert(*pi, from, *a);
  }
}

void PimRouter::OnJoinPrune(Interface& pi, Ipv4Address from, const sim::wire::PimJoinPrune& jp) {
  // RFC 7761 §4.5: Join/Prune messages are accepted from PIM neighbors only.
  if (!pi.hello.IsNeighbor(from)) {
    Trace("pim.ignored", {{"interface", pi.iface.name()}, {"message", "join/prune"}, {"from", sim::wire::ToString(from)},
                          {"why", "not a PIM neighbor"}});
    return;
  }
  const bool to_me = jp.upstream_neighbor == pi.iface.address();
  const sim::core::Duration holdtime =
      jp.holdtime_s == 0xffff ? kHoldForever : sim::core::Seconds(jp.holdtime_s);
  for (const auto& g : jp.groups) {
    for (int list = 0; list < 2; ++list) {
      const bool join = list == 0;
      for (const auto& s : join ? g.joins : g.prunes) {
        if (s.rpt && !s.wildcard) {  // (S,G,rpt): pim_spt.cc
          OnSgRptEntry(pi, JoinKey::SG(s.source, g.group.group), join, holdtime, to_me, jp.upstream_neighbor);
          continue;
        }
        if (s.wildcard && RpFor(g.group.group) != s.source) continue;  // §4.5.1: not our RP for G
        const JoinKey key = s.wildcard ? JoinKey::StarG(g.group.group) : JoinKey::SG(s.source, g.group.group);
        if (to_me) {
          Entry& entry = Ensure(key);
          DownstreamJoin& d = Downstream(entry, pi.iface.index());
          if (join) {
            d.OnJoinReceived(holdtime);
            if (!key.source) StarGJoinForRpt(pi, key.group);  // §4.5.3 "Receive Join(*,G)"
            // §4.6.1/§4.6.2 Loser, "Receive Join on Interface I": back to NoInfo.
            if (auto a = entry.asserts.find(pi.iface.index()); a != entry.asserts.end()) a->second->OnJoinReceived();
          } else {
            d.OnPruneReceived(pi.hello.jp_override_interval(), pi.hello.neighbors().size());
          }
        } else if (Entry* e = FindEntry(key); e != nullptr && e->upstream &&
                                                e->upstream->rpf_neighbor() == jp.upstream_neighbor) {
          // Another router's message to our RPF': suppress our Join, or override its Prune.
          if (join) {
            e->upstream->OnJoinSeen(holdtime);
          } else {
            e->upstream->OnPruneSeen(TOverride(router_.rng(), pi.hello.effective_override_interval()));
          }
        }
      }
    }
    if (to_me) EndOfMessageForRpt(pi, g.group.group);
  }
  ScheduleCleanup();
}

// --- ports ---

void HelloPortOf::SendHello(const sim::wire::PimHello& hello) {
  if (!pi_.iface.up()) return;
  const auto header = sim::wire::ControlHeader(sim::wire::kIpProtoPim, pi_.iface.address(), sim::wire::kAllPimRouters);
  owner_.router_.SendIp(pi_.iface, sim::wire::kAllPimRouters, header, sim::wire::Encode(sim::wire::PimMessage(hello)));
}
void HelloPortOf::NeighborUp(Ipv4Address) { owner_.NeighborChanged(pi_); }
void HelloPortOf::NeighborDown(Ipv4Address neighbor) {
  owner_.AssertNeighborGone(pi_, neighbor);  // "Current Winner's ... NLT Expires"
  owner_.NeighborChanged(pi_);
}
void HelloPortOf::NeighborRestarted(Ipv4Address neighbor) {
  owner_.AssertNeighborGone(pi_, neighbor);  // "Current Winner's GenID Changes"
  owner_.NeighborRestarted(pi_, neighbor);
}
void HelloPortOf::DrChanged(Ipv4Address, bool) { owner_.DrChanged(pi_); }
void HelloPortOf::Trace(std::string_view kind, TraceFields fields) {
  fields.insert(fields.begin(), {"interface", sim::core::TraceValue::Name(pi_.iface.name())});
  owner_.Trace(kind, std::move(fields));
}

void DownstreamPortOf::StateChanged(const JoinKey& key, bool) { owner_.Recompute(key); }
void DownstreamPortOf::SendPruneEcho(const JoinKey& key) {
  // RFC 7761 §4.5.1: a Prune to ourselves on the interface, so that a router whose Join was
  // lost can override it.
  owner_.batch_->Add(pi_.iface.index(), pi_.iface.address(), pi_.config.join_prune_holdtime, key,
                     owner_.RpFor(key.group).value_or(Ipv4Address()), false);
}
void DownstreamPortOf::Trace(std::string_view kind, TraceFields fields) {
  fields.insert(fields.begin(), {"interface", pi_.iface.name()});
  owner_.Trace(kind, std::move(fields));
}

}  // namespace pim
