// The `show ip pim` tables of a router, as FRR and Cisco print them (columns trimmed to what
// this model has): interfaces with their DR and Hello timer, neighbors, the Join/Prune state of
// every entry and interface with its timers, the RP mapping, and the Assert state of every
// entry and interface outside NoInfo.
#include "pim/join_timers.h"
#include "pim/pim_router.h"
#include "pim/pim_router_state.h"
#include "pim/sg_rpt_downstream.h"
#include "pim/sg_rpt_upstream.h"
#include "sim/core/text_table.h"

namespace pim {

using sim::core::TextTable;
using sim::core::ToTableString;

namespace {

std::string Timer(std::optional<sim::core::Duration> d) {
  if (!d) return "-";
  return *d == kHoldForever ? "never" : ToTableString(*d);
}

// "(10.1.0.10,239.1.1.1,rpt)", as events.jsonl names (S,G,rpt) state.
std::string RptName(const JoinKey& sg) {
  std::string name = ToString(sg);
  name.insert(name.size() - 1, ",rpt");
  return name;
}

}  // namespace

std::string PimRouter::DumpInterfaces() const {
  TextTable t({"Interface", "State", "Address", "DR", "DR priority", "Neighbors", "Hello in"});
  const sim::core::Time now = router_.now();
  for (const auto& [index, pi] : interfaces_) {
    const HelloInterface& h = pi->hello;
    const auto next = h.next_hello_at();
    t.Row({pi->iface.name(), h.running() ? "up" : "down", sim::wire::ToString(pi->iface.address()),
           h.running() ? sim::wire::ToString(h.dr()) + (h.is_dr() ? " (this router)" : "") : "-",
           std::to_string(h.dr_priority()), std::to_string(h.neighbors().size()),
           next ? ToTableString(*next - now) : "-"});
  }
  return t.Render();
}

std::string PimRouter::DumpNeighbors() const {
  TextTable t({"Interface", "Neighbor", "Uptime", "Expires", "DR priority", "Generation ID", "DR"});
  const sim::core::Time now = router_.now();
  for (const auto& [index, pi] : interfaces_) {
    for (const PimNeighbor& n : pi->hello.neighbors()) {
      t.Row({pi->iface.name(), sim::wire::ToString(n.address), ToTableString(now - n.since),
             n.expires_at ? ToTableString(*n.expires_at - now) : "never",
             n.dr_priority ? std::to_string(*n.dr_priority) : "-",
             n.generation_id ? std::to_string(*n.generation_id) : "-", pi->hello.dr() == n.address ? "yes" : ""});
    }
  }
  return t.Render();
}

std::string PimRouter::DumpJoins() const {
  TextTable down({"Interface", "Entry", "State", "Uptime", "Expires", "Prune pending"});
  TextTable up({"Entry", "Upstream", "RPF neighbor", "Join timer", "Keepalive", "Register", "SPT"});
  const sim::core::Time now = router_.now();
  for (const auto& [key, e] : entries_) {
    for (const auto& [index, d] : e->downstream) {
      if (d->state() == DownstreamJoinState::kNoInfo) continue;
      down.Row({router_.interfaces()[index]->name(), ToString(key), std::string(ToString(d->state())),
                ToTableString(now - d->since()), Timer(d->expiry_in()), Timer(d->prune_pending_in())});
    }
    up.Row({ToString(key), std::string(ToString(e->upstream->state())), sim::wire::ToString(e->upstream->rpf_neighbor()),
            Timer(e->upstream->join_timer_in()), e->keepalive ? Timer(e->keepalive->expires_in()) : "-",
            e->register_state ? std::string(ToString(e->register_state->state())) : "-", e->spt_bit ? "yes" : "no"});
    // The source taken off G's shared tree, here or below (pim_spt.cc), as (S,G,rpt) rows.
    const std::string rpt = RptName(key);
    for (const auto& [index, d] : e->rpt_downstream) {
      if (d->state() == SgRptDownstreamState::kNoInfo) continue;
      down.Row({router_.interfaces()[index]->name(), rpt, std::string(ToString(d->state())), "-", Timer(d->expiry_in()),
                Timer(d->prune_pending_in())});
    }
    if (e->rpt_upstream && e->rpt_upstream->state() != SgRptUpstreamState::kRptNotJoined) {
      up.Row({rpt, std::string(ToString(e->rpt_upstream->state())), sim::wire::ToString(e->rpt_upstream->rpf_neighbor()),
              "-", "-", "-", "-"});
    }
  }
  return down.Render() + up.Render();
}

std::string PimRouter::DumpRpMapping() const {
  TextTable t({"Group range", "RP", "This router"});
  for (const RpEntry& r : rps_.entries()) {
    t.Row({sim::wire::ToString(r.group_range), sim::wire::ToString(r.rp), router_.IsOwnAddress(r.rp) ? "yes" : ""});
  }
  return t.Render();
}

std::string PimRouter::DumpAsserts() const {
  TextTable t({"Interface", "Entry", "State", "Winner", "Metric", "Timer"});
  for (const auto& [key, e] : entries_) {
    for (const auto& [index, m] : e->asserts) {
      if (m->state() == AssertState::kNoInfo) continue;
      t.Row({router_.interfaces()[index]->name(), ToString(key), std::string(ToString(m->state())),
             sim::wire::ToString(m->assert_winner()), ToString(m->assert_winner_metric()), Timer(m->assert_timer_in())});
    }
  }
  return t.Render();
}

}  // namespace pim
