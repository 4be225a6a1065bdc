// Whole frames: every catalog frame decodes, and rebuilding it from the decoded values gives
// back the same bytes, Ethernet padding included.
#include <gtest/gtest.h>

#include "sim/wire/frame_builder.h"
#include "sim/wire/frame_decoder.h"
#include "sim/wire/message_catalog.h"
#include "tests/support/hex.h"

namespace sim::wire {
namespace {

TEST(Frame, EveryCatalogFrameRoundTrips) {
  for (const CatalogEntry& e : MessageCatalog()) {
    auto d = DecodeFrame(e.frame);
    ASSERT_TRUE(d) << e.name << ": " << ToString(d.error());
    EXPECT_EQ(testing_support::ToHex(BuildFrame(*d)), testing_support::ToHex(e.frame)) << e.name;
  }
}

TEST(Frame, ErrorOffsetsCountFromTheFrameStart) {
  Bytes f = MessageCatalog()[6].frame;  // igmp-v2-report: 14 Ethernet + 24 IP, then IGMP
  f[14 + 24 + 2] ^= 0xff;
  auto d = DecodeFrame(f);
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, ParseErrorCode::kBadChecksum);
  EXPECT_GE(d.error().offset, 38u);
}

TEST(Frame, ToStringNamesTheInnermostLayerFirst) {
  auto d = DecodeFrame(MessageCatalog()[6].frame);
  ASSERT_TRUE(d);
  EXPECT_EQ(ToString(*d), "igmp v2 report 239.1.1.1 | ip 192.0.2.10 > 239.1.1.1 proto 2 ttl 1 ra");
}

TEST(DirectMac, MulticastAndBroadcastNeedNoArp) {
  EXPECT_EQ(DirectMacFor(Ipv4Address(239, 1, 1, 1)), MulticastMac(Ipv4Address(239, 1, 1, 1)));
  EXPECT_EQ(DirectMacFor(Ipv4Address(255, 255, 255, 255)), kBroadcastMac);
  EXPECT_EQ(DirectMacFor(Ipv4Address(10, 0, 0, 1)), std::nullopt);
}

}  // namespace
}  // namespace sim::wire
