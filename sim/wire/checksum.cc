#include "sim/wire/checksum.h"

#include <bit>
#include <cstring>

namespace sim::wire {
namespace {

// Sums the 16-bit words of an even-length run in the machine's byte order, 8 bytes at a time.
// RFC 1071 §2(B): the one's-complement sum is byte-order independent, so the folded result
// only needs its two bytes swapped on a little-endian machine.
std::uint16_t FoldedNativeSum(const std::uint8_t* p, std::size_t n) {
  std::uint64_t sum = 0;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t v;
    std::memcpy(&v, p + i, 8);
    sum += (v & 0xffffffff) + (v >> 32);  // at most 2^33 per step: no overflow below 2^31 steps
  }
  for (; i + 2 <= n; i += 2) {
    std::uint16_t v;
    std::memcpy(&v, p + i, 2);
    sum += v;
  }
  while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
  auto folded = static_cast<std::uint16_t>(sum);
  if constexpr (std::endian::native == std::endian::little) {
    folded = static_cast<std::uint16_t>((folded << 8) | (folded >> 8));
  }
  return folded;
}

}  // namespace

void ChecksumAccumulator::Add(ByteSpan bytes) {
  const std::size_t even = bytes.size() & ~std::size_t{1};
  sum_ += FoldedNativeSum(bytes.data(), even);
  if (even < bytes.size()) sum_ += static_cast<std::uint64_t>(bytes[even]) << 8;
}

std::uint16_t ChecksumAccumulator::Finish() const {
  std::uint64_t s = sum_;
  while (s >> 16) s = (s & 0xffff) + (s >> 16);
  return static_cast<std::uint16_t>(~s);
}

}  // namespace sim::wire
