// PIM Assert (RFC 7761 §4.9.6): group, source (in an Assert(*,G), 0.0.0.0 or the source of the
// datagram that triggered it), the RPT bit, the 31-bit metric preference and the 32-bit metric.
// The R bit is the top bit of the word that holds the preference.
#ifndef MCASTLAB_SIM_WIRE_PIM_ASSERT_H_
#define MCASTLAB_SIM_WIRE_PIM_ASSERT_H_

#include <cstdint>
#include <string>

#include "sim/wire/bytes.h"
#include "sim/wire/ipv4_address.h"
#include "sim/wire/parse_error.h"
#include "sim/wire/pim_common.h"

namespace sim::wire {

namespace pim_assert_field {
inline constexpr std::size_t kGroup = 4;           // Encoded-Group
inline constexpr std::size_t kSource = 12;         // Encoded-Unicast
inline constexpr std::size_t kRptPreference = 18;  // R(1) | Metric Preference(31)
inline constexpr std::size_t kMetric = 22;
inline constexpr std::size_t kEnd = 26;
}  // namespace pim_assert_field

inline constexpr std::uint32_t kPimAssertRptBit = 0x80000000;
inline constexpr std::uint32_t kPimAssertPreferenceMax = 0x7fffffff;

struct PimAssert {
  EncodedGroup group;
  Ipv4Address source;  // Assert(*,G): 0.0.0.0, or the triggering datagram's source
  bool rpt = false;
  std::uint32_t metric_preference = 0;  // 31 bits
  std::uint32_t metric = 0;
  friend bool operator==(const PimAssert&, const PimAssert&) = default;
};

// The R | Metric Preference word. Encoding throws std::invalid_argument for a preference
// over 31 bits.
std::uint32_t EncodeAssertPreference(bool rpt, std::uint32_t metric_preference);
// Splits the word into `rpt` and `metric_preference` of `a`.
void DecodeAssertPreference(std::uint32_t word, PimAssert& a);

// `message` is the whole PIM message; ParsePim has checked its common header and checks the
// checksum. Offsets in errors count from the start of `message`.
Expected<PimAssert> ParsePimAssert(ByteSpan message);
std::size_t BufferLen(const PimAssert& a);
void Emit(const PimAssert& a, MutableByteSpan out);
// "pim assert 239.1.1.1/32 source 10.0.0.5 pref 110 metric 20" ("source *", " rpt" before pref)
std::string ToString(const PimAssert& a);

}  // namespace sim::wire

#endif  // MCASTLAB_SIM_WIRE_PIM_ASSERT_H_
