// IGMP codec, 8-octet messages (IGMPv1/v2) and the rules of the shared entry points: known
// bytes, exact emit, round trips, and every rejection rule. IGMPv3 is in igmpv3_test.cc.
#include "sim/wire/igmp.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "sim/wire/checksum.h"
#include "sim/wire/encode.h"
#include "tests/support/hex.h"

namespace sim::wire {
namespace {

using core::Deciseconds;
using core::Milliseconds;
using core::Seconds;
using testing_support::Hex;
using testing_support::ToHex;

const Ipv4Address kGroup(239, 1, 1, 1);

// IGMPv2 report for 239.1.1.1 (sent to 239.1.1.1). Checksum: the words 1600 + ef01 + 0101
// (checksum field as 0000) sum to 0x10602; folded 0x0602 + 0x1 = 0x0603; complemented 0xf9fc.
const Bytes kV2Report = Hex("16 00 f9 fc ef 01 01 01");
// IGMPv2 leave for 239.1.1.1 (sent to 224.0.0.2). 1700 + ef01 + 0101 = 0x10702; folded 0x0703;
// complemented 0xf8fc.
const Bytes kLeave = Hex("17 00 f8 fc ef 01 01 01");
// IGMPv2 general query, Max Resp Time 100 (10 s). 1164 is the only non-zero word; complemented
// 0xee9b.
const Bytes kGeneralQuery = Hex("11 64 ee 9b 00 00 00 00");
// IGMPv2 group-specific query for 239.1.1.1, Max Resp Time 10 (1 s, the Last Member Query
// Interval). 110a + ef01 + 0101 = 0x1010c; folded 0x010d; complemented 0xfef2.
const Bytes kGroupQuery = Hex("11 0a fe f2 ef 01 01 01");
// IGMPv1 report for 239.1.1.1. 1200 + ef01 + 0101 = 0x10202; folded 0x0203; complemented 0xfdfc.
const Bytes kV1Report = Hex("12 00 fd fc ef 01 01 01");
// IGMPv1 query: Max Resp Time 0, group 0. 1100 alone; complemented 0xeeff.
const Bytes kV1Query = Hex("11 00 ee ff 00 00 00 00");

struct Known {
  const char* name;
  Bytes bytes;
  IgmpMessage message;
};

std::vector<Known> KnownMessages() {
  return {
      {"v2_report", kV2Report, IgmpV2Report{kGroup}},
      {"leave", kLeave, IgmpLeave{kGroup}},
      {"general_query", kGeneralQuery, IgmpQuery{Seconds(10), Ipv4Address()}},
      {"group_query", kGroupQuery, IgmpQuery{Seconds(1), kGroup}},
      {"v1_report", kV1Report, IgmpV1Report{kGroup}},
      {"v1_query", kV1Query, IgmpQuery{core::Duration::Zero(), Ipv4Address()}},
  };
}

// Sets the checksum field right for the bytes as they are, so that only another rule can fail.
Bytes WithChecksum(Bytes bytes) {
  StoreU16(bytes, igmp_field::kChecksum, 0);
  StoreU16(bytes, igmp_field::kChecksum, InternetChecksum(bytes));
  return bytes;
}

TEST(Igmp, DeconstructsCapturedBytes) {
  for (const Known& k : KnownMessages()) {
    auto m = ParseIgmp(k.bytes);
    ASSERT_TRUE(m) << k.name << ": " << ToString(m.error());
    EXPECT_EQ(*m, k.message) << k.name << ": got " << ToString(*m);
  }
}

TEST(Igmp, ConstructsExactBytes) {
  for (const Known& k : KnownMessages()) {
    Bytes out(BufferLen(k.message), 0xa5);
    Emit(k.message, out);
    EXPECT_EQ(out, k.bytes) << k.name << ": got " << ToHex(out);
  }
}

TEST(Igmp, EmitLeavesBytesAfterTheMessageAlone) {
  Bytes out(12, 0xa5);
  Emit(IgmpV2Report{kGroup}, out);
  EXPECT_EQ(out, Hex("16 00 f9 fc ef 01 01 01 a5 a5 a5 a5"));
}

TEST(Igmp, PrintsOneLine) {
  EXPECT_EQ(ToString(IgmpV2Report{kGroup}), "igmp v2 report 239.1.1.1");
  EXPECT_EQ(ToString(IgmpV1Report{kGroup}), "igmp v1 report 239.1.1.1");
  EXPECT_EQ(ToString(IgmpLeave{kGroup}), "igmp leave 239.1.1.1");
  EXPECT_EQ(ToString(IgmpQuery{Seconds(10), Ipv4Address()}), "igmp query general max-resp 10s");
  EXPECT_EQ(ToString(IgmpQuery{Seconds(1), kGroup}), "igmp query 239.1.1.1 max-resp 1s");
  EXPECT_EQ(ToString(IgmpQuery{Milliseconds(2500), kGroup}), "igmp query 239.1.1.1 max-resp 2.5s");
  EXPECT_EQ(ToString(IgmpQuery{}), "igmp v1 query general");
}

TEST(Igmp, TypeOfNamesTheWireType) {
  EXPECT_EQ(TypeOf(IgmpQuery{}), IgmpType::kMembershipQuery);
  EXPECT_EQ(TypeOf(IgmpV3Query{}), IgmpType::kMembershipQuery);
  EXPECT_EQ(TypeOf(IgmpV1Report{kGroup}), IgmpType::kV1MembershipReport);
  EXPECT_EQ(TypeOf(IgmpV2Report{kGroup}), IgmpType::kV2MembershipReport);
  EXPECT_EQ(TypeOf(IgmpLeave{kGroup}), IgmpType::kLeaveGroup);
  EXPECT_EQ(TypeOf(IgmpV3Report{}), IgmpType::kV3MembershipReport);
}

class IgmpRoundTrip : public testing::TestWithParam<IgmpMessage> {};

TEST_P(IgmpRoundTrip, RoundTrips) {
  const Bytes bytes = Encode(GetParam());
  ASSERT_EQ(bytes.size(), kIgmpHeaderLen);
  EXPECT_EQ(bytes[igmp_field::kType], static_cast<std::uint8_t>(TypeOf(GetParam())));
  auto m = ParseIgmp(bytes);
  ASSERT_TRUE(m) << ToString(m.error()) << " in " << ToHex(bytes);
  EXPECT_EQ(*m, GetParam()) << ToString(*m);
}

INSTANTIATE_TEST_SUITE_P(
    Messages, IgmpRoundTrip,
    testing::Values(IgmpMessage{IgmpQuery{Seconds(10), Ipv4Address()}},
                    IgmpMessage{IgmpQuery{Deciseconds(1), Ipv4Address(224, 0, 0, 251)}},
                    IgmpMessage{IgmpQuery{Deciseconds(255), Ipv4Address(239, 255, 255, 255)}},
                    IgmpMessage{IgmpQuery{core::Duration::Zero(), Ipv4Address()}},
                    IgmpMessage{IgmpV1Report{Ipv4Address(224, 0, 0, 0)}},
                    IgmpMessage{IgmpV2Report{Ipv4Address(232, 1, 2, 3)}},
                    IgmpMessage{IgmpLeave{Ipv4Address(224, 0, 1, 1)}}));

TEST(Igmp, RejectsTruncated) {
  for (const Known& k : KnownMessages()) {
    for (std::size_t n = 0; n < k.bytes.size(); ++n) {
      auto m = ParseIgmp(ByteSpan(k.bytes).first(n));
      ASSERT_FALSE(m) << k.name << " length " << n;
      EXPECT_EQ(m.error(), (ParseError{ParseErrorCode::kTruncated, n, "igmp header"}))
          << k.name << " length " << n;
    }
  }
}

TEST(Igmp, RejectsBadChecksum) {
  for (const Known& k : KnownMessages()) {
    Bytes bytes = k.bytes;
    bytes[igmp_field::kChecksum + 1] ^= 0x01;
    auto m = ParseIgmp(bytes);
    ASSERT_FALSE(m) << k.name;
    EXPECT_EQ(m.error(), (ParseError{ParseErrorCode::kBadChecksum, 2, "igmp checksum"})) << k.name;
  }
}

TEST(Igmp, RejectsCorruptedGroupAsBadChecksum) {
  Bytes bytes = kV2Report;
  bytes[igmp_field::kGroup] = 10;  // unicast, but the checksum no longer holds: that comes first
  auto m = ParseIgmp(bytes);
  ASSERT_FALSE(m);
  EXPECT_EQ(m.error().code, ParseErrorCode::kBadChecksum);
}

// RFC 2236 §2.5: octets past the first 8 are ignored for recognized types, but checksummed.
TEST(Igmp, IgnoresOctetsPastEightInReportsAndLeaves) {
  for (const Bytes& base : {kV2Report, kLeave, kV1Report}) {
    Bytes longer = base;
    for (std::uint8_t extra : {0xde, 0xad, 0xbe, 0xef, 0x01}) longer.push_back(extra);
    auto unchecked = ParseIgmp(longer);
    ASSERT_FALSE(unchecked) << ToHex(longer);
    EXPECT_EQ(unchecked.error().code, ParseErrorCode::kBadChecksum);

    longer = WithChecksum(longer);
    auto m = ParseIgmp(longer);
    ASSERT_TRUE(m) << ToString(m.error()) << " in " << ToHex(longer);
    EXPECT_EQ(*m, *ParseIgmp(base));
  }
}

// RFC 3376 §7.1: a query of 8 octets is v1/v2, of 12 or more v3; none is 9 to 11 octets long.
TEST(Igmp, RejectsQueryOfNineToElevenOctets) {
  for (std::size_t len = 9; len <= 11; ++len) {
    Bytes bytes = kGeneralQuery;
    bytes.resize(len, 0);
    auto m = ParseIgmp(WithChecksum(bytes));
    ASSERT_FALSE(m) << "length " << len;
    EXPECT_EQ(m.error(), (ParseError{ParseErrorCode::kBadLength, 8, "igmp query length"}));
  }
}

TEST(Igmp, RejectsUnknownType) {
  // 0x13 DVMRP, 0x1e/0x1f mtrace, 0x00, 0xff: no IGMP message of ours.
  for (std::uint8_t type : {0x00, 0x13, 0x1e, 0x1f, 0x21, 0xff}) {
    Bytes bytes = kV2Report;
    bytes[igmp_field::kType] = type;
    auto m = ParseIgmp(WithChecksum(bytes));
    ASSERT_FALSE(m) << "type " << int{type};
    EXPECT_EQ(m.error(), (ParseError{ParseErrorCode::kBadValue, 0, "igmp type"}));
  }
}

TEST(Igmp, RejectsReportForNonMulticastGroup) {
  for (const Bytes& base : {kV2Report, kV1Report}) {
    for (std::uint32_t group : {0u, 0x0a000001u, 0xdfffffffu, 0xf0000000u, 0xffffffffu}) {
      Bytes bytes = base;
      StoreU32(bytes, igmp_field::kGroup, group);
      auto m = ParseIgmp(WithChecksum(bytes));
      ASSERT_FALSE(m) << ToHex(bytes);
      EXPECT_EQ(m.error(), (ParseError{ParseErrorCode::kBadValue, 4, "igmp report group"}));
    }
  }
}

TEST(Igmp, RejectsLeaveForNonMulticastGroup) {
  Bytes bytes = kLeave;
  StoreU32(bytes, igmp_field::kGroup, Ipv4Address(192, 168, 1, 1).value());
  auto m = ParseIgmp(WithChecksum(bytes));
  ASSERT_FALSE(m);
  EXPECT_EQ(m.error(), (ParseError{ParseErrorCode::kBadValue, 4, "igmp leave group"}));
}

TEST(Igmp, RejectsQueryForUnicastGroup) {
  Bytes bytes = kGroupQuery;
  StoreU32(bytes, igmp_field::kGroup, Ipv4Address(10, 0, 0, 1).value());
  auto m = ParseIgmp(WithChecksum(bytes));
  ASSERT_FALSE(m);
  EXPECT_EQ(m.error(), (ParseError{ParseErrorCode::kBadValue, 4, "igmp query group"}));
}

// RFC 2236 §2.2: the Max Resp Time of a report or leave is "ignored by the receiver".
TEST(Igmp, IgnoresCodeOctetOfReportsAndLeaves) {
  for (const Bytes& base : {kV2Report, kLeave, kV1Report}) {
    Bytes bytes = base;
    bytes[igmp_field::kMaxRespCode] = 0x64;
    auto m = ParseIgmp(WithChecksum(bytes));
    ASSERT_TRUE(m) << ToString(m.error());
    EXPECT_EQ(*m, *ParseIgmp(base));
  }
}

TEST(Igmp, EmitRejectsMaxRespTimeTheFieldCannotCarry) {
  Bytes out(8);
  for (core::Duration t : {Milliseconds(150), Milliseconds(25600), Seconds(26), Milliseconds(-100),
                           core::Duration::FromNanos(1)}) {
    EXPECT_THROW(Emit(IgmpQuery{t, kGroup}, out), std::invalid_argument) << t.nanos();
  }
  EXPECT_NO_THROW(Emit(IgmpQuery{Milliseconds(25500), kGroup}, out));
}

TEST(Igmp, EmitRejectsGroupsTheParserRejects) {
  Bytes out(8);
  const Ipv4Address unicast(10, 0, 0, 1);
  EXPECT_THROW(Emit(IgmpQuery{Seconds(1), unicast}, out), std::invalid_argument);
  EXPECT_THROW(Emit(IgmpV1Report{unicast}, out), std::invalid_argument);
  EXPECT_THROW(Emit(IgmpV2Report{Ipv4Address()}, out), std::invalid_argument);
  EXPECT_THROW(Emit(IgmpLeave{unicast}, out), std::invalid_argument);
}

TEST(Igmp, EmitThrowsWhenBufferIsShort) {
  Bytes out(7);
  EXPECT_THROW(Emit(IgmpV2Report{kGroup}, out), std::length_error);
}

}  // namespace
}  // namespace sim::wire
