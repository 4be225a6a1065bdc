// PIM Register and Register-Stop (RFC 7761 §4.9.3, §4.9.4): parse, emit, print.
#include "sim/wire/pim_register.h"

#include <optional>

#include "sim/wire/ipv4.h"

namespace sim::wire {
namespace {

// The inner packet's shape (see pim_register.h). Offsets are rebased onto the PIM message.
std::optional<ParseError> CheckInnerPacket(ByteSpan inner) {
  constexpr std::size_t kAt = pim_register_field::kInnerPacket;
  if (inner.size() < kIpv4MinHeaderLen) {
    return ParseError{ParseErrorCode::kTruncated, kAt + inner.size(), "pim register inner header"};
  }
  // RFC 7761 §4.9.3: the data packet "must be of the same address family as the encapsulating
  // PIM packet". Therefore: an IPv4 PIM message carries only IPv4 inside.
  if ((inner[ipv4_field::kVersionIhl] >> 4) != 4) {
    return ParseError{ParseErrorCode::kBadValue, kAt + ipv4_field::kVersionIhl,
                      "pim register inner version"};
  }
  const std::size_t header_len =
      static_cast<std::size_t>(inner[ipv4_field::kVersionIhl] & 0x0f) * 4;
  if (header_len < kIpv4MinHeaderLen) {
    return ParseError{ParseErrorCode::kBadLength, kAt + ipv4_field::kVersionIhl,
                      "pim register inner header length"};
  }
  const std::size_t total_len = LoadU16(inner, ipv4_field::kTotalLength);
  if (total_len > inner.size()) {
    return ParseError{ParseErrorCode::kTruncated, kAt + inner.size(),
                      "pim register inner total length"};
  }
  if (total_len < header_len || total_len != inner.size()) {
    return ParseError{ParseErrorCode::kBadLength, kAt + ipv4_field::kTotalLength,
                      "pim register inner total length"};
  }
  return std::nullopt;
}

}  // namespace

Expected<PimRegister> ParsePimRegister(ByteSpan message) {
  ByteReader r(message);
  r.Skip(pim_register_field::kFlags);
  const std::uint32_t flags = r.U32();
  if (!r.ok()) return ParseError{ParseErrorCode::kTruncated, r.failed_at(), "pim register flags"};
  const ByteSpan inner = r.Rest();
  if (auto e = CheckInnerPacket(inner)) return *e;
  PimRegister reg;
  reg.border = (flags & kPimRegisterBorderBit) != 0;
  reg.null_register = (flags & kPimRegisterNullBit) != 0;
  reg.inner_packet.assign(inner.begin(), inner.end());
  return reg;
}

Expected<PimRegisterStop> ParsePimRegisterStop(ByteSpan message) {
  ByteReader r(message);
  r.Skip(pim_register_stop_field::kGroup);
  if (!r.ok()) return ParseError{ParseErrorCode::kTruncated, r.failed_at(), "pim header"};
  auto group = ReadEncodedGroup(r);
  if (!group) return group.error();
  auto source = ReadEncodedUnicast(r);
  if (!source) return source.error();
  if (r.remaining() != 0) {
    return ParseError{ParseErrorCode::kBadLength, r.offset(), "pim register-stop trailing bytes"};
  }
  return PimRegisterStop{*group, *source};
}

std::size_t BufferLen(const PimRegister& r) {
  return pim_register_field::kInnerPacket + r.inner_packet.size();
}

std::size_t BufferLen(const PimRegisterStop&) { return pim_register_stop_field::kEnd; }

void Emit(const PimRegister& r, MutableByteSpan out) {
  ByteWriter w(out);
  WritePimHeader(w, PimType::kRegister);
  w.U32((r.border ? kPimRegisterBorderBit : 0) | (r.null_register ? kPimRegisterNullBit : 0));
  w.Put(r.inner_packet);
  StorePimChecksum(PimType::kRegister, out.first(w.offset()));
}

void Emit(const PimRegisterStop& r, MutableByteSpan out) {
  ByteWriter w(out);
  WritePimHeader(w, PimType::kRegisterStop);
  WriteEncodedGroup(w, r.group);
  WriteEncodedUnicast(w, r.source);
  StorePimChecksum(PimType::kRegisterStop, out.first(w.offset()));
}

std::string ToString(const PimRegister& r) {
  std::string s = "pim register";
  if (r.border) s += " border";
  if (r.null_register) s += " null";
  const std::string size = std::to_string(r.inner_packet.size()) + " bytes";
  auto inner = ParseIpv4(r.inner_packet);
  if (inner) return s + " inner " + ToString(inner->header) + " (" + size + ")";
  return s + " inner " + size;
}

std::string ToString(const PimRegisterStop& r) {
  return "pim register-stop " + ToString(r.group) + " source " +
         (r.source.is_unspecified() ? std::string("*") : ToString(r.source));
}

}  // namespace sim::wire
