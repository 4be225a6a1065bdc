// Cross-reference checks of the topology: names, endpoints, gateways, static routes, RPs,
// capture. Layer-2 checks are in validate_l2.cc, the timeline in validate_timeline.cc.
#include "sim/scenario/validate.h"

#include <algorithm>
#include <set>

#include "sim/core/near_name.h"
#include "sim/scenario/validate_internal.h"

namespace sim::scenario {

Checker::Checker(const Scenario& s, ErrorList& errors) : s_(s), errors_(errors) {
  for (std::size_t i = 0; i < s.nodes.size(); ++i) nodes_.emplace(s.nodes[i].name, i);
  for (std::size_t i = 0; i < s.links.size(); ++i) links_.emplace(s.links[i].name, i);
}

std::optional<std::size_t> Checker::NodeIndex(std::string_view name) const {
  const auto it = nodes_.find(name);
  if (it == nodes_.end()) return std::nullopt;
  return it->second;
}

const Node* Checker::FindNode(std::string_view name) const {
  const auto i = NodeIndex(name);
  return i ? &s_.nodes[*i] : nullptr;
}

const Link* Checker::FindLink(std::string_view name) const {
  const auto it = links_.find(name);
  return it == links_.end() ? nullptr : &s_.links[it->second];
}

const Node* Checker::NeedNode(const std::string& path, std::string_view name,
                              std::initializer_list<NodeType> types, std::string_view need) {
  const Node* n = FindNode(name);
  if (n == nullptr) {
    UnknownNode(path, name);
    return nullptr;
  }
  if (std::find(types.begin(), types.end(), n->type()) == types.end()) {
    Error(path, n->name + " is a " + std::string(ToString(n->type())) + "; " + std::string(need));
    return nullptr;
  }
  return n;
}

void Checker::UnknownName(const std::string& path, std::string message, std::string_view name,
                          const std::vector<std::string>& known, std::string_view advice) {
  // A suggestion reads every name; past the errors kept, only the count is wanted.
  if (!errors_.full()) message += core::DidYouMean(name, known);
  Error(path, message.append(advice));
}

void Checker::UnknownNode(const std::string& path, std::string_view name) {
  std::vector<std::string> names;
  for (const Node& node : s_.nodes) names.push_back(node.name);
  UnknownName(path, "unknown node \"" + std::string(name) + "\"", name, names);
}

bool Checker::NeedInterface(const std::string& path, const Node& node, std::string_view name) {
  if (node.HasInterface(name)) return true;
  const char* what = node.type() == NodeType::kSwitch ? "port" : "interface";
  UnknownName(path, node.name + " has no " + what + " \"" + std::string(name) + "\"", name,
              node.InterfaceNames());
  return false;
}

bool Checker::NeedLink(const std::string& path, std::string_view name) {
  if (FindLink(name) != nullptr) return true;
  std::vector<std::string> names;
  for (const Link& l : s_.links) names.push_back(l.name);
  UnknownName(path, "unknown link \"" + std::string(name) + "\"", name, names);
  return false;
}

namespace {

std::string NodePath(std::size_t i) { return "/nodes/" + std::to_string(i); }

void CheckNames(Checker& c) {
  const Scenario& s = c.scenario();
  std::map<std::string, std::string> first_node, first_link;
  for (std::size_t i = 0; i < s.nodes.size(); ++i) {
    const Node& n = s.nodes[i];
    const auto [it, fresh] = first_node.emplace(n.name, NodePath(i));
    if (!fresh) {
      c.Error(NodePath(i) + "/name",
              "duplicate node name \"" + n.name + "\" (first at " + it->second + ")");
    }
    // Port lists and interface lists: a repeated name could never be told apart.
    const std::string list = n.type() == NodeType::kSwitch ? "/ports/" : "/interfaces/";
    const std::string suffix = n.type() == NodeType::kSwitch ? "" : "/name";
    const std::string what = n.type() == NodeType::kSwitch ? "port" : "interface";
    std::set<std::string> seen;
    const auto names = n.InterfaceNames();
    for (std::size_t j = 0; j < names.size(); ++j) {
      if (!seen.insert(names[j]).second) {
        c.Error(NodePath(i) + list + std::to_string(j) + suffix,
                "duplicate " + what + " name \"" + names[j] + "\" on " + n.name);
      }
    }
  }
  for (std::size_t k = 0; k < s.links.size(); ++k) {
    const std::string path = "/links/" + std::to_string(k);
    const auto [it, fresh] = first_link.emplace(s.links[k].name, path);
    if (!fresh) {
      c.Error(path + "/name",
              "duplicate link name \"" + s.links[k].name + "\" (first at " + it->second + ")");
    }
  }
}

std::size_t IndexOf(const std::vector<std::string>& names, std::string_view name) {
  return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
}

// Every endpoint names an existing interface and is used once in the whole file.
void CheckEndpoints(Checker& c) {
  const Scenario& s = c.scenario();
  std::map<std::pair<std::string, std::string>, std::string> used;
  for (std::size_t k = 0; k < s.links.size(); ++k) {
    const Link& link = s.links[k];
    const std::string path = "/links/" + std::to_string(k);
    if (link.endpoints.size() < 2) {
      c.Error(path + "/endpoints", "a link needs at least 2 endpoints; this one has " +
                                       std::to_string(link.endpoints.size()));
    }
    for (std::size_t j = 0; j < link.endpoints.size(); ++j) {
      const Endpoint& e = link.endpoints[j];
      const std::string ep_path = path + "/endpoints/" + std::to_string(j);
      const auto node = c.NodeIndex(e.node);
      if (!node) {
        c.UnknownNode(ep_path, e.node);
        continue;
      }
      if (!c.NeedInterface(ep_path, s.nodes[*node], e.interface)) continue;
      const auto [it, fresh] = used.emplace(std::make_pair(e.node, e.interface), ep_path);
      if (!fresh) {
        c.Error(ep_path,
                ToString(e) + " is already wired at " + it->second + " (an endpoint is used once)");
        continue;
      }
      c.wires.push_back({k, j, *node, IndexOf(s.nodes[*node].InterfaceNames(), e.interface)});
    }
  }
}

void CheckHost(Checker& c, std::size_t i, const Host& h) {
  for (std::size_t j = 0; j < h.interfaces.size(); ++j) {
    const HostInterface& hi = h.interfaces[j];
    if (!hi.gateway) continue;
    const std::string path = NodePath(i) + "/interfaces/" + std::to_string(j) + "/gateway";
    const std::string gw = wire::ToString(*hi.gateway);
    if (*hi.gateway == hi.address.address()) {
      c.Error(path, gw + " is the interface's own address");
    } else if (!hi.address.Contains(*hi.gateway)) {
      c.Error(path,
              gw + " is outside the subnet " +
                  wire::ToString(wire::Ipv4Prefix(hi.address.network(), hi.address.length())) +
                  " of " + hi.name);
    }
  }
}

void CheckStaticMroutes(Checker& c, std::size_t i, const Node& node, const Router& r) {
  std::map<std::pair<std::uint64_t, std::uint32_t>, std::string> first;
  for (std::size_t m = 0; m < r.static_mroutes.size(); ++m) {
    const StaticMroute& route = r.static_mroutes[m];
    const std::string path = NodePath(i) + "/static_mroutes/" + std::to_string(m);
    if (route.group.is_link_local_multicast()) {
      c.Error(path + "/group",
              wire::ToString(route.group) + " is in 224.0.0.0/24, which routers never forward");
    }
    // A source of "*" sorts apart from every address.
    const std::uint64_t source = route.source ? route.source->value() : (std::uint64_t{1} << 32);
    const auto [it, fresh] = first.emplace(std::make_pair(source, route.group.value()), path);
    if (!fresh) {
      c.Error(path, "a second route for the same source and group (first at " + it->second + ")");
    }
    c.NeedInterface(path + "/iif", node, route.iif);
    std::set<std::string> seen;
    for (std::size_t o = 0; o < route.oifs.size(); ++o) {
      const std::string oif_path = path + "/oifs/" + std::to_string(o);
      if (!c.NeedInterface(oif_path, node, route.oifs[o])) continue;
      if (route.oifs[o] == route.iif) {
        c.Error(oif_path,
                "\"" + route.iif +
                    "\" is the iif; a router never forwards out the interface a packet came in on");
      } else if (!seen.insert(route.oifs[o]).second) {
        c.Error(oif_path, "\"" + route.oifs[o] + "\" is listed twice");
      }
    }
  }
}

void CheckNodes(Checker& c) {
  const Scenario& s = c.scenario();
  for (std::size_t i = 0; i < s.nodes.size(); ++i) {
    const Node& n = s.nodes[i];
    if (const Host* h = n.host()) CheckHost(c, i, *h);
    if (const Router* r = n.router()) CheckStaticMroutes(c, i, n, *r);
    if (const Switch* sw = n.l2_switch(); sw != nullptr && !sw->igmp_snooping) {
      if (sw->querier) {
        c.Error(NodePath(i) + "/querier", "a snooping querier needs \"igmp_snooping\": true");
      }
      if (sw->fast_leave) {
        c.Error(NodePath(i) + "/fast_leave", "fast_leave needs \"igmp_snooping\": true");
      }
    }
  }
}

void CheckRps(Checker& c) {
  const Scenario& s = c.scenario();
  std::set<wire::Ipv4Address> router_addresses;
  for (const Node& n : s.nodes) {
    if (const Router* r = n.router()) {
      for (const RouterInterface& ri : r->interfaces) router_addresses.insert(ri.address.address());
    }
  }
  const wire::Ipv4Prefix multicast(wire::Ipv4Address(224, 0, 0, 0), 4);
  std::map<std::pair<std::uint32_t, int>, std::string> first;
  for (std::size_t i = 0; i < s.rps.size(); ++i) {
    const RpMapping& rp = s.rps[i];
    const std::string path = "/rp/" + std::to_string(i);
    if (router_addresses.count(rp.address) == 0) {
      c.Error(path + "/address",
              wire::ToString(rp.address) + " is not the address of any router interface");
    }
    const wire::Ipv4Prefix groups(rp.groups.network(), rp.groups.length());
    if (groups.length() < 4 || !multicast.Contains(groups.address())) {
      c.Error(path + "/groups", wire::ToString(rp.groups) +
                                    " is not a range of multicast groups (inside 224.0.0.0/4)");
      continue;
    }
    const auto [it, fresh] =
        first.emplace(std::make_pair(groups.address().value(), groups.length()), path);
    if (!fresh) {
      c.Error(path + "/groups", wire::ToString(groups) + " already has an RP (" + it->second + ")");
    }
  }
}

void CheckCapture(Checker& c) {
  const Capture& cap = c.scenario().capture;
  if (cap.all_links) return;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < cap.links.size(); ++i) {
    const std::string path = "/capture/links/" + std::to_string(i);
    if (c.NeedLink(path, cap.links[i]) && !seen.insert(cap.links[i]).second) {
      c.Error(path, "link \"" + cap.links[i] + "\" is listed twice");
    }
  }
}

}  // namespace

std::vector<LoadError> Validate(const Scenario& s) {
  ErrorList errors;
  Validate(s, errors);
  return std::move(errors.kept());
}

void Validate(const Scenario& s, ErrorList& errors) {
  Checker c(s, errors);
  CheckNames(c);
  CheckNodes(c);
  CheckEndpoints(c);
  CheckLayer2(c);
  CheckRps(c);
  CheckCapture(c);
  CheckEvents(c);
  CheckExpectations(c);
}

}  // namespace sim::scenario
