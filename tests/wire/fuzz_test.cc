// Randomized bytes through every parser, for a bounded number of inputs (CI runs this; the
// libFuzzer target in tests/fuzz/ goes further). A parser may reject anything, but it must
// never crash or read out of bounds (the sanitizer build checks that), and whatever it
// accepts must re-encode to bytes that parse to the same value.
#include <gtest/gtest.h>

#include "sim/core/rng.h"
#include "sim/wire/checksum.h"
#include "sim/wire/encode.h"
#include "sim/wire/frame_decoder.h"
#include "sim/wire/message_catalog.h"

namespace sim::wire {
namespace {

constexpr int kRandomBuffers = 20000;
constexpr int kMutationsPerFrame = 3000;

Bytes RandomBytes(core::Rng& rng, std::size_t max_len) {
  Bytes b(rng.UniformInt(0, max_len));
  for (auto& x : b) x = static_cast<std::uint8_t>(rng.Next());
  return b;
}

// Parse, re-encode, parse again: accepted input has one canonical value.
template <typename Repr, typename ParseFn>
void CheckCanonical(ByteSpan bytes, ParseFn parse) {
  auto first = parse(bytes);
  if (!first) return;
  const Bytes again = Encode(*first);
  auto second = parse(again);
  ASSERT_TRUE(second) << ToString(*first) << ": re-encoded bytes rejected: " << ToString(second.error());
  EXPECT_EQ(*second, *first) << ToString(*first);
}

void ParseEverything(ByteSpan b) {
  CheckCanonical<IgmpMessage>(b, ParseIgmp);
  CheckCanonical<PimMessage>(b, ParsePim);
  CheckCanonical<IcmpMessage>(b, ParseIcmp);
  CheckCanonical<ArpPacket>(b, ParseArp);
  (void)ParseUdp(b, Ipv4Address(10, 0, 0, 1), Ipv4Address(239, 1, 1, 1));
  (void)ParseIpv4(b);
  (void)ParseEthernet(b);
  (void)DecodeFrame(b);
}

// Fixes the 16-bit checksum at offset 2 (IGMP, PIM, ICMP all keep it there) so that mutated
// messages get past the checksum and exercise the field rules behind it.
void FixL4Checksum(Bytes& m) {
  if (m.size() < 4) return;
  StoreU16(m, 2, 0);
  StoreU16(m, 2, InternetChecksum(m));
}

TEST(Fuzz, RandomBuffersThroughEveryParser) {
  core::Rng rng(2026, 1);
  for (int i = 0; i < kRandomBuffers; ++i) {
    Bytes b = RandomBytes(rng, 120);
    ParseEverything(b);
    FixL4Checksum(b);
    ParseEverything(b);
    if (HasFatalFailure()) return;
  }
}

TEST(Fuzz, MutatedCatalogFrames) {
  core::Rng rng(2026, 2);
  for (const CatalogEntry& entry : MessageCatalog()) {
    SCOPED_TRACE(entry.name);
    for (std::size_t n = 0; n <= entry.frame.size(); ++n) (void)DecodeFrame(ByteSpan(entry.frame).first(n));
    auto ip = ParseIpv4(ByteSpan(entry.frame).subspan(14));
    for (int i = 0; i < kMutationsPerFrame; ++i) {
      Bytes f = entry.frame;
      const int flips = static_cast<int>(rng.UniformInt(1, 4));
      for (int k = 0; k < flips; ++k) f[rng.UniformInt(0, f.size() - 1)] ^= static_cast<std::uint8_t>(1u << rng.UniformInt(0, 7));
      (void)DecodeFrame(f);
      if (ip) {
        // Also mutate the L4 message alone, with its checksum repaired.
        if (ip->payload.empty()) continue;
        const std::size_t keep = rng.UniformInt(0, 3) == 0 ? rng.UniformInt(0, ip->payload.size())
                                                            : ip->payload.size();
        Bytes l4(ip->payload.begin(), ip->payload.begin() + static_cast<std::ptrdiff_t>(keep));
        if (!l4.empty()) l4[rng.UniformInt(0, l4.size() - 1)] = static_cast<std::uint8_t>(rng.Next());
        FixL4Checksum(l4);
        ParseEverything(l4);
      }
      if (HasFatalFailure()) return;
    }
  }
}

}  // namespace
}  // namespace sim::wire
