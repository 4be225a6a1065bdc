#include "sim/explain/roles.h"

#include <iterator>

namespace sim::explain {
namespace {

// Drops every "node:..." key (and the bare node) of `set`: a node that powers off loses them.
void Forget(std::set<std::string>& set, const std::string& node) {
  std::erase_if(set, [&](const std::string& k) { return k == node || k.starts_with(node + ":"); });
}

void Apply(const RecordedEvent& e, Roles& roles) {
  const std::string at = e.node + (e.Get("interface").empty() ? "" : ":" + e.Get("interface"));
  if (e.kind == "igmp.querier" && !e.Get("to").empty()) {
    if (e.Get("to") == "Querier") {
      roles.querier.insert(at);
    } else {
      roles.querier.erase(at);
    }
  } else if (e.kind == "pim.dr") {
    if (e.Get("i_am_dr") == "true") {
      roles.dr.insert(at);
    } else {
      roles.dr.erase(at);
    }
  } else if (e.kind == "igmp.snooping") {
    const std::string change = e.Get("change"), port = e.node + ":" + e.Get("port");
    if (change == "router port added") roles.router_ports.insert(port);
    if (change == "router port aged" || change == "router port removed") roles.router_ports.erase(port);
    if (change == "table flushed") Forget(roles.router_ports, e.node);
  } else if (e.kind == "pim.downstream") {
    if (e.Get("to") == "NoInfo") {
      roles.joins.erase(at + " " + e.Get("entry"));
    } else {
      roles.joins.insert(at + " " + e.Get("entry"));
    }
  } else if (e.kind == "pim.downstream_rpt") {
    // PrunePending still forwards: only Pruned takes the source off the shared tree there.
    if (e.Get("to") == "Pruned") {
      roles.rpt_prunes.insert(at + " " + e.Get("entry"));
    } else {
      roles.rpt_prunes.erase(at + " " + e.Get("entry"));
    }
  } else if (e.kind == "membership.join") {
    roles.members.insert(at + " " + e.Get("group"));
  } else if (e.kind == "membership.leave") {
    roles.members.erase(at + " " + e.Get("group"));
  } else if (e.kind == "node.down") {
    roles.down_nodes.insert(e.node);
    for (auto* set : {&roles.querier, &roles.dr, &roles.router_ports, &roles.members, &roles.joins,
                      &roles.rpt_prunes}) {
      Forget(*set, e.node);
    }
  } else if (e.kind == "node.up") {
    roles.down_nodes.erase(e.node);
  } else if (e.kind == "link.down") {
    roles.down_links.insert(e.Get("link"));
  } else if (e.kind == "link.up") {
    roles.down_links.erase(e.Get("link"));
  }
}

}  // namespace

Roles RolesAt(const RunRecord& r, std::int64_t at) {
  Roles roles;
  for (const RecordedEvent& e : r.events) {
    if (e.t > at) break;
    Apply(e, roles);
  }
  for (const RpEntry& rp : r.rps) {
    for (const TopologyNode& n : r.nodes) {
      for (const TopologyInterface& i : n.interfaces) {
        if (i.address.substr(0, i.address.find('/')) == rp.address) roles.rp.insert(n.name);
      }
    }
  }
  return roles;
}

}  // namespace sim::explain
