#include "sim/wire/udp.h"

#include "sim/wire/checksum.h"
#include "sim/wire/ipv4.h"

namespace sim::wire {
namespace {

constexpr std::size_t kMaxUdpLen = 0xffff;

// RFC 768: "Checksum is the 16-bit one's complement of the one's complement sum of a pseudo
// header of information from the IP header, the UDP header, and the data, padded with zero
// octets at the end (if necessary) to make a multiple of two octets." The pseudo header is
// source address, destination address, zero, protocol (17) and UDP length.
// `datagram` is exactly the UDP length; its checksum field is summed as it stands.
std::uint16_t PseudoHeaderChecksum(Ipv4Address source, Ipv4Address destination, ByteSpan datagram) {
  ChecksumAccumulator acc;
  acc.AddU32(source.value());
  acc.AddU32(destination.value());
  acc.AddU16(kIpProtoUdp);  // the zero octet, then the protocol octet
  acc.AddU16(static_cast<std::uint16_t>(datagram.size()));
  acc.Add(datagram);
  return acc.Finish();
}

}  // namespace

Expected<UdpDatagram> ParseUdp(ByteSpan bytes, Ipv4Address source, Ipv4Address destination) {
  if (bytes.size() < kUdpHeaderLen) {
    return ParseError{ParseErrorCode::kTruncated, bytes.size(), "udp header"};
  }
  // RFC 768: "Length is the length in octets of this user datagram including this header and
  // the data. (This means the minimum value of the length is eight.)"
  const std::size_t length = LoadU16(bytes, udp_field::kLength);
  if (length < kUdpHeaderLen) {
    return ParseError{ParseErrorCode::kBadLength, udp_field::kLength, "udp length"};
  }
  if (length > bytes.size()) {
    return ParseError{ParseErrorCode::kTruncated, bytes.size(), "udp length"};
  }
  const ByteSpan datagram = bytes.first(length);
  // RFC 768: "An all zero transmitted checksum value means that the transmitter generated no
  // checksum". Therefore: 0 is accepted unverified; anything else must sum to all ones.
  if (LoadU16(datagram, udp_field::kChecksum) != 0 &&
      PseudoHeaderChecksum(source, destination, datagram) != 0) {
    return ParseError{ParseErrorCode::kBadChecksum, udp_field::kChecksum, "udp checksum"};
  }
  UdpDatagram d;
  d.header.source_port = LoadU16(datagram, udp_field::kSourcePort);
  d.header.destination_port = LoadU16(datagram, udp_field::kDestinationPort);
  d.payload = datagram.subspan(udp_field::kPayload);
  return d;
}

std::size_t UdpLen(std::size_t payload_len) { return kUdpHeaderLen + payload_len; }

void EmitUdp(const UdpHeader& h, ByteSpan payload, Ipv4Address source, Ipv4Address destination,
             MutableByteSpan out) {
  ByteWriter w(out);
  w.Zeros(kUdpHeaderLen);  // rewritten below, once the payload is in place
  w.Put(payload);
  EmitUdpHeaderInPlace(h, source, destination, out.first(w.offset()));
}

void EmitUdpHeaderInPlace(const UdpHeader& h, Ipv4Address source, Ipv4Address destination,
                          MutableByteSpan datagram) {
  if (datagram.size() > kMaxUdpLen) throw std::length_error("udp datagram over 65535 bytes");
  ByteWriter w(datagram);
  w.U16(h.source_port);
  w.U16(h.destination_port);
  w.U16(static_cast<std::uint16_t>(datagram.size()));
  w.U16(0);  // checksum, summed as zero
  const std::uint16_t checksum = PseudoHeaderChecksum(source, destination, datagram);
  // RFC 768: "If the computed checksum is zero, it is transmitted as all ones (the equivalent
  // in one's complement arithmetic)", so that 0 keeps meaning "no checksum".
  StoreU16(datagram, udp_field::kChecksum, checksum == 0 ? 0xffff : checksum);
}

std::string ToString(const UdpHeader& h, std::size_t payload_len) {
  return "udp " + std::to_string(h.source_port) + " > " + std::to_string(h.destination_port) +
         " len " + std::to_string(payload_len);
}

}  // namespace sim::wire
