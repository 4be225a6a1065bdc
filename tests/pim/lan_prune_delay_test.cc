// ComputeLanDelay (RFC 7761 §4.3.3 and the J/P_Override_Interval of §4.11).
#include "pim/lan_prune_delay.h"

#include <gtest/gtest.h>

#include <optional>
#include <vector>

namespace pim {
namespace {

using sim::core::Milliseconds;
using sim::wire::PimLanPruneDelay;
using Options = std::vector<std::optional<PimLanPruneDelay>>;

constexpr PimLanPruneDelay kOwn{false, 500, 2500};

TEST(ComputeLanDelay, NoNeighborsGivesOwnValues) {
  const LanDelay d = ComputeLanDelay({false, 100, 1000}, {});
  EXPECT_TRUE(d.lan_delay_enabled);
  EXPECT_EQ(d.effective_propagation_delay, Milliseconds(100));
  EXPECT_EQ(d.effective_override_interval, Milliseconds(1000));
  EXPECT_EQ(d.jp_override_interval(), Milliseconds(1100));
  EXPECT_TRUE(d.suppression_enabled);
}

TEST(ComputeLanDelay, DefaultsGiveThreeSecondJoinPruneOverrideInterval) {
  const LanDelay d = ComputeLanDelay(kOwn, Options{PimLanPruneDelay{}});
  EXPECT_EQ(d.jp_override_interval(), Milliseconds(3000));
}

TEST(ComputeLanDelay, LargestValueOnLinkEachFieldApart) {
  const Options n = {PimLanPruneDelay{false, 900, 1000}, PimLanPruneDelay{false, 200, 4000}};
  const LanDelay d = ComputeLanDelay(kOwn, n);
  EXPECT_TRUE(d.lan_delay_enabled);
  EXPECT_EQ(d.effective_propagation_delay, Milliseconds(900));
  EXPECT_EQ(d.effective_override_interval, Milliseconds(4000));
  EXPECT_EQ(d.jp_override_interval(), Milliseconds(4900));
}

TEST(ComputeLanDelay, OwnValueCountsWhenLargest) {
  const LanDelay d = ComputeLanDelay({false, 0x7fff, 0xffff}, Options{PimLanPruneDelay{}});
  EXPECT_EQ(d.effective_propagation_delay, Milliseconds(0x7fff));
  EXPECT_EQ(d.effective_override_interval, Milliseconds(0xffff));
}

TEST(ComputeLanDelay, NeighborWithoutOptionGivesDefaultsWhateverOthersSay) {
  // RFC 7761 §4.3.3: lan_delay_enabled(I) is false, so Propagation_delay_default (0.5 s) and
  // t_override_default (2.5 s), even though this router advertises other values.
  const Options n = {PimLanPruneDelay{true, 5000, 9000}, std::nullopt};
  const LanDelay d = ComputeLanDelay({true, 100, 100}, n);
  EXPECT_FALSE(d.lan_delay_enabled);
  EXPECT_EQ(d.effective_propagation_delay, Milliseconds(500));
  EXPECT_EQ(d.effective_override_interval, Milliseconds(2500));
  EXPECT_TRUE(d.suppression_enabled);
}

TEST(ComputeLanDelay, TBitsNeverChangeTheDelays) {
  for (bool own_t : {false, true}) {
    for (bool n_t : {false, true}) {
      const LanDelay d =
          ComputeLanDelay({own_t, 500, 2500}, Options{PimLanPruneDelay{n_t, 700, 2000}});
      EXPECT_EQ(d.effective_propagation_delay, Milliseconds(700));
      EXPECT_EQ(d.effective_override_interval, Milliseconds(2500));
    }
  }
}

TEST(ComputeLanDelay, SuppressionDisabledOnlyWhenEveryRouterSetsTBit) {
  const PimLanPruneDelay t{true, 500, 2500};
  const PimLanPruneDelay no_t{false, 500, 2500};
  EXPECT_FALSE(ComputeLanDelay(t, Options{t, t}).suppression_enabled);
  EXPECT_TRUE(ComputeLanDelay(no_t, Options{t, t}).suppression_enabled);  // ours clear
  EXPECT_TRUE(ComputeLanDelay(t, Options{t, no_t}).suppression_enabled);
  EXPECT_TRUE(ComputeLanDelay(t, Options{t, std::nullopt}).suppression_enabled);
  EXPECT_FALSE(ComputeLanDelay(t, {}).suppression_enabled);
}

}  // namespace
}  // namespace pim
