#include "sim/core/rng.h"

#include <gtest/gtest.h>

#include <array>
#include <set>

namespace sim::core {
namespace {

TEST(Rng, SameSeedAndStreamGiveTheSameSequence) {
  Rng a(1, 7), b(1, 7);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(a.Next(), b.Next());
}

TEST(Rng, StreamsAndSeedsDiffer) {
  std::set<std::uint64_t> firsts;
  for (std::uint64_t seed = 0; seed < 4; ++seed) {
    for (std::uint64_t stream = 0; stream < 64; ++stream) firsts.insert(Rng(seed, stream).Next());
  }
  EXPECT_EQ(firsts.size(), 4u * 64u);
}

TEST(Rng, KnownFirstValuesPinTheAlgorithm) {
  // Any change to seeding or the generator changes every scenario's output; this fails first.
  Rng r(1, 0);
  EXPECT_EQ(r.Next(), 0xef75d62a19ba94edULL);
  EXPECT_EQ(r.Next(), 0x8e9490536375f270ULL);
  EXPECT_EQ(r.Next(), 0xc05630b1c614195dULL);
}

TEST(Rng, UniformIntStaysInRangeAndCoversIt) {
  Rng r(3, 3);
  std::array<int, 7> seen{};
  for (int i = 0; i < 7000; ++i) {
    const auto v = r.UniformInt(10, 16);
    ASSERT_GE(v, 10u);
    ASSERT_LE(v, 16u);
    ++seen[v - 10];
  }
  for (int count : seen) {
    EXPECT_GT(count, 800);
    EXPECT_LT(count, 1200);
  }
  EXPECT_EQ(r.UniformInt(5, 5), 5u);
  r.UniformInt(0, UINT64_MAX);
}

TEST(Rng, UniformDurationIsInclusiveNanoseconds) {
  Rng r(9, 1);
  for (int i = 0; i < 1000; ++i) {
    const Duration d = r.UniformDuration(Duration::Zero(), Seconds(10));
    ASSERT_GE(d, Duration::Zero());
    ASSERT_LE(d, Seconds(10));
  }
  EXPECT_EQ(r.UniformDuration(Seconds(2), Seconds(2)), Seconds(2));
}

TEST(Time, FormatsForTraces) {
  EXPECT_EQ(ToString(Time::Start() + Seconds(120)), "120.000000000");
  EXPECT_EQ(ToString(Time::FromNanos(1'500'000'001)), "1.500000001");
  EXPECT_EQ(ToString(Time::FromNanos(-1'500'000'001)), "-1.500000001");
  EXPECT_EQ(ToString(Time::FromNanos(7)), "0.000000007");
  EXPECT_EQ(ToString(Seconds(125)), "125s");
  EXPECT_EQ(ToString(Milliseconds(1500)), "1.5s");
  EXPECT_EQ(ToString(Milliseconds(100)), "100ms");
  EXPECT_EQ(ToString(Minutes(2)), "2min");
  EXPECT_EQ(ToString(Nanoseconds(7)), "7ns");
  EXPECT_EQ(ToString(Duration::Zero()), "0s");
}

}  // namespace
}  // namespace sim::core

namespace sim::core {
namespace {

TEST(Time, FormatsForTables) {
  EXPECT_EQ(ToTableString(Seconds(250) + Microseconds(50'004)), "250.050s");
  EXPECT_EQ(ToTableString(Milliseconds(1500)), "1.500s");
  EXPECT_EQ(ToTableString(Duration::Zero()), "0.000s");
  EXPECT_EQ(ToTableString(Milliseconds(-2)), "-0.002s");
  EXPECT_EQ(ToTableString(Seconds(-61) - Milliseconds(20)), "-61.020s");
  EXPECT_EQ(ToTableString(Minutes(600)), "36000.000s");
}

}  // namespace
}  // namespace sim::core
