#include "sim/run/igmp_binding.h"

#include <algorithm>

#include "igmp/host_igmp.h"
#include "igmp/router_igmp.h"
#include "igmp/snooping_switch.h"
#include "sim/run/name_list.h"

namespace sim::run {
namespace {

igmp::SnoopingConfig SnoopingConfigOf(const scenario::Switch& sw, core::StackProfile profile) {
  // The switch ages members and routers with the intervals of its own querier, or the RFC
  // defaults without one (the Linux bridge too derives both from one set of settings).
  const igmp::RouterConfig q = sw.querier ? sw.querier->igmp : igmp::RouterConfig{};
  igmp::SnoopingConfig c;
  c.group_membership_interval = q.group_membership_interval;
  c.router_port_timeout = q.other_querier_present_interval;
  c.last_member_query_time = q.last_member_query_interval * q.last_member_query_count;
  c.fast_leave = sw.fast_leave;
  c.profile = profile;
  return c;
}

const igmp::RouterInterface* RouterIgmpState(net::Network& net, const std::string& node, const std::string& iface) {
  net::Node* n = net.FindNode(node);
  const auto* module = n->FindModule<igmp::RouterIgmp>();
  const net::Interface* i = n->FindInterface(iface);
  return module == nullptr || i == nullptr ? nullptr : module->interface_state(*i);
}

void EvaluateIgmpGroup(const scenario::IgmpGroupCheck& c, net::Network& net, Outcome& o) {
  const auto* s = RouterIgmpState(net, c.node, c.interface);
  const bool present = s != nullptr && s->HasMembers(c.group);
  o.expected = wire::ToString(c.group) + (c.present ? " present" : " absent") + " on " + c.node + ":" + c.interface;
  o.found = s == nullptr ? "no IGMP on that interface" : wire::ToString(c.group) + (present ? " present" : " absent");
  o.passed = present == c.present;
}

void EvaluateQuerier(const scenario::QuerierCheck& c, net::Network& net, Outcome& o) {
  const auto* s = RouterIgmpState(net, c.node, c.interface);
  o.expected = c.node + ":" + c.interface + (c.is_querier ? " is the querier" : " is not the querier");
  if (s == nullptr) {
    o.found = "no IGMP on that interface";
    return;
  }
  if (!net.FindNode(c.node)->powered()) {
    o.found = "not querier (" + c.node + " is powered off)";
  } else {
    o.found = s->is_querier() ? "querier" : "not querier (querier is " + wire::ToString(s->querier_address()) + ")";
  }
  o.passed = s->is_querier() == c.is_querier;
}

void EvaluateSnooping(const scenario::SnoopingCheck& c, net::Network& net, Outcome& o) {
  const auto* sw = dynamic_cast<const igmp::SnoopingSwitch*>(net.FindNode(c.node));
  o.expected = wire::ToString(c.group) + " to ports " + NameList(c.ports);
  if (sw == nullptr) {
    o.found = c.node + " does not snoop (igmp_snooping is off): it floods every group";
    return;
  }
  const std::string found = NameList(sw->ForwardPortNames(c.group));
  o.found = wire::ToString(c.group) + " to ports " + found;
  o.passed = found == NameList(c.ports);
}

}  // namespace

net::Node* IgmpBinding::AddNode(const scenario::Node& spec, net::Network& network) {
  const auto* sw = spec.l2_switch();
  if (sw == nullptr || !sw->igmp_snooping) return nullptr;
  return &network.AddNode<igmp::SnoopingSwitch>(spec.name);
}

void IgmpBinding::Attach(const scenario::Scenario& s, net::Network& network) {
  for (const scenario::Node& n : s.nodes) {
    net::Node& node = *network.FindNode(n.name);
    if (const auto* h = n.host()) {
      igmp::HostIgmp::InterfaceProfiles profiles;
      for (const auto& i : h->interfaces) {
        if (i.profile != h->igmp.profile) profiles.emplace(i.name, i.profile);
      }
      igmp::HostIgmp::Attach(dynamic_cast<net::Host&>(node), h->igmp, profiles);
    } else if (const auto* r = n.router()) {
      igmp::RouterIgmp::Attach(dynamic_cast<net::Router&>(node), [r](const net::Interface& i) {
        for (const auto& spec : r->interfaces) {
          if (spec.name == i.name()) return spec.igmp;
        }
        return igmp::RouterConfig{};
      });
    } else if (const auto* sw = n.l2_switch(); sw != nullptr && sw->igmp_snooping) {
      auto& snooping = dynamic_cast<igmp::SnoopingSwitch&>(node);
      snooping.Configure(SnoopingConfigOf(*sw, n.profile));
      if (sw->querier) snooping.EnableQuerier(sw->querier->address, sw->querier->igmp);
    }
  }
}

void IgmpBinding::ApplySet(const scenario::SetAction& a, net::Network& n, SetTraceFields& fields) {
  if (!a.igmp) return;
  const scenario::Router* spec = FindNode(scenario_, a.node)->router();
  auto* igmp = n.FindNode(a.node)->FindModule<igmp::RouterIgmp>();
  if (spec == nullptr || igmp == nullptr) return;
  for (const auto& i : spec->interfaces) {
    if (a.interface && *a.interface != i.name) continue;
    auto [it, fresh] = settings_now_.try_emplace({a.node, i.name}, i.igmp_settings);
    it->second = Merge(it->second, *a.igmp);
    // Derived intervals follow the new inputs, as at load time (which checked them already).
    std::vector<scenario::LoadError> problems;
    scenario::RouterIgmpConfig config = ResolveRouterIgmp(it->second, &problems);
    config.profile = i.igmp.profile;  // a `set` changes timers, never the stack
    if (problems.empty()) igmp->Reconfigure(*n.FindNode(a.node)->FindInterface(i.name), config);
  }
  fields.emplace_back("igmp", "reconfigured");
}

void IgmpBinding::DumpTables(const net::Node& node, std::string& out) const {
  if (dynamic_cast<const net::Router*>(&node) != nullptr) {
    if (const auto* igmp = node.FindModule<igmp::RouterIgmp>()) {
      out += "# show ip igmp interface\n" + igmp->DumpInterfaces() + "# show ip igmp groups\n" + igmp->DumpGroups();
    }
  } else if (dynamic_cast<const net::Host*>(&node) != nullptr) {
    if (const auto* host = node.FindModule<igmp::HostIgmp>()) out += "# igmp host groups\n" + host->Dump();
  } else if (const auto* snoop = dynamic_cast<const igmp::SnoopingSwitch*>(&node)) {
    out += "# show ip igmp snooping\n" + snoop->DumpSnooping();
  }
}

bool IgmpBinding::Evaluate(const scenario::Check& c, net::Network& network, Outcome& o) const {
  if (const auto* g = std::get_if<scenario::IgmpGroupCheck>(&c)) {
    EvaluateIgmpGroup(*g, network, o);
  } else if (const auto* q = std::get_if<scenario::QuerierCheck>(&c)) {
    EvaluateQuerier(*q, network, o);
  } else if (const auto* s = std::get_if<scenario::SnoopingCheck>(&c)) {
    EvaluateSnooping(*s, network, o);
  } else {
    return false;
  }
  return true;
}

}  // namespace sim::run
