// The Internet checksum against a plain 16-bit one's-complement sum (RFC 1071 §4.1's loop), on
// every length up to a jumbo frame and on the buffers whose folding is delicate.
#include "sim/wire/checksum.h"

#include <gtest/gtest.h>

#include <random>

namespace sim::wire {
namespace {

std::uint16_t ReferenceChecksum(ByteSpan b) {
  std::uint64_t sum = 0;
  for (std::size_t i = 0; i + 1 < b.size(); i += 2) sum += static_cast<std::uint64_t>(b[i] << 8 | b[i + 1]);
  if (b.size() % 2 != 0) sum += static_cast<std::uint64_t>(b.back()) << 8;
  while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
  return static_cast<std::uint16_t>(~sum);
}

TEST(InternetChecksum, MatchesTheReferenceOnEveryLength) {
  std::mt19937_64 random(7);
  for (std::size_t n = 0; n <= 2100; ++n) {
    Bytes b(n);
    for (auto& x : b) x = static_cast<std::uint8_t>(random());
    ASSERT_EQ(InternetChecksum(b), ReferenceChecksum(b)) << n;
  }
}

TEST(InternetChecksum, FoldsCarriesOfAllOnesAndZeros) {
  for (std::size_t n : {0u, 1u, 2u, 8u, 31u, 32u, 33u, 64u, 1008u, 65535u}) {
    const Bytes ones(n, 0xff);
    const Bytes zeros(n, 0x00);
    EXPECT_EQ(InternetChecksum(ones), ReferenceChecksum(ones)) << n;
    EXPECT_EQ(InternetChecksum(zeros), 0xffff) << n;
  }
}

}  // namespace
}  // namespace sim::wire
