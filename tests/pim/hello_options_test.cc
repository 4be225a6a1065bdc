// HoldtimeOption and LanPruneDelayOption (RFC 7761 §4.9.2): every boundary of the encodings.
#include "pim/hello_options.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace pim {
namespace {

using sim::core::Milliseconds;
using sim::core::Nanoseconds;
using sim::core::Seconds;
using sim::wire::PimLanPruneDelay;

TEST(HoldtimeOption, WholeSecondsAreSentAsIs) {
  EXPECT_EQ(HoldtimeOption(Seconds(105)), 105);  // §4.11 Default_Hello_Holdtime
  EXPECT_EQ(HoldtimeOption(Seconds(1)), 1);
  EXPECT_EQ(HoldtimeOption(Seconds(65'534)), 65'534);
}

TEST(HoldtimeOption, FractionsRoundUp) {
  EXPECT_EQ(HoldtimeOption(Milliseconds(3500)), 4);  // 3.5 x a 1 s Hello_Period
  EXPECT_EQ(HoldtimeOption(Seconds(104) + Nanoseconds(1)), 105);
  EXPECT_EQ(HoldtimeOption(Nanoseconds(1)), 1);
}

TEST(HoldtimeOption, NeverTheGoodbyeZero) {
  EXPECT_EQ(HoldtimeOption(Seconds(0)), 1);
  EXPECT_EQ(HoldtimeOption(Seconds(-5)), 1);
}

TEST(HoldtimeOption, FromFfffSecondsUpMeansForever) {
  EXPECT_EQ(HoldtimeOption(Seconds(65'534) + Nanoseconds(1)), 0xffff);
  EXPECT_EQ(HoldtimeOption(Seconds(65'535)), 0xffff);
  EXPECT_EQ(HoldtimeOption(Seconds(86'400)), 0xffff);
}

TEST(LanPruneDelayOption, DefaultsAndTBitClear) {
  EXPECT_EQ(LanPruneDelayOption(Milliseconds(500), Milliseconds(2500)),
            (PimLanPruneDelay{false, 500, 2500}));
}

TEST(LanPruneDelayOption, WholeMillisecondsTruncated) {
  EXPECT_EQ(LanPruneDelayOption(Milliseconds(500) + Nanoseconds(999'999), Nanoseconds(999'999)),
            (PimLanPruneDelay{false, 500, 0}));
}

TEST(LanPruneDelayOption, SaturatesAtFieldWidths) {
  EXPECT_EQ(LanPruneDelayOption(Milliseconds(0x7fff), Milliseconds(0xffff)),
            (PimLanPruneDelay{false, 0x7fff, 0xffff}));
  EXPECT_EQ(LanPruneDelayOption(Milliseconds(0x8000), Milliseconds(0x10000)),
            (PimLanPruneDelay{false, 0x7fff, 0xffff}));
  EXPECT_EQ(LanPruneDelayOption(Seconds(-1), Seconds(-1)), (PimLanPruneDelay{false, 0, 0}));
}

}  // namespace
}  // namespace pim
