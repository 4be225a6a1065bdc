#include "sim/wire/ipv4.h"

#include "sim/wire/checksum.h"

namespace sim::wire {
namespace {

constexpr std::uint16_t kFlagDontFragment = 0x4000;
constexpr std::uint16_t kFlagMoreFragments = 0x2000;
constexpr std::uint16_t kFragmentOffsetMask = 0x1fff;

// Walks the option list (RFC 791 §3.1): single-octet EOL/NOP, else type-length-value.
Expected<bool> ParseOptions(ByteSpan options) {
  bool router_alert = false;
  std::size_t i = 0;
  while (i < options.size()) {
    const std::uint8_t type = options[i];
    const std::size_t at = kIpv4MinHeaderLen + i;
    if (type == ipv4_option::kEndOfList) break;
    if (type == ipv4_option::kNop) {
      ++i;
      continue;
    }
    if (i + 1 >= options.size()) return ParseError{ParseErrorCode::kTruncated, at, "ipv4 option"};
    const std::size_t len = options[i + 1];
    if (len < 2 || i + len > options.size()) {
      return ParseError{ParseErrorCode::kBadLength, at + 1, "ipv4 option length"};
    }
    if (type == ipv4_option::kRouterAlert) {
      if (len != 4) return ParseError{ParseErrorCode::kBadLength, at + 1, "router alert length"};
      router_alert = true;  // RFC 2113: any value asks routers to look; 0 is the only one defined
    }
    i += len;
  }
  return router_alert;
}

}  // namespace

Expected<Ipv4Packet> ParseIpv4(ByteSpan bytes) {
  using ipv4_field::kTotalLength;
  if (bytes.size() < kIpv4MinHeaderLen) {
    return ParseError{ParseErrorCode::kTruncated, bytes.size(), "ipv4 header"};
  }
  if ((bytes[0] >> 4) != 4) return ParseError{ParseErrorCode::kBadVersion, 0, "ipv4 version"};
  const std::size_t header_len = static_cast<std::size_t>(bytes[0] & 0x0f) * 4;
  if (header_len < kIpv4MinHeaderLen) {
    return ParseError{ParseErrorCode::kBadLength, 0, "ipv4 header length"};
  }
  if (bytes.size() < header_len) {
    return ParseError{ParseErrorCode::kTruncated, bytes.size(), "ipv4 options"};
  }
  const std::size_t total_len = LoadU16(bytes, kTotalLength);
  if (total_len < header_len) {
    return ParseError{ParseErrorCode::kBadLength, kTotalLength, "ipv4 total length"};
  }
  if (total_len > bytes.size()) {
    return ParseError{ParseErrorCode::kTruncated, bytes.size(), "ipv4 total length"};
  }
  if (!ChecksumVerifies(bytes.first(header_len))) {
    return ParseError{ParseErrorCode::kBadChecksum, ipv4_field::kChecksum, "ipv4 header checksum"};
  }
  auto router_alert = ParseOptions(bytes.subspan(kIpv4MinHeaderLen, header_len - kIpv4MinHeaderLen));
  if (!router_alert) return router_alert.error();

  Ipv4Packet p;
  Ipv4Header& h = p.header;
  h.tos = bytes[ipv4_field::kTos];
  h.identification = LoadU16(bytes, ipv4_field::kIdentification);
  const std::uint16_t flags = LoadU16(bytes, ipv4_field::kFlagsFragment);
  h.dont_fragment = (flags & kFlagDontFragment) != 0;
  h.more_fragments = (flags & kFlagMoreFragments) != 0;
  h.fragment_offset = flags & kFragmentOffsetMask;
  h.ttl = bytes[ipv4_field::kTtl];
  h.protocol = bytes[ipv4_field::kProtocol];
  h.source = Ipv4Address(LoadU32(bytes, ipv4_field::kSource));
  h.destination = Ipv4Address(LoadU32(bytes, ipv4_field::kDestination));
  h.router_alert = *router_alert;
  p.header_len = header_len;
  p.payload = bytes.subspan(header_len, total_len - header_len);
  return p;
}

std::size_t Ipv4HeaderLen(const Ipv4Header& h) { return kIpv4MinHeaderLen + (h.router_alert ? 4 : 0); }

void EmitIpv4Header(const Ipv4Header& h, std::size_t payload_len, MutableByteSpan out) {
  const std::size_t header_len = Ipv4HeaderLen(h);
  const std::size_t total_len = header_len + payload_len;
  if (total_len > 0xffff) throw std::length_error("ipv4 packet over 65535 bytes");
  ByteWriter w(out);
  w.U8(static_cast<std::uint8_t>(0x40 | (header_len / 4)));
  w.U8(h.tos);
  w.U16(static_cast<std::uint16_t>(total_len));
  w.U16(h.identification);
  w.U16(static_cast<std::uint16_t>((h.dont_fragment ? kFlagDontFragment : 0) |
                                   (h.more_fragments ? kFlagMoreFragments : 0) |
                                   (h.fragment_offset & kFragmentOffsetMask)));
  w.U8(h.ttl);
  w.U8(h.protocol);
  w.U16(0);  // checksum, filled in below
  w.U32(h.source.value());
  w.U32(h.destination.value());
  if (h.router_alert) {
    w.U8(ipv4_option::kRouterAlert);
    w.U8(4);
    w.U16(0);
  }
  StoreU16(out, ipv4_field::kChecksum, InternetChecksum(out.first(header_len)));
}

void EmitIpv4(const Ipv4Header& h, ByteSpan payload, MutableByteSpan out) {
  EmitIpv4Header(h, payload.size(), out);
  ByteWriter(out.subspan(Ipv4HeaderLen(h))).Put(payload);
}

void DecrementTtlInPlace(MutableByteSpan header) {
  const std::uint16_t old_word = LoadU16(header, ipv4_field::kTtl);
  header[ipv4_field::kTtl] = static_cast<std::uint8_t>(header[ipv4_field::kTtl] - 1);
  const std::uint16_t new_word = LoadU16(header, ipv4_field::kTtl);
  // RFC 1624 eqn. 3: HC' = ~(~HC + ~m + m')
  std::uint32_t sum = static_cast<std::uint16_t>(~LoadU16(header, ipv4_field::kChecksum));
  sum += static_cast<std::uint16_t>(~old_word);
  sum += new_word;
  while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
  StoreU16(header, ipv4_field::kChecksum, static_cast<std::uint16_t>(~sum));
}

std::string ToString(const Ipv4Header& h) {
  std::string s = "ip " + ToString(h.source) + " > " + ToString(h.destination) +
                  " proto " + std::to_string(h.protocol) + " ttl " + std::to_string(h.ttl);
  if (h.router_alert) s += " ra";
  if (h.more_fragments || h.fragment_offset != 0) {
    s += " frag id " + std::to_string(h.identification) + " off " + std::to_string(h.fragment_offset * 8);
    if (h.more_fragments) s += " mf";
  }
  return s;
}

}  // namespace sim::wire
