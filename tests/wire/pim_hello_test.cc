// PIM Hello codec (RFC 7761 §4.9.2): known bytes, exact emit, round trips, every rejection rule.
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

// A Hello laid out as FRR 8.4 sends it (seen in a capture): holdtime 105, LAN prune delay (T=0,
// 500 ms, 2500 ms), DR priority 1, generation ID 0x12345678 (FRR's is random; fixed here).
// Checksum: the words 2000+0000+0001+0002+0069+0002+0004+01f4+09c4+0013+0004+0000+0001+0014
// +0004+1234+5678 sum to 0x9506, with no carry to fold; complemented 0x6af9.
const Bytes kFrrHello =
    Hex("20 00 6a f9"
        "00 01 00 02 00 69"
        "00 02 00 04 01 f4 09 c4"
        "00 13 00 04 00 00 00 01"
        "00 14 00 04 12 34 56 78");

PimHello FrrHello() {
  PimHello h;
  h.holdtime_s = 105;
  h.lan_prune_delay = PimLanPruneDelay{false, 500, 2500};
  h.dr_priority = 1;
  h.generation_id = 0x12345678;
  return h;
}

// A Hello header (type 0) followed by `options`, with a whole-message checksum.
Bytes HelloWith(const Bytes& options) {
  Bytes b = Hex("20 00 00 00");
  b.insert(b.end(), options.begin(), options.end());
  StoreU16(b, pim_field::kChecksum, InternetChecksum(b));
  return b;
}

TEST(PimHello, DeconstructsCapturedBytes) {
  auto m = ParsePim(kFrrHello);
  ASSERT_TRUE(m) << ToString(m.error());
  EXPECT_EQ(TypeOf(*m), PimType::kHello);
  ASSERT_TRUE(std::holds_alternative<PimHello>(*m));
  EXPECT_EQ(std::get<PimHello>(*m), FrrHello());
}

TEST(PimHello, ConstructsExactBytes) {
  const PimMessage m = FrrHello();
  ASSERT_EQ(BufferLen(m), kFrrHello.size());
  Bytes out(kFrrHello.size(), 0xa5);
  Emit(m, out);
  EXPECT_EQ(out, kFrrHello) << ToHex(out);
}

TEST(PimHello, PrintsOneLine) {
  EXPECT_EQ(ToString(PimMessage(FrrHello())),
            "pim hello holdtime 105 lan-prune-delay 500ms/2500ms dr-priority 1 genid 0x12345678");
  PimHello h;
  h.holdtime_s = 105;
  h.lan_prune_delay = PimLanPruneDelay{true, 1, 2};
  h.other_options.push_back({24, Hex("01 00 0a 00 00 05")});
  EXPECT_EQ(ToString(h), "pim hello holdtime 105 lan-prune-delay 1ms/2ms t-bit option 24 len 6");
}

class PimHelloRoundTrip : public testing::TestWithParam<PimHello> {};

TEST_P(PimHelloRoundTrip, RoundTrips) {
  ExpectRoundTrip(GetParam());
}

PimHello Goodbye() {
  PimHello h;
  h.holdtime_s = 0;  // RFC 7761 §4.3.1: a Hello with Holdtime 0 says goodbye
  return h;
}

PimHello EveryOption() {
  PimHello h;
  h.holdtime_s = kPimHelloHoldtimeForever;
  h.lan_prune_delay = PimLanPruneDelay{true, 0x7fff, 0xffff};
  h.dr_priority = 0xffffffff;
  h.generation_id = 0;
  h.other_options = {
      {24, Hex("01 00 0a 00 00 05")}, {21, Hex("01 00 3c 00")}, {22, {}}, {0xffff, Hex("ff")}};
  return h;
}

PimHello PriorityOnly() {
  PimHello h;
  h.dr_priority = 7;
  return h;
}

INSTANTIATE_TEST_SUITE_P(Hellos, PimHelloRoundTrip,
                         testing::Values(FrrHello(), Goodbye(), EveryOption(), PriorityOnly(),
                                         PimHello{}));

TEST(PimHello, RejectsTruncated) {
  for (std::size_t n = 0; n < kFrrHello.size(); ++n) {
    auto m = ParsePim(ByteSpan(kFrrHello).first(n));
    ASSERT_FALSE(m) << "length " << n;
  }
}

TEST(PimHello, RejectsBadChecksum) {
  Bytes bytes = kFrrHello;
  bytes[pim_field::kChecksum + 1] ^= 0x01;
  EXPECT_EQ(ErrorOf(bytes), (ParseError{ParseErrorCode::kBadChecksum, 2, "pim checksum"}));
}

TEST(PimHello, RejectsChecksumOverFirstEightBytesOnly) {
  // The Register-only checksum form is not accepted for a Hello (RFC 7761 §4.9).
  Bytes bytes = kFrrHello;
  StoreU16(bytes, pim_field::kChecksum, 0);
  StoreU16(bytes, pim_field::kChecksum, InternetChecksum(ByteSpan(bytes).first(8)));
  EXPECT_EQ(ErrorOf(bytes).code, ParseErrorCode::kBadChecksum);
}

TEST(PimHello, RejectsHoldtimeOfWrongLength) {
  EXPECT_EQ(ErrorOf(HelloWith(Hex("00 01 00 04 00 69 00 00"))),
            (ParseError{ParseErrorCode::kBadLength, 6, "pim hello holdtime length"}));
}

TEST(PimHello, RejectsLanPruneDelayOfWrongLength) {
  EXPECT_EQ(ErrorOf(HelloWith(Hex("00 01 00 02 00 69 00 02 00 02 01 f4"))),
            (ParseError{ParseErrorCode::kBadLength, 12, "pim hello lan prune delay length"}));
}

TEST(PimHello, RejectsDrPriorityOfWrongLength) {
  EXPECT_EQ(ErrorOf(HelloWith(Hex("00 13 00 01 01"))),
            (ParseError{ParseErrorCode::kBadLength, 6, "pim hello dr priority length"}));
}

TEST(PimHello, GenerationIdTextHasEightHexDigits) {
  EXPECT_EQ(GenerationIdText(0), "0x00000000");
  EXPECT_EQ(GenerationIdText(0xfa1617c5u), "0xfa1617c5");
  EXPECT_EQ(GenerationIdText(0xffffffffu), "0xffffffff");
  EXPECT_EQ(GenerationIdText(0x0000abcdu), "0x0000abcd");
}

TEST(PimHello, RejectsGenerationIdOfWrongLength) {
  EXPECT_EQ(ErrorOf(HelloWith(Hex("00 14 00 00"))),
            (ParseError{ParseErrorCode::kBadLength, 6, "pim hello generation id length"}));
}

TEST(PimHello, RejectsOptionRunningPastMessage) {
  // DR priority claims 8 bytes where 4 are left.
  EXPECT_EQ(ErrorOf(HelloWith(Hex("00 01 00 02 00 69 00 13 00 08 00 00 00 01"))),
            (ParseError{ParseErrorCode::kBadLength, 12, "pim hello option length"}));
}

TEST(PimHello, RejectsPartialOptionHeader) {
  EXPECT_EQ(ErrorOf(HelloWith(Hex("00 01 00 02 00 69 00 13"))),
            (ParseError{ParseErrorCode::kTruncated, 12, "pim hello option"}));
}

TEST(PimHello, RejectsRepeatedModelledOption) {
  EXPECT_EQ(ErrorOf(HelloWith(Hex("00 01 00 02 00 69 00 01 00 02 00 1e"))),
            (ParseError{ParseErrorCode::kBadValue, 10, "pim hello option repeated"}));
}

TEST(PimHello, AcceptsHelloWithoutHoldtime) {
  auto m = ParsePim(HelloWith(Hex("00 13 00 04 00 00 00 07")));
  ASSERT_TRUE(m) << ToString(m.error());
  EXPECT_EQ(std::get<PimHello>(*m), PriorityOnly());
}

TEST(PimHello, KeepsOtherOptionsInOrderAndEmitsModelledFirst) {
  // Address List (24) and State Refresh (21) around a holdtime and a DR priority.
  const Bytes wire =
      HelloWith(Hex("00 18 00 06 01 00 0a 00 00 05"
                    "00 01 00 02 00 69"
                    "00 15 00 04 01 00 3c 00"
                    "00 13 00 04 00 00 00 01"));
  auto m = ParsePim(wire);
  ASSERT_TRUE(m) << ToString(m.error());
  const PimHello& h = std::get<PimHello>(*m);
  ASSERT_EQ(h.other_options.size(), 2u);
  EXPECT_EQ(h.other_options[0], (PimHelloOption{24, Hex("01 00 0a 00 00 05")}));
  EXPECT_EQ(h.other_options[1], (PimHelloOption{21, Hex("01 00 3c 00")}));
  Bytes out(BufferLen(*m));
  Emit(*m, out);
  EXPECT_EQ(out, HelloWith(Hex("00 01 00 02 00 69"
                               "00 13 00 04 00 00 00 01"
                               "00 18 00 06 01 00 0a 00 00 05"
                               "00 15 00 04 01 00 3c 00")));
}

TEST(PimHello, LanPruneDelayFieldsSitWhereTheRfcSays) {
  EXPECT_EQ(EncodeLanPruneDelay({true, 0, 0}), 0x80000000u);
  EXPECT_EQ(EncodeLanPruneDelay({false, 0x7fff, 0}), 0x7fff0000u);
  EXPECT_EQ(EncodeLanPruneDelay({false, 0, 0xffff}), 0x0000ffffu);
  EXPECT_EQ(EncodeLanPruneDelay({false, 500, 2500}), 0x01f409c4u);
  EXPECT_EQ(DecodeLanPruneDelay(0xffffffff), (PimLanPruneDelay{true, 0x7fff, 0xffff}));
}

TEST(PimHello, LanPruneDelayRoundTripsEveryValue) {
  for (std::uint32_t delay = 0; delay <= 0x7fff; ++delay) {
    for (bool t : {false, true}) {
      const PimLanPruneDelay d{t, static_cast<std::uint16_t>(delay),
                               static_cast<std::uint16_t>(delay * 2 + 1)};
      ASSERT_EQ(DecodeLanPruneDelay(EncodeLanPruneDelay(d)), d) << delay;
    }
  }
  for (std::uint32_t interval = 0; interval <= 0xffff; ++interval) {
    const PimLanPruneDelay d{false, 500, static_cast<std::uint16_t>(interval)};
    ASSERT_EQ(DecodeLanPruneDelay(EncodeLanPruneDelay(d)), d) << interval;
  }
}

TEST(PimHello, EmitRefusesPropagationDelayOver15Bits) {
  PimHello h;
  h.lan_prune_delay = PimLanPruneDelay{false, 0x8000, 2500};
  Bytes out(BufferLen(h));
  EXPECT_THROW(Emit(h, out), std::invalid_argument);
}

TEST(PimHello, EmitRefusesOtherOptionWithModelledType) {
  PimHello h;
  h.other_options.push_back({pim_hello_option::kDrPriority, Hex("00 00 00 01")});
  Bytes out(BufferLen(h));
  EXPECT_THROW(Emit(h, out), std::invalid_argument);
}

TEST(PimHello, EmitIntoShortBufferThrows) {
  Bytes out(kFrrHello.size() - 1);
  EXPECT_THROW(Emit(PimMessage(FrrHello()), out), std::length_error);
}

}  // namespace
}  // namespace sim::wire
