// IPv4 codec: known bytes, exact emit, round trips, and every rejection rule.
#include "sim/wire/ipv4.h"

#include <gtest/gtest.h>

#include "sim/wire/checksum.h"
#include "tests/support/hex.h"

namespace sim::wire {
namespace {

using testing_support::Hex;

// The IP header of an IGMPv2 report from a Linux host 192.168.1.10 for 239.1.1.1:
// TOS 0xc0, total length 32 (24 header + 8 IGMP), ID 0, DF, TTL 1, protocol 2, Router Alert.
// Checksum: the 16-bit words 46c0+0020+0000+4000+0102+0000+c0a8+010a+ef01+0101+9404+0000
// sum to 0x2cd9a; folded 0xcd9a + 0x2 = 0xcd9c; complemented 0x3263.
const Bytes kIgmpReportHeader = Hex("46 c0 00 20 00 00 40 00 01 02 32 63 c0 a8 01 0a ef 01 01 01 94 04 00 00");
const Bytes kIgmpPayload = Hex("16 00 f9 fc ef 01 01 01");  // checksum: see igmp_test.cc

Ipv4Header ReportHeader() {
  Ipv4Header h;
  h.tos = kTosInternetControl;
  h.dont_fragment = true;
  h.ttl = 1;
  h.protocol = kIpProtoIgmp;
  h.source = Ipv4Address(192, 168, 1, 10);
  h.destination = Ipv4Address(239, 1, 1, 1);
  h.router_alert = true;
  return h;
}

Bytes Packet() {
  Bytes b = kIgmpReportHeader;
  b.insert(b.end(), kIgmpPayload.begin(), kIgmpPayload.end());
  return b;
}

TEST(Ipv4, DeconstructsCapturedBytes) {
  const Bytes bytes = Packet();
  auto p = ParseIpv4(bytes);
  ASSERT_TRUE(p) << ToString(p.error());
  EXPECT_EQ(p->header, ReportHeader());
  EXPECT_EQ(p->header_len, 24u);
  EXPECT_EQ(Bytes(p->payload.begin(), p->payload.end()), kIgmpPayload);
}

TEST(Ipv4, ConstructsExactBytes) {
  Bytes out(32, 0xa5);
  EmitIpv4(ReportHeader(), kIgmpPayload, out);
  EXPECT_EQ(out, Packet());
}

TEST(Ipv4, PayloadStopsAtTotalLength) {
  Bytes padded = Packet();
  padded.resize(padded.size() + 14, 0);  // Ethernet padding after the datagram
  auto p = ParseIpv4(padded);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->payload.size(), 8u);
}

class Ipv4RoundTrip : public testing::TestWithParam<Ipv4Header> {};

TEST_P(Ipv4RoundTrip, RoundTrips) {
  const Bytes payload = Hex("01 02 03 04 05");
  Bytes out(Ipv4HeaderLen(GetParam()) + payload.size());
  EmitIpv4(GetParam(), payload, out);
  auto p = ParseIpv4(out);
  ASSERT_TRUE(p) << ToString(p.error());
  EXPECT_EQ(p->header, GetParam());
  EXPECT_EQ(Bytes(p->payload.begin(), p->payload.end()), payload);
}

Ipv4Header Fragment() {
  Ipv4Header h;
  h.identification = 0xbeef;
  h.more_fragments = true;
  h.fragment_offset = 0x1abc;
  h.protocol = kIpProtoUdp;
  h.source = Ipv4Address(10, 0, 0, 1);
  h.destination = Ipv4Address(10, 0, 0, 2);
  return h;
}

INSTANTIATE_TEST_SUITE_P(Headers, Ipv4RoundTrip,
                         testing::Values(ReportHeader(), Fragment(), Ipv4Header{}));

TEST(Ipv4, RejectsTruncated) {
  const Bytes bytes = Packet();
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    auto p = ParseIpv4(ByteSpan(bytes).first(n));
    ASSERT_FALSE(p) << "length " << n;
    EXPECT_EQ(p.error().code, ParseErrorCode::kTruncated) << "length " << n;
  }
}

TEST(Ipv4, RejectsBadChecksum) {
  Bytes bytes = Packet();
  bytes[ipv4_field::kChecksum + 1] ^= 0x01;
  auto p = ParseIpv4(bytes);
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error(), (ParseError{ParseErrorCode::kBadChecksum, 10, "ipv4 header checksum"}));
}

// Corrupts a field, then repairs the header checksum so that only the field's rule can fail.
Bytes WithField(std::size_t at, std::uint8_t value) {
  Bytes bytes = Packet();
  bytes[at] = value;
  StoreU16(bytes, ipv4_field::kChecksum, 0);
  const std::size_t header_len = std::max<std::size_t>((bytes[0] & 0x0f) * 4, 20);
  StoreU16(bytes, ipv4_field::kChecksum,
           InternetChecksum(ByteSpan(bytes).first(std::min(header_len, bytes.size()))));
  return bytes;
}

TEST(Ipv4, RejectsVersionSix) {
  auto p = ParseIpv4(WithField(0, 0x66));
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().code, ParseErrorCode::kBadVersion);
}

TEST(Ipv4, RejectsHeaderLengthBelowFive) {
  auto p = ParseIpv4(WithField(0, 0x44));
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error(), (ParseError{ParseErrorCode::kBadLength, 0, "ipv4 header length"}));
}

TEST(Ipv4, RejectsTotalLengthShorterThanHeader) {
  auto p = ParseIpv4(WithField(ipv4_field::kTotalLength + 1, 20));
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error(), (ParseError{ParseErrorCode::kBadLength, 2, "ipv4 total length"}));
}

TEST(Ipv4, RejectsTotalLengthBeyondBytes) {
  auto p = ParseIpv4(WithField(ipv4_field::kTotalLength + 1, 33));
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error(), (ParseError{ParseErrorCode::kTruncated, 32, "ipv4 total length"}));
}

TEST(Ipv4, RejectsRouterAlertOfWrongLength) {
  auto p = ParseIpv4(WithField(21, 3));
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error(), (ParseError{ParseErrorCode::kBadLength, 21, "router alert length"}));
}

TEST(Ipv4, RejectsOptionRunningPastHeader) {
  auto p = ParseIpv4(WithField(21, 9));
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error(), (ParseError{ParseErrorCode::kBadLength, 21, "ipv4 option length"}));
}

TEST(Ipv4, SkipsNopAndStopsAtEndOfList) {
  // NOP, NOP, EOL, pad: valid, and no router alert.
  Bytes bytes = WithField(20, ipv4_option::kNop);
  bytes[21] = ipv4_option::kNop;
  bytes[22] = ipv4_option::kEndOfList;
  bytes[23] = 0;
  StoreU16(bytes, ipv4_field::kChecksum, 0);
  StoreU16(bytes, ipv4_field::kChecksum, InternetChecksum(ByteSpan(bytes).first(24)));
  auto p = ParseIpv4(bytes);
  ASSERT_TRUE(p) << ToString(p.error());
  EXPECT_FALSE(p->header.router_alert);
}

TEST(Ipv4, DecrementTtlKeepsChecksumValid) {
  Ipv4Header h = Fragment();
  for (int ttl = 1; ttl <= 255; ++ttl) {
    h.ttl = static_cast<std::uint8_t>(ttl);
    Bytes out(Ipv4HeaderLen(h));
    EmitIpv4Header(h, 0, out);
    DecrementTtlInPlace(out);
    auto p = ParseIpv4(out);
    ASSERT_TRUE(p) << "ttl " << ttl;
    EXPECT_EQ(p->header.ttl, ttl - 1);
  }
}

}  // namespace
}  // namespace sim::wire
