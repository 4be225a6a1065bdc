#include "sim/net/host.h"

#include <algorithm>

#include "sim/core/text_table.h"
#include "sim/wire/icmp.h"

namespace sim::net {

std::string_view ToString(SocketError e) {
  switch (e) {
    case SocketError::kConnectionRefused: return "ECONNREFUSED";
  }
  return "?";
}

Host::Host(NetContext& ctx, core::NodeId id, std::string name) : IpNode(ctx, id, std::move(name)) {}

UdpSocket& Host::Listen(const std::string& socket, wire::Ipv4Address bind, std::uint16_t port) {
  auto s = std::make_unique<UdpSocket>();
  s->name = socket;
  s->bind = bind;
  s->port = port;
  sockets_.push_back(std::move(s));
  StateChanged();
  Trace("socket.open", {{"socket", socket}, {"bind", wire::ToString(bind)}, {"port", port}});
  return *sockets_.back();
}

UdpSocket* Host::FindSocket(const std::string& name) {
  for (auto& s : sockets_) {
    if (s->name == name) return s.get();
  }
  return nullptr;
}

Interface* Host::DefaultInterface() const {
  if (gateway_) {
    if (Interface* i = InterfaceOnLink(*gateway_)) return i;
  }
  for (const auto& i : interfaces()) {
    if (i->prefix()) return i.get();
  }
  return nullptr;
}

void Host::Join(wire::Ipv4Address group, UdpSocket* socket, Interface* interface) {
  // Linux answers EINVAL for an address that is not a group; RFC 1112 §4 never assigns
  // 224.0.0.0 to one.
  if (!group.is_multicast() || group == wire::Ipv4Address(224, 0, 0, 0)) return;
  if (interface == nullptr) interface = DefaultInterface();
  if (interface == nullptr) return;
  if (socket != nullptr) {
    // Linux answers EADDRINUSE to a second IP_ADD_MEMBERSHIP of the same group on a socket.
    if (!socket->groups.emplace(group, interface->index()).second) return;
  } else {
    ++host_joins_[{group, interface->index()}];
  }
  ChangeMembership(*interface, group, +1);
}

void Host::Leave(wire::Ipv4Address group, UdpSocket* socket) {
  std::uint32_t index;
  if (socket != nullptr) {
    auto it = socket->groups.find(group);
    if (it == socket->groups.end()) return;
    index = it->second;
    socket->groups.erase(it);
  } else {
    auto it = host_joins_.lower_bound({group, 0});
    if (it == host_joins_.end() || it->first.first != group) return;
    index = it->first.second;
    if (--it->second == 0) host_joins_.erase(it);
  }
  ChangeMembership(*interfaces()[index], group, -1);
}

void Host::ChangeMembership(Interface& in, wire::Ipv4Address group, int delta) {
  StateChanged();
  auto it = std::find_if(memberships_.begin(), memberships_.end(), [&](const Membership& m) {
    return m.interface == in.index() && m.group == group;
  });
  if (it == memberships_.end()) {
    it = memberships_.insert(it, Membership{in.index(), group, 0, wire::MulticastMac(group).key()});
  }
  const bool was_member = it->holders > 0;
  it->holders += delta;
  const bool member = it->holders > 0;
  if (it->holders <= 0) memberships_.erase(it);
  if (was_member == member) return;
  Trace(member ? "membership.join" : "membership.leave",
        {{"interface", in.name()}, {"group", wire::ToString(group)}});
  for (auto& o : membership_observers_) o(in, group, member);
}

void Host::Connect(UdpSocket& socket, wire::Ipv4Address to, std::uint16_t port) {
  socket.peer = UdpSocket::Peer{to, port};
  socket.pending_error.reset();
  StateChanged();  // the socket now takes only the peer's datagrams
  Trace("socket.connect", {{"socket", socket.name}, {"to", wire::ToString(to) + ":" + std::to_string(port)}});
}

void Host::Close(const std::string& name) {
  for (auto it = sockets_.begin(); it != sockets_.end(); ++it) {
    if ((*it)->name != name) continue;
    BankMemo();  // while the memo's sockets all exist
    // Closing drops the socket's memberships, as the kernel does.
    while (!(*it)->groups.empty()) Leave((*it)->groups.begin()->first, it->get());
    TraceReceiveTotals(**it);
    sockets_.erase(it);
    StateChanged();
    Trace("socket.close", {{"socket", name}});
    return;
  }
}

bool Host::Recv(const std::string& name) {
  UdpSocket* s = FindSocket(name);
  return s != nullptr && TakePendingError(*s, "recv");
}

std::optional<IpNode::NextHop> Host::RouteTo(wire::Ipv4Address destination) const {
  if (Interface* on_link = InterfaceOnLink(destination)) return NextHop{on_link, destination};
  if (gateway_) {
    if (Interface* via = InterfaceOnLink(*gateway_)) return NextHop{via, *gateway_};
  }
  return std::nullopt;
}

bool Host::ReportPendingError(UdpSocket& s, std::string_view during) {
  s.errors.push_back({now(), *s.pending_error, during});
  socket_errors_.emplace_back(s.name, s.errors.back());
  Trace("socket.error", {{"socket", s.name}, {"error", std::string(ToString(*s.pending_error))},
                         {"during", std::string(during)}});
  s.pending_error.reset();
  return true;
}

void Host::OnPowerOff() {
  IpNode::OnPowerOff();
  BankMemo();
  for (const auto& s : sockets_) TraceReceiveTotals(*s);
  sockets_.clear();
  StateChanged();
  memberships_.clear();
  host_joins_.clear();
  if (rare_) {  // the kernel's fragment queues and ICMP peer table go with the power
    rare_->reassembly = Ipv4Reassembly();
    rare_->icmp_limit = IcmpRateLimit();
  }
}

void Host::TraceReceiveTotals(const UdpSocket& s) {
  for (const UdpFlow& f : s.flows) {
    Trace("receive.total", {{"socket", s.name}, {"destination", wire::TraceAddress(f.destination)},
                            {"count", f.datagrams}, {"first", f.first},
                            {"last", f.last}});
  }
}

void Host::TraceTotals() {
  for (const SendStream& s : send_streams()) {
    Trace("send.total", {{"to", wire::TraceAddress(s.to)}, {"port", s.port}, {"ttl", s.ttl},
                         {"count", s.datagrams}, {"first", s.first},
                         {"last", s.last}});
  }
  BankMemo();
  for (const auto& s : sockets_) TraceReceiveTotals(*s);
  TraceDropTotals();
}

std::string Host::DumpSockets() const {
  core::TextTable t({"Socket", "Local", "Peer", "Groups", "Received"});
  for (const auto& sock : sockets_) {
    t.Row({sock->name, wire::ToString(sock->bind) + ":" + std::to_string(sock->port),
           sock->peer ? wire::ToString(sock->peer->address) + ":" + std::to_string(sock->peer->port) : "-",
           std::to_string(sock->groups.size()), std::to_string(sock->datagrams_received)});
  }
  return t.Render();
}

}  // namespace sim::net
