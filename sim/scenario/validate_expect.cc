// Cross-reference checks of expectations: the things they name exist and are of the right type,
// and their times fall within the run.
#include <set>

#include "sim/scenario/validate_internal.h"

namespace sim::scenario {
namespace {

class ExpectationChecker {
 public:
  explicit ExpectationChecker(Checker& c) : c_(c) {
    for (const Event& e : c.scenario().events) {
      if (const auto* listen = std::get_if<ListenAction>(&e.action)) {
        sockets_[listen->node].insert(listen->socket);
      }
    }
  }

  void Check(const Expectation& e) {
    path_ = e.json_path;
    if (e.at) {
      CheckTime("/at", *e.at);
    } else {
      CheckTime("/from", e.from);
      CheckTime("/until", e.until);
    }
    key_prefix_ = e.check_path;
    std::visit([this](const auto& check) { On(check); }, e.check);
  }

 private:
  std::string Key(std::string_view key) const { return key_prefix_ + "/" + std::string(key); }

  void CheckTime(std::string_view key, core::Duration t) {
    const core::Duration end = c_.scenario().duration;
    if (t > end) {
      c_.Error(path_ + std::string(key), core::ToString(t) +
                                             " is after the end of the run (duration " +
                                             core::ToString(end) + ")");
    }
  }

  const Node* NeedNode(const std::string& name, NodeType type, std::string_view kind) {
    const std::string need = std::string(kind) + " needs a " + std::string(ToString(type));
    return c_.NeedNode(Key("node"), name, {type}, need);
  }

  void NeedSocket(const Node& n, const std::string& socket) {
    const std::set<std::string>& opened = sockets_[n.name];
    if (opened.count(socket) != 0) return;
    c_.UnknownName(Key("socket"), "no listen opens a socket \"" + socket + "\" on " + n.name, socket,
                   {opened.begin(), opened.end()});
  }

  // Each name of a set exists on the node and is listed once.
  void NeedSet(const Node& n, std::string_view key, const std::vector<std::string>& names) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < names.size(); ++i) {
      const std::string path = Key(key) + "/" + std::to_string(i);
      if (c_.NeedInterface(path, n, names[i]) && !seen.insert(names[i]).second) {
        c_.Error(path, "\"" + names[i] + "\" is listed twice");
      }
    }
  }

  void On(const ReceivedCheck& k) {
    const Node* n = NeedNode(k.node, NodeType::kHost, "received");
    if (n != nullptr && k.socket) NeedSocket(*n, *k.socket);
  }
  void On(const MrouteCheck& k) {
    const Node* n = NeedNode(k.node, NodeType::kRouter, "mroute");
    if (n == nullptr) return;
    if (k.iif) c_.NeedInterface(Key("iif"), *n, *k.iif);
    if (k.oifs) NeedSet(*n, "oifs", *k.oifs);
  }
  void On(const IgmpGroupCheck& k) {
    if (const Node* n = NeedNode(k.node, NodeType::kRouter, "igmp_group")) {
      c_.NeedInterface(Key("interface"), *n, k.interface);
    }
  }
  void On(const QuerierCheck& k) {
    if (const Node* n = NeedNode(k.node, NodeType::kRouter, "querier")) {
      c_.NeedInterface(Key("interface"), *n, k.interface);
    }
  }
  void On(const PimNeighborCheck& k) {
    if (const Node* n = NeedNode(k.node, NodeType::kRouter, "pim_neighbor")) {
      c_.NeedInterface(Key("interface"), *n, k.interface);
    }
  }
  void On(const PacketsCheck& k) { c_.NeedLink(Key("link"), k.link); }
  void On(const SocketErrorCheck& k) {
    if (const Node* n = NeedNode(k.node, NodeType::kHost, "socket_error")) NeedSocket(*n, k.socket);
  }
  void On(const SnoopingCheck& k) {
    const Node* n = NeedNode(k.node, NodeType::kSwitch, "snooping");
    if (n == nullptr) return;
    if (!n->l2_switch()->igmp_snooping) {
      c_.Error(Key("node"), n->name + " does not snoop IGMP (\"igmp_snooping\" is false)");
    }
    NeedSet(*n, "ports", k.ports);
  }

  Checker& c_;
  std::string path_;
  std::string key_prefix_;                                // the object holding the kind's keys
  std::map<std::string, std::set<std::string>> sockets_;  // node -> sockets some listen opens
};

}  // namespace

void CheckExpectations(Checker& c) {
  ExpectationChecker checker(c);
  for (const Expectation& e : c.scenario().expectations) checker.Check(e);
}

}  // namespace sim::scenario
