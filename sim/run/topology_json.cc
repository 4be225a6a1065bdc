#include "sim/run/topology_json.h"

#include <utility>

#include "sim/core/json_quote.h"
#include "sim/net/link.h"
#include "sim/run/json_text.h"

namespace sim::run {
namespace {

std::string InterfaceJson(const net::Interface& i) {
  JsonObject o;
  o.Str("name", i.name()).Str("mac", wire::ToString(i.mac()));
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

// "1Gbps", "100Mbps", "64kbps", "1500bps": the largest unit that keeps the figure whole, as a
// scenario file would write it.
std::string Bandwidth(std::uint64_t bps) {
  constexpr std::pair<std::uint64_t, const char*> kUnits[] = {
      {1'000'000'000, "Gbps"}, {1'000'000, "Mbps"}, {1'000, "kbps"}};
  for (const auto& [scale, unit] : kUnits) {
    if (bps % scale == 0) return std::to_string(bps / scale) + unit;
  }
  return std::to_string(bps) + "bps";
}

std::string LinkJson(const net::Link& l) {
  std::string endpoints = "[";
  for (const net::Interface* e : l.endpoints()) {
    if (endpoints.size() > 1) endpoints += ", ";
    endpoints += core::JsonQuote(e->FullName());
  }
  return JsonObject()
      .Str("name", l.name())
      .Raw("endpoints", endpoints + "]")
      .Str("bandwidth", Bandwidth(l.bandwidth_bps()))
      .Str("delay", core::ToString(l.delay()))
      .Close();
}

std::string RpJson(const scenario::RpMapping& rp) {
  return JsonObject().Str("groups", wire::ToString(rp.groups)).Str("address", wire::ToString(rp.address)).Close();
}

}  // namespace

std::string TopologyJson(const net::Network& network, const std::vector<scenario::RpMapping>& rps) {
  std::string s = "{\"nodes\": [\n";
  for (std::size_t k = 0; k < network.nodes().size(); ++k) {
    s += "  " + NodeJson(*network.nodes()[k]) + (k + 1 < network.nodes().size() ? ",\n" : "\n");
  }
  s += "], \"links\": [\n";
  for (std::size_t k = 0; k < network.links().size(); ++k) {
    s += "  " + LinkJson(*network.links()[k]) + (k + 1 < network.links().size() ? ",\n" : "\n");
  }
  s += "], \"rp\": [";
  for (std::size_t k = 0; k < rps.size(); ++k) s += (k == 0 ? "" : ", ") + RpJson(rps[k]);
  return s + "]}\n";
}

}  // namespace sim::run
