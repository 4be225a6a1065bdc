// UDP (RFC 768) over IPv4, with the pseudo-header checksum.
//
// The parser takes the IP payload plus the addresses from the IP header, because the checksum
// covers a pseudo-header of source, destination, protocol and UDP length. The UDP length field
// decides where the payload ends; bytes after it are ignored. A checksum field of 0 means the
// sender computed none (RFC 768) and is accepted; any other value must verify.
#ifndef MCASTLAB_SIM_WIRE_UDP_H_
#define MCASTLAB_SIM_WIRE_UDP_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "sim/wire/bytes.h"
#include "sim/wire/ipv4_address.h"
#include "sim/wire/parse_error.h"

namespace sim::wire {

inline constexpr std::size_t kUdpHeaderLen = 8;

namespace udp_field {
inline constexpr std::size_t kSourcePort = 0;
inline constexpr std::size_t kDestinationPort = 2;
inline constexpr std::size_t kLength = 4;
inline constexpr std::size_t kChecksum = 6;
inline constexpr std::size_t kPayload = 8;
}  // namespace udp_field

struct UdpHeader {
  std::uint16_t source_port = 0;
  std::uint16_t destination_port = 0;
  friend bool operator==(const UdpHeader&, const UdpHeader&) = default;
};

struct UdpDatagram {
  UdpHeader header;
  ByteSpan payload;  // exactly length - 8 bytes
};

// `bytes` is the IP payload; `source` and `destination` come from the IP header.
Expected<UdpDatagram> ParseUdp(ByteSpan bytes, Ipv4Address source, Ipv4Address destination);

// kUdpHeaderLen + payload_len.
std::size_t UdpLen(std::size_t payload_len);

// Writes header, payload and checksum into out[0, UdpLen(payload.size())). A computed checksum
// of 0 is sent as 0xffff (RFC 768). Throws std::length_error when out is too small or the
// datagram would exceed 65535 bytes.
void EmitUdp(const UdpHeader& h, ByteSpan payload, Ipv4Address source, Ipv4Address destination,
             MutableByteSpan out);

// For the hot path: `datagram` is the whole datagram with its payload already in place at
// datagram[8..]; writes only the 8 header octets (length = datagram.size(), checksum included).
void EmitUdpHeaderInPlace(const UdpHeader& h, Ipv4Address source, Ipv4Address destination,
                          MutableByteSpan datagram);

// "udp 5000 > 5001 len 64", len being the payload length.
std::string ToString(const UdpHeader& h, std::size_t payload_len);

}  // namespace sim::wire

#endif  // MCASTLAB_SIM_WIRE_UDP_H_
