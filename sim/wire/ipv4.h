// IPv4 headers (RFC 791) with the Router Alert option (RFC 2113) and the header checksum.
//
// Parsing validates version, IHL, total length, the option list's structure and the header
// checksum; the payload is cut at the total length, so Ethernet padding never leaks into it.
// Options other than Router Alert are checked for shape and otherwise ignored.
#ifndef MCASTLAB_SIM_WIRE_IPV4_H_
#define MCASTLAB_SIM_WIRE_IPV4_H_

#include <cstdint>
#include <string>

#include "sim/wire/bytes.h"
#include "sim/wire/ipv4_address.h"
#include "sim/wire/parse_error.h"

namespace sim::wire {

inline constexpr std::uint8_t kIpProtoIcmp = 1;
inline constexpr std::uint8_t kIpProtoIgmp = 2;
inline constexpr std::uint8_t kIpProtoUdp = 17;
inline constexpr std::uint8_t kIpProtoPim = 103;

inline constexpr std::size_t kIpv4MinHeaderLen = 20;
inline constexpr std::uint8_t kTosInternetControl = 0xc0;  // precedence 6, as Linux marks IGMP/PIM

namespace ipv4_field {
inline constexpr std::size_t kVersionIhl = 0;
inline constexpr std::size_t kTos = 1;
inline constexpr std::size_t kTotalLength = 2;
inline constexpr std::size_t kIdentification = 4;
inline constexpr std::size_t kFlagsFragment = 6;
inline constexpr std::size_t kTtl = 8;
inline constexpr std::size_t kProtocol = 9;
inline constexpr std::size_t kChecksum = 10;
inline constexpr std::size_t kSource = 12;
inline constexpr std::size_t kDestination = 16;
inline constexpr std::size_t kOptions = 20;
}  // namespace ipv4_field

namespace ipv4_option {
inline constexpr std::uint8_t kEndOfList = 0;
inline constexpr std::uint8_t kNop = 1;
inline constexpr std::uint8_t kRouterAlert = 148;  // copied flag + class 0 + number 20
}  // namespace ipv4_option

struct Ipv4Header {
  std::uint8_t tos = 0;
  std::uint16_t identification = 0;
  bool dont_fragment = false;
  bool more_fragments = false;
  std::uint16_t fragment_offset = 0;  // in 8-byte units
  std::uint8_t ttl = 64;
  std::uint8_t protocol = 0;
  Ipv4Address source;
  Ipv4Address destination;
  bool router_alert = false;  // RFC 2113 option with value 0: "router shall examine packet"
  friend bool operator==(const Ipv4Header&, const Ipv4Header&) = default;
};

struct Ipv4Packet {
  Ipv4Header header;
  std::size_t header_len = kIpv4MinHeaderLen;
  ByteSpan payload;  // exactly total_length - header_len bytes
};

Expected<Ipv4Packet> ParseIpv4(ByteSpan bytes);

// 20, or 24 with Router Alert.
std::size_t Ipv4HeaderLen(const Ipv4Header& h);
// Writes the header for a payload of `payload_len` bytes, checksum included.
void EmitIpv4Header(const Ipv4Header& h, std::size_t payload_len, MutableByteSpan out);
// Header and payload in one buffer of Ipv4HeaderLen(h) + payload.size() bytes.
void EmitIpv4(const Ipv4Header& h, ByteSpan payload, MutableByteSpan out);

// Forwarding: decrements the TTL of an encoded header in place and patches the checksum
// incrementally (RFC 1624), without re-encoding the packet.
void DecrementTtlInPlace(MutableByteSpan ipv4_header);

std::string ToString(const Ipv4Header& h);

}  // namespace sim::wire

#endif  // MCASTLAB_SIM_WIRE_IPV4_H_
