// The host's datagram paths: sending UDP, receiving IPv4, UDP delivery and ICMP errors.
#include <algorithm>

#include "sim/net/host.h"
#include "sim/wire/icmp.h"
#include "sim/wire/ipv4_fragment.h"
#include "sim/wire/udp.h"

namespace sim::net {
namespace {

constexpr std::uint8_t kDefaultMulticastTtl = 1;  // IP_MULTICAST_TTL default (RFC 1112 §6.1)
constexpr std::uint8_t kDefaultUnicastTtl = 64;   // Linux ip_default_ttl
constexpr wire::Ipv4Address kLoopback(127, 0, 0, 1);

bool IsLoopback(wire::Ipv4Address a) { return (a.value() >> 24) == 127; }
// The NIC always passes 224.0.0.1's MAC (RFC 1112 §4); computed once, not per frame.
const std::uint64_t kAllSystemsMacKey = wire::MulticastMac(wire::kAllSystems).key();

// The payload of a generated datagram: a 32-bit sequence number, then zeros.
wire::Bytes DatagramPayload(std::size_t size, std::uint32_t sequence) {
  wire::Bytes p(size, 0);
  for (std::size_t i = 0; i < 4 && i < size; ++i) {
    p[i] = static_cast<std::uint8_t>(sequence >> (24 - 8 * i));
  }
  return p;
}

}  // namespace

std::uint16_t Host::AllocateEphemeralPort() {
  const std::uint16_t port = next_ephemeral_port_;
  next_ephemeral_port_ = port == 65535 ? kFirstEphemeralPort : static_cast<std::uint16_t>(port + 1);
  return port;
}

bool Host::SendDatagram(const SendSpec& spec) {
  UdpSocket* socket = spec.socket ? FindSocket(*spec.socket) : nullptr;
  if (socket != nullptr && TakePendingError(*socket, "send")) return false;  // not transmitted
  wire::Ipv4Address to;
  std::uint16_t port;
  if (spec.to) {
    to = *spec.to;
    port = spec.port.value_or(0);
  } else if (socket != nullptr && socket->peer) {
    to = socket->peer->address;
    port = socket->peer->port;
  } else {
    return false;
  }
  const std::uint8_t ttl = spec.ttl.value_or(to.is_multicast() ? kDefaultMulticastTtl : kDefaultUnicastTtl);
  if (ttl == 0 && !to.is_multicast()) return false;  // Linux: setsockopt(IP_TTL, 0) is EINVAL
  // Linux routes 0.0.0.0, 127/8 and the host's own addresses through the loopback device.
  const bool local = to.is_unspecified() || IsLoopback(to) || IsOwnAddress(to);
  Interface* out = nullptr;
  wire::Ipv4Address next_hop = to;
  if (local) {
    out = IsOwnAddress(to) ? InterfaceOnLink(to) : DefaultInterface();
  } else if (to.is_multicast()) {
    out = spec.multicast_interface != nullptr ? spec.multicast_interface : DefaultInterface();
  } else if (auto hop = RouteTo(to)) {
    out = hop->out;
    next_hop = hop->next_hop;
  }
  if (out == nullptr) {
    CountDropOnly(DropReason::kNoRoute);
    Trace("udp.no_route", {{"to", wire::ToString(to)}});
    return false;
  }
  std::uint16_t source_port = spec.source_port.value_or(socket != nullptr ? socket->port : 0);
  if (source_port == 0) source_port = AllocateEphemeralPort();

  wire::Ipv4Header h;
  h.protocol = wire::kIpProtoUdp;
  // Linux sends to 0.0.0.0 as to 127.0.0.1, from 127.0.0.1 unless the address is the host's.
  h.destination = to.is_unspecified() ? kLoopback : to;
  h.source = !local ? out->address() : IsOwnAddress(to) ? to : kLoopback;
  h.ttl = ttl;
  h.identification = NextIpId();
  const wire::Bytes payload = DatagramPayload(spec.size, h.identification);
  wire::Bytes udp(wire::UdpLen(payload.size()));
  wire::EmitUdp({source_port, port}, payload, h.source, h.destination, udp);
  // Linux's default IP_PMTUDISC_WANT sets DF on every datagram that fits the route's MTU,
  // multicast included (ip_dont_fragment() makes no exception), and fragments the others with
  // DF clear. The loopback device's MTU (65536) fits any datagram.
  h.dont_fragment = local || wire::Ipv4HeaderLen(h) + udp.size() <= wire::kEthernetMtu;
  wire::Bytes packet(wire::Ipv4HeaderLen(h) + udp.size());
  wire::EmitIpv4(h, udp, packet);
  CountSend(h, port);
  if (local) {
    LoopBack(*out, std::move(packet));
    return true;
  }
  // IP_MULTICAST_LOOP: local members get a copy of the whole datagram, as if it had arrived on `out`.
  if (to.is_multicast() && spec.multicast_loop && IsMember(*out, to)) LoopBack(*out, packet);
  if (h.ttl == 0) return true;  // multicast with TTL 0 never leaves the host (Linux ip_mc_output)
  if (h.dont_fragment) {
    SendIpPacket(*out, next_hop, std::move(packet));
  } else {
    for (wire::Bytes& fragment : wire::FragmentIpv4(h, udp, wire::kEthernetMtu)) {
      SendIpPacket(*out, next_hop, std::move(fragment));
    }
  }
  return true;
}

void Host::LoopBack(Interface& in, wire::Bytes packet) {
  auto copy = std::make_shared<const wire::Bytes>(std::move(packet));
  scheduler().ScheduleIn(core::Duration::Zero(), id(), [this, &in, copy] {
    if (!powered()) return;
    auto ip = wire::ParseIpv4(*copy);
    if (ip) ReceiveLoopedUdp(in, *ip, *copy);
  });
}

void Host::CountSend(const wire::Ipv4Header& h, std::uint16_t port) {
  Rare& r = rare();
  std::vector<SendStream>& streams = r.streams;
  auto same = [&](const SendStream& s) { return s.to == h.destination && s.port == port && s.ttl == h.ttl; };
  if (streams.empty() || !same(streams[r.last])) {
    auto it = std::find_if(streams.begin(), streams.end(), same);
    if (it == streams.end()) {
      streams.push_back(SendStream{h.destination, port, h.ttl, 0, now(), now()});
      it = streams.end() - 1;
      Trace("udp.send", {{"to", wire::ToString(h.destination)}, {"port", port},
                         {"ttl", h.ttl}, {"source", wire::ToString(h.source)}});
    }
    r.last = static_cast<std::size_t>(it - streams.begin());
  }
  SendStream& s = streams[r.last];
  ++s.datagrams;
  s.last = now();
}

void Host::PrefetchReceiveState() const {
  static_assert(sizeof(Host) <= Node::kPrefetchBytes, "links prefetch the whole host object");
  // Memberships and socket pointers are usually inside the object; the first socket is not.
  if (!sockets_.empty()) __builtin_prefetch(sockets_.front().get());
}

bool Host::AcceptsMulticastMac(const Interface& in, const wire::MacAddress& mac) const {
  const std::uint64_t key = mac.key();
  if (key == kAllSystemsMacKey) return true;
  for (const Membership& m : memberships_) {
    if (m.mac_key == key && m.interface == in.index()) return true;
  }
  return false;
}

void Host::Receive(Interface& in, const FramePtr& frame) {
  if (DeliverFromMemo(in, *frame)) return;
  IpNode::Receive(in, frame);
}

bool Host::DeliverFromMemo(const Interface& in, const Frame& frame) {
  const MulticastDemuxMemo& m = demux_memo_;
  if (m.epoch != state_epoch_ || m.interface != in.index()) return false;
  const wire::UdpDatagram* udp = frame.udp();  // decoded once per shared frame
  if (udp == nullptr || udp->header.destination_port != m.port) return false;
  const wire::Ipv4Packet& ip = *frame.ipv4();
  if (ip.header.destination != m.group || frame.ethernet()->header.destination.key() != m.mac_key) return false;
  // A connected socket takes only its peer's datagrams: the sender is part of the outcome.
  if (ip.header.source != m.source || udp->header.source_port != m.source_port) return false;
  if (HasProtocolHandler(wire::kIpProtoUdp)) return false;  // a handler would take it first
  for (UdpSocket* s : m.sockets) DeliverTo(*s, ip, udp->payload.size());
  ++demux_memo_.hits;
  demux_memo_.last_hit = now();
  return true;
}

void Host::ReceiveIp(Interface& in, const wire::Ipv4Packet& packet, wire::ByteSpan raw) {
  const wire::Ipv4Address dst = packet.header.destination;
  const bool accepted = dst.is_multicast() ? IsMember(in, dst)
                                           : (IsOwnAddress(dst) || dst.is_broadcast() ||
                                              (in.prefix() && dst.value() == (in.prefix()->network().value() | ~in.prefix()->mask())));
  if (!accepted) {
    mutable_ip_counters().not_for_us++;
    // A group whose MAC another joined group shares (32 groups per MAC, RFC 1112 §6.4).
    if (dst.is_multicast() && packet.header.protocol == wire::kIpProtoUdp && packet.payload.size() >= 4) {
      DropUdp(DropReason::kNotJoined, in, packet, wire::LoadU16(packet.payload, 2));
    }
    return;
  }
  if (wire::IsFragment(packet.header)) {
    ReceiveFragment(in, packet, raw);
    return;
  }
  DeliverLocally(in, packet, raw);
}

void Host::ReceiveFragment(Interface& in, const wire::Ipv4Packet& fragment, wire::ByteSpan raw) {
  const std::optional<wire::Bytes> whole = rare().reassembly.Add(fragment, raw, now());
  if (!whole) return;
  const auto packet = wire::ParseIpv4(*whole);
  if (packet) DeliverLocally(in, *packet, *whole);
}

void Host::DeliverLocally(Interface& in, const wire::Ipv4Packet& packet, wire::ByteSpan raw) {
  if (DispatchProtocol(in, packet)) return;
  switch (packet.header.protocol) {
    case wire::kIpProtoUdp: ReceiveUdp(in, packet, raw); break;
    case wire::kIpProtoIcmp:
      HandleIcmpEcho(in, packet);
      ReceiveIcmp(packet);
      break;
    default: break;
  }
}

void Host::ReceiveUdp(Interface& in, const wire::Ipv4Packet& packet, wire::ByteSpan raw) {
  // Receivers of one shared frame decode its UDP header once (see net/frame.h).
  const Frame* frame = rx_frame();
  if (frame == nullptr || frame->ipv4() != &packet) {  // looped back, or reassembled
    ReceiveLoopedUdp(in, packet, raw);
    return;
  }
  const wire::UdpDatagram* udp = frame->udp();
  if (udp == nullptr) {
    mutable_ip_counters().bad_frames++;
    DropUdp(DropReason::kBadChecksum, in, packet, 0);
    return;
  }
  DemuxUdp(in, packet, *udp, raw);
}

void Host::ReceiveLoopedUdp(Interface& in, const wire::Ipv4Packet& packet, wire::ByteSpan raw) {
  auto udp = wire::ParseUdp(packet.payload, packet.header.source, packet.header.destination);
  if (!udp) {
    mutable_ip_counters().bad_frames++;
    DropUdp(DropReason::kBadChecksum, in, packet, 0);
    return;
  }
  DemuxUdp(in, packet, *udp, raw);
}

void Host::DemuxUdp(Interface& in, const wire::Ipv4Packet& packet, const wire::UdpDatagram& udp,
                    wire::ByteSpan raw) {
  const wire::Ipv4Address dst = packet.header.destination;
  const std::uint16_t port = udp.header.destination_port;
  const std::size_t size = udp.payload.size();
  if (dst.is_multicast()) {
    boost::container::small_vector<UdpSocket*, 2> given;
    for (auto& s : sockets_) {
      if (s->port != port || !(s->bind == dst || s->bind.is_unspecified())) continue;
      if (s->peer && !FromPeer(*s->peer, packet, udp.header)) continue;  // Linux: multicast too
      DeliverTo(*s, packet, size);
      CountFlow(*s, dst, 1, now());
      given.push_back(s.get());
    }
    // Remembered for the next frame of this stream (see MulticastDemuxMemo); a looped-back
    // packet has no frame, and a datagram nobody took is not remembered.
    if (given.empty()) {
      DropUndelivered(in, packet, udp.header);
    } else if (const Frame* frame = rx_frame(); frame != nullptr && frame->udp() == &udp &&
                                                         (!rare_ || rare_->demux_memo_enabled)) {
      BankMemo();
      demux_memo_ = {state_epoch_,  in.index(), dst, packet.header.source, port, udp.header.source_port,
                     frame->ethernet()->header.destination.key(), std::move(given), 0, core::Time()};
    }
    return;
  }
  for (auto& s : sockets_) {
    if (s->port != port || !s->bind.is_unspecified()) continue;
    // A connected socket takes datagrams only from its peer.
    if (s->peer && !FromPeer(*s->peer, packet, udp.header)) continue;
    DeliverTo(*s, packet, size);
    CountFlow(*s, dst, 1, now());
    return;
  }
  DropUndelivered(in, packet, udp.header);
  if (dst.is_broadcast()) return;
  if (packet.header.source == kLoopback || IsOwnAddress(packet.header.source)) {
    // Sent to itself: the error comes back over the loopback device, never rate limited.
    NoteRefused(dst, udp.header.source_port, port);
  } else {
    SendPortUnreachable(in, packet, raw);
  }
}

void Host::DropUndelivered(Interface& in, const wire::Ipv4Packet& packet, const wire::UdpHeader& udp) {
  const wire::Ipv4Address dst = packet.header.destination;
  bool on_port = false, other_peer = false;
  for (const auto& s : sockets_) {
    if (s->port != udp.destination_port) continue;
    on_port = true;
    // Skipped for its bind (unicast skips a socket bound to a group), or because it is
    // connected to another peer (DemuxUdp).
    const bool bound_here = dst.is_multicast() ? (s->bind == dst || s->bind.is_unspecified()) : s->bind.is_unspecified();
    if (bound_here && s->peer) other_peer = true;
  }
  const DropReason reason = !on_port ? DropReason::kNoSocket
                            : other_peer ? DropReason::kOtherPeer
                                         : DropReason::kOtherGroup;
  DropUdp(reason, in, packet, udp.destination_port);
}

void Host::DropUdp(DropReason reason, const Interface& in, const wire::Ipv4Packet& packet, std::uint16_t port) {
  const DropKey key{reason, packet.header.source, packet.header.destination, in.index(), port};
  if (CountDrop(key)) TraceDrop(key);
}

void Host::OnMulticastFiltered(Interface& in, const Frame& frame) {
  // RFC 1112 §6.4: the NIC passes only the MACs of joined groups. Counted for UDP data only:
  // the IGMP reports of other members are not this host's business.
  const wire::UdpDatagram* udp = frame.udp();
  if (udp == nullptr) return;
  DropUdp(DropReason::kNotJoined, in, *frame.ipv4(), udp->header.destination_port);
}

void Host::DeliverTo(UdpSocket& s, const wire::Ipv4Packet& packet, std::size_t size) {
  TakePendingError(s, "recv");  // reported first; the datagram stays queued for the next call
  if (s.datagrams_received == 0) TraceFirstDatagram(s, packet);
  ++s.datagrams_received;
  s.bytes_received += size;
  ++datagrams_received_;
  if (!reception_observers_.empty()) NotifyReception(s, packet, size);
}

void Host::CountFlow(UdpSocket& s, wire::Ipv4Address destination, std::uint64_t n, core::Time last) {
  for (UdpFlow& f : s.flows) {
    if (f.destination == destination) {
      f.datagrams += n;
      f.last = std::max(f.last, last);
      return;
    }
  }
  s.flows.push_back(UdpFlow{destination, n, now(), last});
}

void Host::BankMemo() {
  if (demux_memo_.hits == 0) return;
  for (UdpSocket* s : demux_memo_.sockets) CountFlow(*s, demux_memo_.group, demux_memo_.hits, demux_memo_.last_hit);
  demux_memo_.hits = 0;
}

void Host::TraceFirstDatagram(const UdpSocket& s, const wire::Ipv4Packet& packet) {
  Trace("socket.first_datagram", {{"socket", s.name}, {"from", wire::ToString(packet.header.source)},
                                  {"to", wire::ToString(packet.header.destination)}});
}

void Host::NotifyReception(const UdpSocket& s, const wire::Ipv4Packet& packet, std::size_t size) {
  const Reception r{now(), s, packet.header.source, packet.header.destination, size};
  for (auto& o : reception_observers_) o(r);
}

void Host::ReceiveIcmp(const wire::Ipv4Packet& packet) {
  auto icmp = wire::ParseIcmp(packet.payload);
  if (!icmp) return;
  const auto* unreachable = std::get_if<wire::IcmpDestUnreachable>(&*icmp);
  if (unreachable == nullptr || unreachable->code != wire::kIcmpCodePortUnreachable) return;
  // The quote holds our original IP header and at least the first 8 bytes of its UDP header.
  const wire::ByteSpan quoted = unreachable->quoted;
  if (quoted.empty()) return;
  const std::size_t ihl = static_cast<std::size_t>(quoted[0] & 0x0f) * 4;
  if (quoted.size() < ihl + 8 || ihl < wire::kIpv4MinHeaderLen) return;
  const wire::Ipv4Address orig_dst(wire::LoadU32(quoted, wire::ipv4_field::kDestination));
  const std::uint16_t orig_sport = wire::LoadU16(quoted, ihl);
  const std::uint16_t orig_dport = wire::LoadU16(quoted, ihl + 2);
  NoteRefused(orig_dst, orig_sport, orig_dport);
}

void Host::NoteRefused(wire::Ipv4Address orig_dst, std::uint16_t orig_sport, std::uint16_t orig_dport) {
  for (auto& s : sockets_) {
    // Only a connected socket learns of the error (no IP_RECVERR here).
    if (s->peer && s->peer->address == orig_dst && s->peer->port == orig_dport && s->port == orig_sport) {
      s->pending_error = SocketError::kConnectionRefused;
      Trace("socket.icmp_error", {{"socket", s->name}, {"error", "ECONNREFUSED"}});
    }
  }
}

}  // namespace sim::net
