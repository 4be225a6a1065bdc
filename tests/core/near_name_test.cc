// What counts as a near name: letter case first, then up to two edits, never for very short names.
#include "sim/core/near_name.h"

#include <gtest/gtest.h>

namespace sim::core {
namespace {

using Names = std::vector<std::string_view>;

TEST(NearestName, SameButCaseWinsOverACloserSpelling) {
  // "rxx" is one edit from "rx", "RX" two; the case slip is the likelier one.
  EXPECT_EQ(NearestName("rx", Names{"rxx", "RX"}), "RX");
  EXPECT_EQ(NearestName("Validate", Names{"run", "validate"}), "validate");
}

TEST(NearestName, UpToTwoEditsATranspositionCountingOne) {
  EXPECT_EQ(NearestName("dealy", Names{"delay", "seed"}), "delay");
  EXPECT_EQ(NearestName("lan", Names{"lan1", "lan22"}), "lan1");
  EXPECT_EQ(NearestName("--rats", Names{"--routers", "--rate"}), "--rate");
  EXPECT_EQ(NearestName("receiver", Names{"H1", "R1"}), std::nullopt);
  // Two-letter names are all within two edits of each other: no suggestion but the case one.
  EXPECT_EQ(NearestName("s9", Names{"H1"}), std::nullopt);
  EXPECT_EQ(NearestName("h1", Names{"H1"}), "H1");
  // The first of equally near names.
  EXPECT_EQ(NearestName("R3", Names{"R1", "R2"}), "R1");
}

TEST(DidYouMean, QuotesTheNameOrSaysNothing) {
  EXPECT_EQ(DidYouMean("rx", std::vector<std::string>{"RX", "TX"}), " (did you mean \"RX\"?)");
  EXPECT_EQ(DidYouMean("nobody", std::vector<std::string>{"RX", "TX"}), "");
  EXPECT_EQ(DidYouMean("x", std::vector<std::string>{}), "");
}

}  // namespace
}  // namespace sim::core
