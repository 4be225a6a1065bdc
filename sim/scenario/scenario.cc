// Names of enumerations as scenario files spell them, and small lookups on a loaded scenario.
#include "sim/scenario/scenario.h"

#include <algorithm>
#include <array>

namespace sim::scenario {
namespace {

constexpr std::array<std::string_view, 14> kPacketTypeNames = {"igmp-query-general",
                                                               "igmp-query-group",
                                                               "igmp-report-v1",
                                                               "igmp-report-v2",
                                                               "igmp-report-v3",
                                                               "igmp-leave",
                                                               "pim-hello",
                                                               "pim-join-prune",
                                                               "pim-register",
                                                               "pim-register-stop",
                                                               "pim-assert",
                                                               "udp",
                                                               "icmp-port-unreachable",
                                                               "arp"};

// In the order of the Action and Check variants.
constexpr std::array<std::string_view, 11> kActionNames = {
    "listen", "join", "leave", "send", "connect", "close", "link", "node", "set", "snapshot", "recv"};
constexpr std::array<std::string_view, 8> kCheckNames = {
    "received",     "mroute",  "igmp_group",   "querier",
    "pim_neighbor", "packets", "socket_error", "snooping"};

static_assert(kActionNames.size() == std::variant_size_v<Action>);
static_assert(kCheckNames.size() == std::variant_size_v<Check>);

}  // namespace

std::string_view ToString(NodeType t) {
  switch (t) {
    case NodeType::kHost:
      return "host";
    case NodeType::kRouter:
      return "router";
    case NodeType::kSwitch:
      return "switch";
  }
  return "?";
}

std::vector<std::string> Node::InterfaceNames() const {
  std::vector<std::string> names;
  if (const Host* h = host()) {
    for (const auto& i : h->interfaces) names.push_back(i.name);
  } else if (const Router* r = router()) {
    for (const auto& i : r->interfaces) names.push_back(i.name);
  } else if (const Switch* s = l2_switch()) {
    names = s->ports;
  }
  return names;
}

bool Node::HasInterface(std::string_view interface_name) const {
  const auto names = InterfaceNames();
  return std::find(names.begin(), names.end(), interface_name) != names.end();
}

const Node* FindNode(const Scenario& s, std::string_view name) {
  for (const Node& n : s.nodes) {
    if (n.name == name) return &n;
  }
  return nullptr;
}

const Link* FindLink(const Scenario& s, std::string_view name) {
  for (const Link& l : s.links) {
    if (l.name == name) return &l;
  }
  return nullptr;
}

std::string_view ToString(UpDown s) { return s == UpDown::kUp ? "up" : "down"; }

std::string_view ActionName(const Action& a) { return kActionNames[a.index()]; }

const std::vector<std::string_view>& ActionNames() {
  static const std::vector<std::string_view> names(kActionNames.begin(), kActionNames.end());
  return names;
}

std::string_view ToString(PacketType t) { return kPacketTypeNames[static_cast<std::size_t>(t)]; }

std::optional<PacketType> PacketTypeFromString(std::string_view s) {
  for (std::size_t i = 0; i < kPacketTypeNames.size(); ++i) {
    if (kPacketTypeNames[i] == s) return static_cast<PacketType>(i);
  }
  return std::nullopt;
}

const std::vector<std::string_view>& PacketTypeNames() {
  static const std::vector<std::string_view> names(kPacketTypeNames.begin(),
                                                   kPacketTypeNames.end());
  return names;
}

std::string_view ToString(SocketErrorCode /*e*/) { return "ECONNREFUSED"; }

std::string_view KindName(const Check& c) { return kCheckNames[c.index()]; }

const std::vector<std::string_view>& CheckKindNames() {
  static const std::vector<std::string_view> names(kCheckNames.begin(), kCheckNames.end());
  return names;
}

}  // namespace sim::scenario
