#include "sim/wire/checksum.h"

#include <bit>
#include <cstring>

namespace sim::wire {
namespace {

__extension__ typedef unsigned __int128 Wide;  // GCC's 128-bit integer: add-with-carry in C++

// Sums the 16-bit words of an even-length run in the machine's byte order. RFC 1071 §2(B):
// the one's-complement sum is byte-order independent, so the folded result only needs its two
// bytes swapped on a little-endian machine; and §2(C): it may be computed on wider words, since
// 2^32 and 2^64 are 1 modulo 2^16 - 1, carries folded back in. So 64-bit words are added into a
// 128-bit total (two instructions a word, four words a step), and the carries above bit 64
// folded in at the end.
std::uint16_t FoldedNativeSum(const std::uint8_t* p, std::size_t n) {
  Wide wide = 0;
  std::size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    std::uint64_t a, b, c, d;
    std::memcpy(&a, p + i, 8);
    std::memcpy(&b, p + i + 8, 8);
    std::memcpy(&c, p + i + 16, 8);
    std::memcpy(&d, p + i + 24, 8);
    wide += a;
    wide += b;
    wide += c;
    wide += d;
  }
  for (; i + 8 <= n; i += 8) {
    std::uint64_t v;
    std::memcpy(&v, p + i, 8);
    wide += v;
  }
  const auto low = static_cast<std::uint64_t>(wide);
  const auto carries = static_cast<std::uint64_t>(wide >> 64);
  std::uint64_t folded64 = low + carries;
  if (folded64 < low) ++folded64;  // end-around carry
  std::uint64_t sum = (folded64 & 0xffffffff) + (folded64 >> 32);
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
