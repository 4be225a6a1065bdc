#include "sim/net/network.h"

#include <numeric>

#include "sim/net/unicast_routes.h"

namespace sim::net {

Network::Network(core::Scheduler& scheduler, TraceSink& trace, std::uint64_t seed)
    : ctx_{scheduler, trace, seed} {}

Link& Network::AddLink(std::string name, core::Duration delay, std::uint64_t bandwidth_bps) {
  links_.push_back(std::make_unique<Link>(ctx_, static_cast<std::uint32_t>(links_.size()),
                                          std::move(name), delay, bandwidth_bps));
  link_by_name_.emplace(links_.back()->name(), links_.back().get());
  return *links_.back();
}

Node* Network::FindNode(std::string_view name) const {
  auto it = node_by_name_.find(name);
  return it == node_by_name_.end() ? nullptr : it->second;
}

Link* Network::FindLink(std::string_view name) const {
  auto it = link_by_name_.find(name);
  return it == link_by_name_.end() ? nullptr : it->second;
}

void Network::SetLinkUp(Link& link, bool up) {
  link.SetUp(up);
  RecomputeRoutes();
}

void Network::SetNodeUp(Node& node, bool up) {
  if (up) {
    node.PowerOn();
  } else {
    node.PowerOff();
  }
  RecomputeRoutes();
}

std::vector<std::uint32_t> Network::LinkSegments() const {
  std::vector<std::uint32_t> parent(links_.size());
  std::iota(parent.begin(), parent.end(), 0u);
  auto find = [&parent](std::uint32_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (const auto& n : nodes_) {
    if (n->type() != "switch" || !n->powered()) continue;
    std::uint32_t first = UINT32_MAX;
    for (const auto& port : n->interfaces()) {
      if (port->link() == nullptr || !port->link()->up()) continue;
      const std::uint32_t l = find(port->link()->index());
      if (first == UINT32_MAX) {
        first = l;
      } else {
        parent[l] = find(first);
      }
    }
  }
  for (std::uint32_t i = 0; i < parent.size(); ++i) parent[i] = find(i);
  return parent;
}

void Network::RecomputeRoutes() {
  const std::vector<std::uint32_t> segment = LinkSegments();
  std::vector<Router*> routers;
  std::vector<RoutingPort> ports;
  for (const auto& n : nodes_) {
    auto* r = dynamic_cast<Router*>(n.get());
    if (r == nullptr) continue;
    const auto index = static_cast<std::uint32_t>(routers.size());
    routers.push_back(r);
    if (!r->powered()) continue;
    for (const auto& i : r->interfaces()) {
      if (!i->prefix() || i->link() == nullptr || !i->link()->up()) continue;
      ports.push_back({index, i->index(), *i->prefix(), i->cost(), segment[i->link()->index()]});
    }
  }
  auto tables = ComputeUnicastRoutes(static_cast<std::uint32_t>(routers.size()), ports);
  std::vector<Router*> changed;
  for (std::size_t k = 0; k < routers.size(); ++k) {
    Fib fresh;
    fresh.Replace(std::move(tables[k]));
    if (routers[k]->fib().routes() == fresh.routes()) continue;
    routers[k]->fib() = std::move(fresh);
    routers[k]->Trace("routes.changed", {{"routes", routers[k]->fib().routes().size()}});
    changed.push_back(routers[k]);
  }
  // Every table first, then the protocols: an RPF check on one router may look at another's.
  for (Router* r : changed) r->OnRoutesChanged();
}

}  // namespace sim::net
