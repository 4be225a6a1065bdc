#include "sim/run/timeline.h"

#include <map>
#include <memory>

#include "igmp/host_igmp.h"
#include "igmp/router_igmp.h"
#include "igmp/snooping_switch.h"

namespace sim::run {
namespace {

using namespace scenario;  // NOLINT: the action structs

net::Host& HostOf(net::Network& n, const std::string& name) {
  return dynamic_cast<net::Host&>(*n.FindNode(name));
}

net::SendSpec SpecOf(const SendAction& a) {
  net::SendSpec s;
  s.socket = a.socket;
  s.to = a.to.address;
  s.port = a.to.port;
  s.size = a.size;
  s.ttl = a.ttl;
  s.source_port = a.source_port;
  return s;
}

// A rate-driven send: one datagram now, then again every interval until `until`. The host and
// the send spec are resolved once, not per datagram.
struct RateSend {
  net::Host& host;
  net::SendSpec spec;
  core::Duration interval;
  core::Time until;
};

void SendAtRate(const std::shared_ptr<const RateSend>& r) {
  r->host.SendDatagram(r->spec);
  const core::Time next = r->host.now() + r->interval;
  if (next > r->until) return;
  r->host.scheduler().ScheduleAt(next, r->host.id(), [r] { SendAtRate(r); });
}

// IGMP settings as they stand now, per (router, interface): each `set` merges over them.
using IgmpSettingsNow = std::map<std::pair<std::string, std::string>, IgmpSettings>;

void ApplyIgmpSet(net::Network& n, const Scenario& s, IgmpSettingsNow& now, const SetAction& a) {
  const scenario::Router* spec = FindNode(s, a.node)->router();
  auto* igmp = n.FindNode(a.node)->FindModule<igmp::RouterIgmp>();
  if (spec == nullptr || igmp == nullptr) return;
  for (const auto& i : spec->interfaces) {
    if (a.interface && *a.interface != i.name) continue;
    auto [it, fresh] = now.try_emplace({a.node, i.name}, i.igmp_settings);
    it->second = Merge(it->second, *a.igmp);
    // Derived intervals follow the new inputs, as at load time (which checked them already).
    std::vector<LoadError> problems;
    const RouterIgmpConfig config = ResolveRouterIgmp(it->second, &problems);
    if (problems.empty()) igmp->Reconfigure(*n.FindNode(a.node)->FindInterface(i.name), config);
  }
}

void ApplySet(net::Network& n, const Scenario& s, IgmpSettingsNow& igmp_now, const SetAction& a) {
  net::Node& node = *n.FindNode(a.node);
  if (a.igmp) ApplyIgmpSet(n, s, igmp_now, a);
  if (a.cost) {
    for (const auto& i : node.interfaces()) {
      if (!a.interface || i->name() == *a.interface) i->set_cost(*a.cost);
    }
    n.RecomputeRoutes();
  }
  std::vector<std::pair<std::string_view, std::string>> fields;
  if (a.interface) fields.emplace_back("interface", *a.interface);
  if (a.cost) fields.emplace_back("cost", std::to_string(*a.cost));
  if (a.dr_priority) fields.emplace_back("dr_priority", std::to_string(*a.dr_priority));
  if (a.igmp) fields.emplace_back("igmp", "reconfigured");
  if (a.pim || a.pim_interface) fields.emplace_back("pim", "settings take effect once the PIM module exists");
  node.Trace("config.set", std::move(fields));
}

struct Runner {
  net::Network& n;
  const Scenario& scenario;
  IgmpSettingsNow& igmp_now;
  SnapshotWriter& snapshot;

  void operator()(const ListenAction& a) { HostOf(n, a.node).Listen(a.socket, a.bind, a.port); }
  void operator()(const JoinAction& a) {
    net::Host& h = HostOf(n, a.node);
    net::UdpSocket* s = a.socket ? h.FindSocket(*a.socket) : nullptr;
    net::Interface* i = a.interface ? h.FindInterface(*a.interface) : nullptr;
    h.Join(a.group, s, i);
  }
  void operator()(const LeaveAction& a) {
    net::Host& h = HostOf(n, a.node);
    h.Leave(a.group, a.socket ? h.FindSocket(*a.socket) : nullptr);
  }
  void operator()(const SendAction& a) {
    if (a.rate) {
      SendAtRate(std::make_shared<const RateSend>(
          RateSend{HostOf(n, a.node), SpecOf(a), a.rate->interval, core::Time::Start() + *a.until}));
      return;
    }
    for (std::uint64_t k = 0; k < a.count; ++k) HostOf(n, a.node).SendDatagram(SpecOf(a));
  }
  void operator()(const ConnectAction& a) {
    net::Host& h = HostOf(n, a.node);
    if (net::UdpSocket* s = h.FindSocket(a.socket)) h.Connect(*s, a.to.address, a.to.port);
  }
  void operator()(const CloseAction& a) { HostOf(n, a.node).Close(a.socket); }
  void operator()(const LinkAction& a) { n.SetLinkUp(*n.FindLink(a.link), a.state == UpDown::kUp); }
  void operator()(const NodeAction& a) { n.SetNodeUp(*n.FindNode(a.node), a.state == UpDown::kUp); }
  void operator()(const SetAction& a) { ApplySet(n, scenario, igmp_now, a); }
  void operator()(const SnapshotAction& a) { snapshot(a.label); }
};

}  // namespace

void ScheduleTimeline(const Scenario& s, net::Network& network, SnapshotWriter snapshot) {
  auto shared_snapshot = std::make_shared<SnapshotWriter>(std::move(snapshot));
  auto igmp_now = std::make_shared<IgmpSettingsNow>();
  for (const Event& e : s.events) {
    network.scheduler().ScheduleAt(core::Time::Start() + e.at, core::kNoNode,
                                   [&network, &s, &e, shared_snapshot, igmp_now] {
                                     std::visit(Runner{network, s, *igmp_now, *shared_snapshot}, e.action);
                                   });
  }
}

std::string DumpState(const net::Network& network) {
  std::string out;
  for (const auto& node : network.nodes()) {
    out += "=== " + node->name() + " (" + std::string(node->type()) + (node->powered() ? "" : ", powered off") + ")\n";
    if (const auto* r = dynamic_cast<const net::Router*>(node.get())) {
      out += "# show ip route\n" + r->DumpRoutes() + "# show ip mroute\n" + r->DumpMroutes() +
             "# show arp\n" + r->DumpArpCache();
      if (const auto* igmp = r->FindModule<igmp::RouterIgmp>()) {
        out += "# show ip igmp interface\n" + igmp->DumpInterfaces() + "# show ip igmp groups\n" + igmp->DumpGroups();
      }
    } else if (const auto* h = dynamic_cast<const net::Host*>(node.get())) {
      out += "# sockets\n" + h->DumpSockets() + "# show arp\n" + h->DumpArpCache();
      if (const auto* igmp = h->FindModule<igmp::HostIgmp>()) out += "# igmp host groups\n" + igmp->Dump();
    } else if (const auto* sw = dynamic_cast<const net::L2Switch*>(node.get())) {
      out += "# show mac address-table\n" + sw->DumpMacTable();
      if (const auto* snoop = dynamic_cast<const igmp::SnoopingSwitch*>(sw)) {
        out += "# show ip igmp snooping\n" + snoop->DumpSnooping();
      }
    }
    out += "\n";
  }
  return out;
}

}  // namespace sim::run
