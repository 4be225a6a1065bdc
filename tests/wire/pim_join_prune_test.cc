// PIM Join/Prune codec (RFC 7761 §4.9.5): known bytes, exact emit, round trips, every rejection.
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

// The (*,G) join a last-hop DR sends towards the RP, laid out as FRR 8.4 sends it (seen in a
// capture): upstream 10.0.0.2, holdtime 210, group 239.1.1.1/32, one join with the RP 10.0.0.9 as
// source and the S, W and R bits set (flags 0x07), no prunes.
// Checksum: the words 2300+0000+0100+0a00+0002+0001+00d2+0100+0020+ef01+0101+0001+0000+0100
// +0720+0a00+0009 sum to 0x13221; folded 0x3221 + 0x1 = 0x3222; complemented 0xcddd.
const Bytes kStarGJoin =
    Hex("23 00 cd dd"
        "01 00 0a 00 00 02"          // upstream neighbor, Encoded-Unicast
        "00 01 00 d2"                // reserved, 1 group, holdtime 210
        "01 00 00 20 ef 01 01 01"    // 239.1.1.1/32, Encoded-Group
        "00 01 00 00"                // 1 joined, 0 pruned
        "01 00 07 20 0a 00 00 09");  // 10.0.0.9/32 S W R, Encoded-Source

PimJoinPrune StarGJoin() {
  PimJoinPrune jp;
  jp.upstream_neighbor = Ipv4Address(10, 0, 0, 2);
  jp.holdtime_s = 210;
  PimJoinPruneGroup g;
  g.group = EncodedGroup{Ipv4Address(239, 1, 1, 1)};
  g.joins.push_back(EncodedSource{Ipv4Address(10, 0, 0, 9), 32, true, true, true});
  jp.groups.push_back(g);
  return jp;
}

// `bytes` with the checksum recomputed over the whole message, so only the rule under test fails.
Bytes Resummed(Bytes bytes) {
  StoreU16(bytes, pim_field::kChecksum, 0);
  StoreU16(bytes, pim_field::kChecksum, InternetChecksum(bytes));
  return bytes;
}

Bytes WithByte(std::size_t at, std::uint8_t value) {
  Bytes bytes = kStarGJoin;
  bytes[at] = value;
  return Resummed(bytes);
}

TEST(PimJoinPrune, DeconstructsCapturedBytes) {
  auto m = ParsePim(kStarGJoin);
  ASSERT_TRUE(m) << ToString(m.error());
  EXPECT_EQ(TypeOf(*m), PimType::kJoinPrune);
  ASSERT_TRUE(std::holds_alternative<PimJoinPrune>(*m));
  EXPECT_EQ(std::get<PimJoinPrune>(*m), StarGJoin());
}

TEST(PimJoinPrune, ConstructsExactBytes) {
  const PimMessage m = StarGJoin();
  ASSERT_EQ(BufferLen(m), kStarGJoin.size());
  Bytes out(kStarGJoin.size(), 0xa5);
  Emit(m, out);
  EXPECT_EQ(out, kStarGJoin) << ToHex(out);
}

TEST(PimJoinPrune, PrintsOneLine) {
  EXPECT_EQ(
      ToString(PimMessage(StarGJoin())),
      "pim join/prune upstream 10.0.0.2 holdtime 210 239.1.1.1/32 join (*,rp 10.0.0.9 WR) prune -");
}

class PimJoinPruneRoundTrip : public testing::TestWithParam<PimJoinPrune> {};

TEST_P(PimJoinPruneRoundTrip, RoundTrips) {
  ExpectRoundTrip(GetParam());
}

// The last-hop router switching to the SPT: join (S,G) and prune (S,G,rpt) in one group record.
PimJoinPrune SptSwitch() {
  PimJoinPrune jp;
  jp.upstream_neighbor = Ipv4Address(10, 0, 0, 2);
  PimJoinPruneGroup g;
  g.group = EncodedGroup{Ipv4Address(239, 1, 1, 1)};
  g.joins.push_back(EncodedSource{Ipv4Address(10, 1, 1, 10)});
  g.prunes.push_back(EncodedSource{Ipv4Address(10, 1, 1, 10), 32, true, false, true});
  jp.groups.push_back(g);
  return jp;
}

// Several groups, a (*,G) prune, a group range, every group flag and a non-sparse source.
PimJoinPrune Aggregated() {
  PimJoinPrune jp;
  jp.upstream_neighbor = Ipv4Address(192, 168, 7, 1);
  jp.holdtime_s = 0xffff;
  PimJoinPruneGroup prune_star_g;
  prune_star_g.group = EncodedGroup{Ipv4Address(239, 2, 2, 2)};
  prune_star_g.prunes.push_back(EncodedSource{Ipv4Address(10, 0, 0, 9), 32, true, true, true});
  PimJoinPruneGroup range;
  range.group = EncodedGroup{Ipv4Address(239, 0, 0, 0), 8, true, true};
  range.joins.push_back(EncodedSource{Ipv4Address(10, 1, 0, 0), 16, false, false, false});
  range.joins.push_back(EncodedSource{Ipv4Address(10, 1, 1, 11)});
  PimJoinPruneGroup empty;
  empty.group = EncodedGroup{Ipv4Address(232, 1, 1, 1)};
  jp.groups = {prune_star_g, range, empty};
  return jp;
}

PimJoinPrune NoGroups() {
  PimJoinPrune jp;
  jp.upstream_neighbor = Ipv4Address(10, 0, 0, 2);
  jp.holdtime_s = 0;
  return jp;
}

INSTANTIATE_TEST_SUITE_P(JoinPrunes, PimJoinPruneRoundTrip,
                         testing::Values(StarGJoin(), SptSwitch(), Aggregated(), NoGroups()));

TEST(PimJoinPrune, RejectsTruncated) {
  for (std::size_t n = 0; n < kStarGJoin.size(); ++n) {
    auto m = ParsePim(ByteSpan(kStarGJoin).first(n));
    ASSERT_FALSE(m) << "length " << n;
    const ParseErrorCode code = m.error().code;
    EXPECT_TRUE(code == ParseErrorCode::kTruncated || code == ParseErrorCode::kBadLength)
        << "length " << n << ": " << ToString(m.error());
  }
}

TEST(PimJoinPrune, RejectsBadChecksum) {
  Bytes bytes = kStarGJoin;
  bytes.back() ^= 0x01;  // 10.0.0.9 -> 10.0.0.8
  EXPECT_EQ(ErrorOf(bytes), (ParseError{ParseErrorCode::kBadChecksum, 2, "pim checksum"}));
}

TEST(PimJoinPrune, RejectsUpstreamNotIpv4) {
  EXPECT_EQ(ErrorOf(WithByte(4, 2)),
            (ParseError{ParseErrorCode::kBadValue, 4, "pim address family"}));
}

TEST(PimJoinPrune, RejectsUpstreamEncodingNotNative) {
  EXPECT_EQ(ErrorOf(WithByte(5, 1)),
            (ParseError{ParseErrorCode::kBadValue, 5, "pim encoding type"}));
}

TEST(PimJoinPrune, RejectsGroupNotIpv4) {
  EXPECT_EQ(ErrorOf(WithByte(14, 2)),
            (ParseError{ParseErrorCode::kBadValue, 14, "pim address family"}));
}

TEST(PimJoinPrune, RejectsSourceEncodingNotNative) {
  EXPECT_EQ(ErrorOf(WithByte(27, 1)),
            (ParseError{ParseErrorCode::kBadValue, 27, "pim encoding type"}));
}

TEST(PimJoinPrune, RejectsGroupMaskOver32) {
  EXPECT_EQ(ErrorOf(WithByte(17, 33)),
            (ParseError{ParseErrorCode::kBadValue, 17, "pim group mask length"}));
}

TEST(PimJoinPrune, RejectsSourceMaskOver32) {
  EXPECT_EQ(ErrorOf(WithByte(29, 33)),
            (ParseError{ParseErrorCode::kBadValue, 29, "pim source mask length"}));
}

TEST(PimJoinPrune, RejectsWildcardWithoutRpt) {
  EXPECT_EQ(ErrorOf(WithByte(28, 0x06)),
            (ParseError{ParseErrorCode::kBadValue, 28, "pim source W without R"}));
}

TEST(PimJoinPrune, RejectsGroupCountBeyondBytes) {
  EXPECT_EQ(ErrorOf(WithByte(11, 2)),
            (ParseError{ParseErrorCode::kBadLength, 11, "pim join/prune group count"}));
}

TEST(PimJoinPrune, RejectsJoinedCountBeyondBytes) {
  EXPECT_EQ(ErrorOf(WithByte(23, 2)),
            (ParseError{ParseErrorCode::kBadLength, 22, "pim join/prune joined count"}));
}

TEST(PimJoinPrune, RejectsPrunedCountBeyondBytes) {
  EXPECT_EQ(ErrorOf(WithByte(25, 1)),
            (ParseError{ParseErrorCode::kBadLength, 24, "pim join/prune pruned count"}));
}

TEST(PimJoinPrune, RejectsTrailingBytes) {
  Bytes bytes = kStarGJoin;
  bytes.insert(bytes.end(), {0, 0, 0, 0});
  EXPECT_EQ(ErrorOf(Resummed(bytes)),
            (ParseError{ParseErrorCode::kBadLength, 34, "pim join/prune trailing bytes"}));
}

TEST(PimJoinPrune, RejectsCountsThatLeaveBytesOver) {
  // Zero joined sources: the source record is left over after the only group.
  EXPECT_EQ(ErrorOf(WithByte(23, 0)),
            (ParseError{ParseErrorCode::kBadLength, 26, "pim join/prune trailing bytes"}));
}

TEST(PimJoinPrune, EmitRefusesOver255Groups) {
  PimJoinPrune jp;
  jp.groups.resize(256);
  Bytes out(BufferLen(jp));
  EXPECT_THROW(Emit(jp, out), std::invalid_argument);
}

TEST(PimJoinPrune, EmitRefusesWildcardWithoutRpt) {
  PimJoinPrune jp = StarGJoin();
  jp.groups[0].joins[0].rpt = false;
  Bytes out(BufferLen(jp));
  EXPECT_THROW(Emit(jp, out), std::invalid_argument);
}

TEST(PimJoinPrune, EmitIntoShortBufferThrows) {
  Bytes out(kStarGJoin.size() - 1);
  EXPECT_THROW(Emit(PimMessage(StarGJoin()), out), std::length_error);
}

}  // namespace
}  // namespace sim::wire
