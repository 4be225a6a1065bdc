#include "sim/net/router.h"

#include <charconv>

#include "sim/core/text_table.h"
#include "sim/core/trace_value.h"
#include "sim/wire/ipv4_fragment.h"

namespace sim::net {

Router::Router(NetContext& ctx, core::NodeId id, std::string name) : IpNode(ctx, id, std::move(name)) {}

void Router::AddStaticMroute(StaticMroute m) {
  mfib_.Set(m.key, m.iif, InterfaceSet(m.oifs.begin(), m.oifs.end()));
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
    if (DispatchProtocol(in, packet)) return;
    if (dst.is_link_local_multicast()) {
      Drop(DropReason::kScope, in, packet);  // RFC 5771: 224.0.0.0/24 is never forwarded
      return;
    }
    ForwardMulticast(in, packet, raw);
    return;
  }
  if (IsOwnAddress(dst) || dst.is_broadcast()) {
    DeliverLocally(in, packet, raw);
    return;
  }
  ForwardUnicast(in, packet, raw);
}

void Router::DeliverLocally(Interface& in, const wire::Ipv4Packet& packet, wire::ByteSpan raw) {
  // Routers here run no service that takes fragments, and do not reassemble: a fragment for the
  // router itself is ignored rather than answered piece by piece.
  if (wire::IsFragment(packet.header)) return;
  if (DispatchProtocol(in, packet)) return;
  if (packet.header.protocol == wire::kIpProtoIcmp) {
    HandleIcmpEcho(in, packet);
  } else if (packet.header.protocol == wire::kIpProtoUdp && !packet.header.destination.is_broadcast()) {
    if (packet.payload.size() >= 4) Drop(DropReason::kNoSocket, in, packet, wire::LoadU16(packet.payload, 2));
    SendPortUnreachable(in, packet, raw);  // no UDP service runs on a router here
  }
}

void Router::ForwardMulticast(Interface& in, const wire::Ipv4Packet& packet, wire::ByteSpan raw) {
  const wire::Ipv4Address s = packet.header.source, g = packet.header.destination;
  Mfib::Item* item = mfib_.Lookup(s, g);
  if (item == nullptr) {
    bool taken = false;
    for (MulticastObserver* o : observers_) taken = o->OnNoEntry(in, packet, raw) || taken;
    if (!taken) Drop(DropReason::kNoMroute, in, packet);
    return;
  }
  const MfibKey key = item->first;  // a copy: an observer may change the MFIB
  MfibEntry* entry = &item->second;
  if (entry->iif != in.index()) {
    ++entry->rpf_failures;
    bool taken = false;
    for (MulticastObserver* o : observers_) taken = o->OnWrongInterface(in, key, packet, raw) || taken;
    if (!taken) Drop(DropReason::kRpfFailure, in, packet);
    return;
  }
  if (packet.header.ttl <= 1) {
    ++entry->ttl_expired;
    Drop(DropReason::kTtlExpired, in, packet);
    return;
  }
  ++entry->packets;
  ++counters_.multicast_forwarded;
  for (std::uint32_t oif : entry->oifs) {
    Interface& out = *interfaces()[oif];
    if (out.up()) {
      ForwardIpPacket(out, g, raw);
    } else {
      const DropKey down{DropReason::kLinkDown, s, g, oif, 0};
      if (CountDrop(down)) TraceDrop(down);
    }
  }
  if (entry->notify_data) {
    for (MulticastObserver* o : observers_) o->OnData(in, key, packet, raw);
  }
}

void Router::ForwardUnicast(Interface& in, const wire::Ipv4Packet& packet, wire::ByteSpan raw) {
  if (packet.header.ttl <= 1) {
    Drop(DropReason::kTtlExpired, in, packet);
    return;
  }
  auto hop = RouteTo(packet.header.destination);
  if (!hop) {
    Drop(DropReason::kNoRoute, in, packet);
    return;
  }
  ++counters_.unicast_forwarded;
  ForwardIpPacket(*hop->out, hop->next_hop, raw);
}

void Router::Drop(DropReason reason, const Interface& in, const wire::Ipv4Packet& packet, std::uint16_t port) {
  const DropKey key{reason, packet.header.source, packet.header.destination, in.index(), port};
  if (!CountDrop(key)) return;
  if (DropEventKind(reason) == "forward.drop") {
    TraceDrop(key, {{"ttl", packet.header.ttl}});
  } else {
    TraceDrop(key);  // a udp.drop has the keys of a host's
  }
}

void Router::OnPowerOff() {
  IpNode::OnPowerOff();
  mfib_.Clear();
  icmp_limit_ = IcmpRateLimit();  // the kernel's peer table goes with the power
}

void Router::OnPowerOn() {
  for (const StaticMroute& m : static_mroutes_) mfib_.Set(m.key, m.iif, InterfaceSet(m.oifs.begin(), m.oifs.end()));
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
    s += "\n  Packets forwarded: " + std::to_string(e.packets) +
         ", RPF failures: " + std::to_string(e.rpf_failures) + ", TTL drops: " + std::to_string(e.ttl_expired) + "\n";
  }
  return s;
}

std::string Router::DumpRoutes() const {
  // Cells written into buffers on the stack, not strings: at the end of a large run this table
  // is most of state-end.txt (256 routers x 512 routes).
  core::TextTable t({"Destination", "Gateway", "Interface", "Metric"});
  char destination[wire::kPrefixRoom];
  char gateway[core::kDottedQuadRoom];
  char metric[24];
  for (const Route& r : fib_.routes()) {
    const char* d = wire::WritePrefix(r.destination, destination);
    const std::string_view via =
        r.next_hop.is_unspecified()
            ? std::string_view("connected")
            : std::string_view(gateway, core::WriteDottedQuad(r.next_hop.value(), gateway) - gateway);
    const char* m = std::to_chars(metric, metric + sizeof metric, r.metric).ptr;
    t.Row({std::string_view(destination, d - destination), via, interfaces()[r.out_interface]->name(),
           std::string_view(metric, m - metric)});
  }
  return t.Render();
}

}  // namespace sim::net
