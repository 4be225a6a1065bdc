#include "sim/wire/ethernet.h"

#include <algorithm>
#include <cstdio>

namespace sim::wire {
namespace {

MacAddress ReadMac(ByteReader& r) {
  std::array<std::uint8_t, 6> o{};
  for (auto& b : o) b = r.U8();
  return MacAddress(o);
}

}  // namespace

Expected<EthernetFrame> ParseEthernet(ByteSpan bytes) {
  ByteReader r(bytes);
  EthernetFrame f;
  f.header.destination = ReadMac(r);
  f.header.source = ReadMac(r);
  f.header.ethertype = r.U16();
  if (!r.ok()) return ParseError{ParseErrorCode::kTruncated, r.failed_at(), "ethernet header"};
  f.payload = r.Rest();
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
