#include "sim/run/build_network.h"

#include <set>
#include <stdexcept>

namespace sim::run {
namespace {

void AddHost(const scenario::Host& spec, net::Host& host) {
  for (const auto& i : spec.interfaces) {
    host.AddInterface(i.name).set_prefix(i.address);
    if (i.gateway && !host.gateway()) host.set_gateway(*i.gateway);
  }
}

std::uint32_t InterfaceIndex(const net::Node& node, const std::string& name) {
  const net::Interface* i = node.FindInterface(name);
  if (i == nullptr) throw std::logic_error(node.name() + " has no interface " + name);
  return i->index();
}

void AddRouter(const scenario::Router& spec, net::Router& router) {
  for (const auto& i : spec.interfaces) {
    net::Interface& iface = router.AddInterface(i.name);
    iface.set_prefix(i.address);
    iface.set_cost(i.cost);
  }
  for (const auto& m : spec.static_mroutes) {
    std::set<std::uint32_t> oifs;
    for (const auto& o : m.oifs) oifs.insert(InterfaceIndex(router, o));
    router.AddStaticMroute({{m.source.value_or(wire::Ipv4Address()), m.group},
                            InterfaceIndex(router, m.iif), std::move(oifs)});
  }
}

// The node a protocol asks for (a snooping switch), or nullptr.
net::Node* AddProtocolNode(const scenario::Node& n, net::Network& network, const ProtocolBindings& protocols) {
  for (const auto& p : protocols) {
    if (net::Node* node = p->AddNode(n, network)) return node;
  }
  return nullptr;
}

}  // namespace

void BuildNetwork(const scenario::Scenario& s, net::Network& network, const ProtocolBindings& protocols) {
  for (const scenario::Node& n : s.nodes) {
    if (const auto* h = n.host()) {
      AddHost(*h, network.AddNode<net::Host>(n.name));
    } else if (const auto* r = n.router()) {
      AddRouter(*r, network.AddNode<net::Router>(n.name));
    } else if (const auto* sw = n.l2_switch()) {
      net::Node* special = AddProtocolNode(n, network, protocols);
      net::Node& node = special != nullptr ? *special : network.AddNode<net::L2Switch>(n.name);
      for (const auto& p : sw->ports) node.AddInterface(p);
    }
  }
  for (const scenario::Link& l : s.links) {
    net::Link& link = network.AddLink(l.name, l.delay, l.bandwidth_bps);
    for (const auto& e : l.endpoints) {
      net::Interface* i = network.FindNode(e.node)->FindInterface(e.interface);
      link.AddEndpoint(*i);
      // A link's cost applies to interfaces that do not set their own.
      if (l.cost && i->cost() == 1) i->set_cost(*l.cost);
    }
  }
  // Before the first routes and the protocols: a node that starts down never starts them.
  for (const scenario::Node& n : s.nodes) {
    if (n.initial_state == scenario::UpDown::kDown) network.FindNode(n.name)->StartPoweredOff();
  }
  network.RecomputeRoutes();
  for (const auto& p : protocols) p->Attach(s, network);
}

}  // namespace sim::run
