// UDP codec: known bytes with the pseudo-header checksum, exact emit, the 0 -> 0xffff rule,
// round trips, and every rejection rule.
#include "sim/wire/udp.h"

#include <gtest/gtest.h>

#include "sim/wire/checksum.h"
#include "tests/support/hex.h"

namespace sim::wire {
namespace {

using testing_support::Hex;

const Ipv4Address kSource(192, 168, 1, 10);
const Ipv4Address kGroup(239, 1, 1, 1);
constexpr UdpHeader kPorts{5000, 5001};

// 192.168.1.10:5000 > 239.1.1.1:5001, payload "mcastlab" (8 octets), UDP length 16.
// Checksum: pseudo-header c0a8+010a (source) + ef01+0101 (destination) + 0011 (zero, proto 17)
// + 0010 (UDP length); header 1388+1389+0010+0000 (checksum as zero); payload
// 6d63+6173+746c+6162. The words sum to 0x37d9a; folded 0x7d9a + 0x3 = 0x7d9d; complemented
// 0x8262.
const Bytes kDatagram = Hex("13 88 13 89 00 10 82 62 6d 63 61 73 74 6c 61 62");
const Bytes kPayload = Hex("6d 63 61 73 74 6c 61 62");

// The same flow with the odd-length payload "hello": UDP length 13, and the last octet is
// padded with a zero octet for the sum only (RFC 768). c0a8+010a+ef01+0101+0011+000d
// + 1388+1389+000d+0000 + 6865+6c6c+6f00 = 0x31cc1; folded 0x1cc1 + 0x3 = 0x1cc4; checksum 0xe33b.
const Bytes kOddDatagram = Hex("13 88 13 89 00 0d e3 3b 68 65 6c 6c 6f");

Bytes Payload(const UdpDatagram& d) { return Bytes(d.payload.begin(), d.payload.end()); }

TEST(Udp, DeconstructsCapturedBytes) {
  auto d = ParseUdp(kDatagram, kSource, kGroup);
  ASSERT_TRUE(d) << ToString(d.error());
  EXPECT_EQ(d->header, kPorts);
  EXPECT_EQ(Payload(*d), kPayload);
}

TEST(Udp, ConstructsExactBytes) {
  Bytes out(UdpLen(kPayload.size()), 0xa5);
  EmitUdp(kPorts, kPayload, kSource, kGroup, out);
  EXPECT_EQ(out, kDatagram);
}

TEST(Udp, OddLengthPayload) {
  const Bytes hello = Hex("68 65 6c 6c 6f");
  Bytes out(UdpLen(hello.size()), 0xa5);
  EmitUdp(kPorts, hello, kSource, kGroup, out);
  EXPECT_EQ(out, kOddDatagram);
  auto d = ParseUdp(kOddDatagram, kSource, kGroup);
  ASSERT_TRUE(d) << ToString(d.error());
  EXPECT_EQ(Payload(*d), hello);
}

// 10.0.0.1:5000 > 10.0.0.2:5001 with the two-octet payload c4 c6, chosen to make the sum all
// ones: 0a00+0001+0a00+0002+0011+000a (pseudo-header, UDP length 10) + 1388+1389+000a+0000
// = 0x3b39, and 0x3b39 + 0xc4c6 = 0xffff, whose complement is 0x0000. RFC 768 sends a
// computed zero as 0xffff, since 0 on the wire means "no checksum".
const Ipv4Address kHostA(10, 0, 0, 1);
const Ipv4Address kHostB(10, 0, 0, 2);
const Bytes kZeroSumPayload = Hex("c4 c6");
const Bytes kZeroSumDatagram = Hex("13 88 13 89 00 0a ff ff c4 c6");

TEST(Udp, ComputedZeroChecksumIsSentAsAllOnes) {
  Bytes unchecked = kZeroSumDatagram;
  StoreU16(unchecked, udp_field::kChecksum, 0);
  ChecksumAccumulator acc;  // the sum the comment above works out
  acc.AddU32(kHostA.value());
  acc.AddU32(kHostB.value());
  acc.AddU16(17);
  acc.AddU16(10);
  acc.Add(unchecked);
  ASSERT_EQ(acc.Finish(), 0x0000);

  Bytes out(UdpLen(kZeroSumPayload.size()), 0xa5);
  EmitUdp(kPorts, kZeroSumPayload, kHostA, kHostB, out);
  EXPECT_EQ(out, kZeroSumDatagram);
  auto d = ParseUdp(out, kHostA, kHostB);  // 0xffff verifies: 0xffff + 0xffff folds to 0xffff
  ASSERT_TRUE(d) << ToString(d.error());
  EXPECT_EQ(Payload(*d), kZeroSumPayload);
}

TEST(Udp, AcceptsZeroChecksumAsNoneSent) {
  Bytes bytes = kDatagram;
  StoreU16(bytes, udp_field::kChecksum, 0);
  auto d = ParseUdp(bytes, kSource, kGroup);
  ASSERT_TRUE(d) << ToString(d.error());
  EXPECT_EQ(Payload(*d), kPayload);
  // Not verified at all: the wrong addresses are accepted too.
  EXPECT_TRUE(ParseUdp(bytes, kHostA, kHostB));
}

TEST(Udp, EmitsHeaderInPlace) {
  Bytes out(UdpLen(kPayload.size()), 0xa5);
  std::copy(kPayload.begin(), kPayload.end(), out.begin() + kUdpHeaderLen);
  EmitUdpHeaderInPlace(kPorts, kSource, kGroup, out);
  EXPECT_EQ(out, kDatagram);
}

TEST(Udp, PayloadStopsAtLengthField) {
  Bytes padded = kDatagram;
  padded.insert(padded.end(), {0, 0, 0, 0});  // bytes after the datagram, not summed
  auto d = ParseUdp(padded, kSource, kGroup);
  ASSERT_TRUE(d) << ToString(d.error());
  EXPECT_EQ(Payload(*d), kPayload);
}

TEST(Udp, FormatsOneLine) { EXPECT_EQ(ToString(kPorts, 64), "udp 5000 > 5001 len 64"); }

struct UdpCase {
  UdpHeader header;
  Bytes payload;
};

class UdpRoundTrip : public testing::TestWithParam<UdpCase> {};

TEST_P(UdpRoundTrip, RoundTrips) {
  const UdpCase& c = GetParam();
  Bytes out(UdpLen(c.payload.size()));
  EmitUdp(c.header, c.payload, kSource, kGroup, out);
  auto d = ParseUdp(out, kSource, kGroup);
  ASSERT_TRUE(d) << ToString(d.error());
  EXPECT_EQ(d->header, c.header);
  EXPECT_EQ(Payload(*d), c.payload);
}

INSTANTIATE_TEST_SUITE_P(Datagrams, UdpRoundTrip,
                         testing::Values(UdpCase{kPorts, kPayload}, UdpCase{{0, 0}, {}},
                                         UdpCase{{65535, 1}, {0x42}},
                                         UdpCase{{53, 33434}, Bytes(1472, 0x5a)},
                                         UdpCase{{1, 2}, Bytes(65527, 0xff)}));

TEST(Udp, RejectsTruncated) {
  for (std::size_t n = 0; n < kDatagram.size(); ++n) {
    auto d = ParseUdp(ByteSpan(kDatagram).first(n), kSource, kGroup);
    ASSERT_FALSE(d) << "length " << n;
    EXPECT_EQ(d.error().code, ParseErrorCode::kTruncated) << "length " << n;
    EXPECT_EQ(d.error().offset, n);
  }
}

TEST(Udp, RejectsBadChecksum) {
  Bytes bytes = kDatagram;
  bytes[udp_field::kChecksum + 1] ^= 0x01;
  auto d = ParseUdp(bytes, kSource, kGroup);
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error(), (ParseError{ParseErrorCode::kBadChecksum, 6, "udp checksum"}));
}

TEST(Udp, RejectsChecksumForOtherAddresses) {
  // The pseudo-header binds the datagram to its IP addresses.
  auto d = ParseUdp(kDatagram, kSource, Ipv4Address(239, 1, 1, 2));
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, ParseErrorCode::kBadChecksum);
}

TEST(Udp, RejectsLengthBelowEight) {
  for (std::uint8_t len = 0; len < 8; ++len) {
    Bytes bytes = kDatagram;
    StoreU16(bytes, udp_field::kLength, len);
    auto d = ParseUdp(bytes, kSource, kGroup);
    ASSERT_FALSE(d) << int{len};
    EXPECT_EQ(d.error(), (ParseError{ParseErrorCode::kBadLength, 4, "udp length"}));
  }
}

TEST(Udp, RejectsLengthBeyondBytes) {
  Bytes bytes = kDatagram;
  StoreU16(bytes, udp_field::kLength, 17);
  auto d = ParseUdp(bytes, kSource, kGroup);
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error(), (ParseError{ParseErrorCode::kTruncated, 16, "udp length"}));
}

TEST(Udp, EmitThrowsIntoShortBuffer) {
  Bytes out(UdpLen(kPayload.size()) - 1);
  EXPECT_THROW(EmitUdp(kPorts, kPayload, kSource, kGroup, out), std::length_error);
  Bytes tiny(kUdpHeaderLen - 1);
  EXPECT_THROW(EmitUdpHeaderInPlace(kPorts, kSource, kGroup, tiny), std::length_error);
}

TEST(Udp, EmitThrowsOverMaximumLength) {
  const Bytes payload(65528, 0);  // 8 + 65528 = 65536
  Bytes out(UdpLen(payload.size()));
  EXPECT_THROW(EmitUdp(kPorts, payload, kSource, kGroup, out), std::length_error);
}

}  // namespace
}  // namespace sim::wire
