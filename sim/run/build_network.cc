#include "sim/run/build_network.h"

#include <set>

#include "igmp/host_igmp.h"
#include "igmp/router_igmp.h"
#include "igmp/snooping_switch.h"
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

igmp::SnoopingConfig SnoopingConfigOf(const scenario::Switch& sw) {
  // The switch ages members and routers with the RFC default intervals of the querier.
  const igmp::RouterConfig defaults;
  igmp::SnoopingConfig c;
  c.group_membership_interval = defaults.group_membership_interval;
  c.router_port_timeout = defaults.other_querier_present_interval;
  c.last_member_query_time = defaults.last_member_query_interval * defaults.last_member_query_count;
  c.fast_leave = sw.fast_leave;
  return c;
}

// IGMP on every host and router interface, snooping on switches that ask for it. Attached once
// the links exist, so the protocols start on interfaces that are up.
void AttachProtocols(const scenario::Scenario& s, net::Network& network) {
  for (const scenario::Node& n : s.nodes) {
    net::Node& node = *network.FindNode(n.name);
    if (const auto* h = n.host()) {
      igmp::HostIgmp::Attach(dynamic_cast<net::Host&>(node), h->igmp);
    } else if (const auto* r = n.router()) {
      igmp::RouterIgmp::Attach(dynamic_cast<net::Router&>(node), [r](const net::Interface& i) {
        for (const auto& spec : r->interfaces) {
          if (spec.name == i.name()) return spec.igmp;
        }
        return igmp::RouterConfig{};
      });
    } else if (const auto* sw = n.l2_switch(); sw != nullptr && sw->igmp_snooping) {
      auto& snooping = dynamic_cast<igmp::SnoopingSwitch&>(node);
      snooping.Configure(SnoopingConfigOf(*sw));
      if (sw->querier) snooping.EnableQuerier(sw->querier->address, igmp::RouterConfig{});
    }
  }
}

}  // namespace

void BuildNetwork(const scenario::Scenario& s, net::Network& network) {
  for (const scenario::Node& n : s.nodes) {
    if (const auto* h = n.host()) {
      AddHost(*h, network.AddNode<net::Host>(n.name));
    } else if (const auto* r = n.router()) {
      AddRouter(*r, network.AddNode<net::Router>(n.name));
    } else if (const auto* sw = n.l2_switch()) {
      net::L2Switch& node = sw->igmp_snooping ? network.AddNode<igmp::SnoopingSwitch>(n.name)
                                              : network.AddNode<net::L2Switch>(n.name);
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
  network.RecomputeRoutes();
  AttachProtocols(s, network);
}

}  // namespace sim::run
