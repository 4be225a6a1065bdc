#include "sim/wire/frame_builder.h"

#include "sim/wire/encode.h"
#include "sim/wire/ethernet.h"
#include "sim/wire/udp.h"

namespace sim::wire {

std::optional<MacAddress> DirectMacFor(Ipv4Address destination) {
  if (destination.is_multicast()) return MulticastMac(destination);
  if (destination.is_broadcast()) return kBroadcastMac;
  return std::nullopt;
}

Bytes BuildIpv4Frame(const MacAddress& source, const MacAddress& destination, const Ipv4Header& ip,
                     ByteSpan l4_payload) {
  const std::size_t ip_len = Ipv4HeaderLen(ip) + l4_payload.size();
  Bytes frame(EthernetFrameLen(ip_len), 0);
  EmitEthernetHeader({destination, source, kEtherTypeIpv4}, frame);
  EmitIpv4(ip, l4_payload, MutableByteSpan(frame).subspan(kEthernetHeaderLen, ip_len));
  return frame;
}

Bytes BuildArpFrame(const MacAddress& source, const MacAddress& destination, const ArpPacket& arp) {
  Bytes payload(BufferLen(arp));
  Emit(arp, payload);
  Bytes frame(EthernetFrameLen(payload.size()));
  EmitEthernet({destination, source, kEtherTypeArp}, payload, frame);
  return frame;
}

Bytes BuildFrame(const DecodedFrame& f) {
  if (const auto* arp = std::get_if<ArpPacket>(&f.l3)) {
    return BuildArpFrame(f.ethernet.source, f.ethernet.destination, *arp);
  }
  const auto& ip = std::get<DecodedIpv4>(f.l3);
  Bytes l4 = std::visit(
      [&ip](const auto& m) -> Bytes {
        using T = std::decay_t<decltype(m)>;
        if constexpr (std::is_same_v<T, DecodedUdp>) {
          Bytes out(UdpLen(m.payload.size()));
          EmitUdp(m.header, m.payload, ip.header.source, ip.header.destination, out);
          return out;
        } else if constexpr (std::is_same_v<T, std::monostate>) {
          return {};
        } else {
          return Encode(m);
        }
      },
      ip.l4);
  return BuildIpv4Frame(f.ethernet.source, f.ethernet.destination, ip.header, l4);
}

Ipv4Header ControlHeader(std::uint8_t protocol, Ipv4Address source, Ipv4Address destination) {
  Ipv4Header h;
  h.tos = kTosInternetControl;
  h.dont_fragment = true;
  h.ttl = 1;
  h.protocol = protocol;
  h.source = source;
  h.destination = destination;
  h.router_alert = protocol == kIpProtoIgmp;
  return h;
}

}  // namespace sim::wire
