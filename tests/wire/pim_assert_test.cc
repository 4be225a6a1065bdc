// PIM Assert codec (RFC 7761 §4.9.6): known bytes for both RPT bit values, exact emit, round
// trips, the R | Metric Preference word, and every rejection rule.
#include <gtest/gtest.h>

#include <stdexcept>

#include "sim/wire/checksum.h"
#include "sim/wire/pim.h"
#include "tests/support/hex.h"
#include "tests/wire/pim_test_util.h"

namespace sim::wire {
namespace {

using testing_support::Hex;
using testing_support::ToHex;

// Assert(S,G) for (10.1.1.10, 239.1.1.1): R=0, preference 110 (OSPF's distance), metric 20.
// Checksum: 2500+0000+0100+0020+ef01+0101+0100+0a01+010a+0000+006e+0000+0014 = 0x122af;
// folded 0x22af + 0x1 = 0x22b0; complemented 0xdd4f.
const Bytes kAssertSG =
    Hex("25 00 dd 4f"
        "01 00 00 20 ef 01 01 01"  // group
        "01 00 0a 01 01 0a"        // source
        "00 00 00 6e"              // R=0 | preference 110
        "00 00 00 14");            // metric 20

// Assert(*,G): source 0.0.0.0, R=1, the same preference and metric (towards the RP).
// Checksum: 2500+0000+0100+0020+ef01+0101+0100+0000+0000+8000+006e+0000+0014 = 0x197a4;
// folded 0x97a4 + 0x1 = 0x97a5; complemented 0x685a.
const Bytes kAssertStarG =
    Hex("25 00 68 5a"
        "01 00 00 20 ef 01 01 01"
        "01 00 00 00 00 00"
        "80 00 00 6e"
        "00 00 00 14");

PimAssert AssertSG() {
  return PimAssert{EncodedGroup{Ipv4Address(239, 1, 1, 1)}, Ipv4Address(10, 1, 1, 10), false, 110,
                   20};
}
PimAssert AssertStarG() {
  return PimAssert{EncodedGroup{Ipv4Address(239, 1, 1, 1)}, Ipv4Address(), true, 110, 20};
}

Bytes Resummed(Bytes bytes) {
  StorePimChecksum(PimType::kAssert, bytes);
  return bytes;
}

TEST(PimAssert, DeconstructsCapturedBytes) {
  auto sg = ParsePim(kAssertSG);
  ASSERT_TRUE(sg) << ToString(sg.error());
  EXPECT_EQ(TypeOf(*sg), PimType::kAssert);
  EXPECT_EQ(std::get<PimAssert>(*sg), AssertSG());
  auto star_g = ParsePim(kAssertStarG);
  ASSERT_TRUE(star_g) << ToString(star_g.error());
  EXPECT_EQ(std::get<PimAssert>(*star_g), AssertStarG());
}

TEST(PimAssert, ConstructsExactBytes) {
  Bytes out(kAssertSG.size(), 0xa5);
  Emit(PimMessage(AssertSG()), out);
  EXPECT_EQ(out, kAssertSG) << ToHex(out);
  Bytes rpt_out(kAssertStarG.size(), 0xa5);
  Emit(PimMessage(AssertStarG()), rpt_out);
  EXPECT_EQ(rpt_out, kAssertStarG) << ToHex(rpt_out);
}

TEST(PimAssert, PrintsOneLine) {
  EXPECT_EQ(ToString(PimMessage(AssertSG())),
            "pim assert 239.1.1.1/32 source 10.1.1.10 pref 110 metric 20");
  EXPECT_EQ(ToString(PimMessage(AssertStarG())),
            "pim assert 239.1.1.1/32 source * rpt pref 110 metric 20");
}

class PimAssertRoundTrip : public testing::TestWithParam<PimAssert> {};

TEST_P(PimAssertRoundTrip, RoundTrips) {
  ExpectRoundTrip(GetParam());
}

INSTANTIATE_TEST_SUITE_P(
    Asserts, PimAssertRoundTrip,
    testing::Values(AssertSG(), AssertStarG(),
                    // An AssertCancel: the infinite metric with R=1 (RFC 7761 §4.6).
                    PimAssert{EncodedGroup{Ipv4Address(239, 1, 1, 1)}, Ipv4Address(), true,
                              kPimAssertPreferenceMax, 0xffffffff},
                    PimAssert{EncodedGroup{Ipv4Address(239, 1, 1, 1)}, Ipv4Address(10, 1, 1, 10),
                              false, kPimAssertPreferenceMax, 0xffffffff},
                    PimAssert{EncodedGroup{Ipv4Address(224, 0, 0, 0), 4}, Ipv4Address(10, 1, 1, 10),
                              true, 0, 0}));

TEST(PimAssert, PreferenceWordPutsRInTheTopBit) {
  EXPECT_EQ(EncodeAssertPreference(true, 0), 0x80000000u);
  EXPECT_EQ(EncodeAssertPreference(false, kPimAssertPreferenceMax), 0x7fffffffu);
  EXPECT_EQ(EncodeAssertPreference(true, 110), 0x8000006eu);
  EXPECT_THROW(EncodeAssertPreference(false, 0x80000000u), std::invalid_argument);
}

TEST(PimAssert, PreferenceWordRoundTripsAcrossTheRange) {
  // Both R values against preferences spread over the 31-bit range, both ends included.
  for (std::uint64_t pref = 0; pref <= kPimAssertPreferenceMax; pref += 0x7fff) {
    for (bool rpt : {false, true}) {
      PimAssert a;
      DecodeAssertPreference(EncodeAssertPreference(rpt, static_cast<std::uint32_t>(pref)), a);
      ASSERT_EQ(a.rpt, rpt) << pref;
      ASSERT_EQ(a.metric_preference, pref) << pref;
    }
  }
  PimAssert top;
  DecodeAssertPreference(0xffffffff, top);
  EXPECT_TRUE(top.rpt);
  EXPECT_EQ(top.metric_preference, kPimAssertPreferenceMax);
}

TEST(PimAssert, RejectsTruncated) {
  for (const Bytes* message : {&kAssertSG, &kAssertStarG}) {
    for (std::size_t n = 0; n < message->size(); ++n) {
      auto m = ParsePim(ByteSpan(*message).first(n));
      ASSERT_FALSE(m) << "length " << n;
      EXPECT_EQ(m.error().code, ParseErrorCode::kTruncated) << "length " << n;
    }
  }
}

TEST(PimAssert, RejectsBadChecksum) {
  Bytes bytes = kAssertSG;
  bytes[pim_assert_field::kMetric + 3] = 10;  // metric 20 -> 10, checksum not updated
  EXPECT_EQ(ErrorOf(bytes), (ParseError{ParseErrorCode::kBadChecksum, 2, "pim checksum"}));
}

TEST(PimAssert, RejectsGroupEncodingNotNative) {
  Bytes bytes = kAssertSG;
  bytes[pim_assert_field::kGroup + pim_encoded_field::kEncodingType] = 1;
  EXPECT_EQ(ErrorOf(Resummed(bytes)),
            (ParseError{ParseErrorCode::kBadValue, 5, "pim encoding type"}));
}

TEST(PimAssert, RejectsSourceNotIpv4) {
  Bytes bytes = kAssertSG;
  bytes[pim_assert_field::kSource] = 2;
  EXPECT_EQ(ErrorOf(Resummed(bytes)),
            (ParseError{ParseErrorCode::kBadValue, 12, "pim address family"}));
}

TEST(PimAssert, RejectsGroupMaskOver32) {
  Bytes bytes = kAssertSG;
  bytes[pim_assert_field::kGroup + pim_encoded_field::kMaskLen] = 0xff;
  EXPECT_EQ(ErrorOf(Resummed(bytes)),
            (ParseError{ParseErrorCode::kBadValue, 7, "pim group mask length"}));
}

TEST(PimAssert, RejectsTrailingBytes) {
  Bytes bytes = kAssertSG;
  bytes.insert(bytes.end(), {0, 0});
  EXPECT_EQ(ErrorOf(Resummed(bytes)),
            (ParseError{ParseErrorCode::kBadLength, 26, "pim assert trailing bytes"}));
}

TEST(PimAssert, EmitRefusesPreferenceOver31Bits) {
  PimAssert a = AssertSG();
  a.metric_preference = 0x80000000u;
  Bytes out(BufferLen(a));
  EXPECT_THROW(Emit(a, out), std::invalid_argument);
}

}  // namespace
}  // namespace sim::wire
