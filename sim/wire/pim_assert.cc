// PIM Assert (RFC 7761 §4.9.6): parse, emit, print.
#include "sim/wire/pim_assert.h"

#include <stdexcept>

namespace sim::wire {

std::uint32_t EncodeAssertPreference(bool rpt, std::uint32_t metric_preference) {
  if (metric_preference > kPimAssertPreferenceMax) {
    throw std::invalid_argument("pim assert metric preference over 31 bits");
  }
  return (rpt ? kPimAssertRptBit : 0) | metric_preference;
}

void DecodeAssertPreference(std::uint32_t word, PimAssert& a) {
  a.rpt = (word & kPimAssertRptBit) != 0;
  a.metric_preference = word & kPimAssertPreferenceMax;
}

Expected<PimAssert> ParsePimAssert(ByteSpan message) {
  ByteReader r(message);
  r.Skip(pim_assert_field::kGroup);
  if (!r.ok()) return ParseError{ParseErrorCode::kTruncated, r.failed_at(), "pim header"};
  PimAssert a;
  auto group = ReadEncodedGroup(r);
  if (!group) return group.error();
  a.group = *group;
  auto source = ReadEncodedUnicast(r);
  if (!source) return source.error();
  a.source = *source;
  DecodeAssertPreference(r.U32(), a);
  a.metric = r.U32();
  if (!r.ok()) return ParseError{ParseErrorCode::kTruncated, r.failed_at(), "pim assert metric"};
  if (r.remaining() != 0) {
    return ParseError{ParseErrorCode::kBadLength, r.offset(), "pim assert trailing bytes"};
  }
  return a;
}

std::size_t BufferLen(const PimAssert&) { return pim_assert_field::kEnd; }

void Emit(const PimAssert& a, MutableByteSpan out) {
  ByteWriter w(out);
  WritePimHeader(w, PimType::kAssert);
  WriteEncodedGroup(w, a.group);
  WriteEncodedUnicast(w, a.source);
  w.U32(EncodeAssertPreference(a.rpt, a.metric_preference));
  w.U32(a.metric);
  StorePimChecksum(PimType::kAssert, out.first(w.offset()));
}

std::string ToString(const PimAssert& a) {
  std::string s = "pim assert " + ToString(a.group) + " source " +
                  (a.source.is_unspecified() ? std::string("*") : ToString(a.source));
  if (a.rpt) s += " rpt";
  return s + " pref " + std::to_string(a.metric_preference) + " metric " + std::to_string(a.metric);
}

}  // namespace sim::wire
