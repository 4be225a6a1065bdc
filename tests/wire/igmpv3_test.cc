// IGMPv3 codec: the Max Resp Code and QQIC encodings over all 256 codes, then the v3 Query and
// Report: known bytes, exact emit, round trips, and every rejection rule.
#include <gtest/gtest.h>

#include <stdexcept>

#include "sim/wire/checksum.h"
#include "sim/wire/encode.h"
#include "sim/wire/igmp.h"
#include "tests/support/hex.h"

namespace sim::wire {
namespace {

using core::Deciseconds;
using core::Duration;
using core::Milliseconds;
using core::Seconds;
using testing_support::Hex;
using testing_support::ToHex;

// ---- Exponential codes (RFC 3376 §4.1.1 and §4.1.7) ----

struct Code {
  const char* name;
  std::uint8_t (*encode)(Duration);
  Duration (*decode)(std::uint8_t);
  Duration unit;
};

class IgmpCodes : public testing::TestWithParam<Code> {};

// The RFC's formula, written out independently of the codec.
std::int64_t RfcUnits(int code) {
  if (code < 128) return code;
  const int mant = code & 0x0f;
  const int exp = (code >> 4) & 0x07;
  return std::int64_t{mant | 0x10} << (exp + 3);
}

TEST_P(IgmpCodes, DecodesEveryCodeByTheRfcFormula) {
  for (int c = 0; c < 256; ++c) {
    EXPECT_EQ(GetParam().decode(static_cast<std::uint8_t>(c)), GetParam().unit * RfcUnits(c))
        << "code " << c;
  }
}

TEST_P(IgmpCodes, DecodeGrowsStrictly) {
  for (int c = 0; c < 255; ++c) {
    EXPECT_LT(GetParam().decode(static_cast<std::uint8_t>(c)),
              GetParam().decode(static_cast<std::uint8_t>(c + 1)))
        << "code " << c;
  }
}

TEST_P(IgmpCodes, EncodeInvertsDecodeForEveryCode) {
  for (int c = 0; c < 256; ++c) {
    const auto code = static_cast<std::uint8_t>(c);
    EXPECT_EQ(GetParam().encode(GetParam().decode(code)), code) << "code " << c;
  }
}

TEST_P(IgmpCodes, EncodeRoundsDownBetweenCodes) {
  for (int c = 0; c < 255; ++c) {
    const auto code = static_cast<std::uint8_t>(c);
    const Duration next = GetParam().decode(static_cast<std::uint8_t>(c + 1));
    EXPECT_EQ(GetParam().encode(next - Duration::FromNanos(1)), code) << "code " << c;
    EXPECT_EQ(GetParam().encode(GetParam().decode(code) + GetParam().unit / 2), code)
        << "code " << c;
  }
}

TEST_P(IgmpCodes, EncodeCapsAtTheLargestCode) {
  const Duration top = GetParam().unit * kIgmpMaxCodedUnits;
  EXPECT_EQ(GetParam().decode(0xff), top);
  EXPECT_EQ(GetParam().encode(top + GetParam().unit), 0xff);
  EXPECT_EQ(GetParam().encode(top * 1000), 0xff);
  EXPECT_EQ(GetParam().encode(Duration::Max()), 0xff);
}

TEST_P(IgmpCodes, EncodeTakesNegativeAsZero) {
  EXPECT_EQ(GetParam().encode(Duration::Zero()), 0);
  EXPECT_EQ(GetParam().encode(Duration::FromNanos(-1)), 0);
  EXPECT_EQ(GetParam().encode(GetParam().unit * -500), 0);
}

INSTANTIATE_TEST_SUITE_P(Codes, IgmpCodes,
                         testing::Values(Code{"MaxRespCode", &EncodeMaxRespCode, &DecodeMaxRespCode,
                                              Deciseconds(1)},
                                         Code{"Qqic", &EncodeQqic, &DecodeQqic, Seconds(1)}),
                         [](const testing::TestParamInfo<Code>& p) { return p.param.name; });

TEST(IgmpCodes, KnownValues) {
  EXPECT_EQ(EncodeMaxRespCode(Seconds(10)), 100);               // RFC 3376 §8.3 default, linear
  EXPECT_EQ(EncodeMaxRespCode(Seconds(1)), 10);                 // §8.8 Last Member Query Interval
  EXPECT_EQ(DecodeMaxRespCode(0x80), Milliseconds(12800));      // (0|0x10) << 3 = 128
  EXPECT_EQ(EncodeMaxRespCode(Seconds(20)), 0x89);              // 200 = (9|0x10) << 3
  EXPECT_EQ(EncodeMaxRespCode(Milliseconds(12900)), 0x80);      // 129 rounds down to 128
  EXPECT_EQ(DecodeMaxRespCode(0xff), Milliseconds(3'174'400));  // 31 << 10 = 31744
  EXPECT_EQ(EncodeQqic(Seconds(125)), 125);                     // §8.2 Query Interval
  EXPECT_EQ(EncodeQqic(Seconds(130)), 0x80);                    // 130 rounds down to 128
  EXPECT_EQ(EncodeQqic(Milliseconds(125'900)), 125);            // whole seconds only
  EXPECT_EQ(DecodeQqic(0xff), Seconds(31744));
}

// ---- Messages ----

const Ipv4Address kGroup(239, 1, 1, 1);
const Ipv4Address kSsmGroup(232, 1, 1, 1);
const Ipv4Address kSource1(10, 0, 0, 1);
const Ipv4Address kSource2(10, 0, 0, 2);

// IGMPv3 general query as Linux and FRR send it: Max Resp Code 100 (10 s), S 0, QRV 2,
// QQIC 125. Checksum: the words 1164 + 027d (all others zero) sum to 0x13e1; complemented 0xec1e.
const Bytes kGeneralQuery = Hex("11 64 ec 1e 00 00 00 00 02 7d 00 00");
// Group-and-source-specific query for (10.0.0.1, 10.0.0.2; 232.1.1.1), Max Resp Code 10 (1 s),
// S 1 and QRV 2 (0x0a), QQIC 125, 2 sources. Checksum: 110a + e801 + 0101 + 0a7d + 0002 +
// 0a00 + 0001 + 0a00 + 0002 = 0x1188e; folded 0x188e + 0x1 = 0x188f; complemented 0xe770.
const Bytes kSourceQuery =
    Hex("11 0a e7 70 e8 01 01 01 0a 7d 00 02"
        "0a 00 00 01  0a 00 00 02");
// Report with two records: CHANGE_TO_EXCLUDE {} for 239.1.1.1 (an any-source join) and
// ALLOW_NEW_SOURCES {10.0.0.1, 10.0.0.2} for 232.1.1.1 (an SSM join). Checksum: 2200 + 0002 +
// 0400 + ef01 + 0101 + 0500 + 0002 + e801 + 0101 + 0a00 + 0001 + 0a00 + 0002 = 0x2180b;
// folded 0x180b + 0x2 = 0x180d; complemented 0xe7f2.
const Bytes kReport =
    Hex("22 00 e7 f2 00 00 00 02"
        "04 00 00 00 ef 01 01 01"
        "05 00 00 02 e8 01 01 01 0a 00 00 01 0a 00 00 02");

IgmpV3Query GeneralQuery() {
  IgmpV3Query q;
  q.max_resp_time = Seconds(10);
  q.robustness = 2;
  q.query_interval = Seconds(125);
  return q;
}

IgmpV3Query SourceQuery() {
  IgmpV3Query q = GeneralQuery();
  q.max_resp_time = Seconds(1);
  q.group = kSsmGroup;
  q.suppress_router_processing = true;
  q.sources = {kSource1, kSource2};
  return q;
}

IgmpV3Report Report() {
  return IgmpV3Report{{
      IgmpGroupRecord{IgmpRecordType::kChangeToExclude, kGroup, {}, {}},
      IgmpGroupRecord{IgmpRecordType::kAllowNewSources, kSsmGroup, {kSource1, kSource2}, {}},
  }};
}

struct Known {
  const char* name;
  Bytes bytes;
  IgmpMessage message;
};

std::vector<Known> KnownMessages() {
  return {{"general_query", kGeneralQuery, GeneralQuery()},
          {"source_query", kSourceQuery, SourceQuery()},
          {"report", kReport, Report()}};
}

Bytes WithChecksum(Bytes bytes) {
  StoreU16(bytes, igmp_field::kChecksum, 0);
  StoreU16(bytes, igmp_field::kChecksum, InternetChecksum(bytes));
  return bytes;
}

ParseError ErrorOf(const Bytes& bytes) {
  auto m = ParseIgmp(bytes);
  if (m) ADD_FAILURE() << "parsed " << ToHex(bytes) << " as " << ToString(*m);
  return m ? ParseError{ParseErrorCode::kBadValue, 9999, "parsed"} : m.error();
}

TEST(IgmpV3, DeconstructsCapturedBytes) {
  for (const Known& k : KnownMessages()) {
    auto m = ParseIgmp(k.bytes);
    ASSERT_TRUE(m) << k.name << ": " << ToString(m.error());
    EXPECT_EQ(*m, k.message) << k.name << ": got " << ToString(*m);
  }
}

TEST(IgmpV3, ConstructsExactBytes) {
  for (const Known& k : KnownMessages()) {
    ASSERT_EQ(BufferLen(k.message), k.bytes.size()) << k.name;
    Bytes out(BufferLen(k.message), 0xa5);
    Emit(k.message, out);
    EXPECT_EQ(out, k.bytes) << k.name << ": got " << ToHex(out);
  }
}

TEST(IgmpV3, PrintsOneLine) {
  EXPECT_EQ(ToString(GeneralQuery()), "igmp v3 query general max-resp 10s qrv 2 qqi 125s");
  EXPECT_EQ(
      ToString(SourceQuery()),
      "igmp v3 query 232.1.1.1 max-resp 1s qrv 2 qqi 125s suppress sources {10.0.0.1, 10.0.0.2}");
  EXPECT_EQ(ToString(Report()),
            "igmp v3 report: to-ex 239.1.1.1 {}; allow 232.1.1.1 {10.0.0.1, 10.0.0.2}");
  EXPECT_EQ(ToString(IgmpV3Report{}), "igmp v3 report (no records)");
  EXPECT_EQ(ToString(IgmpGroupRecord{static_cast<IgmpRecordType>(9), kGroup, {kSource1}, Bytes(8)}),
            "type-9 239.1.1.1 {10.0.0.1} aux 8B");
}

class IgmpV3RoundTrip : public testing::TestWithParam<IgmpMessage> {};

TEST_P(IgmpV3RoundTrip, RoundTrips) {
  const Bytes bytes = Encode(GetParam());
  auto m = ParseIgmp(bytes);
  ASSERT_TRUE(m) << ToString(m.error()) << " in " << ToHex(bytes);
  EXPECT_EQ(*m, GetParam()) << ToString(*m);
}

std::vector<IgmpMessage> RoundTripMessages() {
  std::vector<IgmpMessage> out = {GeneralQuery(), SourceQuery(), Report(), IgmpV3Report{}};
  IgmpV3Query slow = GeneralQuery();  // the largest codes, QRV 7, a group-specific query
  slow.max_resp_time = DecodeMaxRespCode(0xff);
  slow.query_interval = DecodeQqic(0xff);
  slow.robustness = 7;
  slow.group = kGroup;
  out.push_back(slow);
  IgmpV3Query zero;  // all-zero codes and QRV 0 ("exceeds 7" per RFC 3376 §4.1.6)
  zero.robustness = 0;
  out.push_back(zero);
  IgmpV3Query many = SourceQuery();
  many.sources.clear();
  for (std::uint32_t i = 1; i <= 300; ++i) many.sources.emplace_back(0x0a000000u + i);
  out.push_back(many);
  IgmpV3Report all;  // every record type, one with aux data, one with a type we do not know
  for (int t = 1; t <= 6; ++t) {
    all.records.push_back(
        {static_cast<IgmpRecordType>(t), Ipv4Address(239, 0, 0, t), {kSource1}, {}});
  }
  all.records.push_back(
      {IgmpRecordType::kModeIsExclude, kGroup, {}, Hex("01 02 03 04 05 06 07 08")});
  all.records.push_back({static_cast<IgmpRecordType>(0xf0), kSsmGroup, {kSource2, kSource1}, {}});
  out.push_back(all);
  return out;
}

INSTANTIATE_TEST_SUITE_P(Messages, IgmpV3RoundTrip, testing::ValuesIn(RoundTripMessages()));

TEST(IgmpV3, RejectsTruncatedQuery) {
  for (const Bytes& full : {kGeneralQuery, kSourceQuery}) {
    for (std::size_t n = 0; n < full.size(); ++n) {
      auto m = ParseIgmp(ByteSpan(full).first(n));
      ASSERT_FALSE(m) << ToHex(full) << " cut to " << n;
      ParseErrorCode want = ParseErrorCode::kTruncated;
      if (n == 8) want = ParseErrorCode::kBadChecksum;  // reads as a v1/v2 query, checksum fails
      if (n > 8 && n < 12) want = ParseErrorCode::kBadLength;  // RFC 3376 §7.1
      EXPECT_EQ(m.error().code, want) << ToHex(full) << " cut to " << n;
    }
  }
}

TEST(IgmpV3, RejectsTruncatedReport) {
  for (std::size_t n = 0; n < kReport.size(); ++n) {
    auto m = ParseIgmp(ByteSpan(kReport).first(n));
    ASSERT_FALSE(m) << "length " << n;
    EXPECT_EQ(m.error().code, ParseErrorCode::kTruncated) << "length " << n;
    EXPECT_EQ(m.error().offset, n) << "length " << n;
  }
}

TEST(IgmpV3, RejectsBadChecksum) {
  for (const Known& k : KnownMessages()) {
    Bytes bytes = k.bytes;
    bytes[igmp_field::kChecksum] ^= 0x80;
    EXPECT_EQ(ErrorOf(bytes), (ParseError{ParseErrorCode::kBadChecksum, 2, "igmp checksum"}));
  }
}

TEST(IgmpV3, RejectsQuerySourceCountPastEnd) {
  Bytes bytes = kSourceQuery;
  bytes[igmp_field::kQueryNumberOfSources + 1] = 3;
  EXPECT_EQ(ErrorOf(WithChecksum(bytes)),
            (ParseError{ParseErrorCode::kTruncated, 20, "igmp v3 query sources"}));
}

// RFC 3376 §4.1.10: octets after the sources are checksummed and otherwise ignored.
TEST(IgmpV3, IgnoresOctetsAfterQuerySources) {
  Bytes bytes = kSourceQuery;
  for (std::uint8_t extra : {0x01, 0x02, 0x03, 0x04, 0x05}) bytes.push_back(extra);
  EXPECT_EQ(ErrorOf(bytes).code, ParseErrorCode::kBadChecksum);
  auto m = ParseIgmp(WithChecksum(bytes));
  ASSERT_TRUE(m) << ToString(m.error());
  EXPECT_EQ(*m, IgmpMessage{SourceQuery()});
}

TEST(IgmpV3, RejectsGeneralQueryWithSources) {
  Bytes bytes = kSourceQuery;
  StoreU32(bytes, igmp_field::kGroup, 0);
  EXPECT_EQ(ErrorOf(WithChecksum(bytes)),
            (ParseError{ParseErrorCode::kBadValue, 10, "igmp v3 general query sources"}));
}

TEST(IgmpV3, RejectsQueryForUnicastGroup) {
  Bytes bytes = kSourceQuery;
  StoreU32(bytes, igmp_field::kGroup, kSource1.value());
  EXPECT_EQ(ErrorOf(WithChecksum(bytes)),
            (ParseError{ParseErrorCode::kBadValue, 4, "igmp query group"}));
}

// RFC 3376 §4.1.4 ("Resv"), RFC 9776 §4.1.4 ("Flags"): the top four bits are ignored.
TEST(IgmpV3, IgnoresQueryFlagBits) {
  Bytes bytes = kSourceQuery;
  bytes[igmp_field::kFlagsSQrv] |= 0xf0;
  auto m = ParseIgmp(WithChecksum(bytes));
  ASSERT_TRUE(m) << ToString(m.error());
  EXPECT_EQ(*m, IgmpMessage{SourceQuery()});
}

// RFC 3376 §4.1.6: a Robustness Variable over 7 travels as QRV 0.
TEST(IgmpV3, EmitsRobustnessOverSevenAsZero) {
  IgmpV3Query q = GeneralQuery();
  q.robustness = 9;
  const Bytes bytes = Encode(IgmpMessage{q});
  EXPECT_EQ(bytes[igmp_field::kFlagsSQrv], 0);
  EXPECT_EQ(std::get<IgmpV3Query>(*ParseIgmp(bytes)).robustness, 0);
}

TEST(IgmpV3, RejectsRecordCountPastEnd) {
  Bytes bytes = kReport;
  bytes[igmp_field::kNumberOfGroupRecords + 1] = 3;
  EXPECT_EQ(ErrorOf(WithChecksum(bytes)),
            (ParseError{ParseErrorCode::kTruncated, 32, "igmp group record"}));
}

TEST(IgmpV3, RejectsRecordSourceCountPastEnd) {
  Bytes bytes = kReport;
  bytes[16 + igmp_record_field::kNumberOfSources + 1] = 3;  // second record: 3 sources, 2 there
  EXPECT_EQ(ErrorOf(WithChecksum(bytes)),
            (ParseError{ParseErrorCode::kTruncated, 32, "igmp group record sources"}));
}

TEST(IgmpV3, RejectsRecordAuxDataPastEnd) {
  Bytes bytes = kReport;
  bytes[16 + igmp_record_field::kAuxDataLen] = 1;  // one word of aux data that is not there
  EXPECT_EQ(ErrorOf(WithChecksum(bytes)),
            (ParseError{ParseErrorCode::kTruncated, 32, "igmp group record aux data"}));
}

// RFC 3376 §4.2.11: octets after the last record are checksummed, then ignored.
TEST(IgmpV3, IgnoresOctetsAfterLastRecord) {
  Bytes bytes = kReport;
  bytes[igmp_field::kNumberOfGroupRecords + 1] = 1;  // the second record is now left over
  auto one = ParseIgmp(WithChecksum(bytes));
  ASSERT_TRUE(one) << ToString(one.error());
  EXPECT_EQ(std::get<IgmpV3Report>(*one).records.size(), 1u);
  Bytes padded = kReport;
  padded.resize(padded.size() + 4, 0);
  auto two = ParseIgmp(WithChecksum(padded));
  ASSERT_TRUE(two) << ToString(two.error());
  EXPECT_EQ(std::get<IgmpV3Report>(*two).records.size(), 2u);
}

TEST(IgmpV3, RejectsRecordForNonMulticastGroup) {
  Bytes bytes = kReport;
  StoreU32(bytes, 16 + igmp_record_field::kGroup, kSource1.value());
  EXPECT_EQ(ErrorOf(WithChecksum(bytes)),
            (ParseError{ParseErrorCode::kBadValue, 20, "igmp group record group"}));
}

TEST(IgmpV3, ChecksumFailsBeforeRecordValues) {
  Bytes bytes = kReport;
  StoreU32(bytes, 16 + igmp_record_field::kGroup, kSource1.value());
  EXPECT_EQ(ErrorOf(bytes).code, ParseErrorCode::kBadChecksum);
}

// RFC 3376 §4.2.1 and RFC 9776 §4.2.3: reserved octets and flags are ignored on reception.
TEST(IgmpV3, IgnoresReportReservedAndFlags) {
  Bytes bytes = kReport;
  bytes[1] = 0xff;
  bytes[igmp_field::kReportFlags] = 0x80;
  bytes[igmp_field::kReportFlags + 1] = 0x01;
  auto m = ParseIgmp(WithChecksum(bytes));
  ASSERT_TRUE(m) << ToString(m.error());
  EXPECT_EQ(*m, IgmpMessage{Report()});
}

// RFC 3376 §4.2.12: unknown record types are the receiver's to ignore; the codec keeps them.
TEST(IgmpV3, KeepsUnknownRecordType) {
  Bytes bytes = kReport;
  bytes[16 + igmp_record_field::kRecordType] = 0x07;
  auto m = ParseIgmp(WithChecksum(bytes));
  ASSERT_TRUE(m) << ToString(m.error());
  EXPECT_EQ(static_cast<int>(std::get<IgmpV3Report>(*m).records[1].type), 7);
}

TEST(IgmpV3, EmitRejectsTimesWithoutAnExactCode) {
  Bytes out(64);
  IgmpV3Query q = GeneralQuery();
  q.max_resp_time = Milliseconds(12900);  // between codes 0x80 (12.8 s) and 0x81 (13.6 s)
  EXPECT_THROW(Emit(q, out), std::invalid_argument);
  q.max_resp_time = Milliseconds(150);
  EXPECT_THROW(Emit(q, out), std::invalid_argument);
  q.max_resp_time = Milliseconds(-100);
  EXPECT_THROW(Emit(q, out), std::invalid_argument);
  q = GeneralQuery();
  q.query_interval = Seconds(130);  // between 128 s and 136 s
  EXPECT_THROW(Emit(q, out), std::invalid_argument);
  q.query_interval = Milliseconds(1500);
  EXPECT_THROW(Emit(q, out), std::invalid_argument);
}

TEST(IgmpV3, EmitRejectsQueriesTheParserRejects) {
  Bytes out(64);
  IgmpV3Query q = SourceQuery();
  q.group = Ipv4Address();
  EXPECT_THROW(Emit(q, out), std::invalid_argument);
  q.group = kSource1;
  q.sources.clear();
  EXPECT_THROW(Emit(q, out), std::invalid_argument);
}

TEST(IgmpV3, EmitRejectsRecordsTheWireCannotCarry) {
  Bytes out(8192);
  IgmpV3Report r = Report();
  r.records[0].group = kSource1;
  EXPECT_THROW(Emit(r, out), std::invalid_argument);
  r = Report();
  r.records[0].aux_data = Bytes(6);
  EXPECT_THROW(Emit(r, out), std::invalid_argument);
  r.records[0].aux_data = Bytes(256 * 4);
  EXPECT_THROW(Emit(r, out), std::invalid_argument);
  r.records[0].aux_data = Bytes(255 * 4);
  EXPECT_NO_THROW(Emit(r, out));
}

TEST(IgmpV3, EmitThrowsWhenBufferIsShort) {
  Bytes out(kReport.size() - 1);
  EXPECT_THROW(Emit(Report(), out), std::length_error);
  Bytes query_out(kSourceQuery.size() - 1);
  EXPECT_THROW(Emit(SourceQuery(), query_out), std::length_error);
}

}  // namespace
}  // namespace sim::wire
