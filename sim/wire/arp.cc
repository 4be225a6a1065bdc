#include "sim/wire/arp.h"

#include <array>
#include <optional>

#include "sim/wire/ethernet.h"

namespace sim::wire {
namespace {

constexpr std::uint8_t kMacLen = 6;
constexpr std::uint8_t kIpv4Len = 4;

MacAddress ReadMac(ByteReader& r) {
  std::array<std::uint8_t, 6> o{};
  for (auto& b : o) b = r.U8();
  return MacAddress(o);
}

// RFC 826, "Packet Reception": a receiver checks ar$hrd, ar$pro and the lengths it speaks and
// otherwise discards the packet. Therefore: anything but Ethernet/IPv4 is an error here.
std::optional<ParseError> CheckFixedPart(ByteSpan bytes) {
  if (LoadU16(bytes, arp_field::kHardwareType) != kArpHardwareEthernet) {
    return ParseError{ParseErrorCode::kBadValue, arp_field::kHardwareType, "arp hardware type"};
  }
  if (LoadU16(bytes, arp_field::kProtocolType) != kEtherTypeIpv4) {
    return ParseError{ParseErrorCode::kBadValue, arp_field::kProtocolType, "arp protocol type"};
  }
  if (bytes[arp_field::kHardwareLength] != kMacLen) {
    return ParseError{ParseErrorCode::kBadValue, arp_field::kHardwareLength, "arp hardware length"};
  }
  if (bytes[arp_field::kProtocolLength] != kIpv4Len) {
    return ParseError{ParseErrorCode::kBadValue, arp_field::kProtocolLength, "arp protocol length"};
  }
  const std::uint16_t op = LoadU16(bytes, arp_field::kOperation);
  if (op != static_cast<std::uint16_t>(ArpOperation::kRequest) &&
      op != static_cast<std::uint16_t>(ArpOperation::kReply)) {
    return ParseError{ParseErrorCode::kBadValue, arp_field::kOperation, "arp operation"};
  }
  return std::nullopt;
}

}  // namespace

Expected<ArpPacket> ParseArp(ByteSpan bytes) {
  if (bytes.size() < kArpPacketLen) {
    return ParseError{ParseErrorCode::kTruncated, bytes.size(), "arp packet"};
  }
  if (auto error = CheckFixedPart(bytes)) return *error;
  ByteReader r(bytes.first(kArpPacketLen));
  r.Skip(arp_field::kOperation);
  ArpPacket p;
  p.operation = static_cast<ArpOperation>(r.U16());
  p.sender_mac = ReadMac(r);
  p.sender_ip = Ipv4Address(r.U32());
  p.target_mac = ReadMac(r);
  p.target_ip = Ipv4Address(r.U32());
  return p;  // trailing bytes are Ethernet padding, not ours
}

std::size_t BufferLen(const ArpPacket&) { return kArpPacketLen; }

void Emit(const ArpPacket& p, MutableByteSpan out) {
  ByteWriter w(out);
  w.U16(kArpHardwareEthernet);
  w.U16(kEtherTypeIpv4);
  w.U8(kMacLen);
  w.U8(kIpv4Len);
  w.U16(static_cast<std::uint16_t>(p.operation));
  w.Put(p.sender_mac.octets());
  w.U32(p.sender_ip.value());
  w.Put(p.target_mac.octets());
  w.U32(p.target_ip.value());
}

std::string ToString(const ArpPacket& p) {
  switch (p.operation) {
    case ArpOperation::kRequest:
      return "arp who-has " + ToString(p.target_ip) + " tell " + ToString(p.sender_ip);
    case ArpOperation::kReply:
      return "arp " + ToString(p.sender_ip) + " is-at " + ToString(p.sender_mac);
  }
  return "arp op " + std::to_string(static_cast<int>(p.operation));
}

}  // namespace sim::wire
