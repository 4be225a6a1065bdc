#include "sim/net/router.h"

#include "sim/core/text_table.h"

namespace sim::net {

Router::Router(NetContext& ctx, core::NodeId id, std::string name) : IpNode(ctx, id, std::move(name)) {}

void Router::AddStaticMroute(StaticMroute m) {
  mfib_.Set(m.key, m.iif, m.oifs);
  static_mroutes_.push_back(std::move(m));
}

std::optional<IpNode::NextHop> Router::RouteTo(wire::Ipv4Address destination) const {
  auto r = fib_.Lookup(destination);
  if (!r) return std::nullopt;
  Interface* out = interfaces()[r->out_interface].get();
  return NextHop{out, r->next_hop.is_unspecified() ? destination : r->next_hop};
}

void Router::ReceiveIp(Interface& in, const wire::Ipv4Packet& packet, wire::ByteSpan raw) {
  const wire::Ipv4Address dst = packet.header.destination;
  if (dst.is_multicast()) {
    // Control protocols (IGMP to any group, PIM) are for this router; data is forwarded.
    if (DispatchProtocol(in, packet) || dst.is_link_local_multicast()) return;
    ForwardMulticast(in, packet, raw);
    return;
  }
  if (IsOwnAddress(dst) || dst.is_broadcast()) {
    DeliverLocally(in, packet, raw);
    return;
  }
  ForwardUnicast(packet, raw);
}

void Router::DeliverLocally(Interface& in, const wire::Ipv4Packet& packet, wire::ByteSpan raw) {
  if (DispatchProtocol(in, packet)) return;
  if (packet.header.protocol == wire::kIpProtoIcmp) {
    HandleIcmpEcho(in, packet);
  } else if (packet.header.protocol == wire::kIpProtoUdp && !packet.header.destination.is_broadcast()) {
    SendPortUnreachable(in, packet, raw);  // no UDP service runs on a router here
  }
}

void Router::ForwardMulticast(Interface& in, const wire::Ipv4Packet& packet, wire::ByteSpan raw) {
  const wire::Ipv4Address s = packet.header.source, g = packet.header.destination;
  Mfib::Item* item = mfib_.Lookup(s, g);
  if (item == nullptr) {
    ++counters_.no_mroute;
    for (MulticastObserver* o : observers_) o->OnNoEntry(in, packet, raw);
    TraceDropOnce("no-mroute", packet);
    return;
  }
  const MfibKey key = item->first;  // a copy: an observer may change the MFIB
  MfibEntry* entry = &item->second;
  if (entry->iif != in.index()) {
    ++counters_.rpf_failures;
    ++entry->rpf_failures;
    for (MulticastObserver* o : observers_) o->OnWrongInterface(in, key, packet, raw);
    TraceDropOnce("rpf-failure", packet);
    return;
  }
  if (packet.header.ttl <= 1) {
    ++counters_.ttl_expired;
    TraceDropOnce("ttl-expired", packet);
    return;
  }
  ++entry->packets;
  ++counters_.multicast_forwarded;
  for (std::uint32_t oif : entry->oifs) {
    Interface& out = *interfaces()[oif];
    if (out.up()) ForwardIpPacket(out, g, raw);
  }
  if (entry->notify_data) {
    for (MulticastObserver* o : observers_) o->OnData(in, key, packet, raw);
  }
}

void Router::ForwardUnicast(const wire::Ipv4Packet& packet, wire::ByteSpan raw) {
  if (packet.header.ttl <= 1) {
    ++counters_.ttl_expired;
    TraceDropOnce("ttl-expired", packet);
    return;
  }
  auto hop = RouteTo(packet.header.destination);
  if (!hop) {
    mutable_ip_counters().no_route++;
    TraceDropOnce("no-route", packet);
    return;
  }
  ++counters_.unicast_forwarded;
  ForwardIpPacket(*hop->out, hop->next_hop, raw);
}

void Router::TraceDropOnce(std::string_view reason, const wire::Ipv4Packet& packet) {
  const auto key = std::make_tuple(reason, packet.header.source, packet.header.destination);
  if (!drops_traced_.insert(key).second) return;
  Trace("forward.drop", {{"reason", std::string(reason)},
                         {"source", wire::ToString(packet.header.source)},
                         {"destination", wire::ToString(packet.header.destination)},
                         {"ttl", std::to_string(packet.header.ttl)}});
}

void Router::OnPowerOff() {
  IpNode::OnPowerOff();
  mfib_.Clear();
  drops_traced_.clear();
}

void Router::OnPowerOn() {
  for (const StaticMroute& m : static_mroutes_) mfib_.Set(m.key, m.iif, m.oifs);
}

std::string Router::DumpMroutes() const {
  std::string s = "IP Multicast Routing Table\nFlags: S sparse, C connected, P pruned, T SPT bit, F register\n";
  for (const auto& [key, e] : mfib_.entries()) {
    // A (*,G) entry at its RP has no incoming interface: its data arrives in Registers.
    const std::string iif = e.iif < interfaces().size() ? interfaces()[e.iif]->name() : "Null";
    s += "(" + (key.source.is_unspecified() ? std::string("*") : wire::ToString(key.source)) + ", " +
         wire::ToString(key.group) + "), flags: " + (e.owner == MfibOwner::kStatic ? "static" : e.flags) +
         "\n  Incoming interface: " + iif + "\n  Outgoing interface list:";
    if (e.oifs.empty()) s += " Null";
    for (std::uint32_t o : e.oifs) s += "\n    " + interfaces()[o]->name();
    if (e.since) s += "\n  Uptime: " + core::ToTableString(now() - *e.since);
    if (e.expires) s += ", expires in " + core::ToTableString(*e.expires - now());
    s += "\n  Packets forwarded: " + std::to_string(e.packets) +
         ", RPF failures: " + std::to_string(e.rpf_failures) + "\n";
  }
  return s;
}

std::string Router::DumpRoutes() const {
  core::TextTable t({"Destination", "Gateway", "Interface", "Metric"});
  for (const Route& r : fib_.routes()) {
    t.Row({wire::ToString(r.destination), r.next_hop.is_unspecified() ? "connected" : wire::ToString(r.next_hop),
           interfaces()[r.out_interface]->name(), std::to_string(r.metric)});
  }
  return t.Render();
}

}  // namespace sim::net
