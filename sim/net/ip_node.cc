#include "sim/net/ip_node.h"

#include <algorithm>
#include <tuple>

#include "sim/wire/arp.h"
#include "sim/wire/encode.h"
#include "sim/wire/ethernet.h"
#include "sim/wire/frame_builder.h"
#include "sim/wire/icmp.h"

namespace sim::net {

void IpNode::SendIp(Interface& out, wire::Ipv4Address next_hop, const wire::Ipv4Header& header,
                    wire::ByteSpan payload) {
  wire::Bytes packet(wire::Ipv4HeaderLen(header) + payload.size());
  wire::EmitIpv4(header, payload, packet);
  SendIpPacket(out, next_hop, std::move(packet));
}

void IpNode::SendIpPacket(Interface& out, wire::Ipv4Address next_hop, wire::Bytes packet) {
  if (auto mac = wire::DirectMacFor(next_hop)) {
    SendOnLink(out, *mac, packet);
    return;
  }
  const ArpCache::Key key{out.index(), next_hop};
  if (auto mac = arp_.Lookup(key, now())) {
    SendOnLink(out, *mac, packet);
    return;
  }
  switch (arp_.Park(key, std::move(packet))) {
    case ArpCache::Queued::kSendRequest:
      arp_.CountRequest(key);
      SendArpRequest(out, next_hop);
      ScheduleArpRetry(out, next_hop);
      break;
    case ArpCache::Queued::kAlreadyResolving:
      break;
    case ArpCache::Queued::kDropped:
      CountDropOnly(DropReason::kArpFailed);
      break;
  }
}

void IpNode::SendOnLink(Interface& out, const wire::MacAddress& dst, wire::ByteSpan packet, bool decrement_ttl) {
  wire::Bytes frame(wire::EthernetFrameLen(packet.size()));
  wire::EmitEthernet({dst, out.mac(), wire::kEtherTypeIpv4}, packet, frame);
  if (decrement_ttl) wire::DecrementTtlInPlace(wire::MutableByteSpan(frame).subspan(wire::kEthernetHeaderLen));
  out.Send(MakeFrame(std::move(frame)));
}

void IpNode::ForwardIpPacket(Interface& out, wire::Ipv4Address next_hop, wire::ByteSpan packet) {
  std::optional<wire::MacAddress> mac = wire::DirectMacFor(next_hop);
  if (!mac) mac = arp_.Lookup({out.index(), next_hop}, now());
  if (mac) {
    SendOnLink(out, *mac, packet, /*decrement_ttl=*/true);
    return;
  }
  wire::Bytes copy(packet.begin(), packet.end());  // waits for ARP: needs its own bytes
  wire::DecrementTtlInPlace(copy);
  SendIpPacket(out, next_hop, std::move(copy));
}

void IpNode::SendArpRequest(Interface& out, wire::Ipv4Address target) {
  const wire::ArpPacket request{wire::ArpOperation::kRequest, out.mac(), out.address(),
                                wire::MacAddress(), target};
  out.Send(MakeFrame(wire::BuildArpFrame(out.mac(), wire::kBroadcastMac, request)));
}

void IpNode::ScheduleArpRetry(Interface& out, wire::Ipv4Address target) {
  scheduler().ScheduleIn(ArpCache::kRetryInterval, id(), [this, &out, target] {
    const ArpCache::Key key{out.index(), target};
    if (!powered() || !arp_.Resolving(key)) return;  // resolved meanwhile, or power was lost
    if (arp_.RequestsSent(key) < ArpCache::kMaxRequests) {
      arp_.CountRequest(key);
      SendArpRequest(out, target);
      ScheduleArpRetry(out, target);
      return;
    }
    const std::size_t dropped = arp_.DropPending(key);
    if (dropped > 0) CountDropOnly(DropReason::kArpFailed, dropped);
    Trace("arp.failed", {{"interface", out.name()}, {"target", wire::ToString(target)},
                         {"dropped", dropped}});
  });
}

void IpNode::Receive(Interface& in, const FramePtr& frame) {
  const wire::EthernetFrame* eth = frame->ethernet();
  if (eth == nullptr) {
    ++ip_counters_.bad_frames;
    return;
  }
  const wire::MacAddress& dst = eth->header.destination;
  const bool for_us = dst == in.mac() || dst.is_broadcast() ||
                      (dst.is_group() && AcceptsMulticastMac(in, dst));
  if (!for_us) {
    ++ip_counters_.not_for_us;
    if (dst.is_group()) OnMulticastFiltered(in, *frame);
    return;
  }
  if (eth->header.ethertype == wire::kEtherTypeArp) {
    ReceiveArp(in, eth->payload);
    return;
  }
  if (eth->header.ethertype != wire::kEtherTypeIpv4) return;
  const wire::Ipv4Packet* ip = frame->ipv4();  // decoded once per shared frame (net/frame.h)
  if (ip == nullptr) {
    ++ip_counters_.bad_frames;
    return;
  }
  rx_frame_ = frame.get();
  ReceiveIp(in, *ip, eth->payload.first(ip->header_len + ip->payload.size()));
  rx_frame_ = nullptr;
}

void IpNode::ReceiveArp(Interface& in, wire::ByteSpan payload) {
  auto arp = wire::ParseArp(payload);
  if (!arp) {
    ++ip_counters_.bad_frames;
    return;
  }
  // RFC 826: merge the sender into the cache when we are the target (or already know it).
  const ArpCache::Key sender{in.index(), arp->sender_ip};
  const bool for_us = in.prefix() && arp->target_ip == in.address();
  if (for_us || arp_.Lookup(sender, now()) || arp_.Resolving(sender)) {
    for (wire::Bytes& packet : arp_.Learn(sender, arp->sender_mac, now())) {
      SendOnLink(in, arp->sender_mac, packet);
    }
  }
  if (for_us && arp->operation == wire::ArpOperation::kRequest) {
    const wire::ArpPacket reply{wire::ArpOperation::kReply, in.mac(), in.address(),
                                arp->sender_mac, arp->sender_ip};
    in.Send(MakeFrame(wire::BuildArpFrame(in.mac(), arp->sender_mac, reply)));
  }
}

void IpNode::InterfacesChanged() {
  constexpr std::size_t kWalkedInterfaces = 8;
  address_index_ = nullptr;
  if (interfaces().size() <= kWalkedInterfaces) return;
  auto index = std::make_unique<AddressIndex>();
  std::vector<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>> by_mask;  // (mask, network, index)
  for (const auto& i : interfaces()) {
    if (!i->prefix()) continue;
    index->own_addresses.push_back(i->address().value());
    const std::uint32_t mask = i->prefix()->mask();
    by_mask.emplace_back(mask, i->address().value() & mask, i->index());
  }
  std::sort(index->own_addresses.begin(), index->own_addresses.end());
  std::sort(by_mask.begin(), by_mask.end());
  for (const auto& [mask, network, interface] : by_mask) {
    if (index->runs.empty() || index->runs.back().mask != mask) {
      index->runs.push_back({mask, index->subnets.size(), index->subnets.size()});
    }
    index->subnets.emplace_back(network, interface);
    index->runs.back().end = index->subnets.size();
  }
  address_index_ = std::move(index);
}

Interface* IpNode::InterfaceOnLink(wire::Ipv4Address a) const {
  if (address_index_ == nullptr) {
    for (const auto& i : interfaces()) {
      if (i->prefix() && i->prefix()->Contains(a)) return i.get();
    }
    return nullptr;
  }
  // The first interface, in index order, whose subnet holds `a`: per mask, the first entry of
  // that network has its lowest interface index.
  const AddressIndex& x = *address_index_;
  std::optional<std::uint32_t> best;
  for (const AddressIndex::SubnetRun& run : x.runs) {
    const std::uint32_t network = a.value() & run.mask;
    const auto first = x.subnets.begin() + static_cast<std::ptrdiff_t>(run.begin);
    const auto last = x.subnets.begin() + static_cast<std::ptrdiff_t>(run.end);
    const auto it = std::lower_bound(first, last, std::pair<std::uint32_t, std::uint32_t>(network, 0));
    if (it != last && it->first == network && (!best || it->second < *best)) best = it->second;
  }
  return best ? interfaces()[*best].get() : nullptr;
}

bool IpNode::IsOwnAddress(wire::Ipv4Address a) const {
  if (address_index_ == nullptr) {
    for (const auto& i : interfaces()) {
      if (i->prefix() && i->address() == a) return true;
    }
    return false;
  }
  return std::binary_search(address_index_->own_addresses.begin(), address_index_->own_addresses.end(), a.value());
}

void IpNode::SetProtocolHandler(std::uint8_t protocol, ProtocolHandler handler) {
  for (auto& [p, h] : handlers_) {
    if (p == protocol) {
      h = std::move(handler);
      return;
    }
  }
  handlers_.emplace_back(protocol, std::move(handler));
  handled_protocols_.set(protocol);
}

bool IpNode::CallHandler(Interface& in, const wire::Ipv4Packet& packet) {
  for (auto& [protocol, handler] : handlers_) {
    if (protocol == packet.header.protocol) {
      handler(in, packet);
      return true;
    }
  }
  return false;
}

void IpNode::OnPowerOff() { arp_.Clear(); }

std::string IpNode::DumpArpCache() const {
  std::vector<std::string> names;
  for (const auto& i : interfaces()) names.push_back(i->name());
  return arp_.Dump(now(), names);
}

bool IpNode::SendRouted(const wire::Ipv4Header& header, wire::ByteSpan payload) {
  const auto hop = RouteTo(header.destination);
  if (!hop) {
    CountDropOnly(DropReason::kNoRoute);
    return false;
  }
  SendIp(*hop->out, hop->next_hop, header, payload);
  return true;
}

void IpNode::SendPortUnreachable(Interface&, const wire::Ipv4Packet& offending,
                                 wire::ByteSpan raw) {
  // RFC 1122 §3.2.2: never for a datagram sent to a multicast or broadcast address.
  const wire::Ipv4Address to = offending.header.source;
  if (offending.header.destination.is_multicast() || offending.header.destination.is_broadcast() ||
      to.is_multicast() || to.is_unspecified()) {
    return;
  }
  if (!icmp_rate_limit().Allow(to, now())) return;
  wire::Ipv4Header h;
  h.tos = wire::kTosInternetControl;
  h.protocol = wire::kIpProtoIcmp;
  h.source = offending.header.destination;
  h.destination = to;
  h.identification = NextIpId();
  const wire::IcmpMessage icmp = wire::MakePortUnreachableUpTo576(raw);
  ++ip_counters_.icmp_sent;
  SendRouted(h, wire::Encode(icmp));
}

void IpNode::HandleIcmpEcho(Interface&, const wire::Ipv4Packet& packet) {
  auto icmp = wire::ParseIcmp(packet.payload);
  if (!icmp) return;
  const auto* echo = std::get_if<wire::IcmpEcho>(&*icmp);
  if (echo == nullptr || echo->reply) return;
  wire::IcmpEcho reply = *echo;
  reply.reply = true;
  wire::Ipv4Header h;
  h.protocol = wire::kIpProtoIcmp;
  h.source = packet.header.destination;
  h.destination = packet.header.source;
  h.identification = NextIpId();
  ++ip_counters_.icmp_sent;
  SendRouted(h, wire::Encode(wire::IcmpMessage(reply)));
}

}  // namespace sim::net
