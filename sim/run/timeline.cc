#include "sim/run/timeline.h"

#include <memory>

#include "sim/net/host.h"

namespace sim::run {
namespace {

using namespace scenario;  // NOLINT: the action structs

net::Host& HostOf(net::Network& n, const std::string& name) {
  return dynamic_cast<net::Host&>(*n.FindNode(name));
}

// One send event is one program with one socket: without a named socket, its implicit socket
// gets an ephemeral port at the first datagram and keeps it for the whole count or rate (as
// Linux autobinds a socket once), so every datagram of the stream has the same source port.
net::SendSpec SpecOf(const SendAction& a, net::Host& host) {
  net::SendSpec s;
  s.socket = a.socket;
  s.to = a.to.address;
  s.port = a.to.port;
  s.size = a.size;
  s.ttl = a.ttl;
  s.source_port = a.source_port;
  if (!a.socket && !a.source_port) s.source_port = host.AllocateEphemeralPort();
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


void ApplySet(net::Network& n, const ProtocolBindings& protocols, const SetAction& a) {
  net::Node& node = *n.FindNode(a.node);
  if (a.cost) {
    for (const auto& i : node.interfaces()) {
      if (!a.interface || i->name() == *a.interface) i->set_cost(*a.cost);
    }
    n.RecomputeRoutes();
  }
  SetTraceFields fields;
  if (a.interface) fields.emplace_back("interface", *a.interface);
  if (a.cost) fields.emplace_back("cost", *a.cost);
  if (a.dr_priority) fields.emplace_back("dr_priority", *a.dr_priority);
  for (const auto& p : protocols) p->ApplySet(a, n, fields);
  node.Trace("config.set", std::move(fields));
}

struct Runner {
  net::Network& n;
  const ProtocolBindings& protocols;
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
    net::Host& host = HostOf(n, a.node);
    if (a.rate) {
      SendAtRate(std::make_shared<const RateSend>(
          RateSend{host, SpecOf(a, host), a.rate->interval, core::Time::Start() + *a.until}));
      return;
    }
    // Every datagram in this one event, as one sendmmsg would; a huge count polls so that
    // Ctrl-C or --max-wall can still stop the run (the handler never changes the simulation).
    const net::SendSpec spec = SpecOf(a, host);
    for (std::uint64_t k = 1; k <= a.count; ++k) {
      host.SendDatagram(spec);
      if (k % 1024 == 0) host.scheduler().PollAttention();
    }
  }
  void operator()(const ConnectAction& a) {
    net::Host& h = HostOf(n, a.node);
    if (net::UdpSocket* s = h.FindSocket(a.socket)) h.Connect(*s, a.to.address, a.to.port);
  }
  void operator()(const CloseAction& a) { HostOf(n, a.node).Close(a.socket); }
  void operator()(const RecvAction& a) { HostOf(n, a.node).Recv(a.socket); }
  void operator()(const LinkAction& a) { n.SetLinkUp(*n.FindLink(a.link), a.state == UpDown::kUp); }
  void operator()(const NodeAction& a) { n.SetNodeUp(*n.FindNode(a.node), a.state == UpDown::kUp); }
  void operator()(const SetAction& a) { ApplySet(n, protocols, a); }
  void operator()(const SnapshotAction& a) { snapshot(a.label); }
};

}  // namespace

void ScheduleTimeline(const Scenario& s, net::Network& network, const ProtocolBindings& protocols,
                      SnapshotWriter snapshot, TimelinePart part) {
  auto shared_snapshot = std::make_shared<SnapshotWriter>(std::move(snapshot));
  for (const Event& e : s.events) {
    const bool starting_state = e.at == core::Duration::Zero() &&
                                (std::holds_alternative<NodeAction>(e.action) || std::holds_alternative<LinkAction>(e.action));
    if (starting_state != (part == TimelinePart::kStartingState)) continue;
    network.scheduler().ScheduleAt(core::Time::Start() + e.at, core::kNoNode,
                                   [&network, &protocols, &e, shared_snapshot] {
                                     std::visit(Runner{network, protocols, *shared_snapshot}, e.action);
                                   });
  }
}

}  // namespace sim::run
