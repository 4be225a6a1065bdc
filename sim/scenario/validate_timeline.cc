// Cross-reference checks of the timeline: events in the order they run, then expectations.
//
// Sockets are tracked per node in time order: a listen opens one (its name must be free), a close
// ends it, and every other use must find it open. Expectations may name any socket that some
// listen on that node opens.
#include <set>

#include "sim/scenario/validate_internal.h"

namespace sim::scenario {
namespace {

using NodeTypes = std::initializer_list<NodeType>;
constexpr NodeTypes kHost = {NodeType::kHost};
constexpr NodeTypes kAnyNode = {NodeType::kHost, NodeType::kRouter, NodeType::kSwitch};

class TimelineChecker {
 public:
  explicit TimelineChecker(Checker& c) : c_(c) {}

  void Check(const Event& e) {
    path_ = e.json_path;
    const core::Duration end = c_.scenario().duration;
    if (e.at > end) {
      c_.Error(path_ + "/at", core::ToString(e.at) + " is after the end of the run (duration " +
                                  core::ToString(end) + ")");
    }
    std::visit([this](const auto& a) { On(a); }, e.action);
  }

 private:
  const Node* Host(const std::string& node, std::string_view action) {
    return c_.NeedNode(path_ + "/node", node, kHost, std::string(action) + " needs a host");
  }

  // `socket` must be open on `node`.
  void Use(const Node& node, const std::string& socket) {
    const std::set<std::string>& open = open_[node.name];
    if (open.count(socket) != 0) return;
    c_.UnknownName(path_ + "/socket",
                   "socket \"" + socket + "\" is not open on " + node.name + " at this time", socket,
                   {open.begin(), open.end()}, " (open it with an earlier listen)");
  }

  void On(const ListenAction& a) {
    const Node* n = Host(a.node, "listen");
    if (n != nullptr && !open_[n->name].insert(a.socket).second) {
      c_.Error(path_ + "/socket", "socket \"" + a.socket + "\" is already open on " + n->name);
    }
  }
  void On(const JoinAction& a) {
    const Node* n = Host(a.node, "join");
    if (n == nullptr) return;
    if (a.socket) Use(*n, *a.socket);
    if (a.interface) c_.NeedInterface(path_ + "/interface", *n, *a.interface);
  }
  void On(const LeaveAction& a) {
    const Node* n = Host(a.node, "leave");
    if (n != nullptr && a.socket) Use(*n, *a.socket);
  }
  void On(const SendAction& a) {
    const Node* n = Host(a.node, "send");
    if (n != nullptr && a.socket) Use(*n, *a.socket);
  }
  void On(const ConnectAction& a) {
    if (const Node* n = Host(a.node, "connect")) Use(*n, a.socket);
  }
  void On(const RecvAction& a) {
    if (const Node* n = Host(a.node, "recv")) Use(*n, a.socket);
  }
  void On(const CloseAction& a) {
    const Node* n = Host(a.node, "close");
    if (n == nullptr) return;
    Use(*n, a.socket);
    open_[n->name].erase(a.socket);
  }
  void On(const LinkAction& a) { c_.NeedLink(path_ + "/link", a.link); }
  void On(const NodeAction& a) { c_.NeedNode(path_ + "/node", a.node, kAnyNode, ""); }
  void On(const SnapshotAction&) {}
  void On(const SetAction& a);
  void CheckPimSet(const SetAction& a, const Router& r);

  Checker& c_;
  std::string path_;
  std::map<std::string, std::set<std::string>> open_;  // node -> open sockets
};

// A host IGMP key in a set on a router, reported at the key (a set on a host is refused whole).
void CheckRouterIgmpKeys(Checker& c, const IgmpSettings& s, const Node& n) {
  if (s.unsolicited_report_interval.given()) {
    c.Error(s.unsolicited_report_interval.path, "not an IGMP setting of a router (" + n.name + ")");
  }
}

// PIM is attached to a router at its start or never: a running router cannot start or stop it
// as a whole (pim::PimRouter::Reconfigure keeps `enabled`), so such a set would do nothing.
void TimelineChecker::CheckPimSet(const SetAction& a, const Router& r) {
  if (a.pim && a.pim->enabled.given()) {
    c_.Error(a.pim->enabled.path,
             NotBuilt("enabled in a set", "PIM started or stopped on a running router") +
                 "; \"pim\": true or false switches interfaces");
  }
  if (r.pim.enabled) return;
  const std::string needs = "PIM started at run time (" + a.node + " has \"enabled\": false)";
  if (a.pim || a.pim_interface) c_.Error(path_ + "/pim", NotBuilt("a set of pim on " + a.node, needs));
  if (a.dr_priority) {
    c_.Error(path_ + "/dr_priority", NotBuilt("a set of dr_priority on " + a.node, needs));
  }
}

// Problems of the merged result are reported at the set event's own key.
void Report(Checker& c, const std::string& path, std::vector<LoadError>& problems) {
  for (LoadError& e : problems) c.Error(path, e.message);
  problems.clear();
}

void TimelineChecker::On(const SetAction& a) {
  const Node* n = c_.NeedNode(path_ + "/node", a.node, {NodeType::kHost, NodeType::kRouter},
                              "set needs a router or a host");
  if (n == nullptr) return;
  if (a.interface) c_.NeedInterface(path_ + "/interface", *n, *a.interface);
  std::vector<LoadError> problems;
  if (const Router* r = n->router()) {
    if (a.igmp) {
      CheckRouterIgmpKeys(c_, *a.igmp, *n);
      for (const RouterInterface& ri : r->interfaces) {
        if (a.interface && *a.interface != ri.name) continue;
        ResolveRouterIgmp(Merge(ri.igmp_settings, *a.igmp), &problems);
        Report(c_, path_ + "/igmp", problems);
      }
    }
    if (a.pim) {
      ResolvePim(Merge(r->pim_settings, *a.pim), &problems);
      Report(c_, path_ + "/pim", problems);
    }
    CheckPimSet(a, *r);
    return;
  }
  if (a.igmp) {
    // A host's IGMP settings are fixed at its start (igmp::HostIgmp has no Reconfigure).
    c_.Error(path_ + "/igmp", NotBuilt("a set of igmp on a host", "host IGMP reconfiguration"));
  }
  const std::string router_only = "a router setting; " + n->name + " is a host";
  if (a.pim || a.pim_interface) c_.Error(path_ + "/pim", router_only);
  if (a.dr_priority) c_.Error(path_ + "/dr_priority", router_only);
  if (a.cost) c_.Error(path_ + "/cost", router_only);
}

}  // namespace

void CheckEvents(Checker& c) {
  TimelineChecker t(c);
  for (const Event& e : c.scenario().events) t.Check(e);
}

}  // namespace sim::scenario
