// RpSet and RpHash (RFC 7761 §4.7.1 and §4.7.2): known hash values (computed with exact
// integers outside this project), named cases, then every small RP set against a slow
// reference that sorts the candidates the way §4.7.1 lists its steps.
#include "pim/rp_set.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <tuple>
#include <vector>

namespace pim {
namespace {

using sim::wire::Ipv4Address;
using sim::wire::Ipv4Prefix;

constexpr Ipv4Address kRp1{10, 0, 0, 1};
constexpr Ipv4Address kRp2{10, 0, 0, 2};
constexpr Ipv4Address kRpTopBit{138, 0, 0, 1};  // 10.0.0.1 with bit 31 set: the same hash
constexpr Ipv4Prefix kAll{Ipv4Address(224, 0, 0, 0), 4};

Ipv4Address G(std::uint8_t c, std::uint8_t d) { return Ipv4Address(224, 1, c, d); }

TEST(RpHash, KnownValues) {
  EXPECT_EQ(RpHash(G(1, 1), 30, kRp1), 1897476369u);
  EXPECT_EQ(RpHash(G(1, 1), 30, kRp2), 913054808u);
  EXPECT_EQ(RpHash(Ipv4Address(239, 255, 255, 255), 30, Ipv4Address(192, 0, 2, 1)), 720274541u);
  EXPECT_EQ(RpHash(G(1, 1), 32, kRp1), 55076948u);
  EXPECT_EQ(RpHash(G(1, 1), 0, kRp1), 1410713617u);
}

TEST(RpHash, DefaultMaskKeepsFourConsecutiveGroupsTogether) {
  // RFC 7761 §4.7.2: "The hash-mask allows a small number of consecutive groups (e.g., 4) to
  // always hash to the same RP."
  for (std::uint8_t d = 0; d < 4; ++d) EXPECT_EQ(RpHash(G(1, d), 30, kRp1), 1897476369u);
  EXPECT_EQ(RpHash(G(1, 4), 30, kRp1), 2007210677u);
}

TEST(RpHash, AddressesDifferingOnlyInTopBitHashTheSame) {
  // The value is mod 2^31, so bit 31 of C(i) never counts.
  EXPECT_EQ(RpHash(G(1, 1), 30, kRpTopBit), RpHash(G(1, 1), 30, kRp1));
}

TEST(RpSet, EmptySetHasNoRp) { EXPECT_EQ(RpSet().RpFor(G(1, 1)), std::nullopt); }

TEST(RpSet, GroupOutsideEveryRangeHasNoRp) {
  const RpSet set({{kRp1, Ipv4Prefix(Ipv4Address(239, 0, 0, 0), 8)}});
  EXPECT_EQ(set.RpFor(G(1, 1)), std::nullopt);
  EXPECT_EQ(set.RpFor(Ipv4Address(239, 9, 9, 9)), kRp1);
}

TEST(RpSet, LongestMatchingRangeWins) {
  const RpSet set({{kRp2, kAll}, {kRp1, Ipv4Prefix(G(0, 0), 16)}});
  EXPECT_EQ(set.RpFor(G(1, 1)), kRp1);
  EXPECT_EQ(set.RpFor(Ipv4Address(225, 0, 0, 1)), kRp2);
}

TEST(RpSet, SameRangeTheHashChoosesNotTheHighestAddress) {
  const RpSet set({{kRp1, kAll}, {kRp2, kAll}});
  EXPECT_EQ(set.RpFor(G(1, 0)), kRp1);   // hash 1897476369 > 913054808
  EXPECT_EQ(set.RpFor(G(1, 12)), kRp2);  // hash 213413373 < 1376475460
}

TEST(RpSet, EqualHashesTheHighestAddressWins) {
  const RpSet set({{kRpTopBit, kAll}, {kRp1, kAll}});
  EXPECT_EQ(set.RpFor(G(1, 1)), kRpTopBit);
}

TEST(RpSet, HashMaskLengthIsUsed) {
  // With a /32 mask 224.1.1.1 and 224.1.1.2 may go different ways; check against RpHash.
  const RpSet set({{kRp1, kAll}, {kRp2, kAll}}, 32);
  for (std::uint8_t d = 0; d < 8; ++d) {
    const bool one = RpHash(G(1, d), 32, kRp1) > RpHash(G(1, d), 32, kRp2);
    EXPECT_EQ(set.RpFor(G(1, d)), one ? kRp1 : kRp2);
  }
}

TEST(RpSet, EntriesAreNormalisedSortedAndUnique) {
  RpSet set;
  EXPECT_TRUE(set.Add({kRp2, Ipv4Prefix(G(1, 1), 16)}));
  EXPECT_FALSE(set.Add({kRp2, Ipv4Prefix(G(0, 0), 16)}));  // the same range
  EXPECT_TRUE(set.Add({kRp1, kAll}));
  ASSERT_EQ(set.entries().size(), 2u);
  EXPECT_EQ(set.entries()[0].rp, kRp1);
  EXPECT_EQ(set.entries()[1].group_range, Ipv4Prefix(G(0, 0), 16));
  EXPECT_TRUE(set.Remove({kRp2, Ipv4Prefix(G(9, 9), 16)}));
  EXPECT_FALSE(set.Remove({kRp2, Ipv4Prefix(G(9, 9), 16)}));
  EXPECT_EQ(set.RpFor(G(1, 1)), kRp1);
}

TEST(RpSet, IsRpWhenRpForGroupIsOneOfOwnAddresses) {
  const RpSet set({{kRp1, kAll}, {kRp2, Ipv4Prefix(Ipv4Address(239, 0, 0, 0), 8)}});
  const std::vector<Ipv4Address> mine = {Ipv4Address(192, 0, 2, 1), kRp2};
  EXPECT_TRUE(set.IsRp(mine, Ipv4Address(239, 1, 1, 1)));
  EXPECT_FALSE(set.IsRp(mine, G(1, 1)));
  EXPECT_FALSE(set.IsRp({}, Ipv4Address(239, 1, 1, 1)));
  EXPECT_FALSE(RpSet().IsRp(mine, G(1, 1)));
}

// §4.7.1 as a sort: matching entries by (mask length, hash, address), the last one wins.
// The hash is recomputed here with exact 128-bit integers, not the 32-bit shortcut.
std::uint32_t SlowHash(Ipv4Address g, std::uint8_t m, Ipv4Address c) {
  __extension__ using U128 = unsigned __int128;
  const std::uint64_t mask = m == 0 ? 0 : (0xffffffffull << (32 - m)) & 0xffffffffull;
  const U128 inner = U128{1103515245} * (g.value() & mask) + 12345;
  return static_cast<std::uint32_t>((U128{1103515245} * (inner ^ c.value()) + 12345) %
                                    (U128{1} << 31));
}

std::optional<Ipv4Address> SlowRpFor(std::vector<RpEntry> entries, Ipv4Address g) {
  std::erase_if(entries, [g](const RpEntry& e) { return !e.group_range.Contains(g); });
  if (entries.empty()) return std::nullopt;
  std::sort(entries.begin(), entries.end(), [g](const RpEntry& a, const RpEntry& b) {
    const auto key = [g](const RpEntry& e) {
      return std::tuple(e.group_range.length(), SlowHash(g, 30, e.rp), e.rp);
    };
    return key(a) < key(b);
  });
  return entries.back().rp;
}

TEST(RpSet, AgreesWithSlowReferenceOnEverySmallSet) {
  const std::vector<RpEntry> pool = {
      {kRp1, kAll},
      {kRp2, kAll},
      {kRpTopBit, kAll},
      {kRp1, Ipv4Prefix(G(1, 0), 24)},
      {kRp2, Ipv4Prefix(G(1, 0), 24)},
      {kRp2, Ipv4Prefix(G(1, 0), 28)},
      {kRpTopBit, Ipv4Prefix(G(1, 8), 29)},
      {kRp1, Ipv4Prefix(G(1, 12), 30)},
  };
  std::vector<Ipv4Address> groups;
  for (std::uint8_t d = 0; d < 20; ++d) groups.push_back(G(1, d));
  groups.push_back(Ipv4Address(225, 0, 0, 1));
  for (std::uint32_t subset = 0; subset < (1u << pool.size()); ++subset) {
    std::vector<RpEntry> chosen;
    for (std::size_t i = 0; i < pool.size(); ++i) {
      if (subset & (1u << i)) chosen.push_back(pool[i]);
    }
    std::vector<RpEntry> reversed(chosen.rbegin(), chosen.rend());
    const RpSet set(chosen);
    const RpSet set_reversed(reversed);
    for (Ipv4Address g : groups) {
      const auto expected = SlowRpFor(chosen, g);
      ASSERT_EQ(set.RpFor(g), expected) << "subset " << subset << " group " << ToString(g);
      ASSERT_EQ(set_reversed.RpFor(g), expected) << "subset " << subset;
    }
  }
}

}  // namespace
}  // namespace pim
