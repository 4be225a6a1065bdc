// ICMP for IPv4 (RFC 792): echo request and reply, and destination unreachable.
//
// The checksum covers the whole ICMP message, which is the whole IP payload (ICMP carries no
// length of its own). Echo messages keep their identifier, sequence number and data; a
// destination unreachable keeps its code and the quoted bytes of the offending datagram (its
// IP header and the start of its payload). Other types are rejected as unsupported.
#ifndef MCASTLAB_SIM_WIRE_ICMP_H_
#define MCASTLAB_SIM_WIRE_ICMP_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>

#include "sim/wire/bytes.h"
#include "sim/wire/parse_error.h"

namespace sim::wire {

inline constexpr std::size_t kIcmpHeaderLen = 8;
// The most an ICMP error may take, IP header included (RFC 1812 §4.3.2.3; Linux's limit).
inline constexpr std::size_t kIcmpErrorMaxLen = 576;

inline constexpr std::uint8_t kIcmpTypeEchoReply = 0;
inline constexpr std::uint8_t kIcmpTypeDestUnreachable = 3;
inline constexpr std::uint8_t kIcmpTypeEchoRequest = 8;

inline constexpr std::uint8_t kIcmpCodePortUnreachable = 3;
// RFC 792 defines codes 0..5; RFC 1122 §3.2.2.1 and RFC 1812 §5.2.7.1 extend them to 15.
inline constexpr std::uint8_t kIcmpMaxDestUnreachableCode = 15;

namespace icmp_field {
inline constexpr std::size_t kType = 0;
inline constexpr std::size_t kCode = 1;
inline constexpr std::size_t kChecksum = 2;
inline constexpr std::size_t kIdentifier = 4;  // echo
inline constexpr std::size_t kSequence = 6;    // echo
inline constexpr std::size_t kUnused = 4;      // destination unreachable, 4 octets
inline constexpr std::size_t kData = 8;        // echo data, or the quoted datagram
}  // namespace icmp_field

struct IcmpEcho {
  bool reply = false;  // type 0 when true, type 8 when false
  std::uint16_t identifier = 0;
  std::uint16_t sequence = 0;
  Bytes data;
  friend bool operator==(const IcmpEcho&, const IcmpEcho&) = default;
};

struct IcmpDestUnreachable {
  std::uint8_t code = kIcmpCodePortUnreachable;
  Bytes quoted;  // the original IP header and the leading bytes of its payload
  friend bool operator==(const IcmpDestUnreachable&, const IcmpDestUnreachable&) = default;
};

using IcmpMessage = std::variant<IcmpEcho, IcmpDestUnreachable>;

// `bytes` is the IP payload.
Expected<IcmpMessage> ParseIcmp(ByteSpan bytes);
std::size_t BufferLen(const IcmpMessage& m);
void Emit(const IcmpMessage& m, MutableByteSpan out);

// "icmp echo request id 4660 seq 1 len 8", "icmp unreachable port quoted 28"
std::string ToString(const IcmpMessage& m);

// The port-unreachable answer to `offending_ip_packet`: quotes its IP header (IHL words) plus
// up to `max_payload_bytes` of the payload, never beyond its total length or the span. RFC 792
// asks for 8 payload bytes; Linux quotes as much as fits in 576 octets, which the caller gets
// by passing 576 - 20 - 8 - header length. A malformed packet is quoted as far as it goes.
IcmpDestUnreachable MakePortUnreachable(ByteSpan offending_ip_packet,
                                        std::size_t max_payload_bytes = 8);
// The answer Linux sends: as much of the datagram as fits in a kIcmpErrorMaxLen-byte error
// (548 bytes of quote behind a 20-byte IP header and the 8-byte ICMP header).
IcmpDestUnreachable MakePortUnreachableUpTo576(ByteSpan offending_ip_packet);

}  // namespace sim::wire

#endif  // MCASTLAB_SIM_WIRE_ICMP_H_
