#include "sim/wire/ethernet.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace sim::wire {
namespace {

MacAddress MacAt(ByteSpan b, std::size_t at) {
  std::array<std::uint8_t, 6> o;
  std::memcpy(o.data(), b.data() + at, 6);
  return MacAddress(o);
}

}  // namespace

Expected<EthernetFrame> ParseEthernet(ByteSpan bytes) {
  if (bytes.size() < kEthernetHeaderLen) {
    return ParseError{ParseErrorCode::kTruncated, bytes.size(), "ethernet header"};
  }
  EthernetFrame f;
  f.header.destination = MacAt(bytes, ethernet_field::kDestination);
  f.header.source = MacAt(bytes, ethernet_field::kSource);
  f.header.ethertype = LoadU16(bytes, ethernet_field::kEtherType);
  f.payload = bytes.subspan(kEthernetHeaderLen);
  return f;
}

std::size_t EthernetFrameLen(std::size_t payload_len) {
  return std::max(kEthernetHeaderLen + payload_len, kEthernetMinFrameLen);
}

void EmitEthernetHeader(const EthernetHeader& header, MutableByteSpan out) {
  ByteWriter w(out);
  w.Put(header.destination.octets());
  w.Put(header.source.octets());
  w.U16(header.ethertype);
}

void EmitEthernet(const EthernetHeader& header, ByteSpan payload, MutableByteSpan out) {
  EmitEthernetHeader(header, out);
  ByteWriter w(out.subspan(kEthernetHeaderLen));
  w.Put(payload);
  const std::size_t total = EthernetFrameLen(payload.size());
  w.Zeros(total - kEthernetHeaderLen - payload.size());
}

std::string ToString(const EthernetHeader& h) {
  char type[8];
  std::snprintf(type, sizeof type, "0x%04x", h.ethertype);
  return "eth " + ToString(h.source) + " > " + ToString(h.destination) + " type " + type;
}

}  // namespace sim::wire
