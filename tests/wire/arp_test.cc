// ARP codec: known request and reply bytes, exact emit, round trips, and every rejection rule.
#include "sim/wire/arp.h"

#include <gtest/gtest.h>

#include "sim/wire/encode.h"
#include "sim/wire/ethernet.h"
#include "tests/support/hex.h"

namespace sim::wire {
namespace {

using testing_support::Hex;

// 10.0.0.1 (02:00:00:00:00:01) asks for 10.0.0.2; the target MAC is left zero, as Linux does.
// htype 0001, ptype 0800, hlen 06, plen 04, op 0001, sha, spa, tha, tpa.
const Bytes kRequest =
    Hex("00 01 08 00 06 04 00 01 02 00 00 00 00 01 0a 00 00 01"
        " 00 00 00 00 00 00 0a 00 00 02");
// 10.0.0.2 (02:00:00:00:00:02) answers 10.0.0.1 with op 0002.
const Bytes kReply =
    Hex("00 01 08 00 06 04 00 02 02 00 00 00 00 02 0a 00 00 02"
        " 02 00 00 00 00 01 0a 00 00 01");

ArpPacket Request() {
  return ArpPacket{ArpOperation::kRequest, LocalMac(1), Ipv4Address(10, 0, 0, 1), MacAddress(),
                   Ipv4Address(10, 0, 0, 2)};
}

ArpPacket Reply() {
  return ArpPacket{ArpOperation::kReply, LocalMac(2), Ipv4Address(10, 0, 0, 2), LocalMac(1),
                   Ipv4Address(10, 0, 0, 1)};
}

TEST(Arp, DeconstructsCapturedBytes) {
  auto req = ParseArp(kRequest);
  ASSERT_TRUE(req) << ToString(req.error());
  EXPECT_EQ(*req, Request());
  auto rep = ParseArp(kReply);
  ASSERT_TRUE(rep) << ToString(rep.error());
  EXPECT_EQ(*rep, Reply());
}

TEST(Arp, ConstructsExactBytes) {
  Bytes out(kArpPacketLen, 0xa5);
  Emit(Request(), out);
  EXPECT_EQ(out, kRequest);
  std::fill(out.begin(), out.end(), 0xa5);
  Emit(Reply(), out);
  EXPECT_EQ(out, kReply);
}

// The request goes to the Ethernet broadcast address in a frame padded to 60 octets; the
// receiver hands ParseArp the whole padded payload.
TEST(Arp, RequestToBroadcastInPaddedFrame) {
  const Bytes arp = Encode(Request());
  Bytes frame(EthernetFrameLen(arp.size()), 0xa5);
  EmitEthernet(EthernetHeader{kBroadcastMac, LocalMac(1), kEtherTypeArp}, arp, frame);
  Bytes expected = Hex("ff ff ff ff ff ff 02 00 00 00 00 01 08 06");
  expected.insert(expected.end(), kRequest.begin(), kRequest.end());
  expected.resize(60, 0);
  ASSERT_EQ(frame, expected);

  auto f = ParseEthernet(frame);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->payload.size(), 46u);  // 28 octets of ARP and 18 of padding
  auto p = ParseArp(f->payload);
  ASSERT_TRUE(p) << ToString(p.error());
  EXPECT_EQ(*p, Request());
}

TEST(Arp, FormatsOneLine) {
  EXPECT_EQ(ToString(Request()), "arp who-has 10.0.0.2 tell 10.0.0.1");
  EXPECT_EQ(ToString(Reply()), "arp 10.0.0.2 is-at 02:00:00:00:00:02");
}

class ArpRoundTrip : public testing::TestWithParam<ArpPacket> {};

TEST_P(ArpRoundTrip, RoundTrips) {
  const Bytes out = Encode(GetParam());
  ASSERT_EQ(out.size(), BufferLen(GetParam()));
  auto p = ParseArp(out);
  ASSERT_TRUE(p) << ToString(p.error());
  EXPECT_EQ(*p, GetParam());
}

// A gratuitous ARP (RFC 5227 announcement style): sender and target IP are the same.
ArpPacket Gratuitous() {
  return ArpPacket{ArpOperation::kRequest, LocalMac(0xfffffffe), Ipv4Address(192, 0, 2, 200),
                   MacAddress(), Ipv4Address(192, 0, 2, 200)};
}

INSTANTIATE_TEST_SUITE_P(Packets, ArpRoundTrip,
                         testing::Values(Request(), Reply(), Gratuitous(), ArpPacket{}));

TEST(Arp, RejectsTruncated) {
  for (std::size_t n = 0; n < kRequest.size(); ++n) {
    auto p = ParseArp(ByteSpan(kRequest).first(n));
    ASSERT_FALSE(p) << "length " << n;
    EXPECT_EQ(p.error(), (ParseError{ParseErrorCode::kTruncated, n, "arp packet"})) << n;
  }
}

TEST(Arp, EmitThrowsIntoShortBuffer) {
  Bytes out(kArpPacketLen - 1);
  EXPECT_THROW(Emit(Request(), out), std::length_error);
}

Bytes WithByte(std::size_t at, std::uint8_t value) {
  Bytes b = kRequest;
  b[at] = value;
  return b;
}

TEST(Arp, RejectsHardwareTypeOtherThanEthernet) {
  auto p = ParseArp(WithByte(arp_field::kHardwareType + 1, 6));  // IEEE 802
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error(), (ParseError{ParseErrorCode::kBadValue, 0, "arp hardware type"}));
}

TEST(Arp, RejectsProtocolTypeOtherThanIpv4) {
  auto p = ParseArp(WithByte(arp_field::kProtocolType, 0x86));  // 0x8600
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error(), (ParseError{ParseErrorCode::kBadValue, 2, "arp protocol type"}));
}

TEST(Arp, RejectsHardwareLengthOtherThanSix) {
  auto p = ParseArp(WithByte(arp_field::kHardwareLength, 8));
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error(), (ParseError{ParseErrorCode::kBadValue, 4, "arp hardware length"}));
}

TEST(Arp, RejectsProtocolLengthOtherThanFour) {
  auto p = ParseArp(WithByte(arp_field::kProtocolLength, 16));
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error(), (ParseError{ParseErrorCode::kBadValue, 5, "arp protocol length"}));
}

TEST(Arp, RejectsOperationOtherThanRequestOrReply) {
  // Every 16-bit value; among the rejected are 3/4 (RARP, RFC 903) and 8/9 (InARP, RFC 2390).
  for (std::uint32_t op = 0; op <= 0xffff; ++op) {
    Bytes bytes = kRequest;
    StoreU16(bytes, arp_field::kOperation, static_cast<std::uint16_t>(op));
    auto p = ParseArp(bytes);
    if (op == 1 || op == 2) {
      ASSERT_TRUE(p) << op;
      EXPECT_EQ(static_cast<std::uint32_t>(p->operation), op);
    } else {
      ASSERT_FALSE(p) << op;
      EXPECT_EQ(p.error(), (ParseError{ParseErrorCode::kBadValue, 6, "arp operation"}));
    }
  }
}

}  // namespace
}  // namespace sim::wire
