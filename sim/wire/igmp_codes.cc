#include "sim/wire/igmp_codes.h"

#include <bit>

namespace sim::wire {
namespace {

constexpr std::int64_t kFloatThreshold = 128;  // RFC 3376 §4.1.1: "If Max Resp Code >= 128"
constexpr std::uint8_t kFloatFlag = 0x80;
constexpr std::uint8_t kMantissaMask = 0x0f;
constexpr std::uint8_t kExponentMask = 0x07;
constexpr int kExponentShift = 4;
constexpr std::uint32_t kHiddenBit = 0x10;  // "(mant | 0x10)"
constexpr int kExponentBias = 3;            // "<< (exp + 3)"

// The shared format, in whole units of the caller's choosing.
std::int64_t DecodeUnits(std::uint8_t code) {
  if (code < kFloatThreshold) return code;
  const std::uint32_t mant = code & kMantissaMask;
  const int exp = (code >> kExponentShift) & kExponentMask;
  return static_cast<std::int64_t>((mant | kHiddenBit) << (exp + kExponentBias));
}

// Largest code whose value is <= units.
std::uint8_t EncodeUnits(std::int64_t units) {
  if (units <= 0) return 0;
  if (units < kFloatThreshold) return static_cast<std::uint8_t>(units);
  if (units >= kIgmpMaxCodedUnits) return 0xff;
  // units is in [128, 31744), so its top set bit is bit 7..14; that bit becomes the hidden
  // 0x10 of the mantissa, and the 4 bits under it the stored mantissa (the rest drops: floor).
  const auto u = static_cast<std::uint32_t>(units);
  const int exp = std::bit_width(u) - 8;
  const std::uint32_t mant = (u >> (exp + kExponentBias)) & kMantissaMask;
  return static_cast<std::uint8_t>(kFloatFlag | (exp << kExponentShift) | mant);
}

}  // namespace

std::uint8_t EncodeMaxRespCode(core::Duration t) { return EncodeUnits(t / core::Deciseconds(1)); }

core::Duration DecodeMaxRespCode(std::uint8_t code) { return core::Deciseconds(DecodeUnits(code)); }

std::uint8_t EncodeQqic(core::Duration t) { return EncodeUnits(t / core::Seconds(1)); }

core::Duration DecodeQqic(std::uint8_t code) { return core::Seconds(DecodeUnits(code)); }

}  // namespace sim::wire
