#include "sim/run/state_checks.h"

#include <algorithm>

#include "igmp/router_igmp.h"
#include "igmp/snooping_switch.h"

namespace sim::run {
namespace {

std::string List(std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  std::string s = "[";
  for (const auto& n : names) s += (s.size() > 1 ? ", " : "") + n;
  return s + "]";
}

void EvaluateMroute(const scenario::MrouteCheck& c, net::Network& net, Outcome& o) {
  const auto& router = dynamic_cast<const net::Router&>(*net.FindNode(c.node));
  const std::string sg = "(" + (c.source ? wire::ToString(*c.source) : std::string("*")) + ", " +
                         wire::ToString(c.group) + ")";
  const net::MfibEntry* e = router.mfib().Find({c.source.value_or(wire::Ipv4Address()), c.group});
  if (c.absent) {
    o.expected = "no " + sg + " route";
    o.found = e == nullptr ? "none" : sg + " present";
    o.passed = e == nullptr;
    return;
  }
  o.expected = sg;
  if (c.iif) o.expected += " iif " + *c.iif;
  if (c.oifs) o.expected += " oifs " + List(*c.oifs);
  if (e == nullptr) {
    o.found = "no " + sg + " route";
    return;
  }
  const std::string iif = router.interfaces()[e->iif]->name();
  std::vector<std::string> oifs;
  for (std::uint32_t i : e->oifs) oifs.push_back(router.interfaces()[i]->name());
  o.found = sg + " iif " + iif + " oifs " + List(oifs);
  o.passed = (!c.iif || *c.iif == iif) && (!c.oifs || List(*c.oifs) == List(oifs));
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
  o.found = s->is_querier() ? "querier" : "not querier (querier is " + wire::ToString(s->querier_address()) + ")";
  o.passed = s->is_querier() == c.is_querier;
}

void EvaluateSnooping(const scenario::SnoopingCheck& c, net::Network& net, Outcome& o) {
  const auto* sw = dynamic_cast<const igmp::SnoopingSwitch*>(net.FindNode(c.node));
  o.expected = wire::ToString(c.group) + " to ports " + List(c.ports);
  if (sw == nullptr) {
    o.found = c.node + " does not snoop (igmp_snooping is off): it floods every group";
    return;
  }
  const std::string found = List(sw->ForwardPortNames(c.group));
  o.found = wire::ToString(c.group) + " to ports " + found;
  o.passed = found == List(c.ports);
}

}  // namespace

bool IsStateCheck(const scenario::Check& c) {
  return std::holds_alternative<scenario::MrouteCheck>(c) || std::holds_alternative<scenario::IgmpGroupCheck>(c) ||
         std::holds_alternative<scenario::QuerierCheck>(c) || std::holds_alternative<scenario::SnoopingCheck>(c) ||
         std::holds_alternative<scenario::PimNeighborCheck>(c);
}

void EvaluateStateCheck(const scenario::Check& c, net::Network& network, Outcome& o) {
  if (const auto* m = std::get_if<scenario::MrouteCheck>(&c)) {
    EvaluateMroute(*m, network, o);
  } else if (const auto* g = std::get_if<scenario::IgmpGroupCheck>(&c)) {
    EvaluateIgmpGroup(*g, network, o);
  } else if (const auto* q = std::get_if<scenario::QuerierCheck>(&c)) {
    EvaluateQuerier(*q, network, o);
  } else if (const auto* s = std::get_if<scenario::SnoopingCheck>(&c)) {
    EvaluateSnooping(*s, network, o);
  } else {
    o.expected = o.kind + " state";
    o.found = "not evaluated: " + o.kind + " needs the PIM module, not built yet";
  }
}

}  // namespace sim::run
