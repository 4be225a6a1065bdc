#include "sim/wire/frame_decoder.h"

#include "sim/wire/ipv4_fragment.h"

namespace sim::wire {
namespace {

ParseError Shifted(ParseError e, std::size_t by) {
  e.offset += by;
  return e;
}

Expected<DecodedL4> DecodeL4(const Ipv4Packet& ip, std::size_t at) {
  // A fragment holds part of a message: only the reassembled packet can be decoded.
  if (IsFragment(ip.header)) return DecodedL4();
  switch (ip.header.protocol) {
    case kIpProtoIgmp: {
      auto m = ParseIgmp(ip.payload);
      if (!m) return Shifted(m.error(), at);
      return DecodedL4(std::move(m).value());
    }
    case kIpProtoPim: {
      auto m = ParsePim(ip.payload);
      if (!m) return Shifted(m.error(), at);
      return DecodedL4(std::move(m).value());
    }
    case kIpProtoIcmp: {
      auto m = ParseIcmp(ip.payload);
      if (!m) return Shifted(m.error(), at);
      return DecodedL4(std::move(m).value());
    }
    case kIpProtoUdp: {
      auto d = ParseUdp(ip.payload, ip.header.source, ip.header.destination);
      if (!d) return Shifted(d.error(), at);
      return DecodedL4(DecodedUdp{d->header, d->payload});
    }
    default:
      return DecodedL4();
  }
}

struct L4Printer {
  std::size_t ip_payload_len;
  std::string operator()(std::monostate) const { return "ip payload " + std::to_string(ip_payload_len) + " bytes"; }
  std::string operator()(const IgmpMessage& m) const { return ToString(m); }
  std::string operator()(const PimMessage& m) const { return ToString(m); }
  std::string operator()(const IcmpMessage& m) const { return ToString(m); }
  std::string operator()(const DecodedUdp& u) const { return ToString(u.header, u.payload.size()); }
};

}  // namespace

Expected<DecodedFrame> DecodeFrame(ByteSpan frame) {
  auto eth = ParseEthernet(frame);
  if (!eth) return eth.error();
  DecodedFrame out;
  out.ethernet = eth->header;
  if (eth->header.ethertype == kEtherTypeArp) {
    auto arp = ParseArp(eth->payload);
    if (!arp) return Shifted(arp.error(), kEthernetHeaderLen);
    out.l3 = *arp;
  } else if (eth->header.ethertype == kEtherTypeIpv4) {
    auto ip = ParseIpv4(eth->payload);
    if (!ip) return Shifted(ip.error(), kEthernetHeaderLen);
    auto l4 = DecodeL4(*ip, kEthernetHeaderLen + ip->header_len);
    if (!l4) return l4.error();
    out.l3 = DecodedIpv4{ip->header, ip->payload.size(), std::move(l4).value()};
  }
  return out;
}

std::string ToString(const DecodedFrame& f) {
  if (const auto* arp = std::get_if<ArpPacket>(&f.l3)) return ToString(*arp);
  if (const auto* ip = std::get_if<DecodedIpv4>(&f.l3)) {
    return std::visit(L4Printer{ip->payload_len}, ip->l4) + " | " + ToString(ip->header);
  }
  return ToString(f.ethernet);
}

}  // namespace sim::wire
