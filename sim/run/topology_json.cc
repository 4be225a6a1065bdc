#include "sim/run/topology_json.h"

#include "sim/core/json_quote.h"
#include "sim/net/link.h"
#include "sim/run/json_text.h"

namespace sim::run {
namespace {

std::string InterfaceJson(const net::Interface& i) {
  JsonObject o;
  o.Str("name", i.name());
  if (i.prefix()) o.Str("address", wire::ToString(*i.prefix()));
  if (i.link() != nullptr) o.Str("link", i.link()->name());
  return o.Close();
}

std::string NodeJson(const net::Node& n) {
  std::string interfaces = "[";
  for (const auto& i : n.interfaces()) {
    if (interfaces.size() > 1) interfaces += ", ";
    interfaces += InterfaceJson(*i);
  }
  JsonObject o;
  o.Str("name", n.name()).Str("type", n.type()).Raw("interfaces", interfaces + "]");
  if (const auto* h = dynamic_cast<const net::Host*>(&n); h != nullptr && h->gateway()) {
    o.Str("gateway", wire::ToString(*h->gateway()));
  }
  return o.Close();
}

std::string LinkJson(const net::Link& l) {
  std::string endpoints = "[";
  for (const net::Interface* e : l.endpoints()) {
    if (endpoints.size() > 1) endpoints += ", ";
    endpoints += core::JsonQuote(e->FullName());
  }
  return JsonObject().Str("name", l.name()).Raw("endpoints", endpoints + "]").Close();
}

}  // namespace

std::string TopologyJson(const net::Network& network) {
  std::string s = "{\"nodes\": [\n";
  for (std::size_t k = 0; k < network.nodes().size(); ++k) {
    s += "  " + NodeJson(*network.nodes()[k]) + (k + 1 < network.nodes().size() ? ",\n" : "\n");
  }
  s += "], \"links\": [\n";
  for (std::size_t k = 0; k < network.links().size(); ++k) {
    s += "  " + LinkJson(*network.links()[k]) + (k + 1 < network.links().size() ? ",\n" : "\n");
  }
  return s + "]}\n";
}

}  // namespace sim::run
