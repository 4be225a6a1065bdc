// PIM Register and Register-Stop codecs (RFC 7761 §4.9.3, §4.9.4): known bytes, exact emit,
// round trips, the Register checksum rule, and every rejection rule.
#include <gtest/gtest.h>

#include "sim/wire/checksum.h"
#include "sim/wire/pim.h"
#include "tests/support/hex.h"
#include "tests/wire/pim_test_util.h"

namespace sim::wire {
namespace {

using testing_support::Hex;
using testing_support::ToHex;

// The first packet of a source 10.1.1.10 to 239.1.1.1, as the DR encapsulates it: UDP 40000 ->
// 40001 with the 4 bytes "hi!\n", TTL already decremented to 63.
// IP checksum: 4500+0020+0001+4000+3f11+0000+0a01+010a+ef01+0101 = 0x1bf3f; folded
// 0xbf3f + 0x1 = 0xbf40; complemented 0x40bf.
// UDP checksum (pseudo-header 0a01+010a+ef01+0101+0011+000c, then 9c40+9c41+000c+0000+6869+210a)
// = 0x2bd2a; folded 0xbd2a + 0x2 = 0xbd2c; complemented 0x42d3.
const Bytes kInner =
    Hex("45 00 00 20 00 01 40 00 3f 11 40 bf 0a 01 01 0a ef 01 01 01"
        "9c 40 9c 41 00 0c 42 d3 68 69 21 0a");

// A Null-Register's dummy header for the same (S,G), total length 20.
// IP checksum: 4500+0014+0000+0000+3f11+0000+0a01+010a+ef01+0101 = 0x17f32; folded
// 0x7f32 + 0x1 = 0x7f33; complemented 0x80cc.
const Bytes kDummyHeader = Hex("45 00 00 14 00 00 00 00 3f 11 80 cc 0a 01 01 0a ef 01 01 01");

// RFC 7761 §4.9.3: the checksum covers the header and the B/N word only.
// Register: 2100+0000+0000+0000 = 0x2100; complemented 0xdeff.
// Null-Register (N = 0x40000000): 2100+0000+4000+0000 = 0x6100; complemented 0x9eff.
Bytes Concat(const Bytes& a, const Bytes& b) {
  Bytes out = a;
  out.insert(out.end(), b.begin(), b.end());
  return out;
}
const Bytes kRegister = Concat(Hex("21 00 de ff 00 00 00 00"), kInner);
const Bytes kNullRegister = Concat(Hex("21 00 9e ff 40 00 00 00"), kDummyHeader);

// RP 10.0.0.9 stopping (10.1.1.10, 239.1.1.1).
// Checksum: 2200+0000+0100+0020+ef01+0101+0100+0a01+010a = 0x11f2d; folded 0x1f2d + 0x1 =
// 0x1f2e; complemented 0xe0d1.
const Bytes kRegisterStop = Hex("22 00 e0 d1 01 00 00 20 ef 01 01 01 01 00 0a 01 01 0a");

PimRegister Register() { return PimRegister{false, false, kInner}; }
PimRegister NullRegister() { return PimRegister{false, true, kDummyHeader}; }
PimRegisterStop RegisterStop() {
  return PimRegisterStop{EncodedGroup{Ipv4Address(239, 1, 1, 1)}, Ipv4Address(10, 1, 1, 10)};
}

// Recomputes the checksum the way Emit does for `type`.
Bytes Resummed(PimType type, Bytes bytes) {
  StorePimChecksum(type, bytes);
  return bytes;
}

TEST(PimRegister, DeconstructsCapturedBytes) {
  auto m = ParsePim(kRegister);
  ASSERT_TRUE(m) << ToString(m.error());
  EXPECT_EQ(TypeOf(*m), PimType::kRegister);
  EXPECT_EQ(std::get<PimRegister>(*m), Register());
  auto null = ParsePim(kNullRegister);
  ASSERT_TRUE(null) << ToString(null.error());
  EXPECT_EQ(std::get<PimRegister>(*null), NullRegister());
}

TEST(PimRegister, ConstructsExactBytes) {
  Bytes out(kRegister.size(), 0xa5);
  Emit(PimMessage(Register()), out);
  EXPECT_EQ(out, kRegister) << ToHex(out);
  Bytes null_out(kNullRegister.size(), 0xa5);
  Emit(PimMessage(NullRegister()), null_out);
  EXPECT_EQ(null_out, kNullRegister) << ToHex(null_out);
}

TEST(PimRegister, PrintsOneLine) {
  EXPECT_EQ(ToString(PimMessage(Register())),
            "pim register inner ip 10.1.1.10 > 239.1.1.1 proto 17 ttl 63 (32 bytes)");
  EXPECT_EQ(ToString(PimMessage(PimRegister{true, true, kDummyHeader})),
            "pim register border null inner ip 10.1.1.10 > 239.1.1.1 proto 17 ttl 63 (20 bytes)");
  EXPECT_EQ(ToString(PimRegister{false, false, Hex("00 01")}), "pim register inner 2 bytes");
}

class PimRegisterRoundTrip : public testing::TestWithParam<PimRegister> {};

TEST_P(PimRegisterRoundTrip, RoundTrips) {
  ExpectRoundTrip(GetParam());
}

INSTANTIATE_TEST_SUITE_P(Registers, PimRegisterRoundTrip,
                         testing::Values(Register(), NullRegister(),
                                         PimRegister{true, false, kInner},
                                         PimRegister{true, true, kDummyHeader}));

TEST(PimRegister, AcceptsWholeMessageChecksum) {
  // RFC 7761 §4.9.3: a checksum over the entire Register "should also be accepted".
  Bytes bytes = kRegister;
  StoreU16(bytes, pim_field::kChecksum, 0);
  StoreU16(bytes, pim_field::kChecksum, InternetChecksum(bytes));
  ASSERT_NE(LoadU16(bytes, pim_field::kChecksum), LoadU16(kRegister, pim_field::kChecksum));
  auto m = ParsePim(bytes);
  ASSERT_TRUE(m) << ToString(m.error());
  EXPECT_EQ(std::get<PimRegister>(*m), Register());
}

TEST(PimRegister, ChecksumDoesNotCoverTheInnerPacket) {
  Bytes bytes = kRegister;
  bytes.back() ^= 0xff;  // a payload byte of the inner UDP datagram
  auto m = ParsePim(bytes);
  ASSERT_TRUE(m) << ToString(m.error());
  EXPECT_EQ(std::get<PimRegister>(*m).inner_packet.back(), kInner.back() ^ 0xff);
}

TEST(PimRegister, RejectsBadChecksum) {
  Bytes bytes = kRegister;
  bytes[pim_register_field::kFlags] ^= 0x80;  // B set, checksum not updated
  EXPECT_EQ(ErrorOf(bytes), (ParseError{ParseErrorCode::kBadChecksum, 2, "pim checksum"}));
}

TEST(PimRegister, RejectsTruncated) {
  for (const Bytes* message : {&kRegister, &kNullRegister}) {
    for (std::size_t n = 0; n < message->size(); ++n) {
      auto m = ParsePim(ByteSpan(*message).first(n));
      ASSERT_FALSE(m) << "length " << n;
      EXPECT_EQ(m.error().code, ParseErrorCode::kTruncated)
          << "length " << n << ": " << ToString(m.error());
    }
  }
}

TEST(PimRegister, RejectsInnerPacketNotIpv4) {
  Bytes bytes = kRegister;
  bytes[8] = 0x65;
  EXPECT_EQ(ErrorOf(Resummed(PimType::kRegister, bytes)),
            (ParseError{ParseErrorCode::kBadValue, 8, "pim register inner version"}));
}

TEST(PimRegister, RejectsInnerHeaderLengthBelowFive) {
  Bytes bytes = kRegister;
  bytes[8] = 0x44;
  EXPECT_EQ(ErrorOf(Resummed(PimType::kRegister, bytes)),
            (ParseError{ParseErrorCode::kBadLength, 8, "pim register inner header length"}));
}

TEST(PimRegister, RejectsInnerTotalLengthShortOfTheBytes) {
  Bytes bytes = kRegister;
  bytes[8 + 3] = 30;
  EXPECT_EQ(ErrorOf(Resummed(PimType::kRegister, bytes)),
            (ParseError{ParseErrorCode::kBadLength, 10, "pim register inner total length"}));
}

TEST(PimRegister, RejectsInnerTotalLengthBeyondTheBytes) {
  Bytes bytes = kRegister;
  bytes[8 + 3] = 33;
  EXPECT_EQ(ErrorOf(Resummed(PimType::kRegister, bytes)),
            (ParseError{ParseErrorCode::kTruncated, 40, "pim register inner total length"}));
}

TEST(PimRegister, EmitIntoShortBufferThrows) {
  Bytes out(kRegister.size() - 1);
  EXPECT_THROW(Emit(PimMessage(Register()), out), std::length_error);
}

TEST(PimRegisterStop, DeconstructsCapturedBytes) {
  auto m = ParsePim(kRegisterStop);
  ASSERT_TRUE(m) << ToString(m.error());
  EXPECT_EQ(TypeOf(*m), PimType::kRegisterStop);
  EXPECT_EQ(std::get<PimRegisterStop>(*m), RegisterStop());
}

TEST(PimRegisterStop, ConstructsExactBytes) {
  Bytes out(kRegisterStop.size(), 0xa5);
  Emit(PimMessage(RegisterStop()), out);
  EXPECT_EQ(out, kRegisterStop) << ToHex(out);
}

TEST(PimRegisterStop, PrintsOneLine) {
  EXPECT_EQ(ToString(PimMessage(RegisterStop())),
            "pim register-stop 239.1.1.1/32 source 10.1.1.10");
  EXPECT_EQ(ToString(PimRegisterStop{EncodedGroup{Ipv4Address(239, 1, 1, 1)}, Ipv4Address()}),
            "pim register-stop 239.1.1.1/32 source *");
}

class PimRegisterStopRoundTrip : public testing::TestWithParam<PimRegisterStop> {};

TEST_P(PimRegisterStopRoundTrip, RoundTrips) {
  ExpectRoundTrip(GetParam());
}

INSTANTIATE_TEST_SUITE_P(RegisterStops, PimRegisterStopRoundTrip,
                         testing::Values(RegisterStop(),
                                         PimRegisterStop{EncodedGroup{Ipv4Address(239, 1, 1, 1)},
                                                         Ipv4Address()},  // any source
                                         PimRegisterStop{
                                             EncodedGroup{Ipv4Address(239, 0, 0, 0), 8, true, true},
                                             Ipv4Address(255, 255, 255, 255)}));

TEST(PimRegisterStop, RejectsTruncated) {
  for (std::size_t n = 0; n < kRegisterStop.size(); ++n) {
    auto m = ParsePim(ByteSpan(kRegisterStop).first(n));
    ASSERT_FALSE(m) << "length " << n;
    EXPECT_EQ(m.error().code, ParseErrorCode::kTruncated) << "length " << n;
  }
}

TEST(PimRegisterStop, RejectsBadChecksum) {
  Bytes bytes = kRegisterStop;
  bytes[pim_register_stop_field::kSource + 5] ^= 0x01;
  EXPECT_EQ(ErrorOf(bytes), (ParseError{ParseErrorCode::kBadChecksum, 2, "pim checksum"}));
}

TEST(PimRegisterStop, RejectsGroupMaskOver32) {
  Bytes bytes = kRegisterStop;
  bytes[pim_register_stop_field::kGroup + pim_encoded_field::kMaskLen] = 64;
  EXPECT_EQ(ErrorOf(Resummed(PimType::kRegisterStop, bytes)),
            (ParseError{ParseErrorCode::kBadValue, 7, "pim group mask length"}));
}

TEST(PimRegisterStop, RejectsSourceNotIpv4) {
  Bytes bytes = kRegisterStop;
  bytes[pim_register_stop_field::kSource] = 2;
  EXPECT_EQ(ErrorOf(Resummed(PimType::kRegisterStop, bytes)),
            (ParseError{ParseErrorCode::kBadValue, 12, "pim address family"}));
}

TEST(PimRegisterStop, RejectsTrailingBytes) {
  Bytes bytes = kRegisterStop;
  bytes.push_back(0);
  bytes.push_back(0);
  EXPECT_EQ(ErrorOf(Resummed(PimType::kRegisterStop, bytes)),
            (ParseError{ParseErrorCode::kBadLength, 18, "pim register-stop trailing bytes"}));
}

}  // namespace
}  // namespace sim::wire
